#pragma once

#include "cluster/topic_partition.h"
#include "core/sim_time.h"
#include "core/strong_types.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <utility>

namespace kafkascope {

// A set of offsets kept as disjoint, non-adjacent half-open ranges [start, end).
class OffsetRangeSet {
public:
    // Adds [first, last] (first <= last); returns how many of those offsets were in the set already.
    std::int64_t insert(std::int64_t first, std::int64_t last);
    // How many offsets of [first, end) are in the set.
    [[nodiscard]] std::int64_t countIn(std::int64_t first, std::int64_t end) const;
    [[nodiscard]] bool contains(std::int64_t offset) const;
    // start -> end (exclusive), ascending.
    [[nodiscard]] const std::map<std::int64_t, std::int64_t> &ranges() const { return m_ranges; }

private:
    std::map<std::int64_t, std::int64_t> m_ranges;
};

// Delivery-semantics counts of a group (or one of its partitions); see docs/GROUPS.md
// ("Delivery semantics").
struct DeliveryCounts {
    std::uint64_t processed = 0;             // records the group's applications finished processing (each time)
    std::uint64_t processedMoreThanOnce = 0; // of those, processings of an offset the group had processed before
    std::uint64_t neverProcessed = 0;        // offsets below the committed offset that no member processed
    DeliveryCounts &operator+=(const DeliveryCounts &o)
    {
        processed += o.processed;
        processedMoreThanOnce += o.processedMoreThanOnce;
        neverProcessed += o.neverProcessed;
        return *this;
    }
};

// What one group did with one partition's records, for the counts above.
struct PartitionDelivery {
    std::optional<std::int64_t> firstPosition; // the lowest position any member read from
    OffsetRangeSet processed;                  // offsets some member processed
    OffsetRangeSet accounted;                  // processed, or found to hold no record (compaction gaps)
    std::uint64_t processings = 0;
    std::uint64_t processedAgain = 0;
    std::optional<std::int64_t> lastCommitted; // the last commit a coordinator acknowledged
    // (when, how many) of the processings within the last kRateWindow, oldest first.
    std::deque<std::pair<SimTime, std::uint64_t>> recent;
};

// The truth about one consumer group's processing: which offsets its members' applications
// processed, how often, and where the group started reading. Fed by the group's consumers
// (Consumer); the Cluster keeps one per group id (Cluster::groupDelivery).
class GroupDeliveryLedger {
public:
    // The window over which processingRate averages.
    static constexpr SimDuration kRateWindow = SimDuration::seconds(10);

    // A member fetched from `position` (the start of the group's responsibility is the lowest).
    void noteReadFrom(const TopicPartition &tp, Offset position);
    // A fetch passed offsets [first, last] that hold no record (compacted away).
    void noteNoRecord(const TopicPartition &tp, std::int64_t first, std::int64_t last);
    // A member's application finished processing the records at offsets [first, last] at `now`.
    void noteProcessed(const TopicPartition &tp, std::int64_t first, std::int64_t last, SimTime now);
    // A coordinator acknowledged a commit of `offset` (the next offset to read).
    void noteCommitted(const TopicPartition &tp, Offset offset);

    [[nodiscard]] const std::map<TopicPartition, PartitionDelivery> &partitions() const { return m_partitions; }
    // The counts of `tp` given the group's committed offset (nothing: none committed).
    [[nodiscard]] DeliveryCounts counts(const TopicPartition &tp, std::optional<Offset> committed) const;
    // Records of `tp` the group processed per second over the kRateWindow before `now` (the
    // records processed in (now - window, now], divided by the window).
    [[nodiscard]] double processingRate(const TopicPartition &tp, SimTime now) const;

private:
    std::map<TopicPartition, PartitionDelivery> m_partitions;
};

} // namespace kafkascope
