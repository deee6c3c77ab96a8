// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace sc {

/// The paging rules that NetrSessionEnum, NetrFileEnum and NetrShareEnum share: ask again
/// with the resume handle while the server answers ERROR_MORE_DATA, and refuse a server that
/// would keep us asking for ever.
namespace PagedEnumeration {

/// A server whose resume handle changes on every page but never says "done" would keep us
/// busy for ever. Real tables are far smaller: at 64 KiB per page this allows hundreds of
/// thousands of sessions or open files.
inline constexpr std::size_t kMaxPages = 4096;

/// Calls @p fetchPage(resumeHandle), which returns a Result of a page with @c moreData and
/// @c resumeHandle, until a page says there is no more, and hands every page, and its number,
/// to @p takePage(page, pageNumber). @p what names the rows in errors ("sessions").
template<typename FetchPage, typename TakePage>
Result<void> follow(const char *what, FetchPage &&fetchPage, TakePage &&takePage)
{
    std::uint32_t resumeHandle = 0;
    std::set<std::uint32_t> seenHandles {resumeHandle};
    for (std::size_t pageNumber = 0;; ++pageNumber) {
        if (pageNumber == kMaxPages)
            return SessionError::local(ErrorKind::ProtocolError,
                std::string("the server kept sending more pages of ") + what);
        auto page = fetchPage(resumeHandle);
        if (!page)
            return page.error();
        const bool moreData = page->moreData;
        const std::uint32_t next = page->resumeHandle;
        takePage(std::move(*page), pageNumber);
        if (!moreData)
            return {};
        // A handle seen before would only bring pages we already have, again and again.
        if (!seenHandles.insert(next).second)
            return SessionError::local(ErrorKind::ProtocolError,
                std::string("the server asked for another page of ") + what
                    + " without advancing its resume handle");
        resumeHandle = next;
    }
}

/// The number of entries to show for a paged answer. Windows reports the total on the first
/// page and what is left from the resume position on later ones, so the first page's figure
/// counts the whole list; a server that reports less than it sent is not believed.
class Total
{
public:
    void addPage(std::size_t pageNumber, std::uint32_t reported, std::size_t rows)
    {
        if (pageNumber == 0)
            m_total = reported;
        m_received += rows;
        m_total = std::max(m_total,
            static_cast<std::uint32_t>(
                std::min<std::size_t>(m_received, std::numeric_limits<std::uint32_t>::max())));
    }
    std::uint32_t value() const { return m_total; }

private:
    std::uint32_t m_total = 0;
    std::size_t m_received = 0;
};

/// follow() for a listing that is shown while it arrives: keeps the rows of every page that
/// @p keep(row) accepts (it may tidy the row first) in @p rows, the number of entries to show
/// in @p total (see Total), and after each page tells @p progress(rows, total), if set.
template<typename Row, typename FetchPage, typename Keep, typename Progress>
Result<void> collect(const char *what, FetchPage &&fetchPage, Keep &&keep, const Progress &progress,
    std::vector<Row> &rows, std::uint32_t &total)
{
    Total counted;
    return follow(what, std::forward<FetchPage>(fetchPage), [&](auto page, std::size_t number) {
        counted.addPage(number, page.totalEntries, page.rows.size());
        total = counted.value();
        for (Row &row : page.rows) {
            if (keep(row))
                rows.push_back(std::move(row));
        }
        if (progress)
            progress(rows, total);
    });
}

} // namespace PagedEnumeration

} // namespace sc
