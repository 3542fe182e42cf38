#pragma once

#include "client/partitioner.h"
#include "client/record_accumulator.h"
#include "client/workload.h"
#include "cluster/topic_partition.h"
#include "log/record.h"
#include "core/sim_time.h"
#include "core/status.h"
#include "core/strong_types.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kafkascope {

class Cluster;

// partitioner.class: Kafka's built-in partitioning (no class set) or its RoundRobinPartitioner.
enum class PartitionerKind { BuiltIn, RoundRobin };

// A producer's settings: its workload (workload.h) and Kafka's producer configs, with Kafka 4.0's
// defaults. Check one with validateProducerConfig(); Cluster::addProducer does.
struct ProducerConfig {
    std::string clientId = "producer";
    std::string topic;

    // --- The built-in workload ----------------------------------------------------------------
    // When the producer sends on its own; none: it sends only when send() is called.
    std::optional<RateModel> rate;
    // The key of every record the workload sends (null keys by default).
    KeyDistribution keys = KeyDistribution::nullKeys();
    // The value of every record the workload sends: "<clientId>#<n>" padded to the size drawn,
    // n counting the producer's records from 0 (the send order).
    ValueGenerator values = ValueGenerator::fixedSize(32).value();

    // --- Partitioning -------------------------------------------------------------------------
    PartitionerKind partitioner = PartitionerKind::BuiltIn; // partitioner.class
    // partitioner.ignore.keys (built-in partitioning only): keyed records are spread like null keys.
    bool partitionerIgnoreKeys = false;
    // Which Kafka release's RoundRobinPartitioner (see partitioner.h); 4.0's by default.
    RoundRobinPartitioner::NewBatchBehaviour roundRobinNewBatch = RoundRobinPartitioner::NewBatchBehaviour::ReturnPrevious;

    // --- Batching, delivery -------------------------------------------------------------------
    std::size_t batchSizeBytes = 16384; // batch.size: the accumulator's batches, and the sticky choice for null keys
    std::int64_t lingerMs = 5;          // linger.ms (Kafka 4.0's default; 0 before)
    // acks: 0 (fire and forget), 1 (the leader wrote it), -1 = all (every in-sync replica has it).
    std::int32_t acks = -1;
    // max.in.flight.requests.per.connection: unanswered produce requests per broker connection.
    std::int32_t maxInFlightRequestsPerConnection = 5;
    std::int64_t retryBackoffMs = 100;       // retry.backoff.ms (fixed; Kafka 3.7+ grows it up to retry.backoff.max.ms)
    std::int64_t requestTimeoutMs = 30000;   // request.timeout.ms
    std::int64_t deliveryTimeoutMs = 120000; // delivery.timeout.ms: give up on a record after this
    // enable.idempotence (Kafka's default): the broker drops retried duplicates by producer id
    // and sequence. As in Kafka 3.x, it is in effect only with acks=all.
    bool enableIdempotence = true;
    [[nodiscard]] bool idempotent() const { return enableIdempotence && acks == -1; }
};

// The largest max.in.flight.requests.per.connection an idempotent producer may use (Kafka: the
// broker keeps the last five batches per producer and partition to recognise duplicates).
inline constexpr std::int32_t kMaxInFlightWithIdempotence = 5;

// Kafka's producer config checks (ProducerConfig / KafkaProducer), as an error naming the config:
// acks in {0, 1, -1}; linger.ms, retry.backoff.ms, request.timeout.ms >= 0; batch.size at most
// 2^31 - 1 (0 is allowed: no batching); max.in.flight.requests.per.connection >= 1, and <= 5 when
// idempotence is in effect; delivery.timeout.ms >= linger.ms + request.timeout.ms. The topic is
// checked by Cluster::addProducer; the workload models are valid by construction (their factories
// refuse a rate <= 0 and the like).
Status validateProducerConfig(const ProducerConfig &config);

// Kafka's produce error codes that the simulation can return.
enum class ProduceError {
    None,
    NotLeaderOrFollower,          // the broker is not (or no longer) the partition's leader
    NotEnoughReplicas,            // acks=all and the ISR is smaller than min.insync.replicas: not written
    NotEnoughReplicasAfterAppend, // acks=all, written, but the ISR shrank below min.insync.replicas
    RequestTimedOut,              // no answer within request.timeout.ms
    OutOfOrderSequence,           // idempotence: an earlier sequence of this producer is missing
    InvalidProducerEpoch,         // idempotence: the leader has seen a newer epoch of this producer
};

