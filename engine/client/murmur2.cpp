#include "murmur2.h"

#include <cassert>

namespace kafkascope {

std::int32_t murmur2(std::string_view bytes)
{
    constexpr std::uint32_t seed = 0x9747b28cU;
    constexpr std::uint32_t m = 0x5bd1e995U;
    constexpr int r = 24;

    const auto length = static_cast<std::uint32_t>(bytes.size());
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    std::uint32_t h = seed ^ length;

    const std::uint32_t blocks = length / 4;
    for (std::uint32_t i = 0; i < blocks; ++i) {
        const std::uint32_t j = i * 4;
        std::uint32_t k = std::uint32_t(data[j]) | (std::uint32_t(data[j + 1]) << 8)
            | (std::uint32_t(data[j + 2]) << 16) | (std::uint32_t(data[j + 3]) << 24);
        k *= m;
        k ^= k >> r;
        k *= m;
        h *= m;
        h ^= k;
    }

    const std::uint32_t tail = blocks * 4;
    switch (length % 4) {
    case 3:
        h ^= std::uint32_t(data[tail + 2]) << 16;
        [[fallthrough]];
    case 2:
        h ^= std::uint32_t(data[tail + 1]) << 8;
        [[fallthrough]];
    case 1:
        h ^= std::uint32_t(data[tail]);
        h *= m;
        break;
    default:
        break;
    }

    h ^= h >> 13;
    h *= m;
    h ^= h >> 15;
    return static_cast<std::int32_t>(h);
}

std::int32_t partitionForKey(std::string_view keyBytes, std::int32_t numPartitions)
{
    assert(numPartitions > 0);
    return toPositive(murmur2(keyBytes)) % numPartitions;
}

} // namespace kafkascope
