#pragma once

#include "cluster/cluster.h"
#include "scenario/scenario.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kafkascope {

// The outcome of one expectation.
struct ExpectationResult {
    const ScenarioExpectation *expectation = nullptr; // points into the runner's scenario
    bool passed = false;
    std::string expected; // "leader of orders-0 = 1"
    std::string found;    // "2"
};

// A timeline action the cluster refused (a broker that does not exist, a topic already there).
struct ActionFailure {
    const ScenarioAction *action = nullptr;
    std::string message;
};

// Plays a scenario on a cluster: builds it, then, as time is advanced, does the timeline's actions
// and checks the expectations at their times. Actions go through the cluster's API between runs
// (Cluster::runUntil to their time first), so they are recorded like a user's and a rewind replays
// them. Deterministic: the same scenario and seed give the same results and state hash.
//
// `scenario` must outlive the runner.
class ScenarioRunner {
public:
    explicit ScenarioRunner(const Scenario &scenario) : m_scenario(scenario) {}

    // A new cluster with the scenario's brokers, topics, producers and consumers at simTime 0;
    // `seed` replaces the scenario's; a `dataDirectory` keeps the logs on disk
    // (Cluster::setDataDirectory). Errors name the part of the scenario the cluster refused.
    [[nodiscard]] Result<std::unique_ptr<Cluster>> makeCluster(std::optional<std::uint64_t> seed = std::nullopt,
                                                               const std::string &dataDirectory = {}) const;

    // The scenario's set-up (broker settings, brokers, topics, producers, consumers) on `cluster`,
    // new and at simTime 0 (makeCluster's work after it chose the seed and the storage).
    static Status setUp(Cluster &cluster, const Scenario &scenario);

    // Runs `cluster` to `t`, stopping at each action and expectation due in between, in time order
    // (at one simTime: the actions first, then the expectations).
    void advanceTo(Cluster &cluster, SimTime t);
    // After the cluster was rebuilt as it was at `t` (Cluster::restore, which replays the actions
    // done up to `t`): the actions and expectations after `t` are to do again, their results
    // forgotten.
    void rewindTo(SimTime t);
    // The time of the next action or expectation not done yet.
    [[nodiscard]] std::optional<SimTime> nextStop() const;
    [[nodiscard]] bool finished() const { return !nextStop(); }

    [[nodiscard]] const std::vector<ExpectationResult> &results() const { return m_results; }
    [[nodiscard]] const std::vector<ActionFailure> &actionFailures() const { return m_failures; }
    [[nodiscard]] std::size_t actionsDone() const { return m_nextAction; }
    [[nodiscard]] std::size_t failedCount() const;

    // Checks one expectation on `cluster` now (also used by the GUI's checkpoints).
    [[nodiscard]] static ExpectationResult check(const Cluster &cluster, const ScenarioExpectation &expectation);
    // Does one action on `cluster` now.
    static Status apply(Cluster &cluster, const ScenarioAction &action);

private:
    const Scenario &m_scenario;
    std::size_t m_nextAction = 0;
    std::size_t m_nextExpectation = 0;
    std::vector<ExpectationResult> m_results;
    std::vector<ActionFailure> m_failures;
};

} // namespace kafkascope
