#include "eventlogwidget.h"

#include "model/eventlogmodel.h"

#include <QCheckBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

EventLogWidget::EventLogWidget(SimulationController *controller, QWidget *parent)
    : QWidget(parent),
      m_model(new EventLogModel(controller, this)),
      m_filter(new EventLogFilter(this)),
      m_table(new QTableView(this)),
      m_search(new QLineEdit(this)),
      m_export(new QPushButton(this))
{
    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(EventLogModel::TimeColumn, m_table->fontMetrics().horizontalAdvance(QStringLiteral("00:00.000")) + 16);
    m_table->setColumnWidth(EventLogModel::CategoryColumn, 170);
    m_table->setColumnWidth(EventLogModel::SourceColumn, 110);

    auto *controls = new QHBoxLayout;
    for (int c = 0; c < EventLogModel::kCategoryCount; ++c) {
        const auto category = static_cast<EventLogModel::Category>(c);
        auto *box = new QCheckBox(this);
        box->setChecked(m_filter->isCategoryVisible(category));
        connect(box, &QCheckBox::toggled, this,
                [this, category](bool on) { m_filter->setCategoryVisible(category, on); });
        m_categories[static_cast<std::size_t>(c)] = box;
        controls->addWidget(box);
    }
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    connect(m_search, &QLineEdit::textChanged, m_filter, &EventLogFilter::setSearchText);
    controls->addWidget(m_search, 1);
    connect(m_export, &QPushButton::clicked, this, &EventLogWidget::onExportRequested);
    controls->addWidget(m_export);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(controls);
    layout->addWidget(m_table);

    // Follow the newest event while the view is at the bottom; stop when the user scrolls up.
    QScrollBar *bar = m_table->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) { m_followNewest = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (m_followNewest)
            bar->setValue(max);
    });
    retranslate();
}

QString EventLogWidget::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    QString error;
    if (!m_filter->writeCsv(file, &error)) {
        file.cancelWriting();
        return tr("Cannot write %1: %2").arg(path, error);
    }
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

void EventLogWidget::onExportRequested()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the event log"), QStringLiteral("kafkascope-events.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportCsv(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export the event log"), error);
}

void EventLogWidget::retranslate()
{
    for (int c = 0; c < EventLogModel::kCategoryCount; ++c)
        m_categories[static_cast<std::size_t>(c)]->setText(EventLogModel::categoryName(static_cast<EventLogModel::Category>(c)));
    m_search->setPlaceholderText(tr("Search (e.g. orders-1, broker 2, billing)"));
    m_export->setText(tr("Export CSV…"));
    m_export->setToolTip(tr("Save the events shown (with the filter applied) as a CSV file"));
}

void EventLogWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
