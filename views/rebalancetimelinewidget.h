#pragma once

#include "model/rebalancetimeline.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class SimulationController;

// The rebalance swimlanes of one consumer group (RebalanceTimeline): the coordinator's phases
// and generations on top, a lane per member underneath with the partitions it owned and the
// rebalance listener's calls (▲ assigned, ▼ revoked, ✕ lost), over a window of simTime ending now.
class RebalanceTimelineCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit RebalanceTimelineCanvas(QWidget *parent = nullptr);

    void setTimeline(RebalanceTimeline timeline, qint64 windowMs);
    [[nodiscard]] const RebalanceTimeline &timeline() const { return m_timeline; }
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    RebalanceTimeline m_timeline;
    qint64 m_windowMs = 60000;
};

// The "Rebalances" dock: a group chooser, a time-window chooser and the canvas, refreshed on every
// frame while visible. `controller` must outlive the widget.
class RebalanceTimelineWidget : public QWidget
{
    Q_OBJECT

public:
    explicit RebalanceTimelineWidget(SimulationController *controller, QWidget *parent = nullptr);

    [[nodiscard]] RebalanceTimelineCanvas *canvas() const { return m_canvas; }
    // Re-reads the journal: on frames while visible (at most four times a wall second), when
    // shown, and before a screenshot.
    void refresh();
    void retranslate();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    SimulationController *m_controller;
    QLabel *m_groupLabel;
    QComboBox *m_group;
    QLabel *m_windowLabel;
    QComboBox *m_window;
    QLabel *m_empty;
    RebalanceTimelineCanvas *m_canvas;
    QElapsedTimer m_lastRefresh;
    // A frame skipped by the rate limit is caught up when the limit's window ends, so that the
    // last frame before a pause is always shown.
    QTimer *m_pendingRefresh = nullptr;
};
