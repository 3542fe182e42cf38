#include "scenario.h"

#include "core/duration.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <limits>
#include <set>

namespace kafkascope {

std::string ScenarioDiagnostic::format(std::string_view file) const
{
    std::string s(file);
    s += ':' + std::to_string(position.line) + ':' + std::to_string(position.column) + ": ";
    if (!path.empty())
        s += path + ": ";
    return s + message;
}

SimTime Scenario::end() const
{
    if (until)
        return *until;
    SimTime last;
    for (const auto &a : timeline)
        last = std::max(last, a.at);
    for (const auto &n : narration)
        last = std::max(last, n.at);
    for (const auto &e : expectations)
        last = std::max(last, e.at);
    return last + SimDuration::seconds(5);
}

namespace {

constexpr std::int64_t kMaxCount = 1'000'000;

struct ActionName {
    ScenarioAction::Kind kind;
    std::string_view name;
};
constexpr ActionName kActions[] = {
    {ScenarioAction::Kind::KillBroker, "killBroker"},
    {ScenarioAction::Kind::RestartBroker, "restartBroker"},
    {ScenarioAction::Kind::ShutdownBroker, "shutdownBroker"},
    {ScenarioAction::Kind::AddBroker, "addBroker"},
    {ScenarioAction::Kind::DecommissionBroker, "decommissionBroker"},
    {ScenarioAction::Kind::IsolateBroker, "isolateBroker"},
    {ScenarioAction::Kind::SplitNetwork, "splitNetwork"},
    {ScenarioAction::Kind::HealNetwork, "healNetwork"},
    {ScenarioAction::Kind::ElectPreferredLeaders, "electPreferredLeaders"},
    {ScenarioAction::Kind::CreateTopic, "createTopic"},
    {ScenarioAction::Kind::AddPartitions, "addPartitions"},
    {ScenarioAction::Kind::DeleteTopic, "deleteTopic"},
    {ScenarioAction::Kind::AddProducer, "addProducer"},
    {ScenarioAction::Kind::AddConsumer, "addConsumer"},
    {ScenarioAction::Kind::CloseConsumer, "closeConsumer"},
    {ScenarioAction::Kind::CrashConsumer, "crashConsumer"},
    {ScenarioAction::Kind::SetProcessingTime, "setProcessingTime"},
    {ScenarioAction::Kind::Produce, "produce"},
    {ScenarioAction::Kind::ResetOffsets, "resetOffsets"},
    {ScenarioAction::Kind::SlowBroker, "slowBroker"},
    {ScenarioAction::Kind::PauseClient, "pauseClient"},
    {ScenarioAction::Kind::ResumeClient, "resumeClient"},
    {ScenarioAction::Kind::SetLinkLatency, "setLinkLatency"},
    {ScenarioAction::Kind::SetNetwork, "setNetwork"},
};

struct CheckName {
    ScenarioExpectation::Check check;
    std::string_view name;
};
constexpr CheckName kChecks[] = {
    {ScenarioExpectation::Check::Leader, "leader"},
    {ScenarioExpectation::Check::Isr, "isr"},
    {ScenarioExpectation::Check::Epoch, "leaderEpoch"},
    {ScenarioExpectation::Check::HighWatermark, "highWatermark"},
    {ScenarioExpectation::Check::LogEndOffset, "logEndOffset"},
    {ScenarioExpectation::Check::LogStartOffset, "logStartOffset"},
    {ScenarioExpectation::Check::GroupState, "groupState"},
    {ScenarioExpectation::Check::Generation, "generation"},
    {ScenarioExpectation::Check::Assignment, "assignment"},
    {ScenarioExpectation::Check::Committed, "committed"},
    {ScenarioExpectation::Check::Lag, "lag"},
    {ScenarioExpectation::Check::Lost, "lost"},
    {ScenarioExpectation::Check::Duplicates, "duplicates"},
    {ScenarioExpectation::Check::Acknowledged, "acknowledged"},
    {ScenarioExpectation::Check::BrokerAlive, "brokerAlive"},
    {ScenarioExpectation::Check::Controller, "controller"},
};

std::string joinNames(auto begin, auto end)
{
    std::string s;
    for (auto it = begin; it != end; ++it) {
        if (!s.empty())
            s += ", ";
        s += it->name;
    }
    return s;
}

// Reads values out of the JSON tree, collecting errors and warnings with their place and path.
class Reader {
public:
    std::vector<ScenarioDiagnostic> errors;
    std::vector<ScenarioDiagnostic> warnings;

    static std::string join(const std::string &path, std::string_view key)
    {
        return path.empty() ? std::string(key) : path + "." + std::string(key);
    }
    static std::string index(const std::string &path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

    void error(const JsonValue &at, std::string path, std::string message)
    {
        errors.push_back({at.position(), std::move(path), std::move(message)});
    }
    void warn(TextPosition at, std::string path, std::string message)
    {
        warnings.push_back({at, std::move(path), std::move(message)});
    }

    static std::string found(const JsonValue &v) { return std::string(", found ") + JsonValue::typeName(v.type()); }

    bool isObject(const JsonValue &v, const std::string &path)
    {
        if (v.isObject())
            return true;
        error(v, path, "expected an object" + found(v));
        return false;
    }

    // Warns about members not in `known` (a typo would otherwise be silently ignored).
    void knownFields(const JsonValue &obj, const std::string &path, std::initializer_list<std::string_view> known)
    {
        for (const auto &m : obj.members())
            if (std::find(known.begin(), known.end(), m.key) == known.end())
                warn(m.keyPosition, join(path, m.key), "unknown field (ignored)");
    }

    const JsonValue *field(const JsonValue &obj, const std::string &path, std::string_view key, bool required)
    {
        const JsonValue *v = obj.find(key);
        if (!v && required)
            error(obj, path, "missing required field \"" + std::string(key) + "\"");
        return v;
    }

    bool integer(const JsonValue &v, const std::string &path, std::int64_t min, std::int64_t max, std::int64_t &out)
    {
        const auto i = v.isNumber() ? v.asInt() : std::nullopt;
        if (!i || *i < min || *i > max) {
            std::string what;
            if (min == 1 && max >= kMaxCount)
                what = "a positive integer";
            else if (min == 0 && max >= kMaxCount)
                what = "a whole number, 0 or more";
            else
                what = "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
            error(v, path, "expected " + what + (v.isNumber() ? ", found " + numberText(v) : found(v)));
            return false;
        }
        out = *i;
        return true;
    }

    static std::string numberText(const JsonValue &v)
    {
        if (v.asInt())
            return std::to_string(*v.asInt());
        char text[32];
        std::snprintf(text, sizeof text, "%.15g", v.asDouble()); // 1.5, not 1.500000
        return text;
    }

    template <class T>
    void optInt(const JsonValue &obj, const std::string &path, std::string_view key, std::int64_t min, std::int64_t max, T &out)
    {
        if (const JsonValue *v = field(obj, path, key, false)) {
            std::int64_t i = 0;
            if (integer(*v, join(path, key), min, max, i))
                out = static_cast<T>(i);
        }
    }

    template <class T>
    bool reqInt(const JsonValue &obj, const std::string &path, std::string_view key, std::int64_t min, std::int64_t max, T &out)
    {
        const JsonValue *v = field(obj, path, key, true);
        std::int64_t i = 0;
        if (!v || !integer(*v, join(path, key), min, max, i))
            return false;
        out = static_cast<T>(i);
        return true;
    }

    bool number(const JsonValue &v, const std::string &path, double min, double max, double &out)
    {
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            error(v, path,
                  "expected a number from " + trimmed(min) + " to " + trimmed(max) + (v.isNumber() ? ", found " + numberText(v) : found(v)));
            return false;
        }
        out = v.asDouble();
        return true;
    }

