// Training mode (#training-view): a library of scenarios, and a round for
// each: the story and the facts with the answers hidden, the room's
// predictions, a reveal that marks each one against the engine's report, and
// "what if" one fact were different. Nothing is stored: the library holds
// the shipped scenarios and any file opened in this session.

import { h, replace, focusStatic } from '../dom.js';
import { longDate } from '../dates.js';
import { answers, rawFromCase } from '../form.js';
import { STATUS, STATE, stateDetail, tag, renderAnswers, renderErrorList } from '../render.js';
import { citation, statusLine } from '../citations.js';
import { fieldLabel, ruleTitle, vocabulary, plural, errorInWords } from '../words.js';
import { timeline } from '../timeline.js';
import { dateBoxes, readDateBoxes } from '../date-boxes.js';
import { Presenter } from './present.js';
import { readFileWithin } from './files.js';
import { WhatIf } from './what-if.js';
import { calendarOf } from '../calendar.js';

// How each prediction is marked; `neutral` (a flag rightly left unticked)
// is shown but not scored, so a form left empty scores nothing.
const MARK = {
  right: ['Right', 'green'],
  wrong: ['Wrong', 'red'],
  missed: ['Missed', 'orange'],
  blank: ['Not answered', 'grey'],
  neutral: ['Not raised', 'grey'],
};


/** Every flag, in the rulebook's order: the checklist is the same for every scenario, so its length gives nothing away. */
const allFlags = () => vocabulary().rules.filter((r) => r.kind === 'flag').map((r) => r.id);

/** How a scenario's expected answers differ from this checker's, in words. */
function mismatchWords(m) {
  const state = (kind) => (kind ? STATE[kind]?.[0] ?? kind : 'no state');
  switch (m.kind) {
    case 'status': return `the status was ${STATUS[m.expected]?.heading ?? m.expected}, now ${STATUS[m.found]?.heading ?? m.found}`;
    case 'step': return `${ruleTitle(m.id)} was ${state(m.expected)}, now ${state(m.found)}`;
    case 'flag-not-raised': return `“${ruleTitle(m.id)}” was raised, now it is not`;
    case 'flag-raised': return `“${ruleTitle(m.id)}” is now raised`;
    default: return m.kind;
  }
}

export class Training {
  /**
   * @param {HTMLElement} root - #training-view
   * @param {{ engine: object, calendar: object, announce: (text: string) => void }} config -
   *   the engine API, the calendar the timeline draws with, the page's announcer
   */
  constructor(root, { engine, calendar, announce }) {
    Object.assign(this, { root, engine, calendar, announce });
    this.checker = null;
    this.library = [];
    this.topic = '';
    this.round = null;
    this.libraryEl = root.querySelector('#training-library');
    this.roundEl = root.querySelector('#training-round');
    this.problems = root.querySelector('#training-problems');
    this.presenter = new Presenter(this.roundEl, {
      announce,
      beforeNext: (slide) => {
        if (slide?.dataset.slide === 'predict' && !this.round?.revealed) this.reveal({ focus: false });
      },
    });
    window.addEventListener('afterprint', () => document.body.classList.remove('app-print-scenario', 'app-print-answers'));
  }

  /** Loads the shipped library the first time Training opens. */
  async open() {
    if (!this.checker) {
      // The built-in profile only: scenarios are written and tested against it.
      this.checker = this.engine.checker([]).value;
      const { LIBRARY } = await import('../vendor/scenarios.js');
      const problems = [];
      for (const { file, text } of LIBRARY) this.add(file, text, 'library', problems);
      this.showProblems(problems);
      replace(this.root.querySelector('#training-note'), trainerNote());
    }
    if (!this.round) this.renderLibrary();
  }

