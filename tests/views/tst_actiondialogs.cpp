// The Cluster menu's dialogs: their checks and the engine's refusals show inline and keep the
// dialog open; what they build is what the engine gets.
#include "group/group_coordinator.h"

#include "scenario/demo_scenario.h"
#include "model/simulationcontroller.h"
#include "views/actiondialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>

using namespace kafkascope;

namespace {

void pressOk(QDialog &dialog)
{
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    buttons->button(QDialogButtonBox::Ok)->click();
}

} // namespace

class TestActionDialogs : public QObject
{
    Q_OBJECT

private slots:
    void topicDialogChecksAndApplies();
    void topicDialogShowsEngineErrors();
    void producerDialogBuildsConfig();
    void consumerDialogNeedsGroupForStaticId();
    void consumerDialogJoinsAGroup();
    void resetOffsetsDialogChecksItsFields();
    void resetOffsetsDialogShowsRefusalAndResets();
    void processingTimeDialogChecksAndApplies();
    void partitionsDialogOnlyGrowsTopics();
    void linkLatencyDialogShowsAndSetsALink();
};

void TestActionDialogs::topicDialogChecksAndApplies()
{
    int calls = 0;
    QString gotName;
    int gotPartitions = 0;
    TopicSettings got;
    TopicDialog dialog(3, [&](const QString &name, int partitions, const TopicSettings &settings) {
        ++calls;
        gotName = name;
        gotPartitions = partitions;
        got = settings;
        return Status::ok();
    });
    dialog.show();
    pressOk(dialog); // no name
    QCOMPARE(calls, 0);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.errorText().contains(QStringLiteral("needs a name")));

    dialog.nameEdit()->setText(QStringLiteral("  payments "));
    dialog.replicationBox()->setValue(2);
    dialog.minIsrBox()->setValue(3);
    pressOk(dialog); // min ISR above RF
    QCOMPARE(calls, 0);
    QVERIFY(dialog.errorText().contains(QStringLiteral("cannot exceed")));

    dialog.minIsrBox()->setValue(2);
    dialog.partitionsBox()->setValue(6);
    pressOk(dialog);
    QCOMPARE(calls, 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(gotName, QStringLiteral("payments"));
    QCOMPARE(gotPartitions, 6);
    QCOMPARE(got.replicationFactor, 2);
    QCOMPARE(got.minInsyncReplicas, 2);
}

void TestActionDialogs::topicDialogShowsEngineErrors()
{
    SimulationController controller(makeDemoCluster());
    TopicDialog dialog(3, [&](const QString &name, int partitions, const TopicSettings &settings) {
        return controller.createTopic(name, partitions, settings);
    });
    dialog.show();
    dialog.nameEdit()->setText(QStringLiteral("orders")); // exists already
    pressOk(dialog);
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorText().contains(QStringLiteral("orders")), qPrintable(dialog.errorText()));
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("orders")); // nothing the user typed is lost

    dialog.nameEdit()->setText(QStringLiteral("payments"));
    pressOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(controller.cluster().topic("payments"));
    QCOMPARE(controller.cluster().topic("payments")->partitionCount(), 3);
    QCOMPARE(controller.cluster().topic("payments")->settings().replicationFactor, 3);
}

void TestActionDialogs::producerDialogBuildsConfig()
{
    std::optional<ProducerConfig> got;
    ProducerDialog dialog({QStringLiteral("orders"), QStringLiteral("clicks")}, [&](const ProducerConfig &c) {
        got = c;
        return c.clientId == "taken" ? Status::invalidArgument("producer 'taken' exists") : Status::ok();
    });
    dialog.show();
    dialog.clientIdEdit()->setText(QStringLiteral("taken"));
    pressOk(dialog);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.errorText().contains(QStringLiteral("exists")));

    dialog.clientIdEdit()->setText(QStringLiteral("payments-app"));
    dialog.rateBox()->setValue(12.5);
    dialog.keyCountBox()->setValue(4);
    pressOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(got);
    QCOMPARE(got->clientId, std::string("payments-app"));
    QCOMPARE(got->topic, std::string("orders"));
    QVERIFY(got->rate);
    QCOMPARE(got->rate->averageRecordsPerSecond(), 12.5);
    QCOMPARE(got->keys.keyCount(), std::size_t{4});
    QCOMPARE(got->acks, -1);
    QVERIFY(got->idempotent());
}

