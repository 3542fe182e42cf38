#include "partitionlogscene.h"

#include "brokercarditem.h"
#include "clientnodeitem.h"
#include "keycolors.h"
#include "recorddotsitem.h"
#include "keylegenditem.h"
#include "model/simulationcontroller.h"
#include "partitionstripitem.h"

#include "cluster/consumer_lag.h"

#include <QFont>
#include <QGraphicsSimpleTextItem>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>
#include <set>

using namespace kafkascope;

namespace {
constexpr qreal kMargin = 16;
constexpr qreal kHeadingHeight = 34;
constexpr qreal kTopicGap = 14;
constexpr std::size_t kMaxLegendKeysPerProducer = 32;
} // namespace

PartitionLogScene::PartitionLogScene(SimulationController *controller, QObject *parent)
    : QGraphicsScene(parent), m_controller(controller)
{
    setItemIndexMethod(QGraphicsScene::NoIndex); // few items, all repainted often
    m_animationClock.start();
    m_animationTimer.setInterval(16); // about 60 animation frames a second, only while dots fly
    connect(&m_animationTimer, &QTimer::timeout, this, &PartitionLogScene::onAnimationFrame);
    rebuild();
    m_selectionConnection = connect(this, &QGraphicsScene::selectionChanged, this, &PartitionLogScene::onSelectionChanged);
    connect(m_controller, &SimulationController::frameAdvanced, this, &PartitionLogScene::onFrameAdvanced);
}

PartitionLogScene::~PartitionLogScene()
{
    // QGraphicsScene's destructor deletes the items, which deselects a selected card: by then
    // this part of the scene is gone.
    disconnect(m_selectionConnection);
}

PartitionStripItem *PartitionLogScene::strip(const QString &topic, int partition) const
{
    const auto it = m_strips.find({topic, partition});
    return it == m_strips.end() ? nullptr : it->second;
}

QString PartitionLogScene::topicHeading(const QString &topicName) const
{
    const Topic *topic = m_controller->cluster().topic(topicName.toStdString());
    return tr("Topic %1 · %n partition(s)", nullptr, topic ? topic->partitionCount() : 0).arg(topicName);
}

qreal PartitionLogScene::addClientNodes(const QString &topicName, qreal headingRight, qreal y, const QFont &font)
{
    const Cluster &cluster = m_controller->cluster();
    qreal x = headingRight + 18;
    for (const auto &p : cluster.producers()) {
        const auto &config = p->config();
        if (QString::fromStdString(config.topic) != topicName)
            continue;
        const QString keys = config.keys.kind() == kafkascope::KeyDistribution::Kind::NullKeys ? tr("null keys") : tr("keyed");
        ClientNodeSnapshot node;
        node.kind = ClientNodeSnapshot::Kind::Producer;
        node.id = p->id().value();
        node.name = QString::fromStdString(config.clientId);
        node.detail = tr("%1/s, %2").arg(config.rate ? config.rate->averageRecordsPerSecond() : 0.0, 0, 'g', 3).arg(keys);
        node.paused = cluster.isProducerProcessPaused(p->id());
        auto *item = new ClientNodeItem(node, font, [this](const ClientNodeSnapshot &n, QPoint at) {
            emit clientMenuRequested(n.kind == ClientNodeSnapshot::Kind::Producer, n.id, at);
        });
        item->setPos(x, y);
        addItem(item);
        m_producerNodes[node.id] = item;
        x += item->width() + 8;
    }
    // Consumers, right-aligned over the strips: the running ones, and those that stopped (greyed).
    std::vector<ClientNodeItem *> consumers;
    for (const auto &c : cluster.consumers()) {
        const auto &config = c->config();
        if (QString::fromStdString(config.topic) != topicName)
            continue;
        ClientNodeSnapshot node;
        node.kind = ClientNodeSnapshot::Kind::Consumer;
        node.id = c->id().value();
        node.name = QString::fromStdString(config.clientId);
        node.detail = config.groupId ? QString::fromStdString(*config.groupId) : tr("no group");
        node.active = c->isRunning();
        node.paused = cluster.isConsumerProcessPaused(c->id());
        auto *item = new ClientNodeItem(node, font, [this](const ClientNodeSnapshot &n, QPoint at) {
            emit clientMenuRequested(n.kind == ClientNodeSnapshot::Kind::Producer, n.id, at);
        });
        addItem(item);
        m_consumerNodes[node.id] = item;
        consumers.push_back(item);
    }
    // Right to left; a node that would run into the producers starts a new row below.
    const qreal rowRight = kMargin + PartitionStripItem::kWidth;
    qreal right = rowRight;
    qreal rowY = y;
    qreal leftLimit = x;
    for (auto it = consumers.rbegin(); it != consumers.rend(); ++it) {
        if (right - (*it)->width() < leftLimit && right < rowRight) {
            rowY += ClientNodeItem::kHeight + 6;
            right = rowRight;
            leftLimit = kMargin;
        }
        right -= (*it)->width();
        (*it)->setPos(std::max(right, leftLimit), rowY);
        right -= 8;
    }
    return rowY - y;
}

