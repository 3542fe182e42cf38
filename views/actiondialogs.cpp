#include "actiondialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

using namespace kafkascope;

ActionDialog::ActionDialog(QWidget *parent)
    : QDialog(parent), m_error(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b01c1c; font-weight: bold;"));
    m_error->hide();
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ActionDialog::onAccepted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ActionDialog::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void ActionDialog::finishLayout(QLayout *form)
{
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
}

void ActionDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ActionDialog::onAccepted()
{
    const QString error = tryApply();
    showError(error);
    if (error.isEmpty())
        accept();
}

// --- Topic ---------------------------------------------------------------------------------

TopicDialog::TopicDialog(int brokers, Apply apply, QWidget *parent)
    : ActionDialog(parent),
      m_apply(std::move(apply)),
      m_name(new QLineEdit(this)),
      m_partitions(new QSpinBox(this)),
      m_replication(new QSpinBox(this)),
      m_minIsr(new QSpinBox(this)),
      m_cleanup(new QComboBox(this)),
      m_unclean(new QCheckBox(this))
{
    setWindowTitle(tr("New Topic"));
    m_name->setPlaceholderText(tr("e.g. payments"));
    m_partitions->setRange(1, 1000);
    m_partitions->setValue(3);
    m_replication->setRange(1, std::max(1, brokers));
    m_replication->setValue(std::min(3, std::max(1, brokers)));
    m_minIsr->setRange(1, std::max(1, brokers));
    m_minIsr->setValue(std::min(2, m_replication->value()));
    m_cleanup->addItem(tr("delete (retention)"), static_cast<int>(CleanupPolicy::Delete));
    m_cleanup->addItem(tr("compact (last value per key)"), static_cast<int>(CleanupPolicy::Compact));
    m_cleanup->addItem(tr("compact,delete"), static_cast<int>(CleanupPolicy::CompactDelete));
    m_unclean->setText(tr("unclean.leader.election.enable (an out-of-sync replica may lead: records can be lost)"));
    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Partitions"), m_partitions);
    form->addRow(tr("Replication factor"), m_replication);
    form->addRow(tr("min.insync.replicas"), m_minIsr);
    form->addRow(tr("cleanup.policy"), m_cleanup);
    form->addRow(QString(), m_unclean);
    finishLayout(form);
}

PartitionsDialog::PartitionsDialog(const std::map<QString, int> &topics, Apply apply, QWidget *parent)
    : ActionDialog(parent),
      m_apply(std::move(apply)),
      m_topics(topics),
      m_topic(new QComboBox(this)),
      m_total(new QSpinBox(this)),
      m_note(new QLabel(this))
{
    setWindowTitle(tr("Add Partitions"));
    for (const auto &[name, count] : m_topics)
        m_topic->addItem(name);
    m_total->setRange(1, 10000);
    m_note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Topic"), m_topic);
    form->addRow(tr("Partitions in all"), m_total);
    form->addRow(QString(), m_note);
    finishLayout(form);
    connect(m_topic, &QComboBox::currentIndexChanged, this, &PartitionsDialog::onTopicChanged);
    onTopicChanged();
}

void PartitionsDialog::onTopicChanged()
{
    const auto it = m_topics.find(m_topic->currentText());
    const int now = it == m_topics.end() ? 0 : it->second;
    m_total->setValue(now + 1);
    m_note->setText(tr("It has %n partition(s). Kafka can only add partitions; afterwards a key's partition is "
                       "murmur2(key) mod the new count, so many keys move to another partition.",
                       nullptr, now));
}

QString PartitionsDialog::tryApply()
{
    if (m_topic->currentText().isEmpty())
        return tr("Topic: there is no topic to grow.");
    const auto it = m_topics.find(m_topic->currentText());
    if (it != m_topics.end() && m_total->value() <= it->second)
        return tr("Partitions in all: %1 has %2 already; a topic's partitions can only be increased.")
            .arg(m_topic->currentText())
            .arg(it->second);
    const Status st = m_apply(m_topic->currentText(), m_total->value());
    return st.isOk() ? QString() : QString::fromStdString(st.message());
}

QString TopicDialog::tryApply()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Name: a topic needs a name.");
    if (m_minIsr->value() > m_replication->value())
        return tr("min.insync.replicas (%1) cannot exceed the replication factor (%2): no write with acks=all could succeed.")
            .arg(m_minIsr->value())
            .arg(m_replication->value());
    TopicSettings settings;
    settings.replicationFactor = m_replication->value();
    settings.minInsyncReplicas = m_minIsr->value();
    settings.uncleanLeaderElection = m_unclean->isChecked();
    settings.log.cleanupPolicy = static_cast<CleanupPolicy>(m_cleanup->currentData().toInt());
    const Status st = m_apply(name, m_partitions->value(), settings);
    return st.isOk() ? QString() : QString::fromStdString(st.message());
}

