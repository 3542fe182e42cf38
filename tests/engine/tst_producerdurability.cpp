// Producers against replication: acks × min.insync.replicas, retries, and the truth accounting
// of records acknowledged and then lost (acks=1 failover, unclean election) or written twice
// (retries without idempotence).
#include "cluster/cluster.h"

#include <QtTest>

using namespace kafkascope;

namespace {

struct Setup {
    std::unique_ptr<Cluster> cluster;
    Producer *producer = nullptr;
};

// Brokers 0..n-1, topic "t" with one partition (RF, min ISR), leader 0, and a producer with
// the given acks that sends only when told.
Setup makeSetup(int brokers, int rf, int minIsr, std::int32_t acks, bool unclean = false, bool idempotent = true)
{
    Setup s;
    s.cluster = std::make_unique<Cluster>(3);
    for (int i = 1; i < brokers; ++i)
        s.cluster->addBroker();
    TopicSettings t;
    t.replicationFactor = rf;
    t.minInsyncReplicas = minIsr;
    t.uncleanLeaderElection = unclean;
    t.placementStartIndex = 0;
    if (!s.cluster->createTopic("t", 1, t).isOk())
        return s;
    ProducerConfig p;
    p.clientId = "p";
    p.topic = "t";
    p.acks = acks;
    p.enableIdempotence = idempotent;
    auto id = s.cluster->addProducer(p);
    if (id.isOk())
        s.producer = s.cluster->producers()[static_cast<std::size_t>(id.value().value())].get();
    return s;
}

void send(Setup &s, int n, const std::string &tag = "r")
{
    for (int i = 0; i < n; ++i) {
        s.producer->send(std::string("k"), tag + std::to_string(i));
        s.cluster->runUntil(s.cluster->now() + SimDuration::millis(10));
    }
}

void run(Setup &s, std::int64_t ms)
{
    s.cluster->runUntil(s.cluster->now() + SimDuration::millis(ms));
}

Cluster::DurabilityCounts counts(const Setup &s)
{
    return s.cluster->durability().at("t");
}

} // namespace

class TestProducerDurability : public QObject
{
    Q_OBJECT

private slots:
    void acksMatrix_data();
    void acksMatrix();
    void acks1LosesRecordsOnFailover();
    void acksAllKeepsThemAcrossFailover();
    void notEnoughReplicasRefusesUntilIsrIsBack();
    void retryAfterTimeoutDuplicates();
    void idempotenceDropsTheRetriedCopy();
    void uncleanElectionLosesAcknowledgedRecords();
    void idempotentProducerBumpsEpochAfterUncleanElection();
    void idempotentProducerBumpsEpochAfterExpiredBatch();
    void acks0CountsEverySend();
};

void TestProducerDurability::acksMatrix_data()
{
    QTest::addColumn<int>("acks");
    QTest::addColumn<int>("minIsr");
    QTest::addColumn<int>("brokersKilled"); // followers killed before sending (RF 3)
    QTest::addColumn<int>("acknowledged");   // of 5 sent, within 5 s
    QTest::addColumn<int>("stored");
    QTest::addRow("all-min2-healthy") << -1 << 2 << 0 << 5 << 5;
    QTest::addRow("all-min2-one-follower-down") << -1 << 2 << 1 << 5 << 5;
    QTest::addRow("all-min2-two-followers-down") << -1 << 2 << 2 << 0 << 0; // NOT_ENOUGH_REPLICAS
    QTest::addRow("all-min1-two-followers-down") << -1 << 1 << 2 << 5 << 5;
    QTest::addRow("one-min2-two-followers-down") << 1 << 2 << 2 << 5 << 5; // min ISR binds acks=all only
    QTest::addRow("zero-min3-two-followers-down") << 0 << 3 << 2 << 5 << 5;
}

