#include "inspectormodel.h"

#include "simulationcontroller.h"

#include "client/murmur2.h"
#include "cluster/consumer_lag.h"
#include "group/group_coordinator.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

using namespace kafkascope;

InspectorSelection InspectorSelection::ofBroker(int id)
{
    InspectorSelection s;
    s.kind = Kind::Broker;
    s.broker = id;
    return s;
}

InspectorSelection InspectorSelection::ofPartition(const QString &topic, int partition)
{
    InspectorSelection s;
    s.kind = Kind::Partition;
    s.topic = topic;
    s.partition = partition;
    return s;
}

InspectorSelection InspectorSelection::ofReplica(const QString &topic, int partition, int broker)
{
    InspectorSelection s = ofPartition(topic, partition);
    s.kind = Kind::Replica;
    s.broker = broker;
    return s;
}

InspectorSelection InspectorSelection::ofProducer(int id)
{
    InspectorSelection s;
    s.kind = Kind::Producer;
    s.client = id;
    return s;
}

InspectorSelection InspectorSelection::ofConsumer(int id)
{
    InspectorSelection s;
    s.kind = Kind::Consumer;
    s.client = id;
    return s;
}

InspectorSelection InspectorSelection::ofGroup(const QString &groupId)
{
    InspectorSelection s;
    s.kind = Kind::Group;
    s.group = groupId;
    return s;
}

