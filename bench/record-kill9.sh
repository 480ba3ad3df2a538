#!/usr/bin/env bash
# Data lost when `tactus record` is killed with SIGKILL (median of N trials per setting; needs socat).
# Usage: bench/record-kill9.sh [trials per setting, default 7]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
uptime
java -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.tactus.bench.KillLossMain "$@"
uptime
