// The case form's structure: its sections, groups, order, controls and
// layout, by case JSON path (case.rs). The words (questions, hints, names,
// value lists) are the engine's, looked up by path when form.js builds the
// form (words.js); only words the engine has no use for are here: section
// titles, page-only groupings, placeholders and additions to a hint that
// point at this page.

const enquiry = (base) => ({
  kind: 'group',
  key: base,
  children: [
    { kind: 'radios', key: `${base}.status`, inline: true },
    { kind: 'date', key: `${base}.requested` },
    { kind: 'date', key: `${base}.completed` },
  ],
});

const yesno = (key, extra = {}) => ({ kind: 'yesno', key, ...extra });

// MAPPA categories and levels are numbers the engine checks by range: their
// option words are the page's.
const numbered = (word, last) => Array.from({ length: last }, (_, i) => [String(i + 1), `${word} ${i + 1}`]);

export const SECTIONS = [
  {
    kind: 'section',
    id: 'section-case',
    title: '1. Case',
    children: [
      { kind: 'text', key: 'reference', width: 20 },
      { kind: 'date', key: 'today', pageHint: 'For example, 1 7 2024' },
      { kind: 'text', key: 'policy', width: 20, pageHint: 'See “Policy profiles” below for the profiles loaded.' },
    ],
  },
  {
    kind: 'section',
    id: 'section-supervision',
    title: '2. Supervision periods',
    key: 'supervision',
    children: [
      {
        kind: 'repeat', path: 'supervision', initial: 1,
        children: [
          { kind: 'select', key: 'type', optionsFrom: 'supervision_types', placeholder: 'Select a type' },
          { kind: 'date', key: 'start' },
          { kind: 'date', key: 'scheduled_end' },
          { kind: 'date', key: 'terminated' },
        ],
      },
    ],
  },
  {
    kind: 'section',
    id: 'section-offence',
    title: '3. Charged offence',
    children: [
      { kind: 'select', key: 'offence.id', optionsFrom: 'offences', placeholder: 'Select the offence' },
      { kind: 'radios', key: 'offence.inchoate', none: 'none', noneLabel: 'No, the offence itself', inline: true },
      { kind: 'date', key: 'offence.alleged_from' },
      { kind: 'date', key: 'offence.alleged_to' },
      { kind: 'date', key: 'offence.charged' },
      { kind: 'date', key: 'offence.first_court_appearance' },
      { kind: 'date', key: 'offence.charges_dropped' },
    ],
  },
  {
    kind: 'section',
    id: 'section-review',
    title: '4. Review progress',
    children: [
      { kind: 'date', key: 'review.notification_submitted' },
      { kind: 'date', key: 'review.review_submitted' },
      { kind: 'date', key: 'review.qa_completed' },
      {
        kind: 'repeat', path: 'review.extensions', initial: 0, titled: true,
        children: [
          { kind: 'select', key: 'step', optionsFrom: 'steps', placeholder: 'Select a step' },
          { kind: 'date', key: 'requested' },
          { kind: 'radios', key: 'decision', inline: true },
          { kind: 'date', key: 'decided' },
          { kind: 'date', key: 'new_due' },
          { kind: 'number', key: 'extra_working_days', width: 3 },
          { kind: 'text', key: 'reason', width: 'full' },
        ],
      },
    ],
  },
  {
    kind: 'section',
    id: 'section-rosh',
    title: '5. RoSH assessment',
    key: 'rosh',
    children: [
      { kind: 'date', key: 'rosh.date' },
      { kind: 'radios', key: 'rosh.setting', inline: true },
      { kind: 'select', key: 'rosh.overall', placeholder: 'Not recorded' },
      {
        kind: 'group', key: 'rosh.groups', legend: true, inline: true,
        children: [
          { kind: 'select', key: 'rosh.groups.children', placeholder: 'Not rated' },
          { kind: 'select', key: 'rosh.groups.public', placeholder: 'Not rated' },
          { kind: 'select', key: 'rosh.groups.known_adult', placeholder: 'Not rated' },
          { kind: 'select', key: 'rosh.groups.staff', placeholder: 'Not rated' },
          { kind: 'select', key: 'rosh.groups.prisoners', placeholder: 'Not rated' },
        ],
      },
      {
        kind: 'group', key: 'rosh.previous', legend: true,
        children: [
          { kind: 'date', key: 'rosh.previous.date' },
          { kind: 'select', key: 'rosh.previous.overall', placeholder: 'Not recorded' },
        ],
      },
      yesno('rosh.change_in_circumstances_recorded'),
      {
        kind: 'group', key: 'rosh.assessor', legend: true,
        children: [
          { kind: 'select', key: 'rosh.assessor.role', placeholder: 'Not recorded' },
          { kind: 'number', key: 'rosh.assessor.months_qualified', width: 3 },
          yesno('rosh.assessor.countersigned'),
          yesno('rosh.assessor.manages_case'),
        ],
      },
      yesno('rosh.completed_late'),
      enquiry('rosh.domestic_abuse_enquiry'),
      enquiry('rosh.safeguarding_enquiry'),
      { kind: 'checkboxes', key: 'rosh.sources', columns: true },
      { kind: 'checkboxes', key: 'rosh.unverified' },
    ],
  },
  {
    kind: 'section',
    id: 'section-circumstances',
    title: '6. Circumstances',
    key: 'circumstances',
    children: [
      {
        kind: 'group', title: 'Children',
        children: [
          yesno('circumstances.children_in_household'),
          yesno('circumstances.children_visiting'),
          yesno('circumstances.contact_with_children'),
          yesno('circumstances.offended_against_children'),
        ],
      },
      {
        kind: 'group', title: 'Relationships and victims',
        children: [
          yesno('circumstances.partner'),
          yesno('circumstances.ex_partner'),
          yesno('circumstances.named_victim'),
          yesno('circumstances.domestic_abuse_indicators'),
          yesno('circumstances.violence_to_staff'),
        ],
      },
      {
        kind: 'group', title: 'Curfew',
        children: [
          yesno('circumstances.em_curfew_proposed'),
          yesno('circumstances.hdc_proposed'),
          yesno('circumstances.occupier_consent'),
        ],
      },
      {
        kind: 'group', key: 'circumstances.mappa', legend: true,
        children: [
          yesno('circumstances.mappa.eligible'),
          { kind: 'select', key: 'circumstances.mappa.category', numeric: true, placeholder: 'Not recorded', options: numbered('Category', 4) },
          { kind: 'select', key: 'circumstances.mappa.level', numeric: true, placeholder: 'Not recorded', options: numbered('Level', 3) },
        ],
      },
      {
        kind: 'repeat', path: 'circumstances.orders', initial: 0, titled: true,
        children: [
          { kind: 'select', key: 'type', placeholder: 'Select a type' },
          { kind: 'checkboxes', key: 'protects' },
        ],
      },
      {
        kind: 'repeat', path: 'circumstances.custody_incidents', initial: 0, titled: true,
        children: [
          { kind: 'select', key: 'type', placeholder: 'Select a type' },
          { kind: 'date', key: 'date' },
          yesno('considered_in_assessment'),
        ],
      },
      {
        kind: 'repeat', path: 'circumstances.non_convicted_behaviour', initial: 0, titled: true,
        children: [
          { kind: 'select', key: 'type', placeholder: 'Select a type' },
          { kind: 'date', key: 'date' },
        ],
      },
      {
        kind: 'group', title: 'Offending history',
        children: [
          yesno('circumstances.index_offence_violent'),
          yesno('circumstances.index_offence_sexual'),
          { kind: 'checkboxes', key: 'circumstances.previous_convictions' },
          yesno('circumstances.complex_case'),
        ],
      },
    ],
  },
  {
    kind: 'section',
    id: 'section-events',
    title: '7. Events since the assessment',
    key: 'events',
    children: [
      {
        kind: 'repeat', path: 'events', initial: 1,
        children: [
          { kind: 'select', key: 'type', placeholder: 'Select an event' },
          { kind: 'date', key: 'date' },
          { kind: 'text', key: 'note', width: 'full' },
        ],
      },
    ],
  },
];
