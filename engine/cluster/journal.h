#pragma once

#include "core/sim_time.h"

#include <cstddef>
#include <cstdint>
#include <compare>
#include <iterator>
#include <string>
#include <vector>

namespace kafkascope {

// What changed in the cluster. Every state change the engine makes is one of these.
enum class JournalEventKind : std::uint8_t {
    BrokerAdded,           // broker
    BrokerCrashed,         // broker
    BrokerRestarted,       // broker
    BrokerShutDown,        // broker (a controlled shutdown)
    BrokerDecommissioned,  // broker: its replicas moved away and it left the cluster
    ControllerChanged,     // broker = the new controller, or -1 when none is alive
    TopicCreated,          // topic, count = partitions, value = replication factor
    PartitionsAdded,       // topic, value = old partition count, count = new partition count
    TopicDeleted,          // topic
    LeaderElected,         // topic, partition, broker = leader, leaderEpoch, detail = why (see Cluster)
    PartitionOffline,      // topic, partition, leaderEpoch: no replica may lead
    IsrChanged,            // topic, partition, brokers = the new ISR, detail = why
    ReassignmentStarted,   // topic, partition, brokers = the target replicas
    ReassignmentCompleted, // topic, partition, brokers = the replicas now
    RecordsAppended,       // topic, partition, broker = leader, value = first offset, count = records
    RecordsReplicated,     // topic, partition, broker = follower, value = first offset, count = records
    HighWatermarkAdvanced, // topic, partition, broker = leader, value = the new high watermark
    LogTruncated,          // topic, partition, broker, value = the new log end offset
    ProducerAdded,         // detail = client id, value = producer number
    ConsumerAdded,         // detail = client id, value = consumer number
    NetworkChanged,        // detail = what changed (partition, heal, pause, latency ...)
    ConsumerClosed,        // detail = client id, value = consumer number (KafkaConsumer.close())
    ConsumerCrashed,       // detail = client id, value = consumer number (the process died)
    // A client's process froze or thawed (Cluster::pauseProducerProcess and the like: a long GC
    // pause, SIGSTOP): detail = client id, value = producer or consumer number, count = 0 for a
    // producer, 1 for a consumer; ClientProcessPaused's member = the planned duration ("20s";
    // empty: until resumed).
    ClientProcessPaused,
    ClientProcessResumed,
    ConsumerPollTimeout,   // detail = client id and member id, value = consumer number: max.poll.interval.ms
                           // expired without a poll, the consumer left its group
    // A group consumer's rebalance listener was called (Kafka's ConsumerRebalanceListener): detail =
    // client id and the partitions ("c1 [orders-0,orders-1]"), count = how many, value = consumer number.
    PartitionsRevoked,     // onPartitionsRevoked: given up after committing (auto commit or the application's)
    PartitionsAssigned,    // onPartitionsAssigned: the partitions new in this assignment (after every rebalance)
    PartitionsLost,        // onPartitionsLost: given up without a commit (the member was fenced or timed out)
    // The application's offset control (Cluster::seekConsumer, pauseConsumer, resumeConsumer):
    // topic, partition, detail = client id, value = consumer number, count = the offset (seek).
    ConsumerSeek,
    ConsumerPaused,
    ConsumerResumed,
    // A group coordinator's view (Kafka's classic protocol): group = the group id, broker = the
    // coordinator, member = the member concerned.
    GroupMemberJoined,      // a member joined (member)
    GroupMemberRemoved,     // a member left or was removed (member; detail = why: "left", "session timeout", ...)
    GroupRebalanceStarted,  // the group began a rebalance (member = whose action caused it; value = the
                            // generation being replaced; detail = why, Kafka-like: "new member", ...)
    GroupGenerationStarted, // the join phase ended (value = generation, member = leader, count = members,
                            // detail = the protocol, i.e. the assignor)
    GroupStateChanged,      // detail = the new state ("PreparingRebalance", "CompletingRebalance", "Stable", ...)
    GroupLoaded,            // the broker became the group's coordinator (it loaded the group)
    GroupUnloaded,          // the broker stopped coordinating the group
    // Cluster::resetGroupOffsets (kafka-consumer-groups --reset-offsets), one per partition: group,
    // broker = the coordinator, topic, partition, value = the new committed offset, count = the
    // old one (-1: none), detail = how ("to-earliest", "to-latest", "to-offset 42", "shift-by -5").
    GroupOffsetsReset,
    // Cluster::setConsumerProcessingTime: detail = client id, value = consumer number, count = the
    // new processing time per record in microseconds.
    ConsumerProcessingTimeChanged,
    // The log manager's retention (log.retention.check.interval.ms): topic, partition, broker,
    // value = the replica's new log start offset, count = segments deleted.
    LogSegmentsDeleted,
    // The log cleaner compacted a replica (cleanup.policy compact): topic, partition, broker,
    // value = records removed, count = records kept in the cleaned segments.
    LogCompacted,
    // A group leader's refreshed metadata differs from what its last assignment used (partitions
    // added, a topic created or deleted; Kafka's "cached metadata has changed"): it rejoins.
    // detail = client id and the changes ("c1 (orders 3->6)"), count = topics changed, value =
    // consumer number.
    ConsumerMetadataChanged,
    // An idempotent producer bumped its epoch (KIP-360) after a gap in a partition's sequences
    // (OUT_OF_ORDER_SEQUENCE_NUMBER for the batch after the last acknowledged one, e.g. after an
    // unclean election) or a numbered batch failed for good: detail = client id and the
    // partitions renumbered from 0 ("p1 [orders-0]"), value = producer number, count = the new epoch.
    ProducerEpochBumped,
    // KRaft's controller fenced a broker (no heartbeat for broker.session.timeout.ms: a network
    // partition cut it off from the controller), or unfenced it when its heartbeats got through
    // again: broker.
    BrokerFenced,
    BrokerUnfenced,
    // A broker's broker.rack was set: broker, detail = the rack. (BrokerAdded's detail is the
    // rack a broker joined with, if any.)
    BrokerRackSet,
};

// One entry of the journal. Fields a kind does not use keep their defaults (see the kinds).
struct JournalEvent {
    std::uint64_t sequence = 0; // 0, 1, 2 ... in the order the changes happened
    SimTime time;
    JournalEventKind kind = JournalEventKind::BrokerAdded;
    std::string topic;
    std::int32_t partition = -1;
    std::int32_t broker = -1;
    std::int32_t leaderEpoch = -1;
    std::int64_t value = -1;
    std::int64_t count = 0;
    std::vector<std::int32_t> brokers;
    std::string detail;
    std::string group;  // consumer group id (the Group* kinds)
    std::string member; // group member id (the Group* kinds)
};

// Kafka-like name of a kind ("LeaderElected" -> "leader_elected"), stable for reports and files.
const char *journalEventKindName(JournalEventKind kind);
// One line of English for people: "orders-2: broker 1 elected leader, epoch 3 (clean)".
std::string describeJournalEvent(const JournalEvent &event);

// The events a journal retains, oldest first: a window over a ring of slots, so that appending
// to a full journal reuses the oldest slot (and its strings' memory) instead of allocating.
class JournalWindow {
public:
    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = JournalEvent;
        using difference_type = std::ptrdiff_t;
        using pointer = const JournalEvent *;
        using reference = const JournalEvent &;

