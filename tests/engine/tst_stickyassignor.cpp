// Kafka's StickyAssignor: the cases of Kafka's AbstractStickyAssignorTest and StickyAssignorTest
// (without racks) as table rows, Kafka's scenario tests, and seeded property tests over random
// groups (valid, balanced, sticky).
#include "group/sticky_assignor.h"

#include "assignor_test_util.h"
#include "core/random.h"
#include "group/abstract_sticky_assignor.h"

#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

using namespace kafkascope;
using namespace kafkascope::assignortest;

namespace {

GroupAssignment runSticky(const PartitionsPerTopic &topics, const std::vector<AssignorMember> &members)
{
    auto result = assignSticky(topics, members);
    if (!result.isOk())
        qFatal("assignSticky: %s", result.status().message().c_str());
    return std::move(result).value();
}

// Kafka's getCanonicalName: "c07" for (c, 7, 20).
std::string canonical(const char *prefix, int i, int max)
{
    const std::string digits = std::to_string(max);
    const std::string n = std::to_string(i);
    return prefix + std::string(digits.size() - n.size(), '0') + n;
}

QString problems(const PartitionsPerTopic &topics, const std::vector<AssignorMember> &members,
                 const GroupAssignment &assignment)
{
    const QString valid = assignmentProblem(topics, members, assignment);
    return valid.isEmpty() ? balanceProblem(assignment) : valid;
}

} // namespace

class TestStickyAssignor : public QObject
{
    Q_OBJECT

private slots:
    void kafkaCases_data();
    void kafkaCases();
    void errors();
    void javaStringHash();
    void addRemoveConsumerOneTopic();
    void addRemoveTwoConsumersTwoTopics();
    void addRemoveTopicTwoConsumers();
    void reassignmentAfterOneConsumerLeaves();
    void reassignmentAfterOneConsumerAdded();
    void sameSubscriptions();
    void stickiness();
    void noExceptionWhenOnlySubscribedTopicDeleted();
    void subscriptionNotEqualAndSamePartitionWithThreeGenerations();
    void largeAssignmentWithMultipleConsumersLeavingAndRandomSubscription();
    void reassignmentWithRandomSubscriptionsAndChanges();
    void randomGroupsValidBalancedSticky();
    void inputOrderOnlyBreaksTiesLikeJava();
};

