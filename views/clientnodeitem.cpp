#include "clientnodeitem.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneContextMenuEvent>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QWidget>

namespace {
constexpr qreal kPadding = 10;
constexpr qreal kGlyphWidth = 16;

QColor kindColor(ClientNodeSnapshot::Kind kind)
{
    return kind == ClientNodeSnapshot::Kind::Producer ? QColor(0x1f, 0x77, 0xb4) : QColor(0x2e, 0x7d, 0x32);
}
} // namespace

ClientNodeItem::ClientNodeItem(ClientNodeSnapshot snapshot, const QFont &font,
                               std::function<void(const ClientNodeSnapshot &, QPoint)> onContextMenu)
    : m_snapshot(std::move(snapshot)), m_font(font), m_onContextMenu(std::move(onContextMenu))
{
    m_width = QFontMetricsF(m_font).horizontalAdvance(text()) + 2 * kPadding + kGlyphWidth;
    if (m_snapshot.paused)
        m_width += badgeWidth() + kPadding / 2;
    setCacheMode(DeviceCoordinateCache);
    QString tip = m_snapshot.kind == ClientNodeSnapshot::Kind::Producer
        ? QCoreApplication::translate("ClientNodeItem", "Producer %1: its records fly to the leader of their partition")
              .arg(m_snapshot.name)
        : QCoreApplication::translate("ClientNodeItem", "Consumer %1: records its polls return fly here").arg(m_snapshot.name);
    if (m_snapshot.paused)
        tip += QStringLiteral("\n")
            + QCoreApplication::translate("ClientNodeItem",
                                          "Its process is paused (like a long garbage-collection pause): it sends nothing, and "
                                          "what reaches it waits until it resumes.");
    setToolTip(tip);
}

QString ClientNodeItem::badgeText()
{
    return QCoreApplication::translate("ClientNodeItem", "paused");
}

qreal ClientNodeItem::badgeWidth() const
{
    QFont small = m_font;
    small.setPointSizeF(m_font.pointSizeF() * 0.85);
    return QFontMetricsF(small).horizontalAdvance(badgeText()) + 12;
}

QString ClientNodeItem::text() const
{
    return m_snapshot.detail.isEmpty() ? m_snapshot.name
                                       : QStringLiteral("%1 · %2").arg(m_snapshot.name, m_snapshot.detail);
}

QPointF ClientNodeItem::anchor() const
{
    return mapToScene(QPointF(kGlyphWidth / 2 + kPadding / 2, kHeight));
}

QRectF ClientNodeItem::boundingRect() const
{
    return {0, 0, m_width, kHeight};
}

void ClientNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.5);
    const QPalette pal = widget ? widget->palette() : QGuiApplication::palette();
    const QColor base = m_snapshot.active ? kindColor(m_snapshot.kind) : pal.color(QPalette::PlaceholderText);
    QColor fill = base;
    fill.setAlpha(40);
    painter->setPen(QPen(base, 1.5));
    painter->setBrush(fill);
    painter->drawRoundedRect(boundingRect().adjusted(1, 1, -1, -1), kHeight / 2, kHeight / 2);
    if (lod < 0.35)
        return;
    // A glyph: an arrow out of a producer, into a consumer.
    painter->setFont(m_font);
    painter->setPen(base);
    painter->drawText(QRectF(kPadding / 2, 0, kGlyphWidth, kHeight), Qt::AlignCenter,
                      m_snapshot.kind == ClientNodeSnapshot::Kind::Producer ? QStringLiteral("↓") : QStringLiteral("↑"));
    QFont f = m_font;
    f.setStrikeOut(!m_snapshot.active);
    painter->setFont(f);
    painter->setPen(m_snapshot.active ? pal.color(QPalette::WindowText) : pal.color(QPalette::PlaceholderText));
    painter->drawText(QRectF(kPadding / 2 + kGlyphWidth, 0, m_width - kGlyphWidth - kPadding, kHeight),
                      Qt::AlignLeft | Qt::AlignVCenter, text());
    if (m_snapshot.paused) {
        // A "paused" badge at the right end, in the colour of a frozen thing.
        QFont small = m_font;
        small.setPointSizeF(m_font.pointSizeF() * 0.85);
        const qreal w = badgeWidth();
        const QRectF badge(m_width - kPadding / 2 - w, 4, w, kHeight - 8);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0x5d, 0x6d, 0x7e));
        painter->drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
        painter->setFont(small);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, badgeText());
    }
}

void ClientNodeItem::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    if (m_onContextMenu) {
        m_onContextMenu(m_snapshot, event->screenPos());
        event->accept();
    }
}
