// The .ics builder (www/ics.js) is a pure function: checked directly in Node.
import { test, expect } from '@playwright/test';
import { buildIcs, escapeText, foldLine, hashText, utcStamp } from '../../www/ics.js';

const report = {
  reference: 'Case 7; Smith, J\\x',
  stamp: { today: '2024-07-01', engine: 'sfo-check 0.1.0' },
  deadlines: [
    {
      id: 'D-NOTIFY', label: 'Notification submitted', rule_text: '5 working days after the first court appearance',
      current_due: '2024-12-31', original_due: '2024-12-20', state: { kind: 'due-in' }, state_text: 'Due in 3 working days',
      status: 'default', status_text: 'default — check against your region’s agreed timescales',
      citations: [{ text: 'A source, with commas; and semicolons', detail: 'What it says.' }], policy: 'ew-default-2024', counts_from: { event: 'first-court-appearance' },
    },
    {
      id: 'D-REVIEW', label: 'SFO review submitted', rule_text: '60 working days', current_due: null, original_due: null,
      state: { kind: 'waiting' }, state_text: 'Waiting', status: 'default', status_text: 'default', citations: [{ text: 's' }], policy: 'p', counts_from: { event: 'notification-submitted' },
    },
    {
      id: 'D-QA', label: 'Quality assurance completed', rule_text: '20 working days', current_due: '2025-02-03', original_due: '2025-02-03',
      state: { kind: 'not-required' }, state_text: 'Not required', status: 'default', status_text: 'default', citations: [{ text: 's' }], policy: 'p', counts_from: { event: 'review-submitted' },
    },
  ],
};

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

test('one all-day event per dated step that applies, with stable UIDs', () => {
  const now = new Date(Date.UTC(2024, 6, 1, 9, 5, 7));
  const text = buildIcs(report, { now });
  expect(text).toBe(buildIcs(report, { now }));
  expect(utcStamp(now)).toBe('20240701T090507Z');
  const lines = text.split('\r\n');
  expect(lines.at(-1)).toBe('');
  const unfolded = text.replace(/\r\n /g, '');
  expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(1); // waiting and not-required steps are left out
  expect(unfolded).toContain(`UID:D-NOTIFY-2024-12-31-${hashText(report.reference)}@sfo-check.invalid`);
  expect(unfolded).toContain('DTSTAMP:20240701T090507Z');
  expect(unfolded).toContain('DTSTART;VALUE=DATE:20241231');
  expect(unfolded).toContain('DTEND;VALUE=DATE:20250101'); // across the year end
  expect(unfolded).toContain('SUMMARY:SFO: Notification submitted due (D-NOTIFY) – Case 7\\; Smith\\, J\\\\x');
  expect(unfolded).toContain('Extended: originally due Fri 20 Dec 2024.');
  expect(unfolded).toContain('Source: A source\\, with commas\\; and semicolons');
  expect(hashText('')).toMatch(/^[0-9a-f]{8}$/);
  expect(hashText('a')).not.toBe(hashText('b'));
});