void TestStickyAssignor::kafkaCases_data()
{
    QTest::addColumn<QString>("partitions");
    QTest::addColumn<QString>("members");
    QTest::addColumn<QString>("expected");
    QTest::addRow("testOneConsumerNoTopic") << "" << "consumer:" << "consumer[]";
    QTest::addRow("testOneConsumerNonexistentTopic") << "topic=0" << "consumer:topic" << "consumer[]";
    QTest::addRow("testOneConsumerOneTopic") << "topic=3" << "consumer:topic" << "consumer[topic-0 topic-1 topic-2]";
    QTest::addRow("testOnlyAssignsPartitionsFromSubscribedTopics") << "topic=2"
        << "consumer:topic/topic-0,topic-1,other-0,other-1/1" << "consumer[topic-0 topic-1]";
    QTest::addRow("testOneConsumerMultipleTopics") << "topic1=1 topic2=2" << "consumer:topic1,topic2"
        << "consumer[topic1-0 topic2-0 topic2-1]";
    QTest::addRow("testTwoConsumersOneTopicOnePartition") << "topic=1" << "consumer1:topic; consumer2:topic"
        << "consumer1[topic-0] consumer2[]";
    QTest::addRow("testTwoConsumersOneTopicTwoPartitions") << "topic=2" << "consumer1:topic; consumer2:topic"
        << "consumer1[topic-0] consumer2[topic-1]";
    QTest::addRow("testMultipleConsumersMixedTopicSubscriptions") << "topic1=3 topic2=2"
        << "consumer1:topic1; consumer2:topic1,topic2; consumer3:topic1"
        << "consumer1[topic1-0 topic1-2] consumer2[topic2-0 topic2-1] consumer3[topic1-1]";
    QTest::addRow("testTwoConsumersTwoTopicsSixPartitions") << "topic1=3 topic2=3"
        << "consumer1:topic1,topic2; consumer2:topic1,topic2"
        << "consumer1[topic1-0 topic1-2 topic2-1] consumer2[topic1-1 topic2-0 topic2-2]";
    QTest::addRow("testConsumerOwningMinQuotaExpectedMaxQuota") << "topic1=2 topic2=3"
        << "consumer1:topic1,topic2/topic1-0,topic2-1/1; consumer2:topic1,topic2/topic1-1,topic2-2/1"
        << "consumer1[topic1-0 topic2-0 topic2-1] consumer2[topic1-1 topic2-2]";
    // Java's HashMap visits consumer2 before consumer1, so consumer2 keeps maxQuota.
    QTest::addRow("testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers") << "topic1=2 topic2=2"
        << "consumer1:topic1,topic2/topic1-0,topic2-0/1; consumer2:topic1,topic2/topic1-1,topic2-1/1; "
           "consumer3:topic1,topic2//1"
        << "consumer1[topic1-0] consumer2[topic1-1 topic2-1] consumer3[topic2-0]";
    QTest::addRow("testAllConsumersAreUnderMinQuota") << "topic1=2 topic2=3"
        << "consumer1:topic1,topic2/topic1-0/1; consumer2:topic1,topic2/topic1-1/1; consumer3:topic1,topic2//1"
        << "consumer1[topic1-0 topic2-1] consumer2[topic1-1 topic2-2] consumer3[topic2-0]";
    QTest::addRow("testPoorRoundRobinAssignmentScenario") << "topic1=2 topic2=1 topic3=2 topic4=1 topic5=2"
        << "consumer1:topic1,topic2,topic3,topic4,topic5; consumer2:topic1,topic3,topic5; "
           "consumer3:topic1,topic3,topic5; consumer4:topic1,topic2,topic3,topic4,topic5"
        << "consumer1[topic2-0 topic3-0] consumer2[topic1-0 topic3-1] consumer3[topic1-1 topic5-0] "
           "consumer4[topic4-0 topic5-1]";
    QTest::addRow("testAssignmentUpdatedForDeletedTopic") << "topic1=1 topic3=5" << "consumer:topic1,topic2,topic3"
        << "consumer[topic1-0 topic3-0 topic3-1 topic3-2 topic3-3 topic3-4]";
    QTest::addRow("testAllConsumersReachExpectedQuotaAndAreConsideredFilled") << "topic=4"
        << "consumer1:topic/topic-0,topic-1/1; consumer2:topic/topic-2/1; consumer3:topic//1"
        << "consumer1[topic-0 topic-1] consumer2[topic-2] consumer3[topic-3]";
    QTest::addRow("testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration") << "topic=3 topic2=3"
        << "consumer1:topic,topic2/topic-0,topic-2,topic2-1/10; consumer2:topic,topic2/topic-0,topic-2,topic2-1/9"
        << "consumer1[topic-0 topic-2 topic2-1] consumer2[topic-1 topic2-0 topic2-2]";
    QTest::addRow("testOwnedPartitionsAreInvalidatedForConsumerWithNoGeneration") << "topic=3 topic2=3"
        << "consumer1:topic,topic2/topic-0,topic-2,topic2-1/10; consumer2:topic,topic2/topic-0,topic-2,topic2-1/-1"
        << "consumer1[topic-0 topic-2 topic2-1] consumer2[topic-1 topic2-0 topic2-2]";
    QTest::addRow("testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration")
        << "topic=3" << "consumer1:topic/topic-0,topic-1/1; consumer2:topic/topic-0,topic-2/1; consumer3:topic//1"
        << "consumer1[topic-1] consumer2[topic-2] consumer3[topic-0]";
    QTest::addRow("testEnsurePartitionsAssignedToHighestGeneration") << "topic=3 topic2=3 topic3=3"
        << "consumer1:topic,topic2,topic3/topic-0,topic2-0,topic3-0/10; "
           "consumer2:topic,topic2,topic3/topic-1,topic2-1,topic3-1/9; "
           "consumer3:topic,topic2,topic3/topic2-1,topic3-0,topic3-2/8"
        << "consumer1[topic-0 topic2-0 topic3-0] consumer2[topic-1 topic2-1 topic3-1] "
           "consumer3[topic-2 topic2-2 topic3-2]";
    QTest::addRow("testNoReassignmentOnCurrentMembers") << "topic=3 topic1=3 topic2=3 topic3=3"
        << "consumer1:topic,topic2,topic3,topic1//-1; consumer2:topic,topic2,topic3,topic1/topic-0,topic2-0,topic1-0/9; "
           "consumer3:topic,topic2,topic3,topic1/topic3-2,topic2-2,topic1-1/8; "
           "consumer4:topic,topic2,topic3,topic1/topic3-1,topic-1,topic-2/7"
        << "consumer1[topic1-2 topic2-1 topic3-0] consumer2[topic-0 topic1-0 topic2-0] "
           "consumer3[topic1-1 topic2-2 topic3-2] consumer4[topic-1 topic-2 topic3-1]";
    QTest::addRow("testOwnedPartitionsAreInvalidatedForConsumerWithMultipleGeneration") << "topic=3 topic2=3"
        << "consumer1:topic,topic2/topic-0,topic2-1,topic-1/10; consumer2:topic,topic2/topic-0,topic2-1,topic2-2/8"
        << "consumer1[topic-0 topic-1 topic2-1] consumer2[topic-2 topic2-0 topic2-2]";
    QTest::addRow("testMoveExistingAssignments") << "topic1=1 topic2=1 topic3=1 topic4=1 topic5=1 topic6=1"
        << "consumer1:topic1,topic2/topic1-0/1; consumer2:topic1,topic2,topic3,topic4/topic2-0,topic3-0/1; "
           "consumer3:topic2,topic3,topic4,topic5,topic6/topic4-0,topic5-0,topic6-0/1"
        << "consumer1[topic1-0] consumer2[topic2-0 topic3-0] consumer3[topic4-0 topic5-0 topic6-0]";
    // The rack-aware tests' expectations when racks play no part (nonRackAwareAssignment).
    QTest::addRow("testRackAwareAssignmentWithUniformSubscription-no-racks") << "t1=6 t2=7 t3=2"
        << "consumer0:t1,t2,t3; consumer1:t1,t2,t3; consumer2:t1,t2,t3"
        << "consumer0[t1-0 t1-3 t2-0 t2-3 t2-6] consumer1[t1-1 t1-4 t2-1 t2-4 t3-0] consumer2[t1-2 t1-5 t2-2 t2-5 t3-1]";
    QTest::addRow("testRackAwareAssignmentWithUniformSubscription-no-racks-owned") << "t1=6 t2=7 t3=2"
        << "consumer0:t1,t2,t3/t1-0,t1-3,t2-0,t2-3,t2-6; consumer1:t1,t2,t3/t1-1,t1-4,t2-1,t2-4,t3-0; "
           "consumer2:t1,t2,t3/t1-2,t1-5,t2-2,t2-5,t3-1"
        << "consumer0[t1-0 t1-3 t2-0 t2-3 t2-6] consumer1[t1-1 t1-4 t2-1 t2-4 t3-0] consumer2[t1-2 t1-5 t2-2 t2-5 t3-1]";
    QTest::addRow("testRackAwareAssignmentWithNonEqualSubscription-no-racks") << "t1=6 t2=7 t3=2"
        << "consumer0:t1,t2,t3; consumer1:t1,t2,t3; consumer2:t1,t3"
        << "consumer0[t1-5 t2-0 t2-2 t2-4 t2-6] consumer1[t1-3 t2-1 t2-3 t2-5 t3-0] consumer2[t1-0 t1-1 t1-2 t1-4 t3-1]";
    QTest::addRow("testRackAwareAssignmentWithNonEqualSubscription-no-racks-owned") << "t1=6 t2=7 t3=2"
        << "consumer0:t1,t2,t3/t1-5,t2-0,t2-2,t2-4,t2-6; consumer1:t1,t2,t3/t1-3,t2-1,t2-3,t2-5,t3-0; "
           "consumer2:t1,t3/t1-0,t1-1,t1-2,t1-4,t3-1"
        << "consumer0[t1-5 t2-0 t2-2 t2-4 t2-6] consumer1[t1-3 t2-1 t2-3 t2-5 t3-0] consumer2[t1-0 t1-1 t1-2 t1-4 t3-1]";
    // StickyAssignorTest: a member that reports no generation keeps what it owns while nobody else
    // claims it (testAssignmentWithConflictingPreviousGenerations-like, without conflicts).
    QTest::addRow("owned-without-generation-kept") << "topic=4"
        << "consumer1:topic/topic-2,topic-3/-1; consumer2:topic/topic-0,topic-1/-1"
        << "consumer1[topic-2 topic-3] consumer2[topic-0 topic-1]";
    // Edge cases of our own.
    QTest::addRow("no-members") << "t0=2" << "" << "";
    QTest::addRow("owned-out-of-range-ignored") << "t0=2" << "c0:t0/t0-7,t0-1/3; c1:t0" << "c0[t0-1] c1[t0-0]";
    QTest::addRow("topic-name-with-dashes") << "my-topic-a=3" << "c0:my-topic-a/my-topic-a-2/1; c1:my-topic-a"
        << "c0[my-topic-a-1 my-topic-a-2] c1[my-topic-a-0]";
    QTest::addRow("empty-subscription-gets-nothing") << "t0=3" << "c0:; c1:t0" << "c0[] c1[t0-0 t0-1 t0-2]";
    QTest::addRow("owned-listed-twice-counts-once") << "t0=2" << "c0:t0/t0-0,t0-0/1; c1:t0" << "c0[t0-0] c1[t0-1]";
}

