#include "partitionstripitem.h"

#include "keycolors.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QGuiApplication>
#include <QWidget>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace {
constexpr qreal kLabelWidth = 150;
constexpr qreal kStripLeft = kLabelWidth + 34; // room for the "older records" marker
constexpr qreal kRightMargin = 110;            // room for the log-end marker and its label
constexpr qreal kCellWidth = 30;
constexpr qreal kCellGap = 2;
constexpr qreal kStripTop = 24;
constexpr qreal kCellHeight = 30;
constexpr qreal kReplicaTop = PartitionStripItem::kHeight - 2;
constexpr qreal kReplicaBarHeight = 8;

QColor roleColor(PartitionStripSnapshot::ReplicaRow::Role role, const QPalette &pal)
{
    using Role = PartitionStripSnapshot::ReplicaRow::Role;
    switch (role) {
    case Role::Leader:
        return pal.color(QPalette::Highlight);
    case Role::InSync:
        return {0x2e, 0x9d, 0x4a};
    case Role::OutOfSync:
        return {0xe0, 0x8a, 0x00};
    case Role::Offline:
        return pal.color(QPalette::PlaceholderText);
    }
    return pal.color(QPalette::PlaceholderText);
}

QString roleText(const PartitionStripSnapshot::ReplicaRow &row)
{
    using Role = PartitionStripSnapshot::ReplicaRow::Role;
    switch (row.role) {
    case Role::Leader:
        return QCoreApplication::translate("PartitionStripItem", "B%1 leader · epoch %2").arg(row.broker).arg(row.leaderEpoch);
    case Role::InSync:
        return QCoreApplication::translate("PartitionStripItem", "B%1 in sync").arg(row.broker);
    case Role::OutOfSync:
        return QCoreApplication::translate("PartitionStripItem", "B%1 out of sync").arg(row.broker);
    case Role::Offline:
        return QCoreApplication::translate("PartitionStripItem", "B%1 offline").arg(row.broker);
    }
    return {};
}
} // namespace

PartitionStripItem::PartitionStripItem()
{
    setFlag(ItemIsSelectable, false);
    // Redrawn only when its snapshot changes (a frame touches few partitions), else from the cache.
    setCacheMode(DeviceCoordinateCache);
    setAcceptedMouseButtons(Qt::LeftButton);
    setCursor(Qt::PointingHandCursor);
}

int PartitionStripItem::capacity()
{
    return static_cast<int>((kWidth - kStripLeft - kRightMargin) / (kCellWidth + kCellGap));
}

void PartitionStripItem::setSnapshot(PartitionStripSnapshot snapshot)
{
    m_snapshot = std::move(snapshot);
    update();
}

qreal PartitionStripItem::height() const
{
    return m_snapshot.replicas.isEmpty() ? kHeight : kReplicaTop + m_snapshot.replicas.size() * kReplicaRowHeight + 6;
}

QRectF PartitionStripItem::boundingRect() const
{
    return {0, 0, kWidth, height()};
}

QPointF PartitionStripItem::cellCentre(qint64 offset) const
{
    return {slotX(offset) + kCellWidth / 2, kStripTop + kCellHeight / 2};
}

QPointF PartitionStripItem::replicaPoint(int broker, qint64 offset) const
{
    for (qsizetype i = 0; i < m_snapshot.replicas.size(); ++i)
        if (m_snapshot.replicas[i].broker == broker)
            return {slotX(offset) + kCellWidth / 2, kReplicaTop + i * kReplicaRowHeight + kReplicaRowHeight / 2};
    return cellCentre(offset);
}

qreal PartitionStripItem::slotX(qint64 offset) const
{
    const qint64 firstShown = m_snapshot.cells.isEmpty() ? m_snapshot.logEndOffset : m_snapshot.cells.front().offset;
    return kStripLeft + static_cast<qreal>(offset - firstShown) * (kCellWidth + kCellGap);
}

void PartitionStripItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod >= 0.5);
    const QPalette pal = widget ? widget->palette() : QGuiApplication::palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor muted = pal.color(QPalette::PlaceholderText);

    // Label: "orders-2".
    QFont labelFont = painter->font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 1.25);
    labelFont.setBold(true);
    painter->setFont(labelFont);
    painter->setPen(text);
    const QRectF labelRect(0, kStripTop, kLabelWidth - 8, kCellHeight);
    painter->drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QStringLiteral("%1-%2").arg(m_snapshot.topic).arg(m_snapshot.partition));

    QFont small = painter->font();
    small.setBold(false);
    small.setPointSizeF(painter->font().pointSizeF() / 1.25 * 0.85);
    QFont cellFont = small;
    cellFont.setBold(true);

    // Strip background: the whole visible width, so an empty log still reads as a log.
    const qreal stripRight = kWidth - kRightMargin;
    painter->setPen(Qt::NoPen);
    painter->setBrush(pal.color(QPalette::AlternateBase));
    painter->drawRoundedRect(QRectF(kStripLeft - 4, kStripTop - 3, stripRight - kStripLeft + 8, kCellHeight + 6), 4, 4);

    if (m_traced) {
        // A traced key's partition: an outline around the strip, and the record's cell ringed.
        QPen outline(pal.color(QPalette::Highlight), 3);
        painter->setPen(outline);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(kStripLeft - 7, kStripTop - 6, stripRight - kStripLeft + 14, kCellHeight + 12), 6, 6);
    }

    if (lod < 0.35) {
        // Far away: one bar for the filled part.
        const qreal filled = slotX(m_snapshot.logEndOffset) - kStripLeft;
        painter->setBrush(muted);
        painter->drawRect(QRectF(kStripLeft, kStripTop, filled, kCellHeight));
        return;
    }

    // Older records than the strip shows.
    if (!m_snapshot.cells.isEmpty() && m_snapshot.cells.front().offset > m_snapshot.logStartOffset) {
        painter->setFont(small);
        painter->setPen(muted);
        painter->drawText(QRectF(kLabelWidth - 4, kStripTop, 36, kCellHeight), Qt::AlignCenter, QStringLiteral("◀⋯"));
    }

    // Record cells.
    const QFontMetricsF cellMetrics(cellFont);
    for (const auto &cell : m_snapshot.cells) {
        const QRectF r(slotX(cell.offset), kStripTop, kCellWidth, kCellHeight);
        QColor fill = cell.nullKey ? KeyColors::forNullKey() : KeyColors::forKey(cell.key);
        const bool uncommitted = cell.offset >= m_snapshot.highWatermark;
        if (uncommitted)
            fill.setAlpha(90); // not yet on every in-sync replica: consumers cannot read it
        painter->setPen(QPen(fill.darker(135), 1, uncommitted ? Qt::DashLine : Qt::SolidLine));
        painter->setBrush(fill);
        painter->drawRoundedRect(r, 3, 3);
        if (lod >= 0.6) {
            painter->setFont(cellFont);
            painter->setPen(uncommitted ? text : KeyColors::textOn(fill));
            const QString glyph = cell.nullKey ? QStringLiteral("∅") : cell.key.left(2);
            painter->drawText(r, Qt::AlignCenter, cellMetrics.elidedText(glyph, Qt::ElideNone, kCellWidth));
        }
        // Offsets under every fifth record, and under the first one shown unless the next
        // multiple of five sits right beside it.
        const bool first = &cell == &m_snapshot.cells.front();
        if (cell.offset % 5 == 0 || (first && cell.offset % 5 != 4)) {
            painter->setFont(small);
            painter->setPen(muted);
            painter->drawText(QRectF(r.left() - 10, r.bottom() + 3, kCellWidth + 20, 16), Qt::AlignHCenter | Qt::AlignTop,
                              QString::number(cell.offset));
        }
    }

    // The log-end offset: the empty slot where the next record lands.
    const qreal leoX = slotX(m_snapshot.logEndOffset);
    const QColor accent = pal.color(QPalette::Highlight);
    painter->setPen(QPen(accent, 2, Qt::DashLine));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(leoX, kStripTop, kCellWidth, kCellHeight), 3, 3);
    painter->setFont(cellFont);
    painter->setPen(accent);
    painter->drawText(QRectF(leoX + kCellWidth + 6, kStripTop, kRightMargin, kCellHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      QCoreApplication::translate("PartitionStripItem", "LEO %1").arg(m_snapshot.logEndOffset));

    // The high watermark: a line before the first record consumers cannot read yet.
    const QColor hwColor(0x8e, 0x44, 0xad);
    const bool hwOffLeft = !m_snapshot.cells.isEmpty() && m_snapshot.highWatermark < m_snapshot.cells.front().offset;
    const qreal hwX = hwOffLeft ? kStripLeft - 3 : slotX(m_snapshot.highWatermark) - kCellGap / 2;
    painter->setPen(QPen(hwColor, 2.5));
    painter->drawLine(QPointF(hwX, kStripTop - 4), QPointF(hwX, kStripTop + kCellHeight + 4));
    painter->setFont(small);
    painter->drawText(QRectF(leoX + kCellWidth + 6, kStripTop + kCellHeight, kRightMargin, 18), Qt::AlignLeft | Qt::AlignTop,
                      QCoreApplication::translate("PartitionStripItem", "HW %1").arg(m_snapshot.highWatermark));

    // Committed offsets: a hollow marker under the log, per group.
    for (const auto &commit : m_snapshot.commits) {
        const bool offLeft = !m_snapshot.cells.isEmpty() && commit.offset < m_snapshot.cells.front().offset;
        const qreal x = offLeft ? kStripLeft - 2 : slotX(commit.offset) - kCellGap / 2;
        painter->setPen(QPen(QColor(0x2e, 0x7d, 0x32), 1.5));
        painter->setBrush(pal.color(QPalette::Base));
        const QPointF tri[3] = {{x, kStripTop + kCellHeight + 2}, {x - 5, kStripTop + kCellHeight + 11},
                                {x + 5, kStripTop + kCellHeight + 11}};
        painter->drawPolygon(tri, 3);
    }

    // The replicas, on the log's offset scale.
    const qint64 firstShown = m_snapshot.cells.isEmpty() ? m_snapshot.logEndOffset : m_snapshot.cells.front().offset;
    for (qsizetype i = 0; i < m_snapshot.replicas.size(); ++i) {
        const auto &row = m_snapshot.replicas[i];
        const qreal top = kReplicaTop + i * kReplicaRowHeight;
        const QColor color = roleColor(row.role, pal);
        painter->setFont(small);
        painter->setPen(row.role == PartitionStripSnapshot::ReplicaRow::Role::Offline ? muted : color.darker(110));
        painter->drawText(QRectF(8, top, kStripLeft - 14, kReplicaRowHeight), Qt::AlignLeft | Qt::AlignVCenter, roleText(row));
        const qreal barTop = top + (kReplicaRowHeight - kReplicaBarHeight) / 2;
        const qreal start = slotX(std::max(firstShown, row.logStartOffset));
        const qreal end = row.logEndOffset < firstShown ? kStripLeft : slotX(row.logEndOffset) - kCellGap;
        painter->setPen(Qt::NoPen);
        QColor fill = color;
        if (row.role == PartitionStripSnapshot::ReplicaRow::Role::Offline)
            fill.setAlpha(110);
        painter->setBrush(fill);
        if (end > start)
            painter->drawRoundedRect(QRectF(start, barTop, end - start, kReplicaBarHeight), 2, 2);
        if (row.logEndOffset < firstShown) {
            painter->setPen(muted);
            painter->drawText(QRectF(kLabelWidth - 4, top, 36, kReplicaRowHeight), Qt::AlignCenter, QStringLiteral("◀"));
        }
        // The replica's own high watermark: what it would let consumers read if it led.
        if (row.highWatermark >= firstShown) {
            const qreal x = slotX(row.highWatermark) - kCellGap / 2;
            painter->setPen(QPen(hwColor, 2));
            painter->drawLine(QPointF(x, barTop - 2), QPointF(x, barTop + kReplicaBarHeight + 2));
        }
        painter->setPen(muted);
        const qint64 behind = m_snapshot.logEndOffset - row.logEndOffset;
        const QString tail = behind > 0 && row.role != PartitionStripSnapshot::ReplicaRow::Role::Leader
                                 ? QCoreApplication::translate("PartitionStripItem", "LEO %1 (−%2)").arg(row.logEndOffset).arg(behind)
                                 : QCoreApplication::translate("PartitionStripItem", "LEO %1").arg(row.logEndOffset);
        painter->drawText(QRectF(std::max(end, kStripLeft) + 6, top, kRightMargin + 60, kReplicaRowHeight),
                          Qt::AlignLeft | Qt::AlignVCenter, tail);
    }

    // Consumer positions: a marker on the left edge of the next record each consumer will read.
    painter->setFont(small);
    const QFontMetricsF smallMetrics(small);
    qreal labelRightEdge = -1;
    for (const auto &c : m_snapshot.consumers) {
        const bool offLeft = !m_snapshot.cells.isEmpty() && c.position < m_snapshot.cells.front().offset;
        const qreal x = offLeft ? kStripLeft - 2 : slotX(c.position) - kCellGap / 2;
        const QColor markColor(0x2e, 0x7d, 0x32);
        painter->setPen(Qt::NoPen);
        painter->setBrush(markColor);
        const QPointF tri[3] = {{x - 5, kStripTop - 12}, {x + 5, kStripTop - 12}, {x, kStripTop - 3}};
        painter->drawPolygon(tri, 3);
        const qint64 lag = m_snapshot.logEndOffset - c.position;
        const QString label = lag > 0 ? QCoreApplication::translate("PartitionStripItem", "%1 (lag %2)").arg(c.name).arg(lag)
                                      : c.name;
        qreal lx = std::max(x + 7, labelRightEdge + 8);
        painter->setPen(markColor);
        painter->drawText(QPointF(lx, kStripTop - 5), label);
        labelRightEdge = lx + smallMetrics.horizontalAdvance(label);
    }

    // The inspected partition: its label framed; the inspected record's cell ringed.
    if (m_inspected) {
        const QColor highlight = pal.color(QPalette::Highlight);
        painter->setPen(QPen(highlight, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(-4, kStripTop - 4, kLabelWidth - 4, kCellHeight + 8), 5, 5);
        if (m_inspectedOffset && !m_snapshot.cells.isEmpty() && *m_inspectedOffset >= m_snapshot.cells.front().offset
            && *m_inspectedOffset < m_snapshot.logEndOffset) {
            painter->setPen(QPen(highlight, 3, Qt::DotLine));
            painter->drawRoundedRect(QRectF(slotX(*m_inspectedOffset) - 3, kStripTop - 3, kCellWidth + 6, kCellHeight + 6), 5, 5);
        }
    }

    // The traced record's cell, ringed (when it is still on the strip).
    if (m_traced && *m_traced >= 0 && !m_snapshot.cells.isEmpty() && *m_traced >= m_snapshot.cells.front().offset
        && *m_traced < m_snapshot.logEndOffset) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(slotX(*m_traced) - 2, kStripTop - 2, kCellWidth + 4, kCellHeight + 4), 5, 5);
    }
}

