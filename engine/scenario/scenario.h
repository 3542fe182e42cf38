#pragma once

#include "client/consumer.h"
#include "client/producer.h"
#include "cluster/topic.h"
#include "core/json_reader.h"
#include "group/group_offset_reset.h"
#include "core/sim_time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kafkascope {

// A text in both of the app's languages (either may be missing; the other is shown then).
struct LocalizedText {
    std::string en;
    std::string ko;
    [[nodiscard]] bool empty() const { return en.empty() && ko.empty(); }
    // The text in `language` ("ko" or "en"), else the other one.
    [[nodiscard]] const std::string &in(std::string_view language) const
    {
        if (language == "ko")
            return ko.empty() ? en : ko;
        return en.empty() ? ko : en;
    }
};

// Something wrong (or doubtful) in a scenario file: where, which field, what.
struct ScenarioDiagnostic {
    TextPosition position;
    std::string path;    // "topics[1].partitions"; empty for the whole document
    std::string message; // "expected a positive integer"
    // "lesson.json:14:9: topics[1].partitions: expected a positive integer"
    [[nodiscard]] std::string format(std::string_view file) const;
};

struct ScenarioTopic {
    std::string name;
    std::int32_t partitions = 1;
    TopicSettings settings;
};

// One step of the timeline: done at `at`, after every event of that simTime.
struct ScenarioAction {
    enum class Kind {
        KillBroker,
        RestartBroker,
        ShutdownBroker,
        AddBroker,
        DecommissionBroker,
        IsolateBroker,
        SplitNetwork,
        HealNetwork,
        ElectPreferredLeaders,
        CreateTopic,
        AddPartitions,
        DeleteTopic,
        AddProducer,
        AddConsumer,
        CloseConsumer,
        CrashConsumer,
        SetProcessingTime,
        Produce,
        ResetOffsets,
        SlowBroker,
        SetNetwork,
        PauseClient,
        ResumeClient,
        SetLinkLatency,
    };
    struct Record {
        std::optional<std::string> key; // nothing: a null key
        std::optional<std::string> value;
    };
    SimTime at;
    Kind kind = Kind::KillBroker;
    TextPosition position;
    std::string path; // "timeline[3]"
    std::int32_t broker = -1;
    std::optional<std::string> rack;              // AddBroker: its broker.rack
    std::vector<std::vector<std::int32_t>> sides; // SplitNetwork: two sets of brokers
    ScenarioTopic topic;                          // CreateTopic; name only for the others
    std::int32_t partitions = 0;                  // AddPartitions: the new total
    ProducerConfig producer;
    ConsumerConfig consumer;
    std::string client; // CloseConsumer, CrashConsumer, SetProcessingTime: the consumer's client.id
    // PauseClient, ResumeClient: `client` names a producer (true) or a consumer (false).
    bool clientIsProducer = false;
    std::optional<SimDuration> pauseDuration{}; // PauseClient: resumes by itself after this long
    // SetLinkLatency: the two brokers of the link, and its latency (nothing: the network's again).
    std::vector<std::int32_t> between;
    std::optional<SimDuration> linkLatency{};
    SimDuration processingTime;
    std::vector<Record> records; // Produce
    GroupOffsetReset reset;      // ResetOffsets
    SimDuration delay;           // SlowBroker: extra time for every message to or from `broker` (0: none)
    // SetNetwork: the conditions it changes (at least one); the others stay as they were.
    std::optional<SimDuration> latency{};
    std::optional<SimDuration> jitter{};
    std::optional<double> loss{};
};

// A link between two brokers with a latency of its own (cluster.network.links).
struct ScenarioLink {
    std::int32_t a = 0;
    std::int32_t b = 0;
    SimDuration latency;
    friend bool operator==(const ScenarioLink &, const ScenarioLink &) = default;
};

// The network's conditions at the start of a run (cluster.network): SimNetwork's defaults otherwise.
struct ScenarioNetwork {
    SimDuration latency = SimDuration::millis(2); // every message's delay
    SimDuration jitter;                           // plus a delay drawn uniformly from [0, jitter]
    double loss = 0.0;                            // the probability that a message is lost
    std::vector<ScenarioLink> links;              // links between brokers that take longer (or shorter)
    friend bool operator==(const ScenarioNetwork &, const ScenarioNetwork &) = default;
};

