// The live charts: lag per group and partition in records and seconds, under-replicated and
// offline partitions, rebalances, the future dropped on a fork, and export to PNG and PDF. Every
// expectation is read from the cluster itself; nothing depends on wall time.
#include "../engine/cluster_fixtures.h"
#include "cluster/consumer_lag.h"
#include "model/rebalancetimeline.h"
#include "model/simulationcontroller.h"
#include "views/trafficcharts.h"

#include <qcustomplot.h>

#include <algorithm>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace kafkascope;
using testing::makeOrdersCluster;

namespace {

using Chart = TrafficCharts::Chart;
using LagUnit = TrafficCharts::LagUnit;
using Series = TrafficCharts::ReplicationSeries;
using Format = TrafficCharts::ExportFormat;

ConsumerConfig groupMember(const std::string &clientId, const std::string &group)
{
    ConsumerConfig c;
    c.clientId = clientId;
    c.topic = "orders";
    c.groupId = group;
    return c;
}

// A member that reads 5 records a second of the 60 the producer writes.
ConsumerConfig slowMember(const std::string &clientId, const std::string &group)
{
    ConsumerConfig c = groupMember(clientId, group);
    c.pollInterval = SimDuration::millis(1000);
    c.maxPollRecords = 5;
    return c;
}

// Partitions of non-internal topics with a leader and fewer in-sync replicas than replicas, and
// those without a leader, as the cluster has them now.
std::pair<int, int> underReplicatedAndOffline(const Cluster &cluster)
{
    int under = 0;
    int offline = 0;
    for (const auto &[name, topic] : cluster.topics()) {
        if (topic.isInternal())
            continue;
        for (int p = 0; p < topic.partitionCount(); ++p) {
            const PartitionState &s = topic.state(PartitionId{p});
            if (!s.leader)
                ++offline;
            else if (s.isr.size() < s.assignment.size())
                ++under;
        }
    }
    return {under, offline};
}

// The orders cluster read by a slow group ("slow") and one that keeps up ("fast").
std::unique_ptr<Cluster> slowAndFastGroups()
{
    auto cluster = makeOrdersCluster();
    if (!cluster || !cluster->addConsumer(slowMember("slow-1", "slow")).isOk()
        || !cluster->addConsumer(groupMember("fast-1", "fast")).isOk())
        return nullptr;
    return cluster;
}

} // namespace

class TestTrafficCharts : public QObject
{
    Q_OBJECT

private slots:
    void lagOfASlowGroupInRecordsAndSeconds();
    void lagChartShowsOneGroupsPartitions();
    void consumerWithoutGroupHasALine();
    void killedBrokerMakesPartitionsUnderReplicated();
    void rebalanceAppearsWhenAConsumerJoins();
    void rewindKeepsAndForkDropsTheFuture();
    void exportWritesPngAndPdf();
    void exportToAnUnwritablePathFails();
    void gridFollowsTheWidgetsShape();
    void appearanceReachesEveryChart();
    void emptyChartsKeepTheirWidth();
};

void TestTrafficCharts::lagOfASlowGroupInRecordsAndSeconds()
{
    auto cluster = slowAndFastGroups();
    QVERIFY(cluster);
    SimulationController controller(std::move(cluster));
    TrafficCharts charts(&controller);
    controller.advanceTo(SimTime::fromMillis(30000));

    const auto seconds = charts.groupLagPoints(QStringLiteral("slow"), LagUnit::Seconds);
    const auto records = charts.groupLagPoints(QStringLiteral("slow"), LagUnit::Records);
    QVERIFY(!seconds.empty());
    QCOMPARE(seconds.size(), records.size());
    // The last point was taken when second 30 began, i.e. now: it is what the engine says.
    QCOMPARE(seconds.back().x(), 30.0);
    const GroupLagTotals total = totalLag(groupLag(controller.cluster(), "slow"));
    QCOMPARE(records.back().y(), static_cast<double>(total.committedLag));
    QCOMPARE(seconds.back().y(), total.maxCommittedTimeLag.secondsF());
    // 5 records a second against 60: the oldest record not committed keeps getting older.
    QVERIFY2(seconds.back().y() > 5.0, qPrintable(QString::number(seconds.back().y())));
    QVERIFY(records.back().y() > 500);
    // Per partition, in seconds: the largest is the group's.
    double largest = 0;
    for (int p = 0; p < 6; ++p) {
        const auto points = charts.partitionLagPoints(QStringLiteral("slow"), QStringLiteral("orders"), p, LagUnit::Seconds);
        QVERIFY(!points.empty());
        largest = std::max(largest, points.back().y());
    }
    QCOMPARE(largest, seconds.back().y());
    // The fast group keeps up: its lag is a few records (what arrived since its last commit).
    const auto fast = charts.groupLagPoints(QStringLiteral("fast"), LagUnit::Seconds);
    QVERIFY(!fast.empty());
    QVERIFY(fast.back().y() < seconds.back().y());
}

