#!/usr/bin/env bash
# Runs the packaged Milepost server (backend/target/quarkus-app, built by ./mvnw package) the way we recommend for a
# community's server: a small heap, the serial collector and the class-data archive Quarkus
# writes at package time (app-cds.jsa). See docs/operations.md for the measurements behind each option.
#
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db/milepost QUARKUS_DATASOURCE_USERNAME=… \
#   QUARKUS_DATASOURCE_PASSWORD=… QUARKUS_OIDC_AUTH_SERVER_URL=https://id.example.org/realms/… \
#   QUARKUS_OIDC_CLIENT_ID=milepost-web QUARKUS_OIDC_CREDENTIALS_SECRET=… scripts/milepost-server.sh
#
#   MILEPOST_APP_DIR    the quarkus-app folder (default: backend/target/quarkus-app of this checkout)
#   MILEPOST_JAVA_OPTS  replaces the recommended JVM options below (the archive is still used when present)
#   MILEPOST_EXTRA_JAVA_OPTS  added to them (e.g. -Xlog:gc:file=gc.log)
#   MILEPOST_JAVA       the java to run (default: $JAVA_HOME/bin/java, else java on the PATH)
#   scripts/milepost-server.sh --java-options   prints the JVM options it would use, and exits (the bench uses it)
#   scripts/milepost-server.sh --train   JDK 25+: writes an AOT cache (app.aot) by a training run, see below
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_DIR="${MILEPOST_APP_DIR:-$ROOT/backend/target/quarkus-app}"

# Measured with bench/ on the 2-vCPU machine; docs/operations.md and ADRs 0013, 0016, 0018 and 0019 have the figures.
# -Xms64m -Xmx80m -Xmn24m: the live heap is ~30 MB (~35 MB while sixteen clients read a 5,000-card board: readers of
#   one board share its build and its JSON, ADR 0017). A fixed 24 MB young generation lets a board's short-lived rows
#   and JSON die young instead of being promoted, and the serial collector otherwise grows the old generation on every
#   promotion instead of collecting it (it reached 256 MB with a 29 MB live set). 80 MB instead of 96 MB: ~12 MB less
#   resident after the bench's traffic for ~30% more young collections and the same throughput (ADR 0019). The heap
#   starts at 64 MB because a start allocates ~120 MB of short-lived objects (from 16 MB it took 26 young collections
#   before the first answer).
# -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps: after a full collection the heap gives back
#   what it does not need, at once. By default (ShrinkHeapInSteps) the serial collector gives back 0%, 10%, 40%, then
#   100% of the excess in consecutive full collections, from 0% again after any that does not shrink, so after a burst
#   of readers it kept ~55 MB of old generation for a 29 MB live set (ADR 0022).
# -XX:+UseSerialGC: two cores and a small heap; no concurrent collector threads to feed.
# -Dio.netty.allocator.smallCacheSize=16: each worker thread that writes a response keeps Netty's pooled 8 KB buffers in
#   a cache of its own (256 by default), and every cached buffer pins its 64 KB chunk: 60 MB of direct memory after
#   the bench's traffic, 9 MB with 16.
# -XX:+ExitOnOutOfMemoryError: a JVM out of memory stops answering; exiting lets the supervisor restart it.
# -XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=19: the JIT compiler threads run at nice 19, so on two cores
#   they use the CPU that start-up and requests leave over instead of taking it from them (ADR 0019). Lowering a
#   priority needs no privilege; as a user other than root the JVM prints a one-line warning that it "may require
#   system level permission", and the compiler threads are lowered all the same.
# Not -XX:TieredStopAtLevel=1: C1 alone cut start-up CPU by 40% but tripled the CPU of every request (bench).
# Not -XX:ReservedCodeCacheSize below the default: at 32-48 MB the JVM ran repeated full collections to unload code.
RECOMMENDED="-XX:+UseSerialGC -Xms64m -Xmx80m -Xmn24m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
RECOMMENDED+=" -XX:-ShrinkHeapInSteps -Xss512k"
RECOMMENDED+=" -XX:+ExitOnOutOfMemoryError -Dio.netty.allocator.smallCacheSize=16"
RECOMMENDED+=" -XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=19"
# glibc gives each thread that allocates its own malloc arena (64 MB reserved, partly resident); two are plenty.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
JAVA="${MILEPOST_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}"
JAVA="$(command -v "${JAVA:-java}" || true)"
if [[ -z "$JAVA" ]]; then
  echo "No java found: install a JDK 17+ or set MILEPOST_JAVA" >&2
  exit 1
