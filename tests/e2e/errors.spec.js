// Every kind of error appears in the GOV.UK error summary and beside its
// field, links to the field, and never clears what was typed.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, fillDate, openCase, expectStatus, QUALIFYING } from './helpers.js';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

const summary = (page) => page.locator('#error-summary');

test('an impossible date shows the engine message, links to the day box and keeps the typing', async ({ page }) => {
  await page.selectOption('#supervision-0-type', 'licence');
  await fillDate(page, 'supervision-0-start', 31, 2, 2024);
  await page.locator('#reference').focus(); // leave the date

  await expect(summary(page)).toBeVisible();
  await expect(summary(page).locator('[role="alert"]')).toBeAttached();
  const link = summary(page).getByRole('link', { name: /31 February 2024 is not a real date \(February 2024 has 29 days\)/ });
  await expect(link).toHaveText('Start date for supervision period 1: 31 February 2024 is not a real date (February 2024 has 29 days)');
  await expect(link).toHaveAttribute('href', '#supervision-0-start-day');

  const group = page.locator('[data-field="supervision[0].start"]');
  await expect(group).toHaveClass(/govuk-form-group--error/);
  await expect(group.locator('.govuk-error-message')).toContainText('February 2024 has 29 days');
  await expect(group.locator('fieldset')).toHaveAttribute('aria-describedby', /supervision-0-start-error/);
  await expect(page.locator('#supervision-0-start-day')).toHaveClass(/govuk-input--error/);

  await link.click();
  await expect(page.locator('#supervision-0-start-day')).toBeFocused();
  await expect(page.locator('#supervision-0-start-day')).toHaveValue('31');
  await expect(page.locator('#supervision-0-start-month')).toHaveValue('2');
  await expect(page.locator('#supervision-0-start-year')).toHaveValue('2024');
  await expect(page.locator('#supervision-0-type')).toHaveValue('licence');

  // Fixing it clears the error.
  await page.fill('#supervision-0-start-day', '29');
  await page.locator('#reference').focus();
  await expect(summary(page)).toBeHidden();
  await expect(group).not.toHaveClass(/govuk-form-group--error/);
});

test('supervision that ends before it starts, and a court appearance before the charge', async ({ page }) => {
  await openCase(page, QUALIFYING);
  await expectStatus(page, 'Qualifies as an SFO');

  // Year first: every date on the way is already wrong, so no check in
  // between can replace the last good result (filled day first, 1 Feb 2024
  // is a good end date, and a slow machine checks it).
  await page.fill('#supervision-0-scheduled-end-year', '2023');
  await page.fill('#supervision-0-scheduled-end-month', '2');
  await page.fill('#supervision-0-scheduled-end-day', '1');
  await fillDate(page, 'offence-first-court-appearance', 12, 5, 2024);
  await page.locator('#reference').focus();

  const end = summary(page).getByRole('link', { name: /ends before it starts/ });
  await expect(end).toHaveText('Scheduled end date for supervision period 1: ends before it starts (the start date is Mon 6 Nov 2023)');
  await expect(end).toHaveAttribute('href', '#supervision-0-scheduled-end-day');
  const court = summary(page).getByRole('link', { name: /the court appearance is before the charge/ });
  await expect(court).toHaveAttribute('href', '#offence-first-court-appearance-day');
  await expect(page.locator('[data-field="offence.first_court_appearance"] .govuk-error-message'))
    .toContainText('the court appearance is before the charge');

  // The last good result stays, greyed, with a note.
  await expect(page.locator('#results-stale')).toHaveText('Results are out of date until the errors in the form are fixed.');
  await expect(page.locator('#results-body')).toHaveClass(/app-results--stale/);
  await expect(page.locator('#result-status-heading')).toHaveText('Qualifies as an SFO');
  await expect(page.locator('#download-ics')).toBeDisabled();
  await expect(page.locator('#results-live')).toContainText('Results are out of date');

  await court.click();
  await expect(page.locator('#offence-first-court-appearance-day')).toBeFocused();
  await expect(page.locator('#offence-first-court-appearance-day')).toHaveValue('12');
  await expect(page.locator('#supervision-0-scheduled-end-year')).toHaveValue('2023');
});

test('a half-filled date is a page error once you leave it, and Check now focuses the summary', async ({ page }) => {
  await page.fill('#offence-charged-day', '12');
  await page.fill('#offence-charged-month', '8');
  // Still inside the date: no error yet.
  await page.waitForTimeout(300);
  await expect(summary(page)).toBeHidden();

  await page.locator('#reference').focus();
  const link = summary(page).getByRole('link', { name: 'Date charged must include a year' });
  await expect(link).toHaveAttribute('href', '#offence-charged-day');
  await expect(page.locator('#offence-charged-year')).toHaveClass(/govuk-input--error/);
  await expect(page.locator('#offence-charged-day')).not.toHaveClass(/govuk-input--error/);

  // Letters in a date, and a two-digit year.
  await fillDate(page, 'offence-alleged-from', 'x', 5, 2024);
  await fillDate(page, 'rosh-date', 1, 5, 24);
  await page.fill('#rosh-assessor-months-qualified', 'ten');
  await page.locator('#check-now').click();
  await expect(summary(page)).toBeFocused();
  await expect(summary(page)).toContainText('Enter a real date for the date of the alleged offence');
  await expect(summary(page)).toContainText('The year of the date of the RoSH assessment must include 4 numbers');
  await expect(summary(page)).toContainText('Months since the assessor qualified must be a whole number, like 12');
  await expect(page.locator('#rosh-assessor-months-qualified')).toHaveValue('ten');
  // No result yet: there never was a good one.
  await expect(page.locator('#results-body')).toContainText('No results yet: fix the errors in the form first.');
});

