// Consumer groups over the simulated cluster (Kafka's classic protocol end to end): consumers find
// the coordinator (the leader of the group's __consumer_offsets partition), join, get range or
// cooperative-sticky assignments, heartbeat, commit; a crashed member is removed after its
// session timeout, a closed one at once; committed offsets live in __consumer_offsets and survive
// a coordinator failover; a static member's restart does not rebalance; a member cut off by the
// network is fenced; cooperative-sticky moves partitions in two rebalances.
// group/*.h come before QtTest: GroupCoordinator has a method named like Qt's `emit` macro.
#include "group/group_coordinator.h"
#include "group/offsets_log_format.h"

#include "cluster/cluster.h"
#include "cluster_fixtures.h"
#include "cluster/report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <map>
#include <set>

using namespace kafkascope;

namespace {

const std::string kGroup = "billing";
const std::string kTopic = "orders";

// Records every consumed range (STYLE.md §2: tests use a recording observer).
class ConsumptionRecorder : public ClusterObserver
{
public:
    struct Range {
        ConsumerId consumer;
        TopicPartition tp;
        std::int64_t first;
        std::int64_t last;
        SimTime at;
    };
    explicit ConsumptionRecorder(Cluster &cluster) : m_cluster(cluster) {}
    std::vector<Range> ranges;
    void onRecordsConsumed(ConsumerId c, const TopicPartition &tp, Offset first, Offset last) override
    {
        ranges.push_back(Range{c, tp, first.value(), last.value(), m_cluster.now()});
    }
    // How often each offset of `tp` was consumed, by anyone.
    std::map<std::int64_t, int> timesConsumed(const TopicPartition &tp) const
    {
        std::map<std::int64_t, int> out;
        for (const Range &r : ranges)
            if (r.tp == tp)
                for (std::int64_t o = r.first; o <= r.last; ++o)
                    ++out[o];
        return out;
    }

private:
    Cluster &m_cluster;
};

// Three brokers, "orders" with 6 partitions (RF 3), a producer sending 60 records/s round robin.
std::unique_ptr<Cluster> makeCluster(std::uint64_t seed)
{
    return testing::makeOrdersCluster({.seed = seed, .topic = kTopic, .partitions = 6, .recordsPerSecond = 60});
}

ConsumerConfig groupConsumer(const std::string &clientId)
{
    ConsumerConfig c;
    c.clientId = clientId;
    c.topic = kTopic;
    c.groupId = kGroup;
    // The group reads the topic from its start: the tests account for every record produced
    // (Kafka's default, latest, would skip those produced before the first assignment).
    c.autoOffsetReset = ConsumerConfig::AutoOffsetReset::Earliest;
    return c;
}

const Consumer &consumer(const Cluster &cluster, ConsumerId id)
{
    return *cluster.consumers().at(static_cast<std::size_t>(id.value()));
}

ConsumerId addConsumer(Cluster &cluster, const ConsumerConfig &config)
{
    auto r = cluster.addConsumer(config);
    if (!r.isOk())
        qFatal("addConsumer: %s", r.status().message().c_str());
    return r.value();
}

void runFor(Cluster &cluster, SimDuration d)
{
    cluster.runUntil(cluster.now() + d);
}

std::set<TopicPartition> allPartitions()
{
    std::set<TopicPartition> out;
    for (std::int32_t p = 0; p < 6; ++p)
        out.insert(TopicPartition{kTopic, PartitionId{p}});
    return out;
}

} // namespace

class TestConsumerGroups : public QObject
{
    Q_OBJECT

private slots:
    void threeMembersSplitSixPartitionsByRange();
    void crashedMemberRemovedAfterSessionTimeout();
    void closedMemberRebalancesAtOnce();
    void coordinatorFailoverKeepsCommittedOffsets();
    void staticMemberRestartDoesNotRebalance();
    void partitionedMemberLosesItsPartitions();
    void cooperativeStickyMovesOnlyWhatMoves();
    void commitsAreReadableRecordsInConsumerOffsets();
    void groupRecordRoundTrips();
    void reportListsGroups();
    void sameSeedSameRunAndReplay();
    void consumerWithoutGroupUnchanged();
    void invalidGroupConfigRefused();
    void addedPartitionsAreAssignedAfterMetadataRefresh_data();
    void addedPartitionsAreAssignedAfterMetadataRefresh();
};

