//! The words for every case field: its name in sentences, the question a form
//! asks, a short hint, and the label of each value a field can take. Defined
//! here once; the case schema, the report, the text report and the page take
//! them from here.

use crate::case::*;
use crate::text::capitalise;
use serde::Serialize;

/// One case field (`supervision[].start` for a field of each list item).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FieldInfo {
    pub path: &'static str,
    /// The field as a noun phrase, e.g. "scheduled end date".
    pub name: &'static str,
    /// The question a form asks, when it is not just the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<&'static str>,
}

const fn field(path: &'static str, name: &'static str) -> FieldInfo {
    FieldInfo {
        path,
        name,
        question: None,
        hint: None,
    }
}

const fn asked(path: &'static str, name: &'static str, question: &'static str) -> FieldInfo {
    FieldInfo {
        path,
        name,
        question: Some(question),
        hint: None,
    }
}

const fn hinted(
    path: &'static str,
    name: &'static str,
    question: &'static str,
    hint: &'static str,
) -> FieldInfo {
    FieldInfo {
        path,
        name,
        question: Some(question),
        hint: Some(hint),
    }
}

/// Lists of the case, with the name of one item.
pub const LISTS: &[(&str, &str)] = &[
    ("supervision", "supervision period"),
    ("review.extensions", "extension request"),
    ("circumstances.orders", "protective order"),
    ("circumstances.custody_incidents", "custody incident"),
    (
        "circumstances.non_convicted_behaviour",
        "record of behaviour",
    ),
    ("events", "event"),
];

/// Lists of values (checkboxes): an item is named by its value.
const VALUE_LISTS: &[&str] = &[
    "rosh.sources",
    "rosh.unverified",
    "circumstances.previous_convictions",
    "circumstances.orders[].protects",
];

