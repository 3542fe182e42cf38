#include "scheduler.h"

#include <cassert>
#include <utility>

namespace kafkascope {

Scheduler::EventId Scheduler::schedule(SimTime at, EventPriority priority, Action action)
{
    if (at < m_now)
        at = m_now;
    const std::uint64_t seq = m_nextSequence++;
    std::uint32_t slot;
    if (m_freeSlots.empty()) {
        slot = static_cast<std::uint32_t>(m_slots.size());
        m_slots.emplace_back();
    } else {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    }
    Slot &s = m_slots[slot];
    s.action = std::move(action);
    s.sequence = seq;
    s.pending = true;
    m_queue.push(Entry{at, static_cast<int>(priority), seq, slot});
    return EventId{seq, slot};
}

void Scheduler::cancel(EventId id)
{
    if (id.slot >= m_slots.size())
        return;
    Slot &s = m_slots[id.slot];
    if (!s.pending || s.sequence != id.sequence)
        return; // ran, cancelled, or the slot went to a later event
    s.pending = false;
    s.action = nullptr; // release what the action holds now, not when its time comes
    ++m_cancelledPending;
}

void Scheduler::dropCancelledHead()
{
    while (m_cancelledPending != 0 && !m_queue.empty()) {
        const Entry &top = m_queue.top();
        if (m_slots[top.slot].pending)
            return;
        m_freeSlots.push_back(top.slot);
        --m_cancelledPending;
        m_queue.pop();
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
    Slot &s = m_slots[entry.slot];
    Action action = std::move(s.action);
    s.action = nullptr;
    s.pending = false;
    m_freeSlots.push_back(entry.slot);
    ++m_eventsRun;
    action(); // may schedule (and so grow m_slots): `s` is not used after this
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
