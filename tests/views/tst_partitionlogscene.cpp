// Offscreen tests of the cluster scene: replica rows, high watermark and committed offsets on the
// strips, client nodes, and records flying as dots (which hop starts where and lands where).
#include "cluster/consumer_lag.h"
#include "scenario/demo_scenario.h"
#include "model/simulationcontroller.h"
#include "views/clientnodeitem.h"
#include "views/partitionlogscene.h"
#include "views/partitionstripitem.h"
#include "views/recorddotsitem.h"

#include <QGraphicsSceneContextMenuEvent>
#include <QtTest>

using namespace kafkascope;

namespace {
using Role = PartitionStripSnapshot::ReplicaRow::Role;

const PartitionState &stateOf(const SimulationController &controller, const char *topic, int p)
{
    return controller.cluster().topic(topic)->state(PartitionId{p});
}

ClientNodeItem *nodeNamed(const PartitionLogScene &scene, const QString &name)
{
    for (QGraphicsItem *item : scene.items())
        if (auto *node = dynamic_cast<ClientNodeItem *>(item); node && node->snapshot().name == name)
            return node;
    return nullptr;
}
} // namespace

class TestPartitionLogScene : public QObject
{
    Q_OBJECT

private slots:
    void replicaRowsFollowTheCluster();
    void highWatermarkAndCommitsOnTheStrip();
    void clientNodesForProducersAndConsumers();
    void pausedClientsWearABadge();
    void rightClickOnAClientNodeAsksForItsMenu();
    void consumerMarkersFollowARebalanceWithoutAppends();
    void producedRecordFliesFromProducerToLeader();
    void replicationAndConsumptionFly();
    void animationsCanBeTurnedOff();
    void dotPositionsFollowTheirPath();
};

void TestPartitionLogScene::replicaRowsFollowTheCluster()
{
    SimulationController controller(makeDemoCluster());
    PartitionLogScene scene(&controller);
    controller.advanceTo(SimTime::fromMillis(3000));

    const PartitionState &state = stateOf(controller, "orders", 0);
    const PartitionStripItem *strip = scene.strip(QStringLiteral("orders"), 0);
    QVERIFY(strip);
    const auto &rows = strip->snapshot().replicas;
    QCOMPARE(rows.size(), static_cast<qsizetype>(state.assignment.size()));
    QCOMPARE(rows.front().broker, state.leader->value());
    QCOMPARE(rows.front().role, Role::Leader);
    QCOMPARE(rows.front().leaderEpoch, state.leaderEpoch);
    for (const auto &row : rows) {
        QCOMPARE(row.logEndOffset, state.replicas.at(BrokerId{row.broker}).log->logEndOffset());
        if (row.role != Role::Leader)
            QCOMPARE(row.role, Role::InSync);
    }
    QCOMPARE(strip->height(), PartitionStripItem::kHeight - 2 + rows.size() * PartitionStripItem::kReplicaRowHeight + 6);

    // The leader dies: its row goes offline, a follower leads in a new epoch.
    const int oldLeader = state.leader->value();
    const int oldEpoch = state.leaderEpoch;
    QVERIFY(controller.killBroker(oldLeader).isOk());
    controller.advanceTo(controller.simTime() + SimDuration::millis(200));
    const PartitionState &after = stateOf(controller, "orders", 0);
    QVERIFY(after.leader && after.leader->value() != oldLeader);
    const auto &rowsAfter = scene.strip(QStringLiteral("orders"), 0)->snapshot().replicas;
    QCOMPARE(rowsAfter.front().broker, after.leader->value());
    QCOMPARE(rowsAfter.front().role, Role::Leader);
    QCOMPARE(rowsAfter.front().leaderEpoch, after.leaderEpoch);
    QVERIFY(after.leaderEpoch > oldEpoch);
    bool sawOffline = false;
    for (const auto &row : rowsAfter)
        if (row.broker == oldLeader) {
            QCOMPARE(row.role, Role::Offline);
            sawOffline = true;
        }
    QVERIFY(sawOffline);
}

void TestPartitionLogScene::highWatermarkAndCommitsOnTheStrip()
{
    SimulationController controller(makeDemoCluster());
    PartitionLogScene scene(&controller);
    controller.advanceTo(SimTime::fromMillis(15000));
    const auto lags = groupLag(controller.cluster(), "billing");
    int checked = 0;
    for (int p = 0; p < 4; ++p) {
        const PartitionStripItem *strip = scene.strip(QStringLiteral("orders"), p);
        QCOMPARE(strip->snapshot().highWatermark, stateOf(controller, "orders", p).highWatermark());
        const TopicPartition tp{"orders", PartitionId{p}};
        const auto it = lags.find(tp);
        if (it == lags.end() || !it->second.committed)
            continue;
        QCOMPARE(strip->snapshot().commits.size(), 1);
        QCOMPARE(strip->snapshot().commits.front().group, QStringLiteral("billing"));
        QCOMPARE(strip->snapshot().commits.front().offset, *it->second.committed);
        ++checked;
    }
    QVERIFY(checked > 0); // billing commits every 5 s (auto commit): by 15 s it has
    // "clicks" is read without a group: nothing is committed there.
    QVERIFY(scene.strip(QStringLiteral("clicks"), 0)->snapshot().commits.isEmpty());
}

