// The case form: builds it from schema.js, with the engine's words for every
// question, hint and option (words.js), reads what was entered (the "raw"
// answers, exactly as typed), turns that into case JSON (case.rs), and fills
// the form back from a saved case. Ids follow the case path mechanically:
// supervision[0].scheduled_end -> supervision-0-scheduled-end, and a date
// input's boxes add -day, -month and -year.

import { h, hidden, replace } from './dom.js';
import { SECTIONS } from './schema.js';
import {
  pattern, fieldWords, fieldQuestion, fieldName, choicesFor, listItem, offenceGroupLabel, cap, vocabulary,
} from './words.js';


// ---------------------------------------------------------------- paths

/** supervision[0].scheduled_end -> supervision-0-scheduled-end */
export function pathToId(path) {
  let id = ids.get(path);
  if (id === undefined) {
    id = idOf(path);
    // Paths are bounded by the form's rows; the bound keeps a stray caller from growing it.
    if (ids.size > 100_000) ids.clear();
    ids.set(path, id);
  }
  return id;
}

const ids = new Map();

function idOf(path) {
  return String(path)
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .join('-')
    .replace(/_/g, '-');
}

/** The path one level up: a.b[2].c -> a.b[2] -> a.b -> a -> '' */
export function parentPath(path) {
  const m = /^(.*)(\[\d+\]|\.[^.[\]]+)$/.exec(path);
  return m ? m[1] : '';
}

const FIELDS = new Map(); // pattern -> { field, repeat }
const REPEATS = new Map(); // repeat path -> repeat node
const PATTERNS = new Map(); // field -> its pattern, by which the engine names it

function register(nodes, repeat = null) {
  for (const node of nodes) {
    if (node.kind === 'section' || node.kind === 'group') {
      register(node.children, repeat);
    } else if (node.kind === 'repeat') {
      REPEATS.set(node.path, node);
      register(node.children, node);
    } else {
      const path = repeat ? `${repeat.path}[].${node.key}` : node.key;
      FIELDS.set(path, { field: node, repeat });
      PATTERNS.set(node, path);
    }
  }
}
register(SECTIONS);


/** The words for a case path, for messages: "start date for supervision period 2". */
export const nameFor = (path) => fieldName(path);

// A field's words are the engine's, by its path; only the page's own
// additions (placeholder, pageHint, noneLabel, numbered options) are in schema.js.
const labelOf = (field) => fieldQuestion(PATTERNS.get(field));
const hintOf = (field) => [fieldWords(PATTERNS.get(field))?.hint, field.pageHint].filter(Boolean).join(' ');

/** [[value, label]] a radio, checkbox or fixed select offers. */
function optionsOf(field) {
  if (field.options) return field.options;
  const options = choicesFor(PATTERNS.get(field)).map((c) => [c.value, c.label]);
  return field.none ? [[field.none, field.noneLabel], ...options] : options;
}

/** A repeat's words: one item ("supervision period") and the list ("supervision periods"). */
export function rowWords(repeatPath) {
  return { item: listItem(repeatPath) ?? repeatPath, items: fieldWords(repeatPath)?.name ?? repeatPath };
}

export function fieldFor(path) {
  return FIELDS.get(pattern(path))?.field ?? null;
}

// ---------------------------------------------------------------- building

const optionsCache = { supervision_types: [], offences: [], steps: [] };

function describedBy(...ids) {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

function hintEl(id, text) {
  return text ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, text) : null;
}

function formGroup(path, kind, ...children) {
  return h('div', { class: 'govuk-form-group', 'data-field': path, 'data-kind': kind }, ...children);
}

function dateField(field, path, id) {
  const hint = hintEl(id, hintOf(field));
  const box = (part, label, width) =>
    h('div', { class: 'govuk-date-input__item' },
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label govuk-date-input__label', for: `${id}-${part}` }, label),
        h('input', {
          class: `govuk-input govuk-date-input__input govuk-input--width-${width}`,
          id: `${id}-${part}`, name: `${id}-${part}`, type: 'text', inputmode: 'numeric',
          autocomplete: 'off', spellcheck: 'false', 'data-part': part,
        })));
  return formGroup(path, 'date',
    h('fieldset', { class: 'govuk-fieldset', role: 'group', 'aria-describedby': describedBy(hint && hint.id), 'data-describedby': hint ? hint.id : '' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, labelOf(field)),
      hint,
      h('div', { class: 'govuk-date-input', id },
        box('day', 'Day', 2), box('month', 'Month', 2), box('year', 'Year', 4))));
}

function textField(field, path, id, numeric = false) {
  const hint = hintEl(id, hintOf(field));
  const width = field.width === 'full' ? 'govuk-!-width-full' : `govuk-input--width-${field.width ?? 10}`;
  return formGroup(path, field.kind,
    h('label', { class: 'govuk-label govuk-label--s', for: id }, labelOf(field)),
    hint,
    h('input', {
      class: `govuk-input ${width}`, id, name: id, type: 'text',
      inputmode: numeric ? 'numeric' : undefined,
      autocomplete: 'off', spellcheck: numeric ? 'false' : undefined,
      'aria-describedby': describedBy(hint && hint.id), 'data-describedby': hint ? hint.id : '',
    }));
}