void TestStickyAssignor::kafkaCases()
{
    QFETCH(QString, partitions);
    QFETCH(QString, members);
    QFETCH(QString, expected);
    const PartitionsPerTopic topics = parsePartitions(partitions);
    const std::vector<AssignorMember> parsed = parseMembers(members);
    const GroupAssignment assignment = runSticky(topics, parsed);
    QCOMPARE(render(assignment), expected);
    QCOMPARE(problems(topics, parsed, assignment), QString());
}

void TestStickyAssignor::errors()
{
    std::vector<AssignorMember> members = parseMembers(QStringLiteral("c0:t0; c0:t0"));
    auto result = assignSticky(parsePartitions(QStringLiteral("t0=1")), members);
    QVERIFY(!result.isOk());
    QCOMPARE(result.status().code(), Status::Code::InvalidArgument);
    QVERIFY(result.status().message().find("duplicate memberId 'c0'") != std::string::npos);
    members = parseMembers(QStringLiteral("c0:t0"));
    members.front().generation = -2;
    QVERIFY(!assignSticky(parsePartitions(QStringLiteral("t0=1")), members).isOk());
    QVERIFY(!assignSticky(parsePartitions(QStringLiteral("t0=-1")), parseMembers(QStringLiteral("c0:t0"))).isOk());
}

