#!/usr/bin/env bash
# Set up, build, and run crosscheck on the bundled fixture stories: each story is checked on its
# own (its folder is one story), the terminal report of the three showcase stories is printed,
# an HTML conflict report is written for every story, and the accuracy harness scores the story
# bank against its gold.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/build.sh
reports="${CROSSCHECK_REPORTS:-build/reports}"
mkdir -p "$reports"
status=0
for story in deepseek-selloff election-night-2024 samsung-q4-2024; do
  echo "=== $story"
  build/crosscheck check "fixtures/stories/$story" || { s=$?; [ "$s" -le 1 ] || status=$s; }
  echo
done
for dir in fixtures/stories/*/; do
  story="$(basename "$dir")"
  build/crosscheck check --quiet --format html --output "$reports/$story.html" "$dir" || true
done
echo "HTML conflict reports written to $(realpath "$reports")/<story>.html"
echo
echo "=== the story bank scored against its gold (bench/accuracy.py)"
python3 bench/accuracy.py score || true
# Exit 1 means conflicts were found: that is the tool working, not failing.
[ "$status" -le 1 ] || exit "$status"
