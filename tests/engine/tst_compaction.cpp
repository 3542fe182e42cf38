// Compaction, Kafka's log cleaner rules, as a table.
#include "log_test_util.h"

#include <QtTest>

using namespace kafkascope;
using namespace kafkascope::testutil;

namespace {

// "a=1 b=1 | b=2 | a=3": segments separated by '|', the last one active; records key=value,
// key "_" is a null key, value "~" a tombstone. Record i gets timestamp i.
std::unique_ptr<PartitionLog> build(const QString &layout, LogConfig config)
{
    config.cleanupPolicy = CleanupPolicy::Compact;
    auto log = memoryLog(config);
    std::int64_t ts = 0;
    const QStringList segments = layout.split(QLatin1Char('|'));
    for (int s = 0; s < segments.size(); ++s) {
        if (s > 0)
            (void)log->roll(ts);
        for (const QString &kv : segments[s].split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString k = kv.section(QLatin1Char('='), 0, 0);
            const QString v = kv.section(QLatin1Char('='), 1);
            std::optional<std::string> key;
            if (k != QLatin1String("_"))
                key = k.toStdString();
            std::optional<std::string> value;
            if (v != QLatin1String("~"))
                value = v.toStdString();
            appendOne(*log, ts, key, value, ts);
            ++ts;
        }
    }
    return log;
}

// "2:a=2 3:b=2": what the log holds, offsets included.
QString describe(const PartitionLog &log)
{
    QStringList parts;
    for (const Record &r : allRecords(log))
        parts << QStringLiteral("%1:%2=%3")
                     .arg(r.offset.value())
                     .arg(r.key ? QString::fromStdString(*r.key) : QStringLiteral("_"))
                     .arg(r.value ? QString::fromStdString(*r.value) : QStringLiteral("~"));
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestCompaction : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void tombstoneLivesUntilDeleteHorizon();
    void fetchAtRemovedOffsetReturnsNextRetained();
    void dirtyRatioGatesCleaning();
    void deletePolicyDoesNotCompact();
    void cleaningIsIdempotent();
    void batchKeepsItsLastOffset();
};

void TestCompaction::rules_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<qint64>("highWatermark"); // -1: the log end
    QTest::addColumn<QString>("expected");
    QTest::addRow("last-value-per-key") << "a=1 b=1 a=2 | b=2 c=1 | a=3" << qint64(-1) << "2:a=2 3:b=2 4:c=1 5:a=3";
    QTest::addRow("null-keys-dropped") << "_=x a=1 _=y | b=1" << qint64(-1) << "1:a=1 3:b=1";
    QTest::addRow("active-never-cleaned") << "a=1 | a=2 a=3 a=4" << qint64(-1) << "0:a=1 1:a=2 2:a=3 3:a=4";
    QTest::addRow("superseded-across-segments") << "a=1 b=1 | a=2 | b=2 | x=1" << qint64(-1) << "2:a=2 3:b=2 4:x=1";
    QTest::addRow("tombstone-kept-on-first-cleaning") << "a=1 a=~ | x=1" << qint64(-1) << "1:a=~ 2:x=1";
    QTest::addRow("high-watermark-limits-range") << "a=1 | a=2 | a=3 | x=1" << qint64(2) << "1:a=2 2:a=3 3:x=1";
    QTest::addRow("hw-inside-first-segment") << "a=1 a=2 | a=3 | x=1" << qint64(1) << "0:a=1 1:a=2 2:a=3 3:x=1";
    QTest::addRow("single-segment-nothing-to-clean") << "a=1 a=2 a=3" << qint64(-1) << "0:a=1 1:a=2 2:a=3";
    QTest::addRow("empty-values-are-not-tombstones") << "a= b=1 | c=1" << qint64(-1) << "0:a= 1:b=1 2:c=1";
}

void TestCompaction::rules()
{
    QFETCH(QString, layout);
    QFETCH(qint64, highWatermark);
    QFETCH(QString, expected);
    auto log = build(layout, LogConfig{});
    const std::int64_t hw = highWatermark < 0 ? log->logEndOffset() : highWatermark;
    const auto before = log->logEndOffset();
    const auto stats = log->compact(1000, hw, true);
    QVERIFY2(stats.isOk(), stats.status().message().c_str());
    QCOMPARE(describe(*log), expected);
    QCOMPARE(log->logEndOffset(), before); // offsets never change
}

