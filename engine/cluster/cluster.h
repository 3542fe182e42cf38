#pragma once

#include "client/consumer.h"
#include "client/producer.h"
#include "cluster/cluster_observer.h"
#include "cluster/topic.h"
#include "core/random.h"
#include "core/scheduler.h"
#include "core/state_hash.h"
#include "core/status.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kafkascope {

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
    Scheduler &scheduler() { return m_scheduler; }
    Random &random() { return m_random; }

    // `observer` must outlive the cluster or be reset to nullptr first.
    void setObserver(ClusterObserver *observer) { m_observer = observer; }

    // Keeps every partition's log on disk under `path` (created if missing), laid out as a
    // broker's log.dirs: <path>/broker-0/<topic>-<partition>/. Must be called before any topic
    // exists; `path` must not already hold data (a run never overwrites or continues old logs).
    Status setDataDirectory(const std::string &path);
    [[nodiscard]] const std::string &dataDirectory() const { return m_dataDirectory; }

    // Topic names follow Kafka's rules: 1-249 characters of [a-zA-Z0-9._-], not "." or "..".
    Status createTopic(const std::string &name, std::int32_t partitions, const LogConfig &config = {});
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

    // --- For the clients (producer, consumer) --------------------------------------------
    // A record arriving at its partition's leader: appended, observers told.
    void deliverRecord(ProducerId from, const TopicPartition &tp, Record record);
    Topic *mutableTopic(const std::string &name);
    ClusterObserver *observer() const { return m_observer; }

private:
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
};

// Kafka's legal topic name check (Topic.validate): why `name` is not a valid topic name.
Status validateTopicName(const std::string &name);

} // namespace kafkascope
