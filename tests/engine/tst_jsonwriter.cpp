// The report's JSON writer: valid JSON, escaped strings, stable layout.
#include "core/json_writer.h"

#include <QtTest>

using namespace kafkascope;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void nestedDocument();
    void emptyContainers();
    void escapes_data();
    void escapes();
    void nonFiniteIsNull();
};

void TestJsonWriter::nestedDocument()
{
    JsonWriter w;
    w.beginObject();
    w.key("a").value(std::int64_t{1});
    w.key("b").beginArray().value("x").value(true).null().endArray();
    w.key("c").beginObject().key("d").value(2.5).endObject();
    w.endObject();
    const std::string expected = "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    true,\n    null\n  ],\n"
                                 "  \"c\": {\n    \"d\": 2.5\n  }\n}\n";
    QCOMPARE(w.str(), expected);
}

void TestJsonWriter::emptyContainers()
{
    JsonWriter w;
    w.beginObject().key("a").beginArray().endArray().key("o").beginObject().endObject().endObject();
    QCOMPARE(w.str(), std::string("{\n  \"a\": [],\n  \"o\": {}\n}\n"));
}

void TestJsonWriter::escapes_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::addRow("quote") << QByteArray("a\"b") << QByteArray("\"a\\\"b\"");
    QTest::addRow("backslash") << QByteArray("a\\b") << QByteArray("\"a\\\\b\"");
    QTest::addRow("newline") << QByteArray("a\nb") << QByteArray("\"a\\nb\"");
    QTest::addRow("control") << QByteArray("\x01", 1) << QByteArray("\"\\u0001\"");
    QTest::addRow("korean-passes-through") << QByteArray("카프카") << QByteArray("\"카프카\"");
}

void TestJsonWriter::escapes()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QCOMPARE(QByteArray::fromStdString(JsonWriter::escape(in.toStdString())), out);
}

void TestJsonWriter::nonFiniteIsNull()
{
    JsonWriter w;
    w.beginArray().value(std::numeric_limits<double>::infinity()).endArray();
    QCOMPARE(w.str(), std::string("[\n  null\n]\n"));
}

QTEST_APPLESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
