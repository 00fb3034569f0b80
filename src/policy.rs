//! Policy profiles (rulebook §3): the timetable, the offence catalogue, the
//! conditional-review rule, supervision types, review intervals and extra
//! non-working days, each value with its status and source.

use crate::calendar::{Calendar, MAX_WORKING_DAYS, MAX_YEAR, MIN_YEAR};
use crate::case::Level;
use crate::date::Date;
use crate::input::{self, FieldError};
use crate::registry::{Citation, CitationId, OwnedWork, RuleId, RuleKind, Text};
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::sync::OnceLock;

pub const POLICY_SCHEMA: &str = "sfo-check/policy@1";

/// The default profile, built into every binary.
pub const DEFAULT_POLICY_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/default-policy.json"));

/// The offence id a case uses for an offence that is not on the list.
pub const NOT_LISTED: &str = "not-listed";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Stated in the seed document or a public source.
    Confirmed,
    /// A reasonable default not confirmed from current policy text.
    Default,
    /// The concern is in the source, but which facts count is sfo-check's
    /// reading of it: only sfo-check's own rules are marked so, never a
    /// profile's values.
    Reading,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyProfile {
    /// Always `sfo-check/policy@1`.
    pub schema: String,
    pub id: String,
    pub title: String,
    /// The profile applies to cases whose first court appearance (else charge
    /// date, else today) is on or after this date, until a later profile starts.
    pub effective_from: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub timetable: Vec<Step>,
    pub offences: Vec<OffenceEntry>,
    pub conditional_review: ConditionalReview,
    pub supervision_types: Vec<SupervisionType>,
    pub review_intervals: ReviewIntervals,
    #[serde(default)]
    pub extra_non_working_days: Vec<ExtraDay>,
}

/// A value worked out from the data beside it, once. It is no part of that
/// data: it never compares, copies or prints, so two equal profiles are equal
/// whether or not either has been used, and a copy (perhaps to be changed)
/// works its own out.
pub struct Memo<T>(pub OnceLock<T>);

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo(OnceLock::new())
    }
}

impl<T> Clone for Memo<T> {
    fn clone(&self) -> Self {
        Memo(OnceLock::new())
    }
}

impl<T> PartialEq for Memo<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> std::fmt::Debug for Memo<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

/// A step of the SFO timetable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// A timetable step id from the rule registry, e.g. `D-NOTIFY`.
    pub id: RuleId,
    pub label: String,
    pub counts_from: Anchor,
    /// While the anchor event has not happened, count from this earlier step's
    /// current due date instead (the result is marked projected).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub else_from_due_of: Option<RuleId>,
    pub offset: Offset,
    /// The case event that completes the step; none for the SFO window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_by: Option<Completion>,
    pub status: Status,
    /// Where the value comes from: at least one source.
    pub sources: Vec<SourceRef>,
    /// The rule in words, kept with what it was worded from: every check
    /// gives it, and a step changed after wording it is worded again.
    #[serde(skip)]
    #[schemars(skip)]
    pub worded: Memo<(Offset, Anchor, String)>,
}

impl Step {
    /// "5 working days after the first court appearance".
    pub fn rule_text(&self) -> String {
        let word = || {
            let text = format!(
                "{} after {}",
                self.offset.describe(),
                self.counts_from.label()
            );
            (self.offset, self.counts_from, text)
        };
        match self.worded.0.get_or_init(word) {
            (offset, anchor, text) if *offset == self.offset && *anchor == self.counts_from => {
                text.clone()
            }
            _ => word().2,
        }
    }
}

/// Where a value comes from: a source the engine knows (`cite`, e.g.
/// `hmip-sfo-annual-report-2024`) or one of the profile's own (`title`, with
/// `publisher`, `date` and `url` where known).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<CitationId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The section or page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// What the source says, or what is default about the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The citation, built once: every check cites the same sources.
    #[serde(skip)]
    #[schemars(skip)]
    pub cached: Memo<Citation>,
}

