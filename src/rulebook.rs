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
        None => c.text.to_string(),
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
            None => c.text.to_string(),
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
        "- **{}** (lists and conditions): a reasonable default that could not be confirmed from current policy text. Load your region's policy profile to change it;",
        status_text(Status::Default, CheckAgainst::PolicyFramework)
    );
    out.push_str("- **sfo-check\u{2019}s reading of the annual report\u{2019}s finding that \u{2026}**: the concern is the annual report\u{2019}s, but which facts raise the flag, and any threshold, is sfo-check\u{2019}s reading of it. The report does not say that these facts mean an assessment is wrong; each flag names the finding it reads.\n\n");

    for kind in RuleKind::ALL {
        let _ = writeln!(out, "## {}\n", kind.heading());
        if kind == RuleKind::Flag {
            out.push_str("Each flag is a prompt to look again at the risk of serious harm assessment, never a verdict. It names the facts that raised it, what to check and where the rule comes from. HM Inspectorate of Probation found an inaccurate assessment in 71 per cent of the reviews it quality-assured and named five kinds of inaccuracy:\n\n");
            for k in &vocab.inaccuracy_kinds {
                let note = k.note.map(|n| format!(" {n}")).unwrap_or_default();
                let _ = writeln!(out, "{}. **{}.** {}{note}", k.number, k.name, k.text);
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

/// Text for HTML: the five characters that could open markup, escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn citation_html(c: &Citation) -> String {
    let mut html = String::from("<span class=\"app-citation\">");
    if let Some(publisher) = &c.work.publisher {
        let _ = write!(html, "{}, ", escape(publisher));
    }
    let _ = write!(html, "<cite>{}</cite>", escape(&c.work.title));
    if let Some(date) = &c.work.date {
        let _ = write!(html, " ({})", escape(date));
    }
    if let Some(section) = &c.section {
        let _ = write!(html, ", \u{201c}{}\u{201d}", escape(section));
    }
    if let Some(url) = &c.work.url {
        let _ = write!(
            html,
            " <a class=\"govuk-link\" href=\"{}\" rel=\"noreferrer noopener\">Read the source</a>",
            escape(url)
        );
    }
    html.push_str("</span>");
    html
}

/// The page's "How the rules work", as HTML for `www/index.html` (written
/// there by `make schema`), so it reads the same with or without JavaScript.
pub fn rules_html(policy: &PolicyProfile) -> String {
    let vocab = vocabulary();
    let mut out = String::new();
    for kind in RuleKind::ALL {
        let _ = writeln!(
            out,
            "<h3 class=\"govuk-heading-m\">{}</h3>",
            escape(kind.heading())
        );
        if kind == RuleKind::Flag {
            out.push_str("<p class=\"govuk-body\">Flags are prompts to look again at the risk of serious harm assessment, never verdicts. HM Inspectorate of Probation found five kinds of inaccuracy in the reviews it quality-assured:</p>\n<ol class=\"govuk-list govuk-list--number\">\n");
            for k in &vocab.inaccuracy_kinds {
                let _ = writeln!(
                    out,
                    "<li><strong>{}.</strong> {}</li>",
                    escape(k.name),
                    escape(k.text)
                );
            }
            out.push_str("</ol>\n");
        }
        for rule in vocab.rules.iter().filter(|r| r.kind == kind) {
            let _ = writeln!(
                out,
                "<div class=\"app-rule\" id=\"rule-{id}\" data-rule=\"{id}\">\n<h4 class=\"govuk-heading-s govuk-!-margin-bottom-1\">{} <code class=\"app-rule-id\">{id}</code></h4>\n<p class=\"govuk-body govuk-!-margin-bottom-1\">{}</p>",
                escape(rule.title),
                escape(rule.statement),
                id = rule.id
            );
            if let Some(step) = policy.timetable.iter().find(|s| s.id == rule.id) {
                let _ = writeln!(
                    out,
                    "<p class=\"govuk-body govuk-!-margin-bottom-1\"><strong>In the default profile:</strong> {} after {}.</p>",
                    escape(&step.offset.describe()),
                    escape(step.counts_from.label())
                );
            }
            for k in &rule.inaccuracy_kinds {
                let reading = if rule.kind_is_reading {
                    format!(" ({})", escape(KIND_IS_READING))
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "<p class=\"govuk-body-s govuk-!-margin-bottom-1\"><strong>Kind of inaccuracy:</strong> {}. {}{reading}</p>",
                    k.number,
                    escape(k.name)
                );
            }
            let _ = writeln!(
                out,
                "<p class=\"govuk-body-s govuk-!-margin-bottom-1\"><strong>Status:</strong> {}</p>\n<p class=\"govuk-body-s govuk-!-margin-bottom-1\"><strong>Sources:</strong></p>\n<ul class=\"govuk-list govuk-!-font-size-16 app-rule__sources\">",
                escape(rule.status_text)
            );
            for c in &rule.citations {
                let _ = writeln!(out, "<li>{}</li>", citation_html(c));
            }
            out.push_str("</ul>\n</div>\n");
        }
    }
    out.push_str("<h3 class=\"govuk-heading-m\">Sources</h3>\n<ul class=\"govuk-list govuk-list--bullet\">\n");
    for c in &vocab.citations {
        let _ = writeln!(out, "<li>{}</li>", citation_html(c));
    }
    out.push_str("</ul>\n");
    out
}

pub const PAGE_START: &str =
    "<!-- rules: written by `make schema` from the rule registry; do not edit -->";
pub const PAGE_END: &str = "<!-- /rules -->";

/// `page` with the rules between its markers replaced by `rules`; `None`
/// when the markers are missing.
pub fn splice_into_page(page: &str, rules: &str) -> Option<String> {
    let start = page.find(PAGE_START)? + PAGE_START.len();
    let end = start + page[start..].find(PAGE_END)?;
    Some(format!("{}\n{rules}{}", &page[..start], &page[end..]))
}
