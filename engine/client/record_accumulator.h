#pragma once

#include "cluster/topic_partition.h"
#include "core/sim_time.h"
#include "core/status.h"
#include "log/record.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kafkascope {

// The producer settings the accumulator follows (Kafka's names; defaults of Kafka 4.0).
struct AccumulatorConfig {
    // batch.size: a batch takes records while its size stays within this many bytes. 0 disables
    // batching (every record gets a batch of its own), as Kafka documents.
    std::size_t batchSizeBytes = 16384;
    // linger.ms: how long a batch that is not full waits for more records after its creation.
    // Kafka's default is 5 ms since 4.0 (0 before). Must be >= 0.
    SimDuration linger = SimDuration::millis(5);
};

// A record waiting in a batch, with what the sender needs later (delivery timeouts, callbacks in
// send order).
struct BatchedRecord {
    Record record;
    // The record's position in this producer's send order (0, 1, 2, ...), across all partitions.
    std::uint64_t sendSequence = 0;
    SimTime appendedAt;
};

// Records for one partition that travel together in one produce request (Kafka's ProducerBatch).
struct ProducerBatch {
    TopicPartition topicPartition;
    // Creation order within the accumulator (0, 1, 2, ...), across all partitions.
    std::uint64_t batchSequence = 0;
    // The first append (Kafka's createdMs): linger.ms counts from here, and so does
    // delivery.timeout.ms for the sender.
    SimTime createdAt;
    // When the batch stopped taking records: it became full, was flushed or was drained.
    std::optional<SimTime> closedAt;
    // kBatchOverheadBytes plus every record's Record::sizeInBytes().
    std::size_t sizeInBytes = 0;
    // In append order, hence in increasing sendSequence.
    std::vector<BatchedRecord> records;
    // What the sender adds (Kafka's ProducerBatch keeps them too): the idempotent producer's base
    // sequence, assigned when the batch is first drained (-1: none), the attempts made, and, for a
    // batch put back after a failed attempt, the end of its retry backoff.
    std::int32_t baseSequence = -1;
    std::uint32_t attempts = 0;
    std::optional<SimTime> retryAt;
    // The idempotent producer's id and epoch the sequence belongs to, and whether an epoch bump
    // renumbered it since it was first sent (Kafka's sequenceHasBeenReset).
    std::int64_t producerId = -1;
    std::int16_t producerEpoch = -1;
    bool sequenceReset = false;

    [[nodiscard]] bool isClosed() const { return closedAt.has_value(); }
};

// Kafka's RecordAccumulator for one producer: records are collected per partition into batches,
// which the sender later drains into produce requests. Only the newest batch of a partition takes
// records ("open"); older ones are closed and wait, oldest first.
//
// The Kafka rules it follows (KafkaProducer and RecordAccumulator, Kafka 3.x-4.0; see also the
// producer configs batch.size and linger.ms):
//   - A record joins the partition's open batch if the batch's size plus the record's stays within
//     batch.size. Otherwise the open batch is closed and a new batch starts with the record. A
//     batch that reaches batch.size exactly is full and closes at once (Kafka's isFull()). The first
//     record of a batch is always accepted: a record larger than batch.size, counting the batch
//     header, gets a batch of its own, closed at once (Kafka sizes that buffer for the one record).
//   - Sizes: Record::sizeInBytes() per record plus 61 bytes of record batch v2 header per batch
//     (Kafka's RECORD_BATCH_OVERHEAD).
//   - A batch is sendable when it is closed, or when it has waited at least linger.ms since its
//     creation: waited >= linger.ms, so a batch created at t with linger L is sendable at t + L
//     exactly, and at once for linger 0 (Kafka's ready() compares the time waited with >=).
//     Waiting does not close a batch: until the sender drains it, an expired open batch keeps
//     taking records (Kafka closes a batch for appends only when it is full or drained). That is
//     why batches grow when the sender is held back by max.in.flight.requests.per.connection.
//   - flush() makes every batch sendable (Kafka's flushInProgress); here it closes the open
//     batches, so later records start new batches.
//   - A batch whose attempt failed is put back at the front of its partition's queue (Kafka's
//     reenqueue): before every other batch, or, when it carries an idempotent sequence, in sequence
//     order among the front batches that carry one (Kafka's insertInSequenceOrder). It is sendable
//     again once its retry backoff has passed (Kafka's backingOff), not before.
// Not modelled here: buffer.memory and max.block.ms (no memory limit), max.request.size (the
// producer refuses too large records before they get here), compression, and
// max.in.flight.requests.per.connection (the sender's concern: it decides when to drain).
//
// Every function takes the current simTime; `now` must never go backward between calls.
class RecordAccumulator {
public:
    static constexpr std::size_t kBatchOverheadBytes = 61;

