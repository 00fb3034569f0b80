// The print view: no controls, the answers entered, every result (flags
// open), the stamp and the print date; and the printed PDF itself, read with
// pdf.js: how many pages, what page 1 says, no stranded headings, margins.
import { test, expect } from '@playwright/test';
import { openApp, openCase, expectStatus, FLAGGED, QUALIFYING } from './helpers.js';
import { pdfPages } from './pdf.js';

test('print shows the answers and all results without the controls', async ({ page }) => {
  await openApp(page);
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  await page.emulateMedia({ media: 'print' });

  for (const selector of ['#case-form', '#save-case', '#print', '#start-again', '#check-now', '#download-ics', '#policy-profile', '.govuk-generic-header', '.govuk-footer', '#how-the-rules-work']) {
    await expect(page.locator(selector)).toBeHidden();
  }
  expect(await page.locator('.govuk-button:visible, input:visible, select:visible').count()).toBe(0);

  await expect(page.locator('#result-status-heading')).toHaveText('Qualifies as an SFO');
  await expect(page.locator('#results-body [data-step="D-NOTIFY"]')).toBeVisible();
  // Flags print open even though they are closed on screen.
  await expect(page.locator('details[data-flag="F-DA-ENQUIRY"] .govuk-details__text')).toBeVisible();
  await expect(page.locator('#stamp')).toBeVisible();
  await expect(page.locator('#stamp')).toContainText('ew-default-2024');
  await expect(page.locator('#printed-on')).toBeVisible();
  await expect(page.locator('#printed-on')).toContainText(/Printed on \d{1,2} \w{3} \d{4}/);

  const answers = page.locator('#answers');
  await expect(answers).toBeVisible();
  await expect(answers).toContainText('Case referenceFlags example');
  await expect(answers).toContainText('Date of the first court appearance on the chargeTue 14 May 2024');
  await expect(answers).toContainText('Event 1: NotePolice attended the home');
  // Only answered questions are printed.
  await expect(answers).not.toContainText('Date charges were dropped');
  await expect(answers).not.toContainText('Is it a complex case?');

  await page.screenshot({ path: 'screenshots/print.png', fullPage: true });

  // The printed PDF (A4): the headings the print view shows, to look for on its pages.
  const headings = await page.locator('h1, h2, h3, h4, summary').evaluateAll((els) => els
    .filter((el) => el.checkVisibility()).map((el) => el.textContent.replace(/\s+/g, ' ').trim()));
  expect(headings).toEqual(expect.arrayContaining(['Results', 'Deadlines', 'Flags (4)', 'Answers entered']));
  const pages = await pdfPages(await page.pdf({ format: 'A4' }));
  // Measured: 8 pages with the print stylesheet; 23 without it (the whole form
  // and the page's controls printed). A broken print view runs far over 10.
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages.length).toBeLessThanOrEqual(10);

  // Page 1: the title, when it was printed, then the result for this case.
  const first = pages[0];
  // (The title may take one line or two.)
  const start = first.findIndex((line) => line.startsWith('Printed on'));
  expect(first.slice(0, start).join(' ')).toBe('Check a Serious Further Offence case');
  expect(first[start]).toMatch(/^Printed on \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);
  expect(first.slice(start + 1, start + 4)).toEqual(['Results', 'Case: Flags example', 'Qualifies as an SFO']);
  expect(first.join(' ')).toContain('This case qualifies as a Serious Further Offence: an SFO review is required.');
  expect(first.join(' ')).toContain('Policy profile: England and Wales default profile');
  expect(first).toContain('Why');

  const all = pages.map((p) => p.join('\n')).join('\n');
  for (const control of ['Save case (JSON)', 'Print or save as PDF', 'Start again', 'Check now', 'Skip to main content', 'Go to the results', 'Download deadlines']) {
    expect(all).not.toContain(control);
  }
  // Every flag prints open, and the stamp and the answers are there.
  expect(all.match(/What to check/g)).toHaveLength(4);
  expect(all).toContain('How this was worked out');
  // The answers start a page of their own.
  const answersPage = pages.findIndex((p) => p[0] === 'Answers entered');
  expect(answersPage).toBeGreaterThan(0);
  expect(pages.slice(answersPage).join('\n')).toContain('Event 1: Note Police attended the home');
  // No heading is left alone at the foot of a page.
  const squash = (text) => text.replace(/\s+/g, '');
  const stranded = pages.map((p, i) => [i + 1, p.at(-1)]).filter(([, last]) => headings.some((h) => squash(h) === squash(last)));
  expect(stranded).toEqual([]);
  // Every page keeps a margin: no text within 10 mm (28 points) of the left edge.
  expect(pages.map((p) => p.left).filter((left) => left < 28)).toEqual([]);
});

test('a short result still prints the answers on a page of their own', async ({ page }) => {
  await openApp(page);
  await openCase(page, QUALIFYING);
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(page.locator('#case-timeline svg[role="img"]')).toBeAttached();
  const pages = await pdfPages(await page.pdf({ format: 'A4' }));
  // Measured: 5 pages (results, deadlines, the stamp, the timeline, the answers).
  expect(pages.length).toBeLessThanOrEqual(5);
  const answersPage = pages.findIndex((p) => p.includes('Answers entered'));
  expect(answersPage).toBeGreaterThan(0);
  expect(pages[answersPage][0]).toBe('Answers entered');
  // The picture of the case follows the results, once, and before the answers.
  const text = pages.map((p) => p.join(' '));
  const stamp = text.findIndex((p) => p.includes('How this was worked out'));
  const picture = text.findIndex((p) => p.includes('The case on a timeline'));
  expect(stamp).toBeGreaterThan(0);
  expect(picture).toBeGreaterThanOrEqual(stamp);
  expect(picture).toBeLessThan(answersPage);
  expect(text[picture]).toContain('Working day 28: last day');
  expect(text[picture]).not.toContain('Today Today');
  expect(pages[answersPage].join(' ')).toContain('Case reference Test case 1');
});
