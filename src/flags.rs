//! Flags for likely risk-assessment inaccuracies (rulebook §4.1). Each flag is
//! a prompt to look again, never a verdict, and says which facts raised it.

use crate::calendar::Calendar;
use crate::case::{
    AssessorRole, BehaviourKind, Case, ConvictionKind, Enquiry, EnquiryStatus, EventKind, KeyFact,
    Level, OrderKind, RiskGroup, Setting,
};
use crate::date::long;
use crate::fields::Choices;
use crate::policy::{PolicyProfile, Status};
use crate::registry::{status_text, CheckAgainst, RuleId};
use crate::report::{Fact, Flag};
use crate::text::capitalise;
use chrono::NaiveDate;

/// A flag's logic: what to check and which facts raise it. Its title, kinds,
/// causes and sources are in the registry.
pub struct FlagSpec {
    pub id: RuleId,
    pub check: &'static str,
    /// The facts that raise the flag; none means it is not raised.
    raise: Check,
}

type Check = fn(&Context) -> Vec<Fact>;

pub const CATALOGUE: &[FlagSpec] = &[
    FlagSpec {
        id: RuleId::FOverallBelowGroup,
        check: "The overall RoSH is the highest level of any group. Check the overall level and the group ratings agree.",
        raise: overall_below_group,
    },
    FlagSpec {
        id: RuleId::FGroupMissing,
        check: "Rate every group where there is an identified potential victim, and consider everyone who may be at risk in each group.",
        raise: group_missing,
    },
    FlagSpec {
        id: RuleId::FDaEnquiry,
        check: "Request and record the police domestic abuse enquiry, and use what it returns in the assessment.",
        raise: da_enquiry,
    },
    FlagSpec {
        id: RuleId::FSafeguardingEnquiry,
        check: "Request and record the children's services enquiry, and use what it returns in the assessment.",
        raise: safeguarding_enquiry,
    },
    FlagSpec {
        id: RuleId::FEmCurfewChecks,
        check: "Domestic abuse enquiries are mandated for every EM curfew proposal; for a home detention curfew, check that informed consent has been obtained.",
        raise: em_curfew_checks,
    },
    FlagSpec {
        id: RuleId::FNotReassessed,
        check: "Reassess the risk of serious harm after each risk-relevant event and record how it changed the assessment.",
        raise: not_reassessed,
    },
    FlagSpec {
        id: RuleId::FAssessmentOverdue,
        check: "Check a review of the assessment was due and whether it was completed.",
        raise: assessment_overdue,
    },
    FlagSpec {
        id: RuleId::FNoPostReleaseAssessment,
        check: "Check an assessment was completed promptly after release, taking account of custody behaviour and release plans.",
        raise: no_post_release_assessment,
    },
    FlagSpec {
        id: RuleId::FCustodyBehaviour,
        check: "Check violence, weapons and threats in custody were obtained from custody records and weighed in the RoSH level.",
        raise: custody_behaviour,
    },
    FlagSpec {
        id: RuleId::FNonConvictedBehaviour,
        check: "Consider all evidenced or admitted behaviour, not only convictions: call-outs, allegations and intelligence.",
        raise: non_convicted_behaviour,
    },
    FlagSpec {
        id: RuleId::FOrders,
        check: "Check the group the order protects is rated, and that the rating reflects why the order was made.",
        raise: orders,
    },
    FlagSpec {
        id: RuleId::FLevelDropped,
        check: "Check what evidence supports the lower level; a reduction needs a recorded change in circumstances.",
        raise: level_dropped,
    },
    FlagSpec {
        id: RuleId::FViolenceHistoryLow,
        check: "Check that the Low level is justified given the offending history, and that the assessment drew on all of it.",
        raise: violence_history_low,
    },
    FlagSpec {
        id: RuleId::FInexperiencedAssessor,
        check: "Check the assessment was countersigned by an experienced manager or officer.",
        raise: inexperienced_assessor,
    },
    FlagSpec {
        id: RuleId::FNotCaseManager,
        check: "Check the assessment reflects knowledge of the case; review it with the case manager.",
        raise: not_case_manager,
    },
    FlagSpec {
        id: RuleId::FUnverifiedInfo,
        check: "Verify self-reported key information (address, relationship, household, employment) with other sources.",
        raise: unverified_info,
    },
    FlagSpec {
        id: RuleId::FMultiAgency,
        check: "Record the MAPPA level, and seek information from police, children's services and MARAC where there is domestic abuse risk.",
        raise: multi_agency,
    },
];

