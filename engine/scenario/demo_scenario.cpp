#include "demo_scenario.h"

#include "scenario/scenario_runner.h"

#include <cassert>

namespace kafkascope {

Scenario demoScenario(std::uint64_t seed)
{
    Scenario s;
    s.title = {"Kafkascope demo cluster", "Kafkascope 데모 클러스터"};
    s.summary = {"Three brokers; topics orders (4 partitions) and clicks (3), replicated 3 times; producers checkout "
                 "and web; group billing with two members, and analytics reading clicks on its own.",
                 "브로커 3대, 복제 계수 3의 토픽 orders(파티션 4개)와 clicks(3개), 프로듀서 checkout과 web, "
                 "멤버 둘인 그룹 billing, 그리고 그룹 없이 clicks를 읽는 analytics."};
    s.seed = seed;
    s.brokers = 3;

    TopicSettings replicated;
    replicated.replicationFactor = 3;
    replicated.minInsyncReplicas = 2;
    replicated.placementStartIndex = 0;
    s.topics.push_back({"orders", 4, replicated});
    s.topics.push_back({"clicks", 3, replicated});

    ProducerConfig checkout;
    checkout.clientId = "checkout";
    checkout.topic = "orders";
    checkout.rate = RateModel::constant(6.0).value();
    checkout.keys =
        KeyDistribution::uniform({"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"}).value();
    checkout.values = ValueGenerator::fixedSize(48).value();
    s.producers.push_back(checkout);

    ProducerConfig web;
    web.clientId = "web";
    web.topic = "clicks";
    web.rate = RateModel::constant(4.0).value();
    web.values = ValueGenerator::fixedSize(64).value();
    web.batchSizeBytes = 512; // small batches, so the sticky partition changes every ~7 records
    s.producers.push_back(web);

    for (const char *clientId : {"billing-1", "billing-2"}) {
        ConsumerConfig billing;
        billing.clientId = clientId;
        billing.topic = "orders";
        billing.groupId = "billing";
        // The group joins after group.initial.rebalance.delay.ms (3 s); from the earliest offset it
        // bills the orders placed before it too (Kafka's default, latest, would skip them).
        billing.autoOffsetReset = ConsumerConfig::AutoOffsetReset::Earliest;
        billing.pollInterval = SimDuration::millis(250);
        s.consumers.push_back(billing);
    }

    ConsumerConfig analytics;
    analytics.clientId = "analytics";
    analytics.topic = "clicks";
    analytics.pollInterval = SimDuration::millis(1000);
    analytics.maxPollRecords = 3; // 3 records/s against 4 produced: the lag grows
    s.consumers.push_back(analytics);
    return s;
}

std::unique_ptr<Cluster> makeDemoCluster(std::uint64_t seed)
{
    auto cluster = std::make_unique<Cluster>(seed);
    [[maybe_unused]] const Status st = populateDemoCluster(*cluster);
    assert(st.isOk()); // in memory, nothing can fail
    return cluster;
}

Status populateDemoCluster(Cluster &cluster)
{
    return ScenarioRunner::setUp(cluster, demoScenario());
}

} // namespace kafkascope
