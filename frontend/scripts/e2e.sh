#!/usr/bin/env bash
# End-to-end tests in Chromium against the real backend: build the web app, start the backend serving it on one
# origin, run Playwright (frontend/e2e), stop what was started. Screenshots land in frontend/e2e-screenshots.
#
#   frontend/scripts/e2e.sh [playwright args...]
#
# Identity provider, in this order:
#   1. QUARKUS_OIDC_AUTH_SERVER_URL (+ QUARKUS_OIDC_CLIENT_ID, QUARKUS_OIDC_CREDENTIALS_SECRET) is set, e.g. a Keycloak
#      started by keycloak/start-keycloak.sh: the packaged backend runs against it. Give the accounts with
#      E2E_ADMIN_USER/E2E_ADMIN_PASSWORD (an instance admin) and E2E_MEMBER_USER/E2E_MEMBER_PASSWORD.
#   2. Otherwise the backend runs in dev mode with Quarkus Dev Services for OIDC (alice: admin, bob: user).
# Other knobs: E2E_PORT (18080), E2E_SKIP_BUILD=1 (use what is built), CHROMIUM_PATH (/usr/bin/chromium).
set -euo pipefail

frontend="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$frontend/.." && pwd)"
port="${E2E_PORT:-18080}"
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
trap stop_backend EXIT INT TERM

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
if [[ -n "${QUARKUS_OIDC_AUTH_SERVER_URL:-}" ]]; then
  if [[ "${E2E_SKIP_BUILD:-0}" != "1" ]]; then
    ./mvnw -B -q -ntp -pl backend package -DskipTests
  fi
  echo "e2e: starting the packaged backend on $base (OIDC: $QUARKUS_OIDC_AUTH_SERVER_URL)"
  # The dev profile at run time only for its embedded PostgreSQL, unless a database URL is given.
  profile="${E2E_PROFILE:-$([[ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]] && echo prod || echo dev)}"
  setsid java -Dquarkus.http.port="$port" -Dquarkus.profile="$profile" \
    -Dmilepost.embedded-postgres.data-dir="$logs/e2e-db" \
    -jar backend/target/quarkus-app/quarkus-run.jar >"$logs/backend.log" 2>&1 &
else
  echo "e2e: starting the backend in dev mode on $base (Dev Services for OIDC)"
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
