// What a simulated producer sends: key distributions, rate models and values. Parameter checks,
// determinism, and statistics with bounds computed from the expected distribution (5 sigma; the
// seeds are fixed, so the bounds guard against wrong formulas, not against bad luck).
#include "client/workload.h"

#include <QtTest>

#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <vector>

using namespace kafkascope;

using StatusFactory = std::function<Status()>;
using Sampler = std::function<std::vector<std::string>(Random &)>;
Q_DECLARE_METATYPE(StatusFactory)
Q_DECLARE_METATYPE(Sampler)

namespace {

constexpr double kSigmas = 5.0;

template <class T>
StatusFactory statusOf(std::function<Result<T>()> make)
{
    return [make] { return make().status(); };
}

// True when `count` of `n` independent trials lies within kSigmas binomial standard deviations
// of n * p (exact when p is 0 or 1).
bool withinBinomial(double count, double n, double p)
{
    const double sigma = std::sqrt(n * p * (1.0 - p));
    return std::abs(count - n * p) <= kSigmas * sigma;
}

QString describe(double count, double n, double p)
{
    return QStringLiteral("count %1 of %2, expected %3 +- %4")
        .arg(count)
        .arg(n)
        .arg(n * p)
        .arg(kSigmas * std::sqrt(n * p * (1.0 - p)));
}

// Zipf's normalising sum H(N, s), computed independently of the engine: from the smallest term
// up, in long double.
long double zipfNormaliser(std::size_t keyCount, double s)
{
    long double h = 0.0L;
    for (std::size_t k = keyCount; k >= 1; --k)
        h += std::pow(static_cast<long double>(k), -static_cast<long double>(s));
    return h;
}

double zipfProbability(long double normaliser, double s, std::size_t rank)
{
    return static_cast<double>(std::pow(static_cast<long double>(rank), -static_cast<long double>(s)) / normaliser);
}

// On-time (us) of a bursts model inside [from, to).
std::int64_t onTimeBetween(std::int64_t from, std::int64_t to, std::int64_t on, std::int64_t off)
{
    const std::int64_t period = on + off;
    std::int64_t total = 0;
    for (std::int64_t start = (from / period) * period; start < to; start += period) {
        const std::int64_t a = std::max(from, start);
        const std::int64_t b = std::min(to, start + on);
        total += std::max<std::int64_t>(0, b - a);
    }
    return total;
}

template <class T>
T valueOf(Result<T> r)
{
    if (!r.isOk())
        qFatal("unexpected error: %s", r.status().message().c_str());
    return std::move(r).value();
}

Sampler keySampler(KeyDistribution d)
{
    return [d](Random &rng) {
        std::vector<std::string> out;
        for (int i = 0; i < 200; ++i)
            out.push_back(d.next(rng).value_or("<null>"));
        return out;
    };
}

Sampler rateSampler(RateModel m)
{
    return [m](Random &rng) {
        std::vector<std::string> out;
        SimTime t = SimTime::zero();
        for (int i = 0; i < 200; ++i) {
            t = m.nextSendAfter(t, rng);
            out.push_back(std::to_string(t.micros()));
        }
        return out;
    };
}

Sampler valueSampler(ValueGenerator g)
{
    return [g](Random &rng) {
        std::vector<std::string> out;
        for (std::uint64_t i = 0; i < 200; ++i)
            out.push_back(g.next("p1", i, rng));
        return out;
    };
}

} // namespace

class TestWorkload : public QObject
{
    Q_OBJECT

private slots:
    void factories_data();
    void factories();
    void keyNames();
    void nullKeysAreNullAndDrawNothing();
    void determinism_data();
    void determinism();
    void uniformKeyFrequencies_data();
    void uniformKeyFrequencies();
    void hotKeyShare_data();
    void hotKeyShare();
    void zipfFrequencies_data();
    void zipfFrequencies();
    void poissonRate_data();
    void poissonRate();
    void burstTiming_data();
    void burstTiming();
    void fixedIntervalExact_data();
    void fixedIntervalExact();
    void fixedIntervalHasNoDrift();
    void averageRates();
    void fixedSizeValues_data();
    void fixedSizeValues();
    void valueSizeRange();
};

