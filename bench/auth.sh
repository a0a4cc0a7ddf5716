#!/usr/bin/env bash
# Benchmark: the cost of authentication on one GET of the API (GET /api/v1/agreements as the US agency), HTTP Basic
# (a BCrypt check on every request) against a bearer token from POST /oauth2/token (a signature check, no BCrypt),
# in alternating rounds on the same app and database. Compare the two columns of one run; seconds alone are noise
# on 2 cores.
#
#   bench/auth.sh [requests per round] [threads] [rounds]     (needs java 17+ and curl)
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-300}
THREADS=${2:-4}
ROUNDS=${3:-3}
PORT=${BENCH_PORT:-18081}
. bench/lib.sh
start_app "$PORT"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "GET /api/v1/agreements, $REQUESTS requests per round, $THREADS client threads, loopback"
java bench/AuthLoad.java "http://localhost:$PORT" /api/v1/agreements "$REQUESTS" "$THREADS" "$ROUNDS" \
  us-agency demo us-agency-system demo
