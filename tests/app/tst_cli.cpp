// The kafkascope command line, end to end through the real binary.
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Outcome {
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome kafkascope(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KAFKASCOPE_BINARY), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void help();
    void version();
    void badArguments_data();
    void badArguments();
    void noDisplayExplainsWhatToDo();
    void scenarioExitCodes();
    void runWritesReportAndScreenshot();
    void sameSeedByteIdenticalReports();
    void unwritableReportExitsOneAndKeepsNothingHalfWritten();
    void dumpLogUsage_data();
    void dumpLogUsage();
    void dataDirHoldsKafkaLogsThatDumpLogReads();
    void dataDirMustBeEmpty();
    void verifyNamesFileAndPositionOfDamage();
    void partitionMatchesKafka();
    void partitionJsonAndStdin();
    void partitionHexKeys();
    void partitionErrors_data();
    void partitionErrors();
};

void TestCli::help()
{
    const Outcome o = kafkascope({QStringLiteral("--help")});
    QCOMPARE(o.exitCode, 0);
    QVERIFY(o.out.contains(QLatin1String("kafkascope run")));
    QVERIFY(o.out.contains(QLatin1String("--until")));
}

void TestCli::version()
{
    const Outcome o = kafkascope({QStringLiteral("--version")});
    QCOMPARE(o.exitCode, 0);
    QVERIFY(o.out.startsWith(QLatin1String("kafkascope ")));
}

void TestCli::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("unknown-command") << QStringList{"fly"} << "unknown command 'fly'";
    QTest::addRow("unknown-option") << QStringList{"--frobnicate"} << "'--frobnicate'";
    QTest::addRow("run-unknown-option") << QStringList{"run", "--nope=1"} << "'--nope'";
    QTest::addRow("until-no-unit") << QStringList{"run", "--until", "10"} << "--until: '10' has no unit";
    QTest::addRow("until-bad-unit") << QStringList{"run", "--until=10w"} << "--until: '10w' has an unknown unit";
    QTest::addRow("until-missing") << QStringList{"run", "--until"} << "--until: missing value";
    QTest::addRow("seed-negative") << QStringList{"run", "--seed", "-1"} << "--seed";
    QTest::addRow("seed-text") << QStringList{"run", "--seed", "abc"} << "--seed: 'abc'";
    QTest::addRow("lang") << QStringList{"--lang", "fr"} << "--lang: 'fr'";
    QTest::addRow("theme") << QStringList{"--theme", "blue"} << "--theme: 'blue' is not a theme";
    QTest::addRow("theme-missing") << QStringList{"run", "--theme"} << "--theme: missing value";
    QTest::addRow("presenter-elsewhere") << QStringList{"partition", "--presenter"} << "'--presenter'";
    QTest::addRow("until-outside-run") << QStringList{"--until", "5s"} << "'--until'";
    QTest::addRow("stray-argument") << QStringList{"run", "a.json", "extra"} << "unexpected argument 'extra'";
    QTest::addRow("missing-scenario") << QStringList{"run", "no-such-lesson.json"} << "no-such-lesson.json: cannot read the scenario";
    QTest::addRow("empty-report") << QStringList{"run", "--report="} << "--report: the file name is empty";
}

void TestCli::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Outcome o = kafkascope(args);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(mentions), qPrintable(o.err));
    QCOMPARE(o.err.trimmed().count(QLatin1Char('\n')), 0); // one line
    QVERIFY(o.err.startsWith(QLatin1String("kafkascope: ")));
}

void TestCli::scenarioExitCodes()
{
    QTemporaryDir dir;
    const QString lesson = QStringLiteral(KAFKASCOPE_LESSONS_DIR "/04-replication-failover.json");
    // Every expectation holds: 0, and each is listed.
    Outcome o = kafkascope({QStringLiteral("run"), lesson});
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.out.contains(QLatin1String("PASS")) && !o.out.contains(QLatin1String("FAIL")), qPrintable(o.out));
    QVERIFY(o.out.contains(QLatin1String("Expectations: 9 of 9 hold.")));

    // One expectation changed to a wrong value: 1, and the failure says what was found, when.
    QFile in(lesson);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray text = in.readAll();
    const QByteArray wrong = text.replace("\"equals\": [1, 2]}", "\"equals\": [0, 2]}");
    const QString failing = dir.filePath(QStringLiteral("failing.json"));
    QFile out(failing);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(wrong);
    out.close();
    o = kafkascope({QStringLiteral("run"), failing});
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.out.contains(QLatin1String("FAIL 11.000 s  expect[4] (failing.json:36): ISR of orders-0 = [0, 2]; found [1, 2]")),
             qPrintable(o.out));
    QVERIFY(o.out.contains(QLatin1String("8 of 9 hold, 1 failed")));

    // A broken file: 2, nothing run, the error names file, line, column and field.
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile b(broken);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write("{\"kafkascope\": 1, \"title\": \"t\",\n \"topics\": [{\"name\": \"t\", \"partitions\": -1}]}");
    b.close();
    o = kafkascope({QStringLiteral("run"), broken});
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(broken + QStringLiteral(":2:41: topics[0].partitions: expected")), qPrintable(o.err));
    QVERIFY(o.out.isEmpty());
}

