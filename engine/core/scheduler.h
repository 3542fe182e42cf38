#pragma once

#include "sim_time.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <vector>

namespace kafkascope {

// Lower runs first among events at the same simTime.
enum class EventPriority : int {
    Control = 0,   // user actions and scripted faults
    Network = 10,  // request/response arrivals
    Timer = 20,    // periodic client work (producer sends, consumer polls)
};

// A discrete-event scheduler (OMNeT++'s future event set). Events are totally ordered by
// (simTime, priority, sequence), where sequence is the order of scheduling, so no two events tie
// and a run is reproducible. simTime only moves forward, and only here.
//
// Call from one thread only. Actions may schedule further events (also at the current time).
class Scheduler {
public:
    using Action = std::function<void()>;
    // Names a scheduled event, for cancel(). Ids of events that ran or were cancelled stay safe to
    // pass: they are recognised as stale.
    struct EventId {
        std::uint64_t sequence = ~std::uint64_t{0};
        std::uint32_t slot = ~std::uint32_t{0};
        friend bool operator==(const EventId &, const EventId &) = default;
    };

    [[nodiscard]] SimTime now() const { return m_now; }

    // Schedules `action` at `at` (clamped to now: the past cannot be changed).
    EventId schedule(SimTime at, EventPriority priority, Action action);
    EventId scheduleAfter(SimDuration delay, EventPriority priority, Action action)
    {
        return schedule(m_now + delay, priority, std::move(action));
    }
    // A cancelled event is dropped when it comes up. Unknown or past ids are ignored.
    void cancel(EventId id);

    // Runs the next pending event, moving simTime to its time. Returns false if there was none.
    bool step();

    // Runs every event with time <= `until`, at most `maxEvents` of them, then moves simTime to
    // `until` if all of them ran. Returns the number of events run. Running to T in one call or in
    // many smaller calls runs the same events in the same order.
    std::size_t runUntil(SimTime until, std::size_t maxEvents = std::numeric_limits<std::size_t>::max());

    [[nodiscard]] std::optional<SimTime> nextEventTime();
    [[nodiscard]] std::size_t pendingCount() const { return m_queue.size() - m_cancelledPending; }
    [[nodiscard]] std::uint64_t eventsRun() const { return m_eventsRun; }
    [[nodiscard]] std::uint64_t nextSequence() const { return m_nextSequence; }

private:
    // The queue holds small entries; the actions live in slots reused through a free list, so
    // scheduling and running an event allocates nothing beyond the action itself.
    struct Entry {
        SimTime at;
        int priority;
        std::uint64_t sequence;
        std::uint32_t slot;
        // Ordered for std::priority_queue, which keeps the *largest* on top.
        bool operator<(const Entry &o) const
        {
            if (at != o.at)
                return at > o.at;
            if (priority != o.priority)
                return priority > o.priority;
            return sequence > o.sequence;
        }
    };

    void dropCancelledHead();

    SimTime m_now;
    std::uint64_t m_nextSequence = 0;
    std::uint64_t m_eventsRun = 0;
    struct Slot {
        Action action;
        std::uint64_t sequence = 0;
        bool pending = false; // scheduled, not yet run or cancelled
    };
    std::priority_queue<Entry> m_queue;
    std::vector<Slot> m_slots;
    std::vector<std::uint32_t> m_freeSlots;
    std::size_t m_cancelledPending = 0; // cancelled entries still in m_queue
};

} // namespace kafkascope
