// The group side of Consumer: Kafka's ConsumerCoordinator (and AbstractCoordinator) for the
// classic protocol. Driven by the consumer's poll loop: each poll first does the coordinator's
// work (find the coordinator, join, heartbeat, auto-commit, fetch committed offsets), then reads.
#include "consumer.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "cluster/cluster.h"
#include "group/cooperative_sticky_assignor.h"
#include "group/range_assignor.h"
#include "group/round_robin_assignor.h"
#include "group/sticky_assignor.h"

namespace kafkascope {

Status validateConsumerGroupConfig(const ConsumerConfig &config)
{
    if (!config.groupId)
        return Status::ok();
    if (config.groupId->empty())
        return Status::invalidArgument("group.id is empty");
    if (config.assignors.empty())
        return Status::invalidArgument("partition.assignment.strategy is empty");
    for (const std::string &a : config.assignors)
        if (a != "range" && a != "roundrobin" && a != "sticky" && a != "cooperative-sticky")
            return Status::invalidArgument("unknown assignor '" + a + "'");
    if (config.heartbeatIntervalMs <= 0 || config.heartbeatIntervalMs >= config.sessionTimeoutMs)
        return Status::invalidArgument("heartbeat.interval.ms must be positive and below session.timeout.ms");
    if (config.maxPollIntervalMs <= 0 || config.autoCommitIntervalMs <= 0 || config.requestTimeoutMs <= 0
        || config.retryBackoffMs < 0)
        return Status::invalidArgument("max.poll.interval.ms, auto.commit.interval.ms and request.timeout.ms must be positive");
    if (config.metadataMaxAgeMs < 0)
        return Status::invalidArgument("metadata.max.age.ms must not be negative");
    return Status::ok();
}

bool Consumer::cooperative() const
{
    // Kafka picks the newest rebalance protocol every configured assignor supports.
    if (m_config.assignors.empty())
        return false;
    for (const std::string &a : m_config.assignors)
        if (a != "cooperative-sticky")
            return false;
    return true;
}

std::uint64_t Consumer::beginRequest(std::uint64_t &slot, std::int32_t timeoutMs)
{
    const std::uint64_t id = ++m_lastRequest;
    slot = id;
    m_cluster.scheduler().scheduleFor(Cluster::consumerNode(m_id), m_cluster.now() + SimDuration::millis(timeoutMs), EventPriority::Timer, [this, &slot, id] {
        if (!m_running || slot != id)
            return;
        // request.timeout.ms: Kafka drops the connection, and with it the coordinator.
        slot = 0;
        markCoordinatorUnknown();
    });
    return id;
}

void Consumer::groupTick()
{
    const SimTime now = m_cluster.now();
    if (m_fatalError)
        return;
    if (m_closing) {
        if (m_commitRequest == 0) // the closing commit is answered (or timed out)
            sendLeaveAndStop();
        return;
    }
    maybeUpdateMetadata(false);
    checkAssignmentSnapshot();
    if (!m_coordinator) {
        if (m_findRequest == 0 && now >= m_retryAt)
            lookupCoordinator();
        return;
    }
    if (m_rejoinNeeded) {
        if (m_joinRequest != 0 || now < m_retryAt)
            return;
        if (!m_joinPrepared) {
            prepareJoin();
            m_joinPrepared = true;
        }
        if (m_commitRequest != 0)
            return; // Kafka commits synchronously before it rejoins
        sendJoin();
        return;
    }
    if (m_state != ConsumerGroupState::Stable)
        return;
    if (now >= m_nextHeartbeat && m_heartbeatRequest == 0)
        sendHeartbeat();
    if (!m_needsPosition.empty() && m_fetchRequest == 0)
        fetchCommitted();
    if (m_config.enableAutoCommit && now >= m_nextAutoCommit) {
        m_nextAutoCommit = now + SimDuration::millis(m_config.autoCommitIntervalMs);
        commit(m_assignment);
    }
}

void Consumer::journalCallback(JournalEventKind kind, const std::set<TopicPartition> &partitions)
{
    std::string list;
    for (const TopicPartition &tp : partitions)
        list += (list.empty() ? "" : ",") + tp.topic + "-" + std::to_string(tp.partition.value());
    m_cluster.journalConsumer(kind, *this, "[" + list + "]", std::nullopt, static_cast<std::int64_t>(partitions.size()));
}

Status Consumer::checkAssigned(const TopicPartition &tp) const
{
    const std::string name = tp.topic + "-" + std::to_string(tp.partition.value());
    if (!m_running)
        return Status::invalidArgument("consumer " + std::to_string(m_id.value()) + " is not running");
    if (usesGroup()) {
        if (!m_assignment.count(tp))
            return Status::invalidArgument("partition " + name + " is not assigned to consumer "
                                           + std::to_string(m_id.value()));
        return Status::ok();
    }
    const Topic *topic = m_cluster.topic(tp.topic);
    if (tp.topic != m_config.topic || !topic || tp.partition.value() < 0 || tp.partition.value() >= topic->partitionCount())
        return Status::invalidArgument("partition " + name + " is not assigned to consumer " + std::to_string(m_id.value()));
    return Status::ok();
}

Status Consumer::checkSeek(const TopicPartition &tp, Offset offset) const
{
    if (offset.value() < 0)
        return Status::invalidArgument("negative offset " + std::to_string(offset.value()));
    if (auto st = checkAssigned(tp); !st.isOk())
        return st;
    const Topic *topic = m_cluster.topic(tp.topic);
    if (!topic || tp.partition.value() < 0 || tp.partition.value() >= topic->partitionCount())
        return Status::notFound("partition " + tp.topic + "-" + std::to_string(tp.partition.value()) + " does not exist");
    const std::int64_t leo = topic->state(tp.partition).visibleLog().logEndOffset();
    if (offset.value() > leo)
        return Status::invalidArgument("offset " + std::to_string(offset.value()) + " is past the log end offset "
                                       + std::to_string(leo) + " of " + tp.topic + "-"
                                       + std::to_string(tp.partition.value()));
    return Status::ok();
}

void Consumer::seek(const TopicPartition &tp, Offset offset)
{
    // KafkaConsumer.seek overrides the fetch position, also one still waiting for OffsetFetch.
    m_positions[tp] = offset;
    m_needsPosition.erase(tp);
}

void Consumer::armHeartbeatThread(SimTime nextPoll)
{
    // Only needed while the poll loop is busy past a heartbeat or the poll deadline; otherwise the
    // next poll does the coordinator's work in time.
    const SimTime pollDeadline = m_lastPoll + SimDuration::millis(m_config.maxPollIntervalMs);
    const SimTime wake = std::min(std::max(m_nextHeartbeat, m_cluster.now()), pollDeadline);
    if (wake >= nextPoll)
        return;
    const std::uint64_t run = ++m_heartbeatThreadRun;
    m_cluster.scheduler().scheduleFor(Cluster::consumerNode(m_id), wake, EventPriority::Timer, [this, run] { heartbeatThread(run); });
}

void Consumer::heartbeatThread(std::uint64_t run)
{
    // A later poll took over (and armed its own run if it needed one).
    if (!m_running || run != m_heartbeatThreadRun || m_closing || m_fatalError)
        return;
    const SimTime now = m_cluster.now();
    const SimTime pollDeadline = m_lastPoll + SimDuration::millis(m_config.maxPollIntervalMs);
    // Kafka's heartbeat thread acts only for a member in (or completing) a generation; it keeps
    // heartbeating while a rejoin waits for the next poll, and looks for a lost coordinator.
    const bool member = m_state == ConsumerGroupState::Stable || m_state == ConsumerGroupState::Syncing;
    if (!member)
        return; // disabled until a SyncGroup answer (or the next poll) arms it again
    if (!m_coordinator) {
        if (m_findRequest == 0 && now >= m_retryAt)
            lookupCoordinator();
    } else if (now >= pollDeadline) {
        onPollTimeout();
        return;
    } else if (m_state == ConsumerGroupState::Stable && now >= m_nextHeartbeat && m_heartbeatRequest == 0) {
        sendHeartbeat();
    }
    // Wake for the next heartbeat or the poll deadline; otherwise (a heartbeat or lookup in
    // flight) check again after retry.backoff.ms, as Kafka's thread waits. Until the next poll.
    SimTime wake = m_nextHeartbeat > now ? m_nextHeartbeat : now + SimDuration::millis(std::max(1, m_config.retryBackoffMs));
    if (pollDeadline > now)
        wake = std::min(wake, pollDeadline);
    if (wake >= m_nextPoll)
        return;
    m_cluster.scheduler().scheduleFor(Cluster::consumerNode(m_id), wake, EventPriority::Timer, [this, run] { heartbeatThread(run); });
}

void Consumer::onPollTimeout()
{
    // AbstractCoordinator.maybeLeaveGroup("consumer poll timeout has expired."): a dynamic member
    // sends LeaveGroup (best effort, the answer is not awaited); every member then resets its
    // generation and member id. The partitions stay assigned until the next poll, whose
    // onJoinPrepare finds no generation and gives them up as lost (no commit), then rejoins.
    ++m_pollTimeouts;
    spdlog::info("[{}] consumer {}: max.poll.interval.ms ({} ms) expired without a poll, leaving the group",
                 formatSimTime(m_cluster.now()), m_config.clientId, m_config.maxPollIntervalMs);
    m_cluster.journalConsumer(JournalEventKind::ConsumerPollTimeout, *this, m_memberId);
    if (!m_config.groupInstanceId && !m_memberId.empty()) {
        LeaveGroupRequest request;
        request.groupId = *m_config.groupId;
        request.members.push_back(MemberIdentity{m_memberId, std::nullopt});
        m_cluster.sendLeaveGroup(m_id, *m_coordinator, std::move(request), [](const LeaveGroupResponse &) {});
    }
    // Answers to requests of the old generation are ignored from now on.
    m_heartbeatRequest = 0;
    m_joinRequest = 0;
    m_generation = kNoGeneration;
    m_memberId.clear();
    m_state = ConsumerGroupState::Unjoined;
    requestRejoin();
}

void Consumer::lookupCoordinator()
{
    const std::uint64_t id = beginRequest(m_findRequest, m_config.requestTimeoutMs);
    m_cluster.findCoordinator(m_id, *m_config.groupId, [this, id](std::optional<BrokerId> broker) {
        if (!m_running || id != m_findRequest)
            return;
        m_findRequest = 0;
        if (broker)
            m_coordinator = broker;
        else
            m_retryAt = m_cluster.now() + SimDuration::millis(m_config.retryBackoffMs);
    });
}

void Consumer::markCoordinatorUnknown()
{
    m_coordinator.reset();
    // Requests to the old coordinator are abandoned (their answers are ignored); a join round in
    // progress starts again with the new one.
    m_joinRequest = 0;
    m_heartbeatRequest = 0;
    m_fetchRequest = 0;
    m_commitRequest = 0;
    resumePollAfterCommit(); // a commitSync fails when its connection drops
    if (m_state == ConsumerGroupState::Joining || m_state == ConsumerGroupState::Syncing) {
        m_state = ConsumerGroupState::Unjoined;
        m_rejoinNeeded = true;
    }
    m_retryAt = m_cluster.now() + SimDuration::millis(m_config.retryBackoffMs);
}

void Consumer::prepareJoin()
{
    // ConsumerCoordinator.onJoinPrepare: a member whose generation is gone has lost its
    // partitions; otherwise it commits (auto commit), and with the eager protocol revokes all.
    if (m_generation == kNoGeneration || m_memberId.empty()) {
        if (!m_assignment.empty())
            losePartitions();
        return;
    }
    commitBeforeRevoke(m_assignment);
    if (!cooperative() && !m_assignment.empty()) {
        journalCallback(JournalEventKind::PartitionsRevoked, m_assignment);
        m_revokedCount += m_assignment.size();
        m_lastAssignment = m_assignment;
        m_assignment.clear();
        m_positions.clear();
        m_needsPosition.clear();
        m_paused.clear();
    }
}

std::vector<GroupProtocol> Consumer::protocols() const
{
    std::vector<GroupProtocol> out;
    for (const std::string &name : m_config.assignors) {
        GroupProtocol p;
        p.name = name;
        p.metadata.topics = m_config.topics();
        // Owned partitions: what the member holds now; the eager sticky assignor remembers what it
        // held before revoking (Kafka keeps it in the subscription's user data).
        const std::set<TopicPartition> &owned =
            name == "sticky" && m_assignment.empty() ? m_lastAssignment : m_assignment;
        p.metadata.ownedPartitions.assign(owned.begin(), owned.end());
        p.metadata.generation = m_generation;
        out.push_back(std::move(p));
    }
    return out;
}

void Consumer::sendJoin()
{
    JoinGroupRequest request;
    request.groupId = *m_config.groupId;
    request.memberId = m_memberId;
    request.groupInstanceId = m_config.groupInstanceId;
    request.clientId = m_config.clientId;
    request.sessionTimeoutMs = m_config.sessionTimeoutMs;
    request.rebalanceTimeoutMs = m_config.maxPollIntervalMs;
    request.protocols = protocols();
    m_state = ConsumerGroupState::Joining;
    // A JoinGroup waits up to the rebalance timeout at the coordinator (Kafka adds 5 s).
    const std::uint64_t id = beginRequest(m_joinRequest, m_config.maxPollIntervalMs + 5000);
    m_cluster.sendJoinGroup(m_id, *m_coordinator, std::move(request),
                            [this, id](const JoinGroupResponse &r) { onJoinResponse(id, r); });
}

void Consumer::onJoinResponse(std::uint64_t request, const JoinGroupResponse &response)
{
    if (!m_running || request != m_joinRequest)
        return;
    m_joinRequest = 0;
    if (response.error == GroupError::MemberIdRequired) {
        m_memberId = response.memberId; // KIP-394: join again with the id the coordinator minted
        sendJoin();
        return;
    }
    if (response.error != GroupError::None) {
        m_state = ConsumerGroupState::Unjoined;
        handleGroupError(response.error);
        return;
    }
    m_memberId = response.memberId;
    m_generation = response.generationId;
    m_protocol = response.protocolName;
    SyncGroupRequest sync;
    sync.groupId = *m_config.groupId;
    sync.generationId = m_generation;
    sync.memberId = m_memberId;
    sync.groupInstanceId = m_config.groupInstanceId;
    sync.protocolType = response.protocolType;
    sync.protocolName = response.protocolName;
    // Only the leader watches the group's metadata (ConsumerCoordinator: a follower drops its
    // assignment snapshot).
    m_assignmentSnapshot.reset();
    if (response.leader == m_memberId && !response.skipAssignment && response.protocolName) {
        // onLeaderElected: the leader watches every member's topics (updateGroupSubscription);
        // topics new to it make it refresh its metadata first, and so does an expired one.
        std::set<std::string> groupTopics;
        for (const std::string &t : m_config.topics())
            groupTopics.insert(t);
        for (const AssignorMember &m : response.members)
            groupTopics.insert(m.topics.begin(), m.topics.end());
        const std::set<std::string> watched = metadataTopics();
        bool newTopics = false;
        for (const std::string &t : groupTopics)
            newTopics = newTopics || !watched.count(t);
        m_groupSubscription = std::move(groupTopics);
        maybeUpdateMetadata(newTopics);
        auto assignment = runAssignor(*response.protocolName, response.members);
        if (!assignment) {
            m_state = ConsumerGroupState::Unjoined;
            m_retryAt = m_cluster.now() + SimDuration::millis(m_config.retryBackoffMs);
            requestRejoin();
            return;
        }
        sync.assignments = std::move(*assignment);
        // The snapshot is taken after the assignment, of the metadata it used.
        std::map<std::string, std::int32_t> snapshot;
        for (const std::string &t : m_groupSubscription)
            if (const auto it = m_metadata.find(t); it != m_metadata.end())
                snapshot.insert(*it);
        m_assignmentSnapshot = std::move(snapshot);
    } else {
        m_groupSubscription.clear();
    }
    sendSync(std::move(sync));
}

std::optional<GroupAssignment> Consumer::runAssignor(const std::string &protocol, const std::vector<AssignorMember> &members)
{
    // The leader assigns the partitions its metadata knows (Kafka: metadata.fetch()), which may be
    // up to metadata.max.age.ms old.
    PartitionsPerTopic partitions;
    for (const AssignorMember &m : members)
        for (const std::string &t : m.topics)
            if (const auto it = m_metadata.find(t); it != m_metadata.end())
                partitions[t] = it->second;
    Result<GroupAssignment> result = Status::invalidArgument("unknown assignor " + protocol);
    if (protocol == "range")
        result = assignRange(partitions, members);
    else if (protocol == "roundrobin")
        result = assignRoundRobin(partitions, members);
    else if (protocol == "sticky")
        result = assignSticky(partitions, members);
    else if (protocol == "cooperative-sticky") {
        auto cooperativeResult = assignCooperativeSticky(partitions, members);
        if (cooperativeResult.isOk())
            result = std::move(cooperativeResult.value().assignment);
        else
            result = cooperativeResult.status();
    }
    if (!result.isOk()) {
        spdlog::warn("[{}] consumer {}: assignor {} failed: {}", formatSimTime(m_cluster.now()), m_config.clientId,
                     protocol, result.status().message());
        return std::nullopt;
    }
    return std::move(result).value();
}

void Consumer::sendSync(SyncGroupRequest request)
{
    m_state = ConsumerGroupState::Syncing;
    const std::uint64_t id = beginRequest(m_joinRequest, m_config.requestTimeoutMs);
    m_cluster.sendSyncGroup(m_id, *m_coordinator, std::move(request),
                            [this, id](const SyncGroupResponse &r) { onSyncResponse(id, r); });
}

void Consumer::onSyncResponse(std::uint64_t request, const SyncGroupResponse &response)
{
    if (!m_running || request != m_joinRequest)
        return;
    m_joinRequest = 0;
    if (response.error != GroupError::None) {
        m_state = ConsumerGroupState::Unjoined;
        if (response.error == GroupError::RebalanceInProgress)
            requestRejoin();
        else
            handleGroupError(response.error);
        return;
    }
    m_state = ConsumerGroupState::Stable;
    m_rejoinNeeded = false;
    m_joinPrepared = false;
    ++m_rebalances;
    m_nextHeartbeat = m_cluster.now() + SimDuration::millis(m_config.heartbeatIntervalMs);
    assign(response.assignment);
    // The answer can arrive while the application is busy with records: heartbeat meanwhile.
    if (m_running && m_nextPoll > m_cluster.now() + m_config.pollInterval)
        armHeartbeatThread(m_nextPoll);
}

void Consumer::assign(const std::vector<TopicPartition> &assignment)
{
    const std::set<TopicPartition> next(assignment.begin(), assignment.end());
    std::set<TopicPartition> revoked;
    for (const TopicPartition &tp : m_assignment)
        if (!next.count(tp))
            revoked.insert(tp);
    if (!revoked.empty()) {
        // onPartitionsRevoked: commit what was read (or processed) before giving the partitions up.
        commitBeforeRevoke(revoked);
        journalCallback(JournalEventKind::PartitionsRevoked, revoked);
        for (const TopicPartition &tp : revoked) {
            m_assignment.erase(tp);
            m_positions.erase(tp);
            m_needsPosition.erase(tp);
            m_paused.erase(tp);
        }
        m_revokedCount += revoked.size();
        // Cooperative: the revoked partitions go to their new owner in a second rebalance.
        if (cooperative())
            requestRejoin();
    }
    std::set<TopicPartition> added;
    for (const TopicPartition &tp : next)
        if (!m_assignment.count(tp)) {
            m_needsPosition.insert(tp);
            m_processedPositions.erase(tp); // what it processed before is not this assignment's
            added.insert(tp);
        }
    m_assignment = next;
    // Kafka calls onPartitionsAssigned after every completed rebalance, with the new partitions.
    journalCallback(JournalEventKind::PartitionsAssigned, added);
    m_lastAssignment = next;
}

void Consumer::sendHeartbeat()
{
    HeartbeatRequest request;
    request.groupId = *m_config.groupId;
    request.generationId = m_generation;
    request.memberId = m_memberId;
    request.groupInstanceId = m_config.groupInstanceId;
    m_nextHeartbeat = m_cluster.now() + SimDuration::millis(m_config.heartbeatIntervalMs);
    const std::uint64_t id = beginRequest(m_heartbeatRequest, m_config.requestTimeoutMs);
    m_cluster.sendHeartbeat(m_id, *m_coordinator, std::move(request),
                            [this, id](const HeartbeatResponse &r) { onHeartbeatResponse(id, r); });
}

void Consumer::onHeartbeatResponse(std::uint64_t request, const HeartbeatResponse &response)
{
    if (!m_running || request != m_heartbeatRequest)
        return;
    m_heartbeatRequest = 0;
    if (response.error != GroupError::None)
        handleGroupError(response.error);
}

void Consumer::commit(const std::set<TopicPartition> &partitions)
{
    std::map<TopicPartition, Offset> offsets;
    for (const TopicPartition &tp : partitions) {
        const auto it = m_positions.find(tp);
        if (it != m_positions.end() && !m_needsPosition.count(tp))
            offsets[tp] = it->second;
    }
    (void)commitOffsets(offsets);
}

bool Consumer::commitProcessed(const std::set<TopicPartition> &partitions)
{
    std::map<TopicPartition, Offset> offsets;
    for (const TopicPartition &tp : partitions) {
        const auto it = m_processedPositions.find(tp);
        if (it != m_processedPositions.end())
            offsets[tp] = it->second;
    }
    return commitOffsets(offsets);
}

void Consumer::commitBeforeRevoke(const std::set<TopicPartition> &partitions)
{
    if (m_config.enableAutoCommit)
        commit(partitions);
    else if (m_config.manualCommit != ConsumerConfig::ManualCommit::None)
        (void)commitProcessed(partitions);
}

bool Consumer::commitOffsets(const std::map<TopicPartition, Offset> &offsets)
{
    if (!m_coordinator || m_generation == kNoGeneration || m_memberId.empty())
        return false;
    OffsetCommitRequest request;
    request.groupId = *m_config.groupId;
    request.generationId = m_generation;
    request.memberId = m_memberId;
    request.groupInstanceId = m_config.groupInstanceId;
    std::map<TopicPartition, Offset> sent;
    for (const auto &[tp, offset] : offsets) {
        const auto c = m_committed.find(tp);
        if (c != m_committed.end() && c->second == offset)
            continue; // nothing new since the last commit
        sent[tp] = offset;
        request.offsets[tp] = OffsetCommitEntry{offset, std::nullopt, {}};
    }
    if (sent.empty())
        return false;
    const std::int32_t generation = m_generation;
    const std::uint64_t id = beginRequest(m_commitRequest, m_config.requestTimeoutMs);
    m_cluster.sendOffsetCommit(m_id, *m_coordinator, std::move(request),
                               [this, id, generation, sent](const OffsetCommitResponse &r) {
                                   onCommitResponse(id, generation, sent, r);
                               });
    return true;
}

void Consumer::resumePollAfterCommit()
{
    if (!m_pollWaitsForCommit || m_commitRequest != 0)
        return;
    m_pollWaitsForCommit = false;
    schedulePoll(SimDuration{});
}

void Consumer::onCommitResponse(std::uint64_t request, std::int32_t generation,
                                const std::map<TopicPartition, Offset> &sent, const OffsetCommitResponse &response)
{
    if (!m_running)
        return;
    if (request == m_commitRequest)
        m_commitRequest = 0;
    resumePollAfterCommit();
    GroupError firstError = GroupError::None;
    for (const auto &[tp, error] : response.errors) {
        if (error == GroupError::None) {
            const auto it = sent.find(tp);
            if (it != sent.end()) {
                m_committed[tp] = it->second;
                m_cluster.deliveryLedger(*m_config.groupId).noteCommitted(tp, it->second);
            }
        } else if (firstError == GroupError::None) {
            firstError = error;
        }
    }
    // An answer about an older generation says nothing about the current one.
    if (firstError != GroupError::None && generation == m_generation && !m_closing)
        handleGroupError(firstError);
}

void Consumer::fetchCommitted()
{
    OffsetFetchRequest request;
    request.groupId = *m_config.groupId;
    request.partitions = std::vector<TopicPartition>(m_needsPosition.begin(), m_needsPosition.end());
    const std::uint64_t id = beginRequest(m_fetchRequest, m_config.requestTimeoutMs);
    m_cluster.sendOffsetFetch(m_id, *m_coordinator, std::move(request),
                              [this, id](const OffsetFetchResponse &r) { onOffsetFetchResponse(id, r); });
}

std::optional<Offset> Consumer::resetOffset(const TopicPartition &tp) const
{
    // auto.offset.reset (Kafka's ListOffsets: earliest is the log start, latest the high watermark).
    const Topic *topic = m_cluster.topic(tp.topic);
    if (!topic || tp.partition.value() >= topic->partitionCount())
        return std::nullopt;
    const PartitionState &state = topic->state(tp.partition);
    if (!state.leader || !m_cluster.isAlive(*state.leader))
        return std::nullopt;
    return Offset{m_config.autoOffsetReset == ConsumerConfig::AutoOffsetReset::Earliest ? state.visibleLog().logStartOffset()
                                                                                        : state.highWatermark()};
}

void Consumer::onOffsetFetchResponse(std::uint64_t request, const OffsetFetchResponse &response)
{
    if (!m_running || request != m_fetchRequest)
        return;
    m_fetchRequest = 0;
    if (response.error != GroupError::None) {
        handleGroupError(response.error);
        return;
    }
    for (const auto &[tp, fetched] : response.offsets) {
        if (!m_needsPosition.count(tp) || fetched.error != GroupError::None)
            continue;
        std::optional<Offset> position;
        if (fetched.offset.value() >= 0) {
            position = fetched.offset;
            m_committed[tp] = fetched.offset;
        } else if (m_config.autoOffsetReset == ConsumerConfig::AutoOffsetReset::None) {
            failWithoutOffset(tp, "NoOffsetForPartitionException");
            return;
        } else {
            position = resetOffset(tp);
        }
        if (!position)
            continue; // tried again on the next poll
        m_positions[tp] = *position;
        m_needsPosition.erase(tp);
    }
}

bool Consumer::handleGroupError(GroupError error)
{
    switch (error) {
    case GroupError::None:
        return true;
    case GroupError::RebalanceInProgress:
        requestRejoin();
        return true;
    case GroupError::UnknownMemberId:
        resetGeneration(true);
        return true;
    case GroupError::IllegalGeneration:
        resetGeneration(false);
        return true;
    case GroupError::NotCoordinator:
    case GroupError::CoordinatorNotAvailable:
        markCoordinatorUnknown();
        return true;
    case GroupError::FencedInstanceId:
    case GroupError::InconsistentGroupProtocol:
    case GroupError::InvalidSessionTimeout:
    case GroupError::GroupMaxSizeReached:
    case GroupError::InvalidGroupId:
        // Fatal for KafkaConsumer: the application gets the exception; membership stops.
        spdlog::warn("[{}] consumer {}: {}", formatSimTime(m_cluster.now()), m_config.clientId, groupErrorName(error));
        m_fatalError = error;
        losePartitions();
        m_state = ConsumerGroupState::Unjoined;
        return true;
    default:
        m_retryAt = m_cluster.now() + SimDuration::millis(m_config.retryBackoffMs);
        requestRejoin();
        return false;
    }
}

void Consumer::requestRejoin()
{
    m_rejoinNeeded = true;
    m_joinPrepared = false;
}

std::set<std::string> Consumer::metadataTopics() const
{
    std::set<std::string> topics = m_groupSubscription;
    for (const std::string &t : m_config.topics())
        topics.insert(t);
    return topics;
}

void Consumer::maybeUpdateMetadata(bool force)
{
    // Kafka's Metadata: a refresh is due when requested, when the last one is metadata.max.age.ms
    // old, and, while a watched topic is unknown (UNKNOWN_TOPIC_OR_PARTITION), after
    // retry.backoff.ms. The answer is the controller's metadata now (no round trip is modelled).
    const SimTime now = m_cluster.now();
    const std::set<std::string> topics = metadataTopics();
    bool due = force || !m_metadataKnown || now >= m_metadataUpdated + SimDuration::millis(m_config.metadataMaxAgeMs);
    if (!due && now >= m_metadataUpdated + SimDuration::millis(m_config.retryBackoffMs))
        for (const std::string &t : topics)
            due = due || !m_metadata.count(t);
    if (!due)
        return;
    m_metadata.clear();
    for (const std::string &t : topics)
        if (const Topic *topic = m_cluster.topic(t))
            m_metadata[t] = topic->partitionCount();
    m_metadataUpdated = now;
    m_metadataKnown = true;
}

void Consumer::checkAssignmentSnapshot()
{
    if (!m_assignmentSnapshot || m_rejoinNeeded || m_state != ConsumerGroupState::Stable)
        return;
    std::map<std::string, std::int32_t> current;
    for (const std::string &t : m_groupSubscription)
        if (const auto it = m_metadata.find(t); it != m_metadata.end())
            current.insert(*it);
    if (current == *m_assignmentSnapshot)
        return;
    // ConsumerCoordinator.rejoinNeededOrPending: "cached metadata has changed" (partitions were
    // added, a topic was created or deleted): the leader rejoins, the group rebalances, and the
    // new assignment covers the partitions as they are now.
    std::string change;
    std::int64_t changed = 0;
    std::set<std::string> names;
    for (const auto &[t, n] : *m_assignmentSnapshot)
        names.insert(t);
    for (const auto &[t, n] : current)
        names.insert(t);
    for (const std::string &t : names) {
        const auto before = m_assignmentSnapshot->find(t);
        const auto after = current.find(t);
        const std::int32_t from = before == m_assignmentSnapshot->end() ? 0 : before->second;
        const std::int32_t to = after == current.end() ? 0 : after->second;
        if (from == to)
            continue;
        if (!change.empty())
            change += ", ";
        change += t + " " + std::to_string(from) + "->" + std::to_string(to);
        ++changed;
    }
    spdlog::info("[{}] consumer {}: cached metadata has changed ({}), rejoining", formatSimTime(m_cluster.now()),
                 m_config.clientId, change);
    m_cluster.journalConsumer(JournalEventKind::ConsumerMetadataChanged, *this, "(" + change + ")", std::nullopt, changed);
    m_assignmentSnapshot.reset();
    requestRejoin();
}

void Consumer::resetGeneration(bool resetMemberId)
{
    // The member was fenced: its partitions are lost (no commit), then it joins anew.
    losePartitions();
    m_generation = kNoGeneration;
    if (resetMemberId)
        m_memberId.clear();
    m_state = ConsumerGroupState::Unjoined;
    requestRejoin();
}

void Consumer::losePartitions()
{
    if (!m_assignment.empty())
        journalCallback(JournalEventKind::PartitionsLost, m_assignment);
    m_paused.clear();
    m_lostCount += m_assignment.size();
    m_assignment.clear();
    m_positions.clear();
    m_needsPosition.clear();
}

void Consumer::close()
{
    if (!m_running || m_closeRequested)
        return;
    if (!m_processing.empty()) {
        // A graceful shutdown: the application finishes the records it holds first.
        m_closeRequested = true;
        return;
    }
    closeNow();
}

void Consumer::closeNow()
{
    if (!m_running)
        return;
    if (!usesGroup()) {
        m_running = false;
        return;
    }
    if (m_closing)
        return;
    m_closing = true;
    // onLeavePrepare: commit what was read (auto commit) or processed (the application's
    // commit), then leave once that is answered.
    if (m_state == ConsumerGroupState::Stable)
        commitBeforeRevoke(m_assignment);
    if (m_commitRequest == 0)
        sendLeaveAndStop();
}

void Consumer::sendLeaveAndStop()
{
    if (m_coordinator && !m_memberId.empty() && !m_config.groupInstanceId && !m_fatalError) {
        LeaveGroupRequest request;
        request.groupId = *m_config.groupId;
        request.members.push_back(MemberIdentity{m_memberId, std::nullopt});
        m_cluster.sendLeaveGroup(m_id, *m_coordinator, std::move(request), [](const LeaveGroupResponse &) {});
    }
    if (!m_assignment.empty())
        journalCallback(JournalEventKind::PartitionsRevoked, m_assignment);
    m_revokedCount += m_assignment.size();
    m_assignment.clear();
    m_needsPosition.clear();
    m_paused.clear();
    m_state = ConsumerGroupState::Unjoined;
    m_running = false;
}

} // namespace kafkascope
