#!/usr/bin/env bash
# The tests that need a real Keycloak, run by the test command (module frontend/e2e, phase integration-test):
# starts Keycloak 26 with the milepost realm once (keycloak/start-keycloak.sh, no Docker), then
#   1. the Playwright end-to-end tests in Chromium against the built app (frontend/scripts/e2e.sh), and
#   2. the backend's sign-in test against Keycloak (scripts/test-keycloak.sh: code flow over HTTP, session, and a
#      client-credentials token),
# and always stops the Keycloak it started. Both scripts see the running Keycloak and leave it alone.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export MILEPOST_KEYCLOAK_URL="${MILEPOST_KEYCLOAK_URL:-http://localhost:8180}"

if [[ "${E2E_KEYCLOAK:-1}" == "0" ]]; then   # -De2e.keycloak=0: the e2e tests with Dev Services for OIDC only
  exec bash frontend/scripts/e2e.sh
fi

started=false
if ! curl -fsS -o /dev/null "$MILEPOST_KEYCLOAK_URL/realms/milepost/.well-known/openid-configuration" 2>/dev/null; then
  keycloak/start-keycloak.sh --background
  started=true
fi
cleanup() { if $started; then keycloak/stop-keycloak.sh || true; fi; }
trap cleanup EXIT

E2E_KEYCLOAK=1 bash frontend/scripts/e2e.sh
scripts/test-keycloak.sh -q
