#include "assigncmd.h"

#include "core/json_writer.h"
#include "group/cooperative_sticky_assignor.h"
#include "group/range_assignor.h"
#include "group/round_robin_assignor.h"
#include "group/sticky_assignor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <vector>

using kafkascope::AssignorMember;
using kafkascope::GroupAssignment;
using kafkascope::PartitionsPerTopic;
using kafkascope::TopicPartition;

namespace {

struct Input {
    QString assignor;
    PartitionsPerTopic partitionsPerTopic;
    std::vector<AssignorMember> members;
};

// A whole number in [min, max], or nothing.
std::optional<std::int32_t> wholeNumber(const QJsonValue &v, double min)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (std::floor(d) != d || d < min || d > std::numeric_limits<std::int32_t>::max())
        return std::nullopt;
    return static_cast<std::int32_t>(d);
}

// The line and column (both from 1) of a byte offset into UTF-8 text; columns count characters.
QString position(const QByteArray &text, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

QString unknownField(const QJsonObject &object, const QStringList &known, const QString &path)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return QStringLiteral("%1%2: unknown field").arg(path, it.key());
    }
    return {};
}

// Parses and checks the input; returns the error line (without the program prefix) or empty.
QString parseInput(const QByteArray &text, Input *out)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        // Qt's offset is just past the character that failed; point at that character.
        return QStringLiteral("%1: %2").arg(position(text, std::max<qsizetype>(0, parseError.offset - 1)),
                                            parseError.errorString());
    if (!doc.isObject())
        return QStringLiteral("the input must be a JSON object");
    const QJsonObject root = doc.object();
    if (QString e = unknownField(root, {"assignor", "partitions_per_topic", "members"}, QString()); !e.isEmpty())
        return e;

    const QJsonValue assignor = root.value(QLatin1String("assignor"));
    if (assignor.isUndefined())
        return QStringLiteral("assignor: missing");
    if (!assignor.isString())
        return QStringLiteral("assignor: expected a string");
    out->assignor = assignor.toString();
    static const QStringList assignors = {"range", "roundrobin", "sticky", "cooperative-sticky"};
    if (!assignors.contains(out->assignor))
        return QStringLiteral("assignor: unknown assignor '%1' (use %2)").arg(out->assignor, assignors.join(QLatin1String(", ")));

    const QJsonValue ppt = root.value(QLatin1String("partitions_per_topic"));
    if (ppt.isUndefined())
        return QStringLiteral("partitions_per_topic: missing");
    if (!ppt.isObject())
        return QStringLiteral("partitions_per_topic: expected an object of topic names to partition counts");
    const QJsonObject topics = ppt.toObject();
    for (auto it = topics.begin(); it != topics.end(); ++it) {
        if (it.key().isEmpty())
            return QStringLiteral("partitions_per_topic: a topic name is empty");
        const auto count = wholeNumber(it.value(), 0);
        if (!count)
            return QStringLiteral("partitions_per_topic.%1: expected a whole number >= 0").arg(it.key());
        out->partitionsPerTopic[it.key().toStdString()] = *count;
    }

    const QJsonValue members = root.value(QLatin1String("members"));
    if (members.isUndefined())
        return QStringLiteral("members: missing");
    if (!members.isArray())
        return QStringLiteral("members: expected an array");
    const QJsonArray memberArray = members.toArray();
    for (qsizetype i = 0; i < memberArray.size(); ++i) {
        const QString path = QStringLiteral("members[%1]").arg(i);
        if (!memberArray[i].isObject())
            return path + QStringLiteral(": expected an object");
        const QJsonObject m = memberArray[i].toObject();
        if (QString e = unknownField(m, {"member_id", "topics", "group_instance_id", "owned_partitions", "generation"},
                                     path + QLatin1Char('.'));
            !e.isEmpty())
            return e;
        AssignorMember member;
        const QJsonValue id = m.value(QLatin1String("member_id"));
        if (id.isUndefined())
            return path + QStringLiteral(".member_id: missing");
        if (!id.isString())
            return path + QStringLiteral(".member_id: expected a string");
        member.memberId = id.toString().toStdString();

        const QJsonValue topicList = m.value(QLatin1String("topics"));
        if (topicList.isUndefined())
            return path + QStringLiteral(".topics: missing");
        if (!topicList.isArray())
            return path + QStringLiteral(".topics: expected an array of strings");
        const QJsonArray topicArray = topicList.toArray();
        for (qsizetype t = 0; t < topicArray.size(); ++t) {
            if (!topicArray[t].isString())
                return path + QStringLiteral(".topics[%1]: expected a string").arg(t);
            member.topics.push_back(topicArray[t].toString().toStdString());
        }

        const QJsonValue instance = m.value(QLatin1String("group_instance_id"));
        if (!instance.isUndefined() && !instance.isNull()) {
            if (!instance.isString())
                return path + QStringLiteral(".group_instance_id: expected a string");
            member.groupInstanceId = instance.toString().toStdString();
        }

        const QJsonValue generation = m.value(QLatin1String("generation"));
        if (!generation.isUndefined()) {
            const auto g = wholeNumber(generation, -1);
            if (!g)
                return path + QStringLiteral(".generation: expected a whole number >= -1");
            member.generation = *g;
        }

        const QJsonValue owned = m.value(QLatin1String("owned_partitions"));
        if (!owned.isUndefined()) {
            if (!owned.isArray())
                return path + QStringLiteral(".owned_partitions: expected an array of strings like \"topic-0\"");
            const QJsonArray ownedArray = owned.toArray();
            for (qsizetype p = 0; p < ownedArray.size(); ++p) {
                const QString field = path + QStringLiteral(".owned_partitions[%1]").arg(p);
                if (!ownedArray[p].isString())
                    return field + QStringLiteral(": expected a string");
                // Topic names may contain '-': the partition number follows the last one.
                const QString name = ownedArray[p].toString();
                const qsizetype dash = name.lastIndexOf(QLatin1Char('-'));
                bool ok = false;
                const QString number = name.mid(dash + 1);
                const int partition = number.toInt(&ok, 10);
                if (dash <= 0 || !ok || number.startsWith(QLatin1Char('+')) || number.startsWith(QLatin1Char('-')))
                    return field + QStringLiteral(": '%1' is not TOPIC-PARTITION (like \"orders-3\")").arg(name);
                const std::string topic = name.left(dash).toStdString();
                const auto it = out->partitionsPerTopic.find(topic);
                if (it == out->partitionsPerTopic.end())
                    return field + QStringLiteral(": unknown topic '%1' (not in partitions_per_topic)").arg(name.left(dash));
                if (partition >= it->second)
                    return field + QStringLiteral(": topic '%1' has %2 partitions, so there is no partition %3")
                                       .arg(name.left(dash)).arg(it->second).arg(partition);
                member.ownedPartitions.push_back(TopicPartition{topic, kafkascope::PartitionId{partition}});
            }
        }
        out->members.push_back(std::move(member));
    }
    return {};
}

