#!/usr/bin/env bash
# Runs the packaged Milepost server (backend/target/quarkus-app, built by ./mvnw package) the way we recommend for a
# community's server: a small heap, the serial collector, the C1 compiler only and the class-data archive Quarkus
# writes at package time (app-cds.jsa). See docs/operations.md for the measurements behind each option.
#
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db/milepost QUARKUS_DATASOURCE_USERNAME=… \
#   QUARKUS_DATASOURCE_PASSWORD=… QUARKUS_OIDC_AUTH_SERVER_URL=https://id.example.org/realms/… \
#   QUARKUS_OIDC_CLIENT_ID=milepost-web QUARKUS_OIDC_CREDENTIALS_SECRET=… scripts/milepost-server.sh
#
#   MILEPOST_APP_DIR    the quarkus-app folder (default: backend/target/quarkus-app of this checkout)
#   MILEPOST_JAVA_OPTS  replaces the recommended JVM options below (the archive is still used when present)
#   scripts/milepost-server.sh --java-options   prints the JVM options it would use, and exits (the bench uses it)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_DIR="${MILEPOST_APP_DIR:-$ROOT/backend/target/quarkus-app}"

# -Xmx256m: 16 clients reading a 5,000-card board at once need ~150 MB of heap; 128 MB ran out (bench, 2026-11-23).
# -XX:TieredStopAtLevel=1: C2 compiled ~3.5 s of CPU during start-up on two cores; C1 alone halves start-up CPU and
#   keeps board and move latencies within their budgets.
# -XX:+ExitOnOutOfMemoryError: a JVM out of memory stops answering; exiting lets the supervisor restart it.
RECOMMENDED="-XX:+UseSerialGC -Xmx256m -Xss512k -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
read -r -a options <<<"${MILEPOST_JAVA_OPTS-$RECOMMENDED}"
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
