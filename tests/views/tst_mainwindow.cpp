// Offscreen smoke test: the main window opens on the demo cluster and shows its partitions.
#include "group/group_coordinator.h"

#include "scenario/demo_scenario.h"
#include "model/partitionsmodel.h"
#include "model/simulationcontroller.h"
#include "views/language.h"
#include "views/mainwindow.h"
#include "views/partitionlogscene.h"
#include "views/appearance.h"
#include "views/inspectorwidget.h"
#include "model/inspectormodel.h"
#include "views/brokercarditem.h"
#include "views/partitionstripitem.h"
#include "views/trafficcharts.h"
#include "views/rebalancetimelinewidget.h"
#include "views/actiondialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QDockWidget>
#include <QGraphicsView>
#include <QInputDialog>
#include <QTimer>
#include <QTableView>
#include <QTreeView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSlider>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace kafkascope;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsEveryPartition();
    void stripsFollowTheEngine();
    void produceFromToolbarExplainsThePartition();
    void nullKeyProduce();
    void chartsGetOnePointPerSecond();
    void screenshotIsWritten();
    void screenshotToBadPathFailsCleanly();
    void koreanTranslationLoads();
    void clusterMenuKillsAndRestartsBrokers();
    void timelineRewindsAndForks();
    void brokerCardsFollowTheCluster();
    void presenterModeAndThemes();
    void consumerMenuClosesAMember();
    void inspectorFollowsTheSelection();
    void savedSessionReopensAsTheSameCluster();
    void dialogsSuggestFreeClientIds();
    void fencedBrokerCardSaysSo();
    void addBrokerAsksForARackWhenBrokersHaveRacks();
    void rebalancesTabShownLateShowsTheGroups();
    void networkMenuSlowsBrokersAndSetsConditions();
    void clientMenusPauseAndResumeProcesses();
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("KafkascopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::showsEveryPartition()
{
    SimulationController controller(makeDemoCluster());
    Language language;
    MainWindow window(&controller, &language);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.scene()->stripCount(), 7);
    for (int p = 0; p < 4; ++p)
        QVERIFY(window.scene()->strip(QStringLiteral("orders"), p));
    for (int p = 0; p < 3; ++p)
        QVERIFY(window.scene()->strip(QStringLiteral("clicks"), p));
    QVERIFY(!window.scene()->strip(QStringLiteral("orders"), 4));
    QCOMPARE(window.partitionsModel()->rowCount(), 7);
}

void TestMainWindow::stripsFollowTheEngine()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    window.show();
    controller.advanceTo(SimTime::fromMillis(10000));
    for (const auto &[name, topic] : controller.cluster().topics()) {
        if (topic.isInternal()) {
            // __consumer_offsets (created for group "billing") is left out of the scene.
            QVERIFY(!window.scene()->strip(QString::fromStdString(name), 0));
            continue;
        }
        for (int p = 0; p < topic.partitionCount(); ++p) {
            const PartitionStripItem *strip = window.scene()->strip(QString::fromStdString(name), p);
            QVERIFY(strip);
            const PartitionLog &log = topic.partition(PartitionId{p});
            QCOMPARE(strip->snapshot().logEndOffset, log.logEndOffset());
            QCOMPARE(strip->snapshot().cells.size(),
                     static_cast<qsizetype>(std::min<std::int64_t>(log.logEndOffset(), PartitionStripItem::capacity())));
            if (log.logEndOffset() > 0) {
                QCOMPARE(strip->snapshot().cells.back().offset, log.logEndOffset() - 1);
                const Record last = log.readRecords(log.logEndOffset() - 1, 1).value().front();
                QCOMPARE(strip->snapshot().cells.back().nullKey, !last.key.has_value());
            }
            // One reader a partition: a member of group "billing" for orders, analytics for clicks.
            QCOMPARE(strip->snapshot().consumers.size(), 1);
        }
    }
}

