// The main states as a user sees them. Each test asserts what a user would
// notice broken in that state (sideways scrolling, something cut off, covered
// or overlapping, the status or the error summary not where it belongs), and
// saves a screenshot for people to look at (screenshots/ is not committed;
// nothing compares pixels, since Chromium versions draw differently).
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, fillDate, openCase, expectStatus, deadline, windowCase, FLAGGED, DEFAULT_POLICY } from './helpers.js';
import { expectNoSidewaysScroll, expectFullyVisible, expectNoOverlap, expectAbove } from './layout.js';

const shot = (name) => `screenshots/${name}.png`;

test('empty', async ({ page }) => {
  await openApp(page);
  await expectFullyVisible(page.locator('#check-title, #save-case, #print, #save-scenario, #start-again, #results-title, .app-placeholder'));
  await expect(page.locator('.app-placeholder')).toHaveText(/^Enter details of the case/);
  // The results sit beside the form on a wide screen, not under or over it.
  await expectNoOverlap(page, ['.app-form-column', '#results']);
  const [formColumn, results] = [await page.locator('.app-form-column').boundingBox(), await page.locator('#results').boundingBox()];
  expect(results.x).toBeGreaterThanOrEqual(formColumn.x + formColumn.width);
  expect(Math.abs(results.y - formColumn.y)).toBeLessThan(50);
  await expectNoOverlap(page, ['#save-case', '#print', '#save-scenario', '#start-again', '#open-case']);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: shot('empty') });
});

test('errors', async ({ page }) => {
  await openApp(page);
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  await fillDate(page, 'supervision-0-start', 31, 2, 2024);
  await fillDate(page, 'offence-charged', 13, 5, '');
  await page.click('#check-now');
  // The summary takes focus, in view, first in the form's column.
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expectFullyVisible(summary);
  await expectFullyVisible(summary.locator('a'));
  await expect(summary.locator('a')).toHaveCount(2);
  await expectAbove(summary, page.locator('.app-toolbar'));
  await expectAbove(summary, page.locator('#case-form'));
  // The old result stays beside it, greyed, saying it is out of date.
  await expectFullyVisible(page.locator('#results-stale'));
  await expect(page.locator('#results-stale')).toHaveText('Results are out of date until the errors in the form are fixed.');
  await expectNoOverlap(page, ['#error-summary', '#results']);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: shot('errors') });

  // Following a link: the field's label, its message and its boxes in view,
  // the message between the label and the boxes.
  await summary.getByRole('link', { name: /Start date for supervision period 1/ }).click();
  await expect(page.locator('#supervision-0-start-day')).toBeFocused();
  const group = page.locator('[data-field="supervision[0].start"]');
  await expectFullyVisible(group.locator('legend, .govuk-error-message, input'));
  await expectAbove(group.locator('legend'), group.locator('.govuk-error-message'));
  await expectAbove(group.locator('.govuk-error-message'), page.locator('#supervision-0-start-day'));
  await expectNoOverlap(page, ['#supervision-0-start-day', '#supervision-0-start-month', '#supervision-0-start-year']);
  await page.screenshot({ path: shot('errors-inline') });
});

test('qualifies, with flags expanded', async ({ page }) => {
  await openApp(page);
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(page.locator('#results-title')).toBeFocused();
  const status = page.locator('#result-status-heading, #result-status .app-status__tag, #result-profile');
  await expectFullyVisible(status);
  // The results stay in view beside the form as the form scrolls (a wheel
  // over the form): the panel sticks to the top of the window and ends inside
  // it. (Near the very end of the form the panel scrolls up with the end of
  // its column, so this is checked mid-form.)
  await page.mouse.move(300, 600);
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  await expectFullyVisible(status);
  const panel = await page.locator('#results').boundingBox();
  expect(panel.y).toBeGreaterThanOrEqual(0);
  expect(panel.y).toBeLessThanOrEqual(20);
  expect(panel.y + panel.height).toBeLessThanOrEqual(900);

  for (const summary of await page.locator('details[data-flag] > summary').all()) await summary.click();
  await expect(page.locator('details[data-flag][open]')).toHaveCount(4);
  // The first deadline, scrolled to within the results, is readable and uncovered.
  const notify = deadline(page, 'D-NOTIFY');
  await notify.locator('.app-due').scrollIntoViewIfNeeded();
  await expectFullyVisible(notify.locator('h4, .app-due, .govuk-tag'));
  await expect(notify.locator('.app-due')).toHaveText('Tue 21 May 2024');
  await expectNoOverlap(page, ['#results-body .app-deadline']);
  await expectNoOverlap(page, ['details[data-flag]']);
  await expectNoSidewaysScroll(page);

  // The whole panel, for people to look at.
  await page.setViewportSize({ width: 1280, height: 6000 });
  await page.locator('#results').screenshot({ path: shot('qualifies-flags') });
});

