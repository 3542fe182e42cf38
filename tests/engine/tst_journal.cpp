// The journal (every state change as a typed event, with a running digest) and snapshots
// restored by replay: the state at any earlier simTime, and forks from there.
#include "cluster/cluster.h"
#include "scenario/demo_scenario.h"

#include <QtTest>

#include <algorithm>

using namespace kafkascope;

namespace {

// Three brokers, topic "t" (2 partitions, RF 3, min ISR 2, placement start 0), a producer.
std::unique_ptr<Cluster> makeCluster(std::uint64_t seed = 7)
{
    auto c = std::make_unique<Cluster>(seed);
    c->addBroker();
    c->addBroker();
    TopicSettings s;
    s.replicationFactor = 3;
    s.minInsyncReplicas = 2;
    s.placementStartIndex = 0;
    (void)c->createTopic("t", 2, s);
    ProducerConfig pc;
    pc.clientId = "p";
    pc.topic = "t";
    pc.rate = RateModel::constant(50).value();
    pc.keys = KeyDistribution::uniform(std::vector<std::string>{"a", "b", "c", "d"}).value();
    (void)c->addProducer(pc);
    return c;
}

// A scripted run with faults: kill the leader of t-0, a network split, restart, more records.
void script(Cluster &c, SimTime until)
{
    const auto step = [&](std::int64_t ms, const std::function<void()> &action) {
        if (SimTime::fromMillis(ms) > until)
            return false;
        c.runUntil(SimTime::fromMillis(ms));
        action();
        return true;
    };
    if (step(1000, [&] { (void)c.killBroker(BrokerId{0}); })
        && step(2000, [&] { c.network().partition({1}, {2}); })
        && step(3000, [&] { c.network().heal(); })
        && step(4000, [&] { (void)c.restartBroker(BrokerId{0}); })
        && step(4500, [&] { (void)c.produce("t", std::string("manual"), std::string("x")); })
        && step(5000, [&] { (void)c.electPreferredLeaders(); }))
        c.runUntil(until);
    else
        c.runUntil(until);
}

std::vector<JournalEventKind> kinds(const Cluster &c, std::initializer_list<JournalEventKind> keep)
{
    std::vector<JournalEventKind> out;
    for (const JournalEvent &e : c.journal().events())
        if (std::find(keep.begin(), keep.end(), e.kind) != keep.end())
            out.push_back(e.kind);
    return out;
}

} // namespace

class TestJournal : public QObject {
    Q_OBJECT
private slots:
    void failoverIsJournalledInOrder();
    void digestCoversEveryEventAndCapacityBoundsMemory();
    void windowKeepsTheNewestInOrder_data();
    void windowKeepsTheNewestInOrder();
    void sameRunSameDigest();
    void restoreToNowReproducesTheState();
    void restoreToEarlierTimeEqualsARunStoppedThere();
    void restoredClusterForksANewFuture();
    void restoreRejectsTheFuture();
    void restoreDetectsDivergence();
    void describeIsReadable();
};

