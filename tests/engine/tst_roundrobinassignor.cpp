// Kafka's RoundRobinAssignor: the cases of Kafka's RoundRobinAssignorTest as table rows, plus
// seeded property tests over random groups.
#include "group/round_robin_assignor.h"

#include "assignor_test_util.h"
#include "core/random.h"

#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

using namespace kafkascope;
using namespace kafkascope::assignortest;

class TestRoundRobinAssignor : public QObject
{
    Q_OBJECT

private slots:
    void kafkaCases_data();
    void kafkaCases();
    void errors_data();
    void errors();
    void everySubscribedPartitionAssignedOnceToASubscriber();
    void identicalSubscriptionsAreBalanced();
    void dealsInOrderSkippingNonSubscribers();
    void inputOrderDoesNotMatter();
};

void TestRoundRobinAssignor::kafkaCases_data()
{
    QTest::addColumn<QString>("partitions");
    QTest::addColumn<QString>("members");
    QTest::addColumn<QString>("expected");
    QTest::addRow("testOneConsumerNoTopic") << "" << "consumer:" << "consumer[]";
    QTest::addRow("testOneConsumerNonexistentTopic") << "" << "consumer:topic" << "consumer[]";
    QTest::addRow("testOneConsumerOneTopic") << "topic=3" << "consumer:topic" << "consumer[topic-0 topic-1 topic-2]";
    QTest::addRow("testOnlyAssignsPartitionsFromSubscribedTopics") << "topic=3 other=3" << "consumer:topic"
        << "consumer[topic-0 topic-1 topic-2]";
    QTest::addRow("testOneConsumerMultipleTopics") << "topic1=1 topic2=2" << "consumer:topic1,topic2"
        << "consumer[topic1-0 topic2-0 topic2-1]";
    QTest::addRow("testTwoConsumersOneTopicOnePartition") << "topic=1" << "consumer1:topic; consumer2:topic"
        << "consumer1[topic-0] consumer2[]";
    QTest::addRow("testTwoConsumersOneTopicTwoPartitions") << "topic=2" << "consumer1:topic; consumer2:topic"
        << "consumer1[topic-0] consumer2[topic-1]";
    QTest::addRow("testMultipleConsumersMixedTopics") << "topic1=3 topic2=2"
        << "consumer1:topic1; consumer2:topic1,topic2; consumer3:topic1"
        << "consumer1[topic1-0] consumer2[topic1-1 topic2-0 topic2-1] consumer3[topic1-2]";
    QTest::addRow("testTwoDynamicConsumersTwoTopicsSixPartitions") << "topic1=3 topic2=3"
        << "consumer1:topic1,topic2; consumer2:topic1,topic2"
        << "consumer1[topic1-0 topic1-2 topic2-1] consumer2[topic1-1 topic2-0 topic2-2]";
    // Static members compare by group.instance.id, not by member id.
    QTest::addRow("testTwoStaticConsumersTwoTopicsSixPartitions") << "topic1=3 topic2=3"
        << "consumer-b@instance1:topic1,topic2; consumer-a@instance2:topic1,topic2"
        << "consumer-a[topic1-1 topic2-0 topic2-2] consumer-b[topic1-0 topic1-2 topic2-1]";
    // A static member precedes every dynamic member.
    QTest::addRow("testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions") << "topic1=3 topic2=3"
        << "consumer-b@instance1:topic1,topic2; consumer-a:topic1,topic2"
        << "consumer-a[topic1-1 topic2-0 topic2-2] consumer-b[topic1-0 topic1-2 topic2-1]";
    QTest::addRow("testStaticMemberAssignmentPersistent") << "topic1=3 topic2=3"
        << "consumer1@instance1:topic1,topic2; consumer2@instance2:topic1,topic2; "
           "consumer3@instance3:topic1,topic2; consumer4:topic1,topic2"
        << "consumer1[topic1-0 topic2-1] consumer2[topic1-1 topic2-2] consumer3[topic1-2] consumer4[topic2-0]";
    QTest::addRow("testStaticMemberAssignmentPersistent-dynamic-member-replaced") << "topic1=3 topic2=3"
        << "consumer1@instance1:topic1,topic2; consumer2@instance2:topic1,topic2; "
           "consumer3@instance3:topic1,topic2; consumer5:topic1,topic2"
        << "consumer1[topic1-0 topic2-1] consumer2[topic1-1 topic2-2] consumer3[topic1-2] consumer5[topic2-0]";
    QTest::addRow("testStaticMemberAssignmentPersistentAfterMemberIdChanges") << "topic1=3 topic2=3"
        << "consumer1@instance1:topic1,topic2; consumer2@instance2:topic1,topic2; consumer3@instance3:topic1,topic2"
        << "consumer1[topic1-0 topic2-0] consumer2[topic1-1 topic2-1] consumer3[topic1-2 topic2-2]";
    // Same instances under new member ids: instance i still gets topic1-i and topic2-i.
    QTest::addRow("testStaticMemberAssignmentPersistentAfterMemberIdChanges-ids-switched") << "topic1=3 topic2=3"
        << "consumer4@instance1:topic1,topic2; consumer5@instance2:topic1,topic2; consumer1@instance3:topic1,topic2"
        << "consumer1[topic1-2 topic2-2] consumer4[topic1-0 topic2-0] consumer5[topic1-1 topic2-1]";
    // RoundRobinAssignor's class documentation: identical, then differing subscriptions.
    QTest::addRow("javadoc-identical-subscriptions") << "t0=3 t1=3" << "C0:t0,t1; C1:t0,t1"
        << "C0[t0-0 t0-2 t1-1] C1[t0-1 t1-0 t1-2]";
    QTest::addRow("javadoc-differing-subscriptions") << "t0=1 t1=2 t2=3" << "C0:t0; C1:t0,t1; C2:t0,t1,t2"
        << "C0[t0-0] C1[t1-0] C2[t1-1 t2-0 t2-1 t2-2]";
    // Edge cases of our own.
    QTest::addRow("topic-with-zero-partitions") << "t0=0 t1=3" << "c0:t0,t1; c1:t0,t1" << "c0[t1-0 t1-2] c1[t1-1]";
    QTest::addRow("cursor-carries-across-topics") << "a=1 b=1 c=1" << "c0:a,b,c; c1:a,b,c; c2:a,b,c"
        << "c0[a-0] c1[b-0] c2[c-0]";
    QTest::addRow("no-members") << "t0=2" << "" << "";
}

