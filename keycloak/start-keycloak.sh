#!/usr/bin/env bash
# Starts Keycloak 26 (the reference identity provider) without Docker, from its Maven Central distribution,
# with the `milepost` realm from keycloak/realm-milepost.json, on http://localhost:8180. Waits until the realm
# answers, then keeps running in the foreground (Ctrl-C stops it). Use --background to return once it is ready.
#
#   keycloak/start-keycloak.sh               # foreground
#   keycloak/start-keycloak.sh --background  # returns when ready; log in .keycloak/keycloak.log, pid in .keycloak/keycloak.pid
#
# Environment: KEYCLOAK_VERSION (26.7.3), KEYCLOAK_PORT (8180), KEYCLOAK_HOME (.keycloak/keycloak-$KEYCLOAK_VERSION),
# KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD (admin console: admin / admin), KEYCLOAK_JAVA_HOME.
# The realm is imported fresh on every start (the dev database is reset), so the file is the one source of truth.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${KEYCLOAK_VERSION:-26.7.3}"
PORT="${KEYCLOAK_PORT:-8180}"
BASE="$ROOT/.keycloak"
HOME_DIR="${KEYCLOAK_HOME:-$BASE/keycloak-$VERSION}"
REALM_URL="http://localhost:$PORT/realms/milepost/.well-known/openid-configuration"
BACKGROUND=false
[[ "${1:-}" == "--background" ]] && BACKGROUND=true

if curl -fsS -o /dev/null "$REALM_URL" 2>/dev/null; then
  echo "Keycloak already answers at http://localhost:$PORT (realm milepost)"
  exit 0
fi

if [[ ! -x "$HOME_DIR/bin/kc.sh" ]]; then
  echo "Fetching Keycloak $VERSION from Maven Central into $BASE (about 500 MB, once)…"
  mkdir -p "$BASE"
  (cd "$ROOT" && ./mvnw -B -q -ntp -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" -DoutputDirectory="$BASE")
fi

# Keycloak 26 wants Java 21 or newer when it is available; fall back to the default java.
if [[ -z "${KEYCLOAK_JAVA_HOME:-}" ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    [[ -x "$candidate/bin/java" ]] && KEYCLOAK_JAVA_HOME="$candidate" && break
  done
fi
[[ -n "${KEYCLOAK_JAVA_HOME:-}" ]] && export JAVA_HOME="$KEYCLOAK_JAVA_HOME"

rm -rf "$HOME_DIR/data/h2" "$HOME_DIR/data/import"
mkdir -p "$HOME_DIR/data/import"
cp "$ROOT/keycloak/realm-milepost.json" "$HOME_DIR/data/import/"

export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
ARGS=(start-dev --http-port="$PORT" --import-realm)

if ! $BACKGROUND; then
  echo "Starting Keycloak $VERSION on http://localhost:$PORT (admin console: $KC_BOOTSTRAP_ADMIN_USERNAME / …)"
  exec "$HOME_DIR/bin/kc.sh" "${ARGS[@]}"
fi

"$HOME_DIR/bin/kc.sh" "${ARGS[@]}" >"$BASE/keycloak.log" 2>&1 &
echo $! >"$BASE/keycloak.pid"
echo "Starting Keycloak $VERSION on http://localhost:$PORT (pid $(cat "$BASE/keycloak.pid"), log $BASE/keycloak.log)…"
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$REALM_URL" 2>/dev/null; then
    echo "Keycloak is ready: realm milepost at http://localhost:$PORT/realms/milepost"
    exit 0
  fi
  if ! kill -0 "$(cat "$BASE/keycloak.pid")" 2>/dev/null; then
    echo "Keycloak stopped during start-up; see $BASE/keycloak.log" >&2
    tail -30 "$BASE/keycloak.log" >&2
    exit 1
  fi
  sleep 1
done
echo "Keycloak did not become ready within 120 s; see $BASE/keycloak.log" >&2
exit 1