void TestMainWindow::produceFromToolbarExplainsThePartition()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    window.show();
    window.topicCombo()->setCurrentText(QStringLiteral("orders"));
    window.keyEdit()->setText(QStringLiteral("foobar"));
    const QString message = window.produceFromToolbar();
    // murmur2("foobar") = -790332482 (Kafka's vector); toPositive = 1357151166; % 4 = 2.
    QVERIFY2(message.contains(QLatin1String("-790332482")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("1357151166")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("partition 2")), qPrintable(message));
    QCOMPARE(window.statusBar()->currentMessage(), message);
    // The rest of the path: orders-2's leader and ISR (broker 2 leads it in the demo), and who
    // reads it (nobody has joined yet at simTime 0).
    QVERIFY2(message.contains(QLatin1String("Leader: broker 2, in-sync replicas 0,1,2.")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("No consumer reads it yet.")), qPrintable(message));
    controller.step(10);
    const PartitionStripItem *strip = window.scene()->strip(QStringLiteral("orders"), 2);
    QCOMPARE(strip->snapshot().cells.size(), 1);
    QCOMPARE(strip->snapshot().cells.back().key, QStringLiteral("foobar"));
    QVERIFY(strip->traced()); // outlined on the scene
    QVERIFY(!window.scene()->strip(QStringLiteral("orders"), 1)->traced());

    // Later, with the group joined: the member that owns orders-2 is named.
    controller.advanceTo(SimTime::fromMillis(10000));
    const QString later = window.produceFromToolbar();
    QVERIFY2(later.contains(QLatin1String("Read by billing-2 (group billing).")), qPrintable(later));
}

void TestMainWindow::nullKeyProduce()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    window.topicCombo()->setCurrentText(QStringLiteral("clicks"));
    window.nullKeyCheck()->setChecked(true);
    QVERIFY(!window.keyEdit()->isEnabled());
    const QString message = window.produceFromToolbar();
    QVERIFY2(message.contains(QLatin1String("sticky")), qPrintable(message));
    controller.step(10);
    int nulls = 0;
    for (int p = 0; p < 3; ++p)
        for (const auto &cell : window.scene()->strip(QStringLiteral("clicks"), p)->snapshot().cells)
            nulls += cell.nullKey ? 1 : 0;
    QCOMPARE(nulls, 1);
}

void TestMainWindow::chartsGetOnePointPerSecond()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    controller.advanceTo(SimTime::fromMillis(12500));
    QCOMPARE(window.charts()->rateGraphPoints(QStringLiteral("orders")), 12);
    QCOMPARE(window.charts()->rateGraphPoints(QStringLiteral("clicks")), 12);
}

void TestMainWindow::screenshotIsWritten()
{
    QTemporaryDir dir;
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    window.resize(1400, 900);
    window.show();
    controller.advanceTo(SimTime::fromMillis(5000));
    const QString path = dir.filePath(QStringLiteral("shot.png"));
    QCOMPARE(window.saveScreenshot(path), QString());
    QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), window.size() * window.devicePixelRatio());
}

void TestMainWindow::screenshotToBadPathFailsCleanly()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    const QString error = window.saveScreenshot(QStringLiteral("/nonexistent-dir/x/shot.png"));
    QVERIFY(!error.isEmpty());
    QVERIFY(error.contains(QLatin1String("/nonexistent-dir/x/shot.png")));
}

void TestMainWindow::koreanTranslationLoads()
{
    SimulationController controller(makeDemoCluster());
    Language language;
    MainWindow window(&controller, &language);
    QVERIFY(language.apply(QStringLiteral("ko"), false));
    QCOMPARE(window.partitionsModel()->headerData(PartitionsModel::TopicColumn, Qt::Horizontal).toString(), QStringLiteral("토픽"));
    // Widgets hear of the change through a posted LanguageChange event.
    QTRY_VERIFY(window.windowTitle().contains(QStringLiteral("카프카")));
    QVERIFY(language.apply(QStringLiteral("en"), false));
    QTRY_VERIFY(!window.windowTitle().contains(QStringLiteral("카프카")));
    QCOMPARE(window.partitionsModel()->headerData(PartitionsModel::TopicColumn, Qt::Horizontal).toString(), QStringLiteral("Topic"));
    QVERIFY(!language.apply(QStringLiteral("fr"), false));
    QCOMPARE(language.current(), QStringLiteral("en"));
}

namespace {
// The action `text` in the submenu `submenu` of `menu` (after the menu filled itself).
QAction *findAction(QMenu *menu, const QString &submenu, const QString &text)
{
    emit menu->aboutToShow();
    for (QAction *a : menu->actions()) {
        if (a->menu() && a->text() == submenu) {
            for (QAction *b : a->menu()->actions())
                if (b->text() == text)
                    return b;
        }
    }
    return nullptr;
}
// Triggers `action`, which opens a QInputDialog asking for a whole number between `minimum` and
// `maximum`; answers `answer` (nothing: cancels) and returns the value the dialog suggested.
int answerIntDialog(QAction *action, std::optional<int> answer, int minimum, int maximum)
{
    int suggested = -1;
    QObject guard;
    QTimer::singleShot(0, &guard, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        suggested = dialog->intValue();
        QCOMPARE(dialog->intMinimum(), minimum);
        QCOMPARE(dialog->intMaximum(), maximum);
        if (!answer) {
            dialog->reject();
            return;
        }
        dialog->setIntValue(*answer);
        dialog->accept();
    });
    action->trigger();
    return suggested;
}

