// Replication across brokers: followers fetch from leaders, the ISR and high watermark move,
// leaders fail over (cleanly or not) and returning brokers truncate and catch up.
#include "cluster/cluster.h"
#include "cluster/report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QtTest>

using namespace kafkascope;

namespace {

// A cluster of `brokers` brokers with topic "t" (`partitions`, RF, min ISR), placement start 0.
std::unique_ptr<Cluster> makeCluster(int brokers, int partitions, int rf, int minIsr = 1, bool unclean = false,
                                     std::uint64_t seed = 1)
{
    auto c = std::make_unique<Cluster>(seed);
    for (int i = 1; i < brokers; ++i)
        c->addBroker();
    TopicSettings s;
    s.replicationFactor = rf;
    s.minInsyncReplicas = minIsr;
    s.uncleanLeaderElection = unclean;
    s.placementStartIndex = 0;
    if (!c->createTopic("t", partitions, s).isOk())
        return nullptr;
    return c;
}

// Sends `n` keyed records to partition 0 ("k" hashes anywhere, so use the console producer's
// explicit partition through produce() on a one-partition topic), one every `gapMs`.
void produce(Cluster &c, int n, std::int64_t gapMs = 10)
{
    for (int i = 0; i < n; ++i) {
        (void)c.produce("t", std::string("k"), "v" + std::to_string(i));
        c.runUntil(c.now() + SimDuration::millis(gapMs));
    }
}

const PartitionState &state(const Cluster &c) { return c.topic("t")->state(PartitionId{0}); }

std::int64_t leo(const Cluster &c, int broker)
{
    return state(c).replicas.at(BrokerId{broker}).log->logEndOffset();
}

std::set<int> isr(const Cluster &c)
{
    std::set<int> out;
    for (BrokerId b : state(c).isr)
        out.insert(b.value());
    return out;
}

std::vector<std::string> values(const Cluster &c, int broker)
{
    std::vector<std::string> out;
    const PartitionLog &log = *state(c).replicas.at(BrokerId{broker}).log;
    const auto records = log.readRecords(log.logStartOffset(), 1u << 30);
    for (const Record &r : records.value())
        out.push_back(r.value.value_or("<null>"));
    return out;
}

} // namespace

class TestReplication : public QObject
{
    Q_OBJECT

private slots:
    void followersCopyTheLeader();
    void highWatermarkWaitsForTheIsr();
    void controllerIsLowestLiveBroker();
    void cleanFailoverKeepsAcknowledgedRecords();
    void returningLeaderTruncatesAndRejoins();
    void laggingFollowerLeavesAndRejoinsIsr();
    void lastIsrMemberDownMeansOffline();
    void leaderEpochOnEveryLeaderChange_data();
    void leaderEpochOnEveryLeaderChange();
    void isolatedBrokerIsFencedAfterSessionTimeout_data();
    void isolatedBrokerIsFencedAfterSessionTimeout();
    void uncleanElectionLosesRecords();
    void rf1BrokerDownRejectsThenRecovers();
    void deterministicWithFaults();
    void reportShowsLeadersAndIsr();
    void controlledShutdownMovesLeadershipFirst();
    void controlledShutdownOfLastIsrMemberGoesOffline();
    void preferredElectionRestoresLeader();
    void autoRebalanceAfterImbalanceCheck();
    void oneFetchSessionPerBrokerPair();
};

void TestReplication::oneFetchSessionPerBrokerPair()
{
    // Kafka's replica fetcher: broker 1 copies ten partitions from broker 0 with one request at a
    // time carrying all ten. Idle, each request is held for replica.fetch.wait.max.ms (500 ms), so
    // 5 s cost about ten requests and ten answers, not ten of each per partition.
    auto c = std::make_unique<Cluster>(1);
    c->addBroker();
    std::vector<std::vector<BrokerId>> replicas(10, std::vector<BrokerId>{BrokerId{0}, BrokerId{1}});
    QVERIFY(c->createTopic("t", replicas).isOk());
    c->runUntil(SimTime::fromMillis(1000));
    const std::uint64_t before = c->network().messagesSent();
    c->runUntil(SimTime::fromMillis(6000));
    const std::uint64_t messages = c->network().messagesSent() - before;
    QVERIFY2(messages >= 18 && messages <= 22, std::to_string(messages).c_str());
    // A record in any of them is answered at once, alone, and reaches the follower.
    (void)c->produce("t", std::string("k"), std::string("v"));
    c->runUntil(SimTime::fromMillis(6010));
    std::int64_t copied = 0;
    for (std::int32_t p = 0; p < 10; ++p)
        copied += c->topic("t")->state(PartitionId{p}).replicas.at(BrokerId{1}).log->logEndOffset();
    QCOMPARE(copied, std::int64_t{1});
}