function selectField(field, path, id) {
  const hint = hintEl(id, hintOf(field));
  const select = h('select', {
    class: 'govuk-select', id, name: id,
    'aria-describedby': describedBy(hint && hint.id), 'data-describedby': hint ? hint.id : '',
    'data-options-from': field.optionsFrom,
  });
  fillSelect(select, field);
  return formGroup(path, 'select',
    h('label', { class: 'govuk-label govuk-label--s', for: id }, labelOf(field)), hint, select);
}

function fillSelect(select, field, keep = select.value) {
  const children = [h('option', { value: '' }, field.placeholder ?? 'Select')];
  if (field.optionsFrom === 'offences') {
    for (const group of ['A', 'B']) {
      const items = optionsCache.offences.filter((o) => o.group === group);
      if (items.length) {
        children.push(h('optgroup', { label: `Group ${offenceGroupLabel(group)}` }, items.map((o) => h('option', { value: o.id }, o.name))));
      }
    }
    children.push(h('optgroup', { label: 'Other' }, h('option', { value: 'not-listed' }, 'Not on the list')));
  } else {
    const options = field.optionsFrom ? optionsCache[field.optionsFrom] : optionsOf(field);
    for (const [value, label] of options) children.push(h('option', { value }, label));
  }
  replace(select, children);
  setSelectValue(select, keep);
}

/** A select's value in the words its option shows (from the profile in force). */
function selectWords(field, value) {
  if (field.optionsFrom === 'offences') {
    if (value === 'not-listed') return 'Not on the list';
    return optionsCache.offences.find((o) => o.id === value)?.name ?? `${value} (not in the policy profile in force)`;
  }
  const options = field.optionsFrom ? optionsCache[field.optionsFrom] : optionsOf(field);
  return options.find(([v]) => v === value)?.[1] ?? `${value} (not in the policy profile in force)`;
}

/** Sets a select's value; a value it does not offer is kept as an extra option. */
function setSelectValue(select, value) {
  value = value ?? '';
  if (value !== '' && ![...select.options].some((o) => o.value === value)) {
    select.append(h('option', { value, 'data-extra': 'true' }, `${value} (not in the policy profile in force)`));
  }
  select.value = value;
}

function choiceField(field, path, id, type, options, inline) {
  const hint = hintEl(id, hintOf(field));
  const cls = type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
  const items = options.map(([value, label], i) => {
    const itemId = i === 0 ? id : `${id}-${i + 1}`;
    return h('div', { class: `${cls}__item` },
      h('input', { class: `${cls}__input`, id: itemId, name: id, type, value }),
      h('label', { class: `govuk-label ${cls}__label`, for: itemId }, label));
  });
  return formGroup(path, field.kind,
    h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': describedBy(hint && hint.id), 'data-describedby': hint ? hint.id : '' },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, labelOf(field)),
      hint,
      h('div', {
        class: `${cls} ${cls}--small${inline ? ` ${cls}--inline` : ''}${field.columns ? ' app-checkboxes--columns' : ''}`,
        'data-module': type === 'radio' ? 'govuk-radios' : 'govuk-checkboxes', id: `${id}-items`,
      }, items)));
}

// ---------------------------------------------------------------- field kinds

const YES_NO = [['yes', 'Yes'], ['no', 'No'], ['unknown', 'Not known']];

// Text, number and select are one control found by its id.
const byId = {
  read: (controls, id) => controls.byId(id).value,
  write: (controls, id, value) => { controls.byId(id).value = value; },
};

// Radios and yes/no are one checked input of a name.
const oneOf = {
  read: (controls, id) => controls.byName(id).find((i) => i.checked)?.value ?? '',
  write: (controls, id, value) => {
    for (const input of controls.byName(id)) input.checked = input.value === value;
  },
};

/** The words for chosen values, from the kind's options. */
const chosenText = (options, value) =>
  (Array.isArray(value) ? value : [value]).map((v) => options.find(([o]) => o === v)?.[1] ?? v).join(', ');

/**
 * Every field kind in one place, so a new kind is one entry:
 * - missing: the verb for "required, but missing" (Enter / Select)
 * - build(field, path, id): the form group
 * - empty(): the raw answer when nothing is entered
 * - read(controls, id) / write(controls, id, raw): the raw answer from / into
 *   the form, its controls found through fieldIndex()
 * - toValue(field, raw, name): raw -> { value } | { omit } | { error, parts?, incomplete? }
 * - fromValue(field, value): case value (not null) -> { raw, ok }; ok false: the form cannot take it
 * - answer(root, field, id, raw): the words for the printed answers
 * - errorMarks(group, parts): [element, class] pairs to mark an error inline
 */
