// A consumer's fetches are requests over the simulated network (Kafka's Fetcher and the broker's
// DelayedFetch): the broker holds a fetch until fetch.min.bytes are there or fetch.max.wait.ms
// passes; records come back a round trip after the poll that asked for them; max.poll.records
// caps a poll and leaves the rest buffered; a leader that moves answers NOT_LEADER_OR_FOLLOWER
// and the consumer goes to the new one without skipping or repeating a record; data fetched for
// a paused partition is held back until it is resumed, and data a seek made stale is dropped; a
// lost fetch is given up after request.timeout.ms.
#include "cluster/cluster.h"

#include <QtTest>

#include <map>
#include <vector>

using namespace kafkascope;

namespace {

const std::string kTopic = "t";
const TopicPartition kTp{kTopic, PartitionId{0}};

// Records what was appended and consumed, and when (STYLE.md §2: a recording observer).
class Recorder : public ClusterObserver
{
public:
    explicit Recorder(Cluster &cluster) : m_cluster(cluster) {}
    struct Range {
        std::int64_t first;
        std::int64_t last;
        SimTime at;
    };
    std::vector<Range> consumed;
    std::map<std::int64_t, SimTime> appendedAt; // offset -> when the leader appended it
    void onRecordAppended(const TopicPartition &tp, const Record &record, ProducerId) override
    {
        if (tp == kTp)
            appendedAt[record.offset.value()] = m_cluster.now();
    }
    void onRecordsConsumed(ConsumerId, const TopicPartition &tp, Offset first, Offset last) override
    {
        if (tp == kTp)
            consumed.push_back(Range{first.value(), last.value(), m_cluster.now()});
    }
    // Every consumed offset in order.
    std::vector<std::int64_t> sequence() const
    {
        std::vector<std::int64_t> out;
        for (const Range &r : consumed)
            for (std::int64_t o = r.first; o <= r.last; ++o)
                out.push_back(o);
        return out;
    }

private:
    Cluster &m_cluster;
};

SimTime at(std::int64_t ms)
{
    return SimTime::fromMillis(ms);
}

// One broker, topic "t" with one partition (the high watermark moves at the append).
std::unique_ptr<Cluster> makeSingleBroker()
{
    auto cluster = std::make_unique<Cluster>(7);
    if (!cluster->createTopic(kTopic, 1).isOk())
        return nullptr;
    return cluster;
}

ConsumerConfig plainConsumer()
{
    ConsumerConfig c;
    c.clientId = "reader";
    c.topic = kTopic;
    c.pollInterval = SimDuration::millis(100);
    // The tests read records produced before the consumer starts (Kafka's default, latest, would
    // start at the high watermark).
    c.autoOffsetReset = ConsumerConfig::AutoOffsetReset::Earliest;
    return c;
}

const Consumer &consumer(const Cluster &cluster, ConsumerId id)
{
    return *cluster.consumers().at(static_cast<std::size_t>(id.value()));
}

// Produces `n` records now and runs until the leader appended them all.
void produceAndAppend(Cluster &cluster, const Recorder &recorder, int n)
{
    const std::size_t before = recorder.appendedAt.size();
    for (int i = 0; i < n; ++i)
        QVERIFY(cluster.produce(kTopic, std::nullopt, std::string("v")).isOk());
    for (int step = 0; step < 200 && recorder.appendedAt.size() < before + static_cast<std::size_t>(n); ++step)
        cluster.runUntil(cluster.now() + SimDuration::millis(1));
    QCOMPARE(recorder.appendedAt.size(), before + static_cast<std::size_t>(n));
}

} // namespace

class TestConsumerFetch : public QObject
{
    Q_OBJECT

private slots:
    void fetchWaitsMaxWaitThenAnswersEarlyOnData();
    void fetchMinBytesHoldsTheAnswer();
    void recordsArriveOneRoundTripAfterThePoll();
    void maxPollRecordsCapsAPollRestStaysBuffered();
    void leaderMovesMidFetch();
    void deadBrokerNoticedOneHopLater_data();
    void deadBrokerNoticedOneHopLater();
    void pausedDataHeldBackSeekDropsStaleData();
    void lostFetchGivenUpAfterRequestTimeout();
    void invalidFetchConfigRefused_data();
    void invalidFetchConfigRefused();
};

