// "Save as a training scenario" (#scenario-author): the case on the form,
// with a trainer's title, story and learning points, saved as a
// sfo-check/scenario@1 file whose expected outcome is the engine's own.

import { replace, focusStatic, onFieldLink } from '../dom.js';
import { caseFromRaw } from '../form.js';
import { renderErrorList } from '../render.js';
import { checkOptions } from '../policy.js';
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

  showErrors(items) {
    this.errors.hidden = !items.length;
    renderErrorList(this.errors.querySelector('ul'), items);
    for (const id of Object.values(FIELD_IDS)) {
      const bad = items.some((e) => e.target === id);
      this.root.querySelector(`#${id}`).closest('.govuk-form-group').classList.toggle('govuk-form-group--error', bad);
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
    const problems = badMinutes ? [{ text: 'About how long it takes: enter a whole number of minutes, like 15', target: FIELD_IDS.minutes }] : [];
    const { policy_id: policyId } = checkOptions(this.state.entries, this.state.policy.choice, built.case.policy ?? '');
    const written = this.state.checker.writeScenario(built.case, words, policyId ? { policy_id: policyId } : {});
    if (!written.ok || problems.length) {
      for (const e of written.ok ? [] : written.errors) {
        const field = e.path.startsWith('case.') ? null : e.path.replace(/\[\d+\]$/, '');
        const text = e.path.startsWith('case.') ? `The case: ${e.label}: ${e.message}` : `${e.label}: ${e.message === 'required' ? 'enter it' : e.message}`;
        problems.push({ text, target: FIELD_IDS[field] });
      }
      this.showErrors(problems);
      return;
    }
    this.showErrors([]);
    const scenario = written.value;
    const name = `${scenario.id}.json`;
    download(name, 'application/json', `${JSON.stringify(scenario, null, 2)}\n`);
    replace(this.status, `Saved the training scenario as ${name} in your downloads. Open it under Training to use it.`);
    this.announce(`Saved the training scenario as ${name}.`);
    this.toggle(false);
  }
}
