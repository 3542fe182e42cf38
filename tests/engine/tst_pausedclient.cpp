// The paused-client fault (Cluster::pauseProducerProcess / pauseConsumerProcess): a frozen
// process runs nothing and receives nothing until it resumes; then everything it missed happens.
#include "cluster/cluster.h"
#include "cluster/report.h"
#include "cluster_fixtures.h"
#include "group/group_coordinator.h"
#include "scenario/scenario.h"
#include "scenario/scenario_runner.h"
#include "scenario/scenario_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <memory>
#include <string>

using namespace kafkascope;
using kafkascope::testing::addGroupMembers;
using kafkascope::testing::journalled;
using kafkascope::testing::makeOrdersCluster;

namespace {

std::size_t memberCount(const Cluster &cluster, const std::string &group)
{
    const auto g = cluster.group(group);
    return g ? g->members.size() : 0;
}

std::int32_t generationOf(const Cluster &cluster, const std::string &group)
{
    const auto g = cluster.group(group);
    return g ? g->generationId : -1;
}

} // namespace

class TestPausedClient : public QObject
{
    Q_OBJECT

private slots:
    void consumerPause_data();
    void consumerPause();
    void producerPauseHoldsSendsAndAnswers();
    void producerPausedPastDeliveryTimeoutExpiresItsBatches();
    void refusals();
    void crashingAPausedConsumerStopsIt();
    void pauseReplaysToTheSameState();
    void scenarioParses_data();
    void scenarioParses();
    void scenarioErrors_data();
    void scenarioErrors();
    void scenarioRunsAndRoundTrips();
    void reportSaysWhoIsPaused();
};

void TestPausedClient::consumerPause_data()
{
    QTest::addColumn<int>("pauseSeconds");
    QTest::addColumn<bool>("removedFromGroup");
    // session.timeout.ms is 45 s: a shorter freeze goes unnoticed by the coordinator.
    QTest::newRow("10 s: still a member") << 10 << false;
    QTest::newRow("40 s: still a member") << 40 << false;
    // A longer one: the coordinator removes the member and rebalances; on waking up the member
    // learns it from its next heartbeat, loses its partitions and joins again.
    QTest::newRow("60 s: removed, rejoins") << 60 << true;
}

void TestPausedClient::consumerPause()
{
    QFETCH(int, pauseSeconds);
    QFETCH(bool, removedFromGroup);
    auto cluster = makeOrdersCluster();
    QVERIFY(cluster);
    QVERIFY(addGroupMembers(*cluster, "orders", "billing", 2));
    cluster->runUntil(SimTime::fromMillis(1000 * (20)));
    QCOMPARE(memberCount(*cluster, "billing"), std::size_t{2});
    const std::int32_t generationBefore = generationOf(*cluster, "billing");
    const Consumer &frozen = *cluster->consumers()[0];
    QVERIFY(!frozen.assignment().empty());

    QVERIFY(cluster->pauseConsumerProcess(ConsumerId{0}, SimDuration::seconds(pauseSeconds)).isOk());
    QVERIFY(cluster->isConsumerProcessPaused(ConsumerId{0}));
    QCOMPARE(cluster->consumerProcessResumesAt(ConsumerId{0}), SimTime::fromMillis(1000 * (20 + pauseSeconds)));
    const std::uint64_t processedAtPause = frozen.recordsProcessed();
    const std::uint64_t fetchesAtPause = frozen.fetchRequestsSent();

    // Just before it wakes up: it has done nothing, and the group saw what it should.
    cluster->runUntil(SimTime::fromMillis(1000 * (20 + pauseSeconds)) - SimDuration::millis(1));
    QVERIFY(cluster->isConsumerProcessPaused(ConsumerId{0}));
    QCOMPARE(frozen.recordsProcessed(), processedAtPause);
    QCOMPARE(frozen.fetchRequestsSent(), fetchesAtPause);
    QCOMPARE(memberCount(*cluster, "billing"), static_cast<std::size_t>(removedFromGroup ? 1 : 2));
    if (removedFromGroup) // the other member took over every partition
        QCOMPARE(cluster->consumers()[1]->assignment().size(), std::size_t{6});

    // It wakes up by itself and catches up.
    cluster->runUntil(SimTime::fromMillis(1000 * (20 + pauseSeconds + 30)));
    QVERIFY(!cluster->isConsumerProcessPaused(ConsumerId{0}));
    QVERIFY(!cluster->consumerProcessResumesAt(ConsumerId{0}));
    QVERIFY(frozen.recordsProcessed() > processedAtPause);
    QCOMPARE(memberCount(*cluster, "billing"), std::size_t{2});
    QVERIFY(!frozen.assignment().empty());
    QCOMPARE(frozen.partitionsLost() > 0, removedFromGroup);
    if (removedFromGroup)
        QVERIFY(generationOf(*cluster, "billing") >= generationBefore + 2); // removed, then back
    else
        QCOMPARE(generationOf(*cluster, "billing"), generationBefore);
    QCOMPARE(journalled(*cluster, JournalEventKind::ClientProcessPaused), std::size_t{1});
    QCOMPARE(journalled(*cluster, JournalEventKind::ClientProcessResumed), std::size_t{1});
}

