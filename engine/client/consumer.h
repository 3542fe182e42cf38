#pragma once

#include "core/sim_time.h"
#include "core/strong_types.h"

#include <cstdint>
#include <map>
#include <string>

namespace kafkascope {

class Cluster;

struct ConsumerConfig {
    std::string clientId = "consumer";
    std::string topic;
    SimDuration pollInterval = SimDuration::millis(100);
    std::int32_t maxPollRecords = 500; // max.poll.records, over all partitions of one poll
    bool fromEarliest = true;          // auto.offset.reset: earliest, else latest
};

// A consumer that is assigned every partition of one topic and reads each from its position on
// a fixed poll interval. (Consumer groups, commits and rebalances come with the group issue.)
// Owned by the Cluster, which must outlive it.
class Consumer {
public:
    Consumer(ConsumerId id, ConsumerConfig config, Cluster &cluster);

    [[nodiscard]] ConsumerId id() const { return m_id; }
    [[nodiscard]] const ConsumerConfig &config() const { return m_config; }
    // The next offset this consumer will read from `partition`.
    [[nodiscard]] Offset position(PartitionId partition) const;
    [[nodiscard]] const std::map<PartitionId, Offset> &positions() const { return m_positions; }
    [[nodiscard]] std::uint64_t recordsConsumed() const { return m_consumed; }

    void start();

private:
    void poll();

    ConsumerId m_id;
    ConsumerConfig m_config;
    Cluster &m_cluster;
    std::map<PartitionId, Offset> m_positions;
    std::uint64_t m_consumed = 0;
    // Round-robin start so that one busy partition does not starve the others in a capped poll.
    std::int32_t m_nextPartition = 0;
};

} // namespace kafkascope
