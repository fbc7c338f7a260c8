#!/usr/bin/env bash
# The one comparison command of issue 6: our pipeline against the article's Redis + MySQL design, same machine,
# same run, same scenarios, correctness checked after every run, then the topology alone, then docs/BENCHMARKS.md
# (its generated section only) and docs/benchmark-latency.png. In order, for each system (ours first):
#   1. cold start: start it (ours on a fresh data folder, the baseline on fresh tables and keys), and the moment
#      its log says "serving on", a COLD_RATE flash sale for COLD_DURATION: how many claims were answered 202
#   2. a WARMUP flash sale, not recorded
#   3. idle latency: IDLE_CLAIMS claims one at a time
#   4. CPU per claim: a CPU_RATE flash sale for CPU_DURATION, sampling utime+stime from /proc of ours' java process
#      (the broker is in it), and of the baseline's java process, mariadbd and redis-server
#   5. one flash sale per rate of RATES and round, alternating A/B/A/B; the steady mix once per round
#   6. both servers stop; the stream-only benchmark with 1 and 2 stream threads
#
#   mvn -q -DskipTests package          # once (the script runs it itself when a jar is missing)
#   bench/run-comparison.sh             # RATES="500 1000 2000 5000" DURATION=20s ROUNDS=2 ...
#   RATES=200 DURATION=5s ROUNDS=1 STEADY_RATE=0 STREAM_CLAIMS=0 CPU_DURATION=5s COLD_DURATION=5s IDLE_CLAIMS=50 \
#     bench/run-comparison.sh           # a quick check that everything runs (figures meaningless)
#
# Every setting is an environment variable; see the defaults below. Needs MariaDB on 127.0.0.1:3306 (root, no
# password) and Redis on 127.0.0.1:6379, as the README's set-up describes.
set -euo pipefail
cd "$(dirname "$0")/.."

RATES=${RATES:-"500 1000 2000 5000"}       # offered claims per second, one flash sale per rate, round and system
DURATION=${DURATION:-20s}                  # each flash-sale run
ROUNDS=${ROUNDS:-2}                        # A/B pairs per rate
USERS=${USERS:-200000}                     # flash-sale users are drawn from 1..USERS
STOCK=${STOCK:-}                           # units per flash sale; empty: a fifth of the run's claims (sells out)
STEADY_RATE=${STEADY_RATE:-${RATES%% *}}   # the steady mix runs once per round and system at this rate; 0 = skip
WARMUP=${WARMUP:-180s}                     # an unrecorded flash sale against each system first: the JIT compiles for minutes
BUDGET=${BUDGET:-80ms}                     # the P99 a rate must hold (the article's figure)
STREAM_CLAIMS=${STREAM_CLAIMS:-200000}     # the stream-only benchmark's timed claims; 0 = skip it
STREAM_WARMUP=${STREAM_WARMUP:-1000000}    # claims the stream-only benchmark decides first, untimed (JIT)
COLD_RATE=${COLD_RATE:-500}                # the cold-start flash sale, sent the moment a server says it is serving
COLD_DURATION=${COLD_DURATION:-15s}
IDLE_CLAIMS=${IDLE_CLAIMS:-500}            # idle latency: claims one at a time on the warm server; 0 = skip
CPU_RATE=${CPU_RATE:-500}                  # CPU per claim: the fixed-rate flash sale sampled from /proc; 0 = skip
CPU_DURATION=${CPU_DURATION:-20s}
# the baseline's sizing (see BaselineSettings): BASELINE_HTTP_THREADS (64), BASELINE_DB_POOL (16)
OURS_PORT=${OURS_PORT:-17070}
BASELINE_PORT=${BASELINE_PORT:-17071}
DOC=${DOC:-docs/BENCHMARKS.md}
CHART=${CHART:-docs/benchmark-latency.png}
OUT=${OUT:-bench/target/comparison-$(date -u +%Y%m%dT%H%M%SZ)}
JAVA=${JAVA:-java}

