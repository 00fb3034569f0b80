//! A case's deadlines as an iCalendar file (RFC 5545): one all-day event per
//! step still to do (not past, not done, not needed), with reminders 5 and 1
//! working days before by the profile's own calendar; done steps too when
//! asked, for a record. The page, its caseload worker and the command line
//! all write calendars here, so every file escapes and names events alike.
//!
//! Each event's UID names the step and the case (a SHA-256 of its reference),
//! never a date: a calendar that imports a later file updates each event in
//! place, and no two cases can share a UID by chance.

use crate::calendar::Calendar;
use crate::case::Case;
use crate::date::long;
use crate::registry::RuleId;
use crate::report::{Deadline, Report, State};
use crate::text::safe;
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use sha2::{Digest, Sha256};
use std::fmt::Write;

const CRLF: &str = "\r\n";

/// The start of every calendar file, up to its first event.
pub const FILE_START: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//sfo-check//SFO deadlines//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n";
/// The end of every calendar file.
pub const FILE_END: &str = "END:VCALENDAR\r\n";

/// Reminders, in working days before the due date.
pub const REMINDERS: [u32; 2] = [5, 1];

/// Where a step stands, as far as a calendar is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CalendarPlace {
    /// Still to do, due today or later: an event with reminders.
    ToDo,
    /// Done: an event only when a record is asked for.
    Done,
    /// Past its date and not done: left out.
    Past,
    /// No date, or not needed: nothing to put in a calendar.
    None,
}

impl CalendarPlace {
    pub fn of(state: &State) -> CalendarPlace {
        match state {
            State::DueIn { .. } | State::DueToday | State::Open { .. } => CalendarPlace::ToDo,
            State::Done | State::DoneOnTime | State::DoneLate { .. } => CalendarPlace::Done,
            State::Overdue { .. } | State::Closed { .. } => CalendarPlace::Past,
            State::Waiting | State::NotRequired => CalendarPlace::None,
        }
    }

    /// Every state kind (as the report writes it) and its place, for the page.
    pub fn table() -> Vec<(&'static str, CalendarPlace)> {
        [
            State::Done,
            State::DoneOnTime,
            State::DoneLate { working_days: 0 },
            State::DueIn { working_days: 0 },
            State::DueToday,
            State::Overdue { working_days: 0 },
            State::Open { working_days: 0 },
            State::Closed { working_days: 0 },
            State::Waiting,
            State::NotRequired,
        ]
        .iter()
        .map(|state| (crate::caseload::state_kind(state), CalendarPlace::of(state)))
        .collect()
    }
}

/// How a file is written: when (its DTSTAMP, and a SEQUENCE that rises with
/// it so a later file wins on import) and whether done steps go in.
#[derive(Debug, Clone, Copy)]
pub struct IcsOptions {
    pub now: DateTime<Utc>,
    pub include_done: bool,
}

impl IcsOptions {
    /// The minutes since 2024-01-01: a later file's events replace an earlier one's.
    fn sequence(&self) -> i64 {
        const START_MINUTE: i64 = 28_401_120;
        (self.now.timestamp().div_euclid(60) - START_MINUTE).max(0)
    }
}

/// What names a case in its events' UIDs: its reference; for a case without
/// one, its offence date and first supervision start, so that two cases
/// without references still differ.
pub fn case_key(case: &Case) -> String {
    match case.reference.as_deref().map(str::trim) {
        Some(reference) if !reference.is_empty() => format!("reference:{reference}"),
        _ => {
            let first_start = case.supervision.iter().filter_map(|p| p.start).min();
            let text = |date: Option<crate::date::Date>| date.map(|d| d.get().to_string());
            format!(
                "unreferenced:{}:{}",
                text(case.offence.alleged_from).unwrap_or_default(),
                text(first_start).unwrap_or_default()
            )
        }
    }
}

/// The UID of a step's event: the step and a SHA-256 of the case's key.
pub fn uid(step: RuleId, case_key: &str) -> String {
    let digest = Sha256::digest(case_key.as_bytes());
    let mut uid = String::with_capacity(100);
    uid.push_str(step.as_str());
    uid.push('-');
    for byte in digest {
        let _ = write!(uid, "{byte:02x}");
    }
    uid.push_str("@sfo-check.invalid");
    uid
}

