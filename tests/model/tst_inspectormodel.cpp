// The inspector's property tree under QAbstractItemModelTester: for each kind of selection, its
// values against the cluster's state as it changes (a leader dies, a broker is cut off, a
// partition is paused), values updated without resetting the model, and selections that vanish.
#include "group/group_coordinator.h"

#include "../engine/cluster_fixtures.h"
#include "client/murmur2.h"
#include "cluster/cluster.h"
#include "model/inspectormodel.h"
#include "model/simulationcontroller.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace kafkascope;

namespace {

constexpr const char *kTopic = "orders";
constexpr const char *kGroup = "billing";

// Three brokers, "orders" with 6 partitions (RF 3) fed at 60 records/s round robin, two
// consumers of group "billing" and one without a group.
std::unique_ptr<Cluster> makeCluster()
{
    auto cluster = kafkascope::testing::makeOrdersCluster({.seed = 5, .topic = kTopic, .partitions = 6, .recordsPerSecond = 60});
    if (!cluster || !kafkascope::testing::addGroupMembers(*cluster, kTopic, kGroup, 2))
        return nullptr;
    ConsumerConfig plain;
    plain.clientId = "audit";
    plain.topic = kTopic;
    if (!cluster->addConsumer(plain).isOk())
        return nullptr;
    return cluster;
}

QString text(const InspectorModel &model, const QStringList &path)
{
    return model.value(path).toString();
}

bool hasRow(const InspectorModel &model, const QStringList &path)
{
    return model.value(path).isValid();
}

qint64 number(const InspectorModel &model, const QStringList &path)
{
    bool ok = false;
    const qint64 n = model.value(path).toLongLong(&ok);
    if (!ok)
        qWarning() << "not a number at" << path << model.value(path);
    return ok ? n : -999;
}

// Every row of the model, depth first (for the tester's sake and to count rows).
int countRows(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    int n = 0;
    for (int r = 0; r < model.rowCount(parent); ++r)
        n += 1 + countRows(model, model.index(r, 0, parent));
    return n;
}

} // namespace

class TestInspectorModel : public QObject
{
    Q_OBJECT

private slots:
    void nothingSelected();
    void brokerMatchesCluster();
    void partitionFollowsLeaderFailover();
    void replicaMatchesCluster();
    void producerShowsConfigAndCounts();
    void consumerShowsGroupAndPartitions();
    void groupShowsMembersAndOffsets();
    void recordShowsKeyAndPartitioning();
    void valuesChangeWithoutReset();
    void vanishedSelectionsAreReported();
    void linksNameWhatTheyPointAt();
};

void TestInspectorModel::nothingSelected()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    SimulationController controller(std::move(cluster));
    InspectorModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.selection().isNone());
    QVERIFY(!model.selectionExists());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), 2);
    controller.advanceTo(SimTime::fromMillis(1000));
    QCOMPARE(model.rowCount(), 1);
}