    static std::string trimmed(double d)
    {
        std::string s = std::to_string(d);
        while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
            const bool dot = s.back() == '.';
            s.pop_back();
            if (dot)
                break;
        }
        return s;
    }

    bool string(const JsonValue &v, const std::string &path, std::string &out, bool nonEmpty = true)
    {
        if (!v.isString() || (nonEmpty && v.asString().empty())) {
            error(v, path, v.isString() ? "expected a non-empty string" : "expected a string" + found(v));
            return false;
        }
        out = v.asString();
        return true;
    }

    bool reqString(const JsonValue &obj, const std::string &path, std::string_view key, std::string &out)
    {
        const JsonValue *v = field(obj, path, key, true);
        return v && string(*v, join(path, key), out);
    }

    void optString(const JsonValue &obj, const std::string &path, std::string_view key, std::string &out)
    {
        if (const JsonValue *v = field(obj, path, key, false))
            string(*v, join(path, key), out);
    }

    void optBool(const JsonValue &obj, const std::string &path, std::string_view key, bool &out)
    {
        if (const JsonValue *v = field(obj, path, key, false)) {
            if (!v->isBool())
                error(*v, join(path, key), "expected true or false" + found(*v));
            else
                out = v->asBool();
        }
    }

    bool duration(const JsonValue &v, const std::string &path, SimDuration &out)
    {
        if (!v.isString()) {
            error(v, path, "expected a duration in a string, such as \"250ms\", \"10s\" or \"2m\"" + found(v));
            return false;
        }
        const auto d = parseDuration(v.asString());
        if (!d.isOk()) {
            error(v, path, d.status().message());
            return false;
        }
        out = d.value();
        return true;
    }

    bool time(const JsonValue &obj, const std::string &path, SimTime &out)
    {
        const JsonValue *v = field(obj, path, "at", true);
        SimDuration d;
        if (!v || !duration(*v, join(path, "at"), d))
            return false;
        out = SimTime{} + d;
        return true;
    }

    template <class T>
    void optDurationMs(const JsonValue &obj, const std::string &path, std::string_view key, T &outMs)
    {
        if (const JsonValue *v = field(obj, path, key, false)) {
            SimDuration d;
            if (duration(*v, join(path, key), d)) {
                const std::int64_t ms = d.micros() / 1000;
                if (ms > std::numeric_limits<T>::max())
                    error(*v, join(path, key), "too long");
                else
                    outMs = static_cast<T>(ms);
            }
        }
    }

    void optDuration(const JsonValue &obj, const std::string &path, std::string_view key, SimDuration &out)
    {
        if (const JsonValue *v = field(obj, path, key, false))
            duration(*v, join(path, key), out);
    }

    // Network conditions (cluster.network, setNetwork): "latency" and "jitter" durations, "loss" a
    // probability; each only when given. Returns how many were given (valid or not).
    int network(const JsonValue &v, const std::string &path, std::optional<SimDuration> &latency,
                std::optional<SimDuration> &jitter, std::optional<double> &loss)
    {
        int given = 0;
        for (const char *key : {"latency", "jitter"}) {
            if (const JsonValue *d = v.find(key)) {
                ++given;
                SimDuration value;
                if (duration(*d, join(path, key), value))
                    (std::string_view(key) == "latency" ? latency : jitter) = value;
            }
        }
        if (const JsonValue *l = v.find("loss")) {
            ++given;
            double p = 0;
            if (number(*l, join(path, "loss"), 0.0, 1.0, p))
                loss = p;
        }
        return given;
    }

    // A text: a plain string (the same in both languages) or {"en": …, "ko": …}.
    bool text(const JsonValue &v, const std::string &path, LocalizedText &out, bool warnIfOneLanguage)
    {
        if (v.isString()) {
            out.en = out.ko = v.asString();
            return true;
        }
        if (!v.isObject()) {
            error(v, path, "expected a string or an object with \"en\" and \"ko\"" + found(v));
            return false;
        }
        knownFields(v, path, {"en", "ko"});
        optString(v, path, "en", out.en);
        optString(v, path, "ko", out.ko);
        if (out.empty()) {
            error(v, path, "expected \"en\" or \"ko\" text");
            return false;
        }
        if (warnIfOneLanguage && (out.en.empty() || out.ko.empty()))
            warn(v.position(), path, out.en.empty() ? "no English text (\"en\"): Korean is shown in English too"
                                                    : "no Korean text (\"ko\"): English is shown in Korean too");
        return true;
    }