// The action at the end of a path of submenus ("Pro&ducers", "checkout", "Resume the process").
QAction *findActionAt(QMenu *menu, const QStringList &path)
{
    emit menu->aboutToShow();
    for (QAction *a : menu->actions()) {
        if (a->text() != path.front())
            continue;
        if (path.size() == 1)
            return a;
        if (a->menu())
            return findActionAt(a->menu(), path.mid(1));
    }
    return nullptr;
}
} // namespace

void TestMainWindow::clusterMenuKillsAndRestartsBrokers()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    controller.advanceTo(SimTime::fromMillis(2000));
    PartitionsModel *model = window.partitionsModel();
    const int ordersZero = model->rowOf({"orders", PartitionId{0}});
    QCOMPARE(model->data(model->index(ordersZero, 0), PartitionsModel::LeaderRole).toInt(), 0);
    QVERIFY(window.clusterStatus()->text().contains(QLatin1String("3/3")));

    QAction *kill = findAction(window.clusterMenu(), QStringLiteral("Broker 0"), QStringLiteral("Kill (crash)"));
    QVERIFY(kill);
    kill->trigger();
    QCOMPARE(model->data(model->index(ordersZero, 0), PartitionsModel::LeaderRole).toInt(), 1); // next in the ISR
    QVERIFY(window.clusterStatus()->text().contains(QLatin1String("2/3")));
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Kill broker 0")));
    QCOMPARE(model->data(model->index(ordersZero, PartitionsModel::IsrColumn)).toString(), QStringLiteral("1,2"));

    QAction *restart = findAction(window.clusterMenu(), QStringLiteral("Broker 0 (down)"), QStringLiteral("Restart"));
    QVERIFY(restart);
    restart->trigger();
    controller.advanceTo(SimTime::fromMillis(5000));
    QCOMPARE(model->data(model->index(ordersZero, PartitionsModel::IsrColumn)).toString(), QStringLiteral("0,1,2"));
    QVERIFY(window.clusterStatus()->text().contains(QLatin1String("3/3")));
}

void TestMainWindow::timelineRewindsAndForks()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    window.show();
    controller.advanceTo(SimTime::fromMillis(20000));
    auto *slider = window.findChild<QSlider *>();
    QVERIFY(slider);
    QCOMPARE(slider->maximum(), 200); // 100 ms a step
    QCOMPARE(slider->value(), 200);
    QCOMPARE(window.charts()->rateGraphPoints(QStringLiteral("orders")), 20);

    // A click on the slider (not a drag) rewinds at once; the scene shows the log as it was.
    slider->setValue(50);
    QCOMPARE(controller.simTime(), SimTime::fromMillis(5000));
    auto fresh = makeDemoCluster();
    fresh->runUntil(SimTime::fromMillis(5000));
    const PartitionStripItem *strip = window.scene()->strip(QStringLiteral("orders"), 0);
    QVERIFY(strip);
    QCOMPARE(strip->snapshot().logEndOffset, fresh->topic("orders")->partition(PartitionId{0}).logEndOffset());
    QCOMPARE(slider->maximum(), 200); // the timeline keeps its end
    // The charts keep the later points (out of sight) until the simulation runs on from here.
    QCOMPARE(window.charts()->rateGraphPoints(QStringLiteral("orders")), 20);

    controller.step(100); // a new future from 5 s: the old one's points are dropped
    QCOMPARE(window.charts()->rateGraphPoints(QStringLiteral("orders")), 5); // seconds 0-4
    QCOMPARE(slider->maximum(), 51);
    controller.advanceTo(SimTime::fromMillis(9000));
    QCOMPARE(window.charts()->rateGraphPoints(QStringLiteral("orders")), 9);
    QCOMPARE(slider->value(), 90);
}

void TestMainWindow::brokerCardsFollowTheCluster()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    window.show();
    controller.advanceTo(SimTime::fromMillis(2000));
    const PartitionLogScene *scene = window.scene();
    int leaders = 0;
    for (int b = 0; b < 3; ++b) {
        const BrokerCardItem *card = scene->brokerCard(b);
        QVERIFY(card);
        QVERIFY(card->snapshot().alive);
        QCOMPARE(card->snapshot().controller, controller.cluster().controller() == BrokerId{b});
        // RF 3 on 3 brokers: every broker holds every partition of the 7 (orders 4, clicks 3).
        QCOMPARE(card->snapshot().leaders + card->snapshot().followers, 7);
        leaders += card->snapshot().leaders;
    }
    QCOMPARE(leaders, 7);
    QVERIFY(!scene->brokerCard(3));

    // Select broker 1's card and press the presenter's B: it dies, its leadership moves.
    QVERIFY(!scene->selectedBroker());
    scene->brokerCard(1)->setSelected(true);
    QCOMPARE(scene->selectedBroker(), std::optional<int>(1));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_B);
    QVERIFY(!controller.cluster().isAlive(BrokerId{1}));
    controller.advanceTo(SimTime::fromMillis(2500));
    QVERIFY(!scene->brokerCard(1)->snapshot().alive);
    QCOMPARE(scene->brokerCard(1)->snapshot().leaders, 0);
    QCOMPARE(scene->brokerCard(0)->snapshot().leaders + scene->brokerCard(2)->snapshot().leaders, 7);
}