void TestTrafficCharts::lagChartShowsOneGroupsPartitions()
{
    auto cluster = slowAndFastGroups();
    QVERIFY(cluster);
    SimulationController controller(std::move(cluster));
    TrafficCharts charts(&controller);
    controller.advanceTo(SimTime::fromMillis(15000));

    QCustomPlot *lag = charts.lagChart();
    QCOMPARE(lag->graphCount(), 2); // one line per group
    QComboBox *combo = charts.lagGroupCombo();
    QCOMPARE(combo->count(), 3); // all groups, fast, slow
    QCOMPARE(combo->itemData(2).toString(), QStringLiteral("slow"));
    combo->setCurrentIndex(2);
    QCOMPARE(charts.lagShownGroup(), QStringLiteral("slow"));
    const int partitions = controller.cluster().topic("orders")->partitionCount();
    QCOMPARE(lag->graphCount(), partitions);
    QCOMPARE(lag->graph(0)->name(), QStringLiteral("orders-0"));
    QCOMPARE(lag->graph(partitions - 1)->name(), QStringLiteral("orders-%1").arg(partitions - 1));
    // The graphs show the series' data (shared, so later points appear in them too).
    const auto records = charts.partitionLagPoints(QStringLiteral("slow"), QStringLiteral("orders"), 0, LagUnit::Records);
    QCOMPARE(lag->graph(0)->dataCount(), static_cast<int>(records.size()));
    QCOMPARE((lag->graph(0)->data()->constEnd() - 1)->value, records.back().y());

    charts.setLagUnit(LagUnit::Seconds);
    const auto seconds = charts.partitionLagPoints(QStringLiteral("slow"), QStringLiteral("orders"), 0, LagUnit::Seconds);
    QCOMPARE((lag->graph(0)->data()->constEnd() - 1)->value, seconds.back().y());
    controller.advanceTo(SimTime::fromMillis(16000));
    QCOMPARE(lag->graph(0)->dataCount(), static_cast<int>(seconds.size()) + 1);

    combo->setCurrentIndex(0);
    QCOMPARE(charts.lagShownGroup(), QString());
    QCOMPARE(lag->graphCount(), 2);
}

void TestTrafficCharts::consumerWithoutGroupHasALine()
{
    auto cluster = makeOrdersCluster();
    QVERIFY(cluster);
    ConsumerConfig standalone;
    standalone.clientId = "tail";
    standalone.topic = "orders";
    standalone.pollInterval = SimDuration::millis(1000);
    standalone.maxPollRecords = 6;
    QVERIFY(cluster->addConsumer(standalone).isOk());
    SimulationController controller(std::move(cluster));
    TrafficCharts charts(&controller);
    controller.advanceTo(SimTime::fromMillis(10000));
    const auto records = charts.consumerLagPoints(QStringLiteral("tail"), LagUnit::Records);
    const auto seconds = charts.consumerLagPoints(QStringLiteral("tail"), LagUnit::Seconds);
    QCOMPARE(records.size(), std::size_t{10});
    QVERIFY(records.back().y() > 100);
    QVERIFY(seconds.back().y() > 1.0);
    QCOMPARE(charts.lagChart()->graphCount(), 1);
    QCOMPARE(charts.lagChart()->graph(0)->name(), QStringLiteral("tail (no group)"));
}

