// The browser half of `make bench`, and the table that puts both halves side
// by side. In headless Chromium (Debian's, as the tests use), through the
// page's own engine module:
//   - check() per example, for the free function and for a kept Checker,
//     including marshalling: median and 95th percentile of batches of calls;
//   - cold start: navigation to the first result with a case opened from a file
//     (median of five fresh contexts);
//   - cases at the limits (written by the native half to target/bench-limits/):
//     read and checked as the page does, one call at a time, slowest of ten;
//   - a caseload (the native half's generated 100,000 rows): from choosing the
//     file to the table shown, the worker's parts, a sort of every row, and the
//     longest task on the page meanwhile (one run, a fresh page);
//   - sizes: the wasm module raw and gzipped, and the page's first load as
//     transferred (served gzipped, as scripts/serve.py and any static host do).
// Usage: node bench/browser.mjs [--native FILE] [--out FILE] [--quick]
// A benchmark, not a test: it reports figures and targets, it never fails on them.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../playwright.config.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const QUICK = args.includes('--quick');
const OUT = option('--out') ?? join(ROOT, 'bench/results.json');
const NATIVE = option('--native');
const PORT = Number(process.env.BENCH_PORT ?? 8097);
const ORIGIN = `http://localhost:${PORT}`;
const BATCHES = QUICK ? 3 : 40;
const CALLS = QUICK ? 5 : 50;

// The targets the README states.
const TARGETS = {
  jsCheckMedianMicroseconds: 50,
  nativeChecksPerSecondLargest: 100_000,
  addWorkingDaysMicroseconds: 1,
  coldStartMilliseconds: 500,
  limitNativeMilliseconds: 50,
  caseloadRowsPerSecondPerCore: 100_000,
  caseloadPageMilliseconds: 3_000,
  caseloadCalendarMilliseconds: 5_000,
  longTaskMilliseconds: 100,
  limitPageMilliseconds: 100,
  wasmGzipBytes: 120 * 1024,
  firstLoadGzipBytes: 200 * 1024,
};

function serve() {
  const server = spawn('python3', [join(ROOT, 'scripts/serve.py'), String(PORT)], {
    env: { ...process.env, SFO_SERVE_QUIET: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The server prints its address once it listens; if it exits first (the
  // port is taken, say) the benchmark fails rather than measure nothing.
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.on('exit', (code) => reject(new Error(`the server on port ${PORT} stopped (exit ${code}): is the port taken? Set BENCH_PORT.`)));
    server.stdout.once('data', () => resolve(server));
  });
}

function examples() {
  const names = readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
  return QUICK ? names.filter((n) => n === 'licence-murder-qualifies') : names;
}

/** Times check() in the page: per-call means of `calls`-call batches. */
async function timeChecks(page, cases) {
  return page.evaluate(async ({ cases, batches, calls }) => {
    const { loadEngine } = await import('/engine.js');
    await loadEngine();
    const wasm = await import('/pkg/sfo_check.js');
    const kept = new wasm.Checker();
    const summary = (times) => {
      times.sort((a, b) => a - b);
      const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
      return { median: at(0.5) * 1000, p95: at(0.95) * 1000 };
    };
    const time = (call) => {
      for (let i = 0; i < 5; i += 1) call();
      const times = [];
      for (let b = 0; b < batches; b += 1) {
        const start = performance.now();
        for (let i = 0; i < calls; i += 1) call();
        times.push((performance.now() - start) / calls);
      }
      return summary(times);
    };
    const out = {};
    for (const [name, caseObject] of Object.entries(cases)) {
      // Each check must give a report: a benchmark of errors proves nothing.
      const report = wasm.check(caseObject, {});
      if (!report?.qualification) throw new Error(`${name}: no report`);
      out[name] = {
        free: time(() => wasm.check(caseObject, {})),
        kept: time(() => kept.check(caseObject, {})),
      };
    }
    kept.free();
    return out;
  }, { cases, batches: BATCHES, calls: CALLS });
}

/** Cases at the limits, read and checked as the page does: slowest of ten calls. */
async function timeLimits(page) {
  const dir = join(ROOT, 'target/bench-limits');
  if (!existsSync(dir)) return {};
  const texts = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), readFileSync(join(dir, f), 'utf8')]));
  return page.evaluate(async ({ texts, calls }) => {
    const wasm = await import('/pkg/sfo_check.js');
    const kept = new wasm.Checker();
    const out = {};
    for (const [name, text] of Object.entries(texts)) {
      const times = [];
      for (let i = 0; i < calls; i += 1) {
        const start = performance.now();
        try {
          wasm.readCaseDocument(text, 'case');
          kept.check(JSON.parse(text), {});
        } catch { /* errors are an answer too */ }
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      out[name] = { median: times[Math.floor(times.length / 2)], slowest: times[times.length - 1] };
    }
    kept.free();
    return out;
  }, { texts, calls: QUICK ? 2 : 10 });
}

