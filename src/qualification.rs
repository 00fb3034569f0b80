//! Does the case qualify as an SFO? Rulebook §1: `Q-TRIGGER`, `Q-WINDOW`,
//! `Q-OFFENCE`, `Q-CONDITIONAL`, `Q-SUPERVISION`.

use crate::calendar::Calendar;
use crate::case::{Case, Level, RiskGroup};
use crate::date::long;
use crate::policy::{citations, Counts, OffenceGroup, PolicyProfile, Status, NOT_LISTED};
use crate::registry::{status_text, Citation, RuleId};
use crate::report::{Finding, Missing, Qualification, QualificationStatus, Reason};
use crate::text::{capitalise, lower_first};
use chrono::NaiveDate;

/// A supervision period as the window rule sees it.
pub struct PeriodWindow {
    pub index: usize,
    pub type_name: String,
    pub counts: Counts,
    pub check_reason: Option<String>,
    pub status: Status,
    pub citations: Vec<Citation>,
    pub start: NaiveDate,
    /// The day supervision ended (actual termination, else scheduled end).
    pub end: Option<NaiveDate>,
    /// The window's last day; `None` while supervision has no end.
    pub close: Option<NaiveDate>,
    /// No end is recorded for a type that should have one.
    pub end_missing: bool,
}

impl PeriodWindow {
    fn covers(&self, day: NaiveDate) -> bool {
        day >= self.start && self.close.is_none_or(|close| day <= close)
    }

    fn describe(&self) -> String {
        match (self.end, self.close) {
            (Some(end), Some(close)) => format!(
                "the {} from {} (ending {}; its window runs to {})",
                lower_first(&self.type_name),
                long(self.start),
                long(end),
                long(close)
            ),
            _ => format!(
                "the {} from {} (no end recorded)",
                lower_first(&self.type_name),
                long(self.start)
            ),
        }
    }
}

pub fn period_windows(
    case: &Case,
    policy: &PolicyProfile,
    calendar: &Calendar,
) -> Vec<PeriodWindow> {
    let window = policy.window_step();
    case.supervision
        .iter()
        .enumerate()
        .filter_map(|(index, p)| {
            let kind = policy.supervision_type(p.kind.as_deref()?)?;
            let start = p.start?.get();
            let end = p.end();
            let close = match (end, window) {
                (Some(end), Some(step)) => step.offset.apply(calendar, end),
                _ => None,
            };
            Some(PeriodWindow {
                index,
                type_name: kind.name.clone(),
                counts: kind.counts,
                check_reason: kind.reason.clone(),
                status: kind.status,
                citations: citations(&kind.sources),
                start,
                end,
                close,
                end_missing: end.is_none() && !kind.may_have_no_end,
            })
        })
        .collect()
}

pub struct Outcome {
    pub qualification: Qualification,
    pub missing: Vec<Missing>,
}

struct Builder {
    reasons: Vec<Reason>,
    missing: Vec<Missing>,
}

impl Builder {
    fn reason(
        &mut self,
        rule: RuleId,
        finding: Finding,
        text: String,
        citations: Vec<Citation>,
        status: Status,
    ) {
        self.reasons.push(Reason {
            rule,
            title: rule.title(),
            finding,
            text,
            citations,
            status,
            status_text: status_text(status, rule.entry().check_against),
        });
    }

    fn missing(&mut self, field: &str, why: &str, rule: RuleId) {
        self.missing.push(Missing {
            field: field.to_string(),
            label: crate::fields::label(field),
            why: why.to_string(),
            rules: vec![rule],
        });
    }
}

pub fn qualify(case: &Case, policy: &PolicyProfile, calendar: &Calendar) -> Outcome {
    let mut b = Builder {
        reasons: Vec::new(),
        missing: Vec::new(),
    };
    trigger(case, &mut b);
    offence(case, policy, &mut b);
    let windows = period_windows(case, policy, calendar);
    let (counting, edge) = window(case, policy, &windows, &mut b);
    supervision(&windows, &counting, &edge, &mut b);

    let any = |f: Finding| b.reasons.iter().any(|r| r.finding == f);
    let status = if any(Finding::NotMet) {
        QualificationStatus::DoesNotQualify
    } else if any(Finding::Pending) {
        QualificationStatus::NotYet
    } else if any(Finding::Check) {
        QualificationStatus::Check
    } else {
        QualificationStatus::Qualifies
    };
    let checks = b
        .reasons
        .iter()
        .filter(|r| r.finding == Finding::Check)
        .count();
    let summary = match status {
        QualificationStatus::Qualifies => {
            "This case qualifies as a Serious Further Offence: an SFO review is required."
                .to_string()
        }
        QualificationStatus::NotYet => {
            let mut s = "Not yet: the SFO process starts only when the person is charged with a qualifying offence and appears in court for it.".to_string();
            match checks {
                0 => {}
                1 => s.push_str(" One other point needs checking."),
                n => s.push_str(&format!(" {n} other points need checking.")),
            }
            s
        }
        QualificationStatus::DoesNotQualify => {
            "This case does not qualify as a Serious Further Offence.".to_string()
        }
        QualificationStatus::Check => format!(
            "Check with your SFO lead: {} before this case can be said to qualify.",
            if checks == 1 {
                "one point needs a decision or more information".to_string()
            } else {
                format!("{checks} points need a decision or more information")
            }
        ),
    };
    Outcome {
        qualification: Qualification {
            status,
            summary,
            reasons: b.reasons,
        },
        missing: b.missing,
    }
}

