// The consumer's application side: per-record processing time, max.poll.interval.ms (Kafka's
// heartbeat thread leaves the group when the poll loop stalls) and the per-group delivery
// accounting (records processed more than once, records never processed).
// group/*.h come before QtTest: GroupCoordinator has a method named like Qt's `emit` macro.
#include "group/group_coordinator.h"

#include "client/group_delivery.h"
#include "cluster/cluster.h"
#include "cluster_fixtures.h"
#include "cluster/consumer_lag.h"
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

// Counts how often each offset was processed by any consumer (STYLE.md §2: a recording observer).
class ProcessingRecorder : public ClusterObserver
{
public:
    std::map<TopicPartition, std::map<std::int64_t, int>> times;
    std::uint64_t total = 0;
    void onRecordsProcessed(ConsumerId, const TopicPartition &tp, Offset first, Offset last) override
    {
        for (std::int64_t o = first.value(); o <= last.value(); ++o)
            ++times[tp][o];
        total += static_cast<std::uint64_t>(last.value() - first.value() + 1);
    }
    std::uint64_t processedAgain() const
    {
        std::uint64_t n = 0;
        for (const auto &[tp, offsets] : times)
            for (const auto &[o, count] : offsets)
                n += static_cast<std::uint64_t>(count - 1);
        return n;
    }
};

// Three brokers, "orders" with 6 partitions (RF 3), a producer sending 60 records/s round robin.
std::unique_ptr<Cluster> makeCluster(std::uint64_t seed, std::int32_t partitions = 6)
{
    return testing::makeOrdersCluster({.seed = seed, .topic = kTopic, .partitions = partitions, .recordsPerSecond = 60});
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

// Steps until the group is Stable with `members` members (at most a minute).
bool runUntilStable(Cluster &cluster, std::size_t members)
{
    for (int i = 0; i < 600; ++i) {
        const auto g = cluster.group(kGroup);
        if (g && g->state == GroupState::Stable && g->members.size() == members)
            return true;
        runFor(cluster, SimDuration::millis(100));
    }
    return false;
}

std::size_t journalCount(const Cluster &cluster, JournalEventKind kind)
{
    std::size_t n = 0;
    for (const JournalEvent &e : cluster.journal().events())
        if (e.kind == kind)
            ++n;
    return n;
}

// The rebalance-listener events of consumer `id`, in order: kind and partition count.
std::vector<std::pair<JournalEventKind, std::int64_t>> callbacks(const Cluster &cluster, ConsumerId id)
{
    std::vector<std::pair<JournalEventKind, std::int64_t>> out;
    for (const JournalEvent &e : cluster.journal().events())
        if ((e.kind == JournalEventKind::PartitionsRevoked || e.kind == JournalEventKind::PartitionsAssigned
             || e.kind == JournalEventKind::PartitionsLost)
            && e.value == id.value())
            out.emplace_back(e.kind, e.count);
    return out;
}

DeliveryCounts delivery(const Cluster &cluster)
{
    const auto all = cluster.groupDelivery();
    const auto it = all.find(kGroup);
    return it == all.end() ? DeliveryCounts{} : it->second.total;
}

} // namespace

class TestConsumerProcessing : public QObject
{
    Q_OBJECT

private slots:
    void offsetRangeSet();
    void ledgerCounts();
    void processingTakesTimePerRecord();
    void negativeProcessingTimeRefused();
    void slowConsumerLeavesAfterMaxPollInterval();
    void consumerWithinIntervalStays();
    void heartbeatsContinueWhileProcessing();
    void closeWaitsForRecordsInHand();
    void autoCommitInPollLoopIsAtLeastOnce();
    void autoCommitWithHandOffLosesRecords();
    void reportHasDeliveryCounts();
    void manualCommitAfterProcessingIsAtLeastOnce_data();
    void manualCommitAfterProcessingIsAtLeastOnce();
    void manualCommitNoneNeverCommits();
    void asyncManualCommitCommits();
    void seekBackProcessesAgainSeekForwardSkips();
    void seekRejectsBadInput();
    void pausedPartitionIsNotFetched();
    void pauseResumeRejectBadInput();
    void rebalanceCallbacksAreJournalled();
    void cooperativeRevokesOnlyWhatMoves();
    void offsetControlIsReplayed();
    void lagOfASlowGroup();
    void lagWhenCaughtUpAndWhenStalled();
    void reportHasLag();
    void steppedRunEqualsOneCall();
    void manualCommitNeverGoesBackOnReassignment();
    void slowedConsumerFallsBehindAndCatchesUp_data();
    void slowedConsumerFallsBehindAndCatchesUp();
    void processingTimeChangeRejectsBadInput();
    void processingTimeChangeIsReplayed();
};

void TestConsumerProcessing::offsetRangeSet()
{
    OffsetRangeSet s;
    QCOMPARE(s.insert(5, 9), std::int64_t{0});
    QCOMPARE(s.insert(10, 12), std::int64_t{0}); // adjacent: merged
    QCOMPARE(s.ranges().size(), std::size_t{1});
    QCOMPARE(s.ranges().begin()->first, std::int64_t{5});
    QCOMPARE(s.ranges().begin()->second, std::int64_t{13});
    QCOMPARE(s.insert(20, 20), std::int64_t{0});
    QCOMPARE(s.ranges().size(), std::size_t{2});
    QCOMPARE(s.insert(0, 25), std::int64_t{9}); // 5..12 and 20 were there
    QCOMPARE(s.ranges().size(), std::size_t{1});
    QCOMPARE(s.countIn(0, 26), std::int64_t{26});
    QCOMPARE(s.countIn(24, 30), std::int64_t{2});
    QCOMPARE(s.countIn(30, 40), std::int64_t{0});
    QCOMPARE(s.countIn(7, 7), std::int64_t{0});
    QVERIFY(s.contains(25));
    QVERIFY(!s.contains(26));
}

