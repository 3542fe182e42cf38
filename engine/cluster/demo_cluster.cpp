#include "demo_cluster.h"

#include <cassert>

namespace kafkascope {

std::unique_ptr<Cluster> makeDemoCluster(std::uint64_t seed)
{
    auto cluster = std::make_unique<Cluster>(seed);
    [[maybe_unused]] Status st = cluster->createTopic("orders", 4);
    assert(st.isOk());
    st = cluster->createTopic("clicks", 3);
    assert(st.isOk());

    ProducerConfig checkout;
    checkout.clientId = "checkout";
    checkout.topic = "orders";
    checkout.recordsPerSecond = 6.0;
    checkout.keys = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
    checkout.valueBytes = 48;
    [[maybe_unused]] auto p1 = cluster->addProducer(checkout);
    assert(p1.isOk());

    ProducerConfig web;
    web.clientId = "web";
    web.topic = "clicks";
    web.recordsPerSecond = 4.0;
    web.valueBytes = 64;
    web.batchSizeBytes = 512; // small batches, so the sticky partition changes every ~7 records
    [[maybe_unused]] auto p2 = cluster->addProducer(web);
    assert(p2.isOk());

    ConsumerConfig billing;
    billing.clientId = "billing";
    billing.topic = "orders";
    billing.pollInterval = SimDuration::millis(250);
    [[maybe_unused]] auto c1 = cluster->addConsumer(billing);
    assert(c1.isOk());

    ConsumerConfig analytics;
    analytics.clientId = "analytics";
    analytics.topic = "clicks";
    analytics.pollInterval = SimDuration::millis(1000);
    analytics.maxPollRecords = 3; // 3 records/s against 4 produced: the lag grows
    [[maybe_unused]] auto c2 = cluster->addConsumer(analytics);
    assert(c2.isOk());
    return cluster;
}

} // namespace kafkascope
