#!/usr/bin/env bash
# Resynchronisation after damage on a crafted run of plausible record headers (issue 8): linear, not quadratic.
# Usage: bench/resync.sh [MB...]   (default 1 4 16)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
exec java -Xmx128m -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.tactus.bench.ResyncBenchMain "$@"
