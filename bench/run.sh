#!/usr/bin/env bash
# Truce against the PostGIS peer on generated data: wall time, throughput, peak memory, answers.
#
#   bench/run.sh [--sizes 1m,4m] [--facilities 50000[,5000,...]] [--runs 3] [--work DIR]
#                [--port N] [--no-peers]
#
#   --sizes       event counts: 20k, 250k, 1m, 2m, 4m or a plain number (default 1m)
#   --facilities  facility counts, e.g. 5000,50000,500000 (default 50000); every size is run
#                 with every facility count
#   --runs        timed runs of each tool per data set (default 3); the table shows medians
#   --work        scratch folder for data, answers, logs and the throwaway cluster
#                 (default bench/scratch, which git ignores)
#   --port        port of the throwaway PostgreSQL (default: first free one from 54329)
#   --no-peers    time Truce only: no PostgreSQL, no peer columns
#
# Each data set is generated once with ../shared/bench/gen.py (seed 1) and kept in the work
# folder; its reference answers (reference.py --grid) are computed once and kept too. Each run
# times the lean PostGIS peer, the default PostGIS peer and `./truce assess`, in an order that
# rotates from run to run, and every output folder is checked with compare.py: any mismatch
# stops the script with exit status 1. The tables go to stdout and to WORK/results-LABEL.md.
#
# Needs python3, a JDK 17 and Maven (for ./truce), GNU time, and PostgreSQL 15 + PostGIS 3,
# which are installed with apt-get when missing and the script runs as root.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared_bench="$repo/../shared/bench"

sizes=1m
facilities=50000
runs=3
work="$repo/bench/scratch"
port=""
peers=1

die() { echo "bench/run.sh: $*" >&2; exit 1; }
usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=${2:?--sizes needs a value}; shift 2 ;;
    --facilities) facilities=${2:?--facilities needs a value}; shift 2 ;;
    --runs) runs=${2:?--runs needs a value}; shift 2 ;;
    --work) work=${2:?--work needs a value}; shift 2 ;;
    --port) port=${2:?--port needs a value}; shift 2 ;;
    --no-peers) peers=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, got '$runs'"
[ -d "$shared_bench" ] || die "../shared/bench not found beside the repository ($shared_bench)"

