//! The command line, run as a user would: output, exit codes and errors.

mod run;

use run::{project_text, sfo, stderr, stdout};
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
    let text = project_text("examples/licence-murder-qualifies.json");
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
    let mut case: serde_json::Value =
        serde_json::from_str(&project_text("examples/group-b-does-not-qualify.json")).unwrap();
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

/// A scratch folder of this test's own, removed when it is dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("sfo-cli-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// Runs `sfo-check ARGS` through a shell, with `redirect` applied to it.
fn sfo_redirected(args: &[&str], redirect: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("exec \"$0\" \"$@\" {redirect}"))
        .arg(env!("CARGO_BIN_EXE_sfo-check"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs")
}

const EVERY_COMMAND: &[&[&str]] = &[
    &["check", "examples/licence-murder-qualifies.json"],
    &[
        "check",
        "examples/licence-murder-qualifies.json",
        "--format",
        "text",
    ],
    &[
        "check",
        "examples/licence-murder-qualifies.json",
        "--format",
        "ics",
    ],
    &["policy"],
    &["bank-holidays", "2024"],
    &["add-working-days", "2024-12-24", "4"],
    &["working-days", "2024-12-24", "2025-01-02"],
    &["scenarios", "check", "scenarios"],
    &["batch", "examples/caseload.csv"],
    &["batch", "examples/caseload.csv", "--format", "jsonl"],
    &["batch", "examples/caseload.csv", "--format", "ics"],
];

#[test]
fn output_that_cannot_be_written_is_one_line_and_exit_2_never_a_panic() {
    for args in EVERY_COMMAND {
        // A full disk, and standard output closed (which Rust's runtime
        // would otherwise fill with /dev/null, so nothing was said).
        for redirect in ["> /dev/full", ">&-"] {
            let out = sfo_redirected(args, redirect);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?} {redirect}: {err}");
            assert!(!err.contains("panicked"), "{args:?} {redirect}: {err}");
            let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
            assert_eq!(errors.len(), 1, "{args:?} {redirect}: {err}");
            assert!(
                errors[0].starts_with("error: cannot write the output: "),
                "{args:?}: {err}"
            );
        }
        // Sent to /dev/null on purpose, it is written (and vanishes) as asked.
        let out = sfo_redirected(args, "> /dev/null");
        assert_ne!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    // `| head -1`: the reader goes, and the command ends as a signal ends
    // grep (128 + SIGPIPE), saying nothing and checking no more.
    let dir = Scratch::new("pipe");
    let mut rows = String::from("reference,offence,alleged_from,charged,first_court_appearance,today,supervision_type,supervision_start,supervision_scheduled_end\n");
    for i in 0..20_000 {
        rows.push_str(&format!("R{i},murder,2024-05-10,2024-05-13,2024-05-14,2024-07-01,licence,2023-11-06,2024-11-05\n"));
    }
    let file = dir.write("many.csv", &rows);
    for format in ["csv", "jsonl", "ics"] {
        let out = Command::new("sh")
            .arg("-c")
            .arg("\"$0\" batch \"$1\" --format \"$2\" | head -c 10 > /dev/null")
            .arg(env!("CARGO_BIN_EXE_sfo-check"))
            .arg(&file)
            .arg(format)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(
            !err.contains("panicked") && !err.contains("error:"),
            "{format}: {err}"
        );
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_sfo-check"))
        .args(["batch", &file])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(141), "{}", stderr(&out));
    assert!(!stderr(&out).contains("error:"), "{}", stderr(&out));
}

#[test]
fn threads_are_bounded_by_the_cores_saying_why() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = cores * 4;
    let ok = sfo(&[
        "batch",
        "examples/caseload.csv",
        "--threads",
        &most.to_string(),
    ]);
    assert_ne!(ok.status.code(), Some(2), "{}", stderr(&ok));
    let out = sfo(&[
        "batch",
        "examples/caseload.csv",
        "--threads",
        &(most + 1).to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "error: --threads: {} is more than this machine can use: it has {cores} core",
            most + 1
        )),
        "{err}"
    );
    assert!(err.contains(&format!("so give at most {most}")), "{err}");
    assert!(stdout(&out).is_empty());
    for zero in ["0", "-1", "100000"] {
        assert_eq!(
            sfo(&["batch", "examples/caseload.csv", "--threads", zero])
                .status
                .code(),
            Some(2)
        );
    }
}

/// Characters that must never reach any output raw: NUL, VT, ESC (with the
/// sequence that clears a screen), DEL, the C1 control CSI, and a
/// right-to-left override.
const HOSTILE: &str = "A\u{0}B\u{b}C\u{1b}[2JD\u{7f}E\u{9b}F\u{202e}G";

