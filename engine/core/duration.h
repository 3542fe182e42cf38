#pragma once

#include "sim_time.h"
#include "status.h"

#include <string>
#include <string_view>

namespace kafkascope {

// Parses a simulated duration as users type it on the command line and in scenario files:
// a non-negative whole number followed by `us`, `ms`, `s`, `m`, `h` or `d` ("250ms", "30s", "2m", "7d";
// "1500us" for the microseconds a recorded session needs). A bare number is refused, so that "30" can
// never silently mean 30 ms. Errors say what was wrong.
Result<SimDuration> parseDuration(std::string_view text);

// The inverse of parseDuration: `d` (clamped at 0) in the largest unit that states it exactly
// ("2m", "1500ms", "1234567us"; "0ms" for nothing).
std::string formatDuration(SimDuration d);

} // namespace kafkascope