  /** Adds one scenario file to the library; a bad one is listed in `problems` and nothing changes. */
  add(file, text, origin, problems) {
    const opened = this.checker.openScenario(text.replace(/^\uFEFF/, ''));
    if (!opened.ok) {
      for (const e of opened.errors) problems.push({ text: `${file}: ${e.label ? `${e.label}: ` : ''}${e.message}` });
      return false;
    }
    const entry = { file, origin, ...opened.value };
    const at = this.library.findIndex((s) => s.scenario.id === entry.scenario.id);
    // A shared file may replace one shared earlier (a newer copy), never one of the library's own.
    if (at >= 0 && this.library[at].origin === 'library' && origin !== 'library') {
      problems.push({ text: `${file}: its id, “${entry.scenario.id}”, is the id of “${this.library[at].scenario.title}” in the page’s own library, which a file may not replace: give the scenario an id of its own` });
      return false;
    }
    if (at >= 0) this.library[at] = entry;
    else this.library.push(entry);
    return true;
  }

  showProblems(problems) {
    this.problems.hidden = !problems.length;
    renderErrorList(this.problems.querySelector('.govuk-error-summary__list'), problems);
    if (problems.length) focusStatic(this.problems);
  }

  async openFiles(input) {
    const problems = [];
    let added = 0;
    for (const picked of input.files ?? []) {
      const file = await readFileWithin(this.engine, picked, 'scenario file');
      if (file.error) {
        problems.push({ text: `${file.name}: ${errorInWords(file.error)}` });
        continue;
      }
      if (this.add(file.name, file.text, 'file', problems)) added += 1;
    }
    input.value = '';
    this.showProblems(problems);
    this.renderLibrary();
    this.announce(`${plural(added, 'scenario', 'scenarios')} added to the library for this session.${problems.length ? ` ${plural(problems.length, 'problem', 'problems')} with the files.` : ''}`);
  }

  // ------------------------------------------------------------ library