void TestConsumerProcessing::ledgerCounts()
{
    const TopicPartition tp{kTopic, PartitionId{0}};
    GroupDeliveryLedger ledger;
    QCOMPARE(ledger.counts(tp, Offset{10}).neverProcessed, std::uint64_t{0}); // never read
    ledger.noteReadFrom(tp, Offset{4});
    ledger.noteProcessed(tp, 4, 9, SimTime::fromMillis(1000));
    ledger.noteProcessed(tp, 8, 11, SimTime::fromMillis(2000)); // 8 and 9 again
    ledger.noteNoRecord(tp, 12, 13);                             // compacted away
    ledger.noteProcessed(tp, 16, 17, SimTime::fromMillis(12000));
    DeliveryCounts c = ledger.counts(tp, Offset{20});
    QCOMPARE(c.processed, std::uint64_t{12});
    QCOMPARE(c.processedMoreThanOnce, std::uint64_t{2});
    // [4, 20) minus processed 4..11, 16..17 and the gap 12..13: 14, 15, 18, 19.
    QCOMPARE(c.neverProcessed, std::uint64_t{4});
    QCOMPARE(ledger.counts(tp, Offset{12}).neverProcessed, std::uint64_t{0});
    QCOMPARE(ledger.counts(tp, std::nullopt).neverProcessed, std::uint64_t{0});
    QCOMPARE(ledger.counts(tp, Offset{2}).neverProcessed, std::uint64_t{0}); // below where it started
    ledger.noteReadFrom(tp, Offset{0}); // a seek back moves the start
    QCOMPARE(ledger.counts(tp, Offset{12}).neverProcessed, std::uint64_t{4});
    // The rate counts the records processed in (now - 10 s, now].
    const TopicPartition p1{kTopic, PartitionId{1}};
    QCOMPARE(ledger.processingRate(p1, SimTime::fromMillis(5000)), 0.0);
    ledger.noteProcessed(p1, 0, 9, SimTime::fromMillis(5000));
    ledger.noteProcessed(p1, 10, 14, SimTime::fromMillis(8000));
    QCOMPARE(ledger.processingRate(p1, SimTime::fromMillis(8000)), 1.5);
    QCOMPARE(ledger.processingRate(p1, SimTime::fromMillis(14900)), 1.5);
    QCOMPARE(ledger.processingRate(p1, SimTime::fromMillis(15000)), 0.5);
    QCOMPARE(ledger.processingRate(p1, SimTime::fromMillis(18000)), 0.0);
}

void TestConsumerProcessing::processingTakesTimePerRecord()
{
    // A consumer without a group: 100 ms a record, so 10 records/s at most while 60/s arrive.
    auto cluster = makeCluster(3, 1);
    QVERIFY(cluster);
    ProcessingRecorder recorder;
    cluster->setObserver(&recorder);
    ConsumerConfig config;
    config.clientId = "slow";
    config.topic = kTopic;
    config.maxPollRecords = 20;
    config.processingTimePerRecord = SimDuration::millis(100);
    const ConsumerId id = addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::seconds(10));
    const Consumer &c = consumer(*cluster, id);
    // Each poll returns up to 20 records and takes 2 s: ~5 polls, ~100 processed in 10 s.
    QVERIFY(c.recordsProcessed() >= 95 && c.recordsProcessed() <= 100);
    QVERIFY(c.recordsConsumed() >= c.recordsProcessed());
    QCOMPARE(c.recordsConsumed() - c.recordsProcessed(), std::uint64_t{c.recordsInProcessing()});
    QCOMPARE(recorder.total, c.recordsProcessed());
    QCOMPARE(recorder.processedAgain(), std::uint64_t{0});

    // Instant processing (the default): processed as returned.
    auto fast = makeCluster(3, 1);
    config.processingTimePerRecord = SimDuration{};
    const ConsumerId f = addConsumer(*fast, config);
    runFor(*fast, SimDuration::seconds(10));
    QVERIFY(consumer(*fast, f).recordsProcessed() > 500);
    QCOMPARE(consumer(*fast, f).recordsProcessed(), consumer(*fast, f).recordsConsumed());
}

void TestConsumerProcessing::negativeProcessingTimeRefused()
{
    auto cluster = makeCluster(3, 1);
    QVERIFY(cluster);
    ConsumerConfig config = groupConsumer("c");
    config.processingTimePerRecord = SimDuration::millis(-1);
    const auto r = cluster->addConsumer(config);
    QVERIFY(!r.isOk());
    QCOMPARE(r.status().message(), std::string("consumer 'c': processing time per record must not be negative"));
    QVERIFY(cluster->consumers().empty());
}

void TestConsumerProcessing::slowConsumerLeavesAfterMaxPollInterval()
{
    auto cluster = makeCluster(5);
    QVERIFY(cluster);
    const ConsumerId fast = addConsumer(*cluster, groupConsumer("fast"));
    ConsumerConfig slowConfig = groupConsumer("slow");
    slowConfig.processingTimePerRecord = SimDuration::seconds(1);
    slowConfig.maxPollIntervalMs = 10000; // polls returning more than 10 records stall too long
    slowConfig.maxPollRecords = 20;       // 20 s a full poll
    const ConsumerId slow = addConsumer(*cluster, slowConfig);
    QVERIFY(runUntilStable(*cluster, 2));
    const auto joined = cluster->group(kGroup);
    QVERIFY(joined);
    const std::int32_t generation = joined->generationId;
    QCOMPARE(consumer(*cluster, slow).pollTimeouts(), std::uint64_t{0});

    // Step until the heartbeat thread gives up: exactly max.poll.interval.ms after the last poll.
    SimTime timedOutAt;
    for (int i = 0; i < 400 && consumer(*cluster, slow).pollTimeouts() == 0; ++i) {
        runFor(*cluster, SimDuration::millis(100));
        timedOutAt = cluster->now();
    }
    const Consumer &s = consumer(*cluster, slow);
    QCOMPARE(s.pollTimeouts(), std::uint64_t{1});
    QCOMPARE(s.lastPollTime() + SimDuration::millis(10000) <= timedOutAt, true);
    QVERIFY(timedOutAt - s.lastPollTime() < SimDuration::millis(10100));
    QCOMPARE(journalCount(*cluster, JournalEventKind::ConsumerPollTimeout), std::size_t{1});
    QCOMPARE(s.generation(), kNoGeneration);
    QVERIFY(s.memberId().empty());

    // It sent LeaveGroup: the group rebalances at once, long before the 45 s session timeout (the
    // fast member learns of it from its next heartbeat, within 3 s), and the fast member takes
    // every partition.
    QVERIFY(runUntilStable(*cluster, 1));
    QVERIFY(cluster->now() - timedOutAt < SimDuration::millis(3500));
    const auto after = cluster->group(kGroup);
    QVERIFY(after);
    QCOMPARE(after->state, GroupState::Stable);
    QCOMPARE(after->members.size(), std::size_t{1});
    QCOMPARE(after->generationId, generation + 1);
    QCOMPARE(consumer(*cluster, fast).assignment().size(), std::size_t{6});
    QCOMPARE(consumer(*cluster, fast).pollTimeouts(), std::uint64_t{0});

    // Once its application polls again (20 s after the last poll) it gives its partitions up as
    // lost, without committing, and joins again as a new member.
    QCOMPARE(s.partitionsLost(), std::uint64_t{0});
    const std::uint64_t revoked = s.partitionsRevoked();
    runFor(*cluster, SimDuration::seconds(15));
    QVERIFY(s.partitionsLost() > 0);
    QCOMPARE(s.partitionsRevoked(), revoked);
    QVERIFY(!s.memberId().empty());
    QVERIFY(s.rebalances() >= 2);
}

