// One vocabulary from the engine to the page: the form, the engine's field
// words and its value lists agree (a drift test), and what the results show
// reads as plain English.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { openApp, openCase, FLAGGED } from './helpers.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));

/** The engine's vocabulary, through its own JS API. */
async function vocabulary(page) {
  return page.evaluate(async () => {
    const engine = await import('/pkg/sfo_check.js');
    await engine.default();
    return engine.vocabulary();
  });
}

/** Case fields the page never asks for, each with the reason. */
const NOT_IN_FORM = {
  schema: 'written by the page when it saves a case',
  offence: 'a group of questions, not a question',
  review: 'a group of questions, not a question',
  rosh: 'a group of questions, not a question',
  circumstances: 'a group of questions, not a question',
  'circumstances.mappa': 'a group of questions, not a question',
  'rosh.assessor': 'a group of questions, not a question',
  'rosh.previous': 'a group of questions, not a question',
  'rosh.groups': 'a group of questions, not a question',
  'rosh.domestic_abuse_enquiry': 'a group of questions, not a question',
  'rosh.safeguarding_enquiry': 'a group of questions, not a question',
};

/** Fields whose values come from the policy profile, not a fixed list. */
const FROM_PROFILE = new Set(['supervision[].type', 'offence.id', 'review.extensions[].step']);

test('drift: every form question is a case field, every case field is asked or left out on purpose, every option is known', async ({ page }) => {
  await openApp(page);
  // One row of every list, so their questions are on the page.
  for (const add of await page.locator('button[data-add]').all()) await add.click();
  const vocab = await vocabulary(page);
  const form = await page.evaluate(() => [...document.querySelectorAll('#case-form [data-field]')].map((el) => ({
    path: el.dataset.field.replace(/\[\d+\]/g, '[]'),
    kind: el.dataset.kind,
    values: [...el.querySelectorAll('option[value], input[type="radio"][value], input[type="checkbox"][value]')]
      .map((i) => i.value).filter((v) => v !== ''),
  })));
  const caseFields = vocab.fields.map((f) => f.path).filter((p) => !p.startsWith('policy.'));
  const asked = new Set(form.map((f) => f.path));

  const unknown = [...asked].filter((p) => !caseFields.includes(p));
  expect(unknown, 'form questions that are not case fields').toEqual([]);

  const lists = new Set(vocab.lists.map((l) => l.path));
  const neither = caseFields.filter((p) => !asked.has(p) && !lists.has(p) && !(p in NOT_IN_FORM));
  expect(neither, 'case fields neither asked nor left out on purpose').toEqual([]);

  const choices = new Map(vocab.choices.map((c) => [c.path, c.choices.map((x) => x.value)]));
  for (const field of form) {
    if (field.kind === 'yesno' || FROM_PROFILE.has(field.path) || field.kind === 'date') continue;
    const known = choices.get(field.path);
    if (!field.values.length) continue;
    if (!known && field.values.every((v) => /^\d+$/.test(v))) {
      // Numbers the engine checks by range (MAPPA category, level), not by a
      // list: it takes each number offered and refuses the one after the last.
      const numbers = field.values.map(Number).sort((a, b) => a - b);
      expect(numbers, `${field.path}: the numbers 1 to n`).toEqual(numbers.map((_, i) => i + 1));
      const refused = await page.evaluate(async ({ path, values }) => {
        const engine = await import('/pkg/sfo_check.js');
        const at = (value) => path.split('.').reduceRight((inner, key) => ({ [key]: inner }), value);
        return values.map((value) => engine.validate({ schema: 'sfo-check/case@1', ...at(value) }, {})
          .some((e) => e.path === path));
      }, { path: field.path, values: [...numbers, numbers.length + 1] });
      expect(refused, `${field.path}: the engine takes every number offered and refuses the next`)
        .toEqual([...numbers.map(() => false), true]);
      continue;
    }
    expect(known, `${field.path} has a value list in the engine`).toBeTruthy();
    const extra = field.values.filter((v) => !known.includes(v) && v !== 'none');
    expect(extra, `${field.path}: option values the engine does not know`).toEqual([]);
    expect(field.values.filter((v) => v !== 'none').sort(), `${field.path}: every engine value is offered`).toEqual([...known].sort());
  }
});

