#pragma once
// Helpers shared by the log engine tests.

#include "log/partition_log.h"

#include <memory>
#include <string>
#include <vector>

namespace kafkascope::testutil {

inline Record record(std::int64_t ts, std::optional<std::string> key, std::optional<std::string> value)
{
    Record r;
    r.timestampMs = ts;
    r.key = std::move(key);
    r.value = std::move(value);
    return r;
}

inline std::unique_ptr<PartitionLog> memoryLog(LogConfig config = {}, std::int64_t nowMs = 0)
{
    auto log = PartitionLog::open(std::make_unique<MemoryLogStore>("t-0"), config, nowMs);
    return log.isOk() ? std::move(log).value() : nullptr;
}

// Appends one single-record batch; returns its offset (or -1 on failure).
inline std::int64_t appendOne(PartitionLog &log, std::int64_t ts, std::optional<std::string> key,
                              std::optional<std::string> value, std::int64_t nowMs = -1)
{
    const Record r = record(ts, std::move(key), std::move(value));
    auto info = log.append(std::span(&r, 1), BatchOptions{}, nowMs < 0 ? ts : nowMs);
    return info.isOk() ? info.value().firstOffset : -1;
}

// Every record from the log start on, decoded.
inline std::vector<Record> allRecords(const PartitionLog &log)
{
    auto r = log.readRecords(log.logStartOffset(), 1u << 30);
    return r.isOk() ? std::move(r).value() : std::vector<Record>{};
}

} // namespace kafkascope::testutil
