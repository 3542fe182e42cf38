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

BrokerId Cluster::addBroker()
{
    const ActionScope action(*this, "add a broker", [](Cluster &c) { (void)c.addBroker(); });
    // Ids are never reused, not even a decommissioned broker's.
    const BrokerId id{m_nextBrokerId++};
    m_brokers.emplace(id, BrokerInfo{id, true});
    spdlog::debug("[{}] broker {} joined", formatSimTime(now()), id.value());
    JournalEvent e;
    e.kind = JournalEventKind::BrokerAdded;
    e.broker = id.value();
    journal(std::move(e));
    noteControllerChange();
    return id;
}

std::set<BrokerId> Cluster::liveBrokers() const
{
    std::set<BrokerId> live;
    for (const auto &[id, broker] : m_brokers)
        if (broker.alive)
            live.insert(id);
    return live;
}

bool Cluster::isAlive(BrokerId id) const
{
    const auto it = m_brokers.find(id);
    return it != m_brokers.end() && it->second.alive;
}

std::optional<BrokerId> Cluster::controller() const
{
    for (const auto &[id, broker] : m_brokers)
        if (broker.alive)
            return id;
    return std::nullopt;
}

PartitionState *Cluster::partitionState(const TopicPartition &tp)
{
    Topic *t = mutableTopic(tp.topic);
    if (!t || tp.partition.value() < 0 || tp.partition.value() >= t->partitionCount())
        return nullptr;
    return &t->state(tp.partition);
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
    JournalEvent e;
    e.kind = how;
    e.broker = id.value();
    journal(std::move(e));
    noteControllerChange();
    spdlog::debug("[{}] broker {} died; controller is {}", formatSimTime(now()), id.value(),
                 controller() ? std::to_string(controller()->value()) : std::string("none"));
    for (auto &[name, topic] : m_topics) {
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            PartitionState &state = topic.state(PartitionId{p});
            if (!state.replicas.count(id))
                continue;
            if (state.leader == id) {
                electAfterFailure(state);
            } else if (state.isr.count(id)) {
                // The controller removes a dead follower from the ISR at once.
                state.isr.erase(id);
                journalIsr(state, "broker " + std::to_string(id.value()) + " is down");
                if (m_observer)
                    m_observer->onPartitionStateChanged(state.tp);
                updateHighWatermark(state);
                completeParkedFetches(state);
            }
        }
    }
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
    m_network.resume(nodeOf(id));
    spdlog::debug("[{}] broker {} restarted", formatSimTime(now()), id.value());
    JournalEvent e;
    e.kind = JournalEventKind::BrokerRestarted;
    e.broker = id.value();
    journal(std::move(e));
    noteControllerChange();
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
        state.leader.reset();
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
    state.leader = leader;
    ++state.leaderEpoch;
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
    r.fetchGeneration = ++m_lastFetchGeneration; // a leader does not fetch
    if (m_observer)
        m_observer->onPartitionStateChanged(state.tp);
    spdlog::debug("[{}] {}: leader {} epoch {}{}, ISR {}", formatSimTime(now()), state.tp.toString(), leader.value(),
                 state.leaderEpoch, unclean ? " (unclean election: acknowledged records may be lost)" : "",
                 brokerListText(state.isr));
    updateHighWatermark(state);
    for (const auto &[b, replica] : state.replicas)
        if (b != leader && isAlive(b))
            startFetcher(state.tp, b, SimDuration{});
}

