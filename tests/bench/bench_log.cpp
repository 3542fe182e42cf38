// bench_log: throughput, memory and crash-recovery figures of the partition log, measured in one
// run so that ratios against the machine's own limits (memcpy, write() + fsync) are comparable
// on a noisy machine. Every measurement runs several times, alternating with its baseline, and
// the median counts. Results and targets: docs/BENCHMARKS.md. Run it through ./bench.sh.
#include "crash_workload.h"

#include "core/json_writer.h"
#include "core/random.h"
#include "log/partition_log.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
#include <unistd.h>

using namespace kafkascope;

namespace {

constexpr double kMB = 1e6;              // MB/s are decimal megabytes per second
constexpr std::size_t kBatchBytes = 16384; // the producer's default batch.size
constexpr std::size_t kFetchMaxBytes = std::size_t{1} << 20;
constexpr std::size_t kPoolBatches = 16;   // distinct batches cycled through by the appends

// ---- Options ------------------------------------------------------------------------------

struct Options {
    bool quick = false;
    std::optional<std::string> jsonPath;
    int crashIterations = 200;
    bool crashIterationsGiven = false;
    int repeat = 5;
    bool repeatGiven = false;
    std::uint64_t megabytes = 256;         // encoded bytes per log (MiB)
    bool megabytesGiven = false;
    std::uint64_t flushEveryMegabytes = 8;
    std::uint64_t seed = 42;
};

const char *const kUsage =
    "usage: bench_log [--quick] [--json FILE] [--crash-iterations N] [--repeat N] [--mib N]\n"
    "                 [--flush-every-mib N] [--seed N]\n"
    "  --quick               small sizes for a smoke run (16 MiB logs, 3 runs, 10 crash iterations)\n"
    "  --json FILE           also write the results as JSON to FILE\n"
    "  --crash-iterations N  fork/SIGKILL/recover iterations (default 200; 0 skips the loop)\n"
    "  --repeat N            runs of every measurement, the median is reported (default 5)\n"
    "  --mib N               encoded bytes appended per log, in MiB (default 256)\n"
    "  --flush-every-mib N   flush interval of the periodic-flush disk variant (default 8)\n"
    "  --seed N              seed of the record contents and of the crash loop (default 42)\n"
    "Temporary files go to $TMPDIR (else /tmp) and are removed at the end.\n";

std::optional<std::uint64_t> parseCount(const char *text)
{
    if (text == nullptr || *text == '\0')
        return std::nullopt;
    char *end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0' || text[0] == '-')
        return std::nullopt;
    return static_cast<std::uint64_t>(v);
}

[[noreturn]] void bad(const std::string &what)
{
    std::fprintf(stderr, "bench_log: %s\n%s", what.c_str(), kUsage);
    std::exit(2);
}

// Parses the command line; prints what is wrong and exits with 2 on a bad argument.
Options parseOptions(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto countArg = [&](std::uint64_t min) {
            if (i + 1 >= argc)
                bad(arg + " needs a value");
            const auto v = parseCount(argv[++i]);
            if (!v || *v < min)
                bad(arg + ": '" + argv[i] + "' is not a whole number >= " + std::to_string(min));
            return *v;
        };
        if (arg == "--quick") {
            o.quick = true;
        } else if (arg == "--json") {
            if (i + 1 >= argc)
                bad("--json needs a file name");
            o.jsonPath = argv[++i];
        } else if (arg == "--crash-iterations") {
            o.crashIterations = static_cast<int>(std::min<std::uint64_t>(countArg(0), 1'000'000));
            o.crashIterationsGiven = true;
        } else if (arg == "--repeat") {
            o.repeat = static_cast<int>(std::min<std::uint64_t>(countArg(1), 1000));
            o.repeatGiven = true;
        } else if (arg == "--mib") {
            o.megabytes = std::min<std::uint64_t>(countArg(1), 65536);
            o.megabytesGiven = true;
        } else if (arg == "--flush-every-mib") {
            o.flushEveryMegabytes = std::min<std::uint64_t>(countArg(1), 65536);
        } else if (arg == "--seed") {
            o.seed = countArg(0);
        } else if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            std::exit(0);
        } else {
            bad("unknown argument '" + arg + "'");
        }
    }
    if (o.quick) {
        if (!o.megabytesGiven)
            o.megabytes = 16;
        if (!o.repeatGiven)
            o.repeat = 3;
        if (!o.crashIterationsGiven)
            o.crashIterations = 10;
    }
    return o;
}

std::string shellQuote(const std::string &s)
{
    if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+")
                          == std::string::npos)
        return s;
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// ---- The machine --------------------------------------------------------------------------

std::string firstFieldOf(const char *path, const std::string &key)
{
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, key.size(), key) == 0) {
            const auto colon = line.find(':');
            if (colon == std::string::npos)
                continue;
            const auto start = line.find_first_not_of(" \t", colon + 1);
            return start == std::string::npos ? std::string() : line.substr(start);
        }
    }
    return {};
}

// A "NNN kB" field of /proc/self/status, in bytes.
std::uint64_t procStatusBytes(const std::string &key)
{
    const std::string v = firstFieldOf("/proc/self/status", key + ":");
    return std::strtoull(v.c_str(), nullptr, 10) * 1024;
}

