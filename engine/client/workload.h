#pragma once

#include "core/random.h"
#include "core/sim_time.h"
#include "core/status.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kafkascope {

// What a simulated producer sends: which key (KeyDistribution), when (RateModel) and how large a
// value (ValueGenerator). All three are immutable values built by validating factories; every
// random choice draws from the injected `Random` (the cluster's), so a seed fixes the workload.
// Each sampling function documents which draws it makes, because the draws of all producers
// interleave on one generator and reproducibility depends on them.

// The key a record carries. Keys are strings (Kafka hashes their UTF-8 bytes, KAFKA-REFERENCE.md
// §1); a null key (std::nullopt) is not the same as an empty one, which Kafka hashes like any
// other. Keys are numbered 0..keyCount()-1; generated names are "key-0", "key-1", ...
class KeyDistribution {
public:
    enum class Kind { Uniform, HotKeys, Zipf, NullKeys };

    // Largest key count a Zipf distribution accepts: its CDF costs 8 bytes per key.
    static constexpr std::size_t kMaxZipfKeys = 1'000'000;

    // Every key equally likely: keyCount generated names, or the given distinct names.
    static Result<KeyDistribution> uniform(std::size_t keyCount);
    static Result<KeyDistribution> uniform(std::vector<std::string> keys);
    // The hot keys together get the share hotShare (0 <= hotShare <= 1) of all records, uniformly
    // among themselves; the cold keys share the rest uniformly. Hot keys must not be empty; cold keys
    // may be empty only when hotShare is 1. All names must be distinct. Key numbers: hot first.
    static Result<KeyDistribution> hotKeys(std::vector<std::string> hot, std::vector<std::string> cold,
                                           double hotShare);
    // The same over keyCount generated names, of which the first hotCount are hot.
    static Result<KeyDistribution> hotKeys(std::size_t keyCount, std::size_t hotCount, double hotShare);
    // Zipf's law: key of rank k (1-based, key number k-1) has probability k^-exponent / H(N, exponent).
    // 1 <= keyCount <= kMaxZipfKeys, exponent > 0 and finite. Sampled exactly (inverse CDF).
    static Result<KeyDistribution> zipf(std::size_t keyCount, double exponent);
    // keysByRank[0] is rank 1, the most frequent key.
    static Result<KeyDistribution> zipf(std::vector<std::string> keysByRank, double exponent);
    // Every record has a null key (Kafka then uses its sticky partitioning).
    static KeyDistribution nullKeys();

    [[nodiscard]] Kind kind() const { return m_kind; }
    // Number of distinct keys (0 for nullKeys).
    [[nodiscard]] std::size_t keyCount() const { return m_keyCount; }
    // The name of key number i; i < keyCount().
    [[nodiscard]] std::string keyAt(std::size_t i) const;
    // True when the keys are the generated "key-<i>" (else names were given).
    [[nodiscard]] bool generatedNames() const { return m_names.empty(); }
    // hotKeys: how many keys are hot (key numbers [0, hotCount())) and their share of records.
    [[nodiscard]] std::size_t hotCount() const { return m_hotCount; }
    [[nodiscard]] double hotShare() const { return m_hotShare; }
    // zipf: the exponent s.
    [[nodiscard]] double exponent() const { return m_exponent; }
    // Draws the key of the next record. Draws from rng: uniform one uniform(), zipf one
    // uniformReal(), hotKeys one uniformReal() (hot or cold) then one uniform(), nullKeys nothing.
    [[nodiscard]] std::optional<std::string> next(Random &rng) const;

private:
    KeyDistribution() = default;
    [[nodiscard]] std::size_t nextIndex(Random &rng) const;

    Kind m_kind = Kind::NullKeys;
    std::size_t m_keyCount = 0;
    std::vector<std::string> m_names; // empty: generated names "key-<i>"
    std::size_t m_hotCount = 0;       // hotKeys: key numbers [0, m_hotCount) are hot
    double m_hotShare = 0.0;
    double m_exponent = 0.0;          // zipf
    std::vector<double> m_cdf;        // zipf: m_cdf[i] = P(key number <= i); the last entry is 1
};

