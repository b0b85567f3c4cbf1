#!/usr/bin/env bash
# Installs the Debian 12 packages crosscheck needs to build, test and run. Idempotent:
# packages already installed are left alone, and apt is not touched when nothing is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config python3
  libicu-dev nlohmann-json3-dev libboost-graph-dev doctest-dev
  libgumbo-dev libre2-dev libtomlplusplus-dev
  hunspell-ko
)
# The HTML report is tested in headless Chromium; a Korean font makes its screenshot readable.
if [ "${CROSSCHECK_WITH_BROWSER:-0}" = "1" ]; then packages+=(chromium fonts-nanum python3); fi
if [ "${CROSSCHECK_WITH_FUZZ:-0}" = "1" ]; then packages+=(clang libclang-rt-14-dev); fi
if [ "${CROSSCHECK_WITH_BENCH:-0}" = "1" ]; then packages+=(libbenchmark-dev time python3); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "bootstrap: all packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "bootstrap: need root to install: ${missing[*]}" >&2
    exit 1
  fi
fi
echo "bootstrap: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