void TestConsumerProcessing::consumerWithinIntervalStays()
{
    auto cluster = makeCluster(5);
    QVERIFY(cluster);
    addConsumer(*cluster, groupConsumer("fast"));
    ConsumerConfig config = groupConsumer("steady");
    config.processingTimePerRecord = SimDuration::millis(100);
    config.maxPollRecords = 50; // at most 5 s a poll
    config.maxPollIntervalMs = 10000;
    const ConsumerId steady = addConsumer(*cluster, config);
    QVERIFY(runUntilStable(*cluster, 2));
    const std::int32_t generation = cluster->group(kGroup)->generationId;
    runFor(*cluster, SimDuration::seconds(60));
    const Consumer &c = consumer(*cluster, steady);
    QCOMPARE(c.pollTimeouts(), std::uint64_t{0});
    QCOMPARE(c.groupState(), ConsumerGroupState::Stable);
    QCOMPARE(cluster->group(kGroup)->generationId, generation);
    QCOMPARE(cluster->group(kGroup)->members.size(), std::size_t{2});
    QVERIFY(c.recordsProcessed() > 400);
    QCOMPARE(journalCount(*cluster, JournalEventKind::ConsumerPollTimeout), std::size_t{0});
}

void TestConsumerProcessing::heartbeatsContinueWhileProcessing()
{
    // Polls that take ~100 s (100 records at 1 s), over twice the 45 s session timeout, but within
    // the default 5 min max.poll.interval.ms: the heartbeat thread keeps the member in the group.
    auto cluster = makeCluster(9);
    QVERIFY(cluster);
    addConsumer(*cluster, groupConsumer("fast"));
    ConsumerConfig config = groupConsumer("plodding");
    config.processingTimePerRecord = SimDuration::seconds(1);
    config.maxPollRecords = 100;
    const ConsumerId plodding = addConsumer(*cluster, config);
    QVERIFY(runUntilStable(*cluster, 2));
    const std::int32_t generation = cluster->group(kGroup)->generationId;
    runFor(*cluster, SimDuration::seconds(150));
    const Consumer &c = consumer(*cluster, plodding);
    QCOMPARE(c.pollTimeouts(), std::uint64_t{0});
    QCOMPARE(cluster->group(kGroup)->generationId, generation);
    QCOMPARE(cluster->group(kGroup)->members.size(), std::size_t{2});
    QCOMPARE(c.groupState(), ConsumerGroupState::Stable);
    QVERIFY(c.recordsProcessed() >= 140);
}

void TestConsumerProcessing::closeWaitsForRecordsInHand()
{
    auto cluster = makeCluster(13, 1);
    QVERIFY(cluster);
    ConsumerConfig config = groupConsumer("worker");
    config.processingTimePerRecord = SimDuration::millis(200);
    config.maxPollRecords = 30;
    const ConsumerId id = addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::seconds(8));
    const Consumer &c = consumer(*cluster, id);
    QVERIFY(c.recordsInProcessing() > 0);
    const std::uint64_t fetched = c.recordsConsumed();
    QVERIFY(cluster->closeConsumer(id).isOk());
    QVERIFY(c.isRunning());
    runFor(*cluster, SimDuration::seconds(10));
    QVERIFY(!c.isRunning());
    QCOMPARE(c.recordsConsumed(), fetched); // nothing fetched after close()
    QCOMPARE(c.recordsProcessed(), fetched);
    // Its final commit covers exactly what it processed.
    const auto group = cluster->group(kGroup);
    QVERIFY(group);
    const TopicPartition tp{kTopic, PartitionId{0}};
    QCOMPARE(group->offsets.at(tp).offset, c.committed().at(tp));
    const DeliveryCounts d = delivery(*cluster);
    QCOMPARE(d.neverProcessed, std::uint64_t{0});
    QCOMPARE(d.processed, fetched);
}

void TestConsumerProcessing::autoCommitInPollLoopIsAtLeastOnce()
{
    // Kafka's auto commit runs inside poll(), committing what the previous polls returned; in a
    // poll loop those records are processed by then. A crash mid-processing therefore loses
    // nothing, and what was processed after the last commit is processed again.
    auto cluster = makeCluster(17);
    QVERIFY(cluster);
    ProcessingRecorder recorder;
    cluster->setObserver(&recorder);
    ConsumerConfig config = groupConsumer("first");
    config.processingTimePerRecord = SimDuration::millis(20);
    config.maxPollRecords = 100;
    const ConsumerId first = addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::millis(22700));
    QVERIFY(consumer(*cluster, first).recordsInProcessing() > 0);
    QVERIFY(cluster->crashConsumer(first).isOk());
    config.clientId = "second";
    addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::seconds(70)); // session timeout, then the second takes over
    const DeliveryCounts d = delivery(*cluster);
    QCOMPARE(d.neverProcessed, std::uint64_t{0});
    QVERIFY(d.processedMoreThanOnce > 0);
    QCOMPARE(d.processedMoreThanOnce, recorder.processedAgain());
    QCOMPARE(d.processed, recorder.total);
}

void TestConsumerProcessing::autoCommitWithHandOffLosesRecords()
{
    // The poll loop hands records to a slower worker: positions run ahead of processing, auto
    // commit commits records still queued, and a crash loses them for good (at-most-once).
    auto cluster = makeCluster(19);
    QVERIFY(cluster);
    ProcessingRecorder recorder;
    cluster->setObserver(&recorder);
    ConsumerConfig config = groupConsumer("first");
    config.processingTimePerRecord = SimDuration::millis(25); // 40 records/s; 60/s arrive
    config.processing = ConsumerConfig::Processing::HandOff;
    const ConsumerId first = addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::seconds(30));
    const Consumer &c = consumer(*cluster, first);
    QVERIFY(c.recordsInProcessing() > 0);
    QCOMPARE(c.pollTimeouts(), std::uint64_t{0}); // the poll loop keeps polling
    QVERIFY(cluster->crashConsumer(first).isOk());
    config.clientId = "second";
    config.processing = ConsumerConfig::Processing::InPollLoop;
    config.processingTimePerRecord = SimDuration{};
    addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::seconds(70));
    const DeliveryCounts d = delivery(*cluster);
    QVERIFY(d.neverProcessed > 0);
    QCOMPARE(d.processed, recorder.total);
    // Independently: offsets below the committed offsets that nobody processed.
    std::uint64_t missing = 0;
    const auto group = cluster->group(kGroup);
    QVERIFY(group);
    for (const auto &[tp, committed] : group->offsets)
        for (std::int64_t o = 0; o < committed.offset.value(); ++o)
            if (!recorder.times[tp].count(o))
                ++missing;
    QCOMPARE(d.neverProcessed, missing);
}