void TestConsumerFetch::fetchWaitsMaxWaitThenAnswersEarlyOnData()
{
    auto cluster = makeSingleBroker();
    QVERIFY(cluster);
    Recorder recorder(*cluster);
    cluster->setObserver(&recorder);
    QCOMPARE(cluster->networkLatency(), SimDuration::millis(2));
    const ConsumerId id = cluster->addConsumer(plainConsumer()).value(); // fetch.max.wait.ms 500
    const Consumer &c = consumer(*cluster, id);
    // The first poll (100 ms) sends a fetch; it reaches the broker at 102 and, with no data,
    // is held until 602; its empty answer is back at 604. No poll sends another meanwhile.
    cluster->runUntil(at(100));
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{1});
    cluster->runUntil(at(699));
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{1});
    cluster->runUntil(at(700)); // the first poll after the empty answer fetches again
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{2});
    // Data arrives while that fetch is held (until 1202): the broker answers at once.
    cluster->runUntil(at(750));
    produceAndAppend(*cluster, recorder, 1);
    const SimTime appended = recorder.appendedAt.at(0);
    QVERIFY(appended < at(1000));
    cluster->runUntil(appended + SimDuration::millis(1));
    QCOMPARE(c.recordsBuffered(), std::size_t{0}); // the answer is on the wire
    cluster->runUntil(appended + SimDuration::millis(2));
    QCOMPARE(c.recordsBuffered(), std::size_t{1}); // one hop after the append, not at 1204
    QCOMPARE(c.recordsConsumed(), std::uint64_t{0});
    cluster->runUntil(at(900)); // the next poll returns it
    QCOMPARE(c.recordsConsumed(), std::uint64_t{1});
    QCOMPARE(recorder.consumed.size(), std::size_t{1});
    QCOMPARE(recorder.consumed[0].at, at(800));
}

void TestConsumerFetch::fetchMinBytesHoldsTheAnswer()
{
    auto cluster = makeSingleBroker();
    QVERIFY(cluster);
    Recorder recorder(*cluster);
    cluster->setObserver(&recorder);
    ConsumerConfig config = plainConsumer();
    config.fetchMinBytes = 100000; // far more than a few records
    const ConsumerId id = cluster->addConsumer(config).value();
    const Consumer &c = consumer(*cluster, id);
    // The fetch of the 700 ms poll is held from 702 to 1202 (see above); records appended
    // meanwhile do not reach fetch.min.bytes, so the broker keeps waiting.
    cluster->runUntil(at(750));
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{2});
    produceAndAppend(*cluster, recorder, 3);
    cluster->runUntil(at(1203));
    QCOMPARE(c.recordsBuffered(), std::size_t{0});
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{2});
    cluster->runUntil(at(1204)); // fetch.max.wait.ms is up: the broker answers with what it has
    QCOMPARE(c.recordsBuffered(), std::size_t{3});
    cluster->runUntil(at(1300));
    QCOMPARE(c.recordsConsumed(), std::uint64_t{3});
    QCOMPARE(recorder.consumed.front().at, at(1300));

    // With fetch.min.bytes 1 the broker answers at the first append (the next poll returns it),
    // and the records appended after it come with the next fetch.
    auto eager = makeSingleBroker();
    QVERIFY(eager);
    Recorder eagerRecorder(*eager);
    eager->setObserver(&eagerRecorder);
    const ConsumerId eagerId = eager->addConsumer(plainConsumer()).value();
    eager->runUntil(at(750));
    produceAndAppend(*eager, eagerRecorder, 3);
    eager->runUntil(at(800));
    QVERIFY(consumer(*eager, eagerId).recordsConsumed() >= 1);
    QCOMPARE(eagerRecorder.consumed.front().at, at(800));
    eager->runUntil(at(1000));
    QCOMPARE(consumer(*eager, eagerId).recordsConsumed(), std::uint64_t{3});
}

void TestConsumerFetch::recordsArriveOneRoundTripAfterThePoll()
{
    auto cluster = makeSingleBroker();
    QVERIFY(cluster);
    Recorder recorder(*cluster);
    cluster->setObserver(&recorder);
    produceAndAppend(*cluster, recorder, 5);
    cluster->runUntil(at(50));
    const ConsumerId id = cluster->addConsumer(plainConsumer()).value(); // first poll at 150
    const Consumer &c = consumer(*cluster, id);
    cluster->runUntil(at(150));
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{1});
    QCOMPARE(c.recordsConsumed(), std::uint64_t{0}); // the poll had nothing fetched yet
    cluster->runUntil(at(153));
    QCOMPARE(c.recordsBuffered(), std::size_t{0});
    cluster->runUntil(at(154)); // request 2 ms, answer 2 ms
    QCOMPARE(c.recordsBuffered(), std::size_t{5});
    QCOMPARE(c.recordsConsumed(), std::uint64_t{0});
    cluster->runUntil(at(250));
    QCOMPARE(c.recordsConsumed(), std::uint64_t{5});
    QCOMPARE(c.recordsBuffered(), std::size_t{0});
    QCOMPARE(recorder.consumed.size(), std::size_t{1});
    QCOMPARE(recorder.consumed[0].first, std::int64_t{0});
    QCOMPARE(recorder.consumed[0].last, std::int64_t{4});
    QCOMPARE(recorder.consumed[0].at, at(250));
    QCOMPARE(c.position(kTp), Offset{5});
}