void TestStickyAssignor::javaStringHash()
{
    // Values of Java's String.hashCode.
    QCOMPARE(sticky::javaStringHash(""), 0);
    QCOMPARE(sticky::javaStringHash("hello"), 99162322);
    QCOMPARE(sticky::javaStringHash("consumer1"), -421004549);
    QCOMPARE(sticky::javaStringHash("\xc3\xa9"), 233);                // U+00E9, one UTF-16 unit
    QCOMPARE(sticky::javaStringHash("\xf0\x9f\x98\x80"), 1772899);    // U+1F600, a surrogate pair
}

void TestStickyAssignor::addRemoveConsumerOneTopic()
{
    const PartitionsPerTopic topics = parsePartitions(QStringLiteral("topic=3"));
    std::vector<AssignorMember> members = parseMembers(QStringLiteral("consumer1:topic"));
    GroupAssignment a = runSticky(topics, members);
    QCOMPARE(render(a), QStringLiteral("consumer1[topic-0 topic-1 topic-2]"));
    members = withOwned(parseMembers(QStringLiteral("consumer1:topic; consumer2:topic")), a, 1);
    a = runSticky(topics, members);
    QCOMPARE(render(a), QStringLiteral("consumer1[topic-0 topic-1] consumer2[topic-2]"));
    members = withOwned(parseMembers(QStringLiteral("consumer2:topic")), a, 1);
    a = runSticky(topics, members);
    QCOMPARE(render(a), QStringLiteral("consumer2[topic-0 topic-1 topic-2]"));
}