void TestProducerDurability::acksMatrix()
{
    QFETCH(int, acks);
    QFETCH(int, minIsr);
    QFETCH(int, brokersKilled);
    QFETCH(int, acknowledged);
    QFETCH(int, stored);
    Setup s = makeSetup(3, 3, minIsr, acks);
    QVERIFY(s.producer);
    for (int b = 0; b < brokersKilled; ++b)
        QVERIFY(s.cluster->killBroker(BrokerId{2 - b}).isOk());
    send(s, 5);
    run(s, 5000);
    QCOMPARE(static_cast<int>(s.producer->recordsAcknowledged()), acknowledged);
    QCOMPARE(static_cast<int>(s.cluster->topic("t")->partition(PartitionId{0}).logEndOffset()), stored);
    QCOMPARE(counts(s).lost, std::uint64_t{0});
}

void TestProducerDurability::acks1LosesRecordsOnFailover()
{
    Setup s = makeSetup(3, 3, 1, 1);
    send(s, 3, "early");
    run(s, 1000);
    // The followers stop hearing from the leader; acks=1 answers after the leader's own write.
    s.cluster->network().partition({0}, {1, 2});
    send(s, 4, "late");
    run(s, 100);
    QCOMPARE(s.producer->recordsAcknowledged(), std::uint64_t{7});
    // The leader dies before the ISR shrank: a clean election picks broker 1, which never had
    // the last four records.
    QVERIFY(s.cluster->killBroker(BrokerId{0}).isOk());
    s.cluster->network().heal();
    run(s, 1000);
    QCOMPARE(s.cluster->topic("t")->state(PartitionId{0}).leader, std::optional<BrokerId>(BrokerId{1}));
    const auto c = counts(s);
    QCOMPARE(c.acknowledged, std::uint64_t{7});
    QCOMPARE(c.lost, std::uint64_t{4});
    QCOMPARE(c.duplicates, std::uint64_t{0});
}

void TestProducerDurability::acksAllKeepsThemAcrossFailover()
{
    Setup s = makeSetup(3, 3, 2, -1);
    send(s, 3, "early");
    run(s, 1000);
    s.cluster->network().partition({0}, {1, 2});
    send(s, 4, "late");
    run(s, 100);
    // acks=all: nothing past the high watermark is acknowledged.
    QCOMPARE(s.producer->recordsAcknowledged(), std::uint64_t{3});
    QVERIFY(s.cluster->killBroker(BrokerId{0}).isOk());
    s.cluster->network().heal();
    run(s, 5000); // the producer learns of the failure and retries at the new leader
    const auto c = counts(s);
    QCOMPARE(s.producer->recordsAcknowledged(), std::uint64_t{7});
    QCOMPARE(c.acknowledged, std::uint64_t{7});
    QCOMPARE(c.lost, std::uint64_t{0});
}

void TestProducerDurability::notEnoughReplicasRefusesUntilIsrIsBack()
{
    Setup s = makeSetup(3, 3, 2, -1);
    QVERIFY(s.cluster->killBroker(BrokerId{1}).isOk());
    QVERIFY(s.cluster->killBroker(BrokerId{2}).isOk());
    send(s, 2);
    run(s, 3000);
    QCOMPARE(s.producer->recordsAcknowledged(), std::uint64_t{0});
    QVERIFY(s.producer->retries() > 10); // refused, retried every 100 ms
    QCOMPARE(s.cluster->topic("t")->partition(PartitionId{0}).logEndOffset(), std::int64_t{0});
    QVERIFY(s.cluster->restartBroker(BrokerId{1}).isOk());
    run(s, 3000);
    QCOMPARE(s.producer->recordsAcknowledged(), std::uint64_t{2});
    QCOMPARE(counts(s).lost, std::uint64_t{0});
    QCOMPARE(counts(s).duplicates, std::uint64_t{0});
}

void TestProducerDurability::retryAfterTimeoutDuplicates()
{
    // RF 2, min ISR 1, acks=all: the follower is cut off, so the high watermark waits until the
    // ISR shrinks (30-45 s). The request times out at 30 s and is retried: the record is
    // written again. Both copies are acknowledged once the ISR shrinks.
    Setup s = makeSetup(2, 2, 1, -1, false, false); // enable.idempotence=false
    s.cluster->network().partition({0}, {1});
    send(s, 1);
    run(s, 60000);
    QCOMPARE(s.producer->recordsAcknowledged(), std::uint64_t{1});
    QVERIFY(s.producer->retries() >= 1);
    const auto c = counts(s);
    QCOMPARE(c.acknowledged, std::uint64_t{1});
    QCOMPARE(c.duplicates, std::uint64_t{1});
    QCOMPARE(c.lost, std::uint64_t{0});
}

