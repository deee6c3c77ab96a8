// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlistfile.h"

#include "nameequality.h"

#include <algorithm>

namespace {

// A message box with hundreds of lines helps nobody: a file that bad is the wrong file, and
// the first lines say so.
constexpr int kMaxListedBadLines = 10;

} // namespace

QStringList ServerListFile::Contents::names() const
{
    QStringList list;
    list.reserve(servers.size());
    for (const Entry &e : servers)
        list << e.name;
    return list;
}

bool ServerListFile::sameServer(const Entry &a, const Entry &b)
{
    return a.port == b.port && sc::namesEqual(a.address.host, b.address.host);
}

ServerListFile::Contents ServerListFile::parse(const QString &text, quint16 defaultPort)
{
    Contents contents;
    QStringView rest(text);
    // Notepad writes UTF-8 files with a byte order mark, which decoding keeps.
    if (rest.startsWith(QChar(0xFEFF)))
        rest = rest.mid(1);
    int number = 0;
    // Lines end at LF; the CR of a CRLF end is a space to trimmed().
    for (const QStringView whole : rest.split(QLatin1Char('\n'))) {
        ++number;
        QStringView line = whole;
        if (const qsizetype hash = line.indexOf(QLatin1Char('#')); hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        const std::optional<ServerAddress> address = ServerAddress::parseStrict(line.toString());
        if (!address) {
            contents.badLines.append({number, line.toString()});
            continue;
        }
        Entry entry;
        entry.address = *address;
        entry.port = address->port.value_or(defaultPort);
        entry.name = ServerAddress::displayName(address->host, entry.port);
        const bool known = std::any_of(contents.servers.cbegin(), contents.servers.cend(),
            [&entry](const Entry &e) { return sameServer(e, entry); });
        if (!known)
            contents.servers.append(entry);
    }
    return contents;
}

QString ServerListFile::badLinesMessage(const QList<BadLine> &badLines, const QString &source)
{
    if (badLines.isEmpty())
        return {};
    QStringList lines;
    for (qsizetype i = 0; i < badLines.size() && i < kMaxListedBadLines; ++i) {
        //: One line of a server list file that names no server. %1 is the file name, %2 the
        //: line number, %3 the text on that line.
        lines << tr("%1, line %2: \"%3\"")
                     .arg(source)
                     .arg(badLines.at(i).number)
                     .arg(badLines.at(i).text);
    }
    if (badLines.size() > kMaxListedBadLines) {
        lines << tr("… and %n more line(s).", nullptr, int(badLines.size() - kMaxListedBadLines));
    }
    //: %1 lists the lines, one per line.
    return tr("%n line(s) of the server list name no server (use host, host:port, \\\\host or "
              "[IPv6 address]:port):\n%1",
        nullptr, int(badLines.size()))
        .arg(lines.join(QLatin1Char('\n')));
}
