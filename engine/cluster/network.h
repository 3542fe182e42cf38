#pragma once

#include "core/random.h"
#include "core/scheduler.h"
#include "core/sim_time.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace kafkascope {

// A node on the simulated network: a broker or a client. Brokers are 0…, clients are numbered
// from kFirstClientNode so the two never clash.
using NodeId = std::int32_t;
inline constexpr NodeId kFirstClientNode = 1'000'000;

// The simulated network between brokers and clients: every message is an event delivered after
// the link's latency (plus uniform jitter), or never (random loss, a network partition between
// the two sides, or a paused receiver). Deterministic: jitter and loss draw from the injected RNG.
//
// `scheduler` and `rng` must outlive the network. Call from the scheduler's thread only.
class SimNetwork {
public:
    SimNetwork(Scheduler &scheduler, Random &rng) : m_scheduler(scheduler), m_rng(rng) {}

    // Told of every change to the network's settings, with a function that makes the same change
    // on another network (what a replay needs). Messages sent are not changes.
    using ChangeListener = std::function<void(const std::string &what, std::function<void(SimNetwork &)> redo)>;
    void setChangeListener(ChangeListener listener) { m_listener = std::move(listener); }

    void setDefaultLatency(SimDuration latency);
    [[nodiscard]] SimDuration defaultLatency() const { return m_defaultLatency; }
    // Latency of the link between `a` and `b` (both directions).
    void setLinkLatency(NodeId a, NodeId b, SimDuration latency);
    // The link between `a` and `b` takes the default latency again.
    void clearLinkLatency(NodeId a, NodeId b);
    // Links with a latency of their own: (smaller node, larger node) -> latency.
    [[nodiscard]] const std::map<std::pair<NodeId, NodeId>, SimDuration> &linkLatencies() const { return m_linkLatency; }
    // Extra delay drawn uniformly from [0, jitter] for every message.
    void setJitter(SimDuration jitter);
    // Probability in [0, 1] that a message is lost.
    void setLossProbability(double p);
    [[nodiscard]] SimDuration jitter() const { return m_jitter; }
    [[nodiscard]] double lossProbability() const { return m_loss; }
    // A slow node: every message to or from it takes this much longer.
    void setNodeDelay(NodeId node, SimDuration extra);
    // The extra delay of `node` (zero when it is not slowed).
    [[nodiscard]] SimDuration nodeDelay(NodeId node) const
    {
        const auto it = m_nodeDelay.find(node);
        return it == m_nodeDelay.end() ? SimDuration{} : it->second;
    }

    // Cuts the network between the two sides (messages across are dropped) until heal().
    void partition(const std::set<NodeId> &sideA, const std::set<NodeId> &sideB);
    void heal();
    [[nodiscard]] bool canReach(NodeId from, NodeId to) const;
    // Whether a network partition separates `a` and `b` (pauses aside).
    [[nodiscard]] bool isCut(NodeId a, NodeId b) const;

    // A paused node receives nothing (messages to it are dropped) until resumed.
    void pause(NodeId node);
    void resume(NodeId node);
    [[nodiscard]] bool isPaused(NodeId node) const { return m_paused.count(node) != 0; }

    // Sends a message: `deliver` runs at the receiver after the link's delay, unless the message
    // is lost. Whether it is delivered is decided when it arrives (a partition or pause that
    // starts while it is in flight drops it). Returns the scheduled arrival time, or nothing when
    // it was lost at once.
    template <class F>
    std::optional<SimTime> send(NodeId from, NodeId to, F &&deliver)
    {
        const auto at = departure(from, to);
        if (!at)
            return std::nullopt;
        // One event holding `deliver` itself (no std::function around it). A message to a client
        // belongs to the client's process: it waits while the process is frozen
        // (Scheduler::hold), as it would in the socket's buffer.
        auto arrive = [this, from, to, deliver = std::forward<F>(deliver)]() mutable {
            if (!canReach(from, to)) {
                ++m_dropped;
                return;
            }
            deliver();
        };
        if (to >= kFirstClientNode)
            m_scheduler.scheduleFor(to, *at, EventPriority::Network, std::move(arrive));
        else
            m_scheduler.schedule(*at, EventPriority::Network, std::move(arrive));
        return at;
    }

    [[nodiscard]] std::uint64_t messagesSent() const { return m_sent; }
    [[nodiscard]] std::uint64_t messagesDropped() const { return m_dropped; }

private:
    [[nodiscard]] SimDuration delayOf(NodeId from, NodeId to);
    // Counts a message and draws its fate: its arrival time, or nothing when it is lost at once.
    std::optional<SimTime> departure(NodeId from, NodeId to);
    void changed(const std::string &what, std::function<void(SimNetwork &)> redo)
    {
        if (m_listener)
            m_listener(what, std::move(redo));
    }

    ChangeListener m_listener;
    Scheduler &m_scheduler;
    Random &m_rng;
    SimDuration m_defaultLatency = SimDuration::millis(2);
    SimDuration m_jitter;
    double m_loss = 0.0;
    std::map<std::pair<NodeId, NodeId>, SimDuration> m_linkLatency; // key: (min, max)
    std::map<NodeId, SimDuration> m_nodeDelay;
    std::set<std::pair<NodeId, NodeId>> m_cut; // key: (min, max)
    std::set<NodeId> m_paused;
    std::uint64_t m_sent = 0;
    std::uint64_t m_dropped = 0;
};

} // namespace kafkascope