void TestProducerDurability::idempotenceDropsTheRetriedCopy()
{
    // The same schedule with Kafka's default enable.idempotence=true: the retry carries the
    // same producer id and sequence, and the leader answers it without writing it again.
    Setup s = makeSetup(2, 2, 1, -1);
    s.cluster->network().partition({0}, {1});
    send(s, 3);
    run(s, 60000);
    QCOMPARE(s.producer->recordsAcknowledged(), std::uint64_t{3});
    QVERIFY(s.producer->retries() >= 3);
    const auto c = counts(s);
    QCOMPARE(c.duplicates, std::uint64_t{0});
    QCOMPARE(c.lost, std::uint64_t{0});
    QCOMPARE(s.cluster->topic("t")->partition(PartitionId{0}).logEndOffset(), std::int64_t{3});
    // The batches carry the producer id and consecutive sequences.
    const auto fetched = s.cluster->topic("t")->partition(PartitionId{0}).read(0, 1 << 20).value();
    std::string_view bytes = fetched.records;
    std::int32_t expected = 0;
    while (!bytes.empty()) {
        const auto h = readBatchHeader(bytes).value();
        QVERIFY(h.producerId >= 0);
        QCOMPARE(h.baseSequence, expected++);
        bytes.remove_prefix(h.sizeInBytes());
    }
}

void TestProducerDurability::uncleanElectionLosesAcknowledgedRecords()
{
    Setup s = makeSetup(2, 2, 1, -1, true);
    send(s, 2, "a");
    run(s, 1000);
    s.cluster->network().pause(1);
    send(s, 3, "b");
    run(s, 50000); // ISR shrinks to {0}; the three records are acknowledged (min ISR 1)
    QCOMPARE(s.producer->recordsAcknowledged(), std::uint64_t{5});
    s.cluster->network().resume(1);
    QVERIFY(s.cluster->killBroker(BrokerId{0}).isOk());
    run(s, 1000);
    const auto c = counts(s);
    QCOMPARE(c.acknowledged, std::uint64_t{5});
    QCOMPARE(c.lost, std::uint64_t{3});
}

namespace {
struct BatchIds {
    std::int64_t producerId;
    std::int16_t epoch;
    std::int32_t baseSequence;
    std::int32_t records;
};
std::vector<BatchIds> batchesOf(const PartitionLog &log)
{
    std::vector<BatchIds> out;
    const auto fetched = log.read(log.logStartOffset(), 1 << 20).value();
    std::string_view bytes = fetched.records;
    while (!bytes.empty()) {
        const auto h = readBatchHeader(bytes).value();
        out.push_back(BatchIds{h.producerId, h.producerEpoch, h.baseSequence, h.lastOffsetDelta + 1});
        bytes.remove_prefix(h.sizeInBytes());
    }
    return out;
}
std::vector<const JournalEvent *> journalled(const Cluster &c, JournalEventKind kind)
{
    std::vector<const JournalEvent *> out;
    for (const JournalEvent &e : c.journal().events())
        if (e.kind == kind)
            out.push_back(&e);
    return out;
}
} // namespace