const KINDS = {
  date: {
    missing: 'Enter',
    build: dateField,
    empty: () => ({ day: '', month: '', year: '' }),
    read: (controls, id) => ({
      day: controls.byId(`${id}-day`).value,
      month: controls.byId(`${id}-month`).value,
      year: controls.byId(`${id}-year`).value,
    }),
    write: (controls, id, value) => {
      controls.byId(`${id}-day`).value = value.day;
      controls.byId(`${id}-month`).value = value.month;
      controls.byId(`${id}-year`).value = value.year;
    },
    toValue: (field, raw, name) => {
      const d = dateFromParts(raw, name);
      if (d.empty) return { omit: true };
      if (d.error) return { error: d.error, parts: d.parts, incomplete: d.kind === 'incomplete' };
      return { value: d.iso };
    },
    fromValue: (field, value) => {
      const m = typeof value === 'string' && /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
      if (!m) return { raw: KINDS.date.empty(), ok: false };
      return { raw: { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] }, ok: true };
    },
    answer: (root, field, id, value) => {
      const d = dateFromParts(value, '');
      return d.iso ?? `${value.day}/${value.month}/${value.year}`;
    },
    errorMarks: (group, parts) =>
      (parts ?? ['day', 'month', 'year']).map((part) => [group.querySelector(`[data-part="${part}"]`), 'govuk-input--error']),
  },
  text: {
    missing: 'Enter',
    build: (field, path, id) => textField(field, path, id),
    empty: () => '',
    ...byId,
    toValue: (field, raw) => (raw.trim() ? { value: raw.trim() } : { omit: true }),
    fromValue: (field, value) => (typeof value === 'string' ? { raw: value, ok: true } : { raw: '', ok: false }),
    answer: (root, field, id, value) => value,
    errorMarks: (group) => [[group.querySelector('input'), 'govuk-input--error']],
  },
  number: {
    missing: 'Enter',
    build: (field, path, id) => textField(field, path, id, true),
    empty: () => '',
    ...byId,
    toValue: (field, raw, name) => {
      const t = raw.trim();
      if (!t) return { omit: true };
      if (!/^\d+$/.test(t)) return { error: `${cap(name)} must be a whole number, like 12` };
      return { value: Number(t) };
    },
    fromValue: (field, value) =>
      (typeof value === 'number' || typeof value === 'string' ? { raw: String(value), ok: true } : { raw: '', ok: false }),
    answer: (root, field, id, value) => value,
    errorMarks: (group) => [[group.querySelector('input'), 'govuk-input--error']],
  },
  select: {
    missing: 'Select',
    build: selectField,
    empty: () => '',
    read: byId.read,
    // A value the select does not offer is kept as an extra option.
    write: (controls, id, value) => setSelectValue(controls.byId(id), value),
    toValue: (field, raw) => {
      if (!raw) return { omit: true };
      return { value: field.numeric && /^\d+$/.test(raw) ? Number(raw) : raw };
    },
    fromValue: (field, value) =>
      (typeof value === 'string' || typeof value === 'number' ? { raw: String(value), ok: true } : { raw: '', ok: false }),
    answer: (root, field, id, value) => selectWords(field, value),
    errorMarks: (group) => [[group.querySelector('select'), 'govuk-select--error']],
  },
  radios: {
    missing: 'Select',
    build: (field, path, id) => choiceField(field, path, id, 'radio', optionsOf(field), field.inline),
    empty: () => '',
    ...oneOf,
    toValue: (field, raw) => (!raw || raw === field.none ? { omit: true } : { value: raw }),
    fromValue: (field, value) => (optionsOf(field).some(([v]) => v === value) ? { raw: value, ok: true } : { raw: '', ok: false }),
    answer: (root, field, id, value) => chosenText(optionsOf(field), value),
    errorMarks: () => [],
  },
  yesno: {
    missing: 'Select',
    build: (field, path, id) => choiceField(field, path, id, 'radio', YES_NO, true),
    empty: () => '',
    ...oneOf,
    toValue: (field, raw) => (raw === 'yes' ? { value: true } : raw === 'no' ? { value: false } : { omit: true }),
    fromValue: (field, value) => (typeof value === 'boolean' ? { raw: value ? 'yes' : 'no', ok: true } : { raw: '', ok: false }),
    answer: (root, field, id, value) => chosenText(YES_NO, value),
    errorMarks: () => [],
  },
  checkboxes: {
    missing: 'Select',
    build: (field, path, id) => choiceField(field, path, id, 'checkbox', optionsOf(field), false),
    empty: () => [],
    read: (controls, id) => controls.byName(id).filter((i) => i.checked).map((i) => i.value),
    write: (controls, id, value) => {
      for (const input of controls.byName(id)) input.checked = value.includes(input.value);
    },
    toValue: (field, raw) => (raw.length ? { value: [...raw] } : { omit: true }),
    fromValue: (field, value) => {
      if (!Array.isArray(value)) return { raw: [], ok: false };
      const known = value.filter((v) => optionsOf(field).some(([o]) => o === v));
      return { raw: [...new Set(known)], ok: known.length === value.length };
    },
    answer: (root, field, id, value) => chosenText(optionsOf(field), value),
    errorMarks: () => [],
  },
};

