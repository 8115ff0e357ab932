#!/usr/bin/env bash
# Installs what is missing, builds the UI and the app with the UI embedded, and starts it.
# The database lives in the OS's app-data folder, or in DPO_DESK_DATA_DIR when set.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
echo "==> Building the UI"
npm run build --silent
echo "==> Building the app"
cargo build -p dpo-desk --features custom-protocol
exec target/debug/dpo-desk "$@"