/** From navigation to the first result, a case opened from a file, cold. */
async function coldStart(browser, file) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const transferred = [];
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    const response = await request.response();
    if (sizes && response) transferred.push({ url: request.url(), bytes: sizes.responseBodySize });
  });
  await page.goto(`${ORIGIN}/`, { waitUntil: 'commit' });
  // The file is opened as soon as the page can take it (the engine ready).
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
  const readyMilliseconds = await page.evaluate(() => performance.now());
  await page.setInputFiles('#open-case', file);
  await page.locator('#result-status-heading').waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('#results-body.app-results--stale'));
  const milliseconds = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  await context.close();
  return { milliseconds, readyMilliseconds, transferred };
}

/**
 * A caseload from file to table in a fresh page (one run): the clock starts
 * when the file is chosen, after the view has been open as long as picking a
 * file takes (its worker loads its engine meanwhile).
 */
async function timeCaseload(browser) {
  const file = join(ROOT, 'target/bench-caseload.csv');
  if (!existsSync(file)) return null;
  const rows = readFileSync(file, 'utf8').trimEnd().split('\n').length - 1;
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/#caseload`);
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
  await page.locator('#caseload-file').waitFor();
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    window.benchLongTasks = [];
    new PerformanceObserver((list) => window.benchLongTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask' });
  });
  const started = await page.evaluate(() => performance.now());
  await page.setInputFiles('#caseload-file', file);
  await page.locator('#caseload-cases').waitFor({ state: 'visible', timeout: 120_000 });
  const shown = await page.evaluate(() => performance.now());
  // Every row sorted by its next deadline, as a user asks.
  await page.locator('button[data-sort="next-due"]').click();
  await page.locator('th[aria-sort="ascending"] button[data-sort="next-due"]').waitFor();
  const sorted = await page.evaluate(() => performance.now());
  const checking = await page.evaluate(() => ({
    longest: Math.max(0, ...window.benchLongTasks),
    timings: JSON.parse(document.querySelector('#caseload-view').dataset.timings),
  }));
  // Every open deadline as one calendar file, made in the worker: of a
  // caseload whose every case has deadlines still to come.
  const open = join(ROOT, 'target/bench-caseload-open.csv');
  await page.setInputFiles('#caseload-file', open);
  await page.locator('#caseload-results-title', { hasText: 'bench-caseload-open.csv' }).waitFor({ timeout: 120_000 });
  await page.evaluate(() => { window.benchLongTasks = []; });
  const asked = await page.evaluate(() => performance.now());
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('#caseload-save-ics')]);
  const calendarMade = await page.evaluate(() => performance.now());
  const calendarBytes = statSync(await download.path()).size;
  const calendar = {
    milliseconds: calendarMade - asked,
    bytes: calendarBytes,
    cases: Number((await page.locator('#caseload-export-status').textContent()).match(/in ([\d,]+) case/)?.[1].replace(/,/g, '') ?? 0),
    longest: await page.evaluate(() => Math.max(0, ...window.benchLongTasks)),
  };
  await context.close();
  return { rows, milliseconds: shown - started, sortMilliseconds: sorted - shown, ...checking, calendar };
}

