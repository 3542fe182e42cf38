// Kafka's leader election rules, table-driven: failure (clean and unclean), preferred,
// controlled shutdown, and the leader epoch a change of leader gives.
#include "cluster/leader_election.h"

#include <QtTest>

using namespace kafkascope;

namespace {
std::vector<BrokerId> list(const QList<int> &ids)
{
    std::vector<BrokerId> out;
    for (int i : ids)
        out.push_back(BrokerId{i});
    return out;
}
std::set<BrokerId> set(const QList<int> &ids)
{
    std::set<BrokerId> out;
    for (int i : ids)
        out.insert(BrokerId{i});
    return out;
}
} // namespace

class TestLeaderElection : public QObject
{
    Q_OBJECT

private slots:
    void onFailure_data();
    void onFailure();
    void preferred_data();
    void preferred();
    void controlledShutdown_data();
    void controlledShutdown();
    void isrAfter_data();
    void isrAfter();
    void epochAfter_data();
    void epochAfter();
};

void TestLeaderElection::onFailure_data()
{
    QTest::addColumn<QList<int>>("assignment");
    QTest::addColumn<QList<int>>("isr");
    QTest::addColumn<QList<int>>("live");
    QTest::addColumn<bool>("unclean");
    QTest::addColumn<int>("leader"); // -1: none
    QTest::addColumn<bool>("uncleanUsed");
    QTest::addRow("leader-dies-next-in-isr") << QList<int>{1, 2, 3} << QList<int>{1, 2, 3} << QList<int>{2, 3} << false << 2 << false;
    QTest::addRow("assignment-order-not-isr-order") << QList<int>{3, 1, 2} << QList<int>{2, 1} << QList<int>{1, 2} << false << 1 << false;
    QTest::addRow("skips-out-of-sync-live") << QList<int>{1, 2, 3} << QList<int>{1, 3} << QList<int>{2, 3} << false << 3 << false;
    QTest::addRow("isr-all-dead-clean-offline") << QList<int>{1, 2, 3} << QList<int>{1} << QList<int>{2, 3} << false << -1 << false;
    QTest::addRow("isr-all-dead-unclean-first-live") << QList<int>{1, 2, 3} << QList<int>{1} << QList<int>{3, 2} << true << 2 << true;
    QTest::addRow("unclean-allowed-but-isr-live") << QList<int>{1, 2, 3} << QList<int>{1, 3} << QList<int>{2, 3} << true << 3 << false;
    QTest::addRow("all-dead") << QList<int>{1, 2} << QList<int>{1, 2} << QList<int>{} << true << -1 << false;
    QTest::addRow("rf1-broker-back") << QList<int>{4} << QList<int>{4} << QList<int>{4} << false << 4 << false;
}

void TestLeaderElection::onFailure()
{
    QFETCH(QList<int>, assignment);
    QFETCH(QList<int>, isr);
    QFETCH(QList<int>, live);
    QFETCH(bool, unclean);
    QFETCH(int, leader);
    QFETCH(bool, uncleanUsed);
    bool used = !uncleanUsed;
    const auto r = electLeaderOnFailure(list(assignment), set(isr), set(live), unclean, &used);
    QCOMPARE(r.has_value(), leader >= 0);
    if (r)
        QCOMPARE(r->value(), leader);
    QCOMPARE(used, uncleanUsed);
}

void TestLeaderElection::preferred_data()
{
    QTest::addColumn<QList<int>>("assignment");
    QTest::addColumn<QList<int>>("isr");
    QTest::addColumn<QList<int>>("live");
    QTest::addColumn<int>("leader");
    QTest::addRow("preferred-ok") << QList<int>{2, 1, 3} << QList<int>{1, 2, 3} << QList<int>{1, 2, 3} << 2;
    QTest::addRow("preferred-out-of-isr") << QList<int>{2, 1, 3} << QList<int>{1, 3} << QList<int>{1, 2, 3} << -1;
    QTest::addRow("preferred-dead") << QList<int>{2, 1, 3} << QList<int>{1, 2, 3} << QList<int>{1, 3} << -1;
    QTest::addRow("empty-assignment") << QList<int>{} << QList<int>{} << QList<int>{} << -1;
}