    void topic(const JsonValue &v, const std::string &path, ScenarioTopic &out)
    {
        if (!isObject(v, path))
            return;
        knownFields(v, path,
                    {"name", "partitions", "replicationFactor", "minInsyncReplicas", "uncleanLeaderElection",
                     "placementStartIndex", "retention", "retentionBytes", "segmentBytes", "cleanupPolicy"});
        reqString(v, path, "name", out.name);
        reqInt(v, path, "partitions", 1, 10000, out.partitions);
        optInt(v, path, "replicationFactor", 1, 100, out.settings.replicationFactor);
        optInt(v, path, "minInsyncReplicas", 1, 100, out.settings.minInsyncReplicas);
        optBool(v, path, "uncleanLeaderElection", out.settings.uncleanLeaderElection);
        if (const JsonValue *p = field(v, path, "placementStartIndex", false)) {
            std::int64_t i = 0;
            if (integer(*p, join(path, "placementStartIndex"), 0, 100000, i))
                out.settings.placementStartIndex = static_cast<std::int32_t>(i);
        }
        if (const JsonValue *r = field(v, path, "retention", false)) {
            if (r->isString() && r->asString() == "forever") {
                out.settings.log.retentionMs = -1;
            } else {
                SimDuration d;
                if (duration(*r, join(path, "retention"), d))
                    out.settings.log.retentionMs = d.micros() / 1000;
            }
        }
        optInt(v, path, "retentionBytes", -1, std::numeric_limits<std::int64_t>::max(), out.settings.log.retentionBytes);
        optInt(v, path, "segmentBytes", 14, std::int64_t{1} << 30, out.settings.log.segmentBytes);
        if (const JsonValue *c = field(v, path, "cleanupPolicy", false)) {
            std::string s;
            if (string(*c, join(path, "cleanupPolicy"), s)) {
                if (s == "delete")
                    out.settings.log.cleanupPolicy = CleanupPolicy::Delete;
                else if (s == "compact")
                    out.settings.log.cleanupPolicy = CleanupPolicy::Compact;
                else if (s == "compact,delete" || s == "delete,compact")
                    out.settings.log.cleanupPolicy = CleanupPolicy::CompactDelete;
                else
                    error(*c, join(path, "cleanupPolicy"), "expected \"delete\", \"compact\" or \"compact,delete\", found \"" + s + "\"");
            }
        }
        if (out.settings.minInsyncReplicas > out.settings.replicationFactor && v.find("minInsyncReplicas"))
            warn(v.find("minInsyncReplicas")->position(), join(path, "minInsyncReplicas"),
                 "larger than the replication factor: acks=all writes will always be refused");
    }

    void keys(const JsonValue &v, const std::string &path, KeyDistribution &out)
    {
        if (v.isNull()) {
            out = KeyDistribution::nullKeys();
            return;
        }
        if (v.isArray()) {
            std::vector<std::string> list;
            for (std::size_t i = 0; i < v.items().size(); ++i) {
                std::string k;
                if (string(v.items()[i], index(path, i), k, false))
                    list.push_back(k);
            }
            if (list.empty()) {
                error(v, path, "expected at least one key (or null for null keys)");
                return;
            }
            auto r = KeyDistribution::uniform(std::move(list));
            if (!r.isOk())
                error(v, path, r.status().message());
            else
                out = std::move(r.value());
            return;
        }
        if (!isObject(v, path))
            return;
        knownFields(v, path, {"uniform", "zipf", "exponent", "hot", "hotKeys", "hotShare"});
        Result<KeyDistribution> r = Status::invalidArgument("expected \"uniform\", \"zipf\" or \"hot\"");
        std::int64_t n = 0;
        if (const JsonValue *u = v.find("uniform")) {
            if (!integer(*u, join(path, "uniform"), 1, kMaxCount, n))
                return;
            r = KeyDistribution::uniform(static_cast<std::size_t>(n));
        } else if (const JsonValue *z = v.find("zipf")) {
            if (!integer(*z, join(path, "zipf"), 1, kMaxCount, n))
                return;
            double exponent = 1.0;
            if (const JsonValue *e = v.find("exponent"); e && !number(*e, join(path, "exponent"), 0.0, 10.0, exponent))
                return;
            r = KeyDistribution::zipf(static_cast<std::size_t>(n), exponent);
        } else if (const JsonValue *h = v.find("hot")) {
            if (!integer(*h, join(path, "hot"), 1, kMaxCount, n))
                return;
            std::int64_t hotKeys = 1;
            double share = 0.8;
            optInt(v, path, "hotKeys", 1, kMaxCount, hotKeys);
            if (const JsonValue *s = v.find("hotShare"); s && !number(*s, join(path, "hotShare"), 0.0, 1.0, share))
                return;
            r = KeyDistribution::hotKeys(static_cast<std::size_t>(n), static_cast<std::size_t>(hotKeys), share);
        }
        if (!r.isOk())
            error(v, path, r.status().message());
        else
            out = std::move(r.value());
    }

    void producer(const JsonValue &v, const std::string &path, ProducerConfig &out)
    {
        if (!isObject(v, path))
            return;
        knownFields(v, path,
                    {"clientId", "topic", "rate", "bursts", "keys", "valueBytes", "acks", "idempotence", "linger", "batchSize",
                     "partitioner", "maxInFlight", "retryBackoff", "requestTimeout", "deliveryTimeout"});
        reqString(v, path, "clientId", out.clientId);
        reqString(v, path, "topic", out.topic);
        double rate = 0;
        if (const JsonValue *r = field(v, path, "rate", false); r && number(*r, join(path, "rate"), 0.001, 1e7, rate)) {
            if (const JsonValue *b = v.find("bursts")) {
                const std::string bp = join(path, "bursts");
                if (isObject(*b, bp)) {
                    knownFields(*b, bp, {"on", "off"});
                    SimDuration on, off;
                    const JsonValue *onV = field(*b, bp, "on", true);
                    const JsonValue *offV = field(*b, bp, "off", true);
                    if (onV && offV && duration(*onV, join(bp, "on"), on) && duration(*offV, join(bp, "off"), off)) {
                        auto m = RateModel::bursts(rate, on, off);
                        if (m.isOk())
                            out.rate = m.value();
                        else
                            error(*b, bp, m.status().message());
                    }
                }
            } else {
                out.rate = RateModel::constant(rate).value();
            }
        }
        if (const JsonValue *k = v.find("keys"))
            keys(*k, join(path, "keys"), out.keys);
        std::int64_t valueBytes = -1;
        optInt(v, path, "valueBytes", 0, 1 << 20, valueBytes);
        if (valueBytes >= 0)
            out.values = ValueGenerator::fixedSize(static_cast<std::size_t>(valueBytes)).value();
        if (const JsonValue *a = v.find("acks")) {
            if (a->isString() && a->asString() == "all")
                out.acks = -1;
            else if (a->isNumber() && a->asInt() && (*a->asInt() == 0 || *a->asInt() == 1 || *a->asInt() == -1))
                out.acks = static_cast<std::int32_t>(*a->asInt());
            else
                error(*a, join(path, "acks"), "expected \"all\", 1 or 0");
        }
        optBool(v, path, "idempotence", out.enableIdempotence);
        optDurationMs(v, path, "linger", out.lingerMs);
        optInt(v, path, "batchSize", 1, 1 << 24, out.batchSizeBytes);
        if (const JsonValue *p = v.find("partitioner")) {
            std::string s;
            if (string(*p, join(path, "partitioner"), s)) {
                if (s == "default")
                    out.partitioner = PartitionerKind::BuiltIn;
                else if (s == "round-robin")
                    out.partitioner = PartitionerKind::RoundRobin;
                else
                    error(*p, join(path, "partitioner"), "expected \"default\" or \"round-robin\", found \"" + s + "\"");
            }
        }
        optInt(v, path, "maxInFlight", 1, 100, out.maxInFlightRequestsPerConnection);
        optDurationMs(v, path, "retryBackoff", out.retryBackoffMs);
        optDurationMs(v, path, "requestTimeout", out.requestTimeoutMs);
        optDurationMs(v, path, "deliveryTimeout", out.deliveryTimeoutMs);
    }

