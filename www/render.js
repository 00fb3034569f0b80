// Renders the engine's report (report.rs) into the results panel, the error
// summary and the printed answers. Text from the report or the user is only
// ever set as text.

import { h, hidden, replace } from './dom.js';
import { longDate } from './dates.js';
import { statusLine } from './citations.js';
import { cap, ruleTitle, vocabulary } from './words.js';

export const STATUS = {
  qualifies: { heading: 'Qualifies as an SFO', tag: 'Qualifies', colour: 'green' },
  'not-yet': { heading: 'Not yet an SFO', tag: 'Not yet', colour: 'blue' },
  'does-not-qualify': { heading: 'Does not qualify as an SFO', tag: 'Does not qualify', colour: 'grey' },
  check: { heading: 'Check with your SFO lead', tag: 'Check', colour: 'yellow' },
};

export const FINDING = {
  met: ['Met', 'green'],
  'not-met': ['Not met', 'red'],
  pending: ['Pending', 'blue'],
  check: ['Check', 'yellow'],
};

export const STATE = {
  overdue: ['Overdue', 'red'],
  'due-today': ['Due today', 'yellow'],
  'due-in': ['Due', 'blue'],
  done: ['Done', 'green'],
  'done-on-time': ['Done on time', 'green'],
  'done-late': ['Done late', 'magenta'],
  open: ['Open', 'grey'],
  closed: ['Closed', 'grey'],
  waiting: ['Waiting', 'grey'],
  'not-required': ['Not required', 'grey'],
};

export function tag(text, colour, extra = '') {
  if (String(text).length > 14) extra = `${extra} app-tag-wide`.trim();
  const cls = colour && colour !== 'blue' ? ` govuk-tag--${colour}` : '';
  return h('strong', { class: `govuk-tag${cls}${extra ? ` ${extra}` : ''}` }, text);
}

const workingDays = (n) => (n === 1 ? '1 working day' : `${n} working days`);

/** The words after a state's tag, from its kind and count (report.rs `State`). */
export function stateDetail(d) {
  const n = d.state.working_days;
  switch (d.state.kind) {
    case 'due-in': return n === 0 ? `on ${longDate(d.current_due)}, not a working day` : `in ${workingDays(n)}`;
    case 'overdue': return n === 0 ? `since ${longDate(d.current_due)}, not a working day` : `by ${workingDays(n)}`;
    case 'done-late': return n === 0 ? 'after the due date, on a day that is not a working day' : `by ${workingDays(n)}`;
    case 'open': return n === 0 ? 'closes today' : `closes in ${workingDays(n)}`;
    case 'closed': return `${workingDays(n)} ago`;
    case 'done': return 'no due date could be worked out';
    case 'waiting': return d.counts_from?.date ? '' : `for ${d.counts_from?.label ?? 'an earlier step'}`;
    case 'not-required': return 'the case does not qualify';
    default: return '';
  }
}

/** A link to a form field, or plain text if there is none. */
function fieldLink(text, target) {
  return target ? h('a', { class: 'govuk-link app-field-link', href: `#${target}` }, text) : h('span', null, text);
}

function section(id, title, ...children) {
  return h('section', { class: 'app-results__section', 'aria-labelledby': id },
    h('h3', { class: 'govuk-heading-m', id }, title), ...children);
}

export function renderQualification(report, profileNote) {
  const q = report.qualification;
  const s = STATUS[q.status] ?? STATUS.check;
  return h('div', { class: `app-status app-status--${q.status}`, id: 'result-status' },
    report.reference ? h('p', { class: 'govuk-body-s app-reference' }, 'Case: ', h('span', { class: 'app-reference__text' }, report.reference)) : null,
    h('h3', { class: 'govuk-heading-l app-status__heading', id: 'result-status-heading' }, s.heading),
    h('p', { class: 'govuk-body' }, tag(s.tag, s.colour, 'app-status__tag')),
    h('p', { class: 'govuk-body app-status__summary' }, q.summary),
    profileNote);
}

export function renderReasons(report) {
  return section('result-reasons-title', 'Why',
    h('ul', { class: 'govuk-list app-reasons' },
      report.qualification.reasons.map((r) => {
        const [word, colour] = FINDING[r.finding] ?? [r.finding, 'grey'];
        return h('li', { class: 'app-reason', 'data-rule': r.rule },
          h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' },
            r.title, ' ', h('code', { class: 'app-rule-id' }, r.rule), ' ', tag(word, colour)),
          h('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, r.text),
          statusLine(r.status, r.status_text, r.citations));
      })));
}

