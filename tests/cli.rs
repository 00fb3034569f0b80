//! The command line, run as a user would: output, exit codes and errors.

mod run;

use run::{sfo, stderr, stdout};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sfo_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sfo-check"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn bank_holidays_prints_the_days_off() {
    let o = sfo(&["bank-holidays", "2022"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "2022-01-03\n2022-04-15\n2022-04-18\n2022-05-02\n2022-06-02\n2022-06-03\n2022-08-29\n2022-09-19\n2022-12-26\n2022-12-27\n"
    );
}

#[test]
fn bank_holidays_rejects_years_out_of_range() {
    let o = sfo(&["bank-holidays", "1066"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("YEAR: must be from 1900 to 2200"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn add_working_days_and_working_days_agree() {
    let o = sfo(&["add-working-days", "2024-12-24", "4"]);
    assert_eq!(stdout(&o), "2025-01-02\n");
    let o = sfo(&["working-days", "2024-12-24", "2025-01-02"]);
    assert_eq!(stdout(&o), "4\n");
    let o = sfo(&["working-days", "2025-01-02", "2024-12-24"]);
    assert_eq!(stdout(&o), "-4\n");
}

#[test]
fn calendar_commands_can_skip_a_profiles_extra_days() {
    let mut policy: serde_json::Value = serde_json::from_str(&stdout(&sfo(&["policy"]))).unwrap();
    policy["extra_non_working_days"] = serde_json::json!([
        {"date": "2024-12-24", "name": "Office closure", "status": "confirmed", "sources": [{"title": "Regional notice"}]}
    ]);
    let path = std::env::temp_dir().join(format!("sfo-extra-{}.json", std::process::id()));
    std::fs::write(&path, policy.to_string()).unwrap();
    let path = path.to_str().unwrap();
    let o = sfo(&["add-working-days", "2024-12-23", "1", "--policy", path]);
    assert_eq!(stdout(&o), "2024-12-27\n", "{}", stderr(&o));
    let o = sfo(&["working-days", "2024-12-23", "2024-12-27", "--policy", path]);
    assert_eq!(stdout(&o), "1\n");
    let o = sfo(&["working-days", "2024-12-23", "2024-12-27"]);
    assert_eq!(stdout(&o), "2\n");
    std::fs::remove_file(path).ok();
}

#[test]
fn predicted_years_say_so_on_stderr_only() {
    let o = sfo(&["bank-holidays", "2030"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o).lines().count(), 8);
    assert!(stderr(&o).contains("2030 is outside the confirmed years (1995–2027)"));
    assert_eq!(stderr(&sfo(&["bank-holidays", "2026"])), "");
}

#[test]
fn bad_dates_and_numbers_exit_2_with_the_reason() {
    let o = sfo(&["add-working-days", "2024-02-30", "3"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: DATE: 30 February 2024 is not a real date (February 2024 has 29 days)\n"
    );
    let o = sfo(&["add-working-days", "2024-02-01", "-3"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("N: must be a whole number"));
    let o = sfo(&["working-days", "2024-02-01", "tomorrow"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("TO: expected a date as YYYY-MM-DD"));
}

#[test]
fn check_prints_a_json_report() {
    let o = sfo(&["check", "examples/licence-murder-qualifies.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["qualification"]["status"], "qualifies");
    assert_eq!(report["deadlines"][1]["id"], "D-NOTIFY");
    assert_eq!(report["deadlines"][1]["current_due"], "2024-05-21");
    assert_eq!(report["stamp"]["today_source"], "case");
}

#[test]
fn check_reads_stdin_and_overrides_today() {
    let case = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/licence-murder-qualifies.json"
    ))
    .unwrap();
    let o = sfo_stdin(&["check", "-", "--today", "2024-05-24"], &case);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["stamp"]["today"], "2024-05-24");
    assert_eq!(report["stamp"]["today_source"], "option");
}

#[test]
fn check_without_today_uses_the_clock_and_says_so() {
    let case = r#"{"supervision":[{"type":"licence","start":"2020-01-06"}],
        "offence":{"id":"murder","alleged_from":"2024-05-10","charged":"2024-05-13","first_court_appearance":"2024-05-14"}}"#;
    let o = sfo_stdin(&["check", "-"], case);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["stamp"]["today_source"], "clock");
}

#[test]
fn check_text_format_is_for_people() {
    let o = sfo(&[
        "check",
        "examples/licence-murder-qualifies.json",
        "--format",
        "text",
    ]);
    let text = stdout(&o);
    assert!(text.contains("SFO: QUALIFIES"), "{text}");
    assert!(text.contains("[D-NOTIFY] Notification submitted: Tue 21 May 2024 — Done on time"));
    assert!(text.contains("[F-NOT-REASSESSED]"));
    assert!(text.contains("default — check against your region’s agreed timescales"));
}

#[test]
fn check_reports_every_error_and_exits_2() {
    let case = r#"{"supervision":[{"type":"licence","start":"2024-02-01","scheduled_end":"2023-01-01"}],
        "offence":{"id":"murder","charged":"2024-05-14","first_court_appearance":"2024-05-13"},
        "today":"2024-07-01"}"#;
    let o = sfo_stdin(&["check", "-"], case);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(o.stdout.len(), 0);
    let err = stderr(&o);
    assert!(
        err.contains("error: -: Supervision period 1: scheduled end date (supervision[0].scheduled_end): ends before it starts"),
        "{err}"
    );
    assert!(
        err.contains(
            "error: -: Date of the first court appearance (offence.first_court_appearance): the court appearance is before the charge"
        ),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn check_with_a_policy_file() {
    let mut policy: serde_json::Value = serde_json::from_str(&stdout(&sfo(&["policy"]))).unwrap();
    policy["id"] = "region-test".into();
    policy["timetable"][1]["offset"]["amount"] = 10.into();
    let path = std::env::temp_dir().join(format!("sfo-policy-{}.json", std::process::id()));
    std::fs::write(&path, policy.to_string()).unwrap();
    let o = sfo(&[
        "check",
        "examples/licence-murder-qualifies.json",
        "--policy",
        path.to_str().unwrap(),
        "--policy-id",
        "region-test",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["stamp"]["policy"]["id"], "region-test");
    assert_eq!(report["deadlines"][1]["original_due"], "2024-05-29");

    policy["timetable"][1]["offset"]["unit"] = "fortnights".into();
    policy["offences"][0]["group"] = "Z".into();
    std::fs::write(&path, policy.to_string()).unwrap();
    let o = sfo(&[
        "check",
        "examples/licence-murder-qualifies.json",
        "--policy",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("(timetable[1].offset.unit): unknown variant `fortnights`"),
        "{err}"
    );
    assert!(
        err.contains("(offences[0].group): unknown variant `Z`"),
        "{err}"
    );
    std::fs::remove_file(&path).ok();
}

#[test]
fn missing_file_is_a_clear_error() {
    let o = sfo(&["check", "no-such-case.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read no-such-case.json"));
}

#[test]
fn policy_prints_the_default_profile() {
    let o = sfo(&["policy"]);
    assert_eq!(o.status.code(), Some(0));
    let policy = sfo_check::policy::PolicyProfile::from_json(&stdout(&o)).unwrap();
    assert_eq!(policy, sfo_check::policy::PolicyProfile::default_profile());
}

#[test]
fn usage_errors_exit_2() {
    let o = sfo(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_device_or_an_endless_pipe_is_refused_at_the_limit_not_read_to_its_end() {
    let zero = sfo(&["check", "/dev/zero"]);
    assert_eq!(zero.status.code(), Some(2));
    assert!(
        stderr(&zero).contains("the case file is larger than 1 MB"),
        "{}",
        stderr(&zero)
    );
    let policy = sfo(&[
        "check",
        "examples/licence-murder-qualifies.json",
        "--policy",
        "/dev/zero",
    ]);
    assert_eq!(policy.status.code(), Some(2));
    assert!(stderr(&policy).contains("the policy file is larger than 1 MB"));
    // Standard input that never ends (as `yes |`): stopped after 1 MB.
    let mut child = Command::new(env!("CARGO_BIN_EXE_sfo-check"))
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("runs");
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = "y\n".repeat(4096);
        // Ends when the checker stops reading and closes the pipe.
        while input.write_all(chunk.as_bytes()).is_ok() {}
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("the case file is larger than 1 MB"));
}

#[test]
fn a_file_with_a_byte_order_mark_is_read() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/licence-murder-qualifies.json"),
    )
    .unwrap();
    let out = sfo_stdin(
        &["check", "-", "--format", "text"],
        &format!("\u{feff}{text}"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("SFO: QUALIFIES"));
}

#[test]
fn a_value_can_never_start_a_line_or_change_the_terminal() {
    // The reproducer: a reference that would print a fake first result line
    // and hide the real one (ESC[8m), then set the terminal's title.
    let mut case: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples/group-b-does-not-qualify.json"),
        )
        .unwrap(),
    )
    .unwrap();
    case["reference"] = "X\nSFO: QUALIFIES\n\u{1b}[8m\u{1b}]0;owned\u{7}\u{202e}".into();
    let out = sfo_stdin(&["check", "-", "--format", "text"], &case.to_string());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        r"Case: X\u{a}SFO: QUALIFIES\u{a}\u{1b}[8m\u{1b}]0;owned\u{7}\u{202e}"
    );
    assert_eq!(lines[1], "SFO: DOES NOT QUALIFY");
    // An error that quotes a value stays on one line too.
    case["offence"]["id"] = "murder\nSFO: QUALIFIES".into();
    let out = sfo_stdin(&["check", "-"], &case.to_string());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
}

#[test]
fn years_before_1995_are_not_called_predicted() {
    let out = sfo(&["bank-holidays", "1977"]);
    assert_eq!(out.status.code(), Some(0));
    let note = stderr(&out);
    assert!(note.contains("1977 is before 1995"), "{note}");
    assert!(
        note.contains("not confirmed") && !note.contains("predicted"),
        "{note}"
    );
    // Later years are still a prediction.
    assert!(stderr(&sfo(&["bank-holidays", "2090"])).contains("so predicted"));
}
