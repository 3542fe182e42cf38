#include "cluster.h"

#include "cluster/replica_placement.h"

#include <spdlog/spdlog.h>

#include <filesystem>

namespace kafkascope {

Cluster::Cluster(std::uint64_t seed) : m_seed(seed), m_random(seed), m_network(m_scheduler, m_random)
{
    m_network.setDefaultLatency(m_networkLatency);
    m_brokers.emplace(BrokerId{0}, BrokerInfo{BrokerId{0}, true});
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

Status Cluster::createTopic(const std::string &name, std::int32_t partitions, const TopicSettings &settings)
{
    if (auto st = validateTopicName(name); !st.isOk())
        return st;
    if (partitions < 1)
        return Status::invalidArgument("topic '" + name + "': partitions must be at least 1");
    if (m_topics.count(name) != 0)
        return Status::alreadyExists("topic '" + name + "' already exists");
    if (auto st = settings.log.validate(); !st.isOk())
        return Status::invalidArgument("topic '" + name + "': " + st.message());
    if (settings.minInsyncReplicas < 1)
        return Status::invalidArgument("topic '" + name + "': min.insync.replicas must be at least 1");

    std::vector<BrokerId> live;
    for (const auto &[id, broker] : m_brokers)
        if (broker.alive)
            live.push_back(id);
    // With one broker Kafka's random start can only be 0; not drawing keeps the RNG stream of
    // single-broker runs independent of placement.
    const auto start = live.size() == 1 ? std::optional<std::int32_t>(0) : settings.placementStartIndex;
    auto assignment = assignReplicasRackUnaware(live, partitions, settings.replicationFactor, start, m_random);
    if (!assignment.isOk())
        return Status::invalidArgument("topic '" + name + "': " + assignment.status().message());

    std::vector<PartitionState> states;
    for (std::int32_t p = 0; p < partitions; ++p) {
        PartitionState state;
        state.tp = TopicPartition{name, PartitionId{p}};
        state.assignment = assignment.value()[static_cast<std::size_t>(p)];
        state.minInsyncReplicas = settings.minInsyncReplicas;
        state.uncleanLeaderElection = settings.uncleanLeaderElection;
        for (const BrokerId b : state.assignment) {
            auto log = openReplicaLog(b, name, p, settings.log);
            if (!log.isOk())
                return log.status();
            Replica replica;
            replica.broker = b;
            replica.log = std::move(log).value();
            state.replicas.emplace(b, std::move(replica));
        }
        // A new partition's leader is its preferred replica, epoch 0, every replica in sync.
        state.leader = state.assignment.front();
        state.isr = std::set<BrokerId>(state.assignment.begin(), state.assignment.end());
        for (auto &[b, replica] : state.replicas) {
            replica.knownLeaderEpoch = 0;
            if (b == *state.leader)
                replica.epochs.assign(0, 0);
            else
                state.followers[b].lastCaughtUpTimeMs = now().millis();
        }
        states.push_back(std::move(state));
    }
    m_topics.emplace(name, Topic(name, std::move(states)));
    const Topic &topic = m_topics.at(name);
    for (std::int32_t p = 0; p < partitions; ++p) {
        const PartitionState &state = topic.state(PartitionId{p});
        for (const BrokerId b : state.assignment)
            if (b != *state.leader)
                startFetcher(state.tp, b, SimDuration{});
    }
    if (settings.replicationFactor > 1) {
        scheduleIsrCheck();
        scheduleLeaderRebalance();
    }
    spdlog::debug("[{}] created topic {} with {} partitions, RF {}", formatSimTime(now()), name, partitions,
                  settings.replicationFactor);
    if (m_observer)
        m_observer->onTopicCreated(name);
    return Status::ok();
}

const Topic *Cluster::topic(const std::string &name) const
{
    const auto it = m_topics.find(name);
    return it == m_topics.end() ? nullptr : &it->second;
}

Topic *Cluster::mutableTopic(const std::string &name)
{
    const auto it = m_topics.find(name);
    return it == m_topics.end() ? nullptr : &it->second;
}

Result<ProducerId> Cluster::addProducer(ProducerConfig config)
{
    if (!topic(config.topic))
        return Status::notFound("producer '" + config.clientId + "': unknown topic '" + config.topic + "'");
    if (!(config.recordsPerSecond >= 0.0) || config.recordsPerSecond > 1e7)
        return Status::invalidArgument("producer '" + config.clientId + "': rate must be between 0 and 10000000 records/s");
    if (config.lingerMs < 0)
        return Status::invalidArgument("producer '" + config.clientId + "': linger.ms must not be negative");
    if (config.acks != 0 && config.acks != 1 && config.acks != -1)
        return Status::invalidArgument("producer '" + config.clientId + "': acks must be 0, 1 or all (-1)");
    const ProducerId id{static_cast<std::int32_t>(m_producers.size())};
    m_producers.push_back(std::make_unique<Producer>(id, std::move(config), *this));
    m_producers.back()->start();
    return id;
}

Result<ConsumerId> Cluster::addConsumer(ConsumerConfig config)
{
    if (!topic(config.topic))
        return Status::notFound("consumer '" + config.clientId + "': unknown topic '" + config.topic + "'");
    if (config.pollInterval <= SimDuration{})
        return Status::invalidArgument("consumer '" + config.clientId + "': poll interval must be positive");
    if (config.maxPollRecords < 1)
        return Status::invalidArgument("consumer '" + config.clientId + "': max.poll.records must be at least 1");
    const ConsumerId id{static_cast<std::int32_t>(m_consumers.size())};
    m_consumers.push_back(std::make_unique<Consumer>(id, std::move(config), *this));
    m_consumers.back()->start();
    return id;
}

Result<PartitionId> Cluster::produce(const std::string &topicName, std::optional<std::string> key,
                                     std::optional<std::string> value)
{
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

void Cluster::submitProduce(ProducerId from, const TopicPartition &tp, const std::vector<Record> &records,
                            const ProducerIdentity &identity, std::int32_t acks, std::function<void(ProduceError)> onResponse)
{
    PartitionState *state = partitionState(tp);
    if (!state)
        return; // the topic went away
    // The producer's metadata names the current leader; with none it learns so without a request.
    if (!state->leader) {
        m_recordsRejected += records.size();
        if (onResponse && acks != 0)
            m_scheduler.scheduleAfter(SimDuration{}, EventPriority::Network,
                                      [onResponse] { onResponse(ProduceError::NotLeaderOrFollower); });
        return;
    }
    const BrokerId broker = *state->leader;
    m_network.send(clientNode(from), nodeOf(broker), [this, from, tp, records, identity, acks, broker, onResponse]() mutable {
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
        respondToProducer(from, broker, ProduceError::NotLeaderOrFollower, onResponse);
        return;
    }
    // Kafka checks min.insync.replicas for acks=all before appending.
    if (acks == -1 && static_cast<std::int32_t>(state->isr.size()) < state->minInsyncReplicas) {
        respondToProducer(from, broker, ProduceError::NotEnoughReplicas, onResponse);
        return;
    }
    if (identity.producerId >= 0) {
        // Idempotence (Kafka's ProducerStateManager): a sequence already written is a retried
        // duplicate, answered as success without writing it again; a gap is out of order.
        const Replica &leader = *state->leaderReplica();
        const auto it = leader.lastSequence.find(identity.producerId);
        const std::int32_t last = it == leader.lastSequence.end() ? -1 : it->second;
        if (identity.sequence <= last) {
            if (acks == -1) // acknowledged once the original (somewhere below the log end) is committed
                m_delayedProduces[tp].push_back(
                    DelayedProduce{leader.log->logEndOffset() - 1, from, broker, std::move(onResponse)});
            else
                respondToProducer(from, broker, ProduceError::None, onResponse);
            completeDelayedProduces(*state, false);
            return;
        }
        if (identity.sequence > last + 1) {
            respondToProducer(from, broker, ProduceError::OutOfOrderSequence, onResponse);
            return;
        }
    }
    const auto offset = appendAtLeader(*state, from, std::move(records), identity);
    if (!offset) {
        respondToProducer(from, broker, ProduceError::NotLeaderOrFollower, onResponse);
        return;
    }
    if (acks == 1) {
        respondToProducer(from, broker, ProduceError::None, onResponse);
    } else if (acks == -1) {
        // The delayed produce: answered once the high watermark passes the record.
        m_delayedProduces[tp].push_back(DelayedProduce{*offset, from, broker, std::move(onResponse)});
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
    leader->noteBatch(identity.producerId, identity.sequence, static_cast<std::int32_t>(records.size()) - 1);
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
                                const std::function<void(ProduceError)> &onResponse)
{
    if (!onResponse || !isAlive(broker))
        return;
    m_network.send(nodeOf(broker), clientNode(from), [onResponse, error] { onResponse(error); });
}

void Cluster::completeDelayedProduces(PartitionState &state, bool leaderChanged)
{
    const auto it = m_delayedProduces.find(state.tp);
    if (it == m_delayedProduces.end())
        return;
    std::vector<DelayedProduce> waiting;
    std::vector<std::pair<DelayedProduce, ProduceError>> done;
    const std::int64_t hw = state.highWatermark();
    for (DelayedProduce &d : it->second) {
        if (leaderChanged || state.leader != d.broker)
            done.emplace_back(std::move(d), ProduceError::NotLeaderOrFollower);
        else if (hw > d.offset)
            done.emplace_back(std::move(d), static_cast<std::int32_t>(state.isr.size()) < state.minInsyncReplicas
                                                ? ProduceError::NotEnoughReplicasAfterAppend
                                                : ProduceError::None);
        else
            waiting.push_back(std::move(d));
    }
    it->second = std::move(waiting);
    if (it->second.empty())
        m_delayedProduces.erase(it);
    for (auto &[d, error] : done) {
        if (!isAlive(d.broker) && d.onResponse) {
            // The broker died: its connections drop, and the producer notices at once.
            m_scheduler.scheduleAfter(m_networkLatency, EventPriority::Network,
                                      [cb = d.onResponse] { cb(ProduceError::NotLeaderOrFollower); });
            continue;
        }
        respondToProducer(d.from, d.broker, error, d.onResponse);
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
    h.add(m_scheduler.now().micros()).add(m_random.stateDigest());
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
        for (const auto &[partition, offset] : c->positions())
            h.add(partition.value()).add(offset.value());
    }
    return h;
}

} // namespace kafkascope
