#pragma once

#include "cluster/cluster.h"

#include <string>

namespace kafkascope {

// The JSON report of a cluster's state (the `kafkascope run --report` file; schema in
// docs/REPORT.md). Holds no wall-clock data, so the same seed gives byte-identical reports.
std::string clusterReportJson(const Cluster &cluster, const std::string &kafkascopeVersion);

} // namespace kafkascope
