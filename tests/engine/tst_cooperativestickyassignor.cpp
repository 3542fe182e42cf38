// Kafka's CooperativeStickyAssignor: Kafka's cases where ownership changes (the partitions that
// move are withheld for one round, and their owners revoke them), and seeded property tests: no
// partition is revoked from one member and assigned to another in the same rebalance, and the
// follow-up rebalance completes the move with a valid, balanced assignment.
#include "group/cooperative_sticky_assignor.h"

#include "assignor_test_util.h"
#include "core/random.h"
#include "group/sticky_assignor.h"

#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

using namespace kafkascope;
using namespace kafkascope::assignortest;

namespace {

CooperativeAssignment cooperative(const PartitionsPerTopic &topics, const std::vector<AssignorMember> &members)
{
    auto result = assignCooperativeSticky(topics, members);
    if (!result.isOk())
        qFatal("assignCooperativeSticky: %s", result.status().message().c_str());
    return std::move(result).value();
}

// Why `round` breaks the cooperative protocol (empty when it does not): a member receives a
// partition it did not own while another member owned it, or `revoking` is not owned minus assigned.
QString cooperativeProblem(const std::vector<AssignorMember> &members, const CooperativeAssignment &round)
{
    std::map<TopicPartition, std::set<std::string>> owners;
    for (const AssignorMember &m : members) {
        for (const TopicPartition &tp : m.ownedPartitions)
            owners[tp].insert(m.memberId);
    }
    for (const AssignorMember &m : members) {
        const std::vector<TopicPartition> &assigned = round.assignment.at(m.memberId);
        for (const TopicPartition &tp : assigned) {
            const auto it = owners.find(tp);
            if (it != owners.end() && !it->second.count(m.memberId))
                return QStringLiteral("%1 goes to %2 while %3 still owns it")
                    .arg(QString::fromStdString(tp.toString()), QString::fromStdString(m.memberId),
                         QString::fromStdString(*it->second.begin()));
        }
        std::set<TopicPartition> expected(m.ownedPartitions.begin(), m.ownedPartitions.end());
        for (const TopicPartition &tp : assigned)
            expected.erase(tp);
        const std::vector<TopicPartition> &revoking = round.revoking.at(m.memberId);
        if (std::vector<TopicPartition>(expected.begin(), expected.end()) != revoking)
            return QStringLiteral("%1 revokes the wrong partitions").arg(QString::fromStdString(m.memberId));
    }
    return {};
}

} // namespace

class TestCooperativeStickyAssignor : public QObject
{
    Q_OBJECT

private slots:
    void kafkaCases_data();
    void kafkaCases();
    void errors();
    void nonEqualSubscriptionTwoRounds();
    void sameAsStickyWhenNothingMoves();
    void randomGroupsCooperative();
};

