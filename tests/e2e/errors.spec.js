// Every kind of error appears in the GOV.UK error summary and beside its
// field, links to the field, and never clears what was typed.
import { test, expect } from '@playwright/test';
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
  const link = summary(page).getByRole('link', { name: /not a real date: 2024-02-31 \(February 2024 has 29 days\)/ });
  await expect(link).toHaveText('Supervision period 1: start date: not a real date: 2024-02-31 (February 2024 has 29 days)');
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
  await expect(end).toHaveText('Supervision period 1: scheduled end date: ends before it starts (start date: Mon 6 Nov 2023)');
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
