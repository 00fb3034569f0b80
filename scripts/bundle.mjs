// Writes dist/sfo-check.html: the whole page in one file (JavaScript, CSS and
// the WebAssembly module inlined) that works opened straight from disk, where
// service workers and fetching the .wasm file are not allowed.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const www = new URL('../www/', import.meta.url);
const read = (path, base = www) => readFileSync(new URL(path, base));
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function replaceOnce(html, pattern, replacement, what) {
  if (!pattern.test(html)) throw new Error(`bundle: cannot find ${what} in www/index.html`);
  return html.replace(pattern, () => replacement);
}

const bundled = await build({
  entryPoints: [new URL('app.js', www).pathname],
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  legalComments: 'none',
  target: 'es2022',
});
// Inline script text must not close its own element.
const appScript = bundled.outputFiles[0].text.replaceAll('</script', '<\\/script');
const wasmScript = `globalThis.SFO_CHECK_WASM=Uint8Array.from(atob("${read('pkg/sfo_check_bg.wasm').toString('base64')}"),c=>c.charCodeAt(0));`
  // The caseload's module (no worker can start from disk, so the page runs
  // it), decoded only when a caseload is opened.
  + `globalThis.SFO_CHECK_CASELOAD_WASM="${read('pkg/sfo_check_caseload_bg.wasm').toString('base64')}";`;

const images = new URL('../node_modules/govuk-frontend/dist/govuk/assets/images/', import.meta.url);
const css = read('vendor/app.css').toString()
  .replace(/url\("?vendor\/images\/([\w.-]+)"?\)/g, (_, name) =>
    `url("data:image/svg+xml;base64,${read(name, images).toString('base64')}")`)
  .replaceAll('</style', '<\\/style');
const icon = `data:image/svg+xml;base64,${read('icons/icon.svg').toString('base64')}`;

let html = read('index.html').toString();
html = replaceOnce(html, /<link[^>]*rel="stylesheet"[^>]*>/, `<style>${css}</style>`, 'the stylesheet link');
html = replaceOnce(html, /<script type="module" src="app\.js"><\/script>/,
  `<script>${wasmScript}</script>\n<script type="module">${appScript}</script>`, 'the app script');
html = html.replace(/<script type="module" src="offline\.js"><\/script>\s*/, '');
html = html.replace(/<link[^>]*rel="manifest"[^>]*>\s*/, '');
// One file has nothing to fetch ahead.
html = html.replace(/\s*<!-- Fetched at once[\s\S]*?-->/, '');
html = html.replace(/<link[^>]*rel="(?:module)?preload"[^>]*>\s*/g, '');
html = html.replace(/(<link[^>]*rel="icon"[^>]*href=")[^"]*(")/g, (_, a, b) => `${a}${icon}${b}`);
html = html.replace(/(<link[^>]*rel="apple-touch-icon"[^>]*>)\s*/g, '');

// The page's CSP, with hashes for the inline script and style in place of 'self'.
const scripts = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
const csp = [
  "default-src 'none'",
  `script-src ${scripts.join(' ')} 'wasm-unsafe-eval'`,
  `style-src ${styles.join(' ')}`,
  "img-src data:",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');
html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
  `<meta http-equiv="Content-Security-Policy" content="${csp}">`, 'the CSP meta tag');

mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
const out = new URL('../dist/sfo-check.html', import.meta.url);
writeFileSync(out, html);
const size = Buffer.byteLength(html);
console.log(`dist/sfo-check.html: ${size} bytes, ${gzipSync(html).length} gzipped`);
