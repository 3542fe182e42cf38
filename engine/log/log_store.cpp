#include "log_store.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <cstdlib>
#include <new>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kafkascope {

// ---- Memory ------------------------------------------------------------------------------

struct MemoryLogStore::Buffer {
    // Chunks of growing size (4 KiB doubling up to 2 MiB, then 2 MiB each): small logs stay
    // small, large ones waste at most one partly filled chunk. Chunk i starts at chunkStart(i).
    struct FreeChunk {
        void operator()(char *p) const { std::free(p); }
    };
    std::vector<std::unique_ptr<char[], FreeChunk>> chunks;
    std::uint64_t size = 0;

    static constexpr std::size_t kFirstChunk = 4096;
    static constexpr int kGrowingChunks = 10; // 4 KiB … 2 MiB
    static constexpr std::size_t kMaxChunk = kFirstChunk << (kGrowingChunks - 1);
    static constexpr std::uint64_t kGrowingBytes = kFirstChunk * ((std::uint64_t{1} << kGrowingChunks) - 1);

    static std::size_t chunkSize(std::size_t i)
    {
        return i < kGrowingChunks ? kFirstChunk << i : kMaxChunk;
    }
    static std::uint64_t chunkStart(std::size_t i)
    {
        if (i <= kGrowingChunks)
            return kFirstChunk * ((std::uint64_t{1} << i) - 1);
        return kGrowingBytes + (i - kGrowingChunks) * std::uint64_t{kMaxChunk};
    }
    // The chunk holding byte `pos`.
    static std::size_t chunkOf(std::uint64_t pos)
    {
        if (pos >= kGrowingBytes)
            return kGrowingChunks + static_cast<std::size_t>((pos - kGrowingBytes) / kMaxChunk);
        std::size_t i = 0;
        while (chunkStart(i + 1) <= pos)
            ++i;
        return i;
    }
    // Uninitialised memory: it is written before it is read. Full-size chunks are 2 MiB aligned
    // and offered to the kernel as huge pages (advice only; without them it works the same): a
    // growing log then takes one page fault per 2 MiB instead of 512, which doubled in-memory
    // append throughput in bench_log on our VM (docs/BENCHMARKS.md).
    static std::unique_ptr<char[], FreeChunk> allocateChunk(std::size_t bytes)
    {
        void *p = nullptr;
        if (bytes == kMaxChunk) {
            p = std::aligned_alloc(kMaxChunk, bytes);
            if (p)
                ::madvise(p, bytes, MADV_HUGEPAGE);
        } else {
            p = std::malloc(bytes);
        }
        if (!p)
            throw std::bad_alloc();
        return std::unique_ptr<char[], FreeChunk>(static_cast<char *>(p));
    }

    [[nodiscard]] std::size_t reserved() const { return static_cast<std::size_t>(chunkStart(chunks.size())); }

    void append(std::string_view bytes)
    {
        while (!bytes.empty()) {
            const std::size_t chunk = chunkOf(size);
            if (chunk == chunks.size())
                chunks.push_back(allocateChunk(chunkSize(chunk)));
            const auto inChunk = static_cast<std::size_t>(size - chunkStart(chunk));
            const std::size_t n = std::min(chunkSize(chunk) - inChunk, bytes.size());
            std::memcpy(chunks[chunk].get() + inChunk, bytes.data(), n);
            size += n;
            bytes.remove_prefix(n);
        }
    }

    void read(std::uint64_t pos, std::size_t n, std::string &out) const
    {
        out.clear();
        readAppend(pos, n, out);
    }

    [[nodiscard]] std::string_view peek(std::uint64_t pos, std::size_t n) const
    {
        if (n == 0 || pos + n > size)
            return {};
        const std::size_t chunk = chunkOf(pos);
        const auto inChunk = static_cast<std::size_t>(pos - chunkStart(chunk));
        if (inChunk + n > chunkSize(chunk))
            return {}; // spans two chunks
        return {chunks[chunk].get() + inChunk, n};
    }

    void readAppend(std::uint64_t pos, std::size_t n, std::string &out) const
    {
        if (pos >= size)
            return;
        n = static_cast<std::size_t>(std::min<std::uint64_t>(n, size - pos));
        std::size_t done = out.size();
        n += done;
        out.resize(n);
        std::size_t chunk = chunkOf(pos);
        auto inChunk = static_cast<std::size_t>(pos - chunkStart(chunk));
        while (done < n) {
            const std::size_t take = std::min(n - done, chunkSize(chunk) - inChunk);
            std::memcpy(out.data() + done, chunks[chunk].get() + inChunk, take);
            done += take;
            inChunk = 0;
            ++chunk;
        }
    }

