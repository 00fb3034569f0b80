// "Save as a training scenario" (#scenario-author): the case on the form,
// with a trainer's title, story and learning points, saved as a
// sfo-check/scenario@1 file whose expected outcome is the engine's own.
// Scenarios are worked out with the built-in profile only, as Training
// opens them, so a file gives the same answers on every trainer's page.

import { h, replace, focusStatic, onFieldLink } from '../dom.js';
import { caseFromRaw } from '../form.js';
import { renderErrorList } from '../render.js';
import { download } from './files.js';

const FIELD_IDS = { title: 'scenario-title', narrative: 'scenario-narrative', learning_points: 'scenario-learning', minutes: 'scenario-minutes' };

export class Author {
  /**
   * @param {HTMLElement} root - the toolbar, which holds the button and the panel
   * @param {{ state: object, form: object, update: (options?: object) => object, announce: (text: string) => void }} config
   */
  constructor(root, { state, form, update, announce }) {
    Object.assign(this, { root, state, form, update, announce });
    const $ = (id) => root.querySelector(`#${id}`);
    this.button = $('save-scenario');
    this.panel = $('scenario-author');
    this.errors = $('scenario-author-errors');
    this.status = $('save-status');
    this.inputs = { title: $('scenario-title'), narrative: $('scenario-narrative'), learning: $('scenario-learning'), topics: $('scenario-topics'), minutes: $('scenario-minutes') };
    $('scenario-cancel').addEventListener('click', () => this.toggle(false));
    $('scenario-save').addEventListener('click', () => this.save());
    this.errors.addEventListener('click', onFieldLink);
  }

  /** Opens the panel, or closes it (the page's button calls this). */
  toggle(open = this.panel.hidden) {
    this.panel.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) this.inputs.title.focus();
    else this.button.focus();
  }

  words() {
    const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);
    const minutes = this.inputs.minutes.value.trim();
    return {
      words: {
        title: this.inputs.title.value,
        narrative: this.inputs.narrative.value,
        learning_points: lines(this.inputs.learning.value),
        topics: this.inputs.topics.value.split(',').map((t) => t.trim()).filter(Boolean),
        ...(/^\d{1,3}$/.test(minutes) ? { minutes: Number(minutes) } : {}),
      },
      badMinutes: minutes !== '' && !/^\d{1,3}$/.test(minutes),
    };
  }

  /** The error summary, and each field's own message above it (the GOV.UK pattern). */
  showErrors(items) {
    this.errors.hidden = !items.length;
    renderErrorList(this.errors.querySelector('ul'), items);
    for (const id of Object.values(FIELD_IDS)) {
      const field = this.root.querySelector(`#${id}`);
      const group = field.closest('.govuk-form-group');
      group.querySelector('.govuk-error-message')?.remove();
      const described = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== `${id}-error`);
      const error = items.find((e) => e.target === id);
      group.classList.toggle('govuk-form-group--error', Boolean(error));
      field.classList.toggle(field.tagName === 'TEXTAREA' ? 'govuk-textarea--error' : 'govuk-input--error', Boolean(error));
      if (error) {
        field.before(h('p', { class: 'govuk-error-message', id: `${id}-error` }, h('span', { class: 'govuk-visually-hidden' }, 'Error:'), ` ${error.message}`));
        described.push(`${id}-error`);
      }
      if (described.length) field.setAttribute('aria-describedby', described.join(' '));
      else field.removeAttribute('aria-describedby');
    }
    if (items.length) focusStatic(this.errors);
  }

  save() {
    const built = caseFromRaw(this.form.read());
    if (built.errors.length) {
      this.update({ force: true, focusSummary: true });
      this.showErrors([{ text: 'Fix the errors in the case first: they are listed at the top of the form.' }]);
      return;
    }
    const { words, badMinutes } = this.words();
    const problems = badMinutes ? [{ text: 'About how long it takes: enter a whole number of minutes, like 15', message: 'Enter a whole number of minutes, like 15', target: FIELD_IDS.minutes }] : [];
    const builtIn = this.state.defaultProfile.id;
    if (built.case.policy && built.case.policy !== builtIn) {
      problems.push({ text: `The case names the policy profile “${built.case.policy}”: training scenarios use the built-in profile, so every trainer’s page gives the same answers. Clear “Policy profile” in section 1 of the form first.` });
    }
    this.checker ??= this.state.engine.checker([]).value;
    const written = this.checker.writeScenario(built.case, words, {});
    if (!written.ok || problems.length) {
      for (const e of written.ok ? [] : written.errors) {
        // The profile it names is already explained above.
        if (e.path === 'case.policy' && problems.some((x) => !x.target)) continue;
        if (e.path.startsWith('case.')) {
          problems.push({ text: `The case: ${e.label}: ${e.message}` });
          continue;
        }
        const message = e.code === 'required' ? 'Enter it' : e.message;
        problems.push({ text: `${e.label}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`, message, target: FIELD_IDS[e.path.replace(/\[\d+\]$/, '')] });
      }
      this.showErrors(problems);
      return;
    }
    this.showErrors([]);
    const scenario = written.value;
    const name = `${scenario.id}.json`;
    download(name, 'application/json', `${JSON.stringify(scenario, null, 2)}\n`);
    const used = this.state.report?.stamp.policy.id;
    const other = used && (used !== builtIn || this.state.entries.some((e) => e.edited && e.base.id === builtIn))
      ? ' Its answers are worked out with the built-in profile, as Training uses it, not the profile the results on this page use.' : '';
    replace(this.status, `Saved the training scenario as ${name} in your downloads. Open it under Training to use it.${other}`);
    this.announce(`Saved the training scenario as ${name}.`);
    this.toggle(false);
  }
}
