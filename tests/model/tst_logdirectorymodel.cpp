// The log directory model over partition folders written by the engine into a temporary
// directory: healthy, compacted, damaged, empty and garbage ones, in log.dirs and broker-N layouts.
#include "log/log_segment.h"
#include "log/log_store.h"
#include "log/partition_log.h"
#include "model/logdirectorymodel.h"
#include "model/logrecordsmodel.h"
#include "log_fixtures.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace kafkascope;
using namespace kafkascope::fixtures;

namespace {


// Twenty single-record batches over four segments.
bool writeClicks(const QString &path)
{
    auto log = createLog(path);
    if (!log)
        return false;
    bool ok = true;
    for (int i = 0; i < 20 && ok; ++i) {
        if (i > 0 && i % 5 == 0)
            ok = log->roll(kT0).isOk();
        ok = ok && append(*log, {rec(kT0 + i, "user-" + std::to_string(i % 3), "click " + std::to_string(i))});
    }
    return ok && log->flush().isOk();
}

bool copyFolder(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QString &name : QDir(from).entryList(QDir::Files))
        if (!QFile::copy(from + QLatin1Char('/') + name, to + QLatin1Char('/') + name))
            return false;
    return true;
}

QString segmentPath(const QString &folder, std::int64_t base)
{
    return folder + QLatin1Char('/') + QString::fromStdString(LogSegment::fileName(base, ".log"));
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Every file under `root` with its bytes.
QMap<QString, QByteArray> snapshot(const QString &root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        files.insert(path, f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>"));
    }
    return files;
}

QModelIndex child(const QAbstractItemModel &model, const QModelIndex &parent, const QString &name)
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        if (i.data().toString() == name)
            return i;
    }
    return {};
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList names;
    for (int r = 0; r < model.rowCount(parent); ++r)
        names << model.index(r, 0, parent).data().toString();
    return names;
}

std::unique_ptr<PartitionLog> openReadOnly(const QString &path, LogOpenReport *report = nullptr)
{
    auto log = PartitionLog::open(std::make_unique<DirectoryLogStore>(path.toStdString(), true), LogConfig{}, 0, report);
    return log.isOk() ? std::move(log).value() : nullptr;
}

LogDirectoryModel::Kind kindOf(const QModelIndex &index)
{
    return static_cast<LogDirectoryModel::Kind>(index.data(LogDirectoryModel::KindRole).toInt());
}

} // namespace

class TestLogDirectoryModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passesModelTester();
    void logDirsTreeShape();
    void numbersMatchEngine();
    void timestampsAreIsoUtc();
    void strayFileIsAProblemMetadataIsANote();
    void tornTailIsReported();
    void flippedByteStopsRecovery();
    void emptyAndMisnamedFoldersKeepTheirError();
    void brokerLayout();
    void singlePartitionFolder();
    void unreadableOrEmptyRootFails_data();
    void unreadableOrEmptyRootFails();
    void garbageNeverCrashes_data();
    void garbageNeverCrashes();
    void permissionDeniedPartition();
    void browsingLeavesFilesByteIdentical();

private:
    QTemporaryDir m_dir;
    QString m_logDirs;
    QString m_brokers;
};

void TestLogDirectoryModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_logDirs = m_dir.filePath(QStringLiteral("logdirs"));
    QVERIFY(writeOrders(m_logDirs + QStringLiteral("/orders-0")));
    QVERIFY(writeClicks(m_logDirs + QStringLiteral("/orders-1")));
    QVERIFY(writeCompacted(m_logDirs + QStringLiteral("/compacted-0"), 10, 1, 50));
    QVERIFY(writeClicks(m_logDirs + QStringLiteral("/clicks-0")));
    // Kafka's own files beside the segments, and a stray one.
    QVERIFY(writeFile(m_logDirs + QStringLiteral("/orders-0/leader-epoch-checkpoint"), "0\n1\n0 0\n"));
    QVERIFY(writeFile(m_logDirs + QStringLiteral("/orders-0/partition.metadata"), "version: 0\ntopic_id: x\n"));
    QVERIFY(writeFile(m_logDirs + QStringLiteral("/orders-0/notes.txt"), "copied from broker 3\n"));
    // clicks-1: a torn write at the end of the last segment.
    const QString torn = m_logDirs + QStringLiteral("/clicks-1");
    QVERIFY(copyFolder(m_logDirs + QStringLiteral("/clicks-0"), torn));
    QFile last(segmentPath(torn, 15));
    QVERIFY(last.resize(last.size() - 5));
    // clicks-2: a flipped byte in the middle of the first segment.
    const QString flipped = m_logDirs + QStringLiteral("/clicks-2");
    QVERIFY(copyFolder(m_logDirs + QStringLiteral("/clicks-0"), flipped));
    QFile first(segmentPath(flipped, 0));
    QVERIFY(first.open(QIODevice::ReadWrite));
    QByteArray bytes = first.readAll();
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
    QVERIFY(first.seek(0));
    QCOMPARE(first.write(bytes), bytes.size());
    first.close();
    QVERIFY(QDir().mkpath(m_logDirs + QStringLiteral("/empty-0")));
    QVERIFY(QDir().mkpath(m_logDirs + QStringLiteral("/lost+found")));
    // Files at the top of log.dirs are Kafka's checkpoints, not partitions.
    QVERIFY(writeFile(m_logDirs + QStringLiteral("/meta.properties"), "broker.id=0\n"));

    m_brokers = m_dir.filePath(QStringLiteral("sim"));
    QVERIFY(writeClicks(m_brokers + QStringLiteral("/broker-0/orders-0")));
    QVERIFY(writeClicks(m_brokers + QStringLiteral("/broker-0/orders-1")));
    QVERIFY(writeClicks(m_brokers + QStringLiteral("/broker-1/orders-0")));
    QVERIFY(writeClicks(m_brokers + QStringLiteral("/broker-10/audit-0")));
}

void TestLogDirectoryModel::passesModelTester()
{
    LogDirectoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.load(m_logDirs));
    QVERIFY(model.load(m_brokers));
    QVERIFY(model.load(m_logDirs + QStringLiteral("/orders-0")));
    QVERIFY(!model.load(m_dir.filePath(QStringLiteral("nope"))));
    QVERIFY(!QTest::currentTestFailed());
}

void TestLogDirectoryModel::logDirsTreeShape()
{
    LogDirectoryModel model;
    QVERIFY(model.load(m_logDirs));
    QCOMPARE(model.layout(), LogDirectoryModel::Layout::LogDirs);
    QCOMPARE(model.loadError(), QString());
    // Topics by name, then the folder that is not a partition.
    QCOMPARE(childNames(model), (QStringList{"clicks", "compacted", "empty", "orders", "lost+found"}));
    const QModelIndex clicks = child(model, {}, QStringLiteral("clicks"));
    QCOMPARE(kindOf(clicks), LogDirectoryModel::Kind::Topic);
    QCOMPARE(childNames(model, clicks), (QStringList{"clicks-0", "clicks-1", "clicks-2"}));
    const QModelIndex orders = child(model, {}, QStringLiteral("orders"));
    QCOMPARE(childNames(model, orders), (QStringList{"orders-0", "orders-1"}));
    const QModelIndex orders0 = child(model, orders, QStringLiteral("orders-0"));
    QCOMPARE(kindOf(orders0), LogDirectoryModel::Kind::Partition);
    QCOMPARE(orders0.data(LogDirectoryModel::PartitionNumberRole).toInt(), 0);
    QCOMPARE(childNames(model, orders0),
             (QStringList{"00000000000000000000.log", "00000000000000000008.log", "00000000000000000011.log"}));
    QCOMPARE(kindOf(model.index(0, 0, orders0)), LogDirectoryModel::Kind::Segment);
    QCOMPARE(model.rowCount(model.index(0, 0, orders0)), 0);
    QCOMPARE(model.partitionCount(), 7);
    QCOMPARE(model.columnCount(), int(LogDirectoryModel::ColumnCount));
    QCOMPARE(model.headerData(LogDirectoryModel::BatchesColumn, Qt::Horizontal).toString(), QStringLiteral("Batches"));
}

