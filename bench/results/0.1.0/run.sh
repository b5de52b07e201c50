#!/usr/bin/env bash
# Reproduces bench/results/0.1.0: the JMH suites, the end-to-end latency sweep and the peer comparison.
# Run from the repository root. On 2 shared cores this takes ~25 minutes; see RESULTS.md for the settings used.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bench-peers/run.sh --label 0.1.0                               # ~16 min: builds bench-peers (-Ppeers), agreement, timing (all seven workloads)
bench/latency.sh --label 0.1.0                                 # ~1.6 min
JMH_OPTS="${JMH_OPTS:--f 1 -wi 2 -i 3 -w 1s -r 1s}" bench/run.sh --label 0.1.0   # ~4.6 min (suites' defaults: ~20-25 min)
