#include "scheduler.h"

#include <algorithm>
#include <cassert>
#include <utility>

namespace kafkascope {

Scheduler::~Scheduler()
{
    for (std::uint32_t i = 0; i < m_slotCount; ++i)
        slotAt(i).clear();
}

void Scheduler::EventHeap::push(const Entry &e)
{
    // Sift up: parents that run later move down into the hole until e's place is found.
    std::size_t i = m_entries.size();
    m_entries.push_back(e);
    while (i > 0) {
        const std::size_t parent = (i - 1) / kArity;
        if (!e.before(m_entries[parent]))
            break;
        m_entries[i] = m_entries[parent];
        i = parent;
    }
    m_entries[i] = e;
}

void Scheduler::EventHeap::pop()
{
    // The last entry fills the root's hole, sifting down past the earliest of each node's children.
    const Entry last = m_entries.back();
    m_entries.pop_back();
    const std::size_t n = m_entries.size();
    if (n == 0)
        return;
    std::size_t i = 0;
    for (;;) {
        const std::size_t first = kArity * i + 1;
        if (first >= n)
            break;
        const std::size_t end = std::min(first + kArity, n);
        std::size_t earliest = first;
        for (std::size_t c = first + 1; c < end; ++c)
            if (m_entries[c].before(m_entries[earliest]))
                earliest = c;
        if (!m_entries[earliest].before(last))
            break;
        m_entries[i] = m_entries[earliest];
        i = earliest;
    }
    m_entries[i] = last;
}

std::pair<Scheduler::EventId, Scheduler::Slot *> Scheduler::enqueue(SimTime at, EventPriority priority)
{
    if (at < m_now)
        at = m_now;
    const std::uint64_t seq = m_nextSequence++;
    std::uint32_t slot;
    if (m_freeSlots.empty()) {
        slot = m_slotCount++;
        if ((slot >> kSlotChunkBits) == m_slotChunks.size())
            m_slotChunks.push_back(std::make_unique<Slot[]>(kSlotChunk));
    } else {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    }
    Slot &s = slotAt(slot);
    s.sequence = seq;
    s.owner = -1;
    s.pending = true;
    // Invariant: sequences stay below 2^56 (they count events scheduled), so the priority byte
    // decides first.
    assert(seq >> kPriorityShift == 0);
    m_queue.push(Entry{at, (static_cast<std::uint64_t>(priority) << kPriorityShift) | seq, slot});
    return {EventId{seq, slot}, &s};
}

void Scheduler::cancel(EventId id)
{
    if (id.slot >= m_slotCount)
        return;
    Slot &s = slotAt(id.slot);
    if (!s.pending || s.sequence != id.sequence)
        return; // ran, cancelled, or the slot went to a later event
    s.pending = false;
    s.clear(); // release what the action holds now, not when its time comes
    ++m_cancelledPending;
}

void Scheduler::dropCancelledHead()
{
    while (m_cancelledPending != 0 && !m_queue.empty()) {
        const Entry &top = m_queue.top();
        if (slotAt(top.slot).pending)
            return;
        m_freeSlots.push_back(top.slot);
        --m_cancelledPending;
        m_queue.pop();
    }
}

void Scheduler::hold(std::int32_t owner)
{
    if (!isHeld(owner))
        m_held.push_back(Held{owner, {}});
}

bool Scheduler::isHeld(std::int32_t owner) const
{
    return std::any_of(m_held.begin(), m_held.end(), [owner](const Held &h) { return h.owner == owner; });
}

std::size_t Scheduler::heldCount(std::int32_t owner) const
{
    for (const Held &h : m_held)
        if (h.owner == owner)
            return static_cast<std::size_t>(
                std::count_if(h.entries.begin(), h.entries.end(), [this](const Entry &e) { return slotAt(e.slot).pending; }));
    return 0;
}

void Scheduler::release(std::int32_t owner)
{
    const auto it = std::find_if(m_held.begin(), m_held.end(), [owner](const Held &h) { return h.owner == owner; });
    if (it == m_held.end())
        return;
    std::vector<Entry> entries = std::move(it->entries);
    m_held.erase(it);
    m_heldEntries -= entries.size();
    // Everything that came up meanwhile runs now, in the order it came up (its time, then its
    // priority and sequence): one priority for all of them (a message's: what a thawed process
    // finds waiting), fresh sequence numbers in that order, after the events already queued for
    // now at that priority. A cancelled one goes back as well and is dropped when it comes up.
    constexpr auto kReleased = static_cast<std::uint64_t>(EventPriority::Network) << kPriorityShift;
    for (const Entry &e : entries) {
        const std::uint64_t seq = m_nextSequence++;
        assert(seq >> kPriorityShift == 0);
        m_queue.push(Entry{m_now, kReleased | seq, e.slot});
    }
}

std::optional<SimTime> Scheduler::nextEventTime()
{
    dropCancelledHead();
    if (m_queue.empty())
        return std::nullopt;
    return m_queue.top().at;
}

bool Scheduler::step()
{
    dropCancelledHead();
    if (m_queue.empty())
        return false;
    const Entry entry = m_queue.top();
    m_queue.pop();
    // Invariant: simTime never moves backwards.
    assert(entry.at >= m_now);
    m_now = entry.at;
    // Slots never move, so the action runs in place; its slot is free again once it is done (it
    // may schedule further events meanwhile, which take other slots).
    Slot &s = slotAt(entry.slot);
    // A step counts as run even when its event is held (runUntil's cap and a replay's position
    // count steps, and both must agree).
    ++m_eventsRun;
    if (!m_held.empty() && s.owner >= 0) {
        for (Held &h : m_held)
            if (h.owner == s.owner) {
                // Its process is frozen: the event waits for release(), still pending.
                h.entries.push_back(entry);
                ++m_heldEntries;
                return true;
            }
    }
    s.pending = false;
    if (s.ops)
        s.ops->invoke(s.storage);
    s.clear();
    m_freeSlots.push_back(entry.slot);
    return true;
}

std::size_t Scheduler::runUntil(SimTime until, std::size_t maxEvents)
{
    std::size_t ran = 0;
    while (ran < maxEvents) {
        const auto next = nextEventTime();
        if (!next || *next > until) {
            if (until > m_now)
                m_now = until;
            return ran;
        }
        step();
        ++ran;
    }
    // Capped: simTime stays at the last event run, so the rest runs next time in the same order.
    const auto next = nextEventTime();
    if ((!next || *next > until) && until > m_now)
        m_now = until;
    return ran;
}

} // namespace kafkascope
