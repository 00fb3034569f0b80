// sfo-check page: wires the case form to the engine (engine.js) and renders
// the results. Everything happens in this browser: no storage, no requests
// beyond the page's own files.

import { initAll } from './vendor/govuk-frontend.min.js';
import { loadEngine } from './engine.js';
import { h, replace, focusControl, focusStatic } from './dom.js';
import { todayIso, longDate } from './dates.js';
import {
  buildForm, readRaw, writeRaw, caseFromRaw, rawFromCase, hasEntries, pathToId, parentPath,
  nameFor, fieldFor, toFormPath, setPolicyOptions, addRow, removeRow, rowCount, repeatNode, answers,
} from './form.js';
import {
  renderQualification, renderReasons, renderDeadlines, renderFlags, renderMissing, renderStamp, renderErrorList,
  renderAnswers, STATUS, tag,
} from './render.js';
import {
  renderProfile, editedProfile, describeOffset, ANCHOR, profileEntries, checkOptions, explainSelection,
} from './policy.js';
import { buildIcs, icsDeadlines } from './ics.js';
import { BUILD } from './build-info.js';

document.body.classList.add('govuk-frontend-supported');

const $ = (id) => document.getElementById(id);
const cap = (text) => text.charAt(0).toUpperCase() + text.slice(1);

const form = $('case-form');
const app = $('app');
const resultsBody = $('results-body');
const resultsLive = $('results-live');
const staleNote = $('results-stale');
const errorSummary = $('error-summary');
const errorList = $('error-list');
const announcer = $('announcer');

let engine;
let defaultProfile;
let lastReport = null;
let lastCaseProfileId = '';
let lastRowMap = {};
let lastRendered = '';
let shownTargets = new Set();
let errorSignature = '';
let dirty = false;
let timer = null;
let liveText = '';

function announce(text) {
  replace(announcer, '');
  // A fresh text node after a tick is announced even when the text repeats.
  setTimeout(() => replace(announcer, text), 50);
}

// ------------------------------------------------------------------ targets

/** The element a case path points at: a control, a date's day box, a row's first control. */
function resolveTarget(path) {
  let p = String(path ?? '');
  while (p) {
    const el = $(pathToId(p));
    if (el) {
      if (el.classList.contains('govuk-date-input')) return $(`${el.id}-day`);
      if (el.matches('input, select, textarea')) return el;
      return el.querySelector('input, select, textarea, button') ?? el;
    }
    p = parentPath(p);
  }
  return null;
}

function targetId(el) {
  if (!el) return null;
  if (!el.id) el.id = `target-${Math.random().toString(36).slice(2, 8)}`;
  return el.id;
}

/** For report paths (case indexes): the id of the form control. */
function reportTarget(path) {
  return targetId(resolveTarget(toFormPath(path, lastRowMap)));
}

/** For report paths: the words for the field. */
const reportName = (path) => nameFor(toFormPath(path, lastRowMap));

const unitOf = (el) => el?.closest('.app-repeat__row') ?? el?.closest('[data-field]') ?? null;

// ------------------------------------------------------------------ errors

const CASE_PATH = /\b[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)+\b/g;

/** Engine messages name case paths; say them in words. */
function humanise(message, rowMap) {
  return message
    .replace(CASE_PATH, (path) => (fieldFor(toFormPath(path, rowMap)) ? `the ${nameFor(toFormPath(path, rowMap))}` : path));
}

function engineError(error, rowMap) {
  if (!error.path) return { text: `The case could not be checked: ${error.message}`, el: null };
  const path = toFormPath(error.path, rowMap);
  const field = fieldFor(path);
  let text;
  if (error.message === 'required, but missing') {
    text = `${field && ['date', 'text', 'number'].includes(field.kind) ? 'Enter' : 'Select'} the ${nameFor(path)}`;
  } else {
    text = `${cap(nameFor(path))}: ${humanise(error.message, rowMap)}`;
  }
  return { text, path, el: resolveTarget(path) };
}

let decorated = [];