void TestJournal::failoverIsJournalledInOrder()
{
    auto c = makeCluster();
    c->runUntil(SimTime::fromMillis(500));
    const std::uint64_t before = c->journal().totalEvents();
    QVERIFY(c->killBroker(BrokerId{0}).isOk());
    // Broker 0 led t-0: the crash, the controller moving to broker 1, broker 1 elected for t-0
    // at epoch 1 with the ISR shrunk to {1,2}; t-1 (led by 1) drops 0 from its ISR.
    std::vector<JournalEvent> after(c->journal().events().begin() + static_cast<std::ptrdiff_t>(
                                        c->journal().events().size() - (c->journal().totalEvents() - before)),
                                    c->journal().events().end());
    QVERIFY(after.size() >= 4);
    QCOMPARE(after[0].kind, JournalEventKind::BrokerCrashed);
    QCOMPARE(after[0].broker, 0);
    QCOMPARE(after[1].kind, JournalEventKind::ControllerChanged);
    QCOMPARE(after[1].broker, 1);
    const auto elected = std::find_if(after.begin(), after.end(), [](const JournalEvent &e) {
        return e.kind == JournalEventKind::LeaderElected && e.topic == "t" && e.partition == 0;
    });
    QVERIFY(elected != after.end());
    QCOMPARE(elected->broker, 1);
    QCOMPARE(elected->leaderEpoch, 1);
    QCOMPARE(QString::fromStdString(elected->detail), QStringLiteral("clean"));
    const auto isr = std::find_if(elected, after.end(), [](const JournalEvent &e) { return e.kind == JournalEventKind::IsrChanged; });
    QVERIFY(isr != after.end());
    QCOMPARE(isr->brokers, (std::vector<std::int32_t>{1, 2}));
    for (std::size_t i = 1; i < after.size(); ++i) {
        QCOMPARE(after[i].sequence, after[i - 1].sequence + 1);
        QVERIFY(after[i].time >= after[i - 1].time);
    }
    // Records and high watermarks are journalled as they move.
    QVERIFY(!kinds(*c, {JournalEventKind::RecordsAppended}).empty());
    QVERIFY(!kinds(*c, {JournalEventKind::RecordsReplicated}).empty());
    QVERIFY(!kinds(*c, {JournalEventKind::HighWatermarkAdvanced}).empty());
}

void TestJournal::digestCoversEveryEventAndCapacityBoundsMemory()
{
    Journal j;
    j.setCapacity(3);
    std::vector<std::uint64_t> digests{j.digest()};
    for (int i = 0; i < 5; ++i) {
        JournalEvent e;
        e.kind = JournalEventKind::BrokerAdded;
        e.broker = i;
        j.append(e);
        digests.push_back(j.digest());
    }
    QCOMPARE(j.totalEvents(), std::uint64_t{5});
    QCOMPARE(j.events().size(), std::size_t{3});
    QCOMPARE(j.droppedEvents(), std::uint64_t{2});
    QCOMPARE(j.events().front().sequence, std::uint64_t{2});
    QCOMPARE(j.events().back().broker, 4);
    std::sort(digests.begin(), digests.end());
    QVERIFY(std::adjacent_find(digests.begin(), digests.end()) == digests.end()); // every event changed it

    // Any field changes the digest.
    Journal a;
    Journal b;
    JournalEvent e;
    e.kind = JournalEventKind::IsrChanged;
    e.brokers = {1, 2};
    a.append(e);
    e.brokers = {1, 3};
    b.append(e);
    QVERIFY(a.digest() != b.digest());
}

void TestJournal::windowKeepsTheNewestInOrder_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("appended");
    QTest::addColumn<int>("newCapacity"); // set after the appends (0: unchanged), then 4 more
    QTest::newRow("not full") << 5 << 3 << 0;
    QTest::newRow("exactly full") << 5 << 5 << 0;
    QTest::newRow("wrapped once") << 5 << 7 << 0;
    QTest::newRow("wrapped many times") << 3 << 100 << 0;
    QTest::newRow("capacity 1") << 1 << 9 << 0;
    QTest::newRow("shrunk after wrapping") << 5 << 12 << 2;
    QTest::newRow("grown after wrapping") << 4 << 10 << 9;
    QTest::newRow("shrunk while growing") << 10 << 6 << 3;
}

