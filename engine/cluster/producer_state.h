#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace kafkascope {

// What a partition leader knows of one idempotent producer (Kafka's ProducerStateEntry): the
// producer epoch and the last sequence of its latest batch in the log.
struct ProducerEntry {
    std::int16_t epoch = -1;
    std::int32_t lastSequence = -1;
};

// A replica's idempotent producers (Kafka's ProducerStateManager): producer id -> its entry. A
// vector sorted by id: a partition sees few producers, and every append looks one up, so one
// contiguous block beats a tree's scattered nodes.
class ProducerTable {
public:
    // Nothing when the producer has no batch in the log.
    [[nodiscard]] const ProducerEntry *find(std::int64_t producerId) const
    {
        const auto it = lowerBound(producerId);
        return it != m_entries.end() && it->first == producerId ? &it->second : nullptr;
    }
    void set(std::int64_t producerId, ProducerEntry entry)
    {
        const auto it = lowerBound(producerId);
        if (it != m_entries.end() && it->first == producerId)
            it->second = entry;
        else
            m_entries.insert(it, {producerId, entry});
    }
    void clear() { m_entries.clear(); }
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }

private:
    using Entries = std::vector<std::pair<std::int64_t, ProducerEntry>>;
    Entries::const_iterator lowerBound(std::int64_t producerId) const
    {
        return std::lower_bound(m_entries.begin(), m_entries.end(), producerId,
                                [](const auto &e, std::int64_t id) { return e.first < id; });
    }
    Entries::iterator lowerBound(std::int64_t producerId)
    {
        return std::lower_bound(m_entries.begin(), m_entries.end(), producerId,
                                [](const auto &e, std::int64_t id) { return e.first < id; });
    }
    Entries m_entries;
};

// What the leader does with a producer's batch (Kafka's ProducerAppendInfo checks, 2.5+ / KIP-360).
enum class SequenceCheck {
    Append,       // in sequence: write it
    Duplicate,    // already written (a retry): answer success without writing it again
    OutOfOrder,   // OUT_OF_ORDER_SEQUENCE_NUMBER: a gap, or a new epoch not starting at 0
    InvalidEpoch, // INVALID_PRODUCER_EPOCH: older than the epoch the leader has seen
};

// The checks for a batch of epoch `epoch` starting at `firstSequence`, given the leader's entry
// for the producer (nothing: it has none, because no batch of the producer is in this replica's
// log; Kafka then accepts any sequence). Kafka's rules: an older epoch is refused; a newer epoch
// must start at sequence 0; in the same epoch the batch must follow the last sequence (after
// Integer.MAX_VALUE comes 0), and one at or below it is a retried duplicate. (Kafka recognises a
// duplicate by the last five batches' sequence ranges; here any sequence at or below the last.)
[[nodiscard]] inline SequenceCheck checkProducerSequence(const std::optional<ProducerEntry> &entry, std::int16_t epoch,
                                                         std::int32_t firstSequence)
{
    if (!entry || entry->epoch < 0)
        return SequenceCheck::Append;
    if (epoch < entry->epoch)
        return SequenceCheck::InvalidEpoch;
    if (epoch > entry->epoch)
        return firstSequence == 0 ? SequenceCheck::Append : SequenceCheck::OutOfOrder;
    const bool next = static_cast<std::int64_t>(firstSequence) == static_cast<std::int64_t>(entry->lastSequence) + 1
        || (firstSequence == 0 && entry->lastSequence == std::numeric_limits<std::int32_t>::max());
    if (next)
        return SequenceCheck::Append;
    return firstSequence <= entry->lastSequence ? SequenceCheck::Duplicate : SequenceCheck::OutOfOrder;
}

} // namespace kafkascope
