#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

Language::Language(QObject *parent) : QObject(parent) {}

QString Language::systemDefault()
{
    return QLocale::system().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

QString Language::saved()
{
    const QString code = QSettings().value(QStringLiteral("ui/language")).toString();
    return available().contains(code) ? code : systemDefault();
}

bool Language::apply(const QString &code, bool remember)
{
    if (!available().contains(code))
        return false;
    if (m_app) {
        QCoreApplication::removeTranslator(m_app);
        delete m_app;
        m_app = nullptr;
    }
    if (m_qt) {
        QCoreApplication::removeTranslator(m_qt);
        delete m_qt;
        m_qt = nullptr;
    }
    // English is the source language, but it has a .ts of its own for plural forms.
    auto *app = new QTranslator(this);
    if (app->load(QStringLiteral(":/i18n/kafkascope_%1.qm").arg(code))) {
        QCoreApplication::installTranslator(app);
        m_app = app;
    } else {
        delete app;
    }
    if (code != QLatin1String("en")) {
        auto *qt = new QTranslator(this);
        if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            m_qt = qt;
        } else {
            delete qt;
        }
    }
    QLocale::setDefault(QLocale(code == QLatin1String("ko") ? QLocale::Korean : QLocale::English));
    m_current = code;
    if (remember)
        QSettings().setValue(QStringLiteral("ui/language"), code);
    emit changed(code);
    return true;
}
