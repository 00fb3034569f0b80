// Renders the engine's report (report.rs) into the results panel, the error
// summary and the printed answers. Text from the report or the user is only
// ever set as text.

import { h, hidden, replace } from './dom.js';
import { longDate } from './dates.js';

export const DEFAULT_NOTE = 'default — check against your region’s agreed timescales';

export const STATUS = {
  qualifies: { heading: 'Qualifies as an SFO', tag: 'Qualifies', colour: 'green' },
  'not-yet': { heading: 'Not yet an SFO', tag: 'Not yet', colour: 'blue' },
  'does-not-qualify': { heading: 'Does not qualify as an SFO', tag: 'Does not qualify', colour: 'grey' },
  check: { heading: 'Check with your SFO lead', tag: 'Check', colour: 'yellow' },
};

const FINDING = {
  met: ['Met', 'green'],
  'not-met': ['Not met', 'red'],
  pending: ['Pending', 'blue'],
  check: ['Check', 'yellow'],
};

const STATE = {
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

const statusWord = (status) => (status === 'default' ? `Default — check against your region’s agreed timescales` : 'Confirmed');

function statusLine(status, source) {
  return h('p', { class: `govuk-body-s app-source${status === 'default' ? ' app-source--default' : ''}` },
    h('strong', null, statusWord(status)), '. ', h('span', null, `Source: ${source}`));
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
          h('p', { class: 'govuk-body govuk-!-margin-bottom-1' },
            h('code', { class: 'app-rule-id' }, r.rule), ' ', tag(word, colour)),
          h('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, r.text),
          statusLine(r.status, r.source));
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

export function renderDeadlines(report, icsAvailable) {
  const items = report.deadlines.map((d) => {
    const [word, colour] = STATE[d.state.kind] ?? [d.state.kind, 'grey'];
    // The tag says the state; the text adds the detail ("Due" + "in 2 working days").
    let detail = d.state_text;
    if (detail.toLowerCase().startsWith(word.toLowerCase())) detail = detail.slice(word.length).replace(/^[:\s]+/, '');
    const notes = [];
    if (d.completed) notes.push(`Done on ${longDate(d.completed)}.`);
    if (d.counts_from?.projected) notes.push(`Projected: ${d.counts_from.label}.`);
    else if (d.counts_from?.date) notes.push(`Counted from ${d.counts_from.label}, ${longDate(d.counts_from.date)}.`);
    if (d.predicted) notes.push('Uses predicted bank holidays: the holidays for this year are not confirmed.');
    notes.push(...extensionLines(d));
    return h('li', { class: `app-deadline app-deadline--${d.state.kind}`, 'data-step': d.id },
      h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, d.label, ' ', h('code', { class: 'app-rule-id' }, d.id)),
      dueLine(d),
      h('p', { class: 'govuk-body govuk-!-margin-bottom-1 app-deadline__state' },
        tag(word, colour), d.extended ? [' ', tag('Extended', 'purple')] : null, detail ? [' ', h('span', null, detail)] : null),
      h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, `Rule: ${d.rule_text}.`),
      notes.length ? h('ul', { class: 'govuk-list govuk-!-font-size-16 app-notes' }, notes.map((n) => h('li', null, n))) : null,
      statusLine(d.status, `${d.source} (policy profile ${d.policy})`));
  });
  return section('result-deadlines-title', 'Deadlines',
    h('p', { class: 'govuk-body-s' }, 'Working days in England and Wales, counted on ', h('strong', null, longDate(report.stamp.today)), '.'),
    h('ol', { class: 'govuk-list app-timeline' }, items),
    icsAvailable
      ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-no-print', id: 'download-ics' }, 'Download deadlines for your calendar (.ics)')
      : h('p', { class: 'govuk-body-s app-no-print' }, 'There are no dated deadlines to add to a calendar yet.'));
}

export function renderFlags(report, targetFor, openIds, nameFor = (path) => path) {
  const intro = h('p', { class: 'govuk-body' },
    'Flags are prompts to look again at the risk assessment, not verdicts.');
  if (!report.flags.length) {
    return section('result-flags-title', 'Flags', intro, h('p', { class: 'govuk-body', id: 'no-flags' }, 'No flags raised by the facts given.'));
  }
  return section('result-flags-title', `Flags (${report.flags.length})`, intro,
    report.flags.map((f) => h('details', { class: 'govuk-details app-flag', 'data-flag': f.id, open: openIds.has(f.id) },
      h('summary', { class: 'govuk-details__summary' },
        h('span', { class: 'govuk-details__summary-text' }, h('span', { class: 'app-rule-id' }, f.id), `: ${f.title}`)),
      h('div', { class: 'govuk-details__text' },
        f.kinds.length ? [h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, 'Kind of inaccuracy'),
          h('ul', { class: 'govuk-list' }, f.kinds.map((k) => h('li', null, `${k.number}. ${k.text}`)))] : null,
        f.causes.length ? [h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, 'Possible causes'),
          h('ul', { class: 'govuk-list govuk-list--bullet' }, f.causes.map((c) => h('li', null, c)))] : null,
        h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, 'What raised it'),
        h('ul', { class: 'govuk-list govuk-list--bullet' }, f.facts.map((fact) => h('li', null,
          fact.text, ' ', h('span', { class: 'app-field-ref' }, '(', fieldLink(nameFor(fact.field), targetFor(fact.field)), ')')))),
        h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, 'What to check'),
        h('p', { class: 'govuk-body' }, f.check),
        statusLine(f.status, f.source)))));
}

export function renderMissing(report, targetFor, nameFor) {
  if (!report.missing.length) return null;
  return section('result-missing-title', 'Facts that would change the answer',
    h('ul', { class: 'govuk-list app-missing' }, report.missing.map((m) => h('li', null,
      fieldLink(`Add the ${nameFor(m.field)}`, targetFor(m.field)), h('br'),
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

/** The answers entered, as summary lists, for print. */
export function renderAnswers(container, sections) {
  if (!sections.length) {
    replace(container, h('p', { class: 'govuk-body' }, 'No answers entered.'));
    return;
  }
  replace(container, sections.map((s) => [
    h('h3', { class: 'govuk-heading-s' }, s.title),
    h('dl', { class: 'govuk-summary-list app-answers' }, s.rows.map(([key, value, isDate]) =>
      h('div', { class: 'govuk-summary-list__row' },
        h('dt', { class: 'govuk-summary-list__key' }, key),
        h('dd', { class: 'govuk-summary-list__value' }, isDate ? longDate(value) : value)))),
  ]));
}

export { hidden };