void TestLeaderElection::preferred()
{
    QFETCH(QList<int>, assignment);
    QFETCH(QList<int>, isr);
    QFETCH(QList<int>, live);
    QFETCH(int, leader);
    const auto r = electPreferredLeader(list(assignment), set(isr), set(live));
    QCOMPARE(r.has_value(), leader >= 0);
    if (r)
        QCOMPARE(r->value(), leader);
}

void TestLeaderElection::controlledShutdown_data()
{
    QTest::addColumn<QList<int>>("assignment");
    QTest::addColumn<QList<int>>("isr");
    QTest::addColumn<QList<int>>("live");
    QTest::addColumn<QList<int>>("shuttingDown");
    QTest::addColumn<int>("leader");
    QTest::addRow("leader-shuts-down") << QList<int>{1, 2, 3} << QList<int>{1, 2, 3} << QList<int>{1, 2, 3} << QList<int>{1} << 2;
    QTest::addRow("next-also-shutting") << QList<int>{1, 2, 3} << QList<int>{1, 2, 3} << QList<int>{1, 2, 3} << QList<int>{1, 2} << 3;
    QTest::addRow("only-out-of-sync-left") << QList<int>{1, 2, 3} << QList<int>{1} << QList<int>{1, 2, 3} << QList<int>{1} << -1;
    QTest::addRow("follower-shuts-down") << QList<int>{1, 2, 3} << QList<int>{1, 2, 3} << QList<int>{1, 2, 3} << QList<int>{3} << 1;
}

void TestLeaderElection::controlledShutdown()
{
    QFETCH(QList<int>, assignment);
    QFETCH(QList<int>, isr);
    QFETCH(QList<int>, live);
    QFETCH(QList<int>, shuttingDown);
    QFETCH(int, leader);
    const auto r = electLeaderOnControlledShutdown(list(assignment), set(isr), set(live), set(shuttingDown));
    QCOMPARE(r.has_value(), leader >= 0);
    if (r)
        QCOMPARE(r->value(), leader);
}

void TestLeaderElection::isrAfter_data()
{
    QTest::addColumn<QList<int>>("isr");
    QTest::addColumn<QList<int>>("live");
    QTest::addColumn<int>("leader");
    QTest::addColumn<bool>("unclean");
    QTest::addColumn<QList<int>>("expected");
    QTest::addRow("clean-drops-dead") << QList<int>{1, 2, 3} << QList<int>{2, 3} << 2 << false << QList<int>{2, 3};
    QTest::addRow("unclean-leader-alone") << QList<int>{1} << QList<int>{2, 3} << 3 << true << QList<int>{3};
}

void TestLeaderElection::isrAfter()
{
    QFETCH(QList<int>, isr);
    QFETCH(QList<int>, live);
    QFETCH(int, leader);
    QFETCH(bool, unclean);
    QFETCH(QList<int>, expected);
    QCOMPARE(isrAfterElection(set(isr), set(live), BrokerId{leader}, unclean), set(expected));
}

void TestLeaderElection::epochAfter_data()
{
    QTest::addColumn<int>("epoch");
    QTest::addColumn<int>("from"); // -1: no leader
    QTest::addColumn<int>("to");
    QTest::addColumn<int>("expected");
    QTest::addRow("failover") << 4 << 1 << 2 << 5;
    QTest::addRow("leader-to-none-offline") << 4 << 1 << -1 << 5;
    QTest::addRow("none-to-leader-back") << 5 << -1 << 1 << 6;
    QTest::addRow("unchanged-leader") << 4 << 1 << 1 << 4;
    QTest::addRow("still-offline") << 5 << -1 << -1 << 5;
}

void TestLeaderElection::epochAfter()
{
    QFETCH(int, epoch);
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(int, expected);
    const auto leader = [](int b) { return b < 0 ? std::optional<BrokerId>{} : std::optional<BrokerId>{BrokerId{b}}; };
    QCOMPARE(leaderEpochAfter(epoch, leader(from), leader(to)), expected);
}

QTEST_APPLESS_MAIN(TestLeaderElection)
#include "tst_leaderelection.moc"
