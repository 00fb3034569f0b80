//! sfo-check: checks Serious Further Offence (SFO) cases in England and Wales
//! probation against the rulebook (`shared/domain/sfo-rules.md`).
//!
//! Data flows one way: case JSON → [`input`] → [`validate`] → evaluation
//! against a [`policy::PolicyProfile`] and the [`calendar`] → [`report::Report`].
//! Nothing here touches JavaScript; the browser bindings live in `wasm`.

pub mod calendar;
pub mod case;
pub mod caseload;
pub mod date;
pub mod deadlines;
pub mod fields;
pub mod flags;
pub mod ics;
pub mod input;
pub mod policy;
pub mod qualification;
pub mod registry;
pub mod report;
pub mod rulebook;
pub mod scenario;
pub mod schema;
pub mod strict;
pub mod text;
mod tracked;
pub mod validate;
pub mod vocab;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

// Safety: a wasm module is single-threaded, so the allocator's lock is never contended.
#[cfg(all(target_arch = "wasm32", feature = "caseload"))]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

use calendar::{is_confirmed_year, FIRST_CONFIRMED_YEAR, LAST_CONFIRMED_YEAR};
use case::Case;
use chrono::{Datelike, NaiveDate};
use input::FieldError;
use policy::{PolicySet, Selection};
use registry::{RuleId, RuleKind};
use report::{CalendarStamp, PolicySelection, PolicyStamp, Report, Stamp, REPORT_SCHEMA};

pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// How a check is run, beyond the case itself.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Overrides the case's `today`.
    pub today: Option<NaiveDate>,
    /// Names the policy profile to use, overriding the case's `policy`.
    pub policy: Option<String>,
}

/// Checks cases against a set of policy profiles prepared once: each read,
/// validated, hashed and its calendar built when it is added, not per check.
/// The CLI, the browser bindings and batch checking share it.
#[derive(Debug, Clone, Default)]
pub struct Checker {
    policies: PolicySet,
}

/// A checker of profiles already read: each is prepared once, when added to the set.
impl From<PolicySet> for Checker {
    fn from(policies: PolicySet) -> Checker {
        Checker { policies }
    }
}

impl Checker {
    /// A checker with the built-in default profile.
    pub fn new() -> Checker {
        Checker::default()
    }

    /// Adds a profile, replacing a loaded one with the same id; one with the
    /// built-in profile's id is refused.
    pub fn add_policy(&mut self, profile: policy::PolicyProfile) -> Result<(), FieldError> {
        self.policies.add(profile)
    }

    /// Reads, validates and adds a profile given as JSON text.
    pub fn add_policy_json(&mut self, text: &str) -> Result<(), Vec<FieldError>> {
        self.add_policy(policy::PolicyProfile::from_json(text)?)
            .map_err(|e| vec![e])
    }

    pub fn policies(&self) -> &PolicySet {
        &self.policies
    }

    pub fn check(
        &self,
        text: &str,
        options: &Options,
        clock_today: NaiveDate,
    ) -> Result<Report, Vec<FieldError>> {
        check_json(text, &self.policies, options, clock_today)
    }

    pub fn validate(
        &self,
        text: &str,
        options: &Options,
        clock_today: NaiveDate,
    ) -> Vec<FieldError> {
        validate_json(text, &self.policies, options, clock_today)
    }

    /// As [`Checker::check`], with the case as read: for what needs its
    /// facts beside the report (a calendar's UIDs).
    pub fn read_and_check(
        &self,
        text: &str,
        options: &Options,
        clock_today: NaiveDate,
    ) -> Result<(Case, Report), Vec<FieldError>> {
        read_and_check_json(text, &self.policies, options, clock_today)
    }

    /// A case's deadlines as an iCalendar file, with the errors `check` gives.
    pub fn calendar_file(
        &self,
        text: &str,
        options: &Options,
        clock_today: NaiveDate,
        ics_options: &ics::IcsOptions,
    ) -> Result<String, Vec<FieldError>> {
        let (case, report) = self.read_and_check(text, options, clock_today)?;
        let mut file = String::from(ics::FILE_START);
        self.write_calendar_events(&mut file, &case, &report, ics_options);
        file.push_str(ics::FILE_END);
        Ok(file)
    }

    /// Appends a checked case's calendar events, its reminders counted by
    /// the calendar of the profile its report used (office closures too).
    pub fn write_calendar_events(
        &self,
        out: &mut String,
        case: &Case,
        report: &Report,
        ics_options: &ics::IcsOptions,
    ) {
        let calendar = self.policies.calendar(&report.stamp.policy.id);
        ics::write_events(out, report, &ics::case_key(case), calendar, ics_options);
    }
}

/// Checks a case given as JSON text. `clock_today` is the current date, used
/// when neither the options nor the case give `today`.
pub fn check_json(
    text: &str,
    policies: &PolicySet,
    options: &Options,
    clock_today: NaiveDate,
) -> Result<Report, Vec<FieldError>> {
    read_and_check_json(text, policies, options, clock_today).map(|(_, report)| report)
}