std::string fileSystemName(const std::string &path)
{
    struct statfs s {};
    if (::statfs(path.c_str(), &s) != 0)
        return "unknown";
    switch (static_cast<unsigned long>(s.f_type)) {
    case 0xEF53: return "ext2/3/4";
    case 0x01021994: return "tmpfs";
    case 0x58465342: return "xfs";
    case 0x9123683E: return "btrfs";
    case 0x794C7630: return "overlayfs";
    case 0x2FC12FC1: return "zfs";
    case 0x6969: return "nfs";
    default: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "0x%lx", static_cast<unsigned long>(s.f_type));
        return buf;
    }
    }
}

struct Machine {
    std::string cpu;
    long cpus = 0;
    std::string memTotal;
    std::string kernel;
    std::string loadAverage;
    std::string compiler;
    std::string buildType;
    std::string date;
    std::string tempDir;
    std::string tempFileSystem;
};

Machine describeMachine(const std::string &tempBase)
{
    Machine m;
    m.cpu = firstFieldOf("/proc/cpuinfo", "model name");
    m.cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
    m.memTotal = firstFieldOf("/proc/meminfo", "MemTotal:");
    utsname u{};
    if (::uname(&u) == 0)
        m.kernel = std::string(u.sysname) + " " + u.release + " " + u.machine;
    std::ifstream load("/proc/loadavg");
    std::getline(load, m.loadAverage);
#if defined(__clang__)
    m.compiler = "clang " __clang_version__;
#else
    m.compiler = "gcc " __VERSION__;
#endif
    m.buildType = KAFKASCOPE_BUILD_TYPE;
#if !defined(NDEBUG)
    m.buildType += " (assertions on: not an optimised build)";
#endif
    const std::time_t now = std::time(nullptr);
    char date[64];
    std::strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&now));
    m.date = date;
    m.tempDir = tempBase;
    m.tempFileSystem = fileSystemName(tempBase);
    return m;
}