void TestConsumerProcessing::reportHasDeliveryCounts()
{
    auto cluster = makeCluster(23);
    QVERIFY(cluster);
    addConsumer(*cluster, groupConsumer("c"));
    runFor(*cluster, SimDuration::seconds(12));
    const QJsonObject report = QJsonDocument::fromJson(QByteArray::fromStdString(clusterReportJson(*cluster, "v"))).object();
    const QJsonArray groups = report.value("groups").toArray();
    QCOMPARE(groups.size(), 1);
    const QJsonObject g = groups.at(0).toObject();
    const DeliveryCounts d = delivery(*cluster);
    QVERIFY(d.processed > 0);
    QCOMPARE(g.value("records_processed").toInteger(), static_cast<qint64>(d.processed));
    QCOMPARE(g.value("records_processed_more_than_once").toInteger(), qint64{0});
    QCOMPARE(g.value("records_never_processed").toInteger(), qint64{0});
    const QJsonObject c = report.value("consumers").toArray().at(0).toObject();
    QCOMPARE(c.value("records_processed").toInteger(), static_cast<qint64>(d.processed));
    QCOMPARE(c.value("poll_timeouts").toInteger(), qint64{0});
}

void TestConsumerProcessing::manualCommitAfterProcessingIsAtLeastOnce_data()
{
    QTest::addColumn<bool>("handOff");
    QTest::addColumn<bool>("sync");
    QTest::addRow("poll-loop-sync") << false << true;
    QTest::addRow("poll-loop-async") << false << false;
    QTest::addRow("hand-off-sync") << true << true;
}

void TestConsumerProcessing::manualCommitAfterProcessingIsAtLeastOnce()
{
    // enable.auto.commit=false, the application commits what it processed: a crash before the
    // commit means the new owner processes those records again, and nothing is skipped.
    QFETCH(bool, handOff);
    QFETCH(bool, sync);
    auto cluster = makeCluster(29);
    QVERIFY(cluster);
    ProcessingRecorder recorder;
    cluster->setObserver(&recorder);
    ConsumerConfig config = groupConsumer("first");
    config.enableAutoCommit = false;
    config.manualCommit = sync ? ConsumerConfig::ManualCommit::SyncAfterProcessing
                               : ConsumerConfig::ManualCommit::AsyncAfterProcessing;
    config.processingTimePerRecord = SimDuration::millis(handOff ? 25 : 20);
    config.processing = handOff ? ConsumerConfig::Processing::HandOff : ConsumerConfig::Processing::InPollLoop;
    config.maxPollRecords = 100;
    const ConsumerId first = addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::millis(22700));
    const Consumer &c = consumer(*cluster, first);
    QVERIFY(c.recordsInProcessing() > 0);
    const auto before = cluster->group(kGroup);
    QVERIFY(before);
    QVERIFY(!before->offsets.empty());
    for (const auto &[tp, committed] : before->offsets) {
        // Never ahead of the application.
        QVERIFY(c.processedPositions().count(tp));
        QVERIFY(committed.offset <= c.processedPositions().at(tp));
    }
    QVERIFY(cluster->crashConsumer(first).isOk());
    config.clientId = "second";
    addConsumer(*cluster, config);
    // Long enough for the second member to work through its backlog to every partition (a poll
    // returns fetched records a partition at a time, and the worker takes 25 ms a record).
    runFor(*cluster, SimDuration::seconds(150));
    const DeliveryCounts d = delivery(*cluster);
    QCOMPARE(d.neverProcessed, std::uint64_t{0});
    QVERIFY(d.processedMoreThanOnce > 0);
    QCOMPARE(d.processedMoreThanOnce, recorder.processedAgain());
}

void TestConsumerProcessing::manualCommitNoneNeverCommits()
{
    auto cluster = makeCluster(31);
    QVERIFY(cluster);
    ConsumerConfig config = groupConsumer("c");
    config.enableAutoCommit = false;
    const ConsumerId id = addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::seconds(20));
    QVERIFY(consumer(*cluster, id).recordsProcessed() > 0);
    QVERIFY(cluster->group(kGroup)->offsets.empty());
    QVERIFY(consumer(*cluster, id).committed().empty());
}

void TestConsumerProcessing::asyncManualCommitCommits()
{
    auto cluster = makeCluster(37);
    QVERIFY(cluster);
    ConsumerConfig config = groupConsumer("c");
    config.enableAutoCommit = false;
    config.manualCommit = ConsumerConfig::ManualCommit::AsyncAfterProcessing;
    const ConsumerId id = addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::seconds(20));
    const Consumer &c = consumer(*cluster, id);
    const auto group = cluster->group(kGroup);
    QVERIFY(group);
    QCOMPARE(group->offsets.size(), std::size_t{6});
    // Committed after every poll: at most one poll (100 ms, ~1 record per partition) behind.
    for (const auto &[tp, committed] : group->offsets)
        QVERIFY(c.processedPositions().at(tp).value() - committed.offset.value() <= 2);
}

void TestConsumerProcessing::seekBackProcessesAgainSeekForwardSkips()
{
    auto cluster = makeCluster(41, 1);
    QVERIFY(cluster);
    const ConsumerId id = addConsumer(*cluster, groupConsumer("c"));
    runFor(*cluster, SimDuration::seconds(12));
    const TopicPartition tp{kTopic, PartitionId{0}};
    const Consumer &c = consumer(*cluster, id);
    const std::int64_t position = c.position(tp).value();
    QVERIFY(position > 50);
    QCOMPARE(delivery(*cluster).processedMoreThanOnce, std::uint64_t{0});
    QVERIFY(cluster->seekConsumer(id, tp, Offset{10}).isOk());
    QCOMPARE(c.position(tp), Offset{10});
    QCOMPARE(journalCount(*cluster, JournalEventKind::ConsumerSeek), std::size_t{1});
    runFor(*cluster, SimDuration::seconds(2));
    QCOMPARE(delivery(*cluster).processedMoreThanOnce, std::uint64_t(position - 10));
    QCOMPARE(delivery(*cluster).neverProcessed, std::uint64_t{0});

    // Forward past unread records (it was paused meanwhile): once committed, they are never processed.
    QVERIFY(cluster->pauseConsumer(id, tp).isOk());
    runFor(*cluster, SimDuration::seconds(2));
    const std::int64_t here = c.position(tp).value();
    const std::int64_t leo = cluster->topic(kTopic)->partition(PartitionId{0}).logEndOffset();
    QVERIFY(leo > here + 5);
    QVERIFY(cluster->seekConsumer(id, tp, Offset{leo}).isOk());
    QVERIFY(cluster->resumeConsumer(id, tp).isOk());
    runFor(*cluster, SimDuration::seconds(6)); // an auto commit
    QCOMPARE(delivery(*cluster).neverProcessed, std::uint64_t(leo - here));
}