void TestReplication::followersCopyTheLeader()
{
    auto c = makeCluster(3, 1, 3);
    QVERIFY(c);
    QCOMPARE(state(*c).leader, std::optional<BrokerId>(BrokerId{0}));
    produce(*c, 50);
    c->runUntil(c->now() + SimDuration::seconds(2));
    QCOMPARE(leo(*c, 0), std::int64_t{50});
    QCOMPARE(leo(*c, 1), std::int64_t{50});
    QCOMPARE(leo(*c, 2), std::int64_t{50});
    QCOMPARE(values(*c, 1), values(*c, 0));
    QCOMPARE(state(*c).replicas.at(BrokerId{0}).highWatermark, std::int64_t{50});
    QCOMPARE(isr(*c), (std::set<int>{0, 1, 2}));
    // Followers learn the high watermark from their next fetch.
    QCOMPARE(state(*c).replicas.at(BrokerId{2}).highWatermark, std::int64_t{50});
}

void TestReplication::highWatermarkWaitsForTheIsr()
{
    auto c = makeCluster(3, 1, 3);
    // Cut follower 2 off: the ISR still holds it until replica.lag.time.max.ms passes, and the
    // high watermark cannot pass what it has.
    c->network().partition({0}, {2});
    produce(*c, 10);
    c->runUntil(c->now() + SimDuration::seconds(1));
    QCOMPARE(leo(*c, 0), std::int64_t{10});
    QCOMPARE(leo(*c, 1), std::int64_t{10});
    QCOMPARE(leo(*c, 2), std::int64_t{0});
    QCOMPARE(state(*c).replicas.at(BrokerId{0}).highWatermark, std::int64_t{0});
    c->runUntil(c->now() + SimDuration::seconds(45)); // past 30 s, at a 15 s check
    QCOMPARE(isr(*c), (std::set<int>{0, 1}));
    QCOMPARE(state(*c).replicas.at(BrokerId{0}).highWatermark, std::int64_t{10});
}

void TestReplication::controllerIsLowestLiveBroker()
{
    auto c = makeCluster(3, 1, 3);
    QCOMPARE(c->controller(), std::optional<BrokerId>(BrokerId{0}));
    QVERIFY(c->killBroker(BrokerId{0}).isOk());
    QCOMPARE(c->controller(), std::optional<BrokerId>(BrokerId{1}));
    QVERIFY(!c->killBroker(BrokerId{0}).isOk()); // already down
    QVERIFY(!c->killBroker(BrokerId{7}).isOk()); // no such broker
    QVERIFY(c->killBroker(BrokerId{1}).isOk());
    QVERIFY(c->killBroker(BrokerId{2}).isOk());
    QCOMPARE(c->controller(), std::nullopt);
    QVERIFY(!c->restartBroker(BrokerId{9}).isOk());
}

void TestReplication::cleanFailoverKeepsAcknowledgedRecords()
{
    auto c = makeCluster(3, 1, 3, 2);
    produce(*c, 20);
    c->runUntil(c->now() + SimDuration::seconds(1));
    const std::int64_t hw = state(*c).replicas.at(BrokerId{0}).highWatermark;
    QCOMPARE(hw, std::int64_t{20});
    QVERIFY(c->killBroker(BrokerId{0}).isOk());
    // Kafka's rule: the first live replica in the ISR, in assignment order ([0,1,2]).
    QCOMPARE(state(*c).leader, std::optional<BrokerId>(BrokerId{1}));
    QCOMPARE(state(*c).leaderEpoch, 1);
    QCOMPARE(isr(*c), (std::set<int>{1, 2}));
    produce(*c, 5);
    c->runUntil(c->now() + SimDuration::seconds(1));
    QCOMPARE(leo(*c, 1), std::int64_t{25});
    QCOMPARE(leo(*c, 2), std::int64_t{25});
    QCOMPARE(values(*c, 2), values(*c, 1));
    QCOMPARE(state(*c).replicas.at(BrokerId{1}).highWatermark, std::int64_t{25});
}