void TestLogDirectoryModel::numbersMatchEngine()
{
    LogDirectoryModel model;
    QVERIFY(model.load(m_logDirs));
    int checked = 0;
    for (const QString &topic : {QStringLiteral("orders"), QStringLiteral("compacted"), QStringLiteral("clicks")}) {
        const QModelIndex t = child(model, {}, topic);
        qint64 topicSize = 0;
        for (int p = 0; p < model.rowCount(t); ++p) {
            const QModelIndex part = model.index(p, 0, t);
            const QString path = part.data(LogDirectoryModel::PathRole).toString();
            QCOMPARE(path, m_logDirs + QLatin1Char('/') + part.data().toString());
            const auto log = openReadOnly(path);
            QVERIFY(log);
            QCOMPARE(part.data(LogDirectoryModel::StartOffsetRole).toLongLong(), log->logStartOffset());
            QCOMPARE(part.data(LogDirectoryModel::EndOffsetRole).toLongLong(), log->logEndOffset());
            QCOMPARE(part.data(LogDirectoryModel::SizeRole).toLongLong(), static_cast<qint64>(log->sizeInBytes()));
            QCOMPARE(model.index(p, LogDirectoryModel::EndOffsetColumn, t).data().toString(), QString::number(log->logEndOffset()));
            topicSize += static_cast<qint64>(log->sizeInBytes());
            int row = 0;
            qint64 batches = 0;
            for (const auto &[base, seg] : log->segments()) {
                const QModelIndex s = model.index(row++, 0, part);
                QCOMPARE(s.data().toString(), QString::fromStdString(LogSegment::fileName(base, ".log")));
                QCOMPARE(s.data(LogDirectoryModel::StartOffsetRole).toLongLong(), base);
                QCOMPARE(s.data(LogDirectoryModel::EndOffsetRole).toLongLong(), seg->nextOffset());
                QCOMPARE(s.data(LogDirectoryModel::SizeRole).toLongLong(), static_cast<qint64>(seg->size()));
                QCOMPARE(s.data(LogDirectoryModel::BatchCountRole).toLongLong(), qint64{seg->batchCount()});
                QCOMPARE(s.data(LogDirectoryModel::FirstTimestampRole).toLongLong(), seg->firstTimestamp());
                QCOMPARE(s.data(LogDirectoryModel::LargestTimestampRole).toLongLong(), seg->largestTimestamp());
                batches += seg->batchCount();
                ++checked;
            }
            QCOMPARE(part.data(LogDirectoryModel::BatchCountRole).toLongLong(), batches);
        }
        QCOMPARE(t.data(LogDirectoryModel::SizeRole).toLongLong(), topicSize);
    }
    QVERIFY(checked >= 15);
    // orders-0 as written: 3 + 5 records, then 2 + 1, then 4.
    const QModelIndex orders0 = child(model, child(model, {}, QStringLiteral("orders")), QStringLiteral("orders-0"));
    QCOMPARE(orders0.data(LogDirectoryModel::EndOffsetRole).toLongLong(), 15);
    QCOMPARE(model.index(0, 0, orders0).data(LogDirectoryModel::BatchCountRole).toLongLong(), 2);
    QCOMPARE(model.index(2, 0, orders0).data(LogDirectoryModel::BatchCountRole).toLongLong(), 4);
}

void TestLogDirectoryModel::timestampsAreIsoUtc()
{
    LogDirectoryModel model;
    QVERIFY(model.load(m_logDirs));
    const QModelIndex orders0 = child(model, child(model, {}, QStringLiteral("orders")), QStringLiteral("orders-0"));
    const QModelIndex seg0 = model.index(0, 0, orders0);
    // The first batch's max timestamp is kT0 + 2; the largest is the gzip batch's last, kT0 + 14.
    QCOMPARE(model.index(0, LogDirectoryModel::FirstTimestampColumn, orders0).data().toString(),
             QStringLiteral("2023-11-14T22:13:20.002Z"));
    QCOMPARE(model.index(0, LogDirectoryModel::LargestTimestampColumn, orders0).data().toString(),
             QStringLiteral("2023-11-14T22:13:20.014Z"));
    QCOMPARE(seg0.data(LogDirectoryModel::LargestTimestampRole).toLongLong(), kT0 + 14);
    QCOMPARE(LogRecordsModel::formatTimestamp(0), QStringLiteral("1970-01-01T00:00:00.000Z"));
}