# "1m" -> 1000000, "250k" -> 250000, "5000" -> 5000
count_of() {
  local v=${1,,}
  case "$v" in
    *[0-9]k) v=${v%k}; [[ "$v" =~ ^[0-9]+$ ]] && echo $((v * 1000)) && return ;;
    *[0-9]m) v=${v%m}; [[ "$v" =~ ^[0-9]+$ ]] && echo $((v * 1000000)) && return ;;
    *) [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" && return ;;
  esac
  die "not a count: '$1' (use e.g. 20k, 1m or 50000)"
}
# 1000000 -> 1m, 250000 -> 250k, 1234 -> 1234
label_of() {
  local n=$1
  if [ "$n" -ge 1000000 ] && [ $((n % 1000000)) -eq 0 ]; then echo "$((n / 1000000))m"
  elif [ "$n" -ge 1000 ] && [ $((n % 1000)) -eq 0 ]; then echo "$((n / 1000))k"
  else echo "$n"; fi
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# ------------------------------------------------------------------------------------ tools
as_root_install() {
  [ "$(id -u)" = 0 ] || die "missing $*; install it (apt-get install -y $*) or run as root"
  if [ -z "${apt_updated:-}" ]; then
    log "apt-get update"
    apt-get update -qq >&2
    apt_updated=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

command -v python3 >/dev/null || as_root_install python3
[ -x /usr/bin/time ] || as_root_install time
command -v java >/dev/null || die "java not found (a JDK 17 is needed)"
if [ "$peers" = 1 ]; then
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || ! command -v psql >/dev/null; then
    as_root_install postgresql-15 postgresql-15-postgis-3
  fi
  ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 \
    || as_root_install postgresql-15-postgis-3
fi

mkdir -p "$work"
work=$(cd "$work" && pwd)

# ----------------------------------------------------------------------------------- data
# The PostGIS peer reads the CSVs with server-side COPY, as the postgres OS user. Make the
# work folder readable by others, and check that every folder above it can be traversed.
postgres_can_read() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    runuser -u postgres -- test -r "$1"
  else
    test -r "$1"
  fi
}

data_ready() {
  local f
  for f in events.csv facilities.csv line_of_contact.geojson agreement.json; do
    [ -s "$1/$f" ] || return 1
  done
}

# make_data N_EVENTS N_FACILITIES DIR: gen.py, seed 1, written aside and moved in place when
# complete, so an interrupted run never leaves a folder that looks finished. events.csv depends
# only on (seed, events), so a data set that differs only in facilities shares it (hard link).
make_data() {
  local n=$1 m=$2 dir=$3 tmp="$3.tmp" sibling="" t
  if data_ready "$dir"; then
    log "data $dir: cached"
    return
  fi
  rm -rf "$tmp"
  for sibling in "$work"/data/e"$(label_of "$n")"-f*; do
    data_ready "$sibling" && break
    sibling=""
  done
  t=$(now)
  if [ -n "$sibling" ]; then
    log "data $dir: gen.py --events 0 --facilities $m, events.csv shared with $sibling"
    python3 "$shared_bench/gen.py" --events 0 --facilities "$m" --seed 1 --out "$tmp" >&2
    ln -f "$sibling/events.csv" "$tmp/events.csv" 2>/dev/null || cp "$sibling/events.csv" "$tmp/events.csv"
  else
    log "data $dir: gen.py --events $n --facilities $m --seed 1"
    python3 "$shared_bench/gen.py" --events "$n" --facilities "$m" --seed 1 --out "$tmp" >&2
  fi
  mv "$tmp" "$dir"
  log "data $dir: ready in $(elapsed "$t" "$(now)") s"
}

# ------------------------------------------------------------------------- throwaway server
pgdata="$work/pgdata"
pg_started=0
cleanup() {
  local rc=$?
  if [ "$pg_started" = 1 ]; then
    log "stopping PostgreSQL"
    "$shared_bench/pg_down.sh" "$pgdata" >/dev/null 2>&1 || echo "bench/run.sh: pg_down.sh failed" >&2
    rm -rf "$pgdata"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
  if [ -f "$pgdata/postmaster.pid" ]; then
    log "a cluster from an earlier run is still in $pgdata: stopping it"
    "$shared_bench/pg_down.sh" "$pgdata" >/dev/null 2>&1 || true
  fi
  rm -rf "$pgdata"
  if [ -z "$port" ]; then
    port=54329
    while port_in_use "$port"; do
      port=$((port + 1))
      [ "$port" -lt 54400 ] || die "no free port in 54329..54399"
    done
  elif port_in_use "$port"; then
    die "port $port is already in use"
  fi
  log "starting PostgreSQL on 127.0.0.1:$port (data in $pgdata)"
  pg_started=1
  "$shared_bench/pg_up.sh" "$pgdata" "$port" >&2
  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres
}

# ------------------------------------------------------------------------------- measuring
# One line per measurement in $tsv: label <TAB> tool <TAB> run <TAB> key <TAB> value
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$1" "$2" "$3" "$4" >> "$tsv"; }

check_answers() {
  local what=$1 out=$2 ref=$3
  if ! python3 "$shared_bench/compare.py" "$ref" "$out" --quiet > "$out.compare.log" 2>&1; then
    cat "$out.compare.log" >&2
    die "$what: answers in $out do NOT agree with the reference $ref (see above)"
  fi
}

run_peer() { # run_peer lean|default RUN
  local variant=$1 i=$2 out="$outs/$1-$2" key value
  rm -rf "$out"
  log "$label run $i: PostGIS peer ($variant)"
  local env=()
  [ "$variant" = lean ] && env=(PEER_EVENTS_GIST=0 PEER_Q1=distinct)
  if ! env "${env[@]}" "$shared_bench/peer_postgis.sh" "$data" "$out" > "$out.log" 2>&1; then
    tail -n 30 "$out.log" >&2
    die "peer_postgis.sh ($variant) failed; log: $out.log"
  fi
  grep -q '^total_s=' "$out.log" || die "no total_s in $out.log"
  while IFS='=' read -r key value; do
    case "$key" in
      setup_s|load_s|index_s|query1_s|query2_s|total_s) record "postgis-$variant" "$i" "$key" "$value" ;;
    esac
  done < "$out.log"
  check_answers "PostGIS $variant run $i" "$out" "$ref"
  log "$label run $i: PostGIS $variant total $(grep '^total_s=' "$out.log" | cut -d= -f2) s, answers OK"
}

