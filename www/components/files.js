// Save, open or start again (the toolbar, #toolbar): saving the case and its
// deadlines as files, opening a saved case, and clearing the form. Problems
// with a file opened are listed in the box it is given (#file-problems).

import { h, replace, onFieldLink, focusStatic } from '../dom.js';
import { todayIso } from '../dates.js';
import { renderErrorList } from '../render.js';
import { caseFromRaw, rawFromCase, draftOf, rawFromDraft } from '../form.js';
import { resolveTarget, targetId } from '../targets.js';
import { checkCase, calendarFileOf } from '../state.js';
import { fieldLabel, vocabulary, errorInWords } from '../words.js';

// Up to this many rows a case is drawn in one go (quicker); more, a slice per task.
const ROWS_AT_ONCE = 200;

export function slug(text) {
  return String(text ?? '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

/** Saves text (or a list of parts of it) as a file in the downloads, through a link that is clicked and removed. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob(Array.isArray(text) ? text : [text], { type }));
  const a = h('a', { href: url, download: name, class: 'govuk-visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A file picked, read only when the engine says its size is within the
 * limit for `what` it holds ('case file', 'policy file', 'scenario file',
 * 'caseload file'): { name, text } (or { name, bytes } with `as: 'bytes'`),
 * or { name, error } saying, in the engine's words, why it was refused
 * unread. A file the browser cannot read is an error too.
 */
export async function readFileWithin(engine, file, what, { as = 'text' } = {}) {
  const tooLarge = engine.fileTooLarge(what, file.size);
  if (tooLarge) return { name: file.name, error: tooLarge };
  try {
    return as === 'bytes' ? { name: file.name, bytes: await file.arrayBuffer() } : { name: file.name, text: await file.text() };
  } catch {
    return { name: file.name, error: { path: '', code: 'invalid', message: 'the file could not be read: check that it is still where it was and that you can open it' } };
  }
}

/** The most a saved case or draft may be, as the engine reads it. */
const MAX_SAVED_BYTES = 1024 * 1024;

export class Files {
  /**
   * @param {HTMLElement} root - the toolbar section
   * @param {{ state: object, form: import('./case-form.js').CaseForm, problems: HTMLElement,
   *   announce: (text: string) => void, update: (options?: object) => { visible?: object[] },
   *   onNewCase: (how: 'opened' | 'cleared') => void, focusResults: () => void }} config -
   *   the shared state (reads the engine and policy, sets dirty), the case
   *   form, the box for problems with a file opened, the page's announcer,
   *   checking the case, what to forget when another case takes its place,
   *   and taking the user to the results
   */
  constructor(root, { state, form, problems, announce, update, onNewCase, focusResults }) {
    Object.assign(this, { root, state, form, problems, announce, update, onNewCase, focusResults });
    const $ = (id) => root.querySelector(`#${id}`);
    this.status = $('save-status');
    this.openInput = $('open-case');
    this.startAgainButton = $('start-again');
    this.confirm = $('confirm-start-again');
    this.problemsTitle = problems.querySelector('.govuk-error-summary__title');
    this.problemsList = problems.querySelector('.govuk-error-summary__list');
    problems.addEventListener('click', onFieldLink);
    $('save-case').addEventListener('click', () => this.saveCase());
    this.openInput.addEventListener('change', () => this.openCase());
    this.startAgainButton.addEventListener('click', () => this.startAgain());
    $('cancel-clear').addEventListener('click', () => this.cancelStartAgain());
    $('confirm-clear').addEventListener('click', () => this.confirmStartAgain());
  }

  /**
   * Saves the case as a case file when the page could open it again as one
   * (the engine reads it as it would a file opened); otherwise, and with
   * errors, as a draft keeping exactly what was typed. A draft over the
   * most a file may hold is not written: the status names the longest
   * answers to shorten, and nothing typed is lost.
   */
  saveCase() {
    const raw = this.form.read();
    const built = caseFromRaw(raw);
    const text = built.errors.length ? null : `${JSON.stringify(built.case, null, 2)}\n`;
    if (text !== null && this.state.engine.readCaseDocument(text, 'case file').ok) {
      const reference = built.case.reference;
      const name = slug(reference) ? `sfo-case-${slug(reference)}.json` : `sfo-case-${todayIso()}.json`;
      download(name, 'application/json', text);
      this.state.dirty = false;
      replace(this.status, `Saved as ${name} in your downloads.`);
      return;
    }
    const { errors } = this.update({ force: true });
    const draft = `${JSON.stringify(draftOf(raw, errors), null, 2)}\n`;
    if (new TextEncoder().encode(draft).length > MAX_SAVED_BYTES) {
      const longest = Object.entries(raw.values).filter(([, v]) => typeof v === 'string')
        .sort(([, a], [, b]) => b.length - a.length).slice(0, 3)
        .map(([path, v]) => `${fieldLabel(path)} (${v.length.toLocaleString('en-GB')} characters)`);
      replace(this.status, `Not saved: the answers come to more than 1 MB, more than a saved file may hold, so the page could not open it again. Shorten the longest answers (${longest.join('; ')}) and save again. Nothing you typed has been lost.`);
      this.announce('Not saved: the answers are too long for a file. The longest are named below the Save button.');
      return;
    }
    const draftName = `sfo-draft-${slug(raw.values.reference ?? '') || todayIso()}.json`;
    download(draftName, 'application/json', draft);
    this.state.dirty = false;
    const n = errors.length;
    replace(this.status, `Saved as a draft, ${draftName}, in your downloads: it keeps everything you typed, including ${n === 1 ? 'the answer' : `the ${n} answers`} with errors. Open it here to carry on.`);
    this.announce(`Saved as a draft, ${draftName}.`);
  }

  /** The deadlines of the case shown as a calendar file, written by the engine with its profile's calendar. */
  saveDeadlines(report, { includeDone = false } = {}) {
    const name = `sfo-deadlines-${slug(report.reference) || todayIso()}.ics`;
    const made = calendarFileOf(this.state, { includeDone });
    if (!made.ok) {
      replace(this.status, `The deadlines could not be saved: ${made.errors[0]?.message ?? 'the case could not be checked'}.`);
      return;
    }
    download(name, 'text/calendar', made.value);
    replace(this.status, `Deadlines saved as ${name} in your downloads.`);
    this.announce(`Deadlines saved as ${name}.`);
  }

  showProblems(title, items) {
    replace(this.problemsTitle, title);
    renderErrorList(this.problemsList, items);
    this.problems.hidden = !items.length && !title;
  }

  hideProblems() {
    this.problems.hidden = true;
  }

  refuse(file, text, target) {
    this.showProblems(`${file.name} could not be opened`, [{ text, target }]);
    focusStatic(this.problems);
  }

  async openCase() {
    const input = this.openInput;
    const picked = input.files?.[0];
    input.value = '';
    if (!picked) return;
    const file = await readFileWithin(this.state.engine, picked, 'case file');
    if (file.error) {
      this.refuse(file, errorInWords(file.error), 'open-case');
      return;
    }
    await this.openFile(file);
  }

  /**
   * A case file's text ({ name, text }) into the form, its problems listed:
   * from a file picked, or a caseload's row. Whatever goes wrong is said in
   * the problems box, never left to the console with an earlier file's
   * problems still showing.
   */
  async openFile(file) {
    try {
      await this.openReadFile(file);
    } catch (thrown) {
      this.refuse(file, `The page could not open it: ${thrown?.message ?? thrown}`, 'open-case');
    }
  }

  async openReadFile(file) {
    const { state } = this;
    // The engine reads it first, strictly: text that is not JSON, a key
    // given twice, a list over its limit or nesting too deep is refused
    // before the page takes it apart itself.
    const read = state.engine.readCaseDocument(file.text, 'case file');
    if (!read.ok) {
      this.refuse(file, errorInWords(read.errors[0]), 'open-case');
      return;
    }
    const obj = JSON.parse(file.text.replace(/^\uFEFF/, ''));
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      this.refuse(file, 'The file is not an sfo-check case: it must be a JSON object ({ ... }).', 'open-case');
      return;
    }
    const { schemas } = vocabulary();
    if (obj.schema === schemas.draft) {
      await this.openDraft(file, obj);
      return;
    }
    if (obj.schema !== undefined && obj.schema !== schemas.case) {
      const isPolicy = String(obj.schema).startsWith('sfo-check/policy');
      this.refuse(file, isPolicy
        ? 'This file is a policy profile, not a case: load it under “Policy profiles” below.'
        : `This file is not an sfo-check case: its schema is “${obj.schema}”, and this page reads “${schemas.case}”.`,
      isPolicy ? 'policy-file' : 'open-case');
      return;
    }
    const { raw, dropped } = rawFromCase(obj);
    await this.writeForm(file, raw);
    this.onNewCase('opened');
    replace(this.status, '');
    if (dropped.length) {
      const check = checkCase(state, obj, typeof obj.policy === 'string' ? obj.policy : '');
      const engineErrors = check.ok ? [] : check.errors;
      const items = dropped.map((path) => {
        const e = engineErrors.find((x) => x.path === path || x.path.startsWith(`${path}.`) || x.path.startsWith(`${path}[`) || path.startsWith(`${x.path}.`) || path.startsWith(`${x.path}[`));
        return { text: `${fieldLabel(path)}: ${e ? e.message : 'this value could not be read, so it was not loaded'}`, target: targetId(resolveTarget(path)) ?? 'open-case' };
      });
      this.showProblems(`Some of ${file.name} was not loaded`, items);
    } else this.hideProblems();
    const { visible } = this.update({ force: true, focusSummary: true });
    if (dropped.length && !visible?.length) focusStatic(this.problems);
    else if (!visible?.length) {
      this.announce(`Opened ${file.name}.`);
      this.focusResults();
    }
  }

  /** An opened file's answers into the form: a long case a slice at a time, saying so. */
  async writeForm(file, raw) {
    const rows = Object.values(raw.rows).reduce((sum, n) => sum + n, 0);
    if (rows <= ROWS_AT_ONCE) {
      this.form.write(raw);
      return;
    }
    replace(this.status, `Opening ${file.name}: ${rows.toLocaleString('en-GB')} rows…`);
    await this.form.writeInSlices(raw);
  }

  /** A draft: its answers as typed go back into the form, with their errors shown. */
  async openDraft(file, draft) {
    const { raw, dropped } = rawFromDraft(draft.form);
    await this.writeForm(file, raw);
    this.onNewCase('opened');
    replace(this.status, `Opened the draft ${file.name}.`);
    if (dropped.length) {
      this.showProblems(`Some of ${file.name} was not loaded`, dropped.map((path) => ({
        text: `${fieldLabel(path)}: this is not an answer the form holds, so it was not loaded`, target: 'open-case',
      })));
    } else this.hideProblems();
    const { visible } = this.update({ force: true, focusSummary: true });
    if (!visible?.length) this.announce(`Opened the draft ${file.name}.`);
  }

  startAgain() {
    this.confirm.hidden = false;
    this.startAgainButton.setAttribute('aria-expanded', 'true');
    focusStatic(this.root.querySelector('#confirm-start-again-text'));
  }

  cancelStartAgain() {
    this.confirm.hidden = true;
    this.startAgainButton.setAttribute('aria-expanded', 'false');
    this.startAgainButton.focus();
  }

  confirmStartAgain() {
    this.confirm.hidden = true;
    this.startAgainButton.setAttribute('aria-expanded', 'false');
    this.form.clear();
    this.onNewCase('cleared');
    this.hideProblems();
    replace(this.status, '');
    this.update();
    this.announce('Everything you entered has been cleared.');
    this.form.focusStart();
  }
}
