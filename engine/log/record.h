#pragma once

#include "core/strong_types.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace kafkascope {

// One record as a partition stores it. Keys and values are bytes (held in std::string); a null
// key or value is std::nullopt, which Kafka distinguishes from an empty one.
struct Record {
    Offset offset;
    std::int64_t timestampMs = 0; // CreateTime, in simulated milliseconds
    std::optional<std::string> key;
    std::optional<std::string> value;

    // Approximate bytes the record occupies in a batch, for batching and sticky partitioning.
    [[nodiscard]] std::size_t sizeInBytes() const
    {
        return (key ? key->size() : 0) + (value ? value->size() : 0) + 8;
    }
};

} // namespace kafkascope
