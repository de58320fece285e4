#!/usr/bin/env bash
# Fuzzes one Jazzer target for a while (the annotation's maxDuration, 10 minutes, unless -Djazzer.max_duration is
# given through FUZZ_ARGS): scripts/fuzz.sh MODULE TEST_CLASS
# Findings are written as new corpus entries under MODULE/src/test/resources/.../<TEST_CLASS>Inputs/, the generated
# corpus under MODULE/.cifuzz-corpus/ (not committed). See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
module=$1
target=$2
JAVA_HOME=$(scripts/java-home.sh)
export JAVA_HOME
# the libraries that read the input are instrumented too, so coverage guides the fuzzer through them
includes='org.newsflow.**:com.rometools.**:org.jdom2.**:org.jsoup.**:com.fasterxml.jackson.**'
JAZZER_FUZZ=1 exec nice -n 10 ./mvnw -o -B -pl "$module" -am test -Dtest="$target" \
  -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dtest.jvm.args=-Xmx2g -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED -Djazzer.instrumentation_includes=$includes -Djazzer.hooks=true" \
  ${FUZZ_ARGS:-}
