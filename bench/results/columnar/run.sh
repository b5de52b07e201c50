#!/usr/bin/env bash
# Re-runs the columnar fast-path benchmarks of RESULTS.md from the repository root's build.
#   mvn -B -q -o -pl bench -am package -DskipTests && bench/results/columnar/run.sh
set -euo pipefail
cd "$(dirname "$0")"
JAR=../../target/benchmarks.jar
for b in LongKeyReduceByKeyBenchmark SegmentWordCountBenchmark; do
  { echo "before: $(date -u +%FT%TZ) $(uptime)"
    java -jar "$JAR" "$b" -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc -rf json -rff "$b.json" > "$b.txt" 2>&1
    echo "after:  $(date -u +%FT%TZ) $(uptime)"; } > "$b.load"
done
# The same methods timed by thread CPU time (less sensitive to other processes on a shared box).
FLAGS="--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
--add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
--add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED -Dchronicle.analytics.disable=true"
{ echo "before: $(uptime)"; java $FLAGS -Xmx2g -cp "$JAR" CpuTimeHarness.java 2>&1 | grep -v WARN; echo "after: $(uptime)"; } > cpu-time.txt
