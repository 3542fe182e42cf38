#pragma once

#include "model/inspectormodel.h"

#include <QFont>
#include <QGraphicsScene>
#include <QPoint>
#include <QSet>
#include <QString>

#include <map>
#include <optional>
#include <tuple>

class SimulationController;
class PartitionStripItem;
class QGraphicsSimpleTextItem;
class KeyLegendItem;
class BrokerCardItem;

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

signals:
    // A right click on broker `broker`'s card, at `screenPos`.
    void brokerMenuRequested(int broker, QPoint screenPos);
    // The user picked something to inspect: selected a broker card, clicked a strip or a record.
    void inspectRequested(const InspectorSelection &selection);

private:
    void onFrameAdvanced();
    // Updates the cards from the cluster; returns false when the set of brokers changed (a
    // rebuild is needed).
    bool refreshBrokers();
    void refreshStrip(const QString &topic, int partition);
    void refreshLegend();
    [[nodiscard]] QString topicHeading(const QString &topic) const;
    void applyInspected();
    void onSelectionChanged();

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
};
