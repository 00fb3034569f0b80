//! The training scenarios in `scenarios/`: each is a golden case, so a rules
//! change that alters a scenario's outcome fails here until the scenario is
//! reviewed; and a bad scenario file gets errors that name its fields.

use serde_json::{json, Value};
use sfo_check::registry::RuleId;
use sfo_check::scenario::{ExpectedStatus, Mismatch, Scenario, ScenarioText, StateKind};
use sfo_check::Checker;
use sfo_check::Options;
use std::path::Path;
use std::process::Command;

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

fn shipped() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir())
        .expect("scenarios/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

#[test]
fn every_shipped_scenario_agrees_with_the_engine() {
    let checker = Checker::new();
    let scenarios = shipped();
    assert!(scenarios.len() >= 3);
    let mut ids = Vec::new();
    for (name, text) in scenarios {
        let scenario = Scenario::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(
            format!("{}.json", scenario.id),
            name,
            "a scenario's file is named by its id"
        );
        assert!(!ids.contains(&scenario.id), "{name}: id used twice");
        let report = scenario
            .report(&checker)
            .unwrap_or_else(|e| panic!("{name}: the case has errors: {e:?}"));
        let mismatches = scenario.compare(&report);
        assert!(mismatches.is_empty(), "{name}: {mismatches:?}");
        // Every step the engine dates is named in the scenario.
        assert_eq!(
            scenario.expect.steps.len(),
            report.deadlines.len(),
            "{name}"
        );
        ids.push(scenario.id);
    }
}

fn scenario(expect: Value) -> Value {
    json!({
        "schema": "sfo-check/scenario@1",
        "id": "test-case",
        "title": "Test",
        "narrative": "A charged murder in court during a licence.",
        "learning_points": ["Murder is in the mandatory group."],
        "minutes": 5,
        "case": {
            "today": "2024-07-01",
            "supervision": [{"type": "licence", "start": "2023-11-06", "scheduled_end": "2024-11-05"}],
            "offence": {"id": "murder", "alleged_from": "2024-05-10", "charged": "2024-05-13", "first_court_appearance": "2024-05-14"}
        },
        "expect": expect
    })
}

/// Worked out by hand: court Tue 14 May 2024, so D-NOTIFY was due Tue 21 May
/// and is overdue on Mon 1 Jul; the review is due 60 working days after that.
fn right_expect() -> Value {
    json!({
        "status": "qualifies",
        "steps": {"D-WINDOW-CLOSE": "open", "D-NOTIFY": "overdue", "D-REVIEW": "due-in", "D-QA": "waiting"},
        "flags": []
    })
}

fn compare(doc: &Value) -> Vec<Mismatch> {
    let scenario = Scenario::from_json(&doc.to_string()).unwrap();
    scenario.compare(&scenario.report(&Checker::new()).unwrap())
}

#[test]
fn a_wrong_expectation_is_named_item_by_item() {
    assert_eq!(compare(&scenario(right_expect())), []);
    let mut wrong = right_expect();
    wrong["status"] = "not-yet".into();
    wrong["steps"]["D-NOTIFY"] = "due-in".into();
    wrong["steps"].as_object_mut().unwrap().remove("D-QA");
    wrong["flags"] = json!(["F-DA-ENQUIRY"]);
    let found = compare(&scenario(wrong));
    assert_eq!(
        found,
        [
            Mismatch::Status {
                expected: ExpectedStatus::NotYet,
                found: ExpectedStatus::Qualifies
            },
            Mismatch::Step {
                id: RuleId::DNotify,
                expected: Some(StateKind::DueIn),
                found: Some(StateKind::Overdue)
            },
            Mismatch::Step {
                id: RuleId::DQa,
                expected: None,
                found: Some(StateKind::Waiting)
            },
            Mismatch::FlagNotRaised {
                id: RuleId::FDaEnquiry
            },
        ]
    );
    assert_eq!(
        found[1].to_string(),
        "D-NOTIFY: expected due-in, the engine says overdue"
    );
}

fn errors(doc: &Value) -> Vec<String> {
    Scenario::from_json(&doc.to_string())
        .and_then(|s| s.report(&Checker::new()).map(|_| s))
        .err()
        .unwrap_or_default()
        .iter()
        .map(|e| format!("{}: {}", e.path, e.message))
        .collect()
}

#[test]
fn bad_scenario_files_name_the_field() {
    let mut doc = scenario(right_expect());
    doc["schema"] = "sfo-check/scenario@2".into();
    doc["id"] = "Test Case".into();
    doc["expect"]["steps"]["F-DA-ENQUIRY"] = "open".into();
    doc["expect"]["flags"] = json!(["D-NOTIFY"]);
    assert_eq!(
        errors(&doc),
        [
            "schema: must be \"sfo-check/scenario@1\"",
            "id: must be lower-case letters, digits and hyphens",
            "expect.steps.F-DA-ENQUIRY: is not a timetable step",
            "expect.flags[0]: D-NOTIFY is not a flag",
        ]
    );
    let mut doc = scenario(right_expect());
    doc["expect"]["flags"] = json!(["F-NO-SUCH-FLAG"]);
    assert!(errors(&doc)[0].starts_with("expect.flags[0]: unknown variant `F-NO-SUCH-FLAG`"));
    let mut doc = scenario(right_expect());
    doc["case"]["offence"]["charged"] = "2024-05-01".into();
    assert_eq!(
        errors(&doc),
        ["case.offence.charged: charged before the alleged offence (the date of the alleged offence is Fri 10 May 2024)"]
    );
    let mut doc = scenario(right_expect());
    doc["case"].as_object_mut().unwrap().remove("today");
    assert_eq!(
        errors(&doc),
        ["case.today: required: a scenario's case names its own today"]
    );
    assert!(errors(&json!({"schema": "sfo-check/scenario@1"}))
        .iter()
        .any(|e| e == "id: required, but missing"));
}

#[test]
fn opening_a_file_labels_its_fields_in_words_and_keeps_a_file_that_disagrees() {
    let label = |doc: &Value| -> Vec<String> {
        Scenario::open(&doc.to_string(), &Checker::new())
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| format!("{}: {}", e.label, e.message))
            .collect()
    };
    let mut doc = scenario(right_expect());
    doc["expect"]["flags"] = json!(["F-NO-SUCH-FLAG"]);
    assert_eq!(
        label(&doc),
        ["Expected flag 1: “F-NO-SUCH-FLAG” is not a flag this checker has"]
    );
    let mut doc = scenario(right_expect());
    doc["title"] = " ".into();
    doc["expect"]["steps"]["F-DA-ENQUIRY"] = "open".into();
    assert_eq!(
        label(&doc),
        [
            "Title: required",
            "Expected state of step F-DA-ENQUIRY: is not a timetable step"
        ]
    );
    let mut doc = scenario(right_expect());
    doc["case"]["supervision"][0]["start"] = "2023-02-30".into();
    let found = label(&doc);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("Supervision period 1: start date (in the case): "),
        "{found:?}"
    );

    // Written before a rules change: opened, with what now differs.
    let mut doc = scenario(right_expect());
    doc["expect"]["flags"] = json!(["F-DA-ENQUIRY"]);
    let opened = Scenario::open(&doc.to_string(), &Checker::new()).unwrap();
    assert_eq!(
        serde_json::to_value(&opened.mismatches).unwrap(),
        json!([{"kind": "flag-not-raised", "id": "F-DA-ENQUIRY"}])
    );
    assert_eq!(opened.report.deadlines.len(), 4);
}

