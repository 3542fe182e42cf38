// Network conditions in scenario files: cluster.network and the slowBroker and setNetwork actions
// are parsed (with errors that name the line and the field), run on the cluster's network and
// written back by the scenario writer.
#include "scenario/scenario.h"
#include "scenario/scenario_runner.h"
#include "scenario/scenario_writer.h"

#include <QtTest>

using namespace kafkascope;

class TestScenarioNetwork : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void errors_data();
    void errors();
    void unknownFieldIsAWarning();
    void slowFollowerLeavesTheIsrAndRejoins();
    void lossStopsAcknowledgements();
    void latencyDelaysProduceRequests();
    void clusterNetworkAppliesFromTheStart();
    void writerRoundTrip();
    void slowLinkDelaysReplication();
    void linkLatencyRoundTrip();
};

namespace {

Scenario parsedOk(const std::string &text)
{
    const auto r = parseScenario(text);
    if (!r.errors.empty())
        qWarning("%s", r.errors.front().format("test.json").c_str());
    if (!r.scenario)
        return Scenario{};
    return *r.scenario;
}

const char *kHead = "{\"kafkascope\": 1, \"title\": \"t\",\n";

// One partition on brokers 0 (leader), 1 and 2, acks=all writes.
const std::string kReplicated = R"({"kafkascope": 1, "title": "slow follower", "seed": 7,
  "cluster": {"brokers": 3},
  "topics": [{"name": "orders", "partitions": 1, "replicationFactor": 3, "minInsyncReplicas": 2, "placementStartIndex": 0}],
  "producers": [{"clientId": "checkout", "topic": "orders", "rate": 20, "acks": "all"}],
  "timeline": [)";

} // namespace

void TestScenarioNetwork::parses_data()
{
    QTest::addColumn<QString>("cluster");  // the "cluster" object's extra members
    QTest::addColumn<QString>("timeline"); // the timeline's one action
    QTest::addColumn<qint64>("latencyUs");
    QTest::addColumn<qint64>("jitterUs");
    QTest::addColumn<double>("loss");
    QTest::addColumn<int>("kind"); // -1: no action
    QTest::addColumn<int>("broker");
    QTest::addColumn<qint64>("delayUs");
    QTest::addColumn<QString>("given"); // setNetwork: which of l(atency), j(itter), o (loss) it has

    QTest::newRow("defaults") << "" << "" << qint64{2000} << qint64{0} << 0.0 << -1 << -1 << qint64{0} << "";
    QTest::newRow("cluster.network all") << R"(, "network": {"latency": "10ms", "jitter": "5ms", "loss": 0.25})" << ""
                                         << qint64{10000} << qint64{5000} << 0.25 << -1 << -1 << qint64{0} << "";
    QTest::newRow("cluster.network latency only") << R"(, "network": {"latency": "1500us"})" << "" << qint64{1500}
                                                  << qint64{0} << 0.0 << -1 << -1 << qint64{0} << "";
    QTest::newRow("cluster.network loss 1 as integer") << R"(, "network": {"loss": 1})" << "" << qint64{2000} << qint64{0}
                                                       << 1.0 << -1 << -1 << qint64{0} << "";
    QTest::newRow("cluster.network empty") << R"(, "network": {})" << "" << qint64{2000} << qint64{0} << 0.0 << -1 << -1
                                           << qint64{0} << "";
    QTest::newRow("slowBroker") << "" << R"({"at": "1s", "do": "slowBroker", "broker": 2, "delay": "20s"})" << qint64{2000}
                                << qint64{0} << 0.0 << static_cast<int>(ScenarioAction::Kind::SlowBroker) << 2
                                << qint64{20'000'000} << "";
    QTest::newRow("slowBroker 0ms") << "" << R"({"at": "1s", "do": "slowBroker", "broker": 0, "delay": "0ms"})" << qint64{2000}
                                    << qint64{0} << 0.0 << static_cast<int>(ScenarioAction::Kind::SlowBroker) << 0
                                    << qint64{0} << "";
    QTest::newRow("setNetwork loss") << "" << R"({"at": "1s", "do": "setNetwork", "loss": 0.5})" << qint64{2000} << qint64{0}
                                     << 0.0 << static_cast<int>(ScenarioAction::Kind::SetNetwork) << -1 << qint64{0} << "o";
    QTest::newRow("setNetwork all") << "" << R"({"at": "1s", "do": "setNetwork", "latency": "1s", "jitter": "0ms", "loss": 0})"
                                    << qint64{2000} << qint64{0} << 0.0 << static_cast<int>(ScenarioAction::Kind::SetNetwork)
                                    << -1 << qint64{0} << "ljo";
    QTest::newRow("setNetwork jitter") << "" << R"({"at": "1s", "do": "setNetwork", "jitter": "3ms"})" << qint64{2000}
                                       << qint64{0} << 0.0 << static_cast<int>(ScenarioAction::Kind::SetNetwork) << -1
                                       << qint64{0} << "j";
}