SERVER_JAR=server/target/coupon-server.jar
BENCH_JAR=bench/target/coupon-bench.jar
if [[ ! -f $SERVER_JAR || ! -f $BENCH_JAR ]]; then
  mvn -q -DskipTests package
fi

mkdir -p "$OUT/results" "$OUT/logs"
RESULTS=$OUT/results
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/coupon-comparison.XXXXXX")
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

millis() { # 20s -> 20000, 500ms -> 500, 2m -> 120000, 20 -> 20000
  case $1 in *ms) echo "${1%ms}" ;; *s) echo $(( ${1%s} * 1000 )) ;; *m) echo $(( ${1%m} * 60000 )) ;; *) echo $(( $1 * 1000 )) ;; esac
}
wait_healthy() { # url name
  for _ in $(seq 1 180); do   # ours formats and starts its broker first: up to a minute on a busy machine
    if curl -fsS -o /dev/null "$1/health" 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "$2 did not become healthy at $1" >&2; exit 2
}
wait_serving() { # log name: until the server's log says it is serving (both print "serving on"), every 50 ms
  for _ in $(seq 1 3600); do
    if grep -q 'serving on' "$1" 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  echo "$2 did not say it was serving within 3 minutes; see $1" >&2; exit 2
}
proc_pid() { # process name -> the oldest pid of that exact name (mariadbd, redis-server), or fail
  pgrep -o -x "$1" || { echo "no $1 process on this machine to sample" >&2; exit 2; }
}
log() { echo "== $*" | tee -a "$OUT/logs/run.log"; }

CHECK_FAILURES=0
bench() { # system scenario result-file args...
  local system=$1 scenario=$2 file=$3; shift 3
  local url="http://127.0.0.1:$OURS_PORT"
  [[ $system == baseline ]] && url="http://127.0.0.1:$BASELINE_PORT"
  local cmd=("$JAVA" -jar "$BENCH_JAR" "$scenario" --system "$system" --url "$url" --users "$USERS" "$@")
  [[ -n $file ]] && cmd+=(--out "$file")
  log "${cmd[*]}"
  local runlog; runlog="$OUT/logs/$system-$scenario-$(date +%s%N).log"
  set +e
  "${cmd[@]}" > "$runlog" 2>&1
  local rc=$?
  set -e
  if [[ $rc -ne 0 && $rc -ne 1 && $file == */cold-start-* ]]; then
    # A server that cannot take the sale yet (e.g. its template not created within --timeout) is a finding of
    # the cold start, not a reason to abort the comparison: the page shows why it did not run.
    local why; why=$(tail -1 "$runlog" | tr -d '"\\')
    printf '{"scenario": "%s", "system": "%s", "failure": "%s"}\n' "$scenario" "$system" "$why" > "$file"
    echo "CHECK FAILED: $system cold start did not run: $why" | tee -a "$OUT/logs/run.log"
    CHECK_FAILURES=$((CHECK_FAILURES + 1))
    return 0
  elif [[ $rc -eq 1 ]]; then
    echo "CHECK FAILED: $system $scenario $*" | tee -a "$OUT/logs/run.log"; CHECK_FAILURES=$((CHECK_FAILURES + 1))
  elif [[ $rc -ne 0 ]]; then
    echo "run failed ($rc): $system $scenario $*; see $OUT/logs" >&2; exit 2
  fi
  # granted == stock and nothing oversold, read back through the system's own HTTP by the generator
  if [[ -n $file && $scenario == flash-sale ]] && ! grep -q '"soldOut" : true' "$file"; then
    echo "CHECK FAILED: $system did not grant its whole stock: $file" | tee -a "$OUT/logs/run.log"
    CHECK_FAILURES=$((CHECK_FAILURES + 1))
  fi
}

