// The thin cluster: topics, producers hashing keys to partitions, consumers reading from offsets.
#include "client/murmur2.h"
#include "cluster/cluster.h"
#include "scenario/demo_scenario.h"
#include "cluster/report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace kafkascope;

namespace {

// Records what the engine reports (STYLE.md §2: tests use a recording observer).
class RecordingObserver : public ClusterObserver
{
public:
    std::vector<std::string> topics;
    std::vector<std::pair<TopicPartition, Offset>> appended;
    std::int64_t consumed = 0;

    void onTopicCreated(const std::string &t) override { topics.push_back(t); }
    void onRecordAppended(const TopicPartition &tp, const Record &r, ProducerId) override { appended.emplace_back(tp, r.offset); }
    void onRecordsConsumed(ConsumerId, const TopicPartition &, Offset first, Offset last) override { consumed += last - first + 1; }
};

} // namespace

class TestCluster : public QObject
{
    Q_OBJECT

private slots:
    void topicNames_data();
    void topicNames();
    void partitionCountMustBePositive();
    void duplicateTopicRefused();
    void keyedRecordLandsOnMurmur2Partition_data();
    void keyedRecordLandsOnMurmur2Partition();
    void recordArrivesAfterNetworkLatency();
    void produceToUnknownTopicFails();
    void producerRateMatchesConfig();
    void consumerReadsEverythingInOrder();
    void slowConsumerLags();
    void clientsOnUnknownTopicRefused();
    void demoClusterReportListsEveryPartition();
};

void TestCluster::topicNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addRow("plain") << "orders" << true;
    QTest::addRow("dots-dashes-underscores") << "a.b-c_d" << true;
    QTest::addRow("empty") << "" << false;
    QTest::addRow("dot") << "." << false;
    QTest::addRow("dotdot") << ".." << false;
    QTest::addRow("space") << "my topic" << false;
    QTest::addRow("slash") << "a/b" << false;
    QTest::addRow("korean") << "주문" << false;
    QTest::addRow("max-length") << QString(249, QLatin1Char('x')) << true;
    QTest::addRow("too-long") << QString(250, QLatin1Char('x')) << false;
}

void TestCluster::topicNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    Cluster c(1);
    const Status st = c.createTopic(name.toStdString(), 1);
    QCOMPARE(st.isOk(), valid);
    if (!valid)
        QCOMPARE(st.code(), Status::Code::InvalidArgument);
}

void TestCluster::partitionCountMustBePositive()
{
    Cluster c(1);
    QCOMPARE(c.createTopic("t", 0).code(), Status::Code::InvalidArgument);
    QCOMPARE(c.createTopic("t", -3).code(), Status::Code::InvalidArgument);
    QVERIFY(c.topics().empty());
}

void TestCluster::duplicateTopicRefused()
{
    Cluster c(1);
    RecordingObserver obs;
    c.setObserver(&obs);
    QVERIFY(c.createTopic("t", 2).isOk());
    const Status st = c.createTopic("t", 5);
    QCOMPARE(st.code(), Status::Code::AlreadyExists);
    QCOMPARE(c.topic("t")->partitionCount(), 2); // the first one is untouched
    QCOMPARE(obs.topics.size(), std::size_t{1});
}

void TestCluster::keyedRecordLandsOnMurmur2Partition_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("partitions");
    for (const char *k : {"alice", "bob", "foobar", "abc", "", "카프카"})
        for (int n : {1, 3, 7})
            QTest::addRow("%s/%d", k, n) << QString::fromUtf8(k) << n;
}

void TestCluster::keyedRecordLandsOnMurmur2Partition()
{
    QFETCH(QString, key);
    QFETCH(int, partitions);
    Cluster c(1);
    QVERIFY(c.createTopic("t", partitions).isOk());
    const QByteArray utf8 = key.toUtf8();
    const auto r = c.produce("t", utf8.toStdString(), "v");
    QVERIFY(r.isOk());
    QCOMPARE(r.value().value(), partitionForKey(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), partitions));
    c.runUntil(SimTime::fromMillis(100));
    QCOMPARE(c.topic("t")->partition(r.value()).logEndOffset(), std::int64_t{1});
}

