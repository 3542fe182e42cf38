#include "producer.h"

#include "cluster/cluster.h"

#include <string>

namespace kafkascope {

Producer::Producer(ProducerId id, ProducerConfig config, Cluster &cluster)
    : m_id(id), m_config(std::move(config)), m_cluster(cluster), m_partitioner(m_config.batchSizeBytes)
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
    auto pending = std::make_shared<Pending>();
    pending->record.timestampMs = m_cluster.clockMs(); // CreateTime
    pending->record.key = std::move(key);
    pending->record.value = std::move(value);
    const PartitionId partition = m_partitioner.partition(m_config.topic, pending->record.key, explicitPartition,
                                                          topic->partitionCount(), pending->record.sizeInBytes(),
                                                          m_cluster.random());
    pending->tp = TopicPartition{m_config.topic, partition};
    pending->firstSent = m_cluster.now();
    if (m_config.idempotent() && m_id.value() >= 0) {
        if (m_producerId < 0)
            m_producerId = m_cluster.initProducerId();
        pending->identity = ProducerIdentity{m_producerId, 0, m_nextSequence[pending->tp]++};
    }
    ++m_sent;
    if (m_config.acks == 0) {
        // Fire and forget: the producer counts the record as sent once it leaves.
        ++m_acknowledged;
        if (m_id.value() >= 0)
            m_cluster.noteAcknowledged(m_id, pending->tp, pending->record);
    }
    attempt(std::move(pending));
    return partition;
}

void Producer::attempt(std::shared_ptr<Pending> pending)
{
    const std::uint64_t number = ++pending->attempt;
    // The console producer (id -1) is replaced when the user picks another topic: its requests
    // carry no callback, so nothing refers to it after it is gone.
    if (m_id.value() < 0) {
        m_cluster.submitProduce(m_id, pending->tp, pending->record, pending->identity, m_config.acks, {});
        return;
    }
    m_cluster.submitProduce(m_id, pending->tp, pending->record, pending->identity, m_config.acks,
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
        ++m_acknowledged;
        m_cluster.noteAcknowledged(m_id, pending->tp, pending->record);
        return;
    }
    // Every error here is retriable (retries = MAX_INT): try again after retry.backoff.ms until
    // delivery.timeout.ms has passed since the record was first sent. Without idempotence a
    // retry after NOT_ENOUGH_REPLICAS_AFTER_APPEND or a lost answer writes the record twice.
    const SimTime next = m_cluster.now() + SimDuration::millis(m_config.retryBackoffMs);
    if (next - pending->firstSent >= SimDuration::millis(m_config.deliveryTimeoutMs)) {
        ++m_failed;
        return;
    }
    ++m_retries;
    m_cluster.scheduler().scheduleAfter(SimDuration::millis(m_config.retryBackoffMs), EventPriority::Timer,
                                        [this, pending] { attempt(pending); });
}

} // namespace kafkascope
