// The printed record: no controls, a title naming the case and the day it
// was checked, the disclaimer and how the result was worked out on page 1,
// results first (flags open, sources numbered once), the timeline, then the
// answers as a compact table; read back from the PDF with pdf.js: the page
// budgets, what page 1 says, nothing split, no stranded headings, margins.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, openCase, expectStatus, EXAMPLE, FLAGGED, QUALIFYING } from './helpers.js';
import { pdfPages } from './pdf.js';

const TRAINING = new URL('../../examples/training-scenario-many-flags.json', import.meta.url).pathname;

async function printed(page, caseData, heading) {
  await openApp(page);
  await openCase(page, caseData);
  await expectStatus(page, heading);
  await expect(page.locator('#case-timeline svg[role="img"]')).toBeAttached();
  await page.emulateMedia({ media: 'print' });
  return pdfPages(await page.pdf({ format: 'A4' }));
}

test('print shows the answers and all results without the controls', async ({ page }) => {
  const pages = await printed(page, FLAGGED, 'Qualifies as an SFO');
  for (const selector of ['#case-form', '#save-case', '#print', '#start-again', '#check-now', '#download-ics', '#policy-profile', '.govuk-generic-header', '.govuk-footer', '#how-the-rules-work', '#status-bar', '#check-title']) {
    await expect(page.locator(selector)).toBeHidden();
  }
  expect(await page.locator('.govuk-button:visible, input:visible, select:visible').count()).toBe(0);
  await expect(page.locator('#result-status-heading')).toHaveText('Qualifies as an SFO');
  // Flags print open even though they are closed on screen.
  await expect(page.locator('details[data-flag="F-DA-ENQUIRY"] .govuk-details__text')).toBeVisible();
  // No link styling on paper: a field link reads as the text around it.
  const link = page.locator('#results-body a.app-field-link').first();
  const [linkStyle, textColour] = await link.evaluate((a) => [getComputedStyle(a), getComputedStyle(a.closest('li'))]
    .map((s, i) => (i ? s.color : [s.color, s.textDecorationLine])));
  expect(linkStyle).toEqual([textColour, 'none']);

  const answers = page.locator('#answers');
  await expect(answers).toBeVisible();
  await expect(answers).toContainText('Case referenceFlags example');
  await expect(answers).toContainText('Date of the first court appearance on the chargeTue 14 May 2024');
  await expect(answers).toContainText('Event 1: NotePolice attended the home');
  // Only answered questions are printed.
  await expect(answers).not.toContainText('Date charges were dropped');
  await page.screenshot({ path: 'screenshots/print.png', fullPage: true });

  // Page 1: the title with the case and the day it was checked, when it was
  // printed, the disclaimer, how it was worked out, then the result.
  const first = pages[0].join(' ');
  expect(first).toMatch(/^SFO check: Flags example, checked on Mon 1 Jul 2024 Printed on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} Beta\. A checking aid /);
  expect(first).toContain('not official guidance: check every answer against your region’s SFO guidance and your SFO lead.');
  expect(first).toMatch(/Worked out by sfo-check \d+\.\d+\.\d+ \(build [0-9a-f]{12}, engine module [0-9a-f]{12}\) with the policy profile England and Wales default profile/);
  expect(first).toContain('Qualifies as an SFO');
  expect(first).toContain('This case qualifies as a Serious Further Offence: an SFO review is required.');

  const all = pages.map((p) => p.join('\n')).join('\n');
  for (const control of ['Save case (JSON)', 'Print or save as PDF', 'Start again', 'Check now', 'Skip to', 'Go to the results', 'Download deadlines', 'Check a Serious Further Offence case']) {
    expect(all).not.toContain(control);
  }
  // Every flag prints open; sources are numbered and listed once.
  expect(all.match(/What to check/g)).toHaveLength(4);
  expect(all.match(/^1\. HM Inspectorate of Probation, Serious Further Offences Annual Report 2024/m)).toHaveLength(1);
  expect(all).toMatch(/Confirmed \. Source 1\./);
  // Results, then the timeline, then the answers.
  const at = (text) => all.indexOf(text);
  expect(at('Flags (4)')).toBeLessThan(at('The case on a timeline'));
  expect(at('The case on a timeline')).toBeLessThan(at('Answers entered'));
  expect(all).toContain('Event 1: Note Police attended the home');
  // No heading is left alone at the foot of a page.
  const headings = await page.locator('h2, h3, h4, summary').evaluateAll((els) => els
    .filter((el) => el.checkVisibility()).map((el) => el.textContent.replace(/\s+/g, ' ').trim()));
  const squash = (text) => text.replace(/\s+/g, '');
  const stranded = pages.map((p, i) => [i + 1, p.at(-1)]).filter(([, last]) => headings.some((h) => squash(h) === squash(last)));
  expect(stranded).toEqual([]);
  // Every page keeps a margin: no text within 10 mm (28 points) of the left edge.
  expect(pages.map((p) => p.left).filter((left) => left < 28)).toEqual([]);
});

for (const [file, heading, budget, flags] of [
  [EXAMPLE, 'Qualifies as an SFO', 4, 4],
  [TRAINING, 'Check with your SFO lead', 7, 13],
]) {
  const name = file.split('/').at(-1);
  test(`${name} prints on at most ${budget} A4 pages, no flag or deadline split across two`, async ({ page }) => {
    const caseData = JSON.parse(await readFile(file, 'utf8'));
    const pages = await printed(page, caseData, heading);
    // Measured: 4 and 7 pages (3 and 6 before each reading's status said
    // whose finding it reads, and each source was cited by its own section);
    // before the compact record, 10 and 19.
    expect(pages.length).toBeLessThanOrEqual(budget);
    const first = pages[0].join(' ');
    expect(first).toContain(`SFO check: ${caseData.reference.slice(0, 30)}`);
    expect(first).toContain('not official guidance');
    expect(first).toContain('Worked out by sfo-check');
    expect(first).toContain(heading);
    // Each flag's title and its "What to check" are on the same page.
    const flagPages = pages.map((p) => p.join(' '));
    let whole = 0;
    for (const text of flagPages) {
      const titles = (text.match(/ F-[A-Z-]+[A-Z]/g) ?? []).length;
      const checks = (text.match(/What to check/g) ?? []).length;
      expect(checks).toBe(titles);
      whole += checks;
    }
    expect(whole).toBe(flags);
    // Each deadline row whole on one page: the step with its rule.
    for (const [step, rule] of [
      ['D-WINDOW-CLOSE', '28 working days after the end of supervision'],
      ['D-NOTIFY', '5 working days after the first court appearance'],
      ['D-REVIEW', '60 working days after the notification being submitted'],
      ['D-QA', '20 working days after the review being submitted'],
    ]) {
      const rowPage = flagPages.find((text) => new RegExp(`${step}\\b`).test(text) && text.includes('Step Due State Rule'));
      expect(rowPage, step).toContain(rule);
    }
    expect(pages.at(-1).join(' ')).toContain(caseData.events.at(-1).note ?? caseData.events.at(-1).type);
  });
}

test('a short result prints the timeline and the answers after the results', async ({ page }) => {
  const pages = await printed(page, QUALIFYING, 'Qualifies as an SFO');
  expect(pages.length).toBeLessThanOrEqual(2);
  const text = pages.map((p) => p.join(' ')).join(' ');
  expect(text).toContain('Working day 28: last day');
  expect(text).not.toContain('Today Today');
  expect(text.indexOf('The case on a timeline')).toBeLessThan(text.indexOf('Answers entered'));
  expect(text).toContain('Case reference Test case 1');
});