pub const FIELDS: &[FieldInfo] = &[
    field("schema", "format version"),
    hinted("reference", "case reference", "Case reference", "For your own records, for example a case number. Avoid names: this text goes into the files you save."),
    hinted("today", "\u{2018}assess on\u{2019} date", "Assess the case on", "Deadlines and overdue steps are worked out for this date. Leave blank to use today\u{2019}s date."),
    hinted("policy", "policy profile", "Policy profile id (optional)", "Leave blank to use the profile in force on the first court appearance (else the date charged)."),
    hinted("supervision", "supervision periods", "Supervision periods", "Each period of probation supervision, in any order: for example a licence followed by post-sentence supervision."),
    asked("supervision[].type", "type of supervision", "Type of supervision"),
    asked("supervision[].start", "start date", "Start date"),
    hinted("supervision[].scheduled_end", "scheduled end date", "Scheduled end date", "Leave blank for an indeterminate licence with no end date."),
    hinted("supervision[].terminated", "early termination date", "Date it ended early (if it did)", "Only if supervision was revoked or terminated before the scheduled end."),
    field("offence", "charged offence"),
    asked("offence.id", "offence charged", "Offence charged"),
    hinted("offence.inchoate", "inchoate form", "Was it charged as an attempt, conspiracy or similar?", "These count as the offence itself."),
    hinted("offence.alleged_from", "date of the alleged offence", "Date of the alleged offence", "If the offence is alleged over a range of days, the first day of the range."),
    asked("offence.alleged_to", "last day of the alleged offence range", "Last day of the range (if the date is a range)"),
    asked("offence.charged", "date charged", "Date charged"),
    asked("offence.first_court_appearance", "date of the first court appearance", "Date of the first court appearance on the charge"),
    asked("offence.charges_dropped", "date charges were dropped", "Date charges were dropped or discontinued (if they were)"),
    field("review", "review progress"),
    asked("review.notification_submitted", "date the notification was submitted", "Notification submitted on"),
    asked("review.review_submitted", "date the review was submitted", "SFO review submitted on"),
    asked("review.qa_completed", "date quality assurance was completed", "Quality assurance completed on"),
    asked("review.extensions", "extension requests", "Extension requests"),
    asked("review.extensions[].step", "step", "Step"),
    asked("review.extensions[].requested", "date requested", "Date requested"),
    asked("review.extensions[].decision", "decision", "Decision"),
    asked("review.extensions[].decided", "date decided", "Date decided"),
    asked("review.extensions[].new_due", "new due date", "New due date (if granted as a date)"),
    asked("review.extensions[].extra_working_days", "number of extra working days", "Or: extra working days granted"),
    asked("review.extensions[].reason", "reason", "Reason"),
    hinted("rosh", "RoSH assessment", "RoSH assessment", "The latest risk of serious harm (RoSH) assessment before the offence."),
    asked("rosh.date", "date of the RoSH assessment", "Date of the assessment"),
    asked("rosh.setting", "setting of the assessment", "Where was the assessment made?"),
    asked("rosh.overall", "overall RoSH level", "Overall RoSH level at the time of the offence"),
    hinted("rosh.groups", "RoSH levels for each group", "RoSH level for each group at the time of the offence", "Leave a group blank if it was not rated."),
    asked("rosh.groups.children", "RoSH level for children", "Children"),
    asked("rosh.groups.public", "RoSH level for the public", "Public"),
    asked("rosh.groups.known_adult", "RoSH level for a known adult", "Known adult"),
    asked("rosh.groups.staff", "RoSH level for staff", "Staff"),
    FieldInfo {
        hint: Some("Custody assessments only."),
        ..asked("rosh.groups.prisoners", "RoSH level for prisoners", "Prisoners")
    },
    asked("rosh.previous", "previous assessment", "Previous assessment"),
    asked("rosh.previous.date", "date of the previous assessment", "Date of the previous assessment"),
    asked("rosh.previous.overall", "previous overall RoSH level", "Overall RoSH level at the previous assessment"),
    asked("rosh.change_in_circumstances_recorded", "change in circumstances recorded", "Is a change in circumstances recorded between the previous assessment and this one?"),
    asked("rosh.assessor", "assessor", "Assessor"),
    asked("rosh.assessor.role", "role of the assessor", "Role of the assessor"),
    asked("rosh.assessor.months_qualified", "months since the assessor qualified", "Whole months since the assessor qualified"),
    asked("rosh.assessor.countersigned", "countersignature", "Was the assessment countersigned?"),
    asked("rosh.assessor.manages_case", "whether the assessor manages the case", "Does the assessor manage the case?"),
    asked("rosh.completed_late", "whether the assessment was late", "Was the assessment completed after it was due?"),
    asked("rosh.domestic_abuse_enquiry", "police domestic abuse enquiry", "Police domestic abuse enquiry"),
    asked("rosh.domestic_abuse_enquiry.status", "status of the domestic abuse enquiry", "Status"),
    asked("rosh.domestic_abuse_enquiry.requested", "date the domestic abuse enquiry was requested", "Date requested"),
    asked("rosh.domestic_abuse_enquiry.completed", "date the domestic abuse enquiry was completed", "Date completed"),
    asked("rosh.safeguarding_enquiry", "children\u{2019}s services safeguarding enquiry", "Children\u{2019}s services (safeguarding) enquiry"),
    asked("rosh.safeguarding_enquiry.status", "status of the safeguarding enquiry", "Status"),
    asked("rosh.safeguarding_enquiry.requested", "date the safeguarding enquiry was requested", "Date requested"),
    asked("rosh.safeguarding_enquiry.completed", "date the safeguarding enquiry was completed", "Date completed"),
    hinted("rosh.sources", "sources the assessment drew on", "Which sources did the assessment draw on?", "Select all that apply."),
    hinted("rosh.unverified", "facts self-reported and not verified", "Which key facts were self-reported and not verified?", "Select all that apply."),
    hinted("circumstances", "circumstances", "Circumstances", "Leave a question unanswered, or choose \u{201c}Not known\u{201d}, if you do not know: unknown is not the same as no."),
    asked("circumstances.children_in_household", "children in the household", "Do children live in the household?"),
    asked("circumstances.children_visiting", "children visiting the household", "Do children visit the household?"),
    asked("circumstances.contact_with_children", "contact with children", "Does the person have contact with children outside the household?"),
    asked("circumstances.offended_against_children", "offending against children", "Has the person offended against children?"),
    asked("circumstances.partner", "partner", "Does the person have a partner?"),
    asked("circumstances.ex_partner", "ex-partner who may be at risk", "Is there an ex-partner who may be at risk?"),
    asked("circumstances.named_victim", "named victim", "Is there a named victim?"),
    hinted("circumstances.domestic_abuse_indicators", "domestic abuse indicators", "Are there any domestic abuse indicators?", "History, police call-outs or disclosures."),
    asked("circumstances.violence_to_staff", "violence or threats towards staff", "Has there been violence or threats towards staff?"),
    asked("circumstances.em_curfew_proposed", "electronically monitored curfew proposed", "Is an electronically monitored (EM) curfew proposed?"),
    asked("circumstances.hdc_proposed", "home detention curfew proposed", "Is home detention curfew (HDC) proposed?"),
    asked("circumstances.occupier_consent", "informed consent for the curfew", "Has informed consent been obtained for the home detention curfew?"),
    asked("circumstances.mappa", "MAPPA", "MAPPA"),
    asked("circumstances.mappa.eligible", "MAPPA eligibility", "Is the person MAPPA-eligible?"),
    asked("circumstances.mappa.category", "MAPPA category", "MAPPA category"),
    asked("circumstances.mappa.level", "MAPPA level", "MAPPA level at the time of the offence"),
    asked("circumstances.orders", "protective orders", "Civil and ancillary orders protecting someone"),
    asked("circumstances.orders[].type", "type of order", "Type of order"),
    hinted("circumstances.orders[].protects", "groups protected", "Who does it protect?", "Select all that apply."),
    asked("circumstances.custody_incidents", "incidents in custody", "Incidents in custody"),
    asked("circumstances.custody_incidents[].type", "type of incident", "Type of incident"),
    asked("circumstances.custody_incidents[].date", "date of the incident", "Date of the incident"),
    asked("circumstances.custody_incidents[].considered_in_assessment", "whether the assessment took it into account", "Did the assessment take it into account?"),
    hinted("circumstances.non_convicted_behaviour", "behaviour that did not lead to a conviction", "Behaviour that did not lead to a conviction", "Evidenced or admitted behaviour: domestic abuse call-outs, allegations, intelligence."),
    asked("circumstances.non_convicted_behaviour[].type", "type of behaviour", "Type of behaviour"),
    asked("circumstances.non_convicted_behaviour[].date", "date", "Date"),
    asked("circumstances.index_offence_violent", "violent index offence", "Was the index offence violent?"),
    asked("circumstances.index_offence_sexual", "sexual index offence", "Was the index offence sexual?"),
    hinted("circumstances.previous_convictions", "previous convictions", "Previous convictions for", "Select all that apply."),
    hinted("circumstances.complex_case", "complex case", "Is it a complex case?", "Your or your manager\u{2019}s judgement."),
    hinted("events", "events since the assessment", "Events since the assessment", "Dated risk-relevant events that should prompt a reassessment."),
    asked("events[].type", "type of event", "What happened"),
    asked("events[].date", "date", "Date"),
    asked("events[].note", "note", "Note (optional)"),
    // Values of the policy profile that facts and messages point to.
    field("policy.review_intervals", "review interval in the policy profile"),
    field("policy.conditional_review", "condition in the policy profile"),
    field("policy.post_release", "post-release interval in the policy profile"),
];