/// As [`check_json`], with the case as read.
fn read_and_check_json(
    text: &str,
    policies: &PolicySet,
    options: &Options,
    clock_today: NaiveDate,
) -> Result<(Case, Report), Vec<FieldError>> {
    let case = read_case(text, policies, options, clock_today).map_err(capped)?;
    let report = check(&case, policies, options, clock_today).map_err(capped)?;
    Ok((case, report))
}

/// At most [`input::MAX_ERRORS`] errors, then one saying how many more: a
/// person reads the first and fixes them; nothing else grows without bound.
pub fn capped(mut errors: Vec<FieldError>) -> Vec<FieldError> {
    // The reader's own note that it stopped at the cap is kept as it is.
    let reader_stopped = errors.len() == input::MAX_ERRORS + 1
        && errors[input::MAX_ERRORS].code == input::ErrorCode::TooLarge
        && errors[input::MAX_ERRORS].path.is_empty();
    if errors.len() > input::MAX_ERRORS && !reader_stopped {
        let more = errors.len() - input::MAX_ERRORS;
        errors.truncate(input::MAX_ERRORS);
        errors.push(
            FieldError::coded(
                "",
                input::ErrorCode::TooLarge,
                format!("and {more} more errors"),
            )
            .with("more", more.to_string()),
        );
    }
    errors
}

/// Reads a case, reporting every problem at once: what cannot be read, and
/// what is wrong with the rest (unless dropped list items shifted its paths).
fn read_case(
    text: &str,
    policies: &PolicySet,
    options: &Options,
    clock_today: NaiveDate,
) -> Result<Case, Vec<FieldError>> {
    let partial = input::read_partial_str::<Case>(text, "case");
    let (case, mut errors) = match partial.value {
        Some(case) if partial.errors.is_empty() => return Ok(case),
        Some(case) => (case, partial.errors),
        None => return Err(partial.errors),
    };
    if !partial.shifted {
        if let Err(more) = prepare(&case, policies, options, clock_today) {
            input::add_meaning_errors(&mut errors, more);
        }
    }
    Err(errors)
}

/// The errors `check_json` would give, without building the report's JSON.
pub fn validate_json(
    text: &str,
    policies: &PolicySet,
    options: &Options,
    clock_today: NaiveDate,
) -> Vec<FieldError> {
    // Evaluated too: a date worked out past the calendar is an error found
    // only then, and validate must find every error check does.
    capped(match read_case(text, policies, options, clock_today) {
        Ok(case) => check(&case, policies, options, clock_today)
            .err()
            .unwrap_or_default(),
        Err(errors) => errors,
    })
}

struct Prepared<'a> {
    loaded: &'a policy::Loaded,
    selection: PolicySelection,
    today: NaiveDate,
    today_source: &'static str,
}

fn prepare<'a>(
    case: &Case,
    policies: &'a PolicySet,
    options: &Options,
    clock_today: NaiveDate,
) -> Result<Prepared<'a>, Vec<FieldError>> {
    let (today, today_source) = match (options.today, case.today) {
        (Some(today), _) => (today, "option"),
        (None, Some(today)) => (today.get(), "case"),
        (None, None) => (clock_today, "clock"),
    };
    let named = options.policy.as_deref().or(case.policy.as_deref());
    let (on, event) = match (case.offence.first_court_appearance, case.offence.charged) {
        (Some(court), _) => (court.get(), "first-court-appearance"),
        (None, Some(charged)) => (charged.get(), "charged"),
        (None, None) => (today, "today"),
    };
    let (loaded, how) = policies
        .select(named, on)
        .map_err(|message| vec![FieldError::new("policy", message)])?;
    let selection = match how {
        Selection::Named if options.policy.is_some() => PolicySelection::Options,
        Selection::Named => PolicySelection::Case,
        Selection::InForce => PolicySelection::InForce { on, event },
        Selection::Earliest => PolicySelection::Earliest { on, event },
    };
    let errors = validate::validate(case, &loaded.profile, today);
    if errors.is_empty() {
        Ok(Prepared {
            loaded,
            selection,
            today,
            today_source,
        })
    } else {
        Err(errors)
    }
}

/// A missing assessment fact, with the flags the registry says need it.
fn flags_needing(field: &str) -> report::Missing {
    let rules: Vec<RuleId> = registry::RuleId::ALL
        .iter()
        .copied()
        .filter(|id| id.kind() == RuleKind::Flag && id.entry().needs.contains(&field))
        .collect();
    let titles: Vec<String> = rules
        .iter()
        .map(|id| format!("\u{201c}{}\u{201d}", id.title()))
        .collect();
    report::Missing {
        field: field.to_string(),
        label: fields::label(field),
        why: format!("Needed to judge these flags: {}.", titles.join(", ")),
        rules,
    }
}

