#include "simulationcontroller.h"

#include <algorithm>
#include <limits>
#include <utility>

using namespace kafkascope;

namespace {
constexpr int kFrameIntervalMs = 16; // about 60 frames a second
constexpr qint64 kMaxWallStepMs = 250; // after a stall, do not leap ahead
} // namespace

SimulationController::SimulationController(std::unique_ptr<Cluster> cluster, QObject *parent)
    : QObject(parent), m_cluster(std::move(cluster))
{
    m_cluster->setObserver(this);
    m_timer.setInterval(kFrameIntervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimulationController::onTick);
}

SimulationController::~SimulationController()
{
    m_cluster->setObserver(nullptr);
}

const std::vector<double> &SimulationController::speedSteps()
{
    static const std::vector<double> steps{0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 100.0};
    return steps;
}

void SimulationController::play()
{
    if (m_timer.isActive())
        return;
    m_wallClock.start();
    m_carryMicros = 0.0;
    m_timer.start();
    emit playingChanged(true);
}

void SimulationController::pause()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void SimulationController::togglePlaying()
{
    if (isPlaying())
        pause();
    else
        play();
}

void SimulationController::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.1, 100.0);
    if (speed == m_speed)
        return;
    m_speed = speed;
    emit speedChanged(m_speed);
}

void SimulationController::onTick()
{
    playFrame(std::min(m_wallClock.restart(), kMaxWallStepMs));
}

void SimulationController::playFrame(qint64 wallMs)
{
    m_carryMicros += static_cast<double>(std::max<qint64>(0, wallMs)) * 1000.0 * m_speed;
    const auto whole = static_cast<std::int64_t>(m_carryMicros);
    m_carryMicros -= static_cast<double>(whole);
    runTo(m_cluster->now() + SimDuration::micros(whole), m_maxEventsPerFrame);
    m_pending.playback = true;
    finishFrame();
}

void SimulationController::step(qint64 ms)
{
    runTo(m_cluster->now() + SimDuration::millis(std::max<qint64>(0, ms)), std::numeric_limits<std::size_t>::max());
    finishFrame();
}

void SimulationController::advanceTo(SimTime t, qint64 frameMs)
{
    frameMs = std::max<qint64>(1, frameMs);
    while (m_cluster->now() < t) {
        runTo(std::min(t, m_cluster->now() + SimDuration::millis(frameMs)), std::numeric_limits<std::size_t>::max());
        finishFrame();
    }
}

void SimulationController::runTo(SimTime target, std::size_t maxEvents)
{
    if (target > m_cluster->now())
        maybeFork();
    if (!m_scenario) {
        m_eventsSinceRate += m_cluster->runUntil(target, maxEvents);
        return;
    }
    // A scenario: stop at each of its times on the way (actions, expectations, narration steps).
    while (true) {
        const auto stop = nextScenarioStop();
        const SimTime to = stop && *stop < target ? *stop : target;
        const std::size_t ran = m_cluster->runUntil(to, maxEvents);
        m_eventsSinceRate += ran;
        maxEvents -= std::min(maxEvents, ran);
        if (m_cluster->now() < to)
            return; // the frame's event budget ran out first
        if (m_runner && m_runner->nextStop() && *m_runner->nextStop() <= to) {
            const std::size_t before = m_runner->results().size() + m_runner->actionFailures().size();
            const std::size_t actionsBefore = m_runner->actionsDone();
            m_runner->advanceTo(*m_cluster, to);
            if (m_runner->actionsDone() != actionsBefore)
                m_pending.topicsChanged = true; // the actions may have added topics, clients or brokers
            for (std::size_t i = actionsBefore; i < m_runner->actionsDone(); ++i)
                record(m_scenario->timeline[i]);
            if (m_runner->results().size() + m_runner->actionFailures().size() != before)
                m_checkpointsChanged = true;
        }
        if (updateNarration() || to == target)
            return; // reached the target, or a "pause" step stopped playback here
    }
}

std::optional<SimTime> SimulationController::nextScenarioStop() const
{
    std::optional<SimTime> next = m_runner ? m_runner->nextStop() : std::nullopt;
    if (m_scenario) {
        const auto &steps = m_scenario->narration;
        const auto i = static_cast<std::size_t>(m_narrationIndex + 1);
        if (i < steps.size() && (!next || steps[i].at < *next))
            next = steps[i].at;
    }
    if (next && *next <= m_cluster->now() && !(m_runner && m_runner->nextStop() == next))
        return std::nullopt;
    return next;
}

