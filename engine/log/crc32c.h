#pragma once

#include <cstddef>
#include <cstdint>

namespace kafkascope::crc32c {

// CRC-32C (Castagnoli), the checksum of Kafka's record batch v2 (KAFKA-REFERENCE.md §4).
// Uses the SSE4.2 crc32 instruction when the processor has it, else a slicing-by-8 table.

// The CRC of `data[0, n)` continuing from the CRC `crc` of the bytes before it
// (extend(extend(0, a), b) == value(a + b)).
std::uint32_t extend(std::uint32_t crc, const void *data, std::size_t n);

inline std::uint32_t value(const void *data, std::size_t n) { return extend(0, data, n); }

// True when extend() runs on the SSE4.2 instruction.
bool hardwareAccelerated();

} // namespace kafkascope::crc32c
