#!/usr/bin/env bash
# Export benchmark: throughput (MB/s written) and peak heap for every format on a one-hour 32x32 100 Hz session,
# in a JVM limited to 256 MB of heap. Usage: bench/export.sh [seconds] [formats] [outDir]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile >/dev/null  # also writes target/bench-cp.txt (pom.xml: bench-classpath)
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.tactus.bench.ExportBenchMain "$@"
