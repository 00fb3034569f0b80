//! The SFO timetable (rulebook §3): each step's due date, extensions and state.

use crate::calendar::{is_confirmed_year, Calendar};
use crate::case::{Case, Decision};
use crate::date::long;
use crate::policy::{citations, Anchor, Completion, PolicyProfile, Step};
use crate::registry::status_text;
use crate::report::{CountsFrom, Deadline, ExtensionResult, QualificationStatus, State};
use chrono::{Datelike, NaiveDate};

/// The date a step counts from, as entered; `None` if not (yet) known.
pub(crate) fn anchor_date(case: &Case, anchor: Anchor) -> Option<NaiveDate> {
    let date = match anchor {
        Anchor::SupervisionEnd => return supervision_end(case),
        Anchor::Charged => case.offence.charged,
        Anchor::FirstCourtAppearance => case.offence.first_court_appearance,
        Anchor::NotificationSubmitted => case.review.notification_submitted,
        Anchor::ReviewSubmitted => case.review.review_submitted,
    };
    date.map(|d| d.get())
}

/// The day the last supervision period ended; `None` if none is recorded or
/// one has no end.
pub fn supervision_end(case: &Case) -> Option<NaiveDate> {
    let ends: Option<Vec<NaiveDate>> = case.supervision.iter().map(|p| p.end()).collect();
    ends?.into_iter().max()
}

fn completion_date(case: &Case, completion: Completion) -> Option<NaiveDate> {
    let r = &case.review;
    match completion {
        Completion::NotificationSubmitted => r.notification_submitted,
        Completion::ReviewSubmitted => r.review_submitted,
        Completion::QaCompleted => r.qa_completed,
    }
    .map(|d| d.get())
}

