#!/usr/bin/env bash
# Browser tests drive Debian's Chromium with playwright-core: browser downloads do not work
# here, so the system package is used. Installs it when it is missing and we are allowed to.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Browser tests need Chromium at $path: install Debian's chromium package (sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