void TestWorkload::factories_data()
{
    QTest::addColumn<StatusFactory>("factory");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("mentions");
    using KD = KeyDistribution;
    const auto key = [](std::function<Result<KD>()> f) { return statusOf<KD>(std::move(f)); };
    const auto rate = [](std::function<Result<RateModel>()> f) { return statusOf<RateModel>(std::move(f)); };
    const auto value = [](std::function<Result<ValueGenerator>()> f) { return statusOf<ValueGenerator>(std::move(f)); };
    const double nan = std::nan("");
    const double inf = HUGE_VAL;
    const auto ms = [](std::int64_t v) { return SimDuration::millis(v); };

    QTest::addRow("uniform-1-key") << key([] { return KD::uniform(1); }) << true << "";
    QTest::addRow("uniform-0-keys") << key([] { return KD::uniform(0); }) << false << "keyCount";
    QTest::addRow("uniform-empty-list") << key([] { return KD::uniform(std::vector<std::string>{}); }) << false << "keys";
    QTest::addRow("uniform-duplicate") << key([] { return KD::uniform({"a", "b", "a"}); }) << false << "\"a\"";
    QTest::addRow("uniform-empty-string-key") << key([] { return KD::uniform({"", "a"}); }) << true << "";

    QTest::addRow("hot-share-0") << key([] { return KD::hotKeys(10, 2, 0.0); }) << true << "";
    QTest::addRow("hot-share-1") << key([] { return KD::hotKeys(10, 2, 1.0); }) << true << "";
    QTest::addRow("hot-all-keys-share-1") << key([] { return KD::hotKeys(3, 3, 1.0); }) << true << "";
    QTest::addRow("hot-all-keys-share-below-1") << key([] { return KD::hotKeys(3, 3, 0.9); }) << false << "hotCount";
    QTest::addRow("hot-count-0") << key([] { return KD::hotKeys(10, 0, 0.5); }) << false << "hotCount";
    QTest::addRow("hot-count-above-keys") << key([] { return KD::hotKeys(10, 11, 0.5); }) << false << "hotCount";
    QTest::addRow("hot-key-count-0") << key([] { return KD::hotKeys(0, 0, 0.5); }) << false << "keyCount";
    QTest::addRow("hot-share-negative") << key([] { return KD::hotKeys(10, 2, -0.01); }) << false << "hotShare";
    QTest::addRow("hot-share-above-1") << key([] { return KD::hotKeys(10, 2, 1.01); }) << false << "hotShare";
    QTest::addRow("hot-share-nan") << key([nan] { return KD::hotKeys(10, 2, nan); }) << false << "hotShare";
    QTest::addRow("hot-list-empty-set") << key([] { return KD::hotKeys({}, {"c"}, 0.5); }) << false << "hotKeys";
    QTest::addRow("hot-list-no-cold") << key([] { return KD::hotKeys({"h"}, {}, 0.5); }) << false << "coldKeys";
    QTest::addRow("hot-list-no-cold-share-1") << key([] { return KD::hotKeys({"h"}, {}, 1.0); }) << true << "";
    QTest::addRow("hot-list-share-nan") << key([nan] { return KD::hotKeys({"h"}, {"c"}, nan); }) << false << "hotShare";
    QTest::addRow("hot-list-overlap") << key([] { return KD::hotKeys({"h", "x"}, {"c", "x"}, 0.5); }) << false << "\"x\"";

    QTest::addRow("zipf-1-key") << key([] { return KD::zipf(1, 1.0); }) << true << "";
    QTest::addRow("zipf-max-keys") << key([] { return KD::zipf(KD::kMaxZipfKeys, 0.5); }) << true << "";
    QTest::addRow("zipf-0-keys") << key([] { return KD::zipf(0, 1.0); }) << false << "keyCount";
    QTest::addRow("zipf-too-many-keys") << key([] { return KD::zipf(KD::kMaxZipfKeys + 1, 1.0); }) << false << "keyCount";
    QTest::addRow("zipf-exponent-0") << key([] { return KD::zipf(10, 0.0); }) << false << "exponent";
    QTest::addRow("zipf-exponent-negative") << key([] { return KD::zipf(10, -1.0); }) << false << "exponent";
    QTest::addRow("zipf-exponent-nan") << key([nan] { return KD::zipf(10, nan); }) << false << "exponent";
    QTest::addRow("zipf-exponent-inf") << key([inf] { return KD::zipf(10, inf); }) << false << "exponent";
    QTest::addRow("zipf-huge-exponent") << key([] { return KD::zipf(10, 5000.0); }) << true << "";
    QTest::addRow("zipf-list-empty") << key([] { return KD::zipf(std::vector<std::string>{}, 1.0); }) << false << "keysByRank";
    QTest::addRow("zipf-list-duplicate") << key([] { return KD::zipf({"a", "a"}, 1.0); }) << false << "\"a\"";
    QTest::addRow("zipf-list-bad-exponent") << key([] { return KD::zipf({"a", "b"}, 0.0); }) << false << "exponent";

    QTest::addRow("constant-ok") << rate([] { return RateModel::constant(0.001); }) << true << "";
    QTest::addRow("constant-max") << rate([] { return RateModel::constant(RateModel::kMaxRate); }) << true << "";
    QTest::addRow("constant-0") << rate([] { return RateModel::constant(0.0); }) << false << "recordsPerSecond";
    QTest::addRow("constant-negative") << rate([] { return RateModel::constant(-5.0); }) << false << "recordsPerSecond";
    QTest::addRow("constant-nan") << rate([nan] { return RateModel::constant(nan); }) << false << "recordsPerSecond";
    QTest::addRow("constant-inf") << rate([inf] { return RateModel::constant(inf); }) << false << "recordsPerSecond";
    QTest::addRow("constant-above-max") << rate([] { return RateModel::constant(2e6); }) << false << "recordsPerSecond";
    QTest::addRow("bursts-ok") << rate([ms] { return RateModel::bursts(10.0, ms(1), ms(1)); }) << true << "";
    QTest::addRow("bursts-rate-0") << rate([ms] { return RateModel::bursts(0.0, ms(1), ms(1)); }) << false << "recordsPerSecond";
    QTest::addRow("bursts-on-0") << rate([ms] { return RateModel::bursts(10.0, ms(0), ms(1)); }) << false << "on period";
    QTest::addRow("bursts-off-0") << rate([ms] { return RateModel::bursts(10.0, ms(1), ms(0)); }) << false << "off period";
    QTest::addRow("bursts-on-negative") << rate([ms] { return RateModel::bursts(10.0, ms(-1), ms(1)); }) << false << "on period";
    QTest::addRow("bursts-off-negative") << rate([ms] { return RateModel::bursts(10.0, ms(1), ms(-1)); }) << false << "off period";
    QTest::addRow("bursts-period-overflows") << rate([] {
        const auto half = SimDuration::micros(std::numeric_limits<std::int64_t>::max() / 2 + 1);
        return RateModel::bursts(10.0, half, half);
    }) << false << "fit";
    QTest::addRow("fixed-ok") << rate([] { return RateModel::fixedInterval(3.0); }) << true << "";
    QTest::addRow("fixed-0") << rate([] { return RateModel::fixedInterval(0.0); }) << false << "recordsPerSecond";
    QTest::addRow("fixed-nan") << rate([nan] { return RateModel::fixedInterval(nan); }) << false << "recordsPerSecond";

    using VG = ValueGenerator;
    constexpr std::size_t maxBytes = VG::kMaxValueBytes;
    QTest::addRow("value-fixed-0") << value([] { return VG::fixedSize(0); }) << true << "";
    QTest::addRow("value-fixed-max") << value([] { return VG::fixedSize(maxBytes); }) << true << "";
    QTest::addRow("value-fixed-too-big") << value([] { return VG::fixedSize(maxBytes + 1); }) << false << "bytes";
    QTest::addRow("value-range-ok") << value([] { return VG::uniformSize(0, 100); }) << true << "";
    QTest::addRow("value-range-single") << value([] { return VG::uniformSize(7, 7); }) << true << "";
    QTest::addRow("value-range-inverted") << value([] { return VG::uniformSize(10, 9); }) << false << "minBytes";
    QTest::addRow("value-range-too-big") << value([] { return VG::uniformSize(1, maxBytes + 1); }) << false << "maxBytes";
}