// --- Producer ------------------------------------------------------------------------------

ProducerDialog::ProducerDialog(const QStringList &topics, Apply apply, QWidget *parent)
    : ActionDialog(parent),
      m_apply(std::move(apply)),
      m_clientId(new QLineEdit(this)),
      m_topic(new QComboBox(this)),
      m_rate(new QDoubleSpinBox(this)),
      m_keys(new QComboBox(this)),
      m_keyCount(new QSpinBox(this)),
      m_acks(new QComboBox(this)),
      m_idempotence(new QCheckBox(this)),
      m_partitioner(new QComboBox(this)),
      m_linger(new QSpinBox(this))
{
    setWindowTitle(tr("Add Producer"));
    m_clientId->setText(QStringLiteral("producer"));
    m_topic->addItems(topics);
    m_rate->setRange(0.1, 100000);
    m_rate->setDecimals(1);
    m_rate->setValue(5);
    m_rate->setSuffix(tr(" records/s"));
    m_keys->addItem(tr("uniform over N keys"), static_cast<int>(KeyDistribution::Kind::Uniform));
    m_keys->addItem(tr("a few hot keys (80% of records on 20% of keys)"), static_cast<int>(KeyDistribution::Kind::HotKeys));
    m_keys->addItem(tr("Zipf over N keys"), static_cast<int>(KeyDistribution::Kind::Zipf));
    m_keys->addItem(tr("null keys (sticky partitioner)"), static_cast<int>(KeyDistribution::Kind::NullKeys));
    m_keyCount->setRange(1, 1000000);
    m_keyCount->setValue(10);
    connect(m_keys, &QComboBox::currentIndexChanged, this, [this] {
        m_keyCount->setEnabled(m_keys->currentData().toInt() != static_cast<int>(KeyDistribution::Kind::NullKeys));
    });
    m_acks->addItem(QStringLiteral("all (-1)"), -1);
    m_acks->addItem(QStringLiteral("1"), 1);
    m_acks->addItem(QStringLiteral("0"), 0);
    m_idempotence->setText(tr("enable.idempotence (with acks=all)"));
    m_idempotence->setChecked(true);
    m_partitioner->addItem(tr("built-in (murmur2 for keys, sticky for null keys)"), static_cast<int>(PartitionerKind::BuiltIn));
    m_partitioner->addItem(tr("RoundRobinPartitioner"), static_cast<int>(PartitionerKind::RoundRobin));
    m_linger->setRange(0, 60000);
    m_linger->setValue(5);
    m_linger->setSuffix(QStringLiteral(" ms"));
    auto *form = new QFormLayout;
    form->addRow(tr("Client id"), m_clientId);
    form->addRow(tr("Topic"), m_topic);
    form->addRow(tr("Rate"), m_rate);
    form->addRow(tr("Keys"), m_keys);
    form->addRow(tr("N (distinct keys)"), m_keyCount);
    form->addRow(tr("acks"), m_acks);
    form->addRow(QString(), m_idempotence);
    form->addRow(tr("Partitioner"), m_partitioner);
    form->addRow(tr("linger.ms"), m_linger);
    finishLayout(form);
}

