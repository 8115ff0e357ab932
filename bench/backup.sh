#!/usr/bin/env bash
# Benchmark of backups (issues 5 and 16): on a demo database of about 100 MB, the times of
# `backup create`, `backup verify` and a full `backup restore`, net of the command's start
# and sign-in (a `backup list` timed beside them), each as a ratio to the floor of the
# stack measured in the same run — read the file, encrypt the same bytes with the same
# cipher, write and fsync (crates/core/examples/backup_floor.rs) — and to `cp` (medians of 5).
#   bench/backup.sh [ACTIVITIES]     default 80000 activities in 100 tenants (≈ 100 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
activities="${1:-80000}"
cargo build --quiet --release -p dpo-desk-cli
cargo build --quiet --release -p dpo-desk-core --example backup_floor
cli="$PWD/target/release/dpo-desk-cli"
floor="$PWD/target/release/examples/backup_floor"
work=$(mktemp -d "${TMPDIR:-/tmp}/dpo-backup-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export OWNER_PW='Benchmark-Passwort-2026' DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent
data="$work/data"
RK=$("$cli" --data-dir "$data" --json --password-env OWNER_PW init --office "Kanzlei Benchmark" --owner admin \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["recovery_key"])')
export RK
run() { "$cli" --data-dir "$data" --user admin --password-env OWNER_PW --recovery-key-env RK "$@"; }
echo "filling the demo database ($activities activities in 100 tenants) …"
run demo --tenants 100 --activities "$activities" >/dev/null
# Fold the WAL in, so the file cp copies is the whole database.
run backup list >/dev/null
db="$data/dpo-desk.db"
size=$(stat -c %s "$db")
echo "database: $((size / 1024 / 1024)) MiB"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); awk -v s="$s" -v e="$e" "BEGIN { print e - s }"; }

cp_times=(); floor_times=(); start_times=(); create_times=(); verify_times=(); restore_times=()
for i in 1 2 3 4 5; do
  sync
  cp_times+=("$(seconds cp "$db" "$work/copy-$i.db")")
  rm -f "$work/copy-$i.db"
  floor_times+=("$("$floor" "$db" "$work/floor-$i.bin")")
  rm -f "$work/floor-$i.bin"
  start_times+=("$(seconds run backup list)")
  create_times+=("$(seconds run backup create --to "$work")")
  file=$(ls -t "$work"/*.dpobackup | head -1)
  verify_times+=("$(seconds run backup verify "$file")")
  restore_times+=("$(seconds run backup restore "$file")")
  rm -f "$data"/safety-backups/*.dpobackup
done
cp_m=$(printf '%s\n' "${cp_times[@]}" | median)
floor_m=$(printf '%s\n' "${floor_times[@]}" | median)
start_m=$(printf '%s\n' "${start_times[@]}" | median)
report() {
  local name=$1; shift
  local m; m=$(printf '%s\n' "$@" | median)
  awk -v n="$name" -v m="$m" -v s="$start_m" -v f="$floor_m" -v c="$cp_m" 'BEGIN {
    net = m - s; printf "%-16s median %6.2f s, net %6.2f s   %5.2f × floor   %5.1f × cp\n", n, m, net, net / f, net / c }'
}
printf '%-16s median %6.2f s\n' "cp of the file" "$cp_m"
printf '%-16s median %6.2f s   (read + XChaCha20-Poly1305 + write + fsync)\n' "floor" "$floor_m"
printf '%-16s median %6.2f s   (start, sign-in, a list: subtracted below)\n' "command start" "$start_m"
report "backup create" "${create_times[@]}"
report "backup verify" "${verify_times[@]}"
report "backup restore" "${restore_times[@]}"
echo "backup file: $(( $(stat -c %s "$(ls -t "$work"/*.dpobackup | head -1)") / 1024 / 1024 )) MiB"
