// A picture of a case for officers and trainers: supervision, the SFO window,
// the offence, court dates and deadlines on one date axis; the window day by
// day (where the "28th working day" is usually miscounted); and the same facts
// in words. DOM calls only (strict CSP): no innerHTML, no inline styles or
// handlers; every look comes from styles/_timeline.scss.

import { h, svg as s } from './dom.js';
import { longDate, parseIso } from './dates.js';
import { STATE as RESULT_STATES } from './render.js';
import { describeOffset, plural } from './words.js';

const NS = 'http://www.w3.org/2000/svg';
const W = 960, L = 20, R = 940, DAY = 86400000;
const CAP = 70; // calendar days the window detail draws at most
const CELL = 29, GRID_X = 128; // window detail: 28 columns = four weeks a row

// The state words are the results panel's; the class suffix
// (app-tl__mark--<kind>) gives the colour and SHAPE the shape.
const STATE = Object.fromEntries(Object.entries(RESULT_STATES).map(([kind, [word]]) => [kind, word]));
const SHAPE = { overdue: 'triangle', 'due-today': 'diamond', 'due-in': 'circle', done: 'circle', 'done-on-time': 'circle', 'done-late': 'square' };

const safe = (fn, fallback = null) => { try { return fn() ?? fallback; } catch { return fallback; } };
const valid = (iso) => (parseIso(iso) ? iso : null);
const dayNo = (iso) => parseIso(iso).getTime() / DAY;
const isoOf = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const widthOf = (text, size) => String(text).length * size * 0.56; // Arial, roughly
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The date an offset lands on; months are left out rather than guessed. */
function addOffset(calendar, iso, offset) {
  const n = Number(offset?.amount);
  if (!iso || !Number.isInteger(n)) return null;
  if (offset.unit === 'working-days') return valid(safe(() => calendar.addWorkingDays(iso, n)));
  if (offset.unit !== 'calendar-days' && offset.unit !== 'weeks') return null;
  return isoOf(dayNo(iso) + n * (offset.unit === 'weeks' ? 7 : 1));
}

function shape(kind, x, y, cls, r = 8) {
  const f = (n) => Math.round(n * 10) / 10;
  const d = {
    triangle: `M${f(x)} ${f(y - r)}L${f(x + r)} ${f(y + r * 0.8)}L${f(x - r)} ${f(y + r * 0.8)}Z`,
    diamond: `M${f(x)} ${f(y - r)}L${f(x + r)} ${f(y)}L${f(x)} ${f(y + r)}L${f(x - r)} ${f(y)}Z`,
    square: `M${f(x - r * 0.8)} ${f(y - r * 0.8)}h${f(r * 1.6)}v${f(r * 1.6)}h${f(-r * 1.6)}Z`,
    cross: `M${f(x - r)} ${f(y - r)}L${f(x + r)} ${f(y + r)}M${f(x + r)} ${f(y - r)}L${f(x - r)} ${f(y + r)}`,
  }[kind];
  return d ? s('path', { d, class: cls }) : s('circle', { cx: f(x), cy: f(y), r: f(r * 0.9), class: cls });
}

/** Puts each label in the first row where it overlaps nothing; returns the number of rows. */
function stack(items) {
  const rows = [];
  for (const it of [...items].sort((a, b) => a.x - b.x)) {
    let x0 = it.x - 6;
    if (x0 + it.w > R) x0 = Math.max(L, it.x + 6 - it.w);
    if (x0 < L) x0 = L;
    Object.assign(it, { x0, tx: x0 });
    let r = rows.findIndex((row) => row.every(([a, b]) => x0 >= b + 12 || x0 + it.w <= a - 12));
    if (r < 0) r = rows.push([]) - 1;
    rows[r].push([x0, x0 + it.w]);
    it.row = r;
  }
  return rows.length;
}

