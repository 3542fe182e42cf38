// Topics and where their replicas live: creation (Kafka's placement or an explicit assignment),
// added partitions, deletion, partition reassignment and broker decommissioning, and the internal
// __consumer_offsets topic. Part of the Cluster class; see cluster.h.
#include "cluster.h"

#include "cluster/broker_list.h"
#include "cluster/replica_placement.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>

namespace kafkascope {

namespace {

std::vector<std::int32_t> ids(const std::vector<BrokerId> &brokers)
{
    std::vector<std::int32_t> out;
    for (const BrokerId b : brokers)
        out.push_back(b.value());
    return out;
}

} // namespace

std::uint64_t Cluster::topicIdOf(const std::string &name) const
{
    const Topic *t = topic(name);
    return t ? t->id() : 0;
}

Status Cluster::validateAssignment(const std::string &name, const std::vector<std::vector<BrokerId>> &replicas,
                                   std::int32_t firstPartition) const
{
    // Kafka's checks of a manual assignment (ReplicationControlManager.validateManualPartitionAssignment).
    if (replicas.empty())
        return Status::invalidArgument("topic '" + name + "': the assignment lists no partitions");
    const std::size_t rf = replicas.front().size();
    for (std::size_t i = 0; i < replicas.size(); ++i) {
        const std::string where = "topic '" + name + "' partition " + std::to_string(firstPartition + static_cast<std::int32_t>(i));
        const auto &r = replicas[i];
        if (r.empty())
            return Status::invalidArgument(where + ": the replica list is empty");
        if (r.size() != rf)
            return Status::invalidArgument(where + ": has " + std::to_string(r.size()) + " replicas, but partition "
                                           + std::to_string(firstPartition) + " has " + std::to_string(rf)
                                           + "; all partitions need the same replication factor");
        std::set<BrokerId> seen;
        bool anyLive = false;
        for (const BrokerId b : r) {
            if (!seen.insert(b).second)
                return Status::invalidArgument(where + ": broker " + std::to_string(b.value()) + " is listed twice");
            if (!m_brokers.count(b))
                return Status::invalidArgument(where + ": the assignment includes broker " + std::to_string(b.value())
                                               + ", but no such broker is registered");
            anyLive = anyLive || isAlive(b);
        }
        if (!anyLive)
            return Status::invalidArgument(where + ": every broker in " + brokerListText(r) + " is down");
    }
    return Status::ok();
}

Result<PartitionState> Cluster::makePartition(const std::string &topicName, std::int32_t partition,
                                              const std::vector<BrokerId> &replicas, const TopicSettings &settings)
{
    PartitionState state;
    state.tp = TopicPartition{topicName, PartitionId{partition}};
    state.assignment = replicas;
    state.minInsyncReplicas = settings.minInsyncReplicas;
    state.uncleanLeaderElection = settings.uncleanLeaderElection;
    for (const BrokerId b : state.assignment) {
        auto log = openReplicaLog(b, topicName, partition, settings.log);
        if (!log.isOk())
            return log.status();
        Replica replica;
        replica.broker = b;
        replica.log = std::move(log).value();
        state.replicas.emplace(b, std::move(replica));
    }
    // A new partition's ISR is its live replicas and its leader the first of them in assignment
    // order (the preferred replica when it is up), at epoch 0.
    for (const BrokerId b : state.assignment)
        if (isAlive(b))
            state.isr.insert(b);
    for (const BrokerId b : state.assignment)
        if (isAlive(b)) {
            state.leader = b;
            break;
        }
    for (auto &[b, replica] : state.replicas) {
        replica.knownLeaderEpoch = 0;
        if (b == *state.leader)
            replica.epochs.assign(0, 0);
        else
            state.followers[b].lastCaughtUpTimeMs = now().millis();
    }
    return state;
}

void Cluster::startPartitionFetchers(const PartitionState &state)
{
    for (const BrokerId b : state.assignment)
        if (b != *state.leader)
            startFetcher(state.tp, b, SimDuration{});
}

Status Cluster::installTopic(const std::string &name, const std::vector<std::vector<BrokerId>> &replicas,
                             const TopicSettings &settings)
{
    std::vector<PartitionState> states;
    const std::uint64_t id = ++m_lastTopicId;
    for (std::size_t p = 0; p < replicas.size(); ++p) {
        auto state = makePartition(name, static_cast<std::int32_t>(p), replicas[p], settings);
        if (!state.isOk())
            return state.status();
        state.value().topicId = id;
        states.push_back(std::move(state).value());
    }
    Topic &topic = m_topics.emplace(name, Topic(name, id, settings, std::move(states), name == kConsumerOffsetsTopic)).first->second;
    m_topicsById.resize(std::max<std::size_t>(m_topicsById.size(), id + 1), nullptr);
    m_topicsById[id] = &topic;
    for (std::int32_t p = 0; p < topic.partitionCount(); ++p)
        startPartitionFetchers(topic.state(PartitionId{p}));
    scheduleLogMaintenance();
    if (replicas.front().size() > 1) {
        scheduleIsrCheck();
        scheduleLeaderRebalance();
    }
    spdlog::debug("[{}] created topic {} with {} partitions, RF {}", formatSimTime(now()), name, replicas.size(),
                  replicas.front().size());
    JournalEvent e;
    e.kind = JournalEventKind::TopicCreated;
    e.topic = name;
    e.count = static_cast<std::int64_t>(replicas.size());
    e.value = static_cast<std::int64_t>(replicas.front().size());
    journal(std::move(e));
    if (m_observer)
        m_observer->onTopicCreated(name);
    return Status::ok();
}

namespace {
Status checkTopicSettings(const std::string &name, const TopicSettings &settings)
{
    if (auto st = settings.log.validate(); !st.isOk())
        return Status::invalidArgument("topic '" + name + "': " + st.message());
    if (settings.minInsyncReplicas < 1)
        return Status::invalidArgument("topic '" + name + "': min.insync.replicas must be at least 1");
    return Status::ok();
}
} // namespace

Status Cluster::createTopic(const std::string &name, std::int32_t partitions, const TopicSettings &settings)
{
    const ActionScope action(*this, "create topic " + name,
                             [=](Cluster &c) { (void)c.createTopic(name, partitions, settings); });
    if (auto st = validateTopicName(name); !st.isOk())
        return st;
    if (partitions < 1)
        return Status::invalidArgument("topic '" + name + "': partitions must be at least 1");
    if (m_topics.count(name) != 0)
        return Status::alreadyExists("topic '" + name + "' already exists");
    if (auto st = checkTopicSettings(name, settings); !st.isOk())
        return st;
    const auto liveSet = liveBrokers();
    const std::vector<BrokerId> live(liveSet.begin(), liveSet.end());
    // With one broker Kafka's random start can only be 0; not drawing keeps the RNG stream of
    // single-broker runs independent of placement.
    const auto start = live.size() == 1 ? std::optional<std::int32_t>(0) : settings.placementStartIndex;
    auto assignment = assignReplicas(live, racksOf(live), partitions, settings.replicationFactor, start, m_random);
    if (!assignment.isOk())
        return Status::invalidArgument("topic '" + name + "': " + assignment.status().message());
    return installTopic(name, assignment.value(), settings);
}

Status Cluster::createTopic(const std::string &name, const std::vector<std::vector<BrokerId>> &replicas,
                            const TopicSettings &settings)
{
    const ActionScope action(*this, "create topic " + name + " with an explicit assignment",
                             [=](Cluster &c) { (void)c.createTopic(name, replicas, settings); });
    if (auto st = validateTopicName(name); !st.isOk())
        return st;
    if (m_topics.count(name) != 0)
        return Status::alreadyExists("topic '" + name + "' already exists");
    if (auto st = checkTopicSettings(name, settings); !st.isOk())
        return st;
    if (auto st = validateAssignment(name, replicas, 0); !st.isOk())
        return st;
    TopicSettings effective = settings;
    effective.replicationFactor = static_cast<std::int32_t>(replicas.front().size());
    return installTopic(name, replicas, effective);
}

Status Cluster::ensureOffsetsTopic()
{
    if (topic(kConsumerOffsetsTopic))
        return Status::ok();
    const ActionScope action(*this, "create __consumer_offsets", [](Cluster &c) { (void)c.ensureOffsetsTopic(); });
    const auto live = liveBrokers();
    if (live.empty())
        return Status::invalidArgument("cannot create __consumer_offsets: no broker is alive");
    TopicSettings settings;
    // Kafka 3.x refuses to create it with fewer live brokers than offsets.topic.replication.factor
    // (default 3) and keeps failing FindCoordinator; the simulation is kinder to small clusters
    // and uses all the brokers it has, as a broker configured for them would.
    settings.replicationFactor = std::min<std::int32_t>(kOffsetsTopicReplicationFactor, static_cast<std::int32_t>(live.size()));
    settings.minInsyncReplicas = 1;
    settings.log.cleanupPolicy = CleanupPolicy::Compact;
    settings.log.segmentBytes = 100 * 1024 * 1024; // offsets.topic.segment.bytes
    auto st = createTopic(kConsumerOffsetsTopic, kOffsetsTopicPartitions, settings);
    syncGroupCoordinators(); // the first leaders start serving their groups
    return st;
}

Status Cluster::addPartitions(const std::string &name, std::int32_t totalPartitions,
                              const std::vector<std::vector<BrokerId>> &replicas)
{
    const ActionScope action(*this, "add partitions to " + name,
                             [=](Cluster &c) { (void)c.addPartitions(name, totalPartitions, replicas); });
    Topic *t = mutableTopic(name);
    if (!t)
        return Status::notFound("unknown topic '" + name + "'");
    const std::int32_t current = t->partitionCount();
    // Kafka's CreatePartitions errors (INVALID_PARTITIONS).
    if (totalPartitions == current)
        return Status::invalidArgument("topic '" + name + "' already has " + std::to_string(current) + " partitions");
    if (totalPartitions < current)
        return Status::invalidArgument("topic '" + name + "' has " + std::to_string(current)
                                       + " partitions, which is more than the requested " + std::to_string(totalPartitions)
                                       + "; partitions can only be added");
    if (t->isInternal())
        return Status::invalidArgument("topic '" + name + "' is internal; its partition count is fixed");
    const std::int32_t adding = totalPartitions - current;
    const PartitionState &first = t->state(PartitionId{0});
    const auto rf = static_cast<std::int32_t>(first.reassignTarget ? first.reassignTarget->size() : first.assignment.size());
    std::vector<std::vector<BrokerId>> placed = replicas;
    if (!placed.empty()) {
        if (static_cast<std::int32_t>(placed.size()) != adding)
            return Status::invalidArgument("topic '" + name + "': " + std::to_string(adding) + " new partitions need "
                                           + std::to_string(adding) + " replica lists, got " + std::to_string(placed.size()));
        if (auto st = validateAssignment(name, placed, current); !st.isOk())
            return st;
        if (static_cast<std::int32_t>(placed.front().size()) != rf)
            return Status::invalidArgument("topic '" + name + "': new partitions need " + std::to_string(rf)
                                           + " replicas like the existing ones");
    } else {
        // Kafka (AdminZkClient.createPartitions): continue the placement at the first live broker
        // whose id is at least that of partition 0's first replica, numbering from `current`.
        const auto liveSet = liveBrokers();
        const std::vector<BrokerId> live(liveSet.begin(), liveSet.end());
        std::int32_t start = 0;
        for (std::size_t i = 0; i < live.size(); ++i)
            if (live[i] >= first.assignment.front()) {
                start = static_cast<std::int32_t>(i);
                break;
            }
        auto assignment = assignReplicas(live, racksOf(live), adding, rf, start, m_random, current);
        if (!assignment.isOk())
            return Status::invalidArgument("topic '" + name + "': " + assignment.status().message());
        placed = std::move(assignment).value();
    }
    for (std::int32_t i = 0; i < adding; ++i) {
        auto state = makePartition(name, current + i, placed[static_cast<std::size_t>(i)], t->settings());
        if (!state.isOk())
            return state.status();
        state.value().topicId = t->id();
        t->addPartition(std::move(state).value());
    }
    for (std::int32_t p = current; p < totalPartitions; ++p)
        startPartitionFetchers(t->state(PartitionId{p}));
    JournalEvent e;
    e.kind = JournalEventKind::PartitionsAdded;
    e.topic = name;
    e.value = current;
    e.count = totalPartitions;
    journal(std::move(e));
    if (m_observer)
        m_observer->onTopicCreated(name);
    return Status::ok();
}

Status Cluster::deleteTopic(const std::string &name)
{
    const ActionScope action(*this, "delete topic " + name, [=](Cluster &c) { (void)c.deleteTopic(name); });
    Topic *t = mutableTopic(name);
    if (!t)
        return Status::notFound("unknown topic '" + name + "'");
    for (std::int32_t p = 0; p < t->partitionCount(); ++p) {
        PartitionState &state = t->state(PartitionId{p});
        // Produces waiting for replication fail; parked follower fetches go with the replicas.
        completeDelayedProduces(state, true);
    }
    std::vector<std::string> dirs;
    if (!m_dataDirectory.empty())
        for (std::int32_t p = 0; p < t->partitionCount(); ++p)
            for (const auto &[b, replica] : t->state(PartitionId{p}).replicas)
                dirs.push_back(m_dataDirectory + "/broker-" + std::to_string(b.value()) + "/" + name + "-" + std::to_string(p));
    m_lastTopic = m_topics.end();
    m_topicsById[t->id()] = nullptr;
    m_topics.erase(name); // closes every replica's log
    ++m_metadataVersion;
    for (const std::string &dir : dirs) {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
        if (ec)
            spdlog::warn("deleting topic {}: could not remove {}: {}", name, dir, ec.message());
    }
    JournalEvent e;
    e.kind = JournalEventKind::TopicDeleted;
    e.topic = name;
    journal(std::move(e));
    if (m_observer)
        m_observer->onTopicDeleted(name);
    return Status::ok();
}

Status Cluster::reassignPartition(const TopicPartition &tp, const std::vector<BrokerId> &target)
{
    const ActionScope action(*this, "reassign " + tp.toString() + " to " + brokerListText(target),
                             [=](Cluster &c) { (void)c.reassignPartition(tp, target); });
    PartitionState *state = partitionState(tp);
    if (!state)
        return Status::notFound("unknown partition " + tp.toString());
    if (state->reassignTarget)
        return Status::invalidArgument(tp.toString() + " is already being reassigned to "
                                       + brokerListText(*state->reassignTarget));
    if (auto st = validateAssignment(tp.topic, {target}, tp.partition.value()); !st.isOk())
        return st;
    if (target == state->assignment)
        return Status::ok();
    const Topic &t = *topic(tp.topic);
    // The full replica set while moving: the target, then the replicas that will be removed.
    std::vector<BrokerId> full = target;
    for (const BrokerId b : state->assignment)
        if (std::find(target.begin(), target.end(), b) == target.end())
            full.push_back(b);
    for (const BrokerId b : target) {
        if (state->replicas.count(b))
            continue;
        auto log = openReplicaLog(b, tp.topic, tp.partition.value(), t.settings().log);
        if (!log.isOk())
            return log.status();
        Replica replica;
        replica.broker = b;
        replica.log = std::move(log).value();
        replica.knownLeaderEpoch = state->leaderEpoch;
        state->replicas.emplace(b, std::move(replica));
    }
    state->assignment = full;
    state->reassignTarget = target;
    JournalEvent e;
    e.kind = JournalEventKind::ReassignmentStarted;
    e.topic = tp.topic;
    e.partition = tp.partition.value();
    e.brokers = ids(target);
    journal(std::move(e));
    if (m_observer)
        m_observer->onPartitionStateChanged(tp);
    for (const BrokerId b : target)
        if (state->leader && b != *state->leader)
            startFetcher(tp, b, SimDuration{});
    maybeCompleteReassignment(*state);
    return Status::ok();
}

void Cluster::removeReplica(PartitionState &state, BrokerId broker)
{
    const auto it = state.replicas.find(broker);
    if (it == state.replicas.end())
        return;
    const std::string dir = m_dataDirectory.empty()
        ? std::string()
        : m_dataDirectory + "/broker-" + std::to_string(broker.value()) + "/" + state.tp.toString();
    state.replicas.erase(it); // closes its log
    ++m_metadataVersion;
    state.followers.erase(broker);
    state.isr.erase(broker);
    if (!dir.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
        if (ec)
            spdlog::warn("{}: could not remove {}: {}", state.tp.toString(), dir, ec.message());
    }
}

void Cluster::maybeCompleteReassignment(PartitionState &state)
{
    if (!state.reassignTarget)
        return;
    const std::vector<BrokerId> target = *state.reassignTarget;
    for (const BrokerId b : target)
        if (!state.isr.count(b))
            return; // a target replica is still catching up
    std::vector<BrokerId> removing;
    for (const BrokerId b : state.assignment)
        if (std::find(target.begin(), target.end(), b) == target.end())
            removing.push_back(b);
    state.assignment = target;
    state.reassignTarget.reset();
    const bool leaderLeaves = state.leader && std::find(target.begin(), target.end(), *state.leader) == target.end();
    for (const BrokerId b : removing)
        if (!(leaderLeaves && state.leader == b))
            removeReplica(state, b);
    if (leaderLeaves) {
        // The controller moves leadership to the first in-sync replica of the target, then drops
        // the old leader's replica.
        const BrokerId old = *state.leader;
        state.isr.erase(old);
        const std::set<BrokerId> live = liveBrokers();
        for (const BrokerId b : target)
            if (state.isr.count(b) && live.count(b)) {
                becomeLeader(state, b, false, kElectionReassignment);
                break;
            }
        removeReplica(state, old);
    } else if (!removing.empty()) {
        bumpLeaderEpoch(state, kEpochBumpReplicasRemoved);
    }
    journalIsr(state, "reassignment");
    updateHighWatermark(state);
    JournalEvent e;
    e.kind = JournalEventKind::ReassignmentCompleted;
    e.topic = state.tp.topic;
    e.partition = state.tp.partition.value();
    e.brokers = ids(state.assignment);
    journal(std::move(e));
    if (m_observer)
        m_observer->onPartitionStateChanged(state.tp);
    for (const BrokerId b : removing)
        maybeFinishDecommission(b);
}

Status Cluster::decommissionBroker(BrokerId id)
{
    const ActionScope action(*this, "decommission broker " + std::to_string(id.value()),
                             [=](Cluster &c) { (void)c.decommissionBroker(id); });
    const auto it = m_brokers.find(id);
    if (it == m_brokers.end())
        return Status::notFound("no broker " + std::to_string(id.value()));
    if (it->second.decommissioning)
        return Status::invalidArgument("broker " + std::to_string(id.value()) + " is already being decommissioned");
    // Replica counts per live broker (the load that picks where each replica goes).
    std::map<BrokerId, int> load;
    for (const auto &[b, info] : m_brokers)
        if (info.alive && !info.decommissioning && b != id)
            load[b] = 0;
    for (const auto &[name, t] : m_topics)
        for (std::int32_t p = 0; p < t.partitionCount(); ++p)
            for (const BrokerId b : t.state(PartitionId{p}).assignment)
                if (load.count(b))
                    ++load[b];
    // Plan every move first: nothing changes unless every partition has somewhere to go.
    std::vector<std::pair<TopicPartition, std::vector<BrokerId>>> moves;
    for (const auto &[name, t] : m_topics)
        for (std::int32_t p = 0; p < t.partitionCount(); ++p) {
            const PartitionState &state = t.state(PartitionId{p});
            const std::vector<BrokerId> &now = state.reassignTarget ? *state.reassignTarget : state.assignment;
            if (std::find(now.begin(), now.end(), id) == now.end())
                continue;
            if (state.reassignTarget)
                return Status::invalidArgument(state.tp.toString() + " is being reassigned; decommission broker "
                                               + std::to_string(id.value()) + " when that is done");
            std::optional<BrokerId> best;
            for (const auto &[b, n] : load)
                if (std::find(now.begin(), now.end(), b) == now.end() && (!best || n < load.at(*best)))
                    best = b;
            if (!best)
                return Status::invalidArgument("cannot decommission broker " + std::to_string(id.value()) + ": "
                                               + state.tp.toString() + " has " + std::to_string(now.size())
                                               + " replicas and no other live broker can take one");
            ++load[*best];
            std::vector<BrokerId> target = now;
            std::replace(target.begin(), target.end(), id, *best);
            moves.emplace_back(state.tp, std::move(target));
        }
    it->second.decommissioning = true;
    spdlog::debug("[{}] decommissioning broker {}: {} replicas to move", formatSimTime(now()), id.value(), moves.size());
    for (const auto &[tp, target] : moves)
        if (auto st = reassignPartition(tp, target); !st.isOk())
            return st;
    maybeFinishDecommission(id);
    return Status::ok();
}

void Cluster::maybeFinishDecommission(BrokerId id)
{
    const auto it = m_brokers.find(id);
    if (it == m_brokers.end() || !it->second.decommissioning)
        return;
    for (const auto &[name, t] : m_topics)
        for (std::int32_t p = 0; p < t.partitionCount(); ++p)
            if (t.state(PartitionId{p}).replicas.count(id))
                return;
    // Nothing left on it: the broker stops and leaves the cluster.
    m_network.pause(nodeOf(id));
    m_brokers.erase(it);
    indexBrokers();
    JournalEvent e;
    e.kind = JournalEventKind::BrokerDecommissioned;
    e.broker = id.value();
    journal(std::move(e));
    noteControllerChange();
    spdlog::debug("[{}] broker {} decommissioned", formatSimTime(now()), id.value());
}

} // namespace kafkascope
