//! The rule registry: every rule, timetable step and flag, with the words a
//! person reads about it and the sources it rests on. The report, the text
//! report, `docs/rules.md` and the page all take their names from here.

use crate::policy::Status;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::OnceLock;

/// Text a report copies without allocating: the registry's own words
/// (borrowed), or a profile's, shared with the profile that holds them and
/// freed with it (so a page that builds checker after checker, each with
/// new profiles, never keeps their words for good).
#[derive(Debug, Clone, Eq)]
pub enum Text {
    Static(&'static str),
    Shared(std::sync::Arc<str>),
}

/// Equal when the words are, however they are held.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        **self == **other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Text::Static(text) => text,
            Text::Shared(text) => text,
        }
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl From<&'static str> for Text {
    fn from(text: &'static str) -> Text {
        Text::Static(text)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::Shared(text.into())
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

/// Declares the id enum and its `ALL` list from one list of `Variant = "ID"`.
macro_rules! rule_ids {
    ($($variant:ident = $id:literal,)*) => {
        /// A rule, timetable step or flag id, as the rulebook writes it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        pub enum RuleId {
            $(#[serde(rename = $id)] $variant,)*
        }

        impl RuleId {
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }
        }
    };
}

rule_ids! {
    QTrigger = "Q-TRIGGER",
    QWindow = "Q-WINDOW",
    QOffence = "Q-OFFENCE",
    QConditional = "Q-CONDITIONAL",
    QSupervision = "Q-SUPERVISION",
    DWindowClose = "D-WINDOW-CLOSE",
    DNotify = "D-NOTIFY",
    DReview = "D-REVIEW",
    DQa = "D-QA",
    FOverallBelowGroup = "F-OVERALL-BELOW-GROUP",
    FGroupMissing = "F-GROUP-MISSING",
    FDaEnquiry = "F-DA-ENQUIRY",
    FSafeguardingEnquiry = "F-SAFEGUARDING-ENQUIRY",
    FEmCurfewChecks = "F-EM-CURFEW-CHECKS",
    FNotReassessed = "F-NOT-REASSESSED",
    FAssessmentOverdue = "F-ASSESSMENT-OVERDUE",
    FNoPostReleaseAssessment = "F-NO-POST-RELEASE-ASSESSMENT",
    FCustodyBehaviour = "F-CUSTODY-BEHAVIOUR",
    FNonConvictedBehaviour = "F-NON-CONVICTED-BEHAVIOUR",
    FOrders = "F-ORDERS",
    FLevelDropped = "F-LEVEL-DROPPED",
    FViolenceHistoryLow = "F-VIOLENCE-HISTORY-LOW",
    FInexperiencedAssessor = "F-INEXPERIENCED-ASSESSOR",
    FNotCaseManager = "F-NOT-CASE-MANAGER",
    FUnverifiedInfo = "F-UNVERIFIED-INFO",
    FMultiAgency = "F-MULTI-AGENCY",
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl RuleId {
    pub fn entry(self) -> &'static Entry {
        // ENTRIES is written in declaration order; a test keeps them aligned.
        &ENTRIES[self as usize]
    }

    pub fn title(self) -> &'static str {
        self.entry().title
    }

    pub fn kind(self) -> RuleKind {
        self.entry().kind
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    /// Decides whether the case qualifies as an SFO.
    Qualification,
    /// A step of the SFO timetable.
    Step,
    /// A prompt to look again at the risk assessment.
    Flag,
}

impl RuleKind {
    pub const ALL: [RuleKind; 3] = [RuleKind::Qualification, RuleKind::Step, RuleKind::Flag];

    pub fn heading(self) -> &'static str {
        match self {
            RuleKind::Qualification => "Does the case qualify?",
            RuleKind::Step => "The SFO timetable",
            RuleKind::Flag => "Flags for likely risk-assessment inaccuracies",
        }
    }
}

/// The five kinds of inaccuracy HM Inspectorate of Probation found in the
/// reviews it quality-assured (SFO Annual Report 2024).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Inaccuracy {
    OverallFromOutset,
    GroupsInaccurate,
    NotHolistic,
    NotReassessed,
    FoundAtQualityAssurance,
}

impl Inaccuracy {
    pub const ALL: [Inaccuracy; 5] = [
        Inaccuracy::OverallFromOutset,
        Inaccuracy::GroupsInaccurate,
        Inaccuracy::NotHolistic,
        Inaccuracy::NotReassessed,
        Inaccuracy::FoundAtQualityAssurance,
    ];

    /// Its number in the report's list (1 to 5).
    pub fn number(self) -> u8 {
        match self {
            Inaccuracy::OverallFromOutset => 1,
            Inaccuracy::GroupsInaccurate => 2,
            Inaccuracy::NotHolistic => 3,
            Inaccuracy::NotReassessed => 4,
            Inaccuracy::FoundAtQualityAssurance => 5,
        }
    }

