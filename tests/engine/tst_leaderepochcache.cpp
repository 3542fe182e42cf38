// The leader epoch cache and follower truncation (KIP-101/279), table-driven.
#include "log/leader_epoch_cache.h"

#include <QtTest>

using namespace kafkascope;

namespace {
// "0:0 2:10 5:25": epoch:startOffset entries.
LeaderEpochCache cacheOf(const QString &spec)
{
    LeaderEpochCache c;
    for (const QString &e : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        c.assign(e.section(QLatin1Char(':'), 0, 0).toInt(), e.section(QLatin1Char(':'), 1).toLongLong());
    return c;
}
QString describe(const LeaderEpochCache &c)
{
    QStringList parts;
    for (const auto &e : c.entries())
        parts << QStringLiteral("%1:%2").arg(e.epoch).arg(e.startOffset);
    return parts.join(QLatin1Char(' '));
}
} // namespace

class TestLeaderEpochCache : public QObject
{
    Q_OBJECT

private slots:
    void assignRules_data();
    void assignRules();
    void endOffsetFor_data();
    void endOffsetFor();
    void truncation();
    void checkpointRoundTrip();
    void badCheckpoints_data();
    void badCheckpoints();
    void followerTruncation_data();
    void followerTruncation();
};

void TestLeaderEpochCache::assignRules_data()
{
    QTest::addColumn<QString>("assigns");
    QTest::addColumn<QString>("expected");
    QTest::addRow("increasing") << "0:0 1:5 3:9" << "0:0 1:5 3:9";
    QTest::addRow("same-epoch-ignored") << "0:0 1:5 1:8" << "0:0 1:5";
    QTest::addRow("older-epoch-ignored") << "2:5 1:8" << "2:5";
    QTest::addRow("stale-start-removed") << "0:0 1:5 2:5" << "0:0 2:5";
    QTest::addRow("start-went-back") << "0:0 1:5 2:9 3:4" << "0:0 3:4";
}

void TestLeaderEpochCache::assignRules()
{
    QFETCH(QString, assigns);
    QFETCH(QString, expected);
    QCOMPARE(describe(cacheOf(assigns)), expected);
}

void TestLeaderEpochCache::endOffsetFor_data()
{
    QTest::addColumn<QString>("cache");
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("epoch");
    QTest::addColumn<qint64>("endOffset");
    // Log end offset 40 in every row.
    QTest::addRow("latest-epoch-is-log-end") << "0:0 2:10 5:25" << 5 << 5 << qint64(40);
    QTest::addRow("middle-epoch-ends-at-next-start") << "0:0 2:10 5:25" << 2 << 2 << qint64(25);
    QTest::addRow("unknown-epoch-between") << "0:0 2:10 5:25" << 3 << 2 << qint64(25);
    QTest::addRow("first-epoch") << "0:0 2:10 5:25" << 0 << 0 << qint64(10);
    QTest::addRow("newer-than-latest") << "0:0 2:10 5:25" << 9 << 5 << qint64(40);
    QTest::addRow("older-than-all-undefined") << "3:10 5:25" << 1 << -1 << qint64(-1);
    QTest::addRow("empty-undefined") << "" << 0 << -1 << qint64(-1);
}

void TestLeaderEpochCache::endOffsetFor()
{
    QFETCH(QString, cache);
    QFETCH(int, requested);
    QFETCH(int, epoch);
    QFETCH(qint64, endOffset);
    const auto [e, o] = cacheOf(cache).endOffsetFor(requested, 40);
    QCOMPARE(e, epoch);
    QCOMPARE(o, endOffset);
}

void TestLeaderEpochCache::truncation()
{
    auto c = cacheOf("0:0 2:10 5:25");
    c.truncateFromEnd(25);
    QCOMPARE(describe(c), QStringLiteral("0:0 2:10"));
    c.truncateFromEnd(11);
    QCOMPARE(describe(c), QStringLiteral("0:0 2:10"));
    auto d = cacheOf("0:0 2:10 5:25");
    d.truncateFromStart(12);
    QCOMPARE(describe(d), QStringLiteral("2:12 5:25"));
    d.truncateFromStart(30);
    QCOMPARE(describe(d), QStringLiteral("5:30"));
}

void TestLeaderEpochCache::checkpointRoundTrip()
{
    const auto c = cacheOf("0:0 2:10 5:25");
    QCOMPARE(QString::fromStdString(c.serialize()), QStringLiteral("0\n3\n0 0\n2 10\n5 25\n"));
    const auto parsed = LeaderEpochCache::parse(c.serialize());
    QVERIFY(parsed.isOk());
    QCOMPARE(parsed.value().entries(), c.entries());
    QVERIFY(LeaderEpochCache::parse("0\n0\n").isOk());
}

void TestLeaderEpochCache::badCheckpoints_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("empty") << "" << "line 1";
    QTest::addRow("version-1") << "1\n0\n" << "line 1";
    QTest::addRow("count-too-big") << "0\n5\n0 0\n" << "line 2";
    QTest::addRow("not-numbers") << "0\n1\nx y\n" << "line 3";
    QTest::addRow("decreasing") << "0\n2\n3 10\n2 20\n" << "line 4";
    QTest::addRow("negative") << "0\n1\n-1 0\n" << "line 3";
}

void TestLeaderEpochCache::badCheckpoints()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    const auto r = LeaderEpochCache::parse(text.toStdString());
    QVERIFY(!r.isOk());
    QVERIFY2(QString::fromStdString(r.status().message()).contains(mentions), r.status().message().c_str());
}

void TestLeaderEpochCache::followerTruncation_data()
{
    QTest::addColumn<QString>("followerCache");
    QTest::addColumn<qint64>("followerLogEnd");
    QTest::addColumn<qint64>("followerHw");
    QTest::addColumn<int>("leaderEpoch");
    QTest::addColumn<qint64>("leaderEnd");
    QTest::addColumn<qint64>("truncateTo");
    // The follower asked about its latest epoch; the leader answered (leaderEpoch, leaderEnd).
    QTest::addRow("same-history-follower-behind") << "0:0 1:10" << qint64(15) << qint64(12) << 1 << qint64(20) << qint64(15);
    QTest::addRow("diverged-tail-cut") << "0:0 1:10" << qint64(15) << qint64(12) << 1 << qint64(13) << qint64(13);
    QTest::addRow("leader-never-had-epoch") << "0:0 1:10 2:14" << qint64(18) << qint64(12) << 1 << qint64(13) << qint64(13);
    QTest::addRow("older-epoch-own-end-smaller") << "0:0 1:10 2:12" << qint64(18) << qint64(11) << 1 << qint64(16) << qint64(12);
    QTest::addRow("undefined-falls-back-to-hw") << "0:0" << qint64(18) << qint64(11) << -1 << qint64(-1) << qint64(11);
}

void TestLeaderEpochCache::followerTruncation()
{
    QFETCH(QString, followerCache);
    QFETCH(qint64, followerLogEnd);
    QFETCH(qint64, followerHw);
    QFETCH(int, leaderEpoch);
    QFETCH(qint64, leaderEnd);
    QFETCH(qint64, truncateTo);
    QCOMPARE(followerTruncationOffset(cacheOf(followerCache), followerLogEnd, followerHw, leaderEpoch, leaderEnd),
             truncateTo);
}

QTEST_APPLESS_MAIN(TestLeaderEpochCache)
#include "tst_leaderepochcache.moc"
