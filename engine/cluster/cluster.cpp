#include "cluster.h"

#include "core/duration.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include <filesystem>

#include "group/group_coordinator.h"

namespace kafkascope {

Cluster::Cluster(std::uint64_t seed) : m_seed(seed), m_random(seed), m_network(m_scheduler, m_random)
{
    m_network.setDefaultLatency(m_networkLatency);
    // Changes made to the network from outside (faults a user or script injects) are actions and
    // journal entries; the cluster's own (a dead broker's node pausing) are part of what it does.
    m_network.setChangeListener([this](const std::string &what, std::function<void(SimNetwork &)> redo) {
        if (m_actionDepth != 0)
            return;
        m_actions.push_back(ClusterAction{now(), m_scheduler.eventsRun(), "network: " + what,
                                          [redo = std::move(redo)](Cluster &c) { redo(c.network()); }});
        JournalEvent e;
        e.kind = JournalEventKind::NetworkChanged;
        e.detail = what;
        journal(std::move(e));
        // A partition may cut brokers off from the controller (or the controller from the
        // majority); a heal lets fenced brokers back.
        noteControllerChange();
        watchBrokerSessions();
    });
    m_brokers.emplace(BrokerId{0}, BrokerInfo{BrokerId{0}, true});
    indexBrokers();
    JournalEvent added;
    added.kind = JournalEventKind::BrokerAdded;
    added.broker = 0;
    journal(std::move(added));
    noteControllerChange();
    ProducerConfig console;
    console.clientId = "console-producer";
    m_consoleProducer = std::make_unique<Producer>(ProducerId{-1}, console, *this);
}

Cluster::~Cluster() = default;

Status validateTopicName(const std::string &name)
{
    // Kafka's Topic.validate: not empty, not "." or "..", at most 249 characters of [a-zA-Z0-9._-].
    if (name.empty())
        return Status::invalidArgument("topic name is empty");
    if (name == "." || name == "..")
        return Status::invalidArgument("topic name cannot be '.' or '..'");
    if (name.size() > 249)
        return Status::invalidArgument("topic name is longer than 249 characters");
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '_' || c == '-';
        if (!ok)
            return Status::invalidArgument("topic name '" + name
                                           + "' may only contain ASCII letters, digits, '.', '_' and '-'");
    }
    return Status::ok();
}

Status Cluster::setDataDirectory(const std::string &path)
{
    if (!m_topics.empty())
        return Status::invalidArgument("the data directory must be chosen before topics are created");
    if (path.empty())
        return Status::invalidArgument("the data directory name is empty");
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        if (!std::filesystem::is_directory(path, ec))
            return Status::invalidArgument(path + " exists and is not a directory");
        if (!std::filesystem::is_empty(path, ec))
            return Status::alreadyExists(path + " is not empty; choose a new or empty directory (nothing was written)");
    }
    if (auto st = DirectoryLogStore::createDirectories(path + "/broker-0"); !st.isOk())
        return st;
    m_dataDirectory = path;
    return Status::ok();
}

const Topic *Cluster::topic(const std::string &name) const
{
    return const_cast<Cluster *>(this)->mutableTopic(name);
}

Topic *Cluster::mutableTopic(const std::string &name)
{
    if (m_lastTopic != m_topics.end() && m_lastTopic->first == name)
        return &m_lastTopic->second;
    const auto it = m_topics.find(name);
    if (it == m_topics.end())
        return nullptr;
    m_lastTopic = it;
    return &it->second;
}

Cluster::ActionScope::ActionScope(Cluster &cluster, std::string description, std::function<void(Cluster &)> apply)
    : m_cluster(cluster)
{
    if (m_cluster.m_actionDepth++ == 0)
        m_cluster.m_actions.push_back(ClusterAction{m_cluster.now(), m_cluster.m_scheduler.eventsRun(),
                                                    std::move(description), std::move(apply)});
}

void Cluster::journal(JournalEvent event)
{
    event.time = now();
    m_journal.append(std::move(event));
}