pub fn spec(id: RuleId) -> Option<&'static FlagSpec> {
    CATALOGUE.iter().find(|s| s.id == id)
}

fn fact(field: &str, text: impl Into<String>) -> Fact {
    Fact {
        field: field.to_string(),
        label: crate::fields::label(field),
        text: text.into(),
    }
}

/// A fact about one value of a list of values (a ticked box): labelled by
/// the list and the value, e.g. "Previous convictions: domestic abuse".
fn item_fact<T: Choices>(list: &str, index: usize, value: T, text: impl Into<String>) -> Fact {
    Fact {
        field: format!("{list}[{index}]"),
        label: format!(
            "{}: {}",
            crate::fields::label(list),
            crate::text::lower_first(value.choice_label())
        ),
        text: text.into(),
    }
}

fn yes(value: Option<bool>) -> bool {
    value == Some(true)
}

impl Context<'_> {
    /// An undated fact counts; a dated one only up to the date judged.
    fn happened_by_then(&self, date: Option<crate::date::Date>) -> bool {
        date.is_none_or(|d| d.get() <= self.as_at)
    }

    /// The last day an enquiry could inform the assessment: the assessment's
    /// date (the rulebook's settled reading: an enquiry completed on or
    /// before the assessment counts, even after the alleged offence), or
    /// the date judged when no assessment date is recorded.
    fn assessment_cutoff(&self) -> NaiveDate {
        self.case.rosh.date.map_or(self.as_at, |d| d.get())
    }

    /// What the case records of an enquiry that did not count by `by` (the
    /// date judged or the assessment cutoff).
    fn enquiry_fact(&self, field: &str, enquiry: &Enquiry, name: &str, by: NaiveDate) -> Fact {
        let text = match (enquiry.status, enquiry.completed) {
            (Some(EnquiryStatus::Completed), Some(done)) if done.get() > by => {
                let after = if by == self.as_at {
                    format!("the alleged offence ({})", long(by))
                } else {
                    format!("the assessment ({})", long(by))
                };
                format!(
                    "The {name} was completed on {}, after {after}",
                    long(done.get())
                )
            }
            (Some(EnquiryStatus::Requested), _) => {
                format!("The {name} was requested but not completed")
            }
            (Some(EnquiryStatus::NotRequested), _) => format!("The {name} was not requested"),
            (Some(EnquiryStatus::Completed), _) => format!("The {name} was completed"),
            (None, _) => format!("No {name} is recorded"),
        };
        fact(field, text)
    }
}

/// The enquiry was completed on or before `by` (an undated completion counts).
fn completed_by(enquiry: &Enquiry, by: NaiveDate) -> bool {
    enquiry.is_completed() && enquiry.completed.is_none_or(|d| d.get() <= by)
}

pub struct Context<'a> {
    case: &'a Case,
    policy: &'a PolicyProfile,
    calendar: &'a Calendar,
    /// The date the assessment is judged on: the alleged offence, else today.
    as_at: NaiveDate,
}

