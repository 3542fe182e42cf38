// Kafka's record batch v2: byte layout, independent vectors, round trips, damaged input.
#include "log/crc32c.h"
#include "log/record_batch.h"

#include <QtTest>

using namespace kafkascope;

namespace {

std::string bytes(std::initializer_list<int> values)
{
    std::string out;
    for (int v : values)
        out.push_back(static_cast<char>(v));
    return out;
}

// A single record (key 01 02 03 04, value 05 06 07, header 08 09 0a = 0b 0c, timestamp delta
// 5 ms, first timestamp 1479847795000) in v2 batches as another Kafka client (IBM/sarama's
// record_test.go) encodes them: uncompressed, gzip, raw snappy and an LZ4 frame. Independent
// of our encoder, so decoding them checks our reading of the format.
const std::string kHeaderPrefix = bytes({0, 0, 0, 0, 0, 0, 0, 0});
std::string saramaBatch(int length, std::initializer_list<int> crc, int codec, std::initializer_list<int> section)
{
    std::string b = kHeaderPrefix;
    b += bytes({0, 0, 0, length, 0, 0, 0, 0, 2});
    b += bytes(crc);
    b += bytes({0, codec, 0, 0, 0, 0, 0, 0, 1, 88, 141, 205, 89, 56, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    b += bytes(section);
    return b;
}

Record rec(std::int64_t ts, std::optional<std::string> key, std::optional<std::string> value,
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

class TestRecordBatch : public QObject
{
    Q_OBJECT

private slots:
    void decodesOtherClientsBatches_data();
    void decodesOtherClientsBatches();
    void headerLayoutIsKafkas();
    void roundTrip_data();
    void roundTrip();
    void attributesBits();
    void logAppendTimeOverridesRecordTimes();
    void deleteHorizonIsTheBaseTimestamp();
    void gapsInOffsetsSurvive();
    void emptyBatchNeedsLastOffset();
    void refusesDecreasingOffsets();
    void damaged_data();
    void damaged();
    void crcMismatchCanBeShown();
};

void TestRecordBatch::decodesOtherClientsBatches_data()
{
    QTest::addColumn<QByteArray>("batch");
    QTest::addColumn<int>("codec");
    const std::initializer_list<int> plain = {40, 0, 10, 0, 8, 1, 2, 3, 4, 6, 5, 6, 7, 2, 6, 8, 9, 10, 4, 11, 12};
    QTest::addRow("none") << QByteArray::fromStdString(saramaBatch(70, {84, 121, 97, 253}, 0, plain)) << 0;
    QTest::addRow("gzip") << QByteArray::fromStdString(saramaBatch(
        95, {231, 74, 206, 165}, 1,
        {31, 139, 8, 0, 0, 9, 110, 136, 0, 255, 0, 21, 0, 234, 255, 40, 0, 10, 0, 8, 1, 2,
         3, 4, 6, 5, 6, 7, 2, 6, 8, 9, 10, 4, 11, 12, 3, 0, 173, 201, 88, 103, 21, 0, 0, 0})) << 1;
    QTest::addRow("snappy-raw") << QByteArray::fromStdString(saramaBatch(
        72, {21, 0, 159, 97}, 2, {21, 80, 40, 0, 10, 0, 8, 1, 2, 3, 4, 6, 5, 6, 7, 2, 6, 8, 9, 10, 4, 11, 12})) << 2;
    QTest::addRow("lz4-frame") << QByteArray::fromStdString(saramaBatch(
        89, {169, 74, 119, 197}, 3,
        {4, 34, 77, 24, 100, 112, 185, 21, 0, 0, 128, 40, 0, 10, 0, 8, 1, 2, 3, 4, 6, 5, 6, 7, 2,
         6, 8, 9, 10, 4, 11, 12, 0, 0, 0, 0, 12, 59, 239, 146})) << 3;
}

void TestRecordBatch::decodesOtherClientsBatches()
{
    QFETCH(QByteArray, batch);
    QFETCH(int, codec);
    const auto decoded = decodeBatch(batch.toStdString());
    QVERIFY2(decoded.isOk(), decoded.status().message().c_str());
    const DecodedBatch &d = decoded.value();
    QVERIFY(d.crcValid);
    QCOMPARE(int(*d.header.compression()), codec);
    QCOMPARE(d.header.baseTimestamp, std::int64_t{1479847795000});
    QCOMPARE(d.records.size(), std::size_t{1});
    const Record &r = d.records[0];
    QCOMPARE(r.offset, Offset{0});
    QCOMPARE(r.timestampMs, std::int64_t{1479847795005});
    QCOMPARE(*r.key, bytes({1, 2, 3, 4}));
    QCOMPARE(*r.value, bytes({5, 6, 7}));
    QCOMPARE(r.headers.size(), std::size_t{1});
    QCOMPARE(r.headers[0].key, bytes({8, 9, 10}));
    QCOMPARE(*r.headers[0].value, bytes({11, 12}));
}

void TestRecordBatch::headerLayoutIsKafkas()
{
    // Our encoding of the same record, uncompressed, has the other client's record bytes and a
    // header laid out at Kafka's positions.
    const Record r = rec(1479847795005, bytes({1, 2, 3, 4}), bytes({5, 6, 7}), {{bytes({8, 9, 10}), bytes({11, 12})}});
    BatchOptions o;
    o.partitionLeaderEpoch = 7;
    o.producerId = 1234;
    o.producerEpoch = 3;
    o.baseSequence = 42;
    const auto encoded = encodeBatch(100, std::span(&r, 1), o, true);
    QVERIFY(encoded.isOk());
    const std::string &b = encoded.value();
    QCOMPARE(b.size(), std::size_t{61 + 21});
    QCOMPARE(b.substr(61), bytes({40, 0, 0, 0, 8, 1, 2, 3, 4, 6, 5, 6, 7, 2, 6, 8, 9, 10, 4, 11, 12}));
    const auto h = readBatchHeader(b);
    QVERIFY(h.isOk());
    QCOMPARE(h.value().baseOffset, std::int64_t{100});
    QCOMPARE(h.value().batchLength, 61 + 21 - 12);
    QCOMPARE(h.value().partitionLeaderEpoch, 7);
    QCOMPARE(h.value().producerId, std::int64_t{1234});
    QCOMPARE(h.value().producerEpoch, std::int16_t{3});
    QCOMPARE(h.value().baseSequence, 42);
    QCOMPARE(h.value().recordsCount, 1);
    QCOMPARE(h.value().baseTimestamp, std::int64_t{1479847795005});
    QCOMPARE(h.value().maxTimestamp, std::int64_t{1479847795005});
    QCOMPARE(b[16], char(2)); // magic
    // The CRC at byte 17 is CRC-32C over bytes 21 to the end.
    QCOMPARE(h.value().crc, crc32c::value(b.data() + 21, b.size() - 21));
}

void TestRecordBatch::roundTrip_data()
{
    QTest::addColumn<int>("codec");
    QTest::addColumn<int>("count");
    for (int codec = 0; codec <= 4; ++codec)
        for (int count : {1, 3, 500})
            QTest::addRow("%s-%d", std::string(compressionName(CompressionType(codec))).c_str(), count) << codec << count;
}

void TestRecordBatch::roundTrip()
{
    QFETCH(int, codec);
    QFETCH(int, count);
    std::vector<Record> records;
    for (int i = 0; i < count; ++i) {
        std::optional<std::string> key;
        if (i % 4 != 3)
            key = "key-" + std::to_string(i % 7);
        std::optional<std::string> value;
        if (i % 5 != 4)
            value = std::string(static_cast<std::size_t>(i % 50), static_cast<char>('a' + i % 26));
        std::vector<RecordHeader> headers;
        if (i % 3 == 0)
            headers.push_back({"trace", i % 2 ? std::optional<std::string>("t-" + std::to_string(i)) : std::nullopt});
        records.push_back(rec(1000 + i * 3 - (i % 2), key, value, headers));
    }
    BatchOptions o;
    o.compression = CompressionType(codec);
    const auto encoded = encodeBatch(5000, records, o, true);
    QVERIFY2(encoded.isOk(), encoded.status().message().c_str());
    const auto decoded = decodeBatch(encoded.value());
    QVERIFY2(decoded.isOk(), decoded.status().message().c_str());
    QCOMPARE(decoded.value().records.size(), records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        records[i].offset = Offset{5000 + static_cast<std::int64_t>(i)};
        QCOMPARE(decoded.value().records[i], records[i]);
    }
    QCOMPARE(decoded.value().header.lastOffset(), std::int64_t{5000 + count - 1});
    QCOMPARE(int(*decoded.value().header.compression()), codec);
}

void TestRecordBatch::attributesBits()
{
    const Record r = rec(1, std::string("k"), std::string("v"));
    BatchOptions o;
    o.compression = CompressionType::Zstd;
    o.transactional = true;
    o.control = true;
    const auto h = readBatchHeader(encodeBatch(0, std::span(&r, 1), o, true).value()).value();
    QCOMPARE(h.attributes, std::int16_t(4 | 0x10 | 0x20));
    QVERIFY(h.isTransactional());
    QVERIFY(h.isControl());
    QVERIFY(!h.isLogAppendTime());
    QVERIFY(!h.hasDeleteHorizon());
}

void TestRecordBatch::logAppendTimeOverridesRecordTimes()
{
    std::vector<Record> records{rec(10, std::string("a"), std::string("1")), rec(20, std::string("b"), std::string("2"))};
    BatchOptions o;
    o.logAppendTime = true;
    o.appendTimeMs = 99999;
    const auto d = decodeBatch(encodeBatch(0, records, o, true).value()).value();
    QVERIFY(d.header.isLogAppendTime());
    QCOMPARE(d.header.maxTimestamp, std::int64_t{99999});
    for (const Record &r : d.records)
        QCOMPARE(r.timestampMs, std::int64_t{99999});
}

void TestRecordBatch::deleteHorizonIsTheBaseTimestamp()
{
    std::vector<Record> records{rec(10, std::string("a"), std::nullopt), rec(20, std::string("b"), std::string("2"))};
    records[0].offset = Offset{3};
    records[1].offset = Offset{4};
    BatchOptions o;
    o.deleteHorizonMs = 500000;
    const auto d = decodeBatch(encodeBatch(3, records, o).value()).value();
    QVERIFY(d.header.hasDeleteHorizon());
    QCOMPARE(d.header.baseTimestamp, std::int64_t{500000});
    QCOMPARE(d.records[0].timestampMs, std::int64_t{10}); // record times survive the horizon
    QCOMPARE(d.records[1].timestampMs, std::int64_t{20});
    QVERIFY(!d.records[0].value.has_value());
}

void TestRecordBatch::gapsInOffsetsSurvive()
{
    std::vector<Record> records{rec(1, std::string("a"), std::string("1")), rec(2, std::string("b"), std::string("2"))};
    records[0].offset = Offset{12};
    records[1].offset = Offset{17};
    BatchOptions o;
    o.lastOffsetOverride = 19; // the cleaner keeps the original last offset
    const auto d = decodeBatch(encodeBatch(10, records, o).value()).value();
    QCOMPARE(d.header.baseOffset, std::int64_t{10});
    QCOMPARE(d.header.lastOffset(), std::int64_t{19});
    QCOMPARE(d.records[0].offset, Offset{12});
    QCOMPARE(d.records[1].offset, Offset{17});
}

void TestRecordBatch::emptyBatchNeedsLastOffset()
{
    QVERIFY(!encodeBatch(0, {}, BatchOptions{}).isOk());
    BatchOptions o;
    o.lastOffsetOverride = 4;
    o.producerId = 9;
    const auto d = decodeBatch(encodeBatch(0, {}, o).value());
    QVERIFY(d.isOk());
    QCOMPARE(d.value().records.size(), std::size_t{0});
    QCOMPARE(d.value().header.lastOffset(), std::int64_t{4});
}

void TestRecordBatch::refusesDecreasingOffsets()
{
    std::vector<Record> records{rec(1, std::string("a"), std::string("1")), rec(2, std::string("b"), std::string("2"))};
    records[0].offset = Offset{5};
    records[1].offset = Offset{5};
    QVERIFY(!encodeBatch(5, records, BatchOptions{}).isOk());
    records[1].offset = Offset{4};
    QVERIFY(!encodeBatch(4, records, BatchOptions{}).isOk()); // 5 then 4: decreasing
    QVERIFY(!encodeBatch(6, records, BatchOptions{}).isOk()); // below the base offset
    QVERIFY(!encodeBatch(-1, std::span(records).first(1), BatchOptions{}).isOk());
}

void TestRecordBatch::damaged_data()
{
    std::vector<Record> records{rec(1, std::string("alpha"), std::string("one")), rec(2, std::nullopt, std::string("two"))};
    const std::string good = encodeBatch(0, records, BatchOptions{}, true).value();
    QTest::addColumn<QByteArray>("batch");
    QTest::addColumn<QString>("mentions");
    auto row = [&](const char *name, std::string b, const char *mentions) {
        QTest::addRow("%s", name) << QByteArray::fromStdString(b) << QString::fromLatin1(mentions);
    };
    row("empty", std::string(), "truncated");
    row("eleven-bytes", good.substr(0, 11), "truncated");
    row("header-cut", good.substr(0, 40), "truncated");
    row("body-cut", good.substr(0, good.size() - 1), "truncated");
    std::string flipped = good;
    flipped[good.size() - 2] ^= 0x40;
    row("payload-bit-flip", flipped, "CRC");
    std::string magic = good;
    magic[16] = 1;
    row("magic-1", magic, "magic");
    std::string shortLen = good;
    shortLen[11] = 10;
    row("length-below-header", shortLen, "smaller than a v2 header");
    std::string negBase = good;
    negBase[0] = static_cast<char>(0x80);
    row("negative-base-offset", negBase, "base offset");
}

void TestRecordBatch::damaged()
{
    QFETCH(QByteArray, batch);
    QFETCH(QString, mentions);
    const auto d = decodeBatch(batch.toStdString());
    QVERIFY(!d.isOk());
    QCOMPARE(d.status().code(), Status::Code::Corruption);
    QVERIFY2(QString::fromStdString(d.status().message()).contains(mentions), d.status().message().c_str());
}

void TestRecordBatch::crcMismatchCanBeShown()
{
    const Record r = rec(1, std::string("k"), std::string("value"));
    std::string b = encodeBatch(0, std::span(&r, 1), BatchOptions{}, true).value();
    b[b.size() - 2] = 'X'; // the value's last byte (the record ends with its header count)
    const auto d = decodeBatch(b, false);
    QVERIFY(d.isOk());
    QVERIFY(!d.value().crcValid);
    QCOMPARE(*d.value().records[0].value, std::string("valuX"));
}

QTEST_APPLESS_MAIN(TestRecordBatch)
#include "tst_recordbatch.moc"
