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
};

void TestDuration::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("micros");
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

QTEST_APPLESS_MAIN(TestDuration)
#include "tst_duration.moc"
