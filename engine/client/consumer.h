#pragma once

#include "cluster/fetch_protocol.h"
#include "cluster/journal.h"
#include "cluster/topic_partition.h"
#include "core/sim_time.h"
#include "core/status.h"
#include "core/strong_types.h"
#include "group/group_protocol.h"

#include <cstdint>
#include <deque>
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
    // auto.offset.reset, for a partition without a committed offset or whose position fell out of
    // the log: earliest (the log start), latest (the high watermark), or none, with which Kafka's
    // poll() throws (NoOffsetForPartitionException, OffsetOutOfRangeException); here the
    // application dies of it: the consumer stops as if it crashed and applicationError() says why.
    // Kafka's default is latest: a new group (or a consumer without one) reads only what is
    // produced after it starts.
    enum class AutoOffsetReset { Earliest, Latest, None };
    AutoOffsetReset autoOffsetReset = AutoOffsetReset::Latest;
    // --- Fetching (Kafka's Fetcher; docs/GROUPS.md, "Fetching") ---
    std::int32_t fetchMinBytes = 1;              // fetch.min.bytes: the broker waits for this much
    std::int32_t fetchMaxWaitMs = 500;           // fetch.max.wait.ms: ... at most this long
    std::int32_t maxPartitionFetchBytes = 1048576; // max.partition.fetch.bytes (1 MiB)
    std::int32_t fetchMaxBytes = 52428800;       // fetch.max.bytes (50 MiB), the whole answer

    // --- The application: what the simulated program does with the records poll() returns ---
    // Time the application spends on each record (0: records are processed the moment they are
    // returned). A record counts as processed when its time is up; a crash loses the rest.
    SimDuration processingTimePerRecord;
    enum class Processing {
        // The poll loop processes a poll's N records itself (poll, process, poll ...): the next
        // poll comes max(pollInterval, N x processingTimePerRecord) after this one.
        InPollLoop,
        // The poll loop hands the records to a worker thread (an unbounded queue, one record at a
        // time, in order) and polls again after pollInterval; max.poll.interval.ms never expires,
        // and the positions (what auto commit commits) run ahead of what was processed.
        HandOff,
    };
    Processing processing = Processing::InPollLoop;

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
    // With enable.auto.commit=false, what the application commits: nothing (None), or before
    // each poll (in the poll loop: once the previous poll's records are processed) the offsets
    // after the last processed record of every assigned partition, with commitSync (the poll
    // waits for the answer) or commitAsync. The same offsets are committed in
    // onPartitionsRevoked. Ignored with auto commit.
    enum class ManualCommit { None, SyncAfterProcessing, AsyncAfterProcessing };
    ManualCommit manualCommit = ManualCommit::None;
    std::int32_t autoCommitIntervalMs = 5000;      // auto.commit.interval.ms
    std::optional<std::string> groupInstanceId;    // group.instance.id (static membership)
    std::int32_t requestTimeoutMs = 30000;         // request.timeout.ms
    std::int32_t retryBackoffMs = 100;             // retry.backoff.ms
    // metadata.max.age.ms: a group consumer refreshes its cached metadata (the partition count of
    // every topic it watches) at least this often; the group leader rejoins when the counts
    // differ from those its last assignment used (docs/GROUPS.md, "Metadata").
    std::int32_t metadataMaxAgeMs = 300000;

    [[nodiscard]] std::vector<std::string> topics() const
    {
        return subscription.empty() ? std::vector<std::string>{topic} : subscription;
    }
};

// Why `config` cannot run as a group consumer (an empty group id, no assignor or an unknown one,
// heartbeat.interval.ms not below session.timeout.ms, non-positive intervals); ok without a group.
[[nodiscard]] Status validateConsumerGroupConfig(const ConsumerConfig &config);

// Why `config`'s fetch settings are invalid (a negative fetch.min.bytes, fetch.max.wait.ms,
// max.partition.fetch.bytes or fetch.max.bytes, as Kafka's ConsumerConfig refuses); ok otherwise.
[[nodiscard]] Status validateConsumerFetchConfig(const ConsumerConfig &config);

