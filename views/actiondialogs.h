#pragma once

#include "client/consumer.h"
#include "client/producer.h"
#include "cluster/topic.h"
#include "core/status.h"
#include "group/group_offset_reset.h"

#include <QDialog>

#include <functional>
#include <map>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// The Cluster menu's dialogs. Each builds the engine's settings from its fields and hands them to
// `apply`; when the engine (or the dialog's own check) refuses them, the reason shows inline, in
// red, and the dialog stays open with everything the user typed. Nothing is applied twice.
class ActionDialog : public QDialog
{
    Q_OBJECT

public:
    [[nodiscard]] QString errorText() const;

protected:
    explicit ActionDialog(QWidget *parent);
    // Adds the error line and the OK/Cancel buttons under `form`'s rows.
    void finishLayout(QLayout *form);
    void showError(const QString &message);
    // Called on OK: returns the error to show, empty when done (the dialog then closes).
    virtual QString tryApply() = 0;

private:
    void onAccepted();

    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

// Cluster → New Topic: name, partitions, replication factor, min.insync.replicas, cleanup.policy,
// unclean.leader.election.enable.
class TopicDialog : public ActionDialog
{
    Q_OBJECT

public:
    using Apply = std::function<kafkascope::Status(const QString &name, int partitions, const kafkascope::TopicSettings &)>;
    TopicDialog(int brokers, Apply apply, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QSpinBox *partitionsBox() const { return m_partitions; }
    QSpinBox *replicationBox() const { return m_replication; }
    QSpinBox *minIsrBox() const { return m_minIsr; }

protected:
    QString tryApply() override;

private:
    Apply m_apply;
    QLineEdit *m_name;
    QSpinBox *m_partitions;
    QSpinBox *m_replication;
    QSpinBox *m_minIsr;
    QComboBox *m_cleanup;
    QCheckBox *m_unclean;
};

// Cluster → Add Partitions: a topic and its new partition count (more than it has). Keys hash
// anew afterwards, which the dialog says.
class PartitionsDialog : public ActionDialog
{
    Q_OBJECT

public:
    using Apply = std::function<kafkascope::Status(const QString &topic, int totalPartitions)>;
    // `topics`: the user's topics with their partition counts.
    PartitionsDialog(const std::map<QString, int> &topics, Apply apply, QWidget *parent = nullptr);

    QComboBox *topicBox() const { return m_topic; }
    QSpinBox *totalBox() const { return m_total; }

protected:
    QString tryApply() override;

private:
    void onTopicChanged();

    Apply m_apply;
    std::map<QString, int> m_topics;
    QComboBox *m_topic;
    QSpinBox *m_total;
    QLabel *m_note;
};

// Cluster → Add Producer: client id, topic, rate, keys, acks, idempotence, partitioner, linger.ms.
class ProducerDialog : public ActionDialog
{
    Q_OBJECT

public:
    using Apply = std::function<kafkascope::Status(const kafkascope::ProducerConfig &)>;
    ProducerDialog(const QStringList &topics, Apply apply, QWidget *parent = nullptr);

    QLineEdit *clientIdEdit() const { return m_clientId; }
    QDoubleSpinBox *rateBox() const { return m_rate; }
    QComboBox *keysCombo() const { return m_keys; }
    QSpinBox *keyCountBox() const { return m_keyCount; }

protected:
    QString tryApply() override;

private:
    Apply m_apply;
    QLineEdit *m_clientId;
    QComboBox *m_topic;
    QDoubleSpinBox *m_rate;
    QComboBox *m_keys;
    QSpinBox *m_keyCount;
    QComboBox *m_acks;
    QCheckBox *m_idempotence;
    QComboBox *m_partitioner;
    QSpinBox *m_linger;
};

// Cluster → Add Consumer: client id, topic, group (empty: none), assignor, auto commit,
// processing time per record, group.instance.id.
class ConsumerDialog : public ActionDialog
{
    Q_OBJECT

public:
    using Apply = std::function<kafkascope::Status(const kafkascope::ConsumerConfig &)>;
    ConsumerDialog(const QStringList &topics, Apply apply, QWidget *parent = nullptr);

    QLineEdit *clientIdEdit() const { return m_clientId; }
    QLineEdit *groupEdit() const { return m_group; }
    QComboBox *assignorCombo() const { return m_assignor; }
    QSpinBox *processingBox() const { return m_processingMs; }

protected:
    QString tryApply() override;

private:
    Apply m_apply;
    QLineEdit *m_clientId;
    QComboBox *m_topic;
    QLineEdit *m_group;
    QComboBox *m_assignor;
    QCheckBox *m_autoCommit;
    QComboBox *m_offsetReset;
    QSpinBox *m_processingMs;
    QLineEdit *m_instanceId;
};

// Cluster → Consumers → Reset Group Offsets…: kafka-consumer-groups --reset-offsets --execute for
// an inactive group: which group, which partitions (every partition the group committed, a topic,
// or one partition of it) and where to (earliest, latest, an offset, a shift). A preview shows
// what would be committed (--dry-run) or why it would be refused.
class ResetOffsetsDialog : public ActionDialog
{
    Q_OBJECT

public:
    using Apply = std::function<kafkascope::Status(const kafkascope::GroupOffsetReset &)>;
    using Plan = std::function<kafkascope::Result<std::map<kafkascope::TopicPartition, kafkascope::Offset>>(
        const kafkascope::GroupOffsetReset &)>;
    struct TopicInfo {
        QString name;
        int partitions = 0;
    };
    // `plan` may be empty (no preview).
    ResetOffsetsDialog(const QStringList &groups, const std::vector<TopicInfo> &topics, Apply apply, Plan plan = {},
                       QWidget *parent = nullptr);

