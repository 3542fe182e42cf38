#include "offset_index.h"

#include "log/big_endian.h"

#include <algorithm>

namespace kafkascope {

OffsetIndex::Entry OffsetIndex::lookup(std::int64_t target) const
{
    const auto it = std::upper_bound(m_entries.begin(), m_entries.end(), target,
                                     [](std::int64_t t, const Entry &e) { return t < e.offset; });
    if (it == m_entries.begin())
        return {m_base, 0};
    return *(it - 1);
}

void OffsetIndex::truncateToPosition(std::uint64_t position)
{
    while (!m_entries.empty() && m_entries.back().position >= position)
        m_entries.pop_back();
}

std::string OffsetIndex::serialize(std::size_t fromEntry) const
{
    std::string out;
    for (std::size_t i = fromEntry; i < m_entries.size(); ++i) {
        be::put32(out, static_cast<std::uint32_t>(m_entries[i].offset - m_base));
        be::put32(out, m_entries[i].position);
    }
    return out;
}

OffsetIndex OffsetIndex::parse(std::int64_t baseOffset, std::size_t maxEntries, std::string_view bytes)
{
    OffsetIndex index(baseOffset, maxEntries);
    for (std::size_t pos = 0; pos + kEntrySize <= bytes.size() && !index.isFull(); pos += kEntrySize) {
        const std::int32_t rel = be::read32(bytes, pos);
        const std::uint32_t position = be::readU32(bytes, pos + 4);
        if (rel < 0)
            break;
        const Entry e{baseOffset + rel, position};
        if (!index.m_entries.empty()
            && (e.offset <= index.m_entries.back().offset || e.position <= index.m_entries.back().position))
            break;
        index.m_entries.push_back(e);
    }
    return index;
}

void TimeIndex::maybeAppend(std::int64_t timestamp, std::int64_t offset)
{
    if (!m_entries.empty() && timestamp <= m_entries.back().timestamp)
        return;
    m_entries.push_back({timestamp, offset});
}

TimeIndex::Entry TimeIndex::lookup(std::int64_t target) const
{
    const auto it = std::upper_bound(m_entries.begin(), m_entries.end(), target,
                                     [](std::int64_t t, const Entry &e) { return t < e.timestamp; });
    if (it == m_entries.begin())
        return {-1, m_base};
    return *(it - 1);
}

void TimeIndex::truncateToOffset(std::int64_t offset)
{
    while (!m_entries.empty() && m_entries.back().offset >= offset)
        m_entries.pop_back();
}

std::string TimeIndex::serialize(std::size_t fromEntry) const
{
    std::string out;
    for (std::size_t i = fromEntry; i < m_entries.size(); ++i) {
        be::put64(out, static_cast<std::uint64_t>(m_entries[i].timestamp));
        be::put32(out, static_cast<std::uint32_t>(m_entries[i].offset - m_base));
    }
    return out;
}

TimeIndex TimeIndex::parse(std::int64_t baseOffset, std::size_t maxEntries, std::string_view bytes)
{
    TimeIndex index(baseOffset, maxEntries);
    for (std::size_t pos = 0; pos + kEntrySize <= bytes.size() && !index.isFull(); pos += kEntrySize) {
        const std::int64_t ts = be::read64(bytes, pos);
        const std::int32_t rel = be::read32(bytes, pos + 8);
        if (rel < 0)
            break;
        const Entry e{ts, baseOffset + rel};
        if (!index.m_entries.empty()
            && (e.timestamp <= index.m_entries.back().timestamp || e.offset < index.m_entries.back().offset))
            break;
        index.m_entries.push_back(e);
    }
    return index;
}

} // namespace kafkascope
