// Writes www/vendor/scenarios.js: the training library (scenarios/*.json) as
// a module the page imports when "Training" opens. As a module it is cached
// for offline use like every other script and inlined into the single-file
// bundle, with no fetch of JSON (which file:// pages cannot do). The engine
// reads and checks each scenario when the page loads it; the native and
// browser tests check that each agrees with the engine.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const dir = join(root, 'scenarios');
const library = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((file) => ({ file, text: JSON.stringify(JSON.parse(readFileSync(join(dir, file), 'utf8'))) }));
mkdirSync(join(root, 'www/vendor'), { recursive: true });
writeFileSync(join(root, 'www/vendor/scenarios.js'),
  `// Written by scripts/scenario-library.mjs from scenarios/: do not edit.\nexport const LIBRARY = ${JSON.stringify(library)};\n`);
console.log(`training library: ${library.length} scenarios`);
