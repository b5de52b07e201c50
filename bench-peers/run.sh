#!/usr/bin/env bash
# Sluice vs Spark Streaming 4.1.0, Flink 2.3.0 and Hazelcast Jet 5.7.0 on the same workloads, in one command.
# For each workload: an agreement check (small deterministic input through every engine; the sorted outputs must be
# identical, else the run stops with exit 1), then a throughput run per engine (REPEATS timed repeats in one JVM),
# then a latency run per engine at a fixed offered rate (open loop), each in its own JVM. Prints the tables with
# Sluice/peer ratios and writes bench/results/<label>/peers.json (throughput and latency, one object per engine and
# workload; raw lines in peers.jsonl and peers-latency.jsonl).
#
# usage: bench-peers/run.sh [--quick] [--label L] [--no-build] [--append] [workload ...]   (default: wordcount window state uber nexmark-q1 nexmark-q2 nexmark-q5)
#   env: ENGINES (default "sluice sluice-generic spark flink jet"; sluice = SLUICE_PATH, default fast;
#        SLUICE_TIMING pipelined (default) or serial, see SluiceRunner),
#        LAT_ENGINES (default "sluice spark flink jet"; empty = no latency runs), REPEATS (default 3; --quick 1),
#        BATCHES, WARMUP, PER_BATCH (throughput sizes), LAT_RATE (records/s, default per workload below),
#        LAT_INTERVAL_MS (batch interval / event-time window unit, default 1000; --quick 500),
#        LAT_WARMUP, LAT_SECONDS (default 4 and 8 s; --quick 1 and 2), HEAP (default 3g)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
quick=0; build=1; append=0; label=""; workloads=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --label) label="$2"; shift ;;
    --no-build) build=0 ;;
    --append) append=1 ;;
    *) workloads+=("$1") ;;
  esac
  shift
done
[ ${#workloads[@]} -gt 0 ] || workloads=(wordcount window state uber nexmark-q1 nexmark-q2 nexmark-q5)
[ -n "$label" ] || label="$(git -C "$root" describe --always --dirty 2>/dev/null || echo unlabelled)"
[ "$quick" = 1 ] && label="$label-quick"
out="$root/bench/results/$label"; mkdir -p "$out/peers-check"
engines=(${ENGINES:-sluice sluice-generic spark flink jet})
lat_engines=(${LAT_ENGINES-sluice spark flink jet})
repeats=${REPEATS:-$([ "$quick" = 1 ] && echo 1 || echo 3)}
lat_interval=${LAT_INTERVAL_MS:-$([ "$quick" = 1 ] && echo 500 || echo 1000)}
lat_warmup=${LAT_WARMUP:-$([ "$quick" = 1 ] && echo 1 || echo 4)}
lat_seconds=${LAT_SECONDS:-$([ "$quick" = 1 ] && echo 2 || echo 8)}
sizes() { # batches warm-up records-per-batch, per workload and mode (env BATCHES/WARMUP/PER_BATCH override)
  local b w p
  case "$1:$quick" in
    window:1) b=33; w=30; p=500 ;;    window:0) b=40; w=30; p=2000 ;;
    state:1) b=4; w=2; p=20000 ;;     state:0) b=10; w=3; p=100000 ;;
    uber:1) b=4; w=2; p=20000 ;;      uber:0) b=10; w=3; p=65535 ;;
    nexmark-q5:1) b=12; w=10; p=2000 ;; nexmark-q5:0) b=25; w=10; p=20000 ;;
    nexmark*:1) b=4; w=2; p=20000 ;;  nexmark*:0) b=10; w=3; p=100000 ;;
    *:1) b=4; w=2; p=10000 ;;         *:0) b=10; w=3; p=50000 ;;
  esac
  echo "${BATCHES:-$b} ${WARMUP:-$w} ${PER_BATCH:-$p}"; }
lat_rate() { # offered records/s per workload: about a quarter to half of the slowest engine's throughput measured
  # in bench/results/0.1.0 (loaded box), so all four should sustain it; --quick divides by 5
  local r
  case "$1" in
    wordcount) r=20000 ;; window) r=1000 ;; state) r=10000 ;; uber) r=50000 ;;
    nexmark-q1) r=50000 ;; nexmark-q2) r=100000 ;; nexmark-q5) r=20000 ;; *) r=10000 ;;
  esac
  [ "$quick" = 1 ] && r=$((r / 5))
  echo "${LAT_RATE:-$r}"; }
