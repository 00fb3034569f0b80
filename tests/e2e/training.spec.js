// Training mode: a whole round by keyboard (pick, predict, reveal, what if,
// present) with axe in each state; the handouts' page budgets; saving a case
// as a scenario and opening it again; bad scenario files.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFile, readdir } from 'node:fs/promises';
import { openApp, openCase, expectStatus, EXAMPLE } from './helpers.js';
import { pdfPages } from './pdf.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const SCENARIOS = new URL('../../scenarios/', import.meta.url);

async function expectNoViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function openTraining(page) {
  await page.goto('/#training');
  await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
  await expect(page.locator('#training-library tbody tr').first()).toBeVisible();
}

/** Activates a control the way a keyboard user does: focus, then Enter or Space. */
async function press(page, selector, key = 'Enter') {
  await page.locator(selector).focus();
  await page.keyboard.press(key);
}

test('the library offers every shipped scenario, with its topics and length', async ({ page }) => {
  const files = (await readdir(SCENARIOS)).filter((f) => f.endsWith('.json'));
  await openTraining(page);
  await expect(page.locator('#training-library tbody tr')).toHaveCount(files.length);
  const curfew = JSON.parse(await readFile(new URL('curfew-without-domestic-abuse-enquiry.json', SCENARIOS), 'utf8'));
  const row = page.locator('#training-library tr[data-scenario="curfew-without-domestic-abuse-enquiry"]');
  await expect(row).toContainText(curfew.title);
  await expect(row).toContainText(curfew.topics.join(', '));
  await expect(row).toContainText(`${curfew.minutes} min`);
  // Filtering by a topic keeps only the scenarios about it.
  await page.selectOption('#training-topic', 'extensions');
  const about = files.length - (await Promise.all(files.map(async (f) => JSON.parse(await readFile(new URL(f, SCENARIOS), 'utf8')))))
    .filter((s) => !s.topics.includes('extensions')).length;
  expect(about).toBeGreaterThan(1);
  await expect(page.locator('#training-library tbody tr')).toHaveCount(about);
  await expectNoViolations(page);
});

