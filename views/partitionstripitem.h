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
        int consumer = -1; // the consumer's id, so a frame can tell the mark is current without building names
    };
    // A consumer group's committed offset (the next record the group will read after a restart).
    struct CommitMark {
        QString group;
        qint64 offset = 0;
    };
    // One broker's copy of the partition.
    struct ReplicaRow {
        enum class Role { Leader, InSync, OutOfSync, Offline };
        int broker = 0;
        Role role = Role::InSync;
        qint64 logStartOffset = 0;
        qint64 logEndOffset = 0;
        qint64 highWatermark = 0;
        int leaderEpoch = 0; // for the leader's row
    };
    QString topic;
    int partition = 0;
    qint64 logStartOffset = 0;
    qint64 logEndOffset = 0;
    qint64 highWatermark = 0;
    QVector<Cell> cells; // the newest records, oldest first, at most capacity()
    QVector<ConsumerMark> consumers;
    QVector<CommitMark> commits;
    QVector<ReplicaRow> replicas; // the leader first, then the other replicas in assignment order
};

// One partition drawn as a horizontal log: a cell per record coloured by its key, offsets
// underneath, the log-end offset marked where the next record will land, the high watermark as a
// line (records past it are drawn faded: not yet replicated to the ISR, invisible to consumers),
// each consumer's position as a marker above and each group's committed offset as a hollow
// marker below. Under the log, a thin bar per replica on the same offset scale shows how far each
// broker's copy reaches (leader, in-sync follower, out-of-sync follower, offline), with its high
// watermark. When the log is longer than the strip, the strip shows the newest records and marks
// the older ones off to the left.
class PartitionStripItem : public QGraphicsItem
{
public:
    static constexpr qreal kWidth = 1180;
    // The height without replica rows; each replica adds kReplicaRowHeight.
    static constexpr qreal kHeight = 78;
    static constexpr qreal kReplicaRowHeight = 15;

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
    // Where records land and leave, in item coordinates: the centre of `offset`'s slot on the log,
    // and the left end of broker `broker`'s replica bar at `offset` (the slot's centre; the log's
    // when the broker has no row).
    [[nodiscard]] QPointF cellCentre(qint64 offset) const;
    [[nodiscard]] QPointF replicaPoint(int broker, qint64 offset) const;
    [[nodiscard]] qreal height() const;

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