void TestMainWindow::presenterModeAndThemes()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    window.show();
    const QFont before = QApplication::font();
    auto *partitions = window.findChild<QDockWidget *>(QStringLiteral("partitionsDock"));
    auto *groups = window.findChild<QDockWidget *>(QStringLiteral("groupsDock"));
    QVERIFY(partitions && groups);
    groups->hide(); // the user closed it: it stays closed after presenter mode

    window.applyAppearanceOptions(QStringLiteral("dark"), true, false);
    QVERIFY(window.appearance()->presenter());
    QCOMPARE(window.appearance()->theme(), Appearance::Theme::Dark);
    QVERIFY(window.isFullScreen());
    QVERIFY(!partitions->isVisible());
    QCOMPARE(QApplication::font().pointSizeF(), before.pointSizeF() * Appearance::kPresenterScale);
    // Presenter contrast: black background, white text.
    QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(Qt::black));
    QCOMPARE(QApplication::palette().color(QPalette::Text), QColor(Qt::white));

    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!window.appearance()->presenter());
    QVERIFY(!window.isFullScreen());
    QVERIFY(partitions->isVisible());
    QVERIFY(!groups->isVisible());
    QCOMPARE(QApplication::font().pointSizeF(), before.pointSizeF());
    QCOMPARE(QApplication::palette().color(QPalette::Base), Appearance::paletteFor(Appearance::Theme::Dark, false).color(QPalette::Base));

    window.applyAppearanceOptions(QStringLiteral("light"), false, false);
    QCOMPARE(window.appearance()->theme(), Appearance::Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Base).lightness() > 200);
}

void TestMainWindow::consumerMenuClosesAMember()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    controller.advanceTo(SimTime::fromMillis(8000));
    emit window.clusterMenu()->aboutToShow();
    QMenu *consumers = nullptr;
    for (QAction *a : window.clusterMenu()->actions())
        if (a->menu() && a->text() == QStringLiteral("C&onsumers"))
            consumers = a->menu();
    QVERIFY(consumers);
    QAction *close = findAction(consumers, QStringLiteral("billing-1 (group billing)"),
                                QStringLiteral("Close (leaves its group at once)"));
    QVERIFY(close);
    close->trigger();
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Close consumer billing-1")));
    controller.advanceTo(SimTime::fromMillis(16000)); // its last commit, then LeaveGroup
    QVERIFY(!controller.cluster().consumers().front()->isRunning());
    const auto group = controller.cluster().group("billing");
    QVERIFY(group);
    QCOMPARE(group->members.size(), std::size_t{1});
    QCOMPARE(group->generationId, 2);
}

