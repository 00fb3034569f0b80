// The engine's API over a wasm-bindgen module: the page's module (engine.js)
// and the caseload worker's (caseload-worker.js) give the same calls.

// Calls that fail throw { errors: [{ path, label, code, params, message }] }:
// `code` says what is wrong, `message` says it without naming the field. These return
// { report } or { errors } instead, so callers never need try/catch.
export function attempt(call) {
  try {
    return { ok: true, value: call() };
  } catch (thrown) {
    const errors = thrown && Array.isArray(thrown.errors)
      ? thrown.errors
      : [{ path: '', message: String(thrown) }];
    return { ok: false, errors };
  }
}

export function engineOf(wasm) {
  return {
    check: (caseData, options) => attempt(() => wasm.check(caseData, options ?? {})),
    validate: (caseData, options) => wasm.validate(caseData, options ?? {}),
    bankHolidays: (year) => attempt(() => wasm.bankHolidays(year)),
    addWorkingDays: (date, n) => attempt(() => wasm.addWorkingDays(date, n)),
    workingDaysBefore: (date, n) => attempt(() => wasm.workingDaysBefore(date, n)),
    workingDays: (from, to) => attempt(() => wasm.workingDays(from, to)),
    defaultPolicy: () => wasm.defaultPolicy(),
    readPolicy: (policy) => attempt(() => wasm.readPolicy(policy)),
    /** JSON text read strictly (no key twice) and within the limits, before the page reads it itself. */
    readDocument: (text, what) => attempt(() => wasm.readDocument(String(text), what)),
    readCaseDocument: (text, what) => attempt(() => wasm.readCaseDocument(String(text), what)),
    version: () => wasm.version(),
    vocabulary: () => wasm.vocabulary(),
    /**
     * A checker that keeps `profiles` beside the built-in one, each read,
     * validated and hashed once: build it when the profiles change, not per
     * check. { ok, value } or, for a profile it cannot take, { ok: false,
     * errors } with each error's path under `policies[i]`.
     */
    checker: (profiles) => {
      const kept = new wasm.Checker();
      for (const [i, profile] of profiles.entries()) {
        const added = attempt(() => kept.addPolicy(profile));
        if (!added.ok) {
          kept.free();
          return { ok: false, errors: added.errors.map((e) => ({ ...e, path: e.path ? `policies[${i}].${e.path}` : `policies[${i}]` })) };
        }
      }
      return {
        ok: true,
        value: {
          check: (caseData, options) => attempt(() => kept.check(caseData, options ?? {})),
          /** The case's deadlines as an .ics file's text; `calendar` is { now, include_done }. */
          calendarFile: (caseData, options, calendar) => attempt(() => kept.calendarFile(caseData, options ?? {}, calendar)),
          /** A training scenario (object or text): { scenario, report, mismatches }. */
          openScenario: (scenario) => attempt(() => kept.openScenario(scenario)),
          /** `caseData` as a training scenario with `words` ({ title, narrative, learning_points, … }). */
          writeScenario: (caseData, words, options) => attempt(() => kept.writeScenario(caseData, words, options ?? {})),
          free: () => kept.free(),
        },
      };
    },
    /** The error for a file of `bytes` bytes over the limit for `what` ('case file', 'caseload file', …), or null. */
    fileTooLarge: (what, bytes) => wasm.fileTooLarge(String(what), Number(bytes)),
    /** What a calendar file starts and ends with: { start, end }. */
    calendarFrame: () => wasm.calendarFrame(),
    /** A path in words: supervision[1].start → "Supervision period 2: start date". */
    fieldLabel: (path) => wasm.fieldLabel(String(path)),
    /** The caseload CSV's columns and the case field each fills. */
    caseloadColumns: () => wasm.caseloadColumns(),
    /**
     * A caseload read from a file's bytes (only in the caseload worker's
     * module): { ok, value: Caseload } or { ok: false, errors }.
     */
    caseload: (bytes, name, options) => attempt(() => new wasm.Caseload(bytes, name, options ?? {})),
  };
}

