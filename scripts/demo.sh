#!/usr/bin/env bash
# Set up, build, and run crosscheck on the bundled fixture stories: prints the terminal report
# and writes the HTML conflict report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/build.sh
report="${CROSSCHECK_REPORT:-build/crosscheck-report.html}"
status=0
build/crosscheck check fixtures/stories || status=$?
build/crosscheck check --quiet --format html --output "$report" fixtures/stories || true
echo
echo "HTML conflict report written to $(realpath "$report")"
# Exit 1 means conflicts were found: that is the tool working, not failing.
[ "$status" -le 1 ] || exit "$status"
