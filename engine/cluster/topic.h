#pragma once

#include "cluster/partition_state.h"
#include "core/strong_types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kafkascope {

// A topic: a name and its partitions, each replicated on one or more brokers.
class Topic {
public:
    Topic(std::string name, std::vector<PartitionState> partitions)
        : m_name(std::move(name)), m_partitions(std::move(partitions))
    {
    }

    [[nodiscard]] const std::string &name() const { return m_name; }
    [[nodiscard]] std::int32_t partitionCount() const { return static_cast<std::int32_t>(m_partitions.size()); }
    // The log clients read and write: the leader's (see PartitionState::visibleLog).
    [[nodiscard]] const PartitionLog &partition(PartitionId p) const { return state(p).visibleLog(); }
    [[nodiscard]] PartitionLog &partition(PartitionId p) { return state(p).visibleLog(); }
    [[nodiscard]] const PartitionState &state(PartitionId p) const { return m_partitions.at(static_cast<std::size_t>(p.value())); }
    [[nodiscard]] PartitionState &state(PartitionId p) { return m_partitions.at(static_cast<std::size_t>(p.value())); }

private:
    std::string m_name;
    std::vector<PartitionState> m_partitions;
};

} // namespace kafkascope
