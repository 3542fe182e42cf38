// Writing scenarios (what File › Save Session as Scenario… writes): every built-in lesson survives
// a write and a read unchanged and replays to the same cluster; the demo written to a file is
// still the demo; microsecond times, exact rates and every action kind round-trip; what the format
// cannot state is refused with its path.
#include "scenario/demo_scenario.h"
#include "cluster/report.h"
#include "scenario/scenario_runner.h"
#include "scenario/scenario_writer.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace kafkascope;

class TestScenarioWriter : public QObject
{
    Q_OBJECT

private slots:
    void lessonsRoundTrip_data();
    void lessonsRoundTrip();
    void demoWrittenAndReadBackIsTheDemo();
    void everyActionKindRoundTrips();
    void microsecondTimesAndExactRates();
    void refusesWhatTheFormatCannotState_data();
    void refusesWhatTheFormatCannotState();
};

namespace {

Scenario parsedOk(const std::string &text)
{
    auto r = parseScenario(text);
    if (!r.scenario) {
        std::string all;
        for (const auto &e : r.errors)
            all += e.format("written.json") + "\n";
        qFatal("%s\n%s", all.c_str(), text.c_str());
    }
    return std::move(*r.scenario);
}

std::string writtenOk(const Scenario &s)
{
    auto w = writeScenario(s);
    if (!w.isOk())
        qFatal("%s", w.status().message().c_str());
    return w.value();
}

// Runs `s` to its end; the cluster's state hash, its report and the expectation outcomes (by time:
// a written file lists them in time order, so their paths may differ from the original's).
struct Outcome {
    std::uint64_t stateHash = 0;
    std::string report;
    std::vector<std::string> results;
};

Outcome runToEnd(const Scenario &s)
{
    ScenarioRunner runner(s);
    auto made = runner.makeCluster();
    if (!made.isOk())
        qFatal("%s", made.status().message().c_str());
    Cluster &cluster = *made.value();
    runner.advanceTo(cluster, s.end());
    Outcome o;
    o.stateHash = cluster.stateHash().value();
    o.report = clusterReportJson(cluster, "test");
    for (const auto &r : runner.results())
        o.results.push_back(formatSimTime(r.expectation->at) + (r.passed ? " passed: " : " FAILED: ") + r.expected + " / " + r.found);
    for (const auto &f : runner.actionFailures())
        o.results.push_back(formatSimTime(f.action->at) + " refused: " + f.message);
    return o;
}

} // namespace

void TestScenarioWriter::lessonsRoundTrip_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(KAFKASCOPE_LESSONS_DIR));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestScenarioWriter::lessonsRoundTrip()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const Scenario original = parsedOk(std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())));

    const std::string written = writtenOk(original);
    const auto reread = parseScenario(written);
    QVERIFY2(reread.scenario, written.c_str());
    QVERIFY2(reread.warnings.empty(), reread.warnings.empty() ? "" : reread.warnings.front().format("written.json").c_str());
    // Writing what was read back gives the same text: nothing was lost or changed on the way.
    QCOMPARE(writtenOk(*reread.scenario), written);
    QCOMPARE(reread.scenario->timeline.size(), original.timeline.size());
    QCOMPARE(reread.scenario->narration.size(), original.narration.size());
    QCOMPARE(reread.scenario->expectations.size(), original.expectations.size());
    QCOMPARE(reread.scenario->end(), original.end());

    // And it plays the same: the same cluster at the end, the same checks with the same outcomes.
    const Outcome a = runToEnd(original);
    const Outcome b = runToEnd(*reread.scenario);
    QCOMPARE(b.stateHash, a.stateHash);
    QCOMPARE(b.report, a.report);
    QCOMPARE(b.results, a.results);
}

