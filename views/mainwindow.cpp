#include "mainwindow.h"

#include "actiondialogs.h"
#include "appearance.h"
#include "client/murmur2.h"
#include "eventlogwidget.h"
#include "inspectorwidget.h"
#include "language.h"
#include "logbrowserwindow.h"
#include "model/groupsmodel.h"
#include "model/inspectormodel.h"
#include "model/partitionsmodel.h"
#include "model/simulationcontroller.h"
#include "partitionlogscene.h"
#include "narrationpanel.h"
#include "timelineslider.h"
#include "model/scenariofile.h"
#include "rebalancetimelinewidget.h"
#include "trafficcharts.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QImageWriter>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QSlider>
#include <QTreeView>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace kafkascope;

namespace {

QString formatClock(SimTime t)
{
    const qint64 ms = t.millis();
    const qint64 minutes = ms / 60000;
    const qint64 seconds = (ms / 1000) % 60;
    return QStringLiteral("%1:%2.%3")
        .arg(minutes, 2, 10, QLatin1Char('0'))
        .arg(seconds, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QString formatSpeed(double speed)
{
    return QStringLiteral("%1×").arg(speed, 0, 'g', 3);
}

} // namespace

void ClusterView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (!scene())
        return;
    const qreal available = viewport()->width() - 4;
    const qreal s = std::clamp(available / scene()->sceneRect().width(), 0.45, 2.0);
    setTransform(QTransform::fromScale(s, s));
}

MainWindow::MainWindow(SimulationController *controller, Language *language, QWidget *parent)
    : QMainWindow(parent),
      m_controller(controller),
      m_language(language),
      m_scene(new PartitionLogScene(controller, this)),
      m_view(new ClusterView(this)),
      m_partitionsModel(new PartitionsModel(controller, this)),
      m_groupsModel(new GroupsModel(controller, this))
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/kafkascope.svg")));
    m_view->setScene(m_scene);
    m_view->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The view scales the scene to its width: a vertical scroll bar that came and went with the
    // scale would change the width again, forever (the layout never settled). It stays.
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    // Scaling keeps the scroll position (the default anchor, the view's centre, scrolled a scene
    // taller than the view away from its top).
    m_view->setTransformationAnchor(QGraphicsView::NoAnchor);
    m_view->setResizeAnchor(QGraphicsView::NoAnchor);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(palette().color(QPalette::Base));
    setCentralWidget(m_view);

    createActions();
    createToolBar();
    createTimeline();
    connect(m_scene, &PartitionLogScene::brokerMenuRequested, this, [this](int broker, QPoint at) {
        QMenu menu(this);
        menu.setTitle(tr("Broker %1").arg(broker));
        addBrokerActions(&menu, broker);
        menu.exec(at);
    });
    connect(m_scene, &PartitionLogScene::clientMenuRequested, this, [this](bool producer, int id, QPoint at) {
        QMenu menu(this);
        addClientActions(&menu, producer, id);
        if (!menu.isEmpty())
            menu.exec(at);
    });
    createDocks();
    createMenus();

    m_clusterStatus = new QLabel(this);
    m_timeStatus = new QLabel(this);
    m_speedStatus = new QLabel(this);
    m_recordsStatus = new QLabel(this);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_timeStatus->setFont(mono);
    statusBar()->addPermanentWidget(m_clusterStatus);
    statusBar()->addPermanentWidget(m_recordsStatus);
    statusBar()->addPermanentWidget(m_speedStatus);
    statusBar()->addPermanentWidget(m_timeStatus);

    connect(m_controller, &SimulationController::frameAdvanced, this, [this] {
        refreshStatus();
        // The cluster summary is read at most once a wall second during playback; after a step,
        // an action or a headless run's frame it is read at once.
        const FrameDelta &frame = m_controller->lastFrame();
        if (!frame.playback || frame.topicsChanged)
            refreshClusterStatus(true);
        refreshTimeline();
        if (frame.topicsChanged)
            refreshTopics();
    });
    connect(m_controller, &SimulationController::playingChanged, this, [this] { retranslateUi(); });
    connect(m_controller, &SimulationController::speedChanged, this, [this](double speed) {
        const auto &steps = SimulationController::speedSteps();
        const auto it = std::min_element(steps.begin(), steps.end(),
                                         [speed](double a, double b) { return std::abs(a - speed) < std::abs(b - speed); });
        const QSignalBlocker block(m_speedCombo);
        m_speedCombo->setCurrentIndex(static_cast<int>(it - steps.begin()));
        refreshStatus();
    });

    refreshTopics();
    retranslateUi();
    refreshStatus();

    resize(1500, 950);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_restoredLayout = true;
    m_appearance->setTheme(Appearance::savedTheme(), false);
}

