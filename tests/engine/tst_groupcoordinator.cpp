// Kafka's classic group coordinator: every request type in every group state (table-driven), and
// scenarios ported from Kafka's GroupCoordinatorTest / GroupMetadataTest: join and sync, KIP-394
// member ids, the initial rebalance delay, session and rebalance timeouts, leader changes, static
// membership (KIP-345), protocol selection, offsets, coordinator failover and the
// __consumer_offsets partition of a group id.
#include "group/group_coordinator.h"

#include "core/scheduler.h"

#include <QtTest>

#include <limits>
#include <memory>
#include <optional>

using namespace kafkascope;

namespace {

const std::string kGroup = "group";
constexpr std::int32_t kSessionMs = 10000;
constexpr std::int32_t kRebalanceMs = 30000;

GroupProtocol proto(const std::string &name, std::vector<std::string> topics = {"t"})
{
    return GroupProtocol{name, ConsumerSubscription{std::move(topics), {}, kNoGeneration}};
}

struct Recorder : GroupCoordinatorObserver {
    std::vector<GroupEvent> events;
    void onGroupEvent(const GroupEvent &e) override { events.push_back(e); }
    template <class T>
    [[nodiscard]] std::vector<T> all() const
    {
        std::vector<T> out;
        for (const GroupEvent &e : events) {
            if (const T *t = std::get_if<T>(&e.data))
                out.push_back(*t);
        }
        return out;
    }
};

template <class R>
using Slot = std::shared_ptr<std::optional<R>>;

struct Harness {
    Scheduler sched;
    GroupCoordinator coord;
    Recorder rec;

    explicit Harness(GroupCoordinatorConfig config = {}) : coord(BrokerId{1}, sched, config)
    {
        coord.setObserver(&rec);
        coord.startup();
        coord.activate(coord.partitionFor(kGroup));
    }

    void runFor(std::int64_t ms) { sched.runUntil(sched.now() + SimDuration::millis(ms)); }

    static JoinGroupRequest joinRequest(const std::string &memberId, const std::string &clientId,
                                        std::vector<GroupProtocol> protocols = {proto("range")},
                                        std::optional<std::string> instanceId = std::nullopt)
    {
        JoinGroupRequest r;
        r.groupId = kGroup;
        r.memberId = memberId;
        r.clientId = clientId;
        r.groupInstanceId = std::move(instanceId);
        r.sessionTimeoutMs = kSessionMs;
        r.rebalanceTimeoutMs = kRebalanceMs;
        r.protocols = std::move(protocols);
        return r;
    }

    Slot<JoinGroupResponse> join(const JoinGroupRequest &r)
    {
        auto slot = std::make_shared<std::optional<JoinGroupResponse>>();
        coord.handleJoinGroup(r, [slot](const JoinGroupResponse &resp) { *slot = resp; });
        return slot;
    }
    Slot<SyncGroupResponse> sync(const std::string &memberId, std::int32_t generation, GroupAssignment assignments = {},
                                 std::optional<std::string> instanceId = std::nullopt)
    {
        SyncGroupRequest r;
        r.groupId = kGroup;
        r.memberId = memberId;
        r.generationId = generation;
        r.groupInstanceId = std::move(instanceId);
        r.assignments = std::move(assignments);
        auto slot = std::make_shared<std::optional<SyncGroupResponse>>();
        coord.handleSyncGroup(r, [slot](const SyncGroupResponse &resp) { *slot = resp; });
        return slot;
    }
    GroupError heartbeat(const std::string &memberId, std::int32_t generation,
                         std::optional<std::string> instanceId = std::nullopt)
    {
        std::optional<GroupError> out;
        coord.handleHeartbeat(HeartbeatRequest{kGroup, generation, memberId, std::move(instanceId)},
                              [&out](const HeartbeatResponse &r) { out = r.error; });
        if (!out)
            qFatal("heartbeat not answered");
        return *out;
    }
    LeaveGroupResponse leave(std::vector<MemberIdentity> members)
    {
        std::optional<LeaveGroupResponse> out;
        coord.handleLeaveGroup(LeaveGroupRequest{kGroup, std::move(members)},
                               [&out](const LeaveGroupResponse &r) { out = r; });
        if (!out)
            qFatal("leave not answered");
        return *out;
    }
    OffsetCommitResponse commit(const std::string &memberId, std::int32_t generation,
                                std::map<TopicPartition, OffsetCommitEntry> offsets)
    {
        OffsetCommitRequest r;
        r.groupId = kGroup;
        r.memberId = memberId;
        r.generationId = generation;
        r.offsets = std::move(offsets);
        std::optional<OffsetCommitResponse> out;
        coord.handleOffsetCommit(r, [&out](const OffsetCommitResponse &resp) { out = resp; });
        if (!out)
            qFatal("commit not answered");
        return *out;
    }
    OffsetFetchResponse fetch(std::optional<std::vector<TopicPartition>> partitions)
    {
        std::optional<OffsetFetchResponse> out;
        coord.handleOffsetFetch(OffsetFetchRequest{kGroup, std::move(partitions)},
                                [&out](const OffsetFetchResponse &r) { out = r; });
        if (!out)
            qFatal("fetch not answered");
        return *out;
    }

    // KIP-394: the first JoinGroup of a dynamic member only returns its member id.
    std::string memberIdFor(const std::string &clientId)
    {
        const auto r = join(joinRequest("", clientId));
        if (!r->has_value() || (*r)->error != GroupError::MemberIdRequired)
            qFatal("expected MEMBER_ID_REQUIRED");
        return (*r)->memberId;
    }

    [[nodiscard]] std::optional<GroupState> state() const { return coord.groupState(kGroup); }
    [[nodiscard]] GroupSnapshot snapshot() const { return *coord.describeGroup(kGroup); }
};

QString stateName(const std::optional<GroupState> &s)
{
    return s ? QString::fromLatin1(groupStateName(*s)) : QStringLiteral("none");
}

// Two dynamic members, "a" (leader) and "b", through their first join phase: CompletingRebalance,
// generation 1.
struct TwoMembers {
    std::string a;
    std::string b;
    Slot<JoinGroupResponse> joinA;
    Slot<JoinGroupResponse> joinB;
};

TwoMembers joinTwo(Harness &h)
{
    TwoMembers m;
    m.a = h.memberIdFor("a");
    m.b = h.memberIdFor("b");
    m.joinA = h.join(Harness::joinRequest(m.a, "a"));
    m.joinB = h.join(Harness::joinRequest(m.b, "b"));
    // b joined during the initial delay, which therefore runs twice.
    h.runFor(6000);
    if (!m.joinA->has_value() || !m.joinB->has_value())
        qFatal("join phase did not complete");
    return m;
}

TwoMembers stableTwo(Harness &h)
{
    TwoMembers m = joinTwo(h);
    GroupAssignment assignment{{m.a, {TopicPartition{"t", PartitionId{0}}}}, {m.b, {TopicPartition{"t", PartitionId{1}}}}};
    auto syncA = h.sync(m.a, 1, assignment);
    auto syncB = h.sync(m.b, 1);
    if (!syncA->has_value() || !syncB->has_value())
        qFatal("sync did not complete");
    return m;
}

// Kafka's GroupMetadata iteration-order independent checks use these ids.
std::int32_t javaHash(const char *s) { return javaStringHashCode(s); }

} // namespace

class TestGroupCoordinator : public QObject
{
    Q_OBJECT

private slots:
    void requestInEveryState_data();
    void requestInEveryState();
    void joinSyncHappyPath();
    void memberIdRequired();
    void pendingMemberBlocksJoinUntilSessionTimeout();
    void initialRebalanceDelay();
    void initialRebalanceDelayExtendsUpToRebalanceTimeout();
    void sessionTimeoutTriggersRebalance();
    void heartbeatsKeepSessionAlive();
    void rebalanceTimeoutRemovesMemberThatDidNotRejoin();
    void leaderLeaves();
    void leaderFailsToRejoin();
    void followerSyncWaitsForLeader();
    void missingSyncRemovedAfterRebalanceTimeout();
    void leaderWithoutSyncOrHeartbeatExpires();
    void staticMemberRejoinWithoutRebalance();
    void staticLeaderRejoin_data();
    void staticLeaderRejoin();
    void staticMemberRejoinChangingProtocolRebalances();
    void staticMemberRejoinDuringJoinFencesOldRequest();
    void protocolVote_data();
    void protocolVote();
    void inconsistentProtocolType();
    void offsetCommitAndFetch();
    void offsetCommitErrors();
    void groupMaxSize();
    void coordinatorFailover();
    void coordinatorNotStarted();
    void groupPartition_data();
    void groupPartition();
    void lastMemberLeavingEmptiesGroup();
    void newMemberJoinTimeout();
    void leavePendingAndStaticByInstanceId();
    void staticFollowerReplacedWhileAwaitingSync();
    void rejoinDuringCompletingResendsGeneration();
    void stateHashIndependentOfStepSize();
};

