#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kafkascope::varint {

// Kafka's variable-length integers (ByteUtils): zigzag encoding, 7 bits a byte, low group
// first, the high bit set on every byte but the last. A varint holds an int32 in at most
// 5 bytes, a varlong an int64 in at most 10.

void appendVarint(std::string &out, std::int32_t value);
// Write at `out`, which must have room for 5 (varint) or 10 (varlong) bytes; return one past the end.
char *writeVarint(char *out, std::int32_t value);
char *writeVarlong(char *out, std::int64_t value);
void appendVarlong(std::string &out, std::int64_t value);
std::size_t sizeOfVarint(std::int32_t value);
std::size_t sizeOfVarlong(std::int64_t value);

// Reads one value from the front of `in` and advances `in` past it. Returns false, leaving
// `in` unchanged, when the bytes end too soon or the encoding is longer than 5 (varint) or
// 10 (varlong) bytes, as Kafka rejects it ("Varint is too long").
bool readVarint(std::string_view &in, std::int32_t &value);
bool readVarlong(std::string_view &in, std::int64_t &value);

} // namespace kafkascope::varint
