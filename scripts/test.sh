#!/usr/bin/env bash
# Set up, build, and run the whole test suite through ctest (doctest underneath).
set -euo pipefail
cd "$(dirname "$0")/.."
CROSSCHECK_WITH_BROWSER=1 bash scripts/bootstrap.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
