#!/usr/bin/env bash
# Builds the installable Linux packages from target/tactus.jar: a jlink-trimmed Java runtime, a jpackage app
# image (target/dist/tactus/) and a .deb (target/dist/tactus_VERSION_amd64.deb) with a desktop entry, an icon and
# the `tactus` command on the PATH (/usr/bin/tactus -> /opt/tactus/bin/tactus-cli). Run by `mvn -Pdist package`
# (which builds the jar first), or by hand after `mvn package`: scripts/dist.sh 0.1.0
# Needs a full JDK 17+ (jlink, jpackage and its jmods) and, for the .deb, dpkg-deb and fakeroot
# (sudo apt-get install fakeroot). Windows and macOS: see docs/INSTALL.md (same jpackage, other --type).
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: scripts/dist.sh VERSION (numbers only, e.g. 0.1.0)}
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
for tool in jlink jpackage; do
  [ -x "$jdk/bin/$tool" ] || { echo "dist: $jdk/bin/$tool not found: a full JDK 17+ is needed (set JAVA_HOME)" >&2; exit 1; }
done
[ -d "$jdk/jmods" ] || { echo "dist: $jdk/jmods not found: jlink needs the JDK's jmods (Debian: openjdk-17-jdk)" >&2; exit 1; }
[ -f target/tactus.jar ] || { echo "dist: target/tactus.jar not found: run mvn package first" >&2; exit 1; }
for tool in dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "dist: $tool not found (sudo apt-get install $tool)" >&2; exit 1; }
done

out=target/dist
rm -rf "$out"
mkdir -p "$out/input"
cp target/tactus.jar "$out/input/"

# The JDK modules the app and its libraries use. `jdeps --ignore-missing-deps --print-module-deps` on the shaded
# jar prints java.base,java.management,java.sql,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop; java.desktop,
# java.logging and java.xml come in with those (listed for clarity). jlink on the app itself is not possible:
# commons-math3 and other jars have no module descriptor (see stack-notes). scripts/dist-smoke.sh runs the app
# and the headless commands from the installed package, so a missing module fails CI.
modules=java.base,java.desktop,java.logging,java.management,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop
# --generate-cds-archive: the runtime's own class-data-sharing archive of JDK classes (lib/server/classes.jsa, what
# a JDK ships and jlink leaves out by default); without it every start parses and verifies java.base afresh.
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" --generate-cds-archive \
  --strip-debug --no-header-files --no-man-pages --output "$out/runtime"

# Cold start of the installed command (docs/BENCHMARKS.md, "Cold start"): the classes that `--help`, `info` and
# `analyze` load, recorded here with the bundled runtime, become an AppCDS archive at install time
# (src/dist/cds-archive.sh, run by the .deb's postinst; JDK 17 ties an archive to the jar's absolute path, so it
# cannot be made here). The launcher maps it with -XX:SharedArchiveFile; a missing or stale archive is ignored.
sample=sample-recordings/mistakes.tactus
: > "$out/classes.txt"
for args in "--help" "info $sample" "info $sample --json" "analyze $sample" "analyze $sample --json"; do
  # shellcheck disable=SC2086 # the arguments are split on purpose
  "$out/runtime/bin/java" -XX:DumpLoadedClassList="$out/run.classlist" -cp target/tactus.jar io.tactus.Launcher \
    $args > /dev/null
  cat "$out/run.classlist" >> "$out/classes.txt"
done
awk '!seen[$0]++' "$out/classes.txt" > "$out/input/tactus.classlist"
rm -f "$out/classes.txt" "$out/run.classlist"
cp src/dist/cds-archive.sh "$out/input/"

# C2 (the optimising compiler) later than the JVM's default: at 10x the default tier-4 thresholds a one-second
# command no longer spends a second core on C2 compiles it ends before using, while anything that runs longer
# (analyze or export of an hour, the app's 100 Hz pipeline) still reaches C2 within its first seconds. Measured in
# docs/BENCHMARKS.md, "Cold start" (bench/startup.sh rows launcher-info against image-info-stock-jit); rejected
# there: C1 only (-XX:TieredStopAtLevel=1), which makes an hour's analyze 1.6x slower.
jit=(--java-options -XX:Tier4InvocationThreshold=50000 --java-options -XX:Tier4MinInvocationThreshold=6000
  --java-options -XX:Tier4CompileThreshold=150000 --java-options -XX:Tier4BackEdgeThreshold=400000)
about="Live pressure feedback for learning back massage (training aid, not a medical device)"
"$jdk/bin/jpackage" --type app-image --dest "$out" \
  --name tactus --app-version "$version" --vendor "Tactus project" --description "$about" \
  --input "$out/input" --main-jar tactus.jar --main-class io.tactus.Launcher \
  --java-options '-XX:SharedArchiveFile=$APPDIR/tactus.jsa' "${jit[@]}" \
  --runtime-image "$out/runtime" --icon src/dist/tactus.png
# The command on the PATH: the same runtime, class path and options from the launcher's lib/app/tactus.cfg, without
# the jpackage launcher's package-manager queries at every start (src/dist/tactus-cli.sh).
install -m 755 src/dist/tactus-cli.sh "$out/tactus/bin/tactus-cli"

# src/dist/linux: the desktop entry (display name Tactus) and the maintainer scripts that add and remove
# /usr/bin/tactus next to jpackage's own desktop-menu commands. GTK 3 is a dependency: the app cannot start
# without it (JavaFX's glass loads libgtk-3 at run time, so jpackage cannot find it in the binaries).
"$jdk/bin/jpackage" --type deb --dest "$out" \
  --name tactus --app-version "$version" --vendor "Tactus project" --description "$about" \
  --app-image "$out/tactus" --resource-dir src/dist/linux \
  --linux-shortcut --linux-menu-group "Education;Science;" --linux-app-category science \
  --linux-package-deps libgtk-3-0 --icon src/dist/tactus.png

rm -rf "$out/input"
deb=$(ls "$out"/tactus_*.deb)
echo "dist: $out/tactus (app image, $(du -sh "$out/tactus" | cut -f1)), $deb ($(du -h "$deb" | cut -f1))"
