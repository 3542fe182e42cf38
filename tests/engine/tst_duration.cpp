// Durations as users type them: 250ms, 30s, 2m.
#include "core/duration.h"

#include <QtTest>

using namespace kafkascope;

class TestDuration : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void formats_data();
    void formats();
    void formatThenParseIsIdentity();
};

void TestDuration::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("micros");
    QTest::addRow("microseconds") << "1500us" << qint64(1500);
    QTest::addRow("milliseconds") << "250ms" << qint64(250000);
    QTest::addRow("seconds") << "30s" << qint64(30000000);
    QTest::addRow("minutes") << "2m" << qint64(120000000);
    QTest::addRow("hours") << "1h" << qint64(3600000000);
    QTest::addRow("days") << "7d" << qint64(604800000000);
    QTest::addRow("zero") << "0s" << qint64(0);
    QTest::addRow("leading-zeros") << "007s" << qint64(7000000);
}

void TestDuration::parses()
{
    QFETCH(QString, text);
    QFETCH(qint64, micros);
    const auto r = parseDuration(text.toStdString());
    QVERIFY2(r.isOk(), r.status().message().c_str());
    QCOMPARE(r.value().micros(), micros);
}

void TestDuration::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("empty") << "" << "not a duration";
    QTest::addRow("no-unit") << "30" << "no unit";
    QTest::addRow("bad-unit") << "10x" << "unknown unit 'x'";
    QTest::addRow("weeks-not-supported") << "1w" << "unknown unit 'w'";
    QTest::addRow("negative") << "-5s" << "not a duration";
    QTest::addRow("fraction") << "1.5s" << "unknown unit '.5s'";
    QTest::addRow("space") << "5 s" << "unknown unit ' s'";
    QTest::addRow("overflow") << "99999999999999999999m" << "too long";
    QTest::addRow("overflow-unit") << "9223372036854775s" << "too long";
}

void TestDuration::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    const auto r = parseDuration(text.toStdString());
    QVERIFY(!r.isOk());
    QCOMPARE(r.status().code(), Status::Code::InvalidArgument);
    QVERIFY2(QString::fromStdString(r.status().message()).contains(mentions), r.status().message().c_str());
}

void TestDuration::formats_data()
{
    QTest::addColumn<qint64>("micros");
    QTest::addColumn<QString>("text");
    QTest::addRow("zero") << qint64(0) << "0ms";
    QTest::addRow("negative-clamped") << qint64(-5) << "0ms";
    QTest::addRow("one-microsecond") << qint64(1) << "1us";
    QTest::addRow("not-whole-ms") << qint64(1500) << "1500us";
    QTest::addRow("whole-ms") << qint64(250000) << "250ms";
    QTest::addRow("not-whole-s") << qint64(1500000) << "1500ms";
    QTest::addRow("seconds") << qint64(30000000) << "30s";
    QTest::addRow("minutes") << qint64(120000000) << "2m";
    QTest::addRow("ninety-minutes") << qint64(5400000000) << "90m";
    QTest::addRow("hours") << qint64(3600000000) << "1h";
    QTest::addRow("days") << qint64(604800000000) << "7d";
    QTest::addRow("odd-micros-late") << qint64(86400000001) << "86400000001us";
}

void TestDuration::formats()
{
    QFETCH(qint64, micros);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatDuration(SimDuration::micros(micros))), text);
}

void TestDuration::formatThenParseIsIdentity()
{
    // Every duration survives a round trip through text: a recorded session's times are exact.
    std::uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < 10000; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const auto micros = static_cast<std::int64_t>(x % (std::uint64_t{1} << (i % 48 + 1)));
        const std::string text = formatDuration(SimDuration::micros(micros));
        const auto back = parseDuration(text);
        QVERIFY2(back.isOk(), text.c_str());
        QCOMPARE(back.value().micros(), micros);
    }
}

QTEST_APPLESS_MAIN(TestDuration)
#include "tst_duration.moc"
