// Crash recovery of the on-disk partition log: children killed with SIGKILL in the middle of
// appending, then deterministic damage on disk (torn tails, a flipped byte, index files missing
// or wrong, stray and left-over files), each reopened and checked record by record against
// what was written. The fork/SIGKILL workload is shared with bench_log (tests/bench).
#include "../bench/crash_workload.h"

#include "log/log_segment.h"
#include "log/partition_log.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace kafkascope;

namespace {

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool writeFile(const std::string &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    return static_cast<bool>(out);
}

bool exists(const std::string &path)
{
    return std::filesystem::exists(path);
}

// Small segments of three-record batches with an index entry every kilobyte or so, so that
// every segment has several batches and non-empty index files.
crashtest::WorkloadConfig damageConfig()
{
    crashtest::WorkloadConfig w;
    w.seed = 7;
    w.segmentBytes = 16 * 1024;
    w.indexIntervalBytes = 1024;
    return w;
}

struct BatchAt {
    std::uint64_t position = 0;
    std::int64_t baseOffset = 0;
    std::size_t size = 0;
};

// Where everything went in a log built by buildLog().
struct Layout {
    std::int64_t logEndOffset = 0;
    std::vector<std::int64_t> bases; // segment base offsets, in order
    std::map<std::int64_t, std::vector<BatchAt>> batches; // by segment base offset

    [[nodiscard]] std::string file(const std::string &dir, std::size_t segment, const char *suffix) const
    {
        return dir + "/" + LogSegment::fileName(bases.at(segment), suffix);
    }
};

// Appends batches of expectedRecord() (three records each) until the log has four segments,
// the last holding at least three batches; flushes and closes it. Nothing on failure.
std::optional<Layout> buildLog(const std::string &dir, const crashtest::WorkloadConfig &w)
{
    auto opened = PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, false), crashtest::logConfig(w), 0);
    if (!opened.isOk())
        return std::nullopt;
    PartitionLog &log = *opened.value();
    while (log.segmentCount() < 4 || log.activeSegment().batchCount() < 3) {
        std::vector<Record> batch;
        for (int i = 0; i < 3; ++i)
            batch.push_back(crashtest::expectedRecord(w.seed, log.logEndOffset() + i));
        if (!log.append(batch, BatchOptions{}, batch.back().timestampMs).isOk())
            return std::nullopt;
    }
    if (!log.flush().isOk())
        return std::nullopt;
    Layout layout;
    layout.logEndOffset = log.logEndOffset();
    for (const auto &[base, segment] : log.segments()) {
        layout.bases.push_back(base);
        auto &list = layout.batches[base];
        const Status st = segment->forEachBatch(0, [&list](const BatchLocation &b) {
            list.push_back({b.position, b.header.baseOffset, b.header.sizeInBytes()});
            return true;
        });
        if (!st.isOk())
            return std::nullopt;
    }
    return layout;
}

// Every file of the directory: name -> content, and name -> modification time.
struct Snapshot {
    std::map<std::string, std::string> contents;
    std::map<std::string, std::filesystem::file_time_type> times;
    friend bool operator==(const Snapshot &, const Snapshot &) = default;
};

Snapshot snapshot(const std::string &dir)
{
    Snapshot s;
    for (const auto &entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        s.contents[name] = readFile(entry.path().string());
        s.times[name] = entry.last_write_time();
    }
    return s;
}

// Whether one of the report's messages contains every one of `parts`.
bool hasMessage(const std::vector<std::string> &messages, std::initializer_list<std::string> parts)
{
    for (const std::string &m : messages) {
        bool all = true;
        for (const std::string &p : parts)
            all = all && m.find(p) != std::string::npos;
        if (all)
            return true;
    }
    return false;
}

// The report's messages, one a line, for failure output.
std::string joined(const std::vector<std::string> &messages)
{
    std::string all;
    for (const std::string &m : messages)
        all += "\n  " + m;
    return all.empty() ? std::string("(no messages)") : all;
}

} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

