#!/usr/bin/env bash
# Coverage-guided fuzzing (AFL++ through cargo-afl, stable Rust) of every file DPO Desk
# reads from outside: backup files, tenant JSON, CNIL PIA files, attachments and course
# pictures. On demand, not in CI (CI runs the committed corpus: cargo test -p dpo-desk-fuzz).
#
#   scripts/fuzz.sh [KIND…]            every kind (or the named ones), 1,000,000 executions each
#   FUZZ_EXECS=5000000 scripts/fuzz.sh tenant-json
#
# KIND: backup-file, tenant-json, cnil-pia, attachment. A crash or hang is copied to
# crates/fuzz/regressions/KIND/, the minimised new corpus to crates/fuzz/corpus/KIND/;
# the corpus test replays both from then on (commit them).
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(backup-file tenant-json cnil-pia attachment)
execs="${FUZZ_EXECS:-1000000}"

command -v cargo-afl >/dev/null || cargo install cargo-afl --locked
[ -d "${XDG_DATA_HOME:-$HOME/.local/share}/afl.rs" ] || cargo afl config --build
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo afl build --profile fuzz -p dpo-desk-fuzz --features afl --bins

export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
runs="$CARGO_TARGET_DIR/fuzz-runs"
# Each target's installation lives here (in memory where there is room); a child AFL++
# kills cannot tidy its own, so the folder goes when the run ends.
scratch_parent=/dev/shm
[ -w "$scratch_parent" ] && [ "$(df -Pk "$scratch_parent" | awk 'NR==2 {print $4}')" -gt 1048576 ] || scratch_parent="${TMPDIR:-/tmp}"
scratch=$(mktemp -d "$scratch_parent/dpo-desk-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export TMPDIR="$scratch"
printf '| kind | executions | execs/s | paths | crashes | hangs |\n|---|---|---|---|---|---|\n' > "$runs.md.tmp" 2>/dev/null || { mkdir -p "$runs"; printf '| kind | executions | execs/s | paths | crashes | hangs |\n|---|---|---|---|---|---|\n' > "$runs.md.tmp"; }
for kind in "${kinds[@]}"; do
  out="$runs/$kind"
  rm -rf "$out"
  mkdir -p "$out"
  echo "== $kind: $execs executions"
  # -t 2000: an input that takes more than 2 s is a hang (the first input of each child
  # also sets up its installation); -m 2048: the whole process, C allocations included,
  # stays within 2 GiB of address space; Rust's heap has its own bound of 256 MiB
  # (crates/fuzz/src/bound.rs).
  cargo afl fuzz -i "crates/fuzz/corpus/$kind" -o "$out" -E "$execs" -t 2000 -m 2048 \
    "$CARGO_TARGET_DIR/fuzz/fuzz-$kind" > "$out/afl.log" 2>&1 || { tail -30 "$out/afl.log"; exit 1; }
  stats="$out/default/fuzzer_stats"
  value() { awk -F' : ' -v k="$1" '$1 ~ "^"k" *$" {print $2}' "$stats"; }
  found=0
  for what in crashes hangs; do
    for f in "$out/default/$what"/id:*; do
      [ -e "$f" ] || continue
      mkdir -p "crates/fuzz/regressions/$kind"
      cp "$f" "crates/fuzz/regressions/$kind/$what-$(sha256sum "$f" | cut -c1-16)"
      found=$((found + 1))
    done
  done
  printf '| %s | %s | %s | %s | %s | %s |\n' "$kind" "$(value execs_done)" "$(value execs_per_sec)" \
    "$(value corpus_count)" "$(value saved_crashes)" "$(value saved_hangs)" >> "$runs.md.tmp"
  [ "$found" -eq 0 ] || echo "$kind: $found findings copied to crates/fuzz/regressions/$kind/"
  # The grown corpus, minimised to the inputs that reach new code, joins the committed one
  # (inputs up to 16 KiB, so the repository stays small); the test run replays it.
  cargo afl cmin -i "$out/default/queue" -o "$out/minimised" -t 5000 -m 2048 -- \
    "$CARGO_TARGET_DIR/fuzz/fuzz-$kind" > "$out/cmin.log" 2>&1 || true
  for f in "$out/minimised"/*; do
    [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 16384 ] || continue
    cp "$f" "crates/fuzz/corpus/$kind/afl-$(sha256sum "$f" | cut -c1-16)"
  done
done
mv "$runs.md.tmp" "$runs.md"
cat "$runs.md"
