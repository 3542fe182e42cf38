#include "report.h"

#include "core/json_writer.h"

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

    w.key("topics").beginArray();
    for (const auto &[name, topic] : cluster.topics()) {
        w.beginObject();
        w.key("name").value(name);
        w.key("partitions").beginArray();
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p) {
            const PartitionLog &log = topic.partition(PartitionId{p});
            w.beginObject();
            w.key("partition").value(p);
            w.key("log_start_offset").value(log.logStartOffset());
            w.key("log_end_offset").value(log.logEndOffset());
            w.key("size_bytes").value(static_cast<std::uint64_t>(log.sizeInBytes()));
            w.key("segments").value(static_cast<std::uint64_t>(log.segmentCount()));
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
        w.key("records_sent").value(static_cast<std::uint64_t>(producer->recordsSent()));
        w.endObject();
    }
    w.endArray();

    w.key("consumers").beginArray();
    for (const auto &consumer : cluster.consumers()) {
        w.beginObject();
        w.key("client_id").value(consumer->config().clientId);
        w.key("topic").value(consumer->config().topic);
        w.key("records_consumed").value(static_cast<std::uint64_t>(consumer->recordsConsumed()));
        w.key("positions").beginArray();
        const Topic *topic = cluster.topic(consumer->config().topic);
        for (const auto &[partition, offset] : consumer->positions()) {
            w.beginObject();
            w.key("partition").value(partition.value());
            w.key("position").value(offset.value());
            const std::int64_t leo = topic ? topic->partition(partition).logEndOffset() : offset.value();
            w.key("lag").value(leo - offset.value());
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