// ---------------------------------------------------------------------------------------------
// Every request in every state

void TestGroupCoordinator::requestInEveryState_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("expected"); // Kafka error name, or "parked"
    QTest::addColumn<QString>("after");    // the group's state afterwards, "none" when there is no group

    struct Row {
        const char *request;
        const char *none;
        const char *empty;
        const char *preparing;
        const char *completing;
        const char *stable;
    };
    // Each cell: "<expected>/<state after>".
    const Row rows[] = {
        {"join-new", "MEMBER_ID_REQUIRED/Empty", "MEMBER_ID_REQUIRED/Empty", "MEMBER_ID_REQUIRED/PreparingRebalance",
         "MEMBER_ID_REQUIRED/CompletingRebalance", "MEMBER_ID_REQUIRED/Stable"},
        {"join-new-static", "parked/PreparingRebalance", "parked/PreparingRebalance", "parked/PreparingRebalance",
         "parked/PreparingRebalance", "parked/PreparingRebalance"},
        {"join-known", "UNKNOWN_MEMBER_ID/none", "UNKNOWN_MEMBER_ID/Empty", "NONE/CompletingRebalance",
         "NONE/CompletingRebalance", "NONE/Stable"},
        {"join-known-changed", "UNKNOWN_MEMBER_ID/none", "UNKNOWN_MEMBER_ID/Empty", "NONE/CompletingRebalance",
         "parked/PreparingRebalance", "parked/PreparingRebalance"},
        {"join-unknown-member", "UNKNOWN_MEMBER_ID/none", "UNKNOWN_MEMBER_ID/Empty",
         "UNKNOWN_MEMBER_ID/PreparingRebalance", "UNKNOWN_MEMBER_ID/CompletingRebalance", "UNKNOWN_MEMBER_ID/Stable"},
        {"join-bad-session-timeout", "INVALID_SESSION_TIMEOUT/none", "INVALID_SESSION_TIMEOUT/Empty",
         "INVALID_SESSION_TIMEOUT/PreparingRebalance", "INVALID_SESSION_TIMEOUT/CompletingRebalance",
         "INVALID_SESSION_TIMEOUT/Stable"},
        {"join-other-protocol", "MEMBER_ID_REQUIRED/Empty", "MEMBER_ID_REQUIRED/Empty",
         "INCONSISTENT_GROUP_PROTOCOL/PreparingRebalance", "INCONSISTENT_GROUP_PROTOCOL/CompletingRebalance",
         "INCONSISTENT_GROUP_PROTOCOL/Stable"},
        {"join-empty-group-id", "INVALID_GROUP_ID/none", "INVALID_GROUP_ID/Empty", "INVALID_GROUP_ID/PreparingRebalance",
         "INVALID_GROUP_ID/CompletingRebalance", "INVALID_GROUP_ID/Stable"},
        {"sync", "UNKNOWN_MEMBER_ID/none", "UNKNOWN_MEMBER_ID/Empty", "REBALANCE_IN_PROGRESS/PreparingRebalance",
         "parked/CompletingRebalance", "NONE/Stable"},
        {"sync-old-generation", "UNKNOWN_MEMBER_ID/none", "UNKNOWN_MEMBER_ID/Empty",
         "ILLEGAL_GENERATION/PreparingRebalance", "ILLEGAL_GENERATION/CompletingRebalance", "ILLEGAL_GENERATION/Stable"},
        {"sync-unknown-member", "UNKNOWN_MEMBER_ID/none", "UNKNOWN_MEMBER_ID/Empty",
         "UNKNOWN_MEMBER_ID/PreparingRebalance", "UNKNOWN_MEMBER_ID/CompletingRebalance", "UNKNOWN_MEMBER_ID/Stable"},
        {"sync-wrong-protocol", "UNKNOWN_MEMBER_ID/none", "UNKNOWN_MEMBER_ID/Empty",
         "INCONSISTENT_GROUP_PROTOCOL/PreparingRebalance", "INCONSISTENT_GROUP_PROTOCOL/CompletingRebalance",
         "INCONSISTENT_GROUP_PROTOCOL/Stable"},
        {"heartbeat", "UNKNOWN_MEMBER_ID/none", "UNKNOWN_MEMBER_ID/Empty", "REBALANCE_IN_PROGRESS/PreparingRebalance",
         "NONE/CompletingRebalance", "NONE/Stable"},
        {"heartbeat-old-generation", "UNKNOWN_MEMBER_ID/none", "UNKNOWN_MEMBER_ID/Empty",
         "ILLEGAL_GENERATION/PreparingRebalance", "ILLEGAL_GENERATION/CompletingRebalance", "ILLEGAL_GENERATION/Stable"},
        {"heartbeat-unknown-member", "UNKNOWN_MEMBER_ID/none", "UNKNOWN_MEMBER_ID/Empty",
         "UNKNOWN_MEMBER_ID/PreparingRebalance", "UNKNOWN_MEMBER_ID/CompletingRebalance", "UNKNOWN_MEMBER_ID/Stable"},
        {"leave", "UNKNOWN_MEMBER_ID/none", "UNKNOWN_MEMBER_ID/Empty", "NONE/CompletingRebalance",
         "NONE/PreparingRebalance", "NONE/PreparingRebalance"},
        {"leave-unknown-member", "UNKNOWN_MEMBER_ID/none", "UNKNOWN_MEMBER_ID/Empty",
         "UNKNOWN_MEMBER_ID/PreparingRebalance", "UNKNOWN_MEMBER_ID/CompletingRebalance", "UNKNOWN_MEMBER_ID/Stable"},
        {"commit", "ILLEGAL_GENERATION/none", "UNKNOWN_MEMBER_ID/Empty", "NONE/PreparingRebalance",
         "REBALANCE_IN_PROGRESS/CompletingRebalance", "NONE/Stable"},
        {"commit-simple", "NONE/Empty", "NONE/Empty", "UNKNOWN_MEMBER_ID/PreparingRebalance",
         "UNKNOWN_MEMBER_ID/CompletingRebalance", "UNKNOWN_MEMBER_ID/Stable"},
        {"commit-old-generation", "ILLEGAL_GENERATION/none", "UNKNOWN_MEMBER_ID/Empty",
         "ILLEGAL_GENERATION/PreparingRebalance", "ILLEGAL_GENERATION/CompletingRebalance", "ILLEGAL_GENERATION/Stable"},
        {"commit-unknown-member", "ILLEGAL_GENERATION/none", "UNKNOWN_MEMBER_ID/Empty",
         "UNKNOWN_MEMBER_ID/PreparingRebalance", "UNKNOWN_MEMBER_ID/CompletingRebalance", "UNKNOWN_MEMBER_ID/Stable"},
        {"fetch", "NONE/none", "NONE/Empty", "NONE/PreparingRebalance", "NONE/CompletingRebalance", "NONE/Stable"},
    };
    const auto add = [](const char *state, const char *request, const char *cell) {
        const QString c = QString::fromLatin1(cell);
        const qsizetype slash = c.indexOf(QLatin1Char('/'));
        QTest::addRow("%s-%s", state, request) << QString::fromLatin1(state) << QString::fromLatin1(request)
                                               << c.left(slash) << c.mid(slash + 1);
    };
    for (const Row &r : rows) {
        add("none", r.request, r.none);
        add("Empty", r.request, r.empty);
        add("PreparingRebalance", r.request, r.preparing);
        add("CompletingRebalance", r.request, r.completing);
        add("Stable", r.request, r.stable);
        // A coordinator that gave up the group's partition answers everything NOT_COORDINATOR.
        add("unloaded", r.request,
            std::string_view(r.request) == "join-empty-group-id" ? "INVALID_GROUP_ID/none" : "NOT_COORDINATOR/none");
    }
}

