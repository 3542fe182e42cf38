#include "appearance.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace {

const QString kThemeKey = QStringLiteral("ui/theme");

} // namespace

Appearance::Appearance(QObject *parent) : QObject(parent), m_baseFont(QApplication::font())
{
}

Appearance::Theme Appearance::savedTheme()
{
    return QSettings().value(kThemeKey).toString() == QLatin1String("dark") ? Theme::Dark : Theme::Light;
}

QPalette Appearance::paletteFor(Theme theme, bool presenter)
{
    QPalette p;
    if (theme == Theme::Light) {
        QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        p = fusion ? fusion->standardPalette() : QPalette();
        delete fusion;
        if (presenter) {
            p.setColor(QPalette::Window, Qt::white);
            p.setColor(QPalette::Base, Qt::white);
            p.setColor(QPalette::AlternateBase, QColor(0xe8, 0xe8, 0xe8));
            p.setColor(QPalette::WindowText, Qt::black);
            p.setColor(QPalette::Text, Qt::black);
            p.setColor(QPalette::ButtonText, Qt::black);
            p.setColor(QPalette::PlaceholderText, QColor(0x40, 0x40, 0x40));
            p.setColor(QPalette::Highlight, QColor(0x00, 0x4c, 0xb3));
        }
        return p;
    }
    const QColor window = presenter ? QColor(0x00, 0x00, 0x00) : QColor(0x2b, 0x2d, 0x31);
    const QColor base = presenter ? QColor(0x00, 0x00, 0x00) : QColor(0x1f, 0x21, 0x24);
    const QColor text = presenter ? QColor(0xff, 0xff, 0xff) : QColor(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, presenter ? QColor(0x26, 0x26, 0x26) : QColor(0x2f, 0x32, 0x36));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, presenter ? QColor(0xc0, 0xc0, 0xc0) : QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Button, presenter ? QColor(0x1a, 0x1a, 0x1a) : QColor(0x36, 0x39, 0x3e));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xfd));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x50, 0x53, 0x58));
    p.setColor(QPalette::Midlight, QColor(0x44, 0x47, 0x4c));
    p.setColor(QPalette::Mid, QColor(0x30, 0x33, 0x37));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

void Appearance::setTheme(Theme theme, bool remember)
{
    if (remember)
        QSettings().setValue(kThemeKey, theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light"));
    if (theme == m_theme && QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0)
        return;
    m_theme = theme;
    apply();
}

void Appearance::setPresenter(bool on)
{
    if (on == m_presenter)
        return;
    m_presenter = on;
    apply();
}

void Appearance::apply()
{
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(paletteFor(m_theme, m_presenter));
    QFont font = m_baseFont;
    if (m_presenter) {
        if (m_baseFont.pointSizeF() > 0)
            font.setPointSizeF(m_baseFont.pointSizeF() * kPresenterScale);
        else
            font.setPixelSize(qRound(m_baseFont.pixelSize() * kPresenterScale));
    }
    QApplication::setFont(font);
    emit changed();
}
