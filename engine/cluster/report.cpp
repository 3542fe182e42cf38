#include "report.h"

#include "cluster/consumer_lag.h"
#include "core/json_writer.h"
#include "group/group_coordinator.h"

#include <algorithm>
#include <cstdio>

namespace kafkascope {

std::string clusterReportJson(const Cluster &cluster, const std::string &kafkascopeVersion)
{
    JsonWriter w;
    w.beginObject();
    w.key("format").value("kafkascope-report");
    w.key("format_version").value(std::int64_t{1});
    w.key("kafkascope_version").value(kafkascopeVersion);
    w.key("seed").value(static_cast<std::uint64_t>(cluster.seed()));
    w.key("sim_time_ms").value(cluster.now().millis());
    w.key("state_hash").value(cluster.stateHash().hex());

    w.key("controller");
    if (const auto controller = cluster.controller())
        w.value(controller->value());
    else
        w.null();
    w.key("brokers").beginArray();
    for (const auto &[id, broker] : cluster.brokers()) {
        w.beginObject();
        w.key("id").value(id.value());
        w.key("alive").value(broker.alive);
        w.key("decommissioning").value(broker.decommissioning);
        w.key("fenced").value(broker.fenced);
        if (broker.rack)
            w.key("rack").value(*broker.rack);
        else
            w.key("rack").null();
        w.endObject();
    }
    w.endArray();
    w.key("records_rejected").value(static_cast<std::uint64_t>(cluster.recordsRejected()));
    w.key("journal").beginObject();
    w.key("events").value(static_cast<std::uint64_t>(cluster.journal().totalEvents()));
    char digest[17];
    std::snprintf(digest, sizeof digest, "%016llx", static_cast<unsigned long long>(cluster.journal().digest()));
    w.key("digest").value(std::string(digest));
    w.endObject();

    const auto durability = cluster.durability();
    std::uint64_t lost = 0;
    std::uint64_t duplicates = 0;
    for (const auto &[name, counts] : durability) {
        lost += counts.lost;
        duplicates += counts.duplicates;
    }
    w.key("records_lost").value(lost);
    w.key("records_duplicated").value(duplicates);

    w.key("topics").beginArray();
    for (const auto &[name, topic] : cluster.topics()) {
        w.beginObject();
        w.key("name").value(name);
        w.key("topic_id").value(static_cast<std::uint64_t>(topic.id()));
        w.key("internal").value(topic.isInternal());
        const Cluster::DurabilityCounts counts = durability.count(name) ? durability.at(name) : Cluster::DurabilityCounts{};
        w.key("records_acknowledged").value(counts.acknowledged);
        w.key("records_lost").value(counts.lost);
        w.key("records_duplicated").value(counts.duplicates);
        w.key("partitions").beginArray();
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            const PartitionLog &log = topic.partition(PartitionId{p});
            const PartitionState &state = topic.state(PartitionId{p});
            w.beginObject();
            w.key("partition").value(p);
            w.key("leader");
            if (state.leader)
                w.value(state.leader->value());
            else
                w.null();
            w.key("leader_epoch").value(state.leaderEpoch);
            w.key("isr").beginArray();
            for (const BrokerId b : state.isr)
                w.value(b.value());
            w.endArray();
            w.key("high_watermark").value(state.highWatermark());
            w.key("log_start_offset").value(log.logStartOffset());
            w.key("log_end_offset").value(log.logEndOffset());
            w.key("size_bytes").value(static_cast<std::uint64_t>(log.sizeInBytes()));
            w.key("segments").value(static_cast<std::uint64_t>(log.segmentCount()));
            w.key("replicas").beginArray();
            for (const BrokerId b : state.assignment) {
                const Replica &replica = state.replicas.at(b);
                w.beginObject();
                w.key("broker").value(b.value());
                w.key("log_end_offset").value(replica.log->logEndOffset());
                w.key("high_watermark").value(replica.highWatermark);
                w.endObject();
            }
            w.endArray();
            w.key("reassigning_to");
            if (state.reassignTarget) {
                w.beginArray();
                for (const BrokerId b : *state.reassignTarget)
                    w.value(b.value());
                w.endArray();
            } else {
                w.null();
            }
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();

    w.key("producers").beginArray();
    for (const auto &producer : cluster.producers()) {
        w.beginObject();
        w.key("client_id").value(producer->config().clientId);
        w.key("topic").value(producer->config().topic);
        w.key("acks").value(producer->config().acks == -1 ? std::string("all") : std::to_string(producer->config().acks));
        w.key("records_sent").value(static_cast<std::uint64_t>(producer->recordsSent()));
        w.key("records_acknowledged").value(static_cast<std::uint64_t>(producer->recordsAcknowledged()));
        w.key("records_failed").value(static_cast<std::uint64_t>(producer->recordsFailed()));
        w.key("retries").value(static_cast<std::uint64_t>(producer->retries()));
        w.key("process_paused").value(cluster.isProducerProcessPaused(producer->id()));
        w.key("process_resumes_at_ms");
        if (const auto at = cluster.producerProcessResumesAt(producer->id()))
            w.value(at->millis());
        else
            w.null();
        w.endObject();
    }
    w.endArray();

    w.key("consumers").beginArray();
    for (const auto &consumer : cluster.consumers()) {
        w.beginObject();
        w.key("client_id").value(consumer->config().clientId);
        w.key("topic").value(consumer->config().topic);
        w.key("records_consumed").value(static_cast<std::uint64_t>(consumer->recordsConsumed()));
        w.key("records_processed").value(static_cast<std::uint64_t>(consumer->recordsProcessed()));
        w.key("records_in_processing").value(static_cast<std::uint64_t>(consumer->recordsInProcessing()));
        w.key("process_paused").value(cluster.isConsumerProcessPaused(consumer->id()));
        w.key("process_resumes_at_ms");
        if (const auto at = cluster.consumerProcessResumesAt(consumer->id()))
            w.value(at->millis());
        else
            w.null();
        w.key("application_error");
        if (consumer->applicationError())
            w.value(*consumer->applicationError());
        else
            w.null();
        w.key("group_id");
        if (consumer->config().groupId)
            w.value(*consumer->config().groupId);
        else
            w.null();
        if (consumer->usesGroup()) {
            w.key("group_state").value(std::string(consumerGroupStateName(consumer->groupState())));
            w.key("generation").value(consumer->generation());
            w.key("member_id").value(consumer->memberId());
            w.key("running").value(consumer->isRunning());
            w.key("poll_timeouts").value(static_cast<std::uint64_t>(consumer->pollTimeouts()));
        }
        w.key("positions").beginArray();
        for (const auto &[tp, offset] : consumer->positions()) {
            const Topic *topic = cluster.topic(tp.topic);
            w.beginObject();
            w.key("topic").value(tp.topic);
            w.key("partition").value(tp.partition.value());
            w.key("position").value(offset.value());
            const std::int64_t leo = topic && tp.partition.value() < topic->partitionCount()
                ? topic->partition(tp.partition).logEndOffset()
                : offset.value();
            w.key("lag").value(leo - offset.value());
            const std::int64_t hw = topic && tp.partition.value() < topic->partitionCount()
                ? topic->state(tp.partition).highWatermark()
                : offset.value();
            w.key("lag_high_watermark").value(std::max<std::int64_t>(0, hw - offset.value()));
            const auto age = timeLagAt(cluster, tp, offset.value());
            w.key("lag_time_ms");
            if (age)
                w.value(age->millis());
            else
                w.null();
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();

    const auto delivery = cluster.groupDelivery();
    w.key("groups").beginArray();
    for (const auto &[groupId, group] : cluster.groups()) {
        w.beginObject();
        w.key("group_id").value(groupId);
        w.key("coordinator");
        if (const auto coordinator = cluster.coordinatorOf(groupId))
            w.value(coordinator->value());
        else
            w.null();
        w.key("state").value(std::string(groupStateName(group.state)));
        w.key("generation").value(group.generationId);
        w.key("protocol");
        if (group.protocolName)
            w.value(*group.protocolName);
        else
            w.null();
        w.key("leader");
        if (group.leader)
            w.value(*group.leader);
        else
            w.null();
        const auto groupDelivery = delivery.find(groupId);
        const DeliveryCounts counts = groupDelivery == delivery.end() ? DeliveryCounts{} : groupDelivery->second.total;
        w.key("records_processed").value(counts.processed);
        w.key("records_processed_more_than_once").value(counts.processedMoreThanOnce);
        w.key("records_never_processed").value(counts.neverProcessed);
        w.key("members").beginArray();
        for (const MemberSnapshot &m : group.members) {
            w.beginObject();
            w.key("member_id").value(m.memberId);
            w.key("client_id").value(m.clientId);
            w.key("group_instance_id");
            if (m.groupInstanceId)
                w.value(*m.groupInstanceId);
            else
                w.null();
            w.key("assignment").beginArray();
            for (const TopicPartition &tp : m.assignment) {
                w.beginObject();
                w.key("topic").value(tp.topic);
                w.key("partition").value(tp.partition.value());
                w.endObject();
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.key("offsets").beginArray();
        for (const auto &[tp, committed] : group.offsets) {
            const Topic *topic = cluster.topic(tp.topic);
            w.beginObject();
            w.key("topic").value(tp.topic);
            w.key("partition").value(tp.partition.value());
            w.key("committed").value(committed.offset.value());
            w.key("lag");
            if (topic && tp.partition.value() < topic->partitionCount())
                w.value(topic->state(tp.partition).highWatermark() - committed.offset.value());
            else
                w.null();
            w.endObject();
        }
        w.endArray();
        const auto lags = groupLag(cluster, groupId);
        const auto optionalMillis = [&w](const std::optional<SimDuration> &d) {
            if (d)
                w.value(d->millis());
            else
                w.null();
        };
        const auto optionalInt = [&w](const std::optional<std::int64_t> &n) {
            if (n)
                w.value(*n);
            else
                w.null();
        };
        const GroupLagTotals totals = totalLag(lags);
        w.key("lag_total").beginObject();
        w.key("records").value(totals.committedLag);
        w.key("records_to_log_end").value(totals.committedLagToLogEnd);
        w.key("max_time_ms").value(totals.maxCommittedTimeLag.millis());
        w.key("processing_rate").value(totals.processingRate);
        w.key("time_to_drain_ms");
        optionalMillis(totals.timeToDrain);
        w.endObject();
        w.key("lag").beginArray();
        for (const auto &[tp, lag] : lags) {
            w.beginObject();
            w.key("topic").value(tp.topic);
            w.key("partition").value(tp.partition.value());
            w.key("log_end_offset").value(lag.logEndOffset);
            w.key("high_watermark").value(lag.highWatermark);
            w.key("committed");
            optionalInt(lag.committed);
            w.key("position");
            optionalInt(lag.position);
            w.key("records");
            optionalInt(lag.committedLag);
            w.key("records_to_log_end");
            optionalInt(lag.committedLagToLogEnd);
            w.key("records_behind_position");
            optionalInt(lag.positionLag);
            w.key("time_ms");
            optionalMillis(lag.committedTimeLag);
            w.key("position_time_ms");
            optionalMillis(lag.positionTimeLag);
            w.key("processing_rate").value(lag.processingRate);
            w.key("time_to_drain_ms");
            optionalMillis(lag.timeToDrain);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.str();
}

} // namespace kafkascope