QString ProducerDialog::tryApply()
{
    ProducerConfig config;
    config.clientId = m_clientId->text().trimmed().toStdString();
    if (config.clientId.empty())
        return tr("Client id: a producer needs a name.");
    if (m_topic->currentText().isEmpty())
        return tr("Topic: create a topic first.");
    config.topic = m_topic->currentText().toStdString();
    auto rate = RateModel::constant(m_rate->value());
    if (!rate.isOk())
        return tr("Rate: %1").arg(QString::fromStdString(rate.status().message()));
    config.rate = rate.value();
    const auto n = static_cast<std::size_t>(m_keyCount->value());
    Result<KeyDistribution> keys = KeyDistribution::nullKeys();
    switch (static_cast<KeyDistribution::Kind>(m_keys->currentData().toInt())) {
    case KeyDistribution::Kind::Uniform: keys = KeyDistribution::uniform(n); break;
    case KeyDistribution::Kind::HotKeys: keys = KeyDistribution::hotKeys(n, std::max<std::size_t>(1, n / 5), 0.8); break;
    case KeyDistribution::Kind::Zipf: keys = KeyDistribution::zipf(n, 1.0); break;
    case KeyDistribution::Kind::NullKeys: break;
    }
    if (!keys.isOk())
        return tr("Keys: %1").arg(QString::fromStdString(keys.status().message()));
    config.keys = keys.value();
    config.values = ValueGenerator::fixedSize(64).value();
    config.acks = m_acks->currentData().toInt();
    config.enableIdempotence = m_idempotence->isChecked();
    config.partitioner = static_cast<PartitionerKind>(m_partitioner->currentData().toInt());
    config.lingerMs = m_linger->value();
    const Status st = m_apply(config);
    return st.isOk() ? QString() : QString::fromStdString(st.message());
}

// --- Consumer ------------------------------------------------------------------------------

ConsumerDialog::ConsumerDialog(const QStringList &topics, Apply apply, QWidget *parent)
    : ActionDialog(parent),
      m_apply(std::move(apply)),
      m_clientId(new QLineEdit(this)),
      m_topic(new QComboBox(this)),
      m_group(new QLineEdit(this)),
      m_assignor(new QComboBox(this)),
      m_autoCommit(new QCheckBox(this)),
      m_offsetReset(new QComboBox(this)),
      m_processingMs(new QSpinBox(this)),
      m_instanceId(new QLineEdit(this))
{
    setWindowTitle(tr("Add Consumer"));
    m_clientId->setText(QStringLiteral("consumer"));
    m_topic->addItems(topics);
    m_group->setPlaceholderText(tr("empty: no group, read every partition"));
    for (const char *a : {"range", "roundrobin", "sticky", "cooperative-sticky"})
        m_assignor->addItem(QString::fromLatin1(a));
    m_autoCommit->setText(tr("enable.auto.commit (every 5 s)"));
    m_autoCommit->setChecked(true);
    m_offsetReset->addItem(tr("earliest (the log start)"), static_cast<int>(ConsumerConfig::AutoOffsetReset::Earliest));
    m_offsetReset->addItem(tr("latest (only new records)"), static_cast<int>(ConsumerConfig::AutoOffsetReset::Latest));
    m_offsetReset->addItem(tr("none (fail without a committed offset)"), static_cast<int>(ConsumerConfig::AutoOffsetReset::None));
    // Kafka's default, as ConsumerConfig's.
    m_offsetReset->setCurrentIndex(m_offsetReset->findData(static_cast<int>(ConsumerConfig{}.autoOffsetReset)));
    m_processingMs->setRange(0, 600000);
    m_processingMs->setSuffix(tr(" ms per record"));
    m_processingMs->setToolTip(tr("How long the application works on each record. Above max.poll.interval.ms "
                                  "(300 s) per poll, the consumer is kicked out of its group."));
    m_instanceId->setPlaceholderText(tr("optional: static membership (group.instance.id)"));
    auto *form = new QFormLayout;
    form->addRow(tr("Client id"), m_clientId);
    form->addRow(tr("Topic"), m_topic);
    form->addRow(tr("Group (group.id)"), m_group);
    form->addRow(tr("Assignor"), m_assignor);
    form->addRow(QString(), m_autoCommit);
    form->addRow(tr("auto.offset.reset"), m_offsetReset);
    form->addRow(tr("Processing time"), m_processingMs);
    form->addRow(tr("group.instance.id"), m_instanceId);
    finishLayout(form);
}

