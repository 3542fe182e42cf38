// The partition log: an edge-case catalogue (STYLE.md §16), one named test per boundary.
#include "log_test_util.h"

#include <QtTest>

using namespace kafkascope;
using namespace kafkascope::testutil;

class TestPartitionLog : public QObject
{
    Q_OBJECT

private slots:
    void emptyLog();
    void appendAssignsDenseOffsets();
    void appendBatchReturnsFirstAndLast();
    void appendEmptyRefused();
    void appendTooLargeRefused();
    void appendAcrossSegmentRoll();
    void rollOnSegmentMs();
    void rollWhenIndexFull();
    void indexEntryEveryIntervalBytes();
    void fetchAtLogEndOffset();
    void fetchBeyondLogEndOffset();
    void fetchBelowLogStartOffset();
    void fetchReturnsWholeBatches();
    void fetchMinOneBatchExceedsMaxBytes();
    void fetchStopsAtMaxOffset();
    void fetchFromMiddleOfBatch();
    void fetchStaysInOneSegment();
    void offsetForTimestamp_data();
    void offsetForTimestamp();
    void offsetForTimestampAcrossSegments();
    void truncateToMiddle();
    void truncateInsideBatchDropsWholeBatch();
    void truncateAcrossSegments();
    void truncateBelowLogStart();
    void truncateAboveLogEndIsNoOp();
    void deleteRecordsMovesLogStart();
    void deleteRecordsBeyondHighWatermarkRefused();
    void followerAppendNeedsLogEndOffset();
    void followerAppendRejectsBadCrc();
    void memoryStoreCostsLittleMoreThanTheBytes();
};

void TestPartitionLog::emptyLog()
{
    auto log = memoryLog();
    QVERIFY(log);
    QCOMPARE(log->logStartOffset(), std::int64_t{0});
    QCOMPARE(log->logEndOffset(), std::int64_t{0});
    QCOMPARE(log->segmentCount(), std::size_t{1});
    QCOMPARE(log->sizeInBytes(), std::uint64_t{0});
    const auto f = log->read(0, 1000);
    QVERIFY(f.isOk());
    QVERIFY(f.value().records.empty());
    QVERIFY(allRecords(*log).empty());
}

void TestPartitionLog::appendAssignsDenseOffsets()
{
    auto log = memoryLog();
    for (int i = 0; i < 10; ++i)
        QCOMPARE(appendOne(*log, 100 + i, "k" + std::to_string(i), "v"), std::int64_t{i});
    QCOMPARE(log->logEndOffset(), std::int64_t{10});
    const auto records = allRecords(*log);
    QCOMPARE(records.size(), std::size_t{10});
    for (int i = 0; i < 10; ++i)
        QCOMPARE(records[static_cast<std::size_t>(i)].offset, Offset{i});
}

void TestPartitionLog::appendBatchReturnsFirstAndLast()
{
    auto log = memoryLog();
    appendOne(*log, 1, "a", "1");
    std::vector<Record> batch{record(2, "b", "2"), record(3, "c", "3"), record(4, "d", "4")};
    const auto info = log->append(batch, BatchOptions{}, 4);
    QVERIFY(info.isOk());
    QCOMPARE(info.value().firstOffset, std::int64_t{1});
    QCOMPARE(info.value().lastOffset, std::int64_t{3});
    QCOMPARE(log->logEndOffset(), std::int64_t{4});
}

void TestPartitionLog::appendEmptyRefused()
{
    auto log = memoryLog();
    QCOMPARE(log->append({}, BatchOptions{}, 0).status().code(), Status::Code::InvalidArgument);
    QCOMPARE(log->logEndOffset(), std::int64_t{0});
}

void TestPartitionLog::appendTooLargeRefused()
{
    LogConfig c;
    c.maxMessageBytes = 200;
    auto log = memoryLog(c);
    const auto r = record(1, "k", std::string(300, 'x'));
    const auto info = log->append(std::span(&r, 1), BatchOptions{}, 1);
    QVERIFY(!info.isOk());
    QVERIFY(QString::fromStdString(info.status().message()).contains("RECORD_TOO_LARGE"));
    QCOMPARE(log->logEndOffset(), std::int64_t{0});
    QCOMPARE(log->sizeInBytes(), std::uint64_t{0});
}

void TestPartitionLog::appendAcrossSegmentRoll()
{
    LogConfig c;
    c.segmentBytes = 300; // about three 80-byte batches
    auto log = memoryLog(c);
    for (int i = 0; i < 20; ++i)
        appendOne(*log, i, "key", "value-" + std::to_string(i));
    QVERIFY(log->segmentCount() > 5);
    std::int64_t expectedBase = 0;
    for (const auto &[base, seg] : log->segments()) {
        QCOMPARE(base, expectedBase); // each segment starts where the previous ended
        QVERIFY(seg->size() <= 300);
        expectedBase = seg->nextOffset();
    }
    QCOMPARE(expectedBase, std::int64_t{20});
    QCOMPARE(allRecords(*log).size(), std::size_t{20});
}