run_truce() { # run_truce RUN
  local i=$1 out="$outs/truce-$1" t0 t1 key value
  rm -rf "$out"
  log "$label run $i: truce assess"
  t0=$(now)
  if ! /usr/bin/time -f 'rss_kb=%M wall_s=%e user_s=%U sys_s=%S' -o "$out.time" \
      "$repo/truce" assess --quiet --timings --in "$data" --out "$out" > "$out.stdout" 2> "$out.stderr"; then
    tail -n 30 "$out.stderr" >&2
    die "truce assess failed; stderr: $out.stderr"
  fi
  t1=$(now)
  record truce "$i" total_s "$(elapsed "$t0" "$t1")"
  record truce "$i" rss_kb "$(sed -n 's/.*rss_kb=\([0-9]*\).*/\1/p' "$out.time" | tail -1)"
  record truce "$i" cpu_s "$(awk '/rss_kb=/ { for (k = 1; k <= NF; k++) { split($k, kv, "="); v[kv[1]] = kv[2] }
                                  printf "%.2f", v["user_s"] + v["sys_s"] }' "$out.time")"
  # Phase timings, if this version of truce prints them (phase_NAME_s=X on stderr).
  grep -oE 'phase_[A-Za-z0-9_]+_s=[0-9.]+' "$out.stderr" | while IFS='=' read -r key value; do
    record truce "$i" "$key" "$value"
  done || true
  check_answers "truce run $i" "$out" "$ref"
  if [ -f "$out/findings.jsonl" ]; then
    record truce "$i" findings_bytes "$(stat -c %s "$out/findings.jsonl")"
    # Hundreds of MB per million reports: keep only the last run's.
    if [ "$i" -lt "$runs" ]; then rm -f "$out/findings.jsonl"; fi
  fi
  log "$label run $i: truce total $(elapsed "$t0" "$t1") s, answers OK"
}

