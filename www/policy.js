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

// ------------------------------------------------------------------ several profiles

/**
 * The profiles the page offers, oldest first by the date each comes into
 * force (load order within a day): the built-in default (unless a loaded
 * file has its id) and every file loaded, each with the user's edits applied.
 * entry: { base, origin: 'built-in' | 'file', name, order, edited, profile }
 * where `profile` is what the engine is given: the edited copy if there is one.
 */
export function profileEntries(defaultProfile, loaded, edits) {
  const entries = [];
  if (!loaded.some((l) => l.profile.id === defaultProfile.id)) {
    entries.push({ base: defaultProfile, origin: 'built-in', name: '' });
  }
  for (const l of loaded) entries.push({ base: l.profile, origin: 'file', name: l.name });
  return entries.map((e, order) => {
    const edited = editedProfile(e.base, edits[e.base.id] ?? {});
    return { ...e, order, edited, profile: edited ?? e.base };
  }).sort((a, b) => a.base.effective_from.localeCompare(b.base.effective_from) || a.order - b.order);
}

/**
 * The options for the engine's check(): every profile it needs beside the
 * built-in one, and policy_id only when a profile is named — by the user for
 * every case (`choice`), or by the case itself when the page holds an edited
 * copy of the profile it names (the copy takes its place). Otherwise the
 * engine chooses by date. An edited copy is given after the profile it
 * copies, so on the same start date it wins; edited copies of the built-in
 * profile come before the files, as the built-in one does.
 */
export function checkOptions(entries, choice, caseProfileId) {
  const inLoadOrder = [...entries].sort((a, b) => a.order - b.order);
  const policies = inLoadOrder.filter((e) => e.origin === 'file' || e.edited).map((e) => e.profile);
  const named = choice || caseProfileId || '';
  const entry = named ? entries.find((e) => e.base.id === named) : null;
  if (choice) return { policies, policy_id: entry ? entry.profile.id : choice };
  if (entry?.edited) return { policies, policy_id: entry.profile.id };
  return { policies };
}

const EVENT = {
  'first-court-appearance': 'the date of the first court appearance',
  charged: 'the date charged',
};

/**
 * Why the report used its profile, in plain English, from the engine's
 * structured `stamp.policy.selection` and what the page named. Dates as
 * "Tue 14 May 2024", never ISO.
 */
export function explainSelection(report, { choice = '', caseProfileId = '' } = {}) {
  const { selection } = report.stamp.policy;
  if (selection.by === 'options' || selection.by === 'case') {
    if (choice) {
      const overrides = caseProfileId && caseProfileId !== choice
        ? ` It overrides the profile the case names (${caseProfileId}).`
        : '';
      return `Used because you chose it for every case under “Policy profiles”.${overrides}`;
    }
    return `Used because the case names it (the policy profile id in section 1).`;
  }
  const what = EVENT[selection.event]
    ?? `${report.stamp.today_source === 'case' ? 'the ‘assess on’ date' : 'today'} (no charge or court date is entered)`;
  if (selection.by === 'earliest') {
    return `Used because no profile loaded starts on or before ${longDate(selection.on)}, ${what}, so the one that starts earliest applies.`;
  }
  return `Used because it is the profile in force on ${longDate(selection.on)}, ${what}.`;
}
