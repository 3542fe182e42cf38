#include "consumer.h"

#include "cluster/cluster.h"

#include <algorithm>

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
        schedulePoll(m_config.pollInterval);
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
    schedulePoll(m_config.pollInterval);
}

void Consumer::schedulePoll(SimDuration delay)
{
    m_nextPoll = m_cluster.now() + delay;
    m_cluster.scheduler().scheduleAfter(delay, EventPriority::Timer, [this] { poll(); });
}

void Consumer::crash()
{
    m_running = false;
    // The records in hand die with the process, unprocessed.
    m_processing.clear();
}

void Consumer::poll()
{
    if (!m_running)
        return;
    // The application calls poll() once it is done with the previous poll's records (in the poll
    // loop); records handed off to a worker may still be in processing.
    settleProcessing();
    if (!m_running)
        return;
    if (m_pollWaitsForCommit)
        return; // a commitSync is in flight: resumePollAfterCommit polls
    if (usesGroup() && !m_config.enableAutoCommit && !m_closing
        && m_config.manualCommit != ConsumerConfig::ManualCommit::None && m_state == ConsumerGroupState::Stable) {
        // The application commits what it processed (in the poll loop: all the previous poll's
        // records; handed off: what the worker has finished).
        // Once per poll: a commit that failed is not retried before the next one.
        if (m_manualCommitPoll != m_pollNumber) {
            m_manualCommitPoll = m_pollNumber;
            if (commitProcessed(m_assignment)
                && m_config.manualCommit == ConsumerConfig::ManualCommit::SyncAfterProcessing) {
                m_pollWaitsForCommit = true;
                // Blocked in commitSync (at most request.timeout.ms): the heartbeat thread runs.
                m_nextPoll = m_cluster.now() + SimDuration::millis(m_config.requestTimeoutMs);
                armHeartbeatThread(m_nextPoll);
                return;
            }
        }
    }
    m_lastPoll = m_cluster.now();
    ++m_pollNumber;
    if (usesGroup())
        groupTick();
    if (!m_running)
        return;
    const std::size_t returned = m_closeRequested ? 0 : readAssigned();
    SimDuration delay = m_config.pollInterval;
    if (m_config.processing == ConsumerConfig::Processing::InPollLoop) {
        const SimDuration busy = m_config.processingTimePerRecord * static_cast<std::int64_t>(returned);
        if (busy > delay)
            delay = busy;
    }
    schedulePoll(delay);
    // Polls on schedule do the coordinator's work themselves; a loop busy processing needs the
    // heartbeat thread.
    if (usesGroup() && delay > m_config.pollInterval)
        armHeartbeatThread(m_nextPoll);
}

std::size_t Consumer::readAssigned()
{
    std::vector<TopicPartition> readable;
    if (usesGroup()) {
        if (m_closing || m_fatalError)
            return 0;
        for (const TopicPartition &tp : m_assignment)
            if (!m_needsPosition.count(tp) && m_positions.count(tp) && !m_paused.count(tp))
                readable.push_back(tp);
    } else {
        const Topic *topic = m_cluster.topic(m_config.topic);
        if (!topic)
            return 0;
        for (std::int32_t p = 0; p < topic->partitionCount(); ++p)
            if (!m_paused.count(TopicPartition{m_config.topic, PartitionId{p}}))
                readable.push_back(TopicPartition{m_config.topic, PartitionId{p}});
    }
    const auto maxRecords = static_cast<std::size_t>(m_config.maxPollRecords);
    std::size_t budget = maxRecords;
    const auto n = static_cast<std::int32_t>(readable.size());
    for (std::int32_t i = 0; i < n && budget > 0; ++i)
        budget -= readPartition(readable[static_cast<std::size_t>((m_nextPartition + i) % n)], budget);
    m_nextPartition = n > 0 ? (m_nextPartition + 1) % n : 0;
    return maxRecords - budget;
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
    const Offset from = pos;
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
    std::vector<std::int64_t> offsets;
    offsets.reserve(list.size());
    for (const Record &r : list)
        offsets.push_back(r.offset.value());
    if (usesGroup()) {
        // Truth accounting: where the group read from, and offsets compaction left empty.
        GroupDeliveryLedger &ledger = m_cluster.deliveryLedger(*m_config.groupId);
        ledger.noteReadFrom(tp, from);
        std::int64_t expected = from.value();
        for (const std::int64_t o : offsets) {
            ledger.noteNoRecord(tp, expected, o - 1);
            expected = o + 1;
        }
    }
    if (auto *obs = m_cluster.observer())
        obs->onRecordsConsumed(m_id, tp, first, last);
    enqueueForProcessing(tp, offsets);
    return list.size();
}

void Consumer::enqueueForProcessing(const TopicPartition &tp, const std::vector<std::int64_t> &offsets)
{
    if (offsets.empty())
        return;
    const SimDuration each = m_config.processingTimePerRecord;
    if (each <= SimDuration{} && m_processing.empty()) {
        // Instant processing: the records are processed as they are returned, in contiguous runs.
        std::size_t runStart = 0;
        for (std::size_t i = 1; i <= offsets.size(); ++i) {
            if (i == offsets.size() || offsets[i] != offsets[i - 1] + 1) {
                noteProcessed(tp, offsets[runStart], offsets[i - 1]);
                runStart = i;
            }
        }
        return;
    }
    // One record at a time, in the order returned, after whatever the application still holds.
    SimTime at = m_processing.empty() ? m_cluster.now() : std::max(m_cluster.now(), m_processing.back().done);
    for (const std::int64_t o : offsets) {
        at = at + each;
        m_processing.push_back(PendingRecord{tp, o, at});
    }
    armProcessing();
}

void Consumer::armProcessing()
{
    if (m_processingArmed || m_processing.empty())
        return;
    m_processingArmed = true;
    m_cluster.scheduler().schedule(m_processing.front().done, EventPriority::Timer, [this] {
        m_processingArmed = false;
        if (!m_running)
            return;
        settleProcessing();
        armProcessing();
    });
}

void Consumer::settleProcessing()
{
    const SimTime now = m_cluster.now();
    while (!m_processing.empty() && m_processing.front().done <= now) {
        const PendingRecord r = m_processing.front();
        m_processing.pop_front();
        noteProcessed(r.tp, r.offset, r.offset);
    }
    if (m_processing.empty() && m_closeRequested) {
        m_closeRequested = false;
        closeNow();
    }
}

void Consumer::noteProcessed(const TopicPartition &tp, std::int64_t first, std::int64_t last)
{
    m_processed += static_cast<std::uint64_t>(last - first + 1);
    // What the application's own commits cover: records of partitions it still holds.
    if (!usesGroup() || m_assignment.count(tp))
        m_processedPositions[tp] = Offset{last + 1};
    if (usesGroup())
        m_cluster.deliveryLedger(*m_config.groupId).noteProcessed(tp, first, last, m_cluster.now());
    if (auto *obs = m_cluster.observer())
        obs->onRecordsProcessed(m_id, tp, Offset{first}, Offset{last});
}

} // namespace kafkascope
