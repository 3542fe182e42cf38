#pragma once

#include "client/partitioner.h"
#include "core/sim_time.h"
#include "core/strong_types.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kafkascope {

class Cluster;

struct ProducerConfig {
    std::string clientId = "producer";
    std::string topic;
    // Average send rate of the built-in workload (a Poisson process); 0 sends only on request.
    double recordsPerSecond = 0.0;
    // Keys the workload draws from, uniformly; an empty list sends null keys.
    std::vector<std::string> keys;
    std::size_t valueBytes = 32;
    std::size_t batchSizeBytes = 16384; // batch.size: drives the sticky choice for null keys
};

// A producer client. Sends records to the leader of their partition over the simulated network
// (a fixed latency for now); the record's timestamp is its send time (CreateTime).
// Owned by the Cluster, which must outlive it.
class Producer {
public:
    Producer(ProducerId id, ProducerConfig config, Cluster &cluster);

    [[nodiscard]] ProducerId id() const { return m_id; }
    [[nodiscard]] const ProducerConfig &config() const { return m_config; }
    [[nodiscard]] std::uint64_t recordsSent() const { return m_sent; }

    // Starts the workload (no-op at a rate of 0).
    void start();
    // Sends one record now. Returns the partition it goes to, or nothing if the topic is gone.
    std::optional<PartitionId> send(std::optional<std::string> key, std::optional<std::string> value,
                                    std::optional<PartitionId> explicitPartition = std::nullopt);

private:
    void scheduleNextSend();
    std::string makeValue();

    ProducerId m_id;
    ProducerConfig m_config;
    Cluster &m_cluster;
    DefaultPartitioner m_partitioner;
    std::uint64_t m_sent = 0;
};

} // namespace kafkascope
