#include "logdirectorymodel.h"

#include "log/log_segment.h"
#include "log/log_store.h"
#include "log/partition_log.h"
#include "logrecordsmodel.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>

using namespace kafkascope;

struct LogDirectoryModel::Node {
    Kind kind = Kind::Topic;
    QString name;
    QString path; // the partition folder, for partitions and segments
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    int partitionNumber = -1;
    qint64 startOffset = -1;
    qint64 endOffset = -1;
    qint64 sizeBytes = 0;
    qint64 batchCount = -1;
    qint64 firstTimestamp = -1;
    qint64 largestTimestamp = -1;
    QStringList problems;
    QStringList notes;
    QString error;
    int problemTotal = 0; // this node and below

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = static_cast<int>(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

using Node = LogDirectoryModel::Node;

bool isKafkaMetadataName(const QString &name)
{
    return name == QLatin1String("leader-epoch-checkpoint") || name == QLatin1String("partition.metadata")
        || name.endsWith(QLatin1String(".snapshot")) || name.endsWith(QLatin1String(".txnindex"));
}

// The engine's messages start with the path of the file they speak of ("/dir/file: what").
QString fileNamedBy(const QString &message, const QString &folder)
{
    const QString prefix = folder + QLatin1Char('/');
    if (!message.startsWith(prefix))
        return {};
    const qsizetype end = message.indexOf(QLatin1Char(':'), prefix.size());
    const QString rest = message.mid(prefix.size(), end < 0 ? -1 : end - prefix.size());
    const qsizetype space = rest.indexOf(QLatin1Char(' '));
    return space < 0 ? rest : rest.left(space);
}

bool isNote(const QString &message, const QString &folder)
{
    const QString file = fileNamedBy(message, folder);
    if (isKafkaMetadataName(file))
        return true;
    return (file.endsWith(QLatin1String(".index")) || file.endsWith(QLatin1String(".timeindex")))
        && message.contains(QLatin1String("rebuilt from the log"));
}

// "<topic>-<partition>" with a partition number that fits Kafka's int32.
std::optional<std::pair<QString, int>> parsePartitionFolder(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^(.+)-(\\d{1,10})$"));
    const auto match = re.match(name);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 number = match.captured(2).toLongLong(&ok);
    if (!ok || number > std::numeric_limits<std::int32_t>::max())
        return std::nullopt;
    return std::pair{match.captured(1), static_cast<int>(number)};
}

std::optional<int> parseBrokerFolder(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^broker-(\\d{1,9})$"));
    const auto match = re.match(name);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toInt();
}

QStringList subfolders(const QString &path)
{
    return QDir(path).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

bool holdsSegments(const QString &path)
{
    const QStringList files = QDir(path).entryList(QDir::Files, QDir::Name);
    return std::any_of(files.begin(), files.end(), [](const QString &f) {
        return LogSegment::parseFileName(f.toStdString(), ".log").has_value();
    });
}

std::string nativePath(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

QString fromEngine(const std::string &text)
{
    return QString::fromStdString(text);
}

// Opens the partition folder of `node` read-only and fills in its numbers, its segments and what
// the engine's recovery reported. The log is closed again before returning.
void openPartition(Node &node)
{
    const QString folder = node.path;
    if (!QFileInfo(folder).isReadable() || !QFileInfo(folder).isExecutable()) {
        node.error = LogDirectoryModel::tr("Cannot read this folder (permission denied)");
        return;
    }
    LogOpenReport report;
    auto opened = PartitionLog::open(std::make_unique<DirectoryLogStore>(nativePath(folder), true), LogConfig{}, 0, &report);
    for (const std::string &m : report.messages) {
        const QString message = fromEngine(m);
        (isNote(message, folder) ? node.notes : node.problems) << message;
    }
    if (!opened.isOk()) {
        node.error = fromEngine(opened.status().message());
        return;
    }
    const PartitionLog &log = *opened.value();
    node.startOffset = log.logStartOffset();
    node.endOffset = log.logEndOffset();
    node.sizeBytes = static_cast<qint64>(log.sizeInBytes());
    node.batchCount = 0;

    std::set<std::int64_t> read;
    for (const auto &[base, segment] : log.segments()) {
        read.insert(base);
        auto seg = std::make_unique<Node>();
        seg->kind = LogDirectoryModel::Kind::Segment;
        seg->name = fromEngine(LogSegment::fileName(base, ".log"));
        seg->path = folder;
        seg->startOffset = base;
        seg->endOffset = segment->nextOffset();
        seg->sizeBytes = static_cast<qint64>(segment->size());
        seg->batchCount = segment->batchCount();
        seg->firstTimestamp = segment->firstTimestamp();
        seg->largestTimestamp = segment->largestTimestamp();
        node.batchCount += seg->batchCount;
        if (node.firstTimestamp < 0)
            node.firstTimestamp = seg->firstTimestamp;
        node.largestTimestamp = std::max(node.largestTimestamp, seg->largestTimestamp);
        node.add(std::move(seg));
    }
    // Segments the engine did not read (after a damaged one, or overlapping): listed, without numbers.
    if (auto names = log.store().list(); names.isOk()) {
        for (const std::string &name : names.value()) {
            const auto base = LogSegment::parseFileName(name, ".log");
            if (!base || read.count(*base))
                continue;
            auto seg = std::make_unique<Node>();
            seg->kind = LogDirectoryModel::Kind::Segment;
            seg->name = fromEngine(name);
            seg->path = folder;
            seg->sizeBytes = QFileInfo(folder + QLatin1Char('/') + seg->name).size();
            seg->error = LogDirectoryModel::tr("Not read: it follows a damaged segment or overlaps another");
            node.add(std::move(seg));
        }
        std::sort(node.children.begin(), node.children.end(),
                  [](const auto &a, const auto &b) { return a->name < b->name; });
        for (std::size_t i = 0; i < node.children.size(); ++i)
            node.children[i]->row = static_cast<int>(i);
    }
    // A segment's problems are the messages naming one of its three files.
    for (const auto &seg : node.children) {
        const QString stem = seg->name.chopped(4); // without ".log"
        for (const QString &message : node.problems) {
            const QString file = fileNamedBy(message, folder);
            if (file == seg->name || file == stem + QLatin1String(".index") || file == stem + QLatin1String(".timeindex"))
                seg->problems << message;
        }
        for (const QString &message : node.notes) {
            const QString file = fileNamedBy(message, folder);
            if (file == stem + QLatin1String(".index") || file == stem + QLatin1String(".timeindex"))
                seg->notes << message;
        }
        seg->problemTotal = static_cast<int>(seg->problems.size());
    }
}

std::unique_ptr<Node> partitionNode(const QString &folder, const QString &name, int number)
{
    auto node = std::make_unique<Node>();
    node->kind = LogDirectoryModel::Kind::Partition;
    node->name = name;
    node->path = folder;
    node->partitionNumber = number;
    return node;
}

// The partition folders inside `path`, grouped by topic under `parent` (topics by name,
// partitions by number); folders not named like a partition come last, with their error.
void addPartitionFolders(Node &parent, const QString &path, int &partitionCount)
{
    std::map<QString, std::map<int, QString>> topics;
    std::vector<QString> others;
    for (const QString &name : subfolders(path)) {
        if (const auto parsed = parsePartitionFolder(name))
            topics[parsed->first][parsed->second] = name;
        else
            others.push_back(name);
    }
    for (const auto &[topic, partitions] : topics) {
        auto topicNode = std::make_unique<Node>();
        topicNode->kind = LogDirectoryModel::Kind::Topic;
        topicNode->name = topic;
        for (const auto &[number, name] : partitions) {
            Node *p = topicNode->add(partitionNode(path + QLatin1Char('/') + name, name, number));
            openPartition(*p);
            ++partitionCount;
        }
        parent.add(std::move(topicNode));
    }
    for (const QString &name : others) {
        Node *p = parent.add(partitionNode(path + QLatin1Char('/') + name, name, -1));
        p->error = LogDirectoryModel::tr("Not a partition folder: the name is not <topic>-<partition>");
    }
}

// Sums sizes and problems from the leaves up.
void accumulate(Node &node)
{
    if (node.kind == LogDirectoryModel::Kind::Partition) {
        node.problemTotal = static_cast<int>(node.problems.size()) + (node.error.isEmpty() ? 0 : 1);
        return;
    }
    if (node.kind == LogDirectoryModel::Kind::Segment)
        return;
    node.problemTotal = static_cast<int>(node.problems.size()); // a broker folder that cannot be read
    node.sizeBytes = 0;
    for (const auto &child : node.children) {
        accumulate(*child);
        node.problemTotal += child->problemTotal;
        node.sizeBytes += child->sizeBytes;
    }
}

QString formatOptional(qint64 value)
{
    return value < 0 ? QString() : QString::number(value);
}

} // namespace

LogDirectoryModel::LogDirectoryModel(QObject *parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
}

LogDirectoryModel::~LogDirectoryModel() = default;

bool LogDirectoryModel::load(const QString &path)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_rootPath = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    m_loadError.clear();
    m_layout = Layout::None;
    m_partitionCount = 0;

    const QFileInfo info(m_rootPath);
    if (!info.exists()) {
        m_loadError = tr("%1 does not exist").arg(m_rootPath);
    } else if (!info.isDir()) {
        m_loadError = tr("%1 is not a folder").arg(m_rootPath);
    } else if (!info.isReadable() || !info.isExecutable()) {
        m_loadError = tr("Cannot read %1 (permission denied)").arg(m_rootPath);
    } else {
        const QStringList subs = subfolders(m_rootPath);
        const auto partitionName = parsePartitionFolder(info.fileName());
        const bool allBrokers = !subs.isEmpty() && std::all_of(subs.begin(), subs.end(), [](const QString &s) {
            return parseBrokerFolder(s).has_value();
        });
        if (holdsSegments(m_rootPath) || (partitionName && subs.isEmpty())) {
            m_layout = Layout::SinglePartition;
            auto partition = partitionNode(m_rootPath, info.fileName(), partitionName ? partitionName->second : -1);
            if (partitionName) {
                auto topic = std::make_unique<Node>();
                topic->kind = Kind::Topic;
                topic->name = partitionName->first;
                openPartition(*topic->add(std::move(partition)));
                m_root->add(std::move(topic));
            } else {
                openPartition(*m_root->add(std::move(partition)));
            }
            m_partitionCount = 1;
        } else if (allBrokers) {
            m_layout = Layout::Brokers;
            std::map<int, QString> brokers;
            for (const QString &s : subs)
                brokers[*parseBrokerFolder(s)] = s;
            for (const auto &[id, name] : brokers) {
                auto broker = std::make_unique<Node>();
                broker->kind = Kind::Broker;
                broker->name = name;
                const QString brokerPath = m_rootPath + QLatin1Char('/') + name;
                if (!QFileInfo(brokerPath).isReadable() || !QFileInfo(brokerPath).isExecutable())
                    broker->problems << tr("Cannot read %1 (permission denied)").arg(brokerPath);
                addPartitionFolders(*broker, brokerPath, m_partitionCount);
                m_root->add(std::move(broker));
            }
        } else if (!subs.isEmpty()) {
            m_layout = Layout::LogDirs;
            addPartitionFolders(*m_root, m_rootPath, m_partitionCount);
        } else {
            m_loadError = tr("%1 holds no partition folders and no log segments").arg(m_rootPath);
        }
    }
    accumulate(*m_root);
    endResetModel();
    return m_loadError.isEmpty();
}

int LogDirectoryModel::problemCount() const
{
    int total = 0;
    for (const auto &child : m_root->children)
        total += child->problemTotal;
    return total;
}

LogDirectoryModel::Node *LogDirectoryModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex LogDirectoryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *p = nodeOf(parent);
    return createIndex(row, column, p->children[static_cast<std::size_t>(row)].get());
}

QModelIndex LogDirectoryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *p = nodeOf(child)->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int LogDirectoryModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int LogDirectoryModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString LogDirectoryModel::toolTip(const Node &node) const
{
    QStringList lines;
    if (!node.path.isEmpty())
        lines << (node.kind == Kind::Segment ? node.path + QLatin1Char('/') + node.name : node.path);
    if (!node.error.isEmpty())
        lines << node.error;
    if (!node.problems.isEmpty())
        lines << tr("Problems:") << node.problems;
    if (!node.notes.isEmpty())
        lines << tr("Notes:") << node.notes;
    return lines.join(QLatin1Char('\n'));
}

QVariant LogDirectoryModel::displayData(const Node &node, int column) const
{
    switch (column) {
    case NameColumn:
        return node.name;
    case StartOffsetColumn:
        return formatOptional(node.startOffset);
    case EndOffsetColumn:
        return formatOptional(node.endOffset);
    case SizeColumn:
        if (node.kind == Kind::Partition && !node.error.isEmpty())
            return QString();
        return QLocale().toString(node.sizeBytes);
    case BatchesColumn:
        return formatOptional(node.batchCount);
    case FirstTimestampColumn:
        return node.firstTimestamp < 0 ? QString() : LogRecordsModel::formatTimestamp(node.firstTimestamp);
    case LargestTimestampColumn:
        return node.largestTimestamp < 0 ? QString() : LogRecordsModel::formatTimestamp(node.largestTimestamp);
    case ProblemsColumn:
        if (!node.error.isEmpty())
            return node.error;
        if (node.problemTotal > 0)
            return tr("%n problem(s)", nullptr, node.problemTotal);
        return QString();
    default:
        return {};
    }
}

QVariant LogDirectoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = *nodeOf(index);
    const bool troubled = !node.error.isEmpty() || node.problemTotal > 0;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(node, index.column());
    case Qt::ToolTipRole:
        if (index.column() == NameColumn || index.column() == ProblemsColumn)
            return toolTip(node);
        return {};
    case Qt::DecorationRole:
        if ((index.column() == NameColumn || index.column() == ProblemsColumn) && troubled && !m_warningIcon.isNull())
            return m_warningIcon;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ProblemsColumn && !node.error.isEmpty())
            return QColor(0xb0, 0x1c, 0x1c);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == NameColumn || index.column() == ProblemsColumn)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case KindRole:
        return static_cast<int>(node.kind);
    case PathRole:
        return node.path;
    case StartOffsetRole:
        return node.startOffset;
    case EndOffsetRole:
        return node.endOffset;
    case SizeRole:
        return node.sizeBytes;
    case BatchCountRole:
        return node.batchCount;
    case FirstTimestampRole:
        return node.firstTimestamp;
    case LargestTimestampRole:
        return node.largestTimestamp;
    case ProblemsRole:
        return node.problems;
    case NotesRole:
        return node.notes;
    case ErrorRole:
        return node.error;
    case ProblemCountRole:
        return node.problemTotal;
    case PartitionNumberRole:
        return node.partitionNumber;
    default:
        return {};
    }
}

