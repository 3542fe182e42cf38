// A group's rebalance timeline read from the journal: eager rebalancing empties every lane and
// refills it after the sync; cooperative keeps what stays put and moves the rest in a second round.
// group/*.h come before QtTest: GroupCoordinator has a method named like Qt's `emit` macro.
#include "group/group_coordinator.h"

#include "cluster/cluster.h"
#include "scenario/demo_scenario.h"
#include "model/rebalancetimeline.h"
#include "model/simulationcontroller.h"
#include "views/rebalancetimelinewidget.h"

#include <QComboBox>
#include <QtTest>

using namespace kafkascope;

namespace {

std::unique_ptr<Cluster> cooperativeCluster(int members)
{
    auto cluster = std::make_unique<Cluster>(3);
    cluster->addBroker();
    cluster->addBroker();
    TopicSettings settings;
    settings.replicationFactor = 3;
    if (!cluster->createTopic("orders", 6, settings).isOk())
        return nullptr;
    for (int i = 0; i < members; ++i) {
        ConsumerConfig c;
        c.clientId = "c" + std::to_string(i);
        c.topic = "orders";
        c.groupId = "g";
        c.assignors = {"cooperative-sticky"};
        if (!cluster->addConsumer(c).isOk())
            return nullptr;
    }
    return cluster;
}

const RebalanceTimeline::Lane *lane(const RebalanceTimeline &t, const QString &client)
{
    for (const auto &l : t.lanes)
        if (l.clientId == client)
            return &l;
    return nullptr;
}

} // namespace

class TestRebalanceTimeline : public QObject
{
    Q_OBJECT

private slots:
    void demoGroupLanes();
    void eagerEmptiesEveryLane();
    void cooperativeKeepsWhatStays();
    void widgetListsGroups();
    void rebalancesFromPreparingToStable();
};

void TestRebalanceTimeline::demoGroupLanes()
{
    auto cluster = makeDemoCluster();
    cluster->runUntil(SimTime::fromMillis(10000));
    QCOMPARE(RebalanceTimeline::groups(cluster->journal()), QStringList{QStringLiteral("billing")});
    const auto t = RebalanceTimeline::build(cluster->journal(), "billing", 10000);
    QCOMPARE(t.lanes.size(), std::size_t{2});
    QCOMPARE(t.lanes[0].clientId, QStringLiteral("billing-1"));
    QCOMPARE(t.lanes[1].clientId, QStringLiteral("billing-2"));
    QVERIFY(t.lanes[0].leader);
    QVERIFY(!t.lanes[1].leader);
    QCOMPARE(t.generations.size(), std::size_t{1});
    QCOMPARE(t.generations[0].generation, 1);
    QCOMPARE(t.generations[0].protocol, QStringLiteral("range"));
    QCOMPARE(t.phases.back().state, QStringLiteral("Stable"));
    QCOMPARE(t.phases.back().toMs, 10000);
    // Range over orders-0..3: two each, owned from the assignment until now.
    QCOMPARE(t.lanes[0].owned.size(), std::size_t{1});
    QCOMPARE(t.lanes[0].owned[0].partitions, (QStringList{QStringLiteral("orders-0"), QStringLiteral("orders-1")}));
    QCOMPARE(t.lanes[0].owned[0].toMs, 10000);
    QCOMPARE(t.lanes[1].owned[0].partitions, (QStringList{QStringLiteral("orders-2"), QStringLiteral("orders-3")}));
    QVERIFY(t.lanes[0].owned[0].fromMs >= t.generations[0].atMs);
}

void TestRebalanceTimeline::eagerEmptiesEveryLane()
{
    auto cluster = makeDemoCluster();
    cluster->runUntil(SimTime::fromMillis(10000));
    QVERIFY(cluster->closeConsumer(cluster->consumers().front()->id()).isOk()); // billing-1 leaves
    cluster->runUntil(SimTime::fromMillis(20000));
    const auto t = RebalanceTimeline::build(cluster->journal(), "billing", 20000);
    const auto *first = lane(t, QStringLiteral("billing-1"));
    const auto *second = lane(t, QStringLiteral("billing-2"));
    QVERIFY(first && second);
    QVERIFY(first->removedMs);
    QCOMPARE(first->removedWhy, QStringLiteral("left"));
    // It revoked its partitions on close, before its LeaveGroup reached the coordinator.
    QVERIFY(first->owned.back().toMs <= *first->removedMs);
    QVERIFY(*first->removedMs - first->owned.back().toMs < 100);
    // Eager: billing-2 revoked everything it had, then got all four: two ownership spans with a
    // gap between them (the stop-the-world pause).
    QCOMPARE(second->owned.size(), std::size_t{2});
    QVERIFY(second->owned[0].toMs < second->owned[1].fromMs);
    QCOMPARE(second->owned[1].partitions.size(), 4);
    QVERIFY(second->leader);
    bool revokedAll = false;
    for (const auto &m : second->marks)
        revokedAll = revokedAll || (m.kind == RebalanceTimeline::MarkKind::Revoked && m.partitions.size() == 2);
    QVERIFY(revokedAll);
}

