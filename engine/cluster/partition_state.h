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
    std::map<std::int64_t, ProducerEntry> producers;


    // Updates the producer state for a batch just appended.
    void noteBatch(std::int64_t producerId, std::int16_t producerEpoch, std::int32_t baseSequence,
                   std::int32_t lastOffsetDelta)
    {
        if (producerId >= 0 && baseSequence >= 0)
            producers[producerId] = ProducerEntry{producerEpoch, baseSequence + lastOffsetDelta};
    }
    // Rebuilds the producer state from the log (after truncation).
    void rebuildProducerState();
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
    std::map<BrokerId, Replica> replicas;
    std::map<BrokerId, FollowerFetchState> followers; // kept by the leader
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
