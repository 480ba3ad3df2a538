#!/usr/bin/env bash
# Serial-path benchmarks over a socat pty pair (needs socat). Never part of `mvn verify`.
# Usage: bench/serial.sh latency [--rate HZ] [--count N] [--warmup N]
#        bench/serial.sh rate    [--rate HZ] [--seconds S] [--rows R] [--cols C]
# Results and how to read them: docs/benchmarks/device.md
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  latency) main=io.tactus.bench.SerialLatencyBench ;;
  rate) main=io.tactus.bench.SerialRateBench ;;
  *) echo "usage: bench/serial.sh latency|rate [options]" >&2; exit 2 ;;
esac
shift
command -v socat >/dev/null || { echo "bench/serial.sh: socat is required (apt-get install socat)" >&2; exit 1; }
mvn -q -B -o test-compile >/dev/null  # also writes target/bench-cp.txt (pom.xml: bench-classpath)
exec java -Djava.util.logging.config.file=/dev/null -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" "$main" "$@"
