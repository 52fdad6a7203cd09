#!/usr/bin/env bash
# Takes the screenshots in this folder from the real app: the launcher with its embedded demo
# backend, on a private Xvfb display, driven with xdotool and captured with ImageMagick.
#
#   docs/screenshots/take.sh [OUT_DIR]
#
# Needs Maven with the project's dependencies, and Debian's xvfb, xdotool and imagemagick.
# OUT_DIR defaults to this folder. The one click goes to a position inside the 1200 x 760
# window that fits the demo's seed data. A change to the main view's layout may need a new
# position below. The fault states come from the test-scope FaultDemoLauncher, which runs the
# demo backend and the app and applies the demo faults written to its standard input.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(cd "${1:-$root/docs/screenshots}" && pwd)
work=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The demo's seed jobs have fixed ids, because the demo's random source has a fixed seed.
BUNDLE_JOB=40423aa1
SINGLE_JOB=8e1fc407
FAILED_JOB=d71ee392
# The "Open job" field, relative to the window's top left corner.
OPEN_JOB_FIELD="236 472"

cd "$root"
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"

display=:$((100 + RANDOM % 800))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
sleep 1

window=""

# Starts the app with the given launcher options and waits for its window.
start_app() {
  rm -rf "$work/data"
  java -cp "target/classes:$(cat "$work/cp.txt")" dev.jobmonitor.app.Launcher \
    --data-dir "$work/data" "$@" >"$work/app.log" 2>&1 &
  app_pid=$!
  wait_for_window
}

# Starts the demo backend and the app with --server, reading fault names from file
# descriptor 3, and waits for the window.
start_fault_demo() {
  rm -rf "$work/data" "$work/faults"
  mkfifo "$work/faults"
  java -cp "target/classes:target/test-classes:$(cat "$work/cp.txt")" \
    dev.jobmonitor.app.FaultDemoLauncher "$work/data" <"$work/faults" >"$work/app.log" 2>&1 &
  app_pid=$!
  exec 3>"$work/faults"
  wait_for_window
}

wait_for_window() {
  for _ in $(seq 1 60); do
    window=$(xdotool search --onlyvisible --name 'Job Monitor' 2>/dev/null | head -1 || true)
    [ -n "$window" ] && break
    sleep 0.5
  done
  if [ -z "$window" ]; then
    echo "take.sh: the app showed no window within 30 s; its log follows" >&2
    cat "$work/app.log" >&2
    exit 1
  fi
  sleep 1.5  # first layout and CSS
}

stop_app() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

fault() {
  echo "$1" >&3
}

sign_in() {
  xdotool key --window "$window" Return
  sleep 2
}

# Selects a job by typing its short id into "Open job".
open_job() {
  xdotool mousemove --window "$window" $OPEN_JOB_FIELD click 1
  xdotool type --delay 20 "$1"
  xdotool key --window "$window" Return
}

shot() {
  import -window "$window" "$out/$1"
  echo "$out/$1"
}

# Real time: the three-strategy bundle runs its second strategy from about 24 s to 39 s
# after start.
start_app
shot sign-in.png
sign_in
open_job "$BUNDLE_JOB"
sleep 25
shot running-bundle.png
stop_app

# Ten times faster: the seed jobs have their outcomes after about 10 s.
start_app --time-factor 0.1
sign_in
open_job "$FAILED_JOB"
sleep 1
shot failed-job.png
sleep 9
open_job "$SINGLE_JOB"
sleep 1
shot succeeded-job.png
open_job "$BUNDLE_JOB"
sleep 1
shot partly-failed-job.png
stop_app

# What the real backend sends today: a "trends" phase at 8 %, then silence.
start_app --profile current
sign_in
open_job "$SINGLE_JOB"
sleep 12
shot current-profile-trends.png
stop_app

# Fault states at real time. The app runs with --server, so the password is typed in, and the
# seed jobs appear only once they are opened by their full ids.
start_fault_demo
xdotool type --delay 20 demo1234
sign_in
for job in $(awk '/^seed / {print $2}' "$work/app.log" | sort -r); do
  open_job "$job"
  sleep 0.7
done
open_job "$BUNDLE_JOB"
sleep 12
fault expire
sleep 3
shot session-expired.png
fault clear
xdotool type --delay 20 demo1234
xdotool key --window "$window" Return
sleep 8
fault rate-limit
sleep 8
shot request-limit.png
exec 3>&-
stop_app