/// The steps of `report` a calendar holds.
pub fn steps(report: &Report, include_done: bool) -> impl Iterator<Item = &Deadline> {
    report.deadlines.iter().filter(move |d| {
        d.current_due.is_some()
            && match CalendarPlace::of(&d.state) {
                CalendarPlace::ToDo => true,
                CalendarPlace::Done => include_done,
                _ => false,
            }
    })
}

/// A whole file of one report's events.
pub fn file(report: &Report, case_key: &str, calendar: &Calendar, options: &IcsOptions) -> String {
    let mut out = String::from(FILE_START);
    write_events(&mut out, report, case_key, calendar, options);
    out.push_str(FILE_END);
    out
}

/// Appends the events of one report: a caseload's file is [`FILE_START`],
/// each case's events, then [`FILE_END`].
pub fn write_events(
    out: &mut String,
    report: &Report,
    case_key: &str,
    calendar: &Calendar,
    options: &IcsOptions,
) {
    let stamp = {
        let (date, time) = (options.now.date_naive(), options.now.time());
        format!(
            "{}T{:02}{:02}{:02}Z",
            compact(date),
            time.hour(),
            time.minute(),
            time.second()
        )
    };
    let sequence = options.sequence();
    for deadline in steps(report, options.include_done) {
        let Some(due) = deadline.current_due else {
            continue;
        };
        let to_do = CalendarPlace::of(&deadline.state) == CalendarPlace::ToDo;
        let title = title(deadline, report, to_do);
        line(out, "BEGIN:VEVENT");
        line(out, &format!("UID:{}", uid(deadline.id, case_key)));
        line(out, &format!("DTSTAMP:{stamp}"));
        line(out, &format!("SEQUENCE:{sequence}"));
        line(out, &format!("DTSTART;VALUE=DATE:{}", compact(due)));
        if let Some(next) = due.succ_opt() {
            line(out, &format!("DTEND;VALUE=DATE:{}", compact(next)));
        }
        line(out, &format!("SUMMARY:{}", text_value(&title)));
        line(
            out,
            &format!("DESCRIPTION:{}", text_value(&description(deadline, report))),
        );
        line(out, "TRANSP:TRANSPARENT");
        if to_do {
            for days in REMINDERS {
                alarm(out, due, days, calendar, &title);
            }
        }
        line(out, "END:VEVENT");
    }
}

