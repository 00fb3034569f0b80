// The policy profiles panel (#policy-profile): the profiles loaded, the
// choice of one for every case, the profile shown, loading files, and
// editing a profile's timetable. Changes go into state.policy; the page
// then checks the case again (onChange) and asks the panel to render.

import { readFileWithin } from './files.js';
import { h, replace, onFieldLink, focusStatic } from '../dom.js';
import { longDate } from '../dates.js';
import { renderErrorList, tag } from '../render.js';
import { renderProfile, editedProfile, describeOffset, explainSelection } from '../policy.js';
import { anchorLabel, statusText, errorInWords } from '../words.js';
import { refreshEntries, entryFor, profileKind, shownEntry, selection } from '../state.js';

const profileName = (p) => `${p.title} (${p.id})`;

function originText(entry) {
  if (entry.origin === 'built-in') return 'Built in';
  return `Loaded from ${entry.name}`;
}

function describeEdits(entry) {
  return entry.edited.timetable
    .map((s) => [s, entry.base.timetable.find((b) => b.id === s.id)])
    .filter(([s, b]) => s.offset.amount !== b.offset.amount)
    .map(([s, b]) => `${s.id} ${describeOffset(s.offset)} instead of ${b.offset.amount}`)
    .join('; ');
}

export class PolicyPanel {
  /**
   * @param {HTMLElement} root - the policy profiles section
   * @param {{ state: object, announce: (text: string) => void, onChange: () => void }} config -
   *   the shared state (owns state.policy and state.entries), the page's
   *   announcer, and what to do once the profiles change (check the case again)
   */
  constructor(root, { state, announce, onChange }) {
    this.root = root;
    this.state = state;
    this.announce = announce;
    this.onChange = onChange;
    const $ = (id) => root.querySelector(`#${id}`);
    this.title = $('policy-title');
    this.listTitle = $('policy-list-title');
    this.list = $('policy-list');
    this.choiceBlock = $('policy-choice-block');
    this.inForce = $('policy-in-force');
    this.tables = $('policy-tables');
    this.useDefault = $('use-default-profile');
    this.errors = $('policy-errors');
    this.errorList = $('policy-error-list');
    this.fileGroup = $('policy-file-group');
    this.fileError = $('policy-file-error');
    this.file = $('policy-file');
    this.editTarget = $('policy-edit-target');
    this.edit = $('policy-edit');
    // What each part last drew, so an update redraws only what changed.
    this.listFor = '';
    this.choiceFor = '';
    this.shownFor = '';
    this.targetFor = '';
    this.editBlockFor = '';

    this.errors.addEventListener('click', onFieldLink);
    this.file.addEventListener('change', () => this.onPolicyFile());
    this.useDefault.addEventListener('click', () => this.useDefaultProfile());
    this.list.addEventListener('click', (event) => this.onListClick(event));
    this.choiceBlock.addEventListener('change', (event) => this.onChoice(event));
    this.editTarget.addEventListener('change', () => this.onEditTarget());
    let stepTimer = null;
    this.edit.addEventListener('input', () => {
      clearTimeout(stepTimer);
      stepTimer = setTimeout(() => this.onStepEdit(), 150);
    });
  }

  render() {
    const { state } = this;
    const { entry, used } = shownEntry(state);
    this.renderList();
    this.renderChoice();
    this.renderInForce(entry, used);
    this.useDefault.hidden = !(state.policy.loaded.length || state.entries.some((e) => e.edited) || state.policy.choice);
    this.renderEditTarget();
    const target = this.editTargetEntry();
    const baseKey = JSON.stringify(target.base);
    if (baseKey !== this.editBlockFor) {
      this.editBlockFor = baseKey;
      this.renderEditBlock(target.base);
    }
  }