void TestWorkload::factories()
{
    QFETCH(StatusFactory, factory);
    QFETCH(bool, ok);
    QFETCH(QString, mentions);
    const Status s = factory();
    QVERIFY2(s.isOk() == ok, s.message().c_str());
    if (!ok) {
        QCOMPARE(s.code(), Status::Code::InvalidArgument);
        QVERIFY2(QString::fromStdString(s.message()).contains(mentions), s.message().c_str());
    }
}

void TestWorkload::keyNames()
{
    const auto generated = valueOf(KeyDistribution::uniform(3));
    QCOMPARE(generated.kind(), KeyDistribution::Kind::Uniform);
    QCOMPARE(generated.keyCount(), std::size_t{3});
    QCOMPARE(generated.keyAt(0), std::string("key-0"));
    QCOMPARE(generated.keyAt(2), std::string("key-2"));

    const auto listed = valueOf(KeyDistribution::uniform({"alpha", "beta"}));
    QCOMPARE(listed.keyAt(1), std::string("beta"));

    const auto hot = valueOf(KeyDistribution::hotKeys({"h1", "h2"}, {"c1"}, 0.5));
    QCOMPARE(hot.kind(), KeyDistribution::Kind::HotKeys);
    QCOMPARE(hot.keyCount(), std::size_t{3});
    QCOMPARE(hot.keyAt(0), std::string("h1")); // hot keys first
    QCOMPARE(hot.keyAt(2), std::string("c1"));

    const auto zipf = valueOf(KeyDistribution::zipf({"top", "second"}, 1.0));
    QCOMPARE(zipf.kind(), KeyDistribution::Kind::Zipf);
    QCOMPARE(zipf.keyAt(0), std::string("top"));

    // Every drawn key is one of the distribution's keys.
    Random rng(3);
    for (int i = 0; i < 100; ++i) {
        const auto k = hot.next(rng);
        QVERIFY(k && (*k == "h1" || *k == "h2" || *k == "c1"));
    }
}