# ---------------------------------------------------------------------------------- tables
render() { # render LABEL N_EVENTS N_FACILITIES DATA_DIR
  python3 - "$tsv" "$1" "$2" "$3" "$4/events.csv" "$4/facilities.csv" "$runs" <<'PY'
import os, statistics, sys

tsv, label, n_events, n_fac, events_csv, fac_csv, runs = sys.argv[1:]
n_events, n_fac = int(n_events), int(n_fac)
vals = {}   # (tool, key) -> [values in run order]
order = []  # truce phase names, first seen first
for line in open(tsv, encoding="utf-8"):
    lab, tool, run, key, value = line.rstrip("\n").split("\t")
    if lab != label or value == "":
        continue
    vals.setdefault((tool, key), []).append(float(value))
    if tool == "truce" and key.startswith("phase_") and key not in order:
        order.append(key)

def med(xs):
    return statistics.median(xs)

def cell(xs, fmt="%.2f"):
    if not xs:
        return "–"
    if len(xs) == 1:
        return fmt % xs[0]
    return (fmt + " [" + fmt + "–" + fmt + "]") % (med(xs), min(xs), max(xs))

ev_bytes = os.path.getsize(events_csv)
tools = [("truce", "Truce (`truce assess`)"),
         ("postgis-lean", "PostGIS lean peer"),
         ("postgis-default", "PostGIS default peer")]
truce_total = vals.get(("truce", "total_s"))
out = []
out.append("### %s events / %s facilities (%d run%s each)" % (
    format(n_events, ","), format(n_fac, ","), int(runs), "" if runs == "1" else "s"))
out.append("")
out.append("events.csv: %s bytes (%.1f MB); facilities.csv: %s bytes. Seconds are wall time, "
           "median [min–max]." % (format(ev_bytes, ","), ev_bytes / 1e6,
                                  format(os.path.getsize(fac_csv), ",")))
out.append("")
out.append("| tool / variant | total s | events/s | MB/s of events.csv | peak RSS | CPU s (user+sys) | median / Truce median |")
out.append("| --- | --- | --- | --- | --- | --- | --- |")
for tool, name in tools:
    xs = vals.get((tool, "total_s"))
    if not xs:
        continue
    m = med(xs)
    rss = vals.get((tool, "rss_kb"))
    rss_txt = "%.0f MB" % (med(rss) / 1024) if rss else "–"
    ratio = "%.2f" % (m / med(truce_total)) if truce_total else "–"
    cpu = vals.get((tool, "cpu_s"))
    out.append("| %s | %s | %s | %.1f | %s | %s | %s |" % (
        name, cell(xs), format(round(n_events / m), ","), ev_bytes / 1e6 / m, rss_txt,
        cell(cpu) if cpu else "–", ratio))
out.append("")
out.append("A ratio above 1 means the peer took longer than Truce. Truce's time is the whole command: "
           "launcher, JVM start-up, reading, assessing and writing every output file. Peak RSS and CPU "
           "time are the Java process's (GNU time); the peers' work and memory are in the PostgreSQL "
           "server and are not measured. MB = 10^6 bytes.")
findings = vals.get(("truce", "findings_bytes"))
if findings:
    out.append("")
    out.append("Besides the two answers, Truce wrote findings.jsonl (by default the possible violations and "
               "undetermined assessments, each with its rule trace): %.1f MB per run." % (med(findings) / 1e6))
peer_rows = [(t, n) for t, n in tools[1:] if vals.get((t, "total_s"))]
if peer_rows:
    out.append("")
    out.append("PostGIS phases (seconds, median [min–max]; setup is not part of total):")
    out.append("")
    out.append("| variant | setup | load | index | query1 | query2 | total |")
    out.append("| --- | --- | --- | --- | --- | --- | --- |")
    for tool, name in peer_rows:
        out.append("| %s | %s |" % (name, " | ".join(
            cell(vals.get((tool, k), [])) for k in
            ("setup_s", "load_s", "index_s", "query1_s", "query2_s", "total_s"))))
out.append("")
if order:
    out.append("Truce phases (seconds, median [min–max], as printed by `truce assess`):")
    out.append("")
    out.append("| " + " | ".join(k[len("phase_"):-2] for k in order) + " |")
    out.append("| " + " | ".join("---" for _ in order) + " |")
    out.append("| " + " | ".join(cell(vals.get(("truce", k), [])) for k in order) + " |")
else:
    out.append("Truce phases: this version of `truce assess` prints no `phase_NAME_s=` lines.")
print("\n".join(out))
PY
}

# ------------------------------------------------------------------------------------ main
IFS=',' read -r -a size_list <<< "$sizes"
IFS=',' read -r -a fac_list <<< "$facilities"
sets=()
for s in "${size_list[@]}"; do
  for f in "${fac_list[@]}"; do
    sets+=("$(count_of "$s") $(count_of "$f")")
  done
done

mkdir -p "$work/data" "$work/ref" "$work/runs"
# Read access for the postgres user (server-side COPY): the work folder and what is inside.
chmod a+rX "$work" "$work/data"