QString ConsumerDialog::tryApply()
{
    ConsumerConfig config;
    config.clientId = m_clientId->text().trimmed().toStdString();
    if (config.clientId.empty())
        return tr("Client id: a consumer needs a name.");
    if (m_topic->currentText().isEmpty())
        return tr("Topic: create a topic first.");
    config.topic = m_topic->currentText().toStdString();
    const QString group = m_group->text().trimmed();
    if (!group.isEmpty()) {
        config.groupId = group.toStdString();
        config.assignors = {m_assignor->currentText().toStdString()};
        if (const QString instance = m_instanceId->text().trimmed(); !instance.isEmpty())
            config.groupInstanceId = instance.toStdString();
    } else if (!m_instanceId->text().trimmed().isEmpty()) {
        return tr("group.instance.id: static membership needs a group.");
    }
    config.enableAutoCommit = m_autoCommit->isChecked();
    if (!config.enableAutoCommit)
        config.manualCommit = ConsumerConfig::ManualCommit::SyncAfterProcessing;
    config.autoOffsetReset = static_cast<ConsumerConfig::AutoOffsetReset>(m_offsetReset->currentData().toInt());
    config.processingTimePerRecord = SimDuration::millis(m_processingMs->value());
    const Status st = m_apply(config);
    return st.isOk() ? QString() : QString::fromStdString(st.message());
}

// --- Reset group offsets -------------------------------------------------------------------

ResetOffsetsDialog::ResetOffsetsDialog(const QStringList &groups, const std::vector<TopicInfo> &topics, Apply apply,
                                       Plan plan, QWidget *parent)
    : ActionDialog(parent),
      m_apply(std::move(apply)),
      m_plan(std::move(plan)),
      m_topics(topics),
      m_group(new QComboBox(this)),
      m_topic(new QComboBox(this)),
      m_partition(new QComboBox(this)),
      m_kind(new QComboBox(this)),
      m_value(new QLineEdit(this)),
      m_preview(new QLabel(this))
{
    setWindowTitle(tr("Reset Group Offsets"));
    m_group->setEditable(true);
    m_group->addItems(groups);
    m_group->setToolTip(tr("Only an inactive group (no running members: state Empty) can be reset, as with Kafka's "
                           "kafka-consumer-groups --reset-offsets"));
    m_topic->addItem(tr("every partition the group committed (--all-topics)"), QString());
    for (const TopicInfo &t : m_topics)
        m_topic->addItem(t.name, t.name);
    m_kind->addItem(tr("earliest (the log start offset)"), static_cast<int>(OffsetResetKind::ToEarliest));
    m_kind->addItem(tr("latest (the high watermark)"), static_cast<int>(OffsetResetKind::ToLatest));
    m_kind->addItem(tr("a given offset"), static_cast<int>(OffsetResetKind::ToOffset));
    m_kind->addItem(tr("shifted by N from the committed offset"), static_cast<int>(OffsetResetKind::ShiftBy));
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setMinimumWidth(380);
    auto *form = new QFormLayout;
    form->addRow(tr("Group"), m_group);
    form->addRow(tr("Topic"), m_topic);
    form->addRow(tr("Partition"), m_partition);
    form->addRow(tr("Reset to"), m_kind);
    form->addRow(tr("Offset or shift"), m_value);
    form->addRow(tr("Preview"), m_preview);
    finishLayout(form);
    connect(m_topic, &QComboBox::currentIndexChanged, this, &ResetOffsetsDialog::updateFields);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ResetOffsetsDialog::updateFields);
    connect(m_partition, &QComboBox::currentIndexChanged, this, &ResetOffsetsDialog::updatePreview);
    connect(m_group, &QComboBox::currentTextChanged, this, &ResetOffsetsDialog::updatePreview);
    connect(m_value, &QLineEdit::textChanged, this, &ResetOffsetsDialog::updatePreview);
    updateFields();
}

void ResetOffsetsDialog::setGroup(const QString &group)
{
    m_group->setCurrentText(group);
    updatePreview();
}

void ResetOffsetsDialog::updateFields()
{
    // The partitions of the chosen topic (none to choose with --all-topics).
    const QString topic = m_topic->currentData().toString();
    {
        const QSignalBlocker block(m_partition);
        m_partition->clear();
        m_partition->addItem(tr("all"), -1);
        for (const TopicInfo &t : m_topics)
            if (t.name == topic)
                for (int p = 0; p < t.partitions; ++p)
                    m_partition->addItem(QString::number(p), p);
        m_partition->setEnabled(!topic.isEmpty());
    }
    const auto kind = static_cast<OffsetResetKind>(m_kind->currentData().toInt());
    const bool needsValue = kind == OffsetResetKind::ToOffset || kind == OffsetResetKind::ShiftBy;
    m_value->setEnabled(needsValue);
    m_value->setPlaceholderText(kind == OffsetResetKind::ShiftBy ? tr("e.g. -10 (back) or 5 (forward)")
                                : kind == OffsetResetKind::ToOffset ? tr("e.g. 0")
                                                                    : QString());
    updatePreview();
}

