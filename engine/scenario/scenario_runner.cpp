#include "scenario_runner.h"

#include "cluster/consumer_lag.h"
#include "group/group_coordinator.h"

#include <algorithm>
#include <set>

namespace kafkascope {

namespace {

std::string partitionName(const std::string &topic, std::int32_t p)
{
    return topic + "-" + std::to_string(p);
}

std::string setText(const std::vector<std::string> &items)
{
    std::string s = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        s += (i ? ", " : "") + items[i];
    return s + "]";
}

std::string setText(const std::vector<std::int64_t> &items)
{
    std::vector<std::string> texts;
    for (auto i : items)
        texts.push_back(std::to_string(i));
    return setText(texts);
}

const Consumer *consumerNamed(const Cluster &cluster, const std::string &clientId)
{
    // The newest consumer with that client id (a closed one may have been replaced).
    const Consumer *found = nullptr;
    for (const auto &c : cluster.consumers())
        if (c->config().clientId == clientId)
            found = c.get();
    return found;
}

std::string compareText(ScenarioExpectation::Compare c)
{
    switch (c) {
    case ScenarioExpectation::Compare::Equals:
        return " = ";
    case ScenarioExpectation::Compare::AtLeast:
        return " >= ";
    case ScenarioExpectation::Compare::AtMost:
        return " <= ";
    }
    return " = ";
}

} // namespace

Result<std::unique_ptr<Cluster>> ScenarioRunner::makeCluster(std::optional<std::uint64_t> seed,
                                                             const std::string &dataDirectory) const
{
    auto cluster = std::make_unique<Cluster>(seed.value_or(m_scenario.seed));
    if (!dataDirectory.empty())
        if (auto st = cluster->setDataDirectory(dataDirectory); !st.isOk())
            return st;
    if (auto st = setUp(*cluster, m_scenario); !st.isOk())
        return st;
    return cluster;
}

Status ScenarioRunner::setUp(Cluster &cluster, const Scenario &scenario)
{
    ReplicationConfig config = cluster.replicationConfig();
    config.logRetentionCheckIntervalMs = scenario.retentionCheckIntervalMs.value_or(config.logRetentionCheckIntervalMs);
    config.logCleanerBackoffMs = scenario.cleanerBackoffMs.value_or(config.logCleanerBackoffMs);
    config.brokerSessionTimeoutMs = scenario.brokerSessionTimeoutMs.value_or(config.brokerSessionTimeoutMs);
    cluster.setReplicationConfig(config);
    // The network's conditions, set only where they differ from its defaults (a scenario without
    // cluster.network plays exactly as before it existed).
    const ScenarioNetwork defaults;
    if (scenario.network.latency != defaults.latency)
        cluster.network().setDefaultLatency(scenario.network.latency);
    if (scenario.network.jitter != defaults.jitter)
        cluster.network().setJitter(scenario.network.jitter);
    if (scenario.network.loss != defaults.loss)
        cluster.network().setLossProbability(scenario.network.loss);
    while (static_cast<std::int32_t>(cluster.brokers().size()) < scenario.brokers)
        cluster.addBroker();
    for (std::size_t i = 0; i < scenario.network.links.size(); ++i) {
        const ScenarioLink &link = scenario.network.links[i];
        for (const std::int32_t b : {link.a, link.b})
            if (!cluster.brokers().count(BrokerId{b}))
                return Status::invalidArgument("cluster.network.links[" + std::to_string(i) + "]: no broker " + std::to_string(b)
                                               + " (the cluster has " + std::to_string(scenario.brokers) + ")");
        cluster.network().setLinkLatency(link.a, link.b, link.latency); // a broker's network node is its id
    }
    for (std::size_t i = 0; i < scenario.racks.size(); ++i)
        if (auto st = cluster.setBrokerRack(BrokerId{static_cast<std::int32_t>(i)}, scenario.racks[i]); !st.isOk())
            return Status::invalidArgument("cluster.racks[" + std::to_string(i) + "]: " + st.message());
    for (std::size_t i = 0; i < scenario.topics.size(); ++i) {
        const auto &t = scenario.topics[i];
        if (auto st = cluster.createTopic(t.name, t.partitions, t.settings); !st.isOk())
            return Status::invalidArgument("topics[" + std::to_string(i) + "] (\"" + t.name + "\"): " + st.message());
    }
    for (std::size_t i = 0; i < scenario.producers.size(); ++i)
        if (auto r = cluster.addProducer(scenario.producers[i]); !r.isOk())
            return Status::invalidArgument("producers[" + std::to_string(i) + "]: " + r.status().message());
    for (std::size_t i = 0; i < scenario.consumers.size(); ++i)
        if (auto r = cluster.addConsumer(scenario.consumers[i]); !r.isOk())
            return Status::invalidArgument("consumers[" + std::to_string(i) + "]: " + r.status().message());
    return Status::ok();
}

std::optional<SimTime> ScenarioRunner::nextStop() const
{
    std::optional<SimTime> next;
    if (m_nextAction < m_scenario.timeline.size())
        next = m_scenario.timeline[m_nextAction].at;
    if (m_nextExpectation < m_scenario.expectations.size()) {
        const SimTime e = m_scenario.expectations[m_nextExpectation].at;
        next = next ? std::min(*next, e) : e;
    }
    return next;
}

void ScenarioRunner::rewindTo(SimTime t)
{
    const auto after = [t](const auto &item) { return item.at > t; };
    m_nextAction = static_cast<std::size_t>(
        std::find_if(m_scenario.timeline.begin(), m_scenario.timeline.end(), after) - m_scenario.timeline.begin());
    m_nextExpectation = static_cast<std::size_t>(
        std::find_if(m_scenario.expectations.begin(), m_scenario.expectations.end(), after) - m_scenario.expectations.begin());
    std::erase_if(m_results, [t](const ExpectationResult &r) { return r.expectation->at > t; });
    std::erase_if(m_failures, [t](const ActionFailure &f) { return f.action->at > t; });
}

std::size_t ScenarioRunner::failedCount() const
{
    return static_cast<std::size_t>(std::count_if(m_results.begin(), m_results.end(), [](const auto &r) { return !r.passed; }));
}

void ScenarioRunner::advanceTo(Cluster &cluster, SimTime t)
{
    while (const auto stop = nextStop()) {
        if (*stop > t)
            break;
        cluster.runUntil(*stop);
        while (m_nextAction < m_scenario.timeline.size() && m_scenario.timeline[m_nextAction].at <= *stop) {
            const ScenarioAction &action = m_scenario.timeline[m_nextAction++];
            if (auto st = apply(cluster, action); !st.isOk())
                m_failures.push_back({&action, st.message()});
        }
        while (m_nextExpectation < m_scenario.expectations.size() && m_scenario.expectations[m_nextExpectation].at <= *stop)
            m_results.push_back(check(cluster, m_scenario.expectations[m_nextExpectation++]));
    }
    cluster.runUntil(t);
}

Status ScenarioRunner::apply(Cluster &cluster, const ScenarioAction &a)
{
    using K = ScenarioAction::Kind;
    const auto consumerId = [&](const std::string &clientId) -> std::optional<ConsumerId> {
        const Consumer *c = consumerNamed(cluster, clientId);
        return c ? std::optional<ConsumerId>(c->id()) : std::nullopt;
    };
    switch (a.kind) {
    case K::KillBroker:
        return cluster.killBroker(BrokerId{a.broker});
    case K::RestartBroker:
        return cluster.restartBroker(BrokerId{a.broker});
    case K::ShutdownBroker:
        return cluster.shutdownBroker(BrokerId{a.broker});
    case K::DecommissionBroker:
        return cluster.decommissionBroker(BrokerId{a.broker});
    case K::AddBroker:
        cluster.addBroker(a.rack);
        return Status::ok();
    case K::IsolateBroker: {
        if (!cluster.brokers().count(BrokerId{a.broker}))
            return Status::notFound("no broker " + std::to_string(a.broker));
        std::set<NodeId> others;
        for (const auto &[b, info] : cluster.brokers())
            if (b.value() != a.broker)
                others.insert(b.value());
        cluster.network().partition({a.broker}, others);
        return Status::ok();
    }
    case K::SplitNetwork: {
        std::set<NodeId> sides[2];
        for (int i = 0; i < 2; ++i)
            for (std::int32_t b : a.sides[static_cast<std::size_t>(i)]) {
                if (!cluster.brokers().count(BrokerId{b}))
                    return Status::notFound("no broker " + std::to_string(b));
                sides[i].insert(b);
            }
        cluster.network().partition(sides[0], sides[1]);
        return Status::ok();
    }
    case K::HealNetwork:
        cluster.network().heal();
        return Status::ok();
    case K::ElectPreferredLeaders:
        (void)cluster.electPreferredLeaders();
        return Status::ok();
    case K::CreateTopic:
        return cluster.createTopic(a.topic.name, a.topic.partitions, a.topic.settings);
    case K::AddPartitions:
        return cluster.addPartitions(a.topic.name, a.partitions);
    case K::DeleteTopic:
        return cluster.deleteTopic(a.topic.name);
    case K::AddProducer: {
        auto r = cluster.addProducer(a.producer);
        return r.isOk() ? Status::ok() : r.status();
    }
    case K::AddConsumer: {
        auto r = cluster.addConsumer(a.consumer);
        return r.isOk() ? Status::ok() : r.status();
    }
    case K::CloseConsumer:
    case K::CrashConsumer:
    case K::SetProcessingTime: {
        const auto id = consumerId(a.client);
        if (!id)
            return Status::notFound("no consumer with clientId \"" + a.client + "\"");
        if (a.kind == K::CloseConsumer)
            return cluster.closeConsumer(*id);
        if (a.kind == K::CrashConsumer)
            return cluster.crashConsumer(*id);
        return cluster.setConsumerProcessingTime(*id, a.processingTime);
    }
    case K::Produce:
        for (const auto &r : a.records)
            if (auto p = cluster.produce(a.topic.name, r.key, r.value); !p.isOk())
                return p.status();
        return Status::ok();
    case K::ResetOffsets:
        return cluster.resetGroupOffsets(a.reset);
    case K::SlowBroker:
        if (!cluster.brokers().count(BrokerId{a.broker}))
            return Status::notFound("no broker " + std::to_string(a.broker));
        cluster.network().setNodeDelay(a.broker, a.delay); // a broker's network node is its id
        return Status::ok();
    case K::SetLinkLatency:
        for (const std::int32_t b : a.between)
            if (!cluster.brokers().count(BrokerId{b}))
                return Status::notFound("no broker " + std::to_string(b));
        if (a.between.size() != 2)
            return Status::invalidArgument("a link joins two brokers");
        if (a.linkLatency)
            cluster.network().setLinkLatency(a.between[0], a.between[1], *a.linkLatency);
        else
            cluster.network().clearLinkLatency(a.between[0], a.between[1]);
        return Status::ok();
    case K::PauseClient:
    case K::ResumeClient: {
        const bool pause = a.kind == K::PauseClient;
        if (a.clientIsProducer) {
            std::optional<ProducerId> id;
            for (const auto &p : cluster.producers())
                if (p->config().clientId == a.client)
                    id = p->id();
            if (!id)
                return Status::notFound("no producer with clientId \"" + a.client + "\"");
            return pause ? cluster.pauseProducerProcess(*id, a.pauseDuration) : cluster.resumeProducerProcess(*id);
        }
        const auto id = consumerId(a.client);
        if (!id)
            return Status::notFound("no consumer with clientId \"" + a.client + "\"");
        return pause ? cluster.pauseConsumerProcess(*id, a.pauseDuration) : cluster.resumeConsumerProcess(*id);
    }
    case K::SetNetwork:
        if (a.latency)
            cluster.network().setDefaultLatency(*a.latency);
        if (a.jitter)
            cluster.network().setJitter(*a.jitter);
        if (a.loss)
            cluster.network().setLossProbability(*a.loss);
        return Status::ok();
    }
    return Status::invalidArgument("unknown action");
}

ExpectationResult ScenarioRunner::check(const Cluster &cluster, const ScenarioExpectation &e)
{
    using C = ScenarioExpectation::Check;
    ExpectationResult r;
    r.expectation = &e;
    const std::string tpName = partitionName(e.topic, e.partition);

    // Numbers: what was found (nothing: "none"), compared as asked.
    const auto numeric = [&](const std::string &what, std::optional<std::int64_t> found) {
        r.expected = what + compareText(e.compare) + (e.expectNull ? std::string("none") : std::to_string(e.number.value_or(0)));
        r.found = found ? std::to_string(*found) : "none";
        if (e.expectNull) {
            r.passed = !found;
            return;
        }
        if (!found || !e.number)
            return;
        switch (e.compare) {
        case ScenarioExpectation::Compare::Equals:
            r.passed = *found == *e.number;
            break;
        case ScenarioExpectation::Compare::AtLeast:
            r.passed = *found >= *e.number;
            break;
        case ScenarioExpectation::Compare::AtMost:
            r.passed = *found <= *e.number;
            break;
        }
    };
    const auto missing = [&](const std::string &what, const std::string &why) {
        r.expected = what;
        r.found = why;
        r.passed = false;
    };

    switch (e.check) {
    case C::Leader:
    case C::Isr:
    case C::Epoch:
    case C::HighWatermark:
    case C::LogEndOffset:
    case C::LogStartOffset: {
        const Topic *topic = cluster.topic(e.topic);
        if (!topic || e.partition >= topic->partitionCount()) {
            missing(std::string(checkName(e.check)) + " of " + tpName, "no partition " + tpName);
            return r;
        }
        const PartitionState &state = topic->state(PartitionId{e.partition});
        if (e.check == C::Leader) {
            numeric("leader of " + tpName, state.leader ? std::optional<std::int64_t>(state.leader->value()) : std::nullopt);
        } else if (e.check == C::Isr) {
            std::vector<std::int64_t> expected = e.numbers;
            std::sort(expected.begin(), expected.end());
            std::vector<std::int64_t> found;
            for (BrokerId b : state.isr)
                found.push_back(b.value());
            r.expected = "ISR of " + tpName + " = " + setText(expected);
            r.found = setText(found);
            r.passed = found == expected;
        } else if (e.check == C::Epoch) {
            numeric("leader epoch of " + tpName, state.leaderEpoch);
        } else if (e.check == C::HighWatermark) {
            numeric("high watermark of " + tpName, state.highWatermark());
        } else if (e.check == C::LogEndOffset) {
            numeric("log end offset of " + tpName, state.visibleLog().logEndOffset());
        } else {
            numeric("log start offset of " + tpName, state.visibleLog().logStartOffset());
        }
        return r;
    }
    case C::GroupState:
    case C::Generation:
    case C::Assignment:
    case C::Committed: {
        const auto group = cluster.group(e.group);
        if (e.check == C::GroupState) {
            r.expected = "state of group " + e.group + " = " + e.text;
            r.found = group ? std::string(groupStateName(group->state)) : "no such group (or no live coordinator)";
            r.passed = group && groupStateName(group->state) == e.text;
        } else if (e.check == C::Generation) {
            numeric("generation of group " + e.group, group ? std::optional<std::int64_t>(group->generationId) : std::nullopt);
        } else if (e.check == C::Assignment) {
            std::vector<std::string> expected = e.texts;
            std::sort(expected.begin(), expected.end());
            r.expected = "assignment of " + e.member + " in group " + e.group + " = " + setText(expected);
            if (!group) {
                r.found = "no such group (or no live coordinator)";
                return r;
            }
            const auto member = std::find_if(group->members.begin(), group->members.end(),
                                             [&](const MemberSnapshot &m) { return m.clientId == e.member; });
            if (member == group->members.end()) {
                r.found = e.member + " is not a member";
                return r;
            }
            std::vector<std::string> found;
            for (const auto &tp : member->assignment)
                found.push_back(partitionName(tp.topic, tp.partition.value()));
            std::sort(found.begin(), found.end());
            r.found = setText(found);
            r.passed = found == expected;
        } else {
            std::optional<std::int64_t> committed;
            if (group)
                if (const auto it = group->offsets.find(TopicPartition{e.topic, PartitionId{e.partition}}); it != group->offsets.end())
                    committed = it->second.offset.value();
            numeric("committed offset of group " + e.group + " on " + tpName, committed);
        }
        return r;
    }
    case C::Lag: {
        const auto lags = groupLag(cluster, e.group);
        if (e.partition >= 0) {
            std::optional<std::int64_t> lag;
            if (const auto it = lags.find(TopicPartition{e.topic, PartitionId{e.partition}}); it != lags.end())
                lag = it->second.committedLag;
            numeric("lag of group " + e.group + " on " + tpName, lag);
        } else {
            std::map<TopicPartition, PartitionLag> ofTopic;
            bool committed = false; // a group that never committed has no lag to speak of
            for (const auto &[tp, lag] : lags)
                if (tp.topic == e.topic) {
                    ofTopic.emplace(tp, lag);
                    committed = committed || lag.committed.has_value();
                }
            numeric("lag of group " + e.group + " on " + e.topic,
                    committed ? std::optional<std::int64_t>(totalLag(ofTopic).committedLag) : std::nullopt);
        }
        return r;
    }
    case C::Lost:
    case C::Duplicates:
    case C::Acknowledged: {
        const auto all = cluster.durability();
        const auto it = all.find(e.topic);
        const Cluster::DurabilityCounts counts = it == all.end() ? Cluster::DurabilityCounts{} : it->second;
        if (e.check == C::Lost)
            numeric("records of " + e.topic + " lost", static_cast<std::int64_t>(counts.lost));
        else if (e.check == C::Duplicates)
            numeric("duplicate records of " + e.topic, static_cast<std::int64_t>(counts.duplicates));
        else
            numeric("acknowledged records of " + e.topic, static_cast<std::int64_t>(counts.acknowledged));
        return r;
    }
    case C::BrokerAlive: {
        const auto it = cluster.brokers().find(BrokerId{e.broker});
        const bool expected = e.number.value_or(1) != 0;
        r.expected = "broker " + std::to_string(e.broker) + (expected ? " is up" : " is down");
        r.found = it == cluster.brokers().end() ? "no such broker" : (it->second.alive ? "up" : "down");
        r.passed = it != cluster.brokers().end() && it->second.alive == expected;
        return r;
    }
    case C::Controller: {
        const auto controller = cluster.controller();
        numeric("controller", controller ? std::optional<std::int64_t>(controller->value()) : std::nullopt);
        return r;
    }
    }
    return r;
}

} // namespace kafkascope
