#!/usr/bin/env bash
# Cross-checks Kafkascope's log format against the independent Python reader/writer:
#  1. a directory written by `kafkascope run --data-dir` parses with every CRC valid and dense offsets;
#  2. a partition folder written by the Python writer (another tool) reads back through
#     `kafkascope dump-log --json` record for record;
#  3. a damaged copy makes `dump-log --verify` exit 1 and name the file and byte position.
set -euo pipefail
bin="$1"
tool="$(dirname "$0")/kafka_log_tool.py"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$bin" run --until 15s --seed 7 --data-dir "$work/cluster" >/dev/null
python3 "$tool" verify "$work/cluster"
"$bin" dump-log --verify "$work/cluster" >/dev/null

python3 "$tool" write "$work/other/events-0" "$work/expected.json"
"$bin" dump-log --json --verify "$work/other/events-0" >"$work/dump.jsonl"
python3 "$tool" compare "$work/expected.json" "$work/dump.jsonl"

cp -r "$work/other/events-0" "$work/damaged"
log="$work/damaged/00000000000000000000.log"
size=$(stat -c %s "$log")
truncate -s $((size - 7)) "$log"
if "$bin" dump-log --verify "$work/damaged" >/dev/null 2>"$work/err.txt"; then
    echo "dump-log --verify accepted a truncated file" >&2
    exit 1
fi
grep -q "00000000000000000000.log at byte" "$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
echo "independent format check passed"
