#include "leader_election.h"

namespace kafkascope {

std::optional<BrokerId> electLeaderOnFailure(const std::vector<BrokerId> &assignment, const std::set<BrokerId> &isr,
                                             const std::set<BrokerId> &liveBrokers, bool uncleanLeaderElectionEnable,
                                             bool *uncleanUsed)
{
    if (uncleanUsed)
        *uncleanUsed = false;
    for (const BrokerId b : assignment)
        if (liveBrokers.count(b) && isr.count(b))
            return b;
    if (!uncleanLeaderElectionEnable)
        return std::nullopt;
    for (const BrokerId b : assignment) {
        if (liveBrokers.count(b)) {
            if (uncleanUsed)
                *uncleanUsed = true;
            return b;
        }
    }
    return std::nullopt;
}

std::optional<BrokerId> electPreferredLeader(const std::vector<BrokerId> &assignment, const std::set<BrokerId> &isr,
                                             const std::set<BrokerId> &liveBrokers)
{
    if (assignment.empty())
        return std::nullopt;
    const BrokerId preferred = assignment.front();
    if (liveBrokers.count(preferred) && isr.count(preferred))
        return preferred;
    return std::nullopt;
}

std::optional<BrokerId> electLeaderOnControlledShutdown(const std::vector<BrokerId> &assignment,
                                                        const std::set<BrokerId> &isr,
                                                        const std::set<BrokerId> &liveBrokers,
                                                        const std::set<BrokerId> &shuttingDown)
{
    for (const BrokerId b : assignment)
        if (liveBrokers.count(b) && isr.count(b) && !shuttingDown.count(b))
            return b;
    return std::nullopt;
}

std::int32_t leaderEpochAfter(std::int32_t epoch, std::optional<BrokerId> oldLeader, std::optional<BrokerId> newLeader)
{
    return oldLeader == newLeader ? epoch : epoch + 1;
}

std::set<BrokerId> isrAfterElection(const std::set<BrokerId> &isr, const std::set<BrokerId> &liveBrokers,
                                    BrokerId leader, bool unclean)
{
    if (unclean)
        return {leader};
    std::set<BrokerId> out;
    for (const BrokerId b : isr)
        if (liveBrokers.count(b))
            out.insert(b);
    out.insert(leader);
    return out;
}

} // namespace kafkascope