void TestGroupCoordinator::requestInEveryState()
{
    QFETCH(QString, state);
    QFETCH(QString, request);
    QFETCH(QString, expected);
    QFETCH(QString, after);

    Harness h;
    // Member "b" as the fixture knows it: its id and the generation it last saw.
    std::string b = "b-unknown";
    std::int32_t generation = 1;
    if (state != QLatin1String("none")) {
        TwoMembers m = stableTwo(h);
        b = m.b;
        if (state == QLatin1String("Empty")) {
            h.leave({{m.a, {}}, {m.b, {}}});
        } else if (state == QLatin1String("PreparingRebalance")) {
            h.join(Harness::joinRequest(m.a, "a")); // the leader rejoins
        } else if (state == QLatin1String("CompletingRebalance")) {
            // A fresh join phase without syncs: the leader and b rejoin with new metadata.
            h.join(Harness::joinRequest(m.a, "a", {proto("range", {"t", "u"})}));
            h.join(Harness::joinRequest(m.b, "b", {proto("range", {"t", "u"})}));
            generation = 2;
        } else if (state == QLatin1String("unloaded")) {
            h.coord.deactivate(h.coord.partitionFor(kGroup));
        }
    }
    QCOMPARE(stateName(h.state()), state == QLatin1String("unloaded") ? QString("none") : state);

    const auto known = [&](const std::vector<GroupProtocol> &protocols) {
        return Harness::joinRequest(b, "b", protocols);
    };
    const std::vector<GroupProtocol> sameProtocols =
        state == QLatin1String("CompletingRebalance") ? std::vector<GroupProtocol>{proto("range", {"t", "u"})}
                                                       : std::vector<GroupProtocol>{proto("range")};
    QString got;
    const auto fromJoin = [&got](const Slot<JoinGroupResponse> &r) {
        got = r->has_value() ? QString::fromLatin1(groupErrorName((*r)->error)) : QStringLiteral("parked");
    };
    const auto fromSync = [&got](const Slot<SyncGroupResponse> &r) {
        got = r->has_value() ? QString::fromLatin1(groupErrorName((*r)->error)) : QStringLiteral("parked");
    };
    const auto name = [](GroupError e) { return QString::fromLatin1(groupErrorName(e)); };
    const std::map<TopicPartition, OffsetCommitEntry> offsets{{TopicPartition{"t", PartitionId{0}}, {Offset{5}, {}, {}}}};

    if (request == QLatin1String("join-new")) {
        fromJoin(h.join(Harness::joinRequest("", "c")));
    } else if (request == QLatin1String("join-new-static")) {
        fromJoin(h.join(Harness::joinRequest("", "c", {proto("range")}, "instance-c")));
    } else if (request == QLatin1String("join-known")) {
        fromJoin(h.join(known(sameProtocols)));
    } else if (request == QLatin1String("join-known-changed")) {
        fromJoin(h.join(known({proto("range", {"v"})})));
    } else if (request == QLatin1String("join-unknown-member")) {
        fromJoin(h.join(Harness::joinRequest("ghost", "ghost")));
    } else if (request == QLatin1String("join-bad-session-timeout")) {
        JoinGroupRequest r = known(sameProtocols);
        r.sessionTimeoutMs = 5999; // below group.min.session.timeout.ms
        fromJoin(h.join(r));
    } else if (request == QLatin1String("join-other-protocol")) {
        fromJoin(h.join(Harness::joinRequest("", "c", {proto("foo")})));
    } else if (request == QLatin1String("join-empty-group-id")) {
        JoinGroupRequest r = known(sameProtocols);
        r.groupId.clear();
        fromJoin(h.join(r));
    } else if (request == QLatin1String("sync")) {
        fromSync(h.sync(b, generation));
    } else if (request == QLatin1String("sync-old-generation")) {
        fromSync(h.sync(b, generation - 1));
    } else if (request == QLatin1String("sync-unknown-member")) {
        fromSync(h.sync("ghost", generation));
    } else if (request == QLatin1String("sync-wrong-protocol")) {
        SyncGroupRequest r;
        r.groupId = kGroup;
        r.memberId = b;
        r.generationId = generation;
        r.protocolName = "roundrobin";
        auto slot = std::make_shared<std::optional<SyncGroupResponse>>();
        h.coord.handleSyncGroup(r, [slot](const SyncGroupResponse &resp) { *slot = resp; });
        fromSync(slot);
    } else if (request == QLatin1String("heartbeat")) {
        got = name(h.heartbeat(b, generation));
    } else if (request == QLatin1String("heartbeat-old-generation")) {
        got = name(h.heartbeat(b, generation - 1));
    } else if (request == QLatin1String("heartbeat-unknown-member")) {
        got = name(h.heartbeat("ghost", generation));
    } else if (request == QLatin1String("leave") || request == QLatin1String("leave-unknown-member")) {
        const LeaveGroupResponse r = h.leave({{request == QLatin1String("leave") ? b : std::string("ghost"), {}}});
        if (r.error != GroupError::None) {
            got = name(r.error);
            QVERIFY(r.members.empty());
        } else {
            QCOMPARE(r.members.size(), std::size_t{1});
            got = name(r.members[0].error);
        }
    } else if (request == QLatin1String("commit")) {
        got = name(h.commit(b, generation, offsets).errors.at(offsets.begin()->first));
    } else if (request == QLatin1String("commit-simple")) {
        got = name(h.commit("", kNoGeneration, offsets).errors.at(offsets.begin()->first));
    } else if (request == QLatin1String("commit-old-generation")) {
        got = name(h.commit(b, generation - 1 == 0 ? 7 : generation - 1, offsets).errors.at(offsets.begin()->first));
    } else if (request == QLatin1String("commit-unknown-member")) {
        got = name(h.commit("ghost", generation, offsets).errors.at(offsets.begin()->first));
    } else if (request == QLatin1String("fetch")) {
        const OffsetFetchResponse r = h.fetch(std::vector<TopicPartition>{TopicPartition{"t", PartitionId{0}}});
        got = name(r.error);
        if (r.error == GroupError::None)
            QCOMPARE(r.offsets.at(TopicPartition{"t", PartitionId{0}}).offset, Offset{-1});
    } else {
        QFAIL("unknown request");
    }
    QCOMPARE(got, expected);
    QCOMPARE(stateName(h.state()), after);
}

// ---------------------------------------------------------------------------------------------
// Scenarios

void TestGroupCoordinator::joinSyncHappyPath()
{
    Harness h;
    const std::string a = h.memberIdFor("consumer-a");
    QVERIFY(a.rfind("consumer-a-", 0) == 0);
    auto joinA = h.join(Harness::joinRequest(a, "consumer-a", {proto("range", {"t"})}));
    QVERIFY(!joinA->has_value());
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    h.runFor(3000); // group.initial.rebalance.delay.ms, nobody else joined
    QVERIFY(joinA->has_value());
    QCOMPARE((*joinA)->error, GroupError::None);
    QCOMPARE((*joinA)->generationId, 1);
    QCOMPARE((*joinA)->leader, a);
    QCOMPARE((*joinA)->protocolName, std::optional<std::string>("range"));
    QCOMPARE((*joinA)->members.size(), std::size_t{1});
    QCOMPARE(h.state(), GroupState::CompletingRebalance);

    auto syncA = h.sync(a, 1, {{a, {TopicPartition{"t", PartitionId{0}}}}});
    QVERIFY(syncA->has_value());
    QCOMPARE((*syncA)->assignment, (std::vector<TopicPartition>{TopicPartition{"t", PartitionId{0}}}));
    QCOMPARE(h.state(), GroupState::Stable);

    // A second member: the leader learns of the rebalance through its heartbeat and rejoins.
    const std::string b = h.memberIdFor("consumer-b");
    auto joinB = h.join(Harness::joinRequest(b, "consumer-b", {proto("range", {"t"})}));
    QVERIFY(!joinB->has_value());
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    QCOMPARE(h.heartbeat(a, 1), GroupError::RebalanceInProgress);
    joinA = h.join(Harness::joinRequest(a, "consumer-a", {proto("range", {"t"})}));
    QVERIFY(joinA->has_value() && joinB->has_value()); // everyone rejoined: no waiting
    QCOMPARE((*joinA)->generationId, 2);
    QCOMPARE((*joinB)->generationId, 2);
    QCOMPARE((*joinA)->leader, a);
    QCOMPARE((*joinB)->leader, a);
    QCOMPARE((*joinA)->members.size(), std::size_t{2});
    QVERIFY((*joinB)->members.empty()); // only the leader sees the subscriptions
    QCOMPARE((*joinA)->members[1].memberId, b);
    QCOMPARE((*joinA)->members[1].topics, std::vector<std::string>{"t"});

    auto syncB = h.sync(b, 2);
    QVERIFY(!syncB->has_value());
    syncA = h.sync(a, 2, {{a, {TopicPartition{"t", PartitionId{0}}}}, {b, {TopicPartition{"t", PartitionId{1}}}}});
    QVERIFY(syncA->has_value() && syncB->has_value());
    QCOMPARE((*syncB)->assignment, (std::vector<TopicPartition>{TopicPartition{"t", PartitionId{1}}}));
    QCOMPARE(h.state(), GroupState::Stable);
    QCOMPARE(h.heartbeat(a, 2), GroupError::None);
    QCOMPARE(h.heartbeat(b, 2), GroupError::None);

    // The timeline: Empty -> Preparing -> Completing -> Stable, twice; generations 1 and 2.
    std::vector<std::pair<GroupState, GroupState>> transitions;
    for (const StateChangedEvent &e : h.rec.all<StateChangedEvent>())
        transitions.emplace_back(e.from, e.to);
    const std::vector<std::pair<GroupState, GroupState>> expected{
        {GroupState::Empty, GroupState::PreparingRebalance},
        {GroupState::PreparingRebalance, GroupState::CompletingRebalance},
        {GroupState::CompletingRebalance, GroupState::Stable},
        {GroupState::Stable, GroupState::PreparingRebalance},
        {GroupState::PreparingRebalance, GroupState::CompletingRebalance},
        {GroupState::CompletingRebalance, GroupState::Stable},
    };
    QCOMPARE(transitions, expected);
    const auto generations = h.rec.all<GenerationStartedEvent>();
    QCOMPARE(generations.size(), std::size_t{2});
    QCOMPARE(generations[1].memberIds, (std::vector<std::string>{a, b}));
    const auto assignments = h.rec.all<AssignmentsReceivedEvent>();
    QCOMPARE(assignments.size(), std::size_t{2});
    QCOMPARE(assignments[1].assignment.at(b), (std::vector<TopicPartition>{TopicPartition{"t", PartitionId{1}}}));
    const auto stored = h.coord.groupMetadataRecord(kGroup);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->generationId, 2);
    QCOMPARE(stored->members.size(), std::size_t{2});
}

