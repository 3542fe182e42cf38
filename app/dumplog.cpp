#include "dumplog.h"

#include "core/json_writer.h"
#include "log/log_file_scan.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string_view>

using namespace kafkascope;

namespace {

constexpr std::size_t kPreviewBytes = 64;

// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        unsigned char lo = 0x80;
        unsigned char hi = 0xbf;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
            if (c == 0xe0)
                lo = 0xa0;
            if (c == 0xed)
                hi = 0x9f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
            if (c == 0xf0)
                lo = 0x90;
            if (c == 0xf4)
                hi = 0x8f;
        } else {
            return false;
        }
        if (extra >= s.size() - i)
            return false;
        const auto second = static_cast<unsigned char>(s[i + 1]);
        if (second < lo || second > hi)
            return false;
        for (std::size_t k = 2; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80)
                return false;
        i += extra + 1;
    }
    return true;
}

std::string hex(std::string_view s)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(s.size() * 2);
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        out += digits[u >> 4];
        out += digits[u & 15];
    }
    return out;
}

// Text for humans: UTF-8 as it is (control characters escaped), anything else as 0x… hex,
// cut after kPreviewBytes with the full size said.
std::string preview(const std::optional<std::string> &bytes)
{
    if (!bytes)
        return "null";
    const std::string_view s = *bytes;
    const bool cut = s.size() > kPreviewBytes;
    std::string_view head = s.substr(0, kPreviewBytes);
    std::string out;
    if (isValidUtf8(s)) {
        // Do not cut inside a UTF-8 sequence.
        while (cut && !head.empty() && (static_cast<unsigned char>(s[head.size()]) & 0xc0) == 0x80)
            head.remove_suffix(1);
        for (const char c : head) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x20 || u == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", u);
                out += buf;
            } else {
                out += c;
            }
        }
    } else {
        out = "0x" + hex(head);
    }
    if (cut)
        out += "…(" + std::to_string(s.size()) + " bytes)";
    return out;
}

// JSON: a string for valid UTF-8, {"hex": "…"} otherwise, null for null.
void jsonBytes(JsonWriter &w, const std::optional<std::string> &bytes)
{
    if (!bytes)
        w.null();
    else if (isValidUtf8(*bytes))
        w.value(std::string_view(*bytes));
    else
        w.beginObject().key("hex").value(hex(*bytes)).endObject();
}

void out(const std::string &line)
{
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
}

void err(const std::string &line)
{
    std::fflush(stdout);
    std::fprintf(stderr, "kafkascope: %s\n", line.c_str());
}

std::string yesNo(bool b)
{
    return b ? "true" : "false";
}

void printBatchText(const ScannedBatch &b)
{
    const RecordBatchHeader &h = b.header;
    const std::string tsType = h.isLogAppendTime() ? "LogAppendTime" : "CreateTime";
    const std::int32_t lastSequence = h.baseSequence < 0 ? -1 : h.baseSequence + h.lastOffsetDelta;
    const auto codec = h.compression();
    out("baseOffset: " + std::to_string(h.baseOffset) + " lastOffset: " + std::to_string(h.lastOffset())
        + " count: " + std::to_string(h.recordsCount) + " baseSequence: " + std::to_string(h.baseSequence)
        + " lastSequence: " + std::to_string(lastSequence) + " producerId: " + std::to_string(h.producerId)
        + " producerEpoch: " + std::to_string(h.producerEpoch) + " partitionLeaderEpoch: "
        + std::to_string(h.partitionLeaderEpoch) + " isTransactional: " + yesNo(h.isTransactional())
        + " isControl: " + yesNo(h.isControl()) + " deleteHorizonMs: "
        + (h.hasDeleteHorizon() ? std::to_string(h.baseTimestamp) : std::string("none"))
        + " position: " + std::to_string(b.position) + " " + tsType + ": " + std::to_string(h.maxTimestamp)
        + " size: " + std::to_string(h.sizeInBytes()) + " magic: " + std::to_string(h.magic)
        + " compresscodec: " + (codec ? std::string(compressionName(*codec)) : "unknown(" + std::to_string(h.attributes & 7) + ")")
        + " crcValid: " + yesNo(b.crcValid));
    if (!b.decodeError.empty())
        out("| records unreadable: " + b.decodeError);
    for (const Record &r : b.records) {
        std::string headerKeys;
        for (const RecordHeader &hd : r.headers)
            headerKeys += (headerKeys.empty() ? "" : ",") + preview(hd.key);
        const std::int64_t sequence = h.baseSequence < 0 ? -1 : h.baseSequence + (r.offset.value() - h.baseOffset);
        out("| offset: " + std::to_string(r.offset.value()) + " " + tsType + ": " + std::to_string(r.timestampMs)
            + " keySize: " + (r.key ? std::to_string(r.key->size()) : "-1") + " valueSize: "
            + (r.value ? std::to_string(r.value->size()) : "-1") + " sequence: " + std::to_string(sequence)
            + " headerKeys: [" + headerKeys + "] key: " + preview(r.key) + " payload: " + preview(r.value));
    }
}