// Where a group consumer is in Kafka's join protocol (AbstractCoordinator.MemberState, with
// Joining split into the JoinGroup and SyncGroup round trips).
enum class ConsumerGroupState { Unjoined, Joining, Syncing, Stable };
[[nodiscard]] const char *consumerGroupStateName(ConsumerGroupState state);

// A consumer client. Without a group it is assigned every partition of one topic and reads each
// from its position on a fixed poll interval; each poll returns records fetched earlier and sends
// Fetch requests to the partitions' leaders over the network (docs/GROUPS.md, "Fetching"). With a group.id it is Kafka's KafkaConsumer with
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
    // Records the application finished processing, and records returned but not processed yet.
    [[nodiscard]] std::uint64_t recordsProcessed() const { return m_processed; }
    [[nodiscard]] std::size_t recordsInProcessing() const { return m_processing.size(); }
    // Records fetched from the brokers that no poll returned yet (Kafka's fetch buffer), and
    // Fetch requests sent so far.
    [[nodiscard]] std::size_t recordsBuffered() const;
    [[nodiscard]] std::uint64_t fetchRequestsSent() const { return m_fetchRequestsSent; }
    // Partition errors in Fetch answers, by error, and answers lost to a dropped connection.
    [[nodiscard]] const std::map<FetchError, std::uint64_t> &fetchErrors() const { return m_fetchErrors; }
    [[nodiscard]] std::uint64_t fetchesDisconnected() const { return m_fetchesDisconnected; }
    // When the application last called poll().
    [[nodiscard]] SimTime lastPollTime() const { return m_lastPoll; }

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
        if (!m_running)
            return false; // closed or crashed: it reads nothing any more
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
    // The consumer's cached metadata (Kafka's Metadata): the partition count of every topic it
    // watches (its subscription; as the group's leader, every member's), as of metadataUpdated().
    // A topic that did not exist then is absent.
    [[nodiscard]] const std::map<std::string, std::int32_t> &metadata() const { return m_metadata; }
    [[nodiscard]] SimTime metadataUpdated() const { return m_metadataUpdated; }
    // Partitions given up with their positions committed first (revocation) and without (lost).
    [[nodiscard]] std::uint64_t partitionsRevoked() const { return m_revokedCount; }
    [[nodiscard]] std::uint64_t partitionsLost() const { return m_lostCount; }
    // Completed join rounds (successful SyncGroups).
    [[nodiscard]] std::uint64_t rebalances() const { return m_rebalances; }
    // Times the heartbeat thread found max.poll.interval.ms expired and left the group.
    [[nodiscard]] std::uint64_t pollTimeouts() const { return m_pollTimeouts; }
    [[nodiscard]] bool cooperative() const;
    // The error that stopped group membership for good (FENCED_INSTANCE_ID,
    // INCONSISTENT_GROUP_PROTOCOL, INVALID_SESSION_TIMEOUT, GROUP_MAX_SIZE_REACHED), if any.
    [[nodiscard]] const std::optional<GroupError> &fatalError() const { return m_fatalError; }
    // The exception poll() threw at the application (auto.offset.reset=none), which stopped it.
    [[nodiscard]] const std::optional<std::string> &applicationError() const { return m_applicationError; }

    // --- The application's offset control (see Cluster::seekConsumer, pauseConsumer) ---
    // Why the application cannot seek / pause / resume `tp` now (not running, not assigned, a
    // negative offset or one past the log end offset); ok when it can.
    [[nodiscard]] Status checkSeek(const TopicPartition &tp, Offset offset) const;
    [[nodiscard]] Status checkAssigned(const TopicPartition &tp) const;
    // KafkaConsumer.seek: the next poll fetches `tp` from `offset`.
    void seek(const TopicPartition &tp, Offset offset);
    // KafkaConsumer.pause / resume: a paused partition stays assigned but is not fetched. A
    // partition that leaves the assignment forgets it was paused.
    void pause(const TopicPartition &tp) { m_paused.insert(tp); }
    void resume(const TopicPartition &tp) { m_paused.erase(tp); }
    [[nodiscard]] const std::set<TopicPartition> &paused() const { return m_paused; }
    // Per assigned partition, the offset after the last record the application processed since
    // the partition was assigned.
    [[nodiscard]] const std::map<TopicPartition, Offset> &processedPositions() const { return m_processedPositions; }
    // The application becomes slower or faster (see Cluster::setConsumerProcessingTime):
    // `perRecord` (>= 0) is its time per record from now on. In the poll loop the records of the
    // poll in hand keep their times (the next poll's records take the new time); a HandOff worker
    // finishes the record it is on and takes the new time for the rest of its queue.
    void setProcessingTimePerRecord(SimDuration perRecord);

