#pragma once

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QString>

#include <functional>

// What a broker card shows, copied out of the engine once per frame.
struct BrokerCardSnapshot {
    int id = 0;
    bool alive = true;
    bool controller = false;
    bool decommissioning = false;
    bool fenced = false; // the controller fenced it (cut off for broker.session.timeout.ms)
    QString rack;        // broker.rack, empty when it has none
    int leaders = 0;   // partitions of the user's topics it leads
    int followers = 0; // partitions of the user's topics it holds a follower replica of
    int outOfSync = 0; // of those, replicas not in the ISR
    qint64 slowMs = 0; // extra delay of every message to or from it (Cluster › Network › Slow down), 0: none
};

// One broker as a card: its id, whether it is up, down or the controller, and how many partitions
// it leads and follows. Selectable (the presenter's B kills the selected broker); a right click
// asks for the broker's actions through the callback.
class BrokerCardItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(BrokerCardItem)

public:
    static constexpr qreal kWidth = 180;
    static constexpr qreal kHeight = 74;

    explicit BrokerCardItem(std::function<void(int broker, QPoint screenPos)> onContextMenu = {});

    void setSnapshot(const BrokerCardSnapshot &snapshot);
    [[nodiscard]] const BrokerCardSnapshot &snapshot() const { return m_snapshot; }

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    BrokerCardSnapshot m_snapshot;
    std::function<void(int, QPoint)> m_onContextMenu;
};
