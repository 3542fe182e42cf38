#include "compression.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <climits>
#include <cstring>
#include <memory>

#define ZLIB_CONST
#include <lz4frame.h>
#include <snappy.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

namespace kafkascope {

namespace {

// Streaming decoders write through a scratch buffer of this size, so no decoder ever writes
// more than this past what the output limit has already accepted.
constexpr std::size_t kScratchBytes = std::size_t{64} * 1024;

// Kafka's default levels: gzip uses Deflater.DEFAULT_COMPRESSION, zstd level 3
// (compression.zstd.level), lz4 the fast compressor that Lz4BlockOutputStream picks for the
// default level.
constexpr int kZstdLevel = 3;
constexpr int kLz4Level = 0;

// snappy-java's stream header (SnappyCodec): 8 magic bytes, then int32 big-endian version and
// int32 big-endian minimum compatible version, both 1. Kafka's SnappyOutputStream feeds blocks
// of 32 KiB (snappy-java's default block size), each written as [int32 BE length][raw block].
constexpr std::array<unsigned char, 8> kSnappyMagic = {0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0x00};
constexpr std::int32_t kSnappyVersion = 1;
constexpr std::int32_t kSnappyCompatibleVersion = 1;
constexpr std::size_t kSnappyHeaderBytes = kSnappyMagic.size() + 8;
constexpr std::size_t kSnappyBlockBytes = std::size_t{32} * 1024;

// A zstd frame declares the window it needs, and the decoder allocates it before producing a
// byte, so the window is capped by the output limit as well. Frames from zstd's levels up to 19
// need at most 2^23 (Kafka's default level 3 needs 2^21), so that much is always accepted; only
// --ultra levels and long-distance matching ask for more, up to zstd's own default ceiling 2^27.
constexpr int kZstdMinWindowLogMax = 23;
constexpr int kZstdDefaultWindowLogMax = 27;

std::string codecName(CompressionType type)
{
    return std::string(compressionName(type));
}

Status limitExceeded(CompressionType type, std::size_t limit)
{
    return Status::corruption(codecName(type) + ": decompressed data exceeds the limit of "
                              + std::to_string(limit) + " bytes");
}

Status corrupt(CompressionType type, const std::string &what)
{
    return Status::corruption(codecName(type) + ": " + what);
}

// The decompressed bytes, never more than the limit and never with a capacity above it.
class BoundedOutput {
public:
    explicit BoundedOutput(std::size_t limit) : m_limit(limit) {}

    [[nodiscard]] std::size_t room() const { return m_limit - m_data.size(); }

    // False, appending nothing, when `n` more bytes would pass the limit.
    bool append(const char *p, std::size_t n)
    {
        if (n > room())
            return false;
        reserveFor(n);
        m_data.append(p, n);
        return true;
    }

    // `n` new bytes at the end, for decoders that write in place; null when they would not fit.
    char *grow(std::size_t n)
    {
        if (n > room())
            return nullptr;
        reserveFor(n);
        const std::size_t old = m_data.size();
        m_data.resize(old + n);
        return m_data.data() + old;
    }

    std::string take() { return std::move(m_data); }

private:
    // Geometric growth, capped at the limit: a hostile input cannot make us reserve more.
    void reserveFor(std::size_t n)
    {
        const std::size_t needed = m_data.size() + n;
        // Invariant: callers checked room(), so the bytes always fit under the limit.
        assert(needed <= m_limit);
        if (needed <= m_data.capacity())
            return;
        m_data.reserve(std::min(m_limit, std::max(needed, m_data.capacity() * 2)));
    }

