#!/usr/bin/env bash
# Fills a database with the seeded data of bench/Generate.java (docs/benchmarks.md, "Scale and speed").
#
#   bench/generate.sh cecot|national|N [seed]
#
# With BENCH_JDBC_URL (and BENCH_DB_USER / BENCH_DB_PASSWORD, default postgres/postgres) it writes into that server's
# database, which must hold the app's schema and a CECOT facility (start the app on it once). Without it, it starts the
# jar with the demo data on an embedded PostgreSQL in BENCH_DATA_DIR (default: a temp dir, removed at the end; give a
# directory to keep the data and start the app on it later with --custodia.embedded.data-dir), generates, and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:?cecot, national or a number of prisoner records}
SEED=${2:-13}
. bench/lib.sh
unzip -p target/custodia.jar 'BOOT-INF/lib/postgresql-*.jar' > "$WORK/pg.jar"
if [ -z "${BENCH_JDBC_URL:-}" ]; then
  PORT=${BENCH_PORT:-18093}
  PGPORT=${BENCH_PGPORT:-15493}
  DATA=${BENCH_DATA_DIR:-$WORK/pg}
  start_app "$PORT" "$PGPORT" "$DATA"
  BENCH_JDBC_URL="jdbc:postgresql://localhost:$PGPORT/postgres"
fi
java -cp "$WORK/pg.jar" bench/Generate.java "$BENCH_JDBC_URL" "${BENCH_DB_USER:-postgres}" "${BENCH_DB_PASSWORD:-postgres}" \
  "$SIZE" "$SEED"
