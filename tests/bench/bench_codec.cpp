// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding NetrSessionEnum replies: how fast SrvsvcCodec turns the stub of a big file
// server's answer into SessionInfo values, next to a plain memcpy of the same bytes (the
// physical floor: every byte has to be touched once).
//
//   bench_codec [--sizes 1000,10000,100000] [--levels 1,502] [--min-time-ms 400]
//               [--min-repeats 7] [--max-repeats 200]

#include "benchcommandline.h"
#include "benchstats.h"
#include "sessiongenerator.h"
#include "srvsvccodec.h"

#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Options
{
    std::vector<std::size_t> sizes {1000, 10000, 100000};
    std::vector<unsigned> levels {1, 502};
    bench::RepeatLimits repeats;
};

bool parse(int argc, char **argv, Options &o)
{
    bench::CommandLine line("bench_codec [--sizes N,N,...] [--levels 0,1,2,10,502] "
                            "[--min-time-ms MS] [--min-repeats N] [--max-repeats N]");
    line.option("--sizes", bench::storeList(o.sizes))
        .option("--levels", bench::storeList(o.levels))
        .repeatLimits(o.repeats);
    if (!line.parse(argc, argv))
        return false;
    for (unsigned level : o.levels) {
        if (!sc::isValidInfoLevel(level)) {
            std::fprintf(stderr, "bench_codec: no such level %u\n", level);
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    if (!parse(argc, argv, o))
        return 2;

    std::printf("%-6s %8s %10s %22s %9s %22s %7s %8s\n", "level", "entries", "bytes",
        "decode ms (min-max)", "MB/s", "memcpy ms (min-max)", "ratio", "ns/entry");
    for (unsigned levelNumber : o.levels) {
        const auto level = sc::InfoLevel(levelNumber);
        for (std::size_t n : o.sizes) {
            SessionGenerator generator;
            sc::SrvsvcCodec::SessionEnumReply reply;
            reply.level = level;
            reply.sessions = generator.make(n, level);
            reply.totalEntries = std::uint32_t(n);
            reply.resumeHandle = 0;
            reply.status = 0;
            const sc::ByteBuffer wire = sc::SrvsvcCodec::encodeSessionEnumReply(reply);

            // A benchmark of a decoder that gives wrong answers is worthless: check first.
            {
                auto decoded = sc::SrvsvcCodec::decodeSessionEnumReply(wire.data(), wire.size());
                if (!decoded || decoded->sessions != reply.sessions
                    || decoded->totalEntries != reply.totalEntries) {
                    std::fprintf(stderr, "bench_codec: level %u, %zu entries: %s\n", levelNumber, n,
                        decoded ? "decoded rows differ from the encoded ones"
                                : decoded.error().message().c_str());
                    return 1;
                }
            }

            std::vector<double> decodeCpuTimes;
            const std::vector<double> decodeTimes = bench::repeat(o.repeats, [&] {
                const double cpu = bench::threadCpuMs();
                const auto start = bench::Clock::now();
                auto decoded = sc::SrvsvcCodec::decodeSessionEnumReply(wire.data(), wire.size());
                const double ms = bench::msSince(start);
                decodeCpuTimes.push_back(bench::threadCpuMs() - cpu);
                bench::keep(decoded->sessions.data());
                return ms; // freeing the rows happens after the clock stopped
            });

            // Destination written once beforehand so page faults do not count.
            std::vector<std::uint8_t> copy(wire.size(), 1);
            std::vector<double> copyCpuTimes;
            const std::vector<double> copyTimes = bench::repeat(o.repeats, [&] {
                const double cpu = bench::threadCpuMs();
                const auto start = bench::Clock::now();
                std::memcpy(copy.data(), wire.data(), wire.size());
                bench::keep(copy.data());
                const double ms = bench::msSince(start);
                copyCpuTimes.push_back(bench::threadCpuMs() - cpu);
                return ms;
            });

            const bench::Stats decode = bench::Stats::of(decodeTimes);
            const bench::Stats memcopy = bench::Stats::of(copyTimes);
            const double mbps = double(wire.size()) / (decode.median / 1000.0) / 1e6;
            const double ratio = memcopy.median > 0 ? decode.median / memcopy.median : 0;
            const double nsPerEntry = decode.median * 1e6 / double(n);
            std::printf("%-6u %8zu %10zu %8.3f (%.3f-%.3f) %9.0f %8.3f (%.3f-%.3f) %6.1fx %8.1f\n",
                levelNumber, n, wire.size(), decode.median, decode.min, decode.max, mbps,
                memcopy.median, memcopy.min, memcopy.max, ratio, nsPerEntry);

            const std::string key
                = "codec.l" + std::to_string(levelNumber) + ".n" + std::to_string(n);
            bench::result(key + ".bytes", double(wire.size()), "B");
            bench::result(key + ".decode_ms", decode, "ms");
            bench::result(key + ".decode_cpu_ms", bench::Stats::of(decodeCpuTimes).median, "ms");
            bench::result(key + ".memcpy_cpu_ms", bench::Stats::of(copyCpuTimes).median, "ms");
            bench::result(key + ".memcpy_ms", memcopy, "ms");
            bench::result(key + ".decode_mbps", mbps, "MB/s");
            bench::result(key + ".memcpy_mbps",
                double(wire.size()) / (memcopy.median / 1000.0) / 1e6, "MB/s");
            bench::result(key + ".ratio", ratio, "x");
            bench::result(key + ".ns_per_entry", nsPerEntry, "ns");
            bench::result(key + ".repeats", double(decode.count), "");
            std::fflush(stdout);
        }
    }
    return 0;
}
