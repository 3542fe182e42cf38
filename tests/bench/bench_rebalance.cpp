// A simulated rebalance of a 1,000-member consumer group over the cluster simulation
// (docs/BENCHMARKS.md, "Rebalance of a 1,000-member group"). Not a test: nothing is asserted,
// but the program exits with 1 when a phase never settles (a correctness failure, not speed).
//
//   bench_rebalance [--members N] [--partitions N]
//
// For the eager protocol (range) and the cooperative one (cooperative-sticky), on 3 brokers and a
// topic of --partitions partitions (RF 3, no records: only the group protocol is measured):
//   join   N members start at simTime 0 and the group settles (generation 1 for everyone);
//   leave  one member closes (LeaveGroup) and the group settles again;
//   join+1 a new member joins and the group settles again.
// "Settled" means the coordinator's group is Stable, every running member is Stable in the
// coordinator's generation, and every partition is assigned to exactly one member. For each
// phase it prints the simulated time to settle, the generations it took, the partitions that
// changed owner, the wall time and the events run (heartbeats and polls of 1,000 members
// included), and the peak RSS.
#include "bench_util.h"
#include "cluster/cluster.h"
#include "group/group_coordinator.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>

using namespace kafkascope;

namespace {

constexpr const char *kTopic = "events";
constexpr const char *kGroup = "bench-group";

using bench::procStatus;

// Who owns each partition now (consumers' own view), or nothing when the group is not settled.
std::optional<std::map<TopicPartition, ConsumerId>> settledOwners(const Cluster &cluster, int partitions)
{
    const auto group = cluster.group(kGroup);
    if (!group || group->state != GroupState::Stable)
        return std::nullopt;
    std::map<TopicPartition, ConsumerId> owners;
    for (const auto &c : cluster.consumers()) {
        if (!c->isRunning())
            continue;
        if (c->groupState() != ConsumerGroupState::Stable || c->generation() != group->generationId)
            return std::nullopt;
        for (const TopicPartition &tp : c->assignment())
            if (!owners.emplace(tp, c->id()).second)
                return std::nullopt; // owned twice: a cooperative hand-over still under way
    }
    if (owners.size() != static_cast<std::size_t>(partitions))
        return std::nullopt;
    return owners;
}

struct Phase {
    double simulatedSeconds = 0;
    std::int32_t generation = 0;
    std::size_t moved = 0;
    double wallSeconds = 0;
    std::uint64_t events = 0;
};

// Runs in steps of 10 simulated ms until the group settles (at most `limit`).
bool settle(Cluster &cluster, int partitions, const std::map<TopicPartition, ConsumerId> &before, Phase &phase,
            SimDuration limit)
{
    const SimTime start = cluster.now();
    const auto wallStart = std::chrono::steady_clock::now();
    std::optional<std::map<TopicPartition, ConsumerId>> owners;
    // A settled state must hold across two steps: a follow-up cooperative rebalance may be on
    // its way the moment the first one completes.
    int settledSteps = 0;
    SimTime settledAt;
    while (cluster.now() - start < limit) {
        phase.events += cluster.runUntil(cluster.now() + SimDuration::millis(10));
        owners = settledOwners(cluster, partitions);
        if (!owners) {
            settledSteps = 0;
            continue;
        }
        if (settledSteps++ == 0)
            settledAt = cluster.now();
        if (settledSteps == 50) // 500 ms unchanged
            break;
    }
    phase.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    if (!owners)
        return false;
    phase.simulatedSeconds = static_cast<double>((settledAt - start).micros()) / 1e6;
    phase.generation = cluster.group(kGroup)->generationId;
    for (const auto &[tp, owner] : *owners) {
        const auto it = before.find(tp);
        if (it == before.end() || it->second != owner)
            ++phase.moved;
    }
    return true;
}

void print(const char *protocol, const char *name, const Phase &p)
{
    std::printf("%-18s %-7s settled after %7.3f simulated s, generation %3d, %5zu partitions moved; "
                "%7.2f wall s, %9llu events; peak RSS %s\n",
                protocol, name, p.simulatedSeconds, p.generation, p.moved, p.wallSeconds,
                static_cast<unsigned long long>(p.events), procStatus("VmHWM:").c_str());
    std::fflush(stdout);
}

bool run(const char *assignor, int members, int partitions)
{
    Cluster cluster(1);
    cluster.addBroker();
    cluster.addBroker();
    TopicSettings settings;
    settings.replicationFactor = 3;
    if (auto st = cluster.createTopic(kTopic, partitions, settings); !st.isOk()) {
        std::fprintf(stderr, "createTopic: %s\n", st.message().c_str());
        return false;
    }
    auto config = [&](int i) {
        ConsumerConfig c;
        c.clientId = "consumer-" + std::to_string(i);
        c.topic = kTopic;
        c.groupId = kGroup;
        c.assignors = {assignor};
        return c;
    };
    for (int i = 0; i < members; ++i) {
        if (auto r = cluster.addConsumer(config(i)); !r.isOk()) {
            std::fprintf(stderr, "addConsumer: %s\n", r.status().message().c_str());
            return false;
        }
    }
    const SimDuration limit = SimDuration::seconds(300);
    Phase join;
    if (!settle(cluster, partitions, {}, join, limit)) {
        std::fprintf(stderr, "%s: the group never settled after the joins\n", assignor);
        return false;
    }
    print(assignor, "join", join);

    auto owners = *settledOwners(cluster, partitions);
    if (auto st = cluster.closeConsumer(cluster.consumers().front()->id()); !st.isOk()) {
        std::fprintf(stderr, "closeConsumer: %s\n", st.message().c_str());
        return false;
    }
    Phase leave;
    if (!settle(cluster, partitions, owners, leave, limit)) {
        std::fprintf(stderr, "%s: the group never settled after a member left\n", assignor);
        return false;
    }
    print(assignor, "leave", leave);

    owners = *settledOwners(cluster, partitions);
    if (auto r = cluster.addConsumer(config(members)); !r.isOk()) {
        std::fprintf(stderr, "addConsumer: %s\n", r.status().message().c_str());
        return false;
    }
    Phase joinOne;
    if (!settle(cluster, partitions, owners, joinOne, limit)) {
        std::fprintf(stderr, "%s: the group never settled after a member joined\n", assignor);
        return false;
    }
    print(assignor, "join+1", joinOne);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    int members = 1000;
    int partitions = 2000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--members" && i + 1 < argc)
            members = std::atoi(argv[++i]);
        else if (a == "--partitions" && i + 1 < argc)
            partitions = std::atoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_rebalance [--members N] [--partitions N]\n");
            return 2;
        }
    }
    if (members < 2 || partitions < 1) {
        std::fprintf(stderr, "bench_rebalance: --members must be at least 2 and --partitions at least 1\n");
        return 2;
    }
    std::printf("command: bench_rebalance --members %d --partitions %d (3 brokers, topic RF 3, no records)\n", members,
                partitions);
    bool ok = run("range", members, partitions);
    ok = run("cooperative-sticky", members, partitions) && ok;
    return ok ? 0 : 1;
}
