#pragma once

#include "client/consumer.h"
#include "client/group_delivery.h"
#include "client/producer.h"
#include "cluster/cluster_observer.h"
#include "cluster/fetch_protocol.h"
#include "cluster/journal.h"
#include "cluster/network.h"
#include "cluster/topic.h"
#include "core/random.h"
#include "core/scheduler.h"
#include "core/state_hash.h"
#include "core/status.h"
#include "group/group_offset_reset.h"
#include "group/group_protocol.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace kafkascope {

// group/group_coordinator.h is not included here: its GroupCoordinator has a method named like
// Qt's `emit` macro, and model/ includes this header.
class GroupCoordinator;
class GroupCoordinatorObserver;
struct GroupEvent;
struct GroupSnapshot;

// A broker as the cluster knows it.
struct BrokerInfo {
    BrokerId id;
    bool alive = true;
    // Being decommissioned: its replicas are moving away; once none is left it leaves the cluster.
    bool decommissioning = false;
    // Fenced by the controller (KRaft): no heartbeat reached the controller for
    // broker.session.timeout.ms, because a network partition cuts it off. It keeps running, but
    // leads nothing, is in no ISR and gets no new replicas until a heartbeat gets through again.
    bool fenced = false;
    // broker.rack: with a rack on every broker, replicas are placed rack-aware (replica_placement.h).
    std::optional<std::string> rack{};
};

class Cluster;

// A change a user (or a script) made to the cluster through its API, kept so that the run can be
// replayed: `apply` repeats it on a fresh cluster with the same seed. `eventsRun` is how many
// scheduler events had run when it happened, so the replay interleaves it at exactly that point.
struct ClusterAction {
    SimTime time;
    std::uint64_t eventsRun = 0;
    std::string description;
    std::function<void(Cluster &)> apply;
};

// Everything needed to rebuild a cluster as it was: its seed and every action taken on it. The
// engine is deterministic, so replaying the actions reproduces the state exactly; `stateHash`
// and `journalDigest` let the restore prove it.
struct ClusterSnapshot {
    std::uint64_t seed = 0;
    SimTime time;
    std::uint64_t eventsRun = 0;
    std::vector<ClusterAction> actions;
    std::uint64_t stateHash = 0;
    std::uint64_t journalDigest = 0;
};

// Why a partition got a new leader (JournalEventKind::LeaderElected's detail).
inline constexpr const char *kElectionClean = "clean";
inline constexpr const char *kElectionUnclean = "unclean";
inline constexpr const char *kElectionPreferred = "preferred";
inline constexpr const char *kElectionControlledShutdown = "controlled shutdown";
inline constexpr const char *kElectionReassignment = "reassignment";
// A reassignment removed replicas while the leader stayed: the same leader, a new epoch.
inline constexpr const char *kEpochBumpReplicasRemoved = "replicas removed: same leader, new epoch";

// Kafka's internal topic for committed offsets and its broker defaults
// (offsets.topic.num.partitions, offsets.topic.replication.factor, offsets.topic.segment.bytes).
inline constexpr const char *kConsumerOffsetsTopic = "__consumer_offsets";
inline constexpr std::int32_t kOffsetsTopicPartitions = 50;
inline constexpr std::int32_t kOffsetsTopicReplicationFactor = 3;

// Broker-side replication settings (Kafka's defaults).
struct ReplicationConfig {
    std::int64_t replicaLagTimeMaxMs = 30000;  // replica.lag.time.max.ms
    std::int64_t replicaFetchWaitMaxMs = 500;  // replica.fetch.wait.max.ms (the long poll)
    std::int64_t replicaFetchBackoffMs = 1000; // replica.fetch.backoff.ms (after an error)
    std::size_t replicaFetchMaxBytes = 1 << 20; // replica.fetch.max.bytes (a partition)
    std::size_t replicaFetchResponseMaxBytes = 10 << 20; // replica.fetch.response.max.bytes
    bool autoLeaderRebalance = true;                 // auto.leader.rebalance.enable
    std::int64_t leaderImbalanceCheckIntervalMs = 300000; // leader.imbalance.check.interval.seconds
    double leaderImbalancePerBrokerPercentage = 10.0;     // leader.imbalance.per.broker.percentage
    std::int64_t logRetentionCheckIntervalMs = 300000;    // log.retention.check.interval.ms
    std::int64_t logCleanerBackoffMs = 15000;             // log.cleaner.backoff.ms
    std::int64_t brokerSessionTimeoutMs = 9000;           // broker.session.timeout.ms (KRaft)
    std::int64_t brokerHeartbeatIntervalMs = 2000;        // broker.heartbeat.interval.ms (KRaft)
};

// The simulated cluster: topics with their partition logs, producer and consumer clients, the
// scheduler that drives them and the seeded RNG they draw from. Everything that happens is an
// event on the scheduler, so the same seed and the same actions give the same run.
//
// Not thread-safe: call from one thread (the controller's).
class Cluster {
public:
    explicit Cluster(std::uint64_t seed);
    ~Cluster();
    Cluster(const Cluster &) = delete;
    Cluster &operator=(const Cluster &) = delete;

    [[nodiscard]] std::uint64_t seed() const { return m_seed; }
    [[nodiscard]] SimTime now() const { return m_scheduler.now(); }
    // The brokers' and clients' wall clock, in Unix milliseconds: simTime 0 is
    // kSimulationEpochMs (2026-01-01T00:00:00Z). Record timestamps and every time a log sees
    // (segment.ms, retention.ms) use it, so logs look like a real cluster's.
    static constexpr std::int64_t kSimulationEpochMs = 1767225600000;
    [[nodiscard]] std::int64_t clockMs() const { return kSimulationEpochMs + now().millis(); }
    Scheduler &scheduler() { return m_scheduler; }
    Random &random() { return m_random; }

