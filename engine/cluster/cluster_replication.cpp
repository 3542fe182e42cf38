// The cluster's brokers and replication: follower fetching with Kafka's long poll, the ISR and
// high watermark, leader epochs and follower truncation, and elections when brokers fail or
// return (KAFKA-REFERENCE.md §2). Part of the Cluster class; see cluster.h.
#include "cluster.h"

#include "cluster/broker_list.h"
#include "cluster/leader_election.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kafkascope {

namespace {

// The replica fetcher's request timeout (replica.socket.timeout.ms): a fetch lost on the network
// is sent again after this long.
constexpr std::int64_t kFetchRequestTimeoutMs = 30000;


} // namespace

BrokerId Cluster::addBroker(std::optional<std::string> rack)
{
    const ActionScope action(*this, "add a broker" + (rack ? " in rack " + *rack : std::string()),
                             [rack](Cluster &c) { (void)c.addBroker(rack); });
    // Ids are never reused, not even a decommissioned broker's.
    const BrokerId id{m_nextBrokerId++};
    BrokerInfo info{id, true};
    info.rack = rack;
    m_brokers.emplace(id, std::move(info));
    indexBrokers();
    spdlog::debug("[{}] broker {} joined", formatSimTime(now()), id.value());
    JournalEvent e;
    e.kind = JournalEventKind::BrokerAdded;
    e.broker = id.value();
    e.detail = rack.value_or(std::string());
    journal(std::move(e));
    noteControllerChange();
    syncGroupCoordinators();
    return id;
}

Status Cluster::setBrokerRack(BrokerId id, const std::string &rack)
{
    const ActionScope action(*this, "set broker " + std::to_string(id.value()) + "'s rack to " + rack,
                             [id, rack](Cluster &c) { (void)c.setBrokerRack(id, rack); });
    const auto it = m_brokers.find(id);
    if (it == m_brokers.end())
        return Status::notFound("no broker " + std::to_string(id.value()));
    if (rack.empty())
        return Status::invalidArgument("broker " + std::to_string(id.value()) + ": a rack needs a name");
    it->second.rack = rack;
    JournalEvent e;
    e.kind = JournalEventKind::BrokerRackSet;
    e.broker = id.value();
    e.detail = rack;
    journal(std::move(e));
    return Status::ok();
}

std::vector<std::optional<std::string>> Cluster::racksOf(const std::vector<BrokerId> &brokers) const
{
    std::vector<std::optional<std::string>> racks;
    racks.reserve(brokers.size());
    for (BrokerId b : brokers) {
        const auto it = m_brokers.find(b);
        racks.push_back(it == m_brokers.end() ? std::nullopt : it->second.rack);
    }
    return racks;
}

std::set<BrokerId> Cluster::liveBrokers() const
{
    std::set<BrokerId> live;
    for (const auto &[id, broker] : m_brokers)
        if (broker.alive && !broker.fenced)
            live.insert(id);
    return live;
}

bool Cluster::isFenced(BrokerId id) const
{
    const auto it = m_brokers.find(id);
    return it != m_brokers.end() && it->second.fenced;
}

bool Cluster::reachesMajority(BrokerId id) const
{
    std::size_t live = 0;
    std::size_t reached = 0;
    for (const auto &[b, broker] : m_brokers) {
        if (!broker.alive)
            continue;
        ++live;
        if (b == id || !m_network.isCut(nodeOf(id), nodeOf(b)))
            ++reached;
    }
    return 2 * reached > live;
}

bool Cluster::isAlive(BrokerId id) const
{
    const auto i = static_cast<std::size_t>(id.value());
    return id.value() >= 0 && i < m_brokerById.size() && m_brokerById[i] && m_brokerById[i]->alive;
}

void Cluster::indexBrokers()
{
    m_brokerById.clear();
    for (const auto &[id, info] : m_brokers) {
        const auto i = static_cast<std::size_t>(id.value());
        if (i >= m_brokerById.size())
            m_brokerById.resize(i + 1, nullptr);
        m_brokerById[i] = &info;
    }
}

std::optional<BrokerId> Cluster::controller() const
{
    for (const auto &[id, broker] : m_brokers)
        if (broker.alive && reachesMajority(id))
            return id;
    return std::nullopt;
}

void Cluster::watchBrokerSessions()
{
    if (m_sessionCheckScheduled)
        return;
    // Not watching means every live broker reached the controller until now: its session is
    // current.
    for (const auto &[id, broker] : m_brokers)
        if (broker.alive && !broker.fenced)
            m_lastHeartbeat[id] = now();
    m_sessionCheckScheduled = true;
    m_scheduler.scheduleAfter(SimDuration::millis(m_replication.brokerHeartbeatIntervalMs), EventPriority::Timer,
                              [this] { checkBrokerSessions(); });
}

void Cluster::checkBrokerSessions()
{
    m_sessionCheckScheduled = false;
    noteControllerChange();
    const auto active = controller();
    bool watch = false;
    for (const auto &[id, broker] : m_brokers) {
        if (!broker.alive)
            continue;
        const bool reaches = active && (id == *active || !m_network.isCut(nodeOf(id), nodeOf(*active)));
        if (reaches) {
            m_lastHeartbeat[id] = now();
            if (broker.fenced)
                unfenceBroker(id); // KRaft: a heartbeat from a caught-up broker unfences it
        } else if (active && !broker.fenced
                   && now() - m_lastHeartbeat[id] >= SimDuration::millis(m_replication.brokerSessionTimeoutMs)) {
            fenceBroker(id);
        }
        watch = watch || !reaches || m_brokers.at(id).fenced;
    }
    if (!watch)
        return;
    m_sessionCheckScheduled = true;
    m_scheduler.scheduleAfter(SimDuration::millis(m_replication.brokerHeartbeatIntervalMs), EventPriority::Timer,
                              [this] { checkBrokerSessions(); });
}

