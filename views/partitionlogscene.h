#pragma once

#include "model/inspectormodel.h"

#include <QColor>
#include <QElapsedTimer>
#include <QFont>
#include <QGraphicsScene>
#include <QPoint>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QVector>

#include <map>
#include <optional>
#include <tuple>

#include "cluster/topic_partition.h"
#include "partitionstripitem.h"

class SimulationController;
class QGraphicsSimpleTextItem;
class KeyLegendItem;
class BrokerCardItem;
class ClientNodeItem;
class RecordDotsItem;
struct FrameDelta;

// The centre of the main window: a legend of key colours, the brokers as cards (BrokerCardItem),
// then every topic as a heading with its producers and consumers and each of its partitions as a
// PartitionStripItem.
// Refreshes only the strips whose partition changed in the last frame.
//
// `controller` must outlive the scene.
class PartitionLogScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit PartitionLogScene(SimulationController *controller, QObject *parent = nullptr);
    ~PartitionLogScene() override;

    // The strip of `topic`-`partition`, or nullptr.
    [[nodiscard]] PartitionStripItem *strip(const QString &topic, int partition) const;
    [[nodiscard]] int stripCount() const { return static_cast<int>(m_strips.size()); }
    // The card of broker `id`, or nullptr.
    [[nodiscard]] BrokerCardItem *brokerCard(int id) const;
    // Key tracing: outlines `topic`-`partition` (and rings the record at `offset` when it is >= 0)
    // until another partition is traced or clearTrace() is called.
    void tracePartition(const QString &topic, int partition, qint64 offset);
    void clearTrace();
    // The broker whose card is selected, if any.
    [[nodiscard]] std::optional<int> selectedBroker() const;
    // Marks what the inspector shows: a broker's card is selected, a partition's strip framed, a
    // record's cell ringed (survives rebuilds). Anything else clears the marks.
    void setInspected(const InspectorSelection &selection);

    // Re-creates every item (after topics change, or to re-translate headings).
    void rebuild();
    // The font headings are drawn in (the application's by default); the view scales the scene,
    // so presenter mode keeps the normal size here and gives the scene more room instead.
    void setTextFont(const QFont &font);

    // Records flying as dots (on by default). Off, none are started and those flying vanish.
    void setAnimationsEnabled(bool enabled);
    [[nodiscard]] bool animationsEnabled() const { return m_animationsEnabled; }
    // The dots item (recreated by rebuild()), for tests.
    [[nodiscard]] const RecordDotsItem *dots() const { return m_dots; }
    // animationTime: milliseconds of wall time since the scene was made (views only).
    [[nodiscard]] qint64 animationTime() const;

    // How long a record takes to fly each hop, in animationTime, and how many dots of each kind
    // one frame starts at most.
    static constexpr qint64 kProduceFlightMs = 550;
    static constexpr qint64 kReplicaFlightMs = 350;
    static constexpr qint64 kConsumeFlightMs = 550;
    static constexpr int kMaxFlightsPerFrame = 60;

signals:
    // A right click on broker `broker`'s card, at `screenPos`.
    void brokerMenuRequested(int broker, QPoint screenPos);
    // A right click on a producer's (`producer`) or consumer's node.
    void clientMenuRequested(bool producer, int id, QPoint screenPos);
    // The user picked something to inspect: selected a broker card, clicked a strip or a record.
    void inspectRequested(const InspectorSelection &selection);

private:
    void onFrameAdvanced();
    // Updates the cards from the cluster; returns false when the set of brokers changed (a
    // rebuild is needed).
    bool refreshBrokers();
    void refreshStrip(const QString &topic, int partition);
    void refreshLegend();
    // Every group's committed offsets, by partition (from the group coordinators).
    void refreshCommits();
    // A consumer stopped (or its node is missing a change): the nodes are laid out again.
    [[nodiscard]] bool clientsChanged() const;
    // The consumers reading tp and their positions, as a strip shows them.
    [[nodiscard]] QVector<PartitionStripSnapshot::ConsumerMark> consumerMarks(const kafkascope::TopicPartition &tp) const;
    // Whether `marks` are what consumerMarks(tp) would give now.
    [[nodiscard]] bool consumerMarksCurrent(const kafkascope::TopicPartition &tp,
                                            const QVector<PartitionStripSnapshot::ConsumerMark> &marks) const;
    [[nodiscard]] QString topicHeading(const QString &topic) const;
    void applyInspected();
    void onSelectionChanged();
    // The topic's producers after its heading and its consumers right-aligned, on row `y` (and
    // more rows when they do not fit). Returns the height the extra rows took.
    qreal addClientNodes(const QString &topic, qreal headingRight, qreal y, const QFont &font);
    void launchFlights(const FrameDelta &frame);
    void onAnimationFrame();
    [[nodiscard]] QColor colorAt(const PartitionStripItem *item, qint64 offset) const;

    SimulationController *m_controller;
    std::map<std::pair<QString, int>, PartitionStripItem *> m_strips;
    std::map<QString, QGraphicsSimpleTextItem *> m_headings;
    KeyLegendItem *m_legend = nullptr;
    std::optional<QFont> m_textFont;
    std::map<int, BrokerCardItem *> m_brokerCards;
    std::optional<std::tuple<QString, int, qint64>> m_trace; // survives rebuilds
    InspectorSelection m_inspected;                          // survives rebuilds
    bool m_rebuilding = false;
    QMetaObject::Connection m_selectionConnection;
    QSet<QString> m_keysSeen;
    std::map<kafkascope::TopicPartition, QVector<PartitionStripSnapshot::CommitMark>> m_commits;
    bool m_layoutDirty = false;
    std::map<int, ClientNodeItem *> m_producerNodes; // by producer id
    std::map<int, ClientNodeItem *> m_consumerNodes; // by consumer id
    RecordDotsItem *m_dots = nullptr;
    bool m_animationsEnabled = true;
    QElapsedTimer m_animationClock;
    QTimer m_animationTimer;
    // When the newest record of a partition lands on its log, in animationTime: the hops after it
    // (replication, consumption) start then.
    std::map<kafkascope::TopicPartition, qint64> m_landing;
};