void TestJournal::windowKeepsTheNewestInOrder()
{
    QFETCH(int, capacity);
    QFETCH(int, appended);
    QFETCH(int, newCapacity);
    Journal ring;
    ring.setCapacity(static_cast<std::size_t>(capacity));
    Journal reference; // never drops: its digest is what the ring's must be
    reference.setCapacity(1000);
    int total = 0;
    const auto add = [&](bool inPlace) {
        JournalEvent e;
        e.kind = JournalEventKind::IsrChanged;
        e.topic = "t" + std::to_string(total % 3);
        e.partition = total;
        e.brokers = std::vector<std::int32_t>(static_cast<std::size_t>(total % 4), total);
        e.detail = total % 2 ? "a detail long enough to live on the heap, not inline" : "";
        if (inPlace) { // startEvent hands out a reused slot: every field must come back reset
            JournalEvent &slot = ring.startEvent();
            QCOMPARE(slot.topic, std::string());
            QVERIFY(slot.brokers.empty());
            QCOMPARE(slot.detail, std::string());
            QCOMPARE(slot.partition, -1);
            slot = e;
            ring.finishEvent();
        } else {
            ring.append(e);
        }
        reference.append(e);
        ++total;
    };
    for (int i = 0; i < appended; ++i)
        add(i % 2 == 0);
    int kept = std::min(capacity, appended);
    if (newCapacity > 0) {
        ring.setCapacity(static_cast<std::size_t>(newCapacity));
        kept = std::min(newCapacity, kept);
        QCOMPARE(ring.events().size(), static_cast<std::size_t>(kept));
        for (int i = 0; i < 4; ++i)
            add(i % 2 == 1);
        kept = std::min(newCapacity, kept + 4);
    }
    const JournalWindow &w = ring.events();
    QCOMPARE(w.size(), static_cast<std::size_t>(kept));
    QCOMPARE(ring.totalEvents(), static_cast<std::uint64_t>(total));
    QCOMPARE(ring.droppedEvents(), static_cast<std::uint64_t>(total - kept));
    QCOMPARE(ring.digest(), reference.digest());
    // Oldest first, contiguous sequences ending at the newest; every field as appended.
    std::uint64_t expected = static_cast<std::uint64_t>(total - kept);
    for (const JournalEvent &e : w) {
        QCOMPARE(e.sequence, expected);
        QCOMPARE(e.partition, static_cast<std::int32_t>(expected));
        QCOMPARE(e.brokers.size(), expected % 4);
        QCOMPARE(e.detail.empty(), expected % 2 == 0);
        ++expected;
    }
    QCOMPARE(expected, static_cast<std::uint64_t>(total));
    QCOMPARE(w.front().sequence, static_cast<std::uint64_t>(total - kept));
    QCOMPARE(w.back().sequence, static_cast<std::uint64_t>(total - 1));
    QCOMPARE(w.at(w.size() - 1).sequence, w.back().sequence);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, (void)w.at(w.size()));
    // Backwards, and as a random-access range.
    std::uint64_t back = static_cast<std::uint64_t>(total);
    for (auto it = w.rbegin(); it != w.rend(); ++it)
        QCOMPARE(it->sequence, --back);
    QCOMPARE(w.end() - w.begin(), static_cast<std::ptrdiff_t>(kept));
    QCOMPARE(w.begin()[kept - 1].sequence, w.back().sequence);
    QVERIFY(std::is_sorted(w.begin(), w.end(), [](const JournalEvent &a, const JournalEvent &b) { return a.sequence < b.sequence; }));
}

void TestJournal::sameRunSameDigest()
{
    auto a = makeCluster();
    auto b = makeCluster();
    script(*a, SimTime::fromMillis(8000));
    script(*b, SimTime::fromMillis(8000));
    QCOMPARE(a->journal().totalEvents(), b->journal().totalEvents());
    QCOMPARE(a->journal().digest(), b->journal().digest());
    auto other = makeCluster(8);
    script(*other, SimTime::fromMillis(8000));
    QVERIFY(other->journal().digest() != a->journal().digest());
}

void TestJournal::restoreToNowReproducesTheState()
{
    auto c = makeCluster();
    script(*c, SimTime::fromMillis(8000));
    const ClusterSnapshot snap = c->snapshot();
    // Two brokers added, topic, producer, kill, split, heal, restart, produce, elect: in order.
    QCOMPARE(snap.actions.size(), std::size_t{10});
    QCOMPARE(QString::fromStdString(snap.actions[0].description), QStringLiteral("add a broker"));
    QCOMPARE(QString::fromStdString(snap.actions[4].description), QStringLiteral("kill broker 0"));
    QCOMPARE(snap.actions[4].time, SimTime::fromMillis(1000));
    QVERIFY(QString::fromStdString(snap.actions[5].description).startsWith("network: partition"));
    auto restored = Cluster::restore(snap);
    QVERIFY2(restored.isOk(), restored.status().message().c_str());
    QCOMPARE(restored.value()->now(), c->now());
    QCOMPARE(restored.value()->stateHash().hex(), c->stateHash().hex());
    QCOMPARE(restored.value()->journal().digest(), c->journal().digest());
}

