// The simulated producer end to end through a cluster: workload models (keys, rate, values),
// partitioners (built-in, RoundRobinPartitioner, explicit partition, partitioner.ignore.keys),
// max.in.flight.requests.per.connection, ordering and duplicates under retries, and the config
// checks.
#include "client/murmur2.h"
#include "cluster/cluster.h"
#include "cluster/producer_state.h"

#include <QtTest>

#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <set>

using namespace kafkascope;

namespace {

struct Setup {
    std::unique_ptr<Cluster> cluster;
    Producer *producer = nullptr;
};

// `brokers` brokers, topic "t" with `partitions` partitions (RF, min ISR, placement from broker 0)
// and one producer with `config` (its topic set to "t").
Setup makeSetup(ProducerConfig config, int partitions, int brokers = 1, int rf = 1, int minIsr = 1,
                std::uint64_t seed = 17)
{
    Setup s;
    s.cluster = std::make_unique<Cluster>(seed);
    for (int i = 1; i < brokers; ++i)
        s.cluster->addBroker();
    TopicSettings t;
    t.replicationFactor = rf;
    t.minInsyncReplicas = minIsr;
    t.placementStartIndex = 0;
    if (!s.cluster->createTopic("t", partitions, t).isOk())
        return s;
    config.topic = "t";
    auto id = s.cluster->addProducer(config);
    if (id.isOk())
        s.producer = s.cluster->producers()[static_cast<std::size_t>(id.value().value())].get();
    return s;
}

void run(Setup &s, std::int64_t ms)
{
    s.cluster->runUntil(s.cluster->now() + SimDuration::millis(ms));
}

std::vector<Record> logOf(const Cluster &c, int partition)
{
    const PartitionLog &log = c.topic("t")->partition(PartitionId{partition});
    auto records = log.readRecords(log.logStartOffset(), std::numeric_limits<std::size_t>::max());
    return records.isOk() ? records.value() : std::vector<Record>{};
}

std::vector<Record> wholeTopic(const Cluster &c)
{
    std::vector<Record> out;
    for (int p = 0; p < c.topic("t")->partitionCount(); ++p) {
        auto records = logOf(c, p);
        out.insert(out.end(), records.begin(), records.end());
    }
    return out;
}

// The send index in a value "v<i>" (the tests' own sends).
int indexOf(const Record &r)
{
    return std::stoi(r.value.value_or("v-1").substr(1));
}

// Within `binomial` sigmas of n*p, plus one for the smallest counts.
bool nearExpected(double observed, double n, double p, double sigmas = 5.0)
{
    return std::abs(observed - n * p) <= sigmas * std::sqrt(n * p * (1.0 - p)) + 1.0;
}

// How a log's record order departs from the send order: records that first appear after a record
// sent later (reordered), and repeated records (duplicates).
struct OrderCheck {
    int reordered = 0;
    int duplicates = 0;
    std::set<int> present;
};
OrderCheck checkOrder(const std::vector<Record> &log)
{
    OrderCheck out;
    int highest = -1;
    for (const Record &r : log) {
        const int i = indexOf(r);
        if (!out.present.insert(i).second) {
            ++out.duplicates;
            continue;
        }
        if (i < highest)
            ++out.reordered;
        highest = std::max(highest, i);
    }
    return out;
}

using KD = KeyDistribution;
using MakeKeys = std::function<KeyDistribution()>;
using KeyProbability = std::function<double(std::size_t)>;
using ConfigChange = std::function<void(ProducerConfig &)>;

} // namespace

Q_DECLARE_METATYPE(MakeKeys)
Q_DECLARE_METATYPE(KeyProbability)
Q_DECLARE_METATYPE(ConfigChange)
Q_DECLARE_METATYPE(RoundRobinPartitioner::NewBatchBehaviour)
Q_DECLARE_METATYPE(PartitionerKind)

