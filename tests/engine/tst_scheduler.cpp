// The discrete-event scheduler: total order (simTime, priority, sequence), cancellation, capped runs.
#include "core/scheduler.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace kafkascope;

class TestScheduler : public QObject
{
    Q_OBJECT

private slots:
    void emptyRunMovesClock();
    void ordersByTimeThenPriorityThenSequence();
    void eventsScheduledNowRunInSameCall();
    void pastIsClampedToNow();
    void cancelledEventNeverRuns();
    void staleIdDoesNotCancelALaterEvent();
    void cappedRunKeepsOrderAcrossCalls();
    void stepRunsOneEvent();
    void boundaryEventAtUntilRuns();
    void heldOwnerWaitsForRelease();
    void releaseKeepsTheOrderEventsCameUpIn();
    void heldEventCanBeCancelled();
    void holdingIsPerOwner();
};

void TestScheduler::emptyRunMovesClock()
{
    Scheduler s;
    QCOMPARE(s.runUntil(SimTime::fromMillis(500)), std::size_t{0});
    QCOMPARE(s.now(), SimTime::fromMillis(500));
    QVERIFY(!s.step());
}

void TestScheduler::ordersByTimeThenPriorityThenSequence()
{
    Scheduler s;
    std::vector<std::string> order;
    s.schedule(SimTime::fromMillis(20), EventPriority::Timer, [&] { order.push_back("t20-timer"); });
    s.schedule(SimTime::fromMillis(10), EventPriority::Timer, [&] { order.push_back("t10-timer-a"); });
    s.schedule(SimTime::fromMillis(10), EventPriority::Network, [&] { order.push_back("t10-network"); });
    s.schedule(SimTime::fromMillis(10), EventPriority::Timer, [&] { order.push_back("t10-timer-b"); });
    s.schedule(SimTime::fromMillis(10), EventPriority::Control, [&] { order.push_back("t10-control"); });
    s.runUntil(SimTime::fromMillis(100));
    const std::vector<std::string> expected{"t10-control", "t10-network", "t10-timer-a", "t10-timer-b", "t20-timer"};
    QCOMPARE(order, expected);
    QCOMPARE(s.eventsRun(), std::uint64_t{5});
}

void TestScheduler::eventsScheduledNowRunInSameCall()
{
    Scheduler s;
    int ran = 0;
    s.schedule(SimTime::fromMillis(5), EventPriority::Timer, [&] {
        ++ran;
        s.scheduleAfter(SimDuration{}, EventPriority::Timer, [&] { ++ran; });
    });
    s.runUntil(SimTime::fromMillis(5));
    QCOMPARE(ran, 2);
}

void TestScheduler::pastIsClampedToNow()
{
    Scheduler s;
    s.runUntil(SimTime::fromMillis(100));
    SimTime seen;
    s.schedule(SimTime::fromMillis(50), EventPriority::Timer, [&] { seen = s.now(); });
    s.runUntil(SimTime::fromMillis(100));
    QCOMPARE(seen, SimTime::fromMillis(100));
}

void TestScheduler::cancelledEventNeverRuns()
{
    Scheduler s;
    bool ran = false;
    const auto id = s.schedule(SimTime::fromMillis(10), EventPriority::Timer, [&] { ran = true; });
    QCOMPARE(s.pendingCount(), std::size_t{1});
    s.cancel(id);
    s.cancel(id);     // twice is harmless
    s.cancel(Scheduler::EventId{12345, 7}); // unknown is harmless
    s.cancel(Scheduler::EventId{});
    QCOMPARE(s.pendingCount(), std::size_t{0});
    QVERIFY(!s.nextEventTime().has_value());
    s.runUntil(SimTime::fromMillis(20));
    QVERIFY(!ran);
}

void TestScheduler::staleIdDoesNotCancelALaterEvent()
{
    // Slots are reused: the id of an event that ran (or was cancelled) must not reach the event
    // that now occupies its slot.
    Scheduler s;
    int ran = 0;
    const auto first = s.schedule(SimTime::fromMillis(1), EventPriority::Timer, [&] { ++ran; });
    s.runUntil(SimTime::fromMillis(1));
    const auto second = s.schedule(SimTime::fromMillis(5), EventPriority::Timer, [&] { ran += 10; });
    QCOMPARE(second.slot, first.slot);
    s.cancel(first);
    QCOMPARE(s.pendingCount(), std::size_t{1});
    const auto third = s.schedule(SimTime::fromMillis(6), EventPriority::Timer, [&] { ran += 100; });
    s.cancel(third);
    s.cancel(third);
    const auto fourth = s.schedule(SimTime::fromMillis(7), EventPriority::Timer, [&] { ran += 1000; });
    QVERIFY(fourth.slot != third.slot); // a cancelled event keeps its slot until its time comes
    s.runUntil(SimTime::fromMillis(10));
    QCOMPARE(ran, 1011);
    QCOMPARE(s.pendingCount(), std::size_t{0});
}

void TestScheduler::cappedRunKeepsOrderAcrossCalls()
{
    Scheduler capped;
    Scheduler whole;
    std::vector<int> a;
    std::vector<int> b;
    for (int i = 0; i < 10; ++i) {
        capped.schedule(SimTime::fromMillis(i % 3), EventPriority::Timer, [&a, i] { a.push_back(i); });
        whole.schedule(SimTime::fromMillis(i % 3), EventPriority::Timer, [&b, i] { b.push_back(i); });
    }
    std::size_t total = 0;
    while (total < 10) {
        const std::size_t ran = capped.runUntil(SimTime::fromMillis(10), 3);
        QVERIFY(ran <= 3);
        total += ran;
        if (total < 10)
            QVERIFY(capped.now() <= SimTime::fromMillis(2)); // a capped run does not jump ahead
    }
    whole.runUntil(SimTime::fromMillis(10));
    QCOMPARE(a, b);
    QCOMPARE(capped.now(), SimTime::fromMillis(10));
}

