//! Checks a case that has been read: dates in order, ids known to the policy
//! profile, numbers in range. Every problem names its field.

use crate::calendar::{MAX_WORKING_DAYS, MAX_YEAR, MIN_YEAR};
use crate::case::{Case, Decision, CASE_SCHEMA};
use crate::date::long;
use crate::date::Date;
use crate::fields;
use crate::input::{ErrorCode, FieldError};
use crate::policy::{PolicyProfile, NOT_LISTED};
use chrono::{Datelike, NaiveDate};

/// The same words the reader uses for a missing required field.
const REQUIRED: &str = "required, but missing";

/// "supervision[0].scheduled_end" → "scheduled end date": the field's name
/// without its list position, for naming the other date in a message.
fn field_words(path: &str) -> &'static str {
    fields::info(&fields::pattern(path)).map_or("other date", |f| f.name)
}

/// A field's path, written out only for an error: validation runs on every
/// check, and nearly every case has none.
#[derive(Clone, Copy)]
enum Path {
    Field(&'static str),
    /// `list[index].field`
    Item(&'static str, usize, &'static str),
}

impl Path {
    fn text(self) -> String {
        match self {
            Path::Field(path) => path.to_string(),
            Path::Item(list, index, field) => format!("{list}[{index}].{field}"),
        }
    }
}

impl From<Path> for String {
    fn from(path: Path) -> String {
        path.text()
    }
}

impl From<&'static str> for Path {
    fn from(path: &'static str) -> Self {
        Path::Field(path)
    }
}

struct Checker {
    errors: Vec<FieldError>,
    today: NaiveDate,
}

impl Checker {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError::new(path, message));
    }

    fn coded(
        &mut self,
        path: impl Into<String>,
        code: ErrorCode,
        message: impl Into<String>,
    ) -> &mut FieldError {
        self.errors.push(FieldError::coded(path, code, message));
        self.errors.last_mut().expect("just pushed")
    }

    /// `later` must not come before `earlier`; the message names the other date.
    fn order(
        &mut self,
        earlier: (Option<Date>, impl Into<Path>),
        later: (Option<Date>, impl Into<Path>),
        what: &str,
    ) {
        if let (Some(a), Some(b)) = (earlier.0, later.0) {
            if b < a {
                let earlier_path = earlier.1.into().text();
                let name = field_words(&earlier_path);
                let e = self.coded(
                    later.1.into().text(),
                    ErrorCode::OutOfOrder,
                    format!("{what} (the {name} is {})", long(a.get())),
                );
                e.params.insert("other", earlier_path);
                e.params.insert("other_date", a.to_string());
            }
        }
    }

    fn required<T>(&mut self, value: &Option<T>, path: Path) {
        if value.is_none() {
            self.coded(path.text(), ErrorCode::Required, REQUIRED);
        }
    }

    /// A date for something that has happened must not be after today.
    fn not_future(&mut self, date: Option<Date>, path: impl Into<Path>) {
        if let Some(date) = date {
            if date.get() > self.today {
                let today = self.today;
                let e = self.coded(
                    path.into().text(),
                    ErrorCode::InFuture,
                    format!(
                        "{} is in the future (today is {})",
                        long(date.get()),
                        long(today)
                    ),
                );
                e.params.insert("today", today.to_string());
            }
        }
    }
}

