#!/usr/bin/env bash
# Cold start of `tactus info` on a sample recording next to `java -version` (the JVM's own start), same run,
# alternating, median of RUNS (default 5). Rows:
#   java-version      system `java -version` (the reference)
#   info              java -jar target/tactus.jar info SAMPLE (what the README shows; no JVM options)
#   info+appcds       the same with a dynamic AppCDS archive of the classes `info` loads (JDK 17:
#                     -XX:ArchiveClassesAtExit once, -XX:SharedArchiveFile after): what a user can add by hand
# and, when the app image exists (mvn -Pdist package, or scripts/dist.sh after mvn package):
#   runtime-version   the bundled runtime's own `java -version` (target/dist/tactus/lib/runtime/bin/java)
#   launcher-info     target/dist/tactus/bin/tactus-cli info SAMPLE: the installed `tactus` command (/usr/bin/tactus
#                     links to it), with the archive the .deb's postinst makes (src/dist/cds-archive.sh, run here
#                     for the app image's own path)
#   jpackage-info     target/dist/tactus/bin/tactus info SAMPLE: the same through jpackage's own launcher (the desktop
#                     entry's), which queries rpm and dpkg at every start
#   image-info-stock-jit
#                     launcher-info without the launcher's JIT options (same runtime, archive, class path): what the
#                     later C2 thresholds in scripts/dist.sh save or cost
#   floor-main, floor-picocli, floor-metadata
#                     the bundled runtime with the same archive (plus the bench class) running io.tactus.bench.StartupStagesMain: `info`'s
#                     start-up up to one stage (an empty main; + the picocli model and parse; + the recording's
#                     header, index and metadata through Jackson), so the rows' differences say what each costs
#   stage-jvm, stage-picocli, stage-mapper, stage-metadata, stage-command
#                     one JVM (bundled runtime, archive, the launcher's options) doing those steps one after another,
#                     each step's wall time, main-thread CPU and whole-process CPU (JIT and GC threads included),
#                     from schedstat: what each step costs cold (StartupStagesMain's comment lists the steps)
# and always:
#   empty-main        system java, an empty main from a class directory: what any Java program pays beyond
#                     `java -version` (the application class loader, the main class) before doing anything
#   jar-main          system java, an empty main with target/tactus.jar first on the class path (the jar's share)
# See docs/BENCHMARKS.md, "Cold start".
# Usage: bench/startup.sh [SAMPLE]   (needs target/tactus.jar: mvn verify)
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${1:-sample-recordings/mistakes.tactus}
runs=${RUNS:-5}
[ -f target/tactus.jar ] && [ -f target/test-classes/io/tactus/bench/StartupStagesMain.class ] \
    || { echo "bench/startup.sh: build target/tactus.jar and the test classes first (mvn verify)" >&2; exit 2; }
