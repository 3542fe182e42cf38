#pragma once

#include "core/random.h"
#include "core/strong_types.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace kafkascope {

// Kafka's built-in partitioning (producer side, Kafka 3.3+; KAFKA-REFERENCE.md §1):
// an explicit partition wins; a non-null key goes to toPositive(murmur2(key)) % numPartitions;
// a null key goes to the "uniform sticky" partition, which changes to a new random partition once
// about batch.size bytes were sent to it. Every simulated partition is available for now, so the
// adaptive weighting against queue lengths does not apply yet.
class DefaultPartitioner {
public:
    explicit DefaultPartitioner(std::size_t batchSizeBytes = 16384) : m_batchSize(batchSizeBytes) {}

    // `rng` must be the cluster's RNG (injected, for reproducible runs). numPartitions > 0.
    PartitionId partition(const std::string &topic, const std::optional<std::string> &key,
                          std::optional<PartitionId> explicitPartition, std::int32_t numPartitions,
                          std::size_t recordBytes, Random &rng);

private:
    struct Sticky {
        PartitionId partition;
        std::size_t bytes = 0;
    };
    std::size_t m_batchSize;
    std::map<std::string, Sticky> m_sticky; // by topic
};

} // namespace kafkascope
