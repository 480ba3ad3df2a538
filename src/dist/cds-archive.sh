#!/bin/sh
# Makes lib/app/tactus.jsa, the class-data-sharing (AppCDS) archive the launcher maps at every start
# (lib/app/tactus.cfg: -XX:SharedArchiveFile=$APPDIR/tactus.jsa): the JDK and application classes that the common
# commands load (lib/app/tactus.classlist, recorded by scripts/dist.sh at build time), parsed and verified once here
# instead of at every start. JDK 17 records the jar's absolute path in the archive and maps it only when the running
# class path is exactly that path, so the archive is made where the app image lives: by the .deb's postinst in
# /opt/tactus, by bench/startup.sh in target/dist/tactus. Without it, or when it no longer matches the jar, the JVM
# starts without class sharing, silently (-Xshare:auto, the default), never with an error.
# Usage: APPIMAGE/lib/app/cds-archive.sh   (writes next to itself; a few seconds)
set -e
app=$(cd "$(dirname "$0")" && pwd -P)
java="$app/../runtime/bin/java"
tmp="$app/tactus.jsa.tmp"
# Written under another name and renamed: a half-written archive must never sit where the launcher looks.
rm -f "$tmp"
if ! log=$("$java" -Xshare:dump -XX:SharedClassListFile="$app/tactus.classlist" -XX:SharedArchiveFile="$tmp" \
        -cp "$app/tactus.jar" 2>&1); then
    rm -f "$tmp"
    echo "cds-archive: $java -Xshare:dump failed; tactus starts without the archive:" >&2
    printf '%s\n' "$log" | tail -5 >&2
    exit 1
fi
mv -f "$tmp" "$app/tactus.jsa"
