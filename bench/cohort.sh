#!/usr/bin/env bash
# Library and cohort benchmark (docs/BENCHMARKS.md, "Library and cohort"):
#   bench/cohort.sh [N] [SECONDS] [RUNS] [DISTINCT]   default: 200 sessions of 600 s, 3 runs, 10 distinct
# Generates N simulated sessions once (target/bench-cohort/, reused; DISTINCT of them simulated, the rest byte
# copies: the indexer analyses every file, so a copy costs what a new session costs), then per run, each in a
# fresh JVM under
# /usr/bin/time (wall time and peak RSS of the whole process: heap + DuckDB's native memory):
#   reference: sha256sum of every file (reading all bytes once)
#   library:   tactus library add DIR --db (new file)      # index: analyse all, write the database
#   cohort:    tactus cohort DIR --out cohort.parquet      # index in memory + one Parquet file
# Prints each run and the medians, with the machine load before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
SECONDS_EACH=${2:-600}
RUNS=${3:-3}
DISTINCT=${4:-10}
WORK=target/bench-cohort
DATA=$WORK/sessions-${N}x${SECONDS_EACH}-${DISTINCT:-10}
mkdir -p "$WORK"
mvn -q -B -o package -DskipTests >/dev/null
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.tactus.bench.CohortBenchMain \
  generate "$DATA" "$N" "$SECONDS_EACH" "$DISTINCT"
JAVA=(java -Xmx256m -jar target/tactus.jar)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
echo "data: $(du -sh "$DATA" | cut -f1) in $(ls "$DATA" | wc -l) files"
declare -a ref lib coh librss cohrss
for i in $(seq 1 "$RUNS"); do
  rm -f "$WORK/lib.duckdb" "$WORK/lib.duckdb.wal" "$WORK/cohort.parquet"
  r=$( { /usr/bin/time -f "%e %M" sha256sum "$DATA"/*.tactus >/dev/null; } 2>&1 | tail -1)
  l=$( { /usr/bin/time -f "%e %M" "${JAVA[@]}" library add "$DATA" --db "$WORK/lib.duckdb" --quiet >/dev/null; } 2>&1 | tail -1)
  c=$( { /usr/bin/time -f "%e %M" "${JAVA[@]}" cohort "$DATA" --out "$WORK/cohort.parquet" --quiet >/dev/null; } 2>&1 | tail -1)
  ref+=("${r% *}"); lib+=("${l% *}"); coh+=("${c% *}"); librss+=("${l#* }"); cohrss+=("${c#* }")
  echo "run $i: sha256sum ${r% *} s | library add ${l% *} s, peak RSS $(( ${l#* } / 1024 )) MB | cohort ${c% *} s, peak RSS $(( ${c#* } / 1024 )) MB"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: sha256sum $(median "${ref[@]}") s | library add $(median "${lib[@]}") s, peak RSS $(( $(median "${librss[@]}") / 1024 )) MB | cohort $(median "${coh[@]}") s, peak RSS $(( $(median "${cohrss[@]}") / 1024 )) MB"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
