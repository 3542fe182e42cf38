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

std::optional<PartitionId> Producer::send(std::optional<std::string> key, std::optional<std::string> value,
                                          std::optional<PartitionId> explicitPartition)
{
    const Topic *topic = m_cluster.topic(m_config.topic);
    if (!topic)
        return std::nullopt;
    Record record;
    record.timestampMs = m_cluster.now().millis();
    record.key = std::move(key);
    record.value = std::move(value);
    const PartitionId partition = m_partitioner.partition(m_config.topic, record.key, explicitPartition,
                                                          topic->partitionCount(), record.sizeInBytes(),
                                                          m_cluster.random());
    ++m_sent;
    // The request travels to the partition's leader; the event owns everything it needs, so it
    // stays valid even if this producer is gone by the time it arrives.
    Cluster *cluster = &m_cluster;
    TopicPartition tp{m_config.topic, partition};
    m_cluster.scheduler().scheduleAfter(
        m_cluster.networkLatency(), EventPriority::Network,
        [cluster, id = m_id, tp = std::move(tp), record = std::move(record)]() mutable {
            cluster->deliverRecord(id, tp, std::move(record));
        });
    return partition;
}

} // namespace kafkascope