// The demo is defined as a scenario (demoScenario); written to a file and read back, it must still
// build the demo: the same cluster, event for event, and the same report.
void TestScenarioWriter::demoWrittenAndReadBackIsTheDemo()
{
    for (const std::uint64_t seed : {std::uint64_t{1}, kDefaultSeed}) {
        auto demo = makeDemoCluster(seed);
        const std::string text = writtenOk(demoScenario(seed));
        const Scenario reread = parsedOk(text);
        QCOMPARE(reread.seed, seed);
        ScenarioRunner runner(reread);
        auto made = runner.makeCluster();
        QVERIFY2(made.isOk(), made.isOk() ? "" : made.status().message().c_str());
        Cluster &fromFile = *made.value();
        QCOMPARE(fromFile.stateHash().value(), demo->stateHash().value());
        demo->runUntil(SimTime::fromMillis(20000));
        fromFile.runUntil(SimTime::fromMillis(20000));
        QVERIFY(demo->stateHash().value() != 0);
        QCOMPARE(fromFile.stateHash().value(), demo->stateHash().value());
        QCOMPARE(clusterReportJson(fromFile, "test"), clusterReportJson(*demo, "test"));
    }
}

void TestScenarioWriter::everyActionKindRoundTrips()
{
    // One action of every kind, with the fields each one has; written, read and written again.
    const std::string text = R"({
  "kafkascope": 1,
  "title": {"en": "All actions", "ko": "모든 동작"},
  "cluster": {"brokers": 4, "racks": ["a", "b", "a", "b"], "retentionCheckInterval": "2s", "cleanerBackoff": "1500ms", "brokerSessionTimeout": "12s",
              "network": {"latency": "3ms", "jitter": "250us", "loss": 0.01}},
  "topics": [{"name": "t", "partitions": 3, "replicationFactor": 3, "minInsyncReplicas": 2, "retention": "forever",
              "cleanupPolicy": "compact,delete", "segmentBytes": 4096, "retentionBytes": 100000}],
  "producers": [{"clientId": "p", "topic": "t", "rate": 12.5, "bursts": {"on": "2s", "off": "500ms"},
                 "keys": {"hot": 50, "hotKeys": 3, "hotShare": 0.9}, "valueBytes": 10, "acks": 1,
                 "idempotence": false, "linger": "20ms", "batchSize": 1024, "partitioner": "round-robin",
                 "maxInFlight": 1, "retryBackoff": "50ms", "requestTimeout": "10s", "deliveryTimeout": "1m"}],
  "consumers": [{"clientId": "c", "topic": "t", "group": "g", "subscription": ["t"], "assignors": ["sticky", "range"],
                 "autoCommit": false, "manualCommit": "async", "autoOffsetReset": "latest", "pollInterval": "150ms",
                 "maxPollRecords": 7, "processingPerRecord": "2ms", "processing": "hand-off", "sessionTimeout": "10s",
                 "heartbeatInterval": "1s", "maxPollInterval": "30s", "groupInstanceId": "c-static",
                 "metadataMaxAge": "45s"}],
  "timeline": [
    {"at": "1s", "do": "killBroker", "broker": 1},
    {"at": "1001ms", "do": "restartBroker", "broker": 1},
    {"at": "2s", "do": "shutdownBroker", "broker": 2},
    {"at": "2s", "do": "addBroker", "rack": "c"},
    {"at": "3s", "do": "decommissionBroker", "broker": 3},
    {"at": "3500us", "do": "isolateBroker", "broker": 0},
    {"at": "4s", "do": "splitNetwork", "sides": [[0, 1], [2]]},
    {"at": "5s", "do": "healNetwork"},
    {"at": "6s", "do": "electPreferredLeaders"},
    {"at": "7s", "do": "createTopic", "topic": {"name": "u", "partitions": 2}},
    {"at": "8s", "do": "addPartitions", "topic": "u", "partitions": 5},
    {"at": "9s", "do": "deleteTopic", "topic": "u"},
    {"at": "10s", "do": "addProducer", "producer": {"clientId": "p2", "topic": "t", "rate": 3, "keys": {"zipf": 20, "exponent": 1.2}}},
    {"at": "11s", "do": "addConsumer", "consumer": {"clientId": "c2", "topic": "t"}},
    {"at": "12s", "do": "closeConsumer", "consumer": "c2"},
    {"at": "13s", "do": "crashConsumer", "consumer": "c"},
    {"at": "14s", "do": "setProcessingTime", "consumer": "c", "processingPerRecord": "750us"},
    {"at": "15s", "do": "produce", "topic": "t", "records": [{"key": "k", "value": "v"}, {"key": null, "value": null}, {"key": ""}]},
    {"at": "15500ms", "do": "slowBroker", "broker": 1, "delay": "300ms"},
    {"at": "15500ms", "do": "setNetwork", "latency": "5ms", "loss": 0.125},
    {"at": "16s", "do": "resetOffsets", "group": "g", "to": "earliest"},
    {"at": "16s", "do": "resetOffsets", "group": "g", "topic": "t", "to": "latest"},
    {"at": "16s", "do": "resetOffsets", "group": "g", "topic": "t", "partition": 2, "to": {"offset": 5}},
    {"at": "16s", "do": "resetOffsets", "group": "g", "topic": "t", "to": {"shiftBy": -3}}
  ],
  "narration": [{"at": "0s", "text": {"en": "Hello", "ko": "안녕"}, "pause": true}, {"at": "1s", "text": "Both"}],
  "expect": [
    {"at": "2s", "check": "leader", "topic": "t", "partition": 0, "equals": null},
    {"at": "2s", "check": "isr", "topic": "t", "partition": 0, "equals": []},
    {"at": "2s", "check": "committed", "topic": "t", "partition": 0, "group": "g", "atLeast": 3},
    {"at": "2s", "check": "lag", "topic": "t", "group": "g", "atMost": 9, "description": {"en": "small", "ko": "작음"}},
    {"at": "2s", "check": "brokerAlive", "broker": 2, "equals": false},
    {"at": "2s", "check": "assignment", "group": "g", "member": "c", "equals": ["t-0"]},
    {"at": "2s", "check": "groupState", "group": "g", "equals": "Stable"},
    {"at": "2s", "check": "controller", "equals": 0}
  ]
})";
    const Scenario s = parsedOk(text);
    const std::string written = writtenOk(s);
    const Scenario back = parsedOk(written);
    QCOMPARE(writtenOk(back), written);
    QCOMPARE(back.timeline.size(), s.timeline.size());
    for (std::size_t i = 0; i < s.timeline.size(); ++i) {
        QCOMPARE(back.timeline[i].kind, s.timeline[i].kind);
        QCOMPARE(back.timeline[i].at, s.timeline[i].at);
    }
    QCOMPARE(back.timeline[0].kind, ScenarioAction::Kind::IsolateBroker); // 3500us sorts first
    QCOMPARE(back.timeline[0].at, SimTime::fromMicros(3500));
    const auto &shift = back.timeline.back();
    QCOMPARE(shift.kind, ScenarioAction::Kind::ResetOffsets);
    QCOMPARE(shift.reset.spec.kind, OffsetResetKind::ShiftBy);
    QCOMPARE(shift.reset.spec.value, std::int64_t{-3});
    const auto &toOffset = back.timeline[back.timeline.size() - 2];
    QCOMPARE(toOffset.reset.partition.value().value(), 2);
    QCOMPARE(toOffset.reset.spec.value, std::int64_t{5});
    QCOMPARE(back.producers[0].rate->onPeriod().micros(), std::int64_t{2000000});
    QCOMPARE(back.producers[0].keys.hotCount(), std::size_t{3});
    QCOMPARE(back.producers[0].keys.hotShare(), 0.9);
    QCOMPARE(back.timeline[12].producer.keys.exponent(), 1.2);
    QCOMPARE(back.consumers[0].groupInstanceId.value(), std::string("c-static"));
    QCOMPARE(back.consumers[0].processingTimePerRecord.micros(), std::int64_t{2000});
    QCOMPARE(back.retentionCheckIntervalMs.value(), std::int64_t{2000});
    QCOMPARE(back.cleanerBackoffMs.value(), std::int64_t{1500});
    QCOMPARE(back.brokerSessionTimeoutMs.value(), std::int64_t{12000});
    QCOMPARE(back.racks, (std::vector<std::string>{"a", "b", "a", "b"}));
    QCOMPARE(back.timeline[4].kind, ScenarioAction::Kind::AddBroker);
    QCOMPARE(back.timeline[4].rack.value(), std::string("c"));
    QCOMPARE(back.consumers[0].metadataMaxAgeMs, std::int32_t{45000});
    QCOMPARE(back.narration[0].text.ko, std::string("안녕"));
    QVERIFY(back.narration[0].pause);
    QCOMPARE(back.expectations[3].description.ko, std::string("작음"));
    QVERIFY(back.expectations[0].expectNull);
    QCOMPARE(back.expectations[4].number.value(), std::int64_t{0});
    QCOMPARE(back.network.latency, SimDuration::millis(3));
    QCOMPARE(back.network.jitter, SimDuration::micros(250));
    QCOMPARE(back.network.loss, 0.01);
    const auto &slow = back.timeline[back.timeline.size() - 6];
    QCOMPARE(slow.kind, ScenarioAction::Kind::SlowBroker);
    QCOMPARE(slow.broker, 1);
    QCOMPARE(slow.delay, SimDuration::millis(300));
    const auto &setNetwork = back.timeline[back.timeline.size() - 5];
    QCOMPARE(setNetwork.kind, ScenarioAction::Kind::SetNetwork);
    QCOMPARE(setNetwork.latency, std::optional<SimDuration>(SimDuration::millis(5)));
    QVERIFY(!setNetwork.jitter);
    QCOMPARE(setNetwork.loss, std::optional<double>(0.125));
}

