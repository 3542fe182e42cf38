// The golden determinism test (STYLE.md §3): one seed, one run, however it is stepped.
#include "scenario/demo_scenario.h"
#include "cluster/report.h"

#include <QtTest>

using namespace kafkascope;

class TestDeterminism : public QObject
{
    Q_OBJECT

private slots:
    void oneCallEqualsThousandSteps();
    void cappedFramesEqualOneCall();
    void sameSeedSameReportBytes();
    void differentSeedsDiverge();
    void userActionsAreReproducible();
    void faultsAreReproducible();
};

void TestDeterminism::oneCallEqualsThousandSteps()
{
    const SimTime end = SimTime::fromMillis(60000);
    auto once = makeDemoCluster(7);
    once->runUntil(end);

    auto stepped = makeDemoCluster(7);
    for (int i = 1; i <= 1000; ++i)
        stepped->runUntil(SimTime::fromMicros(end.micros() * i / 1000));

    QCOMPARE(stepped->now(), once->now());
    QCOMPARE(stepped->stateHash().hex(), once->stateHash().hex());
    QVERIFY(once->producers()[0]->recordsSent() > 100); // the run did something
}

void TestDeterminism::cappedFramesEqualOneCall()
{
    const SimTime end = SimTime::fromMillis(20000);
    auto once = makeDemoCluster(9);
    once->runUntil(end);
    auto capped = makeDemoCluster(9);
    // At most 3 events a frame, like a slow GUI frame. A frame that ran fewer than its cap has
    // run everything up to `end` (simTime alone cannot tell: events may remain at `end` itself).
    int frames = 0;
    while (capped->runUntil(end, 3) == 3)
        ++frames;
    QVERIFY(frames > 100);
    QCOMPARE(capped->now(), end);
    QCOMPARE(capped->stateHash().hex(), once->stateHash().hex());
}

void TestDeterminism::sameSeedSameReportBytes()
{
    auto a = makeDemoCluster(1234);
    auto b = makeDemoCluster(1234);
    a->runUntil(SimTime::fromMillis(15000));
    b->runUntil(SimTime::fromMillis(15000));
    QCOMPARE(clusterReportJson(*a, "v"), clusterReportJson(*b, "v"));
}

void TestDeterminism::differentSeedsDiverge()
{
    auto a = makeDemoCluster(1);
    auto b = makeDemoCluster(2);
    a->runUntil(SimTime::fromMillis(15000));
    b->runUntil(SimTime::fromMillis(15000));
    QVERIFY(a->stateHash().value() != b->stateHash().value());
}

void TestDeterminism::userActionsAreReproducible()
{
    auto run = [] {
        auto c = makeDemoCluster(3);
        c->runUntil(SimTime::fromMillis(2500));
        (void)c->produce("orders", std::string("zoe"), std::string("manual"));
        (void)c->produce("clicks", std::nullopt, std::string("manual"));
        c->runUntil(SimTime::fromMillis(8000));
        return c->stateHash().hex();
    };
    QCOMPARE(run(), run());
}

void TestDeterminism::faultsAreReproducible()
{
    // Every kind of fault and topology change, twice with the same seed, once in small capped
    // frames: the same state and the same journal.
    auto run = [](bool capped) {
        auto c = makeDemoCluster(5);
        c->network().setJitter(SimDuration::millis(3));
        c->network().setLossProbability(0.02);
        const auto to = [&](std::int64_t ms) {
            if (!capped) {
                c->runUntil(SimTime::fromMillis(ms));
                return;
            }
            while (c->now() < SimTime::fromMillis(ms))
                c->runUntil(std::min(SimTime::fromMillis(ms), c->now() + SimDuration::millis(16)), 7);
        };
        to(1000);
        (void)c->killBroker(BrokerId{0});
        to(2000);
        c->network().partition({1}, {2});
        to(3500);
        c->network().heal();
        (void)c->addPartitions("orders", 6);
        const BrokerId added = c->addBroker();
        to(5000);
        (void)c->restartBroker(BrokerId{0});
        c->network().setNodeDelay(2, SimDuration::millis(40));
        to(7000);
        (void)c->shutdownBroker(BrokerId{1});
        (void)c->deleteTopic("clicks");
        to(9000);
        (void)c->restartBroker(BrokerId{1});
        (void)c->decommissionBroker(added);
        to(15000);
        return std::make_pair(c->stateHash().hex(), c->journal().digest());
    };
    const auto first = run(false);
    QCOMPARE(run(false), first);
    QCOMPARE(run(true), first);
}

QTEST_APPLESS_MAIN(TestDeterminism)
#include "tst_determinism.moc"