void PartitionLogScene::rebuild()
{
    m_rebuilding = true; // clearing the items deselects the broker card: not the user's doing
    clear();
    m_strips.clear();
    m_headings.clear();
    m_brokerCards.clear();
    m_producerNodes.clear();
    m_consumerNodes.clear();
    m_landing.clear();
    m_dots = nullptr;
    m_legend = nullptr;
    m_layoutDirty = false;
    refreshCommits();

    const Cluster &cluster = m_controller->cluster();
    QStringList keys;
    // The keys a producer may send, up to kMaxLegendKeysPerProducer of them (a Zipf workload can
    // have a million); keys seen in the logs are added as they appear.
    for (const auto &p : cluster.producers()) {
        const auto &distribution = p->config().keys;
        const std::size_t shown = std::min(distribution.keyCount(), kMaxLegendKeysPerProducer);
        for (std::size_t i = 0; i < shown; ++i)
            keys << QString::fromStdString(distribution.keyAt(i));
    }
    for (const QString &k : std::as_const(m_keysSeen))
        keys << k;
    keys.removeDuplicates();
    keys.sort();

    qreal y = kMargin;
    m_legend = new KeyLegendItem(PartitionStripItem::kWidth);
    m_legend->setKeys(keys);
    m_legend->setPos(kMargin, y);
    addItem(m_legend);
    y += m_legend->boundingRect().height() + 8;

    QFont headingFont = m_textFont.value_or(QGuiApplication::font());
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    headingFont.setBold(true);

    // The brokers, a card each, as many to a row as fit the strips' width.
    auto *brokersHeading = addSimpleText(tr("Brokers"), headingFont);
    brokersHeading->setBrush(QGuiApplication::palette().color(QPalette::WindowText));
    brokersHeading->setPos(kMargin, y + 6);
    y += kHeadingHeight;
    constexpr qreal kCardGap = 12;
    const int perRow = std::max(1, static_cast<int>((PartitionStripItem::kWidth + kCardGap) / (BrokerCardItem::kWidth + kCardGap)));
    int column = 0;
    for (const auto &[id, broker] : cluster.brokers()) {
        auto *card = new BrokerCardItem([this](int b, QPoint at) { emit brokerMenuRequested(b, at); });
        if (column == perRow) {
            column = 0;
            y += BrokerCardItem::kHeight + kCardGap;
        }
        card->setPos(kMargin + column * (BrokerCardItem::kWidth + kCardGap), y);
        addItem(card);
        m_brokerCards[id.value()] = card;
        ++column;
    }
    if (!m_brokerCards.empty())
        y += BrokerCardItem::kHeight + kTopicGap;
    refreshBrokers();
    const auto trace = m_trace;

    for (const auto &[name, topic] : cluster.topics()) {
        if (topic.isInternal())
            continue; // 50 strips of __consumer_offsets would bury the user's topics
        const QString qname = QString::fromStdString(name);
        auto *heading = addSimpleText(topicHeading(qname), headingFont);
        heading->setBrush(QGuiApplication::palette().color(QPalette::WindowText));
        heading->setPos(kMargin, y + 6);
        m_headings[qname] = heading;
        QFont nodeFont = m_textFont.value_or(QGuiApplication::font());
        y += addClientNodes(qname, heading->sceneBoundingRect().right(), y + 4, nodeFont);
        y += kHeadingHeight;
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            auto *item = new PartitionStripItem;
            item->setOnClick([this, qname, p](std::optional<qint64> offset) {
                emit inspectRequested(offset ? InspectorSelection::ofRecord(qname, p, *offset)
                                             : InspectorSelection::ofPartition(qname, p));
            });
            item->setPos(kMargin, y);
            addItem(item);
            m_strips[{qname, p}] = item;
            refreshStrip(qname, p);
            y += item->height();
        }
        y += kTopicGap;
    }
    m_layoutDirty = false; // the strips just laid out at their heights
    setSceneRect(0, 0, PartitionStripItem::kWidth + 2 * kMargin, std::max<qreal>(y + kMargin, 200));
    m_dots = new RecordDotsItem;
    m_dots->setArea(sceneRect());
    addItem(m_dots);
    if (trace)
        if (PartitionStripItem *item = strip(std::get<0>(*trace), std::get<1>(*trace)))
            item->setTraced(std::get<2>(*trace));
    applyInspected();
    m_rebuilding = false;
}

