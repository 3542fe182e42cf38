// Topic and replica operations: explicit assignments, added partitions (Kafka's placement and the
// keys that move), deletion, partition reassignment, broker decommissioning and __consumer_offsets.
#include "client/murmur2.h"
#include "cluster/cluster.h"

#include <QtTest>

#include <filesystem>

using namespace kafkascope;

Q_DECLARE_METATYPE(std::vector<std::vector<int>>)

namespace {

std::unique_ptr<Cluster> brokers(int n, std::uint64_t seed = 1)
{
    auto c = std::make_unique<Cluster>(seed);
    for (int i = 1; i < n; ++i)
        c->addBroker();
    return c;
}

std::vector<std::vector<BrokerId>> toBrokers(const std::vector<std::vector<int>> &in)
{
    std::vector<std::vector<BrokerId>> out;
    for (const auto &r : in) {
        out.emplace_back();
        for (int b : r)
            out.back().push_back(BrokerId{b});
    }
    return out;
}

std::vector<std::vector<int>> assignmentOf(const Cluster &c, const std::string &topic)
{
    std::vector<std::vector<int>> out;
    const Topic *t = c.topic(topic);
    for (std::int32_t p = 0; p < t->partitionCount(); ++p) {
        out.emplace_back();
        for (BrokerId b : t->state(PartitionId{p}).assignment)
            out.back().push_back(b.value());
    }
    return out;
}

std::vector<int> isrOf(const PartitionState &s)
{
    std::vector<int> out;
    for (BrokerId b : s.isr)
        out.push_back(b.value());
    return out;
}

void runFor(Cluster &c, std::int64_t ms)
{
    c.runUntil(c.now() + SimDuration::millis(ms));
}

} // namespace

class TestTopicOperations : public QObject {
    Q_OBJECT
private slots:
    void explicitAssignment_data();
    void explicitAssignment();
    void explicitAssignmentWithDeadBroker();
    void addPartitionsPlacement_data();
    void addPartitionsPlacement();
    void addPartitionsRefusals();
    void addPartitionsRemapsKeys();
    void addedPartitionsReplicate();
    void deleteTopicDropsEverything();
    void deleteAndRecreateOnDisk();
    void reassignmentMovesReplicaAfterCatchUp();
    void reassignmentMovesLeadership();
    void reassignmentLeaderEpoch_data();
    void reassignmentLeaderEpoch();
    void reassignmentRefusals();
    void decommissionMovesEveryReplicaThenLeaves();
    void decommissionRefusedWhenNowhereToGo();
    void offsetsTopic();
};

void TestTopicOperations::explicitAssignment_data()
{
    QTest::addColumn<std::vector<std::vector<int>>>("replicas");
    QTest::addColumn<QString>("error"); // empty: accepted

    QTest::newRow("valid, leaders as listed") << std::vector<std::vector<int>>{{2, 0}, {1, 2}, {0, 1}} << QString();
    QTest::newRow("single replica") << std::vector<std::vector<int>>{{1}} << QString();
    QTest::newRow("no partitions") << std::vector<std::vector<int>>{} << QStringLiteral("lists no partitions");
    QTest::newRow("empty replica list") << std::vector<std::vector<int>>{{}} << QStringLiteral("replica list is empty");
    QTest::newRow("uneven replication factor")
        << std::vector<std::vector<int>>{{0, 1}, {2}} << QStringLiteral("partition 1: has 1 replicas, but partition 0 has 2");
    QTest::newRow("broker twice") << std::vector<std::vector<int>>{{1, 1}} << QStringLiteral("broker 1 is listed twice");
    QTest::newRow("unknown broker")
        << std::vector<std::vector<int>>{{0, 7}} << QStringLiteral("includes broker 7, but no such broker is registered");
}

