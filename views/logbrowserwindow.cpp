#include "logbrowserwindow.h"

#include "model/logdirectorymodel.h"
#include "model/logrecordsmodel.h"

#include <QApplication>
#include <QDateTimeEdit>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <limits>
#include <optional>

namespace {

// A wait cursor for as long as it lives.
class BusyCursor
{
public:
    BusyCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~BusyCursor() { QApplication::restoreOverrideCursor(); }
    BusyCursor(const BusyCursor &) = delete;
    BusyCursor &operator=(const BusyCursor &) = delete;
};

constexpr int kWidestTextColumn = 320; // pixels; the tooltip shows more

} // namespace

LogBrowserWindow::LogBrowserWindow(QWidget *parent)
    : QMainWindow(parent, Qt::Window), m_directoryModel(new LogDirectoryModel(this)), m_recordsModel(new LogRecordsModel(this))
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/kafkascope.svg")));
    m_directoryModel->setWarningIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));

    m_tree = new QTreeView(this);
    m_tree->setModel(m_directoryModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.siblingAtColumn(LogDirectoryModel::NameColumn) != m_shown)
                    showRecordsOf(current);
            });

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(8, 4, 4, 4);

    m_caption = new QLabel(right);
    QFont captionFont = m_caption->font();
    captionFont.setPointSizeF(captionFont.pointSizeF() * 1.15);
    captionFont.setBold(true);
    m_caption->setFont(captionFont);
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rightLayout->addWidget(m_caption);

    // Two rows, labels aligned: the pair of fields never squeezes its labels, in any language.
    auto *jumpGrid = new QGridLayout;
    m_offsetLabel = new QLabel(right);
    m_offsetEdit = new QLineEdit(right);
    m_offsetEdit->setClearButtonEnabled(true);
    m_offsetEdit->setMaxLength(24);
    m_offsetEdit->setMinimumWidth(m_offsetEdit->fontMetrics().horizontalAdvance(QStringLiteral("9223372036854775807")) + 40);
    m_offsetLabel->setBuddy(m_offsetEdit);
    m_offsetGo = new QPushButton(right);
    connect(m_offsetEdit, &QLineEdit::textChanged, this, &LogBrowserWindow::onOffsetTextChanged);
    connect(m_offsetEdit, &QLineEdit::returnPressed, this, &LogBrowserWindow::jumpToOffset);
    connect(m_offsetGo, &QPushButton::clicked, this, &LogBrowserWindow::jumpToOffset);

    m_timeLabel = new QLabel(right);
    m_timeEdit = new QDateTimeEdit(right);
    m_timeEdit->setTimeSpec(Qt::UTC);
    m_timeEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    m_timeEdit->setCalendarPopup(true);
    m_timeEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC));
    m_timeLabel->setBuddy(m_timeEdit);
    m_timeGo = new QPushButton(right);
    connect(m_timeGo, &QPushButton::clicked, this, &LogBrowserWindow::jumpToTime);

    jumpGrid->addWidget(m_offsetLabel, 0, 0);
    jumpGrid->addWidget(m_offsetEdit, 0, 1);
    jumpGrid->addWidget(m_offsetGo, 0, 2);
    jumpGrid->addWidget(m_timeLabel, 1, 0);
    jumpGrid->addWidget(m_timeEdit, 1, 1);
    jumpGrid->addWidget(m_timeGo, 1, 2);
    jumpGrid->setColumnStretch(3, 1);
    rightLayout->addLayout(jumpGrid);

    m_jumpMessage = new QLabel(right);
    m_jumpMessage->setWordWrap(true);
    m_jumpMessage->hide();
    rightLayout->addWidget(m_jumpMessage);

    m_table = new QTableView(right);
    m_table->setModel(m_recordsModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    rightLayout->addWidget(m_table, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    setCentralWidget(m_splitter);

    m_status = new QLabel(this);
    statusBar()->addWidget(m_status, 1);

    retranslateUi();
    resize(1560, 900);
    m_splitter->setSizes({620, 940});
}

LogBrowserWindow::~LogBrowserWindow() = default;

bool LogBrowserWindow::openDirectory(const QString &path)
{
    bool ok = false;
    {
        const BusyCursor busy;
        m_recordsModel->clear();
        m_shown = QPersistentModelIndex();
        ok = m_directoryModel->load(path);
    }
    m_path = m_directoryModel->rootPath();
    m_tree->expandAll();
    setJumpMessage(QString(), false);
    retranslateUi();
    return ok;
}

void LogBrowserWindow::showRecordsOf(const QModelIndex &treeIndex)
{
    setJumpMessage(QString(), false);
    const QModelIndex index = treeIndex.siblingAtColumn(LogDirectoryModel::NameColumn);
    const auto kind = static_cast<LogDirectoryModel::Kind>(index.data(LogDirectoryModel::KindRole).toInt());
    m_shown = index;
    if (index.isValid() && m_tree->currentIndex().siblingAtColumn(LogDirectoryModel::NameColumn) != index)
        m_tree->setCurrentIndex(index);
    const bool hasRecords = index.isValid() && (kind == LogDirectoryModel::Kind::Partition || kind == LogDirectoryModel::Kind::Segment)
        && index.data(LogDirectoryModel::ErrorRole).toString().isEmpty();
    {
        const BusyCursor busy;
        if (!hasRecords) {
            m_recordsModel->clear();
        } else {
            std::optional<qint64> segment;
            if (kind == LogDirectoryModel::Kind::Segment)
                segment = index.data(LogDirectoryModel::StartOffsetRole).toLongLong();
            m_recordsModel->setPartition(index.data(LogDirectoryModel::PathRole).toString(), segment);
        }
    }
    fitColumns();
    if (m_recordsModel->rowCount() > 0) {
        const qint64 first = m_recordsModel->data(m_recordsModel->index(0, 0), LogRecordsModel::TimestampRole).toLongLong();
        if (first >= 0)
            m_timeEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(first, Qt::UTC));
    }
    refreshCaption();
}