void PartitionLogScene::setInspected(const InspectorSelection &selection)
{
    if (selection == m_inspected)
        return;
    m_inspected = selection;
    applyInspected();
}

void PartitionLogScene::applyInspected()
{
    const InspectorSelection &s = m_inspected;
    const bool onStrip = s.kind == InspectorSelection::Kind::Partition || s.kind == InspectorSelection::Kind::Replica
        || s.kind == InspectorSelection::Kind::Record;
    for (const auto &[key, item] : m_strips) {
        const bool mine = onStrip && key.first == s.topic && key.second == s.partition;
        item->setInspected(mine, mine && s.kind == InspectorSelection::Kind::Record ? std::optional(s.offset) : std::nullopt);
    }
    const bool wasRebuilding = m_rebuilding;
    m_rebuilding = true; // a selection made here is not a request to inspect
    for (const auto &[id, card] : m_brokerCards)
        card->setSelected(s.kind == InspectorSelection::Kind::Broker && s.broker == id);
    m_rebuilding = wasRebuilding;
}

void PartitionLogScene::onSelectionChanged()
{
    if (m_rebuilding)
        return;
    if (const auto broker = selectedBroker())
        emit inspectRequested(InspectorSelection::ofBroker(*broker));
}

void PartitionLogScene::refreshStrip(const QString &topicName, int partition)
{
    PartitionStripItem *item = strip(topicName, partition);
    const Cluster &cluster = m_controller->cluster();
    const Topic *topic = cluster.topic(topicName.toStdString());
    if (!item || !topic)
        return;
    const PartitionLog &log = topic->partition(PartitionId{partition});

    PartitionStripSnapshot snap;
    snap.topic = topicName;
    snap.partition = partition;
    snap.logStartOffset = log.logStartOffset();
    snap.logEndOffset = log.logEndOffset();
    const auto capacity = static_cast<std::int64_t>(PartitionStripItem::capacity());
    const std::int64_t from = std::max(log.logStartOffset(), log.logEndOffset() - capacity);
    const auto records = log.readRecords(from, static_cast<std::size_t>(capacity));
    for (const Record &r : records.isOk() ? records.value() : std::vector<Record>{}) {
        PartitionStripSnapshot::Cell cell;
        cell.offset = r.offset.value();
        cell.nullKey = !r.key.has_value();
        if (r.key) {
            cell.key = QString::fromStdString(*r.key);
            if (!m_keysSeen.contains(cell.key))
                m_keysSeen.insert(cell.key);
        }
        snap.cells.push_back(std::move(cell));
    }
    const TopicPartition tp{topicName.toStdString(), PartitionId{partition}};
    snap.consumers = consumerMarks(tp);
    if (const auto it = m_commits.find(tp); it != m_commits.end())
        snap.commits = it->second;
    const PartitionState &state = topic->state(PartitionId{partition});
    snap.highWatermark = state.highWatermark();
    std::vector<BrokerId> order;
    if (state.leader)
        order.push_back(*state.leader);
    for (BrokerId b : state.assignment)
        if (b != state.leader && state.replicas.count(b))
            order.push_back(b);
    using Role = PartitionStripSnapshot::ReplicaRow::Role;
    for (BrokerId b : order) {
        const Replica &replica = state.replicas.at(b);
        PartitionStripSnapshot::ReplicaRow row;
        row.broker = b.value();
        const auto broker = cluster.brokers().find(b);
        const bool alive = broker != cluster.brokers().end() && broker->second.alive;
        row.role = !alive                 ? Role::Offline
                   : state.leader == b    ? Role::Leader
                   : state.isr.count(b)   ? Role::InSync
                                          : Role::OutOfSync;
        row.logStartOffset = replica.log->logStartOffset();
        row.logEndOffset = replica.log->logEndOffset();
        row.highWatermark = replica.highWatermark;
        row.leaderEpoch = state.leaderEpoch;
        snap.replicas.push_back(row);
    }
    const qreal before = item->height();
    item->setSnapshot(std::move(snap));
    if (item->height() != before)
        m_layoutDirty = true; // the replica set changed size (a reassignment)
}