// When a producer sends. nextSendAfter(now) is the simTime of the next send, strictly after now;
// times are whole microseconds (SimTime's resolution), so rates are limited to kMaxRate. A send
// that would fall beyond the end of simTime (absurdly low rates) is held at its last microsecond.
class RateModel {
public:
    enum class Kind { Constant, Bursts, FixedInterval };

    // One record per microsecond: the finest rate simTime can express.
    static constexpr double kMaxRate = 1e6;

    // A Poisson process of recordsPerSecond: independent exponential gaps of mean 1/rate seconds,
    // rounded to the nearest microsecond and at least one. 0 < recordsPerSecond <= kMaxRate.
    static Result<RateModel> constant(double recordsPerSecond);
    // On/off traffic: a Poisson process of recordsPerSecond during on-periods of length `on`, nothing
    // during off-periods of length `off`. The phase starts at simTime 0 with an on-period: simTime t is
    // "on" when t mod (on + off) < on. Both periods > 0; rate as for constant().
    static Result<RateModel> bursts(double recordsPerSecond, SimDuration on, SimDuration off);
    // A send exactly every 1/recordsPerSecond seconds on a grid anchored at simTime 0: the k-th send
    // is at k/rate seconds rounded to the nearest microsecond (so R sends per second, with no drift).
    // No randomness. Rate as for constant().
    static Result<RateModel> fixedInterval(double recordsPerSecond);

    [[nodiscard]] Kind kind() const { return m_kind; }
    // The rate while sending (records per second).
    [[nodiscard]] double recordsPerSecond() const { return m_rate; }
    // bursts: the lengths of the on and off periods.
    [[nodiscard]] SimDuration onPeriod() const { return m_on; }
    [[nodiscard]] SimDuration offPeriod() const { return m_off; }
    // Long-run average rate: the rate times the on-fraction for bursts.
    [[nodiscard]] double averageRecordsPerSecond() const;
    // The next send time, > now. Draws from rng: constant and bursts one exponential(),
    // fixedInterval nothing.
    [[nodiscard]] SimTime nextSendAfter(SimTime now, Random &rng) const;

private:
    RateModel() = default;

    Kind m_kind = Kind::Constant;
    double m_rate = 1.0;
    SimDuration m_on;
    SimDuration m_off;
};

// The value a record carries: readable bytes "<clientId>#<sequence>" padded with '.' to the drawn
// size (cut to it when the label is longer), so a value's size is exactly what was drawn.
class ValueGenerator {
public:
    // Largest value size accepted: Kafka's max.request.size default (1 MiB), which a single record
    // plus its batch overhead cannot exceed anyway.
    static constexpr std::size_t kMaxValueBytes = 1024 * 1024;

    // Every value has exactly `bytes` bytes (0 gives empty, non-null values).
    static Result<ValueGenerator> fixedSize(std::size_t bytes);
    // Sizes uniform over [minBytes, maxBytes], both inclusive; minBytes <= maxBytes <= kMaxValueBytes.
    static Result<ValueGenerator> uniformSize(std::size_t minBytes, std::size_t maxBytes);

    [[nodiscard]] std::size_t minBytes() const { return m_min; }
    [[nodiscard]] std::size_t maxBytes() const { return m_max; }
    // The value for the producer's `sequence`-th record. Draws one uniform() from rng when the sizes
    // form a range, nothing for a fixed size.
    [[nodiscard]] std::string next(std::string_view clientId, std::uint64_t sequence, Random &rng) const;

private:
    ValueGenerator(std::size_t minBytes, std::size_t maxBytes) : m_min(minBytes), m_max(maxBytes) {}

    std::size_t m_min = 0;
    std::size_t m_max = 0;
};

} // namespace kafkascope