function kindOf(field) {
  const kind = KINDS[field.kind];
  if (!kind) throw new Error(`unknown field kind ${field.kind}`);
  return kind;
}

/** "Enter" or "Select": the verb for a required answer left blank. */
export const missingVerb = (field) => KINDS[field?.kind]?.missing ?? 'Select';

/** The [element, class] pairs that mark an error on a field group of `kind`. */
export const errorMarks = (group, kind, parts) => KINDS[kind]?.errorMarks(group, parts) ?? [];

function buildField(field, path) {
  return kindOf(field).build(field, path, pathToId(path));
}

// A group with a key is a part of the case the engine names; one without is
// the page's own grouping, titled in schema.js.
const groupTitle = (node) => (node.key ? fieldQuestion(node.key) : node.title);
const groupHint = (node) => (node.key ? fieldWords(node.key)?.hint : null);

function buildNodes(nodes, level) {
  return nodes.map((node) => {
    if (node.kind === 'group') {
      const hint = groupHint(node);
      const content = [hint ? h('p', { class: 'govuk-hint' }, hint) : null, buildNodes(node.children, level + 1)];
      if (node.legend) {
        return h('div', { class: `govuk-form-group app-group${node.inline ? ' app-group--inline' : ''}` },
          h('fieldset', { class: 'govuk-fieldset' },
            h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' },
              h(`h${level}`, { class: 'govuk-fieldset__heading' }, groupTitle(node))),
            content));
      }
      return h('div', { class: 'app-group' }, h(`h${level}`, { class: 'govuk-heading-m' }, groupTitle(node)), content);
    }
    if (node.kind === 'repeat') return buildRepeat(node, level);
    return buildField(node, node.key);
  });
}

// A titled repeat shows the engine's question and hint for its list; the
// others sit in a section that already says them.
function buildRepeat(node, level) {
  const rowLevel = node.titled ? level + 1 : level;
  const hint = node.titled ? fieldWords(node.path)?.hint : null;
  return h('div', { class: 'app-repeat', id: pathToId(node.path), 'data-repeat': node.path, 'data-row-level': rowLevel },
    node.titled ? h(`h${level}`, { class: 'govuk-heading-m' }, fieldQuestion(node.path)) : null,
    hint ? h('p', { class: 'govuk-hint' }, hint) : null,
    h('div', { class: 'app-repeat__rows' }),
    h('p', { class: 'govuk-body app-repeat__none', hidden: true }, `No ${rowWords(node.path).items} added.`),
    h('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-repeat__add', 'data-add': node.path }, ''));
}

function buildRow(node, index, level) {
  const n = index + 1;
  const { item } = rowWords(node.path);
  const title = `${cap(item)} ${n}`;
  return h('fieldset', {
    class: 'govuk-fieldset app-repeat__row', id: pathToId(`${node.path}[${index}]`),
    'data-row': node.path, 'data-index': index,
  },
  h('legend', { class: `govuk-fieldset__legend govuk-fieldset__legend--${level > 3 ? 's' : 'm'}` },
    h(`h${level}`, { class: 'govuk-fieldset__heading' }, title)),
  node.children.map((field) => buildField(field, `${node.path}[${index}].${field.key}`)),
  h('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-repeat__remove', 'data-remove': node.path, 'data-index': index },
    'Remove', hidden(` ${item} ${n}`)));
}

/** A section about one part of the case is introduced by the engine's hint for it. */
const sectionIntro = (section) => (section.key ? fieldWords(section.key)?.hint : null);

/** Builds the whole form into `root` (a <form>). */
export function buildForm(root) {
  replace(root, SECTIONS.map((section) =>
    h('section', { class: 'app-section', id: section.id, 'aria-labelledby': `${section.id}-title` },
      h('h2', { class: 'govuk-heading-l', id: `${section.id}-title` }, section.title),
      sectionIntro(section) ? h('p', { class: 'govuk-body' }, sectionIntro(section)) : null,
      buildNodes(section.children, 3))));
  for (const node of REPEATS.values()) setRowCount(root, node.path, node.initial);
}

/** Renders `count` empty rows for a repeat (replacing what is there). */
const LONG_LIST = 20;

export function setRowCount(root, repeatPath, count) {
  const node = REPEATS.get(repeatPath);
  const container = root.querySelector(`[data-repeat="${repeatPath}"]`);
  const level = Number(container.dataset.rowLevel);
  const rows = container.querySelector('.app-repeat__rows');
  replace(rows, Array.from({ length: count }, (_, i) => buildRow(node, i, level)));
  showRowCount(container, node, count);
}