void TestScenarioNetwork::parses()
{
    QFETCH(QString, cluster);
    QFETCH(QString, timeline);
    QFETCH(qint64, latencyUs);
    QFETCH(qint64, jitterUs);
    QFETCH(double, loss);
    QFETCH(int, kind);
    QFETCH(int, broker);
    QFETCH(qint64, delayUs);
    QFETCH(QString, given);
    const std::string text = std::string(kHead) + "\"cluster\": {\"brokers\": 3" + cluster.toStdString() + "},\n\"timeline\": ["
                             + timeline.toStdString() + "]}";
    const auto r = parseScenario(text);
    QVERIFY2(r.scenario, r.errors.empty() ? "no scenario" : r.errors.front().format("x.json").c_str());
    QVERIFY(r.warnings.empty());
    const Scenario &s = *r.scenario;
    QCOMPARE(s.network.latency.micros(), latencyUs);
    QCOMPARE(s.network.jitter.micros(), jitterUs);
    QCOMPARE(s.network.loss, loss);
    if (kind < 0) {
        QVERIFY(s.timeline.empty());
        return;
    }
    QCOMPARE(s.timeline.size(), std::size_t{1});
    const ScenarioAction &a = s.timeline.front();
    QCOMPARE(static_cast<int>(a.kind), kind);
    if (a.kind == ScenarioAction::Kind::SlowBroker) {
        QCOMPARE(a.broker, broker);
        QCOMPARE(a.delay.micros(), delayUs);
    } else {
        QCOMPARE(a.latency.has_value(), given.contains('l'));
        QCOMPARE(a.jitter.has_value(), given.contains('j'));
        QCOMPARE(a.loss.has_value(), given.contains('o'));
        if (a.loss)
            QCOMPARE(*a.loss, QString(text.c_str()).contains("0.5") ? 0.5 : 0.0);
        if (a.jitter)
            QCOMPARE(a.jitter->micros(), given == "j" ? qint64{3000} : qint64{0});
        if (a.latency)
            QCOMPARE(a.latency->micros(), qint64{1'000'000});
    }
}

