#!/usr/bin/env bash
# Regenerates the sample recordings from the simulator (deterministic content; the start time is "now").
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/samples-cp.txt -Dmdep.includeScope=test >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/samples-cp.txt)" io.tactus.session.SampleRecordingsMain sample-recordings
