#pragma once

#include <cstddef>
#include <cstdint>

// The two implementations behind crc32c::extend(), exposed so that tests can check that they
// agree. Code outside crc32c.cpp and its test calls crc32c::extend() instead.

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define KAFKASCOPE_CRC32C_HAVE_SSE42 1
#else
#define KAFKASCOPE_CRC32C_HAVE_SSE42 0
#endif

namespace kafkascope::crc32c::internal {

// Slicing-by-8 tables; runs on any processor. Same contract as crc32c::extend().
std::uint32_t extendPortable(std::uint32_t crc, const void *data, std::size_t n);

#if KAFKASCOPE_CRC32C_HAVE_SSE42
// The SSE4.2 crc32 instruction. Call only when crc32c::hardwareAccelerated() is true.
std::uint32_t extendSse42(std::uint32_t crc, const void *data, std::size_t n);
#endif

} // namespace kafkascope::crc32c::internal