# --- the two systems -------------------------------------------------------------------------------------------
OURS_ENV=(COUPON_DATA_DIR="$DATA_DIR/ours" COUPON_HTTP_HOST=127.0.0.1 COUPON_HTTP_PORT="$OURS_PORT"
  COUPON_RATE_LIMIT_PER_USER=0 COUPON_RATE_LIMIT_GLOBAL=0
  COUPON_EMBEDDED_KAFKA_PORT="${OURS_KAFKA_PORT:-19092}" COUPON_EMBEDDED_CONTROLLER_PORT="${OURS_CONTROLLER_PORT:-19093}"
  COUPON_CONNECT_PORT="${OURS_CONNECT_PORT:-18083}" COUPON_MYSQL_URL="jdbc:mariadb://127.0.0.1:3306/coupon_comparison")
BASELINE_ARGS=(baseline --port "$BASELINE_PORT" --database coupon_baseline --fresh
  --http-threads "${BASELINE_HTTP_THREADS:-64}" --db-pool "${BASELINE_DB_POOL:-16}")

run_millis=$(millis "$DURATION")
stock_for() { # rate [millis] -> units: a fifth of the claims of the run, so every run sells out early
  if [[ -n $STOCK ]]; then echo "$STOCK"; else
    local s=$(( $1 * ${2:-$run_millis} / 5000 )); echo $(( s < 1 ? 1 : s )); fi
}

# Each system starts alone, and gets its cold-start flash sale the moment its log says it is serving: the
# other is not yet running, so neither start-up competes with the other's load for the cores.
SERVING_AFTER=()
start_cold() { # system log-file command...
  local system=$1 logfile=$2; shift 2
  log "$* &   # $system"
  local launched; launched=$(date +%s%N)
  "$@" > "$logfile" 2>&1 &
  PIDS+=($!)
  declare -g "${system^^}_PID=$!"
  wait_serving "$logfile" "$system"
  SERVING_AFTER+=("$system $(( ($(date +%s%N) - launched) / 1000000 )) ms")
  bench "$system" flash-sale "$RESULTS/cold-start-$system.json" --rate "$COLD_RATE" --duration "$COLD_DURATION" \
    --stock "$(stock_for "$COLD_RATE" "$(millis "$COLD_DURATION")")"
}
start_cold ours "$OUT/logs/ours-server.log" env "${OURS_ENV[@]}" "$JAVA" -jar "$SERVER_JAR"
wait_healthy "http://127.0.0.1:$OURS_PORT" ours
start_cold baseline "$OUT/logs/baseline-server.log" "$JAVA" -jar "$BENCH_JAR" "${BASELINE_ARGS[@]}"
wait_healthy "http://127.0.0.1:$BASELINE_PORT" baseline

first_rate=${RATES%% *}
for system in ours baseline; do
  bench "$system" flash-sale "" --rate "$first_rate" --duration "$WARMUP" \
    --stock "$(stock_for "$first_rate" "$(millis "$WARMUP")")"
done

if [[ $IDLE_CLAIMS != 0 ]]; then
  for system in ours baseline; do
    bench "$system" idle "$RESULTS/idle-$system.json" --claims "$IDLE_CLAIMS"
  done
fi

# CPU per claim: every process a claim runs through. MariaDB and Redis serve nothing else during the run; ours'
# sink writes to MariaDB too, but off the claim path, and the issue counts ours as the server alone.
if [[ $CPU_RATE != 0 ]]; then
  cpu_millis=$(millis "$CPU_DURATION")
  bench ours flash-sale "$RESULTS/cpu-ours.json" --rate "$CPU_RATE" --duration "$CPU_DURATION" \
    --stock "$(stock_for "$CPU_RATE" "$cpu_millis")" --cpu-pids "server=$OURS_PID"
  bench baseline flash-sale "$RESULTS/cpu-baseline.json" --rate "$CPU_RATE" --duration "$CPU_DURATION" \
    --stock "$(stock_for "$CPU_RATE" "$cpu_millis")" \
    --cpu-pids "server=$BASELINE_PID,mariadbd=$(proc_pid mariadbd),redis-server=$(proc_pid redis-server)"
fi

