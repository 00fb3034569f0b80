// Loads the sfo-check engine (Rust compiled to WebAssembly) and exposes its API.
// The single-file bundle sets globalThis.SFO_CHECK_WASM to the module's bytes,
// because pages opened from file:// cannot fetch the .wasm file. Served, the
// module compiles as it streams in; its SHA-256 is worked out from a copy of
// the same response meanwhile, so the page can show which engine module it
// runs and check it against its own build (build-info.js).
import init, * as wasm from './pkg/sfo_check.js';
import { BUILD } from './build-info.js';
import { setVocabulary } from './words.js';
import { engineOf } from './engine-api.js';

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

export const engine = {
  ...engineOf(wasm),
  /** The SHA-256 (hex) of the module running, or null where the browser cannot hash. */
  moduleHash: () => moduleHash,
};

/** Which build the page is, and whether the engine module it runs is that build's. */
export function buildStamp() {
  const module = engine.moduleHash();
  return { id: BUILD.id, module: module?.slice(0, 12) ?? null, matches: module === null || module === BUILD.wasm };
}
