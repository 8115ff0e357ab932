#!/usr/bin/env bash
# Installs what is missing and runs every test: core and CLI, UI (mocked IPC), the Tauri
# shell, and end-to-end in the real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test

echo "==> Core, CLI (real SQLCipher files) and the IPC generator; regenerates ui/src/bindings and ui/src/ipc"
cargo test -p dpo-desk-core -p dpo-desk-cli -p dpo-desk-ipc-gen -p dpo-desk-fuzz
if [ "${CI:-}" = "true" ] && ! git diff --quiet -- ui/src/bindings ui/src/ipc; then
  echo "ui/src/bindings or ui/src/ipc is out of date with the Rust types and commands: run 'cargo test -p dpo-desk-core -p dpo-desk-ipc-gen' and commit them." >&2
  git diff --stat -- ui/src/bindings ui/src/ipc >&2
  exit 1
fi

echo "==> UI: type check, lint (eslint, prettier) and tests with mocked IPC"
npm run typecheck --silent
npm run lint --silent
npx vitest run

echo "==> Tauri shell"
npm run build --silent

echo "==> Rust lints: rustfmt and clippy (warnings are errors)"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings

cargo build -p dpo-desk --features custom-protocol
cargo test -p dpo-desk --features custom-protocol

echo "==> End-to-end in the real window (tauri-driver + WebKitWebDriver, Xvfb, private D-Bus)"
cargo build -p dpo-desk-cli -p dpo-desk-e2e --tests
dbus-run-session -- xvfb-run -a -s "-screen 0 1280x860x24" scripts/e2e-session.sh
echo "Screenshots: artifacts/screenshots/"