void TestTrafficCharts::killedBrokerMakesPartitionsUnderReplicated()
{
    auto cluster = makeOrdersCluster();
    QVERIFY(cluster);
    // A group, so that __consumer_offsets exists (and is left out of the counts).
    QVERIFY(cluster->addConsumer(groupMember("c1", "g")).isOk());
    SimulationController controller(std::move(cluster));
    TrafficCharts charts(&controller);
    controller.advanceTo(SimTime::fromMillis(5000));
    QCOMPARE(charts.replicationPoints(Series::UnderReplicated).back().y(), 0.0);
    QCOMPARE(charts.replicationPoints(Series::Offline).back().y(), 0.0);
    QCOMPARE(charts.replicationPoints(Series::InSyncReplicas).back().y(), 6.0 * 3); // 6 partitions, RF 3

    QVERIFY(controller.killBroker(0).isOk());
    controller.advanceTo(SimTime::fromMillis(8000));
    const Cluster &c = controller.cluster();
    const auto [under, offline] = underReplicatedAndOffline(c);
    // Every partition with a replica on broker 0 lost it from its ISR.
    int onBrokerZero = 0;
    for (int p = 0; p < c.topic("orders")->partitionCount(); ++p) {
        const auto &assignment = c.topic("orders")->state(PartitionId{p}).assignment;
        onBrokerZero += std::count(assignment.begin(), assignment.end(), BrokerId{0}) > 0 ? 1 : 0;
    }
    QVERIFY(under > 0);
    QCOMPARE(under, onBrokerZero);
    QCOMPARE(offline, 0);
    QCOMPARE(charts.replicationPoints(Series::UnderReplicated).back().y(), static_cast<double>(under));
    QCOMPARE(charts.replicationPoints(Series::Offline).back().y(), 0.0);
    QCOMPARE(charts.replicationPoints(Series::InSyncReplicas).back().y(), 6.0 * 3 - onBrokerZero);
    // The step happened at the kill (a point at 5 s, at the frame that saw it), not a second later.
    bool sawStepAtKill = false;
    for (const QPointF &p : charts.replicationPoints(Series::UnderReplicated))
        sawStepAtKill = sawStepAtKill || (p.x() >= 5.0 && p.x() < 5.2 && p.y() == under);
    QVERIFY(sawStepAtKill);
    // __consumer_offsets has a replica on broker 0 too, and is not counted.
    const Topic *offsets = c.topic("__consumer_offsets");
    QVERIFY(offsets);
    int internalUnder = 0;
    for (int p = 0; p < offsets->partitionCount(); ++p) {
        const PartitionState &s = offsets->state(PartitionId{p});
        internalUnder += s.leader && s.isr.size() < s.assignment.size() ? 1 : 0;
    }
    QVERIFY(internalUnder > 0);

    QVERIFY(controller.restartBroker(0).isOk());
    controller.advanceTo(SimTime::fromMillis(30000));
    QCOMPARE(underReplicatedAndOffline(controller.cluster()).first, 0);
    QCOMPARE(charts.replicationPoints(Series::UnderReplicated).back().y(), 0.0);
}

void TestTrafficCharts::rebalanceAppearsWhenAConsumerJoins()
{
    auto cluster = makeOrdersCluster();
    QVERIFY(cluster);
    QVERIFY(cluster->addConsumer(groupMember("c1", "g")).isOk());
    SimulationController controller(std::move(cluster));
    TrafficCharts charts(&controller);
    controller.advanceTo(SimTime::fromMillis(10000));
    QCOMPARE(charts.rebalanceCount(QStringLiteral("g")), 1); // the first join
    QCOMPARE(charts.latestGeneration(QStringLiteral("g")), 1);

    QVERIFY(controller.addConsumer(groupMember("c2", "g")).isOk());
    controller.advanceTo(SimTime::fromMillis(25000));
    QCOMPARE(charts.rebalanceCount(QStringLiteral("g")), 2);
    QCOMPARE(charts.latestGeneration(QStringLiteral("g")), 2);
    const auto bars = charts.rebalanceBars(QStringLiteral("g"));
    QCOMPARE(bars.size(), std::size_t{2});
    QVERIFY(bars.back().x() >= 10.0);
    QVERIFY(bars.back().y() > 0.0);
    // The bar is the rebalance the timeline finds: from PreparingRebalance to Stable.
    const RebalanceTimeline timeline = RebalanceTimeline::build(controller.cluster().journal(), "g", 25000);
    const auto rebalances = timeline.rebalances();
    QCOMPARE(rebalances.size(), std::size_t{2});
    QCOMPARE(rebalances.back().endState, QStringLiteral("Stable"));
    QVERIFY(!rebalances.back().ongoing);
    QCOMPARE(bars.back().x(), static_cast<double>(rebalances.back().startMs) / 1000.0);
    QCOMPARE(bars.back().y(), static_cast<double>(rebalances.back().durationMs()) / 1000.0);
    // The legend counts them.
    QCustomPlot *plot = charts.rebalanceChart();
    QCOMPARE(plot->plottableCount(), 1);
    QVERIFY2(plot->plottable(0)->name().contains(QLatin1String("2 rebalance")), qPrintable(plot->plottable(0)->name()));
}