void Cluster::fenceBroker(BrokerId id)
{
    // KRaft's controller fences a broker whose session expired (BrokerHeartbeatManager): the
    // partitions it led get new leaders as after a crash, and it leaves every ISR, except as the
    // last member, which stays while the partition goes offline (PartitionChangeBuilder).
    m_brokers.at(id).fenced = true;
    ++m_metadataVersion;
    JournalEvent e;
    e.kind = JournalEventKind::BrokerFenced;
    e.broker = id.value();
    journal(std::move(e));
    spdlog::debug("[{}] broker {} fenced: no heartbeat for {} ms", formatSimTime(now()), id.value(),
                  m_replication.brokerSessionTimeoutMs);
    leaveEveryPartition(id, "broker " + std::to_string(id.value()) + " is fenced", /*keepAsLastIsrMember=*/true);
}

void Cluster::unfenceBroker(BrokerId id)
{
    m_brokers.at(id).fenced = false;
    ++m_metadataVersion;
    JournalEvent e;
    e.kind = JournalEventKind::BrokerUnfenced;
    e.broker = id.value();
    journal(std::move(e));
    spdlog::debug("[{}] broker {} unfenced", formatSimTime(now()), id.value());
    resumeReplicas(id);
    syncGroupCoordinators();
}

void Cluster::resumeReplicas(BrokerId id)
{
    for (auto &[name, topic] : m_topics) {
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            PartitionState &state = topic.state(PartitionId{p});
            if (!state.replicas.count(id))
                continue;
            state.replicas.at(id).knownLeaderEpoch = state.leaderEpoch;
            if (!state.leader)
                electAfterFailure(state); // an offline partition may get its leader back
            else if (*state.leader != id)
                startFetcher(state.tp, id, SimDuration{});
        }
    }
}

PartitionState *Cluster::partitionState(const TopicPartition &tp)
{
    Topic *t = mutableTopic(tp.topic);
    if (!t || tp.partition.value() < 0 || tp.partition.value() >= t->partitionCount())
        return nullptr;
    return &t->state(tp.partition);
}

PartitionState *Cluster::partitionState(std::uint64_t topicId, std::int32_t partition)
{
    Topic *t = topicId < m_topicsById.size() ? m_topicsById[topicId] : nullptr;
    if (!t || partition < 0 || partition >= t->partitionCount())
        return nullptr;
    return &t->state(PartitionId{partition});
}

Result<std::unique_ptr<PartitionLog>> Cluster::openReplicaLog(BrokerId broker, const std::string &topic,
                                                              std::int32_t partition, const LogConfig &config)
{
    const std::string dirName = topic + "-" + std::to_string(partition);
    std::unique_ptr<LogStore> store;
    if (m_dataDirectory.empty()) {
        store = std::make_unique<MemoryLogStore>("broker-" + std::to_string(broker.value()) + "/" + dirName);
    } else {
        const std::string dir = m_dataDirectory + "/broker-" + std::to_string(broker.value()) + "/" + dirName;
        if (auto st = DirectoryLogStore::createDirectories(dir); !st.isOk())
            return st;
        store = std::make_unique<DirectoryLogStore>(dir, false);
    }
    return PartitionLog::open(std::move(store), config, clockMs());
}

Status Cluster::killBroker(BrokerId id)
{
    const ActionScope action(*this, "kill broker " + std::to_string(id.value()),
                             [id](Cluster &c) { (void)c.killBroker(id); });
    if (!m_brokers.count(id))
        return Status::notFound("no broker " + std::to_string(id.value()));
    if (!isAlive(id))
        return Status::invalidArgument("broker " + std::to_string(id.value()) + " is already down");
    stopBroker(id, JournalEventKind::BrokerCrashed);
    return Status::ok();
}

void Cluster::stopBroker(BrokerId id, JournalEventKind how)
{
    m_brokers.at(id).alive = false;
    m_network.pause(nodeOf(id));
    resetFetchSessions(id);
    dropConsumerFetches(id);
    ++m_metadataVersion;
    JournalEvent e;
    e.kind = how;
    e.broker = id.value();
    journal(std::move(e));
    noteControllerChange();
    spdlog::debug("[{}] broker {} died; controller is {}", formatSimTime(now()), id.value(),
                 controller() ? std::to_string(controller()->value()) : std::string("none"));
    // The controller removes a dead follower from the ISR at once.
    leaveEveryPartition(id, "broker " + std::to_string(id.value()) + " is down", /*keepAsLastIsrMember=*/false);
}

void Cluster::leaveEveryPartition(BrokerId id, const std::string &reason, bool keepAsLastIsrMember)
{
    for (auto &[name, topic] : m_topics) {
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            PartitionState &state = topic.state(PartitionId{p});
            if (!state.replicas.count(id))
                continue;
            if (state.leader == id) {
                electAfterFailure(state);
            } else if (state.isr.count(id) && (!keepAsLastIsrMember || state.isr.size() > 1)) {
                state.isr.erase(id);
                journalIsr(state, reason);
                if (m_observer)
                    m_observer->onPartitionStateChanged(state.tp);
                updateHighWatermark(state);
                completeParkedFetches(state);
            }
        }
    }
    syncGroupCoordinators();
}

