#pragma once
// Helpers shared by the assignor tests: compact text for inputs and outputs, random groups.

#include "core/random.h"
#include "group/assignor.h"

#include <QString>
#include <QStringList>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace kafkascope::assignortest {

// "topic1=3 topic2=2"
inline PartitionsPerTopic parsePartitions(const QString &spec)
{
    PartitionsPerTopic out;
    for (const QString &entry : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QStringList kv = entry.split(QLatin1Char('='));
        out[kv.at(0).toStdString()] = kv.at(1).toInt();
    }
    return out;
}

// "topic1-0" (split at the last '-', as topic names may contain '-')
inline TopicPartition parseTopicPartition(const QString &text)
{
    const qsizetype dash = text.lastIndexOf(QLatin1Char('-'));
    return TopicPartition{text.left(dash).toStdString(), PartitionId{text.mid(dash + 1).toInt()}};
}

// "consumer1@instance1:topic1,topic2; consumer2:topic1" (the @instance part marks a static member).
// For the sticky assignors a member may add its owned partitions and generation after slashes:
// "consumer1:topic1,topic2/topic1-0,topic2-1/10" (generation -1 when omitted).
inline std::vector<AssignorMember> parseMembers(const QString &spec)
{
    std::vector<AssignorMember> out;
    for (const QString &entry : spec.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QStringList parts = entry.trimmed().split(QLatin1Char(':'));
        AssignorMember m;
        const QStringList ids = parts.at(0).split(QLatin1Char('@'));
        m.memberId = ids.at(0).toStdString();
        if (ids.size() > 1)
            m.groupInstanceId = ids.at(1).toStdString();
        const QStringList fields = parts.value(1).split(QLatin1Char('/'));
        for (const QString &topic : fields.at(0).split(QLatin1Char(','), Qt::SkipEmptyParts))
            m.topics.push_back(topic.toStdString());
        for (const QString &tp : fields.value(1).split(QLatin1Char(','), Qt::SkipEmptyParts))
            m.ownedPartitions.push_back(parseTopicPartition(tp.trimmed()));
        if (fields.size() > 2)
            m.generation = fields.at(2).toInt();
        out.push_back(std::move(m));
    }
    return out;
}

// "consumer1[topic1-0 topic1-1] consumer2[]" in member id order.
inline QString render(const GroupAssignment &assignment)
{
    QStringList members;
    for (const auto &[memberId, partitions] : assignment) {
        QStringList tps;
        for (const TopicPartition &tp : partitions)
            tps << QString::fromStdString(tp.toString());
        members << QStringLiteral("%1[%2]").arg(QString::fromStdString(memberId), tps.join(QLatin1Char(' ')));
    }
    return members.join(QLatin1Char(' '));
}

// A random group: up to 8 members (some static), topics t0..t4 with 0..12 partitions, random
// subscriptions that may name the unknown topic "missing".
inline std::pair<PartitionsPerTopic, std::vector<AssignorMember>> randomGroup(Random &rng, bool identicalSubscriptions)
{
    PartitionsPerTopic topics;
    const auto topicCount = static_cast<int>(1 + rng.uniform(5));
    for (int t = 0; t < topicCount; ++t)
        topics["t" + std::to_string(t)] = static_cast<std::int32_t>(rng.uniform(13));
    std::vector<std::string> candidates;
    for (const auto &entry : topics)
        candidates.push_back(entry.first);
    candidates.emplace_back("missing");
    std::vector<std::string> shared;
    for (const std::string &topic : candidates) {
        if (rng.uniform(2) == 0)
            shared.push_back(topic);
    }
    std::vector<AssignorMember> members;
    const auto memberCount = static_cast<int>(1 + rng.uniform(8));
    for (int i = 0; i < memberCount; ++i) {
        AssignorMember m;
        m.memberId = "member-" + std::to_string(rng.uniform(1000)) + "-" + std::to_string(i);
        if (rng.uniform(3) == 0)
            m.groupInstanceId = "instance-" + std::to_string(rng.uniform(1000)) + "-" + std::to_string(i);
        if (identicalSubscriptions) {
            m.topics = shared;
        } else {
            for (const std::string &topic : candidates) {
                if (rng.uniform(2) == 0)
                    m.topics.push_back(topic);
            }
        }
        members.push_back(std::move(m));
    }
    return {topics, members};
}