void TestPartitionLogScene::clientNodesForProducersAndConsumers()
{
    SimulationController controller(makeDemoCluster());
    PartitionLogScene scene(&controller);
    for (const char *name : {"checkout", "web", "billing-1", "billing-2", "analytics"})
        QVERIFY2(nodeNamed(scene, QString::fromLatin1(name)), name);
    QCOMPARE(nodeNamed(scene, QStringLiteral("checkout"))->snapshot().kind, ClientNodeSnapshot::Kind::Producer);
    QCOMPARE(nodeNamed(scene, QStringLiteral("billing-1"))->snapshot().kind, ClientNodeSnapshot::Kind::Consumer);
    QCOMPARE(nodeNamed(scene, QStringLiteral("billing-1"))->snapshot().detail, QStringLiteral("billing"));
    // Nodes sit on their topic's heading row, above its first strip, and do not overlap.
    const QRectF a = nodeNamed(scene, QStringLiteral("billing-1"))->sceneBoundingRect();
    const QRectF b = nodeNamed(scene, QStringLiteral("billing-2"))->sceneBoundingRect();
    QVERIFY(!a.intersects(b));
    QVERIFY(a.bottom() <= scene.strip(QStringLiteral("orders"), 0)->sceneBoundingRect().top());

    // A crashed consumer stays, greyed.
    int id = -1;
    for (const auto &c : controller.cluster().consumers())
        if (c->config().clientId == "billing-2")
            id = c->id().value();
    QVERIFY(controller.crashConsumer(id).isOk());
    QVERIFY(!nodeNamed(scene, QStringLiteral("billing-2"))->snapshot().active);
}

void TestPartitionLogScene::pausedClientsWearABadge()
{
    SimulationController controller(makeDemoCluster());
    PartitionLogScene scene(&controller);
    controller.step(500);
    const qreal plainWidth = nodeNamed(scene, QStringLiteral("checkout"))->width();
    QVERIFY(controller.pauseClientProcess(true, 0, SimDuration::seconds(2)).isOk()); // checkout
    QVERIFY(controller.pauseClientProcess(false, 0, std::nullopt).isOk());          // billing-1
    QVERIFY(nodeNamed(scene, QStringLiteral("checkout"))->snapshot().paused);
    QVERIFY(nodeNamed(scene, QStringLiteral("checkout"))->width() > plainWidth); // room for the badge
    QVERIFY(nodeNamed(scene, QStringLiteral("billing-1"))->snapshot().paused);
    QVERIFY(!nodeNamed(scene, QStringLiteral("billing-2"))->snapshot().paused);
    // The producer's pause ends by itself; the consumer's when resumed.
    controller.step(2500);
    QVERIFY(!nodeNamed(scene, QStringLiteral("checkout"))->snapshot().paused);
    QVERIFY(nodeNamed(scene, QStringLiteral("billing-1"))->snapshot().paused);
    QVERIFY(controller.resumeClientProcess(false, 0).isOk());
    QVERIFY(!nodeNamed(scene, QStringLiteral("billing-1"))->snapshot().paused);
}

void TestPartitionLogScene::rightClickOnAClientNodeAsksForItsMenu()
{
    SimulationController controller(makeDemoCluster());
    PartitionLogScene scene(&controller);
    QSignalSpy spy(&scene, &PartitionLogScene::clientMenuRequested);
    for (const char *name : {"checkout", "billing-2"}) {
        ClientNodeItem *node = nodeNamed(scene, QString::fromLatin1(name));
        QVERIFY(node);
        QGraphicsSceneContextMenuEvent event(QEvent::GraphicsSceneContextMenu);
        event.setScreenPos(QPoint(40, 50));
        scene.sendEvent(node, &event);
    }
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).toBool(), true); // checkout, a producer
    QCOMPARE(spy.at(0).at(1).toInt(), nodeNamed(scene, QStringLiteral("checkout"))->snapshot().id);
    QCOMPARE(spy.at(0).at(2).toPoint(), QPoint(40, 50));
    QCOMPARE(spy.at(1).at(0).toBool(), false); // billing-2, a consumer
    QCOMPARE(spy.at(1).at(1).toInt(), nodeNamed(scene, QStringLiteral("billing-2"))->snapshot().id);
}

void TestPartitionLogScene::consumerMarkersFollowARebalanceWithoutAppends()
{
    // Nothing is appended to orders (its producer is paused) and no committed offset moves, yet
    // the partitions of a member that leaves go to the other one: the strips show the new reader.
    SimulationController controller(makeDemoCluster());
    PartitionLogScene scene(&controller);
    QVERIFY(controller.pauseClientProcess(true, 0, std::nullopt).isOk()); // checkout, on orders
    controller.step(20000); // the group forms, reads everything and commits it
    int billing2 = -1;
    for (const auto &c : controller.cluster().consumers())
        if (c->config().clientId == "billing-2")
            billing2 = c->id().value();
    QVERIFY(controller.closeConsumer(billing2).isOk());
    for (int i = 0; i < 50; ++i)
        controller.step(100);
    for (int p = 0; p < 4; ++p) {
        const auto &marks = scene.strip(QStringLiteral("orders"), p)->snapshot().consumers;
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.front().name, QStringLiteral("billing-1"));
        const TopicPartition tp{"orders", PartitionId{p}};
        QCOMPARE(marks.front().position, controller.cluster().consumers()[0]->position(tp).value());
    }
}

