// Kafka's zigzag varints and varlongs (ByteUtils; KAFKA-REFERENCE.md §4).
#include "log/varint.h"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include <QtTest>

using namespace kafkascope;

namespace {

std::string fromHex(const char *hex)
{
    const QByteArray bytes = QByteArray::fromHex(hex);
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

QByteArray toHex(const std::string &bytes)
{
    return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())).toHex(' ');
}

constexpr auto int32Min = std::numeric_limits<std::int32_t>::min();
constexpr auto int32Max = std::numeric_limits<std::int32_t>::max();
constexpr qint64 int64Min = std::numeric_limits<qint64>::min();
constexpr qint64 int64Max = std::numeric_limits<qint64>::max();

} // namespace

class TestVarint : public QObject
{
    Q_OBJECT

private slots:
    void varintVectors_data();
    void varintVectors();
    void varlongVectors_data();
    void varlongVectors();
    void varintRoundTrip_data();
    void varintRoundTrip();
    void varlongRoundTrip_data();
    void varlongRoundTrip();
    void readStopsAfterOneValue();
    void truncatedInputIsRejected_data();
    void truncatedInputIsRejected();
    void overlongInputIsRejected_data();
    void overlongInputIsRejected();
    void lastByteHighBitsAreDropped();
};

void TestVarint::varintVectors_data()
{
    QTest::addColumn<qint32>("value");
    QTest::addColumn<QByteArray>("hex");
    // Kafka's ByteUtilsTest and KAFKA-REFERENCE.md §4.
    QTest::addRow("zero") << qint32{0} << QByteArray("00");
    QTest::addRow("minus-one") << qint32{-1} << QByteArray("01");
    QTest::addRow("one") << qint32{1} << QByteArray("02");
    QTest::addRow("63") << qint32{63} << QByteArray("7e");
    QTest::addRow("-64") << qint32{-64} << QByteArray("7f");
    QTest::addRow("64") << qint32{64} << QByteArray("80 01");
    QTest::addRow("-65") << qint32{-65} << QByteArray("81 01");
    QTest::addRow("8191") << qint32{8191} << QByteArray("fe 7f");
    QTest::addRow("-8192") << qint32{-8192} << QByteArray("ff 7f");
    QTest::addRow("8192") << qint32{8192} << QByteArray("80 80 01");
    QTest::addRow("int32-max") << int32Max << QByteArray("fe ff ff ff 0f");
    QTest::addRow("int32-min") << int32Min << QByteArray("ff ff ff ff 0f");
}

void TestVarint::varintVectors()
{
    QFETCH(qint32, value);
    QFETCH(QByteArray, hex);
    std::string out;
    varint::appendVarint(out, value);
    QCOMPARE(toHex(out), hex);
    QCOMPARE(varint::sizeOfVarint(value), out.size());

    std::string_view in = out;
    std::int32_t read = 0;
    QVERIFY(varint::readVarint(in, read));
    QCOMPARE(read, value);
    QVERIFY(in.empty());
}

void TestVarint::varlongVectors_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QByteArray>("hex");
    QTest::addRow("zero") << qint64{0} << QByteArray("00");
    QTest::addRow("minus-one") << qint64{-1} << QByteArray("01");
    QTest::addRow("63") << qint64{63} << QByteArray("7e");
    QTest::addRow("-64") << qint64{-64} << QByteArray("7f");
    QTest::addRow("64") << qint64{64} << QByteArray("80 01");
    QTest::addRow("int32-min") << qint64{int32Min} << QByteArray("ff ff ff ff 0f");
    QTest::addRow("int32-max-plus-one") << qint64{qint64{int32Max} + 1} << QByteArray("80 80 80 80 10");
    QTest::addRow("int64-max") << int64Max << QByteArray("fe ff ff ff ff ff ff ff ff 01");
    QTest::addRow("int64-min") << int64Min << QByteArray("ff ff ff ff ff ff ff ff ff 01");
}

void TestVarint::varlongVectors()
{
    QFETCH(qint64, value);
    QFETCH(QByteArray, hex);
    std::string out;
    varint::appendVarlong(out, value);
    QCOMPARE(toHex(out), hex);
    QCOMPARE(varint::sizeOfVarlong(value), out.size());

    std::string_view in = out;
    std::int64_t read = 0;
    QVERIFY(varint::readVarlong(in, read));
    QCOMPARE(read, value);
    QVERIFY(in.empty());
}

