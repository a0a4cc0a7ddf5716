#!/usr/bin/env bash
# Benchmark: bulk import of 10,000 CSV referral rows through the HTTP API, against a baseline measured in the same
# run on the same database: PostgreSQL's own COPY of the same file into a bare table (no validation, no eligibility,
# no ledger). The ratio import/COPY is the figure to compare between machines; seconds alone are noise on 2 cores.
#
#   bench/referral-import.sh [rows] [repetitions]     (needs java 17+, python3, psql, curl)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-10000}
REPS=${2:-3}
PORT=${BENCH_PORT:-18080}
PGPORT=${BENCH_PGPORT:-15432}
. bench/lib.sh
start_app "$PORT" "$PGPORT"

AGREEMENT="BENCH-$RANDOM-SV"
curl -s -f -u admin:demo -H 'Content-Type: application/json' "http://localhost:$PORT/api/v1/agreements" -d @- > /dev/null <<JSON
{"code": "$AGREEMENT", "title": "Import benchmark", "sendingPartyCode": "US", "receivingPartyCode": "SV",
 "status": "ACTIVE", "validFrom": "2025-01-01", "capacityQuota": 1000000, "sentenceRegime": "US_FEDERAL_FSA",
 "facilityCode": "CECOT", "eligibilityPolicy": {"rules": [
   {"rule": "FINAL_CONVICTION_REQUIRED"}, {"rule": "COMMITMENT_ORDER_REQUIRED"},
   {"rule": "MIN_REMAINING_SENTENCE_DAYS", "parameters": {"days": 180}}, {"rule": "ADULTS_ONLY", "parameters": {"minimumAge": 18}},
   {"rule": "SEX_OF_FACILITY", "parameters": {"sex": "MALE"}}, {"rule": "NATIONALITY_EXCLUDED", "parameters": {"nationalities": ["SV"]}},
   {"rule": "FIT_TO_TRAVEL"}, {"rule": "EXCLUDED_OFFENCES", "parameters": {"offenceCodes": ["18 USC 1591"]}},
   {"rule": "DUPLICATE_PERSON"}]},
 "feeSchedule": [{"kind": "CUSTODY_DAY", "amount": "55.00", "currency": "USD", "effectiveFrom": "2025-01-01"}]}
JSON

now() { date +%s.%N; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(date -u +%Y-%m-%dT%H:%MZ); rows per run: $ROWS"
printf '%-4s %10s %10s %8s %s\n' run "copy s" "import s" ratio "stored/ineligible/invalid"
for rep in $(seq 1 "$REPS"); do
  file="$WORK/rows-$rep.csv"
  python3 bench/referral_csv.py "$ROWS" "$AGREEMENT" "R$rep$RANDOM" "$file"
  header=$(head -1 "$file" | sed 's/,/ text, /g')
  t0=$(now)
  psql -q -h localhost -p $PGPORT -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "SET client_min_messages = warning" -c "DROP TABLE IF EXISTS bench_copy" -c "CREATE UNLOGGED TABLE bench_copy ($header text)" \
    -c "\\copy bench_copy FROM '$file' WITH (FORMAT csv, HEADER true)" > /dev/null
  t1=$(now)
  answer=$(curl -s -f -u us-agency:demo -H 'Content-Type: text/csv' --data-binary @"$file" \
    "http://localhost:$PORT/api/v1/referrals/import")
  t2=$(now)
  counts=$(printf '%s' "$answer" | python3 -c 'import json,sys; a=json.load(sys.stdin); print("%d/%d/%d" % (a["stored"], a["ineligible"], a["invalid"]))')
  awk -v r="$rep" -v a="$t0" -v b="$t1" -v c="$t2" -v n="$counts" \
    'BEGIN { printf "%-4s %10.2f %10.2f %8.1f %s\n", r, b - a, c - b, (c - b) / (b - a), n }'
done
