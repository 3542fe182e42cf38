#include "group/assignor.h"

#include <algorithm>
#include <set>

namespace kafkascope {

bool assignmentOrderLess(const AssignorMember &a, const AssignorMember &b)
{
    if (a.groupInstanceId && b.groupInstanceId) {
        if (*a.groupInstanceId != *b.groupInstanceId)
            return *a.groupInstanceId < *b.groupInstanceId;
        return a.memberId < b.memberId;
    }
    if (a.groupInstanceId || b.groupInstanceId)
        return a.groupInstanceId.has_value();
    return a.memberId < b.memberId;
}

std::vector<const AssignorMember *> sortedForAssignment(const std::vector<AssignorMember> &members)
{
    std::vector<const AssignorMember *> sorted;
    sorted.reserve(members.size());
    for (const AssignorMember &m : members)
        sorted.push_back(&m);
    std::sort(sorted.begin(), sorted.end(),
              [](const AssignorMember *a, const AssignorMember *b) { return assignmentOrderLess(*a, *b); });
    return sorted;
}

Status validateAssignorInput(const PartitionsPerTopic &partitionsPerTopic, const std::vector<AssignorMember> &members)
{
    for (const auto &[topic, count] : partitionsPerTopic) {
        if (topic.empty())
            return Status::invalidArgument("partitionsPerTopic: topic name must not be empty");
        if (count < 0)
            return Status::invalidArgument("partitionsPerTopic: partition count of topic '" + topic
                                           + "' is negative (" + std::to_string(count) + ")");
    }
    std::set<std::string> memberIds;
    std::set<std::string> instanceIds;
    for (const AssignorMember &m : members) {
        if (m.memberId.empty())
            return Status::invalidArgument("memberId must not be empty");
        if (!memberIds.insert(m.memberId).second)
            return Status::invalidArgument("duplicate memberId '" + m.memberId + "'");
        if (m.groupInstanceId) {
            if (m.groupInstanceId->empty())
                return Status::invalidArgument("groupInstanceId of member '" + m.memberId + "' must not be empty");
            if (!instanceIds.insert(*m.groupInstanceId).second)
                return Status::invalidArgument("duplicate groupInstanceId '" + *m.groupInstanceId + "'");
        }
        if (m.generation < -1)
            return Status::invalidArgument("generation of member '" + m.memberId + "' is "
                                           + std::to_string(m.generation) + " (must be >= -1)");
    }
    return Status::ok();
}

bool isSubscribed(const AssignorMember &member, const std::string &topic)
{
    return std::find(member.topics.begin(), member.topics.end(), topic) != member.topics.end();
}

GroupAssignment emptyAssignment(const std::vector<AssignorMember> &members)
{
    GroupAssignment assignment;
    for (const AssignorMember &m : members)
        assignment[m.memberId];
    return assignment;
}

} // namespace kafkascope
