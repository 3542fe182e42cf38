#include "network.h"

#include <algorithm>
#include <string>

namespace kafkascope {

namespace {
std::pair<NodeId, NodeId> link(NodeId a, NodeId b)
{
    return {std::min(a, b), std::max(a, b)};
}


std::string durationText(SimDuration d)
{
    return d.micros() % 1000 == 0 ? std::to_string(d.millis()) + " ms" : std::to_string(d.micros()) + " us";
}

std::string nodeSet(const std::set<NodeId> &nodes)
{
    std::string out;
    for (const NodeId n : nodes) {
        if (!out.empty())
            out += ',';
        out += std::to_string(n);
    }
    return "{" + out + "}";
}
} // namespace

void SimNetwork::setDefaultLatency(SimDuration latency)
{
    m_defaultLatency = latency;
    changed("default latency " + durationText(latency), [latency](SimNetwork &n) { n.setDefaultLatency(latency); });
}

void SimNetwork::setJitter(SimDuration jitter)
{
    m_jitter = jitter;
    changed("jitter " + durationText(jitter), [jitter](SimNetwork &n) { n.setJitter(jitter); });
}

void SimNetwork::setLossProbability(double p)
{
    m_loss = p < 0.0 ? 0.0 : (p > 1.0 ? 1.0 : p);
    changed("loss probability " + std::to_string(m_loss), [p](SimNetwork &n) { n.setLossProbability(p); });
}

void SimNetwork::pause(NodeId node)
{
    m_paused.insert(node);
    changed("node " + std::to_string(node) + " paused", [node](SimNetwork &n) { n.pause(node); });
}

void SimNetwork::resume(NodeId node)
{
    m_paused.erase(node);
    changed("node " + std::to_string(node) + " resumed", [node](SimNetwork &n) { n.resume(node); });
}

void SimNetwork::setLinkLatency(NodeId a, NodeId b, SimDuration latency)
{
    m_linkLatency[link(a, b)] = latency;
    changed("latency " + std::to_string(a) + "<->" + std::to_string(b) + " " + durationText(latency),
            [a, b, latency](SimNetwork &n) { n.setLinkLatency(a, b, latency); });
}

void SimNetwork::clearLinkLatency(NodeId a, NodeId b)
{
    if (m_linkLatency.erase(link(a, b)) == 0)
        return;
    changed("latency " + std::to_string(a) + "<->" + std::to_string(b) + " back to the default",
            [a, b](SimNetwork &n) { n.clearLinkLatency(a, b); });
}

void SimNetwork::setNodeDelay(NodeId node, SimDuration extra)
{
    changed("node " + std::to_string(node) + " delayed by " + durationText(extra),
            [node, extra](SimNetwork &n) { n.setNodeDelay(node, extra); });
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
    changed("partition " + nodeSet(sideA) + " from " + nodeSet(sideB),
            [sideA, sideB](SimNetwork &n) { n.partition(sideA, sideB); });
}

void SimNetwork::heal()
{
    m_cut.clear();
    changed("healed", [](SimNetwork &n) { n.heal(); });
}

bool SimNetwork::isCut(NodeId a, NodeId b) const
{
    return m_cut.count(link(a, b)) != 0;
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

std::optional<SimTime> SimNetwork::departure(NodeId from, NodeId to)
{
    ++m_sent;
    // Loss is drawn only when configured, so enabling it does not shift other random choices.
    if (m_loss > 0.0 && m_rng.uniformReal() < m_loss) {
        ++m_dropped;
        return std::nullopt;
    }
    return m_scheduler.now() + delayOf(from, to);
}

} // namespace kafkascope
