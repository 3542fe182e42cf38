#pragma once

// A small cluster the group tests share: three brokers, one topic replicated three times, and a
// producer spreading records round robin over its partitions.
#include "cluster/cluster.h"

#include <memory>
#include <string>

namespace kafkascope::testing {

struct OrdersClusterOptions {
    std::uint64_t seed = 7;
    std::string topic = "orders";
    int partitions = 6;
    double recordsPerSecond = 60; // fixed interval, round robin
    int acks = -1;                // the producer's acks (idempotent with -1)
};

// Nothing when the topic or the producer is refused.
inline std::unique_ptr<Cluster> makeOrdersCluster(const OrdersClusterOptions &options = {})
{
    auto cluster = std::make_unique<Cluster>(options.seed);
    cluster->addBroker();
    cluster->addBroker();
    TopicSettings settings;
    settings.replicationFactor = 3;
    if (!cluster->createTopic(options.topic, options.partitions, settings).isOk())
        return nullptr;
    ProducerConfig producer;
    producer.clientId = options.topic + "-producer";
    producer.topic = options.topic;
    producer.acks = options.acks;
    producer.enableIdempotence = options.acks == -1;
    producer.rate = RateModel::fixedInterval(options.recordsPerSecond).value();
    producer.partitioner = PartitionerKind::RoundRobin;
    if (!cluster->addProducer(producer).isOk())
        return nullptr;
    return cluster;
}

// Adds `count` consumers of group `group` reading `topic`, with client ids `prefix`0,
// `prefix`1 …; false when one is refused.
inline bool addGroupMembers(Cluster &cluster, const std::string &topic, const std::string &group, int count,
                            const std::string &prefix = "billing-")
{
    for (int i = 0; i < count; ++i) {
        ConsumerConfig c;
        c.clientId = prefix + std::to_string(i);
        c.topic = topic;
        c.groupId = group;
        if (!cluster.addConsumer(c).isOk())
            return false;
    }
    return true;
}

// How many events of `kind` the cluster's journal holds.
inline std::size_t journalled(const Cluster &cluster, JournalEventKind kind)
{
    std::size_t n = 0;
    for (const JournalEvent &e : cluster.journal().events())
        n += e.kind == kind ? 1 : 0;
    return n;
}

} // namespace kafkascope::testing
