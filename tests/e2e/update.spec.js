// The service worker's update path: a user who visited one build gets the
// next one. The test serves a copy of www/ from its own server on another
// port, visits it, then makes the "next build" in the copy (a changed page and
// a changed engine module, with build-info.js and sw.js written again by
// scripts/write-sw.mjs, as a build does) and reloads.
import { test, expect } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCase, expectStatus, deadline, QUALIFYING } from './helpers.js';

const REPO = new URL('../../', import.meta.url).pathname;
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A WebAssembly custom section (ignored by the engine), to make a different module. */
function customSection(name, text) {
  const body = Buffer.concat([Buffer.from([name.length]), Buffer.from(name), Buffer.from(text)]);
  return Buffer.concat([Buffer.from([0, body.length]), body]);
}

let root;
let server;
let origin;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sfo-check-update-'));
  cpSync(join(REPO, 'www'), root, { recursive: true });
  const port = await freePort();
  origin = `http://localhost:${port}`;
  server = spawn('python3', [join(REPO, 'scripts/serve.py'), String(port), root], {
    env: { ...process.env, SFO_SERVE_QUIET: '1' }, stdio: 'ignore',
  });
  // Wait until it answers.
  await expect.poll(async () => (await fetch(`${origin}/`).catch(() => null))?.status, { timeout: 15_000 }).toBe(200);
});

test.afterAll(() => {
  server?.kill();
  if (root) rmSync(root, { recursive: true, force: true });
});

const cacheNames = (page) => page.evaluate(() => caches.keys());

async function openAndCheck(page) {
  await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
  await openCase(page, QUALIFYING);
  await expectStatus(page, 'Qualifies as an SFO');
  // First court appearance Tue 14 May 2024 + 5 working days.
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Tue 21 May 2024');
}

test('a new build replaces the old: old caches deleted, the new page and engine take over after reload', async ({ page }) => {
  test.setTimeout(60_000);
  const buildOf = (dir) => JSON.parse(/BUILD = (\{.*\});/.exec(readFileSync(join(dir, 'build-info.js'), 'utf8'))[1]);
  const first = buildOf(root);

  // Build 1, installed on the first visit.
  await page.goto(`${origin}/`);
  await openAndCheck(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(await cacheNames(page)).toEqual([`sfo-check-${first.id}`]);
  await expect(page.locator('html')).toHaveAttribute('data-build', first.id);

  // Build 2: a changed page and a changed engine module.
  const indexPath = join(root, 'index.html');
  writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace('A checking aid for England and Wales', 'Next build: a checking aid for England and Wales'));
  appendFileSync(join(root, 'pkg/sfo_check_bg.wasm'), customSection('sfo-check-test', 'next build'));
  execFileSync('node', [join(REPO, 'scripts/write-sw.mjs'), root]);
  const second = buildOf(root);
  expect(second.id).not.toBe(first.id);
  expect(second.wasm).toBe(sha256(readFileSync(join(root, 'pkg/sfo_check_bg.wasm'))));
  expect(second.wasm).not.toBe(first.wasm);

  // The reload is served by the old worker from its cache; meanwhile the
  // browser finds the new sw.js, installs it, and it takes over and deletes
  // the old cache.
  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
  await expect.poll(() => cacheNames(page), { timeout: 20_000 }).toEqual([`sfo-check-${second.id}`]);
  const newCache = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    const wasm = await (await cache.match('pkg/sfo_check_bg.wasm')).arrayBuffer();
    const bytes = [...new Uint8Array(await crypto.subtle.digest('SHA-256', wasm))];
    return { wasm: bytes.map((b) => b.toString(16).padStart(2, '0')).join(''), files: (await cache.keys()).length };
  }, `sfo-check-${second.id}`);
  expect(newCache.wasm).toBe(second.wasm);
  const precached = JSON.parse(/const FILES = (\[[\s\S]*?\]);/.exec(readFileSync(join(root, 'sw.js'), 'utf8'))[1]);
  expect(newCache.files).toBe(precached.length);

  // After the next reload the new build runs: the page, and the engine module
  // it loaded (hashed as it loads), with no mix of the two builds.
  await page.reload();
  await openAndCheck(page);
  await expect(page.locator('html')).toHaveAttribute('data-build', second.id);
  await expect(page.locator('.govuk-phase-banner__text')).toHaveText(/^Next build: a checking aid/);
  await expect(page.locator('#build-id')).toHaveText(`Build ${second.id}, engine module ${second.wasm.slice(0, 12)}.`);
  await expect(page.locator('#stamp-build')).toHaveText(`Build ${second.id}, engine module ${second.wasm.slice(0, 12)}`);

  // And it is all in the new cache: with the network off it still works.
  await page.context().setOffline(true);
  await page.reload();
  await openAndCheck(page);
  await expect(page.locator('html')).toHaveAttribute('data-build', second.id);
  await page.context().setOffline(false);
});