class TestProducer : public QObject
{
    Q_OBJECT

private slots:
    void leaderSequenceChecks_data();
    void leaderSequenceChecks();
    void keyDistributionThroughProducer_data();
    void keyDistributionThroughProducer();
    void fixedIntervalSendsOnItsGrid();
    void valueSizesFollowTheGenerator();
    void burstsSendNothingWhileOff();
    void noRateSendsOnlyOnRequest();
    void roundRobinSpreadsAsKafka_data();
    void roundRobinSpreadsAsKafka();
    void explicitPartition_data();
    void explicitPartition();
    void ignoreKeysSpreadsKeyedRecordsLikeNullKeys();
    void maxInFlightIsNeverExceeded_data();
    void maxInFlightIsNeverExceeded();
    void orderingUnderRetries_data();
    void orderingUnderRetries();
    void configValidation_data();
    void configValidation();
    void addProducerReportsTheField();
    void rateModelRefusesNonPositiveRates_data();
    void rateModelRefusesNonPositiveRates();
};

// --- Workload models through the producer ------------------------------------------------------

void TestProducer::keyDistributionThroughProducer_data()
{
    QTest::addColumn<MakeKeys>("make");
    // Expected probability of key number i (empty: null keys only).
    QTest::addColumn<KeyProbability>("probability");
    QTest::addRow("uniform-4") << MakeKeys([] { return KD::uniform({"a", "b", "c", "d"}).value(); })
                               << KeyProbability([](std::size_t) { return 0.25; });
    QTest::addRow("hot-2-of-10-share-0.8")
        << MakeKeys([] { return KD::hotKeys(10, 2, 0.8).value(); })
        << KeyProbability([](std::size_t i) { return i < 2 ? 0.4 : 0.2 / 8; });
    QTest::addRow("zipf-5-s1.2") << MakeKeys([] { return KD::zipf(5, 1.2).value(); })
                                 << KeyProbability([](std::size_t i) {
                                        double h = 0;
                                        for (int k = 1; k <= 5; ++k)
                                            h += std::pow(k, -1.2);
                                        return std::pow(static_cast<double>(i + 1), -1.2) / h;
                                    });
    QTest::addRow("null-keys") << MakeKeys([] { return KD::nullKeys(); })
                               << KeyProbability();
}

void TestProducer::keyDistributionThroughProducer()
{
    QFETCH(MakeKeys, make);
    QFETCH(KeyProbability, probability);
    ProducerConfig p;
    p.clientId = "p";
    p.keys = make();
    p.rate = RateModel::fixedInterval(1000).value();
    p.acks = 1;
    Setup s = makeSetup(p, 3);
    QVERIFY(s.producer);
    run(s, 20000);
    QCOMPARE(s.producer->recordsSent(), std::uint64_t{20000}); // the rate model drives the sends
    const auto records = wholeTopic(*s.cluster);                // all but the last few, in flight
    const double n = static_cast<double>(records.size());
    QVERIFY(records.size() > 19900);
    std::map<std::string, int> counts;
    int nulls = 0;
    for (const Record &r : records) {
        if (r.key)
            ++counts[*r.key];
        else
            ++nulls;
    }
    if (!probability) {
        QCOMPARE(nulls, static_cast<int>(records.size()));
        return;
    }
    QCOMPARE(nulls, 0);
    const KeyDistribution &keys = s.producer->config().keys;
    QCOMPARE(counts.size(), keys.keyCount());
    for (std::size_t i = 0; i < keys.keyCount(); ++i) {
        const int c = counts[keys.keyAt(i)];
        QVERIFY2(nearExpected(c, n, probability(i)),
                 qPrintable(QStringLiteral("key %1: %2 of %3, expected p=%4")
                                .arg(QString::fromStdString(keys.keyAt(i)))
                                .arg(c)
                                .arg(n)
                                .arg(probability(i))));
    }
    // Keyed records land in their murmur2 partition.
    for (int part = 0; part < 3; ++part)
        for (const Record &r : logOf(*s.cluster, part))
            QCOMPARE(partitionForKey(*r.key, 3), part);
}

