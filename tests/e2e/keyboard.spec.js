// A qualifying case entered with the keyboard only: Tab, typing, Space and
// arrow keys. Expected dates come from the rulebook: first court appearance
// Tue 14 May 2024 + 5 working days (D-NOTIFY) = Tue 21 May 2024.
import { test, expect } from '@playwright/test';
import { openApp, deadline } from './helpers.js';

async function typeDate(page, day, month, year) {
  await page.keyboard.type(day);
  await page.keyboard.press('Tab');
  await page.keyboard.type(month);
  await page.keyboard.press('Tab');
  await page.keyboard.type(year);
}

test('a qualifying case entered by keyboard only', async ({ page }) => {
  await openApp(page);
  const focused = () => page.evaluate(() => document.activeElement?.id);

  // From the skip link, Tab reaches the first controls in page order.
  await page.keyboard.press('Tab');
  await expect(page.locator('.govuk-skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.locator('#reference').focus();
  await page.keyboard.type('Keyboard case');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('today-day');
  await typeDate(page, '17', '5', '2024');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('policy');

  // Supervision period 1: a select chosen by typing, then three dates.
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('supervision-0-type');
  await page.keyboard.type('Licence');
  await expect(page.locator('#supervision-0-type')).toHaveValue('licence');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('supervision-0-start-day');
  await typeDate(page, '6', '11', '2023');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('supervision-0-scheduled-end-day');
  await typeDate(page, '5', '11', '2024');

  // The offence: a select by typing, the inchoate radios by arrow keys.
  await page.locator('#offence-id').focus();
  await page.keyboard.type('Murder');
  await expect(page.locator('#offence-id')).toHaveValue('murder');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('offence-inchoate');
  await page.keyboard.press('Space');
  await expect(page.locator('#offence-inchoate')).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#offence-inchoate-2')).toBeChecked(); // Attempt
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#offence-inchoate')).toBeChecked(); // back to "the offence itself"
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('offence-alleged-from-day');
  await typeDate(page, '10', '5', '2024');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('offence-alleged-to-day');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('offence-charged-day');
  await typeDate(page, '13', '5', '2024');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('offence-first-court-appearance-day');
  await typeDate(page, '14', '5', '2024');

  // A checkbox by Space: the assessment drew on police call-outs.
  await page.locator('#rosh-sources-3').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('#rosh-sources-3')).toBeChecked();

  // "Check now" from the keyboard moves focus to the results.
  await page.locator('#check-now').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#results-title')).toBeFocused();

  await expect(page.locator('#result-status-heading')).toHaveText('Qualifies as an SFO');
  await expect(page.locator('#results-live')).toContainText('Qualifies as an SFO');
  for (const rule of ['Q-TRIGGER', 'Q-OFFENCE', 'Q-WINDOW']) {
    await expect(page.locator(`.app-reason[data-rule="${rule}"]`)).toContainText('Met');
  }
  const notify = deadline(page, 'D-NOTIFY');
  await expect(notify).toContainText('Tue 21 May 2024');
  await expect(notify.locator('.govuk-tag').first()).toHaveText('Due');
  await expect(notify).toContainText('in 2 working days');
  await expect(notify).toContainText("Default — check against your region’s agreed timescales");
  // The window closes 28 working days after Tue 5 Nov 2024.
  await expect(deadline(page, 'D-WINDOW-CLOSE')).toContainText('Fri 13 Dec 2024');
  await expect(page.locator('#stamp')).toContainText('From the ‘assess on’ date you entered');
});
