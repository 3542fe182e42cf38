#include "consumer.h"

#include "cluster/cluster.h"

namespace kafkascope {

Consumer::Consumer(ConsumerId id, ConsumerConfig config, Cluster &cluster)
    : m_id(id), m_config(std::move(config)), m_cluster(cluster)
{
}

Offset Consumer::position(PartitionId partition) const
{
    const auto it = m_positions.find(partition);
    return it == m_positions.end() ? Offset{0} : it->second;
}

void Consumer::start()
{
    const Topic *topic = m_cluster.topic(m_config.topic);
    if (!topic)
        return;
    for (std::int32_t p = 0; p < topic->partitionCount(); ++p) {
        const PartitionLog &log = topic->partition(PartitionId{p});
        // auto.offset.reset: with no committed offset, start at the log start or the log end.
        m_positions[PartitionId{p}] = Offset{m_config.fromEarliest ? log.logStartOffset() : log.logEndOffset()};
    }
    m_cluster.scheduler().scheduleAfter(m_config.pollInterval, EventPriority::Timer, [this] { poll(); });
}

void Consumer::poll()
{
    const Topic *topic = m_cluster.topic(m_config.topic);
    if (!topic)
        return;
    auto budget = static_cast<std::size_t>(m_config.maxPollRecords);
    const std::int32_t n = topic->partitionCount();
    for (std::int32_t i = 0; i < n && budget > 0; ++i) {
        const PartitionId p{(m_nextPartition + i) % n};
        const PartitionState &state = topic->state(p);
        if (!state.leader || !m_cluster.isAlive(*state.leader))
            continue; // offline, or its leader just died: nothing to fetch from
        const PartitionLog &log = state.visibleLog();
        Offset &pos = m_positions[p];
        if (pos.value() < log.logStartOffset())
            pos = Offset{log.logStartOffset()}; // the records were deleted: reset to the earliest
        // A consumer (read_uncommitted) sees only records below the high watermark.
        auto records = log.readRecords(pos.value(), budget);
        if (!records.isOk())
            continue;
        auto &list = records.value();
        while (!list.empty() && list.back().offset.value() >= state.highWatermark())
            list.pop_back();
        if (list.empty())
            continue;
        const Offset first = list.front().offset;
        const Offset last = list.back().offset;
        pos = last + 1;
        budget -= list.size();
        m_consumed += list.size();
        if (auto *obs = m_cluster.observer())
            obs->onRecordsConsumed(m_id, TopicPartition{m_config.topic, p}, first, last);
    }
    m_nextPartition = n > 0 ? (m_nextPartition + 1) % n : 0;
    m_cluster.scheduler().scheduleAfter(m_config.pollInterval, EventPriority::Timer, [this] { poll(); });
}

} // namespace kafkascope
