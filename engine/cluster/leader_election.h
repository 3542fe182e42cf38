#pragma once

#include "core/strong_types.h"

#include <cstdint>
#include <optional>
#include <set>
#include <vector>

namespace kafkascope {

// Kafka's partition leader election rules (PartitionLeaderElectionAlgorithms;
// KAFKA-REFERENCE.md §2). Candidates are always taken in assignment order, never ISR order.
// Each function returns the new leader, or nothing when no replica qualifies (the partition
// goes offline, or, for a preferred election, stays as it is).

// A leader's broker failed (or the partition is offline): the first live replica in the ISR;
// if there is none and unclean.leader.election.enable, the first live replica at all (which
// may lose acknowledged records). `uncleanUsed` tells which rule chose.
std::optional<BrokerId> electLeaderOnFailure(const std::vector<BrokerId> &assignment, const std::set<BrokerId> &isr,
                                             const std::set<BrokerId> &liveBrokers, bool uncleanLeaderElectionEnable,
                                             bool *uncleanUsed = nullptr);

// Preferred leader election: the first replica in the assignment, if it is live and in the ISR.
std::optional<BrokerId> electPreferredLeader(const std::vector<BrokerId> &assignment, const std::set<BrokerId> &isr,
                                             const std::set<BrokerId> &liveBrokers);

// Controlled shutdown: the first live replica in the ISR that is not shutting down.
std::optional<BrokerId> electLeaderOnControlledShutdown(const std::vector<BrokerId> &assignment,
                                                        const std::set<BrokerId> &isr,
                                                        const std::set<BrokerId> &liveBrokers,
                                                        const std::set<BrokerId> &shuttingDown);

// The leader epoch after the controller changed a partition's leader from `oldLeader` to
// `newLeader` (nothing: no leader, Kafka's -1). Kafka's rule (KRaft's PartitionRegistration.merge
// of a PartitionChangeRecord that sets a leader; the ZooKeeper controller alike): every change of
// leader starts a new epoch, including a partition going offline (leader -> none) and coming back
// (none -> leader); no change keeps the epoch.
std::int32_t leaderEpochAfter(std::int32_t epoch, std::optional<BrokerId> oldLeader, std::optional<BrokerId> newLeader);

// The ISR after an election that chose `leader`: the live members of the old ISR (the new
// leader alone after an unclean election).
std::set<BrokerId> isrAfterElection(const std::set<BrokerId> &isr, const std::set<BrokerId> &liveBrokers,
                                    BrokerId leader, bool unclean);

} // namespace kafkascope
