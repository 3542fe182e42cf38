#include "log_segment.h"

#include <cinttypes>
#include <cstdio>
#include <limits>

namespace kafkascope {

namespace {

std::size_t maxIndexEntries(const LogConfig &config, std::size_t entrySize)
{
    return std::max<std::size_t>(1, static_cast<std::size_t>(config.segmentIndexBytes) / entrySize);
}

} // namespace

std::string LogSegment::fileName(std::int64_t baseOffset, std::string_view suffix)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%020" PRId64, baseOffset);
    return std::string(buf) + std::string(suffix);
}

std::optional<std::int64_t> LogSegment::parseFileName(std::string_view name, std::string_view suffix)
{
    if (name.size() != 20 + suffix.size() || name.substr(20) != suffix)
        return std::nullopt;
    std::int64_t v = 0;
    for (std::size_t i = 0; i < 20; ++i) {
        const char c = name[i];
        if (c < '0' || c > '9')
            return std::nullopt;
        if (v > (std::numeric_limits<std::int64_t>::max() - (c - '0')) / 10)
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

LogSegment::LogSegment(LogStore &store, std::int64_t baseOffset, const LogConfig &config)
    : m_store(store),
      m_baseOffset(baseOffset),
      m_indexIntervalBytes(config.indexIntervalBytes),
      m_offsetIndex(baseOffset, maxIndexEntries(config, OffsetIndex::kEntrySize)),
      m_timeIndex(baseOffset, maxIndexEntries(config, TimeIndex::kEntrySize)),
      m_nextOffset(baseOffset)
{
}

Result<std::unique_ptr<LogSegment>> LogSegment::create(LogStore &store, std::int64_t baseOffset, const LogConfig &config,
                                                       std::int64_t nowMs)
{
    std::unique_ptr<LogSegment> seg(new LogSegment(store, baseOffset, config));
    seg->m_createdMs = nowMs;
    for (auto [file, suffix] : {std::pair{&seg->m_log, ".log"}, std::pair{&seg->m_indexFile, ".index"},
                                std::pair{&seg->m_timeIndexFile, ".timeindex"}}) {
        auto f = store.open(fileName(baseOffset, suffix), true);
        if (!f.isOk())
            return f.status();
        *file = std::move(f).value();
        if (auto st = (*file)->truncate(0); !st.isOk())
            return st;
    }
    return seg;
}

void LogSegment::accountBatch(const RecordBatchHeader &h, std::uint64_t position)
{
    // Kafka's append/recover: the index entry (batch last offset -> batch start) is added when
    // more than index.interval.bytes went in since the previous entry, before counting this batch.
    if (m_bytesSinceLastIndexEntry > static_cast<std::uint64_t>(m_indexIntervalBytes) && !m_offsetIndex.isFull()) {
        m_offsetIndex.append(h.lastOffset(), static_cast<std::uint32_t>(position));
        if (!m_timeIndex.isFull())
            m_timeIndex.maybeAppend(std::max(m_maxTimestamp, h.maxTimestamp),
                                    h.maxTimestamp > m_maxTimestamp ? h.lastOffset() : m_offsetOfMaxTimestamp);
        m_bytesSinceLastIndexEntry = 0;
    }
    if (h.maxTimestamp > m_maxTimestamp) {
        m_maxTimestamp = h.maxTimestamp;
        m_offsetOfMaxTimestamp = h.lastOffset();
    }
    m_lastBatch = BatchLocation{h, position};
    if (position == 0) {
        m_rollingBasedTimestamp = h.maxTimestamp;
        m_firstTimestamp = h.maxTimestamp;
    }
    m_bytesSinceLastIndexEntry += h.sizeInBytes();
    m_nextOffset = h.nextOffset();
    m_size = position + h.sizeInBytes();
    ++m_batchCount;
}

void LogSegment::resetStats()
{
    m_scanHint.reset(); // the bytes it pointed at may be rewritten
    m_lastBatch.reset();
    m_offsetIndex.clear();
    m_timeIndex.clear();
    m_size = 0;
    m_nextOffset = m_baseOffset;
    m_maxTimestamp = -1;
    m_offsetOfMaxTimestamp = -1;
    m_firstTimestamp = -1;
    m_rollingBasedTimestamp.reset();
    m_bytesSinceLastIndexEntry = 0;
    m_batchCount = 0;
}

Result<std::unique_ptr<LogSegment>> LogSegment::open(LogStore &store, std::int64_t baseOffset, const LogConfig &config,
                                                     std::int64_t nowMs, Recovery &recovery)
{
    recovery = Recovery{};
    std::unique_ptr<LogSegment> seg(new LogSegment(store, baseOffset, config));
    seg->m_createdMs = nowMs;
    auto log = store.open(fileName(baseOffset, ".log"), false);
    if (!log.isOk())
        return log.status();
    seg->m_log = std::move(log).value();
    recovery.fileBytes = seg->m_log->size();
    const std::string logName = store.location() + "/" + fileName(baseOffset, ".log");

    // Scan every batch, checking it as Kafka's LogSegment.recover does, rebuilding the indexes.
    std::string bytes;
    std::uint64_t pos = 0;
    std::int64_t expectedMin = baseOffset;
    while (pos < recovery.fileBytes) {
        const std::uint64_t remaining = recovery.fileBytes - pos;
        if (auto st = seg->m_log->read(pos, batch::kHeaderSize, bytes); !st.isOk())
            return st;
        auto header = readBatchHeader(bytes);
        if (!header.isOk()) {
            recovery.tornTail = remaining < batch::kHeaderSize;
            recovery.problem = header.status().message();
            break;
        }
        const RecordBatchHeader &h = header.value();
        if (h.sizeInBytes() > remaining) {
            recovery.tornTail = true;
            recovery.problem = "incomplete batch: " + std::to_string(h.sizeInBytes()) + " bytes declared, "
                + std::to_string(remaining) + " left in the file";
            break;
        }
        if (auto st = seg->m_log->read(pos, h.sizeInBytes(), bytes); !st.isOk())
            return st;
        if (!batchCrcValid(bytes, h)) {
            recovery.problem = "CRC mismatch in the batch at offset " + std::to_string(h.baseOffset);
            break;
        }
        if (h.baseOffset < expectedMin) {
            recovery.problem = "batch offset " + std::to_string(h.baseOffset) + " is below " + std::to_string(expectedMin);
            break;
        }
        if (h.lastOffset() - baseOffset > std::numeric_limits<std::int32_t>::max()) {
            recovery.problem = "batch offset " + std::to_string(h.lastOffset()) + " too far from the segment base";
            break;
        }
        seg->accountBatch(h, pos);
        expectedMin = h.nextOffset();
        pos += h.sizeInBytes();
    }
    recovery.validBytes = pos;
    if (pos < recovery.fileBytes) {
        recovery.problem = logName + " at byte " + std::to_string(pos) + ": " + recovery.problem;
        if (!store.readOnly()) {
            if (auto st = seg->m_log->truncate(pos); !st.isOk())
                return st;
        }
    }
    // A recovered segment gets the final time index entry, as Kafka's recover() does.
    if (seg->m_maxTimestamp >= 0)
        seg->m_timeIndex.maybeAppend(seg->m_maxTimestamp, seg->m_offsetOfMaxTimestamp);

    // Compare with the index files on disk; rewrite them when they disagree or are missing.
    for (auto [suffix, isTime] : {std::pair{".index", false}, std::pair{".timeindex", true}}) {
        const std::string name = fileName(baseOffset, suffix);
        auto file = store.open(name, !store.readOnly());
        bool same = false;
        if (file.isOk()) {
            std::string content;
            if (auto st = file.value()->read(0, file.value()->size(), content); !st.isOk())
                return st;
            same = isTime ? content == seg->m_timeIndex.serialize() : content == seg->m_offsetIndex.serialize();
            (isTime ? seg->m_timeIndexFile : seg->m_indexFile) = std::move(file).value();
            // A file that matches holds every entry already.
            if (same)
                (isTime ? seg->m_timeEntriesWritten : seg->m_indexEntriesWritten) =
                    isTime ? seg->m_timeIndex.entries().size() : seg->m_offsetIndex.entries().size();
        }
        if (!same)
            recovery.indexRebuilt = true;
    }
    if (!store.readOnly()) {
        if (auto st = seg->writeIndexes(recovery.indexRebuilt); !st.isOk())
            return st;
    } else {
        seg->m_indexEntriesWritten = seg->m_offsetIndex.entries().size();
        seg->m_timeEntriesWritten = seg->m_timeIndex.entries().size();
    }
    return seg;
}

bool LogSegment::shouldRoll(std::size_t batchBytes, std::int64_t lastOffset, std::int64_t nowMs,
                            const LogConfig &config) const
{
    const bool full = m_size > 0 && m_size + batchBytes > static_cast<std::uint64_t>(config.segmentBytes);
    const std::int64_t rollBase = m_rollingBasedTimestamp.value_or(m_createdMs);
    const bool old = m_size > 0 && nowMs - rollBase > config.segmentMs;
    const bool indexFull = m_offsetIndex.isFull() || m_timeIndex.isFull();
    const bool offsetOverflow = lastOffset - m_baseOffset > std::numeric_limits<std::int32_t>::max();
    return full || old || indexFull || offsetOverflow;
}

Status LogSegment::append(const RecordBatchHeader &header, std::string_view batchBytes)
{
    const std::uint64_t position = m_size;
    if (auto st = m_log->append(batchBytes); !st.isOk())
        return st;
    accountBatch(header, position);
    // Invariant: the segment's size is the .log file's size.
    return Status::ok();
}

Status LogSegment::readBytes(std::uint64_t position, std::size_t n, std::string &out) const
{
    return m_log->read(position, n, out);
}

Status LogSegment::appendBytes(std::uint64_t position, std::size_t n, std::string &out) const
{
    return m_log->readAppend(position, n, out);
}

Result<RecordBatchHeader> LogSegment::headerAt(std::uint64_t position) const
{
    std::string_view bytes = m_log->peek(position, batch::kHeaderSize);
    if (bytes.empty()) {
        if (auto st = m_log->read(position, batch::kHeaderSize, m_headerBytes); !st.isOk())
            return st;
        bytes = m_headerBytes;
    }
    auto header = readBatchHeader(bytes);
    if (!header.isOk())
        return Status::corruption(m_store.location() + "/" + fileName(m_baseOffset, ".log") + " at byte "
                                  + std::to_string(position) + ": " + header.status().message());
    return header;
}

Result<std::optional<BatchLocation>> LogSegment::findBatch(std::int64_t offset) const
{
    // The last batch answers at once: followers and consumers at the tail ask for it (or for what
    // is past it), and no earlier batch can hold an offset >= its base offset.
    if (m_lastBatch && offset >= m_lastBatch->header.baseOffset) {
        if (offset > m_lastBatch->header.lastOffset())
            return std::optional<BatchLocation>{};
        m_scanHint = m_lastBatch;
        return m_lastBatch;
    }
    const OffsetIndex::Entry start = m_offsetIndex.lookup(offset);
    // The index is sparse (an entry every index.interval.bytes), so the scan from its entry can
    // cross many small batches. Readers mostly ask for the batch after the one they got last
    // (followers and consumers at the tail), so the last batch found is a closer start whenever it
    // lies between the index entry and the offset asked for.
    std::uint64_t from = start.position;
    if (m_scanHint && m_scanHint->header.baseOffset <= offset && m_scanHint->position > from)
        from = m_scanHint->position;
    std::optional<BatchLocation> found;
    const Status st = forEachBatch(from, [&](const BatchLocation &b) {
        if (b.header.lastOffset() >= offset) {
            found = b;
            return false;
        }
        return true;
    });
    if (!st.isOk())
        return st;
    if (found)
        m_scanHint = found;
    return found;
}

Result<std::int64_t> LogSegment::truncateTo(std::int64_t offset)
{
    auto found = findBatch(offset);
    if (!found.isOk())
        return found.status();
    if (!found.value())
        return m_nextOffset; // nothing at or after `offset`
    const std::uint64_t cut = found.value()->position;
    if (auto st = m_log->truncate(cut); !st.isOk())
        return st;
    // Recount what is left (statistics such as the largest timestamp cannot be undone).
    resetStats();
    m_size = cut;
    std::vector<BatchLocation> kept;
    const Status scan = forEachBatch(0, [&](const BatchLocation &b) {
        if (b.position >= cut)
            return false;
        kept.push_back(b);
        return true;
    });
    m_size = 0;
    for (const auto &b : kept)
        accountBatch(b.header, b.position);
    if (!scan.isOk())
        return scan;
    if (auto st = writeIndexes(true); !st.isOk())
        return st;
    return m_nextOffset;
}

Status LogSegment::writeIndexes(bool rewrite)
{
    if (m_store.readOnly())
        return Status::ok();
    for (auto [file, isTime] : {std::pair{&m_indexFile, false}, std::pair{&m_timeIndexFile, true}}) {
        if (!*file) {
            auto f = m_store.open(fileName(m_baseOffset, isTime ? ".timeindex" : ".index"), true);
            if (!f.isOk())
                return f.status();
            *file = std::move(f).value();
            rewrite = true;
        }
    }
    if (rewrite) {
        if (auto st = m_indexFile->truncate(0); !st.isOk())
            return st;
        if (auto st = m_timeIndexFile->truncate(0); !st.isOk())
            return st;
        m_indexEntriesWritten = 0;
        m_timeEntriesWritten = 0;
    }
    if (auto st = m_indexFile->append(m_offsetIndex.serialize(m_indexEntriesWritten)); !st.isOk())
        return st;
    m_indexEntriesWritten = m_offsetIndex.entries().size();
    if (auto st = m_timeIndexFile->append(m_timeIndex.serialize(m_timeEntriesWritten)); !st.isOk())
        return st;
    m_timeEntriesWritten = m_timeIndex.entries().size();
    return Status::ok();
}

Status LogSegment::onBecomeInactive()
{
    if (m_maxTimestamp >= 0)
        m_timeIndex.maybeAppend(m_maxTimestamp, m_offsetOfMaxTimestamp);
    return writeIndexes(false);
}

Status LogSegment::flush()
{
    // Index files are written out but not synced: opening a log checks every segment and rebuilds
    // any index that disagrees with its .log, so only the .log has to survive a crash.
    if (auto st = writeIndexes(false); !st.isOk())
        return st;
    return m_log->flush();
}

Status LogSegment::replaceContent(std::string_view logBytes)
{
    // Written beside the segment and renamed over it, so a crash leaves either the old or the
    // new content (Kafka's cleaner writes `.cleaned` files and swaps them in).
    const std::string logName = fileName(m_baseOffset, ".log");
    const std::string cleaned = logName + ".cleaned";
    if (auto st = m_store.writeWhole(cleaned, logBytes); !st.isOk())
        return st;
    m_log.reset();
    if (auto st = m_store.rename(cleaned, logName); !st.isOk())
        return st;
    auto log = m_store.open(logName, false);
    if (!log.isOk())
        return log.status();
    m_log = std::move(log).value();
    resetStats();
    std::vector<BatchLocation> batches;
    m_size = m_log->size();
    const Status scan = forEachBatch(0, [&](const BatchLocation &b) {
        batches.push_back(b);
        return true;
    });
    m_size = 0;
    for (const auto &b : batches)
        accountBatch(b.header, b.position);
    if (!scan.isOk())
        return scan;
    if (m_maxTimestamp >= 0)
        m_timeIndex.maybeAppend(m_maxTimestamp, m_offsetOfMaxTimestamp);
    return writeIndexes(true);
}

Status LogSegment::deleteFiles()
{
    m_log.reset();
    m_indexFile.reset();
    m_timeIndexFile.reset();
    for (const char *suffix : {".log", ".index", ".timeindex"})
        if (auto st = m_store.remove(fileName(m_baseOffset, suffix)); !st.isOk())
            return st;
    return Status::ok();
}

} // namespace kafkascope
