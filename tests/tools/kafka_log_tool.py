#!/usr/bin/env python3
"""An independent reader and writer of Kafka's on-disk log format (record batch v2).

Written from Kafka's documented format, separately from Kafkascope's C++ engine, so that each
can check the other:
  verify DIR        parse every <20 digits>.log below DIR (a log.dirs tree or one partition
                    folder), check every CRC-32C and that offsets are dense within each
                    partition; print a summary; exit 1 on any problem.
  write DIR OUT     write a partition folder DIR with batches of known content (uncompressed
                    and gzip; null and empty keys, headers) and the expected records as JSON to OUT.
  compare EXPECTED DUMP
                    compare expected records with `kafkascope dump-log --json` output.
Only the Python standard library is used (gzip via zlib; other codecs are verified by CRC only).
"""
import json
import os
import struct
import sys
import zlib

# ---- CRC-32C (Castagnoli), reflected polynomial 0x82F63B78 ----------------------------------
_TABLE = []
for i in range(256):
    c = i
    for _ in range(8):
        c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
    _TABLE.append(c)


def crc32c(data: bytes) -> int:
    c = 0xFFFFFFFF
    for b in data:
        c = _TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


assert crc32c(b"Some String") == 608512271  # Kafka's public vector


# ---- zigzag varints ---------------------------------------------------------------------------
def read_varint(buf: bytes, pos: int):
    shift = 0
    raw = 0
    while True:
        if pos >= len(buf):
            raise ValueError("truncated varint")
        b = buf[pos]
        pos += 1
        raw |= (b & 0x7F) << shift
        if not b & 0x80:
            break
        shift += 7
        if shift > 63:
            raise ValueError("varint too long")
    return (raw >> 1) ^ -(raw & 1), pos


def write_varint(value: int) -> bytes:
    raw = (value << 1) ^ (value >> 63)
    raw &= (1 << 64) - 1
    out = bytearray()
    while True:
        if raw < 0x80:
            out.append(raw)
            return bytes(out)
        out.append((raw & 0x7F) | 0x80)
        raw >>= 7


def read_bytes_field(buf, pos):
    n, pos = read_varint(buf, pos)
    if n < 0:
        return None, pos
    if pos + n > len(buf):
        raise ValueError("field runs past the record")
    return bytes(buf[pos:pos + n]), pos + n


# ---- batches ----------------------------------------------------------------------------------
HEADER = struct.Struct(">qiibIhiqqqhii")  # 61 bytes


def parse_records(section: bytes, count: int, base_offset: int, base_ts: int):
    records = []
    pos = 0
    for _ in range(count):
        length, pos = read_varint(section, pos)
        end = pos + length
        body = section[pos:end]
        p = 1  # attributes
        ts_delta, p = read_varint(body, p)
        off_delta, p = read_varint(body, p)
        key, p = read_bytes_field(body, p)
        value, p = read_bytes_field(body, p)
        nh, p = read_varint(body, p)
        headers = []
        for _ in range(nh):
            hk, p = read_bytes_field(body, p)
            hv, p = read_bytes_field(body, p)
            headers.append((hk, hv))
        if p != len(body):
            raise ValueError("record has trailing bytes")
        records.append({"offset": base_offset + off_delta, "timestamp": base_ts + ts_delta,
                        "key": key, "value": value, "headers": headers})
        pos = end
    if pos != len(section):
        raise ValueError("records section has trailing bytes")
    return records


def iter_batches(data: bytes):
    pos = 0
    while pos < len(data):
        if len(data) - pos < 61:
            raise ValueError(f"byte {pos}: truncated batch header")
        (base, length, ple, magic, crc, attrs, lod, base_ts, max_ts, pid, pepoch, bseq,
         count) = HEADER.unpack_from(data, pos)
        if magic != 2:
            raise ValueError(f"byte {pos}: magic {magic}")
        end = pos + 12 + length
        if end > len(data):
            raise ValueError(f"byte {pos}: batch runs past the end of the file")
        if crc32c(data[pos + 21:end]) != crc:
            raise ValueError(f"byte {pos}: CRC mismatch")
        section = data[pos + 61:end]
        codec = attrs & 7
        records = None
        if codec == 0:
            records = parse_records(section, count, base, base_ts)
        elif codec == 1:
            records = parse_records(zlib.decompress(section, 47), count, base, base_ts)
        yield {"position": pos, "base_offset": base, "last_offset": base + lod, "count": count,
               "codec": codec, "records": records}
        pos = end


