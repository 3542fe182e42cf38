#include "group/group_coordinator.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <utility>

namespace kafkascope {

std::string_view groupStateName(GroupState s)
{
    switch (s) {
    case GroupState::Empty: return "Empty";
    case GroupState::PreparingRebalance: return "PreparingRebalance";
    case GroupState::CompletingRebalance: return "CompletingRebalance";
    case GroupState::Stable: return "Stable";
    case GroupState::Dead: return "Dead";
    }
    return "Unknown";
}

std::string_view memberRemovalReasonName(MemberRemovalReason r)
{
    switch (r) {
    case MemberRemovalReason::Left: return "left";
    case MemberRemovalReason::SessionTimeout: return "session timeout";
    case MemberRemovalReason::NewMemberJoinTimeout: return "new member join timeout";
    case MemberRemovalReason::RebalanceTimeout: return "rebalance timeout";
    case MemberRemovalReason::SyncTimeout: return "sync timeout";
    case MemberRemovalReason::Fenced: return "fenced";
    case MemberRemovalReason::GroupMaxSize: return "group max size";
    }
    return "unknown";
}

std::string_view rebalanceReasonName(RebalanceReason r)
{
    switch (r) {
    case RebalanceReason::NewMember: return "new member";
    case RebalanceReason::LeaderRejoined: return "leader rejoined";
    case RebalanceReason::MetadataChanged: return "metadata changed";
    case RebalanceReason::MemberRemoved: return "member removed";
    case RebalanceReason::StaticMemberChangedProtocol: return "static member changed protocol";
    case RebalanceReason::StaticMemberRejoinedDuringSync: return "static member rejoined during sync";
    case RebalanceReason::OverCapacity: return "over capacity";
    }
    return "unknown";
}

// Kafka's MemberMetadata.
struct GroupCoordinator::Member {
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    std::string clientId;
    std::int32_t rebalanceTimeoutMs = 0;
    std::int32_t sessionTimeoutMs = 0;
    std::string protocolType;
    std::vector<GroupProtocol> protocols;
    std::vector<TopicPartition> assignment;
    JoinCallback joinCallback; // set while a JoinGroup is parked
    SyncCallback syncCallback; // set while a SyncGroup is parked
    bool isNew = false;        // joined, and has not yet received its first JoinGroup response
    std::uint64_t joinOrder = 0;
    std::optional<Scheduler::EventId> heartbeatTimer;
    std::optional<SimTime> heartbeatDeadline;
    SimTime lastHeartbeat;