void Cluster::journalPartition(JournalEventKind kind, const PartitionState &state, std::int32_t broker,
                               std::int64_t value, std::int64_t count, std::string detail)
{
    // Written in place: the hot path (every append, copy and high watermark step) journals here.
    JournalEvent &e = m_journal.startEvent();
    e.time = now();
    e.kind = kind;
    e.topic = state.tp.topic;
    e.partition = state.tp.partition.value();
    e.broker = broker;
    e.leaderEpoch = state.leaderEpoch;
    e.value = value;
    e.count = count;
    e.detail = std::move(detail);
    m_journal.finishEvent();
}

void Cluster::journalProducer(JournalEventKind kind, const Producer &producer, const std::string &detail, std::int64_t count)
{
    JournalEvent e;
    e.kind = kind;
    e.value = producer.id().value();
    e.detail = producer.config().clientId + (detail.empty() ? "" : " " + detail);
    e.count = count;
    journal(std::move(e));
}

void Cluster::journalIsr(const PartitionState &state, std::string why)
{
    JournalEvent e;
    e.kind = JournalEventKind::IsrChanged;
    e.topic = state.tp.topic;
    e.partition = state.tp.partition.value();
    e.leaderEpoch = state.leaderEpoch;
    for (const BrokerId b : state.isr)
        e.brokers.push_back(b.value());
    e.detail = std::move(why);
    journal(std::move(e));
}

void Cluster::noteControllerChange()
{
    const auto current = controller();
    if (current == m_journalledController)
        return;
    m_journalledController = current;
    JournalEvent e;
    e.kind = JournalEventKind::ControllerChanged;
    e.broker = current ? current->value() : -1;
    journal(std::move(e));
    // A new active controller starts every broker's session afresh (KRaft's heartbeat manager).
    for (const auto &[id, broker] : m_brokers)
        if (broker.alive)
            m_lastHeartbeat[id] = now();
}

ClusterSnapshot Cluster::snapshot() const
{
    ClusterSnapshot s;
    s.seed = m_seed;
    s.time = now();
    s.eventsRun = m_scheduler.eventsRun();
    s.actions = m_actions;
    s.stateHash = stateHash().value();
    s.journalDigest = m_journal.digest();
    return s;
}

void Cluster::replayTo(SimTime time, std::uint64_t eventsRun)
{
    if (eventsRun > m_scheduler.eventsRun())
        m_scheduler.runUntil(time, static_cast<std::size_t>(eventsRun - m_scheduler.eventsRun()));
    m_scheduler.runUntil(time, 0); // moves the clock to `time` unless an event there is still due
}

Result<std::unique_ptr<Cluster>> Cluster::restore(const ClusterSnapshot &snapshot, std::optional<SimTime> at)
{
    const SimTime target = at.value_or(snapshot.time);
    if (target > snapshot.time)
        return Status::invalidArgument("cannot restore to " + formatSimTime(target) + ": the snapshot ends at "
                                       + formatSimTime(snapshot.time));
    auto cluster = std::make_unique<Cluster>(snapshot.seed);
    for (const ClusterAction &action : snapshot.actions) {
        if (action.time > target)
            break;
        cluster->replayTo(action.time, action.eventsRun);
        if (cluster->now() != action.time || cluster->m_scheduler.eventsRun() != action.eventsRun)
            return Status::corruption("replay diverged before '" + action.description + "' at "
                                      + formatSimTime(action.time));
        action.apply(*cluster);
    }
    if (target == snapshot.time) {
        cluster->replayTo(target, snapshot.eventsRun);
        if (cluster->stateHash().value() != snapshot.stateHash || cluster->m_journal.digest() != snapshot.journalDigest)
            return Status::corruption("replay diverged: the state at " + formatSimTime(target)
                                      + " differs from the snapshot's (an action was made from inside an event?)");
    } else {
        cluster->runUntil(target);
    }
    return cluster;
}

