#pragma once

#include <QGraphicsScene>
#include <QSet>
#include <QString>

#include <map>

class SimulationController;
class PartitionStripItem;
class QGraphicsSimpleTextItem;
class KeyLegendItem;

// The centre of the main window for now: every topic as a heading with its producers and
// consumers, then each of its partitions as a PartitionStripItem, and a legend of key colours.
// Refreshes only the strips whose partition changed in the last frame.
//
// `controller` must outlive the scene.
class PartitionLogScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit PartitionLogScene(SimulationController *controller, QObject *parent = nullptr);

    // The strip of `topic`-`partition`, or nullptr.
    [[nodiscard]] PartitionStripItem *strip(const QString &topic, int partition) const;
    [[nodiscard]] int stripCount() const { return static_cast<int>(m_strips.size()); }

    // Re-creates every item (after topics change, or to re-translate headings).
    void rebuild();

private:
    void onFrameAdvanced();
    void refreshStrip(const QString &topic, int partition);
    void refreshLegend();
    [[nodiscard]] QString topicHeading(const QString &topic) const;

    SimulationController *m_controller;
    std::map<std::pair<QString, int>, PartitionStripItem *> m_strips;
    std::map<QString, QGraphicsSimpleTextItem *> m_headings;
    KeyLegendItem *m_legend = nullptr;
    QSet<QString> m_keysSeen;
};