/** What a list's frame says and does for `count` rows. */
function showRowCount(container, node, count) {
  const repeatPath = node.path;
  // Only a long list skips laying out its rows off screen (the usual few are
  // laid out as normal, every control measurable).
  container.classList.toggle('app-repeat--long', count > LONG_LIST);
  container.querySelector('.app-repeat__none').hidden = count > 0 || !node.titled;
  const add = container.querySelector('.app-repeat__add');
  const { item } = rowWords(repeatPath);
  replace(add, count ? `Add another ${item}` : `Add ${/^[aeiou]/.test(item) ? 'an' : 'a'} ${item}`);
}

/** The rows a repeat holds: its own list's children, never a search of the whole form. */
export function rowCount(root, repeatPath) {
  // Found by id (a lookup, where a compound selector would scan every element).
  const rows = root.querySelector(`#${pathToId(repeatPath)}`)?.querySelector('.app-repeat__rows');
  return rows ? rows.children.length : 0;
}

export function repeatNode(path) {
  return REPEATS.get(path);
}

/** Refreshes the selects whose options come from the policy profile. */
export function setPolicyOptions(root, profile) {
  optionsCache.supervision_types = profile.supervision_types.map((t) => [t.id, t.name]);
  optionsCache.offences = profile.offences;
  optionsCache.steps = profile.timetable
    .filter((s) => s.counts_from !== 'supervision-end')
    .map((s) => [s.id, `${s.label} (${s.id})`]);
  for (const select of root.querySelectorAll('select[data-options-from]')) {
    const path = select.closest('[data-field]').dataset.field;
    fillSelect(select, fieldFor(path));
  }
}

// ---------------------------------------------------------------- reading

/** Every field path in the form now, with its field, in page order. */
function eachField(root, fn) {
  const visit = (nodes) => {
    for (const node of nodes) {
      if (node.kind === 'section' || node.kind === 'group') visit(node.children);
      else if (node.kind === 'repeat') {
        const count = rowCount(root, node.path);
        for (let i = 0; i < count; i++) {
          for (const field of node.children) fn(field, `${node.path}[${i}].${field.key}`, node, i);
        }
      } else fn(node, node.key, null, null);
    }
  };
  visit(SECTIONS);
}

/**
 * The form's controls found once, by id and by name, for reading or writing
 * every field: a selector per field would search the whole form each time,
 * which grows with the square of the rows (500 events took seconds).
 */
function fieldIndex(root) {
  const kept = indexes.get(root);
  // Rows added or removed, or options filled, since it was built: build anew.
  if (kept && !kept.stale && !movesControls(kept.observer.takeRecords())) return kept.index;
  kept?.observer.disconnect();
  const index = controlsWithin(root);
  // Typing adds or removes no control, so one index serves every keystroke
  // (error messages come and go; rows and controls make it stale).
  const entry = { index, stale: false };
  entry.observer = new MutationObserver((records) => { entry.stale ||= movesControls(records); });
  entry.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['id', 'name'] });
  indexes.set(root, entry);
  return index;
}

const indexes = new WeakMap();

/** The controls inside `root`, by id and by name, found once. */
function controlsWithin(root) {
  const byId = new Map();
  const byName = new Map();
  for (const el of root.querySelectorAll('[id]')) byId.set(el.id, el);
  for (const input of root.querySelectorAll('input[name]')) {
    if (!byName.has(input.name)) byName.set(input.name, []);
    byName.get(input.name).push(input);
  }
  const none = [];
  return {
    byId: (id) => byId.get(id) ?? null,
    byName: (name) => byName.get(name) ?? none,
  };
}

const CONTROLS = 'input, select, textarea';
const isOrHoldsControl = (node) => node.nodeType === Node.ELEMENT_NODE
  && (node.matches(CONTROLS) || node.querySelector(CONTROLS) !== null);
const movesControls = (records) => records.some((r) => r.type === 'attributes'
  || [...r.addedNodes, ...r.removedNodes].some(isOrHoldsControl));

/** What was entered, exactly as typed: { values: { path: raw }, rows: { repeat: n } }. */
export function readRaw(root) {
  const values = {};
  const index = fieldIndex(root);
  eachField(root, (field, path) => {
    values[path] = kindOf(field).read(index, pathToId(path));
  });
  const rows = {};
  for (const path of REPEATS.keys()) rows[path] = rowCount(root, path);
  return { values, rows };
}

export function isEmptyRaw(value) {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return !value.day.trim() && !value.month.trim() && !value.year.trim();
  return String(value).trim() === '';
}

/** Whether anything at all has been entered. */
export function hasEntries(raw) {
  return Object.values(raw.values).some((v) => !isEmptyRaw(v));
}

