// The partitions model under QAbstractItemModelTester, fed by a running demo cluster.
#include "scenario/demo_scenario.h"
#include "model/partitionsmodel.h"
#include "model/simulationcontroller.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace kafkascope;

class TestPartitionsModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester();
    void rowsFollowTopicsAndPartitions();
    void dataMatchesEngine();
    void oneBatchedDataChangedPerFrame();
    void topicCreatedMidRunResets();
    void playbackFramesAreThrottledNeverLost();
};

void TestPartitionsModel::passesModelTester()
{
    SimulationController controller(makeDemoCluster(1));
    PartitionsModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    controller.advanceTo(SimTime::fromMillis(5000));
    QVERIFY(!QTest::currentTestFailed());
}

void TestPartitionsModel::rowsFollowTopicsAndPartitions()
{
    SimulationController controller(makeDemoCluster(1));
    PartitionsModel model(&controller);
    QCOMPARE(model.rowCount(), 7); // clicks 0-2, orders 0-3, sorted by topic name
    QCOMPARE(model.columnCount(), int(PartitionsModel::ColumnCount));
    QCOMPARE(model.partitionAt(0).toString(), std::string("clicks-0"));
    QCOMPARE(model.partitionAt(3).toString(), std::string("orders-0"));
    QCOMPARE(model.rowOf({"orders", PartitionId{3}}), 6);
    QCOMPARE(model.rowOf({"orders", PartitionId{4}}), -1);
    QCOMPARE(model.rowOf({"nope", PartitionId{0}}), -1);
}

void TestPartitionsModel::dataMatchesEngine()
{
    SimulationController controller(makeDemoCluster(1));
    PartitionsModel model(&controller);
    controller.advanceTo(SimTime::fromMillis(10000));
    for (int row = 0; row < model.rowCount(); ++row) {
        const TopicPartition tp = model.partitionAt(row);
        const PartitionLog &log = controller.cluster().topic(tp.topic)->partition(tp.partition);
        QCOMPARE(model.data(model.index(row, PartitionsModel::LogEndColumn)).toLongLong(), log.logEndOffset());
        QCOMPARE(model.data(model.index(row, 0), PartitionsModel::LogEndOffsetRole).toLongLong(), log.logEndOffset());
        QCOMPARE(model.data(model.index(row, PartitionsModel::TopicColumn)).toString(), QString::fromStdString(tp.topic));
        if (log.logEndOffset() > 0) {
            const Record last = log.readRecords(log.logEndOffset() - 1, 1).value().front();
            const QVariant key = model.data(model.index(row, 0), PartitionsModel::LastKeyRole);
            QCOMPARE(key.isNull(), !last.key.has_value());
            if (last.key)
                QCOMPARE(key.toString(), QString::fromStdString(*last.key));
        }
    }
    // "clicks" (rows 0-2) has null keys only: the display says so.
    for (int row = 0; row < 3; ++row) {
        if (model.data(model.index(row, PartitionsModel::LogEndColumn)).toLongLong() > 0)
            QCOMPARE(model.data(model.index(row, PartitionsModel::LastKeyColumn)).toString(), PartitionsModel::tr("(null)"));
    }
    QCOMPARE(model.headerData(PartitionsModel::LogEndColumn, Qt::Horizontal).toString(), QStringLiteral("LEO"));
}

void TestPartitionsModel::oneBatchedDataChangedPerFrame()
{
    SimulationController controller(makeDemoCluster(1));
    PartitionsModel model(&controller);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy frames(&controller, &SimulationController::frameAdvanced);
    controller.advanceTo(SimTime::fromMillis(3000), 100);
    QCOMPARE(frames.count(), 30);
    QVERIFY(changed.count() > 0);
    QVERIFY(changed.count() <= frames.count());
}

void TestPartitionsModel::topicCreatedMidRunResets()
{
    // The model's contract: a frame that created topics resets the rows. Created through the
    // engine, as a scenario or dialog will.
    auto cluster = makeDemoCluster(1);
    Cluster *raw = cluster.get();
    SimulationController controller(std::move(cluster));
    PartitionsModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(raw->createTopic("audit", 2).isOk());
    controller.step(10);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.partitionAt(0).toString(), std::string("audit-0"));
}

void TestPartitionsModel::playbackFramesAreThrottledNeverLost()
{
    SimulationController controller(makeDemoCluster(1));
    PartitionsModel model(&controller);
    QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
    // Playback frames close together: the first is taken at once, the ones right after it wait.
    controller.playFrame(2000); // 2 s at 1x: records were appended
    QCOMPARE(spy.count(), 1);
    controller.playFrame(2000);
    controller.playFrame(2000);
    QCOMPARE(spy.count(), 1);
    // ... and are taken together within FrameThrottle::kIntervalMs: nothing is lost.
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 5000);
    const auto &state = controller.cluster().topic("orders")->state(PartitionId{0});
    int row = -1;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, PartitionsModel::TopicColumn).data().toString() == QStringLiteral("orders")
            && model.index(r, PartitionsModel::PartitionColumn).data().toInt() == 0)
            row = r;
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, PartitionsModel::LogEndColumn).data().toLongLong(), state.visibleLog().logEndOffset());
    // A step is not playback: taken at once, even right after a throttled frame.
    controller.playFrame(2000);
    const int before = static_cast<int>(spy.count());
    controller.step(2000);
    QVERIFY(spy.count() > before);
}

QTEST_GUILESS_MAIN(TestPartitionsModel)
#include "tst_partitionsmodel.moc"
