#!/bin/sh
# Runs the header fuzzer briefly: seed corpus = the headers of the real PLUS files (made here,
# never committed). Usage: run_fuzz.sh FUZZER PLUS_DATA_DIR WORK_DIR [RUNS]
set -eu
fuzzer=$1 data=$2 work=$3 runs=${4:-20000}
rm -rf "$work" && mkdir -p "$work/corpus"
if [ -d "$data" ]; then
  for file in "$data"/*.mha "$data"/*.mhd "$data"/*.nrrd; do
    [ -f "$file" ] || continue
    name=$(basename "$file")
    case "$file" in
      *.nrrd) awk 'NF == 0 { exit } { print }' "$file" > "$work/corpus/$name.header" ;;
      *) awk '{ print } /^ElementDataFile/ { exit }' "$file" > "$work/corpus/$name.header" ;;
    esac
    # A short seed too: the first 40 lines, so mutations reach the end of a header quickly.
    head -n 40 "$work/corpus/$name.header" > "$work/corpus/$name.short"
  done
else
  echo "note: $data absent; fuzzing from an empty corpus"
fi
echo "seed corpus: $(ls "$work/corpus" | wc -l) files"
"$fuzzer" -runs="$runs" -max_total_time=60 -max_len=65536 -rss_limit_mb=2048 -malloc_limit_mb=512 \
  -artifact_prefix="$work/" "$work/corpus"
