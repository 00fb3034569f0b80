// Writes the build's identity and its service worker:
// - www/build-info.js: a build id hashed from every file the page is made of
//   (the same files the worker precaches), and the SHA-256 of the WebAssembly
//   module. The page shows both, checks the module it runs against the hash,
//   and the single-file bundle carries the same values, so a stale bundle or a
//   page mixing two builds can be told apart.
// - www/sw.js from scripts/sw.template.js: the list of files the page needs
//   offline, and a version that is the build id.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2] ?? new URL('../www/', import.meta.url).pathname;
const derived = new Set(['sw.js', 'build-info.js']);
const wanted = /\.(html|js|css|wasm|svg|png|webmanifest)$/;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'styles' ? [] : walk(path);
    return wanted.test(name) && !derived.has(relative(root, path)) ? [relative(root, path)] : [];
  });
}

const sources = walk(root).sort();
const hash = createHash('sha256');
for (const file of sources) hash.update(file).update(readFileSync(join(root, file)));
const id = hash.digest('hex').slice(0, 12);
const wasm = createHash('sha256').update(readFileSync(join(root, 'pkg/sfo_check_bg.wasm'))).digest('hex');
writeFileSync(join(root, 'build-info.js'),
  `// Written by scripts/write-sw.mjs: which build this page is (see there).\nexport const BUILD = ${JSON.stringify({ id, wasm })};\n`);

const files = [...sources, 'build-info.js'].sort();
const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
const list = JSON.stringify(['./', ...files], null, 2);
writeFileSync(join(root, 'sw.js'), template.replace('__VERSION__', id).replace('__FILES__', list));
console.log(`build ${id} (wasm module sha256 ${wasm.slice(0, 12)}); service worker precaches ${files.length + 1} files`);
