#include "group/abstract_sticky_assignor.h"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <deque>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <utility>

namespace kafkascope::sticky {

namespace {

std::size_t at(std::int32_t i)
{
    return static_cast<std::size_t>(i);
}

// Java's HashMap.hash(): the high half folded into the low half.
std::uint32_t spread(std::int32_t hash)
{
    const auto h = static_cast<std::uint32_t>(hash);
    return h ^ (h >> 16);
}

// The table size of a java.util.HashMap created with `new HashMap<>()` after `entries` puts: 16,
// doubled whenever the size exceeds three quarters of the table.
std::uint32_t javaHashMapCapacity(std::size_t entries)
{
    std::uint32_t capacity = 16;
    while (entries > capacity / 4 * 3)
        capacity *= 2;
    return capacity;
}

// ---------------------------------------------------------------------------------------------
// Claims: Kafka's allSubscriptionsEqual() bookkeeping of previously owned partitions.

struct ResolvedClaims {
    // Each member's valid owned partitions (Kafka's consumerToOwnedPartitions).
    std::vector<std::vector<PartitionIndex>> owned;
    // Partitions claimed by two members of the same generation (partitionsWithMultiplePreviousOwners).
    std::vector<std::uint8_t> multiplyClaimed;
    std::int32_t maxGeneration = -1;
};

// Walks the members in Java's map order. A claim on a partition nobody claimed yet holds; a claim
// of a higher generation takes the partition from the earlier claimant; a claim of the same
// generation voids both (and marks the partition); a lower one is ignored.
ResolvedClaims resolveClaims(const CompactGroup &g)
{
    const PartitionIndex partitionCount = g.partitionCount();
    ResolvedClaims r;
    r.owned.resize(at(g.memberCount()));
    r.multiplyClaimed.assign(at(partitionCount), 0);
    std::vector<MemberIndex> claimant(at(partitionCount), -1);
    // 1: the claimant holds the partition; 0: it took it in a same-generation conflict and does
    // not hold it; 2: holds, and already listed in its owned partitions.
    std::vector<std::uint8_t> holds(at(partitionCount), 0);
    for (const MemberIndex m : g.javaOrder) {
        const std::int32_t generation = g.generation[at(m)];
        r.maxGeneration = std::max(r.maxGeneration, generation);
        for (const PartitionIndex p : g.claims[at(m)]) {
            if (p < 0)
                continue;
            const MemberIndex other = claimant[at(p)];
            if (other == m)
                continue; // listed twice by the same member
            if (other < 0) {
                claimant[at(p)] = m;
                holds[at(p)] = 1;
            } else if (g.generation[at(other)] == generation) {
                r.multiplyClaimed[at(p)] = 1;
                claimant[at(p)] = m;
                holds[at(p)] = 0;
            } else if (generation > g.generation[at(other)]) {
                claimant[at(p)] = m;
                holds[at(p)] = 1;
            }
        }
    }
    for (MemberIndex m = 0; m < g.memberCount(); ++m) {
        std::vector<PartitionIndex> &owned = r.owned[at(m)];
        for (const PartitionIndex p : g.claims[at(m)]) {
            if (p >= 0 && claimant[at(p)] == m && holds[at(p)] == 1) {
                holds[at(p)] = 2;
                owned.push_back(p);
            }
        }
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// The constrained path (ConstrainedAssignmentBuilder): every member subscribes to every topic.

CompactAssignment constrainedAssign(const CompactGroup &g, ResolvedClaims claims)
{
    const PartitionIndex total = g.partitionCount();
    const std::int32_t memberCount = g.memberCount();
    const std::int32_t minQuota = total / memberCount;
    const std::int32_t maxQuota = minQuota + (total % memberCount == 0 ? 0 : 1);
    const std::int32_t expectedOverMin = total % memberCount;
    std::int32_t currentOverMin = 0;

    CompactAssignment out;
    out.constrained = true;
    out.transferringOwnership.emplace();
    out.partitions.resize(at(memberCount));
    std::vector<std::uint8_t> assigned(at(total), 0);
    std::vector<std::uint8_t> revoked(at(total), 0); // allRevokedPartitions
    std::vector<MemberIndex> underMin;
    std::vector<MemberIndex> exactlyMin;

    // Kafka keeps the first quota of the owned partitions sorted by (partition, topic).
    const auto byPartitionThenTopic = [&g](PartitionIndex a, PartitionIndex b) {
        const std::int32_t pa = g.partitionNumber(a);
        const std::int32_t pb = g.partitionNumber(b);
        if (pa != pb)
            return pa < pb;
        return g.topicOf[at(a)] < g.topicOf[at(b)];
    };
    const auto keep = [&](MemberIndex m, std::vector<PartitionIndex> &owned, std::int32_t quota) {
        if (static_cast<std::int32_t>(owned.size()) > quota) {
            std::nth_element(owned.begin(), owned.begin() + quota, owned.end(), byPartitionThenTopic);
            for (auto it = owned.begin() + quota; it != owned.end(); ++it)
                revoked[at(*it)] = 1;
            owned.resize(at(quota));
        }
        for (const PartitionIndex p : owned)
            assigned[at(p)] = 1;
        out.partitions[at(m)] = std::move(owned);
        out.partitions[at(m)].reserve(at(maxQuota));
    };

    for (const MemberIndex m : g.javaOrder) {
        std::vector<PartitionIndex> owned = std::move(claims.owned[at(m)]);
        std::erase_if(owned, [&](PartitionIndex p) { return claims.multiplyClaimed[at(p)] != 0; });
        const auto ownedCount = static_cast<std::int32_t>(owned.size());
        if (ownedCount < minQuota) {
            keep(m, owned, ownedCount);
            underMin.push_back(m);
        } else if (ownedCount >= maxQuota && currentOverMin < expectedOverMin) {
            ++currentOverMin;
            if (currentOverMin == expectedOverMin)
                exactlyMin.clear();
            keep(m, owned, maxQuota);
        } else {
            keep(m, owned, minQuota);
            if (currentOverMin < expectedOverMin)
                exactlyMin.push_back(m);
        }
    }

    const auto byId = [&g](MemberIndex a, MemberIndex b) { return g.idRank[at(a)] < g.idRank[at(b)]; };
    std::sort(underMin.begin(), underMin.end(), byId);
    std::sort(exactlyMin.begin(), exactlyMin.end(), byId);
    std::deque<MemberIndex> exactlyMinQueue(exactlyMin.begin(), exactlyMin.end());

    // Round robin over the members under minQuota (Kafka's iterator over a list it removes from):
    // a member that reaches minQuota leaves the rotation and queues for one more partition; once
    // nobody is under minQuota, the queue is served in order.
    std::vector<std::uint8_t> full(at(memberCount), 0);
    std::size_t liveUnderMin = underMin.size();
    std::size_t cursor = 0;
    for (PartitionIndex p = 0; p < total; ++p) {
        if (assigned[at(p)])
            continue;
        MemberIndex member = -1;
        while (cursor < underMin.size() && full[at(underMin[cursor])])
            ++cursor;
        if (cursor < underMin.size()) {
            member = underMin[cursor++];
        } else if (liveUnderMin == 0) {
            // Cannot run dry: the quotas add up to the partition count.
            assert(!exactlyMinQueue.empty());
            member = exactlyMinQueue.front();
            exactlyMinQueue.pop_front();
        } else {
            std::erase_if(underMin, [&](MemberIndex m) { return full[at(m)] != 0; });
            cursor = 0;
            member = underMin[cursor++];
        }
        std::vector<PartitionIndex> &target = out.partitions[at(member)];
        target.push_back(p);
        if (revoked[at(p)] || claims.multiplyClaimed[at(p)])
            out.transferringOwnership->push_back(p);
        const auto count = static_cast<std::int32_t>(target.size());
        if (count == minQuota) {
            full[at(member)] = 1;
            --liveUnderMin;
            exactlyMinQueue.push_back(member);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// The general path (GeneralAssignmentBuilder).

// A java.util.HashSet<TopicPartition> as far as its iteration order goes: by bucket of the spread
// hash in a table that only grows, then by insertion time within a bucket.
class JavaPartitionSet {
public:
    void insert(PartitionIndex p, std::uint64_t sequence)
    {
        m_items.emplace_back(p, sequence);
        if (m_items.size() > m_capacity / 4 * 3)
            m_capacity *= 2;
    }
    void erase(PartitionIndex p)
    {
        std::erase_if(m_items, [p](const auto &item) { return item.first == p; });
    }
    [[nodiscard]] bool empty() const { return m_items.empty(); }
    // The element a Java iterator returns first.
    template <class HashOf>
    [[nodiscard]] PartitionIndex first(const HashOf &hashOf) const
    {
        const auto key = [&](const std::pair<PartitionIndex, std::uint64_t> &item) {
            return std::pair(spread(hashOf(item.first)) & (m_capacity - 1), item.second);
        };
        const auto it = std::min_element(m_items.begin(), m_items.end(),
                                         [&](const auto &a, const auto &b) { return key(a) < key(b); });
        return it->first;
    }

private:
    std::vector<std::pair<PartitionIndex, std::uint64_t>> m_items;
    std::uint32_t m_capacity = 16;
};

class GeneralAssignment {
public:
    GeneralAssignment(const CompactGroup &g, ResolvedClaims claims)
        : m_g(g)
        , m_claims(std::move(claims))
        , m_memberCount(g.memberCount())
        , m_partitionCount(g.partitionCount())
    {
    }

    CompactAssignment run();

private:
    using SortKey = std::pair<std::int32_t, std::int32_t>; // (assignment size, member id rank)

    [[nodiscard]] const std::vector<std::int32_t> &topicsOf(MemberIndex m) const
    {
        return m_g.subscriptions[at(m_g.subscriptionOf[at(m)])];
    }
    [[nodiscard]] bool subscribes(MemberIndex m, std::int32_t topic) const
    {
        const std::vector<std::int32_t> &topics = topicsOf(m);
        return std::binary_search(topics.begin(), topics.end(), topic);
    }
    [[nodiscard]] std::int32_t sizeOf(MemberIndex m) const
    {
        return static_cast<std::int32_t>(m_current[at(m)].size());
    }
    [[nodiscard]] SortKey keyOf(MemberIndex m) const { return {sizeOf(m), m_g.idRank[at(m)]}; }
    [[nodiscard]] MemberIndex memberOf(const SortKey &key) const { return m_byRank[at(key.second)]; }
    [[nodiscard]] std::int32_t topicOf(PartitionIndex p) const { return m_g.topicOf[at(p)]; }

    void add(MemberIndex m, PartitionIndex p)
    {
        m_position[at(p)] = sizeOf(m);
        m_current[at(m)].push_back(p);
        m_owner[at(p)] = m;
    }
    void remove(MemberIndex m, PartitionIndex p)
    {
        std::vector<PartitionIndex> &list = m_current[at(m)];
        const std::int32_t pos = m_position[at(p)];
        assert(list[at(pos)] == p);
        list[at(pos)] = list.back();
        m_position[at(list[at(pos)])] = pos;
        list.pop_back();
    }

    [[nodiscard]] bool isBalanced() const;
    [[nodiscard]] bool canTopicParticipate(std::int32_t topic) const
    {
        return m_topicConsumers[at(topic)].size() >= 2;
    }
    [[nodiscard]] bool canConsumerParticipate(MemberIndex m) const;
    [[nodiscard]] std::int64_t balanceScore() const;
    void assignUnassigned(const std::vector<PartitionIndex> &unassigned);
    bool performReassignments(const std::vector<PartitionIndex> &reassignable);
    void reassignToLeastLoaded(PartitionIndex p);
    void reassign(PartitionIndex p, MemberIndex newConsumer);
    [[nodiscard]] PartitionIndex actualPartitionToMove(PartitionIndex p, MemberIndex oldConsumer,
                                                       MemberIndex newConsumer) const;
    void recordMove(PartitionIndex p, MemberIndex oldConsumer, MemberIndex newConsumer);
    void addMovement(PartitionIndex p, MemberIndex src, MemberIndex dst);
    std::pair<MemberIndex, MemberIndex> removeMovement(PartitionIndex p);

    const CompactGroup &m_g;
    ResolvedClaims m_claims;
    const std::int32_t m_memberCount;
    const PartitionIndex m_partitionCount;

    std::vector<std::vector<PartitionIndex>> m_current; // currentAssignment
    std::vector<std::int32_t> m_position;               // index of a partition in its owner's list
    std::vector<MemberIndex> m_owner;                   // currentPartitionConsumer
    std::vector<std::vector<MemberIndex>> m_topicConsumers;
    std::vector<std::int64_t> m_maxSize;                // partitions of a member's subscribed topics
    std::vector<MemberIndex> m_byRank;
    std::set<SortKey> m_sorted;                         // sortedCurrentSubscriptions
    std::vector<MemberIndex> m_previousOwner;           // prevAssignment
    std::vector<std::int32_t> m_previousGeneration;
    std::vector<std::uint8_t> m_participates;

    // PartitionMovements.
    std::vector<std::pair<MemberIndex, MemberIndex>> m_moved; // partition -> (src, dst), -1 when none
    std::vector<std::map<std::pair<MemberIndex, MemberIndex>, JavaPartitionSet>> m_movesByTopic;
    std::uint64_t m_sequence = 0;
};

bool GeneralAssignment::canConsumerParticipate(MemberIndex m) const
{
    if (sizeOf(m) < m_maxSize[at(m)])
        return true;
    return std::any_of(m_current[at(m)].begin(), m_current[at(m)].end(),
                       [&](PartitionIndex p) { return canTopicParticipate(topicOf(p)); });
}

bool GeneralAssignment::isBalanced() const
{
    const std::int32_t min = m_sorted.begin()->first;
    const std::int32_t max = m_sorted.rbegin()->first;
    if (min >= max - 1)
        return true;
    // Can some partition move to a member with two or more fewer partitions than its owner?
    for (const SortKey &key : m_sorted) {
        const MemberIndex m = memberOf(key);
        const std::int32_t size = key.first;
        if (size == m_maxSize[at(m)])
            continue;
        for (const std::int32_t topic : topicsOf(m)) {
            for (PartitionIndex p = m_g.topicFirst[at(topic)]; p < m_g.topicFirst[at(topic) + 1]; ++p) {
                const MemberIndex owner = m_owner[at(p)];
                if (owner != m && owner >= 0 && size + 1 < sizeOf(owner))
                    return false;
            }
        }
    }
    return true;
}

std::int64_t GeneralAssignment::balanceScore() const
{
    // Sum of |a - b| over all pairs of participating members.
    std::vector<std::int64_t> sizes;
    for (MemberIndex m = 0; m < m_memberCount; ++m) {
        if (m_participates[at(m)])
            sizes.push_back(sizeOf(m));
    }
    std::sort(sizes.begin(), sizes.end());
    std::int64_t score = 0;
    std::int64_t prefix = 0;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        score += sizes[i] * static_cast<std::int64_t>(i) - prefix;
        prefix += sizes[i];
    }
    return score;
}

void GeneralAssignment::assignUnassigned(const std::vector<PartitionIndex> &unassigned)
{
    for (const PartitionIndex p : unassigned) {
        const std::int32_t topic = topicOf(p);
        if (m_topicConsumers[at(topic)].empty())
            continue;
        for (auto it = m_sorted.begin(); it != m_sorted.end(); ++it) {
            const MemberIndex m = memberOf(*it);
            if (!subscribes(m, topic))
                continue;
            m_sorted.erase(it);
            add(m, p);
            m_sorted.insert(keyOf(m));
            break;
        }
    }
}

void GeneralAssignment::addMovement(PartitionIndex p, MemberIndex src, MemberIndex dst)
{
    m_moved[at(p)] = {src, dst};
    m_movesByTopic[at(topicOf(p))][{src, dst}].insert(p, m_sequence++);
}

std::pair<MemberIndex, MemberIndex> GeneralAssignment::removeMovement(PartitionIndex p)
{
    const std::pair<MemberIndex, MemberIndex> pair = m_moved[at(p)];
    m_moved[at(p)] = {-1, -1};
    auto &byPair = m_movesByTopic[at(topicOf(p))];
    const auto it = byPair.find(pair);
    it->second.erase(p);
    if (it->second.empty())
        byPair.erase(it);
    return pair;
}

void GeneralAssignment::recordMove(PartitionIndex p, MemberIndex oldConsumer, MemberIndex newConsumer)
{
    if (m_moved[at(p)].first >= 0) {
        const auto existing = removeMovement(p);
        assert(existing.second == oldConsumer);
        if (existing.first != newConsumer)
            addMovement(p, existing.first, newConsumer); // not moving back to where it came from
    } else {
        addMovement(p, oldConsumer, newConsumer);
    }
}

PartitionIndex GeneralAssignment::actualPartitionToMove(PartitionIndex p, MemberIndex oldConsumer,
                                                        MemberIndex newConsumer) const
{
    const auto &byPair = m_movesByTopic[at(topicOf(p))];
    if (byPair.empty())
        return p;
    if (m_moved[at(p)].first >= 0)
        oldConsumer = m_moved[at(p)].first;
    // Prefer undoing an earlier move of this topic from newConsumer to oldConsumer.
    const auto it = byPair.find({newConsumer, oldConsumer});
    if (it == byPair.end())
        return p;
    return it->second.first([this](PartitionIndex q) {
        const std::int32_t topic = topicOf(q);
        const std::int32_t partition = m_g.partitionNumber(q);
        // Kafka's TopicPartition.hashCode.
        const auto h = static_cast<std::uint32_t>(31 + partition) * 31u
            + static_cast<std::uint32_t>(m_g.topicJavaHash[at(topic)]);
        return static_cast<std::int32_t>(h);
    });
}

void GeneralAssignment::reassign(PartitionIndex p, MemberIndex newConsumer)
{
    const PartitionIndex moving = actualPartitionToMove(p, m_owner[at(p)], newConsumer);
    const MemberIndex oldConsumer = m_owner[at(moving)];
    m_sorted.erase(keyOf(oldConsumer));
    m_sorted.erase(keyOf(newConsumer));
    recordMove(moving, oldConsumer, newConsumer);
    remove(oldConsumer, moving);
    add(newConsumer, moving);
    m_sorted.insert(keyOf(newConsumer));
    m_sorted.insert(keyOf(oldConsumer));
}

void GeneralAssignment::reassignToLeastLoaded(PartitionIndex p)
{
    const std::int32_t topic = topicOf(p);
    for (const SortKey &key : m_sorted) {
        if (subscribes(memberOf(key), topic)) {
            reassign(p, memberOf(key));
            return;
        }
    }
    assert(false && "a reassignable partition has a subscriber");
}

bool GeneralAssignment::performReassignments(const std::vector<PartitionIndex> &reassignable)
{
    bool performed = false;
    bool modified = false;
    do {
        modified = false;
        for (auto it = reassignable.begin(); it != reassignable.end() && !isBalanced(); ++it) {
            const PartitionIndex p = *it;
            const MemberIndex consumer = m_owner[at(p)];
            assert(consumer >= 0);
            const MemberIndex previous = m_previousOwner[at(p)];
            // Kafka moves the partition back to its owner of an older generation when that one
            // has two or more fewer partitions. (Kafka does not check that the older owner still
            // subscribes to the topic and takes part; we do, so the result stays valid.)
            if (previous >= 0 && m_participates[at(previous)] && subscribes(previous, topicOf(p))
                && sizeOf(consumer) > sizeOf(previous) + 1) {
                reassign(p, previous);
                performed = modified = true;
                continue;
            }
            const std::vector<MemberIndex> &candidates = m_topicConsumers[at(topicOf(p))];
            const bool better = std::any_of(candidates.begin(), candidates.end(), [&](MemberIndex other) {
                return m_participates[at(other)] && sizeOf(consumer) > sizeOf(other) + 1;
            });
            if (better) {
                reassignToLeastLoaded(p);
                performed = modified = true;
            }
        }
    } while (modified);
    return performed;
}

CompactAssignment GeneralAssignment::run()
{
    const std::int32_t topicCount = static_cast<std::int32_t>(m_g.topicNames.size());
    m_current.resize(at(m_memberCount));
    m_position.assign(at(m_partitionCount), -1);
    m_owner.assign(at(m_partitionCount), -1);
    m_topicConsumers.resize(at(topicCount));
    m_maxSize.assign(at(m_memberCount), 0);
    m_byRank.assign(at(m_memberCount), -1);
    m_participates.assign(at(m_memberCount), 1);
    m_moved.assign(at(m_partitionCount), {-1, -1});
    m_movesByTopic.resize(at(topicCount));
    for (MemberIndex m = 0; m < m_memberCount; ++m) {
        m_byRank[at(m_g.idRank[at(m)])] = m;
        for (const std::int32_t topic : topicsOf(m)) {
            m_topicConsumers[at(topic)].push_back(m);
            m_maxSize[at(m)] += m_g.topicFirst[at(topic) + 1] - m_g.topicFirst[at(topic)];
        }
    }

    // prevAssignment: the claims of members older than the newest generation; the highest
    // generation wins, the first seen among equals.
    m_previousOwner.assign(at(m_partitionCount), -1);
    m_previousGeneration.assign(at(m_partitionCount), -1);
    for (const MemberIndex m : m_g.javaOrder) {
        const std::int32_t generation = m_g.generation[at(m)];
        if (generation >= m_claims.maxGeneration)
            continue;
        for (const PartitionIndex p : m_g.claims[at(m)]) {
            if (p < 0)
                continue;
            if (m_previousOwner[at(p)] < 0 || generation > m_previousGeneration[at(p)]) {
                m_previousOwner[at(p)] = m;
                m_previousGeneration[at(p)] = generation;
            }
        }
    }

    // Keep the valid owned partitions of topics the member still subscribes to.
    bool revocationRequired = false;
    for (MemberIndex m = 0; m < m_memberCount; ++m) {
        for (const PartitionIndex p : m_claims.owned[at(m)]) {
            if (subscribes(m, topicOf(p)))
                add(m, p);
            else
                revocationRequired = true;
        }
    }

    // All partitions, topics with fewer potential consumers first (then by name).
    std::vector<std::int32_t> topicOrder(at(topicCount));
    std::iota(topicOrder.begin(), topicOrder.end(), 0);
    std::stable_sort(topicOrder.begin(), topicOrder.end(), [&](std::int32_t a, std::int32_t b) {
        return m_topicConsumers[at(a)].size() < m_topicConsumers[at(b)].size();
    });
    std::vector<PartitionIndex> sortedAll;
    std::vector<PartitionIndex> unassigned;
    sortedAll.reserve(at(m_partitionCount));
    for (const std::int32_t topic : topicOrder) {
        for (PartitionIndex p = m_g.topicFirst[at(topic)]; p < m_g.topicFirst[at(topic) + 1]; ++p) {
            sortedAll.push_back(p);
            if (m_owner[at(p)] < 0)
                unassigned.push_back(p);
        }
    }

    for (MemberIndex m = 0; m < m_memberCount; ++m)
        m_sorted.insert(keyOf(m));

    // balance()
    const bool initializing = m_sorted.rbegin()->first == 0;
    assignUnassigned(unassigned);

    const auto fixedTopic = [&](PartitionIndex p) { return !canTopicParticipate(topicOf(p)); };
    std::erase_if(sortedAll, fixedTopic);
    std::erase_if(unassigned, fixedTopic);
    for (MemberIndex m = 0; m < m_memberCount; ++m) {
        if (!canConsumerParticipate(m)) {
            m_sorted.erase(keyOf(m));
            m_participates[at(m)] = 0;
        }
    }

    if (!m_sorted.empty()) {
        const std::vector<std::vector<PartitionIndex>> preBalance = m_current;
        const std::vector<MemberIndex> preBalanceOwner = m_owner;
        const std::vector<std::int32_t> preBalancePosition = m_position;
        const std::int64_t preBalanceScore = balanceScore();

        if (!revocationRequired)
            performReassignments(unassigned);
        const bool performed = performReassignments(sortedAll);

        // Keep the moves only if they improved the balance (unless nothing was assigned before).
        if (!initializing && performed && balanceScore() >= preBalanceScore) {
            m_current = preBalance;
            m_owner = preBalanceOwner;
            m_position = preBalancePosition;
        }
    }

    CompactAssignment out;
    out.partitions = std::move(m_current);
    return out;
}

} // namespace

std::int32_t javaStringHash(std::string_view utf8)
{
    std::uint32_t h = 0;
    const auto unit = [&h](std::uint32_t u) { h = 31u * h + u; };
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b0 = static_cast<unsigned char>(utf8[i]);
        std::size_t length = 1;
        std::uint32_t cp = b0;
        if (b0 >= 0xC0 && b0 < 0xE0)
            length = 2, cp = b0 & 0x1Fu;
        else if (b0 >= 0xE0 && b0 < 0xF0)
            length = 3, cp = b0 & 0x0Fu;
        else if (b0 >= 0xF0 && b0 < 0xF8)
            length = 4, cp = b0 & 0x07u;
        bool valid = length > 1 && i + length <= utf8.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            const auto b = static_cast<unsigned char>(utf8[i + k]);
            if ((b & 0xC0u) != 0x80u)
                valid = false;
            else
                cp = (cp << 6) | (b & 0x3Fu);
        }
        if (!valid) {
            unit(b0);
            ++i;
            continue;
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(0xD800u + (cp >> 10));
            unit(0xDC00u + (cp & 0x3FFu));
        } else {
            unit(cp);
        }
        i += length;
    }
    return static_cast<std::int32_t>(h);
}

Result<CompactGroup> compactGroup(const PartitionsPerTopic &partitionsPerTopic, const std::vector<AssignorMember> &members)
{
    if (Status s = validateAssignorInput(partitionsPerTopic, members); !s.isOk())
        return s;
    CompactGroup g;
    const auto memberCount = static_cast<std::int32_t>(members.size());

    // Every known topic, by name; `used` marks the subscribed ones.
    std::vector<std::string_view> known;
    std::vector<std::int32_t> knownCount;
    std::unordered_map<std::string_view, std::int32_t> knownIndex;
    known.reserve(partitionsPerTopic.size());
    knownIndex.reserve(partitionsPerTopic.size() * 2);
    for (const auto &[topic, count] : partitionsPerTopic) {
        knownIndex.emplace(topic, static_cast<std::int32_t>(known.size()));
        known.push_back(topic);
        knownCount.push_back(count);
    }
    std::vector<std::uint8_t> used(known.size(), 0);

    // Subscriptions, first in known-topic indices; a member whose list equals the previous
    // member's shares its subscription.
    std::vector<std::string_view> firstRawSet;
    g.subscriptionOf.resize(at(memberCount));
    for (std::int32_t m = 0; m < memberCount; ++m) {
        const std::vector<std::string> &topics = members[at(m)].topics;
        if (m > 0 && topics == members[at(m - 1)].topics) {
            g.subscriptionOf[at(m)] = g.subscriptionOf[at(m - 1)];
            continue;
        }
        std::vector<std::string_view> rawSet(topics.begin(), topics.end());
        std::sort(rawSet.begin(), rawSet.end());
        rawSet.erase(std::unique(rawSet.begin(), rawSet.end()), rawSet.end());
        if (m == 0)
            firstRawSet = rawSet;
        else if (rawSet != firstRawSet)
            g.allSubscriptionsEqual = false;
        std::vector<std::int32_t> interned;
        for (const std::string_view topic : rawSet) {
            const auto it = knownIndex.find(topic);
            if (it != knownIndex.end()) {
                interned.push_back(it->second);
                used[at(it->second)] = 1;
            }
        }
        g.subscriptionOf[at(m)] = static_cast<std::int32_t>(g.subscriptions.size());
        g.subscriptions.push_back(std::move(interned)); // sorted: rawSet is in name order
    }

    // Compact topic indices: the used topics, still in name order.
    std::vector<std::int32_t> compactIndex(known.size(), -1);
    g.topicFirst.push_back(0);
    for (std::size_t k = 0; k < known.size(); ++k) {
        if (!used[k])
            continue;
        compactIndex[k] = static_cast<std::int32_t>(g.topicNames.size());
        g.topicNames.push_back(known[k]);
        g.topicJavaHash.push_back(javaStringHash(known[k]));
        g.topicFirst.push_back(g.topicFirst.back() + knownCount[k]);
    }
    for (std::vector<std::int32_t> &subscription : g.subscriptions) {
        for (std::int32_t &topic : subscription)
            topic = compactIndex[at(topic)];
    }
    g.topicOf.resize(at(g.topicFirst.back()));
    for (std::size_t t = 0; t + 1 < g.topicFirst.size(); ++t)
        std::fill(g.topicOf.begin() + g.topicFirst[t], g.topicOf.begin() + g.topicFirst[t + 1], static_cast<std::int32_t>(t));

    g.generation.resize(at(memberCount));
    g.claims.resize(at(memberCount));
    for (std::int32_t m = 0; m < memberCount; ++m) {
        const AssignorMember &member = members[at(m)];
        g.generation[at(m)] = member.generation;
        std::vector<PartitionIndex> &claims = g.claims[at(m)];
        claims.reserve(member.ownedPartitions.size());
        for (const TopicPartition &tp : member.ownedPartitions) {
            PartitionIndex id = -1;
            const auto it = knownIndex.find(tp.topic);
            if (it != knownIndex.end()) {
                const std::int32_t t = compactIndex[at(it->second)];
                const std::int32_t partition = tp.partition.value();
                if (t >= 0 && partition >= 0 && partition < knownCount[at(it->second)])
                    id = g.topicFirst[at(t)] + partition;
            }
            claims.push_back(id);
        }
    }

    // Java's HashMap iteration order and member id order.
    const std::uint32_t capacity = javaHashMapCapacity(members.size());
    std::vector<std::uint32_t> bucket(at(memberCount));
    for (std::int32_t m = 0; m < memberCount; ++m)
        bucket[at(m)] = spread(javaStringHash(members[at(m)].memberId)) & (capacity - 1);
    g.javaOrder.resize(at(memberCount));
    std::iota(g.javaOrder.begin(), g.javaOrder.end(), 0);
    std::stable_sort(g.javaOrder.begin(), g.javaOrder.end(),
                     [&](MemberIndex a, MemberIndex b) { return bucket[at(a)] < bucket[at(b)]; });
    std::vector<MemberIndex> byId(at(memberCount));
    std::iota(byId.begin(), byId.end(), 0);
    std::sort(byId.begin(), byId.end(),
              [&](MemberIndex a, MemberIndex b) { return members[at(a)].memberId < members[at(b)].memberId; });
    g.idRank.resize(at(memberCount));
    for (std::int32_t r = 0; r < memberCount; ++r)
        g.idRank[at(byId[at(r)])] = r;
    return g;
}

CompactAssignment assign(const CompactGroup &group)
{
    if (group.memberCount() == 0)
        return CompactAssignment{};
    ResolvedClaims claims = resolveClaims(group);
    if (group.allSubscriptionsEqual)
        return constrainedAssign(group, std::move(claims));
    return GeneralAssignment(group, std::move(claims)).run();
}

GroupAssignment toGroupAssignment(const CompactGroup &group, const std::vector<AssignorMember> &members,
                                  std::vector<std::vector<PartitionIndex>> partitions)
{
    GroupAssignment out;
    for (std::size_t m = 0; m < members.size(); ++m) {
        std::vector<TopicPartition> &target = out[members[m].memberId];
        if (m >= partitions.size())
            continue;
        std::vector<PartitionIndex> &ids = partitions[m];
        if (!std::is_sorted(ids.begin(), ids.end()))
            std::sort(ids.begin(), ids.end());
        target.reserve(ids.size());
        for (const PartitionIndex p : ids) {
            const std::int32_t topic = group.topicOf[at(p)];
            target.push_back(TopicPartition{std::string(group.topicNames[at(topic)]),
                                            PartitionId{p - group.topicFirst[at(topic)]}});
        }
    }
    return out;
}

} // namespace kafkascope::sticky
