// Without JavaScript: a clear message, and how the rules work, readable.
import { test, expect } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.js';

// Scripting off in Blink's own settings, as when a user turns JavaScript
// off: unlike script blocking over DevTools, it also renders <noscript>.
test.use({
  launchOptions: { executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--blink-settings=scriptEnabled=false'] },
});

test('without JavaScript the page explains itself and the rules', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('noscript')).toHaveCount(1);
  // (Playwright's text and role locators skip <noscript>, so CSS finds it.)
  const message = page.locator('noscript .govuk-warning-text');
  await expect(message).toBeVisible();
  await expect(message).toContainText('The checker needs JavaScript');
  expect(await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported'))).toBe(false);
  await expect(page.locator('#app')).toBeHidden();
  const rules = page.locator('#how-the-rules-work');
  await expect(rules).toBeVisible();
  await expect(rules).toContainText('28 working days');
  await expect(rules).toContainText('Q-TRIGGER');
  await expect(rules.locator('[data-rule="D-NOTIFY"]')).toContainText('Notification submitted');
  await expect(rules.locator('[data-rule="D-NOTIFY"]')).toContainText('In the default profile: 5 working days after the first court appearance');
  await expect(rules.locator('[data-rule="F-DA-ENQUIRY"]')).toContainText('Independent serious further offence review of Damien Bendall');
  await expect(rules).toContainText('Not holistic');
  await expect(rules).toContainText('default — check against your region’s agreed timescales');
  await expect(rules).toContainText('F-MULTI-AGENCY');
  await expect(page.locator('.govuk-footer')).toContainText('Runs entirely in your browser. Nothing you enter leaves this device.');
  await page.screenshot({ path: 'screenshots/no-javascript.png' });
});
