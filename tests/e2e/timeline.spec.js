// The picture of a case beside the practitioner's results: an SVG with a
// name and a text alternative, drawn from the report and redrawn when it changes.
import { test, expect } from '@playwright/test';
import { openApp, openCase, expectStatus, windowCase, fillDate } from './helpers.js';

test('the results draw the case on a timeline, with the window day by day and the same facts in words', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('#case-timeline')).toBeHidden();
  // The licence ends Fri 28 Jun 2024: 23 working days in July, then Thu 1,
  // Fri 2, Mon 5, Tue 6 and Wed 7 Aug make the 28th.
  await openCase(page, windowCase('2024-08-07'));
  await expectStatus(page, 'Qualifies as an SFO');
  const figure = page.locator('#case-timeline figure');
  const picture = figure.locator('svg[role="img"]');
  await expect(picture).toHaveAttribute('aria-labelledby', /\S+ \S+/);
  const name = await picture.evaluate((svg) => svg.getAttribute('aria-labelledby').split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
  expect(name).toMatch(/\S/);
  const words = figure.locator('details');
  await words.locator('summary').click();
  await expect(words).toContainText('Wed 7 Aug 2024');
  await expect(words).toContainText('working day 28');
  await expect(words).toContainText('Fri 28 Jun 2024');
  // A working day later: outside the window, and the picture follows.
  await fillDate(page, 'offence-alleged-from', 8, 8, 2024);
  await expectStatus(page, 'Does not qualify as an SFO');
  await expect(words).toContainText('Thu 8 Aug 2024');
  await expect(words).toContainText('after the window');
});

test('a window across Christmas names the bank holidays it skips', async ({ page }) => {
  await openApp(page);
  // A licence ending Fri 20 Dec 2024: Wed 25 and Thu 26 Dec and Wed 1 Jan are skipped.
  await openCase(page, {
    schema: 'sfo-check/case@1',
    today: '2025-01-20',
    supervision: [{ type: 'licence', start: '2024-01-02', scheduled_end: '2024-12-20' }],
    offence: { id: 'murder', alleged_from: '2025-01-10', charged: '2025-01-13', first_court_appearance: '2025-01-14' },
  });
  await expectStatus(page, 'Qualifies as an SFO');
  const words = page.locator('#case-timeline details');
  await words.locator('summary').click();
  for (const holiday of ['Wed 25 Dec 2024', 'Thu 26 Dec 2024', 'Wed 1 Jan 2025']) await expect(words).toContainText(holiday);
});
