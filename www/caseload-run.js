// A caseload's work: reading the file, checking its cases a slice at a time
// (reporting progress), then pages of results, the chart's figures and the
// exports. It runs in the caseload worker (caseload-worker.js); where a
// worker cannot start (the single-file page opened from disk) the page runs
// it itself, yielding between slices so typing and scrolling stay smooth.

// Each slice of checking takes about this long before progress is told.
const SLICE_MS = 25;
// Weeks the chart shows after the overdue steps, before "later".
export const CHART_WEEKS = 12;

/**
 * Work done a slice at a time, each slice about SLICE_MS long: `run(work)`
 * calls `work(size)` and sizes the next slice from how long this one took.
 */
function sliced(first) {
  let size = first;
  return {
    run(work) {
      const started = performance.now();
      const result = work(size);
      const took = performance.now() - started;
      size = Math.max(10, Math.min(20_000, Math.round(size * (SLICE_MS / Math.max(took, 1)))));
      return result;
    },
  };
}

/**
 * The caseload operations over `engine` (engine-api.js, from a module with
 * the Caseload class). `pause` runs between slices: nothing in a worker, a
 * yield to the browser on the page.
 */
export function caseloadRunner(engine, pause = async () => {}) {
  let kept = null;

  async function open({ bytes, name, options }, progress) {
    kept?.free();
    kept = null;
    const reading = performance.now();
    const made = engine.caseload(new Uint8Array(bytes), name, options ?? {});
    if (!made.ok) return { errors: made.errors };
    const checking = performance.now();
    kept = made.value;
    const total = kept.rows();
    let done = 0;
    progress({ done, total });
    const slices = sliced(200);
    while (done < total) {
      done = slices.run((size) => kept.checkNext(size));
      progress({ done, total });
      await pause();
    }
    const summing = performance.now();
    const summary = kept.summary();
    const weeks = kept.dueByWeek(CHART_WEEKS);
    // How long each part took, for the benchmark (bench/browser.mjs).
    const timings = { read_ms: checking - reading, check_ms: summing - checking, summary_ms: performance.now() - summing };
    return { total, summary, weeks, timings };
  }

  /**
   * The calendar file of every open deadline, as a Blob: the engine writes
   * each slice of cases' events (each case's reminders counted by its own
   * profile's calendar), and the slices stream into the file unjoined.
   */
  async function ics({ now }, progress) {
    const indexes = kept.withStepsToDo();
    const frame = engine.calendarFrame();
    const calendar = { now, include_done: false };
    const parts = [frame.start];
    const slices = sliced(50);
    let done = 0;
    progress({ done, total: indexes.length });
    while (done < indexes.length) {
      done = slices.run((size) => {
        const slice = indexes.subarray(done, done + size);
        parts.push(kept.calendarEvents(slice, calendar));
        return done + slice.length;
      });
      progress({ done, total: indexes.length });
      await pause();
    }
    parts.push(frame.end);
    return { file: new Blob(parts, { type: 'text/calendar' }), cases: indexes.length };
  }

  return {
    open,
    ics,
    query: ({ query }) => kept.query(query),
    csv: () => kept.csv(),
    caseText: ({ index }) => kept.caseText(index) ?? null,
  };
}
