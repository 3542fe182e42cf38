#include "recorddotsitem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace {
constexpr qreal kRadius = 6;
} // namespace

RecordDotsItem::RecordDotsItem()
{
    setZValue(100); // above strips and cards
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemUsesExtendedStyleOption); // paint() gets the exposed rectangle: draws only the dots in it
}

bool RecordDotsItem::addFlight(const Flight &flight)
{
    if (m_flights.size() >= kMaxFlights)
        return false;
    m_flights.push_back(flight);
    return true;
}

void RecordDotsItem::updateAround(QPointF p)
{
    update(QRectF(p.x() - kRadius - 2, p.y() - kRadius - 2, 2 * kRadius + 4, 2 * kRadius + 4));
}

void RecordDotsItem::advance(qint64 animationMs)
{
    m_now = animationMs;
    for (Flight &f : m_flights) {
        if (f.drawnAt)
            updateAround(*f.drawnAt);
        if (m_now >= f.startMs && m_now < f.startMs + f.durationMs)
            updateAround(positionAt(f, m_now));
    }
    std::erase_if(m_flights, [&](const Flight &f) { return f.startMs + f.durationMs <= m_now; });
}

void RecordDotsItem::clear()
{
    for (const Flight &f : m_flights)
        if (f.drawnAt)
            updateAround(*f.drawnAt);
    m_flights.clear();
}

QPointF RecordDotsItem::positionAt(const Flight &f, qint64 ms)
{
    const double raw = f.durationMs <= 0 ? 1.0 : std::clamp(double(ms - f.startMs) / double(f.durationMs), 0.0, 1.0);
    const double t = raw * raw * (3 - 2 * raw); // ease in and out
    // A slight arc, so dots that share a path stay apart from the straight line of the strips.
    const QPointF d = f.to - f.from;
    const QPointF normal(-d.y(), d.x());
    const double bow = 0.12 * std::sin(M_PI * t);
    return f.from + d * t + normal * bow;
}

void RecordDotsItem::setArea(const QRectF &area)
{
    prepareGeometryChange();
    m_area = area;
}

QRectF RecordDotsItem::boundingRect() const
{
    return m_area;
}

void RecordDotsItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (lod < 0.3)
        return; // too far away for a dot to say anything
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QRectF exposed = option->exposedRect.adjusted(-kRadius - 2, -kRadius - 2, kRadius + 2, kRadius + 2);
    for (Flight &f : m_flights) {
        if (m_now < f.startMs)
            continue; // waits for the hop before it to land
        const QPointF p = positionAt(f, m_now);
        f.drawnAt = p;
        if (!exposed.contains(p))
            continue;
        painter->setPen(QPen(f.color.darker(150), 1.5));
        painter->setBrush(f.color);
        painter->drawEllipse(p, kRadius, kRadius);
    }
}
