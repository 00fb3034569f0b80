//! The golden suite: every file in tests/golden/ is a case with the parts of
//! the report (or the errors) it must produce. Expected values were worked out
//! independently of the engine (dates from a separate bank-holiday source).
//!
//! How expectations match is in `common/mod.rs`.

use chrono::NaiveDate;
use serde_json::Value;
use sfo_check::policy::{PolicyProfile, PolicySet};
use sfo_check::registry::RuleId;
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
    /// The profiles of `options.policies` the engine refused.
    pub policy_errors: Vec<sfo_check::input::FieldError>,
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
    let mut policy_errors = Vec::new();
    let options = doc.get("options").cloned().unwrap_or(Value::Null);
    for (i, file) in options["policies"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let path = golden_dir().join("policies").join(file.as_str().unwrap());
        let profile = PolicyProfile::from_json(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: policy {}: {e:?}", path.display()));
        // A profile refused is the answer, named as the JS API names it.
        if let Err(e) = policies.add(profile) {
            policy_errors.push(e.within(&format!("policies[{i}].")));
        }
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
        policy_errors,
        options,
    }
}

fn clock() -> NaiveDate {
    NaiveDate::parse_from_str(CLOCK, "%Y-%m-%d").unwrap()
}

/// The engine's answer for a golden case: the report or the errors, as JSON.
pub fn run(golden: &Golden) -> Result<Value, Value> {
    if !golden.policy_errors.is_empty() {
        return Err(serde_json::to_value(&golden.policy_errors).unwrap());
    }
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

/// Every id in the registry (rules, steps, flags).
fn registry_ids() -> Vec<&'static str> {
    RuleId::ALL.iter().map(|id| id.as_str()).collect()
}

#[test]
fn rulebook_ids_match_the_registry() {
    // The rulebook sits beside the project in ../shared, for developers and CI alike.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/domain/sfo-rules.md");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read the rulebook at {}: {e}", path.display()));
    let found: BTreeSet<&str> = text
        .split('`')
        .filter(|s| {
            (s.starts_with("Q-") || s.starts_with("D-") || s.starts_with("F-"))
                && s[2..].chars().all(|c| c.is_ascii_uppercase() || c == '-')
        })
        .collect();
    let listed: BTreeSet<&str> = registry_ids().into_iter().collect();
    assert_eq!(
        found, listed,
        "the rulebook's ids and the registry's differ"
    );
}

