// Loads the sfo-check engine (Rust compiled to WebAssembly) and exposes its API.
// The single-file bundle sets globalThis.SFO_CHECK_WASM to the module's bytes,
// because pages opened from file:// cannot fetch the .wasm file.
import init, * as wasm from './pkg/sfo_check.js';

let ready;

export function loadEngine() {
  ready ??= init({
    module_or_path: globalThis.SFO_CHECK_WASM ?? new URL('./pkg/sfo_check_bg.wasm', import.meta.url),
  }).then(() => engine);
  return ready;
}

// Calls that fail throw { errors: [{ path, message }] }; these return
// { report } or { errors } instead, so callers never need try/catch.
function attempt(call) {
  try {
    return { ok: true, value: call() };
  } catch (thrown) {
    const errors = thrown && Array.isArray(thrown.errors)
      ? thrown.errors
      : [{ path: '', message: String(thrown) }];
    return { ok: false, errors };
  }
}

export const engine = {
  check: (caseData, options) => attempt(() => wasm.check(caseData, options ?? {})),
  validate: (caseData, options) => wasm.validate(caseData, options ?? {}),
  bankHolidays: (year) => attempt(() => wasm.bankHolidays(year)),
  addWorkingDays: (date, n) => attempt(() => wasm.addWorkingDays(date, n)),
  workingDays: (from, to) => attempt(() => wasm.workingDays(from, to)),
  defaultPolicy: () => wasm.defaultPolicy(),
  readPolicy: (policy) => attempt(() => wasm.readPolicy(policy)),
  version: () => wasm.version(),
};