void TestProducer::fixedIntervalSendsOnItsGrid()
{
    ProducerConfig p;
    p.rate = RateModel::fixedInterval(250).value(); // every 4 ms, first at 4 ms
    p.acks = 1;
    Setup s = makeSetup(p, 1);
    QVERIFY(s.producer);
    run(s, 1000);
    QCOMPARE(s.producer->recordsSent(), std::uint64_t{250});
    const auto records = logOf(*s.cluster, 0);
    QVERIFY(!records.empty());
    for (std::size_t i = 0; i < records.size(); ++i)
        QCOMPARE(records[i].timestampMs - Cluster::kSimulationEpochMs, static_cast<std::int64_t>(4 * (i + 1)));
}

void TestProducer::valueSizesFollowTheGenerator()
{
    ProducerConfig p;
    p.clientId = "p";
    p.rate = RateModel::constant(2000).value();
    p.values = ValueGenerator::uniformSize(10, 50).value();
    p.acks = 1;
    Setup s = makeSetup(p, 1);
    QVERIFY(s.producer);
    run(s, 2000);
    const auto records = logOf(*s.cluster, 0);
    QVERIFY(records.size() > 3000);
    std::set<std::size_t> sizes;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const std::string &v = *records[i].value;
        sizes.insert(v.size());
        // The readable label counts the producer's sends in order.
        QVERIFY2(v.rfind("p#" + std::to_string(i), 0) == 0, v.c_str());
    }
    QCOMPARE(*sizes.begin(), std::size_t{10});
    QCOMPARE(*sizes.rbegin(), std::size_t{50});
    QCOMPARE(sizes.size(), std::size_t{41}); // every size of the range occurs in ~4000 draws
}

void TestProducer::burstsSendNothingWhileOff()
{
    ProducerConfig p;
    p.rate = RateModel::bursts(500, SimDuration::millis(200), SimDuration::millis(300)).value();
    p.acks = 1;
    Setup s = makeSetup(p, 1);
    QVERIFY(s.producer);
    run(s, 5000);
    const auto records = logOf(*s.cluster, 0);
    std::set<std::int64_t> periodsWithRecords;
    for (const Record &r : records) {
        const std::int64_t t = r.timestampMs - Cluster::kSimulationEpochMs;
        QVERIFY2(t % 500 < 200, qPrintable(QString::number(t)));
        periodsWithRecords.insert(t / 500);
    }
    QCOMPARE(periodsWithRecords.size(), std::size_t{10}); // every on-period sent something
    // 500/s for 40 % of 5 s: 1000 records, Poisson.
    QVERIFY2(std::abs(static_cast<double>(records.size()) - 1000.0) < 5 * std::sqrt(1000.0),
             qPrintable(QString::number(records.size())));
    QCOMPARE(static_cast<std::uint64_t>(records.size()), s.producer->recordsSent());
}

void TestProducer::noRateSendsOnlyOnRequest()
{
    ProducerConfig p;
    p.keys = KD::uniform(5).value(); // keys are for the workload only
    Setup s = makeSetup(p, 2);
    QVERIFY(s.producer);
    run(s, 10000);
    QCOMPARE(s.producer->recordsSent(), std::uint64_t{0});
    QVERIFY(s.producer->send(std::nullopt, std::string("v0")).has_value());
    run(s, 100);
    QCOMPARE(s.producer->recordsSent(), std::uint64_t{1});
    QCOMPARE(s.producer->recordsAcknowledged(), std::uint64_t{1});
}

// --- Partitioners ----------------------------------------------------------------------------