void TestScenarioNetwork::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // "line:column: path: message" (a prefix)
    const QString head = QString::fromLatin1(kHead);
    QTest::newRow("network not an object") << head + "\"cluster\": {\"brokers\": 3, \"network\": 5}}"
                                           << "2:38: cluster.network: expected an object, found a number";
    QTest::newRow("negative latency") << head + "\"cluster\": {\"brokers\": 3, \"network\": {\"latency\": \"-5ms\"}}}"
                                      << "2:50: cluster.network.latency: '-5ms' is not a duration";
    QTest::newRow("latency as a number") << head + "\"cluster\": {\"brokers\": 3, \"network\": {\"latency\": 5}}}"
                                         << "2:50: cluster.network.latency: expected a duration in a string";
    QTest::newRow("negative jitter") << head + "\"cluster\": {\"brokers\": 3, \"network\": {\"jitter\": \"-1ms\"}}}"
                                     << "2:49: cluster.network.jitter: '-1ms' is not a duration";
    QTest::newRow("loss 1.5") << head + "\"cluster\": {\"brokers\": 3, \"network\": {\"loss\": 1.5}}}"
                              << "2:47: cluster.network.loss: expected a number from 0 to 1, found 1.5";
    QTest::newRow("negative loss") << head + "\"cluster\": {\"brokers\": 3, \"network\": {\"loss\": -0.1}}}"
                                   << "2:47: cluster.network.loss: expected a number from 0 to 1, found -0.1";
    QTest::newRow("loss as a string") << head + "\"cluster\": {\"brokers\": 3, \"network\": {\"loss\": \"10%\"}}}"
                                      << "2:47: cluster.network.loss: expected a number from 0 to 1, found a string";
    QTest::newRow("slowBroker without broker") << head + "\"timeline\": [\n{\"at\": \"1s\", \"do\": \"slowBroker\", \"delay\": \"1s\"}]}"
                                               << "3:1: timeline[0]: missing required field \"broker\"";
    QTest::newRow("slowBroker without delay") << head + "\"timeline\": [\n{\"at\": \"1s\", \"do\": \"slowBroker\", \"broker\": 1}]}"
                                              << "3:1: timeline[0]: missing required field \"delay\"";
    QTest::newRow("slowBroker negative delay")
        << head + "\"timeline\": [\n{\"at\": \"1s\", \"do\": \"slowBroker\", \"broker\": 1, \"delay\": \"-2s\"}]}"
        << "3:56: timeline[0].delay: '-2s' is not a duration";
    QTest::newRow("slowBroker delay as a number")
        << head + "\"timeline\": [\n{\"at\": \"1s\", \"do\": \"slowBroker\", \"broker\": 1, \"delay\": 500}]}"
        << "3:56: timeline[0].delay: expected a duration in a string";
    QTest::newRow("setNetwork with no field") << head + "\"timeline\": [\n{\"at\": \"1s\", \"do\": \"setNetwork\"}]}"
                                              << "3:1: timeline[0]: expected at least one of \"latency\", \"jitter\" and \"loss\"";
    QTest::newRow("setNetwork loss 1.5") << head + "\"timeline\": [\n{\"at\": \"1s\", \"do\": \"setNetwork\", \"loss\": 1.5}]}"
                                         << "3:42: timeline[0].loss: expected a number from 0 to 1, found 1.5";
    QTest::newRow("setNetwork negative latency")
        << head + "\"timeline\": [\n{\"at\": \"1s\", \"do\": \"setNetwork\", \"latency\": \"-3ms\"}]}"
        << "3:45: timeline[0].latency: '-3ms' is not a duration";
    QTest::newRow("links not an array") << head + "\"cluster\": {\"brokers\": 3, \"network\": {\"links\": 5}}}"
                                        << "2:48: cluster.network.links: expected an array of links";
    QTest::newRow("link without latency")
        << head + "\"cluster\": {\"brokers\": 3, \"network\": {\"links\": [{\"between\": [0, 1]}]}}}"
        << "2:49: cluster.network.links[0]: missing required field \"latency\"";
    QTest::newRow("link to itself")
        << head + "\"cluster\": {\"brokers\": 3, \"network\": {\"links\": [{\"between\": [2, 2], \"latency\": \"5ms\"}]}}}"
        << "2:61: cluster.network.links[0].between: a link joins two different brokers, not broker 2 to itself";
    QTest::newRow("link with three ends")
        << head + "\"cluster\": {\"brokers\": 3, \"network\": {\"links\": [{\"between\": [0, 1, 2], \"latency\": \"5ms\"}]}}}"
        << "2:61: cluster.network.links[0].between: expected the link's two brokers, such as [0, 2], found an array";
    QTest::newRow("link given twice")
        << head
               + "\"cluster\": {\"brokers\": 3, \"network\": {\"links\": [{\"between\": [0, 1], \"latency\": \"5ms\"}, "
                 "{\"between\": [1, 0], \"latency\": \"9ms\"}]}}}"
        << "2:88: cluster.network.links[1]: the link between brokers 0 and 1 is given twice";
    QTest::newRow("setLinkLatency without between")
        << head + "\"timeline\": [\n{\"at\": \"1s\", \"do\": \"setLinkLatency\", \"latency\": \"1s\"}]}"
        << "3:1: timeline[0]: missing required field \"between\"";
    QTest::newRow("setLinkLatency without latency")
        << head + "\"timeline\": [\n{\"at\": \"1s\", \"do\": \"setLinkLatency\", \"between\": [0, 1]}]}"
        << "3:1: timeline[0]: missing required field \"latency\"";
    QTest::newRow("setLinkLatency negative")
        << head + "\"timeline\": [\n{\"at\": \"1s\", \"do\": \"setLinkLatency\", \"between\": [0, 1], \"latency\": \"-1ms\"}]}"
        << "3:68: timeline[0].latency: '-1ms' is not a duration";
}

