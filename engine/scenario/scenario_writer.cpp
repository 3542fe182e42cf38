#include "scenario_writer.h"

#include "core/duration.h"
#include "core/json_writer.h"

#include <limits>

namespace kafkascope {

namespace {

// Writes the parts of a scenario in the order docs/SCENARIOS.md lists them; the first thing the
// format cannot state is kept in `problem` (with its path) and makes the whole write fail.
class Writer {
public:
    JsonWriter json;
    std::string problem;

    void cannot(const std::string &path, const std::string &what)
    {
        if (problem.empty())
            problem = path + ": " + what;
    }

    void duration(std::string_view key, SimDuration d) { json.key(key).value(formatDuration(d)); }
    void durationMs(std::string_view key, std::int64_t ms) { duration(key, SimDuration::millis(ms)); }
    void time(SimTime t) { duration("at", t - SimTime{}); }

    void text(const LocalizedText &t)
    {
        if (t.en == t.ko) {
            json.value(t.en);
            return;
        }
        json.beginObject();
        if (!t.en.empty())
            json.key("en").value(t.en);
        if (!t.ko.empty())
            json.key("ko").value(t.ko);
        json.endObject();
    }

    void topic(const ScenarioTopic &t, const std::string &path)
    {
        const LogConfig defaults;
        const LogConfig &log = t.settings.log;
        if (log.segmentMs != defaults.segmentMs || log.indexIntervalBytes != defaults.indexIntervalBytes
            || log.segmentIndexBytes != defaults.segmentIndexBytes || log.deleteRetentionMs != defaults.deleteRetentionMs
            || log.minCleanableDirtyRatio != defaults.minCleanableDirtyRatio || log.maxMessageBytes != defaults.maxMessageBytes)
            cannot(path, "a topic config the format has no field for (segment.ms, index.interval.bytes, "
                         "segment.index.bytes, delete.retention.ms, min.cleanable.dirty.ratio or max.message.bytes)");
        json.beginObject();
        json.key("name").value(t.name);
        json.key("partitions").value(t.partitions);
        json.key("replicationFactor").value(t.settings.replicationFactor);
        json.key("minInsyncReplicas").value(t.settings.minInsyncReplicas);
        json.key("uncleanLeaderElection").value(t.settings.uncleanLeaderElection);
        if (t.settings.placementStartIndex)
            json.key("placementStartIndex").value(*t.settings.placementStartIndex);
        if (log.retentionMs < 0)
            json.key("retention").value("forever");
        else
            durationMs("retention", log.retentionMs);
        json.key("retentionBytes").value(log.retentionBytes);
        json.key("segmentBytes").value(log.segmentBytes);
        switch (log.cleanupPolicy) {
        case CleanupPolicy::Delete: json.key("cleanupPolicy").value("delete"); break;
        case CleanupPolicy::Compact: json.key("cleanupPolicy").value("compact"); break;
        case CleanupPolicy::CompactDelete: json.key("cleanupPolicy").value("compact,delete"); break;
        }
        json.endObject();
    }

    void keys(const KeyDistribution &k, const std::string &path)
    {
        json.key("keys");
        switch (k.kind()) {
        case KeyDistribution::Kind::NullKeys:
            json.null();
            return;
        case KeyDistribution::Kind::Uniform:
            if (k.generatedNames()) {
                json.beginObject().key("uniform").value(static_cast<std::uint64_t>(k.keyCount())).endObject();
            } else {
                json.beginArray();
                for (std::size_t i = 0; i < k.keyCount(); ++i)
                    json.value(k.keyAt(i));
                json.endArray();
            }
            return;
        case KeyDistribution::Kind::HotKeys:
            if (!k.generatedNames())
                cannot(path, "hot keys with names of their own (the format generates key-0, key-1, ...)");
            json.beginObject()
                .key("hot")
                .value(static_cast<std::uint64_t>(k.keyCount()))
                .key("hotKeys")
                .value(static_cast<std::uint64_t>(k.hotCount()))
                .key("hotShare")
                .exactValue(k.hotShare())
                .endObject();
            return;
        case KeyDistribution::Kind::Zipf:
            if (!k.generatedNames())
                cannot(path, "Zipf keys with names of their own (the format generates key-0, key-1, ...)");
            json.beginObject()
                .key("zipf")
                .value(static_cast<std::uint64_t>(k.keyCount()))
                .key("exponent")
                .exactValue(k.exponent())
                .endObject();
            return;
        }
    }

