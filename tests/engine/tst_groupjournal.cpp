// What the group coordinators report lands in the cluster's journal, in Kafka's order: members
// join, the join phase ends with a generation, the group turns Stable; a member leaving starts a
// rebalance and a new generation.
// group/*.h come before QtTest: GroupCoordinator has a method named like Qt's `emit` macro.
#include "group/group_coordinator.h"

#include "cluster/cluster.h"
#include "scenario/demo_scenario.h"

#include <QtTest>

#include <vector>

using namespace kafkascope;

namespace {

std::vector<JournalEvent> groupEvents(const Cluster &cluster, const std::string &group)
{
    std::vector<JournalEvent> out;
    // The coordinator's events (the consumers' own, like partitions_assigned, carry the group too).
    for (const JournalEvent &e : cluster.journal().events())
        if (e.group == group && std::string_view(journalEventKindName(e.kind)).substr(0, 6) == "group_")
            out.push_back(e);
    return out;
}

std::vector<JournalEventKind> kinds(const std::vector<JournalEvent> &events)
{
    std::vector<JournalEventKind> out;
    for (const JournalEvent &e : events)
        out.push_back(e.kind);
    return out;
}

} // namespace

class TestGroupJournal : public QObject
{
    Q_OBJECT

private slots:
    void joinGenerationStable();
    void leaveStartsRebalance();
};

void TestGroupJournal::joinGenerationStable()
{
    auto cluster = makeDemoCluster(); // group "billing": billing-1 and billing-2, range
    cluster->runUntil(SimTime::fromMillis(10000));
    const auto events = groupEvents(*cluster, "billing");
    const auto coordinator = cluster->coordinatorOf("billing");
    QVERIFY(coordinator);
    // Kafka's order: the first JoinGroup creates the group and starts a rebalance (with the
    // initial delay); the second joins the join phase; its end starts generation 1.
    const std::vector<JournalEventKind> expected{
        JournalEventKind::GroupMemberJoined,      // billing-1
        JournalEventKind::GroupRebalanceStarted,  // generation 0 ends: a new member
        JournalEventKind::GroupStateChanged,      // PreparingRebalance
        JournalEventKind::GroupMemberJoined,      // billing-2
        JournalEventKind::GroupStateChanged,      // CompletingRebalance
        JournalEventKind::GroupGenerationStarted, // generation 1
        JournalEventKind::GroupStateChanged,      // Stable
    };
    QCOMPARE(kinds(events), expected);
    for (const JournalEvent &e : events)
        QCOMPARE(e.broker, coordinator->value());
    QVERIFY(QString::fromStdString(events[0].member).startsWith(QStringLiteral("billing-1-")));
    QCOMPARE(events[1].detail, std::string("new member"));
    QCOMPARE(events[1].value, 0);
    QCOMPARE(events[2].detail, std::string("PreparingRebalance"));
    QVERIFY(QString::fromStdString(events[3].member).startsWith(QStringLiteral("billing-2-")));
    QCOMPARE(events[4].detail, std::string("CompletingRebalance"));
    const JournalEvent &generation = events[5];
    QCOMPARE(generation.value, 1);
    QCOMPARE(generation.count, 2);
    QCOMPARE(generation.detail, std::string("range"));
    QCOMPARE(generation.member, events[0].member); // the first to join leads
    QCOMPARE(events[6].detail, std::string("Stable"));
    QCOMPARE(describeJournalEvent(generation),
             "group billing: generation 1 with 2 member(s), protocol range, leader " + events[1].member);
}

void TestGroupJournal::leaveStartsRebalance()
{
    auto cluster = makeDemoCluster();
    cluster->runUntil(SimTime::fromMillis(10000));
    const std::size_t before = groupEvents(*cluster, "billing").size();
    // billing-1 is the demo's first consumer.
    QVERIFY(cluster->closeConsumer(cluster->consumers().front()->id()).isOk());
    cluster->runUntil(SimTime::fromMillis(20000));
    auto events = groupEvents(*cluster, "billing");
    events.erase(events.begin(), events.begin() + static_cast<std::ptrdiff_t>(before));
    QVERIFY(events.size() >= 4);
    QCOMPARE(events[0].kind, JournalEventKind::GroupMemberRemoved);
    QCOMPARE(events[0].detail, std::string("left"));
    QVERIFY(QString::fromStdString(events[0].member).startsWith(QStringLiteral("billing-1-")));
    bool rebalance = false;
    bool generation2 = false;
    for (const JournalEvent &e : events) {
        rebalance = rebalance || (e.kind == JournalEventKind::GroupRebalanceStarted && e.value == 1);
        if (e.kind == JournalEventKind::GroupGenerationStarted && e.value == 2) {
            generation2 = true;
            QCOMPARE(e.count, 1);
        }
    }
    QVERIFY(rebalance);
    QVERIFY(generation2);
    QCOMPARE(events.back().kind, JournalEventKind::GroupStateChanged);
    // The consumers' own events carry the group and the member too.
    bool assigned = false;
    for (const JournalEvent &e : cluster->journal().events())
        if (e.kind == JournalEventKind::PartitionsAssigned && e.group == "billing") {
            assigned = true;
            QVERIFY(QString::fromStdString(e.member).startsWith(QString::fromStdString(e.detail.substr(0, e.detail.find(' ')))));
        }
    QVERIFY(assigned);
    QCOMPARE(events.back().detail, std::string("Stable"));
}

QTEST_GUILESS_MAIN(TestGroupJournal)
#include "tst_groupjournal.moc"
