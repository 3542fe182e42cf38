#!/usr/bin/env bash
# Installs what is missing, builds, and opens Kafkascope on its built-in demo cluster.
# Without a display it runs the demo headless and says where the screenshot and report are.
# Arguments are passed to kafkascope (e.g. ./run.sh --lang ko).
set -euo pipefail
cd "$(dirname "$0")"
source ./setup.sh
kafkascope_install_packages
kafkascope_build
bin="${KAFKASCOPE_BUILD_DIR:-build}/app/kafkascope"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    echo "==> Starting Kafkascope"
    exec "$bin" "$@"
fi

out="${KAFKASCOPE_BUILD_DIR:-build}/demo"
mkdir -p "$out"
echo "==> No display found: running the demo cluster headless for 30 simulated seconds"
"$bin" run --until 30s --screenshot "$out/kafkascope-demo.png" --report "$out/kafkascope-demo.json" "$@"
echo
echo "To see the window without a display: xvfb-run -a -s '-screen 0 1600x1000x24' $bin"