void TestGroupCoordinator::memberIdRequired()
{
    Harness h;
    const auto first = h.join(Harness::joinRequest("", "client"));
    QVERIFY(first->has_value());
    QCOMPARE((*first)->error, GroupError::MemberIdRequired);
    const std::string id = (*first)->memberId;
    QCOMPARE(id, std::string("client-00000001-0000-4000-8000-000000000001"));
    QCOMPARE(h.snapshot().pendingMembers, std::vector<std::string>{id});
    QVERIFY(h.snapshot().members.empty());
    QCOMPARE(h.state(), GroupState::Empty);

    // The second id differs: ids are unique per coordinator.
    QVERIFY(h.memberIdFor("client") != id);

    // Rejoining with the id makes it a member. An old client (JoinGroup < v4) is admitted at once.
    auto joined = h.join(Harness::joinRequest(id, "client"));
    QVERIFY(!joined->has_value());
    QCOMPARE(h.snapshot().members.size(), std::size_t{1});
    JoinGroupRequest legacy = Harness::joinRequest("", "legacy");
    legacy.requireKnownMemberId = false;
    auto legacyJoin = h.join(legacy);
    QVERIFY(!legacyJoin->has_value());
    QCOMPARE(h.snapshot().members.size(), std::size_t{2});
}

void TestGroupCoordinator::pendingMemberBlocksJoinUntilSessionTimeout()
{
    // Kafka: hasAllMembersJoined requires no pending members, so a member that got
    // MEMBER_ID_REQUIRED but never came back holds up the join phase until its session expires.
    Harness h;
    TwoMembers m = stableTwo(h);
    const std::string c = h.memberIdFor("c"); // pending
    auto joinA = h.join(Harness::joinRequest(m.a, "a"));
    auto joinB = h.join(Harness::joinRequest(m.b, "b"));
    QVERIFY(!joinA->has_value() && !joinB->has_value());
    h.runFor(kSessionMs - 1);
    QVERIFY(!joinA->has_value());
    h.runFor(1);
    QVERIFY(joinA->has_value() && joinB->has_value());
    QCOMPARE((*joinA)->generationId, 2);
    QVERIFY(h.snapshot().pendingMembers.empty());
    // The forgotten id is unknown now.
    QCOMPARE((*h.join(Harness::joinRequest(c, "c")))->error, GroupError::UnknownMemberId);
}

void TestGroupCoordinator::initialRebalanceDelay()
{
    // Kafka: shouldDelayInitialRebalanceByGroupInitialRebalanceDelayOnEmptyGroup.
    Harness h;
    const std::string a = h.memberIdFor("a");
    auto joinA = h.join(Harness::joinRequest(a, "a"));
    h.runFor(2999);
    QVERIFY(!joinA->has_value());
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    h.runFor(1);
    QVERIFY(joinA->has_value());
    QCOMPARE(h.state(), GroupState::CompletingRebalance);

    // Kafka: shouldResetRebalanceDelayWhenNewMemberJoinsGroupDuringInitialRebalance.
    Harness h2;
    const std::string x = h2.memberIdFor("x");
    auto joinX = h2.join(Harness::joinRequest(x, "x"));
    h2.runFor(2000);
    const std::string y = h2.memberIdFor("y");
    auto joinY = h2.join(Harness::joinRequest(y, "y"));
    h2.runFor(1000); // t = 3000: y joined meanwhile, so the delay starts again
    QVERIFY(!joinX->has_value());
    h2.runFor(2999);
    QVERIFY(!joinX->has_value());
    h2.runFor(1); // t = 6000
    QVERIFY(joinX->has_value() && joinY->has_value());
    QCOMPARE((*joinX)->members.size(), std::size_t{2});
}

void TestGroupCoordinator::initialRebalanceDelayExtendsUpToRebalanceTimeout()
{
    // Kafka: shouldDelayRebalanceUptoRebalanceTimeout. Rebalance timeout 10 s, delay 3 s, a new
    // member every 3 s: the delays end at 3, 6, 9 and finally at 10 s (remaining time exhausted).
    Harness h;
    std::vector<Slot<JoinGroupResponse>> joins;
    const auto joinOne = [&h, &joins](const std::string &client) {
        const std::string id = h.memberIdFor(client);
        JoinGroupRequest r = Harness::joinRequest(id, client);
        r.rebalanceTimeoutMs = 10000;
        joins.push_back(h.join(r));
    };
    joinOne("m1");
    h.runFor(2000);
    joinOne("m2");
    h.runFor(3000); // t = 5000
    joinOne("m3");
    h.runFor(3000); // t = 8000
    joinOne("m4");
    h.runFor(1999); // t = 9999
    QVERIFY(!joins[0]->has_value());
    h.runFor(1);    // t = 10000
    QVERIFY(joins[0]->has_value());
    QCOMPARE((*joins[0])->members.size(), std::size_t{4});
    QCOMPARE(h.sched.now(), SimTime::fromMillis(10000));
}

void TestGroupCoordinator::sessionTimeoutTriggersRebalance()
{
    Harness h;
    TwoMembers m = stableTwo(h); // t = 6000, sessions restarted at the sync
    // a heartbeats every 3 s, b is silent.
    for (int i = 0; i < 3; ++i) {
        h.runFor(3000);
        QCOMPARE(h.heartbeat(m.a, 1), GroupError::None);
    }
    QCOMPARE(h.state(), GroupState::Stable);
    h.runFor(1000); // b's last sign of life was its SyncGroup at t = 6000
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    const auto removed = h.rec.all<MemberRemovedEvent>();
    QCOMPARE(removed.size(), std::size_t{1});
    QCOMPARE(removed[0].memberId, m.b);
    QCOMPARE(removed[0].reason, MemberRemovalReason::SessionTimeout);
    QCOMPARE(h.heartbeat(m.a, 1), GroupError::RebalanceInProgress);
    QCOMPARE(h.heartbeat(m.b, 1), GroupError::UnknownMemberId);
    auto joinA = h.join(Harness::joinRequest(m.a, "a"));
    QVERIFY(joinA->has_value());
    QCOMPARE((*joinA)->generationId, 2);
    QCOMPARE((*joinA)->members.size(), std::size_t{1});
}

void TestGroupCoordinator::heartbeatsKeepSessionAlive()
{
    Harness h;
    TwoMembers m = stableTwo(h);
    for (int i = 0; i < 20; ++i) {
        h.runFor(kSessionMs - 1);
        QCOMPARE(h.heartbeat(m.a, 1), GroupError::None);
        QCOMPARE(h.heartbeat(m.b, 1), GroupError::None);
    }
    QCOMPARE(h.state(), GroupState::Stable);
    const auto snap = h.snapshot();
    QCOMPARE(snap.members[0].lastHeartbeat, h.sched.now());
    QCOMPARE(snap.members[0].sessionDeadline, std::optional<SimTime>(h.sched.now() + SimDuration::millis(kSessionMs)));
}

void TestGroupCoordinator::rebalanceTimeoutRemovesMemberThatDidNotRejoin()
{
    Harness h;
    TwoMembers m = stableTwo(h);
    auto joinA = h.join(Harness::joinRequest(m.a, "a")); // the leader asks for a rebalance
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    // b keeps heartbeating (its poll loop is stuck) but never rejoins.
    for (int i = 0; i < 9; ++i) {
        h.runFor(3000);
        QCOMPARE(h.heartbeat(m.b, 1), GroupError::RebalanceInProgress);
    }
    QVERIFY(!joinA->has_value());
    h.runFor(kRebalanceMs - 27000); // the rebalance timeout, max of the members' timeouts
    QVERIFY(joinA->has_value());
    QCOMPARE((*joinA)->generationId, 2);
    QCOMPARE((*joinA)->members.size(), std::size_t{1});
    const auto removed = h.rec.all<MemberRemovedEvent>();
    QCOMPARE(removed.size(), std::size_t{1});
    QCOMPARE(removed[0].reason, MemberRemovalReason::RebalanceTimeout);
    QCOMPARE(h.heartbeat(m.b, 1), GroupError::UnknownMemberId);
}

