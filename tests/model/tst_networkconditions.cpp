// SimulationController's network conditions: slowBroker and setNetworkConditions change the
// cluster's network, are recorded (the saved session states them and replays exactly), are
// reported by brokerDelay() and networkConditions(), and follow a rewind.
#include "cluster/report.h"
#include "model/simulationcontroller.h"
#include "scenario/demo_scenario.h"
#include "scenario/scenario_runner.h"
#include "scenario/scenario_writer.h"

#include <QtTest>

using namespace kafkascope;

class TestNetworkConditions : public QObject
{
    Q_OBJECT

private slots:
    void recordedAndSavedAsScenario();
    void followRewinds();
    void refusedChangesAreNotRecorded();
    void scenarioConditionsAreReported();
    void linkLatencyRecordedRewoundAndSaved();
};

namespace {

std::unique_ptr<SimulationController> demoController()
{
    auto c = std::make_unique<SimulationController>(makeDemoCluster(kDefaultSeed));
    c->setSessionOrigin(demoScenario(kDefaultSeed));
    return c;
}

int countKind(const std::vector<ScenarioAction> &actions, ScenarioAction::Kind kind)
{
    return static_cast<int>(std::count_if(actions.begin(), actions.end(), [kind](const ScenarioAction &a) { return a.kind == kind; }));
}

} // namespace

void TestNetworkConditions::recordedAndSavedAsScenario()
{
    auto c = demoController();
    c->advanceTo(SimTime::fromMillis(2000));
    QVERIFY(c->slowBroker(2, SimDuration::millis(500)).isOk());
    QCOMPARE(c->brokerDelay(2), SimDuration::millis(500));
    QCOMPARE(c->brokerDelay(1), SimDuration{});
    c->advanceTo(SimTime::fromMillis(4000));
    QVERIFY(c->setNetworkConditions(SimDuration::millis(10), SimDuration::micros(2500), 0.05).isOk());
    QCOMPARE(c->cluster().network().defaultLatency(), SimDuration::millis(10));
    const ScenarioNetwork now = c->networkConditions();
    QCOMPARE(now.latency, SimDuration::millis(10));
    QCOMPARE(now.jitter, SimDuration::micros(2500));
    QCOMPARE(now.loss, 0.05);
    c->advanceTo(SimTime::fromMillis(6000));
    QVERIFY(c->slowBroker(2, SimDuration{}).isOk()); // normal speed again
    QCOMPARE(c->brokerDelay(2), SimDuration{});
    c->advanceTo(SimTime::fromMillis(9000));

    const auto &recorded = c->recordedActions();
    QCOMPARE(recorded.size(), std::size_t{3});
    QCOMPARE(recorded[0].kind, ScenarioAction::Kind::SlowBroker);
    QCOMPARE(recorded[0].broker, 2);
    QCOMPARE(recorded[0].delay, SimDuration::millis(500));
    QCOMPARE(recorded[0].at, SimTime::fromMillis(2000));
    QCOMPARE(recorded[1].kind, ScenarioAction::Kind::SetNetwork);
    QCOMPARE(recorded[1].latency, std::optional<SimDuration>(SimDuration::millis(10)));
    QCOMPARE(recorded[1].jitter, std::optional<SimDuration>(SimDuration::micros(2500)));
    QCOMPARE(recorded[1].loss, std::optional<double>(0.05));
    QCOMPARE(recorded[2].delay, SimDuration{});

    // Save Session as Scenario: the file states them, and replays to the same cluster.
    const auto session = c->recordedSession();
    QVERIFY(session.isOk());
    const auto text = writeScenario(session.value());
    QVERIFY2(text.isOk(), text.isOk() ? "" : text.status().message().c_str());
    QVERIFY(text.value().find("\"slowBroker\"") != std::string::npos);
    QVERIFY(text.value().find("\"setNetwork\"") != std::string::npos);
    const auto parsed = parseScenario(text.value());
    QVERIFY(parsed.scenario);
    QCOMPARE(countKind(parsed.scenario->timeline, ScenarioAction::Kind::SlowBroker), 2);
    QCOMPARE(countKind(parsed.scenario->timeline, ScenarioAction::Kind::SetNetwork), 1);
    ScenarioRunner runner(*parsed.scenario);
    auto made = runner.makeCluster();
    QVERIFY(made.isOk());
    runner.advanceTo(*made.value(), parsed.scenario->end());
    QVERIFY(runner.actionFailures().empty());
    QCOMPARE(made.value()->now(), c->cluster().now());
    QCOMPARE(made.value()->stateHash().value(), c->cluster().stateHash().value());
    QCOMPARE(clusterReportJson(*made.value(), "test"), clusterReportJson(c->cluster(), "test"));
}