    struct AppendResult {
        std::uint64_t sendSequence = 0;
        // The record started a new batch (the sticky partitioner's cue in Kafka).
        bool newBatchCreated = false;
        // The partition now holds a closed batch, so it is sendable regardless of linger.ms
        // (Kafka's batchIsFull, which wakes the sender).
        bool batchFull = false;
    };

    // Fails when linger is negative.
    static Result<RecordAccumulator> create(AccumulatorConfig config);

    [[nodiscard]] const AccumulatorConfig &config() const { return m_config; }

    // Adds a record to tp's open batch (or a new one), following the rules above. Never fails.
    AppendResult append(const TopicPartition &tp, Record record, SimTime now);
    // Closes every open batch at now, making all batches sendable.
    void flush(SimTime now);
    // Removes and returns every batch sendable at now, by topic, then partition (numerically), then
    // creation. Open batches it takes are closed at now.
    std::vector<ProducerBatch> ready(SimTime now);
    // The partitions whose oldest batch is sendable at now, in the same order; changes nothing.
    [[nodiscard]] std::vector<TopicPartition> readyPartitions(SimTime now) const;
    // Removes and returns tp's oldest batch if it is sendable at now (closing it if it was open);
    // Kafka's drain takes one batch per partition per request in the same way.
    std::optional<ProducerBatch> drain(const TopicPartition &tp, SimTime now);
    // The earliest time at which a batch held here is sendable: when a closed batch was closed, or
    // the creation time plus linger.ms of an open one (whichever is earlier), or the end of a retried
    // batch's backoff. It may lie in the past, which means "now". Nothing when the accumulator is empty.
    [[nodiscard]] std::optional<SimTime> nextReadyTime() const;

    // --- For the sender (producer.cpp), which drains partition by partition -----------------
    // The partitions holding batches, by topic then partition.
    [[nodiscard]] std::vector<TopicPartition> partitions() const;
    // tp's oldest batch (the next to send), or nullptr when tp holds none. Valid until the next
    // non-const call.
    [[nodiscard]] const ProducerBatch *front(const TopicPartition &tp) const;
    // When tp's oldest batch is sendable (as in nextReadyTime); nothing when tp holds no batch.
    [[nodiscard]] std::optional<SimTime> readyTime(const TopicPartition &tp) const;
    // Calls f(tp, oldest batch) for every partition holding batches, by topic then partition,
    // without copying anything (the sender's scan). f must not change the accumulator. `tp` stays
    // valid while its partition holds batches: draining other partitions leaves it in place.
    template <typename F>
    void forEachFront(F &&f) const
    {
        for (const auto &[name, topic] : m_topics)
            for (const PartitionQueue *queue : topic.holding)
                f(queue->tp, queue->batches.front());
    }
    // When `batch`, the oldest of its partition, is sendable (as readyTime).
    [[nodiscard]] SimTime sendableTime(const ProducerBatch &batch) const { return sendableAt(batch); }
    // Removes and returns tp's oldest batch unless it is still backing off after a failed attempt,
    // whether or not linger.ms has passed (closing it if it was open): Kafka's drain takes the first
    // batch of every partition led by a broker once any of them is sendable.
    std::optional<ProducerBatch> drainFront(const TopicPartition &tp, SimTime now);
    // True when a record of recordBytes bytes for tp would start a new batch: tp has no open batch
    // with room for it (Kafka's append with abortOnNewBatch, which a custom partitioner sees).
    [[nodiscard]] bool startsNewBatch(const TopicPartition &tp, std::size_t recordBytes) const;
    // Puts back a batch whose attempt failed, following the reenqueue rule above. The batch must be
    // closed; set its retryAt first.
    void reenqueue(ProducerBatch batch);
    // Calls `visit` on every batch of `tp` held here, oldest first, so that the sender can
    // renumber their sequences after an epoch bump. `visit` must keep the batches' order.
    void forEachQueued(const TopicPartition &tp, const std::function<void(ProducerBatch &)> &visit);
    // Removes and returns, per partition from the oldest, the batches created at least
    // `deliveryTimeout` before now (Kafka's expiredBatches: delivery.timeout.ms has passed).
    std::vector<ProducerBatch> expire(SimTime now, SimDuration deliveryTimeout);
    // The earliest creation time of a batch held here (the next to expire); nothing when empty.
    [[nodiscard]] std::optional<SimTime> oldestCreation() const;