void TestConsumerGroups::threeMembersSplitSixPartitionsByRange()
{
    auto cluster = makeCluster(7);
    QVERIFY(cluster);
    std::vector<ConsumerId> ids;
    for (int i = 0; i < 3; ++i)
        ids.push_back(addConsumer(*cluster, groupConsumer("c" + std::to_string(i))));
    QVERIFY(cluster->topic(kConsumerOffsetsTopic)); // created on first use
    // The initial rebalance delay (3 s) is extended once as more members join meanwhile; the first
    // auto commit comes 5 s after the assignment.
    runFor(*cluster, SimDuration::seconds(12));

    std::set<TopicPartition> covered;
    for (const ConsumerId id : ids) {
        const Consumer &c = consumer(*cluster, id);
        QCOMPARE(c.groupState(), ConsumerGroupState::Stable);
        // All three joined within group.initial.rebalance.delay.ms: one join phase, generation 1.
        QCOMPARE(c.generation(), 1);
        QCOMPARE(c.protocolName().value_or(""), std::string("range"));
        QCOMPARE(c.assignment().size(), std::size_t{2});
        // Range: consecutive partitions.
        const auto first = c.assignment().begin()->partition.value();
        QCOMPARE(std::next(c.assignment().begin())->partition.value(), first + 1);
        for (const TopicPartition &tp : c.assignment())
            QVERIFY(covered.insert(tp).second);
        QVERIFY(c.recordsConsumed() > 0);
        QCOMPARE(c.coordinator(), cluster->coordinatorOf(kGroup));
    }
    QCOMPARE(covered, allPartitions());
    const auto group = cluster->group(kGroup);
    QVERIFY(group);
    QCOMPARE(group->state, GroupState::Stable);
    QCOMPARE(group->generationId, 1);
    QCOMPARE(group->members.size(), std::size_t{3});
    QCOMPARE(group->protocolName.value_or(""), std::string("range"));
    // Auto commit (every 5 s) has committed every partition.
    QCOMPARE(group->offsets.size(), std::size_t{6});
}

void TestConsumerGroups::crashedMemberRemovedAfterSessionTimeout()
{
    auto cluster = makeCluster(11);
    QVERIFY(cluster);
    ConsumptionRecorder recorder(*cluster);
    cluster->setObserver(&recorder);
    std::vector<ConsumerId> ids;
    for (int i = 0; i < 3; ++i)
        ids.push_back(addConsumer(*cluster, groupConsumer("c" + std::to_string(i))));
    // Crash half-way between two auto commits, so that the crashed member read past its last commit.
    runFor(*cluster, SimDuration::millis(22500));
    const ConsumerId victim = ids[1];
    const std::set<TopicPartition> taken = consumer(*cluster, victim).assignment();
    QCOMPARE(taken.size(), std::size_t{2});
    const auto before = cluster->group(kGroup);
    QVERIFY(before);
    const std::int32_t generation = before->generationId;
    std::map<TopicPartition, std::int64_t> committedAtCrash;
    for (const TopicPartition &tp : taken) {
        QVERIFY(before->offsets.count(tp));
        committedAtCrash[tp] = before->offsets.at(tp).offset.value();
        // At-least-once: it read past what it committed.
        QVERIFY(consumer(*cluster, victim).position(tp).value() > committedAtCrash[tp]);
    }
    QVERIFY(cluster->crashConsumer(victim).isOk());
    QVERIFY(!cluster->crashConsumer(victim).isOk()); // already down
    const SimTime crashedAt = cluster->now();

    // Within session.timeout.ms nothing changes: nobody reads its partitions.
    cluster->runUntil(crashedAt + SimDuration::millis(44000));
    QCOMPARE(cluster->group(kGroup)->generationId, generation);
    for (const auto &r : recorder.ranges)
        if (r.at > crashedAt)
            QVERIFY(!taken.count(r.tp));

    runFor(*cluster, SimDuration::seconds(10));
    const auto after = cluster->group(kGroup);
    QVERIFY(after);
    QCOMPARE(after->state, GroupState::Stable);
    QCOMPARE(after->members.size(), std::size_t{2});
    QVERIFY(after->generationId > generation);
    std::set<TopicPartition> covered;
    for (const ConsumerId id : {ids[0], ids[2]}) {
        const Consumer &c = consumer(*cluster, id);
        QCOMPARE(c.generation(), after->generationId);
        QCOMPARE(c.assignment().size(), std::size_t{3});
        covered.insert(c.assignment().begin(), c.assignment().end());
    }
    QCOMPARE(covered, allPartitions());
    // The new owners resumed at the committed offsets: the records the victim read after its last
    // commit were read twice (at-least-once), and no record was skipped.
    for (const TopicPartition &tp : taken) {
        std::int64_t firstAfter = -1;
        for (const auto &r : recorder.ranges)
            if (r.tp == tp && r.at > crashedAt && r.consumer != victim) {
                firstAfter = r.first;
                break;
            }
        QCOMPARE(firstAfter, committedAtCrash[tp]);
        const auto times = recorder.timesConsumed(tp);
        int duplicates = 0;
        for (std::int64_t o = 0; o < consumer(*cluster, victim).position(tp).value(); ++o) {
            QVERIFY2(times.count(o), "a record was skipped");
            if (times.at(o) > 1)
                ++duplicates;
        }
        QCOMPARE(std::int64_t{duplicates}, consumer(*cluster, victim).position(tp).value() - committedAtCrash[tp]);
    }
    cluster->setObserver(nullptr);
}

