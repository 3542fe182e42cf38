// `kafkascope assign`, end to end through the real binary: the four assignors on JSON input from a
// file and from standard input, the plain and JSON outputs, and the error lines for invalid input.
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

Outcome kafkascope(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KAFKASCOPE_BINARY), args);
    if (!p.waitForStarted(30000))
        return {};
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

Outcome assignJson(const QByteArray &input)
{
    return kafkascope({QStringLiteral("assign"), QStringLiteral("--input"), QStringLiteral("-"), QStringLiteral("--json")},
                      input);
}

// {"c1": ["t-0"], ...} as "c1[t-0] c2[]" in the object's key order.
QString render(const QJsonObject &group)
{
    QStringList members;
    for (auto it = group.begin(); it != group.end(); ++it) {
        QStringList partitions;
        for (const QJsonValue &v : it.value().toArray())
            partitions << v.toString();
        members << QStringLiteral("%1[%2]").arg(it.key(), partitions.join(QLatin1Char(' ')));
    }
    return members.join(QLatin1Char(' '));
}

} // namespace

class TestAssignCmd : public QObject
{
    Q_OBJECT

private slots:
    void assignors_data();
    void assignors();
    void cooperativeReportsRevoking();
    void plainOutput();
    void readsFile();
    void helpMentionsAssign();
    void errors_data();
    void errors();
    void unreadableFileExitsOne();
};

void TestAssignCmd::assignors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    const QByteArray group = R"("partitions_per_topic": {"t0": 3, "t1": 3},
        "members": [{"member_id": "c1", "topics": ["t0", "t1"]}, {"member_id": "c2", "topics": ["t0", "t1"]}]})";
    QTest::addRow("range") << QByteArray(R"({"assignor": "range", )" + group)
                           << "c1[t0-0 t0-1 t1-0 t1-1] c2[t0-2 t1-2]";
    QTest::addRow("roundrobin") << QByteArray(R"({"assignor": "roundrobin", )" + group)
                                << "c1[t0-0 t0-2 t1-1] c2[t0-1 t1-0 t1-2]";
    QTest::addRow("sticky") << QByteArray(R"({"assignor": "sticky", )" + group)
                            << "c1[t0-0 t0-2 t1-1] c2[t0-1 t1-0 t1-2]";
    // Static members come first in range's order, whatever their member ids.
    QTest::addRow("range-static") << QByteArray(R"({"assignor": "range", "partitions_per_topic": {"t": 3},
        "members": [{"member_id": "a", "topics": ["t"]}, {"member_id": "b", "topics": ["t"], "group_instance_id": "i"}]})")
                                  << "a[t-2] b[t-0 t-1]";
    // Topic names with '-' in them; the owned partition is kept.
    QTest::addRow("sticky-owned") << QByteArray(R"({"assignor": "sticky", "partitions_per_topic": {"my-topic": 2},
        "members": [{"member_id": "c1", "topics": ["my-topic"], "owned_partitions": ["my-topic-1"], "generation": 4},
                    {"member_id": "c2", "topics": ["my-topic"]}]})")
                                  << "c1[my-topic-1] c2[my-topic-0]";
    QTest::addRow("member-without-partitions") << QByteArray(R"({"assignor": "sticky", "partitions_per_topic": {"t": 1},
        "members": [{"member_id": "c1", "topics": ["t"]}, {"member_id": "c2", "topics": ["t"]}]})")
                                               << "c1[t-0] c2[]";
}

void TestAssignCmd::assignors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    const Outcome o = assignJson(input);
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    const QJsonObject root = QJsonDocument::fromJson(o.out.toUtf8()).object();
    QCOMPARE(render(root.value(QLatin1String("assignment")).toObject()), expected);
    QVERIFY(!root.contains(QLatin1String("revoking")));
}

