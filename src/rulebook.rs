//! `docs/rules.md`: the rules as a person reads them, written from the
//! registry and the default policy profile (`make schema`; a test fails when
//! the committed file is stale).

use crate::calendar::{FIRST_CONFIRMED_YEAR, LAST_CONFIRMED_YEAR};
use crate::policy::{citations, Counts, PolicyProfile, SourceRef, Status};
use crate::registry::{status_text, CheckAgainst, Citation, RuleKind, KIND_IS_READING};
use crate::vocab::{vocabulary, RuleView};
use std::fmt::Write;

fn citation_line(c: &Citation) -> String {
    let mut line = match &c.work.url {
        Some(url) => format!("[{}]({url})", c.text),
        None => c.text.clone(),
    };
    if let Some(detail) = &c.detail {
        let _ = write!(line, ": {detail}");
    }
    if let Some(note) = &c.work.note {
        let _ = write!(line, " *{note}*");
    }
    line
}

fn sources_inline(sources: &[SourceRef]) -> String {
    citations(sources)
        .iter()
        .map(|c| match &c.detail {
            Some(detail) => format!("{} ({})", c.text, detail.trim_end_matches('.')),
            None => c.text.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn rule_section(out: &mut String, rule: &RuleView, policy: &PolicyProfile) {
    let _ = writeln!(out, "### {} — {}\n", rule.id, rule.title);
    let _ = writeln!(out, "{}\n", rule.statement);
    let _ = writeln!(out, "- **Status:** {}", rule.status_text);
    if rule.kind == RuleKind::Step {
        if let Some(step) = policy.timetable.iter().find(|s| s.id == rule.id) {
            let _ = writeln!(
                out,
                "- **In the default profile:** {} after {} ({})",
                step.offset.describe(),
                step.counts_from.label(),
                status_text(step.status, CheckAgainst::RegionalTimescales)
            );
        }
    }
    let needs: Vec<&str> = rule.needs.iter().map(|n| n.label.as_str()).collect();
    let _ = writeln!(out, "- **Needs:** {}", needs.join("; "));
    for k in &rule.inaccuracy_kinds {
        let reading = if rule.kind_is_reading {
            format!(" ({KIND_IS_READING})")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "- **Kind of inaccuracy:** {}. {}{reading}",
            k.number, k.text
        );
    }
    if !rule.causes.is_empty() {
        let causes: Vec<&str> = rule.causes.iter().map(|c| c.text).collect();
        let _ = writeln!(out, "- **Causes:** {}", causes.join("; "));
    }
    let _ = writeln!(out, "- **Sources:**");
    for c in &rule.citations {
        let _ = writeln!(out, "  - {}", citation_line(c));
    }
    out.push('\n');
}

pub fn rules_markdown(policy: &PolicyProfile) -> String {
    let vocab = vocabulary();
    let mut out = String::new();
    out.push_str("<!-- Written by `make schema` from the rule registry (src/registry.rs) and the default policy profile (policy/default.json). Do not edit by hand. -->\n\n");
    out.push_str("# How sfo-check decides\n\n");
    out.push_str("sfo-check is a checking aid, not official guidance. Each rule, timetable step and flag below has an id that every result it produces carries.\n\n");
    out.push_str("Each rule and value is marked:\n\n");
    let _ = writeln!(
        out,
        "- **{}**: stated in the SFO Annual Report 2024 or another public source listed with it;",
        status_text(Status::Confirmed, CheckAgainst::PolicyFramework)
    );
    let _ = writeln!(
        out,
        "- **{}** (timescales and intervals), or",
        status_text(Status::Default, CheckAgainst::RegionalTimescales)
    );
    let _ = writeln!(
        out,
        "- **{}** (lists and conditions): a reasonable default that could not be confirmed from current policy text. Load your region's policy profile to change it.\n",
        status_text(Status::Default, CheckAgainst::PolicyFramework)
    );

    for kind in RuleKind::ALL {
        let _ = writeln!(out, "## {}\n", kind.heading());
        if kind == RuleKind::Flag {
            out.push_str("Each flag is a prompt to look again at the risk of serious harm assessment, never a verdict. It names the facts that raised it, what to check and where the rule comes from. HM Inspectorate of Probation found an inaccurate assessment in 71 per cent of the reviews it quality-assured and named five kinds of inaccuracy:\n\n");
            for k in &vocab.inaccuracy_kinds {
                let _ = writeln!(out, "{}. **{}.** {}", k.number, k.name, k.text);
            }
            out.push('\n');
        }
        for rule in vocab.rules.iter().filter(|r| r.kind == kind) {
            rule_section(&mut out, rule, policy);
        }
        if kind == RuleKind::Qualification {
            offences(&mut out, policy);
            supervision_types(&mut out, policy);
        }
        if kind == RuleKind::Step {
            working_days(&mut out, policy);
        }
    }
    review_intervals(&mut out, policy);

    out.push_str("## Sources\n\n");
    for c in &vocab.citations {
        let _ = writeln!(out, "- {}", citation_line(c));
    }
    out
}

fn offences(out: &mut String, policy: &PolicyProfile) {
    out.push_str("### The qualifying offences in the default profile\n\n");
    out.push_str("Group A offences always need a review; group B offences only when the condition (Q-CONDITIONAL) holds.\n\n");
    out.push_str("| Offence | Group | Status | Source |\n|---|---|---|---|\n");
    for o in &policy.offences {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            o.name,
            o.group.label(),
            status_text(o.status, CheckAgainst::PolicyFramework),
            sources_inline(&o.sources)
        );
    }
    let c = &policy.conditional_review;
    let levels: Vec<String> = c.mappa_levels.iter().map(|l| l.to_string()).collect();
    let _ = writeln!(
        out,
        "\nThe condition for group B in the default profile: RoSH {} or above, or MAPPA level {}, at the time of the offence ({}).\n",
        c.min_rosh.label(),
        levels.join(" or "),
        status_text(c.status, CheckAgainst::PolicyFramework)
    );
}

fn supervision_types(out: &mut String, policy: &PolicyProfile) {
    out.push_str("### Supervision types in the default profile\n\n");
    out.push_str("| Supervision | Counts for the window | Status |\n|---|---|---|\n");
    for t in &policy.supervision_types {
        let counts = match (t.counts, &t.reason) {
            (Counts::Yes, _) => "Yes".to_string(),
            (Counts::Check, Some(reason)) => format!("Check with your SFO lead: {reason}"),
            (Counts::Check, None) => "Check with your SFO lead".to_string(),
        };
        let _ = writeln!(
            out,
            "| {} | {counts} | {} |",
            t.name,
            status_text(t.status, CheckAgainst::PolicyFramework)
        );
    }
    out.push('\n');
}

fn working_days(out: &mut String, policy: &PolicyProfile) {
    let _ = writeln!(
        out,
        "### Working days\n\nA working day is Monday to Friday and not a bank holiday in England and Wales. \"N working days after\" a date is the N-th working day after it; the date itself is day 0. Bank holidays follow the Banking and Financial Dealings Act 1971 and royal proclamations: New Year's Day, Good Friday, Easter Monday, the early May, spring and summer bank holidays, Christmas Day and Boxing Day, moved to the next weekday when they fall at a weekend, with every one-off change since 1995. The list is confirmed for {FIRST_CONFIRMED_YEAR} to {LAST_CONFIRMED_YEAR}; other years are predicted from the rules and marked so. A policy profile can add days that are not working days (a newly proclaimed bank holiday, an office closure); the default profile adds {}.\n",
        match policy.extra_non_working_days.len() {
            0 => "none".to_string(),
            n => n.to_string(),
        }
    );
}

fn review_intervals(out: &mut String, policy: &PolicyProfile) {
    out.push_str("## Review intervals in the default profile\n\n");
    out.push_str("| Interval | Default | Status | Source |\n|---|---|---|---|\n");
    let r = &policy.review_intervals;
    for (name, interval) in [
        (
            "Between assessments at High or Very High RoSH",
            &r.high_or_very_high,
        ),
        ("Between assessments at Low or Medium RoSH", &r.other),
        (
            "For an assessment after release on licence",
            &r.after_release,
        ),
        (
            "An assessor counts as newly qualified for",
            &r.newly_qualified_months,
        ),
    ] {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} |",
            interval.offset().describe(),
            status_text(interval.status, CheckAgainst::RegionalTimescales),
            sources_inline(&interval.sources)
        );
    }
    out.push('\n');
}
