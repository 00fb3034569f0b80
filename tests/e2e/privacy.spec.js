// Private by construction: no requests beyond the page's own files, nothing
// stored in the browser, and typed text is only ever shown as text.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, fillDate, expectStatus, EXAMPLE, DEFAULT_POLICY } from './helpers.js';

const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 8080}/`;
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

test('a full check makes no request to anywhere else and stores nothing', async ({ page, context }) => {
  const requests = [];
  const failed = [];
  context.on('request', (request) => requests.push(request.url()));
  context.on('response', (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
  await openApp(page);

  await page.setInputFiles('#open-case', EXAMPLE);
  await expectStatus(page, 'Qualifies as an SFO');
  await page.fill('#reference', 'Privacy check');
  await page.click('[data-add="events"]');
  await page.selectOption('#events-1-type', 'recall');
  await fillDate(page, 'events-1-date', 19, 4, 2024);
  await page.locator('#reference').focus();
  await expect(page.locator('#results-body')).toContainText('Recall on Fri 19 Apr 2024');
  for (const summary of await page.locator('details[data-flag] > summary').all()) await summary.click();

  const profile = JSON.parse(await readFile(DEFAULT_POLICY, 'utf8'));
  profile.id = 'privacy-region';
  await page.click('a.govuk-tabs__tab[href="#policy-tab-change"]');
  await page.setInputFiles('#policy-file', { name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(profile)) });
  await expect(page.locator('.app-stamp__policy-id')).toHaveText('privacy-region');
  await page.fill('#policy-step-D-QA', '25');
  await expect(page.locator('.app-stamp__policy-id')).toHaveText('privacy-region-edited');

  await Promise.all([page.waitForEvent('download'), page.click('#save-case')]);
  await Promise.all([page.waitForEvent('download'), page.click('#download-ics')]);
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  await page.click('#start-again');
  await page.click('#confirm-clear');

  expect(requests.length).toBeGreaterThan(0);
  const elsewhere = requests.filter((url) => !url.startsWith(ORIGIN));
  expect(elsewhere).toEqual([]);
  expect(failed, 'every file the page asks for is there').toEqual([]);

  expect(await context.cookies()).toEqual([]);
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: await indexedDB.databases(),
    cookie: document.cookie,
  }));
  expect(stored).toEqual({ local: 0, session: 0, databases: [], cookie: '' });
});

test('script in free text is shown as text, never run', async ({ page, context }) => {
  const requests = [];
  context.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await openApp(page);
  await page.setInputFiles('#open-case', EXAMPLE);
  await expectStatus(page, 'Qualifies as an SFO');

  await page.fill('#reference', XSS);
  await page.fill('#events-0-note', XSS);
  await page.locator('#today-day').focus();
  await expect(page.locator('.app-reference__text')).toHaveText(XSS);
  // The event is a fact of the first flag it raises; later flags point to it.
  for (const summary of await page.locator('details[data-flag] summary').all()) await summary.click();
  await expect(page.locator('#results-body')).toContainText(`Sat 2 Mar 2024: ${XSS}`);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#answers-list')).toContainText(`Case reference${XSS}`);
  await page.emulateMedia({ media: 'screen' });

  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(await page.locator('#results img, #answers-list img, #results script, #answers-list script').count()).toBe(0);
  expect(requests).not.toContain('/x');

  // The saved file and the calendar carry it as plain data too.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-case')]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(saved.reference).toBe(XSS);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});

test('a caseload is checked without a request anywhere else, and nothing of it is stored', async ({ page, context }) => {
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const reference = `Caseload probe ${Date.now().toString(36)}`;
  await openApp(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.locator('#navigation a[data-view="caseload"]').click();
  await page.setInputFiles('#caseload-file', {
    name: 'probe.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`reference,today,offence,charged,first_court_appearance\n${reference},2024-07-01,murder,2024-03-12,2024-03-14\n`),
  });
  await expect(page.locator('#caseload-cases')).toContainText(reference);
  await Promise.all([page.waitForEvent('download'), page.click('#caseload-save-csv')]);
  await Promise.all([page.waitForEvent('download'), page.click('#caseload-save-ics')]);
  await page.getByRole('link', { name: `${reference} (row 2): open in the form` }).click();
  await expect(page.locator('#reference')).toHaveValue(reference);

  // The worker and its engine module came from the page's own server; nothing else was asked for.
  expect(requests.some((url) => url.endsWith('/caseload-worker.js'))).toBe(true);
  expect(requests.filter((url) => !url.startsWith(ORIGIN))).toEqual([]);
  const stored = await page.evaluate(async (probe) => {
    const cachedText = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) cachedText.push(await (await cache.match(request)).text());
    }
    return {
      local: localStorage.length,
      session: sessionStorage.length,
      databases: await indexedDB.databases(),
      cookie: document.cookie,
      inCache: cachedText.some((text) => text.includes(probe)),
    };
  }, reference);
  expect(stored).toEqual({ local: 0, session: 0, databases: [], cookie: '', inCache: false });
  expect(await context.cookies()).toEqual([]);
});
