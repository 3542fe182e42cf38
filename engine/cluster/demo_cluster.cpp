#include "demo_cluster.h"

#include <cassert>

namespace kafkascope {

std::unique_ptr<Cluster> makeDemoCluster(std::uint64_t seed)
{
    auto cluster = std::make_unique<Cluster>(seed);
    [[maybe_unused]] const Status st = populateDemoCluster(*cluster);
    assert(st.isOk()); // in memory, nothing can fail
    return cluster;
}

Status populateDemoCluster(Cluster &cluster)
{
    while (cluster.brokers().size() < 3)
        cluster.addBroker();
    TopicSettings replicated;
    replicated.replicationFactor = 3;
    replicated.minInsyncReplicas = 2;
    replicated.placementStartIndex = 0;
    if (auto st = cluster.createTopic("orders", 4, replicated); !st.isOk())
        return st;
    if (auto st = cluster.createTopic("clicks", 3, replicated); !st.isOk())
        return st;

    ProducerConfig checkout;
    checkout.clientId = "checkout";
    checkout.topic = "orders";
    checkout.rate = RateModel::constant(6.0).value();
    checkout.keys =
        KeyDistribution::uniform({"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"}).value();
    checkout.values = ValueGenerator::fixedSize(48).value();
    if (auto r = cluster.addProducer(checkout); !r.isOk())
        return r.status();

    ProducerConfig web;
    web.clientId = "web";
    web.topic = "clicks";
    web.rate = RateModel::constant(4.0).value();
    web.values = ValueGenerator::fixedSize(64).value(); // null keys (the default)
    web.batchSizeBytes = 512; // small batches, so the sticky partition changes every ~7 records
    if (auto r = cluster.addProducer(web); !r.isOk())
        return r.status();

    // Group "billing": two members share the four partitions of "orders" (range: two each). The
    // group joins after group.initial.rebalance.delay.ms (3 s); with auto.offset.reset=earliest it
    // bills the orders placed before it too (Kafka's default, latest, would skip them).
    for (const char *clientId : {"billing-1", "billing-2"}) {
        ConsumerConfig billing;
        billing.clientId = clientId;
        billing.topic = "orders";
        billing.groupId = "billing";
        billing.autoOffsetReset = ConsumerConfig::AutoOffsetReset::Earliest;
        billing.pollInterval = SimDuration::millis(250);
        if (auto r = cluster.addConsumer(billing); !r.isOk())
            return r.status();
    }

    ConsumerConfig analytics;
    analytics.clientId = "analytics";
    analytics.topic = "clicks";
    analytics.pollInterval = SimDuration::millis(1000);
    analytics.maxPollRecords = 3; // 3 records/s against 4 produced: the lag grows
    if (auto r = cluster.addConsumer(analytics); !r.isOk())
        return r.status();
    return Status::ok();
}

} // namespace kafkascope
