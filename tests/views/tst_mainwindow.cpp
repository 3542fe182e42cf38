// Offscreen smoke test: the main window opens on the demo cluster and shows its partitions.
#include "cluster/demo_cluster.h"
#include "model/partitionsmodel.h"
#include "model/simulationcontroller.h"
#include "views/language.h"
#include "views/mainwindow.h"
#include "views/partitionlogscene.h"
#include "views/partitionstripitem.h"
#include "views/trafficcharts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
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
    controller.step(10);
    const PartitionStripItem *strip = window.scene()->strip(QStringLiteral("orders"), 2);
    QCOMPARE(strip->snapshot().cells.size(), 1);
    QCOMPARE(strip->snapshot().cells.back().key, QStringLiteral("foobar"));
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