    void consumer(const JsonValue &v, const std::string &path, ConsumerConfig &out)
    {
        if (!isObject(v, path))
            return;
        knownFields(v, path,
                    {"clientId", "topic", "group", "subscription", "assignors", "autoCommit", "autoCommitInterval",
                     "manualCommit", "autoOffsetReset", "pollInterval", "maxPollRecords", "processingPerRecord", "processing",
                     "sessionTimeout", "heartbeatInterval", "maxPollInterval", "groupInstanceId", "metadataMaxAge"});
        reqString(v, path, "clientId", out.clientId);
        const JsonValue *subscription = v.find("subscription");
        if (!subscription || v.find("topic"))
            reqString(v, path, "topic", out.topic);
        if (const JsonValue *g = v.find("group")) {
            std::string s;
            if (string(*g, join(path, "group"), s))
                out.groupId = s;
        }
        if (subscription) {
            const std::string sp = join(path, "subscription");
            if (!subscription->isArray() || subscription->items().empty()) {
                error(*subscription, sp, "expected a non-empty array of topic names");
            } else {
                for (std::size_t i = 0; i < subscription->items().size(); ++i) {
                    std::string t;
                    if (string(subscription->items()[i], index(sp, i), t))
                        out.subscription.push_back(t);
                }
                if (out.topic.empty() && !out.subscription.empty())
                    out.topic = out.subscription.front();
            }
            if (!out.groupId)
                error(*subscription, sp, "a subscription needs a \"group\"");
        }
        if (const JsonValue *a = v.find("assignors")) {
            const std::string ap = join(path, "assignors");
            static const std::set<std::string> known{"range", "roundrobin", "sticky", "cooperative-sticky"};
            if (!a->isArray() || a->items().empty()) {
                error(*a, ap, "expected a non-empty array of assignor names");
            } else {
                out.assignors.clear();
                for (std::size_t i = 0; i < a->items().size(); ++i) {
                    std::string s;
                    if (!string(a->items()[i], index(ap, i), s))
                        continue;
                    if (!known.count(s))
                        error(a->items()[i], index(ap, i),
                              "unknown assignor \"" + s + "\" (expected range, roundrobin, sticky or cooperative-sticky)");
                    else
                        out.assignors.push_back(s);
                }
            }
        }
        optBool(v, path, "autoCommit", out.enableAutoCommit);
        optDurationMs(v, path, "autoCommitInterval", out.autoCommitIntervalMs);
        if (const JsonValue *m = v.find("manualCommit")) {
            std::string s;
            if (string(*m, join(path, "manualCommit"), s)) {
                if (s == "none")
                    out.manualCommit = ConsumerConfig::ManualCommit::None;
                else if (s == "sync")
                    out.manualCommit = ConsumerConfig::ManualCommit::SyncAfterProcessing;
                else if (s == "async")
                    out.manualCommit = ConsumerConfig::ManualCommit::AsyncAfterProcessing;
                else
                    error(*m, join(path, "manualCommit"), "expected \"none\", \"sync\" or \"async\", found \"" + s + "\"");
            }
        }
        if (const JsonValue *r = v.find("autoOffsetReset")) {
            std::string s;
            if (string(*r, join(path, "autoOffsetReset"), s)) {
                if (s == "earliest")
                    out.autoOffsetReset = ConsumerConfig::AutoOffsetReset::Earliest;
                else if (s == "latest")
                    out.autoOffsetReset = ConsumerConfig::AutoOffsetReset::Latest;
                else if (s == "none")
                    out.autoOffsetReset = ConsumerConfig::AutoOffsetReset::None;
                else
                    error(*r, join(path, "autoOffsetReset"), "expected \"earliest\", \"latest\" or \"none\", found \"" + s + "\"");
            }
        }
        optDuration(v, path, "pollInterval", out.pollInterval);
        optInt(v, path, "maxPollRecords", 1, kMaxCount, out.maxPollRecords);
        optDuration(v, path, "processingPerRecord", out.processingTimePerRecord);
        if (const JsonValue *p = v.find("processing")) {
            std::string s;
            if (string(*p, join(path, "processing"), s)) {
                if (s == "poll-loop")
                    out.processing = ConsumerConfig::Processing::InPollLoop;
                else if (s == "hand-off")
                    out.processing = ConsumerConfig::Processing::HandOff;
                else
                    error(*p, join(path, "processing"), "expected \"poll-loop\" or \"hand-off\", found \"" + s + "\"");
            }
        }
        optDurationMs(v, path, "sessionTimeout", out.sessionTimeoutMs);
        optDurationMs(v, path, "heartbeatInterval", out.heartbeatIntervalMs);
        optDurationMs(v, path, "maxPollInterval", out.maxPollIntervalMs);
        optDurationMs(v, path, "metadataMaxAge", out.metadataMaxAgeMs);
        if (const JsonValue *s = v.find("groupInstanceId")) {
            std::string id;
            if (string(*s, join(path, "groupInstanceId"), id))
                out.groupInstanceId = id;
        }
    }

