#!/usr/bin/env bash
# Export benchmarks (docs/benchmarks/export.md).
#
#   bench/export.sh FILE [FORMATS] [RUNS]     e.g. bench/export.sh /work/benchdata/hour.tactus csv,mat,hdf5,asf 3
#       `tactus export FILE --format F` (target/tactus.jar, default JVM settings) for every format, next to
#       `tactus analyze FILE` in the same run: per run analyze first, then each format, each in a fresh JVM under
#       /usr/bin/time (wall time, peak RSS of the whole process). Outputs go to target/bench-export/ and are
#       deleted after each export. Prints every run (format, wall s, peak RSS KiB, user s, sys s), then per format
#       the median wall time and its ratio to the median analyze time, the same for CPU time (user + sys; on a
#       loaded machine wall time says little: an export uses two threads, analyze one), and the peak RSS (max of
#       runs). A one-hour file: bench/session.sh hour FILE [SECONDS].
#
#   bench/export.sh heap [SECONDS] [FORMATS] [OUTDIR] [recording]
#       in-process throughput and peak heap in a JVM limited to 256 MB (io.tactus.bench.ExportBenchMain), on
#       synthetic frames or a recording it writes first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = heap ]; then
    shift
    mvn -q -B -o test-compile >/dev/null  # also writes target/bench-cp.txt (pom.xml: bench-classpath)
    exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" \
        io.tactus.bench.ExportBenchMain "$@"
fi
file=${1:?usage: bench/export.sh FILE [FORMATS] [RUNS] | bench/export.sh heap [SECONDS] [FORMATS] [OUTDIR] [recording]}
formats=${2:-csv,mat,hdf5,asf}
runs=${3:-3}
[ -f "$file" ] || { echo "bench/export.sh: no such file: $file" >&2; exit 2; }
[ -f target/tactus.jar ] || { echo "bench/export.sh: build target/tactus.jar first (mvn -o package -DskipTests)" >&2; exit 2; }
out=target/bench-export
mkdir -p "$out"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc); $(du -h "$file" | cut -f1) $file"
for i in $(seq "$runs"); do
    # %e elapsed s, %M peak RSS KiB, %U + %S CPU s (a loaded machine stretches wall time, not CPU time)
    /usr/bin/time -f "analyze %e %M %U %S" java -jar target/tactus.jar analyze "$file" 2>&1 >/dev/null | tail -1
    for f in ${formats//,/ }; do
        rm -rf "${out:?}"/*
        /usr/bin/time -f "$f %e %M %U %S" java -jar target/tactus.jar export "$file" --format "$f" --out "$out" \
            --name bench --force --quiet 2>&1 >/dev/null | tail -1
    done
    rm -rf "${out:?}"/*
done | awk -v formats="$formats" '
    { print; fflush(); t[$1] = t[$1] " " $2; c[$1] = c[$1] " " ($4 + $5); m[$1] = ($3 > m[$1] ? $3 : m[$1]) }
    function median(list,   a, n, i, j, x) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
        a = median(t["analyze"]); ac = median(c["analyze"])
        printf "median: analyze %.2f s (CPU %.2f s), peak RSS %.0f MB\n", a, ac, m["analyze"] / 1024
        n = split(formats, f, ",")
        for (i = 1; i <= n; i++) {
            e = median(t[f[i]]); ec = median(c[f[i]])
            printf "median: %-4s %.2f s = %.2fx analyze (CPU %.2f s = %.2fx), peak RSS %.0f MB (max of runs)\n", \
                f[i], e, e / a, ec, ec / ac, m[f[i]] / 1024
        }
    }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