void TestConsumerGroups::closedMemberRebalancesAtOnce()
{
    auto cluster = makeCluster(12);
    QVERIFY(cluster);
    ConsumptionRecorder recorder(*cluster);
    cluster->setObserver(&recorder);
    std::vector<ConsumerId> ids;
    for (int i = 0; i < 3; ++i)
        ids.push_back(addConsumer(*cluster, groupConsumer("c" + std::to_string(i))));
    runFor(*cluster, SimDuration::millis(22500));
    const std::int32_t generation = cluster->group(kGroup)->generationId;
    const ConsumerId leaving = ids[0];
    const std::set<TopicPartition> released = consumer(*cluster, leaving).assignment();
    QVERIFY(cluster->closeConsumer(leaving).isOk());
    const SimTime closedAt = cluster->now();
    runFor(*cluster, SimDuration::millis(100));
    const Consumer &closed = consumer(*cluster, leaving);
    QVERIFY(!closed.isRunning());
    // close() committed exactly what it had read.
    for (const TopicPartition &tp : released)
        QCOMPARE(cluster->group(kGroup)->offsets.at(tp).offset, closed.position(tp));
    // The commit and LeaveGroup take a few milliseconds; the others learn of the rebalance from
    // their next heartbeat (heartbeat.interval.ms = 3 s), long before any session timeout.
    runFor(*cluster, SimDuration::seconds(5));
    const auto group = cluster->group(kGroup);
    QVERIFY(group);
    QCOMPARE(group->state, GroupState::Stable);
    QCOMPARE(group->members.size(), std::size_t{2});
    QCOMPARE(group->generationId, generation + 1);
    // Its partitions continue where it stopped: no duplicates.
    for (const TopicPartition &tp : released) {
        for (const auto &r : recorder.ranges)
            if (r.tp == tp && r.at > closedAt) {
                QCOMPARE(r.first, closed.position(tp).value());
                break;
            }
    }
    for (const ConsumerId id : {ids[1], ids[2]})
        QCOMPARE(consumer(*cluster, id).assignment().size(), std::size_t{3});
    cluster->setObserver(nullptr);
}

void TestConsumerGroups::coordinatorFailoverKeepsCommittedOffsets()
{
    auto cluster = makeCluster(13);
    QVERIFY(cluster);
    std::vector<ConsumerId> ids;
    for (int i = 0; i < 3; ++i)
        ids.push_back(addConsumer(*cluster, groupConsumer("c" + std::to_string(i))));
    runFor(*cluster, SimDuration::millis(21000)); // the last auto commit (20 s) has replicated
    const auto oldCoordinator = cluster->coordinatorOf(kGroup);
    QVERIFY(oldCoordinator);
    const auto before = cluster->group(kGroup);
    QVERIFY(before);
    QCOMPARE(before->offsets.size(), std::size_t{6});

    QVERIFY(cluster->killBroker(*oldCoordinator).isOk());
    const auto newCoordinator = cluster->coordinatorOf(kGroup);
    QVERIFY(newCoordinator);
    QVERIFY(*newCoordinator != *oldCoordinator);
    // The new leader of the group's partition rebuilt the group from its replica of the log.
    const auto loaded = cluster->group(kGroup);
    QVERIFY(loaded);
    QCOMPARE(loaded->state, GroupState::Stable);
    QCOMPARE(loaded->generationId, before->generationId);
    QCOMPARE(loaded->members.size(), std::size_t{3});
    QCOMPARE(loaded->offsets.size(), before->offsets.size());
    for (const auto &[tp, committed] : before->offsets)
        QCOMPARE(loaded->offsets.at(tp).offset, committed.offset);

    // The consumers lose their connection, find the new coordinator and carry on in the same
    // generation: heartbeats reach it well within the session timeout.
    std::map<ConsumerId, std::uint64_t> consumed;
    for (const ConsumerId id : ids)
        consumed[id] = consumer(*cluster, id).recordsConsumed();
    runFor(*cluster, SimDuration::seconds(20));
    const auto after = cluster->group(kGroup);
    QVERIFY(after);
    QCOMPARE(after->generationId, before->generationId);
    QCOMPARE(after->state, GroupState::Stable);
    for (const ConsumerId id : ids) {
        const Consumer &c = consumer(*cluster, id);
        QCOMPARE(c.coordinator(), newCoordinator);
        QCOMPARE(c.groupState(), ConsumerGroupState::Stable);
        QVERIFY(c.recordsConsumed() > consumed[id]);
        for (const TopicPartition &tp : c.assignment()) // new commits reach the new coordinator
            QVERIFY(after->offsets.at(tp).offset > before->offsets.at(tp).offset);
    }
}