void TestProducer::roundRobinSpreadsAsKafka_data()
{
    using B = RoundRobinPartitioner::NewBatchBehaviour;
    QTest::addColumn<int>("partitions");
    QTest::addColumn<B>("behaviour");
    QTest::addColumn<bool>("together"); // all records at one instant (open batches) or 10 ms apart
    QTest::addColumn<bool>("oddBrokerDown"); // two brokers, RF 1: the odd partitions are offline
    QTest::addColumn<QString>("expected");
    // Kafka 4.0 (KAFKA-17632): a plain rotation.
    QTest::addRow("4.0-4-partitions") << 4 << B::ReturnPrevious << false << false << "0,1,2,3,0,1,2,3";
    QTest::addRow("4.0-3-partitions") << 3 << B::ReturnPrevious << false << false << "0,1,2,0,1,2,0,1";
    QTest::addRow("4.0-together") << 4 << B::ReturnPrevious << true << false << "0,1,2,3,0,1,2,3";
    // Only available partitions (with a leader) are dealt.
    QTest::addRow("4.0-two-available") << 4 << B::ReturnPrevious << false << true << "0,2,0,2,0,2,0,2";
    // Kafka 2.4-3.9.0: every record that starts a batch asks twice, so the counter moves by two:
    // half of an even number of partitions (KAFKA-16283).
    QTest::addRow("3.x-4-partitions") << 4 << B::AdvanceAgain << false << false << "1,3,1,3,1,3,1,3";
    QTest::addRow("3.x-3-partitions") << 3 << B::AdvanceAgain << false << false << "1,0,2,1,0,2,1,0";
    // Records joining an open batch ask once: partition 2 never gets the new batch it is asked for.
    QTest::addRow("3.x-3-together") << 3 << B::AdvanceAgain << true << false << "1,0,1,0,1,0,1,0";
    QTest::addRow("3.x-4-together") << 4 << B::AdvanceAgain << true << false << "1,3,1,3,1,3,1,3";
    QTest::addRow("3.x-two-available") << 4 << B::AdvanceAgain << false << true << "2,2,2,2,2,2,2,2";
}

void TestProducer::roundRobinSpreadsAsKafka()
{
    QFETCH(int, partitions);
    QFETCH(RoundRobinPartitioner::NewBatchBehaviour, behaviour);
    QFETCH(bool, together);
    QFETCH(bool, oddBrokerDown);
    QFETCH(QString, expected);
    ProducerConfig p;
    p.partitioner = PartitionerKind::RoundRobin;
    p.roundRobinNewBatch = behaviour;
    p.acks = 1;
    if (together)
        p.lingerMs = 1000;
    Setup s = makeSetup(p, partitions, oddBrokerDown ? 2 : 1);
    QVERIFY(s.producer);
    if (oddBrokerDown)
        QVERIFY(s.cluster->killBroker(BrokerId{1}).isOk());
    QStringList got;
    std::map<int, int> sentTo;
    for (int i = 0; i < 8; ++i) {
        // Keys are ignored: every record has the same one.
        const auto partition = s.producer->send(std::string("same-key"), "v" + std::to_string(i));
        QVERIFY(partition);
        got << QString::number(partition->value());
        ++sentTo[partition->value()];
        if (!together)
            run(s, 10);
    }
    QCOMPARE(got.join(QLatin1Char(',')), expected);
    run(s, 2000);
    for (int part = 0; part < partitions; ++part)
        QCOMPARE(static_cast<int>(logOf(*s.cluster, part).size()), sentTo[part]);
}

void TestProducer::explicitPartition_data()
{
    QTest::addColumn<PartitionerKind>("partitioner");
    QTest::addRow("built-in") << PartitionerKind::BuiltIn;
    QTest::addRow("round-robin") << PartitionerKind::RoundRobin;
}