test('does not qualify', async ({ page }) => {
  await openApp(page);
  await openCase(page, windowCase('2024-08-08'));
  await expectStatus(page, 'Does not qualify as an SFO');
  await expectFullyVisible(page.locator('#result-status-heading, #result-status .app-status__tag'));
  const reason = page.locator('.app-reason[data-rule="Q-WINDOW"]');
  await reason.scrollIntoViewIfNeeded();
  await expectFullyVisible(reason.locator('.govuk-tag'));
  await expect(reason.locator('.govuk-tag')).toHaveText('Not met');
  await expectNoSidewaysScroll(page);
  await page.setViewportSize({ width: 1280, height: 1800 });
  await page.locator('#results').screenshot({ path: shot('does-not-qualify') });
});

test('policy panel, with two profiles and an edit', async ({ page }) => {
  await openApp(page);
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  const base = JSON.parse(await readFile(DEFAULT_POLICY, 'utf8'));
  const file = (id, from) => ({ name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...base, id, title: `Region profile ${id}`, effective_from: from })) });
  await page.click('a.govuk-tabs__tab[href="#policy-tab-change"]');
  await page.setInputFiles('#policy-file', [file('r-2024', '2024-04-01'), file('r-2025', '2025-04-01')]);
  await page.fill('#policy-step-D-NOTIFY', '8');
  await expect(page.locator('#policy-in-force')).toContainText('Edited in this browser');

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoSidewaysScroll(page);
    await expectNoOverlap(page, ['#policy-list tbody tr']);
    // Each row's buttons can be seen and reached (in the table's own scroll region if narrow).
    for (const button of await page.locator('#policy-list button').all()) {
      await button.scrollIntoViewIfNeeded();
      await expectFullyVisible(button);
    }
    await page.locator('#policy-choice-block').scrollIntoViewIfNeeded();
    await expectFullyVisible(page.locator('#policy-choice-block legend'));
    await expectNoOverlap(page, ['#policy-choice-block .govuk-radios__item']);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('#policy-profile').screenshot({ path: shot('policy-edit') });
  await page.click('a.govuk-tabs__tab[href="#policy-tab-profile"]');
  await page.locator('#policy-profile').screenshot({ path: shot('policy-profile') });
});

test('narrow screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await openCase(page, FLAGGED);
  await expectStatus(page, 'Qualifies as an SFO');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectNoSidewaysScroll(page);
  // One column: the link to the results at the top, the toolbar buttons stacked.
  const jump = page.locator('.app-jump-to-results a');
  await expectFullyVisible(jump);
  await expectNoOverlap(page, ['#save-case', '#print', '#start-again']);
  await page.screenshot({ path: shot('narrow-top') });

  // The form fits the screen: a select and a date's three boxes on one line.
  await page.locator('#supervision-0').scrollIntoViewIfNeeded();
  await expectFullyVisible(page.locator('#supervision-0-type, #supervision-0-start-day, #supervision-0-start-month, #supervision-0-start-year'));
  await expectNoOverlap(page, ['#supervision-0-start-day', '#supervision-0-start-month', '#supervision-0-start-year']);
  const [day, year] = [await page.locator('#supervision-0-start-day').boundingBox(), await page.locator('#supervision-0-start-year').boundingBox()];
  expect(Math.abs(day.y - year.y)).toBeLessThan(2);
  await page.screenshot({ path: shot('narrow-form') });

  // The link brings the results into view: the status, then the first deadline.
  await page.evaluate(() => window.scrollTo(0, 0));
  await jump.click();
  await expectFullyVisible(page.locator('#results-title, #result-status-heading'));
  await page.screenshot({ path: shot('narrow-results') });
  const notify = deadline(page, 'D-NOTIFY');
  await notify.locator('.app-due').scrollIntoViewIfNeeded();
  await expectFullyVisible(notify.locator('h4, .app-due, .govuk-tag'));
  for (const summary of await page.locator('details[data-flag] > summary').all()) await summary.click();
  await expectNoSidewaysScroll(page);

  // An error: the summary at the top of the form, focused, in view.
  await fillDate(page, 'offence-charged', 13, 5, '');
  await page.click('#check-now');
  await expect(page.locator('#error-summary')).toBeFocused();
  await expectFullyVisible(page.locator('#error-summary'));
  await expectAbove(page.locator('#error-summary'), page.locator('.app-toolbar'));
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: shot('narrow-errors') });
});

test('training: the library, a round on a phone, and the projector', async ({ page }) => {
  await page.goto('/#training');
  await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
  await expectFullyVisible(page.locator('#training-title, #navigation a'));
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: shot('training-library') });

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await page.locator('button[data-scenario="window-across-christmas-and-new-year"]').click();
  await expectFullyVisible(page.locator('#round-title'));
  await expectNoSidewaysScroll(page);
  await page.click('#reveal');
  // The picture scrolls inside its own region; the page never does.
  await expectNoSidewaysScroll(page);
  await page.locator('#round-reveal .app-tl__scroll').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('training-phone-timeline') });

  // 1280 x 720, as a projector shows it: each part's heading and the controls in view.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.click('#present');
  for (let i = 0; i < 8; i++) {
    await expectFullyVisible(page.locator('.app-slide--current h3[tabindex], .app-present-next, #present-count'));
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: shot(`training-present-${i + 1}`) });
    await page.keyboard.press('ArrowRight');
  }
});