void TestConsumerGroups::staticMemberRestartDoesNotRebalance()
{
    auto cluster = makeCluster(14);
    QVERIFY(cluster);
    std::vector<ConsumerId> ids;
    for (int i = 0; i < 3; ++i) {
        ConsumerConfig config = groupConsumer("c" + std::to_string(i));
        config.groupInstanceId = "instance-" + std::to_string(i);
        ids.push_back(addConsumer(*cluster, config));
    }
    runFor(*cluster, SimDuration::seconds(12));
    const auto before = cluster->group(kGroup);
    QVERIFY(before);
    QCOMPARE(before->state, GroupState::Stable);
    const std::set<TopicPartition> assignment = consumer(*cluster, ids[1]).assignment();
    QCOMPARE(assignment.size(), std::size_t{2});
    std::map<ConsumerId, std::uint64_t> rebalances;
    for (const ConsumerId id : ids)
        rebalances[id] = consumer(*cluster, id).rebalances();

    QVERIFY(cluster->crashConsumer(ids[1]).isOk());
    runFor(*cluster, SimDuration::seconds(10));
    ConsumerConfig restarted = groupConsumer("c1");
    restarted.groupInstanceId = "instance-1";
    const ConsumerId again = addConsumer(*cluster, restarted);
    runFor(*cluster, SimDuration::seconds(15));

    const auto after = cluster->group(kGroup);
    QVERIFY(after);
    QCOMPARE(after->state, GroupState::Stable);
    QCOMPARE(after->generationId, before->generationId);
    QCOMPARE(after->members.size(), std::size_t{3});
    const Consumer &c = consumer(*cluster, again);
    QCOMPARE(c.groupState(), ConsumerGroupState::Stable);
    QCOMPARE(c.generation(), before->generationId);
    QCOMPARE(c.assignment(), assignment);
    QVERIFY(c.recordsConsumed() > 0);
    // It resumed from the committed offsets, not from auto.offset.reset.
    for (const TopicPartition &tp : assignment)
        QVERIFY(c.position(tp) > before->offsets.at(tp).offset);
    for (const ConsumerId id : {ids[0], ids[2]})
        QCOMPARE(consumer(*cluster, id).rebalances(), rebalances[id]);
}

void TestConsumerGroups::partitionedMemberLosesItsPartitions()
{
    auto cluster = makeCluster(20);
    QVERIFY(cluster);
    std::vector<ConsumerId> ids;
    for (int i = 0; i < 3; ++i)
        ids.push_back(addConsumer(*cluster, groupConsumer("c" + std::to_string(i))));
    runFor(*cluster, SimDuration::seconds(12));
    const std::int32_t generation = cluster->group(kGroup)->generationId;
    const std::set<TopicPartition> cut = consumer(*cluster, ids[0]).assignment();
    // The member can no longer reach any broker: its heartbeats and commits are lost.
    std::set<NodeId> brokers;
    for (const auto &[id, info] : cluster->brokers())
        brokers.insert(id.value());
    cluster->network().partition({Cluster::consumerNode(ids[0])}, brokers);
    runFor(*cluster, SimDuration::seconds(50));
    // The coordinator removed it at its session timeout; the others took its partitions.
    const auto without = cluster->group(kGroup);
    QVERIFY(without);
    QCOMPARE(without->members.size(), std::size_t{2});
    QCOMPARE(without->generationId, generation + 1);
    QVERIFY(!consumer(*cluster, ids[0]).coordinator()); // its requests timed out
    QCOMPARE(consumer(*cluster, ids[0]).partitionsLost(), std::uint64_t{0}); // it does not know yet

    cluster->network().heal();
    // Its FindCoordinator lost in the partition is given up after request.timeout.ms (30 s).
    runFor(*cluster, SimDuration::seconds(45));
    // Back in touch, it is told UNKNOWN_MEMBER_ID: its partitions are lost (nothing committed for
    // them) and it joins again as a new member.
    const Consumer &back = consumer(*cluster, ids[0]);
    QCOMPARE(back.partitionsLost(), std::uint64_t{cut.size()});
    QCOMPARE(back.groupState(), ConsumerGroupState::Stable);
    const auto group = cluster->group(kGroup);
    QVERIFY(group);
    QCOMPARE(group->members.size(), std::size_t{3});
    QCOMPARE(group->generationId, generation + 2);
    for (const ConsumerId id : ids)
        QCOMPARE(consumer(*cluster, id).assignment().size(), std::size_t{2});
}