void TestProducer::explicitPartition()
{
    QFETCH(PartitionerKind, partitioner);
    ProducerConfig p;
    p.partitioner = partitioner;
    Setup s = makeSetup(p, 4);
    QVERIFY(s.producer);
    // "b" hashes to partition 0 of 4; the explicit partition wins.
    QCOMPARE(partitionForKey("b", 4), 0);
    QCOMPARE(s.producer->send(std::string("b"), std::string("v0"), PartitionId{3}), std::optional<PartitionId>(PartitionId{3}));
    // Out of range: refused, nothing sent (Kafka: "Invalid partition given with record").
    QCOMPARE(s.producer->send(std::string("b"), std::string("v1"), PartitionId{4}), std::optional<PartitionId>());
    QCOMPARE(s.producer->send(std::string("b"), std::string("v2"), PartitionId{-1}), std::optional<PartitionId>());
    QCOMPARE(s.producer->recordsSent(), std::uint64_t{1});
    run(s, 100);
    QCOMPARE(logOf(*s.cluster, 3).size(), std::size_t{1});
    QCOMPARE(*logOf(*s.cluster, 3).front().value, std::string("v0"));
    if (partitioner == PartitionerKind::RoundRobin) {
        // The partitioner was not consulted: its counter still starts at partition 0.
        QCOMPARE(s.producer->send(std::string("b"), std::string("v3")), std::optional<PartitionId>(PartitionId{0}));
        run(s, 10);
        QCOMPARE(s.producer->send(std::string("b"), std::string("v4")), std::optional<PartitionId>(PartitionId{1}));
    }
}

void TestProducer::ignoreKeysSpreadsKeyedRecordsLikeNullKeys()
{
    const std::vector<std::string> keys{"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"};
    std::set<int> hashed;
    for (const auto &k : keys)
        hashed.insert(partitionForKey(k, 4));
    QVERIFY(hashed.size() > 1); // the keys hash to several partitions

    for (const bool ignore : {false, true}) {
        ProducerConfig p;
        p.partitionerIgnoreKeys = ignore;
        Setup s = makeSetup(p, 4);
        QVERIFY(s.producer);
        std::set<int> used;
        for (const auto &k : keys) {
            const auto partition = s.producer->send(k, std::string("v"));
            QVERIFY(partition);
            used.insert(partition->value());
            if (!ignore)
                QCOMPARE(partition->value(), partitionForKey(k, 4));
            run(s, 10);
        }
        // Ignoring keys, eight small records stay on the sticky partition (batch.size 16384).
        QCOMPARE(used.size(), ignore ? std::size_t{1} : hashed.size());
    }
}

// --- max.in.flight.requests.per.connection and ordering --------------------------------------

void TestProducer::maxInFlightIsNeverExceeded_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("idempotence");
    QTest::addRow("1") << 1 << false;
    QTest::addRow("2") << 2 << false;
    QTest::addRow("5-idempotent") << 5 << true;
    QTest::addRow("8") << 8 << false;
}

void TestProducer::maxInFlightIsNeverExceeded()
{
    QFETCH(int, limit);
    QFETCH(bool, idempotence);
    // acks=all on RF 3: a request waits for the followers' fetches (several ms), while records
    // arrive every 0.2 ms, so the limit binds.
    ProducerConfig p;
    p.rate = RateModel::fixedInterval(5000).value();
    p.keys = KD::uniform(12).value();
    p.lingerMs = 0;
    p.maxInFlightRequestsPerConnection = limit;
    p.enableIdempotence = idempotence;
    Setup s = makeSetup(p, 6, 3, 3, 2);
    QVERIFY(s.producer);
    const SimTime end = SimTime::fromMillis(2000);
    std::map<BrokerId, std::size_t> highest;
    while (s.cluster->runUntil(end, 1) == 1) {
        for (const auto &[id, info] : s.cluster->brokers())
            highest[id] = std::max(highest[id], s.producer->inFlightRequests(id));
    }
    for (const auto &[id, most] : highest) {
        QVERIFY2(most <= static_cast<std::size_t>(limit), qPrintable(QString::number(most)));
        QCOMPARE(most, static_cast<std::size_t>(limit)); // the limit was reached on every leader
    }
    QCOMPARE(highest.size(), std::size_t{3});
    // Batches grew while they waited: fewer requests than records.
    QVERIFY(s.producer->requestsSent() < s.producer->recordsSent());
    run(s, 1000);
    QVERIFY(s.producer->recordsAcknowledged() > 9000);
    QCOMPARE(s.cluster->durability().at("t").duplicates, std::uint64_t{0});
}

