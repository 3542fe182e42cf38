#include "group/range_assignor.h"

#include <cassert>

namespace kafkascope {

Result<GroupAssignment> assignRange(const PartitionsPerTopic &partitionsPerTopic,
                                    const std::vector<AssignorMember> &members)
{
    if (Status s = validateAssignorInput(partitionsPerTopic, members); !s.isOk())
        return s;
    GroupAssignment assignment = emptyAssignment(members);
    const std::vector<const AssignorMember *> ordered = sortedForAssignment(members);

    // Topics in name order, so each member's list comes out sorted by (topic, partition).
    for (const auto &[topic, partitionCount] : partitionsPerTopic) {
        std::vector<const AssignorMember *> subscribers;
        for (const AssignorMember *m : ordered) {
            if (isSubscribed(*m, topic))
                subscribers.push_back(m);
        }
        if (subscribers.empty())
            continue;
        const auto consumerCount = static_cast<std::int32_t>(subscribers.size());
        const std::int32_t perConsumer = partitionCount / consumerCount;
        const std::int32_t withExtra = partitionCount % consumerCount;
        std::int32_t next = 0;
        for (std::int32_t i = 0; i < consumerCount; ++i) {
            const std::int32_t length = perConsumer + (i < withExtra ? 1 : 0);
            std::vector<TopicPartition> &target = assignment[subscribers[static_cast<std::size_t>(i)]->memberId];
            for (std::int32_t p = next; p < next + length; ++p)
                target.push_back(TopicPartition{topic, PartitionId{p}});
            next += length;
        }
        // Invariant: the ranges cover the topic exactly.
        assert(next == partitionCount);
    }
    return assignment;
}

} // namespace kafkascope
