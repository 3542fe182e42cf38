#pragma once

#include "core/strong_types.h"

#include <cstdint>
#include <string>
#include <type_traits>

namespace kafkascope {

// "[0,2,3]": broker ids as Kafka's tools print replica lists and ISRs. Takes any range of
// BrokerId or of plain integers.
template <typename Range>
std::string brokerListText(const Range &brokers)
{
    std::string out = "[";
    bool first = true;
    for (const auto &b : brokers) {
        if (!first)
            out += ','; // (not `out += (first ? "" : ",") + ...`, on which GCC 12 -O3 warns falsely)
        first = false;
        if constexpr (std::is_integral_v<std::decay_t<decltype(b)>>)
            out += std::to_string(b);
        else
            out += std::to_string(b.value());
    }
    return out + "]";
}

} // namespace kafkascope