/// Errors for dates the calendar cannot reach, each on the case field it was
/// counted from: the SFO window or a step's due date counted past the last
/// year covered, or a granted extension running past it. One per field.
fn beyond_calendar(
    case: &Case,
    policy: &policy::PolicyProfile,
    calendar: &calendar::Calendar,
    deadlines: &[report::Deadline],
) -> Vec<FieldError> {
    let error = |path: String, message: String| {
        FieldError::coded(path, input::ErrorCode::OutOfRange, message)
            .with("max", calendar::MAX_YEAR.to_string())
    };
    let after = format!(
        "which is after {}, the last year the calendar covers",
        calendar::MAX_YEAR
    );
    let mut errors = Vec::new();
    if let Some(window) = policy.window_step() {
        for w in qualification::period_windows(case, policy, calendar) {
            if let (Some(_), None) = (w.end, w.close) {
                let field = case.supervision[w.index].end_field();
                errors.push(error(
                    format!("supervision[{}].{field}", w.index),
                    format!(
                        "the SFO window would close {} after the end of supervision, {after}",
                        window.offset.describe()
                    ),
                ));
            }
        }
    }
    for (step, deadline) in policy.timetable.iter().zip(deadlines) {
        if deadline.counts_from.date.is_some() && deadline.original_due.is_none() {
            if let Some(path) = anchor_path(case, policy, step) {
                errors.push(error(
                    path,
                    format!(
                        "\u{201c}{}\u{201d} would be due {} after {}, {after}",
                        deadline.label,
                        step.offset.describe(),
                        deadline.counts_from.label
                    ),
                ));
            }
        }
        for e in deadline.extensions.iter().filter(|e| e.beyond_calendar) {
            errors.push(error(
                format!("review.extensions[{}].extra_working_days", e.index),
                format!(
                    "the new due date would fall after {}, the last year the calendar covers",
                    calendar::MAX_YEAR
                ),
            ));
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    errors.retain(|e| seen.insert(e.path.clone()));
    errors
}

/// The case field a step is counted from, following a step counted from an
/// earlier step's due date back to the date that was entered.
fn anchor_path(case: &Case, policy: &policy::PolicyProfile, step: &policy::Step) -> Option<String> {
    let mut step = step;
    // A chain is never longer than the timetable; the bound keeps a cycle finite.
    for _ in 0..=policy.timetable.len() {
        let path = match step.counts_from {
            policy::Anchor::SupervisionEnd => {
                let (index, period) = case
                    .supervision
                    .iter()
                    .enumerate()
                    .max_by_key(|(_, p)| p.end())?;
                format!("supervision[{index}].{}", period.end_field())
            }
            policy::Anchor::Charged => "offence.charged".into(),
            policy::Anchor::FirstCourtAppearance => "offence.first_court_appearance".into(),
            policy::Anchor::NotificationSubmitted => "review.notification_submitted".into(),
            policy::Anchor::ReviewSubmitted => "review.review_submitted".into(),
        };
        if deadlines::anchor_date(case, step.counts_from).is_some() {
            return Some(path);
        }
        let earlier = step.else_from_due_of.as_ref()?;
        step = policy.timetable.iter().find(|s| s.id == *earlier)?;
    }
    None
}

/// Checks a case that has been read.
pub fn check(
    case: &Case,
    policies: &PolicySet,
    options: &Options,
    clock_today: NaiveDate,
) -> Result<Report, Vec<FieldError>> {
    let Prepared {
        loaded,
        selection,
        today,
        today_source,
    } = prepare(case, policies, options, clock_today)?;
    let (policy, calendar) = (&loaded.profile, &loaded.calendar);
    let outcome = qualification::qualify(case, policy, calendar);
    let deadlines =
        deadlines::deadlines(case, policy, calendar, today, outcome.qualification.status);
    let beyond = beyond_calendar(case, policy, calendar, &deadlines);
    if !beyond.is_empty() {
        return Err(beyond);
    }
    let flags = flags::flags(case, policy, calendar, today);
    let mut missing = outcome.missing;
    for (field, present) in [
        ("rosh.date", case.rosh.date.is_some()),
        ("rosh.overall", case.rosh.overall.is_some()),
    ] {
        if !present && !missing.iter().any(|m| m.field == field) {
            missing.push(flags_needing(field));
        }
    }
    let predicted_dates_used =
        !is_confirmed_year(today.year()) || deadlines.iter().any(|d| d.predicted);
    Ok(Report {
        schema: REPORT_SCHEMA,
        reference: case.reference.clone(),
        qualification: outcome.qualification,
        deadlines,
        flags,
        missing,
        stamp: Stamp {
            engine: format!("sfo-check {ENGINE_VERSION}"),
            policy: PolicyStamp {
                id: policy.id.clone(),
                title: policy.title.clone(),
                effective_from: policy.effective_from.get(),
                sha256: loaded.sha256.clone(),
                selected: selection.describe(),
                selection,
            },
            today,
            today_source,
            calendar: CalendarStamp {
                confirmed_from: FIRST_CONFIRMED_YEAR,
                confirmed_to: LAST_CONFIRMED_YEAR,
                extra_non_working_days: policy.extra_non_working_days.len(),
                predicted_dates_used,
            },
        },
    })
}
