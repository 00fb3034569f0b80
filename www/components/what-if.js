// "What if": change one fact of a training scenario in place and see exactly
// what changes between the two reports, and why: the status, each deadline,
// the flags raised and cleared. The scenario itself never changes; each
// change is made to it afresh.

import { h, replace, focusStatic } from '../dom.js';
import { longDate, parseIso } from '../dates.js';
import { answerWords, caseFromRaw, fieldFor, fieldOptions, rawFromCase } from '../form.js';
import { SECTIONS } from '../schema.js';
import { FINDING, STATUS, tag } from '../render.js';
import { fieldLabel, ruleTitle, vocabulary } from '../words.js';
import { timeline } from '../timeline.js';
import { dateBoxes, readDateBoxes, writeDateBoxes } from '../date-boxes.js';

// A rule's finding in the results panel's words.
const finding = (kind) => (kind ? (FINDING[kind]?.[0] ?? kind).toLowerCase() : 'not assessed');

const factsText = (flag) => flag.facts.map((x) => x.text).join('; ');

const CHANGEABLE = new Set(['date', 'select', 'radios', 'yesno', 'number']);

/** The facts one could change: every date and choice the case has, and every single choice it leaves blank. */
function changeableFacts(raw) {
  const facts = [];
  const visit = (nodes, section) => {
    for (const node of nodes) {
      if (node.kind === 'section' || node.kind === 'group') visit(node.children, section);
      else if (node.kind === 'repeat') {
        for (let i = 0; i < (raw.rows[node.path] ?? 0); i++) {
          for (const field of node.children) {
            if (CHANGEABLE.has(field.kind)) facts.push({ section, path: `${node.path}[${i}].${field.key}`, kind: field.kind });
          }
        }
      } else if (CHANGEABLE.has(node.kind)) facts.push({ section, path: node.key, kind: node.kind });
    }
  };
  for (const section of SECTIONS) visit(section.children, section.title.replace(/^\d+\.\s*/, ''));
  return facts;
}

const toRaw = (kind, value) => {
  if (kind !== 'date') return value;
  const d = parseIso(value);
  return d ? { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) } : { day: '', month: '', year: '' };
};

const isoOf = (raw) => {
  if (!raw?.year) return '';
  const p = (n) => String(n).padStart(2, '0');
  return `${raw.year}-${p(raw.month)}-${p(raw.day)}`;
};

