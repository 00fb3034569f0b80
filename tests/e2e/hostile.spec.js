// Hostile and careless files in the page (issue 20): refused by their size
// before a byte is read, nested too deeply, claiming a built-in id, linking
// to something that is not a web page; and Save never writing a file the
// page cannot open again.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, openCase, expectStatus, QUALIFYING, DEFAULT_POLICY } from './helpers.js';

const SCENARIOS = new URL('../../scenarios/', import.meta.url);

/**
 * Picks a file of `bytes` zero bytes in input `selector`, made in the page
 * (no such file crosses from the test), counting every read of a file's
 * contents from then on in window.reads.
 */
async function pickLargeFile(page, selector, name, bytes) {
  await page.evaluate(({ selector, name, bytes }) => {
    window.reads = 0;
    for (const method of ['text', 'arrayBuffer', 'stream', 'bytes']) {
      const original = Blob.prototype[method];
      if (!original) continue;
      Blob.prototype[method] = function counted(...args) {
        window.reads += 1;
        return original.apply(this, args);
      };
    }
    const file = new File([new Uint8Array(bytes)], name);
    const input = document.querySelector(selector);
    const picked = new DataTransfer();
    picked.items.add(file);
    input.files = picked.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, { selector, name, bytes });
}

const reads = (page) => page.evaluate(() => window.reads);

test('every kind of file over its limit is refused by its size, unread, in the engine’s words', async ({ page }) => {
  test.setTimeout(60_000);
  await openApp(page);
  const overOneMb = 1024 * 1024 + 1;

  await pickLargeFile(page, '#open-case', 'big-case.json', overOneMb);
  await expect(page.locator('#file-problems')).toContainText('big-case.json could not be opened');
  await expect(page.locator('#file-problems')).toContainText('The case file is larger than 1 MB (1048576 bytes), the most sfo-check reads');
  expect(await reads(page)).toBe(0);

  await page.click('a.govuk-tabs__tab[href="#policy-tab-change"]');
  await pickLargeFile(page, '#policy-file', 'big-policy.json', overOneMb);
  await expect(page.locator('#policy-errors')).toContainText('big-policy.json: The policy file is larger than 1 MB');
  expect(await reads(page)).toBe(0);

  await page.click('#navigation a[data-view="training"]');
  await expect(page.locator('#training-library tbody tr').first()).toBeVisible();
  await pickLargeFile(page, '#scenario-files', 'big-scenario.json', overOneMb);
  await expect(page.locator('#training-problems')).toContainText('big-scenario.json: The scenario file is larger than 1 MB');
  expect(await reads(page)).toBe(0);

  // A caseload over 64 MB: refused at once, not read whole first.
  await page.click('#navigation a[data-view="caseload"]');
  await expect(page.locator('#caseload-title')).toBeFocused();
  await pickLargeFile(page, '#caseload-file', 'big.csv', 65 * 1024 * 1024);
  await expect(page.locator('#caseload-problems')).toContainText('big.csv could not be checked');
  await expect(page.locator('#caseload-problems')).toContainText('The file is 65.0 MB: the most a caseload file holds is 64 MB');
  expect(await reads(page)).toBe(0);
});

test('a file nested 10,000 levels deep is an error the user sees, whatever kind of file it is', async ({ page }) => {
  await openApp(page);
  const deep = Buffer.from(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
  // An earlier file's problem first: it must not stay on screen.
  await page.setInputFiles('#open-case', { name: 'earlier.json', mimeType: 'application/json', buffer: Buffer.from('{"offence":{"id":1,"id":2}}') });
  await expect(page.locator('#file-problems')).toContainText('earlier.json could not be opened');
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setInputFiles('#open-case', { name: 'deep.json', mimeType: 'application/json', buffer: deep });
  await expect(page.locator('#file-problems')).toContainText('deep.json could not be opened');
  await expect(page.locator('#file-problems')).toContainText('The case file is nested more than 127 levels deep');
  await expect(page.locator('#file-problems')).not.toContainText('earlier.json');

  await page.click('a.govuk-tabs__tab[href="#policy-tab-change"]');
  await page.setInputFiles('#policy-file', { name: 'deep-policy.json', mimeType: 'application/json', buffer: deep });
  await expect(page.locator('#policy-errors')).toContainText('deep-policy.json: The policy profile is nested more than 127 levels deep');

  await page.click('#navigation a[data-view="training"]');
  await expect(page.locator('#training-library tbody tr').first()).toBeVisible();
  await page.setInputFiles('#scenario-files', { name: 'deep-scenario.json', mimeType: 'application/json', buffer: deep });
  await expect(page.locator('#training-problems')).toContainText('deep-scenario.json: The whole file: the scenario is nested more than 127 levels deep');

  await page.click('#navigation a[data-view="caseload"]');
  await expect(page.locator('#caseload-title')).toBeFocused();
  await page.setInputFiles('#caseload-file', { name: 'deep.jsonl', mimeType: 'application/x-ndjson', buffer: deep });
  await expect(page.locator('#caseload-results')).toContainText('nested more than 127 levels deep');
  expect(pageErrors).toEqual([]);
});

test('Save never writes a case the page cannot open again: a 20,000-character reference goes in a draft, which opens', async ({ page }) => {
  await openApp(page);
  // With 200 events, the draft holds more than 500 answers: it opens all the same.
  const events = Array.from({ length: 200 }, (_, i) => ({ type: 'agency-intelligence', date: '2024-01-02', note: `Note ${i}` }));
  await openCase(page, { ...QUALIFYING, events });
  await expectStatus(page, 'Qualifies as an SFO');
  const long = `R${'x'.repeat(19_999)}`;
  await page.locator('#reference').fill(long);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-case')]);
  expect(download.suggestedFilename()).toMatch(/^sfo-draft-/);
  await expect(page.locator('#save-status')).toContainText('Saved as a draft');
  const saved = await readFile(await download.path(), 'utf8');
  const draft = JSON.parse(saved);
  expect(draft.schema).toBe('sfo-check/draft@1');
  expect(draft.form.values.reference).toBe(long);
  expect(draft.answers_with_errors.map((e) => e.field)).toContain('reference');
  expect(Object.keys(draft.form.values).length).toBeGreaterThan(500);

  // It opens again, the long reference back in its field with its error.
  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
  await page.setInputFiles('#open-case', { name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(page.locator('#save-status')).toContainText('Opened the draft draft.json');
  await expect(page.locator('#reference')).toHaveValue(long);
  await expect(page.locator('[data-row="events"]')).toHaveCount(200);
  await expect(page.locator('#events-199-note')).toHaveValue('Note 199');
  await expect(page.locator('#error-summary')).toContainText('is longer than 10,000 characters');
  await expect(page.locator('#file-problems')).toBeHidden();
});

test('a policy file claiming the built-in profile’s id is refused, naming it', async ({ page }) => {
  await openApp(page);
  const profile = JSON.parse(await readFile(DEFAULT_POLICY, 'utf8'));
  profile.timetable[1].offset.amount = 8;
  await page.click('a.govuk-tabs__tab[href="#policy-tab-change"]');
  await page.setInputFiles('#policy-file', { name: 'corrected.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(profile)) });
  await expect(page.locator('#policy-errors')).toContainText('corrected.json: Id: “ew-default-2024” is the built-in profile’s id: give this profile an id of its own');
  await openCase(page, QUALIFYING);
  await expectStatus(page, 'Qualifies as an SFO');
  // Still the built-in 5 working days: Tue 14 May 2024 + 5 is Tue 21 May.
  await expect(page.locator('#results-body [data-step="D-NOTIFY"]')).toContainText('Tue 21 May 2024');
});

test('a scenario’s source links only to a web page; a shared file cannot replace a built-in scenario', async ({ page }) => {
  await page.goto('/#training');
  await expect(page.locator('#training-library tbody tr').first()).toBeVisible();
  const rows = await page.locator('#training-library tbody tr').count();
  const good = JSON.parse(await readFile(new URL('notification-due-today.json', SCENARIOS), 'utf8'));
  const own = (id, citations) => Buffer.from(JSON.stringify({ ...good, id, title: `Own ${id}`, citations }));
  await page.setInputFiles('#scenario-files', [
    { name: 'script.json', mimeType: 'application/json', buffer: own('own-script', [
      { title: 'Own source by script', url: 'javascript:alert(document.domain)' },
      { title: 'Own source as data', url: 'data:text/html,<script>alert(1)</script>' },
      { title: 'Own source on the web', url: 'https://www.justiceinspectorates.gov.uk/hmiprobation/' },
    ]) },
    { name: 'takes-built-in.json', mimeType: 'application/json', buffer: own('notification-due-today', []) },
  ]);
  const problems = page.locator('#training-problems');
  await expect(problems.locator('li')).toHaveCount(1);
  await expect(problems).toContainText('takes-built-in.json: its id, “notification-due-today”, is the id of “');
  await expect(problems).toContainText('in the page’s own library, which a file may not replace');
  await expect(page.locator('#training-library tbody tr')).toHaveCount(rows + 1);
  await expect(page.locator('#training-library tr[data-scenario="notification-due-today"]')).not.toContainText('Your file');

  await page.locator('button[data-scenario="own-script"]').click();
  await page.locator('#reveal').click();
  const sources = page.locator('#round-reveal .app-citation', { hasText: 'Own source' });
  await expect(sources).toHaveCount(3);
  const hrefs = await sources.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(['https://www.justiceinspectorates.gov.uk/hmiprobation/']);
  await expect(sources.nth(0)).toContainText('(source address, not a web page: javascript:alert(document.domain))');
  await expect(sources.nth(1)).toContainText('not a web page: data:text/html');
});

test('the JS API: a checker with a bad profile is { ok: false, errors }, and the largest index is counted', async ({ page }) => {
  await openApp(page);
  const answers = await page.evaluate(async () => {
    const { loadEngine } = await import('./engine.js');
    const engine = await loadEngine();
    const builtIn = engine.defaultPolicy();
    const bad = engine.checker([{ ...builtIn, id: 'region' }, builtIn]);
    return {
      bad: { ok: bad.ok, errors: bad.errors.map((e) => [e.path, e.code]) },
      good: engine.checker([{ ...builtIn, id: 'region' }]).ok,
      label: engine.fieldLabel('supervision[4294967295]'),
    };
  });
  expect(answers.bad).toEqual({ ok: false, errors: [['policies[1].id', 'duplicate']] });
  expect(answers.good).toBe(true);
  expect(answers.label).toBe('Supervision period 4294967296');
});
