#!/usr/bin/env bash
# The one comparison command of issue 6: our pipeline against the article's Redis + MySQL design, same machine,
# same run, same scenarios, alternating A/B/A/B, correctness checked after every run, then the topology alone,
# then docs/BENCHMARKS.md (its generated section only) and docs/benchmark-latency.png.
#
#   mvn -q -DskipTests package          # once (the script runs it itself when a jar is missing)
#   bench/run-comparison.sh             # RATES="500 1000 2000 5000" DURATION=20s ROUNDS=2 ...
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
WARMUP=${WARMUP:-10s}                      # an unrecorded flash sale against each system first (JIT, pools)
BUDGET=${BUDGET:-80ms}                     # the P99 a rate must hold (the article's figure)
STREAM_CLAIMS=${STREAM_CLAIMS:-200000}     # the stream-only benchmark; 0 = skip it
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
log() { echo "== $*" | tee -a "$OUT/logs/run.log"; }

CHECK_FAILURES=0
bench() { # system scenario result-file args...
  local system=$1 scenario=$2 file=$3; shift 3
  local url="http://127.0.0.1:$OURS_PORT"
  [[ $system == baseline ]] && url="http://127.0.0.1:$BASELINE_PORT"
  local cmd=("$JAVA" -jar "$BENCH_JAR" "$scenario" --system "$system" --url "$url" --users "$USERS" "$@")
  [[ -n $file ]] && cmd+=(--out "$file")
  log "${cmd[*]}"
  set +e
  "${cmd[@]}" > "$OUT/logs/$system-$scenario-$(date +%s%N).log" 2>&1
  local rc=$?
  set -e
  if [[ $rc -eq 1 ]]; then
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
BASELINE_ARGS=(baseline --port "$BASELINE_PORT" --database coupon_baseline --fresh)

log "env ${OURS_ENV[*]} $JAVA -jar $SERVER_JAR &   # ours"
env "${OURS_ENV[@]}" "$JAVA" -jar "$SERVER_JAR" > "$OUT/logs/ours-server.log" 2>&1 &
PIDS+=($!)
log "$JAVA -jar $BENCH_JAR ${BASELINE_ARGS[*]} &   # the baseline"
"$JAVA" -jar "$BENCH_JAR" "${BASELINE_ARGS[@]}" > "$OUT/logs/baseline-server.log" 2>&1 &
PIDS+=($!)
wait_healthy "http://127.0.0.1:$OURS_PORT" ours
wait_healthy "http://127.0.0.1:$BASELINE_PORT" baseline

run_millis=$(millis "$DURATION")
stock_for() { # rate -> units: a fifth of the claims of the run, so every run sells out early
  if [[ -n $STOCK ]]; then echo "$STOCK"; else
    local s=$(( $1 * run_millis / 5000 )); echo $(( s < 1 ? 1 : s )); fi
}

first_rate=${RATES%% *}
for system in ours baseline; do
  bench "$system" flash-sale "" --rate "$first_rate" --duration "$WARMUP" --stock "$(stock_for "$first_rate")"
done

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
    cmd=("$JAVA" -jar "$BENCH_JAR" stream-only --claims "$STREAM_CLAIMS" --threads "$threads"
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
  echo "- Settings: RATES=\"$RATES\" DURATION=$DURATION ROUNDS=$ROUNDS USERS=$USERS WARMUP=$WARMUP STEADY_RATE=$STEADY_RATE STREAM_CLAIMS=$STREAM_CLAIMS; stock per flash sale: ${STOCK:-a fifth of the claims of each run}"
} > "$OUT/machine.md"
grep '^== ' "$OUT/logs/run.log" | sed 's/^== //' > "$OUT/commands.txt"

"$JAVA" -jar "$BENCH_JAR" report --results "$RESULTS" --doc "$DOC" --chart "$CHART" --budget "$BUDGET" \
  --machine "$OUT/machine.md" --commands "$OUT/commands.txt" \
  --title "Comparison run — $(date -u +%Y-%m-%d)"

echo "results in $OUT; $DOC and $CHART written; check failures: $CHECK_FAILURES"
[[ $CHECK_FAILURES -eq 0 ]]
