#pragma once

#include "log/record_batch.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace kafkascope {
class PartitionLog;
}

// The records of one partition folder on disk (or of one of its segments), one row each, in
// offset order, with the batch each belongs to. The folder is opened read-only with the engine
// (PartitionLog on a read-only DirectoryLogStore): nothing is ever written.
//
// Rows are loaded lazily, a page of at least kPageSize records (whole batches) at a time, through
// canFetchMore()/fetchMore() as views scroll; the whole log is never decoded at once. A row keeps
// the key and at most kKeptBytes of the value, so a page stays small whatever the records hold.
// A batch that cannot be decoded is skipped and named in problems(). fetchMore() called from a
// receiver of this model's own reset or insertion signals does nothing (the rows would change
// while other receivers are still being told about the previous change).
//
// Keys, values and header values are shown as UTF-8 text when they are valid UTF-8 without
// control characters, else as hex; a null key or value shows as `null` (in grey, italic), an empty
// one as "". Timestamps are ISO-8601 UTC with milliseconds.
class LogRecordsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        OffsetColumn,
        BatchBaseOffsetColumn,
        TimestampColumn,
        TimestampTypeColumn, // CreateTime or LogAppendTime (the batch's)
        KeyColumn,
        ValueColumn,         // the first kPreviewChars characters (or bytes, in hex)
        HeadersColumn,       // "k=v, k2=v2"
        CodecColumn,         // the batch's compression codec
        CrcColumn,           // whether the batch's CRC-32C matches
        ProducerIdColumn,
        ProducerEpochColumn,
        SequenceColumn,      // the record's sequence (batch base sequence + offset delta)
        LeaderEpochColumn,   // the batch's partition leader epoch
        ColumnCount
    };
    enum Role {
        OffsetRole = Qt::UserRole + 1, // qint64
        BatchBaseOffsetRole,           // qint64
        TimestampRole,                 // qint64 ms
        KeyRole,                       // QByteArray (at most kKeptBytes); a null QVariant for a null key
        ValueRole,                     // QByteArray (at most kKeptBytes); a null QVariant for a null value
        ValueSizeRole,                 // qint64: the whole value's size, -1 for null
        HeaderCountRole,               // int
        CrcValidRole,                  // bool
        CodecRole,                     // QString: Kafka's codec name
        LogAppendTimeRole,             // bool
    };

    static constexpr int kPageSize = 500;
    static constexpr int kPreviewChars = 80;
    static constexpr int kKeptBytes = 400;

    explicit LogRecordsModel(QObject *parent = nullptr);
    ~LogRecordsModel() override;

    // Shows the partition folder at `path` from its log start offset, or only the segment with
    // base offset `segmentBase`. Loads the first page. Reuses the open log when `path` is the one
    // already shown. Returns false (and shows nothing) when the folder cannot be opened or holds
    // no such segment; errorString() says why.
    bool setPartition(const QString &path, std::optional<qint64> segmentBase = std::nullopt);
    // Shows nothing and closes the log.
    void clear();

    [[nodiscard]] QString partitionPath() const { return m_path; }
    [[nodiscard]] std::optional<qint64> segmentBase() const { return m_segmentBase; }
    [[nodiscard]] QString errorString() const { return m_error; }
    // Batches that were skipped because they could not be decoded.
    [[nodiscard]] QStringList problems() const { return m_problems; }
    // The range shown: [firstOffset, endOffset).
    [[nodiscard]] qint64 firstOffset() const { return m_firstOffset; }
    [[nodiscard]] qint64 endOffset() const { return m_endOffset; }
    [[nodiscard]] qint64 offsetAt(int row) const;

    // The row of the first record whose offset is >= `offset` (compaction leaves gaps), loading
    // pages as needed; -1 when no record shown is at or after it.
    int rowForOffset(qint64 offset);
    // The row of the first record whose timestamp is >= `timestampMs`, found as ListOffsets does
    // (PartitionLog::offsetForTimestamp); -1 when there is none.
    int rowForTimestamp(qint64 timestampMs);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // "2024-03-01T12:00:00.250Z"
    static QString formatTimestamp(qint64 ms);
    // Bytes as text (valid UTF-8 without control characters) or hex, cut to `maxChars` with "…";
    // `null` for nullopt, "" for empty.
    static QString formatBytes(const std::optional<QByteArray> &bytes, int maxChars, bool truncated = false);

private:
    struct Batch {
        kafkascope::RecordBatchHeader header;
        bool crcValid = false;
    };
    struct Row {
        qint64 offset = 0;
        qint64 timestamp = 0;
        std::size_t batch = 0; // index into m_batches
        std::optional<QByteArray> key;   // at most kKeptBytes
        std::optional<QByteArray> value; // at most kKeptBytes
        qint64 keySize = -1;
        qint64 valueSize = -1;
        QString keyText;   // as shown
        QString valueText; // as shown (the preview)
        QString headers;
        int headerCount = 0;
    };

    // Decodes whole batches from m_nextOffset until at least kPageSize records were added or the
    // range ends.
    void loadPage();
    void resetState();
    void finishReset(); // endResetModel(), with fetchMore() ignored meanwhile

    std::unique_ptr<kafkascope::PartitionLog> m_log;
    QString m_path;
    std::optional<qint64> m_segmentBase;
    QString m_error;
    QStringList m_problems;
    qint64 m_firstOffset = 0;
    qint64 m_endOffset = 0;
    qint64 m_nextOffset = 0; // where the next page starts
    bool m_done = true;
    bool m_notifying = false; // inside endResetModel() or begin/endInsertRows()
    std::vector<Batch> m_batches;
    std::vector<Row> m_rows;
};