void TestProducer::orderingUnderRetries_data()
{
    QTest::addColumn<bool>("idempotence");
    QTest::addColumn<int>("maxInFlight");
    QTest::addColumn<bool>("failover"); // RF 3 and the leader killed, instead of a lossy network
    QTest::addColumn<bool>("expectReordered");
    QTest::addColumn<bool>("duplicatesAllowed");
    QTest::addRow("idempotent-5-loss") << true << 5 << false << false << false;
    QTest::addRow("idempotent-1-loss") << true << 1 << false << false << false;
    QTest::addRow("idempotent-5-failover") << true << 5 << true << false << false;
    // Without idempotence, a retried batch lands after batches sent after it, and a retry of a
    // batch whose answer was lost writes it again.
    QTest::addRow("plain-5-loss") << false << 5 << false << true << true;
    // max.in.flight 1 keeps the order (duplicates remain possible).
    QTest::addRow("plain-1-loss") << false << 1 << false << false << true;
}

void TestProducer::orderingUnderRetries()
{
    QFETCH(bool, idempotence);
    QFETCH(int, maxInFlight);
    QFETCH(bool, failover);
    QFETCH(bool, expectReordered);
    QFETCH(bool, duplicatesAllowed);
    ProducerConfig p;
    p.enableIdempotence = idempotence;
    p.acks = idempotence ? -1 : 1;
    p.maxInFlightRequestsPerConnection = maxInFlight;
    p.lingerMs = 0;
    p.requestTimeoutMs = 300;
    p.retryBackoffMs = 50;
    const int partitions = 2;
    Setup s = failover ? makeSetup(p, partitions, 3, 3, 2) : makeSetup(p, partitions);
    QVERIFY(s.producer);
    if (!failover)
        s.cluster->network().setLossProbability(0.1);

    const int n = 600;
    std::map<int, std::vector<int>> sentTo; // partition -> send indices, in send order
    for (int i = 0; i < n; ++i) {
        if (failover && i == 100)
            QVERIFY(s.cluster->killBroker(BrokerId{0}).isOk()); // leader of partition 0
        if (failover && i == 400)
            QVERIFY(s.cluster->restartBroker(BrokerId{0}).isOk());
        const auto partition = s.producer->send("key-" + std::to_string(i % 7), "v" + std::to_string(i));
        QVERIFY(partition);
        sentTo[partition->value()].push_back(i);
        run(s, 2);
    }
    s.cluster->network().setLossProbability(0.0);
    run(s, 60000);

    QCOMPARE(s.producer->recordsFailed(), std::uint64_t{0});
    QCOMPARE(s.producer->recordsAcknowledged(), std::uint64_t{n});
    QVERIFY(s.producer->retries() > 0); // the faults did hit the producer
    int reordered = 0;
    int duplicates = 0;
    for (int part = 0; part < partitions; ++part) {
        const auto log = logOf(*s.cluster, part);
        const OrderCheck check = checkOrder(log);
        reordered += check.reordered;
        duplicates += check.duplicates;
        // Nothing acknowledged is missing.
        QCOMPARE(check.present, std::set<int>(sentTo[part].begin(), sentTo[part].end()));
        if (!expectReordered && !duplicatesAllowed) {
            // The log is exactly the send order.
            std::vector<int> order;
            for (const Record &r : log)
                order.push_back(indexOf(r));
            QCOMPARE(order, sentTo[part]);
        }
    }
    qInfo("reordered %d, duplicates %d, retries %llu", reordered, duplicates,
          static_cast<unsigned long long>(s.producer->retries()));
    if (expectReordered)
        QVERIFY(reordered > 0);
    else
        QCOMPARE(reordered, 0);
    if (!duplicatesAllowed)
        QCOMPARE(duplicates, 0);
    else if (expectReordered)
        QVERIFY(duplicates > 0); // this seed's lost answers do write records twice
}

// --- Configuration -----------------------------------------------------------------------------