/// `20241213`, written without chrono's formatter (which would add to the page's module).
fn compact(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// "SFO review due — A123", or the step's label for a step no one does.
fn title(deadline: &Deadline, report: &Report, to_do: bool) -> String {
    let what = match deadline.id.entry().calendar_noun {
        Some(noun) => format!("{noun} {}", if to_do { "due" } else { "done" }),
        None => deadline.label.clone(),
    };
    match &report.reference {
        Some(reference) => format!("{what} \u{2014} {}", safe(reference)),
        None => what,
    }
}

fn description(deadline: &Deadline, report: &Report) -> String {
    let mut lines: Vec<String> = Vec::with_capacity(8);
    if let Some(reference) = &report.reference {
        lines.push(format!("Case: {}", safe(reference)));
    }
    let from = match deadline.counts_from.date {
        Some(date) if deadline.counts_from.projected => format!(
            " (counted from the due date of an earlier step, {})",
            long(date)
        ),
        Some(date) => format!(" ({})", long(date)),
        None => String::new(),
    };
    lines.push(format!(
        "{} ({}): {}{from}.",
        safe(&deadline.label),
        deadline.id.as_str(),
        safe(&deadline.rule_text)
    ));
    if let (Some(original), Some(current)) = (deadline.original_due, deadline.current_due) {
        if original != current {
            lines.push(format!("Extended: originally due {}.", long(original)));
        }
    }
    if let Some(done) = deadline.completed {
        lines.push(format!("Done on {}.", long(done)));
    }
    lines.push(format!("Status: {}.", deadline.status_text));
    if deadline.predicted {
        lines.push("Bank holidays for this year are not confirmed.".into());
    }
    for citation in &deadline.citations {
        let detail = citation
            .detail
            .as_deref()
            .map(|d| format!(" ({})", safe(d.strip_suffix('.').unwrap_or(d))))
            .unwrap_or_default();
        lines.push(format!("Source: {}{detail}.", safe(&citation.text)));
    }
    lines.push(format!(
        "Policy profile: {}. Worked out by {} on {}.",
        safe(&deadline.policy),
        report.stamp.engine,
        long(report.stamp.today)
    ));
    lines.join("\n")
}

/// A reminder `days` working days before `due`, at 09:00 that day (the
/// event's own floating time): the trigger counts back from the start of
/// the all-day event.
fn alarm(out: &mut String, due: NaiveDate, days: u32, calendar: &Calendar, title: &str) {
    let Some(on) = calendar.working_days_before(due, days) else {
        return;
    };
    let back = (due - on).num_days();
    // 09:00 on a day `back` days earlier is (back - 1) days and 15 hours before midnight.
    let trigger = if back > 1 {
        format!("-P{}DT15H", back - 1)
    } else {
        "-PT15H".to_string()
    };
    let plural = if days == 1 { "" } else { "s" };
    line(out, "BEGIN:VALARM");
    line(out, "ACTION:DISPLAY");
    line(out, &format!("TRIGGER:{trigger}"));
    line(
        out,
        &format!(
            "DESCRIPTION:{}",
            text_value(&format!(
                "{title}: in {days} working day{plural} ({})",
                long(due)
            ))
        ),
    );
    line(out, "END:VALARM");
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped,
/// line breaks as `\n`. Control characters were made visible by
/// [`safe`] in each part first, so none reaches a calendar raw.
pub fn text_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // Any other is made visible as `safe` writes it, its backslash escaped.
            c if crate::text::is_unsafe(c) => {
                out.push('\\');
                crate::text::push_escape(&mut out, c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (RFC 5545 §3.1): each
/// continuation starts with a space; a UTF-8 character is never split.
pub fn line(out: &mut String, content: &str) {
    let mut octets = 0;
    for c in content.chars() {
        let size = c.len_utf8();
        if octets + size > 75 {
            out.push_str(CRLF);
            out.push(' ');
            octets = 1;
        }
        out.push(c);
        octets += size;
    }
    out.push_str(CRLF);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_escape_as_rfc_5545_says() {
        assert_eq!(text_value("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
        // NUL, VT and ESC never reach a calendar raw: each is written as
        // `safe` writes it, its backslash escaped as a TEXT value's must be.
        assert_eq!(
            text_value("x\u{0}\u{b}\u{1b}[2J"),
            r"x\\u{0}\\u{b}\\u{1b}[2J"
        );
        assert_eq!(text_value(&safe("\u{1b}")), text_value("\u{1b}"));
    }

    #[test]
    fn lines_fold_at_75_octets_without_splitting_a_character() {
        let content = format!("DESCRIPTION:{}", "é".repeat(100));
        let mut out = String::new();
        line(&mut out, &content);
        let lines: Vec<&str> = out.trim_end_matches(CRLF).split(CRLF).collect();
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.len() <= 75));
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, content);
        let mut short = String::new();
        line(&mut short, "SHORT:line");
        assert_eq!(short, "SHORT:line\r\n");
    }

    #[test]
    fn uids_are_a_full_sha_256_of_the_case_and_name_the_step() {
        // These two references once shared a 32-bit hash, and so their UIDs.
        let a = uid(RuleId::DReview, "reference:A029599");
        let b = uid(RuleId::DReview, "reference:A632382");
        assert_ne!(a, b);
        assert!(a.starts_with("D-REVIEW-"));
        assert_eq!(a.len(), "D-REVIEW-".len() + 64 + "@sfo-check.invalid".len());
        assert_eq!(a, uid(RuleId::DReview, "reference:A029599"));
        assert_ne!(a, uid(RuleId::DNotify, "reference:A029599"));
    }
}