/// Every flag the case raises, in catalogue order.
pub fn flags(
    case: &Case,
    policy: &PolicyProfile,
    calendar: &Calendar,
    today: NaiveDate,
) -> Vec<Flag> {
    let cx = Context {
        case,
        policy,
        calendar,
        as_at: case.offence.alleged_from.map_or(today, |d| d.get()),
    };
    let mut raised: Vec<Flag> = CATALOGUE
        .iter()
        .filter_map(|spec| {
            let facts = (spec.raise)(&cx);
            if facts.is_empty() {
                return None;
            }
            let entry = spec.id.entry();
            Some(Flag {
                id: spec.id,
                title: entry.title,
                kinds: entry.inaccuracy.iter().map(|k| (*k).into()).collect(),
                kind_is_reading: entry.inaccuracy_is_reading,
                causes: entry.causes.iter().map(|c| (*c).into()).collect(),
                facts,
                check: spec.check,
                citations: entry.cited(),
                status: entry.status,
                status_text: entry.status_text(),
                see_also: Vec::new(),
            })
        })
        .collect();
    link_shared_facts(&mut raised);
    raised
}

/// Points each flag to the others raised by one of the same facts, so the
/// page can say a fact once.
fn link_shared_facts(flags: &mut [Flag]) {
    let facts: Vec<(RuleId, Vec<String>)> = flags
        .iter()
        .map(|f| {
            (
                f.id,
                f.facts.iter().map(|fact| fact.field.clone()).collect(),
            )
        })
        .collect();
    for flag in flags.iter_mut() {
        let own: Vec<&String> = flag.facts.iter().map(|f| &f.field).collect();
        flag.see_also = facts
            .iter()
            .filter(|(id, fields)| *id != flag.id && fields.iter().any(|f| own.contains(&f)))
            .map(|(id, _)| *id)
            .collect();
    }
}

fn overall_below_group(cx: &Context) -> Vec<Fact> {
    let rosh = &cx.case.rosh;
    match (rosh.overall, rosh.groups.highest()) {
        (Some(overall), Some((group, level))) if overall < level => vec![
            fact(
                "rosh.overall",
                format!("Overall RoSH is {}", overall.label()),
            ),
            fact(
                group.field(),
                format!("RoSH to {} is {}", group.label(), level.label()),
            ),
        ],
        _ => Vec::new(),
    }
}

fn group_missing(cx: &Context) -> Vec<Fact> {
    let c = &cx.case.circumstances;
    let rosh = &cx.case.rosh;
    let mut facts = Vec::new();
    let mut require = |group: RiskGroup, why: Vec<Fact>| {
        if !why.is_empty() && rosh.groups.get(group).is_none() {
            facts.extend(why);
            facts.push(fact(
                group.field(),
                format!("No RoSH rating for {}", group.label()),
            ));
        }
    };
    let mut children = Vec::new();
    if yes(c.children_in_household) {
        children.push(fact(
            "circumstances.children_in_household",
            "Children live in the household",
        ));
    }
    if yes(c.children_visiting) {
        children.push(fact(
            "circumstances.children_visiting",
            "Children visit the household",
        ));
    }
    require(RiskGroup::Children, children);
    let mut known_adult = Vec::new();
    for (value, field, text) in [
        (c.partner, "circumstances.partner", "Has a partner"),
        (
            c.ex_partner,
            "circumstances.ex_partner",
            "Has an ex-partner",
        ),
        (
            c.named_victim,
            "circumstances.named_victim",
            "There is a named victim",
        ),
    ] {
        if yes(value) {
            known_adult.push(fact(field, text));
        }
    }
    require(RiskGroup::KnownAdult, known_adult);
    let staff = if yes(c.violence_to_staff) {
        vec![fact(
            "circumstances.violence_to_staff",
            "Violence or threats towards staff are recorded",
        )]
    } else {
        Vec::new()
    };
    require(RiskGroup::Staff, staff);
    let prisoners = if rosh.setting == Some(Setting::Custody) {
        vec![fact("rosh.setting", "The assessment was made in custody")]
    } else {
        Vec::new()
    };
    require(RiskGroup::Prisoners, prisoners);
    facts
}

fn em_curfew(cx: &Context) -> Vec<Fact> {
    let c = &cx.case.circumstances;
    let mut facts = Vec::new();
    if yes(c.em_curfew_proposed) {
        facts.push(fact(
            "circumstances.em_curfew_proposed",
            "An electronically monitored curfew is proposed",
        ));
    }
    if yes(c.hdc_proposed) {
        facts.push(fact(
            "circumstances.hdc_proposed",
            "Home detention curfew is proposed",
        ));
    }
    facts
}

