#!/usr/bin/env bash
# Cold start of `tactus info` on a sample recording next to `java -version` (the JVM's own start), same run,
# alternating, median of RUNS (default 5); then the same with an AppCDS archive of the classes `info` loads
# (JDK 17: -XX:ArchiveClassesAtExit once, -XX:SharedArchiveFile after). See docs/BENCHMARKS.md, "Cold start".
# Usage: bench/startup.sh [SAMPLE]   (needs target/tactus.jar: mvn verify)
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${1:-sample-recordings/mistakes.tactus}
runs=${RUNS:-5}
[ -f target/tactus.jar ] || { echo "bench/startup.sh: build target/tactus.jar first (mvn verify)" >&2; exit 2; }
jsa=target/tactus-info.jsa
rm -f "$jsa"
java -XX:ArchiveClassesAtExit="$jsa" -jar target/tactus.jar info "$sample" >/dev/null 2>&1
uptime
for i in $(seq "$runs"); do
    /usr/bin/time -f "java-version %e %U %S" java -version 2>&1 | tail -1
    /usr/bin/time -f "info %e %U %S" java -jar target/tactus.jar info "$sample" 2>&1 >/dev/null | tail -1
    /usr/bin/time -f "info+appcds %e %U %S" java -XX:SharedArchiveFile="$jsa" -jar target/tactus.jar info "$sample" \
        2>&1 >/dev/null | tail -1
done | tee /dev/stderr | awk '
    { e[$1] = e[$1] " " $2; c[$1] = c[$1] " " ($3 + $4) }
    function median(list,   a, n, i, j, x) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
        v = median(e["java-version"])
        printf "median elapsed: java -version %.2f s, info %.2f s (%.1fx), info+appcds %.2f s (%.1fx)\n",
            v, median(e["info"]), median(e["info"]) / v, median(e["info+appcds"]), median(e["info+appcds"]) / v
        printf "median cpu (user+sys): java -version %.2f s, info %.2f s, info+appcds %.2f s\n",
            median(c["java-version"]), median(c["info"]), median(c["info+appcds"])
    }'
