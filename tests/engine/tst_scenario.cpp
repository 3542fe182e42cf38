// Scenario files: the parser's errors (file:line:column, field path, message) for a catalogue of
// broken files, warnings, the runner's actions and expectations, determinism, and every built-in
// lesson in resources/lessons running green.
#include "scenario/scenario.h"
#include "scenario/scenario_runner.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace kafkascope;

class TestScenario : public QObject
{
    Q_OBJECT

private slots:
    void minimalScenario();
    void errors_data();
    void errors();
    void warnings();
    void timeIsSorted();
    void runnerAppliesActionsAndChecks();
    void failedExpectationSaysWhatWasFound();
    void failedActionIsReported();
    void sameSeedSameRun();
    void racksPlaceReplicasRackAware();
    void builtInLessons_data();
    void builtInLessons();
};

namespace {

const char *kBase = R"({
  "kafkascope": 1,
  "title": {"en": "Test", "ko": "테스트"},
  "cluster": {"brokers": 3},
  "topics": [{"name": "orders", "partitions": 2, "replicationFactor": 3, "minInsyncReplicas": 2, "placementStartIndex": 0}],
  "producers": [{"clientId": "p", "topic": "orders", "rate": 10, "keys": ["a", "b", "c"]}],
  "consumers": [{"clientId": "c1", "topic": "orders", "group": "g"}],
  "timeline": [{"at": "5s", "do": "killBroker", "broker": 0}],
  "expect": [
    {"at": "4s", "check": "leader", "topic": "orders", "partition": 0, "equals": 0},
    {"at": "6s", "check": "leader", "topic": "orders", "partition": 0, "equals": 1},
    {"at": "6s", "check": "isr", "topic": "orders", "partition": 0, "equals": [2, 1]},
    {"at": "9s", "check": "groupState", "group": "g", "equals": "Stable"},
    {"at": "9s", "check": "assignment", "group": "g", "member": "c1", "equals": ["orders-1", "orders-0"]},
    {"at": "9s", "check": "lost", "topic": "orders", "equals": 0}
  ]
})";

Scenario parsedOk(const std::string &text)
{
    auto r = parseScenario(text);
    if (!r.scenario) {
        std::string all;
        for (const auto &e : r.errors)
            all += e.format("test.json") + "\n";
        qFatal("%s", all.c_str());
    }
    return std::move(*r.scenario);
}

} // namespace

void TestScenario::minimalScenario()
{
    const Scenario s = parsedOk(R"({"kafkascope": 1, "title": "Just brokers"})");
    QCOMPARE(s.title.en, std::string("Just brokers"));
    QCOMPARE(s.title.ko, std::string("Just brokers"));
    QCOMPARE(s.brokers, 3);
    QCOMPARE(s.seed, std::uint64_t{42});
    QCOMPARE(s.end(), SimTime::fromMillis(5000)); // nothing timed: 5 s
    const Scenario b = parsedOk(kBase);
    QCOMPARE(b.topics.size(), std::size_t{1});
    QCOMPARE(b.topics[0].settings.replicationFactor, 3);
    QCOMPARE(b.producers[0].keys.keyCount(), std::size_t{3});
    QCOMPARE(b.consumers[0].groupId.value(), std::string("g"));
    QCOMPARE(b.end(), SimTime::fromMillis(14000));
    // Kafka's defaults: auto.offset.reset=latest, metadata.max.age.ms=300000; the broker session
    // timeout is the cluster's unless set.
    QCOMPARE(b.consumers[0].autoOffsetReset, ConsumerConfig::AutoOffsetReset::Latest);
    QCOMPARE(b.consumers[0].metadataMaxAgeMs, 300000);
    QVERIFY(!b.brokerSessionTimeoutMs);
    const Scenario tuned = parsedOk(R"({"kafkascope": 1, "title": "t",
      "cluster": {"brokers": 2, "brokerSessionTimeout": "20s"},
      "consumers": [{"clientId": "c", "topic": "t", "group": "g", "metadataMaxAge": "30s", "autoOffsetReset": "earliest"}]})");
    QCOMPARE(tuned.brokerSessionTimeoutMs.value_or(0), std::int64_t{20000});
    QCOMPARE(tuned.consumers[0].metadataMaxAgeMs, 30000);
    QCOMPARE(tuned.consumers[0].autoOffsetReset, ConsumerConfig::AutoOffsetReset::Earliest);
}

