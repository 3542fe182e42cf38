#pragma once

#include "core/status.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kafkascope {

// The codec of a record batch: bits 0-2 of its attributes (KAFKA-REFERENCE.md §4).
enum class CompressionType : std::uint8_t { None = 0, Gzip = 1, Snappy = 2, Lz4 = 3, Zstd = 4 };

// "none", "gzip", "snappy", "lz4", "zstd" (Kafka's compression.type names).
std::string_view compressionName(CompressionType type);
std::optional<CompressionType> compressionFromName(std::string_view name);
// The codec for the attribute bits 0-2, or nothing for 5-7 (invalid in Kafka).
std::optional<CompressionType> compressionFromAttributes(std::int16_t attributes);

// Compresses the records section of a batch the way Kafka's producer does:
//   gzip   a GZIP stream (RFC 1952);
//   snappy snappy-java's framed stream (xerial SnappyOutputStream: 8-byte magic, version and
//          compatible version, then [int32 big-endian length][raw snappy block] chunks);
//   lz4    an LZ4 frame (64 KiB independent blocks, as KafkaLZ4BlockOutputStream writes for v2);
//   zstd   a zstd frame.
Result<std::string> compress(CompressionType type, std::string_view data);

// Inverse of compress(). Also accepts what other writers produce: any valid gzip, LZ4 or zstd
// frame, and raw (unframed) snappy. Refuses output larger than `maxOutputBytes` (a corrupt or
// hostile batch must not exhaust memory). Errors name the codec and what was wrong.
Result<std::string> decompress(CompressionType type, std::string_view data,
                               std::size_t maxOutputBytes = std::size_t{256} * 1024 * 1024);

} // namespace kafkascope
