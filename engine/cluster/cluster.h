#pragma once

#include "client/consumer.h"
#include "client/producer.h"
#include "cluster/cluster_observer.h"
#include "cluster/network.h"
#include "cluster/topic.h"
#include "core/random.h"
#include "core/scheduler.h"
#include "core/state_hash.h"
#include "core/status.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kafkascope {

// A broker as the cluster knows it.
struct BrokerInfo {
    BrokerId id;
    bool alive = true;
};

// How a topic is created: Kafka's topic configs that matter to the simulation.
struct TopicSettings {
    std::int32_t replicationFactor = 1;   // default.replication.factor
    std::int32_t minInsyncReplicas = 1;   // min.insync.replicas
    bool uncleanLeaderElection = false;   // unclean.leader.election.enable
    std::optional<std::int32_t> placementStartIndex; // fixed start of Kafka's replica placement
    LogConfig log;
};

// Broker-side replication settings (Kafka's defaults).
struct ReplicationConfig {
    std::int64_t replicaLagTimeMaxMs = 30000;  // replica.lag.time.max.ms
    std::int64_t replicaFetchWaitMaxMs = 500;  // replica.fetch.wait.max.ms (the long poll)
    std::int64_t replicaFetchBackoffMs = 1000; // replica.fetch.backoff.ms (after an error)
    std::size_t replicaFetchMaxBytes = 1 << 20; // replica.fetch.max.bytes
    bool autoLeaderRebalance = true;                 // auto.leader.rebalance.enable
    std::int64_t leaderImbalanceCheckIntervalMs = 300000; // leader.imbalance.check.interval.seconds
    double leaderImbalancePerBrokerPercentage = 10.0;     // leader.imbalance.per.broker.percentage
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
    BrokerId addBroker();
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
    [[nodiscard]] const std::map<BrokerId, BrokerInfo> &brokers() const { return m_brokers; }
    [[nodiscard]] bool isAlive(BrokerId id) const;
    [[nodiscard]] std::set<BrokerId> liveBrokers() const;
    // The controller: the live broker with the lowest id (nothing when all are down).
    [[nodiscard]] std::optional<BrokerId> controller() const;
    [[nodiscard]] const ReplicationConfig &replicationConfig() const { return m_replication; }
    SimNetwork &network() { return m_network; }

    // Topic names follow Kafka's rules: 1-249 characters of [a-zA-Z0-9._-], not "." or "..".
    // Replicas are placed on the live brokers with Kafka's rack-unaware placement.
    Status createTopic(const std::string &name, std::int32_t partitions, const TopicSettings &settings = {});
    [[nodiscard]] const Topic *topic(const std::string &name) const;
    [[nodiscard]] const std::map<std::string, Topic> &topics() const { return m_topics; }

    Result<ProducerId> addProducer(ProducerConfig config);
    Result<ConsumerId> addConsumer(ConsumerConfig config);
    [[nodiscard]] const std::vector<std::unique_ptr<Producer>> &producers() const { return m_producers; }
    [[nodiscard]] const std::vector<std::unique_ptr<Consumer>> &consumers() const { return m_consumers; }

    // A user's one-off record (the GUI's "produce a record with key …"), sent by a built-in
    // console producer at the current simTime. Returns the partition the record goes to.
    Result<PartitionId> produce(const std::string &topic, std::optional<std::string> key,
                                std::optional<std::string> value);

    // Runs events up to and including `until` (see Scheduler::runUntil).
    std::size_t runUntil(SimTime until, std::size_t maxEvents = std::numeric_limits<std::size_t>::max())
    {
        return m_scheduler.runUntil(until, maxEvents);
    }

    // A digest of the whole state: clock, RNG, every record, every client's progress.
    [[nodiscard]] StateHash stateHash() const;

    // Makes every partition log durable (a no-op in memory).
    Status flush();
    // The first storage error met while appending (an I/O error on disk), if any.
    [[nodiscard]] const Status &storageError() const { return m_storageError; }