fn trigger(case: &Case, b: &mut Builder) {
    let o = &case.offence;
    let (charged, court) = (o.charged, o.first_court_appearance);
    // Charges dropped after the review was submitted change nothing (rulebook §1).
    let mut dropped_after_review = String::new();
    if let Some(dropped) = o.charges_dropped.map(|d| d.get()) {
        let started = court.is_some_and(|c| c.get() <= dropped);
        let submitted = case.review.review_submitted.map(|d| d.get());
        match submitted.filter(|s| *s < dropped) {
            Some(submitted) if started => {
                dropped_after_review = format!(
                    " The charges were dropped or discontinued on {}, after the review was submitted on {}: that does not change the review.",
                    long(dropped),
                    long(submitted)
                );
            }
            _ if started => {
                b.reason(
                    RuleId::QTrigger,
                    Finding::Check,
                    format!(
                        "Charges were dropped or discontinued on {} after the first court appearance and before the review was complete: the review may be stood down. Check with your SFO lead.",
                        long(dropped)
                    ),
                    RuleId::QTrigger.entry().cited(),
                    Status::Confirmed,
                );
                return;
            }
            _ => {
                b.missing(
                    "offence.first_court_appearance",
                    "If the person appeared in court before the charges were dropped, the SFO process had started.",
                    RuleId::QTrigger,
                );
                b.reason(
                    RuleId::QTrigger,
                    Finding::Check,
                    format!(
                        "Charges were dropped or discontinued on {} and no court appearance is recorded: if there was none, the SFO process never started, and no review is needed unless the person is charged again and appears in court. Check with your SFO lead.",
                        long(dropped)
                    ),
                    RuleId::QTrigger.entry().cited(),
                    Status::Confirmed,
                );
                return;
            }
        }
    }
    match (charged, court) {
        (_, Some(court)) => {
            let text = match charged {
                Some(charged) => format!(
                    "Charged on {} and first appeared in court on {}: the SFO process has started.",
                    long(charged.get()),
                    long(court.get())
                ),
                None => {
                    b.missing(
                        "offence.charged",
                        "The charge date is not recorded; the court appearance shows a charge was brought.",
                        RuleId::QTrigger,
                    );
                    format!(
                        "First appeared in court on {}, so a charge was brought: the SFO process has started.",
                        long(court.get())
                    )
                }
            };
            b.reason(
                RuleId::QTrigger,
                Finding::Met,
                text + &dropped_after_review,
                RuleId::QTrigger.entry().cited(),
                Status::Confirmed,
            );
        }
        (Some(charged), None) => {
            b.missing(
                "offence.first_court_appearance",
                "The process starts at the first court appearance on the charge.",
                RuleId::QTrigger,
            );
            b.reason(
                RuleId::QTrigger,
                Finding::Pending,
                format!(
                    "Charged on {} but no court appearance is recorded: the SFO process starts only when the person appears in court.",
                    long(charged.get())
                ),
                RuleId::QTrigger.entry().cited(),
                Status::Confirmed,
            );
        }
        (None, None) => {
            b.missing(
                "offence.charged",
                "The process starts only when the person is charged and appears in court; arrest alone is not the trigger.",
                RuleId::QTrigger,
            );
            b.reason(
                RuleId::QTrigger,
                Finding::Pending,
                "No charge is recorded: arrest alone does not start the SFO process, which starts when the person is charged and appears in court.".to_string(),
                RuleId::QTrigger.entry().cited(),
                Status::Confirmed,
            );
        }
    }
}

