#pragma once

#include "core/status.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kafkascope {

// One file of a partition directory (a segment's .log, .index or .timeindex).
// Not thread-safe; the owning log serialises access.
class SegmentFile {
public:
    virtual ~SegmentFile() = default;
    [[nodiscard]] virtual std::uint64_t size() const = 0;
    virtual Status append(std::string_view bytes) = 0;
    // Reads up to `n` bytes at `pos` into `out` (replacing its contents); fewer at the end of the file.
    virtual Status read(std::uint64_t pos, std::size_t n, std::string &out) const = 0;
    // As read(), but appends to `out` (keeping what it holds): a fetch gathers its batches
    // without an intermediate copy.
    // `n` bytes at `pos` without a copy, when the file holds them in one piece of memory (valid
    // until the next write); empty otherwise (then use read()).
    [[nodiscard]] virtual std::string_view peek(std::uint64_t /*pos*/, std::size_t /*n*/) const { return {}; }
    virtual Status readAppend(std::uint64_t pos, std::size_t n, std::string &out) const
    {
        std::string bytes;
        if (auto st = read(pos, n, bytes); !st.isOk())
            return st;
        out += bytes;
        return Status::ok();
    }
    virtual Status truncate(std::uint64_t size) = 0;
    // Makes everything appended so far durable (fsync on disk; nothing to do in memory).
    virtual Status flush() = 0;
};

// A partition's directory: where its segment files live. Two implementations: in memory (the
// simulator) and a real directory laid out like a broker's log.dirs/<topic>-<partition>/.
class LogStore {
public:
    virtual ~LogStore() = default;
    // Where the files are, for messages ("/data/orders-0", "memory:orders-0").
    [[nodiscard]] virtual std::string location() const = 0;
    [[nodiscard]] virtual bool readOnly() const = 0;
    // File names in the directory, sorted.
    [[nodiscard]] virtual Result<std::vector<std::string>> list() const = 0;
    // Opens `name`; with `create`, an absent file is created empty. A read-only store refuses
    // to create and its files refuse every write.
    virtual Result<std::unique_ptr<SegmentFile>> open(const std::string &name, bool create) = 0;
    virtual Status remove(const std::string &name) = 0;
    // Replaces `to` with `from` atomically where the platform allows.
    virtual Status rename(const std::string &from, const std::string &to) = 0;
    // Writes `bytes` as the whole content of `name` (write to a temporary, then rename).
    virtual Status writeWhole(const std::string &name, std::string_view bytes) = 0;
};

// Files held in memory. Storage grows in chunks (up to 1 MiB), so a byte stored costs little
// more than a byte: no doubling slack.
class MemoryLogStore final : public LogStore {
public:
    explicit MemoryLogStore(std::string name) : m_name(std::move(name)) {}

    [[nodiscard]] std::string location() const override { return "memory:" + m_name; }
    [[nodiscard]] bool readOnly() const override { return false; }
    [[nodiscard]] Result<std::vector<std::string>> list() const override;
    Result<std::unique_ptr<SegmentFile>> open(const std::string &name, bool create) override;
    Status remove(const std::string &name) override;
    Status rename(const std::string &from, const std::string &to) override;
    Status writeWhole(const std::string &name, std::string_view bytes) override;

    // Bytes held for all files (capacity, not just size): for the memory benchmark.
    [[nodiscard]] std::size_t bytesReserved() const;

    struct Buffer;

private:
    std::string m_name;
    std::map<std::string, std::shared_ptr<Buffer>> m_files;
};

// A directory on disk. Opened read-only (for browsing someone's data), it never writes.
class DirectoryLogStore final : public LogStore {
public:
    // `path` must exist (create it with createDirectories first when writing).
    DirectoryLogStore(std::string path, bool readOnly) : m_path(std::move(path)), m_readOnly(readOnly) {}

    static Status createDirectories(const std::string &path);

    [[nodiscard]] std::string location() const override { return m_path; }
    [[nodiscard]] bool readOnly() const override { return m_readOnly; }
    [[nodiscard]] Result<std::vector<std::string>> list() const override;
    Result<std::unique_ptr<SegmentFile>> open(const std::string &name, bool create) override;
    Status remove(const std::string &name) override;
    Status rename(const std::string &from, const std::string &to) override;
    Status writeWhole(const std::string &name, std::string_view bytes) override;

private:
    [[nodiscard]] std::string pathOf(const std::string &name) const { return m_path + "/" + name; }
    std::string m_path;
    bool m_readOnly;
};

} // namespace kafkascope
