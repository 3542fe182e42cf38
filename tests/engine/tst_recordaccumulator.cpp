// The producer's RecordAccumulator: an edge-case catalogue of Kafka's batching rules (batch.size,
// linger.ms, flush), one named test per boundary.
#include "client/record_accumulator.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace kafkascope;

namespace {

constexpr std::size_t kOverhead = RecordAccumulator::kBatchOverheadBytes;

// A record of exactly `bytes` bytes by Record::sizeInBytes() (key "k", value padding, 8 bytes of
// per-record estimate); bytes >= 9.
Record recordOfSize(std::size_t bytes, std::string key = "k")
{
    Record r;
    r.key = key;
    r.value = std::string(bytes - 8 - key.size(), 'v');
    return r;
}

RecordAccumulator makeAccumulator(std::size_t batchSize, SimDuration linger)
{
    auto r = RecordAccumulator::create(AccumulatorConfig{batchSize, linger});
    if (!r.isOk())
        qFatal("unexpected error: %s", r.status().message().c_str());
    return std::move(r).value();
}

SimTime ms(std::int64_t v) { return SimTime::fromMillis(v); }

TopicPartition tp(const char *topic, int partition) { return TopicPartition{topic, PartitionId{partition}}; }

// "orders-0:3,orders-0:1" — each batch's partition and record count, in the given order.
QString render(const std::vector<ProducerBatch> &batches)
{
    QStringList parts;
    for (const auto &b : batches)
        parts << QStringLiteral("%1:%2").arg(QString::fromStdString(b.topicPartition.toString())).arg(b.records.size());
    return parts.join(QLatin1Char(','));
}

const SimDuration kLongLinger = SimDuration::seconds(3600);

} // namespace

class TestRecordAccumulator : public QObject
{
    Q_OBJECT

private slots:
    void emptyAccumulator();
    void negativeLingerRefused();
    void batchClosesOnSize_data();
    void batchClosesOnSize();
    void exactFillClosesAtOnce();
    void oversizedRecordAlone();
    void batchSizeZeroDisablesBatching();
    void lingerExpiry_data();
    void lingerExpiry();
    void lingerCountsFromFirstAppend();
    void expiredOpenBatchKeepsFillingUntilDrained();
    void flushMakesEverythingReady();
    void appendAfterFlushStartsNewBatch();
    void multiplePartitionsOrdering();
    void firstAppendTimeAndSendOrder();
    void appendResultFlags();
    void nextReadyTime();
    void drainTakesOldestSendableBatch();
    void readyPartitionsChangesNothing();
    void oldestCreationFollowsEveryChange();
};

void TestRecordAccumulator::emptyAccumulator()
{
    auto acc = makeAccumulator(16384, SimDuration::millis(5));
    QVERIFY(acc.empty());
    QCOMPARE(acc.batchCount(), std::size_t{0});
    QVERIFY(!acc.nextReadyTime().has_value());
    QVERIFY(acc.ready(ms(100)).empty());
    QVERIFY(acc.readyPartitions(ms(100)).empty());
    QVERIFY(!acc.drain(tp("t", 0), ms(100)).has_value());
    acc.flush(ms(100));
    QVERIFY(acc.empty());
    QCOMPARE(acc.config().batchSizeBytes, std::size_t{16384});
    QCOMPARE(acc.config().linger, SimDuration::millis(5));
    // Kafka's defaults (4.0).
    QCOMPARE(AccumulatorConfig{}.batchSizeBytes, std::size_t{16384});
    QCOMPARE(AccumulatorConfig{}.linger, SimDuration::millis(5));
}

void TestRecordAccumulator::negativeLingerRefused()
{
    const auto bad = RecordAccumulator::create(AccumulatorConfig{16384, SimDuration::micros(-1)});
    QVERIFY(!bad.isOk());
    QCOMPARE(bad.status().code(), Status::Code::InvalidArgument);
    QVERIFY(QString::fromStdString(bad.status().message()).contains("linger"));
    QVERIFY(RecordAccumulator::create(AccumulatorConfig{0, SimDuration{}}).isOk());
}

