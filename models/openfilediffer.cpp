// SPDX-License-Identifier: GPL-3.0-or-later
#include "openfilediffer.h"

#include "deltabuilder.h"

#include <utility>
#include <vector>

namespace {

QStringView viewOf(const sc::SessionText &text)
{
    return QStringView(text.data(), qsizetype(text.size()));
}

} // namespace

void OpenFileDiffer::reset()
{
    m_replaceNext = true;
    m_retired = std::exchange(m_rows, {});
    m_pool.clear();
}

OpenFileRow OpenFileDiffer::rowOf(const sc::OpenFileInfo &info, const PathNamer &namer)
{
    OpenFileRow row;
    row.id = info.id;
    row.permissions = info.permissions;
    row.lockCount = info.lockCount;
    row.level = info.level;
    row.localPath = viewOf(info.path).toString();
    row.user = m_pool.intern(viewOf(info.userName));
    if (namer && !row.localPath.isEmpty())
        row.path = namer(row.localPath);
    if (row.path.isNull())
        row.path = row.localPath;
    return row;
}

OpenFileDelta OpenFileDiffer::update(const sc::OpenFileList &files, const PathNamer &namer)
{
    const quint64 baseGeneration = m_generation;
    const quint64 generation = ++m_generation;
    const qsizetype newCount = qsizetype(files.size());

    if (m_replaceNext) {
        m_replaceNext = false;
        auto builder = DeltaBuilder<OpenFileRow>::replacement(baseGeneration, generation, newCount);
        for (const sc::OpenFileInfo &info : files)
            builder.added(rowOf(info, namer));
        OpenFileDelta delta = builder.finish();
        m_retired = std::exchange(m_rows, delta.rows);
        m_pool.prune();
        return delta;
    }

    // Join on the id. A server lists each open file once; should one list an id twice, the
    // second is treated as another file rather than matched twice.
    QHash<quint32, qsizetype> newById;
    newById.reserve(newCount);
    for (qsizetype j = 0; j < newCount; ++j) {
        const quint32 id = files[size_t(j)].id;
        if (!newById.contains(id))
            newById.insert(id, j);
    }

    const QList<OpenFileRow> &previous = m_rows;
    std::vector<char> matched(size_t(newCount), 0);
    DeltaBuilder<OpenFileRow> builder(baseGeneration, generation, newCount);
    for (qsizetype i = 0; i < previous.size(); ++i) {
        const OpenFileRow &old = previous.at(i);
        const auto it = newById.constFind(old.id);
        if (it == newById.cend()) {
            builder.removed(int(i));
            continue;
        }
        const sc::OpenFileInfo &info = files[size_t(*it)];
        if (matched[size_t(*it)] || viewOf(info.path) != old.localPath
            || viewOf(info.userName) != old.user) {
            builder.removed(int(i)); // the id now names another file
            continue;
        }
        matched[size_t(*it)] = 1;
        OpenFileRow row = old;
        row.permissions = info.permissions;
        row.lockCount = info.lockCount;
        row.level = info.level;
        const quint32 changes = row.changesFrom(old);
        builder.kept(std::move(row), changes);
    }
    for (qsizetype j = 0; j < newCount; ++j) {
        if (!matched[size_t(j)])
            builder.added(rowOf(files[size_t(j)], namer));
    }

    OpenFileDelta delta = builder.finish();
    m_retired = std::exchange(m_rows, delta.rows);
    m_pool.prune();
    return delta;
}
