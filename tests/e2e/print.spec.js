// The print view: no controls, the answers entered, every result (flags
// open), the stamp and the print date.
import { test, expect } from '@playwright/test';
import { openApp, openCase, expectStatus, FLAGGED } from './helpers.js';

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
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
