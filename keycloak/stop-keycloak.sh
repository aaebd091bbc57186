#!/usr/bin/env bash
# Stops the Keycloak that `keycloak/start-keycloak.sh --background` started (its pid is in .keycloak/keycloak.pid).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PID_FILE="$ROOT/.keycloak/keycloak.pid"
if [[ ! -f "$PID_FILE" ]]; then
  echo "No Keycloak started by keycloak/start-keycloak.sh --background"
  exit 0
fi
PID="$(cat "$PID_FILE")"
if kill -0 "$PID" 2>/dev/null; then
  kill "$PID"
  for _ in $(seq 1 30); do
    kill -0 "$PID" 2>/dev/null || break
    sleep 1
  done
  echo "Keycloak (pid $PID) stopped"
fi
rm -f "$PID_FILE"
