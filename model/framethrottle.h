#pragma once

#include <QElapsedTimer>
#include <QTimer>

#include <functional>

// Lets a model that many widgets show (a table, a tree) take the changes of playback frames at
// most every kIntervalMs of wall time instead of at 60 frames a second: a table redrawn 60 times a
// second costs more than the scene, and nobody reads numbers that fast. Frames that are not
// playback (a step, an action, a rewind, a headless run) are taken at once, and a throttled
// change is always taken within kIntervalMs, so the model never stays behind.
class FrameThrottle
{
public:
    static constexpr int kIntervalMs = 100;

    // `refresh` takes every change since the last call.
    explicit FrameThrottle(std::function<void()> refresh) : m_refresh(std::move(refresh))
    {
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { run(); });
    }

    // A frame arrived; `playback` as in FrameDelta::playback.
    void frame(bool playback)
    {
        if (!playback || !m_last.isValid() || m_last.elapsed() >= kIntervalMs) {
            run();
            return;
        }
        if (!m_timer.isActive())
            m_timer.start(static_cast<int>(kIntervalMs - m_last.elapsed()));
    }

private:
    void run()
    {
        m_timer.stop();
        m_last.start();
        m_refresh();
    }

    std::function<void()> m_refresh;
    QTimer m_timer;
    QElapsedTimer m_last;
};
