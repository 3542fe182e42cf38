#pragma once
// Partition folders written with the engine for the log browser's model tests.

#include "log/log_store.h"
#include "log/partition_log.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kafkascope::fixtures {

inline constexpr std::int64_t kT0 = 1'700'000'000'000; // 2023-11-14T22:13:20Z
inline constexpr std::int64_t kAppendTime = kT0 + 100000;

inline Record rec(std::int64_t ts, std::optional<std::string> key, std::optional<std::string> value,
                  std::vector<RecordHeader> headers = {})
{
    Record r;
    r.timestampMs = ts;
    r.key = std::move(key);
    r.value = std::move(value);
    r.headers = std::move(headers);
    return r;
}

inline std::unique_ptr<PartitionLog> createLog(const QString &path, LogConfig config = {})
{
    if (!DirectoryLogStore::createDirectories(path.toStdString()).isOk())
        return nullptr;
    auto log = PartitionLog::open(std::make_unique<DirectoryLogStore>(path.toStdString(), false), config, kT0);
    return log.isOk() ? std::move(log).value() : nullptr;
}

inline bool append(PartitionLog &log, std::vector<Record> records, BatchOptions options = {})
{
    return log.append(records, options, kAppendTime).isOk();
}

// Offsets 0-7 (segment 0): headers, null and empty keys and values, a gzip batch of 200-byte
// values; 8-10 (segment 8): binary bytes from an idempotent producer, a LogAppendTime batch;
// 11-14 (segment 11): four single records.
inline bool writeOrders(const QString &path)
{
    auto log = createLog(path);
    if (!log)
        return false;
    bool ok = append(*log, {rec(kT0, "alice", "order-1", {{"trace", "abc"}, {"bin", std::string("\x00\xff", 2)}, {"nil", std::nullopt}}),
                            rec(kT0 + 1, std::nullopt, "no key"), rec(kT0 + 2, "", std::nullopt)});
    std::vector<Record> compressed;
    for (int i = 0; i < 5; ++i)
        compressed.push_back(rec(kT0 + 10 + i, "k" + std::to_string(i), std::string(200, static_cast<char>('a' + i))));
    BatchOptions gzip;
    gzip.compression = CompressionType::Gzip;
    ok = ok && append(*log, compressed, gzip) && log->roll(kT0).isOk();
    BatchOptions producer;
    producer.producerId = 4242;
    producer.producerEpoch = 3;
    producer.baseSequence = 10;
    producer.partitionLeaderEpoch = 7;
    ok = ok && append(*log, {rec(kT0 + 20, std::string("\x00\x01\xfe", 3), std::string("\xff\xfe", 2)), rec(kT0 + 21, "bob", "order-2")}, producer);
    BatchOptions appendTime;
    appendTime.logAppendTime = true;
    ok = ok && append(*log, {rec(kT0 + 22, "carol", "order-3")}, appendTime) && log->roll(kT0).isOk();
    for (int i = 0; i < 4; ++i)
        ok = ok && append(*log, {rec(kT0 + 30 + i, "dave", "order-" + std::to_string(4 + i))});
    return ok && log->flush().isOk();
}

// Keys a0..a3 written three times over three segments (key k of round r at kT0 + r * roundStep
// + k * keyStep), then a0 once more at kT0 + lastAt, then compacted: offsets get gaps.
inline bool writeCompacted(const QString &path, std::int64_t roundStep, std::int64_t keyStep, std::int64_t lastAt)
{
    LogConfig config;
    config.cleanupPolicy = CleanupPolicy::Compact;
    auto log = createLog(path, config);
    if (!log)
        return false;
    bool ok = true;
    for (int round = 0; round < 3 && ok; ++round) {
        for (int k = 0; k < 4 && ok; ++k)
            ok = append(*log, {rec(kT0 + round * roundStep + k * keyStep, "a" + std::to_string(k), "v" + std::to_string(round))});
        ok = ok && log->roll(kT0).isOk();
    }
    ok = ok && append(*log, {rec(kT0 + lastAt, "a0", "latest")});
    return ok && log->compact(kT0 + 1000, log->logEndOffset(), true).isOk() && log->flush().isOk();
}

} // namespace kafkascope::fixtures
