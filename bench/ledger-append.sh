#!/usr/bin/env bash
# Ledger appends per second, each in its own transaction, one writer and eight, with the Merkle tree against the
# append as it was before it (the same statements on a copy of ledger_entry), in alternating rounds of one run.
# Runs the whole app on the test's embedded PostgreSQL.
#   bench/ledger-append.sh [appends per round] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-400}
rounds=${2:-5}
rm -f target/bench/ledger-append.txt
./mvnw -o -q -B test -Dtest=LedgerAppendBench -Dbench.appends="$n" -Dbench.rounds="$rounds" \
  -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
cat target/bench/ledger-append.txt