test('a whole round by keyboard: pick, predict, reveal, what if and present', async ({ page }) => {
  await openTraining(page);
  await press(page, 'button[data-scenario="offence-on-the-28th-working-day"]');
  await expect(page.locator('#round-title')).toBeFocused();
  await expect(page.locator('#round-title')).toHaveText('An offence on the 28th working day after supervision ends');
  // The answers stay hidden until the reveal.
  await expect(page.locator('#round-reveal')).toBeHidden();
  await expect(page.locator('#answer-sheet')).toBeHidden();
  await expect(page.locator('.app-narrative')).toContainText('Tuesday 16 May 2023');
  await expect(page.locator('#round-facts')).toContainText('Tue 16 May 2023');
  await expectNoViolations(page);

  // The room's predictions. Worked by hand: the community order ended Fri
  // 31 Mar 2023; 28 working days after it, passing over Good Friday (7 Apr),
  // Easter Monday (10 Apr), the early May holiday (1 May) and the
  // coronation (8 May), is Tue 16 May, so the window closed that day and the
  // offence is inside it. The notification was due 5 working days after the
  // court on Thu 18 May: Thu 25 May.
  await press(page, '#predict-status-qualifies', 'Space');
  // By keyboard: a date typed box by box (Tab between), a state chosen by
  // typing its first letters.
  const typeInto = async (id, keys) => {
    await page.locator(`#${id}`).focus();
    await page.keyboard.type(keys);
  };
  const typeDate = async (id, day, month, year) => {
    await typeInto(`${id}-day`, day);
    await page.keyboard.press('Tab');
    await page.keyboard.type(month);
    await page.keyboard.press('Tab');
    await page.keyboard.type(year);
  };
  await typeDate('predict-D-WINDOW-CLOSE-due', '16', '5', '2023');
  await typeInto('predict-D-WINDOW-CLOSE-state', 'Clo');
  await expect(page.locator('#predict-D-WINDOW-CLOSE-state')).toHaveValue('closed');
  await typeDate('predict-D-NOTIFY-due', '24', '5', '2023');
  await typeInto('predict-D-NOTIFY-state', 'Ove');
  await expect(page.locator('#predict-D-NOTIFY-state')).toHaveValue('overdue');
  await typeInto('predict-D-QA-state', 'Wai');
  await expect(page.locator('#predict-D-QA-state')).toHaveValue('waiting');
  // Enter in a date box never reveals the answers to the room.
  await page.locator('#predict-D-NOTIFY-due-year').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#round-reveal')).toBeHidden();
  // Every flag is offered (17); none is raised here: tick one.
  const boxes = page.locator('#prediction-form .govuk-checkboxes__input');
  await expect(boxes).toHaveCount(17);
  const decoy = await boxes.first().getAttribute('value');
  await press(page, `#predict-flag-${decoy}`, 'Space');
  await press(page, '#reveal');

  await expect(page.locator('#reveal-title')).toBeFocused();
  await expect(page.locator('#announcer')).toContainText('Revealed.');
  // 10 marks: the status, a date and a state for each of 4 steps, and the
  // one flag ticked (flags left unticked and not raised are not scored).
  // Right: the status, the window's date and state, the notification's
  // state, and the quality assurance (undated, so a blank date is right once
  // its state is given). Wrong: the notification date and the flag; not
  // answered: the review's date and state.
  await expect(page.locator('#round-score')).toHaveText('6 of 10 right.');
  const notify = page.locator('#round-reveal [data-step="D-NOTIFY"]');
  await expect(notify).toContainText('Wrong Due date: Thu 25 May 2023. You said Wed 24 May 2023.');
  // Overdue by 6 on Mon 5 Jun: the working days after Thu 25 May are Fri
  // 26 May, then 30 May to 2 Jun (Mon 29 May is the spring bank holiday) and Mon 5 Jun.
  await expect(notify).toContainText('Right State: Overdue by 6 working days');
  await expect(page.locator(`#round-reveal [data-flag="${decoy}"]`)).toContainText('Wrong');
  await expect(page.locator('#round-reveal [data-slide="learning"]')).toContainText('HM Inspectorate of Probation');
  const picture = page.locator('#round-reveal svg[role="img"]');
  await expect(picture).toHaveCount(1);
  await expectNoViolations(page);

  // What if the offence were a working day later: outside the window.
  await expect(page.locator('#what-if-fact')).toHaveValue('offence.alleged_from');
  await press(page, '#what-if-later');
  await expect(page.locator('#what-if-date-day')).toHaveValue('17');
  await expect(page.locator('#what-if-date-month')).toHaveValue('5');
  await expect(page.locator('#announcer')).toContainText('Changed to Wed 17 May 2023');
  await press(page, '#what-if-apply');
  await expect(page.locator('#what-if-changed')).toBeFocused();
  const changes = page.locator('#what-if-changes');
  await expect(changes.locator('[data-change="status"]')).toContainText('Qualifies as an SFO → Does not qualify as an SFO');
  await expect(changes.locator('[data-change="D-NOTIFY"]')).toContainText('Overdue by 6 working days → Not required: the case does not qualify');
  await expect(changes.locator('[data-change="Q-WINDOW"]')).toContainText('met → not met');
  await expect(changes.locator('[data-change="D-WINDOW-CLOSE"]')).toHaveCount(0);
  await expect(page.locator('.app-what-if__timelines svg[role="img"]')).toHaveCount(2);
  await expectNoViolations(page);
  await press(page, '#what-if-undo');
  await expect(page.locator('#what-if-changes')).toHaveCount(0);

  // Presenting: one part at a time, by arrow keys and space.
  await press(page, '#present');
  await expect(page.locator('body')).toHaveClass(/app-presenting/);
  await expect(page.locator('#present-count')).toHaveText('1 of 8');
  await expect(page.locator('[data-slide="story"]')).toBeVisible();
  await expect(page.locator('[data-slide="facts"]')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#present-count')).toHaveText('2 of 8');
  await expect(page.locator('[data-slide="facts"]')).toBeVisible();
  await expect(page.locator('[data-slide="story"]')).toBeHidden();
  await page.keyboard.press('Space');
  await expect(page.locator('#present-count')).toHaveText('3 of 8');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#present-count')).toHaveText('2 of 8');
  await page.keyboard.press('End');
  await expect(page.locator('[data-slide="what-if"]')).toBeVisible();
  await expectNoViolations(page);
  await page.keyboard.press('Escape');
  await expect(page.locator('body')).not.toHaveClass(/app-presenting/);
  await expect(page.locator('#present')).toBeFocused();
});

test('presenting before the reveal: leaving the predictions reveals the answers', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openTraining(page);
  await press(page, 'button[data-scenario="charged-but-not-yet-in-court"]');
  await press(page, '#present');
  await expect(page.locator('#present-count')).toHaveText('1 of 3, then the answers');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-slide="predict"]')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#present-count')).toHaveText('4 of 8');
  await expect(page.locator('[data-slide="outcome"]')).toContainText('Not yet an SFO');
  // Large type: the story and answers are set well above the page's own size.
  const size = await page.locator('[data-slide="outcome"] .app-score').evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * Number(getComputedStyle(el.closest('[data-slide]')).zoom || 1));
  expect(size).toBeGreaterThan(30);
});