void TestScenarioWriter::microsecondTimesAndExactRates()
{
    Scenario s = demoScenario(5);
    s.until = SimTime::fromMicros(7'654'321);
    s.producers[0].rate = RateModel::constant(1.0 / 3.0).value();
    ScenarioAction kill;
    kill.kind = ScenarioAction::Kind::KillBroker;
    kill.broker = 2;
    kill.at = SimTime::fromMicros(1'234'567);
    s.timeline.push_back(kill);
    const std::string written = writtenOk(s);
    QVERIFY2(written.find("\"1234567us\"") != std::string::npos, written.c_str());
    QVERIFY2(written.find("\"7654321us\"") != std::string::npos, written.c_str());
    const Scenario back = parsedOk(written);
    QCOMPARE(back.until.value(), SimTime::fromMicros(7'654'321));
    QCOMPARE(back.timeline.at(0).at, SimTime::fromMicros(1'234'567));
    QCOMPARE(back.producers[0].rate->recordsPerSecond(), 1.0 / 3.0); // bit for bit
    QCOMPARE(back.seed, std::uint64_t{5});
    QCOMPARE(runToEnd(back).stateHash, runToEnd(s).stateHash);
}

void TestScenarioWriter::refusesWhatTheFormatCannotState_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("fixed-interval rate") << 0 << "producers[0].rate: a fixed-interval rate";
    QTest::newRow("varying value sizes") << 1 << "producers[1].valueBytes: values of varying size";
    QTest::newRow("named hot keys") << 2 << "producers[0].keys: hot keys with names of their own";
    QTest::newRow("fetch settings") << 3 << "consumers[2]: fetch settings";
    QTest::newRow("segment.ms") << 4 << "topics[1]: a topic config the format has no field for";
    QTest::newRow("action's producer") << 5 << "timeline[0].producer: partitioner.ignore.keys";
}

