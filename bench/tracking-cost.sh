#!/usr/bin/env bash
# Cost of per-contact tracking: SignalBench scenes with tracking on and off, alternated in one JVM, timed by
# thread CPU time (robust to a busy machine). Usage: bench/tracking-cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile >/dev/null  # also writes target/bench-cp.txt (pom.xml: bench-classpath)
exec java -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.tactus.bench.TrackingCostMain "$@"
