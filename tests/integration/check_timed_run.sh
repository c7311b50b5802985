#!/usr/bin/env bash
# The workstation runs for a few seconds on the test pattern, then writes a screenshot and a
# stats file in which frames were shown.
set -euo pipefail
program="$1"
out_dir="$2/timed-run"
rm -rf "$out_dir" && mkdir -p "$out_dir"
export HOME="$out_dir"  # keep QSettings of this run out of the user's
"$program" --source test-pattern --fps 30 --quit-after 4 --screenshot "$out_dir/shot.png" --stats "$out_dir/stats.json"
test -s "$out_dir/shot.png" || { echo "FAIL: no screenshot"; exit 1; }
shown=$(sed -n 's/.*"frames_shown": *\([0-9]*\).*/\1/p' "$out_dir/stats.json")
echo "frames shown: $shown"
[[ "${shown:-0}" -ge 5 ]] || { echo "FAIL: too few frames shown"; cat "$out_dir/stats.json"; exit 1; }
