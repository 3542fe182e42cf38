#pragma once

#include <QGraphicsItem>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>

// What a partition strip shows, copied out of the engine once per frame (views never hold
// engine pointers).
struct PartitionStripSnapshot {
    struct Cell {
        qint64 offset = 0;
        QString key;
        bool nullKey = false;
    };
    struct ConsumerMark {
        QString name;
        qint64 position = 0;
    };
    QString topic;
    int partition = 0;
    qint64 logStartOffset = 0;
    qint64 logEndOffset = 0;
    QVector<Cell> cells; // the newest records, oldest first, at most capacity()
    QVector<ConsumerMark> consumers;
};

// One partition drawn as a horizontal log: a cell per record coloured by its key, offsets
// underneath, the log-end offset marked where the next record will land, and each consumer's
// position as a marker above. When the log is longer than the strip, the strip shows the newest
// records and says how many older ones are off to the left.
class PartitionStripItem : public QGraphicsItem
{
public:
    static constexpr qreal kWidth = 1180;
    static constexpr qreal kHeight = 78;

    PartitionStripItem();

    void setSnapshot(PartitionStripSnapshot snapshot);
    [[nodiscard]] const PartitionStripSnapshot &snapshot() const { return m_snapshot; }
    // How many record cells fit.
    [[nodiscard]] static int capacity();

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // Geometry, for tests and hit-testing: the x of the left edge of the slot that holds
    // `offset` (or would, for the log-end offset).
    [[nodiscard]] qreal slotX(qint64 offset) const;

    // Key tracing: the strip is outlined where a traced key lands; a record offset >= 0 is ringed too.
    void setTraced(std::optional<qint64> offset);
    [[nodiscard]] std::optional<qint64> traced() const { return m_traced; }

    // The offset of the record cell at `pos` (item coordinates), if a cell is there.
    [[nodiscard]] std::optional<qint64> offsetAt(QPointF pos) const;
    // A left click calls `onClick` with the record clicked (nothing: the strip, not a record).
    void setOnClick(std::function<void(std::optional<qint64> offset)> onClick) { m_onClick = std::move(onClick); }
    // The inspector looks at this partition (its label is framed) or at one of its records (ringed).
    void setInspected(bool inspected, std::optional<qint64> offset = std::nullopt);
    [[nodiscard]] bool isInspected() const { return m_inspected; }

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    PartitionStripSnapshot m_snapshot;
    std::optional<qint64> m_traced;
    bool m_inspected = false;
    std::optional<qint64> m_inspectedOffset;
    std::function<void(std::optional<qint64>)> m_onClick;
};