Status Cluster::restartBroker(BrokerId id)
{
    const ActionScope action(*this, "restart broker " + std::to_string(id.value()),
                             [id](Cluster &c) { (void)c.restartBroker(id); });
    if (!m_brokers.count(id))
        return Status::notFound("no broker " + std::to_string(id.value()));
    if (isAlive(id))
        return Status::invalidArgument("broker " + std::to_string(id.value()) + " is already running");
    m_brokers.at(id).alive = true;
    m_brokers.at(id).fenced = false;
    m_lastHeartbeat[id] = now();
    m_network.resume(nodeOf(id));
    spdlog::debug("[{}] broker {} restarted", formatSimTime(now()), id.value());
    JournalEvent e;
    e.kind = JournalEventKind::BrokerRestarted;
    e.broker = id.value();
    journal(std::move(e));
    noteControllerChange();
    resumeReplicas(id);
    syncGroupCoordinators();
    // It may come back into a network partition, cut off from the controller.
    if (!m_sessionCheckScheduled && controller()
        && (!reachesMajority(id) || m_network.isCut(nodeOf(id), nodeOf(*controller()))))
        watchBrokerSessions();
    return Status::ok();
}

Status Cluster::shutdownBroker(BrokerId id)
{
    const ActionScope action(*this, "shut down broker " + std::to_string(id.value()),
                             [id](Cluster &c) { (void)c.shutdownBroker(id); });
    if (!m_brokers.count(id))
        return Status::notFound("no broker " + std::to_string(id.value()));
    if (!isAlive(id))
        return Status::invalidArgument("broker " + std::to_string(id.value()) + " is already down");
    const std::set<BrokerId> live = liveBrokers();
    for (auto &[name, topic] : m_topics) {
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            PartitionState &state = topic.state(PartitionId{p});
            if (!state.replicas.count(id))
                continue;
            if (state.leader == id) {
                const auto next = electLeaderOnControlledShutdown(state.assignment, state.isr, live, {id});
                if (next)
                    becomeLeader(state, *next, false, kElectionControlledShutdown);
            }
            if (state.leader != id && state.isr.erase(id) > 0) {
                journalIsr(state, "broker " + std::to_string(id.value()) + " shuts down");
                updateHighWatermark(state);
                if (m_observer)
                    m_observer->onPartitionStateChanged(state.tp);
            }
        }
    }
    // What it still leads (no other in-sync replica) goes offline as it stops.
    stopBroker(id, JournalEventKind::BrokerShutDown);
    return Status::ok();
}

bool Cluster::electPreferred(PartitionState &state)
{
    const std::set<BrokerId> live = liveBrokers();
    const auto preferred = electPreferredLeader(state.assignment, state.isr, live);
    if (!preferred || state.leader == preferred)
        return false;
    becomeLeader(state, *preferred, false, kElectionPreferred);
    return true;
}

int Cluster::electPreferredLeaders()
{
    const ActionScope action(*this, "preferred leader election", [](Cluster &c) { (void)c.electPreferredLeaders(); });
    int moved = 0;
    for (auto &[name, topic] : m_topics)
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p)
            moved += electPreferred(topic.state(PartitionId{p})) ? 1 : 0;
    return moved;
}

void Cluster::scheduleLeaderRebalance()
{
    if (m_rebalanceScheduled || !m_replication.autoLeaderRebalance)
        return;
    m_rebalanceScheduled = true;
    m_scheduler.scheduleAfter(SimDuration::millis(m_replication.leaderImbalanceCheckIntervalMs), EventPriority::Timer, [this] {
        m_rebalanceScheduled = false;
        rebalanceLeaders();
        scheduleLeaderRebalance();
    });
}

void Cluster::scheduleLogMaintenance()
{
    if (m_logMaintenanceScheduled)
        return;
    m_logMaintenanceScheduled = true;
    // Two independent timers, as Kafka's LogManager schedules them; each schedules its next run.
    m_scheduler.scheduleAfter(SimDuration::millis(m_replication.logRetentionCheckIntervalMs), EventPriority::Timer,
                              [this] { runRetention(); });
    m_scheduler.scheduleAfter(SimDuration::millis(m_replication.logCleanerBackoffMs), EventPriority::Timer,
                              [this] { runCleaner(); });
}

void Cluster::maintainLogs(bool compactedTopicsOnly, const std::function<bool(PartitionState &, BrokerId, Replica &)> &task)
{
    for (auto &[name, topic] : m_topics) {
        if (compactedTopicsOnly && !topic.settings().log.compacts())
            continue;
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            PartitionState &state = topic.state(PartitionId{p});
            bool changed = false;
            for (auto &[b, replica] : state.replicas)
                if (isAlive(b))
                    changed = task(state, b, replica) || changed;
            if (changed && m_observer)
                m_observer->onPartitionStateChanged(state.tp);
        }
    }
}

void Cluster::runRetention()
{
    maintainLogs(false, [this](PartitionState &state, BrokerId b, Replica &replica) {
        const auto deleted = replica.log->deleteOldSegments(clockMs(), replica.highWatermark);
        if (!deleted.isOk() || deleted.value() == 0)
            return false;
        journalPartition(JournalEventKind::LogSegmentsDeleted, state, b.value(), replica.log->logStartOffset(), deleted.value());
        return true;
    });
    m_scheduler.scheduleAfter(SimDuration::millis(m_replication.logRetentionCheckIntervalMs), EventPriority::Timer,
                              [this] { runRetention(); });
}

