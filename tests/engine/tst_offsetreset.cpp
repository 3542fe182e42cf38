// auto.offset.reset: earliest reads from the log start, latest from the high watermark, none makes
// poll() throw at the application when there is no committed offset, which stops the consumer.
// group/*.h come before QtTest: GroupCoordinator has a method named like Qt's `emit` macro.
#include "group/group_coordinator.h"

#include "cluster/cluster.h"
#include "cluster_fixtures.h"

#include <QtTest>

using namespace kafkascope;

namespace {

std::unique_ptr<Cluster> makeCluster()
{
    return testing::makeOrdersCluster({.seed = 9, .topic = "orders", .partitions = 2, .recordsPerSecond = 20});
}

ConsumerConfig consumerConfig(const std::string &clientId, ConsumerConfig::AutoOffsetReset reset, bool group)
{
    ConsumerConfig c;
    c.clientId = clientId;
    c.topic = "orders";
    if (group)
        c.groupId = "g";
    c.autoOffsetReset = reset;
    return c;
}

const Consumer &consumer(const Cluster &cluster, ConsumerId id)
{
    return *cluster.consumers().at(static_cast<std::size_t>(id.value()));
}

} // namespace

class TestOffsetReset : public QObject
{
    Q_OBJECT

private slots:
    void earliestReadsEverything();
    void latestSkipsWhatWasThere();
    void noneWithoutCommitStopsTheApplication();
    void noneWithoutGroupStopsAtOnce();
    void noneWithCommittedOffsetsReads();
};

void TestOffsetReset::earliestReadsEverything()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    cluster->runUntil(SimTime::fromMillis(5000)); // about 100 records before the consumer starts
    const auto id = cluster->addConsumer(consumerConfig("c", ConsumerConfig::AutoOffsetReset::Earliest, true)).value();
    cluster->runUntil(SimTime::fromMillis(15000));
    const Consumer &c = consumer(*cluster, id);
    QVERIFY(c.isRunning());
    for (const auto &[tp, position] : c.positions())
        QVERIFY(position.value() > 0);
    QVERIFY(c.recordsConsumed() > 250); // the ~100 from before it joined, and what followed
}

void TestOffsetReset::latestSkipsWhatWasThere()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    cluster->runUntil(SimTime::fromMillis(5000));
    const auto id = cluster->addConsumer(consumerConfig("c", ConsumerConfig::AutoOffsetReset::Latest, true)).value();
    cluster->runUntil(SimTime::fromMillis(15000));
    const Consumer &c = consumer(*cluster, id);
    QVERIFY(c.isRunning());
    // It joined after the initial rebalance delay (about 8 s): what came before is skipped.
    QVERIFY2(c.recordsConsumed() < 160, qPrintable(QString::number(c.recordsConsumed())));
    QVERIFY(c.recordsConsumed() > 80);
}

void TestOffsetReset::noneWithoutCommitStopsTheApplication()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    const auto id = cluster->addConsumer(consumerConfig("c", ConsumerConfig::AutoOffsetReset::None, true)).value();
    cluster->runUntil(SimTime::fromMillis(8000));
    const Consumer &c = consumer(*cluster, id);
    QVERIFY(!c.isRunning());
    QVERIFY(c.applicationError());
    QVERIFY(QString::fromStdString(*c.applicationError()).startsWith(QStringLiteral("NoOffsetForPartitionException")));
    QCOMPARE(c.recordsConsumed(), std::uint64_t{0});
    bool journalled = false;
    for (const JournalEvent &e : cluster->journal().events())
        journalled = journalled
            || (e.kind == JournalEventKind::ConsumerCrashed && e.detail.find("NoOffsetForPartitionException") != std::string::npos);
    QVERIFY(journalled);
    // Its group finds out as for any crash: at the session timeout (45 s).
    cluster->runUntil(SimTime::fromMillis(60000));
    const auto group = cluster->group("g");
    QVERIFY(group);
    QVERIFY(group->members.empty());
}

void TestOffsetReset::noneWithoutGroupStopsAtOnce()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    const auto id = cluster->addConsumer(consumerConfig("plain", ConsumerConfig::AutoOffsetReset::None, false)).value();
    cluster->runUntil(SimTime::fromMillis(1000));
    QVERIFY(!consumer(*cluster, id).isRunning());
    QVERIFY(consumer(*cluster, id).applicationError());
}

void TestOffsetReset::noneWithCommittedOffsetsReads()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    // A first member commits (auto commit), then closes; a member with none starts from the commits.
    const auto first = cluster->addConsumer(consumerConfig("first", ConsumerConfig::AutoOffsetReset::Earliest, true)).value();
    cluster->runUntil(SimTime::fromMillis(15000));
    QVERIFY(cluster->closeConsumer(first).isOk());
    cluster->runUntil(SimTime::fromMillis(16000));
    const auto second = cluster->addConsumer(consumerConfig("second", ConsumerConfig::AutoOffsetReset::None, true)).value();
    cluster->runUntil(SimTime::fromMillis(30000));
    const Consumer &c = consumer(*cluster, second);
    QVERIFY2(c.isRunning(), c.applicationError().value_or("").c_str());
    QVERIFY(!c.applicationError());
    QVERIFY(c.recordsConsumed() > 0);
}

QTEST_GUILESS_MAIN(TestOffsetReset)
#include "tst_offsetreset.moc"
