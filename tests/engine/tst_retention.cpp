// Retention, exactly Kafka's rules (UnifiedLog.deleteOldSegments), as a table.
#include "log_test_util.h"

#include <QtTest>

using namespace kafkascope;
using namespace kafkascope::testutil;

namespace {

// Builds a log of `segments` segments, each holding `perSegment` single-record batches with
// timestamps 1000 * segment index + record index, the last segment active.
std::unique_ptr<PartitionLog> segmentedLog(LogConfig config, int segments, int perSegment)
{
    auto log = memoryLog(config);
    for (int s = 0; s < segments; ++s) {
        if (s > 0)
            (void)log->roll(s * 1000);
        for (int i = 0; i < perSegment; ++i)
            appendOne(*log, s * 1000 + i, "k", "value", s * 1000 + i);
    }
    return log;
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void activeSegmentGoesAfterRoll();
    void emptyActiveSegmentStays();
    void compactOnlyPolicyKeepsOldSegments();
    void logStartOffsetBreachedSegmentsGoEvenWithCompaction();
};

void TestRetention::rules_data()
{
    QTest::addColumn<qint64>("retentionMs");
    QTest::addColumn<qint64>("retentionBytesSegments"); // in whole segments (-1: none)
    QTest::addColumn<qint64>("now");
    QTest::addColumn<qint64>("highWatermark");
    QTest::addColumn<int>("deleted");
    QTest::addColumn<qint64>("logStart");
    // 5 segments × 4 records: offsets 0-3, 4-7, 8-11, 12-15, 16-19 (active); the largest
    // timestamps are 3, 1003, 2003, 3003, 4003.
    QTest::addRow("nothing-expired") << qint64(10000) << qint64(-1) << qint64(5000) << qint64(20) << 0 << qint64(0);
    QTest::addRow("time-two-oldest") << qint64(2500) << qint64(-1) << qint64(4000) << qint64(20) << 2 << qint64(8);
    QTest::addRow("time-boundary-is-strict") << qint64(997) << qint64(-1) << qint64(1000) << qint64(20) << 0 << qint64(0);
    QTest::addRow("time-just-past") << qint64(996) << qint64(-1) << qint64(1000) << qint64(20) << 1 << qint64(4);
    QTest::addRow("time-stops-at-high-watermark") << qint64(100) << qint64(-1) << qint64(9999) << qint64(9) << 2 << qint64(8);
    QTest::addRow("time-hw-inside-first") << qint64(100) << qint64(-1) << qint64(9999) << qint64(3) << 0 << qint64(0);
    QTest::addRow("size-keep-three") << qint64(-1) << qint64(3) << qint64(0) << qint64(20) << 2 << qint64(8);
    QTest::addRow("size-keep-all") << qint64(-1) << qint64(5) << qint64(0) << qint64(20) << 0 << qint64(0);
    QTest::addRow("size-keep-one-active") << qint64(-1) << qint64(1) << qint64(0) << qint64(20) << 4 << qint64(16);
    QTest::addRow("size-then-time") << qint64(2500) << qint64(4) << qint64(4000) << qint64(20) << 2 << qint64(8);
    QTest::addRow("forever") << qint64(-1) << qint64(-1) << qint64(99999999) << qint64(20) << 0 << qint64(0);
}

void TestRetention::rules()
{
    QFETCH(qint64, retentionMs);
    QFETCH(qint64, retentionBytesSegments);
    QFETCH(qint64, now);
    QFETCH(qint64, highWatermark);
    QFETCH(int, deleted);
    QFETCH(qint64, logStart);
    LogConfig c;
    c.retentionMs = retentionMs;
    auto probe = segmentedLog(c, 5, 4);
    const auto segmentSize = static_cast<qint64>(probe->segments().begin()->second->size());
    c.retentionBytes = retentionBytesSegments < 0 ? -1 : retentionBytesSegments * segmentSize;
    auto log = segmentedLog(c, 5, 4);
    QCOMPARE(log->segmentCount(), std::size_t{5});
    const auto r = log->deleteOldSegments(now, highWatermark);
    QVERIFY2(r.isOk(), r.status().message().c_str());
    QCOMPARE(r.value(), deleted);
    QCOMPARE(log->logStartOffset(), logStart);
    QCOMPARE(log->logEndOffset(), std::int64_t{20});
    QCOMPARE(allRecords(*log).size(), std::size_t(20 - logStart));
}

void TestRetention::activeSegmentGoesAfterRoll()
{
    LogConfig c;
    c.retentionMs = 100;
    auto log = segmentedLog(c, 2, 3);
    const auto r = log->deleteOldSegments(999999, 6);
    QCOMPARE(r.value(), 2);
    // The log rolled an empty segment at the log end first; the log start moved there.
    QCOMPARE(log->segmentCount(), std::size_t{1});
    QCOMPARE(log->activeSegment().baseOffset(), std::int64_t{6});
    QCOMPARE(log->logStartOffset(), std::int64_t{6});
    QCOMPARE(log->logEndOffset(), std::int64_t{6});
    QCOMPARE(appendOne(*log, 1000000, "k", "v", 1000000), std::int64_t{6});
}

void TestRetention::emptyActiveSegmentStays()
{
    LogConfig c;
    c.retentionMs = 100;
    auto log = segmentedLog(c, 2, 3);
    (void)log->deleteOldSegments(999999, 6);
    QCOMPARE(log->deleteOldSegments(9999999, 6).value(), 0);
    QCOMPARE(log->segmentCount(), std::size_t{1});
}

void TestRetention::compactOnlyPolicyKeepsOldSegments()
{
    LogConfig c;
    c.retentionMs = 1;
    c.retentionBytes = 1;
    c.cleanupPolicy = CleanupPolicy::Compact;
    auto log = segmentedLog(c, 4, 2);
    QCOMPARE(log->deleteOldSegments(999999, 8).value(), 0);
    QCOMPARE(log->segmentCount(), std::size_t{4});
}

void TestRetention::logStartOffsetBreachedSegmentsGoEvenWithCompaction()
{
    LogConfig c;
    c.cleanupPolicy = CleanupPolicy::Compact;
    auto log = segmentedLog(c, 4, 2);
    QVERIFY(log->deleteRecordsBefore(5, 8).isOk());
    QCOMPARE(log->segmentCount(), std::size_t{2}); // [4,6) holds 5 and stays; [0,2) and [2,4) go
    QCOMPARE(log->logStartOffset(), std::int64_t{5});
}

QTEST_APPLESS_MAIN(TestRetention)
#include "tst_retention.moc"