QVariant LogDirectoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractItemModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case StartOffsetColumn: return tr("A segment's base offset; a partition's log start offset");
        case EndOffsetColumn: return tr("The offset after the last record (a partition's log-end offset)");
        case FirstTimestampColumn: return tr("The first batch's largest timestamp (UTC)");
        case LargestTimestampColumn: return tr("The largest record timestamp (UTC)");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case StartOffsetColumn: return tr("Start offset");
    case EndOffsetColumn: return tr("End offset");
    case SizeColumn: return tr("Size (bytes)");
    case BatchesColumn: return tr("Batches");
    case FirstTimestampColumn: return tr("First timestamp");
    case LargestTimestampColumn: return tr("Largest timestamp");
    case ProblemsColumn: return tr("Problems");
    default: return {};
    }
}

QHash<int, QByteArray> LogDirectoryModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(PathRole, "path");
    names.insert(StartOffsetRole, "startOffset");
    names.insert(EndOffsetRole, "endOffset");
    names.insert(SizeRole, "size");
    names.insert(BatchCountRole, "batchCount");
    names.insert(FirstTimestampRole, "firstTimestamp");
    names.insert(LargestTimestampRole, "largestTimestamp");
    names.insert(ProblemsRole, "problems");
    names.insert(NotesRole, "notes");
    names.insert(ErrorRole, "error");
    names.insert(ProblemCountRole, "problemCount");
    names.insert(PartitionNumberRole, "partitionNumber");
    return names;
}
