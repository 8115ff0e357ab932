#!/usr/bin/env bash
# Installs what DPO Desk needs on Debian/Ubuntu: system packages that are missing, the npm
# packages, and (for tests) tauri-driver. Safe to run again: it only adds what is missing.
#   scripts/setup.sh run    build dependencies only
#   scripts/setup.sh test   plus what the tests need (Xvfb, WebKitWebDriver, keyring, D-Bus)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

build_packages=(build-essential pkg-config libwebkit2gtk-4.1-dev libgtk-3-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev libxdo-dev libdbus-1-dev)
test_packages=(webkit2gtk-driver xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  poppler-utils qpdf python3-openpyxl xdotool x11-utils imagemagick fonts-liberation dunst
  libnotify-bin)

packages=("${build_packages[@]}")
[ "$mode" = "test" ] && packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing system packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
  echo "Rust is missing: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi
if ! command -v npm >/dev/null; then
  echo "Node.js 20 or newer is missing: install it (e.g. from your distribution or nodejs.org), then run this again." >&2
  exit 1
fi

echo "==> Installing npm packages"
# `npm install` with the committed lock file: `npm ci` refuses a lock that lacks other
# platforms' optional packages (@tauri-apps/cli-*), which npm omits here.
npm install --no-fund --no-audit --loglevel=error

if [ "$mode" = "test" ]; then
  if ! tauri-driver --help >/dev/null 2>&1; then
    echo "==> Installing tauri-driver"
    cargo install tauri-driver --version '^2' --locked --quiet
  fi
fi

if [ "$mode" = "test" ] && ! python3 -c "import openpyxl" 2>/dev/null; then
  # The tests read XLSX back with openpyxl through the python3 on PATH; Debian's package
  # serves /usr/bin/python3 only, so another python3 first on PATH (pyenv, a venv) gets it
  # from PyPI.
  echo "==> Installing openpyxl for $(command -v python3)"
  python3 -m pip install --quiet --disable-pip-version-check openpyxl
fi