void TestProducer::configValidation_data()
{
    QTest::addColumn<ConfigChange>("change");
    QTest::addColumn<QString>("error"); // empty: valid; else a part of the message
    QTest::addRow("defaults") << ConfigChange([](ProducerConfig &) {}) << "";
    QTest::addRow("acks-2") << ConfigChange([](ProducerConfig &c) { c.acks = 2; }) << "acks";
    QTest::addRow("acks-minus-2") << ConfigChange([](ProducerConfig &c) { c.acks = -2; }) << "acks";
    QTest::addRow("acks-0") << ConfigChange([](ProducerConfig &c) { c.acks = 0; }) << "";
    QTest::addRow("linger-negative") << ConfigChange([](ProducerConfig &c) { c.lingerMs = -1; }) << "linger.ms";
    QTest::addRow("linger-0") << ConfigChange([](ProducerConfig &c) { c.lingerMs = 0; }) << "";
    // Kafka documents batch.size=0 as "no batching"; only its int range bounds it.
    QTest::addRow("batch-size-0") << ConfigChange([](ProducerConfig &c) { c.batchSizeBytes = 0; }) << "";
    QTest::addRow("batch-size-2^31") << ConfigChange([](ProducerConfig &c) { c.batchSizeBytes = std::size_t{1} << 31; })
                                     << "batch.size";
    QTest::addRow("max-in-flight-0") << ConfigChange([](ProducerConfig &c) { c.maxInFlightRequestsPerConnection = 0; })
                                     << "max.in.flight.requests.per.connection must be at least 1";
    QTest::addRow("max-in-flight-5-idempotent")
        << ConfigChange([](ProducerConfig &c) { c.maxInFlightRequestsPerConnection = 5; }) << "";
    QTest::addRow("max-in-flight-6-idempotent")
        << ConfigChange([](ProducerConfig &c) { c.maxInFlightRequestsPerConnection = 6; })
        << "max.in.flight.requests.per.connection must be at most 5 with enable.idempotence";
    QTest::addRow("max-in-flight-6-no-idempotence") << ConfigChange([](ProducerConfig &c) {
        c.maxInFlightRequestsPerConnection = 6;
        c.enableIdempotence = false;
    }) << "";
    // Idempotence is in effect with acks=all only.
    QTest::addRow("max-in-flight-6-acks-1") << ConfigChange([](ProducerConfig &c) {
        c.maxInFlightRequestsPerConnection = 6;
        c.acks = 1;
    }) << "";
    QTest::addRow("delivery-timeout-below-sum") << ConfigChange([](ProducerConfig &c) {
        c.lingerMs = 5;
        c.requestTimeoutMs = 30000;
        c.deliveryTimeoutMs = 30004;
    }) << "delivery.timeout.ms must be at least linger.ms + request.timeout.ms = 30005";
    QTest::addRow("delivery-timeout-equal-sum") << ConfigChange([](ProducerConfig &c) {
        c.lingerMs = 5;
        c.requestTimeoutMs = 30000;
        c.deliveryTimeoutMs = 30005;
    }) << "";
    QTest::addRow("request-timeout-negative") << ConfigChange([](ProducerConfig &c) { c.requestTimeoutMs = -1; })
                                              << "request.timeout.ms";
    QTest::addRow("retry-backoff-negative") << ConfigChange([](ProducerConfig &c) { c.retryBackoffMs = -1; })
                                            << "retry.backoff.ms";
}

void TestProducer::configValidation()
{
    QFETCH(ConfigChange, change);
    QFETCH(QString, error);
    ProducerConfig config;
    config.topic = "t";
    change(config);
    const Status st = validateProducerConfig(config);
    if (error.isEmpty()) {
        QVERIFY2(st.isOk(), st.message().c_str());
        return;
    }
    QVERIFY(!st.isOk());
    QCOMPARE(st.code(), Status::Code::InvalidArgument);
    QVERIFY2(QString::fromStdString(st.message()).contains(error), st.message().c_str());
}

