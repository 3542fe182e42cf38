#include "network.h"

#include <algorithm>

namespace kafkascope {

namespace {
std::pair<NodeId, NodeId> link(NodeId a, NodeId b)
{
    return {std::min(a, b), std::max(a, b)};
}
} // namespace

void SimNetwork::setLinkLatency(NodeId a, NodeId b, SimDuration latency)
{
    m_linkLatency[link(a, b)] = latency;
}

void SimNetwork::setNodeDelay(NodeId node, SimDuration extra)
{
    if (extra <= SimDuration{})
        m_nodeDelay.erase(node);
    else
        m_nodeDelay[node] = extra;
}

void SimNetwork::partition(const std::set<NodeId> &sideA, const std::set<NodeId> &sideB)
{
    for (NodeId a : sideA)
        for (NodeId b : sideB)
            if (a != b)
                m_cut.insert(link(a, b));
}

void SimNetwork::heal()
{
    m_cut.clear();
}

bool SimNetwork::canReach(NodeId from, NodeId to) const
{
    return m_cut.count(link(from, to)) == 0 && !isPaused(to);
}

SimDuration SimNetwork::delayOf(NodeId from, NodeId to)
{
    const auto it = m_linkLatency.find(link(from, to));
    SimDuration d = it == m_linkLatency.end() ? m_defaultLatency : it->second;
    if (const auto f = m_nodeDelay.find(from); f != m_nodeDelay.end())
        d = d + f->second;
    if (const auto t = m_nodeDelay.find(to); t != m_nodeDelay.end())
        d = d + t->second;
    if (m_jitter > SimDuration{})
        d = d + SimDuration::micros(static_cast<std::int64_t>(m_rng.uniform(static_cast<std::uint64_t>(m_jitter.micros()) + 1)));
    return d;
}

std::optional<SimTime> SimNetwork::send(NodeId from, NodeId to, std::function<void()> deliver)
{
    ++m_sent;
    // Loss is drawn only when configured, so enabling it does not shift other random choices.
    if (m_loss > 0.0 && m_rng.uniformReal() < m_loss) {
        ++m_dropped;
        return std::nullopt;
    }
    const SimTime at = m_scheduler.now() + delayOf(from, to);
    m_scheduler.schedule(at, EventPriority::Network, [this, from, to, deliver = std::move(deliver)] {
        if (!canReach(from, to)) {
            ++m_dropped;
            return;
        }
        deliver();
    });
    return at;
}

} // namespace kafkascope