void TestStickyAssignor::addRemoveTwoConsumersTwoTopics()
{
    const PartitionsPerTopic topics = parsePartitions(QStringLiteral("topic1=3 topic2=4"));
    const QString all = QStringLiteral("topic1,topic2");
    GroupAssignment a = runSticky(topics, parseMembers(QStringLiteral("consumer1:%1; consumer2:%1").arg(all)));
    QCOMPARE(render(a), QStringLiteral("consumer1[topic1-0 topic1-2 topic2-1 topic2-3] consumer2[topic1-1 topic2-0 topic2-2]"));
    std::vector<AssignorMember> members = withOwned(
        parseMembers(QStringLiteral("consumer1:%1; consumer2:%1; consumer3:%1; consumer4:%1").arg(all)), a, 1);
    a = runSticky(topics, members);
    // Kafka 3.8+ (KAFKA-16277) keeps the owned partitions with the lowest partition numbers first,
    // across topics; older Kafka kept consumer1's topic1 partitions instead.
    QCOMPARE(render(a), QStringLiteral("consumer1[topic1-0 topic2-1] consumer2[topic1-1 topic2-0] "
                                       "consumer3[topic1-2 topic2-3] consumer4[topic2-2]"));
    members = withOwned(parseMembers(QStringLiteral("consumer3:%1; consumer4:%1").arg(all)), a, 1);
    a = runSticky(topics, members);
    // From this round 2, both are under minQuota: the free partitions are dealt consumer3, consumer4,
    // consumer4 (now at minQuota too), then one more to consumer3, the first waiting at minQuota.
    QCOMPARE(render(a), QStringLiteral("consumer3[topic1-0 topic1-2 topic2-1 topic2-3] consumer4[topic1-1 topic2-0 topic2-2]"));
}

void TestStickyAssignor::addRemoveTopicTwoConsumers()
{
    PartitionsPerTopic topics = parsePartitions(QStringLiteral("topic=3"));
    std::vector<AssignorMember> members = parseMembers(QStringLiteral("consumer1:topic; consumer2:topic"));
    const GroupAssignment first = runSticky(topics, members);
    QVERIFY(isFullyBalanced(first));

    topics["topic2"] = 3;
    members = withOwned(parseMembers(QStringLiteral("consumer1:topic,topic2; consumer2:topic,topic2")), first, 1);
    const GroupAssignment second = runSticky(topics, members);
    QCOMPARE(problems(topics, members, second), QString());
    QCOMPARE(second.at("consumer1").size(), std::size_t{3});
    QCOMPARE(second.at("consumer2").size(), std::size_t{3});
    for (const char *c : {"consumer1", "consumer2"}) {
        for (const TopicPartition &tp : first.at(c))
            QVERIFY(std::count(second.at(c).begin(), second.at(c).end(), tp) == 1);
    }

    topics.erase("topic");
    members = withOwned(parseMembers(QStringLiteral("consumer1:topic2; consumer2:topic2")), second, 1);
    const GroupAssignment third = runSticky(topics, members);
    QCOMPARE(problems(topics, members, third), QString());
    QVERIFY(isFullyBalanced(third));
    for (const char *c : {"consumer1", "consumer2"}) {
        for (const TopicPartition &tp : third.at(c))
            QVERIFY(std::count(second.at(c).begin(), second.at(c).end(), tp) == 1);
    }
}