/// Every date in the case, with its path, for the range check.
fn all_dates(case: &Case) -> Vec<(Path, Date)> {
    let mut dates: Vec<(Path, Option<Date>)> = vec![("today".into(), case.today)];
    for (i, p) in case.supervision.iter().enumerate() {
        dates.push((Path::Item("supervision", i, "start"), p.start));
        dates.push((
            Path::Item("supervision", i, "scheduled_end"),
            p.scheduled_end,
        ));
        dates.push((Path::Item("supervision", i, "terminated"), p.terminated));
    }
    let o = &case.offence;
    dates.extend([
        ("offence.alleged_from".into(), o.alleged_from),
        ("offence.alleged_to".into(), o.alleged_to),
        ("offence.charged".into(), o.charged),
        (
            "offence.first_court_appearance".into(),
            o.first_court_appearance,
        ),
        ("offence.charges_dropped".into(), o.charges_dropped),
        (
            "review.notification_submitted".into(),
            case.review.notification_submitted,
        ),
        (
            "review.review_submitted".into(),
            case.review.review_submitted,
        ),
        ("review.qa_completed".into(), case.review.qa_completed),
        ("rosh.date".into(), case.rosh.date),
        ("rosh.previous.date".into(), case.rosh.previous.date),
        (
            "rosh.domestic_abuse_enquiry.requested".into(),
            case.rosh.domestic_abuse_enquiry.requested,
        ),
        (
            "rosh.domestic_abuse_enquiry.completed".into(),
            case.rosh.domestic_abuse_enquiry.completed,
        ),
        (
            "rosh.safeguarding_enquiry.requested".into(),
            case.rosh.safeguarding_enquiry.requested,
        ),
        (
            "rosh.safeguarding_enquiry.completed".into(),
            case.rosh.safeguarding_enquiry.completed,
        ),
    ]);
    for (i, e) in case.review.extensions.iter().enumerate() {
        dates.push((Path::Item("review.extensions", i, "requested"), e.requested));
        dates.push((Path::Item("review.extensions", i, "decided"), e.decided));
        dates.push((Path::Item("review.extensions", i, "new_due"), e.new_due));
    }
    for (i, c) in case.circumstances.custody_incidents.iter().enumerate() {
        dates.push((
            Path::Item("circumstances.custody_incidents", i, "date"),
            c.date,
        ));
    }
    for (i, b) in case
        .circumstances
        .non_convicted_behaviour
        .iter()
        .enumerate()
    {
        dates.push((
            Path::Item("circumstances.non_convicted_behaviour", i, "date"),
            b.date,
        ));
    }
    for (i, e) in case.events.iter().enumerate() {
        dates.push((Path::Item("events", i, "date"), e.date));
    }
    dates
        .into_iter()
        .filter_map(|(path, date)| date.map(|d| (path, d)))
        .collect()
}