void TestReplication::returningLeaderTruncatesAndRejoins()
{
    auto c = makeCluster(3, 1, 3);
    produce(*c, 10);
    c->runUntil(c->now() + SimDuration::seconds(1));
    // Records that only the leader has: followers cut off, then the leader dies.
    c->network().partition({0}, {1, 2});
    produce(*c, 3);
    QCOMPARE(leo(*c, 0), std::int64_t{13});
    QVERIFY(c->killBroker(BrokerId{0}).isOk());
    c->network().heal();
    QCOMPARE(state(*c).leader, std::optional<BrokerId>(BrokerId{1}));
    produce(*c, 4); // the new leader writes 10-13 in epoch 1
    QVERIFY(c->restartBroker(BrokerId{0}).isOk());
    c->runUntil(c->now() + SimDuration::seconds(2));
    // Broker 0's offsets 10-12 (epoch 0) diverged: it truncated to 10 and copied epoch 1's records.
    QCOMPARE(leo(*c, 0), std::int64_t{14});
    QCOMPARE(values(*c, 0), values(*c, 1));
    QVERIFY(isr(*c).count(0));
    const auto epochs = state(*c).replicas.at(BrokerId{0}).epochs.entries();
    QCOMPARE(epochs.back().epoch, 1);
    QCOMPARE(epochs.back().startOffset, std::int64_t{10});
}

void TestReplication::laggingFollowerLeavesAndRejoinsIsr()
{
    auto c = makeCluster(2, 1, 2);
    c->network().pause(1);
    produce(*c, 5);
    c->runUntil(c->now() + SimDuration::seconds(50)); // the ISR is checked every 15 s
    QCOMPARE(isr(*c), (std::set<int>{0}));
    QCOMPARE(state(*c).replicas.at(BrokerId{0}).highWatermark, std::int64_t{5});
    c->network().resume(1);
    // The follower's fetch lost while paused is sent again after the request timeout (30 s).
    c->runUntil(c->now() + SimDuration::seconds(35));
    QCOMPARE(leo(*c, 1), std::int64_t{5});
    QCOMPARE(isr(*c), (std::set<int>{0, 1}));
}

void TestReplication::lastIsrMemberDownMeansOffline()
{
    auto c = makeCluster(2, 1, 2);
    c->network().pause(1);
    produce(*c, 3);
    c->runUntil(c->now() + SimDuration::seconds(50)); // ISR shrinks to {0}
    c->network().resume(1);
    QVERIFY(c->killBroker(BrokerId{0}).isOk());
    // Broker 1 is alive but out of sync, and unclean election is off: the partition is offline.
    QCOMPARE(state(*c).leader, std::nullopt);
    QCOMPARE(state(*c).leaderEpoch, 1); // leader -> none is a leader change
    QCOMPARE(isr(*c), (std::set<int>{0}));
    const auto rejectedBefore = c->recordsRejected();
    produce(*c, 2);
    QCOMPARE(c->recordsRejected(), rejectedBefore + 2);
    QVERIFY(c->restartBroker(BrokerId{0}).isOk());
    QCOMPARE(state(*c).leader, std::optional<BrokerId>(BrokerId{0})); // the last ISR member leads again
    QCOMPARE(state(*c).leaderEpoch, 2);
}

