// The printed record: the answers entered (#answers, shown only in print),
// the "Printed on" line and the print button.

import { replace } from '../dom.js';
import { renderAnswers } from '../render.js';

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
    window.addEventListener('beforeprint', () => this.stamp());
    this.stamp();
  }

  /** The answers entered, by section (form.js answers()). */
  showAnswers(sections) {
    // Redrawn only when they change: a case can have hundreds of answers.
    const key = JSON.stringify(sections);
    if (key === this.shown) return;
    this.shown = key;
    renderAnswers(this.list, sections);
  }

  stamp() {
    replace(this.printedOn, `Printed on ${now()}`);
  }
}
