#!/usr/bin/env bash
# Runs the performance harness (not part of ./mvnw verify): seeds 100,000 partner locations and
# 2,000,000 referrals into the embedded PostgreSQL (kept in target/bench/postgres between runs)
# or into SPRING_DATASOURCE_URL, measures the API beside pgbench baselines and writes
# target/bench/results.md. Needs pgbench (Debian: apt-get install postgresql-client).
# Options: --connections 32 --seconds 30 --warmup 10 --only get,list,create,accept,sweep. Extra JVM options (e.g. a JFR recording:
# BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=target/bench/bench.jfr) go in BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/bench/classpath.txt
exec java -Xms2g -Xmx2g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} \
	-cp "target/classes:target/test-classes:$(cat target/bench/classpath.txt)" \
	org.leadrelay.bench.Benchmark "$@"
