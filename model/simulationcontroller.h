#pragma once

#include "cluster/cluster.h"
#include "cluster/cluster_observer.h"
#include "scenario/scenario_runner.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

// What changed during one frame (one tick of the controller), handed to models and views in
// one batch (STYLE.md §5).
struct FrameDelta {
    struct Appended {
        QString topic;
        int partition = 0;
        qint64 offset = 0;
        qint64 timestampMs = 0; // the record's timestamp in simulated milliseconds (simTime)
        int producer = -1;      // the producer that sent it (-1: none, e.g. an internal record)
        QString key;
        bool nullKey = true;
    };
    // Records a follower copied from its leader (offsets first..last).
    struct Replicated {
        kafkascope::TopicPartition tp;
        int follower = 0;
        qint64 first = 0;
        qint64 last = 0;
    };
    // Records a consumer's poll returned (offsets first..last).
    struct Consumed {
        kafkascope::TopicPartition tp;
        int consumer = 0;
        qint64 first = 0;
        qint64 last = 0;
    };
    bool topicsChanged = false;
    // A frame of playback (the timer's tick), as opposed to a step, an action or a headless run:
    // widgets may take those at a lower rate (FrameThrottle).
    bool playback = false;
    std::set<kafkascope::TopicPartition> changedPartitions;
    std::vector<Appended> appended;
    std::vector<Replicated> replicated;
    std::vector<Consumed> consumed;
    std::map<QString, qint64> consumedPerTopic;

    [[nodiscard]] bool isEmpty() const
    {
        return !topicsChanged && changedPartitions.empty() && appended.empty() && consumedPerTopic.empty();
    }
};

// Drives the engine from a QTimer: play, pause, speed, step. Wall time (a QElapsedTimer)
// decides how far simTime moves each frame, never what happens in it; a frame runs at most
// maxEventsPerFrame() events, so a heavy frame lets simTime lag instead of freezing the UI.
// After every frame it emits frameAdvanced() once with everything that changed.
//
// Lives on the GUI thread; the engine is called from here only.
class SimulationController : public QObject, private kafkascope::ClusterObserver
{
    Q_OBJECT

public:
    explicit SimulationController(std::unique_ptr<kafkascope::Cluster> cluster, QObject *parent = nullptr);
    ~SimulationController() override;

    [[nodiscard]] const kafkascope::Cluster &cluster() const { return *m_cluster; }
    [[nodiscard]] kafkascope::SimTime simTime() const { return m_cluster->now(); }
    [[nodiscard]] bool isPlaying() const { return m_timer.isActive(); }
    [[nodiscard]] double speed() const { return m_speed; }
    [[nodiscard]] const FrameDelta &lastFrame() const { return m_lastFrame; }
    [[nodiscard]] std::uint64_t totalRecordsAppended() const { return m_totalAppended; }

    void setMaxEventsPerFrame(std::size_t n) { m_maxEventsPerFrame = n; }
    [[nodiscard]] std::size_t maxEventsPerFrame() const { return m_maxEventsPerFrame; }

    // Speeds the toolbar offers (simulated seconds per wall second).
    static const std::vector<double> &speedSteps();

    // A user's one-off record, sent at the current simTime; returns the partition or an error
    // message ready to show.
    kafkascope::Result<kafkascope::PartitionId> produce(const QString &topic, const QString &key, bool nullKey,
                                                        const QString &value);

    // --- Rewind ---
    // The end of the timeline: the furthest simTime this run has reached. Equal to simTime()
    // unless the user rewound.
    [[nodiscard]] kafkascope::SimTime historyEnd() const;
    [[nodiscard]] bool isRewound() const { return m_history && m_cluster->now() < m_history->time; }
    // Pauses and rebuilds the cluster as it was at `t` (clamped to [0, historyEnd()]) by replaying
    // the seed and the actions up to `t` (Cluster::restore); then emits rewound() and a frame with
    // topicsChanged set, so every view reads the new cluster. Moving within the timeline (back or
    // forward again) keeps its end; running on from a rewound time (play, step, any action) forks
    // a new future: the old one is dropped and forked() tells the views to drop what they drew of it.
    kafkascope::Status rewindTo(kafkascope::SimTime t);