void PartitionStripItem::setTraced(std::optional<qint64> offset)
{
    if (offset == m_traced)
        return;
    m_traced = offset;
    update();
}

std::optional<qint64> PartitionStripItem::offsetAt(QPointF pos) const
{
    if (m_snapshot.cells.isEmpty() || pos.y() < kStripTop || pos.y() > kStripTop + kCellHeight || pos.x() < kStripLeft)
        return std::nullopt;
    const qreal step = kCellWidth + kCellGap;
    const auto slot = static_cast<qint64>((pos.x() - kStripLeft) / step);
    if (pos.x() - kStripLeft - static_cast<qreal>(slot) * step > kCellWidth)
        return std::nullopt; // the gap between two cells
    const qint64 offset = m_snapshot.cells.front().offset + slot;
    // Compaction leaves gaps: only offsets that hold a record shown here.
    for (const auto &cell : m_snapshot.cells)
        if (cell.offset == offset)
            return offset;
    return std::nullopt;
}

void PartitionStripItem::setInspected(bool inspected, std::optional<qint64> offset)
{
    if (!inspected)
        offset.reset();
    if (inspected == m_inspected && offset == m_inspectedOffset)
        return;
    m_inspected = inspected;
    m_inspectedOffset = offset;
    update();
}

void PartitionStripItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_onClick) {
        QGraphicsItem::mousePressEvent(event);
        return;
    }
    event->accept();
    m_onClick(offsetAt(event->pos()));
}
