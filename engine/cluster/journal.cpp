#include "journal.h"

#include "cluster/broker_list.h"
#include "core/state_hash.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace kafkascope {

const char *journalEventKindName(JournalEventKind kind)
{
    switch (kind) {
    case JournalEventKind::BrokerAdded: return "broker_added";
    case JournalEventKind::BrokerCrashed: return "broker_crashed";
    case JournalEventKind::BrokerRestarted: return "broker_restarted";
    case JournalEventKind::BrokerShutDown: return "broker_shut_down";
    case JournalEventKind::BrokerDecommissioned: return "broker_decommissioned";
    case JournalEventKind::ControllerChanged: return "controller_changed";
    case JournalEventKind::TopicCreated: return "topic_created";
    case JournalEventKind::PartitionsAdded: return "partitions_added";
    case JournalEventKind::TopicDeleted: return "topic_deleted";
    case JournalEventKind::LeaderElected: return "leader_elected";
    case JournalEventKind::PartitionOffline: return "partition_offline";
    case JournalEventKind::IsrChanged: return "isr_changed";
    case JournalEventKind::ReassignmentStarted: return "reassignment_started";
    case JournalEventKind::ReassignmentCompleted: return "reassignment_completed";
    case JournalEventKind::RecordsAppended: return "records_appended";
    case JournalEventKind::RecordsReplicated: return "records_replicated";
    case JournalEventKind::HighWatermarkAdvanced: return "high_watermark_advanced";
    case JournalEventKind::LogTruncated: return "log_truncated";
    case JournalEventKind::ProducerAdded: return "producer_added";
    case JournalEventKind::ConsumerAdded: return "consumer_added";
    case JournalEventKind::NetworkChanged: return "network_changed";
    case JournalEventKind::ConsumerClosed: return "consumer_closed";
    case JournalEventKind::ConsumerCrashed: return "consumer_crashed";
    case JournalEventKind::ClientProcessPaused: return "client_process_paused";
    case JournalEventKind::ClientProcessResumed: return "client_process_resumed";
    case JournalEventKind::ConsumerPollTimeout: return "consumer_poll_timeout";
    case JournalEventKind::PartitionsRevoked: return "partitions_revoked";
    case JournalEventKind::PartitionsAssigned: return "partitions_assigned";
    case JournalEventKind::PartitionsLost: return "partitions_lost";
    case JournalEventKind::ConsumerSeek: return "consumer_seek";
    case JournalEventKind::ConsumerPaused: return "consumer_paused";
    case JournalEventKind::ConsumerResumed: return "consumer_resumed";
    case JournalEventKind::GroupMemberJoined: return "group_member_joined";
    case JournalEventKind::GroupMemberRemoved: return "group_member_removed";
    case JournalEventKind::GroupRebalanceStarted: return "group_rebalance_started";
    case JournalEventKind::GroupGenerationStarted: return "group_generation_started";
    case JournalEventKind::GroupStateChanged: return "group_state_changed";
    case JournalEventKind::GroupLoaded: return "group_loaded";
    case JournalEventKind::GroupUnloaded: return "group_unloaded";
    case JournalEventKind::GroupOffsetsReset: return "group_offsets_reset";
    case JournalEventKind::ConsumerProcessingTimeChanged: return "consumer_processing_time_changed";
    case JournalEventKind::LogSegmentsDeleted: return "log_segments_deleted";
    case JournalEventKind::LogCompacted: return "log_compacted";
    case JournalEventKind::ConsumerMetadataChanged: return "consumer_metadata_changed";
    case JournalEventKind::ProducerEpochBumped: return "producer_epoch_bumped";
    case JournalEventKind::BrokerFenced: return "broker_fenced";
    case JournalEventKind::BrokerUnfenced: return "broker_unfenced";
    case JournalEventKind::BrokerRackSet: return "broker_rack_set";
    }
    return "unknown";
}

namespace {

std::string partitionName(const JournalEvent &e)
{
    return e.topic + "-" + std::to_string(e.partition);
}

} // namespace