export class WhatIf {
  constructor({ checker, calendar, scenario, report, announce }) {
    Object.assign(this, { checker, calendar, scenario, report, announce });
    this.base = rawFromCase(scenario.case).raw;
    this.facts = changeableFacts(this.base);
    // "Before" is the case as the form holds it, so a fact the form cannot
    // hold (named on the facts slide) never shows up as a change.
    this.baseCase = caseFromRaw(this.base).case;
    const before = checker.check(this.baseCase, {});
    this.before = before.ok ? before.value : report;
    this.select = h('select', { class: 'govuk-select app-what-if__fact', id: 'what-if-fact' },
      [...new Set(this.facts.map((f) => f.section))].map((section) => h('optgroup', { label: section },
        this.facts.filter((f) => f.section === section).map((f) => {
          const now = answerWords(f.path, this.base.values[f.path]);
          return h('option', { value: f.path }, `${fieldLabel(f.path)}: ${now ? (f.kind === 'date' ? longDate(now) : now) : 'not given'}`);
        }))));
    this.select.addEventListener('change', () => this.renderValue());
    this.valueEl = h('div', { id: 'what-if-value' });
    this.error = h('p', { class: 'govuk-error-message', id: 'what-if-error', hidden: true });
    this.result = h('div', { id: 'what-if-result' });
    const form = h('form', { id: 'what-if-form', novalidate: true, 'aria-labelledby': 'what-if-title' },
      h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label govuk-label--s', for: 'what-if-fact' }, 'The fact to change'),
        this.select),
      this.valueEl,
      this.error,
      h('div', { class: 'govuk-button-group' },
        h('button', { type: 'submit', class: 'govuk-button', id: 'what-if-apply' }, 'Show what changes'),
        h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'what-if-undo' }, 'Put the fact back')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.apply();
    });
    form.querySelector('#what-if-undo').addEventListener('click', () => this.undo());
    this.root = h('div', { class: 'app-what-if' },
      h('h3', { class: 'govuk-heading-l', id: 'what-if-title', tabindex: '-1' }, 'What if…?'),
      h('p', { class: 'govuk-body' }, 'Change one fact and see what changes, and why. The scenario itself is not changed: each change starts from the facts as told.'),
      form, this.result);
    const offence = this.facts.find((f) => f.path === 'offence.alleged_from');
    if (offence) this.select.value = offence.path;
    this.renderValue();
  }

  fact() {
    return this.facts.find((f) => f.path === this.select.value);
  }

  renderValue() {
    const fact = this.fact();
    this.error.hidden = true;
    if (!fact) return replace(this.valueEl);
    const now = this.base.values[fact.path];
    if (fact.kind === 'date') {
      const step = (text, id, by) => {
        const b = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0', id }, text);
        b.addEventListener('click', () => {
          const { iso } = readDateBoxes(this.valueEl, 'what-if-date');
          const moved = iso && this.workingDayFrom(iso, by);
          if (!moved) return;
          writeDateBoxes(this.valueEl, 'what-if-date', moved);
          this.announce(`Changed to ${longDate(moved)}`);
        });
        return b;
      };
      return replace(this.valueEl,
        dateBoxes('what-if-date', 'Change it to', {
          iso: isoOf(now),
          hint: fact.path === 'today' ? 'The date the case is judged on.' : 'Clear the date to leave it out.',
        }),
        h('div', { class: 'govuk-button-group app-what-if__steps' },
          step('A working day earlier', 'what-if-earlier', -1),
          step('A working day later', 'what-if-later', 1)));
    }
    if (fact.kind === 'number') {
      return replace(this.valueEl, h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label govuk-label--s', for: 'what-if-number' }, 'Change it to'),
        h('div', { class: 'govuk-hint', id: 'what-if-number-hint' }, 'A whole number. Leave it blank to leave it out.'),
        h('input', { class: 'govuk-input govuk-input--width-3', type: 'text', inputmode: 'numeric', id: 'what-if-number', value: now ?? '', 'aria-describedby': 'what-if-number-hint' })));
    }
    const options = fieldOptions(fact.path);
    return replace(this.valueEl, h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label govuk-label--s', for: 'what-if-choice' }, 'Change it to'),
      h('select', { class: 'govuk-select', id: 'what-if-choice' },
        h('option', { value: '', selected: !now }, 'Not given'),
        options.map(([value, label]) => h('option', { value, selected: value === now }, label)))));
  }

  /** The working day `by` (±1) working days from `iso`, by the engine's calendar. */
  workingDayFrom(iso, by) {
    return by > 0 ? this.calendar.addWorkingDays(iso, 1) : this.calendar.workingDaysBefore(iso, 1);
  }

  /** The control holding the new value. */
  control(fact) {
    const id = { date: 'what-if-date-day', number: 'what-if-number' }[fact.kind] ?? 'what-if-choice';
    return this.valueEl.querySelector(`#${id}`);
  }

  showError(text) {
    replace(this.error, h('span', { class: 'govuk-visually-hidden' }, 'Error:'), ' ', text);
    this.error.hidden = false;
    const control = this.control(this.fact());
    control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') ?? ''} what-if-error`.trim());
    control.closest('.govuk-form-group')?.classList.add('govuk-form-group--error');
    control.focus();
  }

  clearError() {
    this.error.hidden = true;
    const control = this.fact() && this.control(this.fact());
    if (!control) return;
    const rest = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== 'what-if-error');
    if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
    else control.removeAttribute('aria-describedby');
    control.closest('.govuk-form-group')?.classList.remove('govuk-form-group--error');
  }

  apply() {
    const fact = this.fact();
    if (!fact) return;
    this.clearError();
    let value = this.control(fact).value;
    if (fact.kind === 'date') {
      const read = readDateBoxes(this.valueEl, 'what-if-date');
      if (read.typed) return this.showError(`${read.typed} is not a real date: enter a day, month and year, like 8 8 2024.`);
      value = read.iso ?? '';
    }
    // A scenario is judged on its own day, never on this device's clock.
    if (fact.path === 'today' && !value) return this.showError('Enter a date to judge the case on.');
    const raw = { values: { ...this.base.values, [fact.path]: toRaw(fact.kind, value) }, rows: this.base.rows };
    const built = caseFromRaw(raw);
    if (built.errors.length) return this.showError(`${fieldLabel(built.errors[0].path)}: ${built.errors[0].message}`);
    const result = this.checker.check(built.case, {});
    if (!result.ok) {
      const e = result.errors[0];
      return this.showError(`That change gives a case the checker cannot use. ${e.path ? `${fieldLabel(e.path)}: ` : ''}${e.message}`);
    }
    const before = answerWords(fact.path, this.base.values[fact.path]);
    const after = answerWords(fact.path, raw.values[fact.path]);
    const words = (text) => (text ? (fact.kind === 'date' ? longDate(text) : text) : 'not given');
    replace(this.result, this.diff(`${fieldLabel(fact.path)}: ${words(before)} → ${words(after)}`, this.before, result.value, built.case));
    focusStatic(this.result.querySelector('#what-if-changed'));
  }

  undo() {
    this.renderValue();
    replace(this.result);
    this.select.focus();
    this.announce('The fact is back as told.');
  }

  /** Exactly what differs between the scenario's report and the changed one. */
  diff(change, before, after, changedCase) {
    const qb = before.qualification;
    const qa = after.qualification;
    const items = [];
    if (qb.status !== qa.status) {
      items.push(h('li', { 'data-change': 'status' },
        h('strong', null, 'Status: '), `${STATUS[qb.status].heading} → `, h('strong', null, STATUS[qa.status].heading), '. ', qa.summary));
    }
    // Each qualification rule whose finding changed, with the engine's reason now.
    const findings = new Map(qb.reasons.map((r) => [r.rule, r.finding]));
    for (const r of qa.reasons.filter((x) => findings.get(x.rule) !== x.finding)) {
      items.push(h('li', { 'data-change': r.rule },
        h('strong', null, `${r.title}: `), `${finding(findings.get(r.rule))} → ${finding(r.finding)}. `, r.text));
    }
    const ids = [...new Set([...before.deadlines, ...after.deadlines].map((d) => d.id))];
    const unchanged = [];
    for (const id of ids) {
      const b = before.deadlines.find((d) => d.id === id);
      const a = after.deadlines.find((d) => d.id === id);
      const due = (d) => (d?.current_due ? longDate(d.current_due) : 'not dated');
      const state = (d) => (d ? d.state_text : 'no step');
      if (due(b) === due(a) && state(b) === state(a)) {
        unchanged.push((a ?? b).label);
        continue;
      }
      items.push(h('li', { 'data-change': id },
        h('strong', null, `${(a ?? b).label}: `),
        due(b) !== due(a) ? `due ${due(b)} → ${due(a)}. ` : `due ${due(a)}. `,
        state(b) !== state(a) ? `${state(b)} → ${state(a)}. ` : '',
        a?.rule_text ? h('span', { class: 'govuk-body-s' }, `Rule: ${a.rule_text}.`) : null));
    }
    const raisedBefore = new Set(before.flags.map((f) => f.id));
    const raisedAfter = new Set(after.flags.map((f) => f.id));
    for (const f of after.flags.filter((x) => !raisedBefore.has(x.id))) {
      items.push(h('li', { 'data-change': f.id }, tag('Raised', 'red'), ' ', h('strong', null, f.title), `: ${factsText(f)}.`));
    }
    for (const f of before.flags.filter((x) => !raisedAfter.has(x.id))) {
      const rule = vocabulary().rules.find((r) => r.id === f.id);
      items.push(h('li', { 'data-change': f.id }, tag('Cleared', 'green'), ' ', h('strong', null, ruleTitle(f.id)), `. It had been raised by: ${factsText(f)}. `,
        h('span', { class: 'govuk-body-s' }, rule?.statement ?? '')));
    }
    // A flag still raised, but by other facts.
    for (const f of after.flags.filter((x) => raisedBefore.has(x.id))) {
      const was = before.flags.find((x) => x.id === f.id);
      if (factsText(was) === factsText(f)) continue;
      items.push(h('li', { 'data-change': f.id }, tag('Still raised', 'yellow'), ' ', h('strong', null, f.title), `, now by: ${factsText(f)}.`));
    }
    return [
      h('h4', { class: 'govuk-heading-m', id: 'what-if-changed', tabindex: '-1' }, 'What changes'),
      h('p', { class: 'govuk-body' }, h('strong', null, 'The change: '), change),
      items.length
        ? h('ul', { class: 'govuk-list app-what-if__changes', id: 'what-if-changes' }, items)
        : h('p', { class: 'govuk-body', id: 'what-if-changes' }, 'Nothing else changes: the status, every deadline and the flags stay as they were.'),
      unchanged.length && items.length ? h('p', { class: 'govuk-body-s' }, `Unchanged: ${unchanged.join(', ')}${qb.status === qa.status ? `; the status (${STATUS[qa.status].heading})` : ''}.`) : null,
      h('div', { class: 'app-what-if__timelines' },
        timeline(this.baseCase, before, { calendar: this.calendar, idPrefix: 'what-if-before', caption: 'Before the change' }),
        timeline(changedCase, after, { calendar: this.calendar, idPrefix: 'what-if-after', caption: 'After the change' })),
    ];
  }
}