cp_file="$root/bench-peers/target/classpath.txt"
if [ "$build" = 1 ]; then
  # One reactor build, so sluice-engine resolves to this tree's engine/target jar, never to a snapshot someone else
  # installed in ~/.m2 (each module writes cp_file in turn; bench-peers, built last, wins).
  (cd "$root" && mvn -B -q ${MVN_OFFLINE:+-o} -Ppeers -pl bench-peers -am package dependency:build-classpath \
    -DskipTests -Dmdep.outputFile="$cp_file")
fi
cp="$root/bench-peers/target/classes:$(cat "$cp_file")"
# Chronicle's flags (parent POM sluice.jvm.flags) plus the opens Spark and Flink need on JDK 17+; the same for all.
FLAGS="--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
--add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
--add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
--add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED \
--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
--add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED \
--add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED \
--add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.sql/java.sql=ALL-UNNAMED \
--enable-native-access=ALL-UNNAMED -Dchronicle.analytics.disable=true -Djava.net.preferIPv4Stack=true"
peer() { # shellcheck disable=SC2086
  java $FLAGS -Xms${HEAP:-3g} -Xmx${HEAP:-3g} -cp "$cp" io.sluice.peers.PeerMain "$@"; }
timed() { # jsonl engine workload mode args...: one run in its own JVM, its RESULT line (plus wall time) appended
  local file="$1" e="$2" w="$3" mode="$4" start line log; log="$out/peers-check/$3-$2-$4.log"; shift
  start=$(date +%s)
  line="$(peer "$@" 2>"$log" | grep '^RESULT ' \
    || { echo "$e $w $mode run failed: see $log" >&2; tail -20 "$log" >&2; exit 1; })"
  echo "${line#RESULT }" | sed "s/}\$/, \"wallSeconds\": $(( $(date +%s) - start ))}/" | tee -a "$file" >&2; }
results="$out/peers.jsonl"; [ "$append" = 1 ] || : > "$results"
latencies="$out/peers-latency.jsonl"; [ "$append" = 1 ] || : > "$latencies"
started=$(date +%s)
[ "$append" = 1 ] || : > "$out/peers.properties"
echo "load=$(cut -d' ' -f1-3 /proc/loadavg) date=$(date -u +%Y-%m-%dT%H:%MZ) workloads=${workloads[*]} engines=${engines[*]} repeats=$repeats latencyIntervalMs=$lat_interval latencyWarmup=$lat_warmup latencySeconds=$lat_seconds quick=$quick" >> "$out/peers.properties"
for w in "${workloads[@]}"; do
  # 1. agreement: a few batches of distinct records through every engine, outputs sorted and compared byte for byte
  #    (window: 35 batches, so records leave the 30-batch window and the inverse reduce is exercised)
  #    (nexmark-q2: 3 x 5000 events, so some auction ids are multiples of 123)
  case "$w" in window) check=(35 40) ;; nexmark-q2) check=(3 5000) ;; nexmark-q5) check=(15 500) ;; *) check=(3 500) ;; esac
  ref=""
  for e in "${engines[@]}"; do
    peer "$e" "$w" check "${check[@]}" "$out/peers-check/$w-$e.tsv" > "$out/peers-check/$w-$e.log" 2>&1 \
      || { echo "$e $w check run failed: see $out/peers-check/$w-$e.log" >&2; tail -20 "$out/peers-check/$w-$e.log" >&2; exit 1; }
    if [ -z "$ref" ]; then ref="$e"
    elif ! cmp -s "$out/peers-check/$w-$ref.tsv" "$out/peers-check/$w-$e.tsv"; then
      echo "OUTPUTS DISAGREE on $w: $ref vs $e" >&2
      diff "$out/peers-check/$w-$ref.tsv" "$out/peers-check/$w-$e.tsv" | head -10 >&2; exit 1
    fi
  done
  [ "$(wc -l < "$out/peers-check/$w-$ref.tsv")" -gt 0 ] || { echo "$w: the check produced no output" >&2; exit 1; }
  echo "$w: outputs agree across ${engines[*]} ($(wc -l < "$out/peers-check/$w-$ref.tsv") rows)" >&2
  # 2. timed runs
  read -r batches warmup per <<< "$(sizes "$w")"
  for e in "${engines[@]}"; do timed "$results" "$e" "$w" perf "$batches" "$warmup" "$per" "$repeats"; done
  # 3. latency at a fixed offered rate, open loop, the same rate and interval for every engine
  rate="$(lat_rate "$w")"
  for e in "${lat_engines[@]}"; do timed "$latencies" "$e" "$w" latency "$rate" "$lat_interval" "$lat_warmup" "$lat_seconds"; done
done
echo "duration=$(( $(date +%s) - started ))s" >> "$out/peers.properties"
java -cp "$cp" io.sluice.peers.PeerReport "$results" "$out/peers.json" "$latencies" | tee "$out/peers.txt"