function clearInline() {
  for (const undo of decorated) undo();
  decorated = [];
}

function addClass(el, cls) {
  if (!el || el.classList.contains(cls)) return;
  el.classList.add(cls);
  decorated.push(() => el.classList.remove(cls));
}

/** Shows one error beside its field, GOV.UK style. */
function showInline(error) {
  const group = error.el?.closest('[data-field]');
  if (!group || group.querySelector(':scope > .govuk-error-message, :scope > fieldset > .govuk-error-message')) return;
  addClass(group, 'govuk-form-group--error');
  const kind = group.dataset.kind;
  const fieldset = group.querySelector(':scope > fieldset');
  const control = fieldset ?? group.querySelector('input, select');
  const base = control.dataset.describedby ?? '';
  const id = `${group.querySelector('[id]').id.replace(/-(day|items)$/, '')}-error`;
  const message = h('p', { class: 'govuk-error-message', id }, h('span', { class: 'govuk-visually-hidden' }, 'Error: '), error.text);
  const hint = (fieldset ?? group).querySelector(':scope > .govuk-hint');
  const before = fieldset ? (hint ?? fieldset.querySelector(':scope > legend')) : (hint ?? group.querySelector(':scope > label'));
  before.after(message);
  control.setAttribute('aria-describedby', [base, id].filter(Boolean).join(' '));
  decorated.push(() => {
    message.remove();
    if (base) control.setAttribute('aria-describedby', base);
    else control.removeAttribute('aria-describedby');
  });
  if (kind === 'date') {
    const parts = error.parts ?? ['day', 'month', 'year'];
    for (const part of parts) addClass(group.querySelector(`[data-part="${part}"]`), 'govuk-input--error');
  } else if (kind === 'select') addClass(group.querySelector('select'), 'govuk-select--error');
  else if (kind === 'text' || kind === 'number') addClass(group.querySelector('input'), 'govuk-input--error');
}

function showErrors(visible) {
  const signature = JSON.stringify(visible.map((e) => [e.text, e.target, e.parts]));
  if (signature === errorSignature) return false;
  errorSignature = signature;
  clearInline();
  if (!visible.length) {
    errorSummary.hidden = true;
    renderErrorList(errorList, []);
    return true;
  }
  renderErrorList(errorList, visible);
  errorSummary.hidden = false;
  for (const error of visible) showInline(error);
  return true;
}

// ------------------------------------------------------------------ policy

// The profiles loaded from files, in load order ({ profile, name }); the
// user's edits to each profile's timetable ({ profileId: { stepId: n } });
// the profile named for every case ('' = the engine chooses by date); and the
// profile the edit block edits ('' = the one used for the results shown,
// until the user picks one or edits a step).
const policy = { loaded: [], edits: {}, choice: '', editTarget: '' };
let entries = [];

function refreshEntries() {
  entries = profileEntries(defaultProfile, policy.loaded, policy.edits);
  if (policy.choice && !entries.some((e) => e.base.id === policy.choice)) policy.choice = '';
  if (policy.editTarget && !entries.some((e) => e.base.id === policy.editTarget)) policy.editTarget = '';
}

const entryFor = (id) => entries.find((e) => e.profile.id === id) ?? entries.find((e) => e.base.id === id) ?? null;

function policyOptions(caseProfileId) {
  return checkOptions(entries, policy.choice, caseProfileId);
}

/** The tag for a profile used in the results: null for the built-in one. */
function profileKind(id) {
  const entry = entryFor(id);
  if (!entry) return null;
  if (entry.edited) return 'Edited in this browser';
  return entry.origin === 'file' ? 'Loaded from a file' : null;
}

function originText(entry) {
  if (entry.origin === 'built-in') return 'Built in';
  return `Loaded from ${entry.name}`;
}

const profileName = (p) => `${p.title} (${p.id})`;