void printBatchJson(const std::string &file, const ScannedBatch &b)
{
    const RecordBatchHeader &h = b.header;
    JsonWriter w(JsonWriter::Layout::Compact);
    w.beginObject();
    w.key("file").value(file);
    w.key("position").value(static_cast<std::uint64_t>(b.position));
    w.key("base_offset").value(h.baseOffset);
    w.key("last_offset").value(h.lastOffset());
    w.key("count").value(h.recordsCount);
    w.key("size").value(static_cast<std::uint64_t>(h.sizeInBytes()));
    w.key("magic").value(std::int64_t{h.magic});
    w.key("crc").value(std::uint64_t{h.crc});
    w.key("crc_valid").value(b.crcValid);
    w.key("attributes").value(std::int64_t{h.attributes});
    const auto codec = h.compression();
    if (codec)
        w.key("compression").value(compressionName(*codec));
    else
        w.key("compression").null();
    w.key("timestamp_type").value(h.isLogAppendTime() ? "LogAppendTime" : "CreateTime");
    w.key("transactional").value(h.isTransactional());
    w.key("control").value(h.isControl());
    if (h.hasDeleteHorizon())
        w.key("delete_horizon_ms").value(h.baseTimestamp);
    else
        w.key("delete_horizon_ms").null();
    w.key("base_timestamp").value(h.baseTimestamp);
    w.key("max_timestamp").value(h.maxTimestamp);
    w.key("partition_leader_epoch").value(h.partitionLeaderEpoch);
    w.key("producer_id").value(h.producerId);
    w.key("producer_epoch").value(std::int64_t{h.producerEpoch});
    w.key("base_sequence").value(h.baseSequence);
    if (!b.decodeError.empty())
        w.key("error").value(b.decodeError);
    w.key("records").beginArray();
    for (const Record &r : b.records) {
        w.beginObject();
        w.key("offset").value(r.offset.value());
        w.key("timestamp").value(r.timestampMs);
        w.key("key");
        jsonBytes(w, r.key);
        w.key("value");
        jsonBytes(w, r.value);
        w.key("headers").beginArray();
        for (const RecordHeader &hd : r.headers) {
            w.beginObject().key("key");
            jsonBytes(w, hd.key);
            w.key("value");
            jsonBytes(w, hd.value);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    out(w.str());
}

// The files a PATH names: itself, or every .log below a folder.
std::vector<std::string> expand(const std::string &path, std::string *error)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        *error = path + ": no such file or directory";
        return {};
    }
    if (!fs::is_directory(path, ec))
        return {path};
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".log")
            files.push_back(it->path().string());
    }
    if (ec) {
        *error = path + ": cannot list: " + ec.message();
        return {};
    }
    std::sort(files.begin(), files.end());
    if (files.empty())
        *error = path + ": no .log files in this folder";
    return files;
}

