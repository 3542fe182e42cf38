#pragma once

#include "framethrottle.h"
#include "group/group_coordinator.h"

#include <QAbstractItemModel>
#include <QString>

#include <string>
#include <vector>

class SimulationController;

// The consumer groups the cluster's coordinators serve, as a two-level tree: one top-level row a
// group (by group id), and under it one row a member, in join order. Columns: name (group id, or
// the member's client id), the coordinator's state (the group's; for a member where it is in the
// join protocol), generation, protocol (the assignor the group selected), committed lag (for each
// partition, the high watermark minus the group's committed offset; summed over the group or over
// a member's partitions) and assignment (a member's partitions; for the group its member count).
//
// The model keeps a copy of the coordinators' snapshots taken once per frame: when only values
// change it emits one dataChanged per level; when a group or a member appears or leaves it resets.
// `controller` must outlive the model.
class GroupsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StateColumn, GenerationColumn, ProtocolColumn, LagColumn, AssignmentColumn, ColumnCount };
    enum Role {
        GroupIdRole = Qt::UserRole + 1, // QString, on every row
        MemberIdRole,                   // QString, member rows only
        IsGroupRole,                    // bool
        LagRole,                        // qint64 committed lag; null when nothing is committed
    };

    explicit GroupsModel(SimulationController *controller, QObject *parent = nullptr);

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Re-reads the coordinators (called on every frame; public for tests).
    void refresh();

private:
    struct Member {
        kafkascope::MemberSnapshot snapshot;
        std::optional<qint64> lag;
    };
    struct Group {
        kafkascope::GroupSnapshot snapshot;
        std::optional<int> coordinator;
        std::optional<qint64> lag;
        std::vector<Member> members;
    };

    [[nodiscard]] std::vector<Group> readGroups() const;
    [[nodiscard]] static bool sameShape(const std::vector<Group> &a, const std::vector<Group> &b);
    [[nodiscard]] QVariant groupData(const Group &group, int column, int role) const;
    [[nodiscard]] QVariant memberData(const Group &group, const Member &member, int column, int role) const;

    SimulationController *m_controller;
    std::vector<Group> m_groups;
    FrameThrottle m_throttle; // during playback, refreshes at most every FrameThrottle::kIntervalMs
};