void TestRecordAccumulator::batchClosesOnSize_data()
{
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<int>("recordBytes");
    QTest::addColumn<int>("records");
    QTest::addColumn<QString>("closedBeforeLinger"); // record counts of the batches closed by size
    QTest::addColumn<QString>("stillOpen");          // record count of the open batch ("" if none)
    // Three 20-byte records need 61 + 60 = 121 bytes.
    QTest::addRow("one-byte-short-of-three") << 120 << 20 << 5 << "t-0:2,t-0:2" << "t-0:1";
    QTest::addRow("one-byte-spare") << 122 << 20 << 5 << "t-0:3" << "t-0:2";
    QTest::addRow("everything-fits") << 16384 << 100 << 50 << "" << "t-0:50";
    QTest::addRow("batch-size-of-the-header-alone") << 61 << 9 << 3 << "t-0:1,t-0:1,t-0:1" << "";
    QTest::addRow("default-batch-size-100-byte-records") << 16384 << 100 << 500 << "t-0:163,t-0:163,t-0:163" << "t-0:11";
}

void TestRecordAccumulator::batchClosesOnSize()
{
    QFETCH(int, batchSize);
    QFETCH(int, recordBytes);
    QFETCH(int, records);
    QFETCH(QString, closedBeforeLinger);
    QFETCH(QString, stillOpen);
    auto acc = makeAccumulator(static_cast<std::size_t>(batchSize), kLongLinger);
    for (int i = 0; i < records; ++i)
        acc.append(tp("t", 0), recordOfSize(static_cast<std::size_t>(recordBytes)), ms(i));
    const auto closed = acc.ready(ms(records));
    QCOMPARE(render(closed), closedBeforeLinger);
    for (const auto &b : closed) {
        QVERIFY(b.isClosed());
        // Within batch.size, unless a lone record is larger on its own.
        QVERIFY(b.records.size() == 1 || b.sizeInBytes <= static_cast<std::size_t>(batchSize));
        QCOMPARE(b.sizeInBytes, kOverhead + b.records.size() * static_cast<std::size_t>(recordBytes));
    }
    acc.flush(ms(records));
    QCOMPARE(render(acc.ready(ms(records))), stillOpen);
    QVERIFY(acc.empty());
}

void TestRecordAccumulator::exactFillClosesAtOnce()
{
    // 61 + 2 * 20 = 101: the second record fills the batch exactly; Kafka counts it full at once,
    // so it is sendable without waiting for a third record or for linger.ms.
    auto acc = makeAccumulator(101, kLongLinger);
    acc.append(tp("t", 0), recordOfSize(20), ms(1));
    QVERIFY(acc.ready(ms(1)).empty());
    const auto r = acc.append(tp("t", 0), recordOfSize(20), ms(2));
    QVERIFY(r.batchFull);
    const auto batches = acc.ready(ms(2));
    QCOMPARE(render(batches), QStringLiteral("t-0:2"));
    QCOMPARE(batches[0].sizeInBytes, std::size_t{101});
    QCOMPARE(batches[0].closedAt, std::optional<SimTime>(ms(2)));
}

void TestRecordAccumulator::oversizedRecordAlone()
{
    auto acc = makeAccumulator(200, kLongLinger);
    acc.append(tp("t", 0), recordOfSize(30), ms(1));
    const auto big = acc.append(tp("t", 0), recordOfSize(500), ms(2));
    QVERIFY(big.newBatchCreated);
    QVERIFY(big.batchFull);
    acc.append(tp("t", 0), recordOfSize(30), ms(3));
    QCOMPARE(acc.batchCount(), std::size_t{3});
    // The small batch before it closed (no room), the big one closed at once, the last is open.
    const auto ready = acc.ready(ms(3));
    QCOMPARE(render(ready), QStringLiteral("t-0:1,t-0:1"));
    QCOMPARE(ready[0].sizeInBytes, kOverhead + 30);
    QCOMPARE(ready[1].sizeInBytes, kOverhead + 500);
    QCOMPARE(ready[0].closedAt, std::optional<SimTime>(ms(2)));
    QCOMPARE(ready[1].closedAt, std::optional<SimTime>(ms(2)));
    QCOMPARE(acc.batchCount(), std::size_t{1});
    // A record that is only too large together with the header is also alone.
    auto edge = makeAccumulator(100, kLongLinger);
    edge.append(tp("t", 0), recordOfSize(40), ms(1)); // 101 bytes with the header
    QCOMPARE(render(edge.ready(ms(1))), QStringLiteral("t-0:1"));
}