void TestMainWindow::inspectorFollowsTheSelection()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    controller.advanceTo(SimTime::fromMillis(8000));
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    QVERIFY(dock && dock->isVisible());
    InspectorModel *model = window.inspector()->model();
    QVERIFY(model->selection().isNone());

    // A broker card: the inspector shows the broker.
    window.scene()->brokerCard(2)->setSelected(true);
    QCOMPARE(model->selection(), InspectorSelection::ofBroker(2));
    QCOMPARE(model->value({"Broker", "State"}).toString(), QStringLiteral("up"));
    QVERIFY(window.inspector()->titleLabel()->text().contains(QStringLiteral("Broker 2")));

    // A record cell of a strip, clicked in the view: the record, and the strip marks it.
    PartitionStripItem *strip = window.scene()->strip(QStringLiteral("orders"), 1);
    QVERIFY(strip && !strip->snapshot().cells.isEmpty());
    const qint64 offset = strip->snapshot().cells.front().offset;
    auto *view = window.findChild<QGraphicsView *>();
    QVERIFY(view);
    const QPointF inStrip(strip->slotX(offset) + 10, 35);
    QVERIFY(strip->offsetAt(inStrip));
    QCOMPARE(*strip->offsetAt(inStrip), offset);
    view->ensureVisible(strip);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(strip->mapToScene(inStrip)));
    QCOMPARE(model->selection(), InspectorSelection::ofRecord(QStringLiteral("orders"), 1, offset));
    QVERIFY(model->selectionExists());
    QVERIFY(strip->isInspected());
    QVERIFY(!window.scene()->brokerCard(2)->isSelected()); // the broker is no longer what is inspected

    // A row of the partitions table.
    const int row = window.partitionsModel()->rowOf({"clicks", PartitionId{2}});
    window.partitionsTable()->setCurrentIndex(window.partitionsModel()->index(row, 0));
    QCOMPARE(model->selection(), InspectorSelection::ofPartition(QStringLiteral("clicks"), 2));
    QVERIFY(window.scene()->strip(QStringLiteral("clicks"), 2)->isInspected());
    QVERIFY(!strip->isInspected());
    QCOMPARE(model->value({"Partition", "Leader"}).toString(),
             QStringLiteral("broker %1").arg(controller.cluster().topic("clicks")->state(PartitionId{2}).leader->value()));

    // The consumer groups tree: a group, then a member (its consumer).
    QTreeView *groups = window.groupsTree();
    const QModelIndex group = groups->model()->index(0, 0);
    groups->setCurrentIndex(group);
    QCOMPARE(model->selection(), InspectorSelection::ofGroup(QStringLiteral("billing")));
    groups->setCurrentIndex(groups->model()->index(0, 0, group));
    QCOMPARE(model->selection().kind, InspectorSelection::Kind::Consumer);
    QVERIFY(model->title().startsWith(QStringLiteral("Consumer billing-")));

    // Presenter mode puts the inspector away and brings it back.
    window.applyAppearanceOptions(std::nullopt, true, false);
    QVERIFY(!dock->isVisible());
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(dock->isVisible());
}

void TestMainWindow::savedSessionReopensAsTheSameCluster()
{
    SimulationController controller(makeDemoCluster());
    controller.setSessionOrigin(demoScenario(kDefaultSeed));
    MainWindow window(&controller, nullptr);
    controller.advanceTo(SimTime::fromMillis(3000));
    emit window.clusterMenu()->aboutToShow();
    QAction *kill = findAction(window.clusterMenu(), QStringLiteral("Broker 1"), QStringLiteral("Kill (crash)"));
    QVERIFY(kill);
    kill->trigger();
    controller.advanceTo(SimTime::fromMillis(6500));
    const std::uint64_t before = controller.cluster().stateHash().value();

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("session.json"));
    QCOMPARE(window.saveSession(path), QString());
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("1 action")), qPrintable(window.statusBar()->currentMessage()));

    // Opened again, it plays to the same cluster at the same time.
    QCOMPARE(window.openScenario(path), QString());
    QCOMPARE(controller.simTime(), SimTime{});
    controller.advanceTo(SimTime::fromMillis(6500));
    QCOMPARE(controller.cluster().stateHash().value(), before);
    QVERIFY(!controller.cluster().brokers().at(BrokerId{1}).alive);
    // A path that cannot be written: an error naming it.
    QVERIFY(window.saveSession(dir.filePath(QStringLiteral("missing/session.json"))).contains(QStringLiteral("missing/session.json")));
}

void TestMainWindow::dialogsSuggestFreeClientIds()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    QCOMPARE(window.uniqueClientId(QStringLiteral("consumer")), QStringLiteral("consumer-1"));
    QCOMPARE(window.uniqueClientId(QStringLiteral("billing")), QStringLiteral("billing-3")); // billing-1 and -2 exist
    ConsumerConfig c;
    c.clientId = "consumer-1";
    c.topic = "orders";
    QVERIFY(controller.addConsumer(c).isOk());
    QCOMPARE(window.uniqueClientId(QStringLiteral("consumer")), QStringLiteral("consumer-2"));
}

void TestMainWindow::fencedBrokerCardSaysSo()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    controller.advanceTo(SimTime::fromMillis(2000));
    controller.isolateBroker(2);
    controller.advanceTo(SimTime::fromMillis(4000));
    const PartitionLogScene *scene = window.scene();
    QVERIFY(!scene->brokerCard(2)->snapshot().fenced); // cut off, not fenced yet
    // broker.session.timeout.ms (9 s) later the controller fences it: it leads nothing.
    controller.advanceTo(SimTime::fromMillis(13000));
    QVERIFY(controller.cluster().brokers().at(BrokerId{2}).fenced);
    QVERIFY(scene->brokerCard(2)->snapshot().fenced);
    QCOMPARE(scene->brokerCard(2)->snapshot().leaders, 0);
    QVERIFY(scene->brokerCard(2)->toolTip().contains(QStringLiteral("fenced")));
    controller.healNetwork();
    controller.advanceTo(SimTime::fromMillis(20000));
    QVERIFY(!scene->brokerCard(2)->snapshot().fenced);
}