void TestActionDialogs::consumerDialogNeedsGroupForStaticId()
{
    int calls = 0;
    ConsumerDialog dialog({QStringLiteral("orders")}, [&](const ConsumerConfig &) {
        ++calls;
        return Status::ok();
    });
    dialog.show();
    const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
    QLineEdit *instance = nullptr;
    for (QLineEdit *e : edits)
        if (e->placeholderText().contains(QStringLiteral("group.instance.id")))
            instance = e;
    QVERIFY(instance);
    instance->setText(QStringLiteral("i1"));
    pressOk(dialog);
    QCOMPARE(calls, 0);
    QVERIFY(dialog.errorText().contains(QStringLiteral("needs a group")));
}

void TestActionDialogs::consumerDialogJoinsAGroup()
{
    SimulationController controller(makeDemoCluster());
    ConsumerDialog dialog({QStringLiteral("orders")}, [&](const ConsumerConfig &c) { return controller.addConsumer(c); });
    dialog.show();
    dialog.clientIdEdit()->setText(QStringLiteral("billing-3"));
    dialog.groupEdit()->setText(QStringLiteral("billing"));
    dialog.processingBox()->setValue(20);
    pressOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const auto &added = *controller.cluster().consumers().back();
    QCOMPARE(added.config().clientId, std::string("billing-3"));
    QCOMPARE(added.config().groupId.value_or(""), std::string("billing"));
    QCOMPARE(added.config().assignors, std::vector<std::string>{"range"});
    QCOMPARE(added.config().processingTimePerRecord, SimDuration::millis(20));
    controller.advanceTo(SimTime::fromMillis(15000));
    const auto group = controller.cluster().group("billing");
    QVERIFY(group);
    QCOMPARE(group->members.size(), std::size_t{3});
}

void TestActionDialogs::resetOffsetsDialogChecksItsFields()
{
    int calls = 0;
    std::optional<GroupOffsetReset> got;
    ResetOffsetsDialog dialog({QStringLiteral("billing")}, {{QStringLiteral("orders"), 4}},
                              [&](const GroupOffsetReset &r) {
                                  ++calls;
                                  got = r;
                                  return Status::ok();
                              });
    dialog.show();
    dialog.groupCombo()->setCurrentText(QStringLiteral("  "));
    pressOk(dialog); // no group
    QCOMPARE(calls, 0);
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorText().contains(QStringLiteral("name the group")), qPrintable(dialog.errorText()));

    dialog.groupCombo()->setCurrentText(QStringLiteral("billing"));
    dialog.kindCombo()->setCurrentIndex(dialog.kindCombo()->findData(static_cast<int>(OffsetResetKind::ToOffset)));
    QVERIFY(dialog.valueEdit()->isEnabled());
    dialog.valueEdit()->setText(QStringLiteral("twelve"));
    pressOk(dialog); // not a number
    QCOMPARE(calls, 0);
    QVERIFY2(dialog.errorText().contains(QStringLiteral("Offset: a whole number")), qPrintable(dialog.errorText()));
    dialog.kindCombo()->setCurrentIndex(dialog.kindCombo()->findData(static_cast<int>(OffsetResetKind::ShiftBy)));
    dialog.valueEdit()->setText(QStringLiteral("1.5"));
    pressOk(dialog);
    QCOMPARE(calls, 0);
    QVERIFY2(dialog.errorText().contains(QStringLiteral("Shift: a whole number")), qPrintable(dialog.errorText()));

    // One partition of a topic, shifted back.
    dialog.topicCombo()->setCurrentIndex(dialog.topicCombo()->findText(QStringLiteral("orders")));
    QVERIFY(dialog.partitionCombo()->isEnabled());
    QCOMPARE(dialog.partitionCombo()->count(), 5); // all, 0..3
    dialog.partitionCombo()->setCurrentIndex(dialog.partitionCombo()->findData(3));
    dialog.valueEdit()->setText(QStringLiteral("-10"));
    pressOk(dialog);
    QCOMPARE(calls, 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(got);
    QCOMPARE(got->groupId, std::string("billing"));
    QCOMPARE(got->topic.value_or(""), std::string("orders"));
    QCOMPARE(got->partition.value_or(PartitionId{-1}), PartitionId{3});
    QCOMPARE(got->spec.kind, OffsetResetKind::ShiftBy);
    QCOMPARE(got->spec.value, std::int64_t{-10});
}