test('the form shows the engine’s words for questions, hints and options', async ({ page }) => {
  await openApp(page);
  const vocab = await vocabulary(page);
  const overall = vocab.fields.find((f) => f.path === 'rosh.overall');
  await expect(page.locator('[data-field="rosh.overall"] label').first()).toHaveText(overall.question);
  const veryHigh = vocab.choices.find((c) => c.path === 'rosh.overall').choices.find((c) => c.value === 'very-high');
  await expect(page.locator('[data-field="rosh.overall"] option[value="very-high"]')).toHaveText(veryHigh.label);
  const mappa = vocab.fields.find((f) => f.path === 'circumstances.mappa.level');
  expect(mappa.question).toContain('at the time of the offence');
  await expect(page.locator('[data-field="circumstances.mappa.level"]')).toContainText(mappa.question);
});

const PATH = /\b[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)+\b|\b[a-z_]+\[\d+\]/;

for (const name of examples) {
  test(`the results for ${name} read as plain English: no data paths, no internal words`, async ({ page }) => {
    await openApp(page);
    await openCase(page, JSON.parse(readFileSync(`${EXAMPLES}${name}`, 'utf8')), name);
    await expect(page.locator('#results-body')).not.toHaveClass(/app-results--stale/);
    await expect(page.locator('#result-status-heading')).toBeVisible();
    const text = await page.locator('#results-body').innerText();
    expect(text.match(PATH)?.[0] ?? null, 'a data path in the results').toBeNull();
    expect(text).not.toMatch(/\bseed\b|rulebook|§/i);
  });
}

test('a flag names its facts in words, keys the five kinds and says shared facts once', async ({ page }) => {
  await openApp(page);
  await openCase(page, FLAGGED, 'flags.json');
  const flags = page.locator('#results-body [data-flag]');
  await expect(flags.first()).toBeVisible();
  // The key: five kinds, each with how many flags point to it.
  const key = page.locator('#flag-kinds-key');
  await expect(key.locator('li')).toHaveCount(5);
  await expect(key).toContainText('Not reassessed');
  // Kind 5 is the one no case fact raises: it says so, in place of a count.
  await expect(key.locator('li[data-kind="found-at-quality-assurance"]')).toContainText('No fact of a case can raise this kind');
  await expect(key.locator('li[data-kind="found-at-quality-assurance"] .app-kinds-key__count')).toHaveCount(0);
  // A flag's status says whose finding it reads, never "the report says".
  const reading = page.locator('[data-flag="F-DA-ENQUIRY"] .app-source--reading');
  await expect(reading).toContainText('sfo-check’s reading of the annual report’s finding that information was not always sought');
  await expect(page.locator('#results-body')).not.toContainText('Sfo-check');
  // F-OVERALL-BELOW-GROUP: its facts by label, never a path.
  const overall = page.locator('[data-flag="F-OVERALL-BELOW-GROUP"]');
  await expect(overall).toContainText('Overall RoSH level');
  await expect(overall).toContainText('RoSH level for a known adult');
  await expect(overall).toContainText('1. Overall level wrong from the outset');
  // A fact shown under an earlier flag is not repeated: it points there.
  const da = page.locator('[data-flag="F-DA-ENQUIRY"]');
  const multi = page.locator('[data-flag="F-MULTI-AGENCY"]');
  await expect(da).toContainText('Domestic abuse indicators');
  await expect(multi.locator('.app-flag__see-also')).toContainText('Police domestic abuse enquiry not completed');
});