// What an idempotent producer puts on a batch (Kafka's producer id, epoch and sequence).
struct ProducerIdentity {
    std::int64_t producerId = -1;
    std::int16_t epoch = -1;
    std::int32_t sequence = -1;
};
const char *produceErrorName(ProduceError error);

// A producer client: Kafka's KafkaProducer with its RecordAccumulator and Sender. Records are
// partitioned, batched per partition, and sent to the partition's current leader over the
// simulated network; the record's timestamp is its send time (CreateTime).
//
// The sender (Kafka's Sender.sendProducerData) runs whenever a batch may have become sendable or
// a request finished: a broker is ready when the oldest batch of one of the partitions it leads is
// sendable; if fewer than max.in.flight.requests.per.connection requests to it are unanswered, one
// produce request takes the oldest batch of every partition it leads (one request per broker per
// round). Further batches wait in the accumulator. With max.in.flight = 1, a partition with a batch
// in flight is not drained at all (Kafka's guaranteeMessageOrder mutes it).
//
// A failed attempt is retried (retries = MAX_INT) until delivery.timeout.ms: the batch goes back to
// the front of its partition's queue and waits retry.backoff.ms. A request unanswered after
// request.timeout.ms closes the connection, which fails every request in flight to that broker.
// Consequences, as in Kafka: without idempotence and with max.in.flight > 1 a retried batch can
// land after batches sent later (reordering), and a retry of a batch that was written but whose
// answer was lost writes it twice (duplicates). An idempotent producer numbers its batches per
// partition when they are first sent; the leader refuses a gap (OUT_OF_ORDER_SEQUENCE) and answers
// a repeat without writing it, and the sender sends a retried batch only when no earlier batch of
// its partition is in flight, so the log keeps the send order without duplicates. When the leader
// lacks sequences the producer had acknowledged (an unclean election) or a numbered batch fails
// for good, the producer bumps its epoch (KIP-360) and renumbers that partition's batches from 0.
//
// A partition without a leader is refused at once without a request (the producer's metadata
// shows no leader) and retried after the backoff.
//
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
    // Failed attempts that were tried again (one per batch and attempt).
    [[nodiscard]] std::uint64_t retries() const { return m_retries; }
    // Produce requests sent to brokers (each carries one batch per partition it holds).
    [[nodiscard]] std::uint64_t requestsSent() const { return m_requestsSent; }
    // Unanswered produce requests on the connection to `broker` right now.
    [[nodiscard]] std::size_t inFlightRequests(BrokerId broker) const;
    // The idempotent producer's id (-1 before its first batch) and epoch, and how often it bumped
    // the epoch (KIP-360).
    [[nodiscard]] std::int64_t producerId() const { return m_producerId; }
    [[nodiscard]] std::int16_t producerEpoch() const { return m_producerEpoch; }
    [[nodiscard]] std::uint64_t epochBumps() const { return m_epochBumps; }

    // Starts the workload (no-op without a rate model).
    void start();
    // Sends one record now: it is partitioned and joins its partition's batch. Returns the partition
    // it goes to, or nothing if the topic is gone or explicitPartition is not one of its partitions
    // (Kafka: "Invalid partition given with record"), in which case nothing is sent.
    std::optional<PartitionId> send(std::optional<std::string> key, std::optional<std::string> value,
                                    std::optional<PartitionId> explicitPartition = std::nullopt);