void Cluster::runCleaner()
{
    maintainLogs(true, [this](PartitionState &state, BrokerId b, Replica &replica) {
        const auto cleaned = replica.log->compact(clockMs(), replica.highWatermark);
        if (!cleaned.isOk() || !cleaned.value().ran || cleaned.value().recordsRead <= cleaned.value().recordsRetained)
            return false;
        journalPartition(JournalEventKind::LogCompacted, state, b.value(),
                         cleaned.value().recordsRead - cleaned.value().recordsRetained, cleaned.value().recordsRetained);
        return true;
    });
    m_scheduler.scheduleAfter(SimDuration::millis(m_replication.logCleanerBackoffMs), EventPriority::Timer,
                              [this] { runCleaner(); });
}

void Cluster::rebalanceLeaders()
{
    // Per preferred broker: the partitions it should lead, and those it does not.
    std::map<BrokerId, std::pair<int, std::vector<PartitionState *>>> byPreferred;
    for (auto &[name, topic] : m_topics) {
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            PartitionState &state = topic.state(PartitionId{p});
            auto &entry = byPreferred[state.assignment.front()];
            ++entry.first;
            if (state.leader != state.assignment.front())
                entry.second.push_back(&state);
        }
    }
    for (auto &[broker, entry] : byPreferred) {
        const double imbalance = 100.0 * static_cast<double>(entry.second.size()) / static_cast<double>(entry.first);
        if (!isAlive(broker) || imbalance <= m_replication.leaderImbalancePerBrokerPercentage)
            continue;
        for (PartitionState *state : entry.second)
            electPreferred(*state);
    }
}

void Cluster::electAfterFailure(PartitionState &state)
{
    const std::set<BrokerId> live = liveBrokers();
    bool unclean = false;
    const auto leader = electLeaderOnFailure(state.assignment, state.isr, live, state.uncleanLeaderElection, &unclean);
    if (!leader) {
        // Offline: no live replica may lead. The ISR keeps its last members, who alone may come
        // back as a clean leader.
        completeDelayedProduces(state, true);
        const bool wasOnline = state.leader.has_value();
        // Going offline is a leader change (to none): a new epoch, which every live replica
        // learns from the controller, so that nothing of the old leader's epoch is accepted.
        state.leaderEpoch = leaderEpochAfter(state.leaderEpoch, state.leader, std::nullopt);
        state.leader.reset();
        if (wasOnline)
            for (auto &[b, replica] : state.replicas)
                if (isAlive(b))
                    replica.knownLeaderEpoch = state.leaderEpoch;
        ++m_metadataVersion;
        if (wasOnline)
            journalPartition(JournalEventKind::PartitionOffline, state);
        if (m_observer)
            m_observer->onPartitionStateChanged(state.tp);
        spdlog::debug("[{}] {} is offline (ISR {} all down)", formatSimTime(now()), state.tp.toString(), brokerListText(state.isr));
        return;
    }
    becomeLeader(state, *leader, unclean, unclean ? kElectionUnclean : kElectionClean);
}

void Cluster::becomeLeader(PartitionState &state, BrokerId leader, bool unclean, const char *reason)
{
    const std::set<BrokerId> live = liveBrokers();
    completeDelayedProduces(state, true); // the old leader's waiting produces fail
    state.leaderEpoch = leaderEpochAfter(state.leaderEpoch, state.leader, leader);
    state.leader = leader;
    const std::set<BrokerId> oldIsr = state.isr;
    state.isr = isrAfterElection(state.isr, live, leader, unclean);
    journalPartition(JournalEventKind::LeaderElected, state, leader.value(), -1, 0, reason);
    if (state.isr != oldIsr)
        journalIsr(state, "election");
    Replica &r = state.replicas.at(leader);
    r.epochs.assign(state.leaderEpoch, r.log->logEndOffset());
    state.leaderEpochStartOffset = r.log->logEndOffset();
    // The new leader knows nothing yet of its followers' logs; they count as caught up now, so
    // that the ISR does not shrink before they had a chance to fetch.
    state.followers.clear();
    for (const auto &[b, replica] : state.replicas) {
        if (b == leader)
            continue;
        state.followers[b].lastCaughtUpTimeMs = now().millis();
    }
    for (auto &[b, replica] : state.replicas)
        if (isAlive(b))
            replica.knownLeaderEpoch = state.leaderEpoch;
    ++m_metadataVersion; // sessions to and from this leader change
    if (m_observer)
        m_observer->onPartitionStateChanged(state.tp);
    spdlog::debug("[{}] {}: leader {} epoch {}{}, ISR {}", formatSimTime(now()), state.tp.toString(), leader.value(),
                 state.leaderEpoch, unclean ? " (unclean election: acknowledged records may be lost)" : "",
                 brokerListText(state.isr));
    updateHighWatermark(state);
    for (const auto &[b, replica] : state.replicas)
        if (b != leader && isAlive(b))
            startFetcher(state.tp, b, SimDuration{});
    noteOffsetsLeadership(state);
}

void Cluster::bumpLeaderEpoch(PartitionState &state, const char *reason)
{
    // KRaft's PartitionChangeBuilder (triggerLeaderEpochBumpForReplicaReassignmentIfNeeded): a
    // partition change whose replicas no longer include all the old ones gets a new leader epoch
    // even though the leader stays, so that the removed replicas' requests are fenced. The leader
    // goes on as before (Kafka's makeLeader for a leader that already led: its followers' fetch
    // state and the produces waiting for the high watermark stay); the epoch starts at its log end.
    Replica *leader = state.leaderReplica();
    if (!leader)
        return;
    ++state.leaderEpoch;
    journalPartition(JournalEventKind::LeaderElected, state, state.leader->value(), -1, 0, reason);
    leader->epochs.assign(state.leaderEpoch, leader->log->logEndOffset());
    state.leaderEpochStartOffset = leader->log->logEndOffset();
    for (auto &[b, replica] : state.replicas)
        if (isAlive(b))
            replica.knownLeaderEpoch = state.leaderEpoch;
    ++m_metadataVersion; // the sessions' requests carry the new epoch
    if (m_observer)
        m_observer->onPartitionStateChanged(state.tp);
    spdlog::debug("[{}] {}: leader {} keeps leading in epoch {} ({})", formatSimTime(now()), state.tp.toString(),
                  state.leader->value(), state.leaderEpoch, reason);
    for (const auto &[b, replica] : state.replicas)
        if (b != *state.leader && isAlive(b))
            startFetcher(state.tp, b, SimDuration{});
}

