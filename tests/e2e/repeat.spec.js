// Repeated rows: add another / remove, focus, accessible names, and what the
// case JSON and the results make of them.
import { test, expect } from '@playwright/test';
import { openApp, fillDate, openCase, expectStatus, deadline, QUALIFYING } from './helpers.js';
import { readFile } from 'node:fs/promises';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

async function savedCase(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-case')]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

test('add and remove supervision periods', async ({ page }) => {
  await openCase(page, { ...QUALIFYING, today: '2024-08-20', offence: { ...QUALIFYING.offence, alleged_from: '2024-08-01', charged: '2024-08-05', first_court_appearance: '2024-08-06' }, supervision: [{ type: 'community-order', start: '2023-01-09', scheduled_end: '2024-01-08' }] });
  // The community order ended long before the offence.
  await expectStatus(page, 'Does not qualify as an SFO');
  await expect(page.locator('[data-row="supervision"]')).toHaveCount(1);

  const add = page.locator('[data-add="supervision"]');
  await expect(add).toHaveText('Add another supervision period');
  await add.click();
  await expect(page.locator('[data-row="supervision"]')).toHaveCount(2);
  await expect(page.locator('#supervision-1-type')).toBeFocused();
  await expect(page.locator('#supervision-1 > legend')).toHaveText('Supervision period 2');
  await expect(page.getByRole('button', { name: 'Remove supervision period 2' })).toBeVisible();

  await page.selectOption('#supervision-1-type', 'post-sentence-supervision');
  await fillDate(page, 'supervision-1-start', 1, 3, 2024);
  await fillDate(page, 'supervision-1-scheduled-end', 28, 2, 2025);
  await page.locator('#reference').focus();
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(page.locator('.app-reason[data-rule="Q-WINDOW"]')).toContainText('post-sentence supervision');

  let saved = await savedCase(page);
  expect(saved.supervision).toEqual([
    { type: 'community-order', start: '2023-01-09', scheduled_end: '2024-01-08' },
    { type: 'post-sentence-supervision', start: '2024-03-01', scheduled_end: '2025-02-28' },
  ]);

  // Remove the first: the second moves up, keeps its answers, and takes focus.
  await page.getByRole('button', { name: 'Remove supervision period 1' }).click();
  await expect(page.locator('[data-row="supervision"]')).toHaveCount(1);
  await expect(page.locator('#supervision-0 > legend')).toHaveText('Supervision period 1');
  await expect(page.locator('#supervision-0-type')).toHaveValue('post-sentence-supervision');
  await expect(page.locator('#supervision-0-start-day')).toHaveValue('1');
  await expect(page.locator('#supervision-0-type')).toBeFocused();
  await expect(page.locator('#announcer')).toHaveText('Supervision period 1 removed.');
  await expectStatus(page, 'Qualifies as an SFO');

  // Remove the last one too: focus goes to the add button.
  await page.getByRole('button', { name: 'Remove supervision period 1' }).click();
  await expect(page.locator('[data-row="supervision"]')).toHaveCount(0);
  await expect(add).toBeFocused();
  await expect(add).toHaveText('Add a supervision period');
  await expectStatus(page, 'Check with your SFO lead');
  saved = await savedCase(page);
  expect(saved.supervision).toBeUndefined();
});

test('events: empty rows are left out, added events raise a flag, removed ones clear it', async ({ page }) => {
  await openCase(page, { ...QUALIFYING, rosh: { date: '2023-11-20', overall: 'medium' } });
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(page.locator('[data-row="events"]')).toHaveCount(0);
  await expect(page.locator('#no-flags')).toHaveText('No flags raised by the facts given.');

  await page.click('[data-add="events"]');
  await expect(page.locator('#events-0-type')).toBeFocused();
  // An empty row changes nothing.
  await page.click('[data-add="events"]');
  await expect(page.locator('#events-1-type')).toBeFocused();
  await page.selectOption('#events-1-type', 'threats-or-weapon');
  await fillDate(page, 'events-1-date', 3, 2, 2024);
  await page.fill('#events-1-note', 'Threatened a neighbour, with a knife; police told');
  await page.locator('#reference').focus();

  const flag = page.locator('details[data-flag="F-NOT-REASSESSED"]');
  await expect(flag).toBeVisible();
  await flag.locator('summary').click();
  await expect(flag).toContainText('Threatened a neighbour, with a knife; police told');
  // The fact links to the form row the event came from (row 2, event 1 in the case).
  await flag.getByRole('link', { name: 'event 2' }).click();
  await expect(page.locator('#events-1-type')).toBeFocused();

  const saved = await savedCase(page);
  expect(saved.events).toEqual([{ type: 'threats-or-weapon', date: '2024-02-03', note: 'Threatened a neighbour, with a knife; police told' }]);

  await page.getByRole('button', { name: 'Remove event 2' }).click();
  await expect(page.locator('[data-row="events"]')).toHaveCount(1);
  await expect(page.locator('#no-flags')).toBeVisible();
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Tue 21 May 2024');
});
