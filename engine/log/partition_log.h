#pragma once

#include "core/status.h"
#include "log/log_config.h"
#include "log/log_segment.h"
#include "log/log_store.h"
#include "log/record_batch.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kafkascope {

// What an append did.
struct AppendInfo {
    std::int64_t firstOffset = 0;
    std::int64_t lastOffset = 0;
    std::size_t batchBytes = 0;
};

// Whole batches read from a log, as a fetch returns them.
struct FetchInfo {
    std::string records;               // zero or more whole batches, back to back
    std::int64_t nextFetchOffset = 0;  // one past the last offset returned
};

// The answer to ListOffsets for a timestamp.
struct TimestampAndOffset {
    std::int64_t timestamp = -1;
    std::int64_t offset = -1;
};

// What opening a log found (recovery), for the user to see.
struct LogOpenReport {
    std::vector<std::string> messages; // each names the file (and byte position) it speaks of
    bool truncated = false;            // bytes or segments were cut away (writable) or ignored (read-only)
};

// What a compaction did.
struct CleanStats {
    bool ran = false;
    double dirtyRatio = 0.0;
    std::int64_t recordsRead = 0;
    std::int64_t recordsRetained = 0;
    std::int64_t tombstonesRemoved = 0;
    std::int64_t firstDirtyOffset = 0;
    std::int64_t firstUncleanableOffset = 0;
};

// A partition's log (Kafka's UnifiedLog/LocalLog): segments in offset order, the last one
// active. Offsets are assigned densely on append; reads return whole batches; retention and
// compaction follow Kafka's rules (see each method). Time is injected: every call that needs
// "now" takes it, in milliseconds.
//
// Not thread-safe.
class PartitionLog {
public:
    // Opens (recovering) the log in `store`, or creates an empty one. A read-only store is
    // never written: damage is reported and the log ends before it.
    static Result<std::unique_ptr<PartitionLog>> open(std::unique_ptr<LogStore> store, LogConfig config,
                                                      std::int64_t nowMs, LogOpenReport *report = nullptr);

    [[nodiscard]] const LogConfig &config() const { return m_config; }
    [[nodiscard]] const LogStore &store() const { return *m_store; }
    [[nodiscard]] std::int64_t logStartOffset() const { return m_logStartOffset; }
    [[nodiscard]] std::int64_t logEndOffset() const { return m_logEndOffset; }
    [[nodiscard]] std::uint64_t sizeInBytes() const;
    [[nodiscard]] std::size_t segmentCount() const { return m_segments.size(); }
    [[nodiscard]] const std::map<std::int64_t, std::unique_ptr<LogSegment>> &segments() const { return m_segments; }
    [[nodiscard]] const LogSegment &activeSegment() const { return *m_segments.rbegin()->second; }

    // Appends `records` as one batch at the log-end offset (their offsets are assigned here; a
    // LogAppendTime batch takes `nowMs` as its time). Refuses an empty list and a batch larger
    // than max.message.bytes. Rolls a new segment first when Kafka would.
    Result<AppendInfo> append(std::span<const Record> records, const BatchOptions &options, std::int64_t nowMs);
    // Appends a batch that already has its offsets (a follower copying its leader). Its base
    // offset must be the log-end offset.
    Result<AppendInfo> appendBatch(std::string_view batchBytes, std::int64_t nowMs);

    // Whole batches from the one holding `fetchOffset`, up to `maxBytes` (at least one batch
    // when `minOneBatch`), stopping before `maxOffset` if given. `fetchOffset` must lie in
    // [logStartOffset, logEndOffset], else OFFSET_OUT_OF_RANGE (Status::invalidArgument).
    Result<FetchInfo> read(std::int64_t fetchOffset, std::size_t maxBytes, bool minOneBatch = true,
                           std::optional<std::int64_t> maxOffset = std::nullopt) const;
    // The same into `records` (emptied first, its memory reused); returns the next fetch offset.
    Result<std::int64_t> readInto(std::int64_t fetchOffset, std::size_t maxBytes, std::string &records,
                                  bool minOneBatch = true, std::optional<std::int64_t> maxOffset = std::nullopt) const;
    // Decoded records from `fetchOffset` on (at most `maxRecords`), skipping those below it in
    // the first batch. For tests and views.
    Result<std::vector<Record>> readRecords(std::int64_t fetchOffset, std::size_t maxRecords) const;

