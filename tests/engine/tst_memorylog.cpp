// The in-memory partition log: an edge-case catalogue (STYLE.md §16), one test per boundary.
#include "log/memory_log.h"

#include <QtTest>

using namespace kafkascope;

namespace {
Record rec(std::optional<std::string> key, std::string value = "v")
{
    Record r;
    r.key = std::move(key);
    r.value = std::move(value);
    return r;
}
} // namespace

class TestMemoryLog : public QObject
{
    Q_OBJECT

private slots:
    void emptyLog();
    void appendAssignsDenseOffsets();
    void appendIgnoresCallerOffset();
    void fetchAtLogEndOffset();
    void fetchBeyondLogEndOffset();
    void fetchBelowLogStartOffset();
    void fetchRespectsMaxRecords();
    void fetchZeroRecords();
    void nullAndEmptyKeysDiffer();
};

void TestMemoryLog::emptyLog()
{
    MemoryLog log;
    QCOMPARE(log.logStartOffset(), Offset{0});
    QCOMPARE(log.logEndOffset(), Offset{0});
    QVERIFY(log.empty());
    QVERIFY(log.read(Offset{0}, 10).empty());
}

void TestMemoryLog::appendAssignsDenseOffsets()
{
    MemoryLog log;
    for (int i = 0; i < 5; ++i)
        QCOMPARE(log.append(rec("k")), Offset{i});
    QCOMPARE(log.logEndOffset(), Offset{5});
    const auto all = log.read(Offset{0}, 100);
    QCOMPARE(all.size(), std::size_t{5});
    for (std::size_t i = 0; i < all.size(); ++i)
        QCOMPARE(all[i].offset, Offset{static_cast<std::int64_t>(i)});
}

void TestMemoryLog::appendIgnoresCallerOffset()
{
    MemoryLog log;
    Record r = rec("k");
    r.offset = Offset{999};
    QCOMPARE(log.append(r), Offset{0});
}

void TestMemoryLog::fetchAtLogEndOffset()
{
    MemoryLog log;
    log.append(rec("a"));
    QVERIFY(log.read(log.logEndOffset(), 10).empty());
}

void TestMemoryLog::fetchBeyondLogEndOffset()
{
    MemoryLog log;
    log.append(rec("a"));
    QVERIFY(log.read(Offset{42}, 10).empty());
}

void TestMemoryLog::fetchBelowLogStartOffset()
{
    MemoryLog log;
    log.append(rec("a"));
    const auto r = log.read(Offset{-5}, 10);
    QCOMPARE(r.size(), std::size_t{1});
    QCOMPARE(r.front().offset, Offset{0});
}

void TestMemoryLog::fetchRespectsMaxRecords()
{
    MemoryLog log;
    for (int i = 0; i < 10; ++i)
        log.append(rec("k", std::to_string(i)));
    const auto r = log.read(Offset{3}, 4);
    QCOMPARE(r.size(), std::size_t{4});
    QCOMPARE(r.front().offset, Offset{3});
    QCOMPARE(*r.back().value, std::string("6"));
}

void TestMemoryLog::fetchZeroRecords()
{
    MemoryLog log;
    log.append(rec("a"));
    QVERIFY(log.read(Offset{0}, 0).empty());
}

void TestMemoryLog::nullAndEmptyKeysDiffer()
{
    MemoryLog log;
    log.append(rec(std::nullopt));
    log.append(rec(std::string()));
    const auto r = log.read(Offset{0}, 2);
    QVERIFY(!r[0].key.has_value());
    QVERIFY(r[1].key.has_value());
    QVERIFY(r[1].key->empty());
}

QTEST_APPLESS_MAIN(TestMemoryLog)
#include "tst_memorylog.moc"
