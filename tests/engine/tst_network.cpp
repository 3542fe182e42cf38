// The simulated network: latency, jitter, loss, partitions, paused and slow nodes.
#include "cluster/network.h"

#include <QtTest>

using namespace kafkascope;

class TestNetwork : public QObject
{
    Q_OBJECT

private slots:
    void deliversAfterDefaultLatency();
    void linkLatencyIsSymmetric();
    void slowNodeAddsDelay();
    void jitterStaysInRangeAndIsSeeded();
    void lossDropsAboutThatShare();
    void partitionDropsAcrossSidesOnly();
    void partitionStartingInFlightDrops();
    void pausedNodeReceivesNothing();
};

void TestNetwork::deliversAfterDefaultLatency()
{
    Scheduler s;
    Random rng(1);
    SimNetwork net(s, rng);
    SimTime arrived;
    const auto at = net.send(0, 1, [&] { arrived = s.now(); });
    QVERIFY(at.has_value());
    s.runUntil(SimTime::fromMillis(100));
    QCOMPARE(arrived, SimTime::fromMillis(2));
    QCOMPARE(*at, SimTime::fromMillis(2));
    QCOMPARE(net.messagesSent(), std::uint64_t{1});
    QCOMPARE(net.messagesDropped(), std::uint64_t{0});
}

void TestNetwork::linkLatencyIsSymmetric()
{
    Scheduler s;
    Random rng(1);
    SimNetwork net(s, rng);
    net.setLinkLatency(3, 7, SimDuration::millis(40));
    QCOMPARE(*net.send(7, 3, [] {}), SimTime::fromMillis(40));
    QCOMPARE(*net.send(3, 7, [] {}), SimTime::fromMillis(40));
    QCOMPARE(*net.send(3, 8, [] {}), SimTime::fromMillis(2));
}

void TestNetwork::slowNodeAddsDelay()
{
    Scheduler s;
    Random rng(1);
    SimNetwork net(s, rng);
    net.setNodeDelay(5, SimDuration::millis(100));
    QCOMPARE(*net.send(1, 5, [] {}), SimTime::fromMillis(102));
    QCOMPARE(*net.send(5, 1, [] {}), SimTime::fromMillis(102));
    net.setNodeDelay(5, SimDuration{});
    QCOMPARE(*net.send(1, 5, [] {}), SimTime::fromMillis(2));
}

void TestNetwork::jitterStaysInRangeAndIsSeeded()
{
    auto arrivals = [](std::uint64_t seed) {
        Scheduler s;
        Random rng(seed);
        SimNetwork net(s, rng);
        net.setJitter(SimDuration::millis(5));
        std::vector<std::int64_t> out;
        for (int i = 0; i < 200; ++i)
            out.push_back(net.send(0, 1, [] {})->micros());
        return out;
    };
    const auto a = arrivals(9);
    QCOMPARE(a, arrivals(9));
    QVERIFY(a != arrivals(10));
    for (std::int64_t us : a)
        QVERIFY(us >= 2000 && us <= 7000);
    QVERIFY(*std::max_element(a.begin(), a.end()) > 6000); // the range is used
}

void TestNetwork::lossDropsAboutThatShare()
{
    Scheduler s;
    Random rng(4);
    SimNetwork net(s, rng);
    net.setLossProbability(0.25);
    int delivered = 0;
    for (int i = 0; i < 4000; ++i)
        net.send(0, 1, [&] { ++delivered; });
    s.runUntil(SimTime::fromMillis(10));
    QVERIFY2(std::abs(delivered - 3000) < 150, qPrintable(QString::number(delivered))); // ~5 sigma
    QCOMPARE(net.messagesDropped(), std::uint64_t(4000 - delivered));
}

void TestNetwork::partitionDropsAcrossSidesOnly()
{
    Scheduler s;
    Random rng(1);
    SimNetwork net(s, rng);
    net.partition({0, 1}, {2});
    int a = 0;
    int b = 0;
    int c = 0;
    net.send(0, 2, [&] { ++a; });
    net.send(2, 1, [&] { ++b; });
    net.send(0, 1, [&] { ++c; });
    s.runUntil(SimTime::fromMillis(10));
    QCOMPARE(a + b, 0);
    QCOMPARE(c, 1);
    QVERIFY(!net.canReach(1, 2));
    net.heal();
    net.send(0, 2, [&] { ++a; });
    s.runUntil(SimTime::fromMillis(20));
    QCOMPARE(a, 1);
}

void TestNetwork::partitionStartingInFlightDrops()
{
    Scheduler s;
    Random rng(1);
    SimNetwork net(s, rng);
    bool delivered = false;
    net.send(0, 1, [&] { delivered = true; });
    s.runUntil(SimTime::fromMillis(1));
    net.partition({0}, {1});
    s.runUntil(SimTime::fromMillis(10));
    QVERIFY(!delivered);
}

void TestNetwork::pausedNodeReceivesNothing()
{
    Scheduler s;
    Random rng(1);
    SimNetwork net(s, rng);
    int got = 0;
    net.pause(1);
    net.send(0, 1, [&] { ++got; });
    s.runUntil(SimTime::fromMillis(10));
    QCOMPARE(got, 0);
    net.resume(1);
    net.send(0, 1, [&] { ++got; });
    s.runUntil(SimTime::fromMillis(20));
    QCOMPARE(got, 1);
}

QTEST_APPLESS_MAIN(TestNetwork)
#include "tst_network.moc"