void Cluster::updateHighWatermark(PartitionState &state)
{
    Replica *leader = state.leaderReplica();
    if (!leader) {
        completeDelayedConsumerFetches(state); // offline: held fetches learn the leader is gone
        return;
    }
    const std::int64_t before = leader->highWatermark;
    leader->highWatermark = advanceHighWatermark(leader->highWatermark, leader->log->logEndOffset(), *state.leader,
                                                 state.isr, state.followers, state.minInsyncReplicas);
    if (leader->highWatermark != before) {
        journalPartition(JournalEventKind::HighWatermarkAdvanced, state, state.leader->value(), leader->highWatermark);
        if (m_observer)
            m_observer->onHighWatermarkChanged(state.tp, Offset{leader->highWatermark});
    }
    completeDelayedProduces(state, false);
    completeDelayedConsumerFetches(state);
}

void Cluster::scheduleIsrCheck()
{
    if (m_isrCheckScheduled)
        return;
    m_isrCheckScheduled = true;
    // Kafka's leader checks its ISR every replica.lag.time.max.ms / 2.
    m_scheduler.scheduleAfter(SimDuration::millis(m_replication.replicaLagTimeMaxMs / 2), EventPriority::Timer, [this] {
        m_isrCheckScheduled = false;
        checkIsr();
        scheduleIsrCheck();
    });
}

void Cluster::checkIsr()
{
    for (auto &[name, topic] : m_topics) {
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            PartitionState &state = topic.state(PartitionId{p});
            if (!state.leader || !isAlive(*state.leader))
                continue;
            const auto out = outOfSyncReplicas(*state.leader, state.isr, state.followers, now().millis(),
                                               m_replication.replicaLagTimeMaxMs);
            if (out.empty())
                continue;
            for (const BrokerId b : out)
                state.isr.erase(b);
            journalIsr(state, "out of sync for replica.lag.time.max.ms");
            if (m_observer)
                m_observer->onPartitionStateChanged(state.tp);
            spdlog::debug("[{}] {}: ISR shrinks to {} ({} out of sync)", formatSimTime(now()), state.tp.toString(),
                         brokerListText(state.isr), brokerListText(out));
            updateHighWatermark(state);
        }
    }
}

// --- Fetch sessions ----------------------------------------------------------------------------
// Kafka's replica fetcher: each follower broker has one fetcher per leader broker, and each fetch
// request carries every partition the follower copies from that leader (with its log end offset,
// last fetched epoch and the leader epoch it knows). The leader answers at once when any partition
// has something to say (records, a divergence, a reset), else holds the request up to
// replica.fetch.wait.max.ms; the follower applies the answer partition by partition and sends
// the next request at once.

const std::vector<std::pair<std::uint64_t, std::int32_t>> &Cluster::sessionPartitions(FetchSession &session, BrokerId follower,
                                                                                      BrokerId leader)
{
    if (session.partitionsVersion == m_metadataVersion)
        return session.partitions;
    // One pass over the partitions lists every session's partitions (a pass per session would
    // cost sessions x partitions: 2,450 x 5,000 in a cluster of 50 brokers), in the same order:
    // topics by name, then partition number.
    if (m_sessionPartitionsVersion != m_metadataVersion) {
        for (auto &row : m_sessionPartitionsIndex)
            for (auto &list : row)
                list.clear();
        for (const auto &[name, topic] : m_topics)
            for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
                const PartitionState &state = topic.state(PartitionId{p});
                if (!state.leader)
                    continue;
                const auto l = static_cast<std::size_t>(state.leader->value());
                for (const auto &[b, replica] : state.replicas) {
                    if (b == *state.leader)
                        continue;
                    const auto f = static_cast<std::size_t>(b.value());
                    if (f >= m_sessionPartitionsIndex.size())
                        m_sessionPartitionsIndex.resize(f + 1);
                    auto &row = m_sessionPartitionsIndex[f];
                    if (l >= row.size())
                        row.resize(l + 1);
                    row[l].emplace_back(state.topicId, p);
                }
            }
        m_sessionPartitionsVersion = m_metadataVersion;
    }
    const auto f = static_cast<std::size_t>(follower.value());
    const auto l = static_cast<std::size_t>(leader.value());
    if (follower != leader && f < m_sessionPartitionsIndex.size() && l < m_sessionPartitionsIndex[f].size())
        session.partitions = m_sessionPartitionsIndex[f][l];
    else
        session.partitions.clear();
    session.partitionsVersion = m_metadataVersion;
    return session.partitions;
}

