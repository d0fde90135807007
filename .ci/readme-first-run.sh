#!/usr/bin/env bash
# Follows the README on a fresh clone, from `git clone` to a first weekly prompt, with
# .ci/fake_slack.py standing in for slack.com: Quick start (build), "Create the Slack app" steps
# 2–5 (variables in .env, start Rapport and read what it says, Slack's request URL check, the
# admin's setup commands), then prompt-now. Also checks that a token Slack refuses stops Rapport
# with exit 2. Needs git, Maven, Java 17, python3 and openssl. Usage: .ci/readme-first-run.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "README first run FAILED: $*" >&2; for f in "$work"/*.log; do echo "--- $f" >&2; tail -40 "$f" >&2; done; exit 1; }
wait_for() { # wait_for SECONDS DESCRIPTION COMMAND…
  local until=$((SECONDS + $1)) what=$2; shift 2
  until "$@"; do [[ $SECONDS -lt $until ]] || fail "timed out waiting for $what"; sleep 0.3; done
}

echo "== git clone"
git clone -q "$repo" "$work/rapport"
cd "$work/rapport"

echo "== Quick start: mvn package"
mvn -B -q ${MAVEN_OFFLINE:+-o} package -DskipTests > "$work/build.log" 2>&1 || fail "the build"

python3 "$repo/.ci/fake_slack.py" "$work/slack.port" "$work/calls.jsonl" xoxb-copied-wrong > "$work/fake.log" 2>&1 &
pids+=($!)
wait_for 10 "the fake Slack" test -s "$work/slack.port"
api="http://127.0.0.1:$(cat "$work/slack.port")/api/"
base="http://127.0.0.1:$(cat "$work/slack.port")"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

echo "== a wrong token stops Rapport with exit 2"
set +e
env -u SLACK_APP_TOKEN SLACK_BOT_TOKEN=xoxb-copied-wrong SLACK_SIGNING_SECRET=x SLACK_API_URL="$api" PORT=0 \
  DATABASE_URL="jdbc:sqlite:$work/wrong.db" java -jar target/rapport.jar serve > "$work/wrong.log" 2>&1
rc=$?
set -e
[[ $rc -eq 2 ]] || fail "a refused token gave exit $rc, not 2"
grep -q "Slack refused SLACK_BOT_TOKEN (invalid_auth)" "$work/wrong.log" || fail "no clear message for a refused token"

echo "== step 2: the variables, in .env"
secret=readme-signing-secret
cat > .env <<ENV
SLACK_BOT_TOKEN=xoxb-readme-0000
SLACK_SIGNING_SECRET=$secret
SLACK_API_URL=$api
PORT=$port
DATABASE_URL=jdbc:sqlite:$work/rapport.db
RAPPORT_ADMINS=UADMINREADME
ENV

echo "== step 3: start Rapport and read the next step"
env -u SLACK_BOT_TOKEN -u SLACK_SIGNING_SECRET -u SLACK_APP_TOKEN -u SLACK_API_URL -u PORT -u DATABASE_URL \
  -u RAPPORT_ADMINS java -jar target/rapport.jar > "$work/rapport.log" 2>&1 &
pids+=($!)
wait_for 120 "Rapport to say it is connected" grep -q "Rapport is connected to the Slack workspace \"README Test\"" "$work/rapport.log"
grep -q "https://YOUR-HOST/slack/events" "$work/rapport.log" || fail "no request URL in the start-up output"
grep -q "http://localhost:$port" "$work/rapport.log" || fail "the start-up output does not name the port"

sign() { # sign BODY → the two signature headers as curl arguments
  local ts; ts=$(date +%s)
  local sig; sig=$(printf 'v0:%s:%s' "$ts" "$1" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.* //')
  printf '%s\n' "-H" "X-Slack-Request-Timestamp: $ts" "-H" "X-Slack-Signature: v0=$sig"
}

echo "== step 4: Slack verifies the request URL"
body='{"token":"t","challenge":"readme-challenge-42","type":"url_verification"}'
mapfile -t headers < <(sign "$body")
answer=$(curl -s "${headers[@]}" -H 'Content-Type: application/json' --data-binary "$body" "http://127.0.0.1:$port/slack/events")
[[ $answer == *readme-challenge-42* ]] || fail "url_verification answered: $answer"

n=0
command() { # command USER /command TEXT EXPECTED — the reply must contain EXPECTED
  n=$((n + 1))
  local url="$base/response/$n"
  local body; body=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlencode({"token": "t",
    "team_id": "T0README", "team_domain": "readme", "channel_id": "C0GENERAL", "channel_name": "general",
    "user_id": sys.argv[1], "user_name": "someone", "command": sys.argv[2], "text": sys.argv[3],
    "api_app_id": "A0README", "response_url": sys.argv[4], "trigger_id": "1.2." + sys.argv[5]}))' \
    "$1" "$2" "$3" "$url" "$n")
  mapfile -t headers < <(sign "$body")
  local ack; ack=$(curl -s "${headers[@]}" -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-binary "$body" "http://127.0.0.1:$port/slack/events")
  if [[ $ack != *"$4"* ]]; then
    wait_for 20 "the answer to $2 $3" grep -q "\"path\": \"/response/$n\"" "$work/calls.jsonl"
    grep "\"path\": \"/response/$n\"" "$work/calls.jsonl" | grep -qF "$4" || fail "$2 $3 did not answer \"$4\""
  fi
  echo "   $2 $3 ✓"
}

echo "== step 5: set up the team in Slack"
command UADMINREADME /relationship-admin "help" "Getting started with Rapport"
command UADMINREADME /relationship-admin "team create Sales East" "Created team"
command UADMINREADME /relationship-admin "team Sales East manager <@UMGRREADME|ann>" "now manages"
command UADMINREADME /relationship-admin "team Sales East members add <@UREPREADME|bob>" "Added"
command UADMINREADME /relationship-admin "team Sales East channel <#CSALESREADME|sales-east>" "can post there without an invite"
command UADMINREADME /accounts "add \"Acme Pty Ltd\" <@UREPREADME|bob> key" "Added"

echo "== the first weekly prompt"
command UADMINREADME /relationship-admin "prompt-now team Sales East" "1"
wait_for 30 "the rep's weekly prompt" grep -q '"method": "chat.postMessage".*"channel": "DUREPREADME"' "$work/calls.jsonl"
echo "README first run: from git clone to a first weekly prompt in $SECONDS s ✓"