void TestWorkload::nullKeysAreNullAndDrawNothing()
{
    const auto d = KeyDistribution::nullKeys();
    QCOMPARE(d.kind(), KeyDistribution::Kind::NullKeys);
    QCOMPARE(d.keyCount(), std::size_t{0});
    Random rng(11);
    const auto before = rng.stateDigest();
    for (int i = 0; i < 100; ++i)
        QVERIFY(!d.next(rng).has_value());
    QCOMPARE(rng.stateDigest(), before);
}

void TestWorkload::determinism_data()
{
    QTest::addColumn<Sampler>("sampler");
    QTest::addColumn<bool>("random"); // false: the sequence does not depend on the seed and draws nothing
    QTest::addRow("uniform-keys") << keySampler(valueOf(KeyDistribution::uniform(50))) << true;
    QTest::addRow("hot-keys") << keySampler(valueOf(KeyDistribution::hotKeys(50, 3, 0.7))) << true;
    QTest::addRow("zipf-keys") << keySampler(valueOf(KeyDistribution::zipf(50, 1.2))) << true;
    QTest::addRow("null-keys") << keySampler(KeyDistribution::nullKeys()) << false;
    QTest::addRow("constant-rate") << rateSampler(valueOf(RateModel::constant(100.0))) << true;
    QTest::addRow("bursts") << rateSampler(valueOf(RateModel::bursts(100.0, SimDuration::millis(50),
                                                                    SimDuration::millis(70)))) << true;
    QTest::addRow("fixed-interval") << rateSampler(valueOf(RateModel::fixedInterval(7.0))) << false;
    QTest::addRow("value-range") << valueSampler(valueOf(ValueGenerator::uniformSize(4, 40))) << true;
    QTest::addRow("value-fixed") << valueSampler(valueOf(ValueGenerator::fixedSize(12))) << false;
}

void TestWorkload::determinism()
{
    QFETCH(Sampler, sampler);
    QFETCH(bool, random);
    Random a(42);
    Random b(42);
    Random other(43);
    const auto first = sampler(a);
    QCOMPARE(sampler(b), first);
    QCOMPARE(a.stateDigest(), b.stateDigest());
    if (random) {
        QVERIFY(sampler(other) != first);
    } else {
        const auto before = other.stateDigest();
        QCOMPARE(sampler(other), first);
        QCOMPARE(other.stateDigest(), before);
    }
}

