#include "trafficcharts.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <qcustomplot.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QImageWriter>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPdfWriter>
#include <QPushButton>
#include <QRadioButton>
#include <QResizeEvent>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTabBar>
#include <QVBoxLayout>

#include "cluster/consumer_lag.h"
#include "model/rebalancetimeline.h"
#include "model/simulationcontroller.h"

using namespace kafkascope;

namespace {

// Series colours: a fixed, colour-blind-friendly cycle (Okabe-Ito), in order of appearance; after
// one round the lines are dashed.
QPen seriesPen(int index)
{
    static const QColor palette[] = {QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x9e, 0x73),
                                     QColor(0xcc, 0x79, 0xa7), QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9),
                                     QColor(0x80, 0x80, 0x80)};
    constexpr int n = static_cast<int>(std::size(palette));
    QPen pen(palette[static_cast<std::size_t>(index % n)], 2);
    if (index >= n)
        pen.setStyle(Qt::DashLine);
    return pen;
}

// Tick labels of the time axis carry the unit ("30 s"), so no axis title takes a row.
class SecondsTicker : public QCPAxisTicker
{
protected:
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override
    {
        return TrafficCharts::tr("%1 s").arg(QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision));
    }
};

constexpr double kBarSeconds = 1.0;

QString groupKey(const QString &group)
{
    return QStringLiteral("0\x1f") + group;
}
QString consumerKey(const QString &clientId)
{
    return QStringLiteral("1\x1f") + clientId;
}
// Partitions sort by number (orders-2 before orders-10).
QString partitionKey(const QString &group, const QString &topic, int partition)
{
    return QStringLiteral("2\x1f%1\x1f%2\x1f%3").arg(group, topic).arg(partition, 8, 10, QLatin1Char('0'));
}

// The chart's title (in the layout's first row, or out of the layout while it is not shown; its
// QObject parent is the layout or the plot). The only text element of the plot.
QCPTextElement *titleOf(QCustomPlot *plot)
{
    return plot->findChild<QCPTextElement *>();
}

} // namespace

// Lays the four charts out as 4 x 1, 2 x 2 or 1 x 4, whichever leaves each chart the most room
// relative to what its text needs (which grows with the font, for presenter mode). When even the
// best of them would cramp the charts (a short dock, presenter mode on a small screen), one chart
// is shown at a time, chosen with tabs.
class TrafficCharts::ChartGrid : public QWidget
{
public:
    explicit ChartGrid(QWidget *parent) : QWidget(parent), m_tabs(new QTabBar(this))
    {
        m_tabs->setDocumentMode(true);
        m_tabs->setExpanding(false);
        m_tabs->setDrawBase(false);
        m_tabs->hide();
        connect(m_tabs, &QTabBar::currentChanged, this, [this] { arrange(); });
    }

    void setCharts(std::vector<QWidget *> charts)
    {
        m_charts = std::move(charts);
        while (m_tabs->count() < static_cast<int>(m_charts.size()))
            m_tabs->addTab(QString());
        arrange();
    }
    void setTabTitles(const QStringList &titles)
    {
        for (int i = 0; i < std::min<int>(m_tabs->count(), static_cast<int>(titles.size())); ++i)
            m_tabs->setTabText(i, titles[i]);
    }
    [[nodiscard]] int columns() const { return m_columns; }
    [[nodiscard]] bool tabbed() const { return !m_tabs->isHidden(); }
    [[nodiscard]] QTabBar *tabs() const { return m_tabs; }
    // Room for one chart and its text: presenter mode's larger font makes the dock taller.
    [[nodiscard]] QSize minimumSizeHint() const override
    {
        const int lineHeight = QFontMetrics(font()).height();
        return {15 * lineHeight, 9 * lineHeight};
    }
    // Called when the charts go behind tabs or come back from them.
    std::function<void()> tabbedChanged;
    [[nodiscard]] QSize sizeHint() const override { return {1200, 240}; }

    void arrange()
    {
        if (m_charts.empty())
            return;
        const int count = static_cast<int>(m_charts.size());
        const double lineHeight = QFontMetricsF(font()).height();
        const double minWidth = 20.0 * lineHeight;
        const double minHeight = 10.0 * lineHeight;
        double best = -1;
        for (const int columns : {4, 2, 1}) {
            const int rows = (count + columns - 1) / columns;
            const double fit = std::min((width() - (columns - 1) * kSpacing) / columns / minWidth,
                                        (height() - (rows - 1) * kSpacing) / rows / minHeight);
            if (fit > best + 1e-9) {
                best = fit;
                m_columns = columns;
            }
        }
        const bool tabbed = best < 1.0;
        if (tabbed != this->tabbed()) {
            m_tabs->setVisible(tabbed);
            if (tabbedChanged)
                tabbedChanged();
        }
        if (tabbed) {
            m_columns = 1;
            const int tabHeight = m_tabs->sizeHint().height();
            m_tabs->setGeometry(0, 0, width(), tabHeight);
            for (int i = 0; i < count; ++i) {
                QWidget *chart = m_charts[static_cast<std::size_t>(i)];
                if (i == m_tabs->currentIndex()) {
                    chart->setGeometry(0, tabHeight, width(), std::max(1, height() - tabHeight));
                    reveal(chart);
                } else {
                    chart->hide();
                }
            }
            return;
        }
        const int rows = (count + m_columns - 1) / m_columns;
        const int cellWidth = (width() - (m_columns - 1) * kSpacing) / m_columns;
        const int cellHeight = (height() - (rows - 1) * kSpacing) / rows;
        for (int i = 0; i < count; ++i) {
            QWidget *chart = m_charts[static_cast<std::size_t>(i)];
            chart->setGeometry((i % m_columns) * (cellWidth + kSpacing), (i / m_columns) * (cellHeight + kSpacing),
                               std::max(1, cellWidth), std::max(1, cellHeight));
            reveal(chart);
        }
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QWidget::resizeEvent(event);
        arrange();
    }
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::FontChange)
            arrange();
        QWidget::changeEvent(event);
    }

