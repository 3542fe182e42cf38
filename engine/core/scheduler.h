#pragma once

#include "sim_time.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <type_traits>
#include <utility>
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

    Scheduler() = default;
    ~Scheduler();
    Scheduler(const Scheduler &) = delete;
    Scheduler &operator=(const Scheduler &) = delete;

    [[nodiscard]] SimTime now() const { return m_now; }

    // Schedules `action` (any callable taking no arguments) at `at` (clamped to now: the past
    // cannot be changed).
    template <class F>
    EventId schedule(SimTime at, EventPriority priority, F &&action);
    template <class F>
    EventId scheduleAfter(SimDuration delay, EventPriority priority, F &&action)
    {
        return schedule(m_now + delay, priority, std::forward<F>(action));
    }
    // The same for an event that belongs to `owner` (a process on the simulated network: a client
    // node), so that hold(owner) can hold it back. owner >= 0.
    template <class F>
    EventId scheduleFor(std::int32_t owner, SimTime at, EventPriority priority, F &&action);
    // A cancelled event is dropped when it comes up. Unknown or past ids are ignored. A held event
    // (see hold) can be cancelled too.
    void cancel(EventId id);

    // A frozen process (a long garbage-collection pause, SIGSTOP): while `owner` is held, its events
    // do not run when their time comes; they wait, in their order, and release(owner) runs them
    // all at the then current simTime, in the order they would have run (each keeps its id, so
    // cancel still reaches it). Holding an event counts as a step in eventsRun(). Holding a held owner or releasing one that is not held changes
    // nothing. Other owners' events and events without an owner are not affected.
    void hold(std::int32_t owner);
    void release(std::int32_t owner);
    [[nodiscard]] bool isHeld(std::int32_t owner) const;
    // Events of `owner` waiting for release (cancelled ones not counted).
    [[nodiscard]] std::size_t heldCount(std::int32_t owner) const;

    // Runs the next pending event, moving simTime to its time. Returns false if there was none.
    bool step();

    // Runs every event with time <= `until`, at most `maxEvents` of them, then moves simTime to
    // `until` if all of them ran. Returns the number of events run. Running to T in one call or in
    // many smaller calls runs the same events in the same order.
    std::size_t runUntil(SimTime until, std::size_t maxEvents = std::numeric_limits<std::size_t>::max());

    [[nodiscard]] std::optional<SimTime> nextEventTime();
    [[nodiscard]] std::size_t pendingCount() const { return m_queue.size() + m_heldEntries - m_cancelledPending; }
    [[nodiscard]] std::uint64_t eventsRun() const { return m_eventsRun; }
    [[nodiscard]] std::uint64_t nextSequence() const { return m_nextSequence; }