fn assert_safe(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let raw: Vec<char> = text
        .chars()
        .filter(|c| *c != '\n' && *c != '\r' && sfo_check::text::is_unsafe(*c))
        .collect();
    assert!(raw.is_empty(), "{what}: raw {raw:?} in {text}");
}

#[test]
fn every_output_escapes_control_characters_one_way() {
    let mut case: serde_json::Value =
        serde_json::from_str(&project_text("examples/licence-murder-qualifies.json")).unwrap();
    case["reference"] = HOSTILE.into();
    let dir = Scratch::new("escape");
    let case_file = dir.write("case.json", &case.to_string());
    for format in ["json", "text", "ics"] {
        let out = sfo(&["check", &case_file, "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_safe(&format!("check --format {format}"), &out.stdout);
        assert!(
            stdout(&out).contains("\\u{1b}[2J") || format == "json",
            "{format}"
        );
    }
    // The JSON report still reads back to the reference as given.
    let json: serde_json::Value =
        serde_json::from_slice(&sfo(&["check", &case_file]).stdout).unwrap();
    assert_eq!(json["reference"], HOSTILE);
    // A caseload's results and calendar, from a CSV cell holding them raw.
    let csv = dir.write(
        "cases.csv",
        &format!("reference,offence,charged,first_court_appearance,today,alleged_from,supervision_type,supervision_start,supervision_scheduled_end\n\"{HOSTILE}\",murder,2024-05-13,2024-05-14,2024-07-01,2024-05-10,licence,2023-11-06,2024-11-05\n\"{HOSTILE}x\",murdr,,,2024-07-01,,,,\n"),
    );
    for format in ["csv", "jsonl", "ics"] {
        let out = sfo(&["batch", &csv, "--format", format]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert_safe(&format!("batch --format {format}"), &out.stdout);
        assert_safe(&format!("batch --format {format} (errors)"), &out.stderr);
    }
    // An error quoting a value.
    case["offence"]["id"] = HOSTILE.into();
    let out = sfo_stdin(&["check", "-"], &case.to_string());
    assert_eq!(out.status.code(), Some(2));
    assert_safe("an error", &out.stderr);
    // File names, in scenarios check.
    let scenario = project_text("scenarios/charged-but-not-yet-in-court.json");
    dir.write("a\u{1b}[31mred.json", &scenario);
    let out = sfo(&["scenarios", "check", dir.0.to_str().unwrap()]);
    assert_safe("scenarios check", &out.stdout);
    assert_safe("scenarios check (errors)", &out.stderr);
    assert!(
        stdout(&out).contains("a\\u{1b}[31mred.json: agrees with the engine"),
        "{}",
        stdout(&out)
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_and_shown_byte_for_byte() {
    use std::os::unix::ffi::OsStrExt;
    let dir = Scratch::new("names");
    let scenario = project_text("scenarios/charged-but-not-yet-in-court.json");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.json");
    std::fs::write(dir.0.join(name), scenario).unwrap();
    let out = sfo(&["scenarios", "check", dir.0.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("caf\\xe9.json: agrees with the engine"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_profile_may_not_take_the_built_in_id_or_another_files() {
    let mut policy: serde_json::Value = serde_json::from_str(&stdout(&sfo(&["policy"]))).unwrap();
    policy["timetable"][1]["offset"]["amount"] = 8.into();
    let dir = Scratch::new("ids");
    let built_in = dir.write("claims-built-in.json", &policy.to_string());
    let out = sfo(&[
        "check",
        "examples/licence-murder-qualifies.json",
        "--policy",
        &built_in,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert_eq!(
        stderr(&out),
        format!("error: {built_in}: id: \u{201c}ew-default-2024\u{201d} is the built-in profile\u{2019}s id: give this profile an id of its own, so that every date worked out names the timetable it came from\n")
    );
    policy["id"] = "region".into();
    let first = dir.write("region.json", &policy.to_string());
    let second = dir.write("region-again.json", &policy.to_string());
    let out = sfo(&[
        "batch",
        "examples/caseload.csv",
        "--policy",
        &first,
        "--policy",
        &second,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with(&format!("error: {second}: ")), "{err}");
    assert!(
        err.contains(&format!(
            "\u{201c}region\u{201d} is also the id of the profile in {first}"
        )),
        "{err}"
    );
}

#[test]
fn ten_unknown_columns_are_named_and_the_rest_counted() {
    let dir = Scratch::new("columns");
    let header: Vec<String> = (0..10_000).map(|i| format!("col{i}")).collect();
    let file = dir.write("wide.csv", &format!("reference,{}\nA\n", header.join(",")));
    let out = sfo(&["batch", &file]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.len() < 1_000, "{} bytes", err.len());
    assert!(
        err.contains("\u{201c}col9\u{201d} and 9,990 more."),
        "{err}"
    );
    assert!(!err.contains("col10"), "{err}");
}
