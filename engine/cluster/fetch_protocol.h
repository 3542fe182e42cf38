#pragma once

#include "cluster/topic_partition.h"

#include <cstdint>
#include <vector>

namespace kafkascope {

// A consumer's Fetch request and the broker's answer (Kafka's FetchRequest / FetchResponse, as
// the consumer's Fetcher uses them; docs/GROUPS.md, "Fetching"). Values, not bytes.

// Kafka's per-partition fetch errors the simulator produces, plus the dropped connection.
enum class FetchError {
    None,
    NotLeaderOrFollower,     // NOT_LEADER_OR_FOLLOWER: the broker does not lead the partition now
    OffsetOutOfRange,        // OFFSET_OUT_OF_RANGE: the offset is below the log start or past the log end
    UnknownTopicOrPartition, // UNKNOWN_TOPIC_OR_PARTITION: the partition does not exist (any more)
};

[[nodiscard]] inline const char *fetchErrorName(FetchError error)
{
    switch (error) {
    case FetchError::None: return "NONE";
    case FetchError::NotLeaderOrFollower: return "NOT_LEADER_OR_FOLLOWER";
    case FetchError::OffsetOutOfRange: return "OFFSET_OUT_OF_RANGE";
    case FetchError::UnknownTopicOrPartition: return "UNKNOWN_TOPIC_OR_PARTITION";
    }
    return "UNKNOWN";
}

struct ConsumerFetchRequest {
    struct Partition {
        TopicPartition tp;
        std::int64_t fetchOffset = 0;
    };
    std::vector<Partition> partitions; // the order the broker reads them in
    std::int32_t minBytes = 1;            // fetch.min.bytes
    std::int32_t maxWaitMs = 500;         // fetch.max.wait.ms
    std::int32_t maxBytes = 52428800;     // fetch.max.bytes (the whole answer)
    std::int32_t partitionMaxBytes = 1048576; // max.partition.fetch.bytes
};

struct ConsumerFetchResponse {
    struct Partition {
        TopicPartition tp;
        std::int64_t fetchOffset = 0;
        FetchError error = FetchError::None;
        // The offsets of the records returned (whole batches, below the high watermark, from the
        // fetch offset on: the simulated applications look at nothing else).
        std::vector<std::int64_t> offsets;
        // Where the next fetch starts: past the last batch returned (past offsets compaction
        // emptied at its end), or fetchOffset when nothing was returned.
        std::int64_t nextFetchOffset = 0;
        std::int64_t bytes = 0; // the batches' size
    };
    // The connection dropped (the broker was or went down): no partition data.
    bool disconnected = false;
    std::vector<Partition> partitions;
};

} // namespace kafkascope