function fileSizes() {
  const wasm = readFileSync(join(ROOT, 'www/pkg/sfo_check_bg.wasm'));
  const brotli = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return {
    wasmBytes: wasm.length,
    wasmGzipBytes: gzipSync(wasm, { level: 9 }).length,
    wasmBrotliBytes: brotli.length,
  };
}

// KB here is 1,024 bytes; the exact count follows.
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB (${bytes.toLocaleString('en-GB')} bytes)`;
const us = (x) => {
  if (x === undefined) return '—';
  return x < 1 ? `${(x * 1000).toFixed(0)} ns` : `${x.toFixed(1)} µs`;
};
const pad = (text, n) => String(text).padEnd(n);
const padStart = (text, n) => String(text).padStart(n);

function table(results) {
  const lines = [];
  const native = Object.fromEntries((results.native ?? []).map((f) => [f.key, f]));
  lines.push('check() per example           native (one core)            browser free fn        browser kept Checker');
  lines.push('                              time       checks/s          median     p95         median     p95');
  for (const [name, b] of Object.entries(results.browser.checks)) {
    const n = native[`check:${name}`];
    lines.push(
      `${pad(name, 30)}${pad(n ? us(n.microseconds) : '—', 11)}${pad(n ? Math.round(n.per_second) : '—', 18)}`
      + `${pad(us(b.free.median), 11)}${pad(us(b.free.p95), 12)}${pad(us(b.kept.median), 11)}${us(b.kept.p95)}`,
    );
  }
  lines.push('');
  for (const f of results.native ?? []) {
    if (!/^(check|limits|caseload):/.test(f.key)) lines.push(`${pad(f.name.trim(), 52)}${padStart(us(f.microseconds), 12)}`);
  }
  lines.push('');
  lines.push('at the limits (slowest call)                 native          in the page (read and check)');
  for (const f of (results.native ?? []).filter((x) => x.key.startsWith('limits:'))) {
    const b = results.browser.limits?.[f.key.slice('limits:'.length)];
    lines.push(`${pad(f.name, 45)}${pad(`${f.slowest_milliseconds.toFixed(1)} ms`, 16)}${b ? `${b.slowest.toFixed(1)} ms` : '—'}`);
  }
  lines.push('');
  lines.push('caseload');
  for (const f of (results.native ?? []).filter((x) => x.key.startsWith('caseload:'))) {
    lines.push(`${pad(`native ${f.name}`, 60)}${padStart(`${Math.round(f.milliseconds)} ms`, 9)}  ${Math.round(f.rows_per_second).toLocaleString('en-GB')} rows/s (${Math.round(f.rows_per_second_per_core).toLocaleString('en-GB')} a core)`);
  }
  const c = results.browser.caseload;
  if (c) {
    lines.push(`${pad(`in the page, ${c.rows.toLocaleString('en-GB')} rows, file chosen to table shown`, 60)}${padStart(`${Math.round(c.milliseconds)} ms`, 9)}  (worker: read ${Math.round(c.timings.read_ms)} ms, check ${Math.round(c.timings.check_ms)} ms)`);
    lines.push(`${pad('  then every row sorted by next deadline', 60)}${padStart(`${Math.round(c.sortMilliseconds)} ms`, 9)}`);
    lines.push(`${pad('  longest task on the page meanwhile', 60)}${padStart(`${Math.round(c.longest)} ms`, 9)}`);
    lines.push(`${pad(`the calendar of ${c.calendar.cases.toLocaleString('en-GB')} cases' open deadlines, in the page`, 60)}${padStart(`${Math.round(c.calendar.milliseconds)} ms`, 9)}  (${kb(c.calendar.bytes)}; longest task ${Math.round(c.calendar.longest)} ms)`);
  }
  lines.push('');
  lines.push(`cold start: navigation to engine ready                      ${results.browser.readyMilliseconds.toFixed(0)} ms`);
  lines.push(`cold start: navigation to first result, case from a file    ${results.browser.coldStartMilliseconds.toFixed(0)} ms`);
  lines.push(`wasm module                                                 ${kb(results.sizes.wasmBytes)} raw, ${kb(results.sizes.wasmGzipBytes)} gzipped (${kb(results.sizes.wasmBrotliBytes)} with brotli)`);
  lines.push(`page's first load as transferred (${results.sizes.firstLoadFiles} files)                     ${kb(results.sizes.firstLoadBytes)}`);
  lines.push('');
  lines.push('targets');
  for (const t of results.targets) lines.push(`  ${t.met ? 'met    ' : 'not met'}  ${t.what}: ${t.measured} (target ${t.target})`);
  return lines.join('\n');
}