void TestWorkload::uniformKeyFrequencies_data()
{
    QTest::addColumn<int>("keyCount");
    QTest::addColumn<bool>("listed"); // names given by the user rather than generated
    QTest::addColumn<int>("draws");
    QTest::addRow("single-key") << 1 << false << 1000;
    QTest::addRow("generated-10") << 10 << false << 100000;
    QTest::addRow("listed-3") << 3 << true << 30000;
    QTest::addRow("generated-1000") << 1000 << false << 1000000;
}

void TestWorkload::uniformKeyFrequencies()
{
    QFETCH(int, keyCount);
    QFETCH(bool, listed);
    QFETCH(int, draws);
    std::vector<std::string> names;
    for (int i = 0; i < keyCount; ++i)
        names.push_back(listed ? "user-" + std::to_string(i) : "key-" + std::to_string(i));
    const auto d = listed ? valueOf(KeyDistribution::uniform(names))
                          : valueOf(KeyDistribution::uniform(static_cast<std::size_t>(keyCount)));
    Random rng(2024);
    std::map<std::string, int> counts;
    for (int i = 0; i < draws; ++i)
        ++counts[*d.next(rng)];
    QCOMPARE(counts.size(), names.size()); // no other names, and every key drawn
    const double p = 1.0 / keyCount;
    for (const auto &name : names)
        QVERIFY2(withinBinomial(counts[name], draws, p), qPrintable(describe(counts[name], draws, p)));
}

void TestWorkload::hotKeyShare_data()
{
    QTest::addColumn<int>("keyCount");
    QTest::addColumn<int>("hotCount");
    QTest::addColumn<double>("hotShare");
    QTest::addColumn<bool>("listed");
    QTest::addRow("2-of-10-get-80pct") << 10 << 2 << 0.8 << false;
    QTest::addRow("1-of-100-gets-half") << 100 << 1 << 0.5 << false;
    QTest::addRow("listed-3-of-20-get-90pct") << 20 << 3 << 0.9 << true;
    QTest::addRow("share-0-never-hot") << 10 << 2 << 0.0 << false;
    QTest::addRow("share-1-only-hot") << 10 << 2 << 1.0 << false;
    QTest::addRow("all-hot") << 4 << 4 << 1.0 << true;
}

void TestWorkload::hotKeyShare()
{
    QFETCH(int, keyCount);
    QFETCH(int, hotCount);
    QFETCH(double, hotShare);
    QFETCH(bool, listed);
    std::vector<std::string> hot;
    std::vector<std::string> cold;
    for (int i = 0; i < keyCount; ++i)
        (i < hotCount ? hot : cold).push_back(listed ? (i < hotCount ? "hot-" : "cold-") + std::to_string(i)
                                                     : "key-" + std::to_string(i));
    const auto d = listed ? valueOf(KeyDistribution::hotKeys(hot, cold, hotShare))
                          : valueOf(KeyDistribution::hotKeys(static_cast<std::size_t>(keyCount),
                                                             static_cast<std::size_t>(hotCount), hotShare));
    const int draws = 200000;
    Random rng(77);
    std::map<std::string, int> counts;
    for (int i = 0; i < draws; ++i)
        ++counts[*d.next(rng)];

    int hotTotal = 0;
    for (const auto &h : hot)
        hotTotal += counts[h];
    QVERIFY2(withinBinomial(hotTotal, draws, hotShare), qPrintable(describe(hotTotal, draws, hotShare)));
    // Within each group the keys are equally likely.
    for (const auto &h : hot) {
        const double p = hotShare / hotCount;
        QVERIFY2(withinBinomial(counts[h], draws, p), qPrintable(QString::fromStdString(h) + ": " + describe(counts[h], draws, p)));
    }
    for (const auto &c : cold) {
        const double p = (1.0 - hotShare) / (keyCount - hotCount);
        QVERIFY2(withinBinomial(counts[c], draws, p), qPrintable(QString::fromStdString(c) + ": " + describe(counts[c], draws, p)));
    }
}

