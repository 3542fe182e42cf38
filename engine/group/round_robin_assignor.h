#pragma once

#include "group/assignor.h"

namespace kafkascope {

// Kafka's RoundRobinAssignor ("roundrobin"). Lays out every partition of every topic that some
// member subscribes to, sorted by (topic, partition), and deals them over the members in assignment
// order (static members by group.instance.id first, then dynamic members by member id) as a
// circular list; a member not subscribed to a partition's topic is skipped for that partition.
// With identical subscriptions the member counts differ by at most one; with differing
// subscriptions the result can be unbalanced, as in Kafka. Topics missing from
// `partitionsPerTopic` are ignored.
//
// Returns InvalidArgument when validateAssignorInput rejects the input. Owned partitions and
// generations are not used.
[[nodiscard]] Result<GroupAssignment> assignRoundRobin(const PartitionsPerTopic &partitionsPerTopic,
                                                       const std::vector<AssignorMember> &members);

} // namespace kafkascope
