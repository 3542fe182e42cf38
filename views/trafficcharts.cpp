#include "trafficcharts.h"

#include "model/simulationcontroller.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>

#include <qcustomplot.h>

using namespace kafkascope;

TrafficCharts::TrafficCharts(SimulationController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_rate(new QCustomPlot(this)), m_lag(new QCustomPlot(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_rate);
    layout->addWidget(m_lag);
    setUpPlot(m_rate);
    setUpPlot(m_lag);
    retranslate();
    for (const auto &[name, topic] : controller->cluster().topics())
        if (!topic.isInternal())
            graphFor(m_rate, m_rateGraphs, QString::fromStdString(name));
    for (const auto &c : controller->cluster().consumers())
        graphFor(m_lag, m_lagGraphs, QString::fromStdString(c->config().clientId));
    connect(m_controller, &SimulationController::frameAdvanced, this, &TrafficCharts::onFrameAdvanced);
    connect(m_controller, &SimulationController::forked, this, &TrafficCharts::onForked);
    onFrameAdvanced();
}

void TrafficCharts::setUpPlot(QCustomPlot *plot)
{
    plot->setMinimumSize(320, 180);
    plot->setNotAntialiasedElements(QCP::aeAll);
    // The legend sits in a row of its own under the axes, laid out left to right, so that it
    // never hides the newest data.
    plot->legend->setVisible(true);
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(Qt::NoBrush);
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->plotLayout()->addElement(1, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, QString(), QFont(font().family(), font().pointSize(), QFont::Bold)));
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
    for (QCustomPlot *plot : {m_rate, m_lag}) {
        plot->setBackground(pal.color(QPalette::Base));
        for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
            axis->setBasePen(QPen(text));
            axis->setTickPen(QPen(text));
            axis->setSubTickPen(QPen(text));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->setTickLabelFont(font);
            axis->setLabelFont(font);
            axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        }
        plot->legend->setTextColor(text);
        plot->legend->setFont(font);
        if (auto *title = qobject_cast<QCPTextElement *>(plot->plotLayout()->element(0, 0))) {
            title->setTextColor(text);
            title->setFont(titleFont);
        }
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void TrafficCharts::retranslate()
{
    if (auto *title = qobject_cast<QCPTextElement *>(m_rate->plotLayout()->element(0, 0)))
        title->setText(tr("Records produced per second"));
    if (auto *title = qobject_cast<QCPTextElement *>(m_lag->plotLayout()->element(0, 0)))
        title->setText(tr("Consumer lag (records)"));
    m_rate->xAxis->setLabel(tr("simulated time (s)"));
    m_lag->xAxis->setLabel(tr("simulated time (s)"));
    m_rate->replot();
    m_lag->replot();
}

void TrafficCharts::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QCPGraph *TrafficCharts::graphFor(QCustomPlot *plot, std::map<QString, QCPGraph *> &graphs, const QString &name)
{
    auto it = graphs.find(name);
    if (it != graphs.end())
        return it->second;
    QCPGraph *g = plot->addGraph();
    g->setName(name);
    // Series colours: a fixed, colour-blind-friendly cycle (Okabe-Ito), in order of appearance.
    static const QColor palette[] = {QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x9e, 0x73),
                                     QColor(0xcc, 0x79, 0xa7), QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9),
                                     QColor(0x00, 0x00, 0x00)};
    const QColor c = palette[static_cast<std::size_t>(plot->graphCount() - 1) % std::size(palette)];
    g->setPen(QPen(c, 2));
    g->setLineStyle(QCPGraph::lsStepLeft);
    graphs.emplace(name, g);
    return g;
}

int TrafficCharts::rateGraphPoints(const QString &topic) const
{
    const auto it = m_rateGraphs.find(topic);
    return it == m_rateGraphs.end() ? 0 : it->second->dataCount();
}

void TrafficCharts::onForked(SimTime at)
{
    // Rate points are per finished second s (records in [s, s+1)); the second holding `at` is
    // unfinished again, so its point goes and its bin is refilled from the journal (appends in
    // [s, at)). Lag points at s were sampled when second s began: those up to `at` stay.
    const qint64 second = at.millis() / 1000;
    for (auto &[name, graph] : m_rateGraphs)
        graph->data()->removeAfter(static_cast<double>(second) - 0.5);
    for (auto &[name, graph] : m_lagGraphs)
        graph->data()->removeAfter(static_cast<double>(second) + 0.5);
    m_bins.clear();
    for (const JournalEvent &e : m_controller->cluster().journal().events())
        if (e.kind == JournalEventKind::RecordsAppended && e.time.millis() >= second * 1000 && e.time <= at)
            if (const Topic *topic = m_controller->cluster().topic(e.topic); topic && !topic->isInternal())
                m_bins[QString::fromStdString(e.topic)][second] += static_cast<int>(e.count);
    m_nextSecond = second;
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
    if (finished <= m_nextSecond && !frame.topicsChanged && !cursorChanged)
        return;

    for (qint64 s = m_nextSecond; s < finished; ++s) {
        for (const auto &[name, topic] : cluster.topics()) {
            if (topic.isInternal())
                continue;
            const QString qname = QString::fromStdString(name);
            auto &bins = m_bins[qname];
            const auto it = bins.find(s);
            const int count = it == bins.end() ? 0 : it->second;
            graphFor(m_rate, m_rateGraphs, qname)->addData(static_cast<double>(s), count);
            if (it != bins.end())
                bins.erase(it);
        }
    }
    // Lag is sampled as it is now (once per finished second).
    if (finished > m_nextSecond) {
        for (const auto &c : cluster.consumers()) {
            if (!c->isRunning())
                continue; // its line ends where it stopped
            qint64 lag = 0;
            for (const auto &[tp, position] : c->positions()) {
                const Topic *topic = cluster.topic(tp.topic);
                if (topic && tp.partition.value() < topic->partitionCount())
                    lag += topic->partition(tp.partition).logEndOffset() - position.value();
            }
            graphFor(m_lag, m_lagGraphs, QString::fromStdString(c->config().clientId))
                ->addData(static_cast<double>(finished), static_cast<double>(lag));
        }
    }
    m_nextSecond = std::max(m_nextSecond, finished);

    const double right = std::max(kWindowSeconds, static_cast<double>(nowMs) / 1000.0);
    for (QCustomPlot *plot : {m_rate, m_lag}) {
        double maxY = 5;
        for (int i = 0; i < plot->graphCount(); ++i) {
            plot->graph(i)->data()->removeBefore(right - 2 * kWindowSeconds);
            bool found = false;
            const QCPRange r = plot->graph(i)->getValueRange(found);
            if (found)
                maxY = std::max(maxY, r.upper);
        }
        plot->xAxis->setRange(right - kWindowSeconds, right);
        plot->yAxis->setRange(0, maxY * 1.15);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}
