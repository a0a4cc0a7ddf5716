#!/usr/bin/env bash
# Ledger appends per second, each in its own transaction, one writer and eight, against one-row inserts into a
# bare table in the same run (the baseline). Runs the whole app on the test's embedded PostgreSQL.
#   bench/ledger-append.sh [appends] [repetitions]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
reps=${2:-1}
rm -f target/bench/ledger-append.txt
for _ in $(seq "$reps"); do
  ./mvnw -o -q -B test -Dtest=LedgerAppendBench -Dbench.appends="$n" -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
done
cat target/bench/ledger-append.txt
