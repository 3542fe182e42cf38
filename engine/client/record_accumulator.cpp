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

bool RecordAccumulator::isSendable(const ProducerBatch &batch, SimTime now) const
{
    // Kafka: sendable = full || waitedTimeMs >= lingerMs || flushing; flushing closes batches here.
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
    std::optional<SimTime> earliest;
    for (const auto &[tp, queue] : m_batches) {
        const ProducerBatch &front = queue.front();
        SimTime at = lingerExpiry(front);
        if (front.closedAt)
            at = std::min(at, *front.closedAt);
        if (!earliest || at < *earliest)
            earliest = at;
    }
    return earliest;
}

std::size_t RecordAccumulator::batchCount() const
{
    std::size_t n = 0;
    for (const auto &[tp, queue] : m_batches)
        n += queue.size();
    return n;
}

} // namespace kafkascope
