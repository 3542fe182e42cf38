#pragma once

#include "group/assignor.h"

namespace kafkascope {

// Kafka's StickyAssignor ("sticky"), without rack awareness: the assignment is as balanced as
// possible (partition counts differ by at most one where subscriptions allow) and keeps as many of
// the partitions members owned before as that balance permits.
//
// Owned partitions: a member's `ownedPartitions` count when its claim is valid. Claims on the same
// partition are settled per partition as Kafka 3.5+ does: the higher `generation` keeps it; two
// claims of the same generation are both dropped (and, when all subscriptions are equal, the
// partition is handed out afresh). Claims on topics that do not exist or that the member no longer
// subscribes to are dropped. A member of an older generation keeps the uncontested partitions it
// claims; in the general path, a partition it claimed may move back to it to restore balance.
//
// When every member subscribes to the same topics, Kafka's constrained algorithm runs (keep up to
// the quota of owned partitions, then deal the rest round robin over the members in member id
// order); otherwise its general algorithm (least-loaded assignment, then moves that improve the
// balance without undoing earlier moves). Ties that Kafka breaks by the iteration order of a Java
// HashMap of member ids are broken the same way (see abstract_sticky_assignor.h).
//
// Each member's list is sorted by (topic, partition); every member is present. Returns
// InvalidArgument when validateAssignorInput rejects the input.
[[nodiscard]] Result<GroupAssignment> assignSticky(const PartitionsPerTopic &partitionsPerTopic,
                                                   const std::vector<AssignorMember> &members);

} // namespace kafkascope