    // Broker actions, at the current simTime; each ends with a frame so views update at once.
    kafkascope::Status killBroker(int id);
    kafkascope::Status shutdownBroker(int id);
    kafkascope::Status restartBroker(int id);
    int electPreferredLeaders();
    // Adding to the cluster, at the current simTime (each ends with a frame). A broker may join
    // in a rack (broker.rack; an empty rack means none).
    int addBroker(const std::optional<std::string> &rack = std::nullopt);
    kafkascope::Status createTopic(const QString &name, int partitions, const kafkascope::TopicSettings &settings);
    // Grows `topic` to `totalPartitions` (Cluster::addPartitions).
    kafkascope::Status addPartitions(const QString &topic, int totalPartitions);
    kafkascope::Status addProducer(const kafkascope::ProducerConfig &config);
    // Whether a producer or consumer already uses `clientId` (addProducer and addConsumer refuse it).
    [[nodiscard]] bool isClientIdTaken(const std::string &clientId) const;
    kafkascope::Status addConsumer(const kafkascope::ConsumerConfig &config);
    // Network faults: cut broker `id` off from the other brokers (clients still reach it), and
    // mend every cut.
    void isolateBroker(int id);
    void healNetwork();
    // Network conditions (SimNetwork): a slow broker, every message to or from it `delay` later
    // (0 or less: normal speed again; an unknown broker is refused); and the latency, jitter and
    // loss probability of every message from now on (negative durations or a loss outside [0, 1]
    // are refused). Both are recorded (slowBroker and setNetwork in a saved scenario).
    kafkascope::Status slowBroker(int id, kafkascope::SimDuration delay);
    kafkascope::Status setNetworkConditions(kafkascope::SimDuration latency, kafkascope::SimDuration jitter, double loss);
    // What they are now, read from the cluster's network: the extra delay of broker `id` (0 when it
    // runs at normal speed) and the network's conditions.
    [[nodiscard]] kafkascope::SimDuration brokerDelay(int id) const;
    // The link between brokers a and b takes `latency` from now on (nothing: the network's latency
    // again), recorded as a setLinkLatency action. Errors name a broker that does not exist or a
    // link from a broker to itself.
    kafkascope::Status setLinkLatency(int a, int b, std::optional<kafkascope::SimDuration> latency);
    // The link's own latency, if it has one.
    [[nodiscard]] std::optional<kafkascope::SimDuration> linkLatency(int a, int b) const;
    [[nodiscard]] kafkascope::ScenarioNetwork networkConditions() const;
    // --- Scenarios (docs/SCENARIOS.md) ---
    // Pauses and replaces the cluster with `scenario`'s at simTime 0; from then on the scenario's
    // timeline is played as time moves (actions at their times, expectations checked), narration
    // steps are announced (narrationReached) and a step with "pause" stops playback there.
    // Errors (the cluster refused the scenario's set-up) leave everything as it was.
    // `seed` replaces the scenario's; a `dataDirectory` keeps the logs on disk.
    kafkascope::Status loadScenario(const kafkascope::Scenario &scenario, std::optional<std::uint64_t> seed = std::nullopt,
                                    const std::string &dataDirectory = {});
    // The scenario being played, if any.
    [[nodiscard]] const kafkascope::Scenario *scenario() const { return m_scenario.get(); }
    // Expectations checked so far, in time order, and timeline actions the cluster refused.
    [[nodiscard]] std::vector<kafkascope::ExpectationResult> checkpointResults() const;
    [[nodiscard]] std::vector<kafkascope::ActionFailure> scenarioActionFailures() const;
    // The last narration step reached (index into scenario()->narration), -1 before the first.
    [[nodiscard]] int narrationIndex() const { return m_narrationIndex; }
    // Plays on to the next narration step's time (the narration panel's "Next ›"); returns false
    // when there is none.
    bool goToNextNarration();

