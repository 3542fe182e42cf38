#include "consumer.h"

#include "cluster/cluster.h"

namespace kafkascope {

const char *consumerGroupStateName(ConsumerGroupState state)
{
    switch (state) {
    case ConsumerGroupState::Unjoined: return "unjoined";
    case ConsumerGroupState::Joining: return "joining";
    case ConsumerGroupState::Syncing: return "syncing";
    case ConsumerGroupState::Stable: return "stable";
    }
    return "unknown";
}

Consumer::Consumer(ConsumerId id, ConsumerConfig config, Cluster &cluster)
    : m_id(id), m_config(std::move(config)), m_cluster(cluster)
{
}

Offset Consumer::position(PartitionId partition) const
{
    return position(TopicPartition{m_config.topic, partition});
}

Offset Consumer::position(const TopicPartition &tp) const
{
    const auto it = m_positions.find(tp);
    return it == m_positions.end() ? Offset{0} : it->second;
}

void Consumer::start()
{
    m_running = true;
    if (usesGroup()) {
        // The coordinator lives in __consumer_offsets, created on first use.
        (void)m_cluster.ensureOffsetsTopic();
        m_nextAutoCommit = m_cluster.now() + SimDuration::millis(m_config.autoCommitIntervalMs);
        schedulePoll();
        return;
    }
    const Topic *topic = m_cluster.topic(m_config.topic);
    if (!topic)
        return;
    for (std::int32_t p = 0; p < topic->partitionCount(); ++p) {
        const PartitionLog &log = topic->partition(PartitionId{p});
        // auto.offset.reset: with no committed offset, start at the log start or the log end.
        m_positions[TopicPartition{m_config.topic, PartitionId{p}}] =
            Offset{m_config.fromEarliest ? log.logStartOffset() : log.logEndOffset()};
    }
    schedulePoll();
}

void Consumer::schedulePoll()
{
    m_cluster.scheduler().scheduleAfter(m_config.pollInterval, EventPriority::Timer, [this] { poll(); });
}

void Consumer::crash()
{
    m_running = false;
}

void Consumer::poll()
{
    if (!m_running)
        return;
    if (usesGroup())
        groupTick();
    if (!m_running)
        return;
    readAssigned();
    schedulePoll();
}

void Consumer::readAssigned()
{
    std::vector<TopicPartition> readable;
    if (usesGroup()) {
        if (m_closing || m_fatalError)
            return;
        for (const TopicPartition &tp : m_assignment)
            if (!m_needsPosition.count(tp) && m_positions.count(tp))
                readable.push_back(tp);
    } else {
        const Topic *topic = m_cluster.topic(m_config.topic);
        if (!topic)
            return;
        for (std::int32_t p = 0; p < topic->partitionCount(); ++p)
            readable.push_back(TopicPartition{m_config.topic, PartitionId{p}});
    }
    auto budget = static_cast<std::size_t>(m_config.maxPollRecords);
    const auto n = static_cast<std::int32_t>(readable.size());
    for (std::int32_t i = 0; i < n && budget > 0; ++i)
        budget -= readPartition(readable[static_cast<std::size_t>((m_nextPartition + i) % n)], budget);
    m_nextPartition = n > 0 ? (m_nextPartition + 1) % n : 0;
}

std::size_t Consumer::readPartition(const TopicPartition &tp, std::size_t budget)
{
    const Topic *topic = m_cluster.topic(tp.topic);
    if (!topic || tp.partition.value() >= topic->partitionCount())
        return 0;
    const PartitionState &state = topic->state(tp.partition);
    if (!state.leader || !m_cluster.isAlive(*state.leader))
        return 0; // offline, or its leader just died: nothing to fetch from
    const PartitionLog &log = state.visibleLog();
    Offset &pos = m_positions[tp];
    if (pos.value() < log.logStartOffset())
        pos = Offset{log.logStartOffset()}; // the records were deleted: reset to the earliest
    // A consumer (read_uncommitted) sees only records below the high watermark.
    auto records = log.readRecords(pos.value(), budget);
    if (!records.isOk())
        return 0;
    auto &list = records.value();
    while (!list.empty() && list.back().offset.value() >= state.highWatermark())
        list.pop_back();
    if (list.empty())
        return 0;
    const Offset first = list.front().offset;
    const Offset last = list.back().offset;
    pos = last + 1;
    m_consumed += list.size();
    if (auto *obs = m_cluster.observer())
        obs->onRecordsConsumed(m_id, tp, first, last);
    return list.size();
}

} // namespace kafkascope
