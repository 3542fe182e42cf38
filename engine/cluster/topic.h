#pragma once

#include "log/memory_log.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kafkascope {

// A topic: a name and its partitions, each an append-only log.
class Topic {
public:
    Topic(std::string name, std::int32_t partitionCount)
        : m_name(std::move(name)), m_partitions(static_cast<std::size_t>(partitionCount))
    {
    }

    [[nodiscard]] const std::string &name() const { return m_name; }
    [[nodiscard]] std::int32_t partitionCount() const { return static_cast<std::int32_t>(m_partitions.size()); }
    [[nodiscard]] const MemoryLog &partition(PartitionId p) const { return m_partitions.at(static_cast<std::size_t>(p.value())); }
    [[nodiscard]] MemoryLog &partition(PartitionId p) { return m_partitions.at(static_cast<std::size_t>(p.value())); }

private:
    std::string m_name;
    std::vector<MemoryLog> m_partitions;
};

} // namespace kafkascope