void TestStickyAssignor::reassignmentAfterOneConsumerLeaves()
{
    PartitionsPerTopic topics;
    std::vector<AssignorMember> members;
    for (int i = 1; i < 20; ++i)
        topics[canonical("t", i, 20)] = i;
    for (int i = 1; i < 20; ++i) {
        AssignorMember m;
        m.memberId = canonical("c", i, 20);
        for (int j = 1; j <= i; ++j)
            m.topics.push_back(canonical("t", j, 20));
        members.push_back(m);
    }
    const GroupAssignment first = runSticky(topics, members);
    QCOMPARE(problems(topics, members, first), QString());
    members = withOwned(members, first, 1);
    members.erase(std::find_if(members.begin(), members.end(), [](const AssignorMember &m) { return m.memberId == "c10"; }));
    const GroupAssignment second = runSticky(topics, members);
    QCOMPARE(problems(topics, members, second), QString());
    QCOMPARE(stickinessProblem(first, second), QString());
}

void TestStickyAssignor::reassignmentAfterOneConsumerAdded()
{
    const PartitionsPerTopic topics = parsePartitions(QStringLiteral("topic=20"));
    std::vector<AssignorMember> members;
    for (int i = 1; i < 10; ++i)
        members.push_back(parseMembers(QString::fromStdString(canonical("c", i, 10) + ":topic")).front());
    const GroupAssignment first = runSticky(topics, members);
    QCOMPARE(problems(topics, members, first), QString());
    members.push_back(parseMembers(QStringLiteral("c10:topic")).front());
    const GroupAssignment second = runSticky(topics, members);
    QCOMPARE(problems(topics, members, second), QString());
    QVERIFY(isFullyBalanced(second));
}

void TestStickyAssignor::sameSubscriptions()
{
    PartitionsPerTopic topics;
    for (int i = 1; i < 15; ++i)
        topics[canonical("t", i, 15)] = i;
    std::vector<AssignorMember> members;
    for (int i = 1; i < 9; ++i) {
        AssignorMember m;
        m.memberId = canonical("c", i, 9);
        for (int j = 1; j < 15; ++j)
            m.topics.push_back(canonical("t", j, 15));
        members.push_back(m);
    }
    const GroupAssignment first = runSticky(topics, members);
    QCOMPARE(problems(topics, members, first), QString());
    QVERIFY(isFullyBalanced(first));
    members = withOwned(members, first, 1);
    members.erase(members.begin() + 4); // c5
    const GroupAssignment second = runSticky(topics, members);
    QCOMPARE(problems(topics, members, second), QString());
    QVERIFY(isFullyBalanced(second));
    // Everyone keeps what it had; only c5's partitions move.
    for (const AssignorMember &m : members) {
        for (const TopicPartition &tp : first.at(m.memberId))
            QVERIFY(std::count(second.at(m.memberId).begin(), second.at(m.memberId).end(), tp) == 1);
    }
}

void TestStickyAssignor::stickiness()
{
    const PartitionsPerTopic topics = parsePartitions(QStringLiteral("topic1=3"));
    std::vector<AssignorMember> members =
        parseMembers(QStringLiteral("consumer1:topic1; consumer2:topic1; consumer3:topic1; consumer4:topic1"));
    const GroupAssignment first = runSticky(topics, members);
    for (const auto &entry : first)
        QVERIFY(entry.second.size() <= 1);
    members = withOwned(members, first, 1);
    members.erase(members.begin()); // the potential group leader leaves
    const GroupAssignment second = runSticky(topics, members);
    for (const auto &[memberId, partitions] : second) {
        QCOMPARE(partitions.size(), std::size_t{1});
        if (!first.at(memberId).empty())
            QCOMPARE(partitions, first.at(memberId));
    }
}

