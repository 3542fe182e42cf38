#pragma once

#include "core/random.h"
#include "core/status.h"
#include "core/strong_types.h"

#include <cstdint>
#include <optional>
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

} // namespace kafkascope