    // A link's two brokers: "between": [a, b], two different broker ids.
    bool linkEnds(const JsonValue &obj, const std::string &path, std::vector<std::int32_t> &out)
    {
        const JsonValue *v = field(obj, path, "between", true);
        if (!v)
            return false;
        const std::string bp = join(path, "between");
        if (!v->isArray() || v->items().size() != 2) {
            error(*v, bp, "expected the link's two brokers, such as [0, 2]" + found(*v));
            return false;
        }
        std::vector<std::int32_t> ends;
        if (!brokerList(*v, bp, ends))
            return false;
        if (ends[0] == ends[1]) {
            error(*v, bp, "a link joins two different brokers, not broker " + std::to_string(ends[0]) + " to itself");
            return false;
        }
        out = ends;
        return true;
    }

    bool brokerList(const JsonValue &v, const std::string &path, std::vector<std::int32_t> &out)
    {
        if (!v.isArray() || v.items().empty()) {
            error(v, path, "expected a non-empty array of broker ids");
            return false;
        }
        for (std::size_t i = 0; i < v.items().size(); ++i) {
            std::int64_t b = 0;
            if (!integer(v.items()[i], index(path, i), 0, 100000, b))
                return false;
            out.push_back(static_cast<std::int32_t>(b));
        }
        return true;
    }

    void action(const JsonValue &v, const std::string &path, ScenarioAction &out)
    {
        out.position = v.position();
        out.path = path;
        if (!isObject(v, path))
            return;
        time(v, path, out.at);
        std::string name;
        if (!reqString(v, path, "do", name))
            return;
        const auto it = std::find_if(std::begin(kActions), std::end(kActions), [&](const ActionName &a) { return a.name == name; });
        if (it == std::end(kActions)) {
            error(*v.find("do"), join(path, "do"),
                  "unknown action \"" + name + "\" (expected one of: " + joinNames(std::begin(kActions), std::end(kActions)) + ")");
            return;
        }
        out.kind = it->kind;
        using K = ScenarioAction::Kind;
        switch (out.kind) {
        case K::KillBroker:
        case K::RestartBroker:
        case K::ShutdownBroker:
        case K::DecommissionBroker:
        case K::IsolateBroker:
            knownFields(v, path, {"at", "do", "broker"});
            reqInt(v, path, "broker", 0, 100000, out.broker);
            break;
        case K::AddBroker:
            knownFields(v, path, {"at", "do", "rack"});
            if (const JsonValue *rack = v.find("rack")) {
                std::string rackName;
                if (string(*rack, join(path, "rack"), rackName))
                    out.rack = rackName;
            }
            break;
        case K::HealNetwork:
        case K::ElectPreferredLeaders:
            knownFields(v, path, {"at", "do"});
            break;
        case K::SplitNetwork: {
            knownFields(v, path, {"at", "do", "sides"});
            const JsonValue *s = field(v, path, "sides", true);
            if (!s)
                break;
            const std::string sp = join(path, "sides");
            if (!s->isArray() || s->items().size() != 2) {
                error(*s, sp, "expected two arrays of broker ids, such as [[0], [1, 2]]");
                break;
            }
            out.sides.resize(2);
            for (std::size_t i = 0; i < 2; ++i)
                brokerList(s->items()[i], index(sp, i), out.sides[i]);
            break;
        }
        case K::CreateTopic:
            knownFields(v, path, {"at", "do", "topic"});
            if (const JsonValue *t = field(v, path, "topic", true))
                topic(*t, join(path, "topic"), out.topic);
            break;
        case K::AddPartitions:
            knownFields(v, path, {"at", "do", "topic", "partitions"});
            reqString(v, path, "topic", out.topic.name);
            reqInt(v, path, "partitions", 1, 10000, out.partitions);
            break;
        case K::DeleteTopic:
            knownFields(v, path, {"at", "do", "topic"});
            reqString(v, path, "topic", out.topic.name);
            break;
        case K::AddProducer:
            knownFields(v, path, {"at", "do", "producer"});
            if (const JsonValue *p = field(v, path, "producer", true))
                producer(*p, join(path, "producer"), out.producer);
            break;
        case K::AddConsumer:
            knownFields(v, path, {"at", "do", "consumer"});
            if (const JsonValue *c = field(v, path, "consumer", true))
                consumer(*c, join(path, "consumer"), out.consumer);
            break;
        case K::CloseConsumer:
        case K::CrashConsumer:
            knownFields(v, path, {"at", "do", "consumer"});
            reqString(v, path, "consumer", out.client);
            break;
        case K::SetProcessingTime:
            knownFields(v, path, {"at", "do", "consumer", "processingPerRecord"});
            reqString(v, path, "consumer", out.client);
            if (const JsonValue *d = field(v, path, "processingPerRecord", true))
                duration(*d, join(path, "processingPerRecord"), out.processingTime);
            break;
        case K::Produce: {
            knownFields(v, path, {"at", "do", "topic", "records"});
            reqString(v, path, "topic", out.topic.name);
            const JsonValue *r = field(v, path, "records", true);
            if (!r)
                break;
            const std::string rp = join(path, "records");
            if (!r->isArray() || r->items().empty()) {
                error(*r, rp, "expected a non-empty array of records such as {\"key\": \"alice\", \"value\": \"42\"}");
                break;
            }
            for (std::size_t i = 0; i < r->items().size(); ++i) {
                const JsonValue &item = r->items()[i];
                const std::string ip = index(rp, i);
                if (!isObject(item, ip))
                    continue;
                knownFields(item, ip, {"key", "value"});
                ScenarioAction::Record rec;
                for (const char *which : {"key", "value"}) {
                    const JsonValue *f = item.find(which);
                    if (!f || f->isNull())
                        continue;
                    std::string s;
                    if (string(*f, join(ip, which), s, false))
                        (std::string_view(which) == "key" ? rec.key : rec.value) = s;
                }
                out.records.push_back(rec);
            }
            break;
        }
        case K::ResetOffsets:
            knownFields(v, path, {"at", "do", "group", "topic", "partition", "to"});
            resetOffsets(v, path, out.reset);
            break;
        case K::SlowBroker:
            knownFields(v, path, {"at", "do", "broker", "delay"});
            reqInt(v, path, "broker", 0, 100000, out.broker);
            if (const JsonValue *d = field(v, path, "delay", true))
                duration(*d, join(path, "delay"), out.delay);
            break;
        case K::SetNetwork:
            knownFields(v, path, {"at", "do", "latency", "jitter", "loss"});
            if (network(v, path, out.latency, out.jitter, out.loss) == 0)
                error(v, path, "expected at least one of \"latency\", \"jitter\" and \"loss\"");
            break;
        case K::SetLinkLatency: {
            knownFields(v, path, {"at", "do", "between", "latency"});
            linkEnds(v, path, out.between);
            const JsonValue *l = field(v, path, "latency", true);
            if (l && !l->isNull()) {
                SimDuration latency;
                if (duration(*l, join(path, "latency"), latency))
                    out.linkLatency = latency;
            }
            break;
        }
        case K::PauseClient:
        case K::ResumeClient: {
            const bool pause = out.kind == K::PauseClient;
            if (pause)
                knownFields(v, path, {"at", "do", "producer", "consumer", "duration"});
            else
                knownFields(v, path, {"at", "do", "producer", "consumer"});
            const JsonValue *p = v.find("producer");
            const JsonValue *c = v.find("consumer");
            if ((p != nullptr) == (c != nullptr)) {
                error(v, path, "expected either \"producer\" or \"consumer\": the client.id of the client whose process "
                               + std::string(pause ? "pauses" : "resumes"));
                break;
            }
            out.clientIsProducer = p != nullptr;
            reqString(v, path, p ? "producer" : "consumer", out.client);
            if (pause) {
                if (const JsonValue *d = v.find("duration")) {
                    SimDuration length;
                    if (duration(*d, join(path, "duration"), length)) {
                        if (length <= SimDuration{})
                            error(*d, join(path, "duration"), "a pause must last a positive time (leave \"duration\" out to pause until resumeClient)");
                        else
                            out.pauseDuration = length;
                    }
                }
            }
            break;
        }
        }
    }