/// Every sign of domestic abuse in the case, up to the date judged.
fn domestic_abuse_facts(cx: &Context) -> Vec<Fact> {
    let c = &cx.case.circumstances;
    let mut facts = Vec::new();
    if yes(c.domestic_abuse_indicators) {
        facts.push(fact(
            "circumstances.domestic_abuse_indicators",
            "There are domestic abuse indicators",
        ));
    }
    for (i, kind) in c.previous_convictions.iter().enumerate() {
        if *kind == ConvictionKind::DomesticAbuse {
            facts.push(item_fact(
                "circumstances.previous_convictions",
                i,
                *kind,
                "Previous convictions for domestic abuse",
            ));
        }
    }
    for (i, b) in c.non_convicted_behaviour.iter().enumerate() {
        if b.kind == Some(BehaviourKind::DomesticAbuseCallOut) && cx.happened_by_then(b.date) {
            facts.push(fact(
                &format!("circumstances.non_convicted_behaviour[{i}]"),
                "A domestic abuse call-out that did not lead to a conviction",
            ));
        }
    }
    for (i, order) in c.orders.iter().enumerate() {
        if matches!(
            order.kind,
            Some(OrderKind::DomesticAbuseProtection | OrderKind::NonMolestation)
        ) {
            facts.push(fact(
                &format!("circumstances.orders[{i}]"),
                format!("A {}", order.kind.map_or("", |k| k.label())),
            ));
        }
    }
    for (i, e) in cx.case.events.iter().enumerate() {
        if e.kind == Some(EventKind::DomesticAbuseCallOut) && cx.happened_by_then(e.date) {
            facts.push(fact(
                &format!("events[{i}]"),
                "A domestic abuse call-out or allegation",
            ));
        }
    }
    facts
}

fn da_enquiry(cx: &Context) -> Vec<Fact> {
    let c = &cx.case.circumstances;
    let enquiry = &cx.case.rosh.domestic_abuse_enquiry;
    if completed_by(enquiry, cx.as_at) {
        return Vec::new();
    }
    let mut reasons = domestic_abuse_facts(cx);
    if yes(c.partner) {
        reasons.push(fact("circumstances.partner", "Has a partner"));
    }
    reasons.extend(em_curfew(cx));
    if reasons.is_empty() {
        return reasons;
    }
    reasons.push(cx.enquiry_fact(
        "rosh.domestic_abuse_enquiry.status",
        enquiry,
        "police domestic abuse enquiry",
        cx.as_at,
    ));
    reasons
}

fn safeguarding_enquiry(cx: &Context) -> Vec<Fact> {
    let c = &cx.case.circumstances;
    let enquiry = &cx.case.rosh.safeguarding_enquiry;
    if completed_by(enquiry, cx.as_at) {
        return Vec::new();
    }
    let mut reasons = Vec::new();
    for (value, field, text) in [
        (
            c.children_in_household,
            "circumstances.children_in_household",
            "Lives with children",
        ),
        (
            c.children_visiting,
            "circumstances.children_visiting",
            "Children visit the household",
        ),
        (
            c.contact_with_children,
            "circumstances.contact_with_children",
            "Has contact with children",
        ),
        (
            c.offended_against_children,
            "circumstances.offended_against_children",
            "Has offended against children",
        ),
    ] {
        if yes(value) {
            reasons.push(fact(field, text));
        }
    }
    if reasons.is_empty() {
        return reasons;
    }
    reasons.push(cx.enquiry_fact(
        "rosh.safeguarding_enquiry.status",
        enquiry,
        "children's services enquiry",
        cx.as_at,
    ));
    reasons
}