    void setGroup(const QString &group);
    QComboBox *groupCombo() const { return m_group; }
    QComboBox *topicCombo() const { return m_topic; }
    QComboBox *partitionCombo() const { return m_partition; }
    QComboBox *kindCombo() const { return m_kind; }
    QLineEdit *valueEdit() const { return m_value; }
    QLabel *previewLabel() const { return m_preview; }

protected:
    QString tryApply() override;

private:
    // The reset the fields describe, or the reason they do not describe one.
    std::optional<kafkascope::GroupOffsetReset> readFields(QString *error) const;
    void updateFields();
    void updatePreview();

    Apply m_apply;
    Plan m_plan;
    std::vector<TopicInfo> m_topics;
    QComboBox *m_group;
    QComboBox *m_topic;
    QComboBox *m_partition;
    QComboBox *m_kind;
    QLineEdit *m_value;
    QLabel *m_preview;
};

// Cluster → Consumers → a consumer → Processing Time…: how long the consumer's application works
// on each record from now on (slow it down to build lag, speed it up to drain it).
class ProcessingTimeDialog : public ActionDialog
{
    Q_OBJECT

public:
    struct ConsumerInfo {
        int id = 0;
        QString name;
        double currentMs = 0;       // its processing time per record now
        int maxPollRecords = 500;   // max.poll.records
        int maxPollIntervalMs = 300000; // max.poll.interval.ms (group members only; 0: no group)
    };
    using Apply = std::function<kafkascope::Status(int consumer, kafkascope::SimDuration perRecord)>;
    ProcessingTimeDialog(const std::vector<ConsumerInfo> &consumers, Apply apply, QWidget *parent = nullptr);

    void setConsumer(int id);
    QComboBox *consumerCombo() const { return m_consumer; }
    QDoubleSpinBox *timeBox() const { return m_time; }
    QLabel *hintLabel() const { return m_hint; }

protected:
    QString tryApply() override;

private:
    void updateHint();

    Apply m_apply;
    std::vector<ConsumerInfo> m_consumers;
    QComboBox *m_consumer;
    QDoubleSpinBox *m_time;
    QLabel *m_hint;
};

// Cluster → Network → Network Conditions…: the latency, jitter and loss of every message from
// now on (SimNetwork), filled in with the current ones.
class NetworkConditionsDialog : public ActionDialog
{
    Q_OBJECT

public:
    using Apply = std::function<kafkascope::Status(kafkascope::SimDuration latency, kafkascope::SimDuration jitter, double loss)>;
    // `loss` is a probability in [0, 1] (the dialog shows it in %).
    NetworkConditionsDialog(kafkascope::SimDuration latency, kafkascope::SimDuration jitter, double loss, Apply apply,
                            QWidget *parent = nullptr);

    QDoubleSpinBox *latencyBox() const { return m_latency; }
    QDoubleSpinBox *jitterBox() const { return m_jitter; }
    QDoubleSpinBox *lossBox() const { return m_loss; }
    QLabel *hintLabel() const { return m_hint; }

protected:
    QString tryApply() override;

private:
    void updateHint();

    Apply m_apply;
    QDoubleSpinBox *m_latency;
    QDoubleSpinBox *m_jitter;
    QDoubleSpinBox *m_loss;
    QLabel *m_hint;
};

// Cluster → Network → Latency Between Two Brokers: one link's own latency (a broker in another
// data centre), or the network's latency again.
class LinkLatencyDialog : public ActionDialog
{
    Q_OBJECT

public:
    // The link's latency now (nothing: it takes the network's).
    using Current = std::function<std::optional<kafkascope::SimDuration>(int a, int b)>;
    using Apply = std::function<kafkascope::Status(int a, int b, std::optional<kafkascope::SimDuration> latency)>;
    LinkLatencyDialog(std::vector<int> brokers, kafkascope::SimDuration networkLatency, Current current, Apply apply,
                      QWidget *parent = nullptr);

    QComboBox *fromCombo() const { return m_from; }
    QComboBox *toCombo() const { return m_to; }
    QDoubleSpinBox *latencyBox() const { return m_latency; }
    QCheckBox *networkLatencyBox() const { return m_useNetwork; }
    QLabel *hintLabel() const { return m_hint; }

protected:
    QString tryApply() override;

private:
    // The fields show the chosen link's latency now.
    void showCurrent();
    void updateHint();

    kafkascope::SimDuration m_networkLatency;
    Current m_current;
    Apply m_apply;
    QComboBox *m_from;
    QComboBox *m_to;
    QDoubleSpinBox *m_latency;
    QCheckBox *m_useNetwork;
    QLabel *m_hint;
};