void TestGroupCoordinator::leaderLeaves()
{
    Harness h;
    TwoMembers m = stableTwo(h);
    const LeaveGroupResponse r = h.leave({{m.a, {}}});
    QCOMPARE(r.error, GroupError::None);
    QCOMPARE(r.members[0].error, GroupError::None);
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    QCOMPARE(h.snapshot().leader, std::optional<std::string>(m.b)); // re-chosen at once
    auto joinB = h.join(Harness::joinRequest(m.b, "b"));
    QVERIFY(joinB->has_value());
    QCOMPARE((*joinB)->leader, m.b);
    QCOMPARE((*joinB)->generationId, 2);
    QCOMPARE((*joinB)->members.size(), std::size_t{1});
    QCOMPARE(h.rec.all<MemberRemovedEvent>()[0].reason, MemberRemovalReason::Left);
}

void TestGroupCoordinator::leaderFailsToRejoin()
{
    // The follower rejoins, the leader does not: at the rebalance timeout the leader is removed and
    // the follower leads generation 2.
    Harness h;
    TwoMembers m = stableTwo(h);
    auto joinB = h.join(Harness::joinRequest(m.b, "b", {proto("range", {"t", "u"})}));
    QVERIFY(!joinB->has_value());
    for (int i = 0; i < 9; ++i) {
        h.runFor(3000);
        QCOMPARE(h.heartbeat(m.a, 1), GroupError::RebalanceInProgress);
    }
    QVERIFY(!joinB->has_value());
    h.runFor(3000); // the rebalance timeout
    QCOMPARE(h.heartbeat(m.a, 1), GroupError::UnknownMemberId);
    QVERIFY(joinB->has_value());
    QCOMPARE((*joinB)->leader, m.b);
    QCOMPARE((*joinB)->members.size(), std::size_t{1});
    QCOMPARE(h.snapshot().leader, std::optional<std::string>(m.b));
}

void TestGroupCoordinator::followerSyncWaitsForLeader()
{
    Harness h;
    TwoMembers m = joinTwo(h);
    auto syncB = h.sync(m.b, 1);
    QVERIFY(!syncB->has_value());
    QVERIFY(h.snapshot().members[1].awaitingSync);
    QCOMPARE(h.heartbeat(m.b, 1), GroupError::None); // heartbeats are fine while completing
    auto syncA = h.sync(m.a, 1, {{m.a, {TopicPartition{"t", PartitionId{0}}}}}); // b left out
    QVERIFY(syncA->has_value() && syncB->has_value());
    QCOMPARE((*syncB)->error, GroupError::None);
    QVERIFY((*syncB)->assignment.empty()); // a member the leader left out gets an empty assignment
    QCOMPARE((*syncB)->protocolName, std::optional<std::string>("range"));
    QCOMPARE(h.state(), GroupState::Stable);
    // A repeated SyncGroup in Stable returns the same assignment.
    auto again = h.sync(m.a, 1);
    QCOMPARE((*again)->assignment, (std::vector<TopicPartition>{TopicPartition{"t", PartitionId{0}}}));
}

void TestGroupCoordinator::missingSyncRemovedAfterRebalanceTimeout()
{
    // Kafka's DelayedSync: the leader synced, the follower never did (but heartbeats).
    Harness h;
    TwoMembers m = joinTwo(h);
    auto syncA = h.sync(m.a, 1, {{m.a, {}}, {m.b, {}}});
    QCOMPARE(h.state(), GroupState::Stable);
    for (int i = 0; i < 9; ++i) {
        h.runFor(3000);
        QCOMPARE(h.heartbeat(m.a, 1), GroupError::None);
        QCOMPARE(h.heartbeat(m.b, 1), GroupError::None);
    }
    h.runFor(kRebalanceMs - 27000);
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    const auto removed = h.rec.all<MemberRemovedEvent>();
    QCOMPARE(removed.size(), std::size_t{1});
    QCOMPARE(removed[0].memberId, m.b);
    QCOMPARE(removed[0].reason, MemberRemovalReason::SyncTimeout);
}

void TestGroupCoordinator::leaderWithoutSyncOrHeartbeatExpires()
{
    // The leader never sends SyncGroup nor heartbeats: it is removed at its session timeout and the
    // parked follower is told to rejoin.
    Harness h;
    TwoMembers m = joinTwo(h);
    auto syncB = h.sync(m.b, 1);
    h.runFor(kSessionMs);
    QVERIFY(syncB->has_value());
    QCOMPARE((*syncB)->error, GroupError::RebalanceInProgress);
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    QCOMPARE(h.rec.all<MemberRemovedEvent>()[0].memberId, m.a);
    QCOMPARE(h.rec.all<MemberRemovedEvent>()[0].reason, MemberRemovalReason::SessionTimeout);
}

namespace {

struct StaticPair {
    std::string a;
    std::string b;
};

// Two static members "ia" (leader) and "ib", Stable at generation 1.
StaticPair stableStatic(Harness &h, const std::vector<GroupProtocol> &protocolsB = {proto("range")})
{
    auto joinA = h.join(Harness::joinRequest("", "a", {proto("range")}, "ia"));
    auto joinB = h.join(Harness::joinRequest("", "b", protocolsB, "ib"));
    h.runFor(6000);
    if (!joinA->has_value() || !joinB->has_value())
        qFatal("static join did not complete");
    StaticPair p{(*joinA)->memberId, (*joinB)->memberId};
    h.sync(p.a, 1, {{p.a, {TopicPartition{"t", PartitionId{0}}}}, {p.b, {TopicPartition{"t", PartitionId{1}}}}}, "ia");
    h.sync(p.b, 1, {}, "ib");
    return p;
}

} // namespace

void TestGroupCoordinator::staticMemberRejoinWithoutRebalance()
{
    Harness h;
    const StaticPair p = stableStatic(h);
    QVERIFY(p.a.rfind("ia-", 0) == 0); // static member ids start with the instance id
    QCOMPARE(h.state(), GroupState::Stable);
    const std::size_t rebalancesBefore = h.rec.all<RebalanceStartedEvent>().size();

    // b restarts (no LeaveGroup) and rejoins without a member id, same metadata.
    auto rejoin = h.join(Harness::joinRequest("", "b", {proto("range")}, "ib"));
    QVERIFY(rejoin->has_value());
    QCOMPARE((*rejoin)->error, GroupError::None);
    const std::string newB = (*rejoin)->memberId;
    QVERIFY(newB != p.b);
    QCOMPARE((*rejoin)->generationId, 1);
    QCOMPARE((*rejoin)->leader, p.a);
    QVERIFY(!(*rejoin)->skipAssignment);
    QCOMPARE(h.state(), GroupState::Stable);
    QCOMPARE(h.rec.all<RebalanceStartedEvent>().size(), rebalancesBefore);

    // The old member id is fenced; the new one keeps the assignment.
    QCOMPARE(h.heartbeat(p.b, 1, "ib"), GroupError::FencedInstanceId);
    QCOMPARE((*h.sync(p.b, 1, {}, "ib"))->error, GroupError::FencedInstanceId);
    QCOMPARE((*h.join(Harness::joinRequest(p.b, "b", {proto("range")}, "ib")))->error, GroupError::FencedInstanceId);
    QCOMPARE(h.commit(p.b, 1, {{TopicPartition{"t", PartitionId{1}}, {Offset{1}, {}, {}}}}).errors.begin()->second,
             GroupError::UnknownMemberId); // without the instance id, the old member id is simply unknown
    auto syncNew = h.sync(newB, 1, {}, "ib");
    QCOMPARE((*syncNew)->assignment, (std::vector<TopicPartition>{TopicPartition{"t", PartitionId{1}}}));
    QCOMPARE(h.heartbeat(newB, 1, "ib"), GroupError::None);
    QCOMPARE(h.heartbeat(newB, 1, "other"), GroupError::UnknownMemberId);

    const auto removed = h.rec.all<MemberRemovedEvent>();
    QCOMPARE(removed.size(), std::size_t{1});
    QCOMPARE(removed[0].reason, MemberRemovalReason::Fenced);
    QCOMPARE(removed[0].replacedBy, newB);
    // The replacement was persisted.
    QCOMPARE(h.coord.groupMetadataRecord(kGroup)->members[1].memberId, newB);

    // Static members are not removed when they miss the join phase: they keep their place until
    // their session expires.
    auto joinA = h.join(Harness::joinRequest(p.a, "a", {proto("range")}, "ia"));
    h.runFor(kSessionMs);
    QVERIFY(joinA->has_value()); // b's session expired, so the join phase completed
    QCOMPARE(h.rec.all<MemberRemovedEvent>().back().reason, MemberRemovalReason::SessionTimeout);
}

void TestGroupCoordinator::staticLeaderRejoin_data()
{
    QTest::addColumn<bool>("supportSkippingAssignment");
    QTest::addRow("join-v9") << true;
    QTest::addRow("join-v8") << false;
}