void TestRecordAccumulator::batchSizeZeroDisablesBatching()
{
    // Kafka: "A batch size of zero will disable batching entirely": one record per batch.
    auto acc = makeAccumulator(0, kLongLinger);
    for (int i = 0; i < 4; ++i) {
        const auto r = acc.append(tp("t", 0), recordOfSize(10), ms(i));
        QVERIFY(r.newBatchCreated);
        QVERIFY(r.batchFull);
    }
    QCOMPARE(render(acc.ready(ms(3))), QStringLiteral("t-0:1,t-0:1,t-0:1,t-0:1"));
}

void TestRecordAccumulator::lingerExpiry_data()
{
    QTest::addColumn<qint64>("lingerUs");
    QTest::addColumn<qint64>("createdUs");
    QTest::addColumn<qint64>("checkUs");
    QTest::addColumn<bool>("sendable");
    // Kafka: sendable when waitedTimeMs >= lingerMs, so exactly at creation + linger.
    QTest::addRow("one-us-before-expiry") << qint64{5000} << qint64{10000} << qint64{14999} << false;
    QTest::addRow("exactly-at-expiry") << qint64{5000} << qint64{10000} << qint64{15000} << true;
    QTest::addRow("after-expiry") << qint64{5000} << qint64{10000} << qint64{20000} << true;
    QTest::addRow("linger-0-at-creation") << qint64{0} << qint64{10000} << qint64{10000} << true;
    QTest::addRow("linger-1-us-at-creation") << qint64{1} << qint64{10000} << qint64{10000} << false;
    QTest::addRow("linger-1-us-one-later") << qint64{1} << qint64{10000} << qint64{10001} << true;
    QTest::addRow("linger-0-at-time-0") << qint64{0} << qint64{0} << qint64{0} << true;
}

void TestRecordAccumulator::lingerExpiry()
{
    QFETCH(qint64, lingerUs);
    QFETCH(qint64, createdUs);
    QFETCH(qint64, checkUs);
    QFETCH(bool, sendable);
    auto acc = makeAccumulator(16384, SimDuration::micros(lingerUs));
    acc.append(tp("t", 0), recordOfSize(50), SimTime::fromMicros(createdUs));
    QCOMPARE(acc.nextReadyTime(), std::optional<SimTime>(SimTime::fromMicros(createdUs + lingerUs)));
    const SimTime check = SimTime::fromMicros(checkUs);
    QCOMPARE(acc.readyPartitions(check).size(), std::size_t{sendable ? 1u : 0u});
    const auto batches = acc.ready(check);
    QCOMPARE(batches.size(), std::size_t{sendable ? 1u : 0u});
    QCOMPARE(acc.empty(), sendable);
    if (sendable) // taken while open: closed when drained
        QCOMPARE(batches[0].closedAt, std::optional<SimTime>(check));
}

void TestRecordAccumulator::lingerCountsFromFirstAppend()
{
    // Later appends do not extend the wait: linger.ms counts from the batch's creation.
    auto acc = makeAccumulator(16384, SimDuration::millis(10));
    acc.append(tp("t", 0), recordOfSize(50), ms(100));
    acc.append(tp("t", 0), recordOfSize(50), ms(105));
    acc.append(tp("t", 0), recordOfSize(50), ms(109));
    QVERIFY(acc.ready(ms(109)).empty());
    QCOMPARE(acc.nextReadyTime(), std::optional<SimTime>(ms(110)));
    QCOMPARE(render(acc.ready(ms(110))), QStringLiteral("t-0:3"));
}

