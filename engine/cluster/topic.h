#pragma once

#include "core/strong_types.h"
#include "log/partition_log.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kafkascope {

// A topic: a name and its partitions, each a PartitionLog (in memory, or on disk under the
// cluster's data directory).
class Topic {
public:
    Topic(std::string name, std::vector<std::unique_ptr<PartitionLog>> partitions)
        : m_name(std::move(name)), m_partitions(std::move(partitions))
    {
    }

    [[nodiscard]] const std::string &name() const { return m_name; }
    [[nodiscard]] std::int32_t partitionCount() const { return static_cast<std::int32_t>(m_partitions.size()); }
    [[nodiscard]] const PartitionLog &partition(PartitionId p) const { return *m_partitions.at(static_cast<std::size_t>(p.value())); }
    [[nodiscard]] PartitionLog &partition(PartitionId p) { return *m_partitions.at(static_cast<std::size_t>(p.value())); }

private:
    std::string m_name;
    std::vector<std::unique_ptr<PartitionLog>> m_partitions;
};

} // namespace kafkascope
