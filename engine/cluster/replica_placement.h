#pragma once

#include "core/random.h"
#include "core/status.h"
#include "core/strong_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kafkascope {

// Kafka's classic, rack-unaware replica placement for a new topic
// (AdminUtils.assignReplicasToBrokersRackUnaware; KAFKA-REFERENCE.md §2). With n brokers (in
// the given order), startIndex and nextReplicaShift are random in [0, n), or both equal to
// `fixedStartIndex` when given (reproducible demos and Kafka's documented example). For
// partition p: the shift grows by one each time p reaches a multiple of n (p > 0); the first
// replica is broker[(p + startIndex) % n]; replica j >= 1 is
// broker[(first + 1 + (shift + j - 1) % (n - 1)) % n]. Element 0 is the preferred leader.
//
// Errors: no brokers, partitions < 1, replicationFactor < 1 or > the number of brokers.
//
// `startPartitionId` > 0 places partitions startPartitionId, startPartitionId + 1, ... (Kafka's
// placement for partitions added to an existing topic, which passes the old partition count);
// element i of the result is partition startPartitionId + i.
Result<std::vector<std::vector<BrokerId>>> assignReplicasRackUnaware(const std::vector<BrokerId> &brokers,
                                                                     std::int32_t partitions,
                                                                     std::int32_t replicationFactor,
                                                                     std::optional<std::int32_t> fixedStartIndex,
                                                                     Random &rng, std::int32_t startPartitionId = 0);

// Kafka's replica placement with racks (AdminUtils.assignReplicasToBrokers): `racks[i]` is the
// rack of `brokers[i]` (broker.rack). When no broker has a rack it is assignReplicasRackUnaware;
// when only some have one it is an error, as in Kafka ("Not all brokers have rack information");
// when all have one it is Kafka's rack-aware placement: the brokers are first arranged in a
// rack-alternated list (racks in name order, each rack's brokers in id order, taken one rack at a
// time: racks 0->r1, 1->r3, 2->r3, 3->r2, 4->r2, 5->r1 give 0, 3, 1, 5, 4, 2); the first replica
// of partition p is list[(p + startIndex) % n]; each further replica walks the list from
// replicaIndex(first, shift * racks, k, n) for k = 0, 1, ..., skipping a broker whose rack already
// has a replica while some rack has none, and a broker that already has one while some broker
// has none. So a partition spans min(RF, racks) racks. Random draws, fixed start index and
// startPartitionId as for assignReplicasRackUnaware (the start index is a position in the
// arranged list).
Result<std::vector<std::vector<BrokerId>>> assignReplicas(const std::vector<BrokerId> &brokers,
                                                          const std::vector<std::optional<std::string>> &racks,
                                                          std::int32_t partitions, std::int32_t replicationFactor,
                                                          std::optional<std::int32_t> fixedStartIndex, Random &rng,
                                                          std::int32_t startPartitionId = 0);

} // namespace kafkascope
