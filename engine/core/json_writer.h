#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kafkascope {

// A small streaming JSON writer with a fixed key order, so that reports are byte-identical for
// identical runs. Output is pretty-printed with two-space indents and ends with a newline.
// Misuse (a value where a key is due, unbalanced ends) is a programming error and asserts.
class JsonWriter {
public:
    enum class Layout { Pretty, Compact };
    // Pretty: two-space indents, a newline after the document. Compact: one line, no spaces
    // (JSON Lines), and no trailing newline.
    explicit JsonWriter(Layout layout = Layout::Pretty) : m_compact(layout == Layout::Compact) {}

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(std::string_view k);

    JsonWriter &value(std::string_view s);
    JsonWriter &value(const char *s) { return value(std::string_view(s)); }
    JsonWriter &value(std::int64_t n);
    JsonWriter &value(std::int32_t n) { return value(static_cast<std::int64_t>(n)); }
    JsonWriter &value(std::uint64_t n);
    // Six significant digits: for figures people read (reports).
    JsonWriter &value(double d);
    // The shortest text that reads back as exactly `d` (files read back by a program).
    JsonWriter &exactValue(double d);
    JsonWriter &value(bool b);
    JsonWriter &null();

    // The finished document; all containers must be closed.
    [[nodiscard]] std::string str() const;

    static std::string escape(std::string_view s);

private:
    void beforeValue();
    void newline();

    struct Level {
        bool isObject;
        bool empty = true;
    };
    std::string m_out;
    std::vector<Level> m_stack;
    bool m_afterKey = false;
    bool m_compact = false;
};

} // namespace kafkascope
