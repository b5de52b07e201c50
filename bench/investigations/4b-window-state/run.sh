#!/usr/bin/env bash
# Issue 4b: window panes and keyed state on the fast path. Rebuilds the bench jar and reruns what RESULTS.md reports.
# usage: bench/investigations/4b-window-state/run.sh   (from anywhere; writes next to this script)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
(cd "$root" && mvn -B -q -o -pl bench -am package -DskipTests)
jar="$root/bench/target/benchmarks.jar"
opts="-f 1 -wi 3 -i 8 -w 1s -r 1s -prof gc"
uptime
# shellcheck disable=SC2086
java -jar "$jar" 'LongWindowSlideBenchmark.(inverse|boxedBaseline)' $opts -rf json -rff "$here/window-dense-panes.json"
# shellcheck disable=SC2086
java -jar "$jar" 'LongWindowSlideBenchmark.combine' $opts -rf json -rff "$here/window-combine-two-stacks.json"
# shellcheck disable=SC2086
java -jar "$jar" 'LongStateUpdateBenchmark' $opts -rf json -rff "$here/state.json"
java -Xmx256m --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED \
  -cp "$jar" io.sluice.bench.state.StateMapMemoryHarness | tee "$here/memory.txt"
uptime
