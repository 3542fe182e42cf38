#pragma once

#include "client/partitioner.h"
#include "client/record_accumulator.h"
#include "cluster/topic_partition.h"
#include "log/record.h"
#include "core/sim_time.h"
#include "core/strong_types.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
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
    std::size_t batchSizeBytes = 16384; // batch.size: the accumulator's batches, and the sticky choice for null keys
    std::int64_t lingerMs = 5;          // linger.ms (Kafka 4.0's default; 0 before)
    // acks: 0 (fire and forget), 1 (the leader wrote it), -1 = all (every in-sync replica has it).
    std::int32_t acks = -1;
    std::int64_t retryBackoffMs = 100;       // retry.backoff.ms
    std::int64_t requestTimeoutMs = 30000;   // request.timeout.ms
    std::int64_t deliveryTimeoutMs = 120000; // delivery.timeout.ms: give up on a record after this
    // enable.idempotence (Kafka's default): the broker drops retried duplicates by producer id
    // and sequence. As in Kafka 3.x, it is in effect only with acks=all.
    bool enableIdempotence = true;
    [[nodiscard]] bool idempotent() const { return enableIdempotence && acks == -1; }
};

// Kafka's produce error codes that the simulation can return.
enum class ProduceError {
    None,
    NotLeaderOrFollower,          // the broker is not (or no longer) the partition's leader
    NotEnoughReplicas,            // acks=all and the ISR is smaller than min.insync.replicas: not written
    NotEnoughReplicasAfterAppend, // acks=all, written, but the ISR shrank below min.insync.replicas
    RequestTimedOut,              // no answer within request.timeout.ms
    OutOfOrderSequence,           // idempotence: an earlier sequence of this producer is missing
};

// What an idempotent producer puts on a batch (Kafka's producer id, epoch and sequence).
struct ProducerIdentity {
    std::int64_t producerId = -1;
    std::int16_t epoch = -1;
    std::int32_t sequence = -1;
};
const char *produceErrorName(ProduceError error);

// A producer client. Sends records to the leader of their partition over the simulated network
// (a fixed latency for now); the record's timestamp is its send time (CreateTime).
// Owned by the Cluster, which must outlive it.
class Producer {
public:
    Producer(ProducerId id, ProducerConfig config, Cluster &cluster);

    [[nodiscard]] ProducerId id() const { return m_id; }
    [[nodiscard]] const ProducerConfig &config() const { return m_config; }
    [[nodiscard]] std::uint64_t recordsSent() const { return m_sent; }
    // Records the producer was told were written (with acks=0: every record sent).
    [[nodiscard]] std::uint64_t recordsAcknowledged() const { return m_acknowledged; }
    // Records given up after delivery.timeout.ms.
    [[nodiscard]] std::uint64_t recordsFailed() const { return m_failed; }
    [[nodiscard]] std::uint64_t retries() const { return m_retries; }

    // Starts the workload (no-op at a rate of 0).
    void start();
    // Sends one record now. Returns the partition it goes to, or nothing if the topic is gone.
    std::optional<PartitionId> send(std::optional<std::string> key, std::optional<std::string> value,
                                    std::optional<PartitionId> explicitPartition = std::nullopt);

private:
    // One produce request's batch, kept across retries.
    struct Pending {
        TopicPartition tp;
        std::vector<Record> records;
        SimTime firstSent;
        std::uint64_t attempt = 0;  // attempts made
        std::uint64_t answered = 0; // the last attempt that got its answer (or timed out)
        ProducerIdentity identity;  // the same on every retry
    };
    void attempt(std::shared_ptr<Pending> pending);
    // The sender: sends every batch the accumulator has ready, then sleeps until the next one is.
    void wake();
    void scheduleWake(SimTime at);
    void dispatch(const TopicPartition &tp, std::vector<Record> records, SimTime createdAt);
    void onResponse(const std::shared_ptr<Pending> &pending, std::uint64_t attemptNumber, ProduceError error);
    void scheduleNextSend();
    std::string makeValue();

    ProducerId m_id;
    ProducerConfig m_config;
    Cluster &m_cluster;
    DefaultPartitioner m_partitioner;
    std::uint64_t m_sent = 0;
    std::uint64_t m_acknowledged = 0;
    std::uint64_t m_failed = 0;
    std::uint64_t m_retries = 0;
    std::int64_t m_producerId = -1; // from InitProducerId, when idempotent
    std::map<TopicPartition, std::int32_t> m_nextSequence;
    RecordAccumulator m_accumulator;
    std::optional<SimTime> m_wakeAt; // the sender's next scheduled wake-up
};

} // namespace kafkascope
