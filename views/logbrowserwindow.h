#pragma once

#include <QMainWindow>
#include <QModelIndex>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTreeView;
class LogDirectoryModel;
class LogRecordsModel;

// A read-only browser of a Kafka log directory copied from a broker (or written by Kafkascope's
// simulated clusters): the tree of (brokers,) topics, partitions and segments on the left, the
// records of the selected partition or segment on the right, loaded page by page as the table
// scrolls. Above the records, "Jump to offset" (the first record at or after it: compaction leaves
// gaps) and "Jump to time" (UTC, as ListOffsets answers). The status bar says that nothing is
// written and how many problems opening the directory found.
//
// A top-level window of its own; several may be open at once.
class LogBrowserWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit LogBrowserWindow(QWidget *parent = nullptr);
    ~LogBrowserWindow() override;

    // Loads the directory at `path` (synchronously, with a busy cursor) and titles the window
    // with it. Returns false when the directory itself cannot be read or holds no partitions;
    // the window then says why in place of the records.
    bool openDirectory(const QString &path);

    // Shows the records of the partition or segment at `treeIndex` (an index of
    // directoryModel()); a topic or broker shows none. Selecting in the tree does the same.
    void showRecordsOf(const QModelIndex &treeIndex);

    // What the "Go" buttons do: select the row for the typed offset or the chosen time. Return
    // whether a row was selected; otherwise the inline message under the fields says why.
    bool jumpToOffset();
    bool jumpToTime();

    [[nodiscard]] LogDirectoryModel *directoryModel() const { return m_directoryModel; }
    [[nodiscard]] LogRecordsModel *recordsModel() const { return m_recordsModel; }
    [[nodiscard]] QTreeView *tree() const { return m_tree; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QLineEdit *offsetEdit() const { return m_offsetEdit; }
    [[nodiscard]] QDateTimeEdit *timeEdit() const { return m_timeEdit; }
    // The inline message under the jump fields (hidden when there is nothing to say).
    [[nodiscard]] QLabel *jumpMessage() const { return m_jumpMessage; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] QLabel *captionLabel() const { return m_caption; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refreshCaption();
    void refreshStatus();
    // Sizes the tree's and the table's columns to what they show (text columns capped).
    void fitColumns();
    void onOffsetTextChanged(const QString &text);
    void setJumpMessage(const QString &text, bool isError);
    void selectRecordRow(int row);

    LogDirectoryModel *m_directoryModel;
    LogRecordsModel *m_recordsModel;
    QString m_path;
    QPersistentModelIndex m_shown; // the tree node whose records are shown

    QSplitter *m_splitter = nullptr;
    QTreeView *m_tree = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_offsetLabel = nullptr;
    QLineEdit *m_offsetEdit = nullptr;
    QPushButton *m_offsetGo = nullptr;
    QLabel *m_timeLabel = nullptr;
    QDateTimeEdit *m_timeEdit = nullptr;
    QPushButton *m_timeGo = nullptr;
    QLabel *m_jumpMessage = nullptr;
    QLabel *m_status = nullptr;
};
