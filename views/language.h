#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QTranslator;

// Which language the UI speaks ("en" or "ko"), with Qt's own strings translated too. Switching
// installs the translators, which sends every widget a LanguageChange event; the choice is kept in
// QSettings unless it came from the command line.
class Language : public QObject
{
    Q_OBJECT

public:
    explicit Language(QObject *parent = nullptr);

    static QStringList available() { return {QStringLiteral("en"), QStringLiteral("ko")}; }
    // "ko" when the system locale is Korean, else "en".
    static QString systemDefault();
    // The saved choice, or the system default.
    static QString saved();

    [[nodiscard]] QString current() const { return m_current; }
    // Returns false for a language we do not have (nothing changes then).
    bool apply(const QString &code, bool remember);

signals:
    void changed(const QString &code);

private:
    QString m_current;
    QTranslator *m_app = nullptr;
    QTranslator *m_qt = nullptr;
};