    // `observer` must outlive the cluster or be reset to nullptr first.
    void setObserver(ClusterObserver *observer) { m_observer = observer; }

    // Keeps every partition's log on disk under `path` (created if missing), laid out as a
    // broker's log.dirs: <path>/broker-0/<topic>-<partition>/. Must be called before any topic
    // exists; `path` must not already hold data (a run never overwrites or continues old logs).
    Status setDataDirectory(const std::string &path);
    [[nodiscard]] const std::string &dataDirectory() const { return m_dataDirectory; }

    // --- Brokers ------------------------------------------------------------------------
    // A new cluster has one broker, 0. Brokers are numbered in the order they are added.
    BrokerId addBroker(std::optional<std::string> rack = std::nullopt);
    // Sets broker `id`'s broker.rack (in Kafka a static config read at start-up: here it takes
    // effect for replicas placed from now on). An empty rack is refused.
    Status setBrokerRack(BrokerId id, const std::string &rack);
    // A crash: the broker stops answering at once; the controller elects new leaders for the
    // partitions it led and drops it from every ISR. Its logs stay (on disk or in memory).
    Status killBroker(BrokerId id);
    // The broker comes back with its logs, follows the current leaders and catches up; an
    // offline partition whose last leader it could be gets it as leader.
    Status restartBroker(BrokerId id);
    // A controlled shutdown: leadership moves first (to the first live in-sync replica that is
    // not shutting down, in assignment order), the broker leaves every ISR, then it stops. A
    // partition with no other in-sync replica goes offline.
    Status shutdownBroker(BrokerId id);
    // Preferred leader election for every partition whose preferred replica (the first in its
    // assignment) is live, in sync and not leading. Returns how many leaders moved.
    int electPreferredLeaders();
    // Moves every replica off the broker (a reassignment each, to the live broker with the fewest
    // replicas that the partition does not use yet), then the broker leaves the cluster: it
    // shuts down and is forgotten. Fails, changing nothing, when some partition has nowhere to go.
    Status decommissionBroker(BrokerId id);
    [[nodiscard]] const std::map<BrokerId, BrokerInfo> &brokers() const { return m_brokers; }
    [[nodiscard]] bool isAlive(BrokerId id) const;
    // Whether the controller fenced the broker (BrokerInfo::fenced).
    [[nodiscard]] bool isFenced(BrokerId id) const;
    // The brokers that may lead and hold replicas: running and not fenced.
    [[nodiscard]] std::set<BrokerId> liveBrokers() const;
    // The broker.rack of each of `brokers`, in order.
    [[nodiscard]] std::vector<std::optional<std::string>> racksOf(const std::vector<BrokerId> &brokers) const;
    // The controller: the live broker with the lowest id among those that reach a majority of the
    // live brokers (KRaft's quorum: a controller cut off from most of the others loses its place
    // to one on the majority side). Nothing when all are down or no side has a majority.
    // Every broker heartbeats to it every broker.heartbeat.interval.ms; one whose heartbeats are
    // cut off for broker.session.timeout.ms is fenced: new leaders are elected for the partitions
    // it led and it leaves every ISR (the last member stays, leaderless). Once its heartbeats get
    // through again it is unfenced and catches up. Only network partitions (not pauses) stop
    // heartbeats here.
    [[nodiscard]] std::optional<BrokerId> controller() const;
    [[nodiscard]] const ReplicationConfig &replicationConfig() const { return m_replication; }
    // The brokers' settings; call before creating topics (timers already running keep their
    // interval until they next fire).
    void setReplicationConfig(const ReplicationConfig &config) { m_replication = config; }
    SimNetwork &network() { return m_network; }
    [[nodiscard]] const SimNetwork &network() const { return m_network; }

    // Topic names follow Kafka's rules: 1-249 characters of [a-zA-Z0-9._-], not "." or "..".
    // Replicas are placed on the live brokers with Kafka's rack-unaware placement.
    Status createTopic(const std::string &name, std::int32_t partitions, const TopicSettings &settings = {});
    // With an explicit assignment: replicas[p] lists partition p's brokers, preferred leader
    // first. As in Kafka: every partition has the same number of replicas (the replication factor,
    // settings.replicationFactor is ignored), no broker twice in one partition, every broker known;
    // dead brokers are allowed, but each partition needs one live replica, which leads.
    Status createTopic(const std::string &name, const std::vector<std::vector<BrokerId>> &replicas,
                       const TopicSettings &settings = {});
    // Grows a topic to `totalPartitions` (more than it has). New partitions are placed like
    // Kafka's (continuing the placement from the first replica of partition 0), or on
    // `replicas` when given (one list per new partition). Keys hash anew: a key's partition
    // changes when murmur2(key) % count does.
    Status addPartitions(const std::string &name, std::int32_t totalPartitions,
                         const std::vector<std::vector<BrokerId>> &replicas = {});
    // Deletes the topic and every replica's log (its files too). Requests in flight for it fail.
    Status deleteTopic(const std::string &name);
    // Kafka's partition reassignment (KIP-455): the new replicas are added and catch up; once every
    // target replica is in the ISR, the replicas not in the target are removed (and a leader not
    // in the target hands over to the first in-sync target replica).
    Status reassignPartition(const TopicPartition &tp, const std::vector<BrokerId> &target);
    // Creates __consumer_offsets as Kafka does on first use (50 partitions, compacted, replication
    // factor 3 or fewer when the cluster is smaller). Succeeds at once when it exists.
    Status ensureOffsetsTopic();
    [[nodiscard]] const Topic *topic(const std::string &name) const;
    [[nodiscard]] const std::map<std::string, Topic> &topics() const { return m_topics; }

