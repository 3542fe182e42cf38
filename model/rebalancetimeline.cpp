#include "rebalancetimeline.h"

#include <QRegularExpression>

#include <algorithm>
#include <map>
#include <set>

using namespace kafkascope;

namespace {

// Kafka's member ids are the client id (or group.instance.id) followed by "-" and a UUID.
QString clientIdOf(const QString &memberId)
{
    static const QRegularExpression uuidSuffix(QStringLiteral("-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    const auto match = uuidSuffix.match(memberId);
    return match.hasMatch() ? memberId.left(match.capturedStart()) : memberId;
}

// "billing-1 [orders-0,orders-1]" -> {orders-0, orders-1}
QStringList partitionsOf(const std::string &detail)
{
    const QString text = QString::fromStdString(detail);
    const auto open = text.indexOf(QLatin1Char('['));
    const auto close = text.lastIndexOf(QLatin1Char(']'));
    if (open < 0 || close <= open + 1)
        return {};
    return text.mid(open + 1, close - open - 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

} // namespace

QStringList RebalanceTimeline::groups(const Journal &journal)
{
    std::set<QString> names;
    for (const JournalEvent &e : journal.events())
        if (!e.group.empty())
            names.insert(QString::fromStdString(e.group));
    return QStringList(names.begin(), names.end());
}

RebalanceTimeline RebalanceTimeline::build(const Journal &journal, const std::string &group, qint64 nowMs)
{
    RebalanceTimeline t;
    t.group = QString::fromStdString(group);
    t.endMs = nowMs;
    bool started = false;
    int generation = 0;
    // What each lane owns now, by lane index.
    std::map<std::size_t, std::set<QString>> owning;
    auto closeOwnership = [&](std::size_t lane, qint64 at) {
        auto &owned = t.lanes[lane].owned;
        if (!owned.empty() && owned.back().toMs == std::numeric_limits<qint64>::max())
            owned.back().toMs = at;
    };
    auto openOwnership = [&](std::size_t lane, qint64 at) {
        const auto &now = owning[lane];
        if (now.empty())
            return;
        QStringList list(now.begin(), now.end());
        t.lanes[lane].owned.push_back({at, std::numeric_limits<qint64>::max(), list});
    };
    auto laneOf = [&](const JournalEvent &e) -> std::optional<std::size_t> {
        const QString member = QString::fromStdString(e.member);
        if (!member.isEmpty())
            for (std::size_t i = t.lanes.size(); i-- > 0;)
                if (t.lanes[i].memberId == member)
                    return i;
        // Without a member id (after a reset): the client's latest lane.
        const QString client = QString::fromStdString(e.detail).section(QLatin1Char(' '), 0, 0);
        for (std::size_t i = t.lanes.size(); i-- > 0;)
            if (t.lanes[i].clientId == client)
                return i;
        return std::nullopt;
    };

    for (const JournalEvent &e : journal.events()) {
        if (e.group != group)
            continue;
        const qint64 at = e.time.millis();
        if (!started) {
            t.startMs = at;
            started = true;
        }
        switch (e.kind) {
        case JournalEventKind::GroupMemberJoined: {
            Lane lane;
            lane.memberId = QString::fromStdString(e.member);
            lane.clientId = clientIdOf(lane.memberId);
            lane.joinedMs = at;
            t.lanes.push_back(std::move(lane));
            break;
        }
        case JournalEventKind::GroupMemberRemoved:
            if (const auto lane = laneOf(e)) {
                t.lanes[*lane].removedMs = at;
                t.lanes[*lane].removedWhy = QString::fromStdString(e.detail);
            }
            break;
        case JournalEventKind::GroupGenerationStarted:
            generation = static_cast<int>(e.value);
            t.generations.push_back({at, generation, QString::fromStdString(e.detail), static_cast<int>(e.count)});
            for (Lane &lane : t.lanes)
                if (!lane.removedMs)
                    lane.leader = lane.memberId == QString::fromStdString(e.member);
            break;
        case JournalEventKind::GroupStateChanged:
            if (!t.phases.empty())
                t.phases.back().toMs = at;
            t.phases.push_back({at, nowMs, QString::fromStdString(e.detail), generation});
            break;
        case JournalEventKind::PartitionsAssigned:
        case JournalEventKind::PartitionsRevoked:
        case JournalEventKind::PartitionsLost: {
            const auto lane = laneOf(e);
            if (!lane)
                break;
            const QStringList parts = partitionsOf(e.detail);
            const MarkKind kind = e.kind == JournalEventKind::PartitionsAssigned ? MarkKind::Assigned
                : e.kind == JournalEventKind::PartitionsRevoked                ? MarkKind::Revoked
                                                                               : MarkKind::Lost;
            if (!parts.isEmpty())
                t.lanes[*lane].marks.push_back({at, kind, parts});
            closeOwnership(*lane, at);
            for (const QString &p : parts) {
                if (kind == MarkKind::Assigned)
                    owning[*lane].insert(p);
                else
                    owning[*lane].erase(p);
            }
            openOwnership(*lane, at);
            break;
        }
        default:
            break;
        }
    }
    for (std::size_t i = 0; i < t.lanes.size(); ++i) {
        Lane &lane = t.lanes[i];
        closeOwnership(i, lane.removedMs.value_or(nowMs));
        for (Ownership &o : lane.owned)
            o.toMs = std::min(o.toMs, lane.removedMs.value_or(nowMs));
    }
    if (!t.phases.empty())
        t.phases.back().toMs = std::max(t.phases.back().toMs, nowMs);
    return t;
}

std::vector<RebalanceTimeline::Rebalance> RebalanceTimeline::rebalances() const
{
    std::vector<Rebalance> out;
    std::optional<Rebalance> current;
    for (const Phase &phase : phases) {
        const bool rebalancing = phase.state == QLatin1String("PreparingRebalance")
            || phase.state == QLatin1String("CompletingRebalance");
        if (rebalancing) {
            if (!current) {
                current = Rebalance{};
                current->startMs = phase.fromMs;
            }
            current->generation = phase.generation;
        } else if (current) {
            current->endMs = phase.fromMs;
            current->generation = phase.generation;
            current->endState = phase.state;
            out.push_back(*current);
            current.reset();
        }
    }
    if (current) {
        current->endMs = std::max(current->startMs, endMs);
        current->ongoing = true;
        out.push_back(*current);
    }
    return out;
}