  renderLibrary() {
    this.round = null;
    this.presenter.stop();
    this.roundEl.hidden = true;
    this.libraryEl.hidden = false;
    this.root.querySelector('#training-note').hidden = false;
    const topics = [...new Set(this.library.flatMap((s) => s.scenario.topics))].sort();
    const shown = this.library.filter((s) => !this.topic || s.scenario.topics.includes(this.topic));
    const filter = h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: 'training-topic' }, 'Show scenarios about'),
      h('select', { class: 'govuk-select', id: 'training-topic' },
        h('option', { value: '', selected: !this.topic }, 'Every topic'),
        topics.map((t) => h('option', { value: t, selected: t === this.topic }, t))));
    filter.querySelector('select').addEventListener('change', (e) => {
      this.topic = e.target.value;
      this.renderLibrary();
      this.libraryEl.querySelector('#training-topic').focus();
    });
    const rows = shown.map((entry) => {
      const s = entry.scenario;
      const start = h('button', { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-start', 'data-scenario': s.id }, 'Start', h('span', { class: 'govuk-visually-hidden' }, `: ${s.title}`));
      start.addEventListener('click', () => this.start(entry));
      return h('tr', { class: 'govuk-table__row', 'data-scenario': s.id },
        h('td', { class: 'govuk-table__cell' }, h('span', { class: 'app-scenario-title' }, s.title),
          entry.origin === 'file' ? [' ', tag('Your file', 'purple')] : null,
          entry.mismatches.length ? [h('br'), h('span', { class: 'govuk-body-s' },
            `The file’s expected answers differ from this checker’s, which the round uses: ${entry.mismatches.map(mismatchWords).join('; ')}.`)] : null),
        h('td', { class: 'govuk-table__cell' }, s.topics.join(', ')),
        h('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, `${s.minutes} min`),
        h('td', { class: 'govuk-table__cell' }, start));
    });
    replace(this.libraryEl,
      h('h2', { class: 'govuk-heading-l', id: 'library-title' }, 'Pick a scenario'),
      h('p', { class: 'govuk-body' }, `${plural(this.library.length, 'fictional scenario', 'fictional scenarios')}. Every name and detail is invented. Each shows the story and the facts; the room predicts the outcome before you reveal it.`),
      topics.length ? filter : null,
      h('table', { class: 'govuk-table app-library' },
        h('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, this.topic ? `Scenarios about ${this.topic} (${shown.length})` : `All scenarios (${shown.length})`),
        h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
          ['Scenario', 'Topics', 'Length', ''].map((t, i) => h('th', { scope: 'col', class: `govuk-table__header${i === 2 ? ' govuk-table__header--numeric' : ''}` }, t || h('span', { class: 'govuk-visually-hidden' }, 'Start'))))),
        h('tbody', { class: 'govuk-table__body' }, rows)),
      this.openBlock());
  }

  openBlock() {
    const input = h('input', { class: 'govuk-file-upload', id: 'scenario-files', type: 'file', multiple: true, accept: '.json,application/json', 'aria-describedby': 'scenario-files-hint' });
    input.addEventListener('change', () => this.openFiles(input));
    return h('div', { class: 'govuk-form-group app-no-print' },
      h('h2', { class: 'govuk-heading-m' }, 'Add your own scenarios'),
      h('label', { class: 'govuk-label govuk-label--s', for: 'scenario-files' }, 'Open scenario files'),
      h('div', { class: 'govuk-hint', id: 'scenario-files-hint' },
        'Files saved with “Save as a training scenario” on the case form, or shared by another trainer. They are read in this browser, kept only until you reload the page, and never uploaded.'),
      input);
  }

  // ------------------------------------------------------------ a round

  start(entry) {
    const { scenario, report } = entry;
    // A scenario with a region's own profile (an office closure, say) is
    // checked, asked "what if" and drawn with it; the built-in one otherwise.
    this.roundChecker?.free();
    this.roundChecker = scenario.policy ? this.engine.checker([scenario.policy]).value : null;
    const checker = this.roundChecker ?? this.checker;
    const calendar = scenario.policy ? calendarOf(this.engine, scenario.policy.extra_non_working_days ?? []) : this.calendar;
    this.round = { entry, revealed: false, choices: allFlags(), calendar };
    this.problems.hidden = true;
    this.libraryEl.hidden = true;
    // The round's own answer sheet carries the note for the trainer.
    this.root.querySelector('#training-note').hidden = true;
    this.roundEl.hidden = false;
    const position = this.library.indexOf(entry) + 1;
    const back = h('button', { type: 'button', class: 'govuk-back-link app-back' }, 'Back to the scenarios');
    back.addEventListener('click', () => {
      this.renderLibrary();
      this.libraryEl.querySelector(`button[data-scenario="${scenario.id}"]`)?.focus();
    });
    const button = (id, text, action, extra = '') => {
      const b = h('button', { type: 'button', class: `govuk-button govuk-button--secondary ${extra}`.trim(), id }, text);
      b.addEventListener('click', action);
      return b;
    };
    this.whatIf = new WhatIf({ checker, calendar, scenario, report, announce: this.announce });
    replace(this.roundEl,
      h('div', { class: 'app-no-print app-round__bar' }, back),
      h('span', { class: 'govuk-caption-l' }, `Scenario ${position} of ${this.library.length} · about ${scenario.minutes} minutes · ${scenario.topics.join(', ')}`),
      h('h2', { class: 'govuk-heading-xl app-round__title', id: 'round-title', tabindex: '-1' }, scenario.title),
      h('div', { class: 'govuk-button-group app-no-print app-round__actions' },
        button('present', 'Present to the room', () => this.presenter.start()),
        button('print-scenario', 'Print the scenario sheet', () => this.print('app-print-scenario')),
        button('print-answers', 'Print the answer sheet', () => this.print('app-print-answers'))),
      h('p', { class: 'govuk-body app-print-heading' }, 'Training scenario: fictional, every name and detail invented'),
      h('section', { class: 'app-slide', 'data-slide': 'story', 'aria-labelledby': 'round-story-title' },
        h('h3', { class: 'govuk-heading-l', id: 'round-story-title', tabindex: '-1' }, 'The story'),
        h('p', { class: 'govuk-body-l app-narrative' }, scenario.narrative)),
      h('section', { class: 'app-slide', 'data-slide': 'facts', 'aria-labelledby': 'round-facts-title' },
        h('h3', { class: 'govuk-heading-l', id: 'round-facts-title', tabindex: '-1' }, 'The facts'),
        h('div', { class: 'app-facts', id: 'round-facts' }),
        this.droppedNote(scenario)),
      this.predictionForm(),
      h('div', { id: 'round-reveal', hidden: true }),
      h('section', { class: 'app-slide app-no-print', 'data-slide': 'what-if', id: 'round-what-if', 'aria-labelledby': 'what-if-title', hidden: true },
        this.whatIf.root),
      h('div', { class: 'app-answer-sheet', id: 'answer-sheet' }));
    const facts = answers(null, rawFromCase(scenario.case).raw);
    renderAnswers(this.roundEl.querySelector('#round-facts'), facts, 'h4');
    const sheet = this.roundEl.querySelector('#answer-sheet');
    replace(sheet, this.answerSheet());
    // Many flags fill the sheet: its picture is drawn smaller to keep it to two pages.
    sheet.classList.toggle('app-answer-sheet--many-flags', report.flags.length > 8);
    focusStatic(this.roundEl.querySelector('#round-title'));
    this.announce(`Scenario: ${scenario.title}`);
  }

  /** Facts of the case the page's form cannot show (and "what if" cannot keep): named, never silently lost. */
  droppedNote(scenario) {
    const { dropped } = rawFromCase(scenario.case);
    if (!dropped.length) return null;
    return h('div', { class: 'govuk-inset-text', id: 'round-dropped' },
      'The file also has facts this page cannot show, which the answers take into account but “What if” leaves out: ',
      dropped.map((path) => fieldLabel(path)).join('; '), '.');
  }

  predictionForm() {
    const { report } = this.round.entry;
    const radios = Object.entries(STATUS).map(([value, s]) => h('div', { class: 'govuk-radios__item' },
      h('input', { class: 'govuk-radios__input', type: 'radio', name: 'predict-status', id: `predict-status-${value}`, value }),
      h('label', { class: 'govuk-label govuk-radios__label', for: `predict-status-${value}` }, s.heading)));
    const steps = report.deadlines.map((d) => h('fieldset', { class: 'govuk-fieldset app-predict-step', 'data-step': d.id },
      h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, d.label),
      h('div', { class: 'app-predict-step__row' },
        dateBoxes(`predict-${d.id}-due`, 'Due date', { hint: 'Leave blank if it cannot be dated yet', legendClass: '' }),
        h('div', { class: 'govuk-form-group' },
          h('label', { class: 'govuk-label', for: `predict-${d.id}-state` }, `State on ${longDate(report.stamp.today)}`),
          h('select', { class: 'govuk-select', id: `predict-${d.id}-state` },
            h('option', { value: '' }, 'Choose a state'),
            Object.entries(STATE).map(([kind, [word]]) => h('option', { value: kind }, word)))))));
    const flags = this.round.choices.map((id) => h('div', { class: 'govuk-checkboxes__item' },
      h('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: `predict-flag-${id}`, value: id }),
      h('label', { class: 'govuk-label govuk-checkboxes__label', for: `predict-flag-${id}` }, ruleTitle(id))));
    const form = h('form', { id: 'prediction-form', novalidate: true, 'aria-labelledby': 'round-predict-title' },
      h('div', { class: 'govuk-form-group' }, h('fieldset', { class: 'govuk-fieldset' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, 'Does the case qualify as an SFO?'),
        h('div', { class: 'govuk-radios', 'data-module': 'govuk-radios' }, radios))),
      h('h4', { class: 'govuk-heading-m' }, `Deadlines, as they stand on ${longDate(report.stamp.today)}`),
      steps,
      h('div', { class: 'govuk-form-group' }, h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': 'predict-flags-hint' },
        h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, 'Which flags will the checker raise?'),
        h('div', { class: 'govuk-hint', id: 'predict-flags-hint' }, 'Select all that apply. These are all the flags the checker has; most are not raised for any one case.'),
        h('div', { class: 'govuk-checkboxes app-flag-checklist', 'data-module': 'govuk-checkboxes' }, flags))),
      // A button, not a submit: Enter in a date box must never reveal the answers to the room.
      h('button', { type: 'button', class: 'govuk-button app-no-print', id: 'reveal' }, 'Reveal the answers'));
    form.addEventListener('submit', (event) => event.preventDefault());
    form.querySelector('#reveal').addEventListener('click', () => this.reveal({ focus: true }));
    return h('section', { class: 'app-slide app-no-print', 'data-slide': 'predict', 'aria-labelledby': 'round-predict-title' },
      h('h3', { class: 'govuk-heading-l', id: 'round-predict-title', tabindex: '-1' }, 'Predict'),
      h('p', { class: 'govuk-body' }, 'Record what the room expects. Nothing is kept: reloading the page starts again.'),
      form);
  }

  /** What the room predicted, as the form holds it now. */
  predictions() {
    const form = this.roundEl.querySelector('#prediction-form');
    const value = (id) => form.querySelector(`#${id}`)?.value ?? '';
    // A due date: the ISO date, or what was typed when it is not a real date.
    const due = (id) => {
      const read = readDateBoxes(form, id);
      return read.iso ?? read.typed ?? '';
    };
    return {
      status: form.querySelector('input[name="predict-status"]:checked')?.value ?? '',
      steps: Object.fromEntries(this.round.entry.report.deadlines.map((d) => [d.id, { due: due(`predict-${d.id}-due`), state: value(`predict-${d.id}-state`) }])),
      flags: new Set([...form.querySelectorAll('.govuk-checkboxes__input:checked')].map((i) => i.value)),
    };
  }

  // ------------------------------------------------------------ reveal

  reveal({ focus }) {
    const { entry } = this.round;
    const { report, scenario, citations } = entry;
    const p = this.predictions();
    const marks = [];
    const mark = (kind) => {
      marks.push(kind);
      const [word, colour] = MARK[kind];
      return tag(word, colour, 'app-mark');
    };
    const q = report.qualification;
    const statusMark = mark(!p.status ? 'blank' : p.status === q.status ? 'right' : 'wrong');
    const yourStatus = p.status ? STATUS[p.status].heading : 'no answer';

    const stepItems = report.deadlines.map((d) => {
      const guess = p.steps[d.id];
      // An undated step: leaving its date blank is right once its state was predicted.
      const undatedMark = guess.due ? 'wrong' : guess.state ? 'right' : 'blank';
      const dueMark = mark(d.current_due
        ? (!guess.due ? 'blank' : guess.due === d.current_due ? 'right' : 'wrong')
        : undatedMark);
      const stateMark = mark(!guess.state ? 'blank' : guess.state === d.state.kind ? 'right' : 'wrong');
      const [word, colour] = STATE[d.state.kind] ?? [d.state.kind, 'grey'];
      const detail = stateDetail(d);
      const why = [`Rule: ${d.rule_text}.`];
      if (d.counts_from?.date && !d.counts_from.projected) why.push(`Counted from ${d.counts_from.label}, ${longDate(d.counts_from.date)}.`);
      if (d.completed) why.push(`Done on ${longDate(d.completed)}.`);
      if (d.extended && d.original_due !== d.current_due) why.push(`Extended from ${longDate(d.original_due)}.`);
      if (d.extension_requested_before_deadline === false) why.push('The extension was asked for after the original deadline.');
      return h('li', { class: 'app-answer', 'data-step': d.id },
        h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, d.label),
        h('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, dueMark, ' Due date: ',
          h('strong', null, d.current_due ? longDate(d.current_due) : 'not dated yet'),
          guess.due ? `. You said ${guess.due.includes('/') ? `${guess.due}, not a real date` : longDate(guess.due)}.` : '.'),
        h('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, stateMark, ' State: ', tag(word, colour), detail ? ` ${detail}` : '',
          guess.state ? `. You said ${STATE[guess.state][0]}.` : '.'),
        h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, why.join(' ')),
        statusLine(d.status, d.status_text, d.citations));
    });

    const raised = new Map(report.flags.map((f) => [f.id, f]));
    const flagItems = this.round.choices.map((id) => {
      const flag = raised.get(id);
      const ticked = p.flags.has(id);
      const kind = flag ? (ticked ? 'right' : 'missed') : (ticked ? 'wrong' : 'neutral');
      const rule = vocabulary().rules.find((r) => r.id === id);
      return h('li', { class: 'app-answer', 'data-flag': id },
        h('h4', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, mark(kind), ' ', ruleTitle(id)),
        flag
          ? [h('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, ticked ? 'Raised, and you expected it.' : 'Raised, but you did not expect it.'),
            h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, h('strong', null, 'What raised it: '), flag.facts.map((f) => `${f.label}: ${f.text}`).join('; '), '.'),
            h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, h('strong', null, 'What to check: '), flag.check),
            statusLine(flag.status, flag.status_text, flag.citations)]
          : h('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, ticked ? 'Not raised for this case. ' : '',
            h('span', { class: 'govuk-body-s' }, rule?.statement ?? '')));
    });

    const scored = marks.filter((m) => m !== 'neutral');
    const right = scored.filter((m) => m === 'right').length;
    const predicted = p.status || p.flags.size || Object.values(p.steps).some((g) => g.due || g.state);
    const score = predicted ? `${right} of ${scored.length} right.` : 'No predictions were recorded: these are the answers.';
    const revealEl = this.roundEl.querySelector('#round-reveal');
    replace(revealEl,
      h('section', { class: 'app-slide', 'data-slide': 'outcome', 'aria-labelledby': 'reveal-title' },
        h('h3', { class: 'govuk-heading-l', id: 'reveal-title', tabindex: '-1' }, 'The answers'),
        h('p', { class: 'govuk-body-l app-score', id: 'round-score' }, score),
        predicted ? h('p', { class: 'govuk-body-s' }, 'Scored: the status, each due date and state, each flag raised, and each flag ticked that is not raised.') : null,
        h('h4', { class: 'govuk-heading-m' }, 'Does it qualify?'),
        h('p', { class: 'govuk-body' }, statusMark, ' ', h('strong', null, STATUS[q.status].heading), `. You said: ${yourStatus}.`),
        h('p', { class: 'govuk-body' }, q.summary),
        h('ul', { class: 'govuk-list app-reasons' }, q.reasons.map((r) => h('li', { class: 'app-reason', 'data-rule': r.rule },
          h('h5', { class: 'govuk-heading-s govuk-!-margin-bottom-1' }, r.title),
          h('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, r.text),
          statusLine(r.status, r.status_text, r.citations))))),
      h('section', { class: 'app-slide', 'data-slide': 'deadlines', 'aria-labelledby': 'reveal-deadlines-title' },
        h('h3', { class: 'govuk-heading-l', id: 'reveal-deadlines-title', tabindex: '-1' }, 'Deadlines'),
        h('p', { class: 'govuk-body' }, `Working days in England and Wales, as they stand on ${longDate(report.stamp.today)}.`),
        h('ol', { class: 'govuk-list app-answers-list' }, stepItems),
        timeline(scenario.case, report, { calendar: this.round.calendar, idPrefix: 'reveal-timeline', caption: 'The case on a timeline' })),
      h('section', { class: 'app-slide', 'data-slide': 'flags', 'aria-labelledby': 'reveal-flags-title' },
        h('h3', { class: 'govuk-heading-l', id: 'reveal-flags-title', tabindex: '-1' }, `Flags: ${plural(report.flags.length, 'raised', 'raised')}`),
        h('p', { class: 'govuk-body' }, 'Flags are prompts to look again at the risk assessment, not verdicts.'),
        h('ul', { class: 'govuk-list app-answers-list' }, flagItems)),
      h('section', { class: 'app-slide', 'data-slide': 'learning', 'aria-labelledby': 'reveal-learning-title' },
        h('h3', { class: 'govuk-heading-l', id: 'reveal-learning-title', tabindex: '-1' }, 'What this scenario teaches'),
        learning(scenario, citations)));
    revealEl.hidden = false;
    this.roundEl.querySelector('#round-what-if').hidden = false;
    this.round.revealed = true;
    this.announce(`Revealed. ${score}`);
    if (focus) focusStatic(revealEl.querySelector('#reveal-title'));
    this.presenter.refresh();
  }

  // ------------------------------------------------------------ handouts

  /** The answer sheet, printed on its own: outcome, explanations, learning points, sources. */
  answerSheet() {
    const { report, scenario, citations } = this.round.entry;
    const q = report.qualification;
    return [
      h('h2', { class: 'govuk-heading-l' }, `Answer sheet: ${scenario.title}`),
      trainerNote(),
      h('p', { class: 'govuk-body-s' }, `Fictional training scenario. Worked out by ${report.stamp.engine} with the ${report.stamp.policy.title}, on ${longDate(report.stamp.today)}.`),
      h('h3', { class: 'govuk-heading-m' }, STATUS[q.status].heading),
      h('p', { class: 'govuk-body' }, q.summary),
      h('ul', { class: 'govuk-list govuk-list--bullet app-sheet-list' }, q.reasons.map((r) => h('li', null, h('strong', null, `${r.title}: `), r.text))),
      h('h3', { class: 'govuk-heading-m' }, 'Deadlines'),
      h('table', { class: 'govuk-table app-sheet-table' },
        h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
          ['Step', 'Due', 'State', 'Why'].map((t) => h('th', { scope: 'col', class: 'govuk-table__header' }, t)))),
        h('tbody', { class: 'govuk-table__body' }, report.deadlines.map((d) => h('tr', { class: 'govuk-table__row' },
          h('td', { class: 'govuk-table__cell' }, d.label),
          h('td', { class: 'govuk-table__cell' }, d.current_due ? longDate(d.current_due) : 'Not dated yet'),
          h('td', { class: 'govuk-table__cell' }, d.state_text),
          h('td', { class: 'govuk-table__cell' }, d.rule_text))))),
      timeline(scenario.case, report, { calendar: this.round.calendar, idPrefix: 'sheet-timeline', caption: 'Timeline' }),
      h('h3', { class: 'govuk-heading-m' }, report.flags.length ? `Flags raised (${report.flags.length})` : 'Flags raised: none'),
      h('ul', { class: 'govuk-list govuk-list--bullet app-sheet-list app-sheet-list--flags' }, report.flags.map((f) => h('li', null,
        h('strong', null, `${f.title}. `), `${sheetFacts(f.facts)}. Check: ${f.check}`))),
      h('h3', { class: 'govuk-heading-m' }, 'What this scenario teaches'),
      learning(scenario, citations),
    ];
  }

  print(kind) {
    document.body.classList.remove('app-print-scenario', 'app-print-answers');
    document.body.classList.add(kind);
    window.print();
  }
}

