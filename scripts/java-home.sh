#!/usr/bin/env bash
# Prints a JAVA_HOME whose java is version 21 or newer: $JAVA_HOME if it qualifies, else the java on PATH,
# else the newest JDK under /usr/lib/jvm or /opt. Exits 1 with a message when there is none.
set -euo pipefail

major() { # java executable -> major version
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n1
}
ok() { local m; m=$(major "$1" 2>/dev/null || true); [ -n "$m" ] && [ "$m" -ge 21 ]; }

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && ok "$JAVA_HOME/bin/java"; then
  echo "$JAVA_HOME"; exit 0
fi
if command -v java >/dev/null 2>&1 && ok "$(command -v java)"; then
  j=$(readlink -f "$(command -v java)"); echo "${j%/bin/java}"; exit 0
fi
best=""; best_major=0
for home in /usr/lib/jvm/* /opt/*jdk* /opt/java/*; do
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
  m=$(major "$home/bin/java" 2>/dev/null || echo 0)
  if [ -n "$m" ] && [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best="$home"; best_major=$m; fi
done
if [ -n "$best" ]; then echo "$best"; exit 0; fi
echo "newsflow needs a JDK 21 or newer; none found (set JAVA_HOME to one)." >&2
exit 1
