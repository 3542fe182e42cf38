// Offscreen tests of the log browser window, opened from the main window on partition folders
// written by the engine: the tree, the records, jumping, inline errors, Korean.
#include "scenario/demo_scenario.h"
#include "log/log_store.h"
#include "log/partition_log.h"
#include "model/logdirectorymodel.h"
#include "model/logrecordsmodel.h"
#include "model/simulationcontroller.h"
#include "views/language.h"
#include "views/logbrowserwindow.h"
#include "views/mainwindow.h"

#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace kafkascope;

namespace {

constexpr std::int64_t kT0 = 1'700'000'000'000; // 2023-11-14T22:13:20Z

Record rec(std::int64_t ts, std::string key, std::string value)
{
    Record r;
    r.timestampMs = ts;
    r.key = std::move(key);
    r.value = std::move(value);
    return r;
}

// `count` single-record batches, record i at kT0 + 1000 i, each with its own key. With `compact`,
// two keys out of three are one of two "hot" keys instead, the log rolls every 10 records and is
// compacted: only the last of each hot key stays, so offsets get gaps.
bool writePartition(const QString &path, int count, bool compact)
{
    LogConfig config;
    if (compact)
        config.cleanupPolicy = CleanupPolicy::Compact;
    if (!DirectoryLogStore::createDirectories(path.toStdString()).isOk())
        return false;
    auto opened = PartitionLog::open(std::make_unique<DirectoryLogStore>(path.toStdString(), false), config, kT0);
    if (!opened.isOk())
        return false;
    PartitionLog &log = *opened.value();
    for (int i = 0; i < count; ++i) {
        if (compact && i > 0 && i % 10 == 0 && !log.roll(kT0).isOk())
            return false;
        const std::string key = compact && i % 3 != 0 ? "hot-" + std::to_string(i % 2) : "key-" + std::to_string(i);
        const Record r = rec(kT0 + 1000 * i, key, "value " + std::to_string(i));
        if (!log.append(std::span(&r, 1), BatchOptions{}, kT0 + 1000 * i).isOk())
            return false;
    }
    if (compact && !log.compact(kT0 + 1000 * count, log.logEndOffset(), true).isOk())
        return false;
    return log.flush().isOk();
}

QModelIndex findNode(const QAbstractItemModel &model, const QString &name, const QModelIndex &parent = {})
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        if (i.data().toString() == name)
            return i;
        if (const QModelIndex below = findNode(model, name, i); below.isValid())
            return below;
    }
    return {};
}

qint64 selectedOffset(const LogBrowserWindow &browser)
{
    const QModelIndex current = browser.table()->currentIndex();
    return current.isValid() ? current.data(LogRecordsModel::OffsetRole).toLongLong() : -1;
}

} // namespace

class TestLogBrowserWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void menuHasTheAction();
    void opensFromMainWindowAndShowsRows();
    void severalWindowsStayOpen();
    void selectingASegmentShowsItsRecords();
    void badOffsetShowsInlineMessage_data();
    void badOffsetShowsInlineMessage();
    void jumpToOffsetInGapSelectsNextRecord();
    void jumpPastTheEndSaysSo();
    void jumpToTime();
    void unreadableDirectorySaysWhy();
    void koreanRenders();

private:
    LogBrowserWindow *openBrowser(MainWindow &window, const QString &path);

    QTemporaryDir m_dir;
    QString m_logDirs;
};

void TestLogBrowserWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("KafkascopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_logbrowserwindow"));
    QVERIFY(m_dir.isValid());
    m_logDirs = m_dir.filePath(QStringLiteral("logdirs"));
    QVERIFY(writePartition(m_logDirs + QStringLiteral("/orders-0"), 1200, false));
    QVERIFY(writePartition(m_logDirs + QStringLiteral("/orders-1"), 30, false));
    QVERIFY(writePartition(m_logDirs + QStringLiteral("/profiles-0"), 40, true));
    QVERIFY(QDir().mkpath(m_logDirs + QStringLiteral("/empty-0")));
}

LogBrowserWindow *TestLogBrowserWindow::openBrowser(MainWindow &window, const QString &path)
{
    LogBrowserWindow *browser = window.openLogDirectory(path);
    if (browser)
        browser->resize(1500, 900);
    return browser;
}