void TestMainWindow::clientMenusPauseAndResumeProcesses()
{
    SimulationController controller(makeDemoCluster());
    controller.setSessionOrigin(demoScenario());
    MainWindow window(&controller, nullptr);
    controller.advanceTo(SimTime::fromMillis(1000));
    QMenu *cluster = window.clusterMenu();
    const QString pause = QStringLiteral("Pause the process (GC pause)…");
    const QString resume = QStringLiteral("Resume the process");
    // Answers the duration dialog (seconds; nothing: cancel) and returns what it suggested.
    const auto answerSeconds = [](QAction *action, std::optional<int> answer) { return answerIntDialog(action, answer, 0, 3600); };

    // A producer: cancelled changes nothing; 0 s pauses it until resumed.
    QAction *pauseCheckout = findActionAt(cluster, {QStringLiteral("Pro&ducers"), QStringLiteral("checkout"), pause});
    QVERIFY(pauseCheckout);
    QCOMPARE(answerSeconds(pauseCheckout, std::nullopt), 10);
    QVERIFY(!controller.isClientProcessPaused(true, 0));
    QVERIFY(controller.recordedActions().empty());
    QCOMPARE(answerSeconds(findActionAt(cluster, {QStringLiteral("Pro&ducers"), QStringLiteral("checkout"), pause}), 0), 10);
    QVERIFY(controller.isClientProcessPaused(true, 0));
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("Producer checkout's process paused until resumed")),
             qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(controller.recordedActions().size(), std::size_t{1});
    QCOMPARE(controller.recordedActions()[0].kind, ScenarioAction::Kind::PauseClient);
    QVERIFY(controller.recordedActions()[0].clientIsProducer);
    QVERIFY(!controller.recordedActions()[0].pauseDuration);
    QVERIFY(!findActionAt(cluster, {QStringLiteral("Pro&ducers"), QStringLiteral("checkout"), pause}));
    QAction *resumeCheckout = findActionAt(cluster, {QStringLiteral("Pro&ducers"), QStringLiteral("checkout"), resume});
    QVERIFY(resumeCheckout);
    resumeCheckout->trigger();
    QVERIFY(!controller.isClientProcessPaused(true, 0));
    QCOMPARE(controller.recordedActions().size(), std::size_t{2});
    QCOMPARE(controller.recordedActions()[1].kind, ScenarioAction::Kind::ResumeClient);

    // A consumer, for 50 s: it suggests a pause longer than session.timeout.ms.
    const QString billing1 = QStringLiteral("billing-1 (group billing)");
    QCOMPARE(answerSeconds(findActionAt(cluster, {QStringLiteral("C&onsumers"), billing1, pause}), 50), 60);
    QVERIFY(controller.isClientProcessPaused(false, 0));
    QCOMPARE(controller.recordedActions()[2].pauseDuration, std::optional<SimDuration>(SimDuration::seconds(50)));
    QVERIFY(findActionAt(cluster, {QStringLiteral("C&onsumers"), billing1, resume}));
    controller.advanceTo(SimTime::fromMillis(52000));
    QVERIFY(!controller.isClientProcessPaused(false, 0)); // it resumed by itself
    QVERIFY(findActionAt(cluster, {QStringLiteral("C&onsumers"), billing1, pause}));
}