void PartitionLogScene::refreshLegend()
{
    if (!m_legend)
        return;
    QStringList keys = m_legend->keys();
    bool grew = false;
    for (const QString &k : std::as_const(m_keysSeen)) {
        if (!keys.contains(k)) {
            keys << k;
            grew = true;
        }
    }
    if (!grew)
        return;
    keys.sort();
    const qreal before = m_legend->boundingRect().height();
    m_legend->setKeys(keys);
    if (m_legend->boundingRect().height() != before)
        rebuild(); // the legend took another row: lay everything out again
}

void PartitionLogScene::setTextFont(const QFont &font)
{
    m_textFont = font;
    rebuild();
}

void PartitionLogScene::tracePartition(const QString &topic, int partition, qint64 offset)
{
    clearTrace();
    m_trace = std::make_tuple(topic, partition, offset);
    if (PartitionStripItem *item = strip(topic, partition))
        item->setTraced(offset);
}

void PartitionLogScene::clearTrace()
{
    if (m_trace)
        if (PartitionStripItem *item = strip(std::get<0>(*m_trace), std::get<1>(*m_trace)))
            item->setTraced(std::nullopt);
    m_trace.reset();
}

BrokerCardItem *PartitionLogScene::brokerCard(int id) const
{
    const auto it = m_brokerCards.find(id);
    return it == m_brokerCards.end() ? nullptr : it->second;
}

std::optional<int> PartitionLogScene::selectedBroker() const
{
    for (const auto &[id, card] : m_brokerCards)
        if (card->isSelected())
            return id;
    return std::nullopt;
}

bool PartitionLogScene::refreshBrokers()
{
    const Cluster &cluster = m_controller->cluster();
    if (cluster.brokers().size() != m_brokerCards.size())
        return false;
    std::map<int, BrokerCardSnapshot> cards;
    const auto controller = cluster.controller();
    for (const auto &[id, broker] : cluster.brokers()) {
        if (!m_brokerCards.count(id.value()))
            return false;
        BrokerCardSnapshot &c = cards[id.value()];
        c.id = id.value();
        c.alive = broker.alive;
        c.decommissioning = broker.decommissioning;
        c.fenced = broker.fenced;
        c.rack = broker.rack ? QString::fromStdString(*broker.rack) : QString();
        c.controller = controller == id;
        c.slowMs = m_controller->brokerDelay(id.value()).millis();
    }
    for (const auto &[name, topic] : cluster.topics()) {
        if (topic.isInternal())
            continue;
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            const PartitionState &state = topic.state(PartitionId{p});
            for (const auto &[b, replica] : state.replicas) {
                const auto it = cards.find(b.value());
                if (it == cards.end())
                    continue;
                if (state.leader == b) {
                    ++it->second.leaders;
                } else {
                    ++it->second.followers;
                    if (!state.isr.count(b))
                        ++it->second.outOfSync;
                }
            }
        }
    }
    for (const auto &[id, snapshot] : cards)
        m_brokerCards.at(id)->setSnapshot(snapshot);
    return true;
}