// One line (or JSON object) per index entry: "offset: O position: P" / "timestamp: T offset: O".
void printIndexEntry(const std::string &file, const OffsetIndex::Entry &e, bool json)
{
    if (!json) {
        out("offset: " + std::to_string(e.offset) + " position: " + std::to_string(e.position));
        return;
    }
    JsonWriter w(JsonWriter::Layout::Compact);
    w.beginObject().key("file").value(file).key("offset").value(e.offset).key("position").value(std::uint64_t{e.position}).endObject();
    out(w.str());
}

void printIndexEntry(const std::string &file, const TimeIndex::Entry &e, bool json)
{
    if (!json) {
        out("timestamp: " + std::to_string(e.timestamp) + " offset: " + std::to_string(e.offset));
        return;
    }
    JsonWriter w(JsonWriter::Layout::Compact);
    w.beginObject().key("file").value(file).key("timestamp").value(e.timestamp).key("offset").value(e.offset).endObject();
    out(w.str());
}

// Prints an index file's entries; false (after saying why) when it could not be read.
template <class Index>
bool dumpIndex(const std::string &file, const Result<Index> &index, bool json)
{
    if (!index.isOk()) {
        err(index.status().message());
        return false;
    }
    for (const auto &e : index.value().entries())
        printIndexEntry(file, e, json);
    return true;
}

} // namespace

int runDumpLog(const DumpLogOptions &options)
{
    int rc = 0;
    bool damaged = false;
    for (const std::string &path : options.paths) {
        std::string error;
        const std::vector<std::string> files = expand(path, &error);
        if (!error.empty()) {
            err(error);
            rc = 1;
            continue;
        }
        for (const std::string &file : files) {
            const std::string name = std::filesystem::path(file).filename().string();
            const auto ext = std::filesystem::path(file).extension().string();
            if (ext == ".index" || ext == ".timeindex") {
                if (!options.json)
                    out("Dumping " + file);
                const bool ok = ext == ".index" ? dumpIndex(file, readOffsetIndexFile(file), options.json)
                                                : dumpIndex(file, readTimeIndexFile(file), options.json);
                if (!ok)
                    rc = 1;
                continue;
            }
            if (!options.json)
                out("Dumping " + file);
            bool headerPrinted = false;
            auto scan = scanLogFile(file, [&](const ScannedBatch &b) {
                // Every damaged batch is named with its file and byte position.
                if (!b.crcValid)
                    err(file + " at byte " + std::to_string(b.position) + ": CRC mismatch in the batch at offset "
                        + std::to_string(b.header.baseOffset));
                if (!b.decodeError.empty())
                    err(file + " at byte " + std::to_string(b.position) + ": records unreadable: " + b.decodeError);
                if (options.json) {
                    printBatchJson(file, b);
                    return;
                }
                if (!headerPrinted) {
                    out("Log starting offset: " + std::to_string(b.header.baseOffset));
                    headerPrinted = true;
                }
                printBatchText(b);
            });
            if (!scan.isOk()) {
                err(scan.status().message());
                rc = 1;
                continue;
            }
            const LogFileScan &s = scan.value();
            if (!s.baseOffset)
                err(file + ": warning: the name is not a segment name (<20 digits>.log)");
            if (!s.problem.empty()) {
                err(file + " at " + s.problem + "; " + std::to_string(s.fileBytes - s.validBytes)
                    + " bytes after it not read");
                damaged = true;
            }
            if (s.invalidBatches > 0) {
                err(file + ": " + std::to_string(s.invalidBatches) + " damaged batch(es) (CRC mismatch or unreadable records)");
                damaged = true;
            }
            if (!options.json)
                out("Summary: " + std::to_string(s.batches) + " batches, " + std::to_string(s.records) + " records, "
                    + std::to_string(s.validBytes) + " of " + std::to_string(s.fileBytes) + " bytes valid");
        }
    }
    if (damaged && options.verify)
        rc = 1;
    std::fflush(stdout);
    return rc;
}
