// kafka-consumer-groups --reset-offsets (Cluster::resetGroupOffsets): the offsets Kafka's
// ConsumerGroupCommand computes (clamped into [log start, latest]), the refusal while the group has
// members, and that a reset is a commit like any other: the next member starts there, a new
// coordinator loads it, a replay repeats it.
// group/*.h come before QtTest: GroupCoordinator has a method named like Qt's `emit` macro.
#include "group/group_coordinator.h"

#include "cluster/cluster.h"
#include "cluster_fixtures.h"
#include "group/group_offset_reset.h"

#include <QtTest>

#include <limits>
#include <map>

using namespace kafkascope;

Q_DECLARE_METATYPE(kafkascope::OffsetResetKind)

namespace {

const std::string kGroup = "billing";
const std::string kTopic = "orders";
constexpr std::int32_t kPartitions = 3;

void runFor(Cluster &cluster, SimDuration d)
{
    cluster.runUntil(cluster.now() + d);
}

ConsumerConfig member(const std::string &clientId)
{
    ConsumerConfig c;
    c.clientId = clientId;
    c.topic = kTopic;
    c.groupId = kGroup;
    return c;
}

// Three brokers, "orders" (3 partitions, RF 3) fed 30 records/s; one member of "billing" read and
// committed for 15 s, then closed: the group is Empty with an offset committed for each partition.
std::unique_ptr<Cluster> makeEmptyGroupCluster(std::uint64_t seed = 11)
{
    auto cluster = testing::makeOrdersCluster({.seed = seed, .topic = kTopic, .partitions = kPartitions, .recordsPerSecond = 30});
    if (!cluster)
        return nullptr;
    const auto id = cluster->addConsumer(member("first"));
    if (!id.isOk())
        return nullptr;
    runFor(*cluster, SimDuration::seconds(15));
    if (!cluster->closeConsumer(id.value()).isOk())
        return nullptr;
    runFor(*cluster, SimDuration::seconds(2));
    return cluster;
}

std::map<TopicPartition, std::int64_t> committedOffsets(const Cluster &cluster)
{
    std::map<TopicPartition, std::int64_t> out;
    if (const auto group = cluster.group(kGroup))
        for (const auto &[tp, c] : group->offsets)
            out[tp] = c.offset.value();
    return out;
}

std::size_t resetEvents(const Cluster &cluster)
{
    std::size_t n = 0;
    for (const JournalEvent &e : cluster.journal().events())
        n += e.kind == JournalEventKind::GroupOffsetsReset ? 1 : 0;
    return n;
}

GroupOffsetReset resetOf(OffsetResetKind kind, std::int64_t value = 0, std::optional<std::string> topic = kTopic)
{
    GroupOffsetReset r;
    r.groupId = kGroup;
    r.topic = std::move(topic);
    r.spec = {kind, value};
    return r;
}

// Records consumer `consumer` fetched, by partition: the first offset it got.
class FirstConsumed : public ClusterObserver
{
public:
    explicit FirstConsumed(ConsumerId consumer) : m_consumer(consumer) {}
    std::map<TopicPartition, std::int64_t> first;
    void onRecordsConsumed(ConsumerId consumer, const TopicPartition &tp, Offset from, Offset) override
    {
        if (consumer == m_consumer && !first.count(tp))
            first[tp] = from.value();
    }

private:
    ConsumerId m_consumer;
};

} // namespace

class TestGroupOffsetReset : public QObject
{
    Q_OBJECT

private slots:
    void resetTarget_data();
    void resetTarget();
    void resetsAnEmptyGroup_data();
    void resetsAnEmptyGroup();
    void resetsOnePartitionOrAllTopics();
    void refusedWhileTheGroupHasMembers();
    void refusesBadInput();
    void unknownGroupGetsOffsets();
    void nextMemberStartsAtTheResetOffsets();
    void resetSurvivesCoordinatorFailover();
    void resetIsReplayed();
};