void TestReplication::leaderEpochOnEveryLeaderChange_data()
{
    // Steps: kN (crash broker N), rN (restart), sN (controlled shutdown), p (preferred election).
    // After each step: the leader (-1: offline) and the leader epoch. Kafka's rule: every change
    // of leader, to another broker or to none and back, bumps the epoch; no change keeps it.
    QTest::addColumn<int>("brokers");
    QTest::addColumn<int>("rf");
    QTest::addColumn<bool>("unclean");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QList<int>>("leaders");
    QTest::addColumn<QList<int>>("epochs");
    QTest::addRow("leader-dies-isr-3") << 3 << 3 << false << QStringList{"k0"} << QList<int>{1} << QList<int>{1};
    QTest::addRow("follower-dies-no-change") << 3 << 3 << false << QStringList{"k2", "r2"} << QList<int>{0, 0}
                                             << QList<int>{0, 0};
    QTest::addRow("rf1-offline-and-back") << 1 << 1 << false << QStringList{"k0", "r0"} << QList<int>{-1, 0}
                                          << QList<int>{1, 2};
    QTest::addRow("all-die-last-isr-returns")
        << 2 << 2 << false << QStringList{"k0", "k1", "r0", "r1"} << QList<int>{1, -1, -1, 1} << QList<int>{1, 2, 2, 3};
    QTest::addRow("offline-stays-offline-no-bump")
        << 2 << 2 << false << QStringList{"k0", "k1", "r0", "k0"} << QList<int>{1, -1, -1, -1} << QList<int>{1, 2, 2, 2};
    QTest::addRow("controlled-shutdown-last-isr-offline")
        << 2 << 2 << false << QStringList{"s1", "s0", "r0"} << QList<int>{0, -1, 0} << QList<int>{0, 1, 2};
    QTest::addRow("unclean-after-offline")
        << 2 << 2 << true << QStringList{"k1", "k0", "r1"} << QList<int>{0, -1, 1} << QList<int>{0, 1, 2};
    QTest::addRow("preferred-back") << 3 << 3 << false << QStringList{"k0", "r0", "p", "p"} << QList<int>{1, 1, 0, 0}
                                    << QList<int>{1, 1, 2, 2};
}

void TestReplication::leaderEpochOnEveryLeaderChange()
{
    QFETCH(int, brokers);
    QFETCH(int, rf);
    QFETCH(bool, unclean);
    QFETCH(QStringList, steps);
    QFETCH(QList<int>, leaders);
    QFETCH(QList<int>, epochs);
    auto c = makeCluster(brokers, 1, rf, 1, unclean);
    QVERIFY(c);
    produce(*c, 3);
    c->runUntil(c->now() + SimDuration::seconds(1));
    std::int32_t lastJournalledEpoch = 0;
    for (int i = 0; i < steps.size(); ++i) {
        const QString step = steps[i];
        const BrokerId b{step.size() > 1 ? step.mid(1).toInt() : 0};
        if (step.startsWith('k'))
            QVERIFY(c->killBroker(b).isOk());
        else if (step.startsWith('r'))
            QVERIFY(c->restartBroker(b).isOk());
        else if (step.startsWith('s'))
            QVERIFY(c->shutdownBroker(b).isOk());
        else
            (void)c->electPreferredLeaders();
        c->runUntil(c->now() + SimDuration::seconds(2)); // a returning replica catches up
        const QByteArray where = QByteArray("after ") + step.toLatin1();
        QVERIFY2((state(*c).leader ? state(*c).leader->value() : -1) == leaders[i], where.constData());
        QVERIFY2(state(*c).leaderEpoch == epochs[i], (where + ": epoch " + QByteArray::number(state(*c).leaderEpoch)).constData());
        // Every live replica knows the epoch (the controller's metadata reaches it).
        for (const auto &[broker, replica] : state(*c).replicas)
            if (c->isAlive(broker))
                QCOMPARE(replica.knownLeaderEpoch, state(*c).leaderEpoch);
    }
    // The journal names every new epoch once: leader_elected or partition_offline.
    for (const JournalEvent &e : c->journal().events()) {
        if (e.topic != "t" || (e.kind != JournalEventKind::LeaderElected && e.kind != JournalEventKind::PartitionOffline))
            continue;
        QCOMPARE(e.leaderEpoch, lastJournalledEpoch + 1);
        lastJournalledEpoch = e.leaderEpoch;
    }
    QCOMPARE(lastJournalledEpoch, state(*c).leaderEpoch);
}

