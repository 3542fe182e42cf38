#include "timelineslider.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionSlider>

TimelineSlider::TimelineSlider(QWidget *parent) : QSlider(Qt::Horizontal, parent)
{
    setMinimumHeight(24); // room for the marks above the groove
}

void TimelineSlider::setMarks(std::vector<Mark> marks)
{
    m_marks = std::move(marks);
    update();
}

QColor TimelineSlider::colorOf(Mark::State state)
{
    switch (state) {
    case Mark::State::Held:
        return {0x2e, 0x9d, 0x4a};
    case Mark::State::Failed:
        return {0xd3, 0x2f, 0x2f};
    case Mark::State::Pending:
        break;
    }
    return {0x9e, 0x9e, 0x9e};
}

void TimelineSlider::paintEvent(QPaintEvent *event)
{
    QSlider::paintEvent(event);
    if (m_marks.empty() || maximum() <= minimum())
        return;
    QStyleOptionSlider option;
    initStyleOption(&option);
    const QRect groove = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
    const QRect handle = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
    const int span = groove.width() - handle.width();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    // Failed marks last, so a red one is never hidden under a green one at the same time.
    for (const auto state : {Mark::State::Pending, Mark::State::Held, Mark::State::Failed}) {
        painter.setBrush(colorOf(state));
        for (const Mark &m : m_marks) {
            if (m.state != state || m.value < minimum() || m.value > maximum())
                continue;
            const int x = groove.left() + handle.width() / 2
                          + QStyle::sliderPositionFromValue(minimum(), maximum(), m.value, span);
            const QPointF tri[3] = {{x - 4.5, 1.0}, {x + 4.5, 1.0}, {static_cast<qreal>(x), 8.0}};
            painter.drawPolygon(tri, 3);
        }
    }
}
