#!/usr/bin/env bash
# make bench-sampler: the lab target (--leak=none) and its downstream under a constant loopback load, watched by
# the sampler at its default cadence for DURATION (default 10m); then the figures of BenchSummary.
# Every process started here is stopped by its pid on exit, whatever happens.
set -euo pipefail
: "${JAVA_HOME:?JAVA_HOME must point at a JDK 25}"
JAVA="$JAVA_HOME/bin/java"
DURATION="${DURATION:-10m}"
RATE="${RATE:-100}"
RUN="${RUN:-runs/bench-sampler-$(date -u +%Y%m%dT%H%M%SZ)}"
SAMPLER_JAVA_OPTS="${SAMPLER_JAVA_OPTS:--Xms64m -Xmx64m -XX:+AlwaysPreTouch -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xcomp}"

seconds() {
  case "$1" in
    *ms) echo 1 ;; *s) echo "${1%s}" ;; *m) echo $(( ${1%m} * 60 )) ;; *h) echo $(( ${1%h} * 3600 )) ;;
    *) echo "DURATION must be a number followed by s, m or h (e.g. 90s, 10m), not '$1'" >&2; exit 2 ;;
  esac
}
DURATION_S=$(seconds "$DURATION")

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

mkdir -p "$RUN/logs"
# Waits for the ready line in log $1 and prints the value of its key $2.
ready_value() {
  local log=$1 key=$2
  for _ in $(seq 1 300); do
    if grep -q ' ready ' "$log" 2>/dev/null; then
      grep ' ready ' "$log" | grep -o " $key=[0-9]*" | head -1 | cut -d= -f2; return 0
    fi
    sleep 0.1
  done
  echo "no ready line in $log" >&2; exit 1
}

"$JAVA" -Xmx128m -jar target-app/target/target-app.jar --role=downstream --port=0 \
  >"$RUN/logs/downstream.out" 2>"$RUN/logs/downstream.log" & PIDS+=($!)
DOWNSTREAM_PORT=$(ready_value "$RUN/logs/downstream.out" port)

"$JAVA" -Xmx512m -XX:NativeMemoryTracking=summary -jar target-app/target/target-app.jar --role=target --leak=none \
  --port=0 --admin-port=0 --downstream="http://127.0.0.1:$DOWNSTREAM_PORT" \
  >"$RUN/logs/target.out" 2>"$RUN/logs/target.log" & PIDS+=($!)
TARGET_PID=$!
PORT=$(ready_value "$RUN/logs/target.out" port)
ADMIN_PORT=$(ready_value "$RUN/logs/target.out" admin-port)

"$JAVA" -Xmx128m -cp sampler/target/test-classes dev.leakhunt.sampler.bench.ConstantLoad \
  "http://127.0.0.1:$PORT" "$RATE" 2>"$RUN/logs/load.log" & PIDS+=($!)

echo "bench-sampler: target pid $TARGET_PID, load $RATE/s, sampler for $DURATION into $RUN (machine shared: figures are indicative)"
# shellcheck disable=SC2086
"$JAVA" $SAMPLER_JAVA_OPTS -jar sampler/target/sampler.jar --pid="$TARGET_PID" --out="$RUN" \
  --metrics-url="http://127.0.0.1:$ADMIN_PORT/metrics" 2>"$RUN/logs/sampler.log" & SAMPLER_PID=$!
PIDS+=("$SAMPLER_PID")
sleep "$DURATION_S"
kill -TERM "$SAMPLER_PID"
wait "$SAMPLER_PID" || { echo "the sampler exited with $?" >&2; exit 1; }

"$JAVA" -cp sampler/target/test-classes:sampler/target/sampler.jar dev.leakhunt.sampler.bench.BenchSummary "$RUN"