// ---- Measuring ----------------------------------------------------------------------------

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Keeps the compiler from dropping stores to memory nobody reads afterwards.
void keepMemory(const void *p)
{
    __asm__ volatile("" : : "r"(p) : "memory");
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// One row of the results: `runs` timings of moving `bytes` bytes holding `records` records.
struct Measurement {
    std::string name;
    std::uint64_t bytes = 0;
    std::uint64_t records = 0; // 0: not a record workload (memcpy, write)
    std::vector<double> runs;

    [[nodiscard]] double seconds() const { return median(runs); }
    [[nodiscard]] double megabytesPerSecond() const { return static_cast<double>(bytes) / seconds() / kMB; }
    [[nodiscard]] double recordsPerSecond() const { return static_cast<double>(records) / seconds(); }
};

struct Ratio {
    std::string name;
    double value = 0;
    double target = 0;  // the ratio must be >= target (or <= when `atMost`)
    bool atMost = false;

    [[nodiscard]] bool met() const { return atMost ? value <= target : value >= target; }
};

struct Results {
    std::vector<Measurement> rows;
    std::vector<Ratio> ratios;
    std::vector<std::pair<std::string, std::string>> memory; // label, value (printed and in JSON)
    std::map<std::string, std::uint64_t> memoryNumbers; // bytes, for the JSON
    bool correctnessFailure = false;
};

[[noreturn]] void die(const std::string &what, const Status &status)
{
    std::fprintf(stderr, "bench_log: %s: %s\n", what.c_str(), status.message().c_str());
    std::exit(1);
}

template <class T>
T check(Result<T> r, const std::string &what)
{
    if (!r.isOk())
        die(what, r.status());
    return std::move(r).value();
}

void check(const Status &st, const std::string &what)
{
    if (!st.isOk())
        die(what, st);
}

void progress(const std::string &what)
{
    std::fprintf(stderr, "  ... %s\n", what.c_str());
}

std::string fixed(double v, int decimals);

// ---- The workload -------------------------------------------------------------------------

// Batches of `recordBytes`-byte records (null key, random value, no headers: what
// kafka-producer-perf-test sends), as many per batch as fit in batch.size, and the same
// batches encoded, for the baselines.
struct Workload {
    std::size_t recordBytes = 0;
    std::size_t recordsPerBatch = 0;
    std::vector<std::vector<Record>> pool;
    std::vector<std::string> encodedPool;
    std::uint64_t batches = 0;         // appends per log
    std::uint64_t totalBytes = 0;      // encoded bytes per log
    std::uint64_t totalRecords = 0;

    [[nodiscard]] const std::vector<Record> &batch(std::uint64_t i) const { return pool[i % pool.size()]; }
    [[nodiscard]] const std::string &encoded(std::uint64_t i) const { return encodedPool[i % encodedPool.size()]; }
    // "100b", "1024b": for JSON keys.
    [[nodiscard]] std::string key() const { return std::to_string(recordBytes) + "b"; }
    [[nodiscard]] std::string label() const
    {
        return recordBytes >= 1024 ? std::to_string(recordBytes / 1024) + " KiB" : std::to_string(recordBytes) + " B";
    }
};

Workload makeWorkload(std::size_t recordBytes, std::uint64_t targetBytes, std::uint64_t seed)
{
    Workload w;
    w.recordBytes = recordBytes;
    Random rng(seed ^ recordBytes);
    auto makeRecord = [&](std::int64_t i) {
        Record r;
        r.timestampMs = 1'700'000'000'000 + i;
        std::string value(recordBytes, '\0');
        for (std::size_t b = 0; b < recordBytes; b += 8) {
            const std::uint64_t word = rng.nextU64();
            std::memcpy(value.data() + b, &word, std::min<std::size_t>(8, recordBytes - b));
        }
        r.value = std::move(value);
        return r;
    };
    // As many records as fit in batch.size once encoded (at least one).
    std::vector<Record> first;
    for (;;) {
        first.push_back(makeRecord(static_cast<std::int64_t>(first.size())));
        const std::string enc = check(encodeBatch(0, first, BatchOptions{}, true), "encode");
        if (enc.size() > kBatchBytes && first.size() > 1) {
            first.pop_back();
            break;
        }
        if (enc.size() > kBatchBytes)
            break;
    }
    w.recordsPerBatch = first.size();
    w.pool.push_back(std::move(first));
    while (w.pool.size() < kPoolBatches) {
        std::vector<Record> b;
        for (std::size_t i = 0; i < w.recordsPerBatch; ++i)
            b.push_back(makeRecord(static_cast<std::int64_t>(i)));
        w.pool.push_back(std::move(b));
    }
    for (const auto &b : w.pool)
        w.encodedPool.push_back(check(encodeBatch(0, b, BatchOptions{}, true), "encode"));
    const std::uint64_t batchSize = w.encodedPool.front().size();
    w.batches = std::max<std::uint64_t>(1, targetBytes / batchSize);
    for (std::uint64_t i = 0; i < w.batches; ++i)
        w.totalBytes += w.encoded(i).size();
    w.totalRecords = w.batches * w.recordsPerBatch;
    return w;
}

// ---- In memory ----------------------------------------------------------------------------

struct MemoryLog {
    std::unique_ptr<PartitionLog> log;
    const MemoryLogStore *store = nullptr;
};

MemoryLog openMemoryLog(const std::string &name)
{
    auto store = std::make_unique<MemoryLogStore>(name);
    const MemoryLogStore *raw = store.get();
    return {check(PartitionLog::open(std::move(store), LogConfig{}, 0), "open memory log"), raw};
}

// Appends the whole workload; returns the seconds taken.
double appendAll(PartitionLog &log, const Workload &w, std::optional<std::uint64_t> flushEveryBytes = std::nullopt)
{
    std::uint64_t sinceFlush = 0;
    const auto start = Clock::now();
    for (std::uint64_t i = 0; i < w.batches; ++i) {
        const auto &b = w.batch(i);
        const AppendInfo info = check(log.append(b, BatchOptions{}, b.back().timestampMs), "append");
        if (flushEveryBytes) {
            sinceFlush += info.batchBytes;
            if (sinceFlush >= *flushEveryBytes) {
                check(log.flush(), "flush");
                sinceFlush = 0;
            }
        }
    }
    check(log.flush(), "flush");
    return secondsSince(start);
}

// memcpy of the workload's encoded bytes, batch by batch, into `dest`.
double copyAll(char *dest, const Workload &w)
{
    const auto start = Clock::now();
    std::uint64_t pos = 0;
    for (std::uint64_t i = 0; i < w.batches; ++i) {
        const std::string &b = w.encoded(i);
        std::memcpy(dest + pos, b.data(), b.size());
        pos += b.size();
    }
    keepMemory(dest);
    return secondsSince(start);
}

// Fetch-style reads of the whole log (1 MiB per read), optionally decoding every batch.
// Returns the seconds taken; checks that every byte and record came back.
double readAll(const PartitionLog &log, bool decode, Results &results, const std::string &what)
{
    std::uint64_t bytes = 0;
    std::uint64_t records = 0;
    const auto start = Clock::now();
    std::int64_t next = log.logStartOffset();
    while (next < log.logEndOffset()) {
        const FetchInfo f = check(log.read(next, kFetchMaxBytes), "read");
        if (f.records.empty())
            break;
        bytes += f.records.size();
        if (decode) {
            std::string_view rest = f.records;
            while (!rest.empty()) {
                const DecodedBatch d = check(decodeBatch(rest), "decode");
                records += d.records.size();
                rest.remove_prefix(d.header.sizeInBytes());
            }
        }
        next = f.nextFetchOffset;
    }
    const double seconds = secondsSince(start);
    const bool complete = bytes == log.sizeInBytes() && next == log.logEndOffset()
        && (!decode || records == static_cast<std::uint64_t>(log.logEndOffset()));
    if (!complete) {
        std::fprintf(stderr, "bench_log: %s: read %" PRIu64 " of %" PRIu64 " bytes, %" PRIu64 " records\n",
                     what.c_str(), bytes, log.sizeInBytes(), records);
        results.correctnessFailure = true;
    }
    return seconds;
}

void benchMemory(const Workload &w, const Options &o, Results &results)
{
    const std::string label = w.label();
    Measurement append{"memory append, " + label + " records", w.totalBytes, w.totalRecords, {}};
    Measurement copyFresh{"memcpy into new memory, same bytes (" + label + " batches)", w.totalBytes, 0, {}};
    Measurement copyWarm{"memcpy into touched memory, same bytes (" + label + " batches)", w.totalBytes, 0, {}};

    // The warm destination is allocated and touched once; the fresh one each run (page faults
    // included, as the store pays them).
    std::unique_ptr<char[]> warm(new char[w.totalBytes]);
    std::memset(warm.get(), 1, w.totalBytes);
    MemoryLog kept;
    double reservedRatio = 0;
    for (int rep = 0; rep < o.repeat; ++rep) {
        progress("memory append " + label + ", run " + std::to_string(rep + 1) + "/" + std::to_string(o.repeat));
        kept = MemoryLog{}; // the previous run's log goes first: one big allocation at a time
        copyWarm.runs.push_back(copyAll(warm.get(), w));
        {
            std::unique_ptr<char[]> fresh(new char[w.totalBytes]);
            copyFresh.runs.push_back(copyAll(fresh.get(), w));
        }
        MemoryLog m = openMemoryLog("bench-" + label);
        append.runs.push_back(appendAll(*m.log, w));
        if (m.log->sizeInBytes() != w.totalBytes) {
            std::fprintf(stderr, "bench_log: the memory log holds %" PRIu64 " bytes, %" PRIu64 " appended\n",
                         m.log->sizeInBytes(), w.totalBytes);
            results.correctnessFailure = true;
        }
        reservedRatio = static_cast<double>(m.store->bytesReserved()) / static_cast<double>(m.log->sizeInBytes());
        kept = std::move(m);
    }
    warm.reset();
    results.memory.emplace_back("MemoryLogStore bytesReserved / bytes stored, " + label + " records",
                                std::to_string(kept.store->bytesReserved()) + " / " + std::to_string(kept.log->sizeInBytes()));
    results.memoryNumbers["reserved_bytes_" + w.key()] = kept.store->bytesReserved();
    results.memoryNumbers["stored_bytes_" + w.key()] = kept.log->sizeInBytes();
    results.ratios.push_back({"memory: bytesReserved / bytes stored, " + label + " records", reservedRatio, 1.15, true});

    Measurement read{"memory read (fetch 1 MiB), " + label + " records", w.totalBytes, w.totalRecords, {}};
    Measurement readDecode{"memory read + decodeBatch, " + label + " records", w.totalBytes, w.totalRecords, {}};
    for (int rep = 0; rep < o.repeat; ++rep) {
        progress("memory read " + label + ", run " + std::to_string(rep + 1) + "/" + std::to_string(o.repeat));
        read.runs.push_back(readAll(*kept.log, false, results, read.name));
        readDecode.runs.push_back(readAll(*kept.log, true, results, readDecode.name));
    }
    const double warmRatio = append.megabytesPerSecond() / copyWarm.megabytesPerSecond();
    const double freshRatio = append.megabytesPerSecond() / copyFresh.megabytesPerSecond();
    results.ratios.push_back({"memory append " + label + " / memcpy into touched memory", warmRatio,
                              w.recordBytes < 1024 ? 0.20 : 0.0, false});
    results.ratios.push_back({"memory append " + label + " / memcpy into new memory", freshRatio,
                              w.recordBytes < 1024 ? 0.20 : 0.0, false});
    results.rows.push_back(std::move(copyWarm));
    results.rows.push_back(std::move(copyFresh));
    results.rows.push_back(std::move(append));
    results.rows.push_back(std::move(read));
    results.rows.push_back(std::move(readDecode));
}

// Resets the process's peak RSS (VmHWM) to its current RSS (Linux's clear_refs 5).
bool resetPeakRss()
{
    std::ofstream f("/proc/self/clear_refs");
    f << "5";
    f.close();
    return static_cast<bool>(f);
}

// What one log of the workload costs the process: RSS growth while it is built, against the
// bytes it stores. Run first, before other allocations have grown the heap.
void measureFootprint(const Workload &w, Results &results)
{
    const std::string label = w.label();
    const bool reset = resetPeakRss();
    const std::uint64_t before = procStatusBytes("VmRSS");
    MemoryLog m = openMemoryLog("footprint-" + label);
    appendAll(*m.log, w);
    const std::uint64_t peak = procStatusBytes("VmHWM");
    const std::uint64_t after = procStatusBytes("VmRSS");
    const auto stored = static_cast<double>(m.log->sizeInBytes());
    auto mib = [](std::uint64_t b) { return fixed(static_cast<double>(b) / (1 << 20), 1) + " MiB"; };
    results.memory.emplace_back("process RSS before / after / peak while appending one log, " + label + " records",
                                mib(before) + " / " + mib(after) + " / " + mib(peak)
                                    + (reset ? "" : " (peak not reset: clear_refs unavailable)"));
    results.memoryNumbers["rss_before_log_bytes_" + w.key()] = before;
    results.memoryNumbers["rss_after_log_bytes_" + w.key()] = after;
    results.memoryNumbers["rss_peak_log_bytes_" + w.key()] = peak;
    results.ratios.push_back({"process: RSS growth / bytes stored, " + label + " records",
                              static_cast<double>(after - std::min(after, before)) / stored, 0.0, true});
    results.ratios.push_back({"process: peak RSS growth / bytes stored, " + label + " records",
                              static_cast<double>(peak - std::min(peak, before)) / stored, 0.0, true});
}

// ---- On disk ------------------------------------------------------------------------------

// write() of every encoded batch to `path`, then fsync (and every `syncEveryBytes` if given).
double plainWrite(const std::string &path, const Workload &w, std::optional<std::uint64_t> syncEveryBytes)
{
    const auto start = Clock::now();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        die(path, Status::ioError(std::strerror(errno)));
    std::uint64_t sinceSync = 0;
    for (std::uint64_t i = 0; i < w.batches; ++i) {
        std::string_view b = w.encoded(i);
        while (!b.empty()) {
            const ssize_t n = ::write(fd, b.data(), b.size());
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                die(path, Status::ioError(std::strerror(errno)));
            b.remove_prefix(static_cast<std::size_t>(n));
        }
        sinceSync += w.encoded(i).size();
        if (syncEveryBytes && sinceSync >= *syncEveryBytes) {
            if (::fsync(fd) != 0)
                die(path, Status::ioError(std::strerror(errno)));
            sinceSync = 0;
        }
    }
    if (::fsync(fd) != 0)
        die(path, Status::ioError(std::strerror(errno)));
    ::close(fd);
    return secondsSince(start);
}

std::unique_ptr<PartitionLog> openDiskLog(const std::string &dir, LogOpenReport *report = nullptr)
{
    check(DirectoryLogStore::createDirectories(dir), "create " + dir);
    return check(PartitionLog::open(std::make_unique<DirectoryLogStore>(dir, false), LogConfig{}, 0, report),
                 "open " + dir);
}

// Asks the kernel to drop the (clean, flushed) cached pages of every file in `dir`.
void dropCachedPages(const std::string &dir)
{
    for (const auto &entry : std::filesystem::directory_iterator(dir)) {
        const int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

void benchDisk(const Workload &w, const Options &o, const std::string &tempBase, Results &results)
{
    const std::string label = w.label();
    const std::uint64_t flushEvery = o.flushEveryMegabytes << 20;
    const std::string every = std::to_string(o.flushEveryMegabytes) + " MiB";
    Measurement logEnd{"disk append + flush() at end, " + label + " records", w.totalBytes, w.totalRecords, {}};
    Measurement plainEnd{"write() + fsync at end, same bytes (" + label + " batches)", w.totalBytes, 0, {}};
    Measurement logEvery{"disk append + flush() every " + every + ", " + label + " records", w.totalBytes,
                         w.totalRecords, {}};
    Measurement plainEvery{"write() + fsync every " + every + ", same bytes (" + label + " batches)", w.totalBytes, 0, {}};
    const std::string dir = tempBase + "/log-" + std::to_string(w.recordBytes);
    const std::string plainPath = tempBase + "/plain-" + std::to_string(w.recordBytes) + ".bin";
    for (int rep = 0; rep < o.repeat; ++rep) {
        progress("disk append " + label + ", run " + std::to_string(rep + 1) + "/" + std::to_string(o.repeat));
        // Alternate which goes first, so that neither always meets the other's write-back.
        for (int turn = 0; turn < 2; ++turn) {
            if ((turn + rep) % 2 == 0) {
                plainEnd.runs.push_back(plainWrite(plainPath, w, std::nullopt));
                std::filesystem::remove(plainPath);
                plainEvery.runs.push_back(plainWrite(plainPath, w, flushEvery));
                std::filesystem::remove(plainPath);
            } else {
                std::filesystem::remove_all(dir);
                logEvery.runs.push_back(appendAll(*openDiskLog(dir), w, flushEvery));
                std::filesystem::remove_all(dir);
                auto log = openDiskLog(dir);
                logEnd.runs.push_back(appendAll(*log, w));
            }
        }
    }

    // Reads of the last log written (flushed, so its pages are clean).
    Measurement reopen{"disk open (recovery scan, CRC of every batch), " + label + " records", w.totalBytes,
                     w.totalRecords, {}};
    Measurement read{"disk read (fetch 1 MiB), page cache warm, " + label + " records", w.totalBytes, w.totalRecords, {}};
    Measurement readDecode{"disk read + decodeBatch, page cache warm, " + label + " records", w.totalBytes,
                           w.totalRecords, {}};
    Measurement readCold{"disk read (fetch 1 MiB), after fadvise DONTNEED, " + label + " records", w.totalBytes,
                         w.totalRecords, {}};
    for (int rep = 0; rep < o.repeat; ++rep) {
        progress("disk read " + label + ", run " + std::to_string(rep + 1) + "/" + std::to_string(o.repeat));
        const auto start = Clock::now();
        auto log = openDiskLog(dir);
        reopen.runs.push_back(secondsSince(start));
        if (log->sizeInBytes() != w.totalBytes) {
            std::fprintf(stderr, "bench_log: the disk log holds %" PRIu64 " bytes after reopening, %" PRIu64
                                 " appended\n", log->sizeInBytes(), w.totalBytes);
            results.correctnessFailure = true;
        }
        read.runs.push_back(readAll(*log, false, results, read.name));
        readDecode.runs.push_back(readAll(*log, true, results, readDecode.name));
        dropCachedPages(dir);
        readCold.runs.push_back(readAll(*log, false, results, readCold.name));
    }
    std::filesystem::remove_all(dir);

    results.ratios.push_back({"disk append " + label + " (flush at end) / write() + fsync", logEnd.megabytesPerSecond()
                                  / plainEnd.megabytesPerSecond(), 0.70, false});
    results.ratios.push_back({"disk append " + label + " (flush every " + every + ") / write() + fsync every " + every,
                              logEvery.megabytesPerSecond() / plainEvery.megabytesPerSecond(), 0.70, false});
    results.rows.push_back(std::move(plainEnd));
    results.rows.push_back(std::move(logEnd));
    results.rows.push_back(std::move(plainEvery));
    results.rows.push_back(std::move(logEvery));
    results.rows.push_back(std::move(reopen));
    results.rows.push_back(std::move(read));
    results.rows.push_back(std::move(readDecode));
    results.rows.push_back(std::move(readCold));
}

// ---- Crash recovery -----------------------------------------------------------------------

struct CrashSummary {
    int iterations = 0;
    int failures = 0;
    int killed = 0;
    int directories = 0;
    std::int64_t recordsChecked = 0;
    double seconds = 0;
    std::vector<std::string> failureTexts;
    std::map<std::string, int> messageKinds;
    std::map<std::string, std::string> examples;
};

// A recovery message with the directory and every number taken out, to count messages by kind.
std::string messageKind(std::string message, const std::string &dir)
{
    for (std::size_t p; (p = message.find(dir)) != std::string::npos;)
        message.replace(p, dir.size(), "<dir>");
    std::string out;
    for (std::size_t i = 0; i < message.size(); ++i) {
        if (message[i] >= '0' && message[i] <= '9') {
            while (i + 1 < message.size() && message[i + 1] >= '0' && message[i + 1] <= '9')
                ++i;
            out += 'N';
        } else {
            out += message[i];
        }
    }
    return out;
}

CrashSummary crashLoop(const Options &o, const std::string &tempBase)
{
    CrashSummary s;
    crashtest::WorkloadConfig w;
    w.seed = o.seed;
    w.maxLogBytes = o.quick ? std::uint64_t{4} << 20 : std::uint64_t{16} << 20;
    Random rng(o.seed ^ 0xC4A5'11E5ULL);
    const auto start = Clock::now();
    std::string dir;
    std::int64_t lastFlushed = -1;
    std::uint64_t logBytes = 0;
    for (int i = 0; i < o.crashIterations; ++i) {
        if (dir.empty() || logBytes >= w.maxLogBytes) {
            if (!dir.empty())
                std::filesystem::remove_all(dir);
            dir = tempBase + "/crash-" + std::to_string(s.directories++);
            check(DirectoryLogStore::createDirectories(dir), "create " + dir);
            lastFlushed = -1;
        }
        if (i % 20 == 0)
            progress("crash loop, iteration " + std::to_string(i + 1) + "/" + std::to_string(o.crashIterations));
        const auto killAfterUs = static_cast<std::int64_t>(rng.uniform(50'001));
        std::fflush(nullptr);
        const crashtest::Iteration it = crashtest::runIteration(dir, w, rng.nextU64(), killAfterUs, lastFlushed);
        ++s.iterations;
        s.killed += it.killed ? 1 : 0;
        for (const std::string &m : it.verification.messages) {
            const std::string kind = messageKind(m, dir);
            if (s.messageKinds[kind]++ == 0)
                s.examples[kind] = m;
        }
        if (!it.ok()) {
            ++s.failures;
            s.failureTexts.push_back("iteration " + std::to_string(i) + " (" + dir + ", kill after "
                                     + std::to_string(killAfterUs) + " us): " + it.failure);
            // Start over in a new directory: the damaged one proves nothing more.
            logBytes = w.maxLogBytes;
            continue;
        }
        s.recordsChecked += it.verification.recordsChecked;
        lastFlushed = std::max(lastFlushed, it.lastFlushed);
        logBytes = it.verification.logBytes;
    }
    if (!dir.empty())
        std::filesystem::remove_all(dir);
    s.seconds = secondsSince(start);
    return s;
}

// ---- Output -------------------------------------------------------------------------------

std::string fixed(double v, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

void printResults(const Results &r)
{
    std::printf("\n%-78s %14s %10s %10s  %s\n", "measurement (median of runs)", "records/s", "MB/s", "median s",
                "runs (s)");
    for (const Measurement &m : r.rows) {
        std::string runs;
        for (double s : m.runs)
            runs += (runs.empty() ? "" : " ") + fixed(s, 3);
        std::printf("%-78s %14s %10s %10s  %s\n", m.name.c_str(),
                    m.records ? fixed(m.recordsPerSecond(), 0).c_str() : "-", fixed(m.megabytesPerSecond(), 1).c_str(),
                    fixed(m.seconds(), 4).c_str(), runs.c_str());
    }
    std::printf("\n%-78s %8s %10s  %s\n", "ratio", "value", "target", "");
    for (const Ratio &q : r.ratios) {
        const bool hasTarget = q.target > 0;
        std::printf("%-78s %8s %10s  %s\n", q.name.c_str(), fixed(q.value, 3).c_str(),
                    hasTarget ? ((q.atMost ? "<= " : ">= ") + fixed(q.target, 2)).c_str() : "-",
                    hasTarget ? (q.met() ? "met" : "MISSED") : "");
    }
    std::printf("\n");
    for (const auto &[label, value] : r.memory)
        std::printf("%-78s %s\n", label.c_str(), value.c_str());
}

void printCrash(const CrashSummary &s)
{
    std::printf("\ncrash recovery loop: %d iterations (%d killed by SIGKILL, %d stopped on their own), %d failures, "
                "%d log directories, %" PRId64 " records checked bit-exact, %.1f s\n",
                s.iterations, s.killed, s.iterations - s.killed, s.failures, s.directories, s.recordsChecked, s.seconds);
    for (const std::string &f : s.failureTexts)
        std::printf("  FAILURE %s\n", f.c_str());
    std::printf("recovery messages seen (count, kind, first example):\n");
    std::vector<std::pair<int, std::string>> kinds;
    for (const auto &[kind, count] : s.messageKinds)
        kinds.emplace_back(count, kind);
    std::sort(kinds.begin(), kinds.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[count, kind] : kinds)
        std::printf("  %6d  %s\n          e.g. %s\n", count, kind.c_str(), s.examples.at(kind).c_str());
    if (kinds.empty())
        std::printf("  (none)\n");
}

std::string toJson(const std::string &command, const Machine &m, const Options &o, const Results &r,
                   const std::optional<CrashSummary> &crash)
{
    JsonWriter j;
    j.beginObject();
    j.key("command").value(command);
    j.key("machine").beginObject();
    j.key("cpu").value(m.cpu);
    j.key("cpus").value(static_cast<std::int64_t>(m.cpus));
    j.key("mem_total").value(m.memTotal);
    j.key("kernel").value(m.kernel);
    j.key("load_average_at_start").value(m.loadAverage);
    j.key("compiler").value(m.compiler);
    j.key("build_type").value(m.buildType);
    j.key("date").value(m.date);
    j.key("temp_dir").value(m.tempDir);
    j.key("temp_file_system").value(m.tempFileSystem);
    j.endObject();
    j.key("options").beginObject();
    j.key("quick").value(o.quick);
    j.key("repeat").value(static_cast<std::int64_t>(o.repeat));
    j.key("mib_per_log").value(o.megabytes);
    j.key("flush_every_mib").value(o.flushEveryMegabytes);
    j.key("seed").value(o.seed);
    j.key("crash_iterations").value(static_cast<std::int64_t>(o.crashIterations));
    j.endObject();
    j.key("measurements").beginArray();
    for (const Measurement &row : r.rows) {
        j.beginObject();
        j.key("name").value(row.name);
        j.key("bytes").value(row.bytes);
        j.key("records").value(row.records);
        j.key("runs_seconds").beginArray();
        for (double s : row.runs)
            j.value(s);
        j.endArray();
        j.key("median_seconds").value(row.seconds());
        j.key("mb_per_second").value(row.megabytesPerSecond());
        if (row.records)
            j.key("records_per_second").value(row.recordsPerSecond());
        j.endObject();
    }
    j.endArray();
    j.key("ratios").beginArray();
    for (const Ratio &q : r.ratios) {
        j.beginObject();
        j.key("name").value(q.name);
        j.key("value").value(q.value);
        if (q.target > 0) {
            j.key("target").value(q.target);
            j.key("target_is").value(q.atMost ? "at_most" : "at_least");
            j.key("met").value(q.met());
        }
        j.endObject();
    }
    j.endArray();
    j.key("memory").beginObject();
    for (const auto &[name, value] : r.memoryNumbers)
        j.key(name).value(value);
    j.endObject();
    if (crash) {
        j.key("crash_recovery").beginObject();
        j.key("iterations").value(static_cast<std::int64_t>(crash->iterations));
        j.key("killed").value(static_cast<std::int64_t>(crash->killed));
        j.key("failures").value(static_cast<std::int64_t>(crash->failures));
        j.key("records_checked").value(crash->recordsChecked);
        j.key("seconds").value(crash->seconds);
        j.key("failure_messages").beginArray();
        for (const std::string &f : crash->failureTexts)
            j.value(f);
        j.endArray();
        j.key("recovery_messages").beginArray();
        for (const auto &[kind, count] : crash->messageKinds) {
            j.beginObject();
            j.key("kind").value(kind);
            j.key("count").value(static_cast<std::int64_t>(count));
            j.key("example").value(crash->examples.at(kind));
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }
    j.key("correctness_failure").value(r.correctnessFailure || (crash && crash->failures > 0));
    j.endObject();
    return j.str();
}

std::string makeTempBase()
{
    const char *env = std::getenv("TMPDIR");
    std::string pattern = std::string(env && *env ? env : "/tmp") + "/kafkascope-bench-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        std::fprintf(stderr, "bench_log: cannot create a directory from %s: %s\n", pattern.c_str(), std::strerror(errno));
        std::exit(1);
    }
    return pattern;
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parseOptions(argc, argv);
    // Recovery messages are collected through LogOpenReport; the log's own warnings would only
    // repeat them on stderr.
    spdlog::set_level(spdlog::level::err);

    std::string command;
    for (int i = 0; i < argc; ++i)
        command += (i ? " " : "") + shellQuote(argv[i]);
    if (o.jsonPath) {
        // Fail now rather than after minutes of measuring.
        std::ofstream probe(*o.jsonPath, std::ios::app);
        if (!probe) {
            std::fprintf(stderr, "bench_log: cannot write %s\n", o.jsonPath->c_str());
            return 2;
        }
    }
    const std::string tempBase = makeTempBase();
    const Machine m = describeMachine(tempBase);
    std::printf("command:  %s\n", command.c_str());
    std::printf("machine:  %s, %ld CPUs, %s RAM, %s\n", m.cpu.c_str(), m.cpus, m.memTotal.c_str(), m.kernel.c_str());
    std::printf("load:     %s (at start)\n", m.loadAverage.c_str());
    std::printf("build:    %s, %s\n", m.buildType.c_str(), m.compiler.c_str());
    std::printf("date:     %s\n", m.date.c_str());
    std::printf("temp dir: %s (%s)\n", m.tempDir.c_str(), m.tempFileSystem.c_str());
    std::printf("sizes:    %" PRIu64 " MiB per log, %d runs per measurement (median reported), batches of up to "
                "%zu bytes, fetches of %zu bytes\n",
                o.megabytes, o.repeat, kBatchBytes, kFetchMaxBytes);
    std::fflush(stdout);

    Results results;
    const std::uint64_t rssStart = procStatusBytes("VmHWM");
    std::vector<Workload> workloads;
    workloads.push_back(makeWorkload(100, o.megabytes << 20, o.seed));
    workloads.push_back(makeWorkload(1024, o.megabytes << 20, o.seed));
    for (const Workload &w : workloads)
        std::printf("workload: %s records, %zu per batch (%zu bytes encoded), %" PRIu64 " batches, %" PRIu64
                    " records, %" PRIu64 " bytes\n",
                    w.label().c_str(), w.recordsPerBatch, w.encodedPool.front().size(), w.batches, w.totalRecords,
                    w.totalBytes);
    std::fflush(stdout);
    const std::uint64_t rssWorkloads = procStatusBytes("VmHWM");

    auto mib = [](std::uint64_t b) { return fixed(static_cast<double>(b) / (1 << 20), 1) + " MiB"; };
    results.memory.emplace_back("peak RSS (VmHWM) at start", mib(rssStart));
    results.memory.emplace_back("peak RSS (VmHWM) after building the workloads", mib(rssWorkloads));
    for (const Workload &w : workloads)
        measureFootprint(w, results);
    for (const Workload &w : workloads)
        benchMemory(w, o, results);
    const std::uint64_t rssMemory = procStatusBytes("VmHWM");
    for (const Workload &w : workloads)
        benchDisk(w, o, tempBase, results);
    const std::uint64_t rssEnd = procStatusBytes("VmHWM");

    results.memory.emplace_back("peak RSS (VmHWM) after the memory benchmarks (a log or a copy buffer beside the "
                                "touched copy buffer)",
                                mib(rssMemory));
    results.memory.emplace_back("peak RSS (VmHWM) at the end of the throughput benchmarks", mib(rssEnd));
    results.memoryNumbers["vm_hwm_start_bytes"] = rssStart;
    results.memoryNumbers["vm_hwm_after_workloads_bytes"] = rssWorkloads;
    results.memoryNumbers["vm_hwm_after_memory_bytes"] = rssMemory;
    results.memoryNumbers["vm_hwm_end_bytes"] = rssEnd;
    printResults(results);
    std::fflush(stdout);

    std::optional<CrashSummary> crash;
    if (o.crashIterations > 0) {
        crash = crashLoop(o, tempBase);
        printCrash(*crash);
    }
    std::filesystem::remove_all(tempBase);

    if (o.jsonPath) {
        std::ofstream out(*o.jsonPath, std::ios::binary | std::ios::trunc);
        out << toJson(command, m, o, results, crash);
        out.close();
        if (!out) {
            std::fprintf(stderr, "bench_log: cannot write %s\n", o.jsonPath->c_str());
            return 1;
        }
        std::printf("\nJSON written to %s\n", o.jsonPath->c_str());
    }
    const bool failed = results.correctnessFailure || (crash && crash->failures > 0);
    if (failed)
        std::printf("\nFAILED: a correctness check failed (see above)\n");
    return failed ? 1 : 0;
}
