#pragma once

#include "core/status.h"
#include "log/compression.h"
#include "log/record.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kafkascope {

// Kafka's record batch, magic v2 (DefaultRecordBatch; KAFKA-REFERENCE.md §4). All integers
// big-endian. Byte layout of the 61-byte header:
//   0 baseOffset i64 | 8 batchLength i32 (bytes after this field) | 12 partitionLeaderEpoch i32
//  16 magic i8 = 2   | 17 crc u32 (CRC-32C of bytes 21..end)     | 21 attributes i16
//  23 lastOffsetDelta i32 | 27 baseTimestamp i64 | 35 maxTimestamp i64 | 43 producerId i64
//  51 producerEpoch i16   | 53 baseSequence i32  | 57 recordsCount i32 | 61 records…
// Attributes: bits 0-2 compression, bit 3 timestamp type (1 = LogAppendTime), bit 4
// transactional, bit 5 control, bit 6 delete horizon set (baseTimestamp is then the horizon).
// Each record: length varint, attributes i8 (0), timestampDelta varlong, offsetDelta varint,
// key length varint (-1 = null) + key, value length varint (-1 = null) + value, header count
// varint, then per header: key length varint + key, value length varint (-1 = null) + value.
namespace batch {
inline constexpr std::size_t kBaseOffsetPos = 0;
inline constexpr std::size_t kLengthPos = 8;
inline constexpr std::size_t kLogOverhead = 12; // baseOffset + batchLength
inline constexpr std::size_t kPartitionLeaderEpochPos = 12;
inline constexpr std::size_t kMagicPos = 16;
inline constexpr std::size_t kCrcPos = 17;
inline constexpr std::size_t kAttributesPos = 21;
inline constexpr std::size_t kLastOffsetDeltaPos = 23;
inline constexpr std::size_t kBaseTimestampPos = 27;
inline constexpr std::size_t kMaxTimestampPos = 35;
inline constexpr std::size_t kProducerIdPos = 43;
inline constexpr std::size_t kProducerEpochPos = 51;
inline constexpr std::size_t kBaseSequencePos = 53;
inline constexpr std::size_t kRecordsCountPos = 57;
inline constexpr std::size_t kHeaderSize = 61;
inline constexpr std::int8_t kMagic = 2;

inline constexpr std::int16_t kCompressionMask = 0x07;
inline constexpr std::int16_t kTimestampTypeBit = 0x08;
inline constexpr std::int16_t kTransactionalBit = 0x10;
inline constexpr std::int16_t kControlBit = 0x20;
inline constexpr std::int16_t kDeleteHorizonBit = 0x40;

inline constexpr std::int64_t kNoProducerId = -1;
inline constexpr std::int16_t kNoProducerEpoch = -1;
inline constexpr std::int32_t kNoSequence = -1;
inline constexpr std::int32_t kNoPartitionLeaderEpoch = -1;
inline constexpr std::int64_t kNoTimestamp = -1;
} // namespace batch

// The fixed header of a batch, decoded.
struct RecordBatchHeader {
    std::int64_t baseOffset = 0;
    std::int32_t batchLength = 0;
    std::int32_t partitionLeaderEpoch = batch::kNoPartitionLeaderEpoch;
    std::int8_t magic = batch::kMagic;
    std::uint32_t crc = 0;
    std::int16_t attributes = 0;
    std::int32_t lastOffsetDelta = 0;
    std::int64_t baseTimestamp = 0;
    std::int64_t maxTimestamp = 0;
    std::int64_t producerId = batch::kNoProducerId;
    std::int16_t producerEpoch = batch::kNoProducerEpoch;
    std::int32_t baseSequence = batch::kNoSequence;
    std::int32_t recordsCount = 0;