Result<ProducerId> Cluster::addProducer(ProducerConfig config)
{
    const ActionScope action(*this, "add producer " + config.clientId,
                             [config](Cluster &c) { (void)c.addProducer(config); });
    if (!topic(config.topic))
        return Status::notFound("producer '" + config.clientId + "': unknown topic '" + config.topic + "'");
    if (auto st = validateProducerConfig(config); !st.isOk())
        return Status::invalidArgument("producer '" + config.clientId + "': " + st.message());
    const ProducerId id{static_cast<std::int32_t>(m_producers.size())};
    JournalEvent e;
    e.kind = JournalEventKind::ProducerAdded;
    e.detail = config.clientId;
    e.value = id.value();
    journal(std::move(e));
    m_producers.push_back(std::make_unique<Producer>(id, std::move(config), *this));
    m_producers.back()->start();
    return id;
}

Result<ConsumerId> Cluster::addConsumer(ConsumerConfig config)
{
    const ActionScope action(*this, "add consumer " + config.clientId,
                             [config](Cluster &c) { (void)c.addConsumer(config); });
    for (const std::string &name : config.groupId ? config.topics() : std::vector<std::string>{config.topic})
        if (!topic(name))
            return Status::notFound("consumer '" + config.clientId + "': unknown topic '" + name + "'");
    if (auto st = validateConsumerGroupConfig(config); !st.isOk())
        return Status::invalidArgument("consumer '" + config.clientId + "': " + st.message());
    if (config.pollInterval <= SimDuration{})
        return Status::invalidArgument("consumer '" + config.clientId + "': poll interval must be positive");
    if (config.maxPollRecords < 1)
        return Status::invalidArgument("consumer '" + config.clientId + "': max.poll.records must be at least 1");
    if (auto st = validateConsumerFetchConfig(config); !st.isOk())
        return Status::invalidArgument("consumer '" + config.clientId + "': " + st.message());
    if (config.processingTimePerRecord < SimDuration{})
        return Status::invalidArgument("consumer '" + config.clientId + "': processing time per record must not be negative");
    const ConsumerId id{static_cast<std::int32_t>(m_consumers.size())};
    JournalEvent e;
    e.kind = JournalEventKind::ConsumerAdded;
    e.detail = config.clientId;
    e.value = id.value();
    journal(std::move(e));
    m_consumers.push_back(std::make_unique<Consumer>(id, std::move(config), *this));
    m_consumers.back()->start();
    return id;
}

Result<PartitionId> Cluster::produce(const std::string &topicName, std::optional<std::string> key,
                                     std::optional<std::string> value)
{
    const ActionScope action(*this, "produce to " + topicName + (key ? " with key " + *key : std::string(" without a key")),
                             [topicName, key, value](Cluster &c) { (void)c.produce(topicName, key, value); });
    if (!topic(topicName))
        return Status::notFound("unknown topic '" + topicName + "'");
    // The console producer is not bound to one topic: each call names its own.
    ProducerConfig config = m_consoleProducer->config();
    if (config.topic != topicName) {
        config.topic = topicName;
        m_consoleProducer = std::make_unique<Producer>(ProducerId{-1}, config, *this);
    }
    const auto partition = m_consoleProducer->send(std::move(key), std::move(value));
    if (!partition)
        return Status::notFound("unknown topic '" + topicName + "'");
    return *partition;
}

void Cluster::submitProduce(ProducerId from, const TopicPartition &tp, std::vector<Record> records,
                            const ProducerIdentity &identity, std::int32_t acks, std::function<void(ProduceError)> onResponse)
{
    PartitionState *state = partitionState(tp);
    if (!state)
        return; // the topic went away
    // The producer's metadata names the current leader; with none it learns so without a request.
    if (!state->leader) {
        m_recordsRejected += records.size();
        if (onResponse && acks != 0)
            m_scheduler.scheduleFor(clientNode(from), m_scheduler.now(), EventPriority::Network,
                                    [onResponse] { onResponse(ProduceError::NotLeaderOrFollower); });
        return;
    }
    const BrokerId broker = *state->leader;
    m_network.send(clientNode(from), nodeOf(broker), [this, from, tp, records = std::move(records), identity, acks, broker,
                                                      onResponse = std::move(onResponse)]() mutable {
        handleProduce(from, tp, std::move(records), identity, acks, broker, std::move(onResponse));
    });
}

