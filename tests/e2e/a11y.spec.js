// axe-core finds no WCAG 2.2 AA violations in the page's main states.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { openApp, fillDate, openCase, expectStatus, FLAGGED, DEFAULT_POLICY } from './helpers.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('empty form', async ({ page }) => {
  await expectNoViolations(page);
});

test('errors shown, with a greyed earlier result', async ({ page }) => {
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  await fillDate(page, 'supervision-0-start', 31, 2, 2024);
  await fillDate(page, 'offence-charged', 13, 5, '');
  await page.click('#check-now');
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#results-body')).toHaveClass(/app-results--stale/);
  await expectNoViolations(page);
});

test('a result with every flag expanded, and the policy tabs', async ({ page }) => {
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  for (const summary of await page.locator('details[data-flag] > summary').all()) await summary.click();
  await expect(page.locator('details[data-flag][open]')).toHaveCount(4);
  await expectNoViolations(page);

  await page.click('a.govuk-tabs__tab[href="#policy-tab-change"]');
  await page.fill('#policy-step-D-REVIEW', 'x');
  await expect(page.locator('[data-step="D-REVIEW"] .govuk-error-message')).toBeVisible();
  await expectNoViolations(page);
});

test('start again confirmation', async ({ page }) => {
  await page.fill('#reference', 'To be cleared');
  await page.click('#start-again');
  await expect(page.locator('#confirm-start-again')).toBeVisible();
  await expectNoViolations(page);
  await page.click('#cancel-clear');
  await expect(page.locator('#start-again')).toBeFocused();
  await expect(page.locator('#reference')).toHaveValue('To be cleared');
  await page.click('#start-again');
  await page.click('#confirm-clear');
  await expect(page.locator('#reference')).toHaveValue('');
  await expect(page.locator('#reference')).toBeFocused();
  await expect(page.locator('.app-placeholder')).toBeVisible();
});

test('a result on a narrow screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  await expectNoViolations(page);
  // Nothing scrolls sideways at 320 pixels (WCAG 1.4.10), apart from data tables.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('several policy profiles: the list, the choice, the edit block and a refused file', async ({ page }) => {
  const base = JSON.parse(await readFile(DEFAULT_POLICY, 'utf8'));
  const region = (id, from) => ({ ...base, id, title: `Region ${id}`, effective_from: from });
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  await page.click('a.govuk-tabs__tab[href="#policy-tab-change"]');
  await page.setInputFiles('#policy-file', [
    { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(region('r-2024', '2024-04-01'))) },
    { name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(region('r-2025', '2025-04-01'))) },
  ]);
  await expect(page.locator('#policy-list tbody tr')).toHaveCount(3);
  await page.fill('#policy-step-D-NOTIFY', '7');
  await expect(page.locator('#policy-list')).toContainText('Edited in this browser');
  await expect(page.locator('#result-profile')).toContainText('Edited in this browser');
  await expectNoViolations(page);

  await page.getByLabel('Always use Region r-2025 (r-2025)').check();
  await expect(page.locator('.app-stamp__policy-id')).toHaveText('r-2025');
  await page.setInputFiles('#policy-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{ "schema": 1 }') });
  await expect(page.locator('#policy-errors')).toBeFocused();
  await page.fill('#policy-step-D-NOTIFY', 'x');
  await expect(page.locator('[data-step="D-NOTIFY"] .govuk-error-message')).toBeVisible();
  await expectNoViolations(page);
});
