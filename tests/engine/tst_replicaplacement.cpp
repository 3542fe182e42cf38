// Kafka's classic replica placement (rack-unaware), table-driven.
#include "cluster/replica_placement.h"

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

QTEST_APPLESS_MAIN(TestReplicaPlacement)
#include "tst_replicaplacement.moc"