void TestAssignCmd::cooperativeReportsRevoking()
{
    // Kafka's testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers: topic2-0 moves from
    // consumer1 to consumer3, so it is withheld this round and consumer1 revokes it.
    const Outcome o = assignJson(R"({"assignor": "cooperative-sticky",
        "partitions_per_topic": {"topic1": 2, "topic2": 2},
        "members": [
          {"member_id": "consumer1", "topics": ["topic1", "topic2"], "owned_partitions": ["topic1-0", "topic2-0"], "generation": 1},
          {"member_id": "consumer2", "topics": ["topic1", "topic2"], "owned_partitions": ["topic1-1", "topic2-1"], "generation": 1},
          {"member_id": "consumer3", "topics": ["topic1", "topic2"], "generation": 1}]})");
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    const QJsonObject root = QJsonDocument::fromJson(o.out.toUtf8()).object();
    QCOMPARE(render(root.value(QLatin1String("assignment")).toObject()),
             QStringLiteral("consumer1[topic1-0] consumer2[topic1-1 topic2-1] consumer3[]"));
    QCOMPARE(render(root.value(QLatin1String("revoking")).toObject()),
             QStringLiteral("consumer1[topic2-0] consumer2[] consumer3[]"));
}

void TestAssignCmd::plainOutput()
{
    const Outcome o = kafkascope({QStringLiteral("assign"), QStringLiteral("--input=-")},
                                 R"({"assignor": "cooperative-sticky", "partitions_per_topic": {"t": 3},
        "members": [{"member_id": "c1", "topics": ["t"], "owned_partitions": ["t-0", "t-1", "t-2"], "generation": 1},
                    {"member_id": "c2", "topics": ["t"], "generation": 1}]})");
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QCOMPARE(o.out, QStringLiteral("c1: t-0 t-1\nc2:\nrevoking:\nc1: t-2\n"));
}

void TestAssignCmd::readsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("group.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"assignor": "roundrobin", "partitions_per_topic": {"t": 2}, "members": [{"member_id": "solo", "topics": ["t"]}]})");
    file.close();
    const Outcome o = kafkascope({QStringLiteral("assign"), QStringLiteral("--input"), path});
    QVERIFY2(o.exitCode == 0, qPrintable(o.err));
    QCOMPARE(o.out, QStringLiteral("solo: t-0 t-1\n"));
}

void TestAssignCmd::helpMentionsAssign()
{
    const Outcome o = kafkascope({QStringLiteral("--help")});
    QCOMPARE(o.exitCode, 0);
    QVERIFY(o.out.contains(QLatin1String("kafkascope assign --input FILE [--json]")));
}

