#include "partition_log.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <unordered_map>

namespace kafkascope {

namespace {

bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Files Kafka keeps in a partition directory that are not segments of the log.
bool isKafkaMetadataFile(std::string_view name)
{
    return name == "leader-epoch-checkpoint" || name == "partition.metadata" || endsWith(name, ".snapshot")
        || endsWith(name, ".txnindex");
}

// Reads the batch at `b` into `bytes` and decodes it.
Result<DecodedBatch> readDecodedBatch(const LogSegment &segment, const BatchLocation &b, std::string &bytes)
{
    if (auto st = segment.readBytes(b.position, b.header.sizeInBytes(), bytes); !st.isOk())
        return st;
    return decodeBatch(bytes);
}

} // namespace

Status LogConfig::validate() const
{
    if (segmentBytes < 14)
        return Status::invalidArgument("segment.bytes must be at least 14");
    if (segmentMs < 1)
        return Status::invalidArgument("segment.ms must be at least 1");
    if (indexIntervalBytes < 0)
        return Status::invalidArgument("index.interval.bytes must not be negative");
    if (segmentIndexBytes < 8)
        return Status::invalidArgument("segment.index.bytes must be at least 8");
    if (retentionMs < -1)
        return Status::invalidArgument("retention.ms must be -1 or more");
    if (retentionBytes < -1)
        return Status::invalidArgument("retention.bytes must be -1 or more");
    if (deleteRetentionMs < 0)
        return Status::invalidArgument("delete.retention.ms must not be negative");
    if (!(minCleanableDirtyRatio >= 0.0 && minCleanableDirtyRatio <= 1.0))
        return Status::invalidArgument("min.cleanable.dirty.ratio must be between 0 and 1");
    if (maxMessageBytes < 0)
        return Status::invalidArgument("max.message.bytes must not be negative");
    return Status::ok();
}

PartitionLog::PartitionLog(std::unique_ptr<LogStore> store, LogConfig config)
    : m_store(std::move(store)), m_config(config)
{
}

Result<std::unique_ptr<PartitionLog>> PartitionLog::open(std::unique_ptr<LogStore> store, LogConfig config,
                                                         std::int64_t nowMs, LogOpenReport *report)
{
    if (auto st = config.validate(); !st.isOk())
        return st;
    LogOpenReport localReport;
    LogOpenReport &rep = report ? *report : localReport;
    auto say = [&rep](std::string message) {
        spdlog::warn("{}", message);
        rep.messages.push_back(std::move(message));
    };

    std::unique_ptr<PartitionLog> log(new PartitionLog(std::move(store), config));
    LogStore &st = *log->m_store;
    const bool readOnly = st.readOnly();
    auto names = st.list();
    if (!names.isOk())
        return names.status();

    std::vector<std::int64_t> bases;
    for (const std::string &name : names.value()) {
        const std::string path = st.location() + "/" + name;
        if (auto base = LogSegment::parseFileName(name, ".log")) {
            bases.push_back(*base);
        } else if (LogSegment::parseFileName(name, ".index") || LogSegment::parseFileName(name, ".timeindex")) {
            continue; // read with its segment; an orphan is handled below
        } else if (endsWith(name, ".deleted") || endsWith(name, ".cleaned") || endsWith(name, ".tmp")) {
            // Left over from a deletion, a cleaning or a whole-file write that did not finish.
            if (readOnly) {
                say(path + ": skipped (left over from an interrupted operation)");
            } else {
                say(path + ": removed (left over from an interrupted operation)");
                if (auto rm = st.remove(name); !rm.isOk())
                    return rm;
            }
        } else if (isKafkaMetadataFile(name)) {
            rep.messages.push_back(path + ": skipped (Kafka metadata, not a segment)");
        } else {
            say(path + ": skipped (not a segment file)");
        }
    }
    for (const std::string &name : names.value()) {
        for (const char *suffix : {".index", ".timeindex"}) {
            const auto base = LogSegment::parseFileName(name, suffix);
            if (base && std::find(bases.begin(), bases.end(), *base) == bases.end()) {
                if (readOnly) {
                    say(st.location() + "/" + name + ": skipped (an index without its .log)");
                } else {
                    say(st.location() + "/" + name + ": removed (an index without its .log)");
                    if (auto rm = st.remove(name); !rm.isOk())
                        return rm;
                }
            }
        }
    }
    std::sort(bases.begin(), bases.end());

    bool stopped = false;
    std::int64_t previousNext = -1;
    for (std::int64_t base : bases) {
        const std::string logName = st.location() + "/" + LogSegment::fileName(base, ".log");
        if (stopped) {
            rep.truncated = true;
            if (readOnly) {
                say(logName + ": ignored (it follows the damaged segment)");
            } else {
                say(logName + ": deleted (it follows the damaged segment)");
                for (const char *suffix : {".log", ".index", ".timeindex"})
                    if (auto rm = st.remove(LogSegment::fileName(base, suffix)); !rm.isOk())
                        return rm;
            }
            continue;
        }
        if (base < previousNext) {
            stopped = true;
            rep.truncated = true;
            say(logName + ": overlaps the previous segment (base offset " + std::to_string(base) + " < "
                + std::to_string(previousNext) + "); recovery stops here");
            if (!readOnly)
                for (const char *suffix : {".log", ".index", ".timeindex"})
                    if (auto rm = st.remove(LogSegment::fileName(base, suffix)); !rm.isOk())
                        return rm;
            continue;
        }
        LogSegment::Recovery recovery;
        auto seg = LogSegment::open(st, base, config, nowMs, recovery);
        if (!seg.isOk())
            return seg.status();
        if (!recovery.problem.empty()) {
            stopped = true;
            rep.truncated = true;
            const std::uint64_t lost = recovery.fileBytes - recovery.validBytes;
            if (recovery.tornTail)
                say(recovery.problem + " — a torn write at the end; " + std::to_string(lost) + " bytes "
                    + (readOnly ? "ignored" : "truncated"));
            else
                say(recovery.problem + " — recovery stops at this batch; " + std::to_string(lost) + " bytes "
                    + (readOnly ? "ignored" : "truncated") + " and any later segments "
                    + (readOnly ? "ignored" : "deleted"));
        }
        if (recovery.indexRebuilt && !seg.value()->empty())
            rep.messages.push_back(st.location() + "/" + LogSegment::fileName(base, ".index")
                                   + ": missing or out of date; rebuilt from the log" + (readOnly ? " (in memory)" : ""));
        previousNext = seg.value()->nextOffset();
        log->m_segments.emplace(base, std::move(seg).value());
    }

    if (log->m_segments.empty()) {
        if (readOnly)
            return Status::notFound(st.location() + ": no log segments (no *.log files)");
        auto seg = LogSegment::create(st, 0, config, nowMs);
        if (!seg.isOk())
            return seg.status();
        log->m_segments.emplace(0, std::move(seg).value());
    }
    log->m_logStartOffset = log->m_segments.begin()->first;
    log->m_logEndOffset = log->active().nextOffset();
    log->m_firstDirtyOffset = log->m_logStartOffset;
    log->m_recoveryPoint = log->m_logEndOffset;
    return log;
}

std::uint64_t PartitionLog::sizeInBytes() const
{
    std::uint64_t total = 0;
    for (const auto &[base, seg] : m_segments)
        total += seg->size();
    return total;
}

const LogSegment *PartitionLog::segmentFor(std::int64_t offset) const
{
    auto it = m_segments.upper_bound(offset);
    if (it == m_segments.begin())
        return nullptr;
    return std::prev(it)->second.get();
}

Status PartitionLog::roll(std::int64_t nowMs)
{
    if (m_store->readOnly())
        return Status::ioError(m_store->location() + ": opened read-only");
    if (active().empty() && active().baseOffset() == m_logEndOffset)
        return Status::ok(); // an empty active segment is already where a new one would start
    if (auto st = active().onBecomeInactive(); !st.isOk())
        return st;
    auto seg = LogSegment::create(*m_store, m_logEndOffset, m_config, nowMs);
    if (!seg.isOk())
        return seg.status();
    m_segments.emplace(m_logEndOffset, std::move(seg).value());
    return Status::ok();
}

Status PartitionLog::maybeRoll(std::size_t batchBytes, std::int64_t lastOffset, std::int64_t nowMs)
{
    if (active().shouldRoll(batchBytes, lastOffset, nowMs, m_config))
        return roll(nowMs);
    return Status::ok();
}

Result<AppendInfo> PartitionLog::append(std::span<const Record> records, const BatchOptions &options, std::int64_t nowMs)
{
    if (m_store->readOnly())
        return Status::ioError(m_store->location() + ": opened read-only");
    if (records.empty())
        return Status::invalidArgument("nothing to append");
    BatchOptions opts = options;
    opts.lastOffsetOverride.reset();
    opts.deleteHorizonMs.reset();
    if (opts.logAppendTime)
        opts.appendTimeMs = nowMs;
    auto size = encodeBatchInto(m_encodeBuffer, m_logEndOffset, records, opts, true);
    if (!size.isOk())
        return size.status();
    // Just encoded: its CRC is right.
    return appendChecked(std::string_view(m_encodeBuffer.data(), size.value()), nowMs, false);
}

Result<AppendInfo> PartitionLog::appendBatch(std::string_view batchBytes, std::int64_t nowMs)
{
    return appendChecked(batchBytes, nowMs, true);
}

Result<AppendInfo> PartitionLog::appendChecked(std::string_view batchBytes, std::int64_t nowMs, bool verifyCrc)
{
    if (m_store->readOnly())
        return Status::ioError(m_store->location() + ": opened read-only");
    auto header = readBatchHeader(batchBytes);
    if (!header.isOk())
        return header.status();
    const RecordBatchHeader &h = header.value();
    if (h.sizeInBytes() != batchBytes.size())
        return Status::invalidArgument("the bytes hold " + std::to_string(batchBytes.size()) + " bytes, the batch "
                                       + std::to_string(h.sizeInBytes()));
    // Kafka's RecordTooLargeException: a batch may not exceed max.message.bytes.
    if (batchBytes.size() > static_cast<std::size_t>(m_config.maxMessageBytes))
        return Status::invalidArgument("RECORD_TOO_LARGE: the batch is " + std::to_string(batchBytes.size())
                                       + " bytes, more than max.message.bytes " + std::to_string(m_config.maxMessageBytes));
    if (verifyCrc && !batchCrcValid(batchBytes, h))
        return Status::corruption("CORRUPT_MESSAGE: the batch's CRC does not match its content");
    if (h.baseOffset != m_logEndOffset)
        return Status::invalidArgument("the batch starts at offset " + std::to_string(h.baseOffset)
                                       + ", not at the log-end offset " + std::to_string(m_logEndOffset));
    if (auto st = maybeRoll(batchBytes.size(), h.lastOffset(), nowMs); !st.isOk())
        return st;
    if (auto st = active().append(h, batchBytes); !st.isOk())
        return st;
    m_logEndOffset = h.nextOffset();
    return AppendInfo{h.baseOffset, h.lastOffset(), batchBytes.size()};
}

Result<FetchInfo> PartitionLog::read(std::int64_t fetchOffset, std::size_t maxBytes, bool minOneBatch,
                                     std::optional<std::int64_t> maxOffset) const
{
    FetchInfo out;
    auto next = readInto(fetchOffset, maxBytes, out.records, minOneBatch, maxOffset);
    if (!next.isOk())
        return next.status();
    out.nextFetchOffset = next.value();
    return out;
}

Result<std::int64_t> PartitionLog::readInto(std::int64_t fetchOffset, std::size_t maxBytes, std::string &records,
                                            bool minOneBatch, std::optional<std::int64_t> maxOffset) const
{
    records.clear();
    if (fetchOffset < m_logStartOffset || fetchOffset > m_logEndOffset)
        return Status::invalidArgument("OFFSET_OUT_OF_RANGE: offset " + std::to_string(fetchOffset) + " is outside ["
                                       + std::to_string(m_logStartOffset) + ", " + std::to_string(m_logEndOffset) + "]");
    std::int64_t nextFetchOffset = fetchOffset;
    // Kafka reads from one segment per fetch: the first, from the segment holding the offset,
    // that has a batch at or after it.
    for (auto it = m_segments.upper_bound(fetchOffset) == m_segments.begin() ? m_segments.begin()
                                                                              : std::prev(m_segments.upper_bound(fetchOffset));
         it != m_segments.end(); ++it) {
        const LogSegment &seg = *it->second;
        auto first = seg.findBatch(fetchOffset);
        if (!first.isOk())
            return first.status();
        if (!first.value())
            continue;
        // The batches taken lie end to end: find where they end, then copy them at once.
        const std::uint64_t start = first.value()->position;
        std::uint64_t end = start;
        const Status st = seg.forEachBatch(start, [&](const BatchLocation &b) {
            if (maxOffset && b.header.baseOffset >= *maxOffset)
                return false;
            const bool fits = (end - start) + b.header.sizeInBytes() <= maxBytes;
            if (!fits && !(end == start && minOneBatch))
                return false;
            end = b.position + b.header.sizeInBytes();
            nextFetchOffset = b.header.nextOffset();
            return fits;
        });
        if (!st.isOk())
            return st;
        if (end > start) {
            records.reserve(static_cast<std::size_t>(end - start));
            if (auto copied = seg.appendBytes(start, static_cast<std::size_t>(end - start), records); !copied.isOk()) {
                records.clear();
                return copied;
            }
        }
        break;
    }
    return nextFetchOffset;
}

Result<std::vector<Record>> PartitionLog::readRecords(std::int64_t fetchOffset, std::size_t maxRecords) const
{
    std::vector<Record> records;
    std::int64_t next = std::max(fetchOffset, m_logStartOffset);
    while (records.size() < maxRecords && next < m_logEndOffset) {
        auto fetched = read(next, 1 << 20, true);
        if (!fetched.isOk())
            return fetched.status();
        if (fetched.value().records.empty())
            break;
        std::string_view bytes = fetched.value().records;
        while (!bytes.empty() && records.size() < maxRecords) {
            auto batchResult = decodeBatch(bytes);
            if (!batchResult.isOk())
                return batchResult.status();
            for (Record &r : batchResult.value().records) {
                if (r.offset.value() >= next && records.size() < maxRecords)
                    records.push_back(std::move(r));
            }
            bytes.remove_prefix(batchResult.value().header.sizeInBytes());
        }
        next = fetched.value().nextFetchOffset;
    }
    return records;
}

Result<std::optional<TimestampAndOffset>> PartitionLog::offsetForTimestamp(std::int64_t timestamp) const
{
    if (timestamp == kEarliestTimestamp)
        return std::optional<TimestampAndOffset>(TimestampAndOffset{-1, m_logStartOffset});
    if (timestamp == kLatestTimestamp)
        return std::optional<TimestampAndOffset>(TimestampAndOffset{-1, m_logEndOffset});
    if (timestamp < 0)
        return Status::invalidArgument("timestamp " + std::to_string(timestamp) + " is neither a time nor -1/-2");
    // Kafka's fetchOffsetByTimestamp: the first segment whose largest timestamp reaches the
    // target, then its time index, then a scan for the first record at or after the target.
    for (const auto &entry : m_segments) {
        const LogSegment *seg = entry.second.get();
        if (seg->largestTimestamp() < timestamp)
            continue;
        const TimeIndex::Entry te = seg->timeIndex().lookup(timestamp);
        const OffsetIndex::Entry oe = seg->offsetIndex().lookup(te.offset);
        std::optional<TimestampAndOffset> found;
        std::string bytes;
        Status inner = Status::ok();
        const Status st = seg->forEachBatch(oe.position, [&](const BatchLocation &b) {
            if (b.header.maxTimestamp < timestamp)
                return true;
            auto decoded = readDecodedBatch(*seg, b, bytes);
            if (!decoded.isOk()) {
                inner = decoded.status();
                return false;
            }
            for (const Record &r : decoded.value().records) {
                if (r.timestampMs >= timestamp && r.offset.value() >= m_logStartOffset) {
                    found = TimestampAndOffset{r.timestampMs, r.offset.value()};
                    return false;
                }
            }
            return true;
        });
        if (!st.isOk())
            return st;
        if (!inner.isOk())
            return inner;
        if (found)
            return found;
    }
    return std::optional<TimestampAndOffset>();
}

Status PartitionLog::deleteSegment(std::int64_t baseOffset)
{
    auto it = m_segments.find(baseOffset);
    if (it == m_segments.end())
        return Status::ok();
    const Status st = it->second->deleteFiles();
    m_segments.erase(it);
    return st;
}

Status PartitionLog::truncateTo(std::int64_t offset)
{
    if (m_store->readOnly())
        return Status::ioError(m_store->location() + ": opened read-only");
    if (offset < 0)
        return Status::invalidArgument("cannot truncate to a negative offset");
    if (offset >= m_logEndOffset)
        return Status::ok();
    if (offset < m_logStartOffset)
        return truncateFullyAndStartAt(offset, active().largestTimestamp());
    // Segments starting above the target go; the one holding it is cut at a batch boundary.
    while (m_segments.size() > 1 && m_segments.rbegin()->first > offset)
        if (auto st = deleteSegment(m_segments.rbegin()->first); !st.isOk())
            return st;
    auto next = active().truncateTo(offset);
    if (!next.isOk())
        return next.status();
    m_logEndOffset = next.value();
    m_recoveryPoint = std::min(m_recoveryPoint, m_logEndOffset);
    m_firstDirtyOffset = std::min(m_firstDirtyOffset, m_logEndOffset);
    return Status::ok();
}

Status PartitionLog::truncateFullyAndStartAt(std::int64_t offset, std::int64_t nowMs)
{
    if (m_store->readOnly())
        return Status::ioError(m_store->location() + ": opened read-only");
    if (offset < 0)
        return Status::invalidArgument("cannot start a log at a negative offset");
    while (!m_segments.empty())
        if (auto st = deleteSegment(m_segments.begin()->first); !st.isOk())
            return st;
    auto seg = LogSegment::create(*m_store, offset, m_config, nowMs);
    if (!seg.isOk())
        return seg.status();
    m_segments.emplace(offset, std::move(seg).value());
    m_logStartOffset = m_logEndOffset = m_recoveryPoint = m_firstDirtyOffset = offset;
    return Status::ok();
}

Status PartitionLog::deleteRecordsBefore(std::int64_t offset, std::int64_t highWatermark)
{
    if (m_store->readOnly())
        return Status::ioError(m_store->location() + ": opened read-only");
    if (offset > highWatermark || offset > m_logEndOffset)
        return Status::invalidArgument("OFFSET_OUT_OF_RANGE: cannot delete records up to " + std::to_string(offset)
                                       + ", beyond the high watermark " + std::to_string(highWatermark));
    if (offset <= m_logStartOffset)
        return Status::ok();
    m_logStartOffset = offset;
    return deleteSegmentsWhile(
               [this](const LogSegment &, const LogSegment *next) { return next && next->baseOffset() <= m_logStartOffset; },
               active().largestTimestamp(), highWatermark)
        .status();
}

Result<int> PartitionLog::deleteSegmentsWhile(const SegmentPredicate &predicate, std::int64_t nowMs,
                                              std::int64_t highWatermark)
{
    // Kafka's deletableSegments: walk from the oldest, stop at the first segment the predicate
    // keeps, that reaches above the high watermark, or that is the empty active segment.
    std::vector<std::int64_t> doomed;
    for (auto it = m_segments.begin(); it != m_segments.end(); ++it) {
        const auto nextIt = std::next(it);
        const LogSegment *next = nextIt == m_segments.end() ? nullptr : nextIt->second.get();
        const std::int64_t upperBound = next ? next->baseOffset() : m_logEndOffset;
        const bool lastAndEmpty = !next && it->second->empty();
        if (predicate(*it->second, next) && highWatermark >= upperBound && !lastAndEmpty)
            doomed.push_back(it->first);
        else
            break;
    }
    if (doomed.empty())
        return 0;
    // Deleting every segment: roll an empty one at the log end first.
    if (doomed.size() == m_segments.size())
        if (auto st = roll(nowMs); !st.isOk())
            return st;
    for (std::int64_t base : doomed)
        if (auto st = deleteSegment(base); !st.isOk())
            return st;
    m_logStartOffset = std::max(m_logStartOffset, m_segments.begin()->first);
    m_firstDirtyOffset = std::max(m_firstDirtyOffset, m_logStartOffset);
    return static_cast<int>(doomed.size());
}

Result<int> PartitionLog::deleteOldSegments(std::int64_t nowMs, std::int64_t highWatermark)
{
    if (m_store->readOnly())
        return Status::ioError(m_store->location() + ": opened read-only");
    int deleted = 0;
    auto add = [&deleted](const Result<int> &r) {
        if (r.isOk())
            deleted += r.value();
        return r.status();
    };
    // Segments wholly below the log start offset (after DeleteRecords) go whatever the policy.
    if (auto st = add(deleteSegmentsWhile(
            [this](const LogSegment &, const LogSegment *next) { return next && next->baseOffset() <= m_logStartOffset; },
            nowMs, highWatermark));
        !st.isOk())
        return st;
    if (m_config.deletes()) {
        if (m_config.retentionBytes >= 0) {
            auto diff = static_cast<std::int64_t>(sizeInBytes()) - m_config.retentionBytes;
            if (auto st = add(deleteSegmentsWhile(
                    [&diff](const LogSegment &seg, const LogSegment *) {
                        if (diff - static_cast<std::int64_t>(seg.size()) >= 0) {
                            diff -= static_cast<std::int64_t>(seg.size());
                            return true;
                        }
                        return false;
                    },
                    nowMs, highWatermark));
                !st.isOk())
                return st;
        }
        if (m_config.retentionMs >= 0) {
            if (auto st = add(deleteSegmentsWhile(
                    [&](const LogSegment &seg, const LogSegment *) {
                        return nowMs - seg.largestTimestamp() > m_config.retentionMs;
                    },
                    nowMs, highWatermark));
                !st.isOk())
                return st;
        }
    }
    return deleted;
}

Result<CleanStats> PartitionLog::compact(std::int64_t nowMs, std::int64_t highWatermark, bool force)
{
    if (m_store->readOnly())
        return Status::ioError(m_store->location() + ": opened read-only");
    CleanStats stats;
    if (!m_config.compacts())
        return stats;
    // The cleanable range: whole segments from the first dirty offset up to, not including,
    // the first segment that reaches into the active segment or above the high watermark.
    const std::int64_t firstDirty = firstDirtyOffset();
    const std::int64_t limit = std::min(active().baseOffset(), highWatermark);
    std::int64_t end = m_logStartOffset;
    for (auto it = m_segments.begin(); it != m_segments.end(); ++it) {
        const auto next = std::next(it);
        if (next == m_segments.end() || next->first > limit)
            break;
        end = next->first;
    }
    stats.firstDirtyOffset = firstDirty;
    stats.firstUncleanableOffset = end;
    std::uint64_t cleanBytes = 0;
    std::uint64_t dirtyBytes = 0;
    for (const auto &[base, seg] : m_segments) {
        if (base >= end)
            break;
        (seg->nextOffset() <= firstDirty ? cleanBytes : dirtyBytes) += seg->size();
    }
    if (cleanBytes + dirtyBytes == 0 || (dirtyBytes == 0 && !force))
        return stats;
    stats.dirtyRatio = static_cast<double>(dirtyBytes) / static_cast<double>(cleanBytes + dirtyBytes);
    if (!force && stats.dirtyRatio < m_config.minCleanableDirtyRatio)
        return stats;
    stats.ran = true;

    // The offset map: each key's last offset in the dirty range.
    std::unordered_map<std::string, std::int64_t> latest;
    std::string bytes;
    for (const auto &entry : m_segments) {
        const LogSegment *seg = entry.second.get();
        if (entry.first >= end)
            break;
        if (seg->nextOffset() <= firstDirty)
            continue;
        Status inner = Status::ok();
        const Status st = seg->forEachBatch(0, [&](const BatchLocation &b) {
            if (b.header.isControl())
                return true;
            auto decoded = readDecodedBatch(*seg, b, bytes);
            if (!decoded.isOk()) {
                inner = decoded.status();
                return false;
            }
            for (const Record &r : decoded.value().records)
                if (r.key && r.offset.value() >= firstDirty)
                    latest[*r.key] = r.offset.value();
            return true;
        });
        if (!st.isOk())
            return st;
        if (!inner.isOk())
            return inner;
    }

    // Rewrite every segment below `end`, keeping offsets.
    for (const auto &entry : m_segments) {
        LogSegment *seg = entry.second.get();
        if (entry.first >= end)
            break;
        std::string cleaned;
        bool changed = false;
        Status inner = Status::ok();
        const Status st = seg->forEachBatch(0, [&](const BatchLocation &b) {
            if (!(inner = seg->readBytes(b.position, b.header.sizeInBytes(), bytes)).isOk())
                return false;
            if (b.header.isControl()) {
                cleaned += bytes;
                return true;
            }
            auto decoded = decodeBatch(bytes);
            if (!decoded.isOk()) {
                inner = decoded.status();
                return false;
            }
            const RecordBatchHeader &h = decoded.value().header;
            std::vector<Record> kept;
            bool hasTombstone = false;
            for (Record &r : decoded.value().records) {
                ++stats.recordsRead;
                if (!r.key)
                    continue; // a compacted log keeps records by key; a null key has none
                const auto it = latest.find(*r.key);
                if (it != latest.end() && it->second > r.offset.value())
                    continue; // a later record with this key exists
                if (!r.value) {
                    // KIP-534: a tombstone goes once its batch's delete horizon has passed.
                    if (h.hasDeleteHorizon() && nowMs >= h.baseTimestamp) {
                        ++stats.tombstonesRemoved;
                        continue;
                    }
                    hasTombstone = true;
                }
                kept.push_back(std::move(r));
            }
            stats.recordsRetained += static_cast<std::int64_t>(kept.size());
            const bool newHorizon = hasTombstone && !h.hasDeleteHorizon();
            if (kept.size() == static_cast<std::size_t>(h.recordsCount) && !newHorizon) {
                cleaned += bytes; // untouched
                return true;
            }
            changed = true;
            // An emptied batch goes, unless it carries producer state (idempotence needs its
            // last sequence), which Kafka keeps as an empty batch.
            if (kept.empty() && h.producerId < 0)
                return true;
            BatchOptions options;
            options.compression = h.compression().value_or(CompressionType::None);
            options.partitionLeaderEpoch = h.partitionLeaderEpoch;
            options.producerId = h.producerId;
            options.producerEpoch = h.producerEpoch;
            options.baseSequence = h.baseSequence;
            options.transactional = h.isTransactional();
            options.logAppendTime = h.isLogAppendTime();
            options.appendTimeMs = h.maxTimestamp;
            options.lastOffsetOverride = h.lastOffset();
            if (hasTombstone)
                options.deleteHorizonMs = h.hasDeleteHorizon() ? h.baseTimestamp : nowMs + m_config.deleteRetentionMs;
            auto encoded = encodeBatch(h.baseOffset, kept, options);
            if (!encoded.isOk()) {
                inner = encoded.status();
                return false;
            }
            cleaned += encoded.value();
            return true;
        });
        if (!st.isOk())
            return st;
        if (!inner.isOk())
            return inner;
        if (changed)
            if (auto rs = seg->replaceContent(cleaned); !rs.isOk())
                return rs;
    }
    m_firstDirtyOffset = std::max(m_firstDirtyOffset, end);
    return stats;
}

Status PartitionLog::flush()
{
    if (m_store->readOnly())
        return Status::ok();
    for (auto &[base, seg] : m_segments) {
        if (seg->nextOffset() <= m_recoveryPoint && base != active().baseOffset())
            continue; // already durable
        if (auto st = seg->flush(); !st.isOk())
            return st;
    }
    m_recoveryPoint = m_logEndOffset;
    return Status::ok();
}

} // namespace kafkascope