private slots:
    void killedWhileAppending_data();
    void killedWhileAppending();
    void tornTailIsTruncated_data();
    void tornTailIsTruncated();
    void flippedByteStopsRecoveryInMiddleSegment();
    void missingIndexIsRebuilt();
    void garbageIndexIsRebuilt_data();
    void garbageIndexIsRebuilt();
    void strayFileIsSkipped();
    void leftoverFileIsRemoved_data();
    void leftoverFileIsRemoved();
    void readOnlyOpenOfDamagedDirectoryWritesNothing();
    void reopenOfRecoveredLogChangesNothing();
};

void TestCrashRecovery::killedWhileAppending_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<qint64>("killAfterUs");
    QTest::addRow("seed-11-kill-at-once") << quint64{11} << qint64{0};
    QTest::addRow("seed-12-kill-after-2ms") << quint64{12} << qint64{2'000};
    QTest::addRow("seed-13-kill-after-8ms") << quint64{13} << qint64{8'000};
    QTest::addRow("seed-14-kill-after-20ms") << quint64{14} << qint64{20'000};
    QTest::addRow("seed-15-kill-after-40ms") << quint64{15} << qint64{40'000};
}

// A child appends and flushes until SIGKILL; the reopened log holds every flushed record,
// bit-exact. Twice in the same directory, so the second child appends to a recovered log.
void TestCrashRecovery::killedWhileAppending()
{
    QFETCH(quint64, seed);
    QFETCH(qint64, killAfterUs);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::string dir = tmp.path().toStdString();
    crashtest::WorkloadConfig w;
    w.seed = seed;
    w.segmentBytes = 256 * 1024;
    std::int64_t lastFlushed = -1;
    for (std::uint64_t round = 0; round < 2; ++round) {
        const crashtest::Iteration it = crashtest::runIteration(dir, w, seed * 1000 + round, killAfterUs, lastFlushed);
        QVERIFY2(it.ok(), (it.failure + "\nrecovery:" + joined(it.verification.messages)).c_str());
        lastFlushed = std::max(lastFlushed, it.lastFlushed);
    }
}

void TestCrashRecovery::tornTailIsTruncated_data()
{
    QTest::addColumn<int>("keptBytesOfLastBatch");
    QTest::addRow("cut-in-log-overhead") << 5;
    QTest::addRow("cut-in-header") << 40;
    QTest::addRow("cut-in-records") << 100;
}

// A crash in the middle of writing the last batch: the partial batch goes, the rest stays.
void TestCrashRecovery::tornTailIsTruncated()
{
    QFETCH(int, keptBytesOfLastBatch);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::string dir = tmp.path().toStdString();
    const auto w = damageConfig();
    const auto layout = buildLog(dir, w);
    QVERIFY(layout);
    const std::string lastLog = layout->file(dir, layout->bases.size() - 1, ".log");
    const BatchAt last = layout->batches.at(layout->bases.back()).back();
    std::filesystem::resize_file(lastLog, last.position + static_cast<std::uint64_t>(keptBytesOfLastBatch));

    LogOpenReport report;
    auto log = PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, false), crashtest::logConfig(w), 0, &report);
    QVERIFY(log.isOk());
    QVERIFY(report.truncated);
    QVERIFY2(hasMessage(report.messages, {lastLog + " at byte " + std::to_string(last.position), "torn write",
                                          std::to_string(keptBytesOfLastBatch) + " bytes truncated"}),
             joined(report.messages).c_str());
    QCOMPARE(log.value()->logEndOffset(), last.baseOffset);
    QCOMPARE(std::filesystem::file_size(lastLog), last.position);
    // The recovered log takes appends again, at the offset where the torn batch started.
    const Record r = crashtest::expectedRecord(w.seed, last.baseOffset);
    const auto appended = log.value()->append(std::span(&r, 1), BatchOptions{}, r.timestampMs);
    QVERIFY(appended.isOk());
    QCOMPARE(appended.value().firstOffset, last.baseOffset);
    QVERIFY(log.value()->flush().isOk());
    log.value().reset(); // close before reopening
    const auto v = crashtest::verifyLog(dir, w, last.baseOffset);
    QVERIFY2(v.ok(), v.failure.c_str());
    QCOMPARE(v.logEndOffset, last.baseOffset + 1);
    QVERIFY2(!v.truncated, joined(v.messages).c_str()); // the first recovery left nothing to cut
}

// A damaged batch in the middle segment: recovery keeps what precedes it, truncates that
// segment there and deletes the later segments, saying which file and byte.
void TestCrashRecovery::flippedByteStopsRecoveryInMiddleSegment()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::string dir = tmp.path().toStdString();
    const auto w = damageConfig();
    const auto layout = buildLog(dir, w);
    QVERIFY(layout);
    QVERIFY(layout->batches.at(layout->bases[1]).size() >= 2);
    const BatchAt damaged = layout->batches.at(layout->bases[1])[1];
    const std::string middleLog = layout->file(dir, 1, ".log");
    const std::string firstLog = layout->file(dir, 0, ".log");
    const std::string firstBefore = readFile(firstLog);
    std::string middle = readFile(middleLog);
    middle[damaged.position + batch::kHeaderSize + 2] ^= 0x10;
    QVERIFY(writeFile(middleLog, middle));

    LogOpenReport report;
    auto log = PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, false), crashtest::logConfig(w), 0, &report);
    QVERIFY(log.isOk());
    QVERIFY(report.truncated);
    QVERIFY2(hasMessage(report.messages, {middleLog + " at byte " + std::to_string(damaged.position), "CRC mismatch",
                                          "recovery stops at this batch"}),
             joined(report.messages).c_str());
    for (std::size_t later = 2; later < layout->bases.size(); ++later) {
        QVERIFY2(hasMessage(report.messages, {layout->file(dir, later, ".log"), "deleted"}), joined(report.messages).c_str());
        for (const char *suffix : {".log", ".index", ".timeindex"})
            QVERIFY2(!exists(layout->file(dir, later, suffix)), layout->file(dir, later, suffix).c_str());
    }
    QCOMPARE(log.value()->logEndOffset(), damaged.baseOffset);
    QCOMPARE(log.value()->segmentCount(), std::size_t{2});
    QCOMPARE(std::filesystem::file_size(middleLog), damaged.position);
    log.value().reset();
    QCOMPARE(readFile(firstLog), firstBefore);
    const auto v = crashtest::verifyLog(dir, w, damaged.baseOffset - 1);
    QVERIFY2(v.ok(), v.failure.c_str());
    QCOMPARE(v.logEndOffset, damaged.baseOffset);
    QVERIFY2(!v.truncated, joined(v.messages).c_str());
}

