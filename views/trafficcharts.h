#pragma once

#include "core/sim_time.h"

#include <QPointF>
#include <QSharedPointer>
#include <QString>
#include <QWidget>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <vector>

class QComboBox;
class QCPBars;
class QCPBarsGroup;
class QCPGraph;
class QCPItemStraightLine;
class QCustomPlot;
class QLabel;
class QPushButton;
class QRadioButton;
class SimulationController;
template <class DataType> class QCPDataContainer;
class QCPGraphData;
using QCPGraphDataContainer = QCPDataContainer<QCPGraphData>;

// Four live charts over simTime, in a grid that follows the widget's shape (four in a row when it
// is wide and short, 2 x 2, one above the other, or one at a time behind tabs when it is small;
// docs/ARCHITECTURE.md, "Charts", says what each line means):
//  - records produced per second to each topic;
//  - consumer lag, in records or in seconds: one line per group (and per consumer without a
//    group), or one line per partition of one group;
//  - replication health: partitions under-replicated and offline, and the total ISR size;
//  - rebalances: a bar per rebalance of each group (RebalanceTimeline::rebalances()), from where it
//    began and as high as it lasted.
// Internal topics (__consumer_offsets) are left out, as everywhere else in the GUI.
//
// Fed incrementally from the frame tick: a point per finished simulated second (replication also
// when it changes), older points dropped, one replot a frame. After a rewind the window ends at the
// rewound time (the points after it stay, out of sight, while the user moves along the timeline)
// and they are dropped when the simulation forks from there. Rebalances are read from the journal
// (RebalanceTimeline) when a group event arrives and after a rewind.
//
// Every chart can be exported as PNG or PDF (its context menu; the buttons export all four).
//
// `controller` must outlive the widget.
class TrafficCharts : public QWidget
{
    Q_OBJECT

public:
    explicit TrafficCharts(SimulationController *controller, QWidget *parent = nullptr);
    ~TrafficCharts() override;

    enum class Chart { Rate, Lag, Replication, Rebalances };
    static constexpr int kChartCount = 4;
    enum class LagUnit { Records, Seconds };
    enum class ReplicationSeries { UnderReplicated, Offline, InSyncReplicas };
    enum class ExportFormat { Png, Pdf };

    // Seconds of simTime the charts show.
    static constexpr double kWindowSeconds = 60.0;

    // How many charts the grid puts side by side (4, 2 or 1), after the widget's last resize; when
    // it is too small for all four, it shows one at a time behind tabs.
    [[nodiscard]] int chartColumns() const;
    [[nodiscard]] bool chartsTabbed() const;
    [[nodiscard]] QCustomPlot *chart(Chart which) const { return m_plots[static_cast<std::size_t>(which)]; }
    [[nodiscard]] QCustomPlot *rateChart() const { return chart(Chart::Rate); }
    [[nodiscard]] QCustomPlot *lagChart() const { return chart(Chart::Lag); }
    [[nodiscard]] QCustomPlot *replicationChart() const { return chart(Chart::Replication); }
    [[nodiscard]] QCustomPlot *rebalanceChart() const { return chart(Chart::Rebalances); }
    [[nodiscard]] int rateGraphPoints(const QString &topic) const;

    // --- Lag ---
    // What the lag chart shows: every group (an empty `group`) or the partitions of `group`, and
    // in which unit. The data of every series is kept whatever is shown.
    void showLagOf(const QString &group);
    [[nodiscard]] QString lagShownGroup() const;
    void setLagUnit(LagUnit unit);
    [[nodiscard]] LagUnit lagUnit() const { return m_lagUnit; }
    [[nodiscard]] QComboBox *lagGroupCombo() const { return m_lagGroup; }
    // The points (simulated second, lag) of a group's total, of one partition of a group, and of a
    // consumer without a group.
    [[nodiscard]] std::vector<QPointF> groupLagPoints(const QString &group, LagUnit unit) const;
    [[nodiscard]] std::vector<QPointF> partitionLagPoints(const QString &group, const QString &topic, int partition,
                                                          LagUnit unit) const;
    [[nodiscard]] std::vector<QPointF> consumerLagPoints(const QString &clientId, LagUnit unit) const;

    // --- Replication and rebalances ---
    [[nodiscard]] std::vector<QPointF> replicationPoints(ReplicationSeries series) const;
    // The bars of `group`: (the rebalance's start, its duration), both in simulated seconds.
    [[nodiscard]] std::vector<QPointF> rebalanceBars(const QString &group) const;
    // The rebalances `group` went through (in the retained journal) and its latest generation.
    [[nodiscard]] int rebalanceCount(const QString &group) const;
    [[nodiscard]] int latestGeneration(const QString &group) const;

