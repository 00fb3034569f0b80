// The engine's words (src/vocab.rs), read once at start-up through the JS
// API. Every name the page shows for a rule, a field, a value, a unit or a
// status comes from here, never from a copy in the page.

let vocab = null;
const fields = new Map();
const choices = new Map();
const rules = new Map();
const lists = new Map();
let labeller = null;

/** `label` is the engine's fieldLabel(path), so paths read the way the engine says them. */
export function setVocabulary(v, label = null) {
  vocab = v;
  labeller = label;
  for (const f of v.fields) fields.set(f.path, f);
  for (const c of v.choices) choices.set(c.path, c.choices);
  for (const r of v.rules) rules.set(r.id, r);
  for (const l of v.lists) lists.set(l.path, l.item);
}

export const vocabulary = () => vocab;

/** "supervision[2].start" → "supervision[].start". */
export const pattern = (path) => String(path).replace(/\[\d+\]/g, '[]');

/** A field's words: { path, name, question, hint }, by path or pattern. */
export const fieldWords = (path) => fields.get(pattern(path)) ?? null;

/** The values a field can take: [{ value, label }]. */
export const choicesFor = (path) => choices.get(pattern(path)) ?? [];

/** One item of a list of the case: "supervision" → "supervision period". */
export const listItem = (path) => lists.get(pattern(path)) ?? null;

/** A count as a person writes it: 1,234. */
export const count = (n) => Number(n).toLocaleString('en-GB');

/** "1 case", "1,234 cases". */
export const plural = (n, one, many) => `${count(n)} ${n === 1 ? one : many}`;

/** "start date" → "Start date". */
/** The first letter a capital: but sfo-check, a name, is always written in lower case. */
export const cap = (text) => (text.startsWith('sfo-check') ? text : text.charAt(0).toUpperCase() + text.slice(1));

/** A path in words, for a label: "supervision[1].start" → "Supervision period 2: start date". */
export const fieldLabel = (path) => labeller?.(String(path)) ?? String(path);

/**
 * A path as a noun phrase inside a sentence ("Enter the …"):
 * "supervision[1].start" → "start date for supervision period 2".
 */
export function fieldName(path) {
  const p = String(path);
  const row = /^(.*?)\[(\d+)\](?:\.(.+))?$/.exec(p);
  const item = row && listItem(row[1]);
  if (item) {
    const n = Number(row[2]) + 1;
    const name = row[3] && fieldWords(p)?.name;
    if (!row[3]) return `${item} ${n}`;
    if (name) return `${name} for ${item} ${n}`;
  }
  const name = fieldWords(p)?.name;
  if (name) return name;
  // A path the vocabulary does not know: the engine's label, in a sentence.
  const label = fieldLabel(p);
  return /^[A-Z][a-z]+(?=[\s:]|$)/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/**
 * An engine error about a file (a policy profile, say) in words:
 * "Timetable 2: offset: amount: …". Case errors shown beside the form name
 * the form's rows instead (components/errors.js).
 */
/** An engine error in words: its field named when it has one, else a sentence of its own. */
export const errorInWords = (error) => (error.path ? `${fieldLabel(error.path)}: ${error.message}` : cap(error.message));

/** The question a form asks for a field, else its name. */
export const fieldQuestion = (path) => {
  const words = fieldWords(path);
  return words?.question ?? (words ? cap(words.name) : String(path));
};


export const ruleTitle = (id) => rules.get(id)?.title ?? id;
/** For a step someone must do: what it is, for a calendar title ("SFO notification"). */
export const ruleCalendarNoun = (id) => rules.get(id)?.calendar_noun ?? null;

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