// A narration step, shown from `at` on; `pause` stops playback there until the user goes on.
struct ScenarioNarration {
    SimTime at;
    LocalizedText text;
    bool pause = false;
};

// A fact checked at `at` (after the timeline's actions of that time).
struct ScenarioExpectation {
    enum class Check {
        Leader,        // partition's leader broker (null: offline)
        Isr,           // partition's in-sync replicas (a set)
        Epoch,         // the partition's leader epoch
        HighWatermark,
        LogEndOffset,
        LogStartOffset,
        GroupState,    // "Stable", "Empty", "PreparingRebalance", "CompletingRebalance", "Dead"
        Generation,
        Assignment,    // a member's partitions (a set of "topic-partition")
        Committed,     // a group's committed offset on a partition (null: none)
        Lag,           // a group's lag on a partition (high watermark - committed), or its total
        Lost,          // a topic's acknowledged records no longer readable
        Duplicates,    // a topic's records stored more than once
        Acknowledged,  // a topic's acknowledged records
        BrokerAlive,
        Controller,
    };
    enum class Compare { Equals, AtLeast, AtMost };
    SimTime at;
    Check check = Check::Leader;
    Compare compare = Compare::Equals;
    TextPosition position;
    std::string path; // "expect[2]"
    std::string topic;
    std::int32_t partition = -1; // -1: every partition (Lag only)
    std::string group;
    std::string member; // the client.id of a group member (Assignment)
    std::int32_t broker = -1;
    // The expected value: a number, nothing (null), a string, a set of numbers or of strings.
    std::optional<std::int64_t> number;
    bool expectNull = false;
    std::string text;
    std::vector<std::int64_t> numbers;
    std::vector<std::string> texts;
    LocalizedText description;
};

// A scenario: a cluster, what runs on it, a timeline of actions, narration and expectations
// (docs/SCENARIOS.md).
struct Scenario {
    LocalizedText title;
    LocalizedText summary;
    std::uint64_t seed = 42;
    std::optional<SimTime> until; // how long a run lasts; else the last time named plus 5 s
    std::int32_t brokers = 3;
    // broker.rack of brokers 0, 1, ...: one per broker, or none (rack-unaware placement).
    std::vector<std::string> racks;
    // Broker settings (Kafka's defaults otherwise): log.retention.check.interval.ms and
    // log.cleaner.backoff.ms, so that a short lesson can show retention and compaction.
    std::optional<std::int64_t> retentionCheckIntervalMs;
    std::optional<std::int64_t> cleanerBackoffMs;
    // broker.session.timeout.ms: how long the controller waits for a cut-off broker's heartbeat
    // before it fences it.
    std::optional<std::int64_t> brokerSessionTimeoutMs;
    // Latency, jitter and loss of the network from simTime 0.
    ScenarioNetwork network;
    std::vector<ScenarioTopic> topics;
    std::vector<ProducerConfig> producers;
    std::vector<ConsumerConfig> consumers;
    std::vector<ScenarioAction> timeline;         // sorted by time (stable)
    std::vector<ScenarioNarration> narration;     // sorted by time (stable)
    std::vector<ScenarioExpectation> expectations; // sorted by time (stable)

    // The run's end: `until`, else 5 s after the last action, narration or expectation.
    [[nodiscard]] SimTime end() const;
};

struct ScenarioParseResult {
    std::optional<Scenario> scenario; // nothing when there are errors
    std::vector<ScenarioDiagnostic> errors;
    std::vector<ScenarioDiagnostic> warnings; // unknown fields, a narration in one language only
};

// Reads a scenario from JSON text. Never throws or crashes, whatever the bytes.
[[nodiscard]] ScenarioParseResult parseScenario(std::string_view text);

// Names of an action kind and a check as written in the files ("killBroker", "highWatermark").
[[nodiscard]] std::string_view actionName(ScenarioAction::Kind kind);
[[nodiscard]] std::string_view checkName(ScenarioExpectation::Check check);

} // namespace kafkascope
