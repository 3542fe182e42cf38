#include "record_accumulator.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <utility>

namespace kafkascope {

namespace {

#ifndef NDEBUG
// Invariants of one partition's queue after an append: not empty, only the newest batch may be
// open, creation order, and the newest batch's size equals the header plus its records (older
// batches were checked when they were the newest).
bool queueIsConsistent(const std::deque<ProducerBatch> &queue)
{
    if (queue.empty())
        return false;
    const ProducerBatch &newest = queue.back();
    if (queue.size() > 1) {
        const ProducerBatch &previous = queue[queue.size() - 2];
        if (!previous.isClosed() || previous.batchSequence >= newest.batchSequence)
            return false;
    }
    std::size_t bytes = RecordAccumulator::kBatchOverheadBytes;
    for (const auto &r : newest.records)
        bytes += r.record.sizeInBytes();
    return !newest.records.empty() && bytes == newest.sizeInBytes;
}
#endif

// For std::lower_bound over a topic's queues, by partition.
constexpr auto partitionBelow = [](const auto *queue, PartitionId partition) {
    return queue->tp.partition < partition;
};

} // namespace

Result<RecordAccumulator> RecordAccumulator::create(AccumulatorConfig config)
{
    if (config.linger < SimDuration{})
        return Status::invalidArgument("linger must be >= 0 (got " + std::to_string(config.linger.micros()) + " us)");
    return RecordAccumulator{config};
}

SimTime RecordAccumulator::lingerExpiry(const ProducerBatch &batch) const
{
    // Held at the end of simTime rather than overflowing for a huge linger.
    const std::int64_t created = batch.createdAt.micros();
    const std::int64_t linger = m_config.linger.micros();
    if (created > std::numeric_limits<std::int64_t>::max() - linger)
        return SimTime::fromMicros(std::numeric_limits<std::int64_t>::max());
    return batch.createdAt + m_config.linger;
}

SimTime RecordAccumulator::sendableAt(const ProducerBatch &batch) const
{
    // A put-back batch waits for its backoff (Kafka: backingOff wins over full and linger).
    if (batch.retryAt)
        return *batch.retryAt;
    const SimTime linger = lingerExpiry(batch);
    return batch.closedAt ? std::min(linger, *batch.closedAt) : linger;
}

bool RecordAccumulator::isSendable(const ProducerBatch &batch, SimTime now) const
{
    // Kafka: sendable = (full || waitedTimeMs >= lingerMs || flushing) && !backingOff; flushing
    // closes batches here.
    if (batch.retryAt)
        return now >= *batch.retryAt;
    return batch.isClosed() || now >= lingerExpiry(batch);
}

ProducerBatch &RecordAccumulator::startBatch(std::deque<ProducerBatch> &queue, const TopicPartition &tp,
                                             SimTime now)
{
    ProducerBatch &batch = queue.emplace_back();
    batch.topicPartition = tp;
    batch.batchSequence = m_nextBatchSequence++;
    batch.createdAt = now;
    batch.sizeInBytes = kBatchOverheadBytes;
    noteHeld(now);
    return batch;
}

const RecordAccumulator::TopicQueues *RecordAccumulator::topicOf(const std::string &name) const
{
    if (m_lastTopic && m_lastTopic->first == name)
        return &m_lastTopic->second;
    const auto it = m_topics.find(name);
    return it == m_topics.end() ? nullptr : &it->second;
}

RecordAccumulator::PartitionQueue *RecordAccumulator::queueOf(const TopicPartition &tp) const
{
    const TopicQueues *topic = topicOf(tp.topic);
    if (!topic)
        return nullptr;
    // A negative partition becomes a huge index: found nowhere, as in a map.
    const auto p = static_cast<std::size_t>(tp.partition.value());
    return p < topic->byPartition.size() ? topic->byPartition[p].get() : nullptr;
}

std::deque<ProducerBatch> &RecordAccumulator::queueFor(const TopicPartition &tp)
{
    assert(tp.partition.value() >= 0);
    if (!m_lastTopic || m_lastTopic->first != tp.topic)
        m_lastTopic = &*m_topics.try_emplace(tp.topic).first;
    TopicQueues &topic = m_lastTopic->second;
    const auto p = static_cast<std::size_t>(tp.partition.value());
    if (p >= topic.byPartition.size())
        topic.byPartition.resize(p + 1);
    std::unique_ptr<PartitionQueue> &queue = topic.byPartition[p];
    if (!queue) {
        if (m_spareQueues.empty()) {
            queue = std::make_unique<PartitionQueue>();
        } else {
            queue = std::move(m_spareQueues.back());
            m_spareQueues.pop_back();
        }
        queue->tp = tp;
        queue->topic = &topic;
        const auto at = std::lower_bound(topic.holding.begin(), topic.holding.end(), tp.partition, partitionBelow);
        topic.holding.insert(at, queue.get());
        ++m_partitionsHolding;
    }
    return queue->batches;
}

void RecordAccumulator::releaseQueue(PartitionQueue &queue)
{
    assert(queue.batches.empty());
    TopicQueues &topic = *queue.topic;
    const auto at = std::lower_bound(topic.holding.begin(), topic.holding.end(), queue.tp.partition, partitionBelow);
    assert(at != topic.holding.end() && *at == &queue);
    topic.holding.erase(at);
    --m_partitionsHolding;
    m_spareQueues.push_back(std::move(topic.byPartition[static_cast<std::size_t>(queue.tp.partition.value())]));
}

void RecordAccumulator::releaseEmptyQueues(TopicQueues &topic)
{
    std::erase_if(topic.holding, [&](PartitionQueue *queue) {
        if (!queue->batches.empty())
            return false;
        --m_partitionsHolding;
        m_spareQueues.push_back(std::move(topic.byPartition[static_cast<std::size_t>(queue->tp.partition.value())]));
        return true;
    });
}

RecordAccumulator::AppendResult RecordAccumulator::append(const TopicPartition &tp, Record record, SimTime now)
{
    AppendResult result;
    result.sendSequence = m_nextSendSequence++;
    const std::size_t recordBytes = record.sizeInBytes();

    auto &queue = queueFor(tp);
    ProducerBatch *batch = queue.empty() || queue.back().isClosed() ? nullptr : &queue.back();
    if (batch && batch->sizeInBytes + recordBytes > m_config.batchSizeBytes) {
        // Kafka's tryAppend found no room: the open batch closes for appends and waits to be sent.
        batch->closedAt = now;
        batch = nullptr;
    }
    if (!batch) {
        // A new batch always takes its first record, however large (Kafka allocates
        // max(batch.size, the record's size) for it).
        batch = &startBatch(queue, tp, now);
        result.newBatchCreated = true;
    }
    batch->sizeInBytes += recordBytes;
    batch->records.push_back(BatchedRecord{std::move(record), result.sendSequence, now});
    // Full (Kafka's isFull: no byte left under batch.size), including an oversized record alone.
    if (batch->sizeInBytes >= m_config.batchSizeBytes)
        batch->closedAt = now;

    result.batchFull = queue.size() > 1 || queue.back().isClosed();
    assert(queueIsConsistent(queue));
    return result;
}

void RecordAccumulator::flush(SimTime now)
{
    for (auto &[name, topic] : m_topics)
        for (PartitionQueue *queue : topic.holding)
            if (!queue->batches.back().isClosed())
                queue->batches.back().closedAt = now;
}

std::vector<ProducerBatch> RecordAccumulator::ready(SimTime now)
{
    std::vector<ProducerBatch> out;
    for (auto &[name, topic] : m_topics) {
        for (PartitionQueue *queue : topic.holding) {
            auto &batches = queue->batches;
            while (!batches.empty() && isSendable(batches.front(), now)) {
                if (!batches.front().isClosed())
                    batches.front().closedAt = now;
                out.push_back(std::move(batches.front()));
                batches.pop_front();
                m_oldestKnown = false;
            }
        }
        releaseEmptyQueues(topic);
    }
    return out;
}

std::vector<TopicPartition> RecordAccumulator::readyPartitions(SimTime now) const
{
    std::vector<TopicPartition> out;
    forEachFront([&](const TopicPartition &tp, const ProducerBatch &front) {
        if (isSendable(front, now))
            out.push_back(tp);
    });
    return out;
}

std::optional<ProducerBatch> RecordAccumulator::drain(const TopicPartition &tp, SimTime now)
{
    PartitionQueue *queue = queueOf(tp);
    if (!queue || !isSendable(queue->batches.front(), now))
        return std::nullopt;
    ProducerBatch batch = std::move(queue->batches.front());
    queue->batches.pop_front();
    m_oldestKnown = false;
    if (queue->batches.empty())
        releaseQueue(*queue);
    if (!batch.isClosed())
        batch.closedAt = now;
    return batch;
}

std::optional<SimTime> RecordAccumulator::nextReadyTime() const
{
    // A queue's oldest batch is sendable first: it was created first, and closed first if closed.
    // (A put-back batch is at the front, and the only kind of batch that waits for a backoff.)
    std::optional<SimTime> earliest;
    forEachFront([&](const TopicPartition &, const ProducerBatch &front) {
        const SimTime at = sendableAt(front);
        if (!earliest || at < *earliest)
            earliest = at;
    });
    return earliest;
}

std::vector<TopicPartition> RecordAccumulator::partitions() const
{
    std::vector<TopicPartition> out;
    out.reserve(m_partitionsHolding);
    forEachFront([&](const TopicPartition &tp, const ProducerBatch &) { out.push_back(tp); });
    return out;
}

const ProducerBatch *RecordAccumulator::front(const TopicPartition &tp) const
{
    const PartitionQueue *queue = queueOf(tp);
    return queue ? &queue->batches.front() : nullptr;
}

std::optional<SimTime> RecordAccumulator::readyTime(const TopicPartition &tp) const
{
    const ProducerBatch *batch = front(tp);
    if (!batch)
        return std::nullopt;
    return sendableAt(*batch);
}

std::optional<ProducerBatch> RecordAccumulator::drainFront(const TopicPartition &tp, SimTime now)
{
    PartitionQueue *queue = queueOf(tp);
    if (!queue)
        return std::nullopt;
    const ProducerBatch &first = queue->batches.front();
    if (first.retryAt && now < *first.retryAt)
        return std::nullopt; // still backing off
    ProducerBatch batch = std::move(queue->batches.front());
    queue->batches.pop_front();
    m_oldestKnown = false;
    if (queue->batches.empty())
        releaseQueue(*queue);
    if (!batch.isClosed())
        batch.closedAt = now;
    return batch;
}

bool RecordAccumulator::startsNewBatch(const TopicPartition &tp, std::size_t recordBytes) const
{
    // The same test append() makes: only an open batch with room takes the record.
    const PartitionQueue *queue = queueOf(tp);
    if (!queue || queue->batches.back().isClosed())
        return true;
    return queue->batches.back().sizeInBytes + recordBytes > m_config.batchSizeBytes;
}

void RecordAccumulator::forEachQueued(const TopicPartition &tp, const std::function<void(ProducerBatch &)> &visit)
{
    PartitionQueue *queue = queueOf(tp);
    if (!queue)
        return;
    m_oldestKnown = false; // `visit` may change the batches
    for (ProducerBatch &batch : queue->batches)
        visit(batch);
}

void RecordAccumulator::reenqueue(ProducerBatch batch)
{
    assert(batch.isClosed());
    auto &queue = queueFor(batch.topicPartition);
    auto at = queue.begin();
    if (batch.baseSequence >= 0) {
        // Kafka's insertInSequenceOrder: after the front batches that carry a smaller sequence.
        while (at != queue.end() && at->baseSequence >= 0 && at->baseSequence < batch.baseSequence)
            ++at;
    }
    noteHeld(batch.createdAt);
    queue.insert(at, std::move(batch));
}

std::vector<ProducerBatch> RecordAccumulator::expire(SimTime now, SimDuration deliveryTimeout)
{
    // Kafka's expiredBatches: per partition from the front, stopping at the first batch that has
    // not reached delivery.timeout.ms (deliveryTimeout <= now - createdAt).
    std::vector<ProducerBatch> out;
    for (auto &[name, topic] : m_topics) {
        for (PartitionQueue *queue : topic.holding) {
            auto &batches = queue->batches;
            while (!batches.empty() && now - batches.front().createdAt >= deliveryTimeout) {
                if (!batches.front().isClosed())
                    batches.front().closedAt = now;
                out.push_back(std::move(batches.front()));
                batches.pop_front();
                m_oldestKnown = false;
            }
        }
        releaseEmptyQueues(topic);
    }
    return out;
}

void RecordAccumulator::noteHeld(SimTime createdAt)
{
    if (m_oldestKnown && (!m_oldest || createdAt < *m_oldest))
        m_oldest = createdAt;
}

std::optional<SimTime> RecordAccumulator::oldestCreation() const
{
    if (m_oldestKnown)
        return m_oldest;
    std::optional<SimTime> oldest;
    for (const auto &[name, topic] : m_topics)
        for (const PartitionQueue *queue : topic.holding)
            for (const ProducerBatch &b : queue->batches)
                if (!oldest || b.createdAt < *oldest)
                    oldest = b.createdAt;
    m_oldest = oldest;
    m_oldestKnown = true;
    return oldest;
}

std::size_t RecordAccumulator::batchCount() const
{
    std::size_t n = 0;
    for (const auto &[name, topic] : m_topics)
        for (const PartitionQueue *queue : topic.holding)
            n += queue->batches.size();
    return n;
}

} // namespace kafkascope
