// The records model over partition folders written by the engine: what each column shows,
// paging, segments, and jumping to offsets (in compaction gaps) and timestamps.
#include "log/log_store.h"
#include "log/partition_log.h"
#include "model/logrecordsmodel.h"
#include "log_fixtures.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

using namespace kafkascope;
using namespace kafkascope::fixtures;

namespace {

constexpr int kBigRecords = 1234;
constexpr int kBigBatch = 7;

std::unique_ptr<PartitionLog> openReadOnly(const QString &path)
{
    auto log = PartitionLog::open(std::make_unique<DirectoryLogStore>(path.toStdString(), true), LogConfig{}, 0);
    return log.isOk() ? std::move(log).value() : nullptr;
}

// kBigRecords records in batches of kBigBatch, record i at kT0 + 10 i, over several segments.
bool writeBig(const QString &path)
{
    LogConfig config;
    config.segmentBytes = 16 * 1024;
    auto log = createLog(path, config);
    if (!log)
        return false;
    for (int first = 0; first < kBigRecords; first += kBigBatch) {
        std::vector<Record> batch;
        for (int i = first; i < std::min(first + kBigBatch, kBigRecords); ++i)
            batch.push_back(rec(kT0 + 10 * i, "key-" + std::to_string(i % 17), "value " + std::to_string(i)));
        if (!append(*log, std::move(batch)))
            return false;
    }
    return log->flush().isOk();
}

QString cell(const LogRecordsModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

class TestLogRecordsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passesModelTester();
    void columnsShowRecordsAndBatches();
    void nullIsNotEmpty();
    void pagesLoadLazily();
    void rowsMatchEngine();
    void segmentOnly();
    void rowForOffsetLandsOnNextRecordInGaps();
    void rowForOffsetLoadsPagesAsNeeded();
    void rowForTimestamp_data();
    void rowForTimestamp();
    void rowForTimestampInSegment();
    void formatBytes_data();
    void formatBytes();
    void openFailures();

private:
    QTemporaryDir m_dir;
    QString m_orders;
    QString m_compacted;
    QString m_big;
};

void TestLogRecordsModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_orders = m_dir.filePath(QStringLiteral("orders-0"));
    m_compacted = m_dir.filePath(QStringLiteral("compacted-0"));
    m_big = m_dir.filePath(QStringLiteral("big-0"));
    QVERIFY(writeOrders(m_orders));
    QVERIFY(writeCompacted(m_compacted, 40, 10, 500));
    QVERIFY(writeBig(m_big));
}

void TestLogRecordsModel::passesModelTester()
{
    LogRecordsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setPartition(m_big));
    while (model.canFetchMore({}))
        model.fetchMore({});
    QVERIFY(model.setPartition(m_orders, 8));
    QVERIFY(model.setPartition(m_compacted));
    QVERIFY(model.rowForOffset(5) >= 0);
    model.clear();
    QVERIFY(!model.setPartition(m_dir.filePath(QStringLiteral("nope-0"))));
    QVERIFY(!QTest::currentTestFailed());
}

