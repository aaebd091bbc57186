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
#   scripts/milepost-server.sh --java-options   prints the JVM options it would use, and exits (the bench uses it)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_DIR="${MILEPOST_APP_DIR:-$ROOT/backend/target/quarkus-app}"

# -Xms16m -Xmx256m: the heap starts small and grows only as needed. Board reads are bounded (BoardBuilds) and let go of
#   their JSON once sent; still, sixteen clients on a 5,000-card board spend most of their CPU in GC below ~256 MB
#   (bench 2026-11-23: 128 MB gave 3.2 boards/s, the JVM's default heap 38.5), and a smaller heap did not lower the
#   resident memory much (the non-heap part dominates): see docs/operations.md.
# -XX:+UseSerialGC: two cores and a small heap; no concurrent collector threads to feed.
# -XX:+ExitOnOutOfMemoryError: a JVM out of memory stops answering; exiting lets the supervisor restart it.
# Not -XX:TieredStopAtLevel=1: C1 alone cut start-up CPU by 40% but tripled the CPU of every request (bench).
RECOMMENDED="-XX:+UseSerialGC -Xms16m -Xmx256m -Xss512k -XX:+ExitOnOutOfMemoryError"
# glibc gives each thread that allocates its own malloc arena (64 MB reserved, partly resident); two are plenty.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
read -r -a options <<<"${MILEPOST_JAVA_OPTS-$RECOMMENDED} ${MILEPOST_EXTRA_JAVA_OPTS:-}"
if [[ -f "$APP_DIR/app-cds.jsa" ]]; then
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
exec java "${options[@]}" -jar "$APP_DIR/quarkus-run.jar" "$@"