void TestMainWindow::networkMenuSlowsBrokersAndSetsConditions()
{
    SimulationController controller(makeDemoCluster());
    controller.setSessionOrigin(demoScenario());
    MainWindow window(&controller, nullptr);
    controller.advanceTo(SimTime::fromMillis(1000));
    QMenu *cluster = window.clusterMenu();
    const QString network = QStringLiteral("&Network");

    // No broker is slow: no "Restore" entry yet.
    QVERIFY(findAction(cluster, network, QStringLiteral("Slow down broker 1…")));
    QVERIFY(!findAction(cluster, network, QStringLiteral("Restore broker 1's speed")));

    // Slow down broker 1: the dialog suggests 500 ms; cancelled, nothing happens.
    const auto answerInt = [](QAction *action, std::optional<int> answer) { return answerIntDialog(action, answer, 1, 60000); };
    QCOMPARE(answerInt(findAction(cluster, network, QStringLiteral("Slow down broker 1…")), std::nullopt), 500);
    QCOMPARE(controller.brokerDelay(1), SimDuration{});
    QVERIFY(controller.recordedActions().empty());
    QCOMPARE(answerInt(findAction(cluster, network, QStringLiteral("Slow down broker 1…")), 1200), 500);
    QCOMPARE(controller.brokerDelay(1), SimDuration::millis(1200));
    QCOMPARE(controller.recordedActions().size(), std::size_t{1});
    QCOMPARE(controller.recordedActions()[0].kind, ScenarioAction::Kind::SlowBroker);
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("Broker 1 slowed down by 1200 ms")),
             qPrintable(window.statusBar()->currentMessage()));
    // Asked again, it suggests the current delay.
    QCOMPARE(answerInt(findAction(cluster, network, QStringLiteral("Slow down broker 1…")), std::nullopt), 1200);

    // Now it can be restored.
    QAction *restore = findAction(cluster, network, QStringLiteral("Restore broker 1's speed"));
    QVERIFY(restore);
    QVERIFY(!findAction(cluster, network, QStringLiteral("Restore broker 0's speed")));
    restore->trigger();
    QCOMPARE(controller.brokerDelay(1), SimDuration{});
    QCOMPARE(controller.recordedActions().size(), std::size_t{2});
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Broker 1 at normal speed")));
    QVERIFY(!findAction(cluster, network, QStringLiteral("Restore broker 1's speed")));

    // Network conditions: the dialog opens with the current ones, OK applies the new ones.
    QAction *conditions = findAction(cluster, network, QStringLiteral("Network &conditions…"));
    QVERIFY(conditions);
    double shownLatency = -1, shownJitter = -1, shownLoss = -1;
    {
        QObject guard;
        QTimer::singleShot(0, &guard, [&] {
            auto *dialog = qobject_cast<NetworkConditionsDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            shownLatency = dialog->latencyBox()->value();
            shownJitter = dialog->jitterBox()->value();
            shownLoss = dialog->lossBox()->value();
            dialog->latencyBox()->setValue(15);
            dialog->jitterBox()->setValue(2.5);
            dialog->lossBox()->setValue(10);
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        });
        conditions->trigger();
    }
    QCOMPARE(shownLatency, 2.0);
    QCOMPARE(shownJitter, 0.0);
    QCOMPARE(shownLoss, 0.0);
    QCOMPARE(controller.networkConditions().latency, SimDuration::millis(15));
    QCOMPARE(controller.networkConditions().jitter, SimDuration::micros(2500));
    QCOMPARE(controller.networkConditions().loss, 0.1);
    QCOMPARE(controller.cluster().network().defaultLatency(), SimDuration::millis(15));
    QCOMPARE(controller.recordedActions().size(), std::size_t{3});
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("Network: latency 15 ms, jitter 2.5 ms, loss 10 %")),
             qPrintable(window.statusBar()->currentMessage()));
    // Opened again, it shows what was set.
    {
        QObject guard;
        QTimer::singleShot(0, &guard, [&] {
            auto *dialog = qobject_cast<NetworkConditionsDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            shownLatency = dialog->latencyBox()->value();
            shownLoss = dialog->lossBox()->value();
            dialog->reject();
        });
        conditions->trigger();
    }
    QCOMPARE(shownLatency, 15.0);
    QCOMPARE(shownLoss, 10.0);
    QCOMPARE(controller.recordedActions().size(), std::size_t{3}); // cancelled: nothing recorded
}


QTEST_MAIN(TestMainWindow)
namespace {
QAction *topAction(QMenu *menu, const QString &text)
{
    emit menu->aboutToShow();
    for (QAction *a : menu->actions())
        if (a->text() == text)
            return a;
    return nullptr;
}

// Triggers `action`; a modal QInputDialog it opens gets `answer` typed in and accepted (or is
// cancelled when `answer` is null). Returns the dialog's suggestion, or "(no dialog)".
QString triggerAnswering(QAction *action, const QString &answer)
{
    QString suggested = QStringLiteral("(no dialog)");
    // The answer is tied to `guard`: when no dialog opened, it is dropped on return instead of
    // firing later, in another test's dialog, at variables that are gone.
    QObject guard;
    QTimer::singleShot(0, &guard, [&] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        suggested = dialog->textValue();
        if (answer.isNull()) {
            dialog->reject();
            return;
        }
        dialog->setTextValue(answer);
        dialog->accept();
    });
    action->trigger();
    return suggested;
}
} // namespace

