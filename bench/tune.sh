#!/usr/bin/env bash
# One server setting against flash sales, for tuning (docs/BENCHMARKS.md, "Tuning tried"):
#   bench/tune.sh <label> "<rates>" [COUPON_X=value ...]
# e.g. bench/tune.sh commit-20ms "250 500 1000" COUPON_COMMIT_INTERVAL=20ms
# A fresh all-in-one server with the given environment, a 20 s warm-up at 200/s, then a 15 s flash sale per rate
# (stock three times the rate), 10 s apart; results in bench/target/tune/<label>/. Needs the jars and MariaDB.
set -uo pipefail
cd "$(dirname "$0")/.."
label=$1; rates=$2; shift 2
DIR=$(mktemp -d /tmp/tune.XXXX); OUT=bench/target/tune/$label; mkdir -p $OUT
env COUPON_DATA_DIR=$DIR COUPON_HTTP_HOST=127.0.0.1 COUPON_HTTP_PORT=17070 COUPON_RATE_LIMIT_PER_USER=0 COUPON_RATE_LIMIT_GLOBAL=0 \
  COUPON_EMBEDDED_KAFKA_PORT=19092 COUPON_EMBEDDED_CONTROLLER_PORT=19093 COUPON_CONNECT_PORT=18083 \
  COUPON_MYSQL_URL=jdbc:mariadb://127.0.0.1:3306/coupon_tune "$@" java -jar server/target/coupon-server.jar > $OUT/server.log 2>&1 &
pid=$!
for i in $(seq 1 180); do curl -fsS -o /dev/null http://127.0.0.1:17070/health 2>/dev/null && break; sleep 1; done
first=${rates%% *}
java -jar bench/target/coupon-bench.jar flash-sale --url http://127.0.0.1:17070 --rate 200 --duration 20s --stock 800 --users 200000 > $OUT/warmup.log 2>&1; sleep 10
for r in $rates; do
  java -jar bench/target/coupon-bench.jar flash-sale --url http://127.0.0.1:17070 --rate $r --duration 15s --stock $((r*3)) --users 200000 --out $OUT/fs-$r.json > $OUT/fs-$r.log 2>&1
  echo "$label rate $r: $(grep -E 'P50|P99|achieved' $OUT/fs-$r.log | tr '\n' ' ' | cut -c1-300)"
  grep -E 'latency ms|outcomes' $OUT/fs-$r.log; sleep 10
done
kill $pid; wait $pid 2>/dev/null; rm -rf $DIR