/** Month (or year) ticks, the finest that leave room for their labels. */
function ticks(a, b, x) {
  const start = new Date(a * DAY);
  const first = start.getUTCFullYear() * 12 + start.getUTCMonth() + (start.getUTCDate() > 1 ? 1 : 0);
  for (const step of [1, 2, 3, 6, 12, 24, 60, 120, 240]) {
    if (x(a + step * 30.44) - x(a) < 48 && step < 240) continue;
    const list = [];
    for (let k = Math.ceil(first / step) * step; Date.UTC(Math.floor(k / 12), k % 12, 1) / DAY <= b; k += step) {
      list.push({ d: Date.UTC(Math.floor(k / 12), k % 12, 1) / DAY, year: Math.floor(k / 12), month: k % 12, yearly: step >= 12 });
    }
    return list;
  }
  return [];
}

/** The window day by day: which days count, their numbers and why the others are skipped. */
function windowDays(from, to, calendar, near) {
  const a = dayNo(from), b = dayNo(to);
  if (b <= a || b - a > 800) return null;
  // Offence dates just outside the window are drawn too: "the day after" is the point.
  let lo = a, hi = b + 1;
  for (const n of near.map(dayNo)) {
    if (n < lo && a - n <= 7) lo = n;
    if (n > hi && n - b <= 14) hi = n;
  }
  const holidays = new Map();
  for (let y = Number(isoOf(lo).slice(0, 4)); y <= Number(isoOf(hi).slice(0, 4)); y += 1) {
    for (const bh of safe(() => calendar.bankHolidays(y), [])) if (bh?.date) holidays.set(bh.date, bh.name ?? 'Bank holiday');
  }
  const days = [];
  let n = 0;
  for (let d = lo; d <= hi; d += 1) {
    const iso = isoOf(d), dow = new Date(d * DAY).getUTCDay();
    // The calendar given decides: the page's skips the profile's extra non-working days too.
    const next = safe(() => calendar.addWorkingDays(isoOf(d - 1), 1));
    const working = next ? next === iso : !(dow === 0 || dow === 6 || holidays.has(iso));
    if (working && d > a && d <= b) n += 1;
    const role = d < a ? 'before' : d === a ? 'end' : d === b ? 'last' : d === b + 1 ? 'after' : d > b ? 'beyond' : null;
    days.push({ iso, d, dow, working, holiday: holidays.get(iso), n: working && d > a && d <= b ? n : null, role });
  }
  const skipped = days.filter((x) => x.d > a && x.d <= b && !x.working);
  return { from, to, days, count: n, skipped, closed: isoOf(b + 1), numberOn: (iso) => days.find((x) => x.iso === iso) };
}

export function timeline(caseData, report, { calendar, idPrefix = 'timeline', caption = 'Timeline of the case' } = {}) {
  try {
    return build(caseData, report, calendar ?? {}, idPrefix, caption);
  } catch (error) {
    // A picture must never stop the results showing: say so and move on.
    console.error(error);
    return h('figure', { class: 'app-timeline-figure' }, h('figcaption', { class: 'govuk-heading-s app-tl__caption' }, caption),
      h('p', { class: 'govuk-body' }, 'The timeline could not be drawn for these dates. The deadlines above are not affected.'));
  }
}

