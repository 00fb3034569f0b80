// Loads the sfo-check engine (Rust compiled to WebAssembly) and exposes its API.
// The single-file bundle sets globalThis.SFO_CHECK_WASM to the module's bytes,
// because pages opened from file:// cannot fetch the .wasm file. Served, the
// module compiles as it streams in; its SHA-256 is worked out from a copy of
// the same response meanwhile, so the page can show which engine module it
// runs and check it against its own build (build-info.js).
import init, * as wasm from './pkg/sfo_check.js';
import { BUILD } from './build-info.js';
import { setVocabulary } from './words.js';

let ready;
let moduleHash = null;

async function sha256Hex(bytes) {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Starts the module: from the bundle's bytes, or streamed from the server. */
async function instantiate() {
  if (globalThis.SFO_CHECK_WASM) {
    const bytes = globalThis.SFO_CHECK_WASM;
    moduleHash = await sha256Hex(bytes);
    await init({ module_or_path: bytes });
    return;
  }
  const response = await fetch(new URL('./pkg/sfo_check_bg.wasm', import.meta.url));
  if (!response.ok) throw new Error(`the engine module could not be loaded (HTTP ${response.status})`);
  const hashing = response.clone().arrayBuffer().then(sha256Hex);
  await init({ module_or_path: response });
  moduleHash = await hashing;
}

export function loadEngine() {
  ready ??= (async () => {
    await instantiate();
    // The engine's words, set before anything is built from them.
    setVocabulary(engine.vocabulary(), engine.fieldLabel);
    return engine;
  })();
  return ready;
}

// Calls that fail throw { errors: [{ path, label, code, params, message }] }:
// `code` says what is wrong, `message` says it without naming the field. These return
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
   * validated and hashed once: build it when the profiles change, not per check.
   */
  checker: (profiles) => {
    const kept = new wasm.Checker();
    for (const profile of profiles) kept.addPolicy(profile);
    return {
      check: (caseData, options) => attempt(() => kept.check(caseData, options ?? {})),
      /** A training scenario (object or text): { scenario, report, mismatches }. */
      openScenario: (scenario) => attempt(() => kept.openScenario(scenario)),
      /** `caseData` as a training scenario with `words` ({ title, narrative, learning_points, … }). */
      writeScenario: (caseData, words, options) => attempt(() => kept.writeScenario(caseData, words, options ?? {})),
      free: () => kept.free(),
    };
  },
  /** A path in words: supervision[1].start → "Supervision period 2: start date". */
  fieldLabel: (path) => wasm.fieldLabel(String(path)),
  /** The SHA-256 (hex) of the module running, or null where the browser cannot hash. */
  moduleHash: () => moduleHash,
};

/** Which build the page is, and whether the engine module it runs is that build's. */
export function buildStamp() {
  const module = engine.moduleHash();
  return { id: BUILD.id, module: module?.slice(0, 12) ?? null, matches: module === null || module === BUILD.wasm };
}