fn plural(n: i64, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

fn describe_state(state: &State, due: Option<NaiveDate>) -> String {
    let wd = |n: i64| plural(n, "working day");
    match state {
        State::Done => "Done (no due date could be worked out)".into(),
        State::DoneOnTime => "Done on time".into(),
        State::DoneLate { working_days: 0 } => {
            "Done late: after the due date, on a day that is not a working day".into()
        }
        State::DoneLate { working_days } => format!("Done late by {}", wd(*working_days)),
        State::DueIn { working_days: 0 } => match due {
            Some(due) => format!("Due {}", long(due)),
            None => "Due".into(),
        },
        State::DueIn { working_days } => format!("Due in {}", wd(*working_days)),
        State::DueToday => "Due today".into(),
        State::Overdue { working_days: 0 } => match due {
            Some(due) => format!("Overdue since {}", long(due)),
            None => "Overdue".into(),
        },
        State::Overdue { working_days } => format!("Overdue by {}", wd(*working_days)),
        State::Open { working_days: 0 } => "Open: closes today".into(),
        State::Open { working_days } => format!("Open: closes in {}", wd(*working_days)),
        State::Closed { working_days } => format!("Closed {} ago", wd(*working_days)),
        State::Waiting => "Not yet dated".into(),
        State::NotRequired => "Not required: the case does not qualify".into(),
    }
}

pub fn deadlines(
    case: &Case,
    policy: &PolicyProfile,
    calendar: &Calendar,
    today: NaiveDate,
    status: QualificationStatus,
) -> Vec<Deadline> {
    let mut out: Vec<Deadline> = Vec::new();
    for step in &policy.timetable {
        let deadline = deadline(case, policy, calendar, today, status, step, &out);
        out.push(deadline);
    }
    out
}

fn deadline(
    case: &Case,
    policy: &PolicyProfile,
    calendar: &Calendar,
    today: NaiveDate,
    status: QualificationStatus,
    step: &Step,
    earlier: &[Deadline],
) -> Deadline {
    let mut projected = false;
    let mut anchor = anchor_date(case, step.counts_from);
    let mut anchor_label = step.counts_from.label().to_string();
    if anchor.is_none() {
        if let Some(previous) = step
            .else_from_due_of
            .as_ref()
            .and_then(|id| earlier.iter().find(|d| d.id == *id))
        {
            anchor = previous.current_due;
            projected = anchor.is_some();
            anchor_label = format!(
                "{} (not yet: counted from the due date of \u{201c}{}\u{201d})",
                step.counts_from.label(),
                previous.label
            );
        }
    }
    let original_due = anchor.and_then(|a| step.offset.apply(calendar, a));

    let mut extensions: Vec<(usize, &crate::case::Extension)> = case
        .review
        .extensions
        .iter()
        .enumerate()
        .filter(|(_, e)| e.step.as_deref() == Some(step.id.as_str()))
        .collect();
    extensions.sort_by_key(|(i, e)| (e.requested, *i));
    let mut current_due = original_due;
    let mut results = Vec::new();
    for (index, ext) in extensions {
        let Some(requested) = ext.requested.map(|d| d.get()) else {
            continue; // Rejected by validation.
        };
        let before_deadline = current_due.map(|due| requested <= due);
        let mut new_due = None;
        let mut beyond_calendar = false;
        if ext.decision == Decision::Granted {
            new_due = match (ext.new_due, ext.extra_working_days) {
                (Some(date), _) => Some(date.get()),
                (None, Some(days)) => {
                    current_due.and_then(|due| calendar.add_working_days(due, days))
                }
                (None, None) => None,
            };
            beyond_calendar = new_due.is_none()
                && current_due.is_some()
                && ext.new_due.is_none()
                && ext.extra_working_days.is_some();
            if new_due.is_some() {
                current_due = new_due;
            }
        }
        results.push(ExtensionResult {
            index,
            requested,
            decision: ext.decision,
            before_deadline,
            new_due,
            beyond_calendar,
        });
    }
    let extended = current_due != original_due;
    let extension_requested_before_deadline = match original_due {
        Some(due) if !results.is_empty() => Some(results.iter().any(|r| r.requested <= due)),
        _ => None,
    };

    let completed = step.completed_by.and_then(|c| completion_date(case, c));
    let state = match (step.completed_by, completed, current_due) {
        (None, _, None) => State::Waiting,
        (None, _, Some(close)) => {
            let n = calendar.working_days_between(today, close);
            if today <= close {
                State::Open { working_days: n }
            } else {
                State::Closed { working_days: -n }
            }
        }
        (Some(_), Some(done), Some(due)) => {
            if done <= due {
                State::DoneOnTime
            } else {
                State::DoneLate {
                    working_days: calendar.working_days_between(due, done),
                }
            }
        }
        (Some(_), Some(_), None) => State::Done,
        (Some(_), None, _) if status == QualificationStatus::DoesNotQualify => State::NotRequired,
        (Some(_), None, None) => State::Waiting,
        (Some(_), None, Some(due)) => {
            if today < due {
                State::DueIn {
                    working_days: calendar.working_days_between(today, due),
                }
            } else if today == due {
                State::DueToday
            } else {
                State::Overdue {
                    working_days: calendar.working_days_between(due, today),
                }
            }
        }
    };
    let state_text = match (&state, anchor) {
        (State::Waiting, None) => format!("Waiting for {}", step.counts_from.label()),
        _ => describe_state(&state, current_due),
    };
    let predicted = [original_due, current_due]
        .iter()
        .flatten()
        .any(|d| !is_confirmed_year(d.year()));
    Deadline {
        id: step.id,
        label: step.label.clone(),
        counts_from: CountsFrom {
            event: anchor_event(step.counts_from),
            label: anchor_label,
            date: anchor,
            projected,
        },
        offset: step.offset,
        rule_text: step.rule_text(),
        original_due,
        current_due,
        extended,
        extension_requested_before_deadline,
        extensions: results,
        completed,
        state,
        state_text,
        predicted,
        status: step.status,
        status_text: status_text(step.status, step.id.entry().check_against),
        citations: citations(&step.sources),
        policy: policy.id.clone(),
    }
}

fn anchor_event(anchor: Anchor) -> &'static str {
    match anchor {
        Anchor::SupervisionEnd => "supervision-end",
        Anchor::Charged => "charged",
        Anchor::FirstCourtAppearance => "first-court-appearance",
        Anchor::NotificationSubmitted => "notification-submitted",
        Anchor::ReviewSubmitted => "review-submitted",
    }
}