    /// A few words, for a key or a tag.
    pub fn name(self) -> &'static str {
        match self {
            Inaccuracy::OverallFromOutset => "Overall level wrong from the outset",
            Inaccuracy::GroupsInaccurate => "A group wrongly assessed",
            Inaccuracy::NotHolistic => "Not holistic",
            Inaccuracy::NotReassessed => "Not reassessed",
            Inaccuracy::FoundAtQualityAssurance => "Missed by the reviewing manager",
        }
    }

    /// For the one kind no case fact can raise, why no flag points to it.
    pub fn note(self) -> Option<&'static str> {
        match self {
            Inaccuracy::FoundAtQualityAssurance => Some(
                "No fact of a case can raise this kind: it is found by SFO reviewers and quality assurance judging the assessment after the event, so no flag points to it. It is a reminder that an assessment a manager has agreed can still be wrong.",
            ),
            _ => None,
        }
    }

    pub fn text(self) -> &'static str {
        match self {
            Inaccuracy::OverallFromOutset => {
                "The overall level of risk of serious harm was inaccurate from the outset."
            }
            Inaccuracy::GroupsInaccurate => "One or more groups were inaccurately assessed.",
            Inaccuracy::NotHolistic => {
                "Accurate, but it did not consider the risk presented holistically, or all those who may be at risk in the different groups."
            }
            Inaccuracy::NotReassessed => {
                "Not adequately reassessed despite new or emerging risk factors."
            }
            Inaccuracy::FoundAtQualityAssurance => {
                "The reviewing manager agreed with the assessment, but quality assurance found it inaccurate."
            }
        }
    }
}

/// Said of a flag whose kind of inaccuracy is sfo-check's reading.
pub const KIND_IS_READING: &str = "sfo-check's reading: the annual report names only the cause";

/// The causes of inaccurate assessments the report names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Cause {
    Inexperience,
    InformationNotSought,
    NotAllInformation,
    FaceValue,
    NotReviewed,
    Workload,
    NarrowView,
    MultiAgency,
    OptimismBias,
}

impl Cause {
    pub const ALL: [Cause; 9] = [
        Cause::Inexperience,
        Cause::InformationNotSought,
        Cause::NotAllInformation,
        Cause::FaceValue,
        Cause::NotReviewed,
        Cause::Workload,
        Cause::NarrowView,
        Cause::MultiAgency,
        Cause::OptimismBias,
    ];

    pub fn text(self) -> &'static str {
        match self {
            Cause::Inexperience => "inexperienced officers completing assessments",
            Cause::InformationNotSought => "information not sought from available sources",
            Cause::NotAllInformation => "assessment not based on all available information",
            Cause::FaceValue => "information taken at face value",
            Cause::NotReviewed => "assessment not reviewed when new information came to light",
            Cause::Workload => "excessive workloads",
            Cause::NarrowView => "a narrow view of the risk of serious harm",
            Cause::MultiAgency => "insufficient multi-agency working",
            Cause::OptimismBias => "optimism bias",
        }
    }
}

/// A published source, or the project's own default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CitationId {
    #[serde(rename = "hmip-sfo-annual-report-2024")]
    HmipSfoAnnualReport2024,
    HmipSfoAnnualReports,
    BendallReview,
    McsweeneyReview,
    JacquesReview,
    RoshGuidance,
    #[serde(rename = "banking-act-1971")]
    BankingAct1971,
    #[serde(rename = "parliamentary-answer-2019")]
    ParliamentaryAnswer2019,
    SfoCheckDefault,
}

/// A source as a reader would cite it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Work {
    pub title: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'static str>,
    /// Where the reader finds it, when that is not obvious.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
}

impl CitationId {
    pub const ALL: [CitationId; 9] = [
        CitationId::HmipSfoAnnualReport2024,
        CitationId::HmipSfoAnnualReports,
        CitationId::BendallReview,
        CitationId::McsweeneyReview,
        CitationId::JacquesReview,
        CitationId::RoshGuidance,
        CitationId::BankingAct1971,
        CitationId::ParliamentaryAnswer2019,
        CitationId::SfoCheckDefault,
    ];

    /// The headings a citation of the source may name as its section; empty
    /// when its sections are not listed (any may be named).
    pub fn sections(self) -> &'static [&'static str] {
        match self {
            CitationId::HmipSfoAnnualReport2024 => &[
                SFO_PROCESS_HEADING,
                "SFO review quality assurance",
                RISK_ASSESSMENTS_HEADING,
                CAUSES_HEADING,
                FOLLOW_UP_HEADING,
                JACQUES_HEADING,
                "Staff survey",
            ],
            _ => &[],
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            CitationId::HmipSfoAnnualReport2024 => "hmip-sfo-annual-report-2024",
            CitationId::HmipSfoAnnualReports => "hmip-sfo-annual-reports",
            CitationId::BendallReview => "bendall-review",
            CitationId::McsweeneyReview => "mcsweeney-review",
            CitationId::JacquesReview => "jacques-review",
            CitationId::RoshGuidance => "rosh-guidance",
            CitationId::BankingAct1971 => "banking-act-1971",
            CitationId::ParliamentaryAnswer2019 => "parliamentary-answer-2019",
            CitationId::SfoCheckDefault => "sfo-check-default",
        }
    }

    pub fn work(self) -> Work {
        const HMIP: &str = "HM Inspectorate of Probation";
        const SUMMARISED: &str =
            "Its recommendations and HMPPS's progress on them are summarised in the SFO Annual Report 2024.";
        let work = |title, publisher| Work {
            title,
            publisher: Some(publisher),
            date: None,
            url: None,
            note: None,
        };
        match self {
            CitationId::HmipSfoAnnualReport2024 => Work {
                date: Some("10 December 2024"),
                ..work("Serious Further Offences Annual Report 2024", HMIP)
            },
            CitationId::HmipSfoAnnualReports => Work {
                date: Some("2022, 2023 and 2025"),
                note: Some("The published summaries."),
                ..work("Serious Further Offences annual reports", HMIP)
            },
            CitationId::BendallReview => Work {
                note: Some(SUMMARISED),
                ..work("Independent serious further offence review of Damien Bendall", HMIP)
            },
            CitationId::McsweeneyReview => Work {
                note: Some(SUMMARISED),
                ..work("Independent serious further offence review of Jordan McSweeney", HMIP)
            },
            CitationId::JacquesReview => Work {
                note: Some("Its key findings are summarised in the SFO Annual Report 2024."),
                ..work("Independent serious further offence review of Joshua Jacques", HMIP)
            },
            CitationId::RoshGuidance => Work {
                date: Some("2009 and 2020"),
                ..work(
                    "Risk of Serious Harm Guidance",
                    "National Offender Management Service (2009); HM Prison and Probation Service (2020)",
                )
            },
            CitationId::BankingAct1971 => Work {
                url: Some("https://www.legislation.gov.uk/ukpga/1971/80/schedule/1"),
                note: Some("With royal proclamations for one-off bank holidays."),
                ..work("Banking and Financial Dealings Act 1971, Schedule 1", "UK Parliament")
            },
            CitationId::ParliamentaryAnswer2019 => Work {
                date: Some("29 March 2019"),
                note: Some("Reviews had \"three months\" to complete."),
                ..work("Parliamentary written answer on Serious Further Offence reviews", "UK Parliament")
            },
            CitationId::SfoCheckDefault => Work {
                publisher: None,
                note: Some("A reasonable default, not confirmed from current policy text."),
                ..work("sfo-check default profile", "")
            },
        }
    }
}

