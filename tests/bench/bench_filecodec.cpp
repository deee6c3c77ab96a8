// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding NetrFileEnum level-3 replies: how fast SrvsvcFileCodec turns the stub of a busy
// file server's open-file list into OpenFileInfo values, next to a plain memcpy of the same
// bytes. The reply is decoded as a transport hands it over (a SharedBytes stub the decoded
// texts refer to). Paths look like Samba's ("C:" + share directory + name, Spanish and German
// words), users repeat as on a real server (a few hundred people, several files each).
//
//   bench_filecodec [--sizes 1000,100000] [--min-time-ms 400] [--min-repeats 7]
//                   [--max-repeats 200]

#include "benchcommandline.h"
#include "benchstats.h"
#include "srvsvcfilecodec.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Options
{
    std::vector<std::size_t> sizes {1000, 100000};
    bench::RepeatLimits repeats;
};

bool parse(int argc, char **argv, Options &o)
{
    return bench::CommandLine("bench_filecodec [--sizes N,N,...] [--min-time-ms MS] "
                              "[--min-repeats N] [--max-repeats N]")
        .option("--sizes", bench::storeList(o.sizes))
        .repeatLimits(o.repeats)
        .parse(argc, argv);
}

std::u16string u16(const std::string &ascii)
{
    return std::u16string(ascii.begin(), ascii.end());
}

sc::OpenFileList makeFiles(std::size_t n)
{
    const std::u16string folders[] = {u"C:\\srv\\datos\\Contabilidad año 2027",
        u"C:\\srv\\daten\\Übersicht Größe", u"C:\\srv\\lab\\Proyectos", u"C:\\srv\\home\\josé"};
    const std::u16string names[]
        = {u"Presupuesto ", u"Straße Plan ", u"Informe trimestral ", u"Protokoll "};
    const std::u16string extensions[] = {u".xlsx", u".docx", u".pdf", u".txt"};
    sc::OpenFileList files;
    files.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        sc::OpenFileInfo f;
        f.level = sc::FileInfoLevel::Level3;
        f.id = std::uint32_t(((1000 + i / 64) << 16) | (i % 64 + 1));
        f.permissions = i % 3 == 0 ? sc::kPermFileRead : sc::kPermFileRead | sc::kPermFileWrite;
        f.lockCount = std::uint32_t(i % 5 == 0 ? 1 : 0);
        f.path = folders[i % 4] + u"\\" + names[(i / 4) % 4] + u16(std::to_string(i))
            + extensions[(i / 16) % 4];
        // Users hold several files each, listed together as Samba lists them by process.
        f.userName = u"usuario" + u16(std::to_string((i / 8) % 400));
        files.push_back(std::move(f));
    }
    return files;
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    if (!parse(argc, argv, o))
        return 2;

    std::printf("%8s %10s %22s %9s %22s %7s %8s\n", "entries", "bytes", "decode ms (min-max)",
        "MB/s", "memcpy ms (min-max)", "ratio", "ns/entry");
    for (std::size_t n : o.sizes) {
        sc::SrvsvcFileCodec::FileEnumReply reply;
        reply.level = sc::FileInfoLevel::Level3;
        reply.files = makeFiles(n);
        reply.totalEntries = std::uint32_t(n);
        reply.status = 0;
        // The stub as a transport hands it over: one shared block the decoded texts refer to.
        const sc::SharedBytes wire(sc::SrvsvcFileCodec::encodeFileEnumReply(reply));

        // A benchmark of a decoder that gives wrong answers is worthless: check first. This
        // first decode is also timed apart: the repeats below reuse the memory it freed, as a
        // poller does from its second poll on.
        double firstMs = 0;
        {
            const auto start = bench::Clock::now();
            auto decoded = sc::SrvsvcFileCodec::decodeFileEnumReply(wire);
            firstMs = bench::msSince(start);
            if (!decoded || decoded->files != reply.files) {
                std::fprintf(stderr, "bench_filecodec: %zu entries: %s\n", n,
                    decoded ? "decoded rows differ from the encoded ones"
                            : decoded.error().message().c_str());
                return 1;
            }
        }

        const std::vector<double> decodeTimes = bench::repeat(o.repeats, [&] {
            const auto start = bench::Clock::now();
            auto decoded = sc::SrvsvcFileCodec::decodeFileEnumReply(wire);
            const double ms = bench::msSince(start);
            bench::keep(decoded->files.data());
            return ms; // freeing the rows happens after the clock stopped
        });

        std::vector<std::uint8_t> copy(wire.size(), 1);
        const std::vector<double> copyTimes = bench::repeat(o.repeats, [&] {
            const auto start = bench::Clock::now();
            std::memcpy(copy.data(), wire.data(), wire.size());
            bench::keep(copy.data());
            return bench::msSince(start);
        });

        const bench::Stats decode = bench::Stats::of(decodeTimes);
        const bench::Stats memcopy = bench::Stats::of(copyTimes);
        const double mbps = double(wire.size()) / (decode.median / 1000.0) / 1e6;
        const double ratio = memcopy.median > 0 ? decode.median / memcopy.median : 0;
        const double nsPerEntry = decode.median * 1e6 / double(n);
        std::printf("%8zu %10zu %8.3f (%.3f-%.3f) %9.0f %8.3f (%.3f-%.3f) %6.1fx %8.1f\n", n,
            wire.size(), decode.median, decode.min, decode.max, mbps, memcopy.median, memcopy.min,
            memcopy.max, ratio, nsPerEntry);
        std::printf("%8s %10s first decode (fresh memory for the rows) %.3f ms\n", "", "", firstMs);

        const std::string key = "filecodec.l3.n" + std::to_string(n);
        bench::result(key + ".bytes", double(wire.size()), "B");
        bench::result(key + ".decode_ms", decode, "ms");
        bench::result(key + ".first_decode_ms", firstMs, "ms");
        bench::result(key + ".memcpy_ms", memcopy, "ms");
        bench::result(key + ".ratio", ratio, "x");
        bench::result(key + ".ns_per_entry", nsPerEntry, "ns");
        std::fflush(stdout);
    }
    return 0;
}
