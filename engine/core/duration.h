#pragma once

#include "sim_time.h"
#include "status.h"

#include <string_view>

namespace kafkascope {

// Parses a simulated duration as users type it on the command line and in scenario files:
// a non-negative whole number followed by `ms`, `s`, `m`, `h` or `d` ("250ms", "30s", "2m", "7d"). A bare number
// is refused, so that "30" can never silently mean 30 ms. Errors say what was wrong.
Result<SimDuration> parseDuration(std::string_view text);

} // namespace kafkascope
