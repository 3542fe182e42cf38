#!/usr/bin/env bash
# Installs what is missing, builds (the optimised build of ./test.sh and ./run.sh, in build/ or
# $KAFKASCOPE_BUILD_DIR) and runs the benchmarks: the partition log (bench_log), then the
# cluster simulation's speed (bench_cluster), then the sticky assignors (bench_assignor, with
# --quick when bench_log gets --quick), then a simulated rebalance of a 1,000-member group
# (bench_rebalance). Arguments go to bench_log:
#   ./bench.sh                      the full run (a few minutes)
#   ./bench.sh --quick              a smoke run (seconds)
#   ./bench.sh --json results.json  also write the figures as JSON
# What is measured and the latest figures: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")"
source ./setup.sh
kafkascope_install_packages
kafkascope_build
build_dir="${KAFKASCOPE_BUILD_DIR:-build}"
build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build_dir/CMakeCache.txt")"
case "$build_type" in
    Release|RelWithDebInfo) ;;
    *) echo "warning: $build_dir is a '$build_type' build; figures from it are not comparable" >&2 ;;
esac
echo "==> Running the log benchmarks"
"$build_dir/tests/bench/bench_log" "$@"
echo
echo "==> Running the cluster simulation benchmark"
"$build_dir/tests/bench/bench_cluster"
echo
echo "==> Running the assignor benchmark"
assignor_args=()
for arg in "$@"; do
    if [[ "$arg" == "--quick" ]]; then
        assignor_args+=(--quick)
    fi
done
"$build_dir/tests/bench/bench_assignor" "${assignor_args[@]}"
echo
echo "==> Running the 1,000-member group rebalance benchmark"
"$build_dir/tests/bench/bench_rebalance"
echo
echo "==> Running the frame-time benchmark of the live cluster view (offscreen)"
"$build_dir/tests/bench/bench_frames"
