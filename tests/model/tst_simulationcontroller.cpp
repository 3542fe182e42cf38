// The controller: play and pause from a QTimer, speed limits, stepping, producing.
#include "client/murmur2.h"
#include "scenario/demo_scenario.h"
#include "model/simulationcontroller.h"

#include <QSignalSpy>
#include <QtTest>

using namespace kafkascope;

class TestSimulationController : public QObject
{
    Q_OBJECT

private slots:
    void startsPausedAtZero();
    void playAdvancesSimTime();
    void pauseStopsTime();
    void speedIsClamped_data();
    void speedIsClamped();
    void stepAdvancesExactly();
    void advanceToReachesTargetInFrames();
    void produceReportsPartition();
    void produceToUnknownTopicIsAnError();
    void frameSizeDoesNotChangeOutcome();
    void rewindRebuildsEarlierState();
    void rewindKeepsTimelineUntilRunOn();
    void actionAfterRewindForks();
    void networkSplitShrinksIsrAndHeals();
    void eventsPerSecondIsMeasured();
};

namespace {

// The state hash of a fresh demo cluster run to `t`.
std::uint64_t demoHashAt(SimTime t)
{
    auto cluster = makeDemoCluster();
    cluster->runUntil(t);
    return cluster->stateHash().value();
}

} // namespace

void TestSimulationController::startsPausedAtZero()
{
    SimulationController c(makeDemoCluster());
    QVERIFY(!c.isPlaying());
    QCOMPARE(c.simTime(), SimTime::zero());
    QCOMPARE(c.speed(), 1.0);
}

void TestSimulationController::playAdvancesSimTime()
{
    SimulationController c(makeDemoCluster());
    QSignalSpy playing(&c, &SimulationController::playingChanged);
    c.setSpeed(100.0);
    c.play();
    QCOMPARE(playing.count(), 1);
    QVERIFY(c.isPlaying());
    // Wall time decides how far; we only ask that time moves, never how fast (no timed asserts).
    QTRY_VERIFY_WITH_TIMEOUT(c.simTime() > SimTime::zero(), 10000);
    c.pause();
}

void TestSimulationController::pauseStopsTime()
{
    SimulationController c(makeDemoCluster());
    c.setSpeed(100.0);
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(c.simTime() > SimTime::zero(), 10000);
    c.pause();
    QVERIFY(!c.isPlaying());
    const SimTime frozen = c.simTime();
    QTest::qWait(100);
    QCOMPARE(c.simTime(), frozen);
}

void TestSimulationController::speedIsClamped_data()
{
    QTest::addColumn<double>("requested");
    QTest::addColumn<double>("expected");
    QTest::addRow("tenth") << 0.1 << 0.1;
    QTest::addRow("below-min") << 0.01 << 0.1;
    QTest::addRow("max") << 100.0 << 100.0;
    QTest::addRow("above-max") << 1000.0 << 100.0;
    QTest::addRow("negative") << -5.0 << 0.1;
}

void TestSimulationController::speedIsClamped()
{
    QFETCH(double, requested);
    QFETCH(double, expected);
    SimulationController c(makeDemoCluster());
    c.setSpeed(requested);
    QCOMPARE(c.speed(), expected);
}

void TestSimulationController::stepAdvancesExactly()
{
    SimulationController c(makeDemoCluster());
    QSignalSpy frames(&c, &SimulationController::frameAdvanced);
    c.step(100);
    c.step(250);
    QCOMPARE(c.simTime(), SimTime::fromMillis(350));
    QCOMPARE(frames.count(), 2);
    c.step(-5); // a negative step does nothing
    QCOMPARE(c.simTime(), SimTime::fromMillis(350));
}

void TestSimulationController::advanceToReachesTargetInFrames()
{
    SimulationController c(makeDemoCluster());
    QSignalSpy frames(&c, &SimulationController::frameAdvanced);
    c.advanceTo(SimTime::fromMillis(1050), 100);
    QCOMPARE(c.simTime(), SimTime::fromMillis(1050));
    QCOMPARE(frames.count(), 11);
    QVERIFY(c.totalRecordsAppended() > 0);
}