/// The level at the time of the offence: the overall level, else the highest group.
fn offence(case: &Case, policy: &PolicyProfile, b: &mut Builder) {
    let Some(id) = case.offence.id.as_deref() else {
        b.missing(
            "offence.id",
            "Only offences on the qualifying list start an SFO review.",
            RuleId::QOffence,
        );
        b.reason(
            RuleId::QOffence,
            Finding::Check,
            "The charged offence is not recorded, so it cannot be checked against the qualifying list.".to_string(),
            RuleId::QOffence.entry().cited(),
            Status::Confirmed,
        );
        return;
    };
    if id == NOT_LISTED {
        b.reason(
            RuleId::QOffence,
            Finding::NotMet,
            format!(
                "The charged offence is not on the qualifying list in policy profile {}.",
                policy.id
            ),
            RuleId::QOffence.entry().cited(),
            Status::Confirmed,
        );
        return;
    }
    let Some(entry) = policy.offence(id) else {
        return; // Rejected by validation.
    };
    let charged_as = match case.offence.inchoate {
        Some(form) => format!(
            "{} {} counts as {} itself, which is",
            capitalise(form.label()),
            lower_first(&entry.name),
            lower_first(&entry.name)
        ),
        None => format!("{} is", entry.name),
    };
    let group_text = match entry.group {
        OffenceGroup::A => "in the mandatory group (A): a review is always required",
        OffenceGroup::B => "listed outside the mandatory group (group B): a review is required only when a further condition holds (Q-CONDITIONAL)",
    };
    b.reason(
        RuleId::QOffence,
        Finding::Met,
        format!("{charged_as} {group_text}."),
        citations(&entry.sources),
        entry.status,
    );
    if entry.group == OffenceGroup::B {
        conditional(case, policy, b);
    }
}

/// What the recorded RoSH levels say about the condition's threshold.
enum RoshReading {
    /// No level in force at the time of the offence is recorded.
    Unknown,
    /// The overall level, or the highest group level when no overall is recorded.
    Level(Level),
    /// The overall level is below the highest group level, and one meets the
    /// threshold while the other does not.
    Conflict {
        overall: Level,
        group: RiskGroup,
        level: Level,
    },
}

fn rosh_reading(case: &Case, min: Level, assessed_after: bool) -> RoshReading {
    if assessed_after {
        return RoshReading::Unknown;
    }
    match (case.rosh.overall, case.rosh.groups.highest()) {
        (Some(overall), Some((group, level)))
            if overall < level && (overall >= min) != (level >= min) =>
        {
            RoshReading::Conflict {
                overall,
                group,
                level,
            }
        }
        (Some(overall), _) => RoshReading::Level(overall),
        (None, Some((_, level))) => RoshReading::Level(level),
        (None, None) => RoshReading::Unknown,
    }
}