test('a missing required answer in a row, and an error in an opened file', async ({ page }) => {
  await page.fill('#events-0-note', 'Moved in with a new partner');
  await page.locator('#reference').focus();
  await expect(summary(page).getByRole('link', { name: 'Select the type of event for event 1' })).toHaveAttribute('href', '#events-0-type');
  await expect(summary(page).getByRole('link', { name: 'Enter the date for event 1' })).toHaveAttribute('href', '#events-0-date-day');
  // Choosing the type leaves only the date to name.
  await page.selectOption('#events-0-type', 'new-relationship');
  await expect(summary(page).getByRole('link', { name: 'Select the type of event for event 1' })).toHaveCount(0);
  await expect(summary(page).getByRole('link', { name: 'Enter the date for event 1' })).toHaveAttribute('href', '#events-0-date-day');

  await openCase(page, { ...QUALIFYING, bogus: 1, supervision: [{ type: 'licence', start: '2023-11-06', colour: 'red' }] });
  const problems = page.locator('#file-problems');
  await expect(problems).toBeVisible();
  // The fields in words (the engine's fieldLabel), never as data paths.
  await expect(problems).toContainText('Bogus: unknown field `bogus`');
  await expect(problems).toContainText('Supervision 1: colour: unknown field `colour`');
  await expect(problems).not.toContainText('supervision[0]');
  // The rest of the file was loaded.
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(page.locator('#supervision-0-start-day')).toHaveValue('6');
});

test('saving with errors is never refused: a draft keeps exactly what was typed, and opening it shows the same errors', async ({ page }) => {
  await page.fill('#reference', 'Draft case');
  await page.selectOption('#supervision-0-type', 'licence');
  await fillDate(page, 'supervision-0-start', 31, 2, 2024);
  await fillDate(page, 'supervision-0-scheduled-end', 5, 11, 2024);
  await fillDate(page, 'offence-charged', 13, 'Mayy', 2024);
  await page.click('#check-now');
  // The impossible start date (the engine's) and the month that is not a month (the page's).
  await expect(summary(page).locator('li')).toHaveCount(2);
  const shown = await summary(page).locator('li').allTextContents();

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-case')]);
  expect(download.suggestedFilename()).toBe('sfo-draft-draft-case.json');
  await expect(page.locator('#save-status')).toContainText('Saved as a draft, sfo-draft-draft-case.json');
  const draft = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(draft.schema).toBe('sfo-check/draft@1');
  // Exactly as typed, the bad values included, and marked as such.
  expect(draft.form.values['supervision[0].start']).toEqual({ day: '31', month: '2', year: '2024' });
  expect(draft.form.values['offence.charged']).toEqual({ day: '13', month: 'Mayy', year: '2024' });
  expect(draft.answers_with_errors.map((e) => e.field).sort()).toEqual(['offence.charged', 'supervision[0].start']);

  // Start again, then open the draft: everything is back, with the same errors.
  await page.click('#start-again');
  await page.click('#confirm-clear');
  await expect(page.locator('#reference')).toHaveValue('');
  await page.setInputFiles('#open-case', await download.path());
  await expect(page.locator('#reference')).toHaveValue('Draft case');
  await expect(page.locator('#offence-charged-month')).toHaveValue('Mayy');
  await expect(page.locator('#supervision-0-start-day')).toHaveValue('31');
  await expect(page.locator('#supervision-0-scheduled-end-year')).toHaveValue('2024');
  await expect(summary(page).locator('li')).toHaveText(shown);
  await expect(page.locator('#save-status')).toContainText('Opened the draft');

  // A draft with something the form does not hold: loaded without it, and named.
  const odd = { ...draft, form: { ...draft.form, values: { ...draft.form.values, 'rosh.colour': 'blue', reference: { day: '1' } } } };
  await page.setInputFiles('#open-case', { name: 'odd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(odd)) });
  await expect(page.locator('#file-problems')).toContainText('Some of odd.json was not loaded');
  await expect(page.locator('#reference')).toHaveValue('');
  await expect(page.locator('#offence-charged-month')).toHaveValue('Mayy');
});

test('a date with a missing year is one entry in the summary, in words, with one colon at most', async ({ page }) => {
  await page.selectOption('#supervision-0-type', 'licence');
  await fillDate(page, 'supervision-0-start', 6, 11, 2023);
  await fillDate(page, 'supervision-0-scheduled-end', 5, 11, '');
  await page.selectOption('#offence-id', 'murder');
  await fillDate(page, 'offence-alleged-from', 10, 5, 2024);
  await fillDate(page, 'offence-charged', 13, 5, 2024);
  await fillDate(page, 'offence-first-court-appearance', 10, 5, 2024);
  await page.click('#check-now');
  const entries = summary(page).locator('li');
  await expect(entries).toHaveText([
    'Scheduled end date for supervision period 1 must include a year',
    'Date of the first court appearance: the court appearance is before the charge (the date charged is Mon 13 May 2024)',
  ]);
  for (const text of await entries.allTextContents()) {
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text.split(':').length).toBeLessThanOrEqual(2);
  }
  // The panel beside the form does not point "above": whether it holds an
  // earlier result (greyed) or none yet, it names the errors in the form.
  await expect(page.locator('#results')).toContainText(/the errors in the form (are fixed|first)/);
  await expect(page.locator('#results')).not.toContainText('above');
});