void TestLogDirectoryModel::strayFileIsAProblemMetadataIsANote()
{
    LogDirectoryModel model;
    model.setWarningIcon(QIcon(QPixmap(16, 16)));
    QVERIFY(model.load(m_logDirs));
    const QModelIndex orders = child(model, {}, QStringLiteral("orders"));
    const QModelIndex orders0 = child(model, orders, QStringLiteral("orders-0"));
    const QStringList problems = orders0.data(LogDirectoryModel::ProblemsRole).toStringList();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.front().contains(QLatin1String("notes.txt")), qPrintable(problems.front()));
    const QString notes = orders0.data(LogDirectoryModel::NotesRole).toStringList().join(QLatin1Char('\n'));
    QVERIFY2(notes.contains(QLatin1String("leader-epoch-checkpoint")), qPrintable(notes));
    QVERIFY2(notes.contains(QLatin1String("partition.metadata")), qPrintable(notes));
    const QModelIndex problemsCell = model.index(orders0.row(), LogDirectoryModel::ProblemsColumn, orders);
    QCOMPARE(problemsCell.data().toString(), LogDirectoryModel::tr("%n problem(s)", nullptr, 1));
    QVERIFY(problemsCell.data(Qt::ToolTipRole).toString().contains(QLatin1String("notes.txt")));
    QVERIFY(problemsCell.data(Qt::DecorationRole).canConvert<QIcon>());
    // The healthy partition has nothing to say; the topic sums its partitions.
    const QModelIndex orders1 = child(model, orders, QStringLiteral("orders-1"));
    QCOMPARE(orders1.data(LogDirectoryModel::ProblemsRole).toStringList(), QStringList());
    QCOMPARE(model.index(orders1.row(), LogDirectoryModel::ProblemsColumn, orders).data().toString(), QString());
    QVERIFY(!model.index(orders1.row(), LogDirectoryModel::ProblemsColumn, orders).data(Qt::DecorationRole).isValid());
    QCOMPARE(orders.data(LogDirectoryModel::ProblemCountRole).toInt(), 1);
}

void TestLogDirectoryModel::tornTailIsReported()
{
    LogDirectoryModel model;
    QVERIFY(model.load(m_logDirs));
    const QModelIndex clicks = child(model, {}, QStringLiteral("clicks"));
    const QModelIndex torn = child(model, clicks, QStringLiteral("clicks-1"));
    QCOMPARE(torn.data(LogDirectoryModel::ErrorRole).toString(), QString());
    // The last single-record batch is cut: the log ends one record earlier, read-only.
    QCOMPARE(torn.data(LogDirectoryModel::EndOffsetRole).toLongLong(), 19);
    QCOMPARE(model.rowCount(torn), 4);
    const QModelIndex lastSegment = model.index(3, 0, torn);
    const QStringList problems = lastSegment.data(LogDirectoryModel::ProblemsRole).toStringList();
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.join(QLatin1Char('\n')).contains(QLatin1String("00000000000000000015.log")), qPrintable(problems.join('\n')));
    QCOMPARE(model.index(0, 0, torn).data(LogDirectoryModel::ProblemsRole).toStringList(), QStringList());
    QVERIFY(torn.data(LogDirectoryModel::ProblemCountRole).toInt() >= 1);
    QVERIFY(model.index(torn.row(), LogDirectoryModel::ProblemsColumn, clicks).data().toString().contains(QLatin1String("problem")));
}

void TestLogDirectoryModel::flippedByteStopsRecovery()
{
    LogDirectoryModel model;
    QVERIFY(model.load(m_logDirs));
    const QModelIndex flipped = child(model, child(model, {}, QStringLiteral("clicks")), QStringLiteral("clicks-2"));
    QCOMPARE(flipped.data(LogDirectoryModel::ErrorRole).toString(), QString());
    // Recovery stops inside the first segment: fewer than its 5 records remain.
    QVERIFY(flipped.data(LogDirectoryModel::EndOffsetRole).toLongLong() < 5);
    // The later segments are still listed, not read, each with its problem.
    QCOMPARE(model.rowCount(flipped), 4);
    QVERIFY(!model.index(0, 0, flipped).data(LogDirectoryModel::ProblemsRole).toStringList().isEmpty());
    for (int row = 1; row < 4; ++row) {
        const QModelIndex seg = model.index(row, 0, flipped);
        QVERIFY(!seg.data(LogDirectoryModel::ErrorRole).toString().isEmpty());
        QCOMPARE(seg.data(LogDirectoryModel::BatchCountRole).toLongLong(), -1);
        QVERIFY(seg.data(LogDirectoryModel::SizeRole).toLongLong() > 0);
        QCOMPARE(seg.data(LogDirectoryModel::ProblemsRole).toStringList().size(), 1);
    }
    QVERIFY(flipped.data(LogDirectoryModel::ProblemCountRole).toInt() >= 4);
    QVERIFY(model.problemCount() >= 1 + 1 + 4 + 2);
}

