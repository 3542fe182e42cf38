#include "json_reader.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace kafkascope {

const JsonValue *JsonValue::find(std::string_view key) const
{
    for (const Member &m : m_members)
        if (m.key == key)
            return &m.value;
    return nullptr;
}

const char *JsonValue::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return "null";
    case Type::Bool:
        return "true or false";
    case Type::Number:
        return "a number";
    case Type::String:
        return "a string";
    case Type::Array:
        return "an array";
    case Type::Object:
        return "an object";
    }
    return "a value";
}

// A recursive-descent parser over the bytes, keeping line and column as it goes.
// Invariant: m_pos <= m_text.size(); m_line/m_column describe m_pos.
class JsonParser {
public:
    explicit JsonParser(std::string_view text) : m_text(text)
    {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
            m_pos = 3; // a UTF-8 byte order mark
    }

    std::variant<JsonValue, JsonError> parseDocument()
    {
        skipSpace();
        JsonValue v;
        if (!parseValue(v, 1))
            return m_error;
        skipSpace();
        if (m_pos < m_text.size()) {
            fail("unexpected text after the end of the JSON document");
            return m_error;
        }
        return v;
    }

private:
    [[nodiscard]] TextPosition here() const { return {m_line, m_column}; }

    bool fail(std::string message)
    {
        return failAt(here(), std::move(message));
    }

    bool failAt(TextPosition at, std::string message)
    {
        m_error = {at, std::move(message)};
        return false;
    }

    void advance()
    {
        const auto c = static_cast<unsigned char>(m_text[m_pos++]);
        if (c == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++m_column; // continuation bytes of a UTF-8 sequence share their code point's column
        }
    }