void TestNetworkConditions::followRewinds()
{
    auto c = demoController();
    c->advanceTo(SimTime::fromMillis(2000));
    QVERIFY(c->slowBroker(1, SimDuration::millis(800)).isOk());
    c->advanceTo(SimTime::fromMillis(4000));
    QVERIFY(c->setNetworkConditions(SimDuration::millis(25), SimDuration::millis(4), 0.2).isOk());
    c->advanceTo(SimTime::fromMillis(8000));
    const std::uint64_t hashAtEnd = c->cluster().stateHash().value();

    // Before both: the defaults, in the controller's account and on the rebuilt network.
    QVERIFY(c->rewindTo(SimTime::fromMillis(1000)).isOk());
    QCOMPARE(c->brokerDelay(1), SimDuration{});
    QCOMPARE(c->networkConditions(), ScenarioNetwork{});
    QCOMPARE(c->cluster().network().defaultLatency(), SimDuration::millis(2));
    // Between them: only the slow broker.
    QVERIFY(c->rewindTo(SimTime::fromMillis(3000)).isOk());
    QCOMPARE(c->brokerDelay(1), SimDuration::millis(800));
    QCOMPARE(c->networkConditions().loss, 0.0);
    // At the end again: both, and the same cluster as before the rewind (the rewind replayed them).
    QVERIFY(c->rewindTo(SimTime::fromMillis(8000)).isOk());
    QCOMPARE(c->brokerDelay(1), SimDuration::millis(800));
    QCOMPARE(c->networkConditions().latency, SimDuration::millis(25));
    QCOMPARE(c->networkConditions().jitter, SimDuration::millis(4));
    QCOMPARE(c->networkConditions().loss, 0.2);
    QCOMPARE(c->cluster().network().defaultLatency(), SimDuration::millis(25));
    QCOMPARE(c->cluster().stateHash().value(), hashAtEnd);
    QCOMPARE(c->recordedActions().size(), std::size_t{2});

    // Forking from 3 s drops the setNetwork of the old future.
    QVERIFY(c->rewindTo(SimTime::fromMillis(3000)).isOk());
    c->step(100);
    QCOMPARE(c->recordedActions().size(), std::size_t{1});
    QCOMPARE(c->networkConditions(), ScenarioNetwork{});
}

void TestNetworkConditions::refusedChangesAreNotRecorded()
{
    auto c = demoController();
    c->advanceTo(SimTime::fromMillis(1000));
    QVERIFY(!c->slowBroker(42, SimDuration::millis(100)).isOk());
    QVERIFY(!c->setNetworkConditions(SimDuration::millis(-1), SimDuration{}, 0).isOk());
    QVERIFY(!c->setNetworkConditions(SimDuration::millis(1), SimDuration::millis(-1), 0).isOk());
    QVERIFY(!c->setNetworkConditions(SimDuration::millis(1), SimDuration{}, 1.5).isOk());
    QVERIFY(!c->setNetworkConditions(SimDuration::millis(1), SimDuration{}, -0.5).isOk());
    QVERIFY(c->recordedActions().empty());
    QCOMPARE(c->networkConditions(), ScenarioNetwork{});
    QCOMPARE(c->cluster().network().defaultLatency(), SimDuration::millis(2));
}