fn em_curfew_checks(cx: &Context) -> Vec<Fact> {
    let c = &cx.case.circumstances;
    let curfew = em_curfew(cx);
    if curfew.is_empty() {
        return curfew;
    }
    let mut missing = Vec::new();
    let enquiry = &cx.case.rosh.domestic_abuse_enquiry;
    if !completed_by(enquiry, cx.as_at) {
        missing.push(cx.enquiry_fact(
            "rosh.domestic_abuse_enquiry.status",
            enquiry,
            "police domestic abuse enquiry",
            cx.as_at,
        ));
    }
    if yes(c.hdc_proposed) && !yes(c.occupier_consent) {
        let text = if c.occupier_consent == Some(false) {
            "Informed consent for the curfew has not been given"
        } else {
            "Informed consent for the curfew is not recorded"
        };
        missing.push(fact("circumstances.occupier_consent", text));
    }
    if missing.is_empty() {
        return missing;
    }
    curfew.into_iter().chain(missing).collect()
}

fn not_reassessed(cx: &Context) -> Vec<Fact> {
    let Some(assessed) = cx.case.rosh.date.map(|d| d.get()) else {
        return Vec::new();
    };
    let mut facts: Vec<Fact> = cx
        .case
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, e, e.kind?, e.date?.get())))
        .filter(|(_, _, _, date)| *date > assessed && *date <= cx.as_at)
        .map(|(i, e, kind, date)| {
            let note = e
                .note
                .as_deref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default();
            fact(
                &format!("events[{i}]"),
                format!("{} on {}{}", capitalise(kind.label()), long(date), note),
            )
        })
        .collect();
    if !facts.is_empty() {
        facts.push(fact(
            "rosh.date",
            format!("The latest assessment is dated {}", long(assessed)),
        ));
    }
    facts
}

fn assessment_overdue(cx: &Context) -> Vec<Fact> {
    let rosh = &cx.case.rosh;
    let (Some(date), Some(level)) = (rosh.date.map(|d| d.get()), rosh.overall) else {
        return Vec::new();
    };
    let intervals = &cx.policy.review_intervals;
    let interval = if level >= Level::High {
        &intervals.high_or_very_high
    } else {
        &intervals.other
    };
    match interval.offset().apply(cx.calendar, date) {
        Some(due) if cx.as_at > due => vec![
            fact(
                "rosh.date",
                format!(
                    "The latest assessment ({}, {}) was older than {} on {}",
                    long(date),
                    level.label(),
                    interval.offset().describe(),
                    long(cx.as_at)
                ),
            ),
            fact(
                "policy.review_intervals",
                format!(
                    "A review was due by {} ({})",
                    long(due),
                    status_word(interval.status)
                ),
            ),
        ],
        _ => Vec::new(),
    }
}

fn status_word(status: Status) -> &'static str {
    status_text(status, CheckAgainst::RegionalTimescales)
}

fn no_post_release_assessment(cx: &Context) -> Vec<Fact> {
    let interval = &cx.policy.review_intervals.after_release;
    let assessed = cx.case.rosh.date.map(|d| d.get());
    // The latest release on licence before the date judged.
    let release = cx
        .case
        .supervision
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.kind
                .as_deref()
                .and_then(|k| cx.policy.supervision_type(k))
                .is_some_and(|t| t.starts_on_release)
        })
        .filter_map(|(i, p)| Some((i, p.start?.get())))
        .filter(|(_, start)| *start <= cx.as_at)
        .max_by_key(|(_, start)| *start);
    let Some((i, released)) = release else {
        return Vec::new();
    };
    let Some(due) = interval.offset().apply(cx.calendar, released) else {
        return Vec::new();
    };
    // Without an assessment date the report lists it as missing instead.
    let Some(assessed) = assessed else {
        return Vec::new();
    };
    let previous = cx.case.rosh.previous.date.map(|d| d.get());
    let in_window = |a: NaiveDate| a >= released && a <= due;
    let in_time = in_window(assessed) || previous.is_some_and(in_window);
    // Judged on the offence date: until the interval runs out nothing is late.
    if in_time || cx.as_at <= due {
        return Vec::new();
    }
    let assessed_text = if assessed < released {
        format!(
            "The latest assessment ({}) predates release",
            long(assessed)
        )
    } else {
        format!("The assessment after release is dated {}", long(assessed))
    };
    vec![
        fact(
            &format!("supervision[{i}].start"),
            format!(
                "Released on licence {}; an assessment was due within {} (by {}, {})",
                long(released),
                interval.offset().describe(),
                long(due),
                status_word(interval.status)
            ),
        ),
        fact("rosh.date", assessed_text),
    ]
}

