#pragma once

#include "cluster/topic_partition.h"
#include "core/strong_types.h"
#include "group/assignor.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kafkascope {

// The requests and responses of Kafka's classic group protocol (JoinGroup, SyncGroup, Heartbeat,
// LeaveGroup, OffsetCommit, OffsetFetch) as plain values, the way the group coordinator sees them
// once the wire format is decoded. Field names follow Kafka's request schemas.

// Kafka's error codes (org.apache.kafka.common.protocol.Errors) that the group coordinator answers
// with; the numbers are Kafka's wire codes.
enum class GroupError : std::int16_t {
    None = 0,
    UnknownServerError = -1,
    OffsetMetadataTooLarge = 12,
    CoordinatorNotAvailable = 15,
    NotCoordinator = 16,
    IllegalGeneration = 22,
    InconsistentGroupProtocol = 23,
    InvalidGroupId = 24,
    UnknownMemberId = 25,
    InvalidSessionTimeout = 26,
    RebalanceInProgress = 27,
    MemberIdRequired = 79,
    GroupMaxSizeReached = 81,
    FencedInstanceId = 82,
};

// Kafka's name for an error ("REBALANCE_IN_PROGRESS").
[[nodiscard]] constexpr std::string_view groupErrorName(GroupError e)
{
    switch (e) {
    case GroupError::None: return "NONE";
    case GroupError::UnknownServerError: return "UNKNOWN_SERVER_ERROR";
    case GroupError::OffsetMetadataTooLarge: return "OFFSET_METADATA_TOO_LARGE";
    case GroupError::CoordinatorNotAvailable: return "COORDINATOR_NOT_AVAILABLE";
    case GroupError::NotCoordinator: return "NOT_COORDINATOR";
    case GroupError::IllegalGeneration: return "ILLEGAL_GENERATION";
    case GroupError::InconsistentGroupProtocol: return "INCONSISTENT_GROUP_PROTOCOL";
    case GroupError::InvalidGroupId: return "INVALID_GROUP_ID";
    case GroupError::UnknownMemberId: return "UNKNOWN_MEMBER_ID";
    case GroupError::InvalidSessionTimeout: return "INVALID_SESSION_TIMEOUT";
    case GroupError::RebalanceInProgress: return "REBALANCE_IN_PROGRESS";
    case GroupError::MemberIdRequired: return "MEMBER_ID_REQUIRED";
    case GroupError::GroupMaxSizeReached: return "GROUP_MAX_SIZE_REACHED";
    case GroupError::FencedInstanceId: return "FENCED_INSTANCE_ID";
    }
    return "UNKNOWN";
}

// Kafka's protocol type for consumers (ConsumerProtocol.PROTOCOL_TYPE).
inline constexpr std::string_view kConsumerProtocolType = "consumer";
// Kafka's generation id of a request made outside group management (simple consumer, admin).
inline constexpr std::int32_t kNoGeneration = -1;

// The metadata a consumer attaches to each protocol it offers (ConsumerProtocolSubscription):
// subscribed topics and, for the cooperative and sticky assignors, the partitions it owns and the
// generation they come from. Kafka ships these as bytes; the coordinator only compares them
// (MemberMetadata.matches) and hands them to the leader, so a value with == does the same.
struct ConsumerSubscription {
    std::vector<std::string> topics;
    std::vector<TopicPartition> ownedPartitions;
    std::int32_t generation = kNoGeneration;
    friend bool operator==(const ConsumerSubscription &, const ConsumerSubscription &) = default;
};

// One (protocol name, metadata) pair of a JoinGroup request. Names are the assignors' names:
// "range", "roundrobin", "sticky", "cooperative-sticky".
struct GroupProtocol {
    std::string name;
    ConsumerSubscription metadata;
    friend bool operator==(const GroupProtocol &, const GroupProtocol &) = default;
};

