#pragma once

#include "core/status.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kafkascope {

// A segment's sparse offset index (Kafka's OffsetIndex, file `<base>.index`): 8-byte entries of
// [relative offset i32][file position i32], big-endian, offsets and positions increasing. An
// entry maps the last offset of a batch to the position where that batch starts; one is added
// after more than index.interval.bytes were appended since the previous one.
class OffsetIndex {
public:
    static constexpr std::size_t kEntrySize = 8;
    struct Entry {
        std::int64_t offset = 0;
        std::uint32_t position = 0;
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    OffsetIndex(std::int64_t baseOffset, std::size_t maxEntries) : m_base(baseOffset), m_maxEntries(maxEntries) {}

    [[nodiscard]] bool isFull() const { return m_entries.size() >= m_maxEntries; }
    [[nodiscard]] const std::vector<Entry> &entries() const { return m_entries; }
    // `offset` must be above the last entry's and representable relative to the base.
    void append(std::int64_t offset, std::uint32_t position) { m_entries.push_back({offset, position}); }
    // The entry with the largest offset <= target, else {baseOffset, 0} (Kafka's lookup).
    [[nodiscard]] Entry lookup(std::int64_t target) const;
    // Drops entries whose position is at or after `position` (the log was truncated there).
    void truncateToPosition(std::uint64_t position);
    void clear() { m_entries.clear(); }

    [[nodiscard]] std::string serialize(std::size_t fromEntry = 0) const;
    // Parses an index file. Stops at the first entry that is not increasing (a preallocated
    // Kafka index holds zeros after its last entry) and reports how many bytes were used.
    static OffsetIndex parse(std::int64_t baseOffset, std::size_t maxEntries, std::string_view bytes);

private:
    std::int64_t m_base;
    std::size_t m_maxEntries;
    std::vector<Entry> m_entries;
};

// A segment's time index (Kafka's TimeIndex, file `<base>.timeindex`): 12-byte entries of
// [timestamp i64][relative offset i32], big-endian, timestamps increasing. An entry is added
// with each offset index entry when the largest timestamp so far grew, and once more when the
// segment stops being active.
class TimeIndex {
public:
    static constexpr std::size_t kEntrySize = 12;
    struct Entry {
        std::int64_t timestamp = -1;
        std::int64_t offset = 0;
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    TimeIndex(std::int64_t baseOffset, std::size_t maxEntries) : m_base(baseOffset), m_maxEntries(maxEntries) {}

    [[nodiscard]] bool isFull() const { return m_entries.size() >= m_maxEntries; }
    [[nodiscard]] const std::vector<Entry> &entries() const { return m_entries; }
    // Appends only when `timestamp` is above the last entry's (Kafka's maybeAppend).
    void maybeAppend(std::int64_t timestamp, std::int64_t offset);
    // The entry with the largest timestamp <= target, else {-1, baseOffset}.
    [[nodiscard]] Entry lookup(std::int64_t target) const;
    // Drops entries whose offset is >= `offset`.
    void truncateToOffset(std::int64_t offset);
    void clear() { m_entries.clear(); }

    [[nodiscard]] std::string serialize(std::size_t fromEntry = 0) const;
    static TimeIndex parse(std::int64_t baseOffset, std::size_t maxEntries, std::string_view bytes);

private:
    std::int64_t m_base;
    std::size_t m_maxEntries;
    std::vector<Entry> m_entries;
};

} // namespace kafkascope
