// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QString>
#include <QStringView>

#include <array>
#include <memory>
#include <unordered_set>

class SharedTextPool;

/// The texts the current rows of a table hold, each once, so rows built poll after poll share
/// one payload per distinct text (a user's several sessions, the few client types, the many
/// files under one share) instead of allocating it again and again.
///
/// Keyed by the text itself: lookups take a QStringView, so a text already held costs no
/// allocation. For fields that repeat the same few texts row after row, a "repeating" slot
/// remembers the last text of that field and is checked before hashing. Texts no row holds
/// any more are forgotten by prune(). Not thread-safe: one pool per worker; pools on several
/// threads can keep their texts in one SharedTextPool (share()).
class TextPool
{
public:
    /// Slots for internRepeating(): fields whose texts repeat row after row.
    static constexpr int kRepeatingSlots = 4;

    /// Keeps the texts in @p shared from now on, with the other pools given it, instead of in
    /// this pool (the texts held so far are forgotten). The repeating slots stay this pool's.
    void share(std::shared_ptr<SharedTextPool> shared);

    // Inline: called for every new row of a poll.

    /// The pooled copy of @p text, added when new.
    QString intern(QStringView text)
    {
        if (text.isEmpty())
            return QString();
        if (m_shared)
            return internShared(text);
        const auto it = m_strings.find(text);
        if (it != m_strings.end())
            return *it;
        return *m_strings.insert(text.toString()).first;
    }

    /// Makes @p text share the pooled copy of its text (adding it when new).
    void intern(QString &text)
    {
        if (text.isEmpty())
            return;
        if (m_shared) {
            internShared(text);
            return;
        }
        const auto [it, added] = m_strings.insert(text);
        if (!added && !it->isSharedWith(text))
            text = *it;
    }

    /// As intern(), checking the last text of field @p slot (0 <= slot < kRepeatingSlots)
    /// first.
    QString internRepeating(int slot, QStringView text)
    {
        QString &last = m_last[size_t(slot)];
        if (last == text)
            return last;
        last = intern(text);
        return last;
    }
    void internRepeating(int slot, QString &text)
    {
        QString &last = m_last[size_t(slot)];
        if (last.isSharedWith(text))
            return;
        if (!text.isEmpty() && last == text) {
            text = last;
            return;
        }
        intern(text);
        last = text;
    }

    /// Forgets the texts no row holds any more (only the pool references them). Scans the pool
    /// only after it grew by a sixteenth since the last scan, so the cost per update stays
    /// proportional to the rows that came and went. Safe while another thread holds rows: a
    /// text it holds has a reference besides the pool's, and nobody can add one to a text
    /// only the pool holds. With share(), prunes the shared pool.
    void prune();
    /// Forgets the texts, or with share() only this pool's repeating slots: the other pools'
    /// rows still hold the shared texts, and prune() forgets those no row holds.
    void clear();

    /// Distinct texts held (in the shared pool, with share()).
    size_t size() const;

private:
    QString internShared(QStringView text);
    void internShared(QString &text);

    struct Hash
    {
        using is_transparent = void;
        size_t operator()(QStringView text) const noexcept { return qHash(text); }
    };
    struct Equal
    {
        using is_transparent = void;
        bool operator()(QStringView a, QStringView b) const noexcept { return a == b; }
    };

    std::unordered_set<QString, Hash, Equal> m_strings;
    std::array<QString, kRepeatingSlots> m_last;
    size_t m_sizeAfterPrune = 0;
    std::shared_ptr<SharedTextPool> m_shared;
};