    [[nodiscard]] bool empty() const { return m_partitionsHolding == 0; }
    // Batches held, open and closed.
    [[nodiscard]] std::size_t batchCount() const;

private:
    struct TopicQueues;
    // A partition's batches, in sending order: put-back batches first, then oldest first.
    struct PartitionQueue {
        TopicPartition tp;
        TopicQueues *topic = nullptr; // the topic's entry in m_topics
        std::deque<ProducerBatch> batches;
    };
    // One topic's partitions that hold batches, by partition number (nullptr: none) and in
    // partition order, so that lookups compare no names and scans visit only those partitions.
    struct TopicQueues {
        std::vector<std::unique_ptr<PartitionQueue>> byPartition;
        std::vector<PartitionQueue *> holding; // by partition
    };

    explicit RecordAccumulator(AccumulatorConfig config) : m_config(config) {}

    [[nodiscard]] SimTime lingerExpiry(const ProducerBatch &batch) const;
    [[nodiscard]] SimTime sendableAt(const ProducerBatch &batch) const;
    [[nodiscard]] bool isSendable(const ProducerBatch &batch, SimTime now) const;
    ProducerBatch &startBatch(std::deque<ProducerBatch> &queue, const TopicPartition &tp, SimTime now);
    // The topic's queues; nullptr when it never held batches.
    [[nodiscard]] const TopicQueues *topicOf(const std::string &name) const;
    // tp's queue, or nullptr when tp holds no batches.
    [[nodiscard]] PartitionQueue *queueOf(const TopicPartition &tp) const;
    // tp's queue, added (empty) when tp holds no batches; the caller gives it a batch at once.
    std::deque<ProducerBatch> &queueFor(const TopicPartition &tp);
    // Takes away `queue`, which has just become empty, and keeps it for reuse.
    void releaseQueue(PartitionQueue &queue);
    // The same for every emptied queue of `topic` (after a scan that drained several).
    void releaseEmptyQueues(TopicQueues &topic);
    // Keeps oldestCreation()'s answer up to date for a batch that arrives (created or put back).
    void noteHeld(SimTime createdAt);

    AccumulatorConfig m_config;
    // Per topic (by name, so scans go by topic then partition, TopicPartition's order), the
    // partitions holding batches; a partition without batches has no queue. Emptied queues are
    // kept in m_spareQueues for the next partition that needs one: a partition typically holds a
    // batch or two at a time, and a std::deque allocates as soon as it exists.
    std::map<std::string, TopicQueues, std::less<>> m_topics;
    // The topic of the last append, looked at first: a producer mostly has one. (A node of
    // m_topics, which a move of the accumulator carries along.)
    std::pair<const std::string, TopicQueues> *m_lastTopic = nullptr;
    std::vector<std::unique_ptr<PartitionQueue>> m_spareQueues;
    std::size_t m_partitionsHolding = 0;
    std::uint64_t m_nextSendSequence = 0;
    std::uint64_t m_nextBatchSequence = 0;
    // oldestCreation()'s answer while m_oldestKnown: arrivals update it, and a removal makes the
    // next call scan again (the sender asks before and after every drain).
    mutable std::optional<SimTime> m_oldest;
    mutable bool m_oldestKnown = true;
};

} // namespace kafkascope