void TestScenarioNetwork::errors()
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

void TestScenarioNetwork::unknownFieldIsAWarning()
{
    // As everywhere in the format (docs/SCENARIOS.md): an unknown field is named, with its line,
    // and ignored.
    const auto r = parseScenario(std::string(kHead)
                                 + "\"cluster\": {\"brokers\": 3, \"network\": {\"latncy\": \"5ms\"}},\n"
                                   "\"timeline\": [{\"at\": \"1s\", \"do\": \"setNetwork\", \"loss\": 0.1, \"delay\": \"1s\"}]}");
    QVERIFY(r.scenario);
    QCOMPARE(r.warnings.size(), std::size_t{2});
    QCOMPARE(QString::fromStdString(r.warnings[0].format("w.json")),
             QStringLiteral("w.json:2:39: cluster.network.latncy: unknown field (ignored)"));
    QCOMPARE(QString::fromStdString(r.warnings[1].format("w.json")),
             QStringLiteral("w.json:3:60: timeline[0].delay: unknown field (ignored)"));
    QCOMPARE(r.scenario->network, ScenarioNetwork{});
}

void TestScenarioNetwork::slowFollowerLeavesTheIsrAndRejoins()
{
    // Broker 2 follows orders-0. Slowed by 20 s, its fetch round trip (40 s) exceeds
    // replica.lag.time.max.ms (30 s, Kafka's default): the leader drops it from the ISR. At normal
    // speed again, it catches up and rejoins.
    const Scenario s = parsedOk(kReplicated + R"({"at": "5s", "do": "slowBroker", "broker": 2, "delay": "20s"},
    {"at": "80s", "do": "slowBroker", "broker": 2, "delay": "0ms"}],
  "expect": [
    {"at": "4s", "check": "isr", "topic": "orders", "partition": 0, "equals": [0, 1, 2]},
    {"at": "75s", "check": "isr", "topic": "orders", "partition": 0, "equals": [0, 1]},
    {"at": "75s", "check": "brokerAlive", "broker": 2, "equals": true},
    {"at": "140s", "check": "isr", "topic": "orders", "partition": 0, "equals": [0, 1, 2]}]})");
    QCOMPARE(s.timeline.size(), std::size_t{2});
    ScenarioRunner runner(s);
    auto made = runner.makeCluster();
    QVERIFY(made.isOk());
    Cluster &cluster = *made.value();
    runner.advanceTo(cluster, SimTime::fromMillis(75000));
    // Slow, not cut off: the controller still hears its heartbeats and does not fence it.
    QVERIFY(!cluster.brokers().at(BrokerId{2}).fenced);
    runner.advanceTo(cluster, s.end());
    QVERIFY(runner.actionFailures().empty());
    QCOMPARE(runner.results().size(), std::size_t{4});
    for (const auto &r : runner.results())
        QVERIFY2(r.passed, (r.expected + "; found " + r.found).c_str());
    // The broker was slow, not cut off: the controller never fenced it, the leader stayed.
    QCOMPARE(cluster.topic("orders")->state(PartitionId{0}).leader, std::optional<BrokerId>(BrokerId{0}));

    // Without the slowdown, the same run keeps broker 2 in the ISR throughout.
    Scenario unslowed = s;
    unslowed.timeline.clear();
    ScenarioRunner control(unslowed);
    auto other = control.makeCluster();
    QVERIFY(other.isOk());
    control.advanceTo(*other.value(), SimTime::fromMillis(75000));
    QCOMPARE(control.results().size(), std::size_t{3});
    QVERIFY(!control.results()[1].passed); // "ISR = [0, 1]" does not hold
    QCOMPARE(control.results()[1].found, std::string("[0, 1, 2]"));
}

