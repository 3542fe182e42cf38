#include "eventlogmodel.h"

#include "simulationcontroller.h"

#include "cluster/cluster.h"

#include <QRegularExpression>

#include <map>

#include <QIODevice>
#include <QStringList>

using namespace kafkascope;

namespace {

QString clockText(qint64 ms)
{
    return QStringLiteral("%1:%2.%3")
        .arg(ms / 60000, 2, 10, QLatin1Char('0'))
        .arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QString partitionText(const JournalEvent &e)
{
    return QStringLiteral("%1-%2").arg(QString::fromStdString(e.topic)).arg(e.partition);
}

QString brokersText(const std::vector<std::int32_t> &brokers)
{
    QStringList ids;
    for (const std::int32_t b : brokers)
        ids << QString::number(b);
    return QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}');
}

// The engine's reasons (LeaderElected's, IsrChanged's), in the user's language where known.
QString reasonText(const std::string &detail)
{
    const QString d = QString::fromStdString(detail);
    static const QRegularExpression broker(QStringLiteral("^broker (\\d+) (caught up|is down|shuts down)$"));
    if (const auto m = broker.match(d); m.hasMatch()) {
        const QString id = m.captured(1);
        if (m.captured(2) == QLatin1String("caught up"))
            return EventLogModel::tr("broker %1 caught up").arg(id);
        if (m.captured(2) == QLatin1String("is down"))
            return EventLogModel::tr("broker %1 is down").arg(id);
        return EventLogModel::tr("broker %1 shuts down").arg(id);
    }
    if (d == QLatin1String(kElectionClean))
        return EventLogModel::tr("clean");
    if (d == QLatin1String(kElectionUnclean))
        return EventLogModel::tr("unclean: acknowledged records may be lost");
    if (d == QLatin1String(kElectionPreferred))
        return EventLogModel::tr("preferred");
    if (d == QLatin1String(kElectionControlledShutdown))
        return EventLogModel::tr("controlled shutdown");
    if (d == QLatin1String(kElectionReassignment) || d == QLatin1String("reassignment"))
        return EventLogModel::tr("reassignment");
    if (d == QLatin1String(kEpochBumpReplicasRemoved))
        return EventLogModel::tr("replicas removed: same leader, new epoch");
    if (d == QLatin1String("election"))
        return EventLogModel::tr("election");
    if (d == QLatin1String("out of sync for replica.lag.time.max.ms"))
        return EventLogModel::tr("out of sync for replica.lag.time.max.ms");
    return d;
}

// Why a member went or a rebalance began (the coordinator's reasons), in the user's language.
QString groupReasonText(const std::string &reason)
{
    static const std::map<std::string, const char *> known{
        {"left", QT_TRANSLATE_NOOP("EventLogModel", "left the group")},
        {"session timeout", QT_TRANSLATE_NOOP("EventLogModel", "session timeout")},
        {"new member join timeout", QT_TRANSLATE_NOOP("EventLogModel", "new member join timeout")},
        {"rebalance timeout", QT_TRANSLATE_NOOP("EventLogModel", "did not rejoin in time")},
        {"sync timeout", QT_TRANSLATE_NOOP("EventLogModel", "no SyncGroup in time")},
        {"fenced", QT_TRANSLATE_NOOP("EventLogModel", "replaced by its static successor")},
        {"group max size", QT_TRANSLATE_NOOP("EventLogModel", "over group.max.size")},
        {"new member", QT_TRANSLATE_NOOP("EventLogModel", "a member joined")},
        {"leader rejoined", QT_TRANSLATE_NOOP("EventLogModel", "the leader rejoined")},
        {"metadata changed", QT_TRANSLATE_NOOP("EventLogModel", "a member's subscription changed")},
        {"member removed", QT_TRANSLATE_NOOP("EventLogModel", "a member left")},
    };
    const auto it = known.find(reason);
    return it == known.end() ? QString::fromStdString(reason) : EventLogModel::tr(it->second);
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
QString csvField(QString text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

EventLogModel::EventLogModel(SimulationController *controller, QObject *parent)
    : QAbstractTableModel(parent), m_controller(controller)
{
    const Journal &journal = m_controller->cluster().journal();
    m_first = journal.droppedEvents();
    m_rows = static_cast<int>(journal.events().size());
    connect(m_controller, &SimulationController::frameAdvanced, this, &EventLogModel::refresh);
    // The cluster was replaced: its journal is another one.
    connect(m_controller, &SimulationController::rewound, this, &EventLogModel::reset);
}

void EventLogModel::reset()
{
    beginResetModel();
    const Journal &journal = m_controller->cluster().journal();
    m_first = journal.droppedEvents();
    m_rows = static_cast<int>(journal.events().size());
    endResetModel();
}

void EventLogModel::refresh()
{
    const Journal &journal = m_controller->cluster().journal();
    const std::uint64_t first = journal.droppedEvents();
    const std::uint64_t end = journal.totalEvents();
    if (end < m_first + static_cast<std::uint64_t>(m_rows)) {
        reset(); // fewer events than shown: another journal
        return;
    }
    if (first > m_first) {
        const auto gone = static_cast<int>(std::min<std::uint64_t>(first - m_first, static_cast<std::uint64_t>(m_rows)));
        if (gone > 0) {
            beginRemoveRows({}, 0, gone - 1);
            m_rows -= gone;
            m_first += static_cast<std::uint64_t>(gone);
            endRemoveRows();
        }
        m_first = first; // (when everything shown was dropped, the window starts further on)
    }
    const std::uint64_t shownEnd = m_first + static_cast<std::uint64_t>(m_rows);
    if (end > shownEnd) {
        const auto added = static_cast<int>(end - shownEnd);
        beginInsertRows({}, m_rows, m_rows + added - 1);
        m_rows += added;
        endInsertRows();
    }
}

const JournalEvent &EventLogModel::eventAt(int row) const
{
    const Journal &journal = m_controller->cluster().journal();
    const std::uint64_t sequence = m_first + static_cast<std::uint64_t>(row);
    return journal.events().at(static_cast<std::size_t>(sequence - journal.droppedEvents()));
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

EventLogModel::Category EventLogModel::categoryOf(JournalEventKind kind)
{
    switch (kind) {
    case JournalEventKind::BrokerAdded:
    case JournalEventKind::BrokerCrashed:
    case JournalEventKind::BrokerRestarted:
    case JournalEventKind::BrokerShutDown:
    case JournalEventKind::BrokerDecommissioned:
    case JournalEventKind::ControllerChanged:
    case JournalEventKind::NetworkChanged:
    case JournalEventKind::BrokerFenced:
    case JournalEventKind::BrokerUnfenced:
    case JournalEventKind::BrokerRackSet:
        return Category::Brokers;
    case JournalEventKind::TopicCreated:
    case JournalEventKind::PartitionsAdded:
    case JournalEventKind::TopicDeleted:
    case JournalEventKind::LeaderElected:
    case JournalEventKind::PartitionOffline:
    case JournalEventKind::IsrChanged:
    case JournalEventKind::ReassignmentStarted:
    case JournalEventKind::ReassignmentCompleted:
    case JournalEventKind::LogTruncated:
    case JournalEventKind::LogSegmentsDeleted:
    case JournalEventKind::LogCompacted:
        return Category::Partitions;
    case JournalEventKind::RecordsAppended:
    case JournalEventKind::RecordsReplicated:
    case JournalEventKind::HighWatermarkAdvanced:
        return Category::Records;
    case JournalEventKind::ProducerAdded:
    case JournalEventKind::ConsumerAdded:
    case JournalEventKind::ConsumerClosed:
    case JournalEventKind::ConsumerCrashed:
    case JournalEventKind::ClientProcessPaused:
    case JournalEventKind::ClientProcessResumed:
    case JournalEventKind::ConsumerPollTimeout:
    case JournalEventKind::PartitionsRevoked:
    case JournalEventKind::PartitionsAssigned:
    case JournalEventKind::PartitionsLost:
    case JournalEventKind::ConsumerSeek:
    case JournalEventKind::ConsumerPaused:
    case JournalEventKind::ConsumerResumed:
    case JournalEventKind::ConsumerProcessingTimeChanged:
    case JournalEventKind::ConsumerMetadataChanged:
    case JournalEventKind::ProducerEpochBumped:
        return Category::Clients;
    case JournalEventKind::GroupMemberJoined:
    case JournalEventKind::GroupMemberRemoved:
    case JournalEventKind::GroupRebalanceStarted:
    case JournalEventKind::GroupGenerationStarted:
    case JournalEventKind::GroupStateChanged:
    case JournalEventKind::GroupLoaded:
    case JournalEventKind::GroupUnloaded:
    case JournalEventKind::GroupOffsetsReset:
        return Category::Groups;
    }
    return Category::Clients;
}

QString EventLogModel::categoryName(Category category)
{
    switch (category) {
    case Category::Brokers: return tr("Brokers and network");
    case Category::Partitions: return tr("Topics and leadership");
    case Category::Records: return tr("Records and high watermarks");
    case Category::Clients: return tr("Clients");
    case Category::Groups: return tr("Consumer groups");
    }
    return {};
}

QString EventLogModel::source(const JournalEvent &e)
{
    switch (categoryOf(e.kind)) {
    case Category::Brokers:
        return e.kind == JournalEventKind::NetworkChanged ? tr("network") : tr("broker %1").arg(e.broker);
    case Category::Partitions:
    case Category::Records:
        return e.partition >= 0 ? partitionText(e) : QString::fromStdString(e.topic);
    case Category::Clients:
        // The detail starts with the client id ("billing-1 [orders-0,orders-1]").
        return QString::fromStdString(e.detail).section(QLatin1Char(' '), 0, 0);
    case Category::Groups:
        return QString::fromStdString(e.group);
    }
    return {};
}

QString EventLogModel::describe(const JournalEvent &e)
{
    const QString topic = QString::fromStdString(e.topic);
    const QString detail = QString::fromStdString(e.detail);
    switch (e.kind) {
    case JournalEventKind::BrokerAdded:
        return detail.isEmpty() ? tr("broker %1 joined the cluster").arg(e.broker)
                                : tr("broker %1 joined the cluster in rack %2").arg(e.broker).arg(detail);
    case JournalEventKind::BrokerCrashed: return tr("broker %1 crashed").arg(e.broker);
    case JournalEventKind::BrokerRestarted: return tr("broker %1 restarted").arg(e.broker);
    case JournalEventKind::BrokerShutDown: return tr("broker %1 shut down (controlled)").arg(e.broker);
    case JournalEventKind::BrokerDecommissioned:
        return tr("broker %1 was decommissioned and left the cluster").arg(e.broker);
    case JournalEventKind::ControllerChanged:
        return e.broker < 0 ? tr("no controller: every broker is down") : tr("broker %1 is the controller").arg(e.broker);
    case JournalEventKind::TopicCreated:
        return tr("topic %1 created: %2 partitions, replication factor %3").arg(topic).arg(e.count).arg(e.value);
    case JournalEventKind::PartitionsAdded:
        return tr("topic %1 grew from %2 to %3 partitions").arg(topic).arg(e.value).arg(e.count);
    case JournalEventKind::TopicDeleted: return tr("topic %1 deleted").arg(topic);
    case JournalEventKind::LeaderElected:
        return tr("%1: broker %2 elected leader, epoch %3 (%4)")
            .arg(partitionText(e))
            .arg(e.broker)
            .arg(e.leaderEpoch)
            .arg(reasonText(e.detail));
    case JournalEventKind::PartitionOffline:
        return tr("%1 is offline: no replica may lead (epoch %2)").arg(partitionText(e)).arg(e.leaderEpoch);
    case JournalEventKind::IsrChanged:
        return detail.isEmpty() ? tr("%1: ISR is now %2").arg(partitionText(e), brokersText(e.brokers))
                                : tr("%1: ISR is now %2 (%3)").arg(partitionText(e), brokersText(e.brokers), reasonText(e.detail));
    case JournalEventKind::ReassignmentStarted:
        return tr("%1: reassignment to %2 started").arg(partitionText(e), brokersText(e.brokers));
    case JournalEventKind::ReassignmentCompleted:
        return tr("%1: reassignment done, replicas %2").arg(partitionText(e), brokersText(e.brokers));
    case JournalEventKind::RecordsAppended:
        return tr("%1: leader %2 appended %n record(s) at offset %3", nullptr, static_cast<int>(e.count))
            .arg(partitionText(e))
            .arg(e.broker)
            .arg(e.value);
    case JournalEventKind::RecordsReplicated:
        return tr("%1: follower %2 copied %n record(s) at offset %3", nullptr, static_cast<int>(e.count))
            .arg(partitionText(e))
            .arg(e.broker)
            .arg(e.value);
    case JournalEventKind::HighWatermarkAdvanced: return tr("%1: high watermark %2").arg(partitionText(e)).arg(e.value);
    case JournalEventKind::LogTruncated:
        return tr("%1: broker %2 truncated its log to %3").arg(partitionText(e)).arg(e.broker).arg(e.value);
    case JournalEventKind::LogSegmentsDeleted:
        return tr("%1: broker %2 deleted %n segment(s) past retention; log start offset %3", nullptr, static_cast<int>(e.count))
            .arg(partitionText(e))
            .arg(e.broker)
            .arg(e.value);
    case JournalEventKind::LogCompacted:
        return tr("%1: broker %2 compacted its log, %n record(s) removed", nullptr, static_cast<int>(e.value))
            .arg(partitionText(e))
            .arg(e.broker);
    case JournalEventKind::ProducerAdded: return tr("producer %1 started").arg(detail);
    case JournalEventKind::ConsumerAdded: return tr("consumer %1 started").arg(detail);
    case JournalEventKind::NetworkChanged: return tr("network: %1").arg(detail);
    case JournalEventKind::ConsumerClosed: return tr("consumer %1 closed").arg(detail);
    case JournalEventKind::ConsumerCrashed: return tr("consumer %1 crashed").arg(detail);
    case JournalEventKind::ClientProcessPaused:
        if (e.member.empty())
            return e.count == 0 ? tr("producer %1's process paused until resumed").arg(detail)
                                : tr("consumer %1's process paused until resumed").arg(detail);
        return e.count == 0 ? tr("producer %1's process paused for %2").arg(detail, QString::fromStdString(e.member))
                            : tr("consumer %1's process paused for %2").arg(detail, QString::fromStdString(e.member));
    case JournalEventKind::ClientProcessResumed:
        return e.count == 0 ? tr("producer %1's process resumed").arg(detail) : tr("consumer %1's process resumed").arg(detail);
    case JournalEventKind::ConsumerPollTimeout:
        return tr("consumer %1: max.poll.interval.ms passed without a poll; it left its group").arg(detail);
    case JournalEventKind::PartitionsRevoked: return tr("consumer %1: partitions revoked (onPartitionsRevoked)").arg(detail);
    case JournalEventKind::PartitionsAssigned:
        return tr("consumer %1: partitions assigned (onPartitionsAssigned)").arg(detail);
    case JournalEventKind::PartitionsLost:
        return tr("consumer %1: partitions lost, nothing committed (onPartitionsLost)").arg(detail);
    case JournalEventKind::ConsumerSeek:
        return tr("consumer %1 seeks %2 to offset %3").arg(detail, partitionText(e)).arg(e.count);
    case JournalEventKind::ConsumerPaused: return tr("consumer %1 paused %2").arg(detail, partitionText(e));
    case JournalEventKind::ConsumerResumed: return tr("consumer %1 resumed %2").arg(detail, partitionText(e));
    case JournalEventKind::GroupMemberJoined: return tr("member %1 joined").arg(QString::fromStdString(e.member));
    case JournalEventKind::GroupMemberRemoved:
        return tr("member %1 removed (%2)").arg(QString::fromStdString(e.member), groupReasonText(e.detail));
    case JournalEventKind::GroupRebalanceStarted:
        return e.member.empty() ? tr("rebalance started, generation %1 ends (%2)").arg(e.value).arg(groupReasonText(e.detail))
                                : tr("rebalance started, generation %1 ends (%2: %3)")
                                      .arg(e.value)
                                      .arg(groupReasonText(e.detail), QString::fromStdString(e.member));
    case JournalEventKind::GroupGenerationStarted:
        return e.member.empty() ? tr("generation %1: no members").arg(e.value)
                                : tr("generation %1: %n member(s), assignor %2, leader %3", nullptr, static_cast<int>(e.count))
                                      .arg(e.value)
                                      .arg(detail, QString::fromStdString(e.member));
    case JournalEventKind::GroupStateChanged: return tr("state %1").arg(detail);
    case JournalEventKind::GroupLoaded: return tr("broker %1 is the coordinator").arg(e.broker);
    case JournalEventKind::GroupUnloaded: return tr("broker %1 no longer coordinates the group").arg(e.broker);
    case JournalEventKind::GroupOffsetsReset:
        return e.count >= 0 ? tr("offset of %1 reset from %2 to %3 (%4)")
                                  .arg(partitionText(e))
                                  .arg(e.count)
                                  .arg(e.value)
                                  .arg(detail)
                            : tr("offset of %1 reset to %2 (%3; nothing was committed)")
                                  .arg(partitionText(e))
                                  .arg(e.value)
                                  .arg(detail);
    case JournalEventKind::ConsumerProcessingTimeChanged:
        return tr("consumer %1 now takes %2 ms per record")
            .arg(detail)
            .arg(static_cast<double>(e.count) / 1000.0, 0, 'g', 6);
    case JournalEventKind::ConsumerMetadataChanged:
        return tr("consumer %1: the partitions of its group's topics changed since the last assignment; it rejoins")
            .arg(detail);
    case JournalEventKind::ProducerEpochBumped:
        return tr("producer %1: epoch bumped to %2, sequences restart at 0").arg(detail).arg(e.count);
    case JournalEventKind::BrokerFenced:
        return tr("broker %1 fenced by the controller: no heartbeat within broker.session.timeout.ms").arg(e.broker);
    case JournalEventKind::BrokerUnfenced:
        return tr("broker %1 unfenced: its heartbeats reach the controller again").arg(e.broker);
    case JournalEventKind::BrokerRackSet:
        return tr("broker %1 is in rack %2").arg(e.broker).arg(detail);
    }
    return QString::fromLatin1(journalEventKindName(e.kind));
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalEvent &e = eventAt(index.row());
    switch (role) {
    case KindRole:
        return static_cast<int>(e.kind);
    case KindNameRole:
        return QString::fromLatin1(journalEventKindName(e.kind));
    case CategoryRole:
        return static_cast<int>(categoryOf(e.kind));
    case SequenceRole:
        return QVariant::fromValue<qulonglong>(e.sequence);
    case TimeMsRole:
        return QVariant::fromValue<qlonglong>(e.time.millis());
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return clockText(e.time.millis());
        case CategoryColumn: return categoryName(categoryOf(e.kind));
        case SourceColumn: return source(e);
        case EventColumn: return describe(e);
        default: return {};
        }
    case Qt::ToolTipRole:
        return tr("Event %1 (%2) at simTime %3 ms")
            .arg(e.sequence)
            .arg(QString::fromLatin1(journalEventKindName(e.kind)))
            .arg(e.time.millis());
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case CategoryColumn: return tr("Category");
    case SourceColumn: return tr("Source");
    case EventColumn: return tr("Event");
    default: return {};
    }
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(KindNameRole, "kindName");
    names.insert(CategoryRole, "category");
    names.insert(SequenceRole, "sequence");
    names.insert(TimeMsRole, "timeMs");
    return names;
}

EventLogFilter::EventLogFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    // Everything but the record-by-record events, which would bury the rest.
    for (int c = 0; c < EventLogModel::kCategoryCount; ++c)
        if (static_cast<EventLogModel::Category>(c) != EventLogModel::Category::Records)
            m_visible |= 1u << c;
}

void EventLogFilter::setCategoryVisible(EventLogModel::Category category, bool visible)
{
    const unsigned bit = 1u << static_cast<int>(category);
    const unsigned next = visible ? (m_visible | bit) : (m_visible & ~bit);
    if (next == m_visible)
        return;
    m_visible = next;
    invalidateRowsFilter();
}

bool EventLogFilter::isCategoryVisible(EventLogModel::Category category) const
{
    return (m_visible & (1u << static_cast<int>(category))) != 0;
}

void EventLogFilter::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    invalidateRowsFilter();
}

bool EventLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex first = sourceModel()->index(sourceRow, 0, sourceParent);
    const int category = sourceModel()->data(first, EventLogModel::CategoryRole).toInt();
    if ((m_visible & (1u << category)) == 0)
        return false;
    if (m_search.isEmpty())
        return true;
    for (const int column : {EventLogModel::SourceColumn, EventLogModel::EventColumn})
        if (sourceModel()->index(sourceRow, column, sourceParent).data().toString().contains(m_search, Qt::CaseInsensitive))
            return true;
    return false;
}

bool EventLogFilter::writeCsv(QIODevice &device, QString *error) const
{
    QByteArray out = "time_ms,time,category,kind,source,event\r\n";
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex first = index(row, 0);
        QStringList fields;
        fields << QString::number(first.data(EventLogModel::TimeMsRole).toLongLong())
               << csvField(first.data().toString())
               << csvField(index(row, EventLogModel::CategoryColumn).data().toString())
               << first.data(EventLogModel::KindNameRole).toString()
               << csvField(index(row, EventLogModel::SourceColumn).data().toString())
               << csvField(index(row, EventLogModel::EventColumn).data().toString());
        out += fields.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    if (device.write(out) != out.size()) {
        if (error)
            *error = device.errorString();
        return false;
    }
    return true;
}
