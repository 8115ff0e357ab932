#!/usr/bin/env bash
# Cold start and memory of the release build against the floor app: bench/startup.sh [--runs N] [--json FILE]
# Build first: scripts/package.sh && cargo build --release -p dpo-desk-floor -p dpo-desk-cli
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -z "${DISPLAY:-}" ]; then
  exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x860x24" "$0" "$@"
fi
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/.local/share" NO_AT_BRIDGE=1
mkdir -p "$XDG_DATA_HOME"
echo -n bench | gnome-keyring-daemon --unlock --replace --daemonize --components=secrets >/dev/null 2>&1
exec python3 bench/startup.py "$@"
