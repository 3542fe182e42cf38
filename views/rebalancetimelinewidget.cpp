#include "rebalancetimelinewidget.h"

#include "model/simulationcontroller.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

namespace {

constexpr int kLabelWidth = 170;
constexpr int kPhaseHeight = 24;
constexpr int kLaneHeight = 34;
constexpr int kAxisHeight = 22;
constexpr int kLegendHeight = 22;
constexpr int kMargin = 8;

QColor stateColor(const QString &state)
{
    if (state == QLatin1String("PreparingRebalance"))
        return {0xf0, 0x9a, 0x2a};
    if (state == QLatin1String("CompletingRebalance"))
        return {0xe8, 0xcb, 0x3a};
    if (state == QLatin1String("Stable"))
        return {0x4c, 0xae, 0x5a};
    return {0xa0, 0xa0, 0xa0}; // Empty, Dead
}

QString stateText(const QString &state)
{
    if (state == QLatin1String("PreparingRebalance"))
        return RebalanceTimelineCanvas::tr("joining");
    if (state == QLatin1String("CompletingRebalance"))
        return RebalanceTimelineCanvas::tr("syncing");
    if (state == QLatin1String("Stable"))
        return RebalanceTimelineCanvas::tr("stable");
    if (state == QLatin1String("Empty"))
        return RebalanceTimelineCanvas::tr("empty");
    return state;
}

} // namespace

RebalanceTimelineCanvas::RebalanceTimelineCanvas(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(kPhaseHeight + kAxisHeight + kLegendHeight + 2 * kMargin + kLaneHeight);
}

void RebalanceTimelineCanvas::setTimeline(RebalanceTimeline timeline, qint64 windowMs)
{
    m_timeline = std::move(timeline);
    m_windowMs = windowMs;
    setMinimumHeight(kPhaseHeight + kAxisHeight + kLegendHeight + 2 * kMargin
                     + kLaneHeight * std::max<int>(1, static_cast<int>(m_timeline.lanes.size())));
    updateGeometry();
    update();
}

QSize RebalanceTimelineCanvas::sizeHint() const
{
    return {800, minimumHeight()};
}

void RebalanceTimelineCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const RebalanceTimeline &t = m_timeline;
    if (t.group.isEmpty())
        return;

    const qint64 end = std::max(t.endMs, t.startMs + 1000);
    const qint64 begin = m_windowMs > 0 ? std::max<qint64>(t.startMs, end - m_windowMs) : t.startMs;
    const qreal left = kLabelWidth;
    const qreal right = width() - kMargin;
    const qreal span = std::max<qreal>(1, static_cast<qreal>(end - begin));
    auto xOf = [&](qint64 ms) { return left + (right - left) * static_cast<qreal>(std::clamp(ms, begin, end) - begin) / span; };
    const QFontMetricsF fm(font());
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = pal.color(QPalette::PlaceholderText);

    // The coordinator's phases.
    qreal y = kMargin;
    p.setPen(text);
    p.drawText(QRectF(kMargin, y, kLabelWidth - 2 * kMargin, kPhaseHeight), Qt::AlignLeft | Qt::AlignVCenter,
               tr("group %1").arg(t.group));
    for (const auto &phase : t.phases) {
        if (phase.toMs < begin)
            continue;
        const QRectF r(xOf(phase.fromMs), y + 2, std::max<qreal>(1, xOf(phase.toMs) - xOf(phase.fromMs)), kPhaseHeight - 4);
        p.fillRect(r, stateColor(phase.state));
        const QString label = stateText(phase.state);
        if (fm.horizontalAdvance(label) + 8 < r.width()) {
            p.setPen(Qt::black);
            p.drawText(r, Qt::AlignCenter, label);
        }
    }
    y += kPhaseHeight;
    const qreal lanesTop = y;
    const qreal lanesBottom = lanesTop + kLaneHeight * static_cast<qreal>(t.lanes.size());

    // Generations: a dashed line down every lane where one starts.
    for (const auto &g : t.generations) {
        if (g.atMs < begin)
            continue;
        const qreal x = xOf(g.atMs);
        p.setPen(QPen(muted, 1, Qt::DashLine));
        p.drawLine(QPointF(x, lanesTop), QPointF(x, lanesBottom));
        p.setPen(text);
        const QString label = tr("gen %1").arg(g.generation);
        p.drawText(QRectF(x + 3, lanesTop - kPhaseHeight + 2, fm.horizontalAdvance(label) + 4, kPhaseHeight - 4),
                   Qt::AlignLeft | Qt::AlignVCenter, label);
    }

    // Member lanes.
    QFont bold = font();
    bold.setBold(true);
    for (const auto &lane : t.lanes) {
        const qreal mid = y + kLaneHeight / 2.0;
        p.setFont(bold);
        p.setPen(lane.removedMs ? muted : text);
        const QString name = lane.leader && !lane.removedMs ? tr("%1 ★").arg(lane.clientId) : lane.clientId;
        p.drawText(QRectF(kMargin, y, kLabelWidth - 2 * kMargin, kLaneHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(name, Qt::ElideMiddle, kLabelWidth - 2 * kMargin));
        p.setFont(font());
        // Membership: a thin bar from the join to the removal (or now).
        const qint64 until = lane.removedMs.value_or(t.endMs);
        if (until >= begin) {
            p.fillRect(QRectF(xOf(lane.joinedMs), mid - 2, std::max<qreal>(1, xOf(until) - xOf(lane.joinedMs)), 4),
                       QColor(0xb0, 0xb0, 0xb0));
            for (const auto &o : lane.owned) {
                if (o.toMs < begin)
                    continue;
                const QRectF r(xOf(o.fromMs), mid - 10, std::max<qreal>(1, xOf(o.toMs) - xOf(o.fromMs)), 20);
                p.fillRect(r, QColor(0x3b, 0x7d, 0xd8));
                const QString parts = o.partitions.join(QStringLiteral(", "));
                if (r.width() > 30) {
                    p.setPen(Qt::white);
                    p.drawText(r.adjusted(4, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter,
                               fm.elidedText(parts, Qt::ElideRight, r.width() - 6));
                }
            }
            for (const auto &m : lane.marks) {
                if (m.atMs < begin)
                    continue;
                const qreal x = xOf(m.atMs);
                QPainterPath marker;
                if (m.kind == RebalanceTimeline::MarkKind::Assigned) {
                    // ▲ above the bar
                    marker.moveTo(x, mid - 17);
                    marker.lineTo(x - 5, mid - 11);
                    marker.lineTo(x + 5, mid - 11);
                    p.fillPath(marker, QColor(0x1e, 0x9e, 0x3c));
                } else {
                    // ▼ below the bar
                    marker.moveTo(x, mid + 17);
                    marker.lineTo(x - 5, mid + 11);
                    marker.lineTo(x + 5, mid + 11);
                    p.fillPath(marker, m.kind == RebalanceTimeline::MarkKind::Revoked ? QColor(0xd0, 0x3b, 0x3b)
                                                                                       : QColor(0x70, 0x10, 0x10));
                }
            }
            if (lane.removedMs && *lane.removedMs >= begin) {
                p.setPen(QPen(QColor(0x90, 0x20, 0x20), 2));
                const qreal x = xOf(*lane.removedMs);
                p.drawLine(QPointF(x - 4, mid - 4), QPointF(x + 4, mid + 4));
                p.drawLine(QPointF(x - 4, mid + 4), QPointF(x + 4, mid - 4));
                p.setPen(muted);
                p.drawText(QRectF(x + 8, y, 220, kLaneHeight), Qt::AlignLeft | Qt::AlignVCenter, lane.removedWhy);
            }
        }
        y += kLaneHeight;
    }

    // Time axis, in simulated seconds.
    p.setPen(muted);
    p.drawLine(QPointF(left, y + 2), QPointF(right, y + 2));
    const qreal seconds = span / 1000.0;
    const qreal step = seconds <= 15 ? 1 : seconds <= 40 ? 5 : seconds <= 150 ? 10 : seconds <= 900 ? 60 : 300;
    for (qreal s = std::ceil(static_cast<qreal>(begin) / 1000.0 / step) * step; s * 1000 <= static_cast<qreal>(end); s += step) {
        const qreal x = xOf(static_cast<qint64>(s * 1000));
        p.drawLine(QPointF(x, y + 2), QPointF(x, y + 6));
        p.drawText(QRectF(x - 30, y + 6, 60, kAxisHeight - 6), Qt::AlignHCenter | Qt::AlignTop, tr("%1 s").arg(s));
    }
    y += kAxisHeight;

    // Legend.
    qreal x = kMargin;
    auto swatch = [&](const QColor &c, const QString &label) {
        p.fillRect(QRectF(x, y + 6, 12, 12), c);
        p.setPen(text);
        p.drawText(QRectF(x + 16, y, fm.horizontalAdvance(label) + 4, kLegendHeight), Qt::AlignLeft | Qt::AlignVCenter, label);
        x += 16 + fm.horizontalAdvance(label) + 16;
    };
    swatch(stateColor(QStringLiteral("PreparingRebalance")), tr("joining (PreparingRebalance)"));
    swatch(stateColor(QStringLiteral("CompletingRebalance")), tr("syncing (CompletingRebalance)"));
    swatch(stateColor(QStringLiteral("Stable")), tr("stable"));
    swatch(QColor(0x3b, 0x7d, 0xd8), tr("partitions owned"));
    p.setPen(text);
    p.drawText(QRectF(x, y, right - x, kLegendHeight), Qt::AlignLeft | Qt::AlignVCenter,
               tr("▲ assigned  ▼ revoked (dark: lost)  ✕ removed"));
}

RebalanceTimelineWidget::RebalanceTimelineWidget(SimulationController *controller, QWidget *parent)
    : QWidget(parent),
      m_controller(controller),
      m_groupLabel(new QLabel(this)),
      m_group(new QComboBox(this)),
      m_windowLabel(new QLabel(this)),
      m_window(new QComboBox(this)),
      m_empty(new QLabel(this)),
      m_canvas(new RebalanceTimelineCanvas(this))
{
    m_group->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const qint64 seconds : {30, 120, 600, 0})
        m_window->addItem(QString(), seconds * 1000);
    m_window->setCurrentIndex(1);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_groupLabel);
    controls->addWidget(m_group);
    controls->addSpacing(16);
    controls->addWidget(m_windowLabel);
    controls->addWidget(m_window);
    controls->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_canvas);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_empty);
    layout->addWidget(scroll, 1);
    m_empty->setWordWrap(true);
    connect(m_group, &QComboBox::currentIndexChanged, this, &RebalanceTimelineWidget::refresh);
    connect(m_window, &QComboBox::currentIndexChanged, this, &RebalanceTimelineWidget::refresh);
    // The timeline is read from the whole retained journal: while visible, at most four times a
    // wall second (a frame comes every 16 ms), and at once after a rewind.
    m_pendingRefresh = new QTimer(this);
    m_pendingRefresh->setSingleShot(true);
    connect(m_pendingRefresh, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    connect(m_controller, &SimulationController::frameAdvanced, this, [this] {
        if (!isVisible())
            return;
        constexpr qint64 kMinIntervalMs = 250;
        if (m_lastRefresh.isValid() && m_lastRefresh.elapsed() < kMinIntervalMs && !m_controller->lastFrame().topicsChanged) {
            if (!m_pendingRefresh->isActive())
                m_pendingRefresh->start(static_cast<int>(kMinIntervalMs - m_lastRefresh.elapsed()));
            return;
        }
        refresh();
    });
    retranslate();
    refresh();
}