/// A source with the part of it that applies, and what it says there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cite {
    pub source: CitationId,
    pub at: Option<&'static str>,
    pub said: Option<&'static str>,
}

const fn cite(source: CitationId) -> Cite {
    Cite {
        source,
        at: None,
        said: None,
    }
}

const fn cite_at(source: CitationId, at: &'static str) -> Cite {
    Cite {
        source,
        at: Some(at),
        said: None,
    }
}

impl Cite {
    /// The same place, with what the source says there.
    const fn saying(self, said: &'static str) -> Cite {
        Cite {
            said: Some(said),
            ..self
        }
    }
}

/// A citation as it reaches a reader: the work, the part, and one line of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Citation {
    pub id: Text,
    #[serde(flatten)]
    pub work: OwnedWork,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<Text>,
    /// What the source says on this point, or what is default about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<Text>,
    /// The citation in one line, e.g. `HM Inspectorate of Probation, Serious
    /// Further Offences Annual Report 2024 (10 December 2024), "SFO Process"`.
    pub text: Text,
}

/// [`Work`] with owned strings, so a policy profile can cite its own sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct OwnedWork {
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl From<Work> for OwnedWork {
    fn from(w: Work) -> Self {
        OwnedWork {
            title: w.title.into(),
            publisher: w.publisher.map(Into::into),
            date: w.date.map(Into::into),
            url: w.url.map(Into::into),
            note: w.note.map(Into::into),
        }
    }
}

impl Citation {
    pub fn new(id: Text, work: OwnedWork, section: Option<Text>, detail: Option<Text>) -> Citation {
        let mut text = String::new();
        if let Some(publisher) = &work.publisher {
            text.push_str(publisher);
            text.push_str(", ");
        }
        text.push_str(&work.title);
        if let Some(date) = &work.date {
            text.push_str(" (");
            text.push_str(date);
            text.push(')');
        }
        if let Some(section) = &section {
            text.push_str(", \u{201c}");
            text.push_str(section);
            text.push('\u{201d}');
        }
        Citation {
            id,
            work,
            section,
            detail,
            text: text.into(),
        }
    }
}

impl From<Cite> for Citation {
    fn from(c: Cite) -> Self {
        Citation::new(
            c.source.id().into(),
            c.source.work().into(),
            c.at.map(Into::into),
            c.said.map(Into::into),
        )
    }
}

/// What a default value should be checked against, for the status wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CheckAgainst {
    /// Timescales and intervals agreed in each region.
    RegionalTimescales,
    /// The lists and conditions of the SFO policy framework.
    PolicyFramework,
}

/// The confirmed or default mark in words that fit what it marks.
pub fn status_text(status: Status, against: CheckAgainst) -> &'static str {
    match (status, against) {
        (Status::Confirmed, _) => "confirmed",
        // A rule says whose finding it reads ([`Entry::status_text`]).
        (Status::Reading, _) => "sfo-check\u{2019}s reading of its source",
        (Status::Default, CheckAgainst::RegionalTimescales) => {
            "default — check against your region\u{2019}s agreed timescales"
        }
        (Status::Default, CheckAgainst::PolicyFramework) => {
            "default — check against the current SFO policy framework"
        }
    }
}

/// One rule, step or flag.
pub struct Entry {
    pub id: RuleId,
    pub kind: RuleKind,
    pub title: &'static str,
    /// The rule in plain English.
    pub statement: &'static str,
    /// The case fields it needs (list items as `list[]`).
    pub needs: &'static [&'static str],
    /// For flags: the kinds of inaccuracy it points to.
    pub inaccuracy: &'static [Inaccuracy],
    /// The kind is sfo-check's reading: the report names only a cause.
    pub inaccuracy_is_reading: bool,
    pub causes: &'static [Cause],
    pub citations: &'static [Cite],
    pub status: Status,
    /// For a rule marked [`Status::Reading`]: whose finding it reads, as
    /// its status is said ("sfo-check's reading of the annual report's
    /// finding that …").
    pub reading: &'static str,
    pub check_against: CheckAgainst,
    /// For a step someone must do: what it is, for a calendar event's title
    /// ("SFO notification" due / done).
    pub calendar_noun: Option<&'static str>,
}

