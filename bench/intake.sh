#!/usr/bin/env bash
# Intake through the HTTP API: sustained reports/s and p50/p90/p99/max latency from POST to
# stored finding, on the embedded H2 database and on an embedded PostgreSQL (zonky binaries,
# started and stopped by the benchmark). Server and clients run in one JVM on 127.0.0.1 only;
# the clients are a minimal socket HTTP/1.1 client (CLIENT=jdk: java.net.http, as before), and the
# CPU of each thread group (writer, request threads, clients, GC, compiler) is printed per report.
#
#   bench/intake.sh                      20,000 reports, 4 clients, 2,000 warm-up, on h2 and postgres
#   REPORTS=N CLIENTS=C WARMUP=W bench/intake.sh
#   DBS="h2" bench/intake.sh             one database only
#   CLIENT=jdk bench/intake.sh           java.net.http clients instead of the lean socket client
#   SKIP_BUILD=1 bench/intake.sh         reuse truce-bench/target/benchmarks.jar
#   JAVA_OPTS="..." bench/intake.sh      JVM options (default -Xmx1g -XX:+UseG1GC)
#
# The output is also kept in bench/scratch/intake-YYYYmmdd-HHMMSS.txt (git ignores bench/scratch).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

reports=${REPORTS:-20000}
clients=${CLIENTS:-4}
warmup=${WARMUP:-2000}
dbs=${DBS:-h2 postgres}
client=${CLIENT:-lean}
java_opts=${JAVA_OPTS:--Xmx1g -XX:+UseG1GC}
jar=truce-bench/target/benchmarks.jar

if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$jar" ]; then
  echo "intake.sh: building (mvn -q -B -Dstyle.color=never -pl truce-bench -am -DskipTests package)" >&2
  mvn -q -B -Dstyle.color=never -pl truce-bench -am -DskipTests package >&2
fi

mkdir -p bench/scratch
log="bench/scratch/intake-$(date -u +%Y%m%d-%H%M%S).txt"
{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
       "$(nproc) CPUs, $(java -version 2>&1 | head -1)"
  echo "# reports=$reports clients=$clients warmup=$warmup client=$client java_opts=$java_opts"
} | tee "$log"
status=0
for db in $dbs; do
  echo "# load average before $db: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$log"
  # shellcheck disable=SC2086
  if ! java $java_opts -cp "$jar" org.truce.bench.IntakeBenchmark \
      --db "$db" --reports "$reports" --clients "$clients" --warmup "$warmup" --client "$client" 2>&1 | tee -a "$log"; then
    status=1
  fi
  echo "# load average after $db: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$log"
done
echo "intake.sh: output kept in $log" >&2
exit $status
