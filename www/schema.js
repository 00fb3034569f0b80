// The case form, as data: every question, its case JSON path (case.rs), its
// control and its words. form.js builds the page, reads the answers and
// fills them back from this one description, so paths and ids always agree.

export const LEVELS = [
  ['low', 'Low'],
  ['medium', 'Medium'],
  ['high', 'High'],
  ['very-high', 'Very high'],
];

export const SOURCES = [
  ['previous-convictions', 'Previous convictions'],
  ['previous-assessments', 'Previous assessments'],
  ['police-call-outs', 'Police call-outs'],
  ['police-intelligence', 'Police intelligence'],
  ['childrens-services', "Children's services"],
  ['marac', 'MARAC (multi-agency risk assessment conference)'],
  ['mappa', 'MAPPA'],
  ['custody-records', 'Custody records'],
  ['health', 'Health services'],
  ['victim-information', 'Victim information'],
  ['other-agencies', 'Other agencies'],
  ['self-report', 'Self-report by the person'],
];

export const KEY_FACTS = [
  ['address', 'Address'],
  ['relationship', 'Relationship'],
  ['household', 'Household (who lives there)'],
  ['employment', 'Employment'],
];

export const EVENT_KINDS = [
  ['arrest-or-charge', 'Arrest or charge'],
  ['domestic-abuse-call-out', 'Domestic abuse call-out or allegation'],
  ['new-relationship', 'New relationship'],
  ['change-of-address-or-household', 'Change of address or household'],
  ['children-joined-household', 'Children joined the household'],
  ['release-from-custody', 'Release from custody'],
  ['recall', 'Recall'],
  ['breach-or-non-compliance', 'Breach or non-compliance (for example missed appointments)'],
  ['threats-or-weapon', 'Threats or weapon'],
  ['violence-in-custody', 'Violence in custody'],
  ['substance-misuse-relapse', 'Relapse into substance misuse'],
  ['mental-health-deterioration', 'Deterioration in mental health'],
  ['loss-of-accommodation-or-employment', 'Loss of accommodation or employment'],
  ['agency-intelligence', 'Intelligence from another agency'],
];

export const RISK_GROUPS = [
  ['children', 'Children'],
  ['public', 'Public'],
  ['known-adult', 'Known adult'],
  ['staff', 'Staff'],
  ['prisoners', 'Prisoners'],
];

const ENQUIRY_STATUS = [
  ['not-requested', 'Not requested'],
  ['requested', 'Requested, not completed'],
  ['completed', 'Completed'],
];

const enquiry = (base, title, short) => ({
  kind: 'group',
  title,
  children: [
    { kind: 'radios', key: `${base}.status`, label: 'Status', name: `status of the ${short}`, inline: true, options: ENQUIRY_STATUS },
    { kind: 'date', key: `${base}.requested`, label: 'Date requested', name: `date the ${short} was requested` },
    { kind: 'date', key: `${base}.completed`, label: 'Date completed', name: `date the ${short} was completed` },
  ],
});

const yesno = (key, label, extra = {}) => ({
  kind: 'yesno',
  key,
  label,
  name: extra.name ?? label,
  ...extra,
});