private:
    // One produce request: a batch per partition, all for one broker (none: refused for want of a
    // leader, outside any connection).
    struct Request {
        std::optional<BrokerId> broker;
        std::vector<ProducerBatch> batches;
        std::vector<std::optional<ProduceError>> answers; // one per batch
        std::size_t unanswered = 0;
        bool done = false;
        SimTime deadline; // sent + request.timeout.ms
        // Its batches' answer ids, firstAnswerId onwards (see onAnswer).
        std::uint64_t firstAnswerId = 0;
    };

    // Per partition of the producer's topic: the idempotent producer's sequence state (Kafka's
    // TxnPartitionEntry) and the sender's count of the partition's batches in flight.
    struct PartitionEntry {
        // The epoch the partition's sequences belong to; -1 until its first batch is numbered.
        std::int16_t sequenceEpoch = -1;
        std::int32_t nextSequence = 0;
        std::int32_t lastAckedSequence = -1;
        // Numbered batches not resolved yet (in flight or waiting to be retried).
        std::size_t unresolvedBatches = 0;
        std::size_t inFlightBatches = 0;
        // The base sequences of the batches in flight that carry one, in increasing order.
        std::vector<std::int32_t> inFlightSequences;
    };

    PartitionId choosePartition(const std::string &topic, std::int32_t numPartitions,
                                const std::vector<PartitionId> &available, const Record &record);
    // The sender: drains what the rules above allow, then sleeps until the next batch is sendable.
    void wake();
    void scheduleWake(SimTime at);
    void sendRequest(std::optional<BrokerId> broker, std::vector<ProducerBatch> batches);
    // The answer for the batch with answer id `answerId`. The cluster's callback carries the id
    // (and `this`) only: that fits std::function's inline storage, so that no request costs an
    // allocation per batch, and the request needs no reference count.
    void onAnswer(std::uint64_t answerId, ProduceError error);
    void onRequestTimeout(Request &request);
    // request.timeout.ms: one timer for the producer at the oldest unanswered request's deadline
    // (deadlines grow with send time), instead of one per request.
    void armTimeoutCheck();
    void checkRequestTimeouts();
    // The whole answer is in (or the connection closed): every batch succeeds, is retried or fails.
    void completeRequest(Request &request);
    void completeBatch(ProducerBatch batch, ProduceError error);
    void failBatch(const ProducerBatch &batch);
    [[nodiscard]] bool isMuted(const TopicPartition &tp) const;
    // Kafka's shouldStopDrainBatchesForPartition: a retried batch (one with a sequence) waits until
    // it is the first of its partition's batches in flight; a new batch of a partition whose
    // sequences still belong to an older epoch waits until that epoch's batches are resolved.
    [[nodiscard]] bool waitsForEarlierSequence(const ProducerBatch &batch) const;
    // KIP-360 for an idempotent producer (Kafka's TransactionManager): a partition whose sequences
    // have a gap at the broker asks for an epoch bump; the bump (at the sender's next run) raises
    // the epoch locally and renumbers that partition's unresolved batches from 0.
    void requestEpochBump(const TopicPartition &tp);
    void maybeBumpEpoch();
    // The partition's sequence state (Kafka's TxnPartitionEntry): restarts at 0 under the current
    // epoch when it belongs to an older one.
    void maybeUpdatePartitionEpoch(PartitionEntry &partition);
    // A numbered batch is resolved (acknowledged or failed for good).
    void resolveSequence(const ProducerBatch &batch);
    void scheduleNextSend();
    // The console producer's path: each record is sent at once, with nobody waiting for the answer.
    void sendDirectly(const TopicPartition &tp, Record record);
    // tp's entry (tp is a partition of the producer's topic: the only one it sends to), added
    // when tp has none; nullptr from the const one then.
    PartitionEntry &entry(const TopicPartition &tp);
    [[nodiscard]] const PartitionEntry *findEntry(const TopicPartition &tp) const;

    ProducerId m_id;
    ProducerConfig m_config;
    Cluster &m_cluster;
    DefaultPartitioner m_partitioner;
    RoundRobinPartitioner m_roundRobin;
    std::uint64_t m_sent = 0;
    std::uint64_t m_acknowledged = 0;
    std::uint64_t m_failed = 0;
    std::uint64_t m_retries = 0;
    std::uint64_t m_requestsSent = 0;
    std::int64_t m_producerId = -1; // from InitProducerId, when idempotent
    std::int16_t m_producerEpoch = 0;
    std::uint64_t m_epochBumps = 0;
    bool m_epochBumpRequired = false;
    std::set<TopicPartition> m_partitionsToRewrite; // their sequences restart at the bump
    // By partition number: every partition the producer sent to has an entry. The producer sends
    // to one topic only (a topic deleted and created again keeps its name, and its entries).
    std::vector<PartitionEntry> m_partitions;
    RecordAccumulator m_accumulator;
    std::optional<SimTime> m_wakeAt; // the sender's next scheduled wake-up
    bool m_heldBack = false;         // the last wake-up left a sendable batch behind
    // The requests awaiting answers, oldest first (hence also by deadline and by answer id); a
    // request that is done leaves once it reaches the front. std::deque keeps them in place.
    std::deque<Request> m_requests;
    // Per broker connection: the unanswered requests (in m_requests), oldest first.
    std::map<BrokerId, std::vector<Request *>> m_inFlight;
    std::uint64_t m_nextAnswerId = 0;
    std::optional<SimTime> m_timeoutCheckAt;
    // The sender's scratch space (see wake()): a partition holding batches and its leader.
    struct LedPartition {
        BrokerId leader;
        std::size_t scanOrder = 0;
        const TopicPartition *tp = nullptr;
    };
    std::vector<LedPartition> m_ledScratch;
    std::vector<BrokerId> m_readyBrokersScratch;
};

} // namespace kafkascope