void TestConsumerProcessing::seekRejectsBadInput()
{
    auto cluster = makeCluster(43, 2);
    QVERIFY(cluster);
    const ConsumerId a = addConsumer(*cluster, groupConsumer("a"));
    const ConsumerId b = addConsumer(*cluster, groupConsumer("b"));
    runFor(*cluster, SimDuration::seconds(12));
    const TopicPartition mine = *consumer(*cluster, a).assignment().begin();
    const TopicPartition theirs = *consumer(*cluster, b).assignment().begin();
    const std::size_t events = cluster->journal().totalEvents();

    Status st = cluster->seekConsumer(ConsumerId{99}, mine, Offset{0});
    QCOMPARE(st.code(), Status::Code::NotFound);
    QVERIFY(st.message().find("no consumer 99") != std::string::npos);
    st = cluster->seekConsumer(a, theirs, Offset{0});
    QCOMPARE(st.code(), Status::Code::InvalidArgument);
    QVERIFY(st.message().find("not assigned") != std::string::npos);
    st = cluster->seekConsumer(a, TopicPartition{"nope", PartitionId{0}}, Offset{0});
    QVERIFY(st.message().find("nope-0 is not assigned") != std::string::npos);
    st = cluster->seekConsumer(a, mine, Offset{-1});
    QCOMPARE(st.code(), Status::Code::InvalidArgument);
    QVERIFY(st.message().find("negative offset -1") != std::string::npos);
    st = cluster->seekConsumer(a, mine, Offset{1000000});
    QVERIFY(st.message().find("past the log end offset") != std::string::npos);
    // Nothing changed.
    QCOMPARE(cluster->journal().totalEvents(), events);
    QVERIFY(cluster->crashConsumer(a).isOk());
    st = cluster->seekConsumer(a, mine, Offset{0});
    QVERIFY(st.message().find("not running") != std::string::npos);
}

void TestConsumerProcessing::pausedPartitionIsNotFetched()
{
    auto cluster = makeCluster(47, 2);
    QVERIFY(cluster);
    const ConsumerId id = addConsumer(*cluster, groupConsumer("c"));
    runFor(*cluster, SimDuration::seconds(12));
    const Consumer &c = consumer(*cluster, id);
    const TopicPartition p0{kTopic, PartitionId{0}};
    const TopicPartition p1{kTopic, PartitionId{1}};
    QVERIFY(cluster->pauseConsumer(id, p0).isOk());
    QCOMPARE(c.paused().size(), std::size_t{1});
    const Offset p0Before = c.position(p0);
    const Offset p1Before = c.position(p1);
    runFor(*cluster, SimDuration::seconds(5));
    QCOMPARE(c.position(p0), p0Before);
    QVERIFY(c.position(p1).value() > p1Before.value() + 40);
    QVERIFY(c.assignment().count(p0)); // still assigned
    QCOMPARE(cluster->group(kGroup)->members.size(), std::size_t{1});
    QVERIFY(cluster->resumeConsumer(id, p0).isOk());
    QVERIFY(c.paused().empty());
    runFor(*cluster, SimDuration::seconds(1));
    QVERIFY(c.position(p0).value() > p0Before.value() + 40); // caught up
    QCOMPARE(journalCount(*cluster, JournalEventKind::ConsumerPaused), std::size_t{1});
    QCOMPARE(journalCount(*cluster, JournalEventKind::ConsumerResumed), std::size_t{1});
}

void TestConsumerProcessing::pauseResumeRejectBadInput()
{
    auto cluster = makeCluster(53, 2);
    QVERIFY(cluster);
    const ConsumerId a = addConsumer(*cluster, groupConsumer("a"));
    addConsumer(*cluster, groupConsumer("b"));
    runFor(*cluster, SimDuration::seconds(12));
    const TopicPartition mine = *consumer(*cluster, a).assignment().begin();
    const TopicPartition other{kTopic, PartitionId{mine.partition.value() == 0 ? 1 : 0}};
    QCOMPARE(cluster->pauseConsumer(ConsumerId{-1}, mine).code(), Status::Code::NotFound);
    QCOMPARE(cluster->resumeConsumer(ConsumerId{7}, mine).code(), Status::Code::NotFound);
    const Status st = cluster->pauseConsumer(a, other);
    QCOMPARE(st.code(), Status::Code::InvalidArgument);
    QVERIFY(st.message().find("not assigned to consumer 0") != std::string::npos);
    QCOMPARE(cluster->resumeConsumer(a, other).code(), Status::Code::InvalidArgument);
    QVERIFY(consumer(*cluster, a).paused().empty());
    // A paused partition that moves to another member is forgotten as paused.
    QVERIFY(cluster->pauseConsumer(a, mine).isOk());
    QVERIFY(cluster->closeConsumer(ConsumerId{1}).isOk());
    runFor(*cluster, SimDuration::seconds(5));
    QCOMPARE(consumer(*cluster, a).assignment().size(), std::size_t{2});
    QVERIFY(consumer(*cluster, a).paused().empty()); // the eager rebalance revoked it first
}

