#!/usr/bin/env bash
# Ack-path benchmark (SPEC §9): wrk with 32 connections sends signed /relationship-help slash
# commands (a fixed ephemeral reply) to three servers in turn, on this machine:
#   1. bare Jetty 12 with an HMAC check (the ceiling),
#   2. Slack's stock bolt-jetty 1.45.4 adapter on Jetty 9.4 (the reference),
#   3. Rapport (Jetty 12 + its own Bolt adapter), the real jar with a SQLite file.
# Usage: bench/ack-path.sh [DURATION_SECONDS] [SERVERS]   (needs wrk, openssl; builds what it needs)
#   SERVERS: any of "bare stock rapport" (default all three); RAPPORT_JAVA_OPTS: JVM flags for Rapport.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
SERVERS=${2:-bare stock rapport}
SECRET=bench-signing-secret
FAKE_PORT=39100; BARE_PORT=39101; STOCK_PORT=39102; RAPPORT_PORT=39103
OUT=bench/out; mkdir -p "$OUT"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
[ -f target/rapport.jar ] || mvn -B -q package -DskipTests
[ -d bench/stock-bolt-jetty/target/lib ] || (cd bench/stock-bolt-jetty && mvn -B -q package dependency:copy-dependencies -DoutputDirectory=target/lib)

TS=$(date +%s)
BODY="token=t&team_id=T0BENCH&team_domain=bench&channel_id=C1&channel_name=sales&user_id=U0REP0001&user_name=rep&command=%2Frelationship-help&text=&api_app_id=A1&response_url=http%3A%2F%2F127.0.0.1%3A${FAKE_PORT}%2Fresponse&trigger_id=1.2.3"
SIG="v0=$(printf 'v0:%s:%s' "$TS" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')"
cat > "$OUT/slash.lua" <<LUA
wrk.method = "POST"
wrk.body = "$BODY"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = "$TS"
wrk.headers["X-Slack-Signature"] = "$SIG"
LUA

wait_for() { for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$1/$2" && return 0; sleep 0.2; done; echo "port $1 did not answer"; exit 1; }
check_ok() { code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Content-Type: application/x-www-form-urlencoded" \
  -H "X-Slack-Request-Timestamp: $TS" -H "X-Slack-Signature: $SIG" --data "$BODY" "http://127.0.0.1:$1/slack/events");
  [ "$code" = 200 ] || { echo "port $1 answered $code to a signed request"; exit 1; }; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime of a process, in clock ticks
run() { # name port pid
  wrk -t2 -c32 -d3s -s "$OUT/slash.lua" "http://127.0.0.1:$2/slack/events" >/dev/null   # warm-up
  cpu_before=$(cpu_ticks "$3")
  wrk -t2 -c32 -d"${DURATION}s" --latency -s "$OUT/slash.lua" "http://127.0.0.1:$2/slack/events" > "$OUT/$1.txt"
  cpu_after=$(cpu_ticks "$3")
  rss=$(ps -o rss= -p "$3" | tr -d ' ')
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$1.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/$1.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/$1.txt"); non2xx=${non2xx:-0}
  requests=$(awk '/requests in/ {print $1}' "$OUT/$1.txt")
  # The server's own CPU time per request (user + system): unlike req/s, it hardly moves when
  # other work shares the machine, so it compares servers even on a busy one.
  cpu_us=$(awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
  printf '%-16s %10s req/s   p99 %8s   CPU %4s us/req   non-2xx %s   RSS %s MB\n' "$1" "$rps" "$p99" "$cpu_us" "$non2xx" "$((rss / 1024))"
  kill "$3"; wait "$3" 2>/dev/null || true
}

java bench/FakeSlackApi.java $FAKE_PORT > "$OUT/fake.log" 2>&1 & pids+=($!)
sleep 3

if [[ $SERVERS == *bare* ]]; then
java -cp target/rapport.jar bench/BareJetty.java $BARE_PORT $SECRET > "$OUT/bare.log" 2>&1 & bare=$!; pids+=($bare)
sleep 4; check_ok $BARE_PORT; run bare-jetty $BARE_PORT $bare
fi

if [[ $SERVERS == *stock* ]]; then
java -cp "bench/stock-bolt-jetty/target/stock-bolt-jetty-1.jar:bench/stock-bolt-jetty/target/lib/*" StockBoltJetty \
  $STOCK_PORT $SECRET "http://127.0.0.1:$FAKE_PORT/api/" > "$OUT/stock.log" 2>&1 & stock=$!; pids+=($stock)
sleep 4; check_ok $STOCK_PORT; run stock-bolt-jetty $STOCK_PORT $stock
fi

if [[ $SERVERS == *rapport* ]]; then
rm -f "$OUT/rapport-bench.db"*
SLACK_BOT_TOKEN=xoxb-bench SLACK_SIGNING_SECRET=$SECRET SLACK_API_URL="http://127.0.0.1:$FAKE_PORT/api/" \
  PORT=$RAPPORT_PORT DATABASE_URL="jdbc:sqlite:$OUT/rapport-bench.db" \
  java ${RAPPORT_JAVA_OPTS:-} -jar target/rapport.jar serve > "$OUT/rapport.log" 2>&1 & rapport=$!; pids+=($rapport)
wait_for $RAPPORT_PORT healthz; check_ok $RAPPORT_PORT; run rapport $RAPPORT_PORT $rapport
fi
