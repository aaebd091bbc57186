#!/usr/bin/env bash
# End-to-end tests in Chromium against the real backend: build the web app, start the backend serving it on one
# origin, run Playwright (frontend/e2e), stop what was started. Screenshots land in frontend/e2e-screenshots.
#
#   frontend/scripts/e2e.sh [playwright args...]
#
# Identity provider:
#   - E2E_KEYCLOAK=1: the reference Keycloak (keycloak/start-keycloak.sh, no Docker, realm `milepost`, started here
#     unless one answers at MILEPOST_KEYCLOAK_URL, stopped again if started here). Accounts admin/admin and
#     member/member; the app listens on 8080, a redirect URI the realm allows.
#   - otherwise: Quarkus Dev Services for OIDC (accounts alice = admin, bob = user), the app on 18080.
# Other knobs: E2E_PORT, E2E_SKIP_BUILD=1 (use what is built), E2E_BACKEND=jar (the packaged app instead of dev mode),
# CHROMIUM_PATH (/usr/bin/chromium), E2E_ADMIN_USER/PASSWORD, E2E_MEMBER_USER/PASSWORD.
set -euo pipefail

frontend="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$frontend/.." && pwd)"
keycloak="${E2E_KEYCLOAK:-0}"
keycloak_url="${MILEPOST_KEYCLOAK_URL:-http://localhost:8180}"
if [[ "$keycloak" == "1" ]]; then
  port="${E2E_PORT:-8080}"
  export E2E_ADMIN_USER="${E2E_ADMIN_USER:-admin}" E2E_ADMIN_PASSWORD="${E2E_ADMIN_PASSWORD:-admin}"
  export E2E_MEMBER_USER="${E2E_MEMBER_USER:-member}" E2E_MEMBER_PASSWORD="${E2E_MEMBER_PASSWORD:-member}"
else
  port="${E2E_PORT:-18080}"
fi
base="http://localhost:${port}"
logs="$frontend/e2e-logs"  # not test-results: Playwright empties that folder when it starts
mkdir -p "$logs" "$frontend/e2e-screenshots"
backend_pid=""

stop_backend() {
  if [[ -n "$backend_pid" ]] && kill -0 "$backend_pid" 2>/dev/null; then
    echo "e2e: stopping the backend (process group $backend_pid)"
    kill -TERM -- "-$backend_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$backend_pid" 2>/dev/null || break
      sleep 1
    done
    kill -KILL -- "-$backend_pid" 2>/dev/null || true
  fi
}
keycloak_started=false
stop_all() {
  stop_backend
  if $keycloak_started; then
    "$root/keycloak/stop-keycloak.sh" || true
  fi
}
trap stop_all EXIT INT TERM

if [[ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then
  echo "e2e: Chromium not found at ${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install -y chromium)" >&2
  exit 1
fi
if curl -fsS -o /dev/null "$base/q/health/ready" 2>/dev/null; then
  echo "e2e: something already answers on $base; set E2E_PORT to a free port" >&2
  exit 1
fi

cd "$frontend"
node scripts/ensure-deps.mjs
if [[ "${E2E_SKIP_BUILD:-0}" != "1" ]]; then
  npm run build
fi

cd "$root"
if [[ "$keycloak" == "1" ]]; then
  if ! curl -fsS -o /dev/null "$keycloak_url/realms/milepost/.well-known/openid-configuration" 2>/dev/null; then
    keycloak/start-keycloak.sh --background
    keycloak_started=true
  fi
  # As scripts/run-with-keycloak.sh: the web client of the realm, audience and nonce checked (Keycloak sends both).
  export QUARKUS_OIDC_AUTH_SERVER_URL="$keycloak_url/realms/milepost"
  export QUARKUS_OIDC_CLIENT_ID=milepost-web
  export QUARKUS_OIDC_CREDENTIALS_SECRET="${MILEPOST_WEB_CLIENT_SECRET:-milepost-web-dev-secret-change-me-in-production}"
  export QUARKUS_OIDC_TOKEN_AUDIENCE=milepost-api _DEV_QUARKUS_OIDC_TOKEN_AUDIENCE=milepost-api
  export QUARKUS_OIDC_AUTHENTICATION_NONCE_REQUIRED=true _DEV_QUARKUS_OIDC_AUTHENTICATION_NONCE_REQUIRED=true
  echo "e2e: identity provider: Keycloak at $QUARKUS_OIDC_AUTH_SERVER_URL"
else
  echo "e2e: identity provider: Quarkus Dev Services for OIDC"
fi
if [[ "${E2E_BACKEND:-dev}" == "jar" ]]; then
  if [[ "${E2E_SKIP_BUILD:-0}" != "1" ]]; then
    ./mvnw -B -q -ntp -pl backend package -DskipTests
  fi
  echo "e2e: starting the packaged backend on $base"
  # The dev profile at run time only for its embedded PostgreSQL (no Dev Services outside dev mode: use Keycloak).
  setsid java -Dquarkus.http.port="$port" -Dquarkus.profile="${E2E_PROFILE:-dev}" \
    -Dmilepost.embedded-postgres.data-dir="$logs/e2e-db" \
    -jar backend/target/quarkus-app/quarkus-run.jar >"$logs/backend.log" 2>&1 &
else
  echo "e2e: starting the backend in dev mode on $base"
  ./mvnw -B -q -ntp -pl backend process-resources
  setsid ./mvnw -B -ntp -pl backend quarkus:dev -Dquarkus.http.port="$port" -Ddebug=false \
    -Dquarkus.console.enabled=false -Dquarkus.live-reload.instrumentation=false \
    -Dmilepost.embedded-postgres.data-dir="$logs/e2e-db" >"$logs/backend.log" 2>&1 &
fi
backend_pid=$!

echo -n "e2e: waiting for $base/q/health/ready "
for _ in $(seq 1 240); do
  if curl -fsS -o /dev/null "$base/q/health/ready" 2>/dev/null; then
    echo " up"
    break
  fi
  if ! kill -0 "$backend_pid" 2>/dev/null; then
    echo " the backend stopped; see $logs/backend.log" >&2
    tail -40 "$logs/backend.log" >&2
    exit 1
  fi
  echo -n "."
  sleep 1
done
curl -fsS -o /dev/null "$base/q/health/ready" || { echo " timed out" >&2; exit 1; }

cd "$frontend"
E2E_BASE_URL="$base" npx playwright test "$@"
