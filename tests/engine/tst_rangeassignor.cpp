// Kafka's RangeAssignor: the cases of Kafka's RangeAssignorTest as table rows, plus seeded
// property tests over random groups.
#include "group/range_assignor.h"

#include "assignor_test_util.h"
#include "core/random.h"

#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

using namespace kafkascope;
using namespace kafkascope::assignortest;

class TestRangeAssignor : public QObject
{
    Q_OBJECT

private slots:
    void kafkaCases_data();
    void kafkaCases();
    void errors_data();
    void errors();
    void memberOrder();
    void everySubscribedPartitionAssignedOnceToASubscriber();
    void rangesAreBalancedAndConsecutive();
    void inputOrderDoesNotMatter();
};

void TestRangeAssignor::kafkaCases_data()
{
    QTest::addColumn<QString>("partitions");
    QTest::addColumn<QString>("members");
    QTest::addColumn<QString>("expected");
    QTest::addRow("testOneConsumerNoTopic") << "" << "consumer1:" << "consumer1[]";
    QTest::addRow("testOneConsumerNonexistentTopic") << "" << "consumer1:topic1" << "consumer1[]";
    QTest::addRow("testOneConsumerOneTopic") << "topic1=3" << "consumer1:topic1"
        << "consumer1[topic1-0 topic1-1 topic1-2]";
    QTest::addRow("testOnlyAssignsPartitionsFromSubscribedTopics") << "topic1=3 other=3" << "consumer1:topic1"
        << "consumer1[topic1-0 topic1-1 topic1-2]";
    QTest::addRow("testOneConsumerMultipleTopics") << "topic1=1 topic2=2" << "consumer1:topic1,topic2"
        << "consumer1[topic1-0 topic2-0 topic2-1]";
    QTest::addRow("testTwoConsumersOneTopicOnePartition") << "topic1=1" << "consumer1:topic1; consumer2:topic1"
        << "consumer1[topic1-0] consumer2[]";
    QTest::addRow("testTwoConsumersOneTopicTwoPartitions") << "topic1=2" << "consumer1:topic1; consumer2:topic1"
        << "consumer1[topic1-0] consumer2[topic1-1]";
    QTest::addRow("testMultipleConsumersMixedTopics") << "topic1=3 topic2=2"
        << "consumer1:topic1; consumer2:topic1,topic2; consumer3:topic1"
        << "consumer1[topic1-0] consumer2[topic1-1 topic2-0 topic2-1] consumer3[topic1-2]";
    QTest::addRow("testTwoConsumersTwoTopicsSixPartitions") << "topic1=3 topic2=3"
        << "consumer1:topic1,topic2; consumer2:topic1,topic2"
        << "consumer1[topic1-0 topic1-1 topic2-0 topic2-1] consumer2[topic1-2 topic2-2]";
    // Static members compare by group.instance.id, not by member id.
    QTest::addRow("testTwoStaticConsumersTwoTopicsSixPartitions") << "topic1=3 topic2=3"
        << "consumer-b@instance1:topic1,topic2; consumer-a@instance2:topic1,topic2"
        << "consumer-a[topic1-2 topic2-2] consumer-b[topic1-0 topic1-1 topic2-0 topic2-1]";
    // A static member precedes every dynamic member.
    QTest::addRow("testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions") << "topic1=3 topic2=3"
        << "consumer-b@instance1:topic1,topic2; consumer-a:topic1,topic2"
        << "consumer-a[topic1-2 topic2-2] consumer-b[topic1-0 topic1-1 topic2-0 topic2-1]";
    QTest::addRow("testStaticMemberRangeAssignmentPersistent") << "topic1=5 topic2=4"
        << "consumer1@instance1:topic1,topic2; consumer2@instance2:topic1,topic2; "
           "consumer3@instance3:topic1,topic2; consumer4:topic1,topic2"
        << "consumer1[topic1-0 topic1-1 topic2-0] consumer2[topic1-2 topic2-1] consumer3[topic1-3 topic2-2] "
           "consumer4[topic1-4 topic2-3]";
    QTest::addRow("testStaticMemberRangeAssignmentPersistent-dynamic-member-replaced") << "topic1=5 topic2=4"
        << "consumer1@instance1:topic1,topic2; consumer2@instance2:topic1,topic2; "
           "consumer3@instance3:topic1,topic2; consumer5:topic1,topic2"
        << "consumer1[topic1-0 topic1-1 topic2-0] consumer2[topic1-2 topic2-1] consumer3[topic1-3 topic2-2] "
           "consumer5[topic1-4 topic2-3]";
    QTest::addRow("testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges") << "topic1=5 topic2=5"
        << "consumer1@instance1:topic1,topic2; consumer2@instance2:topic1,topic2; consumer3@instance3:topic1,topic2"
        << "consumer1[topic1-0 topic1-1 topic2-0 topic2-1] consumer2[topic1-2 topic1-3 topic2-2 topic2-3] "
           "consumer3[topic1-4 topic2-4]";
    // Same instances, new member ids (instance2 now consumer5, instance3 now consumer4): same ranges.
    QTest::addRow("testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges-ids-switched") << "topic1=5 topic2=5"
        << "consumer1@instance1:topic1,topic2; consumer5@instance2:topic1,topic2; consumer4@instance3:topic1,topic2"
        << "consumer1[topic1-0 topic1-1 topic2-0 topic2-1] consumer4[topic1-4 topic2-4] "
           "consumer5[topic1-2 topic1-3 topic2-2 topic2-3]";
    // The rack-aware tests' expectations for the non-rack-aware case (Kafka's verifyNonRackAwareAssignment).
    QTest::addRow("testRackAwareAssignmentWithUniformSubscription-no-racks") << "t1=6 t2=7 t3=2"
        << "consumer0:t1,t2,t3; consumer1:t1,t2,t3; consumer2:t1,t2,t3"
        << "consumer0[t1-0 t1-1 t2-0 t2-1 t2-2 t3-0] consumer1[t1-2 t1-3 t2-3 t2-4 t3-1] consumer2[t1-4 t1-5 t2-5 t2-6]";
    QTest::addRow("testRackAwareAssignmentWithNonEqualSubscription-no-racks") << "t1=6 t2=7 t3=2"
        << "consumer0:t1,t2,t3; consumer1:t1,t2,t3; consumer2:t1,t3"
        << "consumer0[t1-0 t1-1 t2-0 t2-1 t2-2 t2-3 t3-0] consumer1[t1-2 t1-3 t2-4 t2-5 t2-6 t3-1] consumer2[t1-4 t1-5]";
    QTest::addRow("testRackAwareAssignmentWithUniformPartitions-no-racks") << "t1=5 t2=5 t3=5"
        << "consumer0:t1,t2,t3; consumer1:t1,t2,t3; consumer2:t1,t2,t3"
        << "consumer0[t1-0 t1-1 t2-0 t2-1 t3-0 t3-1] consumer1[t1-2 t1-3 t2-2 t2-3 t3-2 t3-3] consumer2[t1-4 t2-4 t3-4]";
    QTest::addRow("testRackAwareAssignmentWithUniformPartitionsNonEqualSubscription-no-racks") << "t1=5 t2=5 t3=5"
        << "consumer0:t1,t2,t3; consumer1:t1,t2,t3; consumer2:t1,t3"
        << "consumer0[t1-0 t1-1 t2-0 t2-1 t2-2 t3-0 t3-1] consumer1[t1-2 t1-3 t2-3 t2-4 t3-2 t3-3] consumer2[t1-4 t3-4]";
    QTest::addRow("testRackAwareAssignmentWithCoPartitioning-no-racks") << "t1=6 t2=6 t3=2 t4=2"
        << "consumer0:t1,t2; consumer1:t1,t2; consumer2:t3,t4; consumer3:t3,t4"
        << "consumer0[t1-0 t1-1 t1-2 t2-0 t2-1 t2-2] consumer1[t1-3 t1-4 t1-5 t2-3 t2-4 t2-5] "
           "consumer2[t3-0 t4-0] consumer3[t3-1 t4-1]";
    QTest::addRow("testRackAwareAssignmentWithCoPartitioning-all-topics-no-racks") << "t1=6 t2=6 t3=2 t4=2"
        << "consumer0:t1,t2,t3,t4; consumer1:t1,t2,t3,t4; consumer2:t1,t2,t3,t4; consumer3:t1,t2,t3,t4"
        << "consumer0[t1-0 t1-1 t2-0 t2-1 t3-0 t4-0] consumer1[t1-2 t1-3 t2-2 t2-3 t3-1 t4-1] "
           "consumer2[t1-4 t2-4] consumer3[t1-5 t2-5]";
    QTest::addRow("testCoPartitionedAssignmentWithSameSubscription-no-racks") << "t1=6 t2=6 t3=2 t4=2 t5=4 t6=4"
        << "consumer0:t1,t2,t3,t4,t5,t6,t7,t8,t9; consumer1:t1,t2,t3,t4,t5,t6,t7,t8,t9; "
           "consumer2:t1,t2,t3,t4,t5,t6,t7,t8,t9"
        << "consumer0[t1-0 t1-1 t2-0 t2-1 t3-0 t4-0 t5-0 t5-1 t6-0 t6-1] "
           "consumer1[t1-2 t1-3 t2-2 t2-3 t3-1 t4-1 t5-2 t6-2] consumer2[t1-4 t1-5 t2-4 t2-5 t5-3 t6-3]";
    // RangeAssignor's class documentation.
    QTest::addRow("javadoc-example") << "t0=3 t1=3" << "C0:t0,t1; C1:t0,t1"
        << "C0[t0-0 t0-1 t1-0 t1-1] C1[t0-2 t1-2]";
    // Edge cases of our own.
    QTest::addRow("topic-with-zero-partitions") << "t0=0 t1=1" << "c0:t0,t1; c1:t0,t1" << "c0[t1-0] c1[]";
    QTest::addRow("repeated-topic-in-subscription") << "t0=2" << "c0:t0,t0; c1:t0" << "c0[t0-0] c1[t0-1]";
    QTest::addRow("no-members") << "t0=2" << "" << "";
}