void TestCrashRecovery::missingIndexIsRebuilt()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::string dir = tmp.path().toStdString();
    const auto w = damageConfig();
    const auto layout = buildLog(dir, w);
    QVERIFY(layout);
    const std::string index = layout->file(dir, 0, ".index");
    const std::string original = readFile(index);
    QVERIFY(!original.empty());
    QVERIFY(std::filesystem::remove(index));

    LogOpenReport report;
    auto log = PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, false), crashtest::logConfig(w), 0, &report);
    QVERIFY(log.isOk());
    QVERIFY(!report.truncated);
    QVERIFY2(hasMessage(report.messages, {index, "rebuilt from the log"}), joined(report.messages).c_str());
    QCOMPARE(log.value()->logEndOffset(), layout->logEndOffset);
    QCOMPARE(readFile(index), original);
    log.value().reset();
    const auto v = crashtest::verifyLog(dir, w, layout->logEndOffset - 1);
    QVERIFY2(v.ok(), v.failure.c_str());
    QVERIFY2(!v.truncated, joined(v.messages).c_str());
}

void TestCrashRecovery::garbageIndexIsRebuilt_data()
{
    QTest::addColumn<QByteArray>("garbage");
    QTest::addRow("random-bytes") << QByteArray("\x13\x37\xde\xad\xbe\xef\x00\x01\x02\x03\xff\xfe\xfd", 13);
    QTest::addRow("entry-past-the-log") << QByteArray("\x00\x00\x00\x01\x7f\xff\xff\xf0", 8);
    QTest::addRow("empty") << QByteArray();
}

