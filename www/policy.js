// The policy profile panel: shows the profile in force (policy.rs) as tables,
// and builds the "edited in this browser" copy when a step's offset changes.

import { h, replace } from './dom.js';
import { tag, DEFAULT_NOTE } from './render.js';
import { longDate } from './dates.js';

const UNIT = {
  'working-days': ['working day', 'working days'],
  'calendar-days': ['calendar day', 'calendar days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
};

export function describeOffset(o) {
  const [one, many] = UNIT[o.unit] ?? [o.unit, o.unit];
  return `${o.amount} ${o.amount === 1 ? one : many}`;
}

export const ANCHOR = {
  'supervision-end': 'the end of supervision',
  charged: 'the charge',
  'first-court-appearance': 'the first court appearance',
  'notification-submitted': 'the notification being submitted',
  'review-submitted': 'the review being submitted',
};

const statusCell = (status) => (status === 'default' ? tag('Default', 'yellow') : tag('Confirmed', 'green'));

function table(caption, head, rows, id) {
  // A region that scrolls sideways on narrow screens, not the whole page.
  return h('div', { class: 'app-table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' }, h('table', { class: 'govuk-table app-policy-table', id },
    h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, caption),
    h('thead', { class: 'govuk-table__head' },
      h('tr', { class: 'govuk-table__row' }, head.map((c) => h('th', { scope: 'col', class: 'govuk-table__header' }, c)))),
    h('tbody', { class: 'govuk-table__body' }, rows.map((r) =>
      h('tr', { class: 'govuk-table__row' }, r.map((c, i) =>
        i === 0 ? h('th', { scope: 'row', class: 'govuk-table__header' }, c) : h('td', { class: 'govuk-table__cell' }, c)))))));
}

/** The tables describing `profile`. */
export function renderProfile(container, profile) {
  const defaults = 'Default values were not confirmed from current policy text: ' + DEFAULT_NOTE + '.';
  replace(container,
    profile.notes ? h('p', { class: 'govuk-body' }, profile.notes) : h('p', { class: 'govuk-body' }, defaults),
    table('Timetable', ['Step', 'Counts from', 'Offset', 'Status', 'Source'], profile.timetable.map((s) => [
      [h('span', { class: 'app-rule-id' }, s.id), h('br'), s.label],
      [ANCHOR[s.counts_from] ?? s.counts_from, s.else_from_due_of ? ` (until then, from the ${s.else_from_due_of} due date)` : ''],
      h('span', { 'data-step-offset': s.id }, describeOffset(s.offset)),
      statusCell(s.status),
      h('span', { class: 'govuk-body-s' }, s.source),
    ]), 'policy-timetable'),
    table('Qualifying offences', ['Offence', 'Group', 'Status'], profile.offences.map((o) => [
      o.name,
      o.group === 'A' ? 'A: review always required' : 'B: review only if the condition holds',
      statusCell(o.status),
    ]), 'policy-offences'),
    h('p', { class: 'govuk-body-s' },
      `Condition for group B (Q-CONDITIONAL): RoSH ${profile.conditional_review.min_rosh.replace('-', ' ')} or above, or MAPPA level ${profile.conditional_review.mappa_levels.join(' or ')}. `,
      statusCell(profile.conditional_review.status), ' ', profile.conditional_review.source),
    table('Review intervals', ['Interval', 'Length', 'Status', 'Source'], [
      ['Between assessments at High or Very High RoSH', profile.review_intervals.high_or_very_high],
      ['Between assessments at Low or Medium RoSH', profile.review_intervals.other],
      ['New assessment after release on licence', profile.review_intervals.after_release],
      ['Newly qualified assessor', profile.review_intervals.newly_qualified_months],
    ].map(([name, i]) => [name, describeOffset(i), statusCell(i.status), h('span', { class: 'govuk-body-s' }, i.source)]), 'policy-intervals'),
    table('Supervision types', ['Type', 'Counts as supervision', 'Status'], profile.supervision_types.map((t) => [
      t.name,
      t.counts === 'yes' ? 'Yes' : ['Check with your SFO lead', t.reason ? `: ${t.reason}` : ''],
      statusCell(t.status),
    ]), 'policy-supervision-types'),
    h('h3', { class: 'govuk-heading-s' }, 'Extra non-working days'),
    profile.extra_non_working_days.length
      ? h('ul', { class: 'govuk-list govuk-list--bullet', id: 'policy-extra-days' },
        profile.extra_non_working_days.map((d) => h('li', null, `${longDate(d.date)}: ${d.name}`)))
      : h('p', { class: 'govuk-body', id: 'policy-extra-days' }, 'None. Add bank holidays not yet known to this tool, or office closures, in a region’s profile file.'),
  );
}

/**
 * A copy of `base` with the working-day amounts in `edits` ({ stepId: n }),
 * or null when nothing differs. It gets its own id and title.
 */
export function editedProfile(base, edits) {
  const copy = structuredClone(base);
  let changed = false;
  for (const step of copy.timetable) {
    const amount = edits[step.id];
    if (amount === undefined || amount === step.offset.amount) continue;
    changed = true;
    step.source = `Edited in this browser: ${describeOffset({ amount, unit: step.offset.unit })} instead of ${describeOffset(step.offset)}. Original source: ${step.source}`;
    step.offset = { ...step.offset, amount };
  }
  if (!changed) return null;
  copy.id = `${base.id}-edited`;
  copy.title = `${base.title} (edited in this browser)`;
  return copy;
}