  renderList() {
    const { entries } = this.state;
    const key = JSON.stringify(entries.map((e) => [e.profile.id, e.profile.title, e.base.effective_from, e.origin, e.name]));
    if (key === this.listFor) return;
    this.listFor = key;
    const cell = (...children) => h('td', { class: 'govuk-table__cell' }, ...children);
    replace(this.list, h('div', { class: 'app-table-scroll', role: 'region', 'aria-labelledby': 'policy-list-caption', tabindex: '0' },
      h('table', { class: 'govuk-table app-policy-table', id: 'policy-list-table' },
        h('caption', { class: 'govuk-table__caption govuk-table__caption--s', id: 'policy-list-caption' }, 'Profiles loaded, by the day each comes into force'),
        h('thead', { class: 'govuk-table__head' }, h('tr', { class: 'govuk-table__row' },
          ['Profile', 'In force from', 'Where it came from']
            .map((c) => h('th', { scope: 'col', class: 'govuk-table__header' }, c)))),
        h('tbody', { class: 'govuk-table__body' }, entries.map((e) => h('tr', { class: 'govuk-table__row', 'data-profile': e.base.id },
          h('th', { scope: 'row', class: 'govuk-table__header' }, e.base.title, h('br'), h('span', { class: 'app-rule-id' }, e.base.id)),
          cell(longDate(e.base.effective_from)),
          cell(originText(e), e.edited ? [h('br'), tag('Edited in this browser', 'purple'), h('br'),
            h('span', { class: 'govuk-body-s' }, `Your edits: ${describeEdits(e)}.`)] : null,
          e.edited || e.origin === 'file' ? h('div', { class: 'govuk-button-group app-table-buttons' },
            e.edited ? h('button', { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-undo-edits': e.base.id },
              'Undo edits', h('span', { class: 'govuk-visually-hidden' }, ` to ${e.base.title}`)) : null,
            e.origin === 'file' ? h('button', { type: 'button', class: 'govuk-button govuk-button--warning', 'data-remove-profile': e.base.id },
              'Remove', h('span', { class: 'govuk-visually-hidden' }, ` ${e.base.title}`)) : null) : null)))))));
  }

  /** The choice: by date (the default), or one profile for every case. Only with more than one profile. */
  renderChoice() {
    const { entries, policy } = this.state;
    const key = JSON.stringify(entries.map((e) => [e.base.id, e.base.title]));
    if (key !== this.choiceFor) {
      this.choiceFor = key;
      const block = this.choiceBlock;
      if (entries.length < 2) replace(block);
      else {
        const item = (id, value, label, hint) => h('div', { class: 'govuk-radios__item' },
          h('input', { class: 'govuk-radios__input', id, name: 'policy-choice', type: 'radio', value, 'aria-describedby': hint ? `${id}-hint` : null }),
          h('label', { class: 'govuk-label govuk-radios__label', for: id }, label),
          hint ? h('div', { class: 'govuk-hint govuk-radios__hint', id: `${id}-hint` }, hint) : null);
        replace(block, h('div', { class: 'govuk-form-group' },
          h('fieldset', { class: 'govuk-fieldset', 'aria-describedby': 'policy-choice-hint' },
            h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Which profile to use'),
            h('div', { class: 'govuk-hint', id: 'policy-choice-hint' }, 'Naming one profile here uses it for every case, whatever its dates, and overrides a profile id entered in the case.'),
            h('div', { class: 'govuk-radios govuk-radios--small', 'data-module': 'govuk-radios' },
              item('policy-choice', '', 'Choose by date (recommended)', 'The profile in force on each case’s first court appearance, else the date charged, else the ‘assess on’ date.'),
              entries.map((e, i) => item(`policy-choice-${i + 2}`, e.base.id, `Always use ${profileName(e.base)}`, null))))));
      }
    }
    for (const radio of this.root.querySelectorAll('input[name="policy-choice"]')) radio.checked = radio.value === policy.choice;
  }

  renderInForce(entry, used) {
    const { state } = this;
    const kind = profileKind(state, entry.profile.id);
    const key = JSON.stringify([entry.profile.id, entry.profile.title, entry.origin, entry.name, used, kind,
      used ? explainSelection(state.report, selection(state)) : '']);
    if (key === this.shownFor) return;
    this.shownFor = key;
    replace(this.inForce,
      h('p', { class: 'govuk-body' }, used ? 'Used for the results shown: ' : 'No case has been checked yet. Shown below: ',
        h('strong', { id: 'policy-in-force-id' }, entry.profile.id), ' ', kind ? tag(kind, 'purple') : tag('Built in', 'grey')),
      h('p', { class: 'govuk-body' }, entry.profile.title, h('br'),
        h('span', { class: 'govuk-body-s' }, `In force from ${longDate(entry.profile.effective_from)}. ${originText(entry)}.`)),
      used ? h('p', { class: 'govuk-body-s' }, explainSelection(state.report, selection(state))) : null);
    renderProfile(this.tables, entry.profile);
  }

  editTargetEntry() {
    const { state } = this;
    return (state.policy.editTarget && entryFor(state, state.policy.editTarget)) || shownEntry(state).entry;
  }

  renderEditTarget() {
    const { entries } = this.state;
    const key = JSON.stringify(entries.map((e) => [e.base.id, e.base.title, e.base.effective_from]));
    if (key !== this.targetFor) {
      this.targetFor = key;
      replace(this.editTarget, h('div', { class: 'govuk-form-group' },
        h('label', { class: 'govuk-label govuk-label--s', for: 'policy-edit-profile' }, 'Profile to edit'),
        h('div', { class: 'govuk-hint', id: 'policy-edit-profile-hint' }, 'Until you choose one, this is the profile used for the results shown.'),
        h('select', { class: 'govuk-select', id: 'policy-edit-profile', name: 'policy-edit-profile', 'aria-describedby': 'policy-edit-profile-hint' },
          entries.map((e) => h('option', { value: e.base.id }, `${profileName(e.base)}, in force from ${longDate(e.base.effective_from)}`)))));
    }
    this.editTarget.querySelector('#policy-edit-profile').value = this.editTargetEntry().base.id;
  }

  renderEditBlock(base) {
    const steps = base.timetable.filter((s) => s.offset.unit === 'working-days');
    const edits = this.state.policy.edits[base.id] ?? {};
    replace(this.edit, steps.map((s) => {
      const id = `policy-step-${s.id}`;
      return h('div', { class: 'govuk-form-group', 'data-step': s.id },
        h('label', { class: 'govuk-label govuk-label--s', for: id }, `${s.label} (${s.id})`),
        h('div', { class: 'govuk-hint', id: `${id}-hint` },
          `Working days after ${anchorLabel(s.counts_from)}. In ${base.id}: ${describeOffset(s.offset)} (${statusText(s.status)}).`),
        h('div', { class: 'govuk-input__wrapper' },
          h('input', {
            class: 'govuk-input govuk-input--width-4', id, name: id, type: 'text', inputmode: 'numeric', spellcheck: 'false',
            autocomplete: 'off', value: String(edits[s.id] ?? s.offset.amount), 'aria-describedby': `${id}-hint`, 'data-step-id': s.id,
          }),
          h('div', { class: 'govuk-input__suffix', 'aria-hidden': 'true' }, 'working days')));
    }));
  }

  // ---------------------------------------------------------------- events

  onStepEdit() {
    const { state } = this;
    const base = this.editTargetEntry().base;
    const edits = {};
    let valid = true;
    for (const group of this.edit.querySelectorAll('[data-step]')) {
      const value = group.querySelector('input').value.trim();
      if (!/^\d+$/.test(value)) {
        setStepError(group, `Enter the number of working days for ${group.dataset.step} as a whole number, like 5`);
        valid = false;
        continue;
      }
      setStepError(group, '');
      edits[group.dataset.step] = Number(value);
    }
    if (!valid) return;
    const edited = editedProfile(base, edits);
    if (edited) {
      const checked = state.engine.readPolicy(edited);
      if (!checked.ok) {
        for (const e of checked.errors) {
          const m = /^timetable\[(\d+)\]/.exec(e.path);
          const step = m ? edited.timetable[Number(m[1])].id : null;
          const group = step && this.edit.querySelector(`[data-step="${step}"]`);
          if (group) setStepError(group, `The number of working days for ${step} ${e.message}`);
        }
        return;
      }
    }
    // The block stays on this profile from now on, whatever the results use.
    state.policy.editTarget = base.id;
    if (edited) state.policy.edits[base.id] = edits;
    else delete state.policy.edits[base.id];
    refreshEntries(state);
    this.onChange();
  }

  onEditTarget() {
    this.state.policy.editTarget = this.editTarget.querySelector('#policy-edit-profile').value;
    this.onChange();
  }

  onChoice(event) {
    if (event.target.name !== 'policy-choice') return;
    this.state.policy.choice = event.target.value;
    this.onChange();
  }

  showErrors(errors) {
    renderErrorList(this.errorList, errors.map((e) => ({ text: e.text, target: 'policy-file' })));
    this.errors.hidden = !errors.length;
    this.fileGroup.classList.toggle('govuk-form-group--error', errors.length > 0);
    this.fileError.hidden = !errors.length;
    if (errors.length) focusStatic(this.errors);
  }

  afterProfilesChanged(message) {
    refreshEntries(this.state);
    this.onChange();
    this.announce(message);
    focusStatic(this.listTitle);
  }

  useDefaultProfile() {
    Object.assign(this.state.policy, { loaded: [], edits: {}, choice: '', editTarget: '' });
    this.editBlockFor = '';
    this.file.value = '';
    this.showErrors([]);
    this.afterProfilesChanged('Only the built-in policy profile is loaded now, with no edits.');
    this.title.scrollIntoView();
  }

  onListClick(event) {
    const { state } = this;
    const remove = event.target.closest('[data-remove-profile]');
    const undo = event.target.closest('[data-undo-edits]');
    if (remove) {
      const id = remove.dataset.removeProfile;
      const entry = entryFor(state, id);
      const hadEdits = Boolean(entry?.edited);
      const wasChosen = state.policy.choice === id;
      state.policy.loaded = state.policy.loaded.filter((l) => l.profile.id !== id);
      delete state.policy.edits[id];
      this.afterProfilesChanged(`${entry ? profileName(entry.base) : id} removed${hadEdits ? ', with your edits to it' : ''}.${
        wasChosen ? ' It was used for every case: now each case’s profile is chosen by date.' : ''} Your case is unchanged.`);
    } else if (undo) {
      const id = undo.dataset.undoEdits;
      delete state.policy.edits[id];
      this.editBlockFor = '';
      this.afterProfilesChanged(`Your edits to ${profileName(entryFor(state, id).base)} were undone.`);
    }
  }

  async onPolicyFile() {
    const { state } = this;
    const input = this.file;
    // A file over the engine's limit is refused unread.
    const files = await Promise.all([...(input.files ?? [])].map((f) => readFileWithin(state.engine, f, 'policy file')));
    input.value = '';
    if (!files.length) return;
    const errors = [];
    const added = [];
    for (const file of files) {
      if (file.error) {
        errors.push({ text: `${file.name}: ${errorInWords(file.error)}` });
        continue;
      }
      const read = state.engine.readPolicy(file.text);
      if (!read.ok) {
        errors.push(...read.errors.map((e) => ({ text: `${file.name}: ${errorInWords(e)}` })));
        continue;
      }
      // A file with the id of a profile loaded replaces it, as in the engine.
      state.policy.loaded = state.policy.loaded.filter((l) => l.profile.id !== read.value.id);
      state.policy.loaded.push({ profile: read.value, name: file.name });
      added.push(`${profileName(read.value)} from ${file.name}`);
    }
    this.showErrors(errors);
    if (!added.length) return;
    refreshEntries(state);
    this.onChange();
    const how = state.policy.choice
      ? `${profileName(entryFor(state, state.policy.choice).base)} is still used for every case, as you chose.`
      : 'For each case, the profile in force on its date is used.';
    this.announce(`Loaded ${added.join(' and ')}. ${how}`);
    if (!errors.length) focusStatic(this.listTitle);
  }
}

function setStepError(group, text) {
  const input = group.querySelector('input');
  group.querySelector('.govuk-error-message')?.remove();
  group.classList.toggle('govuk-form-group--error', Boolean(text));
  input.classList.toggle('govuk-input--error', Boolean(text));
  const hintId = `${input.id}-hint`;
  if (text) {
    const id = `${input.id}-error`;
    group.querySelector('.govuk-hint').after(h('p', { class: 'govuk-error-message', id }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), text));
    input.setAttribute('aria-describedby', `${hintId} ${id}`);
  } else input.setAttribute('aria-describedby', hintId);
}