void TestInspectorModel::brokerMatchesCluster()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    SimulationController controller(std::move(cluster));
    InspectorModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &InspectorModel::selectionChanged);
    model.setSelection(InspectorSelection::ofBroker(1));
    QCOMPARE(changed.count(), 1);
    controller.advanceTo(SimTime::fromMillis(12000));
    QVERIFY(model.selectionExists());
    QCOMPARE(model.title(), QStringLiteral("Broker 1"));
    QCOMPARE(text(model, {"Broker", "State"}), QStringLiteral("up"));
    QCOMPARE(text(model, {"Broker", "Controller"}), QStringLiteral("no")); // broker 0 is
    QCOMPARE(text(model, {"Broker", "Network"}), QStringLiteral("reaches every broker"));
    QVERIFY(!hasRow(model, {"Broker", "Link latency"}));
    QVERIFY(controller.setLinkLatency(1, 2, SimDuration::millis(40)).isOk());
    QVERIFY(controller.setLinkLatency(0, 1, SimDuration::micros(7500)).isOk());
    QCOMPARE(text(model, {"Broker", "Link latency"}), QStringLiteral("broker 0: 7.5 ms, broker 2: 40 ms"));
    QVERIFY(controller.setLinkLatency(1, 2, std::nullopt).isOk());
    QVERIFY(controller.setLinkLatency(0, 1, std::nullopt).isOk());
    QVERIFY(!hasRow(model, {"Broker", "Link latency"}));

    // Leads and follows what the cluster says, partition by partition.
    const Cluster &c = controller.cluster();
    int leads = 0;
    int follows = 0;
    for (int p = 0; p < 6; ++p) {
        const PartitionState &state = c.topic(kTopic)->state(PartitionId{p});
        const QString name = QStringLiteral("orders-%1").arg(p);
        if (state.leader == BrokerId{1}) {
            ++leads;
            QVERIFY(model.find({"Partitions led", name}).isValid());
            QCOMPARE(text(model, {"Partitions led", name}),
                     QStringLiteral("epoch %1, ISR 0, 1, 2").arg(state.leaderEpoch));
        } else {
            ++follows;
            QVERIFY(text(model, {"Partitions followed", name}).startsWith(QStringLiteral("in sync")));
        }
    }
    QCOMPARE(number(model, {"Partitions led"}), qint64{leads});
    QCOMPARE(number(model, {"Partitions followed"}), qint64{follows});
    QCOMPARE(number(model, {"Broker", "Out-of-sync replicas"}), qint64{0});
    int coordinated = 0;
    if (const GroupCoordinator *gc = c.groupCoordinator(BrokerId{1}); gc && gc->isActive())
        coordinated = static_cast<int>(gc->groupIds().size());
    QCOMPARE(text(model, {"Broker", "Group coordinator for"}), QStringLiteral("%1 group(s)").arg(coordinated));

    // Cut off from the other brokers, then killed.
    controller.isolateBroker(1);
    QCOMPARE(text(model, {"Broker", "Network"}), QStringLiteral("cut off from broker(s) 0, 2"));
    controller.healNetwork();
    QVERIFY(controller.killBroker(1).isOk());
    QCOMPARE(text(model, {"Broker", "State"}), QStringLiteral("down"));
    QCOMPARE(number(model, {"Partitions led"}), qint64{0}); // leadership moved away
}