    Result<ProducerId> addProducer(ProducerConfig config);
    Result<ConsumerId> addConsumer(ConsumerConfig config);
    [[nodiscard]] const std::vector<std::unique_ptr<Producer>> &producers() const { return m_producers; }
    [[nodiscard]] const std::vector<std::unique_ptr<Consumer>> &consumers() const { return m_consumers; }
    // KafkaConsumer.close(): a group member commits its positions (enable.auto.commit) and leaves
    // the group (dynamic members; a static member stays until its session times out); then it
    // stops polling.
    Status closeConsumer(ConsumerId id);
    // The consumer's process dies: it stops at once and tells nobody; its group finds out when its
    // session times out.
    Status crashConsumer(ConsumerId id);
    // The application's offset control (KafkaConsumer.seek, pause, resume) on a running consumer's
    // assigned partition (a consumer without a group: a partition of its topic). seek: the next
    // poll fetches from `offset` (0 … the log end offset). pause: the partition stays assigned but
    // is not fetched until resumed (or until it leaves the assignment). Errors name the unknown
    // consumer, the partition not assigned, the negative or out-of-range offset.
    Status seekConsumer(ConsumerId id, const TopicPartition &tp, Offset offset);
    // A client's process stops running: a long garbage-collection pause, SIGSTOP, a suspended VM
    // (the "paused client" fault; docs/CLUSTER.md, "Paused clients"). Nothing of it runs: it sends
    // nothing, its timers (sends, linger, heartbeats, polls, request timeouts) wait, and the
    // messages that reach it wait in its socket buffers. On resume everything it missed happens at
    // once, in the order it would have happened: late answers, expired timeouts, a heartbeat that
    // learns the member was removed from its group. `duration` (> 0) resumes it by itself after
    // that long; without it the pause lasts until resume...Process. Errors name the unknown client,
    // a consumer that is not running, a client already paused (or, for resume, not paused) and a
    // duration that is not positive; nothing changes then. While paused, a consumer refuses the
    // application's calls (close, seek, pause, resume, processing time): crashing it still works.
    Status pauseProducerProcess(ProducerId id, std::optional<SimDuration> duration = std::nullopt);
    Status resumeProducerProcess(ProducerId id);
    Status pauseConsumerProcess(ConsumerId id, std::optional<SimDuration> duration = std::nullopt);
    Status resumeConsumerProcess(ConsumerId id);
    [[nodiscard]] bool isProducerProcessPaused(ProducerId id) const { return m_scheduler.isHeld(clientNode(id)); }
    [[nodiscard]] bool isConsumerProcessPaused(ConsumerId id) const { return m_scheduler.isHeld(consumerNode(id)); }
    // When a timed pause ends by itself (nothing for a pause until resumed or no pause).
    [[nodiscard]] std::optional<SimTime> producerProcessResumesAt(ProducerId id) const;
    [[nodiscard]] std::optional<SimTime> consumerProcessResumesAt(ConsumerId id) const;
    Status pauseConsumer(ConsumerId id, const TopicPartition &tp);
    Status resumeConsumer(ConsumerId id, const TopicPartition &tp);
    // The application gets slower or faster: a running consumer's ConsumerConfig::
    // processingTimePerRecord becomes `perRecord` (>= 0) for the records it has not started yet
    // (docs/GROUPS.md, "The application"). Errors name the unknown or stopped consumer and a
    // negative time.
    Status setConsumerProcessingTime(ConsumerId id, SimDuration perRecord);