void TestPausedClient::producerPauseHoldsSendsAndAnswers()
{
    auto cluster = makeOrdersCluster(); // 60 records/s
    QVERIFY(cluster);
    cluster->runUntil(SimTime::fromMillis(1000 * (5)));
    const Producer &producer = *cluster->producers()[0];
    QVERIFY(cluster->pauseProducerProcess(ProducerId{0}).isOk());
    // Its last request is answered while it is frozen; the answer waits.
    const std::uint64_t sentAtPause = producer.recordsSent();
    const std::uint64_t ackedAtPause = producer.recordsAcknowledged();
    cluster->runUntil(SimTime::fromMillis(1000 * (15)));
    QCOMPARE(producer.recordsSent(), sentAtPause);
    QCOMPARE(producer.recordsAcknowledged(), ackedAtPause);
    QVERIFY(!cluster->producerProcessResumesAt(ProducerId{0})); // until resumed

    QVERIFY(cluster->resumeProducerProcess(ProducerId{0}).isOk());
    cluster->runUntil(SimTime::fromMillis(1000 * (20)));
    QVERIFY(producer.recordsSent() > sentAtPause);
    QVERIFY(producer.recordsAcknowledged() > ackedAtPause);
    QCOMPARE(producer.recordsFailed(), std::uint64_t{0}); // 10 s is well within delivery.timeout.ms
    // Nothing was written twice, nothing lost.
    for (const auto &[topic, counts] : cluster->durability()) {
        QCOMPARE(counts.lost, std::uint64_t{0});
        QCOMPARE(counts.duplicates, std::uint64_t{0});
    }
}

void TestPausedClient::producerPausedPastDeliveryTimeoutExpiresItsBatches()
{
    // A producer frozen with records in its accumulator, for longer than delivery.timeout.ms
    // (120 s): when it wakes up, those records have expired and fail; later ones go through.
    auto cluster = makeOrdersCluster();
    QVERIFY(cluster);
    cluster->runUntil(SimTime::fromMillis(1000 * (5)));
    // The producer sends one record every 1/60 s and lingers 5 ms: pause it right after a send,
    // while that record waits in its batch.
    const Producer &producer = *cluster->producers()[0];
    const std::uint64_t sent = producer.recordsSent();
    while (producer.recordsSent() == sent)
        cluster->runUntil(cluster->now() + SimDuration::micros(100));
    QVERIFY(cluster->pauseProducerProcess(ProducerId{0}, SimDuration::seconds(150)).isOk());
    cluster->runUntil(SimTime::fromMillis(1000 * (200)));
    QVERIFY(producer.recordsFailed() >= 1);
    QVERIFY(producer.recordsAcknowledged() > sent);
}