impl Entry {
    /// Its status in words: for a reading, the finding it reads.
    pub fn status_text(&self) -> &'static str {
        match self.status {
            Status::Reading => self.reading,
            status => status_text(status, self.check_against),
        }
    }

    /// Its citations as a reader gets them.
    pub fn cited(&self) -> Vec<Citation> {
        // Worded once per process, so a report's copy shares every string
        // instead of building it again.
        static CITED: OnceLock<Vec<Vec<Citation>>> = OnceLock::new();
        let cited = CITED.get_or_init(|| {
            RuleId::ALL
                .iter()
                .map(|id| {
                    id.entry()
                        .citations
                        .iter()
                        .map(|c| Citation::from(*c))
                        .collect()
                })
                .collect()
        });
        cited[self.id as usize].clone()
    }
}

use CitationId::*;

// The annual report's own section headings, as the rulebook cites them.
const SFO_PROCESS_HEADING: &str = "SFO Process";
const RISK_ASSESSMENTS_HEADING: &str = "Risk of serious harm (RoSH) assessments";
const CAUSES_HEADING: &str = "Why was the risk underestimated or assessed inaccurately?";
const FOLLOW_UP_HEADING: &str = "Independent review follow up";
const JACQUES_HEADING: &str = "Independent reviews \u{2013} Joshua Jacques";

const SFO_PROCESS: Cite = cite_at(HmipSfoAnnualReport2024, SFO_PROCESS_HEADING);
/// Where the report names the five kinds of inaccuracy.
const KINDS: Cite = cite_at(HmipSfoAnnualReport2024, RISK_ASSESSMENTS_HEADING);
/// Where the report names the causes of inaccurate assessments.
const CAUSES: Cite = cite_at(HmipSfoAnnualReport2024, CAUSES_HEADING);
const FOLLOW_UP: Cite = cite_at(HmipSfoAnnualReport2024, FOLLOW_UP_HEADING);
const JACQUES_FINDINGS: Cite = cite_at(HmipSfoAnnualReport2024, JACQUES_HEADING);

/// The opening of every reading's status: "… finding that …" or "… finding of …".
macro_rules! reading {
    ($finding:literal) => {
        concat!(
            "sfo-check\u{2019}s reading of the annual report\u{2019}s finding ",
            $finding
        )
    };
}

const fn entry(id: RuleId, kind: RuleKind, title: &'static str, statement: &'static str) -> Entry {
    Entry {
        id,
        kind,
        title,
        statement,
        needs: &[],
        inaccuracy: &[],
        inaccuracy_is_reading: false,
        causes: &[],
        citations: &[],
        status: Status::Confirmed,
        reading: "",
        check_against: CheckAgainst::PolicyFramework,
        calendar_noun: None,
    }
}

