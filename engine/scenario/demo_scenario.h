#pragma once

#include "cluster/cluster.h"
#include "scenario/scenario.h"

#include <cstdint>
#include <memory>

namespace kafkascope {

// The seed a run uses when none is given.
inline constexpr std::uint64_t kDefaultSeed = 42;

// The built-in demo: what Kafkascope shows when it opens and what `kafkascope run` runs.
// Three brokers (0-2); both topics have replication factor 3 and min.insync.replicas 2, with
// Kafka's replica placement from start index 0, so leaders are spread over the brokers.
//  - topic "orders" (4 partitions): producer "checkout" sends 6 records/s keyed by customer name,
//    so each customer's orders stay in one partition; consumer group "billing" keeps up with it.
//  - topic "clicks" (3 partitions): producer "web" sends 4 records/s with null keys, which the
//    sticky partitioner groups into runs on one partition; consumer "analytics" polls slowly and
//    falls behind (lag).
// It is defined once, as a scenario with an empty timeline, so that a session started on it can
// be saved as a scenario (SimulationController::recordedSession).
[[nodiscard]] Scenario demoScenario(std::uint64_t seed = kDefaultSeed);

// A new demo cluster at simTime 0 (demoScenario's, with `seed`), in memory.
std::unique_ptr<Cluster> makeDemoCluster(std::uint64_t seed = kDefaultSeed);

// Adds the demo's brokers, topics and clients to a new `cluster` (after, say, choosing its data
// directory). Fails only if the cluster's storage does.
Status populateDemoCluster(Cluster &cluster);

} // namespace kafkascope