    // kafka-consumer-groups --reset-offsets: {"group", "topic"?, "partition"?, "to"}, where "to" is
    // "earliest", "latest", {"offset": N} or {"shiftBy": N}.
    void resetOffsets(const JsonValue &v, const std::string &path, GroupOffsetReset &out)
    {
        reqString(v, path, "group", out.groupId);
        if (const JsonValue *t = v.find("topic")) {
            std::string topic;
            if (string(*t, join(path, "topic"), topic))
                out.topic = topic;
        }
        if (const JsonValue *p = v.find("partition")) {
            std::int64_t n = 0;
            if (!out.topic)
                error(*p, join(path, "partition"), "a partition needs a \"topic\"");
            else if (integer(*p, join(path, "partition"), 0, 10000, n))
                out.partition = PartitionId{static_cast<std::int32_t>(n)};
        }
        const JsonValue *to = field(v, path, "to", true);
        if (!to)
            return;
        const std::string tp = join(path, "to");
        const char *expected = "expected \"earliest\", \"latest\", {\"offset\": N} or {\"shiftBy\": N}";
        if (to->isString()) {
            if (to->asString() == "earliest")
                out.spec.kind = OffsetResetKind::ToEarliest;
            else if (to->asString() == "latest")
                out.spec.kind = OffsetResetKind::ToLatest;
            else
                error(*to, tp, std::string(expected) + ", found \"" + to->asString() + "\"");
            return;
        }
        if (!to->isObject() || to->members().size() != 1) {
            error(*to, tp, std::string(expected) + (to->isObject() ? "" : found(*to)));
            return;
        }
        knownFields(*to, tp, {"offset", "shiftBy"});
        if (const JsonValue *o = to->find("offset")) {
            out.spec.kind = OffsetResetKind::ToOffset;
            integer(*o, join(tp, "offset"), 0, std::numeric_limits<std::int64_t>::max(), out.spec.value);
        } else if (const JsonValue *b = to->find("shiftBy")) {
            out.spec.kind = OffsetResetKind::ShiftBy;
            const auto i = b->isNumber() ? b->asInt() : std::nullopt;
            if (!i)
                error(*b, join(tp, "shiftBy"), "expected a whole number (negative: back)" + (b->isNumber() ? ", found " + numberText(*b) : found(*b)));
            else
                out.spec.value = *i;
        } else {
            error(*to, tp, expected);
        }
    }

