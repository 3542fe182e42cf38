// Sticky and cooperative-sticky assignor speed and memory at Kafka's largest assignor test size
// (docs/BENCHMARKS.md, "Assignors"). Not a test: nothing is asserted.
//
//   bench_assignor [--quick] [--repeat N]
//
// Full size: 500 topics x 2,000 partitions (1,000,000 partitions), 2,000 consumers all subscribed
// to all topics. Round 1: nobody owns anything. Round 2: every consumer but the first owns what
// round 1 gave it, generation 1 (Kafka's testLargeAssignmentAndGroupWithUniformSubscription).
// --quick: 50 topics x 200 partitions, 200 consumers.
//
// Each (assignor, round) runs in its own forked child, so its peak RSS (ru_maxrss from wait4) is
// its own: the input (topic names, subscriptions, owned partitions), the assignor's working set
// and the returned assignment. The child also reports its peak before the timed call, so the
// assignor's own share is the difference. Times are wall clock around the public call (input
// validation and conversion included), the best of --repeat runs.
#include "group/cooperative_sticky_assignor.h"
#include "group/sticky_assignor.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using namespace kafkascope;

namespace {

struct Size {
    int topics;
    int partitionsPerTopic;
    int consumers;
};

// Kafka's getCanonicalName: a prefix and a zero-padded number.
std::string canonicalName(const char *prefix, int i, int max)
{
    const std::string digits = std::to_string(max);
    std::string n = std::to_string(i);
    return prefix + std::string(digits.size() - std::min(digits.size(), n.size()), '0') + n;
}

long vmHwmKib()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    }
    return -1;
}

GroupAssignment runAssignor(bool cooperative, const PartitionsPerTopic &topics, const std::vector<AssignorMember> &members)
{
    if (cooperative) {
        auto r = assignCooperativeSticky(topics, members);
        if (!r.isOk()) {
            std::fprintf(stderr, "assignCooperativeSticky: %s\n", r.status().message().c_str());
            std::exit(1);
        }
        return std::move(r.value().assignment);
    }
    auto r = assignSticky(topics, members);
    if (!r.isOk()) {
        std::fprintf(stderr, "assignSticky: %s\n", r.status().message().c_str());
        std::exit(1);
    }
    return std::move(r).value();
}

struct ChildReport {
    double seconds;
    long hwmBeforeKib;
    std::size_t assigned;
};

// Runs in the child: builds the input, times the round, writes the report to `fd`.
[[noreturn]] void child(int fd, const Size &size, bool cooperative, int round, int repeat)
{
    PartitionsPerTopic topics;
    std::vector<std::string> names;
    for (int t = 0; t < size.topics; ++t) {
        names.push_back(canonicalName("t", t, size.topics));
        topics[names.back()] = size.partitionsPerTopic;
    }
    std::vector<AssignorMember> members(static_cast<std::size_t>(size.consumers));
    for (int c = 0; c < size.consumers; ++c) {
        members[static_cast<std::size_t>(c)].memberId = canonicalName("c", c, size.consumers);
        members[static_cast<std::size_t>(c)].topics = names;
    }
    if (round == 2) {
        GroupAssignment first = runAssignor(cooperative, topics, members);
        for (std::size_t c = 1; c < members.size(); ++c) {
            members[c].ownedPartitions = std::move(first[members[c].memberId]);
            members[c].generation = 1;
        }
    }
    const long before = vmHwmKib();
    double best = 1e300;
    std::size_t assigned = 0;
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        GroupAssignment result = runAssignor(cooperative, topics, members);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        best = std::min(best, seconds);
        assigned = 0;
        for (const auto &entry : result)
            assigned += entry.second.size();
    }
    const ChildReport report{best, before, assigned};
    if (write(fd, &report, sizeof report) != static_cast<ssize_t>(sizeof report))
        _exit(1);
    _exit(0);
}

void measure(const Size &size, bool cooperative, int round, int repeat)
{
    int fds[2];
    if (pipe(fds) != 0) {
        std::perror("pipe");
        std::exit(1);
    }
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid < 0) {
        std::perror("fork");
        std::exit(1);
    }
    if (pid == 0) {
        close(fds[0]);
        child(fds[1], size, cooperative, round, repeat);
    }
    close(fds[1]);
    ChildReport report{};
    const bool got = read(fds[0], &report, sizeof report) == static_cast<ssize_t>(sizeof report);
    close(fds[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "child for %s round %d failed\n", cooperative ? "cooperative-sticky" : "sticky", round);
        std::exit(1);
    }
    std::printf("| %-18s | %5d | %10.3f s | %7.0f MiB | %7.0f MiB | %9zu |\n",
                cooperative ? "cooperative-sticky" : "sticky", round, report.seconds,
                static_cast<double>(usage.ru_maxrss) / 1024.0, static_cast<double>(report.hwmBeforeKib) / 1024.0,
                report.assigned);
}

} // namespace

int main(int argc, char **argv)
{
    bool quick = false;
    int repeat = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--quick") {
            quick = true;
        } else if (arg == "--repeat" && i + 1 < argc) {
            repeat = std::atoi(argv[++i]);
            if (repeat < 1) {
                std::fprintf(stderr, "bench_assignor: --repeat: expected a whole number >= 1\n");
                return 2;
            }
        } else {
            std::fprintf(stderr, "usage: bench_assignor [--quick] [--repeat N]\n");
            return 2;
        }
    }
    const Size size = quick ? Size{50, 200, 200} : Size{500, 2000, 2000};
    std::printf("%d topics x %d partitions = %d partitions, %d consumers subscribed to all topics; best of %d\n\n",
                size.topics, size.partitionsPerTopic, size.topics * size.partitionsPerTopic, size.consumers, repeat);
    std::printf("| assignor           | round | time         | peak RSS    | before call | assigned  |\n");
    std::printf("| ------------------ | ----- | -----------: | ----------: | ----------: | --------: |\n");
    for (const bool cooperative : {false, true}) {
        for (const int round : {1, 2})
            measure(size, cooperative, round, repeat);
    }
    return 0;
}
