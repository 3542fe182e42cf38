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
    ProducerBatch batch;
    batch.topicPartition = tp;
    batch.batchSequence = m_nextBatchSequence++;
    batch.createdAt = now;
    batch.sizeInBytes = kBatchOverheadBytes;
    queue.push_back(std::move(batch));
    return queue.back();
}

RecordAccumulator::AppendResult RecordAccumulator::append(const TopicPartition &tp, Record record, SimTime now)
{
    AppendResult result;
    result.sendSequence = m_nextSendSequence++;
    const std::size_t recordBytes = record.sizeInBytes();

    auto &queue = m_batches[tp];
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
    for (auto &[tp, queue] : m_batches)
        if (!queue.back().isClosed())
            queue.back().closedAt = now;
}

std::vector<ProducerBatch> RecordAccumulator::ready(SimTime now)
{
    std::vector<ProducerBatch> out;
    for (auto it = m_batches.begin(); it != m_batches.end();) {
        auto &queue = it->second;
        while (!queue.empty() && isSendable(queue.front(), now)) {
            if (!queue.front().isClosed())
                queue.front().closedAt = now;
            out.push_back(std::move(queue.front()));
            queue.pop_front();
        }
        it = queue.empty() ? m_batches.erase(it) : std::next(it);
    }
    return out;
}

std::vector<TopicPartition> RecordAccumulator::readyPartitions(SimTime now) const
{
    std::vector<TopicPartition> out;
    for (const auto &[tp, queue] : m_batches)
        if (isSendable(queue.front(), now))
            out.push_back(tp);
    return out;
}

std::optional<ProducerBatch> RecordAccumulator::drain(const TopicPartition &tp, SimTime now)
{
    const auto it = m_batches.find(tp);
    if (it == m_batches.end() || !isSendable(it->second.front(), now))
        return std::nullopt;
    ProducerBatch batch = std::move(it->second.front());
    it->second.pop_front();
    if (it->second.empty())
        m_batches.erase(it);
    if (!batch.isClosed())
        batch.closedAt = now;
    return batch;
}

std::optional<SimTime> RecordAccumulator::nextReadyTime() const
{
    // A queue's oldest batch is sendable first: it was created first, and closed first if closed.
    // (A put-back batch is at the front, and the only kind of batch that waits for a backoff.)
    std::optional<SimTime> earliest;
    for (const auto &[tp, queue] : m_batches) {
        const SimTime at = sendableAt(queue.front());
        if (!earliest || at < *earliest)
            earliest = at;
    }
    return earliest;
}

std::vector<TopicPartition> RecordAccumulator::partitions() const
{
    std::vector<TopicPartition> out;
    out.reserve(m_batches.size());
    for (const auto &[tp, queue] : m_batches)
        out.push_back(tp);
    return out;
}

const ProducerBatch *RecordAccumulator::front(const TopicPartition &tp) const
{
    const auto it = m_batches.find(tp);
    return it == m_batches.end() ? nullptr : &it->second.front();
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
    const auto it = m_batches.find(tp);
    if (it == m_batches.end())
        return std::nullopt;
    const ProducerBatch &first = it->second.front();
    if (first.retryAt && now < *first.retryAt)
        return std::nullopt; // still backing off
    ProducerBatch batch = std::move(it->second.front());
    it->second.pop_front();
    if (it->second.empty())
        m_batches.erase(it);
    if (!batch.isClosed())
        batch.closedAt = now;
    return batch;
}

bool RecordAccumulator::startsNewBatch(const TopicPartition &tp, std::size_t recordBytes) const
{
    // The same test append() makes: only an open batch with room takes the record.
    const auto it = m_batches.find(tp);
    if (it == m_batches.end() || it->second.back().isClosed())
        return true;
    return it->second.back().sizeInBytes + recordBytes > m_config.batchSizeBytes;
}

void RecordAccumulator::forEachQueued(const TopicPartition &tp, const std::function<void(ProducerBatch &)> &visit)
{
    const auto it = m_batches.find(tp);
    if (it == m_batches.end())
        return;
    for (ProducerBatch &batch : it->second)
        visit(batch);
}

void RecordAccumulator::reenqueue(ProducerBatch batch)
{
    assert(batch.isClosed());
    auto &queue = m_batches[batch.topicPartition];
    auto at = queue.begin();
    if (batch.baseSequence >= 0) {
        // Kafka's insertInSequenceOrder: after the front batches that carry a smaller sequence.
        while (at != queue.end() && at->baseSequence >= 0 && at->baseSequence < batch.baseSequence)
            ++at;
    }
    queue.insert(at, std::move(batch));
}

std::vector<ProducerBatch> RecordAccumulator::expire(SimTime now, SimDuration deliveryTimeout)
{
    // Kafka's expiredBatches: per partition from the front, stopping at the first batch that has
    // not reached delivery.timeout.ms (deliveryTimeout <= now - createdAt).
    std::vector<ProducerBatch> out;
    for (auto it = m_batches.begin(); it != m_batches.end();) {
        auto &queue = it->second;
        while (!queue.empty() && now - queue.front().createdAt >= deliveryTimeout) {
            if (!queue.front().isClosed())
                queue.front().closedAt = now;
            out.push_back(std::move(queue.front()));
            queue.pop_front();
        }
        it = queue.empty() ? m_batches.erase(it) : std::next(it);
    }
    return out;
}

std::optional<SimTime> RecordAccumulator::oldestCreation() const
{
    std::optional<SimTime> oldest;
    for (const auto &[tp, queue] : m_batches)
        for (const ProducerBatch &b : queue)
            if (!oldest || b.createdAt < *oldest)
                oldest = b.createdAt;
    return oldest;
}

std::size_t RecordAccumulator::batchCount() const
{
    std::size_t n = 0;
    for (const auto &[tp, queue] : m_batches)
        n += queue.size();
    return n;
}

} // namespace kafkascope
