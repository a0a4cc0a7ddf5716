#!/usr/bin/env bash
# Backup and restore as docs/operations.md describes them, run end to end against a PostgreSQL server:
#  1. the app on a fresh database records some history and signs a checkpoint; the checkpoint and the verifier key
#     are kept apart from the database, as the other state would keep them;
#  2. pg_dump (custom format) while the app runs; the app stops;
#  3. pg_restore into a new database; the app starts on it with the same ledger key file and records more;
#  4. the offline verifier checks, with nothing but the old checkpoint and the key, that history was kept.
# Exit 0 only if the restored log is consistent with the checkpoint signed before the backup.
#
#   ops/backup-restore-check.sh PGPORT      (run as root on a machine with Debian's postgresql; CI does)
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${1:?PostgreSQL port}
APP_PORT=${APP_PORT:-18190}
WORK=$(mktemp -d)
chmod 755 "$WORK"   # pg_dump and pg_restore run as the postgres user
APP=""
psql_() { su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $PGPORT -c \"$1\"" >/dev/null; }
stop_app() { if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=""; fi; }
trap 'stop_app; rm -rf "$WORK"' EXIT

start_app() { # database
  SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PGPORT/$1" SPRING_DATASOURCE_USERNAME=custodia_backup \
  SPRING_DATASOURCE_PASSWORD=custodia_backup CUSTODIA_LEDGER_KEY_PATH="$WORK/ledger-key" \
    java -jar target/custodia.jar --spring.profiles.active=demo --server.port=$APP_PORT \
    > "$WORK/app-$1.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 180); do
    curl -s -o /dev/null -w '%{http_code}' "http://localhost:$APP_PORT/actuator/health" | grep -q 200 && return 0
    kill -0 "$APP" 2>/dev/null || { tail -50 "$WORK/app-$1.log"; exit 1; }
    sleep 1
  done
  tail -50 "$WORK/app-$1.log"; exit 1
}
api() { curl -s -f -u "$1" -H 'Content-Type: application/json' "http://localhost:$APP_PORT$2" "${@:3}"; }

[ -f target/custodia.jar ] || ./mvnw -B -q -DskipTests package
for db in custodia_backup custodia_restored; do psql_ "DROP DATABASE IF EXISTS $db"; done
psql_ "DROP ROLE IF EXISTS custodia_backup"
psql_ "CREATE ROLE custodia_backup LOGIN PASSWORD 'custodia_backup'"
psql_ "CREATE DATABASE custodia_backup OWNER custodia_backup"

echo "== 1. history and a signed checkpoint"
start_app custodia_backup
api admin:demo /api/v1/parties -d '{"code": "BKP", "name": "Backup check", "country": "GT"}' > /dev/null
api admin:demo /api/v1/ledger/checkpoints -X POST > /dev/null
api oversight:demo /api/v1/ledger/checkpoints/latest | python3 -c 'import json,sys; sys.stdout.write(json.load(sys.stdin)["note"])' > "$WORK/checkpoint-before-backup.txt"
api oversight:demo /api/v1/ledger/key | python3 -c 'import json,sys; print(json.load(sys.stdin)["vkey"])' > "$WORK/facility.vkey"
head -2 "$WORK/checkpoint-before-backup.txt"

echo "== 2. pg_dump while the app runs"
su postgres -c "pg_dump -p $PGPORT -Fc custodia_backup" > "$WORK/custodia.dump"
stop_app
ls -la "$WORK/custodia.dump"

echo "== 3. pg_restore into a new database; the app starts on it and records more"
psql_ "CREATE DATABASE custodia_restored OWNER custodia_backup"
su postgres -c "pg_restore -p $PGPORT --no-owner --role=custodia_backup -d custodia_restored" < "$WORK/custodia.dump"
start_app custodia_restored
api admin:demo /api/v1/parties -d '{"code": "BKQ", "name": "After the restore", "country": "GT"}' > /dev/null
api admin:demo /api/v1/ledger/checkpoints -X POST > /dev/null
test "$(api oversight:demo /api/v1/ledger/verification | python3 -c 'import json,sys; print(json.load(sys.stdin)["valid"])')" = True

echo "== 4. the offline verifier, with the checkpoint kept before the backup"
java -jar target/custodia.jar verify --checkpoint "$WORK/checkpoint-before-backup.txt" --key "$WORK/facility.vkey" \
  --url "http://localhost:$APP_PORT" --user oversight:demo
stop_app
for db in custodia_backup custodia_restored; do psql_ "DROP DATABASE IF EXISTS $db"; done
echo "backup and restore: history kept"
