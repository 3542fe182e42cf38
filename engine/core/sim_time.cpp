#include "sim_time.h"

#include <cstdio>

namespace kafkascope {

std::string formatSimTime(SimTime t)
{
    const std::int64_t ms = t.millis();
    char buf[48];
    std::snprintf(buf, sizeof buf, "%lld.%03lld s", static_cast<long long>(ms / 1000),
                  static_cast<long long>(ms % 1000));
    return buf;
}

} // namespace kafkascope