void TestCooperativeStickyAssignor::kafkaCases_data()
{
    QTest::addColumn<QString>("partitions");
    QTest::addColumn<QString>("members");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("revoking");
    QTest::addRow("testOneConsumerOneTopic") << "topic=3" << "consumer:topic"
        << "consumer[topic-0 topic-1 topic-2]" << "consumer[]";
    QTest::addRow("testOnlyAssignsPartitionsFromSubscribedTopics") << "topic=2"
        << "consumer:topic/topic-0,topic-1,other-0,other-1/1" << "consumer[topic-0 topic-1]"
        << "consumer[other-0 other-1]";
    QTest::addRow("testTwoConsumersTwoTopicsSixPartitions") << "topic1=3 topic2=3"
        << "consumer1:topic1,topic2; consumer2:topic1,topic2"
        << "consumer1[topic1-0 topic1-2 topic2-1] consumer2[topic1-1 topic2-0 topic2-2]" << "consumer1[] consumer2[]";
    QTest::addRow("testConsumerOwningMinQuotaExpectedMaxQuota") << "topic1=2 topic2=3"
        << "consumer1:topic1,topic2/topic1-0,topic2-1/1; consumer2:topic1,topic2/topic1-1,topic2-2/1"
        << "consumer1[topic1-0 topic2-0 topic2-1] consumer2[topic1-1 topic2-2]" << "consumer1[] consumer2[]";
    // topic2-0 moves from consumer1 to consumer3: withheld this round, revoked by consumer1.
    QTest::addRow("testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers") << "topic1=2 topic2=2"
        << "consumer1:topic1,topic2/topic1-0,topic2-0/1; consumer2:topic1,topic2/topic1-1,topic2-1/1; "
           "consumer3:topic1,topic2//1"
        << "consumer1[topic1-0] consumer2[topic1-1 topic2-1] consumer3[]"
        << "consumer1[topic2-0] consumer2[] consumer3[]";
    QTest::addRow("testAllConsumersAreUnderMinQuota") << "topic1=2 topic2=3"
        << "consumer1:topic1,topic2/topic1-0/1; consumer2:topic1,topic2/topic1-1/1; consumer3:topic1,topic2//1"
        << "consumer1[topic1-0 topic2-1] consumer2[topic1-1 topic2-2] consumer3[topic2-0]"
        << "consumer1[] consumer2[] consumer3[]";
    QTest::addRow("testAddRemoveConsumerOneTopic-add") << "topic=3"
        << "consumer1:topic/topic-0,topic-1,topic-2/1; consumer2:topic//1"
        << "consumer1[topic-0 topic-1] consumer2[]" << "consumer1[topic-2] consumer2[]";
    QTest::addRow("testAddRemoveTwoConsumersTwoTopics-add") << "topic1=3 topic2=4"
        << "consumer1:topic1,topic2/topic1-0,topic1-2,topic2-1,topic2-3/1; "
           "consumer2:topic1,topic2/topic1-1,topic2-0,topic2-2/1; consumer3:topic1,topic2//1; consumer4:topic1,topic2//1"
        << "consumer1[topic1-0 topic2-1] consumer2[topic1-1 topic2-0] consumer3[] consumer4[]"
        << "consumer1[topic1-2 topic2-3] consumer2[topic2-2] consumer3[] consumer4[]";
    // A partition claimed twice in one generation is withheld even from a member that claimed it.
    QTest::addRow("testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration")
        << "topic=3" << "consumer1:topic/topic-0,topic-1/1; consumer2:topic/topic-0,topic-2/1; consumer3:topic//1"
        << "consumer1[topic-1] consumer2[topic-2] consumer3[]"
        << "consumer1[topic-0] consumer2[topic-0] consumer3[]";
    // The stale claim loses: nothing is withheld, the stale member revokes.
    QTest::addRow("testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration") << "topic=3 topic2=3"
        << "consumer1:topic,topic2/topic-0,topic-2,topic2-1/10; consumer2:topic,topic2/topic-0,topic-2,topic2-1/9"
        << "consumer1[topic-0 topic-2 topic2-1] consumer2[topic-1 topic2-0 topic2-2]"
        << "consumer1[] consumer2[topic-0 topic-2 topic2-1]";
    QTest::addRow("testEnsurePartitionsAssignedToHighestGeneration") << "topic=3 topic2=3 topic3=3"
        << "consumer1:topic,topic2,topic3/topic-0,topic2-0,topic3-0/10; "
           "consumer2:topic,topic2,topic3/topic-1,topic2-1,topic3-1/9; "
           "consumer3:topic,topic2,topic3/topic2-1,topic3-0,topic3-2/8"
        << "consumer1[topic-0 topic2-0 topic3-0] consumer2[topic-1 topic2-1 topic3-1] "
           "consumer3[topic-2 topic2-2 topic3-2]"
        << "consumer1[] consumer2[] consumer3[topic2-1 topic3-0]";
    // General path: consumer1 stops subscribing to topic2, so topic2-0 moves to consumer2 and, for
    // balance, topic1-1 to consumer1: both are withheld this round.
    QTest::addRow("unsubscribed-topic-moves-next-round") << "topic1=2 topic2=2"
        << "consumer1:topic1/topic1-0,topic2-0/1; consumer2:topic1,topic2/topic1-1,topic2-1/1"
        << "consumer1[topic1-0] consumer2[topic2-1]" << "consumer1[topic2-0] consumer2[topic1-1]";
    QTest::addRow("no-members") << "t0=2" << "" << "" << "";
}

void TestCooperativeStickyAssignor::kafkaCases()
{
    QFETCH(QString, partitions);
    QFETCH(QString, members);
    QFETCH(QString, expected);
    QFETCH(QString, revoking);
    const std::vector<AssignorMember> parsed = parseMembers(members);
    const CooperativeAssignment round = cooperative(parsePartitions(partitions), parsed);
    QCOMPARE(render(round.assignment), expected);
    QCOMPARE(render(round.revoking), revoking);
    QCOMPARE(cooperativeProblem(parsed, round), QString());
}

void TestCooperativeStickyAssignor::errors()
{
    auto result = assignCooperativeSticky(parsePartitions(QStringLiteral("t0=1")), parseMembers(QStringLiteral(":t0")));
    QVERIFY(!result.isOk());
    QCOMPARE(result.status().code(), Status::Code::InvalidArgument);
    QVERIFY(result.status().message().find("memberId") != std::string::npos);
}

