//! The report for a person to read: `sfo-check check --format text`.

use crate::date::long;
use crate::report::{Finding, QualificationStatus, Report};
use std::fmt::Write;

fn status_word(status: crate::policy::Status) -> &'static str {
    match status {
        crate::policy::Status::Confirmed => "confirmed",
        crate::policy::Status::Default => "default — check against your region's agreed timescales",
    }
}

/// "attempted" → "Attempted".
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Licence" → "licence", for names inside sentences.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
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
        let _ = writeln!(out, "Case: {reference}");
    }
    let _ = writeln!(out, "SFO: {headline}\n{}\n", q.summary);
    for r in &q.reasons {
        let mark = match r.finding {
            Finding::Met => "met",
            Finding::NotMet => "NOT MET",
            Finding::Pending => "pending",
            Finding::Check => "CHECK",
        };
        let _ = writeln!(out, "  [{}] {mark}: {}", r.rule, r.text);
        let _ = writeln!(
            out,
            "      source: {} ({})",
            r.source,
            status_word(r.status)
        );
    }
    let _ = writeln!(out, "\nDeadlines (working days in England and Wales):");
    for d in &report.deadlines {
        let due = match (d.original_due, d.current_due) {
            (Some(o), Some(c)) if o != c => format!("{} (extended from {})", long(c), long(o)),
            (_, Some(c)) => long(c),
            _ => "not yet dated".to_string(),
        };
        let _ = writeln!(out, "  [{}] {}: {due} — {}", d.id, d.label, d.state_text);
        let _ = writeln!(out, "      {} ({})", d.rule_text, status_word(d.status));
        if d.counts_from.projected {
            let _ = writeln!(
                out,
                "      projected: counted from an earlier step's due date"
            );
        }
        if d.predicted {
            let _ = writeln!(
                out,
                "      bank holidays for this year are predicted, not confirmed"
            );
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
        let _ = writeln!(out, "  [{}] {}", f.id, f.title);
        for k in &f.kinds {
            let _ = writeln!(out, "      kind {}: {}", k.number, k.text);
        }
        if !f.causes.is_empty() {
            let _ = writeln!(out, "      causes: {}", f.causes.join("; "));
        }
        for fact in &f.facts {
            let _ = writeln!(out, "      - {} ({})", fact.text, fact.field);
        }
        let _ = writeln!(out, "      check: {}", f.check);
        let _ = writeln!(
            out,
            "      source: {} ({})",
            f.source,
            status_word(f.status)
        );
    }
    if !report.missing.is_empty() {
        let _ = writeln!(out, "\nMissing facts that would change the answer:");
        for m in &report.missing {
            let _ = writeln!(out, "  {}: {} [{}]", m.field, m.why, m.rules.join(", "));
        }
    }
    let s = &report.stamp;
    let _ = writeln!(
        out,
        "\n{} · policy {} ({}, sha256 {}) · today {} ({}) · bank holidays confirmed {}–{}{}",
        s.engine,
        s.policy.id,
        s.policy.selected,
        &s.policy.sha256[..12.min(s.policy.sha256.len())],
        s.today,
        s.today_source,
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
