// Where a case path is on the page: the control an error or a flag links to.

import { pathToId, parentPath, toFormPath } from './form.js';
import { fieldLabel } from './words.js';

/** The element a case path points at: a control, a date's day box, a row's first control. */
export function resolveTarget(path) {
  let p = String(path ?? '');
  while (p) {
    const el = document.getElementById(pathToId(p));
    if (el) {
      if (el.classList.contains('govuk-date-input')) return document.getElementById(`${el.id}-day`);
      if (el.matches('input, select, textarea')) return el;
      return el.querySelector('input, select, textarea, button') ?? el;
    }
    p = parentPath(p);
  }
  return null;
}

/** The element's id, giving it one if it has none (links need one). */
export function targetId(el) {
  if (!el) return null;
  if (!el.id) el.id = `target-${Math.random().toString(36).slice(2, 8)}`;
  return el.id;
}

/** The answer an element belongs to: its repeated row, else its field. */
export const unitOf = (el) => el?.closest('.app-repeat__row') ?? el?.closest('[data-field]') ?? null;

/**
 * For report paths (case indexes): the id of the form control, and the field
 * in words as the form numbers its rows ("Supervision period 2: start date").
 */
export const reportTarget = (path, rowMap) => targetId(resolveTarget(toFormPath(path, rowMap)));
export const reportLabel = (path, rowMap) => fieldLabel(toFormPath(path, rowMap));
