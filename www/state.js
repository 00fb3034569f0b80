// The page's shared state: one plain object, made here and handed to every
// component, so what the components share is written down in one place.
// Components keep only their own render caches (what they last drew).

import { profileEntries, checkOptions } from './policy.js';

/**
 * engine         the engine API (engine.js), once loaded
 * defaultProfile the built-in policy profile
 * policy.loaded  the profiles loaded from files, in load order: [{ profile, name }]
 * policy.edits   the user's edits to each profile's timetable: { profileId: { stepId: n } }
 * policy.choice  the profile named for every case ('' = the engine chooses by date)
 * policy.editTarget  the profile the edit block edits ('' = the one used for
 *                the results shown, until the user picks one or edits a step)
 * entries        the profiles offered (policy.js profileEntries): kept by refreshEntries
 * checker        the engine's kept checker holding those profiles: rebuilt by refreshEntries
 * report         the report shown in the results, or null
 * checkedCase    the case that report is of
 * rowMap         for that report: each repeat's case index -> form row index
 * caseProfileId  the profile id the checked case names ('' = none)
 * dirty          something was entered since the case was last saved, opened or cleared
 */
export function createState() {
  return {
    engine: null,
    defaultProfile: null,
    policy: { loaded: [], edits: {}, choice: '', editTarget: '' },
    entries: [],
    checker: null,
    report: null,
    checkedCase: null,
    rowMap: {},
    caseProfileId: '',
    dirty: false,
  };
}

/** Works out the profiles offered again; forgets a choice or edit target no longer there. */
export function refreshEntries(state) {
  const { policy } = state;
  state.entries = profileEntries(state.defaultProfile, policy.loaded, policy.edits);
  // Profiles are read and hashed here, once, not on every keystroke.
  state.checker?.free();
  // Every profile here was read by the engine when it was loaded, so none is refused.
  state.checker = state.engine.checker(checkOptions(state.entries, '', '').policies).value;
  if (policy.choice && !state.entries.some((e) => e.base.id === policy.choice)) policy.choice = '';
  if (policy.editTarget && !state.entries.some((e) => e.base.id === policy.editTarget)) policy.editTarget = '';
}

export const entryFor = (state, id) =>
  state.entries.find((e) => e.profile.id === id) ?? state.entries.find((e) => e.base.id === id) ?? null;

/** The engine's options for a case: a profile named when the user or the case names one. */
function caseOptions(state, caseProfileId) {
  const { policy_id: policyId } = checkOptions(state.entries, state.policy.choice, caseProfileId);
  return policyId ? { policy_id: policyId } : {};
}

/** Checks a case with the kept checker. */
export function checkCase(state, caseData, caseProfileId) {
  return state.checker.check(caseData, caseOptions(state, caseProfileId));
}

/** The deadlines of the case whose report is shown, as an .ics file's text (the engine's). */
export function calendarFileOf(state, { includeDone = false } = {}) {
  return state.checker.calendarFile(state.checkedCase, caseOptions(state, state.caseProfileId),
    { now: Date.now(), include_done: includeDone });
}

/** What explainSelection() needs to know about the report shown. */
export const selection = (state) => ({ choice: state.policy.choice, caseProfileId: state.caseProfileId });

/** The tag for a profile used in the results: null for the built-in one. */
export function profileKind(state, id) {
  const entry = entryFor(state, id);
  if (!entry) return null;
  if (entry.edited) return 'Edited in this browser';
  return entry.origin === 'file' ? 'Loaded from a file' : null;
}

/** The profile shown: the one used for the results, else the one named, else the latest loaded. */
export function shownEntry(state) {
  const used = state.report ? entryFor(state, state.report.stamp.policy.id) : null;
  if (used) return { entry: used, used: true };
  const named = state.policy.choice ? entryFor(state, state.policy.choice) : null;
  const latest = [...state.entries].sort((a, b) => a.order - b.order).at(-1);
  return { entry: named ?? latest, used: false };
}