void TestJournal::restoreToEarlierTimeEqualsARunStoppedThere()
{
    auto full = makeCluster();
    script(*full, SimTime::fromMillis(8000));
    const ClusterSnapshot snap = full->snapshot();
    for (const std::int64_t ms : {0, 999, 1000, 2500, 4000, 6000}) {
        auto stopped = makeCluster();
        script(*stopped, SimTime::fromMillis(ms));
        auto restored = Cluster::restore(snap, SimTime::fromMillis(ms));
        QVERIFY2(restored.isOk(), restored.status().message().c_str());
        QCOMPARE(restored.value()->now(), SimTime::fromMillis(ms));
        QCOMPARE(restored.value()->stateHash().hex(), stopped->stateHash().hex());
    }
}

void TestJournal::restoredClusterForksANewFuture()
{
    auto c = makeCluster();
    script(*c, SimTime::fromMillis(8000));
    auto fork = Cluster::restore(c->snapshot(), SimTime::fromMillis(2500)).value();
    // The fork takes a different action; its history is the old prefix plus the new action.
    QVERIFY(fork->killBroker(BrokerId{2}).isOk());
    fork->runUntil(SimTime::fromMillis(8000));
    QVERIFY(fork->stateHash().hex() != c->stateHash().hex());
    QVERIFY(!fork->isAlive(BrokerId{2}));
    QCOMPARE(QString::fromStdString(fork->actions().back().description), QStringLiteral("kill broker 2"));
    // And the fork itself restores exactly.
    auto again = Cluster::restore(fork->snapshot());
    QVERIFY2(again.isOk(), again.status().message().c_str());
    QCOMPARE(again.value()->stateHash().hex(), fork->stateHash().hex());
}

void TestJournal::restoreRejectsTheFuture()
{
    auto c = makeCluster();
    c->runUntil(SimTime::fromMillis(100));
    const auto r = Cluster::restore(c->snapshot(), SimTime::fromMillis(200));
    QVERIFY(!r.isOk());
    QVERIFY(QString::fromStdString(r.status().message()).contains("the snapshot ends at"));
}

void TestJournal::restoreDetectsDivergence()
{
    // An action made from inside a scheduled event is not replayed at the same point in the
    // event order; the restore must notice, not return a wrong state silently.
    auto c = makeCluster();
    c->scheduler().schedule(SimTime::fromMillis(300), EventPriority::Control, [&] { (void)c->killBroker(BrokerId{1}); });
    c->runUntil(SimTime::fromMillis(1000));
    const auto r = Cluster::restore(c->snapshot());
    QVERIFY(!r.isOk());
    QVERIFY(QString::fromStdString(r.status().message()).contains("diverged"));
}

void TestJournal::describeIsReadable()
{
    JournalEvent e;
    e.kind = JournalEventKind::LeaderElected;
    e.topic = "orders";
    e.partition = 2;
    e.broker = 1;
    e.leaderEpoch = 3;
    e.detail = "unclean";
    QCOMPARE(QString::fromStdString(describeJournalEvent(e)), QStringLiteral("orders-2: broker 1 elected leader, epoch 3 (unclean)"));
    e.kind = JournalEventKind::IsrChanged;
    e.brokers = {0, 2};
    e.detail = "broker 1 is down";
    QCOMPARE(QString::fromStdString(describeJournalEvent(e)), QStringLiteral("orders-2: ISR is now [0,2] (broker 1 is down)"));
    QCOMPARE(QString::fromLatin1(journalEventKindName(JournalEventKind::HighWatermarkAdvanced)),
             QStringLiteral("high_watermark_advanced"));
}

QTEST_APPLESS_MAIN(TestJournal)
#include "tst_journal.moc"