void TestLogDirectoryModel::emptyAndMisnamedFoldersKeepTheirError()
{
    LogDirectoryModel model;
    QVERIFY(model.load(m_logDirs));
    const QModelIndex empty = child(model, child(model, {}, QStringLiteral("empty")), QStringLiteral("empty-0"));
    QVERIFY(empty.isValid());
    QVERIFY2(empty.data(LogDirectoryModel::ErrorRole).toString().contains(QLatin1String("no log segments")),
             qPrintable(empty.data(LogDirectoryModel::ErrorRole).toString()));
    QCOMPARE(empty.data(LogDirectoryModel::EndOffsetRole).toLongLong(), -1);
    QCOMPARE(model.rowCount(empty), 0);
    const QModelIndex misnamed = child(model, {}, QStringLiteral("lost+found"));
    QCOMPARE(kindOf(misnamed), LogDirectoryModel::Kind::Partition);
    QCOMPARE(misnamed.data(LogDirectoryModel::PartitionNumberRole).toInt(), -1);
    QVERIFY(!misnamed.data(LogDirectoryModel::ErrorRole).toString().isEmpty());
    QCOMPARE(model.index(misnamed.row(), LogDirectoryModel::ProblemsColumn).data().toString(),
             misnamed.data(LogDirectoryModel::ErrorRole).toString());
    QCOMPARE(misnamed.data(LogDirectoryModel::ProblemCountRole).toInt(), 1);
}

void TestLogDirectoryModel::brokerLayout()
{
    LogDirectoryModel model;
    QVERIFY(model.load(m_brokers));
    QCOMPARE(model.layout(), LogDirectoryModel::Layout::Brokers);
    // Brokers by number, not by name.
    QCOMPARE(childNames(model), (QStringList{"broker-0", "broker-1", "broker-10"}));
    const QModelIndex broker0 = model.index(0, 0);
    QCOMPARE(kindOf(broker0), LogDirectoryModel::Kind::Broker);
    QCOMPARE(childNames(model, broker0), QStringList{"orders"});
    const QModelIndex orders = model.index(0, 0, broker0);
    QCOMPARE(childNames(model, orders), (QStringList{"orders-0", "orders-1"}));
    QCOMPARE(model.index(0, 0, orders).data(LogDirectoryModel::EndOffsetRole).toLongLong(), 20);
    QCOMPARE(model.rowCount(model.index(0, 0, orders)), 4);
    QCOMPARE(childNames(model, model.index(0, 0, model.index(2, 0))), QStringList{"audit-0"});
    QCOMPARE(model.partitionCount(), 4);
    QCOMPARE(model.problemCount(), 0);
    const auto log = openReadOnly(m_brokers + QStringLiteral("/broker-0/orders-1"));
    QVERIFY(log);
    QCOMPARE(broker0.data(LogDirectoryModel::SizeRole).toLongLong(), 2 * static_cast<qint64>(log->sizeInBytes()));
}

void TestLogDirectoryModel::singlePartitionFolder()
{
    LogDirectoryModel model;
    QVERIFY(model.load(m_logDirs + QStringLiteral("/orders-0")));
    QCOMPARE(model.layout(), LogDirectoryModel::Layout::SinglePartition);
    QCOMPARE(childNames(model), QStringList{"orders"});
    const QModelIndex partition = model.index(0, 0, model.index(0, 0));
    QCOMPARE(partition.data().toString(), QStringLiteral("orders-0"));
    QCOMPARE(model.rowCount(partition), 3);
    QCOMPARE(partition.data(LogDirectoryModel::EndOffsetRole).toLongLong(), 15);
    QCOMPARE(model.partitionCount(), 1);
    // An empty folder named like a partition is one too, with its error.
    QVERIFY(model.load(m_logDirs + QStringLiteral("/empty-0")));
    QCOMPARE(model.layout(), LogDirectoryModel::Layout::SinglePartition);
    QVERIFY(!model.index(0, 0, model.index(0, 0)).data(LogDirectoryModel::ErrorRole).toString().isEmpty());
}

void TestLogDirectoryModel::unreadableOrEmptyRootFails_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addRow("missing") << QStringLiteral("does-not-exist");
    QTest::addRow("a-file") << QStringLiteral("logdirs/meta.properties");
    QTest::addRow("no-subfolders") << QStringLiteral("logdirs/lost+found");
}

