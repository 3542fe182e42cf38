#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class SimulationController;
class Language;

// The lesson (or scenario) being played: its title and summary, the current narration step in the
// window's language with "‹ Back" and "Next ›" (also PgUp / PgDown), and its checkpoints: every
// expectation, pending, held (green) or failed (red, with what was found).
//
// `controller` and `language` (may be null: English) must outlive the panel.
class NarrationPanel : public QWidget
{
    Q_OBJECT

public:
    NarrationPanel(SimulationController *controller, Language *language, QWidget *parent = nullptr);

    // Shown texts, for tests.
    [[nodiscard]] QString titleText() const;
    [[nodiscard]] QString stepText() const;
    [[nodiscard]] QListWidget *checkpoints() const { return m_checkpoints; }
    [[nodiscard]] QPushButton *nextButton() const { return m_next; }
    [[nodiscard]] QPushButton *backButton() const { return m_back; }

public slots:
    void next();
    void back();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void refreshCheckpoints();
    void retranslate();
    // The window's language ("ko", "en"); English without a Language.
    [[nodiscard]] QString language() const;

    SimulationController *m_controller;
    Language *m_language;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_stepHeader;
    QLabel *m_step;
    QPushButton *m_back;
    QPushButton *m_next;
    QLabel *m_checkpointsHeader;
    QListWidget *m_checkpoints;
};
