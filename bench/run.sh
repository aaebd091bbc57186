#!/usr/bin/env bash
# Milepost benchmark suite: every scenario (S1–S6) in one command.
#
#   bench/run.sh                 # tiny smoke (about 1.5 min; figures not comparable with the budgets)
#   bench/run.sh --size full     # the real run (about 25 min); take it when the machine is quiet
#   bench/run.sh --size full --only S1,S2 --label "after the board fix"
#   bench/run.sh --no-build …    # reuse backend/target/quarkus-app and bench/target
#
# Needs: a JDK 17+, and on Debian: apt-get install -y wrk hyperfine curl postgresql
# (S6 also: chromium nodejs npm). Results: bench/results/<size>-<time>.{md,json} and latest-<size>.{md,json}.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) args+=("$a") ;;
  esac
done

missing=()
for tool in java wrk hyperfine curl; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ -z "${PG_BIN:-}" ] && ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  missing+=("postgresql")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: missing ${missing[*]}. On Debian: apt-get update && apt-get install -y wrk hyperfine curl postgresql" >&2
  exit 2
fi

if [ "$build" = 1 ]; then
  ./mvnw -B -q -ntp -pl backend package -DskipTests
  ./mvnw -B -q -ntp -f bench/pom.xml package -Dbench.skip
fi
exec java -jar bench/target/milepost-bench.jar "${args[@]}"