void TestProducerDurability::idempotentProducerBumpsEpochAfterUncleanElection()
{
    // KIP-360: after the unclean election the new leader has only sequences 0-1 of the producer,
    // which had 0-4 acknowledged. Its next batch (sequence 5) is OUT_OF_ORDER_SEQUENCE_NUMBER; it
    // is the batch right after the last acknowledged one, so the producer bumps its epoch and
    // numbers the partition's batches from 0 again, and the leader takes them (a new epoch
    // starting at 0). Without the bump it would be refused until delivery.timeout.ms.
    Setup s = makeSetup(2, 2, 1, -1, true);
    send(s, 2, "a");
    run(s, 1000);
    s.cluster->network().pause(1);
    send(s, 3, "b");
    run(s, 50000);
    s.cluster->network().resume(1);
    QVERIFY(s.cluster->killBroker(BrokerId{0}).isOk());
    QCOMPARE(s.producer->producerEpoch(), std::int16_t{0});
    send(s, 3, "c");
    run(s, 2000);
    QCOMPARE(s.producer->recordsAcknowledged(), std::uint64_t{8});
    QCOMPARE(s.producer->recordsFailed(), std::uint64_t{0});
    QCOMPARE(s.producer->epochBumps(), std::uint64_t{1});
    QCOMPARE(s.producer->producerEpoch(), std::int16_t{1});
    const auto bumps = journalled(*s.cluster, JournalEventKind::ProducerEpochBumped);
    QCOMPARE(bumps.size(), std::size_t{1});
    QCOMPARE(bumps[0]->detail, std::string("p [t-0]"));
    QCOMPARE(bumps[0]->count, std::int64_t{1});
    // The leader's log: a0 a1 under epoch 0, then c0 c1 c2 under epoch 1 from sequence 0.
    const PartitionLog &log = s.cluster->topic("t")->partition(PartitionId{0});
    QCOMPARE(log.logEndOffset(), std::int64_t{5});
    std::int32_t expected[2] = {0, 0};
    for (const BatchIds &b : batchesOf(log)) {
        QCOMPARE(b.producerId, s.producer->producerId());
        QVERIFY(b.epoch == 0 || b.epoch == 1);
        QCOMPARE(b.baseSequence, expected[b.epoch]);
        expected[b.epoch] += b.records;
    }
    QCOMPARE(expected[0], 2);
    QCOMPARE(expected[1], 3);
    QCOMPARE(counts(s).duplicates, std::uint64_t{0});
}

void TestProducerDurability::idempotentProducerBumpsEpochAfterExpiredBatch()
{
    // A numbered batch that fails for good (delivery.timeout.ms) leaves a hole in its partition's
    // sequences: Kafka's TransactionManager bumps the epoch, so the next batch starts a new epoch
    // at sequence 0 instead of being refused as out of order forever.
    auto cluster = std::make_unique<Cluster>(5);
    QVERIFY(cluster->createTopic("t", 1).isOk());
    ProducerConfig p;
    p.clientId = "p";
    p.topic = "t";
    p.requestTimeoutMs = 500;
    p.deliveryTimeoutMs = 1000;
    const ProducerId id = cluster->addProducer(p).value();
    Producer &producer = *cluster->producers()[static_cast<std::size_t>(id.value())];
    producer.send(std::string("k"), std::string("r0"));
    cluster->runUntil(cluster->now() + SimDuration::millis(100));
    QCOMPARE(producer.recordsAcknowledged(), std::uint64_t{1});
    cluster->network().pause(0); // the broker hears nothing: r1's attempts time out
    producer.send(std::string("k"), std::string("r1"));
    cluster->runUntil(cluster->now() + SimDuration::millis(1500));
    QCOMPARE(producer.recordsFailed(), std::uint64_t{1});
    QCOMPARE(producer.epochBumps(), std::uint64_t{1});
    cluster->network().resume(0);
    producer.send(std::string("k"), std::string("r2"));
    cluster->runUntil(cluster->now() + SimDuration::millis(500));
    QCOMPARE(producer.recordsAcknowledged(), std::uint64_t{2});
    const auto batches = batchesOf(cluster->topic("t")->partition(PartitionId{0}));
    QCOMPARE(batches.size(), std::size_t{2});
    QCOMPARE(batches[1].epoch, std::int16_t{1});
    QCOMPARE(batches[1].baseSequence, 0);
}

void TestProducerDurability::acks0CountsEverySend()
{
    Setup s = makeSetup(1, 1, 1, 0);
    QVERIFY(s.cluster->killBroker(BrokerId{0}).isOk());
    send(s, 3);
    run(s, 1000);
    // Fire and forget: counted as sent, and lost, since nobody was there.
    QCOMPARE(s.producer->recordsAcknowledged(), std::uint64_t{3});
    QCOMPARE(counts(s).lost, std::uint64_t{3});
    QCOMPARE(s.cluster->recordsRejected(), std::uint64_t{3});
}

QTEST_APPLESS_MAIN(TestProducerDurability)
#include "tst_producerdurability.moc"
