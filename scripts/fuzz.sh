#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang and runs each for FUZZ_SECONDS (default 60) from the
# seed corpus in fuzz/corpus/. A crash leaves its input in build-fuzz/ and fails the script:
# turn it into a regression test under tests/ before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
CROSSCHECK_WITH_FUZZ=1 bash scripts/bootstrap.sh
seconds="${FUZZ_SECONDS:-60}"
CC=clang CXX=clang++ BUILD_DIR=build-fuzz BUILD_TYPE=RelWithDebInfo bash scripts/build.sh -DCROSSCHECK_FUZZ=ON
for target in ingest number rules; do
  work="build-fuzz/corpus-$target"
  mkdir -p "$work"
  echo "fuzz: $target for ${seconds}s"
  (cd build-fuzz && "./fuzz/${target}_fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
      -print_final_stats=1 "../$work" "../fuzz/corpus/$target" 2>&1 | tail -n 12)
done