#[test]
fn a_case_saved_as_a_scenario_expects_what_the_engine_says() {
    let case = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/licence-murder-qualifies.json"),
    )
    .unwrap();
    let words = ScenarioText {
        title: "  Licence: murder — qualifies!  ".into(),
        narrative: "Read this out.".into(),
        learning_points: vec![
            "First point.".into(),
            "   ".into(),
            " Second point. ".into(),
        ],
        topics: vec![],
        minutes: None,
    };
    let clock = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    let checker = Checker::new();
    let scenario =
        Scenario::author(&case, words.clone(), &checker, &Options::default(), clock).unwrap();
    assert_eq!(scenario.id, "licence-murder-qualifies");
    assert_eq!(scenario.title, "Licence: murder — qualifies!");
    assert_eq!(scenario.learning_points, ["First point.", "Second point."]);
    assert_eq!(scenario.minutes, 15);
    // The example names its own today (1 July 2024), kept so the answers never drift.
    assert_eq!(scenario.case["today"], "2024-07-01");
    assert_eq!(scenario.expect.status, ExpectedStatus::Qualifies);
    // Written out and read back, it agrees with the engine.
    let text = serde_json::to_string_pretty(&scenario).unwrap();
    let opened = Scenario::open(&text, &checker).unwrap();
    assert_eq!(opened.mismatches, []);
    assert_eq!(opened.scenario, scenario);

    // Without a today of its own, the case keeps the day it was checked on.
    let mut undated: Value = serde_json::from_str(&case).unwrap();
    undated.as_object_mut().unwrap().remove("today");
    let scenario = Scenario::author(
        &undated.to_string(),
        words.clone(),
        &checker,
        &Options::default(),
        clock,
    )
    .unwrap();
    assert_eq!(scenario.case["today"], "2030-01-01");

    // No title, and a case with an error: both named.
    let mut bad: Value = serde_json::from_str(&case).unwrap();
    bad["offence"]["charged"] = "2024-13-01".into();
    let errors = Scenario::author(
        &bad.to_string(),
        ScenarioText {
            title: "".into(),
            ..words
        },
        &checker,
        &Options::default(),
        clock,
    )
    .unwrap_err();
    let paths: Vec<_> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["title", "case.offence.charged"]);
    assert_eq!(errors[1].label, "Date charged (in the case)");
}

