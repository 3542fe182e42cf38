#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite with CTest.
# Arguments are passed to ctest (e.g. ./test.sh -R murmur2).
set -euo pipefail
cd "$(dirname "$0")"
source ./setup.sh
kafkascope_install_packages
kafkascope_build
echo "==> Running the tests"
ctest --test-dir "${KAFKASCOPE_BUILD_DIR:-build}" --output-on-failure --parallel "$(nproc)" "$@"