    [[nodiscard]] std::int64_t lastOffset() const { return baseOffset + lastOffsetDelta; }
    [[nodiscard]] std::int64_t nextOffset() const { return lastOffset() + 1; }
    // Bytes of the whole batch, log overhead included.
    [[nodiscard]] std::size_t sizeInBytes() const { return batch::kLogOverhead + static_cast<std::size_t>(batchLength); }
    [[nodiscard]] std::optional<CompressionType> compression() const { return compressionFromAttributes(attributes); }
    [[nodiscard]] bool isLogAppendTime() const { return (attributes & batch::kTimestampTypeBit) != 0; }
    [[nodiscard]] bool isTransactional() const { return (attributes & batch::kTransactionalBit) != 0; }
    [[nodiscard]] bool isControl() const { return (attributes & batch::kControlBit) != 0; }
    [[nodiscard]] bool hasDeleteHorizon() const { return (attributes & batch::kDeleteHorizonBit) != 0; }
};

// How to build a batch.
struct BatchOptions {
    CompressionType compression = CompressionType::None;
    std::int32_t partitionLeaderEpoch = batch::kNoPartitionLeaderEpoch;
    std::int64_t producerId = batch::kNoProducerId;
    std::int16_t producerEpoch = batch::kNoProducerEpoch;
    std::int32_t baseSequence = batch::kNoSequence;
    bool transactional = false;
    bool control = false;
    // LogAppendTime: every record's timestamp is the batch's maxTimestamp (set to `appendTimeMs`).
    bool logAppendTime = false;
    std::int64_t appendTimeMs = batch::kNoTimestamp;
    // Compaction keeps a batch's original last offset even when its last record is removed,
    // so that producer state survives cleaning (Kafka's filterTo for v2).
    std::optional<std::int64_t> lastOffsetOverride;
    // Set when a compacted batch still holds tombstones: the time after which they may go.
    std::optional<std::int64_t> deleteHorizonMs;
};

// Encodes `records` as one v2 batch starting at `baseOffset`. Record offsets must be strictly
// increasing and >= baseOffset (dense after an append, with gaps after compaction); an empty
// list is allowed only with lastOffsetOverride (a cleaned batch that kept nothing but its last
// offset). Returns the batch bytes, CRC filled in.
// With `assignOffsets`, record i gets offset baseOffset + i and the records' own offsets are
// ignored (an append).
Result<std::string> encodeBatch(std::int64_t baseOffset, std::span<const Record> records, const BatchOptions &options,
                                bool assignOffsets = false);
// The same, written at the start of `buffer`, which is grown when too small but never shrunk or
// cleared (a buffer reused across batches costs no allocation). Returns the batch's size: the
// batch is buffer[0, size).
Result<std::size_t> encodeBatchInto(std::string &buffer, std::int64_t baseOffset, std::span<const Record> records,
                                    const BatchOptions &options, bool assignOffsets = false);

// Reads the fixed header of the batch at the front of `bytes`, checking only what the header
// itself says (size, magic). `bytes` may extend past the batch.
Result<RecordBatchHeader> readBatchHeader(std::string_view bytes);

// Whether the CRC stored in the batch at the front of `bytes` matches its content. `bytes`
// must hold the whole batch (readBatchHeader first).
bool batchCrcValid(std::string_view bytes, const RecordBatchHeader &header);

struct DecodedBatch {
    RecordBatchHeader header;
    std::vector<Record> records;
    bool crcValid = false;
};

// Decodes the whole batch at the front of `bytes`: header, CRC, decompression, every record.
// With `requireValidCrc`, a CRC mismatch is an error; otherwise it is reported in crcValid
// (dump-log shows records of damaged batches). Never reads outside `bytes`; every length
// is checked; errors say what is wrong and at which byte of the batch.
// Decompressed records larger than `maxDecompressedBytes` are refused as corrupt (a small hostile
// batch must not claim gigabytes).
inline constexpr std::size_t kDefaultMaxDecompressedBytes = std::size_t{64} * 1024 * 1024;
Result<DecodedBatch> decodeBatch(std::string_view bytes, bool requireValidCrc = true,
                                 std::size_t maxDecompressedBytes = kDefaultMaxDecompressedBytes);

} // namespace kafkascope