void TestTrafficCharts::rewindKeepsAndForkDropsTheFuture()
{
    auto cluster = makeOrdersCluster();
    QVERIFY(cluster);
    QVERIFY(cluster->addConsumer(slowMember("c1", "g")).isOk());
    SimulationController controller(std::move(cluster));
    TrafficCharts charts(&controller);
    controller.advanceTo(SimTime::fromMillis(15000));
    QVERIFY(controller.addConsumer(slowMember("c2", "g")).isOk()); // a second rebalance
    QVERIFY(controller.killBroker(2).isOk());
    controller.advanceTo(SimTime::fromMillis(25000));
    QCOMPARE(charts.rebalanceCount(QStringLiteral("g")), 2);
    QVERIFY(charts.rebalanceBars(QStringLiteral("g")).back().x() >= 15.0);
    QVERIFY(!charts.groupLagPoints(QStringLiteral("g"), LagUnit::Seconds).empty());
    QCOMPARE(charts.groupLagPoints(QStringLiteral("g"), LagUnit::Seconds).back().x(), 25.0);
    QVERIFY(charts.replicationPoints(Series::UnderReplicated).back().y() > 0);

    QVERIFY(controller.rewindTo(SimTime::fromMillis(14000)).isOk());
    // Moving along the timeline keeps the future's points (out of sight).
    QCOMPARE(charts.groupLagPoints(QStringLiteral("g"), LagUnit::Seconds).back().x(), 25.0);
    QCOMPARE(charts.rateGraphPoints(QStringLiteral("orders")), 25);

    controller.step(100); // a new future from 14 s
    for (const LagUnit unit : {LagUnit::Records, LagUnit::Seconds}) {
        const auto points = charts.groupLagPoints(QStringLiteral("g"), unit);
        QVERIFY(!points.empty()); // the group had committed by 14 s
        for (const QPointF &p : points)
            QVERIFY(p.x() <= 14.0);
    }
    for (const Series s : {Series::UnderReplicated, Series::Offline, Series::InSyncReplicas})
        for (const QPointF &p : charts.replicationPoints(s))
            QVERIFY2(p.x() <= 14.1, qPrintable(QString::number(p.x())));
    QCOMPARE(charts.replicationPoints(Series::UnderReplicated).back().y(), 0.0); // broker 2 lives in this future
    QCOMPARE(charts.rebalanceCount(QStringLiteral("g")), 1);
    for (const QPointF &bar : charts.rebalanceBars(QStringLiteral("g")))
        QVERIFY(bar.x() < 14.0);
    QCOMPARE(charts.rateGraphPoints(QStringLiteral("orders")), 14);

    controller.advanceTo(SimTime::fromMillis(18000));
    QCOMPARE(charts.groupLagPoints(QStringLiteral("g"), LagUnit::Seconds).back().x(), 18.0);
    QCOMPARE(charts.rateGraphPoints(QStringLiteral("orders")), 18);
}

void TestTrafficCharts::exportWritesPngAndPdf()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto cluster = makeOrdersCluster();
    QVERIFY(cluster);
    QVERIFY(cluster->addConsumer(slowMember("c1", "g")).isOk());
    SimulationController controller(std::move(cluster));
    TrafficCharts charts(&controller);
    charts.resize(1600, 300);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    controller.advanceTo(SimTime::fromMillis(8000));

    for (int i = 0; i < TrafficCharts::kChartCount; ++i) {
        const auto chart = static_cast<Chart>(i);
        const QString png = dir.filePath(QStringLiteral("chart%1.png").arg(i));
        QCOMPARE(charts.exportChart(chart, png, Format::Png), QString());
        const QImage image(png);
        QVERIFY(!image.isNull());
        const QSize cell(std::max(charts.chart(chart)->width(), 640), std::max(charts.chart(chart)->height(), 360));
        QCOMPARE(image.size(), cell * 2);
        const QString pdf = dir.filePath(QStringLiteral("chart%1.pdf").arg(i));
        QCOMPARE(charts.exportChart(chart, pdf, Format::Pdf), QString());
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.size() > 1000);
        QVERIFY(file.read(5) == "%PDF-");
    }
    const QString all = dir.filePath(QStringLiteral("all.png"));
    QCOMPARE(charts.exportAll(all, Format::Png), QString());
    const QImage image(all);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 2 * 2 * 640 && image.height() >= 2 * 2 * 360);
    QCOMPARE(charts.exportAll(dir.filePath(QStringLiteral("all.pdf")), Format::Pdf), QString());
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("all.pdf"))).size() > 1000);
    // The charts on screen are as they were (their own size, not the exported one).
    QCOMPARE(charts.rateChart()->viewport().size(), charts.rateChart()->size());
}