void TestRecordAccumulator::expiredOpenBatchKeepsFillingUntilDrained()
{
    // A sender held back (max.in.flight reached) does not drain; Kafka's batch stays open and grows.
    auto acc = makeAccumulator(16384, SimDuration::millis(5));
    acc.append(tp("t", 0), recordOfSize(50), ms(0));
    QCOMPARE(acc.readyPartitions(ms(6)).size(), std::size_t{1});
    const auto r = acc.append(tp("t", 0), recordOfSize(50), ms(7));
    QVERIFY(!r.newBatchCreated);
    QVERIFY(!r.batchFull);
    QCOMPARE(acc.batchCount(), std::size_t{1});
    const auto b = acc.drain(tp("t", 0), ms(8));
    QVERIFY(b.has_value());
    QCOMPARE(b->records.size(), std::size_t{2});
    QCOMPARE(b->closedAt, std::optional<SimTime>(ms(8)));
    // The next record starts a new batch with its own linger.
    QVERIFY(acc.append(tp("t", 0), recordOfSize(50), ms(9)).newBatchCreated);
    QCOMPARE(acc.nextReadyTime(), std::optional<SimTime>(ms(14)));
}

void TestRecordAccumulator::flushMakesEverythingReady()
{
    auto acc = makeAccumulator(16384, kLongLinger);
    acc.append(tp("a", 0), recordOfSize(50), ms(1));
    acc.append(tp("a", 1), recordOfSize(50), ms(2));
    acc.append(tp("b", 0), recordOfSize(50), ms(3));
    QVERIFY(acc.ready(ms(4)).empty());
    acc.flush(ms(4));
    QCOMPARE(acc.nextReadyTime(), std::optional<SimTime>(ms(4)));
    const auto batches = acc.ready(ms(4));
    QCOMPARE(render(batches), QStringLiteral("a-0:1,a-1:1,b-0:1"));
    for (const auto &b : batches)
        QCOMPARE(b.closedAt, std::optional<SimTime>(ms(4)));
    QVERIFY(acc.empty());
}

void TestRecordAccumulator::appendAfterFlushStartsNewBatch()
{
    auto acc = makeAccumulator(16384, kLongLinger);
    acc.append(tp("t", 0), recordOfSize(50), ms(1));
    acc.flush(ms(2));
    const auto r = acc.append(tp("t", 0), recordOfSize(50), ms(3));
    QVERIFY(r.newBatchCreated);
    QVERIFY(r.batchFull); // the flushed batch is still waiting
    QCOMPARE(acc.batchCount(), std::size_t{2});
    QCOMPARE(render(acc.ready(ms(3))), QStringLiteral("t-0:1")); // only the flushed one
    QCOMPARE(acc.batchCount(), std::size_t{1});
}

void TestRecordAccumulator::multiplePartitionsOrdering()
{
    // batch.size for two 50-byte records; appended out of order over topics and partitions.
    auto acc = makeAccumulator(kOverhead + 100, kLongLinger);
    const std::vector<TopicPartition> order{tp("b", 1), tp("a", 10), tp("a", 2), tp("b", 0), tp("a", 2),
                                            tp("a", 2), tp("a", 10), tp("b", 1), tp("a", 2), tp("a", 2)};
    for (std::size_t i = 0; i < order.size(); ++i)
        acc.append(order[i], recordOfSize(50), ms(static_cast<std::int64_t>(i)));
    acc.flush(ms(20));
    const auto batches = acc.ready(ms(20));
    // By topic, then partition numerically (2 before 10), then creation.
    QCOMPARE(render(batches), QStringLiteral("a-2:2,a-2:2,a-2:1,a-10:2,b-0:1,b-1:2"));
    for (std::size_t i = 1; i < batches.size(); ++i)
        if (batches[i].topicPartition == batches[i - 1].topicPartition)
            QVERIFY(batches[i].batchSequence > batches[i - 1].batchSequence);
    // The first batch of a-2 holds the 3rd and 5th sends.
    QCOMPARE(batches[0].records[0].sendSequence, std::uint64_t{2});
    QCOMPARE(batches[0].records[1].sendSequence, std::uint64_t{4});
}

