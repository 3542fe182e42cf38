#include "record_batch.h"

#include "log/big_endian.h"
#include "log/crc32c.h"
#include "log/varint.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <limits>

namespace kafkascope {

namespace {

std::string at(std::size_t pos)
{
    return " (batch byte " + std::to_string(pos) + ")";
}


std::size_t bytesFieldSize(const std::optional<std::string> &bytes)
{
    if (!bytes)
        return varint::sizeOfVarint(-1);
    return varint::sizeOfVarint(static_cast<std::int32_t>(bytes->size())) + bytes->size();
}

// The size of a record's body (everything after its length varint).
std::size_t recordBodySize(const Record &r, std::int64_t timestampDelta, std::int32_t offsetDelta)
{
    std::size_t size = 1 + varint::sizeOfVarlong(timestampDelta) + varint::sizeOfVarint(offsetDelta)
        + bytesFieldSize(r.key) + bytesFieldSize(r.value) + varint::sizeOfVarint(static_cast<std::int32_t>(r.headers.size()));
    for (const RecordHeader &h : r.headers)
        size += varint::sizeOfVarint(static_cast<std::int32_t>(h.key.size())) + h.key.size() + bytesFieldSize(h.value);
    return size;
}

char *writeBytes(char *out, const std::string &bytes)
{
    out = varint::writeVarint(out, static_cast<std::int32_t>(bytes.size()));
    std::memcpy(out, bytes.data(), bytes.size());
    return out + bytes.size();
}

char *writeBytesField(char *out, const std::optional<std::string> &bytes)
{
    return bytes ? writeBytes(out, *bytes) : varint::writeVarint(out, -1);
}

// Writes one record (its length varint, then its body of `bodySize` bytes) at `out`, which has
// room for it; returns one past its end.
char *writeRecord(char *out, const Record &r, std::int64_t timestampDelta, std::int32_t offsetDelta, std::size_t bodySize)
{
    out = varint::writeVarint(out, static_cast<std::int32_t>(bodySize));
    *out++ = 0; // record attributes: unused, always 0
    out = varint::writeVarlong(out, timestampDelta);
    out = varint::writeVarint(out, offsetDelta);
    out = writeBytesField(out, r.key);
    out = writeBytesField(out, r.value);
    out = varint::writeVarint(out, static_cast<std::int32_t>(r.headers.size()));
    for (const RecordHeader &h : r.headers) {
        out = writeBytes(out, h.key);
        out = writeBytesField(out, h.value);
    }
    return out;
}

// Reads a varint-length-prefixed byte field; -1 is null.
bool readBytesField(std::string_view &in, std::optional<std::string> &out, bool allowNull)
{
    std::string_view probe = in;
    std::int32_t len = 0;
    if (!varint::readVarint(probe, len))
        return false;
    if (len == -1 && allowNull) {
        out.reset();
        in = probe;
        return true;
    }
    if (len < 0 || static_cast<std::size_t>(len) > probe.size())
        return false;
    out = std::string(probe.substr(0, static_cast<std::size_t>(len)));
    probe.remove_prefix(static_cast<std::size_t>(len));
    in = probe;
    return true;
}

} // namespace

Result<std::string> encodeBatch(std::int64_t baseOffset, std::span<const Record> records, const BatchOptions &options,
                                bool assignOffsets)
{
    std::string out;
    auto size = encodeBatchInto(out, baseOffset, records, options, assignOffsets);
    if (!size.isOk())
        return size.status();
    out.resize(size.value());
    return out;
}

Result<std::size_t> encodeBatchInto(std::string &buffer, std::int64_t baseOffset, std::span<const Record> records,
                                    const BatchOptions &options, bool assignOffsets)
{
    auto offsetOf = [&](std::size_t i) { return assignOffsets ? baseOffset + static_cast<std::int64_t>(i) : records[i].offset.value(); };
    if (records.empty() && !options.lastOffsetOverride)
        return Status::invalidArgument("a batch needs at least one record");
    if (baseOffset < 0)
        return Status::invalidArgument("negative base offset");
    std::int64_t previous = baseOffset - 1;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const std::int64_t offset = offsetOf(i);
        if (offset <= previous)
            return Status::invalidArgument("record offsets in a batch must increase from the base offset");
        if (offset - baseOffset > std::numeric_limits<std::int32_t>::max())
            return Status::invalidArgument("record offset too far from the batch's base offset");
        previous = offset;
    }
    const std::int64_t lastOffset = options.lastOffsetOverride.value_or(previous);
    if (lastOffset < previous || lastOffset - baseOffset > std::numeric_limits<std::int32_t>::max())
        return Status::invalidArgument("the batch's last offset is out of range");

