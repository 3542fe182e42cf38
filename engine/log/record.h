#pragma once

#include "core/strong_types.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kafkascope {

// A record header: a string key and a nullable byte value (Kafka's Header).
struct RecordHeader {
    std::string key;
    std::optional<std::string> value;

    friend bool operator==(const RecordHeader &, const RecordHeader &) = default;
};

// One record as a partition stores it. Keys and values are bytes (held in std::string); a null
// key or value is std::nullopt, which Kafka distinguishes from an empty one.
struct Record {
    Offset offset;
    std::int64_t timestampMs = 0; // CreateTime (or LogAppendTime), in milliseconds
    std::optional<std::string> key;
    std::optional<std::string> value;
    std::vector<RecordHeader> headers;

    // Approximate bytes the record occupies in a batch, for batching and sticky partitioning.
    [[nodiscard]] std::size_t sizeInBytes() const
    {
        std::size_t n = (key ? key->size() : 0) + (value ? value->size() : 0) + 8;
        for (const auto &h : headers)
            n += h.key.size() + (h.value ? h.value->size() : 0) + 2;
        return n;
    }

    friend bool operator==(const Record &, const Record &) = default;
};

} // namespace kafkascope
