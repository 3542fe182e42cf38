#pragma once

#include "cluster/journal.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// A consumer group's rebalances laid out over simTime, read from the cluster's journal: the
// coordinator's phases (Empty, PreparingRebalance, CompletingRebalance, Stable) with their
// generations, and one lane per member (member id) from its join to its removal, with the
// partitions it owned over time and the rebalance listener's calls (revoked, assigned, lost).
// Eager rebalancing shows as every lane emptied at once and refilled after the sync;
// cooperative as lanes that keep their partitions and a second round for the moved ones.
struct RebalanceTimeline {
    struct Phase {
        qint64 fromMs = 0;
        qint64 toMs = 0; // the next phase's start, or the timeline's end
        QString state;   // Kafka's name ("Stable")
        int generation = 0;
    };
    struct Ownership {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        QStringList partitions; // "orders-0", sorted
    };
    enum class MarkKind { Assigned, Revoked, Lost };
    struct Mark {
        qint64 atMs = 0;
        MarkKind kind = MarkKind::Assigned;
        QStringList partitions;
    };
    struct Lane {
        QString memberId;
        QString clientId;
        qint64 joinedMs = 0;
        std::optional<qint64> removedMs;
        QString removedWhy; // the coordinator's reason ("session timeout")
        bool leader = false; // led the latest generation it was part of
        std::vector<Ownership> owned;
        std::vector<Mark> marks;
    };
    struct Generation {
        qint64 atMs = 0;
        int generation = 0;
        QString protocol;
        int members = 0;
    };

    QString group;
    qint64 startMs = 0; // the group's first event
    qint64 endMs = 0;   // now
    std::vector<Phase> phases;
    std::vector<Generation> generations;
    std::vector<Lane> lanes; // in join order

    // One rebalance: from the group entering PreparingRebalance (from Empty or Stable) until it is
    // Stable again, through CompletingRebalance and any restarted join (a member that joins or
    // leaves during the sync sends the group back to PreparingRebalance: still the same rebalance,
    // the consumers keep waiting). It also ends when the group empties (every member left) or
    // dies; it is ongoing when the timeline ends inside it.
    struct Rebalance {
        qint64 startMs = 0;
        qint64 endMs = 0;   // the Stable (Empty, Dead) phase's start, or the timeline's end
        int generation = 0; // the generation the group reached by its end
        QString endState;   // "Stable", "Empty" or "Dead"; empty while ongoing
        bool ongoing = false;
        [[nodiscard]] qint64 durationMs() const { return endMs - startMs; }
    };
    // The rebalances found in `phases`, oldest first (only what the retained journal still holds).
    [[nodiscard]] std::vector<Rebalance> rebalances() const;

    // Builds `group`'s timeline from the retained journal up to `nowMs`.
    static RebalanceTimeline build(const kafkascope::Journal &journal, const std::string &group, qint64 nowMs);
    // Every group that appears in the journal, sorted.
    static QStringList groups(const kafkascope::Journal &journal);
};
