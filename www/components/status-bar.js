// The result in brief (#status-bar): on a phone the results are far below the
// form, so this bar stays at the foot of the window with the status, the next
// deadline and the number of flags, each a link to its part of the results,
// and a brief visible "Updated" when they change. It is hidden on wide
// screens, where the results panel stays beside the form. Screen readers hear
// changes from the results panel's own polite live region, not twice.

import { h, replace } from '../dom.js';
import { STATUS, STATE, stateDetail } from '../render.js';

// The steps someone must do, most pressing first: overdue, then due soonest.
const PRESSING = ['overdue', 'due-today', 'due-in'];

/** The deadline to show: the earliest overdue step, else the one due soonest. */
export function nextDeadline(report) {
  const pending = report.deadlines.filter((d) => PRESSING.includes(d.state.kind) && d.current_due);
  pending.sort((a, b) => PRESSING.indexOf(a.state.kind) - PRESSING.indexOf(b.state.kind)
    || a.current_due.localeCompare(b.current_due));
  return pending[0] ?? null;
}

export class StatusBar {
  /**
   * @param {HTMLElement} root - the bar, empty and hidden
   * @param {HTMLElement} results - the results panel: while any of it is on
   *   screen the bar steps aside, so the status is never shown twice
   */
  constructor(root, results) {
    this.root = root;
    this.shown = '';
    this.cueTimer = null;
    new IntersectionObserver(([entry]) => {
      root.classList.toggle('app-status-bar--beside-results', entry.isIntersecting);
    }).observe(results);
  }

  /** The report in brief. */
  show(report) {
    const status = STATUS[report.qualification.status];
    const next = nextDeadline(report);
    const flags = report.flags.length;
    this.render([
      h('a', { class: `govuk-link app-status-bar__status app-status-bar__status--${report.qualification.status}`, href: '#results-title' }, status.heading),
      h('a', { class: 'govuk-link app-status-bar__item', href: next ? '#result-deadlines-title' : '#results-title' }, next
        ? `Next: ${next.label}, ${STATE[next.state.kind][0].toLowerCase()} ${stateDetail(next)}`.trim()
        : 'No step due'),
      h('a', { class: 'govuk-link app-status-bar__item', href: flags ? '#result-flags-title' : '#results-title' },
        flags === 1 ? '1 flag' : `${flags} flags`),
    ]);
  }

  /** The results are out of date: how many errors to fix, linking to them. */
  stale(errorCount) {
    this.render([
      h('a', { class: 'govuk-link app-status-bar__status app-status-bar__status--stale', href: errorCount ? '#error-summary' : '#results-title' },
        errorCount ? `Results out of date: ${errorCount === 1 ? '1 error' : `${errorCount} errors`} to fix` : 'Results update when you finish this answer'),
    ]);
  }

  hide() {
    this.root.hidden = true;
    document.documentElement.classList.remove('app-has-status-bar');
    this.shown = '';
  }

  render(items) {
    const key = items.map((el) => `${el.className}|${el.textContent}`).join('\n');
    const changed = key !== this.shown;
    if (changed) {
      replace(this.root, items, h('span', { class: 'app-status-bar__updated', 'aria-hidden': 'true', hidden: true }, 'Updated'));
      // The first showing is not an update.
      if (this.shown) this.cue();
      this.shown = key;
    }
    this.root.hidden = false;
    document.documentElement.classList.add('app-has-status-bar');
  }

  /** "Updated", for two seconds (an outline flash too, unless motion is reduced). */
  cue() {
    const updated = this.root.querySelector('.app-status-bar__updated');
    updated.hidden = false;
    // Off, then on in the next frame: restarts the flash for an update that
    // follows another quickly, without forcing a layout of the page.
    this.root.classList.remove('app-status-bar--updated');
    requestAnimationFrame(() => this.root.classList.add('app-status-bar--updated'));
    clearTimeout(this.cueTimer);
    this.cueTimer = setTimeout(() => {
      updated.hidden = true;
      this.root.classList.remove('app-status-bar--updated');
    }, 2000);
  }
}
