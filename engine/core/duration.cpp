#include "duration.h"

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
        return Status::invalidArgument(shown + " is not a duration (expected a whole number with ms, s, m, h or d, e.g. 30s)");
    const std::string_view unit = text.substr(digits);
    std::int64_t perUnitUs = 0;
    if (unit == "ms")
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
        return Status::invalidArgument(shown + " has no unit (add ms, s, m, h or d, e.g. 30s)");
    else
        return Status::invalidArgument(shown + " has an unknown unit '" + std::string(unit) + "' (use ms, s, m, h or d)");

    std::int64_t n = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + digits, n);
    // A simulated run of more than about 290 000 years overflows microseconds.
    if (ec != std::errc{} || ptr != text.data() + digits || n > std::numeric_limits<std::int64_t>::max() / perUnitUs)
        return Status::invalidArgument(shown + " is too long a duration");
    return SimDuration::micros(n * perUnitUs);
}

} // namespace kafkascope