export const SECTIONS = [
  {
    kind: 'section',
    id: 'section-case',
    title: '1. Case',
    children: [
      {
        kind: 'text', key: 'reference', label: 'Case reference', name: 'case reference', width: 20,
        hint: 'For your own records, for example a case number. Avoid names: this text goes into the files you save.',
      },
      {
        kind: 'date', key: 'today', label: 'Assess the case on', name: '‘assess on’ date',
        hint: 'Deadlines and overdue steps are worked out for this date. Leave blank to use today’s date. For example, 1 7 2024',
      },
      {
        kind: 'text', key: 'policy', label: 'Policy profile id (optional)', name: 'policy profile id', width: 20,
        hint: 'Leave blank to use the profile in force on the first court appearance (else the date charged). See “Policy profiles” below for the profiles loaded.',
      },
    ],
  },
  {
    kind: 'section',
    id: 'section-supervision',
    title: '2. Supervision periods',
    intro: 'Each period of probation supervision, in any order: for example a licence followed by post-sentence supervision.',
    children: [
      {
        kind: 'repeat', path: 'supervision', item: 'supervision period', initial: 1,
        children: [
          { kind: 'select', key: 'type', label: 'Type of supervision', name: 'type', optionsFrom: 'supervision_types', placeholder: 'Select a type' },
          { kind: 'date', key: 'start', label: 'Start date', name: 'start date' },
          { kind: 'date', key: 'scheduled_end', label: 'Scheduled end date', name: 'scheduled end date', hint: 'Leave blank for an indeterminate licence with no end date.' },
          { kind: 'date', key: 'terminated', label: 'Date it ended early (if it did)', name: 'early termination date', hint: 'Only if supervision was revoked or terminated before the scheduled end.' },
        ],
      },
    ],
  },
  {
    kind: 'section',
    id: 'section-offence',
    title: '3. Charged offence',
    children: [
      { kind: 'select', key: 'offence.id', label: 'Offence charged', name: 'offence charged', optionsFrom: 'offences', placeholder: 'Select the offence' },
      {
        kind: 'radios', key: 'offence.inchoate', label: 'Was it charged as an attempt, conspiracy or similar?', name: 'inchoate form', none: 'none', inline: true,
        hint: 'These count as the offence itself.',
        options: [
          ['none', 'No, the offence itself'],
          ['attempt', 'Attempt'],
          ['conspiracy', 'Conspiracy'],
          ['incitement', 'Incitement'],
          ['soliciting', 'Soliciting'],
          ['encouraging-or-assisting', 'Encouraging or assisting'],
        ],
      },
      { kind: 'date', key: 'offence.alleged_from', label: 'Date of the alleged offence', name: 'date of the alleged offence', hint: 'If the offence is alleged over a range of days, the first day of the range.' },
      { kind: 'date', key: 'offence.alleged_to', label: 'Last day of the range (if the date is a range)', name: 'last day of the alleged offence range' },
      { kind: 'date', key: 'offence.charged', label: 'Date charged', name: 'date charged' },
      { kind: 'date', key: 'offence.first_court_appearance', label: 'Date of the first court appearance on the charge', name: 'date of the first court appearance' },
      { kind: 'date', key: 'offence.charges_dropped', label: 'Date charges were dropped or discontinued (if they were)', name: 'date charges were dropped' },
    ],
  },
  {
    kind: 'section',
    id: 'section-review',
    title: '4. Review progress',
    children: [
      { kind: 'date', key: 'review.notification_submitted', label: 'Notification submitted on', name: 'date the notification was submitted' },
      { kind: 'date', key: 'review.review_submitted', label: 'SFO review submitted on', name: 'date the review was submitted' },
      { kind: 'date', key: 'review.qa_completed', label: 'Quality assurance completed on', name: 'date quality assurance was completed' },
      {
        kind: 'repeat', path: 'review.extensions', item: 'extension request', initial: 0,
        title: 'Extension requests',
        children: [
          { kind: 'select', key: 'step', label: 'Step', name: 'step', optionsFrom: 'steps', placeholder: 'Select a step' },
          { kind: 'date', key: 'requested', label: 'Date requested', name: 'date requested' },
          { kind: 'radios', key: 'decision', label: 'Decision', name: 'decision', inline: true, options: [['pending', 'Pending'], ['granted', 'Granted'], ['refused', 'Refused']] },
          { kind: 'date', key: 'decided', label: 'Date decided', name: 'date decided' },
          { kind: 'date', key: 'new_due', label: 'New due date (if granted as a date)', name: 'new due date' },
          { kind: 'number', key: 'extra_working_days', label: 'Or: extra working days granted', name: 'number of extra working days', width: 3 },
          { kind: 'text', key: 'reason', label: 'Reason', name: 'reason', width: 'full' },
        ],
      },
    ],
  },
  {
    kind: 'section',
    id: 'section-rosh',
    title: '5. RoSH assessment',
    intro: 'The latest risk of serious harm (RoSH) assessment before the offence.',
    children: [
      { kind: 'date', key: 'rosh.date', label: 'Date of the assessment', name: 'date of the assessment' },
      { kind: 'radios', key: 'rosh.setting', label: 'Where was the assessment made?', name: 'setting of the assessment', inline: true, options: [['community', 'Community'], ['custody', 'Custody']] },
      { kind: 'select', key: 'rosh.overall', label: 'Overall RoSH level', name: 'overall RoSH level', options: LEVELS, placeholder: 'Not recorded' },
      {
        kind: 'group', title: 'RoSH level for each group', legend: true, inline: true, hint: 'Leave a group blank if it was not rated.',
        children: [
          { kind: 'select', key: 'rosh.groups.children', label: 'Children', name: 'RoSH level for children', options: LEVELS, placeholder: 'Not rated' },
          { kind: 'select', key: 'rosh.groups.public', label: 'Public', name: 'RoSH level for the public', options: LEVELS, placeholder: 'Not rated' },
          { kind: 'select', key: 'rosh.groups.known_adult', label: 'Known adult', name: 'RoSH level for a known adult', options: LEVELS, placeholder: 'Not rated' },
          { kind: 'select', key: 'rosh.groups.staff', label: 'Staff', name: 'RoSH level for staff', options: LEVELS, placeholder: 'Not rated' },
          { kind: 'select', key: 'rosh.groups.prisoners', label: 'Prisoners', name: 'RoSH level for prisoners', options: LEVELS, placeholder: 'Not rated', hint: 'Custody assessments only.' },
        ],
      },
      {
        kind: 'group', title: 'Previous assessment', legend: true,
        children: [
          { kind: 'date', key: 'rosh.previous.date', label: 'Date of the previous assessment', name: 'date of the previous assessment' },
          { kind: 'select', key: 'rosh.previous.overall', label: 'Overall RoSH level at the previous assessment', name: 'previous overall RoSH level', options: LEVELS, placeholder: 'Not recorded' },
        ],
      },
      yesno('rosh.change_in_circumstances_recorded', 'Is a change in circumstances recorded between the previous assessment and this one?'),
      {
        kind: 'group', title: 'Assessor', legend: true,
        children: [
          {
            kind: 'select', key: 'rosh.assessor.role', label: 'Role of the assessor', name: 'role of the assessor', placeholder: 'Not recorded',
            options: [
              ['probation-officer', 'Probation officer'],
              ['senior-probation-officer', 'Senior probation officer'],
              ['probation-services-officer', 'Probation services officer (PSO)'],
              ['trainee', 'Trainee probation officer (PQiP)'],
              ['other', 'Other'],
            ],
          },
          { kind: 'number', key: 'rosh.assessor.months_qualified', label: 'Whole months since the assessor qualified', name: 'months since the assessor qualified', width: 3 },
          yesno('rosh.assessor.countersigned', 'Was the assessment countersigned?'),
          yesno('rosh.assessor.manages_case', 'Does the assessor manage the case?'),
        ],
      },
      yesno('rosh.completed_late', 'Was the assessment completed after it was due?'),
      enquiry('rosh.domestic_abuse_enquiry', 'Police domestic abuse enquiry', 'domestic abuse enquiry'),
      enquiry('rosh.safeguarding_enquiry', 'Children’s services (safeguarding) enquiry', 'safeguarding enquiry'),
      { kind: 'checkboxes', key: 'rosh.sources', label: 'Which sources did the assessment draw on?', name: 'sources the assessment drew on', hint: 'Select all that apply.', options: SOURCES, columns: true },
      { kind: 'checkboxes', key: 'rosh.unverified', label: 'Which key facts were self-reported and not verified?', name: 'unverified facts', hint: 'Select all that apply.', options: KEY_FACTS },
    ],
  },
  {
    kind: 'section',
    id: 'section-circumstances',
    title: '6. Circumstances',
    intro: 'Leave a question unanswered, or choose “Not known”, if you do not know: unknown is not the same as no.',
    children: [
      {
        kind: 'group', title: 'Children',
        children: [
          yesno('circumstances.children_in_household', 'Do children live in the household?'),
          yesno('circumstances.children_visiting', 'Do children visit the household?'),
          yesno('circumstances.contact_with_children', 'Does the person have contact with children outside the household?'),
          yesno('circumstances.offended_against_children', 'Has the person offended against children?'),
        ],
      },
      {
        kind: 'group', title: 'Relationships and victims',
        children: [
          yesno('circumstances.partner', 'Does the person have a partner?'),
          yesno('circumstances.ex_partner', 'Is there an ex-partner who may be at risk?'),
          yesno('circumstances.named_victim', 'Is there a named victim?'),
          yesno('circumstances.domestic_abuse_indicators', 'Are there any domestic abuse indicators?', { hint: 'History, police call-outs or disclosures.' }),
          yesno('circumstances.violence_to_staff', 'Has there been violence or threats towards staff?'),
        ],
      },
      {
        kind: 'group', title: 'Curfew',
        children: [
          yesno('circumstances.em_curfew_proposed', 'Is an electronically monitored (EM) curfew proposed?'),
          yesno('circumstances.hdc_proposed', 'Is home detention curfew (HDC) proposed?'),
          yesno('circumstances.occupier_consent', 'Did the occupier of the curfew address give informed consent?'),
        ],
      },
      {
        kind: 'group', title: 'MAPPA', legend: true,
        children: [
          yesno('circumstances.mappa.eligible', 'Is the person MAPPA-eligible?'),
          { kind: 'select', key: 'circumstances.mappa.category', label: 'MAPPA category', name: 'MAPPA category', numeric: true, placeholder: 'Not recorded', options: [['1', 'Category 1'], ['2', 'Category 2'], ['3', 'Category 3'], ['4', 'Category 4']] },
          { kind: 'select', key: 'circumstances.mappa.level', label: 'MAPPA level', name: 'MAPPA level', numeric: true, placeholder: 'Not recorded', options: [['1', 'Level 1'], ['2', 'Level 2'], ['3', 'Level 3']] },
        ],
      },
      {
        kind: 'repeat', path: 'circumstances.orders', item: 'protective order', initial: 0,
        title: 'Civil and ancillary orders protecting someone',
        children: [
          {
            kind: 'select', key: 'type', label: 'Type of order', name: 'type', placeholder: 'Select a type',
            options: [
              ['restraining', 'Restraining order'],
              ['non-molestation', 'Non-molestation order'],
              ['domestic-abuse-protection', 'Domestic abuse protection order'],
              ['stalking-protection', 'Stalking protection order'],
              ['sexual-harm-prevention', 'Sexual harm prevention order'],
            ],
          },
          { kind: 'checkboxes', key: 'protects', label: 'Who does it protect?', name: 'groups protected', hint: 'Select all that apply.', options: RISK_GROUPS, small: true },
        ],
      },
      {
        kind: 'repeat', path: 'circumstances.custody_incidents', item: 'custody incident', initial: 0,
        title: 'Incidents in custody',
        children: [
          { kind: 'select', key: 'type', label: 'Type of incident', name: 'type', placeholder: 'Select a type', options: [['violence', 'Violence'], ['weapon', 'Weapon'], ['threats', 'Threats']] },
          { kind: 'date', key: 'date', label: 'Date of the incident', name: 'date' },
          yesno('considered_in_assessment', 'Did the assessment take it into account?', { name: 'answer on whether the assessment took it into account' }),
        ],
      },
      {
        kind: 'repeat', path: 'circumstances.non_convicted_behaviour', item: 'record of behaviour', initial: 0,
        title: 'Behaviour that did not lead to a conviction',
        intro: 'Evidenced or admitted behaviour: domestic abuse call-outs, allegations, intelligence.',
        children: [
          {
            kind: 'select', key: 'type', label: 'Type of behaviour', name: 'type', placeholder: 'Select a type',
            options: [['domestic-abuse-call-out', 'Domestic abuse call-out'], ['allegation', 'Allegation'], ['intelligence', 'Intelligence'], ['admitted', 'Admitted behaviour']],
          },
          { kind: 'date', key: 'date', label: 'Date', name: 'date' },
        ],
      },
      {
        kind: 'group', title: 'Offending history',
        children: [
          yesno('circumstances.index_offence_violent', 'Was the index offence violent?'),
          yesno('circumstances.index_offence_sexual', 'Was the index offence sexual?'),
          {
            kind: 'checkboxes', key: 'circumstances.previous_convictions', label: 'Previous convictions for', name: 'previous convictions', hint: 'Select all that apply.',
            options: [['serious-violence', 'Serious violence'], ['weapons', 'Weapons'], ['domestic-abuse', 'Domestic abuse'], ['sexual', 'Sexual offending']],
          },
          yesno('circumstances.complex_case', 'Is it a complex case?', { hint: 'Your or your manager’s judgement.' }),
        ],
      },
    ],
  },
  {
    kind: 'section',
    id: 'section-events',
    title: '7. Events since the assessment',
    intro: 'Dated risk-relevant events that should prompt a reassessment.',
    children: [
      {
        kind: 'repeat', path: 'events', item: 'event', initial: 1,
        children: [
          { kind: 'select', key: 'type', label: 'What happened', name: 'type', placeholder: 'Select an event', options: EVENT_KINDS },
          { kind: 'date', key: 'date', label: 'Date', name: 'date' },
          { kind: 'text', key: 'note', label: 'Note (optional)', name: 'note', width: 'full' },
        ],
      },
    ],
  },
];
