// The seeded RNG: reproducible, in range, unbiased enough to trust for workloads.
#include "core/random.h"

#include <QtTest>

using namespace kafkascope;

class TestRandom : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameSequence();
    void differentSeedsDiffer();
    void uniformStaysInRange();
    void uniformIsRoughlyFlat();
    void exponentialHasItsMean();
};

void TestRandom::sameSeedSameSequence()
{
    Random a(123);
    Random b(123);
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(a.nextU64(), b.nextU64());
    QCOMPARE(a.stateDigest(), b.stateDigest());
}

void TestRandom::differentSeedsDiffer()
{
    Random a(1);
    Random b(2);
    int same = 0;
    for (int i = 0; i < 100; ++i)
        same += a.nextU64() == b.nextU64() ? 1 : 0;
    QCOMPARE(same, 0);
}

void TestRandom::uniformStaysInRange()
{
    Random r(5);
    for (std::uint64_t bound : {1ULL, 2ULL, 3ULL, 7ULL, 1000ULL, (1ULL << 63) + 1})
        for (int i = 0; i < 2000; ++i)
            QVERIFY(r.uniform(bound) < bound);
    for (int i = 0; i < 2000; ++i) {
        const double u = r.uniformReal();
        QVERIFY(u >= 0.0 && u < 1.0);
    }
}

void TestRandom::uniformIsRoughlyFlat()
{
    Random r(99);
    std::array<int, 6> counts{};
    const int n = 60000;
    for (int i = 0; i < n; ++i)
        ++counts[r.uniform(6)];
    for (int c : counts) // expected 10000 each; 5 sigma is about 450
        QVERIFY2(std::abs(c - 10000) < 500, qPrintable(QString::number(c)));
}

void TestRandom::exponentialHasItsMean()
{
    Random r(3);
    double sum = 0;
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        const double x = r.exponential(250.0);
        QVERIFY(x >= 0.0);
        sum += x;
    }
    QVERIFY(std::abs(sum / n - 250.0) < 5.0);
}

QTEST_APPLESS_MAIN(TestRandom)
#include "tst_random.moc"