void TestConsumerGroups::cooperativeStickyMovesOnlyWhatMoves()
{
    auto cluster = makeCluster(15);
    QVERIFY(cluster);
    std::vector<ConsumerId> ids;
    for (int i = 0; i < 2; ++i) {
        ConsumerConfig config = groupConsumer("c" + std::to_string(i));
        config.assignors = {"cooperative-sticky"};
        ids.push_back(addConsumer(*cluster, config));
    }
    runFor(*cluster, SimDuration::seconds(10));
    const std::int32_t generation = cluster->group(kGroup)->generationId;
    std::map<ConsumerId, std::set<TopicPartition>> owned;
    for (const ConsumerId id : ids) {
        QVERIFY(consumer(*cluster, id).cooperative());
        owned[id] = consumer(*cluster, id).assignment();
        QCOMPARE(owned[id].size(), std::size_t{3});
    }

    ConsumerConfig third = groupConsumer("c2");
    third.assignors = {"cooperative-sticky"};
    const ConsumerId added = addConsumer(*cluster, third);
    // Track what the old members hold while the two rebalances run: never less than what they keep.
    std::map<ConsumerId, std::set<TopicPartition>> minimum = owned;
    for (int step = 0; step < 200; ++step) {
        runFor(*cluster, SimDuration::millis(50));
        for (const ConsumerId id : ids) {
            std::set<TopicPartition> still;
            for (const TopicPartition &tp : minimum[id])
                if (consumer(*cluster, id).assignment().count(tp))
                    still.insert(tp);
            minimum[id] = still;
        }
    }
    const auto group = cluster->group(kGroup);
    QVERIFY(group);
    QCOMPARE(group->state, GroupState::Stable);
    QCOMPARE(group->protocolName.value_or(""), std::string("cooperative-sticky"));
    // One rebalance to take the moving partitions away, one to hand them out.
    QCOMPARE(group->generationId, generation + 2);
    std::set<TopicPartition> covered;
    for (const ConsumerId id : {ids[0], ids[1], added}) {
        const Consumer &c = consumer(*cluster, id);
        QCOMPARE(c.assignment().size(), std::size_t{2});
        QCOMPARE(c.partitionsLost(), std::uint64_t{0});
        covered.insert(c.assignment().begin(), c.assignment().end());
    }
    QCOMPARE(covered, allPartitions());
    for (const ConsumerId id : ids) {
        const Consumer &c = consumer(*cluster, id);
        // Sticky: it kept two of its three and gave up exactly one, revoked once...
        QCOMPARE(c.partitionsRevoked(), std::uint64_t{1});
        for (const TopicPartition &tp : c.assignment())
            QVERIFY(owned[id].count(tp));
        // ...and never let go of the two it kept, not even during the rebalances.
        QCOMPARE(minimum[id], c.assignment());
    }
}