bool SimulationController::updateNarration()
{
    if (!m_scenario)
        return false;
    const auto &steps = m_scenario->narration;
    int reached = -1;
    for (std::size_t i = 0; i < steps.size() && steps[i].at <= m_cluster->now(); ++i)
        reached = static_cast<int>(i);
    if (reached == m_narrationIndex)
        return false;
    const bool forward = reached > m_narrationIndex;
    m_narrationIndex = reached;
    emit narrationReached(reached);
    if (forward && reached >= 0 && steps[static_cast<std::size_t>(reached)].pause && isPlaying()) {
        pause();
        return true;
    }
    return false;
}

Status SimulationController::loadScenario(const Scenario &scenario, std::optional<std::uint64_t> seed,
                                          const std::string &dataDirectory)
{
    auto copy = std::make_unique<Scenario>(scenario);
    auto runner = std::make_unique<ScenarioRunner>(*copy);
    auto made = runner->makeCluster(seed, dataDirectory);
    if (!made.isOk())
        return made.status();
    pause();
    m_cluster->setObserver(nullptr);
    m_cluster = std::move(made.value());
    m_cluster->setObserver(this);
    m_origin = *copy;
    m_origin->seed = seed.value_or(copy->seed);
    m_recorded.clear();
    m_notRecordable.clear();
    m_scenario = std::move(copy);
    m_runner = std::move(runner);
    m_history.reset();
    m_narrationIndex = -1;
    m_carryMicros = 0.0;
    m_totalAppended = 0;
    m_pending = FrameDelta{};
    m_pending.topicsChanged = true;
    emit rewound();              // views holding anything of the old cluster read again
    emit forked(SimTime{});      // ... and drop what they drew of its past and future
    emit scenarioLoaded();
    runTo(m_cluster->now(), std::numeric_limits<std::size_t>::max()); // what happens at 0 s
    m_checkpointsChanged = true;
    finishFrame();
    return Status::ok();
}

std::vector<ExpectationResult> SimulationController::checkpointResults() const
{
    return m_runner ? m_runner->results() : std::vector<ExpectationResult>{};
}

std::vector<ActionFailure> SimulationController::scenarioActionFailures() const
{
    return m_runner ? m_runner->actionFailures() : std::vector<ActionFailure>{};
}

bool SimulationController::goToNextNarration()
{
    if (!m_scenario)
        return false;
    const auto i = static_cast<std::size_t>(m_narrationIndex + 1);
    if (i >= m_scenario->narration.size())
        return false;
    const SimTime at = m_scenario->narration[i].at;
    runTo(at, std::numeric_limits<std::size_t>::max());
    finishFrame();
    return true;
}

SimTime SimulationController::historyEnd() const
{
    return m_history ? std::max(m_history->time, m_cluster->now()) : m_cluster->now();
}

Status SimulationController::rewindTo(SimTime t)
{
    pause();
    if (!m_history)
        m_history = m_cluster->snapshot();
    t = std::clamp(t, SimTime{}, m_history->time);
    if (t == m_cluster->now())
        return Status::ok();
    auto restored = Cluster::restore(*m_history, t);
    if (!restored.isOk())
        return restored.status();
    m_cluster->setObserver(nullptr);
    m_cluster = std::move(restored.value());
    m_cluster->setObserver(this);
    m_pending = FrameDelta{};
    m_pending.topicsChanged = true;
    if (m_runner) {
        m_runner->rewindTo(t);
        m_checkpointsChanged = true;
    }
    emit rewound();
    (void)updateNarration();
    finishFrame();
    return Status::ok();
}

void SimulationController::maybeFork()
{
    if (!m_history)
        return;
    const bool future = m_cluster->now() < m_history->time;
    m_history.reset();
    if (future) {
        // The old future's actions go with it (Cluster::restore kept those up to now).
        const SimTime now = m_cluster->now();
        std::erase_if(m_recorded, [now](const ScenarioAction &a) { return a.at > now; });
        emit forked(now);
    }
}

