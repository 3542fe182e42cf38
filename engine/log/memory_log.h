#pragma once

#include "record.h"

#include <cstddef>
#include <span>
#include <vector>

namespace kafkascope {

// A partition's log held in memory: append-only, offsets dense from the log start offset.
// (The log engine issue gives this Kafka's segment and batch format; the contract stays.)
class MemoryLog {
public:
    // Appends one record, assigning it the log-end offset, which then moves up by one.
    Offset append(Record record);

    // Records from `from` on, at most `maxRecords`. Empty at or beyond the log-end offset;
    // `from` below the log start offset reads from the log start offset.
    [[nodiscard]] std::span<const Record> read(Offset from, std::size_t maxRecords) const;

    [[nodiscard]] Offset logStartOffset() const { return m_logStart; }
    [[nodiscard]] Offset logEndOffset() const { return m_logStart + static_cast<std::int64_t>(m_records.size()); }
    [[nodiscard]] std::size_t size() const { return m_records.size(); }
    [[nodiscard]] bool empty() const { return m_records.empty(); }

private:
    Offset m_logStart{0};
    std::vector<Record> m_records;
};

} // namespace kafkascope
