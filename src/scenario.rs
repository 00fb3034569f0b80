//! Training scenarios (`sfo-check/scenario@1`): a fictional case with the
//! story a trainer reads out, what it teaches, and the outcome the engine must
//! give, so a library of scenarios is checked against every rules change.

use crate::input::{self, ErrorCode, FieldError};
use crate::policy::SourceRef;
use crate::registry::{RuleId, RuleKind};
use crate::report::{QualificationStatus, Report, State};
use crate::{Checker, Options};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

pub const SCENARIO_SCHEMA: &str = "sfo-check/scenario@1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Always `sfo-check/scenario@1`.
    pub schema: String,
    /// Unique in a library, lower case with hyphens, e.g. `em-curfew-no-da-enquiry`.
    pub id: String,
    pub title: String,
    /// What the trainer reads out: a short paragraph, every name invented.
    pub narrative: String,
    /// What the scenario teaches, one point each.
    pub learning_points: Vec<String>,
    /// Topics for picking a scenario, e.g. "deadlines", "risk assessment".
    #[serde(default)]
    pub topics: Vec<String>,
    /// About how long the scenario takes in a session, in minutes.
    pub minutes: u32,
    /// The sources the learning points rest on.
    #[serde(default)]
    pub citations: Vec<SourceRef>,
    /// A region's policy profile (`sfo-check/policy@1`, an id of its own)
    /// the case is checked against beside the built-in one: for a scenario
    /// about a region's office closure, say. The case names it in `policy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<crate::policy::PolicyProfile>,
    /// A `sfo-check/case@1` case with its own `today`, so the outcome never
    /// drifts with the clock.
    #[schemars(with = "serde_json::Value")]
    pub case: serde_json::Value,
    pub expect: Expect,
}

/// The outcome the engine must give for the scenario's case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub status: ExpectedStatus,
    /// Each timetable step's state, by step id (`D-NOTIFY`, …).
    #[schemars(schema_with = "step_states_schema")]
    pub steps: BTreeMap<RuleId, StateKind>,
    /// Exactly the flags raised, by id (`F-…`), in any order.
    #[schemars(schema_with = "flag_ids_schema")]
    pub flags: Vec<RuleId>,
}

/// The ids of one kind of rule, for a schema.
fn ids_of(kind: RuleKind) -> Vec<&'static str> {
    RuleId::ALL
        .iter()
        .filter(|id| id.kind() == kind)
        .map(|id| id.as_str())
        .collect()
}

/// `expect.steps` in the schema: only timetable step ids as keys.
fn step_states_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let states = generator.subschema_for::<StateKind>();
    schemars::json_schema!({
        "type": "object",
        "propertyNames": { "enum": ids_of(RuleKind::Step) },
        "additionalProperties": states,
    })
}

/// `expect.flags` in the schema: only flag ids.
fn flag_ids_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "array",
        "items": { "enum": ids_of(RuleKind::Flag) },
    })
}

/// [`QualificationStatus`], as a scenario file writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ExpectedStatus {
    Qualifies,
    NotYet,
    DoesNotQualify,
    Check,
}

impl From<QualificationStatus> for ExpectedStatus {
    fn from(status: QualificationStatus) -> Self {
        match status {
            QualificationStatus::Qualifies => ExpectedStatus::Qualifies,
            QualificationStatus::NotYet => ExpectedStatus::NotYet,
            QualificationStatus::DoesNotQualify => ExpectedStatus::DoesNotQualify,
            QualificationStatus::Check => ExpectedStatus::Check,
        }
    }
}

/// A step's state without its count of working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StateKind {
    Done,
    DoneOnTime,
    DoneLate,
    DueIn,
    DueToday,
    Overdue,
    Open,
    Closed,
    Waiting,
    NotRequired,
}

