// The caseload view: a CSV picked by keyboard is checked in a worker with
// progress shown; the table sorts, filters and pages; a row opens its case in
// the form; the exports download and parse; the golden caseload gives the
// same results as the command line; axe finds nothing; no request leaves.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import { openApp } from './helpers.js';

const ROOT = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, ROOT), 'utf8');
const EXAMPLE = new URL('examples/caseload.csv', ROOT).pathname;

async function openCaseload(page) {
  await openApp(page);
  await page.getByRole('link', { name: 'Caseload' }).click();
  await expect(page.locator('#caseload-title')).toBeFocused();
}

async function pick(page, file) {
  // By keyboard: Tab to the file input and open the chooser with Space.
  await page.locator('#caseload-file').focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await chooser).setFiles(file);
}

/** Rows of the cases table, as the cells' text. */
async function tableRows(page) {
  return page.locator('#caseload-cases tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));
}

/** A CSV of `n` generated cases (every tenth has an impossible date). */
function generated(n) {
  const lines = ['reference,today,supervision_type,supervision_start,supervision_scheduled_end,offence,alleged_from,charged,first_court_appearance,notification_submitted'];
  for (let i = 0; i < n; i += 1) {
    const charged = i % 10 === 9 ? '2024-02-30' : `2024-0${1 + (i % 5)}-1${i % 9}`;
    lines.push(`G-${i},2024-07-01,licence,2023-01-02,2025-01-01,${i % 2 ? 'murder' : 'kidnapping'},2024-01-0${1 + (i % 8)},${charged},${charged},`);
  }
  return { name: 'generated.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) };
}

test.describe('caseload', () => {
  test.beforeEach(async ({ page }) => {
    page.requests = [];
    page.on('request', (r) => page.requests.push(r.url()));
  });

  test('a file picked by keyboard is checked, summarised and listed', async ({ page }) => {
    await openCaseload(page);
    await pick(page, EXAMPLE);
    await expect(page.locator('#caseload-results-title')).toBeFocused();
    await expect(page.locator('#caseload-results-title')).toHaveText('Results for caseload.csv');
    // examples/caseload.csv: CL-001 qualifies (murder on licence); CL-002 and
    // CL-003 do not (offence after the window closed); CL-004 has no charge
    // yet (not yet); CL-005 has 31 February and an unknown offence.
    const figures = await page.locator('.app-figure').evaluateAll((els) => els.map((e) => [e.querySelector('dt').innerText, e.querySelector('dd').innerText]));
    expect(figures).toEqual([
      ['Qualifies as an SFO', '1'],
      ['Check with your SFO lead', '0'],
      ['Not yet an SFO', '1'],
      ['Does not qualify as an SFO', '2'],
      ['Rows with errors', '1'],
      ['Steps overdue', '1'],
      ['Steps due within 5 working days', '0'],
    ]);
    const rows = await tableRows(page);
    expect(rows.map((r) => r[0])).toEqual(['2', '3', '4', '5', '6']);
    // CL-001: the review was due 60 working days after the notification on
    // Wed 20 Mar 2024: Tue 18 Jun 2024, 9 working days before Mon 1 Jul 2024.
    expect(rows[0].slice(1, 6)).toEqual(['CL-001 (row 2): open in the form', 'Qualifies', 'SFO review submitted', 'Tue 18 Jun 2024', 'Overdue by 9 working days']);
    expect(rows[4][2]).toBe('Errors');
    expect(rows[4][3]).toContain('Column “charged”: 31 February 2024 is not a real date');
    expect(rows[4][3]).toContain('Column “offence”: "murdr" is not in the offence catalogue');
    // The chart and its table hold the same figure: one overdue step.
    await expect(page.locator('.app-chart')).toHaveAttribute('role', 'img');
    await expect(page.locator('.app-caseload-weeks tbody tr').first()).toContainText('Overdue');
    await expect(page.locator('.app-caseload-weeks tbody tr').first().locator('td').last()).toHaveText('1');
    expect(page.requests.filter((u) => !u.startsWith('http://localhost'))).toEqual([]);
  });

  // How long it takes, and the longest task on the page meanwhile, are
  // measured by `make bench` (100,000 rows), not here.
  test('progress is shown while a large file is checked', async ({ page }) => {
    await openCaseload(page);
    await page.setInputFiles('#caseload-file', generated(20_000));
    await expect(page.locator('#caseload-progress')).toBeVisible();
    await expect(page.locator('#caseload-progress-text')).toContainText(/Checked [\d,]+ of 20,000 cases|Reading generated.csv/);
    await expect(page.locator('#caseload-results-title')).toBeFocused({ timeout: 20_000 });
    await expect(page.locator('#caseload-progress')).toBeHidden();
    await expect(page.locator('#caseload-shown')).toHaveText('Showing 1 to 50 of 20,000 cases, sorted by row, ascending.');
    await expect(page.locator('.app-figure').nth(4).locator('dd')).toHaveText('2,000');
  });

  test('the table sorts, filters and pages', async ({ page }) => {
    await openCaseload(page);
    await page.setInputFiles('#caseload-file', generated(120));
    await expect(page.locator('#caseload-results-title')).toBeFocused();
    await expect(page.locator('#caseload-shown')).toHaveText('Showing 1 to 50 of 120 cases, sorted by row, ascending.');
    // Sort by reference, descending: G-99 sorts last as text ascending, first descending.
    const reference = page.locator('th:has(button[data-sort="reference"])');
    await reference.locator('button').click();
    await expect(reference).toHaveAttribute('aria-sort', 'ascending');
    await reference.locator('button').click();
    await expect(reference).toHaveAttribute('aria-sort', 'descending');
    await expect(page.locator('th:has(button[data-sort="row"])')).toHaveAttribute('aria-sort', 'none');
    expect((await tableRows(page))[0][1]).toBe('G-99 (row 101): open in the form');
    // Filter: only rows with errors (every tenth: 12 of 120).
    await page.selectOption('#caseload-filter-status', 'error');
    await expect(page.locator('#caseload-shown')).toHaveText('Showing 1 to 12 of 12 cases (of 120), sorted by reference, descending.');
    await page.selectOption('#caseload-filter-status', '');
    await page.fill('#caseload-filter-search', 'g-11');
    await expect(page.locator('#caseload-shown')).toHaveText(/of 11 cases \(of 120\)/);
    await page.fill('#caseload-filter-search', '');
    await expect(page.locator('#caseload-shown')).toHaveText(/Showing 1 to 50 of 120 cases/);
    // Next page, by keyboard.
    await page.getByRole('link', { name: 'Next page' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#caseload-shown')).toHaveText(/Showing 51 to 100 of 120 cases/);
    await expect(page.locator('#caseload-shown')).toBeFocused();
    await expect(page.locator('.app-pagination-place')).toHaveText('Page 2 of 3');
  });

  test('a row opens its case in the form', async ({ page }) => {
    await openCaseload(page);
    await pick(page, EXAMPLE);
    await page.getByRole('link', { name: 'CL-001 (row 2): open in the form' }).click();
    await expect(page.locator('#check-view')).toBeVisible();
    await expect(page.locator('#caseload-view')).toBeHidden();
    await expect(page.locator('#result-status-heading')).toHaveText('Qualifies as an SFO');
    await expect(page.locator('[id="reference"]')).toHaveValue('CL-001');
    await expect(page.locator('#save-status')).toHaveText('Opened row 2 of caseload.csv. Back to the caseload');
    // Back to the caseload: its results are still there.
    await page.getByRole('link', { name: 'Back to the caseload' }).click();
    await expect(page.locator('#caseload-results-title')).toHaveText('Results for caseload.csv');
  });

  test('the results and the open deadlines download and parse', async ({ page }) => {
    await openCaseload(page);
    await page.setInputFiles('#caseload-file', new URL('tests/caseload/golden.csv', ROOT).pathname);
    await expect(page.locator('#caseload-results-title')).toBeFocused();
    // The CSV is the command line's (the golden expected output, byte for
    // byte) after the byte-order mark spreadsheets need to read UTF-8.
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#caseload-save-csv')]);
    expect(readFileSync(await csvDownload.path(), 'utf8')).toBe(`\uFEFF${read('tests/caseload/golden.expected.csv')}`);
    const [icsDownload] = await Promise.all([page.waitForEvent('download'), page.click('#caseload-save-ics')]);
    expect(icsDownload.suggestedFilename()).toMatch(/^golden-deadlines-\d{4}-\d\d-\d\d\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(await icsDownload.path(), 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    // Every step still to do (due, due today, or the window open) in the
    // golden caseload, by the expected results: one event each.
    const [header, ...lines] = read('tests/caseload/golden.expected.csv').trim().split('\n').map((l) => l.split(','));
    const stateColumns = header.flatMap((name, i) => (/^D-.*_state$/.test(name) ? [i] : []));
    const expected = lines.flatMap((cells) => stateColumns.filter((i) => ['due-in', 'due-today', 'open'].includes(cells[i]))).length;
    expect(events.length).toBe(expected);
    // The same event as the case's own calendar: d-notify-due-in's notification.
    const notify = events.find((e) => e.summary === 'SFO notification due — d-notify-due-in');
    expect(notify).toBeTruthy();
    expect(notify.component.getAllSubcomponents('valarm').length).toBe(2);
    await expect(page.locator('#caseload-export-status')).toContainText('Past and done steps are left out.');
  });

  test('a JSON line names its problem in words, and sorting keeps the focus', async ({ page }) => {
    await openCaseload(page);
    const lines = [
      JSON.stringify({ reference: 'J-1', today: '2024-07-01', offence: { id: 'murder', charged: '2024-03-12', first_court_appearance: '2024-03-14' } }),
      JSON.stringify({ reference: 'J-2', offence: { charged: '2024-02-30' } }),
    ];
    await page.setInputFiles('#caseload-file', { name: 'cases.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${lines.join('\n')}\n`) });
    await expect(page.locator('#caseload-results-title')).toBeFocused();
    const rows = await tableRows(page);
    expect(rows[1][3]).toBe('Date charged: 30 February 2024 is not a real date (February 2024 has 29 days)');
    await page.locator('button[data-sort="status"]').click();
    await expect(page.locator('th:has(button[data-sort="status"])')).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.locator('button[data-sort="status"]')).toBeFocused();
  });

  test('a file that cannot be read says why', async ({ page }) => {
    await openCaseload(page);
    await page.setInputFiles('#caseload-file', { name: 'typo.csv', mimeType: 'text/csv', buffer: Buffer.from('reference,ofence\nA,murder\n') });
    await expect(page.locator('#caseload-problems')).toBeFocused();
    await expect(page.locator('#caseload-problems')).toContainText('typo.csv could not be checked');
    await expect(page.locator('#caseload-problems')).toContainText('“ofence”');
  });

  test('axe finds nothing to fix, before and after a file', async ({ page }) => {
    await openCaseload(page);
    await page.locator('#caseload-format summary').click();
    let results = await new AxeBuilder({ page }).include('#caseload-view').analyze();
    expect(results.violations).toEqual([]);
    await pick(page, EXAMPLE);
    await expect(page.locator('#caseload-results-title')).toBeFocused();
    results = await new AxeBuilder({ page }).include('#caseload-view').analyze();
    expect(results.violations).toEqual([]);
  });
});
