//! Caseloads (`docs/caseload-format.md`): the golden caseload against the
//! results worked out from the golden cases' own hand-worked expectations
//! (`tests/caseload/make-golden.py`, which shares no code with the engine);
//! the command line's output, exit codes and limits; and properties over
//! any CSV row and any bytes.

use chrono::NaiveDate;
use proptest::prelude::*;
use sfo_check::caseload::{self, Format, Source, Summary};
use sfo_check::{check_json, Checker, Options};
use std::path::Path;
use std::process::Command;

mod run;

use run::{project_text, sfo, stderr, stdout};

fn path(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn clock() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

/// The caseload checked as the page and the command line do: every row, in order.
fn results(bytes: &[u8], format: Format) -> (Vec<caseload::RowResult>, usize) {
    let cases = caseload::read(bytes, format).expect("the caseload reads");
    let checker = Checker::new();
    let results = cases
        .inputs
        .iter()
        .map(|input| caseload::check_row(&checker, input, &Options::default(), clock()))
        .collect();
    (results, cases.blank_rows)
}

#[test]
fn golden_csv_gives_the_hand_worked_results() {
    let bytes = project_text("tests/caseload/golden.csv");
    let (results, blank) = results(bytes.as_bytes(), Format::Csv);
    assert_eq!(
        caseload::to_csv(&results),
        project_text("tests/caseload/golden.expected.csv")
    );
    assert_eq!(blank, 1, "the golden caseload has one blank row");
}

#[test]
fn golden_json_lines_give_the_hand_worked_results() {
    let bytes = project_text("tests/caseload/golden.jsonl");
    let (results, _) = results(bytes.as_bytes(), Format::JsonLines);
    assert_eq!(
        caseload::to_csv(&results),
        project_text("tests/caseload/golden.jsonl.expected.csv")
    );
    // An extension asked for after its deadline is in the results.
    let late = results
        .iter()
        .find(|r| r.reference.as_deref() == Some("d-extension-after-deadline"))
        .expect("the golden case is a line");
    assert_eq!(late.checked().unwrap().extension_asked_late, Some(true));
}

#[test]
fn every_csv_row_matches_check_on_the_golden_case_itself() {
    let bytes = project_text("tests/caseload/golden.csv");
    let (results, _) = results(bytes.as_bytes(), Format::Csv);
    let checker = Checker::new();
    let mut compared = 0;
    for result in &results {
        let Some(reference) = &result.reference else {
            continue;
        };
        let file = path(&format!("tests/golden/{reference}.json"));
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let report = checker
            .check(&doc["case"].to_string(), &Options::default(), clock())
            .unwrap_or_else(|e| panic!("{reference}: {e:?}"));
        assert_eq!(
            result.checked(),
            Some(&caseload::Checked::from_report(&report)),
            "{reference}"
        );
        compared += 1;
    }
    assert!(compared >= 80, "only {compared} golden cases compared");
}

#[test]
fn golden_summary_counts_what_the_expected_results_hold() {
    let bytes = project_text("tests/caseload/golden.csv");
    let (results, blank) = results(bytes.as_bytes(), Format::Csv);
    let summary = Summary::of(&results, blank);
    // Counted from the expected file, not from the results.
    let expected = project_text("tests/caseload/golden.expected.csv");
    let mut reader = csv::Reader::from_reader(expected.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let count = |name: &str, value: &str| rows.iter().filter(|r| &r[column(name)] == value).count();
    let states =
        ["D-WINDOW-CLOSE", "D-NOTIFY", "D-REVIEW", "D-QA"].map(|s| column(&format!("{s}_state")));
    let overdue: usize = rows
        .iter()
        .map(|r| states.iter().filter(|i| &r[**i] == "overdue").count())
        .sum();
    assert_eq!(summary.cases, rows.len());
    assert_eq!(summary.qualifies, count("status", "qualifies"));
    assert_eq!(summary.not_yet, count("status", "not-yet"));
    assert_eq!(
        summary.does_not_qualify,
        count("status", "does-not-qualify")
    );
    assert_eq!(summary.check, count("status", "check"));
    assert_eq!(summary.rows_with_errors, count("status", "error"));
    assert_eq!(summary.overdue_steps, overdue);
    assert_eq!(summary.blank_rows, 1);
}

#[test]
fn batch_writes_every_row_and_exits_1_when_some_have_errors() {
    let out = sfo(&["batch", "tests/caseload/golden.csv"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        project_text("tests/caseload/golden.expected.csv")
    );
    let err = stderr(&out);
    assert!(
        err.contains("row 96: the row has 3 cells but the header has 23 columns"),
        "{err}"
    );
    assert!(err.contains("7 rows with errors, not checked"), "{err}");
    assert!(err.contains("1 blank row passed over"), "{err}");
}

#[test]
fn batch_exits_0_when_every_row_is_checked() {
    let out = sfo(&["batch", "tests/caseload/golden.jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        project_text("tests/caseload/golden.jsonl.expected.csv")
    );
    assert!(
        stderr(&out).starts_with("170 cases checked: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn batch_keeps_input_order_on_any_number_of_threads() {
    let one = sfo(&["batch", "tests/caseload/golden.jsonl", "--threads", "1"]);
    let four = sfo(&["batch", "tests/caseload/golden.jsonl", "--threads", "4"]);
    assert_eq!(stdout(&one), stdout(&four));
    let zero = sfo(&["batch", "tests/caseload/golden.jsonl", "--threads", "0"]);
    assert_eq!(zero.status.code(), Some(2));
}

#[test]
fn batch_writes_json_lines() {
    let out = sfo(&["batch", "examples/caseload.csv", "--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    // CL-001: reviewed 60 working days after the notification on Wed 20 Mar
    // 2024, so due Tue 18 Jun 2024 (Good Friday, Easter Monday and the two
    // May bank holidays skipped); on Mon 1 Jul 2024 it is 9 working days overdue.
    assert_eq!(lines[0]["reference"], "CL-001");
    assert_eq!(
        lines[0]["next"],
        serde_json::json!({"step": "D-REVIEW", "due": "2024-06-18", "state": "overdue", "working_days_left": -9})
    );
    assert_eq!(lines[4]["outcome"], "errors");
    assert_eq!(lines[4]["row"], 6);
    assert_eq!(lines[4]["errors"][0]["column"], "charged");
}

#[test]
fn batch_reads_standard_input_and_today() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sfo-check"))
        .args(["batch", "-", "--today", "2024-03-21"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"reference,offence,charged,first_court_appearance\nA,murder,2024-03-12,2024-03-14\n",
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    // The first court appearance on Thu 14 Mar 2024, plus 5 working days, is
    // Thu 21 Mar 2024: due today. The case has no supervision to judge by.
    let text = stdout(&out);
    let row = text.lines().nth(1).unwrap();
    assert!(
        row.starts_with("2,A,check,D-NOTIFY,2024-03-21,due-today,0,"),
        "{row}"
    );
}

#[test]
fn a_file_that_cannot_be_read_exits_2_saying_why() {
    let dir = std::env::temp_dir().join(format!("sfo-caseload-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        (
            "typo.csv",
            "reference,today,ofence\nA,2024-01-01,murder\n",
            "\u{201c}ofence\u{201d}",
        ),
        (
            "twice.csv",
            "reference,charged,charged\n",
            "the header names \u{201c}charged\u{201d} more than once",
        ),
        (
            "no-reference.csv",
            "today,offence\n2024-01-01,murder\n",
            "no \u{201c}reference\u{201d} column",
        ),
        ("empty.csv", "", "the file is empty"),
        ("header-only.csv", "reference\n", "the file holds no cases"),
    ];
    for (name, text, says) in cases {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        let out = sfo(&["batch", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(stderr(&out).contains(says), "{name}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{name}");
    }
    let out = sfo(&["batch", dir.join("missing.csv").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn limits_give_a_clear_message() {
    let mut big = b"reference\n".to_vec();
    big.resize(caseload::MAX_BYTES + 1, b'x');
    let error = caseload::read(&big, Format::Csv).unwrap_err();
    assert_eq!(
        error.message,
        "the file is 64.0 MB: the most a caseload file holds is 64 MB"
    );
    // Known from the size alone, as the page refuses a file before reading it:
    // 2 GB and 4 GB (past what a 32-bit size holds) alike.
    assert_eq!(caseload::too_large(caseload::MAX_BYTES as u64), None);
    let gigabytes = |n: u64| caseload::too_large(n << 30).unwrap().message;
    assert_eq!(
        gigabytes(2),
        "the file is 2,048.0 MB: the most a caseload file holds is 64 MB"
    );
    assert!(gigabytes(4).starts_with("the file is 4,096.0 MB"));

    let mut many = String::from("reference\n");
    for i in 0..=caseload::MAX_ROWS {
        many.push_str(&format!("{i}\n"));
    }
    let error = caseload::read(many.as_bytes(), Format::Csv).unwrap_err();
    assert!(
        error.message.contains("more than 200,000 cases"),
        "{}",
        error.message
    );

    let long = format!("reference,offence\nA,{}\nB,murder\n", "x".repeat(1_001));
    let (results, _) = results(long.as_bytes(), Format::Csv);
    assert_eq!(
        results[0].errors()[0].to_string(),
        "offence: is 1,001 characters long: the most a cell holds is 1,000"
    );
    assert_eq!(results[0].reference.as_deref(), Some("A"));
    assert!(
        results[1].checked().is_some(),
        "the next row is still checked"
    );
}

#[test]
fn bom_crlf_quotes_and_column_order_change_nothing() {
    let plain = "reference,offence,charged,first_court_appearance,today\nA,murder,2024-03-12,2024-03-14,2024-07-01\n";
    let dressed = "\u{feff}today,first_court_appearance,\"reference\",charged,offence\r\n2024-07-01,2024-03-14,\"A\",2024-03-12,\" murder \"\r\n";
    let (a, _) = results(plain.as_bytes(), Format::Csv);
    let (b, _) = results(dressed.as_bytes(), Format::Csv);
    assert_eq!(a, b);
    let quoted = "reference,offence\n\"Smith, J \"\"Jo\"\"\nline two\",murder\n";
    let (results, _) = results(quoted.as_bytes(), Format::Csv);
    assert_eq!(
        results[0].reference.as_deref(),
        Some("Smith, J \"Jo\"\nline two")
    );
    // Written back quoted, its line break made visible as in every text
    // sfo-check writes, so a row of results is one line.
    let out = caseload::to_csv(&results);
    assert_eq!(out.lines().count(), 2);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[1], r#"Smith, J "Jo"\u{a}line two"#);
}

#[test]
fn a_reference_that_looks_like_a_formula_is_written_as_text() {
    let text = "reference,offence\n\"=HYPERLINK(\"\"http://x\"\")\",murder\n-1,murder\n";
    let (results, _) = results(text.as_bytes(), Format::Csv);
    let out = caseload::to_csv(&results);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][1], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&rows[1][1], "'-1");
}

#[test]
fn rows_keep_their_spreadsheet_numbers_after_empty_lines() {
    // Row 3 is an empty line and row 4 a row of empty cells: B is row 5.
    let text = "reference,offence\nA,murder\n\n,\nB,murdr\n";
    let (results, blank) = results(text.as_bytes(), Format::Csv);
    assert_eq!(results.iter().map(|r| r.row).collect::<Vec<_>>(), [2, 5]);
    assert_eq!(blank, 2);
    assert_eq!(results[1].errors()[0].column, "offence");
}

#[test]
fn a_quote_left_open_is_an_error_on_its_row_not_lost_rows() {
    let text = "reference,offence\nA,murder\n\"B,murder\nC,murder\nD,murder\n";
    let (results, _) = results(text.as_bytes(), Format::Csv);
    assert_eq!(results.len(), 2);
    assert!(results[0].checked().is_some());
    assert_eq!(results[1].row, 3);
    assert!(
        results[1].errors()[0]
            .message
            .starts_with("a quoted cell in this row is not closed"),
        "{:?}",
        results[1].errors()
    );
    // A closed quote round a line break is a cell like any other.
    let fine = "reference,offence\n\"A\nB\",murder\nC,murder\n";
    let (closed, _) = self::results(fine.as_bytes(), Format::Csv);
    assert!(closed.iter().all(|r| r.checked().is_some()));
    assert_eq!(closed.iter().map(|r| r.row).collect::<Vec<_>>(), [2, 3]);
}

#[test]
fn a_second_period_alone_opens_in_the_form_where_it_was_checked() {
    let text = "reference,supervision2_type,supervision2_start\nA,licence,2024-01-02\n";
    let cases = caseload::read(text.as_bytes(), Format::Csv).unwrap();
    let case: serde_json::Value =
        serde_json::from_str(&caseload::case_json(&cases.inputs[0]).unwrap()).unwrap();
    assert_eq!(
        case["supervision"],
        serde_json::json!([{}, {"type": "licence", "start": "2024-01-02"}])
    );
    // The check names the first period's missing facts by their columns.
    let (results, _) = results(text.as_bytes(), Format::Csv);
    let columns: Vec<&str> = results[0]
        .errors()
        .iter()
        .map(|e| e.column.as_str())
        .collect();
    assert_eq!(columns, ["supervision_type", "supervision_start"]);
}

#[test]
fn the_table_sorts_each_way_with_ties_in_file_order() {
    // Rows 2 to 6: next steps due Thu 21 Mar, none, Thu 21 Mar, Tue 19 Mar
    // (5 working days after each court date), and none (not charged).
    let text = "reference,today,offence,charged,first_court_appearance\n\
        B,2024-03-15,murder,2024-03-13,2024-03-14\n\
        A,2024-03-15,,,\n\
        C,2024-03-15,murder,2024-03-13,2024-03-14\n\
        D,2024-03-15,murder,2024-03-11,2024-03-12\n\
        E,2024-03-15,,,\n";
    let (results, _) = results(text.as_bytes(), Format::Csv);
    let order = |sort: caseload::SortKey, descending: bool| -> Vec<usize> {
        let q = caseload::Query {
            sort,
            descending,
            limit: 50,
            ..Default::default()
        };
        caseload::query(&results, &q)
            .rows
            .iter()
            .map(|r| r.row)
            .collect()
    };
    use caseload::SortKey::*;
    assert_eq!(order(Row, false), [2, 3, 4, 5, 6]);
    assert_eq!(order(Row, true), [6, 5, 4, 3, 2]);
    assert_eq!(order(Reference, false), [3, 2, 4, 5, 6]);
    assert_eq!(order(Reference, true), [6, 5, 4, 2, 3]);
    // Ties (B and C, due the same day) stay in file order either way; a case
    // with nothing due comes last either way.
    assert_eq!(order(NextDue, false), [5, 2, 4, 3, 6]);
    assert_eq!(order(NextDue, true), [2, 4, 5, 3, 6]);
}

#[test]
fn the_format_is_told_by_name_then_by_content() {
    assert_eq!(Format::detect("cases.CSV", b"{"), Format::Csv);
    assert_eq!(
        Format::detect("cases.jsonl", b"reference"),
        Format::JsonLines
    );
    assert_eq!(
        Format::detect("-", b"\xEF\xBB\xBF  {\"reference\":1}"),
        Format::JsonLines
    );
    assert_eq!(Format::detect("-", b"reference\n"), Format::Csv);
}

#[test]
fn a_bad_json_line_is_reported_by_line_and_field() {
    let text = "{\"reference\":\"A\",\"offence\":{\"id\":\"murder\"}}\n\n{\"reference\":\"B\",\"offence\":{\"charged\":\"2024-02-30\"}}\nnot json\n";
    let (results, blank) = results(text.as_bytes(), Format::JsonLines);
    assert_eq!(blank, 1);
    assert_eq!(results.iter().map(|r| r.row).collect::<Vec<_>>(), [1, 3, 4]);
    assert!(results[0].checked().is_some());
    assert_eq!(results[1].reference.as_deref(), Some("B"));
    assert_eq!(
        results[1].errors()[0].to_string(),
        "offence.charged: 30 February 2024 is not a real date (February 2024 has 29 days)"
    );
    // A line's problem names its case field, not a column.
    assert_eq!(results[1].errors()[0].field, "offence.charged");
    assert_eq!(results[1].errors()[0].column, "");
    assert_eq!(results[2].errors().len(), 1);
}

// Properties.

const COLUMNS_USED: [&str; 12] = [
    "today",
    "supervision_type",
    "supervision_start",
    "supervision_scheduled_end",
    "supervision_terminated",
    "offence",
    "inchoate",
    "alleged_from",
    "charged",
    "first_court_appearance",
    "rosh_overall",
    "mappa_level",
];

/// A row of coherent facts (supervision, then the offence, the charge and
/// court, then today), some left out, and now and then one wrong value.
#[test]
fn a_reference_given_twice_is_a_problem_on_the_later_row() {
    let csv = "reference,offence\nA,murder\nB,murder\n A ,rape\nA,murdr\n";
    let (rows, _) = results(csv.as_bytes(), Format::Csv);
    assert!(rows[0].errors().is_empty() && rows[1].errors().is_empty());
    // Row 4 (" A ", the reference read trimmed) and row 5: each named against row 2.
    for (at, row) in [(2, 4), (3, 5)] {
        let errors = rows[at].errors();
        assert_eq!(rows[at].row, row);
        assert_eq!(errors[0].column, "reference");
        assert_eq!(errors[0].code, sfo_check::input::ErrorCode::Duplicate);
        assert!(
            errors[0].message.starts_with("\u{201c}A\u{201d} is also the reference of row 2: each case needs a reference of its own"),
            "{}",
            errors[0].message
        );
    }
    // Its other problems are still found.
    assert!(rows[3].errors().iter().any(|e| e.column == "offence"));
    let jsonl = "{\"reference\":\"X\"}\n{\"reference\":\"Y\"}\n{\"reference\":\"X\"}\n";
    let (lines, _) = results(jsonl.as_bytes(), Format::JsonLines);
    let repeated = &lines[2].errors()[0];
    assert_eq!(
        (repeated.field.as_str(), repeated.column.as_str()),
        ("reference", "")
    );
    assert!(repeated
        .message
        .starts_with("\u{201c}X\u{201d} is also the reference of line 1"));
}

/// A caseload of `rows` cases with references CASE-000000 on, most with
/// steps still to come on Mon 2 Jun 2025: licences and community orders,
/// offences in them, notifications submitted for some. Deterministic.
fn generated_caseload(rows: usize) -> String {
    let mut seed: u64 = 0x1c5;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let base = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap();
    let mut text = String::from("reference,today,supervision_type,supervision_start,supervision_scheduled_end,offence,alleged_from,charged,first_court_appearance,notification_submitted\n");
    for i in 0..rows {
        let start = base + chrono::Days::new(next(300));
        let end = start + chrono::Days::new(400 + next(300));
        let alleged = start + chrono::Days::new(60 + next(300));
        let court = alleged + chrono::Days::new(2 + next(5));
        let notified = (next(2) == 0).then(|| (court + chrono::Days::new(3)).to_string());
        text.push_str(&format!(
            "CASE-{i:06},2025-06-02,{},{start},{end},{},{alleged},{court},{court},{}\n",
            ["licence", "community-order"][next(2) as usize],
            ["murder", "rape", "manslaughter"][next(3) as usize],
            notified.unwrap_or_default()
        ));
    }
    text
}

/// The calendar of a generated 100,000-row caseload, as `batch --format ics`
/// writes it: every event's UID is its own, and is the step and a SHA-256 of
/// its case's reference, worked out here independently.
#[test]
fn a_calendar_of_100000_cases_gives_every_event_its_own_uid() {
    use sha2::{Digest, Sha256};
    let dir = std::env::temp_dir().join(format!("sfo-uids-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("generated.csv");
    std::fs::write(&file, generated_caseload(100_000)).unwrap();
    let out = sfo(&["batch", file.to_str().unwrap(), "--format", "ics"]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out).replace("\r\n ", "");
    let sha = |reference: &str| {
        let digest = Sha256::digest(format!("reference:{reference}").as_bytes());
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let mut uids = std::collections::HashSet::new();
    let (mut uid, mut title) = ("", "");
    for line in text.split("\r\n") {
        if let Some(found) = line.strip_prefix("UID:") {
            uid = found;
        } else if let Some(found) = line.strip_prefix("SUMMARY:") {
            title = found;
        } else if line == "END:VEVENT" {
            assert!(uids.insert(uid.to_string()), "{uid} twice");
            // "SFO review due — CASE-000123": the UID names the step and
            // the reference's SHA-256.
            let reference = title.rsplit(" \u{2014} ").next().unwrap();
            let body = uid.strip_suffix("@sfo-check.invalid").unwrap();
            let (step, hash) = body.split_at(body.len() - 65);
            assert!(
                ["D-WINDOW-CLOSE", "D-NOTIFY", "D-REVIEW", "D-QA"].contains(&step),
                "{uid}"
            );
            assert_eq!(hash, format!("-{}", sha(reference)), "{uid} for {title}");
        }
    }
    assert!(uids.len() > 50_000, "only {} events", uids.len());
}

fn row() -> impl Strategy<Value = Vec<Option<String>>> {
    let base = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    let day = move |d: u64| (base + chrono::Days::new(d)).to_string();
    (
        (0u64..900, 30u64..900, prop::option::of(0u64..900)),
        (0u64..1000, 0u64..30, 0u64..10, 0u64..200),
        (
            prop::sample::select(vec![
                "licence",
                "community-order",
                "bail-or-remand",
                "post-sentence-supervision",
            ]),
            prop::sample::select(vec![
                "murder",
                "rape",
                "not-listed",
                "kidnapping",
                "wounding-gbh-with-intent",
            ]),
            prop::option::weighted(0.2, prop::sample::select(vec!["attempt", "conspiracy"])),
            prop::sample::select(vec!["low", "medium", "high", "very-high"]),
            prop::sample::select(vec!["1", "2", "3"]),
        ),
        prop::collection::vec(prop::bool::weighted(0.85), COLUMNS_USED.len()),
        prop::option::weighted(
            0.2,
            (
                0..COLUMNS_USED.len(),
                prop::sample::select(vec![
                    "2023-02-29",
                    "murdr",
                    "extreme",
                    "two",
                    "licenc",
                    "attempted",
                    "31/01/2024",
                ]),
            ),
        ),
    )
        .prop_map(
            move |(
                (start, len, cut),
                (offence, charge, court, after),
                (kind, id, inchoate, level, mappa),
                keep,
                wrong,
            )| {
                let end = start + len;
                let alleged = start + offence;
                let charged = alleged + charge;
                let first_court = charged + court;
                let mut cells: Vec<Option<String>> = vec![
                    Some(day(first_court + after)),
                    Some(kind.to_string()),
                    Some(day(start)),
                    Some(day(end)),
                    cut.filter(|c| *c < len).map(|c| day(start + c)),
                    Some(id.to_string()),
                    inchoate.map(String::from),
                    Some(day(alleged)),
                    Some(day(charged)),
                    Some(day(first_court)),
                    Some(level.to_string()),
                    Some(mappa.to_string()),
                ];
                // Some facts not known.
                for (cell, keep) in cells.iter_mut().zip(&keep) {
                    if !keep {
                        *cell = None;
                    }
                }
                if let Some((column, value)) = wrong {
                    cells[column] = Some(value.to_string());
                }
                cells
            },
        )
}

/// The same facts as a case file, written by hand from the column meanings.
fn case_json(cells: &[Option<String>]) -> String {
    let get = |name: &str| {
        let i = COLUMNS_USED.iter().position(|c| *c == name).unwrap();
        cells[i].clone()
    };
    let mut case = serde_json::json!({"reference": "R", "offence": {}, "rosh": {}, "circumstances": {"mappa": {}}});
    let mut period = serde_json::Map::new();
    for (column, field) in [
        ("supervision_type", "type"),
        ("supervision_start", "start"),
        ("supervision_scheduled_end", "scheduled_end"),
        ("supervision_terminated", "terminated"),
    ] {
        if let Some(v) = get(column) {
            period.insert(field.into(), v.into());
        }
    }
    if !period.is_empty() {
        case["supervision"] = serde_json::json!([period]);
    }
    for (column, field) in [
        ("offence", "id"),
        ("inchoate", "inchoate"),
        ("alleged_from", "alleged_from"),
        ("charged", "charged"),
        ("first_court_appearance", "first_court_appearance"),
    ] {
        if let Some(v) = get(column) {
            case["offence"][field] = v.into();
        }
    }
    if let Some(v) = get("today") {
        case["today"] = v.into();
    }
    if let Some(v) = get("rosh_overall") {
        case["rosh"]["overall"] = v.into();
    }
    if let Some(v) = get("mappa_level") {
        case["circumstances"]["mappa"]["level"] = v
            .parse::<u64>()
            .map_or(serde_json::Value::String(v), Into::into);
    }
    case.to_string()
}

fn csv_text(cells: &[Option<String>], order: &[usize], bom: bool, crlf: bool) -> String {
    let end = if crlf { "\r\n" } else { "\n" };
    let mut text = String::from(if bom {
        "\u{feff}reference"
    } else {
        "reference"
    });
    for &i in order {
        text.push(',');
        text.push_str(COLUMNS_USED[i]);
    }
    text.push_str(end);
    text.push('R');
    for &i in order {
        text.push(',');
        text.push_str(cells[i].as_deref().unwrap_or_default());
    }
    text.push_str(end);
    text
}

fn fuzz_cases() -> u32 {
    std::env::var("SFO_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

/// Cells of every awkward kind: quotes, separators, line ends, a BOM, long ones.
fn awkward_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9 ,\"\r\n-]{0,12}",
        Just("\u{feff}".to_string()),
        (990usize..1_010).prop_map(|n| "y".repeat(n)),
        Just("2024-02-30".to_string()),
    ]
}

fn quote(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(fuzz_cases()))]

    #[test]
    fn a_csv_row_gives_what_check_gives_for_the_same_case(
        cells in row(),
        order in Just((0..COLUMNS_USED.len()).collect::<Vec<_>>()).prop_shuffle(),
        bom in any::<bool>(), crlf in any::<bool>(),
    ) {
        let checker = Checker::new();
        let clock = clock();
        let cases = caseload::read(csv_text(&cells, &order, bom, crlf).as_bytes(), Format::Csv).unwrap();
        prop_assert_eq!(cases.inputs.len(), 1);
        let batch = caseload::check_row(&checker, &cases.inputs[0], &Options::default(), clock);
        match check_json(&case_json(&cells), checker.policies(), &Options::default(), clock) {
            Ok(report) => prop_assert_eq!(batch.checked(), Some(&caseload::Checked::from_report(&report))),
            Err(errors) => {
                prop_assert!(batch.checked().is_none(), "check found {:?}", errors);
                // Each field check names has its column in the row's errors.
                for e in errors {
                    if let Some(column) = caseload::column_for(&e.path) {
                        prop_assert!(batch.errors().iter().any(|r| r.column == column.name),
                            "{} missing from {:?}", column.name, batch.errors());
                    }
                }
            }
        }
    }

    #[test]
    fn fuzz_any_bytes_never_panic_and_report_by_row(bytes in prop::collection::vec(any::<u8>(), 0..600), jsonl in any::<bool>()) {
        let format = if jsonl { Format::JsonLines } else { Format::Csv };
        if let Ok(cases) = caseload::read(&bytes, format) {
            let checker = Checker::new();
            let mut last = 0;
            for input in &cases.inputs {
                prop_assert!(input.row > last, "rows in order");
                last = input.row;
                let result = caseload::check_row(&checker, input, &Options::default(), clock());
                prop_assert_eq!(result.row, input.row);
                let _ = caseload::to_csv(std::slice::from_ref(&result));
            }
        }
    }

    #[test]
    fn fuzz_ragged_quoted_rows_each_give_one_result(
        rows in prop::collection::vec(prop::collection::vec(awkward_cell(), 0..5), 1..12),
        bom in any::<bool>(), crlf in any::<bool>(),
    ) {
        let end = if crlf { "\r\n" } else { "\n" };
        let mut text = String::from(if bom { "\u{feff}" } else { "" });
        text.push_str("reference,offence,charged");
        text.push_str(end);
        for cells in &rows {
            let line: Vec<String> = cells.iter().map(|c| quote(c)).collect();
            text.push_str(&line.join(","));
            text.push_str(end);
        }
        let cases = caseload::read(text.as_bytes(), Format::Csv);
        let nonblank = rows.iter().filter(|cells| !cells.iter().all(|c| c.trim().is_empty())).count();
        match cases {
            Err(e) => prop_assert!(nonblank == 0, "{}", e),
            Ok(cases) => {
                prop_assert_eq!(cases.inputs.len(), nonblank);
                let checker = Checker::new();
                for (input, cells) in cases.inputs.iter().zip(rows.iter().filter(|c| !c.iter().all(|c| c.trim().is_empty()))) {
                    let result = caseload::check_row(&checker, input, &Options::default(), clock());
                    if cells.len() != 3 {
                        prop_assert!(result.errors().iter().any(|e| e.message.contains("cells but the header has 3")));
                    }
                    if let Source::Cells(read) = &input.source {
                        prop_assert_eq!(read.get(0), Some(cells[0].trim()).filter(|c| !c.is_empty()));
                    }
                }
            }
        }
    }
}
