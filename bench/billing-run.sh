#!/usr/bin/env bash
# Benchmark: one monthly billing run over 40,000 prisoners (5% of them admitted or released during the month),
# against a baseline measured in the same run on the same database: a bare SELECT of the same custody intervals
# (prisoner number, admission and release instants of the agreement's prisoners). The ratio run/SELECT is the figure
# to compare between machines; seconds alone are noise on 2 cores.
#
#   bench/billing-run.sh [prisoners] [repetitions]     (needs java 17+, psql, curl)
#
# The prisoners are written straight into the tables (as custody-history records of MIGRATED referrals would be),
# because 40,000 admissions through the API would time the admission, not the billing. Each repetition bills a
# fresh agreement (one invoice per agreement and month), so every run does the whole work.
#
# The run is called as a finance system would: a bearer token of a FINANCE API client (no BCrypt per request) and
# Prefer: return=minimal (the invoice's number, total, line count and linesSha256; the lines are paged at
# /api/v1/invoices/{number}/lines). Reading the whole invoice back as one JSON document (41,000 lines, 14 MB) is timed
# apart, in the column "GET all s": it is a read, not the run. Above 200,000 prisoners that column times the invoice's last
# page of 500 lines instead (the whole document would be hundreds of MB).
set -euo pipefail
cd "$(dirname "$0")/.."
PRISONERS=${1:-40000}
REPS=${2:-3}
PORT=${BENCH_PORT:-18081}
PGPORT=${BENCH_PGPORT:-15433}
. bench/lib.sh
start_app "$PORT" "$PGPORT"
psql -q -X -h localhost -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -f bench/bench-clients.sql
TOKEN=$(curl -s -f -u bench-finance:demo -d grant_type=client_credentials "http://localhost:$PORT/oauth2/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
sql() { psql -q -X -h localhost -p $PGPORT -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
now() { date +%s.%N; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(date -u +%Y-%m-%dT%H:%MZ); prisoners per run: $PRISONERS, month 2025-04"
printf '%-4s %10s %10s %8s %10s %s\n' run "select s" "run s" ratio "GET all s" "lines/total"
for rep in $(seq 1 "$REPS"); do
  AGREEMENT="BENCH-$RANDOM$rep-SV"
  curl -s -f -u admin:demo -H 'Content-Type: application/json' "http://localhost:$PORT/api/v1/agreements" -d @- > /dev/null <<JSON
{"code": "$AGREEMENT", "title": "Billing benchmark", "sendingPartyCode": "US", "receivingPartyCode": "SV",
 "status": "ACTIVE", "validFrom": "2024-01-01", "capacityQuota": 1000000, "sentenceRegime": "US_FEDERAL_FSA",
 "facilityCode": "CECOT", "eligibilityPolicy": {"rules": [{"rule": "FINAL_CONVICTION_REQUIRED"}]},
 "feeSchedule": [{"kind": "CUSTODY_DAY", "amount": "55.00", "currency": "USD", "effectiveFrom": "2024-01-01"},
                 {"kind": "INTAKE_FEE", "amount": "250.00", "currency": "USD", "effectiveFrom": "2024-01-01"}]}
JSON
  sql -v agreement="$AGREEMENT" -v n="$PRISONERS" <<'SQL' > /dev/null
BEGIN;
CREATE TEMP TABLE seed AS
SELECT i, gen_random_uuid() AS referral_id, gen_random_uuid() AS prisoner_id,
       CASE WHEN i <= :n * 0.975 THEN ('2024-06-01 12:00'::timestamp + (i % 200) * interval '1 day')
            ELSE ('2025-04-01 12:00'::timestamp + (i % 30) * interval '1 day') END AT TIME ZONE 'America/El_Salvador' AS admitted_at,
       CASE WHEN i > :n * 0.95 AND i <= :n * 0.975
            THEN ('2025-04-01 09:00'::timestamp + (i % 30) * interval '1 day') AT TIME ZONE 'America/El_Salvador' END AS released_at
FROM generate_series(1, :n) AS i;
INSERT INTO referral (id, agreement_code, sending_party, external_reference, status, given_names, family_names,
                      date_of_birth, sex, dossier, dossier_hash, eligible, eligibility, submitted_by, submitted_at, updated_at)
SELECT referral_id, :'agreement', 'US', :'agreement' || '-' || i, 'MIGRATED', 'Persona ' || i, 'Prueba', '1985-01-01',
       'MALE', '{}', repeat('0', 64), true, '{}', 'bench', now(), now() FROM seed;
INSERT INTO prisoner (id, prisoner_number, referral_id, agreement_code, facility_code, legal_custodian, physical_custodian,
                      status, given_names, family_names, date_of_birth, sex, person, commitment_order_reference,
                      commitment_order_authority, commitment_order_issued_on, responsible_authority, convictions,
                      sentence_regime, gct_days_per_year, security_level, admitted_at, admission_recorded_at,
                      admission_recorded_by, handover, released_at, release_type, search_text, origin, origin_source)
SELECT prisoner_id, :'agreement' || '-P' || lpad(i::text, 7, '0'), referral_id, :'agreement', 'CECOT', 'US', 'CECOT',
       CASE WHEN released_at IS NULL THEN 'IN_CUSTODY' ELSE 'RELEASED' END, 'Persona ' || i, 'Prueba', '1985-01-01', 'MALE',
       '{}', 'CO-' || i, 'U.S. District Court', '2024-01-01', 'U.S. District Court', '[]', 'US_FEDERAL_FSA', 54, 'HIGH',
       admitted_at, admitted_at, 'bench', '{}', released_at,
       CASE WHEN released_at IS NULL THEN NULL ELSE 'RETURN_TO_SENDING_STATE' END, 'persona ' || i, 'MIGRATED', 'bench'
FROM seed;
INSERT INTO prisoner_event (id, prisoner_id, type, occurred_at, recorded_at, recorded_by, details)
SELECT gen_random_uuid(), prisoner_id, 'ADMISSION', admitted_at, admitted_at, 'bench', '{}'::jsonb FROM seed
UNION ALL
SELECT gen_random_uuid(), prisoner_id, 'RELEASE', released_at, released_at, 'bench', '{}'::jsonb FROM seed WHERE released_at IS NOT NULL;
COMMIT;
ANALYZE prisoner; ANALYZE prisoner_event; ANALYZE referral;
SQL
  t0=$(now)
  sql -o /dev/null -v agreement="$AGREEMENT" <<'SQL'
SELECT prisoner_number, admitted_at, released_at FROM prisoner WHERE agreement_code = :'agreement';
SQL
  t1=$(now)
  answer=$(curl -s -f -H "Authorization: Bearer $TOKEN" -H 'Prefer: return=minimal' -H 'Content-Type: application/json' \
    "http://localhost:$PORT/api/v1/billing/runs" -d "{\"agreementCode\": \"$AGREEMENT\", \"period\": \"2025-04\"}")
  t2=$(now)
  number=$(printf '%s' "$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["number"])')
  if [ "$PRISONERS" -le 200000 ]; then
    whole=$(curl -s -f -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/invoices/$number")
    t3=$(now)
    counts=$(printf '%s' "$whole" | python3 -c 'import json,sys; a=json.load(sys.stdin); print("%d/%s" % (len(a["lines"]), a["total"]))')
  else
    # national size: the whole invoice is hundreds of MB of JSON; time the last page of lines instead
    lines=$(printf '%s' "$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["lines"])')
    curl -s -f -o /dev/null -H "Authorization: Bearer $TOKEN" \
      "http://localhost:$PORT/api/v1/invoices/$number/lines?size=500&page=$(( (lines - 1) / 500 ))"
    t3=$(now)
    counts=$(printf '%s' "$answer" | python3 -c 'import json,sys; a=json.load(sys.stdin); print("%d/%s (GET: the last page)" % (a["lines"], a["total"]))')
  fi
  awk -v r="$rep" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v n="$counts" \
    'BEGIN { printf "%-4s %10.3f %10.3f %8.1f %10.3f %s\n", r, b - a, c - b, (c - b) / (b - a), d - c, n }'
done
grep -o "Invoice .* lines computed.*" "$WORK/app.log" || true