struct JoinGroupRequest {
    std::string groupId;
    std::string memberId; // empty for a member that has none yet
    std::optional<std::string> groupInstanceId; // static membership (KIP-345)
    std::string clientId;
    std::int32_t sessionTimeoutMs = 45000;
    std::int32_t rebalanceTimeoutMs = 300000; // the consumer's max.poll.interval.ms
    std::string protocolType = std::string(kConsumerProtocolType);
    std::vector<GroupProtocol> protocols; // in the member's order of preference
    // JoinGroup v4+: a new dynamic member is first sent MEMBER_ID_REQUIRED (KIP-394).
    bool requireKnownMemberId = true;
    // JoinGroup v9+: a static leader replacing itself in a Stable group is told to skip the
    // assignment instead of being told another member leads (KIP-814).
    bool supportSkippingAssignment = true;
};

struct JoinGroupResponse {
    GroupError error = GroupError::None;
    std::int32_t generationId = kNoGeneration;
    std::optional<std::string> protocolType;
    std::optional<std::string> protocolName;
    std::string leader; // empty when unknown
    bool skipAssignment = false;
    std::string memberId;
    // Only in the leader's response: every member with its metadata for the selected protocol,
    // ready for an assignor (owned partitions and generation filled from the subscription).
    std::vector<AssignorMember> members;
};

struct SyncGroupRequest {
    std::string groupId;
    std::int32_t generationId = kNoGeneration;
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    std::optional<std::string> protocolType; // SyncGroup v5+; checked when present
    std::optional<std::string> protocolName;
    GroupAssignment assignments; // only the leader sends assignments
};

struct SyncGroupResponse {
    GroupError error = GroupError::None;
    std::optional<std::string> protocolType;
    std::optional<std::string> protocolName;
    std::vector<TopicPartition> assignment;
};

struct HeartbeatRequest {
    std::string groupId;
    std::int32_t generationId = kNoGeneration;
    std::string memberId;
    std::optional<std::string> groupInstanceId;
};

struct HeartbeatResponse {
    GroupError error = GroupError::None;
};

struct MemberIdentity {
    std::string memberId; // empty to name a static member by its instance id only (admin removal)
    std::optional<std::string> groupInstanceId;
};

struct LeaveGroupRequest {
    std::string groupId;
    std::vector<MemberIdentity> members;
};

struct LeaveMemberResponse {
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    GroupError error = GroupError::None;
};

struct LeaveGroupResponse {
    GroupError error = GroupError::None; // top-level error
    std::vector<LeaveMemberResponse> members; // one per requested member, in request order
};

// An offset as a consumer commits it: the next offset to read, with the leader epoch of the last
// consumed record (if known) and free-form metadata.
struct OffsetCommitEntry {
    Offset offset{0};
    std::optional<LeaderEpoch> leaderEpoch;
    std::string metadata;
};

struct OffsetCommitRequest {
    std::string groupId;
    std::int32_t generationId = kNoGeneration; // -1: simple (manual) commit outside group management
    std::string memberId;
    std::optional<std::string> groupInstanceId;
    std::map<TopicPartition, OffsetCommitEntry> offsets;
};

struct OffsetCommitResponse {
    std::map<TopicPartition, GroupError> errors; // one per committed partition
};

struct OffsetFetchRequest {
    std::string groupId;
    // Empty optional: every partition with a committed offset.
    std::optional<std::vector<TopicPartition>> partitions;
};

// A committed offset as the coordinator keeps it.
struct CommittedOffset {
    Offset offset{0};
    std::optional<LeaderEpoch> leaderEpoch;
    std::string metadata;
    std::int64_t commitTimestampMs = 0; // simTime of the commit, in ms
    friend bool operator==(const CommittedOffset &, const CommittedOffset &) = default;
};

struct FetchedOffset {
    Offset offset{-1}; // -1: nothing committed
    std::optional<LeaderEpoch> leaderEpoch;
    std::string metadata;
    GroupError error = GroupError::None;
};

struct OffsetFetchResponse {
    GroupError error = GroupError::None;
    std::map<TopicPartition, FetchedOffset> offsets;
};

} // namespace kafkascope
