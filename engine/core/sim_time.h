#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace kafkascope {

// A span of simulated time, in microseconds. Kafka's configs are in milliseconds; microseconds
// leave room for network latencies and jitter below a millisecond.
class SimDuration {
public:
    constexpr SimDuration() = default;

    static constexpr SimDuration micros(std::int64_t us) { return SimDuration{us}; }
    static constexpr SimDuration millis(std::int64_t ms) { return SimDuration{ms * 1000}; }
    static constexpr SimDuration seconds(std::int64_t s) { return SimDuration{s * 1000 * 1000}; }

    [[nodiscard]] constexpr std::int64_t micros() const { return m_us; }
    [[nodiscard]] constexpr std::int64_t millis() const { return m_us / 1000; }
    [[nodiscard]] constexpr double secondsF() const { return static_cast<double>(m_us) / 1e6; }

    constexpr SimDuration operator+(SimDuration o) const { return SimDuration{m_us + o.m_us}; }
    constexpr SimDuration operator-(SimDuration o) const { return SimDuration{m_us - o.m_us}; }
    constexpr SimDuration operator*(std::int64_t n) const { return SimDuration{m_us * n}; }
    friend constexpr auto operator<=>(SimDuration, SimDuration) = default;

private:
    constexpr explicit SimDuration(std::int64_t us) : m_us(us) {}
    std::int64_t m_us = 0;
};

// A point on the engine's clock (simTime): microseconds since the simulation started.
// The engine never reads the wall clock; only the scheduler moves simTime forward.
class SimTime {
public:
    constexpr SimTime() = default;

    static constexpr SimTime zero() { return SimTime{}; }
    static constexpr SimTime fromMicros(std::int64_t us) { return SimTime{us}; }
    static constexpr SimTime fromMillis(std::int64_t ms) { return SimTime{ms * 1000}; }

    [[nodiscard]] constexpr std::int64_t micros() const { return m_us; }
    [[nodiscard]] constexpr std::int64_t millis() const { return m_us / 1000; }
    [[nodiscard]] constexpr double secondsF() const { return static_cast<double>(m_us) / 1e6; }

    constexpr SimTime operator+(SimDuration d) const { return SimTime{m_us + d.micros()}; }
    constexpr SimTime operator-(SimDuration d) const { return SimTime{m_us - d.micros()}; }
    constexpr SimDuration operator-(SimTime o) const { return SimDuration::micros(m_us - o.m_us); }
    friend constexpr auto operator<=>(SimTime, SimTime) = default;

private:
    constexpr explicit SimTime(std::int64_t us) : m_us(us) {}
    std::int64_t m_us = 0;
};

// "12.345 s"-style rendering used in logs and reports ("mm:ss.mmm" for displays lives in views).
std::string formatSimTime(SimTime t);

} // namespace kafkascope
