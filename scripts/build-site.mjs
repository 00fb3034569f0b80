// Writes the site as served: target/site/, a copy of www/ with each script
// module minified (comments, spaces and long local names gone: a third less
// to download), without the build's identity and service worker, which
// scripts/write-sw.mjs then works out from exactly these files. www/ stays
// the source; `make serve` and the browser tests use the copy.
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
const SITE = join(ROOT, 'target/site');

rmSync(SITE, { recursive: true, force: true });
mkdirSync(SITE, { recursive: true });
// Sass sources are built into vendor/app.css; sw.js and build-info.js are derived.
cpSync(WWW, SITE, {
  recursive: true,
  filter: (path) => !/[\\/]styles$/.test(path) && !/[\\/]www[\\/](sw|build-info)\.js$/.test(path),
});

function scripts(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

let before = 0;
let after = 0;
for (const file of scripts(SITE)) {
  const source = readFileSync(file, 'utf8');
  // Already minified (GOV.UK Frontend's own build): kept as it is.
  if (file.endsWith('.min.js')) continue;
  const { code } = transformSync(source, { format: 'esm', minify: true, target: 'es2022', legalComments: 'none' });
  writeFileSync(file, code);
  before += source.length;
  after += code.length;
}
console.log(`site: scripts minified from ${before} to ${after} bytes in ${SITE}`);