void TestRangeAssignor::kafkaCases()
{
    QFETCH(QString, partitions);
    QFETCH(QString, members);
    QFETCH(QString, expected);
    const auto result = assignRange(parsePartitions(partitions), parseMembers(members));
    QVERIFY2(result.isOk(), result.status().message().c_str());
    QCOMPARE(render(result.value()), expected);
}

void TestRangeAssignor::errors_data()
{
    QTest::addColumn<QString>("partitions");
    QTest::addColumn<QString>("members");
    QTest::addColumn<int>("generation");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("negative-partition-count") << "t0=-1" << "c0:t0" << -1 << "partition count of topic 't0'";
    QTest::addRow("empty-topic-name") << "=1" << "c0:t0" << -1 << "topic name";
    QTest::addRow("empty-member-id") << "t0=1" << ":t0" << -1 << "memberId";
    QTest::addRow("duplicate-member-id") << "t0=1" << "c0:t0; c0:t0" << -1 << "duplicate memberId 'c0'";
    QTest::addRow("empty-instance-id") << "t0=1" << "c0@:t0" << -1 << "groupInstanceId";
    QTest::addRow("duplicate-instance-id") << "t0=1" << "c0@i:t0; c1@i:t0" << -1 << "duplicate groupInstanceId 'i'";
    QTest::addRow("generation-below-minus-one") << "t0=1" << "c0:t0" << -2 << "generation";
}

