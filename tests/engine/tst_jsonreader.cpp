// The JSON reader under scenario files: values, positions (line and column of every value), and
// a catalogue of malformed inputs, each refused with its place.
#include "core/json_reader.h"

#include <QtTest>

using namespace kafkascope;

class TestJsonReader : public QObject
{
    Q_OBJECT

private slots:
    void valuesAndPositions();
    void numbers_data();
    void numbers();
    void stringsAndEscapes_data();
    void stringsAndEscapes();
    void malformed_data();
    void malformed();
    void depthIsLimited();
};

namespace {
JsonValue parsed(const char *text)
{
    auto r = parseJson(text);
    if (auto *e = std::get_if<JsonError>(&r))
        qFatal("unexpected error %d:%d %s", e->position.line, e->position.column, e->message.c_str());
    return std::get<JsonValue>(std::move(r));
}
} // namespace

void TestJsonReader::valuesAndPositions()
{
    const JsonValue v = parsed("{\n  \"a\": [1, true, null],\n  \"ü\": {\"b\": \"x\"}\n}");
    QVERIFY(v.isObject());
    QCOMPARE(v.members().size(), std::size_t{2});
    QCOMPARE(v.members()[0].key, std::string("a"));
    QCOMPARE(v.members()[0].keyPosition.line, 2);
    QCOMPARE(v.members()[0].keyPosition.column, 3);
    const JsonValue *a = v.find("a");
    QVERIFY(a && a->isArray());
    QCOMPARE(a->position().line, 2);
    QCOMPARE(a->position().column, 8);
    QCOMPARE(a->items()[0].asInt().value(), std::int64_t{1});
    QCOMPARE(a->items()[1].asBool(), true);
    QVERIFY(a->items()[2].isNull());
    QCOMPARE(a->items()[2].position().column, 18);
    // Columns count characters: "ü" is two bytes but one column.
    const JsonValue *u = v.find("ü");
    QVERIFY(u);
    QCOMPARE(u->position().line, 3);
    QCOMPARE(u->position().column, 8);
    QCOMPARE(u->find("b")->asString(), std::string("x"));
    QCOMPARE(u->find("b")->position().column, 14);
    QVERIFY(!v.find("missing"));
    // A byte order mark is skipped.
    QVERIFY(parsed("\xEF\xBB\xBF[]").isArray());
}

void TestJsonReader::numbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("whole");
    QTest::addColumn<qint64>("integer");
    QTest::newRow("zero") << "0" << 0.0 << true << qint64(0);
    QTest::newRow("negative") << "-12" << -12.0 << true << qint64(-12);
    QTest::newRow("fraction") << "2.5" << 2.5 << false << qint64(0);
    QTest::newRow("whole fraction") << "3.0" << 3.0 << true << qint64(3);
    QTest::newRow("exponent") << "1e3" << 1000.0 << true << qint64(1000);
    QTest::newRow("int64 max") << "9223372036854775807" << 9223372036854775807.0 << true << qint64(9223372036854775807LL);
    QTest::newRow("past int64") << "9223372036854775808" << 9223372036854775808.0 << false << qint64(0);
}

void TestJsonReader::numbers()
{
    QFETCH(QString, text);
    QFETCH(double, value);
    QFETCH(bool, whole);
    QFETCH(qint64, integer);
    const JsonValue v = parsed(text.toUtf8().constData());
    QVERIFY(v.isNumber());
    QCOMPARE(v.asDouble(), value);
    QCOMPARE(v.asInt().has_value(), whole);
    if (whole)
        QCOMPARE(*v.asInt(), integer);
}

void TestJsonReader::stringsAndEscapes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("plain") << QByteArray("\"abc\"") << QByteArray("abc");
    QTest::newRow("escapes") << QByteArray(R"("a\"b\\c\/d\n\t")") << QByteArray("a\"b\\c/d\n\t");
    QTest::newRow("bmp escape") << QByteArray(R"("\u00e9\uD55C")") << QByteArray("é한");
    QTest::newRow("surrogate pair") << QByteArray(R"("\ud83d\ude00")") << QByteArray("\xF0\x9F\x98\x80");
    QTest::newRow("korean utf-8") << QByteArray("\"카프카\"") << QByteArray("카프카");
    QTest::newRow("empty") << QByteArray("\"\"") << QByteArray("");
}