function dueLine(d) {
  if (!d.current_due) return h('p', { class: 'govuk-body app-due' }, 'Not dated yet');
  if (d.state.kind === 'not-required') {
    return h('p', { class: 'govuk-body' }, `Would be due ${longDate(d.current_due)} if the case qualified.`);
  }
  if (d.extended && d.original_due && d.original_due !== d.current_due) {
    return h('div', null,
      h('p', { class: 'govuk-body app-due' }, h('span', { class: 'govuk-visually-hidden' }, 'Now due '), longDate(d.current_due)),
      h('p', { class: 'govuk-body-s' }, 'Originally due ', h('del', null, longDate(d.original_due)), `; now due ${longDate(d.current_due)}.`));
  }
  return h('p', { class: 'govuk-body app-due' }, longDate(d.current_due));
}

function extensionLines(d) {
  const lines = [];
  if (d.extension_requested_before_deadline !== undefined) {
    lines.push(d.extension_requested_before_deadline
      ? 'An extension was requested before the original deadline.'
      : 'The extension was requested after the original deadline.');
  }
  for (const e of d.extensions) {
    lines.push(`Extension requested ${longDate(e.requested)}: ${e.decision}${e.new_due ? `, new due date ${longDate(e.new_due)}` : ''}${e.before_deadline === false ? ' (after the deadline)' : ''}.`);
  }
  return lines;
}

export function renderDeadlines(report, calendar) {
  const items = report.deadlines.map((d) => {
    const [word, colour] = STATE[d.state.kind] ?? [d.state.kind, 'grey'];
    // The tag says the state; the detail comes from its kind and count.
    const detail = stateDetail(d);
    const notes = [];
    if (d.completed) notes.push(`Done on ${longDate(d.completed)}.`);
    if (d.counts_from?.projected) notes.push(`Projected: ${d.counts_from.label}.`);
    else if (d.counts_from?.date) notes.push(`Counted from ${d.counts_from.label}, ${longDate(d.counts_from.date)}.`);
    if (d.predicted) {
      // Before the confirmed years, today's rules stand in for holidays that were different: not a prediction.
      const early = Number(String(d.current_due).slice(0, 4)) < report.stamp.calendar.confirmed_from;
      notes.push(early
        ? 'Uses bank holidays that are not confirmed: this year is before the confirmed years, so today’s rules were applied.'
        : 'Uses predicted bank holidays: the holidays for this year are not confirmed.');
    }
    notes.push(...extensionLines(d));
    return h('li', { class: `app-deadline app-deadline--${d.state.kind}`, 'data-step': d.id },
      h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, d.label, ' ', h('code', { class: 'app-rule-id' }, d.id)),
      dueLine(d),
      h('p', { class: 'govuk-body govuk-!-margin-bottom-1 app-deadline__state' },
        tag(word, colour), d.extended ? [' ', tag('Extended', 'purple')] : null, detail ? [' ', h('span', null, detail)] : null),
      h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, `Rule: ${d.rule_text}.`),
      notes.length ? h('ul', { class: 'govuk-list govuk-!-font-size-16 app-notes' }, notes.map((n) => h('li', null, n))) : null,
      statusLine(d.status, `${d.status_text} (policy profile ${d.policy})`, d.citations));
  });
  return section('result-deadlines-title', 'Deadlines',
    h('p', { class: 'govuk-body-s' }, 'Working days in England and Wales, counted on ', h('strong', null, longDate(report.stamp.today)), '.'),
    h('ol', { class: 'govuk-list app-timeline' }, items),
    printedDeadlines(report),
    renderCalendarDownload(calendar));
}

/** On paper the deadlines are a table, a row a step (never split across pages). */
function printedDeadlines(report) {
  const cell = (...content) => h('td', { class: 'govuk-table__cell' }, ...content);
  return h('table', { class: 'govuk-table app-print-only app-print-deadlines' },
    h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
      ['Step', 'Due', 'State', 'Rule'].map((title) => h('th', { class: 'govuk-table__header', scope: 'col' }, title)))),
    h('tbody', { class: 'govuk-table__body' }, report.deadlines.map((d) => {
      const [word] = STATE[d.state.kind] ?? [d.state.kind];
      const due = d.current_due ? longDate(d.current_due) : 'Not dated yet';
      return h('tr', { class: 'govuk-table__row' },
        cell(h('strong', null, d.label), ' ', h('span', { class: 'app-rule-id' }, d.id)),
        cell(d.extended && d.original_due !== d.current_due ? [due, h('br'), `(was ${longDate(d.original_due)})`] : due),
        cell(`${word} ${stateDetail(d)}`.trim(), d.completed ? [h('br'), `Done on ${longDate(d.completed)}`] : null),
        cell(`${cap(d.rule_text)}.`, statusLine(d.status, `${d.status_text} (policy profile ${d.policy})`, d.citations)));
    })));
}

/**
 * The calendar download: `calendar` says how many steps are still to do and
 * done (ics.js calendarSteps), which dated steps are past, and whether done
 * steps are included.
 */
