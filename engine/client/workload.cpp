#include "workload.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <set>
#include <sstream>
#include <utility>

namespace kafkascope {

namespace {

constexpr std::int64_t kMaxMicros = std::numeric_limits<std::int64_t>::max();

std::string formatNumber(double x)
{
    std::ostringstream out;
    out << x;
    return out.str();
}

std::string generatedKeyName(std::size_t i) { return "key-" + std::to_string(i); }

// The first repeated name, if any ("" and "a" are different keys; only exact repeats count).
std::optional<std::string> firstDuplicate(const std::vector<std::string> &names)
{
    std::set<std::string> seen;
    for (const auto &n : names)
        if (!seen.insert(n).second)
            return n;
    return std::nullopt;
}

Status checkRate(double recordsPerSecond)
{
    // The negated comparison also refuses NaN.
    if (!(recordsPerSecond > 0.0) || recordsPerSecond > RateModel::kMaxRate)
        return Status::invalidArgument("recordsPerSecond must be > 0 and at most " + formatNumber(RateModel::kMaxRate)
                                       + " (got " + formatNumber(recordsPerSecond) + ")");
    return Status::ok();
}

// now + gap, held at the end of simTime instead of overflowing.
SimTime addSaturating(SimTime now, std::int64_t gapMicros)
{
    std::int64_t out = 0;
    if (__builtin_add_overflow(now.micros(), gapMicros, &out))
        return SimTime::fromMicros(kMaxMicros);
    return SimTime::fromMicros(out);
}

// An exponential gap in whole microseconds, at least one so that the next send is strictly later.
// Held at the end of simTime for absurdly low rates whose gaps would not fit.
std::int64_t exponentialGapMicros(double recordsPerSecond, Random &rng)
{
    const double gapUs = rng.exponential(1e6 / recordsPerSecond);
    if (gapUs >= static_cast<double>(kMaxMicros))
        return kMaxMicros;
    return std::max<std::int64_t>(1, std::llround(gapUs));
}

std::int64_t floorMod(std::int64_t a, std::int64_t m) { return ((a % m) + m) % m; }

} // namespace

// --- KeyDistribution -------------------------------------------------------------------------

Result<KeyDistribution> KeyDistribution::uniform(std::size_t keyCount)
{
    if (keyCount < 1)
        return Status::invalidArgument("keyCount must be at least 1 (got 0)");
    KeyDistribution d;
    d.m_kind = Kind::Uniform;
    d.m_keyCount = keyCount;
    return d;
}

Result<KeyDistribution> KeyDistribution::uniform(std::vector<std::string> keys)
{
    if (keys.empty())
        return Status::invalidArgument("keys must not be empty");
    if (const auto dup = firstDuplicate(keys))
        return Status::invalidArgument("keys lists \"" + *dup + "\" more than once");
    KeyDistribution d;
    d.m_kind = Kind::Uniform;
    d.m_keyCount = keys.size();
    d.m_names = std::move(keys);
    return d;
}

Result<KeyDistribution> KeyDistribution::hotKeys(std::vector<std::string> hot, std::vector<std::string> cold,
                                                 double hotShare)
{
    if (hot.empty())
        return Status::invalidArgument("hotKeys must name at least one key");
    if (!(hotShare >= 0.0 && hotShare <= 1.0))
        return Status::invalidArgument("hotShare must be in [0, 1] (got " + formatNumber(hotShare) + ")");
    if (cold.empty() && hotShare < 1.0)
        return Status::invalidArgument("coldKeys must not be empty when hotShare is below 1 (got "
                                       + formatNumber(hotShare) + ")");
    const std::size_t hotCount = hot.size();
    std::vector<std::string> names = std::move(hot);
    names.insert(names.end(), std::make_move_iterator(cold.begin()), std::make_move_iterator(cold.end()));
    if (const auto dup = firstDuplicate(names))
        return Status::invalidArgument("hotKeys and coldKeys list \"" + *dup + "\" more than once");
    KeyDistribution d;
    d.m_kind = Kind::HotKeys;
    d.m_keyCount = names.size();
    d.m_names = std::move(names);
    d.m_hotCount = hotCount;
    d.m_hotShare = hotShare;
    return d;
}

Result<KeyDistribution> KeyDistribution::hotKeys(std::size_t keyCount, std::size_t hotCount, double hotShare)
{
    if (keyCount < 1)
        return Status::invalidArgument("keyCount must be at least 1 (got 0)");
    if (hotCount < 1 || hotCount > keyCount)
        return Status::invalidArgument("hotCount must be in [1, keyCount = " + std::to_string(keyCount) + "] (got "
                                       + std::to_string(hotCount) + ")");
    if (!(hotShare >= 0.0 && hotShare <= 1.0))
        return Status::invalidArgument("hotShare must be in [0, 1] (got " + formatNumber(hotShare) + ")");
    if (hotCount == keyCount && hotShare < 1.0)
        return Status::invalidArgument("hotCount must leave cold keys when hotShare is below 1 (got hotCount = "
                                       "keyCount = " + std::to_string(keyCount) + ")");
    KeyDistribution d;
    d.m_kind = Kind::HotKeys;
    d.m_keyCount = keyCount;
    d.m_hotCount = hotCount;
    d.m_hotShare = hotShare;
    return d;
}

Result<KeyDistribution> KeyDistribution::zipf(std::size_t keyCount, double exponent)
{
    if (keyCount < 1 || keyCount > kMaxZipfKeys)
        return Status::invalidArgument("keyCount must be in [1, " + std::to_string(kMaxZipfKeys) + "] (got "
                                       + std::to_string(keyCount) + ")");
    if (!(exponent > 0.0) || !std::isfinite(exponent))
        return Status::invalidArgument("exponent must be > 0 and finite (got " + formatNumber(exponent) + ")");
    KeyDistribution d;
    d.m_kind = Kind::Zipf;
    d.m_keyCount = keyCount;
    d.m_exponent = exponent;
    // The exact CDF: cdf[i] = (sum of k^-s for k <= i+1) / H(N, s). Summed from rank 1 upward; the
    // total is at least 1 (rank 1's weight), so dividing is safe, and weights that underflow to 0
    // simply can never be drawn.
    d.m_cdf.resize(keyCount);
    double sum = 0.0;
    for (std::size_t i = 0; i < keyCount; ++i) {
        sum += std::pow(static_cast<double>(i + 1), -exponent);
        d.m_cdf[i] = sum;
    }
    for (double &c : d.m_cdf)
        c /= sum;
    // Rounding must not leave a gap below 1 that no key covers.
    d.m_cdf.back() = 1.0;
    return d;
}

Result<KeyDistribution> KeyDistribution::zipf(std::vector<std::string> keysByRank, double exponent)
{
    if (keysByRank.empty())
        return Status::invalidArgument("keysByRank must not be empty");
    if (const auto dup = firstDuplicate(keysByRank))
        return Status::invalidArgument("keysByRank lists \"" + *dup + "\" more than once");
    auto r = zipf(keysByRank.size(), exponent);
    if (!r.isOk())
        return r;
    KeyDistribution d = std::move(r).value();
    d.m_names = std::move(keysByRank);
    return d;
}

KeyDistribution KeyDistribution::nullKeys()
{
    return KeyDistribution{};
}

std::string KeyDistribution::keyAt(std::size_t i) const
{
    assert(i < m_keyCount);
    return m_names.empty() ? generatedKeyName(i) : m_names[i];
}

std::size_t KeyDistribution::nextIndex(Random &rng) const
{
    switch (m_kind) {
    case Kind::Uniform:
        return static_cast<std::size_t>(rng.uniform(m_keyCount));
    case Kind::HotKeys: {
        // Two draws whatever the outcome, so the number of draws never depends on the data.
        // u < hotShare is never true for 0 and always true for 1 (u is in [0, 1)).
        const bool hot = rng.uniformReal() < m_hotShare;
        if (hot)
            return static_cast<std::size_t>(rng.uniform(m_hotCount));
        return m_hotCount + static_cast<std::size_t>(rng.uniform(m_keyCount - m_hotCount));
    }
    case Kind::Zipf: {
        // Inverse transform: the first key whose cumulative probability exceeds u.
        const double u = rng.uniformReal();
        const auto it = std::upper_bound(m_cdf.begin(), m_cdf.end(), u);
        assert(it != m_cdf.end()); // the last entry is 1 > u
        return static_cast<std::size_t>(it - m_cdf.begin());
    }
    case Kind::NullKeys:
        break;
    }
    assert(false && "nullKeys has no key numbers");
    return 0;
}

std::optional<std::string> KeyDistribution::next(Random &rng) const
{
    if (m_kind == Kind::NullKeys)
        return std::nullopt;
    return keyAt(nextIndex(rng));
}

// --- RateModel -------------------------------------------------------------------------------

Result<RateModel> RateModel::constant(double recordsPerSecond)
{
    if (auto s = checkRate(recordsPerSecond); !s.isOk())
        return s;
    RateModel m;
    m.m_kind = Kind::Constant;
    m.m_rate = recordsPerSecond;
    return m;
}

Result<RateModel> RateModel::bursts(double recordsPerSecond, SimDuration on, SimDuration off)
{
    if (auto s = checkRate(recordsPerSecond); !s.isOk())
        return s;
    if (on <= SimDuration{})
        return Status::invalidArgument("on period must be > 0 (got " + std::to_string(on.micros()) + " us)");
    if (off <= SimDuration{})
        return Status::invalidArgument("off period must be > 0 (got " + std::to_string(off.micros()) + " us)");
    if (on.micros() > kMaxMicros - off.micros())
        return Status::invalidArgument("on period + off period must fit in simTime");
    RateModel m;
    m.m_kind = Kind::Bursts;
    m.m_rate = recordsPerSecond;
    m.m_on = on;
    m.m_off = off;
    return m;
}

Result<RateModel> RateModel::fixedInterval(double recordsPerSecond)
{
    if (auto s = checkRate(recordsPerSecond); !s.isOk())
        return s;
    RateModel m;
    m.m_kind = Kind::FixedInterval;
    m.m_rate = recordsPerSecond;
    return m;
}

double RateModel::averageRecordsPerSecond() const
{
    if (m_kind != Kind::Bursts)
        return m_rate;
    return m_rate * m_on.secondsF() / (m_on + m_off).secondsF();
}

SimTime RateModel::nextSendAfter(SimTime now, Random &rng) const
{
    switch (m_kind) {
    case Kind::Constant:
        return addSaturating(now, exponentialGapMicros(m_rate, rng));
    case Kind::Bursts: {
        // A Poisson process runs on "on-time" only: draw the gap in on-time (memorylessness makes a
        // fresh draw from any point exact), then lay it over the on/off phases starting at now.
        std::int64_t remaining = exponentialGapMicros(m_rate, rng);
        const std::int64_t on = m_on.micros();
        const std::int64_t period = on + m_off.micros();
        std::int64_t t = now.micros();
        std::int64_t phase = floorMod(t, period);
        if (phase >= on) { // in an off period: wait for the next on-period
            t += period - phase;
            phase = 0;
        }
        if (remaining < on - phase)
            return SimTime::fromMicros(t + remaining);
        // Past the end of this on-period: continue at the start of the next one, whole periods at once.
        remaining -= on - phase;
        std::int64_t start = 0;
        std::int64_t skipped = 0;
        if (__builtin_add_overflow(t, (on - phase) + m_off.micros(), &start)
            || __builtin_mul_overflow(remaining / on, period, &skipped)
            || __builtin_add_overflow(start, skipped, &start))
            return SimTime::fromMicros(kMaxMicros);
        // Invariant: start is the beginning of an on-period (the rest, below `on`, fits inside it).
        assert(floorMod(start, period) == 0);
        return SimTime::fromMicros(start + remaining % on);
    }
    case Kind::FixedInterval: {
        // Grid point k is at round(k * 1e6 / rate) us. Estimate the first k after now, then correct
        // the estimate by the rounding of both the estimate and the grid.
        const long double usPerRecord = 1e6L / static_cast<long double>(m_rate);
        const auto at = [usPerRecord](std::int64_t k) {
            const long double us = static_cast<long double>(k) * usPerRecord;
            if (us >= static_cast<long double>(kMaxMicros))
                return kMaxMicros;
            return static_cast<std::int64_t>(std::llroundl(us));
        };
        const std::int64_t nowUs = now.micros();
        if (nowUs >= kMaxMicros)
            return now;
        std::int64_t k = std::max<std::int64_t>(
            0, static_cast<std::int64_t>(std::floor(static_cast<long double>(nowUs) / usPerRecord)) + 1);
        while (k > 0 && at(k - 1) > nowUs)
            --k;
        while (at(k) <= nowUs)
            ++k;
        return SimTime::fromMicros(at(k));
    }
    }
    assert(false && "unknown rate model");
    return now;
}

// --- ValueGenerator --------------------------------------------------------------------------

Result<ValueGenerator> ValueGenerator::fixedSize(std::size_t bytes)
{
    if (bytes > kMaxValueBytes)
        return Status::invalidArgument("bytes must be at most " + std::to_string(kMaxValueBytes) + " (got "
                                       + std::to_string(bytes) + ")");
    return ValueGenerator{bytes, bytes};
}

Result<ValueGenerator> ValueGenerator::uniformSize(std::size_t minBytes, std::size_t maxBytes)
{
    if (maxBytes > kMaxValueBytes)
        return Status::invalidArgument("maxBytes must be at most " + std::to_string(kMaxValueBytes) + " (got "
                                       + std::to_string(maxBytes) + ")");
    if (minBytes > maxBytes)
        return Status::invalidArgument("minBytes must not exceed maxBytes (got " + std::to_string(minBytes) + " > "
                                       + std::to_string(maxBytes) + ")");
    return ValueGenerator{minBytes, maxBytes};
}

std::string ValueGenerator::next(std::string_view clientId, std::uint64_t sequence, Random &rng) const
{
    const std::size_t size = m_min == m_max ? m_min : m_min + static_cast<std::size_t>(rng.uniform(m_max - m_min + 1));
    std::string v;
    v.reserve(size);
    v.append(clientId);
    v.push_back('#');
    v.append(std::to_string(sequence));
    if (v.size() > size)
        v.resize(size);
    else
        v.append(size - v.size(), '.');
    return v;
}

} // namespace kafkascope