/// A field pattern in words: `supervision[].start` → "Supervision period: start date".
pub fn pattern_label(pattern: &str) -> String {
    match pattern.rsplit_once("[].") {
        Some((list, _)) => {
            let item = LISTS
                .iter()
                .find(|(p, _)| *p == list)
                .map_or(list, |(_, name)| name);
            let leaf = info(pattern).map_or("", |f| f.name);
            capitalise(&format!("{item}: {leaf}"))
        }
        None => label(pattern),
    }
}

/// A path with list positions taken out: `supervision[2].start` → `supervision[].start`.
pub fn pattern(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

pub fn info(pattern: &str) -> Option<&'static FieldInfo> {
    // Looked up for every fact in every report: an index, built once.
    static BY_PATH: std::sync::OnceLock<std::collections::HashMap<&str, &FieldInfo>> =
        std::sync::OnceLock::new();
    BY_PATH
        .get_or_init(|| FIELDS.iter().map(|f| (f.path, f)).collect())
        .get(pattern)
        .copied()
}

/// A path in words, with list positions counted from 1:
/// `circumstances.custody_incidents[0].date` → "Custody incident 1: date of the incident".
/// `value` names a checkbox item by its label.
pub fn label(path: &str) -> String {
    if path.is_empty() {
        return "The whole document".to_string();
    }
    // The innermost list item the path is in, and what follows it.
    if let Some((list, index, rest)) = split_item(path) {
        // Counted from 1, in a width no index can overflow.
        let n = u128::from(index) + 1;
        let list_pattern = pattern(list);
        let item = LISTS
            .iter()
            .find(|(p, _)| list_pattern == *p)
            .map(|(_, name)| *name);
        let leaf = info(&pattern(path)).map(|f| f.name);
        return match (item, rest.is_empty(), leaf) {
            (Some(item), true, _) => capitalise(&format!("{item} {n}")),
            (Some(item), false, Some(leaf)) => capitalise(&format!("{item} {n}: {leaf}")),
            (None, true, _) if VALUE_LISTS.contains(&list_pattern.as_str()) => {
                format!("{}: item {n}", label(list))
            }
            _ => humanised(path),
        };
    }
    match info(path) {
        Some(f) => capitalise(f.name),
        None => humanised(path),
    }
}