void TestSimulationController::produceReportsPartition()
{
    SimulationController c(makeDemoCluster());
    const auto r = c.produce(QStringLiteral("orders"), QStringLiteral("alice"), false, QStringLiteral("v"));
    QVERIFY(r.isOk());
    QCOMPARE(r.value().value(), partitionForKey("alice", 4));
    c.step(10);
    bool seen = false;
    for (const auto &a : c.lastFrame().appended)
        seen = seen || (a.topic == QLatin1String("orders") && a.partition == r.value().value());
    QVERIFY(seen);
}

void TestSimulationController::produceToUnknownTopicIsAnError()
{
    SimulationController c(makeDemoCluster());
    const auto r = c.produce(QStringLiteral("nope"), QStringLiteral("k"), false, QStringLiteral("v"));
    QVERIFY(!r.isOk());
    QVERIFY(QString::fromStdString(r.status().message()).contains(QLatin1String("nope")));
}

void TestSimulationController::frameSizeDoesNotChangeOutcome()
{
    SimulationController a(makeDemoCluster(5));
    SimulationController b(makeDemoCluster(5));
    a.advanceTo(SimTime::fromMillis(5000), 100);
    b.advanceTo(SimTime::fromMillis(5000), 7); // frames of another size, as another machine's GUI
    QCOMPARE(a.cluster().stateHash().hex(), b.cluster().stateHash().hex());
}

void TestSimulationController::rewindRebuildsEarlierState()
{
    SimulationController c(makeDemoCluster());
    c.advanceTo(SimTime::fromMillis(10000));
    QVERIFY(c.cluster().stateHash().value() != demoHashAt(SimTime::fromMillis(5000)));
    QSignalSpy rewound(&c, &SimulationController::rewound);
    QSignalSpy frames(&c, &SimulationController::frameAdvanced);
    c.play();
    QVERIFY(c.rewindTo(SimTime::fromMillis(5000)).isOk());
    QVERIFY(!c.isPlaying()); // rewinding pauses
    QCOMPARE(c.simTime(), SimTime::fromMillis(5000));
    QCOMPARE(c.cluster().stateHash().value(), demoHashAt(SimTime::fromMillis(5000)));
    QCOMPARE(rewound.count(), 1);
    QCOMPARE(frames.count(), 1);
    QVERIFY(c.lastFrame().topicsChanged); // views read the new cluster from scratch
    QCOMPARE(c.historyEnd(), SimTime::fromMillis(10000));
    QVERIFY(c.isRewound());
    // Before the start and past the end are clamped.
    QVERIFY(c.rewindTo(SimTime::fromMillis(-1000)).isOk());
    QCOMPARE(c.simTime(), SimTime::zero());
    QVERIFY(c.rewindTo(SimTime::fromMillis(99000)).isOk());
    QCOMPARE(c.simTime(), SimTime::fromMillis(10000));
    QVERIFY(!c.isRewound());
}

void TestSimulationController::rewindKeepsTimelineUntilRunOn()
{
    SimulationController c(makeDemoCluster());
    c.advanceTo(SimTime::fromMillis(10000));
    QSignalSpy forked(&c, &SimulationController::forked);
    QVERIFY(c.rewindTo(SimTime::fromMillis(3000)).isOk());
    // Forward again within the timeline: the same history, nothing forked.
    QVERIFY(c.rewindTo(SimTime::fromMillis(8000)).isOk());
    QCOMPARE(c.cluster().stateHash().value(), demoHashAt(SimTime::fromMillis(8000)));
    QCOMPARE(c.historyEnd(), SimTime::fromMillis(10000));
    QCOMPARE(forked.count(), 0);
    // Running on from 8 s forks: the timeline now ends where the simulation is.
    c.step(500);
    QCOMPARE(forked.count(), 1);
    QCOMPARE(forked.at(0).at(0).value<SimTime>(), SimTime::fromMillis(8000));
    QCOMPARE(c.simTime(), SimTime::fromMillis(8500));
    QCOMPARE(c.historyEnd(), SimTime::fromMillis(8500));
    QVERIFY(!c.isRewound());
    // Same seed, same actions: the fork at 8 s ran exactly what the first run did.
    QCOMPARE(c.cluster().stateHash().value(), demoHashAt(SimTime::fromMillis(8500)));
}