void TestTrafficCharts::exportToAnUnwritablePathFails()
{
    QTemporaryDir dir;
    SimulationController controller(makeOrdersCluster());
    TrafficCharts charts(&controller);
    controller.advanceTo(SimTime::fromMillis(2000));
    const QString missing = QStringLiteral("/nonexistent-dir/x/chart.png");
    QString error = charts.exportChart(Chart::Lag, missing, Format::Png);
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(missing), qPrintable(error));
    error = charts.exportAll(QStringLiteral("/nonexistent-dir/x/charts.pdf"), Format::Pdf);
    QVERIFY(error.contains(QLatin1String("/nonexistent-dir/x/charts.pdf")));
    // A directory is not a file either; and nothing is left behind.
    error = charts.exportChart(Chart::Rate, dir.path(), Format::Pdf);
    QVERIFY(!error.isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

void TestTrafficCharts::gridFollowsTheWidgetsShape()
{
    SimulationController controller(makeOrdersCluster());
    TrafficCharts charts(&controller);
    charts.resize(1600, 260);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QCOMPARE(charts.chartColumns(), 4); // a wide, short dock: four in a row
    QVERIFY(charts.lagChart()->x() > charts.rateChart()->x());
    QCOMPARE(charts.lagChart()->y(), charts.rateChart()->y());
    charts.resize(1000, 700);
    QCOMPARE(charts.chartColumns(), 2);
    QVERIFY(charts.replicationChart()->y() > charts.rateChart()->y());
    // No chart overlaps another.
    for (int i = 0; i < TrafficCharts::kChartCount; ++i)
        for (int j = i + 1; j < TrafficCharts::kChartCount; ++j)
            QVERIFY(!charts.chart(static_cast<Chart>(i))->geometry().intersects(charts.chart(static_cast<Chart>(j))->geometry()));
}

void TestTrafficCharts::appearanceReachesEveryChart()
{
    SimulationController controller(makeOrdersCluster());
    TrafficCharts charts(&controller);
    const QPalette before = QApplication::palette();
    QPalette dark = before;
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    QApplication::setPalette(dark);
    charts.applyAppearance();
    for (int i = 0; i < TrafficCharts::kChartCount; ++i) {
        QCustomPlot *plot = charts.chart(static_cast<Chart>(i));
        QCOMPARE(plot->xAxis->tickLabelColor(), QColor(0xee, 0xee, 0xee));
        QCOMPARE(plot->yAxis->labelColor(), QColor(0xee, 0xee, 0xee));
        QCOMPARE(plot->legend->textColor(), QColor(0xee, 0xee, 0xee));
    }
    QCOMPARE(charts.replicationChart()->yAxis2->tickLabelColor(), QColor(0xee, 0xee, 0xee));
    QApplication::setPalette(before);
}

void TestTrafficCharts::emptyChartsKeepTheirWidth()
{
    // No consumer and no group: the lag and rebalance charts have empty legends, which must not
    // squeeze their axes (an empty legend grid once limited the whole column to its margins).
    auto cluster = std::make_unique<Cluster>(3);
    cluster->addBroker();
    cluster->addBroker();
    TopicSettings settings;
    settings.replicationFactor = 3;
    QVERIFY(cluster->createTopic("t", 2, settings).isOk());
    SimulationController controller(std::move(cluster));
    TrafficCharts charts(&controller);
    charts.resize(1400, 260);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    controller.advanceTo(SimTime::fromMillis(3000));
    for (QCustomPlot *plot : {charts.lagChart(), charts.rebalanceChart()}) {
        plot->replot();
        QCOMPARE(plot->legend->itemCount() == 0 || !plot->legend->item(0), true);
        QVERIFY2(plot->axisRect()->width() > plot->width() / 2,
                 qPrintable(QStringLiteral("axes %1 px wide in a %2 px chart").arg(plot->axisRect()->width()).arg(plot->width())));
    }
}

QTEST_MAIN(TestTrafficCharts)
#include "tst_trafficcharts.moc"
