#!/usr/bin/env bash
# Runs the integration test against a real Keycloak (org.milepost.auth.KeycloakSignInTest): starts Keycloak 26 with
# the milepost realm (keycloak/start-keycloak.sh, no Docker) unless one already answers at MILEPOST_KEYCLOAK_URL,
# runs the test, and stops the Keycloak it started. The app under test listens on port 8089.
#
#   scripts/test-keycloak.sh            # extra Maven arguments are passed on, e.g. -DskipTests=false
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MILEPOST_KEYCLOAK_URL="${MILEPOST_KEYCLOAK_URL:-http://localhost:8180}"

started=false
if ! curl -fsS -o /dev/null "$MILEPOST_KEYCLOAK_URL/realms/milepost/.well-known/openid-configuration" 2>/dev/null; then
  if [[ "$MILEPOST_KEYCLOAK_URL" != "http://localhost:8180" ]]; then
    echo "No Keycloak with the milepost realm at $MILEPOST_KEYCLOAK_URL" >&2
    exit 1
  fi
  "$ROOT/keycloak/start-keycloak.sh" --background
  started=true
fi
cleanup() { if $started; then "$ROOT/keycloak/stop-keycloak.sh"; fi; }
trap cleanup EXIT

cd "$ROOT"
./mvnw -B -ntp -pl backend test -Dtest=KeycloakSignInTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmilepost.keycloak.url="$MILEPOST_KEYCLOAK_URL" "$@"