void TestCluster::recordArrivesAfterNetworkLatency()
{
    Cluster c(1);
    RecordingObserver obs;
    c.setObserver(&obs);
    QVERIFY(c.createTopic("t", 1).isOk());
    QVERIFY(c.produce("t", std::string("k"), "v").isOk());
    c.runUntil(SimTime::zero() + c.networkLatency() - SimDuration::micros(1));
    QVERIFY(obs.appended.empty());
    c.runUntil(SimTime::zero() + c.networkLatency());
    QCOMPARE(obs.appended.size(), std::size_t{1});
    QCOMPARE(obs.appended[0].second, Offset{0});
    const Record r = c.topic("t")->partition(PartitionId{0}).readRecords(0, 1).value().front();
    QCOMPARE(r.timestampMs, Cluster::kSimulationEpochMs); // CreateTime: when it was sent (simTime 0)
}

void TestCluster::produceToUnknownTopicFails()
{
    Cluster c(1);
    const auto r = c.produce("nope", std::string("k"), "v");
    QVERIFY(!r.isOk());
    QCOMPARE(r.status().code(), Status::Code::NotFound);
}

void TestCluster::producerRateMatchesConfig()
{
    Cluster c(11);
    QVERIFY(c.createTopic("t", 3).isOk());
    ProducerConfig p;
    p.topic = "t";
    p.rate = RateModel::constant(50).value();
    p.keys = KeyDistribution::uniform({"a", "b", "c"}).value();
    QVERIFY(c.addProducer(p).isOk());
    c.runUntil(SimTime::fromMillis(100000));
    const auto sent = static_cast<double>(c.producers()[0]->recordsSent());
    // A Poisson process over 100 s at 50/s: 5000 ± 71 (one sigma); allow 5 sigma.
    QVERIFY2(std::abs(sent - 5000.0) < 360.0, qPrintable(QString::number(sent)));
    std::int64_t stored = 0;
    for (int i = 0; i < 3; ++i)
        stored += c.topic("t")->partition(PartitionId{i}).logEndOffset();
    QCOMPARE(static_cast<double>(stored), sent); // nothing lost, nothing doubled (latency 2 ms)
}

void TestCluster::consumerReadsEverythingInOrder()
{
    Cluster c(5);
    RecordingObserver obs;
    c.setObserver(&obs);
    QVERIFY(c.createTopic("t", 4).isOk());
    ProducerConfig p;
    p.topic = "t";
    p.rate = RateModel::constant(20).value();
    p.keys = KeyDistribution::uniform({"a", "b", "c", "d", "e"}).value();
    QVERIFY(c.addProducer(p).isOk());
    ConsumerConfig cc;
    cc.topic = "t";
    QVERIFY(c.addConsumer(cc).isOk());
    c.runUntil(SimTime::fromMillis(10000));
    // The producer keeps sending, so the consumer is at most one poll interval behind, and its
    // position never passes the log-end offset.
    const Consumer &consumer = *c.consumers()[0];
    std::int64_t lag = 0;
    for (int i = 0; i < 4; ++i) {
        const Offset leo{c.topic("t")->partition(PartitionId{i}).logEndOffset()};
        QVERIFY(consumer.position(PartitionId{i}) <= leo);
        lag += leo - consumer.position(PartitionId{i});
    }
    QVERIFY(lag <= 10); // polls every 100 ms at 20 records/s
    QCOMPARE(static_cast<std::int64_t>(consumer.recordsConsumed()), obs.consumed);
    QVERIFY(consumer.recordsConsumed() > 150);
}

