#pragma once

#include "cluster/topic_partition.h"
#include "core/sim_time.h"
#include "core/status.h"
#include "core/strong_types.h"
#include "group/group_protocol.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kafkascope {

class Cluster;

struct ConsumerConfig {
    std::string clientId = "consumer";
    std::string topic; // the topic read without a group; the default subscription with one
    SimDuration pollInterval = SimDuration::millis(100);
    std::int32_t maxPollRecords = 500; // max.poll.records, over all partitions of one poll
    bool fromEarliest = true;          // auto.offset.reset: earliest, else latest

    // --- Group management (Kafka's classic protocol); none: read every partition of `topic` ---
    std::optional<std::string> groupId;            // group.id
    std::vector<std::string> subscription;         // subscribe(topics); empty: {topic}
    // partition.assignment.strategy, most preferred first: "range", "roundrobin", "sticky",
    // "cooperative-sticky". The consumer follows the cooperative protocol only when every one of
    // them is cooperative (Kafka's ConsumerCoordinator), so the default runs eager range.
    std::vector<std::string> assignors = {"range", "cooperative-sticky"};
    std::int32_t sessionTimeoutMs = 45000;         // session.timeout.ms
    std::int32_t heartbeatIntervalMs = 3000;       // heartbeat.interval.ms
    std::int32_t maxPollIntervalMs = 300000;       // max.poll.interval.ms (the rebalance timeout)
    bool enableAutoCommit = true;                  // enable.auto.commit
    std::int32_t autoCommitIntervalMs = 5000;      // auto.commit.interval.ms
    std::optional<std::string> groupInstanceId;    // group.instance.id (static membership)
    std::int32_t requestTimeoutMs = 30000;         // request.timeout.ms
    std::int32_t retryBackoffMs = 100;             // retry.backoff.ms

    [[nodiscard]] std::vector<std::string> topics() const
    {
        return subscription.empty() ? std::vector<std::string>{topic} : subscription;
    }
};

// Why `config` cannot run as a group consumer (an empty group id, no assignor or an unknown one,
// heartbeat.interval.ms not below session.timeout.ms, non-positive intervals); ok without a group.
[[nodiscard]] Status validateConsumerGroupConfig(const ConsumerConfig &config);

// Where a group consumer is in Kafka's join protocol (AbstractCoordinator.MemberState, with
// Joining split into the JoinGroup and SyncGroup round trips).
enum class ConsumerGroupState { Unjoined, Joining, Syncing, Stable };
[[nodiscard]] const char *consumerGroupStateName(ConsumerGroupState state);

// A consumer client. Without a group it is assigned every partition of one topic and reads each
// from its position on a fixed poll interval. With a group.id it is Kafka's KafkaConsumer with
// its ConsumerCoordinator: it finds the group's coordinator, joins (the leader runs the assignor
// the group selected), heartbeats, commits, and reads only its assigned partitions; see
// docs/GROUPS.md ("The group consumer"). Owned by the Cluster, which must outlive it.
class Consumer {
public:
    Consumer(ConsumerId id, ConsumerConfig config, Cluster &cluster);

    [[nodiscard]] ConsumerId id() const { return m_id; }
    [[nodiscard]] const ConsumerConfig &config() const { return m_config; }
    // The next offset this consumer will read from partition `partition` of config().topic.
    [[nodiscard]] Offset position(PartitionId partition) const;
    [[nodiscard]] Offset position(const TopicPartition &tp) const;
    // Positions of the partitions it reads (with a group: assigned ones whose position is known).
    [[nodiscard]] const std::map<TopicPartition, Offset> &positions() const { return m_positions; }
    [[nodiscard]] std::uint64_t recordsConsumed() const { return m_consumed; }

    void start();
    // KafkaConsumer.close() (see Cluster::closeConsumer) and a crash (Cluster::crashConsumer).
    void close();
    void crash();
    [[nodiscard]] bool isRunning() const { return m_running; }