void TestPartitionLog::rollOnSegmentMs()
{
    LogConfig c;
    c.segmentMs = 1000;
    auto log = memoryLog(c);
    appendOne(*log, 0, "a", "1", 0);
    appendOne(*log, 500, "a", "2", 500);
    QCOMPARE(log->segmentCount(), std::size_t{1});
    appendOne(*log, 1001, "a", "3", 1001); // older than segment.ms, judged on the first batch
    QCOMPARE(log->segmentCount(), std::size_t{2});
    QCOMPARE(log->activeSegment().baseOffset(), std::int64_t{2});
}

void TestPartitionLog::rollWhenIndexFull()
{
    LogConfig c;
    c.indexIntervalBytes = 0;   // an index entry after every batch
    c.segmentIndexBytes = 8 * 3; // three entries
    auto log = memoryLog(c);
    for (int i = 0; i < 10; ++i)
        appendOne(*log, i, "k", "v");
    QVERIFY(log->segmentCount() >= 2);
    for (const auto &[base, seg] : log->segments())
        QVERIFY(seg->offsetIndex().entries().size() <= 3);
}

void TestPartitionLog::indexEntryEveryIntervalBytes()
{
    LogConfig c;
    c.indexIntervalBytes = 200;
    auto log = memoryLog(c);
    for (int i = 0; i < 30; ++i)
        appendOne(*log, i, "k", std::string(50, 'v')); // about 120 bytes a batch
    const auto &entries = log->activeSegment().offsetIndex().entries();
    QVERIFY(entries.size() >= 10);
    // Kafka's rule: an entry after more than 200 bytes since the last one, i.e. every 2nd batch,
    // mapping that batch's last offset to its position.
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto found = log->activeSegment().findBatch(entries[i].offset);
        QVERIFY(found.isOk() && found.value());
        QCOMPARE(found.value()->position, std::uint64_t{entries[i].position});
    }
    QCOMPARE(entries[0].offset, std::int64_t{2});
}

void TestPartitionLog::fetchAtLogEndOffset()
{
    auto log = memoryLog();
    appendOne(*log, 1, "a", "1");
    const auto f = log->read(1, 1000);
    QVERIFY(f.isOk());
    QVERIFY(f.value().records.empty());
    QCOMPARE(f.value().nextFetchOffset, std::int64_t{1});
}

void TestPartitionLog::fetchBeyondLogEndOffset()
{
    auto log = memoryLog();
    appendOne(*log, 1, "a", "1");
    const auto f = log->read(2, 1000);
    QVERIFY(!f.isOk());
    QVERIFY(QString::fromStdString(f.status().message()).contains("OFFSET_OUT_OF_RANGE"));
}

void TestPartitionLog::fetchBelowLogStartOffset()
{
    auto log = memoryLog();
    for (int i = 0; i < 5; ++i)
        appendOne(*log, i, "a", "1");
    QVERIFY(log->deleteRecordsBefore(3, 5).isOk());
    QVERIFY(!log->read(2, 1000).isOk());
    QVERIFY(log->read(3, 1000).isOk());
}

void TestPartitionLog::fetchReturnsWholeBatches()
{
    auto log = memoryLog();
    for (int i = 0; i < 10; ++i)
        appendOne(*log, i, "k", "v");
    const std::size_t batchBytes = log->sizeInBytes() / 10;
    const auto f = log->read(0, batchBytes * 3 + batchBytes / 2);
    QVERIFY(f.isOk());
    QCOMPARE(f.value().records.size(), batchBytes * 3);
    QCOMPARE(f.value().nextFetchOffset, std::int64_t{3});
}

void TestPartitionLog::fetchMinOneBatchExceedsMaxBytes()
{
    auto log = memoryLog();
    appendOne(*log, 1, "k", std::string(500, 'v'));
    QCOMPARE(log->read(0, 10, true).value().nextFetchOffset, std::int64_t{1});
    QVERIFY(log->read(0, 10, false).value().records.empty());
}

void TestPartitionLog::fetchStopsAtMaxOffset()
{
    auto log = memoryLog();
    for (int i = 0; i < 10; ++i)
        appendOne(*log, i, "k", "v");
    const auto f = log->read(2, 1 << 20, true, 5);
    QCOMPARE(f.value().nextFetchOffset, std::int64_t{5});
}

