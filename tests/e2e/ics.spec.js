// The calendar files the engine writes (src/ics.rs), through the JS API the
// page uses, in Node with the real engine, read back with a real iCalendar
// parser (ical.js, Mozilla's), not string matching alone.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { calendarSteps, pastSteps } from '../../www/ics.js';
import { setVocabulary } from '../../www/words.js';

globalThis.SFO_CHECK_WASM = readFileSync(new URL('../../www/pkg/sfo_check_bg.wasm', import.meta.url));
const { loadEngine } = await import('../../www/engine.js');
const engine = await loadEngine();
setVocabulary(engine.vocabulary(), engine.fieldLabel);
const checker = engine.checker([]).value;
const EXAMPLE = JSON.parse(readFileSync(new URL('../../examples/licence-murder-qualifies.json', import.meta.url), 'utf8'));

const reportOf = (caseData) => {
  const result = checker.check(caseData, {});
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

/** The engine's calendar file of a case. */
function fileOf(caseData, { now = new Date(Date.UTC(2024, 6, 1, 9, 5, 7)), includeDone = false, with: using = checker, options = {} } = {}) {
  const made = using.calendarFile(caseData, options, { now: now.getTime(), include_done: includeDone });
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  return made.value;
}

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

test('a qualifying case: one event per step still to do, reminders 5 and 1 working days before', () => {
  // Example 1 on Mon 1 Jul 2024: the notification was done on 20 May; the
  // review is due Tue 13 Aug 2024 (60 working days after Mon 20 May, the
  // Spring bank holiday skipped); the window closes Fri 13 Dec 2024; quality
  // assurance waits for the review.
  const text = fileOf(EXAMPLE);
  expect(text).toBe(fileOf(EXAMPLE));
  expect(text).toContain('DTSTAMP:20240701T090507Z');
  const events = parse(text);
  expect(events.map((e) => [e.uid.replace(/-[0-9a-f]{64}@/, '-…@'), e.start, e.end])).toEqual([
    ['D-WINDOW-CLOSE-…@sfo-check.invalid', '2024-12-13', '2024-12-14'],
    ['D-REVIEW-…@sfo-check.invalid', '2024-08-13', '2024-08-14'],
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
  // The page's count of steps in the file agrees with the file.
  expect(calendarSteps(reportOf(EXAMPLE)).map((d) => d.id)).toEqual(['D-WINDOW-CLOSE', 'D-REVIEW']);
});

test('UIDs are a full SHA-256 of the reference: references a 32-bit hash once merged stay apart', () => {
  // A029599 and A632382 once had the same UID, so importing both calendars
  // kept one case's deadlines and dropped the other's.
  const uids = (reference) => parse(fileOf({ ...EXAMPLE, reference })).map((e) => e.uid);
  const [a, b] = [uids('A029599'), uids('A632382')];
  expect(a).toHaveLength(2);
  for (const uid of [...a, ...b]) expect(uid).toMatch(/^D-[A-Z-]+-[0-9a-f]{64}@sfo-check\.invalid$/);
  expect(new Set([...a, ...b]).size).toBe(4);
  // Two cases without a reference differ by their offence and supervision dates.
  const { reference, ...unnamed } = EXAMPLE;
  const other = { ...unnamed, offence: { ...unnamed.offence, alleged_from: '2024-05-09' } };
  expect(parse(fileOf(unnamed))[0].uid).not.toBe(parse(fileOf(other))[0].uid);
});

test('control characters in a reference never reach the file raw', () => {
  const text = fileOf({ ...EXAMPLE, reference: 'A\u0000B\u000bC\u001b[2JD\u202eE' });
  expect(text).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f\u202e]/);
  expect(parse(text)[0].summary).toBe('SFO window closes — A\\u{0}B\\u{b}C\\u{1b}[2JD\\u{202e}E');
});

test('reminders count back over bank holidays and the profile’s own closures', () => {
  // First in court Mon 23 Dec 2024: the notification is due Thu 2 Jan 2025
  // (24, 27, 30, 31 Dec and 2 Jan). One working day before is Tue 31 Dec
  // (New Year's Day skipped); five is Mon 23 Dec (Christmas and Boxing Day skipped).
  const christmas = {
    schema: 'sfo-check/case@1', reference: 'Christmas court', today: '2024-12-23',
    supervision: [{ type: 'licence', start: '2024-03-04', scheduled_end: '2025-09-01' }],
    offence: { id: 'murder', alleged_from: '2024-12-18', charged: '2024-12-20', first_court_appearance: '2024-12-23' },
  };
  const notify = parse(fileOf(christmas)).find((e) => e.uid.startsWith('D-NOTIFY-'));
  expect(notify.start).toBe('2025-01-02');
  expect(notify.summary).toBe('SFO notification due — Christmas court');
  expect(notify.alarms).toEqual(['2024-12-23T09:00:00', '2024-12-31T09:00:00']);
  // A region closed on Tue 31 Dec: its notification is due Fri 3 Jan (24,
  // 27, 30 Dec, 2 and 3 Jan). One working day before is Thu 2 Jan; five is
  // Mon 23 Dec (back over 2 Jan, 30, 27 and 24 Dec: 1 Jan, 31, 26 and 25 Dec skipped).
  const region = { ...engine.defaultPolicy(), id: 'region-closure', title: 'Region with a closure',
    extra_non_working_days: [{ date: '2024-12-31', name: 'Office closure', status: 'confirmed', sources: [{ title: 'Region' }] }] };
  const withClosure = engine.checker([region]).value;
  const closed = parse(fileOf(christmas, { with: withClosure, options: { policy_id: 'region-closure' } }))
    .find((e) => e.uid.startsWith('D-NOTIFY-'));
  expect(closed.start).toBe('2025-01-03');
  expect(closed.alarms).toEqual(['2024-12-23T09:00:00', '2025-01-02T09:00:00']);
});

test('past and done steps are left out unless a record is asked for; a case that does not qualify has nothing to do', () => {
  // Example 1 a year on, Tue 1 Jul 2025: the review is overdue and the window has closed.
  const late = { ...EXAMPLE, today: '2025-07-01' };
  expect(parse(fileOf(late))).toEqual([]);
  expect(calendarSteps(reportOf(late))).toEqual([]);
  expect(pastSteps(reportOf(late)).map((d) => d.id)).toEqual(['D-WINDOW-CLOSE', 'D-REVIEW']);
  // For a record: the notification, done on Mon 20 May 2024, without reminders.
  const record = parse(fileOf(late, { includeDone: true }));
  expect(record.map((e) => [e.summary, e.start, e.alarms.length])).toEqual([
    ['SFO notification done — Example 1: murder during licence', '2024-05-21', 0],
  ]);
  expect(record[0].description).toContain('Done on Mon 20 May 2024.');
  // Not qualifying: the steps are not required; only the open window is dated.
  const notListed = { ...EXAMPLE, offence: { ...EXAMPLE.offence, id: 'not-listed' }, review: {} };
  expect(reportOf(notListed).qualification.status).toBe('does-not-qualify');
  expect(parse(fileOf(notListed)).map((e) => e.uid.split('-').slice(0, 3).join('-'))).toEqual(['D-WINDOW-CLOSE']);
});

test('importing a later file again updates the same events: stable UIDs, a higher sequence', () => {
  const first = parse(fileOf(EXAMPLE, { now: new Date(Date.UTC(2024, 6, 1, 9)) }));
  // The review extended by 10 working days, checked a week later.
  const extended = {
    ...EXAMPLE,
    today: '2024-07-08',
    review: { ...EXAMPLE.review, extensions: [{ step: 'D-REVIEW', requested: '2024-07-02', decision: 'granted', decided: '2024-07-03', extra_working_days: 10 }] },
  };
  const second = parse(fileOf(extended, { now: new Date(Date.UTC(2024, 6, 8, 9)) }));
  expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
  // 10 working days after Tue 13 Aug 2024 (the Summer bank holiday on 26 Aug skipped) is Wed 28 Aug.
  expect(second[1].start).toBe('2024-08-28');
  for (const [i, event] of second.entries()) expect(event.sequence).toBeGreaterThan(first[i].sequence);
});

test('a case with errors gives its errors, not a file; a bad time is refused', () => {
  const bad = checker.calendarFile({ ...EXAMPLE, offence: { ...EXAMPLE.offence, charged: '2024-02-31' } }, {}, { now: Date.now() });
  expect(bad.ok).toBe(false);
  expect(bad.errors[0].path).toBe('offence.charged');
  const noTime = checker.calendarFile(EXAMPLE, {}, { now: 'soon' });
  expect(noTime.ok).toBe(false);
  expect(noTime.errors[0].path).toBe('options.now');
});