void TestLogBrowserWindow::menuHasTheAction()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    const QList<QAction *> fileActions = window.menuBar()->actions().front()->menu()->actions();
    QVERIFY(fileActions.size() >= 4);
    QCOMPARE(fileActions.at(0)->text(), QStringLiteral("Open &Scenario…"));
    QCOMPARE(fileActions.at(1)->text(), QStringLiteral("Sa&ve Session as Scenario…"));
    QCOMPARE(fileActions.at(1)->shortcut(), QKeySequence(QKeySequence::Save));
    QCOMPARE(fileActions.at(2)->text(), QStringLiteral("Open Kafka &Log Directory…"));
    QCOMPARE(fileActions.at(2)->shortcut(), QKeySequence(QKeySequence::Open));
    QCOMPARE(fileActions.at(3)->text(), QStringLiteral("Save &Screenshot…"));
}

void TestLogBrowserWindow::opensFromMainWindowAndShowsRows()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    LogBrowserWindow *browser = openBrowser(window, m_logDirs);
    QVERIFY(browser);
    QVERIFY(QTest::qWaitForWindowExposed(browser));
    QVERIFY(browser->isWindow());
    QVERIFY(browser->windowTitle().contains(m_logDirs));
    QCOMPARE(browser->directoryModel()->rowCount(), 3); // empty, orders, profiles
    QVERIFY(browser->statusLabel()->text().contains(QLatin1String("Read-only")));
    QVERIFY2(browser->statusLabel()->text().contains(QLatin1String("1 problem")), qPrintable(browser->statusLabel()->text()));
    QCOMPARE(browser->recordsModel()->rowCount(), 0);

    const QModelIndex orders0 = findNode(*browser->directoryModel(), QStringLiteral("orders-0"));
    QVERIFY(orders0.isValid());
    browser->tree()->setCurrentIndex(orders0);
    QCOMPARE(browser->recordsModel()->rowCount(), 500);
    QVERIFY(browser->table()->model()->rowCount() > 0);
    QVERIFY(browser->captionLabel()->text().contains(QLatin1String("orders-0")));
    // Scrolling to the end of the table fetches the next page.
    browser->table()->scrollToBottom();
    QTRY_VERIFY(browser->recordsModel()->rowCount() > 500);
}

void TestLogBrowserWindow::severalWindowsStayOpen()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    QPointer<LogBrowserWindow> first = openBrowser(window, m_logDirs);
    QPointer<LogBrowserWindow> second = openBrowser(window, m_logDirs + QStringLiteral("/orders-1"));
    QVERIFY(first && second && first != second);
    QVERIFY(first->isVisible() && second->isVisible());
    QCOMPARE(second->directoryModel()->layout(), LogDirectoryModel::Layout::SinglePartition);
    QVERIFY(first->close());
    QTRY_VERIFY(!first); // deleted on close
    QVERIFY(second && second->isVisible());
}

void TestLogBrowserWindow::selectingASegmentShowsItsRecords()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    LogBrowserWindow *browser = openBrowser(window, m_logDirs);
    const QModelIndex profiles = findNode(*browser->directoryModel(), QStringLiteral("profiles-0"));
    QVERIFY(browser->directoryModel()->rowCount(profiles) >= 2);
    const QModelIndex last = browser->directoryModel()->index(browser->directoryModel()->rowCount(profiles) - 1, 0, profiles);
    browser->tree()->setCurrentIndex(last);
    QCOMPARE(browser->recordsModel()->segmentBase(), std::optional<qint64>(last.data(LogDirectoryModel::StartOffsetRole).toLongLong()));
    QVERIFY(browser->recordsModel()->rowCount() > 0);
    QCOMPARE(browser->recordsModel()->offsetAt(0), last.data(LogDirectoryModel::StartOffsetRole).toLongLong());
    // A topic shows no records; an empty partition shows its error instead.
    browser->tree()->setCurrentIndex(profiles.parent());
    QCOMPARE(browser->recordsModel()->rowCount(), 0);
    browser->showRecordsOf(findNode(*browser->directoryModel(), QStringLiteral("empty-0")));
    QCOMPARE(browser->recordsModel()->rowCount(), 0);
    QVERIFY2(browser->captionLabel()->text().contains(QLatin1String("no log segments")), qPrintable(browser->captionLabel()->text()));
}