void TestLogRecordsModel::columnsShowRecordsAndBatches()
{
    LogRecordsModel model;
    QVERIFY(model.setPartition(m_orders));
    QCOMPARE(model.rowCount(), 15);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.columnCount(), int(LogRecordsModel::ColumnCount));

    QCOMPARE(cell(model, 0, LogRecordsModel::OffsetColumn), QStringLiteral("0"));
    QCOMPARE(cell(model, 0, LogRecordsModel::TimestampColumn), QStringLiteral("2023-11-14T22:13:20.000Z"));
    QCOMPARE(cell(model, 0, LogRecordsModel::TimestampTypeColumn), QStringLiteral("CreateTime"));
    QCOMPARE(cell(model, 0, LogRecordsModel::KeyColumn), QStringLiteral("alice"));
    QCOMPARE(cell(model, 0, LogRecordsModel::ValueColumn), QStringLiteral("order-1"));
    QCOMPARE(cell(model, 0, LogRecordsModel::HeadersColumn), QStringLiteral("trace=abc, bin=0x00ff, nil=null"));
    QCOMPARE(model.index(0, 0).data(LogRecordsModel::HeaderCountRole).toInt(), 3);
    QCOMPARE(cell(model, 0, LogRecordsModel::CodecColumn), QStringLiteral("none"));
    QCOMPARE(cell(model, 0, LogRecordsModel::CrcColumn), QStringLiteral("valid"));
    QCOMPARE(cell(model, 0, LogRecordsModel::ProducerIdColumn), QString());
    QCOMPARE(cell(model, 0, LogRecordsModel::LeaderEpochColumn), QString());

    // The gzip batch: offsets 3-7, values cut to the preview.
    for (int row = 3; row < 8; ++row) {
        QCOMPARE(cell(model, row, LogRecordsModel::BatchBaseOffsetColumn), QStringLiteral("3"));
        QCOMPARE(cell(model, row, LogRecordsModel::CodecColumn), QStringLiteral("gzip"));
        QCOMPARE(model.index(row, 0).data(LogRecordsModel::ValueSizeRole).toLongLong(), 200);
    }
    const QString preview = cell(model, 4, LogRecordsModel::ValueColumn);
    QCOMPARE(preview, QString(LogRecordsModel::kPreviewChars, QLatin1Char('b')) + QStringLiteral("…"));
    QCOMPARE(model.index(4, 0).data(LogRecordsModel::ValueRole).toByteArray(), QByteArray(200, 'b'));

    // The producer's batch: binary bytes in hex, sequence per record, the leader epoch.
    QCOMPARE(cell(model, 8, LogRecordsModel::KeyColumn), QStringLiteral("0x0001fe"));
    QCOMPARE(cell(model, 8, LogRecordsModel::ValueColumn), QStringLiteral("0xfffe"));
    QCOMPARE(model.index(8, 0).data(LogRecordsModel::KeyRole).toByteArray(), QByteArray("\x00\x01\xfe", 3));
    QCOMPARE(cell(model, 8, LogRecordsModel::ProducerIdColumn), QStringLiteral("4242"));
    QCOMPARE(cell(model, 8, LogRecordsModel::ProducerEpochColumn), QStringLiteral("3"));
    QCOMPARE(cell(model, 8, LogRecordsModel::SequenceColumn), QStringLiteral("10"));
    QCOMPARE(cell(model, 9, LogRecordsModel::SequenceColumn), QStringLiteral("11"));
    QCOMPARE(cell(model, 9, LogRecordsModel::LeaderEpochColumn), QStringLiteral("7"));

    // LogAppendTime: the broker's time, not the producer's.
    QCOMPARE(cell(model, 10, LogRecordsModel::TimestampTypeColumn), QStringLiteral("LogAppendTime"));
    QCOMPARE(model.index(10, 0).data(LogRecordsModel::TimestampRole).toLongLong(), kAppendTime);
    QVERIFY(model.index(10, 0).data(LogRecordsModel::LogAppendTimeRole).toBool());
    QCOMPARE(model.headerData(LogRecordsModel::KeyColumn, Qt::Horizontal).toString(), QStringLiteral("Key"));
}

void TestLogRecordsModel::nullIsNotEmpty()
{
    LogRecordsModel model;
    QVERIFY(model.setPartition(m_orders));
    // Row 1: null key; row 2: empty key, null value.
    QVERIFY(model.index(1, 0).data(LogRecordsModel::KeyRole).isNull());
    QCOMPARE(cell(model, 1, LogRecordsModel::KeyColumn), QStringLiteral("null"));
    QVERIFY(model.index(1, LogRecordsModel::KeyColumn).data(Qt::FontRole).value<QFont>().italic());
    const QVariant emptyKey = model.index(2, 0).data(LogRecordsModel::KeyRole);
    QVERIFY(!emptyKey.isNull());
    QCOMPARE(emptyKey.toByteArray(), QByteArray());
    QCOMPARE(cell(model, 2, LogRecordsModel::KeyColumn), QStringLiteral("\"\""));
    QVERIFY(!model.index(2, LogRecordsModel::KeyColumn).data(Qt::FontRole).isValid());
    QVERIFY(model.index(2, 0).data(LogRecordsModel::ValueRole).isNull());
    QCOMPARE(model.index(2, 0).data(LogRecordsModel::ValueSizeRole).toLongLong(), -1);
    QCOMPARE(cell(model, 2, LogRecordsModel::ValueColumn), QStringLiteral("null"));
}