    // --- Consumer groups (cluster_groups.cpp) ----------------------------------------------------
    // Every broker runs a GroupCoordinator that serves the groups of the __consumer_offsets
    // partitions it leads and writes their commits and metadata there (docs/GROUPS.md).
    // The coordinator's snapshot of `groupId`, asked of the live broker that leads the group's
    // __consumer_offsets partition; nothing when no coordinator serves it or it has no such group.
    [[nodiscard]] std::optional<GroupSnapshot> group(const std::string &groupId) const;
    // Every group a live coordinator serves, by group id.
    [[nodiscard]] std::map<std::string, GroupSnapshot> groups() const;
    // The broker's coordinator (nothing until __consumer_offsets exists).
    [[nodiscard]] const GroupCoordinator *groupCoordinator(BrokerId id) const;
    // The broker that coordinates `groupId` now (the live leader of its __consumer_offsets
    // partition), as the controller's metadata says.
    [[nodiscard]] std::optional<BrokerId> coordinatorOf(const std::string &groupId) const;
    // Delivery semantics per group (docs/GROUPS.md, "Delivery semantics"): records its members'
    // applications processed, processed more than once, and never processed although below the
    // group's committed offset (the coordinator's; the last acknowledged commit when no live
    // coordinator serves the group). By group id, then per partition.
    struct GroupDelivery {
        DeliveryCounts total;
        std::map<TopicPartition, DeliveryCounts> partitions;
    };
    [[nodiscard]] std::map<std::string, GroupDelivery> groupDelivery() const;
    // kafka-consumer-groups --reset-offsets --execute (docs/GROUPS.md, "Resetting a group's
    // offsets"): commits the new offsets as an admin client does (a simple OffsetCommit, written
    // to __consumer_offsets like every commit), at the current simTime. Refused, changing nothing,
    // when the group has active members (Kafka: "Assignments can only be reset if the group is
    // inactive"), no coordinator serves it, a topic or partition does not exist or has no leader,
    // a shift has no committed offset to start from, or there is nothing to reset.
    Status resetGroupOffsets(const GroupOffsetReset &reset);
    // What resetGroupOffsets would commit, partition by partition (--dry-run); the same errors.
    [[nodiscard]] Result<std::map<TopicPartition, Offset>> planGroupOffsetReset(const GroupOffsetReset &reset) const;
    // A consumer's node on the simulated network (for network faults), clear of the producers'
    // (kFirstClientNode + 1 + producer id).
    static NodeId consumerNode(ConsumerId id) { return kFirstClientNode + 500'000 + id.value(); }
    // A producer's node.
    static NodeId clientNode(ProducerId id) { return kFirstClientNode + 1 + id.value(); }

    // A user's one-off record (the GUI's "produce a record with key …"), sent by a built-in
    // console producer at the current simTime. Returns the partition the record goes to.
    Result<PartitionId> produce(const std::string &topic, std::optional<std::string> key,
                                std::optional<std::string> value);

    // Runs events up to and including `until` (see Scheduler::runUntil).
    std::size_t runUntil(SimTime until, std::size_t maxEvents = std::numeric_limits<std::size_t>::max())
    {
        return m_scheduler.runUntil(until, maxEvents);
    }

    // A digest of the whole state: clock, RNG, every record, every client's progress, the journal.
    [[nodiscard]] StateHash stateHash() const;

    // --- Journal, snapshots and replay ------------------------------------------------------
    // Every state change, typed, with a running digest (see Journal).
    [[nodiscard]] const Journal &journal() const { return m_journal; }
    Journal &journal() { return m_journal; }
    // The user's actions so far, in order (what snapshot() keeps).
    [[nodiscard]] const std::vector<ClusterAction> &actions() const { return m_actions; }
    // The cluster as it is now, as a replayable value.
    [[nodiscard]] ClusterSnapshot snapshot() const;
    // A new cluster in the state `snapshot`'s cluster had at simTime `at` (<= snapshot.time; the
    // snapshot's own time when not given): the seed and the actions replayed on a fresh cluster
    // whose logs are in memory. Restoring to the snapshot's own time checks the state hash and
    // journal digest and fails if the replay diverged. Actions made from inside scheduler events
    // (not through the API between runs) are replayed at the same point but are not guaranteed
    // to reproduce the run exactly; the check then says so.
    static Result<std::unique_ptr<Cluster>> restore(const ClusterSnapshot &snapshot, std::optional<SimTime> at = std::nullopt);

    // Makes every partition log durable (a no-op in memory).
    Status flush();
    // The first storage error met while appending (an I/O error on disk), if any.
    [[nodiscard]] const Status &storageError() const { return m_storageError; }

    [[nodiscard]] std::uint64_t topicIdOf(const std::string &name) const;
    // Latency of one hop on the simulated network (client to broker): the network's default, which
    // is also how long a client takes to notice that a dead broker dropped its connection.
    [[nodiscard]] SimDuration networkLatency() const { return m_network.defaultLatency(); }

    // --- Truth accounting ------------------------------------------------------------------
    // Per topic: records producers were told were written, and of those how many can no longer
    // be read (lost: acks=1 or unclean elections), and records stored more than once
    // (duplicates: retries without idempotence). Computed from the logs when asked.
    struct DurabilityCounts {
        std::uint64_t acknowledged = 0;
        std::uint64_t lost = 0;
        std::uint64_t duplicates = 0;
    };
    [[nodiscard]] std::map<std::string, DurabilityCounts> durability() const;

    // --- For the clients (producer, consumer) --------------------------------------------
    // A produce request from producer `from` for `tp`, sent now to the partition's current
    // leader over the network. `onResponse` runs at the producer when the answer arrives (never,
    // if request or answer are lost); with acks=0 no answer is sent. Kafka's rules: acks=all is
    // refused with NOT_ENOUGH_REPLICAS when the ISR is below min.insync.replicas, and answered
    // once the high watermark passes the record (NOT_ENOUGH_REPLICAS_AFTER_APPEND if the ISR
    // shrank below the minimum meanwhile).
    void submitProduce(ProducerId from, const TopicPartition &tp, std::vector<Record> records,
                       const ProducerIdentity &identity, std::int32_t acks, std::function<void(ProduceError)> onResponse);
    // InitProducerId: a new producer id for an idempotent producer.
    std::int64_t initProducerId() { return m_nextProducerId++; }
    // A producer was told `record` is written (truth accounting).
    void noteAcknowledged(ProducerId from, const TopicPartition &tp, const Record &record);
    Topic *mutableTopic(const std::string &name);
    // Group consumers: FindCoordinator (sent to a live broker; nothing when no coordinator is
    // available) and the group requests sent to broker `to` over the network. When the broker is
    // down, or dies before it answers, the consumer is told NOT_COORDINATOR (its connection
    // drops); a request or answer lost on the network is never answered.
    void findCoordinator(ConsumerId from, const std::string &groupId, std::function<void(std::optional<BrokerId>)> onResponse);
    void sendJoinGroup(ConsumerId from, BrokerId to, JoinGroupRequest request,
                       std::function<void(const JoinGroupResponse &)> onResponse);
    void sendSyncGroup(ConsumerId from, BrokerId to, SyncGroupRequest request,
                       std::function<void(const SyncGroupResponse &)> onResponse);
    void sendHeartbeat(ConsumerId from, BrokerId to, HeartbeatRequest request,
                       std::function<void(const HeartbeatResponse &)> onResponse);
    void sendLeaveGroup(ConsumerId from, BrokerId to, LeaveGroupRequest request,
                        std::function<void(const LeaveGroupResponse &)> onResponse);
    void sendOffsetCommit(ConsumerId from, BrokerId to, OffsetCommitRequest request,
                          std::function<void(const OffsetCommitResponse &)> onResponse);
    void sendOffsetFetch(ConsumerId from, BrokerId to, OffsetFetchRequest request,
                         std::function<void(const OffsetFetchResponse &)> onResponse);
    // --- Consumer fetches (cluster_fetch.cpp) ---
    // A consumer's Fetch request to broker `to` over the network (Kafka's Fetch API, consumer
    // side). The broker answers at once when at least request.minBytes of records below the high
    // watermark are available from the requested offsets (or a partition has an error), else it
    // holds the request until they are or request.maxWaitMs passes, then answers with what it
    // has. A partition it does not lead gets NOT_LEADER_OR_FOLLOWER, an offset outside [log
    // start, log end] OFFSET_OUT_OF_RANGE. A request to a dead broker, or one it holds or
    // receives when it dies, is answered `disconnected` after one network latency; a request or
    // answer lost on the network is never answered. A new request from the same consumer to the
    // same broker replaces an unanswered one (the consumer gave up on it).
    void sendConsumerFetch(ConsumerId from, BrokerId to, ConsumerFetchRequest request,
                           std::function<void(const ConsumerFetchResponse &)> onResponse);
    ClusterObserver *observer() const { return m_observer; }
    // Group consumers report what their applications fetched, processed and committed here
    // (truth accounting, see groupDelivery); one ledger per group id.
    GroupDeliveryLedger &deliveryLedger(const std::string &groupId) { return m_deliveryLedgers[groupId]; }
    [[nodiscard]] const GroupDeliveryLedger *deliveryLedgerOf(const std::string &groupId) const
    {
        const auto it = m_deliveryLedgers.find(groupId);
        return it == m_deliveryLedgers.end() ? nullptr : &it->second;
    }
    // Journals a consumer's event: detail = `detail`, value = the consumer number, topic and
    // partition when the event is about one.
    void journalConsumer(JournalEventKind kind, const Consumer &consumer, std::string detail,
                         const std::optional<TopicPartition> &tp = std::nullopt, std::int64_t count = 0);
    // Journals a producer's event: detail = its client id and `detail`, value = the producer
    // number, count = `count`.
    void journalProducer(JournalEventKind kind, const Producer &producer, const std::string &detail, std::int64_t count = 0);
    // Records sent to a partition that had no live leader when they arrived (lost in flight).
    [[nodiscard]] std::uint64_t recordsRejected() const { return m_recordsRejected; }

private:
    // The produce path.
    void handleProduce(ProducerId from, const TopicPartition &tp, std::vector<Record> records, ProducerIdentity identity,
                       std::int32_t acks, BrokerId broker, std::function<void(ProduceError)> onResponse);
    // Appends the batch; returns its last offset.
    std::optional<std::int64_t> appendAtLeader(PartitionState &state, ProducerId from, std::vector<Record> records,
                                               const ProducerIdentity &identity);
    void respondToProducer(ProducerId from, BrokerId broker, ProduceError error,
                           std::function<void(ProduceError)> onResponse);
    void completeDelayedProduces(PartitionState &state, bool leaderChanged);
    struct DelayedProduce {
        std::int64_t offset;
        ProducerId from;
        BrokerId broker;
        std::function<void(ProduceError)> onResponse;
        // The broker's own append (a group coordinator's commit): the outcome goes straight to
        // onResponse, which answers the client itself, instead of over the network.
        bool internal = false;
    };
    // The produce requests waiting for the partition's high watermark (acks=all), oldest first.
    std::vector<DelayedProduce> &delayedProducesOf(PartitionState &state);

    // Replication (cluster_replication.cpp).
    Result<std::unique_ptr<PartitionLog>> openReplicaLog(BrokerId broker, const std::string &topic, std::int32_t partition,
                                                         const LogConfig &config);
    // Makes sure the follower's fetch session with the partition's leader runs (and includes it).
    void startFetcher(const TopicPartition &tp, BrokerId follower, SimDuration delay);
    struct FetchPart {
        enum class Kind { Normal, Diverged, Reset, Skipped };
        std::uint64_t topicId = 0; // the partition, by id (see partitionState)
        std::int32_t partition = 0;
        std::int64_t fetchOffset = 0;
        std::int32_t lastFetchedEpoch = -1;
        std::int32_t leaderEpoch = -1;
        // Filled in by the leader.
        Kind kind = Kind::Normal;
        std::int32_t divergingEpoch = -1;
        std::int64_t divergingEnd = -1; // Reset: the leader's log start offset
    };
    struct FetchAnswer {
        std::uint64_t topicId = 0;
        std::int32_t partition = 0;
        FetchPart::Kind kind = FetchPart::Kind::Normal;
        std::int32_t divergingEpoch = -1;
        std::int64_t divergingEnd = -1;
        std::string records;
        std::int64_t leaderHighWatermark = 0;
    };
    // One follower broker fetching from one leader broker (Kafka's replica fetcher thread).
    struct FetchSession {
        std::uint64_t request = 0; // the request in flight (0: none)
        bool sendScheduled = false;
        std::vector<std::pair<std::uint64_t, std::int32_t>> partitions; // (topic id, partition); cached, rebuilt
                                                                        // when m_metadataVersion moves
        std::uint64_t partitionsVersion = ~std::uint64_t{0};
        SimTime deadline;
        std::uint64_t deadlineRequest = 0;
        bool watchArmed = false;
        // At the leader: the request held for the long poll.
        bool parked = false;
        std::uint64_t parkedRequest = 0;
        std::vector<FetchPart> parkedParts;
        SimTime parkedUntil;
        bool parkTimerArmed = false;
    };
    const std::vector<std::pair<std::uint64_t, std::int32_t>> &sessionPartitions(FetchSession &session, BrokerId follower,
                                                                               BrokerId leader);
    void resetFetchSessions(BrokerId broker);
    void sendSessionFetch(BrokerId follower, BrokerId leader);
    void onSessionWatchdog(BrokerId follower, BrokerId leader);
    void handleSessionFetch(BrokerId follower, BrokerId leader, std::uint64_t request, std::vector<FetchPart> parts);
    void armParkTimer(BrokerId follower, BrokerId leader);
    void answerParked(BrokerId follower, BrokerId leader);
    void answerSessionFetch(BrokerId follower, BrokerId leader, std::uint64_t request, const std::vector<FetchPart> &parts);
    void handleSessionAnswer(BrokerId follower, BrokerId leader, std::uint64_t request, std::vector<FetchAnswer> &answers);
    // Buffers of fetch requests and answers (and the answers' record bytes) go back to a pool
    // when handled, so that the next request reuses their memory instead of allocating.
    std::vector<FetchPart> takeFetchParts();
    void recycle(std::vector<FetchPart> parts);
    void recycle(std::vector<FetchAnswer> answers);
    static constexpr std::size_t kFetchPoolSize = 64;
    std::vector<std::vector<FetchPart>> m_fetchPartsPool;
    std::vector<std::vector<FetchAnswer>> m_fetchAnswersPool;
    std::vector<std::string> m_recordBytesPool;
    void completeParkedFetches(PartitionState &state);
    void updateHighWatermark(PartitionState &state);
    void scheduleIsrCheck();
    void scheduleLeaderRebalance();
    // The log manager's periodic tasks on every live broker's replicas: retention every
    // log.retention.check.interval.ms, the cleaner (compaction) every log.cleaner.backoff.ms.
    void scheduleLogMaintenance();
    void runRetention();
    void runCleaner();
    // Runs `task` on every live replica (of compacted topics only, when asked); a partition any
    // task changed is reported to the observer.
    void maintainLogs(bool compactedTopicsOnly, const std::function<bool(PartitionState &, BrokerId, Replica &)> &task);
    // Kafka's auto leader rebalance: preferred elections on brokers whose share of partitions
    // they prefer but do not lead exceeds leader.imbalance.per.broker.percentage.
    void rebalanceLeaders();
    bool electPreferred(PartitionState &state);
    void checkIsr();
    // Elects a leader for `state` after its leader failed (or while it is offline).
    void electAfterFailure(PartitionState &state);
    void becomeLeader(PartitionState &state, BrokerId leader, bool unclean, const char *reason);
    // A new leader epoch for the same leader (KRaft bumps it when a change removes replicas).
    void bumpLeaderEpoch(PartitionState &state, const char *reason);
    // Marks a live broker down (crash or the end of a controlled shutdown) and fails over.
    void stopBroker(BrokerId id, JournalEventKind how);
    // KRaft broker sessions (see controller()): the controller's check runs every
    // broker.heartbeat.interval.ms while some live broker cannot reach it or is fenced, and
    // stops once all are back (then every session is current).
    [[nodiscard]] bool reachesMajority(BrokerId id) const;
    void watchBrokerSessions();
    void checkBrokerSessions();
    void fenceBroker(BrokerId id);
    void unfenceBroker(BrokerId id);
    // A broker stopped or fenced: new leaders for the partitions it led (electAfterFailure), and
    // it leaves the ISR of the others (`reason` journalled), except as the last ISR member when
    // `keepAsLastIsrMember` (fencing: the partition goes offline with it as its last ISR member).
    void leaveEveryPartition(BrokerId id, const std::string &reason, bool keepAsLastIsrMember);
    // After a broker returns to service (restart, unfencing): it follows the current leaders, and
    // an offline partition it can lead gets it as leader.
    void resumeReplicas(BrokerId id);
    PartitionState *partitionState(const TopicPartition &tp);
    // The same by topic id (no name to compare): nothing if that topic was deleted since.
    PartitionState *partitionState(std::uint64_t topicId, std::int32_t partition);
    static NodeId nodeOf(BrokerId id) { return id.value(); }

    // Group coordinators (cluster_groups.cpp).
    // Routes a coordinator's events to persistGroupEvent.
    class CoordinatorEventSink;
    struct BrokerGroupCoordinator {
        std::unique_ptr<GroupCoordinatorObserver> sink;
        std::unique_ptr<GroupCoordinator> coordinator; // destroyed before its sink
    };
    GroupCoordinator &groupCoordinatorOf(BrokerId id);
    // Brings every coordinator in line with the brokers and the leaders of __consumer_offsets:
    // dead brokers' coordinators shut down, live ones start; a broker resigns the partitions it
    // no longer leads, then takes on (and reloads from its log) those it now leads.
    void syncGroupCoordinators();
    // Hook for elections: re-syncs the coordinators when `state` is a __consumer_offsets partition.
    void noteOffsetsLeadership(const PartitionState &state);
    void loadGroupPartition(GroupCoordinator &coordinator, const PartitionState &state);
    // Writes what a coordinator stored (a group record, committed offsets) to the partition's log
    // through the leader's append path, so that followers replicate it.
    void persistGroupEvent(BrokerId broker, const GroupEvent &event);
    // Records what a coordinator reports (joins, removals, rebalances, generations, states,
    // loads) in the journal, for the event log and the rebalance timeline.
    void journalGroupEvent(BrokerId broker, const GroupEvent &event);
    // Kafka's coordinator answers an OffsetCommit only once its records are replicated (appended
    // with acks=all): holds `response` until the high watermark of the group's __consumer_offsets
    // partition passes the commit's last record, then calls `respond` with it, or with Kafka's
    // mapping of the append's error (NOT_COORDINATOR when the leader moved,
    // COORDINATOR_NOT_AVAILABLE when the ISR fell below min.insync.replicas). `appendSerial` is
    // the group's m_groupCommitAppends serial from before the request: unchanged means nothing
    // was appended (an error answer, or no offsets), which is answered at once.
    void answerCommitWhenReplicated(BrokerId broker, const std::string &groupId, std::uint64_t appendSerial,
                                    const OffsetCommitResponse &response,
                                    const std::function<void(const OffsetCommitResponse &)> &respond);
    struct GroupCommitAppend {
        TopicPartition tp;
        std::int64_t lastOffset = -1; // -1: the append failed
        std::uint64_t serial = 0;
    };
    // The last commit appended for each group (by persistGroupEvent).
    std::map<std::string, GroupCommitAppend> m_groupCommitAppends;
    std::uint64_t m_groupCommitSerial = 0;
    template <class Response, class Handle>
    void groupRequest(ConsumerId from, BrokerId to, Handle handle, Response disconnected,
                      std::function<void(const Response &)> onResponse);
    template <class Response>
    void respondToConsumer(BrokerId broker, ConsumerId to, const Response &response, const Response &disconnected,
                           const std::function<void(const Response &)> &onResponse);
    // Consumer fetches (cluster_fetch.cpp): each request from its send until it is answered.
    struct ConsumerFetch {
        ConsumerId from;
        BrokerId to;
        ConsumerFetchRequest request;
        std::function<void(const ConsumerFetchResponse &)> onResponse;
        bool parked = false; // arrived, held for fetch.min.bytes
    };
    // Reads the request's partitions at broker `broker` as a fetch does now; `ready` tells
    // whether the answer may go now (enough bytes, or an error).
    ConsumerFetchResponse readConsumerFetch(BrokerId broker, const ConsumerFetchRequest &request, bool &ready);
    void handleConsumerFetch(std::uint64_t id);
    void answerConsumerFetch(std::uint64_t id, ConsumerFetchResponse response);
    // The high watermark or the leader of `state` changed: held fetches for it that can be
    // answered now are answered (Kafka's DelayedFetch.tryComplete).
    void completeDelayedConsumerFetches(const PartitionState &state);
    // Broker `id` stopped: its consumers' connections drop.
    void dropConsumerFetches(BrokerId id);
    std::map<std::uint64_t, ConsumerFetch> m_consumerFetches;
    std::uint64_t m_lastConsumerFetch = 0;
    Status consumerAction(ConsumerId id, bool crash);
    Result<Consumer *> runningConsumer(ConsumerId id);
    Status consumerPartitionAction(ConsumerId id, const TopicPartition &tp, bool pause);

    // Topics (cluster_topics.cpp).
    Result<PartitionState> makePartition(const std::string &topic, std::int32_t partition,
                                         const std::vector<BrokerId> &replicas, const TopicSettings &settings);
    void startPartitionFetchers(const PartitionState &state);
    Status validateAssignment(const std::string &topic, const std::vector<std::vector<BrokerId>> &replicas,
                              std::int32_t firstPartition) const;
    Status installTopic(const std::string &name, const std::vector<std::vector<BrokerId>> &replicas,
                        const TopicSettings &settings);
    void maybeCompleteReassignment(PartitionState &state);
    void maybeFinishDecommission(BrokerId id);
    void removeReplica(PartitionState &state, BrokerId broker);

    // Journal and action recording.
    void journal(JournalEvent event);
    void journalPartition(JournalEventKind kind, const PartitionState &state, std::int32_t broker = -1,
                          std::int64_t value = -1, std::int64_t count = 0, std::string detail = {});
    void journalIsr(const PartitionState &state, std::string why);
    void noteControllerChange();
    // Records an API call as an action when it is the outermost one (calls the API makes
    // internally are part of it). Holds the depth for the duration of the call.
    class ActionScope {
    public:
        ActionScope(Cluster &cluster, std::string description, std::function<void(Cluster &)> apply);
        ~ActionScope() { --m_cluster.m_actionDepth; }
        ActionScope(const ActionScope &) = delete;
        ActionScope &operator=(const ActionScope &) = delete;

    private:
        Cluster &m_cluster;
    };
    // Runs events up to the point an action was recorded at (replay).
    void replayTo(SimTime time, std::uint64_t eventsRun);
    // The paused-client fault's common part: `producer` says which kind `id` is.
    Status pauseClientNode(NodeId node, bool producer, std::int32_t id, const std::string &clientId,
                           std::optional<SimDuration> duration);
    Status resumeClientNode(NodeId node, bool producer, std::int32_t id, const std::string &clientId);
    // Timed pauses: when each ends, by node (a later pause or a resume replaces the entry).
    struct TimedPause {
        SimTime until;
        std::uint64_t token = 0; // which pause the resume event belongs to
    };
    std::map<NodeId, TimedPause> m_timedPauses;
    std::uint64_t m_lastPauseToken = 0;


    std::uint64_t m_seed;
    Scheduler m_scheduler;
    Random m_random;
    ClusterObserver *m_observer = nullptr;
    SimDuration m_networkLatency = SimDuration::millis(2); // the network's default latency at the start
    std::string m_dataDirectory;
    Status m_storageError;
    std::map<std::string, Topic> m_topics;
    // The topic looked up last (most lookups on the hot path ask for the same one again);
    // reset when a topic is erased.
    mutable std::map<std::string, Topic>::iterator m_lastTopic = m_topics.end();
    // Topics by id (index = id; null once deleted): what messages in flight name their partitions by.
    std::vector<Topic *> m_topicsById{nullptr};
    std::vector<std::unique_ptr<Producer>> m_producers;
    std::vector<std::unique_ptr<Consumer>> m_consumers;
    std::unique_ptr<Producer> m_consoleProducer;
    std::map<BrokerId, BrokerInfo> m_brokers;
    // m_brokers by id (nullptr: none), for isAlive(), which every message and fetched partition
    // asks; map nodes never move, so this is rebuilt only when a broker joins or leaves.
    std::vector<const BrokerInfo *> m_brokerById;
    void indexBrokers();
    ReplicationConfig m_replication;
    SimNetwork m_network;
    std::uint64_t m_lastFetchGeneration = 0; // request ids of the fetch sessions
    // The fetch sessions by (follower, leader): a table indexed by broker ids (small numbers from
    // 0), since every fetch looks its session up several times. A session stays where it is
    // once made (references to it survive new sessions).
    class FetchSessionTable {
    public:
        FetchSession &operator[](const std::pair<BrokerId, BrokerId> &key)
        {
            const auto f = static_cast<std::size_t>(key.first.value());
            const auto l = static_cast<std::size_t>(key.second.value());
            if (f >= m_rows.size())
                m_rows.resize(f + 1);
            auto &row = m_rows[f];
            if (l >= row.size())
                row.resize(l + 1);
            if (!row[l])
                row[l] = std::make_unique<FetchSession>();
            return *row[l];
        }
        // Nothing when the session was never made.
        FetchSession *find(const std::pair<BrokerId, BrokerId> &key)
        {
            const auto f = static_cast<std::size_t>(key.first.value());
            const auto l = static_cast<std::size_t>(key.second.value());
            return f < m_rows.size() && l < m_rows[f].size() ? m_rows[f][l].get() : nullptr;
        }
        // Calls visit(follower, leader, session) for every session.
        template <class Visit>
        void forEach(Visit &&visit)
        {
            for (std::size_t f = 0; f < m_rows.size(); ++f)
                for (std::size_t l = 0; l < m_rows[f].size(); ++l)
                    if (m_rows[f][l])
                        visit(BrokerId{static_cast<std::int32_t>(f)}, BrokerId{static_cast<std::int32_t>(l)}, *m_rows[f][l]);
        }

    private:
        std::vector<std::vector<std::unique_ptr<FetchSession>>> m_rows; // [follower][leader]
    };
    FetchSessionTable m_fetchSessions;
    std::uint64_t m_metadataVersion = 0; // moves whenever which broker leads or holds what may have changed
    // Every session's partitions ([follower][leader] -> (topic id, partition)), listed in one pass
    // when m_metadataVersion moves; sessionPartitions() copies a session's list from here.
    std::vector<std::vector<std::vector<std::pair<std::uint64_t, std::int32_t>>>> m_sessionPartitionsIndex;
    std::uint64_t m_sessionPartitionsVersion = ~std::uint64_t{0};
    std::uint64_t m_lastTopicId = 0;
    std::int32_t m_nextBrokerId = 1;
    Journal m_journal;
    std::vector<ClusterAction> m_actions;
    int m_actionDepth = 0;
    std::optional<BrokerId> m_journalledController;
    std::uint64_t m_recordsRejected = 0;
    bool m_isrCheckScheduled = false;
    bool m_rebalanceScheduled = false;
    bool m_logMaintenanceScheduled = false;
    bool m_sessionCheckScheduled = false;
    std::map<BrokerId, SimTime> m_lastHeartbeat; // the controller's last heartbeat from each broker
    std::int64_t m_nextProducerId = 1000;
    // Per partition (PartitionState::delayedProducesSlot); a deque, so that adding a partition's
    // list leaves the others where they are.
    std::deque<std::vector<DelayedProduce>> m_delayedProduces;
    struct Acknowledged {
        std::string topic;
        std::string value;
    };
    std::vector<Acknowledged> m_acknowledged;
    std::map<BrokerId, BrokerGroupCoordinator> m_groupCoordinators;
    std::map<std::string, GroupDeliveryLedger> m_deliveryLedgers;
};

// Kafka's legal topic name check (Topic.validate): why `name` is not a valid topic name.
Status validateTopicName(const std::string &name);

} // namespace kafkascope
