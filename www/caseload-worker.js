// The caseload worker: checks a caseload off the page's main thread, so the
// page stays responsive however many cases a file holds. It loads its own
// engine module (the page's, with the CSV reader and the Caseload class).
// Messages: { id, op, args } in; { id, progress } while working, then
// { id, result } or { id, failed }.

import init, * as wasm from './pkg/sfo_check_caseload.js';
import { engineOf } from './engine-api.js';
import { setVocabulary } from './words.js';
import { caseloadRunner } from './caseload-run.js';

const ready = (async () => {
  await init({ module_or_path: new URL('./pkg/sfo_check_caseload_bg.wasm', import.meta.url) });
  const engine = engineOf(wasm);
  // The calendar's titles use the engine's words, as on the page.
  setVocabulary(engine.vocabulary(), engine.fieldLabel);
  return caseloadRunner(engine);
})();

self.addEventListener('message', async ({ data: { id, op, args } }) => {
  try {
    const runner = await ready;
    const result = await runner[op](args, (progress) => self.postMessage({ id, progress }));
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, failed: String(error?.message ?? error) });
  }
});