// Why `assignment` is not a valid assignment of `topics` to `members` (empty when it is): every
// member present with a sorted list, every partition of a subscribed topic assigned exactly once
// and only to a subscriber, nothing of an unsubscribed topic assigned.
inline QString assignmentProblem(const PartitionsPerTopic &topics, const std::vector<AssignorMember> &members,
                                 const GroupAssignment &assignment)
{
    if (assignment.size() != members.size())
        return QStringLiteral("%1 members assigned, %2 in the group").arg(assignment.size()).arg(members.size());
    std::map<TopicPartition, int> owners;
    for (const AssignorMember &m : members) {
        const auto it = assignment.find(m.memberId);
        if (it == assignment.end())
            return QStringLiteral("member %1 missing").arg(QString::fromStdString(m.memberId));
        if (!std::is_sorted(it->second.begin(), it->second.end()))
            return QStringLiteral("member %1's partitions are not sorted").arg(QString::fromStdString(m.memberId));
        for (const TopicPartition &tp : it->second) {
            if (!isSubscribed(m, tp.topic))
                return QStringLiteral("%1 went to %2, which is not subscribed")
                    .arg(QString::fromStdString(tp.toString()), QString::fromStdString(m.memberId));
            ++owners[tp];
        }
    }
    for (const auto &[topic, count] : topics) {
        const bool subscribed = std::any_of(members.begin(), members.end(),
                                            [&](const AssignorMember &m) { return isSubscribed(m, topic); });
        for (std::int32_t p = 0; p < count; ++p) {
            const auto it = owners.find(TopicPartition{topic, PartitionId{p}});
            const int times = it == owners.end() ? 0 : it->second;
            if (times != (subscribed ? 1 : 0))
                return QStringLiteral("%1-%2 assigned %3 times").arg(QString::fromStdString(topic)).arg(p).arg(times);
        }
    }
    return {};
}

// Kafka's verifyValidityAndBalance balance half: why `assignment` is not balanced (empty when it
// is). Two members whose counts differ by two or more must not both hold partitions of one topic
// (else a partition could move from the fuller one to the other).
inline QString balanceProblem(const GroupAssignment &assignment)
{
    std::map<std::string, std::set<std::string>> topicsOf;
    for (const auto &[memberId, partitions] : assignment) {
        for (const TopicPartition &tp : partitions)
            topicsOf[memberId].insert(tp.topic);
    }
    for (auto a = assignment.begin(); a != assignment.end(); ++a) {
        for (auto b = std::next(a); b != assignment.end(); ++b) {
            const auto sizeA = static_cast<long long>(a->second.size());
            const auto sizeB = static_cast<long long>(b->second.size());
            if (sizeA - sizeB <= 1 && sizeB - sizeA <= 1)
                continue;
            for (const std::string &topic : topicsOf[a->first]) {
                if (topicsOf[b->first].count(topic))
                    return QStringLiteral("%1 (%2) and %3 (%4) share topic %5")
                        .arg(QString::fromStdString(a->first)).arg(sizeA)
                        .arg(QString::fromStdString(b->first)).arg(sizeB)
                        .arg(QString::fromStdString(topic));
            }
        }
    }
    return {};
}

// Kafka's isFullyBalanced: member counts differ by at most one.
inline bool isFullyBalanced(const GroupAssignment &assignment)
{
    std::size_t smallest = SIZE_MAX;
    std::size_t largest = 0;
    for (const auto &entry : assignment) {
        smallest = std::min(smallest, entry.second.size());
        largest = std::max(largest, entry.second.size());
    }
    return assignment.empty() || largest - smallest <= 1;
}

// Kafka's isSticky, from the outside: no topic has partitions moving both from a to b and from b
// to a between `before` and `after` (members missing from `after` are ignored).
inline QString stickinessProblem(const GroupAssignment &before, const GroupAssignment &after)
{
    std::map<TopicPartition, std::string> previousOwner;
    for (const auto &[memberId, partitions] : before) {
        if (after.count(memberId)) {
            for (const TopicPartition &tp : partitions)
                previousOwner[tp] = memberId;
        }
    }
    std::set<std::tuple<std::string, std::string, std::string>> moves; // (topic, from, to)
    for (const auto &[memberId, partitions] : after) {
        for (const TopicPartition &tp : partitions) {
            const auto it = previousOwner.find(tp);
            if (it != previousOwner.end() && it->second != memberId)
                moves.insert({tp.topic, it->second, memberId});
        }
    }
    for (const auto &[topic, from, to] : moves) {
        if (moves.count({topic, to, from}))
            return QStringLiteral("topic %1 moves between %2 and %3 both ways")
                .arg(QString::fromStdString(topic), QString::fromStdString(from), QString::fromStdString(to));
    }
    return {};
}

// The members of the next rebalance: each keeps its subscription and owns what `assignment` gave
// it, in `generation`.
inline std::vector<AssignorMember> withOwned(std::vector<AssignorMember> members, const GroupAssignment &assignment,
                                             std::int32_t generation)
{
    for (AssignorMember &m : members) {
        const auto it = assignment.find(m.memberId);
        m.ownedPartitions = it == assignment.end() ? std::vector<TopicPartition>{} : it->second;
        m.generation = generation;
    }
    return members;
}

} // namespace kafkascope::assignortest
