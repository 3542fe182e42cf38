#include "group/round_robin_assignor.h"

#include <cassert>

namespace kafkascope {

Result<GroupAssignment> assignRoundRobin(const PartitionsPerTopic &partitionsPerTopic,
                                         const std::vector<AssignorMember> &members)
{
    if (Status s = validateAssignorInput(partitionsPerTopic, members); !s.isOk())
        return s;
    GroupAssignment assignment = emptyAssignment(members);
    const std::vector<const AssignorMember *> ordered = sortedForAssignment(members);

    // The circular iterator over `ordered`: `cursor` is the member that receives the next partition
    // it is subscribed to. It carries over from topic to topic.
    std::size_t cursor = 0;
    for (const auto &[topic, partitionCount] : partitionsPerTopic) {
        bool anySubscriber = false;
        for (const AssignorMember *m : ordered)
            anySubscriber = anySubscriber || isSubscribed(*m, topic);
        if (!anySubscriber)
            continue;
        for (std::int32_t p = 0; p < partitionCount; ++p) {
            // Terminates within one lap: some member subscribes to `topic`.
            while (!isSubscribed(*ordered[cursor], topic))
                cursor = (cursor + 1) % ordered.size();
            assert(cursor < ordered.size());
            assignment[ordered[cursor]->memberId].push_back(TopicPartition{topic, PartitionId{p}});
            cursor = (cursor + 1) % ordered.size();
        }
    }
    return assignment;
}

} // namespace kafkascope
