#include "simulationcontroller.h"

#include <algorithm>

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
    m_eventsSinceRate += m_cluster->runUntil(target, maxEvents);
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
    emit rewound();
    finishFrame();
    return Status::ok();
}

void SimulationController::maybeFork()
{
    if (!m_history)
        return;
    const bool future = m_cluster->now() < m_history->time;
    m_history.reset();
    if (future)
        emit forked(m_cluster->now());
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
}

Result<PartitionId> SimulationController::produce(const QString &topic, const QString &key, bool nullKey,
                                                  const QString &value)
{
    std::optional<std::string> k;
    if (!nullKey)
        k = key.toStdString(); // Kafka's StringSerializer: UTF-8 bytes
    maybeFork();
    return m_cluster->produce(topic.toStdString(), std::move(k), value.toStdString());
}

Status SimulationController::killBroker(int id)
{
    maybeFork();
    const Status st = m_cluster->killBroker(BrokerId{id});
    finishFrame();
    return st;
}

Status SimulationController::shutdownBroker(int id)
{
    maybeFork();
    const Status st = m_cluster->shutdownBroker(BrokerId{id});
    finishFrame();
    return st;
}

Status SimulationController::restartBroker(int id)
{
    maybeFork();
    const Status st = m_cluster->restartBroker(BrokerId{id});
    finishFrame();
    return st;
}

int SimulationController::electPreferredLeaders()
{
    maybeFork();
    const int moved = m_cluster->electPreferredLeaders();
    finishFrame();
    return moved;
}

int SimulationController::addBroker()
{
    maybeFork();
    const int id = m_cluster->addBroker().value();
    m_pending.topicsChanged = true; // the scene lays out its broker cards again
    finishFrame();
    return id;
}

Status SimulationController::createTopic(const QString &name, int partitions, const TopicSettings &settings)
{
    maybeFork();
    const Status st = m_cluster->createTopic(name.toStdString(), partitions, settings);
    finishFrame();
    return st;
}

Status SimulationController::addProducer(const ProducerConfig &config)
{
    maybeFork();
    const auto r = m_cluster->addProducer(config);
    m_pending.topicsChanged = true; // topic headings list their producers
    finishFrame();
    return r.isOk() ? Status::ok() : r.status();
}

Status SimulationController::addConsumer(const ConsumerConfig &config)
{
    maybeFork();
    const auto r = m_cluster->addConsumer(config);
    m_pending.topicsChanged = true;
    finishFrame();
    return r.isOk() ? Status::ok() : r.status();
}

void SimulationController::isolateBroker(int id)
{
    maybeFork();
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
    action(*m_cluster);
    m_pending.topicsChanged = true; // the action may have added topics, clients or brokers
    finishFrame();
}

void SimulationController::healNetwork()
{
    maybeFork();
    m_cluster->network().heal();
    finishFrame();
}

Status SimulationController::closeConsumer(int id)
{
    maybeFork();
    const Status st = m_cluster->closeConsumer(ConsumerId{id});
    finishFrame();
    return st;
}

Status SimulationController::crashConsumer(int id)
{
    maybeFork();
    const Status st = m_cluster->crashConsumer(ConsumerId{id});
    finishFrame();
    return st;
}

Status SimulationController::setConsumerProcessingTime(int id, SimDuration perRecord)
{
    maybeFork();
    const Status st = m_cluster->setConsumerProcessingTime(ConsumerId{id}, perRecord);
    finishFrame();
    return st;
}

Status SimulationController::resetGroupOffsets(const GroupOffsetReset &reset)
{
    maybeFork();
    const Status st = m_cluster->resetGroupOffsets(reset);
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
