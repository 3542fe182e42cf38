#pragma once

#include "core/scheduler.h"
#include "core/sim_time.h"
#include "core/state_hash.h"
#include "core/status.h"
#include "core/strong_types.h"
#include "group/consumer_offsets_partition.h"
#include "group/group_protocol.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kafkascope {

// Kafka's classic group coordinator (GroupCoordinator + GroupMetadata + MemberMetadata, the
// protocol before KIP-848) as a deterministic state machine driven by requests and simTime. See
// docs/GROUPS.md for the state machine, the timers and what is simplified.

// A group's state (Kafka's GroupState).
enum class GroupState { Empty, PreparingRebalance, CompletingRebalance, Stable, Dead };

// Kafka's name for a state ("PreparingRebalance").
[[nodiscard]] std::string_view groupStateName(GroupState s);

// The broker configs the coordinator reads (Kafka's defaults).
struct GroupCoordinatorConfig {
    std::int32_t groupMinSessionTimeoutMs = 6000;       // group.min.session.timeout.ms
    std::int32_t groupMaxSessionTimeoutMs = 1800000;    // group.max.session.timeout.ms
    std::int32_t groupInitialRebalanceDelayMs = 3000;   // group.initial.rebalance.delay.ms
    std::int32_t groupMaxSize = std::numeric_limits<std::int32_t>::max(); // group.max.size
    std::int32_t offsetsTopicNumPartitions = kDefaultOffsetsTopicPartitions; // offsets.topic.num.partitions
    std::int32_t offsetMetadataMaxBytes = 4096;         // offset.metadata.max.bytes
    // How long a member that joined but has not yet received its JoinGroup response may wait
    // before it is dropped (GroupCoordinator.NewMemberJoinTimeoutMs, not configurable in Kafka).
    std::int32_t newMemberJoinTimeoutMs = 5 * 60 * 1000;
};

// Why a member left the group.
enum class MemberRemovalReason {
    Left,               // LeaveGroup
    SessionTimeout,     // no heartbeat within session.timeout.ms
    NewMemberJoinTimeout, // a new member's JoinGroup waited longer than newMemberJoinTimeoutMs
    RebalanceTimeout,   // did not rejoin before the join phase ended (dynamic members only)
    SyncTimeout,        // no SyncGroup within the rebalance timeout after the join phase
    Fenced,             // a static member re-joined with a new member id, replacing this one
    GroupMaxSize,       // shed because the group is over group.max.size
};
[[nodiscard]] std::string_view memberRemovalReasonName(MemberRemovalReason r);

// Why a rebalance started (the reasons Kafka logs in prepareRebalance).
enum class RebalanceReason {
    NewMember,          // a member joined
    LeaderRejoined,     // the leader sent JoinGroup in Stable (it wants a new assignment)
    MetadataChanged,    // a member rejoined with different protocols or metadata
    MemberRemoved,      // a member left, timed out or failed to sync
    StaticMemberChangedProtocol, // a static member replaced itself and the selected protocol would change
    StaticMemberRejoinedDuringSync, // a static member replaced itself during CompletingRebalance
    OverCapacity,       // a loaded group is larger than group.max.size
};
[[nodiscard]] std::string_view rebalanceReasonName(RebalanceReason r);

// One member as Kafka's GroupMetadata record stores it (the value written to __consumer_offsets).
struct StoredMember {
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    std::string clientId;
    std::int32_t rebalanceTimeoutMs = 0;
    std::int32_t sessionTimeoutMs = 0;
    ConsumerSubscription subscription; // metadata for the group's protocol
    std::vector<TopicPartition> assignment;
    friend bool operator==(const StoredMember &, const StoredMember &) = default;
};

// Kafka's GroupMetadata record: what the coordinator persists when a generation is assigned, a
// group becomes Empty, or a static member replaces itself in a Stable group. A new coordinator
// restores the group from it (loadGroup): Stable with these members, or Empty.
struct GroupMetadataRecord {
    std::string groupId;
    std::optional<std::string> protocolType;
    std::int32_t generationId = 0;
    std::optional<std::string> protocolName;
    std::optional<std::string> leader;
    std::vector<StoredMember> members;
    friend bool operator==(const GroupMetadataRecord &, const GroupMetadataRecord &) = default;
};