void TestWorkload::zipfFrequencies_data()
{
    QTest::addColumn<int>("keyCount");
    QTest::addColumn<double>("exponent");
    QTest::addColumn<int>("draws");
    QTest::addRow("one-key") << 1 << 1.0 << 1000;
    QTest::addRow("100-keys-s1") << 100 << 1.0 << 200000;
    QTest::addRow("100-keys-s2") << 100 << 2.0 << 200000;
    QTest::addRow("10-keys-s0.5") << 10 << 0.5 << 200000;
    QTest::addRow("million-keys-s1.1") << 1000000 << 1.1 << 200000;
}

void TestWorkload::zipfFrequencies()
{
    QFETCH(int, keyCount);
    QFETCH(double, exponent);
    QFETCH(int, draws);
    const auto n = static_cast<std::size_t>(keyCount);
    const auto d = valueOf(KeyDistribution::zipf(n, exponent));
    Random rng(31337);
    std::map<std::string, int> counts;
    for (int i = 0; i < draws; ++i)
        ++counts[*d.next(rng)];

    // The frequencies of the first ranks (key-0 is rank 1).
    const long double h = zipfNormaliser(n, exponent);
    for (std::size_t rank = 1; rank <= std::min<std::size_t>(n, 5); ++rank) {
        const double p = zipfProbability(h, exponent, rank);
        const int c = counts["key-" + std::to_string(rank - 1)];
        QVERIFY2(withinBinomial(c, draws, p), qPrintable(QStringLiteral("rank %1: ").arg(rank) + describe(c, draws, p)));
    }
    if (n < 2)
        return;
    // Rank ratios: count(1) / count(2) estimates 2^s. Delta method for a multinomial:
    // Var(log c1 - log c2) = 1/(n p1) + 1/(n p2).
    const double p1 = zipfProbability(h, exponent, 1);
    const double p2 = zipfProbability(h, exponent, 2);
    const double logRatio = std::log(static_cast<double>(counts["key-0"]) / counts["key-1"]);
    const double sigma = std::sqrt(1.0 / (draws * p1) + 1.0 / (draws * p2));
    QVERIFY2(std::abs(logRatio - exponent * std::log(2.0)) <= kSigmas * sigma,
             qPrintable(QStringLiteral("log ratio %1, expected %2 +- %3")
                            .arg(logRatio)
                            .arg(exponent * std::log(2.0))
                            .arg(kSigmas * sigma)));
}

void TestWorkload::poissonRate_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("seconds");
    // About 100000 sends each.
    QTest::addRow("10-per-s") << 10.0 << 10000;
    QTest::addRow("1000-per-s") << 1000.0 << 100;
    QTest::addRow("50000-per-s") << 50000.0 << 2;
}

void TestWorkload::poissonRate()
{
    QFETCH(double, rate);
    QFETCH(int, seconds);
    const auto m = valueOf(RateModel::constant(rate));
    QCOMPARE(m.kind(), RateModel::Kind::Constant);
    Random rng(5);
    const SimTime end = SimTime::zero() + SimDuration::seconds(seconds);
    SimTime t = SimTime::zero();
    std::vector<double> gaps;
    for (;;) {
        const SimTime next = m.nextSendAfter(t, rng);
        QVERIFY(next > t);
        if (next >= end)
            break;
        gaps.push_back(static_cast<double>((next - t).micros()));
        t = next;
    }
    // The count of a Poisson process over T has mean and variance rate * T.
    const double expected = rate * seconds;
    const auto count = static_cast<double>(gaps.size());
    QVERIFY2(std::abs(count - expected) <= kSigmas * std::sqrt(expected),
             qPrintable(QStringLiteral("%1 sends, expected %2 +- %3").arg(count).arg(expected).arg(kSigmas * std::sqrt(expected))));
    // Exponential gaps: variance = mean^2. The sample ratio var/mean^2 has a standard deviation
    // of 2/sqrt(n); sqrt(8/n) (the variance estimate's alone) is used as a generous bound. A fixed
    // interval would give 0 here.
    double mean = 0.0;
    for (double g : gaps)
        mean += g;
    mean /= count;
    double var = 0.0;
    for (double g : gaps)
        var += (g - mean) * (g - mean);
    var /= count - 1.0;
    const double cv2 = var / (mean * mean);
    QVERIFY2(std::abs(cv2 - 1.0) <= kSigmas * std::sqrt(8.0 / count), qPrintable(QStringLiteral("var/mean^2 = %1").arg(cv2)));
}