    std::size_t m_limit;
    std::string m_data;
};

void appendBigEndian32(std::string &out, std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>(static_cast<unsigned char>(value >> shift)));
}

std::uint32_t readBigEndian32(const unsigned char *p)
{
    return (static_cast<std::uint32_t>(p[0]) << 24) | (static_cast<std::uint32_t>(p[1]) << 16)
           | (static_cast<std::uint32_t>(p[2]) << 8) | static_cast<std::uint32_t>(p[3]);
}

const unsigned char *bytes(std::string_view data)
{
    return reinterpret_cast<const unsigned char *>(data.data());
}

// ---- gzip (RFC 1952), as java.util.zip.GZIPOutputStream writes and GZIPInputStream reads.

struct DeflateEnd {
    void operator()(z_stream *s) const { deflateEnd(s); }
};
struct InflateEnd {
    void operator()(z_stream *s) const { inflateEnd(s); }
};

// zlib counts input in uInt; larger inputs are fed in pieces of at most this size.
constexpr std::size_t kZlibMaxPiece = UINT_MAX;

// Hands zlib its next piece of input (zlib counts in uInt) once it has used up the previous one.
void feedZlib(z_stream &stream, const unsigned char *&next, std::size_t &left)
{
    if (stream.avail_in != 0 || left == 0)
        return;
    const std::size_t piece = std::min(left, kZlibMaxPiece);
    stream.next_in = next;
    stream.avail_in = static_cast<uInt>(piece);
    next += piece;
    left -= piece;
}

Result<std::string> compressGzip(std::string_view data)
{
    z_stream stream{};
    // windowBits 15 + 16 asks zlib for a gzip wrapper instead of a zlib one.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, MAX_WBITS + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return Status::ioError("gzip: cannot initialise the compressor");
    const std::unique_ptr<z_stream, DeflateEnd> guard(&stream);

    std::string out;
    std::string scratch(kScratchBytes, '\0');
    const unsigned char *next = bytes(data);
    std::size_t left = data.size();
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        feedZlib(stream, next, left);
        stream.next_out = reinterpret_cast<Bytef *>(scratch.data());
        stream.avail_out = static_cast<uInt>(scratch.size());
        rc = deflate(&stream, left == 0 ? Z_FINISH : Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            return Status::ioError(std::string("gzip: compressor failed: ") + (stream.msg != nullptr ? stream.msg : "unknown error"));
        out.append(scratch.data(), scratch.size() - stream.avail_out);
    }
    return out;
}

Result<std::string> decompressGzip(std::string_view data, std::size_t maxOutputBytes)
{
    constexpr auto type = CompressionType::Gzip;
    z_stream stream{};
    if (inflateInit2(&stream, MAX_WBITS + 16) != Z_OK)
        return Status::ioError("gzip: cannot initialise the decompressor");
    const std::unique_ptr<z_stream, InflateEnd> guard(&stream);

    BoundedOutput out(maxOutputBytes);
    std::string scratch(kScratchBytes, '\0');
    const unsigned char *next = bytes(data);
    std::size_t left = data.size();
    for (;;) {
        feedZlib(stream, next, left);
        stream.next_out = reinterpret_cast<Bytef *>(scratch.data());
        stream.avail_out = static_cast<uInt>(scratch.size());
        const int rc = inflate(&stream, Z_NO_FLUSH);
        if (!out.append(scratch.data(), scratch.size() - stream.avail_out))
            return limitExceeded(type, maxOutputBytes);
        const bool inputDone = stream.avail_in == 0 && left == 0;
        if (rc == Z_STREAM_END) {
            if (inputDone)
                return out.take();
            // Another member follows (RFC 1952 §2.2: a file is a series of members, and
            // GZIPInputStream reads them all).
            if (inflateReset(&stream) != Z_OK)
                return Status::ioError("gzip: cannot reset the decompressor");
            continue;
        }
        if (rc == Z_OK)
            continue;
        if (rc == Z_BUF_ERROR && inputDone)
            return corrupt(type, "truncated stream");
        return corrupt(type, std::string("invalid data: ") + (stream.msg != nullptr ? stream.msg : "unknown error"));
    }
}

// ---- snappy: snappy-java's framed stream (SnappyOutputStream), or one raw block.

Result<std::string> compressSnappy(std::string_view data)
{
    std::string out(reinterpret_cast<const char *>(kSnappyMagic.data()), kSnappyMagic.size());
    appendBigEndian32(out, static_cast<std::uint32_t>(kSnappyVersion));
    appendBigEndian32(out, static_cast<std::uint32_t>(kSnappyCompatibleVersion));
    std::string block(snappy::MaxCompressedLength(kSnappyBlockBytes), '\0');
    for (std::size_t pos = 0; pos < data.size(); pos += kSnappyBlockBytes) {
        const std::size_t n = std::min(kSnappyBlockBytes, data.size() - pos);
        std::size_t compressedLength = 0;
        snappy::RawCompress(data.data() + pos, n, block.data(), &compressedLength);
        appendBigEndian32(out, static_cast<std::uint32_t>(compressedLength));
        out.append(block.data(), compressedLength);
    }
    return out;
}

// Decodes one raw snappy block (a varint of its uncompressed length, then the elements) onto
// `out`. The declared length is checked against the limit before anything is allocated.
Status appendRawSnappy(std::string_view block, BoundedOutput &out, std::size_t maxOutputBytes)
{
    constexpr auto type = CompressionType::Snappy;
    std::size_t length = 0;
    if (!snappy::GetUncompressedLength(block.data(), block.size(), &length))
        return corrupt(type, "invalid block length header");
    if (length > out.room())
        return limitExceeded(type, maxOutputBytes);
    char *target = out.grow(length);
    if (!snappy::RawUncompress(block.data(), block.size(), target))
        return corrupt(type, "invalid block data");
    return Status::ok();
}

bool startsWithSnappyMagic(std::string_view data)
{
    return data.size() >= kSnappyMagic.size() && std::memcmp(data.data(), kSnappyMagic.data(), kSnappyMagic.size()) == 0;
}

// Checks the 16-byte stream header at the front of `data` (which starts with the magic).
Status checkSnappyHeader(std::string_view data)
{
    constexpr auto type = CompressionType::Snappy;
    if (data.size() < kSnappyHeaderBytes)
        return corrupt(type, "truncated stream header");
    const auto version = static_cast<std::int32_t>(readBigEndian32(bytes(data) + 8));
    const auto compatible = static_cast<std::int32_t>(readBigEndian32(bytes(data) + 12));
    // snappy-java refuses streams older than its minimum compatible version (1); a stream whose
    // minimum reader version is newer than the one we implement cannot be read either.
    if (version < kSnappyCompatibleVersion || compatible > kSnappyVersion)
        return corrupt(type, "unsupported stream version " + std::to_string(version) + " (compatible "
                                 + std::to_string(compatible) + ")");
    return Status::ok();
}

Result<std::string> decompressSnappy(std::string_view data, std::size_t maxOutputBytes)
{
    constexpr auto type = CompressionType::Snappy;
    if (data.empty())
        return corrupt(type, "empty input");
    BoundedOutput out(maxOutputBytes);
    // Like SnappyInputStream: data without the magic is one raw block (Snappy.compress output).
    if (!startsWithSnappyMagic(data)) {
        if (Status s = appendRawSnappy(data, out, maxOutputBytes); !s.isOk())
            return s;
        return out.take();
    }
    std::size_t pos = 0;
    while (pos < data.size()) {
        const std::string_view rest = data.substr(pos);
        // A header at a chunk boundary starts another concatenated stream (SnappyInputStream
        // recognises its first four bytes, which no valid chunk length can equal).
        if (rest.size() >= 4 && std::memcmp(rest.data(), kSnappyMagic.data(), 4) == 0) {
            if (!startsWithSnappyMagic(rest))
                return corrupt(type, "invalid stream header");
            if (Status s = checkSnappyHeader(rest); !s.isOk())
                return s;
            pos += kSnappyHeaderBytes;
            continue;
        }
        if (rest.size() < 4)
            return corrupt(type, "truncated chunk length");
        const auto length = static_cast<std::int32_t>(readBigEndian32(bytes(rest)));
        if (length <= 0)
            return corrupt(type, "invalid chunk length " + std::to_string(length));
        const auto chunkBytes = static_cast<std::size_t>(length);
        if (chunkBytes > rest.size() - 4)
            return corrupt(type, "truncated chunk");
        if (Status s = appendRawSnappy(rest.substr(4, chunkBytes), out, maxOutputBytes); !s.isOk())
            return s;
        pos += 4 + chunkBytes;
    }
    return out.take();
}

// ---- lz4: the LZ4 frame format, as Kafka's Lz4BlockOutputStream writes it for magic v2:
// FLG version 01 with independent blocks and no checksums or content size, BD 64 KiB blocks,
// blocks that do not shrink stored as-is, and a zero end mark.

struct Lz4DctxFree {
    void operator()(LZ4F_dctx *ctx) const { LZ4F_freeDecompressionContext(ctx); }
};

Result<std::string> compressLz4(std::string_view data)
{
    LZ4F_preferences_t prefs{};
    prefs.frameInfo.blockSizeID = LZ4F_max64KB;
    prefs.frameInfo.blockMode = LZ4F_blockIndependent;
    prefs.frameInfo.contentChecksumFlag = LZ4F_noContentChecksum;
    prefs.frameInfo.blockChecksumFlag = LZ4F_noBlockChecksum;
    prefs.frameInfo.frameType = LZ4F_frame;
    prefs.frameInfo.contentSize = 0;
    prefs.compressionLevel = kLz4Level;
    std::string out(LZ4F_compressFrameBound(data.size(), &prefs), '\0');
    const std::size_t n = LZ4F_compressFrame(out.data(), out.size(), data.data(), data.size(), &prefs);
    if (LZ4F_isError(n))
        return Status::ioError(std::string("lz4: compressor failed: ") + LZ4F_getErrorName(n));
    out.resize(n);
    return out;
}

Result<std::string> decompressLz4(std::string_view data, std::size_t maxOutputBytes)
{
    constexpr auto type = CompressionType::Lz4;
    LZ4F_dctx *raw = nullptr;
    if (LZ4F_isError(LZ4F_createDecompressionContext(&raw, LZ4F_VERSION)))
        return Status::ioError("lz4: cannot initialise the decompressor");
    const std::unique_ptr<LZ4F_dctx, Lz4DctxFree> ctx(raw);

    BoundedOutput out(maxOutputBytes);
    std::string scratch(kScratchBytes, '\0');
    const char *next = data.data();
    std::size_t left = data.size();
    for (;;) {
        std::size_t consumed = left;
        std::size_t produced = scratch.size();
        const std::size_t hint = LZ4F_decompress(ctx.get(), scratch.data(), &produced, next, &consumed, nullptr);
        if (LZ4F_isError(hint))
            return corrupt(type, std::string("invalid data: ") + LZ4F_getErrorName(hint));
        next += consumed;
        left -= consumed;
        if (!out.append(scratch.data(), produced))
            return limitExceeded(type, maxOutputBytes);
        // 0: a frame ended exactly here; the context is ready for the next one.
        if (hint == 0 && left == 0)
            return out.take();
        // A full scratch buffer may leave decoded bytes inside the context: go round again.
        if (left == 0 && produced < scratch.size())
            return corrupt(type, "truncated frame");
        if (consumed == 0 && produced == 0)
            return corrupt(type, "decoder made no progress");
    }
}

// ---- zstd: zstd frames (RFC 8878), as zstd-jni's ZstdOutputStream writes them.

struct ZstdDctxFree {
    void operator()(ZSTD_DCtx *ctx) const { ZSTD_freeDCtx(ctx); }
};

int zstdWindowLogMax(std::size_t maxOutputBytes)
{
    const int needed = maxOutputBytes <= 1 ? 0 : static_cast<int>(std::bit_width(maxOutputBytes - 1));
    return std::clamp(needed, kZstdMinWindowLogMax, kZstdDefaultWindowLogMax);
}

Result<std::string> compressZstd(std::string_view data)
{
    std::string out(ZSTD_compressBound(data.size()), '\0');
    const std::size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), kZstdLevel);
    if (ZSTD_isError(n))
        return Status::ioError(std::string("zstd: compressor failed: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

Result<std::string> decompressZstd(std::string_view data, std::size_t maxOutputBytes)
{
    constexpr auto type = CompressionType::Zstd;
    const std::unique_ptr<ZSTD_DCtx, ZstdDctxFree> ctx(ZSTD_createDCtx());
    if (!ctx)
        return Status::ioError("zstd: cannot initialise the decompressor");
    const int windowLogMax = zstdWindowLogMax(maxOutputBytes);
    const std::size_t set = ZSTD_DCtx_setParameter(ctx.get(), ZSTD_d_windowLogMax, windowLogMax);
    if (ZSTD_isError(set))
        return Status::ioError(std::string("zstd: cannot configure the decompressor: ") + ZSTD_getErrorName(set));

    BoundedOutput out(maxOutputBytes);
    std::string scratch(kScratchBytes, '\0');
    ZSTD_inBuffer in{data.data(), data.size(), 0};
    for (;;) {
        const std::size_t before = in.pos;
        ZSTD_outBuffer buffer{scratch.data(), scratch.size(), 0};
        const std::size_t hint = ZSTD_decompressStream(ctx.get(), &buffer, &in);
        if (ZSTD_getErrorCode(hint) == ZSTD_error_frameParameter_windowTooLarge)
            return corrupt(type, "frame needs a window larger than 2^" + std::to_string(windowLogMax) + " bytes");
        if (ZSTD_isError(hint))
            return corrupt(type, std::string("invalid data: ") + ZSTD_getErrorName(hint));
        if (!out.append(scratch.data(), buffer.pos))
            return limitExceeded(type, maxOutputBytes);
        const bool inputDone = in.pos == in.size;
        // 0: a frame ended and is fully flushed; more input means another frame.
        if (hint == 0 && inputDone)
            return out.take();
        // A full scratch buffer may leave decoded bytes inside the context: go round again.
        if (inputDone && buffer.pos < buffer.size)
            return corrupt(type, "truncated frame");
        if (in.pos == before && buffer.pos == 0)
            return corrupt(type, "decoder made no progress");
    }
}

} // namespace

std::string_view compressionName(CompressionType type)
{
    switch (type) {
    case CompressionType::None:
        return "none";
    case CompressionType::Gzip:
        return "gzip";
    case CompressionType::Snappy:
        return "snappy";
    case CompressionType::Lz4:
        return "lz4";
    case CompressionType::Zstd:
        return "zstd";
    }
    return "unknown";
}

std::optional<CompressionType> compressionFromName(std::string_view name)
{
    // Kafka's CompressionType.forName compares names exactly.
    for (const auto type : {CompressionType::None, CompressionType::Gzip, CompressionType::Snappy,
                            CompressionType::Lz4, CompressionType::Zstd}) {
        if (compressionName(type) == name)
            return type;
    }
    return std::nullopt;
}

std::optional<CompressionType> compressionFromAttributes(std::int16_t attributes)
{
    // Bits 0-2 of a batch's attributes (DefaultRecordBatch.COMPRESSION_CODEC_MASK = 0x07).
    const auto id = static_cast<std::uint8_t>(static_cast<std::uint16_t>(attributes) & 0x07u);
    if (id > static_cast<std::uint8_t>(CompressionType::Zstd))
        return std::nullopt;
    return static_cast<CompressionType>(id);
}

Result<std::string> compress(CompressionType type, std::string_view data)
{
    switch (type) {
    case CompressionType::None:
        return std::string(data);
    case CompressionType::Gzip:
        return compressGzip(data);
    case CompressionType::Snappy:
        return compressSnappy(data);
    case CompressionType::Lz4:
        return compressLz4(data);
    case CompressionType::Zstd:
        return compressZstd(data);
    }
    return Status::invalidArgument("unknown compression type " + std::to_string(static_cast<int>(type)));
}

Result<std::string> decompress(CompressionType type, std::string_view data, std::size_t maxOutputBytes)
{
    switch (type) {
    case CompressionType::None:
        if (data.size() > maxOutputBytes)
            return limitExceeded(type, maxOutputBytes);
        return std::string(data);
    case CompressionType::Gzip:
        return decompressGzip(data, maxOutputBytes);
    case CompressionType::Snappy:
        return decompressSnappy(data, maxOutputBytes);
    case CompressionType::Lz4:
        return decompressLz4(data, maxOutputBytes);
    case CompressionType::Zstd:
        return decompressZstd(data, maxOutputBytes);
    }
    return Status::invalidArgument("unknown compression type " + std::to_string(static_cast<int>(type)));
}

} // namespace kafkascope