    // --- Group membership ---
    [[nodiscard]] bool usesGroup() const { return m_config.groupId.has_value(); }
    // Whether this consumer reads `tp` now: a group consumer reads what it is assigned (has a
    // position for), a consumer without a group every partition of its topic.
    [[nodiscard]] bool reads(const TopicPartition &tp) const
    {
        return usesGroup() ? m_positions.count(tp) != 0 : m_config.topic == tp.topic;
    }
    [[nodiscard]] ConsumerGroupState groupState() const { return m_state; }
    [[nodiscard]] std::int32_t generation() const { return m_generation; }
    [[nodiscard]] const std::string &memberId() const { return m_memberId; }
    [[nodiscard]] const std::optional<std::string> &protocolName() const { return m_protocol; }
    [[nodiscard]] const std::set<TopicPartition> &assignment() const { return m_assignment; }
    // Offsets this consumer committed (or fetched from the coordinator), by partition.
    [[nodiscard]] const std::map<TopicPartition, Offset> &committed() const { return m_committed; }
    [[nodiscard]] std::optional<BrokerId> coordinator() const { return m_coordinator; }
    // Partitions given up with their positions committed first (revocation) and without (lost).
    [[nodiscard]] std::uint64_t partitionsRevoked() const { return m_revokedCount; }
    [[nodiscard]] std::uint64_t partitionsLost() const { return m_lostCount; }
    // Completed join rounds (successful SyncGroups).
    [[nodiscard]] std::uint64_t rebalances() const { return m_rebalances; }
    [[nodiscard]] bool cooperative() const;
    // The error that stopped group membership for good (FENCED_INSTANCE_ID,
    // INCONSISTENT_GROUP_PROTOCOL, INVALID_SESSION_TIMEOUT, GROUP_MAX_SIZE_REACHED), if any.
    [[nodiscard]] const std::optional<GroupError> &fatalError() const { return m_fatalError; }

private:
    void poll();
    void schedulePoll();
    void readAssigned();
    std::size_t readPartition(const TopicPartition &tp, std::size_t budget);

    // The ConsumerCoordinator (consumer_group.cpp).
    void groupTick();
    void lookupCoordinator();
    void markCoordinatorUnknown();
    void prepareJoin();
    void sendJoin();
    void onJoinResponse(std::uint64_t request, const JoinGroupResponse &response);
    void sendSync(SyncGroupRequest request);
    void onSyncResponse(std::uint64_t request, const SyncGroupResponse &response);
    void sendHeartbeat();
    void onHeartbeatResponse(std::uint64_t request, const HeartbeatResponse &response);
    void commit(const std::set<TopicPartition> &partitions);
    void onCommitResponse(std::uint64_t request, std::int32_t generation, const std::map<TopicPartition, Offset> &sent,
                          const OffsetCommitResponse &response);
    void fetchCommitted();
    void onOffsetFetchResponse(std::uint64_t request, const OffsetFetchResponse &response);
    void sendLeaveAndStop();
    // Kafka's error handling shared by the responses: returns true when it handled `error`.
    bool handleGroupError(GroupError error);
    void requestRejoin();
    void resetGeneration(bool resetMemberId);
    void losePartitions();
    void assign(const std::vector<TopicPartition> &assignment);
    [[nodiscard]] std::optional<Offset> resetOffset(const TopicPartition &tp) const;
    std::vector<GroupProtocol> protocols() const;
    std::optional<GroupAssignment> runAssignor(const std::string &protocol, const std::vector<AssignorMember> &members);
    // Arms the request timeout; the request counts as lost (a dropped connection) when it fires.
    std::uint64_t beginRequest(std::uint64_t &slot, std::int32_t timeoutMs);

    ConsumerId m_id;
    ConsumerConfig m_config;
    Cluster &m_cluster;
    std::map<TopicPartition, Offset> m_positions;
    std::uint64_t m_consumed = 0;
    // Round-robin start so that one busy partition does not starve the others in a capped poll.
    std::int32_t m_nextPartition = 0;
    bool m_running = false;

    // Group state.
    ConsumerGroupState m_state = ConsumerGroupState::Unjoined;
    std::optional<BrokerId> m_coordinator;
    std::string m_memberId;
    std::int32_t m_generation = kNoGeneration;
    std::optional<std::string> m_protocol;
    std::set<TopicPartition> m_assignment;
    std::set<TopicPartition> m_needsPosition; // assigned, position not known yet (OffsetFetch)
    std::map<TopicPartition, Offset> m_committed;
    bool m_rejoinNeeded = true;
    bool m_joinPrepared = false;
    bool m_closing = false;
    std::optional<GroupError> m_fatalError;
    std::set<TopicPartition> m_lastAssignment; // before an eager revocation (the sticky assignor's memory)
    SimTime m_nextHeartbeat;
    SimTime m_nextAutoCommit;
    SimTime m_retryAt; // after an error, coordinator requests wait until then
    // Requests in flight (0: none); answers to other ids are stale and ignored.
    std::uint64_t m_lastRequest = 0;
    std::uint64_t m_findRequest = 0;
    std::uint64_t m_joinRequest = 0;
    std::uint64_t m_heartbeatRequest = 0;
    std::uint64_t m_commitRequest = 0;
    std::uint64_t m_fetchRequest = 0;
    std::uint64_t m_revokedCount = 0;
    std::uint64_t m_lostCount = 0;
    std::uint64_t m_rebalances = 0;
};

} // namespace kafkascope
