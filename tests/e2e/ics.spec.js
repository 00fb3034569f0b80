// The .ics builder (www/ics.js), checked in Node with the real engine (its
// calendar and words, from www/pkg) and read back with a real iCalendar
// parser (ical.js, Mozilla's), not string matching alone.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { buildIcs, calendarSteps, escapeText, foldLine, hashText, utcStamp } from '../../www/ics.js';
import { calendarOf } from '../../www/calendar.js';

globalThis.SFO_CHECK_WASM = readFileSync(new URL('../../www/pkg/sfo_check_bg.wasm', import.meta.url));
const { loadEngine } = await import('../../www/engine.js');
const engine = await loadEngine();
const calendar = calendarOf(engine);
const EXAMPLE = JSON.parse(readFileSync(new URL('../../examples/licence-murder-qualifies.json', import.meta.url), 'utf8'));

const reportOf = (caseData) => {
  const result = engine.check(caseData, {});
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

/** The file as a calendar program reads it: [{ uid, summary, start, sequence, alarms: ['2024-08-06T09:00:00', …] }]. */
function parse(text) {
  const calendarComponent = new ICAL.Component(ICAL.parse(text));
  expect(calendarComponent.getFirstPropertyValue('version')).toBe('2.0');
  return calendarComponent.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    expect(event.startDate.isDate).toBe(true);
    expect(vevent.getFirstPropertyValue('dtstamp')).toBeTruthy();
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      sequence: vevent.getFirstPropertyValue('sequence'),
      alarms: vevent.getAllSubcomponents('valarm').map((alarm) => {
        expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
        expect(alarm.getFirstPropertyValue('description')).toBeTruthy();
        const at = event.startDate.clone();
        at.isDate = false;
        at.addDuration(alarm.getFirstPropertyValue('trigger'));
        return at.toString();
      }),
    };
  });
}

test('escapes text values as RFC 5545 says', () => {
  expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
});

