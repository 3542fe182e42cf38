#pragma once

#include "cluster/isr_rules.h"
#include "cluster/producer_state.h"
#include "cluster/topic_partition.h"
#include "core/strong_types.h"
#include "log/leader_epoch_cache.h"
#include "log/partition_log.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kafkascope {

// One broker's copy of a partition: its log, its leader epoch history and the high watermark
// it knows.
struct Replica {
    BrokerId broker;
    std::unique_ptr<PartitionLog> log;
    LeaderEpochCache epochs;
    std::int64_t highWatermark = 0;
    // The leader epoch this replica last heard of (a follower fetches only for that epoch).
    std::int32_t knownLeaderEpoch = -1;
    // Idempotent producers' state, rebuilt from the batches in the log (Kafka's
    // ProducerStateManager): producer id -> its epoch and the last sequence written.
    ProducerTable producers;


    // Updates the producer state for a batch just appended.
    void noteBatch(std::int64_t producerId, std::int16_t producerEpoch, std::int32_t baseSequence,
                   std::int32_t lastOffsetDelta)
    {
        if (producerId >= 0 && baseSequence >= 0)
            producers.set(producerId, ProducerEntry{producerEpoch, baseSequence + lastOffsetDelta});
    }
    // Rebuilds the producer state from the log (after truncation).
    void rebuildProducerState();
};

// A partition's replicas by broker id: a std::map (ordered, elements that never move) with an
// index of its few entries in one contiguous block, which lookups scan instead of walking the
// tree's scattered nodes (every fetch and append looks replicas up; in a cluster of thousands of
// partitions each node walked is a cache miss). Only emplace and erase change it, and both
// rebuild the index; map iterators stay valid when the map is moved, so the index moves along.
class ReplicaMap {
public:
    using Map = std::map<BrokerId, Replica>;
    using iterator = Map::iterator;
    using const_iterator = Map::const_iterator;

    [[nodiscard]] iterator begin() { return m_map.begin(); }
    [[nodiscard]] iterator end() { return m_map.end(); }
    [[nodiscard]] const_iterator begin() const { return m_map.begin(); }
    [[nodiscard]] const_iterator end() const { return m_map.end(); }
    [[nodiscard]] std::size_t size() const { return m_map.size(); }
    [[nodiscard]] bool empty() const { return m_map.empty(); }

    [[nodiscard]] iterator find(BrokerId b)
    {
        for (const auto &[id, it] : m_index)
            if (id == b)
                return it;
        return m_map.end();
    }
    [[nodiscard]] const_iterator find(BrokerId b) const
    {
        for (const auto &[id, it] : m_index)
            if (id == b)
                return it;
        return m_map.end();
    }
    [[nodiscard]] std::size_t count(BrokerId b) const { return find(b) == end() ? 0 : 1; }
    // Throws std::out_of_range when `b` holds no replica, like std::map::at.
    [[nodiscard]] Replica &at(BrokerId b)
    {
        const auto it = find(b);
        if (it == end())
            throw std::out_of_range("no replica on broker " + std::to_string(b.value()));
        return it->second;
    }
    [[nodiscard]] const Replica &at(BrokerId b) const
    {
        const auto it = find(b);
        if (it == end())
            throw std::out_of_range("no replica on broker " + std::to_string(b.value()));
        return it->second;
    }

    std::pair<iterator, bool> emplace(BrokerId b, Replica replica)
    {
        auto result = m_map.emplace(b, std::move(replica));
        reindex();
        return result;
    }
    iterator erase(iterator it)
    {
        const auto next = m_map.erase(it);
        reindex();
        return next;
    }

private:
    void reindex()
    {
        m_index.clear();
        for (auto it = m_map.begin(); it != m_map.end(); ++it)
            m_index.emplace_back(it->first, it);
    }
    Map m_map;
    std::vector<std::pair<BrokerId, iterator>> m_index; // in broker order
};

// Everything about one partition: the controller's view (assignment, leader, epoch, ISR), each
// replica, and the leader's view of its followers.
struct PartitionState {
    TopicPartition tp;
    // Kafka's topic id: a new number for every topic created, so a topic deleted and created again
    // under the same name is a different topic.
    std::uint64_t topicId = 0;
    // During a reassignment: the replicas it moves to (`assignment` then lists the target first,
    // then the replicas being removed).
    std::optional<std::vector<BrokerId>> reassignTarget;
    std::vector<BrokerId> assignment; // element 0 is the preferred leader
    std::optional<BrokerId> leader;   // nothing: offline
    std::int32_t leaderEpoch = 0;
    std::set<BrokerId> isr;
    std::int32_t minInsyncReplicas = 1;
    bool uncleanLeaderElection = false;
    ReplicaMap replicas;
    FollowerMap followers; // kept by the leader
    std::int64_t leaderEpochStartOffset = 0;
    // Where the cluster keeps the produce requests waiting for this partition's high watermark
    // (Cluster::delayedProducesOf): -1 until one has waited.
    std::int32_t delayedProducesSlot = -1;

    [[nodiscard]] Replica *leaderReplica()
    {
        return leader ? &replicas.at(*leader) : nullptr;
    }
    [[nodiscard]] const Replica *leaderReplica() const
    {
        return leader ? &replicas.at(*leader) : nullptr;
    }
    // The log clients see: the leader's, or the preferred replica's while offline.
    [[nodiscard]] const PartitionLog &visibleLog() const
    {
        const Replica *r = leaderReplica();
        return r ? *r->log : *replicas.at(assignment.front()).log;
    }
    [[nodiscard]] PartitionLog &visibleLog()
    {
        Replica *r = leaderReplica();
        return r ? *r->log : *replicas.at(assignment.front()).log;
    }
    // The high watermark clients see (the leader's).
    [[nodiscard]] std::int64_t highWatermark() const
    {
        const Replica *r = leaderReplica();
        return r ? r->highWatermark : replicas.at(assignment.front()).highWatermark;
    }
};

} // namespace kafkascope
