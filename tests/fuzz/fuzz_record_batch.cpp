// libFuzzer target: arbitrary bytes read as a record batch and as the compressed records
// section of every codec. Whatever the bytes, the decoders must return a value or an error:
// never crash, hang, read out of bounds or trip UndefinedBehaviorSanitizer. Built by
// tests/fuzz/CMakeLists.txt with clang only; run by .ci/fuzz.
#include "log/compression.h"
#include "log/record_batch.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace kafkascope;

namespace {

// The decompressors' output limit here: small, so that a hostile frame is refused quickly.
constexpr std::size_t kMaxOutputBytes = std::size_t{1} << 20;

// A property that does not hold is a bug: stop the way libFuzzer records as a crash.
void require(bool property)
{
    if (!property)
        std::abort();
}

// What decodeBatch accepted must survive encoding again: the same records, in a batch
// with the same base offset and a valid CRC.
void checkRoundTrip(const DecodedBatch &decoded)
{
    if (decoded.records.empty())
        return;
    BatchOptions options;
    options.partitionLeaderEpoch = decoded.header.partitionLeaderEpoch;
    options.producerId = decoded.header.producerId;
    options.producerEpoch = decoded.header.producerEpoch;
    options.baseSequence = decoded.header.baseSequence;
    auto encoded = encodeBatch(decoded.header.baseOffset, decoded.records, options);
    require(encoded.isOk());
    auto again = decodeBatch(encoded.value(), true, kMaxOutputBytes);
    require(again.isOk());
    require(again.value().header.baseOffset == decoded.header.baseOffset);
    require(again.value().records == decoded.records);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);

    if (auto header = readBatchHeader(bytes); header.isOk()) {
        require(header.value().magic == batch::kMagic);
        require(header.value().sizeInBytes() >= batch::kHeaderSize);
        require(header.value().lastOffset() >= header.value().baseOffset);
        batchCrcValid(bytes, header.value());
    }

    if (auto decoded = decodeBatch(bytes, false, kMaxOutputBytes); decoded.isOk()) {
        require(decoded.value().header.sizeInBytes() <= bytes.size());
        require(decoded.value().records.size() == static_cast<std::size_t>(decoded.value().header.recordsCount));
        checkRoundTrip(decoded.value());
    }

    for (const auto codec : {CompressionType::None, CompressionType::Gzip, CompressionType::Snappy,
                             CompressionType::Lz4, CompressionType::Zstd}) {
        if (auto out = decompress(codec, bytes, kMaxOutputBytes); out.isOk())
            require(out.value().size() <= kMaxOutputBytes);
    }
    return 0;
}
