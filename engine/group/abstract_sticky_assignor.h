#pragma once

#include "group/assignor.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

// The algorithm shared by the sticky and cooperative-sticky assignors (Kafka's
// AbstractStickyAssignor, without rack awareness), on a compact form of the group: topics are
// interned to indices, partitions are dense integer ids, members are indices into the input.
// sticky_assignor.h and cooperative_sticky_assignor.h are the public entry points; this header is
// for them and for tests.
namespace kafkascope::sticky {

// A dense partition id: the partitions of the subscribed, known topics numbered in (topic name,
// partition) order, so sorting ids sorts partitions the way TopicPartition's operator< does.
using PartitionIndex = std::int32_t;
// An index into the `members` vector given to compactGroup().
using MemberIndex = std::int32_t;

// The group in compact form. Views into the inputs: the PartitionsPerTopic and members given to
// compactGroup() must outlive it and stay unchanged.
struct CompactGroup {
    // Topics that exist and that at least one member subscribes to, in name order (Kafka's
    // partitionsPerTopic only ever holds those).
    std::vector<std::string_view> topicNames;
    // Java's String.hashCode of each topic name (Kafka's TopicPartition.hashCode uses it).
    std::vector<std::int32_t> topicJavaHash;
    // topicFirst[t] is the id of partition 0 of topic t; topicFirst.back() is the partition count.
    std::vector<PartitionIndex> topicFirst;
    // The topic index of every partition id.
    std::vector<std::int32_t> topicOf;

    // Distinct subscriptions (sorted topic indices, unknown topics dropped) and each member's.
    std::vector<std::vector<std::int32_t>> subscriptions;
    std::vector<std::int32_t> subscriptionOf;
    // True when every member's subscription names the same set of topics (unknown ones included),
    // Kafka's condition for the constrained fast path.
    bool allSubscriptionsEqual = true;

    std::vector<std::int32_t> generation;
    // Each member's ownedPartitions, entry by entry: the partition id, or -1 for a partition of a
    // topic that does not exist or nobody subscribes to, or a partition number out of range.
    std::vector<std::vector<PartitionIndex>> claims;

    // Members in the order Java's HashMap<String, ...> iterates them when they are put in input
    // order (bucket of the spread String.hashCode, then insertion order). Kafka walks its member
    // maps in that order, and some ties (who may keep maxQuota partitions, which claim of equal
    // generations is seen first) depend on it.
    std::vector<MemberIndex> javaOrder;
    // Each member's rank in member id order (bytewise, Java's String.compareTo for ASCII).
    std::vector<std::int32_t> idRank;

    [[nodiscard]] std::int32_t memberCount() const { return static_cast<std::int32_t>(generation.size()); }
    [[nodiscard]] PartitionIndex partitionCount() const { return topicFirst.back(); }
    [[nodiscard]] std::int32_t partitionNumber(PartitionIndex p) const
    {
        return p - topicFirst[static_cast<std::size_t>(topicOf[static_cast<std::size_t>(p)])];
    }
};

// Validates (validateAssignorInput) and converts. Members' topic lists that are element-wise equal
// to the previous member's share one interned subscription, so a large group with one subscription
// costs one pass of string comparisons.
[[nodiscard]] Result<CompactGroup> compactGroup(const PartitionsPerTopic &partitionsPerTopic,
                                                const std::vector<AssignorMember> &members);

struct CompactAssignment {
    // Each member's partitions (by member index); in no particular order.
    std::vector<std::vector<PartitionIndex>> partitions;
    // Kafka's partitionsTransferringOwnership, as ids: partitions given to a member although a
    // valid previous owner or a same-generation double claim exists. Set by the constrained path
    // only; empty optional after the general path (Kafka's null), where the cooperative assignor
    // derives it from the claims.
    std::optional<std::vector<PartitionIndex>> transferringOwnership;
    // True when the constrained path ran (all subscriptions equal).
    bool constrained = false;
};

// Kafka's AbstractStickyAssignor.assign on the compact group.
[[nodiscard]] CompactAssignment assign(const CompactGroup &group);

// Sorts each member's ids and converts them to a GroupAssignment keyed by member id (every member
// present). `members` must be the vector the group was built from.
[[nodiscard]] GroupAssignment toGroupAssignment(const CompactGroup &group, const std::vector<AssignorMember> &members,
                                                std::vector<std::vector<PartitionIndex>> partitions);

// Java's String.hashCode over the UTF-16 code units of a UTF-8 string (invalid bytes count as
// Latin-1 characters).
[[nodiscard]] std::int32_t javaStringHash(std::string_view utf8);

} // namespace kafkascope::sticky