void TestScenario::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // "line:column: path: message" (a prefix of the message)
    const QString head = QStringLiteral("{\"kafkascope\": 1, \"title\": \"t\",\n");
    QTest::newRow("not json") << QStringLiteral("{\"kafkascope\": 1,,}") << "1:18: expected a member name";
    QTest::newRow("not an object") << QStringLiteral("[1]") << "1:1: expected an object, found an array";
    QTest::newRow("no version") << QStringLiteral("{\"title\": \"t\"}") << "1:1: missing required field \"kafkascope\"";
    QTest::newRow("future version") << QStringLiteral("{\"kafkascope\": 2, \"title\": \"t\"}")
                                    << "1:16: kafkascope: expected a whole number from 1 to 1";
    QTest::newRow("no title") << QStringLiteral("{\"kafkascope\": 1}") << "1:1: missing required field \"title\"";
    QTest::newRow("negative partitions") << head + "\"topics\": [{\"name\": \"t\", \"partitions\": 0}]}"
                                         << "2:40: topics[0].partitions: expected a whole number from 1 to 10000, found 0";
    QTest::newRow("partitions as text") << head + "\"topics\": [{\"name\": \"t\", \"partitions\": \"3\"}]}"
                                        << "2:40: topics[0].partitions: expected a whole number from 1 to 10000, found a string";
    QTest::newRow("topic without name") << head + "\"topics\": [{\"partitions\": 3}]}"
                                        << "2:12: topics[0]: missing required field \"name\"";
    QTest::newRow("duplicate topic") << head + "\"topics\": [{\"name\": \"t\", \"partitions\": 1},\n {\"name\": \"t\", \"partitions\": 1}]}"
                                     << "3:11: topics[1].name: a second topic named \"t\"";
    QTest::newRow("bad cleanup policy") << head + "\"topics\": [{\"name\": \"t\", \"partitions\": 1, \"cleanupPolicy\": \"shred\"}]}"
                                        << "2:60: topics[0].cleanupPolicy: expected \"delete\", \"compact\"";
    QTest::newRow("bare duration") << head + "\"until\": 30}" << "2:10: until: expected a duration in a string";
    QTest::newRow("bad duration") << head + "\"until\": \"30 parsecs\"}" << "2:10: until:";
    QTest::newRow("bad acks") << head + "\"producers\": [{\"clientId\": \"p\", \"topic\": \"t\", \"acks\": 2}]}"
                              << "2:55: producers[0].acks: expected \"all\", 1 or 0";
    QTest::newRow("empty keys") << head + "\"producers\": [{\"clientId\": \"p\", \"topic\": \"t\", \"keys\": []}]}"
                                << "2:55: producers[0].keys: expected at least one key";
    QTest::newRow("duplicate client") << head + "\"producers\": [{\"clientId\": \"p\", \"topic\": \"t\"}],\n\"consumers\": [{\"clientId\": \"p\", \"topic\": \"t\"}]}"
                                      << "3:28: consumers[0].clientId: a second client with clientId \"p\"";
    QTest::newRow("unknown assignor") << head + "\"consumers\": [{\"clientId\": \"c\", \"topic\": \"t\", \"group\": \"g\", \"assignors\": [\"random\"]}]}"
                                      << "2:75: consumers[0].assignors[0]: unknown assignor \"random\"";
    QTest::newRow("unknown action") << head + "\"timeline\": [{\"at\": \"1s\", \"do\": \"explode\"}]}"
                                    << "2:33: timeline[0].do: unknown action \"explode\"";
    QTest::newRow("action without time") << head + "\"timeline\": [{\"do\": \"healNetwork\"}]}"
                                         << "2:14: timeline[0]: missing required field \"at\"";
    QTest::newRow("split with one side") << head + "\"timeline\": [{\"at\": \"1s\", \"do\": \"splitNetwork\", \"sides\": [[0]]}]}"
                                         << "2:58: timeline[0].sides: expected two arrays of broker ids";
    QTest::newRow("kill without broker") << head + "\"timeline\": [{\"at\": \"1s\", \"do\": \"killBroker\"}]}"
                                         << "2:14: timeline[0]: missing required field \"broker\"";
    QTest::newRow("reset without to") << head + "\"timeline\": [{\"at\": \"1s\", \"do\": \"resetOffsets\", \"group\": \"g\", \"topic\": \"t\"}]}"
                                  << "2:14: timeline[0]: missing required field \"to\"";
    QTest::newRow("reset to nowhere") << head + "\"timeline\": [{\"at\": \"1s\", \"do\": \"resetOffsets\", \"group\": \"g\", \"to\": \"middle\"}]}"
                                  << "2:69: timeline[0].to: expected \"earliest\", \"latest\", {\"offset\": N} or {\"shiftBy\": N}, found \"middle\"";
    QTest::newRow("reset shift by text") << head + "\"timeline\": [{\"at\": \"1s\", \"do\": \"resetOffsets\", \"group\": \"g\", \"to\": {\"shiftBy\": \"-3\"}}]}"
                                  << "2:81: timeline[0].to.shiftBy: expected a whole number (negative: back), found a string";
    QTest::newRow("reset partition without topic") << head + "\"timeline\": [{\"at\": \"1s\", \"do\": \"resetOffsets\", \"group\": \"g\", \"partition\": 1, \"to\": \"latest\"}]}"
                                  << "2:76: timeline[0].partition: a partition needs a \"topic\"";
    QTest::newRow("reset to negative offset") << head + "\"timeline\": [{\"at\": \"1s\", \"do\": \"resetOffsets\", \"group\": \"g\", \"to\": {\"offset\": -1}}]}"
                                  << "2:80: timeline[0].to.offset: expected a whole number, 0 or more, found -1";
    QTest::newRow("racks count") << head + "\"cluster\": {\"brokers\": 3, \"racks\": [\"a\", \"b\"]}}"
                                  << "2:36: cluster.racks: expected one rack per broker (3), found 2";
    QTest::newRow("rack not a string") << head + "\"cluster\": {\"brokers\": 2, \"racks\": [\"a\", 7]}}"
                                  << "2:42: cluster.racks[1]: expected a string, found a number";
    QTest::newRow("rack of added broker") << head + "\"timeline\": [{\"at\": \"1s\", \"do\": \"addBroker\", \"rack\": \"\"}]}"
                                  << "2:54: timeline[0].rack: expected a non-empty string";
    QTest::newRow("unknown check") << head + "\"expect\": [{\"at\": \"1s\", \"check\": \"vibes\", \"equals\": 1}]}"
                                   << "2:34: expect[0].check: unknown check \"vibes\"";
    QTest::newRow("no expected value") << head + "\"expect\": [{\"at\": \"1s\", \"check\": \"controller\"}]}"
                                       << "2:12: expect[0]: missing the expected value";
    QTest::newRow("two expected values") << head + "\"expect\": [{\"at\": \"1s\", \"check\": \"controller\", \"equals\": 1, \"atMost\": 2}]}"
                                         << "2:12: expect[0]: give one of";
    QTest::newRow("bound on a state") << head + "\"expect\": [{\"at\": \"1s\", \"check\": \"groupState\", \"group\": \"g\", \"atLeast\": 1}]}"
                                      << "2:73: expect[0].atLeast: \"groupState\" is not a number";
    QTest::newRow("unknown group state") << head + "\"expect\": [{\"at\": \"1s\", \"check\": \"groupState\", \"group\": \"g\", \"equals\": \"Happy\"}]}"
                                         << "2:72: expect[0].equals: unknown group state \"Happy\"";
    QTest::newRow("isr not a list") << head + "\"expect\": [{\"at\": \"1s\", \"check\": \"isr\", \"topic\": \"t\", \"partition\": 0, \"equals\": 1}]}"
                                    << "2:81: expect[0].equals: expected a non-empty array of broker ids";
    QTest::newRow("zero session timeout") << head + "\"cluster\": {\"brokers\": 3, \"brokerSessionTimeout\": \"0s\"}}"
                                          << "2:51: cluster.brokerSessionTimeout: expected at least 1ms";
    QTest::newRow("narration without text") << head + "\"narration\": [{\"at\": \"1s\"}]}"
                                            << "2:15: narration[0]: missing required field \"text\"";
}

