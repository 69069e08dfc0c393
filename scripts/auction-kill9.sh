#!/usr/bin/env bash
# kill -9 of the host during bidding and at the close of an auction lot (issue 13), repeated.
#
# Runs the built host (Debug, `dotnet build` first) on a fresh SQLite data directory in demo mode, signs in the two demo
# bidders registered on the demo's running lot and lets several bid loops race on it over HTTP. Each round kills the host
# with SIGKILL at a random moment while bids are in flight, restarts it and checks, in the database itself:
#   - every acknowledged bid (HTTP 201: sequence + amount) is in the bid log, accepted, with that amount;
#   - nothing half applied: the log's sequence is gap-free and ends at the lot's LastSequence, the lot's high bid, accepted
#     count and effective close equal what the log says, each accepted bid k × increment above the previous one,
#     refused bids never moved the close;
# The close rounds open a new lot and move its close to 25 s after the restarted host is ready (host stopped, as an operator's test set-up); the host
# runs with a 3 s anti-sniping window (Exchange__Auctions__ExtensionWindow), the bidders raise until a moment drawn
# around the scheduled end and then keep sending refused bids, and the host is killed at a moment drawn from
# [effective close − 1.5 s, effective close + 1.5 s] while bids are still arriving (the answers of the last 2 s before
# the kill are printed). After the restart: the lot is closed exactly once (one audited status change, one result notice
# per registrant), at or after its effective close, with the last accepted bid as winner and hammer price and the
# deposits settled (a NoSale holds none, a sale the winner's and the runner-up's at most); no bid was accepted at or after
# the close it saw; every acknowledged bid is in the log and the lot equals its log.
#
# usage: scripts/auction-kill9.sh [bidding-rounds=5] [close-rounds=3]     (prints one line per round, exit 1 on a failure)
set -euo pipefail
ROUNDS=${1:-5}
CLOSE_ROUNDS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DLL="$ROOT/src/TechTransfer.Web/bin/Debug/net10.0/TechTransfer.Web.dll"
[ -f "$DLL" ] || { echo "build first: dotnet build TechTransfer.slnx" >&2; exit 2; }
PORT=${KILL9_PORT:-5391}
URL="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/tt-kill9.XXXXXX)
DATA="$WORK/data"
mkdir -p "$DATA"
HOST_PID=""
fail() { echo "FAIL: $*" >&2; [ -n "$HOST_PID" ] && kill -9 "$HOST_PID" 2>/dev/null; exit 1; }

trap '[ -n "$HOST_PID" ] && kill -9 "$HOST_PID" 2>/dev/null' EXIT
if curl -fs -m 2 "$URL/health" >/dev/null 2>&1; then echo "port $PORT is in use (KILL9_PORT=…)" >&2; exit 2; fi

START_SECONDS=20
start_host() {
  local t0
  t0=$(date -u +%s)
  (cd "$ROOT/src/TechTransfer.Web" && ASPNETCORE_URLS="$URL" Platform__Mode=Demo Storage__Provider=Sqlite Storage__DataDirectory="$DATA" \
    Security__Login__PerUserName=1000 Security__Login__PerAddress=1000 Exchange__Auctions__ExtensionWindow=00:00:03 \
    exec dotnet "$DLL" >>"$WORK/host.log" 2>&1) &
  HOST_PID=$!
  for _ in $(seq 1 600); do
    if curl -fs "$URL/health" >/dev/null 2>&1; then
      # access tokens live 5 minutes: sign in again after every start; then warm the host up (cold requests are slow)
      ZX=$(token enterprise.zhixin); LN=$(token enterprise.lvneng); OP=$(token exchange.operator)
      [ -n "${LOT:-}" ] && curl -fs -m 60 -o /dev/null -H "Authorization: Bearer $ZX" "$URL/api/v1/auctions/$LOT"
      START_SECONDS=$(( $(date -u +%s) - t0 ))
      return 0
    fi
    kill -0 "$HOST_PID" 2>/dev/null || fail "host exited; see $WORK/host.log"
    sleep 0.5
  done
  fail "host did not become healthy"
}