void TestRangeAssignor::errors()
{
    QFETCH(QString, partitions);
    QFETCH(QString, members);
    QFETCH(int, generation);
    QFETCH(QString, mentions);
    std::vector<AssignorMember> parsed = parseMembers(members);
    parsed.front().generation = generation;
    const auto result = assignRange(parsePartitions(partitions), parsed);
    QVERIFY(!result.isOk());
    QCOMPARE(result.status().code(), Status::Code::InvalidArgument);
    QVERIFY2(QString::fromStdString(result.status().message()).contains(mentions), result.status().message().c_str());
}

void TestRangeAssignor::memberOrder()
{
    // Kafka's AbstractPartitionAssignorTest: testMemberInfoSortingWithoutGroupInstanceId,
    // testMemberInfoSortingWithAllGroupInstanceId, testMemberInfoSortingSomeGroupInstanceId.
    const auto order = [](const QString &spec) {
        const std::vector<AssignorMember> members = parseMembers(spec);
        QStringList ids;
        for (const AssignorMember *m : sortedForAssignment(members))
            ids << QString::fromStdString(m->memberId);
        return ids.join(QLatin1Char(' '));
    };
    QCOMPARE(order(QStringLiteral("c:; a:; b:")), QStringLiteral("a b c"));
    QCOMPARE(order(QStringLiteral("a@y:; b@z:; c@x:")), QStringLiteral("c a b"));
    QCOMPARE(order(QStringLiteral("a:; b@y:; c@x:")), QStringLiteral("c b a"));
}

