#!/usr/bin/env bash
# Benchmark: the housing planner (Timefold, construction heuristic then local search) against a greedy baseline
# (first fit by the same rule classes), on generated instances: 1,000 arrivals into 256 cells x 80 places holding
# 19,000 pinned prisoners of 3 rival affiliations with 500 keep-apart pairs, and a dense case with 20,000 pairs.
# Prints, per run: seconds until every arrival is placed with no hard rule broken, the soft penalty the arrivals add,
# and the same for greedy, side by side (these 2-core machines are noisy: compare within one run).
#
#   bench/housing-planner.sh [warm-up runs] [measured runs] [time limit seconds]     (needs java 17+)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q -B test-compile
./mvnw -o -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime > /dev/null
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
mkdir -p target/bench
javac -d target/bench -cp "$CP" bench/HousingPlannerBenchmark.java
exec java -Xmx2g -cp "target/bench:$CP" HousingPlannerBenchmark "$@"