for rate in $RATES; do
  for round in $(seq 1 "$ROUNDS"); do
    for system in ours baseline; do   # A then B, every round: neither always runs on a warmer machine
      bench "$system" flash-sale "$RESULTS/flash-sale-$(printf %06d "$rate")-$round-$system.json" \
        --rate "$rate" --duration "$DURATION" --stock "$(stock_for "$rate")"
    done
  done
done

if [[ $STEADY_RATE != 0 ]]; then
  for round in $(seq 1 "$ROUNDS"); do
    for system in ours baseline; do
      bench "$system" steady "$RESULTS/steady-$(printf %06d "$STEADY_RATE")-$round-$system.json" \
        --rate "$STEADY_RATE" --duration "$DURATION" --stock 1000000 --templates 20
    done
  done
fi

# Both servers stop before the stream-only runs: those want the machine to themselves.
cleanup
PIDS=()
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/coupon-comparison.XXXXXX")

if [[ $STREAM_CLAIMS != 0 ]]; then
  for threads in 1 2; do
    cmd=("$JAVA" -jar "$BENCH_JAR" stream-only --claims "$STREAM_CLAIMS" --warmup-claims "$STREAM_WARMUP"
      --threads "$threads"
      --out "$RESULTS/stream-only-$threads.json")
    log "${cmd[*]}"
    "${cmd[@]}" > "$OUT/logs/stream-only-$threads.log" 2>&1 || {
      echo "CHECK FAILED or run failed: stream-only, $threads thread(s); see $OUT/logs" | tee -a "$OUT/logs/run.log"
      CHECK_FAILURES=$((CHECK_FAILURES + 1)); }
  done
fi

# --- the page and the chart ------------------------------------------------------------------------------------
{
  echo "- Date: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit \`$(git rev-parse --short HEAD 2>/dev/null || echo unknown)\`"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores ($(grep -c ^processor /proc/cpuinfo) in /proc/cpuinfo)"
  echo "- Memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available at the start"}')"
  echo "- OS: $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- Java: $("$JAVA" -version 2>&1 | head -1)"
  echo "- MariaDB: $(mariadb -h127.0.0.1 -uroot -N -e 'select version()' 2>/dev/null || echo '?'), Redis: $(redis-cli -h 127.0.0.1 info server 2>/dev/null | grep -m1 redis_version | tr -d '\r' || echo '?')"
  echo "- Everything on this one machine: both servers, Kafka (embedded in ours), MariaDB, Redis and the load generator."
  echo "- Settings: RATES=\"$RATES\" DURATION=$DURATION ROUNDS=$ROUNDS USERS=$USERS WARMUP=$WARMUP STEADY_RATE=$STEADY_RATE STREAM_CLAIMS=$STREAM_CLAIMS STREAM_WARMUP=$STREAM_WARMUP COLD_RATE=$COLD_RATE COLD_DURATION=$COLD_DURATION IDLE_CLAIMS=$IDLE_CLAIMS CPU_RATE=$CPU_RATE CPU_DURATION=$CPU_DURATION; stock per flash sale: ${STOCK:-a fifth of the claims of each run}"
  echo "- Said \"serving on\" after launch: $(IFS=,; echo "${SERVING_AFTER[*]}" | sed 's/,/, /g')"
  echo "- CPU per claim: clock ticks of $(getconf CLK_TCK) per second; MariaDB and Redis served nothing but the baseline during its CPU run"
} > "$OUT/machine.md"
grep '^== ' "$OUT/logs/run.log" | sed 's/^== //' > "$OUT/commands.txt"

"$JAVA" -jar "$BENCH_JAR" report --results "$RESULTS" --doc "$DOC" --chart "$CHART" --budget "$BUDGET" \
  --machine "$OUT/machine.md" --commands "$OUT/commands.txt" \
  --title "Comparison run — $(date -u +%Y-%m-%d)"

echo "results in $OUT; $DOC and $CHART written; check failures: $CHECK_FAILURES"
[[ $CHECK_FAILURES -eq 0 ]]