void TestPausedClient::refusals()
{
    auto cluster = makeOrdersCluster();
    QVERIFY(cluster);
    QVERIFY(addGroupMembers(*cluster, "orders", "billing", 1));
    cluster->runUntil(SimTime::fromMillis(1000 * (10)));
    const std::uint64_t digest = cluster->journal().digest();

    auto expectError = [&](const Status &st, const char *needle) {
        QVERIFY2(!st.isOk(), needle);
        QVERIFY2(st.message().find(needle) != std::string::npos, st.message().c_str());
    };
    expectError(cluster->pauseProducerProcess(ProducerId{7}), "no producer 7");
    expectError(cluster->pauseConsumerProcess(ConsumerId{3}), "no consumer 3");
    expectError(cluster->pauseConsumerProcess(ConsumerId{0}, SimDuration{}), "positive");
    expectError(cluster->pauseProducerProcess(ProducerId{0}, SimDuration::millis(-5)), "positive");
    expectError(cluster->resumeConsumerProcess(ConsumerId{0}), "is not paused");
    expectError(cluster->resumeProducerProcess(ProducerId{0}), "is not paused");
    QCOMPARE(cluster->journal().digest(), digest); // nothing changed

    QVERIFY(cluster->pauseConsumerProcess(ConsumerId{0}).isOk());
    expectError(cluster->pauseConsumerProcess(ConsumerId{0}), "already paused");
    // The application is frozen too: it cannot close, seek or change its processing time.
    expectError(cluster->closeConsumer(ConsumerId{0}), "paused");
    const TopicPartition tp{"orders", PartitionId{0}};
    expectError(cluster->seekConsumer(ConsumerId{0}, tp, Offset{0}), "paused");
    expectError(cluster->setConsumerProcessingTime(ConsumerId{0}, SimDuration::millis(1)), "paused");
    QVERIFY(cluster->consumers()[0]->isRunning());
    QVERIFY(cluster->resumeConsumerProcess(ConsumerId{0}).isOk());
    QVERIFY(cluster->closeConsumer(ConsumerId{0}).isOk());
    cluster->runUntil(cluster->now() + SimDuration::seconds(5)); // it commits and leaves
    QVERIFY(!cluster->consumers()[0]->isRunning());
    expectError(cluster->pauseConsumerProcess(ConsumerId{0}), "not running");
}

void TestPausedClient::crashingAPausedConsumerStopsIt()
{
    auto cluster = makeOrdersCluster();
    QVERIFY(cluster);
    QVERIFY(addGroupMembers(*cluster, "orders", "billing", 2));
    cluster->runUntil(SimTime::fromMillis(1000 * (20)));
    QVERIFY(cluster->pauseConsumerProcess(ConsumerId{0}, SimDuration::seconds(30)).isOk());
    cluster->runUntil(SimTime::fromMillis(1000 * (25)));
    QVERIFY(cluster->crashConsumer(ConsumerId{0}).isOk());
    QVERIFY(!cluster->isConsumerProcessPaused(ConsumerId{0}));
    QVERIFY(!cluster->consumers()[0]->isRunning());
    const std::uint64_t processed = cluster->consumers()[0]->recordsProcessed();
    // The timed resume finds nothing to resume; the group drops the member after its session.
    cluster->runUntil(SimTime::fromMillis(1000 * (90)));
    QCOMPARE(cluster->consumers()[0]->recordsProcessed(), processed);
    QCOMPARE(journalled(*cluster, JournalEventKind::ClientProcessResumed), std::size_t{0});
    QCOMPARE(memberCount(*cluster, "billing"), std::size_t{1});
}

void TestPausedClient::pauseReplaysToTheSameState()
{
    auto cluster = makeOrdersCluster();
    QVERIFY(cluster);
    QVERIFY(addGroupMembers(*cluster, "orders", "billing", 2));
    cluster->runUntil(SimTime::fromMillis(1000 * (10)));
    QVERIFY(cluster->pauseConsumerProcess(ConsumerId{1}, SimDuration::seconds(50)).isOk());
    cluster->runUntil(SimTime::fromMillis(1000 * (12)));
    QVERIFY(cluster->pauseProducerProcess(ProducerId{0}).isOk());
    cluster->runUntil(SimTime::fromMillis(1000 * (20)));
    QVERIFY(cluster->resumeProducerProcess(ProducerId{0}).isOk());
    cluster->runUntil(SimTime::fromMillis(1000 * (80)));
    auto restored = Cluster::restore(cluster->snapshot());
    QVERIFY2(restored.isOk(), restored.status().message().c_str());
    QCOMPARE(restored.value()->stateHash().value(), cluster->stateHash().value());
    // And halfway, while the consumer is still frozen.
    auto halfway = Cluster::restore(cluster->snapshot(), SimTime::fromMillis(1000 * (30)));
    QVERIFY(halfway.isOk());
    QVERIFY(halfway.value()->isConsumerProcessPaused(ConsumerId{1}));
    QVERIFY(!halfway.value()->isProducerProcessPaused(ProducerId{0}));
}