void TestConsumerFetch::maxPollRecordsCapsAPollRestStaysBuffered()
{
    auto cluster = makeSingleBroker();
    QVERIFY(cluster);
    Recorder recorder(*cluster);
    cluster->setObserver(&recorder);
    produceAndAppend(*cluster, recorder, 25);
    cluster->runUntil(at(50));
    ConsumerConfig config = plainConsumer();
    config.maxPollRecords = 10;
    const ConsumerId id = cluster->addConsumer(config).value(); // polls at 150, 250, ...
    const Consumer &c = consumer(*cluster, id);
    cluster->runUntil(at(200));
    QCOMPARE(c.recordsBuffered(), std::size_t{25}); // one fetch brought all 25
    cluster->runUntil(at(250));
    QCOMPARE(c.recordsConsumed(), std::uint64_t{10});
    QCOMPARE(c.recordsBuffered(), std::size_t{15});
    QCOMPARE(c.position(kTp), Offset{10});
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{1}); // buffered data: no new fetch
    cluster->runUntil(at(350));
    QCOMPARE(c.recordsConsumed(), std::uint64_t{20});
    QCOMPARE(c.recordsBuffered(), std::size_t{5});
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{1});
    cluster->runUntil(at(450)); // the rest, then a new fetch for what comes next
    QCOMPARE(c.recordsConsumed(), std::uint64_t{25});
    QCOMPARE(c.recordsBuffered(), std::size_t{0});
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{2});
    QCOMPARE(recorder.consumed.size(), std::size_t{3});
    QCOMPARE(recorder.consumed[0].last - recorder.consumed[0].first + 1, std::int64_t{10});
    QCOMPARE(recorder.consumed[1].first, std::int64_t{10});
    QCOMPARE(recorder.consumed[1].last, std::int64_t{19});
    QCOMPARE(recorder.consumed[2].first, std::int64_t{20});
    QCOMPARE(recorder.consumed[2].last, std::int64_t{24});
}

void TestConsumerFetch::deadBrokerNoticedOneHopLater_data()
{
    QTest::addColumn<int>("latencyMs");
    QTest::newRow("default latency") << 2;
    QTest::newRow("slow network") << 40;
}

void TestConsumerFetch::deadBrokerNoticedOneHopLater()
{
    // A fetch held at the broker (fetch.min.bytes not reached) when the broker dies: the dropped
    // connection reaches the consumer one hop later, at the network's latency as it is now.
    QFETCH(int, latencyMs);
    auto cluster = makeSingleBroker();
    QVERIFY(cluster);
    cluster->network().setDefaultLatency(SimDuration::millis(latencyMs));
    QCOMPARE(cluster->networkLatency(), SimDuration::millis(latencyMs));
    ConsumerConfig config = plainConsumer();
    config.fetchMinBytes = 1 << 20;
    const ConsumerId id = cluster->addConsumer(config).value();
    const Consumer &c = consumer(*cluster, id);
    cluster->runUntil(at(300)); // the first poll's fetch (sent at 100) is held until 600 + latency
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{1});
    QVERIFY(cluster->killBroker(BrokerId{0}).isOk());
    cluster->runUntil(at(300) + SimDuration::millis(latencyMs) - SimDuration::micros(1));
    QCOMPARE(c.fetchesDisconnected(), std::uint64_t{0});
    cluster->runUntil(at(300) + SimDuration::millis(latencyMs));
    QCOMPARE(c.fetchesDisconnected(), std::uint64_t{1});
}

