#!/usr/bin/env bash
# Cold start of `tactus info`, two builds side by side in one run (docs/BENCHMARKS.md, "Cold start, third pass"):
# the bundled runtime of the app image (target/dist, mvn -Pdist package) starts each jar the way the installed
# command does (the launcher's JVM options from lib/app/tactus.cfg, an AppCDS archive dumped from a class list
# recorded with the same runs scripts/dist.sh records), alternating with `java -version`, median of RUNS
# (default 7). Rows per jar (A, B):
#   A-info / B-info   `info SAMPLE` as the installed command runs it: wall and CPU (user + sys, all threads)
#   A-stage-* / B-stage-*
#                     io.tactus.bench.StartupStagesMain stages: per step, main-thread and process CPU (bench/startup.sh)
# so a change to the cold start is measured against the build before it under the same load, not against a
# figure from another hour. Usage: bench/startup-ab.sh A.jar B.jar [SAMPLE]
#   e.g. bench/startup-ab.sh /tmp/main-tactus.jar target/tactus.jar (the first from a build of main elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bench/startup-ab.sh A.jar B.jar [SAMPLE]" >&2; exit 2; }
sample=${3:-sample-recordings/mistakes.tactus}
runs=${RUNS:-7}
image=target/dist/tactus
[ -x "$image/lib/runtime/bin/java" ] && [ -f target/test-classes/io/tactus/bench/StartupStagesMain.class ] \
    || { echo "bench/startup-ab.sh: needs the app image and the test classes (mvn -Pdist package)" >&2; exit 2; }
java=$image/lib/runtime/bin/java
mapfile -t options < <(sed -n 's/^java-options=//p' "$image/lib/app/tactus.cfg" | grep -v SharedArchiveFile)
ab=$(pwd -P)/target/startup-ab
rm -rf "$ab"
mkdir -p "$ab"
(cd target/test-classes && jar cf "$ab/stages.jar" io/tactus/bench/StartupStagesMain*.class)
for side in A B; do
    jar=$1
    [ "$side" = B ] && jar=$2
    mkdir -p "$ab/$side"
    cp "$jar" "$ab/$side/tactus.jar"
    cp="$ab/$side/tactus.jar:$ab/stages.jar"
    : > "$ab/$side/all.classlist"
    for args in "--help" "info $sample" "info $sample --json" "analyze $sample" "analyze $sample --json"; do
        # shellcheck disable=SC2086 # the arguments are split on purpose
        "$java" -XX:DumpLoadedClassList="$ab/$side/run.classlist" -cp "$cp" io.tactus.Launcher $args > /dev/null
        cat "$ab/$side/run.classlist" >> "$ab/$side/all.classlist"
    done
    { awk '!seen[$0]++' "$ab/$side/all.classlist"; echo "io/tactus/bench/StartupStagesMain"; } > "$ab/$side/classlist"
    "$java" -Xshare:dump -XX:SharedClassListFile="$ab/$side/classlist" -XX:SharedArchiveFile="$ab/$side/tactus.jsa" \
        -cp "$cp" > "$ab/$side/dump.log" 2>&1 \
        || { echo "bench/startup-ab.sh: archive for $jar failed ($ab/$side/dump.log)" >&2; exit 2; }
done
uptime
for i in $(seq "$runs"); do
    /usr/bin/time -f "java-version %e %U %S" java -version 2>&1 | tail -1
    for side in A B; do
        run=("$java" "${options[@]}" -XX:SharedArchiveFile="$ab/$side/tactus.jsa" -cp "$ab/$side/tactus.jar:$ab/stages.jar")
        /usr/bin/time -f "$side-info %e %U %S" "${run[@]}" io.tactus.Launcher info "$sample" 2>&1 >/dev/null | tail -1
        "${run[@]}" io.tactus.bench.StartupStagesMain stages "$sample" | sed "s/^/$side-/"
    done
done | tee /dev/stderr | awk '
    !($1 in e) { order[++n] = $1 }
    { e[$1] = e[$1] " " $2; c[$1] = c[$1] " " ($3 + $4); m[$1] = m[$1] " " $3; p[$1] = p[$1] " " $4 }
    function median(list,   a, m, i, j, x) {
        m = split(list, a, " ")
        for (i = 2; i <= m; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
        return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
    }
    END {
        v = median(e["java-version"])
        for (k = 1; k <= n; k++) {
            r = order[k]
            if (r ~ /-stage-/) {
                printf "median %-18s %s wall, %.3f s main-thread cpu, %.3f s process cpu\n", r,
                    r ~ /stage-jvm/ ? "    -  " : sprintf("%.3f s", median(e[r])), median(m[r]), median(p[r])
                continue
            }
            printf "median %-18s %.3f s wall (%.1fx java -version), %.3f s cpu\n", r, median(e[r]), median(e[r]) / v,
                median(c[r])
        }
    }'
