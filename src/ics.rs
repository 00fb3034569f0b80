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
use crate::date::{push_compact, push_long};
use crate::registry::RuleId;
use crate::report::{Deadline, Report, State};
use crate::text::safe;
use chrono::{DateTime, NaiveDate, Timelike, Utc};
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
    uid_of(step, &case_hash(case_key))
}

/// A case key's SHA-256 in hex: worked out once a case, for all its events.
fn case_hash(case_key: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(64);
    for byte in Sha256::digest(case_key.as_bytes()) {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 15)]));
    }
    hex
}

fn uid_of(step: RuleId, case_hash: &str) -> String {
    format!("{}-{case_hash}{UID_DOMAIN}", step.as_str())
}

/// Where every UID is from: a domain of sfo-check's own that no calendar
/// server answers for.
const UID_DOMAIN: &str = "@sfo-check.invalid";

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

/// Content lines as they are written: each built in one buffer, then folded
/// into the file (a caseload's calendar writes hundreds of thousands, so
/// nothing here allocates a line of its own).
struct Lines<'a> {
    out: &'a mut String,
    content: String,
    text: String,
}

impl Lines<'_> {
    /// `NAME:value`, the value written by `write` as it is (a UID, a date).
    fn raw(&mut self, name: &str, write: impl FnOnce(&mut String)) {
        self.content.clear();
        self.content.push_str(name);
        self.content.push(':');
        write(&mut self.content);
        line(self.out, &self.content);
    }

    /// `NAME:value`, the value written by `write` as a TEXT value, escaped.
    fn text(&mut self, name: &str, write: impl FnOnce(&mut String)) {
        self.text.clear();
        write(&mut self.text);
        self.content.clear();
        self.content.push_str(name);
        self.content.push(':');
        push_text_value(&mut self.content, &self.text);
        line(self.out, &self.content);
    }
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
    let mut events = steps(report, options.include_done).peekable();
    if events.peek().is_none() {
        return;
    }
    let hash = case_hash(case_key);
    let time = options.now.time();
    let sequence = options.sequence();
    let mut lines = Lines {
        out,
        content: String::with_capacity(1024),
        text: String::with_capacity(1024),
    };
    for deadline in events {
        let Some(due) = deadline.current_due else {
            continue;
        };
        let to_do = CalendarPlace::of(&deadline.state) == CalendarPlace::ToDo;
        let title = title(deadline, report, to_do);
        line(lines.out, "BEGIN:VEVENT");
        lines.raw("UID", |v| {
            v.push_str(deadline.id.as_str());
            v.push('-');
            v.push_str(&hash);
            v.push_str(UID_DOMAIN);
        });
        lines.raw("DTSTAMP", |v| {
            push_compact(v, options.now.date_naive());
            let _ = write!(
                v,
                "T{:02}{:02}{:02}Z",
                time.hour(),
                time.minute(),
                time.second()
            );
        });
        lines.raw("SEQUENCE", |v| {
            let _ = write!(v, "{sequence}");
        });
        lines.raw("DTSTART;VALUE=DATE", |v| push_compact(v, due));
        if let Some(next) = due.succ_opt() {
            lines.raw("DTEND;VALUE=DATE", |v| push_compact(v, next));
        }
        lines.text("SUMMARY", |v| v.push_str(&title));
        lines.text("DESCRIPTION", |v| describe(v, deadline, report));
        line(lines.out, "TRANSP:TRANSPARENT");
        if to_do {
            for days in REMINDERS {
                alarm(&mut lines, due, days, calendar, &title);
            }
        }
        line(lines.out, "END:VEVENT");
    }
}

/// "SFO review due — A123", or the step's label for a step no one does.
fn title(deadline: &Deadline, report: &Report, to_do: bool) -> String {
    let mut title = String::with_capacity(64);
    match deadline.id.entry().calendar_noun {
        Some(noun) => {
            title.push_str(noun);
            title.push_str(if to_do { " due" } else { " done" });
        }
        None => title.push_str(&deadline.label),
    }
    if let Some(reference) = &report.reference {
        title.push_str(" \u{2014} ");
        title.push_str(&safe(reference));
    }
    title
}

