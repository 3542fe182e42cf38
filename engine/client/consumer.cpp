#include "consumer.h"

#include "cluster/cluster.h"

#include <algorithm>

#include <spdlog/spdlog.h>

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
        const PartitionState &state = topic->state(PartitionId{p});
        // auto.offset.reset: with no committed offset, start at the log start or, as Kafka's
        // ListOffsets(latest) answers a read_uncommitted consumer, the high watermark.
        if (m_config.autoOffsetReset == ConsumerConfig::AutoOffsetReset::None) {
            failWithoutOffset(TopicPartition{m_config.topic, PartitionId{p}}, "NoOffsetForPartitionException");
            return;
        }
        m_positions[TopicPartition{m_config.topic, PartitionId{p}}] =
            Offset{m_config.autoOffsetReset == ConsumerConfig::AutoOffsetReset::Earliest
                       ? state.visibleLog().logStartOffset()
                       : state.highWatermark()};
    }
    schedulePoll(m_config.pollInterval);
}

void Consumer::schedulePoll(SimDuration delay)
{
    m_nextPoll = m_cluster.now() + delay;
    m_cluster.scheduler().scheduleFor(Cluster::consumerNode(m_id), m_cluster.now() + delay, EventPriority::Timer, [this] { poll(); });
}

void Consumer::crash()
{
    m_running = false;
    // The records in hand die with the process, unprocessed, and so does the fetch buffer.
    m_processing.clear();
    m_fetchBuffer.clear();
    m_fetchesInFlight.clear();
}