test('folds long lines at 75 octets without splitting a character', () => {
  const line = `DESCRIPTION:${'é'.repeat(100)}`;
  const folded = foldLine(line).split('\r\n');
  expect(folded.length).toBeGreaterThan(1);
  for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
  for (const part of folded.slice(1)) expect(part.startsWith(' ')).toBe(true);
  expect(folded.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  expect(foldLine('SHORT:line')).toBe('SHORT:line');
});

test('a qualifying case: one event per step still to do, reminders 5 and 1 working days before', () => {
  // Example 1 on Mon 1 Jul 2024: the notification was done on 20 May; the
  // review is due Tue 13 Aug 2024 (60 working days after Mon 20 May, the
  // Spring bank holiday skipped); the window closes Fri 13 Dec 2024; quality
  // assurance waits for the review.
  const report = reportOf(EXAMPLE);
  const now = new Date(Date.UTC(2024, 6, 1, 9, 5, 7));
  const text = buildIcs(report, { now, calendar });
  expect(text).toBe(buildIcs(report, { now, calendar }));
  expect(utcStamp(now)).toBe('20240701T090507Z');
  const events = parse(text);
  const caseId = hashText(EXAMPLE.reference);
  expect(events.map((e) => [e.uid, e.start, e.end])).toEqual([
    [`D-WINDOW-CLOSE-${caseId}@sfo-check.invalid`, '2024-12-13', '2024-12-14'],
    [`D-REVIEW-${caseId}@sfo-check.invalid`, '2024-08-13', '2024-08-14'],
  ]);
  expect(events.map((e) => e.summary)).toEqual([
    'SFO window closes — Example 1: murder during licence',
    'SFO review due — Example 1: murder during licence',
  ]);
  // 5 working days before Fri 13 Dec is Fri 6 Dec; 1 is Thu 12 Dec.
  expect(events[0].alarms).toEqual(['2024-12-06T09:00:00', '2024-12-12T09:00:00']);
  // 5 working days before Tue 13 Aug is Tue 6 Aug; 1 is Mon 12 Aug.
  expect(events[1].alarms).toEqual(['2024-08-06T09:00:00', '2024-08-12T09:00:00']);
  // The rule and its status, never a state frozen on the day of the check.
  expect(events[1].description).toContain('SFO review submitted (D-REVIEW): 60 working days after the notification being submitted (Mon 20 May 2024).');
  expect(events[1].description).toContain('Status: default — check against your region’s agreed timescales.');
  expect(events[1].description).not.toMatch(/State on|Due in|Overdue/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
});

test('reminders count back over bank holidays by the engine’s calendar', () => {
  // First in court Mon 23 Dec 2024: the notification is due Thu 2 Jan 2025
  // (24, 27, 30, 31 Dec and 2 Jan). One working day before is Tue 31 Dec
  // (New Year's Day skipped); five is Mon 23 Dec (Christmas and Boxing Day skipped).
  const report = reportOf({
    schema: 'sfo-check/case@1', reference: 'Christmas court', today: '2024-12-23',
    supervision: [{ type: 'licence', start: '2024-03-04', scheduled_end: '2025-09-01' }],
    offence: { id: 'murder', alleged_from: '2024-12-18', charged: '2024-12-20', first_court_appearance: '2024-12-23' },
  });
  const notify = parse(buildIcs(report, { calendar })).find((e) => e.uid.startsWith('D-NOTIFY-'));
  expect(notify.start).toBe('2025-01-02');
  expect(notify.summary).toBe('SFO notification due — Christmas court');
  expect(notify.alarms).toEqual(['2024-12-23T09:00:00', '2024-12-31T09:00:00']);
});

test('past and done steps are left out unless a record is asked for; a case that does not qualify has nothing to do', () => {
  // Example 1 a year on, Tue 1 Jul 2025: the review is overdue and the window has closed.
  const late = reportOf({ ...EXAMPLE, today: '2025-07-01' });
  expect(parse(buildIcs(late, { calendar }))).toEqual([]);
  expect(calendarSteps(late)).toEqual([]);
  // For a record: the notification, done on Mon 20 May 2024, without reminders.
  const record = parse(buildIcs(late, { calendar, includeDone: true }));
  expect(record.map((e) => [e.summary, e.start, e.alarms.length])).toEqual([
    ['SFO notification done — Example 1: murder during licence', '2024-05-21', 0],
  ]);
  expect(record[0].description).toContain('Done on Mon 20 May 2024.');
  // Not qualifying: the steps are not required; only the open window is dated.
  const notListed = reportOf({ ...EXAMPLE, offence: { ...EXAMPLE.offence, id: 'not-listed' }, review: {} });
  expect(notListed.qualification.status).toBe('does-not-qualify');
  expect(parse(buildIcs(notListed, { calendar })).map((e) => e.uid.split('-').slice(0, 3).join('-'))).toEqual(['D-WINDOW-CLOSE']);
});

test('importing a later file again updates the same events: stable UIDs, a higher sequence', () => {
  const first = parse(buildIcs(reportOf(EXAMPLE), { calendar, now: new Date(Date.UTC(2024, 6, 1, 9)) }));
  // The review extended by 10 working days, checked a week later.
  const extended = reportOf({
    ...EXAMPLE,
    today: '2024-07-08',
    review: { ...EXAMPLE.review, extensions: [{ step: 'D-REVIEW', requested: '2024-07-02', decision: 'granted', decided: '2024-07-03', extra_working_days: 10 }] },
  });
  const second = parse(buildIcs(extended, { calendar, now: new Date(Date.UTC(2024, 6, 8, 9)) }));
  expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
  // 10 working days after Tue 13 Aug 2024 (the Summer bank holiday on 26 Aug skipped) is Wed 28 Aug.
  expect(second[1].start).toBe('2024-08-28');
  for (const [i, event] of second.entries()) expect(event.sequence).toBeGreaterThan(first[i].sequence);
});
