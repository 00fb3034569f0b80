// Citations (registry.rs `Citation`) as a reader expects them: publisher,
// title in italics, date, section; a link where the source is public.

import { h } from './dom.js';
import { cap } from './words.js';

export function citation(c) {
  return h('span', { class: 'app-citation' },
    c.publisher ? `${c.publisher}, ` : '',
    h('cite', null, c.title),
    c.date ? ` (${c.date})` : '',
    c.section ? `, “${c.section}”` : '',
    c.detail ? `: ${c.detail}` : '',
    c.url ? [' ', h('a', { class: 'govuk-link', href: c.url, rel: 'noreferrer noopener' }, 'Read the source')] : null);
}

/** The status mark and the sources behind a result. */
export function statusLine(status, text, citations = []) {
  const isDefault = status === 'default';
  return h('div', { class: `govuk-body-s app-source${isDefault ? ' app-source--default' : ''}` },
    h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, h('strong', null, cap(text)), '.'),
    citations.length === 1
      ? h('p', { class: 'govuk-body-s govuk-!-margin-bottom-0' }, 'Source: ', citation(citations[0]))
      : h('div', null,
        h('p', { class: 'govuk-body-s govuk-!-margin-bottom-0' }, 'Sources:'),
        h('ul', { class: 'govuk-list govuk-list--bullet govuk-!-font-size-16 govuk-!-margin-bottom-0' },
          citations.map((c) => h('li', null, citation(c))))));
}