fn custody_behaviour(cx: &Context) -> Vec<Fact> {
    // Incidents up to the date judged, with their indexes in the case.
    let incidents: Vec<(usize, &crate::case::CustodyIncident)> = cx
        .case
        .circumstances
        .custody_incidents
        .iter()
        .enumerate()
        .filter(|(_, incident)| cx.happened_by_then(incident.date))
        .collect();
    if incidents.is_empty() {
        return Vec::new();
    }
    let assessed = cx.case.rosh.date.map(|d| d.get());
    let overall = cx.case.rosh.overall;
    let low_or_medium = overall.is_some_and(|l| l <= Level::Medium);
    let mut unconsidered = Vec::new();
    for &(i, incident) in &incidents {
        let after = matches!((incident.date, assessed), (Some(d), Some(a)) if d.get() > a);
        if incident.considered_in_assessment == Some(false) || after {
            let when = incident
                .date
                .map(|d| format!(" on {}", long(d.get())))
                .unwrap_or_default();
            let why = if after {
                "after the assessment"
            } else {
                "not considered in the assessment"
            };
            unconsidered.push(fact(
                &format!("circumstances.custody_incidents[{i}]"),
                format!("{} in custody{when}, {why}", incident_label(incident.kind)),
            ));
        }
    }
    if unconsidered.is_empty() && !low_or_medium {
        return Vec::new();
    }
    let mut facts = if unconsidered.is_empty() {
        incidents
            .iter()
            .map(|(i, incident)| {
                fact(
                    &format!("circumstances.custody_incidents[{i}]"),
                    format!("{} in custody is recorded", incident_label(incident.kind)),
                )
            })
            .collect()
    } else {
        unconsidered
    };
    if low_or_medium {
        facts.push(fact(
            "rosh.overall",
            format!("Overall RoSH stayed {}", overall.map_or("", |l| l.label())),
        ));
    }
    facts
}

fn incident_label(kind: Option<crate::case::CustodyIncidentKind>) -> &'static str {
    use crate::case::CustodyIncidentKind::*;
    match kind {
        Some(Violence) => "Violence",
        Some(Weapon) => "A weapon",
        Some(Threats) => "Threats",
        None => "An incident",
    }
}

fn non_convicted_behaviour(cx: &Context) -> Vec<Fact> {
    let behaviour = &cx.case.circumstances.non_convicted_behaviour;
    let sources = &cx.case.rosh.sources;
    if behaviour.is_empty()
        || sources.is_empty()
        || sources.iter().any(|s| s.covers_non_convicted_behaviour())
    {
        return Vec::new();
    }
    let mut facts: Vec<Fact> = behaviour
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let when = b
                .date
                .map(|d| format!(" on {}", long(d.get())))
                .unwrap_or_default();
            fact(
                &format!("circumstances.non_convicted_behaviour[{i}]"),
                format!(
                    "{}{when}",
                    capitalise(b.kind.map_or("behaviour", |k| k.label()))
                ),
            )
        })
        .collect();
    facts.push(fact(
        "rosh.sources",
        "The assessment drew only on convictions, previous assessments or self-report",
    ));
    facts
}