std::string describeJournalEvent(const JournalEvent &e)
{
    const std::string b = std::to_string(e.broker);
    switch (e.kind) {
    case JournalEventKind::BrokerAdded:
        return "broker " + b + " joined the cluster" + (e.detail.empty() ? std::string() : " in rack " + e.detail);
    case JournalEventKind::BrokerRackSet: return "broker " + b + " is in rack " + e.detail;
    case JournalEventKind::BrokerCrashed: return "broker " + b + " crashed";
    case JournalEventKind::BrokerRestarted: return "broker " + b + " restarted";
    case JournalEventKind::BrokerShutDown: return "broker " + b + " shut down (controlled)";
    case JournalEventKind::BrokerDecommissioned: return "broker " + b + " was decommissioned and left the cluster";
    case JournalEventKind::ControllerChanged:
        return e.broker < 0 ? std::string("no controller: every broker is down") : "broker " + b + " is the controller";
    case JournalEventKind::TopicCreated:
        return "topic " + e.topic + " created: " + std::to_string(e.count) + " partitions, replication factor "
            + std::to_string(e.value);
    case JournalEventKind::PartitionsAdded:
        return "topic " + e.topic + " grew from " + std::to_string(e.value) + " to " + std::to_string(e.count) + " partitions";
    case JournalEventKind::TopicDeleted: return "topic " + e.topic + " deleted";
    case JournalEventKind::LeaderElected:
        return partitionName(e) + ": broker " + b + " elected leader, epoch " + std::to_string(e.leaderEpoch) + " ("
            + e.detail + ")";
    case JournalEventKind::PartitionOffline:
        return partitionName(e) + " is offline: no replica may lead (epoch " + std::to_string(e.leaderEpoch) + ")";
    case JournalEventKind::IsrChanged:
        return partitionName(e) + ": ISR is now " + brokerListText(e.brokers) + (e.detail.empty() ? "" : " (" + e.detail + ")");
    case JournalEventKind::ReassignmentStarted:
        return partitionName(e) + ": reassignment to " + brokerListText(e.brokers) + " started";
    case JournalEventKind::ReassignmentCompleted:
        return partitionName(e) + ": reassignment done, replicas " + brokerListText(e.brokers);
    case JournalEventKind::RecordsAppended:
        return partitionName(e) + ": leader " + b + " appended " + std::to_string(e.count) + " record(s) at offset "
            + std::to_string(e.value);
    case JournalEventKind::RecordsReplicated:
        return partitionName(e) + ": follower " + b + " copied " + std::to_string(e.count) + " record(s) at offset "
            + std::to_string(e.value);
    case JournalEventKind::HighWatermarkAdvanced:
        return partitionName(e) + ": high watermark " + std::to_string(e.value);
    case JournalEventKind::LogTruncated:
        return partitionName(e) + ": broker " + b + " truncated its log to " + std::to_string(e.value);
    case JournalEventKind::LogSegmentsDeleted:
        return partitionName(e) + ": broker " + b + " deleted " + std::to_string(e.count)
            + " segment(s) past retention; log start offset " + std::to_string(e.value);
    case JournalEventKind::LogCompacted:
        return partitionName(e) + ": broker " + b + " compacted its log, " + std::to_string(e.value) + " record(s) removed";
    case JournalEventKind::ProducerAdded: return "producer " + e.detail + " started";
    case JournalEventKind::ConsumerAdded: return "consumer " + e.detail + " started";
    case JournalEventKind::NetworkChanged: return "network: " + e.detail;
    case JournalEventKind::ConsumerClosed: return "consumer " + e.detail + " closed";
    case JournalEventKind::ConsumerCrashed: return "consumer " + e.detail + " crashed";
    case JournalEventKind::ClientProcessPaused:
        return (e.count == 0 ? "producer " : "consumer ") + e.detail + "'s process paused"
            + (e.member.empty() ? std::string(" until resumed") : " for " + e.member);
    case JournalEventKind::ClientProcessResumed:
        return (e.count == 0 ? "producer " : "consumer ") + e.detail + "'s process resumed";
    case JournalEventKind::ConsumerPollTimeout:
        return "consumer " + e.detail + ": max.poll.interval.ms expired without a poll, it left its group";
    case JournalEventKind::PartitionsRevoked: return "consumer " + e.detail + ": onPartitionsRevoked";
    case JournalEventKind::PartitionsAssigned: return "consumer " + e.detail + ": onPartitionsAssigned";
    case JournalEventKind::PartitionsLost: return "consumer " + e.detail + ": onPartitionsLost";
    case JournalEventKind::ConsumerSeek:
        return "consumer " + e.detail + " seeks " + partitionName(e) + " to offset " + std::to_string(e.count);
    case JournalEventKind::ConsumerPaused: return "consumer " + e.detail + " paused " + partitionName(e);
    case JournalEventKind::ConsumerResumed: return "consumer " + e.detail + " resumed " + partitionName(e);
    case JournalEventKind::GroupMemberJoined: return "group " + e.group + ": member " + e.member + " joined";
    case JournalEventKind::GroupMemberRemoved:
        return "group " + e.group + ": member " + e.member + " removed (" + e.detail + ")";
    case JournalEventKind::GroupRebalanceStarted:
        return "group " + e.group + ": rebalance of generation " + std::to_string(e.value) + " started (" + e.detail
            + (e.member.empty() ? std::string() : ", " + e.member) + ")";
    case JournalEventKind::GroupGenerationStarted:
        return "group " + e.group + ": generation " + std::to_string(e.value) + " with " + std::to_string(e.count)
            + " member(s), protocol " + (e.detail.empty() ? std::string("none") : e.detail)
            + (e.member.empty() ? std::string() : ", leader " + e.member);
    case JournalEventKind::GroupStateChanged: return "group " + e.group + " is " + e.detail;
    case JournalEventKind::GroupLoaded: return "group " + e.group + ": broker " + b + " is its coordinator";
    case JournalEventKind::GroupUnloaded: return "group " + e.group + ": broker " + b + " no longer coordinates it";
    case JournalEventKind::GroupOffsetsReset:
        return "group " + e.group + ": offset of " + partitionName(e) + " reset to " + std::to_string(e.value) + " ("
            + e.detail + (e.count >= 0 ? ", was " + std::to_string(e.count) : std::string(", none was committed")) + ")";
    case JournalEventKind::ConsumerProcessingTimeChanged:
        return "consumer " + e.detail + " now takes " + std::to_string(e.count) + " us per record";
    case JournalEventKind::ConsumerMetadataChanged:
        return "consumer " + e.detail + ": cached metadata has changed since the last assignment, it rejoins its group";
    case JournalEventKind::ProducerEpochBumped:
        return "producer " + e.detail + ": epoch bumped to " + std::to_string(e.count) + ", sequences restart at 0";
    case JournalEventKind::BrokerFenced:
        return "broker " + b + " fenced by the controller: no heartbeat within broker.session.timeout.ms";
    case JournalEventKind::BrokerUnfenced: return "broker " + b + " unfenced: its heartbeats reach the controller again";
    }
    return journalEventKindName(e.kind);
}

