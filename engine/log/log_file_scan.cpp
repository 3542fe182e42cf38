#include "log_file_scan.h"

#include "log/log_segment.h"
#include "log/log_store.h"

#include <filesystem>

namespace kafkascope {

namespace {

struct OpenedFile {
    std::unique_ptr<SegmentFile> file;
    std::string name;
};

Result<OpenedFile> openReadOnly(const std::string &path)
{
    const std::filesystem::path p(path);
    const std::string dir = p.has_parent_path() ? p.parent_path().string() : std::string(".");
    DirectoryLogStore store(dir, true);
    auto file = store.open(p.filename().string(), false);
    if (!file.isOk())
        return file.status();
    return OpenedFile{std::move(file).value(), p.filename().string()};
}

} // namespace

Result<LogFileScan> scanLogFile(const std::string &path, const std::function<void(const ScannedBatch &)> &visit)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return Status::invalidArgument(path + ": is a directory, not a .log file");
    auto opened = openReadOnly(path);
    if (!opened.isOk())
        return opened.status();
    SegmentFile &file = *opened.value().file;
    LogFileScan scan;
    scan.fileBytes = file.size();
    scan.baseOffset = LogSegment::parseFileName(opened.value().name, ".log");

    std::string bytes;
    std::uint64_t pos = 0;
    while (pos < scan.fileBytes) {
        const std::uint64_t remaining = scan.fileBytes - pos;
        if (auto st = file.read(pos, batch::kHeaderSize, bytes); !st.isOk())
            return st;
        auto header = readBatchHeader(bytes);
        if (!header.isOk()) {
            scan.problem = "byte " + std::to_string(pos) + ": " + header.status().message()
                + (remaining < batch::kHeaderSize ? " (a torn write at the end of the file)" : "");
            break;
        }
        if (header.value().sizeInBytes() > remaining) {
            scan.problem = "byte " + std::to_string(pos) + ": incomplete batch: " + std::to_string(header.value().sizeInBytes())
                + " bytes declared, " + std::to_string(remaining) + " left in the file (a torn write at the end)";
            break;
        }
        if (auto st = file.read(pos, header.value().sizeInBytes(), bytes); !st.isOk())
            return st;
        ScannedBatch b;
        b.position = pos;
        b.header = header.value();
        auto decoded = decodeBatch(bytes, false);
        if (decoded.isOk()) {
            b.crcValid = decoded.value().crcValid;
            b.records = std::move(decoded.value().records);
        } else {
            b.crcValid = batchCrcValid(bytes, b.header);
            b.decodeError = decoded.status().message();
        }
        if (!b.crcValid || !b.decodeError.empty())
            ++scan.invalidBatches;
        ++scan.batches;
        scan.records += static_cast<std::int64_t>(b.records.size());
        visit(b);
        pos += header.value().sizeInBytes();
    }
    scan.validBytes = pos;
    return scan;
}

namespace {

// Reads a whole .index or .timeindex file and parses it with Index::parse.
template <class Index>
Result<Index> readIndexFile(const std::string &path, std::string_view suffix)
{
    const auto base = LogSegment::parseFileName(std::filesystem::path(path).filename().string(), suffix);
    if (!base)
        return Status::invalidArgument(path + ": not a segment index name (<20 digits>" + std::string(suffix) + ")");
    auto opened = openReadOnly(path);
    if (!opened.isOk())
        return opened.status();
    std::string bytes;
    if (auto st = opened.value().file->read(0, opened.value().file->size(), bytes); !st.isOk())
        return st;
    return Index::parse(*base, bytes.size() / Index::kEntrySize + 1, bytes);
}

} // namespace

Result<OffsetIndex> readOffsetIndexFile(const std::string &path)
{
    return readIndexFile<OffsetIndex>(path, ".index");
}

Result<TimeIndex> readTimeIndexFile(const std::string &path)
{
    return readIndexFile<TimeIndex>(path, ".timeindex");
}

} // namespace kafkascope