fn orders(cx: &Context) -> Vec<Fact> {
    let groups = &cx.case.rosh.groups;
    let mut facts = Vec::new();
    for (i, order) in cx.case.circumstances.orders.iter().enumerate() {
        for group in &order.protects {
            let rating = groups.get(*group);
            if rating.is_none_or(|l| l == Level::Low) {
                facts.push(fact(
                    &format!("circumstances.orders[{i}]"),
                    format!(
                        "A {} protects {}",
                        order.kind.map_or("protective order", |k| k.label()),
                        group.label()
                    ),
                ));
                facts.push(fact(
                    group.field(),
                    match rating {
                        Some(l) => format!("RoSH to {} is {}", group.label(), l.label()),
                        None => format!("No RoSH rating for {}", group.label()),
                    },
                ));
            }
        }
    }
    facts
}

fn level_dropped(cx: &Context) -> Vec<Fact> {
    let rosh = &cx.case.rosh;
    match (rosh.previous.overall, rosh.overall) {
        (Some(before), Some(now))
            if now < before && !yes(rosh.change_in_circumstances_recorded) =>
        {
            let when = rosh
                .previous
                .date
                .map(|d| format!(" on {}", long(d.get())))
                .unwrap_or_default();
            vec![
                fact(
                    "rosh.previous.overall",
                    format!("The previous assessment{when} was {}", before.label()),
                ),
                fact("rosh.overall", format!("The latest is {}", now.label())),
                fact(
                    "rosh.change_in_circumstances_recorded",
                    "No change in circumstances is recorded",
                ),
            ]
        }
        _ => Vec::new(),
    }
}

fn violence_history_low(cx: &Context) -> Vec<Fact> {
    let c = &cx.case.circumstances;
    if cx.case.rosh.overall != Some(Level::Low) {
        return Vec::new();
    }
    let mut facts = Vec::new();
    if yes(c.index_offence_violent) {
        facts.push(fact(
            "circumstances.index_offence_violent",
            "The index offence is violent",
        ));
    }
    if yes(c.index_offence_sexual) {
        facts.push(fact(
            "circumstances.index_offence_sexual",
            "The index offence is sexual",
        ));
    }
    for (i, kind) in c.previous_convictions.iter().enumerate() {
        if matches!(
            kind,
            ConvictionKind::SeriousViolence
                | ConvictionKind::Weapons
                | ConvictionKind::DomesticAbuse
        ) {
            facts.push(item_fact(
                "circumstances.previous_convictions",
                i,
                *kind,
                format!("Previous convictions for {}", kind.label()),
            ));
        }
    }
    if !facts.is_empty() {
        facts.push(fact("rosh.overall", "Overall RoSH is Low"));
    }
    facts
}

fn inexperienced_assessor(cx: &Context) -> Vec<Fact> {
    let rosh = &cx.case.rosh;
    let assessor = &rosh.assessor;
    if yes(assessor.countersigned) {
        return Vec::new();
    }
    let newly_qualified = cx.policy.review_intervals.newly_qualified_months.amount;
    let mut inexperience = Vec::new();
    match assessor.role {
        Some(AssessorRole::Trainee) => {
            inexperience.push(fact("rosh.assessor.role", "Completed by a trainee"))
        }
        Some(AssessorRole::ProbationServicesOfficer) => inexperience.push(fact(
            "rosh.assessor.role",
            "Completed by a probation services officer",
        )),
        _ => {}
    }
    if let Some(months) = assessor.months_qualified {
        if months < newly_qualified {
            inexperience.push(fact(
                "rosh.assessor.months_qualified",
                format!("The assessor qualified {months} months before (newly qualified: under {newly_qualified})"),
            ));
        }
    }
    if inexperience.is_empty() {
        return inexperience;
    }
    let mut demanding = Vec::new();
    if let Some(level) = rosh.overall.filter(|l| *l >= Level::High) {
        demanding.push(fact(
            "rosh.overall",
            format!("Overall RoSH is {}", level.label()),
        ));
    }
    // MAPPA level 2 or 3 stands for complexity only when it is not recorded.
    match cx.case.circumstances.complex_case {
        Some(true) => demanding.push(fact(
            "circumstances.complex_case",
            "The case is recorded as complex",
        )),
        Some(false) => {}
        None => {
            if let Some(level) = cx.case.circumstances.mappa.level.filter(|l| *l >= 2) {
                demanding.push(fact(
                    "circumstances.mappa.level",
                    format!("Managed at MAPPA level {level}"),
                ));
            }
        }
    }
    if demanding.is_empty() {
        return demanding;
    }
    let countersigned = match assessor.countersigned {
        Some(false) => "Not countersigned",
        _ => "No countersignature is recorded",
    };
    inexperience
        .into_iter()
        .chain(demanding)
        .chain([fact("rosh.assessor.countersigned", countersigned)])
        .collect()
}