// Events for the GUI's rebalance timeline and the report, in the order they happened.
struct MemberJoinedEvent {
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    std::string clientId;
};
struct MemberRemovedEvent {
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    MemberRemovalReason reason = MemberRemovalReason::Left;
    std::string replacedBy; // the new member id when reason == Fenced
};
struct StateChangedEvent {
    GroupState from = GroupState::Empty;
    GroupState to = GroupState::Empty;
};
struct RebalanceStartedEvent {
    RebalanceReason reason = RebalanceReason::NewMember;
    std::string memberId; // the member whose action caused it (may be empty)
    std::int32_t generationId = 0; // the generation being replaced
};
struct GenerationStartedEvent {
    std::int32_t generationId = 0;
    std::string leader;            // empty for an Empty generation
    std::string protocolName;      // empty for an Empty generation
    std::vector<std::string> memberIds; // in join order
};
struct AssignmentsReceivedEvent {
    std::int32_t generationId = 0;
    std::string leader;
    GroupAssignment assignment; // every member, missing ones filled with empty lists
};
struct OffsetsCommittedEvent {
    std::string memberId;
    std::int32_t generationId = kNoGeneration;
    std::map<TopicPartition, CommittedOffset> offsets;
};
// The coordinator "wrote" its GroupMetadata record (where Kafka calls storeGroup).
struct GroupStoredEvent {
    GroupMetadataRecord record;
};
struct GroupLoadedEvent {};
struct GroupUnloadedEvent {};

using GroupEventData = std::variant<MemberJoinedEvent, MemberRemovedEvent, StateChangedEvent, RebalanceStartedEvent,
                                    GenerationStartedEvent, AssignmentsReceivedEvent, OffsetsCommittedEvent,
                                    GroupStoredEvent, GroupLoadedEvent, GroupUnloadedEvent>;

struct GroupEvent {
    SimTime time;
    std::string groupId;
    GroupEventData data;
};

// How the coordinator reports what happened; the default does nothing. Called synchronously from
// inside a request or timer: record and return, do not call back into the coordinator.
class GroupCoordinatorObserver {
public:
    virtual ~GroupCoordinatorObserver() = default;
    virtual void onGroupEvent(const GroupEvent & /*event*/) {}
};

// Value snapshots for the UI and reports (no pointers into the coordinator).
struct MemberSnapshot {
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    std::string clientId;
    std::int32_t sessionTimeoutMs = 0;
    std::int32_t rebalanceTimeoutMs = 0;
    std::vector<GroupProtocol> protocols;
    std::vector<TopicPartition> assignment;
    SimTime lastHeartbeat; // last request that proved the member alive
    std::optional<SimTime> sessionDeadline; // when its session expires unless it heartbeats
    bool awaitingJoin = false;  // a JoinGroup is parked
    bool awaitingSync = false;  // a SyncGroup is parked
    bool isLeader = false;
};

struct GroupSnapshot {
    std::string groupId;
    GroupState state = GroupState::Empty;
    SimTime stateSince;
    std::int32_t generationId = 0;
    std::optional<std::string> protocolType;
    std::optional<std::string> protocolName;
    std::optional<std::string> leader;
    std::vector<MemberSnapshot> members; // in join order
    std::vector<std::string> pendingMembers; // got MEMBER_ID_REQUIRED, not yet rejoined
    std::vector<std::string> pendingSyncMembers; // joined this generation, no SyncGroup yet
    std::map<TopicPartition, CommittedOffset> offsets;
};

// One coordinator broker, holding every group whose __consumer_offsets partition it leads.
//
// Requests are answered through their callback, either before the handler returns or later, from
// another request or from a timer run by `scheduler` (a parked JoinGroup or SyncGroup). Callbacks
// may call back into the coordinator: responses are delivered after the coordinator's state is
// consistent, in the order Kafka would complete them. Call from the scheduler's thread only.
// `scheduler` must outlive the coordinator; the destructor cancels the coordinator's timers.
class GroupCoordinator {
public:
    using JoinCallback = std::function<void(const JoinGroupResponse &)>;
    using SyncCallback = std::function<void(const SyncGroupResponse &)>;
    using HeartbeatCallback = std::function<void(const HeartbeatResponse &)>;
    using LeaveCallback = std::function<void(const LeaveGroupResponse &)>;
    using OffsetCommitCallback = std::function<void(const OffsetCommitResponse &)>;
    using OffsetFetchCallback = std::function<void(const OffsetFetchResponse &)>;

