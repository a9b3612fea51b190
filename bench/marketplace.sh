#!/usr/bin/env bash
# Runs the marketplace search benchmark (not part of ./mvnw verify): seeds 100,000 business
# profiles and 400,000 referrals into an embedded PostgreSQL kept in
# target/bench/marketplace-postgres, measures 1,000 varied searches over HTTP and writes
# target/bench/marketplace-results.md. Options: --connections 4 --seconds 30 --warmup 10.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/bench/classpath.txt
exec java -Xms1g -Xmx1g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} \
	-cp "target/classes:target/test-classes:$(cat target/bench/classpath.txt)" \
	org.leadrelay.bench.MarketplaceSearchBenchmark "$@"