void TestScheduler::stepRunsOneEvent()
{
    Scheduler s;
    int ran = 0;
    s.schedule(SimTime::fromMillis(3), EventPriority::Timer, [&] { ++ran; });
    s.schedule(SimTime::fromMillis(4), EventPriority::Timer, [&] { ++ran; });
    QVERIFY(s.step());
    QCOMPARE(ran, 1);
    QCOMPARE(s.now(), SimTime::fromMillis(3));
}

void TestScheduler::boundaryEventAtUntilRuns()
{
    Scheduler s;
    bool ran = false;
    s.schedule(SimTime::fromMillis(10), EventPriority::Timer, [&] { ran = true; });
    s.runUntil(SimTime::fromMicros(9999));
    QVERIFY(!ran);
    s.runUntil(SimTime::fromMillis(10));
    QVERIFY(ran);
}

void TestScheduler::heldOwnerWaitsForRelease()
{
    Scheduler s;
    std::vector<std::string> order;
    s.scheduleFor(7, SimTime::fromMillis(10), EventPriority::Timer, [&] { order.push_back("owned@" + std::to_string(s.now().millis())); });
    s.schedule(SimTime::fromMillis(20), EventPriority::Timer, [&] { order.push_back("free@" + std::to_string(s.now().millis())); });
    s.hold(7);
    QVERIFY(s.isHeld(7));
    s.runUntil(SimTime::fromMillis(50));
    QCOMPARE(order, std::vector<std::string>{"free@20"});
    QCOMPARE(s.heldCount(7), std::size_t{1});
    QCOMPARE(s.pendingCount(), std::size_t{1}); // the held event is still to run
    s.release(7);
    QVERIFY(!s.isHeld(7));
    s.runUntil(SimTime::fromMillis(50)); // released at 50: runs at 50, not at its old time
    const std::vector<std::string> expected{"free@20", "owned@50"};
    QCOMPARE(order, expected);
    QCOMPARE(s.pendingCount(), std::size_t{0});
    s.release(7); // not held: nothing happens
    QCOMPARE(s.pendingCount(), std::size_t{0});
}

void TestScheduler::releaseKeepsTheOrderEventsCameUpIn()
{
    // A timer that came up before a message keeps running first after the release, although
    // timers otherwise run after messages of the same simTime.
    Scheduler s;
    std::vector<std::string> order;
    s.hold(1);
    s.scheduleFor(1, SimTime::fromMillis(3), EventPriority::Timer, [&] { order.push_back("timer@3"); });
    s.scheduleFor(1, SimTime::fromMillis(5), EventPriority::Network, [&] { order.push_back("message@5"); });
    s.scheduleFor(1, SimTime::fromMillis(5), EventPriority::Timer, [&] { order.push_back("timer@5"); });
    s.scheduleFor(1, SimTime::fromMillis(4), EventPriority::Control, [&] { order.push_back("control@4"); });
    s.runUntil(SimTime::fromMillis(10));
    QVERIFY(order.empty());
    QCOMPARE(s.heldCount(1), std::size_t{4});
    s.schedule(SimTime::fromMillis(10), EventPriority::Timer, [&] { order.push_back("other-timer@10"); });
    s.release(1);
    s.runUntil(SimTime::fromMillis(10));
    const std::vector<std::string> expected{"timer@3", "control@4", "message@5", "timer@5", "other-timer@10"};
    QCOMPARE(order, expected);
}

void TestScheduler::heldEventCanBeCancelled()
{
    Scheduler s;
    int ran = 0;
    s.hold(2);
    const auto id = s.scheduleFor(2, SimTime::fromMillis(1), EventPriority::Timer, [&] { ++ran; });
    s.scheduleFor(2, SimTime::fromMillis(2), EventPriority::Timer, [&] { ran += 10; });
    s.runUntil(SimTime::fromMillis(5));
    QCOMPARE(s.heldCount(2), std::size_t{2});
    s.cancel(id);
    QCOMPARE(s.heldCount(2), std::size_t{1});
    QCOMPARE(s.pendingCount(), std::size_t{1});
    s.release(2);
    s.runUntil(SimTime::fromMillis(5));
    QCOMPARE(ran, 10);
    QCOMPARE(s.pendingCount(), std::size_t{0});
}

void TestScheduler::holdingIsPerOwner()
{
    Scheduler s;
    std::vector<int> ran;
    s.scheduleFor(1, SimTime::fromMillis(1), EventPriority::Timer, [&] { ran.push_back(1); });
    s.scheduleFor(2, SimTime::fromMillis(1), EventPriority::Timer, [&] { ran.push_back(2); });
    s.schedule(SimTime::fromMillis(1), EventPriority::Timer, [&] { ran.push_back(0); });
    s.hold(1);
    s.hold(1); // twice: still one hold
    s.runUntil(SimTime::fromMillis(2));
    QCOMPARE(ran, (std::vector<int>{2, 0}));
    QVERIFY(!s.isHeld(2));
    s.release(1);
    s.runUntil(SimTime::fromMillis(2));
    QCOMPARE(ran, (std::vector<int>{2, 0, 1}));
}

QTEST_APPLESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