    void expectation(const JsonValue &v, const std::string &path, ScenarioExpectation &out)
    {
        out.position = v.position();
        out.path = path;
        if (!isObject(v, path))
            return;
        knownFields(v, path,
                    {"at", "check", "topic", "partition", "group", "member", "broker", "equals", "atLeast", "atMost",
                     "description"});
        time(v, path, out.at);
        std::string name;
        if (!reqString(v, path, "check", name))
            return;
        const auto it = std::find_if(std::begin(kChecks), std::end(kChecks), [&](const CheckName &c) { return c.name == name; });
        if (it == std::end(kChecks)) {
            error(*v.find("check"), join(path, "check"),
                  "unknown check \"" + name + "\" (expected one of: " + joinNames(std::begin(kChecks), std::end(kChecks)) + ")");
            return;
        }
        out.check = it->check;
        if (const JsonValue *d = v.find("description"))
            text(*d, join(path, "description"), out.description, false);
        using C = ScenarioExpectation::Check;
        const C c = out.check;
        const bool partitionLevel = c == C::Leader || c == C::Isr || c == C::Epoch || c == C::HighWatermark
                                    || c == C::LogEndOffset || c == C::LogStartOffset || c == C::Committed;
        if (partitionLevel || c == C::Lag || c == C::Lost || c == C::Duplicates || c == C::Acknowledged)
            reqString(v, path, "topic", out.topic);
        if (partitionLevel)
            reqInt(v, path, "partition", 0, 10000, out.partition);
        else if (c == C::Lag)
            optInt(v, path, "partition", 0, 10000, out.partition);
        if (c == C::GroupState || c == C::Generation || c == C::Assignment || c == C::Committed || c == C::Lag)
            reqString(v, path, "group", out.group);
        if (c == C::Assignment)
            reqString(v, path, "member", out.member);
        if (c == C::BrokerAlive)
            reqInt(v, path, "broker", 0, 100000, out.broker);

        // The expected value.
        const JsonValue *eq = v.find("equals");
        const JsonValue *lo = v.find("atLeast");
        const JsonValue *hi = v.find("atMost");
        const int given = (eq ? 1 : 0) + (lo ? 1 : 0) + (hi ? 1 : 0);
        if (given != 1) {
            error(v, path, given == 0 ? "missing the expected value: \"equals\", \"atLeast\" or \"atMost\""
                                      : "give one of \"equals\", \"atLeast\" and \"atMost\", not several");
            return;
        }
        const bool numeric = c == C::Epoch || c == C::HighWatermark || c == C::LogEndOffset || c == C::LogStartOffset
                             || c == C::Generation || c == C::Lag || c == C::Lost || c == C::Duplicates
                             || c == C::Acknowledged || c == C::Committed;
        if (!eq) {
            const JsonValue &bound = lo ? *lo : *hi;
            const std::string bp = join(path, lo ? "atLeast" : "atMost");
            out.compare = lo ? ScenarioExpectation::Compare::AtLeast : ScenarioExpectation::Compare::AtMost;
            if (!numeric) {
                error(bound, bp, "\"" + name + "\" is not a number: use \"equals\"");
                return;
            }
            std::int64_t n = 0;
            if (integer(bound, bp, 0, std::numeric_limits<std::int64_t>::max(), n))
                out.number = n;
            return;
        }
        const std::string ep = join(path, "equals");
        switch (c) {
        case C::Leader:
        case C::Controller:
        case C::Committed:
            if (eq->isNull()) {
                out.expectNull = true;
                return;
            }
            [[fallthrough]];
        case C::Epoch:
        case C::HighWatermark:
        case C::LogEndOffset:
        case C::LogStartOffset:
        case C::Generation:
        case C::Lag:
        case C::Lost:
        case C::Duplicates:
        case C::Acknowledged: {
            std::int64_t n = 0;
            if (integer(*eq, ep, 0, std::numeric_limits<std::int64_t>::max(), n))
                out.number = n;
            return;
        }
        case C::BrokerAlive:
            if (!eq->isBool())
                error(*eq, ep, "expected true or false" + found(*eq));
            else
                out.number = eq->asBool() ? 1 : 0;
            return;
        case C::GroupState: {
            static const std::set<std::string> states{"Empty", "PreparingRebalance", "CompletingRebalance", "Stable", "Dead"};
            if (string(*eq, ep, out.text) && !states.count(out.text))
                error(*eq, ep,
                      "unknown group state \"" + out.text
                          + "\" (expected Empty, PreparingRebalance, CompletingRebalance, Stable or Dead)");
            return;
        }
        case C::Isr: {
            std::vector<std::int32_t> brokers;
            if (eq->isArray() && eq->items().empty())
                return; // an empty ISR
            if (brokerList(*eq, ep, brokers))
                for (std::int32_t b : brokers)
                    out.numbers.push_back(b);
            return;
        }
        case C::Assignment:
            if (!eq->isArray()) {
                error(*eq, ep, "expected an array of partitions such as [\"orders-0\", \"orders-1\"]" + found(*eq));
                return;
            }
            for (std::size_t i = 0; i < eq->items().size(); ++i) {
                std::string s;
                if (string(eq->items()[i], index(ep, i), s))
                    out.texts.push_back(s);
            }
            return;
        }
    }
};

} // namespace

std::string_view actionName(ScenarioAction::Kind kind)
{
    for (const auto &a : kActions)
        if (a.kind == kind)
            return a.name;
    return "?";
}

std::string_view checkName(ScenarioExpectation::Check check)
{
    for (const auto &c : kChecks)
        if (c.check == check)
            return c.name;
    return "?";
}