function renderCalendarDownload({ toDo, done, past, includeDone }) {
  if (!toDo && !done) {
    return h('p', { class: 'govuk-body-s app-no-print' }, past.length
      ? `Nothing is still to do that a calendar could remind you of: ${past.join(', ')} ${past.length === 1 ? 'is' : 'are'} past ${past.length === 1 ? 'its' : 'their'} date.`
      : 'There are no dated deadlines to add to a calendar yet.');
  }
  return h('div', { class: 'app-no-print app-calendar-download' },
    h('p', { class: 'govuk-body-s' },
      'The calendar file holds each step still to do, with reminders 5 and 1 working days before.',
      past.length ? ` Past their date, so not in it: ${past.join(', ')}.` : ''),
    done ? h('div', { class: 'govuk-checkboxes govuk-checkboxes--small', 'data-module': 'govuk-checkboxes' },
      h('div', { class: 'govuk-checkboxes__item' },
        h('input', { class: 'govuk-checkboxes__input', id: 'ics-include-done', type: 'checkbox', checked: includeDone }),
        h('label', { class: 'govuk-label govuk-checkboxes__label', for: 'ics-include-done' },
          `Include the ${done === 1 ? 'step' : `${done} steps`} already done, for a record`))) : null,
    h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'download-ics', disabled: !toDo && !includeDone },
      'Download deadlines for your calendar (.ics)'));
}

/** The five kinds of inaccuracy, each with how many flags point to it. */
function kindsKey(report, kinds) {
  const counts = new Map(kinds.map((k) => [k.id, 0]));
  for (const f of report.flags) for (const k of f.kinds) counts.set(k.id, (counts.get(k.id) ?? 0) + 1);
  return h('div', { class: 'app-kinds-key' },
    h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, 'Kinds of inaccuracy'),
    h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, 'The five kinds HM Inspectorate of Probation found in the reviews it quality-assured, and how many of these flags point to each.'),
    h('ol', { class: 'govuk-list govuk-list--number govuk-!-font-size-16', id: 'flag-kinds-key' },
      kinds.map((k) => h('li', { 'data-kind': k.id },
        h('strong', null, k.name), `: ${k.text} `,
        // The kind no case fact can raise says why, in place of a count.
        k.note ? h('span', { class: 'app-kinds-key__note' }, k.note)
          : h('span', { class: 'app-kinds-key__count' }, counts.get(k.id) === 1 ? '1 flag' : `${counts.get(k.id)} flags`)))));
}

/**
 * Flags in the registry's order. A fact already shown under an earlier flag
 * is not repeated: the later flag points back to it.
 */
export function renderFlags(report, targetFor, openIds, kinds) {
  const intro = h('p', { class: 'govuk-body' },
    'Flags are prompts to look again at the risk assessment, not verdicts.');
  if (!report.flags.length) {
    return section('result-flags-title', 'Flags', intro, h('p', { class: 'govuk-body', id: 'no-flags' }, 'No flags raised by the facts given.'));
  }
  // A fact is the same when it names the same field in the same words.
  const shownUnder = new Map();
  const key = (fact) => `${fact.field}\u0000${fact.text}`;
  return section('result-flags-title', `Flags (${report.flags.length})`, intro, kindsKey(report, kinds),
    h('div', { class: 'app-flags' }, report.flags.map((f) => {
      const fresh = f.facts.filter((fact) => !shownUnder.has(key(fact)));
      const earlier = [...new Set(f.facts.filter((fact) => shownUnder.has(key(fact))).map((fact) => shownUnder.get(key(fact))))];
      for (const fact of fresh) shownUnder.set(key(fact), f.id);
      const sharedLabels = (id) => f.facts.filter((fact) => shownUnder.get(key(fact)) === id).map((fact) => fact.label);
      return h('details', { class: 'govuk-details app-flag', 'data-flag': f.id, id: `flag-${f.id}`, open: openIds.has(f.id) },
        h('summary', { class: 'govuk-details__summary' },
          h('span', { class: 'govuk-details__summary-text' }, f.title, ' ', h('span', { class: 'app-rule-id' }, f.id))),
        h('div', { class: 'govuk-details__text' },
          h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1 app-flag__kinds' },
            h('strong', null, 'Kind of inaccuracy: '),
            f.kinds.map((k) => `${k.number}. ${k.name}`).join('; '),
            f.kind_is_reading ? ` (${vocabulary().kind_is_reading})` : ''),
          f.causes.length ? h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' },
            h('strong', null, 'Possible causes: '), f.causes.map((c) => c.text).join('; ')) : null,
          h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, 'What raised it'),
          fresh.length ? h('ul', { class: 'govuk-list govuk-list--bullet app-flag__facts' }, fresh.map((fact) => h('li', null,
            fieldLink(fact.label, targetFor(fact.field)), `: ${fact.text}`))) : null,
          earlier.length ? h('p', { class: 'govuk-body-s app-flag__see-also' }, 'Also raised by facts shown under ',
            earlier.map((id, i) => [i ? ' and ' : '', h('a', { class: 'govuk-link', href: `#flag-${id}`, 'data-open-flag': id }, ruleTitle(id)),
              ` (${sharedLabels(id).join('; ')})`]), '.') : null,
          h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, 'What to check'),
          h('p', { class: 'govuk-body' }, f.check),
          statusLine(f.status, f.status_text, f.citations)));
    })));
}

