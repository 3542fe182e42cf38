#pragma once

#include <QAbstractItemModel>
#include <QIcon>
#include <QString>
#include <QStringList>

#include <memory>

// A Kafka log directory on disk as a read-only tree: (broker →) topic → partition → segment.
//
// Three layouts are recognised when loading a directory:
//   - a broker's log.dirs: one folder per partition, named `<topic>-<partition>`;
//   - Kafkascope's simulated clusters: `broker-<id>` folders, each holding partition folders
//     (the tree then starts with the brokers);
//   - a single partition folder (it holds `<20-digit base offset>.log` segments).
// Every partition folder is opened with the engine's PartitionLog on a read-only
// DirectoryLogStore, which never writes (no recovery truncation, no index rewrite): what the
// engine's recovery found (damaged batches, torn tails, ignored segments, stray files) becomes
// the node's problems. A folder that cannot be opened (not named like a partition, no segments,
// unreadable) stays in the tree with its error. Segments the engine ignored (after a damaged
// one) are listed too, without numbers. Garbage never crashes the model.
//
// Loading is synchronous: load() reads every segment once (the engine checks every batch's CRC)
// and then closes the files again, so no descriptors stay open. Copied log directories are small
// in practice (a few partitions, a few segments); the window shows a busy cursor meanwhile. A
// worker thread would only pay off for directories of many gigabytes.
//
// Messages about files Kafka keeps beside the segments (leader-epoch-checkpoint,
// partition.metadata, *.snapshot, *.txnindex) and about index files rebuilt in memory are notes,
// not problems: every healthy broker directory has them. Both are in the tooltips.
class LogDirectoryModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        StartOffsetColumn,      // segment: base offset; partition: log start offset
        EndOffsetColumn,        // next offset (segment) or log-end offset (partition)
        SizeColumn,             // bytes (sum over the children for topics and brokers)
        BatchesColumn,          // record batches (partitions: sum over segments)
        FirstTimestampColumn,   // the first batch's max timestamp (segments; partitions: their first segment)
        LargestTimestampColumn, // the largest record timestamp
        ProblemsColumn,         // "n problems" or the error; messages as tooltip (this column and the name get a warning icon)
        ColumnCount
    };
    enum class Kind { Broker, Topic, Partition, Segment };
    enum class Layout { None, LogDirs, Brokers, SinglePartition };
    enum Role {
        KindRole = Qt::UserRole + 1, // int(Kind)
        PathRole,                    // QString: the partition folder (partitions and segments)
        StartOffsetRole,             // qint64, -1 when unknown
        EndOffsetRole,               // qint64, -1 when unknown
        SizeRole,                    // qint64 bytes
        BatchCountRole,              // qint64, -1 when unknown
        FirstTimestampRole,          // qint64 ms, -1 when none
        LargestTimestampRole,        // qint64 ms, -1 when none
        ProblemsRole,                // QStringList: problems of this node (a segment: those naming its files)
        NotesRole,                   // QStringList
        ErrorRole,                   // QString: why the partition could not be opened, or why a segment was not read
        ProblemCountRole,            // int: problems of this node and everything below
        PartitionNumberRole,         // int, -1 for a folder not named like a partition
    };

    explicit LogDirectoryModel(QObject *parent = nullptr);
    ~LogDirectoryModel() override;

    // Replaces the tree with the directory at `path`. Returns false (and an empty tree) when
    // `path` cannot be read or holds neither partition folders nor segments; loadError() says why.
    // A partition that fails to open does not make load() fail.
    bool load(const QString &path);

    [[nodiscard]] QString rootPath() const { return m_rootPath; }
    [[nodiscard]] Layout layout() const { return m_layout; }
    [[nodiscard]] QString loadError() const { return m_loadError; }
    // Problems in the whole tree (a partition's error counts as one).
    [[nodiscard]] int problemCount() const;
    [[nodiscard]] int partitionCount() const { return m_partitionCount; }

    // The icon shown beside problems and errors (the view passes its style's warning icon).
    void setWarningIcon(const QIcon &icon) { m_warningIcon = icon; }

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    struct Node; // one item of the tree, defined in the .cpp

private:
    [[nodiscard]] Node *nodeOf(const QModelIndex &index) const;
    [[nodiscard]] QVariant displayData(const Node &node, int column) const;
    [[nodiscard]] QString toolTip(const Node &node) const;

    std::unique_ptr<Node> m_root;
    QString m_rootPath;
    QString m_loadError;
    Layout m_layout = Layout::None;
    int m_partitionCount = 0;
    QIcon m_warningIcon;
};
