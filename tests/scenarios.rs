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
/// A library a trainer can build a term on (the rulebook's rules for
/// training material): at least 40 scenarios, murder in at most a third, the
/// other kinds of offence and routes to qualifying, several supervision
/// types, both sexes, every state of every step, extensions each way, the
/// settled cases of dropped charges, dates across Easter, Christmas and the
/// one-off holidays of 2022 and 2023, an office closure, every flag in two
/// scenarios besides the one that raises them all, each kind of inaccuracy
/// in three, and every story with the context a review would weigh. Every
/// gap is listed, so the library cannot quietly shrink.
#[test]
fn the_library_is_one_a_trainer_can_build_a_term_on() {
    use sfo_check::calendar::bank_holidays;
    use sfo_check::policy::{OffenceGroup, PolicyProfile};
    use sfo_check::report::{Finding, QualificationStatus};
    use std::collections::{BTreeMap, BTreeSet};

    let checker = Checker::new();
    let profile = PolicyProfile::default_profile();
    let mut gaps: Vec<String> = Vec::new();
    let mut need = |ok: bool, what: &str| {
        if !ok {
            gaps.push(what.to_string());
        }
    };
    let library = shipped();
    let (mut murders, mut other_group_a, mut not_listed, mut inchoate) = (0, 0, 0, 0);
    let (mut b_by_rosh, mut b_by_mappa, mut b_failing) = (0, 0, 0);
    let (mut indeterminate, mut edge_types) = (0, BTreeSet::new());
    let mut types = BTreeSet::new();
    let (mut she, mut he) = (0, 0);
    let mut states: BTreeSet<(RuleId, String)> = BTreeSet::new();
    let mut extensions: BTreeSet<&str> = BTreeSet::new();
    let mut dropped: BTreeSet<&str> = BTreeSet::new();
    let (mut court_without_charge, mut in_gap, mut after_window) = (0, 0, 0);
    let mut holidays_crossed: BTreeSet<&str> = BTreeSet::new();
    let mut office_closure = 0;
    let mut flags: BTreeMap<RuleId, usize> = BTreeMap::new();
    let mut hdc_consent = 0;
    let mut kinds: BTreeMap<u8, usize> = BTreeMap::new();
    let holiday_years: BTreeMap<i32, Vec<(chrono::NaiveDate, String)>> = (2019..=2027)
        .map(|y| {
            let days = bank_holidays(y)
                .into_iter()
                .map(|h| (h.date, h.name))
                .collect();
            (y, days)
        })
        .collect();
    for (name, text) in &library {
        let scenario = Scenario::from_json(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let report = scenario.report(&checker).unwrap();
        let case = &scenario.case;
        let offence = case["offence"]["id"].as_str().unwrap_or_default();
        let group = profile.offence(offence).map(|o| o.group);
        let status = report.qualification.status;
        murders += usize::from(offence == "murder");
        other_group_a += usize::from(group == Some(OffenceGroup::A) && offence != "murder");
        not_listed += usize::from(offence == "not-listed");
        inchoate += usize::from(case["offence"]["inchoate"].is_string());
        if group == Some(OffenceGroup::B) {
            let high = matches!(case["rosh"]["overall"].as_str(), Some("high" | "very-high"));
            let conditional = report
                .qualification
                .reasons
                .iter()
                .find(|r| r.rule == RuleId::QConditional)
                .map(|r| r.finding);
            match conditional {
                Some(Finding::Met) if high => b_by_rosh += 1,
                Some(Finding::Met) => b_by_mappa += 1,
                Some(Finding::NotMet) => b_failing += 1,
                _ => {}
            }
        }
        for period in case["supervision"].as_array().into_iter().flatten() {
            let kind = period["type"].as_str().unwrap_or_default().to_string();
            if kind == "licence" && period.get("scheduled_end").is_none() {
                indeterminate += 1;
            }
            if profile
                .supervision_types
                .iter()
                .any(|t| t.id == kind && t.counts == sfo_check::policy::Counts::Check)
            {
                edge_types.insert(kind.clone());
            }
            types.insert(kind);
        }
        let story = format!(" {} ", scenario.narrative.to_lowercase());
        let has = |words: &[&str]| {
            words.iter().any(|w| {
                story.contains(&format!(" {w} "))
                    || story.contains(&format!(" {w},"))
                    || story.contains(&format!(" {w}."))
            })
        };
        she += usize::from(has(&["she", "her"]));
        he += usize::from(has(&["he", "his", "him"]));
        let context = [
            "caseload",
            "cover",
            "covering",
            "supervision",
            "workload",
            "shared",
            "agency",
            "agencies",
            "manager",
            "vacanc",
            "sickness",
            "team",
        ];
        need(
            context.iter().any(|w| story.contains(w)),
            &format!("{name}: the story gives no organisational context"),
        );
        for d in &report.deadlines {
            states.insert((d.id, format!("{:?}", StateKind::from(&d.state))));
            // What a step's count of working days passes over.
            if let (Some(from), Some(due)) = (d.counts_from.date, d.current_due) {
                for days in holiday_years.values() {
                    for (date, holiday) in days {
                        if *date > from && *date <= due {
                            let year = chrono::Datelike::year(date);
                            if holiday.contains("Good Friday") || holiday.contains("Easter") {
                                holidays_crossed.insert("Easter");
                            }
                            if holiday.contains("Christmas") {
                                holidays_crossed.insert("Christmas");
                            }
                            let one_off_2022 = ["2022-06-02", "2022-06-03", "2022-09-19"];
                            if year == 2022 && one_off_2022.contains(&date.to_string().as_str()) {
                                holidays_crossed.insert("a one-off holiday of 2022");
                            }
                            if date.to_string() == "2023-05-08" {
                                holidays_crossed.insert("the 2023 coronation holiday");
                            }
                        }
                    }
                }
                if let Some(own) = &scenario.policy {
                    if own
                        .extra_non_working_days
                        .iter()
                        .any(|x| x.date.get() > from && x.date.get() <= due)
                    {
                        office_closure += 1;
                    }
                }
            }
            for e in &d.extensions {
                extensions.insert(match e.decision {
                    sfo_check::case::Decision::Granted => "granted",
                    sfo_check::case::Decision::Refused => "refused",
                    sfo_check::case::Decision::Pending => "pending",
                });
                match e.before_deadline {
                    Some(true) => extensions.insert("asked in time"),
                    Some(false) => extensions.insert("asked late"),
                    None => false,
                };
            }
        }
        let o = &case["offence"];
        if o["charges_dropped"].is_string() {
            let submitted = case["review"]["review_submitted"].as_str();
            let dropped_on = o["charges_dropped"].as_str();
            dropped.insert(match (o["first_court_appearance"].is_string(), submitted) {
                (false, _) => "before any court appearance",
                (true, Some(r)) if Some(r) < dropped_on => "after the review was submitted",
                (true, _) => "before the review was complete",
            });
        }
        court_without_charge +=
            usize::from(o["first_court_appearance"].is_string() && o["charged"].is_null());
        let periods = case["supervision"].as_array().map_or(0, Vec::len);
        let window_not_met = report
            .qualification
            .reasons
            .iter()
            .any(|r| r.rule == RuleId::QWindow && r.finding == Finding::NotMet);
        if window_not_met && status == QualificationStatus::DoesNotQualify {
            if periods > 1 {
                in_gap += 1;
            } else {
                after_window += 1;
            }
        }
        if !name.starts_with("many-prompts") {
            for f in &report.flags {
                *flags.entry(f.id).or_default() += 1;
                if f.id == RuleId::FEmCurfewChecks
                    && f.facts.iter().any(|x| x.field.contains("consent"))
                {
                    hdc_consent += 1;
                }
            }
            let raised: BTreeSet<u8> = report
                .flags
                .iter()
                .flat_map(|f| f.kinds.iter().map(|k| k.number))
                .collect();
            for k in raised {
                *kinds.entry(k).or_default() += 1;
            }
        }
    }
    let n = library.len();
    need(n >= 40, &format!("at least 40 scenarios (there are {n})"));
    need(
        murders * 3 <= n,
        &format!("murder in at most a third ({murders} of {n})"),
    );
    need(
        other_group_a >= 3,
        &format!("group A offences other than murder in at least 3 ({other_group_a})"),
    );
    need(not_listed >= 1, "an unlisted offence");
    need(
        inchoate >= 2,
        &format!("inchoate offences in at least 2 ({inchoate})"),
    );
    need(
        b_by_rosh >= 1,
        "a group B offence qualifying through High or Very High RoSH",
    );
    need(
        b_by_mappa >= 1,
        "a group B offence qualifying through MAPPA level 2 or 3",
    );
    need(b_failing >= 1, "a group B offence failing the condition");
    need(
        types.len() >= 5,
        &format!("at least 5 supervision types ({types:?})"),
    );
    need(
        indeterminate >= 1,
        "an indeterminate licence (no scheduled end)",
    );
    need(
        edge_types.len() >= 2,
        &format!("two edge supervision types that give check ({edge_types:?})"),
    );
    need(
        she >= 8 && he >= 8,
        &format!("both sexes, each in at least 8 stories (she {she}, he {he})"),
    );
    for step in [RuleId::DNotify, RuleId::DReview, RuleId::DQa] {
        for state in [
            "DoneOnTime",
            "DoneLate",
            "DueIn",
            "DueToday",
            "Overdue",
            "Waiting",
            "NotRequired",
        ] {
            need(
                states.contains(&(step, state.to_string())),
                &format!("{step} {state}"),
            );
        }
    }
    need(
        states.iter().any(|(_, s)| s == "Done"),
        "a step done with no due date to judge it by",
    );
    for state in ["Open", "Closed"] {
        need(
            states.contains(&(RuleId::DWindowClose, state.to_string())),
            &format!("D-WINDOW-CLOSE {state}"),
        );
    }
    for e in [
        "granted",
        "refused",
        "pending",
        "asked in time",
        "asked late",
    ] {
        need(extensions.contains(e), &format!("an extension {e}"));
    }
    for d in [
        "before any court appearance",
        "before the review was complete",
        "after the review was submitted",
    ] {
        need(dropped.contains(d), &format!("charges dropped {d}"));
    }
    need(
        court_without_charge >= 1,
        "a court appearance with no charge date recorded",
    );
    need(in_gap >= 1, "an offence in a gap between two periods");
    need(after_window >= 1, "an offence after the window closed");
    for h in [
        "Easter",
        "Christmas",
        "a one-off holiday of 2022",
        "the 2023 coronation holiday",
    ] {
        need(
            holidays_crossed.contains(h),
            &format!("a step counted across {h}"),
        );
    }
    need(
        office_closure >= 1,
        "a step counted across a region's office closure",
    );
    for id in RuleId::ALL
        .iter()
        .filter(|id| id.kind() == sfo_check::registry::RuleKind::Flag)
    {
        let count = flags.get(id).copied().unwrap_or(0);
        need(
            count >= 2,
            &format!("{id} raised in at least 2 scenarios besides many-prompts-at-once ({count})"),
        );
    }
    need(
        hdc_consent >= 2,
        &format!("a home detention curfew without consent in at least 2 ({hdc_consent})"),
    );
    for k in 1..=4u8 {
        let count = kinds.get(&k).copied().unwrap_or(0);
        need(
            count >= 3,
            &format!("kind {k} in at least 3 scenarios ({count})"),
        );
    }
    assert!(
        gaps.is_empty(),
        "the library lacks:\n  {}",
        gaps.join("\n  ")
    );
}