void TestConsumerProcessing::rebalanceCallbacksAreJournalled()
{
    using K = JournalEventKind;
    auto cluster = makeCluster(59);
    QVERIFY(cluster);
    const ConsumerId a = addConsumer(*cluster, groupConsumer("a"));
    QVERIFY(runUntilStable(*cluster, 1));
    runFor(*cluster, SimDuration::seconds(1));
    using Calls = std::vector<std::pair<K, std::int64_t>>;
    QCOMPARE(callbacks(*cluster, a), (Calls{{K::PartitionsAssigned, 6}}));
    const ConsumerId b = addConsumer(*cluster, groupConsumer("b"));
    runFor(*cluster, SimDuration::seconds(8));
    // Eager range: everything revoked, then half assigned back.
    QCOMPARE(callbacks(*cluster, a), (Calls{{K::PartitionsAssigned, 6}, {K::PartitionsRevoked, 6}, {K::PartitionsAssigned, 3}}));
    QCOMPARE(callbacks(*cluster, b), (Calls{{K::PartitionsAssigned, 3}}));
    // Cut off from the brokers, b is removed at its session timeout; when it is back it learns it
    // was fenced and loses its partitions.
    cluster->network().partition({Cluster::consumerNode(b)}, {0, 1, 2});
    runFor(*cluster, SimDuration::seconds(50));
    cluster->network().heal();
    runFor(*cluster, SimDuration::seconds(20));
    const Calls bCalls = callbacks(*cluster, b);
    QVERIFY(bCalls.size() >= 3);
    QCOMPARE(bCalls[1], (std::pair<K, std::int64_t>{K::PartitionsLost, 3}));
    // Described for a timeline.
    for (const JournalEvent &e : cluster->journal().events())
        if (e.kind == K::PartitionsLost)
            QCOMPARE(describeJournalEvent(e), std::string("consumer b [orders-3,orders-4,orders-5]: onPartitionsLost"));
}

void TestConsumerProcessing::cooperativeRevokesOnlyWhatMoves()
{
    using K = JournalEventKind;
    auto cluster = makeCluster(61);
    QVERIFY(cluster);
    ConsumerConfig config = groupConsumer("a");
    config.assignors = {"cooperative-sticky"};
    const ConsumerId a = addConsumer(*cluster, config);
    QVERIFY(runUntilStable(*cluster, 1));
    runFor(*cluster, SimDuration::seconds(1));
    config.clientId = "b";
    const ConsumerId b = addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::seconds(10));
    using Calls = std::vector<std::pair<K, std::int64_t>>;
    // First rebalance: a keeps 3 and revokes 3 (nothing new); second: b gets the 3.
    QCOMPARE(callbacks(*cluster, a),
             (Calls{{K::PartitionsAssigned, 6}, {K::PartitionsRevoked, 3}, {K::PartitionsAssigned, 0}, {K::PartitionsAssigned, 0}}));
    QCOMPARE(callbacks(*cluster, b), (Calls{{K::PartitionsAssigned, 0}, {K::PartitionsAssigned, 3}}));
}

void TestConsumerProcessing::offsetControlIsReplayed()
{
    auto cluster = makeCluster(67, 2);
    QVERIFY(cluster);
    const ConsumerId id = addConsumer(*cluster, groupConsumer("c"));
    runFor(*cluster, SimDuration::seconds(12));
    const TopicPartition p0{kTopic, PartitionId{0}};
    QVERIFY(cluster->seekConsumer(id, p0, Offset{3}).isOk());
    QVERIFY(cluster->pauseConsumer(id, TopicPartition{kTopic, PartitionId{1}}).isOk());
    runFor(*cluster, SimDuration::seconds(3));
    QVERIFY(cluster->resumeConsumer(id, TopicPartition{kTopic, PartitionId{1}}).isOk());
    runFor(*cluster, SimDuration::seconds(3));
    auto restored = Cluster::restore(cluster->snapshot());
    QVERIFY2(restored.isOk(), restored.status().message().c_str());
    QCOMPARE(restored.value()->stateHash().value(), cluster->stateHash().value());
}

void TestConsumerProcessing::lagOfASlowGroup()
{
    // One partition, 60 records/s in, 20 records/s processed (50 ms each, in the poll loop).
    auto cluster = makeCluster(71, 1);
    QVERIFY(cluster);
    ConsumerConfig config = groupConsumer("slow");
    config.processingTimePerRecord = SimDuration::millis(50);
    config.maxPollRecords = 20;
    addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::seconds(40));
    const TopicPartition tp{kTopic, PartitionId{0}};
    const auto lags = groupLag(*cluster, kGroup);
    QCOMPARE(lags.size(), std::size_t{1});
    const PartitionLag &lag = lags.at(tp);
    const PartitionState &state = cluster->topic(kTopic)->state(PartitionId{0});
    const std::int64_t committed = cluster->group(kGroup)->offsets.at(tp).offset.value();
    QCOMPARE(lag.committed.value_or(-1), committed);
    QCOMPARE(lag.highWatermark, state.highWatermark());
    QCOMPARE(lag.logEndOffset, state.visibleLog().logEndOffset());
    QCOMPARE(lag.committedLag.value_or(-1), state.highWatermark() - committed);
    QCOMPARE(lag.committedLagToLogEnd.value_or(-1), lag.logEndOffset - committed);
    QVERIFY(*lag.committedLag > 500); // ~40 records/s more in than out for ~35 s
    const std::int64_t position = consumer(*cluster, ConsumerId{0}).position(tp).value();
    QCOMPARE(lag.position.value_or(-1), position);
    QCOMPARE(lag.positionLag.value_or(-1), state.highWatermark() - position);
    // Time lag: the age of the record at the committed offset.
    const auto records = state.visibleLog().readRecords(committed, 1);
    QVERIFY(records.isOk() && !records.value().empty());
    QCOMPARE(lag.committedTimeLag.value_or(SimDuration{}).millis(), cluster->clockMs() - records.value().front().timestampMs);
    QVERIFY(lag.committedTimeLag->millis() > 10000);
    QVERIFY(lag.positionTimeLag.value() < *lag.committedTimeLag);
    // 20 records/s over the last 10 s, and the drain time at that rate.
    QVERIFY(std::abs(lag.processingRate - 20.0) <= 0.5);
    QVERIFY(lag.timeToDrain);
    QVERIFY(std::abs(lag.timeToDrain->secondsF() - static_cast<double>(*lag.committedLag) / lag.processingRate) < 0.001);
    const GroupLagTotals totals = totalLag(lags);
    QCOMPARE(totals.committedLag, *lag.committedLag);
    QCOMPARE(totals.maxCommittedTimeLag, *lag.committedTimeLag);
    QCOMPARE(totals.timeToDrain, lag.timeToDrain);
}