private:
    // Hidden charts are not replotted (see rescale()): one shown again draws what it missed.
    static void reveal(QWidget *chart)
    {
        if (chart->isVisibleTo(chart->parentWidget()))
            return;
        chart->show();
        if (auto *plot = qobject_cast<QCustomPlot *>(chart))
            plot->replot(QCustomPlot::rpQueuedReplot);
    }

    static constexpr int kSpacing = 4;
    QTabBar *m_tabs;
    std::vector<QWidget *> m_charts;
    int m_columns = 4;
};

TrafficCharts::TrafficCharts(SimulationController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_grid(new ChartGrid(this))
{
    m_lagLabel = new QLabel(this);
    m_lagGroup = new QComboBox(this);
    m_lagGroup->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_lagGroup->addItem(QString(), QString());
    m_lagRecords = new QRadioButton(this);
    m_lagSeconds = new QRadioButton(this);
    m_lagRecords->setChecked(true);
    m_exportPng = new QPushButton(this);
    m_exportPdf = new QPushButton(this);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_lagLabel);
    controls->addWidget(m_lagGroup);
    controls->addSpacing(8);
    controls->addWidget(m_lagRecords);
    controls->addWidget(m_lagSeconds);
    controls->addStretch(1);
    controls->addWidget(m_exportPng);
    controls->addWidget(m_exportPdf);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(controls);
    layout->addWidget(m_grid, 1);

    std::vector<QWidget *> cells;
    for (int i = 0; i < kChartCount; ++i) {
        auto *plot = new QCustomPlot(m_grid);
        m_plots[static_cast<std::size_t>(i)] = plot;
        setUpPlot(plot);
        plot->installEventFilter(this);
        plot->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(plot, &QWidget::customContextMenuRequested, this,
                [this, i](const QPoint &pos) { showExportMenu(static_cast<Chart>(i), pos); });
        cells.push_back(plot);
    }
    m_grid->setCharts(std::move(cells));
    // Behind tabs the tab names the chart: its title makes way for the data.
    m_grid->tabbedChanged = [this] {
        updateTitles(!m_grid->tabbed());
        for (QCustomPlot *plot : m_plots)
            plot->replot(QCustomPlot::rpQueuedReplot);
    };

    // Replication: two counts of partitions (left axis) and the total ISR size (right axis).
    QCustomPlot *replication = replicationChart();
    replication->yAxis2->setVisible(true);
    QSharedPointer<QCPAxisTickerFixed> integers(new QCPAxisTickerFixed);
    integers->setTickStep(1.0);
    integers->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    replication->yAxis->setTicker(integers);
    replication->yAxis2->setTicker(integers);
    for (int s = 0; s < 3; ++s) {
        QCPGraph *g = replication->addGraph(replication->xAxis, s == 2 ? replication->yAxis2 : replication->yAxis);
        QPen pen = seriesPen(s == 0 ? 4 : s == 1 ? 3 : 6); // orange, reddish purple, grey
        if (s == 2)
            pen = QPen(pen.color(), 1, Qt::DashLine);
        g->setPen(pen);
        g->setLineStyle(QCPGraph::lsStepLeft);
        m_replication[static_cast<std::size_t>(s)] = g;
    }
    // Rebalances: a bar per rebalance, the groups side by side.
    m_barsGroup = new QCPBarsGroup(rebalanceChart());
    m_barsGroup->setSpacingType(QCPBarsGroup::stAbsolute);
    m_barsGroup->setSpacing(1);

    connect(m_lagGroup, &QComboBox::currentIndexChanged, this,
            [this] { showLagOf(m_lagGroup->currentData().toString()); });
    connect(m_lagRecords, &QRadioButton::toggled, this,
            [this](bool records) { setLagUnit(records ? LagUnit::Records : LagUnit::Seconds); });
    connect(m_exportPng, &QPushButton::clicked, this, [this] { exportWithDialog(std::nullopt, ExportFormat::Png); });
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { exportWithDialog(std::nullopt, ExportFormat::Pdf); });

    retranslate();
    for (const auto &[name, topic] : controller->cluster().topics())
        if (!topic.isInternal())
            graphFor(rateChart(), m_rateGraphs, QString::fromStdString(name));
    connect(m_controller, &SimulationController::frameAdvanced, this, &TrafficCharts::onFrameAdvanced);
    connect(m_controller, &SimulationController::forked, this, &TrafficCharts::onForked);
    connect(m_controller, &SimulationController::rewound, this, &TrafficCharts::onRewound);
    rebuildRebalances(std::nullopt);
    onFrameAdvanced();
}

TrafficCharts::~TrafficCharts() = default;

int TrafficCharts::chartColumns() const
{
    return m_grid->columns();
}

bool TrafficCharts::chartsTabbed() const
{
    return m_grid->tabbed();
}