void TestTopicOperations::explicitAssignment()
{
    QFETCH(std::vector<std::vector<int>>, replicas);
    QFETCH(QString, error);
    auto c = brokers(3);
    const Status st = c->createTopic("t", toBrokers(replicas));
    if (!error.isEmpty()) {
        QVERIFY(!st.isOk());
        QVERIFY2(QString::fromStdString(st.message()).contains(error), st.message().c_str());
        QVERIFY(!c->topic("t"));
        return;
    }
    QVERIFY2(st.isOk(), st.message().c_str());
    QCOMPARE(assignmentOf(*c, "t"), replicas);
    for (std::size_t p = 0; p < replicas.size(); ++p) {
        const PartitionState &s = c->topic("t")->state(PartitionId{static_cast<std::int32_t>(p)});
        QCOMPARE(s.leader->value(), replicas[p].front()); // the preferred replica leads
        QCOMPARE(s.leaderEpoch, 0);
        QCOMPARE(s.isr.size(), replicas[p].size());
    }
    QCOMPARE(c->topic("t")->settings().replicationFactor, static_cast<std::int32_t>(replicas.front().size()));
}

void TestTopicOperations::explicitAssignmentWithDeadBroker()
{
    // Kafka accepts a registered but dead broker: it is left out of the ISR and the first live
    // replica leads. A partition whose replicas are all down is refused.
    auto c = brokers(3);
    QVERIFY(c->killBroker(BrokerId{1}).isOk());
    QVERIFY(c->createTopic("t", toBrokers({{1, 2}, {0, 1}})).isOk());
    QCOMPARE(c->topic("t")->state(PartitionId{0}).leader->value(), 2);
    QCOMPARE(isrOf(c->topic("t")->state(PartitionId{0})), std::vector<int>{2});
    QCOMPARE(c->topic("t")->state(PartitionId{1}).leader->value(), 0);
    const Status st = c->createTopic("u", toBrokers({{1}}));
    QVERIFY(!st.isOk());
    QVERIFY(QString::fromStdString(st.message()).contains("every broker in [1] is down"));
    // The dead replica catches up and joins the ISR once it is back.
    (void)c->produce("t", std::nullopt, std::string("v"));
    runFor(*c, 100);
    QVERIFY(c->restartBroker(BrokerId{1}).isOk());
    runFor(*c, 2000);
    QCOMPARE(isrOf(c->topic("t")->state(PartitionId{0})), (std::vector<int>{1, 2}));
}

void TestTopicOperations::addPartitionsPlacement_data()
{
    QTest::addColumn<int>("brokerCount");
    QTest::addColumn<int>("initial");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("rf");
    QTest::addColumn<std::vector<std::vector<int>>>("expected"); // the new partitions only

    // Kafka's rack-unaware placement continued from partition 0's first replica (start index 0
    // here, fixed), numbering from the old count: p3 starts at broker 3, p4 at 4, and at p5
    // (a multiple of 5 brokers) the follower shift grows by one.
    QTest::newRow("5 brokers, 3 -> 6, RF 3")
        << 5 << 3 << 6 << 3 << std::vector<std::vector<int>>{{3, 4, 0}, {4, 0, 1}, {0, 2, 3}};
    QTest::newRow("3 brokers, 1 -> 4, RF 2")
        << 3 << 1 << 4 << 2 << std::vector<std::vector<int>>{{1, 2}, {2, 0}, {0, 2}};
    QTest::newRow("1 broker, 2 -> 3, RF 1") << 1 << 2 << 3 << 1 << std::vector<std::vector<int>>{{0}};
}

void TestTopicOperations::addPartitionsPlacement()
{
    QFETCH(int, brokerCount);
    QFETCH(int, initial);
    QFETCH(int, total);
    QFETCH(int, rf);
    QFETCH(std::vector<std::vector<int>>, expected);
    auto c = brokers(brokerCount);
    TopicSettings s;
    s.replicationFactor = rf;
    s.placementStartIndex = 0;
    QVERIFY(c->createTopic("t", initial, s).isOk());
    const auto before = assignmentOf(*c, "t");
    const Status st = c->addPartitions("t", total);
    QVERIFY2(st.isOk(), st.message().c_str());
    const auto after = assignmentOf(*c, "t");
    QCOMPARE(after.size(), static_cast<std::size_t>(total));
    QCOMPARE(std::vector<std::vector<int>>(after.begin(), after.begin() + initial), before); // old ones untouched
    QCOMPARE(std::vector<std::vector<int>>(after.begin() + initial, after.end()), expected);
}

