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
    if (settings.replicationFactor > 1)
        scheduleIsrCheck();
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

void Cluster::deliverRecord(ProducerId from, const TopicPartition &tp, Record record)
{
    PartitionState *state = partitionState(tp);
    if (!state)
        return; // the topic went away while the record was in flight
    Replica *leader = state->leaderReplica();
    if (!leader || !isAlive(leader->broker)) {
        ++m_recordsRejected; // NOT_LEADER_OR_FOLLOWER / offline: the producer's record is lost here
        return;
    }
    BatchOptions options;
    options.partitionLeaderEpoch = state->leaderEpoch;
    const auto appended = leader->log->append(std::span(&record, 1), options, now().millis());
    if (!appended.isOk()) {
        spdlog::error("[{}] {}: append failed: {}", formatSimTime(now()), tp.toString(), appended.status().message());
        if (m_storageError.isOk())
            m_storageError = appended.status();
        return;
    }
    record.offset = Offset{appended.value().firstOffset};
    updateHighWatermark(*state);
    completeParkedFetches(*state);
    if (m_observer)
        m_observer->onRecordAppended(tp, record, from);
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