void TestRangeAssignor::everySubscribedPartitionAssignedOnceToASubscriber()
{
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Random rng(seed);
        const auto [topics, members] = randomGroup(rng, seed % 3 == 0);
        const auto result = assignRange(topics, members);
        QVERIFY2(result.isOk(), result.status().message().c_str());
        const QString problem = assignmentProblem(topics, members, result.value());
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(problem)));
    }
}

void TestRangeAssignor::rangesAreBalancedAndConsecutive()
{
    // Per topic, in member order: counts never increase and differ by at most one, and each member
    // holds one run of consecutive partitions that starts where the previous member's ended.
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        Random rng(seed);
        const auto [topics, members] = randomGroup(rng, seed % 2 == 0);
        const GroupAssignment assignment = assignRange(topics, members).value();
        for (const auto &[topic, count] : topics) {
            std::int32_t next = 0;
            std::size_t previous = static_cast<std::size_t>(count) + 1;
            std::size_t smallest = previous;
            std::size_t largest = 0;
            for (const AssignorMember *m : sortedForAssignment(members)) {
                if (!isSubscribed(*m, topic))
                    continue;
                std::vector<std::int32_t> mine;
                for (const TopicPartition &tp : assignment.at(m->memberId)) {
                    if (tp.topic == topic)
                        mine.push_back(tp.partition.value());
                }
                QVERIFY(mine.size() <= previous);
                previous = mine.size();
                smallest = std::min(smallest, mine.size());
                largest = std::max(largest, mine.size());
                for (std::int32_t p : mine)
                    QCOMPARE(p, next++);
            }
            if (largest > 0)
                QVERIFY2(largest - smallest <= 1, qPrintable(QStringLiteral("seed %1 topic %2").arg(seed).arg(QString::fromStdString(topic))));
        }
    }
}

void TestRangeAssignor::inputOrderDoesNotMatter()
{
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        Random rng(seed);
        auto [topics, members] = randomGroup(rng, false);
        const QString expected = render(assignRange(topics, members).value());
        std::reverse(members.begin(), members.end());
        QCOMPARE(render(assignRange(topics, members).value()), expected);
        if (members.size() > 2) {
            std::rotate(members.begin(), members.begin() + 1, members.end());
            QCOMPARE(render(assignRange(topics, members).value()), expected);
        }
    }
}

QTEST_APPLESS_MAIN(TestRangeAssignor)
#include "tst_rangeassignor.moc"
