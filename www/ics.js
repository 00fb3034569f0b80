// Builds an iCalendar file (RFC 5545) of a report's deadlines: one all-day
// VEVENT per step still to be done (not past, not done, not needed), each
// with reminders 5 and 1 working days before by the engine's calendar; done
// steps too when asked, for a record. Pure: the same report, calendar and
// time give the same text.

import { addDaysIso, longDate } from './dates.js';
import { ruleCalendarNoun } from './words.js';

const CRLF = '\r\n';

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value) {
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line to at most 75 octets per line (RFC 5545 §3.1): each
 * continuation starts with a space. Never splits a UTF-8 character.
 */
export function foldLine(line) {
  const encoder = new TextEncoder();
  const out = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable id for a reference. */
export function hashText(text) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(String(text ?? ''))) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** 20240521T093000Z */
export function utcStamp(date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const compact = (iso) => iso.replace(/-/g, '');

/** Reminders, in working days before the due date. */
export const REMINDERS = [5, 1];

const TO_DO = new Set(['due-in', 'due-today', 'open']);
const DONE = new Set(['done', 'done-on-time', 'done-late']);

/**
 * The steps that go in the calendar: each with a due date that is still to
 * come (today counts) and not done; done ones too with `includeDone`.
 */
export function calendarSteps(report, { includeDone = false } = {}) {
  return (report?.deadlines ?? []).filter((d) => d.current_due
    && (TO_DO.has(d.state?.kind) || (includeDone && DONE.has(d.state?.kind))));
}

/** Dated steps left out because they are past their date and not done. */
export const pastSteps = (report) => (report?.deadlines ?? [])
  .filter((d) => d.current_due && ['overdue', 'closed'].includes(d.state?.kind));

function titleFor(deadline, report) {
  const noun = ruleCalendarNoun(deadline.id);
  const what = !noun ? deadline.label : `${noun} ${DONE.has(deadline.state.kind) ? 'done' : 'due'}`;
  return report.reference ? `${what} — ${report.reference}` : what;
}

function descriptionFor(deadline, report) {
  const lines = [];
  if (report.reference) lines.push(`Case: ${report.reference}`);
  const from = deadline.counts_from?.date
    ? ` (${deadline.counts_from.projected ? 'counted from the due date of an earlier step, ' : ''}${longDate(deadline.counts_from.date)})`
    : '';
  lines.push(`${deadline.label} (${deadline.id}): ${deadline.rule_text}${from}.`);
  if (deadline.original_due && deadline.original_due !== deadline.current_due) {
    lines.push(`Extended: originally due ${longDate(deadline.original_due)}.`);
  }
  if (deadline.completed) lines.push(`Done on ${longDate(deadline.completed)}.`);
  lines.push(`Status: ${deadline.status_text}.`);
  if (deadline.predicted) lines.push('Bank holidays for this year are not confirmed.');
  for (const c of deadline.citations) lines.push(`Source: ${c.text}${c.detail ? ` (${c.detail.replace(/\.$/, '')})` : ''}.`);
  lines.push(`Policy profile: ${deadline.policy}. Worked out by ${report.stamp.engine} on ${longDate(report.stamp.today)}.`);
  return lines.join('\n');
}

/**
 * A reminder `days` working days before `due` (at 09:00 that day, as the
 * event's own floating time): the trigger counts back from the start of
 * the all-day event.
 */
function alarm(due, days, calendar, title) {
  const on = calendar.workingDaysBefore(due, days);
  const back = Math.round((Date.parse(due) - Date.parse(on)) / 86_400_000);
  // 09:00 on a day `back` days earlier is (back - 1) days and 15 hours before midnight.
  const trigger = back > 1 ? `-P${back - 1}DT15H` : '-PT15H';
  return [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER:${trigger}`,
    `DESCRIPTION:${escapeText(`${title}: in ${days} working day${days === 1 ? '' : 's'} (${longDate(due)})`)}`,
    'END:VALARM',
  ];
}

/** The VEVENTs of one report's steps (see `buildIcs`). */
function eventLines(report, { stamp, sequence, calendar, includeDone }) {
  const caseId = hashText(report.reference ?? '');
  const lines = [];
  for (const deadline of calendarSteps(report, { includeDone })) {
    const due = deadline.current_due;
    const title = titleFor(deadline, report);
    const toDo = TO_DO.has(deadline.state.kind);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${deadline.id}-${caseId}@sfo-check.invalid`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${sequence}`,
      `DTSTART;VALUE=DATE:${compact(due)}`,
      `DTEND;VALUE=DATE:${compact(addDaysIso(due, 1))}`,
      `SUMMARY:${escapeText(title)}`,
      `DESCRIPTION:${escapeText(descriptionFor(deadline, report))}`,
      'TRANSP:TRANSPARENT',
      ...(toDo && calendar ? REMINDERS.flatMap((days) => alarm(due, days, calendar, title)) : []),
      'END:VEVENT',
    );
  }
  return lines.map(foldLine).join(CRLF) + (lines.length ? CRLF : '');
}

const HEADER = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//sfo-check//SFO deadlines//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
const FOOTER = 'END:VCALENDAR';

/**
 * A calendar built a report at a time (a caseload's runs to megabytes): its
 * `start`, then `add(report, calendar)` for each report, the same events
 * each report's own file has, each report's reminders counted by its own
 * calendar (its profile's closures), then its `end`.
 */
export function icsBuilder({ now = new Date(), includeDone = false } = {}) {
  const shared = {
    stamp: utcStamp(now),
    // A later file wins when imported again: its sequence is the minute it was made.
    sequence: Math.max(0, Math.floor(now.getTime() / 60_000) - 28_401_120),
    includeDone,
  };
  return {
    start: HEADER.join(CRLF) + CRLF,
    add: (report, calendar) => eventLines(report, { ...shared, calendar }),
    end: FOOTER + CRLF,
  };
}

/**
 * The .ics text for `report` (an sfo-check/report@1 object). `calendar`
 * gives working days before a date (calendar.js, with the profile's
 * closures); `now` is the DTSTAMP. UIDs name the step and the case, never the
 * date, so a calendar that imports the file again updates each event.
 */
export function buildIcs(report, { now = new Date(), calendar, includeDone = false } = {}) {
  const ics = icsBuilder({ now, includeDone });
  return ics.start + ics.add(report, calendar) + ics.end;
}