std::optional<GroupOffsetReset> ResetOffsetsDialog::readFields(QString *error) const
{
    GroupOffsetReset reset;
    reset.groupId = m_group->currentText().trimmed().toStdString();
    if (reset.groupId.empty()) {
        *error = tr("Group: name the group whose offsets to reset.");
        return std::nullopt;
    }
    if (const QString topic = m_topic->currentData().toString(); !topic.isEmpty()) {
        reset.topic = topic.toStdString();
        if (const int p = m_partition->currentData().toInt(); p >= 0)
            reset.partition = PartitionId{p};
    }
    reset.spec.kind = static_cast<OffsetResetKind>(m_kind->currentData().toInt());
    if (reset.spec.kind == OffsetResetKind::ToOffset || reset.spec.kind == OffsetResetKind::ShiftBy) {
        bool ok = false;
        reset.spec.value = m_value->text().trimmed().toLongLong(&ok);
        if (!ok) {
            *error = reset.spec.kind == OffsetResetKind::ToOffset
                ? tr("Offset: a whole number is needed.")
                : tr("Shift: a whole number is needed (negative goes back).");
            return std::nullopt;
        }
    }
    return reset;
}

void ResetOffsetsDialog::updatePreview()
{
    QString error;
    const auto reset = readFields(&error);
    if (!reset || !m_plan) {
        m_preview->setText(reset ? QString() : tr("(fill in the fields)"));
        return;
    }
    const auto plan = m_plan(*reset);
    if (!plan.isOk()) {
        m_preview->setText(tr("Would be refused: %1").arg(QString::fromStdString(plan.status().message())));
        return;
    }
    QStringList lines;
    constexpr int kShown = 8;
    for (const auto &[tp, offset] : plan.value()) {
        if (lines.size() == kShown) {
            lines << tr("… and %n more", nullptr, static_cast<int>(plan.value().size()) - kShown);
            break;
        }
        lines << tr("%1 → %2").arg(QString::fromStdString(tp.toString())).arg(offset.value());
    }
    m_preview->setText(lines.join(QLatin1Char('\n')));
}

QString ResetOffsetsDialog::tryApply()
{
    QString error;
    const auto reset = readFields(&error);
    if (!reset)
        return error;
    const Status st = m_apply(*reset);
    if (!st.isOk()) {
        updatePreview();
        return QString::fromStdString(st.message());
    }
    return {};
}

// --- Processing time -----------------------------------------------------------------------

ProcessingTimeDialog::ProcessingTimeDialog(const std::vector<ConsumerInfo> &consumers, Apply apply, QWidget *parent)
    : ActionDialog(parent),
      m_apply(std::move(apply)),
      m_consumers(consumers),
      m_consumer(new QComboBox(this)),
      m_time(new QDoubleSpinBox(this)),
      m_hint(new QLabel(this))
{
    setWindowTitle(tr("Consumer Processing Time"));
    for (const ConsumerInfo &c : m_consumers)
        m_consumer->addItem(c.name, c.id);
    m_time->setRange(0, 600000);
    m_time->setDecimals(1);
    m_time->setSuffix(tr(" ms per record"));
    m_time->setToolTip(tr("How long the application works on each record from now on. 0: it keeps up with anything."));
    m_hint->setWordWrap(true);
    m_hint->setMinimumWidth(360);
    auto *form = new QFormLayout;
    form->addRow(tr("Consumer"), m_consumer);
    form->addRow(tr("Processing time"), m_time);
    form->addRow(QString(), m_hint);
    finishLayout(form);
    connect(m_consumer, &QComboBox::currentIndexChanged, this, [this] {
        const int i = m_consumer->currentIndex();
        if (i >= 0)
            m_time->setValue(m_consumers[static_cast<std::size_t>(i)].currentMs);
        updateHint();
    });
    connect(m_time, &QDoubleSpinBox::valueChanged, this, &ProcessingTimeDialog::updateHint);
    if (!m_consumers.empty())
        m_time->setValue(m_consumers.front().currentMs);
    updateHint();
}

