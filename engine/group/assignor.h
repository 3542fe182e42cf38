#pragma once

#include "cluster/topic_partition.h"
#include "core/status.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kafkascope {

// The inputs and outputs shared by Kafka's client-side partition assignors (range, roundrobin,
// sticky, cooperative-sticky). The group leader runs an assignor over every member's subscription;
// here an assignor is a pure function of these values.

// Partition count per topic, as the leader's metadata knows it. A subscribed topic missing from
// this map is unknown to the cluster and receives no assignment (Kafka ignores it).
using PartitionsPerTopic = std::map<std::string, std::int32_t>;

// One member's subscription as the leader sees it in the JoinGroup response.
struct AssignorMember {
    std::string memberId;
    // group.instance.id of a static member; empty optional for a dynamic member.
    std::optional<std::string> groupInstanceId;
    // Subscribed topics; order and repetition do not matter.
    std::vector<std::string> topics;
    // Partitions the member owned in `generation` (read by the sticky assignors only).
    std::vector<TopicPartition> ownedPartitions;
    // Generation the owned partitions come from; -1 = none.
    std::int32_t generation = -1;
};

// Member id -> assigned partitions. Every member of the input has an entry (possibly empty); each
// list is sorted by (topic, partition).
using GroupAssignment = std::map<std::string, std::vector<TopicPartition>>;

// Kafka's member order for assignment (AbstractPartitionAssignor.MemberInfo): static members first,
// ordered by group.instance.id, then dynamic members ordered by member id. Strings compare
// bytewise, which is Java's String order for ASCII ids. Ties between equal instance ids cannot
// occur in validated input (validateAssignorInput rejects them).
[[nodiscard]] bool assignmentOrderLess(const AssignorMember &a, const AssignorMember &b);

// The members sorted by assignmentOrderLess. The pointers point into `members`, which must outlive
// the result.
[[nodiscard]] std::vector<const AssignorMember *> sortedForAssignment(const std::vector<AssignorMember> &members);

// Checks what every assignor requires: topic names not empty, partition counts >= 0, member ids
// not empty and unique, group.instance.ids (when present) not empty and unique, generation >= -1.
// Returns InvalidArgument naming the offending field otherwise.
[[nodiscard]] Status validateAssignorInput(const PartitionsPerTopic &partitionsPerTopic,
                                           const std::vector<AssignorMember> &members);

// True when `member` subscribes to `topic`.
[[nodiscard]] bool isSubscribed(const AssignorMember &member, const std::string &topic);

// An assignment with an empty list for every member.
[[nodiscard]] GroupAssignment emptyAssignment(const std::vector<AssignorMember> &members);

} // namespace kafkascope
