//! The case document (`sfo-check/case@1`): what a practitioner knows about a
//! case. Almost every field is optional; the report says which missing facts
//! would change the answer. Unknown fields are errors, so a typo never drops a fact.
//! Fields documented as required are checked by `validate`, so that every
//! missing one is reported together with the other problems.

use crate::date::Date;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const CASE_SCHEMA: &str = "sfo-check/case@1";
/// A draft the page saves: the form's answers as typed, some not yet readable.
pub const DRAFT_SCHEMA: &str = "sfo-check/draft@1";

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
#[schemars(title = "sfo-check case", extend("$id" = "https://sfo-check.invalid/schema/case-1.json"))]
pub struct Case {
    /// The format version: `sfo-check/case@1`. Optional; when given it must match.
    pub schema: Option<String>,
    /// Free text to identify the case or scenario. Never sent anywhere.
    pub reference: Option<String>,
    /// The date to assess the case on. Without it, the current date is used.
    pub today: Option<Date>,
    /// The id of the policy profile to use; without it, the profile in force
    /// on the first court appearance (else the charge, else today) applies.
    pub policy: Option<String>,
    /// Each period of probation supervision, in any order.
    pub supervision: Vec<SupervisionPeriod>,
    pub offence: Offence,
    pub review: Review,
    /// The latest RoSH assessment before the offence.
    pub rosh: Rosh,
    pub circumstances: Circumstances,
    /// Dated risk-relevant events (rulebook §4.2).
    pub events: Vec<Event>,
}

/// The most rows a case holds across its lists (supervision periods, events,
/// extensions, custody incidents, recorded behaviour and orders), besides the
/// 500 of any one list: enough for any real case, and few enough that the
/// page's form stays quick to type in.
pub const MAX_ROWS: usize = 1_000;

impl Case {
    /// The items in the lists the page shows as rows.
    pub fn rows(&self) -> usize {
        let c = &self.circumstances;
        self.supervision.len()
            + self.events.len()
            + self.review.extensions.len()
            + c.custody_incidents.len()
            + c.non_convicted_behaviour.len()
            + c.orders.len()
    }