void TestConsumerFetch::leaderMovesMidFetch()
{
    // Three brokers; the partition's replicas are 0, 1, 2 (0 preferred). A producer keeps writing;
    // the consumer's fetches are held (fetch.min.bytes is large) when the leader moves.
    Cluster cluster(11);
    cluster.addBroker();
    cluster.addBroker();
    TopicSettings settings;
    QVERIFY(cluster.createTopic(kTopic, {{BrokerId{0}, BrokerId{1}, BrokerId{2}}}, settings).isOk());
    Recorder recorder(cluster);
    cluster.setObserver(&recorder);
    ProducerConfig producer;
    producer.topic = kTopic;
    producer.rate = RateModel::fixedInterval(50).value();
    QVERIFY(cluster.addProducer(producer).isOk());
    ConsumerConfig config = plainConsumer();
    config.groupId = "g";
    config.fetchMinBytes = 1 << 20;
    const ConsumerId id = cluster.addConsumer(config).value();
    const Consumer &c = consumer(cluster, id);
    cluster.runUntil(at(10000));
    QVERIFY(c.recordsConsumed() > 0);
    QCOMPARE(cluster.topic(kTopic)->state(PartitionId{0}).leader, std::optional<BrokerId>(BrokerId{0}));

    // The leader crashes with a fetch held there: the connection drops, and the consumer goes
    // to the new leader (broker 1).
    cluster.runUntil(at(10250));
    QVERIFY(cluster.killBroker(BrokerId{0}).isOk());
    cluster.runUntil(at(20000));
    QVERIFY(c.fetchesDisconnected() >= 1);
    QCOMPARE(cluster.topic(kTopic)->state(PartitionId{0}).leader, std::optional<BrokerId>(BrokerId{1}));
    // Broker 0 comes back and catches up; a preferred election moves the leader back to it
    // while broker 1, still alive, holds the consumer's fetch: NOT_LEADER_OR_FOLLOWER.
    QVERIFY(cluster.restartBroker(BrokerId{0}).isOk());
    cluster.runUntil(at(30250));
    QCOMPARE(cluster.topic(kTopic)->state(PartitionId{0}).isr.size(), std::size_t{3});
    const std::uint64_t notLeaderBefore = c.fetchErrors().count(FetchError::NotLeaderOrFollower)
                                              ? c.fetchErrors().at(FetchError::NotLeaderOrFollower)
                                              : 0;
    QVERIFY(cluster.electPreferredLeaders() >= 1);
    QCOMPARE(cluster.topic(kTopic)->state(PartitionId{0}).leader, std::optional<BrokerId>(BrokerId{0}));
    cluster.runUntil(at(30260));
    QCOMPARE(c.fetchErrors().at(FetchError::NotLeaderOrFollower), notLeaderBefore + 1);
    const std::uint64_t consumedAtMove = c.recordsConsumed();
    cluster.runUntil(at(40000));
    QVERIFY(c.recordsConsumed() > consumedAtMove); // from the new leader
    // Every record read once, in order, none skipped, up to near the high watermark.
    const std::vector<std::int64_t> sequence = recorder.sequence();
    QVERIFY(!sequence.empty());
    for (std::size_t i = 0; i < sequence.size(); ++i)
        QCOMPARE(sequence[i], static_cast<std::int64_t>(i));
    QCOMPARE(c.position(kTp), Offset{static_cast<std::int64_t>(sequence.size())});
    QVERIFY(cluster.topic(kTopic)->state(PartitionId{0}).highWatermark() - c.position(kTp).value() < 100);
}