void TestPartitionLogScene::producedRecordFliesFromProducerToLeader()
{
    SimulationController controller(makeDemoCluster());
    PartitionLogScene scene(&controller);
    // Run until a frame appends a record of "checkout", then look at the dots that frame started.
    for (int i = 0; i < 100; ++i) {
        controller.step(20);
        for (const auto &a : controller.lastFrame().appended) {
            if (a.topic != QStringLiteral("orders"))
                continue;
            const ClientNodeItem *checkout = nodeNamed(scene, QStringLiteral("checkout"));
            const PartitionStripItem *strip = scene.strip(a.topic, a.partition);
            const QPointF from = checkout->anchor();
            const QPointF to = strip->mapToScene(strip->cellCentre(a.offset));
            const auto &flights = scene.dots()->flights();
            const bool found = std::any_of(flights.begin(), flights.end(), [&](const RecordDotsItem::Flight &f) {
                return f.from == from && f.to == to && f.durationMs == PartitionLogScene::kProduceFlightMs;
            });
            QVERIFY2(found, "no dot from the producer to the record's slot");
            return;
        }
    }
    QFAIL("checkout appended nothing in 2 s");
}

void TestPartitionLogScene::replicationAndConsumptionFly()
{
    SimulationController controller(makeDemoCluster());
    PartitionLogScene scene(&controller);
    bool replicated = false;
    bool consumed = false;
    for (int i = 0; i < 300 && !(replicated && consumed); ++i) {
        controller.step(20);
        const FrameDelta &frame = controller.lastFrame();
        for (const auto &r : frame.replicated) {
            const PartitionStripItem *strip = scene.strip(QString::fromStdString(r.tp.topic), r.tp.partition.value());
            if (!strip)
                continue;
            const QPointF to = strip->mapToScene(strip->replicaPoint(r.follower, r.last));
            // The follower's bar lies under the log.
            QVERIFY(to.y() > strip->mapToScene(strip->cellCentre(r.last)).y());
            for (const auto &f : scene.dots()->flights())
                replicated = replicated || (f.to == to && f.durationMs == PartitionLogScene::kReplicaFlightMs);
        }
        for (const auto &c : frame.consumed) {
            const PartitionStripItem *strip = scene.strip(QString::fromStdString(c.tp.topic), c.tp.partition.value());
            if (!strip)
                continue;
            const QPointF from = strip->mapToScene(strip->cellCentre(c.first));
            for (const auto &f : scene.dots()->flights())
                consumed = consumed || (f.from == from && f.durationMs == PartitionLogScene::kConsumeFlightMs);
        }
    }
    QVERIFY(replicated);
    QVERIFY(consumed);
}

void TestPartitionLogScene::animationsCanBeTurnedOff()
{
    SimulationController controller(makeDemoCluster());
    PartitionLogScene scene(&controller);
    controller.step(2000);
    QVERIFY(scene.dots()->flightCount() > 0);
    scene.setAnimationsEnabled(false);
    QCOMPARE(scene.dots()->flightCount(), std::size_t{0});
    controller.step(2000);
    QVERIFY(controller.lastFrame().appended.size() > 0);
    QCOMPARE(scene.dots()->flightCount(), std::size_t{0});
}

void TestPartitionLogScene::dotPositionsFollowTheirPath()
{
    const RecordDotsItem::Flight f{QPointF(0, 0), QPointF(100, 0), 1000, 500, Qt::red};
    QCOMPARE(RecordDotsItem::positionAt(f, 900), QPointF(0, 0));   // not started: at its source
    QCOMPARE(RecordDotsItem::positionAt(f, 1000), QPointF(0, 0));
    QCOMPARE(RecordDotsItem::positionAt(f, 1500), QPointF(100, 0)); // landed
    QCOMPARE(RecordDotsItem::positionAt(f, 2000), QPointF(100, 0));
    const QPointF mid = RecordDotsItem::positionAt(f, 1250);
    QVERIFY(qAbs(mid.x() - 50) < 1e-9); // eased: halfway in time is halfway along
    QVERIFY(mid.y() > 0);                // bowed off the straight line

    RecordDotsItem dots;
    for (std::size_t i = 0; i < RecordDotsItem::kMaxFlights; ++i)
        QVERIFY(dots.addFlight(f));
    QVERIFY(!dots.addFlight(f)); // full: dropped, not queued
    dots.advance(1499);
    QCOMPARE(dots.flightCount(), RecordDotsItem::kMaxFlights);
    dots.advance(1500);
    QCOMPARE(dots.flightCount(), std::size_t{0});
}

QTEST_MAIN(TestPartitionLogScene)
#include "tst_partitionlogscene.moc"