void Consumer::failWithoutOffset(const TopicPartition &tp, const char *exception)
{
    m_applicationError = std::string(exception) + ": no valid offset for " + tp.toString()
        + " and auto.offset.reset is none";
    m_cluster.journalConsumer(JournalEventKind::ConsumerCrashed, *this, "(" + *m_applicationError + ")", tp);
    crash();
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
    // Return what earlier fetches brought, then fetch more (Kafka's poll pipelines the next
    // fetches before it returns).
    const std::size_t returned = m_closeRequested ? 0 : collectFetched();
    if (!m_closeRequested)
        sendFetches();
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

// --- Fetching: Kafka's Fetcher, FetchBuffer and FetchCollector (docs/GROUPS.md, "Fetching") ---

Status validateConsumerFetchConfig(const ConsumerConfig &config)
{
    // Kafka's ConsumerConfig: each of them is atLeast(0).
    if (config.fetchMinBytes < 0)
        return Status::invalidArgument("fetch.min.bytes must not be negative");
    if (config.fetchMaxWaitMs < 0)
        return Status::invalidArgument("fetch.max.wait.ms must not be negative");
    if (config.maxPartitionFetchBytes < 0)
        return Status::invalidArgument("max.partition.fetch.bytes must not be negative");
    if (config.fetchMaxBytes < 0)
        return Status::invalidArgument("fetch.max.bytes must not be negative");
    return Status::ok();
}

std::size_t Consumer::recordsBuffered() const
{
    std::size_t n = 0;
    for (const CompletedFetch &f : m_fetchBuffer)
        n += f.offsets.size() - f.next;
    return n;
}

bool Consumer::hasFetchPosition(const TopicPartition &tp) const
{
    if (!m_positions.count(tp))
        return false;
    if (usesGroup())
        return !m_closing && !m_fatalError && m_assignment.count(tp) && !m_needsPosition.count(tp);
    return tp.topic == m_config.topic;
}

std::vector<TopicPartition> Consumer::fetchablePartitions() const
{
    std::vector<TopicPartition> fetchable;
    if (usesGroup()) {
        for (const TopicPartition &tp : m_assignment)
            if (hasFetchPosition(tp) && !m_paused.count(tp))
                fetchable.push_back(tp);
    } else {
        const Topic *topic = m_cluster.topic(m_config.topic);
        if (!topic)
            return {};
        for (std::int32_t p = 0; p < topic->partitionCount(); ++p) {
            const TopicPartition tp{m_config.topic, PartitionId{p}};
            if (hasFetchPosition(tp) && !m_paused.count(tp))
                fetchable.push_back(tp);
        }
    }
    if (!fetchable.empty())
        std::rotate(fetchable.begin(), fetchable.begin() + (m_nextPartition % static_cast<std::int32_t>(fetchable.size())),
                    fetchable.end());
    return fetchable;
}

std::size_t Consumer::collectFetched()
{
    // Kafka's FetchCollector.collectFetch: drain the buffered answers in arrival order, up to
    // max.poll.records. Data for a partition no longer assigned, or whose position moved since
    // it was fetched (a seek, a reset), is dropped; a paused partition's data stays buffered,
    // not returned, until it is resumed (KAFKA-7548).
    std::size_t budget = static_cast<std::size_t>(m_config.maxPollRecords);
    std::deque<CompletedFetch> paused;
    while (budget > 0 && !m_fetchBuffer.empty()) {
        CompletedFetch &f = m_fetchBuffer.front();
        if (!hasFetchPosition(f.tp) || m_positions.at(f.tp).value() != f.nextOffset) {
            m_fetchBuffer.pop_front();
            continue;
        }
        if (m_paused.count(f.tp)) {
            paused.push_back(std::move(f));
            m_fetchBuffer.pop_front();
            continue;
        }
        const std::size_t n = std::min(budget, f.offsets.size() - f.next);
        const auto first = f.offsets.begin() + static_cast<std::ptrdiff_t>(f.next);
        const std::vector<std::int64_t> taken(first, first + static_cast<std::ptrdiff_t>(n));
        f.next += n;
        const bool drained = f.next == f.offsets.size();
        // Once all are returned, the position moves past the answer's last batch (offsets that
        // compaction emptied at its end included).
        const std::int64_t position = drained ? std::max(f.nextFetchOffset, taken.empty() ? f.nextOffset : taken.back() + 1)
                                              : taken.back() + 1;
        const TopicPartition tp = f.tp;
        const Offset from{f.nextOffset};
        f.nextOffset = position;
        budget -= n;
        if (drained)
            m_fetchBuffer.pop_front();
        deliverRecords(tp, from, taken, Offset{position});
    }
    for (CompletedFetch &f : paused)
        m_fetchBuffer.push_back(std::move(f));
    return static_cast<std::size_t>(m_config.maxPollRecords) - budget;
}
void Consumer::deliverRecords(const TopicPartition &tp, Offset from, const std::vector<std::int64_t> &offsets, Offset next)
{
    m_positions[tp] = next;
    if (usesGroup()) {
        // Truth accounting: where the group read from, and offsets compaction left empty.
        GroupDeliveryLedger &ledger = m_cluster.deliveryLedger(*m_config.groupId);
        if (!offsets.empty())
            ledger.noteReadFrom(tp, from);
        std::int64_t expected = from.value();
        for (const std::int64_t o : offsets) {
            ledger.noteNoRecord(tp, expected, o - 1);
            expected = o + 1;
        }
        ledger.noteNoRecord(tp, expected, next.value() - 1);
    }
    if (offsets.empty())
        return;
    m_consumed += offsets.size();
    if (auto *obs = m_cluster.observer())
        obs->onRecordsConsumed(m_id, tp, Offset{offsets.front()}, Offset{offsets.back()});
    enqueueForProcessing(tp, offsets);
}

void Consumer::sendFetches()
{
    // Kafka's AbstractFetch.prepareFetchRequests: the fetchable partitions without buffered
    // data, grouped by their leader (from the cluster's metadata), one request per leader
    // that has none in flight.
    std::set<TopicPartition> buffered;
    for (const CompletedFetch &f : m_fetchBuffer)
        buffered.insert(f.tp);
    std::map<BrokerId, ConsumerFetchRequest> requests;
    for (const TopicPartition &tp : fetchablePartitions()) {
        if (buffered.count(tp))
            continue;
        const Topic *topic = m_cluster.topic(tp.topic);
        if (!topic || tp.partition.value() >= topic->partitionCount())
            continue;
        const auto leader = topic->state(tp.partition).leader;
        if (!leader || !m_cluster.isAlive(*leader) || m_fetchesInFlight.count(*leader))
            continue; // offline: nothing to fetch from; or that broker is still answering
        requests[*leader].partitions.push_back(ConsumerFetchRequest::Partition{tp, m_positions.at(tp).value()});
    }
    m_nextPartition = (m_nextPartition + 1) & 0x3fffffff; // stays positive
    for (auto &[broker, request] : requests) {
        request.minBytes = m_config.fetchMinBytes;
        request.maxWaitMs = m_config.fetchMaxWaitMs;
        request.maxBytes = m_config.fetchMaxBytes;
        request.partitionMaxBytes = m_config.maxPartitionFetchBytes;
        const std::uint64_t id = ++m_lastFetchRequest;
        m_fetchesInFlight[broker] = id;
        ++m_fetchRequestsSent;
        const BrokerId to = broker;
        // request.timeout.ms: an unanswered fetch (lost on the network) is given up.
        m_cluster.scheduler().scheduleFor(Cluster::consumerNode(m_id), m_cluster.now() + SimDuration::millis(m_config.requestTimeoutMs), EventPriority::Timer,
                                            [this, to, id] {
                                                const auto it = m_fetchesInFlight.find(to);
                                                if (m_running && it != m_fetchesInFlight.end() && it->second == id)
                                                    m_fetchesInFlight.erase(it);
                                            });
        m_cluster.sendConsumerFetch(m_id, to, std::move(request),
                                    [this, to, id](const ConsumerFetchResponse &r) { onFetchResponse(to, id, r); });
    }
}

void Consumer::onFetchResponse(BrokerId broker, std::uint64_t request, const ConsumerFetchResponse &response)
{
    const auto it = m_fetchesInFlight.find(broker);
    if (!m_running || it == m_fetchesInFlight.end() || it->second != request)
        return;
    m_fetchesInFlight.erase(it);
    if (response.disconnected) {
        ++m_fetchesDisconnected;
        return; // the next poll fetches again, from the leaders the metadata names then
    }
    for (const ConsumerFetchResponse::Partition &p : response.partitions) {
        if (p.error != FetchError::None)
            ++m_fetchErrors[p.error];
        switch (p.error) {
        case FetchError::None:
            if (!p.offsets.empty() || p.nextFetchOffset > p.fetchOffset)
                m_fetchBuffer.push_back(CompletedFetch{p.tp, p.fetchOffset, p.offsets, 0, p.nextFetchOffset});
            break;
        case FetchError::OffsetOutOfRange:
            // Kafka resets by auto.offset.reset, unless the position moved since (a stale answer).
            if (hasFetchPosition(p.tp) && m_positions.at(p.tp).value() == p.fetchOffset) {
                if (m_config.autoOffsetReset == ConsumerConfig::AutoOffsetReset::None) {
                    failWithoutOffset(p.tp, "OffsetOutOfRangeException");
                    return;
                }
                if (const auto reset = resetOffset(p.tp)) {
                    spdlog::info("[{}] consumer {}: fetch offset {} is out of range for {}, resetting to {}",
                                 formatSimTime(m_cluster.now()), m_config.clientId, p.fetchOffset, p.tp.toString(),
                                 reset->value());
                    m_positions[p.tp] = *reset;
                }
            }
            break;
        case FetchError::NotLeaderOrFollower:
        case FetchError::UnknownTopicOrPartition:
            break; // the next poll asks the leader the metadata names then
        }
    }
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

void Consumer::setProcessingTimePerRecord(SimDuration perRecord)
{
    m_config.processingTimePerRecord = perRecord;
    if (m_config.processing != ConsumerConfig::Processing::HandOff)
        return; // the poll in hand keeps its schedule; its successor uses the new time
    // The worker's queue is contiguous from the record in progress (the first not done by now):
    // that one finishes as planned, the ones behind it are timed anew.
    const SimTime now = m_cluster.now();
    auto it = std::find_if(m_processing.begin(), m_processing.end(), [now](const PendingRecord &r) { return r.done > now; });
    if (it == m_processing.end())
        return;
    SimTime at = it->done;
    for (++it; it != m_processing.end(); ++it) {
        at = at + perRecord;
        it->done = at;
    }
}

void Consumer::armProcessing()
{
    if (m_processingArmed || m_processing.empty())
        return;
    m_processingArmed = true;
    m_cluster.scheduler().scheduleFor(Cluster::consumerNode(m_id), m_processing.front().done, EventPriority::Timer, [this] {
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