private:
    void poll();
    void schedulePoll(SimDuration delay);
    // Kafka's Fetcher (consumer.cpp): the partitions a fetch may ask for now (assigned, position
    // known, not paused), in this poll's round-robin order.
    std::vector<TopicPartition> fetchablePartitions() const;
    // Whether `tp` is assigned (or, without a group, of the topic) and has a position to fetch from.
    bool hasFetchPosition(const TopicPartition &tp) const;
    // Returns up to max.poll.records buffered records (Kafka's FetchCollector), advancing
    // positions; returns how many.
    std::size_t collectFetched();
    // Hands `offsets` (the records at them) of `tp`, fetched from `from`, to the application,
    // and moves its position to `next`.
    void deliverRecords(const TopicPartition &tp, Offset from, const std::vector<std::int64_t> &offsets, Offset next);
    // One Fetch to each leader of fetchable partitions without buffered records that has none in flight.
    void sendFetches();
    void onFetchResponse(BrokerId broker, std::uint64_t request, const ConsumerFetchResponse &response);
    // The application's processing of the records polls returned.
    void enqueueForProcessing(const TopicPartition &tp, const std::vector<std::int64_t> &offsets);
    void noteProcessed(const TopicPartition &tp, std::int64_t first, std::int64_t last);
    // Marks every record whose processing time is up as processed; a close waiting for the
    // application then goes ahead.
    void settleProcessing();
    void armProcessing();
    void closeNow();

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
    // Commits `offsets` (only those that moved since the last commit); returns whether it sent one.
    bool commitOffsets(const std::map<TopicPartition, Offset> &offsets);
    // The application's own commit (ConsumerConfig::manualCommit) of the processed offsets of
    // `partitions`; returns whether it sent one.
    bool commitProcessed(const std::set<TopicPartition> &partitions);
    // What the application's rebalance listener does before partitions go (revoked).
    void commitBeforeRevoke(const std::set<TopicPartition> &partitions);
    void resumePollAfterCommit();
    // The rebalance listener's callbacks, journalled (onPartitionsRevoked, -Assigned, -Lost).
    void journalCallback(JournalEventKind kind, const std::set<TopicPartition> &partitions);
    void onCommitResponse(std::uint64_t request, std::int32_t generation, const std::map<TopicPartition, Offset> &sent,
                          const OffsetCommitResponse &response);
    void fetchCommitted();
    void onOffsetFetchResponse(std::uint64_t request, const OffsetFetchResponse &response);
    void sendLeaveAndStop();
    // Kafka's heartbeat thread, which runs while the poll loop is busy processing: it heartbeats,
    // and leaves the group when max.poll.interval.ms passes without a poll.
    void armHeartbeatThread(SimTime nextPoll);
    void heartbeatThread(std::uint64_t run);
    void onPollTimeout();
    // Kafka's error handling shared by the responses: returns true when it handled `error`.
    bool handleGroupError(GroupError error);
    void requestRejoin();
    // Kafka's Metadata and ConsumerCoordinator.metadataSnapshot: the topics whose partition
    // counts the consumer keeps (its subscription, and as leader the group's), refreshed when
    // metadata.max.age.ms has passed, when a watched topic is unknown (after retry.backoff.ms),
    // or at once when `force`.
    [[nodiscard]] std::set<std::string> metadataTopics() const;
    void maybeUpdateMetadata(bool force);
    // rejoinNeededOrPending: the leader rejoins when its metadata no longer matches the snapshot
    // its last assignment was computed from.
    void checkAssignmentSnapshot();
    void resetGeneration(bool resetMemberId);
    void losePartitions();
    void assign(const std::vector<TopicPartition> &assignment);
    [[nodiscard]] std::optional<Offset> resetOffset(const TopicPartition &tp) const;
    // auto.offset.reset=none: poll() throws `exception` for `tp` and the application dies.
    void failWithoutOffset(const TopicPartition &tp, const char *exception);
    std::vector<GroupProtocol> protocols() const;
    std::optional<GroupAssignment> runAssignor(const std::string &protocol, const std::vector<AssignorMember> &members);
    // Arms the request timeout; the request counts as lost (a dropped connection) when it fires.
    std::uint64_t beginRequest(std::uint64_t &slot, std::int32_t timeoutMs);

    ConsumerId m_id;
    ConsumerConfig m_config;
    Cluster &m_cluster;
    std::map<TopicPartition, Offset> m_positions;
    std::uint64_t m_consumed = 0;
    std::uint64_t m_processed = 0;
    struct PendingRecord {
        TopicPartition tp;
        std::int64_t offset = 0;
        SimTime done; // when the application finishes it
    };
    std::deque<PendingRecord> m_processing; // returned by poll(), not processed yet, in order
    bool m_processingArmed = false;
    bool m_closeRequested = false; // close() waits for the records in hand
    SimTime m_lastPoll;
    SimTime m_nextPoll;
    std::set<TopicPartition> m_paused;
    std::map<TopicPartition, Offset> m_processedPositions;
    bool m_pollWaitsForCommit = false; // commitSync: the next poll waits for the answer
    std::uint64_t m_manualCommitPoll = ~std::uint64_t{0}; // the poll whose records were last committed
    std::uint64_t m_heartbeatThreadRun = 0; // the heartbeat thread's current run (older wake-ups stop)
    std::uint64_t m_pollNumber = 0;
    std::uint64_t m_pollTimeouts = 0;
    // Round-robin start so that one busy partition does not starve the others in a fetch.
    std::int32_t m_nextPartition = 0;
    // Kafka's CompletedFetch: one partition's records from one Fetch answer, not all returned yet.
    struct CompletedFetch {
        TopicPartition tp;
        std::int64_t nextOffset = 0;          // where the records not returned yet start
        std::vector<std::int64_t> offsets;    // the records' offsets
        std::size_t next = 0;                 // offsets[next] is the next to return
        std::int64_t nextFetchOffset = 0;     // the position once all are returned
    };
    std::deque<CompletedFetch> m_fetchBuffer; // in the order the answers arrived
    std::map<BrokerId, std::uint64_t> m_fetchesInFlight; // broker -> request id
    std::uint64_t m_lastFetchRequest = 0;
    std::uint64_t m_fetchRequestsSent = 0;
    std::map<FetchError, std::uint64_t> m_fetchErrors;
    std::uint64_t m_fetchesDisconnected = 0;
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
    std::optional<std::string> m_applicationError;
    std::set<TopicPartition> m_lastAssignment; // before an eager revocation (the sticky assignor's memory)
    std::map<std::string, std::int32_t> m_metadata; // cached partition counts (see metadata())
    SimTime m_metadataUpdated;
    bool m_metadataKnown = false; // fetched at least once
    std::set<std::string> m_groupSubscription; // as leader: every member's topics
    // As leader: the partition counts of the group's topics its last assignment used (Kafka's
    // assignmentSnapshot); nothing for a follower.
    std::optional<std::map<std::string, std::int32_t>> m_assignmentSnapshot;
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