/// The event's description, its lines separated by line breaks.
fn describe(text: &mut String, deadline: &Deadline, report: &Report) {
    if let Some(reference) = &report.reference {
        text.push_str("Case: ");
        text.push_str(&safe(reference));
        text.push('\n');
    }
    text.push_str(&safe(&deadline.label));
    text.push_str(" (");
    text.push_str(deadline.id.as_str());
    text.push_str("): ");
    text.push_str(&safe(&deadline.rule_text));
    if let Some(date) = deadline.counts_from.date {
        text.push_str(if deadline.counts_from.projected {
            " (counted from the due date of an earlier step, "
        } else {
            " ("
        });
        push_long(text, date);
        text.push(')');
    }
    text.push('.');
    if let (Some(original), Some(current)) = (deadline.original_due, deadline.current_due) {
        if original != current {
            text.push_str("\nExtended: originally due ");
            push_long(text, original);
            text.push('.');
        }
    }
    if let Some(done) = deadline.completed {
        text.push_str("\nDone on ");
        push_long(text, done);
        text.push('.');
    }
    text.push_str("\nStatus: ");
    text.push_str(deadline.status_text);
    text.push('.');
    if deadline.predicted {
        text.push_str("\nBank holidays for this year are not confirmed.");
    }
    for citation in &deadline.citations {
        text.push_str("\nSource: ");
        text.push_str(&safe(&citation.text));
        if let Some(detail) = citation.detail.as_deref() {
            text.push_str(" (");
            text.push_str(&safe(detail.strip_suffix('.').unwrap_or(detail)));
            text.push(')');
        }
        text.push('.');
    }
    text.push_str("\nPolicy profile: ");
    text.push_str(&safe(&deadline.policy));
    text.push_str(". Worked out by ");
    text.push_str(&report.stamp.engine);
    text.push_str(" on ");
    push_long(text, report.stamp.today);
    text.push('.');
}

/// A reminder `days` working days before `due`, at 09:00 that day (the
/// event's own floating time): the trigger counts back from the start of
/// the all-day event.
fn alarm(lines: &mut Lines<'_>, due: NaiveDate, days: u32, calendar: &Calendar, title: &str) {
    let Some(on) = calendar.working_days_before(due, days) else {
        return;
    };
    let back = (due - on).num_days();
    line(lines.out, "BEGIN:VALARM");
    line(lines.out, "ACTION:DISPLAY");
    // 09:00 on a day `back` days earlier is (back - 1) days and 15 hours before midnight.
    lines.raw("TRIGGER", |v| {
        if back > 1 {
            let _ = write!(v, "-P{}DT15H", back - 1);
        } else {
            v.push_str("-PT15H");
        }
    });
    lines.text("DESCRIPTION", |v| {
        let plural = if days == 1 { "" } else { "s" };
        let _ = write!(v, "{title}: in {days} working day{plural} (");
        push_long(v, due);
        v.push(')');
    });
    line(lines.out, "END:VALARM");
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped,
/// line breaks as `\n`. Control characters were made visible by
/// [`safe`] in each part first, so none reaches a calendar raw.
pub fn text_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_text_value(&mut out, text);
    out
}

/// Appends `text` as a TEXT value, copying the runs between the characters
/// that need escaping whole.
fn push_text_value(out: &mut String, text: &str) {
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate() {
        // Only these bytes can start a character to escape: ASCII controls
        // and punctuation, and the first byte of a C1 control (U+0080–U+009F)
        // or of a bidirectional mark (U+061C, U+200E–U+2069).
        if !(byte < 0x20 || matches!(byte, b'\\' | b';' | b',' | 0x7f | 0xc2 | 0xd8 | 0xe2)) {
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            continue;
        };
        let escape = match c {
            '\\' => "\\\\",
            ';' => "\\;",
            ',' => "\\,",
            '\n' => "\\n",
            c if crate::text::is_unsafe(c) => "",
            _ => continue,
        };
        out.push_str(&text[copied..at]);
        if escape.is_empty() {
            // Made visible as `safe` writes it, its backslash escaped.
            out.push('\\');
            crate::text::push_escape(out, c);
        } else {
            out.push_str(escape);
        }
        copied = at + c.len_utf8();
    }
    out.push_str(&text[copied..]);
}

/// Appends a content line folded at 75 octets (RFC 5545 §3.1): each
/// continuation starts with a space; a UTF-8 character is never split.
pub fn line(out: &mut String, content: &str) {
    let mut rest = content;
    let mut room = 75;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str(CRLF);
        out.push(' ');
        rest = &rest[cut..];
        room = 74;
    }
    out.push_str(rest);
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
        // Other characters are copied as they are, whatever their width;
        // C1 controls and bidirectional marks are made visible.
        assert_eq!(
            text_value("é — ’\u{85}x\u{202e}y\u{2066}, ok"),
            r"é — ’\\u{85}x\\u{202e}y\\u{2066}\, ok"
        );
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
