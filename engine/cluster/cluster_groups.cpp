// The cluster's group coordinators: one per broker, serving the groups of the __consumer_offsets
// partitions the broker leads and persisting them there; and the network path of the group
// requests between consumers and coordinators. See docs/GROUPS.md ("Wiring").
#include "cluster.h"

#include <cassert>
#include <variant>

#include <spdlog/spdlog.h>

#include "group/group_coordinator.h"
#include "group/offsets_log_format.h"

namespace kafkascope {

class Cluster::CoordinatorEventSink : public GroupCoordinatorObserver {
public:
    CoordinatorEventSink(Cluster &cluster, BrokerId broker) : m_cluster(cluster), m_broker(broker) {}
    void onGroupEvent(const GroupEvent &event) override
    {
        m_cluster.journalGroupEvent(m_broker, event);
        m_cluster.persistGroupEvent(m_broker, event);
    }

private:
    Cluster &m_cluster;
    BrokerId m_broker;
};

GroupCoordinator &Cluster::groupCoordinatorOf(BrokerId id)
{
    auto it = m_groupCoordinators.find(id);
    if (it == m_groupCoordinators.end()) {
        BrokerGroupCoordinator slot;
        slot.sink = std::make_unique<CoordinatorEventSink>(*this, id);
        GroupCoordinatorConfig config;
        config.offsetsTopicNumPartitions = kOffsetsTopicPartitions;
        slot.coordinator = std::make_unique<GroupCoordinator>(id, m_scheduler, config);
        slot.coordinator->setObserver(slot.sink.get());
        it = m_groupCoordinators.emplace(id, std::move(slot)).first;
    }
    return *it->second.coordinator;
}

const GroupCoordinator *Cluster::groupCoordinator(BrokerId id) const
{
    const auto it = m_groupCoordinators.find(id);
    return it == m_groupCoordinators.end() ? nullptr : it->second.coordinator.get();
}

void Cluster::noteOffsetsLeadership(const PartitionState &state)
{
    if (state.tp.topic == kConsumerOffsetsTopic)
        syncGroupCoordinators();
}

void Cluster::syncGroupCoordinators()
{
    const Topic *offsets = topic(kConsumerOffsetsTopic);
    if (!offsets && m_groupCoordinators.empty())
        return; // nothing uses groups yet
    const auto leads = [offsets](BrokerId broker, std::int32_t p) {
        return offsets && p < offsets->partitionCount() && offsets->state(PartitionId{p}).leader == broker;
    };
    // Resign first, so that a partition is never served by two brokers at once.
    for (const auto &[id, info] : m_brokers) {
        GroupCoordinator &coordinator = groupCoordinatorOf(id);
        if (!info.alive) {
            if (coordinator.isActive())
                coordinator.shutdown();
            continue;
        }
        if (!coordinator.isActive())
            coordinator.startup();
        for (std::int32_t p = 0; p < kOffsetsTopicPartitions; ++p)
            if (coordinator.ownsPartition(p) && !leads(id, p))
                coordinator.deactivate(p);
    }
    for (auto &[id, slot] : m_groupCoordinators) // decommissioned brokers
        if (!m_brokers.count(id) && slot.coordinator->isActive())
            slot.coordinator->shutdown();
    if (!offsets)
        return;
    for (const auto &[id, info] : m_brokers) {
        if (!info.alive)
            continue;
        GroupCoordinator &coordinator = groupCoordinatorOf(id);
        for (std::int32_t p = 0; p < offsets->partitionCount() && p < kOffsetsTopicPartitions; ++p) {
            if (!leads(id, p) || coordinator.ownsPartition(p))
                continue;
            coordinator.activate(p);
            loadGroupPartition(coordinator, offsets->state(PartitionId{p}));
        }
    }
}

void Cluster::loadGroupPartition(GroupCoordinator &coordinator, const PartitionState &state)
{
    // Kafka's GroupMetadataManager.loadGroupsAndOffsets: read the new leader's log to its end.
    const auto it = state.replicas.find(coordinator.brokerId());
    if (it == state.replicas.end())
        return;
    const PartitionLog &log = *it->second.log;
    const auto records = log.readRecords(log.logStartOffset(), std::numeric_limits<std::size_t>::max());
    if (!records.isOk()) {
        spdlog::error("[{}] {}: cannot load groups: {}", formatSimTime(now()), state.tp.toString(),
                      records.status().message());
        return;
    }
    const ConsumerOffsetsContents contents = replayConsumerOffsets(records.value(), kSimulationEpochMs);
    if (contents.malformedRecords != 0)
        spdlog::warn("[{}] {}: skipped {} malformed records", formatSimTime(now()), state.tp.toString(),
                     contents.malformedRecords);
    for (const auto &[groupId, record] : contents.groups)
        if (auto st = coordinator.loadGroup(record); !st.isOk())
            spdlog::warn("[{}] group {}: {}", formatSimTime(now()), groupId, st.message());
    for (const auto &[groupId, offsets] : contents.offsets)
        if (auto st = coordinator.loadCommittedOffsets(groupId, offsets); !st.isOk())
            spdlog::warn("[{}] group {}: {}", formatSimTime(now()), groupId, st.message());
}

void Cluster::journalGroupEvent(BrokerId broker, const GroupEvent &event)
{
    JournalEvent e;
    e.group = event.groupId;
    e.broker = broker.value();
    if (const auto *joined = std::get_if<MemberJoinedEvent>(&event.data)) {
        e.kind = JournalEventKind::GroupMemberJoined;
        e.member = joined->memberId;
    } else if (const auto *removed = std::get_if<MemberRemovedEvent>(&event.data)) {
        e.kind = JournalEventKind::GroupMemberRemoved;
        e.member = removed->memberId;
        e.detail = std::string(memberRemovalReasonName(removed->reason));
    } else if (const auto *started = std::get_if<RebalanceStartedEvent>(&event.data)) {
        e.kind = JournalEventKind::GroupRebalanceStarted;
        e.member = started->memberId;
        e.value = started->generationId;
        e.detail = std::string(rebalanceReasonName(started->reason));
    } else if (const auto *generation = std::get_if<GenerationStartedEvent>(&event.data)) {
        e.kind = JournalEventKind::GroupGenerationStarted;
        e.member = generation->leader;
        e.value = generation->generationId;
        e.count = static_cast<std::int64_t>(generation->memberIds.size());
        e.detail = generation->protocolName;
    } else if (const auto *changed = std::get_if<StateChangedEvent>(&event.data)) {
        e.kind = JournalEventKind::GroupStateChanged;
        e.detail = std::string(groupStateName(changed->to));
    } else if (std::holds_alternative<GroupLoadedEvent>(event.data)) {
        e.kind = JournalEventKind::GroupLoaded;
    } else if (std::holds_alternative<GroupUnloadedEvent>(event.data)) {
        e.kind = JournalEventKind::GroupUnloaded;
    } else {
        return; // commits and stored records: the __consumer_offsets appends show them
    }
    journal(std::move(e));
}

void Cluster::persistGroupEvent(BrokerId broker, const GroupEvent &event)
{
    std::vector<Record> records;
    if (const auto *stored = std::get_if<GroupStoredEvent>(&event.data)) {
        Record r;
        r.key = groupRecordKey(event.groupId);
        r.value = groupRecordValue(stored->record);
        records.push_back(std::move(r));
    } else if (const auto *committed = std::get_if<OffsetsCommittedEvent>(&event.data)) {
        for (const auto &[tp, offset] : committed->offsets) {
            Record r;
            r.key = offsetRecordKey(event.groupId, tp);
            r.value = offsetRecordValue(offset);
            records.push_back(std::move(r));
        }
    }
    if (records.empty())
        return;
    Topic *offsets = mutableTopic(kConsumerOffsetsTopic);
    if (!offsets)
        return;
    PartitionState &state =
        offsets->state(PartitionId{consumerOffsetsPartitionFor(event.groupId, kOffsetsTopicPartitions)});
    // Invariant: a coordinator serves only partitions its broker leads.
    assert(state.leader == broker);
    if (state.leader != broker || !isAlive(broker))
        return;
    for (Record &r : records)
        r.timestampMs = clockMs();
    const bool commit = std::holds_alternative<OffsetsCommittedEvent>(event.data);
    const auto last = appendAtLeader(state, ProducerId{-1}, std::move(records), ProducerIdentity{});
    if (commit)
        m_groupCommitAppends[event.groupId] = GroupCommitAppend{state.tp, last.value_or(-1), ++m_groupCommitSerial};
}

void Cluster::answerCommitWhenReplicated(BrokerId broker, const std::string &groupId, std::uint64_t appendSerial,
                                         const OffsetCommitResponse &response,
                                         const std::function<void(const OffsetCommitResponse &)> &respond)
{
    const auto it = m_groupCommitAppends.find(groupId);
    if (it == m_groupCommitAppends.end() || it->second.serial == appendSerial) {
        respond(response); // nothing was written: errors only, or no offsets
        return;
    }
    // Kafka's storeOffsets callback: the append's error becomes every partition's error.
    auto failed = [response](GroupError error) {
        OffsetCommitResponse out = response;
        for (auto &[tp, e] : out.errors)
            if (e == GroupError::None)
                e = error;
        return out;
    };
    const GroupCommitAppend append = it->second;
    PartitionState *state = partitionState(append.tp);
    if (append.lastOffset < 0 || !state || state->leader != broker) {
        respond(failed(GroupError::NotCoordinator));
        return;
    }
    if (state->highWatermark() > append.lastOffset) {
        respond(response);
        return;
    }
    DelayedProduce waiting{append.lastOffset, ProducerId{-1}, broker,
                           [respond, response, failed](ProduceError error) {
                               switch (error) {
                               case ProduceError::None: respond(response); return;
                               case ProduceError::NotEnoughReplicas:
                               case ProduceError::NotEnoughReplicasAfterAppend:
                                   respond(failed(GroupError::CoordinatorNotAvailable));
                                   return;
                               default: respond(failed(GroupError::NotCoordinator)); return;
                               }
                           },
                           true};
    delayedProducesOf(*state).push_back(std::move(waiting));
}

std::optional<BrokerId> Cluster::coordinatorOf(const std::string &groupId) const
{
    const Topic *offsets = topic(kConsumerOffsetsTopic);
    if (!offsets)
        return std::nullopt;
    const std::int32_t p = consumerOffsetsPartitionFor(groupId, kOffsetsTopicPartitions);
    if (p >= offsets->partitionCount())
        return std::nullopt;
    const auto leader = offsets->state(PartitionId{p}).leader;
    if (!leader || !isAlive(*leader))
        return std::nullopt;
    return leader;
}

std::optional<GroupSnapshot> Cluster::group(const std::string &groupId) const
{
    const auto broker = coordinatorOf(groupId);
    if (!broker)
        return std::nullopt;
    const GroupCoordinator *coordinator = groupCoordinator(*broker);
    if (!coordinator)
        return std::nullopt;
    return coordinator->describeGroup(groupId);
}

std::map<std::string, GroupSnapshot> Cluster::groups() const
{
    std::map<std::string, GroupSnapshot> out;
    for (const auto &[id, slot] : m_groupCoordinators) {
        if (!slot.coordinator->isActive())
            continue;
        for (const std::string &groupId : slot.coordinator->groupIds())
            if (auto snapshot = slot.coordinator->describeGroup(groupId))
                out.emplace(groupId, std::move(*snapshot));
    }
    return out;
}

std::map<std::string, Cluster::GroupDelivery> Cluster::groupDelivery() const
{
    std::map<std::string, GroupDelivery> out;
    for (const auto &[groupId, ledger] : m_deliveryLedgers) {
        const std::optional<GroupSnapshot> snapshot = group(groupId);
        GroupDelivery &d = out[groupId];
        for (const auto &[tp, partition] : ledger.partitions()) {
            std::optional<Offset> committed;
            if (snapshot) {
                const auto it = snapshot->offsets.find(tp);
                if (it != snapshot->offsets.end())
                    committed = it->second.offset;
            } else if (partition.lastCommitted) {
                committed = Offset{*partition.lastCommitted};
            }
            const DeliveryCounts counts = ledger.counts(tp, committed);
            d.partitions[tp] = counts;
            d.total += counts;
        }
    }
    return out;
}

// --- kafka-consumer-groups --reset-offsets ---------------------------------------------------

Result<std::map<TopicPartition, Offset>> Cluster::planGroupOffsetReset(const GroupOffsetReset &reset) const
{
    const std::string &groupId = reset.groupId;
    if (groupId.empty())
        return Status::invalidArgument("a group id is needed");
    if (reset.partition && !reset.topic)
        return Status::invalidArgument("a partition needs its topic");
    const auto broker = coordinatorOf(groupId);
    const GroupCoordinator *coordinator = broker ? groupCoordinator(*broker) : nullptr;
    if (!coordinator || !coordinator->isActive() || !coordinator->ownsPartition(coordinator->partitionFor(groupId)))
        return Status::invalidArgument("no coordinator is available for group " + groupId + " (COORDINATOR_NOT_AVAILABLE)");
    // ConsumerGroupCommand resets only an inactive group: Empty, or Dead (unknown to the
    // coordinator; the commit then creates it, as a group used for offsets only).
    const std::optional<GroupSnapshot> group = coordinator->describeGroup(groupId);
    if (group && group->state != GroupState::Empty && group->state != GroupState::Dead)
        return Status::invalidArgument("Assignments can only be reset if the group '" + groupId
                                       + "' is inactive, but the current state is "
                                       + std::string(groupStateName(group->state)) + ".");

    std::vector<TopicPartition> partitions;
    if (reset.topic) {
        const Topic *t = topic(*reset.topic);
        if (!t)
            return Status::notFound("topic " + *reset.topic + " does not exist");
        if (reset.partition) {
            const TopicPartition tp{*reset.topic, *reset.partition};
            if (reset.partition->value() < 0 || reset.partition->value() >= t->partitionCount())
                return Status::notFound("partition " + tp.toString() + " does not exist");
            partitions.push_back(tp);
        } else {
            for (std::int32_t p = 0; p < t->partitionCount(); ++p)
                partitions.push_back({*reset.topic, PartitionId{p}});
        }
    } else if (group) {
        // --all-topics: every partition the group has committed an offset for (that still exists).
        for (const auto &[tp, committed] : group->offsets) {
            const Topic *t = topic(tp.topic);
            if (t && tp.partition.value() < t->partitionCount())
                partitions.push_back(tp);
        }
    }
    if (partitions.empty())
        return Status::invalidArgument("group " + groupId + " has no committed offsets to reset; name a topic");

    std::map<TopicPartition, Offset> out;
    for (const TopicPartition &tp : partitions) {
        // ListOffsets goes to the partition's leader.
        const PartitionState &state = topic(tp.topic)->state(tp.partition);
        const Replica *leader = state.leader && isAlive(*state.leader) ? state.leaderReplica() : nullptr;
        if (!leader)
            return Status::invalidArgument(tp.toString() + " has no leader: its offsets cannot be listed (LEADER_NOT_AVAILABLE)");
        const std::int64_t logStart = leader->log->logStartOffset();
        const std::int64_t latest = std::max(logStart, leader->highWatermark);
        std::optional<std::int64_t> committed;
        if (group)
            if (const auto it = group->offsets.find(tp); it != group->offsets.end())
                committed = it->second.offset.value();
        const Result<std::int64_t> target = offsetResetTarget(tp, reset.spec, logStart, latest, committed);
        if (!target.isOk())
            return target.status();
        out[tp] = Offset{target.value()};
    }
    return out;
}

Status Cluster::resetGroupOffsets(const GroupOffsetReset &reset)
{
    std::string how = offsetResetKindName(reset.spec.kind);
    if (reset.spec.kind == OffsetResetKind::ToOffset || reset.spec.kind == OffsetResetKind::ShiftBy)
        how += " " + std::to_string(reset.spec.value);
    const std::string scope =
        reset.topic ? (reset.partition ? TopicPartition{*reset.topic, *reset.partition}.toString() : *reset.topic)
                    : std::string("all topics");
    const ActionScope action(*this, "reset offsets of group " + reset.groupId + " (" + scope + ", " + how + ")",
                             [reset](Cluster &c) { (void)c.resetGroupOffsets(reset); });
    const auto plan = planGroupOffsetReset(reset);
    if (!plan.isOk())
        return plan.status();
    const BrokerId broker = *coordinatorOf(reset.groupId);
    GroupCoordinator &coordinator = groupCoordinatorOf(broker);
    const std::optional<GroupSnapshot> before = coordinator.describeGroup(reset.groupId);

    // The admin client's OffsetCommit: no member, no generation (accepted only while the group is
    // Empty). The coordinator writes it to __consumer_offsets through persistGroupEvent, as any
    // commit, so a new coordinator loads it after a failover once the followers have it.
    OffsetCommitRequest request;
    request.groupId = reset.groupId;
    for (const auto &[tp, offset] : plan.value())
        request.offsets[tp].offset = offset;
    std::optional<OffsetCommitResponse> answer;
    coordinator.handleOffsetCommit(request, [&answer](const OffsetCommitResponse &r) { answer = r; });
    // Invariant: called from outside the coordinator, the answer is delivered before it returns.
    assert(answer);
    if (!answer)
        return Status::invalidArgument("the coordinator did not answer the commit");
    for (const auto &[tp, error] : answer->errors)
        if (error != GroupError::None)
            return Status::invalidArgument("the coordinator refused the offset of " + tp.toString() + ": "
                                           + std::string(groupErrorName(error)));

    GroupDeliveryLedger *ledger = m_deliveryLedgers.count(reset.groupId) ? &m_deliveryLedgers[reset.groupId] : nullptr;
    for (const auto &[tp, offset] : plan.value()) {
        JournalEvent e;
        e.kind = JournalEventKind::GroupOffsetsReset;
        e.group = reset.groupId;
        e.broker = broker.value();
        e.topic = tp.topic;
        e.partition = tp.partition.value();
        e.value = offset.value();
        e.count = -1;
        if (before)
            if (const auto it = before->offsets.find(tp); it != before->offsets.end())
                e.count = it->second.offset.value();
        e.detail = how;
        journal(std::move(e));
        // The reset is the group's committed offset now (the delivery counts read it).
        if (ledger)
            ledger->noteCommitted(tp, offset);
    }
    return Status::ok();
}

void Cluster::journalConsumer(JournalEventKind kind, const Consumer &consumer, std::string detail,
                              const std::optional<TopicPartition> &tp, std::int64_t count)
{
    JournalEvent e;
    e.kind = kind;
    e.value = consumer.id().value();
    e.detail = consumer.config().clientId + (detail.empty() ? "" : " " + detail);
    if (consumer.usesGroup()) {
        e.group = *consumer.config().groupId;
        e.member = consumer.memberId(); // empty between a reset and the next join
    }
    if (tp) {
        e.topic = tp->topic;
        e.partition = tp->partition.value();
    }
    e.count = count;
    journal(std::move(e));
}

Status Cluster::closeConsumer(ConsumerId id)
{
    const ActionScope action(*this, "close consumer " + std::to_string(id.value()),
                             [id](Cluster &c) { (void)c.closeConsumer(id); });
    return consumerAction(id, false);
}

Status Cluster::crashConsumer(ConsumerId id)
{
    const ActionScope action(*this, "crash consumer " + std::to_string(id.value()),
                             [id](Cluster &c) { (void)c.crashConsumer(id); });
    return consumerAction(id, true);
}

Status Cluster::consumerAction(ConsumerId id, bool crash)
{
    if (id.value() < 0 || static_cast<std::size_t>(id.value()) >= m_consumers.size())
        return Status::notFound("no consumer " + std::to_string(id.value()));
    Consumer &consumer = *m_consumers[static_cast<std::size_t>(id.value())];
    if (!consumer.isRunning())
        return Status::invalidArgument("consumer " + std::to_string(id.value()) + " is not running");
    const bool paused = isConsumerProcessPaused(id);
    if (paused && !crash)
        return Status::invalidArgument("consumer " + std::to_string(id.value()) + " (" + consumer.config().clientId
                                       + ")'s process is paused: it cannot close itself until it is resumed");
    JournalEvent e;
    e.kind = crash ? JournalEventKind::ConsumerCrashed : JournalEventKind::ConsumerClosed;
    e.detail = consumer.config().clientId;
    e.value = id.value();
    journal(std::move(e));
    if (crash)
        consumer.crash();
    else
        consumer.close();
    if (paused) {
        // Killing a frozen process: what waited for it now finds it dead (its connections are
        // gone, its timers with it), as what reaches a crashed consumer does.
        m_timedPauses.erase(consumerNode(id));
        m_scheduler.release(consumerNode(id));
    }
    return Status::ok();
}

Result<Consumer *> Cluster::runningConsumer(ConsumerId id)
{
    if (id.value() < 0 || static_cast<std::size_t>(id.value()) >= m_consumers.size())
        return Status::notFound("no consumer " + std::to_string(id.value()));
    Consumer *consumer = m_consumers[static_cast<std::size_t>(id.value())].get();
    if (!consumer->isRunning())
        return Status::invalidArgument("consumer " + std::to_string(id.value()) + " is not running");
    if (isConsumerProcessPaused(id))
        return Status::invalidArgument("consumer " + std::to_string(id.value()) + " (" + consumer->config().clientId
                                       + ")'s process is paused: the application runs no code until it is resumed");
    return consumer;
}

Status Cluster::seekConsumer(ConsumerId id, const TopicPartition &tp, Offset offset)
{
    const ActionScope action(*this,
                             "seek consumer " + std::to_string(id.value()) + " " + tp.topic + "-"
                                 + std::to_string(tp.partition.value()) + " to " + std::to_string(offset.value()),
                             [id, tp, offset](Cluster &c) { (void)c.seekConsumer(id, tp, offset); });
    auto consumer = runningConsumer(id);
    if (!consumer.isOk())
        return consumer.status();
    if (auto st = consumer.value()->checkSeek(tp, offset); !st.isOk())
        return st;
    consumer.value()->seek(tp, offset);
    journalConsumer(JournalEventKind::ConsumerSeek, *consumer.value(), {}, tp, offset.value());
    return Status::ok();
}

Status Cluster::pauseConsumer(ConsumerId id, const TopicPartition &tp)
{
    const ActionScope action(*this,
                             "pause consumer " + std::to_string(id.value()) + " " + tp.topic + "-"
                                 + std::to_string(tp.partition.value()),
                             [id, tp](Cluster &c) { (void)c.pauseConsumer(id, tp); });
    return consumerPartitionAction(id, tp, true);
}

Status Cluster::resumeConsumer(ConsumerId id, const TopicPartition &tp)
{
    const ActionScope action(*this,
                             "resume consumer " + std::to_string(id.value()) + " " + tp.topic + "-"
                                 + std::to_string(tp.partition.value()),
                             [id, tp](Cluster &c) { (void)c.resumeConsumer(id, tp); });
    return consumerPartitionAction(id, tp, false);
}

Status Cluster::setConsumerProcessingTime(ConsumerId id, SimDuration perRecord)
{
    const ActionScope action(*this,
                             "set processing time of consumer " + std::to_string(id.value()) + " to "
                                 + std::to_string(perRecord.micros()) + " us per record",
                             [id, perRecord](Cluster &c) { (void)c.setConsumerProcessingTime(id, perRecord); });
    auto consumer = runningConsumer(id);
    if (!consumer.isOk())
        return consumer.status();
    if (perRecord < SimDuration{})
        return Status::invalidArgument("negative processing time " + std::to_string(perRecord.micros()) + " us");
    consumer.value()->setProcessingTimePerRecord(perRecord);
    journalConsumer(JournalEventKind::ConsumerProcessingTimeChanged, *consumer.value(), {}, std::nullopt,
                    perRecord.micros());
    return Status::ok();
}

Status Cluster::consumerPartitionAction(ConsumerId id, const TopicPartition &tp, bool pause)
{
    auto consumer = runningConsumer(id);
    if (!consumer.isOk())
        return consumer.status();
    if (auto st = consumer.value()->checkAssigned(tp); !st.isOk())
        return st;
    if (pause)
        consumer.value()->pause(tp);
    else
        consumer.value()->resume(tp);
    journalConsumer(pause ? JournalEventKind::ConsumerPaused : JournalEventKind::ConsumerResumed, *consumer.value(), {}, tp);
    return Status::ok();
}

// --- The network path -----------------------------------------------------------------------

template <class Response>
void Cluster::respondToConsumer(BrokerId broker, ConsumerId to, const Response &response, const Response &disconnected,
                                const std::function<void(const Response &)> &onResponse)
{
    if (!isAlive(broker)) {
        // The broker died: its connections drop, and the consumer notices at once.
        m_scheduler.scheduleFor(consumerNode(to), m_scheduler.now() + m_network.defaultLatency(), EventPriority::Network,
                                [onResponse, disconnected] { onResponse(disconnected); });
        return;
    }
    m_network.send(nodeOf(broker), consumerNode(to), [onResponse, response] { onResponse(response); });
}

template <class Response, class Handle>
void Cluster::groupRequest(ConsumerId from, BrokerId to, Handle handle, Response disconnected,
                           std::function<void(const Response &)> onResponse)
{
    if (!isAlive(to)) {
        m_scheduler.scheduleFor(consumerNode(from), m_scheduler.now() + m_network.defaultLatency(), EventPriority::Network,
                                [onResponse, disconnected] { onResponse(disconnected); });
        return;
    }
    m_network.send(consumerNode(from), nodeOf(to), [this, from, to, handle, disconnected, onResponse] {
        if (!isAlive(to))
            return;
        handle(groupCoordinatorOf(to), [this, from, to, disconnected, onResponse](const Response &response) {
            respondToConsumer(to, from, response, disconnected, onResponse);
        });
    });
}

void Cluster::findCoordinator(ConsumerId from, const std::string &groupId,
                              std::function<void(std::optional<BrokerId>)> onResponse)
{
    // FindCoordinator goes to any live broker (here the controller), which answers from its metadata.
    const auto broker = controller();
    if (!broker) {
        m_scheduler.scheduleFor(consumerNode(from), m_scheduler.now() + m_network.defaultLatency(), EventPriority::Network,
                                [onResponse] { onResponse(std::nullopt); });
        return;
    }
    const BrokerId to = *broker;
    m_network.send(consumerNode(from), nodeOf(to), [this, from, to, groupId, onResponse] {
        if (!isAlive(to))
            return;
        const auto coordinator = coordinatorOf(groupId);
        m_network.send(nodeOf(to), consumerNode(from), [onResponse, coordinator] { onResponse(coordinator); });
    });
}

void Cluster::sendJoinGroup(ConsumerId from, BrokerId to, JoinGroupRequest request,
                            std::function<void(const JoinGroupResponse &)> onResponse)
{
    JoinGroupResponse disconnected;
    disconnected.error = GroupError::NotCoordinator;
    groupRequest<JoinGroupResponse>(
        from, to,
        [request](GroupCoordinator &c, std::function<void(const JoinGroupResponse &)> cb) {
            c.handleJoinGroup(request, std::move(cb));
        },
        disconnected, std::move(onResponse));
}

void Cluster::sendSyncGroup(ConsumerId from, BrokerId to, SyncGroupRequest request,
                            std::function<void(const SyncGroupResponse &)> onResponse)
{
    SyncGroupResponse disconnected;
    disconnected.error = GroupError::NotCoordinator;
    groupRequest<SyncGroupResponse>(
        from, to,
        [request](GroupCoordinator &c, std::function<void(const SyncGroupResponse &)> cb) {
            c.handleSyncGroup(request, std::move(cb));
        },
        disconnected, std::move(onResponse));
}

void Cluster::sendHeartbeat(ConsumerId from, BrokerId to, HeartbeatRequest request,
                            std::function<void(const HeartbeatResponse &)> onResponse)
{
    HeartbeatResponse disconnected;
    disconnected.error = GroupError::NotCoordinator;
    groupRequest<HeartbeatResponse>(
        from, to,
        [request](GroupCoordinator &c, std::function<void(const HeartbeatResponse &)> cb) {
            c.handleHeartbeat(request, std::move(cb));
        },
        disconnected, std::move(onResponse));
}

void Cluster::sendLeaveGroup(ConsumerId from, BrokerId to, LeaveGroupRequest request,
                             std::function<void(const LeaveGroupResponse &)> onResponse)
{
    LeaveGroupResponse disconnected;
    disconnected.error = GroupError::NotCoordinator;
    groupRequest<LeaveGroupResponse>(
        from, to,
        [request](GroupCoordinator &c, std::function<void(const LeaveGroupResponse &)> cb) {
            c.handleLeaveGroup(request, std::move(cb));
        },
        disconnected, std::move(onResponse));
}

void Cluster::sendOffsetCommit(ConsumerId from, BrokerId to, OffsetCommitRequest request,
                               std::function<void(const OffsetCommitResponse &)> onResponse)
{
    OffsetCommitResponse disconnected;
    for (const auto &[tp, entry] : request.offsets)
        disconnected.errors[tp] = GroupError::NotCoordinator;
    groupRequest<OffsetCommitResponse>(
        from, to,
        [this, request, to](GroupCoordinator &c, std::function<void(const OffsetCommitResponse &)> cb) {
            const auto before = m_groupCommitAppends.find(request.groupId);
            const std::uint64_t serial = before == m_groupCommitAppends.end() ? 0 : before->second.serial;
            c.handleOffsetCommit(request, [this, to, groupId = request.groupId, serial,
                                           cb = std::move(cb)](const OffsetCommitResponse &response) {
                answerCommitWhenReplicated(to, groupId, serial, response, cb);
            });
        },
        disconnected, std::move(onResponse));
}

void Cluster::sendOffsetFetch(ConsumerId from, BrokerId to, OffsetFetchRequest request,
                              std::function<void(const OffsetFetchResponse &)> onResponse)
{
    OffsetFetchResponse disconnected;
    disconnected.error = GroupError::NotCoordinator;
    groupRequest<OffsetFetchResponse>(
        from, to,
        [request](GroupCoordinator &c, std::function<void(const OffsetFetchResponse &)> cb) {
            c.handleOffsetFetch(request, std::move(cb));
        },
        disconnected, std::move(onResponse));
}

} // namespace kafkascope