impl SourceRef {
    /// A section the cited source does not have (its sections are listed).
    fn section_problem(&self) -> Option<String> {
        let (cite, section) = (self.cite?, self.section.as_deref()?);
        let sections = cite.sections();
        if sections.is_empty() || sections.contains(&section) {
            return None;
        }
        let listed: Vec<String> = sections
            .iter()
            .map(|s| format!("\u{201c}{s}\u{201d}"))
            .collect();
        Some(format!(
            "\u{201c}{}\u{201d} is not a section of {}: its sections are {}",
            crate::text::safe(section),
            cite.work().title,
            listed.join(", ")
        ))
    }

    pub fn citation(&self) -> Citation {
        self.cached.0.get_or_init(|| self.build_citation()).clone()
    }

    fn build_citation(&self) -> Citation {
        let text = |s: &Option<String>| s.clone().map(Text::from);
        let (id, work) = match self.cite {
            Some(cite) => (cite.id().into(), OwnedWork::from(cite.work())),
            None => (
                "".into(),
                OwnedWork {
                    title: self.title.clone().unwrap_or_default().into(),
                    publisher: text(&self.publisher),
                    date: text(&self.date),
                    url: text(&self.url),
                    note: None,
                },
            ),
        };
        Citation::new(id, work, text(&self.section), text(&self.note))
    }
}