/**
 * The note a trainer reads first: the annual report's staff survey on how
 * SFOs are used in training, and so how to run the room.
 */
export function trainerNote() {
  return h('div', { class: 'govuk-inset-text app-trainer-note' },
    h('p', { class: 'govuk-body govuk-!-margin-bottom-2' }, h('strong', null, 'For the trainer. '),
      'HM Inspectorate of Probation’s staff survey found a perception of a “blame and shame” culture around SFOs, and one practitioner said that when SFOs are used as training examples “it is always looking at what the officer did/didn’t do”. These scenarios are invented. Each story gives the context a review would weigh (caseloads, cover, supervision, what other agencies shared): discuss the practice and the systems around it, not a person’s failure.'),
    h('p', { class: 'govuk-body-s govuk-!-margin-bottom-0' }, 'Source: ',
      citation({ ...vocabulary().citations.find((c) => c.id === 'hmip-sfo-annual-report-2024'), section: 'Staff survey' })));
}

/** A flag's facts on the answer sheet: the first three, then how many more (the reveal lists all). */
function sheetFacts(facts) {
  const shown = facts.slice(0, 3).map((x) => x.text).join('; ');
  const more = facts.length - 3;
  return more > 0 ? `${shown}; and ${plural(more, 'other fact', 'other facts')}` : shown;
}

function learning(scenario, citations) {
  return [
    h('ul', { class: 'govuk-list govuk-list--bullet app-learning' }, scenario.learning_points.map((t) => h('li', null, t))),
    citations.length
      ? [h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, h('strong', null, citations.length === 1 ? 'Source' : 'Sources')),
        h('ul', { class: 'govuk-list govuk-!-font-size-16 app-learning-sources' }, citations.map((c) => h('li', null, citation(c))))]
      : null,
  ];
}
