#!/usr/bin/env bash
# Installs Debian's chromium (for HtmlChromiumTest) when /usr/bin/chromium is missing. Idempotent and quiet:
# prints nothing when chromium is already there; fails loudly if the install fails.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium; } >"$log" 2>&1; then
  echo "ensure-chromium: apt-get install chromium failed:" >&2
  tail -n 20 "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: chromium installed but /usr/bin/chromium is missing" >&2
  exit 1
fi