void TestGroupCoordinator::staticLeaderRejoin()
{
    QFETCH(bool, supportSkippingAssignment);
    Harness h;
    const StaticPair p = stableStatic(h);
    JoinGroupRequest r = Harness::joinRequest("", "a", {proto("range")}, "ia");
    r.supportSkippingAssignment = supportSkippingAssignment;
    auto rejoin = h.join(r);
    QVERIFY(rejoin->has_value());
    const std::string newA = (*rejoin)->memberId;
    QCOMPARE(h.state(), GroupState::Stable);
    QCOMPARE(h.snapshot().leader, std::optional<std::string>(newA));
    if (supportSkippingAssignment) {
        // KIP-814: told it leads, given the members, but must skip the assignment.
        QCOMPARE((*rejoin)->leader, newA);
        QVERIFY((*rejoin)->skipAssignment);
        QCOMPARE((*rejoin)->members.size(), std::size_t{2});
    } else {
        // Older clients are told the old leader id, so they do not assign.
        QCOMPARE((*rejoin)->leader, p.a);
        QVERIFY(!(*rejoin)->skipAssignment);
        QVERIFY((*rejoin)->members.empty());
    }
}

void TestGroupCoordinator::staticMemberRejoinChangingProtocolRebalances()
{
    // b supports [range, roundrobin]; a only range. If b rejoins supporting only roundrobin... it
    // would share nothing with a and is rejected; if it rejoins preferring roundrobin the selected
    // protocol stays range (a's vote), so no rebalance. With three members the vote can flip.
    Harness h;
    auto joinA = h.join(Harness::joinRequest("", "a", {proto("range"), proto("roundrobin")}, "ia"));
    auto joinB = h.join(Harness::joinRequest("", "b", {proto("roundrobin"), proto("range")}, "ib"));
    auto joinC = h.join(Harness::joinRequest("", "c", {proto("range"), proto("roundrobin")}, "ic"));
    h.runFor(6000);
    QCOMPARE((*joinA)->protocolName, std::optional<std::string>("range"));
    h.sync((*joinA)->memberId, 1, {}, "ia");
    QCOMPARE(h.state(), GroupState::Stable);
    // c now prefers roundrobin: 2 votes to 1, the selected protocol would change.
    auto rejoinC = h.join(Harness::joinRequest("", "c", {proto("roundrobin"), proto("range")}, "ic"));
    QVERIFY(!rejoinC->has_value());
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    QCOMPARE(h.rec.all<RebalanceStartedEvent>().back().reason, RebalanceReason::StaticMemberChangedProtocol);
}

void TestGroupCoordinator::staticMemberRejoinDuringJoinFencesOldRequest()
{
    Harness h;
    const StaticPair p = stableStatic(h);
    // b changes its subscription, which starts a rebalance.
    auto oldJoin = h.join(Harness::joinRequest(p.b, "b", {proto("range", {"t", "u"})}, "ib"));
    QVERIFY(!oldJoin->has_value());
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    // A second process with the same instance id joins without a member id.
    auto newJoin = h.join(Harness::joinRequest("", "b", {proto("range", {"t", "u"})}, "ib"));
    QVERIFY(oldJoin->has_value());
    QCOMPARE((*oldJoin)->error, GroupError::FencedInstanceId);
    QVERIFY(!newJoin->has_value()); // parked in its place
    auto joinA = h.join(Harness::joinRequest(p.a, "a", {proto("range")}, "ia"));
    QVERIFY(joinA->has_value() && newJoin->has_value());
    QCOMPARE((*newJoin)->generationId, 2);
}

void TestGroupCoordinator::protocolVote_data()
{
    QTest::addColumn<QStringList>("members"); // each: comma-separated preference list
    QTest::addColumn<QString>("expected");
    QTest::addRow("majority") << QStringList{"roundrobin,range", "range,roundrobin", "roundrobin,range"} << "roundrobin";
    QTest::addRow("only-common-candidate") << QStringList{"sticky,range", "range"} << "range";
    QTest::addRow("vote-for-first-candidate") << QStringList{"sticky,roundrobin,range", "roundrobin,range"} << "roundrobin";
    // Ties: Java's HashMap order of the votes (bucket of the spread hash: sticky 8, range 9,
    // roundrobin 10, cooperative-sticky 15).
    QTest::addRow("tie-range-roundrobin") << QStringList{"roundrobin,range", "range,roundrobin"} << "range";
    QTest::addRow("tie-cooperative-range") << QStringList{"cooperative-sticky,range", "range,cooperative-sticky"} << "range";
    QTest::addRow("tie-sticky-range") << QStringList{"range,sticky", "sticky,range"} << "sticky";
    QTest::addRow("tie-sticky-cooperative") << QStringList{"cooperative-sticky,sticky", "sticky,cooperative-sticky"} << "sticky";
}

void TestGroupCoordinator::protocolVote()
{
    QFETCH(QStringList, members);
    QFETCH(QString, expected);
    Harness h;
    std::vector<Slot<JoinGroupResponse>> joins;
    int n = 0;
    for (const QString &m : members) {
        std::vector<GroupProtocol> protocols;
        for (const QString &p : m.split(QLatin1Char(',')))
            protocols.push_back(proto(p.toStdString()));
        JoinGroupRequest r = Harness::joinRequest("", "c" + std::to_string(n++), protocols);
        r.requireKnownMemberId = false;
        joins.push_back(h.join(r));
    }
    h.runFor(6000);
    QVERIFY(joins[0]->has_value());
    QCOMPARE(QString::fromStdString((*joins[0])->protocolName.value()), expected);
    // The leader receives each member's metadata for the chosen protocol.
    QCOMPARE((*joins[0])->members.size(), static_cast<std::size_t>(members.size()));
}

void TestGroupCoordinator::inconsistentProtocolType()
{
    Harness h;
    TwoMembers m = stableTwo(h);
    JoinGroupRequest r = Harness::joinRequest("", "connect");
    r.protocolType = "connect";
    QCOMPARE((*h.join(r))->error, GroupError::InconsistentGroupProtocol);
    JoinGroupRequest none = Harness::joinRequest("", "x", {});
    QCOMPARE((*h.join(none))->error, GroupError::InconsistentGroupProtocol);
    // An existing member switching to a protocol nobody else has is rejected too.
    QCOMPARE((*h.join(Harness::joinRequest(m.b, "b", {proto("sticky")})))->error, GroupError::InconsistentGroupProtocol);
    QCOMPARE(h.state(), GroupState::Stable);
}

void TestGroupCoordinator::offsetCommitAndFetch()
{
    Harness h;
    TwoMembers m = stableTwo(h);
    const TopicPartition t0{"t", PartitionId{0}};
    const TopicPartition t1{"t", PartitionId{1}};
    OffsetCommitResponse r = h.commit(m.a, 1, {{t0, {Offset{42}, LeaderEpoch{3}, "meta"}}});
    QCOMPARE(r.errors.at(t0), GroupError::None);
    OffsetFetchResponse f = h.fetch(std::vector<TopicPartition>{t0, t1});
    QCOMPARE(f.error, GroupError::None);
    QCOMPARE(f.offsets.at(t0).offset, Offset{42});
    QCOMPARE(f.offsets.at(t0).leaderEpoch, std::optional<LeaderEpoch>(LeaderEpoch{3}));
    QCOMPARE(f.offsets.at(t0).metadata, std::string("meta"));
    QCOMPARE(f.offsets.at(t1).offset, Offset{-1}); // nothing committed
    // A later commit overwrites; fetching everything returns only committed partitions.
    h.commit(m.b, 1, {{t0, {Offset{50}, {}, {}}}, {t1, {Offset{7}, {}, {}}}});
    f = h.fetch(std::nullopt);
    QCOMPARE(f.offsets.size(), std::size_t{2});
    QCOMPARE(f.offsets.at(t0).offset, Offset{50});
    QCOMPARE(h.snapshot().offsets.at(t1).offset, Offset{7});
    QCOMPARE(h.rec.all<OffsetsCommittedEvent>().size(), std::size_t{2});

    // A commit during PreparingRebalance is accepted from the current generation.
    h.join(Harness::joinRequest(m.a, "a"));
    QCOMPARE(h.commit(m.b, 1, {{t1, {Offset{8}, {}, {}}}}).errors.at(t1), GroupError::None);

    // Simple commits to a group nobody manages create it (Empty) and are fetched back.
    Harness simple;
    QCOMPARE(simple.commit("", kNoGeneration, {{t0, {Offset{3}, {}, {}}}}).errors.at(t0), GroupError::None);
    QCOMPARE(simple.state(), GroupState::Empty);
    QCOMPARE(simple.fetch(std::nullopt).offsets.at(t0).offset, Offset{3});
}