void SimulationController::finishFrame()
{
    if (!m_rateClock.isValid())
        m_rateClock.start();
    if (const qint64 wall = m_rateClock.elapsed(); wall >= 1000) {
        m_eventsPerWallSecond = static_cast<double>(m_eventsSinceRate) * 1000.0 / static_cast<double>(wall);
        m_eventsSinceRate = 0;
        m_rateClock.restart();
    }
    m_lastFrame = std::move(m_pending);
    m_pending = FrameDelta{};
    emit frameAdvanced();
    if (std::exchange(m_checkpointsChanged, false))
        emit checkpointsChanged();
}

Result<PartitionId> SimulationController::produce(const QString &topic, const QString &key, bool nullKey,
                                                  const QString &value)
{
    std::optional<std::string> k;
    if (!nullKey)
        k = key.toStdString(); // Kafka's StringSerializer: UTF-8 bytes
    maybeFork();
    settle();
    ScenarioAction action;
    action.kind = ScenarioAction::Kind::Produce;
    action.topic.name = topic.toStdString();
    action.records.push_back({k, value.toStdString()});
    auto r = m_cluster->produce(action.topic.name, std::move(k), value.toStdString());
    if (r.isOk())
        record(std::move(action));
    return r;
}

Status SimulationController::killBroker(int id)
{
    maybeFork();
    settle();
    const Status st = m_cluster->killBroker(BrokerId{id});
    if (st.isOk()) {
        ScenarioAction action;
        action.kind = ScenarioAction::Kind::KillBroker;
        action.broker = id;
        record(std::move(action));
    }
    finishFrame();
    return st;
}

Status SimulationController::shutdownBroker(int id)
{
    maybeFork();
    settle();
    const Status st = m_cluster->shutdownBroker(BrokerId{id});
    if (st.isOk()) {
        ScenarioAction action;
        action.kind = ScenarioAction::Kind::ShutdownBroker;
        action.broker = id;
        record(std::move(action));
    }
    finishFrame();
    return st;
}

Status SimulationController::restartBroker(int id)
{
    maybeFork();
    settle();
    const Status st = m_cluster->restartBroker(BrokerId{id});
    if (st.isOk()) {
        ScenarioAction action;
        action.kind = ScenarioAction::Kind::RestartBroker;
        action.broker = id;
        record(std::move(action));
    }
    finishFrame();
    return st;
}

int SimulationController::electPreferredLeaders()
{
    maybeFork();
    settle();
    const int moved = m_cluster->electPreferredLeaders();
    ScenarioAction action;
    action.kind = ScenarioAction::Kind::ElectPreferredLeaders;
    record(std::move(action));
    finishFrame();
    return moved;
}

int SimulationController::addBroker(const std::optional<std::string> &rack)
{
    maybeFork();
    settle();
    const std::optional<std::string> joinRack = rack && !rack->empty() ? rack : std::nullopt;
    const int id = m_cluster->addBroker(joinRack).value();
    ScenarioAction action;
    action.kind = ScenarioAction::Kind::AddBroker;
    action.rack = joinRack;
    record(std::move(action));
    m_pending.topicsChanged = true; // the scene lays out its broker cards again
    finishFrame();
    return id;
}

Status SimulationController::createTopic(const QString &name, int partitions, const TopicSettings &settings)
{
    maybeFork();
    settle();
    const Status st = m_cluster->createTopic(name.toStdString(), partitions, settings);
    if (st.isOk()) {
        ScenarioAction action;
        action.kind = ScenarioAction::Kind::CreateTopic;
        action.topic = {name.toStdString(), partitions, settings};
        record(std::move(action));
    }
    finishFrame();
    return st;
}

Status SimulationController::addPartitions(const QString &topic, int totalPartitions)
{
    maybeFork();
    settle();
    const Status st = m_cluster->addPartitions(topic.toStdString(), totalPartitions);
    if (st.isOk()) {
        ScenarioAction action;
        action.kind = ScenarioAction::Kind::AddPartitions;
        action.topic.name = topic.toStdString();
        action.partitions = totalPartitions;
        record(std::move(action));
    }
    finishFrame();
    return st;
}

