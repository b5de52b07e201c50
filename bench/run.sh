#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar and runs every JMH suite (or those matching a filter) with the GC profiler,
# writing JMH JSON (the format perf-reports reads) to bench/results/<label>/.
#
# usage: bench/run.sh [--quick] [--label L] [--no-build] [JMH-regex ...] [-- extra JMH options]
#   --quick     1 fork, no warm-up, one 200 ms iteration per benchmark: proves every benchmark still runs (CI);
#               the scores are not measurements.
#   --label L   results folder name (default: git describe --always --dirty)
#   --no-build  reuse bench/target/benchmarks.jar
# Full mode uses each benchmark's own settings (BenchmarkBase: 2 forks, 5 x 1 s warm-up, 5 x 1 s measurement)
# unless JMH_OPTS overrides them. Exits non-zero if the build or any benchmark fails, or if a benchmark that
# matched the filter has no result in the JSON.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
quick=0; build=1; label=""; filters=(); extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --label) label="$2"; shift ;;
    --no-build) build=0 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) filters+=("$1") ;;
  esac
  shift
done
[ -n "$label" ] || label="$(git -C "$root" describe --always --dirty 2>/dev/null || echo unlabelled)"
[ "$quick" = 1 ] && [ -z "${label##*quick*}" ] || { [ "$quick" = 1 ] && label="$label-quick"; } || true
out="$root/bench/results/$label"
mkdir -p "$out"
jar="$root/bench/target/benchmarks.jar"
if [ "$build" = 1 ]; then
  (cd "$root" && mvn -B -q ${MVN_OFFLINE:+-o} -pl bench -am package -DskipTests)
fi
if [ "$quick" = 1 ]; then
  opts=(-f 1 -wi 0 -i 1 -w 100ms -r 200ms)
else
  # shellcheck disable=SC2206
  opts=(${JMH_OPTS:-})
fi
[ ${#filters[@]} -gt 0 ] || filters=(".*")
cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true)"
{
  echo "name=$label"
  echo "commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine=$(nproc) cores${cpu:+, $cpu}"
  echo "load=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "mode=$([ "$quick" = 1 ] && echo quick || echo full)"
} > "$out/jmh.properties"
expected="$(java -jar "$jar" -l "${filters[@]}" | tail -n +2 | sed 's/^ *//' | grep -c . || true)"
[ "$expected" -gt 0 ] || { echo "no benchmark matches: ${filters[*]}" >&2; exit 2; }
echo "running $expected benchmarks ($([ "$quick" = 1 ] && echo quick || echo full) mode) -> $out" >&2
start=$(date +%s)
java -jar "$jar" "${filters[@]}" "${opts[@]}" -foe true -prof gc -rf json -rff "$out/jmh.json" "${extra[@]}" \
  2>&1 | tee "$out/jmh.log"
status=${PIPESTATUS[0]}
echo "elapsed=$(( $(date +%s) - start ))s" >> "$out/jmh.properties"
[ "$status" = 0 ] || { echo "JMH failed (exit $status)" >&2; exit "$status"; }
# Every benchmark method that matched must have at least one result (params multiply results, never remove them).
missing="$(java -jar "$jar" -l "${filters[@]}" | tail -n +2 | sed 's/^ *//' | grep . | while read -r b; do
  grep -q "\"benchmark\" : \"$b\"" "$out/jmh.json" || echo "$b"; done)"
if [ -n "$missing" ]; then
  echo "benchmarks without a result:" >&2; echo "$missing" >&2; exit 1
fi
grep -q 'Exception\|<failure>' "$out/jmh.log" && { echo "a benchmark threw (see $out/jmh.log)" >&2; exit 1; }
echo "wrote $out/jmh.json ($expected benchmarks, $(( $(date +%s) - start )) s)" >&2