void TestInspectorModel::partitionFollowsLeaderFailover()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    SimulationController controller(std::move(cluster));
    InspectorModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelection(InspectorSelection::ofPartition(QString::fromLatin1(kTopic), 0));
    controller.advanceTo(SimTime::fromMillis(12000));
    const Cluster &c = controller.cluster();
    const PartitionState &state = c.topic(kTopic)->state(PartitionId{0});
    QVERIFY(state.leader);
    const int oldLeader = state.leader->value();
    const int oldEpoch = state.leaderEpoch;
    QCOMPARE(model.title(), QStringLiteral("Partition orders-0"));
    QCOMPARE(text(model, {"Partition", "Leader"}), QStringLiteral("broker %1").arg(oldLeader));
    QCOMPARE(number(model, {"Partition", "Leader epoch"}), qint64{state.leaderEpoch});

    // The leader dies: the inspector shows the new leader and epoch, and the shrunk ISR.
    QVERIFY(controller.killBroker(oldLeader).isOk());
    controller.advanceTo(SimTime::fromMillis(13000));
    const PartitionState &after = controller.cluster().topic(kTopic)->state(PartitionId{0});
    QVERIFY(after.leader);
    QVERIFY(after.leader->value() != oldLeader);
    QCOMPARE(text(model, {"Partition", "Leader"}), QStringLiteral("broker %1").arg(after.leader->value()));
    QCOMPARE(number(model, {"Partition", "Leader epoch"}), qint64{after.leaderEpoch});
    QVERIFY(after.leaderEpoch > oldEpoch);
    QStringList isr;
    for (const BrokerId b : after.isr)
        isr << QString::number(b.value());
    QCOMPARE(text(model, {"Partition", "ISR"}), isr.join(QStringLiteral(", ")));
    QCOMPARE(text(model, {"Partition", "Under-replicated"}), QStringLiteral("yes"));
    QCOMPARE(number(model, {"Partition", "High watermark"}), qint64(after.highWatermark()));
    QCOMPARE(number(model, {"Partition", "Log end offset"}), qint64(after.visibleLog().logEndOffset()));
    QCOMPARE(number(model, {"Partition", "Log start offset"}), qint64(after.visibleLog().logStartOffset()));
    QVERIFY(text(model, {"Replicas", QStringLiteral("Broker %1").arg(oldLeader)}).contains(QStringLiteral("broker down")));
    QVERIFY(text(model, {"Replicas", QStringLiteral("Broker %1").arg(after.leader->value())}).contains(QStringLiteral("leader")));

    // The group's committed offset and lag, and who holds the partition.
    const auto group = controller.cluster().group(kGroup);
    QVERIFY(group);
    const TopicPartition tp{kTopic, PartitionId{0}};
    QVERIFY(group->offsets.count(tp));
    const qint64 committed = group->offsets.at(tp).offset.value();
    QCOMPARE(number(model, {"Consumer groups", kGroup, "Committed offset"}), committed);
    QCOMPARE(number(model, {"Consumer groups", kGroup, "Lag"}), std::max<qint64>(0, qint64(after.highWatermark()) - committed));
    QString owner;
    for (const auto &consumer : controller.cluster().consumers())
        if (consumer->usesGroup() && consumer->assignment().count(tp))
            owner = QString::fromStdString(consumer->config().clientId);
    QVERIFY(!owner.isEmpty());
    QCOMPARE(text(model, {"Consumer groups", kGroup, "Owned by"}), owner);
    // Readers: the member that holds it and the consumer without a group.
    QVERIFY(model.find({"Read by", owner}).isValid());
    QVERIFY(model.find({"Read by", "audit"}).isValid());
}

void TestInspectorModel::replicaMatchesCluster()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    SimulationController controller(std::move(cluster));
    InspectorModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    controller.advanceTo(SimTime::fromMillis(5000));
    const PartitionState &state = controller.cluster().topic(kTopic)->state(PartitionId{1});
    const BrokerId follower = *std::find_if(state.assignment.begin(), state.assignment.end(),
                                            [&](BrokerId b) { return state.leader != b; });
    model.setSelection(InspectorSelection::ofReplica(QString::fromLatin1(kTopic), 1, follower.value()));
    QVERIFY(model.selectionExists());
    QCOMPARE(text(model, {"Replica", "Role"}), QStringLiteral("follower"));
    QCOMPARE(text(model, {"Replica", "In ISR"}), QStringLiteral("yes"));
    QCOMPARE(number(model, {"Replica", "Log end offset"}), qint64(state.replicas.at(follower).log->logEndOffset()));
    QCOMPARE(number(model, {"Replica", "Behind the leader"}),
             qint64(state.leaderReplica()->log->logEndOffset() - state.replicas.at(follower).log->logEndOffset()));

    // Killed: still a replica, no longer in the ISR, falling behind.
    QVERIFY(controller.killBroker(follower.value()).isOk());
    controller.advanceTo(SimTime::fromMillis(8000));
    const PartitionState &after = controller.cluster().topic(kTopic)->state(PartitionId{1});
    QCOMPARE(text(model, {"Replica", "In ISR"}), QStringLiteral("no"));
    QCOMPARE(text(model, {"Replica", "Broker"}), QStringLiteral("%1 (down)").arg(follower.value()));
    QVERIFY(number(model, {"Replica", "Behind the leader"}) > 0);
    QCOMPARE(number(model, {"Replica", "Behind the leader"}),
             qint64(after.leaderReplica()->log->logEndOffset() - after.replicas.at(follower).log->logEndOffset()));
}