    const std::int64_t firstTimestamp = records.empty() ? batch::kNoTimestamp : records.front().timestampMs;
    std::int64_t maxTimestamp = batch::kNoTimestamp;
    for (const Record &r : records)
        maxTimestamp = std::max(maxTimestamp, r.timestampMs);
    // The base timestamp is the first record's (or the delete horizon once one is set).
    const std::int64_t baseTimestamp = options.deleteHorizonMs.value_or(firstTimestamp);
    if (options.logAppendTime)
        maxTimestamp = options.appendTimeMs;

    // The header is written last, into room left at the front; uncompressed records go straight
    // into the batch, compressed ones through a temporary.
    // The exact size of the records section is known before writing, so the batch is sized once
    // and written through a pointer.
    auto timestampDeltaOf = [&](const Record &r) {
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(r.timestampMs) - static_cast<std::uint64_t>(baseTimestamp));
    };
    std::size_t sectionSize = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const std::size_t body = recordBodySize(records[i], timestampDeltaOf(records[i]),
                                                static_cast<std::int32_t>(offsetOf(i) - baseOffset));
        sectionSize += varint::sizeOfVarint(static_cast<std::int32_t>(body)) + body;
    }
    const bool isCompressed = options.compression != CompressionType::None;
    std::string uncompressed;
    if (isCompressed)
        uncompressed.resize(sectionSize);
    // The buffer only grows (a reused buffer is not cleared or zero-filled again).
    auto ensure = [&buffer](std::size_t n) {
        if (buffer.size() < n)
            buffer.resize(n);
    };
    ensure(batch::kHeaderSize + (isCompressed ? 0 : sectionSize));
    char *p = isCompressed ? uncompressed.data() : buffer.data() + batch::kHeaderSize;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Record &r = records[i];
        const std::int64_t timestampDelta = timestampDeltaOf(r);
        const auto offsetDelta = static_cast<std::int32_t>(offsetOf(i) - baseOffset);
        p = writeRecord(p, r, timestampDelta, offsetDelta, recordBodySize(r, timestampDelta, offsetDelta));
    }
    // Invariant: exactly the computed size was written.
    assert(p == (isCompressed ? uncompressed.data() + uncompressed.size() : buffer.data() + batch::kHeaderSize + sectionSize));
    std::size_t total = batch::kHeaderSize + sectionSize;
    if (isCompressed) {
        auto compressed = compress(options.compression, uncompressed);
        if (!compressed.isOk())
            return compressed.status();
        total = batch::kHeaderSize + compressed.value().size();
        ensure(total);
        std::memcpy(buffer.data() + batch::kHeaderSize, compressed.value().data(), compressed.value().size());
    }
    if (total - batch::kLogOverhead > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
        return Status::invalidArgument("batch too large");
    std::string &out = buffer;

    std::int16_t attributes = static_cast<std::int16_t>(options.compression);
    if (options.logAppendTime)
        attributes |= batch::kTimestampTypeBit;
    if (options.transactional)
        attributes |= batch::kTransactionalBit;
    if (options.control)
        attributes |= batch::kControlBit;
    if (options.deleteHorizonMs)
        attributes |= batch::kDeleteHorizonBit;

    be::write64At(out, batch::kBaseOffsetPos, static_cast<std::uint64_t>(baseOffset));
    be::write32At(out, batch::kLengthPos, static_cast<std::uint32_t>(total - batch::kLogOverhead));
    be::write32At(out, batch::kPartitionLeaderEpochPos, static_cast<std::uint32_t>(options.partitionLeaderEpoch));
    out[batch::kMagicPos] = static_cast<char>(batch::kMagic);
    be::write16At(out, batch::kAttributesPos, attributes);
    be::write32At(out, batch::kLastOffsetDeltaPos, static_cast<std::uint32_t>(lastOffset - baseOffset));
    be::write64At(out, batch::kBaseTimestampPos, static_cast<std::uint64_t>(baseTimestamp));
    be::write64At(out, batch::kMaxTimestampPos, static_cast<std::uint64_t>(maxTimestamp));
    be::write64At(out, batch::kProducerIdPos, static_cast<std::uint64_t>(options.producerId));
    be::write16At(out, batch::kProducerEpochPos, options.producerEpoch);
    be::write32At(out, batch::kBaseSequencePos, static_cast<std::uint32_t>(options.baseSequence));
    be::write32At(out, batch::kRecordsCountPos, static_cast<std::uint32_t>(records.size()));
    // The CRC covers attributes to the end of the batch.
    be::write32At(out, batch::kCrcPos, crc32c::value(out.data() + batch::kAttributesPos, total - batch::kAttributesPos));
    return total;
}

