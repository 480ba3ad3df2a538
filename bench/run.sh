#!/usr/bin/env bash
# Runs JMH benchmarks from src/test/java/io/tactus/bench. Never part of `mvn verify`.
# Usage: bench/run.sh [JMH args...]   e.g. bench/run.sh DecoderBench -f 1 -wi 3 -i 5 -prof gc
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile >/dev/null  # also writes target/bench-cp.txt (pom.xml: bench-classpath)
exec java -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" org.openjdk.jmh.Main "$@"