void TestTopicOperations::addPartitionsRefusals()
{
    auto c = brokers(3);
    TopicSettings s;
    s.replicationFactor = 2;
    QVERIFY(c->createTopic("t", 3, s).isOk());
    Status st = c->addPartitions("t", 3);
    QVERIFY(QString::fromStdString(st.message()).contains("already has 3 partitions"));
    st = c->addPartitions("t", 2);
    QVERIFY(QString::fromStdString(st.message()).contains("partitions can only be added"));
    st = c->addPartitions("nope", 5);
    QCOMPARE(st.code(), Status::Code::NotFound);
    st = c->addPartitions("t", 5, toBrokers({{0, 1}})); // two new partitions, one list
    QVERIFY(QString::fromStdString(st.message()).contains("2 new partitions need 2 replica lists, got 1"));
    st = c->addPartitions("t", 4, toBrokers({{0}}));
    QVERIFY(QString::fromStdString(st.message()).contains("need 2 replicas like the existing ones"));
    QCOMPARE(c->topic("t")->partitionCount(), 3); // nothing changed
    st = c->addPartitions("t", 4, toBrokers({{2, 1}}));
    QVERIFY2(st.isOk(), st.message().c_str());
    QCOMPARE(assignmentOf(*c, "t")[3], (std::vector<int>{2, 1}));
}

void TestTopicOperations::addPartitionsRemapsKeys()
{
    // The producer's partition for a key is murmur2(key) % count: growing 3 -> 4 moves exactly
    // the keys whose hash mod 4 differs from mod 3, and records already written stay put.
    auto c = brokers(1);
    QVERIFY(c->createTopic("t", 3).isOk());
    std::vector<std::string> keys;
    for (int i = 0; i < 40; ++i)
        keys.push_back("customer-" + std::to_string(i));
    std::map<std::string, int> before;
    for (const auto &k : keys)
        before[k] = c->produce("t", k, std::string("a")).value().value();
    runFor(*c, 100);
    QVERIFY(c->addPartitions("t", 4).isOk());
    int moved = 0;
    for (const auto &k : keys) {
        const int after = c->produce("t", k, std::string("b")).value().value();
        const auto hash = static_cast<std::uint32_t>(toPositive(murmur2(k)));
        QCOMPARE(before[k], static_cast<int>(hash % 3));
        QCOMPARE(after, static_cast<int>(hash % 4));
        moved += after != before[k] ? 1 : 0;
    }
    QVERIFY(moved > 0);
    QVERIFY(moved < static_cast<int>(keys.size()));
    runFor(*c, 100);
    std::int64_t total = 0;
    for (std::int32_t p = 0; p < 4; ++p)
        total += c->topic("t")->partition(PartitionId{p}).logEndOffset();
    QCOMPARE(total, std::int64_t{80});
}

void TestTopicOperations::addedPartitionsReplicate()
{
    auto c = brokers(3);
    TopicSettings s;
    s.replicationFactor = 3;
    s.minInsyncReplicas = 2;
    QVERIFY(c->createTopic("t", 1, s).isOk());
    QVERIFY(c->addPartitions("t", 2).isOk());
    const PartitionState &p1 = c->topic("t")->state(PartitionId{1});
    QCOMPARE(p1.minInsyncReplicas, 2);
    for (int i = 0; i < 10; ++i)
        (void)c->produce("t", "k" + std::to_string(i), std::string("v"));
    runFor(*c, 1000);
    const PartitionState &state = c->topic("t")->state(PartitionId{1});
    const std::int64_t leo = state.leaderReplica()->log->logEndOffset();
    QVERIFY(leo > 0);
    for (const auto &[b, r] : state.replicas)
        QCOMPARE(r.log->logEndOffset(), leo);
    QCOMPARE(state.highWatermark(), leo);
}

