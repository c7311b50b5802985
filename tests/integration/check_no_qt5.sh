#!/usr/bin/env bash
# Fails when any built program links Qt 5 (Qt 5 and Qt 6 in one process crash).
set -euo pipefail
bin_dir="$1"
status=0
count=0
for program in "$bin_dir"/*; do
  [[ -x "$program" && -f "$program" ]] || continue
  count=$((count + 1))
  if ldd "$program" | grep -q 'libQt5'; then
    echo "FAIL: $program links Qt 5:"; ldd "$program" | grep 'libQt5'
    status=1
  fi
done
[[ $count -gt 0 ]] || { echo "FAIL: no programs found in $bin_dir"; exit 1; }
echo "checked $count programs: $([[ $status -eq 0 ]] && echo 'none links Qt 5')"
exit $status