void TestCli::noDisplayExplainsWhatToDo()
{
    const Outcome o = kafkascope({});
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(QLatin1String("kafkascope run")), qPrintable(o.err));
    // `kafkascope SCENARIO` (the first argument a scenario file, not a command) opens the window
    // too, so it gets the same advice rather than "unknown command".
    const Outcome scenario = kafkascope({QStringLiteral(KAFKASCOPE_LESSONS_DIR "/04-replication-failover.json")});
    QCOMPARE(scenario.exitCode, 2);
    QVERIFY2(scenario.err.contains(QLatin1String("no display")), qPrintable(scenario.err));
    QVERIFY2(!scenario.err.contains(QLatin1String("unknown command")), qPrintable(scenario.err));
}

void TestCli::runWritesReportAndScreenshot()
{
    QTemporaryDir dir;
    const QString report = dir.filePath(QStringLiteral("r.json"));
    const QString shot = dir.filePath(QStringLiteral("s.png"));
    const Outcome o = kafkascope({QStringLiteral("run"), QStringLiteral("--until"), QStringLiteral("10s"),
                                  QStringLiteral("--screenshot"), shot, QStringLiteral("--report"), report});
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.out.contains(report), qPrintable(o.out));
    QVERIFY2(o.out.contains(shot), qPrintable(o.out));

    QFile f(report);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value(QStringLiteral("sim_time_ms")).toInteger(), 10000);
    QCOMPARE(doc.object().value(QStringLiteral("seed")).toInteger(), 42);
    // orders, clicks and the internal __consumer_offsets of group "billing".
    QCOMPARE(doc.object().value(QStringLiteral("topics")).toArray().size(), 3);
    QCOMPARE(doc.object().value(QStringLiteral("groups")).toArray().size(), 1);
    qint64 total = 0;
    for (const auto &t : doc.object().value(QStringLiteral("topics")).toArray())
        for (const auto &p : t.toObject().value(QStringLiteral("partitions")).toArray())
            total += p.toObject().value(QStringLiteral("log_end_offset")).toInteger();
    QVERIFY(total > 0);

    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 1000);
}

void TestCli::sameSeedByteIdenticalReports()
{
    QTemporaryDir dir;
    QByteArray reports[3];
    const QStringList seeds{QStringLiteral("7"), QStringLiteral("7"), QStringLiteral("8")};
    for (int i = 0; i < 3; ++i) {
        const QString path = dir.filePath(QStringLiteral("r%1.json").arg(i));
        const Outcome o = kafkascope({QStringLiteral("run"), QStringLiteral("--until=8s"), QStringLiteral("--seed"), seeds[i],
                                      QStringLiteral("--report"), path});
        QCOMPARE(o.exitCode, 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        reports[i] = f.readAll();
    }
    QCOMPARE(reports[0], reports[1]);
    QVERIFY(reports[0] != reports[2]);
}

void TestCli::unwritableReportExitsOneAndKeepsNothingHalfWritten()
{
    const Outcome o = kafkascope({QStringLiteral("run"), QStringLiteral("--until=1s"), QStringLiteral("--report"),
                                  QStringLiteral("/nonexistent-dir/r.json")});
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.err.contains(QLatin1String("/nonexistent-dir/r.json")), qPrintable(o.err));
}