    void producer(const ProducerConfig &p, const std::string &path)
    {
        const ProducerConfig defaults;
        if (p.partitionerIgnoreKeys != defaults.partitionerIgnoreKeys || p.roundRobinNewBatch != defaults.roundRobinNewBatch)
            cannot(path, "partitioner.ignore.keys or an older RoundRobinPartitioner, which the format has no field for");
        if (p.values.minBytes() != p.values.maxBytes())
            cannot(path + ".valueBytes", "values of varying size (the format has fixed sizes only)");
        json.beginObject();
        json.key("clientId").value(p.clientId);
        json.key("topic").value(p.topic);
        if (p.rate) {
            json.key("rate").exactValue(p.rate->recordsPerSecond());
            switch (p.rate->kind()) {
            case RateModel::Kind::Constant: break;
            case RateModel::Kind::Bursts:
                json.key("bursts").beginObject();
                duration("on", p.rate->onPeriod());
                duration("off", p.rate->offPeriod());
                json.endObject();
                break;
            case RateModel::Kind::FixedInterval:
                cannot(path + ".rate", "a fixed-interval rate (the format has Poisson rates and bursts only)");
                break;
            }
        }
        keys(p.keys, path + ".keys");
        json.key("valueBytes").value(static_cast<std::uint64_t>(p.values.minBytes()));
        if (p.acks == -1)
            json.key("acks").value("all");
        else
            json.key("acks").value(p.acks);
        json.key("idempotence").value(p.enableIdempotence);
        durationMs("linger", p.lingerMs);
        json.key("batchSize").value(static_cast<std::uint64_t>(p.batchSizeBytes));
        json.key("partitioner").value(p.partitioner == PartitionerKind::RoundRobin ? "round-robin" : "default");
        json.key("maxInFlight").value(p.maxInFlightRequestsPerConnection);
        durationMs("retryBackoff", p.retryBackoffMs);
        durationMs("requestTimeout", p.requestTimeoutMs);
        durationMs("deliveryTimeout", p.deliveryTimeoutMs);
        json.endObject();
    }

    void consumer(const ConsumerConfig &c, const std::string &path)
    {
        const ConsumerConfig defaults;
        if (c.fetchMinBytes != defaults.fetchMinBytes || c.fetchMaxWaitMs != defaults.fetchMaxWaitMs
            || c.maxPartitionFetchBytes != defaults.maxPartitionFetchBytes || c.fetchMaxBytes != defaults.fetchMaxBytes)
            cannot(path, "fetch settings the format has no field for (fetch.min.bytes, fetch.max.wait.ms, "
                         "max.partition.fetch.bytes, fetch.max.bytes)");
        json.beginObject();
        json.key("clientId").value(c.clientId);
        json.key("topic").value(c.topic);
        if (c.groupId) {
            json.key("group").value(*c.groupId);
            if (!c.subscription.empty()) {
                json.key("subscription").beginArray();
                for (const auto &t : c.subscription)
                    json.value(t);
                json.endArray();
            }
            json.key("assignors").beginArray();
            for (const auto &a : c.assignors)
                json.value(a);
            json.endArray();
            if (c.groupInstanceId)
                json.key("groupInstanceId").value(*c.groupInstanceId);
        } else if (!c.subscription.empty() || c.groupInstanceId) {
            cannot(path, "a subscription or group.instance.id without a group");
        }
        json.key("autoCommit").value(c.enableAutoCommit);
        durationMs("autoCommitInterval", c.autoCommitIntervalMs);
        switch (c.manualCommit) {
        case ConsumerConfig::ManualCommit::None: json.key("manualCommit").value("none"); break;
        case ConsumerConfig::ManualCommit::SyncAfterProcessing: json.key("manualCommit").value("sync"); break;
        case ConsumerConfig::ManualCommit::AsyncAfterProcessing: json.key("manualCommit").value("async"); break;
        }
        switch (c.autoOffsetReset) {
        case ConsumerConfig::AutoOffsetReset::Earliest: json.key("autoOffsetReset").value("earliest"); break;
        case ConsumerConfig::AutoOffsetReset::Latest: json.key("autoOffsetReset").value("latest"); break;
        case ConsumerConfig::AutoOffsetReset::None: json.key("autoOffsetReset").value("none"); break;
        }
        duration("pollInterval", c.pollInterval);
        json.key("maxPollRecords").value(c.maxPollRecords);
        duration("processingPerRecord", c.processingTimePerRecord);
        json.key("processing").value(c.processing == ConsumerConfig::Processing::HandOff ? "hand-off" : "poll-loop");
        durationMs("sessionTimeout", c.sessionTimeoutMs);
        durationMs("heartbeatInterval", c.heartbeatIntervalMs);
        durationMs("maxPollInterval", c.maxPollIntervalMs);
        durationMs("metadataMaxAge", c.metadataMaxAgeMs);
        json.endObject();
    }