void TestGroupCoordinator::offsetCommitErrors()
{
    Harness h;
    TwoMembers m = stableTwo(h);
    const TopicPartition t0{"t", PartitionId{0}};
    QCOMPARE(h.commit(m.a, 2, {{t0, {Offset{1}, {}, {}}}}).errors.at(t0), GroupError::IllegalGeneration);
    QCOMPARE(h.commit(m.a, 0, {{t0, {Offset{1}, {}, {}}}}).errors.at(t0), GroupError::IllegalGeneration);
    QCOMPARE(h.commit("ghost", 1, {{t0, {Offset{1}, {}, {}}}}).errors.at(t0), GroupError::UnknownMemberId);
    QCOMPARE(h.commit(m.a, kNoGeneration, {{t0, {Offset{1}, {}, {}}}}).errors.at(t0), GroupError::IllegalGeneration);
    QCOMPARE(h.commit("", kNoGeneration, {{t0, {Offset{1}, {}, {}}}}).errors.at(t0), GroupError::UnknownMemberId);
    // offset.metadata.max.bytes applies per partition.
    const TopicPartition t1{"t", PartitionId{1}};
    const OffsetCommitResponse r =
        h.commit(m.a, 1, {{t0, {Offset{1}, {}, std::string(4097, 'x')}}, {t1, {Offset{2}, {}, std::string(4096, 'x')}}});
    QCOMPARE(r.errors.at(t0), GroupError::OffsetMetadataTooLarge);
    QCOMPARE(r.errors.at(t1), GroupError::None);
    QCOMPARE(h.fetch(std::nullopt).offsets.size(), std::size_t{1});
    // A commit also proves the member alive (it restarts the session timer).
    h.runFor(kSessionMs - 1);
    QCOMPARE(h.commit(m.a, 1, {{t0, {Offset{9}, {}, {}}}}).errors.at(t0), GroupError::None);
    QCOMPARE(h.commit(m.b, 1, {{t0, {Offset{9}, {}, {}}}}).errors.at(t0), GroupError::None);
    h.runFor(kSessionMs - 1);
    QCOMPARE(h.state(), GroupState::Stable);
}

void TestGroupCoordinator::groupMaxSize()
{
    GroupCoordinatorConfig config;
    config.groupMaxSize = 1;
    Harness h(config);
    const std::string a = h.memberIdFor("a");
    auto joinA = h.join(Harness::joinRequest(a, "a"));
    const auto second = h.join(Harness::joinRequest("", "b"));
    QCOMPARE((*second)->error, GroupError::GroupMaxSizeReached);
    QVERIFY((*second)->memberId.empty());
    h.runFor(3000);
    QVERIFY(joinA->has_value());
    QCOMPARE((*h.join(Harness::joinRequest("", "c")))->error, GroupError::GroupMaxSizeReached);
}

void TestGroupCoordinator::coordinatorFailover()
{
    // Broker 1 coordinates the group; its __consumer_offsets partition moves to broker 2.
    Scheduler sched;
    GroupCoordinator one(BrokerId{1}, sched);
    GroupCoordinator two(BrokerId{2}, sched);
    Recorder recOne;
    one.setObserver(&recOne);
    one.startup();
    two.startup();
    const std::int32_t partition = one.partitionFor(kGroup);
    one.activate(partition);

    // Join two members on broker 1 by hand (Harness wraps its own scheduler).
    const auto joinReq = [](const std::string &id, const std::string &client) {
        return Harness::joinRequest(id, client);
    };
    std::optional<JoinGroupResponse> ra;
    std::optional<JoinGroupResponse> rb;
    one.handleJoinGroup(joinReq("", "a"), [&ra](const JoinGroupResponse &r) { ra = r; });
    const std::string a = ra->memberId;
    one.handleJoinGroup(joinReq(a, "a"), [&ra](const JoinGroupResponse &r) { ra = r; });
    sched.runUntil(SimTime::fromMillis(3000));
    QCOMPARE(ra->generationId, 1);
    one.handleSyncGroup(SyncGroupRequest{kGroup, 1, a, {}, {}, {}, {{a, {TopicPartition{"t", PartitionId{0}}}}}}, {});
    OffsetCommitRequest commit;
    commit.groupId = kGroup;
    commit.generationId = 1;
    commit.memberId = a;
    commit.offsets[TopicPartition{"t", PartitionId{0}}] = OffsetCommitEntry{Offset{17}, {}, {}};
    one.handleOffsetCommit(commit, {});

    // A parked JoinGroup when the partition moves is answered NOT_COORDINATOR.
    one.handleJoinGroup(joinReq("", "b"), [&rb](const JoinGroupResponse &r) { rb = r; });
    const std::string b = rb->memberId;
    rb.reset();
    one.handleJoinGroup(joinReq(b, "b"), [&rb](const JoinGroupResponse &r) { rb = r; });
    QVERIFY(!rb.has_value());
    const GroupMetadataRecord stored = *one.groupMetadataRecord(kGroup);
    const auto offsets = one.describeGroup(kGroup)->offsets;
    one.deactivate(partition);
    QVERIFY(rb.has_value());
    QCOMPARE(rb->error, GroupError::NotCoordinator);
    QVERIFY(!one.groupState(kGroup).has_value());
    QVERIFY(std::holds_alternative<GroupUnloadedEvent>(recOne.events.back().data));
    std::optional<HeartbeatResponse> hb;
    one.handleHeartbeat(HeartbeatRequest{kGroup, 1, a, {}}, [&hb](const HeartbeatResponse &r) { hb = r; });
    QCOMPARE(hb->error, GroupError::NotCoordinator);

    // Broker 2 loads what broker 1 wrote: the Stable generation 1 and the committed offsets.
    hb.reset();
    two.handleHeartbeat(HeartbeatRequest{kGroup, 1, a, {}}, [&hb](const HeartbeatResponse &r) { hb = r; });
    QCOMPARE(hb->error, GroupError::NotCoordinator);
    QVERIFY(!two.loadGroup(stored).isOk()); // not the coordinator yet
    two.activate(partition);
    QVERIFY(two.loadGroup(stored).isOk());
    QVERIFY(two.loadCommittedOffsets(kGroup, offsets).isOk());
    QCOMPARE(two.groupState(kGroup), std::optional<GroupState>(GroupState::Stable));
    hb.reset();
    two.handleHeartbeat(HeartbeatRequest{kGroup, 1, a, {}}, [&hb](const HeartbeatResponse &r) { hb = r; });
    QCOMPARE(hb->error, GroupError::None);
    std::optional<SyncGroupResponse> sync;
    two.handleSyncGroup(SyncGroupRequest{kGroup, 1, a, {}, {}, {}, {}}, [&sync](const SyncGroupResponse &r) { sync = r; });
    QCOMPARE(sync->assignment, (std::vector<TopicPartition>{TopicPartition{"t", PartitionId{0}}}));
    std::optional<OffsetFetchResponse> fetched;
    two.handleOffsetFetch(OffsetFetchRequest{kGroup, std::nullopt}, [&fetched](const OffsetFetchResponse &r) { fetched = r; });
    QCOMPARE(fetched->offsets.at(TopicPartition{"t", PartitionId{0}}).offset, Offset{17});
    // Member ids minted by broker 2 cannot collide with broker 1's.
    std::optional<JoinGroupResponse> rc;
    two.handleJoinGroup(joinReq("", "a"), [&rc](const JoinGroupResponse &r) { rc = r; });
    QCOMPARE(rc->memberId, std::string("a-00000002-0000-4000-8000-000000000001"));
    // The loaded member's session runs from the load: silent, it expires.
    sched.runUntil(sched.now() + SimDuration::millis(45000));
    QCOMPARE(two.groupState(kGroup), std::optional<GroupState>(GroupState::Empty));
    QCOMPARE(two.describeGroup(kGroup)->generationId, 2);
}

void TestGroupCoordinator::coordinatorNotStarted()
{
    Scheduler sched;
    GroupCoordinator c(BrokerId{0}, sched);
    c.activate(c.partitionFor(kGroup));
    std::optional<JoinGroupResponse> r;
    c.handleJoinGroup(Harness::joinRequest("", "a"), [&r](const JoinGroupResponse &resp) { r = resp; });
    QCOMPARE(r->error, GroupError::CoordinatorNotAvailable);
    c.startup();
    c.handleJoinGroup(Harness::joinRequest("", "a"), [&r](const JoinGroupResponse &resp) { r = resp; });
    QCOMPARE(r->error, GroupError::MemberIdRequired);
    c.shutdown();
    c.handleJoinGroup(Harness::joinRequest("", "a"), [&r](const JoinGroupResponse &resp) { r = resp; });
    QCOMPARE(r->error, GroupError::CoordinatorNotAvailable);
    QVERIFY(c.groupIds().empty());
}

