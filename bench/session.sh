#!/usr/bin/env bash
# Session benchmarks (io.tactus.bench.SessionBenchMain): see docs/benchmarks/session.md.
#   bench/session.sh record 600            # 32x32 at 1,000 Hz through LiveSession's recorder for 10 minutes
#   bench/session.sh hour /tmp/hour.tactus # writes a one-hour 32x32 100 Hz recording
#   bench/session.sh seek /tmp/hour.tactus # seek latencies in it
#   bench/session.sh analyze /tmp/hour.tactus  # `tactus analyze` (target/tactus.jar, default JVM settings) next to
#                                              # sha256sum of the same file, 3 alternating runs, medians, peak RSS
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = analyze ]; then
    file=${2:?usage: bench/session.sh analyze FILE}
    [ -f target/tactus.jar ] || { echo "bench/session.sh: build target/tactus.jar first (mvn verify)" >&2; exit 2; }
    runs=${RUNS:-3}
    uptime
    for i in $(seq "$runs"); do
        # %e elapsed s, %M peak RSS KiB; the reference runs right before each analyze on the same file
        /usr/bin/time -f "sha256 %e %M" sha256sum "$file" 2>&1 >/dev/null | tail -1
        /usr/bin/time -f "analyze %e %M" java -jar target/tactus.jar analyze "$file" 2>&1 >/dev/null | tail -1
    done | awk '
        { print; fflush(); t[$1] = t[$1] " " $2; m[$1] = ($3 > m[$1] ? $3 : m[$1]) }
        function median(list,   a, n, i, j, x) {
            n = split(list, a, " ")
            for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        END {
            s = median(t["sha256"]); a = median(t["analyze"])
            printf "median: sha256sum %.2f s, analyze %.2f s, ratio %.2fx; analyze peak RSS %.0f MB (max of runs)\n",
                s, a, a / s, m["analyze"] / 1024
        }'
    exit 0
fi
mvn -q -B -o test-compile >/dev/null  # also writes target/bench-cp.txt (pom.xml: bench-classpath)
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.tactus.bench.SessionBenchMain "$@"