// ---------------------------------------------------------------- raw -> case

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(text) {
  const t = text.toLowerCase().replace(/\.$/, '');
  if (/^\d+$/.test(t)) return t;
  const i = FULL_MONTHS.findIndex((m) => t.length >= 3 && m.startsWith(t));
  if (i >= 0) return String(i + 1);
  const j = MONTH_NAMES.indexOf(t);
  return j >= 0 ? String(j + 1) : null;
}

const listParts = (parts) => parts.length === 3 ? 'day, month and year' : parts.join(' and ');

/**
 * A date input's parts -> { iso } | { empty: true } | { error, parts }.
 * Impossible dates (31 February) are passed on as ISO text so the engine
 * can say what is wrong with them.
 */
export function dateFromParts(raw, name) {
  const day = raw.day.trim();
  const month = raw.month.trim();
  const year = raw.year.trim();
  if (!day && !month && !year) return { empty: true };
  const missing = [['day', day], ['month', month], ['year', year]].filter(([, v]) => !v).map(([p]) => p);
  if (missing.length) {
    return { error: `${cap(name)} must include a ${listParts(missing)}`, parts: missing, kind: 'incomplete' };
  }
  const monthNo = monthNumber(month);
  const bad = [];
  if (!/^\d{1,2}$/.test(day)) bad.push('day');
  if (monthNo === null || !/^\d{1,2}$/.test(monthNo)) bad.push('month');
  if (!/^\d+$/.test(year)) bad.push('year');
  if (bad.length) return { error: `Enter a real date for the ${name}`, parts: bad, kind: 'real' };
  if (year.length !== 4) return { error: `The year of the ${name} must include 4 numbers`, parts: ['year'], kind: 'year' };
  return { iso: `${year}-${monthNo.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

function setPath(target, path, value) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys[keys.length - 1]] = value;
}

/** One answer -> { value } | { omit } | { error } */
function toValue(field, raw, path) {
  return kindOf(field).toValue(field, raw, nameFor(path));
}

/**
 * Builds the case JSON from the raw answers. Blank answers and wholly empty
 * repeated rows are left out. Returns { case, errors, rowMap } where errors
 * are the page's own ([{ path, message, parts }]) and rowMap maps each
 * repeat's case index to its form row index.
 */
export function caseFromRaw(raw) {
  const out = { schema: vocabulary().schemas.case };
  const errors = [];
  const rowMap = {};
  const visit = (nodes) => {
    for (const node of nodes) {
      if (node.kind === 'section' || node.kind === 'group') visit(node.children);
      else if (node.kind === 'repeat') {
        const items = [];
        rowMap[node.path] = [];
        for (let i = 0; i < (raw.rows[node.path] ?? 0); i++) {
          const paths = node.children.map((f) => [f, `${node.path}[${i}].${f.key}`]);
          if (paths.every(([, p]) => isEmptyRaw(raw.values[p]))) continue;
          const item = {};
          for (const [field, path] of paths) {
            const r = toValue(field, raw.values[path], path);
            if (r.error) errors.push({ path, message: r.error, parts: r.parts, incomplete: r.incomplete });
            else if (!r.omit) setPath(item, field.key, r.value);
          }
          rowMap[node.path].push(i);
          items.push(item);
        }
        if (items.length) setPath(out, node.path, items);
      } else {
        const r = toValue(node, raw.values[node.key] ?? emptyRaw(node), node.key);
        if (r.error) errors.push({ path: node.key, message: r.error, parts: r.parts, incomplete: r.incomplete });
        else if (!r.omit) setPath(out, node.key, r.value);
      }
    }
  };
  visit(SECTIONS);
  return { case: out, errors, rowMap };
}

function emptyRaw(field) {
  return kindOf(field).empty();
}

/** Maps a case path (case indexes) to the form's row indexes. */
export function toFormPath(path, rowMap) {
  return String(path).replace(/^(.*?)\[(\d+)\]/, (all, repeat, index) => {
    const rows = rowMap?.[repeat];
    return rows && rows[Number(index)] !== undefined ? `${repeat}[${rows[Number(index)]}]` : all;
  });
}

// ---------------------------------------------------------------- drafts

/** A draft: the form's answers exactly as typed, saved when some cannot be read yet. */

/** The draft document for `raw`, naming the answers that still have errors. */
export function draftOf(raw, errors, savedAt = new Date()) {
  return {
    schema: vocabulary().schemas.draft,
    saved: savedAt.toISOString(),
    note: 'A draft from sfo-check: the answers as typed, some not yet readable. Open it in sfo-check to carry on.',
    answers_with_errors: errors.map((e) => ({ field: e.path, problem: e.message })),
    form: raw,
  };
}

// An answer as typed, however long: the engine has read the draft within the
// most a file may hold, and the form names an answer too long for a case.
const isText = (v) => typeof v === 'string';

/**
 * A draft's form answers read back strictly: { raw, dropped }. Every answer
 * must belong to a field of the form and have its kind's shape (text, a date's
 * three boxes, chosen values); rows are whole numbers within the limits.
 * Anything else is dropped and named, never written into the form.
 */
export function rawFromDraft(form) {
  const dropped = [];
  const rows = {};
  const values = {};
  const given = isObject(form) ? form : {};
  if (!isObject(form) || !isObject(form.values) || !isObject(form.rows)) dropped.push('form');
  let total = 0;
  for (const [path, node] of REPEATS) {
    const n = given.rows?.[path] ?? node.initial;
    const ok = Number.isInteger(n) && n >= 0 && n <= 500 && total + n <= 1000;
    if (!ok) dropped.push(path);
    rows[path] = ok ? n : 0;
    total += rows[path];
  }
  for (const [path, value] of Object.entries(isObject(given.values) ? given.values : {})) {
    const field = fieldFor(path);
    const row = /^(.*?)\[(\d+)\]/.exec(path);
    const inRows = !row || (REPEATS.has(row[1]) && Number(row[2]) < rows[row[1]]);
    const shaped = field && inRows && (field.kind === 'date'
      ? isObject(value) && ['day', 'month', 'year'].every((k) => isText(value[k])) && Object.keys(value).length === 3
      : field.kind === 'checkboxes'
        ? Array.isArray(value) && value.length <= 50 && value.every(isText)
        : isText(value));
    if (shaped) values[path] = field.kind === 'checkboxes' ? [...value] : (field.kind === 'date' ? { ...value } : value);
    else dropped.push(path);
  }
  return { raw: { values, rows }, dropped };
}

// ---------------------------------------------------------------- case -> raw

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function getPath(obj, path) {
  return path.split('.').reduce((node, key) => (isObject(node) ? node[key] : undefined), obj);
}

/** Every leaf path in a JSON value: used to find what the form could not take. */
function leafPaths(value, base = '') {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leafPaths(v, `${base}[${i}]`)) : [base];
  if (isObject(value)) {
    const keys = Object.keys(value);
    return keys.length ? keys.flatMap((k) => leafPaths(value[k], base ? `${base}.${k}` : k)) : [base];
  }
  return [base];
}

function rawFromValue(field, value) {
  if (value === undefined || value === null) return { raw: emptyRaw(field), ok: true };
  return kindOf(field).fromValue(field, value);
}

/**
 * Raw answers from a case JSON object, and the paths the form could not
 * take (unknown fields, values of the wrong kind), to report.
 */
export function rawFromCase(obj) {
  const values = {};
  const rows = {};
  const taken = new Set(['schema']);
  const dropped = [];
  const droppedSet = { add: (path) => dropped.push(path) };
  const visit = (nodes) => {
    for (const node of nodes) {
      if (node.kind === 'section' || node.kind === 'group') visit(node.children);
      else if (node.kind === 'repeat') {
        const list = getPath(obj, node.path);
        rows[node.path] = 0;
        if (list === undefined) continue;
        if (!Array.isArray(list)) {
          dropped.push(node.path);
          continue;
        }
        list.forEach((item, i) => {
          const path = `${node.path}[${i}]`;
          rows[node.path] = i + 1;
          if (!isObject(item)) {
            dropped.push(path);
            return;
          }
          for (const field of node.children) {
            const value = getPath(item, field.key);
            const r = rawFromValue(field, value);
            values[`${path}.${field.key}`] = r.raw;
            if (value !== undefined) (r.ok ? taken : droppedSet).add(`${path}.${field.key}`);
          }
        });
      } else {
        const value = getPath(obj, node.key);
        const r = rawFromValue(node, value);
        values[node.key] = r.raw;
        if (value !== undefined) (r.ok ? taken : droppedSet).add(node.key);
      }
    }
  };
  visit(SECTIONS);
  // A leaf is accounted for when it, or a path it lies inside, was taken or
  // dropped: its own prefixes are looked up, so this stays linear in the leaves.
  const accounted = new Set([...taken, ...dropped]);
  for (const leaf of leafPaths(obj)) {
    if (!leaf) continue;
    const prefixes = [...leaf.matchAll(/[.[]/g)].map((m) => leaf.slice(0, m.index));
    if (!accounted.has(leaf) && !prefixes.some((p) => accounted.has(p))) dropped.push(leaf);
  }
  return { raw: { values, rows }, dropped };
}

/** Puts raw answers into the form, adding rows as needed. */
export function writeRaw(root, raw) {
  const steps = writeSteps(root, raw, Infinity);
  while (!steps.next().done);
}

/**
 * As writeRaw, a slice of rows per task, so opening a case with hundreds of
 * rows never freezes the page.
 */
export async function writeRawInSlices(root, raw) {
  const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });
  const steps = writeSteps(root, raw, ROWS_PER_TASK);
  while (!steps.next().done) await nextTask();
  // The controls found now, in a task of their own, not in the first check's.
  await nextTask();
  fieldIndex(root);
}

const ROWS_PER_TASK = 100;

/**
 * Writes the single answers, then builds each list's rows with their answers
 * (each row's controls found within it, before it joins the form), yielding
 * after every `slice` rows.
 */
function* writeSteps(root, raw, slice) {
  for (const node of REPEATS.values()) setRowCount(root, node.path, 0);
  const index = fieldIndex(root);
  eachField(root, (field, path) => {
    kindOf(field).write(index, pathToId(path), raw.values[path] ?? emptyRaw(field));
  });
  let built = 0;
  for (const node of REPEATS.values()) {
    const count = raw.rows[node.path] ?? 0;
    const container = root.querySelector(`#${pathToId(node.path)}`);
    const rows = container.querySelector('.app-repeat__rows');
    const level = Number(container.dataset.rowLevel);
    // Marked long before its rows arrive, so they are never laid out in full first.
    showRowCount(container, node, count);
    for (let i = 0; i < count; i++) {
      const row = buildRow(node, i, level);
      const controls = controlsWithin(row);
      for (const field of node.children) {
        const path = `${node.path}[${i}].${field.key}`;
        kindOf(field).write(controls, pathToId(path), raw.values[path] ?? emptyRaw(field));
      }
      rows.append(row);
      built += 1;
      if (built % slice === 0) yield;
    }
  }
}