void TestStickyAssignor::noExceptionWhenOnlySubscribedTopicDeleted()
{
    const GroupAssignment first = runSticky(parsePartitions(QStringLiteral("topic=3")), parseMembers(QStringLiteral("consumer:topic")));
    const GroupAssignment second = runSticky({}, withOwned(parseMembers(QStringLiteral("consumer:topic")), first, 1));
    QCOMPARE(render(second), QStringLiteral("consumer[]"));
}

void TestStickyAssignor::subscriptionNotEqualAndSamePartitionWithThreeGenerations()
{
    const PartitionsPerTopic topics = parsePartitions(QStringLiteral("topic=6 topic1=1"));
    const int sequences[6][3] = {{1, 2, 3}, {1, 3, 2}, {2, 1, 3}, {2, 3, 1}, {3, 1, 2}, {3, 2, 1}};
    for (const auto &g : sequences) {
        const std::vector<AssignorMember> members = parseMembers(
            QStringLiteral("consumer1:topic/topic-0,topic-2/%1; consumer2:topic/topic-1,topic-2,topic-3/%2; "
                           "consumer3:topic/topic-2,topic-4,topic-5/%3; consumer4:topic1/topic1-0/2")
                .arg(g[0]).arg(g[1]).arg(g[2]));
        const GroupAssignment a = runSticky(topics, members);
        QCOMPARE(assignmentProblem(topics, members, a), QString());
        for (const auto &entry : a)
            QVERIFY(entry.second.size() >= 1 && entry.second.size() <= 2);
    }
}

void TestStickyAssignor::largeAssignmentWithMultipleConsumersLeavingAndRandomSubscription()
{
    Random rng(20240601);
    const int topicCount = 40;
    const int consumerCount = 200;
    PartitionsPerTopic topics;
    for (int i = 0; i < topicCount; ++i)
        topics[canonical("t", i, topicCount)] = static_cast<std::int32_t>(rng.uniform(10) + 1);
    std::vector<AssignorMember> members;
    for (int i = 0; i < consumerCount; ++i) {
        AssignorMember m;
        m.memberId = canonical("c", i, consumerCount);
        const auto count = rng.uniform(20);
        for (std::uint64_t j = 0; j < count; ++j)
            m.topics.push_back(canonical("t", static_cast<int>(rng.uniform(topicCount)), topicCount));
        members.push_back(m);
    }
    const GroupAssignment first = runSticky(topics, members);
    QCOMPARE(problems(topics, members, first), QString());
    members = withOwned(members, first, 1);
    for (int i = 0; i < 50; ++i) {
        const std::string gone = canonical("c", static_cast<int>(rng.uniform(consumerCount)), consumerCount);
        std::erase_if(members, [&](const AssignorMember &m) { return m.memberId == gone; });
    }
    const GroupAssignment second = runSticky(topics, members);
    QCOMPARE(problems(topics, members, second), QString());
    QCOMPARE(stickinessProblem(first, second), QString());
}

void TestStickyAssignor::reassignmentWithRandomSubscriptionsAndChanges()
{
    Random rng(7);
    const auto randomSublist = [&rng](const std::vector<std::string> &list) {
        std::vector<std::string> selected = list;
        const auto remove = rng.uniform(list.size());
        for (std::uint64_t i = 0; i < remove; ++i)
            selected.erase(selected.begin() + static_cast<std::ptrdiff_t>(rng.uniform(selected.size())));
        return selected;
    };
    for (int round = 1; round <= 100; ++round) {
        const int topicCount = 10 + static_cast<int>(rng.uniform(10));
        PartitionsPerTopic topics;
        std::vector<std::string> names;
        for (int i = 0; i < topicCount; ++i) {
            names.push_back(canonical("t", i, 20));
            topics[names.back()] = i + 1;
        }
        const int consumerCount = 20 + static_cast<int>(rng.uniform(20));
        std::vector<AssignorMember> members;
        for (int i = 0; i < consumerCount; ++i) {
            AssignorMember m;
            m.memberId = canonical("c", i, 40);
            m.topics = randomSublist(names);
            members.push_back(m);
        }
        const GroupAssignment first = runSticky(topics, members);
        QVERIFY2(problems(topics, members, first).isEmpty(), qPrintable(problems(topics, members, first)));
        members = withOwned(members, first, 1);
        for (AssignorMember &m : members)
            m.topics = randomSublist(names);
        const GroupAssignment second = runSticky(topics, members);
        QVERIFY2(problems(topics, members, second).isEmpty(),
                 qPrintable(QStringLiteral("round %1: %2").arg(round).arg(problems(topics, members, second))));
        QVERIFY2(stickinessProblem(first, second).isEmpty(), qPrintable(stickinessProblem(first, second)));
    }
}

