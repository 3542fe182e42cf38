#pragma once

#include "group/assignor.h"

namespace kafkascope {

// Kafka's RangeAssignor ("range"), without rack awareness. Works topic by topic: the c members
// subscribed to a topic, in assignment order (static members by group.instance.id first, then
// dynamic members by member id), split its n partitions into consecutive ranges; member i of c gets
// n/c + (i < n%c ? 1 : 0) of them. Topics missing from `partitionsPerTopic` are ignored.
//
// Returns InvalidArgument when validateAssignorInput rejects the input. Owned partitions and
// generations are not used.
[[nodiscard]] Result<GroupAssignment> assignRange(const PartitionsPerTopic &partitionsPerTopic,
                                                  const std::vector<AssignorMember> &members);

} // namespace kafkascope