InspectorSelection InspectorSelection::ofRecord(const QString &topic, int partition, qint64 offset)
{
    InspectorSelection s = ofPartition(topic, partition);
    s.kind = Kind::Record;
    s.offset = offset;
    return s;
}

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString clockText(SimTime t)
{
    const qint64 ms = t.millis();
    return QStringLiteral("%1:%2.%3")
        .arg(ms / 60000, 2, 10, QLatin1Char('0'))
        .arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

template <class Brokers>
QString brokerList(const Brokers &brokers)
{
    QStringList ids;
    for (const BrokerId b : brokers)
        ids << QString::number(b.value());
    return ids.join(QStringLiteral(", "));
}

QString partitionName(const TopicPartition &tp)
{
    return qs(tp.toString());
}

// Keys and values are bytes; the simulator's are text. Long values are cut.
QString bytesText(const std::string &bytes, int maxChars = 160)
{
    QString text = QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
    if (text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("…");
    return text;
}

const Consumer *consumerById(const Cluster &cluster, int id)
{
    for (const auto &c : cluster.consumers())
        if (c->id().value() == id)
            return c.get();
    return nullptr;
}

const Producer *producerById(const Cluster &cluster, int id)
{
    for (const auto &p : cluster.producers())
        if (p->id().value() == id)
            return p.get();
    return nullptr;
}

const PartitionState *partitionStateOf(const Cluster &cluster, const QString &topicName, int partition)
{
    const Topic *topic = cluster.topic(topicName.toStdString());
    if (!topic || partition < 0 || partition >= topic->partitionCount())
        return nullptr;
    return &topic->state(PartitionId{partition});
}

} // namespace

// Appends rows to a tree, parents before their children.
class InspectorModel::Builder
{
public:
    explicit Builder(Tree &tree) : m_tree(tree) {}

    // A row under `parent` (-1: top level); returns its position, to add children under it.
    int add(int parent, const QString &name, const QVariant &value = {}, const QString &toolTip = {},
            std::optional<InspectorSelection> link = std::nullopt)
    {
        Row row;
        row.name = name;
        row.value = value;
        row.toolTip = toolTip;
        row.link = std::move(link);
        row.parent = parent;
        const int position = static_cast<int>(m_tree.rows.size());
        std::vector<int> &siblings = parent < 0 ? m_tree.top : m_tree.rows[static_cast<std::size_t>(parent)].children;
        row.indexInParent = static_cast<int>(siblings.size());
        siblings.push_back(position);
        m_tree.rows.push_back(std::move(row));
        return position;
    }
    // Sets a row's value after its children were added (a summary of them).
    void setValue(int row, const QVariant &value) { m_tree.rows[static_cast<std::size_t>(row)].value = value; }

private:
    Tree &m_tree;
};

InspectorModel::InspectorModel(SimulationController *controller, QObject *parent)
    : QAbstractItemModel(parent), m_controller(controller)
{
    m_tree = build();
    m_exists = m_tree.exists;
    m_title = m_tree.title;
    connect(m_controller, &SimulationController::frameAdvanced, this, &InspectorModel::refresh);
    // A rewind replaces the cluster; a frame follows at once, but nothing may read the old one.
    connect(m_controller, &SimulationController::rewound, this, &InspectorModel::refresh);
}

void InspectorModel::setSelection(const InspectorSelection &selection)
{
    if (selection == m_selection)
        return;
    m_selection = selection;
    beginResetModel();
    m_tree = build();
    endResetModel();
    m_exists = m_tree.exists;
    m_title = m_tree.title;
    emit selectionChanged();
}

void InspectorModel::refresh()
{
    Tree fresh = build();
    const bool headerChanged = fresh.exists != m_exists || fresh.title != m_title;
    if (!sameShape(fresh, m_tree)) {
        beginResetModel();
        m_tree = std::move(fresh);
        endResetModel();
    } else {
        // Same rows: signal the values that changed, one range per run of changed siblings.
        std::vector<Row> old = std::move(m_tree.rows);
        m_tree = std::move(fresh);
        const auto changed = [&old, this](int r) {
            const Row &a = old[static_cast<std::size_t>(r)];
            const Row &b = m_tree.rows[static_cast<std::size_t>(r)];
            return a.value != b.value || a.toolTip != b.toolTip || a.link != b.link;
        };
        const auto signalRuns = [&](const std::vector<int> &siblings) {
            std::size_t i = 0;
            while (i < siblings.size()) {
                if (!changed(siblings[i])) {
                    ++i;
                    continue;
                }
                std::size_t j = i;
                while (j + 1 < siblings.size() && changed(siblings[j + 1]))
                    ++j;
                const Row &first = m_tree.rows[static_cast<std::size_t>(siblings[i])];
                const Row &last = m_tree.rows[static_cast<std::size_t>(siblings[j])];
                emit dataChanged(createIndex(first.indexInParent, 0, static_cast<quintptr>(siblings[i])),
                                 createIndex(last.indexInParent, ColumnCount - 1, static_cast<quintptr>(siblings[j])));
                i = j + 1;
            }
        };
        signalRuns(m_tree.top);
        for (const Row &row : m_tree.rows)
            signalRuns(row.children);
    }
    m_exists = m_tree.exists;
    m_title = m_tree.title;
    if (headerChanged)
        emit selectionChanged();
}

bool InspectorModel::sameShape(const Tree &a, const Tree &b)
{
    if (a.rows.size() != b.rows.size() || a.top.size() != b.top.size())
        return false;
    for (std::size_t i = 0; i < a.rows.size(); ++i) {
        const Row &x = a.rows[i];
        const Row &y = b.rows[i];
        if (x.name != y.name || x.parent != y.parent || x.children.size() != y.children.size())
            return false;
    }
    return true;
}

// --- The tree for each kind of selection ----------------------------------------------------------

InspectorModel::Tree InspectorModel::build() const
{
    Tree tree;
    Builder b(tree);
    const Cluster &cluster = m_controller->cluster();
    const InspectorSelection &s = m_selection;
    const auto gone = [&](const QString &title, const QString &why) {
        tree.title = title;
        tree.exists = false;
        b.add(-1, title, why);
    };
    const QString yes = tr("yes");
    const QString no = tr("no");

    switch (s.kind) {
    case InspectorSelection::Kind::None:
        tree.title = tr("Nothing selected");
        b.add(-1, tr("Nothing selected"), tr("Click a broker, a partition, a record or a group"),
              tr("Click a broker card, a partition or one of its records, a row of the partitions table or a "
                 "consumer group, or choose from Inspect"));
        return tree;

    case InspectorSelection::Kind::Broker: {
        tree.title = tr("Broker %1").arg(s.broker);
        const auto it = cluster.brokers().find(BrokerId{s.broker});
        if (it == cluster.brokers().end()) {
            gone(tree.title, tr("not in the cluster at this time (decommissioned, or not added yet)"));
            return tree;
        }
        tree.exists = true;
        const BrokerInfo &info = it->second;
        const BrokerId id{s.broker};
        const int top = b.add(-1, tr("Broker"), tr("Broker %1").arg(s.broker));
        b.add(top, tr("State"),
              !info.alive            ? tr("down")
              : info.fenced          ? tr("up, fenced by the controller (cut off from it: no heartbeat)")
              : info.decommissioning ? tr("up, being decommissioned (its replicas move away)")
                                     : tr("up"));
        b.add(top, tr("Controller"), cluster.controller() == id ? yes : no,
              tr("The controller is the live broker with the lowest id among those that reach a majority of "
                 "the brokers: it elects leaders, tracks ISRs and fences brokers cut off from it"));
        b.add(top, tr("Rack"), info.rack ? QString::fromStdString(*info.rack) : tr("none"),
              info.rack ? tr("broker.rack: when every broker has a rack, Kafka places a partition's replicas on "
                             "as many racks as it can")
                        : tr("No broker.rack: when no broker has a rack, replica placement is rack-unaware"));
        // The network as this broker sees it.
        QStringList cutOff;
        for (const auto &[other, otherInfo] : cluster.brokers())
            if (other != id && !cluster.network().canReach(id.value(), other.value()))
                cutOff << QString::number(other.value());
        QString network = cutOff.isEmpty() ? tr("reaches every broker") : tr("cut off from broker(s) %1").arg(cutOff.join(QStringLiteral(", ")));
        if (cluster.network().isPaused(id.value()))
            network = tr("paused: receives nothing");
        b.add(top, tr("Network"), network);
        // Links to other brokers with a latency of their own (setLinkLatency).
        QStringList links;
        for (const auto &[link, latency] : cluster.network().linkLatencies()) {
            const int other = link.first == id.value() ? link.second : link.second == id.value() ? link.first : -1;
            if (other >= 0 && other < kafkascope::kFirstClientNode)
                links << tr("broker %1: %2 ms").arg(other).arg(static_cast<double>(latency.micros()) / 1000.0, 0, 'g', 6);
        }
        if (!links.isEmpty())
            b.add(top, tr("Link latency"), links.join(QStringLiteral(", ")),
                  tr("Links to these brokers take this long instead of the network's %1 ms")
                      .arg(static_cast<double>(cluster.network().defaultLatency().micros()) / 1000.0, 0, 'g', 6));
        int coordinated = 0;
        if (const GroupCoordinator *coordinator = cluster.groupCoordinator(id); coordinator && coordinator->isActive())
            coordinated = static_cast<int>(coordinator->groupIds().size());
        b.add(top, tr("Group coordinator for"), tr("%n group(s)", nullptr, coordinated));

        // The user's partitions this broker leads and follows (__consumer_offsets counted apart).
        const int led = b.add(-1, tr("Partitions led"));
        const int followed = b.add(-1, tr("Partitions followed"));
        int ledCount = 0;
        int followedCount = 0;
        int outOfSync = 0;
        int internalLed = 0;
        int internalFollowed = 0;
        for (const auto &[name, topic] : cluster.topics()) {
            for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
                const PartitionState &state = topic.state(PartitionId{p});
                const auto replica = state.replicas.find(id);
                if (replica == state.replicas.end())
                    continue;
                const bool leads = state.leader == id;
                if (topic.isInternal()) {
                    ++(leads ? internalLed : internalFollowed);
                    continue;
                }
                const QString tpName = partitionName(state.tp);
                const auto link = InspectorSelection::ofReplica(qs(name), p, s.broker);
                if (leads) {
                    ++ledCount;
                    b.add(led, tpName, tr("epoch %1, ISR %2").arg(state.leaderEpoch).arg(brokerList(state.isr)), {}, link);
                    continue;
                }
                ++followedCount;
                const bool inSync = state.isr.count(id) != 0;
                outOfSync += inSync ? 0 : 1;
                const qint64 behind = state.leaderReplica()
                    ? state.leaderReplica()->log->logEndOffset() - replica->second.log->logEndOffset()
                    : 0;
                b.add(followed, tpName,
                      behind <= 0 ? (inSync ? tr("in sync, caught up") : tr("out of sync, caught up"))
                      : inSync    ? tr("in sync, %n record(s) behind the leader", nullptr, static_cast<int>(behind))
                                  : tr("out of sync, %n record(s) behind the leader", nullptr, static_cast<int>(behind)),
                      {}, link);
            }
        }
        b.setValue(led, ledCount);
        b.setValue(followed, followedCount);
        b.add(top, tr("Out-of-sync replicas"), outOfSync,
              tr("Follower replicas on this broker that are not in their partition's ISR"));
        b.add(top, QStringLiteral("__consumer_offsets"), tr("leads %1, follows %2").arg(internalLed).arg(internalFollowed),
              tr("Partitions of the internal topic of committed offsets and group metadata"));
        return tree;
    }

    case InspectorSelection::Kind::Partition: {
        tree.title = tr("Partition %1-%2").arg(s.topic).arg(s.partition);
        const PartitionState *state = partitionStateOf(cluster, s.topic, s.partition);
        if (!state) {
            gone(tree.title, tr("does not exist at this time (the topic was deleted, or not created yet)"));
            return tree;
        }
        tree.exists = true;
        const PartitionLog &log = state->visibleLog();
        const TopicPartition &tp = state->tp;
        const int top = b.add(-1, tr("Partition"), partitionName(tp));
        b.add(top, tr("Topic"), s.topic);
        b.add(top, tr("Partition"), s.partition);
        b.add(top, tr("Replicas"), brokerList(state->assignment), tr("In assignment order: the first is the preferred leader"));
        b.add(top, tr("Leader"), state->leader ? tr("broker %1").arg(state->leader->value()) : tr("none: offline"),
              {}, state->leader ? std::optional(InspectorSelection::ofBroker(state->leader->value())) : std::nullopt);
        b.add(top, tr("Leader epoch"), state->leaderEpoch, tr("Incremented by every election"));
        b.add(top, tr("ISR"), brokerList(state->isr), tr("In-sync replicas: the leader and the followers that are caught up"));
        b.add(top, tr("Under-replicated"), state->isr.size() < state->assignment.size() ? yes : no);
        b.add(top, QStringLiteral("min.insync.replicas"), state->minInsyncReplicas);
        if (state->reassignTarget)
            b.add(top, tr("Reassigning to"), brokerList(*state->reassignTarget));
        b.add(top, tr("Log start offset"), QVariant::fromValue<qint64>(log.logStartOffset()));
        b.add(top, tr("High watermark"), QVariant::fromValue<qint64>(state->highWatermark()),
              tr("Consumers read only below it; every in-sync replica has these records"));
        b.add(top, tr("Log end offset"), QVariant::fromValue<qint64>(log.logEndOffset()),
              tr("The leader's log end offset: the offset the next record will get"));

        const int replicas = b.add(-1, tr("Replicas"));
        const std::int64_t leaderEnd = log.logEndOffset();
        for (const BrokerId broker : state->assignment) {
            const auto r = state->replicas.find(broker);
            if (r == state->replicas.end())
                continue;
            const bool leads = state->leader == broker;
            const std::int64_t end = r->second.log->logEndOffset();
            QString summary = tr("LEO %1").arg(end);
            if (leads)
                summary += tr(", leader");
            else
                summary += state->isr.count(broker) ? tr(", in sync") : tr(", out of sync");
            if (!leads && leaderEnd > end)
                summary += tr(", %n behind", nullptr, static_cast<int>(leaderEnd - end));
            if (!cluster.isAlive(broker))
                summary += tr(", broker down");
            b.add(replicas, tr("Broker %1").arg(broker.value()), summary, {},
                  InspectorSelection::ofReplica(s.topic, s.partition, broker.value()));
        }

        // Consumer groups: what each has committed, how far behind it is and who holds the partition.
        const int groups = b.add(-1, tr("Consumer groups"));
        int groupCount = 0;
        for (const auto &[groupId, snapshot] : cluster.groups()) {
            const auto lags = groupLag(cluster, groupId);
            const auto lag = lags.find(tp);
            if (lag == lags.end())
                continue;
            ++groupCount;
            QString owner = tr("nobody");
            for (const MemberSnapshot &m : snapshot.members)
                if (std::find(m.assignment.begin(), m.assignment.end(), tp) != m.assignment.end())
                    owner = qs(m.clientId);
            const int g = b.add(groups, qs(groupId),
                                lag->second.committedLag ? tr("lag %1").arg(*lag->second.committedLag) : tr("nothing committed"),
                                {}, InspectorSelection::ofGroup(qs(groupId)));
            b.add(g, tr("Committed offset"),
                  lag->second.committed ? QVariant::fromValue<qint64>(*lag->second.committed) : QVariant(tr("none")));
            b.add(g, tr("Lag"),
                  lag->second.committedLag ? QVariant::fromValue<qint64>(*lag->second.committedLag) : QVariant(QStringLiteral("–")),
                  tr("High watermark minus the committed offset"));
            b.add(g, tr("Owned by"), owner);
        }
        b.setValue(groups, groupCount);

        // The running consumers that read it (members holding it, consumers without a group).
        const int readers = b.add(-1, tr("Read by"));
        int readerCount = 0;
        for (const auto &c : cluster.consumers()) {
            if (!c->reads(tp))
                continue;
            ++readerCount;
            const qint64 position = c->position(tp).value();
            b.add(readers, qs(c->config().clientId),
                  tr("position %1, lag %2").arg(position).arg(std::max<qint64>(0, state->highWatermark() - position)),
                  c->config().groupId ? tr("Group %1").arg(qs(*c->config().groupId)) : tr("No group"),
                  InspectorSelection::ofConsumer(c->id().value()));
        }
        b.setValue(readers, readerCount);
        return tree;
    }

    case InspectorSelection::Kind::Replica: {
        tree.title = tr("Replica of %1-%2 on broker %3").arg(s.topic).arg(s.partition).arg(s.broker);
        const PartitionState *state = partitionStateOf(cluster, s.topic, s.partition);
        if (!state || !state->replicas.count(BrokerId{s.broker})) {
            gone(tree.title, tr("does not exist at this time (moved away, the topic was deleted, or not created yet)"));
            return tree;
        }
        tree.exists = true;
        const BrokerId broker{s.broker};
        const Replica &replica = state->replicas.at(broker);
        const bool leads = state->leader == broker;
        const int top = b.add(-1, tr("Replica"), tr("%1-%2 on broker %3").arg(s.topic).arg(s.partition).arg(s.broker));
        b.add(top, tr("Partition"), partitionName(state->tp), {}, InspectorSelection::ofPartition(s.topic, s.partition));
        b.add(top, tr("Broker"), tr("%1 (%2)").arg(s.broker).arg(cluster.isAlive(broker) ? tr("up") : tr("down")), {},
              InspectorSelection::ofBroker(s.broker));
        b.add(top, tr("Role"), leads ? tr("leader") : tr("follower"));
        b.add(top, tr("In ISR"), state->isr.count(broker) ? yes : no);
        b.add(top, tr("Log start offset"), QVariant::fromValue<qint64>(replica.log->logStartOffset()));
        b.add(top, tr("Log end offset"), QVariant::fromValue<qint64>(replica.log->logEndOffset()));
        b.add(top, tr("High watermark"), QVariant::fromValue<qint64>(replica.highWatermark),
              tr("The high watermark this replica knows (a follower learns it from its fetches)"));
        b.add(top, tr("Leader epoch"), replica.knownLeaderEpoch, tr("The leader epoch this replica last heard of"));
        if (!leads) {
            const Replica *leader = state->leaderReplica();
            b.add(top, tr("Behind the leader"),
                  leader ? QVariant::fromValue<qint64>(std::max<qint64>(0, leader->log->logEndOffset() - replica.log->logEndOffset()))
                         : QVariant(tr("no leader")),
                  tr("The leader's log end offset minus this replica's, in records"));
            if (const auto f = state->followers.find(broker); f != state->followers.end() && leader)
                b.add(top, tr("Last caught up"),
                      tr("%1 ms ago").arg(std::max<qint64>(0, cluster.clockMs() - f->second.lastCaughtUpTimeMs)),
                      tr("A follower that has not caught up for replica.lag.time.max.ms (%1 ms) leaves the ISR")
                          .arg(cluster.replicationConfig().replicaLagTimeMaxMs));
        }
        return tree;
    }

    case InspectorSelection::Kind::Producer: {
        const Producer *producer = producerById(cluster, s.client);
        tree.title = producer ? tr("Producer %1").arg(qs(producer->config().clientId)) : tr("Producer %1").arg(s.client);
        if (!producer) {
            gone(tree.title, tr("not in the cluster at this time (not added yet)"));
            return tree;
        }
        tree.exists = true;
        const ProducerConfig &c = producer->config();
        const int top = b.add(-1, tr("Producer"), qs(c.clientId));
        if (cluster.isProducerProcessPaused(producer->id())) {
            const auto until = cluster.producerProcessResumesAt(producer->id());
            b.add(top, tr("Process"), until ? tr("paused until %1").arg(clockText(*until)) : tr("paused until resumed"),
                  tr("Frozen like in a long garbage-collection pause: it sends nothing, and answers wait until it resumes"));
        }
        b.add(top, tr("Topic"), qs(c.topic));
        b.add(top, QStringLiteral("acks"), c.acks == -1 ? QStringLiteral("all (-1)") : QString::number(c.acks));
        b.add(top, QStringLiteral("enable.idempotence"),
              c.idempotent() ? tr("yes") : (c.enableIdempotence ? tr("set, but not in effect without acks=all") : tr("no")));
        b.add(top, tr("Partitioner"),
              c.partitioner == PartitionerKind::RoundRobin ? tr("RoundRobinPartitioner")
                                                           : tr("built-in (murmur2 for keys, sticky for null keys)"));
        b.add(top, QStringLiteral("batch.size"), tr("%1 bytes").arg(c.batchSizeBytes));
        b.add(top, QStringLiteral("linger.ms"), QVariant::fromValue<qint64>(c.lingerMs));
        b.add(top, QStringLiteral("max.in.flight.requests.per.connection"), c.maxInFlightRequestsPerConnection);
        QString rate = tr("none (sends only on request)");
        if (c.rate) {
            QString how;
            switch (c.rate->kind()) {
            case RateModel::Kind::Constant: how = tr("random (Poisson) arrivals"); break;
            case RateModel::Kind::Bursts: how = tr("bursts"); break;
            case RateModel::Kind::FixedInterval: how = tr("a fixed interval"); break;
            }
            rate = tr("%1 records/s, %2").arg(c.rate->averageRecordsPerSecond(), 0, 'g', 4).arg(how);
        }
        b.add(top, tr("Rate"), rate);
        const int keyCount = static_cast<int>(std::min<std::size_t>(c.keys.keyCount(), INT32_MAX));
        QString keys;
        switch (c.keys.kind()) {
        case KeyDistribution::Kind::Uniform: keys = tr("uniform over %n key(s)", nullptr, keyCount); break;
        case KeyDistribution::Kind::HotKeys: keys = tr("a few hot keys among %n key(s)", nullptr, keyCount); break;
        case KeyDistribution::Kind::Zipf: keys = tr("Zipf over %n key(s)", nullptr, keyCount); break;
        case KeyDistribution::Kind::NullKeys: keys = tr("null keys"); break;
        }
        b.add(top, tr("Keys"), keys);
        const int counts = b.add(-1, tr("Records"));
        b.add(counts, tr("Sent"), QVariant::fromValue<qulonglong>(producer->recordsSent()));
        b.add(counts, tr("Acknowledged"), QVariant::fromValue<qulonglong>(producer->recordsAcknowledged()),
              tr("Records the producer was told were written (with acks=0: every record sent)"));
        b.add(counts, tr("Failed"), QVariant::fromValue<qulonglong>(producer->recordsFailed()),
              tr("Records given up after delivery.timeout.ms"));
        b.add(counts, tr("Retries"), QVariant::fromValue<qulonglong>(producer->retries()));
        b.add(counts, tr("Produce requests"), QVariant::fromValue<qulonglong>(producer->requestsSent()));
        return tree;
    }

    case InspectorSelection::Kind::Consumer: {
        const Consumer *consumer = consumerById(cluster, s.client);
        tree.title = consumer ? tr("Consumer %1").arg(qs(consumer->config().clientId)) : tr("Consumer %1").arg(s.client);
        if (!consumer) {
            gone(tree.title, tr("not in the cluster at this time (not added yet)"));
            return tree;
        }
        tree.exists = true;
        const ConsumerConfig &c = consumer->config();
        const int top = b.add(-1, tr("Consumer"), qs(c.clientId));
        QString state = consumer->isRunning() ? tr("running") : tr("stopped");
        if (consumer->isRunning() && cluster.isConsumerProcessPaused(consumer->id())) {
            const auto until = cluster.consumerProcessResumesAt(consumer->id());
            state = until ? tr("process paused until %1").arg(clockText(*until)) : tr("process paused until resumed");
        }
        if (consumer->applicationError())
            state = tr("stopped: %1").arg(qs(*consumer->applicationError()));
        else if (consumer->fatalError())
            state = tr("stopped: %1").arg(QString::fromLatin1(groupErrorName(*consumer->fatalError()).data(),
                                                               static_cast<qsizetype>(groupErrorName(*consumer->fatalError()).size())));
        b.add(top, tr("State"), state);
        if (c.groupId) {
            b.add(top, tr("Group"), qs(*c.groupId), {}, InspectorSelection::ofGroup(qs(*c.groupId)));
            b.add(top, tr("Member id"), consumer->memberId().empty() ? tr("none yet") : qs(consumer->memberId()));
            b.add(top, tr("Generation"), consumer->generation());
            b.add(top, tr("Join state"), QString::fromLatin1(consumerGroupStateName(consumer->groupState())));
            b.add(top, tr("Coordinator"),
                  consumer->coordinator() ? tr("broker %1").arg(consumer->coordinator()->value()) : tr("unknown"));
            b.add(top, tr("Assignor"), consumer->protocolName() ? qs(*consumer->protocolName()) : tr("none yet"));
            b.add(top, tr("Rebalances"), QVariant::fromValue<qulonglong>(consumer->rebalances()));
        } else {
            b.add(top, tr("Group"), tr("none: reads every partition of %1").arg(qs(c.topic)));
        }
        b.add(top, tr("Processing time"), tr("%1 ms per record").arg(static_cast<double>(c.processingTimePerRecord.micros()) / 1000.0, 0, 'g', 6));
        b.add(top, tr("Processing"), c.processing == ConsumerConfig::Processing::HandOff ? tr("handed off to a worker thread")
                                                                                         : tr("in the poll loop"));
        b.add(top, tr("Commits"), c.enableAutoCommit ? tr("auto commit every %1 ms").arg(c.autoCommitIntervalMs)
                                  : c.manualCommit == ConsumerConfig::ManualCommit::None ? tr("none")
                                  : c.manualCommit == ConsumerConfig::ManualCommit::SyncAfterProcessing
                                      ? tr("commitSync after processing")
                                      : tr("commitAsync after processing"));
        const int counts = b.add(-1, tr("Records"));
        b.add(counts, tr("Consumed"), QVariant::fromValue<qulonglong>(consumer->recordsConsumed()),
              tr("Records poll() returned to the application"));
        b.add(counts, tr("Processed"), QVariant::fromValue<qulonglong>(consumer->recordsProcessed()));
        b.add(counts, tr("In processing"), QVariant::fromValue<qulonglong>(consumer->recordsInProcessing()));
        b.add(counts, tr("Buffered"), QVariant::fromValue<qulonglong>(consumer->recordsBuffered()),
              tr("Fetched from the brokers, not returned by poll() yet"));

        // The partitions it reads: assigned ones (a group) or its topic's (no group).
        std::vector<TopicPartition> partitions;
        if (c.groupId) {
            partitions.assign(consumer->assignment().begin(), consumer->assignment().end());
        } else if (const Topic *topic = cluster.topic(c.topic); topic && consumer->isRunning()) {
            for (std::int32_t p = 0; p < topic->partitionCount(); ++p)
                partitions.push_back({c.topic, PartitionId{p}});
        }
        const int assigned = b.add(-1, c.groupId ? tr("Assigned partitions") : tr("Partitions"), static_cast<int>(partitions.size()));
        for (const TopicPartition &tp : partitions) {
            const PartitionState *ps = partitionStateOf(cluster, qs(tp.topic), tp.partition.value());
            const auto position = consumer->positions().find(tp);
            const auto committed = consumer->committed().find(tp);
            const bool paused = consumer->paused().count(tp) != 0;
            QString summary = position == consumer->positions().end() ? tr("position unknown yet")
                                                                       : tr("position %1").arg(position->second.value());
            if (ps && position != consumer->positions().end())
                summary += tr(", lag %1").arg(std::max<qint64>(0, ps->highWatermark() - position->second.value()));
            if (paused)
                summary += tr(", paused");
            const int row = b.add(assigned, partitionName(tp), summary, {},
                                  InspectorSelection::ofPartition(qs(tp.topic), tp.partition.value()));
            b.add(row, tr("Position"),
                  position == consumer->positions().end() ? QVariant(tr("unknown")) : QVariant::fromValue<qint64>(position->second.value()),
                  tr("The next offset it will fetch"));
            b.add(row, tr("Committed"),
                  committed == consumer->committed().end() ? QVariant(tr("none")) : QVariant::fromValue<qint64>(committed->second.value()),
                  tr("The last offset it committed (or fetched from the coordinator)"));
            b.add(row, tr("Lag"),
                  ps && position != consumer->positions().end()
                      ? QVariant::fromValue<qint64>(std::max<qint64>(0, ps->highWatermark() - position->second.value()))
                      : QVariant(QStringLiteral("–")),
                  tr("High watermark minus its position"));
            b.add(row, tr("Paused"), paused ? yes : no);
        }
        return tree;
    }

    case InspectorSelection::Kind::Group: {
        tree.title = tr("Group %1").arg(s.group);
        const std::string groupId = s.group.toStdString();
        const std::optional<GroupSnapshot> group = cluster.group(groupId);
        if (!group) {
            gone(tree.title, tr("no live coordinator knows this group at this time"));
            return tree;
        }
        tree.exists = true;
        const int top = b.add(-1, tr("Group"), s.group);
        const std::string_view stateName = groupStateName(group->state);
        b.add(top, tr("State"), QString::fromLatin1(stateName.data(), static_cast<qsizetype>(stateName.size())),
              tr("The coordinator's state of the group (Kafka's classic protocol)"));
        const auto coordinator = cluster.coordinatorOf(groupId);
        b.add(top, tr("Coordinator"), coordinator ? tr("broker %1").arg(coordinator->value()) : tr("none"), {},
              coordinator ? std::optional(InspectorSelection::ofBroker(coordinator->value())) : std::nullopt);
        b.add(top, tr("Generation"), group->generationId);
        b.add(top, tr("Assignor"), group->protocolName ? qs(*group->protocolName) : tr("none"));
        const int members = b.add(-1, tr("Members"), static_cast<int>(group->members.size()));
        for (const MemberSnapshot &m : group->members) {
            QStringList assignment;
            for (const TopicPartition &tp : m.assignment)
                assignment << partitionName(tp);
            std::optional<InspectorSelection> link;
            for (const auto &c : cluster.consumers())
                if (c->config().groupId == groupId && c->memberId() == m.memberId)
                    link = InspectorSelection::ofConsumer(c->id().value());
            b.add(members, m.isLeader ? tr("%1 (leader)").arg(qs(m.clientId)) : qs(m.clientId),
                  assignment.isEmpty() ? tr("no partitions") : assignment.join(QStringLiteral(", ")),
                  tr("Member id: %1").arg(qs(m.memberId)), link);
        }
        const auto lags = groupLag(cluster, groupId);
        const int offsets = b.add(-1, tr("Committed offsets"), static_cast<int>(lags.size()));
        std::int64_t total = 0;
        for (const auto &[tp, lag] : lags) {
            total += lag.committedLag.value_or(0);
            b.add(offsets, partitionName(tp),
                  lag.committed ? tr("%1, lag %2").arg(*lag.committed).arg(lag.committedLag.value_or(0)) : tr("none"),
                  {}, InspectorSelection::ofPartition(qs(tp.topic), tp.partition.value()));
        }
        b.add(top, tr("Committed lag"), QVariant::fromValue<qint64>(total),
              tr("High watermark minus the committed offset, over all its partitions"));
        // What its applications did with the records (Cluster::groupDelivery).
        const auto delivery = cluster.groupDelivery();
        if (const auto it = delivery.find(groupId); it != delivery.end()) {
            const DeliveryCounts &d = it->second.total;
            const int rows = b.add(-1, tr("Delivery"));
            b.add(rows, tr("Records processed"), QVariant::fromValue<qint64>(static_cast<qint64>(d.processed)),
                  tr("Records its members' applications finished processing, each time counted"));
            b.add(rows, tr("Processed more than once"), QVariant::fromValue<qint64>(static_cast<qint64>(d.processedMoreThanOnce)),
                  tr("At-least-once: records processed again, after a rebalance or a restart from an older committed offset"));
            b.add(rows, tr("Never processed"), QVariant::fromValue<qint64>(static_cast<qint64>(d.neverProcessed)),
                  tr("At-most-once: offsets below the committed offset that no member processed"));
        }
        return tree;
    }

    case InspectorSelection::Kind::Record: {
        tree.title = tr("Record %1-%2 @ %3").arg(s.topic).arg(s.partition).arg(s.offset);
        const PartitionState *state = partitionStateOf(cluster, s.topic, s.partition);
        if (!state) {
            gone(tree.title, tr("its partition does not exist at this time"));
            return tree;
        }
        const PartitionLog &log = state->visibleLog();
        if (s.offset >= log.logEndOffset()) {
            gone(tree.title, tr("not written yet at this time (the log ends at %1)").arg(log.logEndOffset()));
            return tree;
        }
        if (s.offset < log.logStartOffset()) {
            gone(tree.title, tr("deleted: the log now starts at %1").arg(log.logStartOffset()));
            return tree;
        }
        const auto read = log.readRecords(s.offset, 1);
        if (!read.isOk() || read.value().empty() || read.value().front().offset.value() != s.offset) {
            gone(tree.title, tr("no longer in the log (compaction kept a later record with its key)"));
            return tree;
        }
        tree.exists = true;
        const Record &r = read.value().front();
        const int top = b.add(-1, tr("Record"), tr("%1-%2 @ %3").arg(s.topic).arg(s.partition).arg(s.offset));
        b.add(top, tr("Partition"), partitionName(state->tp), {}, InspectorSelection::ofPartition(s.topic, s.partition));
        b.add(top, tr("Offset"), QVariant::fromValue<qint64>(s.offset));
        b.add(top, tr("Below the high watermark"), s.offset < state->highWatermark() ? yes : no,
              tr("Committed: every in-sync replica has it, so consumers may read it"));
        b.add(top, tr("Timestamp"), QDateTime::fromMSecsSinceEpoch(r.timestampMs, Qt::UTC).toString(Qt::ISODateWithMs),
              tr("CreateTime: when the producer sent it (UTC)"));
        b.add(top, tr("Simulated time"), clockText(SimTime::fromMillis(r.timestampMs - Cluster::kSimulationEpochMs)));
        b.add(top, tr("Key"), r.key ? bytesText(*r.key) : tr("null"));
        b.add(top, tr("Value"), r.value ? bytesText(*r.value) : tr("null (a tombstone)"),
              r.value ? tr("%n byte(s)", nullptr, static_cast<int>(r.value->size())) : QString());
        const int headers = b.add(-1, tr("Headers"), static_cast<int>(r.headers.size()));
        for (const RecordHeader &h : r.headers)
            b.add(headers, qs(h.key), h.value ? bytesText(*h.value) : tr("null"));

        // Why the record is in this partition (Kafka's default partitioner for keyed records).
        const int partitioning = b.add(-1, tr("Partitioning"));
        const Topic *topic = cluster.topic(s.topic.toStdString());
        if (!r.key) {
            b.setValue(partitioning, tr("null key"));
            b.add(partitioning, tr("Rule"), tr("no key: the sticky partitioner chose the partition"));
        } else {
            const std::int32_t hash = murmur2(*r.key);
            const std::int32_t count = topic->partitionCount();
            const std::int32_t mapped = toPositive(hash) % count;
            b.setValue(partitioning, tr("partition %1").arg(mapped));
            b.add(partitioning, QStringLiteral("murmur2(key)"), hash, tr("Kafka's murmur2 of the key's bytes (a signed 32-bit int)"));
            b.add(partitioning, QStringLiteral("toPositive"), toPositive(hash), QStringLiteral("murmur2 & 0x7fffffff"));
            b.add(partitioning, tr("Partition for the key"), tr("%1 mod %2 = %3").arg(toPositive(hash)).arg(count).arg(mapped),
                  {}, InspectorSelection::ofPartition(s.topic, mapped));
            b.add(partitioning, tr("Matches"),
                  mapped == s.partition ? tr("yes")
                                        : tr("no: written by another partitioner, with an explicit partition, or before "
                                             "partitions were added"));
        }
        return tree;
    }
    }
    return tree;
}

