#!/usr/bin/env bash
# End-to-end latency sweep (EndToEndLatencyHarness): offered loads x batch intervals, JSON + table + .hgrm files
# in bench/results/<label>/.
# usage: bench/latency.sh [--quick] [--label L] [--no-build] [harness key=value ...]
#   default sweep: rates=100000,1000000,5000000 intervalsMs=1,10,100,1000 seconds=5 warmupSeconds=1 (~2 min)
#   --quick: rates=100000 intervalsMs=10,100 seconds=1 warmupSeconds=0.5 (proves the harness runs)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
quick=0; build=1; label=""; args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --label) label="$2"; shift ;;
    --no-build) build=0 ;;
    *) args+=("$1") ;;
  esac
  shift
done
[ -n "$label" ] || label="$(git -C "$root" describe --always --dirty 2>/dev/null || echo unlabelled)"
[ "$quick" = 1 ] && label="$label-quick"
out="$root/bench/results/$label"
mkdir -p "$out"
[ "$build" = 0 ] || (cd "$root" && mvn -B -q ${MVN_OFFLINE:+-o} -pl bench -am package -DskipTests)
FLAGS="--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
--add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
--add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
--enable-native-access=ALL-UNNAMED -Dchronicle.analytics.disable=true"
defaults=()
[ "$quick" = 1 ] && defaults=(rates=100000 intervalsMs=10,100 seconds=1 warmupSeconds=0.5)
echo "load=$(cut -d' ' -f1-3 /proc/loadavg) date=$(date -u +%Y-%m-%dT%H:%MZ)" > "$out/latency.properties"
# shellcheck disable=SC2086
java $FLAGS -Xms2g -Xmx2g -cp "$root/bench/target/benchmarks.jar" io.sluice.bench.latency.EndToEndLatencyHarness \
  "${defaults[@]}" "${args[@]}" "out=$out"