void Cluster::startFetcher(const TopicPartition &tp, BrokerId follower, SimDuration delay)
{
    PartitionState *state = partitionState(tp);
    if (!state || !state->leader || *state->leader == follower || !state->replicas.count(follower))
        return; // offline partitions are picked up when a leader is elected
    ++m_metadataVersion; // the partition may be new to this session
    FetchSession &session = m_fetchSessions[{follower, *state->leader}];
    if (session.request != 0 || session.sendScheduled)
        return; // the next request of the running loop includes it
    if (delay > SimDuration{}) {
        session.sendScheduled = true;
        const BrokerId leader = *state->leader;
        m_scheduler.scheduleAfter(delay, EventPriority::Network, [this, follower, leader] {
            m_fetchSessions[{follower, leader}].sendScheduled = false;
            sendSessionFetch(follower, leader);
        });
        return;
    }
    sendSessionFetch(follower, *state->leader);
}

void Cluster::resetFetchSessions(BrokerId broker)
{
    // A broker died: its connections drop, so requests to or from it are never answered; the
    // other side notices at once (a disconnect) rather than after the request timeout.
    m_fetchSessions.forEach([broker](BrokerId follower, BrokerId leader, FetchSession &session) {
        if (follower == broker || leader == broker) {
            session.request = 0;
            session.parked = false;
            session.parkedParts.clear();
        }
    });
}

std::vector<Cluster::FetchPart> Cluster::takeFetchParts()
{
    if (m_fetchPartsPool.empty())
        return {};
    std::vector<FetchPart> parts = std::move(m_fetchPartsPool.back());
    m_fetchPartsPool.pop_back();
    return parts;
}

void Cluster::recycle(std::vector<FetchPart> parts)
{
    if (m_fetchPartsPool.size() < kFetchPoolSize) {
        parts.clear();
        m_fetchPartsPool.push_back(std::move(parts));
    }
}

void Cluster::recycle(std::vector<FetchAnswer> answers)
{
    for (FetchAnswer &a : answers)
        // Small buffers only: a catch-up answer's megabyte is not worth keeping.
        if (a.records.capacity() > 0 && a.records.capacity() <= 64 * 1024 && m_recordBytesPool.size() < kFetchPoolSize) {
            a.records.clear();
            m_recordBytesPool.push_back(std::move(a.records));
        }
    if (m_fetchAnswersPool.size() < kFetchPoolSize) {
        answers.clear();
        m_fetchAnswersPool.push_back(std::move(answers));
    }
}

void Cluster::sendSessionFetch(BrokerId follower, BrokerId leader)
{
    FetchSession &session = m_fetchSessions[{follower, leader}];
    session.request = 0;
    if (!isAlive(follower) || !isAlive(leader))
        return;
    std::vector<FetchPart> parts = takeFetchParts();
    const auto &partitions = sessionPartitions(session, follower, leader);
    parts.reserve(partitions.size());
    for (const auto &[topicId, partition] : partitions) {
        const PartitionState *state = partitionState(topicId, partition);
        if (!state || state->leader != leader)
            continue;
        const auto replica = state->replicas.find(follower);
        if (replica == state->replicas.end())
            continue;
        const Replica &r = replica->second;
        FetchPart part;
        part.topicId = topicId;
        part.partition = partition;
        part.fetchOffset = r.log->logEndOffset();
        part.lastFetchedEpoch = r.epochs.latestEpoch().value_or(-1);
        part.leaderEpoch = r.knownLeaderEpoch;
        parts.push_back(part);
    }
    if (parts.empty()) {
        recycle(std::move(parts));
        return; // nothing to copy from this leader: the loop stops until a partition is added
    }
    const std::uint64_t request = ++m_lastFetchGeneration;
    session.request = request;
    m_network.send(nodeOf(follower), nodeOf(leader), [this, follower, leader, request, parts = std::move(parts)]() mutable {
        handleSessionFetch(follower, leader, request, std::move(parts));
    });
    // Without an answer by the deadline (replica.socket.timeout.ms) the request counts as lost and
    // a new one goes out. One watchdog per session, moved to the latest request's deadline when it
    // fires, instead of a timer for every request.
    session.deadline = now() + SimDuration::millis(kFetchRequestTimeoutMs);
    session.deadlineRequest = request;
    if (!session.watchArmed) {
        session.watchArmed = true;
        m_scheduler.schedule(session.deadline, EventPriority::Timer, [this, follower, leader] { onSessionWatchdog(follower, leader); });
    }
}

void Cluster::onSessionWatchdog(BrokerId follower, BrokerId leader)
{
    FetchSession &session = m_fetchSessions[{follower, leader}];
    session.watchArmed = false;
    if (session.deadline > now()) {
        session.watchArmed = true;
        m_scheduler.schedule(session.deadline, EventPriority::Timer, [this, follower, leader] { onSessionWatchdog(follower, leader); });
        return;
    }
    if (session.request != 0 && session.request == session.deadlineRequest)
        sendSessionFetch(follower, leader); // timed out
}