    [[nodiscard]] bool awaitingJoin() const { return static_cast<bool>(joinCallback); }
    [[nodiscard]] bool awaitingSync() const { return static_cast<bool>(syncCallback); }
    [[nodiscard]] bool isStatic() const { return groupInstanceId.has_value(); }
    [[nodiscard]] const GroupProtocol *protocol(const std::string &name) const
    {
        for (const GroupProtocol &p : protocols) {
            if (p.name == name)
                return &p;
        }
        return nullptr;
    }
};

// Kafka's GroupMetadata plus the coordinator's delayed operations for the group.
struct GroupCoordinator::Group {
    std::string groupId;
    GroupState state = GroupState::Empty;
    SimTime stateSince;
    std::int32_t generationId = 0;
    std::optional<std::string> protocolType;
    std::optional<std::string> protocolName;
    std::optional<std::string> leaderId;
    std::map<std::string, Member> members;
    std::map<std::string, std::string> staticMembers; // group.instance.id -> member id
    std::map<std::string, Scheduler::EventId> pendingMembers; // member id -> expiration timer
    std::set<std::string> pendingSyncMembers;
    bool newMemberAdded = false;
    // The join phase's delayed operation: InitialDelayedJoin or DelayedJoin.
    JoinTimerKind joinTimerKind = JoinTimerKind::None;
    Scheduler::EventId joinTimer;
    std::int32_t initialDelayMs = 0;     // InitialDelayedJoin's delayMs
    std::int32_t initialRemainingMs = 0; // InitialDelayedJoin's remainingMs
    // DelayedSync: members of `syncTimerGeneration` that have not sent SyncGroup are removed.
    std::optional<Scheduler::EventId> syncTimer;
    std::int32_t syncTimerGeneration = 0;
    std::map<TopicPartition, CommittedOffset> offsets;
    std::uint64_t nextJoinOrder = 0;
    std::optional<GroupMetadataRecord> lastStored;
};

// Delivers queued responses when the outermost public entry point returns.
class GroupCoordinator::EntryGuard {
public:
    explicit EntryGuard(GroupCoordinator &c) : m_c(c) { ++m_c.m_entryDepth; }
    ~EntryGuard()
    {
        if (--m_c.m_entryDepth == 0)
            m_c.flushResponses();
    }
    EntryGuard(const EntryGuard &) = delete;
    EntryGuard &operator=(const EntryGuard &) = delete;

private:
    GroupCoordinator &m_c;
};

namespace {

constexpr std::string_view kUnknownMemberId;

// The state transitions Kafka allows (GroupState.validPreviousStates).
bool validTransition(GroupState from, GroupState to)
{
    switch (to) {
    case GroupState::PreparingRebalance:
        return from == GroupState::Stable || from == GroupState::CompletingRebalance || from == GroupState::Empty;
    case GroupState::CompletingRebalance:
        return from == GroupState::PreparingRebalance;
    case GroupState::Stable:
        return from == GroupState::CompletingRebalance;
    case GroupState::Empty:
        return from == GroupState::PreparingRebalance;
    case GroupState::Dead:
        return true;
    }
    return false;
}

JoinGroupResponse joinError(std::string memberId, GroupError error)
{
    JoinGroupResponse r;
    r.error = error;
    r.memberId = std::move(memberId);
    return r;
}

SyncGroupResponse syncError(GroupError error)
{
    SyncGroupResponse r;
    r.error = error;
    return r;
}

// Java's HashMap bucket of a String key in a table of `capacity` buckets (hash spread as in
// HashMap.hash).
std::uint32_t javaHashMapBucket(const std::string &key, std::uint32_t capacity)
{
    const auto h = static_cast<std::uint32_t>(javaStringHashCode(key));
    return (h ^ (h >> 16)) & (capacity - 1);
}

} // namespace

GroupCoordinator::GroupCoordinator(BrokerId brokerId, Scheduler &scheduler, GroupCoordinatorConfig config)
    : m_brokerId(brokerId), m_scheduler(scheduler), m_config(config)
{
}

GroupCoordinator::~GroupCoordinator()
{
    for (auto &[id, group] : m_groups)
        cancelTimers(*group);
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

void GroupCoordinator::startup()
{
    m_active = true;
}

void GroupCoordinator::shutdown()
{
    EntryGuard guard(*this);
    m_active = false;
    while (!m_groups.empty()) {
        auto it = m_groups.begin();
        unloadGroup(*it->second);
        m_groups.erase(it);
    }
    m_ownedPartitions.clear();
}

void GroupCoordinator::activate(std::int32_t partition)
{
    m_ownedPartitions.insert(partition);
}

void GroupCoordinator::deactivate(std::int32_t partition)
{
    EntryGuard guard(*this);
    m_ownedPartitions.erase(partition);
    for (auto it = m_groups.begin(); it != m_groups.end();) {
        if (partitionFor(it->first) == partition) {
            unloadGroup(*it->second);
            it = m_groups.erase(it);
        } else {
            ++it;
        }
    }
}

// Kafka's onGroupUnloaded: the group turns Dead and parked requests learn that this broker is no
// longer the coordinator.
void GroupCoordinator::unloadGroup(Group &group)
{
    const GroupState previous = group.state;
    transitionTo(group, GroupState::Dead);
    if (previous == GroupState::PreparingRebalance) {
        for (Member *m : membersInJoinOrder(group))
            invokeJoinCallback(*m, joinError(m->memberId, GroupError::NotCoordinator));
    } else if (previous == GroupState::Stable || previous == GroupState::CompletingRebalance) {
        for (Member *m : membersInJoinOrder(group))
            invokeSyncCallback(*m, syncError(GroupError::NotCoordinator));
    }
    cancelTimers(group);
    emitEvent(group, GroupUnloadedEvent{});
}

void GroupCoordinator::cancelTimers(Group &group)
{
    if (group.joinTimerKind != JoinTimerKind::None)
        m_scheduler.cancel(group.joinTimer);
    group.joinTimerKind = JoinTimerKind::None;
    if (group.syncTimer)
        m_scheduler.cancel(*group.syncTimer);
    group.syncTimer.reset();
    for (auto &[id, timer] : group.pendingMembers)
        m_scheduler.cancel(timer);
    for (auto &[id, member] : group.members) {
        if (member.heartbeatTimer)
            m_scheduler.cancel(*member.heartbeatTimer);
        member.heartbeatTimer.reset();
        member.heartbeatDeadline.reset();
    }
}

Status GroupCoordinator::loadGroup(const GroupMetadataRecord &record)
{
    EntryGuard guard(*this);
    if (!ownsPartition(partitionFor(record.groupId)))
        return Status::invalidArgument("group " + record.groupId + ": partition " +
                                       std::to_string(partitionFor(record.groupId)) + " is not owned");
    if (!record.members.empty() && !record.protocolName)
        return Status::invalidArgument("group " + record.groupId + ": members without a protocol name");
    std::set<std::string> ids;
    std::set<std::string> instances;
    for (const StoredMember &m : record.members) {
        if (m.memberId.empty() || !ids.insert(m.memberId).second)
            return Status::invalidArgument("group " + record.groupId + ": empty or duplicate member id");
        if (m.groupInstanceId && !instances.insert(*m.groupInstanceId).second)
            return Status::invalidArgument("group " + record.groupId + ": duplicate group.instance.id");
    }
    if (record.leader && !ids.count(*record.leader))
        return Status::invalidArgument("group " + record.groupId + ": leader is not a member");
    Group *existing = findGroup(record.groupId);
    if (existing && !existing->members.empty())
        return Status::alreadyExists("group " + record.groupId + " already has members");
    Group &group = existing ? *existing : createGroup(record.groupId);

    group.protocolType = record.protocolType;
    group.generationId = record.generationId;
    group.protocolName = record.members.empty() ? std::nullopt : record.protocolName;
    group.state = record.members.empty() ? GroupState::Empty : GroupState::Stable;
    group.stateSince = m_scheduler.now();
    for (const StoredMember &s : record.members) {
        Member m;
        m.memberId = s.memberId;
        m.groupInstanceId = s.groupInstanceId;
        m.clientId = s.clientId;
        m.rebalanceTimeoutMs = s.rebalanceTimeoutMs;
        m.sessionTimeoutMs = s.sessionTimeoutMs;
        m.protocolType = record.protocolType.value_or(std::string(kConsumerProtocolType));
        m.protocols = {GroupProtocol{*record.protocolName, s.subscription}};
        m.assignment = s.assignment;
        addMember(group, std::move(m));
    }
    group.leaderId = record.members.empty() ? std::nullopt : record.leader;
    group.lastStored = record;
    emitEvent(group, GroupLoadedEvent{});
    // Kafka's onGroupLoaded: shed load if the group is too big, then expect heartbeats.
    if (static_cast<std::int64_t>(group.members.size()) > m_config.groupMaxSize)
        prepareRebalance(group, RebalanceReason::OverCapacity, {});
    for (Member *m : membersInJoinOrder(group))
        completeAndScheduleNextHeartbeatExpiration(group, *m);
    return Status::ok();
}

Status GroupCoordinator::loadCommittedOffsets(const std::string &groupId,
                                              const std::map<TopicPartition, CommittedOffset> &offsets)
{
    EntryGuard guard(*this);
    if (!ownsPartition(partitionFor(groupId)))
        return Status::invalidArgument("group " + groupId + ": partition " + std::to_string(partitionFor(groupId)) +
                                       " is not owned");
    Group *group = findGroup(groupId);
    if (!group)
        group = &createGroup(groupId);
    for (const auto &[tp, offset] : offsets)
        group->offsets[tp] = offset;
    return Status::ok();
}

// ---------------------------------------------------------------------------------------------
// Validation shared by the handlers

std::optional<GroupError> GroupCoordinator::validateGroupStatus(const std::string &groupId, bool allowEmptyId) const
{
    // Kafka: OffsetCommit and OffsetFetch accept the empty group id for backwards compatibility.
    if (groupId.empty() && !allowEmptyId)
        return GroupError::InvalidGroupId;
    if (!m_active)
        return GroupError::CoordinatorNotAvailable;
    if (!ownsPartition(partitionFor(groupId)))
        return GroupError::NotCoordinator;
    return std::nullopt;
}

// Kafka's validateCurrentMember: a static member must be the instance's current member id, and
// the member id must be known.
std::optional<GroupError> GroupCoordinator::validateCurrentMember(const Group &group, const std::string &memberId,
                                                                  const std::optional<std::string> &groupInstanceId) const
{
    if (groupInstanceId) {
        const auto it = group.staticMembers.find(*groupInstanceId);
        if (it == group.staticMembers.end())
            return GroupError::UnknownMemberId;
        if (it->second != memberId)
            return GroupError::FencedInstanceId;
    }
    if (!group.members.count(memberId))
        return GroupError::UnknownMemberId;
    return std::nullopt;
}

GroupCoordinator::Group *GroupCoordinator::findGroup(const std::string &groupId)
{
    const auto it = m_groups.find(groupId);
    return it == m_groups.end() ? nullptr : it->second.get();
}

GroupCoordinator::Group &GroupCoordinator::createGroup(const std::string &groupId)
{
    auto group = std::make_unique<Group>();
    group->groupId = groupId;
    group->stateSince = m_scheduler.now();
    Group &ref = *group;
    m_groups.emplace(groupId, std::move(group));
    return ref;
}

// ---------------------------------------------------------------------------------------------
// JoinGroup

void GroupCoordinator::handleJoinGroup(const JoinGroupRequest &request, JoinCallback callback)
{
    EntryGuard guard(*this);
    if (!callback)
        callback = [](const JoinGroupResponse &) {};
    const auto reply = [this, &callback](JoinGroupResponse r) {
        respond([cb = std::move(callback), r = std::move(r)] { cb(r); });
    };
    if (const auto error = validateGroupStatus(request.groupId, false))
        return reply(joinError(request.memberId, *error));
    if (request.sessionTimeoutMs < m_config.groupMinSessionTimeoutMs ||
        request.sessionTimeoutMs > m_config.groupMaxSessionTimeoutMs)
        return reply(joinError(request.memberId, GroupError::InvalidSessionTimeout));

    const bool isUnknownMember = request.memberId.empty();
    Group *group = findGroup(request.groupId);
    if (!group) {
        // Only a member without an id may create a group.
        if (!isUnknownMember)
            return reply(joinError(request.memberId, GroupError::UnknownMemberId));
        group = &createGroup(request.groupId);
    }

    // Kafka's acceptJoiningMember (group.max.size).
    bool accept = true;
    const auto known = group->members.find(request.memberId);
    const bool has = known != group->members.end();
    const auto size = static_cast<std::int64_t>(group->members.size());
    switch (group->state) {
    case GroupState::Empty:
    case GroupState::Dead:
        break;
    case GroupState::PreparingRebalance: {
        const auto awaiting = std::count_if(group->members.begin(), group->members.end(),
                                            [](const auto &kv) { return kv.second.awaitingJoin(); });
        accept = (has && known->second.awaitingJoin()) || awaiting < m_config.groupMaxSize;
        break;
    }
    case GroupState::CompletingRebalance:
    case GroupState::Stable:
        accept = has || size < m_config.groupMaxSize;
        break;
    }
    if (!accept) {
        if (has)
            removeMember(*group, request.memberId, MemberRemovalReason::GroupMaxSize);
        reply(joinError(std::string(kUnknownMemberId), GroupError::GroupMaxSizeReached));
    } else if (isUnknownMember) {
        doNewMemberJoinGroup(*group, request, std::move(callback));
    } else {
        doCurrentMemberJoinGroup(*group, request, std::move(callback));
    }
    if (group->state == GroupState::PreparingRebalance)
        tryCompleteJoin(*group);
}

void GroupCoordinator::doNewMemberJoinGroup(Group &group, const JoinGroupRequest &request, JoinCallback callback)
{
    if (group.state == GroupState::Dead) {
        respond([cb = std::move(callback)] { cb(joinError({}, GroupError::CoordinatorNotAvailable)); });
        return;
    }
    if (!supportsProtocols(group, request.protocolType, request.protocols)) {
        respond([cb = std::move(callback)] { cb(joinError({}, GroupError::InconsistentGroupProtocol)); });
        return;
    }
    const std::string newMemberId = generateMemberId(request.clientId, request.groupInstanceId);
    if (request.groupInstanceId) {
        // A static member never gets MEMBER_ID_REQUIRED; a known instance replaces its old member id.
        const auto it = group.staticMembers.find(*request.groupInstanceId);
        if (it != group.staticMembers.end()) {
            const std::string oldMemberId = it->second;
            updateStaticMemberAndRebalance(group, oldMemberId, newMemberId, request, std::move(callback));
        } else {
            addMemberAndRebalance(group, newMemberId, request, std::move(callback));
        }
    } else if (request.requireKnownMemberId) {
        // KIP-394: remember the id as pending and ask the member to come back with it; a pending
        // member that does not return within its session timeout is forgotten.
        const std::string groupId = group.groupId;
        const Scheduler::EventId timer = m_scheduler.scheduleAfter(
            SimDuration::millis(request.sessionTimeoutMs), EventPriority::Timer,
            [this, groupId, newMemberId] { onPendingMemberTimer(groupId, newMemberId); });
        group.pendingMembers[newMemberId] = timer;
        respond([cb = std::move(callback), newMemberId] { cb(joinError(newMemberId, GroupError::MemberIdRequired)); });
    } else {
        addMemberAndRebalance(group, newMemberId, request, std::move(callback));
    }
}

void GroupCoordinator::doCurrentMemberJoinGroup(Group &group, const JoinGroupRequest &request, JoinCallback callback)
{
    const std::string &memberId = request.memberId;
    const auto reply = [this, &callback, &memberId](GroupError error) {
        respond([cb = std::move(callback), r = joinError(memberId, error)] { cb(r); });
    };
    if (group.state == GroupState::Dead)
        return reply(GroupError::CoordinatorNotAvailable);
    if (!supportsProtocols(group, request.protocolType, request.protocols))
        return reply(GroupError::InconsistentGroupProtocol);
    if (group.pendingMembers.count(memberId)) {
        // A pending member is always dynamic (Kafka throws IllegalStateException otherwise, which
        // its request handler turns into UNKNOWN_SERVER_ERROR).
        if (request.groupInstanceId)
            return reply(GroupError::UnknownServerError);
        addMemberAndRebalance(group, memberId, request, std::move(callback));
        return;
    }
    if (const auto error = validateCurrentMember(group, memberId, request.groupInstanceId))
        return reply(*error);

    Member &member = group.members.at(memberId);
    const bool sameMetadata = member.protocols == request.protocols;
    switch (group.state) {
    case GroupState::PreparingRebalance:
        updateMemberAndRebalance(group, member, request, std::move(callback), RebalanceReason::MetadataChanged);
        return;
    case GroupState::CompletingRebalance:
        if (sameMetadata) {
            // The member probably lost its JoinGroup response: send the current generation again.
            JoinGroupResponse r;
            r.members = group.leaderId == memberId ? currentMemberMetadata(group) : std::vector<AssignorMember>{};
            r.memberId = memberId;
            r.generationId = group.generationId;
            r.protocolType = group.protocolType;
            r.protocolName = group.protocolName;
            r.leader = group.leaderId.value_or(std::string{});
            respond([cb = std::move(callback), r = std::move(r)] { cb(r); });
        } else {
            updateMemberAndRebalance(group, member, request, std::move(callback), RebalanceReason::MetadataChanged);
        }
        return;
    case GroupState::Stable:
        if (group.leaderId == memberId) {
            // The leader may rejoin to force a rebalance (e.g. topic metadata changed).
            updateMemberAndRebalance(group, member, request, std::move(callback), RebalanceReason::LeaderRejoined);
        } else if (!sameMetadata) {
            updateMemberAndRebalance(group, member, request, std::move(callback), RebalanceReason::MetadataChanged);
        } else {
            JoinGroupResponse r;
            r.memberId = memberId;
            r.generationId = group.generationId;
            r.protocolType = group.protocolType;
            r.protocolName = group.protocolName;
            r.leader = group.leaderId.value_or(std::string{});
            respond([cb = std::move(callback), r = std::move(r)] { cb(r); });
        }
        return;
    case GroupState::Empty:
    case GroupState::Dead:
        return reply(GroupError::UnknownMemberId);
    }
}

void GroupCoordinator::addMemberAndRebalance(Group &group, const std::string &memberId, const JoinGroupRequest &request,
                                             JoinCallback callback)
{
    Member m;
    m.memberId = memberId;
    m.groupInstanceId = request.groupInstanceId;
    m.clientId = request.clientId;
    m.rebalanceTimeoutMs = request.rebalanceTimeoutMs;
    m.sessionTimeoutMs = request.sessionTimeoutMs;
    m.protocolType = request.protocolType;
    m.protocols = request.protocols;
    m.isNew = true;
    m.joinCallback = std::move(callback);
    // Members joining an Empty group during its initial delay extend the delay.
    if (group.state == GroupState::PreparingRebalance && group.generationId == 0)
        group.newMemberAdded = true;
    addMember(group, std::move(m));
    // A new member cannot heartbeat before its JoinGroup response; it is dropped if that takes
    // longer than newMemberJoinTimeoutMs (it will retry if it is still alive).
    scheduleExpiration(group, group.members.at(memberId), m_config.newMemberJoinTimeoutMs);
    maybePrepareRebalance(group, RebalanceReason::NewMember, memberId);
}

// Kafka's updateStaticMemberAndRebalance: a static member re-joins without a member id.
void GroupCoordinator::updateStaticMemberAndRebalance(Group &group, const std::string &oldMemberId,
                                                      const std::string &newMemberId, const JoinGroupRequest &request,
                                                      JoinCallback callback)
{
    const std::optional<std::string> currentLeader = group.leaderId;

    // replaceStaticMember: fence whatever the old member id still has parked, then rename.
    auto node = group.members.extract(oldMemberId);
    assert(!node.empty());
    Member &old = node.mapped();
    invokeJoinCallback(old, joinError(oldMemberId, GroupError::FencedInstanceId));
    invokeSyncCallback(old, syncError(GroupError::FencedInstanceId));
    if (old.heartbeatTimer)
        m_scheduler.cancel(*old.heartbeatTimer);
    old.heartbeatTimer.reset();
    old.heartbeatDeadline.reset();
    old.memberId = newMemberId;
    node.key() = newMemberId;
    group.members.insert(std::move(node));
    if (group.leaderId == oldMemberId)
        group.leaderId = newMemberId;
    group.staticMembers[*request.groupInstanceId] = newMemberId;
    if (group.pendingSyncMembers.erase(oldMemberId) != 0)
        group.pendingSyncMembers.insert(newMemberId);
    Member &member = group.members.at(newMemberId);
    emitEvent(group, MemberRemovedEvent{oldMemberId, member.groupInstanceId, MemberRemovalReason::Fenced, newMemberId});
    emitEvent(group, MemberJoinedEvent{newMemberId, member.groupInstanceId, member.clientId});

    completeAndScheduleNextHeartbeatExpiration(group, member);
    member.protocols = request.protocols;
    member.rebalanceTimeoutMs = request.rebalanceTimeoutMs;
    member.sessionTimeoutMs = request.sessionTimeoutMs;
    member.joinCallback = std::move(callback);

    switch (group.state) {
    case GroupState::Stable:
        if (selectProtocol(group) == group.protocolName) {
            // Nothing the assignment depends on changed as far as the coordinator can tell: keep the
            // generation and the member's assignment, persist the new member id.
            storeGroup(group);
            JoinGroupResponse r;
            r.memberId = newMemberId;
            r.generationId = group.generationId;
            r.protocolType = group.protocolType;
            r.protocolName = group.protocolName;
            if (request.supportSkippingAssignment) {
                // KIP-814: a static leader learns it leads, but must not compute an assignment.
                const bool isLeader = group.leaderId == newMemberId;
                if (isLeader)
                    r.members = currentMemberMetadata(group);
                r.leader = group.leaderId.value_or(std::string{});
                r.skipAssignment = isLeader;
            } else {
                // Older clients are told the old leader id, so a rejoining leader does not assign.
                r.leader = currentLeader.value_or(std::string{});
            }
            invokeJoinCallback(member, std::move(r));
        } else {
            maybePrepareRebalance(group, RebalanceReason::StaticMemberChangedProtocol, newMemberId);
        }
        break;
    case GroupState::CompletingRebalance:
        // The leader may already be assigning to the old member id: start over.
        prepareRebalance(group, RebalanceReason::StaticMemberRejoinedDuringSync, newMemberId);
        break;
    case GroupState::PreparingRebalance:
        break;
    case GroupState::Empty:
    case GroupState::Dead:
        // A group with a static member is neither Empty nor (in the map) Dead.
        assert(false);
        break;
    }
}

void GroupCoordinator::updateMemberAndRebalance(Group &group, Member &member, const JoinGroupRequest &request,
                                                JoinCallback callback, RebalanceReason reason)
{
    // Kafka's updateMember: a second JoinGroup replaces the parked one (which gets no answer).
    member.protocols = request.protocols;
    member.rebalanceTimeoutMs = request.rebalanceTimeoutMs;
    member.sessionTimeoutMs = request.sessionTimeoutMs;
    member.joinCallback = std::move(callback);
    maybePrepareRebalance(group, reason, member.memberId);
}

// ---------------------------------------------------------------------------------------------
// The join phase

void GroupCoordinator::maybePrepareRebalance(Group &group, RebalanceReason reason, const std::string &memberId)
{
    if (validTransition(group.state, GroupState::PreparingRebalance))
        prepareRebalance(group, reason, memberId);
}

void GroupCoordinator::prepareRebalance(Group &group, RebalanceReason reason, const std::string &memberId)
{
    // Members waiting for an assignment must rejoin instead.
    if (group.state == GroupState::CompletingRebalance)
        resetAndPropagateAssignmentError(group, GroupError::RebalanceInProgress);
    if (group.syncTimer)
        m_scheduler.cancel(*group.syncTimer);
    group.syncTimer.reset();
    group.pendingSyncMembers.clear();
    if (group.joinTimerKind != JoinTimerKind::None)
        m_scheduler.cancel(group.joinTimer);
    group.joinTimerKind = JoinTimerKind::None;

    const bool fromEmpty = group.state == GroupState::Empty;
    const std::int32_t rebalanceTimeout = rebalanceTimeoutMs(group);
    emitEvent(group, RebalanceStartedEvent{reason, memberId, group.generationId});
    transitionTo(group, GroupState::PreparingRebalance);

    const std::string groupId = group.groupId;
    if (fromEmpty) {
        // InitialDelayedJoin: wait group.initial.rebalance.delay.ms for more members.
        group.joinTimerKind = JoinTimerKind::InitialDelay;
        group.initialDelayMs = m_config.groupInitialRebalanceDelayMs;
        group.initialRemainingMs = std::max(rebalanceTimeout - m_config.groupInitialRebalanceDelayMs, 0);
        group.joinTimer = m_scheduler.scheduleAfter(SimDuration::millis(group.initialDelayMs), EventPriority::Timer,
                                                    [this, groupId] { onJoinTimer(groupId); });
    } else {
        // DelayedJoin: completes when every member rejoined, or at the rebalance timeout.
        group.joinTimerKind = JoinTimerKind::Rebalance;
        group.joinTimer = m_scheduler.scheduleAfter(SimDuration::millis(rebalanceTimeout), EventPriority::Timer,
                                                    [this, groupId] { onJoinTimer(groupId); });
        tryCompleteJoin(group);
    }
}

bool GroupCoordinator::hasAllMembersJoined(const Group &group) const
{
    return group.pendingMembers.empty() &&
           std::all_of(group.members.begin(), group.members.end(), [](const auto &kv) { return kv.second.awaitingJoin(); });
}

// DelayedJoin.tryComplete (InitialDelayedJoin never completes early).
void GroupCoordinator::tryCompleteJoin(Group &group)
{
    if (group.state != GroupState::PreparingRebalance || group.joinTimerKind != JoinTimerKind::Rebalance)
        return;
    if (!hasAllMembersJoined(group))
        return;
    m_scheduler.cancel(group.joinTimer);
    group.joinTimerKind = JoinTimerKind::None;
    onCompleteJoin(group);
}

void GroupCoordinator::onJoinTimer(const std::string &groupId)
{
    EntryGuard guard(*this);
    Group *group = findGroup(groupId);
    if (!group || group->joinTimerKind == JoinTimerKind::None)
        return;
    if (group->joinTimerKind == JoinTimerKind::InitialDelay && group->newMemberAdded && group->initialRemainingMs != 0) {
        // Someone joined during the delay: wait again, never beyond the rebalance timeout.
        group->newMemberAdded = false;
        const std::int32_t delay = std::min(m_config.groupInitialRebalanceDelayMs, group->initialRemainingMs);
        group->initialRemainingMs = std::max(group->initialRemainingMs - group->initialDelayMs, 0);
        group->initialDelayMs = delay;
        group->joinTimer = m_scheduler.scheduleAfter(SimDuration::millis(delay), EventPriority::Timer,
                                                     [this, groupId] { onJoinTimer(groupId); });
        return;
    }
    group->joinTimerKind = JoinTimerKind::None;
    onCompleteJoin(*group);
}

// Kafka's onCompleteJoin: drop dynamic members that did not rejoin, elect a leader among those
// that did, and start the next generation.
void GroupCoordinator::onCompleteJoin(Group &group)
{
    for (Member *m : membersInJoinOrder(group)) {
        if (!m->awaitingJoin() && !m->isStatic())
            removeMember(group, m->memberId, MemberRemovalReason::RebalanceTimeout);
    }
    if (group.state == GroupState::Dead)
        return;

    // maybeElectNewJoinedLeader: the leader must be among the members that rejoined.
    bool leaderJoined = false;
    if (group.leaderId) {
        if (group.members.at(*group.leaderId).awaitingJoin()) {
            leaderJoined = true;
        } else {
            for (Member *m : membersInJoinOrder(group)) {
                if (m->awaitingJoin()) {
                    group.leaderId = m->memberId;
                    leaderJoined = true;
                    break;
                }
            }
        }
    }
    if (!leaderJoined && !group.members.empty()) {
        // Only static members that did not rejoin are left: wait another rebalance timeout (their
        // sessions expire meanwhile unless they come back).
        const std::string groupId = group.groupId;
        group.joinTimerKind = JoinTimerKind::Rebalance;
        group.joinTimer = m_scheduler.scheduleAfter(SimDuration::millis(rebalanceTimeoutMs(group)), EventPriority::Timer,
                                                    [this, groupId] { onJoinTimer(groupId); });
        return;
    }

    // initNextGeneration
    ++group.generationId;
    group.pendingSyncMembers.clear();
    if (group.members.empty()) {
        group.protocolName.reset();
        transitionTo(group, GroupState::Empty);
        emitEvent(group, GenerationStartedEvent{group.generationId, {}, {}, {}});
        storeGroup(group);
        return;
    }
    group.protocolName = selectProtocol(group);
    transitionTo(group, GroupState::CompletingRebalance);
    GenerationStartedEvent started{group.generationId, *group.leaderId, *group.protocolName, {}};
    for (Member *m : membersInJoinOrder(group))
        started.memberIds.push_back(m->memberId);
    emitEvent(group, std::move(started));

    for (Member *m : membersInJoinOrder(group)) {
        JoinGroupResponse r;
        if (group.leaderId == m->memberId)
            r.members = currentMemberMetadata(group);
        r.memberId = m->memberId;
        r.generationId = group.generationId;
        r.protocolType = group.protocolType;
        r.protocolName = group.protocolName;
        r.leader = *group.leaderId;
        invokeJoinCallback(*m, std::move(r));
        completeAndScheduleNextHeartbeatExpiration(group, *m);
        m->isNew = false;
        group.pendingSyncMembers.insert(m->memberId);
    }
    // DelayedSync: members that do not send SyncGroup within the rebalance timeout are removed.
    const std::string groupId = group.groupId;
    const std::int32_t generation = group.generationId;
    group.syncTimerGeneration = generation;
    group.syncTimer = m_scheduler.scheduleAfter(SimDuration::millis(rebalanceTimeoutMs(group)), EventPriority::Timer,
                                                [this, groupId, generation] { onSyncTimer(groupId, generation); });
}

void GroupCoordinator::onSyncTimer(const std::string &groupId, std::int32_t generationId)
{
    EntryGuard guard(*this);
    Group *group = findGroup(groupId);
    if (!group || !group->syncTimer || group->syncTimerGeneration != generationId)
        return;
    group->syncTimer.reset();
    if (group->generationId != generationId ||
        (group->state != GroupState::CompletingRebalance && group->state != GroupState::Stable) ||
        group->pendingSyncMembers.empty())
        return;
    const std::vector<std::string> missing(group->pendingSyncMembers.begin(), group->pendingSyncMembers.end());
    for (const std::string &id : missing)
        removeMember(*group, id, MemberRemovalReason::SyncTimeout);
    prepareRebalance(*group, RebalanceReason::MemberRemoved, missing.front());
}

// ---------------------------------------------------------------------------------------------
// Heartbeats and member expiry

void GroupCoordinator::completeAndScheduleNextHeartbeatExpiration(Group &group, Member &member)
{
    member.lastHeartbeat = m_scheduler.now();
    scheduleExpiration(group, member, member.sessionTimeoutMs);
}

// Kafka's DelayedHeartbeat: a member awaiting a JoinGroup or SyncGroup response (and not new)
// needs no heartbeat, so no expiration is watched for it until its response is sent.
void GroupCoordinator::scheduleExpiration(Group &group, Member &member, std::int32_t timeoutMs)
{
    if (member.heartbeatTimer)
        m_scheduler.cancel(*member.heartbeatTimer);
    member.heartbeatTimer.reset();
    member.heartbeatDeadline.reset();
    if (!member.isNew && (member.awaitingJoin() || member.awaitingSync()))
        return;
    const SimTime deadline = m_scheduler.now() + SimDuration::millis(timeoutMs);
    const std::string groupId = group.groupId;
    const std::string memberId = member.memberId;
    member.heartbeatDeadline = deadline;
    member.heartbeatTimer = m_scheduler.schedule(deadline, EventPriority::Timer,
                                                 [this, groupId, memberId] { onHeartbeatTimer(groupId, memberId); });
}

void GroupCoordinator::onHeartbeatTimer(const std::string &groupId, const std::string &memberId)
{
    EntryGuard guard(*this);
    Group *group = findGroup(groupId);
    if (!group)
        return;
    const auto it = group->members.find(memberId);
    if (it == group->members.end())
        return;
    Member &member = it->second;
    member.heartbeatTimer.reset();
    member.heartbeatDeadline.reset();
    if (!member.isNew && (member.awaitingJoin() || member.awaitingSync()))
        return; // members in the middle of a rebalance satisfy the heartbeat
    removeMemberAndUpdateGroup(*group, memberId,
                               member.isNew ? MemberRemovalReason::NewMemberJoinTimeout
                                            : MemberRemovalReason::SessionTimeout);
}

void GroupCoordinator::onPendingMemberTimer(const std::string &groupId, const std::string &memberId)
{
    EntryGuard guard(*this);
    Group *group = findGroup(groupId);
    if (!group)
        return;
    const auto it = group->pendingMembers.find(memberId);
    if (it == group->pendingMembers.end())
        return;
    group->pendingMembers.erase(it);
    if (group->state == GroupState::PreparingRebalance)
        tryCompleteJoin(*group);
}

void GroupCoordinator::removeMemberAndUpdateGroup(Group &group, std::string memberId, MemberRemovalReason reason)
{
    // A parked JoinGroup is answered UNKNOWN_MEMBER_ID so the client retries if it still lives.
    invokeJoinCallback(group.members.at(memberId), joinError(std::string(kUnknownMemberId), GroupError::UnknownMemberId));
    removeMember(group, memberId, reason);
    switch (group.state) {
    case GroupState::Stable:
    case GroupState::CompletingRebalance:
        maybePrepareRebalance(group, RebalanceReason::MemberRemoved, memberId);
        break;
    case GroupState::PreparingRebalance:
        tryCompleteJoin(group);
        break;
    case GroupState::Empty:
    case GroupState::Dead:
        break;
    }
}

void GroupCoordinator::removePendingMemberAndUpdateGroup(Group &group, const std::string &memberId)
{
    const auto it = group.pendingMembers.find(memberId);
    if (it != group.pendingMembers.end()) {
        m_scheduler.cancel(it->second);
        group.pendingMembers.erase(it);
    }
    if (group.state == GroupState::PreparingRebalance)
        tryCompleteJoin(group);
}

void GroupCoordinator::handleHeartbeat(const HeartbeatRequest &request, HeartbeatCallback callback)
{
    EntryGuard guard(*this);
    if (!callback)
        callback = [](const HeartbeatResponse &) {};
    const auto reply = [this, &callback](GroupError error) {
        respond([cb = std::move(callback), error] { cb(HeartbeatResponse{error}); });
    };
    if (const auto error = validateGroupStatus(request.groupId, false))
        return reply(*error);
    Group *group = findGroup(request.groupId);
    if (!group)
        return reply(GroupError::UnknownMemberId);
    if (group->state == GroupState::Dead)
        return reply(GroupError::CoordinatorNotAvailable);
    if (const auto error = validateCurrentMember(*group, request.memberId, request.groupInstanceId))
        return reply(*error);
    if (request.generationId != group->generationId)
        return reply(GroupError::IllegalGeneration);
    Member &member = group->members.at(request.memberId);
    switch (group->state) {
    case GroupState::Empty:
    case GroupState::Dead:
        return reply(GroupError::UnknownMemberId);
    case GroupState::CompletingRebalance:
    case GroupState::Stable:
        completeAndScheduleNextHeartbeatExpiration(*group, member);
        return reply(GroupError::None);
    case GroupState::PreparingRebalance:
        // The heartbeat still counts; the answer tells the member to rejoin.
        completeAndScheduleNextHeartbeatExpiration(*group, member);
        return reply(GroupError::RebalanceInProgress);
    }
}

// ---------------------------------------------------------------------------------------------
// SyncGroup

void GroupCoordinator::handleSyncGroup(const SyncGroupRequest &request, SyncCallback callback)
{
    EntryGuard guard(*this);
    if (!callback)
        callback = [](const SyncGroupResponse &) {};
    const auto reply = [this, &callback](SyncGroupResponse r) {
        respond([cb = std::move(callback), r = std::move(r)] { cb(r); });
    };
    if (const auto error = validateGroupStatus(request.groupId, false))
        return reply(syncError(*error));
    Group *group = findGroup(request.groupId);
    if (!group)
        return reply(syncError(GroupError::UnknownMemberId));
    if (group->state == GroupState::Dead)
        return reply(syncError(GroupError::CoordinatorNotAvailable));
    if (const auto error = validateCurrentMember(*group, request.memberId, request.groupInstanceId))
        return reply(syncError(*error));
    if (request.generationId != group->generationId)
        return reply(syncError(GroupError::IllegalGeneration));
    if ((request.protocolType && request.protocolType != group->protocolType) ||
        (request.protocolName && request.protocolName != group->protocolName))
        return reply(syncError(GroupError::InconsistentGroupProtocol));

    Member &member = group->members.at(request.memberId);
    switch (group->state) {
    case GroupState::Empty:
    case GroupState::Dead:
        return reply(syncError(GroupError::UnknownMemberId));
    case GroupState::PreparingRebalance:
        return reply(syncError(GroupError::RebalanceInProgress));
    case GroupState::CompletingRebalance: {
        // Park until the leader's assignment arrives (a second SyncGroup replaces the first).
        member.syncCallback = std::move(callback);
        group->pendingSyncMembers.erase(request.memberId);
        if (group->pendingSyncMembers.empty() && group->syncTimer) {
            m_scheduler.cancel(*group->syncTimer);
            group->syncTimer.reset();
        }
        if (group->leaderId == request.memberId) {
            GroupAssignment assignment;
            for (const auto &[id, m] : group->members) {
                const auto it = request.assignments.find(id);
                assignment[id] = it == request.assignments.end() ? std::vector<TopicPartition>{} : it->second;
            }
            emitEvent(*group, AssignmentsReceivedEvent{group->generationId, request.memberId, assignment});
            setAndPropagateAssignment(*group, assignment);
            transitionTo(*group, GroupState::Stable);
            storeGroup(*group);
        }
        return;
    }
    case GroupState::Stable: {
        group->pendingSyncMembers.erase(request.memberId);
        if (group->pendingSyncMembers.empty() && group->syncTimer) {
            m_scheduler.cancel(*group->syncTimer);
            group->syncTimer.reset();
        }
        SyncGroupResponse r;
        r.protocolType = group->protocolType;
        r.protocolName = group->protocolName;
        r.assignment = member.assignment;
        reply(std::move(r));
        completeAndScheduleNextHeartbeatExpiration(*group, member);
        return;
    }
    }
}

void GroupCoordinator::setAndPropagateAssignment(Group &group, const GroupAssignment &assignment)
{
    assert(group.state == GroupState::CompletingRebalance);
    for (auto &[id, member] : group.members)
        member.assignment = assignment.at(id);
    propagateAssignment(group, GroupError::None);
}

void GroupCoordinator::resetAndPropagateAssignmentError(Group &group, GroupError error)
{
    assert(group.state == GroupState::CompletingRebalance);
    for (auto &[id, member] : group.members)
        member.assignment.clear();
    propagateAssignment(group, error);
}

void GroupCoordinator::propagateAssignment(Group &group, GroupError error)
{
    for (Member *m : membersInJoinOrder(group)) {
        SyncGroupResponse r;
        r.error = error;
        if (error == GroupError::None) {
            r.protocolType = group.protocolType;
            r.protocolName = group.protocolName;
            r.assignment = m->assignment;
        }
        // A member's session restarts once it has its answer (its expiry was suspended meanwhile).
        if (invokeSyncCallback(*m, std::move(r)))
            completeAndScheduleNextHeartbeatExpiration(group, *m);
    }
}

// ---------------------------------------------------------------------------------------------
// LeaveGroup

void GroupCoordinator::handleLeaveGroup(const LeaveGroupRequest &request, LeaveCallback callback)
{
    EntryGuard guard(*this);
    if (!callback)
        callback = [](const LeaveGroupResponse &) {};
    LeaveGroupResponse response;
    if (const auto error = validateGroupStatus(request.groupId, false)) {
        response.error = *error;
    } else if (Group *group = findGroup(request.groupId); !group) {
        for (const MemberIdentity &m : request.members)
            response.members.push_back({m.memberId, m.groupInstanceId, GroupError::UnknownMemberId});
    } else if (group->state == GroupState::Dead) {
        response.error = GroupError::CoordinatorNotAvailable;
    } else {
        for (const MemberIdentity &m : request.members) {
            GroupError memberError = GroupError::None;
            if (m.memberId.empty()) {
                // Administrative removal of a static member by instance id.
                const auto it = m.groupInstanceId ? group->staticMembers.find(*m.groupInstanceId)
                                                  : group->staticMembers.end();
                if (it == group->staticMembers.end())
                    memberError = GroupError::UnknownMemberId;
                else
                    removeMemberAndUpdateGroup(*group, std::string(it->second), MemberRemovalReason::Left);
            } else if (group->pendingMembers.count(m.memberId)) {
                removePendingMemberAndUpdateGroup(*group, m.memberId);
            } else if (const auto invalid = validateCurrentMember(*group, m.memberId, m.groupInstanceId)) {
                memberError = *invalid;
            } else {
                removeMemberAndUpdateGroup(*group, m.memberId, MemberRemovalReason::Left);
            }
            response.members.push_back({m.memberId, m.groupInstanceId, memberError});
        }
    }
    respond([cb = std::move(callback), r = std::move(response)] { cb(r); });
}

// ---------------------------------------------------------------------------------------------
// Offsets

std::optional<GroupError> GroupCoordinator::validateOffsetCommit(const Group &group, const OffsetCommitRequest &request) const
{
    if (group.state == GroupState::Dead)
        return GroupError::CoordinatorNotAvailable;
    // Generation -1 to an Empty group: a consumer without group management, or an admin client.
    if (request.generationId < 0 && group.state == GroupState::Empty)
        return std::nullopt;
    if (request.generationId >= 0 || !request.memberId.empty() || request.groupInstanceId) {
        if (const auto error = validateCurrentMember(group, request.memberId, request.groupInstanceId))
            return error;
        if (request.generationId != group.generationId)
            return GroupError::IllegalGeneration;
        return std::nullopt;
    }
    // Anonymous commits to a group with members are refused.
    if (group.state != GroupState::Empty)
        return GroupError::UnknownMemberId;
    return std::nullopt;
}

void GroupCoordinator::handleOffsetCommit(const OffsetCommitRequest &request, OffsetCommitCallback callback)
{
    EntryGuard guard(*this);
    if (!callback)
        callback = [](const OffsetCommitResponse &) {};
    OffsetCommitResponse response;
    const auto failAll = [&request, &response](GroupError error) {
        for (const auto &[tp, entry] : request.offsets)
            response.errors[tp] = error;
    };
    std::optional<GroupError> error = validateGroupStatus(request.groupId, true);
    Group *group = nullptr;
    if (!error) {
        group = findGroup(request.groupId);
        if (!group) {
            if (request.generationId < 0)
                group = &createGroup(request.groupId); // a "simple" group, used only for offsets
            else
                error = GroupError::IllegalGeneration; // a member of a group this coordinator forgot
        }
    }
    if (!error)
        error = validateOffsetCommit(*group, request);
    if (!error && group->state == GroupState::CompletingRebalance)
        error = GroupError::RebalanceInProgress; // valid member, but it has no assignment yet
    if (error) {
        failAll(*error);
    } else {
        // Empty, Stable or PreparingRebalance (a commit during the join phase is allowed: the
        // heartbeat tells the member to rejoin).
        if (group->state != GroupState::Empty)
            completeAndScheduleNextHeartbeatExpiration(*group, group->members.at(request.memberId));
        OffsetsCommittedEvent committed{request.memberId, request.generationId, {}};
        for (const auto &[tp, entry] : request.offsets) {
            if (static_cast<std::int64_t>(entry.metadata.size()) > m_config.offsetMetadataMaxBytes) {
                response.errors[tp] = GroupError::OffsetMetadataTooLarge;
                continue;
            }
            CommittedOffset c{entry.offset, entry.leaderEpoch, entry.metadata, m_scheduler.now().millis()};
            group->offsets[tp] = c;
            committed.offsets.emplace(tp, std::move(c));
            response.errors[tp] = GroupError::None;
        }
        if (!committed.offsets.empty())
            emitEvent(*group, std::move(committed));
    }
    respond([cb = std::move(callback), r = std::move(response)] { cb(r); });
}

void GroupCoordinator::handleOffsetFetch(const OffsetFetchRequest &request, OffsetFetchCallback callback)
{
    EntryGuard guard(*this);
    if (!callback)
        callback = [](const OffsetFetchResponse &) {};
    OffsetFetchResponse response;
    if (const auto error = validateGroupStatus(request.groupId, true)) {
        response.error = *error;
    } else {
        // Offsets are returned whatever the group's state (a group may use Kafka only for them).
        const Group *group = findGroup(request.groupId);
        if (request.partitions) {
            for (const TopicPartition &tp : *request.partitions) {
                FetchedOffset f;
                if (group) {
                    if (const auto it = group->offsets.find(tp); it != group->offsets.end()) {
                        f.offset = it->second.offset;
                        f.leaderEpoch = it->second.leaderEpoch;
                        f.metadata = it->second.metadata;
                    }
                }
                response.offsets[tp] = f;
            }
        } else if (group) {
            for (const auto &[tp, c] : group->offsets)
                response.offsets[tp] = FetchedOffset{c.offset, c.leaderEpoch, c.metadata, GroupError::None};
        }
    }
    respond([cb = std::move(callback), r = std::move(response)] { cb(r); });
}

// ---------------------------------------------------------------------------------------------
// Group bookkeeping (Kafka's GroupMetadata)

void GroupCoordinator::transitionTo(Group &group, GroupState state)
{
    // Invariant: only Kafka's transitions happen.
    assert(validTransition(group.state, state));
    const GroupState from = group.state;
    group.state = state;
    group.stateSince = m_scheduler.now();
    emitEvent(group, StateChangedEvent{from, state});
}

void GroupCoordinator::addMember(Group &group, Member member)
{
    if (member.groupInstanceId) {
        // Invariant: one member per group.instance.id.
        assert(!group.staticMembers.count(*member.groupInstanceId));
        group.staticMembers[*member.groupInstanceId] = member.memberId;
    }
    if (group.members.empty())
        group.protocolType = member.protocolType;
    if (!group.leaderId)
        group.leaderId = member.memberId;
    if (const auto it = group.pendingMembers.find(member.memberId); it != group.pendingMembers.end()) {
        m_scheduler.cancel(it->second);
        group.pendingMembers.erase(it);
    }
    member.joinOrder = group.nextJoinOrder++;
    member.lastHeartbeat = m_scheduler.now();
    const std::string id = member.memberId;
    emitEvent(group, MemberJoinedEvent{id, member.groupInstanceId, member.clientId});
    group.members.emplace(id, std::move(member));
}

void GroupCoordinator::removeMember(Group &group, std::string memberId, MemberRemovalReason reason)
{
    const auto it = group.members.find(memberId);
    if (it == group.members.end())
        return;
    Member &member = it->second;
    if (member.heartbeatTimer)
        m_scheduler.cancel(*member.heartbeatTimer);
    const std::optional<std::string> instanceId = member.groupInstanceId;
    if (instanceId)
        group.staticMembers.erase(*instanceId);
    group.pendingSyncMembers.erase(memberId);
    group.members.erase(it);
    if (group.leaderId == memberId) {
        // Kafka takes any remaining member (hash-map order); Kafkascope the earliest joined.
        group.leaderId.reset();
        const std::vector<Member *> order = membersInJoinOrder(group);
        if (!order.empty())
            group.leaderId = order.front()->memberId;
    }
    emitEvent(group, MemberRemovedEvent{memberId, instanceId, reason, {}});
}

void GroupCoordinator::invokeJoinCallback(Member &member, JoinGroupResponse response)
{
    if (!member.awaitingJoin())
        return;
    JoinCallback cb = std::move(member.joinCallback);
    member.joinCallback = nullptr;
    respond([cb = std::move(cb), r = std::move(response)] { cb(r); });
}

bool GroupCoordinator::invokeSyncCallback(Member &member, SyncGroupResponse response)
{
    if (!member.awaitingSync())
        return false;
    SyncCallback cb = std::move(member.syncCallback);
    member.syncCallback = nullptr;
    respond([cb = std::move(cb), r = std::move(response)] { cb(r); });
    return true;
}

// Kafka's selectProtocol: the candidates are the protocols every member supports; each member
// votes for its most preferred candidate and the most votes win. Ties go to the protocol that
// Java's HashMap<String, Integer> of votes iterates first (ClassicGroup.selectProtocol takes the
// first maximum): ordered by bucket of the spread String.hashCode, then by first vote.
std::string GroupCoordinator::selectProtocol(const Group &group) const
{
    assert(!group.members.empty());
    std::map<std::string, std::size_t> support;
    for (const auto &[id, m] : group.members) {
        std::set<std::string> names;
        for (const GroupProtocol &p : m.protocols)
            names.insert(p.name);
        for (const std::string &n : names)
            ++support[n];
    }
    std::vector<std::pair<std::string, int>> votes; // in order of first vote
    std::vector<std::pair<std::uint64_t, const Member *>> order;
    for (const auto &[id, m] : group.members)
        order.emplace_back(m.joinOrder, &m);
    std::sort(order.begin(), order.end());
    for (const auto &[joinOrder, m] : order) {
        for (const GroupProtocol &p : m->protocols) {
            if (support[p.name] != group.members.size())
                continue;
            const auto it = std::find_if(votes.begin(), votes.end(), [&p](const auto &v) { return v.first == p.name; });
            if (it == votes.end())
                votes.emplace_back(p.name, 1);
            else
                ++it->second;
            break;
        }
    }
    assert(!votes.empty());
    std::uint32_t capacity = 16; // HashMap's default table, doubled past a 0.75 load factor
    while (votes.size() > capacity / 4 * 3)
        capacity *= 2;
    std::stable_sort(votes.begin(), votes.end(), [capacity](const auto &a, const auto &b) {
        return javaHashMapBucket(a.first, capacity) < javaHashMapBucket(b.first, capacity);
    });
    const auto best = std::max_element(votes.begin(), votes.end(),
                                       [](const auto &a, const auto &b) { return a.second < b.second; });
    return best->first;
}

bool GroupCoordinator::supportsProtocols(const Group &group, const std::string &protocolType,
                                         const std::vector<GroupProtocol> &protocols) const
{
    if (group.state == GroupState::Empty)
        return !protocolType.empty() && !protocols.empty();
    if (group.protocolType != protocolType)
        return false;
    for (const GroupProtocol &p : protocols) {
        const bool all = std::all_of(group.members.begin(), group.members.end(),
                                     [&p](const auto &kv) { return kv.second.protocol(p.name) != nullptr; });
        if (all)
            return true;
    }
    return false;
}

std::vector<AssignorMember> GroupCoordinator::currentMemberMetadata(const Group &group) const
{
    std::vector<std::pair<std::uint64_t, const Member *>> order;
    for (const auto &[id, m] : group.members)
        order.emplace_back(m.joinOrder, &m);
    std::sort(order.begin(), order.end());
    std::vector<AssignorMember> out;
    for (const auto &[joinOrder, m] : order) {
        AssignorMember a;
        a.memberId = m->memberId;
        a.groupInstanceId = m->groupInstanceId;
        if (const GroupProtocol *p = m->protocol(group.protocolName.value_or(std::string{}))) {
            a.topics = p->metadata.topics;
            a.ownedPartitions = p->metadata.ownedPartitions;
            a.generation = p->metadata.generation;
        }
        out.push_back(std::move(a));
    }
    return out;
}

std::int32_t GroupCoordinator::rebalanceTimeoutMs(const Group &group) const
{
    std::int32_t timeout = 0;
    for (const auto &[id, m] : group.members)
        timeout = std::max(timeout, m.rebalanceTimeoutMs);
    return timeout;
}

// "<client id or group.instance.id>-<uuid>"; the uuid is deterministic: this broker's id and a
// counter, so ids minted by different coordinators never collide.
std::string GroupCoordinator::generateMemberId(const std::string &clientId,
                                               const std::optional<std::string> &groupInstanceId)
{
    char suffix[40];
    std::snprintf(suffix, sizeof suffix, "%08x-0000-4000-8000-%012llx", static_cast<unsigned>(m_brokerId.value()),
                  static_cast<unsigned long long>(m_nextMemberSuffix++));
    std::string id = groupInstanceId ? *groupInstanceId : clientId;
    id += '-';
    id += suffix;
    return id;
}

GroupMetadataRecord GroupCoordinator::makeRecord(const Group &group) const
{
    GroupMetadataRecord r;
    r.groupId = group.groupId;
    r.protocolType = group.protocolType;
    r.generationId = group.generationId;
    r.protocolName = group.protocolName;
    r.leader = group.members.empty() ? std::nullopt : group.leaderId;
    std::vector<std::pair<std::uint64_t, const Member *>> order;
    for (const auto &[id, m] : group.members)
        order.emplace_back(m.joinOrder, &m);
    std::sort(order.begin(), order.end());
    for (const auto &[joinOrder, m] : order) {
        StoredMember s;
        s.memberId = m->memberId;
        s.groupInstanceId = m->groupInstanceId;
        s.clientId = m->clientId;
        s.rebalanceTimeoutMs = m->rebalanceTimeoutMs;
        s.sessionTimeoutMs = m->sessionTimeoutMs;
        if (const GroupProtocol *p = m->protocol(group.protocolName.value_or(std::string{})))
            s.subscription = p->metadata;
        s.assignment = m->assignment;
        r.members.push_back(std::move(s));
    }
    return r;
}

void GroupCoordinator::storeGroup(Group &group)
{
    group.lastStored = makeRecord(group);
    emitEvent(group, GroupStoredEvent{*group.lastStored});
}

std::vector<GroupCoordinator::Member *> GroupCoordinator::membersInJoinOrder(Group &group)
{
    std::vector<Member *> out;
    out.reserve(group.members.size());
    for (auto &[id, m] : group.members)
        out.push_back(&m);
    std::sort(out.begin(), out.end(), [](const Member *a, const Member *b) { return a->joinOrder < b->joinOrder; });
    return out;
}

// ---------------------------------------------------------------------------------------------
// Events and responses

void GroupCoordinator::emitEvent(const Group &group, GroupEventData data)
{
    if (m_observer)
        m_observer->onGroupEvent(GroupEvent{m_scheduler.now(), group.groupId, std::move(data)});
}

void GroupCoordinator::respond(std::function<void()> delivery)
{
    m_outbox.push_back(std::move(delivery));
}

void GroupCoordinator::flushResponses()
{
    // Deliver in FIFO order; a callback that calls back in queues behind the ones already waiting.
    ++m_entryDepth;
    for (std::size_t i = 0; i < m_outbox.size(); ++i) {
        std::function<void()> delivery = std::move(m_outbox[i]);
        delivery();
    }
    m_outbox.clear();
    --m_entryDepth;
}

// ---------------------------------------------------------------------------------------------
// Inspection

std::vector<std::string> GroupCoordinator::groupIds() const
{
    std::vector<std::string> ids;
    for (const auto &[id, g] : m_groups)
        ids.push_back(id);
    return ids;
}

std::optional<GroupState> GroupCoordinator::groupState(const std::string &groupId) const
{
    const auto it = m_groups.find(groupId);
    if (it == m_groups.end())
        return std::nullopt;
    return it->second->state;
}

std::optional<GroupSnapshot> GroupCoordinator::describeGroup(const std::string &groupId) const
{
    const auto it = m_groups.find(groupId);
    if (it == m_groups.end())
        return std::nullopt;
    const Group &g = *it->second;
    GroupSnapshot s;
    s.groupId = g.groupId;
    s.state = g.state;
    s.stateSince = g.stateSince;
    s.generationId = g.generationId;
    s.protocolType = g.protocolType;
    s.protocolName = g.protocolName;
    s.leader = g.leaderId;
    std::vector<std::pair<std::uint64_t, const Member *>> order;
    for (const auto &[id, m] : g.members)
        order.emplace_back(m.joinOrder, &m);
    std::sort(order.begin(), order.end());
    for (const auto &[joinOrder, m] : order) {
        MemberSnapshot ms;
        ms.memberId = m->memberId;
        ms.groupInstanceId = m->groupInstanceId;
        ms.clientId = m->clientId;
        ms.sessionTimeoutMs = m->sessionTimeoutMs;
        ms.rebalanceTimeoutMs = m->rebalanceTimeoutMs;
        ms.protocols = m->protocols;
        ms.assignment = m->assignment;
        ms.lastHeartbeat = m->lastHeartbeat;
        ms.sessionDeadline = m->heartbeatDeadline;
        ms.awaitingJoin = m->awaitingJoin();
        ms.awaitingSync = m->awaitingSync();
        ms.isLeader = g.leaderId == m->memberId;
        s.members.push_back(std::move(ms));
    }
    for (const auto &[id, timer] : g.pendingMembers)
        s.pendingMembers.push_back(id);
    s.pendingSyncMembers.assign(g.pendingSyncMembers.begin(), g.pendingSyncMembers.end());
    s.offsets = g.offsets;
    return s;
}

std::optional<GroupMetadataRecord> GroupCoordinator::groupMetadataRecord(const std::string &groupId) const
{
    const auto it = m_groups.find(groupId);
    if (it == m_groups.end())
        return std::nullopt;
    return it->second->lastStored;
}

void GroupCoordinator::addToHash(StateHash &hash) const
{
    hash.add(static_cast<std::uint64_t>(m_groups.size()));
    for (const auto &[id, gp] : m_groups) {
        const Group &g = *gp;
        hash.add(std::string_view(id)).add(static_cast<std::int32_t>(g.state)).add(g.generationId);
        hash.add(std::string_view(g.protocolName.value_or(std::string{}))).add(std::string_view(g.leaderId.value_or(std::string{})));
        hash.add(static_cast<std::uint64_t>(g.members.size()));
        for (const auto &[mid, m] : g.members) {
            hash.add(std::string_view(mid)).add(m.awaitingJoin()).add(m.awaitingSync());
            hash.add(m.heartbeatDeadline ? m.heartbeatDeadline->micros() : std::int64_t{-1});
            hash.add(static_cast<std::uint64_t>(m.assignment.size()));
            for (const TopicPartition &tp : m.assignment)
                hash.add(std::string_view(tp.topic)).add(tp.partition.value());
        }
        hash.add(static_cast<std::uint64_t>(g.pendingMembers.size()));
        for (const auto &[pid, timer] : g.pendingMembers)
            hash.add(std::string_view(pid));
        hash.add(static_cast<std::uint64_t>(g.offsets.size()));
        for (const auto &[tp, c] : g.offsets)
            hash.add(std::string_view(tp.topic)).add(tp.partition.value()).add(c.offset.value());
    }
}

} // namespace kafkascope