void TestNetworkConditions::scenarioConditionsAreReported()
{
    const auto parsed = parseScenario(R"({"kafkascope": 1, "title": "t",
      "cluster": {"brokers": 3, "network": {"latency": "30ms", "jitter": "2ms", "loss": 0.1}},
      "timeline": [{"at": "1s", "do": "slowBroker", "broker": 0, "delay": "3s"},
                   {"at": "2s", "do": "setNetwork", "loss": 0.4}]})");
    QVERIFY(parsed.scenario);
    SimulationController c(makeDemoCluster());
    QVERIFY(c.loadScenario(*parsed.scenario).isOk());
    QCOMPARE(c.networkConditions().latency, SimDuration::millis(30));
    QCOMPARE(c.networkConditions().jitter, SimDuration::millis(2));
    QCOMPARE(c.networkConditions().loss, 0.1);
    QCOMPARE(c.brokerDelay(0), SimDuration{});
    c.advanceTo(SimTime::fromMillis(2500));
    QCOMPARE(c.brokerDelay(0), SimDuration::seconds(3));
    QCOMPARE(c.networkConditions().loss, 0.4);
    QCOMPARE(c.networkConditions().jitter, SimDuration::millis(2)); // setNetwork left it
    // The saved session keeps cluster.network and both actions.
    const auto text = writeScenario(c.recordedSession().value());
    QVERIFY(text.isOk());
    const auto again = parseScenario(text.value());
    QVERIFY(again.scenario);
    QCOMPARE(again.scenario->network, parsed.scenario->network);
    QCOMPARE(again.scenario->timeline.size(), std::size_t{2});
}

void TestNetworkConditions::linkLatencyRecordedRewoundAndSaved()
{
    auto c = demoController();
    c->advanceTo(SimTime::fromMillis(2000));
    // Refused, recording nothing: a broker that does not exist, a link to itself, a negative latency.
    QVERIFY(!c->setLinkLatency(0, 9, SimDuration::millis(5)).isOk());
    QVERIFY(!c->setLinkLatency(1, 1, SimDuration::millis(5)).isOk());
    QVERIFY(!c->setLinkLatency(0, 1, SimDuration::millis(-5)).isOk());
    QVERIFY(c->recordedActions().empty());

    QVERIFY(c->setLinkLatency(2, 0, SimDuration::millis(40)).isOk());
    QCOMPARE(c->linkLatency(0, 2), std::optional<SimDuration>(SimDuration::millis(40)));
    QVERIFY(!c->linkLatency(0, 1));
    QCOMPARE(c->networkConditions().links, (std::vector<ScenarioLink>{{0, 2, SimDuration::millis(40)}}));
    c->advanceTo(SimTime::fromMillis(5000));
    QVERIFY(c->setLinkLatency(0, 2, std::nullopt).isOk()); // the network's latency again
    QVERIFY(!c->linkLatency(0, 2));
    c->advanceTo(SimTime::fromMillis(7000));
    QCOMPARE(countKind(c->recordedActions(), ScenarioAction::Kind::SetLinkLatency), 2);

    // Saved, the session replays to the same cluster.
    const auto text = writeScenario(c->recordedSession().value());
    QVERIFY(text.isOk());
    QVERIFY(text.value().find("\"setLinkLatency\"") != std::string::npos);
    const auto parsed = parseScenario(text.value());
    QVERIFY(parsed.scenario);
    ScenarioRunner runner(*parsed.scenario);
    auto made = runner.makeCluster();
    QVERIFY(made.isOk());
    runner.advanceTo(*made.value(), parsed.scenario->end());
    QVERIFY(runner.actionFailures().empty());
    QCOMPARE(made.value()->stateHash().value(), c->cluster().stateHash().value());

    // Rewound to 3 s, the link is slow again.
    QVERIFY(c->rewindTo(SimTime::fromMillis(3000)).isOk());
    QCOMPARE(c->linkLatency(0, 2), std::optional<SimDuration>(SimDuration::millis(40)));
}

QTEST_GUILESS_MAIN(TestNetworkConditions)
#include "tst_networkconditions.moc"
