#pragma once

#include "cluster/topic_partition.h"
#include "framethrottle.h"

#include <QAbstractTableModel>
#include <QString>

#include <set>
#include <vector>

class SimulationController;

// Every partition of every topic, one row each, ordered by topic name and partition number:
// its log start and log-end offsets, the records it holds, the last key written and how far
// the slowest consumer is behind. Refreshed with one batched dataChanged per frame, or per
// FrameThrottle::kIntervalMs during playback.
//
// `controller` must outlive the model.
class PartitionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TopicColumn,
        PartitionColumn,
        LeaderColumn,
        IsrColumn,
        LogStartColumn,
        HighWatermarkColumn,
        LogEndColumn,
        LastKeyColumn,
        LagColumn,
        ColumnCount
    };
    enum Role {
        TopicRole = Qt::UserRole + 1,
        PartitionRole,
        LogStartOffsetRole,
        LogEndOffsetRole,
        LastKeyRole, // QString; a null QVariant for a null key or an empty partition
        LeaderRole,  // int broker id; a null QVariant while the partition is offline
        HighWatermarkRole,
    };

    explicit PartitionsModel(SimulationController *controller, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] kafkascope::TopicPartition partitionAt(int row) const;
    // The row of `tp`, or -1.
    [[nodiscard]] int rowOf(const kafkascope::TopicPartition &tp) const;

private:
    void onFrameAdvanced();
    void rebuildRows();
    // dataChanged over the rows of the partitions changed since the last call.
    void emitChangedRows();
    [[nodiscard]] qint64 maxLag(const kafkascope::TopicPartition &tp, QString *details) const;

    SimulationController *m_controller;
    std::vector<kafkascope::TopicPartition> m_rows;
    std::set<kafkascope::TopicPartition> m_changed;
    FrameThrottle m_throttle;
};
