// Builds an iCalendar file (RFC 5545) of a report's deadlines: one all-day
// VEVENT per timetable step that has a current due date. Pure: the same
// report, reference and time give the same text.

import { longDate, nextDayIso } from './dates.js';

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

function summaryFor(deadline) {
  if (deadline.counts_from?.event === 'supervision-end') {
    return `SFO: ${deadline.label} (${deadline.id}) – last day an offence can qualify`;
  }
  return `SFO: ${deadline.label} due (${deadline.id})`;
}

function descriptionFor(deadline, report) {
  const lines = [];
  if (report.reference) lines.push(`Case: ${report.reference}`);
  lines.push(`${deadline.label} (${deadline.id}): ${deadline.rule_text}.`);
  if (deadline.original_due && deadline.original_due !== deadline.current_due) {
    lines.push(`Extended: originally due ${longDate(deadline.original_due)}.`);
  }
  lines.push(`State on ${longDate(report.stamp.today)}: ${deadline.state_text}.`);
  lines.push(`Status: ${deadline.status_text}.`);
  if (deadline.counts_from?.projected) lines.push("Projected: counted from an earlier step's due date.");
  if (deadline.predicted) lines.push('Bank holidays for this year are predicted, not confirmed.');
  for (const c of deadline.citations) lines.push(`Source: ${c.text}${c.detail ? ` (${c.detail.replace(/\.$/, '')})` : ''}.`);
  lines.push(`Policy profile: ${deadline.policy}. Worked out by ${report.stamp.engine}.`);
  return lines.join('\n');
}

/**
 * The .ics text for `report` (an sfo-check/report@1 object). `now` is the
 * DTSTAMP. Steps the case does not need (state not-required) and steps with
 * no date yet are left out.
 */
export function buildIcs(report, { now = new Date() } = {}) {
  const stamp = utcStamp(now);
  const refHash = hashText(report.reference ?? '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//sfo-check//SFO deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const deadline of icsDeadlines(report)) {
    const due = deadline.current_due;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${deadline.id}-${due}-${refHash}@sfo-check.invalid`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(due)}`,
      `DTEND;VALUE=DATE:${compact(nextDayIso(due))}`,
      `SUMMARY:${escapeText(summaryFor(deadline) + (report.reference ? ` – ${report.reference}` : ''))}`,
      `DESCRIPTION:${escapeText(descriptionFor(deadline, report))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** The deadlines that go in the calendar. */
export function icsDeadlines(report) {
  return (report?.deadlines ?? []).filter(
    (d) => d.current_due && d.state?.kind !== 'not-required',
  );
}
