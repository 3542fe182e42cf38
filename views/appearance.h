#pragma once

#include <QFont>
#include <QObject>
#include <QPalette>

// The look of the whole application: a light or a dark theme (Qt's Fusion style with its palette),
// and presenter mode for projectors: text 1.45 times larger and stronger contrast (pure white or
// black backgrounds, black or white text). The theme is kept in QSettings when asked to; presenter
// mode is not (it is for the talk at hand).
class Appearance : public QObject
{
    Q_OBJECT

public:
    enum class Theme { Light, Dark };

    explicit Appearance(QObject *parent = nullptr);

    [[nodiscard]] Theme theme() const { return m_theme; }
    [[nodiscard]] bool presenter() const { return m_presenter; }
    // The theme saved in QSettings (light when none is).
    [[nodiscard]] static Theme savedTheme();
    // The palette of `theme`, in presenter mode or not.
    [[nodiscard]] static QPalette paletteFor(Theme theme, bool presenter);

    void setTheme(Theme theme, bool remember);
    void setPresenter(bool on);

    // How much larger text is in presenter mode.
    static constexpr double kPresenterScale = 1.45;

signals:
    void changed();

private:
    void apply();

    Theme m_theme = Theme::Light;
    bool m_presenter = false;
    QFont m_baseFont; // the application font before presenter mode
};
