// The event log model (the cluster's journal as a table) under QAbstractItemModelTester, its
// filter and its CSV export.
#include "scenario/demo_scenario.h"
#include "model/eventlogmodel.h"
#include "model/simulationcontroller.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QSignalSpy>
#include <QtTest>

using namespace kafkascope;

class TestEventLogModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester();
    void rowsFollowTheJournal();
    void windowDropsOldestRows();
    void rewindResets();
    void filterByCategoryAndText();
    void csvExport();
};

void TestEventLogModel::passesModelTester()
{
    SimulationController controller(makeDemoCluster());
    EventLogModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    EventLogFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    controller.advanceTo(SimTime::fromMillis(4000));
    QVERIFY(controller.killBroker(1).isOk());
    controller.advanceTo(SimTime::fromMillis(6000));
    QVERIFY(controller.rewindTo(SimTime::fromMillis(2000)).isOk());
    controller.advanceTo(SimTime::fromMillis(3000));
    QVERIFY(!QTest::currentTestFailed());
}

void TestEventLogModel::rowsFollowTheJournal()
{
    SimulationController controller(makeDemoCluster());
    EventLogModel model(&controller);
    controller.advanceTo(SimTime::fromMillis(5000));
    QVERIFY(controller.killBroker(0).isOk());
    const Journal &journal = controller.cluster().journal();
    QCOMPARE(model.rowCount(), static_cast<int>(journal.events().size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        const JournalEvent &e = journal.events().at(static_cast<std::size_t>(row));
        const QModelIndex first = model.index(row, 0);
        QCOMPARE(first.data(EventLogModel::SequenceRole).toULongLong(), e.sequence);
        QCOMPARE(first.data(EventLogModel::TimeMsRole).toLongLong(), e.time.millis());
        QCOMPARE(first.data(EventLogModel::KindNameRole).toString(), QString::fromLatin1(journalEventKindName(e.kind)));
    }
    // The last event is the crash, described for people (English here: no translator loaded).
    const int last = model.rowCount() - 1;
    const QString text = model.index(last, EventLogModel::EventColumn).data().toString();
    const bool crashOrAfter = text == QStringLiteral("broker 0 crashed") || text.contains(QStringLiteral("elected leader"))
        || text.contains(QStringLiteral("ISR")) || text.contains(QStringLiteral("controller"));
    QVERIFY2(crashOrAfter, qPrintable(text));
    bool sawCrash = false;
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.index(row, EventLogModel::EventColumn).data().toString() == QStringLiteral("broker 0 crashed")) {
            sawCrash = true;
            QCOMPARE(model.index(row, EventLogModel::SourceColumn).data().toString(), QStringLiteral("broker 0"));
            QCOMPARE(model.index(row, EventLogModel::TimeColumn).data().toString(), QStringLiteral("00:05.000"));
        }
    QVERIFY(sawCrash);
}

void TestEventLogModel::windowDropsOldestRows()
{
    auto cluster = makeDemoCluster();
    cluster->journal().setCapacity(50);
    SimulationController controller(std::move(cluster));
    EventLogModel model(&controller);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    controller.advanceTo(SimTime::fromMillis(8000));
    const Journal &journal = controller.cluster().journal();
    QCOMPARE(model.rowCount(), 50);
    QVERIFY(removed.count() > 0);
    QCOMPARE(model.index(0, 0).data(EventLogModel::SequenceRole).toULongLong(), journal.events().front().sequence);
    QCOMPARE(model.index(49, 0).data(EventLogModel::SequenceRole).toULongLong(), journal.events().back().sequence);
}

void TestEventLogModel::rewindResets()
{
    SimulationController controller(makeDemoCluster());
    EventLogModel model(&controller);
    controller.advanceTo(SimTime::fromMillis(8000));
    const int before = model.rowCount();
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(controller.rewindTo(SimTime::fromMillis(3000)).isOk());
    QCOMPARE(resets.count(), 1);
    QVERIFY(model.rowCount() < before);
    QCOMPARE(model.rowCount(), static_cast<int>(controller.cluster().journal().events().size()));
    const QModelIndex last = model.index(model.rowCount() - 1, 0);
    QVERIFY(last.data(EventLogModel::TimeMsRole).toLongLong() <= 3000);
}

void TestEventLogModel::filterByCategoryAndText()
{
    SimulationController controller(makeDemoCluster());
    EventLogModel model(&controller);
    EventLogFilter filter;
    filter.setSourceModel(&model);
    controller.advanceTo(SimTime::fromMillis(5000));
    QVERIFY(controller.killBroker(2).isOk());
    controller.advanceTo(SimTime::fromMillis(6000));

    // By default the per-record events are hidden.
    QVERIFY(!filter.isCategoryVisible(EventLogModel::Category::Records));
    int records = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        records += model.index(row, 0).data(EventLogModel::CategoryRole).toInt()
            == static_cast<int>(EventLogModel::Category::Records);
    QVERIFY(records > 0);
    QCOMPARE(filter.rowCount(), model.rowCount() - records);
    filter.setCategoryVisible(EventLogModel::Category::Records, true);
    QCOMPARE(filter.rowCount(), model.rowCount());

    // Text: case-insensitive, in the source or the event.
    filter.setSearchText(QStringLiteral("BROKER 2 CRASHED"));
    QCOMPARE(filter.rowCount(), 1);
    filter.setSearchText(QStringLiteral("orders-3"));
    QVERIFY(filter.rowCount() > 0);
    for (int row = 0; row < filter.rowCount(); ++row)
        QVERIFY(filter.index(row, EventLogModel::SourceColumn).data().toString().contains(QStringLiteral("orders-3"))
                || filter.index(row, EventLogModel::EventColumn).data().toString().contains(QStringLiteral("orders-3")));
    filter.setSearchText(QStringLiteral("no such thing"));
    QCOMPARE(filter.rowCount(), 0);
}

void TestEventLogModel::csvExport()
{
    SimulationController controller(makeDemoCluster());
    EventLogModel model(&controller);
    EventLogFilter filter;
    filter.setSourceModel(&model);
    controller.advanceTo(SimTime::fromMillis(3000));
    QVERIFY(controller.killBroker(0).isOk());
    filter.setSearchText(QStringLiteral("elected leader"));
    QVERIFY(filter.rowCount() > 0);

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY(filter.writeCsv(buffer, &error));
    const QStringList lines = QString::fromUtf8(buffer.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), filter.rowCount() + 1);
    QCOMPARE(lines.front(), QStringLiteral("time_ms,time,category,kind,source,event"));
    // "orders-0: broker 1 elected leader, epoch 1 (clean)" holds a comma: quoted.
    const QString &row = lines.at(1);
    QVERIFY2(row.contains(QStringLiteral(",leader_elected,")), qPrintable(row));
    QVERIFY2(row.endsWith(QStringLiteral("(clean)\"")), qPrintable(row));
    QVERIFY2(row.contains(QStringLiteral(",\"")), qPrintable(row));

    // A device that cannot be written reports why.
    QBuffer readOnly;
    QVERIFY(readOnly.open(QIODevice::ReadOnly));
    QVERIFY(!filter.writeCsv(readOnly, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