void RebalanceTimelineWidget::refresh()
{
    m_lastRefresh.start();
    m_pendingRefresh->stop();
    const kafkascope::Cluster &cluster = m_controller->cluster();
    const QStringList groups = RebalanceTimeline::groups(cluster.journal());
    QStringList shown;
    for (int i = 0; i < m_group->count(); ++i)
        shown << m_group->itemText(i);
    if (groups != shown) {
        const QString current = m_group->currentText();
        const QSignalBlocker block(m_group);
        m_group->clear();
        m_group->addItems(groups);
        const int index = m_group->findText(current);
        m_group->setCurrentIndex(index >= 0 ? index : 0);
    }
    m_empty->setVisible(groups.isEmpty());
    const QString group = m_group->currentText();
    m_canvas->setTimeline(group.isEmpty() ? RebalanceTimeline{}
                                          : RebalanceTimeline::build(cluster.journal(), group.toStdString(), cluster.now().millis()),
                          m_window->currentData().toLongLong());
}

void RebalanceTimelineWidget::retranslate()
{
    m_groupLabel->setText(tr("Group"));
    m_windowLabel->setText(tr("Show"));
    m_window->setItemText(0, tr("last 30 s"));
    m_window->setItemText(1, tr("last 2 min"));
    m_window->setItemText(2, tr("last 10 min"));
    m_window->setItemText(3, tr("everything"));
    m_empty->setText(tr("No consumer group has joined yet. Group members, their generations and the partitions "
                        "they own will show here as swimlanes."));
    m_canvas->update();
}

void RebalanceTimelineWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RebalanceTimelineWidget::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}