    // ListOffsets: kEarliest gives the log start offset, kLatest the log-end offset, any other
    // timestamp the first record whose timestamp is >= it (nothing when there is none).
    static constexpr std::int64_t kEarliestTimestamp = -2;
    static constexpr std::int64_t kLatestTimestamp = -1;
    Result<std::optional<TimestampAndOffset>> offsetForTimestamp(std::int64_t timestamp) const;

    // Follower truncation: removes every batch holding an offset >= `offset` (whole batches).
    Status truncateTo(std::int64_t offset);
    // Removes everything and starts again empty at `offset`.
    Status truncateFullyAndStartAt(std::int64_t offset, std::int64_t nowMs);
    // DeleteRecords: moves the log start offset up to `offset` (<= `highWatermark`) and deletes
    // the segments wholly below it.
    Status deleteRecordsBefore(std::int64_t offset, std::int64_t highWatermark);

    // Kafka's retention (UnifiedLog.deleteOldSegments): segments wholly below the log start
    // offset; then, with cleanup.policy delete, by retention.bytes and by retention.ms (on each
    // segment's largest timestamp), oldest first, stopping at the first segment to keep, and
    // only segments wholly below `highWatermark`. Deleting every segment rolls an empty one
    // first. Returns how many segments went.
    Result<int> deleteOldSegments(std::int64_t nowMs, std::int64_t highWatermark);

    // Kafka's log cleaner for cleanup.policy compact: runs when the dirty ratio reaches
    // min.cleanable.dirty.ratio (or always with `force`). Keeps the last record of every key
    // below the active segment and `highWatermark`, drops null-key records, keeps tombstones
    // until delete.retention.ms after the cleaning that first saw them, keeps offsets.
    Result<CleanStats> compact(std::int64_t nowMs, std::int64_t highWatermark, bool force = false);
    [[nodiscard]] std::int64_t firstDirtyOffset() const { return std::max(m_firstDirtyOffset, m_logStartOffset); }

    // Makes everything durable.
    Status flush();
    // Rolls a new active segment now (for tests and tools).
    Status roll(std::int64_t nowMs);

private:
    PartitionLog(std::unique_ptr<LogStore> store, LogConfig config);
    LogSegment &active() { return *m_segments.rbegin()->second; }
    Status maybeRoll(std::size_t batchBytes, std::int64_t lastOffset, std::int64_t nowMs);
    Result<AppendInfo> appendChecked(std::string_view batchBytes, std::int64_t nowMs, bool verifyCrc);
    Status deleteSegment(std::int64_t baseOffset);
    using SegmentPredicate = std::function<bool(const LogSegment &, const LogSegment *next)>;
    Result<int> deleteSegmentsWhile(const SegmentPredicate &predicate, std::int64_t nowMs, std::int64_t highWatermark);
    // The segment holding `offset` (the one with the greatest base <= offset), or nullptr.
    [[nodiscard]] const LogSegment *segmentFor(std::int64_t offset) const;

    std::unique_ptr<LogStore> m_store;
    LogConfig m_config;
    std::map<std::int64_t, std::unique_ptr<LogSegment>> m_segments;
    std::int64_t m_logStartOffset = 0;
    std::int64_t m_logEndOffset = 0;
    std::int64_t m_firstDirtyOffset = 0; // the cleaner's checkpoint
    std::int64_t m_recoveryPoint = 0;    // everything below is durable
    std::string m_encodeBuffer;          // reused by append(): no allocation per batch
};

} // namespace kafkascope