    GroupCoordinator(BrokerId brokerId, Scheduler &scheduler, GroupCoordinatorConfig config = {});
    ~GroupCoordinator();
    GroupCoordinator(const GroupCoordinator &) = delete;
    GroupCoordinator &operator=(const GroupCoordinator &) = delete;

    void setObserver(GroupCoordinatorObserver *observer) { m_observer = observer; } // may be null

    // --- Coordinator lifecycle (Kafka's startup/shutdown, onElection/onResignation) ---
    // A coordinator that is not started answers COORDINATOR_NOT_AVAILABLE. Starting owns nothing.
    void startup();
    // Unloads every group (as deactivate does) and answers COORDINATOR_NOT_AVAILABLE afterwards.
    void shutdown();
    [[nodiscard]] bool isActive() const { return m_active; }
    // This broker now leads __consumer_offsets partition `partition`: it serves the groups that
    // map there. Restore their state with loadGroup / loadCommittedOffsets right after.
    void activate(std::int32_t partition);
    // This broker no longer leads `partition`: its groups become Dead and are dropped (parked
    // JoinGroups and SyncGroups are answered NOT_COORDINATOR); requests for them answer
    // NOT_COORDINATOR from now on.
    void deactivate(std::int32_t partition);
    [[nodiscard]] bool ownsPartition(std::int32_t partition) const { return m_ownedPartitions.count(partition) != 0; }
    [[nodiscard]] std::int32_t partitionFor(std::string_view groupId) const
    {
        return consumerOffsetsPartitionFor(groupId, m_config.offsetsTopicNumPartitions);
    }
    // Restores a group from its last GroupMetadata record (Kafka's onGroupLoaded): Stable with the
    // record's members (each gets a fresh session timer) or Empty. Fails if the group's partition
    // is not owned or the group already has members.
    Status loadGroup(const GroupMetadataRecord &record);
    // Restores committed offsets (read back from __consumer_offsets); creates an Empty group if
    // there is none. Fails if the group's partition is not owned.
    Status loadCommittedOffsets(const std::string &groupId, const std::map<TopicPartition, CommittedOffset> &offsets);

    // --- Requests ---
    void handleJoinGroup(const JoinGroupRequest &request, JoinCallback callback);
    void handleSyncGroup(const SyncGroupRequest &request, SyncCallback callback);
    void handleHeartbeat(const HeartbeatRequest &request, HeartbeatCallback callback);
    void handleLeaveGroup(const LeaveGroupRequest &request, LeaveCallback callback);
    void handleOffsetCommit(const OffsetCommitRequest &request, OffsetCommitCallback callback);
    void handleOffsetFetch(const OffsetFetchRequest &request, OffsetFetchCallback callback);

    // --- Inspection ---
    [[nodiscard]] std::vector<std::string> groupIds() const; // sorted
    [[nodiscard]] std::optional<GroupSnapshot> describeGroup(const std::string &groupId) const;
    [[nodiscard]] std::optional<GroupState> groupState(const std::string &groupId) const;
    // The record Kafka would have written last for the group (what loadGroup takes).
    [[nodiscard]] std::optional<GroupMetadataRecord> groupMetadataRecord(const std::string &groupId) const;
    // Mixes every group's state into `hash` (deterministic order).
    void addToHash(StateHash &hash) const;
    [[nodiscard]] BrokerId brokerId() const { return m_brokerId; }
    [[nodiscard]] const GroupCoordinatorConfig &config() const { return m_config; }

private:
    struct Member;
    struct Group;
    enum class JoinTimerKind { None, InitialDelay, Rebalance };