Result<RecordBatchHeader> readBatchHeader(std::string_view bytes)
{
    if (bytes.size() < batch::kLogOverhead)
        return Status::corruption("truncated batch: " + std::to_string(bytes.size()) + " bytes, less than the "
                                  + std::to_string(batch::kLogOverhead) + "-byte log overhead");
    RecordBatchHeader h;
    h.baseOffset = be::read64(bytes, batch::kBaseOffsetPos);
    h.batchLength = be::read32(bytes, batch::kLengthPos);
    if (h.batchLength < static_cast<std::int32_t>(batch::kHeaderSize - batch::kLogOverhead))
        return Status::corruption("batch length " + std::to_string(h.batchLength) + " is smaller than a v2 header"
                                  + at(batch::kLengthPos));
    if (bytes.size() < batch::kMagicPos + 1)
        return Status::corruption("truncated batch: the header ends after " + std::to_string(bytes.size()) + " bytes");
    h.magic = static_cast<std::int8_t>(bytes[batch::kMagicPos]);
    if (h.magic != batch::kMagic)
        return Status::corruption("unsupported magic " + std::to_string(h.magic) + " (only v2 batches)" + at(batch::kMagicPos));
    if (bytes.size() < batch::kHeaderSize)
        return Status::corruption("truncated batch: the header ends after " + std::to_string(bytes.size()) + " bytes");
    h.partitionLeaderEpoch = be::read32(bytes, batch::kPartitionLeaderEpochPos);
    h.crc = be::readU32(bytes, batch::kCrcPos);
    h.attributes = be::read16(bytes, batch::kAttributesPos);
    h.lastOffsetDelta = be::read32(bytes, batch::kLastOffsetDeltaPos);
    h.baseTimestamp = be::read64(bytes, batch::kBaseTimestampPos);
    h.maxTimestamp = be::read64(bytes, batch::kMaxTimestampPos);
    h.producerId = be::read64(bytes, batch::kProducerIdPos);
    h.producerEpoch = be::read16(bytes, batch::kProducerEpochPos);
    h.baseSequence = be::read32(bytes, batch::kBaseSequencePos);
    h.recordsCount = be::read32(bytes, batch::kRecordsCountPos);
    // Offsets are never negative, and base + delta must not overflow (a corrupt header may say anything).
    if (h.baseOffset < 0 || h.baseOffset > std::numeric_limits<std::int64_t>::max() - std::numeric_limits<std::int32_t>::max())
        return Status::corruption("base offset " + std::to_string(h.baseOffset) + " out of range" + at(batch::kBaseOffsetPos));
    if (h.lastOffsetDelta < 0)
        return Status::corruption("negative last offset delta" + at(batch::kLastOffsetDeltaPos));
    if (h.recordsCount < 0)
        return Status::corruption("negative record count" + at(batch::kRecordsCountPos));
    return h;
}

bool batchCrcValid(std::string_view bytes, const RecordBatchHeader &header)
{
    const std::size_t size = header.sizeInBytes();
    if (bytes.size() < size)
        return false;
    return crc32c::value(bytes.data() + batch::kAttributesPos, size - batch::kAttributesPos) == header.crc;
}