void TestWorkload::burstTiming_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("onMs");
    QTest::addColumn<int>("offMs");
    QTest::addColumn<int>("startMs");
    QTest::addColumn<int>("seconds");
    QTest::addRow("1000-per-s-200-on-300-off") << 1000.0 << 200 << 300 << 0 << 100;
    QTest::addRow("start-inside-off-period") << 1000.0 << 200 << 300 << 250 << 100;
    QTest::addRow("sparse-bursts-shorter-than-gaps") << 10.0 << 50 << 950 << 0 << 2000;
    QTest::addRow("fast-1ms-on-1ms-off") << 20000.0 << 1 << 1 << 0 << 2;
    QTest::addRow("long-off-period") << 500.0 << 100 << 10000 << 0 << 1010;
}

void TestWorkload::burstTiming()
{
    QFETCH(double, rate);
    QFETCH(int, onMs);
    QFETCH(int, offMs);
    QFETCH(int, startMs);
    QFETCH(int, seconds);
    const auto m = valueOf(RateModel::bursts(rate, SimDuration::millis(onMs), SimDuration::millis(offMs)));
    QCOMPARE(m.kind(), RateModel::Kind::Bursts);
    const std::int64_t on = onMs * 1000LL;
    const std::int64_t period = (onMs + offMs) * 1000LL;
    const SimTime start = SimTime::fromMillis(startMs);
    const SimTime end = start + SimDuration::seconds(seconds);
    Random rng(8);
    SimTime t = start;
    int count = 0;
    for (;;) {
        const SimTime next = m.nextSendAfter(t, rng);
        QVERIFY(next > t);
        if (next >= end)
            break;
        // Never in an off period: phase t mod (on + off) < on.
        QVERIFY2(next.micros() % period < on, qPrintable(QStringLiteral("send at %1 us").arg(next.micros())));
        t = next;
        ++count;
    }
    // During on-periods the sends are a Poisson process of `rate`: the count over the on-time T
    // has mean and variance rate * T.
    const double onSeconds = static_cast<double>(onTimeBetween(start.micros(), end.micros(), on, period - on)) / 1e6;
    const double expected = rate * onSeconds;
    QVERIFY2(std::abs(count - expected) <= kSigmas * std::sqrt(expected),
             qPrintable(QStringLiteral("%1 sends, expected %2 +- %3").arg(count).arg(expected).arg(kSigmas * std::sqrt(expected))));
}

void TestWorkload::fixedIntervalExact_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<qint64>("nowUs");
    QTest::addColumn<QList<qint64>>("expected"); // the next sends, each computed from the previous one
    QTest::addRow("4-per-s-from-0") << 4.0 << qint64{0} << QList<qint64>{250000, 500000, 750000, 1000000};
    QTest::addRow("3-per-s-rounds-to-us") << 3.0 << qint64{0} << QList<qint64>{333333, 666667, 1000000, 1333333};
    QTest::addRow("from-a-grid-point") << 4.0 << qint64{500000} << QList<qint64>{750000, 1000000};
    QTest::addRow("between-grid-points") << 4.0 << qint64{100} << QList<qint64>{250000, 500000};
    QTest::addRow("just-before-a-grid-point") << 4.0 << qint64{249999} << QList<qint64>{250000, 500000};
    QTest::addRow("max-rate-every-us") << 1e6 << qint64{0} << QList<qint64>{1, 2, 3, 4};
    QTest::addRow("half-per-s") << 0.5 << qint64{1} << QList<qint64>{2000000, 4000000};
    QTest::addRow("7-per-s-late") << 7.0 << qint64{3600000000} << QList<qint64>{3600142857, 3600285714};
}

