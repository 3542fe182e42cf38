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

} // namespace kafkascope
