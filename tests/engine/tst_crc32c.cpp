// CRC-32C (Castagnoli), the checksum of Kafka's record batch v2 (KAFKA-REFERENCE.md §4).
#include "log/crc32c.h"
#include "log/crc32c_internal.h"

#include <cstdint>
#include <string>
#include <vector>

#include <QtTest>

using namespace kafkascope;

namespace {

std::uint32_t crcOf(const QByteArray &bytes)
{
    return crc32c::value(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

// Bytes that differ at every position and are not periodic over short spans.
std::vector<unsigned char> pattern(std::size_t n)
{
    std::vector<unsigned char> bytes(n);
    for (std::size_t i = 0; i < n; ++i)
        bytes[i] = static_cast<unsigned char>(i * 131 + (i >> 10));
    return bytes;
}

QByteArray repeated(char byte, int n)
{
    return QByteArray(n, byte);
}

QByteArray sequence(int first, int step, int n)
{
    QByteArray bytes;
    for (int i = 0; i < n; ++i)
        bytes.append(static_cast<char>(first + i * step));
    return bytes;
}

} // namespace

class TestCrc32c : public QObject
{
    Q_OBJECT

private slots:
    void publishedVectors_data();
    void publishedVectors();
    void emptyInputKeepsTheCrc();
    void extendComposes_data();
    void extendComposes();
    void hardwareAndTableAgree();
    void oneMebibyte();
    void reportsWhichPathRuns();
};

void TestCrc32c::publishedVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<quint32>("expected");
    // Kafka's Crc32CTest.
    QTest::addRow("kafka-some-string") << QByteArray("Some String") << quint32{608512271};
    // The CRC catalogue's check value for CRC-32/ISCSI.
    QTest::addRow("check-123456789") << QByteArray("123456789") << quint32{0xE3069283};
    // RFC 3720 (iSCSI) appendix B.4.
    QTest::addRow("rfc3720-32-zeros") << repeated('\0', 32) << quint32{0x8A9136AA};
    QTest::addRow("rfc3720-32-ones") << repeated('\xff', 32) << quint32{0x62A8AB43};
    QTest::addRow("rfc3720-incrementing") << sequence(0, 1, 32) << quint32{0x46DD794E};
    QTest::addRow("rfc3720-decrementing") << sequence(31, -1, 32) << quint32{0x113FDB5C};
    QTest::addRow("empty") << QByteArray() << quint32{0};
    QTest::addRow("one-byte-a") << QByteArray("a") << quint32{0xC1D04330};
}

void TestCrc32c::publishedVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(quint32, expected);
    QCOMPARE(crcOf(input), expected);
    const auto n = static_cast<std::size_t>(input.size());
    QCOMPARE(crc32c::internal::extendPortable(0, input.constData(), n), expected);
#if KAFKASCOPE_CRC32C_HAVE_SSE42
    if (crc32c::hardwareAccelerated())
        QCOMPARE(crc32c::internal::extendSse42(0, input.constData(), n), expected);
#endif
}

void TestCrc32c::emptyInputKeepsTheCrc()
{
    const std::uint32_t crc = crcOf("Some String");
    QCOMPARE(crc32c::extend(crc, nullptr, 0), crc);
    QCOMPARE(crc32c::internal::extendPortable(crc, nullptr, 0), crc);
}

void TestCrc32c::extendComposes_data()
{
    QTest::addColumn<int>("split");
    for (int split = 0; split <= 64; ++split)
        QTest::addRow("split-%d", split) << split;
}

void TestCrc32c::extendComposes()
{
    QFETCH(int, split);
    const std::vector<unsigned char> data = pattern(64);
    const auto at = static_cast<std::size_t>(split);
    const std::uint32_t whole = crc32c::value(data.data(), data.size());
    const std::uint32_t head = crc32c::value(data.data(), at);
    QCOMPARE(crc32c::extend(head, data.data() + at, data.size() - at), whole);
    const std::uint32_t portableHead = crc32c::internal::extendPortable(0, data.data(), at);
    QCOMPARE(crc32c::internal::extendPortable(portableHead, data.data() + at, data.size() - at), whole);
}

void TestCrc32c::hardwareAndTableAgree()
{
#if KAFKASCOPE_CRC32C_HAVE_SSE42
    if (!crc32c::hardwareAccelerated())
        QSKIP("this processor has no SSE4.2");
    // Every length 0..300 from every start 0..15, so that both paths meet every head, body and
    // tail alignment, continuing from a non-zero CRC as well.
    const std::vector<unsigned char> data = pattern(300 + 16);
    for (std::size_t start = 0; start < 16; ++start) {
        for (std::size_t n = 0; n <= 300; ++n) {
            for (const std::uint32_t seed : {0u, 0xDEADBEEFu}) {
                const std::uint32_t table = crc32c::internal::extendPortable(seed, data.data() + start, n);
                const std::uint32_t hardware = crc32c::internal::extendSse42(seed, data.data() + start, n);
                if (table != hardware)
                    QFAIL(qPrintable(QStringLiteral("start %1 length %2 seed %3: table %4, hardware %5")
                                         .arg(start).arg(n).arg(seed).arg(table).arg(hardware)));
            }
        }
    }
#else
    QSKIP("the SSE4.2 path is not built for this processor family");
#endif
}

void TestCrc32c::oneMebibyte()
{
    // The expected value comes from an independent bitwise implementation (Python), checked
    // first against the vectors above.
    const std::vector<unsigned char> data = pattern(std::size_t{1} << 20);
    constexpr std::uint32_t expected = 0x7E1DDCD5;
    QCOMPARE(crc32c::value(data.data(), data.size()), expected);
    QCOMPARE(crc32c::internal::extendPortable(0, data.data(), data.size()), expected);
    // In uneven pieces, as a reader that checks a batch across several buffers would.
    std::uint32_t crc = 0;
    std::size_t pos = 0;
    for (std::size_t piece = 1; pos < data.size(); piece = piece * 3 + 1) {
        const std::size_t n = std::min(piece, data.size() - pos);
        crc = crc32c::extend(crc, data.data() + pos, n);
        pos += n;
    }
    QCOMPARE(crc, expected);
}

void TestCrc32c::reportsWhichPathRuns()
{
#if KAFKASCOPE_CRC32C_HAVE_SSE42
    QCOMPARE(crc32c::hardwareAccelerated(), __builtin_cpu_supports("sse4.2") != 0);
#else
    QVERIFY(!crc32c::hardwareAccelerated());
#endif
}

QTEST_APPLESS_MAIN(TestCrc32c)
#include "tst_crc32c.moc"
