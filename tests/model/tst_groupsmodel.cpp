// The consumer groups model under QAbstractItemModelTester, fed by a cluster running a group.
#include "../engine/cluster_fixtures.h"
#include "cluster/cluster.h"
#include "model/groupsmodel.h"
#include "model/simulationcontroller.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace kafkascope;

namespace {

constexpr const char *kTopic = "orders";
constexpr const char *kGroup = "billing";

// Three brokers, "orders" with 6 partitions (RF 3) fed at 60 records/s round robin, and three
// consumers of group "billing" (range).
std::unique_ptr<Cluster> makeCluster()
{
    auto cluster = kafkascope::testing::makeOrdersCluster({.seed = 11, .topic = kTopic, .partitions = 6, .recordsPerSecond = 60});
    if (!cluster || !kafkascope::testing::addGroupMembers(*cluster, kTopic, kGroup, 3))
        return nullptr;
    return cluster;
}

} // namespace

class TestGroupsModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester();
    void rowsMatchCoordinator();
    void closedMemberDisappears();
};

void TestGroupsModel::passesModelTester()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    Cluster *raw = cluster.get();
    SimulationController controller(std::move(cluster));
    GroupsModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    controller.advanceTo(SimTime::fromMillis(12000));
    QCOMPARE(model.rowCount(), 1);
    // A member leaves mid-run: the tree's shape changes under the tester.
    QVERIFY(raw->closeConsumer(raw->consumers().front()->id()).isOk());
    controller.advanceTo(SimTime::fromMillis(20000));
    QVERIFY(!QTest::currentTestFailed());
}

void TestGroupsModel::rowsMatchCoordinator()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    SimulationController controller(std::move(cluster));
    GroupsModel model(&controller);
    QCOMPARE(model.rowCount(), 0); // nothing joined yet at simTime 0
    // Joined (initial rebalance delay 3 s) and committed (auto commit every 5 s) by then.
    controller.advanceTo(SimTime::fromMillis(12000));

    const auto snapshot = controller.cluster().group(kGroup);
    QVERIFY(snapshot);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex group = model.index(0, GroupsModel::NameColumn);
    QCOMPARE(model.data(group).toString(), QString::fromLatin1(kGroup));
    QCOMPARE(model.data(group, GroupsModel::IsGroupRole).toBool(), true);
    QCOMPARE(model.data(model.index(0, GroupsModel::StateColumn)).toString(), QStringLiteral("Stable"));
    QCOMPARE(model.data(model.index(0, GroupsModel::GenerationColumn)).toInt(), snapshot->generationId);
    QCOMPARE(model.data(model.index(0, GroupsModel::ProtocolColumn)).toString(), QStringLiteral("range"));
    QCOMPARE(model.rowCount(group), 3);

    // Committed lag: high watermark minus committed offset, per partition, summed.
    qint64 expectedGroupLag = 0;
    for (const auto &[tp, committed] : snapshot->offsets)
        expectedGroupLag +=
            controller.cluster().topic(tp.topic)->state(tp.partition).highWatermark() - committed.offset.value();
    QVERIFY(!snapshot->offsets.empty());
    QCOMPARE(model.data(group, GroupsModel::LagRole).toLongLong(), expectedGroupLag);

    int leaders = 0;
    std::set<std::string> assigned;
    qint64 memberLagSum = 0;
    for (int row = 0; row < model.rowCount(group); ++row) {
        const MemberSnapshot &m = snapshot->members.at(static_cast<std::size_t>(row));
        const QModelIndex name = model.index(row, GroupsModel::NameColumn, group);
        QCOMPARE(model.data(name, GroupsModel::MemberIdRole).toString(), QString::fromStdString(m.memberId));
        QCOMPARE(model.data(name, GroupsModel::IsGroupRole).toBool(), false);
        QCOMPARE(model.parent(name), group);
        if (m.isLeader) {
            ++leaders;
            QVERIFY(model.data(name).toString().contains(QStringLiteral("leader")));
        }
        const QString text = model.data(model.index(row, GroupsModel::AssignmentColumn, group)).toString();
        QCOMPARE(text.split(QStringLiteral(", ")).size(), 2); // range: 6 partitions over 3 members
        for (const TopicPartition &tp : m.assignment) {
            QVERIFY(text.contains(QString::fromStdString(tp.toString())));
            assigned.insert(tp.toString());
        }
        memberLagSum += model.data(name, GroupsModel::LagRole).toLongLong();
    }
    QCOMPARE(leaders, 1);
    QCOMPARE(assigned.size(), std::size_t{6});
    QCOMPARE(memberLagSum, expectedGroupLag);
}

void TestGroupsModel::closedMemberDisappears()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    Cluster *raw = cluster.get();
    SimulationController controller(std::move(cluster));
    GroupsModel model(&controller);
    controller.advanceTo(SimTime::fromMillis(12000));
    const QModelIndex group = model.index(0, 0);
    QCOMPARE(model.rowCount(group), 3);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    controller.advanceTo(SimTime::fromMillis(13000));
    QCOMPARE(resets.count(), 0); // same members: values only
    QVERIFY(changes.count() > 0);

    QVERIFY(raw->closeConsumer(raw->consumers().front()->id()).isOk());
    controller.advanceTo(SimTime::fromMillis(20000));
    QVERIFY(resets.count() > 0);
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    QCOMPARE(model.data(model.index(0, GroupsModel::StateColumn)).toString(), QStringLiteral("Stable"));
    QCOMPARE(model.data(model.index(0, GroupsModel::GenerationColumn)).toInt(), 2);
}

QTEST_GUILESS_MAIN(TestGroupsModel)
#include "tst_groupsmodel.moc"
