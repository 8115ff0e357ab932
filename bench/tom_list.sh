#!/usr/bin/env bash
# Benchmarks of the TOM list (issue 11): the core's list and filters on one tenant with
# 100 companies × 94 measures, then the real window's time to first rows.
#   bench/tom_list.sh            uses the release app if built, else the debug build
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== core: list and filters (release build) =="
cargo run --quiet --release -p dpo-desk-core --example tom_benchmark
if [ -x target/release/dpo-desk ] && [ -z "${DPO_DESK_APP:-}" ]; then
  export DPO_DESK_APP="$PWD/target/release/dpo-desk"
fi
echo "== window: time to first rows (${DPO_DESK_APP:-debug build}) =="
cargo build --quiet -p dpo-desk-cli -p dpo-desk-e2e --tests
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x860x24" scripts/e2e-session.sh tom_list_in_the_window --ignored --nocapture 2>&1 \
  | grep -E "^TOM list|panicked|test result"