void TestLogRecordsModel::pagesLoadLazily()
{
    LogRecordsModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(model.setPartition(m_big));
    // Whole batches of 7: the first page stops at the batch that reaches 500 records.
    QCOMPARE(model.rowCount(), 504);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 1008);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), kBigRecords);
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), kBigRecords);
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(model.offsetAt(kBigRecords - 1), kBigRecords - 1);
    QCOMPARE(model.offsetAt(kBigRecords), -1);
}

void TestLogRecordsModel::rowsMatchEngine()
{
    for (const QString &path : {m_orders, m_compacted, m_big}) {
        const auto log = openReadOnly(path);
        QVERIFY(log);
        auto records = log->readRecords(log->logStartOffset(), 1u << 20);
        QVERIFY(records.isOk());
        LogRecordsModel model;
        QVERIFY(model.setPartition(path));
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), static_cast<int>(records.value().size()));
        for (int row = 0; row < model.rowCount(); ++row) {
            const Record &r = records.value()[static_cast<std::size_t>(row)];
            QCOMPARE(model.offsetAt(row), r.offset.value());
            QCOMPARE(model.index(row, 0).data(LogRecordsModel::TimestampRole).toLongLong(), r.timestampMs);
            const QVariant key = model.index(row, 0).data(LogRecordsModel::KeyRole);
            QCOMPARE(key.isNull(), !r.key.has_value());
            if (r.key)
                QCOMPARE(key.toByteArray(), QByteArray::fromStdString(*r.key));
        }
    }
}

void TestLogRecordsModel::segmentOnly()
{
    LogRecordsModel model;
    QVERIFY(model.setPartition(m_orders, 8));
    QCOMPARE(model.segmentBase(), std::optional<qint64>(8));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.firstOffset(), 8);
    QCOMPARE(model.endOffset(), 11);
    QCOMPARE(model.offsetAt(0), 8);
    QCOMPARE(model.offsetAt(2), 10);
    QCOMPARE(model.rowForOffset(0), 0);
    QCOMPARE(model.rowForOffset(10), 2);
    QCOMPARE(model.rowForOffset(11), -1);
    // The same folder, another segment: the open log is reused.
    QVERIFY(model.setPartition(m_orders, 11));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.offsetAt(0), 11);
}

void TestLogRecordsModel::rowForOffsetLandsOnNextRecordInGaps()
{
    const auto log = openReadOnly(m_compacted);
    QVERIFY(log);
    auto records = log->readRecords(log->logStartOffset(), 1000);
    QVERIFY(records.isOk());
    std::vector<std::int64_t> offsets;
    for (const Record &r : records.value())
        offsets.push_back(r.offset.value());
    // Compaction left gaps.
    QVERIFY(offsets.size() < static_cast<std::size_t>(log->logEndOffset() - log->logStartOffset()));
    int gaps = 0;
    for (std::int64_t target = 0; target <= log->logEndOffset() + 1; ++target) {
        LogRecordsModel model;
        QVERIFY(model.setPartition(m_compacted));
        const auto next = std::lower_bound(offsets.begin(), offsets.end(), target);
        const int row = model.rowForOffset(target);
        if (next == offsets.end()) {
            QCOMPARE(row, -1);
            continue;
        }
        gaps += *next != target ? 1 : 0;
        QCOMPARE(row, static_cast<int>(next - offsets.begin()));
        QCOMPARE(model.offsetAt(row), *next);
    }
    QVERIFY(gaps >= 3);
}

void TestLogRecordsModel::rowForOffsetLoadsPagesAsNeeded()
{
    LogRecordsModel model;
    QVERIFY(model.setPartition(m_big));
    QCOMPARE(model.rowForOffset(300), 300);
    QCOMPARE(model.rowCount(), 504);
    QCOMPARE(model.rowForOffset(1100), 1100);
    QCOMPARE(model.rowCount(), kBigRecords);
    QCOMPARE(model.rowForOffset(kBigRecords), -1);
    QCOMPARE(model.rowForOffset(-5), 0);
}

void TestLogRecordsModel::rowForTimestamp_data()
{
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<int>("row");
    QTest::addRow("before-everything") << qint64{0} << 0;
    QTest::addRow("exact-first") << qint64{kT0} << 0;
    QTest::addRow("between-records") << qint64{kT0 + 5005} << 501;
    QTest::addRow("exact-late") << qint64{kT0 + 10 * 1200} << 1200;
    QTest::addRow("last") << qint64{kT0 + 10 * (kBigRecords - 1)} << kBigRecords - 1;
    QTest::addRow("after-everything") << qint64{kT0 + 10 * kBigRecords} << -1;
}

