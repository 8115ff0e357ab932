#!/usr/bin/env bash
# Builds the Linux packages of DPO Desk (release profile, static OpenSSL) and prints their
# sizes: scripts/package.sh [--skip-build]
#   target/release/bundle/deb/*.deb and target/release/bundle/rpm/*.rpm
# Tauri's bundler writes both itself (no dpkg-deb or rpmbuild needed); AppImage is left out
# because its bundler downloads a tool from outside (../shared/TOOLCHAIN.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--skip-build" ]; then
  TAURI_APP_PATH=src-tauri npx tauri build --bundles deb,rpm
fi
for kind in deb rpm; do
  file=$(ls -t target/release/bundle/"$kind"/*."$kind" 2>/dev/null | head -1 || true)
  if [ -z "$file" ]; then
    echo "$kind: not built" >&2
    exit 1
  fi
  bytes=$(stat -c %s "$file")
  awk -v k="$kind" -v b="$bytes" -v f="$file" 'BEGIN { printf "%s package: %.2f MiB (%d bytes) %s\n", k, b / 1048576, b, f }'
done
