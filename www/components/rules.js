// "How the rules work": every rule, step and flag of the engine's registry
// with its statement, status and sources, and the timescales of the profile
// in force. The same content as docs/rules.md, from the same source.

import { h, replace } from '../dom.js';
import { citation } from '../citations.js';
import { describeOffset, anchorLabel, statusText, vocabulary } from '../words.js';

function ruleItem(rule, profile) {
  const step = rule.kind === 'step' ? profile?.timetable.find((s) => s.id === rule.id) : null;
  return h('div', { class: 'app-rule', id: `rule-${rule.id}`, 'data-rule': rule.id },
    h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, rule.title, ' ', h('code', { class: 'app-rule-id' }, rule.id)),
    h('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, rule.statement),
    step ? h('p', { class: 'govuk-body govuk-!-margin-bottom-1' },
      h('strong', null, 'In the profile in force: '),
      `${describeOffset(step.offset)} after ${anchorLabel(step.counts_from)} (${statusText(step.status)}).`) : null,
    rule.inaccuracy_kinds.length ? h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' },
      h('strong', null, 'Kind of inaccuracy: '),
      rule.inaccuracy_kinds.map((k) => `${k.number}. ${k.name}`).join('; '),
      rule.kind_is_reading ? ` (${vocabulary().kind_is_reading})` : '') : null,
    h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, h('strong', null, 'Status: '), rule.status_text),
    h('ul', { class: 'govuk-list govuk-!-font-size-16 app-rule__sources' },
      rule.citations.map((c) => h('li', null, citation(c)))));
}

/** Fills `root` from the vocabulary and the profile in force. */
export function renderRules(root, vocab, profile) {
  const headings = [...new Set(vocab.rules.map((r) => r.heading))];
  replace(root,
    headings.map((heading) => {
      const rules = vocab.rules.filter((r) => r.heading === heading);
      return h('section', { class: 'app-rules__group' },
        h('h3', { class: 'govuk-heading-m' }, heading),
        rules[0].kind === 'flag'
          ? h('div', null,
            h('p', { class: 'govuk-body' }, 'Flags are prompts to look again at the risk of serious harm assessment, never verdicts. HM Inspectorate of Probation found five kinds of inaccuracy in the reviews it quality-assured:'),
            h('ol', { class: 'govuk-list govuk-list--number' }, vocab.inaccuracy_kinds.map((k) => h('li', null, h('strong', null, `${k.name}. `), k.text))))
          : null,
        rules.map((r) => ruleItem(r, profile)));
    }),
    h('h3', { class: 'govuk-heading-m' }, 'Sources'),
    h('ul', { class: 'govuk-list govuk-list--bullet' }, vocab.citations.map((c) => h('li', null, citation(c)))));
}