#[test]
fn the_cli_checks_a_library_and_says_what_differs() {
    let run = |dir: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_sfo-check"))
            .args(["scenarios", "check"])
            .arg(dir)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.code(), text)
    };
    let (code, text) = run(&dir());
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains(" 0 differ, 0 break the library\u{2019}s rules, 0 cannot be used"),
        "{text}"
    );

    let tmp = std::env::temp_dir().join(format!("sfo-scenarios-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut wrong = right_expect();
    wrong["steps"]["D-NOTIFY"] = "due-in".into();
    std::fs::write(tmp.join("test-case.json"), scenario(wrong).to_string()).unwrap();
    let (code, text) = run(&tmp);
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("test-case.json: D-NOTIFY: expected due-in, the engine says overdue"),
        "{text}"
    );

    std::fs::write(tmp.join("broken.json"), "{").unwrap();
    let (code, text) = run(&tmp);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("broken.json: not valid JSON"), "{text}");
    std::fs::remove_dir_all(&tmp).ok();
}

/// Together the scenarios exercise every rule, step and flag, every
/// qualification status and every step state, so a session can teach each.
#[test]
fn the_library_covers_every_rule_status_and_state() {
    let checker = Checker::new();
    let mut seen_ids = std::collections::BTreeSet::new();
    let mut statuses = std::collections::BTreeSet::new();
    let mut states = std::collections::BTreeSet::new();
    for (name, text) in shipped() {
        let scenario = Scenario::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let report = scenario.report(&checker).unwrap();
        statuses.insert(format!("{:?}", report.qualification.status));
        seen_ids.extend(report.qualification.reasons.iter().map(|r| r.rule));
        for deadline in &report.deadlines {
            seen_ids.insert(deadline.id);
            states.insert(format!("{:?}", StateKind::from(&deadline.state)));
        }
        seen_ids.extend(report.flags.iter().map(|f| f.id));
    }
    let missing: Vec<&RuleId> = RuleId::ALL
        .iter()
        .filter(|id| !seen_ids.contains(id))
        .collect();
    assert!(missing.is_empty(), "no scenario exercises {missing:?}");
    assert_eq!(statuses.len(), 4, "statuses seen: {statuses:?}");
    assert_eq!(states.len(), 10, "step states seen: {states:?}");
}
