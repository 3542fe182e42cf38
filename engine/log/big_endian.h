#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace kafkascope::be {

// Big-endian fixed-width integers, as Kafka's wire and log formats store them. Readers take a
// position that the caller has checked to be in bounds.

inline void put16(std::string &out, std::int16_t v)
{
    const auto u = static_cast<std::uint16_t>(v);
    out.push_back(static_cast<char>(u >> 8));
    out.push_back(static_cast<char>(u));
}

inline void put32(std::string &out, std::uint32_t u)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>(u >> shift));
}

inline void put64(std::string &out, std::uint64_t u)
{
    for (int shift = 56; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>(u >> shift));
}

inline void write32At(std::string &out, std::size_t pos, std::uint32_t u)
{
    for (int i = 0; i < 4; ++i)
        out[pos + static_cast<std::size_t>(i)] = static_cast<char>(u >> (24 - 8 * i));
}

inline void write16At(std::string &out, std::size_t pos, std::int16_t v)
{
    const auto u = static_cast<std::uint16_t>(v);
    out[pos] = static_cast<char>(u >> 8);
    out[pos + 1] = static_cast<char>(u);
}

inline void write64At(std::string &out, std::size_t pos, std::uint64_t u)
{
    for (int i = 0; i < 8; ++i)
        out[pos + static_cast<std::size_t>(i)] = static_cast<char>(u >> (56 - 8 * i));
}

inline std::uint64_t readUnsigned(std::string_view in, std::size_t pos, int bytes)
{
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | static_cast<unsigned char>(in[pos + static_cast<std::size_t>(i)]);
    return v;
}

// The fixed widths load the bytes at once and swap them (one load and one bswap instead of a
// loop of shifts: batch headers are read on every fetch and append).
template <class U>
inline U loadBig(std::string_view in, std::size_t pos)
{
    U v;
    std::memcpy(&v, in.data() + pos, sizeof v);
    if constexpr (std::endian::native == std::endian::little) {
        if constexpr (sizeof v == 2)
            v = __builtin_bswap16(v);
        else if constexpr (sizeof v == 4)
            v = __builtin_bswap32(v);
        else
            v = __builtin_bswap64(v);
    }
    return v;
}

inline std::int16_t read16(std::string_view in, std::size_t pos) { return static_cast<std::int16_t>(loadBig<std::uint16_t>(in, pos)); }
inline std::uint32_t readU32(std::string_view in, std::size_t pos) { return loadBig<std::uint32_t>(in, pos); }
inline std::int32_t read32(std::string_view in, std::size_t pos) { return static_cast<std::int32_t>(readU32(in, pos)); }
inline std::int64_t read64(std::string_view in, std::size_t pos) { return static_cast<std::int64_t>(loadBig<std::uint64_t>(in, pos)); }

} // namespace kafkascope::be
