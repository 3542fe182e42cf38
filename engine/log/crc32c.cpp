#include "crc32c.h"

#include "crc32c_internal.h"

#include <array>
#include <cstring>

#if KAFKASCOPE_CRC32C_HAVE_SSE42
#include <nmmintrin.h>
#endif

namespace kafkascope::crc32c {

namespace {

// The Castagnoli polynomial 0x1EDC6F41, bit-reversed because CRC-32C is computed LSB first
// (RFC 3720 appendix B.4; Kafka's Crc32C delegates to java.util.zip.CRC32C, the same function).
constexpr std::uint32_t kPolynomial = 0x82F63B78u;

using Tables = std::array<std::array<std::uint32_t, 256>, 8>;

// tables[0] is the classic byte-at-a-time table; tables[k][b] is the CRC of byte b followed by
// k zero bytes, which lets the loop below fold eight input bytes with eight lookups.
constexpr Tables makeTables()
{
    Tables tables{};
    for (std::uint32_t b = 0; b < 256; ++b) {
        std::uint32_t crc = b;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1u) != 0 ? (crc >> 1) ^ kPolynomial : crc >> 1;
        tables[0][b] = crc;
    }
    for (std::size_t k = 1; k < 8; ++k)
        for (std::size_t b = 0; b < 256; ++b)
            tables[k][b] = (tables[k - 1][b] >> 8) ^ tables[0][tables[k - 1][b] & 0xFFu];
    return tables;
}

constexpr Tables kTables = makeTables();

// The standard check value of the CRC catalogue, verified when this file compiles.
constexpr std::uint32_t checkValue()
{
    constexpr char digits[] = "123456789";
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i + 1 < sizeof digits; ++i)
        crc = (crc >> 8) ^ kTables[0][(crc ^ static_cast<unsigned char>(digits[i])) & 0xFFu];
    return ~crc;
}
static_assert(checkValue() == 0xE3069283u);

// Little-endian load of four bytes, whatever the host byte order.
inline std::uint32_t loadLe32(const unsigned char *p)
{
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8)
           | (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

using ExtendFunction = std::uint32_t (*)(std::uint32_t, const void *, std::size_t);

ExtendFunction chooseImplementation()
{
#if KAFKASCOPE_CRC32C_HAVE_SSE42
    if (__builtin_cpu_supports("sse4.2"))
        return &internal::extendSse42;
#endif
    return &internal::extendPortable;
}

ExtendFunction implementation()
{
    // Chosen once, on first use; static initialisation is thread-safe.
    static const ExtendFunction chosen = chooseImplementation();
    return chosen;
}

} // namespace

namespace internal {

std::uint32_t extendPortable(std::uint32_t crc, const void *data, std::size_t n)
{
    const auto *p = static_cast<const unsigned char *>(data);
    // LevelDB's crc32c::Extend convention: the running CRC is kept inverted.
    std::uint32_t l = ~crc;
    for (; n >= 8; n -= 8, p += 8) {
        const std::uint32_t lo = loadLe32(p) ^ l;
        const std::uint32_t hi = loadLe32(p + 4);
        l = kTables[7][lo & 0xFFu] ^ kTables[6][(lo >> 8) & 0xFFu] ^ kTables[5][(lo >> 16) & 0xFFu]
            ^ kTables[4][lo >> 24] ^ kTables[3][hi & 0xFFu] ^ kTables[2][(hi >> 8) & 0xFFu]
            ^ kTables[1][(hi >> 16) & 0xFFu] ^ kTables[0][hi >> 24];
    }
    for (; n > 0; --n, ++p)
        l = (l >> 8) ^ kTables[0][(l ^ *p) & 0xFFu];
    return ~l;
}

#if KAFKASCOPE_CRC32C_HAVE_SSE42
__attribute__((target("sse4.2"))) std::uint32_t extendSse42(std::uint32_t crc, const void *data, std::size_t n)
{
    const auto *p = static_cast<const unsigned char *>(data);
    std::uint64_t l = ~crc;
    // Single bytes up to an 8-byte boundary, so that the wide loads below are aligned.
    for (; n > 0 && (reinterpret_cast<std::uintptr_t>(p) & 7u) != 0; --n, ++p)
        l = _mm_crc32_u8(static_cast<std::uint32_t>(l), *p);
    for (; n >= 8; n -= 8, p += 8) {
        std::uint64_t word;
        std::memcpy(&word, p, sizeof word);
        l = _mm_crc32_u64(l, word);
    }
    for (; n > 0; --n, ++p)
        l = _mm_crc32_u8(static_cast<std::uint32_t>(l), *p);
    return ~static_cast<std::uint32_t>(l);
}
#endif

} // namespace internal

std::uint32_t extend(std::uint32_t crc, const void *data, std::size_t n)
{
    return implementation()(crc, data, n);
}

bool hardwareAccelerated()
{
    return implementation() != &internal::extendPortable;
}

} // namespace kafkascope::crc32c