void TestConsumerGroups::commitsAreReadableRecordsInConsumerOffsets()
{
    auto cluster = makeCluster(16);
    QVERIFY(cluster);
    addConsumer(*cluster, groupConsumer("c0"));
    runFor(*cluster, SimDuration::seconds(12));
    const auto group = cluster->group(kGroup);
    QVERIFY(group);
    const Topic *offsets = cluster->topic(kConsumerOffsetsTopic);
    QVERIFY(offsets);
    const PartitionId p{consumerOffsetsPartitionFor(kGroup)};
    const PartitionLog &log = offsets->partition(p);
    const auto records = log.readRecords(log.logStartOffset(), 100000);
    QVERIFY(records.isOk());
    std::map<std::string, std::string> last;
    for (const Record &r : records.value())
        last[r.key.value()] = r.value.value();
    for (const auto &[tp, committed] : group->offsets)
        QCOMPARE(last.at("offset:" + kGroup + ":" + kTopic + ":" + std::to_string(tp.partition.value())),
                 std::to_string(committed.offset.value()));
    QVERIFY(last.count("group:" + kGroup));
    QVERIFY(last.at("group:" + kGroup).find("protocol range") != std::string::npos);
    // They went through the leader's append path: every replica has them, all committed.
    QCOMPARE(offsets->state(p).replicas.size(), std::size_t{3});
    QCOMPARE(offsets->state(p).highWatermark(), log.logEndOffset());
    for (const auto &[broker, replica] : offsets->state(p).replicas)
        QCOMPARE(replica.log->logEndOffset(), log.logEndOffset());
    const ConsumerOffsetsContents contents = replayConsumerOffsets(records.value(), Cluster::kSimulationEpochMs);
    QCOMPARE(contents.malformedRecords, std::uint64_t{0});
    QCOMPARE(contents.groups.at(kGroup), *cluster->groupCoordinator(*cluster->coordinatorOf(kGroup))->groupMetadataRecord(kGroup));
}

void TestConsumerGroups::groupRecordRoundTrips()
{
    GroupMetadataRecord record;
    record.groupId = "g:with:colons";
    record.protocolType = "consumer";
    record.generationId = 7;
    record.protocolName = "cooperative-sticky";
    record.leader = "my client-00000001-0000-4000-8000-000000000001";
    StoredMember m;
    m.memberId = *record.leader;
    m.groupInstanceId = "static 100%";
    m.clientId = "my client\nwith a line break";
    m.rebalanceTimeoutMs = 300000;
    m.sessionTimeoutMs = 45000;
    m.subscription.topics = {"a", "b.c"};
    m.subscription.ownedPartitions = {TopicPartition{"a", PartitionId{0}}};
    m.subscription.generation = 6;
    m.assignment = {TopicPartition{"a", PartitionId{0}}, TopicPartition{"b.c", PartitionId{3}}};
    record.members.push_back(m);
    StoredMember other;
    other.memberId = "x";
    other.clientId = "x";
    record.members.push_back(other);
    const std::string value = groupRecordValue(record);
    QCOMPARE(parseGroupRecordValue(record.groupId, value), std::optional<GroupMetadataRecord>(record));
    QVERIFY(!parseGroupRecordValue("g", "generation x\n"));
    QVERIFY(!parseGroupRecordValue("g", "client before-any-member\ngeneration 1\n"));

    std::vector<Record> records(3);
    records[0].key = offsetRecordKey("g:with:colons", TopicPartition{"t", PartitionId{2}});
    records[0].value = "5";
    records[1].key = records[0].key;
    records[1].value = "9"; // the last value of a key wins
    records[1].timestampMs = 1500;
    records[2].key = "offset:broken";
    records[2].value = "1";
    const auto contents = replayConsumerOffsets(records, 1000);
    QCOMPARE(contents.malformedRecords, std::uint64_t{1});
    const CommittedOffset &c = contents.offsets.at("g:with:colons").at(TopicPartition{"t", PartitionId{2}});
    QCOMPARE(c.offset, Offset{9});
    QCOMPARE(c.commitTimestampMs, std::int64_t{500});
}

