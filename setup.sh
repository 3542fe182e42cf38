#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh (source it, do not run it): installs the Debian packages
# Kafkascope needs that are missing, then configures and builds. Idempotent: a second run
# installs nothing and rebuilds only what changed.
#
# Environment:
#   KAFKASCOPE_BUILD_DIR   build folder (default: build)
#   KAFKASCOPE_CMAKE_ARGS  extra arguments for the CMake configure step
#   CI                     when set, warnings are errors (-DKAFKASCOPE_WERROR=ON)

KAFKASCOPE_PACKAGES=(
    cmake ninja-build g++ pkg-config python3  # build tools (python3: the independent format check)
    qt6-base-dev qt6-svg-dev libgl-dev         # Qt 6 (Core, Gui, Widgets, PrintSupport, Test, Svg)
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools  # Qt Linguist tools: lupdate, lrelease
    qt6-translations-l10n                      # Qt's own strings in Korean
    libqcustomplot-dev libspdlog-dev           # charts, logging
    zlib1g-dev libsnappy-dev liblz4-dev libzstd-dev   # Kafka's compression codecs
    fonts-noto-cjk fonts-dejavu-core           # Korean and Latin fonts
)

kafkascope_install_packages() {
    local missing=()
    local p
    for p in "${KAFKASCOPE_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "==> Installing missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null; then
            echo "error: these packages are missing and sudo is not available: ${missing[*]}" >&2
            return 1
        fi
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

kafkascope_build() {
    local build_dir="${KAFKASCOPE_BUILD_DIR:-build}"
    local args=(-S . -B "$build_dir")
    if [ ! -f "$build_dir/CMakeCache.txt" ]; then
        if command -v ninja >/dev/null; then
            args+=(-G Ninja)
        fi
        args+=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
    fi
    if [ -n "${CI:-}" ]; then
        args+=(-DKAFKASCOPE_WERROR=ON)
    fi
    # shellcheck disable=SC2206 # word splitting of the extra arguments is intended
    args+=(${KAFKASCOPE_CMAKE_ARGS:-})
    echo "==> Configuring ($build_dir)"
    mkdir -p "$build_dir"
    cmake "${args[@]}" >"$build_dir/configure.log" 2>&1 || { cat "$build_dir/configure.log" >&2; return 1; }
    echo "==> Building ($build_dir)"
    cmake --build "$build_dir" --parallel "$(nproc)"
}