    void brokers(const std::vector<std::int32_t> &ids)
    {
        json.beginArray();
        for (std::int32_t b : ids)
            json.value(b);
        json.endArray();
    }

    void action(const ScenarioAction &a, const std::string &path)
    {
        using K = ScenarioAction::Kind;
        json.beginObject();
        time(a.at);
        json.key("do").value(actionName(a.kind));
        switch (a.kind) {
        case K::KillBroker:
        case K::RestartBroker:
        case K::ShutdownBroker:
        case K::DecommissionBroker:
        case K::IsolateBroker:
            json.key("broker").value(a.broker);
            break;
        case K::AddBroker:
            if (a.rack)
                json.key("rack").value(*a.rack);
            break;
        case K::HealNetwork:
        case K::ElectPreferredLeaders:
            break;
        case K::SplitNetwork:
            json.key("sides").beginArray();
            for (const auto &side : a.sides)
                brokers(side);
            json.endArray();
            break;
        case K::CreateTopic:
            json.key("topic");
            topic(a.topic, path + ".topic");
            break;
        case K::AddPartitions:
            json.key("topic").value(a.topic.name);
            json.key("partitions").value(a.partitions);
            break;
        case K::DeleteTopic:
            json.key("topic").value(a.topic.name);
            break;
        case K::AddProducer:
            json.key("producer");
            producer(a.producer, path + ".producer");
            break;
        case K::AddConsumer:
            json.key("consumer");
            consumer(a.consumer, path + ".consumer");
            break;
        case K::CloseConsumer:
        case K::CrashConsumer:
            json.key("consumer").value(a.client);
            break;
        case K::SetProcessingTime:
            json.key("consumer").value(a.client);
            duration("processingPerRecord", a.processingTime);
            break;
        case K::Produce:
            json.key("topic").value(a.topic.name);
            json.key("records").beginArray();
            for (const auto &r : a.records) {
                json.beginObject();
                if (r.key)
                    json.key("key").value(*r.key);
                else
                    json.key("key").null();
                if (r.value)
                    json.key("value").value(*r.value);
                else
                    json.key("value").null();
                json.endObject();
            }
            json.endArray();
            break;
        case K::SlowBroker:
            json.key("broker").value(a.broker);
            duration("delay", a.delay);
            break;
        case K::SetLinkLatency:
            json.key("between").beginArray();
            for (const std::int32_t b : a.between)
                json.value(b);
            json.endArray();
            if (a.linkLatency)
                duration("latency", *a.linkLatency);
            else
                json.key("latency").null();
            break;
        case K::PauseClient:
        case K::ResumeClient:
            json.key(a.clientIsProducer ? "producer" : "consumer").value(a.client);
            if (a.kind == K::PauseClient && a.pauseDuration)
                duration("duration", *a.pauseDuration);
            break;
        case K::SetNetwork:
            if (!a.latency && !a.jitter && !a.loss)
                cannot(path, "a setNetwork that changes nothing");
            if (a.latency)
                duration("latency", *a.latency);
            if (a.jitter)
                duration("jitter", *a.jitter);
            if (a.loss)
                json.key("loss").exactValue(*a.loss);
            break;
        case K::ResetOffsets:
            json.key("group").value(a.reset.groupId);
            if (a.reset.topic)
                json.key("topic").value(*a.reset.topic);
            if (a.reset.partition)
                json.key("partition").value(a.reset.partition->value());
            json.key("to");
            switch (a.reset.spec.kind) {
            case OffsetResetKind::ToEarliest: json.value("earliest"); break;
            case OffsetResetKind::ToLatest: json.value("latest"); break;
            case OffsetResetKind::ToOffset: json.beginObject().key("offset").value(a.reset.spec.value).endObject(); break;
            case OffsetResetKind::ShiftBy: json.beginObject().key("shiftBy").value(a.reset.spec.value).endObject(); break;
            }
            break;
        }
        json.endObject();
    }

