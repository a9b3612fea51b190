#!/usr/bin/env bash
# Runs the performance harness (not part of ./mvnw verify): seeds 100,000 partner locations and
# 2,000,000 referrals into the embedded PostgreSQL (kept in target/bench/postgres between runs)
# or into SPRING_DATASOURCE_URL, starts LeadRelay in its own JVM, drives it from this one (the
# load generator), measures it beside pgbench baselines, prints the targets of issue 16 with PASS
# or MISS and writes everything to target/bench/results.md. Needs pgbench (Debian: apt-get install
# postgresql-client).
# Options: --connections 32 --seconds 30 --warmup 10
#          --only get,list,create,accept,insights,recommendations,import,sweep
#          --profile get,import (JFR of those scenarios, broken down by layer, with a flame graph)
# JVM options of LeadRelay's process (e.g. a JFR recording:
# BENCH_NODE_JAVA_OPTS=-XX:StartFlightRecording=filename=target/bench/get.jfr) go in
# BENCH_NODE_JAVA_OPTS; LeadRelay's log is target/nodes/bench.log.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/bench/classpath.txt
exec java -Xms512m -Xmx1g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} \
	-cp "target/classes:target/test-classes:$(cat target/bench/classpath.txt)" \
	org.leadrelay.bench.Benchmark "$@"