void TestCrashRecovery::garbageIndexIsRebuilt()
{
    QFETCH(QByteArray, garbage);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::string dir = tmp.path().toStdString();
    const auto w = damageConfig();
    const auto layout = buildLog(dir, w);
    QVERIFY(layout);
    const std::string index = layout->file(dir, 1, ".index");
    const std::string original = readFile(index);
    QVERIFY(!original.empty());
    QVERIFY(writeFile(index, garbage.toStdString()));

    LogOpenReport report;
    auto log = PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, false), crashtest::logConfig(w), 0, &report);
    QVERIFY(log.isOk());
    QVERIFY(!report.truncated);
    QVERIFY2(hasMessage(report.messages, {index, "rebuilt from the log"}), joined(report.messages).c_str());
    QCOMPARE(readFile(index), original);
    QCOMPARE(log.value()->logEndOffset(), layout->logEndOffset);
    // Fetches that start from the rebuilt index find their batches.
    for (const BatchAt &b : layout->batches.at(layout->bases[1])) {
        const auto fetched = log.value()->read(b.baseOffset, 1);
        QVERIFY(fetched.isOk());
        const auto header = readBatchHeader(fetched.value().records);
        QVERIFY(header.isOk());
        QCOMPARE(header.value().baseOffset, b.baseOffset);
    }
}

void TestCrashRecovery::strayFileIsSkipped()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::string dir = tmp.path().toStdString();
    const auto w = damageConfig();
    const auto layout = buildLog(dir, w);
    QVERIFY(layout);
    const std::string stray = dir + "/notes.txt";
    QVERIFY(writeFile(stray, "not a segment"));

    LogOpenReport report;
    auto log = PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, false), crashtest::logConfig(w), 0, &report);
    QVERIFY(log.isOk());
    QVERIFY(!report.truncated);
    QVERIFY2(hasMessage(report.messages, {stray, "skipped"}), joined(report.messages).c_str());
    QCOMPARE(readFile(stray), std::string("not a segment"));
    QCOMPARE(log.value()->logEndOffset(), layout->logEndOffset);
    log.value().reset();
    const auto v = crashtest::verifyLog(dir, w, layout->logEndOffset - 1);
    QVERIFY2(v.ok(), v.failure.c_str());
}

void TestCrashRecovery::leftoverFileIsRemoved_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addRow("cleaned") << QStringLiteral(".log.cleaned");
    QTest::addRow("deleted") << QStringLiteral(".log.deleted");
    QTest::addRow("tmp") << QStringLiteral(".index.tmp");
}

// What an interrupted cleaning, deletion or whole-file write leaves behind goes; the segment
// it was made from is untouched.
void TestCrashRecovery::leftoverFileIsRemoved()
{
    QFETCH(QString, suffix);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::string dir = tmp.path().toStdString();
    const auto w = damageConfig();
    const auto layout = buildLog(dir, w);
    QVERIFY(layout);
    const std::string leftover = dir + "/" + LogSegment::fileName(layout->bases[0], suffix.toStdString());
    QVERIFY(writeFile(leftover, "half of a cleaned segment"));
    const Snapshot before = snapshot(dir);

    LogOpenReport report;
    auto log = PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, false), crashtest::logConfig(w), 0, &report);
    QVERIFY(log.isOk());
    QVERIFY(!report.truncated);
    QVERIFY2(hasMessage(report.messages, {leftover, "removed"}), joined(report.messages).c_str());
    QVERIFY(!exists(leftover));
    QCOMPARE(log.value()->logEndOffset(), layout->logEndOffset);
    log.value().reset();
    const Snapshot after = snapshot(dir);
    for (std::size_t i = 0; i < layout->bases.size(); ++i) {
        const std::string name = LogSegment::fileName(layout->bases[i], ".log");
        QVERIFY2(after.contents.at(name) == before.contents.at(name), name.c_str());
    }
}

