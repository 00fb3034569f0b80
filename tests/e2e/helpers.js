// Shared steps for the sfo-check browser tests.
import { expect } from '@playwright/test';

export const EXAMPLE = new URL('../../examples/licence-murder-qualifies.json', import.meta.url).pathname;
export const DEFAULT_POLICY = new URL('../../policy/default.json', import.meta.url).pathname;

/** Opens the page and waits for the engine. */
export async function openApp(page) {
  await page.goto('/');
  await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
}

/** Fills a date input's three boxes (id is the case path as an id). */
export async function fillDate(page, id, day, month, year) {
  await page.fill(`#${id}-day`, String(day));
  await page.fill(`#${id}-month`, String(month));
  await page.fill(`#${id}-year`, String(year));
}

/** Opens a case object as if from a saved file. */
export async function openCase(page, caseObject, name = 'case.json') {
  await page.setInputFiles('#open-case', {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(caseObject)),
  });
}

/** Waits for results computed from the current answers (not greyed). */
export async function expectStatus(page, heading) {
  await expect(page.locator('#result-status-heading')).toHaveText(heading);
  await expect(page.locator('#results-body')).not.toHaveClass(/app-results--stale/);
}

export function deadline(page, id) {
  return page.locator(`#results-body [data-step="${id}"]`);
}

/** A murder charged during a licence: qualifies. */
export const QUALIFYING = {
  schema: 'sfo-check/case@1',
  reference: 'Test case 1',
  today: '2024-05-17',
  supervision: [{ type: 'licence', start: '2023-11-06', scheduled_end: '2024-11-05' }],
  offence: { id: 'murder', alleged_from: '2024-05-10', charged: '2024-05-13', first_court_appearance: '2024-05-14' },
};

/** Licence ending Fri 28 Jun 2024: the window closes Wed 7 Aug 2024. */
export function windowCase(allegedFrom, allegedTo) {
  return {
    schema: 'sfo-check/case@1',
    reference: 'Window edge',
    today: '2024-09-02',
    supervision: [{ type: 'licence', start: '2024-01-02', scheduled_end: '2024-06-28' }],
    offence: {
      id: 'murder',
      alleged_from: allegedFrom,
      ...(allegedTo ? { alleged_to: allegedTo } : {}),
      charged: '2024-08-12',
      first_court_appearance: '2024-08-13',
    },
  };
}

/** A case that raises several flags. */
export const FLAGGED = JSON.parse(JSON.stringify({
  schema: 'sfo-check/case@1',
  reference: 'Flags example',
  today: '2024-07-01',
  supervision: [{ type: 'licence', start: '2023-11-06', scheduled_end: '2024-11-05' }],
  offence: { id: 'murder', alleged_from: '2024-05-10', charged: '2024-05-13', first_court_appearance: '2024-05-14' },
  review: { notification_submitted: '2024-05-20' },
  rosh: {
    date: '2023-11-20',
    setting: 'community',
    overall: 'medium',
    groups: { public: 'medium', known_adult: 'high' },
    assessor: { role: 'probation-officer', months_qualified: 30, manages_case: true },
    domestic_abuse_enquiry: { status: 'requested', requested: '2023-11-07' },
    sources: ['previous-convictions', 'self-report'],
  },
  circumstances: { partner: true, domestic_abuse_indicators: true },
  events: [{ type: 'domestic-abuse-call-out', date: '2024-03-02', note: 'Police attended the home' }],
}));