pub static ENTRIES: [Entry; 26] = [
    Entry {
        needs: &["offence.charged", "offence.first_court_appearance", "offence.charges_dropped"],
        citations: &[SFO_PROCESS],
        ..entry(RuleId::QTrigger, RuleKind::Qualification, "Charged and in court",
            "The SFO process starts when the person is charged with a qualifying offence and appears in court for it. Arrest alone is not the trigger: until both have happened the answer is \u{201c}not yet\u{201d}.")
    },
    Entry {
        needs: &["supervision[].start", "supervision[].scheduled_end", "supervision[].terminated", "offence.alleged_from", "offence.alleged_to"],
        citations: &[SFO_PROCESS],
        ..entry(RuleId::QWindow, RuleKind::Qualification, "Offence during supervision or within 28 working days of its end",
            "The alleged offence must have been committed while the person was under probation supervision, or within 28 working days of the supervision period ending. A range of dates partly outside the window needs a decision by your SFO lead.")
    },
    Entry {
        needs: &["offence.id", "offence.inchoate"],
        citations: &[cite(HmipSfoAnnualReports)],
        ..entry(RuleId::QOffence, RuleKind::Qualification, "A qualifying offence",
            "The charged offence must be on the list of qualifying offences. Attempts, conspiracy, incitement and encouraging or assisting a listed offence count as the offence itself.")
    },
    Entry {
        needs: &["rosh.overall", "rosh.groups", "rosh.date", "circumstances.mappa.level"],
        citations: &[cite(SfoCheckDefault)],
        status: Status::Default,
        ..entry(RuleId::QConditional, RuleKind::Qualification, "The condition for offences outside the mandatory group",
            "For a listed offence outside the mandatory group, a review is required only when a further condition holds. The condition's wording was not available; by default, the person was assessed High or Very High risk of serious harm, or managed at MAPPA level 2 or 3, at the time of the offence.")
    },
    Entry {
        needs: &["supervision[].type"],
        citations: &[cite(SfoCheckDefault)],
        status: Status::Default,
        ..entry(RuleId::QSupervision, RuleKind::Qualification, "Supervision that counts",
            "Licence (including post-release licence after a determinate or indeterminate sentence), post-sentence supervision, community orders and suspended sentence orders with requirements count. Edge cases (a suspended sentence order with no requirements, release on temporary licence, bail or remand only, youth cases, cases transferred in from Scotland or Northern Ireland) need a decision by your SFO lead.")
    },
    Entry {
        needs: &["supervision[].scheduled_end", "supervision[].terminated"],
        citations: &[SFO_PROCESS],
        check_against: CheckAgainst::RegionalTimescales,
        ..entry(RuleId::DWindowClose, RuleKind::Step, "SFO window closes",
            "The last day an offence can fall in the SFO window: 28 working days after supervision ended.")
    },
    Entry {
        needs: &["offence.first_court_appearance", "review.notification_submitted"],
        // The 2024 report does not mention a notification: never cited for it.
        citations: &[
            cite(HmipSfoAnnualReports).saying("The 2025 annual report, as summarised, says a notification is completed following the initial court appearance."),
            cite(SfoCheckDefault),
        ],
        status: Status::Default,
        check_against: CheckAgainst::RegionalTimescales,
        calendar_noun: Some("SFO notification"),
        ..entry(RuleId::DNotify, RuleKind::Step, "Notification submitted",
            "The SFO notification is submitted after the first court appearance on the charge. The number of working days allowed is an sfo-check default.")
    },
    Entry {
        needs: &["review.notification_submitted", "review.review_submitted", "review.extensions"],
        citations: &[cite(ParliamentaryAnswer2019), cite(SfoCheckDefault)],
        status: Status::Default,
        check_against: CheckAgainst::RegionalTimescales,
        calendar_noun: Some("SFO review"),
        ..entry(RuleId::DReview, RuleKind::Step, "SFO review submitted",
            "The review is submitted a set time after the notification (counted from the notification's due date while it has not been submitted). Reviews had \u{201c}three months\u{201d} in 2019; 60 working days is the default.")
    },
    Entry {
        needs: &["review.review_submitted", "review.qa_completed"],
        citations: &[
            SFO_PROCESS.saying("A centralised HMPPS team quality assures the SFO reviews; HM Inspectorate of Probation undertakes 20 per cent of this quality assurance."),
            cite(SfoCheckDefault),
        ],
        status: Status::Default,
        check_against: CheckAgainst::RegionalTimescales,
        calendar_noun: Some("SFO quality assurance"),
        ..entry(RuleId::DQa, RuleKind::Step, "Quality assurance completed",
            "A centralised HM Prison and Probation Service team quality-assures each review after it is submitted, and HM Inspectorate of Probation undertakes 20 per cent of that quality assurance. The timescale is an sfo-check default.")
    },
    Entry {
        needs: &["rosh.overall", "rosh.groups"],
        inaccuracy: &[Inaccuracy::OverallFromOutset],
        citations: &[cite(RoshGuidance), KINDS],
        ..entry(RuleId::FOverallBelowGroup, RuleKind::Flag, "Overall level is lower than a group level",
            "The overall risk of serious harm is the highest level of any group. Raised when the overall level is lower than the highest group level.")
    },
    Entry {
        needs: &["rosh.groups"],
        inaccuracy: &[Inaccuracy::NotHolistic],
        causes: &[Cause::NarrowView],
        citations: &[KINDS, CAUSES],
        status: Status::Reading,
        reading: reading!("that some assessments did not consider all those who may be at risk in the different groups"),
        ..entry(RuleId::FGroupMissing, RuleKind::Flag, "A group with an identified potential victim is not rated",
            "Raised when a group with an identified potential victim has no rating: children while children live in or visit the household; a known adult where there is a partner, ex-partner or named victim; staff where there has been violence or threats to staff; prisoners in custody.")
    },
    Entry {
        needs: &["rosh.domestic_abuse_enquiry.status"],
        inaccuracy: &[Inaccuracy::NotHolistic],
        inaccuracy_is_reading: true,
        causes: &[Cause::InformationNotSought],
        citations: &[CAUSES, cite(BendallReview), FOLLOW_UP],
        status: Status::Reading,
        reading: reading!("that information was not always sought from available sources, such as domestic abuse enquiries"),
        ..entry(RuleId::FDaEnquiry, RuleKind::Flag, "Police domestic abuse enquiry not completed",
            "Raised when the police domestic abuse enquiry was not completed by the time judged, where there is any domestic abuse indicator, a partner, or a proposed electronically monitored curfew.")
    },
    Entry {
        needs: &["rosh.safeguarding_enquiry.status"],
        inaccuracy: &[Inaccuracy::NotHolistic],
        inaccuracy_is_reading: true,
        causes: &[Cause::InformationNotSought],
        citations: &[CAUSES, cite(BendallReview), FOLLOW_UP],
        status: Status::Reading,
        reading: reading!("that information was not always sought from available sources, such as child safeguarding enquiries"),
        ..entry(RuleId::FSafeguardingEnquiry, RuleKind::Flag, "Children's services safeguarding enquiry not completed",
            "Raised when the children's services enquiry was not completed by the time judged, where the person lives with, has contact with, or has offended against children.")
    },
    Entry {
        needs: &["circumstances.em_curfew_proposed", "circumstances.hdc_proposed"],
        inaccuracy: &[Inaccuracy::NotHolistic],
        inaccuracy_is_reading: true,
        causes: &[Cause::InformationNotSought],
        citations: &[
            FOLLOW_UP.saying("It is now mandated that domestic abuse enquiries are undertaken for all cases where an electronically monitored curfew is proposed; the new home detention curfew digital service asks for informed consent to have been obtained."),
            CAUSES,
            cite(BendallReview),
        ],
        ..entry(RuleId::FEmCurfewChecks, RuleKind::Flag, "Curfew proposed without the mandated checks",
            "Domestic abuse enquiries are mandated for every electronically monitored curfew proposal. Raised when one is missing, or when a home detention curfew is proposed without recorded informed consent (sfo-check's reading of the new home detention curfew service, which asks for that consent).")
    },
    Entry {
        needs: &["rosh.date", "events"],
        inaccuracy: &[Inaccuracy::NotReassessed],
        causes: &[Cause::NotReviewed],
        citations: &[KINDS, CAUSES],
        status: Status::Reading,
        reading: reading!("that risk assessments were not always reviewed when new information about risk came to light"),
        ..entry(RuleId::FNotReassessed, RuleKind::Flag, "Risk-relevant event after the latest assessment",
            "Raised when a risk-relevant event (an arrest, a domestic abuse call-out, a new relationship, a move, a release or recall, threats, relapse and so on) is dated after the latest assessment and no reassessment followed.")
    },
    Entry {
        needs: &["rosh.date", "rosh.overall"],
        inaccuracy: &[Inaccuracy::NotReassessed],
        causes: &[Cause::Workload],
        citations: &[KINDS, CAUSES, cite(SfoCheckDefault)],
        status: Status::Reading,
        reading: reading!("that, with excessive workloads, review assessments are in some cases not completed; the review intervals are defaults \u{2014} check against your region\u{2019}s agreed timescales"),
        check_against: CheckAgainst::RegionalTimescales,
        ..entry(RuleId::FAssessmentOverdue, RuleKind::Flag, "Assessment older than the review interval",
            "Raised when the latest assessment is older than the review interval for its level (by default 13 weeks at High or Very High, 26 weeks otherwise).")
    },
    Entry {
        needs: &["rosh.date", "supervision[].type", "supervision[].start"],
        inaccuracy: &[Inaccuracy::NotReassessed],
        causes: &[Cause::Workload],
        citations: &[KINDS, CAUSES, cite(SfoCheckDefault)],
        status: Status::Reading,
        reading: reading!("that, with excessive workloads, review assessments are in some cases not completed; the interval after release is a default \u{2014} check against your region\u{2019}s agreed timescales"),
        check_against: CheckAgainst::RegionalTimescales,
        ..entry(RuleId::FNoPostReleaseAssessment, RuleKind::Flag, "No assessment soon after release on licence",
            "Raised when the person was released on licence and no assessment is dated on or after the release within the interval (by default 15 working days), once that interval has run out.")
    },
    Entry {
        needs: &["circumstances.custody_incidents"],
        inaccuracy: &[Inaccuracy::OverallFromOutset],
        causes: &[Cause::NotAllInformation],
        citations: &[
            KINDS,
            CAUSES,
            cite(McsweeneyReview),
            FOLLOW_UP.saying("HMPPS has changed OASys to better capture offences committed in a custodial setting."),
        ],
        status: Status::Reading,
        reading: reading!("that assessments were not always based on all available information, and of HMPPS\u{2019}s change to OASys to better capture offences committed in custody"),
        ..entry(RuleId::FCustodyBehaviour, RuleKind::Flag, "Custody incidents not reflected in the assessment",
            "Raised when violence, weapons or threats in custody are recorded and the assessment was made without them, or the level stayed Low or Medium.")
    },
    Entry {
        needs: &["circumstances.non_convicted_behaviour", "rosh.sources"],
        inaccuracy: &[Inaccuracy::OverallFromOutset],
        causes: &[Cause::NarrowView],
        citations: &[
            KINDS,
            CAUSES,
            FOLLOW_UP.saying("The risk of harm guidance now explicitly addresses the need to consider all behaviour, not just criminal convictions."),
        ],
        status: Status::Reading,
        reading: reading!("that some assessments took a narrow view of the risk of serious harm, and of the updated guidance to consider all behaviour, not just criminal convictions"),
        ..entry(RuleId::FNonConvictedBehaviour, RuleKind::Flag, "Behaviour without a conviction not drawn on",
            "Raised when evidenced or admitted behaviour that did not lead to a conviction (domestic abuse call-outs, allegations, intelligence) is recorded but the assessment drew on convictions only.")
    },
    Entry {
        needs: &["circumstances.orders", "rosh.groups"],
        inaccuracy: &[Inaccuracy::GroupsInaccurate],
        citations: &[
            KINDS,
            FOLLOW_UP.saying("HMPPS has changed OASys to better capture civil and ancillary orders."),
        ],
        status: Status::Reading,
        reading: reading!("that one or more groups were inaccurately assessed, and of HMPPS\u{2019}s change to OASys to better capture civil and ancillary orders"),
        ..entry(RuleId::FOrders, RuleKind::Flag, "Protective order not reflected in the group level",
            "Raised when a civil or ancillary order protects someone (restraining, non-molestation, domestic abuse protection, stalking protection or sexual harm prevention order) and the matching group is Low or not rated.")
    },
    Entry {
        needs: &["rosh.overall", "rosh.previous.overall", "rosh.change_in_circumstances_recorded"],
        inaccuracy: &[Inaccuracy::OverallFromOutset],
        causes: &[Cause::OptimismBias],
        citations: &[KINDS, JACQUES_FINDINGS.saying("Lack of professional curiosity and evidence of optimism bias."), cite(JacquesReview)],
        status: Status::Reading,
        reading: reading!("in the Joshua Jacques review of a lack of professional curiosity and evidence of optimism bias"),
        ..entry(RuleId::FLevelDropped, RuleKind::Flag, "Level lowered without a recorded change",
            "Raised when the overall level fell since the previous assessment and no change in circumstances is recorded.")
    },
    Entry {
        needs: &["rosh.overall", "circumstances.index_offence_violent", "circumstances.index_offence_sexual", "circumstances.previous_convictions"],
        inaccuracy: &[Inaccuracy::OverallFromOutset],
        causes: &[Cause::NotAllInformation],
        citations: &[KINDS, CAUSES],
        status: Status::Reading,
        reading: reading!("that the overall level of risk of serious harm was in some reviews inaccurate from the outset, and that assessments were not always based on all available information"),
        ..entry(RuleId::FViolenceHistoryLow, RuleKind::Flag, "Low level despite a history of violence",
            "Raised when the overall level is Low although the index offence was violent or sexual, or there are previous convictions for serious violence, weapons or domestic abuse.")
    },
    Entry {
        needs: &["rosh.assessor.role", "rosh.assessor.months_qualified", "rosh.assessor.countersigned"],
        inaccuracy: &[Inaccuracy::OverallFromOutset],
        inaccuracy_is_reading: true,
        causes: &[Cause::Inexperience],
        citations: &[CAUSES, JACQUES_FINDINGS.saying("Insufficient management oversight."), cite(SfoCheckDefault)],
        status: Status::Reading,
        reading: reading!("of \u{201c}inexperienced officers completing assessments\u{201d} among the causes of inaccurate assessments and, in the Joshua Jacques review, of \u{201c}insufficient management oversight\u{201d}; the 12 months is a default \u{2014} check against your region\u{2019}s agreed timescales"),
        check_against: CheckAgainst::RegionalTimescales,
        ..entry(RuleId::FInexperiencedAssessor, RuleKind::Flag, "High-risk or complex assessment without the oversight it should have had",
            "Raised when a High or Very High or complex case was assessed by a practitioner newly qualified (by default under 12 months), in training or working as a probation services officer, and the assessment was not countersigned: it should have had that oversight (a countersignature, management oversight). It says nothing of the practitioner's own skill.")
    },
    Entry {
        needs: &["rosh.assessor.manages_case", "rosh.completed_late"],
        inaccuracy: &[Inaccuracy::OverallFromOutset],
        inaccuracy_is_reading: true,
        causes: &[Cause::Workload],
        citations: &[CAUSES],
        status: Status::Reading,
        reading: reading!("that excessive workloads can result in assessments being completed late or by another practitioner who is not as familiar with the case"),
        ..entry(RuleId::FNotCaseManager, RuleKind::Flag, "Assessment late or by someone who does not manage the case",
            "Raised when the assessment was completed by a practitioner who does not manage the case, or completed late.")
    },
    Entry {
        needs: &["rosh.unverified"],
        inaccuracy: &[Inaccuracy::OverallFromOutset],
        inaccuracy_is_reading: true,
        causes: &[Cause::FaceValue],
        citations: &[CAUSES],
        status: Status::Reading,
        reading: reading!("that information was taken at face value and not followed up or verified"),
        ..entry(RuleId::FUnverifiedInfo, RuleKind::Flag, "Self-reported information not verified",
            "Raised when key information (address, relationship, household, employment) is recorded as self-reported and not verified.")
    },
    Entry {
        needs: &["circumstances.mappa.eligible", "circumstances.mappa.level", "rosh.sources"],
        inaccuracy: &[Inaccuracy::NotHolistic],
        inaccuracy_is_reading: true,
        causes: &[Cause::MultiAgency],
        citations: &[CAUSES],
        status: Status::Reading,
        reading: reading!("of insufficient multi-agency working to inform risk assessments"),
        ..entry(RuleId::FMultiAgency, RuleKind::Flag, "Little multi-agency information",
            "Raised when the person is MAPPA-eligible but no level is recorded, or there is a domestic abuse risk and no information from other agencies (a completed police or children's services enquiry, or a source such as police, children's services, MARAC, MAPPA or health).")
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profiles_words_are_freed_with_it() {
        let mut profile = crate::policy::PolicyProfile::default_profile();
        profile.timetable[1].sources[1].note = Some("A note of this region's own.".into());
        let cited = profile.timetable[1].sources[1].citation();
        let Some(Text::Shared(note)) = &cited.detail else {
            panic!("a profile's note is shared, not borrowed for good: {cited:?}");
        };
        let weak = std::sync::Arc::downgrade(note);
        assert_eq!(
            cited.detail.as_ref().unwrap(),
            &"A note of this region's own."
        );
        drop(cited);
        assert!(weak.upgrade().is_some(), "the profile keeps its words");
        drop(profile);
        assert!(weak.upgrade().is_none(), "and frees them when it goes");
    }

    #[test]
    fn statuses_and_citations_claim_no_more_than_their_sources() {
        use RuleId::*;
        let seed_sections = |e: &Entry| -> Vec<&'static str> {
            e.citations
                .iter()
                .filter(|c| c.source == HmipSfoAnnualReport2024)
                .filter_map(|c| c.at)
                .collect()
        };
        for e in &ENTRIES {
            // Only two flag triggers are confirmed; every other is a reading
            // that says whose finding it reads.
            if e.kind == RuleKind::Flag {
                let confirmed = matches!(e.id, FOverallBelowGroup | FEmCurfewChecks);
                let expected = if confirmed {
                    Status::Confirmed
                } else {
                    Status::Reading
                };
                assert_eq!(e.status, expected, "{}", e.id);
                // Its kind and cause cited where the report names them.
                let sections = seed_sections(e);
                if !e.inaccuracy_is_reading {
                    assert!(sections.contains(&RISK_ASSESSMENTS_HEADING), "{}", e.id);
                }
                if !e.causes.is_empty() && e.causes != [Cause::OptimismBias] {
                    assert!(sections.contains(&CAUSES_HEADING), "{}", e.id);
                }
            }
            assert_eq!(
                e.status == Status::Reading,
                !e.reading.is_empty(),
                "{}",
                e.id
            );
            if e.status == Status::Reading {
                assert!(
                    e.reading.starts_with(
                        "sfo-check\u{2019}s reading of the annual report\u{2019}s finding "
                    ),
                    "{}",
                    e.id
                );
                assert_eq!(e.status_text(), e.reading);
            }
            // Nothing about risk assessments, nor any step, cites the
            // report's quality assurance findings.
            assert!(
                !seed_sections(e).contains(&"SFO review quality assurance"),
                "{}",
                e.id
            );
            for cite in e.citations {
                if let Some(at) = cite.at {
                    let listed = cite.source.sections();
                    assert!(listed.is_empty() || listed.contains(&at), "{}: {at}", e.id);
                }
            }
            assert!(
                !e.statement.to_lowercase().contains("most sfos"),
                "{}",
                e.id
            );
            assert!(!e.statement.contains("occupier"), "{}", e.id);
        }
        // The 2024 report says nothing of a notification or of timing after release.
        assert!(seed_sections(DNotify.entry()).is_empty());
        assert!(DNotify
            .entry()
            .citations
            .iter()
            .all(|c| c.source != HmipSfoAnnualReport2024));
        assert!(FNoPostReleaseAssessment
            .entry()
            .citations
            .iter()
            .all(|c| c.source != JacquesReview));
        // Quality assurance: "SFO Process", with the Inspectorate's 20 per cent.
        let qa = Citation::from(DQa.entry().citations[0]);
        assert_eq!(qa.section.as_deref(), Some(SFO_PROCESS_HEADING));
        assert!(qa
            .detail
            .as_deref()
            .unwrap_or_default()
            .contains("20 per cent"));
        // The assessor flag speaks of oversight, never of an inexperienced officer.
        let assessor = FInexperiencedAssessor.entry();
        assert!(!assessor.title.to_lowercase().contains("inexperienced"));
        assert!(!assessor.statement.to_lowercase().contains("inexperienced"));
        assert!(assessor.statement.contains("oversight"));
        // Kind 3 says what the report says; kind 5 is explained, as no fact raises it.
        assert!(Inaccuracy::NotHolistic
            .text()
            .contains("did not consider the risk presented holistically"));
        assert!(Inaccuracy::FoundAtQualityAssurance.note().is_some());
        assert!(ENTRIES
            .iter()
            .all(|e| !e.inaccuracy.contains(&Inaccuracy::FoundAtQualityAssurance)));
    }

    #[test]
    fn entries_follow_the_id_order() {
        assert_eq!(ENTRIES.len(), RuleId::ALL.len());
        for (entry, id) in ENTRIES.iter().zip(RuleId::ALL) {
            assert_eq!(entry.id, *id);
            let prefix = match entry.kind {
                RuleKind::Qualification => "Q-",
                RuleKind::Step => "D-",
                RuleKind::Flag => "F-",
            };
            assert!(id.as_str().starts_with(prefix), "{id}");
        }
    }

    #[test]
    fn every_entry_is_complete() {
        for e in &ENTRIES {
            assert!(
                !e.title.is_empty() && e.statement.ends_with('.'),
                "{}",
                e.id
            );
            assert!(!e.needs.is_empty(), "{} needs facts", e.id);
            assert!(!e.citations.is_empty(), "{} cites a source", e.id);
            if e.kind == RuleKind::Flag {
                assert!(!e.inaccuracy.is_empty(), "{} names a kind", e.id);
            } else {
                assert!(e.inaccuracy.is_empty() && e.causes.is_empty(), "{}", e.id);
            }
            for path in e.needs {
                assert!(
                    crate::fields::info(path).is_some(),
                    "{}: {path} has a label",
                    e.id
                );
            }
        }
    }

    #[test]
    fn citations_read_as_citations() {
        let c = Citation::from(SFO_PROCESS);
        assert_eq!(c.id, "hmip-sfo-annual-report-2024");
        assert_eq!(
            c.text,
            "HM Inspectorate of Probation, Serious Further Offences Annual Report 2024 (10 December 2024), \u{201c}SFO Process\u{201d}"
        );
    }

    #[test]
    fn ids_serialise_as_the_rulebook_writes_them() {
        for id in RuleId::ALL {
            assert_eq!(serde_json::to_value(id).unwrap(), id.as_str());
        }
        for id in CitationId::ALL {
            assert_eq!(serde_json::to_value(id).unwrap(), id.id());
        }
    }
}