void LogBrowserWindow::fitColumns()
{
    for (int c = 0; c < LogDirectoryModel::ColumnCount; ++c)
        m_tree->resizeColumnToContents(c);
    m_tree->setColumnWidth(LogDirectoryModel::NameColumn, m_tree->columnWidth(LogDirectoryModel::NameColumn) + 16);
    m_table->resizeColumnsToContents();
    for (int c : {LogRecordsModel::KeyColumn, LogRecordsModel::ValueColumn, LogRecordsModel::HeadersColumn})
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), kWidestTextColumn));
}

void LogBrowserWindow::onOffsetTextChanged(const QString &text)
{
    const QString trimmed = text.trimmed();
    bool ok = true;
    if (!trimmed.isEmpty()) {
        const qint64 offset = trimmed.toLongLong(&ok);
        ok = ok && offset >= 0;
    }
    if (ok)
        setJumpMessage(QString(), false);
    else
        setJumpMessage(tr("“%1” is not an offset: type a whole number from 0 to %2.")
                           .arg(trimmed)
                           .arg(std::numeric_limits<qint64>::max()),
                       true);
}

bool LogBrowserWindow::jumpToOffset()
{
    const QString text = m_offsetEdit->text().trimmed();
    bool ok = false;
    const qint64 offset = text.toLongLong(&ok);
    if (text.isEmpty()) {
        setJumpMessage(tr("Type an offset first."), true);
        return false;
    }
    if (!ok || offset < 0) {
        onOffsetTextChanged(text);
        return false;
    }
    if (m_recordsModel->partitionPath().isEmpty()) {
        setJumpMessage(tr("Select a partition or a segment on the left first."), true);
        return false;
    }
    int row = -1;
    {
        const BusyCursor busy;
        row = m_recordsModel->rowForOffset(offset);
    }
    if (row < 0) {
        setJumpMessage(tr("No record at or after offset %1: the records shown end before offset %2.")
                           .arg(offset)
                           .arg(m_recordsModel->endOffset()),
                       true);
        return false;
    }
    selectRecordRow(row);
    const qint64 found = m_recordsModel->offsetAt(row);
    if (found != offset)
        setJumpMessage(tr("Offset %1 holds no record (removed by compaction, or before the start); showing the next one, offset %2.")
                           .arg(offset)
                           .arg(found),
                       false);
    else
        setJumpMessage(QString(), false);
    return true;
}