QVector<PartitionStripSnapshot::ConsumerMark> PartitionLogScene::consumerMarks(const TopicPartition &tp) const
{
    QVector<PartitionStripSnapshot::ConsumerMark> marks;
    for (const auto &c : m_controller->cluster().consumers())
        if (c->reads(tp))
            marks.push_back({QString::fromStdString(c->config().clientId), c->position(tp).value(), c->id().value()});
    return marks;
}

bool PartitionLogScene::consumerMarksCurrent(const TopicPartition &tp, const QVector<PartitionStripSnapshot::ConsumerMark> &marks) const
{
    // The same walk as consumerMarks, comparing as it goes: no names built on the frame tick.
    qsizetype i = 0;
    for (const auto &c : m_controller->cluster().consumers()) {
        if (!c->reads(tp))
            continue;
        if (i == marks.size() || marks[i].consumer != c->id().value() || marks[i].position != c->position(tp).value())
            return false;
        ++i;
    }
    return i == marks.size();
}

bool PartitionLogScene::clientsChanged() const
{
    const Cluster &cluster = m_controller->cluster();
    for (const auto &c : cluster.consumers()) {
        const auto node = m_consumerNodes.find(c->id().value());
        if (node != m_consumerNodes.end()
            && (node->second->snapshot().active != c->isRunning()
                || node->second->snapshot().paused != cluster.isConsumerProcessPaused(c->id())))
            return true;
    }
    for (const auto &p : cluster.producers()) {
        const auto node = m_producerNodes.find(p->id().value());
        if (node != m_producerNodes.end() && node->second->snapshot().paused != cluster.isProducerProcessPaused(p->id()))
            return true;
    }
    return false;
}

void PartitionLogScene::refreshCommits()
{
    m_commits.clear();
    const Cluster &cluster = m_controller->cluster();
    std::set<std::string> groups;
    for (const auto &c : cluster.consumers())
        if (c->config().groupId)
            groups.insert(*c->config().groupId);
    for (const std::string &group : groups)
        for (const auto &[tp, lag] : groupLag(cluster, group))
            if (lag.committed)
                m_commits[tp].push_back({QString::fromStdString(group), *lag.committed});
}

void PartitionLogScene::onFrameAdvanced()
{
    const FrameDelta &frame = m_controller->lastFrame();
    if (frame.topicsChanged || !refreshBrokers() || clientsChanged()) {
        rebuild();
        return;
    }
    refreshCommits();
    for (const auto &tp : frame.changedPartitions)
        refreshStrip(QString::fromStdString(tp.topic), tp.partition.value());
    // Commits move without an append: strips whose committed marks changed are refreshed too.
    for (const auto &[tp, marks] : m_commits)
        if (!frame.changedPartitions.count(tp))
            if (PartitionStripItem *item = strip(QString::fromStdString(tp.topic), tp.partition.value()))
                if (item->snapshot().commits.size() != marks.size()
                    || !std::equal(marks.begin(), marks.end(), item->snapshot().commits.begin(),
                                   [](const auto &a, const auto &b) { return a.group == b.group && a.offset == b.offset; }))
                    refreshStrip(QString::fromStdString(tp.topic), tp.partition.value());
    // So do consumer positions (a rebalance hands a partition to a consumer that starts from the
    // group's committed offset; a seek).
    for (const auto &[key, item] : m_strips) {
        const TopicPartition tp{key.first.toStdString(), PartitionId{key.second}};
        if (frame.changedPartitions.count(tp))
            continue;
        if (!consumerMarksCurrent(tp, item->snapshot().consumers))
            refreshStrip(key.first, key.second);
    }
    refreshLegend();
    if (m_layoutDirty)
        rebuild();
    launchFlights(frame);
}