void TestScenarioNetwork::lossStopsAcknowledgements()
{
    // Every message lost from 10 s: no request reaches a broker, so nothing more is acknowledged.
    const auto acknowledged = [](const Scenario &s, SimTime t) {
        ScenarioRunner runner(s);
        auto made = runner.makeCluster();
        runner.advanceTo(*made.value(), t);
        return made.value()->durability()["orders"].acknowledged;
    };
    const Scenario lossy = parsedOk(kReplicated + R"({"at": "10s", "do": "setNetwork", "loss": 1.0}]})");
    QCOMPARE(lossy.timeline.size(), std::size_t{1});
    const std::uint64_t before = acknowledged(lossy, SimTime::fromMillis(10100)); // answers already on their way arrive
    QVERIFY(before > 100);                                                          // 20 records/s for 10 s
    QCOMPARE(acknowledged(lossy, SimTime::fromMillis(40000)), before);

    Scenario clean = lossy;
    clean.timeline.clear();
    QVERIFY(acknowledged(clean, SimTime::fromMillis(40000)) > before + 300);

    // Loss back to 0 (with setNetwork loss 0): the producer's retries get through again.
    const Scenario healed = parsedOk(kReplicated + R"({"at": "10s", "do": "setNetwork", "loss": 1.0},
      {"at": "20s", "do": "setNetwork", "loss": 0}]})");
    QVERIFY(acknowledged(healed, SimTime::fromMillis(90000)) > before + 300);
}

void TestScenarioNetwork::latencyDelaysProduceRequests()
{
    // One record produced at 5 s: with the default 2 ms it is on the leader 300 ms later; after
    // setNetwork raised the latency to 1 s, it is still on its way.
    const std::string base = R"({"kafkascope": 1, "title": "latency",
      "topics": [{"name": "t", "partitions": 1, "placementStartIndex": 0}],
      "timeline": [)";
    const std::string produce = R"({"at": "5s", "do": "produce", "topic": "t", "records": [{"key": "k", "value": "v"}]}],
      "expect": [{"at": "5300ms", "check": "logEndOffset", "topic": "t", "partition": 0, "equals": 1},
                 {"at": "7s", "check": "logEndOffset", "topic": "t", "partition": 0, "equals": 1}]})";
    const auto run = [](const Scenario &s) {
        ScenarioRunner runner(s);
        auto made = runner.makeCluster();
        runner.advanceTo(*made.value(), s.end());
        return runner.results();
    };
    const auto fast = run(parsedOk(base + produce));
    QCOMPARE(fast.size(), std::size_t{2});
    QVERIFY2(fast[0].passed, fast[0].found.c_str());
    QVERIFY(fast[1].passed);

    const auto slow = run(parsedOk(base + R"({"at": "1s", "do": "setNetwork", "latency": "1s"}, )" + produce));
    QCOMPARE(slow.size(), std::size_t{2});
    QVERIFY(!slow[0].passed);
    QCOMPARE(slow[0].found, std::string("0"));
    QVERIFY2(slow[1].passed, slow[1].found.c_str()); // it arrived after 1 s

    // A slow leader delays it the same way.
    const auto slowLeader = run(parsedOk(base + R"({"at": "1s", "do": "slowBroker", "broker": 0, "delay": "1s"}, )" + produce));
    QVERIFY(!slowLeader[0].passed);
    QVERIFY(slowLeader[1].passed);
}