impl From<&State> for StateKind {
    fn from(state: &State) -> Self {
        match state {
            State::Done => StateKind::Done,
            State::DoneOnTime => StateKind::DoneOnTime,
            State::DoneLate { .. } => StateKind::DoneLate,
            State::DueIn { .. } => StateKind::DueIn,
            State::DueToday => StateKind::DueToday,
            State::Overdue { .. } => StateKind::Overdue,
            State::Open { .. } => StateKind::Open,
            State::Closed { .. } => StateKind::Closed,
            State::Waiting => StateKind::Waiting,
            State::NotRequired => StateKind::NotRequired,
        }
    }
}

/// One way the engine's outcome differs from what the scenario expects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Mismatch {
    Status {
        expected: ExpectedStatus,
        found: ExpectedStatus,
    },
    Step {
        id: RuleId,
        expected: Option<StateKind>,
        found: Option<StateKind>,
    },
    FlagNotRaised {
        id: RuleId,
    },
    FlagRaised {
        id: RuleId,
    },
}

fn words<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mismatch::Status { expected, found } => write!(
                f,
                "status: expected {}, the engine says {}",
                words(expected),
                words(found)
            ),
            Mismatch::Step {
                id,
                expected,
                found,
            } => write!(
                f,
                "{id}: expected {}, the engine says {}",
                expected.map_or("no state".into(), |k| words(&k)),
                found.map_or("no state".into(), |k| words(&k))
            ),
            Mismatch::FlagNotRaised { id } => write!(f, "{id}: expected, but not raised"),
            Mismatch::FlagRaised { id } => write!(f, "{id}: raised, but not expected"),
        }
    }
}

impl Expect {
    /// The outcome as the engine gives it.
    pub fn from_report(report: &Report) -> Expect {
        Expect {
            status: report.qualification.status.into(),
            steps: report
                .deadlines
                .iter()
                .map(|d| (d.id, StateKind::from(&d.state)))
                .collect(),
            flags: report.flags.iter().map(|f| f.id).collect(),
        }
    }
}

/// What a trainer writes when saving a case as a scenario; the outcome
/// (`expect`) is the engine's.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioText {
    pub title: String,
    pub narrative: String,
    #[serde(default)]
    pub learning_points: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub minutes: Option<u32>,
}

/// A scenario file opened for a session: the scenario, the engine's report
/// on its case, and where that differs from what the file expects (a file
/// written before a rules change).
#[derive(Debug, Serialize)]
pub struct Opened {
    pub scenario: Scenario,
    /// The scenario's sources, worded as the report words its own.
    pub citations: Vec<crate::registry::Citation>,
    pub report: Report,
    pub mismatches: Vec<Mismatch>,
}

/// About how long a scenario takes when its author does not say.
const DEFAULT_MINUTES: u32 = 15;

/// "Weapon in custody, assessed Medium" → "weapon-in-custody-assessed-medium".
fn slug(title: &str) -> String {
    let mut id = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.truncate(id.trim_end_matches('-').len());
    id.truncate(60);
    id.truncate(id.trim_end_matches('-').len());
    if id.is_empty() {
        id.push_str("scenario");
    }
    id
}

/// A scenario file's field in words, for its errors: the case's fields in
/// the case's words.
pub fn field_label(path: &str) -> String {
    if let Some(rest) = path.strip_prefix("case.") {
        return format!("{} (in the case)", crate::fields::label(rest));
    }
    let item = |prefix: &str| -> Option<usize> {
        let rest = path.strip_prefix(prefix)?.strip_prefix('[')?;
        rest.split(']').next()?.parse::<usize>().ok().map(|i| i + 1)
    };
    if let Some(n) = item("learning_points") {
        return format!("Learning point {n}");
    }
    if let Some(n) = item("citations") {
        return format!("Source {n}");
    }
    if let Some(n) = item("topics") {
        return format!("Topic {n}");
    }
    if let Some(n) = item("expect.flags") {
        return format!("Expected flag {n}");
    }
    if let Some(step) = path.strip_prefix("expect.steps.") {
        return format!("Expected state of step {step}");
    }
    match path {
        "" => "The whole file",
        "schema" => "Format",
        "id" => "Scenario id",
        "title" => "Title",
        "narrative" => "Narrative",
        "learning_points" => "Learning points",
        "topics" => "Topics",
        "minutes" => "Length in minutes",
        "citations" => "Sources",
        "policy" => "The region\u{2019}s policy profile",
        "case" => "The case",
        "expect" => "Expected outcome",
        "expect.status" => "Expected status",
        "expect.steps" => "Expected steps",
        "expect.flags" => "Expected flags",
        _ => return crate::fields::label(path),
    }
    .to_string()
}

