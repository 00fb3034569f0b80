// Save, open or start again (the toolbar, #toolbar): saving the case and its
// deadlines as files, opening a saved case, and clearing the form. Problems
// with a file opened are listed in the box it is given (#file-problems).

import { h, replace, onFieldLink, focusStatic } from '../dom.js';
import { todayIso } from '../dates.js';
import { renderErrorList } from '../render.js';
import { caseFromRaw, rawFromCase, draftOf, rawFromDraft, DRAFT_SCHEMA } from '../form.js';
import { buildIcs } from '../ics.js';
import { resolveTarget, targetId } from '../targets.js';
import { checkCase, entryFor } from '../state.js';
import { calendarOf } from '../calendar.js';
import { fieldLabel } from '../words.js';

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

/** The most the engine reads (strict.rs MAX_DOCUMENT_BYTES): a larger file is refused unread. */
export const MAX_FILE_BYTES = 1024 * 1024;

async function readFile(input) {
  const file = input.files?.[0];
  if (!file) return null;
  if (file.size > MAX_FILE_BYTES) return { name: file.name, tooLarge: true };
  return { name: file.name, text: await file.text() };
}

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

  saveCase() {
    const raw = this.form.read();
    const built = caseFromRaw(raw);
    if (built.errors.length) {
      // Never refused: a draft keeps exactly what was typed, the bad values too.
      const draftName = `sfo-draft-${slug(raw.values.reference ?? '') || todayIso()}.json`;
      const { errors } = this.update({ force: true });
      download(draftName, 'application/json', `${JSON.stringify(draftOf(raw, errors), null, 2)}\n`);
      this.state.dirty = false;
      const n = errors.length;
      replace(this.status, `Saved as a draft, ${draftName}, in your downloads: it keeps everything you typed, including ${n === 1 ? 'the answer' : `the ${n} answers`} with errors. Open it here to carry on.`);
      this.announce(`Saved as a draft, ${draftName}.`);
      return;
    }
    const reference = built.case.reference;
    const name = slug(reference) ? `sfo-case-${slug(reference)}.json` : `sfo-case-${todayIso()}.json`;
    download(name, 'application/json', `${JSON.stringify(built.case, null, 2)}\n`);
    this.state.dirty = false;
    replace(this.status, `Saved as ${name} in your downloads.`);
  }

  /** The report's deadlines as a calendar file, reminders counted as the profile that worked them out counts. */
  saveDeadlines(report, { includeDone = false } = {}) {
    const name = `sfo-deadlines-${slug(report.reference) || todayIso()}.ics`;
    const profile = entryFor(this.state, report.stamp.policy.id)?.profile;
    const calendar = calendarOf(this.state.engine, profile?.extra_non_working_days ?? []);
    download(name, 'text/calendar', buildIcs(report, { now: new Date(), calendar, includeDone }));
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
    const file = await readFile(input);
    input.value = '';
    if (!file) return;
    if (file.tooLarge) {
      this.refuse(file, 'The file is larger than 1 MB, the most this page reads: it is not an sfo-check case.', 'open-case');
      return;
    }
    await this.openFile(file);
  }

  /**
   * A case file's text ({ name, text }) into the form, its problems listed:
   * from a file picked, or a caseload's row.
   */
  async openFile(file) {
    const { state } = this;
    // The engine reads it first, strictly: a key given twice or a list over
    // its limit is refused, never silently read.
    const read = state.engine.readCaseDocument(file.text, 'case file');
    if (!read.ok && read.errors[0]?.code !== 'not-json') {
      const e = read.errors[0];
      this.refuse(file, e.path ? `${fieldLabel(e.path)}: ${e.message}` : e.message, 'open-case');
      return;
    }
    let obj;
    try {
      obj = JSON.parse(file.text.replace(/^\uFEFF/, ''));
    } catch {
      const check = state.engine.check(file.text, {});
      this.refuse(file, check.ok ? 'The file is not JSON.' : check.errors[0].message, 'open-case');
      return;
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      this.refuse(file, 'The file is not an sfo-check case: it must be a JSON object ({ ... }).', 'open-case');
      return;
    }
    if (obj.schema === DRAFT_SCHEMA) {
      await this.openDraft(file, obj);
      return;
    }
    if (obj.schema !== undefined && obj.schema !== 'sfo-check/case@1') {
      const isPolicy = String(obj.schema).startsWith('sfo-check/policy');
      this.refuse(file, isPolicy
        ? 'This file is a policy profile, not a case: load it under “Policy profiles” below.'
        : `This file is not an sfo-check case: its schema is “${obj.schema}”, and this page reads “sfo-check/case@1”.`,
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
