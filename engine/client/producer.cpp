#include "producer.h"

#include "cluster/cluster.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <string>
#include <tuple>

namespace kafkascope {

namespace {

AccumulatorConfig accumulatorConfig(const ProducerConfig &config)
{
    AccumulatorConfig a;
    a.batchSizeBytes = config.batchSizeBytes;
    a.linger = SimDuration::millis(std::max<std::int64_t>(0, config.lingerMs));
    return a;
}

std::vector<Record> recordsOf(const ProducerBatch &batch)
{
    std::vector<Record> records;
    records.reserve(batch.records.size());
    for (const BatchedRecord &r : batch.records)
        records.push_back(r.record);
    return records;
}

// The partitions of `topic` that have a leader (Kafka's availablePartitionsForTopic), in order.
std::vector<PartitionId> availablePartitions(const Topic &topic)
{
    std::vector<PartitionId> out;
    for (std::int32_t p = 0; p < topic.partitionCount(); ++p)
        if (topic.state(PartitionId{p}).leader)
            out.push_back(PartitionId{p});
    return out;
}

} // namespace

Status validateProducerConfig(const ProducerConfig &config)
{
    if (config.acks != 0 && config.acks != 1 && config.acks != -1)
        return Status::invalidArgument("acks must be 0, 1 or all (-1) (got " + std::to_string(config.acks) + ")");
    if (config.batchSizeBytes > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
        return Status::invalidArgument("batch.size must be at most 2147483647 (got "
                                       + std::to_string(config.batchSizeBytes) + ")");
    if (config.lingerMs < 0)
        return Status::invalidArgument("linger.ms must be >= 0 (got " + std::to_string(config.lingerMs) + ")");
    if (config.retryBackoffMs < 0)
        return Status::invalidArgument("retry.backoff.ms must be >= 0 (got " + std::to_string(config.retryBackoffMs)
                                       + ")");
    if (config.requestTimeoutMs < 0)
        return Status::invalidArgument("request.timeout.ms must be >= 0 (got "
                                       + std::to_string(config.requestTimeoutMs) + ")");
    if (config.maxInFlightRequestsPerConnection < 1)
        return Status::invalidArgument("max.in.flight.requests.per.connection must be at least 1 (got "
                                       + std::to_string(config.maxInFlightRequestsPerConnection) + ")");
    // KafkaProducer refuses an idempotent producer with more than five requests in flight.
    if (config.idempotent() && config.maxInFlightRequestsPerConnection > kMaxInFlightWithIdempotence)
        return Status::invalidArgument("max.in.flight.requests.per.connection must be at most 5 with "
                                       "enable.idempotence (got "
                                       + std::to_string(config.maxInFlightRequestsPerConnection) + ")");
    // KafkaProducer.configureDeliveryTimeout: delivery.timeout.ms >= linger.ms + request.timeout.ms
    // (a sum beyond 64 bits is held at the maximum).
    std::int64_t minimum = 0;
    if (__builtin_add_overflow(config.lingerMs, config.requestTimeoutMs, &minimum))
        minimum = std::numeric_limits<std::int64_t>::max();
    if (config.deliveryTimeoutMs < minimum)
        return Status::invalidArgument("delivery.timeout.ms must be at least linger.ms + request.timeout.ms = "
                                       + std::to_string(minimum) + " (got "
                                       + std::to_string(config.deliveryTimeoutMs) + ")");
    return Status::ok();
}

Producer::Producer(ProducerId id, ProducerConfig config, Cluster &cluster)
    : m_id(id),
      m_config(std::move(config)),
      m_cluster(cluster),
      m_partitioner(m_config.batchSizeBytes),
      m_roundRobin(m_config.roundRobinNewBatch),
      m_accumulator(RecordAccumulator::create(accumulatorConfig(m_config)).value())
{
}

std::size_t Producer::inFlightRequests(BrokerId broker) const
{
    const auto it = m_inFlight.find(broker);
    return it == m_inFlight.end() ? 0 : it->second.size();
}

void Producer::start()
{
    if (m_config.rate)
        scheduleNextSend();
}

void Producer::scheduleNextSend()
{
    // The rate model draws the time of the next send now; the key and value distributions draw
    // when it happens (workload.h lists the draws).
    const SimTime at = m_config.rate->nextSendAfter(m_cluster.now(), m_cluster.random());
    m_cluster.scheduler().scheduleFor(Cluster::clientNode(m_id), at, EventPriority::Timer, [this] {
        std::optional<std::string> key = m_config.keys.next(m_cluster.random());
        std::string value = m_config.values.next(m_config.clientId, m_sent, m_cluster.random());
        send(std::move(key), std::move(value));
        scheduleNextSend();
    });
}

const char *produceErrorName(ProduceError error)
{
    switch (error) {
    case ProduceError::None: return "NONE";
    case ProduceError::NotLeaderOrFollower: return "NOT_LEADER_OR_FOLLOWER";
    case ProduceError::NotEnoughReplicas: return "NOT_ENOUGH_REPLICAS";
    case ProduceError::NotEnoughReplicasAfterAppend: return "NOT_ENOUGH_REPLICAS_AFTER_APPEND";
    case ProduceError::RequestTimedOut: return "REQUEST_TIMED_OUT";
    case ProduceError::OutOfOrderSequence: return "OUT_OF_ORDER_SEQUENCE_NUMBER";
    case ProduceError::InvalidProducerEpoch: return "INVALID_PRODUCER_EPOCH";
    }
    return "UNKNOWN";
}

PartitionId Producer::choosePartition(const std::string &topic, std::int32_t numPartitions,
                                      const std::vector<PartitionId> &available, const Record &record)
{
    if (m_config.partitioner == PartitionerKind::BuiltIn)
        return m_partitioner.partition(topic, record.key, std::nullopt, numPartitions, record.sizeInBytes(),
                                       m_cluster.random(), available, m_config.partitionerIgnoreKeys);
    // A custom partitioner (KafkaProducer.doSend): if the record would start a new batch, the
    // producer calls onNewBatch and asks the partitioner again (abortOnNewBatch).
    PartitionId partition = m_roundRobin.partition(topic, numPartitions, available);
    if (m_id.value() >= 0 && m_accumulator.startsNewBatch(TopicPartition{topic, partition}, record.sizeInBytes())) {
        m_roundRobin.onNewBatch(topic, partition);
        partition = m_roundRobin.partition(topic, numPartitions, available);
    }
    return partition;
}

std::optional<PartitionId> Producer::send(std::optional<std::string> key, std::optional<std::string> value,
                                          std::optional<PartitionId> explicitPartition)
{
    const Topic *topic = m_cluster.topic(m_config.topic);
    if (!topic)
        return std::nullopt;
    if (explicitPartition && (explicitPartition->value() < 0 || explicitPartition->value() >= topic->partitionCount()))
        return std::nullopt;
    Record record;
    record.timestampMs = m_cluster.clockMs(); // CreateTime
    record.key = std::move(key);
    record.value = std::move(value);
    // KafkaProducer.partition: an explicit partition wins over any partitioner.
    // Only the sticky and round-robin choices look at which partitions have a leader; a keyed
    // record hashes over all of them, so large topics do not pay for the list on every send.
    const bool hashesKey = m_config.partitioner == PartitionerKind::BuiltIn && record.key && !m_config.partitionerIgnoreKeys;
    const PartitionId partition = explicitPartition
        ? *explicitPartition
        : choosePartition(m_config.topic, topic->partitionCount(),
                          hashesKey ? std::vector<PartitionId>{} : availablePartitions(*topic), record);
    const TopicPartition tp{m_config.topic, partition};
    ++m_sent;
    // The console producer (id -1) is replaced when the user picks another topic: it sends each
    // record at once, so that nothing it scheduled outlives it.
    if (m_id.value() < 0) {
        sendDirectly(tp, std::move(record));
        return partition;
    }
    // Kafka's RecordAccumulator: the record joins its partition's batch; the sender sends the
    // batch once it is full or linger.ms after it started (and the in-flight limit allows).
    const auto appended = m_accumulator.append(tp, std::move(record), m_cluster.now());
    if (appended.batchFull)
        scheduleWake(m_cluster.now());
    else if (const auto next = m_accumulator.readyTime(tp))
        scheduleWake(*next);
    return partition;
}

void Producer::sendDirectly(const TopicPartition &tp, Record record)
{
    m_cluster.submitProduce(m_id, tp, {std::move(record)}, ProducerIdentity{}, m_config.acks, {});
}

void Producer::scheduleWake(SimTime at)
{
    at = std::max(at, m_cluster.now());
    if (m_wakeAt && *m_wakeAt <= at)
        return; // an earlier wake-up is already on its way
    m_wakeAt = at;
    m_cluster.scheduler().scheduleFor(Cluster::clientNode(m_id), at, EventPriority::Timer, [this, at] {
        if (m_wakeAt == at)
            wake();
    });
}

Producer::PartitionEntry &Producer::entry(const TopicPartition &tp)
{
    assert(tp.topic == m_config.topic && tp.partition.value() >= 0);
    const auto p = static_cast<std::size_t>(tp.partition.value());
    if (p >= m_partitions.size())
        m_partitions.resize(p + 1);
    return m_partitions[p];
}

const Producer::PartitionEntry *Producer::findEntry(const TopicPartition &tp) const
{
    assert(tp.topic == m_config.topic);
    const auto p = static_cast<std::size_t>(tp.partition.value());
    return p < m_partitions.size() ? &m_partitions[p] : nullptr;
}

bool Producer::isMuted(const TopicPartition &tp) const
{
    // Kafka's guaranteeMessageOrder (max.in.flight = 1): one batch per partition in flight.
    if (m_config.maxInFlightRequestsPerConnection != 1)
        return false;
    const PartitionEntry *partition = findEntry(tp);
    return partition && partition->inFlightBatches > 0;
}

bool Producer::waitsForEarlierSequence(const ProducerBatch &batch) const
{
    if (batch.baseSequence < 0) {
        // A new batch of a partition whose sequences belong to an older epoch waits until that
        // epoch's batches are resolved; then the partition starts again at 0.
        if (!m_config.idempotent())
            return false;
        const PartitionEntry *partition = findEntry(batch.topicPartition);
        return partition && partition->sequenceEpoch >= 0 && partition->sequenceEpoch != m_producerEpoch
            && partition->unresolvedBatches > 0;
    }
    const PartitionEntry *partition = findEntry(batch.topicPartition);
    return partition && !partition->inFlightSequences.empty()
        && partition->inFlightSequences.front() != batch.baseSequence;
}

void Producer::wake()
{
    m_wakeAt.reset();
    const SimTime now = m_cluster.now();
    const SimDuration deliveryTimeout = SimDuration::millis(m_config.deliveryTimeoutMs);
    if (const auto oldest = m_accumulator.oldestCreation(); oldest && now - *oldest >= deliveryTimeout)
        for (const ProducerBatch &batch : m_accumulator.expire(now, deliveryTimeout))
            failBatch(batch);
    maybeBumpEpoch(); // Kafka's Sender.runOnce bumps before it drains

    // Kafka's RecordAccumulator.ready: the brokers leading a partition whose oldest batch is
    // sendable (and not muted). Partitions without a leader are "sent" on their own below.
    // One pass over the partitions holding batches, nothing copied but the partitions to drain;
    // the topic is looked up once per run of partitions of the same topic.
    // Pointers to the accumulator's keys: draining one partition leaves the others' keys in place.
    // The vectors are the producer's, reused from one run to the next (a run allocates nothing).
    std::vector<LedPartition> &byLeader = m_ledScratch;
    std::vector<BrokerId> &readyBrokers = m_readyBrokersScratch;
    byLeader.clear();
    readyBrokers.clear();
    std::vector<TopicPartition> leaderless;
    std::optional<SimTime> next;
    const std::string *lastTopicName = nullptr;
    const Topic *topic = nullptr;
    m_accumulator.forEachFront([&](const TopicPartition &tp, const ProducerBatch &front) {
        if (!lastTopicName || *lastTopicName != tp.topic) {
            topic = m_cluster.topic(tp.topic);
            lastTopicName = &tp.topic;
        }
        const std::optional<BrokerId> leader =
            topic && tp.partition.value() < topic->partitionCount() ? topic->state(tp.partition).leader : std::nullopt;
        const SimTime readyAt = m_accumulator.sendableTime(front);
        if (readyAt > now)
            next = next ? std::min(*next, readyAt) : readyAt;
        if (!leader) {
            if (readyAt <= now)
                leaderless.push_back(tp);
            return;
        }
        if (readyAt <= now && !isMuted(tp))
            readyBrokers.push_back(*leader);
        // Only partitions of brokers with something ready are drained; the others wait.
        byLeader.push_back(LedPartition{*leader, byLeader.size(), &tp});
    });
    std::sort(readyBrokers.begin(), readyBrokers.end());
    readyBrokers.erase(std::unique(readyBrokers.begin(), readyBrokers.end()), readyBrokers.end());
    // By broker, and within a broker in partition order (the scan's order: a stable sort by
    // broker, without the buffer std::stable_sort allocates).
    std::sort(byLeader.begin(), byLeader.end(), [](const LedPartition &a, const LedPartition &b) {
        return std::tie(a.leader, a.scanOrder) < std::tie(b.leader, b.scanOrder);
    });

    // Kafka's drain: one request per ready broker with room on its connection, taking the oldest
    // batch of every partition the broker leads (unless muted, backing off, or a retried batch that
    // must wait for an earlier sequence). A broker at its limit is woken again by an answer.
    auto led = byLeader.begin();
    for (const BrokerId broker : readyBrokers) {
        while (led != byLeader.end() && led->leader < broker)
            ++led;
        if (inFlightRequests(broker) >= static_cast<std::size_t>(m_config.maxInFlightRequestsPerConnection))
            continue;
        std::vector<ProducerBatch> batches;
        for (; led != byLeader.end() && led->leader == broker; ++led) {
            const TopicPartition &tp = *led->tp;
            const ProducerBatch *first = m_accumulator.front(tp);
            if (isMuted(tp) || waitsForEarlierSequence(*first))
                continue;
            if (auto batch = m_accumulator.drainFront(tp, now))
                batches.push_back(std::move(*batch));
        }
        if (!batches.empty())
            sendRequest(broker, std::move(batches));
    }
    for (const TopicPartition &tp : leaderless) {
        const ProducerBatch *first = m_accumulator.front(tp);
        if (isMuted(tp) || waitsForEarlierSequence(*first))
            continue;
        if (auto batch = m_accumulator.drainFront(tp, now)) {
            std::vector<ProducerBatch> batches;
            batches.push_back(std::move(*batch));
            sendRequest(std::nullopt, std::move(batches));
        }
    }

    // A partition still sendable now was held back (in-flight limit, muted, waiting for an earlier
    // sequence): only an answer can release it, so answers wake the sender only then.
    m_heldBack = false;
    m_accumulator.forEachFront([&](const TopicPartition &, const ProducerBatch &front) {
        m_heldBack = m_heldBack || m_accumulator.sendableTime(front) <= now;
    });
    if (const auto oldest = m_accumulator.oldestCreation()) {
        const SimTime expiry = *oldest + deliveryTimeout;
        next = next ? std::min(*next, expiry) : expiry;
    }
    if (next)
        scheduleWake(*next);
}

void Producer::sendRequest(std::optional<BrokerId> broker, std::vector<ProducerBatch> batches)
{
    for (ProducerBatch &batch : batches) {
        ++batch.attempts;
        batch.retryAt.reset();
        PartitionEntry &partition = entry(batch.topicPartition);
        // The idempotent producer numbers a batch when it is first drained (Kafka's drain assigns
        // the producer id and the partition's next sequence); a retry keeps its number.
        if (m_config.idempotent() && batch.baseSequence < 0) {
            if (m_producerId < 0)
                m_producerId = m_cluster.initProducerId();
            maybeUpdatePartitionEpoch(partition);
            batch.producerId = m_producerId;
            batch.producerEpoch = m_producerEpoch;
            batch.baseSequence = partition.nextSequence;
            partition.nextSequence += static_cast<std::int32_t>(batch.records.size());
            ++partition.unresolvedBatches;
        }
        ++partition.inFlightBatches;
        if (batch.baseSequence >= 0) {
            auto &sequences = partition.inFlightSequences;
            const auto at = std::upper_bound(sequences.begin(), sequences.end(), batch.baseSequence);
            sequences.insert(at, batch.baseSequence);
        }
    }
    ++m_requestsSent;

    const auto identityOf = [](const ProducerBatch &batch) {
        if (batch.baseSequence < 0)
            return ProducerIdentity{};
        return ProducerIdentity{batch.producerId, batch.producerEpoch, batch.baseSequence};
    };
    if (m_config.acks == 0) {
        // Fire and forget: no answer comes, and the request leaves the connection at once; the
        // producer counts the records as written.
        Request request;
        request.broker = broker;
        request.batches = std::move(batches);
        for (const ProducerBatch &batch : request.batches)
            m_cluster.submitProduce(m_id, batch.topicPartition, recordsOf(batch), identityOf(batch), 0, {});
        request.answers.assign(request.batches.size(), ProduceError::None);
        completeRequest(request);
        return;
    }
    Request &request = m_requests.emplace_back();
    request.broker = broker;
    request.batches = std::move(batches);
    request.answers.assign(request.batches.size(), std::nullopt);
    request.unanswered = request.batches.size();
    request.firstAnswerId = m_nextAnswerId;
    m_nextAnswerId += request.batches.size();
    if (broker)
        m_inFlight[*broker].push_back(&request);
    for (std::size_t i = 0; i < request.batches.size(); ++i) {
        const ProducerBatch &batch = request.batches[i];
        const std::uint64_t answerId = request.firstAnswerId + i;
        m_cluster.submitProduce(m_id, batch.topicPartition, recordsOf(batch), identityOf(batch), m_config.acks,
                                [this, answerId](ProduceError error) { onAnswer(answerId, error); });
    }
    request.deadline = m_cluster.now() + SimDuration::millis(m_config.requestTimeoutMs);
    armTimeoutCheck();
}

void Producer::armTimeoutCheck()
{
    while (!m_requests.empty() && m_requests.front().done)
        m_requests.pop_front();
    if (m_requests.empty() || m_timeoutCheckAt)
        return; // nothing to watch, or a check is due no later than the oldest deadline
    const SimTime at = m_requests.front().deadline;
    m_timeoutCheckAt = at;
    m_cluster.scheduler().scheduleFor(Cluster::clientNode(m_id), at, EventPriority::Timer, [this] {
        m_timeoutCheckAt.reset();
        checkRequestTimeouts();
    });
}

void Producer::checkRequestTimeouts()
{
    while (!m_requests.empty()) {
        Request &oldest = m_requests.front();
        if (oldest.done) {
            m_requests.pop_front();
            continue;
        }
        if (oldest.deadline > m_cluster.now())
            break;
        onRequestTimeout(oldest); // completes it (and the others on its connection)
        assert(oldest.done);
        m_requests.pop_front();
    }
    armTimeoutCheck();
}

void Producer::onAnswer(std::uint64_t answerId, ProduceError error)
{
    // The request holding the id: the last one whose first id is not above it. The ids of a
    // request that left m_requests are below those of every request still there.
    const auto after = std::upper_bound(m_requests.begin(), m_requests.end(), answerId,
                                        [](std::uint64_t id, const Request &r) { return id < r.firstAnswerId; });
    if (after == m_requests.begin())
        return; // the request was done (and is gone)
    Request &request = *std::prev(after);
    const auto index = static_cast<std::size_t>(answerId - request.firstAnswerId);
    assert(index < request.answers.size());
    if (request.done || request.answers[index])
        return; // the connection was closed meanwhile, or a repeated answer
    request.answers[index] = error;
    if (--request.unanswered == 0)
        completeRequest(request);
}

void Producer::onRequestTimeout(Request &request)
{
    // Kafka's NetworkClient closes the connection of a timed-out request: every request in flight
    // on it fails (and is retried). What was answered before stays answered.
    std::vector<Request *> failed{&request};
    if (request.broker)
        if (const auto it = m_inFlight.find(*request.broker); it != m_inFlight.end())
            failed = it->second; // oldest first; includes `request`
    for (Request *r : failed) {
        if (r->done)
            continue;
        for (auto &answer : r->answers)
            if (!answer)
                answer = ProduceError::RequestTimedOut;
        r->unanswered = 0;
        completeRequest(*r);
    }
}

void Producer::completeRequest(Request &request)
{
    assert(!request.done && request.unanswered == 0);
    request.done = true;
    // An idle connection keeps its (empty) entry: brokers are few, and sending to one again then
    // allocates nothing.
    if (request.broker) {
        if (const auto it = m_inFlight.find(*request.broker); it != m_inFlight.end()) {
            auto &connection = it->second;
            connection.erase(std::remove(connection.begin(), connection.end(), &request), connection.end());
        }
    }
    for (std::size_t i = 0; i < request.batches.size(); ++i) {
        ProducerBatch &batch = request.batches[i];
        PartitionEntry &partition = entry(batch.topicPartition);
        assert(partition.inFlightBatches > 0);
        --partition.inFlightBatches;
        if (batch.baseSequence >= 0) {
            auto &sequences = partition.inFlightSequences;
            const auto it = std::lower_bound(sequences.begin(), sequences.end(), batch.baseSequence);
            assert(it != sequences.end() && *it == batch.baseSequence);
            sequences.erase(it);
        }
        completeBatch(std::move(batch), request.answers[i].value_or(ProduceError::RequestTimedOut));
    }
    maybeBumpEpoch();
    // Room on the connection or an unmuted partition: the sender runs again if it held a ready
    // batch back. (Batches not ready yet have their wake-up scheduled; a retried one schedules its
    // own at the end of its backoff.)
    if (m_heldBack)
        scheduleWake(m_cluster.now());
}

void Producer::completeBatch(ProducerBatch batch, ProduceError error)
{
    const TopicPartition &tp = batch.topicPartition;
    PartitionEntry &partition = entry(tp);
    if (error == ProduceError::None) {
        if (batch.baseSequence >= 0) {
            resolveSequence(batch);
            if (partition.sequenceEpoch == batch.producerEpoch) {
                const std::int32_t lastSequence = batch.baseSequence + static_cast<std::int32_t>(batch.records.size()) - 1;
                partition.lastAckedSequence = std::max(partition.lastAckedSequence, lastSequence);
            }
        }
        m_acknowledged += batch.records.size();
        for (const BatchedRecord &r : batch.records)
            m_cluster.noteAcknowledged(m_id, batch.topicPartition, r.record);
        return;
    }
    // Every error here is retriable (retries = MAX_INT): Kafka's canRetry holds until the batch
    // reaches delivery.timeout.ms since its creation. Without idempotence a retry after
    // NOT_ENOUGH_REPLICAS_AFTER_APPEND or a lost answer writes the records twice.
    const SimTime now = m_cluster.now();
    if (now - batch.createdAt >= SimDuration::millis(m_config.deliveryTimeoutMs)) {
        failBatch(batch);
        return;
    }
    if (error == ProduceError::InvalidProducerEpoch) {
        // Not retriable in Kafka (InvalidProducerEpochException): the batch fails, and the
        // partition's sequences restart under a new epoch.
        failBatch(batch);
        return;
    }
    if (error == ProduceError::OutOfOrderSequence && batch.baseSequence >= 0) {
        // Kafka's TransactionManager.canRetry for an idempotent producer: always retried; when the
        // batch is the next after the last acknowledged sequence (and was not renumbered), the
        // leader really lacks sequences it had acknowledged (its log lost them: an unclean
        // election, a truncation), so the epoch is bumped and the sequences start again at 0.
        const std::int64_t lastAcked = partition.lastAckedSequence;
        if (!batch.sequenceReset && batch.producerEpoch == partition.sequenceEpoch
            && static_cast<std::int64_t>(batch.baseSequence) == lastAcked + 1)
            requestEpochBump(tp);
    }
    ++m_retries;
    batch.retryAt = now + SimDuration::millis(m_config.retryBackoffMs);
    const SimTime retryAt = *batch.retryAt;
    m_accumulator.reenqueue(std::move(batch));
    scheduleWake(retryAt);
}

void Producer::failBatch(const ProducerBatch &batch)
{
    m_failed += batch.records.size();
    if (batch.baseSequence < 0)
        return;
    // TransactionManager.handleFailedBatch: a numbered batch given up leaves a hole in the
    // partition's sequences (or the leader refused its epoch): the idempotent producer bumps its
    // epoch so that the partition starts again at 0. (Kafka first waits for the partition's other
    // batches in flight when the batch expired; here their sequences are renumbered at once.)
    resolveSequence(batch);
    if (batch.producerId == m_producerId && batch.producerEpoch == entry(batch.topicPartition).sequenceEpoch)
        requestEpochBump(batch.topicPartition);
}

void Producer::resolveSequence(const ProducerBatch &batch)
{
    std::size_t &unresolved = entry(batch.topicPartition).unresolvedBatches;
    if (unresolved > 0)
        --unresolved;
}

void Producer::maybeUpdatePartitionEpoch(PartitionEntry &partition)
{
    if (partition.sequenceEpoch == m_producerEpoch)
        return;
    partition.sequenceEpoch = m_producerEpoch;
    partition.nextSequence = 0;
    partition.lastAckedSequence = -1;
}

void Producer::requestEpochBump(const TopicPartition &tp)
{
    m_partitionsToRewrite.insert(tp);
    m_epochBumpRequired = true;
}

void Producer::maybeBumpEpoch()
{
    if (!m_epochBumpRequired)
        return;
    m_epochBumpRequired = false;
    // bumpIdempotentProducerEpoch: the epoch goes up locally (a non-transactional producer needs
    // no InitProducerId for it); at Short.MAX_VALUE the producer takes a new producer id instead.
    if (m_producerEpoch == std::numeric_limits<std::int16_t>::max()) {
        m_producerId = m_cluster.initProducerId();
        m_producerEpoch = 0;
    } else {
        ++m_producerEpoch;
    }
    ++m_epochBumps;
    std::string partitions;
    for (const TopicPartition &tp : m_partitionsToRewrite) {
        // startSequencesAtBeginning: the partition's unresolved batches, in sequence order, are
        // numbered again from 0 under the new epoch, wherever they are (in flight or queued).
        std::vector<ProducerBatch *> batches;
        for (Request &request : m_requests) {
            if (request.done)
                continue;
            for (ProducerBatch &batch : request.batches)
                if (batch.topicPartition == tp && batch.baseSequence >= 0)
                    batches.push_back(&batch);
        }
        m_accumulator.forEachQueued(tp, [&batches](ProducerBatch &batch) {
            if (batch.baseSequence >= 0)
                batches.push_back(&batch);
        });
        std::stable_sort(batches.begin(), batches.end(), [](const ProducerBatch *a, const ProducerBatch *b) {
            return std::tie(a->producerEpoch, a->baseSequence) < std::tie(b->producerEpoch, b->baseSequence);
        });
        std::int32_t sequence = 0;
        for (ProducerBatch *batch : batches) {
            batch->producerId = m_producerId;
            batch->producerEpoch = m_producerEpoch;
            batch->baseSequence = sequence;
            batch->sequenceReset = true;
            sequence += static_cast<std::int32_t>(batch->records.size());
        }
        PartitionEntry &partition = entry(tp);
        partition.sequenceEpoch = m_producerEpoch;
        partition.nextSequence = sequence;
        partition.lastAckedSequence = -1;
        // The in-flight sequences follow the renumbering.
        partition.inFlightSequences.clear();
        for (const Request &request : m_requests)
            if (!request.done)
                for (const ProducerBatch &batch : request.batches)
                    if (batch.topicPartition == tp && batch.baseSequence >= 0)
                        partition.inFlightSequences.push_back(batch.baseSequence);
        std::sort(partition.inFlightSequences.begin(), partition.inFlightSequences.end());
        if (!partitions.empty())
            partitions += ",";
        partitions += tp.toString();
    }
    m_partitionsToRewrite.clear();
    m_cluster.journalProducer(JournalEventKind::ProducerEpochBumped, *this, "[" + partitions + "]", m_producerEpoch);
}

} // namespace kafkascope