/** The profile the panel shows: the one used for the results, else the one named, else the latest loaded. */
function shownEntry() {
  const used = lastReport ? entryFor(lastReport.stamp.policy.id) : null;
  if (used) return { entry: used, used: true };
  const named = policy.choice ? entryFor(policy.choice) : null;
  const latest = [...entries].sort((a, b) => a.order - b.order).at(-1);
  return { entry: named ?? latest, used: false };
}

let listFor = '';
let choiceFor = '';
let shownFor = '';
let targetFor = '';
let editBlockFor = '';
let formOptionsFor = '';

function renderPolicyList() {
  const key = JSON.stringify(entries.map((e) => [e.profile.id, e.profile.title, e.base.effective_from, e.origin, e.name]));
  if (key === listFor) return;
  listFor = key;
  const cell = (...children) => h('td', { class: 'govuk-table__cell' }, ...children);
  replace($('policy-list'), h('div', { class: 'app-table-scroll', role: 'region', 'aria-labelledby': 'policy-list-caption', tabindex: '0' },
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

function describeEdits(entry) {
  return entry.edited.timetable
    .map((s) => [s, entry.base.timetable.find((b) => b.id === s.id)])
    .filter(([s, b]) => s.offset.amount !== b.offset.amount)
    .map(([s, b]) => `${s.id} ${describeOffset(s.offset)} instead of ${b.offset.amount}`)
    .join('; ');
}

/** The choice: by date (the default), or one profile for every case. Only with more than one profile. */
function renderPolicyChoice() {
  const key = JSON.stringify(entries.map((e) => [e.base.id, e.base.title]));
  if (key !== choiceFor) {
    choiceFor = key;
    const block = $('policy-choice-block');
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
  for (const radio of document.querySelectorAll('input[name="policy-choice"]')) radio.checked = radio.value === policy.choice;
}

function renderInForce(entry, used) {
  const kind = profileKind(entry.profile.id);
  const key = JSON.stringify([entry.profile.id, entry.profile.title, entry.origin, entry.name, used, kind,
    used ? explainSelection(lastReport, { choice: policy.choice, caseProfileId: lastCaseProfileId }) : '']);
  if (key === shownFor) return;
  shownFor = key;
  replace($('policy-in-force'),
    h('p', { class: 'govuk-body' }, used ? 'Used for the results shown: ' : 'No case has been checked yet. Shown below: ',
      h('strong', { id: 'policy-in-force-id' }, entry.profile.id), ' ', kind ? tag(kind, 'purple') : tag('Built in', 'grey')),
    h('p', { class: 'govuk-body' }, entry.profile.title, h('br'),
      h('span', { class: 'govuk-body-s' }, `In force from ${longDate(entry.profile.effective_from)}. ${originText(entry)}.`)),
    used ? h('p', { class: 'govuk-body-s' }, explainSelection(lastReport, { choice: policy.choice, caseProfileId: lastCaseProfileId })) : null);
  renderProfile($('policy-tables'), entry.profile);
}

function editTargetEntry() {
  return (policy.editTarget && entryFor(policy.editTarget)) || shownEntry().entry;
}

function renderEditTarget() {
  const key = JSON.stringify(entries.map((e) => [e.base.id, e.base.title, e.base.effective_from]));
  if (key !== targetFor) {
    targetFor = key;
    replace($('policy-edit-target'), h('div', { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label govuk-label--s', for: 'policy-edit-profile' }, 'Profile to edit'),
      h('div', { class: 'govuk-hint', id: 'policy-edit-profile-hint' }, 'Until you choose one, this is the profile used for the results shown.'),
      h('select', { class: 'govuk-select', id: 'policy-edit-profile', name: 'policy-edit-profile', 'aria-describedby': 'policy-edit-profile-hint' },
        entries.map((e) => h('option', { value: e.base.id }, `${profileName(e.base)}, in force from ${longDate(e.base.effective_from)}`)))));
  }
  $('policy-edit-profile').value = editTargetEntry().base.id;
}

function renderPolicyPanel() {
  const { entry, used } = shownEntry();
  const optionsKey = JSON.stringify(entry.profile);
  if (optionsKey !== formOptionsFor) {
    formOptionsFor = optionsKey;
    setPolicyOptions(form, entry.profile);
  }
  renderPolicyList();
  renderPolicyChoice();
  renderInForce(entry, used);
  $('use-default-profile').hidden = !(policy.loaded.length || entries.some((e) => e.edited) || policy.choice);
  renderEditTarget();
  const target = editTargetEntry();
  const baseKey = JSON.stringify(target.base);
  if (baseKey !== editBlockFor) {
    editBlockFor = baseKey;
    renderEditBlock(target.base);
  }
}

function renderEditBlock(base) {
  const steps = base.timetable.filter((s) => s.offset.unit === 'working-days');
  const edits = policy.edits[base.id] ?? {};
  replace($('policy-edit'), steps.map((s) => {
    const id = `policy-step-${s.id}`;
    return h('div', { class: 'govuk-form-group', 'data-step': s.id },
      h('label', { class: 'govuk-label govuk-label--s', for: id }, `${s.label} (${s.id})`),
      h('div', { class: 'govuk-hint', id: `${id}-hint` },
        `Working days after ${ANCHOR[s.counts_from] ?? s.counts_from}. In ${base.id}: ${describeOffset(s.offset)}${s.status === 'default' ? ' (default — check against your region’s agreed timescales)' : ' (confirmed)'}.`),
      h('div', { class: 'govuk-input__wrapper' },
        h('input', {
          class: 'govuk-input govuk-input--width-4', id, name: id, type: 'text', inputmode: 'numeric', spellcheck: 'false',
          autocomplete: 'off', value: String(edits[s.id] ?? s.offset.amount), 'aria-describedby': `${id}-hint`, 'data-step-id': s.id,
        }),
        h('div', { class: 'govuk-input__suffix', 'aria-hidden': 'true' }, 'working days')));
  }));
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

function onStepEdit() {
  const base = editTargetEntry().base;
  const edits = {};
  let valid = true;
  for (const group of $('policy-edit').querySelectorAll('[data-step]')) {
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
    const checked = engine.readPolicy(edited);
    if (!checked.ok) {
      for (const e of checked.errors) {
        const m = /^timetable\[(\d+)\]/.exec(e.path);
        const step = m ? edited.timetable[Number(m[1])].id : null;
        const group = step && $('policy-edit').querySelector(`[data-step="${step}"]`);
        if (group) setStepError(group, `The number of working days for ${step} ${e.message}`);
      }
      return;
    }
  }
  // The block stays on this profile from now on, whatever the results use.
  policy.editTarget = base.id;
  if (edited) policy.edits[base.id] = edits;
  else delete policy.edits[base.id];
  refreshEntries();
  update();
}

function onEditTarget() {
  policy.editTarget = $('policy-edit-profile').value;
  update();
}

function onPolicyChoice(event) {
  if (event.target.name !== 'policy-choice') return;
  policy.choice = event.target.value;
  update();
}

function showPolicyErrors(errors) {
  const box = $('policy-errors');
  renderErrorList($('policy-error-list'), errors.map((e) => ({ text: e.text, target: 'policy-file' })));
  box.hidden = !errors.length;
  const group = $('policy-file-group');
  group.classList.toggle('govuk-form-group--error', errors.length > 0);
  $('policy-file-error').hidden = !errors.length;
  if (errors.length) focusStatic(box);
}

function afterProfilesChanged(message) {
  refreshEntries();
  update();
  announce(message);
  focusStatic($('policy-list-title'));
}

function useDefaultProfile() {
  Object.assign(policy, { loaded: [], edits: {}, choice: '', editTarget: '' });
  editBlockFor = '';
  $('policy-file').value = '';
  showPolicyErrors([]);
  afterProfilesChanged('Only the built-in policy profile is loaded now, with no edits.');
  $('policy-title').scrollIntoView();
}

function onPolicyListClick(event) {
  const remove = event.target.closest('[data-remove-profile]');
  const undo = event.target.closest('[data-undo-edits]');
  if (remove) {
    const id = remove.dataset.removeProfile;
    const entry = entryFor(id);
    const hadEdits = Boolean(entry?.edited);
    const wasChosen = policy.choice === id;
    policy.loaded = policy.loaded.filter((l) => l.profile.id !== id);
    delete policy.edits[id];
    afterProfilesChanged(`${entry ? profileName(entry.base) : id} removed${hadEdits ? ', with your edits to it' : ''}.${
      wasChosen ? ' It was used for every case: now each case’s profile is chosen by date.' : ''} Your case is unchanged.`);
  } else if (undo) {
    const id = undo.dataset.undoEdits;
    delete policy.edits[id];
    editBlockFor = '';
    afterProfilesChanged(`Your edits to ${profileName(entryFor(id).base)} were undone.`);
  }
}

async function readFile(input) {
  const file = input.files?.[0];
  if (!file) return null;
  return { name: file.name, text: await file.text() };
}

async function onPolicyFile() {
  const input = $('policy-file');
  const files = await Promise.all([...(input.files ?? [])].map(async (f) => ({ name: f.name, text: await f.text() })));
  input.value = '';
  if (!files.length) return;
  const errors = [];
  const added = [];
  for (const file of files) {
    const read = engine.readPolicy(file.text);
    if (!read.ok) {
      errors.push(...read.errors.map((e) => ({ text: `${file.name}: ${e.path ? `${e.path}: ` : ''}${e.message}` })));
      continue;
    }
    // A file with the id of a profile loaded replaces it, as in the engine.
    policy.loaded = policy.loaded.filter((l) => l.profile.id !== read.value.id);
    policy.loaded.push({ profile: read.value, name: file.name });
    added.push(`${profileName(read.value)} from ${file.name}`);
  }
  showPolicyErrors(errors);
  if (!added.length) return;
  refreshEntries();
  update();
  const how = policy.choice
    ? `${profileName(entryFor(policy.choice).base)} is still used for every case, as you chose.`
    : 'For each case, the profile in force on its date is used.';
  announce(`Loaded ${added.join(' and ')}. ${how}`);
  if (!errors.length) focusStatic($('policy-list-title'));
}

// ------------------------------------------------------------------ results

/** Which build the page is, and whether the engine module it runs is that build's. */
function buildStamp() {
  const module = engine.moduleHash();
  return { id: BUILD.id, module: module?.slice(0, 12) ?? null, matches: module === null || module === BUILD.wasm };
}

function placeholder(text) {
  replace(resultsBody, h('p', { class: 'govuk-body app-placeholder' }, text));
  lastRendered = '';
}

function setLive(text) {
  if (text === liveText) return;
  liveText = text;
  replace(resultsLive, text);
}

function renderReport(report) {
  const kind = profileKind(report.stamp.policy.id);
  const why = explainSelection(report, { choice: policy.choice, caseProfileId: lastCaseProfileId });
  const key = JSON.stringify([report, kind, why]);
  staleNote.hidden = true;
  resultsBody.classList.remove('app-results--stale');
  if (key === lastRendered) return;
  lastRendered = key;
  const open = new Set([...resultsBody.querySelectorAll('details[open][data-flag]')].map((d) => d.dataset.flag));
  const produced = new Date().toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const p = report.stamp.policy;
  const note = h('div', { class: 'app-profile-note', id: 'result-profile' },
    h('p', { class: 'govuk-body-s govuk-!-margin-bottom-1' }, 'Policy profile: ', h('strong', null, p.title), ` (${p.id}), in force from ${longDate(p.effective_from)}. `,
      kind ? tag(kind, 'purple') : null),
    h('p', { class: 'govuk-body-s govuk-!-margin-bottom-0' }, why));
  replace(resultsBody,
    renderQualification(report, note),
    renderReasons(report),
    renderDeadlines(report, icsDeadlines(report).length > 0),
    renderFlags(report, reportTarget, open, reportName),
    renderMissing(report, reportTarget, reportName),
    renderStamp(report, kind, why, produced, buildStamp()));
}

/** The results panel scrolls on its own on wide screens: then it takes keyboard focus. */
function syncScrollable() {
  const results = $('results');
  if (results.scrollHeight > results.clientHeight + 1) results.setAttribute('tabindex', '0');
  else results.removeAttribute('tabindex');
}

function markStale(text) {
  if (!lastReport) {
    placeholder(text.startsWith('Results will') ? 'Results will show when you finish this answer.' : 'No results yet: fix the errors above.');
    return;
  }
  staleNote.hidden = false;
  replace(staleNote, text);
  resultsBody.classList.add('app-results--stale');
  const ics = $('download-ics');
  if (ics) {
    ics.disabled = true;
    ics.setAttribute('aria-disabled', 'true');
  }
}

// ------------------------------------------------------------------ the update cycle

function update({ force = false, focusSummary = false } = {}) {
  clearTimeout(timer);
  const raw = readRaw(form);
  const built = caseFromRaw(raw);
  renderAnswers($('answers-list'), answers(form, raw));

  if (!hasEntries(raw)) {
    lastReport = null;
    lastRowMap = {};
    showErrors([]);
    placeholder('Enter details of the case to see whether it qualifies as an SFO, its deadlines and any flags.');
    staleNote.hidden = true;
    resultsBody.classList.remove('app-results--stale');
    setLive('');
    renderPolicyPanel();
    syncScrollable();
    return { errors: [] };
  }

  const result = engine.check(built.case, policyOptions(built.case.policy));
  const errors = built.errors.map((e) => ({ ...e, text: e.message, el: resolveTarget(e.path) }));
  if (!result.ok) errors.push(...result.errors.map((e) => engineError(e, built.rowMap)));
  for (const e of errors) e.target = targetId(e.el);

  const active = document.activeElement;
  const activeUnit = active && form.contains(active) ? unitOf(active) : null;
  const visible = force
    ? errors
    : errors.filter((e) => !(activeUnit && e.el && unitOf(e.el) === activeUnit && !shownTargets.has(e.target)));
  shownTargets = new Set(visible.map((e) => e.target));
  showErrors(visible);

  if (errors.length) {
    if (visible.length) {
      markStale('Results are out of date: fix the errors above.');
      setLive(`Results are out of date: there ${visible.length === 1 ? 'is 1 error' : `are ${visible.length} errors`} to fix.`);
    } else {
      markStale('Results will update when you finish this answer.');
    }
    if (focusSummary && visible.length) focusStatic(errorSummary);
  } else {
    lastReport = result.value;
    lastRowMap = built.rowMap;
    lastCaseProfileId = built.case.policy ?? '';
    renderReport(lastReport);
    const s = STATUS[lastReport.qualification.status];
    setLive(`Result: ${s.heading}. ${lastReport.qualification.summary}`);
  }
  renderPolicyPanel();
  syncScrollable();
  return { errors, visible };
}

function scheduleUpdate() {
  clearTimeout(timer);
  timer = setTimeout(() => update(), 150);
}

// ------------------------------------------------------------------ files

function slug(text) {
  return String(text ?? '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, class: 'govuk-visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function saveCase() {
  const raw = readRaw(form);
  const built = caseFromRaw(raw);
  if (built.errors.length) {
    update({ force: true, focusSummary: true });
    replace($('save-status'), 'The case was not saved: fix the dates and numbers in the errors above first.');
    return;
  }
  const reference = built.case.reference;
  const name = slug(reference) ? `sfo-case-${slug(reference)}.json` : `sfo-case-${todayIso()}.json`;
  download(name, 'application/json', `${JSON.stringify(built.case, null, 2)}\n`);
  dirty = false;
  replace($('save-status'), `Saved as ${name} in your downloads.`);
}

function showFileProblems(title, items) {
  const box = $('file-problems');
  replace($('file-problems-title'), title);
  renderErrorList($('file-problems-list'), items);
  box.hidden = !items.length && !title;
}

function hideFileProblems() {
  $('file-problems').hidden = true;
}

async function openCase() {
  const input = $('open-case');
  const file = await readFile(input);
  input.value = '';
  if (!file) return;
  let obj;
  try {
    obj = JSON.parse(file.text);
  } catch {
    const check = engine.check(file.text, {});
    showFileProblems(`${file.name} could not be opened`, [{ text: check.ok ? 'The file is not JSON.' : check.errors[0].message, target: 'open-case' }]);
    focusStatic($('file-problems'));
    return;
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    showFileProblems(`${file.name} could not be opened`, [{ text: 'The file is not an sfo-check case: it must be a JSON object ({ ... }).', target: 'open-case' }]);
    focusStatic($('file-problems'));
    return;
  }
  if (obj.schema !== undefined && obj.schema !== 'sfo-check/case@1') {
    const isPolicy = String(obj.schema).startsWith('sfo-check/policy');
    showFileProblems(`${file.name} could not be opened`, [{
      text: isPolicy
        ? 'This file is a policy profile, not a case: load it under “Policy profiles” below.'
        : `This file is not an sfo-check case: its schema is “${obj.schema}”, and this page reads “sfo-check/case@1”.`,
      target: isPolicy ? 'policy-file' : 'open-case',
    }]);
    focusStatic($('file-problems'));
    return;
  }
  const { raw, dropped } = rawFromCase(obj);
  writeRaw(form, raw);
  lastReport = null;
  lastRendered = '';
  dirty = false;
  replace($('save-status'), '');
  if (dropped.length) {
    const check = engine.check(obj, policyOptions(typeof obj.policy === 'string' ? obj.policy : ''));
    const engineErrors = check.ok ? [] : check.errors;
    const items = dropped.map((path) => {
      const e = engineErrors.find((x) => x.path === path || x.path.startsWith(`${path}.`) || x.path.startsWith(`${path}[`) || path.startsWith(`${x.path}.`) || path.startsWith(`${x.path}[`));
      return { text: `${path}: ${e ? e.message : 'this value could not be read, so it was not loaded'}`, target: targetId(resolveTarget(path)) ?? 'open-case' };
    });
    showFileProblems(`Some of ${file.name} was not loaded`, items);
  } else hideFileProblems();
  const { visible } = update({ force: true, focusSummary: true });
  if (dropped.length && !visible?.length) focusStatic($('file-problems'));
  else if (!visible?.length) {
    announce(`Opened ${file.name}.`);
    focusStatic($('results-title'));
  }
}

// ------------------------------------------------------------------ start again

function startAgain() {
  $('confirm-start-again').hidden = false;
  $('start-again').setAttribute('aria-expanded', 'true');
  focusStatic($('confirm-start-again-text'));
}

function cancelStartAgain() {
  $('confirm-start-again').hidden = true;
  $('start-again').setAttribute('aria-expanded', 'false');
  $('start-again').focus();
}

function confirmStartAgain() {
  $('confirm-start-again').hidden = true;
  $('start-again').setAttribute('aria-expanded', 'false');
  writeRaw(form, { values: {}, rows: Object.fromEntries(['supervision', 'events'].map((p) => [p, repeatNode(p).initial])) });
  lastReport = null;
  lastRendered = '';
  shownTargets = new Set();
  dirty = false;
  hideFileProblems();
  replace($('save-status'), '');
  update();
  announce('Everything you entered has been cleared.');
  $('reference').focus();
}

// ------------------------------------------------------------------ rows

function onFormClick(event) {
  const add = event.target.closest('[data-add]');
  if (add) {
    const row = addRow(form, add.dataset.add);
    row.querySelector('input, select').focus();
    announce(`${row.querySelector('legend').textContent} added.`);
    scheduleUpdate();
    return;
  }
  const remove = event.target.closest('[data-remove]');
  if (remove) {
    const path = remove.dataset.remove;
    const index = Number(remove.dataset.index);
    const node = repeatNode(path);
    const raw = removeRow(readRaw(form), path, index);
    writeRaw(form, raw);
    dirty = true;
    const rows = form.querySelectorAll(`[data-row="${path}"]`);
    const next = rows[index] ?? null;
    if (next) next.querySelector('input, select').focus();
    else form.querySelector(`[data-add="${path}"]`).focus();
    announce(`${cap(node.item)} ${index + 1} removed.${rowCount(form, path) ? '' : ` No ${node.item}s left.`}`);
    update();
  }
}

// ------------------------------------------------------------------ links to fields

function onFieldLink(event) {
  const link = event.target.closest('a[href^="#"]');
  if (!link) return;
  const el = $(decodeURIComponent(link.hash.slice(1)));
  if (!el) return;
  if (el.matches('input, select, textarea, button')) {
    event.preventDefault();
    focusControl(el);
  }
}

// ------------------------------------------------------------------ start

async function start() {
  try {
    engine = await loadEngine();
  } catch (error) {
    replace($('app-failed'), h('p', { class: 'govuk-body' },
      'The checker could not start in this browser: ', String(error?.message ?? error)));
    $('app-failed').hidden = false;
    return;
  }
  defaultProfile = engine.defaultPolicy();
  refreshEntries();
  const build = buildStamp();
  document.documentElement.dataset.build = build.id;
  replace($('build-id'), `Build ${build.id}${build.module ? `, engine module ${build.module}` : ''}.`,
    build.matches ? '' : ' The engine module is not the one this page was built with: reload the page.');
  buildForm(form);
  setPolicyOptions(form, defaultProfile);
  formOptionsFor = JSON.stringify(defaultProfile);
  app.hidden = false;
  $('app-loading')?.remove();
  initAll();

  form.addEventListener('input', () => {
    dirty = true;
    scheduleUpdate();
  });
  form.addEventListener('change', () => {
    dirty = true;
    scheduleUpdate();
  });
  form.addEventListener('focusout', () => scheduleUpdate());
  form.addEventListener('click', onFormClick);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { visible } = update({ force: true, focusSummary: true });
    if (!visible?.length) {
      focusStatic($('results-title'));
      announce(liveText);
    }
  });
  for (const id of ['error-summary', 'file-problems', 'results', 'policy-errors']) $(id).addEventListener('click', onFieldLink);
  $('results').addEventListener('click', (event) => {
    if (event.target.closest('#download-ics') && lastReport) {
      const name = `sfo-deadlines-${slug(lastReport.reference) || todayIso()}.ics`;
      download(name, 'text/calendar', buildIcs(lastReport, { now: new Date() }));
      replace($('save-status'), `Deadlines saved as ${name} in your downloads.`);
      announce(`Deadlines saved as ${name}.`);
    }
  });
  $('save-case').addEventListener('click', saveCase);
  $('open-case').addEventListener('change', openCase);
  $('print').addEventListener('click', () => window.print());
  $('start-again').addEventListener('click', startAgain);
  $('cancel-clear').addEventListener('click', cancelStartAgain);
  $('confirm-clear').addEventListener('click', confirmStartAgain);
  $('policy-file').addEventListener('change', onPolicyFile);
  $('use-default-profile').addEventListener('click', useDefaultProfile);
  $('policy-list').addEventListener('click', onPolicyListClick);
  $('policy-choice-block').addEventListener('change', onPolicyChoice);
  $('policy-edit-target').addEventListener('change', onEditTarget);
  let stepTimer = null;
  $('policy-edit').addEventListener('input', () => {
    clearTimeout(stepTimer);
    stepTimer = setTimeout(onStepEdit, 150);
  });
  window.addEventListener('resize', () => syncScrollable());
  window.addEventListener('beforeprint', () => {
    const now = new Date().toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    replace($('printed-on'), `Printed on ${now}`);
  });
  window.addEventListener('beforeunload', (event) => {
    if (dirty && hasEntries(readRaw(form))) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  replace($('printed-on'), `Printed on ${new Date().toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`);
  update();
  document.documentElement.dataset.ready = 'true';
}

start();
