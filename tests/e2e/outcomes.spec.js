// The four answers, worked out from the rulebook: a licence ending Fri 28 Jun
// 2024 has its window close 28 working days later, Wed 7 Aug 2024.
import { test, expect } from '@playwright/test';
import { openApp, fillDate, openCase, expectStatus, deadline, windowCase } from './helpers.js';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('not yet: charged but no court appearance', async ({ page }) => {
  await page.fill('#reference', 'Charged, not in court');
  await fillDate(page, 'today', 1, 6, 2024);
  await page.selectOption('#supervision-0-type', 'licence');
  await fillDate(page, 'supervision-0-start', 2, 1, 2024);
  await fillDate(page, 'supervision-0-scheduled-end', 28, 12, 2024);
  await page.selectOption('#offence-id', 'rape');
  await fillDate(page, 'offence-alleged-from', 1, 5, 2024);
  await fillDate(page, 'offence-charged', 10, 5, 2024);
  await page.locator('#reference').focus();

  await expectStatus(page, 'Not yet an SFO');
  await expect(page.locator('.app-reason[data-rule="Q-TRIGGER"]')).toContainText('Pending');
  await expect(page.locator('.app-reason[data-rule="Q-TRIGGER"]')).toContainText('no court appearance is recorded');
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Waiting');
  // What is missing links to the court appearance field.
  const missing = page.locator('.app-missing a', { hasText: 'first court appearance' });
  await missing.click();
  await expect(page.locator('#offence-first-court-appearance-day')).toBeFocused();
});

test('does not qualify the day after the window closes, qualifies on its last day', async ({ page }) => {
  await openCase(page, windowCase('2024-08-08'));
  await expectStatus(page, 'Does not qualify as an SFO');
  await expect(page.locator('.app-reason[data-rule="Q-WINDOW"]')).toContainText('Not met');
  await expect(page.locator('.app-reason[data-rule="Q-WINDOW"]')).toContainText('its window runs to Wed 7 Aug 2024');
  await expect(deadline(page, 'D-WINDOW-CLOSE')).toContainText('Wed 7 Aug 2024');
  await expect(deadline(page, 'D-NOTIFY').locator('.govuk-tag').first()).toHaveText('Not required');

  // One day earlier: the last day of the window.
  await page.fill('#offence-alleged-from-day', '7');
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(page.locator('.app-reason[data-rule="Q-WINDOW"]')).toContainText('Met');
  // First court appearance Tue 13 Aug 2024 + 5 working days; overdue on Mon 2 Sep.
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Tue 20 Aug 2024');
  await expect(deadline(page, 'D-NOTIFY').locator('.govuk-tag').first()).toHaveText('Overdue');
  await expect(deadline(page, 'D-NOTIFY')).toContainText('by 8 working days');
});

test('check with your SFO lead: a date range straddling the window edge', async ({ page }) => {
  await openCase(page, windowCase('2024-08-05', '2024-08-09'));
  await expectStatus(page, 'Check with your SFO lead');
  const window = page.locator('.app-reason[data-rule="Q-WINDOW"]');
  await expect(window).toContainText('Check');
  await expect(window).toContainText('Thu 8 Aug 2024 to Fri 9 Aug 2024 fall outside');
  await expect(page.locator('#results-live')).toContainText('Check with your SFO lead');
});

test('a group B offence with no RoSH level asks for the missing facts', async ({ page }) => {
  await openCase(page, { ...windowCase('2024-07-01'), offence: { ...windowCase('2024-07-01').offence, id: 'kidnapping' } });
  await expectStatus(page, 'Check with your SFO lead');
  await expect(page.locator('.app-reason[data-rule="Q-CONDITIONAL"]')).toContainText('Check');
  await expect(page.locator('.app-missing')).toContainText('Overall RoSH level');
  // Recording High RoSH settles it.
  await page.selectOption('#rosh-overall', 'high');
  await expectStatus(page, 'Qualifies as an SFO');
});

test('an extension granted as a date, and predicted bank holidays after the confirmed years', async ({ page }) => {
  await openCase(page, {
    reference: 'Future case',
    today: '2028-06-01',
    supervision: [{ type: 'licence', start: '2028-01-03', scheduled_end: '2028-12-29' }],
    offence: { id: 'murder', alleged_from: '2028-04-20', charged: '2028-04-28', first_court_appearance: '2028-05-02' },
    review: {
      notification_submitted: '2028-05-08',
      extensions: [{ step: 'D-REVIEW', requested: '2028-05-20', decision: 'granted', new_due: '2028-09-29', reason: 'Police disclosure' }],
    },
  });
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(page.locator('#review-extensions-0-step')).toHaveValue('D-REVIEW');
  await expect(page.locator('#review-extensions-0-decision-2')).toBeChecked();
  const review = deadline(page, 'D-REVIEW');
  await expect(review).toContainText('Fri 29 Sep 2028');
  await expect(review).toContainText('Originally due Tue 1 Aug 2028; now due Fri 29 Sep 2028.');
  await expect(review.getByText('Extended', { exact: true })).toHaveClass(/govuk-tag--purple/);
  await expect(review).toContainText('An extension was requested before the original deadline.');
  await expect(review).toContainText('Uses predicted bank holidays');
  await expect(page.locator('#stamp')).toContainText('Some dates use predicted bank holidays, not confirmed ones.');
  await expect(page.locator('#stamp')).toContainText('Confirmed for 1995 to 2027');
});
