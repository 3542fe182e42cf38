// A scenario played in the window: the controller's timeline (actions and checks at their times,
// "pause" steps stopping playback, rewinds forgetting later checks) and the Lesson dock's
// narration panel (steps in the window's language, Next › and ‹ Back, checkpoints), offscreen.
#include "scenario/demo_scenario.h"
#include "model/scenariofile.h"
#include "model/simulationcontroller.h"
#include "views/language.h"
#include "views/mainwindow.h"
#include "views/narrationpanel.h"
#include "views/timelineslider.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kafkascope;

namespace {
const char *kScenario = R"({
  "kafkascope": 1,
  "title": {"en": "Failover in brief", "ko": "간단한 장애 조치"},
  "summary": {"en": "Kill a leader.", "ko": "리더를 종료합니다."},
  "topics": [{"name": "orders", "partitions": 1, "replicationFactor": 3, "minInsyncReplicas": 2, "placementStartIndex": 0}],
  "producers": [{"clientId": "p", "topic": "orders", "rate": 10, "keys": ["a"]}],
  "timeline": [{"at": "3s", "do": "killBroker", "broker": 0}],
  "narration": [
    {"at": "0s", "text": {"en": "Three replicas.", "ko": "레플리카 세 개."}},
    {"at": "2s", "text": {"en": "Broker 0 is about to crash.", "ko": "브로커 0이 곧 죽습니다."}, "pause": true},
    {"at": "4s", "text": {"en": "Broker 1 leads now.", "ko": "이제 브로커 1이 리더입니다."}}
  ],
  "expect": [
    {"at": "1s", "check": "leader", "topic": "orders", "partition": 0, "equals": 0},
    {"at": "4s", "check": "leader", "topic": "orders", "partition": 0, "equals": 1},
    {"at": "4s", "check": "isr", "topic": "orders", "partition": 0, "equals": [0, 1, 2]}
  ]
})";

Scenario scenario()
{
    auto r = parseScenario(kScenario);
    if (!r.scenario)
        qFatal("%s", r.errors.front().format("test").c_str());
    return *r.scenario;
}
} // namespace

class TestNarrationPanel : public QObject
{
    Q_OBJECT

private slots:
    void controllerPlaysTheTimeline();
    void pauseStepStopsPlayback();
    void rewindForgetsLaterChecks();
    void panelShowsStepsAndCheckpoints();
    void panelSpeaksKorean();
    void openScenarioReportsErrors();
    void builtInLessonsAreListed();
    void checkpointsMarkTheTimeline();
};

void TestNarrationPanel::controllerPlaysTheTimeline()
{
    SimulationController controller(makeDemoCluster());
    QSignalSpy loaded(&controller, &SimulationController::scenarioLoaded);
    QSignalSpy steps(&controller, &SimulationController::narrationReached);
    QVERIFY(controller.loadScenario(scenario()).isOk());
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(controller.simTime(), SimTime{});
    QVERIFY(controller.cluster().topic("orders"));
    QVERIFY(!controller.cluster().topic("clicks")); // the demo's cluster is gone
    QCOMPARE(controller.narrationIndex(), 0);       // the step at 0 s
    controller.advanceTo(SimTime::fromMillis(5000));
    QCOMPARE(controller.narrationIndex(), 2);
    QCOMPARE(steps.count(), 3);
    QVERIFY(!controller.cluster().brokers().at(BrokerId{0}).alive); // the 3 s action ran
    const auto results = controller.checkpointResults();
    QCOMPARE(results.size(), std::size_t{3});
    QVERIFY(results[0].passed);
    QVERIFY(results[1].passed);
    QVERIFY(!results[2].passed); // the ISR shrank: this check was written to fail
    QCOMPARE(results[2].found, std::string("[1, 2]"));
}

void TestNarrationPanel::pauseStepStopsPlayback()
{
    SimulationController controller(makeDemoCluster());
    QVERIFY(controller.loadScenario(scenario()).isOk());
    controller.setSpeed(100);
    controller.play();
    // Playback runs into the "pause" step at 2 s and stops exactly there.
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isPlaying(), 10000);
    QCOMPARE(controller.simTime(), SimTime::fromMillis(2000));
    QCOMPARE(controller.narrationIndex(), 1);
    // Next › plays on to the next step.
    QVERIFY(controller.goToNextNarration());
    QCOMPARE(controller.simTime(), SimTime::fromMillis(4000));
    QCOMPARE(controller.narrationIndex(), 2);
    QVERIFY(!controller.goToNextNarration()); // no step after the last
}

void TestNarrationPanel::rewindForgetsLaterChecks()
{
    SimulationController controller(makeDemoCluster());
    QVERIFY(controller.loadScenario(scenario()).isOk());
    controller.advanceTo(SimTime::fromMillis(5000));
    QCOMPARE(controller.checkpointResults().size(), std::size_t{3});
    QVERIFY(controller.rewindTo(SimTime::fromMillis(2500)).isOk());
    QCOMPARE(controller.checkpointResults().size(), std::size_t{1}); // the 1 s check stays
    QCOMPARE(controller.narrationIndex(), 1);
    QVERIFY(controller.cluster().brokers().at(BrokerId{0}).alive); // before the kill
    // Running on does the kill and the checks again, the same way.
    controller.advanceTo(SimTime::fromMillis(5000));
    QCOMPARE(controller.checkpointResults().size(), std::size_t{3});
    QVERIFY(!controller.cluster().brokers().at(BrokerId{0}).alive);
    QVERIFY(controller.checkpointResults()[1].passed);
}