void TestWorkload::fixedIntervalExact()
{
    QFETCH(double, rate);
    QFETCH(qint64, nowUs);
    QFETCH(QList<qint64>, expected);
    const auto m = valueOf(RateModel::fixedInterval(rate));
    QCOMPARE(m.kind(), RateModel::Kind::FixedInterval);
    Random rng(1);
    const auto before = rng.stateDigest();
    SimTime t = SimTime::fromMicros(nowUs);
    QList<qint64> actual;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        t = m.nextSendAfter(t, rng);
        actual << t.micros();
    }
    QCOMPARE(actual, expected);
    QCOMPARE(rng.stateDigest(), before); // no randomness
}

void TestWorkload::fixedIntervalHasNoDrift()
{
    // 3 per second cannot be a whole number of microseconds apart; the grid still lands every
    // third send on a whole second, for as long as the run lasts.
    const auto m = valueOf(RateModel::fixedInterval(3.0));
    Random rng(1);
    SimTime t = SimTime::zero();
    for (int i = 1; i <= 3 * 3600; ++i) {
        const SimTime next = m.nextSendAfter(t, rng);
        const std::int64_t gap = (next - t).micros();
        QVERIFY2(gap == 333333 || gap == 333334, qPrintable(QString::number(gap)));
        t = next;
        if (i % 3 == 0)
            QCOMPARE(t.micros(), std::int64_t{i / 3} * 1000000);
    }
}

void TestWorkload::averageRates()
{
    QCOMPARE(valueOf(RateModel::constant(250.0)).averageRecordsPerSecond(), 250.0);
    QCOMPARE(valueOf(RateModel::fixedInterval(3.0)).averageRecordsPerSecond(), 3.0);
    const auto b = valueOf(RateModel::bursts(1000.0, SimDuration::millis(200), SimDuration::millis(300)));
    QCOMPARE(b.recordsPerSecond(), 1000.0);
    QCOMPARE(b.averageRecordsPerSecond(), 400.0);
}

void TestWorkload::fixedSizeValues_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<qulonglong>("sequence");
    QTest::addColumn<QString>("expected");
    QTest::addRow("padded") << 16 << "orders" << qulonglong{7} << "orders#7........";
    QTest::addRow("exact-label") << 8 << "orders" << qulonglong{7} << "orders#7";
    QTest::addRow("cut-to-size") << 4 << "orders" << qulonglong{12345} << "orde";
    QTest::addRow("empty-value") << 0 << "orders" << qulonglong{1} << "";
    QTest::addRow("large-sequence") << 26 << "p" << qulonglong{18446744073709551615ULL} << "p#18446744073709551615....";
}

void TestWorkload::fixedSizeValues()
{
    QFETCH(int, size);
    QFETCH(QString, clientId);
    QFETCH(qulonglong, sequence);
    QFETCH(QString, expected);
    const auto g = valueOf(ValueGenerator::fixedSize(static_cast<std::size_t>(size)));
    QCOMPARE(g.minBytes(), static_cast<std::size_t>(size));
    QCOMPARE(g.maxBytes(), static_cast<std::size_t>(size));
    Random rng(9);
    const auto before = rng.stateDigest();
    const std::string v = g.next(clientId.toStdString(), sequence, rng);
    QCOMPARE(v.size(), static_cast<std::size_t>(size));
    QCOMPARE(QString::fromStdString(v), expected);
    QCOMPARE(rng.stateDigest(), before); // a fixed size draws nothing
}

void TestWorkload::valueSizeRange()
{
    const auto g = valueOf(ValueGenerator::uniformSize(10, 14));
    Random rng(4);
    const int draws = 10000;
    std::map<std::size_t, int> sizes;
    for (int i = 0; i < draws; ++i) {
        const std::string v = g.next("prod", static_cast<std::uint64_t>(i), rng);
        QVERIFY(v.size() >= 10 && v.size() <= 14);
        QVERIFY(v.starts_with(std::string("prod#" + std::to_string(i)).substr(0, v.size())));
        ++sizes[v.size()];
    }
    QCOMPARE(sizes.size(), std::size_t{5});
    for (const auto &[size, c] : sizes)
        QVERIFY2(withinBinomial(c, draws, 0.2), qPrintable(QStringLiteral("size %1: ").arg(size) + describe(c, draws, 0.2)));
}

QTEST_APPLESS_MAIN(TestWorkload)
#include "tst_workload.moc"
