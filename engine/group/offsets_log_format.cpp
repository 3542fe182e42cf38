#include "offsets_log_format.h"

#include <charconv>
#include <sstream>

namespace kafkascope {

namespace {

std::string escape(const std::string &s)
{
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        if (c == '%')
            out += "%25";
        else if (c == ' ')
            out += "%20";
        else if (c == '\n')
            out += "%0A";
        else if (c == '\r')
            out += "%0D";
        else
            out += c;
    }
    return out;
}

std::optional<std::string> unescape(const std::string &s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size())
            return std::nullopt;
        const std::string code = s.substr(i + 1, 2);
        if (code == "25")
            out += '%';
        else if (code == "20")
            out += ' ';
        else if (code == "0A")
            out += '\n';
        else if (code == "0D")
            out += '\r';
        else
            return std::nullopt;
        i += 2;
    }
    return out;
}

template <class Int>
std::optional<Int> parseInt(const std::string &s)
{
    Int v{};
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || ptr != s.data() + s.size())
        return std::nullopt;
    return v;
}

std::string partitionToken(const TopicPartition &tp)
{
    return tp.topic + ":" + std::to_string(tp.partition.value());
}

std::optional<TopicPartition> parsePartitionToken(const std::string &s)
{
    const auto colon = s.rfind(':');
    if (colon == std::string::npos || colon == 0)
        return std::nullopt;
    const auto p = parseInt<std::int32_t>(s.substr(colon + 1));
    if (!p || *p < 0)
        return std::nullopt;
    return TopicPartition{s.substr(0, colon), PartitionId{*p}};
}

void appendPartitions(std::string &out, const char *field, const std::vector<TopicPartition> &tps)
{
    out += field;
    for (const TopicPartition &tp : tps) {
        out += ' ';
        out += partitionToken(tp);
    }
    out += '\n';
}

std::vector<std::string> splitWords(const std::string &line)
{
    std::vector<std::string> words;
    std::istringstream in(line);
    std::string w;
    while (in >> w)
        words.push_back(w);
    return words;
}

} // namespace

std::string offsetRecordKey(const std::string &groupId, const TopicPartition &tp)
{
    return "offset:" + groupId + ":" + partitionToken(tp);
}

std::string offsetRecordValue(const CommittedOffset &offset)
{
    return std::to_string(offset.offset.value());
}

std::string groupRecordKey(const std::string &groupId)
{
    return "group:" + groupId;
}

std::string groupRecordValue(const GroupMetadataRecord &record)
{
    std::string out;
    if (record.protocolType)
        out += "protocol_type " + escape(*record.protocolType) + "\n";
    out += "generation " + std::to_string(record.generationId) + "\n";
    if (record.protocolName)
        out += "protocol " + escape(*record.protocolName) + "\n";
    if (record.leader)
        out += "leader " + escape(*record.leader) + "\n";
    for (const StoredMember &m : record.members) {
        out += "member " + escape(m.memberId) + "\n";
        if (m.groupInstanceId)
            out += "instance " + escape(*m.groupInstanceId) + "\n";
        out += "client " + escape(m.clientId) + "\n";
        out += "rebalance_timeout_ms " + std::to_string(m.rebalanceTimeoutMs) + "\n";
        out += "session_timeout_ms " + std::to_string(m.sessionTimeoutMs) + "\n";
        out += "subscription_generation " + std::to_string(m.subscription.generation) + "\n";
        out += "topics";
        for (const std::string &t : m.subscription.topics) {
            out += ' ';
            out += escape(t);
        }
        out += '\n';
        appendPartitions(out, "owned", m.subscription.ownedPartitions);
        appendPartitions(out, "assignment", m.assignment);
    }
    return out;
}