void TestLogRecordsModel::rowForTimestamp()
{
    QFETCH(qint64, timestamp);
    QFETCH(int, row);
    LogRecordsModel model;
    QVERIFY(model.setPartition(m_big));
    QCOMPARE(model.rowForTimestamp(timestamp), row);
    const auto log = openReadOnly(m_big);
    auto found = log->offsetForTimestamp(timestamp);
    QVERIFY(found.isOk());
    QCOMPARE(found.value().has_value(), row >= 0);
    if (row >= 0)
        QCOMPARE(model.offsetAt(row), found.value()->offset);
}

void TestLogRecordsModel::rowForTimestampInSegment()
{
    LogRecordsModel model;
    QVERIFY(model.setPartition(m_orders, 11)); // offsets 11-14 at kT0 + 30..33
    QCOMPARE(model.rowForTimestamp(kT0), 0);   // the partition's answer (offset 0) lies before the segment
    QCOMPARE(model.rowForTimestamp(kT0 + 32), 2);
    QCOMPARE(model.rowForTimestamp(kT0 + 34), -1);
    QVERIFY(model.setPartition(m_orders, 0));
    QCOMPARE(model.rowForTimestamp(kT0 + 30), -1); // the LogAppendTime record, offset 10, after the segment
}

void TestLogRecordsModel::formatBytes_data()
{
    QTest::addColumn<QVariant>("bytes");
    QTest::addColumn<bool>("truncated");
    QTest::addColumn<QString>("shown");
    const QByteArray korean = QStringLiteral("안녕").toUtf8();
    QTest::addRow("null") << QVariant() << false << QStringLiteral("null");
    QTest::addRow("empty") << QVariant(QByteArray()) << false << QStringLiteral("\"\"");
    QTest::addRow("text") << QVariant(QByteArray("hello")) << false << QStringLiteral("hello");
    QTest::addRow("korean") << QVariant(korean) << false << QStringLiteral("안녕");
    QTest::addRow("korean-cut-mid-character") << QVariant(korean.left(4)) << true << QStringLiteral("안…");
    QTest::addRow("invalid-utf8") << QVariant(QByteArray("\xc3\x28", 2)) << false << QStringLiteral("0xc328");
    QTest::addRow("control-characters") << QVariant(QByteArray("a\x01z", 3)) << false << QStringLiteral("0x61017a");
    QTest::addRow("newline-is-text") << QVariant(QByteArray("a\nb")) << false << QStringLiteral("a b");
    QTest::addRow("long-text") << QVariant(QByteArray(100, 'x')) << false << QString(10, QLatin1Char('x')) + QStringLiteral("…");
    QTest::addRow("long-hex") << QVariant(QByteArray(100, '\0')) << false << QStringLiteral("0x00000000…");
}

void TestLogRecordsModel::formatBytes()
{
    QFETCH(QVariant, bytes);
    QFETCH(bool, truncated);
    QFETCH(QString, shown);
    const std::optional<QByteArray> value = bytes.isNull() ? std::nullopt : std::optional<QByteArray>(bytes.toByteArray());
    QCOMPARE(LogRecordsModel::formatBytes(value, 10, truncated), shown);
}

void TestLogRecordsModel::openFailures()
{
    LogRecordsModel model;
    QVERIFY(!model.setPartition(m_dir.filePath(QStringLiteral("nope-0"))));
    QVERIFY(!model.errorString().isEmpty());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.rowForOffset(0), -1);
    QCOMPARE(model.rowForTimestamp(kT0), -1);
    QVERIFY(!model.setPartition(m_orders, 5)); // no segment has base offset 5
    QVERIFY(!model.errorString().isEmpty());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.setPartition(m_orders));
    QCOMPARE(model.errorString(), QString());
    QCOMPARE(model.rowCount(), 15);
}

// QTEST_MAIN: the model hands out QFont and QColor values, which want a QGuiApplication.
QTEST_MAIN(TestLogRecordsModel)
#include "tst_logrecordsmodel.moc"