    void truncate(std::uint64_t newSize)
    {
        if (newSize >= size)
            return;
        size = newSize;
        // Free the chunks wholly past the end.
        const std::size_t keep = newSize == 0 ? 0 : chunkOf(newSize - 1) + 1;
        chunks.resize(std::min(keep, chunks.size()));
    }
};

namespace {

class MemoryFile final : public SegmentFile {
public:
    explicit MemoryFile(std::shared_ptr<MemoryLogStore::Buffer> buffer) : m_buffer(std::move(buffer)) {}
    [[nodiscard]] std::uint64_t size() const override { return m_buffer->size; }
    Status append(std::string_view bytes) override
    {
        m_buffer->append(bytes);
        return Status::ok();
    }
    Status read(std::uint64_t pos, std::size_t n, std::string &out) const override
    {
        m_buffer->read(pos, n, out);
        return Status::ok();
    }
    [[nodiscard]] std::string_view peek(std::uint64_t pos, std::size_t n) const override { return m_buffer->peek(pos, n); }
    Status readAppend(std::uint64_t pos, std::size_t n, std::string &out) const override
    {
        m_buffer->readAppend(pos, n, out);
        return Status::ok();
    }
    Status truncate(std::uint64_t size) override
    {
        m_buffer->truncate(size);
        return Status::ok();
    }
    Status flush() override { return Status::ok(); }

private:
    std::shared_ptr<MemoryLogStore::Buffer> m_buffer;
};

} // namespace

Result<std::vector<std::string>> MemoryLogStore::list() const
{
    std::vector<std::string> names;
    for (const auto &[name, buffer] : m_files)
        names.push_back(name);
    return names;
}

Result<std::unique_ptr<SegmentFile>> MemoryLogStore::open(const std::string &name, bool create)
{
    auto it = m_files.find(name);
    if (it == m_files.end()) {
        if (!create)
            return Status::notFound(location() + "/" + name + ": no such file");
        it = m_files.emplace(name, std::make_shared<Buffer>()).first;
    }
    return std::unique_ptr<SegmentFile>(std::make_unique<MemoryFile>(it->second));
}

Status MemoryLogStore::remove(const std::string &name)
{
    m_files.erase(name);
    return Status::ok();
}

Status MemoryLogStore::rename(const std::string &from, const std::string &to)
{
    auto it = m_files.find(from);
    if (it == m_files.end())
        return Status::notFound(location() + "/" + from + ": no such file");
    auto buffer = it->second;
    m_files.erase(it);
    m_files[to] = std::move(buffer);
    return Status::ok();
}

Status MemoryLogStore::writeWhole(const std::string &name, std::string_view bytes)
{
    auto buffer = std::make_shared<Buffer>();
    buffer->append(bytes);
    m_files[name] = std::move(buffer);
    return Status::ok();
}

std::size_t MemoryLogStore::bytesReserved() const
{
    std::size_t total = 0;
    for (const auto &[name, buffer] : m_files)
        total += buffer->reserved();
    return total;
}

// ---- Disk --------------------------------------------------------------------------------

namespace {

std::string errnoText(const std::string &path, const char *what)
{
    return path + ": " + what + ": " + std::strerror(errno);
}

class PosixFile final : public SegmentFile {
public:
    PosixFile(int fd, std::string path, bool readOnly, std::uint64_t size)
        : m_fd(fd), m_path(std::move(path)), m_readOnly(readOnly), m_size(size)
    {
    }
    ~PosixFile() override { ::close(m_fd); }
    PosixFile(const PosixFile &) = delete;
    PosixFile &operator=(const PosixFile &) = delete;

    [[nodiscard]] std::uint64_t size() const override { return m_size; }

    Status append(std::string_view bytes) override
    {
        if (m_readOnly)
            return Status::ioError(m_path + ": opened read-only");
        while (!bytes.empty()) {
            const ssize_t n = ::pwrite(m_fd, bytes.data(), bytes.size(), static_cast<off_t>(m_size));
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return Status::ioError(errnoText(m_path, "write failed"));
            }
            m_size += static_cast<std::uint64_t>(n);
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
        return Status::ok();
    }