void TestConsumerFetch::pausedDataHeldBackSeekDropsStaleData()
{
    auto cluster = makeSingleBroker();
    QVERIFY(cluster);
    Recorder recorder(*cluster);
    cluster->setObserver(&recorder);
    produceAndAppend(*cluster, recorder, 20);
    cluster->runUntil(at(50));
    const ConsumerId id = cluster->addConsumer(plainConsumer()).value(); // polls at 150, 250, ...
    const Consumer &c = consumer(*cluster, id);
    // Paused while its fetch is in flight: the answer is buffered but not returned (Kafka keeps
    // a paused partition's fetched data for when it is resumed), and nothing is fetched again.
    cluster->runUntil(at(151));
    QVERIFY(cluster->pauseConsumer(id, kTp).isOk());
    cluster->runUntil(at(360));
    QCOMPARE(c.recordsBuffered(), std::size_t{20});
    QCOMPARE(c.recordsConsumed(), std::uint64_t{0});
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{1});
    QCOMPARE(c.position(kTp), Offset{0});
    QVERIFY(cluster->resumeConsumer(id, kTp).isOk());
    cluster->runUntil(at(450)); // returned as fetched, without another fetch
    QCOMPARE(c.recordsConsumed(), std::uint64_t{20});
    QCOMPARE(recorder.consumed.back().at, at(450));
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{2}); // the 450 poll fetches the next records

    // A seek while a fetch is in flight: its answer no longer matches the position and is
    // dropped; the consumer fetches again from the sought offset.
    produceAndAppend(*cluster, recorder, 5); // offsets 20..24
    cluster->runUntil(at(1000));
    QCOMPARE(c.recordsConsumed(), std::uint64_t{25});
    const std::size_t beforeSeek = recorder.consumed.size();
    produceAndAppend(*cluster, recorder, 1); // offset 25, answered to the held fetch at once
    const SimTime answered = recorder.appendedAt.at(25) + SimDuration::millis(2);
    cluster->runUntil(answered - SimDuration::millis(1));
    QCOMPARE(c.recordsBuffered(), std::size_t{0});
    QVERIFY(cluster->seekConsumer(id, kTp, Offset{5}).isOk());
    cluster->runUntil(answered);
    QCOMPARE(c.recordsBuffered(), std::size_t{1}); // the stale answer (offset 25) arrived
    cluster->runUntil(at(1500));
    // Nothing from the stale answer was returned: 5..25 came back instead, once each, in order.
    std::vector<std::int64_t> again;
    for (std::size_t i = beforeSeek; i < recorder.consumed.size(); ++i)
        for (std::int64_t o = recorder.consumed[i].first; o <= recorder.consumed[i].last; ++o)
            again.push_back(o);
    QCOMPARE(again.size(), std::size_t{21});
    for (std::size_t i = 0; i < again.size(); ++i)
        QCOMPARE(again[i], static_cast<std::int64_t>(5 + i));
    QCOMPARE(c.position(kTp), Offset{26});
}

void TestConsumerFetch::lostFetchGivenUpAfterRequestTimeout()
{
    auto cluster = makeSingleBroker();
    QVERIFY(cluster);
    Recorder recorder(*cluster);
    cluster->setObserver(&recorder);
    const ConsumerId id = cluster->addConsumer(plainConsumer()).value(); // request.timeout.ms 30 s
    const Consumer &c = consumer(*cluster, id);
    // The fetch of the 100 ms poll is lost on the way: nothing answers it, and the consumer
    // sends no other to that broker until request.timeout.ms gives it up.
    cluster->network().partition({Cluster::consumerNode(id)}, {0});
    cluster->runUntil(at(1000));
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{1});
    cluster->network().heal();
    produceAndAppend(*cluster, recorder, 3);
    cluster->runUntil(at(30099));
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{1});
    QCOMPARE(c.recordsConsumed(), std::uint64_t{0});
    QCOMPARE(c.fetchesDisconnected(), std::uint64_t{0});
    cluster->runUntil(at(30100)); // timed out; this poll fetches again
    QCOMPARE(c.fetchRequestsSent(), std::uint64_t{2});
    cluster->runUntil(at(30200));
    QCOMPARE(c.recordsConsumed(), std::uint64_t{3});
}

void TestConsumerFetch::invalidFetchConfigRefused_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("name");
    QTest::addRow("fetch-min-bytes") << 0 << "fetch.min.bytes";
    QTest::addRow("fetch-max-wait") << 1 << "fetch.max.wait.ms";
    QTest::addRow("max-partition-fetch-bytes") << 2 << "max.partition.fetch.bytes";
    QTest::addRow("fetch-max-bytes") << 3 << "fetch.max.bytes";
}

void TestConsumerFetch::invalidFetchConfigRefused()
{
    QFETCH(int, field);
    QFETCH(QString, name);
    auto cluster = makeSingleBroker();
    QVERIFY(cluster);
    ConsumerConfig config = plainConsumer();
    (field == 0 ? config.fetchMinBytes
                : field == 1 ? config.fetchMaxWaitMs
                             : field == 2 ? config.maxPartitionFetchBytes : config.fetchMaxBytes) = -1;
    const auto result = cluster->addConsumer(config);
    QVERIFY(!result.isOk());
    QVERIFY2(result.status().message().find(name.toStdString()) != std::string::npos, result.status().message().c_str());
    QVERIFY(cluster->consumers().empty());
    // Zero is allowed, as in Kafka.
    config.fetchMinBytes = 0;
    config.fetchMaxWaitMs = 0;
    config.maxPartitionFetchBytes = 0;
    config.fetchMaxBytes = 0;
    QVERIFY(cluster->addConsumer(config).isOk());
}

QTEST_APPLESS_MAIN(TestConsumerFetch)
#include "tst_consumerfetch.moc"
