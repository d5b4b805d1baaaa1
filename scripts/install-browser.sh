#!/usr/bin/env bash
# Installs the headless browser the dashboard's end-to-end tests drive: Debian's Chromium and its WebDriver
# (/usr/bin/chromium, /usr/bin/chromedriver). Does nothing when both are there; needs root (or sudo) otherwise.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq
as_root apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
chromium --version
chromedriver --version