void Cluster::handleProduce(ProducerId from, const TopicPartition &tp, std::vector<Record> records, ProducerIdentity identity,
                            std::int32_t acks, BrokerId broker, std::function<void(ProduceError)> onResponse)
{
    PartitionState *state = partitionState(tp);
    if (!state || !isAlive(broker))
        return;
    if (state->leader != broker) {
        m_recordsRejected += records.size();
        respondToProducer(from, broker, ProduceError::NotLeaderOrFollower, std::move(onResponse));
        return;
    }
    // Kafka checks min.insync.replicas for acks=all before appending.
    if (acks == -1 && static_cast<std::int32_t>(state->isr.size()) < state->minInsyncReplicas) {
        respondToProducer(from, broker, ProduceError::NotEnoughReplicas, std::move(onResponse));
        return;
    }
    if (identity.producerId >= 0) {
        // Idempotence (Kafka's ProducerStateManager, producer_state.h): a sequence already written
        // is a retried duplicate, answered as success without writing it again; a gap (or a new
        // epoch not starting at 0) is out of order; an older epoch is refused.
        const Replica &leader = *state->leaderReplica();
        const ProducerEntry *found = leader.producers.find(identity.producerId);
        const std::optional<ProducerEntry> entry = found ? std::optional<ProducerEntry>(*found) : std::nullopt;
        switch (checkProducerSequence(entry, identity.epoch, identity.sequence)) {
        case SequenceCheck::Append:
            break;
        case SequenceCheck::Duplicate:
            if (acks == -1) // acknowledged once the original (somewhere below the log end) is committed
                delayedProducesOf(*state).push_back(
                    DelayedProduce{leader.log->logEndOffset() - 1, from, broker, std::move(onResponse)});
            else
                respondToProducer(from, broker, ProduceError::None, std::move(onResponse));
            completeDelayedProduces(*state, false);
            return;
        case SequenceCheck::OutOfOrder:
            respondToProducer(from, broker, ProduceError::OutOfOrderSequence, std::move(onResponse));
            return;
        case SequenceCheck::InvalidEpoch:
            respondToProducer(from, broker, ProduceError::InvalidProducerEpoch, std::move(onResponse));
            return;
        }
    }
    const auto offset = appendAtLeader(*state, from, std::move(records), identity);
    if (!offset) {
        respondToProducer(from, broker, ProduceError::NotLeaderOrFollower, std::move(onResponse));
        return;
    }
    if (acks == 1) {
        respondToProducer(from, broker, ProduceError::None, std::move(onResponse));
    } else if (acks == -1) {
        // The delayed produce: answered once the high watermark passes the record.
        delayedProducesOf(*state).push_back(
            DelayedProduce{*offset, from, broker, std::move(onResponse)});
        completeDelayedProduces(*state, false);
    }
}

std::optional<std::int64_t> Cluster::appendAtLeader(PartitionState &state, ProducerId from, std::vector<Record> records,
                                                    const ProducerIdentity &identity)
{
    Replica *leader = state.leaderReplica();
    if (!leader)
        return std::nullopt;
    BatchOptions options;
    options.partitionLeaderEpoch = state.leaderEpoch;
    options.producerId = identity.producerId;
    options.producerEpoch = identity.epoch;
    options.baseSequence = identity.sequence;
    const auto appended = leader->log->append(records, options, clockMs());
    if (!appended.isOk()) {
        spdlog::error("[{}] {}: append failed: {}", formatSimTime(now()), state.tp.toString(), appended.status().message());
        if (m_storageError.isOk())
            m_storageError = appended.status();
        return std::nullopt;
    }
    leader->noteBatch(identity.producerId, identity.epoch, identity.sequence, static_cast<std::int32_t>(records.size()) - 1);
    journalPartition(JournalEventKind::RecordsAppended, state, state.leader->value(), appended.value().firstOffset,
                     static_cast<std::int64_t>(records.size()));
    updateHighWatermark(state);
    completeParkedFetches(state);
    if (m_observer) {
        std::int64_t offset = appended.value().firstOffset;
        for (Record &r : records) {
            r.offset = Offset{offset++};
            m_observer->onRecordAppended(state.tp, r, from);
        }
    }
    return appended.value().lastOffset;
}

