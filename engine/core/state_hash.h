#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kafkascope {

// FNV-1a (64-bit) over a stream of values: the running digest of a simulation's state.
// Integers are mixed in little-endian byte order, so the hash does not depend on the host.
class StateHash {
public:
    StateHash &add(std::uint64_t v)
    {
        for (int i = 0; i < 8; ++i)
            addByte(static_cast<unsigned char>(v >> (8 * i)));
        return *this;
    }
    StateHash &add(std::int64_t v) { return add(static_cast<std::uint64_t>(v)); }
    StateHash &add(std::int32_t v) { return add(static_cast<std::uint64_t>(static_cast<std::int64_t>(v))); }
    StateHash &add(bool v) { addByte(v ? 1 : 0); return *this; }
    StateHash &add(std::string_view s)
    {
        add(static_cast<std::uint64_t>(s.size()));
        for (const char c : s)
            addByte(static_cast<unsigned char>(c));
        return *this;
    }

    [[nodiscard]] std::uint64_t value() const { return m_h; }
    [[nodiscard]] std::string hex() const;

private:
    void addByte(unsigned char b)
    {
        m_h ^= b;
        m_h *= 0x100000001b3ULL;
    }
    std::uint64_t m_h = 0xcbf29ce484222325ULL;
};

} // namespace kafkascope
