#pragma once
// The crash-recovery workload shared by bench_log (--crash-iterations) and tst_crashrecovery.
//
// A child process (fork()) opens a partition log in a DirectoryLogStore, appends batches of
// seeded records and flushes every few batches, writing the last offset known durable to a pipe
// after each flush, until its parent kills it with SIGKILL. The parent then reopens the log
// (writable, so recovery truncates what it must) and checks that every flushed record is there,
// bit-exact, and that every batch decodes. A record's content is a function of (seed, offset)
// only, so the parent regenerates what any child wrote whatever its batch boundaries were.
//
// Plain C++ and POSIX, no Qt: the child runs this code after fork() and always leaves with
// _exit(), never returning into its caller's test or benchmark machinery.

#include "core/random.h"
#include "log/partition_log.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kafkascope::crashtest {

struct WorkloadConfig {
    std::uint64_t seed = 1;                              // decides every record's content
    std::int64_t segmentBytes = std::int64_t{1} << 20;   // small, so that children roll segments
    std::int32_t indexIntervalBytes = 4096;
    std::uint64_t maxRecordsPerBatch = 64;
    std::uint64_t maxBatchesPerFlush = 4;                // a child flushes every 1..this batches
    std::uint64_t maxLogBytes = std::uint64_t{16} << 20; // a child stops on its own past this size
};

inline LogConfig logConfig(const WorkloadConfig &w)
{
    LogConfig c;
    c.segmentBytes = w.segmentBytes;
    c.indexIntervalBytes = w.indexIntervalBytes;
    return c;
}

// The record at `offset` of a crash-test log: a null key one time in eight, a null value one
// time in sixteen, values of 0..199 bytes (one in four up to 4 KiB), half random bytes and half
// repetitive text (so that every codec has something to compress), and up to two headers.
inline Record expectedRecord(std::uint64_t seed, std::int64_t offset)
{
    Random rng(seed ^ (static_cast<std::uint64_t>(offset) * 0x9E3779B97F4A7C15ULL));
    Record r;
    r.offset = Offset{offset};
    r.timestampMs = 1'700'000'000'000 + offset * 3 + static_cast<std::int64_t>(rng.uniform(1000));
    if (rng.uniform(8) != 0)
        r.key = "key-" + std::to_string(rng.uniform(500));
    if (rng.uniform(16) != 0) {
        const auto size = static_cast<std::size_t>(rng.uniform(rng.uniform(4) == 0 ? 4096 : 200));
        std::string value;
        value.reserve(size);
        if (rng.uniform(2) == 0) {
            while (value.size() < size) {
                const std::uint64_t word = rng.nextU64();
                for (int b = 0; b < 8 && value.size() < size; ++b)
                    value.push_back(static_cast<char>(word >> (8 * b)));
            }
        } else {
            const std::string unit = "value-" + std::to_string(offset) + ";";
            while (value.size() < size)
                value += unit.substr(0, size - value.size());
        }
        r.value = std::move(value);
    }
    const auto headerCount = rng.uniform(3);
    for (std::uint64_t i = 0; i < headerCount; ++i) {
        RecordHeader h;
        h.key = "h" + std::to_string(i);
        if (rng.uniform(4) != 0)
            h.value = "v" + std::to_string(rng.nextU64());
        r.headers.push_back(std::move(h));
    }
    return r;
}

namespace detail {

[[noreturn]] inline void childFail(std::string_view what, const Status &status)
{
    const std::string line = "crash-test child: " + std::string(what) + ": " + status.message() + "\n";
    [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, line.data(), line.size());
    ::_exit(3);
}

inline bool writeAll(int fd, const void *data, std::size_t n)
{
    const auto *p = static_cast<const char *>(data);
    while (n > 0) {
        const ssize_t w = ::write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

} // namespace detail

// The child's whole life: appends seeded batches (random size and codec, drawn from
// `childSeed`) at the log end until the log passes maxLogBytes or the process is killed.
// After each flush, writes the last flushed offset (an int64 in native byte order) to `pipeFd`.
// Exits 0 when it stops on its own, 3 on any engine error (the message goes to stderr).
// Call only in a child process after fork(): it never returns.
[[noreturn]] inline void runChild(const std::string &dir, const WorkloadConfig &w, std::uint64_t childSeed, int pipeFd)
{
    auto opened = PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, false), logConfig(w), 0);
    if (!opened.isOk())
        detail::childFail("open " + dir, opened.status());
    PartitionLog &log = *opened.value();
    Random rng(childSeed);
    std::vector<Record> batch;
    std::uint64_t sinceFlush = 0;
    std::uint64_t flushEvery = 1 + rng.uniform(w.maxBatchesPerFlush);
    auto flushAndTell = [&] {
        if (auto st = log.flush(); !st.isOk())
            detail::childFail("flush", st);
        const std::int64_t lastFlushed = log.logEndOffset() - 1;
        if (!detail::writeAll(pipeFd, &lastFlushed, sizeof lastFlushed))
            ::_exit(4);
    };
    while (log.sizeInBytes() < w.maxLogBytes) {
        batch.clear();
        const std::uint64_t n = 1 + rng.uniform(w.maxRecordsPerBatch);
        for (std::uint64_t i = 0; i < n; ++i)
            batch.push_back(expectedRecord(w.seed, log.logEndOffset() + static_cast<std::int64_t>(i)));
        BatchOptions options;
        options.compression = static_cast<CompressionType>(rng.uniform(5));
        if (auto info = log.append(batch, options, batch.back().timestampMs); !info.isOk())
            detail::childFail("append", info.status());
        if (++sinceFlush >= flushEvery) {
            flushAndTell();
            sinceFlush = 0;
            flushEvery = 1 + rng.uniform(w.maxBatchesPerFlush);
        }
    }
    flushAndTell();
    ::_exit(0);
}