Status SimulationController::addProducer(const ProducerConfig &config)
{
    if (Status taken = checkClientIdFree(config.clientId); !taken.isOk())
        return taken;
    maybeFork();
    settle();
    const auto r = m_cluster->addProducer(config);
    if (r.isOk()) {
        ScenarioAction action;
        action.kind = ScenarioAction::Kind::AddProducer;
        action.producer = config;
        record(std::move(action));
    }
    m_pending.topicsChanged = true; // topic headings list their producers
    finishFrame();
    return r.isOk() ? Status::ok() : r.status();
}

Status SimulationController::addConsumer(const ConsumerConfig &config)
{
    if (Status taken = checkClientIdFree(config.clientId); !taken.isOk())
        return taken;
    maybeFork();
    settle();
    const auto r = m_cluster->addConsumer(config);
    if (r.isOk()) {
        ScenarioAction action;
        action.kind = ScenarioAction::Kind::AddConsumer;
        action.consumer = config;
        record(std::move(action));
    }
    m_pending.topicsChanged = true;
    finishFrame();
    return r.isOk() ? Status::ok() : r.status();
}

void SimulationController::isolateBroker(int id)
{
    maybeFork();
    settle();
    ScenarioAction action;
    action.kind = ScenarioAction::Kind::IsolateBroker;
    action.broker = id;
    record(std::move(action));
    std::set<NodeId> others;
    for (const auto &[b, info] : m_cluster->brokers())
        if (b.value() != id)
            others.insert(b.value());
    m_cluster->network().partition({id}, others);
    finishFrame();
}

void SimulationController::act(const std::function<void(Cluster &)> &action)
{
    maybeFork();
    settle();
    action(*m_cluster);
    if (m_notRecordable.empty())
        m_notRecordable = "a change made in code at " + formatSimTime(m_cluster->now()) + ", which no scenario can state";
    m_pending.topicsChanged = true; // the action may have added topics, clients or brokers
    finishFrame();
}

void SimulationController::healNetwork()
{
    maybeFork();
    settle();
    m_cluster->network().heal();
    ScenarioAction action;
    action.kind = ScenarioAction::Kind::HealNetwork;
    record(std::move(action));
    finishFrame();
}

Status SimulationController::slowBroker(int id, SimDuration delay)
{
    if (!m_cluster->brokers().count(BrokerId{id}))
        return Status::notFound("no broker " + std::to_string(id));
    maybeFork();
    settle();
    ScenarioAction action;
    action.kind = ScenarioAction::Kind::SlowBroker;
    action.broker = id;
    action.delay = std::max(delay, SimDuration{});
    m_cluster->network().setNodeDelay(id, action.delay); // a broker's network node is its id
    record(std::move(action));
    finishFrame();
    return Status::ok();
}

Status SimulationController::setNetworkConditions(SimDuration latency, SimDuration jitter, double loss)
{
    if (latency < SimDuration{} || jitter < SimDuration{})
        return Status::invalidArgument("latency and jitter cannot be negative");
    if (!(loss >= 0.0 && loss <= 1.0))
        return Status::invalidArgument("the loss probability must be from 0 to 1");
    maybeFork();
    settle();
    SimNetwork &network = m_cluster->network();
    network.setDefaultLatency(latency);
    network.setJitter(jitter);
    network.setLossProbability(loss);
    ScenarioAction action;
    action.kind = ScenarioAction::Kind::SetNetwork;
    action.latency = latency;
    action.jitter = jitter;
    action.loss = loss;
    record(std::move(action));
    finishFrame();
    return Status::ok();
}

SimDuration SimulationController::brokerDelay(int id) const
{
    return m_cluster->network().nodeDelay(id); // a broker's network node is its id
}

Status SimulationController::setLinkLatency(int a, int b, std::optional<SimDuration> latency)
{
    for (const int id : {a, b})
        if (!m_cluster->brokers().count(BrokerId{id}))
            return Status::notFound("no broker " + std::to_string(id));
    if (a == b)
        return Status::invalidArgument("a link joins two different brokers");
    if (latency && *latency < SimDuration{})
        return Status::invalidArgument("a latency cannot be negative");
    maybeFork();
    settle();
    ScenarioAction action;
    action.kind = ScenarioAction::Kind::SetLinkLatency;
    action.between = {a, b};
    action.linkLatency = latency;
    if (latency)
        m_cluster->network().setLinkLatency(a, b, *latency); // a broker's network node is its id
    else
        m_cluster->network().clearLinkLatency(a, b);
    record(std::move(action));
    finishFrame();
    return Status::ok();
}

