#include "isr_rules.h"

#include <algorithm>

namespace kafkascope {

void recordFollowerFetch(FollowerFetchState &state, std::int64_t fetchOffset, std::int64_t leaderLogEnd,
                         std::int64_t nowMs)
{
    if (fetchOffset >= leaderLogEnd)
        state.lastCaughtUpTimeMs = std::max(state.lastCaughtUpTimeMs, nowMs);
    else if (fetchOffset >= state.lastFetchLeaderLogEndOffset)
        state.lastCaughtUpTimeMs = std::max(state.lastCaughtUpTimeMs, state.lastFetchTimeMs);
    state.logEndOffset = fetchOffset;
    state.lastFetchLeaderLogEndOffset = leaderLogEnd;
    state.lastFetchTimeMs = nowMs;
}

std::set<BrokerId> outOfSyncReplicas(BrokerId leader, const std::set<BrokerId> &isr,
                                     const FollowerMap &followers, std::int64_t nowMs,
                                     std::int64_t replicaLagTimeMaxMs)
{
    std::set<BrokerId> out;
    for (const BrokerId b : isr) {
        if (b == leader)
            continue;
        const auto it = followers.find(b);
        const std::int64_t caughtUp = it == followers.end() ? 0 : it->second.lastCaughtUpTimeMs;
        if (nowMs - caughtUp > replicaLagTimeMaxMs)
            out.insert(b);
    }
    return out;
}

bool mayJoinIsr(std::int64_t followerLogEnd, std::int64_t highWatermark, std::int64_t leaderEpochStartOffset)
{
    return followerLogEnd >= highWatermark && followerLogEnd >= leaderEpochStartOffset;
}

std::int64_t advanceHighWatermark(std::int64_t currentHighWatermark, std::int64_t leaderLogEnd, BrokerId leader,
                                  const std::set<BrokerId> &isr, const FollowerMap &followers,
                                  std::int32_t minInsyncReplicas)
{
    if (static_cast<std::int64_t>(isr.size()) < minInsyncReplicas)
        return currentHighWatermark;
    std::int64_t hw = leaderLogEnd;
    for (const BrokerId b : isr) {
        if (b == leader)
            continue;
        const auto it = followers.find(b);
        hw = std::min(hw, it == followers.end() ? 0 : it->second.logEndOffset);
    }
    // Invariant: the high watermark never decreases on a leader.
    return std::max(currentHighWatermark, hw);
}

} // namespace kafkascope
