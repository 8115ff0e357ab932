#!/usr/bin/env bash
# Runs inside `dbus-run-session -- xvfb-run`: gives the tests an unlocked Secret Service
# keyring of their own (temporary HOME), then runs the end-to-end suite one test at a time.
set -euo pipefail
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/.local/share" XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
eval "$(echo -n e2e-keyring | gnome-keyring-daemon --unlock --replace --daemonize --components=secrets 2>/dev/null)"
export NO_AT_BRIDGE=1 GNOME_KEYRING_CONTROL
# The session bus was started before Xvfb: tell it the display, so the notification
# daemon (dunst) it starts on demand can show the app's native notifications.
dbus-update-activation-environment DISPLAY XAUTHORITY HOME XDG_RUNTIME_DIR 2>/dev/null || true
exec cargo test -p dpo-desk-e2e -- --test-threads=1 "$@"