        const_iterator() = default;
        const_iterator(const JournalWindow *window, difference_type index) : m_window(window), m_index(index) {}
        reference operator*() const { return (*m_window)[static_cast<std::size_t>(m_index)]; }
        pointer operator->() const { return &**this; }
        reference operator[](difference_type n) const { return *(*this + n); }
        const_iterator &operator++() { ++m_index; return *this; }
        const_iterator operator++(int) { const_iterator old = *this; ++m_index; return old; }
        const_iterator &operator--() { --m_index; return *this; }
        const_iterator operator--(int) { const_iterator old = *this; --m_index; return old; }
        const_iterator &operator+=(difference_type n) { m_index += n; return *this; }
        const_iterator &operator-=(difference_type n) { m_index -= n; return *this; }
        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const const_iterator &a, const const_iterator &b) { return a.m_index - b.m_index; }
        friend bool operator==(const const_iterator &a, const const_iterator &b) { return a.m_index == b.m_index; }
        friend auto operator<=>(const const_iterator &a, const const_iterator &b) { return a.m_index <=> b.m_index; }

    private:
        const JournalWindow *m_window = nullptr;
        difference_type m_index = 0;
    };
    using const_reverse_iterator = std::reverse_iterator<const_iterator>;

    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool empty() const { return m_size == 0; }
    [[nodiscard]] const JournalEvent &operator[](std::size_t i) const { return m_slots[(m_head + i) % m_slots.size()]; }
    // Throws std::out_of_range past the end, like std::deque::at.
    [[nodiscard]] const JournalEvent &at(std::size_t i) const;
    [[nodiscard]] const JournalEvent &front() const { return (*this)[0]; }
    [[nodiscard]] const JournalEvent &back() const { return (*this)[m_size - 1]; }
    [[nodiscard]] const_iterator begin() const { return {this, 0}; }
    [[nodiscard]] const_iterator end() const { return {this, static_cast<std::ptrdiff_t>(m_size)}; }
    [[nodiscard]] const_reverse_iterator rbegin() const { return const_reverse_iterator(end()); }
    [[nodiscard]] const_reverse_iterator rend() const { return const_reverse_iterator(begin()); }

private:
    friend class Journal;
    std::vector<JournalEvent> m_slots; // grows to the capacity, then wraps around
    std::size_t m_head = 0;            // the slot of the oldest event
    std::size_t m_size = 0;
};

// The cluster's journal: every state change as a typed event, in order, with a running digest
// over all of them (so two runs agree on their whole history exactly when the digests agree).
// Memory stays bounded: beyond `capacity` the oldest events are dropped from the retained window
// (the digest and the count still cover them).
class Journal {
public:
    static constexpr std::size_t kDefaultCapacity = 100'000;

    // At least one event is kept.
    void setCapacity(std::size_t capacity);
    [[nodiscard]] std::size_t capacity() const { return m_capacity; }

    // Stamps the event with the next sequence number and folds it into the digest.
    void append(JournalEvent event);
    // The same in two steps, for the hot path: the slot the next event goes to, every field reset
    // to its default (strings empty, their memory kept); fill it in, then call finishEvent(),
    // before anything else touches the journal.
    JournalEvent &startEvent();
    void finishEvent();

    // Events appended in all (retained or not).
    [[nodiscard]] std::uint64_t totalEvents() const { return m_next; }
    // Events dropped from the front of the window.
    [[nodiscard]] std::uint64_t droppedEvents() const { return m_next - m_events.size(); }
    // The retained events, oldest first.
    [[nodiscard]] const JournalWindow &events() const { return m_events; }
    // The running 64-bit digest over every event appended (every field of every event).
    [[nodiscard]] std::uint64_t digest() const { return m_digest; }

private:
    std::size_t m_capacity = kDefaultCapacity;
    std::uint64_t m_next = 0;
    std::uint64_t m_digest = 0xcbf29ce484222325ULL;
    JournalWindow m_events;
    JournalEvent *m_pending = nullptr; // between startEvent and finishEvent
};

} // namespace kafkascope