function build(caseData, report, calendar, p, caption) {
  const offence = caseData?.offence ?? {};
  const today = valid(report?.stamp?.today) ?? valid(caseData?.today);
  const deadlines = (Array.isArray(report?.deadlines) ? report.deadlines : []).filter(Boolean);
  const win = deadlines.find((d) => d.id === 'D-WINDOW-CLOSE');
  const winFrom = win?.counts_from?.event === 'supervision-end' ? valid(win.counts_from.date) : null;
  const winTo = valid(win?.current_due);

  const periods = (Array.isArray(caseData?.supervision) ? caseData.supervision : []).map((q, i) => {
    const start = valid(q?.start), scheduled = valid(q?.scheduled_end), terminated = valid(q?.terminated);
    const end = terminated ?? scheduled;
    const ours = Boolean(end && winTo && end === winFrom);
    return { n: i + 1, start, scheduled, terminated, end, early: Boolean(terminated && scheduled && terminated < scheduled),
      tail: end ? (ours ? winTo : addOffset(calendar, end, win?.offset)) : null, ours };
  });
  const from = valid(offence.alleged_from), to = valid(offence.alleged_to);
  const events = [
    ['charged', 'Charged', 'charged', 'square'], ['first_court_appearance', 'First court appearance', 'first court appearance', 'square'],
    ['charges_dropped', 'Charges dropped', 'charges dropped', 'cross'],
  ].filter(([key]) => valid(offence[key])).map(([key, label, words, kind]) => ({ key, date: offence[key], label, words, kind }));
  if (from) events.unshift({ key: 'offence', date: from, to: to && to > from ? to : null, label: 'Alleged offence', words: 'alleged offence', kind: 'circle' });
  const dated = deadlines.filter((d) => valid(d.current_due));

  // Detail: the report's window, else the last period's computed one.
  const tailPeriod = periods.find((q) => q.ours) ?? [...periods].reverse().find((q) => q.tail);
  const detail = tailPeriod && safe(() => windowDays(tailPeriod.end, tailPeriod.tail, calendar, [from, to].filter(Boolean)));

  const all = [from, to, ...events.map((e) => e.date), ...dated.flatMap((d) => [d.current_due, valid(d.original_due)]),
    ...periods.flatMap((q) => [q.start, q.end, q.scheduled, q.tail])].filter(Boolean).map(dayNo);
  const svg = s('svg', { class: 'app-tl__svg', role: 'img', 'aria-labelledby': `${p}-title ${p}-desc`, xmlns: NS });
  const words = [];
  let height = 60;
  if (all.length) { // today alone is no picture
    if (today) all.push(dayNo(today));
    let a = Math.min(...all), b = Math.max(...all);
    if (b - a < 40) { const grow = (40 - (b - a)) / 2; a -= grow; b += grow; }
    const pad = Math.max(5, (b - a) * 0.04);
    a -= pad; b += pad;
    const x = (d) => L + ((d - a) / (b - a)) * (R - L);
    const X = (iso) => x(dayNo(iso));
    const back = s('g'), front = s('g');
    let y = today ? 30 : 8;

    // Supervision periods, each with its window tail after it.
    for (const q of periods.filter((r) => r.start || r.end)) {
      const x0 = q.start ? X(q.start) : L, x1 = q.end ? X(q.end) : R;
      const label = `Supervision period ${q.n}${q.early ? ' (ended early)' : ''}`;
      const w = widthOf(label, 15);
      back.append(s('text', { x: x0 + w > R ? R : x0, y: y + 15, 'text-anchor': x0 + w > R ? 'end' : null, class: 'app-tl__lane-label' }, label),
        s('rect', { x: x0, y: y + 22, width: Math.max(2, x1 - x0), height: 18, class: `app-tl__bar${q.start ? '' : ' app-tl__bar--open'}` },
          s('title', null, `${label}: ${q.start ? longDate(q.start) : 'start not given'} to ${q.end ? longDate(q.end) : 'end not given'}`)));
      if (q.early) back.append(s('rect', { x: x1, y: y + 22, width: Math.max(2, X(q.scheduled) - x1), height: 18, class: 'app-tl__bar-unserved' }));
      if (q.tail) {
        back.append(s('rect', { x: x1, y: y + 22, width: Math.max(3, X(q.tail) - x1), height: 18, class: 'app-tl__tail', fill: `url(#${p}-tail)` },
          s('title', null, `The SFO window after supervision period ${q.n}: to ${longDate(q.tail)}`)));
      }
      y += 52;
    }

    // Point lanes: a marker on a line and its label (one or two lines) below, stacked clear of the others.
    const lane = (title, items) => {
      if (!items.length) return;
      back.append(s('text', { x: L, y: y + 15, class: 'app-tl__lane-title' }, title),
        s('line', { x1: L, x2: R, y1: y + 30, y2: y + 30, class: 'app-tl__lane-line' }));
      const lineH = 17, rowH = Math.max(...items.map((it) => it.lines.length)) * lineH + 8;
      items.forEach((it) => { it.w = Math.max(...it.lines.map((t, i) => widthOf(t, i ? 14 : 15))); });
      const rows = stack(items);
      for (const it of items) {
        const top = y + 44 + it.row * rowH;
        back.append(s('line', { x1: it.x, x2: it.x, y1: y + 30, y2: top, class: 'app-tl__leader' }));
        if (it.x2 !== undefined) front.append(s('rect', { x: it.x, y: y + 25, width: Math.max(3, it.x2 - it.x), height: 10, class: 'app-tl__range' }));
        if (it.was !== undefined) back.append(s('line', { x1: it.was, x2: it.x, y1: y + 30, y2: y + 30, class: 'app-tl__moved' }));
        front.append(s('g', null, s('title', null, it.tip), shape(it.kind, it.x, y + 30, it.cls)),
          s('text', { x: it.tx, y: top + 13, class: 'app-tl__label' },
            it.lines.map((t, i) => s('tspan', { x: it.tx, dy: i ? lineH : null, class: i ? 'app-tl__label-sub' : null }, t))));
      }
      y += 44 + rows * rowH;
    };
    lane('Offence and court', events.map((e) => ({
      x: X(e.date), x2: e.to ? X(e.to) : undefined, kind: e.kind, cls: `app-tl__event app-tl__event--${e.key}`,
      lines: [e.label, e.to ? `${longDate(e.date)} to ${longDate(e.to)}` : longDate(e.date)], tip: `${e.label}: ${longDate(e.date)}${e.to ? ` to ${longDate(e.to)}` : ''}`,
    })));
    lane('Deadlines', dated.map((d) => {
      const word = STATE[d.state?.kind] ?? 'Not known';
      const moved = d.extended && valid(d.original_due) && d.original_due !== d.current_due;
      return { x: X(d.current_due), was: moved ? X(d.original_due) : undefined, kind: SHAPE[d.state?.kind] ?? 'diamond',
        cls: `app-tl__mark app-tl__mark--${STATE[d.state?.kind] ? d.state.kind : 'open'}`, lines: [d.label, `${word}: ${longDate(d.current_due)}`],
        tip: `${d.label}: ${word.toLowerCase()}, ${longDate(d.current_due)}` };
    }));

    // The date axis, and today across everything above it.
    back.append(s('line', { x1: L, x2: R, y1: y + 4, y2: y + 4, class: 'app-tl__axis' }));
    const tick = (tx, ty, text) => s('text', { x: tx, y: ty, 'text-anchor': 'middle', class: 'app-tl__tick' }, text);
    for (const [i, t] of ticks(a, b, x).entries()) {
      const tx = x(t.d);
      back.append(s('line', { x1: tx, x2: tx, y1: y + 4, y2: y + 10, class: 'app-tl__axis' }),
        tick(tx, y + 26, t.yearly ? String(t.year) : MONTHS[t.month]),
        !t.yearly && (i === 0 || t.month === 0) ? tick(tx, y + 42, String(t.year)) : null);
    }
    if (today) {
      const tx = X(today);
      back.append(s('line', { x1: tx, x2: tx, y1: 24, y2: y + 4, class: 'app-tl__today' }),
        s('text', { x: Math.min(R - 24, Math.max(L + 24, tx)), y: 18, 'text-anchor': 'middle', class: 'app-tl__today-label' }, 'Today'));
    }
    y += 60;
    // A key for the bars: colour is never the only clue, so patterns and words.
    const key = [];
    if (periods.some((q) => q.start || q.end)) key.push(['app-tl__bar', null, 'Supervision']);
    const span = win?.offset ? ` (${describeOffset(win.offset)})` : '';
    if (periods.some((q) => q.tail)) key.push(['app-tl__tail', `url(#${p}-tail)`, `SFO window after supervision ends${span}`]);
    if (periods.some((q) => q.early)) key.push(['app-tl__bar-unserved', null, 'Rest of the order, not served']);
    if (events.some((e) => e.to)) key.push(['app-tl__range', null, 'Alleged offence dates']);
    y = key.length ? legend(back, key, y) + 4 : y - 20;
    if (detail) y = drawDetail(back, front, detail, tailPeriod, events, today, y + 24, p);
    svg.append(back, front);
    height = y + 8;
  }
  svg.prepend(s('title', { id: `${p}-title` }, caption), s('desc', { id: `${p}-desc` }, summary(periods, events, dated, win, today)), patterns(p));
  svg.setAttribute('viewBox', `0 0 ${W} ${Math.round(height)}`);
  svg.setAttribute('width', W);
  svg.setAttribute('height', Math.round(height));

  // The same facts in words, in date order.
  const item = (date, order, text) => words.push({ date, order, text: `${longDate(date)}: ${text}` });
  for (const q of periods) {
    if (q.start) item(q.start, 0, `supervision period ${q.n} starts`);
    if (q.end) item(q.end, 1, `supervision period ${q.n} ends${q.early ? ` early (it was due to end ${longDate(q.scheduled)})` : ''}`);
    if (q.tail && !q.ours) item(q.tail, 5, `the SFO window after supervision period ${q.n} closes`);
  }
  for (const e of events) {
    if (e.to) words.push({ date: e.date, order: 2, text: `${longDate(e.date)} to ${longDate(e.to)}: alleged offence (somewhere in these dates)` });
    else item(e.date, 2, e.words);
  }
  for (const d of dated) {
    const notes = [];
    if (d.extended && valid(d.original_due) && d.original_due !== d.current_due) notes.push(`extended; originally due ${longDate(d.original_due)}`);
    if (valid(d.completed)) notes.push(`${String(d.state?.kind).startsWith('done') ? 'on' : 'done on'} ${longDate(d.completed)}`);
    if (d.counts_from?.projected) notes.push('projected: an earlier step is not done yet');
    item(d.current_due, 6, `${d.label} — ${(STATE[d.state?.kind] ?? 'state not known').toLowerCase()}${notes.length ? ` (${notes.join('; ')})` : ''}`);
  }
  if (today) item(today, 9, 'today, the date the case is assessed on');
  words.sort((u, v) => u.date.localeCompare(v.date) || u.order - v.order);
  const undated = deadlines.filter((d) => !valid(d.current_due));
  const paras = detail ? windowWords(detail, tailPeriod, periods, from, to) : [];
  const why = (d) => (d.state?.kind === 'waiting' && d.counts_from?.label ? `waiting for ${d.counts_from.label}` : (STATE[d.state?.kind] ?? 'not known').toLowerCase());
  return h('figure', { class: 'app-timeline-figure' },
    h('figcaption', { class: 'govuk-heading-s app-tl__caption' }, caption),
    all.length ? [h('p', { class: 'govuk-body-s app-tl__scroll-hint' }, 'Scroll the picture sideways to see all of it. “The timeline in words”, below it, has the same facts.'),
      h('div', { class: 'app-tl__scroll', role: 'region', 'aria-label': `${caption}: picture`, tabindex: '0' }, svg)]
      : h('p', { class: 'govuk-body' }, 'There are no dates to draw yet.'),
    h('details', { class: 'govuk-details app-tl__words', id: `${p}-words` },
      h('summary', { class: 'govuk-details__summary' }, h('span', { class: 'govuk-details__summary-text' }, 'The timeline in words')),
      h('div', { class: 'govuk-details__text' },
        words.length ? h('ol', { class: 'govuk-list govuk-list--number app-tl__list' }, words.map((w) => h('li', null, w.text)))
          : h('p', { class: 'govuk-body' }, 'No dates have been entered yet.'),
        undated.length ? [h('p', { class: 'govuk-body govuk-!-margin-bottom-1' }, 'Not dated yet:'),
          h('ul', { class: 'govuk-list govuk-list--bullet' }, undated.map((d) => h('li', null, `${d.label}: ${why(d)}`)))] : null,
        paras.map((t) => h('p', { class: 'govuk-body' }, t)))));
}