void TestScenario::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QByteArray utf8 = text.toUtf8();
    const auto r = parseScenario(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    QVERIFY2(!r.scenario, "accepted");
    QVERIFY(!r.errors.empty());
    const QString first = QString::fromStdString(r.errors.front().format("x.json"));
    QVERIFY2(first.startsWith(QStringLiteral("x.json:") + expected), qPrintable(first));
}

void TestScenario::warnings()
{
    const auto r = parseScenario(R"({"kafkascope": 1, "title": {"en": "Only English"},
  "topics": [{"name": "t", "partitions": 1, "replicas": 3}],
  "narration": [{"at": "1s", "text": {"ko": "한국어만"}}]})");
    QVERIFY(r.scenario);
    QCOMPARE(r.warnings.size(), std::size_t{3});
    QCOMPARE(QString::fromStdString(r.warnings[0].format("w.json")),
             QStringLiteral("w.json:1:28: title: no Korean text (\"ko\"): English is shown in Korean too"));
    QCOMPARE(QString::fromStdString(r.warnings[1].format("w.json")),
             QStringLiteral("w.json:2:45: topics[0].replicas: unknown field (ignored)"));
    QVERIFY(QString::fromStdString(r.warnings[2].format("w.json")).startsWith(QStringLiteral("w.json:3:38: narration[0].text: no English")));
}

