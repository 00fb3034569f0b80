//! The golden suite: every file in tests/golden/ is a case with the parts of
//! the report (or the errors) it must produce. Expected values were worked out
//! independently of the engine (dates from a separate bank-holiday source).
//!
//! How expectations match is in `common/mod.rs`.

use chrono::NaiveDate;
use serde_json::Value;
use sfo_check::policy::{PolicyProfile, PolicySet};
use sfo_check::{check_json, Options};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;
use common::matches;

const CLOCK: &str = "2000-01-01"; // never used: every golden case sets today

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

pub fn golden_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(golden_dir())
        .expect("tests/golden exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

pub struct Golden {
    pub name: String,
    pub doc: Value,
    pub case_text: String,
    pub policies: PolicySet,
    pub options: Options,
}

pub fn load(path: &Path) -> Golden {
    let name = path.file_stem().unwrap().to_string_lossy().to_string();
    let text = std::fs::read_to_string(path).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let case_text = match (doc.get("case"), doc.get("case_text")) {
        (Some(case), _) => case.to_string(),
        (None, Some(Value::String(text))) => text.clone(),
        _ => panic!("{name}: needs case or case_text"),
    };
    let mut policies = PolicySet::default();
    let options = doc.get("options").cloned().unwrap_or(Value::Null);
    for file in options["policies"].as_array().into_iter().flatten() {
        let path = golden_dir().join("policies").join(file.as_str().unwrap());
        let profile = PolicyProfile::from_json(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: policy {}: {e:?}", path.display()));
        policies.add(profile);
    }
    let options = Options {
        today: options["today"]
            .as_str()
            .map(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap()),
        policy: options["policy_id"].as_str().map(String::from),
    };
    Golden {
        name,
        doc,
        case_text,
        policies,
        options,
    }
}

fn clock() -> NaiveDate {
    NaiveDate::parse_from_str(CLOCK, "%Y-%m-%d").unwrap()
}

/// The engine's answer for a golden case: the report or the errors, as JSON.
pub fn run(golden: &Golden) -> Result<Value, Value> {
    check_json(
        &golden.case_text,
        &golden.policies,
        &golden.options,
        clock(),
    )
    .map(|report| serde_json::to_value(&report).unwrap())
    .map_err(|errors| serde_json::to_value(&errors).unwrap())
}

#[test]
fn golden_cases_produce_their_expected_reports() {
    let files = golden_files();
    assert!(files.len() >= 80, "only {} golden cases", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let golden = load(path);
        let mut problems = Vec::new();
        match (
            run(&golden),
            golden.doc.get("expect"),
            golden.doc.get("errors"),
        ) {
            (Ok(report), Some(expect), None) => matches(expect, &report, "report", &mut problems),
            (Err(errors), None, Some(expected)) => {
                matches(expected, &errors, "errors", &mut problems)
            }
            (Ok(_), None, Some(_)) => problems.push("expected errors, got a report".into()),
            (Err(errors), Some(_), None) => {
                problems.push(format!("expected a report, got errors: {errors}"))
            }
            _ => problems.push("needs exactly one of expect and errors".into()),
        }
        if !problems.is_empty() {
            failures.push(format!("{}:\n    {}", golden.name, problems.join("\n    ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden cases failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// Every id in the rulebook (rules, steps, flags).
const RULEBOOK_IDS: &[&str] = &[
    "Q-TRIGGER",
    "Q-WINDOW",
    "Q-OFFENCE",
    "Q-CONDITIONAL",
    "Q-SUPERVISION",
    "D-WINDOW-CLOSE",
    "D-NOTIFY",
    "D-REVIEW",
    "D-QA",
    "F-OVERALL-BELOW-GROUP",
    "F-GROUP-MISSING",
    "F-DA-ENQUIRY",
    "F-SAFEGUARDING-ENQUIRY",
    "F-EM-CURFEW-CHECKS",
    "F-NOT-REASSESSED",
    "F-ASSESSMENT-OVERDUE",
    "F-NO-POST-RELEASE-ASSESSMENT",
    "F-CUSTODY-BEHAVIOUR",
    "F-NON-CONVICTED-BEHAVIOUR",
    "F-ORDERS",
    "F-LEVEL-DROPPED",
    "F-VIOLENCE-HISTORY-LOW",
    "F-INEXPERIENCED-ASSESSOR",
    "F-NOT-CASE-MANAGER",
    "F-UNVERIFIED-INFO",
    "F-MULTI-AGENCY",
];

#[test]
fn rulebook_ids_match_this_list() {
    // The rulebook sits beside the project in ../shared (as in CI).
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/domain/sfo-rules.md");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("rulebook not found at {}; skipping", path.display());
        return;
    };
    let found: BTreeSet<&str> = text
        .split('`')
        .filter(|s| {
            (s.starts_with("Q-") || s.starts_with("D-") || s.starts_with("F-"))
                && s[2..].chars().all(|c| c.is_ascii_uppercase() || c == '-')
        })
        .collect();
    let listed: BTreeSet<&str> = RULEBOOK_IDS.iter().copied().collect();
    assert_eq!(found, listed, "the rulebook's ids changed");
}

#[test]
fn every_rulebook_id_has_a_golden_case_asserting_it() {
    let mut asserted = BTreeSet::new();
    for path in golden_files() {
        let golden = load(&path);
        let expect = &golden.doc["expect"];
        for reason in expect["qualification"]["reasons"]
            .as_array()
            .into_iter()
            .flatten()
        {
            asserted.extend(reason["rule"].as_str().map(String::from));
        }
        for item in ["flags", "deadlines"] {
            for entry in expect[item].as_array().into_iter().flatten() {
                // A deadline counts only when the case asserts more than its id.
                let substantive = item == "flags" || entry.as_object().is_some_and(|o| o.len() > 1);
                if substantive {
                    asserted.extend(entry["id"].as_str().map(String::from));
                }
            }
        }
    }
    let missing: Vec<&&str> = RULEBOOK_IDS
        .iter()
        .filter(|id| !asserted.contains(**id))
        .collect();
    assert!(missing.is_empty(), "no golden case asserts {missing:?}");
}

#[test]
fn reports_are_deterministic() {
    for path in golden_files().iter().take(40) {
        let golden = load(path);
        let first = run(&golden);
        let second = run(&golden);
        assert_eq!(first, second, "{}", golden.name);
    }
}
