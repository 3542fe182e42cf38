#pragma once

#include "core/random.h"
#include "core/strong_types.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kafkascope {

// Kafka's built-in partitioning (producer side, Kafka 3.3+, KIP-794; KAFKA-REFERENCE.md §1):
// an explicit partition wins; a non-null key goes to toPositive(murmur2(key)) % numPartitions
// (over all partitions, available or not) unless partitioner.ignore.keys is set; otherwise the
// record goes to the "uniform sticky" partition, which changes to a new random *available*
// partition (any partition when none is available) once about batch.size bytes were sent to it.
// Not modelled: the adaptive weighting against queue lengths
// (partitioner.adaptive.partitioning.enable) and the switch being held back while the sticky
// partition's batch is not yet full (between batch.size and 2 x batch.size bytes in Kafka).
class DefaultPartitioner {
public:
    explicit DefaultPartitioner(std::size_t batchSizeBytes = 16384) : m_batchSize(batchSizeBytes) {}

    // `rng` must be the cluster's RNG (injected, for reproducible runs). numPartitions > 0.
    // `available`: the partitions that have a leader, in increasing order; empty means none is, and
    // the sticky choice then picks among all partitions, as Kafka does. A re-pick draws one uniform().
    PartitionId partition(const std::string &topic, const std::optional<std::string> &key,
                          std::optional<PartitionId> explicitPartition, std::int32_t numPartitions,
                          std::size_t recordBytes, Random &rng, const std::vector<PartitionId> &available = {},
                          bool ignoreKeys = false);

private:
    struct Sticky {
        PartitionId partition;
        std::size_t bytes = 0;
    };
    std::size_t m_batchSize;
    std::map<std::string, Sticky> m_sticky; // by topic
};

// Kafka's org.apache.kafka.clients.producer.RoundRobinPartitioner (partitioner.class): keys are
// ignored; a per-topic counter, starting at 0 and incremented on every call, picks
// availablePartitions[toPositive(counter) % available] (by counter % numPartitions when none is
// available). The counter is a Java int: it wraps to negative after 2^31 - 1, hence toPositive.
//
// Because it is a custom partitioner, KafkaProducer asks it a second time for a record that would
// start a new batch (onNewBatch, then partition() again; Kafka 2.4+). Before KAFKA-17632 (fixed in
// Kafka 4.0 and 3.9.1) that second call advanced the counter again, so a producer whose records
// each start a batch skips every other partition: with an even partition count only half of the
// partitions get records (KAFKA-9965, KAFKA-16283). With the fix, the second call returns the
// partition chosen by the first.
class RoundRobinPartitioner {
public:
    enum class NewBatchBehaviour {
        ReturnPrevious, // Kafka 4.0 / 3.9.1 (KAFKA-17632): the repeated call keeps the partition
        AdvanceAgain,   // Kafka 2.4 - 3.9.0: the repeated call moves on (the skipping bug)
    };

    explicit RoundRobinPartitioner(NewBatchBehaviour behaviour = NewBatchBehaviour::ReturnPrevious)
        : m_behaviour(behaviour)
    {
    }

    // numPartitions > 0; `available` as for DefaultPartitioner.
    PartitionId partition(const std::string &topic, std::int32_t numPartitions,
                          const std::vector<PartitionId> &available);
    // KafkaProducer's onNewBatch(topic, previousPartition): the record will be partitioned again.
    void onNewBatch(const std::string &topic, PartitionId previous);

private:
    NewBatchBehaviour m_behaviour;
    std::map<std::string, std::uint32_t> m_counter;    // by topic; the Java int's bits
    std::map<std::string, PartitionId> m_previous;     // by topic: the answer to repeat (ReturnPrevious)
};

} // namespace kafkascope