    void skipSpace()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            advance();
        }
    }

    [[nodiscard]] std::string describeHere() const
    {
        if (m_pos >= m_text.size())
            return "the end of the file";
        const auto c = static_cast<unsigned char>(m_text[m_pos]);
        if (c >= 0x20 && c < 0x7F)
            return std::string("'") + static_cast<char>(c) + "'";
        char buf[16];
        std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
        return buf;
    }

    bool literal(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return fail("expected a JSON value, found " + describeHere());
        for (std::size_t i = 0; i < word.size(); ++i)
            advance();
        return true;
    }

    bool parseValue(JsonValue &out, int depth)
    {
        if (depth > kMaxJsonDepth)
            return fail("nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        out.m_position = here();
        if (m_pos >= m_text.size())
            return fail("expected a JSON value, found the end of the file");
        switch (m_text[m_pos]) {
        case '{':
            return parseObject(out, depth);
        case '[':
            return parseArray(out, depth);
        case '"':
            out.m_type = JsonValue::Type::String;
            return parseString(out.m_string);
        case 't':
            out.m_type = JsonValue::Type::Bool;
            out.m_bool = true;
            return literal("true");
        case 'f':
            out.m_type = JsonValue::Type::Bool;
            return literal("false");
        case 'n':
            out.m_type = JsonValue::Type::Null;
            return literal("null");
        default:
            if (m_text[m_pos] == '-' || (m_text[m_pos] >= '0' && m_text[m_pos] <= '9'))
                return parseNumber(out);
            return fail("expected a JSON value, found " + describeHere());
        }
    }

    bool parseObject(JsonValue &out, int depth)
    {
        out.m_type = JsonValue::Type::Object;
        advance(); // {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            advance();
            return true;
        }
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                return fail("expected a member name in double quotes, found " + describeHere());
            JsonValue::Member member;
            member.keyPosition = here();
            if (!parseString(member.key))
                return false;
            for (const auto &m : out.m_members)
                if (m.key == member.key)
                    return failAt(member.keyPosition, "duplicate member \"" + member.key + "\"");
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                return fail("expected ':' after the member name, found " + describeHere());
            advance();
            skipSpace();
            if (!parseValue(member.value, depth + 1))
                return false;
            out.m_members.push_back(std::move(member));
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                advance();
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == '}') {
                advance();
                return true;
            }
            return fail("expected ',' or '}' in the object, found " + describeHere());
        }
    }

    bool parseArray(JsonValue &out, int depth)
    {
        out.m_type = JsonValue::Type::Array;
        advance(); // [
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            advance();
            return true;
        }
        while (true) {
            skipSpace();
            JsonValue item;
            if (!parseValue(item, depth + 1))
                return false;
            out.m_items.push_back(std::move(item));
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                advance();
                continue;
            }
            if (m_pos < m_text.size() && m_text[m_pos] == ']') {
                advance();
                return true;
            }
            return fail("expected ',' or ']' in the array, found " + describeHere());
        }
    }

    static void appendUtf8(std::string &s, std::uint32_t cp)
    {
        if (cp < 0x80) {
            s += static_cast<char>(cp);
        } else if (cp < 0x800) {
            s += static_cast<char>(0xC0 | (cp >> 6));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += static_cast<char>(0xE0 | (cp >> 12));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            s += static_cast<char>(0xF0 | (cp >> 18));
            s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    bool hex4(std::uint32_t &out)
    {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            if (m_pos >= m_text.size())
                return fail("incomplete \\u escape");
            const char c = m_text[m_pos];
            int d = -1;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            if (d < 0)
                return fail("expected a hexadecimal digit in the \\u escape, found " + describeHere());
            out = out * 16 + static_cast<std::uint32_t>(d);
            advance();
        }
        return true;
    }

    // One UTF-8 sequence starting at m_pos, checked (no overlongs, no surrogates, <= U+10FFFF).
    bool copyUtf8(std::string &s)
    {
        const auto b0 = static_cast<unsigned char>(m_text[m_pos]);
        int extra = 0;
        std::uint32_t cp = 0;
        std::uint32_t min = 0;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            extra = 1;
            cp = b0 & 0x1F;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            extra = 2;
            cp = b0 & 0x0F;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            extra = 3;
            cp = b0 & 0x07;
            min = 0x10000;
        } else {
            return fail("invalid UTF-8 in a string (" + describeHere() + ")");
        }
        if (m_pos + static_cast<std::size_t>(extra) >= m_text.size())
            return fail("invalid UTF-8 in a string (a sequence cut short)");
        for (int i = 1; i <= extra; ++i) {
            const auto b = static_cast<unsigned char>(m_text[m_pos + static_cast<std::size_t>(i)]);
            if ((b & 0xC0) != 0x80)
                return fail("invalid UTF-8 in a string (" + describeHere() + ")");
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return fail("invalid UTF-8 in a string (" + describeHere() + ")");
        for (int i = 0; i <= extra; ++i) {
            s += m_text[m_pos];
            advance();
        }
        return true;
    }

    bool parseString(std::string &out)
    {
        const TextPosition start = here();
        advance(); // "
        while (true) {
            if (m_pos >= m_text.size())
                return failAt(start, "the string is never closed (missing '\"')");
            const auto c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"') {
                advance();
                return true;
            }
            if (c < 0x20)
                return fail(c == '\n' ? "a line break inside a string (write \\n)" : "a control character inside a string");
            if (c == '\\') {
                advance();
                if (m_pos >= m_text.size())
                    return failAt(start, "the string is never closed (missing '\"')");
                const char e = m_text[m_pos];
                advance();
                switch (e) {
                case '"':
                case '\\':
                case '/':
                    out += e;
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    std::uint32_t cp = 0;
                    if (!hex4(cp))
                        return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF)
                        return fail("a lone low surrogate in a \\u escape");
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (m_text.substr(m_pos, 2) != "\\u")
                            return fail("a high surrogate \\u escape without its low surrogate");
                        advance();
                        advance();
                        std::uint32_t lo = 0;
                        if (!hex4(lo))
                            return false;
                        if (lo < 0xDC00 || lo > 0xDFFF)
                            return fail("a high surrogate \\u escape without its low surrogate");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    }
                    appendUtf8(out, cp);
                    break;
                }
                default:
                    return fail(std::string("unknown escape \\") + (e >= 0x20 && e < 0x7F ? std::string(1, e) : std::string("?")));
                }
                continue;
            }
            if (c < 0x80) {
                out += static_cast<char>(c);
                advance();
                continue;
            }
            if (!copyUtf8(out))
                return false;
        }
    }

    bool parseNumber(JsonValue &out)
    {
        out.m_type = JsonValue::Type::Number;
        const std::size_t start = m_pos;
        auto digits = [&] {
            std::size_t n = 0;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') {
                advance();
                ++n;
            }
            return n;
        };
        if (m_text[m_pos] == '-')
            advance();
        if (m_pos < m_text.size() && m_text[m_pos] == '0') {
            advance();
            if (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                return fail("a number cannot start with 0 (no leading zeros)");
        } else if (digits() == 0) {
            return fail("expected digits after '-'");
        }
        bool whole = true;
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            advance();
            whole = false;
            if (digits() == 0)
                return fail("expected digits after the decimal point");
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            advance();
            whole = false;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
                advance();
            if (digits() == 0)
                return fail("expected digits in the exponent");
        }
        const std::string token(m_text.substr(start, m_pos - start));
        errno = 0;
        const double d = std::strtod(token.c_str(), nullptr);
        if (!std::isfinite(d))
            return failAt(out.m_position, "the number " + token + " is too large");
        out.m_number = d;
        if (whole) {
            std::int64_t v = 0;
            const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
            if (ec == std::errc() && end == token.data() + token.size())
                out.m_int = v;
        } else if (std::floor(d) == d && std::fabs(d) < 9.0e15) {
            out.m_int = static_cast<std::int64_t>(d);
        }
        return true;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    JsonError m_error;
};

std::variant<JsonValue, JsonError> parseJson(std::string_view text)
{
    return JsonParser(text).parseDocument();
}

} // namespace kafkascope
