// Screenshots of the main states, for people to look at (screenshots/ is not
// committed). Each also checks the state it shows.
import { test, expect } from '@playwright/test';
import { openApp, fillDate, openCase, expectStatus, windowCase, FLAGGED } from './helpers.js';

const shot = (name) => `screenshots/${name}.png`;

test('empty', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('.app-placeholder')).toBeVisible();
  await page.screenshot({ path: shot('empty') });
});

test('errors', async ({ page }) => {
  await openApp(page);
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  await fillDate(page, 'supervision-0-start', 31, 2, 2024);
  await fillDate(page, 'offence-charged', 13, 5, '');
  await page.click('#check-now');
  await expect(page.locator('#error-summary')).toBeFocused();
  await page.screenshot({ path: shot('errors') });
  await page.locator('[data-field="supervision[0].start"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('errors-inline') });
});

test('qualifies, with flags expanded', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 6000 });
  await openApp(page);
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  for (const summary of await page.locator('details[data-flag] > summary').all()) await summary.click();
  await expect(page.locator('details[data-flag][open]')).toHaveCount(4);
  await page.locator('#results').screenshot({ path: shot('qualifies-flags') });
});

test('does not qualify', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1800 });
  await openApp(page);
  await openCase(page, windowCase('2024-08-08'));
  await expectStatus(page, 'Does not qualify as an SFO');
  await page.locator('#results').screenshot({ path: shot('does-not-qualify') });
});

test('policy panel', async ({ page }) => {
  await openApp(page);
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  await page.locator('#policy-title').scrollIntoViewIfNeeded();
  await page.locator('#policy-profile').screenshot({ path: shot('policy-profile') });
  await page.click('a.govuk-tabs__tab[href="#policy-tab-change"]');
  await page.fill('#policy-step-D-NOTIFY', '8');
  await expect(page.locator('#policy-in-force')).toContainText('Edited in this browser');
  await page.locator('#policy-profile').screenshot({ path: shot('policy-edit') });
});

test('narrow screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot('narrow-top') });
  await page.locator('#supervision-0').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('narrow-form') });
  await page.locator('#results-title').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('narrow-results') });
});