fn labelled(errors: Vec<FieldError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| FieldError {
            label: field_label(&e.path),
            message: plain_message(&e.path, e.message),
            ..e
        })
        .collect()
}

/// An unknown id in `expect` in a trainer's words, not serde's list of every
/// id ("unknown variant `F-X`, expected one of …").
fn plain_message(path: &str, message: String) -> String {
    let unknown = message
        .strip_prefix("unknown variant `")
        .and_then(|rest| rest.split('`').next());
    match unknown {
        Some(id) if path.starts_with("expect.flags") => {
            format!("“{id}” is not a flag this checker has")
        }
        Some(id) if path.starts_with("expect.steps") => {
            format!("“{id}” is not a step this checker has")
        }
        Some(id) if path.starts_with("expect.status") => {
            format!("“{id}” is not a status: use qualifies, not-yet, does-not-qualify or check")
        }
        _ => message,
    }
}

/// The numbers of working days a text gives ("5 working days", "sixty
/// working days"), as written.
fn working_day_counts(text: &str) -> Vec<String> {
    const WORDS: [(&str, &str); 8] = [
        ("five", "5"),
        ("ten", "10"),
        ("fifteen", "15"),
        ("twenty", "20"),
        ("twenty-eight", "28"),
        ("thirty", "30"),
        ("forty", "40"),
        ("sixty", "60"),
    ];
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == ','))
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = Vec::new();
    for pair in words.windows(3) {
        let [count, working, days] = pair else {
            continue;
        };
        if *working != "working" || !days.starts_with("day") {
            continue;
        }
        let count = count.replace(',', "");
        if count.bytes().all(|b| b.is_ascii_digit()) {
            found.push(count);
        } else if let Some((_, n)) = WORDS.iter().find(|(w, _)| *w == count) {
            found.push((*n).to_string());
        }
    }
    found
}

