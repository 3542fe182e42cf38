#include "scheduler.h"

#include <cassert>
#include <utility>

namespace kafkascope {

Scheduler::EventId Scheduler::schedule(SimTime at, EventPriority priority, Action action)
{
    if (at < m_now)
        at = m_now;
    const std::uint64_t seq = m_nextSequence++;
    m_queue.push(Entry{at, static_cast<int>(priority), seq});
    m_actions.emplace(seq, std::move(action));
    return seq;
}

void Scheduler::cancel(EventId id)
{
    if (m_actions.count(id) != 0 && m_cancelled.count(id) == 0)
        m_cancelled.insert(id);
}

void Scheduler::dropCancelledHead()
{
    while (!m_queue.empty()) {
        const auto seq = m_queue.top().sequence;
        auto it = m_cancelled.find(seq);
        if (it == m_cancelled.end())
            return;
        m_cancelled.erase(it);
        m_actions.erase(seq);
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
    auto node = m_actions.extract(entry.sequence);
    ++m_eventsRun;
    node.mapped()();
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
