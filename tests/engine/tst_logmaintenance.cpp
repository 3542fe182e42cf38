// The log manager's periodic tasks on a running cluster: retention every
// log.retention.check.interval.ms deletes segments past retention.ms / retention.bytes on every
// live replica (journalled, never past the high watermark), and the cleaner compacts topics with
// cleanup.policy compact every log.cleaner.backoff.ms.
#include "cluster/cluster.h"
#include "cluster_fixtures.h"

#include <QtTest>

using namespace kafkascope;
using kafkascope::testing::journalled;

class TestLogMaintenance : public QObject
{
    Q_OBJECT

private slots:
    void retention_data();
    void retention();
    void cleanerCompactsKeyedTopics();
};

namespace {

std::unique_ptr<Cluster> clusterWith(const TopicSettings &settings, std::vector<std::string> keys)
{
    auto cluster = std::make_unique<Cluster>(3);
    cluster->addBroker();
    cluster->addBroker();
    if (!cluster->createTopic("events", 1, settings).isOk())
        return nullptr;
    ProducerConfig p;
    p.clientId = "p";
    p.topic = "events";
    p.rate = RateModel::fixedInterval(20).value();
    p.values = ValueGenerator::fixedSize(100).value();
    if (!keys.empty())
        p.keys = KeyDistribution::uniform(std::move(keys)).value();
    if (!cluster->addProducer(p).isOk())
        return nullptr;
    return cluster;
}

} // namespace

void TestLogMaintenance::retention_data()
{
    QTest::addColumn<qint64>("retentionMs");
    QTest::addColumn<qint64>("retentionBytes");
    QTest::addColumn<qint64>("runMs");
    QTest::addColumn<bool>("deletes");
    // 20 records/s of ~170 bytes; 4 KiB segments roll every ~1.2 s.
    QTest::newRow("time: past retention.ms at the 5 min check") << qint64(60000) << qint64(-1) << qint64(310000) << true;
    QTest::newRow("time: before the first check nothing goes") << qint64(60000) << qint64(-1) << qint64(290000) << false;
    QTest::newRow("time: retention longer than the run") << qint64(3600000) << qint64(-1) << qint64(310000) << false;
    QTest::newRow("size: over retention.bytes") << qint64(-1) << qint64(20000) << qint64(310000) << true;
    QTest::newRow("forever") << qint64(-1) << qint64(-1) << qint64(310000) << false;
}

void TestLogMaintenance::retention()
{
    QFETCH(qint64, retentionMs);
    QFETCH(qint64, retentionBytes);
    QFETCH(qint64, runMs);
    QFETCH(bool, deletes);
    TopicSettings settings;
    settings.replicationFactor = 3;
    settings.log.segmentBytes = 4096;
    settings.log.retentionMs = retentionMs;
    settings.log.retentionBytes = retentionBytes;
    auto cluster = clusterWith(settings, {});
    QVERIFY(cluster);
    cluster->runUntil(SimTime::fromMillis(runMs));
    const PartitionState &state = cluster->topic("events")->state(PartitionId{0});
    for (const auto &[b, replica] : state.replicas) {
        const std::int64_t start = replica.log->logStartOffset();
        QCOMPARE(start > 0, deletes);
        QVERIFY(start <= replica.highWatermark); // never past what consumers may read
        QVERIFY(replica.log->logEndOffset() > 5000);
    }
    QCOMPARE(journalled(*cluster, JournalEventKind::LogSegmentsDeleted) > 0, deletes);
    if (deletes && retentionMs > 0) {
        // What the check at 300 s kept was younger than retention.ms then, give or take the
        // segment that straddles the limit (about 1.2 s of records).
        const auto records = state.visibleLog().readRecords(state.visibleLog().logStartOffset(), 1);
        QVERIFY(records.isOk() && !records.value().empty());
        const std::int64_t ageAtCheck = cluster->clockMs() - (runMs - 300000) - records.value().front().timestampMs;
        QVERIFY(ageAtCheck <= retentionMs + 2000);
        QVERIFY(ageAtCheck > retentionMs - 2000); // and no more than that went
    }
}

void TestLogMaintenance::cleanerCompactsKeyedTopics()
{
    TopicSettings settings;
    settings.replicationFactor = 3;
    settings.log.segmentBytes = 4096;
    settings.log.cleanupPolicy = CleanupPolicy::Compact;
    auto cluster = clusterWith(settings, {"a", "b", "c"});
    QVERIFY(cluster);
    cluster->runUntil(SimTime::fromMillis(14000));
    QCOMPARE(journalled(*cluster, JournalEventKind::LogCompacted), std::size_t{0}); // the first run is at 15 s
    cluster->runUntil(SimTime::fromMillis(31000));
    QVERIFY(journalled(*cluster, JournalEventKind::LogCompacted) >= 3); // every replica
    const PartitionLog &log = cluster->topic("events")->state(PartitionId{0}).visibleLog();
    const auto all = log.readRecords(log.logStartOffset(), 100000);
    QVERIFY(all.isOk());
    // Offsets are kept; far fewer records than offsets remain (3 keys in the cleaned segments).
    QVERIFY(static_cast<std::int64_t>(all.value().size()) < log.logEndOffset() / 2);
    QCOMPARE(log.logStartOffset(), std::int64_t{0});
}

QTEST_APPLESS_MAIN(TestLogMaintenance)
#include "tst_logmaintenance.moc"
