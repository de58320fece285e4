#!/usr/bin/env bash
# The one build path of the runnable application (app/target/newsflow.jar with its lib/ folder), used by the
# launcher, the Dockerfile and CI alike. It builds every module the app needs in one reactor run, so it works on a
# clean clone whose local Maven repository holds no org.newsflow artifacts. Tests are not compiled or run here;
# `./mvnw -B verify` does that. Extra arguments go to Maven (the Dockerfile passes -q).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="$("$ROOT/scripts/java-home.sh")"
export JAVA_HOME
cd "$ROOT"
exec ./mvnw -B -Dmaven.test.skip=true package -pl app -am "$@"
