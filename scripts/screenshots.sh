#!/usr/bin/env bash
# Renders the live and replay views into docs/img/live.png and docs/img/replay.png under a virtual X server,
# at 1366x768 and 1920x1080.
# Live: the built-in simulator (scenario "mistakes"); replay: a sample recording from sample-recordings/
# (or one made from the simulator when none is there). Needs xvfb and libgtk-3-0 (apt-get install -y xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/img}
mkdir -p "$out" target
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/screenshots.classpath >/dev/null
cp="target/test-classes:target/classes:$(cat target/screenshots.classpath)"
rec=""
for f in sample-recordings/*mistakes*.tactus sample-recordings/*spine*.tactus sample-recordings/*.tactus; do
  if [ -f "$f" ]; then rec="$f"; break; fi
done
if [ -z "$rec" ]; then
  rec=target/screenshot-recording.tactus
  java -cp "$cp" io.tactus.app.MakeRecordingMain "$rec" mistakes 60
fi
# The smallest supported screen (docs/img/live.png, the README's picture, and the dialogs), then a large one
# (files suffixed -1920x1080).
for size in "1366 768" "1920 1080"; do
  set -- $size
  xvfb-run -a -s "-screen 0 ${1}x${2}x24" java -Djavafx.cachedir=target/javafx-cache -Dprism.order=sw \
    -cp "$cp" io.tactus.app.ScreenshotMain "$out" "$rec" mistakes "${LIVE_SECONDS:-25}" "$1" "$2"
done
