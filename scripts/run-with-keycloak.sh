#!/usr/bin/env bash
# Runs Milepost in dev mode against the reference Keycloak: starts Keycloak 26 with the milepost realm on
# http://localhost:8180 (keycloak/start-keycloak.sh, no Docker), then the app on http://localhost:8080.
# Sign in at http://localhost:8080/auth/login as admin/admin, chair/chair, member/member or outsider/outsider.
# Ctrl-C stops the app; keycloak/stop-keycloak.sh stops Keycloak.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEYCLOAK_URL="${MILEPOST_KEYCLOAK_URL:-http://localhost:8180}"

if ! curl -fsS -o /dev/null "$KEYCLOAK_URL/realms/milepost/.well-known/openid-configuration" 2>/dev/null; then
  "$ROOT/keycloak/start-keycloak.sh" --background
fi

export QUARKUS_OIDC_AUTH_SERVER_URL="$KEYCLOAK_URL/realms/milepost"
export QUARKUS_OIDC_CLIENT_ID=milepost-web
export QUARKUS_OIDC_CREDENTIALS_SECRET="${MILEPOST_WEB_CLIENT_SECRET:-milepost-web-dev-secret-change-me-in-production}"
# The dev profile turns the audience check off for Dev Services; Keycloak's tokens carry it, so check it.
export QUARKUS_OIDC_TOKEN_AUDIENCE=milepost-api
export _DEV_QUARKUS_OIDC_TOKEN_AUDIENCE=milepost-api
# Keycloak echoes the nonce (Dev Services does not, so the dev profile does not ask for one).
export QUARKUS_OIDC_AUTHENTICATION_NONCE_REQUIRED=true
export _DEV_QUARKUS_OIDC_AUTHENTICATION_NONCE_REQUIRED=true

cd "$ROOT"
exec ./mvnw -pl backend quarkus:dev -Dquarkus.http.port=8080 "$@"