    // Latency of one hop on the simulated network (client to broker).
    [[nodiscard]] SimDuration networkLatency() const { return m_networkLatency; }

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
    void submitProduce(ProducerId from, const TopicPartition &tp, const std::vector<Record> &records,
                       const ProducerIdentity &identity, std::int32_t acks, std::function<void(ProduceError)> onResponse);
    // InitProducerId: a new producer id for an idempotent producer.
    std::int64_t initProducerId() { return m_nextProducerId++; }
    // A producer was told `record` is written (truth accounting).
    void noteAcknowledged(ProducerId from, const TopicPartition &tp, const Record &record);
    Topic *mutableTopic(const std::string &name);
    ClusterObserver *observer() const { return m_observer; }
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
                           const std::function<void(ProduceError)> &onResponse);
    void completeDelayedProduces(PartitionState &state, bool leaderChanged);
    static NodeId clientNode(ProducerId id) { return kFirstClientNode + 1 + id.value(); }
    struct DelayedProduce {
        std::int64_t offset;
        ProducerId from;
        BrokerId broker;
        std::function<void(ProduceError)> onResponse;
    };

    // Replication (cluster_replication.cpp).
    Result<std::unique_ptr<PartitionLog>> openReplicaLog(BrokerId broker, const std::string &topic, std::int32_t partition,
                                                         const LogConfig &config);
    void startFetcher(const TopicPartition &tp, BrokerId follower, SimDuration delay);
    void sendFetch(const TopicPartition &tp, BrokerId follower, std::uint64_t generation);
    void onFetchWatchdog(const TopicPartition &tp, BrokerId follower);
    // The follower's replica when its fetcher is still the loop `generation` (else nothing).
    Replica *currentFetcher(const TopicPartition &tp, BrokerId follower, std::uint64_t generation);
    void handleFetch(const TopicPartition &tp, BrokerId follower, std::uint64_t generation, std::int64_t fetchOffset,
                     std::int32_t lastFetchedEpoch, std::int32_t leaderEpoch);
    void answerFetch(const TopicPartition &tp, BrokerId follower, std::uint64_t generation, std::int64_t fetchOffset);
    void completeParkedFetches(PartitionState &state);
    void updateHighWatermark(PartitionState &state);
    void scheduleIsrCheck();
    void scheduleLeaderRebalance();
    // Kafka's auto leader rebalance: preferred elections on brokers whose share of partitions
    // they prefer but do not lead exceeds leader.imbalance.per.broker.percentage.
    void rebalanceLeaders();
    bool electPreferred(PartitionState &state);
    void checkIsr();
    // Elects a leader for `state` after its leader failed (or while it is offline).
    void electAfterFailure(PartitionState &state);
    void becomeLeader(PartitionState &state, BrokerId leader, bool unclean);
    PartitionState *partitionState(const TopicPartition &tp);
    static NodeId nodeOf(BrokerId id) { return id.value(); }


    std::uint64_t m_seed;
    Scheduler m_scheduler;
    Random m_random;
    ClusterObserver *m_observer = nullptr;
    SimDuration m_networkLatency = SimDuration::millis(2);
    std::string m_dataDirectory;
    Status m_storageError;
    std::map<std::string, Topic> m_topics;
    std::vector<std::unique_ptr<Producer>> m_producers;
    std::vector<std::unique_ptr<Consumer>> m_consumers;
    std::unique_ptr<Producer> m_consoleProducer;
    std::map<BrokerId, BrokerInfo> m_brokers;
    ReplicationConfig m_replication;
    SimNetwork m_network;
    std::uint64_t m_lastFetchGeneration = 0; // see Replica::fetchGeneration
    std::uint64_t m_recordsRejected = 0;
    bool m_isrCheckScheduled = false;
    bool m_rebalanceScheduled = false;
    std::int64_t m_nextProducerId = 1000;
    std::map<TopicPartition, std::vector<DelayedProduce>> m_delayedProduces;
    struct Acknowledged {
        std::string topic;
        std::string value;
    };
    std::vector<Acknowledged> m_acknowledged;
};

// Kafka's legal topic name check (Topic.validate): why `name` is not a valid topic name.
Status validateTopicName(const std::string &name);

} // namespace kafkascope
