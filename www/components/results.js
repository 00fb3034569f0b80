// The results panel (#results): the report for the case, a note when it is
// out of date, and the polite live text that says what changed.

import { h, replace, onFieldLink, focusStatic } from '../dom.js';
import { longDate } from '../dates.js';
import { renderQualification, renderReasons, renderDeadlines, renderFlags, renderMissing, renderStamp, tag } from '../render.js';
import { explainSelection } from '../policy.js';
import { numberSources } from '../citations.js';
import { calendarSteps, pastSteps } from '../ics.js';
import { buildStamp } from '../engine.js';
import { reportTarget, reportLabel } from '../targets.js';
import { toFormPath } from '../form.js';
import { vocabulary } from '../words.js';
import { profileKind, selection } from '../state.js';

export class Results {
  /**
   * @param {HTMLElement} root - the results section
   * @param {{ state: object, onDownloadIcs: (options: { includeDone: boolean }) => void }} config -
   *   the shared state (reads report, rowMap and the policy), and what to do
   *   when the deadlines are asked for as a calendar file
   */
  constructor(root, { state, onDownloadIcs }) {
    this.root = root;
    this.state = state;
    this.title = root.querySelector('#results-title');
    this.live = root.querySelector('#results-live');
    this.stale = root.querySelector('#results-stale');
    this.body = root.querySelector('#results-body');
    this.rendered = '';
    this.liveText = '';
    root.addEventListener('click', onFieldLink);
    // "Also raised by facts shown under …": open the flag it points to.
    root.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-open-flag]');
      const flag = link && this.body.querySelector(`details[data-flag="${link.dataset.openFlag}"]`);
      if (flag) flag.open = true;
    });
    root.addEventListener('click', (event) => {
      if (event.target.closest('#download-ics')) onDownloadIcs({ includeDone: this.includeDone });
    });
    // Kept here, so redrawing the results keeps the choice.
    this.includeDone = false;
    root.addEventListener('change', (event) => {
      if (event.target.id !== 'ics-include-done') return;
      this.includeDone = event.target.checked;
      const button = root.querySelector('#download-ics');
      if (button) button.disabled = !this.includeDone && !calendarSteps(state.report).length;
    });
    // Scrollable or not is known after layout: observed, never forced.
    const observer = new ResizeObserver(() => this.syncScrollable());
    observer.observe(root);
    observer.observe(this.body);
  }

  placeholder(text) {
    replace(this.body, h('p', { class: 'govuk-body app-placeholder' }, text));
    this.rendered = '';
  }

  /** Nothing entered: the placeholder, no note, nothing to say. */
  empty(text) {
    this.placeholder(text);
    this.stale.hidden = true;
    this.body.classList.remove('app-results--stale');
    this.setLive('');
  }

  setLive(text) {
    if (text === this.liveText) return;
    this.liveText = text;
    replace(this.live, text);
  }

  /** Renders the report in state.report (redrawn only when something shown would change). */
  show() {
    const { state } = this;
    let report = state.report;
    const kind = profileKind(state, report.stamp.policy.id);
    const why = explainSelection(report, selection(state));
    const key = JSON.stringify([report, kind, why, state.rowMap]);
    this.stale.hidden = true;
    this.body.classList.remove('app-results--stale');
    if (key === this.rendered) return;
    this.rendered = key;
    const open = new Set([...this.body.querySelectorAll('details[open][data-flag]')].map((d) => d.dataset.flag));
    const produced = new Date().toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    const p = report.stamp.policy;
    const note = h('div', { class: 'app-profile-note', id: 'result-profile' },
      h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, 'Policy profile: ', h('strong', null, p.title), ` (${p.id}), in force from ${longDate(p.effective_from)}. `,
        kind ? tag(kind, 'purple') : null),
      h('p', { class: 'govuk-body-s govuk-!-margin-bottom-0' }, why));
    const target = (path) => reportTarget(path, state.rowMap);
    // The engine counts list items as the case has them; the form may number
    // its rows differently (empty rows are left out of the case).
    const relabel = (item) => (toFormPath(item.field, state.rowMap) === item.field
      ? item : { ...item, label: reportLabel(item.field, state.rowMap) });
    report = {
      ...report,
      flags: report.flags.map((f) => ({ ...f, facts: f.facts.map(relabel) })),
      missing: report.missing.map(relabel),
    };
    replace(this.body,
      renderQualification(report, note),
      renderReasons(report),
      renderDeadlines(report, {
        toDo: calendarSteps(report).length,
        done: calendarSteps(report, { includeDone: true }).length - calendarSteps(report).length,
        past: pastSteps(report).map((d) => d.label),
        includeDone: this.includeDone,
      }),
      renderFlags(report, target, open, vocabulary().inaccuracy_kinds),
      renderMissing(report, target),
      renderStamp(report, kind, why, produced, buildStamp()));
    const sources = numberSources(this.body);
    if (sources) this.body.append(sources);
  }

  /** Whether the results shown are out of date: the form has errors to fix. */
  isStale() {
    return !this.stale.hidden;
  }

  /** The results shown no longer match the form: say so (or, with none shown, say why there are none). */
  markStale(text) {
    if (!this.state.report) {
      this.placeholder(text.startsWith('Results will') ? 'Results will show when you finish this answer.' : 'No results yet: fix the errors in the form first.');
      return;
    }
    this.stale.hidden = false;
    replace(this.stale, text);
    this.body.classList.add('app-results--stale');
    const ics = this.root.querySelector('#download-ics');
    if (ics) {
      ics.disabled = true;
      ics.setAttribute('aria-disabled', 'true');
    }
  }

  /** Draws the next report afresh even if it is the same (a new case: a new time produced). */
  forget() {
    this.rendered = '';
  }

  /** The panel scrolls on its own on wide screens: then it takes keyboard focus. */
  syncScrollable() {
    if (this.root.scrollHeight > this.root.clientHeight + 1) this.root.setAttribute('tabindex', '0');
    else this.root.removeAttribute('tabindex');
  }

  focusTitle() {
    focusStatic(this.title);
  }
}