// --- QAbstractItemModel --------------------------------------------------------------------------

const std::vector<int> &InspectorModel::childrenOf(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_tree.top;
    return m_tree.rows.at(static_cast<std::size_t>(parent.internalId())).children;
}

QModelIndex InspectorModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, static_cast<quintptr>(childrenOf(parent).at(static_cast<std::size_t>(row))));
}

QModelIndex InspectorModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Row &row = m_tree.rows.at(static_cast<std::size_t>(child.internalId()));
    if (row.parent < 0)
        return {};
    const Row &parentRow = m_tree.rows.at(static_cast<std::size_t>(row.parent));
    return createIndex(parentRow.indexInParent, 0, static_cast<quintptr>(row.parent));
}

int InspectorModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(childrenOf(parent).size());
}

int InspectorModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant InspectorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_tree.rows.at(static_cast<std::size_t>(index.internalId()));
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == PropertyColumn ? QVariant(row.name) : row.value;
    case Qt::ToolTipRole:
        return row.toolTip.isEmpty() ? QVariant() : QVariant(row.toolTip);
    case LinkRole:
        return row.link ? QVariant::fromValue(*row.link) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant InspectorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case PropertyColumn: return tr("Property");
    case ValueColumn: return tr("Value");
    default: return {};
    }
}

QHash<int, QByteArray> InspectorModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(LinkRole, "link");
    return names;
}

QModelIndex InspectorModel::find(const QStringList &path) const
{
    QModelIndex at;
    for (const QString &name : path) {
        const std::vector<int> &children = childrenOf(at);
        const auto it = std::find_if(children.begin(), children.end(),
                                     [&](int r) { return m_tree.rows[static_cast<std::size_t>(r)].name == name; });
        if (it == children.end())
            return {};
        at = createIndex(m_tree.rows[static_cast<std::size_t>(*it)].indexInParent, 0, static_cast<quintptr>(*it));
    }
    return at;
}

QVariant InspectorModel::value(const QStringList &path) const
{
    const QModelIndex at = find(path);
    return at.isValid() ? data(at.siblingAtColumn(ValueColumn)) : QVariant();
}