void TestReplication::isolatedBrokerIsFencedAfterSessionTimeout_data()
{
    // A broker cut off from the others (isolateBroker) cannot heartbeat to the controller; KRaft's
    // controller fences it after broker.session.timeout.ms: new leaders for what it led, out of
    // every ISR. An isolated controller first hands over to the majority side. With no majority
    // there is no controller and nobody is fenced.
    QTest::addColumn<int>("brokers");
    QTest::addColumn<int>("isolated");
    QTest::addColumn<int>("sessionTimeoutMs");
    QTest::addColumn<int>("controller"); // after the cut; -1: none
    QTest::addColumn<bool>("fenced");
    QTest::addColumn<int>("leader");      // once fenced (or at the same time, when not)
    QTest::addColumn<QList<int>>("isrAfter");
    QTest::addRow("follower-isolated") << 3 << 2 << 9000 << 0 << true << 0 << QList<int>{0, 1};
    QTest::addRow("leader-and-controller-isolated") << 3 << 0 << 9000 << 1 << true << 1 << QList<int>{1, 2};
    QTest::addRow("longer-session-timeout") << 3 << 1 << 20000 << 0 << true << 0 << QList<int>{0, 2};
    QTest::addRow("five-brokers-follower") << 5 << 1 << 9000 << 0 << true << 0 << QList<int>{0, 2};
    QTest::addRow("two-brokers-no-majority") << 2 << 1 << 9000 << -1 << false << 0 << QList<int>{0, 1};
}

void TestReplication::isolatedBrokerIsFencedAfterSessionTimeout()
{
    QFETCH(int, brokers);
    QFETCH(int, isolated);
    QFETCH(int, sessionTimeoutMs);
    QFETCH(int, controller);
    QFETCH(bool, fenced);
    QFETCH(int, leader);
    QFETCH(QList<int>, isrAfter);
    auto c = std::make_unique<Cluster>(1);
    ReplicationConfig config = c->replicationConfig();
    config.brokerSessionTimeoutMs = sessionTimeoutMs;
    c->setReplicationConfig(config);
    for (int i = 1; i < brokers; ++i)
        c->addBroker();
    TopicSettings settings;
    settings.replicationFactor = std::min(brokers, 3);
    settings.placementStartIndex = 0;
    QVERIFY(c->createTopic("t", 1, settings).isOk());
    produce(*c, 3);
    c->runUntil(c->now() + SimDuration::seconds(1));
    const std::set<int> allInSync = isr(*c);
    QCOMPARE(static_cast<int>(allInSync.size()), std::min(brokers, 3));

    std::set<NodeId> others;
    for (int b = 0; b < brokers; ++b)
        if (b != isolated)
            others.insert(b);
    const SimTime cut = c->now();
    c->network().partition({isolated}, others);
    QCOMPARE(c->controller() ? c->controller()->value() : -1, controller);
    // Not before the session timeout ...
    c->runUntil(cut + SimDuration::millis(sessionTimeoutMs - 1));
    QVERIFY(!c->isFenced(BrokerId{isolated}));
    QCOMPARE(isr(*c), allInSync);
    // ... and by the first heartbeat check after it.
    c->runUntil(cut + SimDuration::millis(sessionTimeoutMs + config.brokerHeartbeatIntervalMs));
    QCOMPARE(c->isFenced(BrokerId{isolated}), fenced);
    QVERIFY(c->isAlive(BrokerId{isolated}));
    QCOMPARE(state(*c).leader, std::optional<BrokerId>(BrokerId{leader}));
    if (fenced) {
        QCOMPARE(isr(*c), (std::set<int>(isrAfter.begin(), isrAfter.end())));
        QVERIFY(!c->liveBrokers().count(BrokerId{isolated}));
        QCOMPARE(state(*c).leaderEpoch, leader == 0 ? 0 : 1);
    }
    int fencedEvents = 0;
    for (const JournalEvent &e : c->journal().events())
        if (e.kind == JournalEventKind::BrokerFenced) {
            QCOMPARE(e.broker, isolated);
            ++fencedEvents;
        }
    QCOMPARE(fencedEvents, fenced ? 1 : 0);

    // Healed: unfenced at the next heartbeat, it catches up and is in sync again.
    c->network().heal();
    c->runUntil(c->now() + SimDuration::seconds(40));
    QVERIFY(!c->isFenced(BrokerId{isolated}));
    QCOMPARE(c->controller(), std::optional<BrokerId>(BrokerId{0}));
    QCOMPARE(isr(*c), allInSync);
    QCOMPARE(leo(*c, isolated), leo(*c, leader));
    int unfencedEvents = 0;
    for (const JournalEvent &e : c->journal().events())
        unfencedEvents += e.kind == JournalEventKind::BrokerUnfenced ? 1 : 0;
    QCOMPARE(unfencedEvents, fenced ? 1 : 0);
}

