#pragma once

#include "core/status.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kafkascope {

// A replica's leader epoch history (Kafka's LeaderEpochFileCache, file
// `leader-epoch-checkpoint` in the partition directory): for each leader epoch, the first offset
// written in it. Followers use it to find where their log diverged from a new leader's
// (KAFKA-REFERENCE.md §2).
class LeaderEpochCache {
public:
    struct Entry {
        std::int32_t epoch = 0;
        std::int64_t startOffset = 0;
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    [[nodiscard]] const std::vector<Entry> &entries() const { return m_entries; }
    [[nodiscard]] std::optional<std::int32_t> latestEpoch() const
    {
        return m_entries.empty() ? std::nullopt : std::optional<std::int32_t>(m_entries.back().epoch);
    }

    // Records that `epoch` starts at `startOffset`. Ignored unless the epoch is newer than the
    // latest (a repeated assign of the latest epoch is a no-op); entries that would no longer
    // be increasing in start offset are removed first, as Kafka's assign does.
    void assign(std::int32_t epoch, std::int64_t startOffset);

    // Kafka's endOffsetFor: for `requestedEpoch`, the (epoch, end offset) the leader answers:
    // the largest epoch <= requested and the start offset of the next higher epoch (or
    // `logEndOffset` when it is the latest). (-1, -1) when the requested epoch is older than
    // every entry (UNDEFINED).
    [[nodiscard]] std::pair<std::int32_t, std::int64_t> endOffsetFor(std::int32_t requestedEpoch,
                                                                     std::int64_t logEndOffset) const;

    // After the log was truncated to `offset`: entries starting at or after it go.
    void truncateFromEnd(std::int64_t offset);
    // After the log start moved to `offset`: the entry holding it starts there, older ones go.
    void truncateFromStart(std::int64_t offset);

    // Kafka's checkpoint text: "0\n<count>\n<epoch> <startOffset>\n…".
    [[nodiscard]] std::string serialize() const;
    static Result<LeaderEpochCache> parse(std::string_view text);

private:
    std::vector<Entry> m_entries;
};

// Where a follower must truncate its log when it starts following a leader (KIP-101/279):
// the leader answered endOffsetFor(the follower's latest epoch) = (leaderEpoch, leaderEndOffset).
// The follower truncates to min(its log end, leaderEndOffset); if the leader's epoch is older
// than the follower's and the follower knows that epoch too, to min(its own end offset for that
// epoch, leaderEndOffset). With no answer (UNDEFINED), to the follower's high watermark.
std::int64_t followerTruncationOffset(const LeaderEpochCache &followerCache, std::int64_t followerLogEnd,
                                      std::int64_t followerHighWatermark, std::int32_t leaderEpoch,
                                      std::int64_t leaderEndOffset);

} // namespace kafkascope