// The pure rule (ConsumerGroupCommand's prepareOffsetsToReset + checkOffsetsRange) on a log
// holding [10, 50) with 30 committed.
void TestGroupOffsetReset::resetTarget_data()
{
    QTest::addColumn<OffsetResetKind>("kind");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<bool>("hasCommitted");
    QTest::addColumn<qint64>("expected"); // -1: refused
    using K = OffsetResetKind;
    const qint64 max = std::numeric_limits<qint64>::max();
    const qint64 min = std::numeric_limits<qint64>::min();
    QTest::addRow("to-earliest") << K::ToEarliest << qint64{0} << true << qint64{10};
    QTest::addRow("to-earliest-without-commit") << K::ToEarliest << qint64{0} << false << qint64{10};
    QTest::addRow("to-latest") << K::ToLatest << qint64{0} << true << qint64{50};
    QTest::addRow("to-offset-inside") << K::ToOffset << qint64{42} << true << qint64{42};
    QTest::addRow("to-offset-at-log-start") << K::ToOffset << qint64{10} << true << qint64{10};
    QTest::addRow("to-offset-at-latest") << K::ToOffset << qint64{50} << true << qint64{50};
    QTest::addRow("to-offset-below-log-start-clamped") << K::ToOffset << qint64{3} << true << qint64{10};
    QTest::addRow("to-offset-negative-clamped") << K::ToOffset << qint64{-7} << false << qint64{10};
    QTest::addRow("to-offset-above-latest-clamped") << K::ToOffset << qint64{51} << true << qint64{50};
    QTest::addRow("shift-back") << K::ShiftBy << qint64{-5} << true << qint64{25};
    QTest::addRow("shift-forward") << K::ShiftBy << qint64{7} << true << qint64{37};
    QTest::addRow("shift-zero") << K::ShiftBy << qint64{0} << true << qint64{30};
    QTest::addRow("shift-back-past-log-start-clamped") << K::ShiftBy << qint64{-25} << true << qint64{10};
    QTest::addRow("shift-forward-past-latest-clamped") << K::ShiftBy << qint64{21} << true << qint64{50};
    QTest::addRow("shift-by-max-saturates") << K::ShiftBy << max << true << qint64{50};
    QTest::addRow("shift-by-min-saturates") << K::ShiftBy << min << true << qint64{10};
    QTest::addRow("shift-without-commit-refused") << K::ShiftBy << qint64{-5} << false << qint64{-1};
}

void TestGroupOffsetReset::resetTarget()
{
    QFETCH(OffsetResetKind, kind);
    QFETCH(qint64, value);
    QFETCH(bool, hasCommitted);
    QFETCH(qint64, expected);
    const TopicPartition tp{kTopic, PartitionId{2}};
    const auto committed = hasCommitted ? std::optional<std::int64_t>{30} : std::nullopt;
    const Result<std::int64_t> r = offsetResetTarget(tp, {kind, value}, 10, 50, committed);
    if (expected < 0) {
        QVERIFY(!r.isOk());
        QCOMPARE(r.status().code(), Status::Code::InvalidArgument);
        QVERIFY2(r.status().message().find("cannot shift the offset of orders-2") != std::string::npos,
                 r.status().message().c_str());
        return;
    }
    QVERIFY2(r.isOk(), r.status().message().c_str());
    QCOMPARE(r.value(), expected);
}

namespace {
enum class Expect { LogStart, HighWatermark, Exactly, CommittedPlus };
}
Q_DECLARE_METATYPE(Expect)

void TestGroupOffsetReset::resetsAnEmptyGroup_data()
{
    QTest::addColumn<OffsetResetKind>("kind");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<Expect>("expect");
    QTest::addColumn<qint64>("expectValue");
    using K = OffsetResetKind;
    QTest::addRow("to-earliest") << K::ToEarliest << qint64{0} << Expect::LogStart << qint64{0};
    QTest::addRow("to-latest") << K::ToLatest << qint64{0} << Expect::HighWatermark << qint64{0};
    QTest::addRow("to-offset") << K::ToOffset << qint64{7} << Expect::Exactly << qint64{7};
    QTest::addRow("to-offset-negative-clamped") << K::ToOffset << qint64{-3} << Expect::LogStart << qint64{0};
    QTest::addRow("to-offset-past-latest-clamped") << K::ToOffset << qint64{1000000} << Expect::HighWatermark << qint64{0};
    QTest::addRow("shift-back") << K::ShiftBy << qint64{-5} << Expect::CommittedPlus << qint64{-5};
    QTest::addRow("shift-forward-clamped") << K::ShiftBy << qint64{1000000} << Expect::HighWatermark << qint64{0};
    QTest::addRow("shift-back-clamped") << K::ShiftBy << qint64{-1000000} << Expect::LogStart << qint64{0};
}

