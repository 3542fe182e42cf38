#pragma once

#include "core/status.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kafkascope {

// Where something is in a text: 1-based line and column (columns count Unicode code points, so an
// editor's cursor lands on it).
struct TextPosition {
    int line = 1;
    int column = 1;
};

// A JSON value (RFC 8259) that remembers where it was written, so that a schema check can say
// `lesson.json:14:9: topics[1].partitions: expected a positive integer`. Objects keep their
// members in the order written.
class JsonValue {
public:
    enum class Type { Null, Bool, Number, String, Array, Object };
    struct Member;

    [[nodiscard]] Type type() const { return m_type; }
    [[nodiscard]] TextPosition position() const { return m_position; }
    [[nodiscard]] bool isNull() const { return m_type == Type::Null; }
    [[nodiscard]] bool isBool() const { return m_type == Type::Bool; }
    [[nodiscard]] bool isNumber() const { return m_type == Type::Number; }
    [[nodiscard]] bool isString() const { return m_type == Type::String; }
    [[nodiscard]] bool isArray() const { return m_type == Type::Array; }
    [[nodiscard]] bool isObject() const { return m_type == Type::Object; }

    [[nodiscard]] bool asBool() const { return m_bool; }
    [[nodiscard]] double asDouble() const { return m_number; }
    // The number as a whole number, when it is one that an int64 holds exactly (written without a
    // fraction or exponent, or with ones that leave a whole value: 3, 3.0, 3e2).
    [[nodiscard]] std::optional<std::int64_t> asInt() const { return m_int; }
    [[nodiscard]] const std::string &asString() const { return m_string; }
    [[nodiscard]] const std::vector<JsonValue> &items() const { return m_items; }
    [[nodiscard]] const std::vector<Member> &members() const { return m_members; }
    // The member named `key` of an object, or nullptr.
    [[nodiscard]] const JsonValue *find(std::string_view key) const;

    // A short name of the type, for messages: "a number", "an object" …
    [[nodiscard]] static const char *typeName(Type type);

private:
    friend class JsonParser;
    Type m_type = Type::Null;
    TextPosition m_position;
    bool m_bool = false;
    double m_number = 0;
    std::optional<std::int64_t> m_int;
    std::string m_string;
    std::vector<JsonValue> m_items;
    std::vector<Member> m_members;
};

struct JsonValue::Member {
    std::string key;
    TextPosition keyPosition;
    JsonValue value;
};

// A JSON parse error: where, and what.
struct JsonError {
    TextPosition position;
    std::string message;
};

// Parses `text` as one JSON document (UTF-8; a byte order mark is allowed). Strict RFC 8259: no
// comments, no trailing commas, no duplicate keys in an object, strings must be valid UTF-8,
// nesting at most kMaxJsonDepth deep. Never throws; any input gives a value or an error.
inline constexpr int kMaxJsonDepth = 64;
[[nodiscard]] std::variant<JsonValue, JsonError> parseJson(std::string_view text);

} // namespace kafkascope
