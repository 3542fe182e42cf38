#pragma once

#include "cluster/journal.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QString>

class QIODevice;
class SimulationController;

// The cluster's journal as a table, oldest first: one row per retained event (time, category,
// source, what happened, in the user's language). Rows are appended as frames bring new events and
// dropped from the top when the journal's window (100,000 events) moves on; a rewind resets the
// model to the rewound cluster's journal.
//
// `controller` must outlive the model.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, CategoryColumn, SourceColumn, EventColumn, ColumnCount };
    // What an event is about; the log's filter shows or hides whole categories.
    enum class Category { Brokers, Partitions, Records, Clients, Groups };
    static constexpr int kCategoryCount = 5;
    enum Role {
        KindRole = Qt::UserRole + 1, // int: kafkascope::JournalEventKind
        KindNameRole,                // QString: the stable name ("leader_elected")
        CategoryRole,                // int: Category
        SequenceRole,                // qulonglong: the event's journal sequence number
        TimeMsRole,                  // qlonglong: simTime in milliseconds
    };

    explicit EventLogModel(SimulationController *controller, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] static Category categoryOf(kafkascope::JournalEventKind kind);
    [[nodiscard]] static QString categoryName(Category category);
    // One line for people, in the current language.
    [[nodiscard]] static QString describe(const kafkascope::JournalEvent &event);
    // Who the event is about: "broker 2", "orders-1", a client id.
    [[nodiscard]] static QString source(const kafkascope::JournalEvent &event);

    // Follows the journal (called on every frame; public for tests).
    void refresh();

private:
    [[nodiscard]] const kafkascope::JournalEvent &eventAt(int row) const;
    void reset();

    SimulationController *m_controller;
    std::uint64_t m_first = 0; // journal sequence number of row 0
    int m_rows = 0;
};

// The event log's filter: categories to show, and a text that the source or the event must
// contain (case-insensitive).
class EventLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EventLogFilter(QObject *parent = nullptr);

    void setCategoryVisible(EventLogModel::Category category, bool visible);
    [[nodiscard]] bool isCategoryVisible(EventLogModel::Category category) const;
    void setSearchText(const QString &text);

    // Writes the rows that pass the filter as CSV (RFC 4180: a header line, then one line per
    // event: time_ms, time, category, kind, source, event). Returns false with `error` set when the
    // device cannot be written.
    bool writeCsv(QIODevice &device, QString *error) const;

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    unsigned m_visible = 0;
    QString m_search;
};
