//! The report for a person to read: `sfo-check check --format text`.

use crate::date::long;
use crate::registry::{Citation, KIND_IS_READING};
use crate::report::{Finding, QualificationStatus, Report};
use chrono::Datelike;
use std::borrow::Cow;
use std::fmt::Write;

/// A count as people write it: 1,000 and 100,000.
pub fn count(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Whether a character must never be written raw: a control character (a
/// newline, ESC, BEL, NUL, a C1 control) or a bidirectional override.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Appends the escape [`safe`] writes for an unsafe character: `\u{1b}`.
pub fn push_escape(out: &mut String, c: char) {
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// Text from a case or a profile, safe for every text sfo-check writes (a
/// terminal, the text report, a CSV cell, a calendar): each character
/// [`is_unsafe`] is written as a `\u{…}` escape, so a value can never start
/// a line of its own, hide text or change the terminal.
pub fn safe(text: &str) -> Cow<'_, str> {
    escape_unsafe(text, push_escape)
}

/// `text` with each character [`is_unsafe`] written by `escape`: the one
/// rule, whatever the syntax of the text it goes into.
fn escape_unsafe(text: &str, escape: fn(&mut String, char)) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A value as JSON text in which no character [`is_unsafe`] is written raw:
/// serde_json escapes the C0 controls; DEL, the C1 controls and the
/// bidirectional overrides are escaped here as `\uXXXX` (all lie in the
/// Basic Multilingual Plane), so the JSON reads back to the same value.
pub fn safe_json(value: &impl serde::Serialize) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    // Borrowed back when nothing needed escaping: the text itself, uncopied.
    match escape_unsafe(&text, |out, c| {
        let _ = write!(out, "\\u{:04x}", c as u32);
    }) {
        Cow::Owned(escaped) => escaped,
        Cow::Borrowed(_) => text,
    }
}

/// "attempted" → "Attempted". ASCII only: a name that starts with another
/// letter (a profile's own offence name, say) keeps its first letter as
/// written, since Unicode's case tables would add 25 KB to the page.
pub fn capitalise(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// "Licence" → "licence", for names inside sentences.
pub fn lower_first(text: &str) -> String {
    // An abbreviation keeps its capitals: "MAPPA", "RoSH".
    let first_word = text.split(' ').next().unwrap_or_default();
    let mut out = text.to_string();
    if first_word.chars().filter(char::is_ascii_uppercase).count() > 1 {
        return out;
    }
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    out
}

/// The sources, one per line, with the status in words.
fn write_sources(out: &mut String, citations: &[Citation], status_text: &str) {
    let _ = writeln!(out, "      status: {}", safe(status_text));
    for c in citations {
        match &c.detail {
            Some(detail) => {
                let _ = writeln!(out, "      source: {} — {}", safe(&c.text), safe(detail));
            }
            None => {
                let _ = writeln!(out, "      source: {}", safe(&c.text));
            }
        }
    }
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let q = &report.qualification;
    let headline = match q.status {
        QualificationStatus::Qualifies => "QUALIFIES",
        QualificationStatus::NotYet => "NOT YET",
        QualificationStatus::DoesNotQualify => "DOES NOT QUALIFY",
        QualificationStatus::Check => "CHECK WITH YOUR SFO LEAD",
    };
    if let Some(reference) = &report.reference {
        let _ = writeln!(out, "Case: {}", safe(reference));
    }
    let _ = writeln!(out, "SFO: {headline}\n{}\n", safe(&q.summary));
    for r in &q.reasons {
        let mark = match r.finding {
            Finding::Met => "met",
            Finding::NotMet => "NOT MET",
            Finding::Pending => "pending",
            Finding::Check => "CHECK",
        };
        let _ = writeln!(
            out,
            "  [{}] {} — {mark}: {}",
            r.rule,
            safe(r.title),
            safe(&r.text)
        );
        write_sources(&mut out, &r.citations, r.status_text);
    }
    let _ = writeln!(out, "\nDeadlines (working days in England and Wales):");
    for d in &report.deadlines {
        let due = match (d.original_due, d.current_due) {
            (Some(o), Some(c)) if o != c => format!("{} (extended from {})", long(c), long(o)),
            (_, Some(c)) => long(c),
            _ => "not yet dated".to_string(),
        };
        let _ = writeln!(
            out,
            "  [{}] {}: {due} — {}",
            d.id,
            safe(&d.label),
            safe(&d.state_text)
        );
        let _ = writeln!(
            out,
            "      {} ({})",
            safe(&d.rule_text),
            safe(d.status_text)
        );
        if d.counts_from.projected {
            let _ = writeln!(
                out,
                "      projected: counted from an earlier step's due date"
            );
        }
        if d.predicted {
            // Before the confirmed years nothing is "predicted": today's rules
            // are applied to years whose holidays were different.
            let early = d
                .current_due
                .is_some_and(|due| due.year() < report.stamp.calendar.confirmed_from);
            let words = if early {
                "bank holidays for this year are not confirmed (before the confirmed years: today's rules applied)"
            } else {
                "bank holidays for this year are predicted, not confirmed"
            };
            let _ = writeln!(out, "      {words}");
        }
        if let Some(before) = d.extension_requested_before_deadline {
            let when = if before { "before" } else { "after" };
            let _ = writeln!(
                out,
                "      extension requested {when} the original deadline"
            );
        }
    }
    if report.flags.is_empty() {
        let _ = writeln!(out, "\nFlags: none raised by the facts given.");
    } else {
        let _ = writeln!(out, "\nFlags — prompts to look again, not verdicts:");
    }
    for f in &report.flags {
        let _ = writeln!(out, "  [{}] {}", f.id, safe(f.title));
        let reading = if f.kind_is_reading {
            format!(" ({KIND_IS_READING})")
        } else {
            String::new()
        };
        for k in &f.kinds {
            let _ = writeln!(
                out,
                "      kind of inaccuracy {}: {}{reading}",
                k.number,
                safe(k.text)
            );
        }
        if !f.causes.is_empty() {
            let causes: Vec<&str> = f.causes.iter().map(|c| c.text).collect();
            let _ = writeln!(out, "      causes: {}", safe(&causes.join("; ")));
        }
        let _ = writeln!(out, "      raised by:");
        for fact in &f.facts {
            let _ = writeln!(out, "      - {}: {}", safe(&fact.label), safe(&fact.text));
        }
        if !f.see_also.is_empty() {
            let ids: Vec<&str> = f.see_also.iter().map(|id| id.as_str()).collect();
            let _ = writeln!(
                out,
                "      see also: {} (some of the same facts)",
                ids.join(", ")
            );
        }
        let _ = writeln!(out, "      check: {}", safe(f.check));
        write_sources(&mut out, &f.citations, f.status_text);
    }
    if !report.missing.is_empty() {
        let _ = writeln!(out, "\nMissing facts that would change the answer:");
        for m in &report.missing {
            let ids: Vec<&str> = m.rules.iter().map(|id| id.as_str()).collect();
            let _ = writeln!(
                out,
                "  {}: {} [{}]",
                safe(&m.label),
                safe(&m.why),
                ids.join(", ")
            );
        }
    }
    let s = &report.stamp;
    let _ = writeln!(
        out,
        "\n{} · policy profile {} ({}, SHA-256 {}) · assessed on {} ({}) · bank holidays confirmed {}–{}{}",
        s.engine,
        safe(&s.policy.id),
        safe(&s.policy.selected),
        &s.policy.sha256[..12.min(s.policy.sha256.len())],
        long(s.today),
        match s.today_source {
            "option" => "given on the command line",
            "case" => "the case's own date",
            _ => "today's date",
        },
        s.calendar.confirmed_from,
        s.calendar.confirmed_to,
        if s.calendar.predicted_dates_used {
            " · some dates use predicted bank holidays"
        } else {
            ""
        }
    );
    out
}

#[cfg(test)]
mod count_tests {
    use super::count;

    #[test]
    fn counts_are_grouped_in_thousands() {
        let written: Vec<String> = [0u64, 7, 999, 1_000, 10_000, 100_000, 1_234_567]
            .into_iter()
            .map(count)
            .collect();
        assert_eq!(
            written,
            ["0", "7", "999", "1,000", "10,000", "100,000", "1,234,567"]
        );
    }
}
