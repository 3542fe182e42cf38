#include "producer.h"

#include "cluster/cluster.h"

#include <string>

namespace kafkascope {

namespace {
AccumulatorConfig accumulatorConfig(const ProducerConfig &config)
{
    AccumulatorConfig a;
    a.batchSizeBytes = config.batchSizeBytes;
    a.linger = SimDuration::millis(std::max<std::int64_t>(0, config.lingerMs));
    return a;
}
} // namespace

Producer::Producer(ProducerId id, ProducerConfig config, Cluster &cluster)
    : m_id(id),
      m_config(std::move(config)),
      m_cluster(cluster),
      m_partitioner(m_config.batchSizeBytes),
      m_accumulator(RecordAccumulator::create(accumulatorConfig(m_config)).value())
{
}

void Producer::start()
{
    if (m_config.recordsPerSecond > 0.0)
        scheduleNextSend();
}

void Producer::scheduleNextSend()
{
    // A Poisson process: exponential gaps with mean 1/rate, rounded to whole microseconds
    // (at least one, so a very high rate still moves time forward).
    const double gapUs = m_cluster.random().exponential(1e6 / m_config.recordsPerSecond);
    const auto delay = SimDuration::micros(std::max<std::int64_t>(1, static_cast<std::int64_t>(gapUs)));
    m_cluster.scheduler().scheduleAfter(delay, EventPriority::Timer, [this] {
        std::optional<std::string> key;
        if (!m_config.keys.empty())
            key = m_config.keys[m_cluster.random().uniform(m_config.keys.size())];
        send(std::move(key), makeValue());
        scheduleNextSend();
    });
}

std::string Producer::makeValue()
{
    // A readable payload: the producer's name and a sequence number, padded to valueBytes.
    std::string v = m_config.clientId + "#" + std::to_string(m_sent);
    if (v.size() < m_config.valueBytes)
        v.append(m_config.valueBytes - v.size(), '.');
    return v;
}

const char *produceErrorName(ProduceError error)
{
    switch (error) {
    case ProduceError::None: return "NONE";
    case ProduceError::NotLeaderOrFollower: return "NOT_LEADER_OR_FOLLOWER";
    case ProduceError::NotEnoughReplicas: return "NOT_ENOUGH_REPLICAS";
    case ProduceError::NotEnoughReplicasAfterAppend: return "NOT_ENOUGH_REPLICAS_AFTER_APPEND";
    case ProduceError::RequestTimedOut: return "REQUEST_TIMED_OUT";
    case ProduceError::OutOfOrderSequence: return "OUT_OF_ORDER_SEQUENCE_NUMBER";
    }
    return "UNKNOWN";
}

std::optional<PartitionId> Producer::send(std::optional<std::string> key, std::optional<std::string> value,
                                          std::optional<PartitionId> explicitPartition)
{
    const Topic *topic = m_cluster.topic(m_config.topic);
    if (!topic)
        return std::nullopt;
    Record record;
    record.timestampMs = m_cluster.clockMs(); // CreateTime
    record.key = std::move(key);
    record.value = std::move(value);
    const PartitionId partition = m_partitioner.partition(m_config.topic, record.key, explicitPartition,
                                                          topic->partitionCount(), record.sizeInBytes(),
                                                          m_cluster.random());
    const TopicPartition tp{m_config.topic, partition};
    ++m_sent;
    // The console producer (id -1) is replaced when the user picks another topic: it sends each
    // record at once, so that nothing it scheduled outlives it.
    if (m_id.value() < 0) {
        dispatch(tp, {std::move(record)}, m_cluster.now());
        return partition;
    }
    // Kafka's RecordAccumulator: the record joins its partition's batch; the sender sends the
    // batch once it is full or linger.ms after it started.
    const auto appended = m_accumulator.append(tp, std::move(record), m_cluster.now());
    if (appended.batchFull)
        scheduleWake(m_cluster.now());
    else if (const auto next = m_accumulator.nextReadyTime())
        scheduleWake(*next);
    return partition;
}

void Producer::scheduleWake(SimTime at)
{
    at = std::max(at, m_cluster.now());
    if (m_wakeAt && *m_wakeAt <= at)
        return; // an earlier wake-up is already on its way
    m_wakeAt = at;
    m_cluster.scheduler().schedule(at, EventPriority::Timer, [this, at] {
        if (m_wakeAt == at)
            wake();
    });
}

void Producer::wake()
{
    m_wakeAt.reset();
    for (ProducerBatch &batch : m_accumulator.ready(m_cluster.now())) {
        std::vector<Record> records;
        records.reserve(batch.records.size());
        for (BatchedRecord &r : batch.records)
            records.push_back(std::move(r.record));
        dispatch(batch.topicPartition, std::move(records), batch.createdAt);
    }
    if (const auto next = m_accumulator.nextReadyTime())
        scheduleWake(*next);
}

void Producer::dispatch(const TopicPartition &tp, std::vector<Record> records, SimTime createdAt)
{
    auto pending = std::make_shared<Pending>();
    pending->tp = tp;
    pending->firstSent = createdAt; // delivery.timeout.ms counts from the batch's creation
    if (m_config.idempotent() && m_id.value() >= 0) {
        if (m_producerId < 0)
            m_producerId = m_cluster.initProducerId();
        std::int32_t &next = m_nextSequence[tp];
        pending->identity = ProducerIdentity{m_producerId, 0, next};
        next += static_cast<std::int32_t>(records.size());
    }
    pending->records = std::move(records);
    if (m_config.acks == 0) {
        // Fire and forget: the producer counts the records as sent once they leave.
        m_acknowledged += pending->records.size();
        for (const Record &r : pending->records)
            m_cluster.noteAcknowledged(m_id, tp, r);
    }
    attempt(std::move(pending));
}

void Producer::attempt(std::shared_ptr<Pending> pending)
{
    const std::uint64_t number = ++pending->attempt;
    if (m_id.value() < 0) {
        m_cluster.submitProduce(m_id, pending->tp, pending->records, pending->identity, m_config.acks, {});
        return;
    }
    m_cluster.submitProduce(m_id, pending->tp, pending->records, pending->identity, m_config.acks,
                            [this, pending, number](ProduceError error) { onResponse(pending, number, error); });
    if (m_config.acks != 0) {
        // The client's own request timeout: no answer (lost on the network, or a dead broker).
        m_cluster.scheduler().scheduleAfter(SimDuration::millis(m_config.requestTimeoutMs), EventPriority::Timer,
                                            [this, pending, number] {
                                                onResponse(pending, number, ProduceError::RequestTimedOut);
                                            });
    }
}

void Producer::onResponse(const std::shared_ptr<Pending> &pending, std::uint64_t attemptNumber, ProduceError error)
{
    if (m_config.acks == 0 || attemptNumber != pending->attempt || pending->answered >= attemptNumber)
        return; // nobody waits for it, an answer to an earlier attempt, or already answered
    pending->answered = attemptNumber;
    if (error == ProduceError::None) {
        m_acknowledged += pending->records.size();
        for (const Record &r : pending->records)
            m_cluster.noteAcknowledged(m_id, pending->tp, r);
        return;
    }
    // Every error here is retriable (retries = MAX_INT): try again after retry.backoff.ms until
    // delivery.timeout.ms has passed since the record was first sent. Without idempotence a
    // retry after NOT_ENOUGH_REPLICAS_AFTER_APPEND or a lost answer writes the record twice.
    const SimTime next = m_cluster.now() + SimDuration::millis(m_config.retryBackoffMs);
    if (next - pending->firstSent >= SimDuration::millis(m_config.deliveryTimeoutMs)) {
        m_failed += pending->records.size();
        return;
    }
    ++m_retries;
    m_cluster.scheduler().scheduleAfter(SimDuration::millis(m_config.retryBackoffMs), EventPriority::Timer,
                                        [this, pending] { attempt(pending); });
}

} // namespace kafkascope
