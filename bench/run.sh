#!/usr/bin/env bash
# The scale benchmark (issue 13): one command, one throw-away app on an embedded PostgreSQL, every figure next to a
# baseline measured in the same run on the same database. Prints a report; docs/benchmarks.md quotes it.
#
#   bench/run.sh [cecot|national|N] [seed] [repetitions]      (needs java 17+, python3, psql, curl)
#
# Fills the database with bench/Generate.java (cecot: 40,000 prisoners with a year of history), then measures:
#   1. bulk import of 10,000 CSV rows through the API against a batched INSERT of the same rows into the same tables;
#   2. a one-row import on an idle system against the same while a 10,000-row import runs (the ledger's lock);
#   3. 50 clients with bearer tokens, 70% reads / 30% writes, against /actuator/health (the framework's floor),
#      then fewer clients to find the throughput at which p99 stays under 50 ms;
#   4. GET /api/v1/ledger/verification against plain SHA-256 over the same bytes in one JVM; inclusion proofs/s;
#   5. search by name with typos (p95), the roll count and the occupancy of CECOT, at the generated size;
#   6. with BENCH_GROW=N (e.g. 1960000 for 2,000,000 records in all), N more national-shape records, then 5 again.
# Ports: BENCH_PORT (18092), BENCH_PGPORT (15492); never 8080.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-cecot}
SEED=${2:-13}
REPS=${3:-3}
GROW=${BENCH_GROW:-0}
PORT=${BENCH_PORT:-18092}
PGPORT=${BENCH_PGPORT:-15492}
. bench/lib.sh
unzip -p target/custodia.jar 'BOOT-INF/lib/postgresql-*.jar' > "$WORK/pg.jar"
start_app "$PORT" "$PGPORT"
BASE="http://localhost:$PORT"
JDBC="jdbc:postgresql://localhost:$PGPORT/postgres"
PSQL=(psql -q -X -h localhost -p $PGPORT -U postgres -d postgres -v ON_ERROR_STOP=1)
bench() { java -cp "$WORK/pg.jar" bench/ScaleBench.java "$@"; }
"${PSQL[@]}" -f bench/bench-clients.sql

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "== generate: $SIZE, seed $SEED"
java -cp "$WORK/pg.jar" bench/Generate.java "$JDBC" postgres postgres "$SIZE" "$SEED"

AGREEMENT="BENCH-$SEED-SV"
curl -s -f -u admin:demo -H 'Content-Type: application/json' "$BASE/api/v1/agreements" -d @- > /dev/null <<JSON
{"code": "$AGREEMENT", "title": "Import benchmark", "sendingPartyCode": "US", "receivingPartyCode": "SV",
 "status": "ACTIVE", "validFrom": "2025-01-01", "capacityQuota": 10000000, "sentenceRegime": "US_FEDERAL_FSA",
 "facilityCode": "CECOT", "eligibilityPolicy": {"rules": [
   {"rule": "FINAL_CONVICTION_REQUIRED"}, {"rule": "COMMITMENT_ORDER_REQUIRED"},
   {"rule": "MIN_REMAINING_SENTENCE_DAYS", "parameters": {"days": 180}}, {"rule": "ADULTS_ONLY", "parameters": {"minimumAge": 18}},
   {"rule": "SEX_OF_FACILITY", "parameters": {"sex": "MALE"}}, {"rule": "NATIONALITY_EXCLUDED", "parameters": {"nationalities": ["SV"]}},
   {"rule": "FIT_TO_TRAVEL"}, {"rule": "EXCLUDED_OFFENCES", "parameters": {"offenceCodes": ["18 USC 1591"]}},
   {"rule": "DUPLICATE_PERSON"}]},
 "feeSchedule": [{"kind": "CUSTODY_DAY", "amount": "55.00", "currency": "USD", "effectiveFrom": "2025-01-01"}]}
JSON
import_csv() { curl -s -f -o "$WORK/answer.json" -w '%{time_total}' -u us-agency:demo -H 'Content-Type: text/csv' \
  --data-binary @"$1" "$BASE/api/v1/referrals/import"; }

