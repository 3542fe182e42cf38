// Recording a session (File › Save Session as Scenario…): what the user does in the GUI, written
// as a scenario file and replayed headless, gives the same cluster (state hash) and the same
// report; rewinds and forks, lessons, refusals and the file on disk.
#include "scenario/demo_scenario.h"
#include "cluster/report.h"
#include "model/scenariofile.h"
#include "model/simulationcontroller.h"
#include "scenario/scenario_runner.h"
#include "scenario/scenario_writer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kafkascope;

class TestSessionRecording : public QObject
{
    Q_OBJECT

private slots:
    void demoSessionReplaysExactly_data();
    void demoSessionReplaysExactly();
    void forkDropsTheOldFuture();
    void lessonSessionKeepsItsTimelineAndChecks();
    void takenClientIdIsRefusedAndNotRecorded();
    void sessionsThatCannotBeWritten();
    void savedFileReplays();
    void failedSaveKeepsTheOldFile();
};

namespace {

std::unique_ptr<SimulationController> demoController(std::uint64_t seed = kDefaultSeed)
{
    auto c = std::make_unique<SimulationController>(makeDemoCluster(seed));
    c->setSessionOrigin(demoScenario(seed));
    return c;
}

int consumerIdOf(const SimulationController &c, const std::string &clientId)
{
    for (const auto &consumer : c.cluster().consumers())
        if (consumer->config().clientId == clientId)
            return consumer->id().value();
    qFatal("no consumer %s", clientId.c_str());
    return -1;
}

// Writes the controller's session, reads it back and replays it headless to its end; compares the
// replayed cluster with the controller's, which must be at the end of its timeline.
void checkReplaysExactly(const SimulationController &c)
{
    const auto session = c.recordedSession();
    QVERIFY2(session.isOk(), session.isOk() ? "" : session.status().message().c_str());
    const auto text = writeScenario(session.value());
    QVERIFY2(text.isOk(), text.isOk() ? "" : text.status().message().c_str());
    const auto parsed = parseScenario(text.value());
    QVERIFY2(parsed.scenario, parsed.errors.empty() ? "" : parsed.errors.front().format("session.json").c_str());
    const Scenario &s = *parsed.scenario;
    QCOMPARE(s.end(), c.simTime());
    ScenarioRunner runner(s);
    auto made = runner.makeCluster();
    QVERIFY2(made.isOk(), made.isOk() ? "" : made.status().message().c_str());
    Cluster &replayed = *made.value();
    runner.advanceTo(replayed, s.end());
    for (const auto &f : runner.actionFailures())
        QVERIFY2(false, (f.action->path + ": " + f.message + "\n" + text.value()).c_str());
    QCOMPARE(replayed.now(), c.cluster().now());
    QCOMPARE(replayed.stateHash().value(), c.cluster().stateHash().value());
    QCOMPARE(clusterReportJson(replayed, "test"), clusterReportJson(c.cluster(), "test"));
}

} // namespace

void TestSessionRecording::demoSessionReplaysExactly_data()
{
    // Frames of a few events stop playback among the events of one simTime: the actions done
    // there must still replay exactly ("two events a frame" fails if a user's action does not
    // first run the rest of its simTime's events: SimulationController::settle).
    QTest::addColumn<int>("eventsPerFrame");
    QTest::addColumn<double>("speed");
    QTest::newRow("tiny frames") << 3 << 1.0;
    QTest::newRow("two events a frame") << 2 << 3.0;
    QTest::newRow("normal frames") << 20000 << 1.0;
    QTest::newRow("fast playback") << 500 << 7.0;
}

