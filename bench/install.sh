#!/usr/bin/env bash
# Size and start time of the installed package (docs/INSTALL.md): installs target/dist/tactus_*.deb (build it with
# `mvn -Pdist package`), times each start 3 times (median), next to references measured in the same run
# (`java -version` and `java -jar target/tactus.jar --help` on the build JDK), then removes the package.
# Root; needs xvfb xauth xdotool for the window time.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/dist/tactus_*_amd64.deb)
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "./$deb" >/dev/null
trap 'apt-get remove -y -qq tactus >/dev/null 2>&1 || true' EXIT

ms() { local t0; t0=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - t0) / 1000000 )); }
median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
row() { local name=$1; shift; local a b c; a=$(ms "$@"); b=$(ms "$@"); c=$(ms "$@"); echo "| $name | $(median3 "$a" "$b" "$c") | $a, $b, $c |"; }
window_ms() {
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    start=$(date +%s%N); tactus >/dev/null 2>&1 & app=$!
    for i in $(seq 1 600); do
      if xdotool search --name Tactus >/dev/null 2>&1; then echo $(( ($(date +%s%N) - start) / 1000000 )); break; fi
      sleep 0.1
    done
    kill $app; wait $app 2>/dev/null || true'
}

echo "load before: $(uptime | sed 's/.*load average: //')"
echo "| what | median ms | runs |"
echo "|---|---|---|"
row "java -version (reference, build JDK)" java -version
row "/opt/tactus/lib/runtime/bin/java -version (reference, bundled runtime)" /opt/tactus/lib/runtime/bin/java -version
row "java -jar target/tactus.jar --help (reference)" java -jar target/tactus.jar --help
row "tactus --help (installed)" tactus --help
row "tactus info sample-recordings/mistakes.tactus" tactus info sample-recordings/mistakes.tactus
row "/opt/tactus/bin/tactus info (jpackage's launcher, as the desktop entry)" \
  /opt/tactus/bin/tactus info sample-recordings/mistakes.tactus
row "tactus analyze sample-recordings/mistakes.tactus" tactus analyze sample-recordings/mistakes.tactus
a=$(window_ms); b=$(window_ms); c=$(window_ms)
echo "| tactus (app) until its window exists (Xvfb) | $(median3 "$a" "$b" "$c") | $a, $b, $c |"
echo "load after: $(uptime | sed 's/.*load average: //')"
echo "package $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes), installed $(du -sh /opt/tactus | cut -f1)" \
  "(runtime $(du -sh /opt/tactus/lib/runtime | cut -f1), jar $(du -h /opt/tactus/lib/app/tactus.jar | cut -f1)," \
  "class-sharing archive made at install $(du -h /opt/tactus/lib/app/tactus.jsa | cut -f1))"