fi
java_home() { dirname "$(dirname "$(readlink -f "$1")")"; }
java_id() { # which JDK this is, without starting one (start-up time matters): its resolved path and release file
  local home
  home="$(java_home "$1")"
  echo "$home $(md5sum <"$home/release" 2>/dev/null | cut -c1-32)"
}
# The JDK's version from its release file (again without starting a JVM): "25.0.3" -> major 25, update 3.
version="$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$(java_home "$JAVA")/release" 2>/dev/null || true)"
major="${version%%.*}"
update="$(cut -d. -f3 <<<"$version")"
# glibc keeps memory that the JVM frees (compiler arenas after a burst of compilation, buffers of finished threads);
# trimming it every second gave back ~40 MB after the bench's traffic. A product option from JDK 22, experimental in
# 17.0.9+ (older JDKs refuse unknown options, so it is only added where it exists).
if [[ "${major:-0}" -ge 22 ]]; then
  RECOMMENDED+=" -XX:TrimNativeHeapInterval=1000"
elif [[ "${major:-0}" -eq 17 && "${update:-0}" -ge 9 ]]; then
  RECOMMENDED+=" -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=1000"
fi
read -r -a options <<<"${MILEPOST_JAVA_OPTS-$RECOMMENDED} ${MILEPOST_EXTRA_JAVA_OPTS:-}"
AOT="$APP_DIR/app.aot"
if [[ "${1:-}" == "--train" ]]; then
  : # the training run writes the cache; it may not read an archive at the same time
elif [[ -f "$AOT" && -f "$AOT.jdk" && "$(cat "$AOT.jdk")" == "$(java_id "$JAVA")" ]]; then
  # JDK 25+ AOT cache (JEP 483/514/515: classes loaded and linked, method profiles) from `--train` with this JDK
  # and this build. Replaces the class-data archive; the JVM checks the cache itself and starts without it if the
  # application changed since (a warning in the log: train again).
  options+=("-XX:AOTCache=$AOT")
elif [[ -f "$APP_DIR/app-cds.jsa" ]]; then
  # Written by the same JDK at package time; a different JDK ignores it (-Xshare:auto) and starts a little slower.
  options+=("-XX:SharedArchiveFile=$APP_DIR/app-cds.jsa" "-Xshare:auto")
fi

if [[ "${1:-}" == "--java-options" ]]; then
  echo "${options[*]}"
  exit 0
fi
if [[ ! -f "$APP_DIR/quarkus-run.jar" ]]; then
  echo "No server at $APP_DIR: build it with ./mvnw -pl backend -am package -DskipTests" >&2
  exit 1
fi

if [[ "${1:-}" == "--train" ]]; then
  # Training run for the AOT cache (JDK 25+): starts the server with the same configuration (database, identity
  # provider) on MILEPOST_TRAIN_PORT (default 18090), sends it the requests a start-up and first visitors make
  # (public group list, boards, cards, meetings, activity, Markdown, calendar; with MILEPOST_TRAIN_TOKEN also signed-in
  # ones), stops it, and the JVM writes app.aot while exiting (takes a minute).
  # Train again after every build or JDK update.
  # (Never probe with -XX:AOTCacheOutput=/dev/null: the JVM replaces the output path with a regular file.)
  major="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  if [[ -z "$major" || "$major" -lt 25 ]]; then
    echo "--train needs a JDK 25 or newer ($JAVA is older): set MILEPOST_JAVA" >&2
    exit 1
  fi
  port="${MILEPOST_TRAIN_PORT:-18090}"
  base="http://127.0.0.1:$port"
  rm -f "$AOT" "$AOT.jdk" "$AOT.tmp"
  QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
    "$JAVA" "${options[@]}" "-XX:AOTCacheOutput=$AOT.tmp" -jar "$APP_DIR/quarkus-run.jar" &
  pid=$!
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$base/q/health/ready" && break
    kill -0 "$pid" 2>/dev/null || { echo "training: the server stopped during start-up" >&2; exit 1; }
    sleep 0.2
  done
  get() { curl -s -o /dev/null ${MILEPOST_TRAIN_TOKEN:+-H "Authorization: Bearer $MILEPOST_TRAIN_TOKEN"} "$base$1"; }
  # Not /q/openapi: the document is built when first asked for (ADR 0020), and training it would put the ~550 classes
  # that build it into the cache, which loads every class it holds at each start.
  for _ in 1 2 3; do
    get /api/groups
    get /api/me
    for slug in $(curl -s "$base/api/groups?size=5" | grep -o '"slug":"[^"]*"' | cut -d'"' -f4); do
      for path in "" /board /cards /meetings /goals /phases /members /activity /export /meetings.ics; do
        get "/api/groups/$slug$path"
      done
    done
  done
  kill -TERM "$pid"
  wait "$pid" || true
  if [[ ! -s "$AOT.tmp" ]]; then
    echo "training: the JVM wrote no AOT cache" >&2
    exit 1
  fi
  mv "$AOT.tmp" "$AOT"
  java_id "$JAVA" >"$AOT.jdk"
  echo "training: wrote $AOT ($(du -h "$AOT" | cut -f1)); scripts/milepost-server.sh uses it from now on with this JDK"
  exit 0
fi
exec "$JAVA" "${options[@]}" -jar "$APP_DIR/quarkus-run.jar" "$@"
