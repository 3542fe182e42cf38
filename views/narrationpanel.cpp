#include "narrationpanel.h"

#include "language.h"
#include "model/simulationcontroller.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QVBoxLayout>

using namespace kafkascope;

namespace {
QString textIn(const LocalizedText &text, const QString &language)
{
    return QString::fromStdString(text.in(language.toStdString()));
}

QString timeText(SimTime t)
{
    const qint64 ms = t.millis();
    return QStringLiteral("%1:%2").arg(ms / 60000, 2, 10, QLatin1Char('0')).arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

NarrationPanel::NarrationPanel(SimulationController *controller, Language *language, QWidget *parent)
    : QWidget(parent),
      m_controller(controller),
      m_language(language),
      m_title(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_stepHeader(new QLabel(this)),
      m_step(new QLabel(this)),
      m_back(new QPushButton(this)),
      m_next(new QPushButton(this)),
      m_checkpointsHeader(new QLabel(this)),
      m_checkpoints(new QListWidget(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_stepHeader->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    QFont stepFont = m_step->font();
    stepFont.setPointSizeF(stepFont.pointSizeF() * 1.1);
    m_step->setFont(stepFont);
    m_step->setWordWrap(true);
    m_step->setTextFormat(Qt::PlainText);
    m_step->setMinimumHeight(60);
    m_step->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_checkpoints->setWordWrap(true);
    m_checkpoints->setAlternatingRowColors(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addStretch();
    buttons->addWidget(m_next);
    // The texts scroll when the dock is short (a projector's large font, a long summary); the
    // buttons and the checkpoints stay in view.
    auto *texts = new QWidget;
    auto *textLayout = new QVBoxLayout(texts);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_title);
    textLayout->addWidget(m_summary);
    textLayout->addSpacing(6);
    textLayout->addWidget(m_stepHeader);
    textLayout->addWidget(m_step);
    textLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(texts);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 3);
    layout->addLayout(buttons);
    layout->addSpacing(6);
    layout->addWidget(m_checkpointsHeader);
    layout->addWidget(m_checkpoints, 2);

    connect(m_next, &QPushButton::clicked, this, &NarrationPanel::next);
    connect(m_back, &QPushButton::clicked, this, &NarrationPanel::back);
    auto *nextKey = new QShortcut(QKeySequence(Qt::Key_PageDown), this);
    nextKey->setContext(Qt::WindowShortcut);
    connect(nextKey, &QShortcut::activated, this, &NarrationPanel::next);
    auto *backKey = new QShortcut(QKeySequence(Qt::Key_PageUp), this);
    backKey->setContext(Qt::WindowShortcut);
    connect(backKey, &QShortcut::activated, this, &NarrationPanel::back);

    connect(m_controller, &SimulationController::scenarioLoaded, this, &NarrationPanel::refresh);
    connect(m_controller, &SimulationController::narrationReached, this, &NarrationPanel::refresh);
    connect(m_controller, &SimulationController::checkpointsChanged, this, &NarrationPanel::refreshCheckpoints);
    if (m_language)
        connect(m_language, &Language::changed, this, &NarrationPanel::refresh);
    retranslate();
}

QString NarrationPanel::titleText() const
{
    return m_title->text();
}

QString NarrationPanel::stepText() const
{
    return m_step->text();
}

void NarrationPanel::next()
{
    m_controller->goToNextNarration();
}

void NarrationPanel::back()
{
    const Scenario *s = m_controller->scenario();
    if (!s)
        return;
    // Back to the start of the step before the current one (or of the current one, when playback
    // has moved past its start).
    int target = m_controller->narrationIndex();
    if (target >= 0 && s->narration[static_cast<std::size_t>(target)].at == m_controller->simTime())
        --target;
    const SimTime at = target >= 0 ? s->narration[static_cast<std::size_t>(target)].at : SimTime{};
    (void)m_controller->rewindTo(at);
}

QString NarrationPanel::language() const
{
    return m_language ? m_language->current() : QStringLiteral("en");
}

void NarrationPanel::refresh()
{
    const Scenario *s = m_controller->scenario();
    const QString lang = language();
    if (!s) {
        m_title->setText(tr("No lesson"));
        m_summary->setText(tr("Open one from the Lessons menu, or a scenario file with File › Open Scenario…"));
        m_stepHeader->clear();
        m_step->clear();
        m_back->setEnabled(false);
        m_next->setEnabled(false);
        refreshCheckpoints();
        return;
    }
    m_title->setText(textIn(s->title, lang));
    m_summary->setText(textIn(s->summary, lang));
    const int i = m_controller->narrationIndex();
    const int count = static_cast<int>(s->narration.size());
    if (i >= 0) {
        const auto &step = s->narration[static_cast<std::size_t>(i)];
        m_stepHeader->setText(tr("Step %1 of %2 · %3").arg(i + 1).arg(count).arg(timeText(step.at)));
        m_step->setText(textIn(step.text, lang));
    } else {
        m_stepHeader->setText(count > 0 ? tr("%n step(s); the first at %1", nullptr, count).arg(timeText(s->narration.front().at))
                                        : tr("No narration"));
        m_step->setText(tr("Press Play, or Next › to go to the first step."));
    }
    m_back->setEnabled(i >= 0);
    m_next->setEnabled(i + 1 < count);
    refreshCheckpoints();
}

void NarrationPanel::refreshCheckpoints()
{
    m_checkpoints->clear();
    const Scenario *s = m_controller->scenario();
    if (!s)
        return;
    const QString lang = language();
    const auto results = m_controller->checkpointResults();
    int held = 0;
    int failed = 0;
    for (const auto &e : s->expectations) {
        const auto r = std::find_if(results.begin(), results.end(), [&](const ExpectationResult &x) { return x.expectation == &e; });
        QString line = timeText(e.at) + QStringLiteral("  ");
        const QString description = textIn(e.description, lang);
        QString what;
        if (r != results.end())
            what = QString::fromStdString(r->expected);
        else
            what = QString::fromStdString(ScenarioRunner::check(m_controller->cluster(), e).expected);
        line += description.isEmpty() ? what : QStringLiteral("%1 (%2)").arg(description, what);
        auto *item = new QListWidgetItem(m_checkpoints);
        if (r == results.end()) {
            item->setText(QStringLiteral("○ ") + line);
            item->setToolTip(tr("Checked at %1").arg(timeText(e.at)));
        } else if (r->passed) {
            ++held;
            item->setText(QStringLiteral("✓ ") + line);
            item->setForeground(QColor(0x2e, 0x7d, 0x32));
            item->setToolTip(tr("Held at %1").arg(timeText(e.at)));
        } else {
            ++failed;
            item->setText(QStringLiteral("✗ ") + line + QStringLiteral("\n    ") + tr("found: %1").arg(QString::fromStdString(r->found)));
            item->setForeground(QColor(0xc6, 0x28, 0x28));
            item->setToolTip(tr("Failed at %1").arg(timeText(e.at)));
        }
    }
    for (const auto &f : m_controller->scenarioActionFailures()) {
        auto *item = new QListWidgetItem(m_checkpoints);
        item->setText(QStringLiteral("⚠ %1  %2: %3")
                          .arg(timeText(f.action->at), QString::fromStdString(std::string(actionName(f.action->kind))),
                               QString::fromStdString(f.message)));
        item->setForeground(QColor(0xc6, 0x28, 0x28));
    }
    m_checkpointsHeader->setText(tr("Checkpoints: %1 held, %2 failed, %3 to come")
                                     .arg(held)
                                     .arg(failed)
                                     .arg(static_cast<int>(s->expectations.size()) - held - failed));
}

void NarrationPanel::retranslate()
{
    m_back->setText(tr("‹ Back"));
    m_back->setToolTip(tr("Back to the previous step (Page Up)"));
    m_next->setText(tr("Next ›"));
    m_next->setToolTip(tr("Play on to the next step (Page Down)"));
    refresh();
}

void NarrationPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
