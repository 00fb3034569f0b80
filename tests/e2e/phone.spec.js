// Results where the user is: on a phone the status bar at the foot of the
// window shows the result as the form is filled; on a desktop the results
// panel stays beside the form. Keyboard users reach the results in one
// keystroke from the form (Alt+Shift+R) or two from the top (the skip link).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openApp, fillDate, openCase, expectStatus, QUALIFYING } from './helpers.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Where the status shows: the bar on a phone, the panel's heading on a desktop. */
const statusOn = (page, size) => (size === PHONE
  ? page.locator('#status-bar .app-status-bar__status')
  : page.locator('#result-status-heading'));

for (const [name, size] of [['a phone (390 × 844)', PHONE], ['a desktop (1280 × 900)', DESKTOP]]) {
  test(`on ${name} the status is in view as the form is filled, and changes with the MAPPA level`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await expect(page.locator('#status-bar')).toBeHidden();
    await fillDate(page, 'today', 17, 5, 2024);
    await page.selectOption('#supervision-0-type', 'licence');
    await fillDate(page, 'supervision-0-start', 6, 11, 2023);
    await fillDate(page, 'supervision-0-scheduled-end', 5, 11, 2024);
    await page.selectOption('#offence-id', 'murder');
    await fillDate(page, 'offence-alleged-from', 10, 5, 2024);
    await fillDate(page, 'offence-charged', 13, 5, 2024);
    await fillDate(page, 'offence-first-court-appearance', 14, 5, 2024);
    await page.locator('#offence-first-court-appearance-year').blur();
    const status = statusOn(page, size);
    await expect(status).toHaveText('Qualifies as an SFO');
    await expect(status).toBeInViewport();
    if (size === PHONE) {
      await expect(page.locator('#status-bar')).toContainText('Next: Notification submitted, due in 2 working days');
      await expect(page.locator('#status-bar')).toContainText('0 flags');
    } else {
      await expect(page.locator('#status-bar')).toBeHidden();
    }

    // A group B offence assessed Medium: MAPPA level 1 does not make it an SFO; level 2 does.
    await page.selectOption('#offence-id', 'wounding-gbh-with-intent');
    await page.selectOption('#rosh-overall', 'medium');
    await page.selectOption('#circumstances-mappa-level', '1');
    await expect(status).toHaveText('Does not qualify as an SFO');
    await expect(status).toBeInViewport();
    await page.selectOption('#circumstances-mappa-level', '2');
    await expect(status).toHaveText('Qualifies as an SFO');
    await expect(status).toBeInViewport();
    if (size === PHONE) {
      // The visible cue, and the polite announcement from the results panel.
      await expect(page.locator('#status-bar .app-status-bar__updated')).toBeVisible();
      await expect(page.locator('#results-live')).toContainText('Result: Qualifies as an SFO.');
      // A control reached by Tab is never hidden under the bar.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.focus('#circumstances-mappa-category');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.keyboard.press('Tab');
      await expect(page.locator('#circumstances-mappa-level')).toBeFocused();
      const control = await page.locator('#circumstances-mappa-level').boundingBox();
      const bar = await page.locator('#status-bar').boundingBox();
      expect(control.y + control.height).toBeLessThanOrEqual(bar.y);
    }
  });
}

test('on a phone each part of the bar links to its part of the results', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openApp(page);
  await openCase(page, QUALIFYING);
  await expectStatus(page, 'Qualifies as an SFO');
  // Opening a case shows its results, so the bar steps aside; back in the form it returns.
  await expect(page.locator('#results-title')).toBeFocused();
  await expect(page.locator('#status-bar')).toBeHidden();
  await page.focus('#reference');
  await expect(page.locator('#status-bar')).toBeVisible();
  const links = page.locator('#status-bar a');
  await expect(links).toHaveText([
    'Qualifies as an SFO',
    /^Next: Notification submitted, due in 2 working days$/,
    '0 flags',
  ]);
  await links.nth(1).click();
  await expect(page.locator('#result-deadlines-title')).toBeInViewport();
  await expect(page.locator('#status-bar')).toBeHidden();
});

test('the results are one keystroke from anywhere in the form, two from the top of the page', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await openApp(page);
  await openCase(page, QUALIFYING);
  await expectStatus(page, 'Qualifies as an SFO');
  await page.focus('#offence-charged-year');
  await page.keyboard.press('Alt+Shift+KeyR');
  await expect(page.locator('#results-title')).toBeFocused();
  await expect(page.locator('#results-title')).toBeInViewport();
  // From the top: the second skip link.
  await page.goto('/');
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('.govuk-skip-link').nth(1)).toBeFocused();
  await expect(page.locator('.govuk-skip-link').nth(1)).toHaveText('Skip to the results');
});

const OUTCOMES = [
  ['qualifies', QUALIFYING, 'Qualifies as an SFO'],
  ['not yet', { ...QUALIFYING, offence: { id: 'murder', alleged_from: '2024-05-10' } }, 'Not yet an SFO'],
  ['does not qualify', { ...QUALIFYING, offence: { ...QUALIFYING.offence, id: 'not-listed' } }, 'Does not qualify as an SFO'],
  ['check', { ...QUALIFYING, supervision: [{ type: 'youth-offending-service', start: '2023-11-06', scheduled_end: '2024-11-05' }] }, 'Check with your SFO lead'],
];

for (const [outcome, caseData, heading] of OUTCOMES) {
  test(`axe finds no violations on a phone with the status bar: ${outcome}`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await openApp(page);
    await openCase(page, caseData);
    await expect(page.locator('#status-bar .app-status-bar__status')).toHaveText(heading);
    await page.focus('#reference');
    await expect(page.locator('#status-bar')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
