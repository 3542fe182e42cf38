#pragma once

#include "core/strong_types.h"

#include <cstdint>
#include <map>
#include <set>

namespace kafkascope {

// What a partition leader knows about one follower (Kafka's Replica state).
struct FollowerFetchState {
    std::int64_t logEndOffset = 0;
    std::int64_t lastCaughtUpTimeMs = 0;
    std::int64_t lastFetchTimeMs = 0;
    std::int64_t lastFetchLeaderLogEndOffset = 0;
};

// Kafka's Replica.updateFetchStateOrThrow: after a fetch at `fetchOffset` (the follower's log
// end) when the leader's log end was `leaderLogEnd`: a follower that reached the leader's log end
// is caught up now; one that reached what the leader's end was at its previous fetch was caught
// up at that previous fetch.
void recordFollowerFetch(FollowerFetchState &state, std::int64_t fetchOffset, std::int64_t leaderLogEnd,
                         std::int64_t nowMs);

// The followers in `isr` that fell out of sync: not caught up for more than
// replica.lag.time.max.ms (Kafka's getOutOfSyncReplicas). The leader is never out of sync.
std::set<BrokerId> outOfSyncReplicas(BrokerId leader, const std::set<BrokerId> &isr,
                                     const std::map<BrokerId, FollowerFetchState> &followers, std::int64_t nowMs,
                                     std::int64_t replicaLagTimeMaxMs);

// Whether a follower outside the ISR may join it: its log end has reached the high watermark
// and the start offset of the leader's current epoch (Kafka's isFollowerInSync).
bool mayJoinIsr(std::int64_t followerLogEnd, std::int64_t highWatermark, std::int64_t leaderEpochStartOffset);

// The leader's new high watermark: the smallest log end among the leader and the ISR's
// followers, never below the current one; it does not move while the ISR is smaller than
// min.insync.replicas (Kafka 3.7+).
std::int64_t advanceHighWatermark(std::int64_t currentHighWatermark, std::int64_t leaderLogEnd, BrokerId leader,
                                  const std::set<BrokerId> &isr, const std::map<BrokerId, FollowerFetchState> &followers,
                                  std::int32_t minInsyncReplicas);

} // namespace kafkascope
