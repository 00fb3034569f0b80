// A caseload's work: reading the file, checking its cases a slice at a time
// (reporting progress), then pages of results, the chart's figures and the
// exports. It runs in the caseload worker (caseload-worker.js); where a
// worker cannot start (the single-file page opened from disk) the page runs
// it itself, yielding between slices so typing and scrolling stay smooth.

import { icsBuilder } from './ics.js';
import { calendarOf } from './calendar.js';

// Each slice of checking takes about this long before progress is told.
const SLICE_MS = 25;
// Weeks the chart shows after the overdue steps, before "later".
export const CHART_WEEKS = 12;

/**
 * The caseload operations over `engine` (engine-api.js, from a module with
 * the Caseload class). `pause` runs between slices: nothing in a worker, a
 * yield to the browser on the page.
 */
export function caseloadRunner(engine, pause = async () => {}) {
  let kept = null;
  let options = {};
  let calendars = null;

  async function open({ bytes, name, options: given }, progress) {
    kept?.free();
    kept = null;
    options = given ?? {};
    calendars = null;
    const reading = performance.now();
    const made = engine.caseload(new Uint8Array(bytes), name, options);
    if (!made.ok) return { errors: made.errors };
    const checking = performance.now();
    kept = made.value;
    const total = kept.rows();
    let done = 0;
    let slice = 200;
    progress({ done, total });
    while (done < total) {
      const started = performance.now();
      done = kept.checkNext(slice);
      const took = performance.now() - started;
      // As many rows as fit in a slice, judged from the last one.
      slice = Math.max(20, Math.min(20_000, Math.round(slice * (SLICE_MS / Math.max(took, 1)))));
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

  /** Each policy profile's calendar, with its office closures, by id. */
  function calendarFor(policyId) {
    if (!calendars) {
      calendars = new Map();
      for (const profile of [engine.defaultPolicy(), ...(options.policies ?? [])]) {
        const read = typeof profile === 'string' ? JSON.parse(profile) : profile;
        calendars.set(read.id, calendarOf(engine, read.extra_non_working_days ?? []));
      }
    }
    return calendars.get(policyId) ?? calendarOf(engine);
  }

  /** The calendar file of every open deadline, as parts of a file. */
  async function ics({ now }, progress) {
    const indexes = kept.withStepsToDo();
    const builder = icsBuilder({ now: new Date(now) });
    const parts = [builder.start];
    let started = performance.now();
    for (let i = 0; i < indexes.length; i += 1) {
      const report = kept.report(indexes[i]);
      // Each case's reminders are counted by its own profile's calendar.
      if (report) parts.push(builder.add(report, calendarFor(report.stamp.policy.id)));
      if (performance.now() - started > SLICE_MS) {
        progress({ done: i + 1, total: indexes.length });
        await pause();
        started = performance.now();
      }
    }
    parts.push(builder.end);
    return { parts, cases: indexes.length };
  }

  return {
    open,
    ics,
    query: ({ query }) => kept.query(query),
    csv: () => kept.csv(),
    caseText: ({ index }) => kept.caseText(index) ?? null,
  };
}
