#!/usr/bin/env bash
# Builds truce-bench/target/benchmarks.jar and runs the JMH micro-benchmarks of the engine's
# inner loops (CSV scan, nearest protected object, distance to the line of contact, the target
# lexicon and its byte-level screen, the path of a report with a listed finding).
#
#   bench/jmh.sh                 short settings: 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement
#   bench/jmh.sh ARGS...         your own JMH arguments instead, e.g. `-f 2 -i 10 CsvScan`
#                                (`bench/jmh.sh -h` lists them)
#
# The output is also kept in bench/scratch/jmh-YYYYmmdd-HHMMSS.txt (git ignores bench/scratch).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

echo "jmh.sh: building truce-bench (mvn -q -B -Dstyle.color=never -pl truce-bench -am -DskipTests package)" >&2
mvn -q -B -Dstyle.color=never -pl truce-bench -am -DskipTests package >&2

if [ $# -eq 0 ]; then
  set -- -f 1 -wi 3 -w 1s -i 5 -r 1s
fi
mkdir -p bench/scratch
log="bench/scratch/jmh-$(date -u +%Y%m%d-%H%M%S).txt"
{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
       "$(nproc) CPUs, $(java -version 2>&1 | head -1)"
  echo "# java -jar truce-bench/target/benchmarks.jar $*"
} | tee "$log"
java -jar truce-bench/target/benchmarks.jar "$@" 2>&1 | tee -a "$log"
echo "jmh.sh: output kept in $log" >&2