void TestInspectorModel::producerShowsConfigAndCounts()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    SimulationController controller(std::move(cluster));
    InspectorModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int id = controller.cluster().producers().front()->id().value();
    model.setSelection(InspectorSelection::ofProducer(id));
    controller.advanceTo(SimTime::fromMillis(3000));
    const Producer &p = *controller.cluster().producers().front();
    QCOMPARE(model.title(), QStringLiteral("Producer orders-producer"));
    QCOMPARE(text(model, {"Producer", "Topic"}), QString::fromLatin1(kTopic));
    QCOMPARE(text(model, {"Producer", "acks"}), QStringLiteral("all (-1)"));
    QCOMPARE(text(model, {"Producer", "enable.idempotence"}), QStringLiteral("yes"));
    QCOMPARE(text(model, {"Producer", "Partitioner"}), QStringLiteral("RoundRobinPartitioner"));
    QCOMPARE(text(model, {"Producer", "Rate"}), QStringLiteral("60 records/s, a fixed interval"));
    QCOMPARE(text(model, {"Producer", "Keys"}), QStringLiteral("null keys"));
    QVERIFY(p.recordsSent() > 100);
    QCOMPARE(number(model, {"Records", "Sent"}), qint64(p.recordsSent()));
    QCOMPARE(number(model, {"Records", "Acknowledged"}), qint64(p.recordsAcknowledged()));
    QCOMPARE(number(model, {"Records", "Failed"}), qint64(p.recordsFailed()));

    // A paused process says so, with when it resumes.
    QVERIFY(!hasRow(model, {"Producer", "Process"}));
    QVERIFY(controller.pauseClientProcess(true, id, SimDuration::seconds(4)).isOk());
    QCOMPARE(text(model, {"Producer", "Process"}), QStringLiteral("paused until 00:07.000"));
    QVERIFY(controller.resumeClientProcess(true, id).isOk());
    QVERIFY(controller.pauseClientProcess(true, id, std::nullopt).isOk());
    QCOMPARE(text(model, {"Producer", "Process"}), QStringLiteral("paused until resumed"));
    QVERIFY(controller.resumeClientProcess(true, id).isOk());
    QVERIFY(!hasRow(model, {"Producer", "Process"}));
}