/** Removes row `index` of a repeat, keeping every other answer. */
export function removeRow(raw, repeatPath, index) {
  const values = {};
  const re = new RegExp(`^${repeatPath.replace(/[.[\]]/g, '\\$&')}\\[(\\d+)\\]`);
  for (const [path, value] of Object.entries(raw.values)) {
    const m = re.exec(path);
    if (!m) values[path] = value;
    else if (Number(m[1]) < index) values[path] = value;
    else if (Number(m[1]) > index) values[path.replace(re, `${repeatPath}[${Number(m[1]) - 1}]`)] = value;
  }
  return { values, rows: { ...raw.rows, [repeatPath]: raw.rows[repeatPath] - 1 } };
}

// ---------------------------------------------------------------- answers for print

function answerText(root, field, path, value) {
  return kindOf(field).answer(root, field, pathToId(path), value);
}

/** One answer in words, as the printed record shows it. */
export function answerWords(path, raw) {
  const field = fieldFor(path);
  return field && !isEmptyRaw(raw) ? answerText(null, field, path, raw) : '';
}

/** The [value, label] pairs a select, radios or yes/no question offers. */
export function fieldOptions(path) {
  const field = fieldFor(path);
  if (!field) return [];
  if (field.optionsFrom === 'offences') {
    return [...optionsCache.offences.map((o) => [o.id, o.name]), ['not-listed', 'Not on the list']];
  }
  if (field.optionsFrom) return optionsCache[field.optionsFrom];
  return field.kind === 'yesno' ? YES_NO : optionsOf(field);
}

