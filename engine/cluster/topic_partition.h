#pragma once

#include "core/strong_types.h"

#include <compare>
#include <string>

namespace kafkascope {

// A partition of a topic, as Kafka names it ("orders-3").
struct TopicPartition {
    std::string topic;
    PartitionId partition;

    friend auto operator<=>(const TopicPartition &, const TopicPartition &) = default;
    [[nodiscard]] std::string toString() const { return topic + "-" + std::to_string(partition.value()); }
};

// Orders by partition number, then topic name: a cheaper comparison than TopicPartition's own
// order when most keys share a topic. For maps whose iteration order nothing depends on.
struct PartitionFirstLess {
    bool operator()(const TopicPartition &a, const TopicPartition &b) const
    {
        if (a.partition != b.partition)
            return a.partition < b.partition;
        return a.topic < b.topic;
    }
};

} // namespace kafkascope
