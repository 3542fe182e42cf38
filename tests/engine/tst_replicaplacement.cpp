// Kafka's classic replica placement (rack-unaware), table-driven.
#include "cluster/replica_placement.h"
#include "core/random.h"

#include <QtTest>

#include <map>
#include <set>

using namespace kafkascope;

namespace {
std::vector<BrokerId> brokers(std::initializer_list<int> ids)
{
    std::vector<BrokerId> out;
    for (int i : ids)
        out.push_back(BrokerId{i});
    return out;
}

QString render(const std::vector<std::vector<BrokerId>> &assignment)
{
    QStringList parts;
    for (std::size_t p = 0; p < assignment.size(); ++p) {
        QStringList ids;
        for (BrokerId b : assignment[p])
            ids << QString::number(b.value());
        parts << QStringLiteral("p%1[%2]").arg(p).arg(ids.join(QLatin1Char(',')));
    }
    return parts.join(QLatin1Char(' '));
}
} // namespace

class TestReplicaPlacement : public QObject
{
    Q_OBJECT

private slots:
    void fixedStart_data();
    void fixedStart();
    void errors_data();
    void errors();
    void randomStartIsValidAndSeeded();
    void rackAware_data();
    void rackAware();
    void rackAwareSpreadsOverRacks();
    void racksOnSomeBrokersOnlyIsAnError();
};

void TestReplicaPlacement::fixedStart_data()
{
    QTest::addColumn<int>("brokerCount");
    QTest::addColumn<int>("partitions");
    QTest::addColumn<int>("rf");
    QTest::addColumn<int>("start");
    QTest::addColumn<QString>("expected");
    // Kafka's documented example (AdminUtils): brokers 0-4, 10 partitions, RF 3, start 0.
    QTest::addRow("kafka-documented-example") << 5 << 10 << 3 << 0
        << "p0[0,1,2] p1[1,2,3] p2[2,3,4] p3[3,4,0] p4[4,0,1] p5[0,2,3] p6[1,3,4] p7[2,4,0] p8[3,0,1] p9[4,1,2]";
    QTest::addRow("rf1") << 3 << 4 << 1 << 0 << "p0[0] p1[1] p2[2] p3[0]";
    QTest::addRow("start-2") << 3 << 3 << 2 << 2 << "p0[2,0] p1[0,1] p2[1,2]";
    QTest::addRow("rf-equals-brokers") << 3 << 4 << 3 << 0 << "p0[0,1,2] p1[1,2,0] p2[2,0,1] p3[0,2,1]";
    QTest::addRow("single-broker") << 1 << 3 << 1 << 0 << "p0[0] p1[0] p2[0]";
}

void TestReplicaPlacement::fixedStart()
{
    QFETCH(int, brokerCount);
    QFETCH(int, partitions);
    QFETCH(int, rf);
    QFETCH(int, start);
    QFETCH(QString, expected);
    std::vector<BrokerId> ids;
    for (int i = 0; i < brokerCount; ++i)
        ids.push_back(BrokerId{i});
    Random rng(1);
    const auto r = assignReplicasRackUnaware(ids, partitions, rf, start, rng);
    QVERIFY2(r.isOk(), r.status().message().c_str());
    QCOMPARE(render(r.value()), expected);
}

void TestReplicaPlacement::errors_data()
{
    QTest::addColumn<int>("brokerCount");
    QTest::addColumn<int>("partitions");
    QTest::addColumn<int>("rf");
    QTest::addColumn<int>("start");
    QTest::addColumn<QString>("mentions");
    QTest::addRow("no-brokers") << 0 << 1 << 1 << -1 << "no live brokers";
    QTest::addRow("rf-zero") << 3 << 1 << 0 << -1 << "at least 1";
    QTest::addRow("rf-too-big") << 3 << 1 << 4 << -1 << "larger than the 3";
    QTest::addRow("no-partitions") << 3 << 0 << 1 << -1 << "partitions";
    QTest::addRow("start-out-of-range") << 3 << 1 << 1 << 3 << "start index";
}

void TestReplicaPlacement::errors()
{
    QFETCH(int, brokerCount);
    QFETCH(int, partitions);
    QFETCH(int, rf);
    QFETCH(int, start);
    QFETCH(QString, mentions);
    std::vector<BrokerId> ids;
    for (int i = 0; i < brokerCount; ++i)
        ids.push_back(BrokerId{i});
    Random rng(1);
    const auto r = assignReplicasRackUnaware(ids, partitions, rf, start < 0 ? std::nullopt : std::optional<std::int32_t>(start), rng);
    QVERIFY(!r.isOk());
    QVERIFY2(QString::fromStdString(r.status().message()).contains(mentions), r.status().message().c_str());
}

void TestReplicaPlacement::randomStartIsValidAndSeeded()
{
    const auto ids = brokers({10, 11, 12, 13, 14, 15});
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        Random a(seed);
        Random b(seed);
        const auto ra = assignReplicasRackUnaware(ids, 60, 3, std::nullopt, a).value();
        QCOMPARE(render(ra), render(assignReplicasRackUnaware(ids, 60, 3, std::nullopt, b).value()));
        std::map<int, int> leaders;
        for (const auto &replicas : ra) {
            QCOMPARE(replicas.size(), std::size_t{3});
            QCOMPARE(std::set<BrokerId>(replicas.begin(), replicas.end()).size(), std::size_t{3}); // distinct
            ++leaders[replicas.front().value()];
        }
        for (const auto &[broker, count] : leaders) // leaders spread evenly: 60 / 6
            QCOMPARE(count, 10);
    }
}