void TestInspectorModel::consumerShowsGroupAndPartitions()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    SimulationController controller(std::move(cluster));
    InspectorModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelection(InspectorSelection::ofConsumer(0));
    controller.advanceTo(SimTime::fromMillis(12000));
    const Consumer &c = *controller.cluster().consumers().front();
    QCOMPARE(model.title(), QStringLiteral("Consumer billing-0"));
    QCOMPARE(text(model, {"Consumer", "State"}), QStringLiteral("running"));
    QVERIFY(controller.pauseClientProcess(false, 0, std::nullopt).isOk());
    QCOMPARE(text(model, {"Consumer", "State"}), QStringLiteral("process paused until resumed"));
    QVERIFY(controller.resumeClientProcess(false, 0).isOk());
    QCOMPARE(text(model, {"Consumer", "State"}), QStringLiteral("running"));
    QCOMPARE(text(model, {"Consumer", "Group"}), QString::fromLatin1(kGroup));
    QCOMPARE(text(model, {"Consumer", "Member id"}), QString::fromStdString(c.memberId()));
    QCOMPARE(number(model, {"Consumer", "Generation"}), qint64{c.generation()});
    QCOMPARE(text(model, {"Consumer", "Join state"}), QStringLiteral("stable"));
    QCOMPARE(number(model, {"Assigned partitions"}), qint64(c.assignment().size()));
    QCOMPARE(c.assignment().size(), std::size_t{3}); // range: 6 partitions over 2 members
    const TopicPartition first = *c.assignment().begin();
    const QString name = QString::fromStdString(first.toString());
    const qint64 hw = controller.cluster().topic(kTopic)->state(first.partition).highWatermark();
    const qint64 position = c.position(first).value();
    QCOMPARE(number(model, {"Assigned partitions", name, "Position"}), position);
    QCOMPARE(number(model, {"Assigned partitions", name, "Lag"}), std::max<qint64>(0, hw - position));
    QCOMPARE(number(model, {"Assigned partitions", name, "Committed"}), qint64(c.committed().at(first).value()));
    QCOMPARE(text(model, {"Assigned partitions", name, "Paused"}), QStringLiteral("no"));
    QCOMPARE(number(model, {"Records", "Consumed"}), qint64(c.recordsConsumed()));
    QCOMPARE(number(model, {"Records", "Processed"}), qint64(c.recordsProcessed()));

    // Slowed down and paused: the inspector follows.
    QVERIFY(controller.setConsumerProcessingTime(0, SimDuration::millis(20)).isOk());
    QCOMPARE(text(model, {"Consumer", "Processing time"}), QStringLiteral("20 ms per record"));
    QVERIFY(const_cast<Cluster &>(controller.cluster()).pauseConsumer(ConsumerId{0}, first).isOk());
    controller.step(10);
    QCOMPARE(text(model, {"Assigned partitions", name, "Paused"}), QStringLiteral("yes"));
    QVERIFY(text(model, {"Assigned partitions", name}).endsWith(QStringLiteral(", paused")));

    // Closed: stopped, without partitions.
    QVERIFY(controller.closeConsumer(0).isOk());
    controller.advanceTo(SimTime::fromMillis(16000));
    QCOMPARE(text(model, {"Consumer", "State"}), QStringLiteral("stopped"));
    QCOMPARE(number(model, {"Assigned partitions"}), qint64{0});

    // A consumer without a group reads every partition of its topic.
    model.setSelection(InspectorSelection::ofConsumer(2));
    QCOMPARE(text(model, {"Consumer", "Group"}), QStringLiteral("none: reads every partition of orders"));
    QCOMPARE(number(model, {"Partitions"}), qint64{6});
}

void TestInspectorModel::groupShowsMembersAndOffsets()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    SimulationController controller(std::move(cluster));
    InspectorModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelection(InspectorSelection::ofGroup(QString::fromLatin1(kGroup)));
    controller.advanceTo(SimTime::fromMillis(12000));
    const auto group = controller.cluster().group(kGroup);
    QVERIFY(group);
    QCOMPARE(text(model, {"Group", "State"}), QStringLiteral("Stable"));
    QCOMPARE(text(model, {"Group", "Coordinator"}), QStringLiteral("broker %1").arg(controller.cluster().coordinatorOf(kGroup)->value()));
    QCOMPARE(number(model, {"Group", "Generation"}), qint64{group->generationId});
    QCOMPARE(text(model, {"Group", "Assignor"}), QStringLiteral("range"));
    QCOMPARE(number(model, {"Members"}), qint64{2});
    QCOMPARE(number(model, {"Committed offsets"}), qint64(group->offsets.size()));
    qint64 lag = 0;
    for (const auto &[tp, offset] : group->offsets) {
        const qint64 hw = controller.cluster().topic(tp.topic)->state(tp.partition).highWatermark();
        const qint64 committed = offset.offset.value();
        lag += std::max<qint64>(0, hw - committed);
        QCOMPARE(text(model, {"Committed offsets", QString::fromStdString(tp.toString())}),
                 QStringLiteral("%1, lag %2").arg(committed).arg(std::max<qint64>(0, hw - committed)));
    }
    QCOMPARE(number(model, {"Group", "Committed lag"}), lag);
    // What the members' applications did with the records.
    const DeliveryCounts delivery = controller.cluster().groupDelivery().at(kGroup).total;
    QVERIFY(delivery.processed > 0);
    QCOMPARE(number(model, {"Delivery", "Records processed"}), qint64(delivery.processed));
    QCOMPARE(number(model, {"Delivery", "Processed more than once"}), qint64(delivery.processedMoreThanOnce));
    QCOMPARE(number(model, {"Delivery", "Never processed"}), qint64(delivery.neverProcessed));
}

