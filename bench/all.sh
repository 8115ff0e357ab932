#!/usr/bin/env bash
# Every figure of issue 16 in one run, side by side with its floor: builds the release app,
# its .deb and .rpm and the floor app, then runs
#   bench/startup.sh        cold start and memory at the sign-in screen vs the floor app
#   bench/activity_list.sh  core windows; the window's first rows and memory with 20,000 open;
#                           a big installation (dashboard, tenant switch, header search)
#   bench/backup.sh         backup create / verify / restore vs read + encrypt + write + fsync
# and writes bench/results.md, which the README's "Benchmarks" section includes between its
# markers. About 40 minutes on 2 cores. Options: --skip-build (use what target/release has).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d "${TMPDIR:-/tmp}/dpo-bench.XXXXXX")
trap 'rm -rf "$out"' EXIT
if [ "${1:-}" != "--skip-build" ]; then
  scripts/package.sh
  cargo build --release -p dpo-desk-floor -p dpo-desk-cli
fi
scripts/package.sh --skip-build | tee "$out/packages.txt"
bench/startup.sh --json "$out/startup.json" | tee "$out/startup.txt"
DPO_DESK_APP="$PWD/target/release/dpo-desk" bench/activity_list.sh | tee "$out/list.txt"
bench/backup.sh | tee "$out/backup.txt"
python3 bench/table.py "$out" > bench/results.md
python3 - <<'PY'
import re
readme = open("README.md").read()
table = open("bench/results.md").read().strip()
start, end = "<!-- bench/all.sh: start -->", "<!-- bench/all.sh: end -->"
new = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: f"{start}\n{table}\n{end}", readme, flags=re.S)
open("README.md", "w").write(new)
PY
cat bench/results.md