void TestConsumerGroups::reportListsGroups()
{
    auto cluster = makeCluster(17);
    QVERIFY(cluster);
    for (int i = 0; i < 2; ++i)
        addConsumer(*cluster, groupConsumer("c" + std::to_string(i)));
    runFor(*cluster, SimDuration::seconds(12));
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(clusterReportJson(*cluster, "test")));
    const QJsonArray groups = doc.object().value("groups").toArray();
    QCOMPARE(groups.size(), 1);
    const QJsonObject g = groups.at(0).toObject();
    QCOMPARE(g.value("group_id").toString(), QString::fromStdString(kGroup));
    QCOMPARE(g.value("state").toString(), QString("Stable"));
    QCOMPARE(g.value("generation").toInt(), 1);
    QCOMPARE(g.value("protocol").toString(), QString("range"));
    QCOMPARE(g.value("coordinator").toInt(), cluster->coordinatorOf(kGroup)->value());
    const QJsonArray members = g.value("members").toArray();
    QCOMPARE(members.size(), 2);
    int assigned = 0;
    for (const auto &m : members) {
        QVERIFY(m.toObject().value("client_id").toString().startsWith("c"));
        assigned += static_cast<int>(m.toObject().value("assignment").toArray().size());
    }
    QCOMPARE(assigned, 6);
    const QJsonArray offsets = g.value("offsets").toArray();
    QCOMPARE(offsets.size(), 6);
    const Topic *topic = cluster->topic(kTopic);
    for (const auto &o : offsets) {
        const QJsonObject obj = o.toObject();
        const PartitionId p{obj.value("partition").toInt()};
        QCOMPARE(obj.value("lag").toInteger(), topic->state(p).highWatermark() - obj.value("committed").toInteger());
    }
    const QJsonObject c0 = doc.object().value("consumers").toArray().at(0).toObject();
    QCOMPARE(c0.value("group_id").toString(), QString::fromStdString(kGroup));
    QCOMPARE(c0.value("group_state").toString(), QString("stable"));
    QCOMPARE(c0.value("positions").toArray().size(), 3);
}

void TestConsumerGroups::sameSeedSameRunAndReplay()
{
    const auto run = [](std::uint64_t seed) {
        auto cluster = makeCluster(seed);
        std::vector<ConsumerId> ids;
        for (int i = 0; i < 3; ++i)
            ids.push_back(addConsumer(*cluster, groupConsumer("c" + std::to_string(i))));
        runFor(*cluster, SimDuration::seconds(15));
        (void)cluster->crashConsumer(ids[0]);
        runFor(*cluster, SimDuration::seconds(5));
        (void)cluster->closeConsumer(ids[1]);
        runFor(*cluster, SimDuration::seconds(60));
        return cluster;
    };
    const auto a = run(42);
    const auto b = run(42);
    QCOMPARE(a->stateHash().value(), b->stateHash().value());
    QCOMPARE(a->journal().digest(), b->journal().digest());
    const Consumer &survivor = consumer(*a, ConsumerId{2});
    QCOMPARE(survivor.assignment().size(), std::size_t{6});
    QCOMPARE(survivor.generation(), a->group(kGroup)->generationId);
    // The crash and the close are actions: a restore replays them and arrives at the same state.
    auto restored = Cluster::restore(a->snapshot());
    QVERIFY2(restored.isOk(), restored.status().message().c_str());
    QCOMPARE(restored.value()->stateHash().value(), a->stateHash().value());
}

void TestConsumerGroups::addedPartitionsAreAssignedAfterMetadataRefresh_data()
{
    QTest::addColumn<int>("members");
    QTest::addColumn<QString>("assignor");
    QTest::addColumn<int>("metadataMaxAgeMs");
    QTest::addRow("one-member-range-default-age") << 1 << "range" << 300000;
    QTest::addRow("two-members-range-10s") << 2 << "range" << 10000;
    QTest::addRow("three-members-cooperative-30s") << 3 << "cooperative-sticky" << 30000;
    QTest::addRow("two-members-roundrobin-0") << 2 << "roundrobin" << 0;
}