    void expectation(const ScenarioExpectation &e)
    {
        using C = ScenarioExpectation::Check;
        const C c = e.check;
        json.beginObject();
        time(e.at);
        json.key("check").value(checkName(c));
        if (!e.topic.empty())
            json.key("topic").value(e.topic);
        if (e.partition >= 0)
            json.key("partition").value(e.partition);
        if (!e.group.empty())
            json.key("group").value(e.group);
        if (!e.member.empty())
            json.key("member").value(e.member);
        if (c == C::BrokerAlive)
            json.key("broker").value(e.broker);
        switch (e.compare) {
        case ScenarioExpectation::Compare::AtLeast: json.key("atLeast").value(e.number.value_or(0)); break;
        case ScenarioExpectation::Compare::AtMost: json.key("atMost").value(e.number.value_or(0)); break;
        case ScenarioExpectation::Compare::Equals:
            json.key("equals");
            if (e.expectNull) {
                json.null();
            } else if (c == C::BrokerAlive) {
                json.value(e.number.value_or(0) != 0);
            } else if (c == C::GroupState) {
                json.value(e.text);
            } else if (c == C::Isr) {
                json.beginArray();
                for (std::int64_t b : e.numbers)
                    json.value(b);
                json.endArray();
            } else if (c == C::Assignment) {
                json.beginArray();
                for (const auto &t : e.texts)
                    json.value(t);
                json.endArray();
            } else {
                json.value(e.number.value_or(0));
            }
            break;
        }
        if (!e.description.empty()) {
            json.key("description");
            text(e.description);
        }
        json.endObject();
    }
};

std::string indexed(const char *list, std::size_t i)
{
    return std::string(list) + "[" + std::to_string(i) + "]";
}

} // namespace

Result<std::string> writeScenario(const Scenario &s)
{
    Writer w;
    JsonWriter &json = w.json;
    json.beginObject();
    json.key("kafkascope").value(1);
    json.key("title");
    w.text(s.title);
    if (!s.summary.empty()) {
        json.key("summary");
        w.text(s.summary);
    }
    if (s.seed > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        w.cannot("seed", "larger than the format's largest seed (2^63 - 1)");
    json.key("seed").value(s.seed);
    if (s.until)
        w.duration("until", *s.until - SimTime{});
    json.key("cluster").beginObject();
    json.key("brokers").value(s.brokers);
    if (!s.racks.empty()) {
        json.key("racks").beginArray();
        for (const auto &rack : s.racks)
            json.value(rack);
        json.endArray();
    }
    if (s.retentionCheckIntervalMs)
        w.durationMs("retentionCheckInterval", *s.retentionCheckIntervalMs);
    if (s.cleanerBackoffMs)
        w.durationMs("cleanerBackoff", *s.cleanerBackoffMs);
    if (s.brokerSessionTimeoutMs)
        w.durationMs("brokerSessionTimeout", *s.brokerSessionTimeoutMs);
    if (s.network != ScenarioNetwork{}) {
        json.key("network").beginObject();
        w.duration("latency", s.network.latency);
        w.duration("jitter", s.network.jitter);
        json.key("loss").exactValue(s.network.loss);
        if (!s.network.links.empty()) {
            json.key("links").beginArray();
            for (const ScenarioLink &link : s.network.links) {
                json.beginObject();
                json.key("between").beginArray().value(link.a).value(link.b).endArray();
                w.duration("latency", link.latency);
                json.endObject();
            }
            json.endArray();
        }
        json.endObject();
    }
    json.endObject();
    json.key("topics").beginArray();
    for (std::size_t i = 0; i < s.topics.size(); ++i)
        w.topic(s.topics[i], indexed("topics", i));
    json.endArray();
    json.key("producers").beginArray();
    for (std::size_t i = 0; i < s.producers.size(); ++i)
        w.producer(s.producers[i], indexed("producers", i));
    json.endArray();
    json.key("consumers").beginArray();
    for (std::size_t i = 0; i < s.consumers.size(); ++i)
        w.consumer(s.consumers[i], indexed("consumers", i));
    json.endArray();
    json.key("timeline").beginArray();
    for (std::size_t i = 0; i < s.timeline.size(); ++i)
        w.action(s.timeline[i], indexed("timeline", i));
    json.endArray();
    json.key("narration").beginArray();
    for (const auto &n : s.narration) {
        json.beginObject();
        w.time(n.at);
        json.key("text");
        w.text(n.text);
        if (n.pause)
            json.key("pause").value(true);
        json.endObject();
    }
    json.endArray();
    json.key("expect").beginArray();
    for (const auto &e : s.expectations)
        w.expectation(e);
    json.endArray();
    json.endObject();
    if (!w.problem.empty())
        return Status::invalidArgument("cannot write the scenario: " + w.problem);
    return json.str();
}

} // namespace kafkascope