/// Checks `case` against `policy`, with `today` the date the case is assessed on.
pub fn validate(case: &Case, policy: &PolicyProfile, today: NaiveDate) -> Vec<FieldError> {
    // Too many rows: the one thing to fix, before thousands of others.
    if let Some(error) = case.too_many_rows() {
        return vec![error];
    }
    let mut c = Checker {
        errors: Vec::new(),
        today,
    };
    if let Some(schema) = &case.schema {
        if schema != CASE_SCHEMA {
            c.error(
                "schema",
                format!("this version reads \"{CASE_SCHEMA}\", not \"{schema}\""),
            );
        }
    }
    for (path, date) in all_dates(case) {
        if !(MIN_YEAR..=MAX_YEAR).contains(&date.get().year()) {
            let e = c.coded(
                path,
                ErrorCode::OutOfRange,
                format!(
                    "{} is outside the years this tool covers ({MIN_YEAR} to {MAX_YEAR})",
                    long(date.get())
                ),
            );
            e.params.insert("min", MIN_YEAR.to_string());
            e.params.insert("max", MAX_YEAR.to_string());
        }
    }
    if !c.errors.is_empty() {
        // Later checks compare dates; out-of-range ones would only repeat the point.
        return c.errors;
    }

    for (i, period) in case.supervision.iter().enumerate() {
        let at = |field| Path::Item("supervision", i, field);
        c.required(&period.kind, at("type"));
        c.required(&period.start, at("start"));
        let kind = period.kind.as_deref().unwrap_or_default();
        if period.kind.is_some() && policy.supervision_type(kind).is_none() {
            let known: Vec<&str> = policy
                .supervision_types
                .iter()
                .map(|t| t.id.as_str())
                .collect();
            c.coded(
                at("type").text(),
                ErrorCode::UnknownValue,
                format!(
                    "\"{}\" is not a supervision type in policy profile {} (one of: {})",
                    kind,
                    policy.id,
                    known.join(", ")
                ),
            )
            .params
            .insert("value", kind.to_string());
        }
        let start = period.start;
        c.order(
            (start, at("start")),
            (period.scheduled_end, at("scheduled_end")),
            "ends before it starts",
        );
        c.order(
            (start, at("start")),
            (period.terminated, at("terminated")),
            "terminated before it starts",
        );
        if let (Some(end), Some(terminated)) = (period.scheduled_end, period.terminated) {
            if terminated > end && period.start.is_none_or(|start| terminated >= start) {
                c.coded(
                    at("terminated").text(),
                    ErrorCode::OutOfOrder,
                    format!(
                        "{} is after the scheduled end ({}); early termination comes before it",
                        long(terminated.get()),
                        long(end.get())
                    ),
                );
            }
        }
    }

    let o = &case.offence;
    if let Some(id) = &o.id {
        if id != NOT_LISTED && policy.offence(id).is_none() {
            c.coded(
                "offence.id",
                ErrorCode::UnknownValue,
                format!(
                    "\"{id}\" is not in the offence catalogue of policy profile {}; use \"{NOT_LISTED}\" for an offence not on the list",
                    policy.id
                ),
            );
        }
    }
    if o.alleged_to.is_some() && o.alleged_from.is_none() {
        c.error(
            "offence.alleged_to",
            "the last day of a date range needs its first day (the alleged date)",
        );
    }
    c.order(
        (o.alleged_from, "offence.alleged_from"),
        (o.alleged_to, "offence.alleged_to"),
        "the range ends before it starts",
    );
    c.order(
        (o.alleged_from, "offence.alleged_from"),
        (o.charged, "offence.charged"),
        "charged before the alleged offence",
    );
    c.order(
        (o.charged, "offence.charged"),
        (o.first_court_appearance, "offence.first_court_appearance"),
        "the court appearance is before the charge",
    );
    c.order(
        (o.charged, "offence.charged"),
        (o.charges_dropped, "offence.charges_dropped"),
        "charges dropped before they were brought",
    );
    if let (Some(dropped), Some(court)) = (o.charges_dropped, o.first_court_appearance) {
        if court > dropped {
            c.coded(
                "offence.first_court_appearance",
                ErrorCode::OutOfOrder,
                format!(
                    "the first court appearance is after the charges were dropped ({})",
                    long(dropped.get())
                ),
            );
        }
    }
    let r = &case.review;
    c.order(
        (o.first_court_appearance, "offence.first_court_appearance"),
        (r.notification_submitted, "review.notification_submitted"),
        "the notification is before the first court appearance",
    );
    c.order(
        (r.notification_submitted, "review.notification_submitted"),
        (r.review_submitted, "review.review_submitted"),
        "the review is submitted before the notification",
    );
    c.order(
        (r.review_submitted, "review.review_submitted"),
        (r.qa_completed, "review.qa_completed"),
        "quality assurance is completed before the review is submitted",
    );
    for (i, ext) in r.extensions.iter().enumerate() {
        let at = |field| Path::Item("review.extensions", i, field);
        c.required(&ext.step, at("step"));
        c.required(&ext.requested, at("requested"));
        if let Some(id) = &ext.step {
            match policy.timetable.iter().find(|s| s.id.as_str() == id) {
                None => c.errors.push(FieldError::coded(
                    at("step"),
                    ErrorCode::UnknownValue,
                    format!(
                        "\"{id}\" is not a timetable step in policy profile {}",
                        policy.id
                    ),
                )),
                Some(step) if step.completed_by.is_none() => {
                    c.error(at("step"), format!("{id} cannot be extended"))
                }
                Some(_) => {}
            }
        }
        if ext.extra_working_days.is_some_and(|n| n > MAX_WORKING_DAYS) {
            c.coded(
                at("extra_working_days"),
                ErrorCode::OutOfRange,
                format!(
                    "must be at most {} working days",
                    crate::text::count(MAX_WORKING_DAYS)
                ),
            )
            .params
            .insert("max", MAX_WORKING_DAYS.to_string());
        }
        if ext.new_due.is_some() && ext.extra_working_days.is_some() {
            c.coded(
                at("extra_working_days"),
                ErrorCode::Conflict,
                "give either a new due date or extra working days, not both",
            );
        }
        if ext.decision != Decision::Granted
            && (ext.new_due.is_some() || ext.extra_working_days.is_some())
        {
            c.coded(
                at("decision"),
                ErrorCode::Conflict,
                "a new due date or extra days is given, but the extension is not granted",
            );
        }
        c.order(
            (ext.requested, at("requested")),
            (ext.decided, at("decided")),
            "decided before it was requested",
        );
        c.order(
            (ext.requested, at("requested")),
            (ext.new_due, at("new_due")),
            "the new due date is before the request",
        );
        c.not_future(ext.requested, at("requested"));
        c.not_future(ext.decided, at("decided"));
    }

    let rosh = &case.rosh;
    c.order(
        (rosh.previous.date, "rosh.previous.date"),
        (rosh.date, "rosh.date"),
        "the latest assessment is before the previous one",
    );
    if rosh.previous.date.is_some() && rosh.previous.date == rosh.date {
        c.coded(
            "rosh.previous.date",
            ErrorCode::Conflict,
            "the previous assessment has the same date as the latest",
        );
    }
    for (name, enquiry, requested, completed) in [
        (
            "domestic_abuse_enquiry",
            &rosh.domestic_abuse_enquiry,
            "rosh.domestic_abuse_enquiry.requested",
            "rosh.domestic_abuse_enquiry.completed",
        ),
        (
            "safeguarding_enquiry",
            &rosh.safeguarding_enquiry,
            "rosh.safeguarding_enquiry.requested",
            "rosh.safeguarding_enquiry.completed",
        ),
    ] {
        c.order(
            (enquiry.requested, requested),
            (enquiry.completed, completed),
            "completed before it was requested",
        );
        if enquiry.completed.is_some() && !enquiry.is_completed() {
            c.coded(
                format!("rosh.{name}.status"),
                ErrorCode::Conflict,
                "a completion date is given, so the status should be \u{201c}Completed\u{201d}",
            );
        }
    }
    if rosh.setting == Some(crate::case::Setting::Community) && rosh.groups.prisoners.is_some() {
        c.coded(
            "rosh.groups.prisoners",
            ErrorCode::Conflict,
            "prisoners are rated only in a custody assessment",
        );
    }
    if let Some(months) = rosh.assessor.months_qualified {
        if months > 600 {
            c.coded(
                "rosh.assessor.months_qualified",
                ErrorCode::OutOfRange,
                "must be at most 600 months",
            )
            .params
            .insert("max", "600".into());
        }
    }
    let mappa = &case.circumstances.mappa;
    if let Some(category) = mappa.category {
        if !(1..=4).contains(&category) {
            c.coded(
                "circumstances.mappa.category",
                ErrorCode::OutOfRange,
                "MAPPA categories are 1 to 4",
            );
        }
    }
    if let Some(level) = mappa.level {
        if !(1..=3).contains(&level) {
            c.coded(
                "circumstances.mappa.level",
                ErrorCode::OutOfRange,
                "MAPPA levels are 1 to 3",
            );
        }
    }
    let circumstances = &case.circumstances;
    for (i, incident) in circumstances.custody_incidents.iter().enumerate() {
        c.required(
            &incident.kind,
            Path::Item("circumstances.custody_incidents", i, "type"),
        );
    }
    for (i, behaviour) in circumstances.non_convicted_behaviour.iter().enumerate() {
        c.required(
            &behaviour.kind,
            Path::Item("circumstances.non_convicted_behaviour", i, "type"),
        );
    }
    for (i, order) in circumstances.orders.iter().enumerate() {
        c.required(&order.kind, Path::Item("circumstances.orders", i, "type"));
        if order.protects.is_empty() {
            c.coded(
                format!("circumstances.orders[{i}].protects"),
                ErrorCode::Required,
                "name at least one group the order protects",
            );
        }
    }

    // Facts that have happened cannot be after today.
    for (date, path) in [
        (o.alleged_from, "offence.alleged_from"),
        (o.alleged_to, "offence.alleged_to"),
        (o.charged, "offence.charged"),
        (o.first_court_appearance, "offence.first_court_appearance"),
        (o.charges_dropped, "offence.charges_dropped"),
        (r.notification_submitted, "review.notification_submitted"),
        (r.review_submitted, "review.review_submitted"),
        (r.qa_completed, "review.qa_completed"),
        (rosh.date, "rosh.date"),
        (
            rosh.domestic_abuse_enquiry.completed,
            "rosh.domestic_abuse_enquiry.completed",
        ),
        (
            rosh.safeguarding_enquiry.completed,
            "rosh.safeguarding_enquiry.completed",
        ),
        (
            rosh.domestic_abuse_enquiry.requested,
            "rosh.domestic_abuse_enquiry.requested",
        ),
        (
            rosh.safeguarding_enquiry.requested,
            "rosh.safeguarding_enquiry.requested",
        ),
        (rosh.previous.date, "rosh.previous.date"),
    ] {
        c.not_future(date, path);
    }
    // Recorded behaviour and custody incidents have happened too: a flag must
    // never cite a date still to come.
    for (i, behaviour) in circumstances.non_convicted_behaviour.iter().enumerate() {
        c.not_future(
            behaviour.date,
            Path::Item("circumstances.non_convicted_behaviour", i, "date"),
        );
    }
    for (i, incident) in circumstances.custody_incidents.iter().enumerate() {
        c.not_future(
            incident.date,
            Path::Item("circumstances.custody_incidents", i, "date"),
        );
    }
    for (i, e) in case.events.iter().enumerate() {
        c.required(&e.kind, Path::Item("events", i, "type"));
        c.required(&e.date, Path::Item("events", i, "date"));
        c.not_future(e.date, Path::Item("events", i, "date"));
    }
    c.errors
}