void TrafficCharts::setUpPlot(QCustomPlot *plot)
{
    plot->setMinimumSize(120, 90);
    plot->setNotAntialiasedElements(QCP::aeAll);
    // The legend sits in a row of its own under the axes, laid out left to right (wrapped to the
    // chart's width), so that it never hides the newest data.
    plot->legend->setVisible(true);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(Qt::NoBrush);
    plot->legend->setRowSpacing(0);
    plot->legend->setMargins(QMargins(6, 0, 6, 2));
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->plotLayout()->addElement(1, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, QString(), QFont(font().family(), font().pointSize(), QFont::Bold)));
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new SecondsTicker));
    plot->xAxis->setRange(0, kWindowSeconds);
    plot->yAxis->setRange(0, 10);
    // After a rewind: a dashed line at the current simTime, the points to its right being the
    // future the timeline still holds.
    auto *cursor = new QCPItemStraightLine(plot);
    cursor->setPen(QPen(QColor(0x80, 0x80, 0x80), 1.5, Qt::DashLine));
    cursor->setVisible(false);
    m_cursors.push_back(cursor);
}

void TrafficCharts::applyAppearance()
{
    const QPalette pal = QApplication::palette();
    const QColor text = pal.color(QPalette::Text);
    QColor grid = pal.color(QPalette::PlaceholderText);
    grid.setAlpha(90);
    const QFont font = QApplication::font();
    QFont titleFont = font;
    titleFont.setBold(true);
    for (QCustomPlot *plot : m_plots) {
        plot->setBackground(pal.color(QPalette::Base));
        for (QCPAxis *axis : {plot->xAxis, plot->yAxis, plot->yAxis2}) {
            axis->setBasePen(QPen(text));
            axis->setTickPen(QPen(text));
            axis->setSubTickPen(QPen(text));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->setTickLabelFont(font);
            axis->setLabelFont(font);
            axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        }
        plot->yAxis2->grid()->setVisible(false);
        plot->legend->setTextColor(text);
        plot->legend->setFont(font);
        titleOf(plot)->setTextColor(text);
        titleOf(plot)->setFont(titleFont);
        fitToSize(plot, plot->size());
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    m_grid->arrange();
}

void TrafficCharts::updateTitles(bool shown)
{
    // A title that is not shown leaves the layout: hidden, it would keep its row.
    for (int i = 0; i < kChartCount; ++i) {
        QCustomPlot *plot = m_plots[static_cast<std::size_t>(i)];
        QCPTextElement *title = titleOf(plot);
        title->setText(chartTitle(static_cast<Chart>(i)));
        QCPLayoutGrid *layout = plot->plotLayout();
        const bool inLayout = layout->element(0, 0) == title;
        if (shown && !inLayout) {
            layout->insertRow(0);
            layout->addElement(0, 0, title);
        } else if (!shown && inLayout) {
            layout->take(title);
            layout->simplify();
        }
        title->setVisible(shown);
    }
}

QString TrafficCharts::chartTitle(Chart chart) const
{
    switch (chart) {
    case Chart::Rate:
        return tr("Records produced per second");
    case Chart::Lag:
        if (m_lagShown.isEmpty())
            return m_lagUnit == LagUnit::Records ? tr("Consumer lag (records)") : tr("Consumer lag (seconds)");
        return (m_lagUnit == LagUnit::Records ? tr("Lag of %1 per partition (records)")
                                              : tr("Lag of %1 per partition (seconds)"))
            .arg(m_lagShown);
    case Chart::Replication:
        return tr("Under-replicated and offline partitions");
    case Chart::Rebalances:
        return tr("Rebalances (how long each took)");
    }
    return {};
}

void TrafficCharts::retranslate()
{
    updateTitles(!m_grid->tabbed());
    rateChart()->yAxis->setLabel(tr("records/s"));
    lagChart()->yAxis->setLabel(m_lagUnit == LagUnit::Records ? tr("records") : tr("seconds"));
    replicationChart()->yAxis->setLabel(tr("partitions"));
    replicationChart()->yAxis2->setLabel(tr("in-sync replicas"));
    rebalanceChart()->yAxis->setLabel(tr("seconds"));
    m_replication[0]->setName(tr("under-replicated"));
    m_replication[1]->setName(tr("offline"));
    m_replication[2]->setName(tr("ISR size (right)"));
    for (const auto &[group, series] : m_rebalances)
        updateRebalanceLegend(group);

    rateChart()->setToolTip(tr("Records appended to each topic per simulated second (internal topics left out)."));
    lagChart()->setToolTip(
        tr("<p><b>Records</b>: the high watermark minus the group's committed offset, summed over its partitions "
           "(the LAG column of kafka-consumer-groups --describe).</p>"
           "<p><b>Seconds</b>: the age of the oldest record the group has not committed yet, the largest over its "
           "partitions; 0 when it is caught up (the time lag of kafka-lag-exporter and Burrow). Offsets are committed "
           "now and then (auto commit: every 5 s), so both rise between commits.</p>"
           "<p>A consumer without a group counts from its position instead of a committed offset. Choose a group "
           "above to see its partitions.</p>"));
    replicationChart()->setToolTip(
        tr("<p><b>Under-replicated</b>: partitions with a leader whose in-sync replicas are fewer than their "
           "replicas (Kafka's UnderReplicatedPartitions).</p><p><b>Offline</b>: partitions without a leader "
           "(OfflinePartitionsCount).</p><p><b>ISR size</b> (right axis): in-sync replicas over all partitions.</p>"
           "<p>The internal __consumer_offsets topic is left out.</p>"));
    rebalanceChart()->setToolTip(
        tr("<p>A bar per rebalance of each consumer group, where it began and as high as it lasted: from "
           "PreparingRebalance until the group is Stable again (or empty). Meanwhile the group's consumers read "
           "nothing (eager protocol) or only the partitions they keep (cooperative).</p>"
           "<p>The legend counts each group's rebalances and gives its latest generation.</p>"));

    m_grid->setTabTitles({tr("Produced"), tr("Lag"), tr("Replication"), tr("Rebalances")});
    m_lagLabel->setText(tr("Lag of"));
    m_lagGroup->setItemText(0, tr("all groups"));
    m_lagGroup->setToolTip(tr("All groups (one line each), or the partitions of one group"));
    m_lagRecords->setText(tr("in records"));
    m_lagSeconds->setText(tr("in seconds"));
    m_exportPng->setText(tr("Export PNG…"));
    m_exportPdf->setText(tr("Export PDF…"));
    m_exportPng->setToolTip(tr("Save the four charts as one PNG image (right-click a chart to save it alone)"));
    m_exportPdf->setToolTip(tr("Save the four charts as one PDF page (right-click a chart to save it alone)"));
    rebuildLagGraphs(); // the legend's "(no group)"
    for (QCustomPlot *plot : m_plots) {
        fitToSize(plot, plot->size());
        plot->replot();
    }
}

void TrafficCharts::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool TrafficCharts::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize)
        if (auto *plot = qobject_cast<QCustomPlot *>(watched))
            fitToSize(plot, static_cast<QResizeEvent *>(event)->size());
    return QWidget::eventFilter(watched, event);
}