void MainWindow::applyAppearanceOptions(const std::optional<QString> &theme, bool presenter, bool remember)
{
    if (theme)
        m_appearance->setTheme(*theme == QLatin1String("dark") ? Appearance::Theme::Dark : Appearance::Theme::Light, remember);
    if (presenter)
        m_presenterAction->setChecked(true);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_playAction = new QAction(this);
    m_playAction->setShortcut(Qt::Key_Space);
    connect(m_playAction, &QAction::triggered, m_controller, &SimulationController::togglePlaying);

    m_stepAction = new QAction(this);
    m_stepAction->setShortcut(Qt::Key_Right);
    connect(m_stepAction, &QAction::triggered, this, [this] {
        m_controller->pause();
        m_controller->step(100);
    });

    m_backAction = new QAction(this);
    m_backAction->setShortcut(Qt::Key_Left);
    connect(m_backAction, &QAction::triggered, this,
            [this] { rewindTo(m_controller->simTime() - SimDuration::millis(100)); });

    m_liveAction = new QAction(this);
    m_liveAction->setShortcut(Qt::Key_End);
    connect(m_liveAction, &QAction::triggered, this, [this] { rewindTo(m_controller->historyEnd()); });

    m_appearance = new Appearance(this);
    connect(m_appearance, &Appearance::changed, this, &MainWindow::onAppearanceChanged);
    m_presenterAction = new QAction(this);
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(Qt::Key_F11);
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterMode);
    m_leavePresenterAction = new QAction(this);
    m_leavePresenterAction->setShortcut(Qt::Key_Escape);
    m_leavePresenterAction->setEnabled(false);
    connect(m_leavePresenterAction, &QAction::triggered, this, [this] { m_presenterAction->setChecked(false); });
    addAction(m_leavePresenterAction);
    auto *themes = new QActionGroup(this);
    m_lightThemeAction = new QAction(this);
    m_darkThemeAction = new QAction(this);
    for (QAction *a : {m_lightThemeAction, m_darkThemeAction}) {
        a->setCheckable(true);
        themes->addAction(a);
    }
    m_lightThemeAction->setChecked(true);
    connect(m_lightThemeAction, &QAction::triggered, this, [this] { m_appearance->setTheme(Appearance::Theme::Light, true); });
    connect(m_darkThemeAction, &QAction::triggered, this, [this] { m_appearance->setTheme(Appearance::Theme::Dark, true); });

    m_killSelectedAction = new QAction(this);
    m_killSelectedAction->setShortcut(Qt::Key_B);
    connect(m_killSelectedAction, &QAction::triggered, this, &MainWindow::killSelectedBroker);
    addAction(m_killSelectedAction); // B works wherever the focus is (but in a text field)

    m_fasterAction = new QAction(this);
    m_fasterAction->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    connect(m_fasterAction, &QAction::triggered, this, [this] { changeSpeedStep(+1); });
    m_slowerAction = new QAction(this);
    m_slowerAction->setShortcut(Qt::Key_Minus);
    connect(m_slowerAction, &QAction::triggered, this, [this] { changeSpeedStep(-1); });

    m_openScenarioAction = new QAction(this);
    m_openScenarioAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_openScenarioAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), QString(),
                                                          tr("Kafkascope scenarios (*.json);;All files (*)"));
        if (path.isEmpty())
            return;
        if (const QString error = openScenario(path); !error.isEmpty())
            QMessageBox::warning(this, tr("Cannot open the scenario"), error);
    });
    m_saveSessionAction = new QAction(this);
    m_saveSessionAction->setShortcut(QKeySequence::Save);
    connect(m_saveSessionAction, &QAction::triggered, this, [this] {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Session as Scenario"),
                                                          dir + QStringLiteral("/kafkascope-session.json"),
                                                          tr("Kafkascope scenarios (*.json)"));
        if (path.isEmpty())
            return;
        if (const QString error = saveSession(path); !error.isEmpty())
            QMessageBox::warning(this, tr("Cannot save the session"), error);
    });
    m_openLogAction = new QAction(this);
    m_openLogAction->setShortcut(QKeySequence::Open);
    connect(m_openLogAction, &QAction::triggered, this, &MainWindow::onOpenLogDirectoryRequested);

    m_screenshotAction = new QAction(this);
    m_screenshotAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_screenshotAction, &QAction::triggered, this, &MainWindow::onScreenshotRequested);

    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(this);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::onAbout);

    m_languageGroup = new QActionGroup(this);
    for (const QString &code : Language::available()) {
        // Each language is named in itself, so anyone can find their own.
        auto *a = new QAction(code == QLatin1String("ko") ? QStringLiteral("한국어") : QStringLiteral("English"), this);
        a->setCheckable(true);
        a->setData(code);
        a->setChecked(m_language && m_language->current() == code);
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            if (m_language)
                m_language->apply(code, true);
        });
    }
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_backAction);
    m_toolBar->addAction(m_playAction);
    m_toolBar->addAction(m_stepAction);

    m_speedLabel = new QLabel(this);
    m_speedCombo = new QComboBox(this);
    for (double s : SimulationController::speedSteps())
        m_speedCombo->addItem(formatSpeed(s), s);
    m_speedCombo->setCurrentIndex(3); // 1×
    connect(m_speedCombo, &QComboBox::currentIndexChanged, this, &MainWindow::onSpeedComboChanged);
    m_toolBar->addSeparator();
    m_toolBar->addWidget(m_speedLabel);
    m_toolBar->addWidget(m_speedCombo);

    m_toolBar->addSeparator();
    m_topicLabel = new QLabel(this);
    m_topicCombo = new QComboBox(this);
    m_topicCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_keyLabel = new QLabel(this);
    m_keyEdit = new QLineEdit(this);
    m_keyEdit->setMaxLength(256);
    m_keyEdit->setMinimumWidth(160);
    m_keyEdit->setMaximumWidth(280);
    m_keyEdit->setClearButtonEnabled(true);
    m_nullKey = new QCheckBox(this);
    connect(m_nullKey, &QCheckBox::toggled, m_keyEdit, &QWidget::setDisabled);
    m_produceButton = new QPushButton(this);
    m_produceButton->setDefault(true);
    connect(m_produceButton, &QPushButton::clicked, this, &MainWindow::produceFromToolbar);
    connect(m_keyEdit, &QLineEdit::returnPressed, this, &MainWindow::produceFromToolbar);
    m_toolBar->addWidget(m_topicLabel);
    m_toolBar->addWidget(m_topicCombo);
    m_toolBar->addWidget(m_keyLabel);
    m_toolBar->addWidget(m_keyEdit);
    m_toolBar->addWidget(m_nullKey);
    m_toolBar->addWidget(m_produceButton);
}

void MainWindow::createTimeline()
{
    m_timelineBar = new QToolBar(this);
    m_timelineBar->setObjectName(QStringLiteral("timelineToolBar"));
    m_timelineBar->setMovable(false);
    m_timelineLabel = new QLabel(this);
    m_timelineSlider = new TimelineSlider(this);
    m_timelineSlider->setMinimumWidth(300);
    m_timelineSlider->setSingleStep(1); // 100 ms
    m_timelineSlider->setPageStep(10);  // 1 s
    m_timelineTime = new QLabel(this);
    m_timelineTime->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_timelineBar->addWidget(m_timelineLabel);
    m_timelineBar->addWidget(m_timelineSlider);
    m_timelineBar->addWidget(m_timelineTime);
    m_timelineBar->addAction(m_liveAction);
    addToolBar(Qt::BottomToolBarArea, m_timelineBar);

    // The slider's unit is 100 ms. Dragging previews the time and rewinds on release; clicks
    // and keys on the slider rewind at once. Frames move it without signals.
    auto at = [](int value) { return SimTime::fromMillis(static_cast<std::int64_t>(value) * 100); };
    connect(m_timelineSlider, &QSlider::sliderMoved, this, [this, at](int value) {
        m_timelineTime->setText(QStringLiteral("%1 / %2").arg(formatClock(at(value)), formatClock(m_controller->historyEnd())));
    });
    connect(m_timelineSlider, &QSlider::sliderReleased, this,
            [this, at] { rewindTo(at(m_timelineSlider->value())); });
    connect(m_timelineSlider, &QSlider::valueChanged, this, [this, at](int value) {
        if (!m_timelineSlider->isSliderDown())
            rewindTo(at(value));
    });
}

void MainWindow::refreshTimeline()
{
    const QSignalBlocker block(m_timelineSlider);
    const auto end = static_cast<int>(std::min<qint64>(m_controller->historyEnd().millis() / 100, INT32_MAX));
    m_timelineSlider->setRange(0, end);
    if (!m_timelineSlider->isSliderDown())
        m_timelineSlider->setValue(static_cast<int>(std::min<qint64>(m_controller->simTime().millis() / 100, end)));
    m_timelineTime->setText(
        QStringLiteral("%1 / %2").arg(formatClock(m_controller->simTime()), formatClock(m_controller->historyEnd())));
    m_liveAction->setEnabled(m_controller->isRewound());
    refreshCheckpointMarks();
}

void MainWindow::refreshCheckpointMarks()
{
    std::vector<TimelineSlider::Mark> marks;
    if (const Scenario *s = m_controller->scenario()) {
        const auto results = m_controller->checkpointResults();
        for (const auto &e : s->expectations) {
            TimelineSlider::Mark mark;
            mark.value = static_cast<int>(std::min<qint64>(e.at.millis() / 100, INT32_MAX));
            const auto r = std::find_if(results.begin(), results.end(), [&](const ExpectationResult &x) { return x.expectation == &e; });
            if (r != results.end())
                mark.state = r->passed ? TimelineSlider::Mark::State::Held : TimelineSlider::Mark::State::Failed;
            marks.push_back(mark);
        }
    }
    m_timelineSlider->setMarks(std::move(marks));
}

void MainWindow::rewindTo(SimTime t)
{
    t = std::max(t, SimTime{});
    if (t == m_controller->simTime())
        return;
    const Status st = m_controller->rewindTo(t);
    if (!st.isOk())
        statusBar()->showMessage(tr("Cannot rewind: %1").arg(QString::fromStdString(st.message())), 8000);
    refreshTimeline();
}