void Cluster::handleSessionFetch(BrokerId follower, BrokerId leaderId, std::uint64_t request, std::vector<FetchPart> parts)
{
    if (!isAlive(leaderId) || m_fetchSessions[{follower, leaderId}].request != request) {
        recycle(std::move(parts)); // the leader is down, or the follower already gave up on this request
        return;
    }
    bool answerNow = false;
    for (FetchPart &part : parts) {
        PartitionState *state = partitionState(part.topicId, part.partition);
        if (!state || state->leader != leaderId || part.leaderEpoch != state->leaderEpoch
            || !state->replicas.count(follower)) {
            part.kind = FetchPart::Kind::Skipped; // not the leader of that epoch any more (FENCED_LEADER_EPOCH)
            continue;
        }
        Replica &leader = *state->leaderReplica();
        const std::int64_t leaderEnd = leader.log->logEndOffset();
        // KIP-320: a follower whose last fetched epoch ends earlier on the leader, or that is ahead
        // of the leader, has diverged and must truncate before fetching.
        if (part.lastFetchedEpoch >= 0) {
            const auto [epoch, end] = leader.epochs.endOffsetFor(part.lastFetchedEpoch, leaderEnd);
            if (epoch != part.lastFetchedEpoch || end < part.fetchOffset) {
                part.kind = FetchPart::Kind::Diverged;
                part.divergingEpoch = epoch;
                part.divergingEnd = end;
            }
        }
        if (part.kind == FetchPart::Kind::Normal && part.fetchOffset > leaderEnd) {
            part.kind = FetchPart::Kind::Diverged;
            part.divergingEpoch = state->leaderEpoch;
            part.divergingEnd = leaderEnd;
        }
        if (part.kind == FetchPart::Kind::Normal && part.fetchOffset < leader.log->logStartOffset()) {
            part.kind = FetchPart::Kind::Reset; // below the leader's log start: start again empty there
            part.divergingEnd = leader.log->logStartOffset();
        }
        if (part.kind != FetchPart::Kind::Normal) {
            answerNow = true;
            continue;
        }
        FollowerFetchState &fetchState = state->followers[follower];
        const bool moved = fetchState.logEndOffset != part.fetchOffset;
        recordFollowerFetch(fetchState, part.fetchOffset, leaderEnd, now().millis());
        // KIP-841: only a live (unfenced) broker may join the ISR; a fetch it sent just before it
        // died still arrives, but does not bring it back.
        if (!state->isr.count(follower) && isAlive(follower) && !isFenced(follower)
            && mayJoinIsr(part.fetchOffset, leader.highWatermark, state->leaderEpochStartOffset)) {
            state->isr.insert(follower);
            journalIsr(*state, "broker " + std::to_string(follower.value()) + " caught up");
            if (m_observer)
                m_observer->onPartitionStateChanged(state->tp);
            spdlog::debug("[{}] {}: broker {} rejoins the ISR {}", formatSimTime(now()), state->tp.toString(),
                          follower.value(), brokerListText(state->isr));
            updateHighWatermark(*state);
            maybeCompleteReassignment(*state);
            state = partitionState(part.topicId, part.partition);
            if (!state || state->leader != leaderId || !state->replicas.count(follower)) {
                part.kind = FetchPart::Kind::Skipped; // the reassignment removed this follower, or moved the leader
                continue;
            }
        }
        // The high watermark depends on the in-sync followers' log ends: a follower that did not
        // move cannot move it (appends and ISR changes update it themselves).
        if (moved)
            updateHighWatermark(*state);
        if (part.fetchOffset < state->leaderReplica()->log->logEndOffset())
            answerNow = true;
    }
    if (answerNow) {
        answerSessionFetch(follower, leaderId, request, parts);
        recycle(std::move(parts));
        return;
    }
    // Nothing new anywhere: Kafka's leader holds the fetch up to replica.fetch.wait.max.ms,
    // answering as soon as records arrive in one of its partitions.
    FetchSession &session = m_fetchSessions[{follower, leaderId}];
    session.parked = true;
    session.parkedRequest = request;
    if (!session.parkedParts.empty())
        recycle(std::move(session.parkedParts)); // an earlier request held (the follower moved on)
    session.parkedParts = std::move(parts);
    session.parkedUntil = now() + SimDuration::millis(m_replication.replicaFetchWaitMaxMs);
    armParkTimer(follower, leaderId);
}

void Cluster::armParkTimer(BrokerId follower, BrokerId leader)
{
    FetchSession &session = m_fetchSessions[{follower, leader}];
    if (session.parkTimerArmed)
        return;
    session.parkTimerArmed = true;
    m_scheduler.schedule(session.parkedUntil, EventPriority::Network, [this, follower, leader] {
        FetchSession &s = m_fetchSessions[{follower, leader}];
        s.parkTimerArmed = false;
        if (!s.parked)
            return;
        if (s.parkedUntil > now()) { // parked again since: wait for that deadline
            armParkTimer(follower, leader);
            return;
        }
        answerParked(follower, leader);
    });
}

void Cluster::answerParked(BrokerId follower, BrokerId leader)
{
    FetchSession &session = m_fetchSessions[{follower, leader}];
    session.parked = false;
    std::vector<FetchPart> parts = std::move(session.parkedParts);
    session.parkedParts.clear();
    answerSessionFetch(follower, leader, session.parkedRequest, parts);
    recycle(std::move(parts));
}

void Cluster::completeParkedFetches(PartitionState &state)
{
    // Records arrived: the followers' parked fetches are answered now instead of at their deadline.
    if (!state.leader)
        return;
    for (const auto &[b, replica] : state.replicas) {
        if (b == *state.leader)
            continue;
        const FetchSession *session = m_fetchSessions.find({b, *state.leader});
        if (session && session->parked)
            answerParked(b, *state.leader);
    }
}

