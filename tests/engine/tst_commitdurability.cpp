// A group coordinator answers OffsetCommit only once the commit is replicated (Kafka appends the
// offsets to __consumer_offsets with acks=all): while the coordinator's followers cannot fetch,
// the coordinator holds the answer and the consumer does not count the offsets as committed; when
// they can again, the answer goes out.
// group/*.h come before QtTest: GroupCoordinator has a method named like Qt's `emit` macro.
#include "group/consumer_offsets_partition.h"
#include "group/group_coordinator.h"

#include "cluster/cluster.h"
#include "cluster_fixtures.h"

#include <QtTest>

#include <set>

using namespace kafkascope;

namespace {

const std::string kGroup = "billing";
const std::string kTopic = "orders";

std::unique_ptr<Cluster> makeCluster()
{
    // acks=1 keeps the producer producing while brokers are cut off from each other.
    return testing::makeOrdersCluster({.seed = 5, .topic = kTopic, .partitions = 6, .recordsPerSecond = 60, .acks = 1});
}

} // namespace

class TestCommitDurability : public QObject
{
    Q_OBJECT

private slots:
    void commitAnsweredOnlyWhenReplicated();
};

void TestCommitDurability::commitAnsweredOnlyWhenReplicated()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    // The coordinator is cut off for 11 s below. This test is about the held commit answers, not
    // about fencing: a broker.session.timeout.ms longer than the cut keeps the controller from
    // fencing the coordinator (with the default 9 s it would lose its partitions meanwhile).
    ReplicationConfig replication = cluster->replicationConfig();
    replication.brokerSessionTimeoutMs = 60000;
    cluster->setReplicationConfig(replication);
    ConsumerConfig config;
    config.clientId = "c0";
    config.topic = kTopic;
    config.groupId = kGroup;
    auto added = cluster->addConsumer(config);
    QVERIFY(added.isOk());
    const Consumer &consumer = *cluster->consumers().at(static_cast<std::size_t>(added.value().value()));
    // Joined after the initial rebalance delay; the first auto commit 5 s after that.
    cluster->runUntil(SimTime::fromMillis(12000));
    QCOMPARE(consumer.groupState(), ConsumerGroupState::Stable);
    QVERIFY(!consumer.committed().empty());
    const auto acknowledged = consumer.committed();

    // Cut the coordinator off from the other brokers (the consumer still reaches it): its
    // __consumer_offsets partition cannot replicate, so its high watermark stays put.
    const auto coordinator = cluster->coordinatorOf(kGroup);
    QVERIFY(coordinator);
    std::set<NodeId> others;
    for (const auto &[id, info] : cluster->brokers())
        if (id != *coordinator)
            others.insert(id.value());
    cluster->network().partition({coordinator->value()}, others);
    const TopicPartition offsetsTp{kConsumerOffsetsTopic,
                                   PartitionId{consumerOffsetsPartitionFor(kGroup, kOffsetsTopicPartitions)}};
    const PartitionState &offsets =
        cluster->topic(kConsumerOffsetsTopic)->state(offsetsTp.partition);
    QCOMPARE(offsets.leader, coordinator);
    const std::int64_t hwBefore = offsets.highWatermark();

    // Two more auto commits (every 5 s) reach the coordinator, which stores them (its cache and
    // its log move on) but does not answer: the consumer still holds the old acknowledged offsets.
    cluster->runUntil(SimTime::fromMillis(23000));
    const auto group = cluster->group(kGroup);
    QVERIFY(group);
    bool cacheMovedOn = false;
    for (const auto &[tp, committed] : group->offsets)
        cacheMovedOn = cacheMovedOn || committed.offset > acknowledged.at(tp);
    QVERIFY(cacheMovedOn);
    QVERIFY(offsets.leaderReplica()->log->logEndOffset() > hwBefore);
    QCOMPARE(offsets.highWatermark(), hwBefore);
    QCOMPARE(consumer.committed(), acknowledged);

    // Healed. The followers' fetches lost in the partition are given up after the request timeout
    // (30 s after the cut, before replica.lag.time.max.ms shrinks the ISR); then they catch up,
    // the high watermark passes the commits and the held answers go out.
    cluster->network().heal();
    cluster->runUntil(SimTime::fromMillis(40000));
    QCOMPARE(offsets.highWatermark(), hwBefore);
    QCOMPARE(consumer.committed(), acknowledged);
    cluster->runUntil(SimTime::fromMillis(50000));
    QVERIFY(offsets.highWatermark() > hwBefore);
    QCOMPARE(offsets.isr.size(), std::size_t{3});
    QCOMPARE(consumer.groupState(), ConsumerGroupState::Stable);
    const auto after = cluster->group(kGroup);
    QVERIFY(after);
    QVERIFY(consumer.committed() != acknowledged);
    for (const auto &[tp, offset] : consumer.committed())
        QCOMPARE(offset, after->offsets.at(tp).offset);
}

QTEST_GUILESS_MAIN(TestCommitDurability)
#include "tst_commitdurability.moc"