    // A change made straight on the cluster at the current simTime. Ends with a frame in which every
    // view reads the cluster again. No scenario can state an arbitrary change, so after one the
    // session can no longer be saved as a scenario (recordedSession() says why).
    void act(const std::function<void(kafkascope::Cluster &)> &action);

    // --- Recording: the session as a scenario (File › Save Session as Scenario…) ---
    // Every session is recorded: the scenario that built the cluster (its "origin": the demo's,
    // demoScenario(), set by the app; or the scenario loadScenario() played) and every action done
    // since, by the user or by the scenario's timeline, at its exact simTime. A user's action first
    // runs the rest of the current simTime's events, so it lands after all of them, as a scenario's
    // action does: that is what makes the recording replay exactly.
    void setSessionOrigin(kafkascope::Scenario origin);
    [[nodiscard]] bool hasSessionOrigin() const { return m_origin.has_value(); }
    // The actions recorded so far (up to historyEnd(); a fork drops those of the old future).
    [[nodiscard]] const std::vector<kafkascope::ScenarioAction> &recordedActions() const { return m_recorded; }
    // The session as a scenario that replays to the same cluster at historyEnd(): the origin's
    // set-up, the recorded actions, its narration and expectations up to then, and `until` set to
    // historyEnd(). Fails when there is no origin or an action no scenario can state was done.
    [[nodiscard]] kafkascope::Result<kafkascope::Scenario> recordedSession() const;
    // Makes every partition log durable (Cluster::flush; a no-op in memory).
    kafkascope::Status flushStorage() { return m_cluster->flush(); }
    // Engine events run per wall second, measured over the last second of frames.
    [[nodiscard]] double eventsPerWallSecond() const { return m_eventsPerWallSecond; }
    // Consumer actions (KafkaConsumer.close(), or the process dies), at the current simTime.
    kafkascope::Status closeConsumer(int id);
    kafkascope::Status crashConsumer(int id);
    // The consumer's application takes `perRecord` per record from now on
    // (Cluster::setConsumerProcessingTime).
    kafkascope::Status setConsumerProcessingTime(int id, kafkascope::SimDuration perRecord);
    // A producer's (`producer`) or consumer's process freezes, like in a long GC pause, for
    // `duration` (nothing: until resumed), or thaws (Cluster::pauseProducerProcess and the like).
    kafkascope::Status pauseClientProcess(bool producer, int id, std::optional<kafkascope::SimDuration> duration);
    kafkascope::Status resumeClientProcess(bool producer, int id);
    [[nodiscard]] bool isClientProcessPaused(bool producer, int id) const;
    // kafka-consumer-groups --reset-offsets --execute on an inactive group (Cluster::resetGroupOffsets),
    // and what it would do (--dry-run).
    kafkascope::Status resetGroupOffsets(const kafkascope::GroupOffsetReset &reset);
    [[nodiscard]] kafkascope::Result<std::map<kafkascope::TopicPartition, kafkascope::Offset>>
    planGroupOffsetReset(const kafkascope::GroupOffsetReset &reset) const;

public slots:
    void play();
    void pause();
    void togglePlaying();
    // Clamped to [0.1, 100].
    void setSpeed(double speed);
    // One frame of playback as the timer runs it, `wallMs` of wall time after the previous one
    // (simTime moves by wallMs x speed, at most maxEventsPerFrame() events). For benchmarks.
    void playFrame(qint64 wallMs);
    // Advances simTime by `ms` simulated milliseconds at once (the toolbar's Step).
    void step(qint64 ms = 100);
    // Runs the engine to `t` in frames of `frameMs` simulated milliseconds, emitting
    // frameAdvanced() after each, as if the GUI had played there. Used by headless runs.
    void advanceTo(kafkascope::SimTime t, qint64 frameMs = 100);

signals:
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void frameAdvanced();
    // The cluster was replaced by rewindTo(): views holding anything of the old one read again.
    void rewound();
    // The simulation ran on from `at`, earlier than the timeline's end: the old future is gone.
    void forked(kafkascope::SimTime at);
    // A scenario was loaded (the cluster is new: frameAdvanced with topicsChanged follows).
    void scenarioLoaded();
    // Playback reached narration step `index` (or went back to it, after a rewind).
    void narrationReached(int index);
    // Expectations were checked (or forgotten, after a rewind).
    void checkpointsChanged();

private:
    void onTick();
    void runTo(kafkascope::SimTime target, std::size_t maxEvents);
    void finishFrame();
    // Called before anything moves the simulation on: forks when the cluster was rewound.
    void maybeFork();
    // Before a user's action: runs the events left at the current simTime (a frame whose event
    // budget ran out may have stopped among them), so the action comes after all of them.
    void settle();
    // Keeps `action` (done now) in the session's recording.
    void record(kafkascope::ScenarioAction action);
    // The client.id naming consumer `id` in a recording (a scenario names the newest consumer with
    // a client.id); nothing when there is no such consumer.
    [[nodiscard]] std::optional<std::string> recordableClientId(int id) const;
    // pauseClientProcess and resumeClientProcess (`pause`), recorded as a scenario action.
    kafkascope::Status clientProcessAction(bool producer, int id, bool pause, std::optional<kafkascope::SimDuration> duration);
    // An error when a producer or consumer named `clientId` already exists (scenarios name clients
    // by client.id, so each must have its own).
    [[nodiscard]] kafkascope::Status checkClientIdFree(const std::string &clientId) const;
    // The next time playback must stop at: a scenario action or expectation, or a narration step.
    [[nodiscard]] std::optional<kafkascope::SimTime> nextScenarioStop() const;
    // After simTime moved: announces a newly reached narration step; returns true when it was a
    // "pause" step and playback stopped there.
    bool updateNarration();