void TestStickyAssignor::randomGroupsValidBalancedSticky()
{
    for (std::uint64_t seed = 1; seed <= 400; ++seed) {
        Random rng(seed);
        const bool identical = seed % 2 == 0;
        auto [topics, members] = randomGroup(rng, identical);
        const GroupAssignment first = runSticky(topics, members);
        const QString context = QStringLiteral("seed %1").arg(seed);
        QVERIFY2(problems(topics, members, first).isEmpty(), qPrintable(context + ": " + problems(topics, members, first)));
        if (identical)
            QVERIFY2(isFullyBalanced(first), qPrintable(context));
        // Next generation: one member leaves, one joins; the rest own what they got.
        std::vector<AssignorMember> next = withOwned(members, first, 1);
        if (next.size() > 1)
            next.erase(next.begin() + static_cast<std::ptrdiff_t>(rng.uniform(next.size())));
        AssignorMember joiner;
        joiner.memberId = "joiner-" + std::to_string(seed);
        joiner.topics = identical ? members.front().topics : std::vector<std::string>{"t0", "t1"};
        next.push_back(joiner);
        const GroupAssignment second = runSticky(topics, next);
        QVERIFY2(problems(topics, next, second).isEmpty(), qPrintable(context + ": " + problems(topics, next, second)));
        QVERIFY2(stickinessProblem(first, second).isEmpty(), qPrintable(context + ": " + stickinessProblem(first, second)));
        if (identical) {
            QVERIFY2(isFullyBalanced(second), qPrintable(context));
            // With equal subscriptions a member keeps min(owned, quota) of its partitions.
            std::size_t total = 0;
            for (const auto &entry : second)
                total += entry.second.size();
            const std::size_t minQuota = total / next.size();
            for (const AssignorMember &m : next) {
                std::size_t kept = 0;
                for (const TopicPartition &tp : m.ownedPartitions)
                    kept += static_cast<std::size_t>(std::count(second.at(m.memberId).begin(), second.at(m.memberId).end(), tp));
                QVERIFY2(kept >= std::min(m.ownedPartitions.size(), minQuota), qPrintable(context));
            }
        }
        // The same input gives the same output.
        QCOMPARE(render(runSticky(topics, next)), render(second));
    }
}

void TestStickyAssignor::inputOrderOnlyBreaksTiesLikeJava()
{
    // Java's HashMap puts consumer2 (bucket 11) before consumer1 (bucket 12) whatever the insertion
    // order, so the result does not depend on the order of the input here.
    const PartitionsPerTopic topics = parsePartitions(QStringLiteral("topic1=2 topic2=2"));
    std::vector<AssignorMember> members = parseMembers(QStringLiteral(
        "consumer3:topic1,topic2//1; consumer1:topic1,topic2/topic1-0,topic2-0/1; consumer2:topic1,topic2/topic1-1,topic2-1/1"));
    QCOMPARE(render(runSticky(topics, members)),
             QStringLiteral("consumer1[topic1-0] consumer2[topic1-1 topic2-1] consumer3[topic2-0]"));
    std::reverse(members.begin(), members.end());
    QCOMPARE(render(runSticky(topics, members)),
             QStringLiteral("consumer1[topic1-0] consumer2[topic1-1 topic2-1] consumer3[topic2-0]"));
}

QTEST_APPLESS_MAIN(TestStickyAssignor)
#include "tst_stickyassignor.moc"