stages=io.tactus.bench.StartupStagesMain
jsa=target/tactus-info.jsa
rm -f "$jsa"
java -XX:ArchiveClassesAtExit="$jsa" -jar target/tactus.jar info "$sample" >/dev/null 2>&1
image=target/dist/tactus
if [ -x "$image/bin/tactus" ]; then
    # The image must hold this jar (rebuild it with scripts/dist.sh after mvn package), else the row is not this code.
    cmp -s target/tactus.jar "$image/lib/app/tactus.jar" \
        || { echo "bench/startup.sh: $image is older than target/tactus.jar: run scripts/dist.sh 0.1.0" >&2; exit 2; }
    "$image/lib/app/cds-archive.sh"
    # The archive names the jar by its real absolute path; a longer class path after it still matches.
    app=$(cd "$image/lib/app" && pwd -P)
    # The floor and stage rows run StartupStagesMain from a small jar after tactus.jar, with an archive of the
    # launcher's classes plus it (JDK 17 archives no class from a directory). Loaded from a directory instead, the
    # lookup of StartupStagesMain would open and index the 46 MB jar, which the launcher itself never does.
    (cd target/test-classes && jar cf ../startup-stages.jar io/tactus/bench/StartupStagesMain*.class)
    stagescp="$app/tactus.jar:$(pwd -P)/target/startup-stages.jar"
    { cat "$app/tactus.classlist"; echo "io/tactus/bench/StartupStagesMain"; } > target/startup-stages.classlist
    rm -f target/startup-stages.jsa
    "$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile=target/startup-stages.classlist \
        -XX:SharedArchiveFile=target/startup-stages.jsa -cp "$stagescp" > target/startup-stages.log 2>&1 \
        || { echo "bench/startup.sh: the stage rows' archive failed (target/startup-stages.log)" >&2; exit 2; }
    floor=("$image/lib/runtime/bin/java" -XX:SharedArchiveFile=target/startup-stages.jsa -cp "$stagescp" "$stages")
    # The launcher's own JVM options (lib/app/tactus.cfg) for the stage rows, but their archive.
    mapfile -t launcher < <(sed -n 's/^java-options=//p' "$app/tactus.cfg" | grep -v SharedArchiveFile)
    stock=("$image/lib/runtime/bin/java" -XX:SharedArchiveFile="$app/tactus.jsa" -cp "$app/tactus.jar" io.tactus.Launcher)
else
    echo "bench/startup.sh: no app image in $image (mvn -Pdist package): launcher rows left out" >&2
    image=
fi
uptime
for i in $(seq "$runs"); do
    /usr/bin/time -f "java-version %e %U %S" java -version 2>&1 | tail -1
    /usr/bin/time -f "info %e %U %S" java -jar target/tactus.jar info "$sample" 2>&1 >/dev/null | tail -1
    /usr/bin/time -f "info+appcds %e %U %S" java -XX:SharedArchiveFile="$jsa" -jar target/tactus.jar info "$sample" \
        2>&1 >/dev/null | tail -1
    /usr/bin/time -f "empty-main %e %U %S" java -cp target/test-classes "$stages" main "$sample" 2>&1 | tail -1
    /usr/bin/time -f "jar-main %e %U %S" java -cp target/tactus.jar:target/test-classes "$stages" main "$sample" \
        2>&1 | tail -1
    if [ -n "$image" ]; then
        /usr/bin/time -f "runtime-version %e %U %S" "$image/lib/runtime/bin/java" -version 2>&1 | tail -1
        /usr/bin/time -f "launcher-info %e %U %S" "$image/bin/tactus-cli" info "$sample" 2>&1 >/dev/null | tail -1
        /usr/bin/time -f "jpackage-info %e %U %S" "$image/bin/tactus" info "$sample" 2>&1 >/dev/null | tail -1
        /usr/bin/time -f "image-info-stock-jit %e %U %S" "${stock[@]}" info "$sample" 2>&1 >/dev/null | tail -1
        for stage in main picocli metadata; do
            /usr/bin/time -f "floor-$stage %e %U %S" "${floor[@]}" "$stage" "$sample" 2>&1 | tail -1
        done
        "${floor[0]}" "${launcher[@]}" "${floor[@]:1}" stages "$sample"
    fi
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
            if (r ~ /^stage-/) { # columns: wall (- for stage-jvm), main-thread CPU, process CPU
                printf "median %-16s %s wall, %.3f s main-thread cpu, %.3f s process cpu\n", r,
                    r == "stage-jvm" ? "    -  " : sprintf("%.3f s", median(e[r])), median(m[r]), median(p[r])
                continue
            }
            line = sprintf("median %-16s %.2f s wall (%.1fx java -version), %.2f s cpu", r, median(e[r]),
                median(e[r]) / v, median(c[r]))
            if (r == "launcher-info" || r == "jpackage-info" || r ~ /^(floor-|image-)/)
                line = line sprintf("; %.1fx the bundled runtime'"'"'s java -version",
                    median(e[r]) / median(e["runtime-version"]))
            print line
        }
    }'