// Racks as "0:r1 1:r3 ..." (broker:rack), in broker order.
void TestReplicaPlacement::rackAware_data()
{
    QTest::addColumn<QString>("racks");
    QTest::addColumn<int>("partitions");
    QTest::addColumn<int>("rf");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("firstPartition");
    QTest::addColumn<QString>("expected");
    // Kafka's documented example (AdminUtils.assignReplicasToBrokers): the rack-alternated list
    // is 0, 3, 1, 5, 4, 2; six partitions go round it, the seventh shifts its followers.
    const QString documented = QStringLiteral("0:rack1 1:rack3 2:rack3 3:rack2 4:rack2 5:rack1");
    QTest::addRow("kafka-documented-example") << documented << 6 << 3 << 0 << 0
        << "p0[0,3,1] p1[3,1,5] p2[1,5,4] p3[5,4,2] p4[4,2,0] p5[2,0,3]";
    QTest::addRow("kafka-documented-seventh-partition") << documented << 7 << 3 << 0 << 0
        << "p0[0,3,1] p1[3,1,5] p2[1,5,4] p3[5,4,2] p4[4,2,0] p5[2,0,3] p6[0,4,2]";
    // Added partitions continue the numbering (startPartitionId), as Kafka's createPartitions.
    QTest::addRow("added-partitions") << documented << 1 << 3 << 0 << 6 << "p0[0,4,2]";
    // Two racks, RF 3: each partition has both racks, the third replica wherever the walk lands.
    QTest::addRow("two-racks-rf3") << "0:a 1:a 2:b 3:b" << 4 << 3 << 0 << 0
        << "p0[0,2,1] p1[2,1,3] p2[1,3,0] p3[3,0,2]";
    // One rack: the same as without racks, on the arranged (= id) order.
    QTest::addRow("one-rack") << "0:a 1:a 2:a" << 3 << 2 << 0 << 0 << "p0[0,1] p1[1,2] p2[2,0]";
}

void TestReplicaPlacement::rackAware()
{
    QFETCH(QString, racks);
    QFETCH(int, partitions);
    QFETCH(int, rf);
    QFETCH(int, start);
    QFETCH(int, firstPartition);
    QFETCH(QString, expected);
    std::vector<BrokerId> ids;
    std::vector<std::optional<std::string>> rackOf;
    for (const QString &pair : racks.split(QLatin1Char(' '))) {
        ids.push_back(BrokerId{pair.section(QLatin1Char(':'), 0, 0).toInt()});
        rackOf.push_back(pair.section(QLatin1Char(':'), 1).toStdString());
    }
    Random rng(1);
    const auto r = assignReplicas(ids, rackOf, partitions, rf, start, rng, firstPartition);
    QVERIFY2(r.isOk(), r.isOk() ? "" : r.status().message().c_str());
    QCOMPARE(render(r.value()), expected);
}

void TestReplicaPlacement::rackAwareSpreadsOverRacks()
{
    // Kafka's promise: with RF >= the number of racks every rack holds a replica of every
    // partition, else every replica is on its own rack; and no broker holds a partition twice.
    Random rng(7);
    for (int trial = 0; trial < 200; ++trial) {
        const int n = 3 + static_cast<int>(rng.uniform(10));
        const int numRacks = 1 + static_cast<int>(rng.uniform(static_cast<std::uint64_t>(n)));
        std::vector<BrokerId> ids;
        std::vector<std::optional<std::string>> rackOf;
        std::map<int, std::string> rackById;
        for (int b = 0; b < n; ++b) {
            ids.push_back(BrokerId{b * 2}); // ids with gaps
            rackOf.push_back("r" + std::to_string(b % numRacks));
            rackById[b * 2] = *rackOf.back();
        }
        const int rf = 1 + static_cast<int>(rng.uniform(static_cast<std::uint64_t>(n)));
        const int partitions = 1 + static_cast<int>(rng.uniform(30));
        const auto r = assignReplicas(ids, rackOf, partitions, rf, std::nullopt, rng);
        QVERIFY2(r.isOk(), r.isOk() ? "" : r.status().message().c_str());
        QCOMPARE(static_cast<int>(r.value().size()), partitions);
        for (const auto &replicas : r.value()) {
            QCOMPARE(static_cast<int>(replicas.size()), rf);
            std::set<int> brokersSeen;
            std::set<std::string> racksSeen;
            for (BrokerId b : replicas) {
                QVERIFY(brokersSeen.insert(b.value()).second);
                racksSeen.insert(rackById.at(b.value()));
            }
            QCOMPARE(static_cast<int>(racksSeen.size()), std::min(rf, numRacks));
        }
    }
}

void TestReplicaPlacement::racksOnSomeBrokersOnlyIsAnError()
{
    Random rng(1);
    const auto r = assignReplicas(brokers({0, 1, 2}), {std::string("a"), std::nullopt, std::string("b")}, 3, 2, 0, rng);
    QVERIFY(!r.isOk());
    QVERIFY2(r.status().message().find("not all brokers have rack information") != std::string::npos,
             r.status().message().c_str());
    // No racks at all: Kafka's rack-unaware placement, unchanged.
    const auto plain = assignReplicas(brokers({0, 1, 2}), {std::nullopt, std::nullopt, std::nullopt}, 3, 2, 0, rng);
    QVERIFY(plain.isOk());
    QCOMPARE(render(plain.value()), QStringLiteral("p0[0,1] p1[1,2] p2[2,0]"));
}

QTEST_APPLESS_MAIN(TestReplicaPlacement)
#include "tst_replicaplacement.moc"
