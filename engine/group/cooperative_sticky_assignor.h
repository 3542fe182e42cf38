#pragma once

#include "group/assignor.h"

namespace kafkascope {

// The outcome of one cooperative rebalance (KIP-429).
struct CooperativeAssignment {
    // What each member may consume now: the sticky assignment minus the partitions that change
    // owner, which are withheld until their old owner has revoked them. Sorted lists, every member.
    GroupAssignment assignment;
    // What each member must give up: its owned partitions that are not in its new assignment
    // (including claims on topics that no longer exist). Sorted lists, every member (often empty).
    GroupAssignment revoking;
};

// Kafka's CooperativeStickyAssignor ("cooperative-sticky"), without rack awareness: the sticky
// assignment (see assignSticky, same rules for owned partitions and generations), then Kafka's
// adjustAssignment: a partition that a member validly owned (or that two members claimed in the
// same generation) and that goes to another member is removed from this round. After the owners
// revoke, the next rebalance (with the revoked partitions no longer owned) hands them out.
//
// Returns InvalidArgument when validateAssignorInput rejects the input.
[[nodiscard]] Result<CooperativeAssignment> assignCooperativeSticky(const PartitionsPerTopic &partitionsPerTopic,
                                                                    const std::vector<AssignorMember> &members);

} // namespace kafkascope
