#include "partitioner.h"

#include "murmur2.h"

#include <cassert>

namespace kafkascope {

PartitionId DefaultPartitioner::partition(const std::string &topic, const std::optional<std::string> &key,
                                          std::optional<PartitionId> explicitPartition,
                                          std::int32_t numPartitions, std::size_t recordBytes, Random &rng)
{
    assert(numPartitions > 0);
    if (explicitPartition)
        return *explicitPartition;
    if (key)
        return PartitionId{partitionForKey(*key, numPartitions)};

    // Uniform sticky: stay on one partition until batch.size bytes went there, then pick anew.
    auto it = m_sticky.find(topic);
    if (it == m_sticky.end() || it->second.bytes >= m_batchSize
        || it->second.partition.value() >= numPartitions) {
        const auto p = PartitionId{static_cast<std::int32_t>(rng.uniform(static_cast<std::uint64_t>(numPartitions)))};
        it = m_sticky.insert_or_assign(topic, Sticky{p, 0}).first;
    }
    it->second.bytes += recordBytes;
    return it->second.partition;
}

} // namespace kafkascope
