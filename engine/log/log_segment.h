#pragma once

#include "core/status.h"
#include "log/log_config.h"
#include "log/log_store.h"
#include "log/offset_index.h"
#include "log/record_batch.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace kafkascope {

// A batch's header and where it starts in its segment's .log file.
struct BatchLocation {
    RecordBatchHeader header;
    std::uint64_t position = 0;
};

// One segment of a partition log (Kafka's LogSegment): `<base>.log` holding whole record
// batches back to back, with its `<base>.index` and `<base>.timeindex`. `base` is the first
// offset the segment may hold; file names are the base offset in 20 digits.
//
// The `store` passed at creation must outlive the segment.
class LogSegment {
public:
    static std::string fileName(std::int64_t baseOffset, std::string_view suffix);
    // The base offset named by a file such as "00000000000000000042.log", if it is one.
    static std::optional<std::int64_t> parseFileName(std::string_view name, std::string_view suffix);

    // A new, empty segment (files created).
    static Result<std::unique_ptr<LogSegment>> create(LogStore &store, std::int64_t baseOffset, const LogConfig &config,
                                                      std::int64_t nowMs);

    // What opening an existing segment found.
    struct Recovery {
        std::uint64_t fileBytes = 0;
        std::uint64_t validBytes = 0;   // bytes of valid batches from the start
        std::string problem;            // why the bytes after validBytes are not valid (empty: none)
        bool tornTail = false;          // the problem is an incomplete batch at the end of the file
        bool indexRebuilt = false;      // an index file was missing or disagreed with the log
    };
    // Opens an existing segment and checks every batch (length, magic, CRC, offsets). On a
    // writable store, invalid bytes at the end are truncated away and index files rewritten;
    // a read-only store is never written (the segment then ends at validBytes in memory).
    static Result<std::unique_ptr<LogSegment>> open(LogStore &store, std::int64_t baseOffset, const LogConfig &config,
                                                    std::int64_t nowMs, Recovery &recovery);

    [[nodiscard]] std::int64_t baseOffset() const { return m_baseOffset; }
    [[nodiscard]] std::uint64_t size() const { return m_size; }
    [[nodiscard]] bool empty() const { return m_size == 0; }
    // One past the last offset held (the base offset when empty).
    [[nodiscard]] std::int64_t nextOffset() const { return m_nextOffset; }
    // The largest record timestamp seen (-1 when empty).
    [[nodiscard]] std::int64_t largestTimestamp() const { return m_maxTimestamp; }
    [[nodiscard]] std::int64_t firstTimestamp() const { return m_firstTimestamp; }
    [[nodiscard]] std::int32_t batchCount() const { return m_batchCount; }
    [[nodiscard]] const OffsetIndex &offsetIndex() const { return m_offsetIndex; }
    [[nodiscard]] const TimeIndex &timeIndex() const { return m_timeIndex; }

    // Kafka's LogSegment.shouldRoll: the batch would push the segment past segment.bytes, the
    // segment is older than segment.ms (judged on its first batch's timestamp), an index is full,
    // or `lastOffset` cannot be stored relative to the base offset.
    [[nodiscard]] bool shouldRoll(std::size_t batchBytes, std::int64_t lastOffset, std::int64_t nowMs,
                                  const LogConfig &config) const;

    // Appends one encoded batch; adds index entries as Kafka does.
    Status append(const RecordBatchHeader &header, std::string_view batchBytes);

    // The first batch whose last offset is >= `offset`, starting the search from the index.
    Result<std::optional<BatchLocation>> findBatch(std::int64_t offset) const;
    // Calls `visit` (bool(const BatchLocation &)) for every batch from position `from` on, until
    // it returns false. A template, so that the visit is inlined: every read goes through here.
    template <class Visit>
    Status forEachBatch(std::uint64_t from, Visit &&visit) const
    {
        std::uint64_t pos = from;
        while (pos < m_size) {
            auto header = headerAt(pos);
            if (!header.isOk())
                return header.status();
            if (!visit(BatchLocation{header.value(), pos}))
                break;
            pos += header.value().sizeInBytes();
        }
        return Status::ok();
    }
    // The header of the batch at `position` (a corruption error naming the file and byte).
    Result<RecordBatchHeader> headerAt(std::uint64_t position) const;
    // Raw bytes of the .log file.
    Status readBytes(std::uint64_t position, std::size_t n, std::string &out) const;
    // As readBytes, appended to what `out` holds.
    Status appendBytes(std::uint64_t position, std::size_t n, std::string &out) const;

    // Removes every batch whose last offset is >= `offset` (whole batches). Returns the new
    // next offset.
    Result<std::int64_t> truncateTo(std::int64_t offset);

    // The segment stops being active: the final time index entry, index files brought up to date.
    Status onBecomeInactive();
    // Makes the .log and both index files durable.
    Status flush();
    // Replaces the whole .log content (the cleaner's output) and rebuilds the indexes.
    Status replaceContent(std::string_view logBytes);
    // Deletes the segment's files.
    Status deleteFiles();

private:
    LogSegment(LogStore &store, std::int64_t baseOffset, const LogConfig &config);
    Status writeIndexes(bool rewrite);
    // Rebuilds both indexes and the statistics by scanning the .log from the start.
    void resetStats();
    // The batch findBatch() found last (see there); reset whenever the log's bytes may change.
    mutable std::optional<BatchLocation> m_scanHint;
    // forEachBatch's buffer for the header it reads (kept: no allocation per scan).
    mutable std::string m_headerBytes;
    // The last batch in the segment (nothing when empty): followers at the tail ask for it.
    std::optional<BatchLocation> m_lastBatch;
    void accountBatch(const RecordBatchHeader &header, std::uint64_t position);

    LogStore &m_store;
    std::int64_t m_baseOffset;
    std::int32_t m_indexIntervalBytes;
    std::unique_ptr<SegmentFile> m_log;
    std::unique_ptr<SegmentFile> m_indexFile;
    std::unique_ptr<SegmentFile> m_timeIndexFile;
    OffsetIndex m_offsetIndex;
    TimeIndex m_timeIndex;
    std::size_t m_indexEntriesWritten = 0;
    std::size_t m_timeEntriesWritten = 0;

    std::uint64_t m_size = 0;
    std::int64_t m_nextOffset;
    std::int64_t m_maxTimestamp = -1;
    std::int64_t m_offsetOfMaxTimestamp = -1;
    std::int64_t m_firstTimestamp = -1;
    std::optional<std::int64_t> m_rollingBasedTimestamp;
    std::int64_t m_createdMs = 0;
    std::uint64_t m_bytesSinceLastIndexEntry = 0;
    std::int32_t m_batchCount = 0;
};

} // namespace kafkascope
