#!/usr/bin/env bash
# Benchmarks of the activity list (issue 3): the core's list and full-text search on a demo
# database, then the real window's time to first rows and its memory.
#   bench/activity_list.sh            uses the release app if built, else the debug build
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== core: list and full-text search (release build) =="
cargo run --quiet --release -p dpo-desk-core --example list_benchmark
if [ -x target/release/dpo-desk ] && [ -z "${DPO_DESK_APP:-}" ]; then
  export DPO_DESK_APP="$PWD/target/release/dpo-desk"
fi
echo "== window: time to first rows and memory (${DPO_DESK_APP:-debug build}) =="
cargo build --quiet -p dpo-desk-cli -p dpo-desk-e2e --tests
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x860x24" scripts/e2e-session.sh activity_list_in_the_window --ignored --nocapture 2>&1 \
  | grep -E "^(demo|one tenant)|panicked|test result"