void TestScenarioNetwork::clusterNetworkAppliesFromTheStart()
{
    const Scenario s = parsedOk(R"({"kafkascope": 1, "title": "t",
      "cluster": {"brokers": 3, "network": {"latency": "40ms", "jitter": "1ms", "loss": 0.01}}})");
    ScenarioRunner runner(s);
    auto made = runner.makeCluster();
    QVERIFY(made.isOk());
    QCOMPARE(made.value()->network().defaultLatency(), SimDuration::millis(40));
    // The settings are actions of the cluster, so a rewind (Cluster::restore) replays them.
    auto restored = Cluster::restore(made.value()->snapshot(), SimTime{});
    QVERIFY(restored.isOk());
    QCOMPARE(restored.value()->network().defaultLatency(), SimDuration::millis(40));

    // Without cluster.network the cluster is built exactly as before (no network action at all).
    const Scenario plain = parsedOk(R"({"kafkascope": 1, "title": "t"})");
    ScenarioRunner plainRunner(plain);
    auto plainMade = plainRunner.makeCluster();
    QCOMPARE(made.value()->actions().size(), plainMade.value()->actions().size() + 3);
}

void TestScenarioNetwork::writerRoundTrip()
{
    const Scenario s = parsedOk(R"({"kafkascope": 1, "title": "t",
      "cluster": {"brokers": 3, "network": {"latency": "7ms", "jitter": "1500us", "loss": 0.1}},
      "timeline": [{"at": "1s", "do": "slowBroker", "broker": 1, "delay": "2500ms"},
                   {"at": "2s", "do": "setNetwork", "loss": 0.3333333333333333},
                   {"at": "3s", "do": "setNetwork", "latency": "1s", "jitter": "0ms"},
                   {"at": "4s", "do": "slowBroker", "broker": 1, "delay": "0ms"}]})");
    QCOMPARE(s.timeline.size(), std::size_t{4});
    const auto written = writeScenario(s);
    QVERIFY(written.isOk());
    const std::string &text = written.value();
    QVERIFY2(text.find("\"network\"") != std::string::npos, text.c_str());
    const auto again = parseScenario(text);
    QVERIFY2(again.scenario, again.errors.empty() ? "" : again.errors.front().format("w.json").c_str());
    QVERIFY(again.warnings.empty());
    const Scenario &r = *again.scenario;
    QCOMPARE(r.network, s.network);
    QCOMPARE(r.timeline.size(), s.timeline.size());
    for (std::size_t i = 0; i < s.timeline.size(); ++i) {
        const ScenarioAction &a = s.timeline[i];
        const ScenarioAction &b = r.timeline[i];
        QCOMPARE(b.at, a.at);
        QCOMPARE(static_cast<int>(b.kind), static_cast<int>(a.kind));
        QCOMPARE(b.broker, a.broker);
        QCOMPARE(b.delay, a.delay);
        QCOMPARE(b.latency, a.latency);
        QCOMPARE(b.jitter, a.jitter);
        QCOMPARE(b.loss, a.loss); // to the last bit
    }
    QCOMPARE(*r.timeline[1].loss, 0.3333333333333333);

    // Default conditions are not written at all.
    const auto plain = writeScenario(parsedOk(R"({"kafkascope": 1, "title": "t"})"));
    QVERIFY(plain.isOk());
    QVERIFY(plain.value().find("network") == std::string::npos);
}

