#pragma once

#include "cluster/topic_partition.h"
#include "core/sim_time.h"
#include "core/strong_types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace kafkascope {

class Cluster;

// How far a consumer group is behind on one partition, in records and in time, and how long it
// would take to catch up (what kafka-consumer-groups --describe, Burrow and kafka-lag-exporter
// show). See docs/REPORT.md ("Lag").
struct PartitionLag {
    std::int64_t logEndOffset = 0;
    std::int64_t highWatermark = 0;
    // The group's committed offset (the coordinator's; nothing when none is committed or no live
    // coordinator serves the group) and the position of the running member that holds the
    // partition (nothing when none does).
    std::optional<std::int64_t> committed;
    std::optional<std::int64_t> position;
    // Records: high watermark - committed, log end offset - committed, high watermark - position
    // (never negative; nothing without a committed offset / a position).
    std::optional<std::int64_t> committedLag;
    std::optional<std::int64_t> committedLagToLogEnd;
    std::optional<std::int64_t> positionLag;
    // Time: how old the first record not yet committed (not yet fetched) is: the cluster's clock
    // minus that record's timestamp; zero when caught up (nothing below the high watermark is
    // left), nothing without a committed offset (position).
    std::optional<SimDuration> committedTimeLag;
    std::optional<SimDuration> positionTimeLag;
    // Records of this partition the group processed per second over the last
    // GroupDeliveryLedger::kRateWindow.
    double processingRate = 0.0;
    // committedLag / processingRate: zero when there is no lag, nothing ("never") when there is
    // lag but the group processes nothing. New records arriving meanwhile are not counted.
    std::optional<SimDuration> timeToDrain;
};

// The age of the first record at or after `offset` below the partition's high watermark (the
// cluster's clock minus its timestamp), zero when there is none; nothing if the partition does
// not exist.
[[nodiscard]] std::optional<SimDuration> timeLagAt(const Cluster &cluster, const TopicPartition &tp, std::int64_t offset);

// Over all partitions of a group: the sums of the record lags and of the rates, the largest time
// lag, and the total lag over the total rate (zero without lag, nothing when the group processes
// nothing while it lags).
struct GroupLagTotals {
    std::int64_t committedLag = 0;
    std::int64_t committedLagToLogEnd = 0;
    SimDuration maxCommittedTimeLag;
    double processingRate = 0.0;
    std::optional<SimDuration> timeToDrain;
};
[[nodiscard]] GroupLagTotals totalLag(const std::map<TopicPartition, PartitionLag> &lags);

// The lag of `groupId` on every partition it has a committed offset for or a running member
// holds, by partition. Partitions of topics that no longer exist are left out.
[[nodiscard]] std::map<TopicPartition, PartitionLag> groupLag(const Cluster &cluster, const std::string &groupId);

} // namespace kafkascope
