#include "groupsmodel.h"

#include "simulationcontroller.h"

#include <QStringList>

using namespace kafkascope;

namespace {

// Internal ids: 0 for a group row, 1 + the group's row for a member row.
constexpr quintptr kGroupLevel = 0;

QString partitionsText(const std::vector<TopicPartition> &partitions)
{
    QStringList names;
    for (const TopicPartition &tp : partitions)
        names << QString::fromStdString(tp.toString());
    return names.join(QStringLiteral(", "));
}

} // namespace

GroupsModel::GroupsModel(SimulationController *controller, QObject *parent)
    : QAbstractItemModel(parent), m_controller(controller), m_throttle([this] { refresh(); })
{
    m_groups = readGroups();
    connect(m_controller, &SimulationController::frameAdvanced, this,
            [this] { m_throttle.frame(m_controller->lastFrame().playback); });
}

std::vector<GroupsModel::Group> GroupsModel::readGroups() const
{
    const Cluster &cluster = m_controller->cluster();
    // Committed lag of one partition: its high watermark minus the committed offset (never
    // negative: a commit can run ahead of a high watermark that moved back after an unclean
    // election).
    auto lagOf = [&cluster](const GroupSnapshot &g, const TopicPartition &tp) -> std::optional<qint64> {
        const auto committed = g.offsets.find(tp);
        const Topic *topic = cluster.topic(tp.topic);
        if (committed == g.offsets.end() || !topic || tp.partition.value() >= topic->partitionCount())
            return std::nullopt;
        const qint64 hw = topic->state(tp.partition).highWatermark();
        return std::max<qint64>(0, hw - committed->second.offset.value());
    };
    std::vector<Group> out;
    for (auto &[id, snapshot] : cluster.groups()) {
        Group g;
        g.snapshot = snapshot;
        if (const auto coordinator = cluster.coordinatorOf(id))
            g.coordinator = coordinator->value();
        for (const auto &[tp, offset] : g.snapshot.offsets)
            if (const auto lag = lagOf(g.snapshot, tp))
                g.lag = g.lag.value_or(0) + *lag;
        for (const MemberSnapshot &m : g.snapshot.members) {
            Member member;
            member.snapshot = m;
            for (const TopicPartition &tp : m.assignment)
                if (const auto lag = lagOf(g.snapshot, tp))
                    member.lag = member.lag.value_or(0) + *lag;
            g.members.push_back(std::move(member));
        }
        g.snapshot.members.clear(); // kept once, in `members`
        out.push_back(std::move(g));
    }
    return out;
}

bool GroupsModel::sameShape(const std::vector<Group> &a, const std::vector<Group> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].snapshot.groupId != b[i].snapshot.groupId || a[i].members.size() != b[i].members.size())
            return false;
        for (std::size_t m = 0; m < a[i].members.size(); ++m)
            if (a[i].members[m].snapshot.memberId != b[i].members[m].snapshot.memberId)
                return false;
    }
    return true;
}

void GroupsModel::refresh()
{
    std::vector<Group> fresh = readGroups();
    if (!sameShape(fresh, m_groups)) {
        beginResetModel();
        m_groups = std::move(fresh);
        endResetModel();
        return;
    }
    m_groups = std::move(fresh);
    if (m_groups.empty())
        return;
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    for (int g = 0; g < rowCount(); ++g) {
        const QModelIndex parent = index(g, 0);
        if (const int members = rowCount(parent); members > 0)
            emit dataChanged(index(0, 0, parent), index(members - 1, ColumnCount - 1, parent));
    }
}

QModelIndex GroupsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupLevel);
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex GroupsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupLevel)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupLevel);
}

int GroupsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() != kGroupLevel || parent.column() != 0)
        return 0;
    return static_cast<int>(m_groups.at(static_cast<std::size_t>(parent.row())).members.size());
}

int GroupsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant GroupsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kGroupLevel)
        return groupData(m_groups.at(static_cast<std::size_t>(index.row())), index.column(), role);
    const Group &group = m_groups.at(static_cast<std::size_t>(index.internalId() - 1));
    return memberData(group, group.members.at(static_cast<std::size_t>(index.row())), index.column(), role);
}