const JournalEvent &JournalWindow::at(std::size_t i) const
{
    if (i >= m_size)
        throw std::out_of_range("JournalWindow::at: index " + std::to_string(i) + " of " + std::to_string(m_size));
    return (*this)[i];
}

void Journal::setCapacity(std::size_t capacity)
{
    m_capacity = std::max<std::size_t>(1, capacity);
    // Lay the newest events that fit out from slot 0 again.
    const std::size_t keep = std::min(m_events.m_size, m_capacity);
    std::vector<JournalEvent> slots;
    slots.reserve(keep);
    for (std::size_t i = m_events.m_size - keep; i < m_events.m_size; ++i)
        slots.push_back(std::move(m_events.m_slots[(m_events.m_head + i) % m_events.m_slots.size()]));
    m_events.m_slots = std::move(slots);
    m_events.m_head = 0;
    m_events.m_size = keep;
}

namespace {
// Folds one 64-bit word into the digest (a multiply-xorshift step: cheaper than hashing the bytes
// one by one, and every bit of the word reaches every bit of the digest).
void mix(std::uint64_t &h, std::uint64_t v)
{
    h ^= v;
    h *= 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
}

void mixText(std::uint64_t &h, std::string_view text)
{
    mix(h, text.empty() ? 0 : StateHash().add(text).value());
}
} // namespace

JournalEvent &Journal::startEvent()
{
    JournalWindow &w = m_events;
    if (w.m_slots.size() < m_capacity) { // still growing: a new slot at the end
        // All the slots' memory at once, so that growing never moves the events (the pages are
        // only touched as slots fill).
        if (w.m_slots.capacity() < m_capacity)
            w.m_slots.reserve(m_capacity);
        w.m_slots.emplace_back();
        m_pending = &w.m_slots.back();
        return *m_pending;
    }
    // Full: the oldest event's slot takes the new one (dropped from the window at finishEvent).
    JournalEvent &e = w.m_slots[w.m_head];
    e.sequence = 0;
    e.time = SimTime{};
    e.kind = JournalEventKind::BrokerAdded;
    e.topic.clear();
    e.partition = -1;
    e.broker = -1;
    e.leaderEpoch = -1;
    e.value = -1;
    e.count = 0;
    e.brokers.clear();
    e.detail.clear();
    e.group.clear();
    e.member.clear();
    m_pending = &e;
    return e;
}

void Journal::finishEvent()
{
    JournalEvent &event = *m_pending;
    m_pending = nullptr;
    event.sequence = m_next++;
    std::uint64_t h = m_digest;
    mix(h, event.sequence);
    mix(h, static_cast<std::uint64_t>(event.time.micros()));
    mix(h, static_cast<std::uint64_t>(event.kind));
    mixText(h, event.topic);
    mix(h, (static_cast<std::uint64_t>(static_cast<std::uint32_t>(event.partition)) << 32)
               | static_cast<std::uint32_t>(event.broker));
    mix(h, static_cast<std::uint64_t>(static_cast<std::uint32_t>(event.leaderEpoch)));
    mix(h, static_cast<std::uint64_t>(event.value));
    mix(h, static_cast<std::uint64_t>(event.count));
    mix(h, event.brokers.size());
    for (const std::int32_t b : event.brokers)
        mix(h, static_cast<std::uint32_t>(b));
    mixText(h, event.detail);
    mixText(h, event.group);
    mixText(h, event.member);
    m_digest = h;
    JournalWindow &w = m_events;
    if (w.m_size < w.m_slots.size())
        ++w.m_size;
    else
        w.m_head = (w.m_head + 1) % w.m_slots.size();
}

void Journal::append(JournalEvent event)
{
    startEvent() = std::move(event);
    finishEvent();
}

} // namespace kafkascope
