#include "group/sticky_assignor.h"

#include "group/abstract_sticky_assignor.h"

namespace kafkascope {

Result<GroupAssignment> assignSticky(const PartitionsPerTopic &partitionsPerTopic,
                                     const std::vector<AssignorMember> &members)
{
    Result<sticky::CompactGroup> group = sticky::compactGroup(partitionsPerTopic, members);
    if (!group.isOk())
        return group.status();
    sticky::CompactAssignment result = sticky::assign(group.value());
    return sticky::toGroupAssignment(group.value(), members, std::move(result.partitions));
}

} // namespace kafkascope
