#!/usr/bin/env bash
# The fuzz harness (issue 8, docs/RELIABILITY.md): seeded mutations of real captures, HELLOs and recordings
# through the wire decoder, the DIY text decoder, the HELLO parser, the recording reader + recovery + analysis
# and the exporters, in a JVM limited to 128 MB of heap, one input at a time under a watchdog.
# Usage: bench/fuzz.sh [--inputs N (default 100000)] [--seed S] [--timeout-ms T] [--only NAME] [--failures DIR]
# Failing inputs are kept in target/fuzz/ (NAME.bin + NAME.txt with the stack trace).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
exec java -Xmx128m -Djava.util.logging.config.file=/dev/null \
  -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.tactus.fuzz.FuzzMain "$@"