void TestGroupOffsetReset::resetsAnEmptyGroup()
{
    QFETCH(OffsetResetKind, kind);
    QFETCH(qint64, value);
    QFETCH(Expect, expect);
    QFETCH(qint64, expectValue);
    auto cluster = makeEmptyGroupCluster();
    QVERIFY(cluster);
    QCOMPARE(cluster->group(kGroup)->state, GroupState::Empty);
    const auto before = committedOffsets(*cluster);
    QCOMPARE(before.size(), std::size_t{kPartitions});
    for (const auto &[tp, offset] : before)
        QVERIFY(offset > 20); // 10 records/s per partition for about 15 s

    const Status st = cluster->resetGroupOffsets(resetOf(kind, value));
    QVERIFY2(st.isOk(), st.message().c_str());
    const auto after = committedOffsets(*cluster);
    const Topic &topic = *cluster->topic(kTopic);
    for (std::int32_t p = 0; p < kPartitions; ++p) {
        const TopicPartition tp{kTopic, PartitionId{p}};
        const PartitionState &state = topic.state(tp.partition);
        std::int64_t expected = 0;
        switch (expect) {
        case Expect::LogStart: expected = state.leaderReplica()->log->logStartOffset(); break;
        case Expect::HighWatermark: expected = state.highWatermark(); break;
        case Expect::Exactly: expected = expectValue; break;
        case Expect::CommittedPlus: expected = before.at(tp) + expectValue; break;
        }
        QCOMPARE(after.at(tp), expected);
    }
    QCOMPARE(resetEvents(*cluster), std::size_t{kPartitions});
    const JournalEvent &last = cluster->journal().events().back();
    QCOMPARE(last.kind, JournalEventKind::GroupOffsetsReset);
    QCOMPARE(last.group, kGroup);
    QCOMPARE(last.broker, cluster->coordinatorOf(kGroup)->value());
    QCOMPARE(last.count, before.at(TopicPartition{kTopic, PartitionId{last.partition}}));
    QCOMPARE(last.value, after.at(TopicPartition{kTopic, PartitionId{last.partition}}));
    QVERIFY(last.detail.starts_with(offsetResetKindName(kind)));
}

void TestGroupOffsetReset::resetsOnePartitionOrAllTopics()
{
    auto cluster = makeEmptyGroupCluster();
    QVERIFY(cluster);
    const auto before = committedOffsets(*cluster);
    GroupOffsetReset one = resetOf(OffsetResetKind::ToOffset, 4);
    one.partition = PartitionId{1};
    QVERIFY(cluster->resetGroupOffsets(one).isOk());
    auto after = committedOffsets(*cluster);
    QCOMPARE(after.at({kTopic, PartitionId{0}}), before.at({kTopic, PartitionId{0}}));
    QCOMPARE(after.at({kTopic, PartitionId{1}}), std::int64_t{4});
    QCOMPARE(after.at({kTopic, PartitionId{2}}), before.at({kTopic, PartitionId{2}}));
    QCOMPARE(resetEvents(*cluster), std::size_t{1});

    // --all-topics: every partition with a committed offset.
    const auto plan = cluster->planGroupOffsetReset(resetOf(OffsetResetKind::ShiftBy, -2, std::nullopt));
    QVERIFY(plan.isOk());
    QCOMPARE(plan.value().size(), std::size_t{kPartitions});
    QCOMPARE(committedOffsets(*cluster), after); // planning changes nothing
    QCOMPARE(resetEvents(*cluster), std::size_t{1});
    QVERIFY(cluster->resetGroupOffsets(resetOf(OffsetResetKind::ShiftBy, -2, std::nullopt)).isOk());
    const auto shifted = committedOffsets(*cluster);
    for (const auto &[tp, offset] : after)
        QCOMPARE(shifted.at(tp), offset - 2);
    QCOMPARE(resetEvents(*cluster), std::size_t{1 + kPartitions});
}

