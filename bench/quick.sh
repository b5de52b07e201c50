#!/usr/bin/env bash
# CI smoke run: every JMH benchmark once, briefly (bench/run.sh --quick). Fails if any benchmark fails.
# usage: bench/quick.sh [--no-build] [JMH-regex ...]
exec "$(dirname "$0")/run.sh" --quick --label quick "$@"
