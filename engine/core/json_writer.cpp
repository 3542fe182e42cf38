#include "json_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace kafkascope {

void JsonWriter::newline()
{
    if (m_compact)
        return;
    m_out += '\n';
    m_out.append(m_stack.size() * 2, ' ');
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_stack.empty())
        return;
    assert(!m_stack.back().isObject && "a value inside an object needs a key first");
    if (!m_stack.back().empty)
        m_out += ',';
    m_stack.back().empty = false;
    newline();
}

JsonWriter &JsonWriter::key(std::string_view k)
{
    assert(!m_stack.empty() && m_stack.back().isObject && !m_afterKey);
    if (!m_stack.back().empty)
        m_out += ',';
    m_stack.back().empty = false;
    newline();
    m_out += escape(k);
    m_out += m_compact ? ":" : ": ";
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::beginObject()
{
    beforeValue();
    m_out += '{';
    m_stack.push_back({true});
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    assert(!m_stack.empty() && m_stack.back().isObject && !m_afterKey);
    const bool empty = m_stack.back().empty;
    m_stack.pop_back();
    if (!empty)
        newline();
    m_out += '}';
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    beforeValue();
    m_out += '[';
    m_stack.push_back({false});
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    assert(!m_stack.empty() && !m_stack.back().isObject);
    const bool empty = m_stack.back().empty;
    m_stack.pop_back();
    if (!empty)
        newline();
    m_out += ']';
    return *this;
}

JsonWriter &JsonWriter::value(std::string_view s)
{
    beforeValue();
    m_out += escape(s);
    return *this;
}

JsonWriter &JsonWriter::value(std::int64_t n)
{
    beforeValue();
    m_out += std::to_string(n);
    return *this;
}

JsonWriter &JsonWriter::value(std::uint64_t n)
{
    beforeValue();
    m_out += std::to_string(n);
    return *this;
}

JsonWriter &JsonWriter::value(double d)
{
    beforeValue();
    if (!std::isfinite(d)) {
        m_out += "null";
        return *this;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", d);
    m_out += buf;
    return *this;
}

JsonWriter &JsonWriter::exactValue(double d)
{
    beforeValue();
    if (!std::isfinite(d)) {
        m_out += "null";
        return *this;
    }
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
    assert(ec == std::errc{});
    m_out.append(buf, end);
    return *this;
}

JsonWriter &JsonWriter::value(bool b)
{
    beforeValue();
    m_out += b ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::null()
{
    beforeValue();
    m_out += "null";
    return *this;
}

std::string JsonWriter::str() const
{
    assert(m_stack.empty() && !m_afterKey);
    return m_compact ? m_out : m_out + '\n';
}

std::string JsonWriter::escape(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (u < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", u);
                out += buf;
            } else {
                out += c; // UTF-8 passes through unchanged
            }
        }
    }
    out += '"';
    return out;
}

} // namespace kafkascope