// What reopening a crashed log found.
struct Verification {
    std::string failure;                 // empty: every check passed
    std::int64_t logEndOffset = 0;
    std::int64_t recordsChecked = 0;
    std::uint64_t logBytes = 0;
    std::vector<std::string> messages;   // the recovery's report
    bool truncated = false;

    [[nodiscard]] bool ok() const { return failure.empty(); }
};

// Reopens the log in `dir` writable and checks it: the log starts at 0, every offset up to
// `lastFlushed` is present, every batch decodes with a valid CRC, offsets are dense, and every
// record equals expectedRecord(seed, offset).
inline Verification verifyLog(const std::string &dir, const WorkloadConfig &w, std::int64_t lastFlushed)
{
    Verification v;
    LogOpenReport report;
    auto opened = PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, false), logConfig(w), 0, &report);
    v.messages = report.messages;
    v.truncated = report.truncated;
    if (!opened.isOk()) {
        v.failure = "reopening " + dir + " failed: " + opened.status().message();
        return v;
    }
    const PartitionLog &log = *opened.value();
    v.logEndOffset = log.logEndOffset();
    v.logBytes = log.sizeInBytes();
    if (log.logStartOffset() != 0) {
        v.failure = "the log starts at " + std::to_string(log.logStartOffset()) + ", not 0";
        return v;
    }
    if (log.logEndOffset() <= lastFlushed) {
        v.failure = "offset " + std::to_string(lastFlushed) + " was flushed but the log ends at "
            + std::to_string(log.logEndOffset());
        return v;
    }
    std::int64_t next = 0;
    while (next < log.logEndOffset()) {
        auto fetched = log.read(next, std::size_t{1} << 20);
        if (!fetched.isOk()) {
            v.failure = "read at offset " + std::to_string(next) + ": " + fetched.status().message();
            return v;
        }
        std::string_view bytes = fetched.value().records;
        if (bytes.empty()) {
            v.failure = "read at offset " + std::to_string(next) + " returned nothing below the log end "
                + std::to_string(log.logEndOffset());
            return v;
        }
        while (!bytes.empty()) {
            auto decoded = decodeBatch(bytes, true);
            if (!decoded.isOk()) {
                v.failure = "the batch holding offset " + std::to_string(next)
                    + " does not decode: " + decoded.status().message();
                return v;
            }
            for (const Record &r : decoded.value().records) {
                if (r.offset.value() != next) {
                    v.failure = "offset " + std::to_string(r.offset.value()) + " found where " + std::to_string(next)
                        + " was due";
                    return v;
                }
                if (!(r == expectedRecord(w.seed, next))) {
                    v.failure = "the record at offset " + std::to_string(next) + " differs from what was written";
                    return v;
                }
                ++next;
                ++v.recordsChecked;
            }
            bytes.remove_prefix(decoded.value().header.sizeInBytes());
        }
    }
    return v;
}

// One iteration: forks a child running runChild(), kills it with SIGKILL after `killAfterUs`
// microseconds, collects the last offset it reported flushed and verifies the log.
struct Iteration {
    bool killed = false;          // false: the child stopped on its own before the kill
    std::int64_t lastFlushed = -1; // the last offset the child reported durable (-1: none)
    Verification verification;
    std::string failure;          // a child that failed, or the verification's failure

    [[nodiscard]] bool ok() const { return failure.empty(); }
};

// `lastFlushedBefore` is the highest offset an earlier child reported durable in the same
// directory (-1 for a new one): it must survive as well.
inline Iteration runIteration(const std::string &dir, const WorkloadConfig &w, std::uint64_t childSeed,
                              std::int64_t killAfterUs, std::int64_t lastFlushedBefore)
{
    Iteration it;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        it.failure = std::string("pipe: ") + std::strerror(errno);
        return it;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        it.failure = std::string("fork: ") + std::strerror(errno);
        ::close(fds[0]);
        ::close(fds[1]);
        return it;
    }
    if (pid == 0) {
        ::close(fds[0]);
        runChild(dir, w, childSeed, fds[1]);
    }
    ::close(fds[1]);
    timespec delay{};
    delay.tv_sec = static_cast<time_t>(killAfterUs / 1'000'000);
    delay.tv_nsec = static_cast<long>((killAfterUs % 1'000'000) * 1000);
    while (::nanosleep(&delay, &delay) != 0 && errno == EINTR) {
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    // Everything the child reported, up to its death; the last whole value counts.
    std::string reported;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        reported.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    if (reported.size() >= sizeof(std::int64_t)) {
        const std::size_t last = (reported.size() / sizeof(std::int64_t) - 1) * sizeof(std::int64_t);
        std::memcpy(&it.lastFlushed, reported.data() + last, sizeof(std::int64_t));
    }
    it.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    if (!it.killed && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        it.failure = "the child failed (" + std::string(WIFEXITED(status) ? "exit " : "signal ")
            + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status)) + ")";
        return it;
    }
    it.verification = verifyLog(dir, w, std::max(it.lastFlushed, lastFlushedBefore));
    it.failure = it.verification.failure;
    return it;
}

} // namespace kafkascope::crashtest