Result<DecodedBatch> decodeBatch(std::string_view bytes, bool requireValidCrc, std::size_t maxDecompressedBytes)
{
    auto header = readBatchHeader(bytes);
    if (!header.isOk())
        return header.status();
    DecodedBatch out;
    out.header = header.value();
    const RecordBatchHeader &h = out.header;
    const std::size_t size = h.sizeInBytes();
    if (bytes.size() < size)
        return Status::corruption("truncated batch: " + std::to_string(size) + " bytes declared, "
                                  + std::to_string(bytes.size()) + " present");
    out.crcValid = batchCrcValid(bytes, h);
    if (!out.crcValid && requireValidCrc)
        return Status::corruption("CRC mismatch: stored " + std::to_string(h.crc) + ", computed "
                                  + std::to_string(crc32c::value(bytes.data() + batch::kAttributesPos, size - batch::kAttributesPos)));
    const auto codec = h.compression();
    if (!codec)
        return Status::corruption("unknown compression codec " + std::to_string(h.attributes & batch::kCompressionMask)
                                  + at(batch::kAttributesPos));

    std::string_view section = bytes.substr(batch::kHeaderSize, size - batch::kHeaderSize);
    std::string decompressed;
    if (*codec != CompressionType::None) {
        auto d = decompress(*codec, section, maxDecompressedBytes);
        if (!d.isOk())
            return Status::corruption("records section: " + d.status().message());
        decompressed = std::move(d).value();
        section = decompressed;
    }

    // A record takes at least 7 bytes; refuse counts the section cannot hold before reserving.
    if (static_cast<std::size_t>(h.recordsCount) > section.size() / 7 + 1)
        return Status::corruption("record count " + std::to_string(h.recordsCount) + " does not fit in "
                                  + std::to_string(section.size()) + " bytes of records");
    out.records.reserve(static_cast<std::size_t>(h.recordsCount));
    std::int64_t previousOffset = h.baseOffset - 1;
    for (std::int32_t i = 0; i < h.recordsCount; ++i) {
        const std::string where = " in record " + std::to_string(i);
        std::int32_t length = 0;
        if (!varint::readVarint(section, length) || length < 0 || static_cast<std::size_t>(length) > section.size())
            return Status::corruption("bad record length" + where);
        std::string_view body = section.substr(0, static_cast<std::size_t>(length));
        section.remove_prefix(static_cast<std::size_t>(length));

        Record r;
        if (body.empty())
            return Status::corruption("empty record" + where);
        body.remove_prefix(1); // record attributes, unused
        std::int64_t timestampDelta = 0;
        std::int32_t offsetDelta = 0;
        if (!varint::readVarlong(body, timestampDelta) || !varint::readVarint(body, offsetDelta))
            return Status::corruption("bad timestamp or offset delta" + where);
        if (offsetDelta < 0 || offsetDelta > h.lastOffsetDelta)
            return Status::corruption("offset delta " + std::to_string(offsetDelta) + " outside the batch" + where);
        r.offset = Offset{h.baseOffset + offsetDelta};
        if (r.offset.value() <= previousOffset)
            return Status::corruption("record offsets do not increase" + where);
        previousOffset = r.offset.value();
        // Wrapping addition, as Java's long arithmetic: a corrupt delta must not be undefined behaviour.
        r.timestampMs = h.isLogAppendTime()
            ? h.maxTimestamp
            : static_cast<std::int64_t>(static_cast<std::uint64_t>(h.baseTimestamp) + static_cast<std::uint64_t>(timestampDelta));
        if (!readBytesField(body, r.key, true) || !readBytesField(body, r.value, true))
            return Status::corruption("bad key or value length" + where);
        std::int32_t headerCount = 0;
        if (!varint::readVarint(body, headerCount) || headerCount < 0 || static_cast<std::size_t>(headerCount) > body.size())
            return Status::corruption("bad header count" + where);
        r.headers.reserve(static_cast<std::size_t>(headerCount));
        for (std::int32_t j = 0; j < headerCount; ++j) {
            std::optional<std::string> key;
            RecordHeader recordHeader;
            if (!readBytesField(body, key, false) || !readBytesField(body, recordHeader.value, true))
                return Status::corruption("bad header " + std::to_string(j) + where);
            recordHeader.key = std::move(*key);
            r.headers.push_back(std::move(recordHeader));
        }
        if (!body.empty())
            return Status::corruption(std::to_string(body.size()) + " unread bytes at the end" + where);
        out.records.push_back(std::move(r));
    }
    if (!section.empty())
        return Status::corruption(std::to_string(section.size()) + " bytes after the last of "
                                  + std::to_string(h.recordsCount) + " records");
    return out;
}

} // namespace kafkascope