function targets(results) {
  const native = Object.fromEntries((results.native ?? []).map((f) => [f.key, f]));
  const checks = Object.values(results.browser.checks);
  const worstMedian = Math.max(...checks.map((c) => c.kept.median));
  const rows = [
    {
      what: 'JS check() median, kept Checker, slowest example',
      measured: us(worstMedian),
      target: `under ${TARGETS.jsCheckMedianMicroseconds} µs`,
      met: worstMedian < TARGETS.jsCheckMedianMicroseconds,
    },
    {
      what: 'cold start to first result',
      measured: `${results.browser.coldStartMilliseconds.toFixed(0)} ms`,
      target: `under ${TARGETS.coldStartMilliseconds} ms`,
      met: results.browser.coldStartMilliseconds < TARGETS.coldStartMilliseconds,
    },
    {
      what: 'wasm module gzipped',
      measured: kb(results.sizes.wasmGzipBytes),
      target: `at most ${kb(TARGETS.wasmGzipBytes)}`,
      met: results.sizes.wasmGzipBytes <= TARGETS.wasmGzipBytes,
    },
    {
      what: "page's first load",
      measured: kb(results.sizes.firstLoadBytes),
      target: `at most ${kb(TARGETS.firstLoadGzipBytes)}`,
      met: results.sizes.firstLoadBytes <= TARGETS.firstLoadGzipBytes,
    },
  ];
  const atLimits = (results.native ?? []).filter((f) => f.key.startsWith('limits:'));
  if (atLimits.length) {
    const slowest = Math.max(...atLimits.map((f) => f.slowest_milliseconds));
    rows.push({
      what: 'slowest native call at the limits',
      measured: `${slowest.toFixed(1)} ms`,
      target: `under ${TARGETS.limitNativeMilliseconds} ms`,
      met: slowest < TARGETS.limitNativeMilliseconds,
    });
  }
  const inPage = Object.values(results.browser.limits ?? {});
  if (inPage.length) {
    const slowest = Math.max(...inPage.map((b) => b.slowest));
    rows.push({
      what: 'slowest read and check at the limits in the page',
      measured: `${slowest.toFixed(1)} ms`,
      target: `under ${TARGETS.limitPageMilliseconds} ms`,
      met: slowest < TARGETS.limitPageMilliseconds,
    });
  }
  const largest = native['check:training-scenario-many-flags'];
  if (largest) {
    rows.push({
      what: 'native checks per second, largest example',
      measured: String(Math.round(largest.per_second)),
      target: `over ${TARGETS.nativeChecksPerSecondLargest}`,
      met: largest.per_second > TARGETS.nativeChecksPerSecondLargest,
    });
  }
  const oneThread = native['caseload:one-thread'];
  if (oneThread) {
    rows.push({
      what: `native batch, ${oneThread.rows.toLocaleString('en-GB')} rows on one thread, CSV in to CSV out`,
      measured: `${Math.round(oneThread.rows_per_second_per_core).toLocaleString('en-GB')} rows/s`,
      target: `over ${TARGETS.caseloadRowsPerSecondPerCore.toLocaleString('en-GB')} rows/s a core`,
      met: oneThread.rows_per_second_per_core > TARGETS.caseloadRowsPerSecondPerCore,
    });
  }
  const c = results.browser.caseload;
  if (c) {
    rows.push({
      what: `caseload in the page, ${c.rows.toLocaleString('en-GB')} rows, file to table`,
      measured: `${Math.round(c.milliseconds)} ms`,
      target: `under ${TARGETS.caseloadPageMilliseconds} ms`,
      met: c.milliseconds < TARGETS.caseloadPageMilliseconds,
    });
    rows.push({
      what: 'longest task on the page while a caseload is checked',
      measured: `${Math.round(c.longest)} ms`,
      target: `under ${TARGETS.longTaskMilliseconds} ms`,
      met: c.longest < TARGETS.longTaskMilliseconds,
    });
    rows.push({
      what: `a caseload's calendar in the page, ${c.calendar.cases.toLocaleString('en-GB')} cases with deadlines to come`,
      measured: `${Math.round(c.calendar.milliseconds)} ms, longest task ${Math.round(c.calendar.longest)} ms`,
      target: `under ${TARGETS.caseloadCalendarMilliseconds} ms for 100,000 cases, no task over ${TARGETS.longTaskMilliseconds} ms`,
      met: c.calendar.milliseconds < TARGETS.caseloadCalendarMilliseconds && c.calendar.longest < TARGETS.longTaskMilliseconds,
    });
  }
  const add = native['add-working-days-60'];
  if (add) {
    rows.push({
      what: 'add_working_days(…, 60) natively',
      measured: us(add.microseconds),
      target: `under ${TARGETS.addWorkingDaysMicroseconds} µs`,
      met: add.microseconds < TARGETS.addWorkingDaysMicroseconds,
    });
  }
  return rows;
}

