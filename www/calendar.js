// The engine's working-day calendar as the page uses it (values, or a throw),
// with a policy profile's extra non-working days (office closures) skipped
// too, as the engine skips them for that profile's deadlines; closures are
// named like bank holidays. Used by the timeline, what-if and the .ics reminders.

import { addDaysIso } from './dates.js';

export function calendarOf(engine, extraDays = []) {
  const value = (result) => {
    if (!result.ok) throw new Error(result.errors[0]?.message ?? 'calendar');
    return result.value;
  };
  const extra = new Set(extraDays.map((d) => d.date));
  // One working day on (or back), stepping over closures.
  const step = (date, by) => {
    const move = (day) => value(by > 0 ? engine.addWorkingDays(day, 1) : engine.workingDaysBefore(day, 1));
    let day = move(date);
    while (extra.has(day)) day = move(day);
    return day;
  };
  const steps = (date, n, by) => {
    let day = date;
    for (let i = 0; i < n; i += 1) day = step(day, by);
    return day;
  };
  return {
    bankHolidays: (year) => [...value(engine.bankHolidays(year)),
      ...extraDays.filter((d) => d.date.startsWith(`${year}-`)).map((d) => ({ date: d.date, name: d.name }))],
    addWorkingDays: (date, n) => (extra.size ? steps(date, n, 1) : value(engine.addWorkingDays(date, n))),
    workingDaysBefore: (date, n) => (extra.size ? steps(date, n, -1) : value(engine.workingDaysBefore(date, n))),
    // Working days after `from` up to `to`, less the closures on what would be working days.
    workingDays: (from, to) => value(engine.workingDays(from, to)) - extraDays
      .filter((d) => d.date > from && d.date <= to && value(engine.workingDays(addDaysIso(d.date, -1), d.date)) === 1).length,
  };
}
