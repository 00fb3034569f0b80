// The presentation view of a training round: one part at a time (the story,
// the facts, the predictions, then each part of the reveal) in large type for
// a projector, moved through with the arrow keys, space, Page Up/Down, Home
// and End; Escape leaves. The parts are the round's [data-slide] sections.

import { h, replace, focusStatic } from '../dom.js';

const FORM_CONTROLS = 'input, select, textarea';

export class Presenter {
  /**
   * @param {HTMLElement} root - the round (#training-round)
   * @param {{ announce: (text: string) => void, beforeNext: (slide: HTMLElement) => void }} config -
   *   the page's announcer; called before moving on from a part (the reveal
   *   happens on leaving the predictions)
   */
  constructor(root, { announce, beforeNext }) {
    Object.assign(this, { root, announce, beforeNext });
    this.active = false;
    this.index = 0;
    this.onKey = this.onKey.bind(this);
    this.counter = h('p', { class: 'govuk-body app-present-bar__count', id: 'present-count' });
    const button = (text, action, extra = '') => {
      const b = h('button', { type: 'button', class: `govuk-button govuk-button--secondary govuk-!-margin-bottom-0 ${extra}`.trim() }, text);
      b.addEventListener('click', action);
      return b;
    };
    this.bar = h('div', { class: 'app-present-bar', role: 'group', 'aria-label': 'Presentation' },
      button('Previous', () => this.show(this.index - 1), 'app-present-prev'),
      this.counter,
      button('Next', () => this.next(), 'app-present-next'),
      h('p', { class: 'govuk-body-s app-present-bar__keys' }, 'Next: → or space. Back: ←. Leave: Esc.'),
      button('Leave the presentation', () => this.stop(), 'app-present-leave'));
  }

  slides() {
    return [...this.root.querySelectorAll('[data-slide]')].filter((s) => !s.hidden && !s.closest('[hidden]'));
  }

  start() {
    this.active = true;
    this.returnTo = document.activeElement;
    document.body.classList.add('app-presenting');
    this.root.prepend(this.bar);
    document.addEventListener('keydown', this.onKey);
    this.show(0);
  }

  stop() {
    if (!this.active) return;
    this.active = false;
    document.body.classList.remove('app-presenting');
    document.removeEventListener('keydown', this.onKey);
    for (const s of this.root.querySelectorAll('.app-slide--current')) s.classList.remove('app-slide--current');
    this.bar.remove();
    const back = this.root.querySelector('#present');
    if (back) back.focus();
  }

  /** Shows the same part again after the parts changed (the reveal adds some). */
  refresh() {
    if (this.active) this.show(this.index, { quiet: true });
  }

  show(index, { quiet = false } = {}) {
    const slides = this.slides();
    this.index = Math.max(0, Math.min(index, slides.length - 1));
    slides.forEach((s, i) => s.classList.toggle('app-slide--current', i === this.index));
    const slide = slides[this.index];
    const more = this.root.querySelector('#round-reveal')?.hidden ? ', then the answers' : '';
    replace(this.counter, `${this.index + 1} of ${slides.length}${more}`);
    if (quiet) return;
    window.scrollTo(0, 0);
    // Focus reads the part's heading; the announcement adds only where it is.
    const heading = slide?.querySelector('h3[tabindex]');
    if (heading) focusStatic(heading);
    this.announce(`Part ${this.index + 1} of ${slides.length}`);
  }

  next() {
    this.beforeNext(this.slides()[this.index]);
    this.show(this.index + 1);
  }

  onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys that type or choose in a form control are the control's own.
    const inControl = event.target instanceof Element && event.target.closest(FORM_CONTROLS);
    const onButton = event.target instanceof Element && event.target.closest('button, a, summary');
    switch (event.key) {
      case 'ArrowRight':
      case 'PageDown':
        if (inControl) return;
        this.next();
        break;
      case ' ':
        if (inControl || onButton) return;
        this.next();
        break;
      case 'ArrowLeft':
      case 'PageUp':
        if (inControl) return;
        this.show(this.index - 1);
        break;
      case 'Home':
        if (inControl) return;
        this.show(0);
        break;
      case 'End':
        if (inControl) return;
        this.show(this.slides().length - 1);
        break;
      case 'Escape':
        this.stop();
        break;
      default:
        return;
    }
    event.preventDefault();
  }
}
