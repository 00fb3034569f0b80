// sfo-check page: starts the engine (engine.js), builds the shared state
// (state.js), binds each component to its part of the page and runs the
// update cycle between them. Everything happens in this browser: no storage,
// no requests beyond the page's own files.

import { initAll } from './vendor/govuk-frontend.min.js';
import { loadEngine, buildStamp } from './engine.js';
import { h, replace, announcer, focusStatic } from './dom.js';
import { caseFromRaw, hasEntries } from './form.js';
import { STATUS } from './render.js';
import { calendarOf } from './calendar.js';
import { createState, refreshEntries, checkCase, shownEntry, entryFor } from './state.js';
import { checkOptions } from './policy.js';
import { CaseForm } from './components/case-form.js';
import { ErrorSummary, caseErrors } from './components/errors.js';
import { Results } from './components/results.js';
import { StatusBar } from './components/status-bar.js';
import { PolicyPanel } from './components/policy-panel.js';
import { Files } from './components/files.js';
import { Print } from './components/print.js';

document.body.classList.add('govuk-frontend-supported');

const $ = (id) => document.getElementById(id);

async function start() {
  const state = createState();
  try {
    state.engine = await loadEngine();
  } catch (error) {
    $('app-loading')?.remove();
    replace($('app-failed'), h('p', { class: 'govuk-body' },
      'The checker could not start in this browser: ', String(error?.message ?? error)));
    $('app-failed').hidden = false;
    return;
  }
  state.defaultProfile = state.engine.defaultPolicy();
  refreshEntries(state);
  const build = buildStamp();
  document.documentElement.dataset.build = build.id;
  replace($('build-id'), `Build ${build.id}${build.module ? `, engine module ${build.module}` : ''}.`,
    build.matches ? '' : ' The engine module is not the one this page was built with: reload the page.');

  const announce = announcer($('announcer'));
  let timer = null;
  const scheduleUpdate = () => {
    clearTimeout(timer);
    timer = setTimeout(() => update(), 150);
  };
  /** An update still waiting for typing to pause runs now: what is saved is what the form holds. */
  const updateNowIfWaiting = () => {
    if (timer !== null) update();
  };

  const form = new CaseForm($('case-form'), {
    state,
    announce,
    update,
    scheduleUpdate,
    onSubmit: () => {
      const { visible } = update({ force: true, focusSummary: true });
      if (!visible?.length) {
        results.focusTitle();
        announce(results.liveText);
      }
    },
  });
  form.build(state.defaultProfile);
  $('app').hidden = false;
  $('app-loading')?.remove();
  initAll();

  const errors = new ErrorSummary($('error-summary'), { form: form.root });
  const results = new Results($('results'), {
    state,
    onDownloadIcs: (options) => {
      updateNowIfWaiting();
      // Only results that are the form's: stale ones (errors being fixed) are not saved.
      if (state.report && !results.isStale()) files.saveDeadlines(state.report, options);
      // Results redrawn just now replaced the button: the focus stays on it.
      if (document.activeElement === document.body) document.getElementById('download-ics')?.focus();
    },
  });
  const statusBar = new StatusBar($('status-bar'), $('results'));
  // Alt+Shift+R: to the results from anywhere in the form (on a phone they are far below it).
  document.addEventListener('keydown', (event) => {
    if (event.altKey && event.shiftKey && event.code === 'KeyR' && !$('check-view').hidden && !$('app').hidden) {
      event.preventDefault();
      results.focusTitle();
    }
  });
  const files = new Files($('toolbar'), {
    state,
    form,
    problems: $('file-problems'),
    announce,
    update,
    // Another case takes the place of the one shown: its report and render
    // are stale; only clearing forgets which errors were shown (opening
    // always shows them all).
    onNewCase: (how) => {
      state.report = null;
      state.checkedCase = null;
      results.forget();
      if (how === 'cleared') errors.forget();
      state.dirty = false;
    },
    focusResults: () => results.focusTitle(),
  });
  // Saving a scenario and the timeline are loaded when first needed: most
  // visits need neither before the first result.
  let author = null;
  $('save-scenario').addEventListener('click', async () => {
    if (!author) {
      const { Author } = await import('./components/author.js');
      author = new Author($('toolbar'), { state, form, update, announce });
    }
    author.toggle();
  });
  const views = new Views({
    state,
    announce,
    // A caseload's row into the form, as a case file opened would be.
    openCase: async (name, text, { row }) => {
      window.location.hash = '#check';
      await views.show('check', false);
      const where = `row ${row.toLocaleString('en-GB')} of ${name}`;
      await files.openFile({ name: where, text });
      replace($('save-status'), `Opened ${where}. `, h('a', { class: 'govuk-link', href: '#caseload' }, 'Back to the caseload'));
    },
  });
  const policyPanel = new PolicyPanel($('policy-profile'), { state, announce, onChange: update });
  const print = new Print($('answers'), { button: $('print'), printedOn: $('printed-on') });

  window.addEventListener('beforeunload', (event) => {
    if (state.dirty && form.hasEntries()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // The timeline is redrawn only when the case or its report changes; it
  // counts days as the profile that worked out the report does.
  let drawn = '';
  async function showTimeline(caseData, report) {
    const key = JSON.stringify([caseData, report]);
    if (key === drawn) return;
    drawn = key;
    const { timeline } = await import('./timeline.js');
    // Drawn in a task of its own (a case can have hundreds of periods); a
    // later update may have drawn or hidden it meanwhile.
    await new Promise((resolve) => { setTimeout(resolve, 0); });
    if (key !== drawn) return;
    const profile = entryFor(state, report.stamp.policy.id)?.profile;
    const calendar = calendarOf(state.engine, profile?.extra_non_working_days ?? []);
    replace($('case-timeline-body'), timeline(caseData, report, { calendar, idPrefix: 'case', caption: 'Supervision, the alleged offence, court and each deadline' }));
    $('case-timeline').hidden = false;
  }

  function hideTimeline() {
    $('case-timeline').hidden = true;
    drawn = '';
  }

  /** The profile shown decides the form's profile-dependent options; then the panel. */
  function renderPolicy() {
    form.setOptions(shownEntry(state).entry.profile);
    policyPanel.render();
  }

  /**
   * The update cycle: reads the form, checks the case, and hands the result
   * to the errors, the results and the policy panel. Returns { errors, visible }.
   * `force` shows every error, even in the answer being typed; `focusSummary`
   * then takes focus to the error summary.
   */
  function update({ force = false, focusSummary = false } = {}) {
    clearTimeout(timer);
    timer = null;
    // A case still being drawn into the form is checked once it is all in.
    if (form.busy) return { errors: [] };
    const raw = form.read();
    const built = caseFromRaw(raw);
    // The printed answers are drawn after this task, a slice at a time: with
    // hundreds of rows, one long task would freeze typing.
    print.showAnswers(() => form.answers(raw));

    if (!hasEntries(raw)) {
      state.report = null;
      state.checkedCase = null;
      state.rowMap = {};
      errors.show([]);
      hideTimeline();
      results.empty('Enter details of the case to see whether it qualifies as an SFO, its deadlines and any flags.');
      statusBar.hide();
      print.setReport(null);
      renderPolicy();
      return { errors: [] };
    }

    const result = checkCase(state, built.case, built.case.policy);
    const all = caseErrors(built, result);
    const visible = errors.pick(all, { force, active: document.activeElement });
    errors.show(visible);

    if (all.length) {
      hideTimeline();
      if (visible.length) {
        results.markStale('Results are out of date until the errors in the form are fixed.');
        results.setLive(`Results are out of date: there ${visible.length === 1 ? 'is 1 error' : `are ${visible.length} errors`} to fix.`);
      } else {
        results.markStale('Results will update when you finish this answer.');
      }
      statusBar.stale(visible.length);
      if (focusSummary && visible.length) errors.focus();
    } else {
      state.report = result.value;
      state.checkedCase = built.case;
      state.rowMap = built.rowMap;
      state.caseProfileId = built.case.policy ?? '';
      results.show();
      statusBar.show(state.report);
      print.setReport(state.report, buildStamp());
      showTimeline(built.case, state.report);
      const s = STATUS[state.report.qualification.status];
      results.setLive(`Result: ${s.heading}. ${state.report.qualification.summary}`);
    }
    renderPolicy();
    return { errors: all, visible };
  }

  update();
  await views.follow();
  document.documentElement.dataset.ready = 'true';
}

/**
 * The parts of the page, "Check a case", "Training" and "Caseload", chosen in
 * the service navigation (#check, #training, #caseload). Training and the
 * caseload are loaded the first time they open; switching never loses what
 * is on the case form or the caseload's results.
 */
const TITLES = {
  check: 'sfo-check: Serious Further Offence checker',
  training: 'Training: sfo-check',
  caseload: 'Caseload: sfo-check',
};

class Views {
  constructor({ state, announce, openCase }) {
    Object.assign(this, { state, announce, openCase });
    this.training = null;
    this.caseload = null;
    window.addEventListener('hashchange', () => this.follow({ focus: true }));
  }

  async follow({ focus = false } = {}) {
    const hash = window.location.hash;
    if (hash === '#training') await this.show('training', focus);
    else if (hash === '#caseload') await this.show('caseload', focus);
    else if (hash === '#check' || hash === '') await this.show('check', focus);
  }

  async show(view, focus) {
    for (const link of document.querySelectorAll('#navigation a[data-view]')) {
      const current = link.dataset.view === view;
      link.closest('li').classList.toggle('govuk-service-navigation__item--active', current);
      if (current) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    for (const name of Object.keys(TITLES)) $(`${name}-view`).hidden = view !== name;
    document.title = TITLES[view];
    if (view === 'training') {
      if (!this.training) {
        $('training-loading').hidden = false;
        const { Training } = await import('./components/training.js');
        const { engine } = this.state;
        this.training = new Training($('training-view'), { engine, announce: this.announce, calendar: calendarOf(engine) });
        await this.training.open();
        $('training-loading').hidden = true;
      }
    } else {
      this.training?.presenter.stop();
    }
    if (view === 'caseload' && !this.caseload) {
      const { Caseload } = await import('./components/caseload.js');
      const { state } = this;
      this.caseload = new Caseload($('caseload-view'), {
        engine: state.engine,
        // Checked with the profiles loaded (and any chosen) on the page, as a case on the form is.
        options: () => checkOptions(state.entries, state.policy.choice, ''),
        announce: this.announce,
        openCase: this.openCase,
      });
    }
    if (focus) focusStatic($(`${view}-title`));
  }
}

start();
