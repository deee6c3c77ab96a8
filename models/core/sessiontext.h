// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
// moc reads this header through the Qt models' headers with the compiler's C++17
// predefines, and cannot parse <compare> then; it needs nothing from it.
#ifndef Q_MOC_RUN
#include <compare>
#endif
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sc {

class SharedBytes;

/// Immutable UTF-16 text with shared storage: the string type of SessionInfo.
///
/// Copies share one reference-counted block (the count is atomic, so a copy may move to
/// another thread and be dropped there). Many texts can live in one block: the decoder of a
/// NetrSessionEnum reply puts every name of the reply into a few large blocks instead of
/// allocating each one, and texts that repeat (client types, transports) share their units.
/// A value never changes after it was made; assigning to it makes it refer to other units.
///
/// Reads like a const std::u16string: data(), size(), empty(), iteration, comparison with any
/// UTF-16 string or literal, and conversion to std::u16string_view (free) or std::u16string
/// (a copy).
class SessionText
{
public:
    SessionText() noexcept = default;
    /// Copies @p text into a block of its own.
    SessionText(std::u16string_view text);
    SessionText(const std::u16string &text)
        : SessionText(std::u16string_view(text))
    {
    }
    SessionText(const char16_t *text)
        : SessionText(std::u16string_view(text))
    {
    }

    SessionText(const SessionText &other) noexcept
        : m_block(other.m_block)
        , m_offset(other.m_offset)
        , m_size(other.m_size)
    {
        retain();
    }
    SessionText(SessionText &&other) noexcept
        : m_block(other.m_block)
        , m_offset(other.m_offset)
        , m_size(other.m_size)
    {
        other.m_block = nullptr;
        other.m_offset = other.m_size = 0;
    }
    SessionText &operator=(const SessionText &other) noexcept
    {
        SessionText copy(other);
        swap(copy);
        return *this;
    }
    SessionText &operator=(SessionText &&other) noexcept
    {
        SessionText moved(std::move(other));
        swap(moved);
        return *this;
    }
    ~SessionText() { release(); }

    void swap(SessionText &other) noexcept
    {
        std::swap(m_block, other.m_block);
        std::swap(m_offset, other.m_offset);
        std::swap(m_size, other.m_size);
    }

    const char16_t *data() const noexcept { return m_block ? m_block->units() + m_offset : u""; }
    std::size_t size() const noexcept { return m_size; }
    std::size_t length() const noexcept { return m_size; }
    bool empty() const noexcept { return m_size == 0; }
    const char16_t *begin() const noexcept { return data(); }
    const char16_t *end() const noexcept { return data() + m_size; }
    char16_t operator[](std::size_t i) const noexcept { return data()[i]; }
    char16_t front() const noexcept { return data()[0]; }
    char16_t back() const noexcept { return data()[m_size - 1]; }

    std::u16string_view view() const noexcept { return {data(), m_size}; }
    operator std::u16string_view() const noexcept { return view(); }
    std::u16string str() const { return std::u16string(view()); }
    operator std::u16string() const { return str(); }

    /// Makes this text empty (drops its reference).
    void clear() noexcept { *this = SessionText(); }
    /// The units from @p first on, sharing this text's storage (no copy).
    SessionText mid(std::size_t first) const;

    /// Whether both refer to the same units (then they are equal without comparing).
    bool isSharedWith(const SessionText &other) const noexcept
    {
        return m_block && m_block == other.m_block && m_offset == other.m_offset
            && m_size == other.m_size;
    }

    friend bool operator==(const SessionText &a, const SessionText &b) noexcept
    {
        return a.isSharedWith(b) || a.view() == b.view();
    }
    friend bool operator==(const SessionText &a, std::u16string_view b) noexcept
    {
        return a.view() == b;
    }
    friend bool operator==(const SessionText &a, const char16_t *b) noexcept
    {
        return a.view() == std::u16string_view(b);
    }
    friend bool operator==(const SessionText &a, const std::u16string &b) noexcept
    {
        return a.view() == std::u16string_view(b);
    }
    friend std::strong_ordering operator<=>(const SessionText &a, const SessionText &b) noexcept
    {
        return a.view() <=> b.view();
    }
    friend std::strong_ordering operator<=>(const SessionText &a, std::u16string_view b) noexcept
    {
        return a.view() <=> b;
    }

    class Arena;

private:
    friend class SharedBytes;

    // A reference-counted run of UTF-16 units, allocated with the units right behind it.
    struct Block
    {
        std::atomic<std::size_t> refs;
        char16_t *units() { return reinterpret_cast<char16_t *>(this + 1); }
        const char16_t *units() const { return reinterpret_cast<const char16_t *>(this + 1); }
    };
    static_assert(alignof(Block) >= alignof(char16_t));

    static Block *allocateBlock(std::size_t units, std::size_t refs);
    static void freeBlock(Block *block) noexcept;

    // Adopts one reference the caller already counted in @p block.
    SessionText(Block *block, std::uint32_t offset, std::uint32_t size) noexcept
        : m_block(block)
        , m_offset(offset)
        , m_size(size)
    {
    }

    void retain() const noexcept
    {
        if (m_block)
            m_block->refs.fetch_add(1, std::memory_order_relaxed);
    }
    void release() noexcept
    {
        // acq_rel: the thread that frees the block must see every other thread's last use.
        if (m_block && m_block->refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
            freeBlock(m_block);
    }

    Block *m_block = nullptr; // null for the empty text
    std::uint32_t m_offset = 0; // in units, from the block's first unit
    std::uint32_t m_size = 0;
};

/// Builds many SessionTexts into a few shared blocks, for one decoded reply.
///
/// Blocks are at most @c chunkUnits long (a longer text gets a block of its own) so that
/// they come from the allocator's free lists rather than fresh pages, and so that one
/// reply's texts need a few hundred allocations instead of one per text. Handing out a text
/// costs no atomic operation: a block's references are counted locally and published when
/// the block is full or the arena ends. Not thread-safe itself; the texts it made are.
class SessionText::Arena
{
public:
    static constexpr std::size_t kDefaultChunkUnits = 32 * 1024;

    /// @p expectedUnits (an upper bound is fine) sizes the first block, so a small reply does
    /// not hold a large block.
    explicit Arena(std::size_t expectedUnits = kDefaultChunkUnits);
    /// An arena for texts that lie inside @p stub: on a little-endian host a text whose bytes
    /// are within the stub (at an even offset from its start) refers to them instead of being
    /// copied, and keeps the stub alive; any other text is copied as usual. The arena holds a
    /// reference to the stub until it ends, so the caller may drop its own at any time.
    explicit Arena(const SharedBytes &stub, std::size_t expectedUnits = kDefaultChunkUnits);
    ~Arena();
    Arena(const Arena &) = delete;
    Arena &operator=(const Arena &) = delete;

    /// A text of the @p units UTF-16 little-endian units at @p bytes (any alignment).
    SessionText addLittleEndian(const std::uint8_t *bytes, std::size_t units);
    /// Like addLittleEndian(), but a text equal to one of the last few given to this call
    /// shares their units: for fields that repeat across a reply (client type, transport).
    /// @p slot separates the fields (0 to kRepeatSlots-1) so each keeps its own recent values.
    SessionText addRepeatingLittleEndian(int slot, const std::uint8_t *bytes, std::size_t units);

    static constexpr int kRepeatSlots = 2;

private:
    // A recent text of the current block (sealing a block forgets its recent texts, so a
    // hit never needs an atomic reference).
    struct Recent
    {
        std::uint32_t offset = 0;
        std::uint32_t size = 0;
    };
    static constexpr int kRecentPerSlot = 8;

    // Room for @p units in the current block (opening a new one if needed); returns the
    // offset of that room.
    std::uint32_t reserve(std::size_t units);
    void seal() noexcept;
    // The offset in units of @p units units at @p bytes inside the stub, or -1 when they
    // cannot be referred to there.
    std::int64_t stubOffset(const std::uint8_t *bytes, std::size_t units) const noexcept;
    SessionText referToStub(std::uint32_t offset, std::size_t units) noexcept;

    Block *m_block = nullptr; // the block being filled, references counted in m_handedOut
    std::size_t m_capacity = 0;
    std::size_t m_used = 0;
    std::size_t m_handedOut = 0;
    std::size_t m_nextChunk;
    Recent m_recent[kRepeatSlots][kRecentPerSlot] = {};
    int m_recentCount[kRepeatSlots] = {};
    int m_recentNext[kRepeatSlots] = {};

    // The stub texts may refer to; its references are counted like m_block's.
    Block *m_stub = nullptr;
    const std::uint8_t *m_stubBytes = nullptr;
    std::size_t m_stubSize = 0;
    std::size_t m_stubHandedOut = 0;
};

} // namespace sc
