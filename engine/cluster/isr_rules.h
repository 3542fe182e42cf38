#pragma once

#include "core/strong_types.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

namespace kafkascope {

// What a partition leader knows about one follower (Kafka's Replica state).
struct FollowerFetchState {
    std::int64_t logEndOffset = 0;
    std::int64_t lastCaughtUpTimeMs = 0;
    std::int64_t lastFetchTimeMs = 0;
    std::int64_t lastFetchLeaderLogEndOffset = 0;
};

// The leader's FollowerFetchState per follower, by broker id: a sorted vector used like a
// std::map (a partition has two or three followers; every fetch looks one up, and in a cluster of
// thousands of partitions each tree node walked was a cache miss). References stay valid until
// the next insertion or erase.
class FollowerMap {
public:
    using value_type = std::pair<BrokerId, FollowerFetchState>;
    using iterator = std::vector<value_type>::iterator;
    using const_iterator = std::vector<value_type>::const_iterator;

    [[nodiscard]] iterator begin() { return m_entries.begin(); }
    [[nodiscard]] iterator end() { return m_entries.end(); }
    [[nodiscard]] const_iterator begin() const { return m_entries.begin(); }
    [[nodiscard]] const_iterator end() const { return m_entries.end(); }
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }
    [[nodiscard]] bool empty() const { return m_entries.empty(); }
    void clear() { m_entries.clear(); }

    [[nodiscard]] const_iterator find(BrokerId b) const
    {
        const auto it = lowerBound(b);
        return it != m_entries.end() && it->first == b ? it : m_entries.end();
    }
    [[nodiscard]] iterator find(BrokerId b)
    {
        const auto it = lowerBound(b);
        return it != m_entries.end() && it->first == b ? m_entries.begin() + (it - m_entries.cbegin()) : m_entries.end();
    }
    [[nodiscard]] std::size_t count(BrokerId b) const { return find(b) == end() ? 0 : 1; }
    // The follower's state, added (default) when it has none, like std::map::operator[].
    FollowerFetchState &operator[](BrokerId b)
    {
        const auto at = lowerBound(b);
        if (at != m_entries.end() && at->first == b)
            return m_entries[static_cast<std::size_t>(at - m_entries.cbegin())].second;
        return m_entries.emplace(at, b, FollowerFetchState{})->second;
    }
    std::size_t erase(BrokerId b)
    {
        const auto it = find(b);
        if (it == m_entries.end())
            return 0;
        m_entries.erase(it);
        return 1;
    }

private:
    // A linear scan: there are only a few entries.
    [[nodiscard]] const_iterator lowerBound(BrokerId b) const
    {
        auto it = m_entries.cbegin();
        while (it != m_entries.cend() && it->first < b)
            ++it;
        return it;
    }
    std::vector<value_type> m_entries; // by broker id
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
                                     const FollowerMap &followers, std::int64_t nowMs,
                                     std::int64_t replicaLagTimeMaxMs);

// Whether a follower outside the ISR may join it: its log end has reached the high watermark
// and the start offset of the leader's current epoch (Kafka's isFollowerInSync).
bool mayJoinIsr(std::int64_t followerLogEnd, std::int64_t highWatermark, std::int64_t leaderEpochStartOffset);

// The leader's new high watermark: the smallest log end among the leader and the ISR's
// followers, never below the current one; it does not move while the ISR is smaller than
// min.insync.replicas (Kafka 3.7+).
std::int64_t advanceHighWatermark(std::int64_t currentHighWatermark, std::int64_t leaderLogEnd, BrokerId leader,
                                  const std::set<BrokerId> &isr, const FollowerMap &followers,
                                  std::int32_t minInsyncReplicas);

} // namespace kafkascope
