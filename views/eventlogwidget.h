#pragma once

#include <QWidget>

#include <array>

class EventLogFilter;
class EventLogModel;
class QCheckBox;
class QLineEdit;
class QPushButton;
class QTableView;
class SimulationController;

// The event log dock's content: the cluster's journal as a table (EventLogModel), with a check
// box per category, a search field and CSV export. It follows new events (keeps the newest in
// view) unless the user scrolled up.
//
// `controller` must outlive the widget.
class EventLogWidget : public QWidget
{
    Q_OBJECT

public:
    explicit EventLogWidget(SimulationController *controller, QWidget *parent = nullptr);

    [[nodiscard]] EventLogModel *model() const { return m_model; }
    [[nodiscard]] EventLogFilter *filter() const { return m_filter; }
    [[nodiscard]] QTableView *table() const { return m_table; }

    // Writes the shown rows to `path` as CSV; returns an error message, empty on success.
    [[nodiscard]] QString exportCsv(const QString &path) const;

    void retranslate();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onExportRequested();

    EventLogModel *m_model;
    EventLogFilter *m_filter;
    QTableView *m_table;
    std::array<QCheckBox *, 5> m_categories{}; // one per EventLogModel::Category
    QLineEdit *m_search;
    QPushButton *m_export;
    bool m_followNewest = true;
};
