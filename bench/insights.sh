#!/usr/bin/env bash
# Times the read paths of issue 16 (not part of ./mvnw verify): the insights vendor program view for
# one year over 2,000,000 referrals (org.leadrelay.bench.InsightsBenchmark, data in target/bench/postgres,
# shared with run.sh) or, with "recommendations" as the first argument, recommendations over
# 100,000 locations (org.leadrelay.bench.RecommendationsBenchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
main=org.leadrelay.bench.InsightsBenchmark
if [[ "${1:-}" == "recommendations" ]]; then main=org.leadrelay.bench.RecommendationsBenchmark; shift; fi
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/bench/classpath.txt
exec java -Xms1g -Xmx2g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} \
	-cp "target/classes:target/test-classes:$(cat target/bench/classpath.txt)" "$main" "$@"
