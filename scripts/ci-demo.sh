#!/usr/bin/env bash
# The tour as an end-to-end smoke test: starts the system the README's way (`npm start`, in the background, in a
# process group of its own), waits until it says it is running, runs `npm run demo` against it, and always stops the
# whole group with SIGINT (what Ctrl-C does), then SIGKILL if anything is left after a minute. Writes the outcome to
# .peduli/test-results/demo.json as one test, so .ci/run's totals line counts it. Exits non-zero when the demo fails,
# the system does not start, or it does not stop.
set -uo pipefail
cd "$(dirname "$0")/.."

START_TIMEOUT=${PEDULI_DEMO_START_TIMEOUT:-300}
DEMO_TIMEOUT=${PEDULI_DEMO_TIMEOUT:-600}
STOP_TIMEOUT=60
LOG_DIR=.peduli/ci
START_LOG=$LOG_DIR/npm-start.log
mkdir -p "$LOG_DIR" .peduli/test-results
START_PID=

record() {
  local passed=$1 failed=$2
  printf '{"workspace":"demo","passed":%d,"failed":%d,"skipped":0,"suites":1,"failedSuites":%d}\n' "$passed" "$failed" "$failed" \
    > .peduli/test-results/demo.json
}

group_alive() {
  [ -n "$START_PID" ] && kill -0 -- "-$START_PID" 2>/dev/null
}

stopped_cleanly=1
stop_system() {
  [ -n "$START_PID" ] || return 0
  if group_alive; then
    echo "Stopping the system (SIGINT to process group $START_PID)…"
    kill -INT -- "-$START_PID" 2>/dev/null || true
    for _ in $(seq 1 "$STOP_TIMEOUT"); do
      group_alive || break
      sleep 1
    done
    if group_alive; then
      echo "Still running after ${STOP_TIMEOUT} s: SIGKILL."
      kill -KILL -- "-$START_PID" 2>/dev/null || true
      stopped_cleanly=0
    fi
  fi
  START_PID=
}
trap stop_system EXIT
trap 'echo "Interrupted."; exit 130' INT TERM

record 0 1 # until it has passed

# The README's way: plain `npm start`. CI exports NODE_ENV=test for the suite; the system runs as in development,
# which is also what seeds the demo users.
echo "Starting the system with npm start (log: $START_LOG)…"
if command -v setsid >/dev/null 2>&1; then
  env -u NODE_ENV setsid npm start > "$START_LOG" 2>&1 < /dev/null &
  START_PID=$!
else
  set -m
  env -u NODE_ENV npm start > "$START_LOG" 2>&1 < /dev/null &
  START_PID=$!
  set +m
fi

started=$SECONDS
until grep -q 'Peduli is running\.' "$START_LOG" 2>/dev/null; do
  if ! kill -0 "$START_PID" 2>/dev/null; then
    echo "npm start exited before the system was ready:"
    tail -n 60 "$START_LOG"
    exit 1
  fi
  if (( SECONDS - started > START_TIMEOUT )); then
    echo "The system was not ready within ${START_TIMEOUT} s:"
    tail -n 60 "$START_LOG"
    exit 1
  fi
  sleep 2
done
echo "The system is running ($((SECONDS - started)) s)."

demo_started=$SECONDS
status=0
timeout --signal=INT --kill-after=30 "$DEMO_TIMEOUT" npm run demo -- --no-colour || status=$?
elapsed=$((SECONDS - demo_started))
if (( status == 124 )); then echo "npm run demo did not finish within ${DEMO_TIMEOUT} s."; fi

stop_system
if (( status != 0 )); then
  echo "npm run demo failed (exit $status, ${elapsed} s). The system's last lines:"
  tail -n 40 "$START_LOG"
  exit 1
fi
if (( stopped_cleanly == 0 )); then
  echo "npm run demo passed (${elapsed} s), but the system did not stop on SIGINT within ${STOP_TIMEOUT} s."
  exit 1
fi
record 1 0
echo "npm run demo passed in ${elapsed} s; the system stopped cleanly."