void writeGroup(kafkascope::JsonWriter &w, const std::vector<AssignorMember> &members, const GroupAssignment &group)
{
    w.beginObject();
    for (const AssignorMember &m : members) {
        w.key(m.memberId).beginArray();
        for (const TopicPartition &tp : group.at(m.memberId))
            w.value(tp.toString());
        w.endArray();
    }
    w.endObject();
}

void printGroup(const std::vector<AssignorMember> &members, const GroupAssignment &group, bool skipEmpty)
{
    for (const AssignorMember &m : members) {
        const std::vector<TopicPartition> &partitions = group.at(m.memberId);
        if (skipEmpty && partitions.empty())
            continue;
        std::string line = m.memberId + ":";
        for (const TopicPartition &tp : partitions)
            line += " " + tp.toString();
        std::printf("%s\n", line.c_str());
    }
}

} // namespace

int runAssign(const AssignOptions &options)
{
    QByteArray text;
    if (options.inputPath == QLatin1String("-")) {
        const std::string all{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
        text = QByteArray::fromStdString(all);
    } else {
        QFile file(options.inputPath);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "kafkascope: assign: cannot read %s: %s\n", qPrintable(options.inputPath),
                         qPrintable(file.errorString()));
            return 1;
        }
        text = file.readAll();
    }

    Input input;
    if (const QString error = parseInput(text, &input); !error.isEmpty()) {
        std::fprintf(stderr, "kafkascope: assign: %s\n", qPrintable(error));
        return 2;
    }

    GroupAssignment assignment;
    std::optional<GroupAssignment> revoking;
    kafkascope::Status status;
    if (input.assignor == QLatin1String("range")) {
        auto r = kafkascope::assignRange(input.partitionsPerTopic, input.members);
        status = r.status();
        if (r.isOk())
            assignment = std::move(r).value();
    } else if (input.assignor == QLatin1String("roundrobin")) {
        auto r = kafkascope::assignRoundRobin(input.partitionsPerTopic, input.members);
        status = r.status();
        if (r.isOk())
            assignment = std::move(r).value();
    } else if (input.assignor == QLatin1String("sticky")) {
        auto r = kafkascope::assignSticky(input.partitionsPerTopic, input.members);
        status = r.status();
        if (r.isOk())
            assignment = std::move(r).value();
    } else {
        auto r = kafkascope::assignCooperativeSticky(input.partitionsPerTopic, input.members);
        status = r.status();
        if (r.isOk()) {
            assignment = std::move(r.value().assignment);
            revoking = std::move(r.value().revoking);
        }
    }
    if (!status.isOk()) {
        std::fprintf(stderr, "kafkascope: assign: members: %s\n", status.message().c_str());
        return 2;
    }

    if (options.json) {
        kafkascope::JsonWriter w;
        w.beginObject();
        w.key("assignment");
        writeGroup(w, input.members, assignment);
        if (revoking) {
            w.key("revoking");
            writeGroup(w, input.members, *revoking);
        }
        w.endObject();
        const std::string out = w.str();
        std::fwrite(out.data(), 1, out.size(), stdout);
    } else {
        printGroup(input.members, assignment, false);
        if (revoking) {
            std::printf("revoking:\n");
            printGroup(input.members, *revoking, true);
        }
    }
    std::fflush(stdout);
    return 0;
}