/// `list[i]` and the rest after it, for the last list index in `path`.
fn split_item(path: &str) -> Option<(&str, u64, &str)> {
    let open = path.rfind('[')?;
    let close = open + path[open..].find(']')?;
    let index = path[open + 1..close].parse().ok()?;
    let rest = path[close + 1..].trim_start_matches('.');
    Some((&path[..open], index, rest))
}

/// A path no table knows (a policy profile's, say), still in words.
fn humanised(path: &str) -> String {
    let words: Vec<String> = path
        .split('.')
        .map(|segment| match segment.split_once('[') {
            Some((name, index)) => {
                let index = index.trim_end_matches(']');
                let n = index
                    .parse::<u64>()
                    .map_or_else(|_| index.to_string(), |i| (u128::from(i) + 1).to_string());
                format!("{} {n}", name.replace('_', " "))
            }
            None => segment.replace('_', " "),
        })
        .collect();
    capitalise(&words.join(": "))
}

/// An enum value as it is written in JSON.
pub fn json_name<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// A value a field can take, with its label.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: &'static str,
}

/// Enums whose values a person picks.
pub trait Choices: Serialize + Copy + PartialEq + 'static {
    const CHOICES: &'static [(Self, &'static str)];

    fn choice_label(self) -> &'static str {
        Self::CHOICES
            .iter()
            .find(|(v, _)| *v == self)
            .map_or("", |(_, label)| label)
    }

    fn choices() -> Vec<Choice> {
        Self::CHOICES
            .iter()
            .map(|(v, label)| Choice {
                value: json_name(v),
                label,
            })
            .collect()
    }
}

macro_rules! choices {
    ($ty:ty { $($variant:ident => $label:literal,)* }) => {
        impl Choices for $ty {
            const CHOICES: &'static [(Self, &'static str)] = &[$((<$ty>::$variant, $label),)*];
        }
    };
}

