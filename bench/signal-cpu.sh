#!/usr/bin/env bash
# SignalBench's benchmarks in thread CPU time per frame (io.tactus.bench.SignalCpuMain): stable on a loaded
# machine where JMH wall-clock throughput is not. Usage: bench/signal-cpu.sh [SIZE...]   (default 32 64)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile >/dev/null  # also writes target/bench-cp.txt (pom.xml: bench-classpath)
uptime
exec java -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.tactus.bench.SignalCpuMain "$@"
