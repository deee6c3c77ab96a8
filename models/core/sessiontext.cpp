// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessiontext.h"

#include "sharedbytes.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <new>

namespace sc {

namespace {

// Counted into a new arena block until it is sealed, so that texts of the block that die
// before the seal (a failed decode) cannot bring the count to zero early.
constexpr std::size_t kOpenBias = std::size_t(1) << 48;

void copyLittleEndian(char16_t *out, const std::uint8_t *bytes, std::size_t units)
{
    if constexpr (std::endian::native == std::endian::little) {
        // The wire buffer may sit at any address, so memcpy rather than a char16_t* cast.
        std::memcpy(out, bytes, 2 * units);
    } else {
        for (std::size_t i = 0; i < units; ++i)
            out[i] = char16_t(bytes[2 * i] | (bytes[2 * i + 1] << 8));
    }
}

} // namespace

SessionText::Block *SessionText::allocateBlock(std::size_t units, std::size_t refs)
{
    void *memory = ::operator new(sizeof(Block) + units * sizeof(char16_t));
    Block *block = new (memory) Block;
    block->refs.store(refs, std::memory_order_relaxed);
    return block;
}

void SessionText::freeBlock(Block *block) noexcept
{
    block->~Block();
    ::operator delete(static_cast<void *>(block));
}

SessionText::SessionText(std::u16string_view text)
{
    if (text.empty())
        return;
    m_block = allocateBlock(text.size(), 1);
    std::memcpy(m_block->units(), text.data(), text.size() * sizeof(char16_t));
    m_size = std::uint32_t(text.size());
}

SessionText SessionText::mid(std::size_t first) const
{
    if (first >= m_size)
        return {};
    retain();
    return SessionText(m_block, m_offset + std::uint32_t(first), m_size - std::uint32_t(first));
}

SessionText::Arena::Arena(std::size_t expectedUnits)
    : m_nextChunk(std::clamp<std::size_t>(expectedUnits, 1, kDefaultChunkUnits))
{
}

SessionText::Arena::Arena(const SharedBytes &stub, std::size_t expectedUnits)
    : Arena(expectedUnits)
{
    if constexpr (std::endian::native != std::endian::little)
        return; // the stub's units are little-endian: every text is converted and copied
    if (!stub.m_block)
        return;
    // One atomic operation for the whole reply: texts that refer to the stub are counted in
    // m_stubHandedOut and published when the arena ends; the bias keeps the stub alive even
    // if the caller drops it first.
    m_stub = stub.m_block;
    m_stub->refs.fetch_add(kOpenBias, std::memory_order_relaxed);
    m_stubBytes = stub.data();
    m_stubSize = stub.size();
}

SessionText::Arena::~Arena()
{
    seal();
    if (m_stub) {
        const std::size_t unused = kOpenBias - m_stubHandedOut;
        if (m_stub->refs.fetch_sub(unused, std::memory_order_acq_rel) == unused)
            freeBlock(m_stub);
    }
}

std::int64_t SessionText::Arena::stubOffset(
    const std::uint8_t *bytes, std::size_t units) const noexcept
{
    if (!m_stub)
        return -1;
    // Compared as integers: pointers into other buffers must not be subtracted.
    const auto begin = reinterpret_cast<std::uintptr_t>(m_stubBytes);
    const auto at = reinterpret_cast<std::uintptr_t>(bytes);
    if (at < begin || at - begin > m_stubSize || (m_stubSize - (at - begin)) / 2 < units)
        return -1;
    const std::uintptr_t byteOffset = at - begin;
    // A text must start on a unit boundary of the block (NDR aligns every string header to 4
    // bytes, so its units always do) and its offset must fit SessionText's 32 bits.
    if (byteOffset % 2 != 0 || byteOffset / 2 + units > UINT32_MAX)
        return -1;
    return std::int64_t(byteOffset / 2);
}

SessionText SessionText::Arena::referToStub(std::uint32_t offset, std::size_t units) noexcept
{
    ++m_stubHandedOut;
    return SessionText(m_stub, offset, std::uint32_t(units));
}

void SessionText::Arena::seal() noexcept
{
    if (!m_block)
        return;
    const std::size_t unused = kOpenBias - m_handedOut;
    if (m_block->refs.fetch_sub(unused, std::memory_order_acq_rel) == unused)
        freeBlock(m_block);
    m_block = nullptr;
    m_capacity = m_used = m_handedOut = 0;
    for (int &count : m_recentCount)
        count = 0;
}

std::uint32_t SessionText::Arena::reserve(std::size_t units)
{
    if (!m_block || m_capacity - m_used < units) {
        seal();
        m_capacity = std::max(units, m_nextChunk);
        m_block = allocateBlock(m_capacity, kOpenBias);
        m_nextChunk = kDefaultChunkUnits;
    }
    const auto offset = std::uint32_t(m_used);
    m_used += units;
    return offset;
}

SessionText SessionText::Arena::addLittleEndian(const std::uint8_t *bytes, std::size_t units)
{
    if (units == 0)
        return {};
    if (const std::int64_t inStub = stubOffset(bytes, units); inStub >= 0)
        return referToStub(std::uint32_t(inStub), units);
    const std::uint32_t offset = reserve(units);
    copyLittleEndian(m_block->units() + offset, bytes, units);
    ++m_handedOut;
    return SessionText(m_block, offset, std::uint32_t(units));
}

SessionText SessionText::Arena::addRepeatingLittleEndian(
    int slot, const std::uint8_t *bytes, std::size_t units)
{
    if (units == 0)
        return {};
    // Referring to the stub costs nothing and shares as much as a repeat would.
    if (const std::int64_t inStub = stubOffset(bytes, units); inStub >= 0)
        return referToStub(std::uint32_t(inStub), units);
    if (m_block) {
        const char16_t *base = m_block->units();
        for (int i = 0; i < m_recentCount[slot]; ++i) {
            const Recent &r = m_recent[slot][i];
            // Byte comparison is exact on little-endian hosts only; elsewhere units differ.
            if (r.size == units && std::endian::native == std::endian::little
                && std::memcmp(base + r.offset, bytes, 2 * units) == 0) {
                ++m_handedOut;
                return SessionText(m_block, r.offset, r.size);
            }
        }
    }
    SessionText text = addLittleEndian(bytes, units);
    Recent &r = m_recent[slot][m_recentNext[slot]];
    r = {text.m_offset, text.m_size};
    m_recentNext[slot] = (m_recentNext[slot] + 1) % kRecentPerSlot;
    m_recentCount[slot] = std::min(m_recentCount[slot] + 1, kRecentPerSlot);
    return text;
}

} // namespace sc
