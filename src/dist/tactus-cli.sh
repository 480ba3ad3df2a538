#!/bin/bash
# bin/tactus-cli, the `tactus` command on the PATH (/usr/bin/tactus links here): starts the bundled Java runtime
# with exactly what the jpackage launcher would use (class path, main class, JVM options: lib/app/tactus.cfg,
# written by jpackage from scripts/dist.sh). The jpackage launcher bin/tactus (the desktop entry's) asks rpm and
# dpkg at every start which package owns it (JDK 17's Linux launcher: `dpkg -S` reads the whole package database,
# then `dpkg -L`), which took longer than the JVM's own start; see docs/BENCHMARKS.md, "Cold start".
# No arguments starts the desktop app, as bin/tactus does.
set -e
self=$(readlink -f "${BASH_SOURCE[0]}")
root=${self%/bin/*}
APPDIR=$root/lib/app
options=()
classpath=
while IFS= read -r line || [ -n "$line" ]; do
    line=${line//\$APPDIR/$APPDIR}
    case $line in
        java-options=*) options+=("${line#java-options=}") ;;
        app.classpath=*) classpath=${classpath:+$classpath:}${line#app.classpath=} ;;
        app.mainclass=*) main=${line#app.mainclass=} ;;
    esac
done < "$APPDIR/tactus.cfg"
exec "$root/lib/runtime/bin/java" "${options[@]}" -Djpackage.app-path="$self" -cp "$classpath" "$main" "$@"