void TestRoundRobinAssignor::kafkaCases()
{
    QFETCH(QString, partitions);
    QFETCH(QString, members);
    QFETCH(QString, expected);
    const auto result = assignRoundRobin(parsePartitions(partitions), parseMembers(members));
    QVERIFY2(result.isOk(), result.status().message().c_str());
    QCOMPARE(render(result.value()), expected);
}

void TestRoundRobinAssignor::errors_data()
{
    QTest::addColumn<QString>("partitions");
    QTest::addColumn<QString>("members");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("negative-partition-count") << "t0=-3" << "c0:t0" << "partition count of topic 't0'";
    QTest::addRow("empty-member-id") << "t0=1" << "c0:t0; :t0" << "memberId";
    QTest::addRow("duplicate-member-id") << "t0=1" << "c0:t0; c1:t0; c0:t0" << "duplicate memberId 'c0'";
    QTest::addRow("duplicate-instance-id") << "t0=1" << "c0@i:t0; c1@i:t0" << "duplicate groupInstanceId 'i'";
}

void TestRoundRobinAssignor::errors()
{
    QFETCH(QString, partitions);
    QFETCH(QString, members);
    QFETCH(QString, mentions);
    const auto result = assignRoundRobin(parsePartitions(partitions), parseMembers(members));
    QVERIFY(!result.isOk());
    QCOMPARE(result.status().code(), Status::Code::InvalidArgument);
    QVERIFY2(QString::fromStdString(result.status().message()).contains(mentions), result.status().message().c_str());
}

void TestRoundRobinAssignor::everySubscribedPartitionAssignedOnceToASubscriber()
{
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Random rng(seed);
        const auto [topics, members] = randomGroup(rng, seed % 3 == 0);
        const auto result = assignRoundRobin(topics, members);
        QVERIFY2(result.isOk(), result.status().message().c_str());
        const QString problem = assignmentProblem(topics, members, result.value());
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(problem)));
    }
}

void TestRoundRobinAssignor::identicalSubscriptionsAreBalanced()
{
    // Kafka's guarantee: with identical subscriptions the partition counts are within one of each
    // other, and the members that hold one more are the first ones in member order.
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Random rng(seed);
        const auto [topics, members] = randomGroup(rng, true);
        const GroupAssignment assignment = assignRoundRobin(topics, members).value();
        std::size_t previous = SIZE_MAX;
        std::size_t smallest = SIZE_MAX;
        std::size_t largest = 0;
        for (const AssignorMember *m : sortedForAssignment(members)) {
            const std::size_t n = assignment.at(m->memberId).size();
            QVERIFY2(n <= previous, qPrintable(QStringLiteral("seed %1").arg(seed)));
            previous = n;
            smallest = std::min(smallest, n);
            largest = std::max(largest, n);
        }
        QVERIFY2(largest - smallest <= 1, qPrintable(QStringLiteral("seed %1").arg(seed)));
    }
}

void TestRoundRobinAssignor::dealsInOrderSkippingNonSubscribers()
{
    // An independent model of the deal: walk the partitions in (topic, partition) order; each goes
    // to the first subscriber at or after the position following the previous receiver.
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Random rng(seed);
        const auto [topics, members] = randomGroup(rng, false);
        const GroupAssignment assignment = assignRoundRobin(topics, members).value();
        const std::vector<const AssignorMember *> ordered = sortedForAssignment(members);
        std::map<TopicPartition, std::string> ownerOf;
        for (const auto &[memberId, partitions] : assignment) {
            for (const TopicPartition &tp : partitions)
                ownerOf[tp] = memberId;
        }
        std::size_t position = 0;
        for (const auto &[tp, owner] : ownerOf) {
            std::size_t expected = position;
            while (!isSubscribed(*ordered[expected % ordered.size()], tp.topic))
                ++expected;
            QCOMPARE(QString::fromStdString(owner), QString::fromStdString(ordered[expected % ordered.size()]->memberId));
            position = (expected + 1) % ordered.size();
        }
    }
}

void TestRoundRobinAssignor::inputOrderDoesNotMatter()
{
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        Random rng(seed);
        auto [topics, members] = randomGroup(rng, false);
        const QString expected = render(assignRoundRobin(topics, members).value());
        std::reverse(members.begin(), members.end());
        QCOMPARE(render(assignRoundRobin(topics, members).value()), expected);
        if (members.size() > 2) {
            std::rotate(members.begin(), members.begin() + 1, members.end());
            QCOMPARE(render(assignRoundRobin(topics, members).value()), expected);
        }
    }
}

QTEST_APPLESS_MAIN(TestRoundRobinAssignor)
#include "tst_roundrobinassignor.moc"
