// Several policy profiles: the page lets the engine choose the one in force
// on each case's date (the first court appearance, else the charge date, else
// the 'assess on' date), or uses one the user names for every case, and says
// in the results which one it used and why.
//
// Every expected date below is worked out by hand from the rulebook (§2, §3):
// working days are Monday to Friday except England and Wales bank holidays, and
// day 0 is the date counted from. Bank holidays near these dates: Good Friday
// Fri 29 Mar 2024, Easter Monday Mon 1 Apr 2024; Good Friday Fri 18 Apr 2025,
// Easter Monday Mon 21 Apr 2025.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, openCase, fillDate, expectStatus, deadline, DEFAULT_POLICY } from './helpers.js';

/** A region's profile built from the default one, with its own D-NOTIFY offset. */
async function regionProfile(id, title, effectiveFrom, notifyDays) {
  const profile = JSON.parse(await readFile(DEFAULT_POLICY, 'utf8'));
  profile.id = id;
  profile.title = title;
  profile.effective_from = effectiveFrom;
  profile.timetable.find((s) => s.id === 'D-NOTIFY').offset.amount = notifyDays;
  return profile;
}

const file = (profile, name) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(profile)) });

async function loadProfiles(page, ...files) {
  await page.click('a.govuk-tabs__tab[href="#policy-tab-change"]');
  await page.setInputFiles('#policy-file', files);
}

const P2024 = () => regionProfile('region-2024', 'Region profile 2024', '2024-04-01', 5);
const P2025 = () => regionProfile('region-2025', 'Region profile 2025', '2025-04-01', 10);

/** A murder during a licence, first court appearance on `court` (the day after the charge). */
function courtCase(charged, court) {
  return {
    schema: 'sfo-check/case@1',
    reference: 'Two profiles case',
    today: '2025-04-02',
    supervision: [{ type: 'licence', start: '2024-11-04', scheduled_end: '2025-11-03' }],
    offence: { id: 'murder', alleged_from: '2025-03-20', charged, first_court_appearance: court },
  };
}