void TestScenarioNetwork::slowLinkDelaysReplication()
{
    // Leader 0, followers 1 and 2. The high watermark is the smallest log end offset in the ISR
    // (Kafka's rule), so one follower a second away holds it back for its fetch round trip,
    // although broker 1 has the record within milliseconds.
    const std::string base = R"({"kafkascope": 1, "title": "links",
      "cluster": {"brokers": 3, "network": {"links": [LINKS]}},
      "topics": [{"name": "t", "partitions": 1, "replicationFactor": 3, "placementStartIndex": 0}],
      "timeline": [{"at": "5s", "do": "produce", "topic": "t", "records": [{"key": "k", "value": "v"}]}],
      "expect": [{"at": "5300ms", "check": "highWatermark", "topic": "t", "partition": 0, "equals": 1},
                 {"at": "8s", "check": "highWatermark", "topic": "t", "partition": 0, "equals": 1}]})";
    const auto run = [&](const std::string &links) {
        std::string text = base;
        text.replace(text.find("LINKS"), 5, links);
        const Scenario s = parsedOk(text);
        ScenarioRunner runner(s);
        auto made = runner.makeCluster();
        if (!made.isOk())
            qWarning("%s", made.status().message().c_str());
        runner.advanceTo(*made.value(), s.end());
        return runner.results();
    };
    const auto none = run("");
    QVERIFY(none[0].passed && none[1].passed);
    const auto one = run(R"({"between": [0, 2], "latency": "1s"})");
    QVERIFY(!one[0].passed);
    QCOMPARE(one[0].found, std::string("0"));
    QVERIFY2(one[1].passed, one[1].found.c_str()); // after the slow follower's round trip
    // A slow link between the two followers changes nothing: they do not talk to each other.
    const auto between = run(R"({"between": [1, 2], "latency": "1s"})");
    QVERIFY(between[0].passed && between[1].passed);

    // A link to a broker the cluster does not have: set-up fails and names the link.
    const Scenario bad = parsedOk(R"({"kafkascope": 1, "title": "t",
      "cluster": {"brokers": 3, "network": {"links": [{"between": [0, 7], "latency": "1s"}]}}})");
    ScenarioRunner runner(bad);
    const auto made = runner.makeCluster();
    QVERIFY(!made.isOk());
    QVERIFY2(made.status().message().find("cluster.network.links[0]: no broker 7") != std::string::npos,
             made.status().message().c_str());
}

void TestScenarioNetwork::linkLatencyRoundTrip()
{
    const Scenario s = parsedOk(R"({"kafkascope": 1, "title": "t",
      "cluster": {"brokers": 3, "network": {"links": [{"between": [2, 0], "latency": "30ms"}]}},
      "timeline": [{"at": "1s", "do": "setLinkLatency", "between": [1, 2], "latency": "45ms"},
                   {"at": "2s", "do": "setLinkLatency", "between": [0, 2], "latency": null}]})");
    QCOMPARE(s.network.links.size(), std::size_t{1});
    QCOMPARE(s.network.links[0], (ScenarioLink{0, 2, SimDuration::millis(30)}));
    QCOMPARE(s.timeline[0].between, (std::vector<std::int32_t>{1, 2}));
    QCOMPARE(s.timeline[0].linkLatency, std::optional<SimDuration>(SimDuration::millis(45)));
    QVERIFY(!s.timeline[1].linkLatency);
    const auto written = writeScenario(s);
    QVERIFY(written.isOk());
    const auto again = parseScenario(written.value());
    QVERIFY2(again.scenario, again.errors.empty() ? "" : again.errors.front().format("w.json").c_str());
    QCOMPARE(again.scenario->network, s.network);
    QCOMPARE(again.scenario->timeline.size(), std::size_t{2});
    for (std::size_t i = 0; i < 2; ++i) {
        QCOMPARE(again.scenario->timeline[i].between, s.timeline[i].between);
        QCOMPARE(again.scenario->timeline[i].linkLatency, s.timeline[i].linkLatency);
    }

    // Run: the links take their latency, and null gives the network's back.
    ScenarioRunner runner(s);
    auto made = runner.makeCluster();
    QVERIFY(made.isOk());
    Cluster &cluster = *made.value();
    QCOMPARE(cluster.network().linkLatencies().size(), std::size_t{1});
    runner.advanceTo(cluster, SimTime::fromMillis(1500));
    QCOMPARE(cluster.network().linkLatencies().size(), std::size_t{2});
    runner.advanceTo(cluster, SimTime::fromMillis(2500));
    QCOMPARE(cluster.network().linkLatencies().size(), std::size_t{1});
    QCOMPARE(cluster.network().linkLatencies().begin()->first, (std::pair<NodeId, NodeId>{1, 2}));
    QVERIFY(runner.actionFailures().empty());
}

QTEST_APPLESS_MAIN(TestScenarioNetwork)
#include "tst_scenarionetwork.moc"