void TestSessionRecording::demoSessionReplaysExactly()
{
    QFETCH(int, eventsPerFrame);
    QFETCH(double, speed);
    auto c = demoController();
    c->setMaxEventsPerFrame(static_cast<std::size_t>(eventsPerFrame));
    c->setSpeed(speed);
    const auto play = [&](int frames) {
        for (int i = 0; i < frames; ++i)
            c->playFrame(16 + i % 5); // uneven wall-clock frames, as a real timer gives
    };
    play(90);
    QVERIFY(c->produce(QStringLiteral("orders"), QStringLiteral("alice"), false, QStringLiteral("hand-made")).isOk());
    QVERIFY(c->produce(QStringLiteral("clicks"), QString(), true, QStringLiteral("no key")).isOk());
    play(30);
    QVERIFY(c->killBroker(1).isOk());
    play(120);
    ConsumerConfig audit;
    audit.clientId = "audit-1";
    audit.topic = "orders";
    audit.groupId = "audit";
    audit.assignors = {"cooperative-sticky"};
    QVERIFY(c->addConsumer(audit).isOk());
    c->step(250);
    QVERIFY(c->setConsumerProcessingTime(consumerIdOf(*c, "billing-2"), SimDuration::micros(12'345)).isOk());
    play(60);
    // Frozen processes: a producer for 1.5 s, a consumer until resumed.
    QVERIFY(c->pauseClientProcess(true, 0, SimDuration::millis(1500)).isOk()); // checkout
    QVERIFY(c->pauseClientProcess(false, consumerIdOf(*c, "billing-2"), std::nullopt).isOk());
    play(80);
    QVERIFY(c->resumeClientProcess(false, consumerIdOf(*c, "billing-2")).isOk());
    play(20);
    QVERIFY(c->restartBroker(1).isOk());
    c->isolateBroker(2);
    play(200);
    c->healNetwork();
    QVERIFY(c->crashConsumer(consumerIdOf(*c, "billing-1")).isOk());
    TopicSettings settings;
    settings.replicationFactor = 2;
    QVERIFY(c->createTopic(QStringLiteral("audit-log"), 2, settings).isOk());
    ProducerConfig p;
    p.clientId = "auditor";
    p.topic = "audit-log";
    p.rate = RateModel::constant(3.5).value();
    p.keys = KeyDistribution::zipf(10, 1.0).value();
    QVERIFY(c->addProducer(p).isOk());
    play(100);
    QVERIFY(c->addPartitions(QStringLiteral("orders"), 6).isOk());
    const int added = c->addBroker();
    QVERIFY(added >= 3);
    QVERIFY(c->shutdownBroker(0).isOk());
    play(150);
    QVERIFY(c->closeConsumer(consumerIdOf(*c, "audit-1")).isOk());
    c->step(100);
    GroupOffsetReset reset;
    reset.groupId = "audit";
    reset.topic = "orders";
    reset.spec = {OffsetResetKind::ToEarliest, 0};
    const Status resetStatus = c->resetGroupOffsets(reset); // the group is empty: allowed
    QVERIFY2(resetStatus.isOk(), resetStatus.message().c_str());
    (void)c->electPreferredLeaders();
    play(40);

    QVERIFY(!c->isRewound());
    // Twenty actions of seventeen kinds.
    QCOMPARE(c->recordedActions().size(), std::size_t{20});
    checkReplaysExactly(*c);
}

void TestSessionRecording::forkDropsTheOldFuture()
{
    auto c = demoController();
    c->advanceTo(SimTime::fromMillis(2000));
    QVERIFY(c->killBroker(0).isOk());
    c->advanceTo(SimTime::fromMillis(6000));
    QVERIFY(c->restartBroker(0).isOk());
    c->advanceTo(SimTime::fromMillis(9000));
    QCOMPARE(c->recordedActions().size(), std::size_t{2});

    // Back to 4 s: the timeline (and the recording) still ends at 9 s ...
    QVERIFY(c->rewindTo(SimTime::fromMillis(4000)).isOk());
    QCOMPARE(c->recordedSession().value().until.value(), SimTime::fromMillis(9000));
    QCOMPARE(c->recordedActions().size(), std::size_t{2});
    // ... until the user does something else there: the restart at 6 s never happened.
    QVERIFY(c->killBroker(2).isOk());
    QCOMPARE(c->recordedActions().size(), std::size_t{2});
    QCOMPARE(c->recordedActions()[0].kind, ScenarioAction::Kind::KillBroker);
    QCOMPARE(c->recordedActions()[1].kind, ScenarioAction::Kind::KillBroker);
    QCOMPARE(c->recordedActions()[1].broker, 2);
    QCOMPARE(c->recordedActions()[1].at, SimTime::fromMillis(4000));
    c->advanceTo(SimTime::fromMillis(7000));
    checkReplaysExactly(*c);
}

void TestSessionRecording::lessonSessionKeepsItsTimelineAndChecks()
{
    const QString path = QDir(QStringLiteral(KAFKASCOPE_LESSONS_DIR)).filePath(QStringLiteral("04-replication-failover.json"));
    const ScenarioFile file = readScenarioFile(path);
    QVERIFY2(file.scenario, qPrintable(file.errors.join(QLatin1Char('\n'))));
    const Scenario &lesson = *file.scenario;
    QVERIFY(!lesson.timeline.empty());
    SimulationController c(makeDemoCluster());
    QVERIFY(c.loadScenario(lesson, 99).isOk());
    const SimTime half = SimTime::fromMicros(lesson.end().micros() / 2);
    c.advanceTo(half);
    QVERIFY(c.produce(QStringLiteral("orders"), QStringLiteral("bob"), false, QStringLiteral("extra")).isOk());
    c.advanceTo(lesson.end());
    checkReplaysExactly(c);

    const Scenario s = c.recordedSession().value();
    QCOMPARE(s.seed, std::uint64_t{99}); // the seed it was played with, not the file's
    QVERIFY(QString::fromStdString(s.title.en).endsWith(QStringLiteral("(recorded session)")));
    // The lesson's own actions are in the recording, with the user's produce among them.
    QCOMPARE(s.timeline.size(), lesson.timeline.size() + 1);
    QCOMPARE(s.narration.size(), lesson.narration.size());
    QCOMPARE(s.expectations.size(), lesson.expectations.size());
    // The same checkpoints come out the same way (the produce changed no check of this lesson).
    ScenarioRunner runner(s);
    auto replayed = runner.makeCluster();
    QVERIFY(replayed.isOk());
    runner.advanceTo(*replayed.value(), s.end());
    const auto original = c.checkpointResults();
    QCOMPARE(runner.results().size(), original.size());
    for (std::size_t i = 0; i < original.size(); ++i) {
        QCOMPARE(runner.results()[i].passed, original[i].passed);
        QCOMPARE(runner.results()[i].found, original[i].found);
    }
}

void TestSessionRecording::takenClientIdIsRefusedAndNotRecorded()
{
    auto c = demoController();
    ConsumerConfig again;
    again.clientId = "billing-1"; // the demo's
    again.topic = "orders";
    const Status st = c->addConsumer(again);
    QCOMPARE(st.code(), Status::Code::AlreadyExists);
    QVERIFY2(QString::fromStdString(st.message()).contains(QStringLiteral("\"billing-1\" is taken")), st.message().c_str());
    ProducerConfig producer;
    producer.clientId = "analytics"; // a consumer's
    producer.topic = "clicks";
    QCOMPARE(c->addProducer(producer).code(), Status::Code::AlreadyExists);
    QVERIFY(c->recordedActions().empty());
    QCOMPARE(c->cluster().consumers().size(), std::size_t{3});
    QCOMPARE(c->cluster().producers().size(), std::size_t{2});
}

void TestSessionRecording::sessionsThatCannotBeWritten()
{
    // A cluster built in code has no scenario to start from.
    SimulationController bare(makeDemoCluster());
    const auto none = bare.recordedSession();
    QVERIFY(!none.isOk());
    QVERIFY(QString::fromStdString(none.status().message()).contains(QStringLiteral("did not start from a scenario")));
    // A change made in code cannot be stated by a scenario.
    auto c = demoController();
    c->advanceTo(SimTime::fromMillis(1500));
    c->act([](Cluster &cluster) { (void)cluster.killBroker(BrokerId{2}); });
    const auto refused = c->recordedSession();
    QVERIFY(!refused.isOk());
    QVERIFY2(QString::fromStdString(refused.status().message()).contains(QStringLiteral("a change made in code at 1.500 s")),
             refused.status().message().c_str());
}

void TestSessionRecording::savedFileReplays()
{
    auto c = demoController(7);
    c->advanceTo(SimTime::fromMicros(3'210'987));
    QVERIFY(c->killBroker(2).isOk());
    c->advanceTo(SimTime::fromMillis(5000));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("session.json"));
    QCOMPARE(writeScenarioFile(path, c->recordedSession().value()), QString());
    const ScenarioFile back = readScenarioFile(path);
    QVERIFY2(back.scenario, qPrintable(back.errors.join(QLatin1Char('\n'))));
    QVERIFY(back.warnings.isEmpty());
    QCOMPARE(back.scenario->seed, std::uint64_t{7});
    QCOMPARE(back.scenario->timeline.at(0).at, SimTime::fromMicros(3'210'987));
    ScenarioRunner runner(*back.scenario);
    auto replayed = runner.makeCluster();
    QVERIFY(replayed.isOk());
    runner.advanceTo(*replayed.value(), back.scenario->end());
    QCOMPARE(replayed.value()->stateHash().value(), c->cluster().stateHash().value());
}

void TestSessionRecording::failedSaveKeepsTheOldFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("kept.json"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("{\"kafkascope\": 1, \"title\": \"old\"}\n");
    }
    // A scenario the format cannot state: the error names it and the old file is untouched.
    Scenario s = demoScenario(1);
    s.producers[0].rate = RateModel::fixedInterval(2).value();
    const QString error = writeScenarioFile(path, s);
    QVERIFY2(error.contains(QStringLiteral("producers[0].rate")), qPrintable(error));
    QFile kept(path);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("{\"kafkascope\": 1, \"title\": \"old\"}\n"));
    // A place that cannot be written: an error naming it, nothing else.
    const QString unwritable = writeScenarioFile(dir.filePath(QStringLiteral("no/such/dir/session.json")), demoScenario(1));
    QVERIFY2(unwritable.contains(QStringLiteral("no/such/dir/session.json")), qPrintable(unwritable));
}

QTEST_MAIN(TestSessionRecording)
#include "tst_sessionrecording.moc"
