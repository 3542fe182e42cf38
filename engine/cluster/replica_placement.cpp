#include "replica_placement.h"

#include <string>

namespace kafkascope {

Result<std::vector<std::vector<BrokerId>>> assignReplicasRackUnaware(const std::vector<BrokerId> &brokers,
                                                                     std::int32_t partitions,
                                                                     std::int32_t replicationFactor,
                                                                     std::optional<std::int32_t> fixedStartIndex,
                                                                     Random &rng, std::int32_t startPartitionId)
{
    const auto n = static_cast<std::int32_t>(brokers.size());
    if (n == 0)
        return Status::invalidArgument("no live brokers to place replicas on");
    if (partitions < 1)
        return Status::invalidArgument("the number of partitions must be at least 1");
    if (startPartitionId < 0)
        return Status::invalidArgument("the first partition id must not be negative");
    if (replicationFactor < 1)
        return Status::invalidArgument("the replication factor must be at least 1");
    if (replicationFactor > n)
        return Status::invalidArgument("replication factor " + std::to_string(replicationFactor)
                                       + " is larger than the " + std::to_string(n) + " available brokers");
    if (fixedStartIndex && (*fixedStartIndex < 0 || *fixedStartIndex >= n))
        return Status::invalidArgument("start index " + std::to_string(*fixedStartIndex) + " is outside [0, "
                                       + std::to_string(n) + ")");

    const std::int32_t startIndex =
        fixedStartIndex ? *fixedStartIndex : static_cast<std::int32_t>(rng.uniform(static_cast<std::uint64_t>(n)));
    std::int32_t shift =
        fixedStartIndex ? *fixedStartIndex : static_cast<std::int32_t>(rng.uniform(static_cast<std::uint64_t>(n)));

    std::vector<std::vector<BrokerId>> assignment;
    assignment.reserve(static_cast<std::size_t>(partitions));
    for (std::int32_t p = startPartitionId; p < startPartitionId + partitions; ++p) {
        if (p > 0 && p % n == 0)
            ++shift;
        const std::int32_t first = (p + startIndex) % n;
        std::vector<BrokerId> replicas{brokers[static_cast<std::size_t>(first)]};
        for (std::int32_t j = 1; j < replicationFactor; ++j) {
            // Kafka's replicaIndex: 1 + (shift + j - 1) % (n - 1) brokers after the first.
            const std::int32_t offset = 1 + (shift + j - 1) % (n - 1);
            replicas.push_back(brokers[static_cast<std::size_t>((first + offset) % n)]);
        }
        assignment.push_back(std::move(replicas));
    }
    return assignment;
}

} // namespace kafkascope
