#pragma once

#include <cstdint>
#include <string_view>

namespace kafkascope {

// Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2): MurmurHash2 with seed
// 0x9747b28c, little-endian 4-byte blocks, a falling-through tail and the final mix
// h ^= h>>>13; h *= m; h ^= h>>>15. Bytes are unsigned, arithmetic wraps at 32 bits and the
// result is Java's signed int (KAFKA-REFERENCE.md §1).
std::int32_t murmur2(std::string_view bytes);

// Kafka's Utils.toPositive: clears the sign bit (not abs: -1 gives 2147483647).
constexpr std::int32_t toPositive(std::int32_t n) { return n & 0x7fffffff; }

// The partition Kafka's default partitioner gives a non-null key:
// toPositive(murmur2(keyBytes)) % numPartitions. numPartitions must be > 0.
std::int32_t partitionForKey(std::string_view keyBytes, std::int32_t numPartitions);

} // namespace kafkascope
