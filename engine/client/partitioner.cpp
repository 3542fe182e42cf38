#include "partitioner.h"

#include "murmur2.h"

#include <cassert>

namespace kafkascope {

namespace {

// Kafka's Utils.toPositive of a Java int whose bits are `bits`.
std::int32_t toPositive(std::uint32_t bits)
{
    return static_cast<std::int32_t>(bits & 0x7fffffffU);
}

} // namespace

PartitionId DefaultPartitioner::partition(const std::string &topic, const std::optional<std::string> &key,
                                          std::optional<PartitionId> explicitPartition,
                                          std::int32_t numPartitions, std::size_t recordBytes, Random &rng,
                                          const std::vector<PartitionId> &available, bool ignoreKeys)
{
    assert(numPartitions > 0);
    if (explicitPartition)
        return *explicitPartition;
    if (key && !ignoreKeys)
        return PartitionId{partitionForKey(*key, numPartitions)};

    // Uniform sticky: stay on one partition until batch.size bytes went there, then pick anew
    // (BuiltInPartitioner.nextPartition: uniformly among the available partitions, else among all).
    auto it = m_sticky.find(topic);
    if (it == m_sticky.end() || it->second.bytes >= m_batchSize
        || it->second.partition.value() >= numPartitions) {
        PartitionId p;
        if (available.empty())
            p = PartitionId{static_cast<std::int32_t>(rng.uniform(static_cast<std::uint64_t>(numPartitions)))};
        else
            p = available[static_cast<std::size_t>(rng.uniform(available.size()))];
        it = m_sticky.insert_or_assign(topic, Sticky{p, 0}).first;
    }
    it->second.bytes += recordBytes;
    return it->second.partition;
}

PartitionId RoundRobinPartitioner::partition(const std::string &topic, std::int32_t numPartitions,
                                             const std::vector<PartitionId> &available)
{
    assert(numPartitions > 0);
    if (const auto previous = m_previous.find(topic); previous != m_previous.end()) {
        const PartitionId p = previous->second;
        m_previous.erase(previous);
        return p;
    }
    const std::uint32_t next = m_counter[topic]++; // getAndIncrement, wrapping like a Java int
    if (!available.empty())
        return available[static_cast<std::size_t>(toPositive(next)) % available.size()];
    return PartitionId{toPositive(next) % numPartitions};
}

void RoundRobinPartitioner::onNewBatch(const std::string &topic, PartitionId previous)
{
    if (m_behaviour == NewBatchBehaviour::ReturnPrevious)
        m_previous.insert_or_assign(topic, previous);
}

} // namespace kafkascope