void TestNarrationPanel::panelShowsStepsAndCheckpoints()
{
    SimulationController controller(makeDemoCluster());
    NarrationPanel panel(&controller, nullptr);
    QCOMPARE(panel.titleText(), QStringLiteral("No lesson"));
    QVERIFY(!panel.nextButton()->isEnabled());
    QVERIFY(controller.loadScenario(scenario()).isOk());
    QCOMPARE(panel.titleText(), QStringLiteral("Failover in brief"));
    QCOMPARE(panel.stepText(), QStringLiteral("Three replicas."));
    QCOMPARE(panel.checkpoints()->count(), 3);
    QVERIFY(panel.checkpoints()->item(0)->text().startsWith(QStringLiteral("○ ")));
    QTest::mouseClick(panel.nextButton(), Qt::LeftButton);
    QCOMPARE(controller.simTime(), SimTime::fromMillis(2000));
    QCOMPARE(panel.stepText(), QStringLiteral("Broker 0 is about to crash."));
    QVERIFY(panel.checkpoints()->item(0)->text().startsWith(QStringLiteral("✓ ")));
    QTest::mouseClick(panel.nextButton(), Qt::LeftButton);
    QCOMPARE(panel.stepText(), QStringLiteral("Broker 1 leads now."));
    QVERIFY(!panel.nextButton()->isEnabled());
    QVERIFY(panel.checkpoints()->item(1)->text().startsWith(QStringLiteral("✓ ")));
    QVERIFY(panel.checkpoints()->item(2)->text().startsWith(QStringLiteral("✗ ")));
    QVERIFY(panel.checkpoints()->item(2)->text().contains(QStringLiteral("found: [1, 2]")));
    // ‹ Back returns to the previous step's time.
    QTest::mouseClick(panel.backButton(), Qt::LeftButton);
    QCOMPARE(controller.simTime(), SimTime::fromMillis(2000));
    QCOMPARE(panel.stepText(), QStringLiteral("Broker 0 is about to crash."));
}

void TestNarrationPanel::panelSpeaksKorean()
{
    SimulationController controller(makeDemoCluster());
    Language language;
    QVERIFY(language.apply(QStringLiteral("ko"), false));
    NarrationPanel panel(&controller, &language);
    QVERIFY(controller.loadScenario(scenario()).isOk());
    QCOMPARE(panel.titleText(), QStringLiteral("간단한 장애 조치"));
    QCOMPARE(panel.stepText(), QStringLiteral("레플리카 세 개."));
    QVERIFY(language.apply(QStringLiteral("en"), false));
    QCOMPARE(panel.stepText(), QStringLiteral("Three replicas."));
}

void TestNarrationPanel::openScenarioReportsErrors()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"kafkascope\": 1, \"title\": \"t\",\n \"topics\": [{\"name\": \"t\", \"partitions\": \"many\"}]}");
    f.close();
    const QString error = window.openScenario(bad);
    QVERIFY2(error.contains(bad + QStringLiteral(":2:41: topics[0].partitions: expected")), qPrintable(error));
    QVERIFY(!controller.scenario());                // nothing changed
    QVERIFY(controller.cluster().topic("clicks")); // the demo still runs
    QVERIFY(window.openScenario(dir.filePath(QStringLiteral("missing.json"))).contains(QStringLiteral("cannot read")));
}

void TestNarrationPanel::builtInLessonsAreListed()
{
    const auto lessons = builtInLessons();
    QVERIFY(lessons.size() >= 10);
    for (const auto &lesson : lessons) {
        QVERIFY(!lesson.title.en.empty());
        QVERIFY(!lesson.title.ko.empty());
    }
    QVERIFY(findLesson(QStringLiteral("4")));
    QCOMPARE(findLesson(QStringLiteral("04"))->id, QStringLiteral("04-replication-failover"));
    QCOMPARE(findLesson(QStringLiteral("04-replication-failover"))->path, QStringLiteral(":/lessons/04-replication-failover.json"));
    QVERIFY(!findLesson(QStringLiteral("99")));
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    QVERIFY(window.openScenario(lessons.front().path).isEmpty());
    QVERIFY(controller.scenario());
}

void TestNarrationPanel::checkpointsMarkTheTimeline()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    QVERIFY(controller.loadScenario(scenario()).isOk());
    using State = TimelineSlider::Mark::State;
    auto states = [&] {
        std::vector<State> out;
        for (const auto &m : window.timelineSlider()->marks())
            out.push_back(m.state);
        return out;
    };
    QCOMPARE(states(), (std::vector<State>{State::Pending, State::Pending, State::Pending}));
    QCOMPARE(window.timelineSlider()->marks()[1].value, 40); // 4 s in 100 ms units
    controller.advanceTo(SimTime::fromMillis(5000));
    QCOMPARE(states(), (std::vector<State>{State::Held, State::Held, State::Failed}));
    QVERIFY(controller.rewindTo(SimTime::fromMillis(2000)).isOk());
    QCOMPARE(states(), (std::vector<State>{State::Held, State::Pending, State::Pending}));
    window.resize(1200, 800);
    window.show();
    QVERIFY(!window.timelineSlider()->grab().isNull()); // paints with marks without trouble
}

QTEST_MAIN(TestNarrationPanel)
#include "tst_narrationpanel.moc"
