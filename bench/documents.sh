#!/usr/bin/env bash
# Benchmark of documents (issue 19), release CLI, medians of 5 where a step repeats:
#  - adding 1,000 files of 100 KB in one `document add` (time per file, database growth
#    against the files' size),
#  - reading a 20 MB PDF out of the database (`document get`, net of the command's start),
#  - backup create / verify / restore of an installation holding 1 GB of documents, each as
#    a ratio to the floor of the stack (read + XChaCha20-Poly1305 + write + fsync of the
#    same database file, crates/core/examples/backup_floor.rs) measured in the same run.
#   bench/documents.sh [GIB]     default 1 GB of documents for the backup figures
set -euo pipefail
cd "$(dirname "$0")/.."
gib="${1:-1}"
cargo build --quiet --release -p dpo-desk-cli
cargo build --quiet --release -p dpo-desk-core --example backup_floor
cli="$PWD/target/release/dpo-desk-cli"
floor="$PWD/target/release/examples/backup_floor"
work=$(mktemp -d "${TMPDIR:-/tmp}/dpo-documents-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export OWNER_PW='Benchmark-Passwort-2026' DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent
data="$work/data"
RK=$("$cli" --data-dir "$data" --json --password-env OWNER_PW init --office "Kanzlei Benchmark" --owner admin \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["recovery_key"])')
export RK
run() { "$cli" --data-dir "$data" --user admin --password-env OWNER_PW --recovery-key-env RK "$@"; }
run tenant add "Akten" >/dev/null
db="$data/dpo-desk.db"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); awk -v s="$s" -v e="$e" "BEGIN { print e - s }"; }
# The database file with its write-ahead log folded in (a command that only reads does it).
db_size() { run backup list >/dev/null; stat -c %s "$db"; }

# 1,000 files of 100 KB, each with bytes of its own (random: nothing to compress).
mkdir -p "$work/small"
python3 - "$work/small" <<'PY'
import os, sys
for i in range(1000):
    with open(os.path.join(sys.argv[1], f"Nachweis {i:04}.pdf"), "wb") as f:
        f.write(os.urandom(100 * 1024))
PY
before=$(db_size)
start_times=()
for i in 1 2 3 4 5; do start_times+=("$(seconds run backup list)"); done
start_m=$(printf '%s\n' "${start_times[@]}" | median)
add_s=$(seconds run document add --tenant 1 --folder /Nachweise "$work"/small/*.pdf)
after=$(db_size)
awk -v t="$add_s" -v s="$start_m" -v b="$before" -v a="$after" 'BEGIN {
  files = 1000 * 100 * 1024
  printf "add 1,000 × 100 KB   %6.2f s (%.1f ms per file, net of start)   database +%.1f MiB for %.1f MiB of files (%.3f ×)\n",
    t, (t - s) * 1000 / 1000, (a - b) / 1048576, files / 1048576, (a - b) / files }'

# A 20 MB PDF, read back out of the database.
python3 -c "import os,sys; open(sys.argv[1],'wb').write(b'%PDF-1.7\n' + os.urandom(20*1024*1024))" "$work/Scan 20 MB.pdf"
id=$(run --json document add --tenant 1 --folder /Scans "$work/Scan 20 MB.pdf" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
get_times=()
for i in 1 2 3 4 5; do
  get_times+=("$(seconds run document get "$id" --to "$work/out.pdf")")
  cmp -s "$work/out.pdf" "$work/Scan 20 MB.pdf" || { echo "the 20 MB PDF did not come back byte for byte" >&2; exit 1; }
done
get_m=$(printf '%s\n' "${get_times[@]}" | median)
awk -v g="$get_m" -v s="$start_m" 'BEGIN { printf "open a 20 MB PDF     median %6.2f s, net %6.3f s\n", g, g - s }'

# Documents up to GIB: 20 MB files in one command.
count=$(( gib * 1024 / 20 ))
mkdir -p "$work/big"
python3 - "$work/big" "$count" <<'PY'
import os, sys
for i in range(int(sys.argv[2])):
    with open(os.path.join(sys.argv[1], f"Archiv {i:03}.pdf"), "wb") as f:
        f.write(os.urandom(20 * 1024 * 1024))
PY
run document add --tenant 1 --folder /Archiv "$work"/big/*.pdf >/dev/null
rm -rf "$work/big" "$work/small"
size=$(db_size)
echo "database with documents: $((size / 1024 / 1024)) MiB"
floor_times=(); create_times=(); verify_times=(); restore_times=()
for i in 1 2 3 4 5; do
  sync
  floor_times+=("$("$floor" "$db" "$work/floor.bin")")
  rm -f "$work/floor.bin"
  create_times+=("$(seconds run backup create --to "$work")")
  file=$(ls -t "$work"/*.dpobackup | head -1)
  verify_times+=("$(seconds run backup verify "$file")")
  restore_times+=("$(seconds run backup restore "$file")")
  rm -f "$data"/safety-backups/*.dpobackup "$file"
done
floor_m=$(printf '%s\n' "${floor_times[@]}" | median)
printf '%-16s median %6.2f s   (read + XChaCha20-Poly1305 + write + fsync)\n' "floor" "$floor_m"
report() {
  local name=$1; shift
  local m; m=$(printf '%s\n' "$@" | median)
  awk -v n="$name" -v m="$m" -v s="$start_m" -v f="$floor_m" 'BEGIN {
    net = m - s; printf "%-16s median %6.2f s, net %6.2f s   %5.2f × floor\n", n, m, net, net / f }'
}
report "backup create" "${create_times[@]}"
report "backup verify" "${verify_times[@]}"
report "backup restore" "${restore_times[@]}"