fn conditional(case: &Case, policy: &PolicyProfile, b: &mut Builder) {
    let rule = &policy.conditional_review;
    // The level must be the one in force when the offence was committed.
    let assessed_after = match (case.rosh.date, case.offence.alleged_from) {
        (Some(assessed), Some(offence)) if assessed > offence => Some(assessed.get()),
        _ => None,
    };
    let reading = rosh_reading(case, rule.min_rosh, assessed_after.is_some());
    let mappa = &case.circumstances.mappa;
    let levels_text = rule
        .mappa_levels
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join(" or ");
    let rosh_meets = match reading {
        RoshReading::Level(level) => Some(level >= rule.min_rosh),
        RoshReading::Unknown | RoshReading::Conflict { .. } => None,
    };
    let mappa_meets = match (mappa.level, mappa.eligible) {
        (Some(l), _) => Some(rule.mappa_levels.contains(&l)),
        (None, Some(false)) => Some(false),
        (None, _) => None,
    };
    let threshold = format!(
        "RoSH {} or above, or MAPPA level {levels_text}",
        rule.min_rosh.label()
    );
    // Said whenever the levels disagree, whatever settles the condition.
    let conflict = match reading {
        RoshReading::Conflict {
            overall,
            group,
            level,
        } => format!(
            " The overall RoSH level ({}) is lower than the level for {} ({}), though the overall level should be the highest group level: one meets the threshold and the other does not.",
            overall.label(),
            group.label(),
            level.label()
        ),
        _ => String::new(),
    };
    let (finding, text) = match (rosh_meets, mappa_meets) {
        (Some(true), _) | (_, Some(true)) => {
            let why = match (rosh_meets, &reading, mappa.level) {
                (Some(true), RoshReading::Level(level), _) => {
                    format!("assessed {} RoSH", level.label())
                }
                (_, _, Some(l)) => format!("managed at MAPPA level {l}"),
                _ => String::new(),
            };
            (
                Finding::Met,
                format!("The condition for this offence holds: the person was {why} at the time of the offence ({threshold}).{conflict}"),
            )
        }
        (Some(false), Some(false)) => {
            let level = match reading {
                RoshReading::Level(level) => level.label(),
                _ => "",
            };
            (
                Finding::NotMet,
                format!(
                    "The condition for this offence does not hold: {level} RoSH and not at MAPPA level {levels_text} (needs {threshold})."
                ),
            )
        }
        _ => {
            let needs = format!("For this offence a review is required only at {threshold} at the time of the offence.");
            let mut record = Vec::new();
            match (&reading, assessed_after) {
                (_, Some(_)) => {
                    b.missing(
                        "rosh.date",
                        &format!("{needs} Record the assessment in force then."),
                        RuleId::QConditional,
                    );
                    record.push("the RoSH assessment in force then");
                }
                (RoshReading::Unknown, None) => {
                    b.missing("rosh.overall", &needs, RuleId::QConditional);
                    record.push("the RoSH level then");
                }
                (RoshReading::Conflict { .. }, None) => {
                    record.push("which RoSH level is right");
                }
                (RoshReading::Level(_), None) => {}
            }
            if mappa_meets.is_none() {
                b.missing(
                    "circumstances.mappa.level",
                    &format!("A MAPPA level of {levels_text} at the time of the offence would make this offence qualify."),
                    RuleId::QConditional,
                );
                record.push("the MAPPA level then");
            }
            let after = assessed_after
                .map(|d| {
                    format!(
                        " The RoSH assessment recorded ({}) is after the alleged offence.",
                        long(d)
                    )
                })
                .unwrap_or_default();
            let known = match (&reading, assessed_after) {
                (RoshReading::Level(level), None) => {
                    format!(
                        " The RoSH level recorded ({}) does not meet it.",
                        level.label()
                    )
                }
                _ => String::new(),
            };
            (
                Finding::Check,
                format!(
                    "Cannot tell whether the condition for this offence holds ({threshold} at the time of the offence).{known}{conflict}{after} Check {}.",
                    record.join(" and ")
                ),
            )
        }
    };
    b.reason(
        RuleId::QConditional,
        finding,
        text,
        citations(&rule.sources),
        rule.status,
    );
}

/// Contiguous runs of days as "1 Mar 2024 to 3 Mar 2024" strings.
fn runs(days: &[NaiveDate]) -> Vec<String> {
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for &day in days {
        match out.last_mut() {
            Some((_, end)) if end.succ_opt() == Some(day) => *end = day,
            _ => out.push((day, day)),
        }
    }
    out.into_iter()
        .map(|(a, z)| {
            if a == z {
                long(a)
            } else {
                format!("{} to {}", long(a), long(z))
            }
        })
        .collect()
}

