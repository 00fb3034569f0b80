#!/usr/bin/env python3
"""Builds the golden caseload from the golden cases, without the engine.

Every golden case in tests/golden/ that a caseload CSV row can hold (no extra
policy profiles or options; at most two supervision periods; only the facts
the CSV has columns for) becomes a row, its reference the case's file name.
Its expected result comes from the case's own hand-worked `expect`: status,
each step's due date and state, and its flags. The next step follows the
caseload format's rule: the earliest overdue step, else one due today, else
the one due soonest. Rows with problems, and their expected errors, are
written out by hand below.

    python3 tests/caseload/make-golden.py     # writes golden.csv, golden.jsonl
                                              # and their .expected.csv files
"""

import csv
import io
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLDEN = HERE.parent / "golden"

COLUMNS = [
    "reference", "today",
    "supervision_type", "supervision_start", "supervision_scheduled_end", "supervision_terminated",
    "supervision2_type", "supervision2_start", "supervision2_scheduled_end", "supervision2_terminated",
    "offence", "inchoate", "alleged_from", "alleged_to", "charged", "first_court_appearance",
    "charges_dropped", "notification_submitted", "review_submitted", "qa_completed",
    "rosh_date", "rosh_overall", "mappa_level",
]
STEPS = ["D-WINDOW-CLOSE", "D-NOTIFY", "D-REVIEW", "D-QA"]
RESULT = (
    ["row", "reference", "status", "next_step", "next_due", "next_state", "next_working_days_left"]
    + [f"{s}_{x}" for s in STEPS for x in ("due", "state")]
    + ["extension_asked_late", "flags", "flag_count", "errors"]
)
PERIOD = ("type", "start", "scheduled_end", "terminated")

# Rows with problems: cells, and the errors a person should read, worked out
# by hand from the caseload format (docs/caseload-format.md).
BAD_ROWS = [
    (
        {"reference": "bad-impossible-date", "today": "2024-07-01", "offence": "murder",
         "charged": "2024-02-31", "first_court_appearance": "2024-03-04"},
        "charged: 31 February 2024 is not a real date (February 2024 has 29 days)",
    ),
    (
        {"reference": "bad-unknown-level", "today": "2024-07-01", "rosh_date": "2024-01-10",
         "rosh_overall": "extreme"},
        "rosh_overall: \u201cextreme\u201d is not one of the values this column takes: "
        "low, medium, high, very-high",
    ),
    (
        {"reference": "bad-mappa-level", "today": "2024-07-01", "mappa_level": "two"},
        "mappa_level: expected a MAPPA level as a number (1, 2 or 3), got \u201ctwo\u201d",
    ),
    (
        {"today": "2024-07-01", "offence": "murder"},
        "reference: required, but empty: each case needs a reference",
    ),
    (
        {"reference": "bad-inchoate", "today": "2024-07-01", "offence": "murder",
         "inchoate": "attempted"},
        "inchoate: \u201cattempted\u201d is not one of the values this column takes: attempt, "
        "conspiracy, incitement, soliciting, encouraging-or-assisting",
    ),
    (
        {"reference": "bad-two-problems", "today": "2024-07-01", "offence": "murdr",
         "alleged_from": "2024-13-01"},
        "alleged_from: is not a real date, as there is no month 13; offence: \"murdr\" is not "
        "in the offence catalogue of policy profile ew-default-2024; use \"not-listed\" for an "
        "offence not on the list",
    ),
]
# A row with too few cells, written raw: the csv module would pad it.
RAGGED = "bad-ragged,2024-07-01,licence"
RAGGED_ERROR = f"the row has 3 cells but the header has {len(COLUMNS)} columns"


def csv_case(case):
    """The case as CSV cells, or None when the CSV cannot hold it."""
    allowed = {"schema", "reference", "today", "supervision", "offence", "review", "rosh",
               "circumstances"}
    if set(case) - allowed or len(case.get("supervision", [])) > 2:
        return None
    review, rosh = case.get("review", {}), case.get("rosh", {})
    circumstances = case.get("circumstances", {})
    if set(review) - {"notification_submitted", "review_submitted", "qa_completed"}:
        return None
    if set(rosh) - {"date", "overall"}:
        return None
    if set(circumstances) - {"mappa"} or set(circumstances.get("mappa", {})) - {"level"}:
        return None
    cells = {"today": case.get("today", "")}
    for n, period in enumerate(case.get("supervision", [])):
        if set(period) - set(PERIOD):
            return None
        prefix = "supervision" if n == 0 else "supervision2"
        for field in PERIOD:
            cells[f"{prefix}_{field}"] = period.get(field, "")
    offence = case.get("offence", {})
    cells["offence"] = offence.get("id", "")
    for field in ("inchoate", "alleged_from", "alleged_to", "charged",
                  "first_court_appearance", "charges_dropped"):
        cells[field] = offence.get(field, "")
    cells.update(review)
    cells["rosh_date"] = rosh.get("date", "")
    cells["rosh_overall"] = rosh.get("overall", "")
    level = circumstances.get("mappa", {}).get("level")
    cells["mappa_level"] = "" if level is None else str(level)
    return cells


