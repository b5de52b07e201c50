#!/usr/bin/env bash
# Reproduces bench/results/ingest: ingest throughput (JMH) and store->append latency (harness).
# Run from the repository root on a machine with at least two otherwise idle cores.
set -euo pipefail
FLAGS="--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
--add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
--add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
--enable-native-access=ALL-UNNAMED -Dchronicle.analytics.disable=true"
OUT=bench/results/ingest

mvn -B -q -pl bench -am package -DskipTests
java -jar bench/target/benchmarks.jar IngestStore -f 1 -wi 3 -i 5 -prof gc -rf json -rff "$OUT/store.json" | tee "$OUT/store.txt"
for policy in sleeping blocking; do
  for rate in 100000 1000000; do
    java $FLAGS -cp bench/target/benchmarks.jar io.sluice.bench.ingest.IngestLatencyHarness \
      rate=$rate seconds=10 warmupSeconds=5 recordBytes=16 sluice.log.waitPolicy=$policy
  done
done | grep -v INFO | tee "$OUT/latency.txt"
