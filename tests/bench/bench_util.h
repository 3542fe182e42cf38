#pragma once

// What the benchmarks print about the process.
#include <cstring>
#include <fstream>
#include <string>

namespace kafkascope::bench {

// A field of /proc/self/status ("VmHWM:" → "123456 kB"), or "?".
inline std::string procStatus(const char *field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0)
            return line.substr(std::strlen(field) + 1);
    return "?";
}

} // namespace kafkascope::bench