void TestGroupCoordinator::groupPartition_data()
{
    QTest::addColumn<QString>("groupId");
    QTest::addColumn<int>("hash");      // Java's String.hashCode (computed with Python's UTF-16 loop)
    QTest::addColumn<int>("partition"); // of 50
    QTest::addRow("polygenelubricants") << "polygenelubricants" << std::numeric_limits<int>::min() << 0;
    QTest::addRow("my-group") << "my-group" << -1906497762 << 12;
    QTest::addRow("test-group") << "test-group" << 627841412 << 12;
    QTest::addRow("orders-consumers") << "orders-consumers" << 1307682389 << 39;
    QTest::addRow("empty") << "" << 0 << 0;
    QTest::addRow("a") << "a" << 97 << 47;
    QTest::addRow("group-1") << "group-1" << 293427299 << 49;
    QTest::addRow("Aa") << "Aa" << 2112 << 12;
    QTest::addRow("BB") << "BB" << 2112 << 12; // Java's classic collision
    QTest::addRow("latin1") << QString::fromUtf8("grupa-\u00fc") << 298805258 << 8;
    QTest::addRow("cjk") << QString::fromUtf8("\u65e5\u672c") << 835047 << 47;
    QTest::addRow("surrogate-pair") << QString::fromUtf8("\U0001F600x") << 54959989 << 39;
}

void TestGroupCoordinator::groupPartition()
{
    QFETCH(QString, groupId);
    QFETCH(int, hash);
    QFETCH(int, partition);
    const QByteArray utf8 = groupId.toUtf8();
    const std::string id(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    QCOMPARE(javaStringHashCode(id), hash);
    QCOMPARE(consumerOffsetsPartitionFor(id), partition);
    Scheduler sched;
    GroupCoordinator c(BrokerId{0}, sched);
    QCOMPARE(c.partitionFor(id), partition);
    QCOMPARE(kafkaAbs(std::numeric_limits<std::int32_t>::min()), 0);
    QCOMPARE(kafkaAbs(-5), 5);
    QCOMPARE(javaHash("\xff"), 0xFFFD); // a malformed byte counts as U+FFFD
}

void TestGroupCoordinator::lastMemberLeavingEmptiesGroup()
{
    Harness h;
    TwoMembers m = stableTwo(h);
    h.leave({{m.a, {}}});
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    h.leave({{m.b, {}}});
    QCOMPARE(h.state(), GroupState::Empty);
    QCOMPARE(h.snapshot().generationId, 2); // the generation increments also when the group empties
    QVERIFY(!h.snapshot().protocolName.has_value());
    const auto stored = h.coord.groupMetadataRecord(kGroup);
    QVERIFY(stored && stored->members.empty() && stored->generationId == 2);
    // Leaving twice is an unknown member; leaving an unknown group too.
    QCOMPARE(h.leave({{m.b, {}}}).members[0].error, GroupError::UnknownMemberId);
    // An Empty group gets the initial delay again, but does not extend it (generation > 0).
    auto join1 = h.join(Harness::joinRequest(h.memberIdFor("x"), "x"));
    auto join2 = h.join(Harness::joinRequest(h.memberIdFor("y"), "y"));
    h.runFor(3000);
    QVERIFY(join1->has_value() && join2->has_value());
    QCOMPARE((*join1)->generationId, 3);
}

void TestGroupCoordinator::newMemberJoinTimeout()
{
    // Kafka: testNewMemberJoinExpiration. With a long rebalance timeout, a new member waiting for
    // its first JoinGroup answer is dropped after NewMemberJoinTimeoutMs (5 min).
    Harness h;
    const std::string a = h.memberIdFor("a");
    JoinGroupRequest ra = Harness::joinRequest(a, "a");
    ra.rebalanceTimeoutMs = 600000;
    h.join(ra);
    h.runFor(3000);
    h.sync(a, 1, {{a, {}}});
    QCOMPARE(h.state(), GroupState::Stable);
    const std::string c = h.memberIdFor("c");
    auto joinC = h.join(Harness::joinRequest(c, "c"));
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    // a keeps its session alive but does not rejoin for a long time.
    for (int i = 0; i < 30; ++i) {
        h.runFor(kSessionMs - 1);
        QCOMPARE(h.heartbeat(a, 1), GroupError::RebalanceInProgress);
    }
    QVERIFY(!joinC->has_value()); // 299.97 s after c joined
    h.runFor(30);
    QVERIFY(joinC->has_value()); // 300 s
    QCOMPARE((*joinC)->error, GroupError::UnknownMemberId);
    QVERIFY((*joinC)->memberId.empty());
    const auto removed = h.rec.all<MemberRemovedEvent>();
    QCOMPARE(removed.size(), std::size_t{1});
    QCOMPARE(removed[0].reason, MemberRemovalReason::NewMemberJoinTimeout);
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    auto joinA = h.join(ra);
    QVERIFY(joinA->has_value());
    QCOMPARE((*joinA)->members.size(), std::size_t{1});
}

void TestGroupCoordinator::leavePendingAndStaticByInstanceId()
{
    Harness h;
    const StaticPair p = stableStatic(h);
    const std::string pending = h.memberIdFor("d");
    LeaveGroupResponse r = h.leave({{pending, {}}});
    QCOMPARE(r.members[0].error, GroupError::None);
    QVERIFY(h.snapshot().pendingMembers.empty());
    QCOMPARE(h.state(), GroupState::Stable);
    // An admin removes a static member by instance id alone; a wrong instance id is fenced.
    r = h.leave({{"", std::string("ib")}, {"", std::string("nobody")}, {p.a, std::string("ib")}});
    QCOMPARE(r.members.size(), std::size_t{3});
    QCOMPARE(r.members[0].error, GroupError::None);
    QCOMPARE(r.members[1].error, GroupError::UnknownMemberId);
    QCOMPARE(r.members[2].error, GroupError::UnknownMemberId); // "ib" is gone by then
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    QCOMPARE(h.snapshot().members.size(), std::size_t{1});
    QCOMPARE(h.leave({{p.a, std::string("ia-wrong")}}).members[0].error, GroupError::UnknownMemberId);
    // The group keeps rebalancing: a newcomer waits for a to rejoin.
    const auto newcomer = h.join(Harness::joinRequest("", "x", {proto("range")}, "ix"));
    QVERIFY(!newcomer->has_value());
}

void TestGroupCoordinator::staticFollowerReplacedWhileAwaitingSync()
{
    Harness h;
    auto joinA = h.join(Harness::joinRequest("", "a", {proto("range")}, "ia"));
    auto joinB = h.join(Harness::joinRequest("", "b", {proto("range")}, "ib"));
    h.runFor(6000);
    const std::string b = (*joinB)->memberId;
    auto syncB = h.sync(b, 1, {}, "ib");
    QVERIFY(!syncB->has_value());
    // A duplicate process with instance id "ib" joins while b waits for its assignment.
    auto dup = h.join(Harness::joinRequest("", "b", {proto("range")}, "ib"));
    QVERIFY(syncB->has_value());
    QCOMPARE((*syncB)->error, GroupError::FencedInstanceId);
    QVERIFY(!dup->has_value());
    QCOMPARE(h.state(), GroupState::PreparingRebalance);
    QCOMPARE(h.rec.all<RebalanceStartedEvent>().back().reason, RebalanceReason::StaticMemberRejoinedDuringSync);
    auto rejoinA = h.join(Harness::joinRequest((*joinA)->memberId, "a", {proto("range")}, "ia"));
    QVERIFY(rejoinA->has_value() && dup->has_value());
    QCOMPARE((*dup)->generationId, 2);
}

void TestGroupCoordinator::rejoinDuringCompletingResendsGeneration()
{
    // A member that lost its JoinGroup answer asks again during CompletingRebalance.
    Harness h;
    TwoMembers m = joinTwo(h);
    auto again = h.join(Harness::joinRequest(m.a, "a"));
    QVERIFY(again->has_value());
    QCOMPARE((*again)->generationId, 1);
    QCOMPARE((*again)->leader, m.a);
    QCOMPARE((*again)->members.size(), std::size_t{2});
    auto againB = h.join(Harness::joinRequest(m.b, "b"));
    QVERIFY((*againB)->members.empty());
    QCOMPARE(h.state(), GroupState::CompletingRebalance);
    QCOMPARE(h.snapshot().pendingSyncMembers.size(), std::size_t{2});
}

void TestGroupCoordinator::stateHashIndependentOfStepSize()
{
    // Running to T in one call or in 1 ms steps gives the same state (STYLE.md, rule 3).
    const auto run = [](bool smallSteps) {
        Harness h;
        TwoMembers m = stableTwo(h);
        h.join(Harness::joinRequest(m.a, "a")); // b never rejoins: rebalance timeout at +30 s
        const SimTime until = h.sched.now() + SimDuration::millis(45000);
        if (smallSteps) {
            while (h.sched.now() < until)
                h.sched.runUntil(h.sched.now() + SimDuration::millis(1));
        } else {
            h.sched.runUntil(until);
        }
        StateHash hash;
        h.coord.addToHash(hash);
        return std::make_pair(hash.value(), h.rec.events.size());
    };
    const auto one = run(false);
    const auto many = run(true);
    QCOMPARE(one, many);
    Harness fresh;
    StateHash empty;
    fresh.coord.addToHash(empty);
    QVERIFY(empty.value() != one.first);
}

QTEST_APPLESS_MAIN(TestGroupCoordinator)
#include "tst_groupcoordinator.moc"