void TestPartitionLog::fetchFromMiddleOfBatch()
{
    auto log = memoryLog();
    std::vector<Record> batch{record(1, "a", "1"), record(2, "b", "2"), record(3, "c", "3")};
    QVERIFY(log->append(batch, BatchOptions{}, 3).isOk());
    // A fetch returns the whole batch holding the offset, as Kafka does; readRecords skips.
    const auto f = log->read(1, 1 << 20);
    QCOMPARE(decodeBatch(f.value().records).value().header.baseOffset, std::int64_t{0});
    const auto records = log->readRecords(1, 10).value();
    QCOMPARE(records.size(), std::size_t{2});
    QCOMPARE(records[0].offset, Offset{1});
}

void TestPartitionLog::fetchStaysInOneSegment()
{
    LogConfig c;
    c.segmentBytes = 200;
    auto log = memoryLog(c);
    for (int i = 0; i < 10; ++i)
        appendOne(*log, i, "k", "v");
    const std::int64_t firstSegmentEnd = std::next(log->segments().begin())->first;
    QCOMPARE(log->read(0, 1 << 20).value().nextFetchOffset, firstSegmentEnd);
}

void TestPartitionLog::offsetForTimestamp_data()
{
    QTest::addColumn<qint64>("target");
    QTest::addColumn<qint64>("offset"); // -1: none
    QTest::addColumn<qint64>("timestamp");
    // Records at offsets 0..9 with timestamps 100, 110, …, 190 (record 5 is late: 105).
    QTest::addRow("earliest") << qint64(PartitionLog::kEarliestTimestamp) << qint64(0) << qint64(-1);
    QTest::addRow("latest") << qint64(PartitionLog::kLatestTimestamp) << qint64(10) << qint64(-1);
    QTest::addRow("before-all") << qint64(0) << qint64(0) << qint64(100);
    QTest::addRow("exact") << qint64(120) << qint64(2) << qint64(120);
    QTest::addRow("between") << qint64(121) << qint64(3) << qint64(130);
    QTest::addRow("late-record-counts") << qint64(104) << qint64(1) << qint64(110);
    QTest::addRow("last") << qint64(190) << qint64(9) << qint64(190);
    QTest::addRow("after-all") << qint64(191) << qint64(-1) << qint64(-1);
}

void TestPartitionLog::offsetForTimestamp()
{
    QFETCH(qint64, target);
    QFETCH(qint64, offset);
    QFETCH(qint64, timestamp);
    LogConfig c;
    c.indexIntervalBytes = 100;
    auto log = memoryLog(c);
    for (int i = 0; i < 10; ++i)
        appendOne(*log, i == 5 ? 105 : 100 + 10 * i, "k", "v", 1000);
    const auto r = log->offsetForTimestamp(target);
    QVERIFY(r.isOk());
    if (offset < 0) {
        QVERIFY(!r.value().has_value());
        return;
    }
    QVERIFY(r.value().has_value());
    QCOMPARE(r.value()->offset, offset);
    QCOMPARE(r.value()->timestamp, timestamp);
}

void TestPartitionLog::offsetForTimestampAcrossSegments()
{
    LogConfig c;
    c.segmentBytes = 250;
    auto log = memoryLog(c);
    for (int i = 0; i < 30; ++i)
        appendOne(*log, 1000 + i * 10, "k", "v");
    QVERIFY(log->segmentCount() > 3);
    for (int i = 0; i < 30; ++i) {
        const auto r = log->offsetForTimestamp(1000 + i * 10 - 5).value();
        QVERIFY(r.has_value());
        QCOMPARE(r->offset, std::int64_t{i});
    }
}

void TestPartitionLog::truncateToMiddle()
{
    auto log = memoryLog();
    for (int i = 0; i < 10; ++i)
        appendOne(*log, i, "k", "v" + std::to_string(i));
    QVERIFY(log->truncateTo(6).isOk());
    QCOMPARE(log->logEndOffset(), std::int64_t{6});
    QCOMPARE(allRecords(*log).size(), std::size_t{6});
    QCOMPARE(appendOne(*log, 50, "k", "new"), std::int64_t{6}); // appends continue from there
    QCOMPARE(*allRecords(*log).back().value, std::string("new"));
}

void TestPartitionLog::truncateInsideBatchDropsWholeBatch()
{
    auto log = memoryLog();
    appendOne(*log, 1, "a", "1");
    std::vector<Record> batch{record(2, "b", "2"), record(3, "c", "3"), record(4, "d", "4")};
    QVERIFY(log->append(batch, BatchOptions{}, 4).isOk());
    QVERIFY(log->truncateTo(2).isOk());
    QCOMPARE(log->logEndOffset(), std::int64_t{1});
}

