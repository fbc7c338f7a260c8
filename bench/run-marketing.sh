#!/usr/bin/env bash
# The precision-marketing figures of docs/BENCHMARKS.md in one go: one fresh all-in-one server; claims with and
# without an audience (alternating; the first run PUTs 100,000 profiles), then live claims while an issuance to
# those 100,000 users runs, and the same live load alone. RATE (200), DUR (30s), IRATE (COUPON_ISSUANCE_RATE, 20),
# ONLY=issuance for the issuance part alone.
# Results in bench/target/marketing/. Needs the jars and MariaDB.
set -uo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-200}; DUR=${DUR:-30s}; IRATE=${IRATE:-20}
OUT=bench/target/marketing; rm -rf $OUT; mkdir -p $OUT; DIR=$(mktemp -d /tmp/mkt.XXXX)
env COUPON_DATA_DIR=$DIR COUPON_HTTP_HOST=127.0.0.1 COUPON_HTTP_PORT=17070 COUPON_RATE_LIMIT_PER_USER=0 COUPON_RATE_LIMIT_GLOBAL=0 \
  COUPON_EMBEDDED_KAFKA_PORT=19092 COUPON_EMBEDDED_CONTROLLER_PORT=19093 COUPON_CONNECT_PORT=18083 \
  COUPON_MYSQL_URL=jdbc:mariadb://127.0.0.1:3306/coupon_mkt COUPON_ISSUANCE_RATE=$IRATE \
  java -jar server/target/coupon-server.jar > $OUT/server.log 2>&1 &
pid=$!
for i in $(seq 1 180); do curl -fsS -o /dev/null http://127.0.0.1:17070/health 2>/dev/null && break; sleep 1; done
B="java -jar bench/target/coupon-bench.jar"
U="--url http://127.0.0.1:17070 --users 100000 --system ours"
run() { name=$1; shift; echo "== $(date -u +%T) $name: $*" | tee -a $OUT/commands.txt; $B "$@" $U --out $OUT/$name.json > $OUT/$name.log 2>&1; echo "rc=$?"; grep -E 'latency ms|outcomes|issuance' $OUT/$name.log | cut -c1-400; sleep 5; }
run warm flash-sale --stock 10000 --rate $RATE --duration 20s
if [[ ${ONLY:-} == issuance ]]; then   # ONLY=issuance: the issuance part alone (it loads the profiles itself)
  run issuance issuance-load --profiles 100000 --stock 50000 --rate $RATE --duration $DUR --issuance-wait 0s
else
  run audience-1 flash-sale --audience 0.9 --stock 50000 --rate $RATE --duration $DUR
  run plain-1 flash-sale --stock 50000 --rate $RATE --duration $DUR
  run audience-2 flash-sale --audience 0.9 --load-profiles false --stock 50000 --rate $RATE --duration $DUR
  run plain-2 flash-sale --stock 50000 --rate $RATE --duration $DUR
  run issuance issuance-load --profiles 100000 --load-profiles false --stock 50000 --rate $RATE --duration $DUR \
    --issuance-wait 0s
fi
run live-baseline flash-sale --stock 50000 --rate $RATE --duration $DUR
curl -s http://127.0.0.1:17070/metrics | grep -E '^process_cpu|^jvm_memory_used_bytes\{area="heap"' | head -5 > $OUT/metrics.txt
kill $pid; wait $pid 2>/dev/null; rm -rf $DIR