void TestConsumerProcessing::lagWhenCaughtUpAndWhenStalled()
{
    auto cluster = std::make_unique<Cluster>(73);
    QVERIFY(cluster->createTopic(kTopic, 1).isOk());
    const ConsumerId id = addConsumer(*cluster, groupConsumer("c"));
    for (int i = 0; i < 20; ++i)
        QVERIFY(cluster->produce(kTopic, std::nullopt, "v" + std::to_string(i)).isOk());
    runFor(*cluster, SimDuration::seconds(20)); // joined, read all 20, committed
    const TopicPartition tp{kTopic, PartitionId{0}};
    PartitionLag lag = groupLag(*cluster, kGroup).at(tp);
    QCOMPARE(lag.highWatermark, std::int64_t{20});
    QCOMPARE(lag.committed.value_or(-1), std::int64_t{20});
    QCOMPARE(lag.committedLag.value_or(-1), std::int64_t{0});
    QCOMPARE(lag.committedTimeLag.value_or(SimDuration::seconds(1)), SimDuration{});
    QCOMPARE(lag.positionTimeLag.value_or(SimDuration::seconds(1)), SimDuration{});
    QCOMPARE(lag.processingRate, 0.0); // nothing processed in the last 10 s
    QCOMPARE(lag.timeToDrain.value_or(SimDuration::seconds(1)), SimDuration{}); // caught up: nothing to drain

    // Paused, new records pile up: lag, and with no processing no drain time ("never").
    QVERIFY(cluster->pauseConsumer(id, tp).isOk());
    for (int i = 0; i < 5; ++i)
        QVERIFY(cluster->produce(kTopic, std::nullopt, "w" + std::to_string(i)).isOk());
    runFor(*cluster, SimDuration::seconds(3));
    lag = groupLag(*cluster, kGroup).at(tp);
    QCOMPARE(lag.committedLag.value_or(-1), std::int64_t{5});
    QCOMPARE(lag.positionLag.value_or(-1), std::int64_t{5});
    QVERIFY(lag.committedTimeLag.value() >= SimDuration::seconds(2));
    QVERIFY(!lag.timeToDrain);
    QVERIFY(!totalLag(groupLag(*cluster, kGroup)).timeToDrain);
    // Unknown group: nothing.
    QVERIFY(groupLag(*cluster, "nobody").empty());
}

void TestConsumerProcessing::reportHasLag()
{
    auto cluster = makeCluster(79, 1);
    QVERIFY(cluster);
    ConsumerConfig config = groupConsumer("slow");
    config.processingTimePerRecord = SimDuration::millis(50);
    config.maxPollRecords = 20;
    addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::seconds(30));
    const QJsonObject report = QJsonDocument::fromJson(QByteArray::fromStdString(clusterReportJson(*cluster, "v"))).object();
    const QJsonObject g = report.value("groups").toArray().at(0).toObject();
    const PartitionLag lag = groupLag(*cluster, kGroup).at(TopicPartition{kTopic, PartitionId{0}});
    const QJsonObject l = g.value("lag").toArray().at(0).toObject();
    QCOMPARE(l.value("records").toInteger(), *lag.committedLag);
    QCOMPARE(l.value("records_to_log_end").toInteger(), *lag.committedLagToLogEnd);
    QCOMPARE(l.value("records_behind_position").toInteger(), *lag.positionLag);
    QCOMPARE(l.value("time_ms").toInteger(), lag.committedTimeLag->millis());
    QCOMPARE(l.value("time_to_drain_ms").toInteger(), lag.timeToDrain->millis());
    QCOMPARE(l.value("processing_rate").toDouble(), lag.processingRate);
    const QJsonObject t = g.value("lag_total").toObject();
    QCOMPARE(t.value("records").toInteger(), *lag.committedLag);
    QCOMPARE(t.value("max_time_ms").toInteger(), lag.committedTimeLag->millis());
    const QJsonObject c = report.value("consumers").toArray().at(0).toObject().value("positions").toArray().at(0).toObject();
    QCOMPARE(c.value("lag_high_watermark").toInteger(), *lag.positionLag);
    QCOMPARE(c.value("lag_time_ms").toInteger(), lag.positionTimeLag->millis());
}

void TestConsumerProcessing::steppedRunEqualsOneCall()
{
    // STYLE.md §3 with processing, the heartbeat thread, poll timeouts and manual commits.
    const auto build = [] {
        auto cluster = makeCluster(83);
        ConsumerConfig slow = groupConsumer("slow");
        slow.processingTimePerRecord = SimDuration::millis(700);
        slow.maxPollIntervalMs = 10000;
        slow.maxPollRecords = 20;
        addConsumer(*cluster, slow);
        ConsumerConfig manual = groupConsumer("manual");
        manual.enableAutoCommit = false;
        manual.manualCommit = ConsumerConfig::ManualCommit::SyncAfterProcessing;
        manual.processingTimePerRecord = SimDuration::millis(5);
        addConsumer(*cluster, manual);
        ConsumerConfig handOff = groupConsumer("hand-off");
        handOff.processing = ConsumerConfig::Processing::HandOff;
        handOff.processingTimePerRecord = SimDuration::millis(30);
        addConsumer(*cluster, handOff);
        return cluster;
    };
    const SimTime end = SimTime::fromMillis(90000);
    auto once = build();
    once->runUntil(end);
    auto stepped = build();
    for (int i = 1; i <= 900; ++i)
        stepped->runUntil(SimTime::fromMicros(end.micros() * i / 900));
    QCOMPARE(stepped->stateHash().hex(), once->stateHash().hex());
    QVERIFY(consumer(*once, ConsumerId{0}).pollTimeouts() > 0); // the run did what it is meant to
    const DeliveryCounts a = delivery(*once);
    const DeliveryCounts b = delivery(*stepped);
    QCOMPARE(a.processed, b.processed);
    QCOMPARE(a.processedMoreThanOnce, b.processedMoreThanOnce);
    QCOMPARE(a.neverProcessed, b.neverProcessed);
    QCOMPARE(clusterReportJson(*once, "v"), clusterReportJson(*stepped, "v"));
}

void TestConsumerProcessing::manualCommitNeverGoesBackOnReassignment()
{
    // A partition a member gave up and gets back: its application's commits start from what the
    // group committed meanwhile, not from what it processed before.
    auto cluster = makeCluster(89);
    QVERIFY(cluster);
    ConsumerConfig config = groupConsumer("a");
    config.enableAutoCommit = false;
    config.manualCommit = ConsumerConfig::ManualCommit::SyncAfterProcessing;
    config.assignors = {"cooperative-sticky"};
    const ConsumerId a = addConsumer(*cluster, config);
    QVERIFY(runUntilStable(*cluster, 1));
    runFor(*cluster, SimDuration::seconds(5));
    config.clientId = "b";
    const ConsumerId b = addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::seconds(20));
    QCOMPARE(consumer(*cluster, b).assignment().size(), std::size_t{3});
    const std::set<TopicPartition> moved = consumer(*cluster, b).assignment();
    QVERIFY(cluster->closeConsumer(b).isOk());
    runFor(*cluster, SimDuration::millis(500));
    const auto atClose = cluster->group(kGroup);
    QVERIFY(atClose);
    std::map<TopicPartition, std::int64_t> committedAtClose;
    for (const TopicPartition &tp : moved)
        committedAtClose[tp] = atClose->offsets.at(tp).offset.value();
    // Watch every commit from now on.
    for (int i = 0; i < 100; ++i) {
        runFor(*cluster, SimDuration::millis(100));
        const auto g = cluster->group(kGroup);
        QVERIFY(g);
        for (const TopicPartition &tp : moved)
            QVERIFY(g->offsets.at(tp).offset.value() >= committedAtClose[tp]);
    }
    QCOMPARE(consumer(*cluster, a).assignment().size(), std::size_t{6});
    QCOMPARE(delivery(*cluster).neverProcessed, std::uint64_t{0});
    QCOMPARE(delivery(*cluster).processedMoreThanOnce, std::uint64_t{0}); // clean hand-overs
}