export function renderMissing(report, targetFor) {
  if (!report.missing.length) return null;
  return section('result-missing-title', 'Facts that would change the answer',
    h('ul', { class: 'govuk-list app-missing' }, report.missing.map((m) => h('li', null,
      fieldLink(m.label, targetFor(m.field)), h('br'),
      h('span', { class: 'govuk-body-s' }, m.why, ' ', h('span', { class: 'app-rule-id' }, `(${m.rules.join(', ')})`))))));
}

const TODAY_SOURCE = {
  option: 'set by the page',
  case: 'the ‘assess on’ date you entered',
  clock: 'today’s date from this device’s clock',
};

export function renderStamp(report, profileKind, why, producedAt, build) {
  const s = report.stamp;
  const row = (key, ...value) => h('div', { class: 'govuk-summary-list__row' },
    h('dt', { class: 'govuk-summary-list__key' }, key), h('dd', { class: 'govuk-summary-list__value' }, ...value));
  return section('result-stamp-title', 'How this was worked out',
    h('dl', { class: 'govuk-summary-list govuk-summary-list--no-border app-stamp', id: 'stamp' },
      row('Engine', h('span', { id: 'stamp-engine' }, s.engine), h('br'),
        h('span', { class: 'govuk-body-s', id: 'stamp-build' }, `Build ${build.id}${build.module ? `, engine module ${build.module}` : ''}`)),
      build.matches ? null : row('Warning', h('strong', null, 'The engine module is not the one this page was built with. Reload the page; if this stays, the page’s files are out of step.')),
      row('Policy profile', h('span', { class: 'app-stamp__policy-id' }, s.policy.id), profileKind ? [' ', tag(profileKind, 'purple')] : null,
        h('br'), s.policy.title, h('br'),
        h('span', { class: 'govuk-body-s' }, `In force from ${longDate(s.policy.effective_from)}. ${why} Content sha256 ${s.policy.sha256.slice(0, 12)}.`)),
      row('Assessed on', longDate(s.today), h('br'), h('span', { class: 'govuk-body-s' }, `From ${TODAY_SOURCE[s.today_source] ?? s.today_source}`)),
      row('Bank holidays', `Confirmed for ${s.calendar.confirmed_from} to ${s.calendar.confirmed_to}`,
        s.calendar.extra_non_working_days ? `; ${s.calendar.extra_non_working_days} extra non-working day(s) from the profile` : ''),
      s.calendar.predicted_dates_used
        ? row('Warning', h('strong', null, 'Some dates use predicted bank holidays, not confirmed ones.'))
        : null,
      row('Produced', h('span', { id: 'produced-at' }, producedAt))));
}

/** The GOV.UK error summary's list. errors: [{ text, target }] */
export function renderErrorList(list, errors) {
  replace(list, errors.map((e) => h('li', null, e.target ? h('a', { href: `#${e.target}` }, e.text) : e.text)));
}

/** The answers entered, as summary lists (for print, and a scenario's facts under a heading of `level`). */
export function renderAnswers(container, sections, level = 'h3') {
  const steps = answerParts(sections, level);
  let step = steps.next();
  while (!step.done) step = steps.next();
  replace(container, step.value);
}

/**
 * The answers as nodes, built a few rows at a time: yields after every
 * `slice` rows so a long list can be built across tasks; returns the nodes.
 */
export function* answerParts(sections, level = 'h3', slice = Infinity) {
  if (!sections.length) return [h('p', { class: 'govuk-body' }, 'No answers entered.')];
  const nodes = [];
  let built = 0;
  for (const s of sections) {
    const list = h('dl', { class: 'govuk-summary-list app-answers' });
    nodes.push(h(level, { class: 'govuk-heading-s' }, s.title), list);
    for (const [key, value, isDate] of s.rows) {
      list.append(h('div', { class: 'govuk-summary-list__row' },
        h('dt', { class: 'govuk-summary-list__key' }, key),
        h('dd', { class: 'govuk-summary-list__value' }, isDate ? longDate(value) : value)));
      built += 1;
      if (built % slice === 0) yield;
    }
  }
  return nodes;
}

export { hidden };