void TestRecordAccumulator::firstAppendTimeAndSendOrder()
{
    auto acc = makeAccumulator(16384, SimDuration::millis(5));
    QCOMPARE(acc.append(tp("t", 0), recordOfSize(20, "x"), ms(10)).sendSequence, std::uint64_t{0});
    QCOMPARE(acc.append(tp("t", 1), recordOfSize(20, "y"), ms(11)).sendSequence, std::uint64_t{1});
    QCOMPARE(acc.append(tp("t", 0), recordOfSize(20, "z"), ms(12)).sendSequence, std::uint64_t{2});
    const auto batches = acc.ready(ms(20));
    QCOMPARE(render(batches), QStringLiteral("t-0:2,t-1:1"));
    const ProducerBatch &b = batches[0];
    QCOMPARE(b.createdAt, ms(10));
    QCOMPARE(b.records[0].appendedAt, ms(10));
    QCOMPARE(b.records[1].appendedAt, ms(12));
    QCOMPARE(b.records[0].sendSequence, std::uint64_t{0});
    QCOMPARE(b.records[1].sendSequence, std::uint64_t{2});
    QCOMPARE(b.records[0].record.key, std::optional<std::string>("x"));
    QCOMPARE(b.records[1].record.key, std::optional<std::string>("z"));
    QCOMPARE(batches[1].createdAt, ms(11));
    QVERIFY(batches[1].batchSequence > b.batchSequence); // created second
}

void TestRecordAccumulator::appendResultFlags()
{
    auto acc = makeAccumulator(kOverhead + 100, kLongLinger);
    auto r = acc.append(tp("t", 0), recordOfSize(50), ms(0));
    QVERIFY(r.newBatchCreated);
    QVERIFY(!r.batchFull);
    r = acc.append(tp("t", 0), recordOfSize(40), ms(1));
    QVERIFY(!r.newBatchCreated);
    QVERIFY(!r.batchFull); // 10 bytes left
    r = acc.append(tp("t", 0), recordOfSize(20), ms(2)); // no room: closes the first, opens a second
    QVERIFY(r.newBatchCreated);
    QVERIFY(r.batchFull);
    r = acc.append(tp("u", 0), recordOfSize(20), ms(3)); // another partition is independent
    QVERIFY(r.newBatchCreated);
    QVERIFY(!r.batchFull);
}

void TestRecordAccumulator::nextReadyTime()
{
    auto acc = makeAccumulator(kOverhead + 100, SimDuration::millis(50));
    QVERIFY(!acc.nextReadyTime().has_value());
    acc.append(tp("a", 0), recordOfSize(50), ms(30));
    acc.append(tp("b", 0), recordOfSize(50), ms(10));
    // The earliest linger expiry across partitions.
    QCOMPARE(acc.nextReadyTime(), std::optional<SimTime>(ms(60)));
    // A batch closed by size is sendable from the moment it closed.
    acc.append(tp("a", 0), recordOfSize(60), ms(40));
    QCOMPARE(acc.nextReadyTime(), std::optional<SimTime>(ms(40)));
    QCOMPARE(render(acc.ready(ms(40))), QStringLiteral("a-0:1"));
    QCOMPARE(acc.nextReadyTime(), std::optional<SimTime>(ms(60))); // b-0, created at 10
    QCOMPARE(render(acc.ready(ms(60))), QStringLiteral("b-0:1"));
    QCOMPARE(acc.nextReadyTime(), std::optional<SimTime>(ms(90))); // a-0's second batch, created at 40
    QCOMPARE(render(acc.ready(ms(90))), QStringLiteral("a-0:1"));
    QVERIFY(!acc.nextReadyTime().has_value());
}

