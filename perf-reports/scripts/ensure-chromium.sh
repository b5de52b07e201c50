#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver (for HtmlChromiumTest and the engine's StreamingUiBrowserTest) when
# /usr/bin/chromium or /usr/bin/chromedriver is missing. Idempotent and quiet: prints nothing when both are there;
# fails loudly if the install fails.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium chromium-driver; } >"$log" 2>&1; then
  echo "ensure-chromium: apt-get install chromium failed:" >&2
  tail -n 20 "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
for f in /usr/bin/chromium /usr/bin/chromedriver; do
  if [ ! -x "$f" ]; then
    echo "ensure-chromium: chromium and chromium-driver installed but $f is missing" >&2
    exit 1
  fi
done