function patterns(p) {
  const hatch = (id, cls, angle, cross) => s('pattern', { id: `${p}-${id}`, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: `rotate(${angle})` },
    s('rect', { width: 8, height: 8, class: `app-tl__hatch-bg app-tl__hatch-bg--${cls}` }),
    s('line', { x1: 0, y1: 0, x2: 0, y2: 8, class: `app-tl__hatch app-tl__hatch--${cls}` }),
    cross ? s('line', { x1: 0, y1: 4, x2: 8, y2: 4, class: `app-tl__hatch app-tl__hatch--${cls}` }) : null);
  return s('defs', null, hatch('tail', 'tail', 45), hatch('skip', 'skip', 45), hatch('holiday', 'holiday', 45, true));
}

function summary(periods, events, dated, win, today) {
  const parts = [];
  const ps = periods.filter((q) => q.start || q.end);
  if (ps.length) parts.push(plural(ps.length, 'supervision period', 'supervision periods'));
  if (valid(win?.current_due)) parts.push(`the SFO window closing ${longDate(win.current_due)}`);
  const o = events.find((e) => e.key === 'offence');
  if (o) parts.push(o.to ? `the alleged offence between ${longDate(o.date)} and ${longDate(o.to)}` : `the alleged offence on ${longDate(o.date)}`);
  if (dated.length) parts.push(plural(dated.length, 'dated deadline', 'dated deadlines'));
  if (today) parts.push(`today, ${longDate(today)}`);
  if (!parts.length) return 'No dates have been entered yet.';
  return `A timeline showing ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}.`;
}