/**
 * The answers entered, by section, for the printed record and a training
 * scenario's facts: [{ title, rows: [[label, text, isDate]] }]. `root` may be
 * null: every answer's words come from the form's options.
 */
export function answers(root, raw) {
  const out = [];
  const plain = (label) => label.replace(/ \(optional\)$/, '');
  const visit = (nodes, rows, prefix = '') => {
    for (const node of nodes) {
      if (node.kind === 'group') visit(node.children, rows, `${groupTitle(node)}: `);
      else if (node.kind === 'repeat') {
        for (let i = 0; i < (raw.rows[node.path] ?? 0); i++) {
          for (const field of node.children) {
            const path = `${node.path}[${i}].${field.key}`;
            if (!isEmptyRaw(raw.values[path])) {
              rows.push([`${cap(rowWords(node.path).item)} ${i + 1}: ${plain(labelOf(field))}`, answerText(root, field, path, raw.values[path]), field.kind === 'date']);
            }
          }
        }
      } else if (!isEmptyRaw(raw.values[node.key])) {
        rows.push([`${prefix}${plain(labelOf(node))}`, answerText(root, node, node.key, raw.values[node.key]), node.kind === 'date']);
      }
    }
  };
  for (const section of SECTIONS) {
    const rows = [];
    visit(section.children, rows);
    if (rows.length) out.push({ title: section.title, rows });
  }
  return out;
}

/** Adds one empty row at the end of a repeat; returns it. */
export function addRow(root, repeatPath) {
  const node = REPEATS.get(repeatPath);
  const count = rowCount(root, repeatPath);
  const container = root.querySelector(`[data-repeat="${repeatPath}"]`);
  const row = buildRow(node, count, Number(container.dataset.rowLevel));
  container.querySelector('.app-repeat__rows').append(row);
  container.querySelector('.app-repeat__none').hidden = true;
  replace(container.querySelector('.app-repeat__add'), `Add another ${rowWords(repeatPath).item}`);
  if (row.querySelector('[data-options-from]')) {
    for (const select of row.querySelectorAll('select[data-options-from]')) {
      fillSelect(select, fieldFor(select.closest('[data-field]').dataset.field));
    }
  }
  return row;
}
