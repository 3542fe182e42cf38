// The golden determinism test (STYLE.md §3): one seed, one run, however it is stepped.
#include "cluster/demo_cluster.h"
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

QTEST_APPLESS_MAIN(TestDeterminism)
#include "tst_determinism.moc"
