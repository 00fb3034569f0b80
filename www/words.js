// The engine's words (src/vocab.rs), read once at start-up through the JS
// API. Every name the page shows for a rule, a field, a value, a unit or a
// status comes from here, never from a copy in the page.

let vocab = null;
const fields = new Map();
const choices = new Map();
const rules = new Map();

export function setVocabulary(v) {
  vocab = v;
  for (const f of v.fields) fields.set(f.path, f);
  for (const c of v.choices) choices.set(c.path, c.choices);
  for (const r of v.rules) rules.set(r.id, r);
}

export const vocabulary = () => vocab;

/** "supervision[2].start" → "supervision[].start". */
export const pattern = (path) => String(path).replace(/\[\d+\]/g, '[]');

/** A field's words: { path, name, question, hint }, by path or pattern. */
export const fieldWords = (path) => fields.get(pattern(path)) ?? null;

/** The values a field can take: [{ value, label }]. */
export const choicesFor = (path) => choices.get(pattern(path)) ?? [];

export const rule = (id) => rules.get(id) ?? null;

export const ruleTitle = (id) => rules.get(id)?.title ?? id;

export function describeOffset(offset) {
  const unit = vocab?.units.find((u) => u.value === offset.unit);
  const words = unit ? (offset.amount === 1 ? unit.one : unit.many) : offset.unit;
  return `${offset.amount} ${words}`;
}

const named = (list, value) => list?.find((n) => n.value === value)?.label ?? value;

export const anchorLabel = (value) => named(vocab?.anchors, value);
export const offenceGroupLabel = (value) => named(vocab?.offence_groups, value);
export const intervalLabel = (key) => named(vocab?.review_intervals, key);

/** The confirmed/default mark in words that fit what it marks. */
export function statusText(status, checkAgainst = 'regional-timescales') {
  return vocab?.status_texts.find((s) => s.status === status && s.check_against === checkAgainst)?.text ?? status;
}
