#!/usr/bin/env bash
# Installs the Debian packages the end-to-end tests and the demo need, when some are missing:
# ripgrep (code-server's search), chromium (the browser that drives the workbench),
# libkrb5-dev, build-essential and python3 (node-pty and kerberos build from source), curl,
# and a font so that screenshots of the workbench show text.
# Idempotent: does nothing when every package is already installed.
set -euo pipefail

packages=(ripgrep chromium libkrb5-dev build-essential python3 curl fonts-dejavu-core)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all system packages present (${packages[*]})"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "setup-system: missing ${missing[*]}, and not root with no sudo: install them and retry" >&2
    exit 1
  fi
fi

echo "setup-system: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q </dev/null
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
echo "setup-system: done"
