#include "random.h"

#include <cmath>

namespace kafkascope {

namespace {

std::uint64_t splitMix64(std::uint64_t &x)
{
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// GCC and Clang both have a 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ using Uint128 = unsigned __int128;

constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

} // namespace

Random::Random(std::uint64_t seed)
{
    std::uint64_t x = seed;
    for (auto &s : m_s)
        s = splitMix64(x);
}

std::uint64_t Random::nextU64()
{
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

std::uint64_t Random::uniform(std::uint64_t bound)
{
    // Lemire, "Fast Random Integer Generation in an Interval" (2019).
    Uint128 m = static_cast<Uint128>(nextU64()) * bound;
    auto low = static_cast<std::uint64_t>(m);
    if (low < bound) {
        const std::uint64_t threshold = (0 - bound) % bound;
        while (low < threshold) {
            m = static_cast<Uint128>(nextU64()) * bound;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

double Random::uniformReal()
{
    return static_cast<double>(nextU64() >> 11) * 0x1.0p-53;
}

double Random::exponential(double mean)
{
    // 1 - u is in (0, 1], so the logarithm is finite.
    return -std::log(1.0 - uniformReal()) * mean;
}

std::uint64_t Random::stateDigest() const
{
    std::uint64_t h = 0;
    for (auto s : m_s)
        h = rotl(h, 17) ^ s;
    return h;
}

} // namespace kafkascope