void TestReplication::uncleanElectionLosesRecords()
{
    auto c = makeCluster(2, 1, 2, 1, true);
    produce(*c, 4);
    c->runUntil(c->now() + SimDuration::seconds(1));
    c->network().pause(1);
    produce(*c, 6);
    c->runUntil(c->now() + SimDuration::seconds(50)); // ISR shrinks to {0}; the HW reaches 10
    QCOMPARE(state(*c).replicas.at(BrokerId{0}).highWatermark, std::int64_t{10});
    c->network().resume(1);
    QVERIFY(c->killBroker(BrokerId{0}).isOk());
    // Unclean: the out-of-sync replica leads, with only 4 of the 10 acknowledged records.
    QCOMPARE(state(*c).leader, std::optional<BrokerId>(BrokerId{1}));
    QCOMPARE(isr(*c), (std::set<int>{1}));
    QCOMPARE(leo(*c, 1), std::int64_t{4});
    produce(*c, 2);
    QVERIFY(c->restartBroker(BrokerId{0}).isOk());
    c->runUntil(c->now() + SimDuration::seconds(2));
    // The old leader throws away offsets 4-9 and follows: those acknowledged records are gone.
    QCOMPARE(leo(*c, 0), std::int64_t{6});
    QCOMPARE(values(*c, 0), values(*c, 1));
    QCOMPARE(values(*c, 0).back(), std::string("v1"));
}

void TestReplication::rf1BrokerDownRejectsThenRecovers()
{
    auto c = makeCluster(1, 1, 1);
    produce(*c, 3);
    QVERIFY(c->killBroker(BrokerId{0}).isOk());
    QCOMPARE(state(*c).leader, std::nullopt);
    produce(*c, 2);
    QCOMPARE(c->recordsRejected(), std::uint64_t{2});
    QVERIFY(c->restartBroker(BrokerId{0}).isOk());
    QCOMPARE(state(*c).leader, std::optional<BrokerId>(BrokerId{0}));
    produce(*c, 1);
    QCOMPARE(leo(*c, 0), std::int64_t{4});
}

void TestReplication::deterministicWithFaults()
{
    auto run = [](int steps) {
        auto c = makeCluster(3, 1, 3, 2, false, 77);
        std::vector<std::function<void()>> script = {
            [&] { produce(*c, 5); },
            [&] { (void)c->killBroker(BrokerId{0}); },
            [&] { produce(*c, 5); },
            [&] { c->network().pause(2); },
            [&] { produce(*c, 5); },
            [&] { (void)c->restartBroker(BrokerId{0}); },
            [&] { c->network().resume(2); },
        };
        for (auto &action : script) {
            action();
            const SimTime target = c->now() + SimDuration::seconds(20);
            if (steps <= 1) {
                c->runUntil(target);
            } else {
                const SimTime from = c->now();
                for (int i = 1; i <= steps; ++i)
                    c->runUntil(from + SimDuration::micros((target - from).micros() * i / steps));
            }
        }
        return c->stateHash().hex();
    };
    const std::string once = run(1);
    QCOMPARE(run(1), once);
    QCOMPARE(run(1000), once);
}