void Cluster::respondToProducer(ProducerId from, BrokerId broker, ProduceError error,
                                std::function<void(ProduceError)> onResponse)
{
    if (!onResponse || !isAlive(broker))
        return;
    m_network.send(nodeOf(broker), clientNode(from), [onResponse = std::move(onResponse), error] { onResponse(error); });
}

std::vector<Cluster::DelayedProduce> &Cluster::delayedProducesOf(PartitionState &state)
{
    if (state.delayedProducesSlot < 0) {
        state.delayedProducesSlot = static_cast<std::int32_t>(m_delayedProduces.size());
        m_delayedProduces.emplace_back();
    }
    return m_delayedProduces[static_cast<std::size_t>(state.delayedProducesSlot)];
}

void Cluster::completeDelayedProduces(PartitionState &state, bool leaderChanged)
{
    if (state.delayedProducesSlot < 0)
        return; // nothing ever waited here
    std::vector<DelayedProduce> &pending = m_delayedProduces[static_cast<std::size_t>(state.delayedProducesSlot)];
    const std::int64_t hw = state.highWatermark();
    // Most calls (every follower fetch that moves the high watermark a little) complete nothing.
    if (!leaderChanged && std::none_of(pending.begin(), pending.end(), [&](const DelayedProduce &d) {
            return state.leader != d.broker || hw > d.offset;
        }))
        return;
    // The waiting ones stay in place, in order.
    std::vector<std::pair<DelayedProduce, ProduceError>> done;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < pending.size(); ++i) {
        DelayedProduce &d = pending[i];
        if (leaderChanged || state.leader != d.broker) {
            done.emplace_back(std::move(d), ProduceError::NotLeaderOrFollower);
        } else if (hw > d.offset) {
            done.emplace_back(std::move(d), static_cast<std::int32_t>(state.isr.size()) < state.minInsyncReplicas
                                                ? ProduceError::NotEnoughReplicasAfterAppend
                                                : ProduceError::None);
        } else {
            if (kept != i)
                pending[kept] = std::move(d);
            ++kept;
        }
    }
    pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(kept), pending.end());
    for (auto &[d, error] : done) {
        if (d.internal) {
            d.onResponse(error);
            continue;
        }
        if (!isAlive(d.broker) && d.onResponse) {
            // The broker died: its connections drop, and the producer notices at once.
            m_scheduler.scheduleFor(clientNode(d.from), m_scheduler.now() + m_network.defaultLatency(), EventPriority::Network,
                                    [cb = d.onResponse] { cb(ProduceError::NotLeaderOrFollower); });
            continue;
        }
        respondToProducer(d.from, d.broker, error, std::move(d.onResponse));
    }
}

void Cluster::noteAcknowledged(ProducerId from, const TopicPartition &tp, const Record &record)
{
    if (from.value() < 0 || !record.value)
        return; // the console producer's records are not counted
    m_acknowledged.push_back({tp.topic, *record.value});
}

std::map<std::string, Cluster::DurabilityCounts> Cluster::durability() const
{
    std::map<std::string, DurabilityCounts> out;
    for (const auto &[name, topic] : m_topics) {
        // Every record value readable in the topic (the leaders' logs), counted.
        std::map<std::string, std::uint64_t> stored;
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            const PartitionLog &log = topic.partition(PartitionId{p});
            const auto records = log.readRecords(log.logStartOffset(), std::numeric_limits<std::size_t>::max());
            if (!records.isOk())
                continue;
            for (const Record &r : records.value())
                if (r.value)
                    ++stored[*r.value];
        }
        DurabilityCounts &counts = out[name];
        std::map<std::string, std::uint64_t> acked;
        for (const Acknowledged &a : m_acknowledged)
            if (a.topic == name)
                ++acked[a.value];
        for (const auto &[value, times] : acked) {
            counts.acknowledged += 1;
            const auto s = stored.find(value);
            if (s == stored.end())
                ++counts.lost;
        }
        for (const auto &[value, times] : stored)
            if (times > 1 && acked.count(value))
                counts.duplicates += times - 1;
    }
    return out;
}