void TestActionDialogs::resetOffsetsDialogShowsRefusalAndResets()
{
    SimulationController controller(makeDemoCluster());
    controller.advanceTo(SimTime::fromMillis(12000));
    const auto apply = [&](const GroupOffsetReset &r) { return controller.resetGroupOffsets(r); };
    const auto plan = [&](const GroupOffsetReset &r) { return controller.planGroupOffsetReset(r); };
    {
        // "billing" has two running members: Kafka refuses, the dialog says so and stays open.
        ResetOffsetsDialog dialog({QStringLiteral("billing")}, {{QStringLiteral("orders"), 4}}, apply, plan);
        dialog.show();
        dialog.setGroup(QStringLiteral("billing"));
        QVERIFY2(dialog.previewLabel()->text().contains(QStringLiteral("Would be refused")),
                 qPrintable(dialog.previewLabel()->text()));
        pressOk(dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorText().contains(QStringLiteral("can only be reset if the group 'billing' is inactive")),
                 qPrintable(dialog.errorText()));
    }
    // Both members close; once the group is Empty the reset goes through.
    QVERIFY(controller.closeConsumer(0).isOk());
    QVERIFY(controller.closeConsumer(1).isOk());
    controller.advanceTo(SimTime::fromMillis(20000));
    QCOMPARE(controller.cluster().group("billing")->state, GroupState::Empty);
    ResetOffsetsDialog dialog({QStringLiteral("billing")}, {{QStringLiteral("orders"), 4}}, apply, plan);
    dialog.show();
    dialog.setGroup(QStringLiteral("billing"));
    QVERIFY2(dialog.previewLabel()->text().contains(QStringLiteral("orders-0 → 0")), qPrintable(dialog.previewLabel()->text()));
    pressOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const auto group = controller.cluster().group("billing");
    QVERIFY(group);
    QCOMPARE(group->offsets.size(), std::size_t{4});
    for (const auto &[tp, offset] : group->offsets)
        QCOMPARE(offset.offset.value(), std::int64_t{0});
}

void TestActionDialogs::processingTimeDialogChecksAndApplies()
{
    {
        // Nobody to change.
        int calls = 0;
        ProcessingTimeDialog dialog({}, [&](int, SimDuration) {
            ++calls;
            return Status::ok();
        });
        dialog.show();
        pressOk(dialog);
        QCOMPARE(calls, 0);
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorText().contains(QStringLiteral("no running consumer")), qPrintable(dialog.errorText()));
    }
    SimulationController controller(makeDemoCluster());
    controller.advanceTo(SimTime::fromMillis(8000));
    std::vector<ProcessingTimeDialog::ConsumerInfo> consumers;
    for (const auto &c : controller.cluster().consumers())
        consumers.push_back({c->id().value(), QString::fromStdString(c->config().clientId), 0, c->config().maxPollRecords, 300000});
    const auto apply = [&](int id, SimDuration d) { return controller.setConsumerProcessingTime(id, d); };
    ProcessingTimeDialog dialog(consumers, apply);
    dialog.show();
    dialog.setConsumer(1);
    QCOMPARE(dialog.consumerCombo()->currentText(), QStringLiteral("billing-2"));
    // A full poll of 500 records at 1 s each is far above max.poll.interval.ms: said, not refused.
    dialog.timeBox()->setValue(1000);
    QVERIFY2(dialog.hintLabel()->text().contains(QStringLiteral("max.poll.interval.ms")), qPrintable(dialog.hintLabel()->text()));
    // The consumer stopped meanwhile: the engine's refusal shows inline.
    QVERIFY(controller.crashConsumer(1).isOk());
    pressOk(dialog);
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorText().contains(QStringLiteral("not running")), qPrintable(dialog.errorText()));
    dialog.setConsumer(0);
    dialog.timeBox()->setValue(25.5);
    pressOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(controller.cluster().consumers().front()->config().processingTimePerRecord, SimDuration::micros(25500));
}