void TestRebalanceTimeline::cooperativeKeepsWhatStays()
{
    auto cluster = cooperativeCluster(2);
    QVERIFY(cluster);
    cluster->runUntil(SimTime::fromMillis(12000));
    ConsumerConfig third;
    third.clientId = "c2";
    third.topic = "orders";
    third.groupId = "g";
    third.assignors = {"cooperative-sticky"};
    QVERIFY(cluster->addConsumer(third).isOk());
    cluster->runUntil(SimTime::fromMillis(30000));
    const auto t = RebalanceTimeline::build(cluster->journal(), "g", 30000);
    QCOMPARE(t.lanes.size(), std::size_t{3});
    // Two rounds: the old owners give up what moves, then it is handed to c2.
    QVERIFY(t.generations.size() >= 3);
    const int last = t.generations.back().generation;
    QCOMPARE(t.generations[t.generations.size() - 2].generation, last - 1);
    for (const QString &client : {QStringLiteral("c0"), QStringLiteral("c1")}) {
        const auto *l = lane(t, client);
        QVERIFY(l);
        // Never empty after the first assignment: every span starts where the previous ended.
        for (std::size_t i = 1; i < l->owned.size(); ++i)
            QCOMPARE(l->owned[i].fromMs, l->owned[i - 1].toMs);
        QCOMPARE(l->owned.back().partitions.size(), 2);
    }
    const auto *newcomer = lane(t, QStringLiteral("c2"));
    QVERIFY(newcomer);
    QCOMPARE(newcomer->owned.back().partitions.size(), 2);
}

void TestRebalanceTimeline::widgetListsGroups()
{
    SimulationController controller(makeDemoCluster());
    RebalanceTimelineWidget widget(&controller);
    widget.resize(900, 300);
    widget.show();
    auto *combo = widget.findChild<QComboBox *>();
    QVERIFY(combo);
    QCOMPARE(combo->count(), 0);
    controller.advanceTo(SimTime::fromMillis(8000));
    // Frames refresh it at most four times a wall second.
    QTest::qWait(300);
    controller.step(100);
    QCOMPARE(combo->count(), 1);
    QCOMPARE(combo->currentText(), QStringLiteral("billing"));
    QCOMPARE(widget.canvas()->timeline().lanes.size(), std::size_t{2});
    QVERIFY(widget.canvas()->minimumHeight() > 0);
    const QImage image = widget.grab().toImage();
    QVERIFY(!image.isNull());
}

// The coordinator's phases as the journal has them; rebalances() cuts them into rebalances: one
// completed, one whose join restarted during the sync (still one rebalance), one that ended with
// the group empty, and one still going on.
void TestRebalanceTimeline::rebalancesFromPreparingToStable()
{
    Journal journal;
    auto state = [&journal](qint64 ms, const char *name) {
        JournalEvent e;
        e.time = SimTime::fromMillis(ms);
        e.kind = JournalEventKind::GroupStateChanged;
        e.group = "g";
        e.detail = name;
        journal.append(e);
    };
    auto generation = [&journal](qint64 ms, int number) {
        JournalEvent e;
        e.time = SimTime::fromMillis(ms);
        e.kind = JournalEventKind::GroupGenerationStarted;
        e.group = "g";
        e.value = number;
        e.detail = "range";
        journal.append(e);
    };
    state(0, "Empty");
    state(1000, "PreparingRebalance");
    generation(4000, 1);
    state(4000, "CompletingRebalance");
    state(4100, "Stable");
    state(10000, "PreparingRebalance");
    generation(10500, 2);
    state(10500, "CompletingRebalance");
    state(10600, "PreparingRebalance"); // a member joined during the sync
    generation(11000, 3);
    state(11000, "CompletingRebalance");
    state(11200, "Stable");
    state(20000, "PreparingRebalance");
    state(21000, "Empty"); // every member left
    state(30000, "PreparingRebalance");

    const auto rebalances = RebalanceTimeline::build(journal, "g", 35000).rebalances();
    QCOMPARE(rebalances.size(), std::size_t{4});
    QCOMPARE(rebalances[0].startMs, 1000);
    QCOMPARE(rebalances[0].endMs, 4100);
    QCOMPARE(rebalances[0].durationMs(), 3100);
    QCOMPARE(rebalances[0].generation, 1);
    QCOMPARE(rebalances[0].endState, QStringLiteral("Stable"));
    QVERIFY(!rebalances[0].ongoing);
    QCOMPARE(rebalances[1].startMs, 10000);
    QCOMPARE(rebalances[1].endMs, 11200);
    QCOMPARE(rebalances[1].generation, 3);
    QCOMPARE(rebalances[2].startMs, 20000);
    QCOMPARE(rebalances[2].endMs, 21000);
    QCOMPARE(rebalances[2].endState, QStringLiteral("Empty"));
    QCOMPARE(rebalances[3].startMs, 30000);
    QCOMPARE(rebalances[3].endMs, 35000);
    QVERIFY(rebalances[3].ongoing);
    QVERIFY(rebalances[3].endState.isEmpty());
    QVERIFY(RebalanceTimeline::build(journal, "other", 35000).rebalances().empty());
}

QTEST_MAIN(TestRebalanceTimeline)
#include "tst_rebalancetimeline.moc"
