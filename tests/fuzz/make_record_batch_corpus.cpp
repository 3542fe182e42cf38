// Writes the seed corpus of fuzz_record_batch (tests/fuzz/corpus/record_batch/): valid batches
// of every codec, with and without keys, values, headers, producer state, LogAppendTime and a
// control batch, plus bare compressed streams for the decompressors. Run once; the output is
// committed. Usage: make_record_batch_corpus DIR
#include "log/compression.h"
#include "log/record_batch.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace kafkascope;

namespace {

bool writeFile(const std::string &path, const std::string &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    return static_cast<bool>(out);
}

Record record(std::int64_t ts, std::optional<std::string> key, std::optional<std::string> value,
              std::vector<RecordHeader> headers = {})
{
    Record r;
    r.timestampMs = ts;
    r.key = std::move(key);
    r.value = std::move(value);
    r.headers = std::move(headers);
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_record_batch_corpus DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    const std::vector<Record> plain = {
        record(1'700'000'000'000, "alice", "order-1"),
        record(1'700'000'000'005, std::nullopt, "no key"),
        record(1'700'000'000'003, "bob", std::nullopt), // a tombstone, and a timestamp going back
        record(1'700'000'000'009, "carol", std::string(200, 'x'), {{"trace", "abc"}, {"empty", std::nullopt}}),
    };
    const std::vector<Record> one = {record(42, "", "")};
    bool ok = true;
    for (const auto codec : {CompressionType::None, CompressionType::Gzip, CompressionType::Snappy,
                             CompressionType::Lz4, CompressionType::Zstd}) {
        const std::string name(compressionName(codec));
        BatchOptions options;
        options.compression = codec;
        auto a = encodeBatch(0, plain, options, true);
        BatchOptions producer = options;
        producer.producerId = 1000;
        producer.producerEpoch = 3;
        producer.baseSequence = 17;
        producer.partitionLeaderEpoch = 5;
        producer.transactional = true;
        producer.logAppendTime = true;
        producer.appendTimeMs = 1'700'000'001'000;
        auto b = encodeBatch(123'456, plain, producer, true);
        auto c = encodeBatch(7, one, options, true);
        const std::string text = "the quick brown fox jumps over the lazy dog; the quick brown fox again";
        auto stream = compress(codec, text);
        if (!a.isOk() || !b.isOk() || !c.isOk() || !stream.isOk()) {
            std::fprintf(stderr, "encoding %s failed\n", name.c_str());
            return 1;
        }
        ok = ok && writeFile(dir + "/" + name + "-batch.bin", a.value());
        ok = ok && writeFile(dir + "/" + name + "-producer-batch.bin", b.value());
        ok = ok && writeFile(dir + "/" + name + "-one-record.bin", c.value());
        if (codec != CompressionType::None)
            ok = ok && writeFile(dir + "/" + name + "-stream.bin", stream.value());
    }
    // A control batch (a transaction marker) and a compacted batch that kept only its last offset.
    BatchOptions control;
    control.control = true;
    control.producerId = 1000;
    control.producerEpoch = 3;
    auto marker = encodeBatch(99, std::vector<Record>{record(1'700'000'002'000, std::string("\0\0\0\1", 4),
                                                             std::string("\0\0\0\0\0\5", 6))},
                              control, true);
    BatchOptions cleaned;
    cleaned.lastOffsetOverride = 20;
    cleaned.deleteHorizonMs = 1'700'086'400'000;
    auto empty = encodeBatch(10, std::vector<Record>{}, cleaned);
    if (!marker.isOk() || !empty.isOk()) {
        std::fprintf(stderr, "encoding the control or cleaned batch failed\n");
        return 1;
    }
    ok = ok && writeFile(dir + "/control-batch.bin", marker.value());
    ok = ok && writeFile(dir + "/cleaned-empty-batch.bin", empty.value());
    if (!ok) {
        std::fprintf(stderr, "cannot write to %s\n", dir.c_str());
        return 1;
    }
    return 0;
}