void TestTopicOperations::deleteTopicDropsEverything()
{
    auto c = brokers(3);
    TopicSettings s;
    s.replicationFactor = 3;
    s.minInsyncReplicas = 2;
    QVERIFY(c->createTopic("t", 2, s).isOk());
    ProducerConfig pc;
    pc.clientId = "p";
    pc.topic = "t";
    QVERIFY(c->addProducer(pc).isOk());
    for (int i = 0; i < 20; ++i)
        (void)c->produce("t", "k" + std::to_string(i), std::string("v"));
    runFor(*c, 1); // requests in flight
    QVERIFY(c->deleteTopic("t").isOk());
    QVERIFY(!c->topic("t"));
    QCOMPARE(c->deleteTopic("t").code(), Status::Code::NotFound);
    QVERIFY(!c->produce("t", std::string("k"), std::string("v")).isOk());
    runFor(*c, 60000); // in-flight requests and fetches for the old topic must do no harm
    // A new topic of the same name starts empty and is a different topic.
    QVERIFY(c->createTopic("t", 2, s).isOk());
    runFor(*c, 1000);
    for (std::int32_t p = 0; p < 2; ++p)
        for (const auto &[b, r] : c->topic("t")->state(PartitionId{p}).replicas)
            QCOMPARE(r.log->logEndOffset(), std::int64_t{0});
    const auto &events = c->journal().events();
    QVERIFY(std::any_of(events.begin(), events.end(),
                        [](const JournalEvent &e) { return e.kind == JournalEventKind::TopicDeleted && e.topic == "t"; }));
}

void TestTopicOperations::deleteAndRecreateOnDisk()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::string dir = tmp.path().toStdString() + "/data";
    auto c = brokers(2);
    QVERIFY(c->setDataDirectory(dir).isOk());
    TopicSettings s;
    s.replicationFactor = 2;
    QVERIFY(c->createTopic("t", 1, s).isOk());
    (void)c->produce("t", std::string("k"), std::string("v"));
    runFor(*c, 500);
    QVERIFY(std::filesystem::exists(dir + "/broker-0/t-0"));
    QVERIFY(std::filesystem::exists(dir + "/broker-1/t-0"));
    QVERIFY(c->deleteTopic("t").isOk());
    QVERIFY(!std::filesystem::exists(dir + "/broker-0/t-0"));
    QVERIFY(!std::filesystem::exists(dir + "/broker-1/t-0"));
    QVERIFY(c->createTopic("t", 1, s).isOk());
    QCOMPARE(c->topic("t")->partition(PartitionId{0}).logEndOffset(), std::int64_t{0});
}

void TestTopicOperations::reassignmentMovesReplicaAfterCatchUp()
{
    auto c = brokers(4);
    QVERIFY(c->createTopic("t", toBrokers({{0, 1, 2}})).isOk());
    for (int i = 0; i < 30; ++i)
        (void)c->produce("t", std::string("k"), "v" + std::to_string(i));
    runFor(*c, 500);
    const TopicPartition tp{"t", PartitionId{0}};
    QVERIFY(c->reassignPartition(tp, {BrokerId{0}, BrokerId{1}, BrokerId{3}}).isOk());
    {
        // While it moves: target first, then the replica leaving; the new one is not in sync yet.
        const PartitionState &s = c->topic("t")->state(PartitionId{0});
        QCOMPARE(assignmentOf(*c, "t")[0], (std::vector<int>{0, 1, 3, 2}));
        QVERIFY(s.reassignTarget.has_value());
        QCOMPARE(isrOf(s), (std::vector<int>{0, 1, 2}));
    }
    runFor(*c, 2000);
    const PartitionState &s = c->topic("t")->state(PartitionId{0});
    QCOMPARE(assignmentOf(*c, "t")[0], (std::vector<int>{0, 1, 3}));
    QVERIFY(!s.reassignTarget.has_value());
    QCOMPARE(isrOf(s), (std::vector<int>{0, 1, 3}));
    QVERIFY(!s.replicas.count(BrokerId{2}));
    QCOMPARE(s.replicas.at(BrokerId{3}).log->logEndOffset(), std::int64_t{30});
    QCOMPARE(s.leader->value(), 0);
    const auto &events = c->journal().events();
    QVERIFY(std::any_of(events.begin(), events.end(),
                        [](const JournalEvent &e) { return e.kind == JournalEventKind::ReassignmentCompleted; }));
}

