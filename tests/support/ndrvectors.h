// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sharedbytes.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>

/// The codec tests' access to impacket's NDR vectors (tests/data/srvsvc and its files/
/// folder, made by generate_vectors.py and generate_file_vectors.py) and their JSON, written
/// once for tst_srvsvccodec and tst_srvsvcfilecodec.
namespace NdrVectors {

/// The "vectors" array of @p dir/vectors.json; empty when the file cannot be read (the
/// tests' vectorsPresent() then fails rather than passing vacuously).
QJsonArray load(const QString &dir);
/// Empty when @p dir holds at least @p minCount vectors of exactly @p kindCount kinds, each
/// with its bytes; otherwise what is missing. Guards the data-driven tests, which an empty
/// table would let pass vacuously.
QString missing(const QString &dir, qsizetype minCount, qsizetype kindCount);
/// Fills the current test's data table with one row per vector of @p dir, named after it:
/// kind, file, encoderExact and expected.
void addDataRows(const QString &dir);
/// The bytes of @p dir/@p fileName; empty when it cannot be read.
sc::ByteBuffer blob(const QString &dir, const QString &fileName);
/// A file of a fuzz target's corpus (tests/fuzz/corpus/TARGET): a seed, or an input a
/// fuzzer once crashed on.
struct CorpusFile
{
    QString name;
    sc::ByteBuffer bytes;
};
/// Every file of @p dir in name order; nullopt when the folder or one of its files cannot be
/// read, so that a test never passes over an input it did not see.
std::optional<QList<CorpusFile>> corpus(const QString &dir);
/// The first @p n bytes of @p b in a buffer of exactly that size, so that a sanitizer build
/// catches any read past them.
sc::ByteBuffer prefix(const sc::ByteBuffer &b, std::size_t n);

/// A JSON string, or null as nullopt.
std::optional<std::u16string> optString(const QJsonValue &v);
/// A JSON number, or null as nullopt.
std::optional<std::uint32_t> optU32(const QJsonValue &v);
/// "\"text\"" or "null", for QCOMPARE messages.
QString describe(const std::optional<std::u16string> &s);
QString describe(const std::optional<std::uint32_t> &v);

/// Empty when @p ours equals impacket's @p theirs but for the padding after a NUL terminator
/// (offsets 2 and 3 mod 4): ours must be zero there, impacket's is one of its 0xaa.. fill
/// bytes. Padding before a DWORD that follows a string with an even unit count does not
/// occur (the string then ends aligned). Otherwise where they differ.
QString differenceExceptPadding(const sc::ByteBuffer &ours, const sc::ByteBuffer &theirs);

} // namespace NdrVectors