void TestReplication::reportShowsLeadersAndIsr()
{
    auto c = makeCluster(3, 1, 3);
    produce(*c, 4);
    c->runUntil(c->now() + SimDuration::seconds(1));
    QVERIFY(c->killBroker(BrokerId{0}).isOk());
    const QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(clusterReportJson(*c, "test"))).object();
    QCOMPARE(root.value("controller").toInt(), 1);
    QCOMPARE(root.value("brokers").toArray().size(), 3);
    QCOMPARE(root.value("brokers").toArray()[0].toObject().value("alive").toBool(), false);
    const QJsonObject p0 = root.value("topics").toArray()[0].toObject().value("partitions").toArray()[0].toObject();
    QCOMPARE(p0.value("leader").toInt(), 1);
    QCOMPARE(p0.value("leader_epoch").toInt(), 1);
    QCOMPARE(p0.value("isr").toArray(), (QJsonArray{1, 2}));
    QCOMPARE(p0.value("high_watermark").toInteger(), 4);
    QCOMPARE(p0.value("replicas").toArray().size(), 3);
    QCOMPARE(p0.value("replicas").toArray()[0].toObject().value("broker").toInt(), 0); // assignment order
}

void TestReplication::controlledShutdownMovesLeadershipFirst()
{
    auto c = makeCluster(3, 1, 3);
    produce(*c, 5);
    c->runUntil(c->now() + SimDuration::seconds(1));
    QVERIFY(c->shutdownBroker(BrokerId{0}).isOk());
    QCOMPARE(state(*c).leader, std::optional<BrokerId>(BrokerId{1}));
    QCOMPARE(state(*c).leaderEpoch, 1);
    QCOMPARE(isr(*c), (std::set<int>{1, 2}));
    QVERIFY(!c->isAlive(BrokerId{0}));
    QCOMPARE(leo(*c, 1), std::int64_t{5});
    QVERIFY(!c->shutdownBroker(BrokerId{0}).isOk());
}

void TestReplication::controlledShutdownOfLastIsrMemberGoesOffline()
{
    auto c = makeCluster(2, 1, 2);
    c->network().pause(1);
    produce(*c, 2);
    c->runUntil(c->now() + SimDuration::seconds(50)); // ISR {0}
    c->network().resume(1);
    QVERIFY(c->shutdownBroker(BrokerId{0}).isOk());
    QCOMPARE(state(*c).leader, std::nullopt); // no other in-sync replica, no unclean election
}

void TestReplication::preferredElectionRestoresLeader()
{
    auto c = makeCluster(3, 1, 3);
    QVERIFY(c->killBroker(BrokerId{0}).isOk());
    QCOMPARE(state(*c).leader, std::optional<BrokerId>(BrokerId{1}));
    QCOMPARE(c->electPreferredLeaders(), 0); // the preferred replica is down
    QVERIFY(c->restartBroker(BrokerId{0}).isOk());
    c->runUntil(c->now() + SimDuration::seconds(2)); // it catches up and rejoins the ISR
    QVERIFY(isr(*c).count(0));
    QCOMPARE(c->electPreferredLeaders(), 1);
    QCOMPARE(state(*c).leader, std::optional<BrokerId>(BrokerId{0}));
    QCOMPARE(state(*c).leaderEpoch, 2);
    QCOMPARE(c->electPreferredLeaders(), 0);
}

void TestReplication::autoRebalanceAfterImbalanceCheck()
{
    auto c = makeCluster(3, 3, 3); // leaders 0, 1, 2
    QVERIFY(c->killBroker(BrokerId{0}).isOk());
    QVERIFY(c->restartBroker(BrokerId{0}).isOk());
    c->runUntil(SimTime::fromMillis(299000));
    QVERIFY(c->topic("t")->state(PartitionId{0}).leader != std::optional<BrokerId>(BrokerId{0}));
    // leader.imbalance.check.interval.seconds = 300: broker 0 leads none of the partitions it
    // prefers (100 % > 10 %), so the check moves leadership back.
    c->runUntil(SimTime::fromMillis(301000));
    QCOMPARE(c->topic("t")->state(PartitionId{0}).leader, std::optional<BrokerId>(BrokerId{0}));
}

QTEST_APPLESS_MAIN(TestReplication)
#include "tst_replication.moc"