Status Cluster::flush()
{
    for (auto &[name, topic] : m_topics)
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p)
            for (auto &[broker, replica] : topic.state(PartitionId{p}).replicas)
                if (auto st = replica.log->flush(); !st.isOk())
                    return st;
    return Status::ok();
}

StateHash Cluster::stateHash() const
{
    StateHash h;
    h.add(m_scheduler.now().micros()).add(m_random.stateDigest()).add(m_journal.digest());
    for (const auto &[name, t] : m_topics) {
        h.add(name).add(t.partitionCount());
        for (std::int32_t p = 0; p < t.partitionCount(); ++p) {
            const PartitionState &state = t.state(PartitionId{p});
            h.add(state.leader ? state.leader->value() : -1).add(state.leaderEpoch);
            for (const BrokerId b : state.isr)
                h.add(b.value());
            for (const auto &[broker, replica] : state.replicas) {
                const PartitionLog &log = *replica.log;
                h.add(broker.value()).add(replica.highWatermark).add(log.logStartOffset()).add(log.logEndOffset());
                const auto records = log.readRecords(log.logStartOffset(), std::numeric_limits<std::size_t>::max());
                if (!records.isOk()) {
                    h.add(records.status().message());
                    continue;
                }
                for (const Record &r : records.value()) {
                    h.add(r.offset.value()).add(r.timestampMs).add(r.key.has_value()).add(r.key.value_or(""));
                    h.add(r.value.has_value()).add(r.value.value_or(""));
                }
            }
        }
    }
    for (const auto &[id, broker] : m_brokers)
        h.add(id.value()).add(broker.alive);
    h.add(m_recordsRejected);
    for (const auto &p : m_producers)
        h.add(p->id().value()).add(p->recordsSent());
    for (const auto &c : m_consumers) {
        h.add(c->id().value()).add(c->recordsConsumed());
        h.add(c->recordsProcessed()).add(static_cast<std::uint64_t>(c->recordsInProcessing())).add(c->pollTimeouts());
        h.add(static_cast<std::uint64_t>(c->recordsBuffered())).add(c->fetchRequestsSent());
        for (const auto &[tp, offset] : c->positions()) {
            if (c->usesGroup()) // a group consumer may read several topics
                h.add(tp.topic);
            h.add(tp.partition.value()).add(offset.value());
        }
        if (c->usesGroup()) {
            h.add(static_cast<std::int32_t>(c->groupState())).add(c->generation()).add(c->memberId());
            for (const auto &[tp, offset] : c->committed())
                h.add(tp.topic).add(tp.partition.value()).add(offset.value());
        }
    }
    for (const auto &[id, slot] : m_groupCoordinators)
        slot.coordinator->addToHash(h.add(id.value()));
    return h;
}

// --- Paused clients ------------------------------------------------------------------------------

Status Cluster::pauseProducerProcess(ProducerId id, std::optional<SimDuration> duration)
{
    const ActionScope action(*this,
                             "pause producer " + std::to_string(id.value()) + "'s process"
                                 + (duration ? " for " + formatDuration(*duration) : std::string()),
                             [id, duration](Cluster &c) { (void)c.pauseProducerProcess(id, duration); });
    if (id.value() < 0 || static_cast<std::size_t>(id.value()) >= m_producers.size())
        return Status::notFound("no producer " + std::to_string(id.value()));
    return pauseClientNode(clientNode(id), true, id.value(), m_producers[static_cast<std::size_t>(id.value())]->config().clientId,
                           duration);
}

Status Cluster::resumeProducerProcess(ProducerId id)
{
    const ActionScope action(*this, "resume producer " + std::to_string(id.value()) + "'s process",
                             [id](Cluster &c) { (void)c.resumeProducerProcess(id); });
    if (id.value() < 0 || static_cast<std::size_t>(id.value()) >= m_producers.size())
        return Status::notFound("no producer " + std::to_string(id.value()));
    return resumeClientNode(clientNode(id), true, id.value(), m_producers[static_cast<std::size_t>(id.value())]->config().clientId);
}