def verify(root: str) -> int:
    partitions = {}
    for dirpath, _dirs, files in os.walk(root):
        logs = sorted(f for f in files if f.endswith(".log") and len(f) == 24 and f[:20].isdigit())
        if logs:
            partitions[dirpath] = logs
    if not partitions:
        print(f"{root}: no segments found", file=sys.stderr)
        return 1
    problems = 0
    total_batches = total_records = 0
    for part, logs in sorted(partitions.items()):
        expected = None
        for name in logs:
            path = os.path.join(part, name)
            with open(path, "rb") as f:
                data = f.read()
            try:
                for b in iter_batches(data):
                    total_batches += 1
                    total_records += b["count"]
                    if expected is not None and b["base_offset"] != expected:
                        raise ValueError(f"byte {b['position']}: base offset {b['base_offset']}, expected {expected}")
                    if int(name[:20]) > b["base_offset"]:
                        raise ValueError(f"byte {b['position']}: offset below the segment's base")
                    if b["records"] is not None:
                        offs = [r["offset"] for r in b["records"]]
                        if offs != list(range(b["base_offset"], b["last_offset"] + 1)):
                            raise ValueError(f"byte {b['position']}: record offsets not dense")
                    expected = b["last_offset"] + 1
            except ValueError as e:
                print(f"{path}: {e}", file=sys.stderr)
                problems += 1
    print(json.dumps({"partitions": len(partitions), "batches": total_batches, "records": total_records,
                      "problems": problems}))
    return 1 if problems else 0


def encode_record(offset_delta, ts_delta, key, value, headers):
    body = bytearray(b"\x00")
    body += write_varint(ts_delta) + write_varint(offset_delta)
    for field in (key, value):
        body += write_varint(-1) if field is None else write_varint(len(field)) + field
    body += write_varint(len(headers))
    for hk, hv in headers:
        body += write_varint(len(hk)) + hk
        body += write_varint(-1) if hv is None else write_varint(len(hv)) + hv
    return write_varint(len(body)) + bytes(body)


def encode_batch(base_offset, records, codec=0):
    base_ts = records[0]["timestamp"]
    section = b"".join(encode_record(i, r["timestamp"] - base_ts, r["key"], r["value"], r["headers"])
                       for i, r in enumerate(records))
    if codec == 1:
        comp = zlib.compressobj(6, zlib.DEFLATED, 31)
        section = comp.compress(section) + comp.flush()
    max_ts = max(r["timestamp"] for r in records)
    after_crc = struct.pack(">hiqqqhii", codec, len(records) - 1, base_ts, max_ts, 7, 0, 0, len(records)) + section
    crc = crc32c(after_crc)
    length = 4 + 1 + 4 + len(after_crc)
    return struct.pack(">qiibI", base_offset, length, 3, 2, crc) + after_crc


def write(directory: str, expected_out: str) -> int:
    os.makedirs(directory, exist_ok=True)
    records = []
    for i in range(12):
        records.append({"timestamp": 1700000000000 + i * 250,
                        "key": None if i % 5 == 4 else (b"" if i == 7 else f"user-{i % 3}".encode()),
                        "value": None if i == 9 else f"event {i} \u00e9\u00e8 카프카".encode(),
                        "headers": [(b"source", b"python")] if i % 2 else []})
    layout = [(0, 4, 0), (4, 5, 1), (9, 3, 0)]  # (first, count, codec)
    with open(os.path.join(directory, "00000000000000000000.log"), "wb") as f:
        for first, count, codec in layout[:2]:
            f.write(encode_batch(first, records[first:first + count], codec))
    with open(os.path.join(directory, "00000000000000000009.log"), "wb") as f:
        first, count, codec = layout[2]
        f.write(encode_batch(first, records[first:first + count], codec))
    with open(os.path.join(directory, "leader-epoch-checkpoint"), "w") as f:
        f.write("0\n1\n3 0\n")

    def text(b):
        return None if b is None else b.decode("utf-8")
    expected = [{"offset": i, "timestamp": r["timestamp"], "key": text(r["key"]), "value": text(r["value"]),
                 "headers": [{"key": text(k), "value": text(v)} for k, v in r["headers"]]}
                for i, r in enumerate(records)]
    with open(expected_out, "w") as f:
        json.dump(expected, f)
    return 0


def compare(expected_path: str, dump_path: str) -> int:
    with open(expected_path) as f:
        expected = json.load(f)
    got = []
    with open(dump_path) as f:
        for line in f:
            batch = json.loads(line)
            if not batch.get("crc_valid"):
                print(f"batch at {batch.get('file')}:{batch.get('position')} has an invalid CRC", file=sys.stderr)
                return 1
            for r in batch["records"]:
                got.append({"offset": r["offset"], "timestamp": r["timestamp"], "key": r["key"], "value": r["value"],
                            "headers": r["headers"]})
    if got != expected:
        for a, b in zip(expected, got):
            if a != b:
                print(f"expected {a}\n     got {b}", file=sys.stderr)
                break
        print(f"{len(expected)} records expected, {len(got)} read", file=sys.stderr)
        return 1
    print(f"{len(got)} records match")
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "verify":
        return verify(argv[2])
    if len(argv) >= 4 and argv[1] == "write":
        return write(argv[2], argv[3])
    if len(argv) >= 4 and argv[1] == "compare":
        return compare(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
