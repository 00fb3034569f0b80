#!/usr/bin/env python3
"""An independent reading of the SFO timetable, for the golden cases.

It shares no code with the engine: the calendar comes from the independent list
in tests/data/ (1995-2027) and, for other years, from the bank-holiday rules as
the rulebook states them, written out case by case; the timetable comes from
the policy profile the case uses; the states follow the rulebook's section 3.

    python3 tests/oracle/deadlines.py            # every golden report case: what it derives
    python3 tests/oracle/deadlines.py --write    # writes due dates, states and reasoning into
                                                 # cases that lack them; never overwrites a value
                                                 # a case already asserts (it reports a conflict)

The qualification status is an input here (a case asserts it by hand): a step
that is not done is "not required" only when the case does not qualify.
"""

import csv
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
LISTED = range(1995, 2028)

D = dt.date
ONE = dt.timedelta(days=1)


def long(day):
    return day.strftime("%a ") + str(day.day) + day.strftime(" %b %Y")


def easter(year):
    # Oudin's algorithm (a different route from the engine's).
    c = year // 100
    n = year - 19 * (year // 19)
    k = (c - 17) // 25
    i = c - c // 4 - (c - k) // 3 + 19 * n + 15
    i = i - 30 * (i // 30)
    i = i - (i // 28) * (1 - (i // 28) * (29 // (i + 1)) * ((21 - n) // 11))
    j = year + year // 4 + i + 2 - c + c // 4
    j = j - 7 * (j // 7)
    l = i - j
    month = 3 + (l + 40) // 44
    day = l + 28 - 31 * (month // 4)
    return D(year, month, day)


def first_monday(year, month):
    day = D(year, month, 1)
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def last_monday(year, month):
    day = D(year + month // 12, month % 12 + 1, 1) - ONE
    return day - dt.timedelta(days=day.weekday())


def ruled_holidays(year):
    """Bank holidays by the rulebook's rules, for years without a published list."""
    days = set()
    new_year = D(year, 1, 1)
    days.add({5: D(year, 1, 3), 6: D(year, 1, 2)}.get(new_year.weekday(), new_year))
    e = easter(year)
    days |= {e - 2 * ONE, e + ONE, first_monday(year, 5), last_monday(year, 5), last_monday(year, 8)}
    christmas_weekday = D(year, 12, 25).weekday()
    days |= {
        4: {D(year, 12, 25), D(year, 12, 28)},  # Boxing Day on Saturday
        5: {D(year, 12, 27), D(year, 12, 28)},  # Christmas on Saturday
        6: {D(year, 12, 26), D(year, 12, 27)},  # Christmas on Sunday
    }.get(christmas_weekday, {D(year, 12, 25), D(year, 12, 26)})
    return days


def listed_holidays():
    with open(ROOT / "tests" / "data" / "bank-holidays-england-and-wales.csv") as f:
        return {D.fromisoformat(row["date"]) for row in csv.DictReader(f)}


LISTED_HOLIDAYS = listed_holidays()


class Calendar:
    def __init__(self, extra=()):
        self.extra = set(extra)
        self.cache = {}

    def holidays(self, year):
        if year not in self.cache:
            self.cache[year] = (
                {d for d in LISTED_HOLIDAYS if d.year == year} if year in LISTED else ruled_holidays(year)
            )
        return self.cache[year]

    def working(self, day):
        return day.weekday() < 5 and day not in self.holidays(day.year) and day not in self.extra

    def add(self, start, n):
        day = start
        while n:
            day += ONE
            n -= self.working(day)
        return day

    def between(self, a, b):
        """Working days after a up to and including b (a <= b)."""
        count, day = 0, a
        while day < b:
            day += ONE
            count += self.working(day)
        return count


def add_months(day, months):
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    last = (D(year + month // 12, month % 12 + 1, 1) - ONE).day
    return D(year, month, min(day.day, last))


def apply(offset, calendar, start):
    amount, unit = offset["amount"], offset["unit"]
    if unit == "working-days":
        return calendar.add(start, amount)
    if unit == "calendar-days":
        return start + dt.timedelta(days=amount)
    if unit == "weeks":
        return start + dt.timedelta(days=7 * amount)
    return add_months(start, amount)


def describe(offset):
    unit = offset["unit"].replace("-", " ")
    return f"{offset['amount']} {unit[:-1] if offset['amount'] == 1 else unit}"


def date(value):
    return D.fromisoformat(value) if value else None


def load_policy(path):
    return json.loads(Path(path).read_text())


def choose_policy(doc, case, today):
    """The profile named, else the one in force on court (else charge, else today)."""
    options = doc.get("options") or {}
    profiles = [load_policy(ROOT / "policy" / "default.json")]
    for name in options.get("policies", []):
        profile = load_policy(GOLDEN / "policies" / name)
        profiles = [p for p in profiles if p["id"] != profile["id"]] + [profile]
    named = options.get("policy_id") or case.get("policy")
    if named:
        return next(p for p in profiles if p["id"] == named)
    offence = case.get("offence", {})
    on = date(offence.get("first_court_appearance")) or date(offence.get("charged")) or today
    in_force = [(date(p["effective_from"]), i, p) for i, p in enumerate(profiles) if date(p["effective_from"]) <= on]
    if in_force:
        return max(in_force, key=lambda t: (t[0], t[1]))[2]
    return min(profiles, key=lambda p: date(p["effective_from"]))


EVENT_DATES = {
    "first-court-appearance": ("offence", "first_court_appearance", "the first court appearance"),
    "charged": ("offence", "charged", "the charge"),
    "notification-submitted": ("review", "notification_submitted", "the notification being submitted"),
    "review-submitted": ("review", "review_submitted", "the review being submitted"),
    "qa-completed": ("review", "qa_completed", "quality assurance being completed"),
}


def event_date(case, event):
    part, field, _ = EVENT_DATES[event]
    return date(case.get(part, {}).get(field))


def supervision_end(case):
    """The day the last period ended; none while any period has no end."""
    ends = []
    for period in case.get("supervision", []):
        end = date(period.get("terminated")) or date(period.get("scheduled_end"))
        if end is None:
            return None
        ends.append(end)
    return max(ends) if ends else None


def plural(n, word="working day"):
    return f"{n} {word}" + ("" if n == 1 else "s")


def derive(doc):
    case = doc["case"]
    options = doc.get("options") or {}
    today = date(options.get("today")) or date(case.get("today"))
    status = doc["expect"]["qualification"]["status"]
    policy = choose_policy(doc, case, today)
    calendar = Calendar(date(d["date"]) for d in policy.get("extra_non_working_days", []))
    extensions = case.get("review", {}).get("extensions", [])
    out, lines = [], [f"Policy profile {policy['id']}; today {long(today)}."]
    due_of = {}
    for step in policy["timetable"]:
        sid, source = step["id"], step["counts_from"]
        if source == "supervision-end":
            anchor, anchor_name = supervision_end(case), "the end of supervision"
        else:
            anchor, anchor_name = event_date(case, source), EVENT_DATES[source][2]
        how = f"{describe(step['offset'])} after {anchor_name}"
        if anchor is None and step.get("else_from_due_of") and due_of.get(step["else_from_due_of"]):
            anchor = due_of[step["else_from_due_of"]]
            how = f"{describe(step['offset'])} after the {step['else_from_due_of']} due date ({anchor_name} has not happened)"
        original = apply(step["offset"], calendar, anchor) if anchor else None
        text = f"{sid}: " + (f"{how}, {long(anchor)}, is {long(original)}" if original else f"{anchor_name} is not dated, so no due date")
        current = original
        asked_before = None  # whether any extension was asked on or before the original due date
        mine = sorted(
            ((e.get("requested"), i, e) for i, e in enumerate(extensions) if e.get("step") == sid),
            key=lambda t: (t[0], t[1]),
        )
        for requested, _, ext in mine:
            if original is not None:
                asked_before = bool(asked_before) or date(requested) <= original
            if ext.get("decision") != "granted":
                text += f"; the extension asked for on {long(date(requested))} was {ext.get('decision')}"
                continue
            if ext.get("new_due"):
                new = date(ext["new_due"])
            elif current is not None and ext.get("extra_working_days") is not None:
                new = calendar.add(current, ext["extra_working_days"])
            else:
                new = None
            if new is not None:
                extra = f" ({plural(ext['extra_working_days'], 'extra working day')})" if not ext.get("new_due") else ""
                text += f"; extended{extra} to {long(new)}"
                current = new
        completed_by = step.get("completed_by")
        done = event_date(case, completed_by) if completed_by else None
        if completed_by is None:
            if current is None:
                state = {"kind": "waiting"}
            elif today <= current:
                state = {"kind": "open", "working_days": calendar.between(today, current)}
            else:
                state = {"kind": "closed", "working_days": calendar.between(current, today)}
        elif done is not None:
            if current is None:
                state = {"kind": "done"}
            elif done <= current:
                state = {"kind": "done-on-time"}
            else:
                state = {"kind": "done-late", "working_days": calendar.between(current, done)}
            text += f"; done on {long(done)}"
        elif status == "does-not-qualify":
            state = {"kind": "not-required"}
            text += "; the case does not qualify"
        elif current is None:
            state = {"kind": "waiting"}
        elif today < current:
            state = {"kind": "due-in", "working_days": calendar.between(today, current)}
        elif today == current:
            state = {"kind": "due-today"}
        else:
            state = {"kind": "overdue", "working_days": calendar.between(current, today)}
        words = state["kind"].replace("-", " ")
        if "working_days" in state:
            words += f" {plural(state['working_days'])}"
        lines.append(f"{text}: {words}.")
        due_of[sid] = current
        out.append(
            {
                "id": sid,
                "original_due": original and original.isoformat(),
                "current_due": current and current.isoformat(),
                "extended": current != original,
                "extension_requested_before_deadline": asked_before,
                # Dates in years without a published list are predicted.
                "predicted": any(d is not None and d.year not in LISTED for d in (original, current)),
                "state": state,
            }
        )
    return out, lines


def merge(expected, derived, name, conflicts):
    """Adds derived values the case does not assert; reports any it asserts differently."""
    if expected is None:
        return derived
    if len(expected) != len(derived):
        conflicts.append(f"{name}: asserts {len(expected)} deadlines, the timetable has {len(derived)}")
        return expected
    for have, want in zip(expected, derived):
        for key in want:
            if key in have and have[key] != want[key]:
                conflicts.append(f"{name}: {want['id']}.{key}: case says {have[key]}, oracle says {want[key]}")
            have.setdefault(key, want[key])
    return expected


def main():
    write = "--write" in sys.argv
    conflicts = []
    for path in sorted(GOLDEN.glob("*.json")):
        doc = json.loads(path.read_text())
        if "expect" not in doc:
            continue
        if "status" not in doc["expect"].get("qualification", {}):
            print(f"{path.name}: no qualification status asserted; skipped")
            continue
        derived, lines = derive(doc)
        if not write:
            print(path.name)
            for line in lines:
                print("   ", line)
            continue
        doc["expect"]["deadlines"] = merge(doc["expect"].get("deadlines"), derived, path.name, conflicts)
        reasoning = doc.setdefault("reasoning", {})
        reasoning["deadlines"] = lines
        path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    for conflict in conflicts:
        print("CONFLICT", conflict)
    return 1 if conflicts else 0


if __name__ == "__main__":
    sys.exit(main())