QVariant GroupsModel::groupData(const Group &group, int column, int role) const
{
    const GroupSnapshot &g = group.snapshot;
    switch (role) {
    case GroupIdRole:
        return QString::fromStdString(g.groupId);
    case IsGroupRole:
        return true;
    case LagRole:
        return group.lag ? QVariant::fromValue<qint64>(*group.lag) : QVariant();
    case Qt::ToolTipRole:
        if (column == StateColumn)
            return tr("The coordinator's state of the group (Kafka's classic protocol)");
        if (column == LagColumn)
            return tr("Records below the high watermark that the group has not committed yet, over all its partitions");
        return group.coordinator ? tr("Group %1, coordinated by broker %2")
                                       .arg(QString::fromStdString(g.groupId))
                                       .arg(*group.coordinator)
                                 : tr("Group %1: no coordinator is available").arg(QString::fromStdString(g.groupId));
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return QString::fromStdString(g.groupId);
        case StateColumn:
            return QString::fromUtf8(groupStateName(g.state).data(), static_cast<qsizetype>(groupStateName(g.state).size()));
        case GenerationColumn:
            return g.generationId;
        case ProtocolColumn:
            return g.protocolName ? QString::fromStdString(*g.protocolName) : QString();
        case AssignmentColumn:
            return tr("%n member(s)", nullptr, static_cast<int>(group.members.size()));
        case LagColumn:
            return group.lag ? QVariant::fromValue<qint64>(*group.lag) : QVariant(QStringLiteral("–"));
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return column == GenerationColumn || column == LagColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                 : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant GroupsModel::memberData(const Group &group, const Member &member, int column, int role) const
{
    const MemberSnapshot &m = member.snapshot;
    switch (role) {
    case GroupIdRole:
        return QString::fromStdString(group.snapshot.groupId);
    case MemberIdRole:
        return QString::fromStdString(m.memberId);
    case IsGroupRole:
        return false;
    case LagRole:
        return member.lag ? QVariant::fromValue<qint64>(*member.lag) : QVariant();
    case Qt::ToolTipRole: {
        if (column == StateColumn)
            return tr("Joined: its JoinGroup waits for the join phase to end. Waiting for its assignment: its "
                      "SyncGroup waits for the leader's. Must rejoin: a rebalance started and it has not sent "
                      "JoinGroup yet (it learns from its next heartbeat).");
        QString text = tr("Member id: %1").arg(QString::fromStdString(m.memberId));
        if (m.groupInstanceId)
            text += QLatin1Char('\n') + tr("Static member: group.instance.id %1").arg(QString::fromStdString(*m.groupInstanceId));
        text += QLatin1Char('\n')
            + tr("session.timeout.ms %1, rebalance timeout %2 ms").arg(m.sessionTimeoutMs).arg(m.rebalanceTimeoutMs);
        return text;
    }
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return m.isLeader ? tr("%1 (leader)").arg(QString::fromStdString(m.clientId))
                              : QString::fromStdString(m.clientId);
        case StateColumn:
            if (m.awaitingJoin)
                return tr("joined, waiting for the others");
            if (m.awaitingSync)
                return tr("waiting for its assignment");
            if (group.snapshot.state == GroupState::PreparingRebalance)
                return tr("must rejoin");
            return tr("active");
        case AssignmentColumn:
            return partitionsText(m.assignment);
        case LagColumn:
            return member.lag ? QVariant::fromValue<qint64>(*member.lag) : QVariant(QStringLiteral("–"));
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return column == LagColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant GroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Group / member");
    case StateColumn: return tr("State");
    case GenerationColumn: return tr("Generation");
    case ProtocolColumn: return tr("Assignor");
    case AssignmentColumn: return tr("Assignment");
    case LagColumn: return tr("Committed lag");
    default: return {};
    }
}

QHash<int, QByteArray> GroupsModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(GroupIdRole, "groupId");
    names.insert(MemberIdRole, "memberId");
    names.insert(IsGroupRole, "isGroup");
    names.insert(LagRole, "lag");
    return names;
}
