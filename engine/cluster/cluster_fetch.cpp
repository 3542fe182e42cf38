// The broker side of a consumer's Fetch (Kafka's ReplicaManager.fetchMessages for a consumer
// and its DelayedFetch): read the requested partitions from the leader's log below the high
// watermark, answer at once when fetch.min.bytes are there, else hold the request until they
// are, the leader moves, or fetch.max.wait.ms passes. docs/GROUPS.md, "Fetching".
#include "cluster.h"

#include "log/record_batch.h"

#include <algorithm>

namespace kafkascope {

void Cluster::sendConsumerFetch(ConsumerId from, BrokerId to, ConsumerFetchRequest request,
                                std::function<void(const ConsumerFetchResponse &)> onResponse)
{
    // The consumer sends a new request to a broker only when the last one is answered or timed
    // out (lost on the network): forget a lost one.
    for (auto it = m_consumerFetches.begin(); it != m_consumerFetches.end();) {
        if (it->second.from == from && it->second.to == to)
            it = m_consumerFetches.erase(it);
        else
            ++it;
    }
    if (!isAlive(to)) {
        ConsumerFetchResponse disconnected;
        disconnected.disconnected = true;
        m_scheduler.scheduleFor(consumerNode(from), m_scheduler.now() + m_network.defaultLatency(), EventPriority::Network,
                                [onResponse, disconnected] { onResponse(disconnected); });
        return;
    }
    const std::uint64_t id = ++m_lastConsumerFetch;
    m_consumerFetches.emplace(id, ConsumerFetch{from, to, std::move(request), std::move(onResponse), false});
    m_network.send(consumerNode(from), nodeOf(to), [this, id] { handleConsumerFetch(id); });
}

ConsumerFetchResponse Cluster::readConsumerFetch(BrokerId broker, const ConsumerFetchRequest &request, bool &ready)
{
    ConsumerFetchResponse response;
    ready = request.maxWaitMs <= 0;
    std::int64_t total = 0;
    // fetch.max.bytes and max.partition.fetch.bytes are not absolute: the first batch of the
    // first partition that returns data comes back whatever its size (Kafka's minOneMessage,
    // KIP-74), so the consumer always makes progress.
    bool minOneBatch = true;
    for (const ConsumerFetchRequest::Partition &part : request.partitions) {
        ConsumerFetchResponse::Partition out;
        out.tp = part.tp;
        out.fetchOffset = part.fetchOffset;
        out.nextFetchOffset = part.fetchOffset;
        const PartitionState *state = partitionState(part.tp);
        if (!state) {
            out.error = FetchError::UnknownTopicOrPartition;
        } else if (state->leader != broker || !isAlive(broker)) {
            out.error = FetchError::NotLeaderOrFollower;
        } else {
            const Replica &leader = *state->leaderReplica();
            const PartitionLog &log = *leader.log;
            const std::int64_t hw = leader.highWatermark;
            const std::int64_t limit =
                std::min<std::int64_t>(request.partitionMaxBytes, std::max<std::int64_t>(0, request.maxBytes - total));
            if (part.fetchOffset < log.logStartOffset() || part.fetchOffset > log.logEndOffset()) {
                out.error = FetchError::OffsetOutOfRange;
            } else if (part.fetchOffset < hw) {
                // A consumer (read_uncommitted) reads below the high watermark only.
                auto fetched = log.read(part.fetchOffset, static_cast<std::size_t>(limit), minOneBatch, hw);
                if (!fetched.isOk()) {
                    out.error = FetchError::OffsetOutOfRange;
                } else {
                    std::string_view bytes = fetched.value().records;
                    out.bytes = static_cast<std::int64_t>(bytes.size());
                    while (!bytes.empty()) {
                        auto batch = decodeBatch(bytes);
                        if (!batch.isOk())
                            break;
                        for (const Record &r : batch.value().records)
                            if (r.offset.value() >= part.fetchOffset && r.offset.value() < hw)
                                out.offsets.push_back(r.offset.value());
                        bytes.remove_prefix(batch.value().header.sizeInBytes());
                    }
                    if (out.bytes > 0) {
                        out.nextFetchOffset = std::clamp(fetched.value().nextFetchOffset, part.fetchOffset, hw);
                        minOneBatch = false;
                    }
                    total += out.bytes;
                }
            }
        }
        // Kafka's DelayedFetch completes at once on an error (leader moved, offset out of range).
        if (out.error != FetchError::None)
            ready = true;
        response.partitions.push_back(std::move(out));
    }
    if (total >= request.minBytes)
        ready = true;
    return response;
}

void Cluster::handleConsumerFetch(std::uint64_t id)
{
    const auto it = m_consumerFetches.find(id);
    if (it == m_consumerFetches.end() || !isAlive(it->second.to))
        return; // replaced by a newer request, or the broker is down (its connections dropped)
    ConsumerFetch &fetch = it->second;
    bool ready = false;
    ConsumerFetchResponse response = readConsumerFetch(fetch.to, fetch.request, ready);
    if (ready) {
        answerConsumerFetch(id, std::move(response));
        return;
    }
    // Held (Kafka's DelayedFetch): answered when enough arrives (completeDelayedConsumerFetches)
    // or, with whatever is there, when fetch.max.wait.ms is up.
    fetch.parked = true;
    m_scheduler.scheduleAfter(SimDuration::millis(fetch.request.maxWaitMs), EventPriority::Timer, [this, id] {
        const auto held = m_consumerFetches.find(id);
        if (held == m_consumerFetches.end() || !held->second.parked)
            return;
        bool unused = false;
        answerConsumerFetch(id, readConsumerFetch(held->second.to, held->second.request, unused));
    });
}

void Cluster::answerConsumerFetch(std::uint64_t id, ConsumerFetchResponse response)
{
    const auto it = m_consumerFetches.find(id);
    if (it == m_consumerFetches.end())
        return;
    const ConsumerFetch fetch = std::move(it->second);
    m_consumerFetches.erase(it);
    if (!isAlive(fetch.to)) {
        // The broker died before it answered: the connection drops.
        ConsumerFetchResponse disconnected;
        disconnected.disconnected = true;
        m_scheduler.scheduleFor(consumerNode(fetch.from), m_scheduler.now() + m_network.defaultLatency(), EventPriority::Network,
                                [onResponse = fetch.onResponse, disconnected] { onResponse(disconnected); });
        return;
    }
    m_network.send(nodeOf(fetch.to), consumerNode(fetch.from),
                   [onResponse = fetch.onResponse, response = std::move(response)] { onResponse(response); });
}

void Cluster::completeDelayedConsumerFetches(const PartitionState &state)
{
    if (m_consumerFetches.empty())
        return;
    std::vector<std::uint64_t> due;
    for (const auto &[id, fetch] : m_consumerFetches) {
        if (!fetch.parked)
            continue;
        const bool asks = std::any_of(fetch.request.partitions.begin(), fetch.request.partitions.end(),
                                      [&state](const ConsumerFetchRequest::Partition &p) { return p.tp == state.tp; });
        if (asks)
            due.push_back(id);
    }
    for (const std::uint64_t id : due) {
        const ConsumerFetch &fetch = m_consumerFetches.at(id);
        bool ready = false;
        ConsumerFetchResponse response = readConsumerFetch(fetch.to, fetch.request, ready);
        if (ready)
            answerConsumerFetch(id, std::move(response));
    }
}

void Cluster::dropConsumerFetches(BrokerId id)
{
    // The broker's process is gone: its sockets close, and every consumer with a request to it
    // (in flight or held) sees its connection drop.
    std::vector<std::uint64_t> dropped;
    for (const auto &[fetchId, fetch] : m_consumerFetches)
        if (fetch.to == id)
            dropped.push_back(fetchId);
    for (const std::uint64_t fetchId : dropped) {
        const ConsumerFetch fetch = std::move(m_consumerFetches.at(fetchId));
        m_consumerFetches.erase(fetchId);
        ConsumerFetchResponse disconnected;
        disconnected.disconnected = true;
        m_scheduler.scheduleFor(consumerNode(fetch.from), m_scheduler.now() + m_network.defaultLatency(), EventPriority::Network,
                                [onResponse = fetch.onResponse, disconnected] { onResponse(disconnected); });
    }
}

} // namespace kafkascope
