#!/usr/bin/env bash
# Reproduces a release's JMH baseline: builds bench/target/benchmarks.jar and runs the suites matching FILTER
# with the GC profiler, writing perf-reports/results/<version>/jmh.json, its label jmh.properties and the console log jmh.log.
#
# usage: perf-reports/results/run.sh <version> [filter-regex] [extra JMH options...]
#   e.g. perf-reports/results/run.sh 0.1.0 HashAggregation
# Forks/iterations default to the settings 0.1.0 was recorded with; override with JMH_OPTS.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 <version> [filter-regex] [extra JMH options...]" >&2
  exit 2
fi
version="$1"; shift
filter="${1:-.}"; [ $# -gt 0 ] && shift
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/perf-reports/results/$version"
mkdir -p "$out"
(cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
# The label perf-reports shows for this run (see perf-reports/README.md, "Labels").
cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true)"
{
  echo "name=$version"
  echo "commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "date=$(date -u +%Y-%m-%d)"
  echo "machine=$(nproc) cores${cpu:+, $cpu}"
} > "$out/jmh.properties"
# shellcheck disable=SC2086
java -jar "$root/bench/target/benchmarks.jar" "$filter" \
  ${JMH_OPTS:--f 3 -wi 3 -i 5 -w 1s -r 1s} -prof gc \
  -rf json -rff "$out/jmh.json" "$@" | tee "$out/jmh.log"
echo "wrote $out/jmh.json"
