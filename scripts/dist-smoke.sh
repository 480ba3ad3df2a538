#!/usr/bin/env bash
# Installs the .deb that scripts/dist.sh built, checks it as a user would meet it, and removes it again:
# `tactus --help`, `tactus analyze` and `info` on a sample recording (and the class-sharing archive in use), the
# desktop app's window under Xvfb (xdotool finds it),
# the desktop entry, then uninstall (/usr/bin/tactus and /opt/tactus gone). Prints the package size and start
# times (docs/INSTALL.md). Root (it installs a package); needs xvfb xauth xdotool (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/dist/tactus_*_amd64.deb)
fail() { echo "dist-smoke: FAILED: $*" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive

apt-get install -y -qq "./$deb" >/dev/null
trap 'apt-get remove -y -qq tactus >/dev/null 2>&1 || true' EXIT
[ "$(readlink -f "$(command -v tactus)")" = /opt/tactus/bin/tactus-cli ] || fail "tactus is not on the PATH"
# The jpackage launcher (the desktop entry's) runs the same jar.
/opt/tactus/bin/tactus --version | grep -q "^tactus " || fail "/opt/tactus/bin/tactus --version failed"
[ -f /usr/share/applications/tactus-tactus.desktop ] \
  || fail "no desktop entry installed"

t0=$(date +%s%N)
tactus --help > target/dist/help.txt
t1=$(date +%s%N)
grep -q "analyze" target/dist/help.txt || fail "tactus --help does not list analyze"
sample=sample-recordings/mistakes.tactus
tactus analyze "$sample" > target/dist/analyze.txt || fail "tactus analyze $sample exited $?"
grep -q "Spine contact" target/dist/analyze.txt || fail "analyze of $sample found no spine contact"
tactus info "$sample" --json > /dev/null || fail "tactus info failed"

# The class-sharing archive postinst made (src/dist/cds-archive.sh): present, and mapped by the installed launcher.
# -Xshare:on turns "cannot use it" (wrong jar path, stale jar, bad file) into an error instead of a silent slow
# start; the class log shows the command's own classes come from the archive, not from the jar.
grep -q 'SharedArchiveFile=$APPDIR/tactus.jsa' /opt/tactus/lib/app/tactus.cfg || fail "launcher lacks -XX:SharedArchiveFile"
[ -s /opt/tactus/lib/app/tactus.jsa ] || fail "postinst made no /opt/tactus/lib/app/tactus.jsa"
rm -f target/dist/classes.log
JAVA_TOOL_OPTIONS="-Xshare:on -Xlog:class+load:file=target/dist/classes.log" tactus info "$sample" > target/dist/info.txt \
  2> target/dist/info.err || { cat target/dist/info.err >&2; fail "tactus info with -Xshare:on: the archive is unusable"; }
cmp -s target/dist/info.txt <(java -jar target/tactus.jar info "$sample") \
  || fail "tactus info with the archive prints something else than java -jar target/tactus.jar info"
grep -q "io.tactus.cli.InfoCommand source: shared objects file" target/dist/classes.log \
  || fail "tactus info did not load its classes from the archive"
# Every class info loads comes from the archive or is generated at run time: one read from the jar means the jar is
# opened and indexed at every start (docs/BENCHMARKS.md, "Cold start").
! grep "source: file:\|source: jar:" target/dist/classes.log \
  || fail "tactus info loaded the classes above from the jar, not from the archive"

rm -f target/dist/window.txt
# The desktop app, started from the installed launcher as the desktop entry does (no arguments).
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  start=$(date +%s%N)
  tactus > target/dist/app.log 2>&1 &
  app=$!
  for i in $(seq 1 240); do
    if xdotool search --name "Tactus" >/dev/null 2>&1; then
      ms=$(( ($(date +%s%N) - start) / 1000000 ))
      sleep 5 # still running a few seconds later: the window is the app, not a crash on the way out
      kill -0 $app 2>/dev/null && echo "window_ms $ms" > target/dist/window.txt
      break
    fi
    kill -0 $app 2>/dev/null || break
    sleep 0.25
  done
  cp target/dist/app.log target/dist/app-running.log 2>/dev/null || true
  kill $app 2>/dev/null || true
  wait $app 2>/dev/null || true
'
[ -s target/dist/window.txt ] || { cat target/dist/app.log >&2; fail "no Tactus window within 60 s, or it closed"; }
# Only what the app logged while it ran: JavaFX's own shutdown hook can race a pulse when SIGTERM ends it
# (RejectedExecutionException from QuantumRenderer), which is JavaFX's, not a fault of the running app.
! grep -q "Exception" target/dist/app-running.log || { cat target/dist/app.log >&2; fail "the app logged an exception"; }

apt-get remove -y -qq tactus >/dev/null
trap - EXIT
[ ! -e /usr/bin/tactus ] || fail "/usr/bin/tactus left behind after removal"
[ ! -e /usr/share/applications/tactus-tactus.desktop ] || fail "desktop entry left behind after removal"
[ ! -e /opt/tactus ] || fail "/opt/tactus left behind after removal (ls -R: $(ls -R /opt/tactus | head -5))"

echo "dist-smoke: ok: $(du -h "$deb" | cut -f1) package ($(dpkg-deb -f "$deb" Installed-Size) KiB installed)," \
  "tactus --help $(( (t1 - t0) / 1000000 )) ms, app $(cut -d' ' -f2 target/dist/window.txt) ms to its window"