test('each handout prints on at most two A4 pages, the scenario sheet without the answers', async ({ page }) => {
  test.setTimeout(180_000);
  await openTraining(page);
  const ids = await page.locator('#training-library button[data-scenario]').evaluateAll((bs) => bs.map((b) => b.dataset.scenario));
  for (const id of ids) {
    const scenario = JSON.parse(await readFile(new URL(`${id}.json`, SCENARIOS), 'utf8'));
    await page.locator(`button[data-scenario="${id}"]`).click();
    const sheets = {};
    for (const kind of ['app-print-scenario', 'app-print-answers']) {
      // As the print buttons do, without the browser's print dialog.
      await page.evaluate((k) => document.body.classList.add(k), kind);
      await page.emulateMedia({ media: 'print' });
      sheets[kind] = await pdfPages(await page.pdf({ format: 'A4' }));
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate((k) => document.body.classList.remove(k), kind);
    }
    const story = sheets['app-print-scenario'].flat().join(' ');
    const answers = sheets['app-print-answers'].flat().join(' ');
    expect(sheets['app-print-scenario'].length, `${id}: scenario sheet`).toBeLessThanOrEqual(2);
    expect(sheets['app-print-answers'].length, `${id}: answer sheet`).toBeLessThanOrEqual(2);
    expect(story).toContain(scenario.narrative.split(' ').slice(0, 6).join(' '));
    expect(story).not.toMatch(/Answer sheet|Qualifies as an SFO|Does not qualify as an SFO|Not yet an SFO/);
    expect(answers).toContain(`Answer sheet: ${scenario.title.split(' ').slice(0, 4).join(' ')}`);
    expect(answers).toContain(scenario.learning_points[0].split(' ').slice(0, 5).join(' '));
    expect(answers).not.toContain(scenario.narrative.split(' ').slice(0, 8).join(' '));
    await page.locator('.app-back').click();
  }
});

