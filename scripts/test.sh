#!/usr/bin/env bash
# Installs what is missing and runs every test: core and CLI, UI (mocked IPC), the Tauri
# shell, and end-to-end in the real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test

echo "==> Core and CLI (real SQLCipher files); regenerates ui/src/bindings"
cargo test -p dpo-desk-core -p dpo-desk-cli
if [ "${CI:-}" = "true" ] && ! git diff --quiet -- ui/src/bindings; then
  echo "ui/src/bindings is out of date with the Rust types: run 'cargo test -p dpo-desk-core' and commit it." >&2
  git diff --stat -- ui/src/bindings >&2
  exit 1
fi

echo "==> UI: type check and tests with mocked IPC"
npm run typecheck --silent
npx vitest run

echo "==> Tauri shell"
npm run build --silent
cargo build -p dpo-desk --features custom-protocol
cargo test -p dpo-desk --features custom-protocol

echo "==> End-to-end in the real window (tauri-driver + WebKitWebDriver, Xvfb, private D-Bus)"
cargo build -p dpo-desk-cli -p dpo-desk-e2e --tests
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x860x24" scripts/e2e-session.sh
echo "Screenshots: artifacts/screenshots/"