    // ClusterObserver
    void onTopicCreated(const std::string &topic) override;
    void onRecordAppended(const kafkascope::TopicPartition &tp, const kafkascope::Record &record,
                          kafkascope::ProducerId from) override;
    void onPartitionStateChanged(const kafkascope::TopicPartition &tp) override;
    void onRecordsConsumed(kafkascope::ConsumerId consumer, const kafkascope::TopicPartition &tp,
                           kafkascope::Offset first, kafkascope::Offset last) override;
    void onRecordsReplicated(const kafkascope::TopicPartition &tp, kafkascope::BrokerId follower,
                             kafkascope::Offset first, kafkascope::Offset last) override;
    void onHighWatermarkChanged(const kafkascope::TopicPartition &tp, kafkascope::Offset highWatermark) override;

    std::unique_ptr<kafkascope::Cluster> m_cluster;
    QTimer m_timer;
    QElapsedTimer m_wallClock; // wall time since the previous tick
    double m_speed = 1.0;
    double m_carryMicros = 0.0; // simulated time owed by earlier frames, below one microsecond
    std::size_t m_maxEventsPerFrame = 20000;
    FrameDelta m_pending;
    FrameDelta m_lastFrame;
    std::uint64_t m_totalAppended = 0;
    QElapsedTimer m_rateClock;
    std::uint64_t m_eventsSinceRate = 0;
    double m_eventsPerWallSecond = 0;
    // The whole timeline (seed and actions up to its end), kept from the first rewind until the
    // simulation runs on from the rewound time.
    std::optional<kafkascope::ClusterSnapshot> m_history;
    std::unique_ptr<kafkascope::Scenario> m_scenario;
    std::unique_ptr<kafkascope::ScenarioRunner> m_runner;
    int m_narrationIndex = -1;
    bool m_checkpointsChanged = false;
    // The recording (see setSessionOrigin).
    std::optional<kafkascope::Scenario> m_origin;
    std::vector<kafkascope::ScenarioAction> m_recorded;
    std::string m_notRecordable; // why this session cannot be written as a scenario, if it cannot
};
