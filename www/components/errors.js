// The error summary and the inline errors beside the case form's fields, the
// GOV.UK way. Bound to the summary (#error-summary); the only other elements
// it touches are the field groups of the form it is given, which it marks and
// unmarks itself.

import { h, onFieldLink, focusStatic } from '../dom.js';
import { renderErrorList } from '../render.js';
import { fieldFor, nameFor, toFormPath, missingVerb, errorMarks } from '../form.js';
import { cap } from '../words.js';
import { resolveTarget, targetId, unitOf } from '../targets.js';

/**
 * An engine error in words, chosen by its code. The field is named from the
 * form's path (its rows numbered as the form shows them, not as the case
 * counts them); the engine's message never names the field.
 */
function engineError(error, rowMap) {
  if (!error.path) return { text: `The case could not be checked: ${error.message}`, el: null };
  const path = toFormPath(error.path, rowMap);
  const text = error.code === 'required'
    ? `${missingVerb(fieldFor(path))} the ${nameFor(path)}`
    // The field named in words ("Start date for supervision period 1"), so
    // the entry has one colon, between the field and what is wrong.
    : `${cap(nameFor(path))}: ${error.message}`;
  return { text, path, el: resolveTarget(path) };
}

/**
 * Every error in a case: the page's own (`built`, from caseFromRaw) then the
 * engine's (`result`, from engine.check). Each has text, el (the control it is
 * about) and target (that control's id).
 */
export function caseErrors(built, result) {
  const errors = built.errors.map((e) => ({ ...e, text: e.message, el: resolveTarget(e.path) }));
  if (!result.ok) errors.push(...result.errors.map((e) => engineError(e, built.rowMap)));
  for (const e of errors) e.target = targetId(e.el);
  return errors;
}

export class ErrorSummary {
  /**
   * @param {HTMLElement} root - the error summary
   * @param {{ form: HTMLFormElement }} config - the form whose fields get inline errors
   */
  constructor(root, { form }) {
    this.root = root;
    this.list = root.querySelector('.govuk-error-summary__list');
    this.form = form;
    this.signature = '';
    this.shownTargets = new Set();
    this.decorated = [];
    root.addEventListener('click', onFieldLink);
  }

  /**
   * The errors to show: all of them when `force`, else not yet those in the
   * answer being typed (`active`, the focused element) unless already shown.
   */
  pick(errors, { force = false, active = null } = {}) {
    const activeUnit = active && this.form.contains(active) ? unitOf(active) : null;
    const visible = force
      ? errors
      : errors.filter((e) => !(activeUnit && e.el && unitOf(e.el) === activeUnit && !this.shownTargets.has(e.target)));
    this.shownTargets = new Set(visible.map((e) => e.target));
    return visible;
  }

  /** Shows these errors (only), in the summary and beside their fields. Returns whether anything changed. */
  show(visible) {
    const signature = JSON.stringify(visible.map((e) => [e.text, e.target, e.parts]));
    if (signature === this.signature) return false;
    this.signature = signature;
    this.clearInline();
    if (!visible.length) {
      this.root.hidden = true;
      renderErrorList(this.list, []);
      return true;
    }
    renderErrorList(this.list, visible);
    this.root.hidden = false;
    for (const error of visible) this.showInline(error);
    return true;
  }

  /** Forgets which errors were shown (a new case). */
  forget() {
    this.shownTargets = new Set();
  }

  focus() {
    focusStatic(this.root);
  }

  clearInline() {
    for (const undo of this.decorated) undo();
    this.decorated = [];
  }

  addClass(el, cls) {
    if (!el || el.classList.contains(cls)) return;
    el.classList.add(cls);
    this.decorated.push(() => el.classList.remove(cls));
  }

  /** Shows one error beside its field. */
  showInline(error) {
    const group = error.el?.closest('[data-field]');
    if (!group || group.querySelector(':scope > .govuk-error-message, :scope > fieldset > .govuk-error-message')) return;
    this.addClass(group, 'govuk-form-group--error');
    const fieldset = group.querySelector(':scope > fieldset');
    const control = fieldset ?? group.querySelector('input, select');
    const base = control.dataset.describedby ?? '';
    const id = `${group.querySelector('[id]').id.replace(/-(day|items)$/, '')}-error`;
    const message = h('p', { class: 'govuk-error-message', id }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), error.text);
    const hint = (fieldset ?? group).querySelector(':scope > .govuk-hint');
    const before = fieldset ? (hint ?? fieldset.querySelector(':scope > legend')) : (hint ?? group.querySelector(':scope > label'));
    before.after(message);
    control.setAttribute('aria-describedby', [base, id].filter(Boolean).join(' '));
    this.decorated.push(() => {
      message.remove();
      if (base) control.setAttribute('aria-describedby', base);
      else control.removeAttribute('aria-describedby');
    });
    for (const [el, cls] of errorMarks(group, group.dataset.kind, error.parts)) this.addClass(el, cls);
  }
}