void Cluster::answerSessionFetch(BrokerId follower, BrokerId leaderId, std::uint64_t request, const std::vector<FetchPart> &parts)
{
    if (!isAlive(leaderId))
        return;
    std::vector<FetchAnswer> answers;
    if (!m_fetchAnswersPool.empty()) {
        answers = std::move(m_fetchAnswersPool.back());
        m_fetchAnswersPool.pop_back();
    }
    answers.reserve(parts.size());
    std::size_t bytes = 0;
    for (const FetchPart &part : parts) {
        if (part.kind == FetchPart::Kind::Skipped)
            continue;
        FetchAnswer answer;
        answer.topicId = part.topicId;
        answer.partition = part.partition;
        answer.kind = part.kind;
        answer.divergingEpoch = part.divergingEpoch;
        answer.divergingEnd = part.divergingEnd;
        if (part.kind == FetchPart::Kind::Normal) {
            PartitionState *state = partitionState(part.topicId, part.partition);
            if (!state || state->leader != leaderId)
                continue;
            Replica &leader = *state->leaderReplica();
            // replica.fetch.max.bytes a partition, replica.fetch.response.max.bytes in all.
            if (part.fetchOffset < leader.log->logEndOffset() && part.fetchOffset >= leader.log->logStartOffset()
                && bytes < m_replication.replicaFetchResponseMaxBytes) {
                if (!m_recordBytesPool.empty()) {
                    answer.records = std::move(m_recordBytesPool.back());
                    m_recordBytesPool.pop_back();
                }
                if (!leader.log->readInto(part.fetchOffset, m_replication.replicaFetchMaxBytes, answer.records).isOk())
                    answer.records.clear();
                bytes += answer.records.size();
            }
            answer.leaderHighWatermark = leader.highWatermark;
        }
        answers.push_back(std::move(answer));
    }
    m_network.send(nodeOf(leaderId), nodeOf(follower), [this, follower, leaderId, request, answers = std::move(answers)]() mutable {
        handleSessionAnswer(follower, leaderId, request, answers);
        recycle(std::move(answers));
    });
}

void Cluster::handleSessionAnswer(BrokerId follower, BrokerId leaderId, std::uint64_t request,
                                  std::vector<FetchAnswer> &answers)
{
    FetchSession &session = m_fetchSessions[{follower, leaderId}];
    if (session.request != request || !isAlive(follower))
        return; // a stale answer: the loop moved on (timeout, or a broker restarted)
    session.request = 0;
    for (const FetchAnswer &answer : answers) {
        PartitionState *s = partitionState(answer.topicId, answer.partition);
        if (!s || s->leader == follower)
            continue;
        const auto replica = s->replicas.find(follower);
        if (replica == s->replicas.end())
            continue;
        Replica &r = replica->second;
        if (answer.kind == FetchPart::Kind::Diverged) {
            const std::int64_t truncateTo = followerTruncationOffset(r.epochs, r.log->logEndOffset(), r.highWatermark,
                                                                     answer.divergingEpoch, answer.divergingEnd);
            if (truncateTo < r.log->logEndOffset()) {
                spdlog::debug("[{}] {}: broker {} truncates its log from {} to {}", formatSimTime(now()),
                              s->tp.toString(), follower.value(), r.log->logEndOffset(), truncateTo);
                (void)r.log->truncateTo(truncateTo);
                r.highWatermark = std::min(r.highWatermark, r.log->logEndOffset());
                r.rebuildProducerState();
                journalPartition(JournalEventKind::LogTruncated, *s, follower.value(), r.log->logEndOffset());
            }
            // Epochs that start at or after the truncation point describe records it no longer
            // has (or none): they go, so that the next fetch does not diverge again.
            r.epochs.truncateFromEnd(std::min(truncateTo, r.log->logEndOffset()));
            continue;
        }
        if (answer.kind == FetchPart::Kind::Reset) {
            const std::int64_t start = answer.divergingEnd;
            (void)r.log->truncateFullyAndStartAt(start, clockMs());
            r.epochs.truncateFromStart(start);
            r.rebuildProducerState();
            journalPartition(JournalEventKind::LogTruncated, *s, follower.value(), r.log->logEndOffset());
            continue;
        }
        const std::int64_t endBefore = r.log->logEndOffset();
        std::string_view bytes = answer.records;
        while (!bytes.empty()) {
            const auto header = readBatchHeader(bytes);
            if (!header.isOk() || header.value().baseOffset != r.log->logEndOffset())
                break; // stale (the log moved meanwhile): the next fetch starts right
            const std::string_view batch = bytes.substr(0, header.value().sizeInBytes());
            if (!r.log->appendBatch(batch, clockMs()).isOk())
                break;
            if (header.value().partitionLeaderEpoch >= 0)
                r.epochs.assign(header.value().partitionLeaderEpoch, header.value().baseOffset);
            r.noteBatch(header.value().producerId, header.value().producerEpoch, header.value().baseSequence,
                        header.value().lastOffsetDelta);
            bytes.remove_prefix(batch.size());
        }
        if (r.log->logEndOffset() > endBefore) {
            journalPartition(JournalEventKind::RecordsReplicated, *s, follower.value(), endBefore,
                             r.log->logEndOffset() - endBefore);
            if (m_observer)
                m_observer->onRecordsReplicated(s->tp, follower, Offset{endBefore}, Offset{r.log->logEndOffset() - 1});
        }
        r.highWatermark = std::max(r.highWatermark, std::min(answer.leaderHighWatermark, r.log->logEndOffset()));
    }
    sendSessionFetch(follower, leaderId);
}

void Replica::rebuildProducerState()
{
    producers.clear();
    std::int64_t offset = log->logStartOffset();
    while (offset < log->logEndOffset()) {
        const auto fetched = log->read(offset, 1 << 20);
        if (!fetched.isOk() || fetched.value().records.empty())
            return;
        std::string_view bytes = fetched.value().records;
        while (!bytes.empty()) {
            const auto header = readBatchHeader(bytes);
            if (!header.isOk())
                return;
            noteBatch(header.value().producerId, header.value().producerEpoch, header.value().baseSequence,
                      header.value().lastOffsetDelta);
            bytes.remove_prefix(header.value().sizeInBytes());
        }
        offset = fetched.value().nextFetchOffset;
    }
}

} // namespace kafkascope
