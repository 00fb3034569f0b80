// A qualifying case entered with the keyboard only, from the skip link to the
// results and the calendar download: Tab and Shift+Tab, typing, Space, arrow
// keys and Enter. No element is focused from code. Expected dates come from the
// rulebook: first court appearance Tue 14 May 2024 + 5 working days (Wed 15,
// Thu 16, Fri 17, Mon 20, Tue 21) gives D-NOTIFY Tue 21 May 2024.
import { test, expect } from '@playwright/test';
import { openApp, deadline } from './helpers.js';

/** The focused element's id, or for one without an id its tag and text ("BUTTON Add another event"). */
const focus = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { id: el?.id || `${el?.tagName} ${el?.textContent.trim()}`, inForm: Boolean(el?.closest('#case-form')) };
});
const focusedId = async (page) => (await focus(page)).id;

/** Presses Tab and checks where focus lands. */
async function tab(page, id, key = 'Tab') {
  await page.keyboard.press(key);
  expect(await focusedId(page)).toBe(id);
}

/** Presses Tab until `id` has focus; returns the ids passed on the way (and whether each was in the form). */
async function tabUntil(page, id, max, outside = []) {
  const passed = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focus(page);
    if (now.id === id) return passed;
    passed.push(now.id);
    if (!now.inForm) outside.push(now.id);
  }
  throw new Error(`focus did not reach #${id} in ${max} presses of Tab: ${passed.join(', ')}`);
}

/** Types a date into its three boxes, Tab between them (focus starts on the day). */
async function typeDate(page, idBase, day, month, year) {
  expect(await focusedId(page)).toBe(`${idBase}-day`);
  await page.keyboard.type(day);
  await tab(page, `${idBase}-month`);
  await page.keyboard.type(month);
  await tab(page, `${idBase}-year`);
  await page.keyboard.type(year);
}

test('a qualifying case entered by keyboard only', async ({ page }) => {
  test.setTimeout(90_000); // some 170 key presses, each followed by a look at the focus
  await openApp(page);

  // The skip link comes first and moves focus to the main content.
  await page.keyboard.press('Tab');
  await expect(page.locator('.govuk-skip-link').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();
  // Then the toolbar, and the first field of the case.
  await tab(page, 'save-case');
  await tab(page, 'print');
  await tab(page, 'save-scenario');
  await tab(page, 'start-again');
  await tab(page, 'open-case');
  await tab(page, 'reference');
  await page.keyboard.type('Keyboard case');
  await tab(page, 'today-day');
  await typeDate(page, 'today', '17', '5', '2024');
  // Shift+Tab goes back through the date's boxes, keeping what was typed.
  await tab(page, 'today-month', 'Shift+Tab');
  await tab(page, 'today-day', 'Shift+Tab');
  await tab(page, 'reference', 'Shift+Tab');
  await expect(page.locator('#reference')).toHaveValue('Keyboard case');
  await tab(page, 'today-day');
  await tab(page, 'today-month');
  await tab(page, 'today-year');
  await expect(page.locator('#today-year')).toHaveValue('2024');
  await tab(page, 'policy');

  // Supervision period 1: a select chosen by typing, then two dates.
  await tab(page, 'supervision-0-type');
  await page.keyboard.type('Licence');
  await expect(page.locator('#supervision-0-type')).toHaveValue('licence');
  await tab(page, 'supervision-0-start-day');
  await typeDate(page, 'supervision-0-start', '6', '11', '2023');
  await tab(page, 'supervision-0-scheduled-end-day');
  await typeDate(page, 'supervision-0-scheduled-end', '5', '11', '2024');
  // Past the date it ended early and the row's buttons to the offence.
  expect(await tabUntil(page, 'offence-id', 6)).toEqual([
    'supervision-0-terminated-day', 'supervision-0-terminated-month', 'supervision-0-terminated-year',
    'BUTTON Remove supervision period 1', 'BUTTON Add another supervision period',
  ]);

  // The offence: a select by typing, the inchoate radios by Space and arrows.
  await page.keyboard.type('Murder');
  await expect(page.locator('#offence-id')).toHaveValue('murder');
  await tab(page, 'offence-inchoate');
  await page.keyboard.press('Space');
  await expect(page.locator('#offence-inchoate')).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#offence-inchoate-2')).toBeFocused();
  await expect(page.locator('#offence-inchoate-2')).toBeChecked(); // attempt
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#offence-inchoate')).toBeFocused();
  await expect(page.locator('#offence-inchoate')).toBeChecked(); // back to "the offence itself"
  // One Tab leaves the radio group.
  await tab(page, 'offence-alleged-from-day');
  await typeDate(page, 'offence-alleged-from', '10', '5', '2024');
  await tab(page, 'offence-alleged-to-day');
  await tab(page, 'offence-alleged-to-month');
  await tab(page, 'offence-alleged-to-year');
  await tab(page, 'offence-charged-day');
  await typeDate(page, 'offence-charged', '13', '5', '2024');
  await tab(page, 'offence-first-court-appearance-day');
  await typeDate(page, 'offence-first-court-appearance', '14', '5', '2024');

  // A checkbox by Space: the assessment drew on police call-outs. On the way:
  // the rest of the offence, the review dates and the assessment's own fields.
  const passed = await tabUntil(page, 'rosh-sources-3', 60);
  const order = ['offence-charges-dropped-day', 'review-notification-submitted-day', 'review-qa-completed-year',
    'rosh-date-day', 'rosh-overall', 'rosh-assessor-role', 'rosh-domestic-abuse-enquiry-status', 'rosh-sources', 'rosh-sources-2'];
  expect(passed.filter((id) => order.includes(id))).toEqual(order);
  await page.keyboard.press('Space');
  await expect(page.locator('#rosh-sources-3')).toBeChecked();

  // On through the rest of the form to "Check now", never leaving the form.
  const outside = [];
  const rest = await tabUntil(page, 'check-now', 60, outside);
  expect(outside).toEqual([]);
  expect(rest).toContain('circumstances-em-curfew-proposed');
  expect(rest.slice(-2)).toEqual(['BUTTON Remove event 1', 'BUTTON Add another event']);
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
  // Assessed on Fri 17 May: Mon 20 and Tue 21 May are left.
  await expect(notify).toContainText('in 2 working days');
  await expect(notify).toContainText("Default — check against your region’s agreed timescales");
  // The window closes 28 working days after Tue 5 Nov 2024.
  await expect(deadline(page, 'D-WINDOW-CLOSE')).toContainText('Fri 13 Dec 2024');
  await expect(page.locator('#stamp')).toContainText('From the ‘assess on’ date you entered');
  await expect(page.locator('#reference')).toHaveValue('Keyboard case');
  await expect(page.locator('#rosh-sources-3')).toBeChecked();

  // From the results, Tab reaches the calendar download; Enter saves it.
  await tabUntil(page, 'download-ics', 10);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('sfo-deadlines-keyboard-case.ics');
});