ScenarioParseResult parseScenario(std::string_view text)
{
    ScenarioParseResult result;
    auto parsed = parseJson(text);
    if (const auto *e = std::get_if<JsonError>(&parsed)) {
        result.errors.push_back({e->position, "", e->message});
        return result;
    }
    const JsonValue &root = std::get<JsonValue>(parsed);
    Reader r;
    Scenario s;
    if (r.isObject(root, "")) {
        r.knownFields(root, "",
                      {"kafkascope", "title", "summary", "seed", "until", "cluster", "topics", "producers", "consumers",
                       "timeline", "narration", "expect"});
        if (const JsonValue *version = r.field(root, "", "kafkascope", true)) {
            std::int64_t v = 0;
            if (r.integer(*version, "kafkascope", 1, 1, v) && v != 1)
                r.error(*version, "kafkascope", "unsupported format version");
        }
        if (const JsonValue *t = r.field(root, "", "title", true))
            r.text(*t, "title", s.title, true);
        if (const JsonValue *t = root.find("summary"))
            r.text(*t, "summary", s.summary, true);
        if (const JsonValue *seed = root.find("seed")) {
            const auto i = seed->isNumber() ? seed->asInt() : std::nullopt;
            if (!i || *i < 0)
                r.error(*seed, "seed", "expected a whole number, 0 or more");
            else
                s.seed = static_cast<std::uint64_t>(*i);
        }
        if (const JsonValue *u = root.find("until")) {
            SimDuration d;
            if (r.duration(*u, "until", d))
                s.until = SimTime{} + d;
        }
        if (const JsonValue *c = root.find("cluster"); c && r.isObject(*c, "cluster")) {
            r.knownFields(*c, "cluster",
                          {"brokers", "racks", "retentionCheckInterval", "cleanerBackoff", "brokerSessionTimeout", "network"});
            r.reqInt(*c, "cluster", "brokers", 1, 100, s.brokers);
            if (const JsonValue *racks = c->find("racks")) {
                if (!racks->isArray()) {
                    r.error(*racks, "cluster.racks", "expected an array of rack names, one per broker" + Reader::found(*racks));
                } else if (static_cast<std::int64_t>(racks->items().size()) != s.brokers) {
                    r.error(*racks, "cluster.racks",
                            "expected one rack per broker (" + std::to_string(s.brokers) + "), found "
                                + std::to_string(racks->items().size()));
                } else {
                    for (std::size_t i = 0; i < racks->items().size(); ++i) {
                        std::string rack;
                        if (r.string(racks->items()[i], Reader::index("cluster.racks", i), rack))
                            s.racks.push_back(rack);
                    }
                }
            }
            for (const char *key : {"retentionCheckInterval", "cleanerBackoff", "brokerSessionTimeout"}) {
                if (const JsonValue *v = c->find(key)) {
                    SimDuration d;
                    if (r.duration(*v, Reader::join("cluster", key), d)) {
                        if (d.micros() < 1000)
                            r.error(*v, Reader::join("cluster", key), "expected at least 1ms");
                        else
                            (std::string_view(key) == "cleanerBackoff"         ? s.cleanerBackoffMs
                             : std::string_view(key) == "brokerSessionTimeout" ? s.brokerSessionTimeoutMs
                                                                               : s.retentionCheckIntervalMs) =
                                d.micros() / 1000;
                    }
                }
            }
            if (const JsonValue *n = c->find("network"); n && r.isObject(*n, "cluster.network")) {
                r.knownFields(*n, "cluster.network", {"latency", "jitter", "loss", "links"});
                std::optional<SimDuration> latency, jitter;
                std::optional<double> loss;
                (void)r.network(*n, "cluster.network", latency, jitter, loss);
                s.network.latency = latency.value_or(s.network.latency);
                s.network.jitter = jitter.value_or(s.network.jitter);
                s.network.loss = loss.value_or(s.network.loss);
                if (const JsonValue *links = n->find("links")) {
                    const std::string lp = "cluster.network.links";
                    if (!links->isArray()) {
                        r.error(*links, lp, "expected an array of links such as {\"between\": [0, 2], \"latency\": \"30ms\"}"
                                                + r.found(*links));
                    } else {
                        for (std::size_t i = 0; i < links->items().size(); ++i) {
                            const JsonValue &item = links->items()[i];
                            const std::string ip = r.index(lp, i);
                            if (!r.isObject(item, ip))
                                continue;
                            r.knownFields(item, ip, {"between", "latency"});
                            std::vector<std::int32_t> ends;
                            SimDuration d;
                            const bool endsOk = r.linkEnds(item, ip, ends);
                            const JsonValue *l = r.field(item, ip, "latency", true);
                            if (!endsOk || !l || !r.duration(*l, r.join(ip, "latency"), d))
                                continue;
                            const ScenarioLink link{std::min(ends[0], ends[1]), std::max(ends[0], ends[1]), d};
                            const bool twice = std::any_of(s.network.links.begin(), s.network.links.end(), [&](const ScenarioLink &o) {
                                return o.a == link.a && o.b == link.b;
                            });
                            if (twice)
                                r.error(item, ip, "the link between brokers " + std::to_string(link.a) + " and "
                                                      + std::to_string(link.b) + " is given twice");
                            else
                                s.network.links.push_back(link);
                        }
                    }
                }
            }
        }
        const auto list = [&](const char *key, auto &&each) {
            const JsonValue *v = root.find(key);
            if (!v)
                return;
            if (!v->isArray()) {
                r.error(*v, key, std::string("expected an array") + Reader::found(*v));
                return;
            }
            for (std::size_t i = 0; i < v->items().size(); ++i)
                each(v->items()[i], Reader::index(key, i));
        };
        std::set<std::string> topicNames;
        list("topics", [&](const JsonValue &v, const std::string &path) {
            ScenarioTopic t;
            r.topic(v, path, t);
            if (!t.name.empty() && !topicNames.insert(t.name).second)
                r.error(*v.find("name"), Reader::join(path, "name"), "a second topic named \"" + t.name + "\"");
            s.topics.push_back(std::move(t));
        });
        std::set<std::string> clientIds;
        const auto uniqueClient = [&](const JsonValue &v, const std::string &path, const std::string &id) {
            if (!id.empty() && !clientIds.insert(id).second)
                r.error(v.find("clientId") ? *v.find("clientId") : v, Reader::join(path, "clientId"),
                        "a second client with clientId \"" + id + "\" (client ids name clients in actions and checks)");
        };
        list("producers", [&](const JsonValue &v, const std::string &path) {
            ProducerConfig p;
            r.producer(v, path, p);
            uniqueClient(v, path, p.clientId);
            s.producers.push_back(std::move(p));
        });
        list("consumers", [&](const JsonValue &v, const std::string &path) {
            ConsumerConfig c;
            r.consumer(v, path, c);
            uniqueClient(v, path, c.clientId);
            s.consumers.push_back(std::move(c));
        });
        list("timeline", [&](const JsonValue &v, const std::string &path) {
            ScenarioAction a;
            r.action(v, path, a);
            if (a.kind == ScenarioAction::Kind::AddProducer && v.isObject() && v.find("producer"))
                uniqueClient(*v.find("producer"), Reader::join(path, "producer"), a.producer.clientId);
            if (a.kind == ScenarioAction::Kind::AddConsumer && v.isObject() && v.find("consumer"))
                uniqueClient(*v.find("consumer"), Reader::join(path, "consumer"), a.consumer.clientId);
            s.timeline.push_back(std::move(a));
        });
        list("narration", [&](const JsonValue &v, const std::string &path) {
            ScenarioNarration n;
            if (!r.isObject(v, path))
                return;
            r.knownFields(v, path, {"at", "text", "pause"});
            r.time(v, path, n.at);
            if (const JsonValue *t = r.field(v, path, "text", true))
                r.text(*t, Reader::join(path, "text"), n.text, true);
            r.optBool(v, path, "pause", n.pause);
            s.narration.push_back(std::move(n));
        });
        list("expect", [&](const JsonValue &v, const std::string &path) {
            ScenarioExpectation e;
            r.expectation(v, path, e);
            s.expectations.push_back(std::move(e));
        });
    }
    const auto byTime = [](const auto &a, const auto &b) { return a.at < b.at; };
    std::stable_sort(s.timeline.begin(), s.timeline.end(), byTime);
    std::stable_sort(s.narration.begin(), s.narration.end(), byTime);
    std::stable_sort(s.expectations.begin(), s.expectations.end(), byTime);
    result.errors = std::move(r.errors);
    result.warnings = std::move(r.warnings);
    if (result.errors.empty())
        result.scenario = std::move(s);
    return result;
}

} // namespace kafkascope
