// The printed record: the answers entered (#answers, shown only in print),
// the "Printed on" line and the print button.

import { replace } from '../dom.js';
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
    button.addEventListener('click', () => window.print());
    window.addEventListener('beforeprint', () => {
      this.stamp();
      this.finish();
    });
    this.stamp();
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
