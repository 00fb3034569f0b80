// The policy profile panel: shows the profile in force (policy.rs) as tables,
// and builds the "edited in this browser" copy when a step's offset changes.

import { h, replace } from './dom.js';
import { tag } from './render.js';
import { longDate } from './dates.js';
import { citation } from './citations.js';
import {
  describeOffset, anchorLabel, offenceGroupLabel, intervalLabel, choicesFor, ruleTitle, statusText, vocabulary,
} from './words.js';

export { describeOffset };

const statusCell = (status) => (status === 'default' ? tag('Default', 'yellow') : tag('Confirmed', 'green'));

/** A value's sources as readable citations. */
const sourcesCell = (sources) => h('ul', { class: 'govuk-list govuk-body-s app-sources' },
  sources.map((source) => h('li', null, citation(citationOf(source)))));

/**
 * A profile's source (policy.rs `SourceRef`) as a citation: a known source
 * by its id from the engine's list, else the profile's own title.
 */
function citationOf(source) {
  const known = source.cite ? vocabulary().citations.find((c) => c.id === source.cite) : null;
  return {
    ...(known ?? { title: source.title, publisher: source.publisher, date: source.date, url: source.url }),
    section: source.section,
    detail: source.note,
  };
}

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

const levelLabel = (value) => choicesFor('rosh.overall').find((c) => c.value === value)?.label ?? value;

/** The tables describing `profile`. */
export function renderProfile(container, profile) {
  const defaults = `Values marked default were not confirmed from current policy text: ${statusText('default')}.`;
  const intervals = Object.entries(profile.review_intervals);
  replace(container,
    profile.notes ? h('p', { class: 'govuk-body' }, profile.notes) : h('p', { class: 'govuk-body' }, defaults),
    table('Timetable', ['Step', 'Counts from', 'Offset', 'Status', 'Sources'], profile.timetable.map((s) => [
      [h('span', { class: 'app-rule-id' }, s.id), h('br'), s.label],
      [anchorLabel(s.counts_from), s.else_from_due_of ? ` (until then, from the due date of “${ruleTitle(s.else_from_due_of)}”)` : ''],
      h('span', { 'data-step-offset': s.id }, describeOffset(s.offset)),
      statusCell(s.status),
      sourcesCell(s.sources),
    ]), 'policy-timetable'),
    table('Qualifying offences', ['Offence', 'Group', 'Status'], profile.offences.map((o) => [
      o.name,
      offenceGroupLabel(o.group),
      statusCell(o.status),
    ]), 'policy-offences'),
    h('div', { class: 'govuk-body-s' },
      h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' },
        `Condition for group B (Q-CONDITIONAL): RoSH ${levelLabel(profile.conditional_review.min_rosh)} or above, or MAPPA level ${profile.conditional_review.mappa_levels.join(' or ')}, at the time of the offence. `,
        statusCell(profile.conditional_review.status)),
      sourcesCell(profile.conditional_review.sources)),
    table('Review intervals', ['Interval', 'Length', 'Status', 'Sources'],
      intervals.map(([key, i]) => [intervalLabel(key), describeOffset(i), statusCell(i.status), sourcesCell(i.sources)]), 'policy-intervals'),
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
    step.sources = [
      { title: 'Edited in this browser', note: `${describeOffset({ amount, unit: step.offset.unit })} instead of ${describeOffset(step.offset)}.` },
      ...step.sources,
    ];
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
 * force (load order within a day): the built-in default and every file
 * loaded (the engine refuses a file with the built-in one's id), each with
 * the user's edits applied.
 * entry: { base, origin: 'built-in' | 'file', name, order, edited, profile }
 * where `profile` is what the engine is given: the edited copy if there is one.
 */
export function profileEntries(defaultProfile, loaded, edits) {
  const entries = [{ base: defaultProfile, origin: 'built-in', name: '' }];
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
