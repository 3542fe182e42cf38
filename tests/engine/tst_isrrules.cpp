// ISR shrink and expand, follower fetch state and the high watermark, table-driven.
#include "cluster/isr_rules.h"

#include <QtTest>

using namespace kafkascope;

class TestIsrRules : public QObject
{
    Q_OBJECT

private slots:
    void fetchState_data();
    void fetchState();
    void shrink_data();
    void shrink();
    void join_data();
    void join();
    void highWatermark_data();
    void highWatermark();
};

void TestIsrRules::fetchState_data()
{
    QTest::addColumn<qint64>("previousLeaderEnd"); // the leader's log end at the previous fetch (at t=1000)
    QTest::addColumn<qint64>("fetchOffset");
    QTest::addColumn<qint64>("leaderEnd");
    QTest::addColumn<qint64>("caughtUp"); // lastCaughtUpTimeMs after a fetch at t=2000
    QTest::addRow("reached-leader-end") << qint64(50) << qint64(80) << qint64(80) << qint64(2000);
    QTest::addRow("reached-previous-end") << qint64(50) << qint64(60) << qint64(80) << qint64(1000);
    QTest::addRow("behind-both") << qint64(50) << qint64(40) << qint64(80) << qint64(500);
}

void TestIsrRules::fetchState()
{
    QFETCH(qint64, previousLeaderEnd);
    QFETCH(qint64, fetchOffset);
    QFETCH(qint64, leaderEnd);
    QFETCH(qint64, caughtUp);
    FollowerFetchState s;
    s.lastCaughtUpTimeMs = 500;
    s.lastFetchTimeMs = 1000;
    s.lastFetchLeaderLogEndOffset = previousLeaderEnd;
    recordFollowerFetch(s, fetchOffset, leaderEnd, 2000);
    QCOMPARE(s.lastCaughtUpTimeMs, caughtUp);
    QCOMPARE(s.logEndOffset, fetchOffset);
    QCOMPARE(s.lastFetchTimeMs, qint64(2000));
    QCOMPARE(s.lastFetchLeaderLogEndOffset, leaderEnd);
}

void TestIsrRules::shrink_data()
{
    QTest::addColumn<qint64>("caughtUp2");
    QTest::addColumn<qint64>("caughtUp3");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QList<int>>("outOfSync");
    // replica.lag.time.max.ms = 30000; leader 1, ISR {1, 2, 3}.
    QTest::addRow("all-fresh") << qint64(90000) << qint64(95000) << qint64(100000) << QList<int>{};
    QTest::addRow("exactly-at-limit-stays") << qint64(70000) << qint64(95000) << qint64(100000) << QList<int>{};
    QTest::addRow("one-ms-over") << qint64(69999) << qint64(95000) << qint64(100000) << QList<int>{2};
    QTest::addRow("both-stale") << qint64(1000) << qint64(2000) << qint64(100000) << QList<int>{2, 3};
}

void TestIsrRules::shrink()
{
    QFETCH(qint64, caughtUp2);
    QFETCH(qint64, caughtUp3);
    QFETCH(qint64, now);
    QFETCH(QList<int>, outOfSync);
    FollowerMap followers;
    followers[BrokerId{2}].lastCaughtUpTimeMs = caughtUp2;
    followers[BrokerId{3}].lastCaughtUpTimeMs = caughtUp3;
    const auto out = outOfSyncReplicas(BrokerId{1}, {BrokerId{1}, BrokerId{2}, BrokerId{3}}, followers, now, 30000);
    std::set<BrokerId> expected;
    for (int b : outOfSync)
        expected.insert(BrokerId{b});
    QCOMPARE(out, expected);
}

void TestIsrRules::join_data()
{
    QTest::addColumn<qint64>("followerEnd");
    QTest::addColumn<qint64>("hw");
    QTest::addColumn<qint64>("epochStart");
    QTest::addColumn<bool>("joins");
    QTest::addRow("caught-up") << qint64(100) << qint64(100) << qint64(50) << true;
    QTest::addRow("below-hw") << qint64(99) << qint64(100) << qint64(50) << false;
    QTest::addRow("below-epoch-start") << qint64(100) << qint64(90) << qint64(101) << false;
    QTest::addRow("beyond-both") << qint64(120) << qint64(100) << qint64(110) << true;
}

void TestIsrRules::join()
{
    QFETCH(qint64, followerEnd);
    QFETCH(qint64, hw);
    QFETCH(qint64, epochStart);
    QFETCH(bool, joins);
    QCOMPARE(mayJoinIsr(followerEnd, hw, epochStart), joins);
}

void TestIsrRules::highWatermark_data()
{
    QTest::addColumn<QList<int>>("isr");
    QTest::addColumn<qint64>("end2");
    QTest::addColumn<qint64>("end3");
    QTest::addColumn<int>("minIsr");
    QTest::addColumn<qint64>("current");
    QTest::addColumn<qint64>("expected");
    // Leader 1 with log end 100.
    QTest::addRow("min-of-isr") << QList<int>{1, 2, 3} << qint64(80) << qint64(90) << 1 << qint64(50) << qint64(80);
    QTest::addRow("out-of-isr-ignored") << QList<int>{1, 3} << qint64(10) << qint64(90) << 1 << qint64(50) << qint64(90);
    QTest::addRow("leader-alone") << QList<int>{1} << qint64(10) << qint64(20) << 1 << qint64(50) << qint64(100);
    QTest::addRow("never-decreases") << QList<int>{1, 2} << qint64(40) << qint64(90) << 1 << qint64(50) << qint64(50);
    QTest::addRow("isr-below-min-frozen") << QList<int>{1} << qint64(10) << qint64(20) << 2 << qint64(50) << qint64(50);
    QTest::addRow("isr-at-min-advances") << QList<int>{1, 3} << qint64(10) << qint64(95) << 2 << qint64(50) << qint64(95);
}

void TestIsrRules::highWatermark()
{
    QFETCH(QList<int>, isr);
    QFETCH(qint64, end2);
    QFETCH(qint64, end3);
    QFETCH(int, minIsr);
    QFETCH(qint64, current);
    QFETCH(qint64, expected);
    FollowerMap followers;
    followers[BrokerId{2}].logEndOffset = end2;
    followers[BrokerId{3}].logEndOffset = end3;
    std::set<BrokerId> isrSet;
    for (int b : isr)
        isrSet.insert(BrokerId{b});
    QCOMPARE(advanceHighWatermark(current, 100, BrokerId{1}, isrSet, followers, minIsr), expected);
}

QTEST_APPLESS_MAIN(TestIsrRules)
#include "tst_isrrules.moc"