kill_host() { kill -9 "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; HOST_PID=""; }

token() {
  curl -fs -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"Demo@2027tt\"}" "$URL/api/v1/auth/login" | jq -r .accessToken
}

DB() { sqlite3 -cmd ".timeout 30000" "$DATA/techtransfer.db" "$@"; }

# one bidder's loop: read the lot, bid high + k × increment (k random 1..3, sometimes a malformed step), log every 201
bid_loop() {
  local tok=$1 lot=$2 out=$3
  while [ ! -f "$WORK/stop" ]; do
    local next amount body code
    next=$(curl -fs -m 30 -H "Authorization: Bearer $tok" "$URL/api/v1/auctions/$lot" | jq -r '.nextValidAmounts[0] // empty' 2>/dev/null) || { sleep 0.05; continue; }
    [ -n "$next" ] || { sleep 0.05; continue; }
    amount=$(echo "$next + 10000 * ($RANDOM % 3)" | bc)
    body=$(curl -s -m 15 -o - -w '\n%{http_code}' -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
      -d "{\"amount\":$amount}" "$URL/api/v1/auctions/$lot/bids" 2>/dev/null) || continue
    code=$(tail -n1 <<<"$body")
    [ "$code" = "201" ] && head -n -1 <<<"$body" | jq -c '{sequence, amount}' >>"$out"
  done
}

# a close round's bidder: raises (next valid amount) until the time in $WORK/raise-until, then sends the high bid again
# (refused: not an increment above it); every answer is written with its time (ms) and status
close_bid_loop() {
  local tok=$1 lot=$2 out=$3 answers=$4 until
  until=$(cat "$WORK/raise-until")
  while [ ! -f "$WORK/stop" ]; do
    local st next amount body code
    st=$(curl -fs -m 30 -H "Authorization: Bearer $tok" "$URL/api/v1/auctions/$lot") || { sleep 0.05; continue; }
    next=$(jq -r '.nextValidAmounts[0] // empty' <<<"$st" 2>/dev/null)
    if [ "$(date -u +%s)" -lt "$until" ] && [ -n "$next" ]; then amount=$next
    else amount=$(jq -r '.highBid // .startingPrice' <<<"$st"); fi
    body=$(curl -s -m 15 -o - -w '\n%{http_code}' -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
      -d "{\"amount\":$amount}" "$URL/api/v1/auctions/$lot/bids" 2>/dev/null) || continue
    code=$(tail -n1 <<<"$body")
    echo "$(date -u +%s%3N) $code" >>"$answers"
    [ "$code" = "201" ] && head -n -1 <<<"$body" | jq -c '{sequence, amount}' >>"$out"
  done
}

check() { # $1 = lot, $2 = acknowledged file, $3 = label
  local lot=$1 acked=$2 label=$3 lotHex n
  lotHex=$(DB "SELECT Id FROM exch_auction_lots WHERE LOWER(Id)=LOWER('$lot')")
  [ -n "$lotHex" ] || fail "$label: lot $lot not in the database"
  # every acknowledged bid is in the log, accepted, with its amount
  n=0
  while read -r line; do
    [ -n "$line" ] || continue
    local seq amt found
    seq=$(jq -r .sequence <<<"$line"); amt=$(jq -r .amount <<<"$line")
    found=$(DB "SELECT COUNT(*) FROM exch_auction_bids WHERE LotId='$lotHex' AND Sequence=$seq AND Accepted=1 AND CAST(Amount AS REAL)=CAST('$amt' AS REAL)")
    [ "$found" = "1" ] || fail "$label: acknowledged bid #$seq ¥$amt is not in the log"
    n=$((n + 1))
  done <"$acked"
  # nothing half applied: the lot and its log agree
  local count maxseq last accepted high lastAccepted
  count=$(DB "SELECT COUNT(*) FROM exch_auction_bids WHERE LotId='$lotHex'")
  maxseq=$(DB "SELECT COALESCE(MAX(Sequence),0) FROM exch_auction_bids WHERE LotId='$lotHex'")
  last=$(DB "SELECT LastSequence FROM exch_auction_lots WHERE Id='$lotHex'")
  [ "$count" = "$maxseq" ] && [ "$maxseq" = "$last" ] || fail "$label: log has $count rows up to #$maxseq, lot says #$last"
  accepted=$(DB "SELECT COUNT(*) FROM exch_auction_bids WHERE LotId='$lotHex' AND Accepted=1")
  [ "$accepted" = "$(DB "SELECT AcceptedBids FROM exch_auction_lots WHERE Id='$lotHex'")" ] || fail "$label: accepted count differs"
  high=$(DB "SELECT CAST(HighBid AS REAL) FROM exch_auction_lots WHERE Id='$lotHex'")
  lastAccepted=$(DB "SELECT CAST(Amount AS REAL) FROM exch_auction_bids WHERE LotId='$lotHex' AND Accepted=1 ORDER BY Sequence DESC LIMIT 1")
  [ "$accepted" = "0" ] || [ "$high" = "$lastAccepted" ] || fail "$label: high bid $high but last accepted $lastAccepted"
  [ "$(DB "SELECT COUNT(*) FROM exch_auction_bids WHERE LotId='$lotHex' AND Accepted=0 AND CloseBefore<>CloseAfter")" = "0" ] \
    || fail "$label: a refused bid moved the close"
  [ "$(DB "SELECT COUNT(*) FROM exch_auction_bids b JOIN exch_auction_bids p ON p.LotId=b.LotId AND p.Sequence=b.Sequence-1 WHERE b.LotId='$lotHex' AND b.CloseBefore<>p.CloseAfter")" = "0" ] \
    || fail "$label: a bid did not start from the close the previous one left"
  [ "$count" = "0" ] || [ "$(DB "SELECT EffectiveCloseAt FROM exch_auction_lots WHERE Id='$lotHex'")" = "$(DB "SELECT CloseAfter FROM exch_auction_bids WHERE LotId='$lotHex' ORDER BY Sequence DESC LIMIT 1")" ] \
    || fail "$label: the lot's effective close is not the log's last close"
  local steps
  steps=$(DB "SELECT COUNT(*) FROM (SELECT Amount - LAG(Amount) OVER (ORDER BY Sequence) AS step FROM exch_auction_bids WHERE LotId='$lotHex' AND Accepted=1) WHERE step IS NOT NULL AND (step <= 0 OR CAST(step * 100 AS INTEGER) % 1000000 <> 0)")
  [ "$steps" = "0" ] || fail "$label: $steps accepted bids are not k × increment above the previous"
  echo "$label: $n acknowledged bids all in the log; log $count bids ($accepted accepted), gap-free and consistent with the lot"
}

start_host
[ "$ZX" != "null" ] && [ "$LN" != "null" ] || fail "demo bidders could not sign in"
LOT=$(curl -fs -H "Authorization: Bearer $ZX" "$URL/api/v1/auctions?phase=Bidding" | jq -r '.items[0].id')
[ "$LOT" != "null" ] || fail "no running demo lot"
ACKED="$WORK/acked.jsonl"; : >"$ACKED"

round() { # $1 label, $2 seconds before the kill
  rm -f "$WORK/stop"
  local pids=()
  for t in "$ZX" "$LN" "$ZX" "$LN" "$ZX" "$LN"; do bid_loop "$t" "$LOT" "$ACKED" & pids+=($!); done
  sleep "$2"
  kill_host
  touch "$WORK/stop"
  wait "${pids[@]}" 2>/dev/null || true
  start_host
  check "$LOT" "$ACKED" "$1"
}

for r in $(seq 1 "$ROUNDS"); do
  round "bidding round $r" "$((3 + RANDOM % 5)).$((RANDOM % 10))"
done

LOT_JSON=$(curl -fs -H "Authorization: Bearer $ZX" "$URL/api/v1/auctions/$LOT")
ACH=$(jq -r '.objectIds[0]' <<<"$LOT_JSON"); CONSIGNOR=$(jq -r .consignorOrganizationId <<<"$LOT_JSON")
ACROSS=0
for r in $(seq 1 "$CLOSE_ROUNDS"); do
  # a new lot (announced 8 days ahead, both bidders registered through the API), then, host stopped, made to run now
  # and to close 25 seconds after the restarted host is ready: the test's set-up, as a clock would bring it
  starts=$(date -u -d '+8 days' '+%Y-%m-%dT%H:%M:%SZ'); ends=$(date -u -d '+8 days 2 hours' '+%Y-%m-%dT%H:%M:%SZ')
  CLOSE_LOT=$(curl -fs -H "Authorization: Bearer $OP" -H 'Content-Type: application/json' -d "{\"title\":\"kill -9 close round $r\",\"objectType\":\"Achievement\",
    \"achievementId\":\"$ACH\",\"consignorOrganizationId\":\"$CONSIGNOR\",\"startingPrice\":100000,\"reservePrice\":null,\"noReserve\":true,
    \"increment\":10000,\"startsAt\":\"$starts\",\"endsAt\":\"$ends\"}" "$URL/api/v1/auctions" | jq -r .id)
  [ -n "$CLOSE_LOT" ] && [ "$CLOSE_LOT" != "null" ] || fail "close round $r: could not open a lot"
  for t in "$ZX" "$LN"; do
    curl -fs -o /dev/null -H "Authorization: Bearer $t" -H 'Content-Type: application/json' -d '{"acceptTerms":true}' "$URL/api/v1/auctions/$CLOSE_LOT/registrations" \
      || fail "close round $r: registration failed"
  done
  kill_host
  row=$(DB "SELECT Id FROM exch_auction_lots WHERE LOWER(Id)=LOWER('$CLOSE_LOT')")
  # SQLite keeps instants as UTC .NET ticks
  past=$(( ($(date -u +%s) - 3600) * 10000000 + 621355968000000000 ))
  # the close comes 25 s after the restarted host is ready to take bids (as long as the last start took on this machine)
  closeAt=$(( ($(date -u +%s) + START_SECONDS + 25) * 10000000 + 621355968000000000 ))
  DB "UPDATE exch_auction_lots SET StartsAt='$past', EndsAt='$closeAt', EffectiveCloseAt='$closeAt' WHERE Id='$row'"
  start_host
  ACKED_CLOSE="$WORK/acked-close-$r.jsonl"; : >"$ACKED_CLOSE"
  ANSWERS="$WORK/answers-close-$r.txt"; : >"$ANSWERS"
  # the bidders raise until a moment drawn around the scheduled end (±3 s; with the 3 s anti-sniping window of this
  # host, accepted bids move the close), then keep sending bids that are refused (the high bid again), which never
  # move the close — so the close comes while bids are still arriving, and bids keep arriving after it (409 closed)
  echo "$(( ${closeAt} / 10000000 - 62135596800 - 3 + RANDOM % 7 ))" >"$WORK/raise-until"
  rm -f "$WORK/stop"
  pids=()
  for t in "$ZX" "$LN" "$ZX" "$LN"; do close_bid_loop "$t" "$CLOSE_LOT" "$ACKED_CLOSE" "$ANSWERS" & pids+=($!); done
  # kill -9 at a moment drawn from [effective close − 1.5 s, effective close + 1.5 s] (the close read from the database,
  # extensions included, until the moment comes)
  offset_ms=$(( RANDOM % 3001 - 1500 ))
  while :; do
    eff=$(DB "SELECT EffectiveCloseAt FROM exch_auction_lots WHERE Id='$row'")
    now_ms=$(date -u +%s%3N)
    eff_ms=$(( (eff - 621355968000000000) / 10000 ))
    [ "$now_ms" -ge $(( eff_ms + offset_ms )) ] && break
    sleep 0.1
  done
  kill_ms=$(date -u +%s%3N)
  kill_host
  touch "$WORK/stop"
  wait "${pids[@]}" 2>/dev/null || true
  # what reached the bidders in the 2 s before the kill (answers, by status)
  recent=$(awk -v k="$kill_ms" '$1 >= k - 2000 && $1 <= k {c[$2]++} END {for (s in c) printf "%s×%d ", s, c[s]}' "$ANSWERS")
  start_host
  for _ in $(seq 1 120); do
    status=$(DB "SELECT Status FROM exch_auction_lots WHERE Id='$row'")
    [ "$status" = "2" ] || [ "$status" = "3" ] && break
    sleep 0.5 # the close job runs at start and every second
  done
  [ "$status" = "2" ] || [ "$status" = "3" ] || fail "close round $r: lot not closed after the restart (status $status)"
  closes=$(DB "SELECT COUNT(*) FROM platform_audit_entries WHERE EntityType='AuctionLot' AND LOWER(EntityId)=LOWER('$CLOSE_LOT') AND Action<>'Added' AND \"After\" LIKE '%\"Status\"%'")
  [ "$closes" = "1" ] || fail "close round $r: $closes audited status changes (want exactly 1)"
  regs=$(DB "SELECT COUNT(*) FROM exch_auction_registrations WHERE LotId='$row'")
  results=$(DB "SELECT COUNT(*) FROM platform_notifications WHERE Link='/exchange/auctions/$CLOSE_LOT' AND (TitleEn LIKE 'You won%' OR TitleEn LIKE '%sold at%' OR TitleEn LIKE '%closed without a sale%') AND RecipientUserId IN (SELECT UserId FROM exch_auction_registrations WHERE LotId='$row')")
  [ "$results" = "$regs" ] || fail "close round $r: $results result notices for $regs registrants"
  late=$(DB "SELECT COUNT(*) FROM exch_auction_bids WHERE LotId='$row' AND Accepted=1 AND At >= CloseBefore")
  [ "$late" = "0" ] || fail "close round $r: $late bids accepted at or after the close they saw"
  # the close itself applied whole: winner = the last accepted bid (no reserve), deposits settled with it
  accepted=$(DB "SELECT COUNT(*) FROM exch_auction_bids WHERE LotId='$row' AND Accepted=1")
  closedAt=$(DB "SELECT ClosedAt FROM exch_auction_lots WHERE Id='$row'"); effAt=$(DB "SELECT EffectiveCloseAt FROM exch_auction_lots WHERE Id='$row'")
  [ "$closedAt" -ge "$effAt" ] || fail "close round $r: closed at $closedAt before the effective close $effAt"
  held=$(DB "SELECT COUNT(*) FROM exch_auction_registrations WHERE LotId='$row' AND DepositStatus=1")
  if [ "$accepted" = "0" ]; then
    [ "$status" = "3" ] && [ "$held" = "0" ] || fail "close round $r: no accepted bid but status $status, $held deposits held"
  else
    [ "$status" = "2" ] || fail "close round $r: $accepted accepted bids on a lot without reserve but no sale"
    [ "$(DB "SELECT COUNT(*) FROM exch_auction_lots l WHERE l.Id='$row' AND l.WinnerUserId=(SELECT BidderUserId FROM exch_auction_bids WHERE LotId='$row' AND Accepted=1 ORDER BY Sequence DESC LIMIT 1) AND CAST(l.HammerPrice AS REAL)=(SELECT CAST(Amount AS REAL) FROM exch_auction_bids WHERE LotId='$row' AND Accepted=1 ORDER BY Sequence DESC LIMIT 1)")" = "1" ] \
      || fail "close round $r: winner or hammer price is not the last accepted bid"
    [ "$held" -ge 1 ] && [ "$held" -le 2 ] || fail "close round $r: $held deposits held after a sale (winner, and the runner-up while it may be offered the lot)"
  fi
  kill_vs_close=$(( kill_ms - (effAt - 621355968000000000) / 10000 ))
  closed_ms=$(( (closedAt - 621355968000000000) / 10000 ))
  if [ "$closed_ms" -le "$kill_ms" ]; then who="closed by the killed host $(( kill_ms - closed_ms )) ms before the kill"; else who="closed by the restarted host"; fi
  if [ "$kill_vs_close" -ge -2000 ] && [ -n "$recent" ]; then ACROSS=$((ACROSS + 1)); fi
  echo "close round $r: killed $kill_vs_close ms from the effective close; answers in the 2 s before the kill: ${recent:-none}; $who; status $status, $accepted accepted bids, 1 audited close, $results result notices for $regs registrants, $held deposits held"
  check "$CLOSE_LOT" "$ACKED_CLOSE" "close round $r"
done
[ "$CLOSE_ROUNDS" = "0" ] || echo "close rounds with bids answered within 2 s before a kill that landed within 2 s of the close or after it: $ACROSS of $CLOSE_ROUNDS"
kill_host
echo "all rounds passed; work files in $WORK"