// Browsing someone's damaged data directory must not change a byte of it.
void TestCrashRecovery::readOnlyOpenOfDamagedDirectoryWritesNothing()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::string dir = tmp.path().toStdString();
    const auto w = damageConfig();
    const auto layout = buildLog(dir, w);
    QVERIFY(layout);
    // Every kind of damage at once: a flipped byte in the middle segment, a torn tail in the
    // last, a missing and a garbage index, an orphan index, a stray file and a leftover.
    const BatchAt damaged = layout->batches.at(layout->bases[1])[1];
    std::string middle = readFile(layout->file(dir, 1, ".log"));
    middle[damaged.position + batch::kHeaderSize + 2] ^= 0x10;
    QVERIFY(writeFile(layout->file(dir, 1, ".log"), middle));
    std::filesystem::resize_file(layout->file(dir, 3, ".log"),
                                 layout->batches.at(layout->bases[3]).back().position + 30);
    QVERIFY(std::filesystem::remove(layout->file(dir, 0, ".index")));
    QVERIFY(writeFile(layout->file(dir, 0, ".timeindex"), "garbage"));
    QVERIFY(writeFile(dir + "/" + LogSegment::fileName(99'999, ".index"), std::string(16, '\0')));
    QVERIFY(writeFile(dir + "/notes.txt", "not a segment"));
    QVERIFY(writeFile(dir + "/" + LogSegment::fileName(layout->bases[0], ".log.cleaned"), "leftover"));
    const Snapshot before = snapshot(dir);

    {
        LogOpenReport report;
        auto log = PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, true), crashtest::logConfig(w), 0, &report);
        QVERIFY(log.isOk());
        QVERIFY(report.truncated);
        QVERIFY2(hasMessage(report.messages, {layout->file(dir, 1, ".log") + " at byte " + std::to_string(damaged.position),
                                              "ignored"}),
                 joined(report.messages).c_str());
        QVERIFY2(hasMessage(report.messages, {layout->file(dir, 2, ".log"), "ignored"}), joined(report.messages).c_str());
        QVERIFY2(hasMessage(report.messages, {layout->file(dir, 0, ".index"), "rebuilt", "in memory"}),
                 joined(report.messages).c_str());
        QVERIFY2(hasMessage(report.messages, {"notes.txt", "skipped"}), joined(report.messages).c_str());
        QVERIFY2(hasMessage(report.messages, {".log.cleaned", "skipped"}), joined(report.messages).c_str());
        QCOMPARE(log.value()->logEndOffset(), damaged.baseOffset);
        // What precedes the damage reads back exactly.
        std::int64_t next = 0;
        while (next < log.value()->logEndOffset()) {
            const auto fetched = log.value()->read(next, 1 << 20);
            QVERIFY(fetched.isOk());
            QVERIFY(!fetched.value().records.empty());
            std::string_view bytes = fetched.value().records;
            while (!bytes.empty()) {
                const auto decoded = decodeBatch(bytes);
                QVERIFY(decoded.isOk());
                for (const Record &r : decoded.value().records) {
                    QCOMPARE(r.offset.value(), next);
                    QVERIFY(r == crashtest::expectedRecord(w.seed, next));
                    ++next;
                }
                bytes.remove_prefix(decoded.value().header.sizeInBytes());
            }
        }
        // Every write is refused.
        const Record r = crashtest::expectedRecord(w.seed, next);
        QVERIFY(!log.value()->append(std::span(&r, 1), BatchOptions{}, r.timestampMs).isOk());
        QVERIFY(!log.value()->truncateTo(0).isOk());
        QVERIFY(log.value()->flush().isOk());
    }
    const Snapshot after = snapshot(dir);
    QCOMPARE(after.contents.size(), before.contents.size());
    for (const auto &[name, content] : before.contents) {
        QVERIFY2(after.contents.count(name) == 1, name.c_str());
        QVERIFY2(after.contents.at(name) == content, name.c_str());
        QVERIFY2(after.times.at(name) == before.times.at(name), name.c_str());
    }
}

// Once a log has been opened (and so recovered), opening it again finds nothing to report and
// leaves every file as it is.
void TestCrashRecovery::reopenOfRecoveredLogChangesNothing()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const std::string dir = tmp.path().toStdString();
    const auto w = damageConfig();
    QVERIFY(buildLog(dir, w));
    QVERIFY(PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, false), crashtest::logConfig(w), 0).isOk());
    const Snapshot before = snapshot(dir);

    LogOpenReport report;
    auto log = PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, false), crashtest::logConfig(w), 0, &report);
    QVERIFY(log.isOk());
    log.value().reset();
    QVERIFY2(report.messages.empty(), joined(report.messages).c_str());
    QVERIFY(snapshot(dir).contents == before.contents);
}

QTEST_APPLESS_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