void ProcessingTimeDialog::setConsumer(int id)
{
    const int index = m_consumer->findData(id);
    if (index >= 0)
        m_consumer->setCurrentIndex(index);
}

void ProcessingTimeDialog::updateHint()
{
    const int i = m_consumer->currentIndex();
    if (i < 0) {
        m_hint->setText(tr("No consumer is running."));
        return;
    }
    const ConsumerInfo &c = m_consumers[static_cast<std::size_t>(i)];
    const double ms = m_time->value();
    if (ms <= 0) {
        m_hint->setText(tr("Records are processed the moment poll() returns them."));
        return;
    }
    QString text = tr("At most %1 records/s.").arg(1000.0 / ms, 0, 'g', 4);
    const double fullPollMs = ms * c.maxPollRecords;
    if (c.maxPollIntervalMs > 0 && fullPollMs > c.maxPollIntervalMs)
        text += QLatin1Char(' ')
            + tr("A full poll (%1 records) would take %2 s, longer than max.poll.interval.ms (%3 s): processing in "
                 "the poll loop, the consumer would leave its group.")
                  .arg(c.maxPollRecords)
                  .arg(fullPollMs / 1000.0, 0, 'g', 4)
                  .arg(c.maxPollIntervalMs / 1000.0, 0, 'g', 4);
    m_hint->setText(text);
}

QString ProcessingTimeDialog::tryApply()
{
    if (m_consumer->currentIndex() < 0)
        return tr("Consumer: no running consumer to change.");
    const auto perRecord = SimDuration::micros(static_cast<std::int64_t>(std::llround(m_time->value() * 1000.0)));
    const Status st = m_apply(m_consumer->currentData().toInt(), perRecord);
    return st.isOk() ? QString() : QString::fromStdString(st.message());
}

// --- Network conditions -----------------------------------------------------------------------

namespace {
double toMs(SimDuration d)
{
    return static_cast<double>(d.micros()) / 1000.0;
}
SimDuration fromMs(double ms)
{
    return SimDuration::micros(static_cast<std::int64_t>(std::llround(ms * 1000.0)));
}
} // namespace

NetworkConditionsDialog::NetworkConditionsDialog(SimDuration latency, SimDuration jitter, double loss, Apply apply,
                                                 QWidget *parent)
    : ActionDialog(parent),
      m_apply(std::move(apply)),
      m_latency(new QDoubleSpinBox(this)),
      m_jitter(new QDoubleSpinBox(this)),
      m_loss(new QDoubleSpinBox(this)),
      m_hint(new QLabel(this))
{
    setWindowTitle(tr("Network Conditions"));
    for (QDoubleSpinBox *box : {m_latency, m_jitter}) {
        box->setRange(0, 60000);
        box->setDecimals(1);
        box->setSuffix(tr(" ms"));
    }
    m_latency->setToolTip(tr("How long every message between two nodes (brokers and clients) takes."));
    m_jitter->setToolTip(tr("Each message takes a further delay drawn at random from 0 up to this."));
    m_loss->setRange(0, 100);
    m_loss->setDecimals(1);
    m_loss->setSuffix(tr(" %"));
    m_loss->setToolTip(tr("The share of messages lost on the way. A lost request is never answered: the client "
                          "waits for its request timeout, then retries."));
    m_latency->setValue(toMs(latency));
    m_jitter->setValue(toMs(jitter));
    m_loss->setValue(loss * 100.0);
    m_hint->setWordWrap(true);
    m_hint->setMinimumWidth(360);
    auto *form = new QFormLayout;
    form->addRow(tr("Latency"), m_latency);
    form->addRow(tr("Jitter"), m_jitter);
    form->addRow(tr("Loss"), m_loss);
    form->addRow(QString(), m_hint);
    finishLayout(form);
    for (QDoubleSpinBox *box : {m_latency, m_jitter, m_loss})
        connect(box, &QDoubleSpinBox::valueChanged, this, &NetworkConditionsDialog::updateHint);
    updateHint();
}