PRESSING = ["overdue", "due-today", "due-in"]


def left(state):
    kind, days = state["kind"], state.get("working_days")
    if kind in ("due-in", "open"):
        return str(days)
    if kind == "due-today":
        return "0"
    if kind == "overdue":
        return str(-days)
    return ""


def expected_row(row, reference, expect):
    deadlines = {d["id"]: d for d in expect["deadlines"]}
    pending = [d for d in expect["deadlines"]
               if d["state"]["kind"] in PRESSING and d.get("current_due")]
    pending.sort(key=lambda d: (PRESSING.index(d["state"]["kind"]), d["current_due"]))
    out = {"row": str(row), "reference": reference, "status": expect["qualification"]["status"]}
    if pending:
        n = pending[0]
        out.update(next_step=n["id"], next_due=n["current_due"], next_state=n["state"]["kind"],
                   next_working_days_left=left(n["state"]))
    for step in STEPS:
        d = deadlines[step]
        out[f"{step}_due"] = d.get("current_due") or ""
        out[f"{step}_state"] = d["state"]["kind"]
    asked = [d["extension_requested_before_deadline"] for d in expect["deadlines"]
             if d.get("extension_requested_before_deadline") is not None]
    out["extension_asked_late"] = ("yes" if False in asked else "no") if asked else ""
    flags = [f["id"] for f in expect["flags"]]
    out["flags"] = " ".join(flags)
    out["flag_count"] = str(len(flags))
    return out


def error_row(row, reference, errors):
    out = {"row": str(row), "reference": reference, "status": "error", "errors": errors}
    return out


def write(path, header, rows, raw_tail=()):
    text = io.StringIO()
    writer = csv.DictWriter(text, header, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    for line in raw_tail:
        text.write(line + "\n")
    path.write_text(text.getvalue(), encoding="utf-8")


def main():
    goldens = []
    for path in sorted(GOLDEN.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        expect = doc.get("expect")
        if "options" in doc or "case" not in doc or not expect:
            continue
        if len(expect.get("deadlines", [])) != len(STEPS):
            continue
        goldens.append((path.stem, doc["case"], expect))

    csv_rows, csv_expected = [], []
    json_lines, json_expected = [], []
    for name, case, expect in goldens:
        cells = csv_case(case)
        line = dict(case, reference=name)
        json_lines.append(json.dumps(line, ensure_ascii=False))
        json_expected.append(expected_row(len(json_lines), name, expect))
        if cells is not None:
            csv_rows.append(dict(cells, reference=name))
            csv_expected.append(expected_row(len(csv_rows) + 1, name, expect))
    # The bad rows go in the middle: every good row after them is still checked.
    middle = len(csv_rows) // 2
    for offset, (cells, errors) in enumerate(BAD_ROWS):
        csv_rows.insert(middle + offset, cells)
    csv_expected = [dict(r, row=str(i + 2)) for i, r in enumerate(csv_expected)]
    for offset, (cells, errors) in enumerate(BAD_ROWS):
        csv_expected.insert(middle + offset,
                            error_row(middle + offset + 2, cells.get("reference", ""), errors))
    csv_expected = [dict(r, row=str(i + 2)) for i, r in enumerate(csv_expected)]
    # A blank row is passed over (not numbered as a case, but it is a row of
    # the file), then the ragged one ends the file.
    blank_row = len(csv_rows) + 2
    csv_expected.append(error_row(blank_row + 1, "bad-ragged", RAGGED_ERROR))
    write(HERE / "golden.csv", COLUMNS, csv_rows, raw_tail=["," * (len(COLUMNS) - 1), RAGGED])
    write(HERE / "golden.expected.csv", RESULT, csv_expected)
    (HERE / "golden.jsonl").write_text("\n".join(json_lines) + "\n", encoding="utf-8")
    write(HERE / "golden.jsonl.expected.csv", RESULT, json_expected)
    print(f"{len(csv_rows)} CSV rows ({len(BAD_ROWS) + 1} with problems), "
          f"{len(json_lines)} JSON lines")


if __name__ == "__main__":
    main()
