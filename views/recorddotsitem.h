#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QPointF>

#include <optional>
#include <vector>

// Records in flight, drawn as dots coloured by their key: producer → leader, leader → follower,
// partition → consumer. One item draws every dot (STYLE.md §11: one animator, never an animation
// object per record); positions come from animationTime, a views-only clock in milliseconds that
// the scene advances each animation frame. Nothing here touches the engine.
class RecordDotsItem : public QGraphicsItem
{
public:
    struct Flight {
        QPointF from; // scene coordinates
        QPointF to;
        qint64 startMs = 0; // animationTime
        qint64 durationMs = 0;
        QColor color;
        std::optional<QPointF> drawnAt = {}; // where paint() last put it (for partial updates)
    };

    // At most this many dots fly at once; more are not started (the busiest moments are sampled).
    static constexpr std::size_t kMaxFlights = 400;

    RecordDotsItem();

    // Returns false when the flight was dropped (too many in the air).
    bool addFlight(const Flight &flight);
    // Moves to `animationMs`, dropping flights that landed.
    void advance(qint64 animationMs);
    void clear();
    [[nodiscard]] std::size_t flightCount() const { return m_flights.size(); }
    [[nodiscard]] const std::vector<Flight> &flights() const { return m_flights; }
    // Where flight `f` is at animationTime `ms` (clamped to its path).
    [[nodiscard]] static QPointF positionAt(const Flight &f, qint64 ms);

    void setArea(const QRectF &area);
    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    // Asks for a repaint of the dot around `p` only (the view redraws those small areas, not the
    // whole scene).
    void updateAround(QPointF p);

    std::vector<Flight> m_flights;
    qint64 m_now = 0;
    QRectF m_area;
};