/** Where an offence date falls against the window, in words. */
function placeOf(detail, periods, iso) {
  const day = detail.numberOn(iso);
  const during = periods.find((q) => q.start && q.end && q.start <= iso && iso <= q.end);
  if (during) return `during supervision period ${during.n}`;
  if (iso <= detail.from) return 'before this window begins';
  if (iso > detail.to) return `after the window’s last day, ${longDate(detail.to)}`;
  if (day.n) return `working day ${day.n} of ${detail.count}${day.n === detail.count ? ', the last day of the window' : ''}`;
  const before = detail.days.filter((x) => x.n && x.d < day.d).at(-1)?.n ?? 0;
  return `${day.holiday ?? (day.dow % 6 === 0 ? 'a weekend' : 'a non-working day')}, inside the window after working day ${before}`;
}

function windowWords(detail, q, periods, from, to) {
  const first = detail.days.find((x) => x.n === 1);
  const out = [`Supervision period ${q.n} ends on ${longDate(detail.from)}. In the SFO window after it, `
    + `${first ? `working day 1 is ${longDate(first.iso)} and ` : ''}working day ${detail.count}, the last day, is ${longDate(detail.to)}. `
    + `From ${longDate(detail.closed)} the window is closed.`];
  const bh = detail.skipped.filter((x) => x.holiday);
  const weekend = detail.skipped.filter((x) => !x.holiday && x.dow % 6 === 0).length;
  const other = detail.skipped.filter((x) => !x.holiday && x.dow % 6 !== 0);
  out.push(bh.length ? `Bank holidays skipped in the window: ${bh.map((x) => `${longDate(x.iso)} ${x.holiday}`).join(', ')}.` : 'No bank holidays fall in the window.');
  out.push(`Weekend days skipped: ${weekend}.${other.length ? ` Other non-working days skipped: ${other.map((x) => longDate(x.iso)).join(', ')}.` : ''}`);
  const at = (iso) => placeOf(detail, periods, iso);
  if (from) out.push(to && to > from ? `The alleged offence dates run from ${longDate(from)} (${at(from)}) to ${longDate(to)} (${at(to)}).`
    : `The alleged offence date, ${longDate(from)}, is ${at(from)}.`);
  if (detail.days.length > CAP) out.push(`The picture shows only the last ${CAP} days of the window.`);
  return out;
}