choices!(Level { Low => "Low", Medium => "Medium", High => "High", VeryHigh => "Very High", });
choices!(Setting { Community => "Community", Custody => "Custody", });
choices!(Inchoate {
    Attempt => "Attempt",
    Conspiracy => "Conspiracy",
    Incitement => "Incitement",
    Soliciting => "Soliciting",
    EncouragingOrAssisting => "Encouraging or assisting",
});
choices!(Decision { Pending => "Pending", Granted => "Granted", Refused => "Refused", });
choices!(AssessorRole {
    ProbationOfficer => "Probation officer",
    SeniorProbationOfficer => "Senior probation officer",
    ProbationServicesOfficer => "Probation services officer (PSO)",
    Trainee => "Trainee probation officer (PQiP)",
    Other => "Other",
});
choices!(EnquiryStatus {
    NotRequested => "Not requested",
    Requested => "Requested, not completed",
    Completed => "Completed",
});
choices!(Source {
    PreviousConvictions => "Previous convictions",
    PreviousAssessments => "Previous assessments",
    PoliceCallOuts => "Police call-outs",
    PoliceIntelligence => "Police intelligence",
    ChildrensServices => "Children\u{2019}s services",
    Marac => "MARAC (multi-agency risk assessment conference)",
    Mappa => "MAPPA",
    CustodyRecords => "Custody records",
    Health => "Health services",
    VictimInformation => "Victim information",
    OtherAgencies => "Other agencies",
    SelfReport => "Self-report by the person",
});
choices!(KeyFact {
    Address => "Address",
    Relationship => "Relationship",
    Household => "Household (who lives there)",
    Employment => "Employment",
});
choices!(RiskGroup {
    Children => "Children",
    Public => "Public",
    KnownAdult => "Known adult",
    Staff => "Staff",
    Prisoners => "Prisoners",
});
choices!(OrderKind {
    Restraining => "Restraining order",
    NonMolestation => "Non-molestation order",
    DomesticAbuseProtection => "Domestic abuse protection order",
    StalkingProtection => "Stalking protection order",
    SexualHarmPrevention => "Sexual harm prevention order",
});
choices!(CustodyIncidentKind { Violence => "Violence", Weapon => "Weapon", Threats => "Threats", });
choices!(BehaviourKind {
    DomesticAbuseCallOut => "Domestic abuse call-out",
    Allegation => "Allegation",
    Intelligence => "Intelligence",
    Admitted => "Admitted behaviour",
});
choices!(ConvictionKind {
    SeriousViolence => "Serious violence",
    Weapons => "Weapons",
    DomesticAbuse => "Domestic abuse",
    Sexual => "Sexual offending",
});
choices!(EventKind {
    ArrestOrCharge => "Arrest or charge",
    DomesticAbuseCallOut => "Domestic abuse call-out or allegation",
    NewRelationship => "New relationship",
    ChangeOfAddressOrHousehold => "Change of address or household",
    ChildrenJoinedHousehold => "Children joined the household",
    ReleaseFromCustody => "Release from custody",
    Recall => "Recall",
    BreachOrNonCompliance => "Breach or non-compliance",
    ThreatsOrWeapon => "Threats or weapon",
    ViolenceInCustody => "Violence in custody",
    SubstanceMisuseRelapse => "Relapse into substance misuse",
    MentalHealthDeterioration => "Deterioration in mental health",
    LossOfAccommodationOrEmployment => "Loss of accommodation or employment",
    AgencyIntelligence => "Intelligence from another agency",
});

