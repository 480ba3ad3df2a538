#!/usr/bin/env bash
# Every issue 9-11 benchmark, one after another, on a fresh clone of this repository's HEAD: how the "quiet" rows of
# docs/BENCHMARKS.md were measured (2026-11-30 09:01-09:13 UTC). Run it on an otherwise idle machine.
#   bench/all.sh HOUR_FILE [OUT_DIR]     HOUR_FILE: a one-hour 32x32 100 Hz recording (bench/session.sh hour FILE)
# Each benchmark's output goes to OUT_DIR/NAME.txt (default target/bench-all); this prints the time and load
# around each one. Takes ~37 minutes on 2 cores (the .deb build, for the installed launcher's rows, and ~17 minutes
# of JMH included).
set -uo pipefail
hour=${1:?usage: bench/all.sh HOUR_FILE [OUT_DIR]}
hour=$(realpath "$hour")
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${2:-$repo/target/bench-all}")
clone=$(mktemp -d)/tactus
git clone -q "$repo" "$clone" && cd "$clone" || exit 1
mkdir -p "$out"
git log --oneline -1 | tee "$out/commit.txt"
mvn -o -q -B -Pdist package -DskipTests > "$out/build.txt" 2>&1 || { echo "bench/all.sh: build failed, see $out/build.txt" >&2; exit 1; }
step() {
    local name=$1; shift
    echo "== $name $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
    "$@" > "$out/$name.txt" 2>&1
    echo "   rc=$? $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
}
step signal-cpu-1 bench/signal-cpu.sh
step signal-cpu-2 bench/signal-cpu.sh
step signal-cpu-3 bench/signal-cpu.sh
step tracking-cost-1 bench/tracking-cost.sh
step tracking-cost-2 bench/tracking-cost.sh
step tracking-cost-3 bench/tracking-cost.sh
step analyze env RUNS=3 bench/session.sh analyze "$hour"
step seek-1 bench/session.sh seek "$hour"
step seek-2 bench/session.sh seek "$hour"
step seek-3 bench/session.sh seek "$hour"
step startup bench/startup.sh
step export bench/export.sh "$hour" csv,mat,hdf5,asf 3
step cohort bench/cohort.sh 200 600 3 10
step alert-latency-1 bench/alert-latency.sh 60 32 4
step alert-latency-2 bench/alert-latency.sh 60 32 4
step alert-latency-3 bench/alert-latency.sh 60 32 4
# JMH last (each benchmark in its own JVM): the pipeline's absolute speed (issue 9), then tracking's cost on the
# two-hand routine (the budget's scene, 5 forks: the forks spread by up to 10 %) and on the dome stress scene (issue 11)
step jmh-signal bench/run.sh 'SignalBench.(process|fusedLoop)$' -p scene=hands -p tracking=false -f 3 -prof gc
step jmh-tracking-routine bench/run.sh 'SignalBench.process$' -p scene=routine -p tracking=true,false -f 5 -prof gc
step jmh-tracking-hands bench/run.sh 'SignalBench.process$' -p scene=hands -p tracking=true,false -f 3 -prof gc
echo "all done $(date -u +%T); outputs in $out"