/// The citations of a list of sources.
pub fn citations(sources: &[SourceRef]) -> Vec<Citation> {
    sources.iter().map(SourceRef::citation).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Anchor {
    SupervisionEnd,
    Charged,
    FirstCourtAppearance,
    NotificationSubmitted,
    ReviewSubmitted,
}

impl Anchor {
    pub const ALL: [Anchor; 5] = [
        Anchor::SupervisionEnd,
        Anchor::Charged,
        Anchor::FirstCourtAppearance,
        Anchor::NotificationSubmitted,
        Anchor::ReviewSubmitted,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Anchor::SupervisionEnd => "the end of supervision",
            Anchor::Charged => "the charge",
            Anchor::FirstCourtAppearance => "the first court appearance",
            Anchor::NotificationSubmitted => "the notification being submitted",
            Anchor::ReviewSubmitted => "the review being submitted",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Completion {
    NotificationSubmitted,
    ReviewSubmitted,
    QaCompleted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Offset {
    pub amount: u32,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    WorkingDays,
    CalendarDays,
    Weeks,
    Months,
}

impl Unit {
    pub const ALL: [Unit; 4] = [
        Unit::WorkingDays,
        Unit::CalendarDays,
        Unit::Weeks,
        Unit::Months,
    ];

    /// The unit's words for one and for many.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Unit::WorkingDays => ("working day", "working days"),
            Unit::CalendarDays => ("calendar day", "calendar days"),
            Unit::Weeks => ("week", "weeks"),
            Unit::Months => ("month", "months"),
        }
    }
}

impl OffenceGroup {
    pub fn label(self) -> &'static str {
        match self {
            OffenceGroup::A => "A: review always required",
            OffenceGroup::B => "B: review only if the condition holds",
        }
    }
}

impl ReviewIntervals {
    /// Each interval's field and what it is, in the profile's order.
    pub const NAMES: [(&'static str, &'static str); 4] = [
        (
            "high_or_very_high",
            "Between assessments at High or Very High RoSH",
        ),
        ("other", "Between assessments at Low or Medium RoSH"),
        (
            "after_release",
            "For an assessment after release on licence",
        ),
        (
            "newly_qualified_months",
            "An assessor counts as newly qualified for",
        ),
    ];

    pub fn named(&self) -> [(&'static str, &'static str, &Interval); 4] {
        let [a, b, c, d] = Self::NAMES;
        [
            (a.0, a.1, &self.high_or_very_high),
            (b.0, b.1, &self.other),
            (c.0, c.1, &self.after_release),
            (d.0, d.1, &self.newly_qualified_months),
        ]
    }
}

impl Offset {
    /// The date `self` after `start` on `calendar`; `None` out of range.
    /// The date `self` after `start`; `None` when it would fall outside the
    /// years the calendar covers, whatever the unit, so no date is ever given
    /// that the calendar cannot count working days to.
    pub fn apply(&self, calendar: &Calendar, start: NaiveDate) -> Option<NaiveDate> {
        match self.unit {
            Unit::WorkingDays => calendar.add_working_days(start, self.amount),
            Unit::CalendarDays => start.checked_add_days(chrono::Days::new(self.amount.into())),
            Unit::Weeks => start.checked_add_days(chrono::Days::new(u64::from(self.amount) * 7)),
            Unit::Months => start.checked_add_months(chrono::Months::new(self.amount)),
        }
        .filter(|date| (MIN_YEAR..=MAX_YEAR).contains(&date.year()))
    }

    pub fn describe(&self) -> String {
        let (one, many) = self.unit.words();
        format!(
            "{} {}",
            self.amount,
            if self.amount == 1 { one } else { many }
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum OffenceGroup {
    /// Mandatory review.
    A,
    /// Review only when the conditional-review rule holds.
    B,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OffenceEntry {
    pub id: String,
    pub name: String,
    pub group: OffenceGroup,
    pub status: Status,
    /// Where the value comes from: at least one source.
    pub sources: Vec<SourceRef>,
}

/// `Q-CONDITIONAL`: when a group B offence needs a review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConditionalReview {
    /// The lowest RoSH level, at the time of the offence, that requires a review.
    pub min_rosh: Level,
    /// MAPPA levels that require a review.
    pub mappa_levels: Vec<u8>,
    pub status: Status,
    /// Where the value comes from: at least one source.
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Counts {
    /// Supervision of this type counts for `Q-WINDOW`.
    Yes,
    /// An edge case: the answer is "check with your SFO lead".
    Check,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SupervisionType {
    pub id: String,
    pub name: String,
    pub counts: Counts,
    /// Supervision of this type starts on release from custody (a licence), so
    /// `F-NO-POST-RELEASE-ASSESSMENT` applies.
    #[serde(default, skip_serializing_if = "is_false")]
    pub starts_on_release: bool,
    /// A period of this type may have no end (an indeterminate sentence's
    /// licence); for other types a missing end is a missing fact.
    #[serde(default, skip_serializing_if = "is_false")]
    pub may_have_no_end: bool,
    /// Why a `check` type needs a decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub status: Status,
    /// Where the value comes from: at least one source.
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewIntervals {
    /// Longest gap between assessments at High or Very High RoSH.
    pub high_or_very_high: Interval,
    /// Longest gap between assessments at Low or Medium RoSH.
    pub other: Interval,
    /// Time allowed after release on licence for a new assessment.
    pub after_release: Interval,
    /// Months after qualifying that an assessor counts as newly qualified.
    pub newly_qualified_months: Interval,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interval {
    pub amount: u32,
    pub unit: Unit,
    pub status: Status,
    /// Where the value comes from: at least one source.
    pub sources: Vec<SourceRef>,
}

impl Interval {
    pub fn offset(&self) -> Offset {
        Offset {
            amount: self.amount,
            unit: self.unit,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtraDay {
    pub date: Date,
    pub name: String,
    pub status: Status,
    /// Where the value comes from: at least one source.
    pub sources: Vec<SourceRef>,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl PolicyProfile {
    /// Reads and validates a profile, reporting every bad field.
    pub fn from_json(text: &str) -> Result<PolicyProfile, Vec<FieldError>> {
        let partial = input::read_partial_str::<PolicyProfile>(text, "policy profile");
        let mut errors = partial.errors;
        let Some(profile) = partial.value else {
            return Err(errors);
        };
        // What could be read is checked too, so every problem shows at once
        // (unless dropped list items shifted the paths).
        if errors.is_empty() || !partial.shifted {
            input::add_meaning_errors(&mut errors, profile.validate());
        }
        if errors.is_empty() {
            Ok(profile)
        } else {
            Err(errors)
        }
    }

    /// The built-in default profile.
    pub fn default_profile() -> PolicyProfile {
        // The file is checked by tests; a broken build-in is a build defect.
        PolicyProfile::from_json(DEFAULT_POLICY_JSON).expect("built-in policy profile is valid")
    }

    /// Whether the profile may be loaded beside the built-in one: never
    /// with its id, since a report naming the built-in profile's id must mean
    /// the built-in profile's timetable.
    pub fn check_loadable(&self) -> Result<(), FieldError> {
        let built_in_id = &built_in().profile.id;
        if &self.id != built_in_id {
            return Ok(());
        }
        Err(FieldError::coded(
            "id",
            input::ErrorCode::Duplicate,
            format!("\u{201c}{built_in_id}\u{201d} is the built-in profile\u{2019}s id: give this profile an id of its own, so that every date worked out names the timetable it came from"),
        )
        .with("value", built_in_id.as_str()))
    }

    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut error = |path: String, message: &str| errors.push(FieldError::new(path, message));
        if self.schema != POLICY_SCHEMA {
            error(
                "schema".into(),
                &format!("must be \"{POLICY_SCHEMA}\", got \"{}\"", self.schema),
            );
        }
        if self.id.trim().is_empty() {
            error("id".into(), "must not be empty");
        }
        if self.title.trim().is_empty() {
            error("title".into(), "must not be empty");
        }
        let mut step_ids = HashSet::new();
        let mut completions = HashSet::new();
        let mut window_steps = 0;
        for (i, step) in self.timetable.iter().enumerate() {
            let at = |field: &str| format!("timetable[{i}].{field}");
            if step.id.kind() != RuleKind::Step {
                error(
                    at("id"),
                    &format!("\"{}\" is not a timetable step", step.id),
                );
            } else if !step_ids.insert(step.id) {
                error(
                    at("id"),
                    &format!("\"{}\" is used by an earlier step", step.id),
                );
            }
            if step.label.trim().is_empty() {
                error(at("label"), "must not be empty");
            }
            if step.counts_from == Anchor::SupervisionEnd {
                window_steps += 1;
                if step.completed_by.is_some() {
                    error(
                        at("completed_by"),
                        "the SFO window step counts from the end of supervision and has no completion",
                    );
                }
            }
            if let Some(previous) = &step.else_from_due_of {
                let earlier = self.timetable[..i].iter().any(|s| s.id == *previous);
                if !earlier {
                    error(
                        at("else_from_due_of"),
                        &format!("\"{previous}\" is not the id of an earlier step"),
                    );
                }
            }
            if let Some(completion) = step.completed_by {
                if !completions.insert(completion) {
                    error(
                        at("completed_by"),
                        "another step is completed by the same event",
                    );
                }
            }
            check_offset(&mut error, at("offset.amount"), step.offset);
        }
        if window_steps != 1 {
            error(
                "timetable".into(),
                &format!(
                    "needs exactly one step counting from \"supervision-end\" (the SFO window), found {window_steps}"
                ),
            );
        }
        if self.offences.is_empty() {
            error("offences".into(), "must list at least one offence");
        }
        let mut offence_ids = HashSet::new();
        for (i, offence) in self.offences.iter().enumerate() {
            if offence.name.trim().is_empty() {
                error(format!("offences[{i}].name"), "must not be empty");
            }
            let path = format!("offences[{i}].id");
            if offence.id.trim().is_empty() {
                error(path, "must not be empty");
            } else if offence.id == NOT_LISTED {
                error(
                    path,
                    "\"not-listed\" is reserved for offences not on the list",
                );
            } else if !offence_ids.insert(offence.id.as_str()) {
                error(path, &format!("\"{}\" is listed twice", offence.id));
            }
        }
        for (i, level) in self.conditional_review.mappa_levels.iter().enumerate() {
            if !(1..=3).contains(level) {
                error(
                    format!("conditional_review.mappa_levels[{i}]"),
                    "MAPPA levels are 1, 2 or 3",
                );
            }
        }
        if self.supervision_types.is_empty() {
            error("supervision_types".into(), "must list at least one type");
        }
        let mut type_ids = HashSet::new();
        for (i, kind) in self.supervision_types.iter().enumerate() {
            let path = format!("supervision_types[{i}].id");
            if kind.id.trim().is_empty() {
                error(path, "must not be empty");
            } else if !type_ids.insert(kind.id.as_str()) {
                error(path, &format!("\"{}\" is listed twice", kind.id));
            }
        }
        for (name, _, interval) in self.review_intervals.named() {
            check_offset(
                &mut error,
                format!("review_intervals.{name}.amount"),
                interval.offset(),
            );
        }
        if self.review_intervals.newly_qualified_months.unit != Unit::Months {
            error(
                "review_intervals.newly_qualified_months.unit".into(),
                "must be \"months\"",
            );
        }
        for (path, status, sources) in self.all_valued() {
            if status == Status::Reading {
                error(
                    format!("{path}.status"),
                    "\"reading\" marks sfo-check\u{2019}s own readings of a source: a profile\u{2019}s value is \"confirmed\" or \"default\"",
                );
            }
            check_sources(&mut error, format!("{path}.sources"), sources);
        }
        let mut extra_days = HashSet::new();
        for (i, day) in self.extra_non_working_days.iter().enumerate() {
            if !extra_days.insert(day.date) {
                error(
                    format!("extra_non_working_days[{i}].date"),
                    &format!("{} is listed twice", day.date),
                );
            }
        }
        errors
    }

    /// SHA-256 of the profile's canonical JSON, in hex.
    pub fn content_hash(&self) -> String {
        let canonical = serde_json::to_vec(self).unwrap_or_default();
        Sha256::digest(&canonical)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    pub fn calendar(&self) -> Calendar {
        Calendar::new(
            self.extra_non_working_days
                .iter()
                .map(|d| (d.date.get(), d.name.clone())),
        )
    }

    pub fn offence(&self, id: &str) -> Option<&OffenceEntry> {
        self.offences.iter().find(|o| o.id == id)
    }

    pub fn supervision_type(&self, id: &str) -> Option<&SupervisionType> {
        self.supervision_types.iter().find(|t| t.id == id)
    }

    /// The SFO window step (validated to be exactly one).
    pub fn window_step(&self) -> Option<&Step> {
        self.timetable
            .iter()
            .find(|s| s.counts_from == Anchor::SupervisionEnd)
    }

    /// Every value the profile holds with its status and sources, by path.
    fn all_valued(&self) -> Vec<(String, Status, &[SourceRef])> {
        let mut all: Vec<(String, Status, &[SourceRef])> = Vec::new();
        for (i, s) in self.timetable.iter().enumerate() {
            all.push((format!("timetable[{i}]"), s.status, &s.sources));
        }
        for (i, o) in self.offences.iter().enumerate() {
            all.push((format!("offences[{i}]"), o.status, &o.sources));
        }
        let c = &self.conditional_review;
        all.push(("conditional_review".into(), c.status, &c.sources));
        for (i, t) in self.supervision_types.iter().enumerate() {
            all.push((format!("supervision_types[{i}]"), t.status, &t.sources));
        }
        let r = &self.review_intervals;
        for (name, interval) in [
            ("high_or_very_high", &r.high_or_very_high),
            ("other", &r.other),
            ("after_release", &r.after_release),
            ("newly_qualified_months", &r.newly_qualified_months),
        ] {
            all.push((
                format!("review_intervals.{name}"),
                interval.status,
                &interval.sources,
            ));
        }
        for (i, d) in self.extra_non_working_days.iter().enumerate() {
            all.push((format!("extra_non_working_days[{i}]"), d.status, &d.sources));
        }
        all
    }

    pub fn to_pretty_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Each source names a known work (`cite`) or its own (`title`), not both.
fn check_sources(error: &mut impl FnMut(String, &str), path: String, sources: &[SourceRef]) {
    if sources.is_empty() {
        error(path.clone(), "give at least one source");
    }
    for (i, source) in sources.iter().enumerate() {
        match (&source.cite, &source.title) {
            (None, None) => error(
                format!("{path}[{i}]"),
                "give a cite (a known source) or a title",
            ),
            (Some(_), Some(_)) => error(
                format!("{path}[{i}].title"),
                "give either a cite or a title, not both",
            ),
            (None, Some(title)) if title.trim().is_empty() => {
                error(format!("{path}[{i}].title"), "must not be empty")
            }
            _ => {}
        }
        if let Some(problem) = source.section_problem() {
            error(format!("{path}[{i}].section"), &problem);
        }
    }
}

/// Checks the sources of something that is not a profile (a training
/// scenario's), every problem with its path.
pub fn source_errors(path: &str, sources: &[SourceRef]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        if let Some(problem) = source.section_problem() {
            errors.push(FieldError::new(format!("{path}[{i}].section"), problem));
        }
    }
    errors
}

fn check_offset(error: &mut impl FnMut(String, &str), path: String, offset: Offset) {
    let limit = match offset.unit {
        Unit::WorkingDays => MAX_WORKING_DAYS,
        Unit::CalendarDays => 36_500,
        Unit::Weeks => 5_200,
        Unit::Months => 1_200,
    };
    if offset.amount > limit {
        error(
            path,
            &format!("must be at most {}", crate::text::count(limit)),
        );
    }
}

/// Every profile loaded: the built-in default and any the user supplied.
#[derive(Debug, Clone)]
pub struct PolicySet {
    // Shared, so a set with the built-in profile costs a pointer, not a copy.
    loaded: Vec<std::sync::Arc<Loaded>>,
}

/// A profile ready to check cases against: read, validated, hashed and its
/// calendar built, once.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub profile: PolicyProfile,
    /// SHA-256 of the profile's canonical JSON, for the report's stamp.
    pub sha256: String,
    pub calendar: Calendar,
}

impl Loaded {
    pub fn new(profile: PolicyProfile) -> Loaded {
        Loaded {
            sha256: profile.content_hash(),
            calendar: profile.calendar(),
            profile,
        }
    }
}

/// The built-in default profile, read once per process.
fn built_in() -> &'static std::sync::Arc<Loaded> {
    static BUILT_IN: OnceLock<std::sync::Arc<Loaded>> = OnceLock::new();
    BUILT_IN.get_or_init(|| Loaded::new(PolicyProfile::default_profile()).into())
}

impl Default for PolicySet {
    fn default() -> Self {
        PolicySet {
            loaded: vec![built_in().clone()],
        }
    }
}

impl PolicySet {
    /// Adds a profile; on an equal `effective_from`, later additions win. A
    /// profile with the same id as one loaded replaces it, but never the
    /// built-in one: a report naming the built-in profile's id must mean
    /// the built-in profile's timetable.
    pub fn add(&mut self, profile: PolicyProfile) -> Result<(), FieldError> {
        profile.check_loadable()?;
        self.loaded.retain(|l| l.profile.id != profile.id);
        self.loaded.push(Loaded::new(profile).into());
        Ok(())
    }

    pub fn profiles(&self) -> impl Iterator<Item = &PolicyProfile> {
        self.loaded.iter().map(|l| &l.profile)
    }

    /// The working-day calendar of the profile named `id` (its office
    /// closures skipped too), or the built-in profile's.
    pub fn calendar(&self, id: &str) -> &Calendar {
        self.loaded
            .iter()
            .find(|l| l.profile.id == id)
            .map_or(&built_in().calendar, |l| &l.calendar)
    }

    /// The profile named `id`, or else the one in force on `on`: the latest
    /// `effective_from` on or before it (the earliest profile if none is).
    pub fn select(&self, id: Option<&str>, on: NaiveDate) -> Result<(&Loaded, Selection), String> {
        if let Some(id) = id {
            return self
                .loaded
                .iter()
                .find(|l| l.profile.id == id)
                .map(|l| (&**l, Selection::Named))
                .ok_or_else(|| {
                    let known: Vec<&str> = self.profiles().map(|p| p.id.as_str()).collect();
                    format!(
                        "no policy profile \"{id}\" is loaded (loaded: {})",
                        known.join(", ")
                    )
                });
        }
        let in_force = self
            .loaded
            .iter()
            .enumerate()
            .filter(|(_, l)| l.profile.effective_from.get() <= on)
            .max_by_key(|(i, l)| (l.profile.effective_from, *i))
            .map(|(_, l)| (&**l, Selection::InForce));
        in_force
            .or_else(|| {
                let earliest = self
                    .loaded
                    .iter()
                    .min_by_key(|l| l.profile.effective_from)?;
                Some((&**earliest, Selection::Earliest))
            })
            .ok_or_else(|| "no policy profile is loaded".to_string())
    }
}

/// How [`PolicySet::select`] chose a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// Named by the case or the options.
    Named,
    /// The latest to take effect on or before the date.
    InForce,
    /// None had taken effect by the date: the earliest.
    Earliest,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_profile_is_valid_and_complete() {
        let profile = PolicyProfile::default_profile();
        assert_eq!(profile.validate(), vec![]);
        let ids: Vec<&str> = profile.timetable.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["D-WINDOW-CLOSE", "D-NOTIFY", "D-REVIEW", "D-QA"]);
        assert_eq!(profile.window_step().unwrap().offset.amount, 28);
        assert!(profile.offence("murder").is_some());
        assert_eq!(profile.content_hash().len(), 64);
    }

    #[test]
    fn rejects_each_bad_field() {
        let mut value: serde_json::Value = serde_json::from_str(DEFAULT_POLICY_JSON).unwrap();
        value["schema"] = "sfo-check/policy@9".into();
        value["timetable"][1]["id"] = "D-WINDOW-CLOSE".into();
        value["timetable"][2]["offset"]["unit"] = "fortnights".into();
        value["offences"][0]["group"] = "C".into();
        value["conditional_review"]["mappa_levels"] = serde_json::json!([2, 4]);
        value["review_intervals"]["other"]["amount"] = serde_json::json!(-1);
        let errors = PolicyProfile::from_json(&value.to_string()).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "timetable[2].offset.unit",
                "offences[0].group",
                "review_intervals.other.amount"
            ],
            "{errors:?}"
        );
        // Once the document reads, the semantic checks name every field.
        value["timetable"][2]["offset"]["unit"] = "working-days".into();
        value["offences"][0]["group"] = "A".into();
        value["review_intervals"]["other"]["amount"] = 26.into();
        let errors = PolicyProfile::from_json(&value.to_string()).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "schema",
                "timetable[1].id",
                "timetable[2].else_from_due_of",
                "conditional_review.mappa_levels[1]"
            ],
            "{errors:?}"
        );
    }

    #[test]
    fn read_and_meaning_errors_come_together() {
        let mut value: serde_json::Value = serde_json::from_str(DEFAULT_POLICY_JSON).unwrap();
        value["schema"] = "sfo-check/policy@2".into();
        value["colour"] = "blue".into();
        let errors = PolicyProfile::from_json(&value.to_string()).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["colour", "schema"], "{errors:?}");
    }

    #[test]
    fn offsets_are_bounded_for_each_unit() {
        let limits: [(&str, u32); 4] = [
            ("working-days", 100_000),
            ("calendar-days", 36_500),
            ("weeks", 5_200),
            ("months", 1_200),
        ];
        for (unit, limit) in limits {
            let mut value: serde_json::Value = serde_json::from_str(DEFAULT_POLICY_JSON).unwrap();
            value["timetable"][1]["offset"] = serde_json::json!({"amount": limit, "unit": unit});
            assert!(
                PolicyProfile::from_json(&value.to_string()).is_ok(),
                "{unit} at {limit}"
            );
            value["timetable"][1]["offset"]["amount"] = (limit + 1).into();
            value["review_intervals"]["other"]["amount"] = (limit + 1).into();
            value["review_intervals"]["other"]["unit"] = unit.into();
            let errors = PolicyProfile::from_json(&value.to_string()).unwrap_err();
            let found: Vec<(&str, &str)> = errors
                .iter()
                .map(|e| (e.path.as_str(), e.message.as_str()))
                .collect();
            let message = format!("must be at most {}", crate::text::count(limit));
            assert_eq!(
                found,
                [
                    ("timetable[1].offset.amount", message.as_str()),
                    ("review_intervals.other.amount", message.as_str())
                ],
                "{unit}"
            );
        }
    }

    #[test]
    fn the_pretty_json_reads_back_as_the_same_profile() {
        let profile = PolicyProfile::default_profile();
        let text = profile.to_pretty_json();
        // The same document as the file, flags left out where false.
        let file: serde_json::Value = serde_json::from_str(DEFAULT_POLICY_JSON).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            file
        );
        assert!(text.contains("\n  \"id\": \"ew-default-2024\""));
        assert_eq!(PolicyProfile::from_json(&text), Ok(profile));
    }

    #[test]
    fn missing_fields_are_named() {
        let errors = PolicyProfile::from_json(r#"{"schema":"sfo-check/policy@1"}"#).unwrap_err();
        assert_eq!(errors[0].path, "id");
        assert_eq!(errors[0].message, "required, but missing");
    }

    #[test]
    fn selects_the_profile_in_force() {
        let mut set = PolicySet::default();
        let mut later = PolicyProfile::default_profile();
        later.id = "region-2025".into();
        later.effective_from = Date(NaiveDate::from_ymd_opt(2025, 4, 1).unwrap());
        set.add(later.clone()).unwrap();
        let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let default_id = PolicyProfile::default_profile().id;
        let ids = |set: &PolicySet| set.profiles().map(|p| p.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&set), [default_id.clone(), "region-2025".to_string()]);
        // No loaded profile takes the built-in one's id...
        let refused = set
            .clone()
            .add(PolicyProfile::default_profile())
            .unwrap_err();
        assert_eq!(
            (refused.path.as_str(), refused.code),
            ("id", input::ErrorCode::Duplicate)
        );
        // ...but a loaded profile with a loaded one's id replaces it.
        let mut corrected = later.clone();
        corrected.title = "Corrected".into();
        let mut regional = set.clone();
        regional.add(corrected).unwrap();
        assert_eq!(ids(&regional), ids(&set));
        assert_eq!(regional.profiles().nth(1).unwrap().title, "Corrected");
        let chosen = |id: Option<&str>, date| {
            let (profile, how) = set.select(id, date).unwrap();
            (profile.profile.id.clone(), how)
        };
        assert_eq!(
            chosen(None, on(2025, 3, 31)),
            (default_id.clone(), Selection::InForce)
        );
        assert_eq!(
            chosen(None, on(2025, 4, 1)),
            ("region-2025".to_string(), Selection::InForce)
        );
        assert_eq!(
            chosen(Some(&default_id), on(2025, 6, 1)),
            (default_id.clone(), Selection::Named)
        );
        assert_eq!(
            chosen(None, on(1994, 12, 31)),
            (default_id.clone(), Selection::Earliest)
        );
        assert!(set
            .select(Some("nowhere"), on(2025, 6, 1))
            .unwrap_err()
            .contains("no policy profile \"nowhere\""));
    }
}
