// The printed record: the answers entered (#answers, shown only in print),
// the "Printed on" line and the print button.

import { replace } from '../dom.js';
import { longDate } from '../dates.js';
import { answerParts } from '../render.js';

// Rows of answers drawn per task: a case at the limits has thousands.
const SLICE = 400;

const now = () => new Date().toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export class Print {
  /**
   * @param {HTMLElement} root - the answers section
   * @param {{ button: HTMLElement, printedOn: HTMLElement }} config - the
   *   print button, and the line at the top of the page that says when it was printed
   */
  constructor(root, { button, printedOn }) {
    this.root = root;
    this.list = root.querySelector('#answers-list');
    this.printedOn = printedOn;
    this.title = document.getElementById('print-title');
    this.calculation = document.getElementById('print-stamp');
    this.screenTitle = document.title;
    this.documentTitle = '';
    button.addEventListener('click', () => window.print());
    window.addEventListener('beforeprint', () => {
      this.stamp();
      this.finish();
      // A saved PDF is named from the title: the case and the day it was checked.
      if (this.documentTitle) {
        this.screenTitle = document.title;
        document.title = this.documentTitle;
      }
    });
    window.addEventListener('afterprint', () => {
      if (this.documentTitle) document.title = this.screenTitle;
    });
    this.stamp();
  }

  /**
   * The record's heading for `report` (null: no result): the case and the day
   * it was checked, and how the result was worked out.
   */
  setReport(report, build) {
    if (!report) {
      replace(this.title, 'SFO check');
      replace(this.calculation, '');
      this.documentTitle = '';
      return;
    }
    const { stamp } = report;
    const reference = report.reference?.trim() || 'a case with no reference';
    replace(this.title, `SFO check: ${reference}, checked on ${longDate(stamp.today)}`);
    replace(this.calculation, `Worked out by ${stamp.engine} (build ${build.id}${build.module ? `, engine module ${build.module}` : ''}) with the policy profile ${stamp.policy.title} (${stamp.policy.id}, SHA-256 ${stamp.policy.sha256.slice(0, 12)}); bank holidays confirmed for ${stamp.calendar.confirmed_from} to ${stamp.calendar.confirmed_to}${stamp.calendar.predicted_dates_used ? ', some dates here use years that are not confirmed' : ''}.`);
    this.documentTitle = `SFO check – ${reference} – ${longDate(stamp.today)}`;
  }

  /**
   * The answers entered, by section, from `sections()` (form.js answers()):
   * worked out after the current task and drawn a slice at a time, replacing
   * the list only when complete. A later call abandons an unfinished one;
   * printing finishes it at once.
   */
  showAnswers(sections) {
    this.steps = null;
    this.pending = sections;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.next(), 0);
  }

  /** One slice; the first works out the answers (redrawn only when they change). */
  next(all = false) {
    if (this.pending) {
      const sections = this.pending();
      this.pending = null;
      const key = JSON.stringify(sections);
      if (key === this.shown) return;
      this.shown = key;
      this.steps = answerParts(sections, 'h3', SLICE);
    }
    if (!this.steps) return;
    let step = this.steps.next();
    while (all && !step.done) step = this.steps.next();
    if (step.done) {
      replace(this.list, step.value);
      this.steps = null;
    } else {
      this.timer = setTimeout(() => this.next(), 0);
    }
  }

  /** Before printing: the answers as they are now, drawn at once. */
  finish() {
    clearTimeout(this.timer);
    this.next(true);
  }

  stamp() {
    replace(this.printedOn, `Printed on ${now()}`);
  }
}