/// Applies `Q-WINDOW`; returns the indexes of the counting and the edge-case
/// periods whose windows hold the offence.
fn window(
    case: &Case,
    policy: &PolicyProfile,
    windows: &[PeriodWindow],
    b: &mut Builder,
) -> (Vec<usize>, Vec<usize>) {
    let (source, status, tail) = match policy.window_step() {
        Some(step) => (
            citations(&step.sources),
            step.status,
            step.offset.describe(),
        ),
        None => (
            RuleId::QWindow.entry().cited(),
            Status::Confirmed,
            "28 working days".into(),
        ),
    };
    let Some(from) = case.offence.alleged_from.map(|d| d.get()) else {
        b.missing(
            "offence.alleged_from",
            "The offence must have been committed during supervision or within the window after it.",
            RuleId::QWindow,
        );
        b.reason(
            RuleId::QWindow,
            Finding::Check,
            "The date of the alleged offence is not recorded.".to_string(),
            source.clone(),
            status,
        );
        return (Vec::new(), Vec::new());
    };
    if windows.is_empty() {
        b.missing(
            "supervision",
            "The offence must have been committed during supervision or within the window after it.",
            RuleId::QWindow,
        );
        b.reason(
            RuleId::QWindow,
            Finding::Check,
            "No supervision period is recorded.".to_string(),
            source.clone(),
            status,
        );
        return (Vec::new(), Vec::new());
    }
    let to = case.offence.alleged_to.map_or(from, |d| d.get());
    let when = if from == to {
        format!("The alleged offence ({})", long(from))
    } else {
        format!("The alleged offence ({} to {})", long(from), long(to))
    };
    let mut outside = Vec::new();
    let mut edge_only = Vec::new();
    let mut counting_periods: Vec<&PeriodWindow> = Vec::new();
    let mut edge_periods: Vec<&PeriodWindow> = Vec::new();
    for day in from.iter_days().take_while(|d| *d <= to) {
        let counting = windows
            .iter()
            .filter(|w| w.counts == Counts::Yes && !w.end_missing && w.covers(day))
            .collect::<Vec<_>>();
        if let Some(first) = counting.first() {
            if !counting_periods.iter().any(|p| p.index == first.index) {
                counting_periods.push(first);
            }
            continue;
        }
        let edge = windows.iter().find(|w| w.covers(day));
        match edge {
            Some(w) => {
                edge_only.push(day);
                if !edge_periods.iter().any(|p| p.index == w.index) {
                    edge_periods.push(w);
                }
            }
            None => outside.push(day),
        }
    }
    let inside_any = !counting_periods.is_empty() || !edge_periods.is_empty();
    let describe = |ps: &[&PeriodWindow]| {
        ps.iter()
            .map(|p| p.describe())
            .collect::<Vec<_>>()
            .join("; ")
    };
    if !outside.is_empty() && !inside_any {
        let nearest = windows
            .iter()
            .filter_map(|w| w.close.map(|c| (w, c)))
            .filter(|(_, c)| *c < from)
            .max_by_key(|(_, c)| *c);
        let detail = match nearest {
            Some((w, _)) => format!(" It was after the window closed for {}.", w.describe()),
            // No window closed before it and none holds it: every period starts later.
            None => windows
                .iter()
                .map(|w| w.start)
                .min()
                .map(|start| format!(" It was before supervision started ({}).", long(start)))
                .unwrap_or_default(),
        };
        b.reason(
            RuleId::QWindow,
            Finding::NotMet,
            format!("{when} was not during supervision or within {tail} of it ending.{detail}"),
            source.clone(),
            status,
        );
    } else if !outside.is_empty() {
        b.reason(
            RuleId::QWindow,
            Finding::Check,
            format!(
                "{when} straddles the edge of the window: {} fall outside supervision and the {tail} after it. Check with your SFO lead when the offence happened.",
                runs(&outside).join(", ")
            ),
            source.clone(),
            status,
        );
    } else if !edge_only.is_empty() {
        let partly = if edge_only.len() < (to - from).num_days() as usize + 1 {
            format!("; {} fall within it", runs(&edge_only).join(", "))
        } else {
            String::new()
        };
        let why = if edge_periods.iter().all(|p| p.end_missing) {
            for p in edge_periods.iter() {
                b.missing(
                    &format!("supervision[{}].scheduled_end", p.index),
                    "Without an end date the SFO window after this period cannot be worked out.",
                    RuleId::QWindow,
                );
            }
            "whose end is not recorded, so the window cannot be worked out: record the scheduled end or the termination date"
        } else {
            "a type of supervision that may not count (see Q-SUPERVISION)"
        };
        b.reason(
            RuleId::QWindow,
            Finding::Check,
            format!(
                "{when} falls only within {}, {why}{partly}.",
                describe(&edge_periods)
            ),
            source.clone(),
            status,
        );
    } else {
        b.reason(
            RuleId::QWindow,
            Finding::Met,
            format!(
                "{when} was during supervision or within {tail} of it ending: {}.",
                describe(&counting_periods)
            ),
            source.clone(),
            status,
        );
    }
    (
        counting_periods.iter().map(|p| p.index).collect(),
        edge_periods.iter().map(|p| p.index).collect(),
    )
}

/// `Q-SUPERVISION` for the periods whose windows hold the offence.
fn supervision(windows: &[PeriodWindow], counting: &[usize], edge: &[usize], b: &mut Builder) {
    for w in windows.iter().filter(|w| counting.contains(&w.index)) {
        b.reason(
            RuleId::QSupervision,
            Finding::Met,
            format!(
                "Supervision period {} ({}) counts as probation supervision.",
                w.index + 1,
                lower_first(&w.type_name)
            ),
            w.citations.clone(),
            w.status,
        );
    }
    for w in windows
        .iter()
        .filter(|w| edge.contains(&w.index) && w.counts == Counts::Check)
    {
        b.reason(
            RuleId::QSupervision,
            Finding::Check,
            format!(
                "Supervision period {} is a {}: check with your SFO lead whether it counts. {}",
                w.index + 1,
                lower_first(&w.type_name),
                w.check_reason.clone().unwrap_or_default()
            )
            .trim_end()
            .to_string(),
            w.citations.clone(),
            w.status,
        );
    }
}