const resultProfile = (page) => page.locator('#result-profile');
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('two profiles: the one in force on the first court appearance is used, either side of the later one’s start', async ({ page }) => {
  await openCase(page, courtCase('2025-03-28', '2025-03-31'));
  await expectStatus(page, 'Qualifies as an SFO');
  await loadProfiles(page, file(await P2024(), 'region-2024.json'), file(await P2025(), 'region-2025.json'));

  // The list of profiles, oldest first, with the dates they come into force.
  const rows = page.locator('#policy-list tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('ew-default-2024');
  await expect(rows.nth(0)).toContainText('Sun 1 Jan 1995');
  await expect(rows.nth(0)).toContainText('Built in');
  await expect(rows.nth(1)).toContainText('Region profile 2024');
  await expect(rows.nth(1)).toContainText('Mon 1 Apr 2024');
  await expect(rows.nth(1)).toContainText('region-2024.json');
  await expect(rows.nth(2)).toContainText('Region profile 2025');
  await expect(rows.nth(2)).toContainText('Tue 1 Apr 2025');
  // By default the engine chooses by date.
  await expect(page.locator('#policy-choice')).toBeChecked();

  // Court Mon 31 Mar 2025, the day before region-2025 starts: region-2024
  // (from Mon 1 Apr 2024) is in force, 5 working days: Tue 1, Wed 2, Thu 3,
  // Fri 4, Mon 7 Apr 2025.
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Mon 7 Apr 2025');
  await expect(resultProfile(page)).toContainText('Region profile 2024');
  await expect(resultProfile(page)).toContainText('in force on Mon 31 Mar 2025, the date of the first court appearance');
  await expect(page.locator('.app-stamp__policy-id')).toHaveText('region-2024');
  await expect(page.locator('#policy-in-force-id')).toHaveText('region-2024');

  // Court Tue 1 Apr 2025, the day region-2025 starts: it is in force, 10
  // working days: Wed 2, Thu 3, Fri 4, Mon 7, Tue 8, Wed 9, Thu 10, Fri 11,
  // Mon 14, Tue 15 Apr 2025 (Good Friday is later, Fri 18 Apr).
  await fillDate(page, 'offence-charged', 31, 3, 2025);
  await fillDate(page, 'offence-first-court-appearance', 1, 4, 2025);
  await page.locator('#reference').focus();
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Tue 15 Apr 2025');
  await expect(resultProfile(page)).toContainText('Region profile 2025');
  await expect(resultProfile(page)).toContainText('in force on Tue 1 Apr 2025, the date of the first court appearance');
  await expect(page.locator('.app-stamp__policy-id')).toHaveText('region-2025');

  // Court Thu 28 Mar 2024, before either region profile: the built-in default
  // (5 working days) applies. Fri 29 Mar and Mon 1 Apr 2024 are Easter bank
  // holidays: Tue 2, Wed 3, Thu 4, Fri 5, Mon 8 Apr 2024.
  await openCase(page, { ...courtCase('2024-03-27', '2024-03-28'), today: '2024-04-02', supervision: [{ type: 'licence', start: '2023-11-06', scheduled_end: '2024-11-05' }], offence: { id: 'murder', alleged_from: '2024-03-20', charged: '2024-03-27', first_court_appearance: '2024-03-28' } });
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Mon 8 Apr 2024');
  await expect(resultProfile(page)).toContainText('ew-default-2024');
  await expect(resultProfile(page)).toContainText('in force on Thu 28 Mar 2024, the date of the first court appearance');

  // Without a court appearance, the charge date decides: charged Tue 1 Apr
  // 2025 uses region-2025, though no deadline counts from a charge.
  await openCase(page, { ...courtCase('2025-04-01', undefined) });
  await expectStatus(page, 'Not yet an SFO');
  await expect(resultProfile(page)).toContainText('Region profile 2025');
  await expect(resultProfile(page)).toContainText('in force on Tue 1 Apr 2025, the date charged');

  // The results never show an ISO date or a data path.
  await expect(page.locator('#results-body')).not.toContainText(ISO_DATE);
});

test('naming one profile overrides the date rule for every case', async ({ page }) => {
  await loadProfiles(page, file(await P2024(), 'a.json'));
  await loadProfiles(page, file(await P2025(), 'b.json')); // one after another
  await expect(page.locator('#policy-list tbody tr')).toHaveCount(3);

  await openCase(page, courtCase('2025-03-31', '2025-04-01'));
  await expectStatus(page, 'Qualifies as an SFO');
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Tue 15 Apr 2025');

  // Always region-2024: court Tue 1 Apr 2025 + 5 working days: Wed 2, Thu 3,
  // Fri 4, Mon 7, Tue 8 Apr 2025.
  await page.getByLabel('Always use Region profile 2024 (region-2024)').check();
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Tue 8 Apr 2025');
  await expect(resultProfile(page)).toContainText('Region profile 2024');
  await expect(resultProfile(page)).toContainText('you chose it for every case');
  await expect(page.locator('.app-stamp__policy-id')).toHaveText('region-2024');

  // Always region-2025, for a court appearance before it starts: Mon 31 Mar
  // 2025 + 10 working days: Tue 1, Wed 2, Thu 3, Fri 4, Mon 7, Tue 8, Wed 9,
  // Thu 10, Fri 11, Mon 14 Apr 2025.
  await page.getByLabel('Always use Region profile 2025 (region-2025)').check();
  await fillDate(page, 'offence-charged', 28, 3, 2025);
  await fillDate(page, 'offence-first-court-appearance', 31, 3, 2025);
  await page.locator('#reference').focus();
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Mon 14 Apr 2025');
  await expect(resultProfile(page)).toContainText('Region profile 2025');

  // Back to choosing by date: region-2024 again, Mon 7 Apr 2025.
  await page.locator('#policy-choice').check();
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Mon 7 Apr 2025');
  await expect(resultProfile(page)).toContainText('Region profile 2024');
});

test('an edit applies to one profile and takes its place; loading and removing profiles keeps the case', async ({ page }) => {
  // Typed by hand, so nothing comes back from a file if it were lost.
  await openCase(page, courtCase('2025-03-31', '2025-04-01'));
  await expectStatus(page, 'Qualifies as an SFO');
  await page.fill('#reference', 'Typed reference 42');
  await page.selectOption('#rosh-overall', 'medium');
  await page.click('[data-add="events"]');
  await page.selectOption('#events-0-type', 'new-relationship');
  await fillDate(page, 'events-0-date', 3, 3, 2025);
  await page.fill('#events-0-note', 'Typed note: new partner');
  await page.locator('#reference').focus();
  const expectCaseKept = async (courtDay) => {
    await expect(page.locator('#reference')).toHaveValue('Typed reference 42');
    await expect(page.locator('#supervision-0-type')).toHaveValue('licence');
    await expect(page.locator('#offence-id')).toHaveValue('murder');
    await expect(page.locator('#rosh-overall')).toHaveValue('medium');
    await expect(page.locator('#events-0-type')).toHaveValue('new-relationship');
    await expect(page.locator('#events-0-date-month')).toHaveValue('3');
    await expect(page.locator('#events-0-note')).toHaveValue('Typed note: new partner');
    await expect(page.locator('#offence-first-court-appearance-day')).toHaveValue(courtDay);
  };

  await loadProfiles(page, file(await P2024(), 'region-2024.json'), file(await P2025(), 'region-2025.json'));
  await expectCaseKept('1');
  await expect(resultProfile(page)).toContainText('Region profile 2025');

  // The edit block starts on the profile used for the results.
  await expect(page.locator('#policy-edit-profile')).toHaveValue('region-2025');
  await expect(page.locator('#policy-step-D-NOTIFY')).toHaveValue('10');
  // 3 working days after Tue 1 Apr 2025: Wed 2, Thu 3, Fri 4 Apr 2025.
  await page.fill('#policy-step-D-NOTIFY', '3');
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Fri 4 Apr 2025');
  await expect(page.locator('.app-stamp__policy-id')).toHaveText('region-2025-edited');
  await expect(resultProfile(page)).toContainText('Edited in this browser');
  // The edited copy keeps its profile's start date and is still chosen by date.
  await expect(resultProfile(page)).toContainText('in force from Tue 1 Apr 2025');
  await expect(resultProfile(page)).toContainText('in force on Tue 1 Apr 2025, the date of the first court appearance');
  await expect(page.locator('#policy-list tr[data-profile="region-2025"]')).toContainText('Your edits: D-NOTIFY 3 working days instead of 10');

  // A court appearance the day before: region-2024, unedited (Mon 31 Mar + 5
  // working days = Mon 7 Apr 2025). The edit block stays on region-2025.
  await fillDate(page, 'offence-first-court-appearance', 31, 3, 2025);
  await fillDate(page, 'offence-charged', 28, 3, 2025);
  await page.locator('#reference').focus();
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Mon 7 Apr 2025');
  await expect(page.locator('.app-stamp__policy-id')).toHaveText('region-2024');
  await expect(page.locator('#policy-edit-profile')).toHaveValue('region-2025');
  await expect(page.locator('#policy-step-D-NOTIFY')).toHaveValue('3');

  // Naming region-2025 for every case uses the edited copy in its place:
  // Mon 31 Mar + 3 working days = Thu 3 Apr 2025.
  await page.getByLabel('Always use Region profile 2025 (region-2025)').check();
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Thu 3 Apr 2025');
  await expect(page.locator('.app-stamp__policy-id')).toHaveText('region-2025-edited');

  // Removing region-2025 takes its edits and the choice with it; by date again.
  await page.getByRole('button', { name: 'Remove Region profile 2025' }).click();
  await expect(page.locator('#policy-list-title')).toBeFocused();
  await expect(page.locator('#announcer')).toHaveText('Region profile 2025 (region-2025) removed, with your edits to it. It was used for every case: now each case’s profile is chosen by date. Your case is unchanged.');
  await expect(page.locator('#policy-list tbody tr')).toHaveCount(2);
  await expect(page.locator('#policy-choice')).toBeChecked();
  await expect(deadline(page, 'D-NOTIFY')).toContainText('Mon 7 Apr 2025');
  await expectCaseKept('31');

  // A profile id entered in the case names it: the built-in one, whatever
  // the date (Mon 31 Mar + 5 working days = Mon 7 Apr 2025 as well).
  await page.fill('#policy', 'ew-default-2024');
  await page.locator('#reference').focus();
  await expect(page.locator('.app-stamp__policy-id')).toHaveText('ew-default-2024');
  await expect(resultProfile(page)).toContainText('Used because the case names it');

  // Loading region-2025 again: unedited, and the case is as it was.
  await page.fill('#policy', '');
  await loadProfiles(page, file(await P2025(), 'region-2025.json'));
  await expect(page.locator('#policy-list tbody tr')).toHaveCount(3);
  await expect(page.locator('#policy-list tr[data-profile="region-2025"]')).not.toContainText('Your edits');
  await expectCaseKept('31');
  await expect(page.locator('.app-stamp__policy-id')).toHaveText('region-2024');
});

// The pure parts (www/policy.js), checked directly in Node.
test.describe('in Node', () => {
  const profile = (id, from) => ({ id, title: id, effective_from: from, timetable: [{ id: 'D-NOTIFY', offset: { amount: 5, unit: 'working-days' }, sources: [{ title: 's' }] }] });
  const builtIn = profile('built-in', '1995-01-01');
  const report = (selection, today = '2025-04-02', todaySource = 'case') =>
    ({ stamp: { today, today_source: todaySource, policy: { id: 'x', selection } } });

  test('checkOptions names a profile only when the user or the case names one', async () => {
    const { profileEntries, checkOptions } = await import('../../www/policy.js');
    const loaded = [{ profile: profile('b-2025', '2025-04-01'), name: 'b.json' }, { profile: profile('a-2024', '2024-04-01'), name: 'a.json' }];
    let entries = profileEntries(builtIn, loaded, {});
    expect(entries.map((e) => e.base.id)).toEqual(['built-in', 'a-2024', 'b-2025']); // by start date
    expect(checkOptions(entries, '', '')).toEqual({ policies: [loaded[0].profile, loaded[1].profile] }); // load order
    expect(checkOptions(entries, 'a-2024', 'b-2025').policy_id).toBe('a-2024');
    expect(checkOptions(entries, '', 'b-2025').policy_id).toBeUndefined(); // the engine reads the case's own
    // An edited copy takes its profile's place, also when named.
    entries = profileEntries(builtIn, loaded, { 'a-2024': { 'D-NOTIFY': 3 }, 'built-in': { 'D-NOTIFY': 4 } });
    const options = checkOptions(entries, '', 'a-2024');
    expect(options.policies.map((p) => p.id)).toEqual(['built-in-edited', 'b-2025', 'a-2024-edited']);
    expect(options.policies[2].effective_from).toBe('2024-04-01');
    expect(options.policy_id).toBe('a-2024-edited');
    expect(checkOptions(entries, 'a-2024', '').policy_id).toBe('a-2024-edited');
  });

  test('explainSelection says why in words, with long dates', async () => {
    const { explainSelection } = await import('../../www/policy.js');
    const inForce = (on, event) => report({ by: 'in-force', on, event });
    expect(explainSelection(inForce('2025-03-31', 'first-court-appearance')))
      .toBe('Used because it is the profile in force on Mon 31 Mar 2025, the date of the first court appearance.');
    expect(explainSelection(inForce('2025-04-01', 'charged')))
      .toBe('Used because it is the profile in force on Tue 1 Apr 2025, the date charged.');
    expect(explainSelection(inForce('2025-04-02', 'today')))
      .toBe('Used because it is the profile in force on Wed 2 Apr 2025, the ‘assess on’ date (no charge or court date is entered).');
    expect(explainSelection(report({ by: 'earliest', on: '2023-06-05', event: 'first-court-appearance' })))
      .toBe('Used because no profile loaded starts on or before Mon 5 Jun 2023, the date of the first court appearance, so the one that starts earliest applies.');
    expect(explainSelection(report({ by: 'options' }), { choice: 'a', caseProfileId: 'b' }))
      .toBe('Used because you chose it for every case under “Policy profiles”. It overrides the profile the case names (b).');
    expect(explainSelection(report({ by: 'case' }), { caseProfileId: 'b' }))
      .toBe('Used because the case names it (the policy profile id in section 1).');
  });
});