void TestSimulationController::actionAfterRewindForks()
{
    SimulationController c(makeDemoCluster());
    c.advanceTo(SimTime::fromMillis(6000));
    QVERIFY(c.killBroker(0).isOk());
    c.advanceTo(SimTime::fromMillis(12000));
    // Back to before the kill: broker 0 is alive again.
    QVERIFY(c.rewindTo(SimTime::fromMillis(4000)).isOk());
    QVERIFY(c.cluster().isAlive(BrokerId{0}));
    // Forward past it: dead, as it was.
    QVERIFY(c.rewindTo(SimTime::fromMillis(7000)).isOk());
    QVERIFY(!c.cluster().isAlive(BrokerId{0}));
    // Back again, and a different action: a new future in which broker 1 dies instead.
    QVERIFY(c.rewindTo(SimTime::fromMillis(4000)).isOk());
    QSignalSpy forked(&c, &SimulationController::forked);
    QVERIFY(c.killBroker(1).isOk());
    QCOMPARE(forked.count(), 1);
    c.advanceTo(SimTime::fromMillis(7000));
    QVERIFY(c.cluster().isAlive(BrokerId{0}));
    QVERIFY(!c.cluster().isAlive(BrokerId{1}));
    QCOMPARE(c.historyEnd(), SimTime::fromMillis(7000));
}

void TestSimulationController::networkSplitShrinksIsrAndHeals()
{
    SimulationController c(makeDemoCluster());
    c.advanceTo(SimTime::fromMillis(2000));
    c.isolateBroker(2);
    // Broker 2 is cut off from the controller (broker 0) too: after broker.session.timeout.ms
    // (9 s) the controller fences it, so it leads nothing and is in no ISR.
    c.advanceTo(SimTime::fromMillis(50000));
    QVERIFY(c.cluster().isFenced(BrokerId{2}));
    for (const auto &[name, topic] : c.cluster().topics()) {
        if (topic.isInternal())
            continue;
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            const PartitionState &state = topic.state(PartitionId{p});
            QVERIFY2(state.leader != BrokerId{2}, qPrintable(QString::fromStdString(state.tp.toString())));
            QVERIFY2(!state.isr.count(BrokerId{2}), qPrintable(QString::fromStdString(state.tp.toString())));
        }
    }
    const std::uint64_t cut = c.cluster().stateHash().value();
    c.advanceTo(SimTime::fromMillis(50500));
    c.healNetwork();
    c.advanceTo(SimTime::fromMillis(100000));
    const PartitionState &orders0 = c.cluster().topic("orders")->state(PartitionId{0});
    QVERIFY(orders0.isr.count(BrokerId{2})); // caught up and back
    // The split and the heal are actions: a rewind replays them.
    QVERIFY(c.rewindTo(SimTime::fromMillis(50000)).isOk());
    QCOMPARE(c.cluster().stateHash().value(), cut);
}

void TestSimulationController::eventsPerSecondIsMeasured()
{
    SimulationController c(makeDemoCluster());
    QCOMPARE(c.eventsPerWallSecond(), 0.0);
    QElapsedTimer wall;
    wall.start();
    while (wall.elapsed() < 1100)
        c.step(100);
    c.step(100);
    QVERIFY(c.eventsPerWallSecond() > 0);
}

QTEST_GUILESS_MAIN(TestSimulationController)
#include "tst_simulationcontroller.moc"
