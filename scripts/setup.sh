#!/usr/bin/env bash
# Installs what sfo-check needs. Every step checks first, so running it again
# costs seconds; a step that installs says what and roughly how long it takes.
#   setup.sh native   the Rust linters (rustfmt, clippy)
#   setup.sh build    + what `make serve` needs: the wasm target, wasm-bindgen-cli
#                     and the npm packages (no root, no browser)
#   setup.sh browser  + Chromium and chromedriver for the tests (apt-get, as root)
set -euo pipefail
cd "$(dirname "$0")/.."
stage=${1:-browser}

say() { echo "setup: $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

installed_components=$(rustup component list --installed)
for component in rustfmt clippy; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    say "installing the Rust component $component (under a minute)"
    rustup component add "$component"
  fi
done
[ "$stage" = native ] && exit 0

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "installing the Rust target wasm32-unknown-unknown (under a minute)"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly: read it from Cargo.lock.
version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if [ -z "$version" ]; then
  say "wasm-bindgen is not in Cargo.lock"
  exit 1
fi
if [ "$(.tools/bin/wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $version" ]; then
  say "building wasm-bindgen-cli $version into .tools/ from crates.io (about 2 to 4 minutes on 2 cores, once)"
  cargo install wasm-bindgen-cli --version "$version" --root .tools --force
fi

# Reinstall npm packages only when the lock file changed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing the npm packages in package-lock.json into node_modules/ (about a minute)"
  npm ci --no-audit --no-fund
fi
[ "$stage" = build ] && exit 0

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Chromium and chromedriver for the browser tests with apt-get (a few minutes)"
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium chromium-driver
fi