void TestScenario::timeIsSorted()
{
    const Scenario s = parsedOk(R"({"kafkascope": 1, "title": "t",
  "timeline": [{"at": "9s", "do": "healNetwork"}, {"at": "1s", "do": "addBroker"}, {"at": "9s", "do": "addBroker"}],
  "expect": [{"at": "2m", "check": "controller", "equals": 0}, {"at": "500ms", "check": "controller", "equals": 0}]})");
    QCOMPARE(s.timeline[0].kind, ScenarioAction::Kind::AddBroker);
    QCOMPARE(s.timeline[1].kind, ScenarioAction::Kind::HealNetwork); // equal times keep the file's order
    QCOMPARE(s.timeline[2].kind, ScenarioAction::Kind::AddBroker);
    QCOMPARE(s.expectations[0].at, SimTime::fromMillis(500));
    QCOMPARE(s.end(), SimTime::fromMillis(125000));
}

void TestScenario::runnerAppliesActionsAndChecks()
{
    const Scenario s = parsedOk(kBase);
    ScenarioRunner runner(s);
    auto made = runner.makeCluster();
    QVERIFY(made.isOk());
    Cluster &cluster = *made.value();
    const std::size_t setUpActions = cluster.actions().size(); // brokers, topic, clients
    runner.advanceTo(cluster, SimTime::fromMillis(5500));
    QCOMPARE(runner.actionsDone(), std::size_t{1});
    QVERIFY(!cluster.brokers().at(BrokerId{0}).alive);
    QCOMPARE(runner.results().size(), std::size_t{1}); // only the 4 s check so far
    runner.advanceTo(cluster, s.end());
    QVERIFY(runner.finished());
    QCOMPARE(runner.results().size(), s.expectations.size());
    for (const auto &r : runner.results())
        QVERIFY2(r.passed, (r.expected + "; found " + r.found).c_str());
    QCOMPARE(runner.failedCount(), std::size_t{0});
    QVERIFY(runner.actionFailures().empty());
    // The actions went through the cluster's API: a rewind replays them.
    QCOMPARE(cluster.actions().size(), setUpActions + 1);
}

void TestScenario::failedExpectationSaysWhatWasFound()
{
    std::string text = kBase;
    text.replace(text.find("\"equals\": 1}"), 12, "\"equals\": 2}");
    const Scenario s = parsedOk(text);
    ScenarioRunner runner(s);
    auto made = runner.makeCluster();
    runner.advanceTo(*made.value(), s.end());
    QCOMPARE(runner.failedCount(), std::size_t{1});
    const auto &failed = runner.results()[1];
    QVERIFY(!failed.passed);
    QCOMPARE(failed.expected, std::string("leader of orders-0 = 2"));
    QCOMPARE(failed.found, std::string("1"));
    QCOMPARE(failed.expectation->position.line, 11);
}

void TestScenario::failedActionIsReported()
{
    const Scenario s = parsedOk(R"({"kafkascope": 1, "title": "t",
  "timeline": [{"at": "1s", "do": "killBroker", "broker": 7}, {"at": "2s", "do": "crashConsumer", "consumer": "nobody"}]})");
    ScenarioRunner runner(s);
    auto made = runner.makeCluster();
    runner.advanceTo(*made.value(), s.end());
    QCOMPARE(runner.actionFailures().size(), std::size_t{2});
    QVERIFY(runner.actionFailures()[0].message.find('7') != std::string::npos);
    QVERIFY(runner.actionFailures()[1].message.find("nobody") != std::string::npos);
    QCOMPARE(runner.actionFailures()[0].action->position.line, 2);
}