void TestProducer::addProducerReportsTheField()
{
    Cluster c(1);
    QVERIFY(c.createTopic("t", 1).isOk());
    ProducerConfig p;
    p.clientId = "billing";
    p.topic = "t";
    p.maxInFlightRequestsPerConnection = 0;
    const auto r = c.addProducer(p);
    QCOMPARE(r.status().code(), Status::Code::InvalidArgument);
    QCOMPARE(QString::fromStdString(r.status().message()),
             QStringLiteral("producer 'billing': max.in.flight.requests.per.connection must be at least 1 (got 0)"));
    p.maxInFlightRequestsPerConnection = 1;
    p.topic = "missing";
    QCOMPARE(c.addProducer(p).status().code(), Status::Code::NotFound);
    QVERIFY(c.producers().empty());
}

void TestProducer::rateModelRefusesNonPositiveRates_data()
{
    QTest::addColumn<double>("rate");
    QTest::addRow("zero") << 0.0;
    QTest::addRow("negative") << -1.0;
    QTest::addRow("nan") << std::nan("");
}

void TestProducer::rateModelRefusesNonPositiveRates()
{
    // A producer's rate comes from a RateModel, whose factories refuse a rate <= 0, so no config
    // can hold one.
    QFETCH(double, rate);
    for (const auto &model : {RateModel::constant(rate), RateModel::fixedInterval(rate),
                              RateModel::bursts(rate, SimDuration::millis(1), SimDuration::millis(1))}) {
        QVERIFY(!model.isOk());
        QVERIFY2(model.status().message().find("recordsPerSecond") != std::string::npos,
                 model.status().message().c_str());
    }
}

void TestProducer::leaderSequenceChecks_data()
{
    // Kafka's ProducerAppendInfo checks at the leader (producer_state.h). Entry epoch -1: the
    // leader has no state for the producer.
    QTest::addColumn<int>("entryEpoch");
    QTest::addColumn<int>("entryLast");
    QTest::addColumn<int>("epoch");
    QTest::addColumn<int>("sequence");
    QTest::addColumn<int>("expected");
    const int append = static_cast<int>(SequenceCheck::Append);
    const int duplicate = static_cast<int>(SequenceCheck::Duplicate);
    const int outOfOrder = static_cast<int>(SequenceCheck::OutOfOrder);
    const int invalidEpoch = static_cast<int>(SequenceCheck::InvalidEpoch);
    QTest::addRow("no-state-any-sequence") << -1 << -1 << 0 << 57 << append;
    QTest::addRow("next-in-sequence") << 0 << 4 << 0 << 5 << append;
    QTest::addRow("retried-duplicate") << 0 << 4 << 0 << 3 << duplicate;
    QTest::addRow("gap-after-unclean-election") << 0 << 1 << 0 << 5 << outOfOrder;
    QTest::addRow("new-epoch-from-zero") << 0 << 1 << 1 << 0 << append;
    QTest::addRow("new-epoch-not-zero") << 0 << 1 << 1 << 2 << outOfOrder;
    QTest::addRow("older-epoch") << 2 << 7 << 1 << 8 << invalidEpoch;
    QTest::addRow("wraps-after-int-max") << 0 << std::numeric_limits<std::int32_t>::max() << 0 << 0 << append;
}

void TestProducer::leaderSequenceChecks()
{
    QFETCH(int, entryEpoch);
    QFETCH(int, entryLast);
    QFETCH(int, epoch);
    QFETCH(int, sequence);
    QFETCH(int, expected);
    const std::optional<ProducerEntry> entry = entryEpoch < 0
        ? std::nullopt
        : std::optional<ProducerEntry>(ProducerEntry{static_cast<std::int16_t>(entryEpoch), entryLast});
    QCOMPARE(static_cast<int>(checkProducerSequence(entry, static_cast<std::int16_t>(epoch), sequence)), expected);
}

QTEST_APPLESS_MAIN(TestProducer)
#include "tst_producer.moc"
