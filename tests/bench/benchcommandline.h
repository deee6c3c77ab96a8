// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "benchstats.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>

namespace bench {

/// A benchmark's command line: options with a value ("--sizes 1000,100000") and switches
/// ("--no-view"), each applied by a function of the benchmark. An unknown argument, a missing
/// value or a value its function refuses prints the usage and fails the parse.
class CommandLine
{
public:
    explicit CommandLine(std::string usage)
        : m_usage(std::move(usage))
    {
    }

    /// @p apply returns false for a value it does not accept.
    CommandLine &option(const std::string &name, std::function<bool(const char *value)> apply)
    {
        m_options[name] = std::move(apply);
        return *this;
    }
    CommandLine &flag(const std::string &name, std::function<void()> apply)
    {
        m_flags[name] = std::move(apply);
        return *this;
    }
    /// --min-time-ms, --min-repeats and --max-repeats, which bound bench::repeat().
    CommandLine &repeatLimits(RepeatLimits &limits)
    {
        option("--min-time-ms", [&limits](const char *v) {
            limits.minTimeMs = std::atof(v);
            return true;
        });
        option("--min-repeats", [&limits](const char *v) {
            limits.minRepeats = std::max(1, std::atoi(v));
            limits.maxRepeats = std::max(limits.minRepeats, limits.maxRepeats);
            return true;
        });
        option("--max-repeats", [&limits](const char *v) {
            limits.maxRepeats = std::max(limits.minRepeats, std::atoi(v));
            return true;
        });
        return *this;
    }

    bool parse(int argc, char **argv) const
    {
        for (int i = 1; i < argc; ++i) {
            if (const auto flag = m_flags.find(argv[i]); flag != m_flags.end()) {
                flag->second();
                continue;
            }
            const auto option = m_options.find(argv[i]);
            if (option == m_options.end() || i + 1 == argc || !option->second(argv[i + 1]))
                return usage();
            ++i;
        }
        return true;
    }

    /// Prints the usage; false, for returning from a check after parse().
    bool usage() const
    {
        std::fprintf(stderr, "usage: %s\n", m_usage.c_str());
        return false;
    }

private:
    std::string m_usage;
    std::map<std::string, std::function<bool(const char *)>> m_options;
    std::map<std::string, std::function<void()>> m_flags;
};

/// For CommandLine::option(): stores a value, always accepted.
inline std::function<bool(const char *)> store(std::string &target)
{
    return [&target](const char *v) {
        target = v;
        return true;
    };
}

/// For CommandLine::option(): stores a number clamped to [@p low, @p high].
inline std::function<bool(const char *)> store(int &target, int low, int high)
{
    return [&target, low, high](const char *v) {
        target = std::clamp(std::atoi(v), low, high);
        return true;
    };
}

/// For CommandLine::option(): stores a comma-separated list; an empty one is refused.
template<typename T>
std::function<bool(const char *)> storeList(std::vector<T> &target)
{
    return [&target](const char *v) {
        target = parseList<T>(v);
        return !target.empty();
    };
}

} // namespace bench