void TestTopicOperations::reassignmentLeaderEpoch_data()
{
    // KRaft (PartitionChangeBuilder): the leader epoch goes up when the leader changes, or when
    // the new replicas do not include all the old ones, even if the leader stays.
    QTest::addColumn<QList<int>>("before");
    QTest::addColumn<QList<int>>("target");
    QTest::addColumn<int>("epochIncrease");
    QTest::addColumn<int>("leader");
    QTest::addRow("follower replaced") << QList<int>{0, 1, 2} << QList<int>{0, 1, 3} << 1 << 0;
    QTest::addRow("follower removed") << QList<int>{0, 1, 2} << QList<int>{0, 1} << 1 << 0;
    QTest::addRow("replica added") << QList<int>{0, 1} << QList<int>{0, 1, 2} << 0 << 0;
    QTest::addRow("leader moved") << QList<int>{0, 1} << QList<int>{2, 1} << 1 << 2;
}

void TestTopicOperations::reassignmentLeaderEpoch()
{
    QFETCH(QList<int>, before);
    QFETCH(QList<int>, target);
    QFETCH(int, epochIncrease);
    QFETCH(int, leader);
    auto c = brokers(4);
    QVERIFY(c->createTopic("t", toBrokers({std::vector<int>(before.begin(), before.end())})).isOk());
    for (int i = 0; i < 10; ++i)
        (void)c->produce("t", std::string("k"), "v" + std::to_string(i));
    runFor(*c, 500);
    const std::int32_t epoch = c->topic("t")->state(PartitionId{0}).leaderEpoch;
    std::vector<BrokerId> to;
    for (const int b : target)
        to.push_back(BrokerId{b});
    QVERIFY(c->reassignPartition({"t", PartitionId{0}}, to).isOk());
    runFor(*c, 2000);
    {
        const PartitionState &s = c->topic("t")->state(PartitionId{0});
        QVERIFY(!s.reassignTarget.has_value());
        QCOMPARE(s.leader->value(), leader);
        QCOMPARE(s.leaderEpoch, epoch + epochIncrease);
        // The leader's epoch cache starts the current epoch no later than its log end.
        QCOMPARE(s.leaderReplica()->epochs.latestEpoch(), std::optional<std::int32_t>{s.leaderEpoch});
        QVERIFY(s.leaderReplica()->epochs.entries().back().startOffset <= 10);
    }
    // The followers carry on in the new epoch: ten more records reach every replica.
    for (int i = 10; i < 20; ++i)
        (void)c->produce("t", std::string("k"), "v" + std::to_string(i));
    runFor(*c, 1000);
    const PartitionState &s = c->topic("t")->state(PartitionId{0});
    QCOMPARE(s.highWatermark(), std::int64_t{20});
    QCOMPARE(static_cast<qsizetype>(s.replicas.size()), target.size());
    for (const auto &[b, replica] : s.replicas)
        QCOMPARE(replica.log->logEndOffset(), std::int64_t{20});
    QCOMPARE(static_cast<qsizetype>(s.isr.size()), target.size());
}

void TestTopicOperations::reassignmentMovesLeadership()
{
    auto c = brokers(3);
    QVERIFY(c->createTopic("t", toBrokers({{0, 1}})).isOk());
    (void)c->produce("t", std::string("k"), std::string("v"));
    runFor(*c, 200);
    const std::int32_t epoch = c->topic("t")->state(PartitionId{0}).leaderEpoch;
    QVERIFY(c->reassignPartition({"t", PartitionId{0}}, {BrokerId{2}, BrokerId{1}}).isOk());
    runFor(*c, 2000);
    const PartitionState &s = c->topic("t")->state(PartitionId{0});
    QCOMPARE(assignmentOf(*c, "t")[0], (std::vector<int>{2, 1}));
    QCOMPARE(s.leader->value(), 2); // the first in-sync replica of the target
    QCOMPARE(s.leaderEpoch, epoch + 1);
    QCOMPARE(isrOf(s), (std::vector<int>{1, 2}));
    QCOMPARE(s.leaderReplica()->log->logEndOffset(), std::int64_t{1});
}