void TestPartitionLog::truncateAcrossSegments()
{
    LogConfig c;
    c.segmentBytes = 200;
    auto log = memoryLog(c);
    for (int i = 0; i < 20; ++i)
        appendOne(*log, i, "k", "v");
    const std::size_t before = log->segmentCount();
    QVERIFY(log->truncateTo(3).isOk());
    QVERIFY(log->segmentCount() < before);
    QCOMPARE(log->logEndOffset(), std::int64_t{3});
    QCOMPARE(log->activeSegment().nextOffset(), std::int64_t{3});
    QCOMPARE(appendOne(*log, 99, "k", "v"), std::int64_t{3});
}

void TestPartitionLog::truncateBelowLogStart()
{
    auto log = memoryLog();
    for (int i = 0; i < 5; ++i)
        appendOne(*log, i, "k", "v");
    QVERIFY(log->truncateFullyAndStartAt(100, 0).isOk());
    QCOMPARE(log->logStartOffset(), std::int64_t{100});
    QCOMPARE(log->logEndOffset(), std::int64_t{100});
    QCOMPARE(appendOne(*log, 5, "k", "v"), std::int64_t{100});
}

void TestPartitionLog::truncateAboveLogEndIsNoOp()
{
    auto log = memoryLog();
    appendOne(*log, 1, "k", "v");
    QVERIFY(log->truncateTo(50).isOk());
    QCOMPARE(log->logEndOffset(), std::int64_t{1});
    QVERIFY(!log->truncateTo(-1).isOk());
}

void TestPartitionLog::deleteRecordsMovesLogStart()
{
    LogConfig c;
    c.segmentBytes = 200;
    auto log = memoryLog(c);
    for (int i = 0; i < 20; ++i)
        appendOne(*log, i, "k", "v");
    const std::size_t before = log->segmentCount();
    QVERIFY(log->deleteRecordsBefore(9, 20).isOk());
    QCOMPARE(log->logStartOffset(), std::int64_t{9});
    QVERIFY(log->segmentCount() < before); // segments wholly below 9 went
    QCOMPARE(allRecords(*log).front().offset, Offset{9});
    QCOMPARE(log->offsetForTimestamp(PartitionLog::kEarliestTimestamp).value()->offset, std::int64_t{9});
}

void TestPartitionLog::deleteRecordsBeyondHighWatermarkRefused()
{
    auto log = memoryLog();
    for (int i = 0; i < 5; ++i)
        appendOne(*log, i, "k", "v");
    QVERIFY(!log->deleteRecordsBefore(4, 3).isOk());
    QCOMPARE(log->logStartOffset(), std::int64_t{0});
}

void TestPartitionLog::followerAppendNeedsLogEndOffset()
{
    auto leader = memoryLog();
    auto follower = memoryLog();
    for (int i = 0; i < 3; ++i)
        appendOne(*leader, i, "k", "v");
    const auto fetched = leader->read(0, 1 << 20).value();
    std::string_view bytes = fetched.records;
    while (!bytes.empty()) {
        const auto h = readBatchHeader(bytes).value();
        QVERIFY(follower->appendBatch(bytes.substr(0, h.sizeInBytes()), 10).isOk());
        bytes.remove_prefix(h.sizeInBytes());
    }
    QCOMPARE(follower->logEndOffset(), std::int64_t{3});
    // The same batch again does not start at the log end.
    const auto again = leader->read(2, 1 << 20).value();
    QVERIFY(!follower->appendBatch(again.records, 10).isOk());
}

void TestPartitionLog::followerAppendRejectsBadCrc()
{
    auto leader = memoryLog();
    auto follower = memoryLog();
    appendOne(*leader, 1, "k", "value");
    std::string bytes = leader->read(0, 1 << 20).value().records;
    bytes.back() ^= 1;
    QCOMPARE(follower->appendBatch(bytes, 1).status().code(), Status::Code::Corruption);
    QCOMPARE(follower->logEndOffset(), std::int64_t{0});
}

void TestPartitionLog::memoryStoreCostsLittleMoreThanTheBytes()
{
    auto store = std::make_unique<MemoryLogStore>("m");
    MemoryLogStore *raw = store.get();
    auto log = PartitionLog::open(std::move(store), LogConfig{}, 0).value();
    std::vector<Record> batch;
    for (int i = 0; i < 100; ++i)
        batch.push_back(record(i, "key-" + std::to_string(i % 10), std::string(80, 'x')));
    for (int i = 0; i < 1000; ++i) // about 10 MB
        QVERIFY(log->append(batch, BatchOptions{}, i).isOk());
    // Not a speed target: a check that the chunked store has no doubling slack.
    const double ratio = static_cast<double>(raw->bytesReserved()) / static_cast<double>(log->sizeInBytes());
    QVERIFY2(ratio < 1.15, qPrintable(QString::number(ratio)));
}

QTEST_APPLESS_MAIN(TestPartitionLog)
#include "tst_partitionlog.moc"
