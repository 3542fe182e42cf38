#include "partitionsmodel.h"

#include "simulationcontroller.h"

#include <algorithm>
#include <utility>

using namespace kafkascope;

PartitionsModel::PartitionsModel(SimulationController *controller, QObject *parent)
    : QAbstractTableModel(parent), m_controller(controller), m_throttle([this] { emitChangedRows(); })
{
    rebuildRows();
    connect(m_controller, &SimulationController::frameAdvanced, this, &PartitionsModel::onFrameAdvanced);
}

void PartitionsModel::rebuildRows()
{
    m_rows.clear();
    for (const auto &[name, topic] : m_controller->cluster().topics()) {
        if (topic.isInternal())
            continue; // __consumer_offsets: the Consumer groups dock shows what it holds
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p)
            m_rows.push_back({name, PartitionId{p}});
    }
}

void PartitionsModel::onFrameAdvanced()
{
    const FrameDelta &frame = m_controller->lastFrame();
    if (frame.topicsChanged) {
        m_changed.clear();
        beginResetModel();
        rebuildRows();
        endResetModel();
        return;
    }
    if (frame.changedPartitions.empty())
        return;
    m_changed.insert(frame.changedPartitions.begin(), frame.changedPartitions.end());
    m_throttle.frame(frame.playback);
}

void PartitionsModel::emitChangedRows()
{
    const std::set<TopicPartition> changed = std::exchange(m_changed, {});
    int first = rowCount();
    int last = -1;
    for (const auto &tp : changed) {
        const int row = rowOf(tp);
        if (row < 0)
            continue;
        first = std::min(first, row);
        last = std::max(last, row);
    }
    if (last >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

int PartitionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PartitionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

TopicPartition PartitionsModel::partitionAt(int row) const
{
    return m_rows.at(static_cast<std::size_t>(row));
}

int PartitionsModel::rowOf(const TopicPartition &tp) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), tp);
    if (it == m_rows.end() || *it != tp)
        return -1;
    return static_cast<int>(it - m_rows.begin());
}

qint64 PartitionsModel::maxLag(const TopicPartition &tp, QString *details) const
{
    const Topic *topic = m_controller->cluster().topic(tp.topic);
    if (!topic)
        return -1;
    const Offset leo{topic->partition(tp.partition).logEndOffset()};
    qint64 worst = -1;
    QStringList lines;
    for (const auto &consumer : m_controller->cluster().consumers()) {
        if (!consumer->reads(tp))
            continue;
        const qint64 lag = leo - consumer->position(tp);
        worst = std::max(worst, lag);
        lines << tr("%1: position %2, lag %3")
                     .arg(QString::fromStdString(consumer->config().clientId))
                     .arg(consumer->position(tp).value())
                     .arg(lag);
    }
    if (details)
        *details = lines.join(QLatin1Char('\n'));
    return worst;
}

QVariant PartitionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TopicPartition &tp = m_rows[static_cast<std::size_t>(index.row())];
    const Topic *topic = m_controller->cluster().topic(tp.topic);
    if (!topic)
        return {};
    const PartitionLog &log = topic->partition(tp.partition);
    const bool empty = log.logEndOffset() == log.logStartOffset();

    auto lastKey = [&]() -> QVariant {
        if (empty)
            return {};
        const auto records = log.readRecords(log.logEndOffset() - 1, 1);
        if (!records.isOk() || records.value().empty())
            return {};
        const Record &r = records.value().front();
        return r.key ? QVariant(QString::fromStdString(*r.key)) : QVariant();
    };

    const PartitionState &state = topic->state(tp.partition);
    auto isrText = [&state] {
        QStringList ids;
        for (const BrokerId b : state.isr)
            ids << QString::number(b.value());
        return ids.join(QLatin1Char(','));
    };

    switch (role) {
    case LeaderRole:
        return state.leader ? QVariant(state.leader->value()) : QVariant();
    case HighWatermarkRole:
        return QVariant::fromValue<qint64>(state.highWatermark());
    case TopicRole:
        return QString::fromStdString(tp.topic);
    case PartitionRole:
        return tp.partition.value();
    case LogStartOffsetRole:
        return QVariant::fromValue<qint64>(log.logStartOffset());
    case LogEndOffsetRole:
        return QVariant::fromValue<qint64>(log.logEndOffset());
    case LastKeyRole:
        return lastKey();
    case Qt::TextAlignmentRole:
        if (index.column() == TopicColumn || index.column() == LastKeyColumn || index.column() == IsrColumn)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == LagColumn) {
            QString details;
            (void)maxLag(tp, &details);
            return details.isEmpty() ? tr("No consumer reads this topic") : details;
        }
        if (index.column() == LogEndColumn)
            return tr("Log-end offset: the offset the next record will get");
        if (index.column() == HighWatermarkColumn)
            return tr("High watermark: consumers read only below it; every in-sync replica has these records");
        if (index.column() == LeaderColumn)
            return state.leader ? tr("Leader: broker %1, leader epoch %2").arg(state.leader->value()).arg(state.leaderEpoch)
                                : tr("Offline: no in-sync replica is alive");
        if (index.column() == IsrColumn)
            return tr("In-sync replicas (brokers)");
        if (index.column() == LogStartColumn)
            return tr("Log start offset: the first offset still in the log");
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case TopicColumn:
            return QString::fromStdString(tp.topic);
        case PartitionColumn:
            return tp.partition.value();
        case LeaderColumn:
            return state.leader ? QVariant(state.leader->value()) : QVariant(tr("offline"));
        case IsrColumn:
            return isrText();
        case HighWatermarkColumn:
            return QVariant::fromValue<qint64>(state.highWatermark());
        case LogStartColumn:
            return QVariant::fromValue<qint64>(log.logStartOffset());
        case LogEndColumn:
            return QVariant::fromValue<qint64>(log.logEndOffset());
        case LastKeyColumn: {
            if (empty)
                return QString();
            const QVariant k = lastKey();
            return k.isNull() ? tr("(null)") : k;
        }
        case LagColumn: {
            const qint64 lag = maxLag(tp, nullptr);
            return lag < 0 ? QVariant(QStringLiteral("–")) : QVariant::fromValue<qint64>(lag);
        }
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant PartitionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TopicColumn: return tr("Topic");
    case PartitionColumn: return tr("Partition");
    case LogStartColumn: return tr("Start");
    case LogEndColumn: return tr("LEO");
    case LastKeyColumn: return tr("Last key");
    case LeaderColumn: return tr("Leader");
    case IsrColumn: return tr("ISR");
    case HighWatermarkColumn: return tr("HW");
    case LagColumn: return tr("Max lag");
    default: return {};
    }
}

QHash<int, QByteArray> PartitionsModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(TopicRole, "topic");
    names.insert(PartitionRole, "partition");
    names.insert(LogStartOffsetRole, "logStartOffset");
    names.insert(LogEndOffsetRole, "logEndOffset");
    names.insert(LastKeyRole, "lastKey");
    names.insert(LeaderRole, "leader");
    names.insert(HighWatermarkRole, "highWatermark");
    return names;
}
