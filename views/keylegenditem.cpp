#include "keylegenditem.h"

#include "keycolors.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QWidget>

namespace {
constexpr qreal kSwatch = 18;
constexpr qreal kRowHeight = 26;
} // namespace

KeyLegendItem::KeyLegendItem(qreal width) : m_width(width)
{
    setCacheMode(DeviceCoordinateCache); // dozens of labels that rarely change: drawn once
    layout();
}

void KeyLegendItem::setKeys(QStringList keys)
{
    if (keys == m_keys)
        return;
    prepareGeometryChange();
    m_keys = std::move(keys);
    layout();
    update();
}

void KeyLegendItem::layout()
{
    const QFontMetricsF fm(QGuiApplication::font());
    m_entries.clear();
    qreal x = 0;
    qreal y = 4;
    auto place = [&](Entry e) {
        const qreal w = e.isTitle ? fm.horizontalAdvance(e.label) + 12
                                  : kSwatch + 5 + fm.horizontalAdvance(e.label) + 16;
        if (x > 0 && x + w > m_width) {
            x = 0;
            y += kRowHeight;
        }
        e.at = QPointF(x, y);
        x += w;
        m_entries.push_back(std::move(e));
    };
    place({QCoreApplication::translate("KeyLegendItem", "Record keys:"), {}, {}, {}, true});
    for (const QString &k : m_keys)
        place({k, k.left(2), KeyColors::forKey(k), {}, false});
    place({QCoreApplication::translate("KeyLegendItem", "null key"), QStringLiteral("∅"), KeyColors::forNullKey(), {}, false});
    m_height = y + kRowHeight;
}

QRectF KeyLegendItem::boundingRect() const
{
    return {0, 0, m_width, m_height};
}

void KeyLegendItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    const QPalette pal = widget ? widget->palette() : QGuiApplication::palette();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(QGuiApplication::font());
    for (const Entry &e : m_entries) {
        if (e.isTitle) {
            painter->setPen(pal.color(QPalette::WindowText));
            painter->drawText(QPointF(e.at.x(), e.at.y() + kSwatch - 4), e.label);
            continue;
        }
        const QRectF box(e.at, QSizeF(kSwatch, kSwatch));
        painter->setPen(QPen(e.color.darker(135), 1));
        painter->setBrush(e.color);
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(KeyColors::textOn(e.color));
        painter->drawText(box, Qt::AlignCenter, e.glyph);
        painter->setPen(pal.color(QPalette::WindowText));
        painter->drawText(QPointF(e.at.x() + kSwatch + 5, e.at.y() + kSwatch - 4), e.label);
    }
}
