#pragma once

#include <QGraphicsItem>
#include <QPointF>
#include <QStringList>
#include <QVector>

// A legend of colour swatches naming each record key, then the colour of null keys. Wraps onto
// more rows when the keys do not fit in one.
class KeyLegendItem : public QGraphicsItem
{
public:
    explicit KeyLegendItem(qreal width);

    void setKeys(QStringList keys);
    [[nodiscard]] const QStringList &keys() const { return m_keys; }

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    struct Entry {
        QString label;
        QString glyph;
        QColor color;
        QPointF at; // top-left of the swatch; the title has no swatch
        bool isTitle = false;
    };
    void layout();

    qreal m_width;
    qreal m_height = 28;
    QStringList m_keys;
    QVector<Entry> m_entries;
};