void TestGroupOffsetReset::refusedWhileTheGroupHasMembers()
{
    auto cluster = makeEmptyGroupCluster();
    QVERIFY(cluster);
    QVERIFY(cluster->addConsumer(member("second")).isOk());
    runFor(*cluster, SimDuration::seconds(10));
    QCOMPARE(cluster->group(kGroup)->state, GroupState::Stable);
    const auto before = committedOffsets(*cluster);
    const std::size_t events = cluster->journal().totalEvents();

    const Status st = cluster->resetGroupOffsets(resetOf(OffsetResetKind::ToEarliest));
    QCOMPARE(st.code(), Status::Code::InvalidArgument);
    QCOMPARE(st.message(), std::string("Assignments can only be reset if the group 'billing' is inactive, but the "
                                       "current state is Stable."));
    QCOMPARE(committedOffsets(*cluster), before);
    QCOMPARE(cluster->journal().totalEvents(), events);
    QVERIFY(!cluster->planGroupOffsetReset(resetOf(OffsetResetKind::ToLatest)).isOk());
}

void TestGroupOffsetReset::refusesBadInput()
{
    // No __consumer_offsets yet: no coordinator.
    auto fresh = testing::makeOrdersCluster({.seed = 3, .topic = kTopic, .partitions = kPartitions});
    QVERIFY(fresh);
    Status st = fresh->resetGroupOffsets(resetOf(OffsetResetKind::ToEarliest));
    QVERIFY2(st.message().find("no coordinator is available for group billing") != std::string::npos, st.message().c_str());

    auto cluster = makeEmptyGroupCluster();
    QVERIFY(cluster);
    // A partition on broker 2 alone, which goes down: no leader to list its offsets.
    QVERIFY(cluster->createTopic("solo", std::vector<std::vector<BrokerId>>{{BrokerId{2}}}).isOk());
    QVERIFY(cluster->killBroker(BrokerId{2}).isOk());
    runFor(*cluster, SimDuration::seconds(1));
    QVERIFY(cluster->coordinatorOf(kGroup));
    const auto before = committedOffsets(*cluster);
    const std::size_t events = cluster->journal().totalEvents();

    struct Case {
        GroupOffsetReset reset;
        Status::Code code;
        std::string message;
    };
    GroupOffsetReset noGroup = resetOf(OffsetResetKind::ToEarliest);
    noGroup.groupId.clear();
    GroupOffsetReset partitionWithoutTopic = resetOf(OffsetResetKind::ToEarliest, 0, std::nullopt);
    partitionWithoutTopic.partition = PartitionId{0};
    GroupOffsetReset badPartition = resetOf(OffsetResetKind::ToEarliest);
    badPartition.partition = PartitionId{9};
    GroupOffsetReset negativePartition = resetOf(OffsetResetKind::ToEarliest);
    negativePartition.partition = PartitionId{-1};
    GroupOffsetReset otherGroupAll = resetOf(OffsetResetKind::ToEarliest, 0, std::nullopt);
    otherGroupAll.groupId = "nobody";
    GroupOffsetReset otherGroupShift = resetOf(OffsetResetKind::ShiftBy, -1);
    otherGroupShift.groupId = "nobody";
    const std::vector<Case> cases{
        {noGroup, Status::Code::InvalidArgument, "a group id is needed"},
        {partitionWithoutTopic, Status::Code::InvalidArgument, "a partition needs its topic"},
        {resetOf(OffsetResetKind::ToEarliest, 0, "nope"), Status::Code::NotFound, "topic nope does not exist"},
        {badPartition, Status::Code::NotFound, "partition orders-9 does not exist"},
        {negativePartition, Status::Code::NotFound, "partition orders--1 does not exist"},
        {otherGroupAll, Status::Code::InvalidArgument, "group nobody has no committed offsets to reset"},
        {otherGroupShift, Status::Code::InvalidArgument, "cannot shift the offset of orders-0"},
        {resetOf(OffsetResetKind::ToEarliest, 0, "solo"), Status::Code::InvalidArgument, "solo-0 has no leader"},
    };
    for (const Case &c : cases) {
        st = cluster->resetGroupOffsets(c.reset);
        QCOMPARE(st.code(), c.code);
        QVERIFY2(st.message().find(c.message) != std::string::npos, st.message().c_str());
    }
    QCOMPARE(committedOffsets(*cluster), before);
    QCOMPARE(cluster->journal().totalEvents(), events);
}