std::optional<SimDuration> SimulationController::linkLatency(int a, int b) const
{
    const auto &links = m_cluster->network().linkLatencies();
    const auto it = links.find({std::min(a, b), std::max(a, b)});
    return it == links.end() ? std::nullopt : std::optional<SimDuration>(it->second);
}

ScenarioNetwork SimulationController::networkConditions() const
{
    const SimNetwork &network = m_cluster->network();
    ScenarioNetwork conditions;
    conditions.latency = network.defaultLatency();
    conditions.jitter = network.jitter();
    conditions.loss = network.lossProbability();
    for (const auto &[link, latency] : network.linkLatencies())
        if (link.second < kFirstClientNode) // between brokers (a broker's node is its id)
            conditions.links.push_back({link.first, link.second, latency});
    return conditions;
}

Status SimulationController::closeConsumer(int id)
{
    maybeFork();
    settle();
    const auto clientId = recordableClientId(id);
    const Status st = m_cluster->closeConsumer(ConsumerId{id});
    if (st.isOk() && clientId) {
        ScenarioAction action;
        action.kind = ScenarioAction::Kind::CloseConsumer;
        action.client = *clientId;
        record(std::move(action));
    }
    finishFrame();
    return st;
}

Status SimulationController::crashConsumer(int id)
{
    maybeFork();
    settle();
    const auto clientId = recordableClientId(id);
    const Status st = m_cluster->crashConsumer(ConsumerId{id});
    if (st.isOk() && clientId) {
        ScenarioAction action;
        action.kind = ScenarioAction::Kind::CrashConsumer;
        action.client = *clientId;
        record(std::move(action));
    }
    finishFrame();
    return st;
}

Status SimulationController::setConsumerProcessingTime(int id, SimDuration perRecord)
{
    maybeFork();
    settle();
    const auto clientId = recordableClientId(id);
    const Status st = m_cluster->setConsumerProcessingTime(ConsumerId{id}, perRecord);
    if (st.isOk() && clientId) {
        ScenarioAction action;
        action.kind = ScenarioAction::Kind::SetProcessingTime;
        action.client = *clientId;
        action.processingTime = perRecord;
        record(std::move(action));
    }
    finishFrame();
    return st;
}

Status SimulationController::resetGroupOffsets(const GroupOffsetReset &reset)
{
    maybeFork();
    settle();
    const Status st = m_cluster->resetGroupOffsets(reset);
    if (st.isOk()) {
        ScenarioAction action;
        action.kind = ScenarioAction::Kind::ResetOffsets;
        action.reset = reset;
        record(std::move(action));
    }
    finishFrame();
    return st;
}

Result<std::map<TopicPartition, Offset>> SimulationController::planGroupOffsetReset(const GroupOffsetReset &reset) const
{
    return m_cluster->planGroupOffsetReset(reset);
}

void SimulationController::onTopicCreated(const std::string &)
{
    m_pending.topicsChanged = true;
}

void SimulationController::onRecordAppended(const TopicPartition &tp, const Record &record, ProducerId from)
{
    m_pending.changedPartitions.insert(tp);
    m_pending.appended.push_back({QString::fromStdString(tp.topic), tp.partition.value(), record.offset.value(),
                                  record.timestampMs - Cluster::kSimulationEpochMs, from.value(),
                                  record.key ? QString::fromStdString(*record.key) : QString(), !record.key.has_value()});
    ++m_totalAppended;
}

void SimulationController::onPartitionStateChanged(const TopicPartition &tp)
{
    m_pending.changedPartitions.insert(tp);
}

void SimulationController::onRecordsConsumed(ConsumerId consumer, const TopicPartition &tp, Offset first, Offset last)
{
    m_pending.changedPartitions.insert(tp);
    m_pending.consumedPerTopic[QString::fromStdString(tp.topic)] += last - first + 1;
    m_pending.consumed.push_back({tp, consumer.value(), first.value(), last.value()});
}

void SimulationController::onRecordsReplicated(const TopicPartition &tp, BrokerId follower, Offset first, Offset last)
{
    m_pending.changedPartitions.insert(tp);
    m_pending.replicated.push_back({tp, follower.value(), first.value(), last.value()});
}