void TestInspectorModel::recordShowsKeyAndPartitioning()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    TopicSettings settings;
    settings.replicationFactor = 3;
    QVERIFY(cluster->createTopic("keys", 4, settings).isOk());
    SimulationController controller(std::move(cluster));
    InspectorModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto partition = controller.produce(QStringLiteral("keys"), QStringLiteral("foobar"), false, QStringLiteral("hello"));
    QVERIFY(partition.isOk());
    QCOMPARE(partition.value().value(), 2); // Kafka's vector: murmur2("foobar") = -790332482
    model.setSelection(InspectorSelection::ofRecord(QStringLiteral("keys"), 2, 0));
    QVERIFY(!model.selectionExists()); // not written yet
    QVERIFY(model.value({model.title()}).toString().contains(QStringLiteral("not written yet")));
    controller.step(100);
    QVERIFY(model.selectionExists());
    QCOMPARE(model.title(), QStringLiteral("Record keys-2 @ 0"));
    QCOMPARE(text(model, {"Record", "Key"}), QStringLiteral("foobar"));
    QCOMPARE(text(model, {"Record", "Value"}), QStringLiteral("hello"));
    QCOMPARE(number(model, {"Record", "Offset"}), qint64{0});
    const Record r = controller.cluster().topic("keys")->partition(PartitionId{2}).readRecords(0, 1).value().front();
    QCOMPARE(text(model, {"Record", "Timestamp"}),
             QDateTime::fromMSecsSinceEpoch(r.timestampMs, Qt::UTC).toString(Qt::ISODateWithMs));
    QCOMPARE(number(model, {"Partitioning", "murmur2(key)"}), qint64{-790332482});
    QCOMPARE(number(model, {"Partitioning", "toPositive"}), qint64{1357151166});
    QCOMPARE(text(model, {"Partitioning", "Partition for the key"}), QStringLiteral("1357151166 mod 4 = 2"));
    QCOMPARE(text(model, {"Partitioning", "Matches"}), QStringLiteral("yes"));
    QCOMPARE(number(model, {"Headers"}), qint64{0});
}

void TestInspectorModel::valuesChangeWithoutReset()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    SimulationController controller(std::move(cluster));
    InspectorModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelection(InspectorSelection::ofPartition(QString::fromLatin1(kTopic), 3));
    controller.advanceTo(SimTime::fromMillis(12000)); // the group is stable by now
    const int rows = countRows(model);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    const qint64 before = number(model, {"Partition", "Log end offset"});
    controller.advanceTo(SimTime::fromMillis(14000));
    QCOMPARE(resets.count(), 0);
    QVERIFY(changes.count() > 0);
    QCOMPARE(countRows(model), rows);
    QVERIFY(number(model, {"Partition", "Log end offset"}) > before);
    // Only values: every signalled range lies in the value column's rows of one parent.
    for (const QList<QVariant> &args : changes) {
        const auto from = args.at(0).value<QModelIndex>();
        const auto to = args.at(1).value<QModelIndex>();
        QCOMPARE(from.parent(), to.parent());
        QVERIFY(from.row() <= to.row());
    }
    // A frame without changes signals nothing.
    changes.clear();
    model.refresh();
    QCOMPARE(changes.count(), 0);
}

