#pragma once

#include <QAbstractItemModel>
#include <QMetaType>
#include <QString>
#include <QVariant>

#include <optional>
#include <vector>

class SimulationController;

// What the inspector looks at: a kind and the ids that name it, never a pointer into the engine,
// so it outlives frames, rewinds and the thing itself (the inspector then says it is gone).
struct InspectorSelection {
    enum class Kind { None, Broker, Partition, Replica, Producer, Consumer, Group, Record };
    Kind kind = Kind::None;
    int broker = -1;    // Broker, Replica
    QString topic;      // Partition, Replica, Record
    int partition = -1; // Partition, Replica, Record
    int client = -1;    // Producer, Consumer: the client's number (its id)
    QString group;      // Group
    qint64 offset = -1; // Record

    static InspectorSelection ofBroker(int id);
    static InspectorSelection ofPartition(const QString &topic, int partition);
    static InspectorSelection ofReplica(const QString &topic, int partition, int broker);
    static InspectorSelection ofProducer(int id);
    static InspectorSelection ofConsumer(int id);
    static InspectorSelection ofGroup(const QString &groupId);
    static InspectorSelection ofRecord(const QString &topic, int partition, qint64 offset);

    [[nodiscard]] bool isNone() const { return kind == Kind::None; }
    friend bool operator==(const InspectorSelection &, const InspectorSelection &) = default;
};
Q_DECLARE_METATYPE(InspectorSelection)

// Everything about the selected broker, partition, replica, producer, consumer, group or record,
// as a property tree: two columns (property, value); groups of properties are parent rows (their
// value column may summarise them). Built from the SimulationController's cluster.
//
// Refreshed on every frame and after a rewind: when the rows are the same as before (same names,
// same nesting) only the values that changed are signalled, with one dataChanged per run of
// changed siblings, so views keep their expanded rows and scroll position; when rows appear or go
// (a rebalance, a new ISR member ...) the model resets. A selection that no longer exists (a
// decommissioned broker, a deleted topic, a rewind to before it was made) becomes one row saying
// so; it comes back by itself if the thing does.
//
// `controller` must outlive the model.
class InspectorModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { PropertyColumn, ValueColumn, ColumnCount };
    enum Role {
        // InspectorSelection: what a row is about, when the inspector can show it (a replica row
        // of a partition, a member of a group ...); a null QVariant otherwise.
        LinkRole = Qt::UserRole + 1,
    };

    explicit InspectorModel(SimulationController *controller, QObject *parent = nullptr);

    void setSelection(const InspectorSelection &selection);
    [[nodiscard]] const InspectorSelection &selection() const { return m_selection; }
    // Whether the selected thing exists in the cluster now (false for no selection).
    [[nodiscard]] bool selectionExists() const { return m_exists; }
    // One line naming the selection ("Broker 2", "Partition orders-1", "Record orders-1 @ 42"), or
    // saying there is none.
    [[nodiscard]] QString title() const { return m_title; }
    // The row `path` names (property names from the top, e.g. {"Partition", "Leader"}); invalid
    // when there is none. For tests and for views that restore their expanded rows.
    [[nodiscard]] QModelIndex find(const QStringList &path) const;
    // The value column of the row `path` names (a null QVariant when there is none).
    [[nodiscard]] QVariant value(const QStringList &path) const;

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Reads the selection from the cluster again (on every frame; public for tests).
    void refresh();

signals:
    // The selection, its title or whether it exists changed.
    void selectionChanged();

private:
    // One row of the tree. Rows are stored flat: a row's children are rows too, and an index's
    // internal id is its row's position in the flat list.
    struct Row {
        QString name;
        QVariant value;
        QString toolTip;
        std::optional<InspectorSelection> link;
        int parent = -1;          // position of the parent row, -1 for top-level rows
        int indexInParent = 0;    // the row number under its parent
        std::vector<int> children;
    };
    struct Tree {
        std::vector<Row> rows;
        std::vector<int> top; // top-level rows
        bool exists = false;
        QString title;
    };
    class Builder;

    [[nodiscard]] Tree build() const;
    [[nodiscard]] static bool sameShape(const Tree &a, const Tree &b);
    [[nodiscard]] const std::vector<int> &childrenOf(const QModelIndex &parent) const;

    SimulationController *m_controller;
    InspectorSelection m_selection;
    Tree m_tree;
    bool m_exists = false;
    QString m_title;
};