void TestConsumerGroups::addedPartitionsAreAssignedAfterMetadataRefresh()
{
    // Kafka: the leader's metadata refresh (every metadata.max.age.ms) shows the new partition
    // count, ConsumerCoordinator.rejoinNeededOrPending sees "cached metadata has changed", the
    // leader rejoins and the rebalance assigns the new partitions. Not before the refresh.
    QFETCH(int, members);
    QFETCH(QString, assignor);
    QFETCH(int, metadataMaxAgeMs);
    auto cluster = makeCluster(23);
    QVERIFY(cluster);
    std::vector<ConsumerId> ids;
    for (int i = 0; i < members; ++i) {
        ConsumerConfig c = groupConsumer("c" + std::to_string(i));
        c.assignors = {assignor.toStdString()};
        c.metadataMaxAgeMs = metadataMaxAgeMs;
        ids.push_back(addConsumer(*cluster, c));
    }
    runFor(*cluster, SimDuration::seconds(12));
    const auto covered = [&] {
        std::set<TopicPartition> out;
        for (const ConsumerId id : ids)
            for (const TopicPartition &tp : consumer(*cluster, id).assignment())
                out.insert(tp);
        return out;
    };
    QCOMPARE(covered(), allPartitions());
    const auto before = cluster->group(kGroup);
    QVERIFY(before && before->leader);
    const Consumer *leader = nullptr;
    for (const ConsumerId id : ids)
        if (consumer(*cluster, id).memberId() == *before->leader)
            leader = &consumer(*cluster, id);
    QVERIFY(leader);
    QCOMPARE(leader->metadata().at(kTopic), 6);

    QVERIFY(cluster->addPartitions(kTopic, 9).isOk());
    // The leader learns of it at its next refresh, metadata.max.age.ms after the last one; at a
    // poll (every 100 ms) once that time has come.
    const SimTime refresh = leader->metadataUpdated() + SimDuration::millis(metadataMaxAgeMs);
    if (refresh > cluster->now() + SimDuration::millis(1)) {
        cluster->runUntil(refresh - SimDuration::millis(1));
        QCOMPARE(covered(), allPartitions());
        QCOMPARE(cluster->group(kGroup)->generationId, before->generationId);
        QCOMPARE(leader->metadata().at(kTopic), 6);
    }
    cluster->runUntil(std::max(refresh, cluster->now()) + SimDuration::seconds(6));
    QCOMPARE(leader->metadata().at(kTopic), 9);
    std::set<TopicPartition> nine;
    for (std::int32_t p = 0; p < 9; ++p)
        nine.insert(TopicPartition{kTopic, PartitionId{p}});
    QCOMPARE(covered(), nine);
    const auto after = cluster->group(kGroup);
    QVERIFY(after);
    QCOMPARE(after->state, GroupState::Stable);
    QVERIFY(after->generationId > before->generationId);
    // Exactly one member, the leader, noticed and said so.
    int noticed = 0;
    for (const JournalEvent &e : cluster->journal().events()) {
        if (e.kind != JournalEventKind::ConsumerMetadataChanged)
            continue;
        ++noticed;
        QCOMPARE(e.value, std::int64_t{leader->id().value()});
        QCOMPARE(e.detail, leader->config().clientId + " (orders 6->9)");
        QCOMPARE(e.count, std::int64_t{1});
    }
    QCOMPARE(noticed, 1);
    // The new partitions are read.
    for (std::int32_t p = 6; p < 9; ++p) {
        bool read = false;
        for (const ConsumerId id : ids)
            read = read || consumer(*cluster, id).positions().count(TopicPartition{kTopic, PartitionId{p}}) != 0;
        QVERIFY2(read, std::to_string(p).c_str());
    }
}

void TestConsumerGroups::consumerWithoutGroupUnchanged()
{
    auto cluster = makeCluster(18);
    QVERIFY(cluster);
    ConsumerConfig plain;
    plain.clientId = "plain";
    plain.topic = kTopic;
    const ConsumerId id = addConsumer(*cluster, plain);
    runFor(*cluster, SimDuration::seconds(5));
    const Consumer &c = consumer(*cluster, id);
    QVERIFY(!c.usesGroup());
    QVERIFY(!cluster->topic(kConsumerOffsetsTopic)); // no group, no coordinator
    QCOMPARE(c.positions().size(), std::size_t{6});
    QVERIFY(c.recordsConsumed() > 200);
    QVERIFY(cluster->groups().empty());
    QVERIFY(cluster->closeConsumer(id).isOk());
    const std::uint64_t consumed = c.recordsConsumed();
    runFor(*cluster, SimDuration::seconds(2));
    QCOMPARE(c.recordsConsumed(), consumed);
}

void TestConsumerGroups::invalidGroupConfigRefused()
{
    auto cluster = makeCluster(19);
    QVERIFY(cluster);
    ConsumerConfig c = groupConsumer("bad");
    c.groupId = "";
    QVERIFY(!cluster->addConsumer(c).isOk());
    c = groupConsumer("bad");
    c.assignors = {"range", "fancy"};
    QVERIFY(!cluster->addConsumer(c).isOk());
    c = groupConsumer("bad");
    c.heartbeatIntervalMs = c.sessionTimeoutMs;
    QVERIFY(!cluster->addConsumer(c).isOk());
    c = groupConsumer("bad");
    c.subscription = {kTopic, "missing"};
    QVERIFY(!cluster->addConsumer(c).isOk());
    c = groupConsumer("bad");
    c.metadataMaxAgeMs = -1;
    QVERIFY(!cluster->addConsumer(c).isOk());
    QVERIFY(!cluster->closeConsumer(ConsumerId{5}).isOk());
    QVERIFY(cluster->consumers().empty());
}

QTEST_APPLESS_MAIN(TestConsumerGroups)
#include "tst_consumergroups.moc"
