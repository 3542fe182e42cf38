#pragma once

#include <QFont>
#include <QGraphicsItem>
#include <QPoint>
#include <QString>

#include <functional>

// What a client node shows, copied out of the engine once per frame.
struct ClientNodeSnapshot {
    enum class Kind { Producer, Consumer };
    Kind kind = Kind::Producer;
    int id = 0;
    QString name;   // client.id
    QString detail; // "6/s, keyed" for a producer, the group for a consumer
    bool active = true; // a consumer that was closed or crashed is drawn greyed and struck out
    bool paused = false; // its process is frozen (the paused-client fault): a "paused" badge
};

// A producer or a consumer as a small rounded node in its topic's heading row: records fly from a
// producer's node to the partitions it writes and from the partitions to the node of the consumer
// that reads them (RecordDotsItem).
class ClientNodeItem : public QGraphicsItem
{
public:
    static constexpr qreal kHeight = 26;

    // `onContextMenu` runs on a right click, with the node's snapshot and the screen position.
    ClientNodeItem(ClientNodeSnapshot snapshot, const QFont &font,
                   std::function<void(const ClientNodeSnapshot &, QPoint)> onContextMenu = {});

    [[nodiscard]] const ClientNodeSnapshot &snapshot() const { return m_snapshot; }
    // The width its text needs.
    [[nodiscard]] qreal width() const { return m_width; }
    // Where records leave (producers) or arrive (consumers), in scene coordinates.
    [[nodiscard]] QPointF anchor() const;

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    [[nodiscard]] QString text() const;
    [[nodiscard]] static QString badgeText();
    [[nodiscard]] qreal badgeWidth() const;

    ClientNodeSnapshot m_snapshot;
    QFont m_font;
    std::function<void(const ClientNodeSnapshot &, QPoint)> m_onContextMenu;
    qreal m_width = 0;
};