void SimulationController::onHighWatermarkChanged(const TopicPartition &tp, Offset)
{
    m_pending.changedPartitions.insert(tp);
}

// --- Recording ----------------------------------------------------------------------------------

void SimulationController::settle()
{
    runTo(m_cluster->now(), std::numeric_limits<std::size_t>::max());
}

void SimulationController::record(ScenarioAction action)
{
    action.at = m_cluster->now();
    action.path.clear();
    action.position = {};
    m_recorded.push_back(std::move(action));
}

Status SimulationController::pauseClientProcess(bool producer, int id, std::optional<SimDuration> duration)
{
    return clientProcessAction(producer, id, true, duration);
}

Status SimulationController::resumeClientProcess(bool producer, int id)
{
    return clientProcessAction(producer, id, false, std::nullopt);
}

Status SimulationController::clientProcessAction(bool producer, int id, bool pause, std::optional<SimDuration> duration)
{
    maybeFork();
    settle();
    std::optional<std::string> clientId;
    if (producer) {
        for (const auto &p : m_cluster->producers())
            if (p->id().value() == id)
                clientId = p->config().clientId;
    } else {
        clientId = recordableClientId(id);
    }
    Status st;
    if (pause)
        st = producer ? m_cluster->pauseProducerProcess(ProducerId{id}, duration)
                      : m_cluster->pauseConsumerProcess(ConsumerId{id}, duration);
    else
        st = producer ? m_cluster->resumeProducerProcess(ProducerId{id}) : m_cluster->resumeConsumerProcess(ConsumerId{id});
    if (st.isOk() && clientId) {
        ScenarioAction action;
        action.kind = pause ? ScenarioAction::Kind::PauseClient : ScenarioAction::Kind::ResumeClient;
        action.client = *clientId;
        action.clientIsProducer = producer;
        action.pauseDuration = duration;
        record(std::move(action));
    }
    finishFrame();
    return st;
}

bool SimulationController::isClientProcessPaused(bool producer, int id) const
{
    return producer ? m_cluster->isProducerProcessPaused(ProducerId{id}) : m_cluster->isConsumerProcessPaused(ConsumerId{id});
}

std::optional<std::string> SimulationController::recordableClientId(int id) const
{
    const Consumer *target = nullptr;
    for (const auto &c : m_cluster->consumers())
        if (c->id().value() == id)
            target = c.get();
    if (!target)
        return std::nullopt;
    return target->config().clientId;
}

bool SimulationController::isClientIdTaken(const std::string &clientId) const
{
    for (const auto &p : m_cluster->producers())
        if (p->config().clientId == clientId)
            return true;
    for (const auto &c : m_cluster->consumers())
        if (c->config().clientId == clientId)
            return true;
    return false;
}

Status SimulationController::checkClientIdFree(const std::string &clientId) const
{
    if (!clientId.empty() && isClientIdTaken(clientId))
        return Status::alreadyExists("client id \"" + clientId
                                     + "\" is taken: give each producer and consumer its own (scenarios and the "
                                       "recorded session name clients by it)");
    return Status::ok();
}

void SimulationController::setSessionOrigin(Scenario origin)
{
    origin.timeline.clear();
    origin.narration.clear();
    origin.expectations.clear();
    origin.until.reset();
    m_origin = std::move(origin);
    m_recorded.clear();
    m_notRecordable.clear();
}

Result<Scenario> SimulationController::recordedSession() const
{
    if (!m_origin)
        return Status::invalidArgument("this session did not start from a scenario or the demo, so it cannot be saved as one");
    if (!m_notRecordable.empty())
        return Status::invalidArgument("this session cannot be saved as a scenario: it holds " + m_notRecordable);
    const SimTime until = historyEnd();
    Scenario s = *m_origin;
    const auto later = [until](const auto &item) { return item.at > until; };
    s.timeline = m_recorded;
    std::erase_if(s.timeline, later);
    std::erase_if(s.narration, later);
    std::erase_if(s.expectations, later);
    s.until = until;
    const auto mark = [](std::string &title, const std::string &suffix) {
        if (!title.ends_with(suffix))
            title += suffix;
    };
    mark(s.title.en, " (recorded session)");
    mark(s.title.ko, " (기록한 세션)");
    return s;
}
