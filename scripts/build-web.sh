#!/usr/bin/env bash
# Builds the page: the engine as WebAssembly into www/pkg/, GOV.UK Frontend
# styles (with a system typeface, not GDS Transport) into www/vendor/, and the
# site as served into target/site/ (scripts minified).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d target/wasm32-unknown-unknown/wasm ] ||
  echo "build: compiling the engine for the browser for the first time (about 2 minutes on 2 cores)" >&2
rm -rf www/pkg
# Two modules: the page's, and the caseload worker's (the engine with the
# CSV reader and the Caseload class), loaded only when a caseload is opened.
build_module() { # name, extra cargo arguments
  local name=$1; shift
  cargo rustc --lib --crate-type cdylib --profile wasm --target wasm32-unknown-unknown --no-default-features "$@"
  .tools/bin/wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name "$name" \
    target/wasm32-unknown-unknown/wasm/sfo_check.wasm
  local wasm=www/pkg/${name}_bg.wasm
  node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
}
build_module sfo_check_caseload --features caseload
caseload_bytes=$(stat -c %s www/pkg/sfo_check_caseload_bg.wasm)
build_module sfo_check
wasm=www/pkg/sfo_check_bg.wasm

mkdir -p www/vendor
node_modules/.bin/sass --no-source-map --style=compressed --load-path=node_modules \
  --quiet-deps www/styles/app.scss www/vendor/app.css
node_modules/.bin/esbuild scripts/govuk-frontend-subset.mjs --bundle --format=esm --minify \
  --legal-comments=none --log-level=warning --outfile=www/vendor/govuk-frontend.min.js
node scripts/scenario-library.mjs

# The site as served: www/ with its scripts minified; its build id and service
# worker are worked out from the files served, and copied back to www/ so the
# single-file bundle made from www/ names the same build.
node scripts/build-site.mjs
node scripts/write-sw.mjs target/site
cp target/site/build-info.js target/site/sw.js www/

after=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
js=$(stat -c %s www/pkg/sfo_check.js)
printf 'wasm module: %s bytes raw, %s bytes gzipped; JS glue %s bytes; caseload worker module %s bytes raw\n' \
  "$after" "$gz" "$js" "$caseload_bytes"
