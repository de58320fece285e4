#!/usr/bin/env bash
# Runs a main class from a module's test classes (benchmarks, evaluations) on a JDK 21+:
#   scripts/run-main.sh MODULE CLASS [ARGS...]
# e.g. scripts/run-main.sh sink org.newsflow.sink.bench.SinkBenchmark 20000 3
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$1"; main="$2"; shift 2
JAVA_HOME="$("$ROOT/scripts/java-home.sh")"
export JAVA_HOME
cd "$ROOT"
./mvnw -q -B -pl "$module" -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")"
exec "$JAVA_HOME/bin/java" -Dsun.net.httpserver.nodelay=true --enable-native-access=ALL-UNNAMED \
  ${BENCH_JAVA_OPTS:--Xmx4g} -Dlog4j2.configurationFile=log4j2-test.xml -cp "$cp" "$main" "$@"