namespace {

const char *kHead = "{\"kafkascope\": 1, \"title\": \"t\", \"cluster\": {\"brokers\": 3},\n\"timeline\": [";

} // namespace

void TestPausedClient::scenarioParses_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("pause");
    QTest::addColumn<bool>("producer");
    QTest::addColumn<QString>("client");
    QTest::addColumn<qint64>("durationUs"); // -1: until resumed
    QTest::newRow("consumer for 50s") << R"({"at": "1s", "do": "pauseClient", "consumer": "c1", "duration": "50s"})" << true
                                      << false << "c1" << qint64{50'000'000};
    QTest::newRow("producer until resumed") << R"({"at": "1s", "do": "pauseClient", "producer": "p"})" << true << true << "p"
                                            << qint64{-1};
    QTest::newRow("resume consumer") << R"({"at": "1s", "do": "resumeClient", "consumer": "c1"})" << false << false << "c1"
                                     << qint64{-1};
    QTest::newRow("resume producer") << R"({"at": "1s", "do": "resumeClient", "producer": "p"})" << false << true << "p"
                                     << qint64{-1};
}

void TestPausedClient::scenarioParses()
{
    QFETCH(QString, action);
    QFETCH(bool, pause);
    QFETCH(bool, producer);
    QFETCH(QString, client);
    QFETCH(qint64, durationUs);
    const auto r = parseScenario(std::string(kHead) + action.toStdString() + "]}");
    QVERIFY2(r.scenario, r.errors.empty() ? "no scenario" : r.errors.front().format("x.json").c_str());
    QVERIFY(r.warnings.empty());
    QCOMPARE(r.scenario->timeline.size(), std::size_t{1});
    const ScenarioAction &a = r.scenario->timeline.front();
    QCOMPARE(a.kind, pause ? ScenarioAction::Kind::PauseClient : ScenarioAction::Kind::ResumeClient);
    QCOMPARE(a.clientIsProducer, producer);
    QCOMPARE(QString::fromStdString(a.client), client);
    QCOMPARE(a.pauseDuration ? a.pauseDuration->micros() : qint64{-1}, durationUs);
}

void TestPausedClient::scenarioErrors_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("expected"); // "line:column: path: message" (a prefix)
    QTest::newRow("no client") << R"({"at": "1s", "do": "pauseClient"})"
                               << "2:14: timeline[0]: expected either \"producer\" or \"consumer\"";
    QTest::newRow("both") << R"({"at": "1s", "do": "resumeClient", "producer": "p", "consumer": "c"})"
                          << "2:14: timeline[0]: expected either \"producer\" or \"consumer\"";
    QTest::newRow("zero duration") << R"({"at": "1s", "do": "pauseClient", "consumer": "c", "duration": "0ms"})"
                                   << "2:77: timeline[0].duration: a pause must last a positive time";
    QTest::newRow("duration as a number") << R"({"at": "1s", "do": "pauseClient", "consumer": "c", "duration": 5})"
                                          << "2:77: timeline[0].duration: expected a duration in a string";
    QTest::newRow("client not a string") << R"({"at": "1s", "do": "pauseClient", "producer": 3})"
                                         << "2:60: timeline[0].producer: expected a string, found a number";
}

void TestPausedClient::scenarioErrors()
{
    QFETCH(QString, action);
    QFETCH(QString, expected);
    const auto r = parseScenario(std::string(kHead) + action.toStdString() + "]}");
    QVERIFY(!r.scenario);
    QVERIFY(!r.errors.empty());
    const QString got = QString::fromStdString(r.errors.front().format("x.json"));
    QVERIFY2(got.startsWith("x.json:" + expected), qPrintable(got));
}