Status Cluster::pauseConsumerProcess(ConsumerId id, std::optional<SimDuration> duration)
{
    const ActionScope action(*this,
                             "pause consumer " + std::to_string(id.value()) + "'s process"
                                 + (duration ? " for " + formatDuration(*duration) : std::string()),
                             [id, duration](Cluster &c) { (void)c.pauseConsumerProcess(id, duration); });
    if (id.value() < 0 || static_cast<std::size_t>(id.value()) >= m_consumers.size())
        return Status::notFound("no consumer " + std::to_string(id.value()));
    const Consumer &consumer = *m_consumers[static_cast<std::size_t>(id.value())];
    if (!consumer.isRunning())
        return Status::invalidArgument("consumer " + std::to_string(id.value()) + " (" + consumer.config().clientId
                                       + ") is not running");
    return pauseClientNode(consumerNode(id), false, id.value(), consumer.config().clientId, duration);
}

Status Cluster::resumeConsumerProcess(ConsumerId id)
{
    const ActionScope action(*this, "resume consumer " + std::to_string(id.value()) + "'s process",
                             [id](Cluster &c) { (void)c.resumeConsumerProcess(id); });
    if (id.value() < 0 || static_cast<std::size_t>(id.value()) >= m_consumers.size())
        return Status::notFound("no consumer " + std::to_string(id.value()));
    return resumeClientNode(consumerNode(id), false, id.value(), m_consumers[static_cast<std::size_t>(id.value())]->config().clientId);
}

std::optional<SimTime> Cluster::producerProcessResumesAt(ProducerId id) const
{
    const auto it = m_timedPauses.find(clientNode(id));
    return it == m_timedPauses.end() ? std::nullopt : std::optional<SimTime>(it->second.until);
}

std::optional<SimTime> Cluster::consumerProcessResumesAt(ConsumerId id) const
{
    const auto it = m_timedPauses.find(consumerNode(id));
    return it == m_timedPauses.end() ? std::nullopt : std::optional<SimTime>(it->second.until);
}

Status Cluster::pauseClientNode(NodeId node, bool producer, std::int32_t id, const std::string &clientId,
                                std::optional<SimDuration> duration)
{
    const std::string who = (producer ? "producer " : "consumer ") + std::to_string(id) + " (" + clientId + ")";
    if (duration && *duration <= SimDuration{})
        return Status::invalidArgument(who + ": a pause must last a positive time, not " + formatDuration(*duration));
    if (m_scheduler.isHeld(node))
        return Status::invalidArgument(who + "'s process is already paused");
    m_scheduler.hold(node);
    JournalEvent e;
    e.kind = JournalEventKind::ClientProcessPaused;
    e.detail = clientId;
    e.value = id;
    e.count = producer ? 0 : 1;
    if (duration)
        e.member = formatDuration(*duration);
    journal(std::move(e));
    if (duration) {
        const std::uint64_t token = ++m_lastPauseToken;
        m_timedPauses[node] = TimedPause{now() + *duration, token};
        // The end of the pause is part of this action: a replay of it schedules the same event.
        m_scheduler.schedule(now() + *duration, EventPriority::Control, [this, node, producer, id, clientId, token] {
            const auto it = m_timedPauses.find(node);
            if (it != m_timedPauses.end() && it->second.token == token)
                (void)resumeClientNode(node, producer, id, clientId);
        });
    }
    return Status::ok();
}

Status Cluster::resumeClientNode(NodeId node, bool producer, std::int32_t id, const std::string &clientId)
{
    if (!m_scheduler.isHeld(node))
        return Status::invalidArgument((producer ? "producer " : "consumer ") + std::to_string(id) + " (" + clientId
                                       + ")'s process is not paused");
    m_timedPauses.erase(node);
    JournalEvent e;
    e.kind = JournalEventKind::ClientProcessResumed;
    e.detail = clientId;
    e.value = id;
    e.count = producer ? 0 : 1;
    journal(std::move(e));
    m_scheduler.release(node);
    return Status::ok();
}

} // namespace kafkascope
