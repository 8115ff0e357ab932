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

log="$keyring_home/e2e.log"
# Into a file, not a pipe: daemons the session starts (the keyring, the notification
# daemon) inherit the output and would keep a pipe's reader waiting after the tests end.
status=0
cargo test -p dpo-desk-e2e -- --test-threads=1 "$@" >"$log" 2>&1 || status=$?
cat "$log"
[ "$status" -eq 0 ] && exit 0

# WebKitGTK's web process now and then dies under Xvfb on a loaded 2-core machine
# ("session deleted because of page crash or hang"): the page is gone, no assertion ran.
# Only a test whose every failure is that crash runs once more, alone; any other failure,
# or the same test failing again, fails the suite.
mapfile -t failed < <(sed -n '/^failures:$/,/^test result:/p' "$log" | sed -n 's/^    \([a-z_:0-9]*\)$/\1/p')
[ "${#failed[@]}" -gt 0 ] || exit 1
for test in "${failed[@]}"; do
  block=$(sed -n "/^---- ${test} stdout ----$/,/^---- \|^failures:$/p" "$log")
  if ! grep -q "session deleted because of page crash or hang" <<<"$block"; then
    echo "e2e: $test failed on its own assertions: no second run" >&2
    exit 1
  fi
done
for test in "${failed[@]}"; do
  echo "e2e: WebKit's page process died under $test; running it once more" >&2
  cargo test -p dpo-desk-e2e -- --test-threads=1 --exact "$test"
done