void TestLogDirectoryModel::unreadableOrEmptyRootFails()
{
    QFETCH(QString, relative);
    LogDirectoryModel model;
    QVERIFY(model.load(m_logDirs));
    QVERIFY(!model.load(m_dir.filePath(relative)));
    QVERIFY(!model.loadError().isEmpty());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.layout(), LogDirectoryModel::Layout::None);
    QCOMPARE(model.problemCount(), 0);
}

void TestLogDirectoryModel::garbageNeverCrashes_data()
{
    QTest::addColumn<QByteArray>("logBytes");
    QTest::addColumn<QByteArray>("indexBytes");
    QTest::addColumn<bool>("expectProblem");
    QByteArray random(4096, '\0');
    quint32 x = 12345;
    for (char &c : random) {
        x = x * 1103515245u + 12345u;
        c = static_cast<char>(x >> 24);
    }
    QByteArray hugeLength(61, '\0');
    hugeLength[8] = '\x7f'; // batch length 2 GiB
    hugeLength[16] = 2;
    QTest::addRow("empty-log") << QByteArray() << QByteArray() << false;
    QTest::addRow("random-bytes") << random << QByteArray() << true;
    QTest::addRow("short-header") << QByteArray(30, '\x01') << QByteArray() << true;
    QTest::addRow("huge-length") << hugeLength << QByteArray() << true;
    QTest::addRow("garbage-index") << QByteArray() << random.left(13) << false;
}

void TestLogDirectoryModel::garbageNeverCrashes()
{
    QFETCH(QByteArray, logBytes);
    QFETCH(QByteArray, indexBytes);
    QFETCH(bool, expectProblem);
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("junk-0"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(writeFile(segmentPath(folder, 0), logBytes));
    if (!indexBytes.isEmpty())
        QVERIFY(writeFile(folder + QStringLiteral("/00000000000000000000.index"), indexBytes));
    const auto before = snapshot(dir.path());
    LogDirectoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.load(dir.path()));
    const QModelIndex partition = model.index(0, 0, model.index(0, 0));
    QCOMPARE(partition.data().toString(), QStringLiteral("junk-0"));
    QCOMPARE(partition.data(LogDirectoryModel::ErrorRole).toString(), QString());
    QCOMPARE(partition.data(LogDirectoryModel::EndOffsetRole).toLongLong(), 0);
    QCOMPARE(!partition.data(LogDirectoryModel::ProblemsRole).toStringList().isEmpty(), expectProblem);
    for (int c = 0; c < model.columnCount(); ++c)
        (void)model.index(0, c, partition).data();
    LogRecordsModel records;
    QVERIFY(records.setPartition(folder));
    QCOMPARE(records.rowCount(), 0);
    QCOMPARE(snapshot(dir.path()), before);
}

void TestLogDirectoryModel::permissionDeniedPartition()
{
    if (::geteuid() == 0)
        QSKIP("root reads every file whatever its permissions");
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("secret-0"));
    QVERIFY(writeClicks(folder));
    QVERIFY(writeClicks(dir.filePath(QStringLiteral("open-0"))));
    QVERIFY(QFile::setPermissions(folder, QFileDevice::Permissions()));
    LogDirectoryModel model;
    const bool loaded = model.load(dir.path());
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    QVERIFY(loaded);
    const QModelIndex secret = model.index(0, 0, child(model, {}, QStringLiteral("secret")));
    QVERIFY(!secret.data(LogDirectoryModel::ErrorRole).toString().isEmpty());
    const QModelIndex open = model.index(0, 0, child(model, {}, QStringLiteral("open")));
    QCOMPARE(open.data(LogDirectoryModel::EndOffsetRole).toLongLong(), 20);
}

void TestLogDirectoryModel::browsingLeavesFilesByteIdentical()
{
    const auto before = snapshot(m_dir.path());
    QVERIFY(before.size() > 40);
    {
        LogDirectoryModel model;
        QVERIFY(model.load(m_logDirs));
        QVERIFY(model.load(m_brokers));
        LogRecordsModel records;
        QDirIterator it(m_logDirs, QDir::Dirs | QDir::NoDotAndDotDot);
        while (it.hasNext()) {
            records.setPartition(it.next());
            while (records.canFetchMore({}))
                records.fetchMore({});
            (void)records.rowForTimestamp(kT0 + 3);
        }
    }
    // The damaged copies would be truncated by a writable open: read-only, nothing changed.
    QCOMPARE(snapshot(m_dir.path()), before);
}

QTEST_MAIN(TestLogDirectoryModel)
#include "tst_logdirectorymodel.moc"