void TestCooperativeStickyAssignor::nonEqualSubscriptionTwoRounds()
{
    // AbstractStickyAssignorTest.testRackAwareAssignmentWithNonEqualSubscription, all racks
    // matching (so rack awareness plays no part), cooperative branch: first the intermediate
    // assignment, then the final one.
    const PartitionsPerTopic topics = parsePartitions(QStringLiteral("t1=6 t2=7 t3=2"));
    std::vector<AssignorMember> members = parseMembers(QStringLiteral(
        "consumer0:t1,t2,t3/t1-0,t1-1,t1-2,t1-3,t1-4; consumer1:t1,t2,t3/t1-5,t2-0,t2-1,t2-2,t2-3; "
        "consumer2:t1,t3/t2-4,t2-5,t2-6,t3-0,t3-1"));
    const CooperativeAssignment first = cooperative(topics, members);
    QCOMPARE(render(first.assignment), QStringLiteral("consumer0[t1-2 t1-3 t1-4] consumer1[t2-0 t2-1 t2-2 t2-3] consumer2[t3-0 t3-1]"));
    QCOMPARE(render(first.revoking), QStringLiteral("consumer0[t1-0 t1-1] consumer1[t1-5] consumer2[t2-4 t2-5 t2-6]"));
    QCOMPARE(cooperativeProblem(members, first), QString());

    members = withOwned(members, first.assignment, -1);
    const CooperativeAssignment second = cooperative(topics, members);
    QCOMPARE(render(second.assignment), QStringLiteral("consumer0[t1-2 t1-3 t1-4 t2-4 t2-5] "
                                                       "consumer1[t2-0 t2-1 t2-2 t2-3 t2-6] "
                                                       "consumer2[t1-0 t1-1 t1-5 t3-0 t3-1]"));
    QCOMPARE(render(second.revoking), QStringLiteral("consumer0[] consumer1[] consumer2[]"));

    // The uniform case keeps its owned assignment as it is.
    members = parseMembers(QStringLiteral("consumer0:t1,t2,t3/t1-0,t1-3,t2-0,t2-3,t2-6; "
                                          "consumer1:t1,t2,t3/t1-1,t1-4,t2-1,t2-4,t3-0; "
                                          "consumer2:t1,t2,t3/t1-2,t1-5,t2-2,t2-5,t3-1"));
    const CooperativeAssignment uniform = cooperative(topics, members);
    QCOMPARE(render(uniform.assignment), QStringLiteral("consumer0[t1-0 t1-3 t2-0 t2-3 t2-6] "
                                                        "consumer1[t1-1 t1-4 t2-1 t2-4 t3-0] "
                                                        "consumer2[t1-2 t1-5 t2-2 t2-5 t3-1]"));
}

void TestCooperativeStickyAssignor::sameAsStickyWhenNothingMoves()
{
    // Without owned partitions nothing is withheld: cooperative-sticky equals sticky.
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        Random rng(seed);
        const auto [topics, members] = randomGroup(rng, seed % 2 == 0);
        const CooperativeAssignment round = cooperative(topics, members);
        QCOMPARE(render(round.assignment), render(assignSticky(topics, members).value()));
        for (const auto &entry : round.revoking)
            QVERIFY(entry.second.empty());
    }
}

void TestCooperativeStickyAssignor::randomGroupsCooperative()
{
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Random rng(seed);
        const bool identical = seed % 2 == 0;
        auto [topics, members] = randomGroup(rng, identical);
        const QString context = QStringLiteral("seed %1").arg(seed);
        const CooperativeAssignment start = cooperative(topics, members);

        // The group changes: a member leaves, two join, others change subscriptions (unless
        // subscriptions are identical).
        std::vector<AssignorMember> next = withOwned(members, start.assignment, 1);
        if (next.size() > 1)
            next.erase(next.begin() + static_cast<std::ptrdiff_t>(rng.uniform(next.size())));
        for (int j = 0; j < 2; ++j) {
            AssignorMember joiner;
            joiner.memberId = "joiner-" + std::to_string(j);
            joiner.topics = identical ? members.front().topics : std::vector<std::string>{"t0", "t1", "t2"};
            next.push_back(joiner);
        }
        if (!identical && !next.empty())
            next.front().topics = {"t1", "t3"};

        const CooperativeAssignment first = cooperative(topics, next);
        QVERIFY2(cooperativeProblem(next, first).isEmpty(), qPrintable(context + ": " + cooperativeProblem(next, first)));

        // The owners revoke and re-join; the follow-up rebalance hands out what was withheld.
        std::vector<AssignorMember> followUp = withOwned(next, first.assignment, 2);
        const CooperativeAssignment second = cooperative(topics, followUp);
        QVERIFY2(cooperativeProblem(followUp, second).isEmpty(), qPrintable(context + ": " + cooperativeProblem(followUp, second)));
        const QString valid = assignmentProblem(topics, followUp, second.assignment);
        QVERIFY2(valid.isEmpty(), qPrintable(context + ": " + valid));
        const QString balanced = balanceProblem(second.assignment);
        QVERIFY2(balanced.isEmpty(), qPrintable(context + ": " + balanced));
        for (const auto &[memberId, partitions] : first.assignment) {
            for (const TopicPartition &tp : partitions) {
                const std::vector<TopicPartition> &now = second.assignment.at(memberId);
                QVERIFY2(std::count(now.begin(), now.end(), tp) == 1, qPrintable(context));
            }
        }
        if (identical) {
            QVERIFY2(isFullyBalanced(second.assignment), qPrintable(context));
            for (const auto &entry : second.revoking)
                QVERIFY2(entry.second.empty(), qPrintable(context));
        }
    }
}

QTEST_APPLESS_MAIN(TestCooperativeStickyAssignor)
#include "tst_cooperativestickyassignor.moc"