void TestInspectorModel::vanishedSelectionsAreReported()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    Cluster *raw = cluster.get();
    SimulationController controller(std::move(cluster));
    InspectorModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    controller.advanceTo(SimTime::fromMillis(2000));
    // Made at 2 s: a broker, a consumer and a topic.
    const int broker = controller.addBroker();
    ConsumerConfig late;
    late.clientId = "late";
    late.topic = kTopic;
    QVERIFY(controller.addConsumer(late).isOk());
    const int consumer = static_cast<int>(controller.cluster().consumers().size()) - 1;
    QVERIFY(controller.createTopic(QStringLiteral("brief"), 1, TopicSettings{}).isOk());
    controller.advanceTo(SimTime::fromMillis(4000));

    const std::vector<InspectorSelection> selections{
        InspectorSelection::ofBroker(broker),
        InspectorSelection::ofConsumer(consumer),
        InspectorSelection::ofPartition(QStringLiteral("brief"), 0),
        InspectorSelection::ofRecord(QString::fromLatin1(kTopic), 0, 30), // written between 2 s and 4 s
    };
    for (const InspectorSelection &s : selections) {
        model.setSelection(s);
        QVERIFY2(model.selectionExists(), qPrintable(model.title()));
    }

    // Rewound to before they existed: each says so in one row; forward again, each is back.
    QVERIFY(controller.rewindTo(SimTime::fromMillis(1000)).isOk());
    for (const InspectorSelection &s : selections) {
        model.setSelection(s);
        QVERIFY2(!model.selectionExists(), qPrintable(model.title()));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        QVERIFY(!model.index(0, InspectorModel::ValueColumn).data().toString().isEmpty());
    }
    QSignalSpy changed(&model, &InspectorModel::selectionChanged);
    QVERIFY(controller.rewindTo(SimTime::fromMillis(4000)).isOk());
    QVERIFY(model.selectionExists()); // the record, the last one selected
    QVERIFY(changed.count() > 0);
    QCOMPARE(number(model, {"Record", "Offset"}), qint64{30});

    // The topic deleted and the broker decommissioned at the end of the timeline.
    raw = const_cast<Cluster *>(&controller.cluster());
    model.setSelection(InspectorSelection::ofPartition(QStringLiteral("brief"), 0));
    QVERIFY(model.selectionExists());
    QVERIFY(raw->deleteTopic("brief").isOk());
    controller.step(10);
    QVERIFY(!model.selectionExists());
    QVERIFY(model.index(0, InspectorModel::ValueColumn).data().toString().contains(QStringLiteral("does not exist")));
    model.setSelection(InspectorSelection::ofBroker(broker));
    QVERIFY(model.selectionExists());
    QVERIFY(raw->decommissionBroker(BrokerId{broker}).isOk());
    controller.advanceTo(SimTime::fromMillis(20000));
    QVERIFY(!controller.cluster().brokers().count(BrokerId{broker}));
    QVERIFY(!model.selectionExists());
    QCOMPARE(model.title(), QStringLiteral("Broker %1").arg(broker));
    // Unknown ids never existed at all.
    model.setSelection(InspectorSelection::ofProducer(42));
    QVERIFY(!model.selectionExists());
    model.setSelection(InspectorSelection::ofGroup(QStringLiteral("nobody")));
    QVERIFY(!model.selectionExists());
    model.setSelection(InspectorSelection::ofReplica(QString::fromLatin1(kTopic), 0, 99));
    QVERIFY(!model.selectionExists());
}

void TestInspectorModel::linksNameWhatTheyPointAt()
{
    auto cluster = makeCluster();
    QVERIFY(cluster);
    SimulationController controller(std::move(cluster));
    InspectorModel model(&controller);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelection(InspectorSelection::ofPartition(QString::fromLatin1(kTopic), 2));
    controller.advanceTo(SimTime::fromMillis(12000));
    const QModelIndex replica = model.find({"Replicas", "Broker 1"});
    QVERIFY(replica.isValid());
    QCOMPARE(replica.data(InspectorModel::LinkRole).value<InspectorSelection>(),
             InspectorSelection::ofReplica(QString::fromLatin1(kTopic), 2, 1));
    const QModelIndex group = model.find({"Consumer groups", kGroup});
    QCOMPARE(group.data(InspectorModel::LinkRole).value<InspectorSelection>(),
             InspectorSelection::ofGroup(QString::fromLatin1(kGroup)));
    QVERIFY(!model.find({"Partition", "Topic"}).data(InspectorModel::LinkRole).isValid());
}

QTEST_MAIN(TestInspectorModel)
#include "tst_inspectormodel.moc"
