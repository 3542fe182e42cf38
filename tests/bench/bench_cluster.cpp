// Cluster simulation speed: simulated seconds per wall second, and peak memory, for a classroom
// cluster and a large one (docs/BENCHMARKS.md). Not a test: nothing is asserted. The state hash at
// the end shows whether a change to the engine changed what it simulates.
//
//   bench_cluster [--classroom-seconds N] [--large-seconds N]
#include "bench_util.h"
#include "cluster/cluster.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

using namespace kafkascope;

namespace {

using bench::procStatus;

void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

struct Shape {
    const char *name;
    int brokers;
    int partitions;
    int replicationFactor;
    int producers;
    double recordsPerSecond; // in all
    int simulatedSeconds;
};

void run(const Shape &shape)
{
    resetPeakRss();
    const auto setupStart = std::chrono::steady_clock::now();
    Cluster cluster(1);
    for (int i = 1; i < shape.brokers; ++i)
        cluster.addBroker();
    TopicSettings settings;
    settings.replicationFactor = shape.replicationFactor;
    settings.minInsyncReplicas = 2;
    if (auto st = cluster.createTopic("events", shape.partitions, settings); !st.isOk()) {
        std::fprintf(stderr, "createTopic: %s\n", st.message().c_str());
        std::exit(1);
    }
    for (int p = 0; p < shape.producers; ++p) {
        ProducerConfig config;
        config.clientId = "producer-" + std::to_string(p);
        config.topic = "events";
        config.rate = RateModel::constant(shape.recordsPerSecond / shape.producers).value();
        config.values = ValueGenerator::fixedSize(100).value();
        config.keys = KeyDistribution::uniform(1000).value(); // key-0 .. key-999
        (void)cluster.addProducer(config);
    }
    const double setupSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - setupStart).count();

    const auto start = std::chrono::steady_clock::now();
    std::uint64_t events = 0;
    for (int s = 1; s <= shape.simulatedSeconds; ++s)
        events += cluster.runUntil(SimTime::fromMillis(1000LL * s));
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::uint64_t acknowledged = 0;
    for (const auto &p : cluster.producers())
        acknowledged += p->recordsAcknowledged();
    std::printf("%-10s %3d brokers, %5d partitions RF %d, %7.0f records/s: %4d simulated s in %7.2f wall s = "
                "%7.2f x real time; %9llu events (%.0f/wall s), %9llu records acknowledged; setup %.2f s; peak RSS %s; "
                "state hash %s\n",
                shape.name, shape.brokers, shape.partitions, shape.replicationFactor, shape.recordsPerSecond,
                shape.simulatedSeconds, wall, shape.simulatedSeconds / wall, static_cast<unsigned long long>(events),
                static_cast<double>(events) / wall, static_cast<unsigned long long>(acknowledged), setupSeconds,
                procStatus("VmHWM:").c_str(), cluster.stateHash().hex().c_str());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    int classroomSeconds = 60;
    int largeSeconds = 5;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--classroom-seconds" && i + 1 < argc)
            classroomSeconds = std::atoi(argv[++i]);
        else if (a == "--large-seconds" && i + 1 < argc)
            largeSeconds = std::atoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_cluster [--classroom-seconds N] [--large-seconds N]\n");
            return 2;
        }
    }
    std::printf("command: bench_cluster --classroom-seconds %d --large-seconds %d (one core: the simulation is single-threaded)\n",
                classroomSeconds, largeSeconds);
    run({"classroom", 6, 60, 3, 6, 5000.0, classroomSeconds});
    run({"large", 50, 5000, 3, 50, 200000.0, largeSeconds});
    return 0;
}
