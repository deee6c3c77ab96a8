// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessiontext.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sc {

/// Bytes being written: the stub an encoder produces and a transport sends.
using ByteBuffer = std::vector<std::uint8_t>;

/// Immutable bytes with shared, reference-counted storage: the reply stub a transport hands
/// to the decoders.
///
/// The storage is a SessionText block, so a decoder can hand out texts that refer to the
/// UTF-16 strings inside the stub instead of copying them (see SessionText::Arena's
/// constructor that takes a SharedBytes): the texts then keep the whole stub alive. Copies
/// are cheap and, like SessionText, may move to another thread (the count is atomic).
class SharedBytes
{
public:
    SharedBytes() noexcept = default;
    /// Copies @p size bytes from @p data.
    SharedBytes(const std::uint8_t *data, std::size_t size);
    /// Copies @p bytes (implicit, so that code building a reply as a vector can return it).
    SharedBytes(const std::vector<std::uint8_t> &bytes)
        : SharedBytes(bytes.data(), bytes.size())
    {
    }

    SharedBytes(const SharedBytes &other) noexcept
        : m_block(other.m_block)
        , m_size(other.m_size)
    {
        if (m_block)
            m_block->refs.fetch_add(1, std::memory_order_relaxed);
    }
    SharedBytes(SharedBytes &&other) noexcept
        : m_block(other.m_block)
        , m_size(other.m_size)
    {
        other.m_block = nullptr;
        other.m_size = 0;
    }
    SharedBytes &operator=(SharedBytes other) noexcept
    {
        std::swap(m_block, other.m_block);
        std::swap(m_size, other.m_size);
        return *this;
    }
    ~SharedBytes();

    const std::uint8_t *data() const noexcept
    {
        return m_block ? reinterpret_cast<const std::uint8_t *>(m_block->units()) : nullptr;
    }
    std::size_t size() const noexcept { return m_size; }
    bool empty() const noexcept { return m_size == 0; }
    const std::uint8_t *begin() const noexcept { return data(); }
    const std::uint8_t *end() const noexcept { return data() + m_size; }
    std::uint8_t operator[](std::size_t i) const noexcept { return data()[i]; }

    std::vector<std::uint8_t> toVector() const { return {begin(), end()}; }

    friend bool operator==(const SharedBytes &a, const SharedBytes &b) noexcept;

private:
    friend class SessionText::Arena;

    SessionText::Block *m_block = nullptr; // null when empty; the bytes follow the header
    std::size_t m_size = 0;
};

} // namespace sc
