// A date as GOV.UK's three boxes (day, month, year) outside the case form:
// a training prediction, a "what if" change. Typed the same way everywhere,
// whatever the browser's language, unlike a native date picker.

import { h } from './dom.js';
import { parseIso } from './dates.js';
import { dateFromParts } from './form.js';

/** The boxes in a fieldset whose legend names the date; `iso` fills them. */
export function dateBoxes(id, legend, { hint = '', iso = '', legendClass = 'govuk-fieldset__legend--s' } = {}) {
  const d = parseIso(iso);
  const values = d ? { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() } : {};
  const box = (part, label, width) => h('div', { class: 'govuk-date-input__item' },
    h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label govuk-date-input__label', for: `${id}-${part}` }, label),
      h('input', {
        class: `govuk-input govuk-date-input__input govuk-input--width-${width}`, id: `${id}-${part}`,
        type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false', value: values[part] ?? '',
      })));
  return h('div', { class: 'govuk-form-group', 'data-date': id },
    h('fieldset', { class: 'govuk-fieldset', role: 'group', 'aria-describedby': hint ? `${id}-hint` : undefined },
      h('legend', { class: `govuk-fieldset__legend ${legendClass}` }, legend),
      hint ? h('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
      h('div', { class: 'govuk-date-input', id }, box('day', 'Day', 2), box('month', 'Month', 2), box('year', 'Year', 4))));
}

/**
 * What the boxes hold: { iso } for a real date, { empty: true } when all are
 * blank, or { typed } (as entered, d/m/y) when it is not a real date.
 */
export function readDateBoxes(root, id) {
  const raw = Object.fromEntries(['day', 'month', 'year'].map((part) => [part, root.querySelector(`#${id}-${part}`)?.value ?? '']));
  const read = dateFromParts(raw, 'date');
  if (read.empty) return { empty: true };
  if (read.iso && parseIso(read.iso)) return { iso: read.iso };
  return { typed: `${raw.day.trim()}/${raw.month.trim()}/${raw.year.trim()}` };
}

export function writeDateBoxes(root, id, iso) {
  const d = parseIso(iso);
  const values = d ? [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()] : ['', '', ''];
  ['day', 'month', 'year'].forEach((part, i) => {
    const input = root.querySelector(`#${id}-${part}`);
    if (input) input.value = String(values[i]);
  });
}
