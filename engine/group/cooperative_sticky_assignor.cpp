#include "group/cooperative_sticky_assignor.h"

#include "group/abstract_sticky_assignor.h"

#include <algorithm>
#include <cstdint>

namespace kafkascope {

namespace {

std::size_t at(std::int32_t i)
{
    return static_cast<std::size_t>(i);
}

} // namespace

Result<CooperativeAssignment> assignCooperativeSticky(const PartitionsPerTopic &partitionsPerTopic,
                                                      const std::vector<AssignorMember> &members)
{
    Result<sticky::CompactGroup> compact = sticky::compactGroup(partitionsPerTopic, members);
    if (!compact.isOk())
        return compact.status();
    const sticky::CompactGroup &group = compact.value();
    sticky::CompactAssignment result = sticky::assign(group);

    const bool anyClaims = std::any_of(group.claims.begin(), group.claims.end(),
                                       [](const std::vector<sticky::PartitionIndex> &c) { return !c.empty(); });
    if (!anyClaims) {
        // Nobody owned anything: nothing moves away from anyone, nothing is withheld or revoked.
        CooperativeAssignment out;
        out.assignment = sticky::toGroupAssignment(group, members, std::move(result.partitions));
        for (const AssignorMember &m : members)
            out.revoking[m.memberId];
        return out;
    }

    const auto partitionCount = static_cast<std::size_t>(group.partitionCount());
    std::vector<sticky::MemberIndex> owner(partitionCount, -1);
    for (std::size_t m = 0; m < result.partitions.size(); ++m) {
        for (const sticky::PartitionIndex p : result.partitions[m])
            owner[at(p)] = static_cast<sticky::MemberIndex>(m);
    }

    std::vector<std::uint8_t> withheld(partitionCount, 0);
    if (result.transferringOwnership) {
        for (const sticky::PartitionIndex p : *result.transferringOwnership)
            withheld[at(p)] = 1;
    } else {
        // Kafka's computePartitionsTransferringOwnership: a partition assigned to a member that did
        // not claim it, while some other member claimed it (and so must revoke it).
        std::vector<std::uint8_t> claimed(partitionCount, 0);
        std::vector<std::uint8_t> claimedByNewOwner(partitionCount, 0);
        for (std::size_t m = 0; m < group.claims.size(); ++m) {
            for (const sticky::PartitionIndex p : group.claims[m]) {
                if (p < 0)
                    continue;
                claimed[at(p)] = 1;
                if (owner[at(p)] == static_cast<sticky::MemberIndex>(m))
                    claimedByNewOwner[at(p)] = 1;
            }
        }
        for (std::size_t p = 0; p < partitionCount; ++p)
            withheld[p] = claimed[p] && !claimedByNewOwner[p] && owner[p] >= 0;
    }
    for (std::vector<sticky::PartitionIndex> &list : result.partitions)
        std::erase_if(list, [&](sticky::PartitionIndex p) { return withheld[at(p)] != 0; });
    for (std::size_t p = 0; p < partitionCount; ++p) {
        if (withheld[p])
            owner[p] = -1;
    }

    CooperativeAssignment out;
    out.assignment = sticky::toGroupAssignment(group, members, std::move(result.partitions));
    for (std::size_t m = 0; m < members.size(); ++m) {
        std::vector<TopicPartition> &revoking = out.revoking[members[m].memberId];
        const std::vector<sticky::PartitionIndex> &claims = group.claims[m];
        for (std::size_t i = 0; i < claims.size(); ++i) {
            if (claims[i] < 0 || owner[at(claims[i])] != static_cast<sticky::MemberIndex>(m))
                revoking.push_back(members[m].ownedPartitions[i]);
        }
        std::sort(revoking.begin(), revoking.end());
        revoking.erase(std::unique(revoking.begin(), revoking.end()), revoking.end());
    }
    return out;
}

} // namespace kafkascope