void TestJsonReader::stringsAndEscapes()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, value);
    const JsonValue v = parsed(text.constData());
    QVERIFY(v.isString());
    QCOMPARE(QByteArray::fromStdString(v.asString()), value);
}

void TestJsonReader::malformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray("") << 1 << 1 << "found the end of the file";
    QTest::newRow("trailing comma") << QByteArray("{\"a\": 1,}") << 1 << 9 << "expected a member name";
    QTest::newRow("trailing comma in array") << QByteArray("[1,\n]") << 2 << 1 << "expected a JSON value";
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << 1 << 6 << "expected ':'";
    QTest::newRow("single quotes") << QByteArray("{'a': 1}") << 1 << 2 << "double quotes";
    QTest::newRow("duplicate key") << QByteArray("{\"a\": 1,\n \"a\": 2}") << 2 << 2 << "duplicate member \"a\"";
    QTest::newRow("unclosed string") << QByteArray("[\"abc") << 1 << 2 << "never closed";
    QTest::newRow("newline in string") << QByteArray("\"a\nb\"") << 1 << 3 << "line break";
    QTest::newRow("bad escape") << QByteArray("\"\\x\"") << 1 << 4 << "unknown escape";
    QTest::newRow("lone surrogate") << QByteArray("\"\\udc00\"") << 1 << 8 << "lone low surrogate";
    QTest::newRow("high surrogate alone") << QByteArray("\"\\ud800x\"") << 1 << 8 << "without its low surrogate";
    QTest::newRow("invalid utf-8") << QByteArray("\"\xC3\x28\"") << 1 << 2 << "invalid UTF-8";
    QTest::newRow("overlong utf-8") << QByteArray("\"\xC0\xAF\"") << 1 << 2 << "invalid UTF-8";
    QTest::newRow("cut utf-8") << QByteArray("\"\xE2\x82") << 1 << 2 << "invalid UTF-8";
    QTest::newRow("leading zero") << QByteArray("012") << 1 << 2 << "leading zeros";
    QTest::newRow("bare minus") << QByteArray("-") << 1 << 2 << "expected digits";
    QTest::newRow("bad fraction") << QByteArray("1.") << 1 << 3 << "decimal point";
    QTest::newRow("bad exponent") << QByteArray("1e") << 1 << 3 << "exponent";
    QTest::newRow("huge number") << QByteArray("1e999") << 1 << 1 << "too large";
    QTest::newRow("comment") << QByteArray("// x\n{}") << 1 << 1 << "expected a JSON value";
    QTest::newRow("two documents") << QByteArray("{} {}") << 1 << 4 << "after the end";
    QTest::newRow("bad literal") << QByteArray("[tru]") << 1 << 2 << "expected a JSON value";
    QTest::newRow("control byte") << QByteArray("[\x01]") << 1 << 2 << "byte 0x01";
    QTest::newRow("nul in string") << QByteArray("\"a\0b\"", 5) << 1 << 3 << "control character";
}

void TestJsonReader::malformed()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const auto r = parseJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    const auto *e = std::get_if<JsonError>(&r);
    QVERIFY2(e, "accepted");
    QVERIFY2(QString::fromStdString(e->message).contains(message), e->message.c_str());
    QCOMPARE(e->position.line, line);
    QCOMPARE(e->position.column, column);
}

void TestJsonReader::depthIsLimited()
{
    const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
    QVERIFY(std::holds_alternative<JsonValue>(parseJson(ok)));
    const std::string deep = std::string(100000, '[');
    const auto r = parseJson(deep);
    QVERIFY(std::holds_alternative<JsonError>(r));
    QVERIFY(std::get<JsonError>(r).message.find("nested deeper") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
