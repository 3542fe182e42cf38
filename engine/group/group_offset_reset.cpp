#include "group_offset_reset.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace kafkascope {

const char *offsetResetKindName(OffsetResetKind kind)
{
    switch (kind) {
    case OffsetResetKind::ToEarliest: return "to-earliest";
    case OffsetResetKind::ToLatest: return "to-latest";
    case OffsetResetKind::ToOffset: return "to-offset";
    case OffsetResetKind::ShiftBy: return "shift-by";
    }
    return "unknown";
}

namespace {

// a + b, saturated at the int64 limits (a shift far out of range is clamped afterwards anyway).
std::int64_t saturatingAdd(std::int64_t a, std::int64_t b)
{
    if (b > 0 && a > std::numeric_limits<std::int64_t>::max() - b)
        return std::numeric_limits<std::int64_t>::max();
    if (b < 0 && a < std::numeric_limits<std::int64_t>::min() - b)
        return std::numeric_limits<std::int64_t>::min();
    return a + b;
}

} // namespace

Result<std::int64_t> offsetResetTarget(const TopicPartition &tp, const OffsetResetSpec &spec, std::int64_t logStart,
                                       std::int64_t latest, std::optional<std::int64_t> committed)
{
    assert(logStart <= latest);
    std::int64_t wanted = 0;
    switch (spec.kind) {
    case OffsetResetKind::ToEarliest: return logStart;
    case OffsetResetKind::ToLatest: return latest;
    case OffsetResetKind::ToOffset: wanted = spec.value; break;
    case OffsetResetKind::ShiftBy:
        if (!committed)
            return Status::invalidArgument("cannot shift the offset of " + tp.toString()
                                           + ": the group has no committed offset for it");
        wanted = saturatingAdd(*committed, spec.value);
        break;
    }
    // ConsumerGroupCommand.checkOffsetsRange: out-of-range offsets move to the nearer bound.
    return std::clamp(wanted, logStart, latest);
}

} // namespace kafkascope