/// Every report case pins the whole answer: the status, every reason's
/// finding, the complete list of flags, and every step's due dates and state,
/// with the reasoning that derived them.
#[test]
fn every_report_case_asserts_the_whole_answer() {
    let mut problems = Vec::new();
    for path in golden_files() {
        let golden = load(&path);
        let Some(expect) = golden.doc.get("expect") else {
            continue;
        };
        let mut problem = |what: &str| problems.push(format!("{}: {what}", golden.name));
        let reasoning = golden.doc.get("reasoning").and_then(Value::as_object);
        if reasoning.is_none_or(|r| r.is_empty()) {
            problem("no reasoning");
        }
        let qualification = &expect["qualification"];
        if !qualification["status"].is_string() {
            problem("no qualification status");
        }
        for (i, reason) in qualification["reasons"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            if !reason["finding"].is_string() {
                problem(&format!("reason {i} has no finding"));
            }
        }
        if !expect["flags"].is_array() {
            problem("no flag list");
        }
        match expect["deadlines"].as_array() {
            None => problem("no deadlines"),
            Some(deadlines) => {
                for deadline in deadlines {
                    for key in ["id", "original_due", "current_due", "state"] {
                        if deadline.get(key).is_none() {
                            problem(&format!("a deadline without {key}: {deadline}"));
                        }
                    }
                    if !deadline["state"]["kind"].is_string() {
                        problem(&format!("a deadline state without a kind: {deadline}"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// What the golden cases assert, for the coverage checks: only findings a
/// case pins count, never an id on its own.
#[derive(Default)]
struct Asserted {
    statuses: BTreeSet<String>,
    /// (rule, finding)
    findings: BTreeSet<(String, String)>,
    /// (step, state kind)
    states: BTreeSet<(String, String)>,
    /// Flags raised in a case that also pins the facts that raised them.
    flags_with_facts: BTreeSet<String>,
}

fn asserted() -> Asserted {
    let mut seen = Asserted::default();
    let text = |v: &Value| v.as_str().map(String::from);
    for path in golden_files() {
        let expect = &load(&path).doc["expect"];
        let qualification = &expect["qualification"];
        seen.statuses.extend(text(&qualification["status"]));
        for reason in qualification["reasons"].as_array().into_iter().flatten() {
            if let (Some(rule), Some(finding)) = (text(&reason["rule"]), text(&reason["finding"])) {
                seen.findings.insert((rule, finding));
            }
        }
        for deadline in expect["deadlines"].as_array().into_iter().flatten() {
            if let (Some(id), Some(kind)) =
                (text(&deadline["id"]), text(&deadline["state"]["kind"]))
            {
                seen.states.insert((id, kind));
            }
        }
        for flag in expect["flags"].as_array().into_iter().flatten() {
            if flag["facts"].as_array().is_some_and(|f| !f.is_empty()) {
                seen.flags_with_facts.extend(text(&flag["id"]));
            }
        }
    }
    seen
}

#[test]
fn every_rulebook_id_has_a_golden_case_asserting_it() {
    let seen = asserted();
    let mut missing: Vec<String> = Vec::new();
    for id in registry_ids() {
        let covered = match &id[..2] {
            "Q-" => seen.findings.iter().any(|(rule, _)| rule == id),
            "D-" => seen
                .states
                .iter()
                .any(|(step, kind)| step == id && kind != "waiting"),
            _ => seen.flags_with_facts.contains(id),
        };
        if !covered {
            missing.push(id.to_string());
        }
    }
    assert!(missing.is_empty(), "no golden case asserts {missing:?}");
}

#[test]
fn every_outcome_finding_and_state_has_a_golden_case() {
    let seen = asserted();
    let mut missing: Vec<String> = Vec::new();
    for status in ["qualifies", "not-yet", "does-not-qualify", "check"] {
        if !seen.statuses.contains(status) {
            missing.push(format!("status {status}"));
        }
    }
    let findings: &[(&str, &[&str])] = &[
        ("Q-TRIGGER", &["met", "pending", "check"]),
        ("Q-WINDOW", &["met", "not-met", "check"]),
        ("Q-OFFENCE", &["met", "not-met", "check"]),
        ("Q-CONDITIONAL", &["met", "not-met", "check"]),
        ("Q-SUPERVISION", &["met", "check"]),
    ];
    for (rule, kinds) in findings {
        for kind in *kinds {
            if !seen
                .findings
                .contains(&(rule.to_string(), kind.to_string()))
            {
                missing.push(format!("{rule} {kind}"));
            }
        }
    }
    let states: Vec<(&str, &[&str])> = vec![
        ("D-WINDOW-CLOSE", &["open", "closed", "waiting"]),
        (
            "D-NOTIFY",
            &[
                "done",
                "done-on-time",
                "done-late",
                "due-in",
                "due-today",
                "overdue",
                "waiting",
                "not-required",
            ],
        ),
        (
            "D-REVIEW",
            &[
                "done-on-time",
                "due-in",
                "overdue",
                "waiting",
                "not-required",
            ],
        ),
        ("D-QA", &["done-late", "due-in", "waiting", "not-required"]),
    ];
    for (step, kinds) in states {
        for kind in kinds {
            if !seen.states.contains(&(step.to_string(), kind.to_string())) {
                missing.push(format!("{step} {kind}"));
            }
        }
    }
    assert!(missing.is_empty(), "no golden case asserts {missing:?}");
}

#[test]
fn reports_are_deterministic() {
    let files = golden_files();
    assert!(files.len() >= 200, "only {} golden cases", files.len());
    for path in &files {
        let golden = load(path);
        let first = run(&golden);
        let second = run(&golden);
        assert_eq!(first, second, "{}", golden.name);
    }
}

/// What a person reads never shows a data path or an internal word: the text
/// report of every golden case is scanned.
#[test]
fn the_text_report_reads_as_plain_english() {
    let path_like = |word: &str| {
        let w = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && !"_[]".contains(c));
        // `rosh.overall`, `supervision[0].start`: lower-case segments joined by dots.
        let dotted = w.contains('.')
            && w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.split('.').all(|part| {
                part.starts_with(|c: char| c.is_ascii_lowercase())
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_[]".contains(c))
            });
        // `events[0]`: a lower-case name with a list position.
        let indexed = w.find('[').is_some_and(|at| {
            at > 0
                && w[..at].chars().all(|c| c.is_ascii_lowercase() || c == '_')
                && w[at + 1..].starts_with(|c: char| c.is_ascii_digit())
        });
        dotted || indexed
    };
    let mut problems = Vec::new();
    for path in golden_files() {
        let golden = load(&path);
        let Ok(report) = check_json(
            &golden.case_text,
            &golden.policies,
            &golden.options,
            clock(),
        ) else {
            continue;
        };
        let text = sfo_check::text::render(&report);
        for word in text.split_whitespace() {
            if word.starts_with("http") {
                continue;
            }
            if path_like(word) {
                problems.push(format!("{}: a data path: {word}", golden.name));
            }
        }
        let lower = text.to_lowercase();
        for internal in ["seed", "rulebook", "§"] {
            if lower.contains(internal) {
                problems.push(format!("{}: the word {internal:?}", golden.name));
            }
        }
    }
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A kept `Checker`, reused across every case with the same profiles, gives
/// each case the same report (or errors) as a fresh check: nothing one case
/// leaves behind changes the next.
#[test]
fn a_kept_checker_gives_every_case_the_same_answer() {
    let mut checkers: std::collections::HashMap<String, sfo_check::Checker> = Default::default();
    let mut differ = Vec::new();
    // Twice round, so each checker has served every other case first.
    for round in 0..2 {
        for path in golden_files() {
            let golden = load(&path);
            if !golden.policy_errors.is_empty() {
                continue;
            }
            let profiles = golden.doc["options"]["policies"].to_string();
            let checker = checkers.entry(profiles).or_insert_with(|| {
                let mut checker = sfo_check::Checker::new();
                // The set's own profiles: the built-in one is the checker's already.
                for profile in golden.policies.profiles().skip(1) {
                    checker.add_policy(profile.clone()).unwrap();
                }
                checker
            });
            let kept = checker
                .check(&golden.case_text, &golden.options, clock())
                .map(|r| serde_json::to_value(&r).unwrap())
                .map_err(|e| serde_json::to_value(&e).unwrap());
            if kept != run(&golden) {
                differ.push(format!("{} (round {round})", golden.name));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "a kept checker answered differently: {differ:?}"
    );
}

/// Every golden case's whole answer, as JSON text byte for byte, is the one recorded in
/// `tests/data/golden-digests.txt` (first written by the engine at f9459b0,
/// before the speed work of issue 8). After a deliberate change to the reports, rewrite
/// it with `SFO_WRITE_DIGESTS=1 cargo test --test golden recorded_digest`.
#[test]
fn every_answer_matches_its_recorded_digest() {
    let mut lines = Vec::new();
    let mut differ = Vec::new();
    for path in golden_files() {
        let golden = load(&path);
        let (kind, answer) = match run(&golden) {
            Ok(report) => ("report", report),
            Err(errors) => ("errors", errors),
        };
        let found = common::digest(&answer);
        if common::recorded_digest(&golden.name) != Some((kind, found.as_str())) {
            differ.push(golden.name.clone());
        }
        lines.push(format!("{} {kind} {found}\n", golden.name));
    }
    if std::env::var_os("SFO_WRITE_DIGESTS").is_some() {
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/golden-digests.txt");
        std::fs::write(file, lines.concat()).unwrap();
        return;
    }
    assert!(
        differ.is_empty(),
        "{} answers differ from their recorded digests: {differ:?}",
        differ.len()
    );
}