void MainWindow::createDocks()
{
    m_partitionsTable = new QTableView(this);
    m_partitionsTable->setModel(m_partitionsModel);
    m_partitionsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_partitionsTable->setAlternatingRowColors(true);
    m_partitionsTable->verticalHeader()->hide();
    // Columns fit their contents when rows come and go, not on every frame's dataChanged (measuring
    // every cell of thousands of partitions each frame cost more than drawing the scene).
    m_partitionsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_partitionsTable->horizontalHeader()->setResizeContentsPrecision(200);
    m_partitionsTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_partitionsModel, &QAbstractItemModel::modelReset, m_partitionsTable, &QTableView::resizeColumnsToContents);
    connect(m_partitionsModel, &QAbstractItemModel::rowsInserted, m_partitionsTable, &QTableView::resizeColumnsToContents);
    m_partitionsTable->resizeColumnsToContents();
    m_partitionsDock = new QDockWidget(this);
    m_partitionsDock->setObjectName(QStringLiteral("partitionsDock"));
    m_partitionsDock->setWidget(m_partitionsTable);
    addDockWidget(Qt::RightDockWidgetArea, m_partitionsDock);

    // Consumer groups: a group a row, its members under it (always shown expanded).
    m_groupsTree = new QTreeView(this);
    m_groupsTree->setModel(m_groupsModel);
    m_groupsTree->setAlternatingRowColors(true);
    m_groupsTree->setUniformRowHeights(true);
    m_groupsTree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_groupsTree->header()->setStretchLastSection(true);
    connect(m_groupsModel, &QAbstractItemModel::modelReset, m_groupsTree, &QTreeView::expandAll);
    const auto fitGroupColumns = [this] {
        for (int c = 0; c < m_groupsModel->columnCount(); ++c)
            m_groupsTree->resizeColumnToContents(c);
    };
    connect(m_groupsModel, &QAbstractItemModel::modelReset, m_groupsTree, fitGroupColumns);
    connect(m_groupsModel, &QAbstractItemModel::rowsInserted, m_groupsTree, fitGroupColumns);
    m_groupsTree->expandAll();
    m_groupsDock = new QDockWidget(this);
    m_groupsDock->setObjectName(QStringLiteral("groupsDock"));
    m_groupsDock->setWidget(m_groupsTree);
    addDockWidget(Qt::RightDockWidgetArea, m_groupsDock);

    // The inspector, under the consumer groups: whatever was clicked last, in detail.
    m_inspector = new InspectorWidget(m_controller, this);
    m_inspectorDock = new QDockWidget(this);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    m_inspectorDock->setWidget(m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    splitDockWidget(m_groupsDock, m_inspectorDock, Qt::Vertical);

    // The lesson being played: narration and checkpoints, beside the inspector.
    m_narration = new NarrationPanel(m_controller, m_language, this);
    m_lessonDock = new QDockWidget(this);
    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    m_lessonDock->setWidget(m_narration);
    addDockWidget(Qt::RightDockWidgetArea, m_lessonDock);
    tabifyDockWidget(m_inspectorDock, m_lessonDock);
    m_inspectorDock->raise();
    connect(m_controller, &SimulationController::scenarioLoaded, this, [this] {
        m_lessonDock->show();
        m_lessonDock->raise();
    });
    // Selection sources: the scene (broker cards, strips, records), the partitions table and the
    // groups tree. The scene marks what is inspected, whoever chose it.
    connect(m_scene, &PartitionLogScene::inspectRequested, m_inspector, &InspectorWidget::inspect);
    connect(m_inspector->model(), &InspectorModel::selectionChanged, this,
            [this] { m_scene->setInspected(m_inspector->model()->selection()); });
    const auto inspectPartitionRow = [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        const TopicPartition tp = m_partitionsModel->partitionAt(index.row());
        m_inspector->inspect(InspectorSelection::ofPartition(QString::fromStdString(tp.topic), tp.partition.value()));
    };
    connect(m_partitionsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [inspectPartitionRow](const QModelIndex &current) { inspectPartitionRow(current); });
    connect(m_partitionsTable, &QAbstractItemView::clicked, this, inspectPartitionRow);
    connect(m_groupsTree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { inspectGroupsRow(current); });
    connect(m_groupsTree, &QAbstractItemView::clicked, this, &MainWindow::inspectGroupsRow);
    m_groupsTree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_groupsTree, &QWidget::customContextMenuRequested, this, &MainWindow::showGroupsMenu);

    m_charts = new TrafficCharts(m_controller, this);
    m_chartsDock = new QDockWidget(this);
    m_chartsDock->setObjectName(QStringLiteral("chartsDock"));
    m_chartsDock->setWidget(m_charts);
    addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);
    // The event log shares the bottom area with the charts, as a tab behind them.
    m_eventLog = new EventLogWidget(m_controller, this);
    m_eventLogDock = new QDockWidget(this);
    m_eventLogDock->setObjectName(QStringLiteral("eventLogDock"));
    m_eventLogDock->setWidget(m_eventLog);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventLogDock);
    tabifyDockWidget(m_chartsDock, m_eventLogDock);
    m_rebalances = new RebalanceTimelineWidget(m_controller, this);
    m_rebalancesDock = new QDockWidget(this);
    m_rebalancesDock->setObjectName(QStringLiteral("rebalancesDock"));
    m_rebalancesDock->setWidget(m_rebalances);
    addDockWidget(Qt::BottomDockWidgetArea, m_rebalancesDock);
    tabifyDockWidget(m_eventLogDock, m_rebalancesDock);
    m_chartsDock->raise();
    resizeDocks({m_chartsDock}, {260}, Qt::Vertical);
    resizeDocks({m_partitionsDock}, {520}, Qt::Horizontal);
    resizeDocks({m_partitionsDock, m_groupsDock, m_inspectorDock}, {230, 170, 330}, Qt::Vertical);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_openScenarioAction);
    m_fileMenu->addAction(m_saveSessionAction);
    m_fileMenu->addAction(m_openLogAction);
    m_fileMenu->addAction(m_screenshotAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_simulationMenu = menuBar()->addMenu(QString());
    m_simulationMenu->addAction(m_playAction);
    m_simulationMenu->addAction(m_backAction);
    m_simulationMenu->addAction(m_stepAction);
    m_simulationMenu->addAction(m_liveAction);
    m_simulationMenu->addSeparator();
    m_simulationMenu->addAction(m_fasterAction);
    m_simulationMenu->addAction(m_slowerAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_partitionsDock->toggleViewAction());
    m_viewMenu->addAction(m_groupsDock->toggleViewAction());
    m_viewMenu->addAction(m_inspectorDock->toggleViewAction());
    m_viewMenu->addAction(m_lessonDock->toggleViewAction());
    m_viewMenu->addAction(m_chartsDock->toggleViewAction());
    m_viewMenu->addAction(m_eventLogDock->toggleViewAction());
    m_viewMenu->addAction(m_rebalancesDock->toggleViewAction());
    m_viewMenu->addAction(m_toolBar->toggleViewAction());
    m_viewMenu->addAction(m_timelineBar->toggleViewAction());
    m_viewMenu->addSeparator();
    m_themeMenu = m_viewMenu->addMenu(QString());
    m_themeMenu->addAction(m_lightThemeAction);
    m_themeMenu->addAction(m_darkThemeAction);
    m_viewMenu->addAction(m_presenterAction);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->addActions(m_languageGroup->actions());

    m_clusterMenu = menuBar()->addMenu(QString());
    connect(m_clusterMenu, &QMenu::aboutToShow, this, &MainWindow::populateClusterMenu);
    populateClusterMenu();

    // The built-in lessons, titled in the window's language.
    m_lessonsMenu = menuBar()->addMenu(QString());
    connect(m_lessonsMenu, &QMenu::aboutToShow, this, [this] {
        m_lessonsMenu->clear();
        for (const BuiltInLesson &lesson : builtInLessons()) {
            const QString title = QString::fromStdString(lesson.title.in(m_language ? m_language->current().toStdString() : "en"));
            const QString number = lesson.id.section(QLatin1Char('-'), 0, 0);
            QAction *a = m_lessonsMenu->addAction(QStringLiteral("%1 · %2").arg(number, title));
            const QString path = lesson.path;
            connect(a, &QAction::triggered, this, [this, path] {
                if (const QString error = openScenario(path); !error.isEmpty())
                    QMessageBox::warning(this, tr("Cannot open the lesson"), error);
            });
        }
    });

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Kafkascope — a Kafka cluster you can watch"));
    m_fileMenu->setTitle(tr("&File"));
    m_simulationMenu->setTitle(tr("&Simulation"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_clusterMenu->setTitle(tr("&Cluster"));
    m_lessonsMenu->setTitle(tr("L&essons"));
    m_lessonDock->setWindowTitle(tr("Lesson"));
    m_openScenarioAction->setText(tr("Open &Scenario…"));
    m_openScenarioAction->setToolTip(tr("Play a scenario file: its cluster, timeline, narration and checkpoints (Ctrl+Shift+O)"));
    m_saveSessionAction->setText(tr("Sa&ve Session as Scenario…"));
    m_saveSessionAction->setToolTip(tr("Every session is recorded: write what you did since the demo or scenario "
                                       "started as a scenario file that replays exactly (Ctrl+S)"));
    m_helpMenu->setTitle(tr("&Help"));

    const bool playing = m_controller->isPlaying();
    m_playAction->setText(playing ? tr("Pause") : tr("Play"));
    m_playAction->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playAction->setToolTip(playing ? tr("Pause the simulation (Space)") : tr("Run the simulation (Space)"));
    m_backAction->setText(tr("Back"));
    m_backAction->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_backAction->setToolTip(tr("Pause and rewind 100 ms of simulated time (←): the cluster is rebuilt as it was"));
    m_liveAction->setText(tr("To the end"));
    m_liveAction->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_liveAction->setToolTip(tr("Jump to the end of the timeline (End)"));
    m_timelineBar->setWindowTitle(tr("Timeline"));
    m_timelineLabel->setText(tr("Timeline "));
    m_timelineSlider->setToolTip(tr("Drag back to see the cluster as it was at any earlier moment. Playing or acting "
                                    "from there starts a new future; the old one is dropped."));
    m_presenterAction->setText(tr("&Presenter Mode"));
    m_presenterAction->setToolTip(tr("Full screen, larger text and stronger contrast for a projector (F11; Esc leaves)"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_lightThemeAction->setText(tr("&Light"));
    m_darkThemeAction->setText(tr("&Dark"));
    m_killSelectedAction->setText(tr("Kill the Selected Broker"));
    m_killSelectedAction->setToolTip(tr("Crash the broker whose card is selected (B)"));
    m_stepAction->setText(tr("Step"));
    m_stepAction->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    m_stepAction->setToolTip(tr("Pause and advance 100 ms of simulated time (→)"));
    m_fasterAction->setText(tr("Faster"));
    m_slowerAction->setText(tr("Slower"));
    m_openLogAction->setText(tr("Open Kafka &Log Directory…"));
    m_openLogAction->setToolTip(tr("Browse the segments and records of a Kafka log directory, read-only (Ctrl+O)"));
    m_screenshotAction->setText(tr("Save &Screenshot…"));
    m_quitAction->setText(tr("&Quit"));
    m_aboutAction->setText(tr("&About Kafkascope"));

    m_toolBar->setWindowTitle(tr("Toolbar"));
    m_speedLabel->setText(tr("Speed "));
    m_speedCombo->setToolTip(tr("Simulated seconds per real second (+ and − change it)"));
    m_topicLabel->setText(tr(" Produce to "));
    m_keyLabel->setText(tr(" key "));
    m_keyEdit->setPlaceholderText(tr("e.g. alice"));
    m_keyEdit->setToolTip(tr("The record key. Records with the same key always go to the same partition."));
    m_nullKey->setText(tr("null key"));
    m_nullKey->setToolTip(tr("Send the record without a key: the sticky partitioner picks the partition."));
    m_produceButton->setText(tr("Produce"));

    m_partitionsDock->setWindowTitle(tr("Partitions"));
    m_chartsDock->setWindowTitle(tr("Charts"));
    m_groupsDock->setWindowTitle(tr("Consumer groups"));
    m_eventLogDock->setWindowTitle(tr("Event log"));
    m_rebalancesDock->setWindowTitle(tr("Rebalances"));
    m_inspectorDock->setWindowTitle(tr("Inspector"));
    m_scene->rebuild();
    refreshStatus();
    refreshClusterStatus(true);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        for (QAction *a : m_languageGroup->actions())
            a->setChecked(m_language && a->data().toString() == m_language->current());
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_restoredLayout) {
        QMainWindow::closeEvent(event); // a headless or test window leaves the user's layout alone
        return;
    }
    if (m_appearance->presenter())
        m_presenterAction->setChecked(false); // the saved geometry is the normal window's
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::refreshStatus()
{
    m_timeStatus->setText(tr("Simulated time %1").arg(formatClock(m_controller->simTime())));
    m_speedStatus->setText(tr("Speed %1%2").arg(formatSpeed(m_controller->speed()),
                                                 m_controller->isPlaying() ? QString() : tr(" (paused)")));
    qint64 records = 0;
    for (const auto &[name, topic] : m_controller->cluster().topics())
        for (std::int32_t p = 0; p < topic.partitionCount() && !topic.isInternal(); ++p)
            records += topic.partition(PartitionId{p}).logEndOffset() - topic.partition(PartitionId{p}).logStartOffset();
    m_recordsStatus->setText(tr("%n record(s) stored", nullptr, static_cast<int>(std::min<qint64>(records, INT32_MAX)))
                             + QStringLiteral(" · ")
                             + tr("%1 events/s").arg(m_controller->eventsPerWallSecond(), 0, 'f', 0));
    m_recordsStatus->setToolTip(tr("Records in the user's topics; engine events run per wall-clock second"));

    refreshClusterStatus(false);
}

void MainWindow::refreshClusterStatus(bool force)
{
    if (!force && m_clusterStatusAge.isValid() && m_clusterStatusAge.elapsed() < 1000)
        return;
    m_clusterStatusAge.start();
    const Cluster &cluster = m_controller->cluster();
    int alive = 0;
    for (const auto &[id, broker] : cluster.brokers())
        alive += broker.alive ? 1 : 0;
    std::uint64_t lost = 0;
    std::uint64_t duplicates = 0;
    for (const auto &[name, counts] : cluster.durability()) {
        lost += counts.lost;
        duplicates += counts.duplicates;
    }
    const auto controller = cluster.controller();
    m_clusterStatus->setText(tr("Brokers %1/%2 up · controller %3 · lost %4 · duplicates %5")
                                 .arg(alive)
                                 .arg(cluster.brokers().size())
                                 .arg(controller ? QString::number(controller->value()) : tr("none"))
                                 .arg(lost)
                                 .arg(duplicates));
    m_clusterStatus->setToolTip(tr("Lost: acknowledged records no leader holds any more. "
                                   "Duplicates: records written twice by retries."));
}

void MainWindow::refreshTopics()
{
    const QString current = m_topicCombo->currentText();
    const QSignalBlocker block(m_topicCombo);
    m_topicCombo->clear();
    for (const auto &[name, topic] : m_controller->cluster().topics())
        if (!topic.isInternal()) // clients do not produce to __consumer_offsets
            m_topicCombo->addItem(QString::fromStdString(name));
    const int index = m_topicCombo->findText(current);
    m_topicCombo->setCurrentIndex(index >= 0 ? index : 0);
}

void MainWindow::onSpeedComboChanged(int index)
{
    if (index >= 0)
        m_controller->setSpeed(m_speedCombo->itemData(index).toDouble());
}

void MainWindow::changeSpeedStep(int delta)
{
    const int index = std::clamp(m_speedCombo->currentIndex() + delta, 0, m_speedCombo->count() - 1);
    m_speedCombo->setCurrentIndex(index);
}

QString MainWindow::produceFromToolbar()
{
    const QString topic = m_topicCombo->currentText();
    const bool nullKey = m_nullKey->isChecked();
    const QString key = m_keyEdit->text();
    const auto result = m_controller->produce(topic, key, nullKey, tr("sent from the toolbar"));
    QString message;
    if (!result.isOk()) {
        message = tr("Could not produce: %1").arg(QString::fromStdString(result.status().message()));
    } else if (nullKey) {
        message = tr("Null key → the sticky partitioner chose partition %1 of “%2”.")
                      .arg(result.value().value())
                      .arg(topic);
    } else {
        // Show the whole rule, so a learner sees why this key lands where it does.
        const QByteArray bytes = key.toUtf8();
        const std::int32_t hash = murmur2(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        const Topic *t = m_controller->cluster().topic(topic.toStdString());
        message = tr("Key “%1” → murmur2 %2 → toPositive %3 mod %4 = partition %5 of “%6”.")
                      .arg(key)
                      .arg(hash)
                      .arg(toPositive(hash))
                      .arg(t ? t->partitionCount() : 0)
                      .arg(result.value().value())
                      .arg(topic);
    }
    if (result.isOk()) {
        // The rest of the path: who leads the partition, who holds copies, who will read it.
        const Cluster &cluster = m_controller->cluster();
        const TopicPartition tp{topic.toStdString(), result.value()};
        if (const Topic *t = cluster.topic(tp.topic)) {
            const PartitionState &state = t->state(tp.partition);
            QStringList isr;
            for (const BrokerId b : state.isr)
                isr << QString::number(b.value());
            message += QLatin1Char(' ')
                + (state.leader ? tr("Leader: broker %1, in-sync replicas %2.").arg(state.leader->value()).arg(isr.join(QLatin1Char(',')))
                                : tr("The partition is offline: the record waits for a leader."));
            QStringList readers;
            for (const auto &c : cluster.consumers())
                if (c->reads(tp))
                    readers << (c->config().groupId ? tr("%1 (group %2)").arg(QString::fromStdString(c->config().clientId),
                                                                             QString::fromStdString(*c->config().groupId))
                                                    : QString::fromStdString(c->config().clientId));
            message += QLatin1Char(' ')
                + (readers.isEmpty() ? tr("No consumer reads it yet.") : tr("Read by %1.").arg(readers.join(QStringLiteral(", "))));
            // The record is still on its way (its offset is not known yet): outline the strip.
            m_scene->tracePartition(topic, result.value().value(), -1);
        }
    }
    statusBar()->showMessage(message, 15000);
    return message;
}

QString MainWindow::saveScreenshot(const QString &path)
{
    for (QCustomPlot *plot : {m_charts->rateChart(), m_charts->lagChart(), m_charts->replicationChart(), m_charts->rebalanceChart()})
        plot->replot();
    m_rebalances->refresh(); // it redraws at most four times a second: the picture shows now
    refreshClusterStatus(true);
    const QPixmap pixmap = grab();
    // Written to a temporary file and renamed, so a failure leaves an older file untouched.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not write the screenshot to %1: %2").arg(path, file.errorString());
    QImageWriter writer(&file, "png");
    if (!writer.write(pixmap.toImage())) {
        file.cancelWriting();
        return tr("Could not write the screenshot to %1: %2").arg(path, writer.errorString());
    }
    if (!file.commit())
        return tr("Could not write the screenshot to %1: %2").arg(path, file.errorString());
    return {};
}

void MainWindow::onScreenshotRequested()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Screenshot"), dir + QStringLiteral("/kafkascope.png"),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const QString error = saveScreenshot(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Save Screenshot"), error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 8000);
}

QString MainWindow::saveSession(const QString &path)
{
    const auto session = m_controller->recordedSession();
    if (!session.isOk())
        return QString::fromStdString(session.status().message());
    if (const QString error = writeScenarioFile(path, session.value()); !error.isEmpty())
        return error;
    statusBar()->showMessage(tr("Saved the session to %1: %n action(s) up to %2. Open it with File › Open Scenario… "
                                "or run it with kafkascope run",
                                nullptr, static_cast<int>(session.value().timeline.size()))
                                 .arg(path, formatClock(session.value().until.value_or(m_controller->simTime()))),
                             12000);
    return {};
}

QString MainWindow::uniqueClientId(const QString &base) const
{
    for (int n = 1;; ++n) {
        const QString id = QStringLiteral("%1-%2").arg(base).arg(n);
        if (!m_controller->isClientIdTaken(id.toStdString()))
            return id;
    }
}

QString MainWindow::suggestedRack() const
{
    std::map<std::string, int> brokersIn;
    for (const auto &[id, broker] : m_controller->cluster().brokers())
        if (broker.rack)
            ++brokersIn[*broker.rack];
    const auto fewest = std::min_element(brokersIn.begin(), brokersIn.end(),
                                         [](const auto &a, const auto &b) { return a.second < b.second; });
    return fewest == brokersIn.end() ? QString() : QString::fromStdString(fewest->first);
}

void MainWindow::addBrokerFromMenu()
{
    std::optional<std::string> rack;
    if (const QString suggested = suggestedRack(); !suggested.isEmpty()) {
        QStringList racks;
        for (const auto &[id, broker] : m_controller->cluster().brokers())
            if (broker.rack && !racks.contains(QString::fromStdString(*broker.rack)))
                racks << QString::fromStdString(*broker.rack);
        racks.sort();
        bool ok = false;
        const QString chosen = QInputDialog::getItem(
            this, tr("Add Broker"),
            tr("The brokers have racks (broker.rack), and Kafka places replicas across them.\n"
               "Rack of the new broker (pick one or type a new name):"),
            racks, static_cast<int>(racks.indexOf(suggested)), true, &ok);
        if (!ok)
            return;
        rack = chosen.trimmed().toStdString();
    }
    const int id = m_controller->addBroker(rack);
    const QString at = formatClock(m_controller->simTime());
    statusBar()->showMessage(rack && !rack->empty()
                                 ? tr("Broker %1 joined rack %2 at %3").arg(id).arg(QString::fromStdString(*rack), at)
                                 : tr("Broker %1 joined at %2").arg(id).arg(at),
                             8000);
    refreshClusterStatus(true);
}

bool MainWindow::showDock(const QString &name)
{
    const std::map<QString, QDockWidget *> docks{{QStringLiteral("charts"), m_chartsDock},
                                                 {QStringLiteral("events"), m_eventLogDock},
                                                 {QStringLiteral("rebalances"), m_rebalancesDock},
                                                 {QStringLiteral("inspector"), m_inspectorDock},
                                                 {QStringLiteral("lesson"), m_lessonDock}};
    const auto it = docks.find(name);
    if (it == docks.end())
        return false;
    it->second->show();
    it->second->raise();
    return true;
}

QString MainWindow::openScenario(const QString &path)
{
    const ScenarioFile file = readScenarioFile(path, path.startsWith(QLatin1Char(':')) ? QFileInfo(path).fileName() : path);
    if (!file.scenario)
        return file.errors.join(QLatin1Char('\n'));
    if (const Status st = m_controller->loadScenario(*file.scenario); !st.isOk())
        return QStringLiteral("%1: %2").arg(path, QString::fromStdString(st.message()));
    const QString title = QString::fromStdString(file.scenario->title.in(m_language ? m_language->current().toStdString() : "en"));
    statusBar()->showMessage(file.warnings.isEmpty() ? tr("Playing “%1”: press Play or Next ›").arg(title)
                                                     : tr("Playing “%1” (%n warning(s): %2)", nullptr,
                                                          static_cast<int>(file.warnings.size()))
                                                           .arg(title, file.warnings.front()),
                             10000);
    return {};
}

LogBrowserWindow *MainWindow::openLogDirectory(const QString &path)
{
    auto *browser = new LogBrowserWindow(this);
    browser->setAttribute(Qt::WA_DeleteOnClose);
    browser->openDirectory(path);
    browser->show();
    browser->raise();
    browser->activateWindow();
    return browser;
}

void MainWindow::onOpenLogDirectoryRequested()
{
    QSettings settings;
    const QString start = settings.value(QStringLiteral("logBrowser/lastDirectory"), QDir::homePath()).toString();
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Kafka Log Directory"), start);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("logBrowser/lastDirectory"), path);
    openLogDirectory(path);
}

void MainWindow::populateClusterMenu()
{
    m_clusterMenu->clear();
    // With racks the action asks which rack the broker joins, so it says it opens a dialog.
    m_clusterMenu->addAction(suggestedRack().isEmpty() ? tr("Add &Broker") : tr("Add &Broker…"), this,
                             [this] { addBrokerFromMenu(); });
    m_clusterMenu->addAction(tr("New &Topic…"), this, [this] {
        TopicDialog dialog(static_cast<int>(m_controller->cluster().liveBrokers().size()),
                           [this](const QString &name, int partitions, const TopicSettings &settings) {
                               return m_controller->createTopic(name, partitions, settings);
                           },
                           this);
        dialog.exec();
    });
    m_clusterMenu->addAction(tr("Add Pa&rtitions…"), this, [this] {
        std::map<QString, int> topics;
        for (const auto &[name, topic] : m_controller->cluster().topics())
            if (!topic.isInternal())
                topics[QString::fromStdString(name)] = topic.partitionCount();
        PartitionsDialog dialog(topics, [this](const QString &topic, int total) { return m_controller->addPartitions(topic, total); },
                                this);
        dialog.exec();
    });
    m_clusterMenu->addAction(tr("Add &Producer…"), this, [this] {
        ProducerDialog dialog(userTopics(), [this](const ProducerConfig &c) { return m_controller->addProducer(c); }, this);
        dialog.clientIdEdit()->setText(uniqueClientId(QStringLiteral("producer")));
        dialog.exec();
    });
    m_clusterMenu->addAction(tr("Add &Consumer…"), this, [this] {
        ConsumerDialog dialog(userTopics(), [this](const ConsumerConfig &c) { return m_controller->addConsumer(c); }, this);
        dialog.clientIdEdit()->setText(uniqueClientId(QStringLiteral("consumer")));
        dialog.exec();
    });
    m_clusterMenu->addSeparator();
    for (const auto &[id, broker] : m_controller->cluster().brokers()) {
        const int b = id.value();
        QMenu *sub = m_clusterMenu->addMenu(broker.alive ? tr("Broker %1").arg(b) : tr("Broker %1 (down)").arg(b));
        addBrokerActions(sub, b);
    }
    QMenu *network = m_clusterMenu->addMenu(tr("&Network"));
    for (const auto &[id, broker] : m_controller->cluster().brokers()) {
        if (!broker.alive)
            continue;
        const int b = id.value();
        network->addAction(tr("Cut broker %1 off from the other brokers").arg(b), this, [this, b] {
            m_controller->isolateBroker(b);
            runClientAction(tr("Network split around broker %1").arg(b), Status::ok());
        });
    }
    network->addSeparator();
    network->addAction(tr("&Heal the network"), this, [this] {
        m_controller->healNetwork();
        runClientAction(tr("Network healed"), Status::ok());
    });
    network->addSeparator();
    for (const auto &[id, broker] : m_controller->cluster().brokers()) {
        const int b = id.value();
        network->addAction(tr("Slow down broker %1…").arg(b), this, [this, b] { slowBrokerFromMenu(b); });
        if (m_controller->brokerDelay(b) > SimDuration{})
            network->addAction(tr("Restore broker %1's speed").arg(b), this, [this, b] {
                runClientAction(tr("Broker %1 at normal speed").arg(b), m_controller->slowBroker(b, SimDuration{}));
            });
    }
    network->addSeparator();
    network->addAction(tr("Network &conditions…"), this, [this] { openNetworkConditionsDialog(); });
    network->addAction(tr("&Latency between two brokers…"), this, [this] { openLinkLatencyDialog(); });
    m_clusterMenu->addSeparator();
    QMenu *producers = m_clusterMenu->addMenu(tr("Pro&ducers"));
    producers->setEnabled(!m_controller->cluster().producers().empty());
    for (const auto &p : m_controller->cluster().producers()) {
        const int id = p->id().value();
        const QString name = QString::fromStdString(p->config().clientId);
        addClientActions(producers->addMenu(name), true, id);
    }
    QMenu *consumers = m_clusterMenu->addMenu(tr("C&onsumers"));
    consumers->addAction(tr("&Reset Group Offsets…"), this, [this] { openResetOffsetsDialog(); });
    consumers->addAction(tr("&Processing Time…"), this, [this] { openProcessingTimeDialog(); });
    consumers->addSeparator();
    for (const auto &c : m_controller->cluster().consumers()) {
        const int id = c->id().value();
        const QString name = QString::fromStdString(c->config().clientId);
        if (!c->isRunning()) {
            consumers->addAction(tr("%1 (stopped)").arg(name))->setEnabled(false);
            continue;
        }
        addClientActions(consumers->addMenu(c->config().groupId ? tr("%1 (group %2)").arg(name, QString::fromStdString(*c->config().groupId))
                                                                 : name),
                         false, id);
    }
    m_clusterMenu->addSeparator();
    m_clusterMenu->addAction(m_killSelectedAction);
    m_clusterMenu->addAction(tr("&Elect Preferred Leaders"), this, [this] {
        const int moved = m_controller->electPreferredLeaders();
        statusBar()->showMessage(tr("Preferred leader election: %n leader(s) moved", nullptr, moved), 8000);
    });
}

void MainWindow::addClientActions(QMenu *menu, bool producer, int id)
{
    const Cluster &cluster = m_controller->cluster();
    if (producer) {
        for (const auto &p : cluster.producers())
            if (p->id().value() == id) {
                addProcessPauseActions(menu, true, id, QString::fromStdString(p->config().clientId));
                menu->addSeparator();
                menu->addAction(tr("Inspect"), this, [this, id] { m_inspector->inspect(InspectorSelection::ofProducer(id)); });
            }
        return;
    }
    for (const auto &c : cluster.consumers()) {
        if (c->id().value() != id)
            continue;
        const QString name = QString::fromStdString(c->config().clientId);
        if (c->isRunning()) {
            menu->addAction(tr("Close (leaves its group at once)"), this, [this, id, name] {
                runClientAction(tr("Close consumer %1").arg(name), m_controller->closeConsumer(id));
            });
            menu->addAction(tr("Crash (its group notices after session.timeout.ms)"), this, [this, id, name] {
                runClientAction(tr("Crash consumer %1").arg(name), m_controller->crashConsumer(id));
            });
            addProcessPauseActions(menu, false, id, name);
            menu->addSeparator();
            menu->addAction(tr("Processing Time…"), this, [this, id] { openProcessingTimeDialog(id); });
        }
        menu->addAction(tr("Inspect"), this, [this, id] { m_inspector->inspect(InspectorSelection::ofConsumer(id)); });
    }
}

void MainWindow::addProcessPauseActions(QMenu *menu, bool producer, int id, const QString &name)
{
    if (m_controller->isClientProcessPaused(producer, id)) {
        menu->addAction(tr("Resume the process"), this, [this, producer, id, name] {
            runClientAction(producer ? tr("Producer %1's process resumed").arg(name) : tr("Consumer %1's process resumed").arg(name),
                            m_controller->resumeClientProcess(producer, id));
        });
        return;
    }
    menu->addAction(tr("Pause the process (GC pause)…"), this, [this, producer, id, name] { pauseProcessFromMenu(producer, id, name); });
}

void MainWindow::pauseProcessFromMenu(bool producer, int id, const QString &name)
{
    bool ok = false;
    const QString what = producer
        ? tr("Producer %1's process freezes, like in a long garbage-collection pause: it sends nothing, its records wait in "
             "its buffer, and answers wait until it resumes. Records older than delivery.timeout.ms (120 s) then fail.")
              .arg(name)
        : tr("Consumer %1's process freezes, like in a long garbage-collection pause: no polls, no heartbeats. Longer than "
             "session.timeout.ms (45 s) and its group removes it and rebalances; when it resumes it finds out and rejoins.")
              .arg(name);
    QInputDialog dialog(this);
    dialog.setWindowTitle(producer ? tr("Pause Producer %1").arg(name) : tr("Pause Consumer %1").arg(name));
    dialog.setLabelText(what + QStringLiteral("\n\n") + tr("Pause for (seconds; 0: until you resume it):"));
    dialog.setInputMode(QInputDialog::IntInput);
    dialog.setIntRange(0, 3600);
    dialog.setIntStep(5);
    dialog.setIntValue(producer ? 10 : 60);
    // The explanation wraps instead of stretching the dialog across the screen.
    for (QLabel *label : dialog.findChildren<QLabel *>())
        label->setWordWrap(true);
    dialog.setMinimumWidth(480);
    ok = dialog.exec() == QDialog::Accepted;
    if (!ok)
        return;
    const int seconds = dialog.intValue();
    const std::optional<SimDuration> duration = seconds > 0 ? std::optional<SimDuration>(SimDuration::seconds(seconds)) : std::nullopt;
    const QString done = seconds > 0
        ? (producer ? tr("Producer %1's process paused for %2 s") : tr("Consumer %1's process paused for %2 s")).arg(name).arg(seconds)
        : (producer ? tr("Producer %1's process paused until resumed") : tr("Consumer %1's process paused until resumed")).arg(name);
    runClientAction(done, m_controller->pauseClientProcess(producer, id, duration));
}

void MainWindow::slowBrokerFromMenu(int broker)
{
    const SimDuration current = m_controller->brokerDelay(broker);
    bool ok = false;
    const int ms = QInputDialog::getInt(
        this, tr("Slow Down Broker %1").arg(broker),
        tr("Every message to or from broker %1 takes this much longer (extra delay, ms).\n"
           "Under steady writes, a follower slowed by more than about a quarter of replica.lag.time.max.ms (30 s) falls out of the ISR.")
            .arg(broker),
        current > SimDuration{} ? static_cast<int>(std::clamp<std::int64_t>(current.millis(), 1, 60000)) : 500, 1, 60000, 100, &ok);
    if (!ok)
        return;
    runClientAction(tr("Broker %1 slowed down by %2 ms").arg(broker).arg(ms),
                    m_controller->slowBroker(broker, SimDuration::millis(ms)));
}

void MainWindow::openNetworkConditionsDialog()
{
    const ScenarioNetwork now = m_controller->networkConditions();
    NetworkConditionsDialog dialog(
        now.latency, now.jitter, now.loss,
        [this](SimDuration latency, SimDuration jitter, double loss) {
            const Status st = m_controller->setNetworkConditions(latency, jitter, loss);
            if (st.isOk())
                runClientAction(tr("Network: latency %1 ms, jitter %2 ms, loss %3 %")
                                    .arg(static_cast<double>(latency.micros()) / 1000.0, 0, 'g', 6)
                                    .arg(static_cast<double>(jitter.micros()) / 1000.0, 0, 'g', 6)
                                    .arg(loss * 100.0, 0, 'g', 4),
                                st);
            return st;
        },
        this);
    dialog.exec();
}

void MainWindow::openLinkLatencyDialog()
{
    std::vector<int> brokers;
    for (const auto &[id, broker] : m_controller->cluster().brokers())
        brokers.push_back(id.value());
    LinkLatencyDialog dialog(
        brokers, m_controller->networkConditions().latency, [this](int a, int b) { return m_controller->linkLatency(a, b); },
        [this](int a, int b, std::optional<SimDuration> latency) {
            const Status st = m_controller->setLinkLatency(a, b, latency);
            if (st.isOk())
                runClientAction(latency ? tr("Latency between brokers %1 and %2: %3 ms")
                                              .arg(a)
                                              .arg(b)
                                              .arg(static_cast<double>(latency->micros()) / 1000.0, 0, 'g', 6)
                                        : tr("Brokers %1 and %2 back to the network's latency").arg(a).arg(b),
                                st);
            return st;
        },
        this);
    dialog.exec();
}

void MainWindow::openResetOffsetsDialog(const QString &group)
{
    const Cluster &cluster = m_controller->cluster();
    QStringList groups;
    for (const auto &[id, snapshot] : cluster.groups())
        groups << QString::fromStdString(id);
    std::vector<ResetOffsetsDialog::TopicInfo> topics;
    for (const auto &[name, topic] : cluster.topics())
        if (!topic.isInternal())
            topics.push_back({QString::fromStdString(name), topic.partitionCount()});
    ResetOffsetsDialog dialog(
        groups, topics,
        [this](const GroupOffsetReset &reset) {
            const Status st = m_controller->resetGroupOffsets(reset);
            if (st.isOk())
                runClientAction(tr("Reset the offsets of group %1").arg(QString::fromStdString(reset.groupId)), st);
            return st;
        },
        [this](const GroupOffsetReset &reset) { return m_controller->planGroupOffsetReset(reset); }, this);
    if (!group.isEmpty())
        dialog.setGroup(group);
    dialog.exec();
}

void MainWindow::openProcessingTimeDialog(int consumer)
{
    std::vector<ProcessingTimeDialog::ConsumerInfo> consumers;
    for (const auto &c : m_controller->cluster().consumers()) {
        if (!c->isRunning())
            continue;
        const ConsumerConfig &config = c->config();
        ProcessingTimeDialog::ConsumerInfo info;
        info.id = c->id().value();
        info.name = config.groupId ? tr("%1 (group %2)").arg(QString::fromStdString(config.clientId),
                                                              QString::fromStdString(*config.groupId))
                                   : QString::fromStdString(config.clientId);
        info.currentMs = static_cast<double>(config.processingTimePerRecord.micros()) / 1000.0;
        info.maxPollRecords = config.maxPollRecords;
        info.maxPollIntervalMs = config.groupId && config.processing == ConsumerConfig::Processing::InPollLoop
            ? config.maxPollIntervalMs
            : 0;
        consumers.push_back(info);
    }
    ProcessingTimeDialog dialog(
        consumers,
        [this](int id, SimDuration perRecord) {
            const Status st = m_controller->setConsumerProcessingTime(id, perRecord);
            if (st.isOk())
                runClientAction(tr("Processing time of consumer %1: %2 ms per record")
                                    .arg(id)
                                    .arg(static_cast<double>(perRecord.micros()) / 1000.0, 0, 'g', 6),
                                st);
            return st;
        },
        this);
    if (consumer >= 0)
        dialog.setConsumer(consumer);
    dialog.exec();
}

std::optional<int> MainWindow::consumerOfMember(const QString &groupId, const QString &memberId) const
{
    for (const auto &c : m_controller->cluster().consumers())
        if (c->isRunning() && c->config().groupId && QString::fromStdString(*c->config().groupId) == groupId
            && QString::fromStdString(c->memberId()) == memberId)
            return c->id().value();
    return std::nullopt;
}

void MainWindow::inspectGroupsRow(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString group = index.data(GroupsModel::GroupIdRole).toString();
    if (!index.data(GroupsModel::IsGroupRole).toBool())
        if (const auto consumer = consumerOfMember(group, index.data(GroupsModel::MemberIdRole).toString())) {
            m_inspector->inspect(InspectorSelection::ofConsumer(*consumer));
            return;
        }
    m_inspector->inspect(InspectorSelection::ofGroup(group));
}

void MainWindow::showGroupsMenu(const QPoint &pos)
{
    const QModelIndex index = m_groupsTree->indexAt(pos);
    if (!index.isValid())
        return;
    const QString group = index.data(GroupsModel::GroupIdRole).toString();
    QMenu menu(this);
    if (index.data(GroupsModel::IsGroupRole).toBool()) {
        menu.addAction(tr("Inspect"), this, [this, group] { m_inspector->inspect(InspectorSelection::ofGroup(group)); });
    } else if (const auto consumer = consumerOfMember(group, index.data(GroupsModel::MemberIdRole).toString())) {
        const int id = *consumer;
        menu.addAction(tr("Inspect"), this, [this, id] { m_inspector->inspect(InspectorSelection::ofConsumer(id)); });
        menu.addAction(tr("Processing Time…"), this, [this, id] { openProcessingTimeDialog(id); });
        const Cluster &cluster = m_controller->cluster();
        if (static_cast<std::size_t>(id) < cluster.consumers().size() && cluster.consumers()[static_cast<std::size_t>(id)]->isRunning())
            addProcessPauseActions(&menu, false, id, QString::fromStdString(cluster.consumers()[static_cast<std::size_t>(id)]->config().clientId));
    }
    menu.addAction(tr("Reset Group Offsets…"), this, [this, group] { openResetOffsetsDialog(group); });
    menu.exec(m_groupsTree->viewport()->mapToGlobal(pos));
}

void MainWindow::addBrokerActions(QMenu *menu, int b)
{
    const auto &brokers = m_controller->cluster().brokers();
    const auto it = brokers.find(BrokerId{b});
    if (it == brokers.end())
        return;
    if (it->second.alive) {
        menu->addAction(tr("Kill (crash)"), this, [this, b] { runBrokerAction(tr("Kill broker %1"), b, m_controller->killBroker(b)); });
        menu->addAction(tr("Shut down (controlled)"), this,
                        [this, b] { runBrokerAction(tr("Shut down broker %1"), b, m_controller->shutdownBroker(b)); });
    } else {
        menu->addAction(tr("Restart"), this, [this, b] { runBrokerAction(tr("Restart broker %1"), b, m_controller->restartBroker(b)); });
    }
}

void MainWindow::setPresenterMode(bool on)
{
    // The side docks make way for the cluster; they come back as they were.
    if (on) {
        m_docksBeforePresenter.clear();
        for (QDockWidget *dock : {m_partitionsDock, m_groupsDock, m_inspectorDock}) {
            if (dock->isVisible())
                m_docksBeforePresenter.push_back(dock);
            dock->hide();
        }
    } else {
        for (QDockWidget *dock : m_docksBeforePresenter)
            dock->show();
        m_docksBeforePresenter.clear();
    }
    m_appearance->setPresenter(on);
    m_leavePresenterAction->setEnabled(on);
    if (on)
        showFullScreen();
    else
        showNormal();
    if (on)
        statusBar()->showMessage(tr("Presenter mode: Space plays and pauses, → steps, ← goes back, + and − change the "
                                    "speed, B crashes the selected broker, Esc leaves"),
                                 10000);
    else
        statusBar()->clearMessage();
}

void MainWindow::onAppearanceChanged()
{
    {
        const QSignalBlocker block(m_presenterAction);
        m_presenterAction->setChecked(m_appearance->presenter());
    }
    (m_appearance->theme() == Appearance::Theme::Dark ? m_darkThemeAction : m_lightThemeAction)->setChecked(true);
    m_view->setBackgroundBrush(QApplication::palette().color(QPalette::Base));
    // The scene keeps its normal text size (the view scales it to its width); presenter mode
    // makes it larger by giving it the room of the side docks instead.
    QFont sceneFont = QApplication::font();
    if (m_appearance->presenter()) {
        if (sceneFont.pointSizeF() > 0)
            sceneFont.setPointSizeF(sceneFont.pointSizeF() / Appearance::kPresenterScale);
        else
            sceneFont.setPixelSize(qRound(sceneFont.pixelSize() / Appearance::kPresenterScale));
    }
    m_view->setFont(sceneFont);
    m_scene->setTextFont(sceneFont);
    m_charts->applyAppearance();
    // Columns sized to their contents follow the new font.
    m_partitionsTable->resizeColumnsToContents();
}

void MainWindow::killSelectedBroker()
{
    const auto broker = m_scene->selectedBroker();
    if (!broker) {
        statusBar()->showMessage(tr("Select a broker first: click its card"), 6000);
        return;
    }
    runBrokerAction(tr("Kill broker %1"), *broker, m_controller->killBroker(*broker));
}

QStringList MainWindow::userTopics() const
{
    QStringList names;
    for (const auto &[name, topic] : m_controller->cluster().topics())
        if (!topic.isInternal())
            names << QString::fromStdString(name);
    return names;
}

void MainWindow::runClientAction(const QString &action, const kafkascope::Status &status)
{
    if (status.isOk())
        statusBar()->showMessage(tr("%1: done at %2").arg(action, formatClock(m_controller->simTime())), 8000);
    else
        statusBar()->showMessage(tr("%1: %2").arg(action, QString::fromStdString(status.message())), 8000);
}

void MainWindow::runBrokerAction(const QString &what, int broker, const kafkascope::Status &status)
{
    const QString action = what.arg(broker);
    if (status.isOk())
        statusBar()->showMessage(tr("%1: done at %2").arg(action, formatClock(m_controller->simTime())), 8000);
    else
        statusBar()->showMessage(tr("%1: %2").arg(action, QString::fromStdString(status.message())), 8000);
    refreshClusterStatus(true);
}

void MainWindow::onAbout()
{
    QMessageBox::about(this, tr("About Kafkascope"),
                       tr("<h3>Kafkascope %1</h3>"
                          "<p>A desktop explorer and simulator of Apache Kafka: a cluster runs inside the app, "
                          "and you watch records hash to partitions, logs grow and consumers follow.</p>"
                          "<p>Space plays and pauses, → steps, + and − change the speed.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}