void TestCli::dumpLogUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("no-path") << QStringList{"dump-log"} << 2 << "no PATH";
    QTest::addRow("only-flags") << QStringList{"dump-log", "--json", "--verify"} << 2 << "no PATH";
    QTest::addRow("unknown-flag") << QStringList{"dump-log", "--frob", "x"} << 2 << "'--frob'";
    QTest::addRow("missing-file") << QStringList{"dump-log", "/nonexistent/00000000000000000000.log"} << 1
                                  << "/nonexistent/00000000000000000000.log: no such file";
    QTest::addRow("folder-without-logs") << QStringList{"dump-log", "/proc/self/fdinfo"} << 1 << "no .log files";
}

void TestCli::dumpLogUsage()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    const Outcome o = kafkascope(args);
    QCOMPARE(o.exitCode, exitCode);
    QVERIFY2(o.err.contains(mentions), qPrintable(o.err));
}

void TestCli::dataDirHoldsKafkaLogsThatDumpLogReads()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("data"));
    const QString report = tmp.filePath(QStringLiteral("r.json"));
    const Outcome run = kafkascope({QStringLiteral("run"), QStringLiteral("--until=6s"), QStringLiteral("--data-dir"), dir,
                                    QStringLiteral("--report"), report});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("dump-log")), qPrintable(run.out));
    QVERIFY(QFile::exists(dir + QStringLiteral("/broker-0/orders-0/00000000000000000000.log")));
    QVERIFY(QFile::exists(dir + QStringLiteral("/broker-0/orders-0/00000000000000000000.index")));
    QVERIFY(QFile::exists(dir + QStringLiteral("/broker-0/clicks-2/00000000000000000000.timeindex")));
    QVERIFY(QFile::exists(dir + QStringLiteral("/broker-2/orders-1/00000000000000000000.log"))); // replicas too

    const Outcome dump = kafkascope({QStringLiteral("dump-log"), QStringLiteral("--json"), QStringLiteral("--verify"), dir});
    QCOMPARE(dump.exitCode, 0);
    qint64 records = 0;
    for (const QString &line : dump.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QJsonParseError error{};
        const QJsonObject batch = QJsonDocument::fromJson(line.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(batch.value(QStringLiteral("crc_valid")).toBool());
        records += batch.value(QStringLiteral("records")).toArray().size();
    }
    QFile f(report);
    QVERIFY(f.open(QIODevice::ReadOnly));
    // Every replica's log is in the data directory (broker-<id>/): count what each replica holds.
    qint64 expected = 0;
    for (const auto &t : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("topics")).toArray())
        for (const auto &p : t.toObject().value(QStringLiteral("partitions")).toArray())
            for (const auto &r : p.toObject().value(QStringLiteral("replicas")).toArray())
                expected += r.toObject().value(QStringLiteral("log_end_offset")).toInteger();
    QVERIFY(expected > 0);
    QCOMPARE(records, expected);

    // The same run in memory reports the same state.
    const QString memoryReport = tmp.filePath(QStringLiteral("m.json"));
    QCOMPARE(kafkascope({QStringLiteral("run"), QStringLiteral("--until=6s"), QStringLiteral("--report"), memoryReport}).exitCode, 0);
    QFile m(memoryReport);
    QVERIFY(m.open(QIODevice::ReadOnly) && f.seek(0));
    QCOMPARE(QJsonDocument::fromJson(m.readAll()).object().value(QStringLiteral("state_hash")),
             QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("state_hash")));
}

void TestCli::dataDirMustBeEmpty()
{
    QTemporaryDir tmp;
    QFile keep(tmp.filePath(QStringLiteral("precious.txt")));
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.write("do not touch");
    keep.close();
    const Outcome o = kafkascope({QStringLiteral("run"), QStringLiteral("--until=1s"), QStringLiteral("--data-dir"), tmp.path()});
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(QLatin1String("not empty")), qPrintable(o.err));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{QStringLiteral("precious.txt")});
}

