// The record batch codecs (KAFKA-REFERENCE.md §4): Kafka's framings, other writers' data, and
// decoding that stays inside its input and its output limit whatever the bytes.
#include "log/compression.h"

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include <QtTest>

using namespace kafkascope;

namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;

const CompressionType kAllCodecs[] = {CompressionType::None, CompressionType::Gzip, CompressionType::Snappy,
                                      CompressionType::Lz4, CompressionType::Zstd};

CompressionType codecAt(int index)
{
    return static_cast<CompressionType>(index);
}

const char *nameOf(CompressionType type)
{
    return compressionName(type).data();
}

std::string readFixture(const QString &name)
{
    QFile file(QStringLiteral(KAFKASCOPE_TEST_DATA_DIR "/compression/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

std::string repeat(const std::string &s, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += s;
    return out;
}

std::string randomBytes(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::string out(n, '\0');
    for (char &c : out)
        c = static_cast<char>(static_cast<unsigned char>(rng()));
    return out;
}

// Records as a producer would batch them: compressible, but not trivially so.
std::string recordLike(std::size_t n)
{
    std::string out;
    for (int i = 0; out.size() < n; ++i)
        out += "{\"customer\":\"c" + std::to_string(i % 97) + "\",\"order\":" + std::to_string(i) + ",\"qty\":"
               + std::to_string(i % 7) + "}\n";
    out.resize(n);
    return out;
}

std::uint32_t bigEndian32(const std::string &s, std::size_t pos)
{
    return (std::uint32_t{static_cast<unsigned char>(s[pos])} << 24) | (std::uint32_t{static_cast<unsigned char>(s[pos + 1])} << 16)
           | (std::uint32_t{static_cast<unsigned char>(s[pos + 2])} << 8) | std::uint32_t{static_cast<unsigned char>(s[pos + 3])};
}

std::uint32_t littleEndian32(const std::string &s, std::size_t pos)
{
    return (std::uint32_t{static_cast<unsigned char>(s[pos + 3])} << 24) | (std::uint32_t{static_cast<unsigned char>(s[pos + 2])} << 16)
           | (std::uint32_t{static_cast<unsigned char>(s[pos + 1])} << 8) | std::uint32_t{static_cast<unsigned char>(s[pos])};
}

// The uncompressed length at the front of a raw snappy block (an unsigned little-endian base-128
// varint, without zigzag).
std::size_t snappyUncompressedLength(const std::string &block)
{
    std::size_t value = 0;
    for (std::size_t i = 0; i < block.size() && i < 5; ++i) {
        value |= std::size_t{static_cast<unsigned char>(block[i]) & 0x7Fu} << (7 * i);
        if ((static_cast<unsigned char>(block[i]) & 0x80u) == 0)
            break;
    }
    return value;
}

std::string hexPrefix(const std::string &s, std::size_t n)
{
    return QByteArray(s.data(), static_cast<qsizetype>(std::min(n, s.size()))).toHex(' ').toStdString();
}

} // namespace

class TestCompression : public QObject
{
    Q_OBJECT

private slots:
    void namesMatchKafka_data();
    void namesMatchKafka();
    void unknownNamesAreRefused();
    void attributeBits_data();
    void attributeBits();
    void roundTrip_data();
    void roundTrip();
    void gzipWritesRfc1952();
    void snappyWritesXerialFraming();
    void lz4WritesKafkaFrame();
    void zstdWritesAFrame();
    void readsOtherWriters_data();
    void readsOtherWriters();
    void snappyReadsConcatenatedStreams();
    void truncatedInputFails_data();
    void truncatedInputFails();
    void garbageIsRejected_data();
    void garbageIsRejected();
    void flippedBytesNeverCrash_data();
    void flippedBytesNeverCrash();
    void snappyChunkErrors_data();
    void snappyChunkErrors();
    void trailingBytesAreRejected_data();
    void trailingBytesAreRejected();
    void outputLimitIsExact_data();
    void outputLimitIsExact();
    void bombsStopAtTheLimit_data();
    void bombsStopAtTheLimit();
    void zstdBombFromTheCommandLine();
    void zstdWindowFollowsTheLimit();
    void snappyDeclaredLengthIsCheckedFirst();
    void unknownTypeIsInvalid();
};

void TestCompression::namesMatchKafka_data()
{
    QTest::addColumn<int>("codec");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("id");
    // Kafka's CompressionType: name and attribute id.
    QTest::addRow("none") << 0 << "none" << 0;
    QTest::addRow("gzip") << 1 << "gzip" << 1;
    QTest::addRow("snappy") << 2 << "snappy" << 2;
    QTest::addRow("lz4") << 3 << "lz4" << 3;
    QTest::addRow("zstd") << 4 << "zstd" << 4;
}

void TestCompression::namesMatchKafka()
{
    QFETCH(int, codec);
    QFETCH(QString, name);
    QFETCH(int, id);
    const CompressionType type = codecAt(codec);
    QCOMPARE(static_cast<int>(type), id);
    QCOMPARE(QString::fromUtf8(compressionName(type).data(), static_cast<qsizetype>(compressionName(type).size())), name);
    const std::string utf8 = name.toStdString();
    QVERIFY(compressionFromName(utf8) == type);
}

void TestCompression::unknownNamesAreRefused()
{
    // Kafka compares names exactly; "producer" is a topic setting, not a codec.
    for (const char *name : {"", "GZIP", "Snappy", "lz4 ", "zstandard", "producer", "uncompressed"})
        QVERIFY2(!compressionFromName(name).has_value(), name);
}

void TestCompression::attributeBits_data()
{
    QTest::addColumn<int>("attributes");
    QTest::addColumn<int>("codec"); // -1: none valid
    QTest::addRow("0-none") << 0 << 0;
    QTest::addRow("1-gzip") << 1 << 1;
    QTest::addRow("2-snappy") << 2 << 2;
    QTest::addRow("3-lz4") << 3 << 3;
    QTest::addRow("4-zstd") << 4 << 4;
    QTest::addRow("5-invalid") << 5 << -1;
    QTest::addRow("6-invalid") << 6 << -1;
    QTest::addRow("7-invalid") << 7 << -1;
    // Bits 3 and up (timestamp type, transactional, control, delete horizon) do not matter.
    QTest::addRow("transactional-zstd") << (0x10 | 4) << 4;
    QTest::addRow("log-append-time-gzip") << (0x08 | 1) << 1;
    QTest::addRow("control-none") << 0x20 << 0;
    QTest::addRow("all-high-bits-lz4") << (0x7FF8 | 3) << 3;
    QTest::addRow("minus-one") << -1 << -1;
    QTest::addRow("int16-min-none") << -32768 << 0;
}

void TestCompression::attributeBits()
{
    QFETCH(int, attributes);
    QFETCH(int, codec);
    const std::optional<CompressionType> type = compressionFromAttributes(static_cast<std::int16_t>(attributes));
    if (codec < 0) {
        QVERIFY(!type.has_value());
    } else {
        QVERIFY(type.has_value());
        QCOMPARE(static_cast<int>(*type), codec);
    }
}

void TestCompression::roundTrip_data()
{
    QTest::addColumn<int>("codec");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("shouldShrink");
    const std::string large = recordLike(kMiB + kMiB / 2) + randomBytes(kMiB / 4, 7);
    for (const CompressionType type : kAllCodecs) {
        const int codec = static_cast<int>(type);
        const bool compressing = type != CompressionType::None;
        QTest::addRow("%s-empty", nameOf(type)) << codec << QByteArray() << false;
        QTest::addRow("%s-one-byte", nameOf(type)) << codec << QByteArray("k") << false;
        QTest::addRow("%s-one-zero-byte", nameOf(type)) << codec << QByteArray(1, '\0') << false;
        QTest::addRow("%s-zeros-100k", nameOf(type)) << codec << QByteArray(100000, '\0') << compressing;
        QTest::addRow("%s-records-100k", nameOf(type)) << codec << QByteArray::fromStdString(recordLike(100000)) << compressing;
        QTest::addRow("%s-random-100k", nameOf(type)) << codec << QByteArray::fromStdString(randomBytes(100000, 42)) << false;
        // Exactly one snappy chunk / lz4 block, and one byte more.
        QTest::addRow("%s-records-32k", nameOf(type)) << codec << QByteArray::fromStdString(recordLike(32768)) << compressing;
        QTest::addRow("%s-records-32k-plus-1", nameOf(type)) << codec << QByteArray::fromStdString(recordLike(32769)) << compressing;
        QTest::addRow("%s-random-64k", nameOf(type)) << codec << QByteArray::fromStdString(randomBytes(65536, 3)) << false;
        QTest::addRow("%s-large-1.75MiB", nameOf(type)) << codec << QByteArray::fromStdString(large) << compressing;
    }
}

void TestCompression::roundTrip()
{
    QFETCH(int, codec);
    QFETCH(QByteArray, input);
    QFETCH(bool, shouldShrink);
    const CompressionType type = codecAt(codec);
    const std::string_view data(input.constData(), static_cast<std::size_t>(input.size()));

    const Result<std::string> compressed = compress(type, data);
    QVERIFY2(compressed.isOk(), compressed.status().message().c_str());
    if (shouldShrink)
        QVERIFY(compressed.value().size() < data.size() / 2);

    const Result<std::string> restored = decompress(type, compressed.value());
    QVERIFY2(restored.isOk(), restored.status().message().c_str());
    QCOMPARE(restored.value().size(), data.size());
    QVERIFY(restored.value() == data);
}

void TestCompression::gzipWritesRfc1952()
{
    const Result<std::string> out = compress(CompressionType::Gzip, "hello");
    QVERIFY(out.isOk());
    // ID1 ID2 CM=deflate; the trailer is CRC-32 and ISIZE, little-endian.
    QCOMPARE(hexPrefix(out.value(), 3), std::string("1f 8b 08"));
    const std::string &s = out.value();
    QCOMPARE(littleEndian32(s, s.size() - 4), std::uint32_t{5});
    QCOMPARE(littleEndian32(s, s.size() - 8), std::uint32_t{0x3610A686}); // CRC-32 of "hello"
}

void TestCompression::snappyWritesXerialFraming()
{
    // snappy-java's SnappyOutputStream with its default 32 KiB blocks, as Kafka uses it.
    const std::string input = recordLike(100000);
    const Result<std::string> out = compress(CompressionType::Snappy, input);
    QVERIFY(out.isOk());
    const std::string &s = out.value();
    QCOMPARE(hexPrefix(s, 16), std::string("82 53 4e 41 50 50 59 00 00 00 00 01 00 00 00 01"));
    std::size_t pos = 16;
    std::size_t total = 0;
    int chunks = 0;
    while (pos < s.size()) {
        QVERIFY(pos + 4 <= s.size());
        const std::uint32_t length = bigEndian32(s, pos);
        QVERIFY(length > 0 && pos + 4 + length <= s.size());
        const std::size_t uncompressed = snappyUncompressedLength(s.substr(pos + 4, length));
        QVERIFY(uncompressed <= 32768);
        if (pos + 4 + length < s.size())
            QCOMPARE(uncompressed, std::size_t{32768});
        total += uncompressed;
        pos += 4 + length;
        ++chunks;
    }
    QCOMPARE(pos, s.size());
    QCOMPARE(total, input.size());
    QCOMPARE(chunks, 4); // 3 x 32768 + 1696

    // Nothing to compress: the header alone.
    const Result<std::string> empty = compress(CompressionType::Snappy, "");
    QVERIFY(empty.isOk());
    QCOMPARE(empty.value().size(), std::size_t{16});
}

void TestCompression::lz4WritesKafkaFrame()
{
    // Kafka's Lz4BlockOutputStream for magic v2: magic 0x184D2204 (little-endian), FLG 0x60
    // (version 01, independent blocks, no checksums, no content size), BD 0x40 (64 KiB), then
    // the header checksum (second byte of xxh32 over FLG and BD).
    const std::string input = randomBytes(200000, 11);
    const Result<std::string> out = compress(CompressionType::Lz4, input);
    QVERIFY(out.isOk());
    const std::string &s = out.value();
    QCOMPARE(hexPrefix(s, 7), std::string("04 22 4d 18 60 40 82"));
    // Random data does not shrink, so every block is stored (high bit of its size set).
    std::size_t pos = 7;
    std::size_t total = 0;
    for (;;) {
        QVERIFY(pos + 4 <= s.size());
        const std::uint32_t word = littleEndian32(s, pos);
        pos += 4;
        if (word == 0)
            break;
        QVERIFY((word & 0x80000000u) != 0);
        const std::uint32_t size = word & 0x7FFFFFFFu;
        QVERIFY(size <= 65536);
        total += size;
        pos += size;
    }
    QCOMPARE(pos, s.size()); // the end mark is last: no content checksum
    QCOMPARE(total, input.size());

    const Result<std::string> empty = compress(CompressionType::Lz4, "");
    QVERIFY(empty.isOk());
    QCOMPARE(hexPrefix(empty.value(), 64), std::string("04 22 4d 18 60 40 82 00 00 00 00"));
}

void TestCompression::zstdWritesAFrame()
{
    const Result<std::string> out = compress(CompressionType::Zstd, "hello");
    QVERIFY(out.isOk());
    QCOMPARE(hexPrefix(out.value(), 4), std::string("28 b5 2f fd")); // 0xFD2FB528, little-endian
}

void TestCompression::readsOtherWriters_data()
{
    QTest::addColumn<int>("codec");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("copies"); // of records.txt
    QTest::addRow("gzip-one-member") << 1 << "records.txt.gz" << 1;
    QTest::addRow("gzip-two-members") << 1 << "two-members.gz" << 2;
    QTest::addRow("snappy-framed-by-hand") << 2 << "records.txt.snappy" << 1;
    QTest::addRow("snappy-raw-by-hand") << 2 << "records.txt.snappy-raw" << 1;
    QTest::addRow("lz4-cli-defaults") << 3 << "records.txt.lz4" << 1;
    QTest::addRow("lz4-two-frames") << 3 << "two-frames.lz4" << 2;
    QTest::addRow("lz4-linked-checked") << 3 << "linked-checked.lz4" << 700;
    QTest::addRow("zstd-with-size") << 4 << "records.txt.zst" << 1;
    QTest::addRow("zstd-streamed") << 4 << "streamed.zst" << 1;
    QTest::addRow("zstd-two-frames") << 4 << "two-frames.zst" << 2;
}

void TestCompression::readsOtherWriters()
{
    QFETCH(int, codec);
    QFETCH(QString, file);
    QFETCH(int, copies);
    const std::string records = readFixture(QStringLiteral("records.txt"));
    QCOMPARE(records.size(), std::size_t{291});
    const std::string data = readFixture(file);
    QVERIFY2(!data.empty(), qPrintable(file));
    const Result<std::string> out = decompress(codecAt(codec), data);
    QVERIFY2(out.isOk(), out.status().message().c_str());
    QVERIFY(out.value() == repeat(records, copies));
}

void TestCompression::snappyReadsConcatenatedStreams()
{
    // SnappyInputStream accepts a stream header where a chunk would start.
    const std::string framed = readFixture(QStringLiteral("records.txt.snappy"));
    const std::string records = readFixture(QStringLiteral("records.txt"));
    const Result<std::string> twice = decompress(CompressionType::Snappy, framed + framed);
    QVERIFY2(twice.isOk(), twice.status().message().c_str());
    QVERIFY(twice.value() == records + records);

    const std::string a = recordLike(40000);
    const std::string b = randomBytes(1000, 5);
    const Result<std::string> joined =
        decompress(CompressionType::Snappy, compress(CompressionType::Snappy, a).value() + compress(CompressionType::Snappy, b).value());
    QVERIFY2(joined.isOk(), joined.status().message().c_str());
    QVERIFY(joined.value() == a + b);
}

void TestCompression::truncatedInputFails_data()
{
    QTest::addColumn<int>("codec");
    for (const CompressionType type : kAllCodecs) {
        if (type != CompressionType::None)
            QTest::addRow("%s", nameOf(type)) << static_cast<int>(type);
    }
}

void TestCompression::truncatedInputFails()
{
    QFETCH(int, codec);
    const CompressionType type = codecAt(codec);
    const std::string input = recordLike(3000);
    const std::string whole = compress(type, input).value();
    // Every proper prefix, copied so that ASan sees the end of the buffer.
    for (std::size_t n = 0; n < whole.size(); ++n) {
        const std::string prefix = whole.substr(0, n);
        const Result<std::string> out = decompress(type, prefix);
        // xerial framing has no end mark: the bare stream header is a valid empty stream.
        if (type == CompressionType::Snappy && n == 16) {
            QVERIFY(out.isOk() && out.value().empty());
            continue;
        }
        if (out.isOk())
            QFAIL(qPrintable(QStringLiteral("a prefix of %1 bytes decoded").arg(n)));
        QCOMPARE(out.status().code(), Status::Code::Corruption);
        QVERIFY2(out.status().message().starts_with(std::string(nameOf(type)) + ": "), out.status().message().c_str());
    }
}

void TestCompression::garbageIsRejected_data()
{
    QTest::addColumn<int>("codec");
    QTest::addColumn<QByteArray>("garbage");
    for (const CompressionType type : kAllCodecs) {
        if (type == CompressionType::None)
            continue;
        const int codec = static_cast<int>(type);
        QTest::addRow("%s-text", nameOf(type)) << codec << QByteArray("not compressed at all");
        QTest::addRow("%s-one-byte", nameOf(type)) << codec << QByteArray("x");
        QTest::addRow("%s-zeros", nameOf(type)) << codec << QByteArray(64, '\0');
        QTest::addRow("%s-ones", nameOf(type)) << codec << QByteArray(64, '\xff');
        QTest::addRow("%s-empty", nameOf(type)) << codec << QByteArray();
    }
    // Another codec's stream is garbage too.
    QTest::addRow("gzip-given-zstd") << 1 << QByteArray::fromStdString(compress(CompressionType::Zstd, "abc").value());
    QTest::addRow("zstd-given-lz4") << 4 << QByteArray::fromStdString(compress(CompressionType::Lz4, "abc").value());
    QTest::addRow("lz4-given-gzip") << 3 << QByteArray::fromStdString(compress(CompressionType::Gzip, "abc").value());
    QTest::addRow("snappy-given-gzip") << 2 << QByteArray::fromStdString(compress(CompressionType::Gzip, "abc").value());
}

void TestCompression::garbageIsRejected()
{
    QFETCH(int, codec);
    QFETCH(QByteArray, garbage);
    const CompressionType type = codecAt(codec);
    const std::string bytes(garbage.constData(), static_cast<std::size_t>(garbage.size()));
    const Result<std::string> out = decompress(type, bytes);
    QVERIFY(!out.isOk());
    QCOMPARE(out.status().code(), Status::Code::Corruption);
    QVERIFY2(out.status().message().starts_with(std::string(nameOf(type)) + ": "), out.status().message().c_str());
}

void TestCompression::flippedBytesNeverCrash_data()
{
    QTest::addColumn<int>("codec");
    for (const CompressionType type : kAllCodecs) {
        if (type != CompressionType::None)
            QTest::addRow("%s", nameOf(type)) << static_cast<int>(type);
    }
}

void TestCompression::flippedBytesNeverCrash()
{
    QFETCH(int, codec);
    const CompressionType type = codecAt(codec);
    const std::string input = recordLike(2000) + randomBytes(200, 9);
    const std::string whole = compress(type, input).value();
    int failures = 0;
    for (std::size_t pos = 0; pos < whole.size(); ++pos) {
        for (const unsigned char mask : {0x01, 0x80, 0xFF}) {
            std::string damaged = whole;
            damaged[pos] = static_cast<char>(static_cast<unsigned char>(damaged[pos]) ^ mask);
            // A small limit too, so that a damaged length cannot make the decoder allocate much.
            const Result<std::string> out = decompress(type, damaged, 64 * 1024);
            if (!out.isOk()) {
                ++failures;
                QVERIFY2(out.status().message().starts_with(std::string(nameOf(type)) + ": "), out.status().message().c_str());
            } else {
                QVERIFY(out.value().size() <= 64 * 1024);
            }
        }
    }
    QVERIFY(failures > 0);
}

void TestCompression::snappyChunkErrors_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QString>("message");
    const QByteArray header = QByteArray::fromHex("82534e41505059000000000100000001");
    const QByteArray block = QByteArray::fromHex("050c68656c6c6f"); // raw snappy of "hello"
    QTest::addRow("negative-length") << header + QByteArray::fromHex("ffffff00") + block << "invalid chunk length";
    QTest::addRow("zero-length") << header + QByteArray::fromHex("00000000") << "invalid chunk length";
    QTest::addRow("length-past-end") << header + QByteArray::fromHex("00000008") + block << "truncated chunk";
    QTest::addRow("partial-length") << header + QByteArray::fromHex("0000") << "truncated chunk length";
    QTest::addRow("version-0") << QByteArray::fromHex("82534e41505059000000000000000000") << "unsupported stream version";
    QTest::addRow("needs-newer-reader") << QByteArray::fromHex("82534e41505059000000000200000002") << "unsupported stream version";
    QTest::addRow("short-header") << QByteArray::fromHex("82534e4150505900000000") << "truncated stream header";
    QTest::addRow("bad-second-header") << header + QByteArray::fromHex("82534e41ffffffff0000000100000001") << "invalid stream header";
    QTest::addRow("block-shorter-than-declared") << header + QByteArray::fromHex("00000007") + QByteArray::fromHex("090c68656c6c6f") << "invalid block data";
    QTest::addRow("raw-bad-length-varint") << QByteArray::fromHex("ffffffffffff") << "invalid block length header";
}

void TestCompression::snappyChunkErrors()
{
    QFETCH(QByteArray, stream);
    QFETCH(QString, message);
    const std::string bytes(stream.constData(), static_cast<std::size_t>(stream.size()));
    const Result<std::string> out = decompress(CompressionType::Snappy, bytes);
    QVERIFY(!out.isOk());
    QCOMPARE(out.status().code(), Status::Code::Corruption);
    QVERIFY2(QString::fromStdString(out.status().message()).startsWith(QStringLiteral("snappy: ") + message),
             out.status().message().c_str());
}

void TestCompression::trailingBytesAreRejected_data()
{
    QTest::addColumn<int>("codec");
    for (const CompressionType type : kAllCodecs) {
        if (type != CompressionType::None)
            QTest::addRow("%s", nameOf(type)) << static_cast<int>(type);
    }
}

void TestCompression::trailingBytesAreRejected()
{
    QFETCH(int, codec);
    const CompressionType type = codecAt(codec);
    const std::string whole = compress(type, recordLike(500)).value();
    for (const std::string &tail : {std::string(1, '\0'), std::string("junk"), std::string(20, '\x7f')}) {
        const Result<std::string> out = decompress(type, whole + tail);
        QVERIFY2(!out.isOk(), hexPrefix(tail, 4).c_str());
        QVERIFY(out.status().message().starts_with(std::string(nameOf(type)) + ": "));
    }
}

void TestCompression::outputLimitIsExact_data()
{
    QTest::addColumn<int>("codec");
    for (const CompressionType type : kAllCodecs)
        QTest::addRow("%s", nameOf(type)) << static_cast<int>(type);
}

void TestCompression::outputLimitIsExact()
{
    QFETCH(int, codec);
    const CompressionType type = codecAt(codec);
    const std::string input = recordLike(200000);
    const std::string whole = compress(type, input).value();

    const Result<std::string> fits = decompress(type, whole, input.size());
    QVERIFY2(fits.isOk(), fits.status().message().c_str());
    QVERIFY(fits.value() == input);

    const Result<std::string> over = decompress(type, whole, input.size() - 1);
    QVERIFY(!over.isOk());
    QCOMPARE(over.status().code(), Status::Code::Corruption);
    QVERIFY2(over.status().message().starts_with(std::string(nameOf(type)) + ": "), over.status().message().c_str());
    QVERIFY2(over.status().message().find("limit") != std::string::npos, over.status().message().c_str());

    // An empty payload fits a zero limit.
    const Result<std::string> empty = decompress(type, compress(type, "").value(), 0);
    QVERIFY2(empty.isOk(), empty.status().message().c_str());
    QVERIFY(empty.value().empty());
}

void TestCompression::bombsStopAtTheLimit_data()
{
    QTest::addColumn<int>("codec");
    for (const CompressionType type : kAllCodecs) {
        if (type != CompressionType::None)
            QTest::addRow("%s", nameOf(type)) << static_cast<int>(type);
    }
}

void TestCompression::bombsStopAtTheLimit()
{
    QFETCH(int, codec);
    const CompressionType type = codecAt(codec);
    const std::string bomb = compress(type, std::string(10'000'000, '\0')).value();
    QVERIFY(bomb.size() < 1'000'000);
    const Result<std::string> out = decompress(type, bomb, kMiB);
    QVERIFY(!out.isOk());
    QCOMPARE(out.status().code(), Status::Code::Corruption);
    QVERIFY2(out.status().message().find("limit of 1048576 bytes") != std::string::npos, out.status().message().c_str());
}

void TestCompression::zstdBombFromTheCommandLine()
{
    // 326 bytes, 10,000,000 zeros, no declared content size: only streaming can catch it.
    const std::string bomb = readFixture(QStringLiteral("zeros-10MB.zst"));
    QCOMPARE(bomb.size(), std::size_t{326});
    const Result<std::string> refused = decompress(CompressionType::Zstd, bomb, kMiB);
    QVERIFY(!refused.isOk());
    QVERIFY2(refused.status().message().starts_with("zstd: "), refused.status().message().c_str());

    const Result<std::string> allowed = decompress(CompressionType::Zstd, bomb, 10'000'000);
    QVERIFY2(allowed.isOk(), allowed.status().message().c_str());
    QVERIFY(allowed.value() == std::string(10'000'000, '\0'));
}

void TestCompression::zstdWindowFollowsTheLimit()
{
    // 291 bytes in a frame that declares a 128 MiB window (zstd --long=27 from a pipe): a small
    // output limit refuses the allocation; zstd's default ceiling (2^27) accepts it.
    const std::string frame = readFixture(QStringLiteral("long-window.zst"));
    QVERIFY(!frame.empty());
    const Result<std::string> refused = decompress(CompressionType::Zstd, frame, kMiB);
    QVERIFY(!refused.isOk());
    QVERIFY2(refused.status().message() == "zstd: frame needs a window larger than 2^23 bytes",
             refused.status().message().c_str());

    const Result<std::string> accepted = decompress(CompressionType::Zstd, frame);
    QVERIFY2(accepted.isOk(), accepted.status().message().c_str());
    QVERIFY(accepted.value() == readFixture(QStringLiteral("records.txt")));
}

void TestCompression::snappyDeclaredLengthIsCheckedFirst()
{
    // A raw block that claims 2 GiB (varint 80 80 80 80 08) fails on its header, before any
    // allocation, both raw and inside a frame.
    const std::string raw = QByteArray::fromHex("8080808008000000").toStdString();
    const Result<std::string> bare = decompress(CompressionType::Snappy, raw, kMiB);
    QVERIFY(!bare.isOk());
    QVERIFY2(bare.status().message().find("limit") != std::string::npos, bare.status().message().c_str());

    const std::string framed = QByteArray::fromHex("82534e4150505900000000010000000100000008").toStdString() + raw;
    const Result<std::string> inFrame = decompress(CompressionType::Snappy, framed, kMiB);
    QVERIFY(!inFrame.isOk());
    QVERIFY2(inFrame.status().message().find("limit") != std::string::npos, inFrame.status().message().c_str());
}

void TestCompression::unknownTypeIsInvalid()
{
    const auto bogus = static_cast<CompressionType>(6);
    QCOMPARE(compress(bogus, "x").status().code(), Status::Code::InvalidArgument);
    QCOMPARE(decompress(bogus, "x").status().code(), Status::Code::InvalidArgument);
}

QTEST_APPLESS_MAIN(TestCompression)
#include "tst_compression.moc"