void TestScenarioWriter::refusesWhatTheFormatCannotState()
{
    QFETCH(int, which);
    QFETCH(QString, mentions);
    Scenario s = demoScenario(1);
    switch (which) {
    case 0: s.producers[0].rate = RateModel::fixedInterval(5).value(); break;
    case 1: s.producers[1].values = ValueGenerator::uniformSize(1, 10).value(); break;
    case 2: s.producers[0].keys = KeyDistribution::hotKeys({"a"}, {"b", "c"}, 0.5).value(); break;
    case 3: s.consumers[2].fetchMinBytes = 1024; break;
    case 4: s.topics[1].settings.log.segmentMs = 1000; break;
    case 5: {
        ScenarioAction add;
        add.kind = ScenarioAction::Kind::AddProducer;
        add.producer = s.producers[0];
        add.producer.clientId = "other";
        add.producer.partitionerIgnoreKeys = true;
        s.timeline.push_back(add);
        break;
    }
    default: QFAIL("no such case");
    }
    const auto w = writeScenario(s);
    QVERIFY(!w.isOk());
    QCOMPARE(w.status().code(), Status::Code::InvalidArgument);
    QVERIFY2(QString::fromStdString(w.status().message()).contains(mentions), w.status().message().c_str());
}

QTEST_APPLESS_MAIN(TestScenarioWriter)
#include "tst_scenariowriter.moc"
