#!/usr/bin/env bash
# Runs make serve's set-up and build with chromium, chromedriver, apt-get and
# sudo replaced by stubs that record any call and fail, then serves the page
# and fetches it: serving must need no browser and no root.
set -euo pipefail
cd "$(dirname "$0")/.."

stubs=$(mktemp -d)
trap 'rm -rf "$stubs"; [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true' EXIT
for tool in chromium chromedriver apt-get sudo; do
  printf '#!/bin/sh\necho "%s $*" >> "%s/called"\nexit 1\n' "$tool" "$stubs" > "$stubs/$tool"
  chmod +x "$stubs/$tool"
done

PATH="$stubs:$PATH" make --no-print-directory build
if [ -f "$stubs/called" ]; then
  echo "check-serve-setup: make serve's set-up called what it must not need:" >&2
  cat "$stubs/called" >&2
  exit 1
fi

port=${SERVE_CHECK_PORT:-8131}
PATH="$stubs:$PATH" python3 scripts/serve.py "$port" >/dev/null 2>&1 &
server=$!
# Fetched with Python (which serving needs anyway), not a tool the machine may lack.
python3 - "$port" <<'PY'
import sys, time, urllib.request
base = f"http://localhost:{sys.argv[1]}"
for _ in range(100):
    try:
        page = urllib.request.urlopen(f"{base}/").read().decode()
        break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("check-serve-setup: the page was not served")
assert "<title>" in page, "check-serve-setup: the page has no title"
wasm = urllib.request.urlopen(f"{base}/pkg/sfo_check_bg.wasm").read()
assert wasm[:4] == b"\0asm", "check-serve-setup: the engine was not served"
PY
echo "check-serve-setup: make serve built and served the page without a browser, apt-get or sudo"