    Status read(std::uint64_t pos, std::size_t n, std::string &out) const override
    {
        out.clear();
        if (pos >= m_size)
            return Status::ok();
        n = static_cast<std::size_t>(std::min<std::uint64_t>(n, m_size - pos));
        out.resize(n);
        std::size_t done = 0;
        while (done < n) {
            const ssize_t r = ::pread(m_fd, out.data() + done, n - done, static_cast<off_t>(pos + done));
            if (r < 0) {
                if (errno == EINTR)
                    continue;
                return Status::ioError(errnoText(m_path, "read failed"));
            }
            if (r == 0)
                break; // the file shrank underneath us
            done += static_cast<std::size_t>(r);
        }
        out.resize(done);
        return Status::ok();
    }

    Status truncate(std::uint64_t size) override
    {
        if (m_readOnly)
            return Status::ioError(m_path + ": opened read-only");
        if (::ftruncate(m_fd, static_cast<off_t>(size)) != 0)
            return Status::ioError(errnoText(m_path, "truncate failed"));
        m_size = size;
        return Status::ok();
    }

    Status flush() override
    {
        if (m_readOnly)
            return Status::ok();
        if (::fdatasync(m_fd) != 0)
            return Status::ioError(errnoText(m_path, "fsync failed"));
        return Status::ok();
    }

private:
    int m_fd;
    std::string m_path;
    bool m_readOnly;
    std::uint64_t m_size;
};

Status syncDirectory(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return Status::ioError(errnoText(path, "cannot open directory"));
    const int rc = ::fsync(fd);
    ::close(fd);
    return rc == 0 ? Status::ok() : Status::ioError(errnoText(path, "fsync failed"));
}

} // namespace

Status DirectoryLogStore::createDirectories(const std::string &path)
{
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec)
        return Status::ioError(path + ": cannot create directory: " + ec.message());
    return Status::ok();
}

Result<std::vector<std::string>> DirectoryLogStore::list() const
{
    std::error_code ec;
    std::vector<std::string> names;
    for (const auto &entry : std::filesystem::directory_iterator(m_path, ec)) {
        if (entry.is_regular_file(ec))
            names.push_back(entry.path().filename().string());
    }
    if (ec)
        return Status::ioError(m_path + ": cannot list directory: " + ec.message());
    std::sort(names.begin(), names.end());
    return names;
}

Result<std::unique_ptr<SegmentFile>> DirectoryLogStore::open(const std::string &name, bool create)
{
    const std::string path = pathOf(name);
    int flags = O_CLOEXEC | (m_readOnly ? O_RDONLY : O_RDWR);
    if (create && !m_readOnly)
        flags |= O_CREAT;
    const int fd = ::open(path.c_str(), flags, 0644);
    if (fd < 0) {
        if (errno == ENOENT)
            return Status::notFound(path + ": no such file");
        return Status::ioError(errnoText(path, "cannot open"));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const Status s = Status::ioError(errnoText(path, "cannot stat"));
        ::close(fd);
        return s;
    }
    return std::unique_ptr<SegmentFile>(
        std::make_unique<PosixFile>(fd, path, m_readOnly, static_cast<std::uint64_t>(st.st_size)));
}

Status DirectoryLogStore::remove(const std::string &name)
{
    if (m_readOnly)
        return Status::ioError(m_path + ": opened read-only");
    if (::unlink(pathOf(name).c_str()) != 0 && errno != ENOENT)
        return Status::ioError(errnoText(pathOf(name), "cannot delete"));
    return Status::ok();
}

Status DirectoryLogStore::rename(const std::string &from, const std::string &to)
{
    if (m_readOnly)
        return Status::ioError(m_path + ": opened read-only");
    if (::rename(pathOf(from).c_str(), pathOf(to).c_str()) != 0)
        return Status::ioError(errnoText(pathOf(from), "cannot rename"));
    return syncDirectory(m_path);
}

Status DirectoryLogStore::writeWhole(const std::string &name, std::string_view bytes)
{
    if (m_readOnly)
        return Status::ioError(m_path + ": opened read-only");
    const std::string tmp = name + ".tmp";
    {
        auto file = open(tmp, true);
        if (!file.isOk())
            return file.status();
        if (auto st = file.value()->truncate(0); !st.isOk())
            return st;
        if (auto st = file.value()->append(bytes); !st.isOk())
            return st;
        if (auto st = file.value()->flush(); !st.isOk())
            return st;
    }
    return rename(tmp, name);
}

} // namespace kafkascope
