#include "leader_epoch_cache.h"

#include <algorithm>
#include <charconv>

namespace kafkascope {

void LeaderEpochCache::assign(std::int32_t epoch, std::int64_t startOffset)
{
    if (!m_entries.empty() && epoch <= m_entries.back().epoch)
        return;
    // Keep start offsets increasing: later-or-equal starts from earlier epochs are stale.
    while (!m_entries.empty() && m_entries.back().startOffset >= startOffset)
        m_entries.pop_back();
    m_entries.push_back({epoch, startOffset});
}

std::pair<std::int32_t, std::int64_t> LeaderEpochCache::endOffsetFor(std::int32_t requestedEpoch,
                                                                     std::int64_t logEndOffset) const
{
    if (m_entries.empty())
        return {-1, -1};
    if (requestedEpoch == m_entries.back().epoch)
        return {requestedEpoch, logEndOffset};
    // The first entry with an epoch greater than requested.
    const auto higher = std::upper_bound(m_entries.begin(), m_entries.end(), requestedEpoch,
                                         [](std::int32_t e, const Entry &entry) { return e < entry.epoch; });
    if (higher == m_entries.begin())
        return {-1, -1};
    if (higher == m_entries.end())
        return {m_entries.back().epoch, logEndOffset};
    return {std::prev(higher)->epoch, higher->startOffset};
}

void LeaderEpochCache::truncateFromEnd(std::int64_t offset)
{
    while (!m_entries.empty() && m_entries.back().startOffset >= offset)
        m_entries.pop_back();
}

void LeaderEpochCache::truncateFromStart(std::int64_t offset)
{
    // Drop entries wholly before `offset`; the one that holds it now starts there.
    while (m_entries.size() > 1 && m_entries[1].startOffset <= offset)
        m_entries.erase(m_entries.begin());
    if (!m_entries.empty() && m_entries.front().startOffset < offset)
        m_entries.front().startOffset = offset;
}

std::string LeaderEpochCache::serialize() const
{
    std::string out = "0\n" + std::to_string(m_entries.size()) + "\n";
    for (const Entry &e : m_entries)
        out += std::to_string(e.epoch) + " " + std::to_string(e.startOffset) + "\n";
    return out;
}

Result<LeaderEpochCache> LeaderEpochCache::parse(std::string_view text)
{
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        lines.push_back(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    }
    auto toInt = [](std::string_view s, auto &out) {
        const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        return ec == std::errc{} && p == s.data() + s.size();
    };
    std::int32_t version = -1;
    std::int64_t count = -1;
    if (lines.size() < 2 || !toInt(lines[0], version) || version != 0)
        return Status::corruption("leader-epoch-checkpoint: line 1: expected version 0");
    if (!toInt(lines[1], count) || count < 0 || static_cast<std::size_t>(count) > lines.size() - 2)
        return Status::corruption("leader-epoch-checkpoint: line 2: bad entry count");
    LeaderEpochCache cache;
    for (std::int64_t i = 0; i < count; ++i) {
        const std::string_view line = lines[static_cast<std::size_t>(i) + 2];
        const auto space = line.find(' ');
        Entry e;
        if (space == std::string_view::npos || !toInt(line.substr(0, space), e.epoch)
            || !toInt(line.substr(space + 1), e.startOffset) || e.epoch < 0 || e.startOffset < 0)
            return Status::corruption("leader-epoch-checkpoint: line " + std::to_string(i + 3)
                                      + ": expected '<epoch> <start offset>'");
        if (!cache.m_entries.empty()
            && (e.epoch <= cache.m_entries.back().epoch || e.startOffset < cache.m_entries.back().startOffset))
            return Status::corruption("leader-epoch-checkpoint: line " + std::to_string(i + 3)
                                      + ": epochs and offsets must increase");
        cache.m_entries.push_back(e);
    }
    return cache;
}

std::int64_t followerTruncationOffset(const LeaderEpochCache &followerCache, std::int64_t followerLogEnd,
                                      std::int64_t followerHighWatermark, std::int32_t leaderEpoch,
                                      std::int64_t leaderEndOffset)
{
    if (leaderEpoch < 0 || leaderEndOffset < 0)
        return std::min(followerHighWatermark, followerLogEnd);
    // Kafka's AbstractFetcherThread.getOffsetTruncationState: when the leader's answer is for an
    // older epoch than the follower asked about, compare against the follower's own end of that epoch.
    const auto latest = followerCache.latestEpoch();
    if (latest && leaderEpoch < *latest) {
        const auto [ownEpoch, ownEnd] = followerCache.endOffsetFor(leaderEpoch, followerLogEnd);
        if (ownEpoch == leaderEpoch)
            return std::min({ownEnd, leaderEndOffset, followerLogEnd});
    }
    return std::min(followerLogEnd, leaderEndOffset);
}

} // namespace kafkascope