void TestGroupOffsetReset::unknownGroupGetsOffsets()
{
    // Kafka resets a group the coordinator does not know (Dead): the commit creates it.
    auto cluster = makeEmptyGroupCluster();
    QVERIFY(cluster);
    GroupOffsetReset reset = resetOf(OffsetResetKind::ToLatest);
    reset.groupId = "audit";
    QVERIFY(!cluster->group("audit"));
    QVERIFY(cluster->resetGroupOffsets(reset).isOk());
    const auto group = cluster->group("audit");
    QVERIFY(group);
    QCOMPARE(group->state, GroupState::Empty);
    QCOMPARE(group->offsets.size(), std::size_t{kPartitions});
    QCOMPARE(group->offsets.at({kTopic, PartitionId{0}}).offset.value(),
             cluster->topic(kTopic)->state(PartitionId{0}).highWatermark());
}

void TestGroupOffsetReset::nextMemberStartsAtTheResetOffsets()
{
    auto cluster = makeEmptyGroupCluster();
    QVERIFY(cluster);
    QVERIFY(cluster->resetGroupOffsets(resetOf(OffsetResetKind::ToOffset, 5)).isOk());
    const ConsumerId next{static_cast<std::int32_t>(cluster->consumers().size())};
    FirstConsumed recorder(next);
    cluster->setObserver(&recorder);
    QCOMPARE(cluster->addConsumer(member("second")).value(), next);
    runFor(*cluster, SimDuration::seconds(10));
    cluster->setObserver(nullptr);
    QCOMPARE(recorder.first.size(), std::size_t{kPartitions});
    for (const auto &[tp, first] : recorder.first)
        QCOMPARE(first, std::int64_t{5}); // re-reads from the reset offset, not from the old commit
}

void TestGroupOffsetReset::resetSurvivesCoordinatorFailover()
{
    auto cluster = makeEmptyGroupCluster();
    QVERIFY(cluster);
    for (const auto &[tp, offset] : committedOffsets(*cluster))
        QVERIFY(offset > 0);
    QVERIFY(cluster->resetGroupOffsets(resetOf(OffsetResetKind::ToEarliest)).isOk());
    runFor(*cluster, SimDuration::seconds(2)); // the followers fetch the commit
    const BrokerId old = *cluster->coordinatorOf(kGroup);
    QVERIFY(cluster->killBroker(old).isOk());
    runFor(*cluster, SimDuration::seconds(1));
    const auto now = cluster->coordinatorOf(kGroup);
    QVERIFY(now);
    QVERIFY(*now != old);
    const auto offsets = committedOffsets(*cluster); // the new coordinator's, loaded from its log
    QCOMPARE(offsets.size(), std::size_t{kPartitions});
    for (const auto &[tp, offset] : offsets)
        QCOMPARE(offset, std::int64_t{0});
}

void TestGroupOffsetReset::resetIsReplayed()
{
    auto cluster = makeEmptyGroupCluster();
    QVERIFY(cluster);
    QVERIFY(cluster->resetGroupOffsets(resetOf(OffsetResetKind::ShiftBy, -3)).isOk());
    QVERIFY(!cluster->resetGroupOffsets(resetOf(OffsetResetKind::ToEarliest, 0, "nope")).isOk());
    runFor(*cluster, SimDuration::seconds(2));
    const auto expected = committedOffsets(*cluster);
    auto restored = Cluster::restore(cluster->snapshot()); // checks the state hash and journal digest
    QVERIFY2(restored.isOk(), restored.status().message().c_str());
    QCOMPARE(committedOffsets(*restored.value()), expected);
    QCOMPARE(resetEvents(*restored.value()), std::size_t{kPartitions});
}

QTEST_APPLESS_MAIN(TestGroupOffsetReset)
#include "tst_groupoffsetreset.moc"
