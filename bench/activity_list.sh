#!/usr/bin/env bash
# Benchmarks of the activity list (issues 3 and 16): the core's list, windows and full-text
# search on a demo database, then in the real window the time to first rows and the memory
# (PSS and RSS) with 20,000 and 100,000 activities, and a big installation's dashboard,
# tenant switch and header search.
#   bench/activity_list.sh            uses the release app if built, else the debug build
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== core: list and full-text search (release build) =="
cargo run --quiet --release -p dpo-desk-core --example list_benchmark
if [ -x target/release/dpo-desk ] && [ -z "${DPO_DESK_APP:-}" ]; then
  export DPO_DESK_APP="$PWD/target/release/dpo-desk"
fi
if [ -x target/release/dpo-desk-cli ] && [ -z "${DPO_DESK_CLI:-}" ]; then
  export DPO_DESK_CLI="$PWD/target/release/dpo-desk-cli"
fi
echo "== window: time to first rows and memory (${DPO_DESK_APP:-debug build}) =="
cargo build --quiet -p dpo-desk-cli -p dpo-desk-e2e --tests
for test in activity_list_in_the_window big_installation_in_the_window; do
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x860x24" scripts/e2e-session.sh "$test" --ignored --nocapture 2>&1 \
    | grep -E "^(demo|one tenant|big installation)|panicked|test result: .* [1-9][0-9]* (passed|failed)"
done