private:
    // The queue holds small entries; the actions live in slots reused through a free list. A slot
    // stores its action in place when it fits (most do: a message's captures), so scheduling and
    // running an event usually allocates nothing.
    // (priority, sequence) packed in one word, priority in the top byte: the same order as
    // comparing the two in turn, with a smaller entry for the heap to move.
    static constexpr int kPriorityShift = 56;
    struct Entry {
        SimTime at;
        std::uint64_t order; // priority << kPriorityShift | sequence
        std::uint32_t slot;
        // Whether this entry runs first: no two entries tie (sequences are unique).
        [[nodiscard]] bool before(const Entry &o) const { return at != o.at ? at < o.at : order < o.order; }
    };
    // The future event set: a 4-ary min-heap. It pops in exactly the order of a binary heap (the
    // order is total), with half the levels, and a node's children side by side in memory: in a
    // large cluster the queue holds tens of thousands of entries and each level is a cache miss.
    class EventHeap {
    public:
        [[nodiscard]] bool empty() const { return m_entries.empty(); }
        [[nodiscard]] std::size_t size() const { return m_entries.size(); }
        [[nodiscard]] const Entry &top() const { return m_entries.front(); }
        void push(const Entry &e);
        void pop();

    private:
        static constexpr std::size_t kArity = 4;
        std::vector<Entry> m_entries;
    };

    // How to run and destroy the callable a slot holds (in place or on the heap).
    struct ActionOps {
        void (*invoke)(void *storage);
        void (*destroy)(void *storage);
    };
    static constexpr std::size_t kInlineActionBytes = 160;
    template <class Fn>
    static constexpr bool kStoredInline = sizeof(Fn) <= kInlineActionBytes && alignof(Fn) <= alignof(std::max_align_t);
    template <class Fn>
    static constexpr ActionOps kInlineOps{[](void *p) { (*static_cast<Fn *>(p))(); },
                                          [](void *p) { static_cast<Fn *>(p)->~Fn(); }};
    template <class Fn>
    static constexpr ActionOps kHeapOps{[](void *p) { (**static_cast<Fn **>(p))(); },
                                        [](void *p) { delete *static_cast<Fn **>(p); }};

    struct Slot {
        alignas(std::max_align_t) unsigned char storage[kInlineActionBytes];
        const ActionOps *ops = nullptr; // nullptr: holds no action
        std::uint64_t sequence = 0;
        std::int32_t owner = -1; // -1: nobody (see hold)
        bool pending = false; // scheduled, not yet run or cancelled
        void clear()
        {
            if (ops) {
                const ActionOps *o = ops;
                ops = nullptr;
                o->destroy(storage);
            }
        }
    };
    // Slots live in fixed-size chunks, so a slot never moves (an action runs in place while it
    // schedules more).
    static constexpr std::uint32_t kSlotChunkBits = 10;
    static constexpr std::uint32_t kSlotChunk = 1u << kSlotChunkBits;
    Slot &slotAt(std::uint32_t slot) { return m_slotChunks[slot >> kSlotChunkBits][slot & (kSlotChunk - 1)]; }
    const Slot &slotAt(std::uint32_t slot) const { return m_slotChunks[slot >> kSlotChunkBits][slot & (kSlotChunk - 1)]; }
    // Takes a free slot for an event at `at` and queues it.
    std::pair<EventId, Slot *> enqueue(SimTime at, EventPriority priority);
    void dropCancelledHead();

    SimTime m_now;
    std::uint64_t m_nextSequence = 0;
    std::uint64_t m_eventsRun = 0;
    EventHeap m_queue;
    std::vector<std::unique_ptr<Slot[]>> m_slotChunks;
    std::uint32_t m_slotCount = 0;
    std::vector<std::uint32_t> m_freeSlots;
    std::size_t m_cancelledPending = 0; // cancelled entries still in m_queue or held
    // Held owners and the entries that came up while they were held, in run order. Small: a few
    // paused clients at most, so a vector scanned linearly.
    struct Held {
        std::int32_t owner;
        std::vector<Entry> entries;
    };
    std::vector<Held> m_held;
    std::size_t m_heldEntries = 0; // entries in m_held, cancelled ones included
};

template <class F>
Scheduler::EventId Scheduler::scheduleFor(std::int32_t owner, SimTime at, EventPriority priority, F &&action)
{
    const EventId id = schedule(at, priority, std::forward<F>(action));
    slotAt(id.slot).owner = owner;
    return id;
}

template <class F>
Scheduler::EventId Scheduler::schedule(SimTime at, EventPriority priority, F &&action)
{
    using Fn = std::decay_t<F>;
    const auto [id, slot] = enqueue(at, priority);
    if constexpr (kStoredInline<Fn>) {
        ::new (static_cast<void *>(slot->storage)) Fn(std::forward<F>(action));
        slot->ops = &kInlineOps<Fn>;
    } else {
        *reinterpret_cast<Fn **>(slot->storage) = new Fn(std::forward<F>(action));
        slot->ops = &kHeapOps<Fn>;
    }
    return id;
}

} // namespace kafkascope
