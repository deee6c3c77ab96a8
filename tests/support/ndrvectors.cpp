// SPDX-License-Identifier: GPL-3.0-or-later
#include "ndrvectors.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

namespace NdrVectors {

QJsonArray load(const QString &dir)
{
    QFile file(dir + QLatin1String("/vectors.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QLatin1String("vectors"))
        .toArray();
}

QString missing(const QString &dir, qsizetype minCount, qsizetype kindCount)
{
    const QJsonArray vectors = load(dir);
    if (vectors.size() < minCount)
        return QStringLiteral("%1 vectors in %2, expected at least %3")
            .arg(vectors.size())
            .arg(dir)
            .arg(minCount);
    QSet<QString> kinds;
    for (const QJsonValue &v : vectors) {
        kinds.insert(v.toObject().value(QLatin1String("kind")).toString());
        const QString file = v.toObject().value(QLatin1String("file")).toString();
        if (blob(dir, file).empty())
            return QStringLiteral("no bytes in %1/%2").arg(dir, file);
    }
    if (kinds.size() != kindCount)
        return QStringLiteral("%1 kinds of vector in %2, expected %3")
            .arg(kinds.size())
            .arg(dir)
            .arg(kindCount);
    return {};
}

void addDataRows(const QString &dir)
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("encoderExact");
    QTest::addColumn<QJsonObject>("expected");
    for (const QJsonValue &v : load(dir)) {
        const QJsonObject o = v.toObject();
        QTest::newRow(o.value(QLatin1String("name")).toString().toUtf8().constData())
            << o.value(QLatin1String("kind")).toString()
            << o.value(QLatin1String("file")).toString()
            << o.value(QLatin1String("encoderExact")).toBool()
            << o.value(QLatin1String("expected")).toObject();
    }
}

sc::ByteBuffer blob(const QString &dir, const QString &fileName)
{
    QFile file(dir + QLatin1Char('/') + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = file.readAll();
    return sc::ByteBuffer(data.begin(), data.end());
}

std::optional<QList<CorpusFile>> corpus(const QString &dir)
{
    const QDir folder(dir);
    if (!folder.exists())
        return std::nullopt;
    QList<CorpusFile> files;
    for (const QString &name : folder.entryList(QDir::Files, QDir::Name)) {
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return std::nullopt;
        const QByteArray data = file.readAll();
        files.append({name, sc::ByteBuffer(data.begin(), data.end())});
    }
    return files;
}

sc::ByteBuffer prefix(const sc::ByteBuffer &b, std::size_t n)
{
    return sc::ByteBuffer(b.begin(), b.begin() + std::ptrdiff_t(n));
}

std::optional<std::u16string> optString(const QJsonValue &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toString().toStdU16String();
}

std::optional<std::uint32_t> optU32(const QJsonValue &v)
{
    if (v.isNull())
        return std::nullopt;
    return std::uint32_t(v.toInteger());
}

QString describe(const std::optional<std::u16string> &s)
{
    return s ? QLatin1Char('"') + QString::fromStdU16String(*s) + QLatin1Char('"')
             : QStringLiteral("null");
}

QString describe(const std::optional<std::uint32_t> &v)
{
    return v ? QString::number(*v) : QStringLiteral("null");
}

QString differenceExceptPadding(const sc::ByteBuffer &ours, const sc::ByteBuffer &theirs)
{
    if (ours.size() != theirs.size())
        return QStringLiteral("size %1, expected %2").arg(ours.size()).arg(theirs.size());
    for (std::size_t i = 0; i < ours.size(); ++i) {
        if (ours[i] == theirs[i])
            continue;
        const std::size_t base = i & ~std::size_t(3);
        const bool padding = i % 4 >= 2 && ours[i] == 0 && theirs[i] >= 0xaa && ours[base] == 0
            && ours[base + 1] == 0 && theirs[base] == 0 && theirs[base + 1] == 0;
        if (!padding)
            return QStringLiteral("byte %1 is 0x%2, expected 0x%3")
                .arg(i)
                .arg(ours[i], 2, 16, QLatin1Char('0'))
                .arg(theirs[i], 2, 16, QLatin1Char('0'));
    }
    return {};
}

} // namespace NdrVectors