void TestPausedClient::scenarioRunsAndRoundTrips()
{
    const std::string text = R"({"kafkascope": 1, "title": "a long GC pause", "seed": 3,
  "cluster": {"brokers": 3},
  "topics": [{"name": "orders", "partitions": 4, "replicationFactor": 3}],
  "producers": [{"clientId": "checkout", "topic": "orders", "rate": 20}],
  "consumers": [{"clientId": "billing-0", "topic": "orders", "group": "billing"},
                {"clientId": "billing-1", "topic": "orders", "group": "billing"}],
  "timeline": [
    {"at": "15s", "do": "pauseClient", "consumer": "billing-0", "duration": "60s"},
    {"at": "20s", "do": "pauseClient", "producer": "checkout"},
    {"at": "30s", "do": "resumeClient", "producer": "checkout"},
    {"at": "31s", "do": "resumeClient", "consumer": "nobody"}
  ]})";
    const auto parsed = parseScenario(text);
    QVERIFY2(parsed.scenario, parsed.errors.empty() ? "" : parsed.errors.front().format("x.json").c_str());
    ScenarioRunner run(*parsed.scenario);
    auto made = run.makeCluster();
    QVERIFY2(made.isOk(), made.status().message().c_str());
    Cluster &cluster = *made.value();
    run.advanceTo(cluster, SimTime::fromMillis(25'000));
    QVERIFY(cluster.isConsumerProcessPaused(ConsumerId{0}));
    QVERIFY(cluster.isProducerProcessPaused(ProducerId{0}));
    run.advanceTo(cluster, SimTime::fromMillis(70'000));
    QVERIFY(!cluster.isProducerProcessPaused(ProducerId{0}));
    QCOMPARE(memberCount(cluster, "billing"), std::size_t{1}); // the frozen member was removed
    run.advanceTo(cluster, SimTime::fromMillis(100'000));
    QVERIFY(!cluster.isConsumerProcessPaused(ConsumerId{0}));
    QCOMPARE(memberCount(cluster, "billing"), std::size_t{2}); // and came back
    // The action naming an unknown consumer failed and said so.
    bool failureReported = false;
    for (const auto &f : run.actionFailures())
        failureReported = failureReported || f.message.find("no consumer with clientId \"nobody\"") != std::string::npos;
    QVERIFY(failureReported);

    // Written back, the actions read the same.
    auto written = writeScenario(*parsed.scenario);
    QVERIFY2(written.isOk(), written.status().message().c_str());
    const auto again = parseScenario(written.value());
    QVERIFY2(again.scenario, again.errors.empty() ? "" : again.errors.front().format("w.json").c_str());
    QCOMPARE(again.scenario->timeline.size(), std::size_t{4});
    for (std::size_t i = 0; i < 4; ++i) {
        const ScenarioAction &a = parsed.scenario->timeline[i];
        const ScenarioAction &b = again.scenario->timeline[i];
        QCOMPARE(b.kind, a.kind);
        QCOMPARE(b.client, a.client);
        QCOMPARE(b.clientIsProducer, a.clientIsProducer);
        QCOMPARE(b.pauseDuration.has_value(), a.pauseDuration.has_value());
        if (a.pauseDuration)
            QCOMPARE(b.pauseDuration->micros(), a.pauseDuration->micros());
        QCOMPARE(b.at, a.at);
    }
}

void TestPausedClient::reportSaysWhoIsPaused()
{
    auto cluster = makeOrdersCluster();
    QVERIFY(cluster);
    QVERIFY(addGroupMembers(*cluster, "orders", "billing", 2));
    cluster->runUntil(SimTime::fromMillis(5000));
    QVERIFY(cluster->pauseProducerProcess(ProducerId{0}).isOk());
    QVERIFY(cluster->pauseConsumerProcess(ConsumerId{1}, SimDuration::millis(7500)).isOk());
    const QJsonObject report = QJsonDocument::fromJson(QByteArray::fromStdString(clusterReportJson(*cluster, "v"))).object();
    const QJsonObject producer = report.value("producers").toArray().at(0).toObject();
    QCOMPARE(producer.value("process_paused").toBool(), true);
    QVERIFY(producer.value("process_resumes_at_ms").isNull());
    const QJsonArray consumers = report.value("consumers").toArray();
    QCOMPARE(consumers.at(0).toObject().value("process_paused").toBool(), false);
    QVERIFY(consumers.at(0).toObject().value("process_resumes_at_ms").isNull());
    QCOMPARE(consumers.at(1).toObject().value("process_paused").toBool(), true);
    QCOMPARE(consumers.at(1).toObject().value("process_resumes_at_ms").toInteger(), qint64{12500});
}

QTEST_APPLESS_MAIN(TestPausedClient)
#include "tst_pausedclient.moc"
