#pragma once

#include <QColor>
#include <QSlider>

#include <vector>

// The timeline's slider with a scenario's checkpoints marked on it: a small triangle above the
// groove at each expectation's time, green when it held, red when it failed, grey while it is
// still to come (after a rewind). Marks past the end of the slider's range are not drawn.
class TimelineSlider : public QSlider
{
    Q_OBJECT

public:
    struct Mark {
        int value = 0; // in the slider's units
        enum class State { Pending, Held, Failed } state = State::Pending;
    };

    explicit TimelineSlider(QWidget *parent = nullptr);

    void setMarks(std::vector<Mark> marks);
    [[nodiscard]] const std::vector<Mark> &marks() const { return m_marks; }
    [[nodiscard]] static QColor colorOf(Mark::State state);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<Mark> m_marks;
};
