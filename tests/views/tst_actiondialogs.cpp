// The Cluster menu's dialogs: their checks and the engine's refusals show inline and keep the
// dialog open; what they build is what the engine gets.
#include "group/group_coordinator.h"

#include "cluster/demo_cluster.h"
#include "model/simulationcontroller.h"
#include "views/actiondialogs.h"

#include <QComboBox>
#include <QDialogButtonBox>
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

QTEST_MAIN(TestActionDialogs)
#include "tst_actiondialogs.moc"