void TestVarint::varintRoundTrip_data()
{
    QTest::addColumn<qint32>("value");
    QTest::addColumn<int>("size");
    QTest::addRow("zero") << qint32{0} << 1;
    QTest::addRow("one") << qint32{1} << 1;
    QTest::addRow("minus-one") << qint32{-1} << 1;
    QTest::addRow("63") << qint32{63} << 1;
    QTest::addRow("-64") << qint32{-64} << 1;
    QTest::addRow("64") << qint32{64} << 2;
    QTest::addRow("-65") << qint32{-65} << 2;
    QTest::addRow("int32-min") << int32Min << 5;
    QTest::addRow("int32-max") << int32Max << 5;
    // Zigzag doubles the magnitude, so the size steps at 2^(7k-1): 2^6, 2^13, 2^20, 2^27.
    for (int bit = 0; bit < 31; ++bit) {
        const std::int32_t p = std::int32_t{1} << bit;
        const int bits = bit + 2; // bits of the zigzag value of p
        QTest::addRow("2^%d", bit) << p << (bits + 6) / 7;
        QTest::addRow("2^%d-1", bit) << p - 1 << (bit == 0 ? 1 : (bit + 1 + 6) / 7);
        QTest::addRow("-2^%d", bit) << -p << (bit + 1 + 6) / 7;
        QTest::addRow("-2^%d-1", bit) << -p - 1 << (bits + 6) / 7;
    }
}

void TestVarint::varintRoundTrip()
{
    QFETCH(qint32, value);
    QFETCH(int, size);
    std::string out = "prefix";
    varint::appendVarint(out, value);
    QCOMPARE(out.size(), 6 + static_cast<std::size_t>(size));
    QCOMPARE(varint::sizeOfVarint(value), static_cast<std::size_t>(size));

    out += "tail";
    std::string_view in = std::string_view(out).substr(6);
    std::int32_t read = 0;
    QVERIFY(varint::readVarint(in, read));
    QCOMPARE(read, value);
    QVERIFY(in == "tail");
}

void TestVarint::varlongRoundTrip_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<int>("size");
    QTest::addRow("zero") << qint64{0} << 1;
    QTest::addRow("63") << qint64{63} << 1;
    QTest::addRow("-64") << qint64{-64} << 1;
    QTest::addRow("64") << qint64{64} << 2;
    QTest::addRow("int32-min") << qint64{int32Min} << 5;
    QTest::addRow("int32-max") << qint64{int32Max} << 5;
    QTest::addRow("int64-min") << int64Min << 10;
    QTest::addRow("int64-max") << int64Max << 10;
    for (int bit = 0; bit < 63; ++bit) {
        const qint64 p = qint64{1} << bit;
        const int bits = bit + 2;
        QTest::addRow("2^%d", bit) << p << (bits + 6) / 7;
        QTest::addRow("2^%d-1", bit) << p - 1 << (bit == 0 ? 1 : (bit + 1 + 6) / 7);
        QTest::addRow("-2^%d", bit) << -p << (bit + 1 + 6) / 7;
        QTest::addRow("-2^%d-1", bit) << -p - 1 << (bits + 6) / 7;
    }
}

void TestVarint::varlongRoundTrip()
{
    QFETCH(qint64, value);
    QFETCH(int, size);
    std::string out;
    varint::appendVarlong(out, value);
    QCOMPARE(out.size(), static_cast<std::size_t>(size));
    QCOMPARE(varint::sizeOfVarlong(value), static_cast<std::size_t>(size));

    std::string_view in = out;
    std::int64_t read = 0;
    QVERIFY(varint::readVarlong(in, read));
    QCOMPARE(read, value);
    QVERIFY(in.empty());
}

