#pragma once

#include "core/status.h"
#include "scenario/scenario.h"

#include <string>

namespace kafkascope {

// Writes `scenario` as a scenario file (docs/SCENARIOS.md) that parseScenario reads back as the
// same scenario: every setting of every topic, producer and consumer is written out, even when it
// has the default value, so that a file means the same to a later version with other defaults;
// times are exact to the microsecond and rates to the last bit. Fails, naming the part, when the
// scenario holds something the format cannot state (a workload built in code with named hot keys,
// a topic config the format has no field for).
[[nodiscard]] Result<std::string> writeScenario(const Scenario &scenario);

} // namespace kafkascope