    // --- Export ---
    // Writes one chart (at its size on screen, at least 640 x 360) or all four (2 x 2, each at the
    // largest of their sizes) as a PNG image (at twice that size, for slides) or a PDF page.
    // Returns an empty string, or the error ready to show; a file that is already there is
    // replaced only when the new one is complete. Needs no dialog (the buttons and context menu
    // ask for the file, then call these).
    QString exportChart(Chart which, const QString &path, ExportFormat format);
    QString exportAll(const QString &path, ExportFormat format);

    void retranslate();
    // Takes the application's palette and font (after a theme or presenter-mode change).
    void applyAppearance();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct RebalanceSeries {
        QCPBars *bars = nullptr;
        int count = 0;
        int generation = 0;
        std::optional<qint64> ongoingSinceMs; // the start of a rebalance still going on
    };
    // Lag series by a key that sorts groups first, then consumers without a group, then the
    // partitions of each group (groupKey(), consumerKey() and partitionKey() in the .cpp).
    struct LagSeries {
        enum class Kind { Group, Consumer, Partition };
        Kind kind = Kind::Group;
        QString group; // the group (of a group's or a partition's series)
        QString name;  // the legend's text (a consumer's: its client id)
        std::array<QSharedPointer<QCPGraphDataContainer>, 2> data; // by LagUnit
    };

    void onFrameAdvanced();
    void onRewound();
    // The simulation ran on from `at`, before the end of what the charts show: what they drew
    // after `at` belonged to a future that no longer exists.
    void onForked(kafkascope::SimTime at);
    QCPGraph *graphFor(QCustomPlot *plot, std::map<QString, QCPGraph *> &graphs, const QString &name);
    void setUpPlot(QCustomPlot *plot);
    void sampleLag(double key);
    // Adds a point at `key` to the replication series; with `onlyIfChanged`, only when the
    // counts differ from the previous point. Returns whether it added one.
    bool sampleReplication(double key, bool onlyIfChanged);
    // Reads the journal's new group events; returns whether a bar changed.
    bool updateRebalances();
    void rebuildLagGraphs();
    void updateLagGroups();
    // Rebuilds the bars of `groups` from the journal; every group's when nothing is given.
    void rebuildRebalances(const std::optional<std::set<std::string>> &groups);
    void updateRebalanceLegend(const QString &group);
    // The lag series `key`, created empty when missing.
    LagSeries &lagSeries(const QString &key, LagSeries::Kind kind, const QString &group, const QString &name);
    [[nodiscard]] std::vector<QPointF> lagPoints(const QString &key, LagUnit unit) const;
    void rescale();
    // Wraps the legend of `plot` into as many rows as its width needs and spaces the ticks so
    // that their labels do not collide, for `plot` drawn at `size`.
    static void fitToSize(QCustomPlot *plot, QSize size);
    void showExportMenu(Chart which, const QPoint &pos);
    void exportWithDialog(std::optional<Chart> which, ExportFormat format);
    QString render(const std::vector<QCustomPlot *> &plots, int columns, QSize cell, const QString &path,
                   ExportFormat format);
    [[nodiscard]] QString chartTitle(Chart chart) const;
    // Titles above the charts, or none (behind tabs, which name the charts).
    void updateTitles(bool shown);

    SimulationController *m_controller;
    std::array<QCustomPlot *, kChartCount> m_plots{};
    class ChartGrid;
    ChartGrid *m_grid = nullptr;
    QLabel *m_lagLabel = nullptr;
    QComboBox *m_lagGroup = nullptr;
    QRadioButton *m_lagRecords = nullptr;
    QRadioButton *m_lagSeconds = nullptr;
    QPushButton *m_exportPng = nullptr;
    QPushButton *m_exportPdf = nullptr;

    std::map<QString, QCPGraph *> m_rateGraphs;
    std::map<QString, std::map<qint64, int>> m_bins; // topic → simulated second → records
    qint64 m_nextSecond = 0;                          // the first second not plotted yet

    std::map<QString, LagSeries> m_lag;
    LagUnit m_lagUnit = LagUnit::Records;
    QString m_lagShown; // the group whose partitions the lag chart shows; empty: every group
    std::size_t m_lagSeriesShown = 0; // how many series existed when the graphs were last made

    std::array<QCPGraph *, 3> m_replication{}; // by ReplicationSeries
    std::array<double, 3> m_lastReplication{-1, -1, -1};

    QCPBarsGroup *m_barsGroup = nullptr;
    std::map<QString, RebalanceSeries> m_rebalances; // by group
    std::uint64_t m_journalSeen = 0;                 // journal events already looked at

    std::vector<QCPItemStraightLine *> m_cursors; // owned by the plots
};
