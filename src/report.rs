//! The report (`sfo-check/report@1`): qualification, deadlines, flags, what is
//! missing, and the stamp that says how it was produced.

use crate::date::long;
use crate::policy::{Offset, Status};
use crate::registry::{Cause, Citation, Inaccuracy, RuleId};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

pub const REPORT_SCHEMA: &str = "sfo-check/report@1";

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Report {
    pub schema: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    pub qualification: Qualification,
    pub deadlines: Vec<Deadline>,
    pub flags: Vec<Flag>,
    pub missing: Vec<Missing>,
    pub stamp: Stamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum QualificationStatus {
    Qualifies,
    NotYet,
    DoesNotQualify,
    Check,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Qualification {
    pub status: QualificationStatus,
    /// One sentence answering the question.
    pub summary: String,
    pub reasons: Vec<Reason>,
}

/// What one rule found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// The rule is satisfied.
    Met,
    /// The rule is not satisfied: the case does not qualify.
    NotMet,
    /// The rule cannot be satisfied yet (charge or first appearance pending).
    Pending,
    /// An edge case or missing fact: check with the SFO lead.
    Check,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Reason {
    pub rule: RuleId,
    /// The rule's title, e.g. "Charged and in court".
    pub title: &'static str,
    pub finding: Finding,
    pub text: String,
    pub citations: Vec<Citation>,
    pub status: Status,
    /// The status in words that fit what it marks.
    pub status_text: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Deadline {
    /// The timetable step id, e.g. `D-NOTIFY`.
    pub id: RuleId,
    pub label: String,
    pub counts_from: CountsFrom,
    pub offset: Offset,
    /// e.g. "5 working days after the first court appearance".
    pub rule_text: String,
    pub original_due: Option<NaiveDate>,
    pub current_due: Option<NaiveDate>,
    pub extended: bool,
    /// Whether an extension was asked for on or before the original due date;
    /// absent when none was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension_requested_before_deadline: Option<bool>,
    pub extensions: Vec<ExtensionResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed: Option<NaiveDate>,
    pub state: State,
    /// The state in words, e.g. "Overdue by 3 working days".
    pub state_text: String,
    /// The due date falls in a year whose bank holidays are predicted, not confirmed.
    pub predicted: bool,
    pub status: Status,
    pub status_text: &'static str,
    pub citations: Vec<Citation>,
    /// The id of the policy profile the step comes from.
    pub policy: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CountsFrom {
    pub event: &'static str,
    pub label: String,
    pub date: Option<NaiveDate>,
    /// The anchor has not happened: the date is an earlier step's due date.
    pub projected: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ExtensionResult {
    /// Index in `review.extensions`.
    pub index: usize,
    pub requested: NaiveDate,
    pub decision: crate::case::Decision,
    /// Asked on or before the due date then in force; absent when that step
    /// had no due date yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_deadline: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_due: Option<NaiveDate>,
    /// Granted with working days that run past the calendar's last year: an
    /// error for the case, never a silently dropped extension.
    #[serde(skip)]
    #[schemars(skip)]
    pub beyond_calendar: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum State {
    /// Done, but no due date could be worked out to judge it against.
    Done,
    DoneOnTime,
    DoneLate {
        working_days: i64,
    },
    DueIn {
        working_days: i64,
    },
    DueToday,
    Overdue {
        working_days: i64,
    },
    /// The SFO window is still open.
    Open {
        working_days: i64,
    },
    /// The SFO window has closed.
    Closed {
        working_days: i64,
    },
    /// The step cannot be dated yet.
    Waiting,
    /// The case does not qualify, so the step does not apply.
    NotRequired,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Flag {
    pub id: RuleId,
    pub title: &'static str,
    /// The kinds of inaccuracy (of the five the annual report names) it points to.
    pub kinds: Vec<InaccuracyKind>,
    /// The kind is sfo-check's reading: the report names only a cause.
    pub kind_is_reading: bool,
    pub causes: Vec<CauseText>,
    /// The case facts that raised it.
    pub facts: Vec<Fact>,
    pub check: &'static str,
    pub citations: Vec<Citation>,
    pub status: Status,
    pub status_text: &'static str,
    /// Other flags raised by some of the same facts.
    pub see_also: Vec<RuleId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct InaccuracyKind {
    pub id: Inaccuracy,
    pub number: u8,
    /// A few words, for a key.
    pub name: &'static str,
    pub text: &'static str,
    /// For the one kind no case fact can raise, why no flag points to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
}

impl From<Inaccuracy> for InaccuracyKind {
    fn from(id: Inaccuracy) -> Self {
        InaccuracyKind {
            id,
            number: id.number(),
            name: id.name(),
            text: id.text(),
            note: id.note(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CauseText {
    pub id: Cause,
    pub text: &'static str,
}

impl From<Cause> for CauseText {
    fn from(id: Cause) -> Self {
        CauseText {
            id,
            text: id.text(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Fact {
    /// The case field, e.g. `rosh.overall`, for machines and links.
    pub field: String,
    /// The field in words, e.g. "Overall RoSH level".
    pub label: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Missing {
    pub field: String,
    /// The field in words.
    pub label: String,
    pub why: String,
    pub rules: Vec<RuleId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Stamp {
    pub engine: String,
    pub policy: PolicyStamp,
    pub today: NaiveDate,
    /// Where `today` came from: `option`, `case` or `clock`.
    pub today_source: &'static str,
    pub calendar: CalendarStamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PolicyStamp {
    pub id: String,
    pub title: String,
    pub effective_from: NaiveDate,
    pub sha256: String,
    /// How the profile was chosen, in words.
    pub selected: String,
    /// How the profile was chosen, as data.
    pub selection: PolicySelection,
}

/// How the policy profile was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum PolicySelection {
    /// Named in the options (the page or the command line).
    Options,
    /// Named by the case's `policy` field.
    Case,
    /// The latest profile to take effect on or before `on`, the date of `event`
    /// (`first-court-appearance`, `charged` or `today`).
    InForce { on: NaiveDate, event: &'static str },
    /// No profile had taken effect by `on`: the earliest applies.
    Earliest { on: NaiveDate, event: &'static str },
}

impl PolicySelection {
    /// The choice in words, for the stamp's `selected`.
    pub fn describe(&self) -> String {
        let on_what = |event: &str| match event {
            "first-court-appearance" => "the first court appearance",
            "charged" => "the charge date",
            _ => "today",
        };
        match self {
            PolicySelection::Options => "named in the options".to_string(),
            PolicySelection::Case => "named by the case".to_string(),
            PolicySelection::InForce { on, event } => {
                format!("in force on {} ({})", long(*on), on_what(event))
            }
            PolicySelection::Earliest { on, event } => format!(
                "none was in force on {} ({}), so the earliest profile applies",
                long(*on),
                on_what(event)
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CalendarStamp {
    pub confirmed_from: i32,
    pub confirmed_to: i32,
    pub extra_non_working_days: usize,
    /// A date used in this report falls outside the confirmed years.
    pub predicted_dates_used: bool,
}

impl Report {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
