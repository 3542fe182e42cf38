#pragma once

#include "core/sim_time.h"

#include <QElapsedTimer>
#include <QGraphicsView>
#include <QMainWindow>

#include <optional>
#include <vector>

namespace kafkascope {
class Status;
}

class QAction;
class QActionGroup;
class QCheckBox;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableView;
class QTreeView;
class QSlider;
class QToolBar;
class Language;
class LogBrowserWindow;
class PartitionLogScene;
class Appearance;
class EventLogWidget;
class InspectorWidget;
class NarrationPanel;
class RebalanceTimelineWidget;
class GroupsModel;
class PartitionsModel;
class SimulationController;
class TrafficCharts;
class TimelineSlider;

// The cluster's view: scales the scene to the width of the window, so that every strip is seen
// whole on a laptop and on a projector alike.
class ClusterView : public QGraphicsView
{
    Q_OBJECT
public:
    using QGraphicsView::QGraphicsView;

protected:
    void resizeEvent(QResizeEvent *event) override;
};

// Kafkascope's main window: the partition logs in the centre, a table of partitions, the consumer
// groups and live charts in docks, a toolbar to play, pause, step, change speed and produce a record, and the
// simulated time in the status bar.
//
// `controller` and `language` must outlive the window.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(SimulationController *controller, Language *language, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] PartitionLogScene *scene() const { return m_scene; }
    [[nodiscard]] PartitionsModel *partitionsModel() const { return m_partitionsModel; }
    [[nodiscard]] GroupsModel *groupsModel() const { return m_groupsModel; }
    [[nodiscard]] EventLogWidget *eventLog() const { return m_eventLog; }
    [[nodiscard]] RebalanceTimelineWidget *rebalances() const { return m_rebalances; }
    [[nodiscard]] Appearance *appearance() const { return m_appearance; }
    [[nodiscard]] TrafficCharts *charts() const { return m_charts; }
    [[nodiscard]] InspectorWidget *inspector() const { return m_inspector; }
    [[nodiscard]] NarrationPanel *narration() const { return m_narration; }
    [[nodiscard]] QMenu *lessonsMenu() const { return m_lessonsMenu; }

    // Plays the scenario file `path` (a built-in lesson is ":/lessons/<id>.json"), as File → Open
    // Scenario… and the Lessons menu do: the lesson dock shows its narration and checkpoints.
    // Returns an empty string on success, else the errors (file:line:column: field: message), one
    // a line; the cluster is then left as it was.
    QString openScenario(const QString &path);
    // File › Save Session as Scenario…: writes everything done since the demo or scenario started
    // (SimulationController::recordedSession) to `path`, a file that File › Open Scenario… and
    // `kafkascope run` replay exactly. Returns an empty string on success, else the error.
    QString saveSession(const QString &path);
    // "producer-1", "consumer-2": `base` and the first number no client uses yet (the dialogs'
    // suggestion; client ids must be unique).
    QString uniqueClientId(const QString &base) const;
    // Cluster › Add Broker: adds a broker at once; when the brokers have racks (broker.rack), first
    // asks which rack it joins (a broker without one would make new topics fail, as in Kafka),
    // suggesting suggestedRack().
    void addBrokerFromMenu();
    // The rack with the fewest brokers (the first by name among equals); empty while no broker
    // has a rack.
    QString suggestedRack() const;
    // Brings a tabbed dock to the front: "charts", "events", "rebalances", "inspector" or "lesson"
    // (run --show). Returns false for another name.
    bool showDock(const QString &name);
    // The timeline's slider (with the scenario's checkpoints marked), for tests.
    [[nodiscard]] TimelineSlider *timelineSlider() const { return m_timelineSlider; }
    [[nodiscard]] QTableView *partitionsTable() const { return m_partitionsTable; }
    [[nodiscard]] QTreeView *groupsTree() const { return m_groupsTree; }

    // The Cluster menu's consumer actions, also on the groups dock's context menu: the dialogs
    // that reset a group's offsets (for `group`, or the first one) and change a consumer's
    // processing time (for consumer `consumer`, or the first running one).
    void openResetOffsetsDialog(const QString &group = {});
    void openProcessingTimeDialog(int consumer = -1);
    // Cluster › Network: asks how much longer every message to or from `broker` takes (1 to
    // 60000 ms) and slows it down; and the dialog that changes the network's latency, jitter and loss.
    void slowBrokerFromMenu(int broker);
    void openLinkLatencyDialog();
    // Cluster › Producers / Consumers: pause a client's process (asking how long) or resume it.
    void addProcessPauseActions(QMenu *menu, bool producer, int id, const QString &name);
    // A client node's context menu: pause or resume the process, close or crash a consumer, inspect.
    void addClientActions(QMenu *menu, bool producer, int id);
    void pauseProcessFromMenu(bool producer, int id, const QString &name);
    void openNetworkConditionsDialog();

    // Restores the window geometry and dock layout the user left, and saves them again on close.
    // Headless runs and tests do not call it, so their pictures do not depend on the user's layout.
    void restoreLayout();
    // The command line's --theme (light or dark; kept as the user's choice when `remember`) and
    // --presenter.
    void applyAppearanceOptions(const std::optional<QString> &theme, bool presenter, bool remember);

    // Renders the window as it looks now to a PNG file (replotting the charts first).
    // Returns an empty string on success, else what went wrong.
    QString saveScreenshot(const QString &path);

    // Opens a read-only browser window on the Kafka log directory at `path`, as File → Open Kafka
    // Log Directory… does after its dialog. The window is a top-level window of its own, owned by
    // this one and deleted when closed; several may be open. It is shown even when the directory
    // cannot be read (it then says why).
    LogBrowserWindow *openLogDirectory(const QString &path);

    // Sends one record from the toolbar's fields, as the Produce button does. Returns the
    // message shown in the status bar.
    QString produceFromToolbar();

    // The toolbar's fields, for tests.
    [[nodiscard]] QLineEdit *keyEdit() const { return m_keyEdit; }
    [[nodiscard]] QComboBox *topicCombo() const { return m_topicCombo; }
    [[nodiscard]] QCheckBox *nullKeyCheck() const { return m_nullKey; }
    [[nodiscard]] QMenu *clusterMenu() const { return m_clusterMenu; }
    [[nodiscard]] QLabel *clusterStatus() const { return m_clusterStatus; }

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createToolBar();
    void createDocks();
    void createMenus();
    void retranslateUi();
    void refreshStatus();
    // The brokers and lost / duplicate counters: they scan the logs, so at most once a second
    // unless `force`.
    void refreshClusterStatus(bool force);
    void refreshTopics();
    void onSpeedComboChanged(int index);
    void changeSpeedStep(int delta);
    void createTimeline();
    // Follows the controller: the slider spans [0, historyEnd()] and sits at simTime.
    void refreshTimeline();
    // The slider's checkpoint marks from the scenario's expectations and their results.
    void refreshCheckpointMarks();
    void rewindTo(kafkascope::SimTime t);
    void onScreenshotRequested();
    void onOpenLogDirectoryRequested();
    void onAbout();
    // Fills the Cluster menu from the brokers' current state (on opening it).
    void populateClusterMenu();
    // Kill / shut down or restart, for broker `b` as it is now.
    void addBrokerActions(QMenu *menu, int b);
    void killSelectedBroker();
    // Presenter mode: full screen, larger text, stronger contrast (F11; Esc leaves).
    void setPresenterMode(bool on);
    void onAppearanceChanged();
    void runClientAction(const QString &action, const kafkascope::Status &status);
    [[nodiscard]] QStringList userTopics() const;
    void runBrokerAction(const QString &what, int broker, const kafkascope::Status &status);
    // Inspects what the groups dock's row `index` names (a group, or the consumer of a member).
    void inspectGroupsRow(const QModelIndex &index);
    void showGroupsMenu(const QPoint &pos);
    // The running consumer that is member `memberId` of `groupId`, if any.
    [[nodiscard]] std::optional<int> consumerOfMember(const QString &groupId, const QString &memberId) const;

    SimulationController *m_controller;
    Language *m_language;
    PartitionLogScene *m_scene;
    ClusterView *m_view;
    PartitionsModel *m_partitionsModel;
    GroupsModel *m_groupsModel;
    TrafficCharts *m_charts = nullptr;

    QDockWidget *m_partitionsDock = nullptr;
    QDockWidget *m_chartsDock = nullptr;
    QDockWidget *m_groupsDock = nullptr;
    QDockWidget *m_eventLogDock = nullptr;
    EventLogWidget *m_eventLog = nullptr;
    QDockWidget *m_rebalancesDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_lessonDock = nullptr;
    NarrationPanel *m_narration = nullptr;
    QMenu *m_lessonsMenu = nullptr;
    QAction *m_openScenarioAction = nullptr;
    QAction *m_saveSessionAction = nullptr;
    InspectorWidget *m_inspector = nullptr;
    RebalanceTimelineWidget *m_rebalances = nullptr;
    QTreeView *m_groupsTree = nullptr;
    QTableView *m_partitionsTable = nullptr;
    QToolBar *m_toolBar = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_simulationMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_clusterMenu = nullptr;
    QMenu *m_helpMenu = nullptr;

    QAction *m_playAction = nullptr;
    QAction *m_stepAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_killSelectedAction = nullptr;
    QAction *m_presenterAction = nullptr;
    QAction *m_leavePresenterAction = nullptr;
    QAction *m_lightThemeAction = nullptr;
    QAction *m_darkThemeAction = nullptr;
    QMenu *m_themeMenu = nullptr;
    Appearance *m_appearance = nullptr;
    std::vector<QDockWidget *> m_docksBeforePresenter;
    QAction *m_fasterAction = nullptr;
    QAction *m_slowerAction = nullptr;
    QAction *m_openLogAction = nullptr;
    QAction *m_screenshotAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;

    QLabel *m_speedLabel = nullptr;
    QComboBox *m_speedCombo = nullptr;
    QLabel *m_topicLabel = nullptr;
    QComboBox *m_topicCombo = nullptr;
    QLabel *m_keyLabel = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QCheckBox *m_nullKey = nullptr;
    QPushButton *m_produceButton = nullptr;

    QLabel *m_timeStatus = nullptr;
    // The timeline (a bottom toolbar): drag back to any earlier simTime, or forward to its end.
    QToolBar *m_timelineBar = nullptr;
    QLabel *m_timelineLabel = nullptr;
    TimelineSlider *m_timelineSlider = nullptr;
    QLabel *m_timelineTime = nullptr;
    QAction *m_liveAction = nullptr;
    QLabel *m_speedStatus = nullptr;
    QLabel *m_recordsStatus = nullptr;
    QLabel *m_clusterStatus = nullptr;
    QElapsedTimer m_clusterStatusAge;
    bool m_restoredLayout = false;
};
