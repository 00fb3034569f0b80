// The case form (#case-form): built from schema.js by form.js, in the
// engine's words, with rows added and removed in place. It marks the case changed (state.dirty) and
// asks the page to check it again as answers change.

import {
  buildForm, readRaw, writeRaw, writeRawInSlices, hasEntries, setPolicyOptions, addRow, removeRow, rowCount, repeatNode, rowWords, answers,
} from '../form.js';
import { cap } from '../words.js';

export class CaseForm {
  /**
   * @param {HTMLFormElement} root - the (empty) case form
   * @param {{ state: object, announce: (text: string) => void, update: () => void,
   *   scheduleUpdate: () => void, onSubmit: () => void }} config - the shared
   *   state (sets dirty), the page's announcer, checking now or after a pause
   *   in typing, and what "Check now" does
   */
  constructor(root, { state, announce, update, scheduleUpdate, onSubmit }) {
    this.root = root;
    this.state = state;
    this.announce = announce;
    this.update = update;
    this.scheduleUpdate = scheduleUpdate;
    this.optionsFor = '';
    root.addEventListener('input', () => {
      state.dirty = true;
      scheduleUpdate();
    });
    root.addEventListener('change', () => {
      state.dirty = true;
      scheduleUpdate();
    });
    root.addEventListener('focusout', () => scheduleUpdate());
    root.addEventListener('click', (event) => this.onClick(event));
    root.addEventListener('submit', (event) => {
      event.preventDefault();
      onSubmit();
    });
  }

  /** Builds the fields, with the selects offered by `profile`. */
  build(profile) {
    buildForm(this.root);
    this.setOptions(profile);
  }

  /** The selects whose options come from the policy profile shown (redrawn only when it changes). */
  setOptions(profile) {
    const key = JSON.stringify(profile);
    if (key === this.optionsFor) return;
    this.optionsFor = key;
    setPolicyOptions(this.root, profile);
  }

  read() {
    return readRaw(this.root);
  }

  write(raw) {
    writeRaw(this.root, raw);
  }

  /**
   * As write, a slice of rows per task, for a case with many rows: the form
   * is not read (nor checked) until every row is in. It stays usable: what is
   * typed meanwhile is in a field already written, so nothing is lost (making
   * it inert would restyle every control twice, a long task of its own).
   */
  async writeInSlices(raw) {
    this.busy = true;
    this.root.setAttribute('aria-busy', 'true');
    try {
      await writeRawInSlices(this.root, raw);
    } finally {
      this.busy = false;
      this.root.removeAttribute('aria-busy');
    }
  }

  /** Empties every answer, with each repeat back to its first rows. */
  clear() {
    writeRaw(this.root, { values: {}, rows: Object.fromEntries(['supervision', 'events'].map((p) => [p, repeatNode(p).initial])) });
  }

  hasEntries() {
    return hasEntries(this.read());
  }

  /** The answers entered, for the printed record (form.js answers()). */
  answers(raw) {
    return answers(this.root, raw);
  }

  focusStart() {
    this.root.querySelector('#reference').focus();
  }

  onClick(event) {
    const { root } = this;
    const add = event.target.closest('[data-add]');
    if (add) {
      const row = addRow(root, add.dataset.add);
      row.querySelector('input, select').focus();
      this.announce(`${row.querySelector('legend').textContent} added.`);
      this.scheduleUpdate();
      return;
    }
    const remove = event.target.closest('[data-remove]');
    if (remove) {
      const path = remove.dataset.remove;
      const index = Number(remove.dataset.index);
      const { item, items } = rowWords(path);
      const raw = removeRow(readRaw(root), path, index);
      writeRaw(root, raw);
      this.state.dirty = true;
      const rows = root.querySelectorAll(`[data-row="${path}"]`);
      const next = rows[index] ?? null;
      if (next) next.querySelector('input, select').focus();
      else root.querySelector(`[data-add="${path}"]`).focus();
      this.announce(`${cap(item)} ${index + 1} removed.${rowCount(root, path) ? '' : ` No ${items} left.`}`);
      this.update();
    }
  }
}
