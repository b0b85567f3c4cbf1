#!/usr/bin/env bash
# Reproduces the figures in docs/performance.md: builds the benchmarks (Release), generates
# corpora of 10, 100 and 300 MB (BENCH_SIZES to change), runs the stage benchmarks on the
# smallest, and times `crosscheck check --format json` end to end on each, beside a plain
# one-pass scan of the same file (grep -c '[0-9]') for the ratio to the machine's scan speed.
# The table goes to standard output and build-bench/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
CROSSCHECK_WITH_BENCH=1 bash scripts/bootstrap.sh
BUILD_DIR=build-bench BUILD_TYPE=Release bash scripts/build.sh -DCROSSCHECK_BENCH=ON
sizes="${BENCH_SIZES:-10 100 300}"
out=build-bench/performance.md
{
  echo "| corpus | bytes | articles | check wall (s) | check MB/s | per core | check peak (MiB) | extract wall (s) | extract MB/s | extract peak (MiB) | grep scan (s) | check / scan |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
} > "$out"
for size in $sizes; do
  corpus="build-bench/corpus-$size.jsonl"
  [ -s "$corpus" ] || build-bench/bench/gen_corpus "$size" 1 > "$corpus"
  articles=$(wc -l < "$corpus")
  # The plain scan, timed finer than GNU time's hundredths: from the page cache it takes tens of
  # milliseconds. Its output goes to a pipe, not /dev/null: GNU grep writing to /dev/null stops at
  # the first match, which timed nothing.
  cat "$corpus" > /dev/null
  scan=$(python3 -c 'import subprocess, sys, time
t = time.perf_counter()
subprocess.run(["grep", "-c", "[0-9]", sys.argv[1]], stdout=subprocess.PIPE)
print(f"{time.perf_counter() - t:.4f}")' "$corpus")
  # The whole job (report of every claim and finding), then the map side alone (claims as JSONL).
  /usr/bin/time -f '%e %M' -o "build-bench/time-$size.txt" \
    build-bench/crosscheck check --quiet --format json "$corpus" > /dev/null || [ $? -eq 1 ]
  /usr/bin/time -f '%e %M' -o "build-bench/time-extract-$size.txt" \
    build-bench/crosscheck extract --quiet "$corpus" > /dev/null
  # GNU time adds a line when the exit status is not 0 (1 = conflicts found): the figures are last.
  read -r wall rss < <(tail -n 1 "build-bench/time-$size.txt")
  read -r xwall xrss < <(tail -n 1 "build-bench/time-extract-$size.txt")
  # Rates are in MB of 10^6 bytes, from the file's exact size (gen_corpus sizes its corpora in MiB).
  python3 - "$size" "$(stat -c %s "$corpus")" "$articles" "$wall" "$rss" "$xwall" "$xrss" "$scan" "$(nproc)" >> "$out" <<'PY'
import sys
size, nbytes, articles = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
wall, rss, xwall, xrss, scan, cores = float(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7]), float(sys.argv[8]), int(sys.argv[9])
mb = nbytes / 1e6
rate = mb / max(wall, 1e-9)
print(f"| {size:.0f} MiB | {nbytes:,} | {articles:,} | {wall:.1f} | {rate:.1f} | {rate / cores:.1f} | {rss/1024:,.0f} | {xwall:.1f} | {mb/max(xwall, 1e-9):.1f} | {xrss/1024:.0f} | {scan:.3f} | {wall/max(scan, 1e-4):.0f}x |")
PY
done
cat "$out"
smallest=$(echo $sizes | awk '{print $1}')
CROSSCHECK_BENCH_CORPUS="build-bench/corpus-$smallest.jsonl" build-bench/bench/stages_bench --benchmark_counters_tabular=true