void TestMainWindow::addBrokerAsksForARackWhenBrokersHaveRacks()
{
    { // No racks: the broker joins at once, rack-less.
        SimulationController controller(makeDemoCluster());
        MainWindow window(&controller, nullptr);
        QCOMPARE(window.suggestedRack(), QString());
        QAction *add = topAction(window.clusterMenu(), QStringLiteral("Add &Broker"));
        QVERIFY(add);
        QCOMPARE(triggerAnswering(add, QStringLiteral("ignored")), QStringLiteral("(no dialog)"));
        QCOMPARE(controller.cluster().brokers().size(), std::size_t{4});
        QVERIFY(!controller.cluster().brokers().at(BrokerId{3}).rack);
        QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Broker 3 joined at")));
    }
    auto cluster = makeDemoCluster();
    QVERIFY(cluster->setBrokerRack(BrokerId{0}, "rack-a").isOk());
    QVERIFY(cluster->setBrokerRack(BrokerId{1}, "rack-b").isOk());
    QVERIFY(cluster->setBrokerRack(BrokerId{2}, "rack-a").isOk());
    SimulationController controller(std::move(cluster));
    MainWindow window(&controller, nullptr);
    QCOMPARE(window.suggestedRack(), QStringLiteral("rack-b")); // the rack with the fewest brokers
    QVERIFY(!topAction(window.clusterMenu(), QStringLiteral("Add &Broker")));
    QAction *add = topAction(window.clusterMenu(), QStringLiteral("Add &Broker…")); // it asks now
    QVERIFY(add);

    // Cancelled: nothing joins.
    QCOMPARE(triggerAnswering(add, QString()), QStringLiteral("rack-b"));
    QCOMPARE(controller.cluster().brokers().size(), std::size_t{3});

    // Accepted with the suggestion, then with a new rack typed in.
    QCOMPARE(triggerAnswering(add, QStringLiteral("rack-b")), QStringLiteral("rack-b"));
    QCOMPARE(controller.cluster().brokers().at(BrokerId{3}).rack, std::optional<std::string>("rack-b"));
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("Broker 3 joined rack rack-b at")));
    QCOMPARE(window.suggestedRack(), QStringLiteral("rack-a")); // 2 and 2: the first by name
    add = topAction(window.clusterMenu(), QStringLiteral("Add &Broker…"));
    QCOMPARE(triggerAnswering(add, QStringLiteral("  rack-c ")), QStringLiteral("rack-a"));
    QCOMPARE(controller.cluster().brokers().at(BrokerId{4}).rack, std::optional<std::string>("rack-c"));

    // The recording says which rack each broker joined, so the saved session replays it.
    std::vector<std::optional<std::string>> recordedRacks;
    for (const ScenarioAction &a : controller.recordedActions())
        if (a.kind == ScenarioAction::Kind::AddBroker)
            recordedRacks.push_back(a.rack);
    QCOMPARE(recordedRacks, (std::vector<std::optional<std::string>>{"rack-b", "rack-c"}));

    // A topic created now is placed rack-aware over all five brokers.
    TopicSettings settings;
    settings.replicationFactor = 3;
    QVERIFY(controller.createTopic(QStringLiteral("racked"), 5, settings).isOk());
    for (std::int32_t p = 0; p < 5; ++p) {
        std::set<std::string> racks;
        for (const BrokerId b : controller.cluster().topic("racked")->state(PartitionId{p}).assignment)
            racks.insert(*controller.cluster().brokers().at(b).rack);
        QCOMPARE(racks.size(), std::size_t{3}); // one replica in each rack
    }
}

void TestMainWindow::rebalancesTabShownLateShowsTheGroups()
{
    // As `kafkascope run --show rebalances` does: the window is shown, the simulation runs in one
    // frame (within the tab's rate limit of four refreshes a second), the Rebalances tab comes to
    // the front. The skipped frame is caught up shortly after (it used to be dropped for good, so
    // a paused window kept saying that no group had joined) ...
    {
        SimulationController controller(makeDemoCluster());
        MainWindow window(&controller, nullptr);
        window.show();
        controller.advanceTo(SimTime::fromMillis(10000));
        QVERIFY(window.showDock(QStringLiteral("rebalances")));
        auto *group = window.rebalances()->findChild<QComboBox *>();
        QVERIFY(group);
        QTRY_COMPARE_WITH_TIMEOUT(group->currentText(), QStringLiteral("billing"), 2000);
    }
    // ... and a screenshot taken at once shows the group too.
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    window.show();
    controller.advanceTo(SimTime::fromMillis(10000));
    QVERIFY(window.showDock(QStringLiteral("rebalances")));
    QTemporaryDir dir;
    QCOMPARE(window.saveScreenshot(dir.filePath(QStringLiteral("shot.png"))), QString());
    QCOMPARE(window.rebalances()->findChild<QComboBox *>()->currentText(), QStringLiteral("billing"));
}

#include "tst_mainwindow.moc"