void Cluster::updateHighWatermark(PartitionState &state)
{
    Replica *leader = state.leaderReplica();
    if (!leader)
        return;
    const std::int64_t before = leader->highWatermark;
    leader->highWatermark = advanceHighWatermark(leader->highWatermark, leader->log->logEndOffset(), *state.leader,
                                                 state.isr, state.followers, state.minInsyncReplicas);
    if (leader->highWatermark != before)
        journalPartition(JournalEventKind::HighWatermarkAdvanced, state, state.leader->value(), leader->highWatermark);
    completeDelayedProduces(state, false);
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

Replica *Cluster::currentFetcher(const TopicPartition &tp, BrokerId follower, std::uint64_t generation)
{
    PartitionState *state = partitionState(tp);
    if (!state || !isAlive(follower))
        return nullptr;
    const auto it = state->replicas.find(follower);
    if (it == state->replicas.end() || it->second.fetchGeneration != generation)
        return nullptr;
    return &it->second;
}

void Cluster::startFetcher(const TopicPartition &tp, BrokerId follower, SimDuration delay)
{
    PartitionState *state = partitionState(tp);
    if (!state || !state->replicas.count(follower))
        return;
    const std::uint64_t generation = ++m_lastFetchGeneration;
    state->replicas.at(follower).fetchGeneration = generation;
    if (delay == SimDuration{}) {
        sendFetch(tp, follower, generation); // at once: no event needed
        return;
    }
    m_scheduler.scheduleAfter(delay, EventPriority::Network, [this, tp, follower, generation] {
        sendFetch(tp, follower, generation);
    });
}

void Cluster::sendFetch(const TopicPartition &tp, BrokerId follower, std::uint64_t generation)
{
    if (!currentFetcher(tp, follower, generation))
        return; // a newer fetch loop runs, or the follower is down (it restarts its loop on return)
    PartitionState *state = partitionState(tp);
    if (!state->leader || *state->leader == follower) {
        if (!state->leader) // offline: try again later
            m_scheduler.scheduleAfter(SimDuration::millis(m_replication.replicaFetchBackoffMs), EventPriority::Network,
                                      [this, tp, follower, generation] { sendFetch(tp, follower, generation); });
        return;
    }
    Replica &r = state->replicas.at(follower);
    const std::int64_t fetchOffset = r.log->logEndOffset();
    const std::int32_t lastEpoch = r.epochs.latestEpoch().value_or(-1);
    const std::int32_t leaderEpoch = r.knownLeaderEpoch;
    const BrokerId leader = *state->leader;
    // Each request gets a fresh generation; a lost request is retried after the timeout.
    const std::uint64_t request = ++m_lastFetchGeneration;
    r.fetchGeneration = request;
    m_network.send(nodeOf(follower), nodeOf(leader), [this, tp, follower, request, fetchOffset, lastEpoch, leaderEpoch] {
        handleFetch(tp, follower, request, fetchOffset, lastEpoch, leaderEpoch);
    });
    // Without an answer by the deadline the request counts as lost and the loop starts again.
    // One watchdog event per replica, moved to the latest request's deadline when it fires,
    // instead of a timer for every request.
    r.fetchDeadline = now() + SimDuration::millis(kFetchRequestTimeoutMs);
    r.fetchRequest = request;
    if (!r.fetchWatchArmed) {
        r.fetchWatchArmed = true;
        m_scheduler.schedule(r.fetchDeadline, EventPriority::Timer, [this, tp, follower] { onFetchWatchdog(tp, follower); });
    }
}

void Cluster::onFetchWatchdog(const TopicPartition &tp, BrokerId follower)
{
    PartitionState *state = partitionState(tp);
    if (!state || !state->replicas.count(follower))
        return;
    Replica &r = state->replicas.at(follower);
    r.fetchWatchArmed = false;
    if (r.fetchDeadline > now()) { // a later request is out: wait for its deadline
        r.fetchWatchArmed = true;
        m_scheduler.schedule(r.fetchDeadline, EventPriority::Timer, [this, tp, follower] { onFetchWatchdog(tp, follower); });
        return;
    }
    // The last request's deadline passed. If the loop still waits for it, it timed out.
    if (isAlive(follower) && r.fetchGeneration == r.fetchRequest)
        startFetcher(tp, follower, SimDuration{});
}

void Cluster::handleFetch(const TopicPartition &tp, BrokerId follower, std::uint64_t generation, std::int64_t fetchOffset,
                          std::int32_t lastFetchedEpoch, std::int32_t leaderEpoch)
{
    PartitionState *state = partitionState(tp);
    if (!state || !state->leader || !isAlive(*state->leader) || leaderEpoch != state->leaderEpoch)
        return; // not the leader of that epoch any more: the follower retries after its timeout or a new loop
    if (!state->replicas.count(follower) || state->replicas.at(follower).fetchGeneration != generation)
        return; // from a superseded fetch loop (or a deleted topic of the same name)
    Replica &leader = *state->leaderReplica();
    const std::int64_t leaderEnd = leader.log->logEndOffset();
    // KIP-320: a follower whose last fetched epoch ends earlier on the leader, or that is ahead
    // of the leader, has diverged and must truncate before fetching.
    bool diverged = false;
    std::int32_t divergingEpoch = -1;
    std::int64_t divergingEnd = -1;
    if (lastFetchedEpoch >= 0) {
        const auto [epoch, end] = leader.epochs.endOffsetFor(lastFetchedEpoch, leaderEnd);
        if (epoch != lastFetchedEpoch || end < fetchOffset) {
            diverged = true;
            divergingEpoch = epoch;
            divergingEnd = end;
        }
    }
    if (!diverged && fetchOffset > leaderEnd) {
        diverged = true;
        divergingEpoch = state->leaderEpoch;
        divergingEnd = leaderEnd;
    }
    if (diverged) {
        const BrokerId leaderId = *state->leader;
        m_network.send(nodeOf(leaderId), nodeOf(follower), [this, tp, follower, generation, divergingEpoch, divergingEnd] {
            Replica *current = currentFetcher(tp, follower, generation);
            if (!current)
                return;
            Replica &r = *current;
            const std::int64_t truncateTo = followerTruncationOffset(r.epochs, r.log->logEndOffset(), r.highWatermark,
                                                                     divergingEpoch, divergingEnd);
            if (truncateTo < r.log->logEndOffset()) {
                spdlog::debug("[{}] {}: broker {} truncates its log from {} to {}", formatSimTime(now()), tp.toString(),
                             follower.value(), r.log->logEndOffset(), truncateTo);
                (void)r.log->truncateTo(truncateTo);
                r.highWatermark = std::min(r.highWatermark, r.log->logEndOffset());
                r.rebuildProducerState();
                journalPartition(JournalEventKind::LogTruncated, *partitionState(tp), follower.value(),
                                 r.log->logEndOffset());
            }
            // Epochs that start at or after the truncation point describe records it no longer
            // has (or none): they go, so that the next fetch does not diverge again.
            r.epochs.truncateFromEnd(std::min(truncateTo, r.log->logEndOffset()));
            startFetcher(tp, follower, SimDuration{});
        });
        return;
    }
    if (fetchOffset < leader.log->logStartOffset()) {
        // The follower is below the leader's log start: it starts again empty there.
        const std::int64_t start = leader.log->logStartOffset();
        m_network.send(nodeOf(*state->leader), nodeOf(follower), [this, tp, follower, generation, start] {
            Replica *current = currentFetcher(tp, follower, generation);
            if (!current)
                return;
            Replica &r = *current;
            (void)r.log->truncateFullyAndStartAt(start, clockMs());
            r.epochs.truncateFromStart(start);
            r.rebuildProducerState();
            journalPartition(JournalEventKind::LogTruncated, *partitionState(tp), follower.value(), r.log->logEndOffset());
            startFetcher(tp, follower, SimDuration{});
        });
        return;
    }

    recordFollowerFetch(state->followers[follower], fetchOffset, leaderEnd, now().millis());
    // KIP-841: only a live (unfenced) broker may join the ISR; a fetch it sent just before it died
    // still arrives, but does not bring it back.
    if (!state->isr.count(follower) && isAlive(follower)
        && mayJoinIsr(fetchOffset, leader.highWatermark, state->leaderEpochStartOffset)) {
        state->isr.insert(follower);
        journalIsr(*state, "broker " + std::to_string(follower.value()) + " caught up");
        if (m_observer)
            m_observer->onPartitionStateChanged(tp);
        spdlog::debug("[{}] {}: broker {} rejoins the ISR {}", formatSimTime(now()), tp.toString(), follower.value(),
                     brokerListText(state->isr));
        updateHighWatermark(*state);
        maybeCompleteReassignment(*state);
        state = partitionState(tp);
        if (!state || !state->leader || !state->replicas.count(follower) || state->leader == follower)
            return; // the reassignment removed this follower, or it now leads
    }
    updateHighWatermark(*state);

    if (fetchOffset < leaderEnd) {
        answerFetch(tp, follower, generation, fetchOffset);
        return;
    }
    // Nothing new: Kafka's leader holds the fetch up to replica.fetch.wait.max.ms, answering as
    // soon as records arrive.
    Replica &parked = state->replicas.at(follower);
    parked.parked = true;
    parked.parkedGeneration = generation;
    parked.parkedFetchOffset = fetchOffset;
    parked.parkedUntil = now() + SimDuration::millis(m_replication.replicaFetchWaitMaxMs);
    armParkTimer(*state, follower);
}

void Cluster::armParkTimer(PartitionState &state, BrokerId follower)
{
    Replica &r = state.replicas.at(follower);
    if (r.parkTimerArmed)
        return;
    r.parkTimerArmed = true;
    m_scheduler.schedule(r.parkedUntil, EventPriority::Network, [this, tp = state.tp, topicId = state.topicId, follower] {
        PartitionState *s = partitionState(tp);
        if (!s || s->topicId != topicId || !s->replicas.count(follower))
            return;
        Replica &replica = s->replicas.at(follower);
        replica.parkTimerArmed = false;
        if (!replica.parked)
            return;
        if (replica.parkedUntil > now()) { // parked again since: wait for that deadline
            armParkTimer(*s, follower);
            return;
        }
        replica.parked = false;
        answerFetch(tp, follower, replica.parkedGeneration, replica.parkedFetchOffset);
    });
}

void Cluster::completeParkedFetches(PartitionState &state)
{
    // Records arrived: the parked fetches are answered now instead of at their deadline.
    for (auto &[b, replica] : state.replicas) {
        if (!replica.parked)
            continue;
        replica.parked = false;
        answerFetch(state.tp, b, replica.parkedGeneration, replica.parkedFetchOffset);
    }
}

void Cluster::answerFetch(const TopicPartition &tp, BrokerId follower, std::uint64_t generation, std::int64_t fetchOffset)
{
    PartitionState *state = partitionState(tp);
    if (!state || !state->leader || !isAlive(*state->leader))
        return;
    Replica &leader = *state->leaderReplica();
    std::string records;
    if (fetchOffset < leader.log->logEndOffset() && fetchOffset >= leader.log->logStartOffset()) {
        auto fetched = leader.log->read(fetchOffset, m_replication.replicaFetchMaxBytes);
        if (fetched.isOk())
            records = std::move(fetched.value().records);
    }
    const std::int64_t leaderHw = leader.highWatermark;
    m_network.send(nodeOf(*state->leader), nodeOf(follower),
                   [this, tp, follower, generation, records = std::move(records), leaderHw] {
                       Replica *current = currentFetcher(tp, follower, generation);
                       if (!current || partitionState(tp)->leader == follower)
                           return;
                       Replica &r = *current;
                       const std::int64_t endBefore = r.log->logEndOffset();
                       std::string_view bytes = records;
                       while (!bytes.empty()) {
                           const auto header = readBatchHeader(bytes);
                           if (!header.isOk() || header.value().baseOffset != r.log->logEndOffset())
                               break; // stale (the log moved meanwhile): the next fetch starts right
                           const std::string_view batch = bytes.substr(0, header.value().sizeInBytes());
                           if (!r.log->appendBatch(batch, clockMs()).isOk())
                               break;
                           if (header.value().partitionLeaderEpoch >= 0)
                               r.epochs.assign(header.value().partitionLeaderEpoch, header.value().baseOffset);
                           r.noteBatch(header.value().producerId, header.value().baseSequence,
                                       header.value().lastOffsetDelta);
                           bytes.remove_prefix(batch.size());
                       }
                       if (r.log->logEndOffset() > endBefore)
                           journalPartition(JournalEventKind::RecordsReplicated, *partitionState(tp), follower.value(),
                                            endBefore, r.log->logEndOffset() - endBefore);
                       r.highWatermark = std::max(r.highWatermark, std::min(leaderHw, r.log->logEndOffset()));
                       startFetcher(tp, follower, SimDuration{});
                   });
}

void Replica::rebuildProducerState()
{
    lastSequence.clear();
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
            noteBatch(header.value().producerId, header.value().baseSequence, header.value().lastOffsetDelta);
            bytes.remove_prefix(header.value().sizeInBytes());
        }
        offset = fetched.value().nextFetchOffset;
    }
}

} // namespace kafkascope