/// Every date in `value` (a case, as JSON) after `today`, by path, but for
/// those still to come by their nature.
fn dates_after(
    value: &serde_json::Value,
    today: NaiveDate,
    path: &str,
    out: &mut Vec<(String, NaiveDate)>,
) {
    const STILL_TO_COME: [&str; 3] = ["today", "scheduled_end", "new_due"];
    match value {
        serde_json::Value::Object(fields) => {
            for (key, field) in fields {
                if !STILL_TO_COME.contains(&key.as_str()) {
                    dates_after(field, today, &format!("{path}.{key}"), out);
                }
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                dates_after(item, today, &format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::String(text) => {
            if let Ok(date) = crate::date::parse_iso_date(text) {
                if date > today {
                    out.push((path.to_string(), date));
                }
            }
        }
        _ => {}
    }
}

impl Scenario {
    /// A scenario of `case` (JSON text) with the trainer's words; `expect` is
    /// the engine's outcome, and the case keeps the `today` it was checked on.
    pub fn author(
        case: &str,
        text: ScenarioText,
        checker: &Checker,
        options: &Options,
        clock_today: NaiveDate,
    ) -> Result<Scenario, Vec<FieldError>> {
        let mut errors = Vec::new();
        for (field, value) in [("title", &text.title), ("narrative", &text.narrative)] {
            if value.trim().is_empty() {
                errors.push(FieldError::coded(field, ErrorCode::Required, "required"));
            }
        }
        let checked = checker
            .check(case, options, clock_today)
            .map_err(|e| e.into_iter().map(|e| e.within("case.")).collect::<Vec<_>>());
        let report = match checked {
            Ok(report) if errors.is_empty() => report,
            Ok(_) => return Err(labelled(errors)),
            Err(case_errors) => {
                errors.extend(case_errors);
                return Err(labelled(errors));
            }
        };
        let mut case: serde_json::Value = input::from_json_str(case, "case")?;
        if let Some(fields) = case.as_object_mut() {
            fields.insert("today".into(), report.stamp.today.to_string().into());
        }
        let lines = |list: Vec<String>| -> Vec<String> {
            list.into_iter()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect()
        };
        Ok(Scenario {
            schema: SCENARIO_SCHEMA.into(),
            id: slug(&text.title),
            title: text.title.trim().into(),
            narrative: text.narrative.trim().into(),
            learning_points: lines(text.learning_points),
            topics: lines(text.topics),
            minutes: text.minutes.unwrap_or(DEFAULT_MINUTES),
            citations: Vec::new(),
            policy: None,
            expect: Expect::from_report(&report),
            case,
        })
    }

    /// Reads a scenario file and checks its case: what a session needs.
    pub fn open(text: &str, checker: &Checker) -> Result<Opened, Vec<FieldError>> {
        let scenario = Scenario::from_json(text).map_err(labelled)?;
        let report = scenario.report(checker).map_err(labelled)?;
        let mismatches = scenario.compare(&report);
        Ok(Opened {
            citations: crate::policy::citations(&scenario.citations),
            scenario,
            report,
            mismatches,
        })
    }

    /// Reads a scenario file, every problem with its field.
    pub fn from_json(text: &str) -> Result<Scenario, Vec<FieldError>> {
        let scenario: Scenario = input::from_json_str(text, "scenario")?;
        let mut errors = Vec::new();
        for (field, value) in [
            ("title", &scenario.title),
            ("narrative", &scenario.narrative),
        ] {
            if value.trim().is_empty() {
                errors.push(FieldError::coded(field, ErrorCode::Required, "required"));
            }
        }
        if scenario.schema != SCENARIO_SCHEMA {
            errors.push(
                FieldError::coded(
                    "schema",
                    ErrorCode::UnknownValue,
                    format!("must be \"{SCENARIO_SCHEMA}\""),
                )
                .with("value", scenario.schema.clone()),
            );
        }
        let valid_id = !scenario.id.is_empty()
            && scenario
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid_id {
            errors.push(FieldError::new(
                "id",
                "must be lower-case letters, digits and hyphens",
            ));
        }
        // The outcome must not drift with the clock.
        if scenario
            .case
            .get("today")
            .is_none_or(serde_json::Value::is_null)
        {
            errors.push(FieldError::coded(
                "case.today",
                ErrorCode::Required,
                "required: a scenario's case names its own today",
            ));
        }
        for id in scenario.expect.steps.keys() {
            if id.entry().kind != RuleKind::Step {
                errors.push(FieldError::coded(
                    format!("expect.steps.{id}"),
                    ErrorCode::UnknownValue,
                    "is not a timetable step",
                ));
            }
        }
        for (i, id) in scenario.expect.flags.iter().enumerate() {
            if id.entry().kind != RuleKind::Flag {
                errors.push(FieldError::coded(
                    format!("expect.flags[{i}]"),
                    ErrorCode::UnknownValue,
                    format!("{id} is not a flag"),
                ));
            }
        }
        errors.extend(crate::policy::source_errors(
            "citations",
            &scenario.citations,
        ));
        if let Some(profile) = &scenario.policy {
            let refused = profile.check_loadable().err();
            errors.extend(
                profile
                    .validate()
                    .into_iter()
                    .chain(refused)
                    .map(|e| e.within("policy.")),
            );
        }
        match errors.is_empty() {
            true => Ok(scenario),
            false => Err(errors),
        }
    }

    /// What a scenario in a library must also be, beyond a file that reads
    /// (the rulebook's rules for training material): a learning point that
    /// gives a number of working days other than the window's confirmed 28
    /// says it is the default timetable's, which a region may change; and
    /// nothing in the case is dated after its own today, but for what is
    /// still to come (a scheduled end, an extension's new due date).
    pub fn review(&self) -> Vec<FieldError> {
        let mut problems = Vec::new();
        for (i, point) in self.learning_points.iter().enumerate() {
            let lower = point.to_lowercase();
            let numbers = working_day_counts(&lower);
            if numbers.iter().any(|n| n != "28") && !lower.contains("default timetable") {
                problems.push(FieldError::new(
                    format!("learning_points[{i}]"),
                    format!(
                        "gives {} working days without saying it is the default timetable\u{2019}s (\u{201c}by this tool\u{2019}s default timetable, which your region may change\u{201d})",
                        numbers.join(" and ")
                    ),
                ));
            }
        }
        let today = self
            .case
            .get("today")
            .and_then(serde_json::Value::as_str)
            .and_then(|t| crate::date::parse_iso_date(t).ok());
        if let Some(today) = today {
            let mut later = Vec::new();
            dates_after(&self.case, today, "case", &mut later);
            for (path, date) in later {
                problems.push(FieldError::new(
                    path,
                    format!(
                        "{} is after the case\u{2019}s today ({})",
                        crate::date::long(date),
                        crate::date::long(today)
                    ),
                ));
            }
        }
        labelled(problems)
    }

    /// The engine's report for the scenario's case; its errors under `case.`.
    pub fn report(&self, checker: &Checker) -> Result<Report, Vec<FieldError>> {
        // Every scenario's case names its own today (checked on reading).
        let unused_clock = NaiveDate::default();
        let own;
        let checker = match &self.policy {
            Some(profile) => {
                let mut with_profile = checker.clone();
                with_profile
                    .add_policy(profile.clone())
                    .map_err(|e| vec![e.within("policy.")])?;
                own = with_profile;
                &own
            }
            None => checker,
        };
        checker
            .check(&self.case.to_string(), &Options::default(), unused_clock)
            .map_err(|errors| errors.into_iter().map(|e| e.within("case.")).collect())
    }

    /// How the engine's outcome differs from `expect` (empty when it agrees).
    pub fn compare(&self, report: &Report) -> Vec<Mismatch> {
        let mut found = Vec::new();
        let status = ExpectedStatus::from(report.qualification.status);
        if status != self.expect.status {
            found.push(Mismatch::Status {
                expected: self.expect.status,
                found: status,
            });
        }
        let states: BTreeMap<RuleId, StateKind> = report
            .deadlines
            .iter()
            .map(|d| (d.id, StateKind::from(&d.state)))
            .collect();
        let ids: std::collections::BTreeSet<RuleId> = states
            .keys()
            .chain(self.expect.steps.keys())
            .copied()
            .collect();
        for id in ids {
            let (expected, got) = (
                self.expect.steps.get(&id).copied(),
                states.get(&id).copied(),
            );
            if expected != got {
                found.push(Mismatch::Step {
                    id,
                    expected,
                    found: got,
                });
            }
        }
        let raised: Vec<RuleId> = report.flags.iter().map(|f| f.id).collect();
        for id in &self.expect.flags {
            if !raised.contains(id) {
                found.push(Mismatch::FlagNotRaised { id: *id });
            }
        }
        for id in raised {
            if !self.expect.flags.contains(&id) {
                found.push(Mismatch::FlagRaised { id });
            }
        }
        found
    }
}