void TestActionDialogs::partitionsDialogOnlyGrowsTopics()
{
    // Against a real cluster: the demo's orders has 4 partitions.
    SimulationController controller(makeDemoCluster());
    std::map<QString, int> topics{{QStringLiteral("clicks"), 3}, {QStringLiteral("orders"), 4}};
    PartitionsDialog dialog(topics, [&](const QString &topic, int total) { return controller.addPartitions(topic, total); });
    dialog.show();
    dialog.topicBox()->setCurrentText(QStringLiteral("orders"));
    QCOMPARE(dialog.totalBox()->value(), 5); // one more, to start with
    dialog.totalBox()->setValue(4);
    pressOk(dialog);
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorText().contains(QStringLiteral("can only be increased")), qPrintable(dialog.errorText()));
    QCOMPARE(controller.cluster().topic("orders")->partitionCount(), 4);
    dialog.totalBox()->setValue(6);
    pressOk(dialog);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(controller.cluster().topic("orders")->partitionCount(), 6);
}

void TestActionDialogs::linkLatencyDialogShowsAndSetsALink()
{
    SimulationController controller(makeDemoCluster());
    controller.advanceTo(SimTime::fromMillis(1000));
    QVERIFY(controller.setLinkLatency(0, 2, SimDuration::millis(30)).isOk());
    int applied = 0;
    LinkLatencyDialog dialog(
        {0, 1, 2}, SimDuration::millis(2), [&](int a, int b) { return controller.linkLatency(a, b); },
        [&](int a, int b, std::optional<SimDuration> latency) {
            ++applied;
            return controller.setLinkLatency(a, b, latency);
        });
    dialog.show();
    // Broker 0 and broker 1 at first: the network's latency.
    QCOMPARE(dialog.fromCombo()->currentData().toInt(), 0);
    QCOMPARE(dialog.toCombo()->currentData().toInt(), 1);
    QVERIFY(dialog.networkLatencyBox()->isChecked());
    QVERIFY(!dialog.latencyBox()->isEnabled());
    QCOMPARE(dialog.latencyBox()->value(), 2.0);
    // Broker 2: the link's own 30 ms.
    dialog.toCombo()->setCurrentIndex(2);
    QVERIFY(!dialog.networkLatencyBox()->isChecked());
    QCOMPARE(dialog.latencyBox()->value(), 30.0);
    QVERIFY2(dialog.hintLabel()->text().contains(QStringLiteral("60 ms")), qPrintable(dialog.hintLabel()->text()));
    // The same broker twice: said inline, nothing applied.
    dialog.toCombo()->setCurrentIndex(0);
    pressOk(dialog);
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorText().contains(QStringLiteral("two different brokers")), qPrintable(dialog.errorText()));
    QCOMPARE(applied, 0);
    // 1 and 2 at 12.5 ms.
    dialog.fromCombo()->setCurrentIndex(1);
    dialog.toCombo()->setCurrentIndex(2);
    dialog.networkLatencyBox()->setChecked(false);
    dialog.latencyBox()->setValue(12.5);
    pressOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(applied, 1);
    QCOMPARE(controller.linkLatency(1, 2), std::optional<SimDuration>(SimDuration::micros(12500)));
    QCOMPARE(controller.linkLatency(0, 2), std::optional<SimDuration>(SimDuration::millis(30)));
}

QTEST_MAIN(TestActionDialogs)
#include "tst_actiondialogs.moc"