void NetworkConditionsDialog::updateHint()
{
    QString text = tr("A request and its answer take %1 to %2 ms.")
                       .arg(2 * m_latency->value(), 0, 'g', 6)
                       .arg(2 * (m_latency->value() + m_jitter->value()), 0, 'g', 6);
    if (m_loss->value() > 0)
        text += QLatin1Char(' ')
            + tr("%1 % of messages are lost: clients wait for their request timeout and retry, followers fetch "
                 "again.")
                  .arg(m_loss->value(), 0, 'g', 4);
    m_hint->setText(text);
}

QString NetworkConditionsDialog::tryApply()
{
    const Status st = m_apply(fromMs(m_latency->value()), fromMs(m_jitter->value()), m_loss->value() / 100.0);
    return st.isOk() ? QString() : QString::fromStdString(st.message());
}

// --- Latency between two brokers ---------------------------------------------------------------

LinkLatencyDialog::LinkLatencyDialog(std::vector<int> brokers, SimDuration networkLatency, Current current, Apply apply,
                                     QWidget *parent)
    : ActionDialog(parent),
      m_networkLatency(networkLatency),
      m_current(std::move(current)),
      m_apply(std::move(apply)),
      m_from(new QComboBox(this)),
      m_to(new QComboBox(this)),
      m_latency(new QDoubleSpinBox(this)),
      m_useNetwork(new QCheckBox(this)),
      m_hint(new QLabel(this))
{
    setWindowTitle(tr("Latency Between Two Brokers"));
    for (const int b : brokers) {
        m_from->addItem(tr("Broker %1").arg(b), b);
        m_to->addItem(tr("Broker %1").arg(b), b);
    }
    if (m_to->count() > 1)
        m_to->setCurrentIndex(1);
    m_latency->setRange(0, 60000);
    m_latency->setDecimals(1);
    m_latency->setSuffix(tr(" ms"));
    m_latency->setToolTip(tr("How long every message between these two brokers takes, both ways."));
    m_useNetwork->setText(tr("The network's latency (%1 ms)").arg(toMs(networkLatency), 0, 'g', 6));
    m_hint->setWordWrap(true);
    m_hint->setMinimumWidth(360);
    auto *form = new QFormLayout;
    form->addRow(tr("One end"), m_from);
    form->addRow(tr("Other end"), m_to);
    form->addRow(tr("Latency"), m_latency);
    form->addRow(QString(), m_useNetwork);
    form->addRow(QString(), m_hint);
    finishLayout(form);
    connect(m_from, &QComboBox::currentIndexChanged, this, &LinkLatencyDialog::showCurrent);
    connect(m_to, &QComboBox::currentIndexChanged, this, &LinkLatencyDialog::showCurrent);
    connect(m_useNetwork, &QCheckBox::toggled, this, [this](bool on) {
        m_latency->setEnabled(!on);
        updateHint();
    });
    connect(m_latency, &QDoubleSpinBox::valueChanged, this, &LinkLatencyDialog::updateHint);
    showCurrent();
}

void LinkLatencyDialog::showCurrent()
{
    const int a = m_from->currentData().toInt();
    const int b = m_to->currentData().toInt();
    const auto now = a != b && m_current ? m_current(a, b) : std::nullopt;
    m_useNetwork->setChecked(!now);
    m_latency->setValue(toMs(now.value_or(m_networkLatency)));
    m_latency->setEnabled(now.has_value());
    updateHint();
}

void LinkLatencyDialog::updateHint()
{
    const double ms = m_useNetwork->isChecked() ? toMs(m_networkLatency) : m_latency->value();
    m_hint->setText(tr("A fetch between these brokers takes %1 ms there and back. The high watermark is the smallest log "
                       "end offset in the ISR, so a follower this far from its leader holds acks=all writes back by as "
                       "much, until it falls out of the ISR.")
                        .arg(2 * ms, 0, 'g', 6));
}

QString LinkLatencyDialog::tryApply()
{
    const int a = m_from->currentData().toInt();
    const int b = m_to->currentData().toInt();
    if (m_from->count() == 0)
        return tr("The cluster has no brokers.");
    if (a == b)
        return tr("Choose two different brokers.");
    const Status st = m_apply(a, b, m_useNetwork->isChecked() ? std::nullopt : std::optional<SimDuration>(fromMs(m_latency->value())));
    return st.isOk() ? QString() : QString::fromStdString(st.message());
}