test('a case saved as a training scenario opens in the library and agrees with the checker', async ({ page }) => {
  await openApp(page);
  await openCase(page, JSON.parse(await readFile(EXAMPLE, 'utf8')));
  await expectStatus(page, 'Qualifies as an SFO');
  await press(page, '#save-scenario');
  await expect(page.locator('#scenario-title')).toBeFocused();
  // Without a title or a story it is not saved, and says which is missing.
  await press(page, '#scenario-save');
  await expect(page.locator('#scenario-author-errors')).toBeFocused();
  await expect(page.locator('#scenario-author-error-list li')).toHaveText(['Title: enter it', 'Narrative: enter it']);
  await page.fill('#scenario-title', 'Murder on licence: my own scenario');
  await page.fill('#scenario-narrative', 'An invented person on licence is charged with murder.');
  await page.fill('#scenario-learning', 'Murder is always an SFO.\n\nCount working days, not calendar days.');
  await page.fill('#scenario-topics', 'qualification, deadlines');
  const saving = page.waitForEvent('download');
  await press(page, '#scenario-save');
  const download = await saving;
  expect(download.suggestedFilename()).toBe('murder-on-licence-my-own-scenario.json');
  const text = await readFile(await download.path(), 'utf8');
  const scenario = JSON.parse(text);
  expect(scenario.schema).toBe('sfo-check/scenario@1');
  expect(scenario.learning_points).toEqual(['Murder is always an SFO.', 'Count working days, not calendar days.']);
  expect(scenario.topics).toEqual(['qualification', 'deadlines']);
  // The example: court on Tue 14 May 2024, notification submitted on Mon 20
  // May (done on time); assessed on Mon 1 Jul 2024.
  expect(scenario.expect.status).toBe('qualifies');
  expect(scenario.case.today).toBe('2024-07-01');
  expect(scenario.case.reference).toBe(JSON.parse(await readFile(EXAMPLE, 'utf8')).reference);

  await page.click('#navigation a[data-view="training"]');
  await expect(page.locator('#training-library tbody tr').first()).toBeVisible();
  await page.setInputFiles('#scenario-files', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const row = page.locator('#training-library tr[data-scenario="murder-on-licence-my-own-scenario"]');
  await expect(row).toContainText('Your file');
  await row.locator('button').click();
  await expect(page.locator('.app-narrative')).toHaveText('An invented person on licence is charged with murder.');
  await press(page, '#reveal');
  await expect(page.locator('[data-slide="outcome"]')).toContainText('Qualifies as an SFO');
  // The case form kept its answers while Training was open.
  await page.click('#navigation a[data-view="check"]');
  await expectStatus(page, 'Qualifies as an SFO');
});

test('bad scenario files are refused, each named with its field, and the library keeps what it had', async ({ page }) => {
  await openTraining(page);
  const rows = await page.locator('#training-library tbody tr').count();
  const good = JSON.parse(await readFile(new URL('notification-due-today.json', SCENARIOS), 'utf8'));
  const variant = (change) => {
    const copy = structuredClone(good);
    change(copy);
    return Buffer.from(JSON.stringify(copy));
  };
  await page.setInputFiles('#scenario-files', [
    { name: 'not-json.json', mimeType: 'application/json', buffer: Buffer.from('{ "schema": ') },
    { name: 'wrong-schema.json', mimeType: 'application/json', buffer: variant((s) => { s.schema = 'sfo-check/case@1'; }) },
    { name: 'case-error.json', mimeType: 'application/json', buffer: variant((s) => { s.case.offence.charged = '2024-02-30'; }) },
    { name: 'unknown-flag.json', mimeType: 'application/json', buffer: variant((s) => { s.expect.flags = ['F-NO-SUCH-FLAG']; }) },
  ]);
  const problems = page.locator('#training-problems');
  await expect(problems).toBeFocused();
  const items = problems.locator('li');
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText('not-json.json: The whole file: not valid JSON');
  await expect(items.nth(1)).toContainText('wrong-schema.json: Format: must be "sfo-check/scenario@1"');
  await expect(items.nth(2)).toContainText('case-error.json: Date charged (in the case):');
  await expect(items.nth(3)).toContainText('unknown-flag.json: Expected flag 1:');
  await expect(page.locator('#training-library tbody tr')).toHaveCount(rows);
  await expectNoViolations(page);
});

test('a second round starts afresh, and leaving Training ends the presentation', async ({ page }) => {
  await openTraining(page);
  await page.locator('button[data-scenario="notification-due-today"]').click();
  await page.check('#predict-status-not-yet');
  await page.click('#reveal');
  // Scored: the status (wrong: the court appearance makes it qualify) and a
  // date and a state for each of the 4 steps (not answered).
  await expect(page.locator('#round-score')).toHaveText('0 of 9 right.');
  await page.click('.app-back');
  await expect(page.locator('button[data-scenario="notification-due-today"]')).toBeFocused();
  await page.locator('button[data-scenario="charged-but-not-yet-in-court"]').click();
  await expect(page.locator('#round-reveal')).toBeHidden();
  await expect(page.locator('#round-what-if')).toBeHidden();
  await expect(page.locator('input[name="predict-status"]:checked')).toHaveCount(0);
  // Nothing predicted: the answers, but no score.
  await page.click('#reveal');
  await expect(page.locator('#round-score')).toHaveText('No predictions were recorded: these are the answers.');

  await page.click('#present');
  await expect(page.locator('body')).toHaveClass(/app-presenting/);
  await page.evaluate(() => { window.location.hash = '#check'; });
  await expect(page.locator('#check-view')).toBeVisible();
  await expect(page.locator('body')).not.toHaveClass(/app-presenting/);
  // The arrow keys are the page's again.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#check-view')).toBeVisible();
});

test('a scenario is written with the built-in profile: a case naming another profile is refused', async ({ page }) => {
  await openApp(page);
  const example = JSON.parse(await readFile(EXAMPLE, 'utf8'));
  await openCase(page, { ...example, policy: 'region-north-2025' });
  await page.click('#save-scenario');
  await page.fill('#scenario-title', 'Regional');
  await page.fill('#scenario-narrative', 'Told to the room.');
  await page.click('#scenario-save');
  await expect(page.locator('#scenario-author-error-list li')).toHaveText([/names the policy profile “region-north-2025”: training scenarios use the built-in profile/]);
});

test('what if the domestic abuse enquiry were done, or a MAPPA level recorded', async ({ page }) => {
  await openTraining(page);
  await page.locator('button[data-scenario="curfew-without-domestic-abuse-enquiry"]').click();
  await page.click('#reveal');
  // The curfew was proposed with no police domestic abuse enquiry: both the
  // enquiry flag and the curfew checks flag are raised (the scenario's expect).
  await page.selectOption('#what-if-fact', 'rosh.domestic_abuse_enquiry.status');
  await page.selectOption('#what-if-choice', 'completed');
  await page.click('#what-if-apply');
  const changes = page.locator('#what-if-changes');
  await expect(changes.locator('[data-change="F-DA-ENQUIRY"]')).toContainText('Cleared');
  await expect(changes.locator('[data-change="F-EM-CURFEW-CHECKS"]')).toContainText('Cleared');
  await expect(changes.locator('[data-change="status"]')).toHaveCount(0);
  // A MAPPA level alone changes nothing for a murder charge.
  await page.selectOption('#what-if-fact', 'circumstances.mappa.level');
  await page.selectOption('#what-if-choice', '2');
  await page.click('#what-if-apply');
  await expect(page.locator('#what-if-changes')).toHaveText('Nothing else changes: the status, every deadline and the flags stay as they were.');
  // The scenario keeps its own day to be judged on.
  await page.selectOption('#what-if-fact', 'today');
  for (const part of ['day', 'month', 'year']) await page.fill(`#what-if-date-${part}`, '');
  await page.click('#what-if-apply');
  await expect(page.locator('#what-if-error')).toContainText('Enter a date to judge the case on.');
  await expect(page.locator('#what-if-date-day')).toBeFocused();
});
