#include "logrecordsmodel.h"

#include "log/compression.h"
#include "log/log_store.h"
#include "log/partition_log.h"

#include <QColor>
#include <QDateTime>
#include <QFile>
#include <QFont>
#include <QScopedValueRollback>
#include <QStringDecoder>

#include <algorithm>
#include <limits>

using namespace kafkascope;

namespace {

// Bytes per read from the log: whole batches, at least one even when it is larger.
constexpr std::size_t kFetchBytes = 256 * 1024;

bool isShownAsText(const QString &text)
{
    return std::none_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0x7f;
    });
}

// Valid UTF-8, or nothing. With `truncated`, an incomplete character at the end is dropped first.
std::optional<QString> decodeUtf8(const QByteArray &bytes, bool truncated)
{
    const int tries = truncated ? 4 : 1;
    for (int cut = 0; cut < tries && cut <= bytes.size(); ++cut) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
        QString text = decoder.decode(QByteArrayView(bytes).first(bytes.size() - cut));
        if (!decoder.hasError())
            return text;
    }
    return std::nullopt;
}

// Kafka's DefaultRecordBatch.incrementSequence: sequences wrap from Integer.MAX_VALUE to 0.
std::int32_t incrementSequence(std::int32_t sequence, std::int32_t increment)
{
    if (sequence > std::numeric_limits<std::int32_t>::max() - increment)
        return increment - (std::numeric_limits<std::int32_t>::max() - sequence) - 1;
    return sequence + increment;
}

std::optional<QByteArray> keptBytes(const std::optional<std::string> &bytes)
{
    if (!bytes)
        return std::nullopt;
    const std::size_t n = std::min<std::size_t>(bytes->size(), LogRecordsModel::kKeptBytes);
    return QByteArray(bytes->data(), static_cast<qsizetype>(n));
}

std::optional<QByteArray> allBytes(const std::optional<std::string> &bytes)
{
    if (!bytes)
        return std::nullopt;
    return QByteArray::fromStdString(*bytes);
}

} // namespace

LogRecordsModel::LogRecordsModel(QObject *parent) : QAbstractTableModel(parent) {}

LogRecordsModel::~LogRecordsModel() = default;

QString LogRecordsModel::formatTimestamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString LogRecordsModel::formatBytes(const std::optional<QByteArray> &bytes, int maxChars, bool truncated)
{
    if (!bytes)
        return QStringLiteral("null");
    if (bytes->isEmpty())
        return QStringLiteral("\"\"");
    const std::optional<QString> text = decodeUtf8(*bytes, truncated);
    if (text && isShownAsText(*text)) {
        QString shown = *text;
        shown.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
        if (shown.size() > maxChars)
            return shown.left(maxChars) + QStringLiteral("…");
        return truncated ? shown + QStringLiteral("…") : shown;
    }
    const qsizetype maxBytes = std::max(1, (maxChars - 2) / 2);
    const QString hex = QStringLiteral("0x") + QString::fromLatin1(bytes->left(maxBytes).toHex());
    return bytes->size() > maxBytes || truncated ? hex + QStringLiteral("…") : hex;
}

void LogRecordsModel::resetState()
{
    m_error.clear();
    m_problems.clear();
    m_batches.clear();
    m_rows.clear();
    m_firstOffset = m_endOffset = m_nextOffset = 0;
    m_done = true;
    m_segmentBase.reset();
}

void LogRecordsModel::finishReset()
{
    const QScopedValueRollback notifying(m_notifying, true);
    endResetModel();
}

void LogRecordsModel::clear()
{
    beginResetModel();
    resetState();
    m_log.reset();
    m_path.clear();
    finishReset();
}

bool LogRecordsModel::setPartition(const QString &path, std::optional<qint64> segmentBase)
{
    beginResetModel();
    resetState();
    if (!m_log || path != m_path) {
        m_log.reset();
        m_path = path;
        auto opened = PartitionLog::open(std::make_unique<DirectoryLogStore>(QFile::encodeName(path).toStdString(), true),
                                         LogConfig{}, 0);
        if (!opened.isOk()) {
            m_error = QString::fromStdString(opened.status().message());
            finishReset();
            return false;
        }
        m_log = std::move(opened).value();
    }
    m_segmentBase = segmentBase;
    if (segmentBase) {
        const auto &segments = m_log->segments();
        const auto it = segments.find(*segmentBase);
        if (it == segments.end()) {
            m_error = tr("The segment with base offset %1 was not read (see its problems)").arg(*segmentBase);
            finishReset();
            return false;
        }
        m_firstOffset = std::max<qint64>(it->first, m_log->logStartOffset());
        m_endOffset = it->second->nextOffset();
    } else {
        m_firstOffset = m_log->logStartOffset();
        m_endOffset = m_log->logEndOffset();
    }
    m_nextOffset = m_firstOffset;
    m_done = m_nextOffset >= m_endOffset;
    finishReset();
    fetchMore({});
    return true;
}

