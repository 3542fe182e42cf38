#include "brokercarditem.h"

#include <QCoreApplication>
#include <QGraphicsSceneContextMenuEvent>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

BrokerCardItem::BrokerCardItem(std::function<void(int, QPoint)> onContextMenu)
    : m_onContextMenu(std::move(onContextMenu))
{
    setFlag(QGraphicsItem::ItemIsSelectable);
    setCacheMode(DeviceCoordinateCache); // repainted from the cache until the snapshot changes
    setAcceptedMouseButtons(Qt::LeftButton | Qt::RightButton);
    setCursor(Qt::PointingHandCursor);
}

void BrokerCardItem::setSnapshot(const BrokerCardSnapshot &snapshot)
{
    if (snapshot.id == m_snapshot.id && snapshot.alive == m_snapshot.alive && snapshot.controller == m_snapshot.controller
        && snapshot.decommissioning == m_snapshot.decommissioning && snapshot.fenced == m_snapshot.fenced && snapshot.rack == m_snapshot.rack
        && snapshot.leaders == m_snapshot.leaders
        && snapshot.followers == m_snapshot.followers && snapshot.outOfSync == m_snapshot.outOfSync
        && snapshot.slowMs == m_snapshot.slowMs)
        return;
    m_snapshot = snapshot;
    if (m_snapshot.alive && m_snapshot.fenced)
        setToolTip(tr("Broker %1 is fenced: the controller has not heard from it for broker.session.timeout.ms, so it "
                      "leads nothing and is in no ISR. Once the network heals it is unfenced and catches up.")
                       .arg(m_snapshot.id));
    else
        setToolTip(m_snapshot.alive
                   ? tr("Broker %1: leads %2 partition(s), follows %3 (%4 out of sync). "
                      "Click to select (B kills the selected broker); right-click for actions.")
                         .arg(m_snapshot.id)
                         .arg(m_snapshot.leaders)
                         .arg(m_snapshot.followers)
                         .arg(m_snapshot.outOfSync)
                   : tr("Broker %1 is down. Right-click to restart it.")
                         .arg(m_snapshot.id));
    if (m_snapshot.slowMs > 0)
        setToolTip(toolTip() + QLatin1Char('\n')
                   + tr("Slowed down: every message to or from it takes %1 ms longer.").arg(m_snapshot.slowMs));
    update();
}

QRectF BrokerCardItem::boundingRect() const
{
    return {0, 0, kWidth, kHeight};
}

void BrokerCardItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = QGuiApplication::palette();
    const bool selected = option->state & QStyle::State_Selected;
    const QRectF card = boundingRect().adjusted(1.5, 1.5, -1.5, -1.5);
    painter->setRenderHint(QPainter::Antialiasing);

    QColor fill = m_snapshot.alive ? palette.color(QPalette::Base) : QColor(0xd6, 0xd6, 0xd6);
    QColor edge = m_snapshot.alive ? QColor(0x2e, 0x8b, 0x57) : QColor(0x80, 0x80, 0x80);
    if (m_snapshot.alive && m_snapshot.outOfSync > 0)
        edge = QColor(0xd9, 0x82, 0x1e); // some of its followers lag
    painter->setPen(QPen(selected ? palette.color(QPalette::Highlight) : edge, selected ? 4 : 2));
    painter->setBrush(fill);
    painter->drawRoundedRect(card, 8, 8);

    QFont title = painter->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.2);

    // Status badge, top right.
    QString badge;
    QColor badgeColor;
    if (!m_snapshot.alive) {
        badge = tr("down");
        badgeColor = QColor(0x80, 0x80, 0x80);
    } else if (m_snapshot.fenced) {
        badge = tr("fenced");
        badgeColor = QColor(0xc0, 0x39, 0x2b);
    } else if (m_snapshot.controller) {
        badge = tr("controller");
        badgeColor = QColor(0xb8, 0x86, 0x0b);
    } else if (m_snapshot.decommissioning) {
        badge = tr("leaving");
        badgeColor = QColor(0xd9, 0x82, 0x1e);
    } else {
        badge = tr("up");
        badgeColor = QColor(0x2e, 0x8b, 0x57);
    }
    QFont small = title;
    small.setPointSizeF(small.pointSizeF() / 1.2 * 0.85);
    painter->setFont(small);
    const qreal badgeWidth = QFontMetricsF(small).horizontalAdvance(badge) + 14;
    const QRectF badgeRect(kWidth - 10 - badgeWidth, 9, badgeWidth, 18);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeColor);
    painter->drawRoundedRect(badgeRect, 9, 9);
    painter->setPen(Qt::white);
    painter->drawText(badgeRect, Qt::AlignCenter, badge);

    // The title in what the badge leaves (a long rack name is elided, never under the badge).
    painter->setFont(title);
    painter->setPen(m_snapshot.alive ? palette.color(QPalette::Text) : QColor(0x60, 0x60, 0x60));
    const QRectF titleRect(12, 6, badgeRect.left() - 6 - 12, 24);
    const QString name = tr("Broker %1").arg(m_snapshot.id);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(title).elidedText(name, Qt::ElideRight, titleRect.width()));

    QFont body = title;
    body.setBold(false);
    body.setPointSizeF(title.pointSizeF() / 1.2);
    painter->setFont(body);
    painter->setPen(m_snapshot.alive ? palette.color(QPalette::Text) : QColor(0x60, 0x60, 0x60));
    const QString counts = m_snapshot.alive ? tr("leads %1 · follows %2").arg(m_snapshot.leaders).arg(m_snapshot.followers)
                                            : tr("its replicas are offline");
    painter->drawText(QRectF(12, 34, kWidth - 24, 18), Qt::AlignLeft | Qt::AlignVCenter, counts);
    // Third line: its rack (grey), then how many of its replicas lag (orange).
    const QFontMetricsF metrics(body);
    QRectF line(12, 52, kWidth - 24, 18);
    if (!m_snapshot.rack.isEmpty()) {
        const QString rack = metrics.elidedText(tr("rack %1").arg(m_snapshot.rack), Qt::ElideRight, line.width());
        painter->setPen(QColor(0x70, 0x70, 0x70));
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, rack);
        line.setLeft(line.left() + metrics.horizontalAdvance(rack + QStringLiteral(" · ")));
    }
    if (m_snapshot.slowMs > 0) {
        const QString slow = metrics.elidedText(tr("slow +%1 ms").arg(m_snapshot.slowMs), Qt::ElideRight, line.width());
        painter->setPen(QColor(0x8e, 0x44, 0xad));
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, slow);
        line.setLeft(line.left() + metrics.horizontalAdvance(slow + QStringLiteral(" · ")));
    }
    if (m_snapshot.alive && m_snapshot.outOfSync > 0 && line.width() > 0) {
        painter->setPen(QColor(0xb0, 0x5a, 0x00));
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(tr("%1 replica(s) out of sync").arg(m_snapshot.outOfSync), Qt::ElideRight,
                                             line.width()));
    }
}

void BrokerCardItem::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    if (m_onContextMenu) {
        m_onContextMenu(m_snapshot.id, event->screenPos());
        event->accept();
    }
}