void TrafficCharts::fitToSize(QCustomPlot *plot, QSize size)
{
    QCPLegend *legend = plot->legend;
    int widest = 1;
    int items = 0;
    for (int i = 0; i < legend->itemCount(); ++i) { // cells of the grid, some of them empty
        if (const QCPAbstractLegendItem *item = legend->item(i)) {
            widest = std::max(widest, item->minimumOuterSizeHint().width() + legend->columnSpacing());
            ++items;
        }
    }
    // No more columns than items: empty columns still take their spacing, and hundreds of them
    // (an empty legend) would squeeze the axes to nothing.
    const int perRow = std::clamp((size.width() - 16) / widest, 1, std::max(1, items));
    if (perRow != legend->wrap()) {
        legend->setWrap(perRow);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
    // An empty legend must keep one (empty) cell: a grid without columns says it can be at most
    // its margins wide, which would squeeze the axes above it into a sliver.
    if (legend->columnCount() == 0 || legend->rowCount() == 0)
        legend->expandTo(1, 1);
    // As many ticks as their labels have room for (the ticker rounds to nice steps).
    const QFontMetrics fm(plot->xAxis->tickLabelFont());
    const int labelWidth = fm.horizontalAdvance(tr("%1 s").arg(888));
    const int rows = legend->rowCount() + 3; // title, tick labels and some air
    plot->xAxis->ticker()->setTickCount(std::clamp((size.width() - 6 * fm.height()) / (2 * labelWidth), 2, 6));
    const int yTicks = std::clamp((size.height() - rows * fm.height()) / (2 * fm.height()), 2, 5);
    plot->yAxis->ticker()->setTickCount(yTicks);
    plot->yAxis2->ticker()->setTickCount(yTicks);
}

QCPGraph *TrafficCharts::graphFor(QCustomPlot *plot, std::map<QString, QCPGraph *> &graphs, const QString &name)
{
    auto it = graphs.find(name);
    if (it != graphs.end())
        return it->second;
    QCPGraph *g = plot->addGraph();
    g->setName(name);
    g->setPen(seriesPen(plot->graphCount() - 1));
    g->setLineStyle(QCPGraph::lsStepLeft);
    graphs.emplace(name, g);
    fitToSize(plot, plot->size());
    return g;
}

int TrafficCharts::rateGraphPoints(const QString &topic) const
{
    const auto it = m_rateGraphs.find(topic);
    return it == m_rateGraphs.end() ? 0 : it->second->dataCount();
}

// --- Lag ----------------------------------------------------------------------------------------

TrafficCharts::LagSeries &TrafficCharts::lagSeries(const QString &key, LagSeries::Kind kind, const QString &group,
                                                   const QString &name)
{
    auto it = m_lag.find(key);
    if (it == m_lag.end()) {
        LagSeries s;
        s.kind = kind;
        s.group = group;
        s.name = name;
        for (auto &points : s.data)
            points.reset(new QCPGraphDataContainer);
        it = m_lag.emplace(key, std::move(s)).first;
    }
    return it->second;
}

std::vector<QPointF> TrafficCharts::lagPoints(const QString &key, LagUnit unit) const
{
    std::vector<QPointF> points;
    const auto it = m_lag.find(key);
    if (it == m_lag.end())
        return points;
    for (const QCPGraphData &d : *it->second.data[static_cast<std::size_t>(unit)])
        points.emplace_back(d.key, d.value);
    return points;
}

std::vector<QPointF> TrafficCharts::groupLagPoints(const QString &group, LagUnit unit) const
{
    return lagPoints(groupKey(group), unit);
}

std::vector<QPointF> TrafficCharts::partitionLagPoints(const QString &group, const QString &topic, int partition,
                                                       LagUnit unit) const
{
    return lagPoints(partitionKey(group, topic, partition), unit);
}

std::vector<QPointF> TrafficCharts::consumerLagPoints(const QString &clientId, LagUnit unit) const
{
    return lagPoints(consumerKey(clientId), unit);
}

void TrafficCharts::sampleLag(double key)
{
    const Cluster &cluster = m_controller->cluster();
    constexpr auto records = static_cast<std::size_t>(LagUnit::Records);
    constexpr auto seconds = static_cast<std::size_t>(LagUnit::Seconds);
    // Groups: those of the consumers and those the journal mentions (a group whose members are
    // gone keeps its commits, and its lag grows).
    std::set<std::string> groups;
    for (const auto &[group, series] : m_rebalances)
        groups.insert(group.toStdString());
    for (const auto &c : cluster.consumers()) {
        if (c->config().groupId) {
            groups.insert(*c->config().groupId);
            continue;
        }
        if (!c->isRunning())
            continue; // its line ends where it stopped
        // Without a group nothing is committed: from the position, as Kafka's tools cannot.
        std::int64_t lag = 0;
        SimDuration age;
        for (const auto &[tp, position] : c->positions()) {
            const Topic *topic = cluster.topic(tp.topic);
            if (!topic || topic->isInternal() || tp.partition.value() >= topic->partitionCount())
                continue;
            lag += std::max<std::int64_t>(0, topic->state(tp.partition).highWatermark() - position.value());
            age = std::max(age, timeLagAt(cluster, tp, position.value()).value_or(SimDuration{}));
        }
        const QString client = QString::fromStdString(c->config().clientId);
        LagSeries &s = lagSeries(consumerKey(client), LagSeries::Kind::Consumer, QString(), client);
        s.data[records]->add(QCPGraphData(key, static_cast<double>(lag)));
        s.data[seconds]->add(QCPGraphData(key, age.secondsF()));
    }
    for (const std::string &id : groups) {
        std::map<TopicPartition, PartitionLag> lags = groupLag(cluster, id);
        std::erase_if(lags, [&cluster](const auto &entry) {
            const Topic *topic = cluster.topic(entry.first.topic);
            return !topic || topic->isInternal() || !entry.second.committedLag;
        });
        if (lags.empty())
            continue; // nothing committed yet: Kafka's tools show no lag either
        const QString group = QString::fromStdString(id);
        for (const auto &[tp, lag] : lags) {
            const QString topic = QString::fromStdString(tp.topic);
            LagSeries &s = lagSeries(partitionKey(group, topic, tp.partition.value()), LagSeries::Kind::Partition, group,
                                     QString::fromStdString(tp.toString()));
            s.data[records]->add(QCPGraphData(key, static_cast<double>(*lag.committedLag)));
            s.data[seconds]->add(QCPGraphData(key, lag.committedTimeLag.value_or(SimDuration{}).secondsF()));
        }
        const GroupLagTotals total = totalLag(lags);
        LagSeries &s = lagSeries(groupKey(group), LagSeries::Kind::Group, group, group);
        s.data[records]->add(QCPGraphData(key, static_cast<double>(total.committedLag)));
        s.data[seconds]->add(QCPGraphData(key, total.maxCommittedTimeLag.secondsF()));
    }
}

void TrafficCharts::updateLagGroups()
{
    QStringList groups;
    for (const auto &[key, series] : m_lag)
        if (series.kind == LagSeries::Kind::Group)
            groups << series.group;
    QStringList listed;
    for (int i = 1; i < m_lagGroup->count(); ++i)
        listed << m_lagGroup->itemData(i).toString();
    if (groups == listed)
        return;
    const QSignalBlocker block(m_lagGroup);
    while (m_lagGroup->count() > 1)
        m_lagGroup->removeItem(1);
    for (const QString &g : groups)
        m_lagGroup->addItem(g, g);
    const int index = m_lagGroup->findData(m_lagShown);
    m_lagGroup->setCurrentIndex(std::max(0, index));
    if (index < 0)
        m_lagShown.clear();
}

void TrafficCharts::rebuildLagGraphs()
{
    QCustomPlot *plot = lagChart();
    plot->clearGraphs();
    int index = 0;
    for (const auto &[key, series] : m_lag) {
        const bool shown = m_lagShown.isEmpty() ? series.kind != LagSeries::Kind::Partition
                                                : series.kind == LagSeries::Kind::Partition && series.group == m_lagShown;
        if (!shown)
            continue;
        QCPGraph *g = plot->addGraph();
        g->setName(series.kind == LagSeries::Kind::Consumer ? tr("%1 (no group)").arg(series.name) : series.name);
        g->setPen(seriesPen(index++));
        g->setLineStyle(QCPGraph::lsStepLeft);
        g->setData(series.data[static_cast<std::size_t>(m_lagUnit)]);
    }
    m_lagSeriesShown = m_lag.size();
    updateTitles(!m_grid->tabbed());
    plot->yAxis->setLabel(m_lagUnit == LagUnit::Records ? tr("records") : tr("seconds"));
    fitToSize(plot, plot->size());
}

void TrafficCharts::showLagOf(const QString &group)
{
    if (group == m_lagShown)
        return;
    m_lagShown = group;
    {
        const QSignalBlocker block(m_lagGroup);
        m_lagGroup->setCurrentIndex(std::max(0, m_lagGroup->findData(group)));
    }
    rebuildLagGraphs();
    rescale();
}

QString TrafficCharts::lagShownGroup() const
{
    return m_lagShown;
}

void TrafficCharts::setLagUnit(LagUnit unit)
{
    if (unit == m_lagUnit)
        return;
    m_lagUnit = unit;
    {
        const QSignalBlocker blockRecords(m_lagRecords);
        const QSignalBlocker blockSeconds(m_lagSeconds);
        (unit == LagUnit::Records ? m_lagRecords : m_lagSeconds)->setChecked(true);
    }
    rebuildLagGraphs();
    rescale();
}

// --- Replication --------------------------------------------------------------------------------

bool TrafficCharts::sampleReplication(double key, bool onlyIfChanged)
{
    std::array<double, 3> now{0, 0, 0};
    for (const auto &[name, topic] : m_controller->cluster().topics()) {
        if (topic.isInternal())
            continue;
        for (int p = 0; p < topic.partitionCount(); ++p) {
            const PartitionState &state = topic.state(PartitionId{p});
            // Kafka's replication factor: the target's during a reassignment.
            const std::size_t replicas = state.reassignTarget ? state.reassignTarget->size() : state.assignment.size();
            if (!state.leader)
                ++now[static_cast<std::size_t>(ReplicationSeries::Offline)];
            else if (state.isr.size() < replicas)
                ++now[static_cast<std::size_t>(ReplicationSeries::UnderReplicated)];
            now[static_cast<std::size_t>(ReplicationSeries::InSyncReplicas)] += static_cast<double>(state.isr.size());
        }
    }
    if (onlyIfChanged && now == m_lastReplication)
        return false;
    for (std::size_t s = 0; s < now.size(); ++s) {
        const QSharedPointer<QCPGraphDataContainer> points = m_replication[s]->data();
        if (!points->isEmpty() && (points->constEnd() - 1)->key > key)
            return false; // never into the past (a rewound timeline is not sampled)
    }
    for (std::size_t s = 0; s < now.size(); ++s)
        m_replication[s]->addData(key, now[s]);
    m_lastReplication = now;
    return true;
}

std::vector<QPointF> TrafficCharts::replicationPoints(ReplicationSeries series) const
{
    std::vector<QPointF> points;
    for (const QCPGraphData &d : *m_replication[static_cast<std::size_t>(series)]->data())
        points.emplace_back(d.key, d.value);
    return points;
}

// --- Rebalances ---------------------------------------------------------------------------------

void TrafficCharts::rebuildRebalances(const std::optional<std::set<std::string>> &only)
{
    const Cluster &cluster = m_controller->cluster();
    const Journal &journal = cluster.journal();
    m_journalSeen = journal.totalEvents();
    std::set<std::string> groups;
    if (only) {
        groups = *only;
    } else {
        for (const QString &g : RebalanceTimeline::groups(journal))
            groups.insert(g.toStdString());
        // Groups the journal no longer mentions (after a rewind to before they existed) go.
        for (auto it = m_rebalances.begin(); it != m_rebalances.end();) {
            if (groups.count(it->first.toStdString()) == 0) {
                rebalanceChart()->removePlottable(it->second.bars);
                it = m_rebalances.erase(it);
            } else {
                ++it;
            }
        }
    }
    QCustomPlot *plot = rebalanceChart();
    for (const std::string &id : groups) {
        const QString group = QString::fromStdString(id);
        const RebalanceTimeline timeline = RebalanceTimeline::build(journal, id, cluster.now().millis());
        RebalanceSeries &series = m_rebalances[group];
        if (!series.bars) {
            series.bars = new QCPBars(plot->xAxis, plot->yAxis);
            series.bars->setBarsGroup(m_barsGroup);
            // A bar a simulated second wide, its left edge where the rebalance began.
            series.bars->setWidthType(QCPBars::wtPlotCoords);
            series.bars->setWidth(kBarSeconds);
            // Colours in order of the groups' names, stable as groups come and go.
            int index = 0;
            for (const auto &[name, other] : m_rebalances) {
                if (name == group)
                    break;
                ++index;
            }
            const QColor colour = seriesPen(index).color();
            series.bars->setPen(QPen(colour.darker(130), 1));
            series.bars->setBrush(colour);
        }
        series.bars->data()->clear();
        series.ongoingSinceMs.reset();
        const std::vector<RebalanceTimeline::Rebalance> rebalances = timeline.rebalances();
        for (const RebalanceTimeline::Rebalance &r : rebalances) {
            series.bars->addData(static_cast<double>(r.startMs) / 1000.0 + kBarSeconds / 2,
                                 static_cast<double>(r.durationMs()) / 1000.0);
            if (r.ongoing)
                series.ongoingSinceMs = r.startMs;
        }
        series.count = static_cast<int>(rebalances.size());
        series.generation = timeline.generations.empty() ? 0 : timeline.generations.back().generation;
        updateRebalanceLegend(group);
    }
    fitToSize(plot, plot->size());
}

bool TrafficCharts::updateRebalances()
{
    const Cluster &cluster = m_controller->cluster();
    const Journal &journal = cluster.journal();
    bool changed = false;
    if (journal.totalEvents() < m_journalSeen) {
        rebuildRebalances(std::nullopt);
        changed = true;
    } else if (journal.totalEvents() > m_journalSeen) {
        std::set<std::string> touched;
        const auto &events = journal.events();
        for (auto it = events.rbegin(); it != events.rend() && it->sequence >= m_journalSeen; ++it)
            if (!it->group.empty())
                touched.insert(it->group);
        if (!touched.empty()) {
            rebuildRebalances(touched);
            changed = true;
        }
        m_journalSeen = journal.totalEvents();
    }
    // A rebalance still going on grows with simTime.
    const qint64 nowMs = cluster.now().millis();
    for (auto &[group, series] : m_rebalances) {
        if (!series.ongoingSinceMs)
            continue;
        const double key = static_cast<double>(*series.ongoingSinceMs) / 1000.0 + kBarSeconds / 2;
        series.bars->data()->remove(key);
        series.bars->addData(key, static_cast<double>(nowMs - *series.ongoingSinceMs) / 1000.0);
        changed = true;
    }
    return changed;
}

void TrafficCharts::updateRebalanceLegend(const QString &group)
{
    const auto it = m_rebalances.find(group);
    if (it == m_rebalances.end() || !it->second.bars)
        return;
    it->second.bars->setName(
        tr("%1: %n rebalance(s), generation %2", nullptr, it->second.count).arg(group).arg(it->second.generation));
}

std::vector<QPointF> TrafficCharts::rebalanceBars(const QString &group) const
{
    std::vector<QPointF> bars;
    const auto it = m_rebalances.find(group);
    if (it != m_rebalances.end())
        for (const QCPBarsData &d : *it->second.bars->data())
            bars.emplace_back(d.key - kBarSeconds / 2, d.value);
    return bars;
}

int TrafficCharts::rebalanceCount(const QString &group) const
{
    const auto it = m_rebalances.find(group);
    return it == m_rebalances.end() ? 0 : it->second.count;
}

int TrafficCharts::latestGeneration(const QString &group) const
{
    const auto it = m_rebalances.find(group);
    return it == m_rebalances.end() ? 0 : it->second.generation;
}

// --- The frame tick -----------------------------------------------------------------------------

void TrafficCharts::onRewound()
{
    // The journal is the rewound cluster's: the bars follow it at once (those after the rewound
    // time would be out of sight anyway).
    rebuildRebalances(std::nullopt);
}

void TrafficCharts::onForked(SimTime at)
{
    // Rate points are per finished second s (records in [s, s+1)); the second holding `at` is
    // unfinished again, so its point goes and its bin is refilled from the journal (appends in
    // [s, at)). Lag points at s were sampled when second s began: those up to `at` stay.
    // Replication points are at the time they were taken.
    const qint64 second = at.millis() / 1000;
    for (auto &[name, graph] : m_rateGraphs)
        graph->data()->removeAfter(static_cast<double>(second) - 0.5);
    // Topics of another cluster (a scenario was loaded) leave the legend.
    for (auto it = m_rateGraphs.begin(); it != m_rateGraphs.end();) {
        if (!m_controller->cluster().topic(it->first.toStdString()) && it->second->data()->isEmpty()) {
            rateChart()->removeGraph(it->second);
            it = m_rateGraphs.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_lag.begin(); it != m_lag.end();) {
        for (auto &points : it->second.data)
            points->removeAfter(static_cast<double>(second) + 0.5);
        // A series that began in the dropped future goes with it.
        if (it->second.data[0]->isEmpty() && it->second.data[1]->isEmpty())
            it = m_lag.erase(it);
        else
            ++it;
    }
    for (QCPGraph *g : m_replication)
        g->data()->removeAfter(static_cast<double>(at.millis()) / 1000.0 + 1e-6);
    m_lastReplication = {-1, -1, -1};
    m_bins.clear();
    for (const JournalEvent &e : m_controller->cluster().journal().events())
        if (e.kind == JournalEventKind::RecordsAppended && e.time.millis() >= second * 1000 && e.time <= at)
            if (const Topic *topic = m_controller->cluster().topic(e.topic); topic && !topic->isInternal())
                m_bins[QString::fromStdString(e.topic)][second] += static_cast<int>(e.count);
    m_nextSecond = second;
    rebuildRebalances(std::nullopt);
    updateLagGroups();
    rebuildLagGraphs();
}

void TrafficCharts::onFrameAdvanced()
{
    const FrameDelta &frame = m_controller->lastFrame();
    for (const auto &a : frame.appended)
        ++m_bins[a.topic][a.timestampMs / 1000];

    const Cluster &cluster = m_controller->cluster();
    const qint64 nowMs = cluster.now().millis();
    const qint64 finished = nowMs / 1000; // seconds [0, finished) are complete
    const bool rewound = m_controller->isRewound();
    const bool cursorChanged = !m_cursors.empty() && m_cursors.front()->visible() != rewound;
    for (QCPItemStraightLine *cursor : m_cursors) {
        cursor->setVisible(rewound);
        cursor->point1->setCoords(static_cast<double>(nowMs) / 1000.0, 0);
        cursor->point2->setCoords(static_cast<double>(nowMs) / 1000.0, 1);
    }
    bool changed = frame.topicsChanged || cursorChanged;
    changed = updateRebalances() || changed;

    if (finished > m_nextSecond) {
        for (qint64 s = m_nextSecond; s < finished; ++s) {
            for (const auto &[name, topic] : cluster.topics()) {
                if (topic.isInternal())
                    continue;
                const QString qname = QString::fromStdString(name);
                auto &bins = m_bins[qname];
                const auto it = bins.find(s);
                const int count = it == bins.end() ? 0 : it->second;
                graphFor(rateChart(), m_rateGraphs, qname)->addData(static_cast<double>(s), count);
                if (it != bins.end())
                    bins.erase(it);
            }
        }
        // Lag and replication are sampled as they are now (once per finished second).
        sampleLag(static_cast<double>(finished));
        sampleReplication(static_cast<double>(finished), false);
        m_nextSecond = finished;
        changed = true;
    }
    // Replication also the moment it changes (a broker dies between two seconds).
    if (!rewound)
        changed = sampleReplication(static_cast<double>(nowMs) / 1000.0, true) || changed;
    if (!changed)
        return;
    if (m_lag.size() != m_lagSeriesShown) {
        updateLagGroups();
        rebuildLagGraphs();
    }
    rescale();
}

void TrafficCharts::rescale()
{
    const double nowS = static_cast<double>(m_controller->cluster().now().millis()) / 1000.0;
    const double right = std::max(kWindowSeconds, nowS);
    const QCPRange shown(right - kWindowSeconds, right);
    const double forget = right - 2 * kWindowSeconds;
    for (auto &[name, graph] : m_rateGraphs)
        graph->data()->removeBefore(forget);
    for (auto &[key, series] : m_lag)
        for (auto &points : series.data)
            points->removeBefore(forget);
    for (QCPGraph *g : m_replication)
        g->data()->removeBefore(forget);
    for (auto &[group, series] : m_rebalances)
        series.bars->data()->removeBefore(forget);

    for (QCustomPlot *plot : m_plots) {
        double maxY = plot == rebalanceChart() ? 2 : 5;
        double maxY2 = 5;
        for (int i = 0; i < plot->plottableCount(); ++i) {
            QCPAbstractPlottable *p = plot->plottable(i);
            bool found = false;
            const QCPRange r = p->getValueRange(found, QCP::sdBoth, shown);
            if (!found)
                continue;
            if (p->valueAxis() == plot->yAxis2)
                maxY2 = std::max(maxY2, r.upper);
            else
                maxY = std::max(maxY, r.upper);
        }
        // A little room under zero, so that a line at zero is not hidden by the axis.
        plot->xAxis->setRange(shown);
        plot->yAxis->setRange(-maxY * 0.04, maxY * 1.15);
        plot->yAxis2->setRange(-maxY2 * 0.04, maxY2 * 1.15);
        if (plot->isVisibleTo(m_grid)) // not behind a tab (ChartGrid replots it when it shows it)
            plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

// --- Export -------------------------------------------------------------------------------------

void TrafficCharts::showExportMenu(Chart which, const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(tr("Export Chart as PNG…"), this, [this, which] { exportWithDialog(which, ExportFormat::Png); });
    menu.addAction(tr("Export Chart as PDF…"), this, [this, which] { exportWithDialog(which, ExportFormat::Pdf); });
    menu.addSeparator();
    menu.addAction(tr("Export All Charts as PNG…"), this, [this] { exportWithDialog(std::nullopt, ExportFormat::Png); });
    menu.addAction(tr("Export All Charts as PDF…"), this, [this] { exportWithDialog(std::nullopt, ExportFormat::Pdf); });
    menu.exec(chart(which)->mapToGlobal(pos));
}

void TrafficCharts::exportWithDialog(std::optional<Chart> which, ExportFormat format)
{
    static const char *const names[] = {"rate", "lag", "replication", "rebalances"};
    const QString suffix = format == ExportFormat::Png ? QStringLiteral(".png") : QStringLiteral(".pdf");
    const QString base = QStringLiteral("kafkascope-")
        + (which ? QLatin1String(names[static_cast<std::size_t>(*which)]) : QLatin1String("charts"));
    QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    QString path = QFileDialog::getSaveFileName(
        this, which ? tr("Export Chart") : tr("Export All Charts"), QDir(dir).filePath(base + suffix),
        format == ExportFormat::Png ? tr("PNG images (*.png)") : tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += suffix;
    const QString error = which ? exportChart(*which, path, format) : exportAll(path, format);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export failed"), error);
}

QString TrafficCharts::exportChart(Chart which, const QString &path, ExportFormat format)
{
    QCustomPlot *plot = chart(which);
    const QSize cell(std::max(plot->width(), 640), std::max(plot->height(), 360));
    return render({plot}, 1, cell, path, format);
}

QString TrafficCharts::exportAll(const QString &path, ExportFormat format)
{
    QSize cell(640, 360);
    for (QCustomPlot *plot : m_plots)
        cell = cell.expandedTo(plot->size());
    return render(std::vector<QCustomPlot *>(m_plots.begin(), m_plots.end()), 2, cell, path, format);
}

QString TrafficCharts::render(const std::vector<QCustomPlot *> &plots, int columns, QSize cell, const QString &path,
                              ExportFormat format)
{
    const int rows = (static_cast<int>(plots.size()) + columns - 1) / columns;
    const QSize total(cell.width() * columns, cell.height() * rows);
    auto failed = [&path](const QString &why) { return tr("Could not export the charts to %1: %2").arg(path, why); };
    // Written to a temporary file and renamed, so a failure leaves an older file untouched.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());

    // Exported charts are drawn smoothly (the live ones are not, to stay cheap), with their
    // titles, their legends wrapped to the exported width.
    updateTitles(true);
    for (QCustomPlot *plot : plots) {
        plot->setAntialiasedElements(QCP::aeAll);
        fitToSize(plot, cell);
    }
    auto paint = [&](QCPPainter &painter) {
        for (std::size_t i = 0; i < plots.size(); ++i) {
            painter.save();
            painter.translate(static_cast<int>(i) % columns * cell.width(), static_cast<int>(i) / columns * cell.height());
            plots[i]->toPainter(&painter, cell.width(), cell.height());
            painter.restore();
        }
    };
    QString error;
    if (format == ExportFormat::Png) {
        constexpr qreal scale = 2.0; // sharp on slides and high-density screens
        QImage image(total * scale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(scale);
        image.fill(QApplication::palette().color(QPalette::Base));
        {
            QCPPainter painter(&image);
            paint(painter);
        }
        QImageWriter writer(&file, "png");
        if (!writer.write(image))
            error = writer.errorString();
    } else {
        QPdfWriter pdf(&file);
        pdf.setResolution(72); // a pixel on screen is a point on the page
        pdf.setPageLayout(QPageLayout(QPageSize(QSizeF(total), QPageSize::Point, QString(), QPageSize::ExactMatch),
                                      QPageLayout::Portrait, QMarginsF()));
        pdf.setCreator(QStringLiteral("Kafkascope"));
        pdf.setTitle(plots.size() == 1 ? titleOf(plots.front())->text() : tr("Kafkascope charts"));
        QCPPainter painter;
        if (!painter.begin(&pdf)) {
            error = tr("the PDF could not be started");
        } else {
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            paint(painter);
            painter.end();
        }
    }
    updateTitles(!m_grid->tabbed());
    for (QCustomPlot *plot : plots) {
        plot->setNotAntialiasedElements(QCP::aeAll);
        fitToSize(plot, plot->size());
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    if (!error.isEmpty()) {
        file.cancelWriting();
        return failed(error);
    }
    if (!file.commit())
        return failed(file.errorString());
    return {};
}