void TestLogBrowserWindow::badOffsetShowsInlineMessage_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addRow("letters") << QStringLiteral("abc");
    QTest::addRow("digits-then-letters") << QStringLiteral("12x");
    QTest::addRow("negative") << QStringLiteral("-5");
    QTest::addRow("beyond-int64") << QStringLiteral("99999999999999999999");
    QTest::addRow("fraction") << QStringLiteral("1.5");
}

void TestLogBrowserWindow::badOffsetShowsInlineMessage()
{
    QFETCH(QString, typed);
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    LogBrowserWindow *browser = openBrowser(window, m_logDirs);
    browser->showRecordsOf(findNode(*browser->directoryModel(), QStringLiteral("orders-1")));
    QVERIFY(QTest::qWaitForWindowExposed(browser));
    QVERIFY(browser->jumpMessage()->isHidden());
    browser->offsetEdit()->setFocus();
    QTest::keyClicks(browser->offsetEdit(), typed);
    QVERIFY(browser->jumpMessage()->isVisible());
    QVERIFY2(browser->jumpMessage()->text().contains(QLatin1String("not an offset")), qPrintable(browser->jumpMessage()->text()));
    QVERIFY(browser->jumpMessage()->property("isError").toBool());
    QTest::keyClick(browser->offsetEdit(), Qt::Key_Return);
    QVERIFY(browser->jumpMessage()->isVisible());
    QVERIFY(!browser->jumpToOffset());
    // Correcting the text takes the message away.
    browser->offsetEdit()->setText(QStringLiteral("7"));
    QVERIFY(browser->jumpMessage()->isHidden());
    QVERIFY(browser->jumpToOffset());
    QCOMPARE(selectedOffset(*browser), 7);
}

void TestLogBrowserWindow::jumpToOffsetInGapSelectsNextRecord()
{
    const auto opened = PartitionLog::open(std::make_unique<DirectoryLogStore>((m_logDirs + QStringLiteral("/profiles-0")).toStdString(), true),
                                           LogConfig{}, 0);
    QVERIFY(opened.isOk());
    auto records = opened.value()->readRecords(0, 1000);
    QVERIFY(records.isOk());
    // The first offset compaction removed between two records, and the record after it.
    std::int64_t gap = -1;
    std::int64_t next = -1;
    const auto &all = records.value();
    for (std::size_t i = 1; i < all.size() && gap < 0; ++i) {
        if (all[i].offset.value() > all[i - 1].offset.value() + 1) {
            gap = all[i - 1].offset.value() + 1;
            next = all[i].offset.value();
        }
    }
    QVERIFY(gap > 0 && next > gap);

    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    LogBrowserWindow *browser = openBrowser(window, m_logDirs);
    browser->tree()->setCurrentIndex(findNode(*browser->directoryModel(), QStringLiteral("profiles-0")));
    browser->offsetEdit()->setText(QString::number(gap));
    QVERIFY(browser->jumpToOffset());
    QCOMPARE(selectedOffset(*browser), next);
    // Not an error: the message says which record is shown instead.
    QVERIFY(browser->jumpMessage()->isVisible());
    QVERIFY(!browser->jumpMessage()->property("isError").toBool());
    QVERIFY(browser->jumpMessage()->text().contains(QString::number(next)));
}

void TestLogBrowserWindow::jumpPastTheEndSaysSo()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    LogBrowserWindow *browser = openBrowser(window, m_logDirs);
    // Nothing selected yet.
    browser->offsetEdit()->setText(QStringLiteral("3"));
    QVERIFY(!browser->jumpToOffset());
    QVERIFY(browser->jumpMessage()->isVisible());
    browser->tree()->setCurrentIndex(findNode(*browser->directoryModel(), QStringLiteral("orders-0")));
    browser->offsetEdit()->setText(QStringLiteral("1200"));
    QVERIFY(!browser->jumpToOffset());
    QVERIFY(browser->jumpMessage()->text().contains(QLatin1String("1200")));
    QVERIFY(browser->jumpMessage()->property("isError").toBool());
    // Far into the log: pages load up to it.
    browser->offsetEdit()->setText(QStringLiteral("1150"));
    QVERIFY(browser->jumpToOffset());
    QCOMPARE(selectedOffset(*browser), 1150);
    QVERIFY(browser->jumpMessage()->isHidden());
}

