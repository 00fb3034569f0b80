// Citations (registry.rs `Citation`) as a reader expects them: publisher,
// title in italics, date, section; a link where the source is public.

import { h } from './dom.js';
import { cap } from './words.js';

/**
 * An address a reader may follow: only a web page (https:, or http:). Any
 * other (javascript:, data:, file:, a relative path) is shown as text, never
 * made a link, on screen or on paper.
 */
export function webAddress(url) {
  try {
    const parsed = new URL(String(url));
    return ['https:', 'http:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

export function citation(c) {
  const web = c.url ? webAddress(c.url) : null;
  return h('span', { class: 'app-citation' },
    c.publisher ? `${c.publisher}, ` : '',
    h('cite', null, c.title),
    c.date ? ` (${c.date})` : '',
    c.section ? `, “${c.section}”` : '',
    c.detail ? `: ${c.detail}` : '',
    web ? [' ', h('a', { class: 'govuk-link', href: web, rel: 'noreferrer noopener' }, 'Read the source')] : null,
    c.url && !web ? ` (source address, not a web page: ${c.url})` : null);
}

/** A source as the printed list names it: without the note about one rule. */
const sourceKey = (c) => JSON.stringify([c.publisher ?? '', c.title, c.date ?? '', c.section ?? '', c.url ?? '']);

/**
 * The status mark and the sources behind a result. On paper the sources are
 * numbered in one list at the end (numberSources) and each result names its
 * numbers, so a source cited twenty times is printed once.
 */
export function statusLine(status, text, citations = []) {
  // A default or a reading is marked apart from what a source confirms.
  const unconfirmed = status === 'default' || status === 'reading';
  return h('div', { class: `govuk-body-s app-source${unconfirmed ? ` app-source--${status}` : ''}`, 'data-sources': JSON.stringify(citations.map(sourceKey)) },
    h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, h('strong', null, cap(text)), '.',
      h('span', { class: 'app-print-only app-source__numbers' })),
    citations.length === 1
      ? h('p', { class: 'govuk-body-s govuk-!-margin-bottom-0 app-source__cited' }, 'Source: ', citation(citations[0]))
      : h('div', { class: 'app-source__cited' },
        h('p', { class: 'govuk-body-s govuk-!-margin-bottom-0' }, 'Sources:'),
        h('ul', { class: 'govuk-list govuk-list--bullet govuk-!-font-size-16 govuk-!-margin-bottom-0' },
          citations.map((c) => h('li', null, citation(c))))));
}

/**
 * For print: numbers every source cited in `root` in order of first use,
 * writes each result's numbers beside its status and returns the printed
 * list ("Sources"), or null when nothing is cited.
 */
export function numberSources(root) {
  const numbers = new Map();
  const sources = [];
  for (const line of root.querySelectorAll('.app-source[data-sources]')) {
    const keys = JSON.parse(line.dataset.sources);
    const mine = keys.map((key) => {
      if (!numbers.has(key)) {
        numbers.set(key, numbers.size + 1);
        sources.push(JSON.parse(key));
      }
      return numbers.get(key);
    });
    const slot = line.querySelector('.app-source__numbers');
    mine.sort((a, b) => a - b);
    if (slot && mine.length) slot.textContent = ` ${mine.length === 1 ? 'Source' : 'Sources'} ${mine.join(', ')}.`;
  }
  if (!sources.length) return null;
  return h('section', { class: 'app-print-only app-print-sources', 'aria-label': 'Sources' },
    h('h3', { class: 'govuk-heading-s' }, 'Sources'),
    h('ol', { class: 'govuk-list govuk-list--number' }, sources.map(([publisher, title, date, section, url]) => h('li', null,
      citation({ publisher: publisher || null, title, date: date || null, section: section || null, url: url || null })))));
}