void TestCompaction::tombstoneLivesUntilDeleteHorizon()
{
    LogConfig c;
    c.deleteRetentionMs = 500;
    auto log = build("a=1 b=1 a=~ | x=1", c);
    const std::int64_t hw = log->logEndOffset();
    auto s1 = log->compact(1000, hw, true).value();
    QVERIFY(s1.ran);
    QCOMPARE(s1.tombstonesRemoved, std::int64_t{0});
    QCOMPARE(describe(*log), QStringLiteral("1:b=1 2:a=~ 3:x=1"));
    // The batch now carries its delete horizon: 1000 + 500.
    const auto h = readBatchHeader(log->read(2, 1 << 20).value().records).value();
    QVERIFY(h.hasDeleteHorizon());
    QCOMPARE(h.baseTimestamp, std::int64_t{1500});
    auto s2 = log->compact(1499, hw, true).value();
    QCOMPARE(s2.tombstonesRemoved, std::int64_t{0});
    QCOMPARE(describe(*log), QStringLiteral("1:b=1 2:a=~ 3:x=1"));
    auto s3 = log->compact(1500, hw, true).value();
    QCOMPARE(s3.tombstonesRemoved, std::int64_t{1});
    QCOMPARE(describe(*log), QStringLiteral("1:b=1 3:x=1"));
}

void TestCompaction::fetchAtRemovedOffsetReturnsNextRetained()
{
    auto log = build("a=1 a=2 a=3 b=1 | x=1", LogConfig{});
    QVERIFY(log->compact(0, log->logEndOffset(), true).isOk());
    const auto records = log->readRecords(0, 1).value();
    QCOMPARE(records.size(), std::size_t{1});
    QCOMPARE(records[0].offset, Offset{2});
    QCOMPARE(log->readRecords(3, 1).value()[0].offset, Offset{3});
}

void TestCompaction::dirtyRatioGatesCleaning()
{
    LogConfig c;
    c.minCleanableDirtyRatio = 0.5;
    auto log = build("a=1 a=2 | a=3 | x=1", c);
    const std::int64_t hw = log->logEndOffset();
    auto first = log->compact(0, hw, false).value(); // everything is dirty: ratio 1
    QVERIFY(first.ran);
    QCOMPARE(first.dirtyRatio, 1.0);
    auto second = log->compact(0, hw, false).value(); // nothing new is dirty
    QVERIFY(!second.ran);
    QCOMPARE(first.firstUncleanableOffset, log->firstDirtyOffset());
}

void TestCompaction::deletePolicyDoesNotCompact()
{
    auto log = memoryLog();
    appendOne(*log, 0, "a", "1");
    appendOne(*log, 1, "a", "2");
    (void)log->roll(2);
    appendOne(*log, 2, "b", "1");
    QVERIFY(!log->compact(10, 3, true).value().ran);
    QCOMPARE(allRecords(*log).size(), std::size_t{3});
}

void TestCompaction::cleaningIsIdempotent()
{
    auto log = build("a=1 b=1 a=2 | b=2 c=~ | c=1 | x=1", LogConfig{});
    const std::int64_t hw = log->logEndOffset();
    QVERIFY(log->compact(10, hw, true).isOk());
    const QString once = describe(*log);
    QVERIFY(log->compact(10, hw, true).isOk());
    QCOMPARE(describe(*log), once);
}

void TestCompaction::batchKeepsItsLastOffset()
{
    auto log = build("a=1 | x=1", LogConfig{});
    std::vector<Record> batch{record(5, "k", "1"), record(6, "k", "2"), record(7, "j", "3"), record(8, "k", "4")};
    // Put a multi-record batch in a middle segment: roll, append, roll.
    QVERIFY(log->roll(9).isOk());
    QVERIFY(log->append(batch, BatchOptions{}, 9).isOk());
    QVERIFY(log->roll(10).isOk());
    appendOne(*log, 10, "z", "z", 10);
    QVERIFY(log->compact(20, log->logEndOffset(), true).isOk());
    // Offsets 2 (k=1) and 3 (k=2) went; the batch still ends at offset 5.
    const auto fetched = log->read(2, 1 << 20).value();
    const auto h = readBatchHeader(fetched.records).value();
    QCOMPARE(h.baseOffset, std::int64_t{2});
    QCOMPARE(h.lastOffset(), std::int64_t{5});
    QCOMPARE(h.recordsCount, 2);
    QCOMPARE(describe(*log), QStringLiteral("0:a=1 1:x=1 4:j=3 5:k=4 6:z=z"));
}

QTEST_APPLESS_MAIN(TestCompaction)
#include "tst_compaction.moc"