void TestRecordAccumulator::drainTakesOldestSendableBatch()
{
    auto acc = makeAccumulator(kOverhead + 100, SimDuration::millis(5));
    acc.append(tp("t", 0), recordOfSize(60), ms(0));
    acc.append(tp("t", 0), recordOfSize(60), ms(1)); // closes the first
    QVERIFY(!acc.drain(tp("t", 1), ms(1)).has_value()); // no such partition
    const auto first = acc.drain(tp("t", 0), ms(1));
    QVERIFY(first.has_value());
    QCOMPARE(first->createdAt, ms(0));
    // The second is open and lingering until 6.
    QVERIFY(!acc.drain(tp("t", 0), ms(5)).has_value());
    const auto second = acc.drain(tp("t", 0), ms(6));
    QVERIFY(second.has_value());
    QCOMPARE(second->createdAt, ms(1));
    QVERIFY(acc.empty());
}

void TestRecordAccumulator::readyPartitionsChangesNothing()
{
    auto acc = makeAccumulator(16384, SimDuration::millis(5));
    acc.append(tp("b", 3), recordOfSize(50), ms(0));
    acc.append(tp("a", 7), recordOfSize(50), ms(2));
    acc.append(tp("a", 1), recordOfSize(50), ms(4));
    const auto partitions = acc.readyPartitions(ms(7));
    QCOMPARE(partitions, (std::vector<TopicPartition>{tp("a", 7), tp("b", 3)}));
    QCOMPARE(acc.batchCount(), std::size_t{3});
    QCOMPARE(render(acc.ready(ms(7))), QStringLiteral("a-7:1,b-3:1"));
    QCOMPARE(acc.batchCount(), std::size_t{1});
}

void TestRecordAccumulator::oldestCreationFollowsEveryChange()
{
    // The answer is kept between calls: every arrival and removal must show in the next one.
    auto acc = makeAccumulator(16384, SimDuration::millis(5));
    const auto oldest = [&] { return acc.oldestCreation(); };
    QCOMPARE(oldest(), std::optional<SimTime>{});
    acc.append(tp("t", 0), recordOfSize(50), ms(10));
    QCOMPARE(oldest(), std::optional{ms(10)});
    acc.append(tp("t", 1), recordOfSize(50), ms(20));
    acc.append(tp("t", 0), recordOfSize(50), ms(21)); // joins the batch of 10
    QCOMPARE(oldest(), std::optional{ms(10)});

    auto first = acc.drainFront(tp("t", 0), ms(30)); // the oldest leaves
    QVERIFY(first.has_value());
    QCOMPARE(oldest(), std::optional{ms(20)});
    acc.append(tp("t", 0), recordOfSize(50), ms(31));
    QCOMPARE(oldest(), std::optional{ms(20)});
    first->retryAt = ms(40);
    acc.reenqueue(std::move(*first)); // put back: the oldest again
    QCOMPARE(oldest(), std::optional{ms(10)});

    // expire() takes the batches of 10 and 20 (delivery timeout 15 ms at 35).
    const auto expired = acc.expire(ms(35), SimDuration::millis(15));
    QCOMPARE(render(expired), QStringLiteral("t-0:2,t-1:1"));
    QCOMPARE(oldest(), std::optional{ms(31)});
    QVERIFY(acc.drain(tp("t", 0), ms(36)).has_value());
    QCOMPARE(oldest(), std::optional<SimTime>{});

    acc.append(tp("t", 2), recordOfSize(50), ms(50));
    acc.append(tp("t", 3), recordOfSize(50), ms(52));
    QCOMPARE(oldest(), std::optional{ms(50)});
    QCOMPARE(render(acc.ready(ms(56))), QStringLiteral("t-2:1"));
    QCOMPARE(oldest(), std::optional{ms(52)});
    QCOMPARE(render(acc.ready(ms(60))), QStringLiteral("t-3:1"));
    QCOMPARE(oldest(), std::optional<SimTime>{});
}

QTEST_APPLESS_MAIN(TestRecordAccumulator)
#include "tst_recordaccumulator.moc"
