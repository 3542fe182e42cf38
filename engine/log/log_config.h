#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>

namespace kafkascope {

// cleanup.policy
enum class CleanupPolicy { Delete, Compact, CompactDelete };

// A partition log's settings, named and defaulted as Kafka's topic configs
// (KAFKA-REFERENCE.md §4).
struct LogConfig {
    std::int64_t segmentBytes = std::int64_t{1} << 30;     // segment.bytes (1 GiB)
    std::int64_t segmentMs = 7LL * 24 * 3600 * 1000;         // segment.ms (7 d)
    std::int32_t indexIntervalBytes = 4096;                  // index.interval.bytes
    std::int32_t segmentIndexBytes = 10 * 1024 * 1024;       // segment.index.bytes (caps index entries)
    std::int64_t retentionMs = 7LL * 24 * 3600 * 1000;       // retention.ms (-1: forever)
    std::int64_t retentionBytes = -1;                        // retention.bytes (-1: no limit)
    CleanupPolicy cleanupPolicy = CleanupPolicy::Delete;     // cleanup.policy
    std::int64_t deleteRetentionMs = 24LL * 3600 * 1000;     // delete.retention.ms (1 d)
    double minCleanableDirtyRatio = 0.5;                     // min.cleanable.dirty.ratio
    std::int32_t maxMessageBytes = 1048588;                  // max.message.bytes (largest batch)

    [[nodiscard]] bool deletes() const { return cleanupPolicy != CleanupPolicy::Compact; }
    [[nodiscard]] bool compacts() const { return cleanupPolicy != CleanupPolicy::Delete; }

    // Kafka's lower bounds: segment.bytes >= 14 (a header fits), segment.ms >= 1, index interval
    // >= 0, segment.index.bytes >= 8 (one entry), ratio in [0, 1], retention -1 or >= 0.
    [[nodiscard]] Status validate() const;
};

} // namespace kafkascope
