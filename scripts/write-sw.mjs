// Writes www/sw.js from scripts/sw.template.js: the list of files the page
// needs offline, and a version hashed from their contents.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../www/', import.meta.url).pathname;
const skip = new Set(['sw.js']);
const wanted = /\.(html|js|css|wasm|svg|png|webmanifest)$/;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'styles' ? [] : walk(path);
    return wanted.test(name) && !skip.has(name) ? [relative(root, path)] : [];
  });
}

const files = walk(root).sort();
const hash = createHash('sha256');
for (const file of files) hash.update(file).update(readFileSync(join(root, file)));
const version = hash.digest('hex').slice(0, 12);
const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
const list = JSON.stringify(['./', ...files], null, 2);
writeFileSync(join(root, 'sw.js'), template.replace('__VERSION__', version).replace('__FILES__', list));
console.log(`service worker ${version}: ${files.length + 1} files precached`);