void TestCli::verifyNamesFileAndPositionOfDamage()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("data"));
    QCOMPARE(kafkascope({QStringLiteral("run"), QStringLiteral("--until=5s"), QStringLiteral("--data-dir"), dir}).exitCode, 0);
    const QString log = dir + QStringLiteral("/broker-0/orders-2/00000000000000000000.log");
    QFile f(log);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(size > 200);
    // Flip a byte inside the second batch's records.
    QVERIFY(f.seek(150));
    char c = 0;
    QVERIFY(f.getChar(&c));
    QVERIFY(f.seek(150));
    QVERIFY(f.putChar(static_cast<char>(c ^ 0x5a)));
    f.close();

    const Outcome plain = kafkascope({QStringLiteral("dump-log"), log});
    QCOMPARE(plain.exitCode, 0); // shown, not judged
    QVERIFY(plain.out.contains(QLatin1String("crcValid: false")));
    const Outcome verify = kafkascope({QStringLiteral("dump-log"), QStringLiteral("--verify"), log});
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(verify.err.contains(log + QStringLiteral(" at byte ")), qPrintable(verify.err));
    QVERIFY2(verify.err.contains(QLatin1String("CRC mismatch")), qPrintable(verify.err));

    QVERIFY(f.resize(size - 5)); // and a torn tail
    const Outcome torn = kafkascope({QStringLiteral("dump-log"), QStringLiteral("--verify"), log});
    QCOMPARE(torn.exitCode, 1);
    QVERIFY2(torn.err.contains(log + QStringLiteral(" at byte")), qPrintable(torn.err));
}

void TestCli::partitionMatchesKafka()
{
    // Kafka's murmur2 vectors: partition = toPositive(hash) % 7.
    const Outcome o = kafkascope({QStringLiteral("partition"), QStringLiteral("--partitions"), QStringLiteral("7"),
                                  QStringLiteral("21"), QStringLiteral("foobar"), QStringLiteral("abc"), QString()});
    QCOMPARE(o.exitCode, 0);
    const QStringList expected{
        QStringLiteral("21\t%1").arg((-973932308 & 0x7fffffff) % 7),
        QStringLiteral("foobar\t%1").arg((-790332482 & 0x7fffffff) % 7),
        QStringLiteral("abc\t%1").arg(479470107 % 7),
        QStringLiteral("\t%1").arg(275646681 % 7), // the empty key is hashed too
    };
    QCOMPARE(o.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
}

void TestCli::partitionJsonAndStdin()
{
    QProcess p;
    p.start(QStringLiteral(KAFKASCOPE_BINARY), {QStringLiteral("partition"), QStringLiteral("--partitions=3"),
                                                 QStringLiteral("--json"), QStringLiteral("first"), QStringLiteral("-")});
    QVERIFY(p.waitForStarted());
    p.write("a-little-bit-long-string\r\n카프카\n");
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonArray array = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    QCOMPARE(array.size(), 3);
    QCOMPARE(array[0].toObject().value(QStringLiteral("key")).toString(), QStringLiteral("first"));
    QCOMPARE(array[1].toObject().value(QStringLiteral("murmur2")).toInt(), -985981536);
    QCOMPARE(array[1].toObject().value(QStringLiteral("partition")).toInt(), (-985981536 & 0x7fffffff) % 3);
    QCOMPARE(array[2].toObject().value(QStringLiteral("key")).toString(), QStringLiteral("카프카"));
    QCOMPARE(array[2].toObject().value(QStringLiteral("murmur2")).toInt(), -1792248277);
}

void TestCli::partitionHexKeys()
{
    // 666f6f626172 is "foobar"; the hash is of the bytes, not of the hex text.
    const Outcome o = kafkascope({QStringLiteral("partition"), QStringLiteral("--partitions"), QStringLiteral("1000"),
                                  QStringLiteral("--hex"), QStringLiteral("666f6f626172"), QStringLiteral("0xC3A9")});
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("666f6f626172\t%1").arg((-790332482 & 0x7fffffff) % 1000),
                          QStringLiteral("0xC3A9\t%1").arg(186971271 % 1000)}));
}

void TestCli::partitionErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("zero-partitions") << QStringList{"partition", "--partitions", "0", "k"} << "--partitions: '0'";
    QTest::addRow("negative") << QStringList{"partition", "--partitions=-3", "k"} << "--partitions: '-3'";
    QTest::addRow("not-a-number") << QStringList{"partition", "--partitions", "many", "k"} << "--partitions: 'many'";
    QTest::addRow("missing-partitions") << QStringList{"partition", "k"} << "--partitions N is required";
    QTest::addRow("no-keys") << QStringList{"partition", "--partitions", "3"} << "no KEY";
    QTest::addRow("odd-hex") << QStringList{"partition", "--partitions", "3", "--hex", "abc"} << "key 1 'abc' is not hex";
    QTest::addRow("bad-hex") << QStringList{"partition", "--partitions", "3", "--hex", "00", "zz"} << "key 2 'zz' is not hex";
}

void TestCli::partitionErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Outcome o = kafkascope(args);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains(mentions), qPrintable(o.err));
    QVERIFY(o.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