async function main() {
  if (!existsSync(join(ROOT, 'www/pkg/sfo_check_bg.wasm'))) {
    throw new Error('build the page first (make build)');
  }
  const server = await serve();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const names = examples();
    const cases = Object.fromEntries(
      names.map((n) => [n, JSON.parse(readFileSync(join(ROOT, `examples/${n}.json`), 'utf8'))]),
    );
    // Each start in a fresh context (no cache, no service worker); the median
    // of several, since the first also waits for the server to compress files.
    const example = join(ROOT, 'examples/licence-murder-qualifies.json');
    const starts = [];
    for (let i = 0; i < (QUICK ? 1 : 5); i += 1) starts.push(await coldStart(browser, example));
    starts.sort((a, b) => a.milliseconds - b.milliseconds);
    const cold = starts[Math.floor(starts.length / 2)];
    const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.goto(`${ORIGIN}/`);
    const checks = await timeChecks(page, cases);
    const limits = await timeLimits(page);
    const caseload = await timeCaseload(browser);
    const results = {
      date: new Date().toISOString(),
      quick: QUICK,
      native: NATIVE && existsSync(NATIVE) ? JSON.parse(readFileSync(NATIVE, 'utf8')).native : undefined,
      browser: {
        batches: BATCHES,
        callsPerBatch: CALLS,
        checks,
        limits,
        caseload,
        readyMilliseconds: cold.readyMilliseconds,
        coldStartMilliseconds: cold.milliseconds,
        coldStartRuns: starts.map((s) => Math.round(s.milliseconds)),
      },
      sizes: {
        ...fileSizes(),
        firstLoadBytes: cold.transferred.reduce((sum, r) => sum + r.bytes, 0),
        firstLoadFiles: cold.transferred.length,
        firstLoad: cold.transferred,
      },
    };
    results.targets = targets(results);
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
    console.log(table(results));
    console.log(`\nfigures written to ${OUT}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