fn not_case_manager(cx: &Context) -> Vec<Fact> {
    let rosh = &cx.case.rosh;
    let mut facts = Vec::new();
    if rosh.assessor.manages_case == Some(false) {
        facts.push(fact(
            "rosh.assessor.manages_case",
            "Completed by a practitioner who does not manage the case",
        ));
    }
    if yes(rosh.completed_late) {
        facts.push(fact(
            "rosh.completed_late",
            "The assessment was completed late",
        ));
    }
    facts
}

fn unverified_info(cx: &Context) -> Vec<Fact> {
    cx.case
        .rosh
        .unverified
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let what = match key {
                KeyFact::Address => "address",
                KeyFact::Relationship => "relationship",
                KeyFact::Household => "household",
                KeyFact::Employment => "employment",
            };
            item_fact(
                "rosh.unverified",
                i,
                *key,
                format!("The {what} is self-reported and not verified"),
            )
        })
        .collect()
}

fn multi_agency(cx: &Context) -> Vec<Fact> {
    let c = &cx.case.circumstances;
    let mut facts = Vec::new();
    let eligible = yes(c.mappa.eligible) || c.mappa.category.is_some();
    if eligible && c.mappa.level.is_none() {
        let text = match c.mappa.category {
            Some(category) => format!("MAPPA category {category}, but no MAPPA level is recorded"),
            None => "MAPPA-eligible, but no MAPPA level is recorded".to_string(),
        };
        facts.push(fact("circumstances.mappa.level", text));
    }
    let da_risk = domestic_abuse_facts(cx);
    let rosh = &cx.case.rosh;
    let enquiries = [
        (
            &rosh.domestic_abuse_enquiry,
            "rosh.domestic_abuse_enquiry.status",
            "police domestic abuse enquiry",
        ),
        (
            &rosh.safeguarding_enquiry,
            "rosh.safeguarding_enquiry.status",
            "children's services enquiry",
        ),
    ];
    let cutoff = cx.assessment_cutoff();
    let agencies = rosh.sources.iter().any(|s| s.is_other_agency())
        || enquiries
            .iter()
            .any(|(enquiry, _, _)| completed_by(enquiry, cutoff));
    if !da_risk.is_empty() && !agencies {
        facts.extend(da_risk);
        // An enquiry completed too late to inform the assessment is named.
        for (enquiry, field, name) in enquiries {
            if enquiry.is_completed() {
                facts.push(cx.enquiry_fact(field, enquiry, name, cutoff));
            }
        }
        facts.push(fact(
            "rosh.sources",
            "No information from police, children's services, MARAC or other agencies is recorded",
        ));
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_flag_says_more_than_its_source() {
        for spec in CATALOGUE {
            let check = spec.check.to_lowercase();
            assert!(!check.contains("most sfos"), "{}", spec.id);
            assert!(!check.contains("occupier"), "{}", spec.id);
            assert!(!check.contains("inexperienced"), "{}", spec.id);
        }
    }

    #[test]
    fn every_flag_in_the_registry_has_its_logic_once() {
        let flags: Vec<RuleId> = RuleId::ALL
            .iter()
            .copied()
            .filter(|id| id.kind() == crate::registry::RuleKind::Flag)
            .collect();
        let ids: Vec<RuleId> = CATALOGUE.iter().map(|s| s.id).collect();
        assert_eq!(ids, flags, "in registry order, each once");
    }
}
