#!/usr/bin/env bash
# End-to-end alert latency and FX time per frame in the real app window under Xvfb.
# Usage: bench/alert-latency.sh [seconds] [grid] [speed]   (needs xvfb and libgtk-3-0)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile >/dev/null  # also writes target/bench-cp.txt (pom.xml: bench-classpath)
xvfb-run -a -s "-screen 0 1280x800x24" java -Djavafx.cachedir=target/javafx-cache -Dprism.order=sw \
  -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.tactus.bench.AlertLatencyMain "$@"