void TestScenario::sameSeedSameRun()
{
    const Scenario s = parsedOk(kBase);
    const auto run = [&](std::optional<std::uint64_t> seed) {
        ScenarioRunner runner(s);
        auto made = runner.makeCluster(seed);
        runner.advanceTo(*made.value(), s.end());
        return made.value()->stateHash().hex();
    };
    QCOMPARE(run(std::nullopt), run(std::nullopt));
    QCOMPARE(run(std::nullopt), run(42));
    QVERIFY(run(std::nullopt) != run(7));
}

void TestScenario::builtInLessons_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(KAFKASCOPE_LESSONS_DIR));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestScenario::builtInLessons()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const auto parsed = parseScenario(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    for (const auto &e : parsed.errors)
        qWarning("%s", e.format(path.toStdString()).c_str());
    QVERIFY(parsed.scenario);
    QVERIFY2(parsed.warnings.empty(), parsed.warnings.empty() ? "" : parsed.warnings.front().format(path.toStdString()).c_str());
    const Scenario &s = *parsed.scenario;
    // A lesson speaks both languages and checks what it teaches.
    QVERIFY(!s.title.en.empty() && !s.title.ko.empty());
    QVERIFY(!s.summary.en.empty() && !s.summary.ko.empty());
    QVERIFY(!s.narration.empty());
    QVERIFY(!s.expectations.empty());
    ScenarioRunner runner(s);
    auto made = runner.makeCluster();
    QVERIFY2(made.isOk(), made.isOk() ? "" : made.status().message().c_str());
    runner.advanceTo(*made.value(), s.end());
    for (const auto &f : runner.actionFailures())
        QFAIL((f.action->path + ": " + f.message).c_str());
    QCOMPARE(runner.results().size(), s.expectations.size());
    for (const auto &r : runner.results())
        QVERIFY2(r.passed, (r.expectation->path + ": " + r.expected + "; found " + r.found).c_str());
}

void TestScenario::racksPlaceReplicasRackAware()
{
    const Scenario s = parsedOk(R"({
  "kafkascope": 1, "title": "Racks",
  "cluster": {"brokers": 6, "racks": ["rack1", "rack3", "rack3", "rack2", "rack2", "rack1"]},
  "topics": [{"name": "t", "partitions": 7, "replicationFactor": 3, "placementStartIndex": 0}],
  "timeline": [{"at": "1s", "do": "addBroker", "rack": "rack4"}, {"at": "2s", "do": "addBroker"},
               {"at": "3s", "do": "createTopic", "topic": {"name": "u", "partitions": 1}}]
})");
    QCOMPARE(s.racks.size(), std::size_t{6});
    ScenarioRunner runner(s);
    auto made = runner.makeCluster();
    QVERIFY2(made.isOk(), made.isOk() ? "" : made.status().message().c_str());
    Cluster &cluster = *made.value();
    QCOMPARE(cluster.brokers().at(BrokerId{3}).rack.value(), std::string("rack2"));
    // Kafka's documented rack-aware example (AdminUtils): 0,3,1 for partition 0 ... 0,4,2 for 6.
    const auto replicasOf = [&](const char *topic, int p) {
        std::vector<int> ids;
        for (BrokerId b : cluster.topic(topic)->state(PartitionId{p}).assignment)
            ids.push_back(b.value());
        return ids;
    };
    QCOMPARE(replicasOf("t", 0), (std::vector<int>{0, 3, 1}));
    QCOMPARE(replicasOf("t", 5), (std::vector<int>{2, 0, 3}));
    QCOMPARE(replicasOf("t", 6), (std::vector<int>{0, 4, 2}));
    runner.advanceTo(cluster, SimTime::fromMillis(4000));
    QCOMPARE(cluster.brokers().at(BrokerId{6}).rack.value(), std::string("rack4"));
    QVERIFY(!cluster.brokers().at(BrokerId{7}).rack);
    // A broker without a rack among brokers with racks: Kafka refuses to place new topics.
    QCOMPARE(runner.actionFailures().size(), std::size_t{1});
    QVERIFY2(runner.actionFailures().front().message.find("not all brokers have rack information") != std::string::npos,
             runner.actionFailures().front().message.c_str());
}

QTEST_APPLESS_MAIN(TestScenario)
#include "tst_scenario.moc"
