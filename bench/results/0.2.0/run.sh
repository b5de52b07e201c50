#!/usr/bin/env bash
# Reproduces bench/results/0.2.0 (and 0.2.0-quiet): the peer comparison, the end-to-end latency sweep, the JMH suites
# and issue 4's targets. Run from anywhere on an otherwise idle machine; ~50 minutes on 2 cores (timings measured on
# the 2-vCPU development VM, 2026-11-21). See RESULTS.md for what each number means and what limits it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
# 1. peers: agreement check, throughput (3 repeats), latency at a fixed load (1 s interval), all seven workloads, all
#    five engines. 24 min. (The Sluice rows of peers.jsonl were then re-run with pipelined timing, step 2.)
SLUICE_TIMING=serial bench-peers/run.sh --label 0.2.0
# 2. Sluice's throughput rows, pipelined timing (the default now): 6 min; merged into peers.jsonl, the serial rows kept
#    in peers-sluice-serial.jsonl
ENGINES="sluice sluice-generic" LAT_ENGINES="" bench-peers/run.sh --no-build --label 0.2.0-sluice-pipelined
# 3. Sluice's latency at the same offered loads with a 10 ms batch interval: 4 min
ENGINES="sluice" LAT_ENGINES="sluice" LAT_INTERVAL_MS=10 REPEATS=1 bench-peers/run.sh --no-build --label 0.2.0-sluice-10ms
# 3b. latency of the windowed word count and the running count at loads Spark sustains too: 3 min
ENGINES="sluice" REPEATS=1 LAT_RATE=250 bench-peers/run.sh --no-build --label 0.2.0-latency-sustained window
ENGINES="sluice" REPEATS=1 LAT_RATE=2500 bench-peers/run.sh --no-build --append --label 0.2.0-latency-sustained state
# 4. end-to-end latency sweep (1 ms .. 1 s intervals x 100 K, 1 M, 5 M records/s): 1.6 min
bench/latency.sh --label 0.2.0
# 5. every JMH suite, short settings: 8 min (the suites' own 2 forks x 5 x 1 s take ~25 min)
JMH_OPTS="-f 1 -wi 2 -i 3 -w 1s -r 1s" bench/run.sh --no-build --label 0.2.0
# 6. issue 4's targets: 5 + 1.5 min, and the 10 M-entry state memory check
jar=bench/target/benchmarks.jar; q=bench/results/0.2.0-quiet
java -jar $jar 'SegmentWordCount|LongKeyReduceByKey|LongWindowSlide|LongStateUpdate|LongChainFusion|StringWindowReduce' \
  -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc -rf json -rff $q/jmh.json | tee $q/jmh.txt
java -jar $jar SegmentWordCount -f 1 -wi 5 -i 10 -w 1s -r 1s -prof gc -rf json -rff $q/jmh-wordcount.json | tee $q/jmh-wordcount.txt
java -Xmx256m --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED \
  -cp $jar io.sluice.bench.state.StateMapMemoryHarness | tee $q/memory.txt
