#include "duration.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <string>

namespace kafkascope {

Result<SimDuration> parseDuration(std::string_view text)
{
    std::string shown;
    shown.reserve(text.size() + 2);
    shown.append(1, '\'').append(text).append(1, '\'');
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    if (digits == 0)
        return Status::invalidArgument(shown + " is not a duration (expected a whole number with us, ms, s, m, h or d, e.g. 30s)");
    const std::string_view unit = text.substr(digits);
    std::int64_t perUnitUs = 0;
    if (unit == "us")
        perUnitUs = 1;
    else if (unit == "ms")
        perUnitUs = 1000;
    else if (unit == "s")
        perUnitUs = 1000 * 1000;
    else if (unit == "m")
        perUnitUs = 60LL * 1000 * 1000;
    else if (unit == "h")
        perUnitUs = 3600LL * 1000 * 1000;
    else if (unit == "d")
        perUnitUs = 24LL * 3600 * 1000 * 1000;
    else if (unit.empty())
        return Status::invalidArgument(shown + " has no unit (add us, ms, s, m, h or d, e.g. 30s)");
    else
        return Status::invalidArgument(shown + " has an unknown unit '" + std::string(unit) + "' (use us, ms, s, m, h or d)");

    std::int64_t n = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + digits, n);
    // A simulated run of more than about 290 000 years overflows microseconds.
    if (ec != std::errc{} || ptr != text.data() + digits || n > std::numeric_limits<std::int64_t>::max() / perUnitUs)
        return Status::invalidArgument(shown + " is too long a duration");
    return SimDuration::micros(n * perUnitUs);
}

std::string formatDuration(SimDuration d)
{
    static constexpr struct {
        std::int64_t micros;
        const char *unit;
    } kUnits[] = {{24LL * 3600 * 1000 * 1000, "d"}, {3600LL * 1000 * 1000, "h"}, {60LL * 1000 * 1000, "m"},
                  {1000 * 1000, "s"}, {1000, "ms"}, {1, "us"}};
    const std::int64_t us = std::max<std::int64_t>(0, d.micros());
    for (const auto &u : kUnits)
        if (us != 0 && us % u.micros == 0)
            return std::to_string(us / u.micros) + u.unit;
    return "0ms";
}

} // namespace kafkascope