echo "== 1. bulk import, 10,000 rows: API against batched INSERT of the same rows into the same tables"
printf '%-4s %10s %10s %8s %s\n' run "INSERT s" "API s" ratio "stored/ineligible/invalid"
for rep in $(seq 1 "$REPS"); do
  python3 bench/referral_csv.py 10000 "$AGREEMENT" "I$rep" "$WORK/rows.csv"
  api=$(import_csv "$WORK/rows.csv")
  counts=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print("%d/%d/%d" % (a["stored"], a["ineligible"], a["invalid"]))' "$WORK/answer.json")
  ins=$(bench insert "$JDBC" "BENCH-I$rep-" | sed -n 's/^INSERT_SECONDS=//p')
  awk -v r="$rep" -v a="$ins" -v b="$api" -v n="$counts" 'BEGIN { printf "%-4s %10.2f %10.2f %8.1f %s\n", r, a, b, b / a, n }'
done

echo "== 2. one referral (a one-row import) on an idle system, and while a 10,000-row import runs"
printf '%-4s %10s %12s %8s\n' run "idle s" "during s" ratio
for rep in $(seq 1 "$REPS"); do
  python3 bench/referral_csv.py 1 "$AGREEMENT" "S$rep" "$WORK/one-idle.csv"
  python3 bench/referral_csv.py 1 "$AGREEMENT" "T$rep" "$WORK/one-busy.csv"
  python3 bench/referral_csv.py 10000 "$AGREEMENT" "B$rep" "$WORK/big.csv"
  idle=$(import_csv "$WORK/one-idle.csv")
  (curl -s -f -o /dev/null -u us-agency:demo -H 'Content-Type: text/csv' --data-binary @"$WORK/big.csv" \
     "$BASE/api/v1/referrals/import") & BIG=$!
  sleep 2
  busy=$(import_csv "$WORK/one-busy.csv")
  wait $BIG
  awk -v r="$rep" -v a="$idle" -v b="$busy" 'BEGIN { printf "%-4s %10.3f %12.3f %8.1f\n", r, a, b, b / a }'
done

echo "== 3. 50 clients, bearer tokens, 70% reads (file, lists) / 30% writes (file entries), against /actuator/health"
bench load "$BASE" "$JDBC" 1000 "$REPS"

echo "== 4. ledger verification against SHA-256 of the same bytes in one JVM; inclusion proofs (8 clients)"
bench ledger "$BASE" "$JDBC" "$REPS" 500

measure_reads() { # [searches per repetition] [repetitions]
  echo "== 5. at $("${PSQL[@]}" -tA -c 'SELECT count(*) FROM prisoner') prisoner records: search by name with typos, one client"
  printf "%-8s %5s %7s %8s %8s %8s %8s %6s\n" what round clients "req/s" "p50 ms" "p95 ms" "p99 ms" errors
  for rep in $(seq 1 "$2"); do bench search "$BASE" "$1"; done
  echo "   roll count of CECOT, one client"
  for rep in $(seq 1 "$2"); do bench latency "$BASE" roll 30 /api/v1/facilities/CECOT/roll-count; done
  echo "   occupancy of CECOT (per module and cell, against capacity), one client"
  for rep in $(seq 1 "$2"); do bench latency "$BASE" occupancy 30 /api/v1/facilities/CECOT/occupancy; done
}
measure_reads 20 "$REPS"
if [ "$GROW" -gt 0 ]; then
  echo "== 6. grow by $GROW national-shape records (seed $((SEED + 1)))"
  java -cp "$WORK/pg.jar" bench/Generate.java "$JDBC" postgres postgres "$GROW" "$((SEED + 1))"
  measure_reads "${BENCH_GROWN_SEARCHES:-4}" 1  # a search scans every row without the index-friendly form (see docs)
fi
echo "== a month's billing at 40,000 and 2,000,000: bench/billing-run.sh (its own data, see docs/benchmarks.md)"
echo "== done $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
