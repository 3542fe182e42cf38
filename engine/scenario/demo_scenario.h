#pragma once

#include "scenario/scenario.h"

#include <cstdint>

namespace kafkascope {

// The built-in demo cluster (populateDemoCluster, cluster/demo_cluster.h) as a scenario with an
// empty timeline: built by ScenarioRunner::makeCluster with `seed`, it is the same cluster, event
// for event (tst_scenariowriter checks the state hashes). A session that starts on the demo is
// recorded on top of it.
[[nodiscard]] Scenario demoScenario(std::uint64_t seed);

} // namespace kafkascope
