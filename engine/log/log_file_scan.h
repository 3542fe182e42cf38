#pragma once

#include "core/status.h"
#include "log/offset_index.h"
#include "log/record_batch.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kafkascope {

// One batch as found in a .log file, for tools that show files as they are (dump-log): every
// batch up to the first one that cannot be read, damaged or not. Never writes.
struct ScannedBatch {
    std::uint64_t position = 0;
    RecordBatchHeader header;
    bool crcValid = false;
    std::vector<Record> records; // empty when the records could not be decoded
    std::string decodeError;     // why the records could not be decoded (empty: they were)
};

struct LogFileScan {
    std::uint64_t fileBytes = 0;
    std::uint64_t validBytes = 0;    // bytes of batches that could be framed, from the start
    std::int64_t batches = 0;
    std::int64_t records = 0;
    std::int64_t invalidBatches = 0; // CRC mismatch or undecodable records
    std::string problem;             // why scanning stopped before the end of the file (empty: it did not)
    std::optional<std::int64_t> baseOffset; // from the file name, when it is a segment name
};

// Reads `path` (a segment's .log file) batch by batch and calls `visit` for each. Batches
// whose CRC does not match are still shown (crcValid false). Scanning stops at a batch that
// cannot be framed (bad length, magic, truncated) and says so in LogFileScan::problem with the
// byte position. I/O errors (missing file, permission) are the returned Status.
Result<LogFileScan> scanLogFile(const std::string &path, const std::function<void(const ScannedBatch &)> &visit);

// The entries of a segment's .index or .timeindex file, read without its .log. The base offset
// comes from the file name.
Result<OffsetIndex> readOffsetIndexFile(const std::string &path);
Result<TimeIndex> readTimeIndexFile(const std::string &path);

} // namespace kafkascope