function drawDetail(back, front, detail, q, events, today, y, p) {
  const days = detail.days.slice(-CAP);
  const off = (days[0].dow + 6) % 7; // Monday first
  back.append(s('text', { x: L, y, class: 'app-tl__heading' }, `The SFO window day by day, after supervision period ${q.n} ends`),
    days.length < detail.days.length ? s('text', { x: L, y: y + 20, class: 'app-tl__note' }, `The window is long: only its last ${CAP} days are drawn.`) : null);
  y += days.length < detail.days.length ? 44 : 24;
  for (let c = 0; c < 28; c += 1) {
    back.append(s('text', { x: GRID_X + c * CELL + CELL / 2, y: y + 14, 'text-anchor': 'middle', class: 'app-tl__weekday' }, 'MTWTFSS'[c % 7]));
  }
  y += 22;
  const o = events.find((e) => e.key === 'offence');
  for (let r = 0; r * 28 < off + days.length; r += 1) {
    const row = days.slice(Math.max(0, r * 28 - off), (r + 1) * 28 - off);
    const col = (d) => (off + days.indexOf(d)) % 28, cx = (d) => GRID_X + col(d) * CELL + CELL / 2;
    const d0 = new Date(row[0].d * DAY), d1 = new Date(row.at(-1).d * DAY);
    const [first, last] = [d0, d1].map((d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`);
    back.append(s('text', { x: L, y: first === last ? y + 25 : y + 16, class: 'app-tl__row-label' }, first,
      first === last ? null : s('tspan', { x: L, dy: 18 }, `to ${last}`)));
    const notes = [];
    for (const d of row) {
      const x0 = GRID_X + col(d) * CELL, kind = d.role === 'end' ? 'end' : d.working ? 'work' : d.holiday ? 'holiday' : 'skip';
      const tip = {
        end: 'supervision ends', before: 'before supervision ends', after: 'the window is closed', beyond: 'the window is closed',
      }[d.role] ?? (d.n ? `working day ${d.n}${d.role === 'last' ? ', the last day of the window' : ''}`
        : `${d.holiday ?? (d.dow % 6 === 0 ? 'weekend' : 'non-working day')}, not counted`);
      const mid = (ty, cls, text) => s('text', { x: x0 + CELL / 2, y: ty, 'text-anchor': 'middle', class: cls }, text);
      back.append(s('g', { class: `app-tl__cell${d.role ? ` app-tl__cell--${d.role}` : ''}` }, s('title', null, `${longDate(d.iso)}: ${tip}`),
        s('rect', { x: x0 + 1, y, width: CELL - 2, height: 40, class: `app-tl__day app-tl__day--${kind}${d.role ? ` app-tl__day--${d.role}` : ''}`,
          fill: kind === 'skip' || kind === 'holiday' ? `url(#${p}-${kind})` : null }),
        mid(y + 13, 'app-tl__dom', String(new Date(d.d * DAY).getUTCDate())),
        d.n ? mid(y + 33, 'app-tl__wd', String(d.n)) : d.holiday && d.role !== 'end' ? mid(y + 33, 'app-tl__bh', 'BH') : null));
      if (d.role === 'end') notes.push({ x: cx(d), lines: ['Supervision ends'] });
      if (d.role === 'last') notes.push({ x: cx(d), lines: [`Working day ${d.n}: last day`], strong: true });
      if (d.role === 'after') notes.push({ x: cx(d), lines: ['Window closed'] });
      if (d.iso === today) notes.push({ x: cx(d), lines: ['Today'] });
      if (o && (o.to ? d.iso >= o.date && d.iso <= o.to : d.iso === o.date)) {
        if (d.iso === o.date || d === row[0]) notes.push({ x: cx(d), lines: [o.to ? 'Alleged offence dates' : 'Alleged offence'], offence: true });
        front.append(s('rect', { x: x0 + 1, y: y + 44, width: CELL - 2, height: 6, class: 'app-tl__range' }));
      }
    }
    notes.forEach((n) => { n.w = widthOf(n.lines[0], 14); });
    const rows = stack(notes);
    for (const n of notes) {
      const top = y + 58 + n.row * 20;
      back.append(s('line', { x1: n.x, x2: n.x, y1: y + 40, y2: top, class: 'app-tl__leader' }));
      front.append(s('text', { x: n.tx, y: top + 12, class: `app-tl__note-label${n.strong ? ' app-tl__note-label--strong' : ''}` }, n.lines[0]));
    }
    y += 62 + rows * 20;
  }
  // The key: the same words as the cells' tooltips.
  return legend(back, [['app-tl__day app-tl__day--work', null, 'Working day, counted'], ['app-tl__day app-tl__day--skip', `url(#${p}-skip)`, 'Weekend, not counted'],
    days.some((d) => d.holiday) ? ['app-tl__day app-tl__day--holiday', `url(#${p}-holiday)`, 'BH: bank holiday, not counted'] : null,
    ['app-tl__day app-tl__day--last', null, 'Last day of the window']].filter(Boolean), y + 12);
}

/** A key of swatches and words, wrapped to the width; returns the y below it. */
function legend(g, entries, y) {
  let kx = L;
  for (const [cls, fill, text] of entries) {
    if (kx + 30 + widthOf(text, 14) > R) { kx = L; y += 26; }
    g.append(s('rect', { x: kx, y: y - 13, width: 24, height: 16, class: cls, fill }), s('text', { x: kx + 30, y, class: 'app-tl__key' }, text));
    kx += 52 + widthOf(text, 14);
  }
  return y + 14;
}
