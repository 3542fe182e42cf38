#pragma once

#include "cluster/partition_state.h"
#include "core/strong_types.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kafkascope {

// How a topic is created: Kafka's topic configs that matter to the simulation.
struct TopicSettings {
    std::int32_t replicationFactor = 1;   // default.replication.factor
    std::int32_t minInsyncReplicas = 1;   // min.insync.replicas
    bool uncleanLeaderElection = false;   // unclean.leader.election.enable
    std::optional<std::int32_t> placementStartIndex; // fixed start of Kafka's replica placement
    LogConfig log;
};

// A topic: a name and its partitions, each replicated on one or more brokers.
class Topic {
public:
    Topic(std::string name, std::uint64_t id, TopicSettings settings, std::vector<PartitionState> partitions,
          bool internal = false)
        : m_name(std::move(name)), m_id(id), m_settings(std::move(settings)), m_partitions(std::move(partitions)),
          m_internal(internal)
    {
    }

    [[nodiscard]] const std::string &name() const { return m_name; }
    // Kafka's topic id (see PartitionState::topicId).
    [[nodiscard]] std::uint64_t id() const { return m_id; }
    [[nodiscard]] const TopicSettings &settings() const { return m_settings; }
    // An internal topic (__consumer_offsets).
    [[nodiscard]] bool isInternal() const { return m_internal; }
    void addPartition(PartitionState state) { m_partitions.push_back(std::move(state)); }
    [[nodiscard]] std::int32_t partitionCount() const { return static_cast<std::int32_t>(m_partitions.size()); }
    // The log clients read and write: the leader's (see PartitionState::visibleLog).
    [[nodiscard]] const PartitionLog &partition(PartitionId p) const { return state(p).visibleLog(); }
    [[nodiscard]] PartitionLog &partition(PartitionId p) { return state(p).visibleLog(); }
    [[nodiscard]] const PartitionState &state(PartitionId p) const { return m_partitions.at(static_cast<std::size_t>(p.value())); }
    [[nodiscard]] PartitionState &state(PartitionId p) { return m_partitions.at(static_cast<std::size_t>(p.value())); }

private:
    std::string m_name;
    std::uint64_t m_id = 0;
    TopicSettings m_settings;
    std::vector<PartitionState> m_partitions;
    bool m_internal = false;
};

} // namespace kafkascope
