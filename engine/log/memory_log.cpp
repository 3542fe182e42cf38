#include "memory_log.h"

#include <algorithm>
#include <cassert>

namespace kafkascope {

Offset MemoryLog::append(Record record)
{
    record.offset = logEndOffset();
    m_records.push_back(std::move(record));
    // Invariant: offsets are dense from the log start offset.
    assert(m_records.back().offset == m_logStart + static_cast<std::int64_t>(m_records.size() - 1));
    return m_records.back().offset;
}

std::span<const Record> MemoryLog::read(Offset from, std::size_t maxRecords) const
{
    if (from < m_logStart)
        from = m_logStart;
    const auto index = static_cast<std::size_t>(from - m_logStart);
    if (index >= m_records.size())
        return {};
    const std::size_t n = std::min(maxRecords, m_records.size() - index);
    return {m_records.data() + index, n};
}

} // namespace kafkascope