void TestCluster::slowConsumerLags()
{
    Cluster c(5);
    QVERIFY(c.createTopic("t", 1).isOk());
    ProducerConfig p;
    p.topic = "t";
    p.rate = RateModel::constant(10).value();
    QVERIFY(c.addProducer(p).isOk());
    ConsumerConfig cc;
    cc.topic = "t";
    cc.pollInterval = SimDuration::seconds(1);
    cc.maxPollRecords = 2; // 2 records/s against 10 produced
    QVERIFY(c.addConsumer(cc).isOk());
    c.runUntil(SimTime::fromMillis(30000));
    const Consumer &consumer = *c.consumers()[0];
    // 30 polls: the first only sends the fetch (its records come back a round trip later), the
    // other 29 return at most 2 each; one that empties a fetched chunk of odd size returns 1
    // (Kafka returns what is buffered, and fetches the next chunk then).
    QVERIFY(consumer.recordsConsumed() <= std::uint64_t{58});
    QVERIFY(consumer.recordsConsumed() >= std::uint64_t{55});
    QCOMPARE(consumer.position(PartitionId{0}), Offset{static_cast<std::int64_t>(consumer.recordsConsumed())});
    QVERIFY(c.topic("t")->partition(PartitionId{0}).logEndOffset() > 200);
}

void TestCluster::clientsOnUnknownTopicRefused()
{
    Cluster c(1);
    ProducerConfig p;
    p.topic = "missing";
    QCOMPARE(c.addProducer(p).status().code(), Status::Code::NotFound);
    ConsumerConfig cc;
    cc.topic = "missing";
    QCOMPARE(c.addConsumer(cc).status().code(), Status::Code::NotFound);
    QVERIFY(c.createTopic("t", 1).isOk());
    cc.topic = "t";
    cc.maxPollRecords = 0;
    QCOMPARE(c.addConsumer(cc).status().code(), Status::Code::InvalidArgument);
    p.topic = "t";
    p.acks = 2;
    QCOMPARE(c.addProducer(p).status().code(), Status::Code::InvalidArgument);
    QVERIFY(c.producers().empty());
    QVERIFY(c.consumers().empty());
}

void TestCluster::demoClusterReportListsEveryPartition()
{
    auto c = makeDemoCluster(kDefaultSeed);
    c->runUntil(SimTime::fromMillis(10000));
    const std::string json = clusterReportJson(*c, "test");
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    QVERIFY(doc.isObject());
    const QJsonObject root = doc.object();
    QCOMPARE(root.value("sim_time_ms").toInteger(), 10000);
    QCOMPARE(root.value("state_hash").toString(), QString::fromStdString(c->stateHash().hex()));
    const QJsonArray topics = root.value("topics").toArray();
    // orders, clicks and __consumer_offsets (group "billing" commits there), flagged internal.
    QCOMPARE(topics.size(), 3);
    std::int64_t total = 0;
    for (const auto &t : topics) {
        const Topic *topic = c->topic(t.toObject().value("name").toString().toStdString());
        QVERIFY(topic);
        QCOMPARE(t.toObject().value("internal").toBool(), topic->isInternal());
        if (topic->isInternal()) {
            QCOMPARE(topic->name(), std::string(kConsumerOffsetsTopic));
            continue;
        }
        const QJsonArray parts = t.toObject().value("partitions").toArray();
        QCOMPARE(parts.size(), topic->partitionCount());
        for (const auto &p : parts) {
            const auto id = PartitionId{p.toObject().value("partition").toInt()};
            QCOMPARE(p.toObject().value("log_end_offset").toInteger(), topic->partition(id).logEndOffset());
            total += p.toObject().value("log_end_offset").toInteger();
        }
    }
    // About 10 records/s for 10 s.
    QVERIFY2(total > 60 && total < 150, qPrintable(QString::number(total)));
}

QTEST_APPLESS_MAIN(TestCluster)
#include "tst_cluster.moc"