/// The values of every field whose values are fixed, by field pattern.
pub fn field_choices() -> Vec<(&'static str, Vec<Choice>)> {
    let levels = Level::choices;
    let enquiry = EnquiryStatus::choices;
    vec![
        ("offence.inchoate", Inchoate::choices()),
        ("review.extensions[].decision", Decision::choices()),
        ("rosh.setting", Setting::choices()),
        ("rosh.overall", levels()),
        ("rosh.groups.children", levels()),
        ("rosh.groups.public", levels()),
        ("rosh.groups.known_adult", levels()),
        ("rosh.groups.staff", levels()),
        ("rosh.groups.prisoners", levels()),
        ("rosh.previous.overall", levels()),
        ("rosh.assessor.role", AssessorRole::choices()),
        ("rosh.domestic_abuse_enquiry.status", enquiry()),
        ("rosh.safeguarding_enquiry.status", enquiry()),
        ("rosh.sources", Source::choices()),
        ("rosh.unverified", KeyFact::choices()),
        ("circumstances.orders[].type", OrderKind::choices()),
        ("circumstances.orders[].protects", RiskGroup::choices()),
        (
            "circumstances.custody_incidents[].type",
            CustodyIncidentKind::choices(),
        ),
        (
            "circumstances.non_convicted_behaviour[].type",
            BehaviourKind::choices(),
        ),
        (
            "circumstances.previous_convictions",
            ConvictionKind::choices(),
        ),
        ("events[].type", EventKind::choices()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_words() {
        assert_eq!(
            label("circumstances.custody_incidents[0].date"),
            "Custody incident 1: date of the incident"
        );
        assert_eq!(
            label("supervision[1].scheduled_end"),
            "Supervision period 2: scheduled end date"
        );
        assert_eq!(label("supervision[2]"), "Supervision period 3");
        assert_eq!(
            label("rosh.groups.known_adult"),
            "RoSH level for a known adult"
        );
        assert_eq!(
            label("rosh.sources[1]"),
            "Sources the assessment drew on: item 2"
        );
        assert_eq!(
            label("timetable[1].offset.amount"),
            "Timetable 2: offset: amount"
        );
        assert_eq!(label(""), "The whole document");
    }

    #[test]
    fn the_largest_indexes_are_counted_without_wrapping() {
        // The JS API's wasm32 has a 32-bit usize: 4,294,967,295 + 1 once read "0".
        assert_eq!(
            label("supervision[4294967295]"),
            "Supervision period 4294967296"
        );
        assert_eq!(
            label("supervision[18446744073709551615].start"),
            "Supervision period 18446744073709551616: start date"
        );
        assert_eq!(label("timetable[4294967295]"), "Timetable 4294967296");
        assert_eq!(label("timetable[x]"), "Timetable x");
    }

    #[test]
    fn every_field_is_named_once() {
        let mut seen = std::collections::HashSet::new();
        for f in FIELDS {
            assert!(seen.insert(f.path), "{} twice", f.path);
            // Names sit inside sentences: lower case unless an abbreviation.
            let first_word = f.name.split(' ').next().unwrap_or_default();
            let abbreviation = first_word.chars().filter(|c| c.is_uppercase()).count() > 1;
            assert!(
                abbreviation || !f.name.starts_with(char::is_uppercase),
                "{}: {}",
                f.path,
                f.name
            );
        }
        for (list, _) in LISTS {
            assert!(info(list).is_some(), "{list}");
        }
        for (path, choices) in field_choices() {
            assert!(info(path).is_some(), "{path}");
            assert!(
                choices
                    .iter()
                    .all(|c| !c.value.is_empty() && !c.label.is_empty()),
                "{path}"
            );
        }
    }

    #[test]
    fn sentence_words_match_the_choices() {
        use crate::text::capitalise;
        for (v, label) in EventKind::CHOICES {
            assert_eq!(capitalise(v.label()), *label);
        }
        for (v, label) in OrderKind::CHOICES {
            assert_eq!(capitalise(v.label()), *label);
        }
        for (v, label) in BehaviourKind::CHOICES {
            assert_eq!(capitalise(v.label()), *label);
        }
        for (v, label) in ConvictionKind::CHOICES {
            assert_eq!(capitalise(v.label()), *label);
        }
        for (v, label) in RiskGroup::CHOICES {
            assert_eq!(capitalise(v.label()), *label);
        }
        for (v, label) in Level::CHOICES {
            assert_eq!(v.label(), *label);
        }
    }
}