namespace {
// Records below the high watermark the consumer's application has not processed yet, over its
// assigned partitions.
std::int64_t unprocessed(const Cluster &cluster, const Consumer &c)
{
    std::int64_t n = 0;
    for (const TopicPartition &tp : c.assignment()) {
        const auto it = c.processedPositions().find(tp);
        n += cluster.topic(tp.topic)->state(tp.partition).highWatermark() - (it == c.processedPositions().end() ? 0 : it->second.value());
    }
    return n;
}
} // namespace

void TestConsumerProcessing::slowedConsumerFallsBehindAndCatchesUp_data()
{
    QTest::addColumn<int>("processing");
    QTest::addRow("poll-loop") << static_cast<int>(ConsumerConfig::Processing::InPollLoop);
    QTest::addRow("hand-off") << static_cast<int>(ConsumerConfig::Processing::HandOff);
}

void TestConsumerProcessing::slowedConsumerFallsBehindAndCatchesUp()
{
    QFETCH(int, processing);
    // 60 records/s over two partitions; the application keeps up until it takes 50 ms a record
    // (20 records/s), then falls 40 records/s behind; at 0 ms again it catches up.
    auto cluster = makeCluster(83, 2);
    QVERIFY(cluster);
    ConsumerConfig config = groupConsumer("c");
    config.processing = static_cast<ConsumerConfig::Processing>(processing);
    config.maxPollRecords = 50;
    const ConsumerId id = addConsumer(*cluster, config);
    QVERIFY(runUntilStable(*cluster, 1));
    runFor(*cluster, SimDuration::seconds(3));
    const Consumer &c = consumer(*cluster, id);
    const std::int64_t keepingUp = unprocessed(*cluster, c);
    QVERIFY2(keepingUp < 30, qPrintable(QString::number(keepingUp)));

    QVERIFY(cluster->setConsumerProcessingTime(id, SimDuration::millis(50)).isOk());
    QCOMPARE(c.config().processingTimePerRecord, SimDuration::millis(50));
    QCOMPARE(journalCount(*cluster, JournalEventKind::ConsumerProcessingTimeChanged), std::size_t{1});
    QCOMPARE(cluster->journal().events().back().count, std::int64_t{50000});
    runFor(*cluster, SimDuration::seconds(10));
    const std::int64_t behind = unprocessed(*cluster, c);
    QVERIFY2(behind > 300, qPrintable(QString::number(behind))); // about 400
    QVERIFY(c.isRunning());

    QVERIFY(cluster->setConsumerProcessingTime(id, SimDuration{}).isOk());
    runFor(*cluster, SimDuration::seconds(6)); // the poll in hand (at most 50 records, 2.5 s) first
    const std::int64_t drained = unprocessed(*cluster, c);
    QVERIFY2(drained < 30, qPrintable(QString::number(drained)));
    QCOMPARE(cluster->group(kGroup)->members.size(), std::size_t{1}); // never left the group
}

void TestConsumerProcessing::processingTimeChangeRejectsBadInput()
{
    auto cluster = makeCluster(89, 2);
    QVERIFY(cluster);
    const ConsumerId id = addConsumer(*cluster, groupConsumer("c"));
    runFor(*cluster, SimDuration::seconds(2));
    const std::size_t events = cluster->journal().totalEvents();
    Status st = cluster->setConsumerProcessingTime(ConsumerId{42}, SimDuration::millis(5));
    QCOMPARE(st.code(), Status::Code::NotFound);
    QVERIFY(st.message().find("no consumer 42") != std::string::npos);
    st = cluster->setConsumerProcessingTime(id, SimDuration::millis(-1));
    QCOMPARE(st.code(), Status::Code::InvalidArgument);
    QVERIFY(st.message().find("negative processing time") != std::string::npos);
    QCOMPARE(consumer(*cluster, id).config().processingTimePerRecord, SimDuration{});
    QCOMPARE(cluster->journal().totalEvents(), events);
    QVERIFY(cluster->crashConsumer(id).isOk());
    st = cluster->setConsumerProcessingTime(id, SimDuration::millis(5));
    QCOMPARE(st.code(), Status::Code::InvalidArgument);
    QVERIFY(st.message().find("not running") != std::string::npos);
}

void TestConsumerProcessing::processingTimeChangeIsReplayed()
{
    auto cluster = makeCluster(97, 2);
    QVERIFY(cluster);
    ConsumerConfig config = groupConsumer("c");
    config.processing = ConsumerConfig::Processing::HandOff;
    const ConsumerId id = addConsumer(*cluster, config);
    runFor(*cluster, SimDuration::seconds(12));
    const SimTime before = cluster->now();
    QVERIFY(cluster->setConsumerProcessingTime(id, SimDuration::millis(30)).isOk());
    runFor(*cluster, SimDuration::seconds(4));
    QVERIFY(cluster->setConsumerProcessingTime(id, SimDuration::millis(2)).isOk());
    runFor(*cluster, SimDuration::seconds(4));
    auto restored = Cluster::restore(cluster->snapshot()); // checks the state hash and journal digest
    QVERIFY2(restored.isOk(), restored.status().message().c_str());
    QCOMPARE(consumer(*restored.value(), id).config().processingTimePerRecord, SimDuration::millis(2));
    QCOMPARE(consumer(*restored.value(), id).recordsProcessed(), consumer(*cluster, id).recordsProcessed());
    auto earlier = Cluster::restore(cluster->snapshot(), before - SimDuration::millis(500));
    QVERIFY(earlier.isOk());
    QCOMPARE(consumer(*earlier.value(), id).config().processingTimePerRecord, SimDuration{});
}

QTEST_APPLESS_MAIN(TestConsumerProcessing)
#include "tst_consumerprocessing.moc"