void LogRecordsModel::loadPage()
{
    if (m_done || !m_log)
        return;
    std::vector<Row> page;
    while (page.size() < static_cast<std::size_t>(kPageSize) && m_nextOffset < m_endOffset && !m_done) {
        const qint64 before = m_nextOffset;
        auto fetched = m_log->read(m_nextOffset, kFetchBytes, true, m_endOffset);
        if (!fetched.isOk()) {
            m_error = QString::fromStdString(fetched.status().message());
            m_done = true;
            break;
        }
        std::string_view bytes = fetched.value().records;
        if (bytes.empty()) {
            m_done = true;
            break;
        }
        while (!bytes.empty() && page.size() < static_cast<std::size_t>(kPageSize)) {
            auto header = readBatchHeader(bytes);
            if (!header.isOk() || header.value().sizeInBytes() > bytes.size()) {
                // The engine returns whole, checked batches; anything else ends the listing.
                m_error = tr("Unreadable batch at offset %1").arg(m_nextOffset);
                m_done = true;
                break;
            }
            const RecordBatchHeader &h = header.value();
            auto decoded = decodeBatch(bytes.substr(0, h.sizeInBytes()), false);
            if (!decoded.isOk()) {
                m_problems << tr("Batch at offset %1 skipped: %2").arg(h.baseOffset).arg(QString::fromStdString(decoded.status().message()));
            } else {
                m_batches.push_back({decoded.value().header, decoded.value().crcValid});
                for (const Record &r : decoded.value().records) {
                    if (r.offset.value() < m_nextOffset || r.offset.value() >= m_endOffset)
                        continue;
                    Row row;
                    row.offset = r.offset.value();
                    row.timestamp = r.timestampMs;
                    row.batch = m_batches.size() - 1;
                    row.key = keptBytes(r.key);
                    row.value = keptBytes(r.value);
                    row.keySize = r.key ? static_cast<qint64>(r.key->size()) : -1;
                    row.valueSize = r.value ? static_cast<qint64>(r.value->size()) : -1;
                    row.keyText = formatBytes(allBytes(r.key), kPreviewChars);
                    row.valueText = formatBytes(row.value, kPreviewChars, row.valueSize > kKeptBytes);
                    QStringList headers;
                    for (const RecordHeader &hdr : r.headers)
                        headers << QStringLiteral("%1=%2").arg(QString::fromStdString(hdr.key),
                                                               formatBytes(keptBytes(hdr.value), 40,
                                                                           hdr.value && hdr.value->size() > kKeptBytes));
                    row.headers = headers.join(QStringLiteral(", "));
                    row.headerCount = static_cast<int>(r.headers.size());
                    page.push_back(std::move(row));
                }
            }
            m_nextOffset = h.nextOffset();
            bytes.remove_prefix(h.sizeInBytes());
        }
        // Invariant: every batch read ends after the offset it was read from.
        Q_ASSERT(m_done || m_nextOffset > before);
        if (m_nextOffset <= before)
            m_done = true;
    }
    if (m_nextOffset >= m_endOffset)
        m_done = true;
    if (page.empty())
        return;
    const int first = static_cast<int>(m_rows.size());
    const QScopedValueRollback notifying(m_notifying, true);
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    std::move(page.begin(), page.end(), std::back_inserter(m_rows));
    endInsertRows();
}

bool LogRecordsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_done;
}

void LogRecordsModel::fetchMore(const QModelIndex &parent)
{
    // Not from a slot of our own reset or insertion: the rows would change under the receivers
    // still being told about the previous change.
    if (parent.isValid() || m_notifying)
        return;
    loadPage();
}

qint64 LogRecordsModel::offsetAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return m_rows[static_cast<std::size_t>(row)].offset;
}

int LogRecordsModel::rowForOffset(qint64 offset)
{
    while ((m_rows.empty() || m_rows.back().offset < offset) && canFetchMore({}))
        fetchMore({});
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), offset,
                                     [](const Row &r, qint64 target) { return r.offset < target; });
    if (it == m_rows.end())
        return -1;
    return static_cast<int>(it - m_rows.begin());
}

int LogRecordsModel::rowForTimestamp(qint64 timestampMs)
{
    if (!m_log || timestampMs < 0)
        return -1;
    auto found = m_log->offsetForTimestamp(timestampMs);
    if (!found.isOk()) {
        m_error = QString::fromStdString(found.status().message());
        return -1;
    }
    if (!found.value() || found.value()->offset >= m_endOffset)
        return -1; // every record up to the end of what is shown is older
    const qint64 offset = found.value()->offset;
    if (offset >= m_firstOffset)
        return rowForOffset(offset);
    // One segment shown, and the partition's answer lies before it: timestamps need not grow
    // with offsets, so look through the segment's own records.
    for (int row = 0;; ++row) {
        if (row >= rowCount()) {
            if (!canFetchMore({}))
                return -1;
            fetchMore({});
            if (row >= rowCount())
                return -1;
        }
        if (m_rows[static_cast<std::size_t>(row)].timestamp >= timestampMs)
            return row;
    }
}

int LogRecordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LogRecordsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogRecordsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    const Batch &batch = m_batches[row.batch];
    const RecordBatchHeader &h = batch.header;
    const auto codec = h.compression();
    const QString codecName = codec ? QString::fromLatin1(compressionName(*codec)) : tr("unknown");
    const bool isNullCell = (index.column() == KeyColumn && !row.key) || (index.column() == ValueColumn && !row.value);

    switch (role) {
    case OffsetRole:
        return row.offset;
    case BatchBaseOffsetRole:
        return static_cast<qint64>(h.baseOffset);
    case TimestampRole:
        return row.timestamp;
    case KeyRole:
        return row.key ? QVariant(*row.key) : QVariant();
    case ValueRole:
        return row.value ? QVariant(*row.value) : QVariant();
    case ValueSizeRole:
        return row.valueSize;
    case HeaderCountRole:
        return row.headerCount;
    case CrcValidRole:
        return batch.crcValid;
    case CodecRole:
        return codecName;
    case LogAppendTimeRole:
        return h.isLogAppendTime();
    case Qt::FontRole:
        if (isNullCell) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (isNullCell)
            return QColor(Qt::gray);
        if (index.column() == CrcColumn && !batch.crcValid)
            return QColor(0xb0, 0x1c, 0x1c);
        return {};
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case OffsetColumn:
        case BatchBaseOffsetColumn:
        case ProducerIdColumn:
        case ProducerEpochColumn:
        case SequenceColumn:
        case LeaderEpochColumn:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case KeyColumn:
            return row.key ? tr("%n byte(s)", nullptr, static_cast<int>(std::min<qint64>(row.keySize, INT32_MAX))) : tr("null key");
        case ValueColumn:
            if (!row.value)
                return tr("null value (a tombstone when the record has a key)");
            return tr("%n byte(s)", nullptr, static_cast<int>(std::min<qint64>(row.valueSize, INT32_MAX))) + QLatin1Char('\n')
                + formatBytes(row.value, kKeptBytes, row.valueSize > kKeptBytes);
        case HeadersColumn:
            return row.headers;
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case OffsetColumn:
            return row.offset;
        case BatchBaseOffsetColumn:
            return static_cast<qint64>(h.baseOffset);
        case TimestampColumn:
            return row.timestamp < 0 ? tr("none") : formatTimestamp(row.timestamp);
        case TimestampTypeColumn:
            return h.isLogAppendTime() ? QStringLiteral("LogAppendTime") : QStringLiteral("CreateTime");
        case KeyColumn:
            return row.keyText;
        case ValueColumn:
            return row.valueText;
        case HeadersColumn:
            return row.headers;
        case CodecColumn:
            return codecName;
        case CrcColumn:
            return batch.crcValid ? tr("valid") : tr("mismatch");
        case ProducerIdColumn:
            return h.producerId < 0 ? QString() : QString::number(h.producerId);
        case ProducerEpochColumn:
            return h.producerEpoch < 0 ? QString() : QString::number(h.producerEpoch);
        case SequenceColumn:
            if (h.baseSequence < 0)
                return QString();
            return QString::number(incrementSequence(h.baseSequence, static_cast<std::int32_t>(row.offset - h.baseOffset)));
        case LeaderEpochColumn:
            return h.partitionLeaderEpoch < 0 ? QString() : QString::number(h.partitionLeaderEpoch);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant LogRecordsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case BatchBaseOffsetColumn: return tr("The first offset of the record's batch");
        case TimestampColumn: return tr("The record's timestamp (UTC)");
        case ValueColumn: return tr("The first %1 characters of the value").arg(kPreviewChars);
        case CrcColumn: return tr("Whether the batch's CRC-32C matches its content");
        case SequenceColumn: return tr("The producer's sequence number of this record (idempotent producers)");
        case LeaderEpochColumn: return tr("The partition leader epoch of the batch");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OffsetColumn: return tr("Offset");
    case BatchBaseOffsetColumn: return tr("Batch base");
    case TimestampColumn: return tr("Timestamp");
    case TimestampTypeColumn: return tr("Timestamp type");
    case KeyColumn: return tr("Key");
    case ValueColumn: return tr("Value");
    case HeadersColumn: return tr("Headers");
    case CodecColumn: return tr("Codec");
    case CrcColumn: return tr("CRC");
    case ProducerIdColumn: return tr("Producer ID");
    case ProducerEpochColumn: return tr("Producer epoch");
    case SequenceColumn: return tr("Sequence");
    case LeaderEpochColumn: return tr("Leader epoch");
    default: return {};
    }
}

QHash<int, QByteArray> LogRecordsModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(OffsetRole, "offset");
    names.insert(BatchBaseOffsetRole, "batchBaseOffset");
    names.insert(TimestampRole, "timestamp");
    names.insert(KeyRole, "key");
    names.insert(ValueRole, "value");
    names.insert(ValueSizeRole, "valueSize");
    names.insert(HeaderCountRole, "headerCount");
    names.insert(CrcValidRole, "crcValid");
    names.insert(CodecRole, "codec");
    names.insert(LogAppendTimeRole, "logAppendTime");
    return names;
}