void TestLogBrowserWindow::jumpToTime()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    LogBrowserWindow *browser = openBrowser(window, m_logDirs);
    browser->tree()->setCurrentIndex(findNode(*browser->directoryModel(), QStringLiteral("orders-0")));
    // The time field starts at the first record's time.
    QCOMPARE(browser->timeEdit()->dateTime().toMSecsSinceEpoch(), kT0);
    QCOMPARE(browser->timeEdit()->timeSpec(), Qt::UTC);
    // Record i is at kT0 + 1000 i: half a second after record 700 finds record 701.
    browser->timeEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(kT0 + 700500, Qt::UTC));
    QVERIFY(browser->jumpToTime());
    QCOMPARE(selectedOffset(*browser), 701);
    browser->timeEdit()->setDateTime(QDateTime::fromMSecsSinceEpoch(kT0 + 5000000, Qt::UTC));
    QVERIFY(!browser->jumpToTime());
    QVERIFY(browser->jumpMessage()->isVisible());
    QVERIFY(browser->jumpMessage()->text().contains(QLatin1String("2023-11-14T23:36:40.000Z")));
}

void TestLogBrowserWindow::unreadableDirectorySaysWhy()
{
    SimulationController controller(makeDemoCluster());
    MainWindow window(&controller, nullptr);
    const QString missing = m_dir.filePath(QStringLiteral("missing"));
    LogBrowserWindow *browser = openBrowser(window, missing);
    QVERIFY(browser);
    QVERIFY(browser->isVisible());
    QCOMPARE(browser->directoryModel()->rowCount(), 0);
    QVERIFY(browser->captionLabel()->text().contains(missing));
    QVERIFY(!browser->jumpToOffset());
    QVERIFY(!browser->jumpToTime());
}

void TestLogBrowserWindow::koreanRenders()
{
    SimulationController controller(makeDemoCluster());
    Language language;
    MainWindow window(&controller, &language);
    LogBrowserWindow *browser = openBrowser(window, m_logDirs);
    QVERIFY(language.apply(QStringLiteral("ko"), false));
    QTRY_VERIFY(browser->windowTitle().contains(QStringLiteral("카프카")));
    browser->tree()->setCurrentIndex(findNode(*browser->directoryModel(), QStringLiteral("orders-0")));
    QCOMPARE(browser->recordsModel()->headerData(LogRecordsModel::OffsetColumn, Qt::Horizontal).toString(), QStringLiteral("오프셋"));
    QCOMPARE(browser->directoryModel()->headerData(LogDirectoryModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("이름"));
    QVERIFY(browser->statusLabel()->text().contains(QStringLiteral("읽기 전용")));
    QVERIFY(QTest::qWaitForWindowExposed(browser));
    // The longer Korean labels of the jump fields are laid out whole, not cut.
    int jumpLabels = 0;
    for (const QLabel *label : browser->findChildren<QLabel *>()) {
        if (label->buddy() != browser->offsetEdit() && label->buddy() != browser->timeEdit())
            continue;
        ++jumpLabels;
        QVERIFY(label->text().contains(QStringLiteral("이동")));
        QTRY_VERIFY(label->width() >= label->sizeHint().width());
    }
    QCOMPARE(jumpLabels, 2);
    const QImage shot = browser->grab().toImage();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("KAFKASCOPE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(shot.save(dir + QStringLiteral("/logbrowser-ko.png")));
    QVERIFY(language.apply(QStringLiteral("en"), false));
    QTRY_VERIFY(!browser->windowTitle().contains(QStringLiteral("카프카")));
    QVERIFY(browser->statusLabel()->text().contains(QLatin1String("Read-only")));
    if (!dir.isEmpty())
        QVERIFY(browser->grab().save(dir + QStringLiteral("/logbrowser-en.png")));
}

QTEST_MAIN(TestLogBrowserWindow)
#include "tst_logbrowserwindow.moc"
