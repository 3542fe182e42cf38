#pragma once

#include "core/sim_time.h"

#include <QWidget>

#include <map>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class SimulationController;

// Two live charts over simTime: records produced per second to each topic, and each consumer's
// lag (records behind the log-end offsets of its partitions). Fed incrementally from the frame
// tick: a point per finished simulated second, older points dropped, one replot a frame. After a
// rewind the window ends at the rewound time (the points after it stay, out of sight, while the
// user moves along the timeline) and they are dropped when the simulation forks from there.
//
// `controller` must outlive the widget.
class TrafficCharts : public QWidget
{
    Q_OBJECT

public:
    explicit TrafficCharts(SimulationController *controller, QWidget *parent = nullptr);

    // Seconds of simTime the charts show.
    static constexpr double kWindowSeconds = 60.0;

    [[nodiscard]] QCustomPlot *rateChart() const { return m_rate; }
    [[nodiscard]] QCustomPlot *lagChart() const { return m_lag; }
    [[nodiscard]] int rateGraphPoints(const QString &topic) const;

    void retranslate();
    // Takes the application's palette and font (after a theme or presenter-mode change).
    void applyAppearance();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onFrameAdvanced();
    // The simulation ran on from `at`, before the end of what the charts show: what they drew
    // after `at` belonged to a future that no longer exists.
    void onForked(kafkascope::SimTime at);
    QCPGraph *graphFor(QCustomPlot *plot, std::map<QString, QCPGraph *> &graphs, const QString &name);
    void setUpPlot(QCustomPlot *plot);

    SimulationController *m_controller;
    QCustomPlot *m_rate;
    QCustomPlot *m_lag;
    std::map<QString, QCPGraph *> m_rateGraphs;
    std::map<QString, QCPGraph *> m_lagGraphs;
    std::map<QString, std::map<qint64, int>> m_bins; // topic → simulated second → records
    qint64 m_nextSecond = 0;                          // the first second not plotted yet
    std::vector<QCPItemStraightLine *> m_cursors;     // owned by the plots
};
