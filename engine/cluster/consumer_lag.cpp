#include "consumer_lag.h"

#include <algorithm>
#include <cmath>

#include "cluster/cluster.h"
#include "group/group_coordinator.h"

namespace kafkascope {

namespace {

// The age of the record at `offset` (the first one at or after it that the leader's log still
// holds), or zero when there is none below the high watermark.
SimDuration recordAge(const Cluster &cluster, const PartitionState &state, std::int64_t offset)
{
    if (offset >= state.highWatermark())
        return SimDuration{};
    const auto records = state.visibleLog().readRecords(offset, 1);
    if (!records.isOk() || records.value().empty() || records.value().front().offset.value() >= state.highWatermark())
        return SimDuration{};
    const std::int64_t ageMs = cluster.clockMs() - records.value().front().timestampMs;
    return SimDuration::millis(std::max<std::int64_t>(0, ageMs));
}

std::optional<SimDuration> drainTime(std::int64_t lag, double rate)
{
    if (lag == 0)
        return SimDuration{};
    if (rate <= 0.0)
        return std::nullopt;
    return SimDuration::micros(static_cast<std::int64_t>(std::llround(static_cast<double>(lag) / rate * 1e6)));
}

} // namespace

std::optional<SimDuration> timeLagAt(const Cluster &cluster, const TopicPartition &tp, std::int64_t offset)
{
    const Topic *topic = cluster.topic(tp.topic);
    if (!topic || tp.partition.value() < 0 || tp.partition.value() >= topic->partitionCount())
        return std::nullopt;
    return recordAge(cluster, topic->state(tp.partition), offset);
}

GroupLagTotals totalLag(const std::map<TopicPartition, PartitionLag> &lags)
{
    GroupLagTotals t;
    for (const auto &[tp, lag] : lags) {
        t.committedLag += lag.committedLag.value_or(0);
        t.committedLagToLogEnd += lag.committedLagToLogEnd.value_or(0);
        t.maxCommittedTimeLag = std::max(t.maxCommittedTimeLag, lag.committedTimeLag.value_or(SimDuration{}));
        t.processingRate += lag.processingRate;
    }
    t.timeToDrain = drainTime(t.committedLag, t.processingRate);
    return t;
}

std::map<TopicPartition, PartitionLag> groupLag(const Cluster &cluster, const std::string &groupId)
{
    std::map<TopicPartition, PartitionLag> out;
    const auto snapshot = cluster.group(groupId);
    if (snapshot)
        for (const auto &[tp, committed] : snapshot->offsets)
            out[tp].committed = committed.offset.value();
    for (const auto &consumer : cluster.consumers()) {
        if (!consumer->isRunning() || consumer->config().groupId != groupId)
            continue;
        for (const auto &[tp, position] : consumer->positions()) {
            PartitionLag &lag = out[tp];
            if (!lag.position) // the first (lowest-numbered) member that holds it
                lag.position = position.value();
        }
    }
    const GroupDeliveryLedger *ledger = cluster.deliveryLedgerOf(groupId);
    for (auto it = out.begin(); it != out.end();) {
        const Topic *topic = cluster.topic(it->first.topic);
        if (!topic || it->first.partition.value() >= topic->partitionCount()) {
            it = out.erase(it);
            continue;
        }
        const PartitionState &state = topic->state(it->first.partition);
        PartitionLag &lag = it->second;
        lag.logEndOffset = state.visibleLog().logEndOffset();
        lag.highWatermark = state.highWatermark();
        if (lag.committed) {
            lag.committedLag = std::max<std::int64_t>(0, lag.highWatermark - *lag.committed);
            lag.committedLagToLogEnd = std::max<std::int64_t>(0, lag.logEndOffset - *lag.committed);
            lag.committedTimeLag = recordAge(cluster, state, *lag.committed);
        }
        if (lag.position) {
            lag.positionLag = std::max<std::int64_t>(0, lag.highWatermark - *lag.position);
            lag.positionTimeLag = recordAge(cluster, state, *lag.position);
        }
        lag.processingRate = ledger ? ledger->processingRate(it->first, cluster.now()) : 0.0;
        if (lag.committedLag)
            lag.timeToDrain = drainTime(*lag.committedLag, lag.processingRate);
        ++it;
    }
    return out;
}

} // namespace kafkascope
