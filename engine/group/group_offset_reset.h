#pragma once

#include "cluster/topic_partition.h"
#include "core/status.h"
#include "core/strong_types.h"

#include <cstdint>
#include <optional>
#include <string>

namespace kafkascope {

// Kafka's `kafka-consumer-groups --reset-offsets` (ConsumerGroupCommand): where a group's
// committed offsets go. Kafka allows it only while the group is inactive (Empty, or unknown to
// the coordinator); see Cluster::resetGroupOffsets and docs/GROUPS.md ("Resetting a group's
// offsets").
enum class OffsetResetKind {
    ToEarliest, // --to-earliest: the log start offset
    ToLatest,   // --to-latest: the high watermark (ListOffsets' latest for a read_uncommitted client)
    ToOffset,   // --to-offset N
    ShiftBy,    // --shift-by N (negative: back), from the committed offset
};

// Kafka's option name without the dashes ("to-earliest").
[[nodiscard]] const char *offsetResetKindName(OffsetResetKind kind);

struct OffsetResetSpec {
    OffsetResetKind kind = OffsetResetKind::ToEarliest;
    std::int64_t value = 0; // ToOffset: the offset; ShiftBy: the shift; ignored otherwise
};

// One reset: a group, which partitions (--topic T, --topic T:P, or --all-topics when `topic` is
// empty: every partition the group has a committed offset for) and where to.
struct GroupOffsetReset {
    std::string groupId;
    std::optional<std::string> topic;
    std::optional<PartitionId> partition; // with a topic only; nothing: all its partitions
    OffsetResetSpec spec;
};

// The new committed offset of `tp` (ConsumerGroupCommand's prepareOffsetsToReset followed by its
// checkOffsetsRange): to-offset and shift-by are clamped into [logStart, latest] (Kafka warns
// "New offset (X) is lower than earliest offset ..." / "... higher than latest offset ..." and
// uses the bound); shift-by needs a committed offset (Kafka refuses: "Cannot shift offset for
// partition T-P since there is no current committed offset"). Requires logStart <= latest.
[[nodiscard]] Result<std::int64_t> offsetResetTarget(const TopicPartition &tp, const OffsetResetSpec &spec,
                                                     std::int64_t logStart, std::int64_t latest,
                                                     std::optional<std::int64_t> committed);

} // namespace kafkascope
