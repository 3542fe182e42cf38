#pragma once

#include <cstdint>
#include <limits>
#include <string_view>

namespace kafkascope {

// Which partition of __consumer_offsets a group lives in, and so which broker coordinates it (the
// leader of that partition). Kafka: GroupMetadataManager.partitionFor(groupId) =
// Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions.

// offsets.topic.num.partitions (Kafka's default).
inline constexpr std::int32_t kDefaultOffsetsTopicPartitions = 50;

// Java's String.hashCode: h = 31 * h + c over the string's UTF-16 code units, in 32-bit two's
// complement arithmetic. `utf8` is decoded to UTF-16 first (characters above U+FFFF become a
// surrogate pair, as in Java); a byte that does not start a valid UTF-8 sequence counts as U+FFFD,
// which is what Java's decoder substitutes for malformed input.
[[nodiscard]] inline std::int32_t javaStringHashCode(std::string_view utf8)
{
    std::uint32_t h = 0;
    const auto add = [&h](std::uint32_t codeUnit) { h = 31U * h + codeUnit; };
    const auto byteAt = [&utf8](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(utf8[i])); };
    std::size_t i = 0;
    while (i < utf8.size()) {
        const std::uint32_t b0 = byteAt(i);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        std::uint32_t minimum = 0;
        if (b0 < 0x80) {
            len = 1;
            cp = b0;
        } else if ((b0 & 0xE0U) == 0xC0U) {
            len = 2;
            cp = b0 & 0x1FU;
            minimum = 0x80;
        } else if ((b0 & 0xF0U) == 0xE0U) {
            len = 3;
            cp = b0 & 0x0FU;
            minimum = 0x800;
        } else if ((b0 & 0xF8U) == 0xF0U) {
            len = 4;
            cp = b0 & 0x07U;
            minimum = 0x10000;
        }
        bool valid = len != 0 && i + len <= utf8.size();
        for (std::size_t k = 1; valid && k < len; ++k) {
            const std::uint32_t b = byteAt(i + k);
            if ((b & 0xC0U) != 0x80U)
                valid = false;
            else
                cp = (cp << 6) | (b & 0x3FU);
        }
        if (valid && (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
            valid = false;
        if (!valid) {
            add(0xFFFD);
            ++i;
            continue;
        }
        if (cp >= 0x10000) {
            const std::uint32_t v = cp - 0x10000;
            add(0xD800 + (v >> 10));
            add(0xDC00 + (v & 0x3FFU));
        } else {
            add(cp);
        }
        i += len;
    }
    return static_cast<std::int32_t>(h);
}

// Kafka's Utils.abs: Math.abs, except that Integer.MIN_VALUE (whose Math.abs is itself, negative)
// maps to 0.
[[nodiscard]] constexpr std::int32_t kafkaAbs(std::int32_t n)
{
    if (n == std::numeric_limits<std::int32_t>::min())
        return 0;
    return n < 0 ? -n : n;
}

// The __consumer_offsets partition of `groupId`. `numPartitions` must be > 0.
[[nodiscard]] inline std::int32_t consumerOffsetsPartitionFor(std::string_view groupId,
                                                              std::int32_t numPartitions = kDefaultOffsetsTopicPartitions)
{
    return kafkaAbs(javaStringHashCode(groupId)) % numPartitions;
}

} // namespace kafkascope