for set in "${sets[@]}"; do
  read -r n m <<< "$set"
  make_data "$n" "$m" "$work/data/e$(label_of "$n")-f$(label_of "$m")"
done
chmod -R a+rX "$work/data"

if [ "$peers" = 1 ]; then
  probe="$work/data/e$(label_of "${sets[0]%% *}")-f$(label_of "${sets[0]##* }")/events.csv"
  postgres_can_read "$probe" || die "the postgres OS user cannot read $probe (server-side COPY needs it).
  A folder above the work folder is probably not searchable by others; use --work with a folder
  under /tmp, or chmod o+x the folders above it."
  start_postgres
  postgis=$(psql -X -qAt -d postgres -c "SELECT default_version FROM pg_available_extensions WHERE name = 'postgis'")
  [ -n "$postgis" ] || die "PostGIS is not available to the server"
fi

log "building the jar if needed (log: $work/runs/build.log)"
"$repo/truce" --help > "$work/runs/build.log" 2>&1 || { tail -n 40 "$work/runs/build.log" >&2; die "building truce failed"; }

commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
# Only changes to the engine or its launcher make the commit id a wrong label for the numbers.
if [ -n "$(git -C "$repo" status --porcelain -- truce-core truce-formats truce-cli truce 2>/dev/null)" ]; then
  commit="$commit + uncommitted changes to the engine"
fi
machine_lines() {
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $commit"
  echo "- machine: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM; load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- java: $(java -version 2>&1 | head -1); truce JVM options: ${TRUCE_JAVA_OPTS:-launcher default ($(sed -n "s/.*TRUCE_JAVA_OPTS:-\(.*\)}.*/\1/p" "$repo/truce"))}"
  if [ "$peers" = 1 ]; then
    echo "- peer: $("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/postgres" --version), PostGIS $postgis, settings of ../shared/bench/pg_up.sh"
  fi
  echo "- data: ../shared/bench/gen.py seed 1; $runs timed run(s) per tool, order rotated each run; every output checked with compare.py against reference.py --grid"
}

tsv="$work/runs/measurements.tsv"
: > "$tsv"
for set in "${sets[@]}"; do
  read -r n m <<< "$set"
  label=$(label_of "$n")
  [ "$m" = 50000 ] || label="$label-f$(label_of "$m")"
  data="$work/data/e$(label_of "$n")-f$(label_of "$m")"
  ref="$work/ref/e$(label_of "$n")-f$(label_of "$m")"
  outs="$work/runs/$label"
  rm -rf "$outs"
  mkdir -p "$outs"

  if [ ! -f "$ref/.complete" ]; then
    log "$label: reference answers (reference.py --grid)"
    rm -rf "$ref"
    t=$(now)
    python3 "$shared_bench/reference.py" "$data" "$ref" --grid > "$outs/reference.log" 2>&1 \
      || { tail -n 20 "$outs/reference.log" >&2; die "reference.py failed"; }
    touch "$ref/.complete"
    log "$label: reference ready in $(elapsed "$t" "$(now)") s"
  fi

  header=$(machine_lines)
  cat "$data/events.csv" "$data/facilities.csv" > /dev/null   # warm the page cache
  tools=(truce)
  [ "$peers" = 1 ] && tools=(postgis-lean postgis-default truce)
  for i in $(seq 1 "$runs"); do
    k=${#tools[@]}
    for j in $(seq 0 $((k - 1))); do
      tool=${tools[$(( (i - 1 + j) % k ))]}
      case "$tool" in
        postgis-lean) run_peer lean "$i" ;;
        postgis-default) run_peer default "$i" ;;
        truce) run_truce "$i" ;;
      esac
    done
  done

  result="$work/results-$label.md"
  {
    echo "$header"
    echo "- load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    render "$label" "$n" "$m" "$data"
  } > "$result"
  echo
  cat "$result"
  echo
  log "$label: written to $result"
done
