#!/usr/bin/env bash
# Session benchmarks (io.tactus.bench.SessionBenchMain): see docs/benchmarks/session.md.
#   bench/session.sh record 600            # 32x32 at 1,000 Hz through LiveSession's recorder for 10 minutes
#   bench/session.sh hour /tmp/hour.tactus # writes a one-hour 32x32 100 Hz recording
#   bench/session.sh seek /tmp/hour.tactus # seek latencies in it
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.tactus.bench.SessionBenchMain "$@"
