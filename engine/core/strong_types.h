#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace kafkascope {

// A named integer: values of different tags do not mix, so `Offset{5} + PartitionId{1}` does
// not compile. Only the operations that make sense for every tag are defined here; a tag that
// needs arithmetic (offsets, times) gets it through the helpers below.
template <class Tag, class Rep>
class StrongInt {
public:
    using RepType = Rep;

    constexpr StrongInt() = default;
    constexpr explicit StrongInt(Rep value) : m_value(value) {}

    [[nodiscard]] constexpr Rep value() const { return m_value; }

    friend constexpr auto operator<=>(StrongInt, StrongInt) = default;

private:
    Rep m_value{};
};

struct OffsetTag {};
struct PartitionIdTag {};
struct BrokerIdTag {};
struct LeaderEpochTag {};
struct ProducerIdTag {};
struct ConsumerIdTag {};

// The position of a record in a partition (Kafka's `offset`, an int64).
class Offset : public StrongInt<OffsetTag, std::int64_t> {
public:
    using StrongInt::StrongInt;
    constexpr Offset operator+(std::int64_t n) const { return Offset{value() + n}; }
    constexpr Offset operator-(std::int64_t n) const { return Offset{value() - n}; }
    constexpr std::int64_t operator-(Offset other) const { return value() - other.value(); }
    Offset &operator++() { *this = Offset{value() + 1}; return *this; }
};

using PartitionId = StrongInt<PartitionIdTag, std::int32_t>;
using BrokerId = StrongInt<BrokerIdTag, std::int32_t>;
using LeaderEpoch = StrongInt<LeaderEpochTag, std::int32_t>;
using ProducerId = StrongInt<ProducerIdTag, std::int32_t>;
using ConsumerId = StrongInt<ConsumerIdTag, std::int32_t>;

} // namespace kafkascope

template <class Tag, class Rep>
struct std::hash<kafkascope::StrongInt<Tag, Rep>> {
    std::size_t operator()(kafkascope::StrongInt<Tag, Rep> v) const noexcept
    {
        return std::hash<Rep>{}(v.value());
    }
};