void TestVarint::readStopsAfterOneValue()
{
    std::string bytes;
    varint::appendVarint(bytes, 64);
    varint::appendVarlong(bytes, -1);
    varint::appendVarint(bytes, int32Min);
    std::string_view in = bytes;
    std::int32_t a = 0;
    std::int64_t b = 0;
    std::int32_t c = 0;
    QVERIFY(varint::readVarint(in, a));
    QCOMPARE(in.size(), bytes.size() - 2);
    QVERIFY(varint::readVarlong(in, b));
    QVERIFY(varint::readVarint(in, c));
    QCOMPARE(a, 64);
    QCOMPARE(b, std::int64_t{-1});
    QCOMPARE(c, int32Min);
    QVERIFY(in.empty());
    QVERIFY(!varint::readVarint(in, a));
    QCOMPARE(a, 64);
}

void TestVarint::truncatedInputIsRejected_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addRow("empty") << QByteArray("");
    QTest::addRow("one-continuation") << QByteArray("80");
    QTest::addRow("int32-min-cut-at-4") << QByteArray("ff ff ff ff");
    QTest::addRow("int32-min-cut-at-1") << QByteArray("ff");
}

void TestVarint::truncatedInputIsRejected()
{
    QFETCH(QByteArray, hex);
    const std::string bytes = fromHex(hex.constData());

    std::string_view in = bytes;
    std::int32_t v32 = 12345;
    QVERIFY(!varint::readVarint(in, v32));
    QCOMPARE(in.data(), bytes.data());
    QCOMPARE(in.size(), bytes.size());
    QCOMPARE(v32, 12345);

    std::int64_t v64 = 12345;
    QVERIFY(!varint::readVarlong(in, v64));
    QCOMPARE(in.data(), bytes.data());
    QCOMPARE(in.size(), bytes.size());
    QCOMPARE(v64, std::int64_t{12345});

    // Every proper prefix of a long encoding is truncated too, and reading stays inside the view
    // even when the bytes after it would complete the value.
    std::string full;
    varint::appendVarlong(full, int64Min);
    for (std::size_t n = 0; n < full.size(); ++n) {
        std::string_view prefix = std::string_view(full).substr(0, n);
        QVERIFY(!varint::readVarlong(prefix, v64));
        QCOMPARE(prefix.size(), n);
    }
}

void TestVarint::overlongInputIsRejected_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<bool>("isVarlong");
    // Kafka: "Varint is too long, the most significant bit in the 5th byte is set".
    QTest::addRow("varint-6-bytes") << QByteArray("ff ff ff ff ff 01") << false;
    QTest::addRow("varint-zero-padded") << QByteArray("80 80 80 80 80 00") << false;
    QTest::addRow("varint-5-continuations") << QByteArray("80 80 80 80 80") << false;
    QTest::addRow("varlong-11-bytes") << QByteArray("ff ff ff ff ff ff ff ff ff ff 01") << true;
    QTest::addRow("varlong-zero-padded") << QByteArray("80 80 80 80 80 80 80 80 80 80 00") << true;
}

void TestVarint::overlongInputIsRejected()
{
    QFETCH(QByteArray, hex);
    QFETCH(bool, isVarlong);
    const std::string bytes = fromHex(hex.constData());
    std::string_view in = bytes;
    if (isVarlong) {
        std::int64_t v = 7;
        QVERIFY(!varint::readVarlong(in, v));
        QCOMPARE(v, std::int64_t{7});
    } else {
        std::int32_t v = 7;
        QVERIFY(!varint::readVarint(in, v));
        QCOMPARE(v, 7);
    }
    QCOMPARE(in.data(), bytes.data());
    QCOMPARE(in.size(), bytes.size());
}

void TestVarint::lastByteHighBitsAreDropped()
{
    // Kafka's readVarint shifts the fifth byte left by 28 in a 32-bit int, so its bits above the
    // fourth fall off rather than failing the read; a varlong's tenth byte keeps only bit 0.
    std::string_view in32 = "\xff\xff\xff\xff\x7f";
    std::int32_t v32 = 0;
    QVERIFY(varint::readVarint(in32, v32));
    QCOMPARE(v32, int32Min);
    QVERIFY(in32.empty());

    const std::string bytes64 = fromHex("fe ff ff ff ff ff ff ff ff 7f");
    std::string_view in64 = bytes64;
    std::int64_t v64 = 0;
    QVERIFY(varint::readVarlong(in64, v64));
    QCOMPARE(v64, int64Max);
    QVERIFY(in64.empty());
}

QTEST_APPLESS_MAIN(TestVarint)
#include "tst_varint.moc"