qint64 PartitionLogScene::animationTime() const
{
    return m_animationClock.elapsed();
}

QColor PartitionLogScene::colorAt(const PartitionStripItem *item, qint64 offset) const
{
    const auto &cells = item->snapshot().cells;
    const auto it = std::lower_bound(cells.begin(), cells.end(), offset,
                                     [](const PartitionStripSnapshot::Cell &c, qint64 o) { return c.offset < o; });
    if (it == cells.end() || it->offset != offset)
        return KeyColors::forNullKey();
    return it->nullKey ? KeyColors::forNullKey() : KeyColors::forKey(it->key);
}

void PartitionLogScene::launchFlights(const FrameDelta &frame)
{
    if (!m_dots || !m_animationsEnabled)
        return;
    const qint64 now = animationTime();
    int budget = kMaxFlightsPerFrame;
    // Producer → the leader's log, landing on the record's offset.
    for (const auto &a : frame.appended) {
        if (budget <= 0)
            break;
        const auto node = m_producerNodes.find(a.producer);
        PartitionStripItem *item = strip(a.topic, a.partition);
        if (node == m_producerNodes.end() || !item)
            continue;
        const QColor color = a.nullKey ? KeyColors::forNullKey() : KeyColors::forKey(a.key);
        const TopicPartition tp{a.topic.toStdString(), PartitionId{a.partition}};
        const QPointF to = item->mapToScene(item->cellCentre(a.offset));
        if (m_dots->addFlight({node->second->anchor(), to, now, kProduceFlightMs, color})) {
            m_landing[tp] = now + kProduceFlightMs;
            --budget;
        }
    }
    // Leader → follower: a dot drops from the log to the follower's bar, after the record landed.
    budget = kMaxFlightsPerFrame;
    for (const auto &r : frame.replicated) {
        PartitionStripItem *item = strip(QString::fromStdString(r.tp.topic), r.tp.partition.value());
        if (!item)
            continue;
        const auto landed = m_landing.find(r.tp);
        const qint64 start = landed == m_landing.end() ? now : std::max(now, landed->second);
        for (qint64 o = r.first; o <= r.last && budget > 0; ++o, --budget)
            m_dots->addFlight({item->mapToScene(item->cellCentre(o)), item->mapToScene(item->replicaPoint(r.follower, o)),
                               start, kReplicaFlightMs, colorAt(item, o)});
    }
    // The log → the consumer whose poll returned the records.
    budget = kMaxFlightsPerFrame;
    for (const auto &c : frame.consumed) {
        PartitionStripItem *item = strip(QString::fromStdString(c.tp.topic), c.tp.partition.value());
        const auto node = m_consumerNodes.find(c.consumer);
        if (!item || node == m_consumerNodes.end())
            continue;
        const auto landed = m_landing.find(c.tp);
        const qint64 start = landed == m_landing.end() ? now : std::max(now, landed->second);
        for (qint64 o = c.first; o <= c.last && budget > 0; ++o, --budget)
            m_dots->addFlight({item->mapToScene(item->cellCentre(o)), node->second->anchor(), start, kConsumeFlightMs,
                               colorAt(item, o)});
    }
    if (m_dots->flightCount() > 0 && !m_animationTimer.isActive())
        m_animationTimer.start();
}

void PartitionLogScene::onAnimationFrame()
{
    if (!m_dots) {
        m_animationTimer.stop();
        return;
    }
    m_dots->advance(animationTime());
    if (m_dots->flightCount() == 0)
        m_animationTimer.stop();
}

void PartitionLogScene::setAnimationsEnabled(bool enabled)
{
    m_animationsEnabled = enabled;
    if (!enabled && m_dots)
        m_dots->clear();
}
