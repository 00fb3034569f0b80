// Which of a report's steps a calendar file holds. The engine writes the
// file (Checker.calendarFile for a case, the caseload's calendarEvents) and
// says where each step state belongs (vocabulary().calendar_places): still
// to do, done (in the file only for a record), or past its date.

import { vocabulary } from './words.js';

const placeOf = (kind) => vocabulary().calendar_places.find((p) => p.kind === kind)?.place ?? 'none';

/**
 * The steps that go in the calendar: each with a due date that is still to
 * come (today counts) and not done; done ones too with `includeDone`.
 */
export function calendarSteps(report, { includeDone = false } = {}) {
  return (report?.deadlines ?? []).filter((d) => {
    const place = placeOf(d.state?.kind);
    return d.current_due && (place === 'to-do' || (includeDone && place === 'done'));
  });
}

/** Dated steps left out because they are past their date and not done. */
export const pastSteps = (report) => (report?.deadlines ?? [])
  .filter((d) => d.current_due && placeOf(d.state?.kind) === 'past');