void TestAssignCmd::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    const QStringList stdinArgs{"assign", "--input", "-"};
    QTest::addRow("no-input-option") << QStringList{"assign"} << QByteArray()
                                     << "kafkascope: assign: --input FILE is required (- reads standard input)\n";
    QTest::addRow("unknown-option") << QStringList{"assign", "--input", "-", "--yaml"} << QByteArray()
                                    << "kafkascope: unknown option '--yaml' (see kafkascope --help)\n";
    QTest::addRow("syntax-error") << stdinArgs << QByteArray("{\n  \"assignor\": \"range\",\n  \"members\": [,]\n}")
                                  << "kafkascope: assign: line 3, column 15: illegal value\n";
    QTest::addRow("not-an-object") << stdinArgs << QByteArray("[1]")
                                   << "kafkascope: assign: the input must be a JSON object\n";
    QTest::addRow("unknown-assignor") << stdinArgs
        << QByteArray(R"({"assignor": "fair", "partitions_per_topic": {}, "members": []})")
        << "kafkascope: assign: assignor: unknown assignor 'fair' (use range, roundrobin, sticky, cooperative-sticky)\n";
    QTest::addRow("assignor-missing") << stdinArgs << QByteArray(R"({"partitions_per_topic": {}, "members": []})")
                                      << "kafkascope: assign: assignor: missing\n";
    QTest::addRow("unknown-field") << stdinArgs
        << QByteArray(R"({"assignor": "range", "partitions_per_topic": {}, "members": [], "extra": 1})")
        << "kafkascope: assign: extra: unknown field\n";
    QTest::addRow("negative-count") << stdinArgs
        << QByteArray(R"({"assignor": "range", "partitions_per_topic": {"t": -1}, "members": []})")
        << "kafkascope: assign: partitions_per_topic.t: expected a whole number >= 0\n";
    QTest::addRow("fractional-count") << stdinArgs
        << QByteArray(R"({"assignor": "range", "partitions_per_topic": {"t": 1.5}, "members": []})")
        << "kafkascope: assign: partitions_per_topic.t: expected a whole number >= 0\n";
    QTest::addRow("members-not-array") << stdinArgs
        << QByteArray(R"({"assignor": "range", "partitions_per_topic": {}, "members": {}})")
        << "kafkascope: assign: members: expected an array\n";
    QTest::addRow("topic-not-string") << stdinArgs
        << QByteArray(R"({"assignor": "range", "partitions_per_topic": {"t": 1},
            "members": [{"member_id": "a", "topics": ["t"]}, {"member_id": "b", "topics": [7]}]})")
        << "kafkascope: assign: members[1].topics[0]: expected a string\n";
    QTest::addRow("member-id-missing") << stdinArgs
        << QByteArray(R"({"assignor": "range", "partitions_per_topic": {}, "members": [{"topics": []}]})")
        << "kafkascope: assign: members[0].member_id: missing\n";
    QTest::addRow("member-unknown-field") << stdinArgs
        << QByteArray(R"({"assignor": "sticky", "partitions_per_topic": {}, "members": [{"member_id": "a", "topics": [], "owned": []}]})")
        << "kafkascope: assign: members[0].owned: unknown field\n";
    QTest::addRow("generation-too-low") << stdinArgs
        << QByteArray(R"({"assignor": "sticky", "partitions_per_topic": {}, "members": [{"member_id": "a", "topics": [], "generation": -2}]})")
        << "kafkascope: assign: members[0].generation: expected a whole number >= -1\n";
    QTest::addRow("owned-unknown-topic") << stdinArgs
        << QByteArray(R"({"assignor": "sticky", "partitions_per_topic": {"t": 2},
            "members": [{"member_id": "a", "topics": ["t"], "owned_partitions": ["t-1", "u-0"]}]})")
        << "kafkascope: assign: members[0].owned_partitions[1]: unknown topic 'u' (not in partitions_per_topic)\n";
    QTest::addRow("owned-out-of-range") << stdinArgs
        << QByteArray(R"({"assignor": "sticky", "partitions_per_topic": {"t": 2},
            "members": [{"member_id": "a", "topics": ["t"], "owned_partitions": ["t-2"]}]})")
        << "kafkascope: assign: members[0].owned_partitions[0]: topic 't' has 2 partitions, so there is no partition 2\n";
    QTest::addRow("owned-unparsable") << stdinArgs
        << QByteArray(R"({"assignor": "sticky", "partitions_per_topic": {"t": 2},
            "members": [{"member_id": "a", "topics": ["t"], "owned_partitions": ["t-x"]}]})")
        << "kafkascope: assign: members[0].owned_partitions[0]: 't-x' is not TOPIC-PARTITION (like \"orders-3\")\n";
    QTest::addRow("owned-no-dash") << stdinArgs
        << QByteArray(R"({"assignor": "sticky", "partitions_per_topic": {"t": 2},
            "members": [{"member_id": "a", "topics": ["t"], "owned_partitions": ["t0"]}]})")
        << "kafkascope: assign: members[0].owned_partitions[0]: 't0' is not TOPIC-PARTITION (like \"orders-3\")\n";
    QTest::addRow("duplicate-member") << stdinArgs
        << QByteArray(R"({"assignor": "roundrobin", "partitions_per_topic": {"t": 2},
            "members": [{"member_id": "a", "topics": ["t"]}, {"member_id": "a", "topics": ["t"]}]})")
        << "kafkascope: assign: members: duplicate memberId 'a'\n";
}

void TestAssignCmd::errors()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const Outcome o = kafkascope(args, input);
    QCOMPARE(o.exitCode, 2);
    QCOMPARE(o.err, message);
    QVERIFY(o.out.isEmpty());
}

void TestAssignCmd::unreadableFileExitsOne()
{
    const Outcome o = kafkascope({QStringLiteral("assign"), QStringLiteral("--input"), QStringLiteral("/nonexistent/group.json")});
    QCOMPARE(o.exitCode, 1);
    QVERIFY(o.err.startsWith(QLatin1String("kafkascope: assign: cannot read /nonexistent/group.json")));
}

QTEST_APPLESS_MAIN(TestAssignCmd)
#include "tst_assigncmd.moc"