std::optional<GroupMetadataRecord> parseGroupRecordValue(const std::string &groupId, const std::string &value)
{
    GroupMetadataRecord record;
    record.groupId = groupId;
    bool sawGeneration = false;
    std::istringstream in(value);
    std::string line;
    while (std::getline(in, line)) {
        const std::vector<std::string> words = splitWords(line);
        if (words.empty())
            continue;
        const std::string &field = words[0];
        const auto one = [&]() -> std::optional<std::string> {
            if (words.size() != 2)
                return std::nullopt;
            return unescape(words[1]);
        };
        const auto partitions = [&](std::vector<TopicPartition> &into) {
            for (std::size_t i = 1; i < words.size(); ++i) {
                auto tp = parsePartitionToken(words[i]);
                if (!tp)
                    return false;
                into.push_back(*tp);
            }
            return true;
        };
        StoredMember *member = record.members.empty() ? nullptr : &record.members.back();
        if (field == "member") {
            auto id = one();
            if (!id)
                return std::nullopt;
            record.members.push_back(StoredMember{});
            record.members.back().memberId = *id;
            continue;
        }
        if (field == "protocol_type" || field == "protocol" || field == "leader" || field == "instance"
            || field == "client") {
            auto text = one();
            if (!text)
                return std::nullopt;
            if (field == "protocol_type")
                record.protocolType = *text;
            else if (field == "protocol")
                record.protocolName = *text;
            else if (field == "leader")
                record.leader = *text;
            else if (!member)
                return std::nullopt;
            else if (field == "instance")
                member->groupInstanceId = *text;
            else
                member->clientId = *text;
            continue;
        }
        if (field == "generation" || field == "rebalance_timeout_ms" || field == "session_timeout_ms"
            || field == "subscription_generation") {
            if (words.size() != 2)
                return std::nullopt;
            const auto n = parseInt<std::int32_t>(words[1]);
            if (!n)
                return std::nullopt;
            if (field == "generation") {
                record.generationId = *n;
                sawGeneration = true;
            } else if (!member) {
                return std::nullopt;
            } else if (field == "rebalance_timeout_ms") {
                member->rebalanceTimeoutMs = *n;
            } else if (field == "session_timeout_ms") {
                member->sessionTimeoutMs = *n;
            } else {
                member->subscription.generation = *n;
            }
            continue;
        }
        if (!member)
            return std::nullopt;
        if (field == "topics") {
            for (std::size_t i = 1; i < words.size(); ++i) {
                auto t = unescape(words[i]);
                if (!t)
                    return std::nullopt;
                member->subscription.topics.push_back(*t);
            }
        } else if (field == "owned") {
            if (!partitions(member->subscription.ownedPartitions))
                return std::nullopt;
        } else if (field == "assignment") {
            if (!partitions(member->assignment))
                return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    if (!sawGeneration)
        return std::nullopt;
    return record;
}

ConsumerOffsetsContents replayConsumerOffsets(const std::vector<Record> &records, std::int64_t clockEpochMs)
{
    ConsumerOffsetsContents out;
    for (const Record &r : records) {
        if (!r.key || !r.value) {
            ++out.malformedRecords;
            continue;
        }
        const std::string &key = *r.key;
        if (key.rfind("group:", 0) == 0) {
            const std::string groupId = key.substr(6);
            auto record = parseGroupRecordValue(groupId, *r.value);
            if (!record) {
                ++out.malformedRecords;
                continue;
            }
            out.groups[groupId] = std::move(*record);
        } else if (key.rfind("offset:", 0) == 0) {
            // offset:<group>:<topic>:<partition>; the group may hold ':' but the topic may not.
            const std::string rest = key.substr(7);
            const auto partitionColon = rest.rfind(':');
            const auto topicColon = partitionColon == std::string::npos || partitionColon == 0
                ? std::string::npos
                : rest.rfind(':', partitionColon - 1);
            const auto offset = parseInt<std::int64_t>(*r.value);
            if (topicColon == std::string::npos || !offset) {
                ++out.malformedRecords;
                continue;
            }
            const auto tp = parsePartitionToken(rest.substr(topicColon + 1));
            if (!tp) {
                ++out.malformedRecords;
                continue;
            }
            CommittedOffset committed;
            committed.offset = Offset{*offset};
            committed.commitTimestampMs = r.timestampMs - clockEpochMs;
            out.offsets[rest.substr(0, topicColon)][*tp] = committed;
        } else {
            ++out.malformedRecords;
        }
    }
    return out;
}

} // namespace kafkascope