bool LogBrowserWindow::jumpToTime()
{
    if (m_recordsModel->partitionPath().isEmpty()) {
        setJumpMessage(tr("Select a partition or a segment on the left first."), true);
        return false;
    }
    const QDateTime when = m_timeEdit->dateTime().toUTC();
    int row = -1;
    {
        const BusyCursor busy;
        row = m_recordsModel->rowForTimestamp(when.toMSecsSinceEpoch());
    }
    if (row < 0) {
        setJumpMessage(tr("No record has a timestamp at or after %1.").arg(LogRecordsModel::formatTimestamp(when.toMSecsSinceEpoch())),
                       true);
        return false;
    }
    selectRecordRow(row);
    setJumpMessage(QString(), false);
    return true;
}

void LogBrowserWindow::selectRecordRow(int row)
{
    const QModelIndex index = m_recordsModel->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void LogBrowserWindow::setJumpMessage(const QString &text, bool isError)
{
    m_jumpMessage->setText(text);
    m_jumpMessage->setVisible(!text.isEmpty());
    m_jumpMessage->setStyleSheet(isError ? QStringLiteral("color: #b01c1c; font-weight: bold;") : QString());
    m_jumpMessage->setProperty("isError", isError);
    m_offsetEdit->setStyleSheet(isError && !m_offsetEdit->text().trimmed().isEmpty() ? QStringLiteral("border: 2px solid #b01c1c;")
                                                                                    : QString());
}

void LogBrowserWindow::refreshCaption()
{
    m_caption->setToolTip(QString());
    if (!m_directoryModel->loadError().isEmpty()) {
        m_caption->setText(m_directoryModel->loadError());
        return;
    }
    if (!m_shown.isValid()) {
        m_caption->setText(tr("Select a partition or a segment on the left to see its records."));
        return;
    }
    const QString name = m_shown.data(Qt::DisplayRole).toString();
    const QString error = m_shown.data(LogDirectoryModel::ErrorRole).toString();
    const auto kind = static_cast<LogDirectoryModel::Kind>(m_shown.data(LogDirectoryModel::KindRole).toInt());
    if (!error.isEmpty()) {
        m_caption->setText(QStringLiteral("%1: %2").arg(name, error));
        return;
    }
    if (kind != LogDirectoryModel::Kind::Partition && kind != LogDirectoryModel::Kind::Segment) {
        m_caption->setText(tr("Select a partition or a segment on the left to see its records."));
        return;
    }
    if (!m_recordsModel->errorString().isEmpty() && m_recordsModel->rowCount() == 0) {
        m_caption->setText(QStringLiteral("%1: %2").arg(name, m_recordsModel->errorString()));
        return;
    }
    QString text = kind == LogDirectoryModel::Kind::Partition
        ? tr("Partition %1: offsets %2 to %3 (log-end offset)")
        : tr("Segment %1: offsets %2 to %3 (next offset)");
    text = text.arg(name).arg(m_recordsModel->firstOffset()).arg(m_recordsModel->endOffset());
    const int skipped = static_cast<int>(m_recordsModel->problems().size());
    if (skipped > 0)
        text += QLatin1Char('\n') + tr("%n batch(es) could not be decoded and are skipped.", nullptr, skipped);
    m_caption->setText(text);
    m_caption->setToolTip(m_recordsModel->problems().join(QLatin1Char('\n')));
}

void LogBrowserWindow::refreshStatus()
{
    QString text = tr("Read-only: nothing is ever written to these files.");
    if (!m_path.isEmpty()) {
        text += QStringLiteral("  ·  ") + tr("%n partition(s)", nullptr, m_directoryModel->partitionCount());
        text += QStringLiteral("  ·  ") + tr("%n problem(s) found when opening", nullptr, m_directoryModel->problemCount());
    }
    m_status->setText(text);
}

void LogBrowserWindow::retranslateUi()
{
    setWindowTitle(m_path.isEmpty() ? tr("Kafka log directory") : tr("%1 — Kafka log directory").arg(m_path));
    m_offsetLabel->setText(tr("Jump to &offset"));
    m_offsetEdit->setPlaceholderText(tr("e.g. 1200"));
    m_offsetEdit->setToolTip(tr("The first record at or after this offset is selected (compaction leaves gaps)."));
    m_offsetGo->setText(tr("Go"));
    m_timeLabel->setText(tr("Jump to &time (UTC)"));
    m_timeEdit->setToolTip(tr("The first record whose timestamp is at or after this time, as ListOffsets finds it."));
    m_timeGo->setText(tr("Go"));
    refreshCaption();
    refreshStatus();
    fitColumns(); // headers and cells change width with the language
}

void LogBrowserWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}
