#!/usr/bin/env bash
# Measures the time to the first frame and the idle memory (RSS) of Job Monitor, started as:
#   app-image          target/dist/job-monitor, where it was built (with its AppCDS archive)
#   app-image, moved   a copy of it in another folder (the AppCDS archive cannot map there)
#   .deb, unpacked     the newest target/dist/*.deb unpacked with dpkg-deb -x, if there is one
#   java -cp           the JDK's java with the same jars on the class path
#
# Usage: jpackage/measure-startup.sh [RUNS]        (default 5 runs per variant)
# Build first: mvn -Pdist package -DskipTests [-Djpackage.skipInstaller=false]
#
# Each run takes a timestamp in the shell right before exec and reads the delay that the app
# logs when JOBMONITOR_STARTUP_T0 is set: the second pulse after the window is shown, so the
# first frame has been rendered. RSS is read with ps 8 s after that, at the idle sign-in view.
# Every variant first gets one discarded warm-up run, so the page cache is warm and the
# java -cp start has its JavaFX libraries already extracted to ~/.openjfx. Then each round
# starts every variant once. The display is a private Xvfb, so JavaFX renders with its
# software pipeline.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
idle_seconds=8
image=target/dist/job-monitor
[ -x "$image/bin/job-monitor" ] || { echo "$image not found: build it with mvn -Pdist package -DskipTests" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "Xvfb not found: install the Debian package xvfb" >&2; exit 1; }

scratch=$(mktemp -d)
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT

# A private display: Xvfb writes its display number to fd 3 once it accepts clients.
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$scratch/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$scratch/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$scratch/display")"

cp -a "$image" "$scratch/moved"
variants=("app-image|$image/bin/job-monitor" "app-image, moved|$scratch/moved/bin/job-monitor")
deb=$(ls -t target/dist/*.deb 2>/dev/null | head -1 || true)
if [ -n "$deb" ]; then
  dpkg-deb -x "$deb" "$scratch/deb"
  variants+=(".deb, unpacked|$scratch/deb/opt/job-monitor/bin/job-monitor")
fi
classpath="target/jpackage-input/*:target/fxmods/*"
variants+=("java -cp|java -cp $classpath dev.jobmonitor.app.Launcher")

# Starts one run; prints "FIRST_FRAME_MS RSS_MB".
measure() {
  local home=$1; shift
  local log="$scratch/run.log"
  ( export HOME="$home" JOBMONITOR_STARTUP_T0=$(date +%s%3N); exec "$@" ) >"$log" 2>&1 &
  local pid=$! frame=
  for _ in $(seq 600); do
    frame=$(sed -n 's/.*First frame rendered \([0-9]*\) ms.*/\1/p' "$log")
    [ -n "$frame" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$frame" ]; then
    kill "$pid" 2>/dev/null || true
    echo "no first frame logged within 60 s by: $*" >&2
    tail -20 "$log" >&2
    return 1
  fi
  sleep "$idle_seconds"
  local rss_kb
  rss_kb=$(ps -o rss= -p "$pid")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$frame $((rss_kb / 1024))"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# Warm-up runs, then rounds that start each variant once in turn, so that a burst of load
# from other processes spreads over all variants instead of landing on one.
homes=() frames=() rss=()
for index in "${!variants[@]}"; do
  homes[index]="$scratch/home-$index"
  mkdir -p "${homes[index]}"
  read -r -a cmd <<<"${variants[index]#*|}"
  measure "${homes[index]}" "${cmd[@]}" >/dev/null
done
for _ in $(seq "$runs"); do
  for index in "${!variants[@]}"; do
    read -r -a cmd <<<"${variants[index]#*|}"
    read -r frame mb < <(measure "${homes[index]}" "${cmd[@]}") || true
    [ -n "${frame:-}" ] || { echo "a run of ${variants[index]%%|*} failed; its log is above" >&2; exit 1; }
    frames[index]="${frames[index]:-} $frame"
    rss[index]="${rss[index]:-} $mb"
  done
done

echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| start | first frame, median (ms) | first frame, min (ms) | idle RSS, median (MB) | first frame, all runs (ms) |"
echo "|---|---|---|---|---|"
for index in "${!variants[@]}"; do
  read -r -a frame_list <<<"${frames[index]}"
  read -r -a rss_list <<<"${rss[index]}"
  echo "| ${variants[index]%%|*} | $(printf '%s\n' "${frame_list[@]}" | median)" \
    "| $(printf '%s\n' "${frame_list[@]}" | sort -n | head -1)" \
    "| $(printf '%s\n' "${rss_list[@]}" | median) | ${frame_list[*]} |"
done