    // Shared steps of Kafka's GroupCoordinator (names follow Kafka's methods).
    [[nodiscard]] std::optional<GroupError> validateGroupStatus(const std::string &groupId, bool allowEmptyId) const;
    Group *findGroup(const std::string &groupId);
    Group &createGroup(const std::string &groupId);
    void doNewMemberJoinGroup(Group &group, const JoinGroupRequest &request, JoinCallback callback);
    void doCurrentMemberJoinGroup(Group &group, const JoinGroupRequest &request, JoinCallback callback);
    void updateStaticMemberAndRebalance(Group &group, const std::string &oldMemberId, const std::string &newMemberId,
                                        const JoinGroupRequest &request, JoinCallback callback);
    void addMemberAndRebalance(Group &group, const std::string &memberId, const JoinGroupRequest &request,
                               JoinCallback callback);
    void updateMemberAndRebalance(Group &group, Member &member, const JoinGroupRequest &request, JoinCallback callback,
                                  RebalanceReason reason);
    void maybePrepareRebalance(Group &group, RebalanceReason reason, const std::string &memberId);
    void prepareRebalance(Group &group, RebalanceReason reason, const std::string &memberId);
    void removeMemberAndUpdateGroup(Group &group, std::string memberId, MemberRemovalReason reason);
    void removePendingMemberAndUpdateGroup(Group &group, const std::string &memberId);
    void tryCompleteJoin(Group &group);
    void onJoinTimer(const std::string &groupId);
    void onCompleteJoin(Group &group);
    void onSyncTimer(const std::string &groupId, std::int32_t generationId);
    void onHeartbeatTimer(const std::string &groupId, const std::string &memberId);
    void onPendingMemberTimer(const std::string &groupId, const std::string &memberId);
    void completeAndScheduleNextHeartbeatExpiration(Group &group, Member &member);
    void scheduleExpiration(Group &group, Member &member, std::int32_t timeoutMs);
    void setAndPropagateAssignment(Group &group, const GroupAssignment &assignment);
    void resetAndPropagateAssignmentError(Group &group, GroupError error);
    void propagateAssignment(Group &group, GroupError error);
    void storeGroup(Group &group);
    void unloadGroup(Group &group);
    void cancelTimers(Group &group);
    std::optional<GroupError> validateCurrentMember(const Group &group, const std::string &memberId,
                                                    const std::optional<std::string> &groupInstanceId) const;
    std::optional<GroupError> validateOffsetCommit(const Group &group, const OffsetCommitRequest &request) const;

    // Group-level helpers (Kafka's GroupMetadata).
    void transitionTo(Group &group, GroupState state);
    void addMember(Group &group, Member member);
    void removeMember(Group &group, std::string memberId, MemberRemovalReason reason);
    void setJoinCallback(Group &group, Member &member, JoinCallback callback);
    void invokeJoinCallback(Member &member, JoinGroupResponse response);
    bool invokeSyncCallback(Member &member, SyncGroupResponse response);
    [[nodiscard]] std::string selectProtocol(const Group &group) const;
    [[nodiscard]] bool supportsProtocols(const Group &group, const std::string &protocolType,
                                         const std::vector<GroupProtocol> &protocols) const;
    [[nodiscard]] std::vector<AssignorMember> currentMemberMetadata(const Group &group) const;
    [[nodiscard]] std::int32_t rebalanceTimeoutMs(const Group &group) const;
    [[nodiscard]] bool hasAllMembersJoined(const Group &group) const;
    [[nodiscard]] std::string generateMemberId(const std::string &clientId,
                                               const std::optional<std::string> &groupInstanceId);
    [[nodiscard]] GroupMetadataRecord makeRecord(const Group &group) const;
    [[nodiscard]] std::vector<Member *> membersInJoinOrder(Group &group);

    void emitEvent(const Group &group, GroupEventData data);
    // Responses are queued and delivered when the outermost entry point returns, so a callback
    // that calls back into the coordinator never sees a half-done transition.
    void respond(std::function<void()> delivery);
    void flushResponses();
    class EntryGuard;

    BrokerId m_brokerId;
    Scheduler &m_scheduler;
    GroupCoordinatorConfig m_config;
    GroupCoordinatorObserver *m_observer = nullptr;
    bool m_active = false;
    std::set<std::int32_t> m_ownedPartitions;
    std::map<std::string, std::unique_ptr<Group>> m_groups;
    std::uint64_t m_nextMemberSuffix = 1;
    std::vector<std::function<void()>> m_outbox;
    int m_entryDepth = 0;
};

} // namespace kafkascope
