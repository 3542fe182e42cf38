#include "varint.h"

#include <bit>

namespace kafkascope::varint {

namespace {

constexpr std::size_t kMaxVarintBytes = 5;
constexpr std::size_t kMaxVarlongBytes = 10;

// Zigzag maps signed to unsigned so that small magnitudes stay small: 0, -1, 1, -2 → 0, 1, 2, 3
// (ByteUtils.writeVarint: (value << 1) ^ (value >> 31)). The shifts run on the unsigned type,
// and a right shift of a negative value is arithmetic in C++20, as Java's >> is.
std::uint32_t zigzag(std::int32_t value)
{
    return (static_cast<std::uint32_t>(value) << 1) ^ static_cast<std::uint32_t>(value >> 31);
}

std::uint64_t zigzag(std::int64_t value)
{
    return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}

// ByteUtils.readVarint: (raw >>> 1) ^ -(raw & 1).
std::int32_t unzigzag(std::uint32_t raw)
{
    return static_cast<std::int32_t>((raw >> 1) ^ (~(raw & 1u) + 1u));
}

std::int64_t unzigzag(std::uint64_t raw)
{
    return static_cast<std::int64_t>((raw >> 1) ^ (~(raw & 1u) + 1u));
}

template <class Unsigned>
char *writeUnsigned(char *out, Unsigned raw)
{
    // Seven bits a byte, low group first; the high bit says another byte follows.
    while ((raw & ~Unsigned{0x7F}) != 0) {
        *out++ = static_cast<char>(static_cast<unsigned char>((raw & 0x7F) | 0x80));
        raw >>= 7;
    }
    *out++ = static_cast<char>(static_cast<unsigned char>(raw));
    return out;
}

template <class Unsigned>
void appendUnsigned(std::string &out, Unsigned raw)
{
    char buf[kMaxVarlongBytes];
    out.append(buf, static_cast<std::size_t>(writeUnsigned(buf, raw) - buf));
}

template <class Unsigned>
std::size_t sizeOfUnsigned(Unsigned raw)
{
    const auto bits = static_cast<std::size_t>(std::bit_width(raw));
    return bits == 0 ? 1 : (bits + 6) / 7;
}

// Decodes at most `maxBytes` bytes. As in Kafka's ByteUtils, the last allowed byte must not
// have its continuation bit ("Varint is too long"), and its bits beyond the type's width are
// dropped. `in` is only advanced on success.
template <class Unsigned>
bool readUnsigned(std::string_view &in, std::size_t maxBytes, Unsigned &raw)
{
    Unsigned value = 0;
    for (std::size_t i = 0; i < maxBytes; ++i) {
        if (i >= in.size())
            return false;
        const auto byte = static_cast<unsigned char>(in[i]);
        value |= static_cast<Unsigned>(static_cast<Unsigned>(byte & 0x7Fu) << (7 * i));
        if ((byte & 0x80u) == 0) {
            in.remove_prefix(i + 1);
            raw = value;
            return true;
        }
    }
    return false;
}

} // namespace

char *writeVarint(char *out, std::int32_t value)
{
    return writeUnsigned(out, zigzag(value));
}

char *writeVarlong(char *out, std::int64_t value)
{
    return writeUnsigned(out, zigzag(value));
}

void appendVarint(std::string &out, std::int32_t value)
{
    appendUnsigned(out, zigzag(value));
}

void appendVarlong(std::string &out, std::int64_t value)
{
    appendUnsigned(out, zigzag(value));
}

std::size_t sizeOfVarint(std::int32_t value)
{
    return sizeOfUnsigned(zigzag(value));
}

std::size_t sizeOfVarlong(std::int64_t value)
{
    return sizeOfUnsigned(zigzag(value));
}

bool readVarint(std::string_view &in, std::int32_t &value)
{
    std::uint32_t raw = 0;
    if (!readUnsigned(in, kMaxVarintBytes, raw))
        return false;
    value = unzigzag(raw);
    return true;
}

bool readVarlong(std::string_view &in, std::int64_t &value)
{
    std::uint64_t raw = 0;
    if (!readUnsigned(in, kMaxVarlongBytes, raw))
        return false;
    value = unzigzag(raw);
    return true;
}

} // namespace kafkascope::varint