    /// The error for a case over [`MAX_ROWS`], if it is.
    pub fn too_many_rows(&self) -> Option<crate::input::FieldError> {
        let rows = self.rows();
        (rows > MAX_ROWS).then(|| {
            crate::input::FieldError::coded(
                "",
                crate::input::ErrorCode::TooLarge,
                format!(
                    "the case has {} items in its lists (supervision periods, events, \
                     extensions, custody incidents, recorded behaviour and orders): \
                     the most a case holds is {}",
                    crate::text::count(rows as u64),
                    crate::text::count(MAX_ROWS as u64)
                ),
            )
            .with("max", MAX_ROWS.to_string())
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct SupervisionPeriod {
    /// Required: a supervision type id from the policy profile, e.g. `licence`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Required: the first day of supervision (for a licence, the release date).
    pub start: Option<Date>,
    /// The scheduled end; leave out for an indeterminate licence with no end.
    pub scheduled_end: Option<Date>,
    /// The actual termination date when supervision ended early (revoked,
    /// terminated early).
    pub terminated: Option<Date>,
}

impl SupervisionPeriod {
    /// The day supervision ended: the actual termination, else the scheduled end.
    pub fn end(&self) -> Option<NaiveDate> {
        self.terminated.or(self.scheduled_end).map(|d| d.get())
    }

    /// The field `end` comes from: `terminated` when given, else `scheduled_end`.
    pub fn end_field(&self) -> &'static str {
        if self.terminated.is_some() {
            "terminated"
        } else {
            "scheduled_end"
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Offence {
    /// An offence id from the policy profile's catalogue, or `not-listed`.
    pub id: Option<String>,
    /// The inchoate form, if the charge is an attempt, conspiracy and so on.
    pub inchoate: Option<Inchoate>,
    /// The alleged date, or the first day of the alleged range.
    pub alleged_from: Option<Date>,
    /// The last day of the alleged range; leave out for a single date.
    pub alleged_to: Option<Date>,
    pub charged: Option<Date>,
    pub first_court_appearance: Option<Date>,
    /// The date charges were dropped or discontinued.
    pub charges_dropped: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Inchoate {
    Attempt,
    Conspiracy,
    Incitement,
    Soliciting,
    EncouragingOrAssisting,
}

impl Inchoate {
    pub fn label(self) -> &'static str {
        match self {
            Inchoate::Attempt => "attempted",
            Inchoate::Conspiracy => "conspiracy to commit",
            Inchoate::Incitement => "incitement to commit",
            Inchoate::Soliciting => "soliciting",
            Inchoate::EncouragingOrAssisting => "encouraging or assisting",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Review {
    pub notification_submitted: Option<Date>,
    pub review_submitted: Option<Date>,
    pub qa_completed: Option<Date>,
    pub extensions: Vec<Extension>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Extension {
    /// Required: the timetable step id, e.g. `D-REVIEW`.
    pub step: Option<String>,
    /// Required: the date the extension was asked for.
    pub requested: Option<Date>,
    pub decision: Decision,
    pub decided: Option<Date>,
    /// The new due date, when granted as a date.
    pub new_due: Option<Date>,
    /// Extra working days, when granted as a number of days.
    pub extra_working_days: Option<u32>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    #[default]
    Pending,
    Granted,
    Refused,
}

/// RoSH levels, in order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Low,
    Medium,
    High,
    VeryHigh,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Low => "Low",
            Level::Medium => "Medium",
            Level::High => "High",
            Level::VeryHigh => "Very High",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Setting {
    Community,
    Custody,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Rosh {
    pub date: Option<Date>,
    pub setting: Option<Setting>,
    pub overall: Option<Level>,
    pub groups: Groups,
    pub previous: PreviousAssessment,
    /// A change in circumstances is recorded between the previous assessment and this one.
    pub change_in_circumstances_recorded: Option<bool>,
    pub assessor: Assessor,
    /// The assessment was completed after it was due.
    pub completed_late: Option<bool>,
    pub domestic_abuse_enquiry: Enquiry,
    pub safeguarding_enquiry: Enquiry,
    /// The sources the assessment drew on.
    pub sources: Vec<Source>,
    /// Key facts recorded as self-reported and not verified.
    pub unverified: Vec<KeyFact>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RiskGroup {
    Children,
    Public,
    KnownAdult,
    Staff,
    Prisoners,
}

impl RiskGroup {
    pub const ALL: [RiskGroup; 5] = [
        RiskGroup::Children,
        RiskGroup::Public,
        RiskGroup::KnownAdult,
        RiskGroup::Staff,
        RiskGroup::Prisoners,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RiskGroup::Children => "children",
            RiskGroup::Public => "public",
            RiskGroup::KnownAdult => "known adult",
            RiskGroup::Staff => "staff",
            RiskGroup::Prisoners => "prisoners",
        }
    }

    pub fn field(self) -> &'static str {
        match self {
            RiskGroup::Children => "rosh.groups.children",
            RiskGroup::Public => "rosh.groups.public",
            RiskGroup::KnownAdult => "rosh.groups.known_adult",
            RiskGroup::Staff => "rosh.groups.staff",
            RiskGroup::Prisoners => "rosh.groups.prisoners",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Groups {
    pub children: Option<Level>,
    pub public: Option<Level>,
    pub known_adult: Option<Level>,
    pub staff: Option<Level>,
    pub prisoners: Option<Level>,
}

impl Groups {
    pub fn get(&self, group: RiskGroup) -> Option<Level> {
        match group {
            RiskGroup::Children => self.children,
            RiskGroup::Public => self.public,
            RiskGroup::KnownAdult => self.known_adult,
            RiskGroup::Staff => self.staff,
            RiskGroup::Prisoners => self.prisoners,
        }
    }

    pub fn highest(&self) -> Option<(RiskGroup, Level)> {
        RiskGroup::ALL
            .iter()
            .filter_map(|g| self.get(*g).map(|l| (*g, l)))
            .max_by_key(|(_, l)| *l)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PreviousAssessment {
    pub date: Option<Date>,
    pub overall: Option<Level>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Assessor {
    pub role: Option<AssessorRole>,
    /// Whole months since qualifying.
    pub months_qualified: Option<u32>,
    pub countersigned: Option<bool>,
    /// The assessor manages the case.
    pub manages_case: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AssessorRole {
    ProbationOfficer,
    SeniorProbationOfficer,
    ProbationServicesOfficer,
    /// A trainee probation officer (PQiP).
    Trainee,
    Other,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Enquiry {
    pub status: Option<EnquiryStatus>,
    pub requested: Option<Date>,
    pub completed: Option<Date>,
}

impl Enquiry {
    pub fn is_completed(&self) -> bool {
        self.status == Some(EnquiryStatus::Completed)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EnquiryStatus {
    NotRequested,
    Requested,
    Completed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    PreviousConvictions,
    PreviousAssessments,
    PoliceCallOuts,
    PoliceIntelligence,
    ChildrensServices,
    Marac,
    Mappa,
    CustodyRecords,
    Health,
    VictimInformation,
    OtherAgencies,
    SelfReport,
}

impl Source {
    /// Sources about behaviour beyond convictions.
    pub fn covers_non_convicted_behaviour(self) -> bool {
        !matches!(
            self,
            Source::PreviousConvictions | Source::PreviousAssessments | Source::SelfReport
        )
    }

    /// Sources from other agencies (rulebook `F-MULTI-AGENCY`).
    pub fn is_other_agency(self) -> bool {
        matches!(
            self,
            Source::PoliceCallOuts
                | Source::PoliceIntelligence
                | Source::ChildrensServices
                | Source::Marac
                | Source::Mappa
                | Source::Health
                | Source::OtherAgencies
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum KeyFact {
    Address,
    Relationship,
    Household,
    Employment,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Circumstances {
    pub children_in_household: Option<bool>,
    pub children_visiting: Option<bool>,
    /// Contact with children outside the household.
    pub contact_with_children: Option<bool>,
    pub offended_against_children: Option<bool>,
    pub partner: Option<bool>,
    pub ex_partner: Option<bool>,
    pub named_victim: Option<bool>,
    /// Any domestic abuse indicator (history, call-outs, disclosures).
    pub domestic_abuse_indicators: Option<bool>,
    /// Violence or threats towards staff.
    pub violence_to_staff: Option<bool>,
    /// An electronically monitored curfew is proposed.
    pub em_curfew_proposed: Option<bool>,
    /// Home detention curfew is proposed.
    pub hdc_proposed: Option<bool>,
    /// Informed consent was obtained for the home detention curfew (the
    /// field keeps its first name; the annual report says only "informed
    /// consent").
    pub occupier_consent: Option<bool>,
    pub mappa: Mappa,
    pub orders: Vec<ProtectiveOrder>,
    pub custody_incidents: Vec<CustodyIncident>,
    pub non_convicted_behaviour: Vec<Behaviour>,
    pub index_offence_violent: Option<bool>,
    pub index_offence_sexual: Option<bool>,
    pub previous_convictions: Vec<ConvictionKind>,
    /// The case is complex (the practitioner's or manager's judgement).
    pub complex_case: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Mappa {
    pub eligible: Option<bool>,
    /// MAPPA category 1 to 4.
    pub category: Option<u8>,
    /// MAPPA level 1 to 3.
    pub level: Option<u8>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ProtectiveOrder {
    /// Required: the kind of order.
    #[serde(rename = "type")]
    pub kind: Option<OrderKind>,
    /// Required: the groups the order protects.
    pub protects: Vec<RiskGroup>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OrderKind {
    Restraining,
    NonMolestation,
    DomesticAbuseProtection,
    StalkingProtection,
    SexualHarmPrevention,
}

impl OrderKind {
    pub fn label(self) -> &'static str {
        match self {
            OrderKind::Restraining => "restraining order",
            OrderKind::NonMolestation => "non-molestation order",
            OrderKind::DomesticAbuseProtection => "domestic abuse protection order",
            OrderKind::StalkingProtection => "stalking protection order",
            OrderKind::SexualHarmPrevention => "sexual harm prevention order",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct CustodyIncident {
    /// Required: what happened.
    #[serde(rename = "type")]
    pub kind: Option<CustodyIncidentKind>,
    pub date: Option<Date>,
    /// The assessment took the incident into account.
    pub considered_in_assessment: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CustodyIncidentKind {
    Violence,
    Weapon,
    Threats,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Behaviour {
    /// Required: what kind of behaviour.
    #[serde(rename = "type")]
    pub kind: Option<BehaviourKind>,
    pub date: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum BehaviourKind {
    DomesticAbuseCallOut,
    Allegation,
    Intelligence,
    Admitted,
}

impl BehaviourKind {
    pub fn label(self) -> &'static str {
        match self {
            BehaviourKind::DomesticAbuseCallOut => "domestic abuse call-out",
            BehaviourKind::Allegation => "allegation",
            BehaviourKind::Intelligence => "intelligence",
            BehaviourKind::Admitted => "admitted behaviour",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ConvictionKind {
    SeriousViolence,
    Weapons,
    DomesticAbuse,
    Sexual,
}

impl ConvictionKind {
    pub fn label(self) -> &'static str {
        match self {
            ConvictionKind::SeriousViolence => "serious violence",
            ConvictionKind::Weapons => "weapons",
            ConvictionKind::DomesticAbuse => "domestic abuse",
            ConvictionKind::Sexual => "sexual offending",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Event {
    /// Required: what happened.
    #[serde(rename = "type")]
    pub kind: Option<EventKind>,
    /// Required: when it happened.
    pub date: Option<Date>,
    pub note: Option<String>,
}

/// Risk-relevant events (rulebook §4.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    ArrestOrCharge,
    DomesticAbuseCallOut,
    NewRelationship,
    ChangeOfAddressOrHousehold,
    ChildrenJoinedHousehold,
    ReleaseFromCustody,
    Recall,
    BreachOrNonCompliance,
    ThreatsOrWeapon,
    ViolenceInCustody,
    SubstanceMisuseRelapse,
    MentalHealthDeterioration,
    LossOfAccommodationOrEmployment,
    AgencyIntelligence,
}

impl EventKind {
    pub fn label(self) -> &'static str {
        match self {
            EventKind::ArrestOrCharge => "arrest or charge",
            EventKind::DomesticAbuseCallOut => "domestic abuse call-out or allegation",
            EventKind::NewRelationship => "new relationship",
            EventKind::ChangeOfAddressOrHousehold => "change of address or household",
            EventKind::ChildrenJoinedHousehold => "children joined the household",
            EventKind::ReleaseFromCustody => "release from custody",
            EventKind::Recall => "recall",
            EventKind::BreachOrNonCompliance => "breach or non-compliance",
            EventKind::ThreatsOrWeapon => "threats or weapon",
            EventKind::ViolenceInCustody => "violence in custody",
            EventKind::SubstanceMisuseRelapse => "relapse into substance misuse",
            EventKind::MentalHealthDeterioration => "deterioration in mental health",
            EventKind::LossOfAccommodationOrEmployment => "loss of accommodation or employment",
            EventKind::AgencyIntelligence => "intelligence from another agency",
        }
    }
}
