#pragma once

#include <cstdint>

namespace kafkascope {

// The engine's only source of randomness: xoshiro256** seeded through SplitMix64.
// Our own implementation (rather than std::uniform_int_distribution) so that one seed gives the
// same run with every standard library. Injected wherever the engine needs a random choice.
class Random {
public:
    explicit Random(std::uint64_t seed);

    std::uint64_t nextU64();
    // Uniform in [0, bound); bound must be > 0. Unbiased (Lemire's multiply-and-reject).
    std::uint64_t uniform(std::uint64_t bound);
    // Uniform in [0, 1).
    double uniformReal();
    // Exponentially distributed with the given mean (inter-arrival times of a Poisson process).
    double exponential(double mean);

    // Folds the generator's whole state into `h` (for state hashes).
    [[nodiscard]] std::uint64_t stateDigest() const;

private:
    std::uint64_t m_s[4];
};

} // namespace kafkascope
