#include "replica_placement.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace kafkascope {

namespace {

// Where Kafka's placement walk starts: the first replica's index and the followers' shift, both
// drawn in [0, n) (in that order) unless the start index is fixed. Checks the arguments first.
struct Walk {
    std::int32_t startIndex = 0;
    std::int32_t shift = 0;
};

Result<Walk> startWalk(std::int32_t n, std::int32_t partitions, std::int32_t replicationFactor,
                       std::optional<std::int32_t> fixedStartIndex, Random &rng, std::int32_t startPartitionId)
{
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
    Walk walk;
    walk.startIndex =
        fixedStartIndex ? *fixedStartIndex : static_cast<std::int32_t>(rng.uniform(static_cast<std::uint64_t>(n)));
    walk.shift =
        fixedStartIndex ? *fixedStartIndex : static_cast<std::int32_t>(rng.uniform(static_cast<std::uint64_t>(n)));
    return walk;
}

} // namespace

Result<std::vector<std::vector<BrokerId>>> assignReplicasRackUnaware(const std::vector<BrokerId> &brokers,
                                                                     std::int32_t partitions,
                                                                     std::int32_t replicationFactor,
                                                                     std::optional<std::int32_t> fixedStartIndex,
                                                                     Random &rng, std::int32_t startPartitionId)
{
    const auto n = static_cast<std::int32_t>(brokers.size());
    auto walk = startWalk(n, partitions, replicationFactor, fixedStartIndex, rng, startPartitionId);
    if (!walk.isOk())
        return walk.status();
    const std::int32_t startIndex = walk.value().startIndex;
    std::int32_t shift = walk.value().shift;

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

Result<std::vector<std::vector<BrokerId>>> assignReplicas(const std::vector<BrokerId> &brokers,
                                                          const std::vector<std::optional<std::string>> &racks,
                                                          std::int32_t partitions, std::int32_t replicationFactor,
                                                          std::optional<std::int32_t> fixedStartIndex, Random &rng,
                                                          std::int32_t startPartitionId)
{
    if (racks.size() != brokers.size())
        return Status::invalidArgument("one rack (or none) per broker is needed");
    const auto withRack = std::count_if(racks.begin(), racks.end(), [](const auto &r) { return r.has_value(); });
    if (withRack == 0)
        return assignReplicasRackUnaware(brokers, partitions, replicationFactor, fixedStartIndex, rng, startPartitionId);
    if (static_cast<std::size_t>(withRack) != brokers.size())
        return Status::invalidArgument("not all brokers have rack information for replica rack aware assignment");

    // The rack-alternated list: one broker of each rack in turn (racks by name, brokers by id).
    std::map<std::string, std::vector<BrokerId>> byRack;
    std::map<BrokerId, std::string> rackOf;
    for (std::size_t i = 0; i < brokers.size(); ++i) {
        byRack[*racks[i]].push_back(brokers[i]);
        rackOf[brokers[i]] = *racks[i];
    }
    for (auto &[rack, ids] : byRack)
        std::sort(ids.begin(), ids.end());
    std::vector<BrokerId> arranged;
    arranged.reserve(brokers.size());
    for (std::size_t round = 0; arranged.size() < brokers.size(); ++round)
        for (const auto &[rack, ids] : byRack)
            if (round < ids.size())
                arranged.push_back(ids[round]);

    const auto n = static_cast<std::int32_t>(arranged.size());
    const auto numRacks = static_cast<std::int32_t>(byRack.size());
    auto walk = startWalk(n, partitions, replicationFactor, fixedStartIndex, rng, startPartitionId);
    if (!walk.isOk())
        return walk.status();
    const std::int32_t startIndex = walk.value().startIndex;
    std::int32_t shift = walk.value().shift;

    std::vector<std::vector<BrokerId>> assignment;
    assignment.reserve(static_cast<std::size_t>(partitions));
    for (std::int32_t p = startPartitionId; p < startPartitionId + partitions; ++p) {
        if (p > 0 && p % n == 0)
            ++shift;
        const std::int32_t first = (p + startIndex) % n;
        const BrokerId leader = arranged[static_cast<std::size_t>(first)];
        std::vector<BrokerId> replicas{leader};
        std::set<std::string> racksWithReplicas{rackOf[leader]};
        std::set<BrokerId> brokersWithReplicas{leader};
        std::int32_t k = 0;
        for (std::int32_t j = 1; j < replicationFactor; ++j) {
            while (true) {
                // Kafka's replicaIndex(first, shift * racks, k, n).
                const std::int32_t offset = 1 + (shift * numRacks + k) % (n - 1);
                const BrokerId broker = arranged[static_cast<std::size_t>((first + offset) % n)];
                const std::string &rack = rackOf[broker];
                ++k;
                const bool rackFree = !racksWithReplicas.count(rack) || static_cast<std::int32_t>(racksWithReplicas.size()) == numRacks;
                const bool brokerFree = !brokersWithReplicas.count(broker) || static_cast<std::int32_t>(brokersWithReplicas.size()) == n;
                if (rackFree && brokerFree) {
                    replicas.push_back(broker);
                    racksWithReplicas.insert(rack);
                    brokersWithReplicas.insert(broker);
                    break;
                }
            }
        }
        assignment.push_back(std::move(replicas));
    }
    return assignment;
}

} // namespace kafkascope