void TestTopicOperations::reassignmentRefusals()
{
    auto c = brokers(3);
    QVERIFY(c->createTopic("t", toBrokers({{0, 1}})).isOk());
    const TopicPartition tp{"t", PartitionId{0}};
    QCOMPARE(c->reassignPartition({"t", PartitionId{5}}, {BrokerId{0}}).code(), Status::Code::NotFound);
    QVERIFY(QString::fromStdString(c->reassignPartition(tp, {BrokerId{0}, BrokerId{0}}).message()).contains("listed twice"));
    QVERIFY(QString::fromStdString(c->reassignPartition(tp, {BrokerId{9}}).message()).contains("no such broker"));
    QVERIFY(c->killBroker(BrokerId{2}).isOk());
    QVERIFY(c->reassignPartition(tp, {BrokerId{0}, BrokerId{2}}).isOk()); // waits for broker 2
    QVERIFY(QString::fromStdString(c->reassignPartition(tp, {BrokerId{1}}).message()).contains("already being reassigned"));
    runFor(*c, 5000);
    QVERIFY(c->topic("t")->state(PartitionId{0}).reassignTarget.has_value()); // broker 2 is down
    QVERIFY(c->restartBroker(BrokerId{2}).isOk());
    runFor(*c, 5000);
    QCOMPARE(assignmentOf(*c, "t")[0], (std::vector<int>{0, 2}));
}

void TestTopicOperations::decommissionMovesEveryReplicaThenLeaves()
{
    auto c = brokers(4);
    TopicSettings s;
    s.replicationFactor = 3;
    s.minInsyncReplicas = 2;
    s.placementStartIndex = 0;
    QVERIFY(c->createTopic("t", 8, s).isOk());
    for (int i = 0; i < 50; ++i)
        (void)c->produce("t", "k" + std::to_string(i), std::string("v"));
    runFor(*c, 500);
    QVERIFY(c->decommissionBroker(BrokerId{1}).isOk());
    QVERIFY(c->brokers().at(BrokerId{1}).decommissioning);
    QVERIFY(!c->decommissionBroker(BrokerId{1}).isOk());
    runFor(*c, 5000);
    QVERIFY(!c->brokers().count(BrokerId{1}));
    for (std::int32_t p = 0; p < 8; ++p) {
        const PartitionState &st = c->topic("t")->state(PartitionId{p});
        QCOMPARE(st.assignment.size(), std::size_t{3});
        QVERIFY(std::find(st.assignment.begin(), st.assignment.end(), BrokerId{1}) == st.assignment.end());
        QCOMPARE(st.isr.size(), std::size_t{3});
        QVERIFY(st.leader && *st.leader != BrokerId{1});
    }
    // Nothing acknowledged was lost on the way, and a new broker gets a new id.
    for (const auto &[topic, counts] : c->durability())
        QCOMPARE(counts.lost, std::uint64_t{0});
    QCOMPARE(c->addBroker().value(), 4);
}

void TestTopicOperations::decommissionRefusedWhenNowhereToGo()
{
    auto c = brokers(3);
    TopicSettings s;
    s.replicationFactor = 3;
    QVERIFY(c->createTopic("t", 2, s).isOk());
    const Status st = c->decommissionBroker(BrokerId{2});
    QVERIFY(!st.isOk());
    QVERIFY2(QString::fromStdString(st.message()).contains("no other live broker can take one"), st.message().c_str());
    QVERIFY(!c->brokers().at(BrokerId{2}).decommissioning);
    QCOMPARE(assignmentOf(*c, "t")[0].size(), std::size_t{3});
    QCOMPARE(c->decommissionBroker(BrokerId{7}).code(), Status::Code::NotFound);
}

void TestTopicOperations::offsetsTopic()
{
    auto c = brokers(4);
    QVERIFY(c->ensureOffsetsTopic().isOk());
    const Topic *t = c->topic(kConsumerOffsetsTopic);
    QVERIFY(t);
    QVERIFY(t->isInternal());
    QCOMPARE(t->partitionCount(), 50);
    QCOMPARE(t->settings().replicationFactor, 3);
    QVERIFY(t->settings().log.compacts());
    QVERIFY(!t->settings().log.deletes());
    QVERIFY(c->ensureOffsetsTopic().isOk()); // already there
    QVERIFY(QString::fromStdString(c->addPartitions(kConsumerOffsetsTopic, 60).message()).contains("internal"));
    auto small = brokers(2);
    QVERIFY(small->ensureOffsetsTopic().isOk());
    QCOMPARE(small->topic(kConsumerOffsetsTopic)->settings().replicationFactor, 2);
}

QTEST_APPLESS_MAIN(TestTopicOperations)
#include "tst_topicoperations.moc"
