#include "group_delivery.h"

#include <algorithm>
#include <cassert>
#include <iterator>

namespace kafkascope {

std::int64_t OffsetRangeSet::insert(std::int64_t first, std::int64_t last)
{
    assert(first <= last);
    std::int64_t start = first;
    std::int64_t end = last + 1;
    const std::int64_t present = countIn(start, end);
    // Merge every range that overlaps or touches [start, end).
    auto it = m_ranges.upper_bound(start);
    if (it != m_ranges.begin() && std::prev(it)->second >= start)
        --it;
    while (it != m_ranges.end() && it->first <= end) {
        start = std::min(start, it->first);
        end = std::max(end, it->second);
        it = m_ranges.erase(it);
    }
    m_ranges.emplace(start, end);
    return present;
}

std::int64_t OffsetRangeSet::countIn(std::int64_t first, std::int64_t end) const
{
    if (first >= end)
        return 0;
    std::int64_t n = 0;
    auto it = m_ranges.upper_bound(first);
    if (it != m_ranges.begin())
        --it;
    for (; it != m_ranges.end() && it->first < end; ++it) {
        const std::int64_t lo = std::max(first, it->first);
        const std::int64_t hi = std::min(end, it->second);
        if (hi > lo)
            n += hi - lo;
    }
    return n;
}

bool OffsetRangeSet::contains(std::int64_t offset) const
{
    return countIn(offset, offset + 1) == 1;
}

void GroupDeliveryLedger::noteReadFrom(const TopicPartition &tp, Offset position)
{
    PartitionDelivery &p = m_partitions[tp];
    if (!p.firstPosition || position.value() < *p.firstPosition)
        p.firstPosition = position.value();
}

void GroupDeliveryLedger::noteNoRecord(const TopicPartition &tp, std::int64_t first, std::int64_t last)
{
    if (first <= last)
        m_partitions[tp].accounted.insert(first, last);
}

void GroupDeliveryLedger::noteProcessed(const TopicPartition &tp, std::int64_t first, std::int64_t last, SimTime now)
{
    if (first > last)
        return;
    PartitionDelivery &p = m_partitions[tp];
    const auto n = static_cast<std::uint64_t>(last - first + 1);
    if (!p.recent.empty() && p.recent.back().first == now)
        p.recent.back().second += n;
    else
        p.recent.emplace_back(now, n);
    while (p.recent.front().first <= now - kRateWindow)
        p.recent.pop_front();
    const std::int64_t again = p.processed.insert(first, last);
    p.accounted.insert(first, last);
    p.processings += static_cast<std::uint64_t>(last - first + 1);
    p.processedAgain += static_cast<std::uint64_t>(again);
}

void GroupDeliveryLedger::noteCommitted(const TopicPartition &tp, Offset offset)
{
    m_partitions[tp].lastCommitted = offset.value();
}

double GroupDeliveryLedger::processingRate(const TopicPartition &tp, SimTime now) const
{
    const auto it = m_partitions.find(tp);
    if (it == m_partitions.end())
        return 0.0;
    std::uint64_t n = 0;
    for (const auto &[at, count] : it->second.recent)
        if (at > now - kRateWindow && at <= now)
            n += count;
    return static_cast<double>(n) / kRateWindow.secondsF();
}

DeliveryCounts GroupDeliveryLedger::counts(const TopicPartition &tp, std::optional<Offset> committed) const
{
    DeliveryCounts out;
    const auto it = m_partitions.find(tp);
    if (it == m_partitions.end())
        return out;
    const PartitionDelivery &p = it->second;
    out.processed = p.processings;
    out.processedMoreThanOnce = p.processedAgain;
    if (committed && p.firstPosition && committed->value() > *p.firstPosition) {
        const std::int64_t span = committed->value() - *p.firstPosition;
        out.neverProcessed = static_cast<std::uint64_t>(span - p.accounted.countIn(*p.firstPosition, committed->value()));
    }
    return out;
}

} // namespace kafkascope
